"""Our own timeline JSON ("chronologist.timeline/1"), read back.

``load_timeline`` gives the whole ``Timeline``. ``ingest`` on such a file gives a source
of kind "chronologist" whose items are the timeline's events (title, description, date,
link, media), over a synthesized text as for TimelineJS; the events' evidence and the
embedded sources are not carried into it: use ``load_timeline`` for those.
"""

from __future__ import annotations

import os
from typing import Any

from chronologist.errors import InputError
from chronologist.ingest._common import Raw, TextBuilder, make_source, read_file
from chronologist.ingest.text import MAX_TEXT_BYTES
from chronologist.ingest.timelinejs import parse_json, timelinejs_source
from chronologist.models import Source, SourceItem, Timeline
from chronologist.render.json import SCHEMA_ID, timeline_from_dict


def is_timeline(data: Any) -> bool:
    """True for parsed JSON that says it is one of our timelines."""
    return isinstance(data, dict) and data.get("schema") == SCHEMA_ID


def timeline_from_json(raw: Raw, data: Any) -> Timeline:
    """Parsed JSON as a ``Timeline``; malformed fields become an ``InputError``."""
    try:
        return timeline_from_dict(data, name=raw.name)
    except InputError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(
            f"Cannot read {raw.name!r}: not a valid chronologist timeline "
            f"({type(exc).__name__}: {exc})."
        ) from exc


def load_timeline(path: str | os.PathLike[str], *, max_bytes: int = MAX_TEXT_BYTES) -> Timeline:
    """Read a timeline we wrote (``chronologist.timeline/1`` JSON) back into a ``Timeline``."""
    raw = read_file(path, max_bytes=max_bytes)
    return timeline_from_json(raw, parse_json(raw))


def timeline_source(raw: Raw, data: Any) -> Source:
    """One of our timelines as a source whose items are its events."""
    timeline = timeline_from_json(raw, data)
    builder = TextBuilder()
    items: list[SourceItem] = []
    for event in timeline.events:
        span, title_span = builder.add(" ".join(event.title.split()), event.description.strip())
        items.append(
            SourceItem(
                title=" ".join(event.title.split()),
                span=span,
                title_span=title_span,
                when=event.when,
                kind=event.kind,
                link=event.link,
                media=event.media,
            )
        )
    return make_source(
        raw,
        kind="chronologist",
        text=builder.text(),
        title=timeline.title or raw.stem,
        items=tuple(items),
    )


def read_chronologist(raw: Raw) -> Source:
    """A ``chronologist.timeline/1`` JSON file as a source of its events."""
    data = parse_json(raw)
    if not is_timeline(data):
        raise InputError(
            f"Cannot read {raw.name!r}: not a chronologist timeline "
            f'("schema" must be {SCHEMA_ID!r}).'
        )
    return timeline_source(raw, data)


def read_json(raw: Raw) -> Source:
    """A ``.json`` file: one of our timelines when its "schema" says so, else TimelineJS."""
    data = parse_json(raw)
    if is_timeline(data):
        return timeline_source(raw, data)
    if not isinstance(data, dict):
        raise InputError(
            f"Cannot read {raw.name!r}: not a TimelineJS file (the top level is "
            f'{type(data).__name__}, not an object with an "events" list).'
        )
    return timelinejs_source(raw, data)
