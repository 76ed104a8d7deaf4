"""Plain-text signals about one block, shared by the passes that judge blocks.

Each function measures; none decides. Thresholds that turn a measure into a decision live
with the pass that makes the decision.
"""

from __future__ import annotations

import re
from typing import Final

from .patterns import Pattern
from .text import ASCII_SPACE, unpunctuated, word_count, word_initials, words

__all__ = [
    "CJK_CHARS_PER_WORD",
    "PROSE_WORDS",
    "SEPARATOR_LINE",
    "capitalised_share",
    "ends_sentence",
    "is_label",
    "is_plain",
    "is_prose",
    "is_separator",
    "is_truncated",
    "length_units",
    "sentence_marks",
    "stop_share",
]

_SENTENCE_ENDS: Final = tuple(".!?…。！？»\"')]")
"""The last characters of a sentence (with a closing quote or bracket after the mark)."""
# Searched from the end (``(?r)``), where the match must be, so a long text is not scanned.
# ``\Z`` rather than ``$`` (which also matches before a final newline, where ``\s*`` can
# go on to the end): the same texts match, and ``regex`` finds a reverse match at ``\Z``
# at once but tries every position for ``$``.
_TRUNCATED: Final = Pattern(r"(?r)(?:\.\.\.|…)\s*\Z")
SEPARATOR_LINE: Final = Pattern(r"^[\p{P}\p{S}\s]+$")
"""What :func:`is_separator` matches, for a pass that tests it with other line patterns in one go."""


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends the way a sentence does.

    >>> ends_sentence("He left."), ends_sentence("Top stories")
    (True, False)
    """
    return text.rstrip().endswith(_SENTENCE_ENDS)


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
    return bool(SEPARATOR_LINE.match(text))


def is_plain(text: str) -> bool:
    """Whether ``text`` holds letters and spaces only (" " between words, no line break):
    then it holds no sentence mark or end, no ellipsis, colon, digit or symbol, which a
    pass that looks for those can skip the search for (a menu item: "World News").

    >>> is_plain("World News"), is_plain("U.S."), is_plain("Top 10"), is_plain("")
    (True, False, False, False)
    """
    return text.replace(" ", "").isalpha()


def is_label(text: str, *, max_words: int = 4) -> bool:
    """Whether ``text`` is a short one-line label such as a section name ("Tech & Science").

    >>> is_label("Tech & Science"), is_label("He left."), is_label("2019")
    (True, False, False)
    """
    if "\n" in text or len(text) > 40:  # told without its words
        return False
    tokens = words(text)
    return (
        0 < len(tokens) <= max_words
        and not ends_sentence(text)
        and tokens[0][0].isupper()
        and not any(t.isdigit() for t in tokens)
    )


PROSE_WORDS: Final = 12
"""Words of a sentence-length text: :func:`is_prose` by default, and the prose that
``layout.main_span`` counts."""


def is_prose(text: str, *, min_words: int = PROSE_WORDS) -> bool:
    """Whether ``text`` reads like running text: enough words, ending like a sentence.

    >>> is_prose("The Kremlin on Wednesday confirmed that North Korean leader Kim will come.")
    True
    """
    return word_count(text) >= min_words and ends_sentence(text)


# A run of marks after a word (and a closing quote or bracket); the lookbehind comes after
# the run's first mark, which the scan looks for first (a fifth faster than before it).
_SENTENCE_MARK: Final = Pattern(
    r"[.!?…](?<=\w[\p{Pf}\"')\]]?.)[.!?…]*(?=[\p{Pf}\"')\]]*(?:\s*$|\s+[^\p{Ll}\p{N}]))|[。！？]"
)
_ASCII_SENTENCE_MARK: Final = re.compile(
    rf"[.!?](?:(?<=\w.)|(?<=\w[\"')\]].))[.!?]*(?=[\"')\]]*(?:{ASCII_SPACE}*$|{ASCII_SPACE}+[^a-z0-9]))"
)
""":data:`_SENTENCE_MARK` for ASCII text, in the standard library's ``re``, which scans it
three times faster (the dev pages' ASCII blocks): the marks, closing quotes, lowercase
letters and digits of ASCII, the spaces spelled out, and the lookbehind as one of two
fixed widths, as ``re`` needs."""
_CJK: Final = Pattern(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
CJK_CHARS_PER_WORD: Final = 2.5
"""Chinese, Japanese and Korean text is measured in characters: 2.5 characters weigh as
much as one word of a space-separated language (a rough mean over the three)."""


def sentence_marks(text: str) -> int:
    """How many sentence ends ``text`` holds: ". ", "! ", "? " at the end or before anything but
    a lowercase letter or a digit, and "。"; "3.5", "U.S. jobs" and "Nov. 19" don't count.

    >>> sentence_marks("He left. She stayed! Then 3.5 km of U.S. roads"), sentence_marks("政府は発表した。")
    (2, 1)
    >>> sentence_marks("Updated Nov. 19, 2019 8:21 am ET")
    0
    """
    return len((_ASCII_SENTENCE_MARK if text.isascii() else _SENTENCE_MARK).findall(text))


def length_units(text: str) -> float:
    """The length of ``text`` in words, counting CJK characters as words at 2.5 a word.

    >>> length_units("The Kremlin confirmed it."), length_units("政府は発表した")
    (4.0, 2.8)
    """
    # Without its typography most text is ASCII, and holds no CJK character to look for.
    if unpunctuated(text).isascii() or not _CJK.search(text):
        return float(word_count(text))
    cjk = len(_CJK.findall(text))
    rest = word_count(_CJK.sub(" ", text))
    return round(cjk / CJK_CHARS_PER_WORD + rest, 1)


def stop_share(found: list[str], stopwords: frozenset[str]) -> float:
    """The share of the letter tokens ``found`` that are in ``stopwords`` (0 when none).

    A block's tokens are :func:`~newsclean.language.tokens` of its folded key: the letter
    runs of the casefolded text are those of the key (letters are word characters, and the
    key only turns runs of other characters into one space), which the passes fold anyway
    (cached), and the key is mostly ASCII, which ``tokens`` splits fastest. The chrome
    pass reads the same tokens for its boilerplate bound.

    >>> stop_share(["the", "cat", "sat", "on", "the", "mat"], frozenset({"the", "on"}))
    0.5
    """
    if not found:
        return 0.0
    return sum(map(stopwords.__contains__, found)) / len(found)


def capitalised_share(text: str) -> float:
    """The share of word tokens that start with a capital letter or a digit.

    >>> capitalised_share("Home World Sport and more")
    0.6
    """
    firsts = word_initials(text)
    if not firsts:
        return 0.0
    # No character is both a capital and a digit.
    return (sum(map(str.isupper, firsts)) + sum(map(str.isdigit, firsts))) / len(firsts)
