"""Plain-text signals about one block, shared by the passes that judge blocks.

Each function measures; none decides. Thresholds that turn a measure into a decision live
with the pass that makes the decision.
"""

from __future__ import annotations

import regex

from .text import words

__all__ = ["ends_sentence", "is_label", "is_prose", "is_separator", "is_truncated"]

_SENTENCE_END = regex.compile(r"[.!?…。！？»\"')\]]$")
_TRUNCATED = regex.compile(r"(?:\.\.\.|…)\s*$")
_SEPARATOR = regex.compile(r"^[\p{P}\p{S}\s]+$")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends the way a sentence does.

    >>> ends_sentence("He left."), ends_sentence("Top stories")
    (True, False)
    """
    return bool(_SENTENCE_END.search(text.rstrip()))


def is_truncated(text: str) -> bool:
    """Whether ``text`` was cut off with an ellipsis ("..." or "…").

    >>> is_truncated("increasing ethanol levels in his..."), is_truncated("He left.")
    (True, False)
    """
    return bool(_TRUNCATED.search(text))


def is_separator(text: str) -> bool:
    """Whether ``text`` holds only punctuation and symbols ("-", "|", "•", "* * *").

    >>> is_separator(" - "), is_separator("•"), is_separator("A-")
    (True, True, False)
    """
    return bool(_SEPARATOR.match(text))


def is_label(text: str, *, max_words: int = 4) -> bool:
    """Whether ``text`` is a short one-line label such as a section name ("Tech & Science").

    >>> is_label("Tech & Science"), is_label("He left."), is_label("2019")
    (True, False, False)
    """
    tokens = words(text)
    return (
        "\n" not in text
        and 0 < len(tokens) <= max_words
        and len(text) <= 40
        and not ends_sentence(text)
        and tokens[0][0].isupper()
        and not any(t.isdigit() for t in tokens)
    )


def is_prose(text: str, *, min_words: int = 12) -> bool:
    """Whether ``text`` reads like running text: enough words, ending like a sentence.

    >>> is_prose("The Kremlin on Wednesday confirmed that North Korean leader Kim will come.")
    True
    """
    return len(words(text)) >= min_words and ends_sentence(text)
