"""Pass 1, ``normalize_text``: repair and normalise each block's characters.

ftfy repairs mojibake ("Ã©", "â€™"), HTML entities and control characters and, unless
``Config.keep_quotes`` is set, straightens curly quotes and apostrophes. Then odd spaces
become plain spaces, invisible characters go, and runs of spaces collapse. Zero-width
joiners and non-joiners (U+200D, U+200C) are kept: they spell words in Persian and Indic
scripts and build emoji, so removing them would change text, not clean it.
"""

from __future__ import annotations

import ftfy
import regex

from ..config import Config
from ..model import Document

__all__ = ["normalize_spaces", "normalize_text"]

NAME = "normalize_text"

# Spaces other than U+0020 (NBSP, the U+2000 block, narrow NBSP, ideographic space, tab...).
_ODD_SPACE = regex.compile(r"[^\S\n\u0020]")
# Invisible characters that carry no text: zero-width space, word joiner, BOM, soft hyphen.
_INVISIBLE = regex.compile("[\u200b\u2060\ufeff\u00ad]")
_RUN_OF_SPACES = regex.compile(r" {2,}")


def normalize_spaces(text: str) -> str:
    """Odd spaces to plain spaces, invisible characters removed, lines stripped.

    >>> normalize_spaces("a\\u00a0 b\\u200bc \\n  d")
    'a bc\\nd'
    """
    text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    return "\n".join(_RUN_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def normalize_text(doc: Document, config: Config) -> Document:
    """Repair each block with ftfy, then normalise its spacing; record what changed."""
    fixer = ftfy.TextFixerConfig(uncurl_quotes=not config.keep_quotes)
    updates = []
    for pos, block in enumerate(doc.blocks):
        fixed, steps = ftfy.fix_and_explain(block.text, fixer)
        spaced = normalize_spaces(fixed)
        if spaced == block.text:
            continue
        names = [f"ftfy.{param}" for _, param in steps or []]
        if spaced != fixed:
            names.append("normalize_spaces")
        updates.append((pos, spaced, "normalize", ", ".join(names)))
    return doc.edit(NAME, updates)
