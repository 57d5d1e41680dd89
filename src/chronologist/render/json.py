"""Our timeline JSON format ("chronologist.timeline/1"), both ways.

The JSON Schema is ``schema/timeline-1.schema.json`` in the repository.
"""

from __future__ import annotations

import json
from typing import Any

from chronologist.errors import InputError
from chronologist.models import (
    Conflict,
    Event,
    Evidence,
    Participant,
    Source,
    Timeline,
)
from chronologist.render._common import Rendered, plural
from chronologist.timemodel import TimeValue, as_gregorian

SCHEMA_ID = "chronologist.timeline/1"
FORMAT = "json"
SUFFIX = ".json"
MEDIA_TYPE = "application/json"


def _day(day: tuple[int, int, int] | None) -> str | None:
    if day is None:
        return None
    y, m, d = day
    ys = f"-{abs(y):04d}" if y < 0 else f"{y:04d}"
    return f"{ys}-{m:02d}-{d:02d}"


def when_to_dict(when: TimeValue | None, basis: str) -> dict[str, Any] | None:
    """The ``when`` object of an event."""
    if when is None:
        return {
            "edtf": None,
            "timex": None,
            "earliest": None,
            "latest": None,
            "granularity": None,
            "approximate": False,
            "uncertain": False,
            "basis": basis,
            "calendar": "gregorian",
            "mod": None,
        }
    from chronologist.temporal.notation import bounds

    lo, hi = bounds(when)
    return {
        "edtf": when.edtf or None,
        "timex": when.timex,
        "earliest": _day(as_gregorian(lo.earliest() if lo else None, when.calendar)),
        "latest": _day(as_gregorian(hi.latest() if hi else None, when.calendar)),
        "granularity": when.granularity,
        "approximate": when.approximate,
        "uncertain": when.uncertain,
        "basis": basis,
        "calendar": when.calendar,
        "mod": when.mod,
    }


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {"source": ev.source, "start": ev.start, "end": ev.end, "quote": ev.quote}


def _participant(p: Participant) -> dict[str, Any]:
    return {"name": p.name, "kind": p.kind, "aliases": list(p.aliases)}


def _source(src: Source, *, with_text: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": src.id,
        "title": src.title,
        "kind": src.kind,
        "sha256": src.sha256,
        "author": src.author,
    }
    if src.url:
        out["url"] = src.url
    else:
        out["path"] = src.path
    if with_text:
        out["text"] = src.text
    return out


def event_to_dict(event: Event) -> dict[str, Any]:
    """One event as JSON."""
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "when": when_to_dict(event.when, event.basis),
        "date_text": event.date_text,
        "participants": [_participant(p) for p in event.participants],
        "evidence": [_evidence(e) for e in event.evidence],
        "description": event.description,
        "link": event.link,
        "media": event.media,
    }


def timeline_to_dict(timeline: Timeline, *, with_text: bool = True) -> dict[str, Any]:
    """The whole timeline as JSON (source texts included unless ``with_text`` is False)."""
    return {
        "schema": SCHEMA_ID,
        "title": timeline.title,
        "provenance": dict(timeline.provenance),
        "sources": [_source(s, with_text=with_text) for s in timeline.sources],
        "events": [event_to_dict(e) for e in timeline.events],
        "conflicts": [
            {
                "id": c.id,
                "topic": c.topic,
                "kind": c.kind,
                "events": list(c.events),
                "sides": [
                    {"claim": claim, "evidence": [_evidence(e) for e in evs]}
                    for claim, evs in c.sides
                ],
            }
            for c in timeline.conflicts
        ],
    }


def _need(obj: dict[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise InputError(f"{where}: missing field {key!r}.")
    return obj[key]


def timeline_from_dict(data: Any, *, name: str = "timeline") -> Timeline:
    """Read our JSON back (raises ``InputError`` naming the field that is wrong)."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        raise InputError(f"{name}: not a chronologist timeline (schema must be {SCHEMA_ID!r}).")
    sources = []
    for n, s in enumerate(_need(data, "sources", name)):
        where = f"{name}: sources[{n}]"
        sources.append(
            Source(
                id=str(_need(s, "id", where)),
                title=str(s.get("title") or ""),
                kind=s.get("kind", "text"),
                sha256=str(s.get("sha256") or ""),
                text=str(s.get("text") or ""),
                path=s.get("path"),
                url=s.get("url"),
                author=s.get("author"),
            )
        )
    events = []
    for n, e in enumerate(_need(data, "events", name)):
        where = f"{name}: events[{n}]"
        w = e.get("when") or {}
        edtf = w.get("edtf")
        try:
            when = TimeValue.from_edtf(edtf) if edtf else None
        except InputError as exc:
            raise InputError(f"{where}.when.edtf: {exc}") from exc
        if when is not None and w.get("calendar") == "julian":
            when = when.with_(calendar="julian")
        events.append(
            Event(
                id=str(_need(e, "id", where)),
                title=str(_need(e, "title", where)),
                kind=e.get("kind", "event"),
                when=when,
                basis=w.get("basis") or ("explicit" if when else "none"),
                evidence=tuple(
                    Evidence(str(x["source"]), int(x["start"]), int(x["end"]), str(x["quote"]))
                    for x in e.get("evidence", [])
                ),
                participants=tuple(
                    Participant(
                        str(p["name"]), p.get("kind", "person"), tuple(p.get("aliases", []))
                    )
                    for p in e.get("participants", [])
                ),
                date_text=e.get("date_text"),
                description=str(e.get("description") or ""),
                link=e.get("link"),
                media=e.get("media"),
            )
        )
    conflicts = []
    for n, c in enumerate(data.get("conflicts", [])):
        where = f"{name}: conflicts[{n}]"
        conflicts.append(
            Conflict(
                id=str(_need(c, "id", where)),
                topic=str(c.get("topic") or ""),
                kind=c.get("kind", "claim"),
                events=tuple(c.get("events", [])),
                sides=tuple(
                    (
                        str(side.get("claim", "")),
                        tuple(
                            Evidence(
                                str(x["source"]), int(x["start"]), int(x["end"]), str(x["quote"])
                            )
                            for x in side.get("evidence", [])
                        ),
                    )
                    for side in c.get("sides", [])
                ),
            )
        )
    return Timeline(
        title=str(data.get("title") or ""),
        sources=tuple(sources),
        events=tuple(events),
        conflicts=tuple(conflicts),
        provenance=tuple((str(k), str(v)) for k, v in (data.get("provenance") or {}).items()),
    )


def render_json(timeline: Timeline) -> Rendered:
    """Our JSON format, source texts included."""
    content = json.dumps(timeline_to_dict(timeline), indent=2, ensure_ascii=False) + "\n"
    notes: list[str] = []
    claimed = sum(1 for e in timeline.events if e.claims)
    if claimed:
        notes.append(
            f"claims of {plural(claimed, 'event')} left out (conflicts keep what they found)"
        )
    items = sum(len(s.items) for s in timeline.sources)
    if items:
        notes.append(f"{plural(items, 'source item')} left out (the reader finds them again)")
    return Rendered(content, MEDIA_TYPE, tuple(notes))
