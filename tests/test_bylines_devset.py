"""Regression gate: byline dev-set author F1/precision and title matches in both modes stay
at or above the floors pinned in ``benchmarks/bylines-devset/FLOOR``, with no crashes."""

from __future__ import annotations

from typing import Any

import pytest
from devsets import load_module, read_floors

from conftest import BENCH

FLOORS = read_floors(BENCH / "bylines-devset" / "FLOOR")


def test_floor_file_covers_both_modes() -> None:
    assert set(FLOORS) == {"nodes", "blocks"}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def result(request: pytest.FixtureRequest) -> dict[str, Any]:
    measured: dict[str, Any] = load_module(BENCH / "bylines.py", "bylines_bench").measure(request.param)
    return measured


def test_author_f1_and_precision_at_or_above_floor(result: dict[str, Any]) -> None:
    min_f1, min_p, _ = FLOORS[result["mode"]]
    assert result["f1"] >= min_f1, f"{result['mode']} author F1 {result['f1']:.3f} < floor {min_f1}"
    assert result["p"] >= min_p, f"{result['mode']} author P {result['p']:.3f} < floor {min_p}"


def test_title_at_or_above_floor(result: dict[str, Any]) -> None:
    _, _, min_title = FLOORS[result["mode"]]
    assert result["title_fuzzy"] >= min_title, (
        f"{result['mode']} title fuzzy {result['title_fuzzy']:.3f} < floor {min_title}"
    )


def test_no_errors(result: dict[str, Any]) -> None:
    assert result["errors"] == 0


def test_no_author_is_a_long_sentence(result: dict[str, Any]) -> None:
    # Authors are names: nothing predicted may run past six words.
    long = [(row["page"], a) for row in result["wrong"] for a in row["got"] if len(a.split()) > 6]
    assert long == []
