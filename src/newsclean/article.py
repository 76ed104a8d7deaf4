"""The structured result of cleaning one page, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .credits import iso_date
from .features import is_truncated
from .model import Change, Document, Kind
from .passes.byline import credit_of
from .passes.teasers import split_header
from .segment import join

__all__ = ["Article", "Byline", "Teaser", "body_text"]


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote the article and when, as the page says it."""

    authors: tuple[str, ...] = ()
    agency: str | None = None
    bio: str | None = None
    date: str | None = None
    date_iso: str | None = None


@dataclass(frozen=True, slots=True)
class Teaser:
    """A link to another article: its section label, text, and whether it was cut off."""

    section: str | None
    text: str
    truncated: bool


@dataclass(frozen=True, slots=True)
class Article:
    """An article: title, section, body, byline, teasers, and the labelled document."""

    title: str | None
    section: str | None
    body: str
    byline: Byline = field(default_factory=Byline)
    teasers: tuple[Teaser, ...] = ()
    document: Document = field(default_factory=lambda: Document(()))

    @classmethod
    def from_document(cls, doc: Document) -> Article:
        """Read the article off a labelled document."""
        reasons = _last_reclassification(doc)
        return cls(
            title=_one_line(_earliest(doc, reasons, Kind.TITLE)),
            section=_earliest(doc, reasons, Kind.SECTION),
            body=body_text(doc),
            byline=_byline(doc, reasons),
            teasers=_teasers(doc, reasons),
            document=doc,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: title, section, body, byline, teasers and every block."""
        reasons = _last_reclassification(self.document)
        return {
            "title": self.title,
            "section": self.section,
            "body": self.body,
            "byline": {
                "authors": list(self.byline.authors),
                "agency": self.byline.agency,
                "bio": self.byline.bio,
                "date": self.byline.date,
                "date_iso": self.byline.date_iso,
            },
            "teasers": [
                {"section": t.section, "text": t.text, "truncated": t.truncated} for t in self.teasers
            ],
            "blocks": [
                {
                    "index": b.index,
                    "kind": b.kind.value,
                    "text": b.text,
                    "step": reasons[b.index].step if b.index in reasons else None,
                    "reason": reasons[b.index].reason if b.index in reasons else None,
                }
                for b in self.document.blocks
            ],
        }


def body_text(doc: Document) -> str:
    """The article body of a labelled document: its body blocks, one blank line apart."""
    return join(doc.of_kind(Kind.BODY))


def _one_line(text: str | None) -> str | None:
    """A headline a flattener split at an inline link, as one line."""
    return " ".join(text.split()) if text is not None else None


def _earliest(doc: Document, reasons: dict[int, Change], kind: Kind) -> str | None:
    """The text of the ``kind`` block found in the earliest round (the first pass over the
    whole page), the first on the page among those: a settling round, which sees only the
    body, can label another line a title, but the page's own headline came first."""
    found = [b for b in doc.blocks if b.kind is kind]
    if not found:
        return None
    return min(found, key=lambda b: (reasons[b.index].round, b.index)).text


def _last_reclassification(doc: Document) -> dict[int, Change]:
    return {c.block: c for c in doc.changes if c.action == "reclassify"}


def _byline(doc: Document, reasons: dict[int, Change]) -> Byline:
    """The credit ``split_byline`` recorded, plus the bio and date blocks it labelled."""
    credit = credit_of(doc)
    date = credit.date
    bio = None
    for block in doc.of_kind(Kind.BYLINE):
        reason = reasons[block.index].reason
        if reason == "byline_date":
            date = date or block.text
        elif reason == "byline_bio":
            bio = bio or block.text
    authors = tuple(dict.fromkeys(credit.authors))
    return Byline(authors, credit.agency, bio, date, iso_date(date) if date else None)


def _teasers(doc: Document, reasons: dict[int, Change]) -> tuple[Teaser, ...]:
    teasers = []
    section = None
    for block in doc.of_kind(Kind.TEASER):
        reason = reasons[block.index].reason
        text = block.text
        if reason == "teaser_section":
            section = text
            continue
        if reason == "teaser_inline":
            text = (split_header(text) or ("", text))[1]
        elif reason != "teaser_item":
            continue
        text = " ".join(text.split())
        teasers.append(Teaser(section, text, is_truncated(text)))
        section = None
    return tuple(teasers)
