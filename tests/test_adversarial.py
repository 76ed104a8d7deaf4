"""Generated worst cases, checked for results: nothing raises, nothing is lost, the body is
what it must be. Their timings belong to ``benchmarks/bench.py``, which builds the same
cases at full size (``CASES[name](full=True)``); the tests use smaller sizes so the module
stays quick (the backtracking worst cases at a fifth of the benchmark's size).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest

import newsclean
from conftest import FIXTURES
from newsclean import Config, Kind, batch, io
from newsclean.passes import PASSES

MB = 1_000_000


def one_word(full: bool = False) -> str:
    """1 MB of one word repeated, on one line."""
    return "news " * ((MB if full else MB // 10) // 5)


def one_word_lines(full: bool = False) -> str:
    """The same word, one per line, in one block."""
    return "news\n" * ((MB if full else MB // 10) // 5)


def no_spaces(full: bool = False) -> str:
    """1 MB without any whitespace: letters, digits and punctuation."""
    rng = random.Random(1)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789.,;:'\"-()…’“”"
    return "".join(rng.choice(alphabet) for _ in range(MB if full else MB // 10))


def punctuation(full: bool = False) -> str:
    """1 MB of punctuation, with some spaces and line breaks."""
    rng = random.Random(2)
    alphabet = ".,;:!?-–—…'\"’“”()[]{}|/\\*&#@%+=<>~^_`•· \n"
    return "".join(rng.choice(alphabet) for _ in range(MB if full else MB // 10))


def one_char_lines(full: bool = False) -> str:
    """100,000 one-character lines in one block."""
    rng = random.Random(3)
    return "\n".join(rng.choice("aB1.-|•x") for _ in range(100_000 if full else 10_000))


def one_char_blocks(full: bool = False) -> str:
    """100,000 one-character paragraphs."""
    rng = random.Random(4)
    return "\n\n".join(rng.choice("aB1.-|•x") for _ in range(100_000 if full else 10_000))


SENTENCE = (
    "The regional council approved the new transport budget on Monday after a long debate, "
    "officials said, adding that work on the northern line would start in {n}."
)


def near_identical(full: bool = False) -> str:
    """20,000 paragraphs that differ in one number."""
    return "\n\n".join(SENTENCE.format(n=i) for i in range(20_000 if full else 2_000))


def distinct_paragraphs(full: bool = False) -> str:
    """Thousands of different paragraphs of similar length (the near-duplicate worst case)."""
    rng = random.Random(5)
    vocab = SENTENCE.replace(",", "").replace(".", "").split() + [f"w{i}" for i in range(3000)]
    count = 20_000 if full else 2_000
    return "\n\n".join(
        " ".join(rng.choice(vocab) for _ in range(rng.randint(15, 40))) + "." for _ in range(count)
    )


def teaser_headers(full: bool = False) -> str:
    """Teaser headers nested and repeated: header, header, items, header..."""
    unit = (
        "You may also like\n\nRead more\n\nRelated\n\nRead more: Read more: Related: Honda to go electric\n\n"
    )
    unit += "Council votes on budget…\n\nSport\n\nFans queue for tickets…\n\n"
    return unit * (5_000 if full else 500)


def long_line(full: bool = False) -> str:
    """A body paragraph written as one 1 MB line."""
    return (SENTENCE.format(n=2024) + " ") * ((MB if full else MB // 10) // len(SENTENCE))


def spaces_and_tabs(full: bool = False) -> str:
    """Long runs of spaces, tabs and no-break spaces between a few characters."""
    unit = "By" + " " * 5000 + "\t" * 5000 + "\u00a0" * 5000 + "x\n" + "12" + " " * 10000 + "comments\n\n"
    return unit * (20 if full else 2)


def mojibake(full: bool = False) -> str:
    """Text broken by a wrong decoding, everywhere."""
    text = (SENTENCE.format(n="2024") + " “Ça va”, dit-il — déjà vu. ").encode("utf-8").decode("latin-1")
    return (text + "\n\n") * ((MB if full else MB // 10) // len(text))


def binary(full: bool = False) -> str:
    """Bytes decoded as Latin-1: control characters, NULs, high bytes."""
    rng = random.Random(6)
    return bytes(rng.randrange(256) for _ in range(MB if full else MB // 10)).decode("latin-1")


CASES: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (
        one_word,
        one_word_lines,
        no_spaces,
        punctuation,
        one_char_lines,
        one_char_blocks,
        near_identical,
        distinct_paragraphs,
        teaser_headers,
        long_line,
        spaces_and_tabs,
        mojibake,
        binary,
    )
}

NO_NORMALIZE = Config(skip=frozenset({"normalize_text"}))


def _non_space(text: str) -> str:
    return "".join(text.split())


def _check(text: str, config: Config | None = None) -> newsclean.Article:
    """Parse and check the invariants: every block accounted for, body in order, and the
    body's text found in the blocks' originals."""
    article = newsclean.parse(text, config)
    blocks = article.document.blocks
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert all(isinstance(b.kind, Kind) for b in blocks)
    assert _non_space("".join(b.original for b in blocks)) == _non_space(text)
    body = [b.text for b in blocks if b.kind is Kind.BODY]
    assert article.body == "\n\n".join(t for t in body if t)
    return article


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_keeps_every_block(name: str) -> None:
    _check(CASES[name]())


def test_one_word_is_one_body_block() -> None:
    text = one_word()
    article = _check(text)
    assert len(article.document.blocks) == 1
    assert _non_space(article.document.blocks[0].text) == _non_space(text)


def test_near_identical_paragraphs_are_near_duplicates_of_the_first() -> None:
    article = _check(near_identical())
    kinds = [b.kind for b in article.document.blocks]
    assert kinds[0] is Kind.BODY
    assert kinds.count(Kind.DUPLICATE) >= len(kinds) - 2
    reasons = {c.reason for c in article.document.changes if c.step == "drop_duplicates"}
    assert reasons == {"near_duplicate"}


def test_distinct_paragraphs_are_not_duplicates() -> None:
    article = _check(distinct_paragraphs())
    assert not any(c.step == "drop_duplicates" for c in article.document.changes)


def test_teaser_headers_never_swallow_the_page() -> None:
    article = _check(teaser_headers())
    assert "Council votes on budget" not in article.body


def test_mojibake_is_repaired_everywhere() -> None:
    article = _check(mojibake())
    assert "Ã" not in article.body
    assert "dit-il" in article.body


def test_long_line_is_kept_whole() -> None:
    text = long_line()
    assert _non_space(_check(text).body) == _non_space(text)


@pytest.mark.parametrize("name", ["spaces_and_tabs", "one_char_lines", "punctuation"])
def test_without_normalisation(name: str) -> None:
    """Skipping normalize_text leaves long space runs to every later pattern."""
    _check(CASES[name](), NO_NORMALIZE)


# Each pattern's backtracking worst case: long runs of what its quantifiers accept,
# then a character that makes the match fail at the end.
BACKTRACKING_REPEATS = 50_000
"""How long the benchmark builds the backtracking cases (the tests build them shorter)."""


def backtracking_cases(n: int = BACKTRACKING_REPEATS) -> dict[str, str]:
    """Lines built to make a nested or adjacent quantifier try every split, ``n`` repeats long."""
    return {
        "spaces_between_quantifiers": "1" + " " * n + "x",
        "label_spaces_colon": "By" + " " * n + ":" + " " * n,
        "digits_and_commas": "(" + "1," * n + "k" + " " * n + ")",
        "words_before_role": "She is a " + "senior " * n + "x",
        "dots_and_quotes": ('."' * n) + "x",
        "ellipsis_spaces": ("... " * n) + "x",
        "caption_like": "a" * n + ":x",
        "word_apostrophes": "a'" * n + "'",
        "names_and_joiners": "By " + "Jane Doe and " * (n // 10) + "x",
        "date_like": "12/" * n + "x",
        "comment_author": "x" + " said" * n + " x",
        "punctuation_run": "!?.…" * n,
    }


@pytest.mark.parametrize("name", sorted(backtracking_cases()))
def test_backtracking_worst_case(name: str) -> None:
    text = backtracking_cases(10_000)[name]
    for config in (None, NO_NORMALIZE):
        article = _check(text, config)
        assert len(article.document.blocks) == 1


def test_cases_cover_every_pass() -> None:
    """The worst cases run through every pass (none is skipped by default)."""
    assert Config().skip == frozenset()
    assert len(PASSES) >= 7


# Inputs found by fuzz/fuzz_newsclean.py (and hand-made hostile seeds), replayed as the
# harness runs them: decoded like the command and as UTF-8, parsed, read as JSON Lines.
FUZZ_FIXTURES = sorted(p for p in (FIXTURES / "fuzz").iterdir() if p.name != "README.md")


@pytest.mark.parametrize("path", FUZZ_FIXTURES, ids=[p.name for p in FUZZ_FIXTURES])
def test_fuzz_regression(path: Path) -> None:
    data = path.read_bytes()
    try:
        decoded = io.decode(data)
    except io.InputError as exc:
        assert "\n" not in str(exc)
    else:
        _check(decoded.text)
    _check(data.decode("utf-8", errors="replace"))
    job = batch.Job(Config(), jsonl=True, fmt="jsonl")
    items = [
        batch.Item(0, path.name, "line", line, number)
        for number, line in io.iter_lines(BytesIO(data), max_bytes=1_000_000)
        if isinstance(line, bytes)
    ]
    outcomes = batch.run_chunk(job, items)
    assert len(outcomes) == len(items)
    for outcome in outcomes:
        assert outcome.output is not None or outcome.error
        assert not (outcome.error or "").startswith("internal error")
        if outcome.error:
            assert "\n" not in outcome.error


def test_fuzz_fixtures_exist() -> None:
    assert FUZZ_FIXTURES
