"""normalize_text: ftfy repairs, straight quotes, odd spaces; what changed is recorded."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Config
from newsclean.passes.normalize import _is_plain, normalize_block, normalize_spaces, normalize_text
from newsclean.segment import segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain text.", "Plain text."),
        ("caf\u00c3\u00a9", "café"),  # mojibake
        ("Tom &amp; Jerry&#8217;s", "Tom & Jerry's"),  # entities
        ("“Quoted” and it’s", '"Quoted" and it\'s'),
        ("a\u00a0b\u2009c\u3000d", "a b c d"),  # odd spaces (U+3000 by ftfy's width fix)
        ("in\u200bvisible soft\u00adhyphen", "invisible softhyphen"),
        ("zero\u200dwidth joiner\u200ckept", "zero\u200dwidth joiner\u200ckept"),
        ("  many   spaces  \n  two lines ", "many spaces\ntwo lines"),
        ("ctrl\x00\x07chars", "ctrlchars"),
        ("ﬁne ＬＯＵＤ", "fine LOUD"),
    ],
)
def test_normalize_block(text: str, expected: str) -> None:
    assert normalize_block(text, uncurl=True)[0] == expected


def test_keep_quotes() -> None:
    assert normalize_block("“Quoted” it’s", uncurl=False)[0] == "“Quoted” it’s"


def test_empty_lines_made_by_a_repair_are_dropped() -> None:
    assert normalize_spaces("a\n \n\u00a0\nb") == "a\nb"


def test_changes_are_recorded_with_their_steps() -> None:
    doc = normalize_text(segment("Clean.\n\ncaf\u00c3\u00a9\u00a0 “x”"), Config())
    assert [b.text for b in doc.blocks] == ["Clean.", 'café "x"']
    [change] = doc.changes
    assert (change.block, change.reason, change.before, change.after) == (
        1,
        "normalize",
        "caf\u00c3\u00a9\u00a0 “x”",
        'café "x"',
    )
    assert "ftfy.uncurl_quotes" in change.detail
    assert "normalize_spaces" in change.detail


def test_keep_quotes_setting_reaches_the_pass() -> None:
    doc = normalize_text(segment("it’s"), Config(keep_quotes=True))
    assert doc.changes == ()


def test_a_remembered_result_is_a_fresh_list_every_time() -> None:
    # normalize_block caches short texts; a caller changing the list must not change the cache.
    steps = normalize_block("caf\u00c3\u00a9 \u2019", uncurl=True)[1]
    steps.append("changed by the caller")
    assert normalize_block("caf\u00c3\u00a9 \u2019", uncurl=True)[1] == steps[:-1]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_a_plain_text_is_left_alone(text: str) -> None:
    # normalize_text skips the blocks _is_plain accepts; each of them must come back as is.
    for candidate in (text, text.replace("\r", "a").replace("&", "b").strip(), "".join(map(chr, range(128)))):
        if _is_plain(candidate):
            assert normalize_block(candidate, uncurl=True) == (candidate, [])
    assert not _is_plain("caf\u00e9") and not _is_plain("a&amp;b") and not _is_plain("a  b")
