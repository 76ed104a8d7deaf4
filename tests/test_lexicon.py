"""The phrase lexicons: data files, whole-line matching, wildcards, user phrases."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.lexicon import Lexicon, lexicon


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
