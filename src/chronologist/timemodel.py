"""The time model: one value type for "when", with EDTF and TIMEX3 notations.

A ``TimeValue`` is an interval between two calendar units (``TimePoint``), either of
which may be open ("before 1917" has an open start), plus qualifiers (approximate,
uncertain), a TIMEX3 ``mod``, the calendar the text used, and for TIMEX3 DURATION and
SET values the ISO 8601 duration.

Years are **astronomical**: year 0 is 1 BCE, year -43 is 44 BCE. Python's ``datetime``
cannot hold these years (nor years past 9999), so day arithmetic is done here on
proleptic Gregorian day numbers. EDTF uses astronomical years too (``-0043`` is 44 BC);
TIMEX3 writes BCE years as ``BC`` plus the historical year number (``BC0044``).

Notations:

* EDTF (ISO 8601-2): ``1922-04-03``, ``1917~``, ``192X``, ``19XX``, ``1921/1928``,
  ``../1917``, ``1924/..``, ``1922-23`` (seasons 21-24), ``1998-35`` (quarters 33-36),
  ``1998-40`` (halves 40-41), ``-0430``, ``Y-170000000``.
  Weeks and parts of days have no EDTF form: they are written as the day interval
  they cover (``1998-08-03/1998-08-09``) or as their day.
* TIMEX3 (TimeML): ``1998-08-07``, ``1998-W32``, ``1998-Q3``, ``1998-SU``, ``199``,
  ``19``, ``XXXX-08-07``, ``1998-08-07TEV``, ``P3Y``, ``PRESENT_REF``, plus ``mod``.

Calendars: a value keeps the day as the text wrote it, in the calendar it names
(``calendar="julian"`` for Old Style dates); its EDTF and TIMEX3 strings are those written
digits. Its bounds (``earliest``, ``latest``) and so its place in the order are
proleptic Gregorian days: 25 October 1917 (Old Style) sorts, merges and is drawn as
7 November 1917.

Sorting: ``TimeValue.sort_key`` orders by earliest possible day (open start first),
then latest possible day (open end last), then finer granularity first, then the EDTF
string, which makes the order total and deterministic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

Granularity = Literal[
    "second",
    "minute",
    "hour",
    "partofday",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "millennium",
]
GRANULARITIES: tuple[Granularity, ...] = get_args(Granularity)
"""Finest first."""
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Calendar = Literal["gregorian", "julian"]

SEASONS = ("SP", "SU", "FA", "WI")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
_SEASON_MONTHS = {1: (3, 5), 2: (6, 8), 3: (9, 11), 4: (12, 14)}  # winter runs into next year
MODS = (
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START",
    "MID",
    "END",
    "APPROX",
)

Day = tuple[int, int, int]


def is_leap(year: int) -> bool:
    """Proleptic Gregorian leap year, astronomical numbering."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in a month of the proleptic Gregorian calendar."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_number(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 for any proleptic Gregorian date (negative years too)."""
    y = year - (month <= 2)
    era = y // 400  # Python's // already floors: no C-style adjustment for y < 0
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def as_gregorian(day: Day | None, calendar: Calendar) -> Day | None:
    """The proleptic Gregorian day of a day written in ``calendar``."""
    if day is None or calendar == "gregorian":
        return day
    y, m, d = day
    a = (14 - m) // 12  # Julian calendar: March-based years, a leap day every fourth year
    yy, mm = y + 4800 - a, m + 12 * a - 3
    julian_day = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
    return from_day_number(julian_day - 2440588)  # 2440588: Julian day of 1970-01-01


def from_day_number(n: int) -> Day:
    """Inverse of ``day_number``."""
    n += 719468
    era = n // 146097
    doe = n - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return (yoe + era * 400 + (month <= 2), month, day)


def weekday(year: int, month: int, day: int) -> int:
    """ISO weekday, Monday = 1 ... Sunday = 7."""
    return (day_number(year, month, day) + 3) % 7 + 1


def iso_week(year: int, month: int, day: int) -> tuple[int, int]:
    """ISO (week-year, week number) of a date."""
    n = day_number(year, month, day)
    thursday = n - weekday(year, month, day) + 4
    wy = from_day_number(thursday)[0]
    first_thursday = day_number(wy, 1, 4) - weekday(wy, 1, 4) + 4
    return wy, (thursday - first_thursday) // 7 + 1


def week_start(week_year: int, week: int) -> int:
    """Day number of the Monday of an ISO week."""
    jan4 = day_number(week_year, 1, 4)
    return jan4 - (weekday(week_year, 1, 4) - 1) + 7 * (week - 1)


def weeks_in_year(year: int) -> int:
    """52 or 53 ISO weeks."""
    return iso_week(year, 12, 28)[1]


UNIT_YEARS = {"decade": 10, "century": 100, "millennium": 1000}
"""Years in the units of several years."""


def unit_of(granularity: Granularity, year: int) -> TimePoint:
    """The decade, century or millennium holding astronomical ``year``, by its written
    digits as EDTF has them: 1925 is in 192X (1920-1929), -450 in -04XX (-499..-400), -50
    in -00XX (-99..0). Year 0 is in both 00XX and -00XX; it is given the first."""
    size = UNIT_YEARS[granularity]
    if year >= 0:
        return TimePoint(granularity, year=year - year % size)
    return TimePoint(granularity, year=-((-year) // size * size + size - 1))


def unit_digits(p: TimePoint) -> int:
    """The written digits of a decade, century or millennium, as a number with the rest
    zero: 1920 for 192X, 400 for -04XX (its sign is the year's)."""
    assert p.year is not None
    return p.year if p.year >= 0 else -(p.year + UNIT_YEARS[p.granularity] - 1)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Shift (year, month) by n months."""
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


@dataclass(frozen=True, slots=True, order=False)
class TimePoint:
    """One calendar unit at one granularity: a year, a month, a day, an hour, ...

    Unknown parts are ``None`` (TIMEX3 ``XXXX``, EDTF ``XXXX``).
    """

    granularity: Granularity
    """The size of the unit."""
    year: int | None = None
    """Astronomical year. For decades/centuries/millennia the unit's first (lowest) year;
    the units are those of the written digits, as EDTF has them: 1920 is the 1920s
    (``192X``), 1900 the 1900s (``19XX``), -499 is ``-04XX`` (-499..-400, the 5th century
    BC) and -99 is ``-00XX`` (-99..0, the 1st century BC). Build them with ``unit_of``."""
    month: int | None = None
    """1-12."""
    day: int | None = None
    """1-31."""
    sub: int | None = None
    """Season 1-4 (spring..winter), quarter 1-4, half 1-2 or ISO week number."""
    weekday: int | None = None
    """ISO weekday 1-7 for a day known only by its weekday (SETs: every Monday)."""
    part: str | None = None
    """Part of day (MO, AF, EV, NI, ...), WE for a weekend or WD for the weekdays."""
    hour: int | None = None
    minute: int | None = None
    second: int | None = None

    # -- derived bounds -------------------------------------------------------------
    def span_years(self) -> tuple[int, int] | None:
        """First and last astronomical year covered, or None when the year is unknown."""
        if self.year is None:
            return None
        size = UNIT_YEARS.get(self.granularity, 1)
        if self.granularity == "season" and self.sub == 4:
            return self.year, self.year + 1
        return self.year, self.year + size - 1

    def earliest(self) -> Day | None:
        """First day covered, or None when unknown."""
        return self._bound(first=True)

    def latest(self) -> Day | None:
        """Last day covered, or None when unknown."""
        return self._bound(first=False)

    def _bound(self, *, first: bool) -> Day | None:
        years = self.span_years()
        if years is None:
            return None
        y = years[0] if first else years[1]
        g = self.granularity
        if g in ("year", "decade", "century", "millennium"):
            return (y, 1, 1) if first else (y, 12, 31)
        if g == "week" and self.sub is not None:
            n = week_start(self.year or 0, self.sub) + (0 if first else 6)
            if self.part == "WE":
                n = week_start(self.year or 0, self.sub) + (5 if first else 6)
            elif self.part == "WD":
                n = week_start(self.year or 0, self.sub) + (0 if first else 4)
            return from_day_number(n)
        if g in ("season", "quarter", "half") and self.sub is not None:
            if g == "season":
                lo, hi = _SEASON_MONTHS[self.sub]
            elif g == "quarter":
                lo, hi = 3 * self.sub - 2, 3 * self.sub
            else:
                lo, hi = 6 * self.sub - 5, 6 * self.sub
            yy, mm = add_months(self.year or 0, lo if first else hi, 0)
            return (yy, mm, 1) if first else (yy, mm, days_in_month(yy, mm))
        if self.month is None:
            return (y, 1, 1) if first else (y, 12, 31)
        if self.day is None:
            return (y, self.month, 1) if first else (y, self.month, days_in_month(y, self.month))
        return (y, self.month, self.day)

    def finer_than(self, other: TimePoint) -> bool:
        """True when this unit is strictly finer than ``other``'s."""
        return GRANULARITIES.index(self.granularity) < GRANULARITIES.index(other.granularity)


@dataclass(frozen=True, slots=True)
class TimeValue:
    """When something happened: an interval of calendar units with honest qualifiers.

    A single unit has ``start == end``. An open end is ``None`` with its ``open_*``
    flag set; ``None`` without the flag is an unknown end (EDTF ``/1917``).
    """

    type: TimexType = "DATE"
    """TIMEX3 type."""
    start: TimePoint | None = None
    end: TimePoint | None = None
    open_start: bool = False
    """True for "before X" ("../X")."""
    open_end: bool = False
    """True for "after X" ("X/..")."""
    approximate: bool = False
    """"c. 1907", "around 1900": EDTF ``~``."""
    uncertain: bool = False
    """"1907?", "possibly in 1907": EDTF ``?``."""
    mod: str | None = None
    """TIMEX3 mod (BEFORE, AFTER, START, MID, END, APPROX, LESS_THAN, ...)."""
    calendar: Calendar = "gregorian"
    """The calendar the text used (Julian/Old Style when it says so)."""
    duration: str | None = None
    """ISO 8601 duration for DURATION and SET values (``P3Y``, ``PXY``, ``P1D``)."""
    ref: str | None = None
    """PRESENT_REF, PAST_REF or FUTURE_REF for vague references to now/past/future."""
    inferred: bool = field(default=False, compare=True)
    """Bounds inferred from narrative order rather than read from text."""

    # -- constructors -----------------------------------------------------------------
    @classmethod
    def point(cls, when: TimePoint, **kw: object) -> TimeValue:
        """A value covering exactly one calendar unit."""
        return cls(start=when, end=when, **kw)  # type: ignore[arg-type]

    @classmethod
    def from_edtf(cls, text: str) -> TimeValue:
        """Parse an EDTF string (the subset described in the module docstring)."""
        from chronologist.temporal.notation import parse_edtf

        return parse_edtf(text)

    @classmethod
    def from_timex(cls, value: str, mod: str | None = None, type: str | None = None) -> TimeValue:
        """Parse a TIMEX3 value (and mod)."""
        from chronologist.temporal.notation import parse_timex

        return parse_timex(value, mod, type)

    # -- notations --------------------------------------------------------------------
    @property
    def edtf(self) -> str:
        """Canonical EDTF string ("" for durations and unresolved references)."""
        from chronologist.temporal.notation import format_edtf

        return format_edtf(self)

    @property
    def timex(self) -> str:
        """TIMEX3 value string."""
        from chronologist.temporal.notation import format_timex

        return format_timex(self)

    # -- bounds and order -------------------------------------------------------------
    @property
    def earliest(self) -> Day | None:
        """First possible day (proleptic Gregorian), or None for an open or unknown start."""
        return as_gregorian(self.start.earliest() if self.start else None, self.calendar)

    @property
    def latest(self) -> Day | None:
        """Last possible day (proleptic Gregorian), or None for an open or unknown end."""
        return as_gregorian(self.end.latest() if self.end else None, self.calendar)

    @property
    def granularity(self) -> Granularity | None:
        """The coarser of the two ends' granularities."""
        ends = [p for p in (self.start, self.end) if p is not None]
        if not ends:
            return None
        return max((p.granularity for p in ends), key=GRANULARITIES.index)

    @property
    def is_interval(self) -> bool:
        """True when start and end are different units or an end is open."""
        return self.start != self.end or self.open_start or self.open_end

    @property
    def sort_key(self) -> tuple[int, float, float, int, str]:
        """Total order: earliest day, latest day, granularity, then the notation."""
        # infinities, not large sentinels: "Y" years reach day numbers beyond any fixed bound
        lo = day_number(*self.earliest) if self.earliest else -math.inf
        hi = day_number(*self.latest) if self.latest else math.inf
        has_bounds = 0 if (self.start or self.end) else 1
        gran = GRANULARITIES.index(self.granularity) if self.granularity else len(GRANULARITIES)
        return (has_bounds, lo, hi, gran, self.edtf or self.timex)

    def with_(self, **changes: object) -> TimeValue:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]
