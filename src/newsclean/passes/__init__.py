"""The pass registry: every pass, in the order it runs.

A pass is a pure function ``(Document, Config) -> Document`` that reclassifies or edits
blocks and records each change. Everything else (``Config.skip`` names, the command's
``--skip`` and ``--list-passes``, the docs) is derived from :data:`PASSES`.
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
    """A pass and the name it is known by in ``Config.skip`` and ``--skip``."""

    name: str
    run: Callable[[Document, Config], Document]

    @property
    def summary(self) -> str:
        """The first line of the pass function's docstring."""
        return (self.run.__doc__ or "").strip().split("\n", 1)[0]


PASSES: tuple[Pass, ...] = tuple(
    Pass(fn.__name__, fn)
    for fn in (
        normalize_text,
        repair_lines,
        drop_duplicates,
        find_title,
        split_teasers,
        split_byline,
        remove_chrome,
    )
)
