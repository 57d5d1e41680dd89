"""What every reader shares: the raw input, source construction, bounded file reading."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from chronologist.errors import InputError
from chronologist.models import Source, SourceItem, SourceKind, Span

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest input ``ingest`` reads by default (20 MiB), file or URL."""
MAX_TITLE_CHARS = 200
"""A first line longer than this is prose, not a title."""


@dataclass(frozen=True, slots=True)
class Raw:
    """The bytes of one input and where they came from."""

    data: bytes
    name: str
    """How messages name the input: the path as given, or the URL."""
    path: str | None = None
    url: str | None = None
    content_type: str | None = None
    """The media type a server announced (``text/html``), without parameters."""

    @property
    def suffix(self) -> str:
        """The lower-case file suffix of the path or URL path (``.txt``), or ""."""
        where = self.path if self.path is not None else urlsplit(self.url or "").path
        return PurePosixPath(where.replace("\\", "/")).suffix.lower()

    @property
    def stem(self) -> str:
        """The file name without suffix as a fallback title: "space-race" → "Space race"."""
        where = self.path if self.path is not None else urlsplit(self.url or "").path
        stem = " ".join(PurePosixPath(where.replace("\\", "/")).stem.replace("_", "-").split("-"))
        stem = " ".join(stem.split())
        if stem.islower():
            stem = stem[:1].upper() + stem[1:]
        host = urlsplit(self.url).hostname if self.url else None
        return stem or host or "untitled"


def make_source(
    raw: Raw,
    *,
    kind: SourceKind,
    text: str,
    title: str,
    author: str | None = None,
    items: tuple[SourceItem, ...] = (),
) -> Source:
    """A ``Source`` whose id and checksum come from the bytes read."""
    digest = hashlib.sha256(raw.data).hexdigest()
    return Source(
        id="src-" + digest[:12],
        title=title,
        kind=kind,
        sha256=digest,
        text=text,
        path=raw.path,
        url=raw.url,
        author=author,
        items=items,
    )


def size_text(n: int) -> str:
    """A byte count for messages: "20 MiB", "512 KiB", "300 bytes"."""
    for unit, size in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if n >= size:
            return f"{n / size:g} {unit}" if n % size == 0 else f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def read_file(path: str | os.PathLike[str], *, max_bytes: int) -> Raw:
    """Read a file's bytes, refusing missing files, directories and files over ``max_bytes``."""
    name = os.fspath(path)
    file = Path(name)
    try:
        if file.is_dir():
            raise InputError(f"Cannot read {name!r}: it is a directory.")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"Cannot read {name!r}: {size_text(size)} is larger than {size_text(max_bytes)}.",
                hint="Pass a larger max_bytes if you trust this file.",
            )
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(f"Cannot read {name!r}: no such file.") from exc
    except OSError as exc:
        raise InputError(f"Cannot read {name!r}: {exc.strerror or exc}.") from exc
    if len(data) > max_bytes:  # the file grew while we read it
        raise InputError(f"Cannot read {name!r}: larger than {size_text(max_bytes)}.")
    return Raw(data=data, name=name, path=name)


def first_line_title(text: str, fallback: str) -> str:
    """The first non-blank line, stripped, when it is short enough to be a title."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else fallback
    return fallback


@dataclass(slots=True)
class TextBuilder:
    """Builds a synthesized text from (headline, body) blocks, keeping each block's spans.

    Each block is ``headline + "\\n" + body + "\\n\\n"`` (an empty headline or body is
    left out); the block's span covers headline and body, not the blank line after.
    """

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, headline: str, body: str) -> tuple[Span, Span | None]:
        """Append one block; return (span of the whole block, span of the headline)."""
        start = self.length
        title_span = Span(start, start + len(headline)) if headline else None
        block = "\n".join(part for part in (headline, body) if part)
        self._append(block + "\n\n")
        return Span(start, start + len(block)), title_span

    def text(self) -> str:
        """The text built so far."""
        return "".join(self.parts)

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)
