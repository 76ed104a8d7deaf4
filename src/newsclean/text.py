"""Shared text helpers: comparison keys, tokens and the data files shipped with the package.

Judgement lives in the passes; this module only measures and loads.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

__all__ = ["WORD", "fold", "load_phrases", "load_words", "words"]

WORD = regex.compile(r"\w+(?:['’]\w+)*")
_NOT_WORD = regex.compile(r"[^\w]+")
_QUOTES = str.maketrans(
    {
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
    }
)


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (letters and digits, with inner apostrophes).

    >>> words("Korea's Kim, 2011.")
    ["Korea's", 'Kim', '2011']
    """
    return WORD.findall(text)


def fold(text: str) -> str:
    """A comparison key: case, quotes, punctuation and spacing folded away.

    >>> fold("“The  Kremlin” said…") == fold('"the kremlin" SAID...')
    True
    """
    return " ".join(_NOT_WORD.sub(" ", text.translate(_QUOTES).casefold()).split())


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
