"""Article: the byline and title parts of the result and of its JSON contract."""

from __future__ import annotations

import json

import pytest

import newsclean
from conftest import FIXTURES
from newsclean.article import Byline

BODY = [
    "The city council voted on Tuesday to approve the new housing plan after a long debate.",
    "Supporters said the plan would add thousands of affordable homes over the next decade.",
    "Critics argued that the money would be better spent on repairing existing buildings.",
]


def test_byline_json_contract_holds_every_field() -> None:
    text = "\n\n".join(["Council approves plan", "By Jane Doe and John Roe", "March 18, 2019", *BODY]) + "\n"
    byline = newsclean.parse(text).to_dict()["byline"]
    assert set(byline) == {"authors", "agency", "bio", "date", "date_iso"}
    assert byline["authors"] == ["Jane Doe", "John Roe"]
    assert byline["agency"] is None
    assert byline["date"] == "March 18, 2019"
    assert byline["date_iso"] == "2019-03-18"
    json.dumps(byline)  # plain JSON types


def test_empty_byline_is_all_nulls() -> None:
    byline = newsclean.parse("\n\n".join(BODY) + "\n").to_dict()["byline"]
    assert byline == {"authors": [], "agency": None, "bio": None, "date": None, "date_iso": None}


def test_seed_agency_bio_and_title() -> None:
    article = newsclean.parse((FIXTURES / "golden" / "seed.input.txt").read_text(encoding="utf-8"))
    assert article.title == "Kremlin confirms North Korea's Kim to visit Moscow in May"
    assert article.byline.agency == "AFP"
    assert article.byline.authors == ()
    assert article.byline.bio is not None and article.byline.bio.startswith("With 2,400 staff")


def test_title_split_over_lines_comes_out_as_one_line() -> None:
    text = "\n\n".join(["Council approves\nhousing plan after long debate", "By Jane Doe", *BODY]) + "\n"
    assert newsclean.parse(text).title == "Council approves housing plan after long debate"


def test_byline_cut_from_a_mixed_block_is_an_edit_with_before_and_after() -> None:
    text = "\n\n".join(["Council approves plan", "World news today\nBy Jane Doe", *BODY]) + "\n"
    article = newsclean.parse(text)
    assert article.byline.authors == ("Jane Doe",)
    edit = next(c for c in article.document.changes if c.reason == "byline")
    assert edit.action == "edit"  # the block held more than the byline: its lines were cut out
    assert edit.before == "World news today\nBy Jane Doe"
    assert edit.after == "World news today"


@pytest.mark.parametrize("field", ["authors", "agency", "bio", "date", "date_iso"])
def test_byline_dataclass_fields(field: str) -> None:
    assert hasattr(Byline(), field)
