"""Regression gate: byline dev-set author F1/precision and title matches in both modes stay
at or above the floors pinned in ``benchmarks/bylines-devset/FLOOR``, with no crashes."""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

import pytest

from conftest import ROOT

BENCH = ROOT / "benchmarks"


def _bylines() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bylines_bench", BENCH / "bylines.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _floors() -> dict[str, tuple[float, float, float]]:
    floors = {}
    for raw in (BENCH / "bylines-devset" / "FLOOR").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split()
        if line:
            floors[line[0]] = (float(line[1]), float(line[2]), float(line[3]))
    return floors


FLOORS = _floors()


def test_floor_file_covers_both_modes() -> None:
    assert set(FLOORS) == {"nodes", "blocks"}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def result(request: pytest.FixtureRequest) -> dict[str, Any]:
    measured: dict[str, Any] = _bylines().measure(request.param)
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
