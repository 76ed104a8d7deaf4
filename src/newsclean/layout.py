"""Where things sit on a flattened page: the main text's span and headline-shaped lines.

Shared by the title and byline passes; it measures and locates, it does not label.
"""

from __future__ import annotations

from typing import Final

import regex

from .features import PROSE_WORDS, ends_sentence
from .model import Document, Kind
from .patterns import Pattern
from .text import per_text, word_count

__all__ = ["HEADLINE_CHARS", "HEADLINE_WORDS", "looks_like_headline", "main_span", "prose_words"]

HEADLINE_CHARS: Final = 300
"""Characters of a headline at most (30 words): a longer line is never one."""
HEADLINE_WORDS: Final = range(3, 31)
"""The word counts of a headline (:func:`looks_like_headline`)."""
_DIGIT: Final = Pattern(r"\d")
_SHORT_COST: Final = 3.0  # what a non-prose block costs the run of prose around it
_CUT: Final = ("…", "...")  # a short line cut off like this is a teaser, not a sentence
_CAPTION: Final = Pattern(
    r"^(?:photo|image|picture|credit|source|caption|tags?|filed|category|categories|topics?|"
    r"posted|published|updated|foto|bild|quelle|crédit|fuente)\b[^:]{0,20}:\s",
    regex.I,
)
_INITIALS_END: Final = Pattern(r"(?:^|\s)(?:\p{Lu}\.){2,}$")  # "… Underneath N.Y.C.", "… in the U.S."
_BYLINE_START: Final = Pattern(r"^(?:by|written by|posted by|von|par|por|di|door|przez)\b", regex.I)


_SHORT_WORDS: Final = 6  # a short sentence


@per_text
def _shape(text: str) -> tuple[int, float]:
    """A block's word count and what it adds to the run of main text as prose: a
    sentence-length text its word count, a short sentence half of it, anything else 0.
    Cached: short texts recur across passes and rounds.

    ``ends_sentence`` is tested once, and only on texts with the words of a short sentence
    (``is_prose`` holds for neither weight otherwise).
    """
    count = word_count(text)
    if count < _SHORT_WORDS:
        return count, 0.0
    end = text.rstrip()
    if ends_sentence(end):
        if count >= PROSE_WORDS:
            return count, count * 1.0
        if not end.endswith(_CUT):
            return count, count * 0.5
    return count, 0.0


def prose_words(text: str) -> int:
    """The word count of a sentence-length text (``features.is_prose``), else 0: read from
    the measure :func:`main_span` caches for every body block.

    >>> prose_words("The Kremlin on Wednesday confirmed that North Korean leader Kim will come.")
    12
    >>> prose_words("Top stories"), prose_words("He left the room quite early.")
    (0, 0)
    """
    count, weight = _shape(text)
    return count if count >= PROSE_WORDS and weight else 0


def main_span(doc: Document, *, cost_words: int | None = None) -> tuple[int, int] | None:
    """The positions of the first and last block of the page's main text.

    Every body block scores: prose blocks their word count, short sentences half of it,
    other blocks (menus, buttons, captions) a small cost that grows with their length. The
    run of blocks with the highest total is the article, so an image caption or a
    newsletter box inside the body does not cut it in two, while a long menu does. ``None``
    when the page has no prose. ``cost_words`` caps what one block costs (as if it held at
    most that many words), so that a long code listing or table does not cut the text either.
    """
    best, span = 0.0, None
    total, start = 0.0, 0
    body = Kind.BODY  # a local: an enum member is a slow attribute lookup in a loop over blocks
    for pos, block in enumerate(doc.blocks):
        if block.kind is not body:
            continue
        if total <= 0:
            total, start = 0.0, pos
        count, prose = _shape(block.text)
        if prose:
            total += prose
        else:
            total -= _SHORT_COST + (count if cost_words is None else min(count, cost_words)) / 4
        if total > best:
            best, span = total, (start, pos)
    return span  # it starts with prose: a run that opens with a cost is never the best


@per_text
def looks_like_headline(text: str) -> bool:
    """A one-line block of 3 to 30 words that does not end like a sentence (initials such as
    "U.S." may end it). Cached: the title pass asks it of the same blocks in every round.

    >>> looks_like_headline("Kremlin confirms North Korea's Kim to visit Moscow in May")
    True
    >>> looks_like_headline("Xbox One X review: A console that keeps up with gaming PCs")
    True
    >>> looks_like_headline("How winter wreaks havoc under N.Y.C.")
    True
    >>> looks_like_headline("Image credit: WeWork"), looks_like_headline("By Jane Doe")
    (False, False)
    >>> looks_like_headline("報道によると、今回販売されたのは、いわゆる「脱獄」したiPhone。")
    False
    """
    text = text.strip()
    if "\n" in text or len(text) > HEADLINE_CHARS or text.endswith((":", ";", ",", "。", "．")):
        return False
    if text.endswith(".") and not _INITIALS_END.search(text):
        return False
    return (
        word_count(text) in HEADLINE_WORDS
        and not _CAPTION.match(text)
        and not _BYLINE_START.match(text)
        and len(_DIGIT.findall(text)) * 3 < len(text)
    )
