"""Pass 3, ``drop_duplicates``: keep the first copy of every repeated paragraph.

Blocks are compared on a folded key (case, quotes, punctuation and spacing removed):

1. an exact key seen before makes the block an ``exact_duplicate``;
2. otherwise rapidfuzz's ``ratio`` against the blocks kept so far, restricted to blocks
   whose length could reach the threshold at all, finds ``near_duplicate`` blocks;
3. consecutive duplicates whose originals are consecutive too are one *repeated run* (a
   whole body printed twice): their detail names the run.

Blocks shorter than ``Config.duplicate_min_chars`` are never dropped: section labels and
short quotations legitimately repeat.
"""

from __future__ import annotations

import bisect

from rapidfuzz import fuzz

from ..config import Config
from ..model import Document, Kind
from ..text import fold

__all__ = ["drop_duplicates"]

NAME = "drop_duplicates"


class _Kept:
    """The keys of kept blocks, sorted by length, for length-bounded candidate search."""

    def __init__(self) -> None:
        self.exact: dict[str, int] = {}
        self.lengths: list[int] = []
        self.entries: list[tuple[int, str, int]] = []  # (length, key, position)

    def add(self, key: str, pos: int) -> None:
        self.exact.setdefault(key, pos)
        at = bisect.bisect(self.lengths, len(key))
        self.lengths.insert(at, len(key))
        self.entries.insert(at, (len(key), key, pos))

    def nearest(self, key: str, threshold: float) -> tuple[int, float] | None:
        """The kept block most like ``key`` at or above ``threshold``, if any.

        ``ratio`` is ``2 * matches / (len(a) + len(b))``, so it can only reach ``t``% when
        the shorter string is at least ``t / (200 - t)`` of the longer one.
        """
        factor = threshold / (200 - threshold)
        lo = bisect.bisect_left(self.lengths, int(len(key) * factor))
        hi = bisect.bisect_right(self.lengths, int(len(key) / factor) + 1)
        best: tuple[int, float] | None = None
        for _, other, pos in self.entries[lo:hi]:
            score = fuzz.ratio(key, other, score_cutoff=best[1] if best else threshold)
            if score and (best is None or score > best[1]):
                best = (pos, score)
        return best


def drop_duplicates(doc: Document, config: Config) -> Document:
    """Mark repeated body blocks as duplicates of their first copy."""
    kept = _Kept()
    found: list[tuple[int, int, float]] = []  # (position, original position, similarity)
    for pos, block in enumerate(doc.blocks):
        if block.kind is not Kind.BODY:
            continue
        key = fold(block.text)
        if len(key) < config.duplicate_min_chars:
            continue
        if key in kept.exact:
            found.append((pos, kept.exact[key], 100.0))
            continue
        near = kept.nearest(key, config.duplicate_threshold) if config.duplicate_threshold else None
        if near is not None:
            found.append((pos, near[0], near[1]))
        else:
            kept.add(key, pos)
    return doc.reclassify(NAME, _describe(found))


def _describe(found: list[tuple[int, int, float]]) -> list[tuple[int, Kind, str, str]]:
    """Reason and detail for each duplicate, naming the repeated run it belongs to."""
    runs: list[list[tuple[int, int, float]]] = []
    for item in found:
        if runs and _follows(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    updates = []
    for run in runs:
        span = ""
        if len(run) > 1:
            first, last = run[0][1], run[-1][1]
            span = f"; part of a repeated run of {len(run)} blocks (copy of blocks {first}-{last})"
        for pos, original, score in run:
            if score == 100.0:
                updates.append((pos, Kind.DUPLICATE, "exact_duplicate", f"same as block {original}{span}"))
            else:
                updates.append(
                    (pos, Kind.DUPLICATE, "near_duplicate", f"{score:.0f}% like block {original}{span}")
                )
    return updates


def _follows(prev: tuple[int, int, float], item: tuple[int, int, float]) -> bool:
    """Whether ``item`` continues the run ending at ``prev``: both copies move forward
    together, with at most one (short, never-dropped) block skipped."""
    return 0 < item[0] - prev[0] <= 2 and 0 < item[1] - prev[1] <= 2
