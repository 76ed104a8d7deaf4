"""drop_duplicates: exact and near copies, repeated runs, and its candidate search against a
plain scan of every kept block."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from newsclean import Config, Kind
from newsclean.passes import duplicates
from newsclean.passes.duplicates import drop_duplicates
from newsclean.segment import segment
from newsclean.text import clear_caches, fold

P1 = "The council approved the new budget on Monday after a long and heated debate."
P2 = "Heavy rain caused flooding in the northern districts, and several roads were closed."
P3 = "The museum will reopen its east wing in October, the director told reporters."


def _kinds(text: str, config: Config | None = None) -> list[tuple[str, str | None]]:
    doc = drop_duplicates(segment(text), config or Config())
    reasons = {c.block: c.reason for c in doc.changes}
    return [(b.kind.value, reasons.get(b.index)) for b in doc.blocks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{P1}\n\n{P2}", [("body", None), ("body", None)]),
        (f"{P1}\n\n{P1}", [("body", None), ("duplicate", "exact_duplicate")]),
        # Case, quotes and punctuation are folded away.
        (f"{P1}\n\n{P1.upper().replace('.', '!')}", [("body", None), ("duplicate", "exact_duplicate")]),
        # A fixed typo is a near-duplicate.
        (
            f"{P3}\n\n{P3.replace('reopen', 're-open').replace('told', 'tld')}",
            [("body", None), ("duplicate", "near_duplicate")],
        ),
        # Short blocks repeat legitimately.
        ("World\n\nWorld", [("body", None), ("body", None)]),
    ],
)
def test_duplicates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _kinds(text) == expected


def test_threshold_none_keeps_near_copies_but_not_exact_ones() -> None:
    text = f"{P3}\n\n{P3.replace('reopen', 're-open')}\n\n{P3}"
    assert _kinds(text, Config(duplicate_threshold=None)) == [
        ("body", None),
        ("body", None),
        ("duplicate", "exact_duplicate"),
    ]


def test_repeated_run_is_named() -> None:
    doc = drop_duplicates(segment("\n\n".join([P1, P2, P3, P1, P2, P3])), Config())
    details = [c.detail for c in doc.changes]
    assert len(details) == 3
    assert all("repeated run of 3 blocks (copy of blocks 0-2)" in d for d in details)


def test_only_body_blocks_are_compared() -> None:
    doc = segment(f"{P1}\n\n{P1}")
    doc = doc.reclassify("test", [(0, Kind.CHROME, "x", "")])
    assert drop_duplicates(doc, Config()).blocks[1].kind is Kind.BODY


def _reference(keys: list[str], threshold: float, min_chars: int) -> list[tuple[int, int, float]]:
    """The plain algorithm: every kept key compared, best score wins, ties to the
    shortest then earliest kept key; an exact copy of a near duplicate has its original."""
    kept: list[tuple[int, int, str]] = []  # (length, position, key)
    exact: dict[str, int] = {}
    near: dict[str, tuple[int, float]] = {}
    found = []
    for pos, key in enumerate(keys):
        if len(key) < min_chars:
            continue
        if key in exact:
            found.append((pos, exact[key], 100.0))
            continue
        if key in near:
            found.append((pos, *near[key]))
            continue
        best: tuple[int, float] | None = None
        for _, other_pos, other in sorted(kept):
            score = fuzz.ratio(key, other)
            if score >= threshold and (best is None or score > best[1]):
                best = (other_pos, score)
        if best is None:
            kept.append((len(key), pos, key))
            exact.setdefault(key, pos)
        else:
            found.append((pos, best[0], best[1]))
            near[key] = best
    return found


def _found(doc_text: str, config: Config) -> list[tuple[int, int, float]]:
    doc = drop_duplicates(segment(doc_text), config)
    out = []
    for change in doc.changes:
        detail = change.detail
        if change.reason == "exact_duplicate":
            original, score = int(detail.split("block ")[1].split(";")[0]), 100.0
        else:
            original, score = int(detail.split("like block ")[1].split(";")[0]), -1.0
        out.append((change.block, original, score))
    return out


_VOCAB = [
    *("the", "a", "council", "budget", "rain", "road", "museum", "said", "on"),
    *("in", "of", "and", "new", "old", "city", "north", "wing", "debate"),
]


@st.composite
def _documents(draw: st.DrawFn) -> list[str]:
    """Paragraphs with many exact and near copies (words changed, dropped, added)."""
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    paragraphs: list[str] = []
    for _ in range(draw(st.integers(1, 60))):
        if paragraphs and rng.random() < 0.5:
            words = rng.choice(paragraphs).split()
            for _ in range(rng.randint(0, 3)):
                at = rng.randrange(len(words))
                op = rng.random()
                if op < 0.4:
                    words[at] = rng.choice(_VOCAB)
                elif op < 0.7 and len(words) > 1:
                    del words[at]
                else:
                    words.insert(at, rng.choice(_VOCAB) + rng.choice(["", "s", "x"]))
            paragraphs.append(" ".join(words))
        else:
            paragraphs.append(" ".join(rng.choice(_VOCAB) for _ in range(rng.randint(2, 25))))
    return paragraphs


@settings(max_examples=60, deadline=None)
@given(paragraphs=_documents())
def test_window_scan_matches_plain_scan(paragraphs: list[str]) -> None:
    """Within the whole-window limit, the duplicates and their originals are those of the
    plain algorithm."""
    got = _found("\n\n".join(paragraphs), Config(duplicate_min_chars=10))
    expected = _reference([fold(p) for p in paragraphs], 90.0, 10)
    assert [(p, o) for p, o, _ in got] == [(p, o) for p, o, _ in expected]
    assert [s for _, _, s in got if s == 100.0] == [s for _, _, s in expected if s == 100.0]


@settings(max_examples=60, deadline=None)
@given(paragraphs=_documents())
def test_candidate_search_is_sound_and_finds_every_exact_copy(paragraphs: list[str]) -> None:
    """With the word-candidate search forced on (window 0), which caps the work per block
    and so may miss a near copy that shares none of the block's rarest words: every
    duplicate it reports is one (an earlier block at or above the threshold), and every
    exact copy is found (an exact copy of a near duplicate too, without a second search)."""
    old = duplicates.EXACT_WINDOW
    duplicates.EXACT_WINDOW = 0
    try:
        got = _found("\n\n".join(paragraphs), Config(duplicate_min_chars=10))
    finally:
        duplicates.EXACT_WINDOW = old
    keys = [fold(p) for p in paragraphs]
    for pos, original, _ in got:
        assert original < pos
        assert fuzz.ratio(keys[pos], keys[original]) >= 90.0
    reported = {pos for pos, _, _ in got}
    first: dict[str, int] = {}
    for pos, key in enumerate(keys):
        if len(key) >= 10 and key in first:
            assert pos in reported
        first.setdefault(key, pos)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_the_key_of_ascii_text_is_no_longer_than_the_text(text: str) -> None:
    # drop_duplicates turns down short ASCII blocks without folding them.
    assert len(fold(text)) <= len(text)


def test_a_short_block_is_never_a_duplicate() -> None:
    short = "Short label of exactly thirty nine chars"  # 40 characters, its key too
    doc = drop_duplicates(segment(f"{short}\n\n{short}\n\n{short}é"), Config(duplicate_min_chars=41))
    assert not doc.changes
    doc = drop_duplicates(segment(f"{short}\n\n{short}"), Config(duplicate_min_chars=40))
    assert [c.reason for c in doc.changes] == ["exact_duplicate"]


def test_an_exact_copy_of_a_near_duplicate_is_found_past_the_search_bounds() -> None:
    """A near copy of a paragraph, a long run of kept paragraphs that share its words (so
    the bounded word search no longer reaches the original), then the near copy again: the
    second copy is still a duplicate of the original, as the first was."""
    rng = random.Random(5)
    original = "the minister said on friday that the harbour plan would go ahead next spring"
    near = original.replace("next spring", "next summer")
    fillers = [
        f"{near} " + " ".join("".join(rng.choices("bcdfghjklmnpqrstvwxz", k=6)) for _ in range(40))
        for _ in range(2 * duplicates._POSTINGS_LIMIT)
    ]
    paragraphs = [original, near, *fillers, near]
    old = duplicates.EXACT_WINDOW
    duplicates.EXACT_WINDOW = 0  # the word search, as on a text of thousands of paragraphs
    try:
        got = _found("\n\n".join(paragraphs), Config(duplicate_min_chars=10))
    finally:
        duplicates.EXACT_WINDOW = old
    assert [(pos, source) for pos, source, _ in got] == [(1, 0), (len(paragraphs) - 1, 0)]


def test_a_key_that_came_near_no_kept_key_is_not_compared_again_with_fewer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As in a settling round: blocks compared again with some of the blocks they came
    near none of on the page are not compared again, and come out the same."""
    paragraphs = [P1, P2, P3, P1[::-1], P2[::-1]]
    page, body = "\n\n".join(paragraphs), "\n\n".join(paragraphs[1:])
    calls: list[str] = []
    extract_one = duplicates.process.extractOne

    def counted(query: str, *args: object, **kwargs: object) -> object:
        calls.append(query)
        return extract_one(query, *args, **kwargs)

    monkeypatch.setattr(duplicates.process, "extractOne", counted)
    clear_caches()
    drop_duplicates(segment(page), Config())
    calls.clear()
    settled = drop_duplicates(segment(body), Config())
    assert calls == []
    clear_caches()
    assert drop_duplicates(segment(body), Config()) == settled
    assert len(calls) == len(paragraphs) - 2  # each body block after the first
