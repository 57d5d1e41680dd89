"""TimelineJS spreadsheet CSV (one row per slide, TimelineJS's column names), and plain
chronology tables ("Date, Event, Notes": see ``GENERIC``; dates as people write them).

Columns (header names case-insensitive, order free, unknown columns ignored): Year, Month,
Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media,
Media Credit, Media Caption, Media Thumbnail, Type, Group, Background; plus an optional
EDTF column which, when filled, wins over the date columns. A row of Type "title" gives
the source title; Type "era" rows are "period" items. The text is synthesized as for
TimelineJS JSON, and negative years follow TimelineJS (``-44`` is 44 BCE, see
``timelinejs``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator

from chronologist.errors import InputError
from chronologist.formats import TIMELINEJS_COLUMNS
from chronologist.ingest._common import Raw, TextBuilder, make_source
from chronologist.ingest._markup import strip_tags
from chronologist.ingest.text import decode_text
from chronologist.ingest.timelinejs import date_point, date_range
from chronologist.models import Source, SourceItem
from chronologist.timemodel import TimePoint, TimeValue

COLUMNS = TIMELINEJS_COLUMNS
"""The columns we know, as TimelineJS's template spells them (EDTF is ours)."""
_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?(?::(?P<second>\d{2}))?(?:\.\d+)?"
    r"\s*(?P<ampm>[ap])?\.?(?:m\.?)?",
    re.I,
)

Row = Callable[[str], str]
"""A row's value by column name (stripped; "" when absent)."""


def _key(column: str) -> str:
    return " ".join(column.split()).casefold()


def _delimiter(header: str) -> str:
    return max(",;\t", key=header.count)


def _time_parts(value: str, where: str) -> dict[str, object]:
    if not value:
        return {}
    m = _TIME.fullmatch(value)
    if not m:
        raise InputError(f"{where}: not a time ({value!r}); expected HH:MM or HH:MM:SS.")
    hour = int(m["hour"])
    if m["ampm"]:
        if not 1 <= hour <= 12:
            raise InputError(f"{where}: {value!r} is not a 12-hour time.")
        hour = hour % 12 + (12 if m["ampm"].lower() == "p" else 0)
    return {"hour": hour, "minute": m["minute"], "second": m["second"]}


def _point(row: Row, prefix: str, where: Callable[[str], str]) -> TimePoint:
    parts: dict[str, object] = {
        "year": row(prefix + "Year"),
        "month": row(prefix + "Month"),
        "day": row(prefix + "Day"),
    }
    parts |= _time_parts(row(prefix + "Time"), where(prefix + "Time"))
    columns = {"year": "Year", "month": "Month", "day": "Day"}
    return date_point(parts, lambda part: where(prefix + columns.get(part, "Time")))


def _when(row: Row, where: Callable[[str], str]) -> TimeValue:
    edtf = row("EDTF")
    if edtf:
        try:
            return TimeValue.from_edtf(edtf)
        except InputError as exc:
            raise InputError(f"{where('EDTF')}: {exc}") from exc
    if not row("Year"):
        raise InputError(f"{where('Year')}: empty (every slide but the title needs a date).")
    start = _point(row, "", where)
    ends = [row("End " + part) for part in ("Year", "Month", "Day", "Time")]
    end = _point(row, "End ", where) if any(ends) else None
    return date_range(start, end)


def _item(builder: TextBuilder, row: Row, where: Callable[[str], str]) -> SourceItem:
    when = _when(row, where)
    headline = strip_tags(row("Headline")).replace("\n", " ")
    span, title_span = builder.add(headline, strip_tags(row("Text")))
    period = when.is_interval or row("Type").casefold() == "era"
    return SourceItem(
        title=headline,
        span=span,
        title_span=title_span,
        when=when,
        kind="period" if period else "event",
        media=row("Media") or None,
        group=row("Group") or None,
    )


GENERIC = {
    "Headline": ("event", "title", "name", "what", "happening"),
    "Date": ("date", "when", "start", "start date", "from", "begin", "dates"),
    "End": ("end", "end date", "to", "until"),
    "Text": ("description", "notes", "details", "summary", "text", "comment", "comments"),
}
"""A plain chronology table ("Date, Event, Notes"): our column for each of its names."""


def _generic(index: dict[str, int]) -> dict[str, int] | None:
    """The columns of a plain chronology table, or None when it is not one."""
    found: dict[str, int] = {}
    for ours, names in GENERIC.items():
        n = next((index[name] for name in names if name in index), None)
        if n is not None:
            found[_key(ours)] = n
    return found if "headline" in found and "date" in found else None


def _header(raw: Raw, header: list[str]) -> tuple[dict[str, int], bool]:
    """Column positions by our names, and whether the table is a plain chronology."""
    index: dict[str, int] = {}
    for n, column in enumerate(header):
        index.setdefault(_key(column), n)
    missing = [c for c in ("headline", "year") if c not in index]
    if missing == ["year"] and "edtf" in index:
        missing = []
    if missing:
        generic = _generic(index)
        if generic is not None:
            return generic, True
        raise InputError(
            f"Cannot read {raw.name!r} as a TimelineJS spreadsheet or a chronology table: "
            f"no {' or '.join(repr(c.title()) for c in missing)} column in the header "
            f"(line 1). Expected TimelineJS's columns ({', '.join(COLUMNS)}) or a table "
            f"with a Date and an Event column."
        )
    return index, False


def _plain_when(row: Row, where: Callable[[str], str]) -> TimeValue:
    """A chronology table's date ("1914-07-28", "November 11, 1918", "c. 1920") and end."""
    from chronologist.ingest.timetoast import join_range, parse_date

    start = parse_date(row("Date"))
    if start is None:
        raise InputError(f"{where('Date')}: not a date ({row('Date')!r}).")
    if not row("End"):
        return start
    end = parse_date(row("End"))
    if end is None:
        raise InputError(f"{where('End')}: not a date ({row('End')!r}).")
    joined = join_range(start, end)
    assert joined is not None  # both sides are dates
    return joined


def _plain_item(builder: TextBuilder, row: Row, where: Callable[[str], str]) -> SourceItem:
    when = _plain_when(row, where)
    headline = strip_tags(row("Headline")).replace("\n", " ")
    span, title_span = builder.add(headline, strip_tags(row("Text")))
    return SourceItem(
        title=headline,
        span=span,
        title_span=title_span,
        when=when,
        kind="period" if when.is_interval else "event",
    )


def _read_rows(
    raw: Raw, rows: Iterator[tuple[int, list[str]]], builder: TextBuilder
) -> tuple[str, list[SourceItem]]:
    """The title (from a "title" row) and the items of every other non-empty row."""
    _, header = next(rows, (0, None))
    if header is None:
        raise InputError(f"Cannot read {raw.name!r}: the file is empty.")
    index, plain = _header(raw, header)
    title = ""
    items: list[SourceItem] = []
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue

        def row(column: str, cells: list[str] = cells) -> str:
            n = index.get(_key(column))
            return cells[n].strip() if n is not None and n < len(cells) else ""

        def where(column: str, line: int = line) -> str:
            return f"{raw.name}: line {line}, column {column!r}"

        if plain:
            items.append(_plain_item(builder, row, where))
        elif row("Type").casefold() == "title":
            title = strip_tags(row("Headline")).replace("\n", " ")
            builder.add(title, strip_tags(row("Text")))
        else:
            items.append(_item(builder, row, where))
    return title, items


def read_csv(raw: Raw) -> Source:
    """A TimelineJS spreadsheet saved as CSV."""
    text = decode_text(raw.data, name=raw.name)
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    builder = TextBuilder()
    try:
        title, items = _read_rows(raw, ((reader.line_num, cells) for cells in reader), builder)
    except csv.Error as exc:
        raise InputError(
            f"Cannot read {raw.name!r}: bad CSV at line {reader.line_num}: {exc}."
        ) from exc
    return make_source(
        raw, kind="csv", text=builder.text(), title=title or raw.stem, items=tuple(items)
    )
