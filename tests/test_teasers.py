"""split_teasers: headers, inline teasers, items, and where a list ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.passes.teasers import split_header
from newsclean.text import first_key_word, fold

BODY = "The council approved the new budget on Monday after a debate that lasted six hours."
MORE = "Its members said the plan would be reviewed again in the autumn, after the elections."


@pytest.mark.parametrize(
    "header",
    [
        "You may also like",
        "You might also like:",
        "Related",
        "Related articles",
        "Read more",
        "Read also",
        "More from Business",
        "Recommended",
        "Most read",
        "Trending",
        "Don't miss",
        "Editor's picks",
        "RELATED STORIES",
    ],
)
def test_headers_are_recognised(header: str) -> None:
    assert split_header(header) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the plan in our report.",
        "Related to this, the mayor resigned.",
        "Most read books of the year are thrillers, a survey found.",
        "Trending upwards, prices rose again in June.",
    ],
)
def test_sentences_starting_like_a_header_are_not_headers(line: str) -> None:
    assert split_header(line) is None


def test_list_items_with_sections_and_truncation() -> None:
    items = "Sport\n\nThe home side won the derby after a late goal in...\n\nA short headline"
    text = f"{BODY}\n\nRelated\n\n{items}"
    article = newsclean.parse(text)
    assert article.body == BODY
    assert [(t.section, t.truncated) for t in article.teasers] == [("Sport", True), (None, False)]


def test_inline_teaser_keeps_the_body_after_it() -> None:
    text = f"{BODY}\n\nRead also: Mayor resigns after budget row\n\n{MORE}"
    article = newsclean.parse(text)
    assert article.body == f"{BODY}\n\n{MORE}"
    assert [t.text for t in article.teasers] == ["Mayor resigns after budget row"]


def test_a_list_ends_at_the_first_paragraph_of_prose() -> None:
    long_para = " ".join([MORE] * 3)
    text = f"{BODY}\n\nRelated\n\nMayor resigns after budget row\n\n{long_para}"
    article = newsclean.parse(text)
    assert article.body == f"{BODY}\n\n{long_para}"
    assert len(article.teasers) == 1


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Read", "MORE", "related", "relatedly", "x_1", "9", " ", ":", "\t", "é"])))
def test_a_line_starts_with_its_folded_first_word(pieces: list[str]) -> None:
    # first_key_word reads an ASCII line's first word without folding the line.
    line = "".join(pieces)
    assert first_key_word(line) == fold(line).partition(" ")[0]
