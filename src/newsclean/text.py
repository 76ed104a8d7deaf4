"""Shared text helpers: comparison keys, tokens and the data files shipped with the package.

Judgement lives in the passes; this module only measures and loads.

Speed: every pass asks for the words, the word count and the folded key of the same blocks
and lines, so :func:`words`, :func:`word_count` and :func:`fold` remember their last few
thousand answers for short texts through :func:`per_text`, the cache the passes use for
their own measurements of a block or a line. The functions are pure, so the cache changes
no result, and its bound keeps memory flat whatever the input size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, wraps
from importlib import resources
from inspect import signature
from typing import Any, Concatenate, Final, ParamSpec, TypeVar, cast

import regex

from .patterns import Pattern

__all__ = [
    "ASCII_SPACE",
    "ASCII_SPACES",
    "CACHE_MAX_CHARS",
    "CACHE_SIZE",
    "PUNCTUATION",
    "WORD",
    "Memo",
    "clear_caches",
    "first_key_word",
    "fold",
    "key_words",
    "load_phrases",
    "load_words",
    "per_text",
    "unpunctuated",
    "word_count",
    "word_initials",
    "words",
]

WORD: Final = Pattern(r"\w+(?:['’]\w+)*")
_WORD_RUN: Final = Pattern(r"\w+")
# The same patterns for ASCII text, in the standard library's ``re``, which scans ASCII
# faster; the word characters are the ASCII ones that ``regex`` calls ``\w``.
_ASCII_W: Final = "".join(regex.escape(c) for c in map(chr, range(128)) if _WORD_RUN.fullmatch(c))
_ASCII_WORD: Final = re.compile(rf"[{_ASCII_W}]+(?:'[{_ASCII_W}]+)*")
_ASCII_WORD_RUN: Final = re.compile(rf"[{_ASCII_W}]+")
# Where a token of WORD starts: a word character after neither a word character nor an
# apostrophe joined to one.
_WORD_START: Final = Pattern(r"(?<!\w)(?<!\w['’])\w")
_ASCII_WORD_START: Final = re.compile(rf"(?<![{_ASCII_W}])(?<![{_ASCII_W}]')[{_ASCII_W}]")
_ASCII_FOLD: Final = bytes(
    ord(c.lower()) if c.isascii() and _WORD_RUN.fullmatch(c) else ord(" ") for c in map(chr, range(256))
)
"""A ``bytes.translate`` table folding ASCII text: each word character to lower case,
every other character to a space (bytes above ASCII never occur)."""
_WORD_MARKS: Final = bytes(
    ord("a") if _WORD_RUN.fullmatch(c) else ord("'") if c in "'\u2019" else ord(" ")
    for c in (bytes([b]).decode("cp1252", errors="replace") for b in range(256))
)
"""A ``bytes.translate`` table marking Windows-1252 text for :func:`word_count`: each word
character (as ``regex`` has it) an ``a``, each apostrophe of :data:`WORD` a ``'``, every
other character a space."""
ASCII_SPACES: Final = "\t\n\x0b\x0c\r "
"""The ASCII characters that ``regex`` calls ``\\s`` (``re`` adds U+001C-U+001F, which
``str.strip`` strips too): what a fast path for ASCII text spells out."""
ASCII_SPACE: Final = f"[{re.escape(ASCII_SPACES)}]"
""":data:`ASCII_SPACES` as a class, for an ASCII twin of a pattern in ``re``."""
PUNCTUATION: Final = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u00a0\u00ab\u00bb"
"""Curly quotes, dashes, the ellipsis, the no-break space and guillemets: no part of a
word, like a space, and the only characters beyond ASCII of most English text (two in
three of the non-ASCII lines the dev pages' languages are guessed from), which
:func:`unpunctuated` replaces by spaces so as to read such a text the fast ASCII way."""
CACHE_MAX_CHARS: Final = 10_000
"""The longest text whose measurements are cached (:func:`per_text`)."""
CACHE_SIZE: Final = 8192
"""Answers a cache holds at most. Measured over the dev pages (compiled build, ten pairs
of processes in alternating order, each timing against ftfy page by page): 4,096 took
3% more time (median ratio to ftfy 0.944 against 0.917) for 4.8 MB less resident, and
16,384 took the same time (1.010 against 1.007) for 2.6 MB more."""
CACHE_CHARS: Final = 1_000_000
"""Characters of the texts a cache holds at most: with :data:`CACHE_SIZE`, the bound on
its memory (an answer is no larger than its text, but for the words of a text)."""

_P = ParamSpec("_P")
_R = TypeVar("_R")
_CLEARS: Final[list[Callable[[], None]]] = []
"""The ``clear`` of every :class:`Memo`."""
_MISSING: Final = object()
"""What a cache look-up gives for a text it does not hold (an answer may be ``None``)."""
_KEYWORDS: Final = object()
"""Stands between the positional and the keyword arguments in a cache key."""


def per_text(measure: Callable[Concatenate[str, _P], _R]) -> Callable[Concatenate[str, _P], _R]:
    """Remember up to :data:`CACHE_SIZE` answers of a pure function of a block or line text.

    A page repeats its menu items, buttons and labels, pages of one site share them, and
    the pipeline's settling rounds judge the body's blocks again, so the passes measure
    many texts they have measured shortly before; the long paragraphs of the body come
    back in every pass and in the settling round. A cache holds at most
    :data:`CACHE_SIZE` answers for at most :data:`CACHE_CHARS` characters of text, and
    is emptied before it takes an answer that would exceed either; a text longer than
    :data:`CACHE_MAX_CHARS` is never kept. So a cache stays small whatever the input;
    the function being pure, the cache changes no result. The answer is shared: it must
    not be mutated (return tuples and frozensets).

    Speed: the wrappers run a million times over the dev pages, mostly to find an answer
    they hold, which costs one ``dict.get``. ``functools.lru_cache`` also moves the answer
    to the front of its recency list on every hit, and bounds the number of answers only;
    emptying a full cache instead costs a few answers measured again (the busiest cache
    fills in about a sixth of the dev pages). Measured against ``lru_cache``: 5.6% less
    time in the compiled build, 2.5% more in pure Python, where ``lru_cache``'s wrapper is
    C code. A function of the text alone gets a wrapper keyed on the text itself. A
    function of more arguments (a lexicon, a stoplist: the same few on every page) keeps
    a dict of answers by text for each set of its other arguments, so no key tuple is
    built for a call or kept for an answer: a kept tuple holding a lexicon is an object
    the garbage collector walks again and again (a quarter fewer collections over the dev
    pages).
    """
    memo = Memo()
    answers = memo.answers  # text -> answer; for more arguments: the others -> text -> answer

    @wraps(measure)
    def remembered(text: str, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        others = (*args, _KEYWORDS, *kwargs.items()) if kwargs else args
        answered = answers.get(others)
        found = _MISSING if answered is None else answered.get(text, _MISSING)
        if found is _MISSING:
            found = measure(text, *args, **kwargs)
            if (size := len(text)) <= CACHE_MAX_CHARS:
                memo.make_room(size)
                answers.setdefault(others, {})[text] = found
        return cast(_R, found)

    @wraps(measure)
    def remembered_text(text: str, /) -> _R:
        found = answers.get(text, _MISSING)
        if found is _MISSING:
            found = measure(text)  # type: ignore[call-arg]  # measure takes the text alone
            if (size := len(text)) <= CACHE_MAX_CHARS:
                memo.make_room(size)
                answers[text] = found
        return cast(_R, found)

    return cast(Any, remembered_text) if len(signature(measure).parameters) == 1 else remembered


class Memo:
    """A store of answers kept for texts, bounded like every cache of newsclean: at most
    :data:`CACHE_SIZE` answers for at most :data:`CACHE_CHARS` characters of text, emptied
    before it takes an answer that would exceed either, and by :func:`clear_caches`.

    The owner reads and writes :attr:`answers` itself, and calls :meth:`make_room` before
    it keeps an answer: a look-up costs one ``dict.get``, the bounds only a miss.
    """

    __slots__ = ("answers", "count", "held")

    def __init__(self) -> None:
        self.answers: dict[Any, Any] = {}
        self.count = 0  # the answers kept since the store was last emptied
        self.held = 0  # and the characters of their texts
        _CLEARS.append(self.clear)

    def make_room(self, chars: int) -> None:
        """Count an answer for ``chars`` characters of text about to be kept, first
        emptying the store if it would be over a bound."""
        if self.count >= CACHE_SIZE or self.held + chars > CACHE_CHARS:
            self.clear()
        self.count += 1
        self.held += chars

    def clear(self) -> None:
        self.answers.clear()
        self.count = self.held = 0


def clear_caches() -> None:
    """Empty every :func:`per_text` cache and every other :class:`Memo`. Results never
    depend on the caches; a benchmark clears them so that a page it times again is
    measured as the first time."""
    for clear in _CLEARS:
        clear()


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (letters and digits, with inner apostrophes).

    >>> words("Korea's Kim, 2011.")
    ["Korea's", 'Kim', '2011']
    """
    return list(_word_tuple(text))  # a fresh list: the cached tuple is shared


@per_text
def word_count(text: str) -> int:
    """The number of :func:`words` of ``text``, counted without making them.

    Most texts are only counted (menu items, captions, paragraphs the layout weighs), and
    making their words was the costliest part of reading them. A text in Windows-1252
    (ASCII, Latin-1 letters and the curly quotes and dashes of typeset text: nearly all
    text in the languages of Western Europe) is marked a character a byte, and its words
    are counted where they start, with C-level counts (:data:`_WORD_MARKS`); any other
    text is tokenised.

    >>> word_count("Korea’s Kim, 2011."), word_count("l'été''x 'y")
    (3, 3)
    """
    try:
        marks = (text.encode("ascii") if text.isascii() else text.encode("cp1252")).translate(_WORD_MARKS)
    except UnicodeEncodeError:  # beyond Windows-1252, so not ASCII: what _word_tuple reads
        return len(WORD.findall(text))
    # A word starts at a word character after a space, or after an apostrophe that follows
    # no word character (WORD joins "word'word" into one word).
    return (
        marks.count(b" a")
        + marks.count(b" 'a")
        + marks.count(b"''a")
        + marks.startswith(b"a")
        + marks.startswith(b"'a")
    )


def word_initials(text: str) -> list[str]:
    """The first character of each of :func:`words`, found without listing the words.

    >>> word_initials("Korea's Kim, 2011.")
    ['K', 'K', '2']
    """
    return (_ASCII_WORD_START if text.isascii() else _WORD_START).findall(text)


@per_text
def _word_tuple(text: str) -> tuple[str, ...]:
    return tuple(_ASCII_WORD.findall(text) if text.isascii() else WORD.findall(text))


def unpunctuated(text: str) -> str:
    """``text`` with its curly quotes, dashes, ellipses, no-break spaces and guillemets
    (:data:`PUNCTUATION`) replaced by spaces, which changes none of its runs of word
    characters (what :func:`fold` and the language guess read): most English text is
    then ASCII.

    >>> unpunctuated("“It’s over” — Jane")
    ' It s over    Jane'
    """
    if not text.isascii():
        for char in PUNCTUATION:
            text = text.replace(char, " ")
    return text


@per_text
def fold(text: str) -> str:
    """A comparison key: case, quotes, punctuation and spacing folded away.

    The key is the casefolded text's runs of word characters joined by single spaces:
    quotes, punctuation and every kind of space separate runs alike.

    >>> fold("“The  Kremlin” said…") == fold('"the kremlin" SAID...')
    True
    """
    # Typography separates runs as a space does: without it, most text is ASCII, whose
    # casefold is lower and whose runs are what splitting the translation leaves.
    if (plain := unpunctuated(text)).isascii():
        return b" ".join(plain.encode("ascii").translate(_ASCII_FOLD).split()).decode("ascii")
    return " ".join(_WORD_RUN.findall(text.casefold()))


def key_words(phrases: Iterable[str]) -> frozenset[str]:
    """The longest word of every folded phrase (the last of equally long ones, rarer in
    running text than a first word; a trailing wildcard ``*`` is no word). A text holds
    a phrase as whole words only if it holds the phrase's key word, so a text without
    any key word needs no search for the phrases.

    >>> sorted(key_words(["all rights reserved", "share on *"]))
    ['reserved', 'share']
    """
    return frozenset(max(reversed(p.rstrip(" *").split()), key=len) for p in phrases)


def first_key_word(text: str) -> str:
    """The first word of ``fold(text)`` ("" for none): of an ASCII text, its first run of
    word characters in lower case, found without folding the whole text.

    >>> first_key_word("  “Read MORE: the plan"), first_key_word("Read more: the plan")
    ('read', 'read')
    """
    if text.isascii():
        run = _ASCII_WORD_RUN.search(text)
        return run[0].lower() if run else ""
    return fold(text).partition(" ")[0]


@cache
def load_words(name: str) -> frozenset[str]:
    """A word list from ``newsclean/data``: one entry per line, ``#`` comments, folded."""
    return frozenset(load_phrases(name))


@cache
def load_phrases(name: str) -> tuple[str, ...]:
    """The entries of a data file in order: one per line, ``#`` comments and blanks skipped.

    Entries are folded with :func:`fold`, except a trailing ``*`` which is kept.
    """
    path = resources.files("newsclean") / "data" / name
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    entries = []
    for raw_line in raw.splitlines():
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        star = line.endswith("*")
        key = fold(line.rstrip("*"))
        if key:
            entries.append(key + (" *" if star else ""))
    return tuple(entries)
