"""Shared test helpers: paths into the repository's fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BENCH = ROOT / "benchmarks"

# The dev-set scripts import their shared helpers (benchmarks/devsets.py) by name.
sys.path.insert(0, str(BENCH))
