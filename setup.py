"""Build newsclean with the modules that measure and label blocks compiled by mypyc.

The metadata is in ``pyproject.toml``; this file only adds the compiled build. A wheel
(``pip install .``) compiles the passes and the helpers they call for every block with
mypyc, from the same typed source that ``mypy --strict`` checks: the results are the same
(``tests/test_compiled.py``), the time about a fifth less (0.78-0.82 of the pure build's CPU
time over the dev pages in six alternating runs; ``benchmarks/bench.py`` prints which build
it measures). Black, mypy and charset-normalizer ship their code compiled the
same way.

The package stays pure Python, and works the same, where compiling is not wanted or
cannot be done:

* an editable install (``pip install -e .``), so that an edited source file is the code
  that runs (a compiled module would shadow it);
* ``NEWSCLEAN_PURE=1`` in the environment;
* a build that fails (no C compiler, no Python headers): it says so on one line and goes
  on without the compiled modules.

The public surface stays interpreted (the API, the command, the batch and I/O layers, the
configuration and the article): compiled modules keep no docstrings, and their callers
would see the compiler's type errors instead of newsclean's own messages.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import BaseError, CCompilerError

PURE = bool(os.environ.get("NEWSCLEAN_PURE"))
"""Build pure Python: no extension, not even the stand-in below (the wheel is then pure)."""
INTERPRETED = frozenset(
    {
        "__init__.py",
        "__main__.py",
        "article.py",
        "batch.py",
        "cli.py",
        "config.py",
        "explain.py",
        "io.py",
        "pipeline.py",
    }
)


def compiled_modules() -> list[str]:
    """The source files mypyc compiles: every module of the package but the public surface."""
    return sorted(
        str(path) for path in Path("src", "newsclean").rglob("*.py") if path.name not in INTERPRETED
    )


class BuildCompiled(build_ext):
    """Compile :func:`compiled_modules` when building a wheel; else build nothing."""

    def finalize_options(self) -> None:
        self.distribution.ext_modules = self._compiled()
        super().finalize_options()

    def _compiled(self) -> list[Extension]:
        """mypyc's extension modules (C sources it writes under ``build/``), or none."""
        if self.editable_mode or PURE:
            return []
        try:
            from mypyc.build import mypycify  # noqa: PLC0415 (a build requirement only)

            return mypycify(compiled_modules(), opt_level="3", group_name="newsclean")
        except (Exception, SystemExit) as error:  # mypyc exits on errors it has printed
            _pure(error)
            return []

    def run(self) -> None:
        try:
            super().run()
        except (BaseError, CCompilerError) as error:  # no compiler, no Python headers
            _pure(error)


def _pure(error: BaseException) -> None:
    print(f"newsclean: not compiled, installing it as pure Python ({error})", file=sys.stderr)


# A stand-in that only tells setuptools there is an extension to build (and the wheel a
# platform wheel): BuildCompiled replaces it with mypyc's extensions, or with none.
STAND_IN = [] if PURE else [Extension("newsclean.compiled", sources=[])]
setup(cmdclass={"build_ext": BuildCompiled}, ext_modules=STAND_IN)
