"""The command under hostile input: one line naming the input, the batch goes on, no traceback.

Every bad input is passed between two good files; the good files must still come out, the
bad one must get exactly the documented one-line message, and the exit status is 0 when
the input could be read (perhaps with a warning) and 1 when it could not.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from newsclean.io import InputError, atomic_writer, decode
from test_cli import PROSE, command, err, records, run

LATIN = "Le café est servi sur la grande place du marché à midi, dit le maire de la ville. " * 4
UTF16_TEXT = f"Menu\n\n{PROSE} Zürich, Kraków, São Paulo."


def _big_line(path: Path) -> None:
    chunk = b"word " * 200_000  # 1 MB
    with path.open("wb") as f:
        for _ in range(100):
            f.write(chunk)


def _write(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


CASES: dict[str, tuple[Callable[[Path], None], int, str | None, str | None]] = {
    # name: (make the file, exit status, message after "name: " or None, text expected in the body)
    "binary": (_write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 1, "binary data (NUL byte at", None),
    "invalid_utf8": (
        _write(f"Zürich café {PROSE} \xff end.".replace("\xff", "@").encode().replace(b"@", b"\xff")),
        0,
        "warning: invalid UTF-8: 1 byte sequence(s) replaced by U+FFFD (first at byte",
        "Zürich café",
    ),
    "utf16_bom": (_write(codecs.BOM_UTF16_LE + UTF16_TEXT.encode("utf-16-le")), 0, None, "Kraków"),
    "utf16_be_bom": (_write(codecs.BOM_UTF16_BE + UTF16_TEXT.encode("utf-16-be")), 0, None, "Kraków"),
    "utf16_no_bom": (
        _write(UTF16_TEXT.encode("utf-16-le")),
        0,
        "warning: no byte-order mark; decoded as utf-16-le (detected)",
        "Kraków",
    ),
    "latin1": (_write(LATIN.encode("latin-1")), 0, "warning: not UTF-8; decoded as", "café est servi"),
    "empty": (_write(b""), 0, "warning: empty input", None),
    "whitespace": (_write(b" \n\n\t \r\n  \n"), 0, "warning: only whitespace", None),
    "directory": (
        lambda path: path.mkdir(),
        1,
        "is a directory (use --recursive to clean the files in it)",
        None,
    ),
    "missing": (lambda path: None, 1, "no such file", None),
    "single_line_100mb": (_big_line, 1, "over the --max-size limit of 10 MB; skipped", None),
    "truncated_gzip": (_write(gzip.compress(PROSE.encode() * 50)[:40]), 1, "gzip data ends early", None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_named_once_and_the_batch_goes_on(tmp_path: Path, case: str) -> None:
    make, status, message, body = CASES[case]
    good_a, good_z = tmp_path / "a.txt", tmp_path / "z.txt"
    good_a.write_text(PROSE, encoding="utf-8")
    good_z.write_text(f"Menu\n\n{PROSE}", encoding="utf-8")
    bad = tmp_path / (f"{case}.txt.gz" if case.endswith("gzip") else f"{case}.txt")
    make(bad)
    result = run("--format", "jsonl", good_a, bad, good_z)
    assert result.returncode == status, err(result)
    stderr = err(result).splitlines()
    if message is None:
        assert stderr == []
    else:
        assert len(stderr) == 1
        assert stderr[0].startswith(f"newsclean: {bad}: {message}")
    got = {r["source"]: r for r in records(result.stdout)}
    assert got[str(good_a)]["body"] == PROSE
    assert got[str(good_z)]["body"] == PROSE
    if status == 1 and (message or "").find("warning") < 0:
        assert str(bad) not in got
    if body is not None:
        assert body in got[str(bad)]["body"]


def test_a_long_single_line_is_processed_with_no_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 200_000)  # 1 MB on one line
    result = run("--max-size", "0", big)
    assert result.returncode == 0, err(result)
    assert result.stdout.count(b"word") == 200_000


def test_jsonl_bad_records_are_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    long_line = b'{"text": "' + b"word " * 2_200_000 + b'"}'  # 11 MB: over the default limit
    lines = [
        json.dumps({"id": 1, "text": PROSE}).encode(),
        b'{"id": 2, "text": "unterminated',
        json.dumps({"id": 3, "text": 42}).encode(),
        json.dumps({"id": 4, "body": PROSE}).encode(),
        json.dumps(["an", "array"]).encode(),
        long_line,
        b'{"id": 7, "text": "caf\xe9"}',
        b"",
        json.dumps({"id": 9, "text": None}).encode(),
        json.dumps({"id": 10, "text": f"Menu\n\n{PROSE}"}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = run(path)
    assert result.returncode == 1
    expected = [
        "2: invalid JSON at column 19: Unterminated string starting at",
        "3: field 'text' is a number, not a string",
        "4: no field 'text'",
        "5: not a JSON object but an array",
        "6: 11.0 MB, the --max-size limit of 10 MB; skipped (raise it with --max-size)",
        "7: not valid UTF-8 (byte 22)",
        "9: field 'text' is null, not a string",
    ]
    lines = err(result).splitlines()
    assert len(lines) == len(expected), lines
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(f"newsclean: {path}:{start}")
    assert [r["id"] for r in records(result.stdout)] == [1, 10]


def test_an_unreadable_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PROSE, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(PROSE, encoding="utf-8")
    locked.chmod(0)
    good.chmod(0o644)
    prefix: list[str] = []
    if os.geteuid() == 0:
        # root reads any file: run the command without the capabilities that let it, as a
        # normal user would run it.
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
        try:
            probe = subprocess.run([*prefix, *command(), "--version"], capture_output=True, check=False)
        except OSError:
            probe = None
        if probe is None or probe.returncode != 0:
            pytest.skip("running as root and cannot drop the file-permission capabilities (setpriv)")
    result = subprocess.run(
        [*prefix, *command(), "--format", "jsonl", locked, good], capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert err(result).splitlines() == [f"newsclean: {locked}: permission denied"]
    assert [r["source"] for r in records(result.stdout)] == [str(good)]


def test_output_dir_never_writes_over_an_input(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Menu\n\n{PROSE}", encoding="utf-8")
    before = page.read_bytes()
    result = run(page, "--output-dir", tmp_path)
    assert result.returncode == 1
    assert err(result).splitlines() == [
        f"newsclean: {page}: --output-dir would write over this input ({page}); skipped"
    ]
    assert page.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]


def test_two_inputs_with_one_output_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"{PROSE} {folder}", encoding="utf-8")
    out = tmp_path / "out"
    result = run(tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "--output-dir", out)
    assert result.returncode == 1
    assert err(result).splitlines() == [
        f"newsclean: {tmp_path / 'b/x.txt'}: has the same output file as {tmp_path / 'a/x.txt'}; skipped"
    ]
    assert (out / "x.txt").read_text(encoding="utf-8") == f"{PROSE} a\n"


def test_atomic_writer_leaves_no_half_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("previous, whole", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as f:
        f.write(b"half of the new")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous, whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    with atomic_writer(target, compress=True) as f:
        f.write(b"new")
    assert gzip.decompress(target.read_bytes()) == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_read_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean import io as nio  # noqa: PLC0415

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(InputError, match=r"^permission denied$"):
        nio.read_input(str(tmp_path / "x.txt"))


def test_a_lone_surrogate_in_a_record_survives_as_valid_json(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "caf\\u00e9 \\ud800", "text": ' + json.dumps(PROSE) + "}\n", encoding="utf-8")
    result = run(path)
    assert result.returncode == 0, err(result)
    result.stdout.decode("utf-8")  # valid UTF-8 throughout
    (record,) = records(result.stdout)
    assert record["id"] == "café \ud800"
    assert record["text"] == PROSE


@pytest.mark.parametrize(
    ("data", "encoding", "text", "codec", "warning"),
    [
        ("café".encode(), None, "café", "utf-8", None),
        (codecs.BOM_UTF8 + "café".encode(), None, "café", "utf-8-sig", None),
        (codecs.BOM_UTF32_LE + "café".encode("utf-32-le"), None, "café", "utf-32", None),
        (
            "Kraków and Zürich".encode("utf-16-be"),
            None,
            "Kraków and Zürich",
            "utf-16-be",
            "no byte-order mark",
        ),
        ("café".encode("latin-1"), "latin-1", "café", "iso8859-1", None),
        (codecs.BOM_UTF8 + b"caf\xc3\xa9", "utf-8", "café", "utf-8-sig", None),
        (
            "Zürich café Kraków ".encode() + b"\xff\xfe!",
            None,
            "Zürich café Kraków \ufffd\ufffd!",
            "utf-8",
            "2 byte",
        ),
        (b"", None, "", "utf-8", None),
    ],
)
def test_decode_policy(data: bytes, encoding: str | None, text: str, codec: str, warning: str | None) -> None:
    decoded = decode(data, encoding=encoding)
    assert (decoded.text, decoded.encoding) == (text, codec)
    assert (decoded.warning is None) == (warning is None)
    if warning is not None:
        assert warning in (decoded.warning or "")


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (b"abc\x00def", None, "binary data (NUL byte at offset 3)"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", None, "not valid utf-16"),
        (b"caf\xe9", "utf-8", "not valid utf-8 (byte 3)"),
        (bytes(range(1, 32)) * 50, None, "binary data"),
    ],
)
def test_decode_refuses(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        decode(data, encoding=encoding)
