"""Pass 7, ``remove_chrome``: site UI that is not the article.

A block is chrome when every one of its lines is a UI phrase of the ``chrome`` lexicon
(plus ``Config.extra_chrome``), a count ("12 comments", "3 min read") or a separator of
punctuation only ("-", "|", "•"). In a block that mixes such lines with text, the UI lines
are edited out and the edit is recorded. Phrases match whole lines only, so a body
sentence that says "connect with us" stays.
"""

from __future__ import annotations

import regex

from ..config import Config
from ..features import is_separator
from ..lexicon import Lexicon, lexicon
from ..model import Document, Kind

__all__ = ["chrome_reason", "remove_chrome"]

NAME = "remove_chrome"

_COUNT = regex.compile(
    r"^\s*\(?\d[\d,.]*\s*[kKmM]?\)?\s*(?:comments?|shares?|views?|likes?|reactions?|replies|"
    r"min(?:ute)?s?\s+read|min)\s*$",
    regex.I,
)


def chrome_reason(line: str, phrases: Lexicon) -> tuple[str, str] | None:
    """``(reason, detail)`` when ``line`` is UI text, else ``None``.

    >>> chrome_reason("Connect with us", Lexicon(("connect with us",)))
    ('chrome_phrase', "UI phrase 'connect with us'")
    >>> chrome_reason("  |  ", Lexicon(()))
    ('separator', 'punctuation only')
    """
    if is_separator(line):
        return ("separator", "punctuation only")
    if _COUNT.match(line):
        return ("chrome_count", "a count of comments, shares or reading time")
    if phrase := phrases.match(line):
        return ("chrome_phrase", f"UI phrase {phrase!r}")
    return None


def remove_chrome(doc: Document, config: Config) -> Document:
    """Mark UI blocks as chrome; edit UI lines out of mixed blocks."""
    languages = (config.language,) if config.language else ("en",)
    phrases = lexicon("chrome", languages, config.extra_chrome)
    chrome = []
    edits = []
    for pos, block in enumerate(doc.blocks):
        if block.kind is not Kind.BODY:
            continue
        lines = block.text.split("\n")
        found = [chrome_reason(line, phrases) for line in lines]
        if all(found):
            reason, detail = found[0] or ("", "")
            if len(lines) > 1:
                detail = f"{len(lines)} UI lines, first: {detail}"
            chrome.append((pos, Kind.CHROME, reason, detail))
        elif any(found):
            kept = [line for line, why in zip(lines, found, strict=True) if why is None]
            dropped = [line for line, why in zip(lines, found, strict=True) if why is not None]
            edits.append((pos, "\n".join(kept), "chrome_line", "removed UI line(s): " + " | ".join(dropped)))
    return doc.edit(NAME, edits).reclassify(NAME, chrome)
