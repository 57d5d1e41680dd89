"""Plain-text reading: UTF-8 only, binary refused, size bounded, text kept exactly."""

from __future__ import annotations

from pathlib import Path

from chronologist.errors import DecodeError, InputError
from chronologist.ingest._common import Raw, first_line_title, make_source
from chronologist.models import Source

MAX_TEXT_BYTES = 200 * 1024 * 1024
"""Largest text file we read (200 MiB)."""


def decode_text(data: bytes, *, name: str) -> str:
    """Decode UTF-8 bytes (a BOM is dropped); refuse binary and other encodings."""
    if b"\x00" in data[:8192]:
        raise DecodeError(f"Cannot read {name!r}: it looks like a binary file (NUL bytes).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecodeError(
            f"Cannot read {name!r}: not UTF-8 text (bad byte 0x{data[exc.start]:02x} "
            f"at line {line}).",
            hint="Convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8`.",
        ) from exc
    return text[1:] if text.startswith("\ufeff") else text


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file exactly as written (no newline translation)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError(f"Cannot read {str(path)!r}: no such file.") from exc
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}: {exc.strerror}.") from exc
    if path.is_dir():
        raise InputError(f"Cannot read {str(path)!r}: it is a directory.")
    if size > MAX_TEXT_BYTES:
        raise InputError(
            f"Cannot read {str(path)!r}: {size} bytes is over the {MAX_TEXT_BYTES} byte limit."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}: {exc.strerror}.") from exc
    return decode_text(data, name=str(path))


def read_text(raw: Raw) -> Source:
    """A plain-text source: the decoded file unchanged, titled by its first line."""
    text = decode_text(raw.data, name=raw.name)
    return make_source(raw, kind="text", text=text, title=first_line_title(text, raw.stem))
