"""EDTF and TIMEX3 notations for ``TimeValue``: parse and format, both ways.

See ``chronologist.timemodel`` for the notations covered. Round trips are lossless for
every value the notation can hold: ``parse_edtf(format_edtf(v)) == v`` for values with
EDTF-expressible units (no weeks, parts of day or TIMEX3-only fields), and
``format_timex(parse_timex(s, mod))`` gives back ``s``.
"""

from __future__ import annotations

import re

from chronologist.errors import InvalidDate
from chronologist.timemodel import (
    MODS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_YEARS,
    TimePoint,
    TimeValue,
    add_months,
    days_in_month,
    from_day_number,
    unit_digits,
    unit_of,
)

_EDTF_POINT = re.compile(
    r"(?P<y>Y-?\d{5,12}|-?[0-9X]{4})"
    r"(?:-(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?)?"
    r"(?:T(?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?Z?)?"
    r"(?P<q>[~?%])?"
)
_TIMEX_POINT = re.compile(
    r"(?P<bc>BC)?(?P<y>\d{1,4}|XXXX)"
    r"(?:-(?:(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?"
    r"|W(?P<w>\d{2}|XX)(?:-(?P<wd>[1-7]|WE|WD))?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?:(?P<part>MO|MI|AF|EV|NI|DT)|(?P<hh>\d{2})(?::(?P<mi>\d{2})(?::(?P<ss>\d{2}))?)?))?"
)
_DURATION = re.compile(
    r"P(?:[0-9.X]+[YMWDEQ]|T[0-9.X]+[HMS])+|PT?X+[A-Z]?|P(?:[0-9.X]+[YMWDEHSCQ]|T[0-9.X]+[HMS]|[0-9.X]+(?:DE|CE|ML))+"
)
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


# ----------------------------------------------------------------------------- EDTF
def _year_digits(year: int, keep: int) -> str:
    sign = "-" if year < 0 else ""
    digits = f"{abs(year):04d}"
    return sign + digits[:keep] + "X" * (4 - keep)


_KEEP = {"decade": 3, "century": 2, "millennium": 1}
"""Digits a unit of years writes before its X's."""


def _edtf_year(p: TimePoint) -> str:
    if p.year is None:
        return "XXXX"
    if p.granularity in _KEEP:
        digits = _year_digits(unit_digits(p), _KEEP[p.granularity])
        return digits if p.year >= 0 or digits.startswith("-") else "-" + digits
    if abs(p.year) > 9999:
        return f"Y{p.year}"
    return f"-{abs(p.year):04d}" if p.year < 0 else f"{p.year:04d}"


def _edtf_day(day: tuple[int, int, int]) -> str:
    y, m, d = day
    ys = f"-{abs(y):04d}" if y < 0 else f"{y:04d}"
    return f"{ys}-{m:02d}-{d:02d}"


def edtf_point(p: TimePoint, *, side: str = "both") -> str:
    """EDTF for one unit; weeks become their day interval (or a day, on one side)."""
    y = _edtf_year(p)
    g = p.granularity
    if g in ("year", "decade", "century", "millennium"):
        return y
    if g == "season" and p.sub:
        return f"{y}-{20 + p.sub}"
    if g == "quarter" and p.sub:
        return f"{y}-{32 + p.sub}"
    if g == "half" and p.sub:
        return f"{y}-{39 + p.sub}"
    if g == "week":
        lo, hi = p.earliest(), p.latest()
        if lo is None or hi is None:
            return y
        if side == "start":
            return _edtf_day(lo)
        if side == "end":
            return _edtf_day(hi)
        return f"{_edtf_day(lo)}/{_edtf_day(hi)}"
    month = f"{p.month:02d}" if p.month else "XX"
    if g == "month":
        return f"{y}-{month}"
    day = f"{p.day:02d}" if p.day else "XX"
    text = f"{y}-{month}-{day}"
    if g in ("hour", "minute", "second") and p.hour is not None:
        text += f"T{p.hour:02d}:{p.minute or 0:02d}:{p.second or 0:02d}"
    return text


def _narrowed(v: TimeValue) -> tuple[TimePoint | None, TimePoint | None]:
    """Apply START/MID/END to a single unit: the first, middle or last third of it."""
    p = v.start
    if v.mod not in ("START", "MID", "END") or p is None or v.start != v.end or p.year is None:
        return v.start, v.end
    third = {"START": 0, "MID": 1, "END": 2}[v.mod]
    g = p.granularity
    if g in ("decade", "century", "millennium"):
        years = p.span_years()
        assert years is not None
        size = years[1] - years[0] + 1
        cuts = [years[0], years[0] + size * 3 // 10, years[0] + size * 7 // 10, years[1] + 1]
        lo, hi = cuts[third], cuts[third + 1] - 1
        return TimePoint("year", year=lo), TimePoint("year", year=hi)
    if g == "year":
        lo_m, hi_m = [(1, 4), (5, 8), (9, 12)][third]
        return (
            TimePoint("month", year=p.year, month=lo_m),
            TimePoint("month", year=p.year, month=hi_m),
        )
    if g == "month" and p.month:
        last = days_in_month(p.year, p.month)
        lo_d, hi_d = [(1, 10), (11, 20), (21, last)][third]
        return (
            TimePoint("day", year=p.year, month=p.month, day=lo_d),
            TimePoint("day", year=p.year, month=p.month, day=hi_d),
        )
    return v.start, v.end


def bounds(v: TimeValue) -> tuple[TimePoint | None, TimePoint | None]:
    """The interval's two ends after applying START/MID/END."""
    return _narrowed(v)


def format_edtf(v: TimeValue) -> str:
    """Canonical EDTF string for a value ("" when it has no place on the time line)."""
    if (v.start is None and v.end is None) or v.type == "SET":
        return ""
    start, end = _narrowed(v)
    q = (
        "%"
        if v.approximate and v.uncertain
        else "~"
        if v.approximate
        else "?"
        if v.uncertain
        else ""
    )
    if start == end and start is not None and not (v.open_start or v.open_end):
        text = edtf_point(start)
        if "/" in text:  # a week: qualify both ends
            a, b = text.split("/")
            return f"{a}{q}/{b}{q}"
        return text + q
    a = ".." if v.open_start else (edtf_point(start, side="start") + q if start else "")
    b = ".." if v.open_end else (edtf_point(end, side="end") + q if end else "")
    return f"{a}/{b}"


def _parse_edtf_point(text: str, whole: str) -> tuple[TimePoint, str]:
    m = _EDTF_POINT.fullmatch(text)
    if not m:
        raise InvalidDate(f"Invalid EDTF date {whole!r}: cannot read {text!r}.")
    ys, ms, ds = m["y"], m["m"], m["d"]
    qual = m["q"] or ""
    if ys.startswith("Y"):
        return TimePoint("year", year=int(ys[1:])), qual
    neg = ys.startswith("-")
    digits = ys.lstrip("-")
    xs = len(digits) - len(digits.rstrip("X"))
    if ("X" in digits.rstrip("X") or (xs and ms)) and digits != "XXXX":
        raise InvalidDate(f"Invalid EDTF date {whole!r}: unsupported unspecified digits.")
    if digits == "XXXX":
        year = None
        gran_year = "year"
    else:
        base = int(digits.replace("X", "0"))
        year = -base if neg else base
        gran_year = {0: "year", 1: "decade", 2: "century", 3: "millennium"}[xs]
    if ms is None:
        if year is None:
            raise InvalidDate(f"Invalid EDTF date {whole!r}: the year is unknown.")
        if gran_year != "year":  # "-00XX" is -99..0: a year inside it is -base - 1
            return unit_of(gran_year, -base - 1 if neg else base), qual  # type: ignore[arg-type]
        return TimePoint(gran_year, year=year), qual  # type: ignore[arg-type]
    if gran_year != "year":
        raise InvalidDate(f"Invalid EDTF date {whole!r}: a month needs a full year.")
    month = None if ms == "XX" else int(ms)
    if ds is None and month is not None and month > 12:
        for gran, base_code, count in (("season", 20, 4), ("quarter", 32, 4), ("half", 39, 2)):
            if base_code < month <= base_code + count:
                return TimePoint(gran, year=year, sub=month - base_code), qual  # type: ignore[arg-type]
        raise InvalidDate(f"Invalid EDTF date {whole!r}: {ms} is not a month or season code.")
    if month is not None and not 1 <= month <= 12:
        raise InvalidDate(f"Invalid EDTF date {whole!r}: month {ms} is out of range.")
    if ds is None:
        return TimePoint("month", year=year, month=month), qual
    day = None if ds == "XX" else int(ds)
    if day is not None:
        limit = days_in_month(year if year is not None else 2000, month or 1) if month else 31
        if not 1 <= day <= limit:
            raise InvalidDate(f"Invalid EDTF date {whole!r}: day {ds} does not exist.")
    if m["hh"] is None:
        return TimePoint("day", year=year, month=month, day=day), qual
    hh, mi = int(m["hh"]), int(m["mi"])
    ss = int(m["ss"]) if m["ss"] else 0
    if hh > 23 or mi > 59 or ss > 59:
        raise InvalidDate(f"Invalid EDTF date {whole!r}: time out of range.")
    return TimePoint("second", year=year, month=month, day=day, hour=hh, minute=mi, second=ss), qual


def parse_edtf(text: str) -> TimeValue:
    """Parse an EDTF string into a ``TimeValue`` (raises ``InvalidDate``)."""
    text = text.strip()
    if not text or len(text) > 64:
        raise InvalidDate(f"Invalid EDTF date {text[:64]!r}: empty or too long.")
    if "/" not in text:
        point, qual = _parse_edtf_point(text, text)
        return TimeValue.point(
            point, approximate=qual in "~%" and bool(qual), uncertain=qual in "?%" and bool(qual)
        )
    parts = text.split("/")
    if len(parts) != 2:
        raise InvalidDate(f"Invalid EDTF interval {text!r}: more than one '/'.")
    a, b = parts
    start = end = None
    quals = ""
    if a not in ("..", ""):
        start, qa = _parse_edtf_point(a, text)
        quals += qa
    if b not in ("..", ""):
        end, qb = _parse_edtf_point(b, text)
        quals += qb
    if start is None and end is None:
        raise InvalidDate(f"Invalid EDTF interval {text!r}: both ends are open.")
    value = TimeValue(
        start=start,
        end=end,
        open_start=a == "..",
        open_end=b == "..",
        approximate=any(c in "~%" for c in quals),
        uncertain=any(c in "?%" for c in quals),
    )
    if start and end:
        lo, hi = start.earliest(), end.latest()
        if lo and hi and lo > hi:
            raise InvalidDate(f"Invalid EDTF interval {text!r}: it ends before it starts.")
    return value


# ---------------------------------------------------------------------------- TIMEX3
def _timex_year(p: TimePoint) -> str:
    if p.year is None:
        return "XXXX"
    keep = _KEEP.get(p.granularity, 4)
    if keep == 4:  # years and every unit inside a year
        return f"BC{1 - p.year:04d}" if p.year <= 0 else f"{p.year:04d}"
    digits = f"{abs(unit_digits(p)):04d}"[:keep]
    return "BC" + digits if p.year < 0 else digits


def timex_point(p: TimePoint) -> str:
    """TIMEX3 value of one unit."""
    y = _timex_year(p)
    g = p.granularity
    if g in ("year", "decade", "century", "millennium"):
        return y
    if g == "season" and p.sub:
        return f"{y}-{SEASONS[p.sub - 1]}"
    if g == "quarter":
        return f"{y}-Q{p.sub}"
    if g == "half":
        return f"{y}-H{p.sub}"
    if g == "week" or (p.weekday and p.day is None):
        week = f"W{p.sub:02d}" if p.sub else "WXX"
        if p.part in ("WE", "WD"):
            return f"{y}-{week}-{p.part}"
        text = f"{y}-{week}" + (f"-{p.weekday}" if p.weekday else "")
        if p.part:
            text += f"T{p.part}"
        return text
    month = f"{p.month:02d}" if p.month else "XX"
    if g == "month":
        return f"{y}-{month}"
    text = f"{y}-{month}-{p.day:02d}" if p.day else f"{y}-{month}-XX"
    if g == "partofday" and p.part:
        return f"{text}T{p.part}"
    if g in ("hour", "minute", "second") and p.hour is not None:
        text += f"T{p.hour:02d}" if g == "hour" else f"T{p.hour:02d}:{p.minute or 0:02d}"
        if g == "second":
            text += f":{p.second or 0:02d}"
    return text


def span_duration(start: TimePoint, end: TimePoint) -> str:
    """ISO 8601 duration covered by an interval, in its coarser unit: days and months
    counted inclusively (June 9-23 is 15 days), years as their difference."""
    lo, hi = start.earliest(), end.latest()
    if lo is None or hi is None:
        return "PXY"
    g = max(
        start.granularity,
        end.granularity,
        key=lambda x: ("day", "month", "year").index(x) if x in ("day", "month", "year") else 2,
    )
    if g == "day":
        from chronologist.timemodel import day_number

        return f"P{day_number(*hi) - day_number(*lo) + 1}D"
    if g == "month":
        return f"P{(hi[0] - lo[0]) * 12 + hi[1] - lo[1] + 1}M"
    if start.granularity == end.granularity == "year":
        return f"P{max(hi[0] - lo[0], 1)}Y"  # "reigned 1643-1715": 72 years, not 73
    return f"P{hi[0] - lo[0] + 1}Y"


def format_timex(v: TimeValue) -> str:
    """TIMEX3 value string."""
    if v.ref:
        return v.ref
    if (v.type == "DURATION" or (v.type == "SET" and v.duration)) and v.duration:
        return v.duration
    if v.open_start and v.end:
        return timex_point(v.end)
    if v.open_end and v.start:
        return timex_point(v.start)
    if v.start and v.end and v.start != v.end:
        unit = _holding(v.start, v.end) if v.type in ("DATE", "TIME") else None
        return timex_point(unit) if unit else span_duration(v.start, v.end)
    if v.start:
        return timex_point(v.start)
    return "XXXX"


def _holding(start: TimePoint, end: TimePoint) -> TimePoint | None:
    """The end of a date's span that holds the other ("later that year": from 24 August
    2006 to the end of 2006 is a part of 2006)."""
    from chronologist.temporal.anchor import coarsen

    if coarsen(start, end.granularity) == end:
        return end
    if coarsen(end, start.granularity) == start:
        return start
    return None


def parse_timex(value: str, mod: str | None = None, type: str | None = None) -> TimeValue:
    """Parse a TIMEX3 value and mod into a ``TimeValue`` (raises ``InvalidDate``)."""
    if mod is not None and mod not in MODS:
        raise InvalidDate(f"Unknown TIMEX3 mod {mod!r}. Valid: {', '.join(MODS)}.")
    approx = mod == "APPROX"
    if value in REFS:
        return TimeValue(type="DATE", ref=value, mod=mod)
    if value.startswith("P"):
        if not _DURATION.fullmatch(value):
            raise InvalidDate(f"Invalid TIMEX3 duration {value!r}.")
        kind = "SET" if type == "SET" else "DURATION"
        return TimeValue(type=kind, duration=value, mod=mod, approximate=approx)  # type: ignore[arg-type]
    m = _TIMEX_POINT.fullmatch(value)
    if not m:
        raise InvalidDate(f"Invalid TIMEX3 value {value!r}.")
    p = _timex_point_from_match(m, value)
    t = type or ("TIME" if p.granularity in ("hour", "minute", "second", "partofday") else "DATE")
    if p.weekday and p.sub is None and p.year is None:
        t = type or "SET"
    kw: dict[str, object] = {"type": t, "mod": mod, "approximate": approx}
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return TimeValue(end=p, open_start=True, **kw)  # type: ignore[arg-type]
    if mod in ("AFTER", "ON_OR_AFTER"):
        return TimeValue(start=p, open_end=True, **kw)  # type: ignore[arg-type]
    return TimeValue.point(p, **kw)


def _timex_point_from_match(m: re.Match[str], value: str) -> TimePoint:
    ys = m["y"]
    bc = bool(m["bc"])
    if ys == "XXXX":
        year = None
        gran = "year"
    else:
        n = int(ys)
        gran = {4: "year", 3: "decade", 2: "century", 1: "millennium"}[len(ys)]
        if gran == "year":
            year = 1 - n if bc else n
        else:
            scale = UNIT_YEARS[gran]
            # "BC04" is -04XX (-499..-400); "BC00" is -00XX (-99..0)
            year = unit_of(gran, -n * scale - 1 if bc else n * scale).year  # type: ignore[arg-type]
    if m["s"]:
        return TimePoint("season", year=year, sub=SEASONS.index(m["s"]) + 1)
    if m["q"]:
        return TimePoint("quarter", year=year, sub=int(m["q"]))
    if m["h"]:
        return TimePoint("half", year=year, sub=int(m["h"]))
    if m["w"]:
        week = None if m["w"] == "XX" else int(m["w"])
        wd = m["wd"]
        if wd in ("WE", "WD"):
            return TimePoint("week", year=year, sub=week, part=wd)
        if wd:
            return TimePoint("day", year=year, sub=week, weekday=int(wd), part=m["part"])
        return TimePoint("week", year=year, sub=week)
    if gran != "year" and (m["m"] or m["part"] or m["hh"]):
        raise InvalidDate(f"Invalid TIMEX3 value {value!r}: a month needs a full year.")
    if m["m"] is None:
        return TimePoint(gran, year=year)  # type: ignore[arg-type]
    month = None if m["m"] == "XX" else int(m["m"])
    if month is not None and not 1 <= month <= 12:
        raise InvalidDate(f"Invalid TIMEX3 value {value!r}: month out of range.")
    if m["d"] is None:
        return TimePoint("month", year=year, month=month)
    day = None if m["d"] == "XX" else int(m["d"])
    if day is not None and month is not None:
        if not 1 <= day <= days_in_month(year if year is not None else 2000, month):
            raise InvalidDate(f"Invalid TIMEX3 value {value!r}: day out of range.")
    if m["part"]:
        return TimePoint("partofday", year=year, month=month, day=day, part=m["part"])
    if m["hh"] is not None:
        hh, mi, ss = int(m["hh"]), int(m["mi"] or 0), m["ss"]
        if hh > 24 or mi > 59:
            raise InvalidDate(f"Invalid TIMEX3 value {value!r}: time out of range.")
        gran_t = "second" if ss else "minute" if m["mi"] else "hour"
        sec = int(ss) if ss else None
        return TimePoint(
            gran_t,  # type: ignore[arg-type]
            year=year,
            month=month,
            day=day,
            hour=hh,
            minute=int(m["mi"]) if m["mi"] else None,
            second=sec,
        )
    return TimePoint("day", year=year, month=month, day=day)


__all__ = [
    "REFS",
    "bounds",
    "edtf_point",
    "format_edtf",
    "format_timex",
    "parse_edtf",
    "parse_timex",
    "span_duration",
    "timex_point",
]

# Keep helpers referenced for type checkers that flag unused imports.
_UNUSED = (PARTS_OF_DAY, add_months, from_day_number)
