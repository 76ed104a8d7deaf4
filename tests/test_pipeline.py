"""The registry and the pipeline: one ordered list, every name derived from it."""

from __future__ import annotations

import pytest

import newsclean
from conftest import ROOT
from newsclean import PASSES, Config
from newsclean.pipeline import run
from newsclean.segment import segment


def test_registry_names_are_unique_and_documented() -> None:
    names = [p.name for p in PASSES]
    assert len(names) == len(set(names))
    assert all(p.summary.endswith(".") and "\n" not in p.summary for p in PASSES)


@pytest.mark.skipif(PASSES[0].run.__doc__ is None, reason="a compiled build keeps no docstrings")
def test_each_summary_is_the_first_line_of_its_pass_docstring() -> None:
    for step in PASSES:
        assert (step.run.__doc__ or "").strip().split("\n", 1)[0] == step.summary, step.name


def test_every_pass_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in PASSES if f"`{p.name}`" not in readme]
    assert not missing, f"passes missing from README.md: {missing}"


def test_every_change_names_a_registered_pass() -> None:
    text = (ROOT / "fixtures" / "golden" / "seed.input.txt").read_text(encoding="utf-8")
    doc = run(text, Config())
    assert {c.step for c in doc.changes} <= {p.name for p in PASSES}
    assert all(c.reason and c.reason.islower() and " " not in c.reason for c in doc.changes)


def test_skipping_every_pass_returns_the_segmented_input() -> None:
    text = "Menu\n\nBody  text here.\n\n\nBody  text here."
    config = Config(skip=frozenset(p.name for p in PASSES))
    assert newsclean.clean(text, config) == "Menu\n\nBody  text here.\n\nBody  text here."


def test_the_change_log_replays_to_the_document() -> None:
    """Every kind and text in the result is explained by a recorded change."""
    for path in sorted((ROOT / "fixtures" / "golden").glob("*.input.txt")):
        text = path.read_text(encoding="utf-8")
        doc = run(text, Config())
        replayed = segment(text).replay(doc.changes)
        assert replayed.blocks == doc.blocks, path.name


def test_settling_round_is_recorded_and_reaches_a_fixed_point() -> None:
    # One run leaves the first block as body; on the body alone it reads as a headline.
    text = "The the the. The the the the council\n\nThe the council!\n\nThe the the the the the the the."
    article = newsclean.parse(text)
    (settled,) = [c for c in article.document.changes if c.round > 1]
    assert (settled.block, settled.reason, settled.round) == (0, "headline", 2)
    # The title is the one the first round found on the whole page, not the settling one.
    assert article.title == "The the council!"
    assert newsclean.clean(article.body) == article.body
