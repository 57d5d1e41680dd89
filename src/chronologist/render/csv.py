"""CSV in TimelineJS's spreadsheet columns, plus ``EDTF`` and ``Sources``: one row per event.

The date columns follow the TimelineJS rules of ``render.timelinejs`` (historical negative
years, coarse units as first/last unit, ``Display Date`` for what the columns cannot say),
and ``Headline``/``Text``/``Display Date`` hold HTML-escaped text, since TimelineJS shows
them as HTML. ``EDTF`` keeps the exact date (astronomical years); ``Sources`` lists the
citations as ``source:start-end``. Undated events keep their row with an empty ``Year``.

Cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading apostrophe, except plain integers in the year
columns and EDTF values, which cannot hold a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from html import escape

from chronologist.formats import TIMELINEJS_COLUMNS
from chronologist.models import Conflict, Event, Timeline
from chronologist.render._common import (
    Rendered,
    conflicts_by_event,
    plural,
    safe_url,
    source_titles,
)
from chronologist.render.timelinejs import (
    DateFields,
    headline,
    slide_dates,
    slide_text,
    unsafe_links,
)

FORMAT = "csv"
SUFFIX = ".csv"
MEDIA_TYPE = "text/csv; charset=utf-8"

COLUMNS = (*TIMELINEJS_COLUMNS, "Sources")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_INTEGER = re.compile(r"-?\d+")
_EDTF = re.compile(r"[-0-9XY./~?%]+")
_SAFE_PATTERNS = {"Year": _INTEGER, "End Year": _INTEGER, "EDTF": _EDTF}


def guard_cell(column: str, value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula."""
    if not value.startswith(_FORMULA_START):
        return value
    safe = _SAFE_PATTERNS.get(column)
    if safe is not None and safe.fullmatch(value):
        return value
    return "'" + value


def _time(fields: DateFields | None) -> str:
    if not fields or "hour" not in fields:
        return ""
    parts = [fields["hour"], fields.get("minute", "0"), fields.get("second")]
    return ":".join(f"{int(p):02d}" for p in parts if p is not None)


def _date_cells(fields: DateFields | None) -> list[str]:
    fields = fields or {}
    return [fields.get("year", ""), fields.get("month", ""), fields.get("day", ""), _time(fields)]


def _row(event: Event, titles: dict[str, str], conflicts: dict[str, list[Conflict]]) -> list[str]:
    dates = slide_dates(event.when)
    cs = conflicts.get(event.id, [])
    cells = [
        *_date_cells(dates.start if dates else None),
        *_date_cells(dates.end if dates else None),
        escape(dates.display or "") if dates else "",
        headline(event, cs),
        slide_text(event, titles, cs),
        safe_url(event.media) or "",
        "",
        "",
        "",
        "",
        "",
        "",
        (event.when.edtf if event.when else "") or "",
        "; ".join(f"{ev.source}:{ev.start}-{ev.end}" for ev in event.evidence),
    ]
    return [guard_cell(col, value) for col, value in zip(COLUMNS, cells, strict=True)]


def _notes(timeline: Timeline) -> tuple[str, ...]:
    events = timeline.events
    notes: list[str] = []
    undated = sum(1 for e in events if slide_dates(e.when) is None)
    if undated:
        notes.append(
            f"{plural(undated, 'undated event')} kept with an empty Year "
            "(TimelineJS rejects such rows)"
        )
    unsafe = sum(unsafe_links(e) for e in events)
    if unsafe:
        notes.append(f"{plural(unsafe, 'link/media URL')} left out: only http(s) URLs are kept")
    return tuple(notes)


def rows(timeline: Timeline) -> Sequence[list[str]]:
    """The header and one row per event, guarded against formula injection."""
    titles = source_titles(timeline)
    conflicts = conflicts_by_event(timeline)
    return [list(COLUMNS), *(_row(e, titles, conflicts) for e in timeline.events)]


def render_csv(timeline: Timeline) -> Rendered:
    """TimelineJS spreadsheet CSV (RFC 4180: CRLF line ends, minimal quoting)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows(timeline))
    return Rendered(buffer.getvalue(), MEDIA_TYPE, _notes(timeline))
