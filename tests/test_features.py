"""features: plain-text measures of one block (each measures, none decides)."""

from __future__ import annotations

import pytest

from newsclean.features import (
    capitalised_share,
    ends_sentence,
    is_label,
    is_prose,
    is_separator,
    is_truncated,
    length_units,
    sentence_marks,
    stopword_density,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left. She stayed.", 2),
        ("He left! Did she? Yes.", 3),
        ("It costs 3.5 dollars", 0),
        ("U.S. jobs rose", 0),
        ("Updated Nov. 19, 2019 8:21 am ET", 0),
        ('"We are ready." He left.', 2),
        ("They have left their reviews! 🙂", 1),
        ("政府は発表した。新しい政策だ。", 2),
        ("Top stories", 0),
        ("", 0),
    ],
)
def test_sentence_marks(text: str, expected: int) -> None:
    assert sentence_marks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin confirmed it.", 4.0),
        ("", 0.0),
        ("政府は発表した", 2.8),
        ("Kindle for PCを", 3.4),
    ],
)
def test_length_units_counts_cjk_characters(text: str, expected: float) -> None:
    assert length_units(text) == expected


def test_stopword_density() -> None:
    stops = frozenset({"the", "on"})
    assert stopword_density("The cat sat on the mat", stops) == 0.5
    assert stopword_density("", stops) == 0.0
    assert stopword_density("Home World Sport", stops) == 0.0


def test_capitalised_share() -> None:
    assert capitalised_share("Home World Sport and more") == 0.6
    assert capitalised_share("") == 0.0
    assert capitalised_share("2019 results") == 0.5


@pytest.mark.parametrize(
    ("fn", "text", "expected"),
    [
        (ends_sentence, "He left.", True),
        (ends_sentence, "Top stories", False),
        (is_truncated, "ethanol levels in his...", True),
        (is_truncated, "He left.", False),
        (is_separator, " - ", True),
        (is_separator, "A-", False),
        (is_label, "Tech & Science", True),
        (is_label, "He left.", False),
        (is_prose, "The Kremlin on Wednesday confirmed that North Korean leader Kim will come.", True),
        (is_prose, "Short one.", False),
    ],
)
def test_block_predicates(fn: object, text: str, expected: bool) -> None:
    assert callable(fn)
    assert fn(text) is expected
