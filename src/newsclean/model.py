"""The document model: blocks that are labelled, never deleted, and the changes that labelled them.

A :class:`Document` is an immutable sequence of :class:`Block` values plus the log of
:class:`Change` records that produced their current kinds and texts. Passes never remove a
block: they *reclassify* it (body -> chrome, duplicate, ...) or *edit* its text, and every
such step appends a change naming the pass, a stable reason code and a human detail.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any, Final, Literal, cast

__all__ = ["Block", "Change", "Document", "Kind"]


class Kind(str, enum.Enum):
    """What a block is. Only ``BODY`` blocks make up the cleaned text."""

    BODY = "body"
    TITLE = "title"
    SECTION = "section"
    BYLINE = "byline"
    TEASER = "teaser"
    CHROME = "chrome"
    DUPLICATE = "duplicate"

    def __str__(self) -> str:
        return self.value


_NAMES: Final = {kind: kind.value for kind in Kind}
"""Each kind's value, looked up faster than the enum's ``value`` property (the change log
names kinds by value, once per reclassification)."""


class _Value:
    """The base of this module's values: they pickle as their class called with their
    fields in order.

    The compiled build (see ``setup.py``) makes them native classes, whose frozen fields
    the pickle protocol's default ``__setstate__`` cannot set; a call of the constructor
    works in both builds.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, field.name) for field in fields(cast(Any, self)))


@dataclass(frozen=True, slots=True, init=False)
class Block(_Value):
    """One blank-line paragraph of the input.

    ``index`` is the block's position in the input and is never renumbered; ``text`` is its
    current text (lines joined by ``\\n``); ``original`` is the text as segmented, before any
    edit, so nothing is ever lost.
    """

    index: int
    text: str
    kind: Kind
    original: str

    def __init__(self, index: int, text: str, kind: Kind = Kind.BODY, original: str = "") -> None:
        set_index, set_text, set_kind, set_original = _SET_BLOCK
        set_index(self, index)
        set_text(self, text)
        set_kind(self, kind)
        set_original(self, original)

    @property
    def lines(self) -> list[str]:
        """The block's current lines."""
        return self.text.split("\n")


@dataclass(frozen=True, slots=True, init=False)
class Change(_Value):
    """One recorded step: which pass did what to which block, and why.

    ``reason`` is a stable snake_case code (tests assert on it); ``detail`` is for people.
    ``before`` and ``after`` hold the block's text either side of an edit, or its kind
    either side of a reclassification, so the log can be replayed. ``round`` is the
    pipeline round that made the change (see :func:`newsclean.pipeline.run`).
    """

    step: str
    block: int
    action: Literal["reclassify", "edit"]
    reason: str
    detail: str
    before: str | None
    after: str | None
    round: int

    def __init__(  # noqa: PLR0917 (the fields, in order)
        self,
        step: str,
        block: int,
        action: Literal["reclassify", "edit"],
        reason: str,
        detail: str = "",
        before: str | None = None,
        after: str | None = None,
        round: int = 1,
    ) -> None:
        set_step, set_block, set_action, set_reason, set_detail, set_before, set_after, set_round = (
            _SET_CHANGE
        )
        set_step(self, step)
        set_block(self, block)
        set_action(self, action)
        set_reason(self, reason)
        set_detail(self, detail)
        set_before(self, before)
        set_after(self, after)
        set_round(self, round)


def _slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The ``__set__`` of the slot of each field of the slotted dataclass ``cls``, in order.

    Speed: the pipeline builds a :class:`Block` for every segmented paragraph and a block
    and a :class:`Change` for every change (180,000 values over the dev pages). A frozen
    dataclass's generated ``__init__`` sets each field through ``object.__setattr__``; the
    constructors of both set the slots through their descriptors instead, in about half
    the time. The values are the same frozen instances: equal, hashed, printed and pickled
    alike (``tests/test_model.py``).
    """
    return tuple(getattr(cls, field.name).__set__ for field in fields(cls))


_SET_BLOCK: Final = _slot_setters(Block)
_SET_CHANGE: Final = _slot_setters(Change)


@dataclass(frozen=True, slots=True)
class Document(_Value):
    """Blocks in input order and the changes made to them so far."""

    blocks: tuple[Block, ...]
    changes: tuple[Change, ...] = ()

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    def of_kind(self, *kinds: Kind) -> list[Block]:
        """The blocks of the given kinds, in input order."""
        return [b for b in self.blocks if b.kind in kinds]

    def reclassify(self, step: str, updates: Iterable[tuple[int, Kind, str, str]]) -> Document:
        """Give blocks new kinds. ``updates`` holds ``(position, kind, reason, detail)``.

        ``position`` is the block's place in ``blocks`` (equal to its ``index``). A block that
        already has the requested kind is left alone and no change is recorded.
        """
        blocks = list(self.blocks)
        changes = []
        for pos, kind, reason, detail in updates:
            block = blocks[pos]
            if block.kind is kind:
                continue
            blocks[pos] = Block(block.index, block.text, kind, block.original)
            changes.append(
                Change(step, block.index, "reclassify", reason, detail, _NAMES[block.kind], _NAMES[kind])
            )
        return self._with(blocks, changes)

    def edit(self, step: str, updates: Iterable[tuple[int, str, str, str]]) -> Document:
        """Replace block texts. ``updates`` holds ``(position, new_text, reason, detail)``.

        An update that leaves the text as it was records nothing.
        """
        blocks = list(self.blocks)
        changes = []
        for pos, text, reason, detail in updates:
            block = blocks[pos]
            if block.text == text:
                continue
            blocks[pos] = Block(block.index, text, block.kind, block.original)
            changes.append(Change(step, block.index, "edit", reason, detail, block.text, text))
        return self._with(blocks, changes)

    def replay(self, changes: Iterable[Change]) -> Document:
        """Apply recorded ``changes`` in order and append them to the log.

        A change names its block by ``index``; a reclassification sets the kind in
        ``after``, an edit the text in ``after``. Replaying a document's own log on its
        segmented input rebuilds the document.
        """
        changes = tuple(changes)
        position = {b.index: p for p, b in enumerate(self.blocks)}
        blocks = list(self.blocks)
        for change in changes:
            pos = position[change.block]
            block = blocks[pos]
            if change.action == "edit":
                blocks[pos] = Block(block.index, change.after or "", block.kind, block.original)
            else:
                blocks[pos] = Block(block.index, block.text, Kind(change.after), block.original)
        return Document(tuple(blocks), self.changes + changes)

    def _with(self, blocks: list[Block], changes: list[Change]) -> Document:
        """This document with ``blocks`` and ``changes`` appended to the log; itself when
        nothing changed (it is immutable, so sharing it is safe and saves two copies)."""
        if not changes:
            return self
        return Document(tuple(blocks), self.changes + tuple(changes))

    def last_change(self, index: int) -> Change | None:
        """The most recent reclassification of block ``index``, if any."""
        for change in reversed(self.changes):
            if change.block == index and change.action == "reclassify":
                return change
        return None
