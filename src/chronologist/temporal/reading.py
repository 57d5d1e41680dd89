"""Readings: what a rule of the parser read, and how to place it on the calendar.

A rule returns a ``Reading``: a token range, a TIMEX3 type and a ``build`` function that
resolves the expression to a ``TimeValue`` against a ``Context`` (the document creation
time, the narrative's reference time). The combinators here wrap builders: written
dates, durations, approximation, bounds, "early/mid/late" modifiers, ranges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from chronologist.temporal import anchor as A
from chronologist.temporal import resolve as R
from chronologist.temporal.lexicon import Unit
from chronologist.temporal.notation import span_duration
from chronologist.temporal.resolve import Context
from chronologist.timemodel import TimePoint, TimeValue, days_in_month

Builder = Callable[[Context], TimeValue | None]


@dataclass(slots=True)
class Reading:
    """A parsed expression: token range, TIMEX3 type and how to resolve it."""

    i: int
    j: int
    type: str
    build: Builder
    anaphoric: bool = False
    explicit: bool = True
    """Explicit readings (a year is written) become the new reference time."""
    event_name: str | None = None
    fallback: Reading | None = None
    """A shorter reading to use when this one cannot be resolved."""
    shifted: bool = False
    """Reached by shifting another date ("a year ago"): not a new topic quarter."""
    reported: bool = False
    """A period told as ended ("the fourth quarter, which ended June 30"): the one being
    reported, even when its calendar quarter is still under way."""
    narrative_only: bool = False
    """Only a time expression in narrative ("at the time" in news is rarely one)."""
    passing: bool = False
    """Told in passing ("for the fiscal year"): it moves no narrative."""
    parts: tuple[Reading, Reading] | None = None
    """For "from 1921 to 1928": the two dates, tagged separately as TimeML does."""


def const(p: TimePoint) -> Builder:
    """A builder for a fully written date."""
    return lambda c: TimeValue.point(p)


def written_day(y: int, m: int, d: int, *, julian: bool) -> TimeValue:
    """A written day, in the Julian calendar or the Gregorian."""
    v = TimeValue.point(TimePoint("day", year=y, month=m, day=d))
    return v.with_(calendar="julian") if julian else v


def given(value: TimeValue) -> Builder:
    """A builder for a value known in advance."""
    return lambda c: value


def ref_builder(value: str) -> Builder:
    """A builder for PRESENT_REF / PAST_REF / FUTURE_REF."""
    return lambda c: R.ref(c, value)


def dur(value: str) -> Builder:
    """A builder for a duration."""
    return lambda c: TimeValue(type="DURATION", duration=value)


def year_back(i: int, j: int) -> Reading:
    """Tokens ``i:j`` name the period being reported, a year back ("the year-ago quarter")."""
    return Reading(i, j, "DATE", R.year_ago, anaphoric=True, explicit=False, shifted=True)


def rewrapped(inner: Reading, i: int, j: int, change: Callable[[TimeValue], TimeValue]) -> Reading:
    """``inner`` read over tokens ``i:j``, its value passed through ``change``."""
    b = inner.build

    def build(c: Context) -> TimeValue | None:
        v = b(c)
        return change(v) if v is not None else None

    back = inner.fallback  # "nearly three years after the uprising": the length, if need be
    fallback = rewrapped(back, i, back.j, change) if back is not None else None
    wrapped = Reading(i, j, inner.type, build, inner.anaphoric, inner.explicit, inner.event_name)
    wrapped.fallback = fallback
    if inner.parts is not None:  # "about 11:45 p.m. on Friday": the first mention changes
        first, second = inner.parts
        wrapped.parts = (rewrapped(first, i, first.j, change), second)
    return wrapped


def with_mod(inner: Reading, i: int, mod: str) -> Reading:
    """ "early 1990s", "nearly forty years": a TIMEX3 ``mod`` on the value ``inner`` reads."""

    def change(v: TimeValue) -> TimeValue:
        if mod in ("START", "MID", "END") and v.type == "DURATION":
            return v
        return v.with_(mod=mod, approximate=v.approximate or mod == "APPROX")

    return rewrapped(inner, i, inner.j, change)


def rest_of(inner: Reading, i: int, mod: str) -> Reading:
    """ "later that year", "earlier this month": the part of the unit ``inner`` reads after
    (``END``) or before (``START``) the time told within it; without one, the unit's last
    or first third."""

    def build(c: Context) -> TimeValue | None:
        v = inner.build(c)
        unit = v.start if v is not None else None
        if v is None or unit is None or v.start != v.end:
            return v
        for told in (c.then(), c.now()):
            if told is not None and told != unit and A.coarsen(told, unit.granularity) == unit:
                start, end = (told, unit) if mod == "END" else (unit, told)
                return v.with_(start=start, end=end, mod=mod)
        return v.with_(mod=mod)

    return Reading(i, inner.j, inner.type, build, anaphoric=inner.anaphoric, explicit=False)


def julian(inner: Reading) -> Reading:
    """ "March 3, 1649 (O.S.)": ``inner``'s date, in the Julian calendar (the note that says
    so is not part of the expression, as TimeML leaves out what is in brackets)."""
    return rewrapped(inner, inner.i, inner.j, lambda v: v.with_(calendar="julian"))


def approx(inner: Reading, i: int) -> Reading:
    """ "c. 1907", "around 1900": ``inner``'s value, approximate."""
    return rewrapped(inner, i, inner.j, lambda v: v.with_(approximate=True, mod=v.mod or "APPROX"))


def bounded(inner: Reading, i: int, mod: str) -> Reading:
    """ "prior to 1917", "by 1928", "after the war": an interval open on one side."""

    def change(v: TimeValue) -> TimeValue:
        if v.ref:
            return v
        # "before the war" ends where the war starts; "by 1928" and "after the war" use its end
        if mod in ("BEFORE", "ON_OR_BEFORE"):
            end = v.start if mod == "BEFORE" else v.end
            return v.with_(start=None, end=end, open_start=True, open_end=False, mod=mod)
        start = v.end if mod == "AFTER" else v.start
        return v.with_(start=start, end=None, open_end=True, open_start=False, mod=mod)

    return rewrapped(inner, i, inner.j, change)


def same_month(build: Builder, day: int) -> Builder:
    """Another day of the month ``build`` resolves to ("April 24 and 25")."""

    def other_day(c: Context) -> TimeValue | None:
        v = build(c)
        p = v.start if v is not None else None
        if p is None or p.month is None:
            return None
        if day > days_in_month(p.year if p.year is not None else 2000, p.month):
            return None
        return TimeValue.point(TimePoint("day", year=p.year, month=p.month, day=day))

    return other_day


def modded(build: Builder, mod: str) -> Builder:
    """The value ``build`` resolves to, with ``mod`` ("later this month": END; "by midyear":
    MID)."""

    def marked(c: Context) -> TimeValue | None:
        v = build(c)
        return v.with_(mod=mod) if v else None

    return marked


def with_end(build: Builder) -> Builder:
    """The value ``build`` resolves to, with mod END ("later this month")."""
    return modded(build, "END")


def span(first: Reading, second: Reading, *, split: bool = False) -> Reading:
    """ "1917-1921" (one DURATION over the interval) or, ``split``, "from 1921 to 1928"
    (two DATEs, each tagged, the interval kept for both)."""
    b1, b2 = first.build, second.build

    def build(c: Context) -> TimeValue | None:
        v1 = b1(c)
        v2 = b2(c)
        if v1 is None or v2 is None or v1.start is None or v2.end is None:
            return v1
        start, end = v1.start, v2.end
        # "July 20 - Aug. 6, 1789", "between April and July of that year": the first part
        # borrows the second's year (the year before, if it then came after the end)
        borrows = start.granularity in ("day", "month") and first.explicit is False
        if (start.year is None or borrows) and end.year is not None:
            start = replace(start, year=end.year)
            if start.granularity == "month" and (start.month or 0) > (end.month or 13):
                start = replace(start, year=end.year - 1)  # "from November to March 2008"
        lo, hi = start.earliest(), end.latest()
        if lo is not None and hi is not None and lo > hi and not second.explicit:
            # "from Wednesday through Sunday": the Sunday after that Wednesday (or, told in
            # the past, the Wednesday before that Sunday)
            # news tells the past by default, but not from today on ("runs from Friday
            # through Monday" said on a Friday: today to the coming Monday)
            today = c.dct is not None and A.same_day(start, c.dct)
            past = c.tense < 0 or (c.news and not c.tense and not today)
            if past and not first.explicit and start.granularity == "day":
                earlier = A.shift_day(start, -7)
                start, lo = (earlier, earlier.earliest()) if earlier else (start, lo)
            elif end.granularity == "day":
                later = A.shift_day(end, 7)
                end, hi = (later, later.latest()) if later else (end, hi)
        if lo is None or hi is None or lo > hi:
            return v1
        return TimeValue(type="DURATION", start=start, end=end, duration=span_duration(start, end))

    explicit = first.explicit or second.explicit
    parts = (first, second) if split else None
    kind = "DATE" if split else "DURATION"
    return Reading(first.i, second.j, kind, build, first.anaphoric, explicit, parts=parts)


def joined(a: str, b: str) -> str:
    """Two ISO 8601 durations told together ("P63Y" and "P7M": "P63Y7M"; "PT2H" and "PT9M":
    "PT2H9M"; "P1D" and "PT6H": "P1DT6H")."""
    a_date, _, a_time = a[1:].partition("T")
    b_date, _, b_time = b[1:].partition("T")
    time = a_time + b_time
    return "P" + a_date + b_date + ("T" + time if time else "")


def dur_value(letter: str, count: int | None, n: int, time: bool, *, half: bool = False) -> str:
    """ISO 8601 duration, with X for vague counts; decades and centuries in years."""
    if count is None:
        amount = "X"
        if n == 10:
            letter = "DE"
        elif n == 100:
            letter = "CE"
        elif n == 1000:
            letter = "ML"
    else:
        total = count * n
        if letter == "W" and n == 2:
            total = count * 2
        amount = str(total)
        if half:
            if letter == "Y":  # "two and a half centuries": P250Y; "a year and a half": P1Y6M
                return f"P{total + n // 2}Y" if n > 1 else f"P{total}Y6M"
            if letter == "H" and time:
                return f"PT{total}H30M"
            elif letter == "M" and time:
                return f"PT{total}M30S"
            elif letter in ("M", "W"):  # "four and a half months": P4.5M
                return f"P{total}.5{letter}"
            elif letter == "S" and time:  # "a second and a half": PT1.5S
                return f"PT{total}.5S"
            elif letter == "D":
                letter, amount = "H", str(total * 24 + 12)
                time = True
    return f"PT{amount}{letter}" if time else f"P{amount}{letter}"


def part_value(unit: Unit, num: int, den: int) -> str | None:
    """``num``/``den`` of one unit as a whole TIMEX3 duration in the unit or the next
    smaller one ("a quarter of a century" P25Y, "three-quarters of an hour" PT45M), or
    None when it is no whole number ("a quarter of a decade")."""
    if unit.timex == "Y" and unit.n * num % den == 0:
        return f"P{unit.n * num // den}Y"
    smaller = {("Y", False): ("", "M", 12), ("D", False): ("T", "H", 24)}
    smaller |= {("H", True): ("T", "M", 60), ("M", True): ("T", "S", 60)}
    found = smaller.get((unit.timex, unit.time)) if unit.n == 1 else None
    if found is None and unit.n == 1 and (num, den) == (1, 2) and unit.timex in "SWM":
        t = "T" if unit.time else ""  # "half a second": PT0.5S, as "four and a half months"
        return f"P{t}0.5{unit.timex}"  # is P4.5M
    if found is None or found[2] * num % den:
        return None
    t, timex, per = found
    return f"P{t}{per * num // den}{timex}"
