"""Many documents at once: ordered, streaming, bounded memory, on worker processes if asked.

``clean_many`` and ``parse_many`` take any iterable of texts (a generator over a 1 GB file
is fine) and yield results in input order. With ``jobs > 1`` the texts go to worker
processes in small chunks and at most ``2 * jobs`` chunks are in flight, so memory stays
bounded however long the input is. ``clean_records`` is the same step for JSON-like records,
and is what a Dask ``map_partitions`` or a Spark ``mapPartitions`` call runs.

The command's worker protocol (:class:`Job`, :class:`Item`, :class:`Outcome` and
:func:`run_chunk`) lives here too, so that worker processes import no command code.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal, TypeVar

from .article import Article
from .config import Config
from .explain import explain

__all__ = [
    "Item",
    "Job",
    "Outcome",
    "RecordError",
    "clean_many",
    "clean_record",
    "clean_records",
    "ordered_map",
    "parse_many",
    "run_chunk",
    "run_items",
    "summarize",
]

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 16
"""Texts per task sent to a worker: large enough to amortise pickling, small enough to
keep every worker busy and the output flowing."""
CHUNK_CHARS = 4_000_000
"""A chunk closes early once it holds this many characters, which bounds the memory in
flight to about ``2 * jobs * CHUNK_CHARS`` plus one oversized text."""


class RecordError(ValueError):
    """A record that cannot be cleaned: not an object, no such field, or not a string."""


def _parse(text: str, config: Config | None) -> Article:
    from . import parse  # noqa: PLC0415 (newsclean/__init__ imports this module)

    return parse(text, config)


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; the parent alone handles it and stops workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _started() -> None:
    """A no-op task: submitting one per worker makes the pool start them all."""


def _start_workers(pool: ProcessPoolExecutor, jobs: int) -> None:
    """Start every worker now with SIGINT ignored, which they inherit through exec.

    A worker still importing newsclean when Ctrl-C arrives would otherwise print a
    KeyboardInterrupt traceback before ``_ignore_sigint`` runs. Signals can only be set
    from the main thread; elsewhere (a Dask worker thread, say) the workers start as usual.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for future in [pool.submit(_started) for _ in range(jobs)]:
            future.result()
    finally:
        signal.signal(signal.SIGINT, previous)


def _chunks(items: Iterable[T], size: int, weigh: Callable[[T], int]) -> Iterator[list[T]]:
    chunk: list[T] = []
    weight = 0
    for item in items:
        chunk.append(item)
        weight += weigh(item)
        if len(chunk) >= size or weight >= CHUNK_CHARS:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel queued work and end the workers now, without waiting for running chunks.

    The pool's manager thread is waited for too: it closes the pipe that wakes it, and the
    interpreter's exit hook for process pools writes to that pipe unless it finds it
    closed. Left running, the thread could close it during that write, which printed an
    ``OSError`` traceback as the command exited after Ctrl-C.
    """
    processes = dict(getattr(pool, "_processes", None) or {})  # shutdown() forgets them
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    if isinstance(manager, threading.Thread):
        manager.join(timeout=5)


_POLL_SECONDS = 0.1
"""How long :func:`_result` waits for a chunk before it looks whether Ctrl-C came."""


def _result(future: Future[list[R]]) -> list[R]:
    """``future.result()``, with Ctrl-C raised here rather than inside the wait.

    Python raises ``KeyboardInterrupt`` wherever the main thread happens to be; inside the
    lock handling of a future's wait it can leave that lock half released, and the wait
    then fails with ``RuntimeError: cannot release un-acquired lock`` instead. So, in the
    main thread under the default handler, Ctrl-C only sets a flag while the wait runs (in
    steps of :data:`_POLL_SECONDS`), and ``KeyboardInterrupt`` is raised once it is over.
    Elsewhere (another thread, a handler of the caller's own) the wait is left as it is.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        return future.result()
    interrupted = False

    def flag(_signum: int, _frame: object) -> None:
        nonlocal interrupted
        interrupted = True

    result: list[R] | None = None
    previous = signal.signal(signal.SIGINT, flag)
    try:
        while result is None and not interrupted:
            with contextlib.suppress(TimeoutError):
                result = future.result(timeout=_POLL_SECONDS)
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted or result is None:  # a Ctrl-C during the wait is not lost with its chunk
        raise KeyboardInterrupt
    return result


def ordered_map(
    fn: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
    weigh: Callable[[T], int] = lambda _item: 1,
) -> Iterator[R]:
    """Apply ``fn`` to chunks of ``items`` and yield the results one by one, in order.

    With ``jobs == 1`` everything runs here, one item at a time. Otherwise ``fn`` (which
    must pickle: a module-level function or a ``functools.partial`` of one) runs in ``jobs``
    worker processes; at most ``2 * jobs`` chunks are queued or running at once, so the
    input is read only as fast as it is processed. Closing the generator early, or an
    exception in the consumer, stops the workers. Workers are started with ``spawn``, so a
    calling script must keep its work behind ``if __name__ == "__main__":``.

    >>> list(ordered_map(lambda chunk: [x * 2 for x in chunk], range(5)))
    [0, 2, 4, 6, 8]
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if jobs == 1:
        for item in items:
            yield from fn([item])
        return
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_sigint
    )
    pending: deque[Future[list[R]]] = deque()
    try:
        _start_workers(pool, jobs)
        for chunk in _chunks(items, chunk_size, weigh):
            pending.append(pool.submit(fn, chunk))
            if len(pending) >= 2 * jobs:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        if pending:  # an error, Ctrl-C, or the consumer closed the generator early
            _stop(pool)
        else:
            pool.shutdown(wait=True)


def _parse_chunk(config: Config | None, texts: list[str]) -> list[Article]:
    return [_parse(text, config) for text in texts]


def _clean_chunk(config: Config | None, texts: list[str]) -> list[str]:
    return [_parse(text, config).body for text in texts]


def parse_many(
    texts: Iterable[str], *, jobs: int = 1, config: Config | None = None, chunk_size: int = CHUNK_SIZE
) -> Iterator[Article]:
    """``parse`` each text, in order, as a generator (see :func:`ordered_map` for ``jobs``).

    >>> [a.body for a in parse_many(["Menu", "The council met on Monday and approved the budget."])]
    ['', 'The council met on Monday and approved the budget.']
    """
    return ordered_map(partial(_parse_chunk, config), texts, jobs=jobs, chunk_size=chunk_size, weigh=len)


def clean_many(
    texts: Iterable[str], *, jobs: int = 1, config: Config | None = None, chunk_size: int = CHUNK_SIZE
) -> Iterator[str]:
    """``clean`` each text, in order, as a generator; only the bodies cross process boundaries.

    >>> list(clean_many(iter(["Menu\\n\\nThe council met on Monday and approved the budget."])))
    ['The council met on Monday and approved the budget.']
    """
    return ordered_map(partial(_clean_chunk, config), texts, jobs=jobs, chunk_size=chunk_size, weigh=len)


def summarize(article: Article) -> dict[str, Any]:
    """The structured result stored beside a cleaned record.

    ``title``, ``section``, ``byline`` and ``teasers`` as in the JSON form, and ``removed``:
    how many blocks left the body, per reason code.
    """
    data = article.to_dict()
    removed = Counter(b["reason"] or b["kind"] for b in data.pop("blocks") if b["kind"] != "body")
    del data["body"]
    data["removed"] = dict(sorted(removed.items()))
    return data


def clean_record(
    record: Mapping[str, Any],
    *,
    field: str = "text",
    output_field: str | None = None,
    key: str = "newsclean",
    config: Config | None = None,
) -> dict[str, Any]:
    """A copy of ``record`` with ``field`` cleaned and :func:`summarize` under ``key``.

    The clean body replaces ``field`` in place, or goes to ``output_field`` when given;
    every other field is kept as it was (an existing ``key`` is overwritten). Raises
    :class:`RecordError` when the record is not a mapping, lacks ``field`` or holds
    something other than a string there.

    >>> out = clean_record({"id": 7, "text": "Menu\\n\\nThe council met on Monday to vote."})
    >>> out["id"], out["text"], out["newsclean"]["removed"]
    (7, 'The council met on Monday to vote.', {'chrome_phrase': 1})
    """
    return _clean_record(record, field, output_field, key, config)[0]


def _clean_record(
    record: object, field: str, output_field: str | None, key: str, config: Config | None
) -> tuple[dict[str, Any], Article]:
    if not isinstance(record, Mapping):
        raise RecordError(f"not a JSON object but {_json_type(record)}")
    if field not in record:
        raise RecordError(f"no field {field!r}")
    text = record[field]
    if not isinstance(text, str):
        raise RecordError(f"field {field!r} is {_json_type(text)}, not a string")
    article = _parse(text, config)
    out = dict(record)
    out[output_field or field] = article.body
    out[key] = summarize(article)
    return out, article


def _records_chunk(options: dict[str, Any], records: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [clean_record(record, **options) for record in records]


def clean_records(
    records: Iterable[Mapping[str, Any]],
    *,
    field: str = "text",
    output_field: str | None = None,
    key: str = "newsclean",
    config: Config | None = None,
    jobs: int = 1,
) -> Iterator[dict[str, Any]]:
    """:func:`clean_record` over many records, in order, as a generator.

    This is the function to hand to ``dask.bag.Bag.map_partitions`` or Spark's
    ``mapPartitions`` (see the README). A bad record raises :class:`RecordError`.
    """
    options = {"field": field, "output_field": output_field, "key": key, "config": config}
    return ordered_map(partial(_records_chunk, options), records, jobs=jobs)


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    if value is None:
        return "null"
    return names.get(type(value), type(value).__name__)


# --- the command's worker protocol -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Job:
    """What the command asks of each input; sent to workers with every chunk."""

    config: Config
    jsonl: bool = False
    fmt: Literal["text", "json", "jsonl"] = "text"
    field: str = "text"
    output_field: str | None = None
    key: str = "newsclean"
    explain: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """One unit of input: a decoded document, a raw JSON Lines line, or a marker.

    ``kind`` is ``"text"`` (``data`` is the document), ``"line"`` (``data`` the line's
    bytes), ``"error"`` (reading failed; ``error`` says why) or ``"end"`` (the input
    numbered ``source`` is complete). ``size`` counts input bytes for progress.
    """

    source: int
    name: str
    kind: Literal["text", "line", "error", "end"]
    data: str | bytes = ""
    line: int | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    size: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one :class:`Item`: output (UTF-8), an explanation, or an error."""

    source: int
    name: str
    kind: Literal["text", "line", "error", "end"]
    line: int | None = None
    output: bytes | None = None
    explanation: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    raw: str | None = None
    size: int = 0


def _weigh(item: Item) -> int:
    return len(item.data)


def run_chunk(job: Job, items: list[Item]) -> list[Outcome]:
    """Process a chunk of items in a worker (or in the command's own process)."""
    return [_run_item(job, item) for item in items]


def _run_item(job: Job, item: Item) -> Outcome:
    if item.kind in ("error", "end"):
        return _outcome(item, error=item.error, warnings=item.warnings)
    where = item.name if item.line is None else f"{item.name}:{item.line}"
    raw = item.data.decode("utf-8", errors="replace") if isinstance(item.data, bytes) else None
    try:
        if item.kind == "line":
            output, article = _run_line(job, item.data)
        else:
            output, article = _run_text(job, item)
    except RecordError as exc:
        return _outcome(item, error=str(exc), raw=raw)
    except Exception as exc:  # a bug must not stop the batch: name the input and go on
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return _outcome(item, error=f"internal error ({detail}); please report it", raw=raw)
    explanation = f"== {where}\n{explain(article)}" if job.explain else None
    return _outcome(item, output=output, explanation=explanation, warnings=item.warnings)


def _outcome(
    item: Item,
    *,
    output: bytes | None = None,
    explanation: str | None = None,
    error: str | None = None,
    warnings: tuple[str, ...] = (),
    raw: str | None = None,
) -> Outcome:
    return Outcome(
        item.source, item.name, item.kind, item.line, output, explanation, error, warnings, raw, item.size
    )


def _run_text(job: Job, item: Item) -> tuple[bytes, Article]:
    assert isinstance(item.data, str)
    article = _parse(item.data, job.config)
    if job.fmt == "text":
        return _utf8(article.body + "\n"), article
    data = article.to_dict()
    if job.fmt == "jsonl":
        data = {"source": item.name, **data}
    return _json_line(data), article


def _run_line(job: Job, data: str | bytes) -> tuple[bytes, Article]:
    try:
        record = json.loads(data)
    except UnicodeDecodeError as exc:
        raise RecordError(f"not valid UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON at column {exc.colno}: {exc.msg}") from None
    out, article = _clean_record(record, job.field, job.output_field, job.key, job.config)
    return _json_line(out), article


def _json_line(data: object) -> bytes:
    """One line of UTF-8 JSON; a lone surrogate (JSON allows ``"\\ud800"``) stays escaped."""
    text = json.dumps(data, ensure_ascii=False)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(data).encode("ascii") + b"\n"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", errors="backslashreplace")


def run_items(job: Job, items: Iterable[Item], *, jobs: int = 1) -> Iterator[Outcome]:
    """Every item's :class:`Outcome`, in order, on ``jobs`` processes."""
    return ordered_map(partial(run_chunk, job), items, jobs=jobs, weigh=_weigh)
