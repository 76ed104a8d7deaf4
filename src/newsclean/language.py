"""Guess a page's language from its text alone: writing system first, then stopwords.

No model, no network: the script of the letters decides the non-Latin languages (Hangul
is Korean, kana Japanese, Han alone Chinese, Cyrillic Russian), and among Latin-script
languages the one whose stoplist covers most of the page's tokens wins. A page whose
tokens no stoplist covers well is reported as ``None`` and the passes fall back to
language-free signals (punctuation and length).

>>> guess_language("Der Bundestag hat am Freitag über das neue Gesetz abgestimmt, das ist nicht neu.")
'de'
>>> guess_language("Правительство заявило, что это не так и что решение уже принято.")
'ru'
>>> guess_language("정부는 오늘 새로운 정책을 발표했다.")
'ko'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from operator import attrgetter
from typing import Final, NamedTuple

from .model import Document
from .patterns import Pattern
from .text import load_phrases, per_text, unpunctuated

__all__ = [
    "CJK_LANGUAGES",
    "STOPLIST_LANGUAGES",
    "guess_language",
    "is_cjk",
    "page_language",
    "page_languages",
    "stopwords",
    "tokens",
]

STOPLIST_LANGUAGES: Final = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "id")
"""Languages with a stoplist in ``newsclean/data/stopwords``."""

CJK_LANGUAGES: Final = frozenset({"ja", "ko", "zh"})
"""Languages written without spaces between words (or with few): counted in characters."""

_SAMPLE_CHARS: Final = 60_000
_MIN_SHARE: Final = 0.06
"""A Latin-script page whose best stoplist covers fewer of its tokens than this has no
stoplist language: running text in any of the stoplist languages is 30-50 % function
words, a menu or a page in another language is far below."""

_MIN_LINE_CHARS: Final = 60

_TOKEN: Final = Pattern(r"[\p{L}\p{M}]+")
_ASCII_TOKENS: Final = bytes(
    ord(c.lower()) if c.isascii() and _TOKEN.fullmatch(c) else ord(" ") for c in map(chr, range(256))
)
"""A ``bytes.translate`` table for ASCII text: each letter to lower case, every other
character to a space, so that splitting the translation gives the tokens."""
_LATIN: Final = Pattern(r"\p{Latin}")
# Runs of the characters not in a script: removing them leaves the script's letters,
# which counts them several times faster than listing them with ``findall``.
_NOT_HANGUL: Final = Pattern(r"\P{Hangul}+")
_NOT_KANA: Final = Pattern(r"[^\p{Hiragana}\p{Katakana}]+")
_NOT_HAN: Final = Pattern(r"\P{Han}+")
_NOT_CYRILLIC: Final = Pattern(r"\P{Cyrillic}+")
_NOT_LATIN: Final = Pattern(r"\P{Latin}+")
_NON_LATIN_SCRIPT: Final = Pattern(r"[\p{Hangul}\p{Hiragana}\p{Katakana}\p{Han}\p{Cyrillic}]")
_CJK_CHAR: Final = Pattern(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def tokens(text: str) -> list[str]:
    """Casefolded letter runs; apostrophes and digits split them ("l'homme" -> l, homme).

    >>> tokens("L'homme a dit: 2 fois!")
    ['l', 'homme', 'a', 'dit', 'fois']
    """
    return _tokens_of(unpunctuated(text))


def _tokens_of(plain: str) -> list[str]:
    """:func:`tokens` of an :func:`~newsclean.text.unpunctuated` text."""
    if not plain.isascii():
        return _TOKEN.findall(plain.casefold())
    # casefold is lower; translating bytes beats a regex scan
    return plain.encode("ascii").translate(_ASCII_TOKENS).decode("ascii").split()


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The stoplist of ``language`` (empty for a language without one, or ``None``)."""
    if not language:
        return frozenset()
    return frozenset(word for entry in load_phrases(f"stopwords/{language}.txt") for word in entry.split())


def is_cjk(text: str) -> bool:
    """Whether most letters of ``text`` are Chinese, Japanese or Korean characters.

    >>> is_cjk("政府は新しい政策を発表した。"), is_cjk("Tokyo (東京)")
    (True, False)
    """
    cjk = len(_CJK_CHAR.findall(text))
    return cjk > 0 and cjk * 2 >= sum(1 for c in text if c.isalpha())


def _running_text(text: str) -> str:
    """The lines of ``text`` that look like running text (menus are short lines), or all."""
    lines = [line for line in text.splitlines() if len(line) >= _MIN_LINE_CHARS]
    sample = "\n".join(lines)[:_SAMPLE_CHARS]
    return sample if len(sample) >= _MIN_LINE_CHARS * 3 else text[:_SAMPLE_CHARS]


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the language most of ``text`` is in, or ``None`` when unsure.

    >>> guess_language("The president said on Tuesday that he would not run again.")
    'en'
    >>> guess_language("Home | Sport | Login") is None
    True
    """
    sample = _running_text(text)
    script = _script(sample)
    if script is None or script in CJK_LANGUAGES:
        return script
    # Tokens never span a line break, so the sample's counts are the sum of its lines'.
    totals, packed = zip(*map(_stop_counts, sample.split("\n")), strict=True)
    return _best(sum(totals), sum(packed), script)


def _best(total: int, packed: int, script: str) -> str | None:
    """The stoplist language whose words are the largest share of the ``total`` tokens of
    a page in ``script`` (``"latin"`` or ``"ru"``), given each stoplist's count (``packed``);
    ``None`` below :data:`_MIN_SHARE`."""
    if not total:
        return None
    best, share = None, 0.0
    for lang, found in zip(STOPLIST_LANGUAGES, _unpacked(packed), strict=True):
        if (lang == "ru") != (script == "ru"):
            continue  # a Cyrillic page is Russian or nothing, a Latin one anything else
        if found / total > share:
            best, share = lang, found / total
    return best if share >= _MIN_SHARE else None


_OUTSIDE_LATIN_PAGES: Final = Pattern(r"[^\x00-\u03ff\u1e00-\u2bff]")
"""Any character but ASCII, Latin, Greek, combining marks, punctuation and symbols: a
quick test that the letters of the other scripts :func:`_script` counts are absent (no
Hangul, kana, Han or Cyrillic letter lies in these ranges; ``tests/test_language.py``
checks it)."""


def _other_script(text: str) -> bool:
    """Whether ``text`` holds a Hangul, kana, Han or Cyrillic letter (the range test
    first: it is cheaper, and most text fails it)."""
    return _OUTSIDE_LATIN_PAGES.search(text) is not None and _NON_LATIN_SCRIPT.search(text) is not None


def _script(sample: str) -> str | None:
    """The writing system most letters of ``sample`` are in: a CJK language code, ``"ru"``
    (Cyrillic), ``"latin"``, or ``None`` when it has no letters of these.

    Most pages hold no Hangul, kana, Han or Cyrillic at all: then only whether any Latin
    letter exists matters, and nothing needs counting.
    """
    if not _other_script(sample):
        return "latin" if _LATIN.search(sample) else None
    return _script_of(_letters(sample))


_Letters = tuple[int, int, int, int, int]
"""How many letters of a text are Hangul, kana, Han, Cyrillic and Latin."""


def _letters(text: str) -> _Letters:
    """The :data:`_Letters` of ``text``."""
    return (
        len(_NOT_HANGUL.sub("", text)),
        len(_NOT_KANA.sub("", text)),
        len(_NOT_HAN.sub("", text)),
        len(_NOT_CYRILLIC.sub("", text)),
        len(_NOT_LATIN.sub("", text)),
    )


def _script_of(letters: _Letters) -> str | None:
    """:func:`_script` of a text with a letter of another script than Latin, from its
    :data:`_Letters`: the script with the most of them (Japanese counts Han with kana), or
    ``None`` when it has none."""
    hangul, kana, han, cyrillic, latin = letters
    name, count = max(
        (
            ("ko", hangul),
            ("ja", kana + han if kana else 0),
            ("zh", han if not kana else 0),
            ("ru", cyrillic),
            ("latin", latin),
        ),
        key=lambda item: item[1],
    )
    return name if count else None


def _stop_counts(line: str) -> tuple[int, int]:
    """The number of tokens in ``line``, and how many of them each stoplist of
    :data:`STOPLIST_LANGUAGES` holds, packed in one integer (see :func:`_packed_stopwords`)."""
    return _counts(tokens(line))


def _counts(words: list[str]) -> tuple[int, int]:
    """:func:`_stop_counts` of a line's tokens."""
    return len(words), sum(filter(None, map(_packed_stopwords().get, words)))


class _Running(NamedTuple):
    """What the guess reads of one block: its lines of running text (those of
    :func:`_running_text`) and what the guess measures in them."""

    lines: int
    chars: int  # the characters of these lines
    tokens: int
    packed: int  # their stopwords' counts (see :func:`_stop_counts`)
    latin: bool  # whether they hold a Latin letter ...
    other: bool  # ... and one of the scripts :func:`_script` counts besides


_NONE_RUNNING: Final = _Running(0, 0, 0, 0, latin=False, other=False)


def _running_texts(texts: Iterable[str]) -> list[str]:
    """The texts of the blocks the page guess measures (see :func:`_guess_blocks`): those a
    line long or longer (most blocks are shorter, and hold no line of running text), with
    their quotes and typography spaced out (:func:`_unquoted`), which reads the same.

    So the settling round, whose blocks are the first round's normalised texts, finds a
    block that normalising only straightened the quotes of (most blocks of typeset pages)
    measured already: over the dev pages, 10,820 blocks measured instead of 13,056.
    """
    return [_unquoted(text) for text in texts if len(text) >= _MIN_LINE_CHARS]


def _unquoted(text: str) -> str:
    """``text`` with its straight quotes and :data:`~newsclean.text.PUNCTUATION` replaced
    by spaces: the same lines of the same lengths, letters, tokens and scripts, which is
    all the page guess reads of it (a property test holds the measure of the unquoted text to
    what the guess reads of the text itself); a text without them is returned as it is.

    >>> _unquoted("“It’s over,” he said. 'It's over.'")
    ' It s over,  he said.  It s over. '
    """
    return unpunctuated(text).replace("'", " ").replace('"', " ")


def _running_lines_of(text: str) -> list[str]:
    """The lines of running text of a block: those a line long or longer."""
    return [line for line in text.splitlines() if len(line) >= _MIN_LINE_CHARS]


@per_text
def _running_letters(text: str) -> _Letters:
    """The :data:`_Letters` of the lines of running text of a block's :func:`_unquoted`
    text (whose quotes and typography are no letters). Cached like :func:`_running_lines`:
    read of every block of a page with a letter of another script than Latin."""
    return _letters("\n".join(_running_lines_of(text)))


@per_text
def _running_lines(text: str) -> _Running:
    """What the page guess reads of a block's :func:`_unquoted` text of a line's length or
    more: its lines of running text, what they hold and what the guess measures in them.
    The lines are unpunctuated already, ready for :func:`_tokens_of`.

    Cached: a settling round guesses the language of the body, whose blocks the first
    round mostly measured already.
    """
    lines = _running_lines_of(text)
    if not lines:
        return _NONE_RUNNING
    total = packed = 0
    latin = other = False
    for line in lines:
        count, stops = _counts(_tokens_of(line))
        total += count
        packed += stops
        if line.isascii():  # an ASCII letter is a Latin one, and every token has one
            latin = latin or count > 0
        else:
            latin = latin or _LATIN.search(line) is not None
            other = other or _other_script(line)
    return _Running(len(lines), sum(map(len, lines)), total, packed, latin, other)


_FIELD_BITS: Final = 32
"""Bits of one language's count in a packed count. A guess reads at most
:data:`_SAMPLE_CHARS` characters, far fewer tokens than ``2**32``: no count spills over."""


@cache
def _packed_stopwords() -> dict[str, int]:
    """Every stopword and a count of one for each list of :data:`STOPLIST_LANGUAGES` holding
    it, packed in one integer: the count of language ``i`` in the bits from
    ``i * _FIELD_BITS`` on. Adding packed counts adds every language's count at once, so
    a line's counts are one sum in C instead of a Python loop over its stopwords."""
    packed: dict[str, int] = {}
    for position, lang in enumerate(STOPLIST_LANGUAGES):
        for word in stopwords(lang):
            packed[word] = packed.get(word, 0) + (1 << position * _FIELD_BITS)
    return packed


def _unpacked(packed: int) -> list[int]:
    """The count of each language of :data:`STOPLIST_LANGUAGES` in a packed count."""
    field = (1 << _FIELD_BITS) - 1
    return [packed >> position * _FIELD_BITS & field for position in range(len(STOPLIST_LANGUAGES))]


_ORIGINAL: Final = attrgetter("original")


@lru_cache(maxsize=16)
def _guess_blocks(texts: tuple[str, ...]) -> str | None:
    """The guess for a page's segmented block texts: ``guess_language`` of their join.

    Keyed on the tuple of texts rather than their join: the passes of one round hand over
    the very same strings, whose hashes Python keeps, so asking again costs a look-up per
    block instead of joining and hashing the whole page. One entry per round would do;
    sixteen leave room for a caller interleaving a few pages.

    Speed: the guess adds up what each block's lines hold (:func:`_running_lines` of
    :func:`_running_texts`, cached), and
    so joins, splits and scans no page; the settling round finds most of the body's
    blocks measured. The lines of the join are the blocks' lines, so the sums are those
    of ``guess_language``'s sample, and its answer. A page with a letter of another script
    than Latin has its scripts counted a block at a time too (:func:`_running_letters`,
    cached), and is not read again as one text, which took a Russian or Japanese page's
    guess twice as long. The page is read as one text only where the sample is not simply
    all the lines of running text (fewer than three lines' worth, or more than
    :data:`_SAMPLE_CHARS` characters).
    """
    running = _running_texts(texts)
    counts = list(map(_running_lines, running))
    lines = sum(c.lines for c in counts)
    chars = sum(c.chars for c in counts) + lines - 1  # the sample: the lines, joined
    if not _MIN_LINE_CHARS * 3 <= chars <= _SAMPLE_CHARS:
        return guess_language("\n".join(texts))
    if any(c.other for c in counts):
        measured = (text for text, c in zip(running, counts, strict=True) if c.lines)
        script = _script_of(_summed(map(_running_letters, measured)))
        if script is None or script in CJK_LANGUAGES:
            return script
    elif any(c.latin for c in counts):
        script = "latin"
    else:
        return None  # what _script finds in a sample without letters of these scripts
    return _best(sum(c.tokens for c in counts), sum(c.packed for c in counts), script)


def _summed(counts: Iterable[_Letters]) -> _Letters:
    """The letters of the blocks of ``counts`` together."""
    hangul = kana = han = cyrillic = latin = 0
    for letters in counts:
        hangul += letters[0]
        kana += letters[1]
        han += letters[2]
        cyrillic += letters[3]
        latin += letters[4]
    return hangul, kana, han, cyrillic, latin


def page_language(doc: Document, configured: str | None = None) -> str | None:
    """The page's language: ``configured`` (``Config.language``) when set, else a guess.

    The guess reads the blocks as segmented (``Block.original``), which no pass edits, so
    every pass that asks gets the same answer and the guess is made once per page.
    """
    if configured:
        return configured
    originals = tuple(map(_ORIGINAL, doc.blocks))  # asked three times a round: no Python loop
    if "" in originals:  # a block made without its segmented text
        originals = tuple(b.original or b.text for b in doc.blocks)
    return _guess_blocks(originals)


def page_languages(doc: Document, configured: str | None = None) -> tuple[str, ...]:
    """The languages whose lexicons apply to ``doc`` (English when none is known).

    English is always added by the lexicon loader too, since English UI text appears on
    pages in every language.
    """
    language = page_language(doc, configured)
    return (language,) if language else ("en",)
