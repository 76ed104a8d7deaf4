"""The pass registry: every pass, in the order it runs.

A pass is a pure function ``(Document, Config) -> Document`` that reclassifies or edits
blocks and records each change. Everything else (``Config.skip`` names, the command's
``--skip`` and ``--list-passes``, the docs) is derived from :data:`PASSES`.

Each pass's summary is held here as data, not read from its function's docstring: the
compiled build (see ``setup.py``) keeps no docstrings. A test holds each summary to the
first line of its function's docstring where the docstrings exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..config import Config
from ..model import Document
from .byline import split_byline
from .chrome import remove_chrome
from .duplicates import drop_duplicates
from .lines import repair_lines
from .normalize import normalize_text
from .teasers import split_teasers
from .title import find_title

__all__ = ["PASSES", "Pass"]


@dataclass(frozen=True, slots=True)
class Pass:
    """A pass, the name it is known by in ``Config.skip`` and ``--skip``, and what it does
    in one line (``--list-passes``)."""

    name: str
    run: Callable[[Document, Config], Document]
    summary: str


PASSES: tuple[Pass, ...] = tuple(
    Pass(fn.__name__, fn, summary)
    for fn, summary in (
        (normalize_text, "Repair each block with ftfy, then normalise its spacing; record what changed."),
        (repair_lines, "Join split lines inside every multi-line block."),
        (drop_duplicates, "Mark repeated body blocks as duplicates of their first copy."),
        (find_title, "Mark the headline as the title and the label above it as the section."),
        (split_teasers, "Mark teaser headers and the items listed after them."),
        (split_byline, "Find the article's byline (names, agency, date), its bio and credit lines."),
        (remove_chrome, "Mark UI blocks and everything outside the main prose region as chrome."),
    )
)
