"""TimelineJS3 JSON: a title slide, ``events`` (slides) and ``eras``.

The source text is synthesized: per slide its headline, a newline, its text (HTML tags
stripped, entities decoded) and a blank line; each slide becomes a ``SourceItem`` whose
spans point into that text. Eras become "period" items after the events.

**Years.** TimelineJS writes BCE years as negative *historical* numbers: it shows year
``-44`` as "44 BCE". Our ``TimeValue`` uses astronomical years (44 BCE is ``-43``), so a
negative TimelineJS year ``y`` becomes ``y + 1``; years >= 0 are kept (TimelineJS has no
"year 0" in its display; we read 0 as astronomical 0, i.e. 1 BCE).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from chronologist.errors import InputError
from chronologist.formats import astronomical_year
from chronologist.ingest._common import Raw, TextBuilder, make_source
from chronologist.ingest._markup import strip_tags
from chronologist.ingest.text import decode_text
from chronologist.models import EventKind, Source, SourceItem
from chronologist.timemodel import Granularity, TimePoint, TimeValue, days_in_month

DATE_PARTS: tuple[tuple[str, Granularity, int, int], ...] = (
    ("month", "month", 1, 12),
    ("day", "day", 1, 31),
    ("hour", "hour", 0, 23),
    ("minute", "minute", 0, 59),
    ("second", "second", 0, 59),
)
"""(field, granularity it sets, lowest, highest), coarse to fine, after the year."""


def to_int(value: object, where: str) -> int | None:
    """A date part as an int (JSON number or numeric string); None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}: not a number ({value!r}).")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("+-").isdigit() and text.isascii():
            return int(text)
    raise InputError(f"{where}: not a number ({value!r}).")


def date_point(parts: Mapping[str, object], where: Callable[[str], str]) -> TimePoint:
    """A TimelineJS date object (``{"year": "1922", "month": "4"}``) as a ``TimePoint``.

    The granularity is the finest part given; a part needs every coarser part before it.
    ``where(part)`` names a part's place in the input for messages.
    """
    year = to_int(parts.get("year"), where("year"))
    if year is None:
        raise InputError(f"{where('year')}: missing (every date needs a year).")
    values: dict[str, int] = {"year": astronomical_year(year)}
    granularity: Granularity = "year"
    previous = "year"
    for name, gran, low, high in DATE_PARTS:
        value = to_int(parts.get(name), where(name))
        if value is not None:
            if previous not in values:
                raise InputError(f"{where(name)}: given without {previous}.")
            if name == "day":
                high = days_in_month(values["year"], values["month"])
            if not low <= value <= high:
                raise InputError(f"{where(name)}: {value} is out of range ({low}-{high}).")
            values[name], granularity = value, gran
        previous = name
    to_int(parts.get("millisecond"), where("millisecond"))  # checked, too fine to keep
    return TimePoint(
        granularity,
        year=values["year"],
        month=values.get("month"),
        day=values.get("day"),
        hour=values.get("hour"),
        minute=values.get("minute"),
        second=values.get("second"),
    )


def date_range(start: TimePoint, end: TimePoint | None) -> TimeValue:
    """A point, or a range when there is an end date."""
    return TimeValue.point(start) if end is None else TimeValue(start=start, end=end)


_KIND_NAMES: dict[type, str] = {dict: "an object", list: "a list", str: "a string"}


def _get(obj: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    """``obj[key]`` when it is of the expected JSON kind (or absent: None)."""
    value = obj.get(key)
    if value is not None and not isinstance(value, kind):
        raise InputError(f"{where}.{key}: not {_KIND_NAMES[kind]}.")
    return value


def _slide_text(slide: Mapping[str, Any], where: str) -> tuple[str, str]:
    text = _get(slide, "text", dict, where) or {}
    headline = _get(text, "headline", str, f"{where}.text") or ""
    body = _get(text, "text", str, f"{where}.text") or ""
    return strip_tags(headline).replace("\n", " "), strip_tags(body)


def _slide_date(slide: Mapping[str, Any], key: str, where: str) -> TimePoint | None:
    date = slide.get(key)
    if date is None:
        return None
    if not isinstance(date, dict):
        raise InputError(f'{where}.{key}: not an object (expected {{"year": ...}}).')
    return date_point(date, lambda part: f"{where}.{key}.{part}")


def _slide(
    builder: TextBuilder, slide: object, where: str, *, kind: EventKind = "event"
) -> SourceItem:
    if not isinstance(slide, dict):
        raise InputError(f"{where}: not an object.")
    start = _slide_date(slide, "start_date", where)
    if start is None:
        raise InputError(f"{where}.start_date: missing (every slide but the title needs one).")
    end = _slide_date(slide, "end_date", where)
    headline, body = _slide_text(slide, where)
    span, title_span = builder.add(headline, body)
    media = _get(slide, "media", dict, where) or {}
    url = _get(media, "url", str, f"{where}.media")
    link = _get(media, "link", str, f"{where}.media")
    group = _get(slide, "group", str, where)
    return SourceItem(
        title=headline,
        span=span,
        title_span=title_span,
        when=date_range(start, end),
        kind="period" if end is not None else kind,
        link=link or None,
        media=url or None,
        group=group or None,
    )


def _slides(data: Mapping[str, Any], key: str, name: str) -> list[object]:
    slides = data.get(key)
    if isinstance(slides, list):
        return slides
    if slides is None and key == "eras":
        return []
    found = "missing" if slides is None else f"not a list ({type(slides).__name__})"
    raise InputError(f'{name}: {key}: {found}; a TimelineJS file has an "{key}" list.')


def timelinejs_source(raw: Raw, data: Mapping[str, Any]) -> Source:
    """A TimelineJS document (already parsed JSON) as a source with one item per slide."""
    name = raw.name
    builder = TextBuilder()
    title = ""
    slide = data.get("title")
    if slide is not None:
        if not isinstance(slide, dict):
            raise InputError(f"{name}: title: not an object (the title slide).")
        title, body = _slide_text(slide, f"{name}: title")
        builder.add(title, body)
    items = [
        _slide(builder, slide, f"{name}: events[{n}]")
        for n, slide in enumerate(_slides(data, "events", name))
    ]
    items += [
        _slide(builder, slide, f"{name}: eras[{n}]", kind="period")
        for n, slide in enumerate(_slides(data, "eras", name))
    ]
    return make_source(
        raw,
        kind="timelinejs",
        text=builder.text(),
        title=title or raw.stem,
        items=tuple(items),
    )


def parse_json(raw: Raw) -> Any:
    """The JSON of a file; invalid JSON is reported with its line and column."""
    text = decode_text(raw.data, name=raw.name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"Cannot read {raw.name!r}: invalid JSON at line {exc.lineno}, "
            f"column {exc.colno}: {exc.msg}."
        ) from exc
    except RecursionError as exc:
        raise InputError(f"Cannot read {raw.name!r}: JSON nested too deeply.") from exc


def read_timelinejs(raw: Raw) -> Source:
    """A TimelineJS3 JSON file."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        raise InputError(
            f"Cannot read {raw.name!r}: not a TimelineJS file (the top level is not an object with "
            f'an "events" list).'
        )
    return timelinejs_source(raw, data)
