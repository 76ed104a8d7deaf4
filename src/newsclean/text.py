"""Shared text helpers: comparison keys, tokens and the data files shipped with the package.

Judgement lives in the passes; this module only measures and loads.

Speed: every pass asks for the words and the folded key of the same blocks and lines, so
:func:`words` and :func:`fold` remember their last few thousand answers for short texts
(up to :data:`CACHE_MAX_CHARS`). The functions are pure, so the cache changes no result,
and its bound keeps memory flat whatever the input size.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import regex

__all__ = ["CACHE_MAX_CHARS", "WORD", "fold", "load_phrases", "load_words", "words"]

WORD = regex.compile(r"\w+(?:['’]\w+)*")
_WORD_RUN = regex.compile(r"\w+")
# The same patterns for ASCII text, in the standard library's ``re``, which scans ASCII
# faster; the word characters are the ASCII ones that ``regex`` calls ``\w``.
_ASCII_W = "".join(regex.escape(c) for c in map(chr, range(128)) if _WORD_RUN.fullmatch(c))
_ASCII_WORD = re.compile(rf"[{_ASCII_W}]+(?:'[{_ASCII_W}]+)*")
_ASCII_WORD_RUN = re.compile(rf"[{_ASCII_W}]+")
CACHE_MAX_CHARS = 1000
"""Texts up to this length have their words and keys cached (2 x 4096 entries at most)."""


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (letters and digits, with inner apostrophes).

    >>> words("Korea's Kim, 2011.")
    ["Korea's", 'Kim', '2011']
    """
    if len(text) <= CACHE_MAX_CHARS:
        return list(_cached_words(text))
    return _words(text)


def _words(text: str) -> list[str]:
    return _ASCII_WORD.findall(text) if text.isascii() else WORD.findall(text)


@lru_cache(maxsize=4096)
def _cached_words(text: str) -> tuple[str, ...]:
    return tuple(_words(text))


def fold(text: str) -> str:
    """A comparison key: case, quotes, punctuation and spacing folded away.

    The key is the casefolded text's runs of word characters joined by single spaces:
    quotes, punctuation and every kind of space separate runs alike.

    >>> fold("“The  Kremlin” said…") == fold('"the kremlin" SAID...')
    True
    """
    if len(text) <= CACHE_MAX_CHARS:
        return _cached_fold(text)
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():  # where casefold is lower
        return " ".join(_ASCII_WORD_RUN.findall(text.lower()))
    return " ".join(_WORD_RUN.findall(text.casefold()))


_cached_fold = lru_cache(maxsize=4096)(_fold)


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
