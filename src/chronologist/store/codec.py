"""Lossless JSON for the parts of the model kept in JSON columns, and sortable date keys.

Our export JSON (``render.json``) keeps an event's date as EDTF, which drops what EDTF
cannot say (the TIMEX3 mod, the calendar of the text, inferred bounds, ...). The store
must give back exactly what it was given, so it keeps the EDTF for people and queries
*and* every field of the ``TimeValue`` here.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from chronologist.models import Event, Evidence, Participant, SourceItem, Span
from chronologist.timemodel import TimePoint, TimeValue

_POINT_DEFAULTS = {f.name: f.default for f in fields(TimePoint)}
_VALUE_DEFAULTS = {f.name: f.default for f in fields(TimeValue) if f.name not in ("start", "end")}


def dumps(value: Any) -> str:
    """Compact, key-sorted JSON (stable text, so equal values compare equal in SQL)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _point_to_json(point: TimePoint | None) -> dict[str, Any] | None:
    if point is None:
        return None
    out: dict[str, Any] = {"granularity": point.granularity}
    for name, default in _POINT_DEFAULTS.items():
        value = getattr(point, name)
        if name != "granularity" and value != default:
            out[name] = value
    return out


def _point_from_json(data: dict[str, Any] | None) -> TimePoint | None:
    return None if data is None else TimePoint(**data)


def when_to_json(when: TimeValue | None) -> dict[str, Any] | None:
    """Every field of a ``TimeValue`` (defaults left out)."""
    if when is None:
        return None
    out: dict[str, Any] = {"start": _point_to_json(when.start), "end": _point_to_json(when.end)}
    for name, default in _VALUE_DEFAULTS.items():
        value = getattr(when, name)
        if value != default:
            out[name] = value
    return out


def when_from_json(data: dict[str, Any] | None) -> TimeValue | None:
    """Inverse of ``when_to_json``."""
    if data is None:
        return None
    rest = {k: v for k, v in data.items() if k not in ("start", "end")}
    return TimeValue(
        start=_point_from_json(data.get("start")), end=_point_from_json(data.get("end")), **rest
    )


def day_key(day: tuple[int, int, int] | None) -> int | None:
    """``year*10000 + month*100 + day``: sorts like the days, negative years too."""
    if day is None:
        return None
    y, m, d = day
    return y * 10000 + m * 100 + d


def evidence_to_json(evidence: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [
        {"source": e.source, "start": e.start, "end": e.end, "quote": e.quote} for e in evidence
    ]


def evidence_from_json(data: list[dict[str, Any]]) -> tuple[Evidence, ...]:
    return tuple(Evidence(x["source"], x["start"], x["end"], x["quote"]) for x in data)


def sides_to_json(sides: tuple[tuple[str, tuple[Evidence, ...]], ...]) -> list[dict[str, Any]]:
    return [{"claim": claim, "evidence": evidence_to_json(evs)} for claim, evs in sides]


def sides_from_json(data: list[dict[str, Any]]) -> tuple[tuple[str, tuple[Evidence, ...]], ...]:
    return tuple((side["claim"], evidence_from_json(side["evidence"])) for side in data)


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def items_to_json(items: tuple[SourceItem, ...]) -> list[dict[str, Any]]:
    """A structured source's items."""
    return [
        {
            "title": item.title,
            "span": _span(item.span),
            "title_span": _span(item.title_span),
            "when": when_to_json(item.when),
            "kind": item.kind,
            "link": item.link,
            "media": item.media,
            "group": item.group,
        }
        for item in items
    ]


def items_from_json(data: list[dict[str, Any]]) -> tuple[SourceItem, ...]:
    """Inverse of ``items_to_json``."""
    return tuple(
        SourceItem(
            title=x["title"],
            span=Span(*x["span"]),
            title_span=Span(*x["title_span"]) if x["title_span"] else None,
            when=when_from_json(x["when"]),
            kind=x["kind"],
            link=x["link"],
            media=x["media"],
            group=x["group"],
        )
        for x in data
    )


def event_to_json(event: Event) -> dict[str, Any]:
    """Every field of an ``Event``: what history keeps as "before" and "after"."""
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "when": when_to_json(event.when),
        "edtf": event.when.edtf if event.when else None,
        "basis": event.basis,
        "evidence": evidence_to_json(event.evidence),
        "participants": [
            {"name": p.name, "kind": p.kind, "aliases": list(p.aliases)} for p in event.participants
        ],
        "date_text": event.date_text,
        "description": event.description,
        "link": event.link,
        "media": event.media,
        "claims": list(event.claims),
    }


def event_from_json(data: dict[str, Any]) -> Event:
    """Inverse of ``event_to_json``."""
    return Event(
        id=data["id"],
        title=data["title"],
        kind=data["kind"],
        when=when_from_json(data["when"]),
        basis=data["basis"],
        evidence=evidence_from_json(data["evidence"]),
        participants=tuple(
            Participant(p["name"], p["kind"], tuple(p["aliases"])) for p in data["participants"]
        ),
        date_text=data["date_text"],
        description=data["description"],
        link=data["link"],
        media=data["media"],
        claims=tuple(data["claims"]),
    )


def search_text(event: Event) -> str:
    """What full-text search indexes for an event."""
    parts = [event.title, event.description, event.date_text or ""]
    parts.extend(p.name for p in event.participants)
    return "\n".join(p for p in parts if p)
