"""Calendar arithmetic on ``TimePoint``s: coarsen to a unit, shift by units, find weekdays.

Anchoring rule (documented in the README): *deictic* expressions ("today", "last year",
"a year ago", "this week", "Friday") are resolved against the speech time, which is the
document creation time (DCT) in news; *anaphoric* expressions ("the following year",
"two years later", "that same month", "the next day") are resolved against the
narrative's reference time, the last date the text mentioned. A narrative text with no
DCT uses its reference time for both.
"""

from __future__ import annotations

from chronologist.timemodel import (
    GRANULARITIES,
    UNIT_YEARS,
    TimePoint,
    add_months,
    day_number,
    from_day_number,
    iso_week,
    unit_of,
    week_start,
    weekday,
)

_ORDER = GRANULARITIES[GRANULARITIES.index("day") :]


def _day_of(p: TimePoint) -> tuple[int, int, int] | None:
    if p.year is None or p.month is None or p.day is None:
        return None
    return (p.year, p.month, p.day)


def coarsen(p: TimePoint, granularity: str) -> TimePoint | None:
    """The unit of ``granularity`` that contains ``p`` (None if ``p`` is too coarse)."""
    y = p.year
    if y is None:
        return None
    g = granularity
    if g == "year":
        return TimePoint("year", year=y)
    if g in UNIT_YEARS:
        if p.granularity in ("decade", "century", "millennium") and _ORDER.index(
            p.granularity
        ) > _ORDER.index(g):
            return None
        return unit_of(g, y)  # type: ignore[arg-type]
    if p.granularity == g and g in ("quarter", "half", "season", "week"):
        return p
    if g == "week":
        d = _day_of(p)
        if d is None:
            return None
        wy, wk = iso_week(*d)
        return TimePoint("week", year=wy, sub=wk)
    month = p.month
    if month is None and p.granularity == "quarter" and p.sub and g == "half":
        return TimePoint("half", year=y, sub=1 if p.sub <= 2 else 2)
    if month is None:
        return None
    if g == "month":
        return TimePoint("month", year=y, month=month)
    if g == "quarter":
        return TimePoint("quarter", year=y, sub=(month - 1) // 3 + 1)
    if g == "half":
        return TimePoint("half", year=y, sub=1 if month <= 6 else 2)
    if g == "season":
        if month in (1, 2):
            return TimePoint("season", year=y - 1, sub=4)
        return TimePoint(
            "season",
            year=y,
            sub={3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(month, 3 if month < 12 else 4),
        )
    if g == "day":
        d = _day_of(p)
        return TimePoint("day", year=d[0], month=d[1], day=d[2]) if d else None
    return None


def shift(p: TimePoint, granularity: str, n: int) -> TimePoint | None:
    """Move ``n`` units of ``granularity`` from the unit containing ``p``."""
    c = coarsen(p, granularity)
    if c is None or c.year is None:
        return None
    y = c.year
    g = granularity
    if g == "year":
        return TimePoint("year", year=y + n)
    if g in ("decade", "century", "millennium"):
        size = UNIT_YEARS[g]
        # from the unit's middle: the units meet irregularly at year 0 (-00XX, 00XX)
        return unit_of(g, y + size // 2 + n * size)  # type: ignore[arg-type]
    if g == "month" and c.month:
        yy, mm = add_months(y, c.month, n)
        return TimePoint("month", year=yy, month=mm)
    if g in ("quarter", "half", "season") and c.sub:
        per = 2 if g == "half" else 4
        idx = y * per + c.sub - 1 + n
        return TimePoint(g, year=idx // per, sub=idx % per + 1)  # type: ignore[arg-type]
    if g == "week" and c.sub:
        start = week_start(y, c.sub) + 7 * n
        wy, wk = iso_week(*from_day_number(start))
        return TimePoint("week", year=wy, sub=wk)
    if g == "day":
        d = _day_of(c)
        if d is None:
            return None
        nd = from_day_number(day_number(*d) + n)
        return TimePoint("day", year=nd[0], month=nd[1], day=nd[2])
    return None


def shift_day(p: TimePoint, days: int) -> TimePoint | None:
    """The day ``days`` after (or before) a day point."""
    return shift(p, "day", days)


def nearest_weekday(p: TimePoint, wd: int, direction: int) -> TimePoint | None:
    """The weekday ``wd`` nearest to day ``p``: same day, else before (-1), after (+1)
    or whichever is nearer (0)."""
    d = _day_of(p)
    if d is None:
        return None
    cur = weekday(*d)
    ahead, back = (wd - cur) % 7, -((cur - wd) % 7)
    if cur == wd:
        delta = 0
    elif direction > 0:
        delta = ahead
    elif direction < 0:
        delta = back
    else:  # no tense: the nearer one, the past on a tie
        delta = ahead if ahead < -back else back
    nd = from_day_number(day_number(*d) + delta)
    return TimePoint("day", year=nd[0], month=nd[1], day=nd[2])


def weekday_in_week(p: TimePoint, wd: int, weeks: int) -> TimePoint | None:
    """Weekday ``wd`` of the week ``weeks`` away from day ``p`` ("last Friday", weeks=-1)."""
    d = _day_of(p)
    if d is None:
        return None
    n = day_number(*d) - (weekday(*d) - 1) + 7 * weeks + (wd - 1)
    nd = from_day_number(n)
    return TimePoint("day", year=nd[0], month=nd[1], day=nd[2])


def shift_minutes(p: TimePoint, minutes: int) -> TimePoint | None:
    """The clock time ``p`` moved by ``minutes`` (across midnight as needed)."""
    d = _day_of(p)
    if d is None or p.hour is None:
        return None
    total = day_number(*d) * 1440 + p.hour * 60 + (p.minute or 0) + minutes
    days, rest = divmod(total, 1440)
    nd = from_day_number(days)
    return TimePoint(
        "minute", year=nd[0], month=nd[1], day=nd[2], hour=rest // 60, minute=rest % 60
    )


def day_of_week(week: TimePoint, wd: int) -> TimePoint | None:
    """Weekday ``wd`` (1 Monday) of the ISO week ``week``."""
    if week.granularity != "week" or week.year is None or not week.sub:
        return None
    nd = from_day_number(week_start(week.year, week.sub) + wd - 1)
    return TimePoint("day", year=nd[0], month=nd[1], day=nd[2])


def easter(year: int) -> tuple[int, int]:
    """Western (Gregorian) Easter Sunday of a year: (month, day)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return month, day


def holiday(rule: str, year: int) -> tuple[int, int] | None:
    """The (month, day) of a holiday rule from the lexicon in a given year."""
    if rule.startswith("easter"):
        m, d = easter(year)
        n = day_number(year, m, d) + int(rule[6:] or 0)
        _, mm, dd = from_day_number(n)
        return mm, dd
    if "/" not in rule:
        mm, dd = (int(x) for x in rule.split("-"))
        return mm, dd
    head, _, after = rule.partition("@")
    mm, wd, nth = (int(x) for x in head.split("/"))
    first_day = int(after) if after else 1
    if nth > 0:
        start = day_number(year, mm, first_day)
        delta = (wd - weekday(year, mm, first_day)) % 7
        n = start + delta + 7 * (nth - 1)
    else:
        last = day_number(year, mm, 1) + days_in_month_of(year, mm) - 1
        y, m, d = from_day_number(last)
        n = last - (weekday(y, m, d) - wd) % 7
    _, mm2, dd2 = from_day_number(n)
    return (mm2, dd2) if mm2 == mm or after else None  # "@D" may run on: Cyber Monday, Dec. 2


def days_in_month_of(year: int, month: int) -> int:
    """Days in a month (re-exported for holiday rules)."""
    from chronologist.timemodel import days_in_month

    return days_in_month(year, month)


def same_day(p: TimePoint | None, q: TimePoint | None) -> bool:
    """``p`` and ``q`` fall on the same known day."""
    if p is None or q is None or p.day is None:
        return False
    return (p.year, p.month, p.day) == (q.year, q.month, q.day)
