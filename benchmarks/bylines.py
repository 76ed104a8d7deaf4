#!/usr/bin/env python3
"""Byline dev-set quality of newsclean: author P/R/F1 and title matches, per mode.

Usage, from the repository root with newsclean importable:

    .venv/bin/python benchmarks/bylines.py                 # both modes, 10 wrong pages each
    .venv/bin/python benchmarks/bylines.py --mode nodes --worst 30
    .venv/bin/python benchmarks/bylines.py --json          # one JSON object, for tests/CI

The pages, the gold and the metric are the byline dev set's own (``benchmarks/bylines-devset``,
see its README, ``evaluate.py`` and ``score_bylines.py``): ``byline.authors`` scored as micro
precision/recall/F1 of names (normalised, or fuzzily with a length cap), the title as exact
and fuzzy (ratio >= 90) matches with the page's ``<title>`` variants. The gold titles come
from ``<title>`` and are often not in the text at all, so the title figures are also given
for the pages whose title (or a variant) occurs in the flattened text ("in-text").
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from devsets import load_module, run

import newsclean

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "bylines-devset"


def _title_in_text(sb: ModuleType, text: str, variants: list[str]) -> bool:
    flat = sb.normalise_title(" ".join(text.split()))
    return any(sb.normalise_title(v) and sb.normalise_title(v) in flat for v in variants)


def measure(mode: str) -> dict[str, Any]:
    """Run newsclean over every page of ``mode``; return the figures and per-page results."""
    sb = load_module(DEVSET / "score_bylines.py", "score_bylines")
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    preds: dict[str, dict[str, Any]] = {}
    in_text: dict[str, bool] = {}
    errors = 0
    start = time.perf_counter()
    for pid in sorted(gold):
        text = (DEVSET / "pages" / mode / f"{pid}.txt").read_text(encoding="utf-8")
        if gold[pid].get("title"):
            in_text[pid] = _title_in_text(sb, text, gold[pid].get("title_variants") or [gold[pid]["title"]])
        try:
            preds[pid] = sb.coerce_prediction(newsclean.parse(text).to_dict())
        except Exception as exc:  # a crash is a result: count it and go on
            errors += 1
            print(f"error on {pid}: {exc!r}", file=sys.stderr)
    seconds = time.perf_counter() - start
    r = sb.score_bylines(gold, preds)
    per_page = r["per_page"]
    in_ids = [i for i, inside in in_text.items() if inside]
    found = sum(bool(per_page[i].get("title_fuzzy")) for i in in_ids)
    wrong = []
    for pid in sorted(gold):
        g = gold[pid]
        if g.get("author_gold") != "names":
            continue
        got = (preds.get(pid) or {}).get("authors") or []
        tp = sb.page_counts(sb.name_set(got), sb.name_set(g["authors"]))[0]
        if tp < len(g["authors"]) or len(sb.name_set(got)) > tp:
            wrong.append({"page": pid, "gold": g["authors"], "got": got})
    return {
        "mode": mode,
        "author_pages": r["pages"],
        "p": round(r["micro_p"], 4),
        "r": round(r["micro_r"], 4),
        "f1": round(r["micro_f1"], 4),
        "title_pages": r["title_pages"],
        "title_exact": round(r["title_exact"], 4),
        "title_fuzzy": round(r["title_fuzzy"], 4),
        "title_in_text_pages": len(in_ids),
        "title_in_text_found": found,
        "errors": errors,
        "seconds": round(seconds, 2),
        "wrong": wrong,
    }


def report(result: dict[str, Any], worst: int) -> None:
    """Print one mode's figures as text."""
    print(
        f"bylines mode={result['mode']} author_pages={result['author_pages']} "
        f"authors P={result['p']:.3f} R={result['r']:.3f} F1={result['f1']:.3f} "
        f"title_exact={result['title_exact']:.3f} title_fuzzy={result['title_fuzzy']:.3f} "
        f"in-text titles found={result['title_in_text_found']}/{result['title_in_text_pages']} "
        f"errors={result['errors']} ({result['seconds']}s)"
    )
    for row in result["wrong"][:worst]:
        print(f"  {row['page']}: gold={row['gold']} got={row['got']}")


def main() -> int:
    return run(
        __doc__,
        measure,
        report,
        lambda r: {k: v for k, v in r.items() if k != "wrong"},
        "list N pages whose authors are wrong",
    )


if __name__ == "__main__":
    sys.exit(main())
