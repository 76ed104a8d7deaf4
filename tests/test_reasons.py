"""Which pass labelled what, and why: reason codes on the golden inputs, one row per case."""

from __future__ import annotations

import pytest

import newsclean
from conftest import FIXTURES

ROWS = [
    # (fixture, start of the block's text, kind, reason)
    ("chrome_blocks", "Skip to content", "chrome", "chrome_phrase"),
    ("chrome_blocks", "Share on Facebook", "chrome", "chrome_phrase"),
    ("chrome_blocks", "Advertisement", "chrome", "chrome_phrase"),
    ("separators", "* * *", "chrome", "separator"),
    ("separators", "•", "chrome", "separator"),
    ("chrome_counts", "12 Comments", "chrome", "chrome_count"),
    ("chrome_counts", "4 min read", "chrome", "chrome_count"),
    ("exact_duplicate", "Heavy rain caused", "duplicate", "exact_duplicate"),
    ("near_duplicate", "The museum will reopen its east wing in October,", "duplicate", "near_duplicate"),
    ("repeated_body_curly", '"This was not', "duplicate", "exact_duplicate"),
    ("teasers_list", "You may also like:", "teaser", "teaser_header"),
    ("teasers_list", "Markets", "teaser", "teaser_section"),
    ("teasers_list", "Stocks rose sharply", "teaser", "teaser_item"),
    ("teasers_inline", "Read more:", "teaser", "teaser_inline"),
    ("teasers_most_read", "Most read", "teaser", "teaser_header"),
    ("byline_by", "By Jane Doe", "byline", "byline"),
    ("byline_two_names_date", "Published March 18, 2019", "byline", "byline_date"),
    ("byline_reporting_editing", "Reporting by", "byline", "byline"),
    ("byline_agency_copyright", "AFP", "byline", "byline"),
    ("byline_agency_copyright", "Copyright 2019", "byline", "copyright_credit"),
    ("written_by_bio", "Jane Doe is a culture reporter", "byline", "byline_bio"),
    ("title_section", "Parliament passes", "title", "headline"),
    ("title_section", "Politics", "section", "section_label"),
    ("body_mentions_chrome_phrase", "The charity launched", "body", None),
    ("byline_sentence_not_byline", "By Monday", "body", None),
    ("short_quote_repeated", '"Stop the war."', "body", None),
]


@pytest.mark.parametrize(("name", "start", "kind", "reason"), ROWS)
def test_reason(name: str, start: str, kind: str, reason: str | None) -> None:
    text = (FIXTURES / "golden" / f"{name}.input.txt").read_text(encoding="utf-8")
    blocks = newsclean.parse(text).to_dict()["blocks"]
    # The last block with that start: a duplicate is the later copy.
    block = [b for b in blocks if b["text"].startswith(start)][-1]
    assert (block["kind"], block["reason"]) == (kind, reason)


def test_edits_are_recorded_with_before_and_after() -> None:
    text = (FIXTURES / "golden" / "chrome_lines_mixed.input.txt").read_text(encoding="utf-8")
    doc = newsclean.parse(text).document
    edit = next(c for c in doc.changes if c.reason == "chrome_line")
    assert edit.before is not None and edit.before.startswith("Advertisement\n")
    assert edit.after is not None and not edit.after.startswith("Advertisement")
    assert "Advertisement" in edit.detail
