"""iCalendar (RFC 5545): one all-day VEVENT per event with two known ends in years 1-9999.

An event covers the days from its earliest to its latest possible day: ``DTSTART`` and an
exclusive ``DTEND`` (the day after), both ``VALUE=DATE``. ``DESCRIPTION`` holds the date as
people write it, the description and the citations. Lines end in CRLF and are folded at
75 octets; TEXT values escape backslash, ``;``, ``,`` and newlines, and lose other control
characters. ``DTSTAMP`` is fixed (the Unix epoch) so that one timeline always gives the
same file. Undated, open-ended and BCE events cannot be held and are left out.
"""

from __future__ import annotations

import re
from collections import Counter

from chronologist.models import Event, Timeline
from chronologist.render._common import (
    Rendered,
    human_date,
    is_qualified,
    one_line,
    plural,
    safe_url,
    source_titles,
)
from chronologist.temporal.notation import bounds
from chronologist.timemodel import Day, day_number, from_day_number

FORMAT = "ics"
SUFFIX = ".ics"
MEDIA_TYPE = "text/calendar; charset=utf-8"

PRODID = "-//chronologist//chronologist timeline//EN"
DTSTAMP = "19700101T000000Z"
_FOLD_OCTETS = 75
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_NOTES = (
    ("undated", "undated event", "{n} left out: iCalendar needs a date"),
    ("open", "open-ended event", "{n} left out: iCalendar needs both ends"),
    ("bce", "BCE event", "{n} left out: iCalendar dates start at year 1"),
    ("far", "post-9999 event", "{n} left out: iCalendar years end at 9999"),
    ("qualified", "date", "approximate/uncertain qualifiers of {n} kept only in DESCRIPTION"),
    ("julian", "Julian-calendar date", "{n} given as written: iCalendar is Gregorian"),
)


def ics_text(text: str) -> str:
    """An RFC 5545 TEXT value: ``\\``, ``;``, ``,`` and newlines escaped, controls dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROL.sub("", text.replace("\n", "\\n"))


def fold(line: str) -> list[str]:
    """A content line split into lines of at most 75 octets (continuations start with a space)."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        octets = len(ch.encode("utf-8"))
        if size + octets > _FOLD_OCTETS:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += octets
    out.append(current)
    return out


def _ics_date(day: Day) -> str:
    y, m, d = day
    return f"{y:04d}{m:02d}{d:02d}"


def day_span(event: Event) -> tuple[Day, Day] | str:
    """(first day, exclusive end day) of an event, or why it cannot be a VEVENT."""
    when = event.when
    if when is None or (when.start is None and when.end is None):
        return "undated"
    lo, hi = bounds(when)
    if when.open_start or when.open_end or lo is None or hi is None:
        return "open"
    first, last = lo.earliest(), hi.latest()
    if first is None or last is None:
        return "undated"
    end = from_day_number(day_number(*last) + 1)
    if first[0] < 1:
        return "bce"
    if end[0] > 9999:
        return "far"
    return first, end


def _description(event: Event, titles: dict[str, str]) -> str:
    parts = [human_date(event.when)]
    if event.description:
        parts.append(event.description)
    for ev in event.evidence:
        title = titles.get(ev.source, ev.source)
        parts.append(f'"{one_line(ev.quote)}" — {title} (chars {ev.start}–{ev.end})')
    return "\n\n".join(parts)


def _vevent(event: Event, span: tuple[Day, Day], titles: dict[str, str]) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ics_text(event.id)}@chronologist",
        f"DTSTAMP:{DTSTAMP}",
        f"DTSTART;VALUE=DATE:{_ics_date(span[0])}",
        f"DTEND;VALUE=DATE:{_ics_date(span[1])}",
        f"SUMMARY:{ics_text(one_line(event.title))}",
        f"DESCRIPTION:{ics_text(_description(event, titles))}",
    ]
    link = safe_url(event.link)
    if link:
        lines.append(f"URL:{link}")
    return [*lines, "END:VEVENT"]


def timeline_to_ics(timeline: Timeline) -> tuple[str, tuple[str, ...]]:
    """The calendar text and the notes on what it could not hold."""
    titles = source_titles(timeline)
    tally: Counter[str] = Counter()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{ics_text(one_line(timeline.title))}",
    ]
    for event in timeline.events:
        span = day_span(event)
        if isinstance(span, str):
            tally[span] += 1
            continue
        tally["qualified"] += is_qualified(event.when)
        tally["julian"] += event.when is not None and event.when.calendar == "julian"
        lines += _vevent(event, span, titles)
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in fold(line)]
    notes = tuple(t.format(n=plural(tally[k], noun)) for k, noun, t in _NOTES if tally[k])
    return "".join(line + "\r\n" for line in folded), notes


def render_ics(timeline: Timeline) -> Rendered:
    """An iCalendar file of the events with two known ends."""
    content, notes = timeline_to_ics(timeline)
    return Rendered(content, MEDIA_TYPE, notes)
