"""The installed ``newsclean`` command, driven through a subprocess the way a user runs it.

stdout and stderr are asserted separately: results on stdout, diagnostics on stderr.
"""

from __future__ import annotations

import gzip
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsclean
from conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
SEED = GOLDEN / "seed.input.txt"
PROSE = "The council approved the budget on Monday after a long and heated debate in the chamber."


def command() -> list[str]:
    """The console script installed beside this interpreter, else ``python -m newsclean``."""
    script = Path(sys.executable).parent / "newsclean"
    if script.exists():
        return [str(script)]
    found = shutil.which("newsclean")
    return [found] if found else [sys.executable, "-m", "newsclean"]


def run(*args: str | Path, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*command(), *map(str, args)], input=stdin, capture_output=True, timeout=120, cwd=cwd, check=False
    )


def err(result: subprocess.CompletedProcess[bytes]) -> str:
    text = result.stderr.decode("utf-8")
    assert "Traceback" not in text
    return text


def records(stdout: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def golden_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.input.txt"))]


def test_one_file_prints_the_clean_body() -> None:
    result = run(SEED)
    assert result.returncode == 0, err(result)
    assert result.stdout.decode("utf-8") == newsclean.clean(SEED.read_text(encoding="utf-8")) + "\n"
    assert result.stderr == b""


@pytest.mark.parametrize("args", [(), ("-",)])
def test_stdin(args: tuple[str, ...]) -> None:
    result = run(*args, stdin=SEED.read_bytes())
    assert result.returncode == 0, err(result)
    assert result.stdout.decode("utf-8") == newsclean.clean(SEED.read_text(encoding="utf-8")) + "\n"


def test_help_shows_an_example_and_every_pass_is_listed() -> None:
    help_text = run("--help").stdout.decode("utf-8")
    assert "Examples:" in help_text
    assert "newsclean page.txt" in help_text
    assert "Exit status: 0" in help_text
    assert help_text.startswith("Usage: newsclean [OPTIONS] [FILE|-]...")
    listed = run("--list-passes").stdout.decode("utf-8").split()
    assert [p.name for p in newsclean.PASSES] == [
        w for w in listed if w in {p.name for p in newsclean.PASSES}
    ]


def test_output_dir_writes_one_file_per_input_with_its_name(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"Menu\n\n{PROSE}\n", encoding="utf-8")
    b.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    result = run(a, b, "--output-dir", out)
    assert result.returncode == 0, err(result)
    assert result.stdout == b""
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    assert (out / "a.txt").read_text(encoding="utf-8") == PROSE + "\n"
    assert (out / "b.txt").read_text(encoding="utf-8") == newsclean.clean(SEED.read_text("utf-8")) + "\n"


def test_a_directory_of_files_with_recursive(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "world").mkdir(parents=True)
    (pages / "x.txt").write_text(f"Menu\n\n{PROSE}", encoding="utf-8")
    (pages / "world" / "y.txt").write_text(f"{PROSE}\n\nShare this article", encoding="utf-8")
    (pages / ".hidden").write_text("not a page", encoding="utf-8")
    out = tmp_path / "clean"
    result = run("-r", pages, "--output-dir", out)
    assert result.returncode == 0, err(result)
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["world/y.txt", "x.txt"]
    assert (out / "x.txt").read_text(encoding="utf-8") == PROSE + "\n"
    # Without --output-dir the bodies go to stdout, in sorted path order.
    result = run("-r", pages, "--format", "jsonl")
    assert [r["source"] for r in records(result.stdout)] == [
        str(pages / "world" / "y.txt"),
        str(pages / "x.txt"),
    ]


def test_format_jsonl_one_record_per_input_with_source(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(f"Menu\n\n{PROSE}", encoding="utf-8")
    result = run(a, SEED, "--format", "jsonl")
    assert result.returncode == 0, err(result)
    got = records(result.stdout)
    assert [r["source"] for r in got] == [str(a), str(SEED)]
    assert got[0]["body"] == PROSE
    expected = newsclean.parse(SEED.read_text(encoding="utf-8")).to_dict()
    assert {k: v for k, v in got[1].items() if k != "source"} == expected


def test_format_json_is_the_article_contract() -> None:
    result = run("--format", "json", SEED)
    assert json.loads(result.stdout) == newsclean.parse(SEED.read_text(encoding="utf-8")).to_dict()


def _jsonl(tmp_path: Path, lines: list[str], name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_jsonl_cleans_the_field_and_passes_every_other_field_through(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": 1, "url": "https://example.org/a", "text": f"Menu\n\n{PROSE}", "meta": {"n": [1, 2]}}
        ),
        "{not json",
        json.dumps({"text": SEED.read_text(encoding="utf-8"), "id": 3}),
    ]
    path = _jsonl(tmp_path, lines)
    result = run(path)  # *.jsonl is read as JSON Lines without --jsonl
    assert result.returncode == 1
    stderr = err(result)
    assert stderr.splitlines() == [stderr.splitlines()[0]]
    assert stderr.startswith(f"newsclean: {path}:2: invalid JSON")
    first, third = records(result.stdout)
    assert list(first) == ["id", "url", "text", "meta", "newsclean"]
    assert (first["id"], first["url"], first["meta"]) == (1, "https://example.org/a", {"n": [1, 2]})
    assert first["text"] == PROSE
    assert first["newsclean"]["removed"] == {"chrome_phrase": 1}
    assert set(first["newsclean"]) == {"title", "section", "byline", "teasers", "removed"}
    article = newsclean.parse(SEED.read_text(encoding="utf-8"))
    assert list(third) == ["text", "id", "newsclean"]
    assert third["text"] == article.body
    assert third["newsclean"]["title"] == article.title
    assert sum(third["newsclean"]["removed"].values()) == sum(
        1 for b in article.document.blocks if b.kind is not newsclean.Kind.BODY
    )


def test_jsonl_field_and_output_field(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"content": f"Menu\n\n{PROSE}", "text": "untouched"})], "in.ndjson")
    result = run("--field", "content", "--output-field", "clean", path)
    assert result.returncode == 0, err(result)
    (record,) = records(result.stdout)
    assert record["content"] == f"Menu\n\n{PROSE}"
    assert record["text"] == "untouched"
    assert record["clean"] == PROSE


def test_jsonl_from_stdin_needs_the_flag() -> None:
    line = json.dumps({"text": f"Menu\n\n{PROSE}"}).encode() + b"\n"
    result = run("--jsonl", stdin=line)
    assert result.returncode == 0, err(result)
    assert records(result.stdout)[0]["text"] == PROSE


def test_gzip_in_and_out(tmp_path: Path) -> None:
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(golden_texts()[:3])]
    plain = _jsonl(tmp_path, lines)
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    expected = run(plain)
    assert expected.returncode == 0, err(expected)
    assert run(packed).stdout == expected.stdout
    assert run("--jsonl", stdin=packed.read_bytes()).stdout == expected.stdout
    # Output keeps the input's name, and so its compression.
    page = tmp_path / "page.txt.gz"
    page.write_bytes(gzip.compress(SEED.read_bytes()))
    out = tmp_path / "out"
    result = run(page, "--output-dir", out)
    assert result.returncode == 0, err(result)
    cleaned = gzip.decompress((out / "page.txt.gz").read_bytes()).decode("utf-8")
    assert cleaned == newsclean.clean(SEED.read_text(encoding="utf-8")) + "\n"
    result = run(packed, "--output-dir", out)
    assert result.returncode == 0, err(result)
    assert gzip.decompress((out / "in.jsonl.gz").read_bytes()) == expected.stdout


def _mixed_jsonl(tmp_path: Path, copies: int = 2) -> Path:
    lines = []
    for n in range(copies):
        for i, text in enumerate(golden_texts()):
            lines.append(json.dumps({"n": n, "i": i, "text": text}))
        lines.append('{"n": "broken"')
        lines.append(json.dumps({"n": n, "text": None}))
    return _jsonl(tmp_path, lines, "mixed.jsonl")


def test_jobs_2_matches_jobs_1_byte_for_byte(tmp_path: Path) -> None:
    path = _mixed_jsonl(tmp_path)
    one = run("--jobs", "1", path)
    two = run("--jobs", "2", path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert len(records(one.stdout)) == 2 * len(golden_texts())
    assert err(one).count("invalid JSON") == 2
    files = sorted(GOLDEN.glob("*.input.txt"))
    one = run("--jobs", "1", "--format", "jsonl", *files)
    two = run("--jobs", "2", "--format", "jsonl", *files)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert [r["source"] for r in records(two.stdout)] == [str(f) for f in files]


@pytest.mark.parametrize(
    "args",
    [
        ("--jobs", "-1"),
        ("--jsonl", "--format", "text"),
        ("--skip", "no_such_pass"),
        ("--field", "body"),
        ("--output-dir", "out", "-"),
        ("--encoding", "no-such-codec"),
        ("--config", "missing.toml"),
        ("--format", "jsonl", "--output-dir", "out", "x.txt"),
        ("a.jsonl", "b.txt"),
        ("--no-such-option",),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == b""
    assert "Error" in err(result)
    assert not (tmp_path / "out").exists()


def test_errors_file_gets_each_failed_record(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"text": PROSE}), "[1, 2", json.dumps({"body": "x"})])
    errors = tmp_path / "errors.jsonl"
    result = run(path, "--errors", errors)
    assert result.returncode == 1
    got = records(errors.read_bytes())
    assert [(e["source"], e["line"]) for e in got] == [(str(path), 2), (str(path), 3)]
    assert got[0]["record"] == "[1, 2"
    assert "no field 'text'" in got[1]["error"]
    assert len(err(result).splitlines()) == 2


def test_config_file_builds_the_same_config(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Menu\n\n{PROSE}", encoding="utf-8")
    config = tmp_path / "newsclean.toml"
    config.write_text('skip = ["remove_chrome"]\nkeep_quotes = true\nduplicate_threshold = false\n')
    result = run("--config", config, page)
    assert result.returncode == 0, err(result)
    expected = newsclean.Config(skip=frozenset({"remove_chrome"}), keep_quotes=True, duplicate_threshold=None)
    assert result.stdout.decode("utf-8") == newsclean.clean(page.read_text("utf-8"), expected) + "\n"
    assert "Menu" in result.stdout.decode("utf-8")
    config.write_text("no_such_setting = 1\n")
    result = run("--config", config, page)
    assert result.returncode == 2
    assert "no_such_setting" in err(result)
    config.write_text("keep_quotes = 'yes'\n")
    assert run("--config", config, page).returncode == 2
    config.write_text("keep_quotes = [\n")
    assert "invalid TOML" in err(run("--config", config, page))


def test_lang_reaches_the_config(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Menu\n\n{PROSE}", encoding="utf-8")
    result = run("--lang", "en", "--keep-quotes", page)
    assert result.returncode == 0, err(result)
    config = newsclean.Config(language="en", keep_quotes=True)
    assert result.stdout.decode("utf-8") == newsclean.clean(page.read_text("utf-8"), config) + "\n"


def test_explain_goes_to_stderr() -> None:
    result = run("--explain", SEED)
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == newsclean.clean(SEED.read_text(encoding="utf-8")) + "\n"
    assert err(result).startswith(f"== {SEED}\n")
    assert "remove_chrome/" in err(result)


def test_progress_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"text": t}) for t in golden_texts()])
    quiet = run(path)
    assert quiet.stderr == b""
    shown = run("--progress", path)
    assert shown.stdout == quiet.stdout
    stderr = err(shown)
    assert f"{len(golden_texts())} records" in stderr
    assert "MB" in stderr
    assert "records/s" in stderr


def test_quiet_silences_warnings_but_not_errors(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(("Le café est servi sur la grande place du marché à midi. " * 5).encode("latin-1"))
    result = run(latin, tmp_path / "missing.txt")
    assert "warning: not UTF-8; decoded as" in err(result)
    result = run("--quiet", latin, tmp_path / "missing.txt")
    assert result.returncode == 1
    assert err(result).splitlines() == [f"newsclean: {tmp_path / 'missing.txt'}: no such file"]
    assert "café" in result.stdout.decode("utf-8")


def _big_jsonl(tmp_path: Path, n: int = 3000) -> Path:
    return _jsonl(
        tmp_path, [json.dumps({"i": i, "text": f"Menu\n\n{PROSE} {i}"}) for i in range(n)], "big.jsonl"
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_broken_pipe_exits_quietly(tmp_path: Path, jobs: str) -> None:
    path = _big_jsonl(tmp_path)
    proc = subprocess.Popen(
        [*command(), "--jobs", jobs, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert json.loads(first)["i"] == 0
    assert stderr == b""


def test_shell_pipeline_into_head(tmp_path: Path) -> None:
    path = _big_jsonl(tmp_path)
    cmd = " ".join(f"'{c}'" for c in command())
    result = subprocess.run(
        ["bash", "-c", f"{cmd} '{path}' | head -n 2"], capture_output=True, timeout=60, check=False
    )
    assert result.stderr == b""
    assert len(result.stdout.splitlines()) == 2


def _wait_for_stderr(proc: subprocess.Popen[bytes]) -> bytes:
    assert proc.stderr is not None
    ready, _, _ = select.select([proc.stderr], [], [], 60)
    assert ready, "no progress from the command"
    return os.read(proc.stderr.fileno(), 65536)


def _group_ends(pgid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize(("jobs", "busy"), [("1", False), ("2", False), ("2", True)])
def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path, jobs: str, busy: bool) -> None:
    # As in a terminal, Ctrl-C reaches the whole process group: the command and its workers.
    args = [_big_jsonl(tmp_path)] if busy else ["--jsonl"]
    proc = subprocess.Popen(
        [*command(), "--progress", "--jobs", jobs, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stdin is not None and proc.stderr is not None
    if not busy:
        lines = b"".join(json.dumps({"text": f"{PROSE} {i}"}).encode() + b"\n" for i in range(200))
        proc.stdin.write(lines)
        proc.stdin.flush()  # stdin stays open: the command waits for more
    seen = _wait_for_stderr(proc)
    assert b"records" in seen
    os.killpg(proc.pid, signal.SIGINT)
    # stdin stays open until the command has ended, so that Ctrl-C stops it, not the end of
    # its input (communicate() would close stdin at once, racing the signal under load)
    proc.wait(timeout=60)
    stderr = proc.stderr.read()
    proc.stdin.close()
    assert proc.returncode == 130
    assert b"Traceback" not in seen + stderr
    assert (seen + stderr).rstrip().endswith(b"newsclean: interrupted")
    assert _group_ends(proc.pid), "worker processes outlived the command"


def test_interrupted_output_dir_leaves_only_whole_files(tmp_path: Path) -> None:
    done = _jsonl(tmp_path, [json.dumps({"text": PROSE})], "a.jsonl")
    fifo = tmp_path / "b.jsonl"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*command(), "--progress", done, fifo, "--output-dir", out],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    with open(fifo, "wb") as writer:
        writer.write(json.dumps({"text": PROSE}).encode() + b"\n")
        writer.flush()
        _wait_for_stderr(proc)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl"]  # no b.jsonl, no temporary file
    assert records((out / "a.jsonl").read_bytes())[0]["text"] == PROSE


def test_an_output_file_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PROSE, encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    result = run(page, SEED, "--output-dir", blocker / "out")
    assert result.returncode == 1
    lines = err(result).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"newsclean: {page}: cannot write {blocker / 'out' / 'page.txt'} (")
    assert lines[1].startswith(f"newsclean: {SEED}: cannot write")


def test_the_bar_appears_on_a_terminal_once_a_run_is_slow() -> None:
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*command(), "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=follower
    )
    os.close(follower)
    assert proc.stdin is not None
    line = json.dumps({"text": PROSE}).encode() + b"\n"
    for _ in range(16):  # records trickle in for 3 s: past the delay after which the bar shows
        proc.stdin.write(line)
        proc.stdin.flush()
        time.sleep(0.2)
    proc.stdin.close()
    assert proc.wait(timeout=60) == 0
    shown = b""
    while select.select([leader], [], [], 0.5)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert b"16 records" in shown
    assert b"records/s" in shown
    assert b"Traceback" not in shown
