"""newsclean on a real cluster engine: a dask.bag over JSON Lines files, on a LocalCluster.

CI installs the ``dask`` extra (README's test command), so this runs there; the
importorskip is only a safety net for a bare ``pip install -e '.[test]'``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import newsclean
from conftest import FIXTURES
from test_cli import command

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "golden").glob("*.input.txt"))]


def _write_parts(folder: Path, parts: int = 3) -> list[Path]:
    paths = []
    for part in range(parts):
        path = folder / f"part-{part}.jsonl"
        lines = [
            json.dumps({"id": f"{part}-{i}", "text": text, "lang": "en"}, ensure_ascii=False)
            for i, text in enumerate(TEXTS)
            if i % parts == part or part == 0
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_dask_bag_on_a_local_cluster_equals_one_process(tmp_path: Path) -> None:
    paths = _write_parts(tmp_path)
    config = newsclean.Config(keep_quotes=True)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        bag = db.read_text(str(tmp_path / "part-*.jsonl")).map(json.loads)
        cleaned = bag.map_partitions(newsclean.clean_records, field="text", config=config)
        assert cleaned.npartitions == len(paths)
        out = tmp_path / "out"
        cleaned.map(json.dumps, ensure_ascii=False).to_textfiles(str(out / "*.jsonl"))
        got = [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.open()]

    records = [json.loads(line) for path in paths for line in path.open(encoding="utf-8")]
    assert got == list(newsclean.clean_records(records, config=config))
    assert len(got) == len(records)
    # ... and equal to what the command prints, record for record.
    result = subprocess.run(
        [*command(), "--keep-quotes", *map(str, paths)], capture_output=True, check=True, timeout=120
    )
    assert [json.loads(line) for line in result.stdout.splitlines()] == got
