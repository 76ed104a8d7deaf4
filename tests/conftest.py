"""Shared test helpers: paths into the repository's fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BENCH = ROOT / "benchmarks"

# A small article (four prose paragraphs and its headline) for the byline and title tables.
BODY = [
    "The city council voted on Tuesday to approve the new housing plan after a long debate.",
    "Supporters said the plan would add thousands of affordable homes over the next decade.",
    "Critics argued that the money would be better spent on repairing existing buildings.",
    "The mayor is expected to sign the measure into law before the end of the month.",
]
HEADLINE = "Council approves housing plan after long debate"

# The dev-set scripts import their shared helpers (benchmarks/devsets.py) by name.
sys.path.insert(0, str(BENCH))
