"""patterns: a Pattern matches exactly as the regex pattern it wraps."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.patterns import Pattern

_SOURCES = [r"\w+(?:['’]\w+)*", r"(?i)\bby\s+(?P<name>\p{Lu}\w+)", r"\s*[|•]\s*", r"(?r)\d+\s*$", r"^$"]
_TEXT = st.text(alphabet="ab By Jöe’s 12|•\n.", max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_SOURCES), _TEXT, st.integers(min_value=0, max_value=5))
def test_every_method_gives_what_the_regex_pattern_gives(source: str, text: str, pos: int) -> None:
    ours, theirs = Pattern(source), regex.compile(source)
    assert ours.pattern == theirs.pattern == source

    def same(a: regex.Match[str] | None, b: regex.Match[str] | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and a.regs == b.regs)

    assert same(ours.match(text), theirs.match(text))
    assert same(ours.match(text, pos), theirs.match(text, pos))
    assert same(ours.search(text), theirs.search(text))
    assert same(ours.search(text, pos), theirs.search(text, pos))
    assert same(ours.fullmatch(text), theirs.fullmatch(text))
    assert ours.findall(text) == theirs.findall(text)
    assert [m.regs for m in ours.finditer(text)] == [m.regs for m in theirs.finditer(text)]
    assert ours.sub("-", text) == theirs.sub("-", text)
    assert ours.sub(lambda m: m[0].upper(), text) == theirs.sub(lambda m: m[0].upper(), text)
    assert ours.split(text) == theirs.split(text)


def test_flags_are_passed_on() -> None:
    assert Pattern("straße", regex.I | regex.V1).fullmatch("STRASSE") is not None
    assert Pattern("straße").fullmatch("STRASSE") is None
