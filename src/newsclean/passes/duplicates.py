"""Pass 3, ``drop_duplicates``: keep the first copy of every repeated paragraph.

Blocks are compared on a folded key (case, quotes, punctuation and spacing removed):

1. an exact key seen before makes the block an ``exact_duplicate``;
2. otherwise rapidfuzz's ``ratio`` against the blocks kept so far, restricted to blocks
   whose length could reach the threshold at all, finds ``near_duplicate`` blocks (on very
   long texts, only among blocks sharing one of the block's rarest words, so the pass
   stays linear in the text's size: see ``_Kept``); an exact copy of a near duplicate
   is a near duplicate of the same original;
3. consecutive duplicates whose originals are consecutive too are one *repeated run* (a
   whole body printed twice): their detail names the run.

Blocks shorter than ``Config.duplicate_min_chars`` are never dropped: section labels and
short quotations legitimately repeat.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Final

from rapidfuzz import fuzz, process

from ..config import Config
from ..model import Document, Kind
from ..text import Memo, fold

__all__ = ["drop_duplicates"]

NAME: Final = "drop_duplicates"


# A length window with at most this many kept blocks is scanned whole (every real page);
# beyond it, only blocks sharing one of the new block's rarest words are scored.
EXACT_WINDOW: Final = 128
_ANCHOR_WORDS: Final = 8  # how many of the new block's rarest words pick the candidates
_POSTINGS_LIMIT: Final = 16  # at most this many (most recent) kept blocks per anchor word
_MAX_CANDIDATES: Final = 32
# Characters of kept keys one block may be compared with. Comparing strings of lengths a
# and b costs a * b / 64 steps, so without a bound a text of a few hundred long blocks of
# similar length would cost time quadratic in its size; with it, time per block is at most
# proportional to its length. On the dev pages a window holds at most 14,242 characters.
COMPARE_BUDGET: Final = 50_000


_UNMATCHED: Final = Memo()
"""For a key and a threshold, the kept keys it was compared with, whole windows only,
when it came near none of them: compared with some of them only, it comes near none
either, and ``rapidfuzz`` need not compare it again. The pipeline's settling round
compares the body's keys with the body before them, which the first round compared them
with (and more): those comparisons are not made twice. A bounded
:class:`~newsclean.text.Memo`, an entry counting the characters of its key and of the keys
it was compared with."""


class _Kept:
    """The keys of kept blocks: in order of length, with their positions, and a word index.

    ``nearest`` compares a new key with the kept keys whose length could reach the
    threshold at all. On an ordinary page that window is small and scanned whole. On a
    very long text (thousands of paragraphs of similar length) scanning it would make the
    pass quadratic, so the window is narrowed to the blocks sharing one of the new key's
    rarest words (a near-duplicate shares nearly all its words), and the work per block
    stays bounded: time grows linearly with the text.
    """

    def __init__(self) -> None:
        self.lengths: list[int] = []  # sorted
        self.ordered_keys: list[str] = []  # the keys sorted by (length, sequence)
        self.ordered_positions: list[int] = []  # their blocks' positions
        self.keys: list[str] = []  # by sequence
        self.positions: list[int] = []  # by sequence
        # word -> sequences of kept keys holding it; built on the first long window only.
        self.postings: dict[str, list[int]] | None = None

    def add(self, key: str, pos: int) -> None:
        seq = len(self.keys)
        self.keys.append(key)
        self.positions.append(pos)
        at = bisect.bisect(self.lengths, len(key))
        self.lengths.insert(at, len(key))
        self.ordered_keys.insert(at, key)
        self.ordered_positions.insert(at, pos)
        if self.postings is not None:
            self._index(seq)

    def _index(self, seq: int) -> None:
        assert self.postings is not None
        for word in set(self.keys[seq].split()):
            self.postings.setdefault(word, []).append(seq)

    def nearest(self, key: str, threshold: float) -> tuple[int, float] | None:
        """The kept block most like ``key`` at or above ``threshold``, if any; on a tie the
        shortest, then the earliest.

        ``ratio`` is ``2 * matches / (len(a) + len(b))``, so it can only reach ``t``% when
        the shorter string is at least ``t / (200 - t)`` of the longer one.
        """
        factor = threshold / (200 - threshold)
        lo = bisect.bisect_left(self.lengths, int(len(key) * factor))
        hi = bisect.bisect_right(self.lengths, int(len(key) / factor) + 1)
        if lo >= hi:
            return None
        # (No slice of a long window is ever taken: that alone would be quadratic.)
        whole = hi - lo <= EXACT_WINDOW and (chars := sum(self.lengths[lo:hi])) <= COMPARE_BUDGET
        if whole:
            choices = self.ordered_keys[lo:hi]
            positions = self.ordered_positions[lo:hi]
        else:
            window = self._candidates(key, self.lengths[lo], self.lengths[hi - 1])
            choices = [self.keys[seq] for seq in window]
            positions = [self.positions[seq] for seq in window]
        unmatched = _UNMATCHED.answers.get((key, threshold))
        if unmatched is not None and unmatched.issuperset(choices):
            return None
        # extractOne keeps the first of equal best scores, like a loop with score_cutoff.
        found = process.extractOne(
            key,
            choices,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=threshold,
        )
        if found is None:
            if whole:
                _UNMATCHED.make_room(len(key) + chars)
                _UNMATCHED.answers[key, threshold] = frozenset(choices)
            return None
        return positions[found[2]], found[1]

    def _candidates(self, key: str, shortest: int, longest: int) -> list[int]:
        """Kept keys in the length window sharing one of ``key``'s rarest indexed words,
        in window order."""
        if self.postings is None:
            self.postings = {}
            for seq in range(len(self.keys)):
                self._index(seq)
        postings = self.postings
        shared = sorted((len(postings[w]), w) for w in set(key.split()) if w in postings)
        hits: Counter[int] = Counter()
        for _, word in shared[:_ANCHOR_WORDS]:
            hits.update(postings[word][-_POSTINGS_LIMIT:])
        keys = self.keys
        ranked = sorted(
            (seq for seq in hits if shortest <= len(keys[seq]) <= longest),
            key=lambda seq: (-hits[seq], -seq),
        )
        found = []
        budget = COMPARE_BUDGET
        for seq in ranked[:_MAX_CANDIDATES]:
            budget -= len(keys[seq])
            if budget < 0:
                break
            found.append(seq)
        return sorted(found, key=lambda seq: (len(keys[seq]), seq))


def drop_duplicates(doc: Document, config: Config) -> Document:
    """Mark repeated body blocks as duplicates of their first copy."""
    kept = _Kept()
    found: list[tuple[int, int, float]] = []  # (position, original position, similarity)
    # key -> (original position, similarity): a kept block's is its own (100%), a near
    # duplicate's its original (not searched again: on a long text the search is bounded)
    seen: dict[str, tuple[int, float]] = {}
    shortest = config.duplicate_min_chars
    body = Kind.BODY  # a local: an enum member looked up on its class costs a property call
    for pos, block in enumerate(doc.blocks):
        text = block.text
        # The key of an ASCII text is no longer than the text (folding maps each character
        # to one and drops some): most blocks, menu items and labels, need no key at all.
        if block.kind is not body or (len(text) < shortest and text.isascii()):
            continue
        key = fold(text)
        if len(key) < shortest:
            continue
        if (original := seen.get(key)) is not None:
            found.append((pos, *original))
            continue
        near = kept.nearest(key, config.duplicate_threshold) if config.duplicate_threshold else None
        if near is not None:
            found.append((pos, *near))
            seen[key] = near
        else:
            kept.add(key, pos)
            seen[key] = (pos, 100.0)
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
