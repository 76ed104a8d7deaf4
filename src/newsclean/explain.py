"""A human-readable account of what each pass did to a page."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .article import Article

__all__ = ["explain"]

_PREVIEW = 60


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"


def explain(article: Article) -> str:
    """One line per change: block, what it became, pass, reason, detail and a preview.

    Edits show the text before the edit; reclassifications show the block's text; changes
    made while settling say their round. The last line counts the blocks of each kind.
    """
    doc = article.document
    texts = {b.index: b.text for b in doc.blocks}
    rows = []
    for change in doc.changes:
        if change.action == "edit":
            what, text = "edited", change.before or ""
        else:
            what, text = change.after or "", texts[change.block]
        settled = f" (round {change.round})" if change.round > 1 else ""
        rows.append(
            f"block {change.block:>3}  {what:<9} {change.step}/{change.reason}: "
            f"{change.detail}{settled}  | {_preview(text)}"
        )
    counts = Counter(b.kind.value for b in doc.blocks)
    rows.append(f"{len(doc)} blocks: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())))
    return "\n".join(rows)
