"""What the dev-set scripts (``quality.py``, ``bylines.py``) and their floor tests share:
loading a script that ships with a dev set, reading a ``FLOOR`` file, the command line."""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

MODES = ("nodes", "blocks")


def load_module(path: Path, name: str) -> ModuleType:
    """Import the Python file at ``path`` as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_floors(path: Path) -> dict[str, tuple[float, ...]]:
    """``{mode: (figure, ...)}`` from a FLOOR file: a mode and its numbers per line,
    ``#`` comments."""
    floors = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split()
        if line:
            floors[line[0]] = tuple(float(x) for x in line[1:])
    return floors


def run(
    doc: str | None,
    measure: Callable[[str], dict[str, Any]],
    report: Callable[[dict[str, Any], int], None],
    figures: Callable[[dict[str, Any]], dict[str, Any]],
    worst_help: str,
) -> int:
    """The command line both scripts share: ``--mode``, ``--worst N``, ``--json``.

    ``figures`` picks what ``--json`` prints of one mode's result.
    """
    ap = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    ap.add_argument("--mode", choices=MODES, help="one mode only (default: both)")
    ap.add_argument("--worst", type=int, default=10, help=worst_help)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON (no per-page rows)")
    args = ap.parse_args()
    results = [measure(mode) for mode in ([args.mode] if args.mode else MODES)]
    if args.json:
        print(json.dumps({r["mode"]: figures(r) for r in results}, indent=1))
        return 0
    for result in results:
        report(result, args.worst)
    return 0
