"""Stage 1: read a file or URL into a ``Source`` (its exact text, metadata and items).

``ingest(location)`` picks a reader by ``kind=``, else by the URL's media type, the file
suffix and the content (one module per format, imported only when used). What
``Source.text`` (the text every offset points into) is, per kind:

* ``text`` (.txt), ``timetoast`` (.txt shaped like a Timetoast export: title, "By
  AUTHOR", "•" bullets), ``markdown`` (.md): the file decoded from UTF-8, unchanged.
* ``html`` (.html, or a URL answering text/html): the main text trafilatura extracts.
* ``pdf`` (.pdf or %PDF magic): the text layer, pages joined with a blank line.
* ``timelinejs`` (.json), ``csv`` (TimelineJS spreadsheet), ``chronologist`` (.json of
  ours): synthesized, per item its headline, a newline, its text and a blank line.

A ``.json`` file is one of our timelines when its "schema" says so (``load_timeline``
reads it whole), otherwise TimelineJS.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable

from chronologist.errors import UnsupportedFormat
from chronologist.ingest._common import DEFAULT_MAX_BYTES, Raw, read_file
from chronologist.ingest.text import MAX_TEXT_BYTES, decode_text, read_text_file
from chronologist.models import Source, Timeline

__all__ = [
    "DEFAULT_MAX_BYTES",
    "KINDS",
    "MAX_TEXT_BYTES",
    "READERS",
    "Reader",
    "decode_text",
    "detect_kind",
    "get_reader",
    "ingest",
    "load_timeline",
    "read_text_file",
]

Reader = Callable[[Raw], Source]

READERS: dict[str, str] = {
    "text": "chronologist.ingest.text:read_text",
    "timetoast": "chronologist.ingest.timetoast:read_timetoast",
    "markdown": "chronologist.ingest.markdown:read_markdown",
    "html": "chronologist.ingest.html:read_html",
    "pdf": "chronologist.ingest.pdf:read_pdf",
    "timelinejs": "chronologist.ingest.timelinejs:read_timelinejs",
    "csv": "chronologist.ingest.csv:read_csv",
    "chronologist": "chronologist.ingest.timeline:read_chronologist",
    "json": "chronologist.ingest.timeline:read_json",
}
"""Reader for each kind, as "module:function" (imported on first use). "json" picks
"timelinejs" or "chronologist" from the content."""
KINDS = tuple(k for k in READERS if k != "json")
"""The kinds ``ingest(kind=...)`` accepts."""

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".json": "json",
    ".csv": "csv",
}
MEDIA_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/json": "json",
    "text/csv": "csv",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "text",
}
SUPPORTED = (
    ".txt (plain text, or a Timetoast export), .md/.markdown, .html/.htm, .pdf, "
    ".json (TimelineJS3, or a chronologist timeline), .csv (TimelineJS spreadsheet), "
    "and http(s) URLs"
)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def _unknown_kind(kind: str) -> UnsupportedFormat:
    return UnsupportedFormat(
        f"Unknown kind {kind!r}: no such reader.", hint=f"Choose one of: {', '.join(KINDS)}."
    )


def get_reader(kind: str) -> Reader:
    """The reader registered for ``kind`` (raises ``UnsupportedFormat`` naming the kinds)."""
    if kind not in READERS:
        raise _unknown_kind(kind)
    module, function = READERS[kind].split(":")
    reader: Reader = getattr(importlib.import_module(module), function)
    return reader


def _sniff(raw: Raw) -> str:
    """The kind of content with no telling suffix or media type."""
    if _HTML_START.match(raw.data[:4096]):
        return "html"
    if raw.data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        return "json"
    return "text"


def detect_kind(raw: Raw) -> str:
    """The reader kind for an input: PDF magic, then (URLs) media type, suffix, content."""
    if raw.data.startswith(b"%PDF-"):
        return "pdf"
    media = MEDIA_TYPES.get(raw.content_type or "")
    if media in ("html", "pdf"):
        return media
    kind = SUFFIXES.get(raw.suffix) or media
    if kind is None and raw.suffix and raw.url is None:
        raise UnsupportedFormat(
            f"Cannot read {raw.name!r}: no reader for {raw.suffix!r} files.",
            hint=f"Supported: {SUPPORTED}. Or force a reader with kind= ({', '.join(KINDS)}).",
        )
    kind = kind or _sniff(raw)
    if kind == "text":
        from chronologist.ingest.timetoast import looks_like_timetoast

        return "timetoast" if looks_like_timetoast(decode_text(raw.data, name=raw.name)) else kind
    return kind


def _load(location: str, *, allow_private: bool, timeout: float, max_bytes: int) -> Raw:
    if not _URL.match(location):
        return read_file(location, max_bytes=max_bytes)
    from chronologist.ingest.fetch import fetch

    got = fetch(location, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
    return Raw(data=got.data, name=got.url, url=got.url, content_type=got.content_type)


def ingest(
    location: str | os.PathLike[str],
    *,
    kind: str | None = None,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Source:
    """Read a file path or an http(s) URL into a ``Source``.

    ``kind`` forces a reader (one of ``KINDS``). URLs are fetched safely (see
    ``chronologist.ingest.fetch``): private, loopback and other non-public addresses are
    refused unless ``allow_private``; ``timeout`` bounds each connect and read;
    ``max_bytes`` bounds files and downloads alike. Bad input raises ``InputError`` (or
    its subclasses ``UnsupportedFormat`` and ``DecodeError``) naming the file.
    """
    if kind is not None and kind not in KINDS:
        raise _unknown_kind(kind)
    where = location if isinstance(location, str) else os.fspath(location)
    raw = _load(where, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
    return get_reader(kind or detect_kind(raw))(raw)


def load_timeline(path: str | os.PathLike[str]) -> Timeline:
    """Read one of our timeline JSON files (``chronologist.timeline/1``) back, whole."""
    from chronologist.ingest.timeline import load_timeline as load

    return load(path)
