"""The README documents the command: every option, and the test command CI runs."""

from __future__ import annotations

import re

import click

from conftest import ROOT
from newsclean.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_every_option_of_the_command_is_documented() -> None:
    documented = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", _section("The command")))
    options = [p for p in main.params if isinstance(p, click.Option)]
    assert len(options) > 10
    missing = sorted(opt for p in options for opt in (*p.opts, *p.secondary_opts) if opt not in documented)
    assert missing == [], f"options missing from README's 'The command': {missing}"


def test_no_documented_option_is_gone() -> None:
    rows = re.findall(r"^\| `(--?[a-z][a-z-]*)", _section("The command"), re.M)
    known = {opt for p in main.params for opt in (*p.opts, *p.secondary_opts)}
    assert rows
    assert sorted(set(rows) - known) == []


def test_ci_runs_the_test_command_with_the_dask_extra() -> None:
    block = re.search(r"^```sh\n(.*?)^```", README, re.M | re.S)
    assert block
    assert block.group(1).splitlines()[1] == "pip install -e '.[test,dask]' && python -m pytest"


def test_pipelines_section_shows_dask_and_spark() -> None:
    text = _section("Pipelines")
    for needle in ("clean_many", "clean_records", "map_partitions", "LocalCluster", "mapPartitions"):
        assert needle in text
