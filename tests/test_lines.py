"""repair_lines: sentences split at inline links are joined; one-item-per-line lists are not."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.language import stopwords
from newsclean.passes.lines import _OPENERS, _ends_sentence, _goes_on, join_split_lines
from newsclean.text import word_count, words

EN = stopwords("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The\ncompany shelved its plans", "The company shelved its plans"),
        ("He met the\nPresident on Monday.", "He met the President on Monday."),
        ("the statement\n.", "the statement."),
        ("It rose 5\n%", "It rose 5%"),
        ("the theme\n'The Medium is the Message\n', the famous statement", None),
        ("after Bloomberg reported\nWeWork\nis the subject of an inquiry.", None),
        ("sits in third place in the annual\nFan Vote.", "sits in third place in the annual Fan Vote."),
        ("Ivana Jelić and Pavle Petrović\n(Serbia) found inspiration", None),
        ("a lifeline from (\nSoftBank", "a lifeline from (SoftBank"),
    ],
)
def test_split_sentences_are_joined(text: str, expected: str | None) -> None:
    joined = join_split_lines(text, EN)
    assert "\n" not in joined
    if expected is not None:
        assert joined == expected


@pytest.mark.parametrize(
    "text",
    [
        "World\nBusiness\nSport",
        "Rent increases\nDeposits\nNotice periods",
        "AFP\nWritten By",
        "12 Main Street\nSpringfield\nUSA",
        "He left.\nShe stayed.",
        "Light as a medium, and stories\nFrom hundreds of submitted concepts, the jury chose thirty.",
        "Use code SAVE50\nThis is an outstanding price for a laptop with this graphics card.",
    ],
)
def test_real_line_breaks_stay(text: str) -> None:
    assert join_split_lines(text, EN) == text


def test_page_language_stopwords_decide_function_words() -> None:
    text = "Er sprach mit der\nKanzlerin und ihren Ministern am Montag in Berlin über das Gesetz."
    assert "\n" not in join_split_lines(text, stopwords("de"))
    assert join_split_lines(text, frozenset()) == text


def test_the_pass_records_how_many_breaks_it_joined() -> None:
    text = "The\ncompany shelved its plans\nfor an initial public offering on September 30."
    article = newsclean.parse(text)
    edits = [c for c in article.document.changes if c.step == "repair_lines"]
    assert edits and edits[0].reason == "joined_lines"
    assert edits[0].detail.startswith("2 line break(s)")


def test_configured_language_is_used() -> None:
    text = (
        "Die Regierung hat am Dienstag mit der\nOpposition gesprochen, und sie hat dabei erklärt, "
        "dass sie das Gesetz nicht ändern wird."
    )
    assert "\n" not in newsclean.clean(text, Config(language="de"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?:;…。！？\"'’”»)]([{,-–—/ a\r\u2028\x85", max_size=8))
def test_line_ends_read_as_the_patterns_anchored_at_the_end(line: str) -> None:
    assert _ends_sentence(line) == bool(regex.search(r"[.!?:;…。！？][\"'’”»)\]]*$", line))
    assert line.endswith(_OPENERS) == bool(regex.search(r"[(\[{,\-–—/]$", line))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZé ,.;:!?)]}%…\"'’”»([-\u0301ßªⓐ1_\r\x85Ǆ", max_size=8) | st.text(max_size=8))
def test_line_starts_read_as_the_patterns(line: str) -> None:
    goes_on = regex.match(r"^(?:[,.;:!?)\]}%…]|[\"'’”»]\s*(?:[,.;:!?)]|$|\s\p{Ll}))|^\p{Ll}", line)
    assert _goes_on(line) == bool(goes_on)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab_1 '’.\u0301é-", max_size=12) | st.text(max_size=10))
def test_the_count_is_that_of_words(text: str) -> None:
    assert word_count(text) == len(words(text))
