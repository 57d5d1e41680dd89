"""Sources from the web edge: uploaded files, pasted text, URLs, and imported timelines.

Uploads and pasted text are written to a private temporary folder under a safe name with
the right suffix and read by ``ingest`` like any file; the source keeps the name the
user gave, not the temporary path.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePath

from chronologist.errors import InputError, UnsupportedFormat
from chronologist.ingest import KINDS, SUFFIXES, ingest
from chronologist.models import Source, Timeline
from chronologist.render import SCHEMA_ID, timeline_from_dict
from chronologist.store import Store
from chronologist.web.errors import PayloadTooLarge

KIND_SUFFIX = {
    "html": ".html",
    "markdown": ".md",
    "timelinejs": ".json",
    "chronologist": ".json",
    "csv": ".csv",
    "pdf": ".pdf",
}
"""The suffix pasted text of a forced kind is saved under."""
ACCEPTED = ", ".join(sorted(SUFFIXES))


def _check_kind(kind: str | None) -> str | None:
    if kind in (None, ""):
        return None
    if kind not in KINDS:
        raise UnsupportedFormat(
            f"Unknown kind {kind!r}.", hint=f"Choose one of: {', '.join(KINDS)}."
        )
    return kind


def safe_name(filename: str | None) -> str:
    """The last part of a client's file name, without control characters."""
    name = PurePath((filename or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[-200:] or "upload"


def suffix_of(name: str) -> str:
    """The file suffix, refused unless ingest reads it."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormat(
            f"Cannot read {name!r}: {suffix or 'no suffix'} files are not supported.",
            hint=f"Upload one of: {ACCEPTED}.",
        )
    return suffix


def _read(data: bytes, suffix: str, *, kind: str | None, max_bytes: int) -> Source:
    with tempfile.TemporaryDirectory(prefix="chronologist-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        return ingest(path, kind=kind, max_bytes=max_bytes)


def source_from_upload(
    data: bytes, filename: str | None, *, kind: str | None, max_bytes: int
) -> Source:
    """An uploaded file as a source (named as the user's file)."""
    name = safe_name(filename)
    source = _read(data, suffix_of(name), kind=_check_kind(kind), max_bytes=max_bytes)
    title = source.title if source.title and source.title != "upload" else PurePath(name).stem
    return replace(source, path=name, title=title)


def source_from_text(text: str, *, title: str | None, kind: str | None, max_bytes: int) -> Source:
    """Pasted text as a source."""
    kind = _check_kind(kind)
    data = text.encode("utf-8")
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"The pasted text is larger than the limit ({max_bytes} bytes).")
    source = _read(data, KIND_SUFFIX.get(kind or "", ".txt"), kind=kind, max_bytes=max_bytes)
    title = " ".join((title or "").split())
    fallback = source.title if source.title != "upload" else "Pasted text"
    return replace(source, path=None, title=title or fallback)


def source_from_url(url: str, *, kind: str | None, allow_private: bool, max_bytes: int) -> Source:
    """A web page or file as a source (private addresses refused unless allowed)."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"Cannot fetch {url!r}: give an http:// or https:// address.")
    return ingest(url, kind=_check_kind(kind), allow_private=allow_private, max_bytes=max_bytes)


def read_import(data: bytes, filename: str | None, *, max_bytes: int) -> Timeline | Source:
    """An imported file: one of our timelines whole, or a source to extract events from
    (TimelineJS JSON, TimelineJS CSV, and everything else ``build`` reads)."""
    name = safe_name(filename)
    suffix = suffix_of(name)
    if suffix == ".json":
        try:
            data_json = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"Cannot read {name!r}: not valid JSON ({exc}).") from exc
        if isinstance(data_json, dict) and data_json.get("schema") == SCHEMA_ID:
            try:
                return timeline_from_dict(data_json, name=name)
            except InputError:
                raise
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise InputError(
                    f"Cannot read {name!r}: not a valid chronologist timeline ({exc})."
                ) from exc
    return source_from_upload(data, name, kind=None, max_bytes=max_bytes)


def load_first_start(store: Store, paths: Sequence[Path], *, owner_id: int) -> list[str]:
    """Import files into an empty database (``serve --load``); the titles loaded.

    Our JSON is saved whole (accepted, public); other files are read and extracted now
    (events proposed for review, private). Nothing happens once any timeline exists.
    """
    if not paths or store.list_timelines(everything=True):
        return []
    from chronologist.ingest import load_timeline
    from chronologist.pipeline import build_timeline

    titles = []
    for path in paths:
        head = path.read_bytes()[:4096]
        if path.suffix.lower() == ".json" and SCHEMA_ID.encode() in head:
            timeline = load_timeline(path)
            store.save_timeline(timeline, owner_id=owner_id, public=True)
        else:
            timeline = build_timeline([ingest(path)])
            store.save_timeline(timeline, owner_id=owner_id, status="proposed", origin="extracted")
        titles.append(timeline.title)
    return titles
