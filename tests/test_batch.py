"""The pipeline step: clean_many / parse_many / clean_records are ordered, streaming and bounded."""

from __future__ import annotations

import itertools
import os
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from types import GeneratorType

import pytest

import newsclean
from conftest import FIXTURES
from newsclean.batch import CHUNK_SIZE, RecordError, _result, ordered_map, summarize

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "golden").glob("*.input.txt"))]
PROSE = "The council approved the budget on Monday after a long and heated debate in the chamber."


class Counted:
    """An endless source of texts that remembers how many were taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for n in itertools.count():
            self.taken += 1
            yield f"Menu\n\n{PROSE} Item {n}."


@pytest.mark.parametrize("jobs", [1, 2])
def test_clean_many_equals_clean_in_order(jobs: int) -> None:
    many = newsclean.clean_many(iter(TEXTS), jobs=jobs)
    assert isinstance(many, GeneratorType)
    assert list(many) == [newsclean.clean(t) for t in TEXTS]


def test_parse_many_on_workers_equals_parse() -> None:
    config = newsclean.Config(keep_quotes=True, skip=frozenset({"split_teasers"}))
    got = list(newsclean.parse_many(TEXTS, jobs=2, config=config, chunk_size=3))
    assert got == [newsclean.parse(t, config) for t in TEXTS]


@pytest.mark.parametrize("jobs", [1, 2])
def test_streaming_reads_only_a_bounded_window_ahead(jobs: int) -> None:
    source = Counted()
    many = newsclean.clean_many(source, jobs=jobs)
    first = list(itertools.islice(many, 5))  # an endless input: only streaming can return
    many.close()
    assert first == [f"{PROSE} Item {n}." for n in range(5)]
    assert source.taken <= (5 if jobs == 1 else (2 * jobs + 1) * CHUNK_SIZE)


def test_an_error_on_a_worker_reaches_the_caller() -> None:
    with pytest.raises(TypeError, match="not bytes"):
        list(newsclean.clean_many([PROSE, b"bytes"], jobs=2))  # type: ignore[list-item]
    with pytest.raises(ValueError, match="at least 1"):
        list(newsclean.clean_many([PROSE], jobs=0))


def test_ordered_map_keeps_order_across_chunks() -> None:
    assert list(ordered_map(_double, range(100), jobs=2, chunk_size=7)) == [2 * n for n in range(100)]


def _double(chunk: list[int]) -> list[int]:
    return [2 * n for n in chunk]


def test_clean_records_passes_other_fields_through() -> None:
    records = [{"id": 1, "text": f"Menu\n\n{PROSE}", "tags": ["a"]}, {"text": TEXTS[0], "id": 2}]
    got = list(newsclean.clean_records(records))
    assert [list(r) for r in got] == [["id", "text", "tags", "newsclean"], ["text", "id", "newsclean"]]
    assert got[0]["text"] == PROSE
    assert got[0]["tags"] == ["a"]
    assert got[0]["newsclean"]["removed"] == {"chrome_phrase": 1}
    assert records[0]["text"] == f"Menu\n\n{PROSE}"  # the input is not changed
    into = next(newsclean.clean_records([records[0]], output_field="clean", key="meta"))
    assert (into["text"], into["clean"], "meta" in into) == (f"Menu\n\n{PROSE}", PROSE, True)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"body": "x"}, "no field 'text'"),
        ({"text": 3}, "field 'text' is a number, not a string"),
        ({"text": None}, "field 'text' is null, not a string"),
        ({"text": ["a"]}, "field 'text' is an array, not a string"),
        ("just a string", "not a JSON object but str"),
    ],
)
def test_clean_records_names_a_bad_record(record: object, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        list(newsclean.clean_records([record]))  # type: ignore[list-item]


def test_summarize_counts_removed_blocks_per_reason() -> None:
    article = newsclean.parse(TEXTS[0])
    summary = summarize(article)
    assert set(summary) == {"title", "section", "byline", "teasers", "removed"}
    removed = [b for b in article.document.blocks if b.kind is not newsclean.Kind.BODY]
    assert sum(summary["removed"].values()) == len(removed)


@pytest.fixture
def default_sigint() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt during the test, as in a terminal, even when the
    test runner was started with SIGINT ignored (a background job of a shell)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("default_sigint")
@pytest.mark.parametrize("finishes", [False, True])
def test_ctrl_c_during_a_wait_for_a_chunk_is_raised_after_it(finishes: bool) -> None:
    # Ctrl-C while waiting for a worker's chunk ends the wait with KeyboardInterrupt, raised
    # outside the future's lock handling (where it could leave the lock half released),
    # also when the chunk arrives at the same time, and the handler is the default again
    future: Future[list[int]] = Future()

    def ctrl_c() -> None:
        os.kill(os.getpid(), signal.SIGINT)
        if finishes:
            future.set_result([1])

    def give_up() -> None:  # a wait that missed the Ctrl-C ends, and the test fails
        if not future.done():
            future.set_result([0])

    timers = [threading.Timer(0.05, ctrl_c), threading.Timer(5.0, give_up)]
    for timer in timers:
        timer.start()
    with pytest.raises(KeyboardInterrupt) as raised:
        _result(future)
    assert raised.traceback[-1].path.name == "batch.py"  # not inside threading's lock code
    for timer in timers:
        timer.cancel()
        timer.join()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.usefixtures("default_sigint")
def test_a_chunk_that_is_ready_is_returned() -> None:
    future: Future[list[int]] = Future()
    future.set_result([1, 2])
    assert _result(future) == [1, 2]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
