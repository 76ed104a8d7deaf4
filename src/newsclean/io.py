"""Reading and writing for the command and pipelines: decoding, files, JSON Lines, gzip,
settings files, atomic output.

Nothing here cleans text. Every failure is an :class:`InputError` whose message is one line
that does not yet name the input; the caller adds the name (and line number).

Decoding policy (:func:`decode`):

1. ``encoding`` given: that codec, strictly.
2. A byte-order mark: UTF-8, UTF-16 or UTF-32 as the mark says.
3. NUL bytes without a mark: UTF-16 when every other byte is NUL (a warning says so),
   otherwise binary data, an error.
4. Valid UTF-8: UTF-8, silently (more than 10% control characters: binary, an error).
5. UTF-8 with a few invalid bytes among valid multi-byte characters (at most two bad
   sequences per good character): UTF-8 with those bytes replaced by U+FFFD, and a
   warning that counts them.
6. Anything else: charset-normalizer's best guess, with a warning naming the encoding.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import gzip
import os
import sys
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import charset_normalizer

from .batch import Item
from .config import Config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover (Python 3.10)
    import tomli as tomllib

__all__ = [
    "Decoded",
    "InputError",
    "atomic_writer",
    "decode",
    "describe_os_error",
    "iter_lines",
    "open_input",
    "read_config",
    "read_input",
    "read_items",
]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_CONTROLS = dict.fromkeys([*range(0x09), *range(0x0E, 0x20), 0x7F])  # not \t \n \v \f \r
_MAX_CONTROL_SHARE = 0.1
_DRAIN = 1 << 20


class InputError(Exception):
    """An input that cannot be read or decoded; the message is one line."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec used and a one-line warning when the choice was a guess."""

    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode one document's bytes by the policy in the module docstring.

    >>> decode("café".encode("utf-8")).text
    'café'
    >>> decode(codecs.BOM_UTF16_LE + "café".encode("utf-16-le")).encoding
    'utf-16'
    >>> decode(b"\\x00\\x01\\x02\\x03PNG")
    Traceback (most recent call last):
    ...
    newsclean.io.InputError: binary data (NUL byte at offset 0), not text
    """
    if encoding is not None:
        codec = codecs.lookup(encoding).name
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        return Decoded(_strict(data, codec), codec)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, codec), codec)
    if b"\x00" in data:
        return _nul_bytes(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if _looks_binary(text):
            raise InputError("binary data (control characters), not text")
        return Decoded(text, "utf-8")
    mostly = _mostly_utf8(data, first_bad)
    if mostly is not None:
        return mostly
    return _detect(data)


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {codec} (byte {exc.start}); try another --encoding") from None


def _nul_bytes(data: bytes) -> Decoded:
    even, odd = data[0::2], data[1::2]
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(data) % 2 == 0 and zeros.count(0) >= 0.3 * len(zeros) and other.count(0) <= 0.05 * len(other):
            with contextlib.suppress(UnicodeDecodeError):
                text = data.decode(codec)
                if not _looks_binary(text):
                    return Decoded(text, codec, f"no byte-order mark; decoded as {codec} (detected)")
    raise InputError(f"binary data (NUL byte at offset {data.index(0)}), not text")


def _mostly_utf8(data: bytes, first_bad: int) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if good == 0 or bad > 2 * good or _looks_binary(text):
        return None
    return Decoded(
        text,
        "utf-8",
        f"invalid UTF-8: {bad} byte sequence(s) replaced by U+FFFD (first at byte {first_bad})",
    )


def _detect(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding (binary data?); pass --encoding")
    text = str(best)
    if _looks_binary(text):
        raise InputError("binary data (control characters), not text")
    return Decoded(text, best.encoding, f"not UTF-8; decoded as {best.encoding} (detected)")


def _looks_binary(text: str) -> bool:
    """More than 10% control characters (other than whitespace) in the first 64K characters."""
    sample = text[:65536]
    controls = len(sample) - len(sample.translate(_CONTROLS))
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)


def describe_os_error(exc: OSError) -> str:
    """A one-line reason for an I/O failure, without the file name."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory (use --recursive to clean the files in it)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not valid gzip data ({exc})"
    return f"cannot read ({exc.strerror or exc})"


@contextlib.contextmanager
def open_input(name: str) -> Iterator[BinaryIO]:
    """Open a path, or ``-`` for stdin, for reading bytes; gzip is unpacked when present.

    gzip is recognised by its magic bytes, not by the file name.
    """
    try:
        raw: BinaryIO
        if name == "-":
            if sys.stdin is None:
                raise InputError("there is no standard input")
            raw = sys.stdin.buffer
            closer: contextlib.AbstractContextManager[object] = contextlib.nullcontext()
        else:
            raw = open(name, "rb")  # noqa: SIM115 (closed by `with closer` below)
            closer = raw
    except OSError as exc:
        raise InputError(describe_os_error(exc)) from None
    with closer:
        peek = getattr(raw, "peek", None)
        head = peek(2)[:2] if peek is not None else b""
        if head == _GZIP_MAGIC:
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                yield unpacked  # type: ignore[misc]
        else:
            yield raw


def read_input(name: str, *, max_bytes: int | None = None) -> bytes:
    """All bytes of one input (unpacked), refusing inputs over ``max_bytes`` without reading them."""
    try:
        with open_input(name) as stream:
            data = stream.read(max_bytes + 1) if max_bytes else stream.read()
            if max_bytes and len(data) > max_bytes:
                raise InputError(_too_big(max_bytes, None))
            return data
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(_stream_error(exc)) from None


def read_items(
    sources: Sequence[tuple[str, str, str | None]],
    *,
    jsonl: bool,
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[Item]:
    """Read inputs lazily as the command's work items, each failure an ``error`` item in its place.

    ``sources`` holds ``(name to report, path or "-", error already known or None)``. A
    document is one ``text`` item; JSON Lines give one ``line`` item per record and an
    ``end`` item once the input was read (as far as it could be).
    """
    for source, (name, path, known) in enumerate(sources):
        if known is not None:
            yield Item(source, name, "error", error=known)
            continue
        if jsonl:
            yield from _jsonl_items(source, name, path, encoding=encoding, max_bytes=max_bytes)
            continue
        try:
            data = read_input(path, max_bytes=max_bytes)
            decoded = decode(data, encoding=encoding)
        except InputError as exc:
            yield Item(source, name, "error", error=str(exc))
            continue
        warnings: tuple[str, ...] = (decoded.warning,) if decoded.warning else ()
        if not decoded.text.strip():
            warnings += ("empty input" if not decoded.text else "only whitespace",)
        yield Item(source, name, "text", decoded.text, warnings=warnings, size=len(data))


def _jsonl_items(
    source: int, name: str, path: str, *, encoding: str | None, max_bytes: int | None
) -> Iterator[Item]:
    opened = False
    try:
        with open_input(path) as stream:
            opened = True
            for number, line in iter_lines(stream, max_bytes=max_bytes):
                if isinstance(line, str):
                    yield Item(source, name, "error", line=number, error=line)
                    continue
                data: str | bytes = line
                if encoding is not None:
                    try:
                        data = line.decode(encoding)
                    except UnicodeDecodeError as exc:
                        error = f"not valid {encoding} (byte {exc.start})"
                        yield Item(source, name, "error", line=number, error=error, size=len(line))
                        continue
                yield Item(source, name, "line", data, line=number, size=len(line) + 1)
    except InputError as exc:
        yield Item(source, name, "error", error=str(exc))
    if opened:  # what was read is written, even when reading stopped early
        yield Item(source, name, "end")


def iter_lines(stream: BinaryIO, *, max_bytes: int | None = None) -> Iterator[tuple[int, bytes | str]]:
    """``(line number, line)`` for each non-blank line, without the end of line.

    A line longer than ``max_bytes`` is never held in memory: it is skipped and its place
    holds the one-line reason (a ``str``) instead of the bytes. A leading UTF-8 byte-order
    mark is dropped. Read errors (corrupt gzip, I/O) raise :class:`InputError`.
    """
    number = 0
    limit = max_bytes + 2 if max_bytes else -1
    try:
        while True:
            line = stream.readline(limit)
            if not line:
                return
            number += 1
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if max_bytes and len(line.rstrip(b"\r\n")) > max_bytes:
                size = len(line)
                if not line.endswith(b"\n"):
                    size += _drain(stream, to_newline=True)
                yield number, _too_big(max_bytes, size)
                continue
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield number, line
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"after line {number}: {_stream_error(exc)}") from None


def _drain(stream: BinaryIO, *, to_newline: bool = False) -> int:
    """Read and discard the rest of the stream (or line), returning how many bytes it had."""
    size = 0
    while True:
        chunk = stream.readline(_DRAIN) if to_newline else stream.read(_DRAIN)
        size += len(chunk)
        if not chunk or (to_newline and chunk.endswith(b"\n")):
            return size


def _too_big(max_bytes: int, size: int | None) -> str:
    what = "over" if size is None else f"{size / 1e6:.1f} MB,"
    return f"{what} the --max-size limit of {max_bytes / 1e6:g} MB; skipped (raise it with --max-size)"


def _stream_error(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "gzip data ends early (truncated file?)"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data ({exc})"
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return str(exc)


@contextlib.contextmanager
def atomic_writer(target: Path, *, compress: bool = False) -> Iterator[BinaryIO]:
    """Write ``target`` through a temporary file in the same folder, renamed into place.

    The target appears only once everything was written: an interrupted run leaves either
    the previous file or the new one, never half of one (the temporary file is removed
    on any exception, ``KeyboardInterrupt`` included). ``compress`` writes gzip with a fixed
    timestamp, so equal input gives equal bytes.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            if compress:
                with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
                    yield packed  # type: ignore[misc]
            else:
                yield raw
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_config(path: str) -> dict[str, Any]:
    """The settings in a TOML file, checked against :class:`Config`'s fields and types.

    Keys are ``Config`` field names at the top level (or under ``[newsclean]``); lists
    stand for sets and tuples, and ``false`` turns off a setting that may be ``None``.
    Raises :class:`InputError` with a one-line reason.
    """
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise InputError(describe_os_error(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML ({exc})") from None
    if isinstance(data.get("newsclean"), dict) and len(data) == 1:
        data = data["newsclean"]
    fields = {f.name: str(f.type) for f in dataclasses.fields(Config)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            raise InputError(f"unknown setting {key!r} (settings: {', '.join(fields)})")
        values[key] = _setting(key, fields[key], value)
    return values


def _setting(key: str, annotation: str, value: object) -> object:
    optional = "None" in annotation
    base = annotation.replace("| None", "").replace("None |", "").strip()
    if optional and value is False and base != "bool":
        return None
    checks: dict[str, tuple[type, ...]] = {
        "bool": (bool,),
        "int": (int,),
        "float": (int, float),
        "str": (str,),
    }
    if base in checks:
        if isinstance(value, checks[base]) and (base == "bool" or not isinstance(value, bool)):
            return float(value) if base == "float" else value  # type: ignore[arg-type]
        raise InputError(f"setting {key!r} must be {base}{' or false' if optional else ''}, not {value!r}")
    if base.startswith(("frozenset[", "tuple[", "list[")):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value) if base.startswith("tuple[") else frozenset(value)
        raise InputError(f"setting {key!r} must be a list of strings, not {value!r}")
    return value
