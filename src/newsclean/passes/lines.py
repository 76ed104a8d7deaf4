"""Pass 2, ``repair_lines``: rejoin sentences that a flattener split at inline elements.

``get_text("\\n")`` puts every text node on its own line, so a link inside a sentence
splits it: "The", "company shelved its plans", "for an initial public offering...". Two
neighbouring lines of a block are joined when the break cannot be a real line end:

* the next line starts with a lowercase letter or with closing punctuation (``, . ; : ) ]``,
  or a closing quote before such punctuation);
* the line ends with an opening bracket, a comma, or a function word of the page's
  language ("the", "of", "der", "de");
* the line does not end a sentence and the next line is a short link text ("WeWork",
  "Los Angeles Times") followed by a line that continues the sentence, or the short last
  line of the block that ends it ("Fan Vote.");
* the line does not end a sentence and the next line starts with an opening bracket
  ("Pavle Petrović", "(Serbia) found ...").

Lines that are each complete (a list of section names, an address, "AFP" over
"Written By", a heading over its paragraph) stay apart.
"""

from __future__ import annotations

from typing import Final

from ..config import Config
from ..language import page_language, stopwords
from ..model import Document
from ..patterns import Pattern
from ..text import per_text, word_count, words

__all__ = ["join_split_lines", "repair_lines"]

NAME: Final = "repair_lines"

LINK_WORDS: Final = 5
"""Longest link text (in words) that is taken for part of the sentence around it."""

_CLOSING: Final = Pattern(r"^(?:[,.;:!?)\]}%…]|[\"'’”»]\s*(?:[,.;:!?)]|$|\s\p{Ll}))")
_CLOSING_FIRST: Final = frozenset(",.;:!?)]}%…\"'’”»")
"""The characters a match of ``_CLOSING`` starts with: a line starting otherwise is tested
for its first letter alone (most lines start with a capital or a digit)."""
_LOWER_START: Final = Pattern(r"^\p{Ll}")
# The ends of lines are tested with ``str`` methods: a pattern anchored at the end, such as
# ``[(\[{,]$``, is tried at every position of the line. (Lines hold no line break.)
_OPENERS: Final = ("(", "[", "{", ",", "-", "–", "—", "/")
_SENTENCE_ENDS: Final = (".", "!", "?", ":", ";", "…", "。", "！", "？")
_CLOSERS: Final = "\"'’”»)]"


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence: an end mark, then closing quotes or brackets only."""
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _goes_on(line: str) -> bool:
    """Whether ``line`` starts as the rest of a sentence: a closing mark or a lowercase word."""
    first = line[:1]
    if first in _CLOSING_FIRST:
        return _CLOSING.match(line) is not None
    if first.isascii():  # the ASCII lowercase letters are a-z
        return "a" <= first <= "z"
    return _LOWER_START.match(line) is not None


def _is_link_text(line: str, count: int) -> bool:
    """A few words (``count``) without a sentence end: what a link inside a sentence looks like."""
    return 0 < count <= LINK_WORDS and len(line) <= 60 and not _ends_sentence(line)


_TAIL: Final = 256
"""How much of a joined line the join rules look at: they only read its end, and keeping
just the end makes a block of many short lines cost time linear in its size."""


def _joins(
    lines: list[str], counts: list[int], i: int, tail: str, prev_words: int, *, stops: frozenset[str]
) -> bool:
    """Whether line ``i`` continues the line before it, of which ``tail`` is the end and
    ``prev_words`` the number of words (``counts`` holds each line's)."""
    line = lines[i]
    if _goes_on(line) or tail.endswith(_OPENERS):
        return True
    if _ends_sentence(tail):
        return False
    last = words(tail[-40:])
    # the sentence stops at a function word, or the line opens like the rest of one
    if (last and last[-1].casefold() in stops) or (prev_words and line.startswith(("(", "["))):
        return True
    if not prev_words:
        return False
    if i + 1 == len(lines):
        # The block's last line: a short one that ends the sentence ("Fan Vote.").
        return counts[i] <= LINK_WORDS and _ends_sentence(line) and prev_words > 3
    return _is_link_text(line, counts[i]) and _goes_on(lines[i + 1])


@per_text
def join_split_lines(text: str, stopwords: frozenset[str]) -> str:
    """Join the lines of ``text`` that continue one another.

    Cached (:func:`~newsclean.text.per_text`): a site repeats its multi-line menus and
    boxes, and a settling round meets again every block whose lines stayed apart.

    >>> join_split_lines("The\\ncompany shelved its plans\\n, it said.", frozenset({"the"}))
    'The company shelved its plans, it said.'
    >>> join_split_lines("after Bloomberg reported\\nWeWork\\nis the subject of an inquiry.", frozenset())
    'after Bloomberg reported WeWork is the subject of an inquiry.'
    >>> join_split_lines("World\\nBusiness\\nSport", frozenset({"the"}))
    'World\\nBusiness\\nSport'
    >>> join_split_lines("Rent increases\\nDeposits\\nNotice periods", frozenset())
    'Rent increases\\nDeposits\\nNotice periods'
    """
    lines = text.split("\n")
    counts = list(map(word_count, lines))
    out: list[list[str]] = [[lines[0]]]  # each output line as the pieces joined into it
    tail, count = lines[0][-_TAIL:], counts[0]
    for i in range(1, len(lines)):
        line = lines[i]
        if not _joins(lines, counts, i, tail, count, stops=stopwords):
            out.append([line])
            tail, count = line[-_TAIL:], counts[i]
            continue
        glue = "" if _CLOSING.match(line) or tail.endswith(("(", "[", "{", "/")) else " "
        out[-1].extend((glue, line))
        tail, count = (tail + glue + line)[-_TAIL:], count + counts[i]
    return "\n".join("".join(pieces) for pieces in out)


def repair_lines(doc: Document, config: Config) -> Document:
    """Join split lines inside every multi-line block."""
    stops = stopwords(page_language(doc, config.language) or "en")
    updates = []
    for pos, block in enumerate(doc.blocks):
        if "\n" in block.text:
            joined = join_split_lines(block.text, stops)
            count = block.text.count("\n") - joined.count("\n")
            updates.append((pos, joined, "joined_lines", f"{count} line break(s) inside sentences"))
    return doc.edit(NAME, updates)
