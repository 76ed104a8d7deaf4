"""Regression gate: dev-set F1 in both modes stays at or above the floor pinned in
``benchmarks/devset/FLOOR``, with no crashes and few duplicated outputs."""

from __future__ import annotations

from typing import Any

import pytest
from devsets import load_module, read_floors

from conftest import BENCH

FLOORS = read_floors(BENCH / "devset" / "FLOOR")


def test_floor_file_covers_both_modes() -> None:
    assert set(FLOORS) == {"nodes", "blocks"}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def result(request: pytest.FixtureRequest) -> dict[str, Any]:
    measured: dict[str, Any] = load_module(BENCH / "quality.py", "quality").measure(request.param)
    return measured


def test_f1_at_or_above_floor(result: dict[str, Any]) -> None:
    floor, _ = FLOORS[result["mode"]]
    assert result["all"]["f1"] >= floor, f"{result['mode']} F1 {result['all']['f1']:.3f} < floor {floor}"


def test_no_errors_and_few_duplicates(result: dict[str, Any]) -> None:
    _, max_dups = FLOORS[result["mode"]]
    assert result["all"]["errors"] == 0
    assert result["all"]["dupdocs"] <= max_dups


def test_every_page_with_prose_yields_a_body(result: dict[str, Any]) -> None:
    # Every dev-set page holds a prose paragraph of 40+ words, so none may come out empty.
    assert result["all"]["empty"] == 0
