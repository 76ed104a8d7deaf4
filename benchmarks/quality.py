#!/usr/bin/env python3
"""Dev-set quality of newsclean: F1/P/R, dupdocs and errors per mode and per language.

Usage, from the repository root with newsclean importable:

    .venv/bin/python benchmarks/quality.py                 # both modes, 10 worst pages each
    .venv/bin/python benchmarks/quality.py --mode nodes --worst 20
    .venv/bin/python benchmarks/quality.py --json          # one JSON object, for tests/CI

The pages and the metric are the dev set's own (``benchmarks/devset``, see its README and
``evaluate.py``): 4-token shingle precision/recall per page, averaged over pages. Language
groups use the gold label (``en``, ``pt``, ``it``, ``de``, ``other``) and, because
``other`` mixes several, also the language newsclean guesses for the page; ``not-en`` is
every page whose gold label is not ``en``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from devsets import load_module, run

import newsclean
from newsclean.language import guess_language

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "devset"


def measure(mode: str) -> dict[str, Any]:
    """Run newsclean over every page of ``mode``; return figures and per-page results."""
    ev = load_module(DEVSET / "evaluate.py", "devset_evaluate")
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    pages: dict[str, dict[str, Any]] = {}
    errors = 0
    start = time.perf_counter()
    for pid in sorted(gold):
        text = (DEVSET / "pages" / mode / f"{pid}.txt").read_text(encoding="utf-8")
        try:
            pred = newsclean.clean(text)
        except Exception as exc:  # a crash is a result: count it and go on
            errors += 1
            pred = ""
            print(f"error on {pid}: {exc!r}", file=sys.stderr)
        triple = ev.page_triple(gold[pid]["articleBody"], pred)
        f1, p, r = ev.prf([triple])
        pages[pid] = {
            "lang": gold[pid].get("lang", "?"),
            "guessed": guess_language(text) or "?",
            "url": gold[pid].get("url", ""),
            "triple": triple,
            "f1": f1,
            "p": p,
            "r": r,
            "dup": ev.duplicated(pred),
            "empty": not pred.strip(),
        }
    seconds = time.perf_counter() - start

    def figures(ids: list[str]) -> dict[str, Any]:
        f1, p, r = ev.prf([pages[i]["triple"] for i in ids])
        return {
            "pages": len(ids),
            "f1": round(f1, 4),
            "p": round(p, 4),
            "r": round(r, 4),
            "dupdocs": sum(pages[i]["dup"] for i in ids),
            "empty": sum(pages[i]["empty"] for i in ids),
        }

    groups: dict[str, list[str]] = defaultdict(list)
    for pid, page in pages.items():
        groups[f"gold:{page['lang']}"].append(pid)
        groups[f"guessed:{page['guessed']}"].append(pid)
        if page["lang"] != "en":
            groups["not-en"].append(pid)
    return {
        "mode": mode,
        "all": {**figures(list(pages)), "errors": errors, "seconds": round(seconds, 2)},
        "groups": {name: figures(ids) for name, ids in sorted(groups.items())},
        "pages": pages,
    }


def report(result: dict[str, Any], worst: int) -> None:
    """Print one mode's figures as text."""
    a = result["all"]
    print(
        f"mode={result['mode']} pages={a['pages']} F1={a['f1']:.3f} P={a['p']:.3f} R={a['r']:.3f} "
        f"dupdocs={a['dupdocs']}/{a['pages']} empty={a['empty']} errors={a['errors']} ({a['seconds']}s)"
    )
    for name, g in result["groups"].items():
        print(
            f"  {name:14s} pages={g['pages']:3d} F1={g['f1']:.3f} P={g['p']:.3f} R={g['r']:.3f} "
            f"dupdocs={g['dupdocs']}"
        )
    if worst:
        print(f"  worst {worst}:")
        ranked = sorted(result["pages"].items(), key=lambda item: item[1]["f1"])[:worst]
        for pid, page in ranked:
            print(
                f"    F1={page['f1']:.3f} P={page['p']:.3f} R={page['r']:.3f} {pid[:12]} "
                f"{page['lang']}/{page['guessed']} {page['url'][:90]}"
            )


def main() -> int:
    return run(
        __doc__,
        measure,
        report,
        lambda r: {"all": r["all"], "groups": r["groups"]},
        "list the N lowest-F1 pages per mode",
    )


if __name__ == "__main__":
    sys.exit(main())
