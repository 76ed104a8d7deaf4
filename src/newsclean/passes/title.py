"""Pass 4, ``find_title``: the headline and the section label above it.

The headline is the line the body hangs under: walking up from the first prose block, the
nearest block that reads like a headline (a few words on one line, no sentence-final
period, not a "Label: value" caption or a date). A short label directly above it is the
section ("World", "Tech & Science").
"""

from __future__ import annotations

import regex

from ..config import Config
from ..credits import is_agency, is_date_line, label_split, read_names
from ..features import is_label, is_prose, is_separator
from ..lexicon import Lexicon, lexicon
from ..model import Document, Kind
from ..text import words
from .chrome import chrome_reason

__all__ = ["find_title", "looks_like_headline", "main_span"]

NAME = "find_title"

_LOOK_BACK = 8
_CAPTION = regex.compile(r"^[\w ]{1,20}:\s")
_BYLINE_START = regex.compile(r"^(?:by|written by|posted by|von|par|por|di|door|przez)\b", regex.I)


_SHORT_COST = 3.0  # what a non-prose block costs the run of prose around it


def _prose_score(text: str) -> float:
    count = len(words(text))
    if is_prose(text):
        return float(count)
    if is_prose(text, min_words=6):
        return count / 2
    return -(_SHORT_COST + count / 4)


def main_span(doc: Document) -> tuple[int, int] | None:
    """The positions of the first and last block of the page's main text.

    Every body block scores: prose blocks their word count, short sentences half of it,
    other blocks (menus, buttons, captions) a small cost that grows with their length. The
    run of blocks with the highest total is the article, so an image caption or a
    newsletter box inside the body does not cut it in two, while a long menu does. ``None``
    when the page has no prose.
    """
    best, span = 0.0, None
    total, start = 0.0, 0
    for pos, block in enumerate(doc.blocks):
        if block.kind is not Kind.BODY:
            continue
        if total <= 0:
            total, start = 0.0, pos
        total += _prose_score(block.text)
        if total > best:
            best, span = total, (start, pos)
    if span is None:
        return None
    first = next(p for p in range(span[0], span[1] + 1) if _prose_score(doc.blocks[p].text) > 0)
    return first, span[1]


def looks_like_headline(text: str) -> bool:
    """A one-line block of 3 to 30 words that does not end like a sentence.

    >>> looks_like_headline("Kremlin confirms North Korea's Kim to visit Moscow in May")
    True
    >>> looks_like_headline("Image credit: WeWork"), looks_like_headline("By Jane Doe")
    (False, False)
    """
    count = len(words(text))
    return (
        "\n" not in text
        and 3 <= count <= 30
        and not text.rstrip().endswith((".", ":", ";", ","))
        and not _CAPTION.match(text)
        and not _BYLINE_START.match(text)
        and sum(c.isdigit() for c in text) * 3 < len(text)
    )


def _is_byline(text: str) -> bool:
    split = label_split(text)
    return is_agency(text) is not None or (split is not None and read_names(split[2]) is not None)


def _is_headline(text: str, chrome: Lexicon) -> bool:
    """A headline that is not UI text, a date line or a byline."""
    return (
        looks_like_headline(text)
        and chrome_reason(text, chrome) is None
        and not is_date_line(text)
        and not _is_byline(text)
    )


def find_title(doc: Document, config: Config) -> Document:
    """Mark the headline as the title and the label above it as the section."""
    blocks = doc.blocks
    first_prose = next((p for p, b in enumerate(blocks) if b.kind is Kind.BODY and is_prose(b.text)), None)
    if first_prose is None:
        return doc
    candidates = [
        p
        for p in range(first_prose - 1, max(-1, first_prose - 1 - _LOOK_BACK), -1)
        if blocks[p].kind is Kind.BODY and not is_separator(blocks[p].text)
    ]
    chrome = lexicon("chrome", (config.language,) if config.language else ("en",), config.extra_chrome)
    title = next((p for p in candidates if _is_headline(blocks[p].text, chrome)), None)
    if title is None:
        return doc
    updates = [(title, Kind.TITLE, "headline", f"headline above the first prose block {first_prose}")]
    above = next(
        (
            p
            for p in range(title - 1, -1, -1)
            if blocks[p].kind is Kind.BODY and not is_separator(blocks[p].text)
        ),
        None,
    )
    if (
        above is not None
        and title - above <= 2
        and is_label(blocks[above].text, max_words=3)
        and chrome_reason(blocks[above].text, chrome) is None
    ):
        updates.append((above, Kind.SECTION, "section_label", f"short label above the title (block {title})"))
    return doc.reclassify(NAME, updates)
