#!/usr/bin/env python3
"""Atheris fuzzing harness for newsclean: ``parse`` on any text, and the JSON Lines reader.

Run from the repository root (see the README, "Fuzzing")::

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_newsclean.py -max_total_time=300 fuzz/corpus

Each input is bytes. The harness

1. decodes them as the command does (``newsclean.io.decode``: an ``InputError`` is a clear
   rejection, anything else escaping is a bug) and, independently, as UTF-8 with
   replacement, and parses both texts with ``newsclean.parse``, checking that every block
   is kept with a kind, the body is the body blocks in input order, and the change log
   replays;
2. reads the bytes as a JSON Lines stream (``newsclean.io.iter_lines``) and runs each line
   through the command's worker (``newsclean.batch.run_chunk``), which must turn a bad
   record into a one-line error and never into an "internal error".

A failure raises, and libFuzzer writes the input to ``crash-<sha1>``; keep it under
``fixtures/fuzz/`` (``tests/test_adversarial.py`` replays every file there).
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports():
    import newsclean
    from newsclean import Kind
    from newsclean.segment import segment

    try:  # the command's reader and worker, when this version has them
        from newsclean import batch as _batch
        from newsclean import io as _io
    except ImportError:  # pragma: no cover
        _batch = None  # type: ignore[assignment]
        _io = None  # type: ignore[assignment]

MAX_TEXT = 20_000  # longer inputs are cut: the fuzzer looks for crashes, not for speed


def check_text(text: str) -> None:
    """Parse ``text`` and check the invariants that must hold for any input."""
    article = newsclean.parse(text)
    doc = article.document
    expected = segment(text)
    if [b.original for b in doc.blocks] != [b.text for b in expected.blocks]:
        raise AssertionError("blocks lost or changed")
    if not all(isinstance(b.kind, Kind) for b in doc.blocks):
        raise AssertionError("a block without a kind")
    texts = {b.index: b.original for b in doc.blocks}
    for change in doc.changes:
        if change.action == "edit":
            if change.before != texts[change.block]:
                raise AssertionError(f"edit log does not replay at block {change.block}")
            texts[change.block] = change.after or ""
    if texts != {b.index: b.text for b in doc.blocks}:
        raise AssertionError("edit log does not give the final texts")
    body = [b for b in doc.blocks if b.kind is Kind.BODY]
    if article.body != "\n\n".join(b.text for b in body if b.text):
        raise AssertionError("body is not the body blocks in order")
    article.to_dict()
    newsclean.explain(article)


def check_bytes(data: bytes) -> None:
    """Decode like the command; parse what comes out."""
    if _io is not None:
        try:
            decoded = _io.decode(data)
        except _io.InputError:
            pass
        else:
            check_text(decoded.text)
    check_text(data.decode("utf-8", errors="replace"))


def check_jsonl(data: bytes) -> None:
    """Read ``data`` as JSON Lines and clean every record as the command's worker does."""
    if _io is None or _batch is None:
        return
    job = _batch.Job(newsclean.Config(), jsonl=True, fmt="jsonl")
    items = []
    try:
        for number, line in _io.iter_lines(io.BytesIO(data), max_bytes=MAX_TEXT):
            if isinstance(line, str):  # a skipped over-long line: its reason
                continue
            items.append(_batch.Item(0, "fuzz", "line", line, number))
    except _io.InputError:
        return
    for outcome in _batch.run_chunk(job, items):
        if outcome.error and outcome.error.startswith("internal error"):
            raise AssertionError(f"line {outcome.line}: {outcome.error}")


def test_one_input(data: bytes) -> None:
    data = data[:MAX_TEXT]
    check_bytes(data)
    check_jsonl(data)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
