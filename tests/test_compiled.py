"""The compiled build (``setup.py``: the core compiled by mypyc) gives the pure build's results.

The test suite runs on the source as it is (an editable install stays pure Python), so this
module builds the compiled modules next to a copy of the source, the way a wheel build
does, and compares what both builds make of every page the repository holds: the golden
fixtures, the example pages and the dev-set pages, article and change log alike.
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclean
from conftest import BENCH, FIXTURES, ROOT

PAGES = sorted(
    [
        *(FIXTURES / "golden").glob("*.input.txt"),
        *(FIXTURES / "pages").glob("*.txt"),
        *(BENCH / "devset" / "pages" / "nodes").glob("*.txt"),
    ]
)


def report(article: newsclean.Article) -> dict[str, Any]:
    """What a page gives: the article's JSON and its whole change log."""
    changes = [
        [c.step, c.block, c.action, c.reason, c.detail, c.before, c.after, c.round]
        for c in article.document.changes
    ]
    return {"article": article.to_dict(), "changes": changes}


# Run by the compiled build: ``report`` of each page, one JSON line a page.
_SCRIPT = f"""
import json, sys
from typing import Any
import newsclean, newsclean.text
assert newsclean.text.__file__.endswith(".so"), newsclean.text.__file__
{inspect.getsource(report)}
for path in sys.argv[1:]:
    print(json.dumps(report(newsclean.parse(open(path, encoding="utf-8").read()))))
"""


def _copy_project(to: Path) -> Path:
    """What a build reads (the setup script, the metadata and the source), copied to ``to``."""
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, to / name)
    shutil.copytree(ROOT / "src", to / "src", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    return to


def _build_ext(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``setup.py build_ext`` with ``args`` in ``project``, with ``env`` added to the environment."""
    return subprocess.run(
        [sys.executable, "setup.py", "build_ext", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


@pytest.fixture(scope="module")
def compiled_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the source tree with the compiled modules built beside the source files."""
    copy = _copy_project(tmp_path_factory.mktemp("compiled"))
    build = _build_ext(copy, "--inplace")
    built = sorted(p.name for p in (copy / "src" / "newsclean").rglob("*.so"))
    assert build.returncode == 0 and "not compiled" not in build.stderr, build.stderr[-3000:]
    assert "text.cpython" in " ".join(built), built
    return copy / "src"


def test_every_module_but_the_public_surface_is_compiled(compiled_source: Path) -> None:
    compiled = {p.name.split(".")[0] for p in (compiled_source / "newsclean").rglob("*.so")}
    assert {"chrome", "title", "byline", "text", "model"} <= compiled
    assert not compiled & {"__init__", "cli", "config", "article", "pipeline", "batch", "io"}


def test_the_compiled_build_gives_the_same_articles_and_changes(compiled_source: Path) -> None:
    assert len(PAGES) > 150
    env = {**os.environ, "PYTHONPATH": str(compiled_source)}
    run = subprocess.run(
        [sys.executable, "-c", _SCRIPT, *map(str, PAGES)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=compiled_source,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    assert len(lines) == len(PAGES)
    for path, line in zip(PAGES, lines, strict=True):
        pure = report(newsclean.parse(path.read_text(encoding="utf-8")))
        assert json.loads(line) == json.loads(json.dumps(pure)), path.name


def test_a_build_that_cannot_compile_installs_pure_python(compiled_source: Path, tmp_path: Path) -> None:
    """No working C compiler: one line says so, the build succeeds, nothing is compiled."""
    into = ["--build-lib", str(tmp_path / "lib"), "--build-temp", str(tmp_path / "temp")]
    build = _build_ext(compiled_source.parent, "--force", *into, CC="false")
    assert build.returncode == 0, build.stderr[-3000:]
    said = [line for line in build.stderr.splitlines() if line.startswith("newsclean: not compiled")]
    assert len(said) == 1, build.stderr[-3000:]
    assert not list(tmp_path.rglob("*.so"))


def test_pure_builds_compile_nothing(tmp_path: Path) -> None:
    """NEWSCLEAN_PURE=1 builds no extension, and asks nothing of mypy or a compiler."""
    _copy_project(tmp_path)
    build = _build_ext(tmp_path, "--build-lib", str(tmp_path / "lib"), NEWSCLEAN_PURE="1", CC="false")
    assert build.returncode == 0 and "not compiled" not in build.stderr, build.stderr[-3000:]
    assert not list(tmp_path.rglob("*.so"))
