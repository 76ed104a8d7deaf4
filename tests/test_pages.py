"""Real page excerpts: the cleaned body keeps the article's sentences and drops the page's chrome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from conftest import FIXTURES

PAGES = sorted((FIXTURES / "pages").glob("*.txt"))


def test_there_are_page_fixtures() -> None:
    assert len(PAGES) >= 4


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_excerpt(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    body = " ".join(newsclean.clean(path.read_text(encoding="utf-8")).split())
    missing = [s for s in spec["must_contain"] if s not in body]
    leaked = [s for s in spec["must_not_contain"] if s in body]
    assert not missing, f"lost article text: {missing}"
    assert not leaked, f"kept chrome: {leaked}"
