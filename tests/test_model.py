"""The document model: reclassify and edit record every change and lose nothing."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, fields

import pytest

from newsclean import Block, Change, Document, Kind
from newsclean.model import new_block, new_change


def _doc(*texts: str) -> Document:
    return Document(tuple(Block(i, t, original=t) for i, t in enumerate(texts)))


def test_reclassify_records_step_reason_and_kinds() -> None:
    doc = _doc("Menu", "Body text.").reclassify("remove_chrome", [(0, Kind.CHROME, "chrome_phrase", "x")])
    assert [b.kind for b in doc] == [Kind.CHROME, Kind.BODY]
    (change,) = doc.changes
    assert (change.step, change.block, change.action, change.reason) == (
        "remove_chrome",
        0,
        "reclassify",
        "chrome_phrase",
    )
    assert (change.before, change.after) == ("body", "chrome")


def test_reclassify_to_the_same_kind_records_nothing() -> None:
    doc = _doc("Body text.").reclassify("p", [(0, Kind.BODY, "r", "")])
    assert doc.changes == ()


def test_edit_keeps_before_and_after_and_the_original() -> None:
    doc = _doc("a  b").edit("normalize_text", [(0, "a b", "normalize", "spaces")])
    (change,) = doc.changes
    assert (change.action, change.before, change.after) == ("edit", "a  b", "a b")
    assert doc.blocks[0].original == "a  b"


def test_unchanged_edit_records_nothing() -> None:
    assert _doc("same").edit("p", [(0, "same", "r", "")]).changes == ()


def test_documents_are_immutable() -> None:
    doc = _doc("x")
    with pytest.raises(AttributeError):
        doc.blocks = ()  # type: ignore[misc]
    doc.reclassify("p", [(0, Kind.CHROME, "r", "")])
    assert doc.blocks[0].kind is Kind.BODY


def test_of_kind_keeps_input_order() -> None:
    doc = _doc("a", "b", "c").reclassify("p", [(1, Kind.CHROME, "r", "")])
    assert [b.text for b in doc.of_kind(Kind.BODY)] == ["a", "c"]
    assert [b.text for b in doc.of_kind(Kind.BODY, Kind.CHROME)] == ["a", "b", "c"]


def test_kind_is_a_string_enum() -> None:
    assert Kind("chrome") is Kind.CHROME
    assert str(Kind.TEASER) == "teaser"


def test_new_block_and_new_change_are_the_dataclass_values() -> None:
    built = [
        (new_block(3, "a\nb", Kind.CHROME, "a b"), Block(3, "a\nb", Kind.CHROME, "a b")),
        (
            new_change("p", 3, "reclassify", "r", "d", "body", "chrome"),
            Change("p", 3, "reclassify", "r", "d", "body", "chrome"),
        ),
        (new_change("p", 3, "edit", "r", "", "a", "b"), Change("p", 3, "edit", "r", "", "a", "b", 1)),
    ]
    for fast, plain in built:
        assert fast == plain
        assert (repr(fast), hash(fast)) == (repr(plain), hash(plain))
        assert pickle.loads(pickle.dumps(fast)) == plain
        with pytest.raises(FrozenInstanceError):
            setattr(fast, fields(fast)[1].name, "x")
