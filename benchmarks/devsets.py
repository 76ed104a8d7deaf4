"""What the dev-set scripts (``quality.py``, ``bylines.py``) and their floor tests share:
loading a script that ships with a dev set, and reading a ``FLOOR`` file."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


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
