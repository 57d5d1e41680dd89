"""TimelineJS3 JSON (``*.timelinejs.json``): one slide per dated event.

Dates are written at the event's granularity: ``{"year"}``, ``{"year", "month"}`` or
``{"year", "month", "day"}`` (plus ``hour``/``minute``/``second`` for times). Units
TimelineJS has no field for become their first and last unit: a decade is a slide from
its first year to its last, a season from its first month to its last, a week from its
Monday to its Sunday. Values are strings, as in TimelineJS's own samples.

**BCE years.** TimelineJS3 shows a negative ``year`` with the absolute value and the era
suffix "BCE" (``Language.formatJSDate`` and ``era_labels.negative_year`` in its
``Language.js``), so ``"year": "-44"`` is displayed as "44 BCE": TimelineJS years are
historical, with no year 0. Our years are astronomical (0 is 1 BCE, -43 is 44 BCE), so a
year ``y <= 0`` is written ``y - 1``: -43 → -44 and 0 → -1; years from 1 on are unchanged.
(Its time axis places ``-44`` as JavaScript's astronomical -44, one year early against CE
dates; the labels people read are right, and the order is kept.)

``display_date`` carries our human form ("c. 1907", "before 1917", "1920s") whenever the
date fields do not say everything. Undated events cannot be held and are left out; open
ends cannot be held either (an open start is placed at the known end). Every text
(headline, description, quotes, source titles) is HTML-escaped: TimelineJS inserts them
as HTML. Links and media are kept only when they are absolute http(s) URLs.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from html import escape

from chronologist.formats import timelinejs_year
from chronologist.models import Conflict, Event, Timeline
from chronologist.render._common import (
    Rendered,
    anchor_ids,
    conflicts_by_event,
    human_date,
    is_qualified,
    one_line,
    plural,
    safe_url,
    source_titles,
)
from chronologist.temporal.notation import bounds
from chronologist.timemodel import TimePoint, TimeValue

FORMAT = "timelinejs"
SUFFIX = ".timelinejs.json"
MEDIA_TYPE = "application/json"

_PLAIN_UNITS = ("year", "month", "day", "hour", "minute", "second")
_JS_MIN_YEAR, _JS_MAX_YEAR = -271820, 275759
"""Years a JavaScript ``Date`` holds whole; beyond them TimelineJS needs its cosmological scale."""

DateFields = dict[str, str]
_NOTES = (
    ("undated", "undated event", "{n} left out: TimelineJS needs a start date"),
    ("open_start", "event", "open start of {n} can't be held: placed at the known end"),
    ("open_end", "event", "open end of {n} can't be held: shown from the start only"),
    ("qualified", "date", "approximate/uncertain qualifiers of {n} lost (kept in display_date)"),
    ("julian", "date", "Julian calendar of {n} lost: TimelineJS assumes Gregorian dates"),
    ("unsafe", "link/media URL", "{n} left out: only http(s) URLs are kept"),
    ("cosmological", "date", "{n} shown by year only (TimelineJS cosmological scale)"),
)


def _day_fields(day: tuple[int, int, int], *, depth: int = 3) -> DateFields:
    keys = ("year", "month", "day")[:depth]
    values = (timelinejs_year(day[0]), day[1], day[2])
    return {k: str(v) for k, v in zip(keys, values, strict=False)}


def _time_fields(p: TimePoint) -> DateFields:
    if p.granularity not in ("hour", "minute", "second") or p.hour is None:
        return {}
    out = {"hour": str(p.hour), "minute": str(p.minute or 0)}
    if p.granularity == "second":
        out["second"] = str(p.second or 0)
    return out


def point_fields(p: TimePoint, *, last: bool) -> DateFields | None:
    """TimelineJS date fields for the first (or ``last``) part of one unit; None if no year."""
    day = p.latest() if last else p.earliest()
    if p.year is None or day is None:
        return None
    g = p.granularity
    if g in ("year", "decade", "century", "millennium") or p.month is None:
        return _day_fields(day, depth=1)
    if g in ("month", "season", "quarter", "half") or (g != "week" and p.day is None):
        return _day_fields(day, depth=2)
    return _day_fields(day) | _time_fields(p)


@dataclass(frozen=True, slots=True)
class SlideDates:
    """Where an event goes on a TimelineJS time line."""

    start: DateFields
    end: DateFields | None
    display: str | None
    """``display_date``: our human form, when the fields do not say everything."""
    open_start: bool = False
    open_end: bool = False


def _needs_display(when: TimeValue) -> bool:
    units = [p.granularity for p in (when.start, when.end) if p is not None]
    return (
        is_qualified(when)
        or when.open_start
        or when.open_end
        or when.calendar == "julian"
        or bool(when.mod)
        or any(u not in _PLAIN_UNITS for u in units)
        or when.start is None
        or when.end is None
    )


def slide_dates(when: TimeValue | None) -> SlideDates | None:
    """TimelineJS start/end dates of a value, or None when it has no known year."""
    if when is None:
        return None
    lo, hi = bounds(when)
    start = point_fields(lo, last=False) if lo else None
    end = point_fields(hi, last=True) if hi else None
    open_start = start is None
    if start is None:
        start = point_fields(hi, last=False) if hi else None
    if start is None:
        return None
    display = human_date(when) if _needs_display(when) else None
    return SlideDates(start, end if end != start else None, display, open_start, end is None)


# ------------------------------------------------------------------------------ text
def headline(event: Event, conflicts: list[Conflict]) -> str:
    """The slide headline (HTML)."""
    text = escape(one_line(event.title))
    return text + " (sources disagree)" if conflicts else text


def slide_text(event: Event, titles: dict[str, str], conflicts: list[Conflict]) -> str:
    """The slide text (HTML): description, participants, quotes with sources, conflicts."""
    parts: list[str] = []
    if event.description:
        parts.append(f"<p>{escape(event.description)}</p>")
    if event.participants:
        names = ", ".join(escape(p.name) for p in event.participants)
        parts.append(f"<p>Participants: {names}</p>")
    for ev in event.evidence:
        title = escape(titles.get(ev.source, ev.source))
        parts.append(f"<blockquote>{escape(one_line(ev.quote))}</blockquote><p>— {title}</p>")
    link = safe_url(event.link)
    if link:
        parts.append(f'<p><a href="{escape(link)}">{escape(link)}</a></p>')
    for conflict in conflicts:
        claims = "; ".join(escape(one_line(claim)) for claim, _ in conflict.sides)
        topic = escape(one_line(conflict.topic))
        parts.append(f"<p><strong>Sources disagree</strong> about {topic}: {claims}</p>")
    return "".join(parts)


def unsafe_links(event: Event) -> int:
    """How many of the event's link and media are not http(s) URLs."""
    return sum(1 for url in (event.link, event.media) if url and not safe_url(url))


# ------------------------------------------------------------------------ rendering
def _slide(
    event: Event, dates: SlideDates, titles: dict[str, str], uid: str, cs: list[Conflict]
) -> dict[str, object]:
    slide: dict[str, object] = {"start_date": dates.start}
    if dates.end:
        slide["end_date"] = dates.end
    if dates.display:
        slide["display_date"] = escape(dates.display)
    slide["text"] = {"headline": headline(event, cs), "text": slide_text(event, titles, cs)}
    media = safe_url(event.media)
    if media:
        slide["media"] = {"url": media}
    slide["unique_id"] = uid
    slide["autolink"] = False
    return slide


def _years(dates: SlideDates) -> list[int]:
    return [int(d["year"]) for d in (dates.start, dates.end) if d]


def _notes(tally: Counter[str]) -> tuple[str, ...]:
    return tuple(
        template.format(n=plural(tally[key], noun)) for key, noun, template in _NOTES if tally[key]
    )


def timeline_to_timelinejs(timeline: Timeline) -> tuple[dict[str, object], tuple[str, ...]]:
    """The TimelineJS3 JSON object and the notes on what it could not hold."""
    titles = source_titles(timeline)
    conflicts = conflicts_by_event(timeline)
    tally: Counter[str] = Counter()
    slides: list[dict[str, object]] = []
    years: list[int] = []
    events = list(timeline.events)
    for event, uid in zip(events, anchor_ids(e.id for e in events), strict=True):
        tally["unsafe"] += unsafe_links(event)
        dates = slide_dates(event.when)
        if dates is None:
            tally["undated"] += 1
            continue
        when = event.when
        tally["open_start"] += dates.open_start
        tally["open_end"] += dates.open_end
        tally["qualified"] += is_qualified(when)
        tally["julian"] += when is not None and when.calendar == "julian"
        years.extend(_years(dates))
        slides.append(_slide(event, dates, titles, uid, conflicts.get(event.id, [])))
    sources = "; ".join(escape(one_line(s.title or s.id)) for s in timeline.sources)
    out: dict[str, object] = {
        "title": {"text": {"headline": escape(one_line(timeline.title)), "text": sources}},
        "events": slides,
    }
    if any(not _JS_MIN_YEAR <= y <= _JS_MAX_YEAR for y in years):
        out["scale"] = "cosmological"
        tally["cosmological"] = len(slides)
    return out, _notes(tally)


def render_timelinejs(timeline: Timeline) -> Rendered:
    """TimelineJS3 JSON."""
    data, notes = timeline_to_timelinejs(timeline)
    return Rendered(json.dumps(data, indent=2, ensure_ascii=False) + "\n", MEDIA_TYPE, notes)
