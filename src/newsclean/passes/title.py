"""Pass 4, ``find_title``: the headline and the section label above it.

The headline is the line the body hangs under: walking up from the first prose block, the
nearest block that reads like a headline (a few words on one line, no sentence-final
period, not a "Label: value" caption or a date). A short label directly above it is the
section ("World", "Tech & Science").
"""

from __future__ import annotations

import regex

from ..config import Config
from ..features import is_label, is_prose, is_separator
from ..lexicon import Lexicon, lexicon
from ..model import Document, Kind
from ..text import words
from .byline import is_date_line, parse_credit
from .chrome import chrome_reason

__all__ = ["find_title", "looks_like_headline"]

NAME = "find_title"

_LOOK_BACK = 8
_CAPTION = regex.compile(r"^[\w ]{1,20}:\s")
_BYLINE_START = regex.compile(r"^(?:by|written by|posted by|von|par|por|di|door|przez)\b", regex.I)


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


def _is_headline(text: str, chrome: Lexicon) -> bool:
    """A headline that is not UI text, a date line or a byline."""
    return (
        looks_like_headline(text)
        and chrome_reason(text, chrome) is None
        and not is_date_line(text)
        and parse_credit(text) is None
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
