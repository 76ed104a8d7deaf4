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

from functools import cache, lru_cache
from operator import attrgetter
from typing import Final

import regex

from .model import Document
from .text import load_phrases, per_text

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

_TOKEN: Final = regex.compile(r"[\p{L}\p{M}]+")
_ASCII_TOKENS: Final = bytes(
    ord(c.lower()) if c.isascii() and _TOKEN.fullmatch(c) else ord(" ") for c in map(chr, range(256))
)
"""A ``bytes.translate`` table for ASCII text: each letter to lower case, every other
character to a space, so that splitting the translation gives the tokens."""
_PUNCTUATION: Final = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u00a0\u00ab\u00bb"
"""Curly quotes, dashes, the ellipsis, the no-break space and guillemets: characters that
are no part of a token, like a space, and the only non-ASCII ones of most English lines
(two in three of the non-ASCII lines the dev pages' languages are guessed from), which
:func:`tokens` replaces by spaces so as to read such a line the fast ASCII way."""
_LATIN: Final = regex.compile(r"\p{Latin}")
# Runs of the characters not in a script: removing them leaves the script's letters,
# which counts them several times faster than listing them with ``findall``.
_NOT_HANGUL: Final = regex.compile(r"\P{Hangul}+")
_NOT_KANA: Final = regex.compile(r"[^\p{Hiragana}\p{Katakana}]+")
_NOT_HAN: Final = regex.compile(r"\P{Han}+")
_NOT_CYRILLIC: Final = regex.compile(r"\P{Cyrillic}+")
_NOT_LATIN: Final = regex.compile(r"\P{Latin}+")
_NON_LATIN_SCRIPT: Final = regex.compile(r"[\p{Hangul}\p{Hiragana}\p{Katakana}\p{Han}\p{Cyrillic}]")
_CJK_CHAR: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def tokens(text: str) -> list[str]:
    """Casefolded letter runs; apostrophes and digits split them ("l'homme" -> l, homme).

    >>> tokens("L'homme a dit: 2 fois!")
    ['l', 'homme', 'a', 'dit', 'fois']
    """
    if not text.isascii():
        for char in _PUNCTUATION:
            text = text.replace(char, " ")
        if not text.isascii():
            return _TOKEN.findall(text.casefold())
    # casefold is lower; translating bytes beats a regex scan
    return text.encode("ascii").translate(_ASCII_TOKENS).decode("ascii").split()


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
    total = sum(totals)
    if not total:
        return None
    best, share = None, 0.0
    for lang, found in zip(STOPLIST_LANGUAGES, _unpacked(sum(packed)), strict=True):
        if (lang == "ru") != (script == "ru"):
            continue  # a Cyrillic page is Russian or nothing, a Latin one anything else
        if found / total > share:
            best, share = lang, found / total
    return best if share >= _MIN_SHARE else None


_OUTSIDE_LATIN_PAGES: Final = regex.compile(r"[^\x00-\u03ff\u1e00-\u2bff]")
"""Any character but ASCII, Latin, Greek, combining marks, punctuation and symbols: a
quick test that the letters of the other scripts :func:`_script` counts are absent (no
Hangul, kana, Han or Cyrillic letter lies in these ranges; ``tests/test_language.py``
checks it)."""


def _script(sample: str) -> str | None:
    """The writing system most letters of ``sample`` are in: a CJK language code, ``"ru"``
    (Cyrillic), ``"latin"``, or ``None`` when it has no letters of these.

    Most pages hold no Hangul, kana, Han or Cyrillic at all: then only whether any Latin
    letter exists matters, and nothing needs counting.
    """
    if _OUTSIDE_LATIN_PAGES.search(sample) is None or _NON_LATIN_SCRIPT.search(sample) is None:
        return "latin" if _LATIN.search(sample) else None
    han = len(_NOT_HAN.sub("", sample))
    kana = len(_NOT_KANA.sub("", sample))
    name, count = max(
        (
            ("ko", len(_NOT_HANGUL.sub("", sample))),
            ("ja", kana + han if kana else 0),
            ("zh", han if not kana else 0),
            ("ru", len(_NOT_CYRILLIC.sub("", sample))),
            ("latin", len(_NOT_LATIN.sub("", sample))),
        ),
        key=lambda item: item[1],
    )
    return name if count else None


@per_text
def _stop_counts(line: str) -> tuple[int, int]:
    """The number of tokens in ``line``, and how many of them each stoplist of
    :data:`STOPLIST_LANGUAGES` holds, packed in one integer (see :func:`_packed_stopwords`).

    Cached (:func:`~newsclean.text.per_text`): a settling round guesses the language of the
    page's body, whose lines the first round mostly counted already.
    """
    words = tokens(line)
    return len(words), sum(filter(None, map(_packed_stopwords().get, words)))


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
    """The guess for a page's segmented block texts.

    Keyed on the tuple of texts rather than their join: the passes of one round hand over
    the very same strings, whose hashes Python keeps, so asking again costs a look-up per
    block instead of joining and hashing the whole page. One entry per round would do;
    sixteen leave room for a caller interleaving a few pages.
    """
    return guess_language("\n".join(texts))


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
