"""The ``newsclean`` command: flags, reading, writing, progress and exit codes; no cleaning logic.

Reading and decoding live in :mod:`newsclean.io`, the per-document work (in this process or
in workers) in :mod:`newsclean.batch`. This module wires them together.

Exit status: 0 every input was cleaned; 1 some input or record failed (each is named on
stderr in one line and the rest are processed); 2 usage error; 130 interrupted (Ctrl-C);
141 the reader of stdout went away (``newsclean big.jsonl | head``), with no message.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, TextIO

import click

from . import Config, __version__
from .batch import Job, Outcome, run_items
from .io import InputError, atomic_writer, read_config, read_items
from .passes import PASSES

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141

EXAMPLE = """\b
Examples:
  newsclean page.txt                        print the clean article body
  curl -s URL | html2text | newsclean       clean stdin
  newsclean --format json page.txt          title, section, byline, teasers, blocks
  newsclean --explain page.txt              also say on stderr what was removed, why
  newsclean -r pages/ --output-dir clean/   one cleaned file per input, same names
  newsclean -j 4 crawl.jsonl.gz > out.jsonl JSON Lines (field "text"), 4 processes

\b
Exit status: 0 all cleaned; 1 some input or record failed (each named on
stderr, the rest processed); 2 usage error; 130 interrupted; 141 broken pipe.
"""

_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_STDIN = "<stdin>"
_Bar = Literal["always", "slow", "never"]


@dataclass(frozen=True, slots=True)
class _Input:
    name: str  # as given, or the path found under a directory; "-" for stdin
    target: Path | None = None  # where --output-dir writes it
    error: str | None = None


def _list_passes(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        for step in PASSES:
            click.echo(f"{step.name:<16} {step.summary}")
        ctx.exit(0)


def _check_encoding(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


@click.command(epilog=EXAMPLE, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, metavar="[FILE|-]...", type=click.Path(allow_dash=True, readable=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default=None,
    help="text (default): the clean body; json: the whole article; jsonl: one JSON line per input "
    "with its 'source'.",
)
@click.option("--jsonl", is_flag=True, help="Read JSON Lines records (automatic for *.jsonl and *.ndjson).")
@click.option(
    "--field", default="text", show_default=True, metavar="NAME", help="JSON Lines: field to clean."
)
@click.option(
    "--output-field", metavar="NAME", help="JSON Lines: write the clean body here instead of over --field."
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Write one cleaned file per input into DIR, with the input's name (atomically).",
)
@click.option("-r", "--recursive", is_flag=True, help="Clean the files inside directories given as FILE.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    metavar="N",
    help="Worker processes (0: one per CPU). Output order is kept.",
)
@click.option(
    "--progress", is_flag=True, help="Show a progress bar on stderr even when it is not a terminal."
)
@click.option("-q", "--quiet", is_flag=True, help="No warnings (errors are still reported).")
@click.option("--explain", "show", is_flag=True, help="Write what was removed or split, and why, to stderr.")
@click.option("--keep-quotes", is_flag=True, help="Keep curly quotes and apostrophes.")
@click.option(
    "--lang", metavar="CODE", help="The pages' language (ISO 639-1, e.g. en); guessed if not given."
)
@click.option(
    "--skip",
    multiple=True,
    type=click.Choice([p.name for p in PASSES]),
    metavar="PASS",
    help="Do not run this pass (repeatable; see --list-passes).",
)
@click.option(
    "--list-passes",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_passes,
    help="List the passes in the order they run, and exit.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE.toml",
    help="Read settings (Config fields) from a TOML file; options given here override it.",
)
@click.option(
    "--encoding",
    callback=_check_encoding,
    metavar="NAME",
    help="Decode input with this encoding, no guessing.",
)
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Also write each failed input or record to FILE as a JSON line (with the raw record).",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    metavar="MB",
    help="Skip (and report) documents or records larger than this; 0: no limit.",
)
@click.version_option(__version__, prog_name="newsclean")
def main(  # noqa: PLR0917 (click passes every option; this is its signature)
    files: tuple[str, ...],
    fmt: Literal["text", "json", "jsonl"] | None,
    jsonl: bool,
    field: str,
    output_field: str | None,
    output_dir: str | None,
    recursive: bool,
    jobs: int,
    progress: bool,
    quiet: bool,
    show: bool,
    keep_quotes: bool,
    lang: str | None,
    skip: tuple[str, ...],
    config_path: str | None,
    encoding: str | None,
    errors_path: str | None,
    max_size: float,
) -> None:
    """Clean flattened news pages: print each article's body without site chrome,
    duplicates, bylines or teasers. FILE is a path, a directory with -r, or - for stdin
    (the default). gzip input is unpacked; JSON Lines records keep their other fields."""
    config = _config(config_path, keep_quotes=keep_quotes, lang=lang, skip=skip)
    inputs = _inputs(files or ("-",), recursive=recursive, output_dir=output_dir)
    jsonl = jsonl or _all_jsonl(inputs)
    _check_usage(inputs, jsonl=jsonl, fmt=fmt, field=field, output_field=output_field, output_dir=output_dir)
    job = Job(config, jsonl=jsonl, fmt=fmt or "text", field=field, output_field=output_field, explain=show)
    max_bytes = int(max_size * 1e6) or None
    sources = [(_STDIN if i.name == "-" else i.name, i.name, i.error) for i in inputs]
    items = read_items(sources, jsonl=jsonl, encoding=encoding, max_bytes=max_bytes)
    workers = jobs or os.cpu_count() or 1
    if not jsonl:  # one document per input: no more workers than inputs
        workers = min(workers, len(inputs))
    bar: _Bar = "always" if progress else "slow" if sys.stderr.isatty() and not quiet else "never"
    with _Reporter(quiet=quiet, progress=bar, errors_path=errors_path, total=_total(inputs)) as report:
        sink = _Sink(inputs, output_dir is not None)
        try:
            for outcome in run_items(job, items, jobs=workers):
                report.outcome(outcome)
                failure = sink.write(outcome)
                if failure is not None:
                    report.failure(outcome.name, failure)
            sink.close()
            sys.stdout.flush()
        except BrokenProcessPool:
            sink.abort()
            report.failure("--jobs", "a worker process died (out of memory?); stopped")
        except KeyboardInterrupt:
            sink.abort()
            report.message("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            sink.abort()
            # Point stdout at /dev/null so the interpreter's final flush does not complain.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_PIPE)
        except OSError as exc:  # stdout itself failed (disk full, ...)
            sink.abort()
            report.failure("stdout", f"cannot write ({exc.strerror or exc}); stopped")
    sys.exit(EXIT_FAILED if report.failed else EXIT_OK)


def _config(path: str | None, *, keep_quotes: bool, lang: str | None, skip: tuple[str, ...]) -> Config:
    values: dict[str, object] = {}
    if path is not None:
        try:
            values = read_config(path)
        except InputError as exc:
            raise click.BadParameter(f"{path}: {exc}", param_hint="'--config'") from None
    if keep_quotes:
        values["keep_quotes"] = True
    if lang is not None:
        values["language"] = lang
    if skip:
        values["skip"] = frozenset(values.get("skip") or ()) | set(skip)  # type: ignore[call-overload]
    try:
        return Config(**values)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise click.UsageError(f"invalid settings: {exc}") from None


def _inputs(names: tuple[str, ...], *, recursive: bool, output_dir: str | None) -> list[_Input]:
    found: list[tuple[str, str]] = []  # (path, name relative to the output directory)
    for name in names:
        if recursive and name != "-" and os.path.isdir(name):
            inside = []
            for root, dirs, filenames in os.walk(name):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for filename in filenames:
                    if not filename.startswith("."):
                        path = os.path.join(root, filename)
                        inside.append((path, os.path.relpath(path, name)))
            found.extend(sorted(inside, key=lambda pair: pair[1]))
        else:
            found.append((name, os.path.basename(name)))
    if output_dir is None:
        return [_Input(path) for path, _ in found]
    inputs = []
    claimed: dict[Path, str] = {}
    for path, rel in found:
        target = Path(output_dir) / rel
        error = None
        if target in claimed:
            error = f"has the same output file as {claimed[target]}; skipped"
        elif target.exists() and os.path.exists(path) and os.path.samefile(target, path):
            error = f"--output-dir would write over this input ({target}); skipped"
        claimed.setdefault(target, path)
        inputs.append(_Input(path, target, error))
    return inputs


def _all_jsonl(inputs: list[_Input]) -> bool:
    return all(i.name.endswith(_JSONL_SUFFIXES) for i in inputs)


def _check_usage(
    inputs: list[_Input],
    *,
    jsonl: bool,
    fmt: str | None,
    field: str,
    output_field: str | None,
    output_dir: str | None,
) -> None:
    if jsonl and fmt not in (None, "jsonl"):
        raise click.UsageError(f"--format {fmt} is for text input; JSON Lines input gives JSON Lines output")
    if not jsonl and any(i.name.endswith(_JSONL_SUFFIXES) for i in inputs):
        raise click.UsageError("some inputs are JSON Lines and some are not: pass --jsonl, or run them apart")
    if not jsonl and (field != "text" or output_field is not None):
        raise click.UsageError("--field and --output-field apply to JSON Lines input (--jsonl)")
    if output_dir is not None:
        if any(i.name == "-" for i in inputs):
            raise click.UsageError("--output-dir needs FILE arguments; it cannot name stdin's output")
        if fmt == "jsonl":
            raise click.UsageError("--format jsonl writes one stream to stdout; drop --output-dir")


def _total(inputs: list[_Input]) -> int | None:
    """Bytes to read, when every input is a plain file (for the progress percentage)."""
    try:
        if all(i.name != "-" and not i.name.endswith(".gz") for i in inputs):
            return sum(os.path.getsize(i.name) for i in inputs)
    except OSError:
        pass
    return None


class _Sink:
    """Where output goes: stdout, or one file per input under --output-dir, written atomically."""

    def __init__(self, inputs: list[_Input], to_files: bool) -> None:
        self._inputs = inputs
        self._to_files = to_files
        self._stdout: BinaryIO = sys.stdout.buffer
        self._open: tuple[int, contextlib.ExitStack, BinaryIO] | None = None
        self._failed: set[int] = set()

    def write(self, outcome: Outcome) -> str | None:
        """Write the outcome's output; a one-line reason when its output file failed."""
        if not self._to_files:
            if outcome.output is not None:
                self._stdout.write(outcome.output)
            return None
        if outcome.kind == "error" and outcome.line is None:
            return None  # the input could not be read: no output file
        if (outcome.output is None and outcome.kind != "end") or outcome.source in self._failed:
            return None
        try:
            stream = self._stream(outcome.source)
            if outcome.output is not None:
                stream.write(outcome.output)
            if outcome.kind in ("end", "text"):
                self._commit()
        except OSError as exc:
            self.abort()
            self._failed.add(outcome.source)
            return f"cannot write {self._inputs[outcome.source].target} ({exc.strerror or exc})"
        return None

    def _stream(self, source: int) -> BinaryIO:
        if self._open is None or self._open[0] != source:
            self._commit()
            target = self._inputs[source].target
            assert target is not None
            stack = contextlib.ExitStack()
            stream = stack.enter_context(atomic_writer(target, compress=target.name.endswith(".gz")))
            self._open = (source, stack, stream)
        return self._open[2]

    def _commit(self) -> None:
        if self._open is not None:
            stack = self._open[1]
            self._open = None
            stack.close()

    def close(self) -> None:
        self._commit()

    def abort(self) -> None:
        """Drop the file being written (its temporary file), leaving earlier outputs whole."""
        if self._open is not None:
            stack = self._open[1]
            self._open = None
            with contextlib.suppress(KeyboardInterrupt):
                stack.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)


class _Reporter:
    """Errors, warnings, explanations and the progress bar, all on stderr."""

    _EVERY = 0.2  # seconds between progress redraws

    _DELAY = 1.0  # seconds before the automatic bar appears: quick runs stay silent

    def __init__(self, *, quiet: bool, progress: _Bar, errors_path: str | None, total: int | None) -> None:
        self.failed = 0
        self._quiet = quiet
        self._progress = progress
        self._errors_path = errors_path
        self._errors: TextIO | None = None
        self._total = total
        self._records = 0
        self._bytes = 0
        self._start = time.monotonic()
        self._drawn = 0.0
        self._bar_shown = False

    def __enter__(self) -> _Reporter:
        if self._errors_path is not None:
            try:
                self._errors = open(self._errors_path, "w", encoding="utf-8")
            except OSError as exc:
                raise click.BadParameter(
                    f"{self._errors_path}: {exc.strerror or exc}", param_hint="'--errors'"
                ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None and (self._progress == "always" or self._drawn):
            self._draw(final=True)
        if self._errors is not None:
            self._errors.close()

    def message(self, text: str) -> None:
        self._clear_bar()
        sys.stderr.write(f"newsclean: {text}\n")
        sys.stderr.flush()

    def outcome(self, outcome: Outcome) -> None:
        where = outcome.name if outcome.line is None else f"{outcome.name}:{outcome.line}"
        if not self._quiet:
            for warning in outcome.warnings:
                self.message(f"{where}: warning: {warning}")
        if outcome.error is not None:
            self.failure(outcome.name, outcome.error, line=outcome.line, raw=outcome.raw)
        if outcome.explanation is not None:
            self._clear_bar()
            sys.stderr.write(outcome.explanation + "\n")
        if outcome.kind != "end":
            self._records += 1
            self._bytes += outcome.size
        now = time.monotonic()
        if now - self._drawn >= self._EVERY and (
            self._progress == "always" or (self._progress == "slow" and now - self._start >= self._DELAY)
        ):
            self._draw()

    def failure(self, name: str, error: str, *, line: int | None = None, raw: str | None = None) -> None:
        """Name a failed input or record on stderr (and in --errors FILE); exit status 1."""
        self.failed += 1
        self.message(f"{name}: {error}" if line is None else f"{name}:{line}: {error}")
        if self._errors is not None:
            record = {"source": name, "line": line, "error": error}
            if raw is not None:
                record["record"] = raw
            self._errors.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _draw(self, *, final: bool = False) -> None:
        self._drawn = time.monotonic()
        elapsed = max(self._drawn - self._start, 1e-9)
        rate = self._records / elapsed
        line = f"{self._records:,} records  {self._bytes / 1e6:,.1f} MB  {rate:,.0f} records/s"
        if self._total:
            share = min(self._bytes / self._total, 1.0)
            filled = int(share * 20)
            line = f"[{'#' * filled}{' ' * (20 - filled)}] {share:4.0%}  " + line
        sys.stderr.write("\r\x1b[K" + line + ("\n" if final else ""))
        sys.stderr.flush()
        self._bar_shown = not final

    def _clear_bar(self) -> None:
        if self._bar_shown:
            sys.stderr.write("\r\x1b[K")
            self._bar_shown = False
