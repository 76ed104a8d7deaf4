"""Pass 6, ``split_byline``: who wrote the article, for whom, and when.

Recognised, each on a line of its own:

* a byline label with names: "By Jane Doe", "By Jane Doe and John Roe", "Written by …",
  "Words by …", "Posted by …", "Reporting by …; Editing by …";
* a bare label on one line and the name or agency on the line before or after it
  ("AFP" over "Written By");
* a news agency alone ("AFP", "Reuters", "By AFP");
* credits: "Copyright …", "© …";
* "Published …" / "Updated …" lines and bare dates next to a byline.

A prose block right after a byline that names its author or agency, or says what the
author is ("… is a reporter for …"), is the bio.
"""

from __future__ import annotations

import regex

from ..config import Config
from ..features import is_prose
from ..model import Document, Kind
from ..text import fold, load_words, words

__all__ = ["Credit", "is_date_line", "parse_credit", "split_byline"]

NAME = "split_byline"

_LABEL = (
    r"(?:by|written\s+by|words\s+by|posted\s+by|story\s+by|text\s+by|reporting\s+by"
    r"|additional\s+reporting\s+by|author|authors|written)"
)
_BARE_LABEL = regex.compile(rf"^\s*{_LABEL}\s*:?\s*$", regex.I)
_LABELLED = regex.compile(rf"^\s*{_LABEL}\s*:?\s+(?P<names>\S.*)$", regex.I)
_EDITING = regex.compile(
    r"[;.]?\s*(?:writing|editing|edited|compiled|additional reporting)\s+by\b.*$", regex.I
)
_SPLIT_NAMES = regex.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|;)\s*", regex.I)
_ROLE = regex.compile(r"\s*(?:[|/–—-]|\bin\b|\bat\b).*$")
_CREDIT = regex.compile(r"^\s*(?:copyright\b|©|\(c\)\s)", regex.I)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_DATE = regex.compile(
    rf"(?:\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b)",
    regex.I,
)
_DATED = regex.compile(r"^\s*(?:published|updated|posted|last\s+updated|first\s+published)\b", regex.I)
_BIO_ROLE = regex.compile(
    r"\b(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|agency)\b",
    regex.I,
)
_MAX_NAME_WORDS = 5


class Credit:
    """What one byline block says: names, an agency, a date."""

    __slots__ = ("agency", "authors", "date")

    def __init__(self) -> None:
        self.authors: list[str] = []
        self.agency: str | None = None
        self.date: str | None = None


def _agency(text: str) -> str | None:
    stripped = text.strip(" ()[]-–—/|,")
    return stripped if fold(stripped) in load_words("byline/agencies.txt") else None


def _names(text: str) -> tuple[list[str], str | None] | None:
    """Split a names string into person names and an agency; ``None`` when a part is
    neither (then the line is a sentence, not a byline)."""
    text = _EDITING.sub("", text)
    names: list[str] = []
    agency = None
    for raw in _SPLIT_NAMES.split(text):
        part = _ROLE.sub("", raw).strip(" .:")
        if not part:
            continue
        if found := _agency(part):
            agency = agency or found
        elif _is_name(part):
            names.append(part)
        else:
            return None
    if not names and not agency:
        return None
    return list(dict.fromkeys(names)), agency


def _is_name(text: str) -> bool:
    """Two to five capitalised words (particles such as "van" or "de" aside), no digits."""
    tokens = words(text)
    return (
        2 <= len(tokens) <= _MAX_NAME_WORDS
        and tokens[0][0].isupper()
        and all(t[0].isupper() or fold(t) in load_words("byline/particles.txt") for t in tokens)
        and not any(c.isdigit() for c in text)
    )


def parse_credit(text: str) -> Credit | None:
    """Read a byline block; ``None`` when it is not one.

    >>> c = parse_credit("By Jane Doe and John Roe, Reuters")
    >>> c.authors, c.agency
    (['Jane Doe', 'John Roe'], 'Reuters')
    >>> parse_credit("AFP\\nWritten By").agency
    'AFP'
    >>> parse_credit("By the end of the year, prices rose.") is None
    True
    """
    credit = Credit()
    lines = [line for line in text.split("\n") if line.strip()]
    labelled = False
    for line in lines:
        if _BARE_LABEL.match(line):
            labelled = True
        elif match := _LABELLED.match(line):
            if (found := _names(match["names"])) is None:
                return None
            credit.authors += found[0]
            credit.agency = credit.agency or found[1]
            labelled = True
        elif agency := _agency(line):
            credit.agency = credit.agency or agency
        elif _DATE.search(line) and len(words(line)) <= 12:
            credit.date = credit.date or line.strip()
        elif labelled or (len(lines) > 1 and any(_BARE_LABEL.match(x) for x in lines)):
            if (found := _names(line)) is None:
                return None
            credit.authors += found[0]
            credit.agency = credit.agency or found[1]
        else:
            return None
    if not (credit.authors or credit.agency):
        return None
    credit.authors = list(dict.fromkeys(credit.authors))
    return credit


def is_date_line(text: str) -> bool:
    """A one-line date or "Published/Updated …" line of at most 12 words."""
    return "\n" not in text and len(words(text)) <= 12 and bool(_DATED.match(text) or _DATE.search(text))


def split_byline(doc: Document, config: Config) -> Document:
    """Mark byline, credit, date and bio blocks."""
    del config
    blocks = doc.blocks
    updates: list[tuple[int, Kind, str, str]] = []
    bylines: list[int] = []
    for pos, block in enumerate(blocks):
        if block.kind is not Kind.BODY or len(words(block.text)) > 30:
            continue
        if credit := parse_credit(block.text):
            who = ", ".join(credit.authors) or credit.agency
            updates.append((pos, Kind.BYLINE, "byline", f"credits {who}"))
            bylines.append(pos)
        elif _CREDIT.match(block.text) and len(words(block.text)) <= 20:
            updates.append((pos, Kind.BYLINE, "copyright_credit", "copyright line"))
    for pos in bylines:
        for near in (pos - 1, pos + 1, pos + 2):
            if 0 <= near < len(blocks) and blocks[near].kind is Kind.BODY and is_date_line(blocks[near].text):
                updates.append((near, Kind.BYLINE, "byline_date", f"date next to the byline (block {pos})"))
        bio = _bio(doc, pos)
        if bio is not None:
            updates.append((bio, Kind.BYLINE, "byline_bio", f"about the author of block {pos}"))
    return doc.reclassify(NAME, updates)


def _bio(doc: Document, pos: int) -> int | None:
    """The block after byline ``pos`` when it is a bio of the credited author or agency."""
    after = pos + 1
    if after >= len(doc.blocks) or doc.blocks[after].kind is not Kind.BODY:
        return None
    text = doc.blocks[after].text
    credit = parse_credit(doc.blocks[pos].text)
    if credit is None or not is_prose(text, min_words=8):
        return None
    names = [*credit.authors, *([credit.agency] if credit.agency else [])]
    mentioned = any(fold(n) in fold(text) for n in names)
    # The body may go on after an opening byline: a bio only comes after the last prose.
    later_prose = any(b.kind is Kind.BODY and is_prose(b.text) for b in doc.blocks[after + 1 :])
    if (mentioned or _BIO_ROLE.search(text)) and not later_prose:
        return after
    return None
