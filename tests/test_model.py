"""The document model: reclassify and edit record every change and lose nothing."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, asdict, fields, replace

import pytest

from newsclean import Block, Change, Document, Kind


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


def test_block_and_change_constructors_give_the_dataclass_values() -> None:
    """Their constructors set the slots themselves (for speed): every field set, defaults
    as declared, and the values behave as frozen dataclasses do."""
    block = Block(3, "a\nb", original="a b")
    change = Change("p", 3, "edit", "r", before="a", after="b")
    assert asdict(block) == {"index": 3, "text": "a\nb", "kind": Kind.BODY, "original": "a b"}
    assert asdict(change) == {
        "step": "p",
        "block": 3,
        "action": "edit",
        "reason": "r",
        "detail": "",
        "before": "a",
        "after": "b",
        "round": 1,
    }
    assert repr(block) == "Block(index=3, text='a\\nb', kind=<Kind.BODY: 'body'>, original='a b')"
    for value in (block, change):
        same = replace(value)
        assert same == value and same is not value and hash(same) == hash(value)
        name = fields(value)[1].name
        assert replace(value, **{name: getattr(value, name) * 2}) != value
        assert pickle.loads(pickle.dumps(value)) == value
        with pytest.raises(FrozenInstanceError):
            setattr(value, fields(value)[1].name, "x")
