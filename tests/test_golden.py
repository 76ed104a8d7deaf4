"""Golden fixtures: ``fixtures/golden/<name>.input.txt`` cleans to ``<name>.expected.txt``.

A missing expected file means the input must come back unchanged (up to its trailing
newline). Every case also checks stability: cleaning the output again changes nothing.
Known failures are listed in ``fixtures/golden/KNOWN_FAILURES`` and run as strict xfails,
so fixing one forces the list to change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
KNOWN = {
    line.split("#", 1)[0].strip()
    for line in (GOLDEN / "KNOWN_FAILURES").read_text(encoding="utf-8").splitlines()
} - {""}


def _cases() -> list[object]:
    cases = []
    for path in sorted(GOLDEN.glob("*.input.txt")):
        name = path.name.removesuffix(".input.txt")
        marks = [pytest.mark.xfail(strict=True, reason="known failure")] if name in KNOWN else []
        cases.append(pytest.param(path, id=name, marks=marks))
    return cases


def _expected(path: Path) -> str:
    expected = path.with_name(path.name.replace(".input.txt", ".expected.txt"))
    source = expected if expected.exists() else path
    return source.read_text(encoding="utf-8").strip("\n")


def test_known_failures_name_real_cases() -> None:
    names = {p.name.removesuffix(".input.txt") for p in GOLDEN.glob("*.input.txt")}
    assert names >= KNOWN


@pytest.mark.parametrize("path", _cases())
def test_golden(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    cleaned = newsclean.clean(text)
    assert cleaned == _expected(path)
    assert newsclean.clean(cleaned) == cleaned
