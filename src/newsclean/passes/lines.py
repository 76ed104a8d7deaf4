"""Pass 2, ``repair_lines``: rejoin sentences that a flattener split at inline elements.

``get_text("\\n")`` puts every text node on its own line, so a link inside a sentence
splits it: "The", "company shelved its plans", "for an initial public offering...". Two
neighbouring lines of a block are joined when the break cannot be a real line end:

* the next line starts with a lowercase letter or with closing punctuation (``, . ; : ) ]``);
* the line ends with an opening bracket, a comma, or a function word ("the", "of", "and").

Lines that are each complete (a list of section names, an address, "AFP" over
"Written By") stay apart.
"""

from __future__ import annotations

import regex

from ..config import Config
from ..model import Document
from ..text import load_words, words

__all__ = ["join_split_lines", "repair_lines"]

NAME = "repair_lines"

_CLOSING = regex.compile(r"^[,.;:!?)\]}%…]")
_OPENING = regex.compile(r"[(\[{,\-–—/]$")
_LOWER_START = regex.compile(r"^\p{Ll}")


def _continues(line: str, following: str, stopwords: frozenset[str]) -> bool:
    if _CLOSING.match(following) or _LOWER_START.match(following):
        return True
    if _OPENING.search(line):
        return True
    last = words(line[-40:])
    return bool(last) and last[-1].casefold() in stopwords and not line.endswith((".", "!", "?", ":"))


def join_split_lines(text: str, stopwords: frozenset[str]) -> str:
    """Join the lines of ``text`` that continue one another.

    >>> join_split_lines("The\\ncompany shelved its plans\\n, it said.", frozenset({"the"}))
    'The company shelved its plans, it said.'
    >>> join_split_lines("World\\nBusiness\\nSport", frozenset({"the"}))
    'World\\nBusiness\\nSport'
    """
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if not _continues(prev, line, stopwords):
            out.append(line)
        elif _CLOSING.match(line) or prev.endswith(("(", "[", "{", "/")):
            out[-1] = prev + line
        else:
            out[-1] = prev + " " + line
    return "\n".join(out)


def repair_lines(doc: Document, config: Config) -> Document:
    """Join split lines inside every multi-line block."""
    stopwords = load_words("stopwords/en.txt")
    updates = []
    for pos, block in enumerate(doc.blocks):
        if "\n" in block.text:
            joined = join_split_lines(block.text, stopwords)
            count = block.text.count("\n") - joined.count("\n")
            updates.append((pos, joined, "joined_lines", f"{count} line break(s) inside sentences"))
    return doc.edit(NAME, updates)
