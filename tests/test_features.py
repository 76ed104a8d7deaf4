"""features: plain-text measures of one block (each measures, none decides)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.features import (
    CJK_CHARS_PER_WORD,
    capitalised_share,
    ends_sentence,
    is_label,
    is_plain,
    is_prose,
    is_separator,
    is_truncated,
    length_units,
    sentence_marks,
    stop_share,
)
from newsclean.language import tokens
from newsclean.text import fold, word_count, words


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


# The definition: a run of marks whose first has a word character (and at most one
# closing quote or bracket) before it; the library's pattern tests that after the mark.
_MARK_DEFINITION = regex.compile(
    r"(?<=\w[\p{Pf}\"')\]]?)[.!?…]+(?=[\p{Pf}\"')\]]*(?:\s*$|\s+[^\p{Ll}\p{N}]))|[。！？]"
)


@given(st.text(alphabet="aZ9 .!?…。\"')]\u201d\n\t", max_size=40))
def test_sentence_marks_is_its_definition(text: str) -> None:
    assert sentence_marks(text) == len(_MARK_DEFINITION.findall(text))


@settings(max_examples=500)
@given(st.text(alphabet="aZ9_ .!?\"')]}:,\n\t\r\x0b\x0c\x1c\x1f", max_size=40))
def test_sentence_marks_of_ascii_text_is_its_definition(text: str) -> None:
    # the ASCII twin in ``re``, with every ASCII space of either module
    assert sentence_marks(text) == len(_MARK_DEFINITION.findall(text))


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


@given(st.text(alphabet="ab 1.\n’“”—…\u00a0«»é日本カナ한", max_size=30))
def test_length_units_looks_for_cjk_only_where_there_can_be_some(text: str) -> None:
    # the typography length_units sets aside before it looks is no CJK character
    cjk = len(regex.findall(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]", text))
    rest = regex.sub(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]", " ", text)
    expected = round(cjk / CJK_CHARS_PER_WORD + word_count(rest), 1) if cjk else float(word_count(text))
    assert length_units(text) == expected


def _stopword_density(text: str, stops: frozenset[str]) -> float:
    """A text's stopword share as the chrome pass measures it: of its folded key's tokens."""
    return stop_share(tokens(fold(text)), stops)


def test_stop_share() -> None:
    stops = frozenset({"the", "on"})
    assert _stopword_density("The cat sat on the mat", stops) == 0.5
    assert _stopword_density("", stops) == 0.0
    assert _stopword_density("Home World Sport", stops) == 0.0


def test_capitalised_share() -> None:
    assert capitalised_share("Home World Sport and more") == 0.6
    assert capitalised_share("") == 0.0
    assert capitalised_share("2019 results") == 0.5


_TEXTS = st.text(st.sampled_from("aB9_ ' .-\n\téÉßΣς1Ⅻ²\u0301\u00a0日"), max_size=30)


@given(text=_TEXTS)
def test_the_fast_measures_agree_with_their_definitions(text: str) -> None:
    """The shortcuts (letters of the folded key, an ASCII scan for capitals) measure what
    the definitions say: letter runs of the casefolded text, tokens starting with a capital
    or a digit."""
    stops = frozenset({"a", "é", "ss", "σ"})
    letters = regex.findall(r"[\p{L}\p{M}]+", text.casefold())
    expected = sum(t in stops for t in letters) / len(letters) if letters else 0.0
    assert _stopword_density(text, stops) == expected
    tokens = words(text)
    share = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit()) / len(tokens) if tokens else 0.0
    assert capitalised_share(text) == share


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
        (is_plain, "World News", True),
        (is_plain, "Top 10", False),
        (is_plain, "Read more:", False),
        (is_plain, "", False),
        (is_prose, "The Kremlin on Wednesday confirmed that North Korean leader Kim will come.", True),
        (is_prose, "Short one.", False),
    ],
)
def test_block_predicates(fn: object, text: str, expected: bool) -> None:
    assert callable(fn)
    assert fn(text) is expected


@given(text=st.text(st.sampled_from("ab .…\n\t\u00a0\u2028\x1c"), max_size=20))
def test_is_truncated_is_an_ellipsis_before_trailing_space(text: str) -> None:
    """The reverse search that stops at the end of the text finds what a forward search
    for an ellipsis, spaces and the end (``$``, which also matches before a final newline)
    finds."""
    assert is_truncated(text) is bool(regex.search(r"(?:\.\.\.|…)\s*$", text))
