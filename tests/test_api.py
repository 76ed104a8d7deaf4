"""The public API on the example page: the JSON contract of issue 2, field by field."""

from __future__ import annotations

import json
import pickle

import pytest

import newsclean
from conftest import FIXTURES
from newsclean import Config, Kind

SEED = (FIXTURES / "golden" / "seed.input.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> newsclean.Article:
    return newsclean.parse(SEED)


def test_seed_title_and_section(seed: newsclean.Article) -> None:
    assert seed.title == "Kremlin confirms North Korea's Kim to visit Moscow in May"
    assert seed.section == "World"


def test_seed_body_is_twelve_paragraphs_once_with_straight_quotes(seed: newsclean.Article) -> None:
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == 12
    assert len(set(paragraphs)) == 12
    assert paragraphs[0].startswith("The Kremlin on Wednesday confirmed")
    assert paragraphs[-1].startswith("Russia is seeking to expand economic ties")
    assert not any(c in seed.body for c in "‘’“”")
    assert "Putin's spokesman" in seed.body


def test_seed_byline(seed: newsclean.Article) -> None:
    assert seed.byline.agency == "AFP"
    assert seed.byline.authors == ()
    assert seed.byline.bio is not None
    assert seed.byline.bio.startswith("With 2,400 staff")


def test_seed_teasers(seed: newsclean.Article) -> None:
    assert [t.section for t in seed.teasers] == ["World", "World", "Tech & Science", "Business"]
    assert all(t.truncated for t in seed.teasers)
    assert seed.teasers[0].text.startswith("A Belgian man proved")


def test_seed_chrome_blocks(seed: newsclean.Article) -> None:
    kinds = {b.text: b.kind for b in seed.document.blocks}
    for text in ("Connect with us", "Hi, what are you looking for?", "-"):
        assert kinds[text] is Kind.CHROME


def test_seed_repeated_body_is_one_run_of_duplicates(seed: newsclean.Article) -> None:
    dups = [c for c in seed.document.changes if c.reason in {"exact_duplicate", "near_duplicate"}]
    assert len(dups) == 12
    assert all("repeated run of 12 blocks" in c.detail for c in dups)


def test_to_dict_matches_the_json_contract(seed: newsclean.Article) -> None:
    data = json.loads(json.dumps(seed.to_dict()))
    assert set(data) == {"title", "section", "body", "byline", "teasers", "blocks"}
    assert {"authors", "agency", "bio", "date"} <= set(data["byline"])
    assert set(data["teasers"][0]) == {"section", "text", "truncated"}
    assert len(data["blocks"]) == len(seed.document)
    first = data["blocks"][0]
    assert first == {
        "index": 0,
        "kind": "chrome",
        "text": "Connect with us",
        "step": "remove_chrome",
        "reason": "chrome_phrase",
    }
    body_block = next(b for b in data["blocks"] if b["kind"] == "body")
    assert body_block["step"] is None and body_block["reason"] is None


def test_clean_is_parse_body() -> None:
    assert newsclean.clean(SEED) == newsclean.parse(SEED).body


@pytest.mark.parametrize("value", [b"text", bytearray(b"text"), memoryview(b"text")])
def test_bytes_are_rejected_with_a_hint_to_decode(value: object) -> None:
    with pytest.raises(TypeError, match="decode"):
        newsclean.clean(value)  # type: ignore[arg-type]


def test_non_text_is_rejected() -> None:
    with pytest.raises(TypeError, match="str"):
        newsclean.parse(42)  # type: ignore[arg-type]


def test_keep_quotes_keeps_curly_quotes() -> None:
    text = "“It’s a historic day,” the coach said after the team’s first title in forty years."
    assert newsclean.clean(text, Config(keep_quotes=True)) == text
    assert (
        newsclean.clean(text)
        == "\"It's a historic day,\" the coach said after the team's first title in forty years."
    )


def test_skip_a_pass() -> None:
    text = "Menu\n\nThe council approved the budget on Monday after a long debate."
    assert newsclean.clean(text, Config(skip=frozenset({"remove_chrome"}))).startswith("Menu")


def test_unknown_pass_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown pass"):
        newsclean.clean("text", Config(skip=frozenset({"no_such_pass"})))


def test_explain_names_pass_reason_and_block(seed: newsclean.Article) -> None:
    report = newsclean.explain(seed)
    assert "remove_chrome/chrome_phrase" in report
    assert "drop_duplicates/exact_duplicate: same as block 5" in report
    assert report.splitlines()[-1].startswith(f"{len(seed.document)} blocks:")


def test_article_pickles(seed: newsclean.Article) -> None:
    assert pickle.loads(pickle.dumps(seed)) == seed


def test_empty_text() -> None:
    article = newsclean.parse("")
    assert article.body == "" and article.title is None and len(article.document) == 0
