#!/usr/bin/env python3
"""Throughput of newsclean against ftfy.fix_text, scaling with input size, worst cases.

Usage, from the repository root with newsclean importable: ``pip install .`` measures the
compiled core (``setup.py``), an editable install (``pip install -e '.[test]'``) or
``NEWSCLEAN_PURE=1`` pure Python; the first and the last line say which build ran.

    .venv/bin/python benchmarks/bench.py                 # the tables, about 2-4 minutes
    .venv/bin/python benchmarks/bench.py --quick         # fewer rounds, smaller worst cases
    .venv/bin/python benchmarks/bench.py --jobs-scaling  # also the command on a 200 MB JSONL

What it measures, in one run, with the measurements of each table interleaved so machine
noise hits both sides alike; each figure is the median over rounds. Table 1 pairs the two
page by page (each page through newsclean and through ftfy, one right after the other,
order alternating): a shared machine's load comes and goes over seconds. Timing each side
over the whole set in turn, six rounds of the nodes pages read ratios from 0.84 to 1.12;
paired page by page, from 0.99 to 1.02, with the same median (1.01). Tables 1-4 count
this process's CPU time, so other work on a shared machine does not inflate them; table 5
is wall time.

1. ``newsclean.clean`` over the dev-set pages (``benchmarks/devset/pages`` or, failing
   that, ``../shared/devset/pages``; both modes) and over the example page
   (``fixtures/golden/seed.input.txt``): MB/s, pages/s, and the ratio of its time to
   ``ftfy.fix_text`` on exactly the same texts.
2. Time per MB at 1x, 10x and 100x of a page's size: the same 100 distinct dev pages cleaned
   one by one, joined ten at a time, and all joined into one text.
3. The worst cases of ``tests/test_adversarial.py`` at full size (1 MB of one word, 100,000
   one-character lines, 20,000 near-identical paragraphs, ...): seconds at full and at half
   size, and the growth of the time per MB between the two (1.0 = linear).
4. Every compiled pattern in newsclean on inputs built from its own words and from runs of
   spaces, punctuation and letters, at n and 4n characters: the worst growth of the time
   per character (1.0 = linear; a catastrophic pattern shows up as a large factor).
5. With ``--jobs-scaling``: the command ``newsclean --jobs N`` on a generated JSON Lines
   file of dev pages (default 200 MB): records/s for 1 and 2 jobs and peak resident memory
   of the whole process tree.

The last line is the ratio of newsclean's time to ftfy.fix_text's on the dev pages.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import ftfy
import regex

import newsclean
from newsclean.passes import PASSES  # loads every pass module, for the pattern table
from newsclean.passes import chrome as chrome_module
from newsclean.segment import segment
from newsclean.text import clear_caches

ROOT = Path(__file__).resolve().parent.parent
MODES = ("nodes", "blocks")


def _pages_dir() -> Path:
    for candidate in (ROOT / "benchmarks" / "devset" / "pages", ROOT.parent / "shared" / "devset" / "pages"):
        if (candidate / "nodes").is_dir():
            return candidate
    raise SystemExit("no dev-set pages: expected benchmarks/devset/pages or ../shared/devset/pages")


def _load(mode: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((_pages_dir() / mode).glob("*.txt"))]


def _mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _timed(fn: Callable[[str], object], texts: Sequence[str]) -> float:
    """CPU seconds of this process: other work on a shared machine does not count.

    newsclean's per-text caches are emptied first, so texts timed in an earlier round (or
    an earlier repetition) are measured as the first time, as new pages would be.
    """
    clear_caches()
    gc.collect()
    start = time.process_time()
    for text in texts:
        fn(text)
    return time.process_time() - start


def _paired(texts: Sequence[str], round_number: int) -> tuple[float, float]:
    """CPU seconds of ``newsclean.clean`` and of ``ftfy.fix_text`` over ``texts``, taken page
    by page: each page goes through one right after the other, which goes first
    alternating by page and by round. newsclean's per-text caches are emptied first, as
    in :func:`_timed`."""
    clear_caches()
    gc.collect()
    spent = {_clean: 0.0, _ftfy: 0.0}
    for i, text in enumerate(texts):
        for fn in (_clean, _ftfy) if (i + round_number) % 2 == 0 else (_ftfy, _clean):
            start = time.process_time()
            fn(text)
            spent[fn] += time.process_time() - start
    return spent[_clean], spent[_ftfy]


def _clean(text: str) -> object:
    return newsclean.clean(text)


def _ftfy(text: str) -> object:
    return ftfy.fix_text(text)


def throughput(rounds: int) -> tuple[list[list[str]], dict[str, float]]:
    """Table 1 and the ratios per workload."""
    workloads = {f"dev {mode}": _load(mode) for mode in MODES}
    workloads["example page"] = [(ROOT / "fixtures/golden/seed.input.txt").read_text(encoding="utf-8")]
    for texts in workloads.values():  # warm up: lexicons, caches, imports
        _timed(_clean, texts[:20])
        _timed(_ftfy, texts[:20])
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in workloads}
    for r in range(rounds):
        for name, texts in workloads.items():
            # The example page alone is too short to time: repeat it to ~1 s of work, each
            # time with empty caches.
            reps = 1 if len(texts) > 1 else 50
            paired = [_paired(texts, r + rep) for rep in range(reps)]
            times[name].append((sum(c for c, _ in paired) / reps, sum(f for _, f in paired) / reps))
    rows = [["workload", "pages", "MB", "newsclean MB/s", "pages/s", "ftfy MB/s", "time ratio"]]
    ratios = {}
    for name, texts in workloads.items():
        clean_s = statistics.median(c for c, _ in times[name])
        ftfy_s = statistics.median(f for _, f in times[name])
        ratio = statistics.median(c / f for c, f in times[name])
        ratios[name] = ratio
        mb = _mb(texts)
        rows.append(
            [
                name,
                str(len(texts)),
                f"{mb:.2f}",
                f"{mb / clean_s:.2f}",
                f"{len(texts) / clean_s:.0f}",
                f"{mb / ftfy_s:.2f}",
                f"{ratio:.2f}",
            ]
        )
    return rows, ratios


def by_pass(rounds: int) -> list[list[str]]:
    """Table 1b: where the time goes, pass by pass, over the dev pages (nodes mode)."""
    pages = _load("nodes")
    config = newsclean.Config()
    totals: dict[str, list[float]] = {"segment": [], **{p.name: [] for p in PASSES}, "article": []}
    ftfy_times = []
    for _ in range(rounds):
        clear_caches()
        spent = dict.fromkeys(totals, 0.0)
        for text in pages:
            start = time.process_time()
            doc = segment(text)
            spent["segment"] += time.process_time() - start
            for step in PASSES:
                start = time.process_time()
                doc = step.run(doc, config)
                spent[step.name] += time.process_time() - start
            start = time.process_time()
            newsclean.Article.from_document(doc)
            spent["article"] += time.process_time() - start
        for name, seconds in spent.items():
            totals[name].append(seconds)
        ftfy_times.append(_timed(_ftfy, pages))
    ftfy_s = statistics.median(ftfy_times)
    rows = [["step", "seconds", "share", "vs ftfy.fix_text"]]
    whole = sum(statistics.median(v) for v in totals.values())
    for name, values in totals.items():
        seconds = statistics.median(values)
        rows.append([name, f"{seconds:.3f}", f"{seconds / whole:.0%}", f"{seconds / ftfy_s:.2f}"])
    rows.append(["total", f"{whole:.3f}", "100%", f"{whole / ftfy_s:.2f}"])
    return rows


def scaling(rounds: int) -> list[list[str]]:
    """Table 2: seconds per MB at 1x, 10x, 100x of a page's size, same bytes each."""
    pages = _load("nodes")[:100]
    sizes = {
        "1x": pages,
        "10x": ["\n\n".join(pages[i : i + 10]) for i in range(0, len(pages), 10)],
        "100x": ["\n\n".join(pages)],
    }
    _timed(_clean, pages[:10])
    times: dict[str, list[float]] = {name: [] for name in sizes}
    for r in range(rounds):
        order = list(sizes) if r % 2 == 0 else list(reversed(sizes))
        for name in order:
            times[name].append(_timed(_clean, sizes[name]))
    rows = [["size", "texts", "MB per text", "s/MB", "vs 1x"]]
    base = statistics.median(times["1x"]) / _mb(sizes["1x"])
    for name, texts in sizes.items():
        per_mb = statistics.median(times[name]) / _mb(texts)
        rows.append(
            [name, str(len(texts)), f"{_mb(texts) / len(texts):.3f}", f"{per_mb:.3f}", f"{per_mb / base:.2f}"]
        )
    return rows


def _adversarial_module() -> object:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        return importlib.import_module("test_adversarial")
    finally:
        sys.path.pop(0)


def adversarial(quick: bool) -> list[list[str]]:
    """Table 3: each worst case at full size, and at half size for the growth; ``quick``
    shrinks the generated pages, not the backtracking cases (each under a second)."""
    module = _adversarial_module()
    cases: dict[str, Callable[..., str]] = module.CASES  # type: ignore[attr-defined]
    rows = [["worst case", "MB", "chars", "seconds", "MB/s", "growth (full vs half)"]]
    for name, build in cases.items():
        text = build(full=not quick)
        half = _halve(text)
        t_half = min(_timed(_clean, [half]) for _ in range(2))
        t_full = min(_timed(_clean, [text]) for _ in range(2))
        mb = _mb([text])
        growth = (t_full / mb) / (t_half / _mb([half])) if t_half > 0 else float("nan")
        rows.append(
            [name, f"{mb:.2f}", str(len(text)), f"{t_full:.2f}", f"{mb / t_full:.2f}", f"{growth:.2f}"]
        )
    # Each at full size and built at half size, not cut in half: a cut would drop the
    # character that makes the match fail at the end, and with it the worst case.
    cases_at = module.backtracking_cases  # type: ignore[attr-defined]
    repeats: int = module.BACKTRACKING_REPEATS  # type: ignore[attr-defined]
    full: dict[str, str] = cases_at(repeats)
    halves: dict[str, str] = cases_at(repeats // 2)
    skip = newsclean.Config(skip=frozenset({"normalize_text"}))
    for name, text in full.items():
        half = halves[name]
        for label, config in (("", None), (" (no normalize)", skip)):
            t_half = min(_timed(lambda t, c=config: newsclean.clean(t, c), [half]) for _ in range(2))
            t_full = min(_timed(lambda t, c=config: newsclean.clean(t, c), [text]) for _ in range(2))
            mb = _mb([text])
            growth = (t_full / mb) / (t_half / _mb([half])) if t_half > 0 else float("nan")
            rows.append(
                [
                    f"regex: {name}{label}",
                    f"{mb:.2f}",
                    str(len(text)),
                    f"{t_full:.3f}",
                    f"{mb / t_full:.2f}",
                    f"{growth:.2f}",
                ]
            )
    return rows


def _halve(text: str) -> str:
    """The first half of ``text``, cut after its last paragraph break, line break or space
    before the middle (a cut inside a word would end the half as the whole does not: a
    paragraph that ends in a space is normalised, one that ends mid-word is plain)."""
    middle = len(text) // 2
    for mark in ("\n\n", "\n", " "):
        if (cut := text.rfind(mark, 0, middle + 1)) > 0:
            return text[: cut + len(mark)] if mark == " " else text[:cut]
    return text[:middle]


def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    """Every compiled pattern held by a newsclean module, once, by ``module.NAME``: a pattern
    held under several names (``regex`` compiles one source once; a module imports another's)
    by the first one its module defines, private or exported (``features.SEPARATOR_LINE``,
    not ``passes.chrome.SEPARATOR_LINE``), else by the first."""
    held: dict[int, tuple[regex.Pattern[str], list[tuple[bool, str]]]] = {}
    for mod_name, mod in sorted(sys.modules.items()):
        if not mod_name.startswith("newsclean") or mod is None:
            continue
        exported = set(getattr(mod, "__all__", ()))
        for attr, found in sorted(vars(mod).items()):
            value = getattr(found, "compiled", found)  # a newsclean Pattern holds its regex pattern
            if hasattr(value, "search") and isinstance(getattr(value, "pattern", None), str):
                own = attr.startswith("_") or not exported or attr in exported
                name = f"{mod_name.removeprefix('newsclean.')}.{attr}"
                held.setdefault(id(value), (value, []))[1].append((own, name))
    # the first name its own module gives it, else the first (min keeps the first of equals)
    return sorted((min(names, key=lambda name: not name[0])[1], value) for value, names in held.values())


def pattern_growth(quick: bool) -> list[list[str]]:
    """Table 4: time per character at n and 4n for each pattern's hardest generated input.

    An input that takes over a quarter second at n is not tried at 4n: its growth shows as
    ">" and its time at n is the finding.
    """
    n = 5_000 if quick else 20_000
    pieces = [" ", "\t", "a", "A", "1", ".", ",", ":", "'", '"', "-", "…", "’", "\n", "a ", "1,", ". ", "a'"]
    rows = [["pattern", "worst input", "ms at n", "ms at 4n", "growth"]]
    for name, pattern in _patterns():
        words = sorted(set(regex.findall(r"[A-Za-z]{2,}", pattern.pattern)))[:12]
        worst = ("", 0.0, 0.0, 0.0)
        for piece in [*pieces, *(w + " " for w in words), *words]:
            short = piece * (n // len(piece)) + "\x00"
            t_n = min(_search_time(pattern, short) for _ in range(3))
            if t_n > 0.25:
                if t_n > worst[1] or worst[3] != float("inf"):
                    worst = (piece, t_n, float("nan"), float("inf"))
                continue
            long = piece * (4 * n // len(piece)) + "\x00"
            t_4n = min(_search_time(pattern, long) for _ in range(3))
            growth = (t_4n / 4) / t_n if t_n > 0 else 0.0
            # Below ~0.2 ms the figure is timer noise, not growth.
            if not worst[0] or (worst[3] != float("inf") and t_4n > 2e-4 and growth > worst[3]):
                worst = (piece, t_n, t_4n, growth)
        growth_text = ">" if worst[3] == float("inf") else f"{worst[3]:.2f}"
        rows.append([name, repr(worst[0] * 3), f"{worst[1] * 1e3:.2f}", f"{worst[2] * 1e3:.2f}", growth_text])
    return rows


def _search_time(pattern: regex.Pattern[str], text: str) -> float:
    start = time.process_time()
    try:
        if isinstance(pattern, regex.Pattern):
            pattern.search(text, timeout=2)
            pattern.match(text, timeout=2)
        else:
            pattern.search(text)
            pattern.match(text)
    except TimeoutError:
        return 2.0
    return time.process_time() - start


def jobs_scaling(target_mb: int) -> list[list[str]]:
    """Table 5: the command on a large JSON Lines file with 1 and 2 jobs."""
    help_text = subprocess.run(
        [sys.executable, "-m", "newsclean", "--help"], capture_output=True, text=True, check=False
    ).stdout
    if "--jobs" not in help_text:
        return [["jobs", "note"], ["-", "the command has no --jobs option yet"]]
    pages = _load("nodes")
    rows = [["jobs", "records", "MB", "seconds", "records/s", "peak RSS MB (all processes)"]]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.jsonl"
        records = 0
        with path.open("w", encoding="utf-8") as out:
            while out.tell() < target_mb * 1e6:
                page = pages[records % len(pages)]
                out.write(json.dumps({"id": records, "text": f"{page}\n\nRecord {records}."}) + "\n")
                records += 1
        size = path.stat().st_size / 1e6
        for jobs in (1, 2):
            cmd = [sys.executable, "-m", "newsclean", "--jobs", str(jobs), "--jsonl", str(path)]
            start = time.perf_counter()
            with open(os.devnull, "w") as sink:
                proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, text=True)
                peak = _watch_rss(proc)
            seconds = time.perf_counter() - start
            status = "" if proc.returncode == 0 else f" (exit {proc.returncode})"
            rows.append(
                [
                    f"{jobs}{status}",
                    str(records),
                    f"{size:.0f}",
                    f"{seconds:.1f}",
                    f"{records / seconds:.0f}",
                    f"{peak:.0f}",
                ]
            )
    return rows


def _watch_rss(proc: subprocess.Popen[str]) -> float:
    """Wait for ``proc``; the peak of the summed resident memory of it and its children."""
    peak = 0.0
    done = threading.Event()

    def drain() -> None:
        assert proc.stderr is not None
        for _ in proc.stderr:
            pass
        done.set()

    threading.Thread(target=drain, daemon=True).start()
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.2)
    done.wait(5)
    return peak


def _tree_rss(pid: int) -> float:
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += (
                int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _print(title: str, rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print(f"\n{title}")
    for k, row in enumerate(rows):
        print(
            "  "
            + "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if k == 0:
            print("  " + "  ".join("-" * w for w in widths))
    sys.stdout.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds per table (default 5)")
    ap.add_argument("--quick", action="store_true", help="3 rounds, smaller worst cases")
    ap.add_argument("--jobs-scaling", action="store_true", help="also time --jobs 1 and 2 on a large JSONL")
    ap.add_argument("--jsonl-mb", type=int, default=200, help="size of the generated JSONL (default 200)")
    ap.add_argument(
        "--skip", action="append", default=[], choices=["passes", "scaling", "adversarial", "patterns"]
    )
    args = ap.parse_args()
    rounds = 3 if args.quick else args.rounds
    print(
        f"newsclean {newsclean.__version__} ({_build()}), ftfy {ftfy.__version__}, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, pages from {_pages_dir()}, "
        f"{rounds} interleaved rounds"
    )
    rows, ratios = throughput(rounds)
    _print("1. Throughput (median of rounds; time ratio = newsclean time / ftfy.fix_text time)", rows)
    if "passes" not in args.skip:
        _print("1b. Time by step over the dev pages, nodes mode (median of rounds)", by_pass(rounds))
    if "scaling" not in args.skip:
        _print(
            "2. Time per MB by input size (100 distinct dev pages: one by one, 10 joined, all joined)",
            scaling(rounds),
        )
    if "adversarial" not in args.skip:
        _print(
            "3. Worst cases (tests/test_adversarial.py; growth = time per MB at full / at half size)",
            adversarial(args.quick),
        )
    if "patterns" not in args.skip:
        _print(
            "4. Patterns: worst generated input per pattern, time at n and 4n (growth 1.0 = linear)",
            pattern_growth(args.quick),
        )
    if args.jobs_scaling:
        _print(
            f"5. The command with --jobs on a {args.jsonl_mb} MB JSON Lines file", jobs_scaling(args.jsonl_mb)
        )
    dev = [ratios[f"dev {m}"] for m in MODES]
    print(
        f"\nratio newsclean/ftfy.fix_text: dev nodes {dev[0]:.2f}, dev blocks {dev[1]:.2f}, "
        f"example page {ratios['example page']:.2f} (target <= 1.0, aim 0.5; {_build()})"
    )
    return 0


def _build() -> str:
    """Which build of newsclean runs: the compiled core (``setup.py``) or pure Python."""
    compiled = chrome_module.__file__ or ""
    return "compiled core" if compiled.endswith(tuple(EXTENSION_SUFFIXES)) else "pure Python"


if __name__ == "__main__":
    sys.exit(main())
