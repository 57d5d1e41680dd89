"""Timetoast text exports: a title line, a "By AUTHOR" line, then one "•" bullet per item.

A normal item is ``  • Title``, a blank line, the title again on its own line, then the
description; a line holding only a date ("May 17, 1954") or a period ("Period: 1955 to
1956") before the repeated title dates the item. A period item is ``  • Period: X to Y``
(X and Y are empty when the export lost the dates), a blank line, the title line, then
the description. The source text is the file unchanged; items point into it. Leading
non-breaking spaces, CRLF line ends and a missing repeated title are tolerated (the title
is then the one on the bullet line)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronologist.errors import InputError
from chronologist.ingest._common import Raw, make_source
from chronologist.ingest.text import decode_text
from chronologist.models import Source, SourceItem, Span
from chronologist.timemodel import TimeValue

BULLET = "\u2022"
_NEWLINE = re.compile(r"\r\n|\r|\n")
_BY = re.compile(r"By\s+(?P<author>\S.*)")
_PERIOD = re.compile(r"Period:(?P<start>.*?)(?:^|\s)to(?:\s+(?P<end>.*))?", re.S)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the file, with leading and trailing whitespace (NBSP too) left out."""

    start: int
    end: int
    content: str
    """``text[start:end]``."""

    @property
    def is_bullet(self) -> bool:
        """True for a line starting an item."""
        return self.content.startswith(BULLET)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (``\\n``, ``\\r\\n`` or ``\\r`` ends), stripped, with offsets."""
    lines: list[Line] = []
    pos = 0
    for brk in [*_NEWLINE.finditer(text), None]:
        stop = brk.start() if brk else len(text)
        raw = text[pos:stop]
        content = raw.strip()
        start = pos + len(raw) - len(raw.lstrip())
        lines.append(Line(start, start + len(content), content))
        if brk:
            pos = brk.end()
    return lines


def looks_like_timetoast(text: str) -> bool:
    """True when the text opens like a Timetoast export: title, "By AUTHOR", a bullet."""
    head = [line for line in split_lines(text[:20_000]) if line.content][:3]
    return (
        len(head) == 3
        and not head[0].is_bullet
        and _BY.fullmatch(head[1].content) is not None
        and head[2].is_bullet
    )


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def parse_date(text: str) -> TimeValue | None:
    """A Timetoast date ("1921", "Mar 8, 1921", "1921-03-08"), or None when there is none."""
    text = text.strip()
    if not text:
        return None
    try:
        return TimeValue.from_edtf(text)
    except InputError:
        pass
    from chronologist.temporal import tag_times

    times = tag_times(text, genre="timetoast-export")
    when = times[0].when if times else None
    if when is not None and when.ref and when.start is None and when.end is None:
        return None  # "soon", "recently": no time a timeline can place
    return when


def period_when(start_text: str, end_text: str) -> TimeValue | None:
    """The range "X to Y"; an end that is missing stays unknown (not open)."""
    return join_range(parse_date(start_text), parse_date(end_text))


def join_range(start: TimeValue | None, end: TimeValue | None) -> TimeValue | None:
    """From the start of ``start`` to the end of ``end``, qualifiers kept; a missing side
    stays unknown (not open)."""
    if start is None and end is None:
        return None
    ends = [w for w in (start, end) if w is not None]
    return TimeValue(
        start=start.start if start else None,
        end=end.end if end else None,
        approximate=any(w.approximate for w in ends),
        uncertain=any(w.uncertain for w in ends),
    )


def _label(bullet: Line) -> Line:
    rest = bullet.content[len(BULLET) :]
    label = rest.strip()
    start = bullet.start + len(BULLET) + len(rest) - len(rest.lstrip())
    return Line(start, start + len(label), label)


def date_line(content: str) -> tuple[TimeValue, bool] | None:
    """A line that is only a date ("May 17, 1954") or a period ("Period: 1955 to 1956"):
    (its value, whether it is a period), else None."""
    period = _PERIOD.fullmatch(content)
    if period:
        when = period_when(period["start"], period["end"] or "")
        return (when, True) if when is not None else None
    from chronologist.temporal import tag_times

    body = content.strip(" .,;:-\u2013\u2014")
    times = tag_times(body, genre="timetoast-export")
    if len(times) == 1 and times[0].text == body and times[0].when.type == "DATE":
        return times[0].when, False
    if len(times) == 2 and times[0].interval is not None and times[0].span.start == 0:
        if times[1].span.end == len(body):  # "Dec 5, 1955 to Dec 20, 1956"
            return times[0].interval, True
    return None


def parse_item(bullet: Line, body: list[Line]) -> SourceItem:
    """One item from its bullet line and the lines up to the next bullet: a date line
    before the repeated title, when the export kept one, dates the item."""
    label = _label(bullet)
    filled = [line for line in body if line.content]
    period = _PERIOD.fullmatch(label.content)
    when = period_when(period["start"], period["end"] or "") if period else None
    is_period = period is not None
    while filled and not _same_title(filled[0].content, label.content):
        dated = date_line(filled[0].content)
        if dated is None:
            break
        when, is_period = dated[0], is_period or dated[1]
        filled = filled[1:]
    if filled and (period or _same_title(filled[0].content, label.content)):
        title_line = filled[0]
    else:  # the export left out the repeated title: use the one on the bullet line
        title_line = label
    end = max([title_line.end, *(line.end for line in filled)])
    return SourceItem(
        title=title_line.content,
        span=Span(title_line.start, end),
        title_span=Span(title_line.start, title_line.end),
        when=when,
        kind="period" if is_period else "event",
    )


def parse_items(lines: list[Line]) -> tuple[SourceItem, ...]:
    """Every bullet item, in file order."""
    bullets = [n for n, line in enumerate(lines) if line.is_bullet]
    bounds = zip(bullets, [*bullets[1:], len(lines)], strict=False)
    return tuple(parse_item(lines[b], lines[b + 1 : e]) for b, e in bounds)


def read_timetoast(raw: Raw) -> Source:
    """A Timetoast export: the file text unchanged, one item per bullet."""
    text = decode_text(raw.data, name=raw.name)
    lines = split_lines(text)
    items = parse_items(lines)
    if not items:
        raise InputError(
            f"Cannot read {raw.name!r} as a Timetoast export: no items (lines starting "
            f"with {BULLET!r}) found.",
            hint="Read it as plain text instead (kind='text').",
        )
    first = next(n for n, line in enumerate(lines) if line.is_bullet)
    preamble = [line.content for line in lines[:first] if line.content]
    bys = [m for m in map(_BY.fullmatch, preamble[1:]) if m]
    return make_source(
        raw,
        kind="timetoast",
        text=text,
        title=preamble[0] if preamble else raw.stem,
        author=bys[0]["author"].strip() if bys else None,
        items=items,
    )
