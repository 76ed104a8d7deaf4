"""segment: one block per blank-line paragraph, nothing lost; join puts them back."""

from __future__ import annotations

import pytest

from newsclean.segment import is_block_text, join, segment


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("", []),
        ("\n\n \n\t\n", []),
        ("One", ["One"]),
        ("One\ntwo", ["One\ntwo"]),
        ("One\n\ntwo", ["One", "two"]),
        ("One\n \t \ntwo\n\n\n\nthree\n", ["One", "two", "three"]),
        ("One\r\n\r\ntwo\rthree", ["One", "two\nthree"]),
        ("One\u2029two\u2028three", ["One\ntwo\nthree"]),
        ("  indented\n\n", ["  indented"]),
    ],
)
def test_segment(text: str, blocks: list[str]) -> None:
    doc = segment(text)
    assert [b.text for b in doc.blocks] == blocks
    assert [b.index for b in doc.blocks] == list(range(len(blocks)))
    assert all(b.original == b.text for b in doc.blocks)


def test_join_separates_blocks_by_one_blank_line() -> None:
    doc = segment("A\nb\n\n\n\nC")
    assert join(list(doc.blocks)) == "A\nb\n\nC"
    assert [b.text for b in segment(join(list(doc.blocks))).blocks] == ["A\nb", "C"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "One",
        "One\ntwo",
        "  indented ",
        "One\n\ntwo",
        "One\n \ntwo",
        "\nOne",
        "One\n",
        "One\r\ntwo",
        "One\rtwo",
        "One\u2028two",
        "One\x1ctwo",
        "One\x85",
        " ",
        "\t\n",
        "a\x0bb",
    ],
)
def test_a_block_text_segments_into_itself(text: str) -> None:
    assert is_block_text(text) == ([b.text for b in segment(text).blocks] == [text])


def test_block_texts_join_and_segment_back_into_themselves() -> None:
    texts = ["One\ntwo", "  three ", "four"]
    assert all(map(is_block_text, texts))
    assert [b.text for b in segment("\n\n".join(texts)).blocks] == texts
