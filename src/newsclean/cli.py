"""The ``newsclean`` command: reading, flags, output and exit codes; no cleaning logic.

Exit status: 0 when every input was cleaned, 1 when some input failed (each is named on
stderr and the rest are processed), 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import Config, __version__, explain, parse
from .passes import PASSES

__all__ = ["main"]

EXAMPLE = """\b
Examples:
  newsclean page.txt                  print the clean article body
  curl -s URL | html2text | newsclean  clean stdin
  newsclean --format json page.txt    title, section, byline, teasers and every block
  newsclean --explain page.txt        also list on stderr what was removed and why
"""


class InputError(Exception):
    """An input that cannot be read; the message is one line naming it."""


def _read(name: str) -> str:
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}); decode or convert it first") from None


def _list_passes(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        for step in PASSES:
            click.echo(f"{step.name:<16} {step.summary}")
        ctx.exit(0)


@click.command(epilog=EXAMPLE, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: the clean body; json: the whole article (title, byline, teasers, blocks).",
)
@click.option("--explain", "show", is_flag=True, help="Write what was removed or split, and why, to stderr.")
@click.option("--keep-quotes", is_flag=True, help="Keep curly quotes and apostrophes.")
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
@click.version_option(__version__, prog_name="newsclean")
def main(files: tuple[str, ...], fmt: str, show: bool, keep_quotes: bool, skip: tuple[str, ...]) -> None:
    """Clean flattened news pages: print each article's body without site chrome,
    duplicates, bylines or teasers. FILE is a path or - for stdin (the default)."""
    config = Config(keep_quotes=keep_quotes, skip=frozenset(skip))
    failed = 0
    for name in files or ("-",):
        try:
            article = parse(_read(name), config)
        except InputError as exc:
            click.echo(f"newsclean: {exc}", err=True)
            failed += 1
            continue
        if show:
            click.echo(f"== {name}\n{explain(article)}", err=True)
        if fmt == "json":
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            click.echo(article.body)
    sys.exit(1 if failed else 0)
