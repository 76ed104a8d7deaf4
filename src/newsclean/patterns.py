"""Compiled ``regex`` patterns that keep the GIL while they match.

``regex`` releases the GIL around every match on a ``str`` unless told otherwise (its
``concurrent`` argument), so that other threads can run during a long match. newsclean
matches short texts: a block, a line, a word, hundreds of thousands of times over the
dev pages, and releasing the GIL and taking it back costs more than most of those
matches (about 150 ns of a 400 ns ``match``). A :class:`Pattern` asks ``regex`` to keep
it, as the standard library's ``re`` always does; results are the same. Over the dev
pages that is 3.5% fewer instructions in the compiled build, 2.1% in pure Python.
Threads still take turns between matches, and the command's ``--jobs`` runs pages in
processes, not threads.

``concurrent`` is passed positionally: as a keyword it costs more to parse than it saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

__all__ = ["Pattern"]


class Pattern:
    """``regex.compile(pattern, flags)``, with the methods newsclean uses, each matching
    with the GIL held."""

    __slots__ = ("compiled",)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.compiled = regex.compile(pattern, flags)

    @property
    def pattern(self) -> str:
        """The pattern's source."""
        return self.compiled.pattern

    def match(self, text: str, pos: int = 0) -> regex.Match[str] | None:
        return self.compiled.match(text, pos, None, False)

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        return self.compiled.fullmatch(text, None, None, False)

    def search(self, text: str, pos: int = 0) -> regex.Match[str] | None:
        return self.compiled.search(text, pos, None, False)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text, None, None, False, False)

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        # Released as by default: held, the iterator measured slower.
        return self.compiled.finditer(text)

    def sub(self, repl: str | Callable[[regex.Match[str]], str], text: str) -> str:
        # (repl, string, count, pos, endpos, concurrent): a pattern's sub takes no flags
        return self.compiled.sub(repl, text, 0, None, None, False)

    def split(self, text: str) -> list[str | Any]:
        return self.compiled.split(text, 0, False)
