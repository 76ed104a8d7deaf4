"""The phrase lexicons: data files, whole-line matching, wildcards, user phrases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.lexicon import Lexicon, lexicon
from newsclean.text import fold


def test_english_chrome_lexicon_has_at_least_80_entries() -> None:
    assert len(lexicon("chrome")) >= 80


@pytest.mark.parametrize(
    "line",
    [
        "Connect with us",
        "Hi, what are you looking for?",
        "Share on Facebook",
        "SHARE ON WHATSAPP",
        "Skip to content",
        "Back to top",
        "Sign in",
        "Subscribe to our newsletter",
        "Advertisement",
        "Cookie policy",
        "Privacy Policy",
        "Terms of use",
        "Print",
        "Email",
        "Leave a comment",
        "Continue reading the main story",
        "Sign up to our newsletter",
    ],
)
def test_ui_lines_match(line: str) -> None:
    assert lexicon("chrome").match(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Please connect with us if you have seen the missing boy, police said.",
        "Share on the stock market fell by 3%",
        "Subscribers to the paper complained about the price rise.",
        "",
    ],
)
def test_sentences_do_not_match(line: str) -> None:
    assert lexicon("chrome").match(line) is None


def test_wildcard_allows_at_most_three_more_words() -> None:
    lex = Lexicon(("share on *",))
    assert lex.match("Share on LinkedIn") == "share on *"
    assert lex.match("share on a b c") == "share on *"
    assert lex.match("share on a b c d") is None


def test_extra_chrome_phrases_from_config() -> None:
    text = "Hot deals of the week\n\nThe council approved the budget on Monday after a long debate."
    config = newsclean.Config(extra_chrome=("hot deals of the week",))
    assert newsclean.clean(text, config) == "The council approved the budget on Monday after a long debate."


def _match_every_length(lex: Lexicon, line: str) -> str | None:
    """The matching rule read plainly: the whole folded line, else every head of the line
    with at most three words after it, shortest first."""
    key = fold(line)
    if not key:
        return None
    if key in lex.exact:
        return key
    tokens = key.split()
    for size in range(max(1, len(tokens) - 3), len(tokens) + 1):
        if " ".join(tokens[:size]) in lex.prefixes:
            return " ".join(tokens[:size]) + " *"
    return None


_WORDS = st.sampled_from(["share", "on", "sign", "up", "the", "menu", "a", "", "*", "Share", "ON"])


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(st.lists(_WORDS, max_size=4).map(" ".join), max_size=6),
    line=st.lists(
        st.sampled_from(["share", "on", "sign", "up", "the", "menu", "a", "!", "  ", "x"]), max_size=8
    ).map(" ".join),
)
def test_match_with_the_first_word_check_agrees_with_the_plain_rule(phrases: list[str], line: str) -> None:
    """The first-word pre-check in :meth:`Lexicon.match` changes no answer, whatever the phrases."""
    lex = Lexicon(tuple(phrases))
    assert lex.match(line) == _match_every_length(lex, line)
