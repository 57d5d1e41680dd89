"""Resolvers: where a parsed time expression lands on the calendar, given its context.

Each reading of ``rules`` carries a builder that calls one of these with the ``Context``:
the document creation time (news), the narrative's reference time, the tense of the clause
and the quarter being reported. Calendar arithmetic is in ``anchor``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from chronologist.temporal import anchor as A
from chronologist.temporal.lexicon import SINCE
from chronologist.timemodel import (
    Day,
    TimePoint,
    TimeValue,
    add_months,
    day_number,
    days_in_month,
)
from chronologist.timemodel import weekday as weekday_of


@dataclass(slots=True)
class Context:
    """What relative expressions are resolved against."""

    dct: TimePoint | None
    """Document creation time (a day), the speech time of news."""
    news: bool
    """News mode: deictic expressions anchor on the DCT."""
    ref: TimePoint | None = None
    """Narrative reference time: the last fully resolved date mentioned."""
    ref_quarter: TimePoint | None = None
    """The last quarter mentioned (financial news speaks of "the quarter")."""
    tense: int = 0
    """Tense of the clause around the expression: 1 future, -1 past, 0 unknown."""
    pluperfect: bool = False
    """The clause looks back from the narrative's time ("had been", "had left")."""
    done: bool = False
    """A past verb just before the expression tells what happened then ("occurred on Jan. 14")."""
    events: dict[str, TimeValue] = field(default_factory=dict)
    """Happenings the text has dated ("the 1917 October Revolution")."""
    ref_ends: int | None = None
    """How many sentences have ended since the reference time was told (counted up to four;
    None when no time was told before)."""
    quarter_here: bool = False
    """The quarter being reported was told in the sentence at hand."""
    ref_leads: bool = False
    """The reference time was the first time its sentence told, and no birth."""
    ref_recalled: bool = False
    """In news, the reference time is another year's, told in a relative clause set off by
    commas (", which flattened ... on Aug. 24, 1992,"): no clock time's day after it."""
    year: int | None = None
    """In news, the year the sentence speaks of ("The 2018 Games will be held from Feb. 9")."""
    year_told: int | None = None
    """In news, the last year told outright that is not the DCT's ("left the show in 2007")."""
    lead_day: TimePoint | None = None
    """In news, for a clock time: the day the text's lead told."""
    says: bool = False
    """In news, the clock time tells when something was said ("told reporters at 10 a.m.")."""
    day: TimePoint | None = None
    """In news, the last day told."""
    day_here: bool = False
    """In news, the last day told was told in the sentence at hand."""
    recent_day: TimePoint | None = None
    """In news, the last day told that lies in the week up to the DCT."""

    @property
    def ref_here(self) -> bool:
        """The reference time was told in the sentence at hand."""
        return self.ref_ends == 0

    @property
    def ref_last(self) -> bool:
        """The reference time was told in the sentence at hand or the one before."""
        return self.ref_ends is not None and self.ref_ends <= 1

    @property
    def ref_near(self) -> bool:
        """The reference time was told in the sentence at hand or one of the three before."""
        return self.ref_ends is not None and self.ref_ends <= 3

    def now(self) -> TimePoint | None:
        """Anchor for deictic expressions."""
        if self.news:
            return self.dct
        return self.ref or self.dct

    def then(self) -> TimePoint | None:
        """Anchor for anaphoric expressions."""
        return self.ref or self.dct


def in_part(d: TimePoint, part: str) -> TimePoint:
    """Part ``part`` of the day ``d`` ("MO", "NI")."""
    return TimePoint("partofday", year=d.year, month=d.month, day=d.day, part=part)


def part_of(v: TimeValue | None, part: str | None) -> TimeValue | None:
    """Part ``part`` of the day ``v`` ("at dawn today"), as a TIME; ``v`` itself for none."""
    if part is None or v is None or v.start is None or v.start.granularity != "day":
        return v
    return TimeValue.point(in_part(v.start, part), type="TIME")


def pt(p: TimePoint | None, **kw: object) -> TimeValue | None:
    """A point value, or None when shifting ran off the calendar."""
    return TimeValue.point(p, **kw) if p is not None else None


def ref(c: Context, value: str) -> TimeValue:
    """PRESENT_REF / PAST_REF / FUTURE_REF, with the DCT as their edge in news."""
    now = c.dct if c.news else None
    if now is None:
        return TimeValue(type="DATE", ref=value)
    if value == "PRESENT_REF":
        return TimeValue(type="DATE", ref=value, start=now, end=now)
    if value == "PAST_REF":
        return TimeValue(type="DATE", ref=value, end=now, open_start=True)
    return TimeValue(type="DATE", ref=value, start=now, open_end=True)


def story_now(c: Context) -> TimeValue:
    """ "Garibaldi now sailed for Sicily": the time the story stands at (PRESENT_REF when
    it stands nowhere yet)."""
    return TimeValue.point(c.ref) if c.ref is not None else ref(c, "PRESENT_REF")


def soon(c: Context) -> TimeValue | None:
    """ "will soon reach", "could soon cross": the near future (FUTURE_REF); no time in a
    past clause ("that soon became a flood")."""
    return None if c.tense < 0 else ref(c, "FUTURE_REF")


MONTH_YEARS = 2
"""Up to this many years back from a month told in its sentence, a count keeps the month."""

NEAR_DAYS = 45
"""A month and day this close to the DCT is taken in the DCT's neighbourhood whatever the tense."""


SMALL_HOURS_END = 6
"""The last hour of the small hours, which end the night before ("2 a.m. Sunday" is in
Saturday's night)."""

FAR_AHEAD_DAYS = 30
"""How much nearer a month ahead must be than the one gone by to be chosen, tense untold."""


def year_for(
    c: Context, month: int, det: int | None, day: int | None = None, *, ahead: bool = False
) -> int | None:
    """Year of a month (or month and day) named without one.

    "last/next March" pick the previous/next occurrence. Otherwise, in news, the year
    that puts the date nearest the DCT on the side the clause's tense allows (the past
    for "said", the future for "will"; for ``ahead``, a month on a schedule, the future
    only); in narrative, the reference time's year.
    """
    now = c.now()
    if now is None or now.year is None:
        return None
    if c.year is not None and det is None:
        return c.year
    told = _story_year(c, month, day) if det is None else None
    if told is not None:
        return told
    y = now.year
    if not c.news and det is None and now.granularity == "season" and now.sub == 4 and month <= 6:
        return y + 1  # "by June" after "the winter of 1777-78": the June that winter runs into
    if det == -1:
        return y - 1 if now.month is None or month >= now.month else y
    if det == 1:
        return y + 1 if now.month is None or month <= now.month else y
    if det == 0 or now.month is None or not c.news or (day is None and month == now.month):
        return y  # "the end of March" said in March is this March, whatever the tense
    today = day_number(y, now.month, now.day or 15)
    best: tuple[int, int] | None = None
    for yy in (y - 1, y, y + 1):
        dd = min(day or 15, days_in_month(yy, month))
        diff = day_number(yy, month, dd) - today
        # a day within weeks: tense aside (but not "since January 1" said on December 29)
        near = day is not None and abs(diff) <= NEAR_DAYS and c.tense != SINCE
        near = near and not (c.done and diff > 0)  # not a day ahead for what "occurred" on it
        # told ahead, the month just gone ("will release the minutes of the July meeting")
        near = near or (day is None and c.tense > 0 and not ahead and -NEAR_DAYS <= diff < 0)
        if not near and ((c.tense < 0 and diff > 0) or (c.tense > 0 and diff < 0)):
            continue
        # told with no tense, a month as far back as ahead is the one gone by: news reports
        ahead_cost = FAR_AHEAD_DAYS if day is None and not c.tense else 1
        key = (abs(diff) + (ahead_cost if diff > 0 else 0), yy)
        if best is None or key < best:
            best = key
    return best[1] if best else y


def _story_year(c: Context, month: int, day: int | None) -> int | None:
    """In news that has just told a day of another year and goes on in the past to another
    day ("began on March 20, 2003. ... on April 9 the statue came down"), the year that puts
    that day nearest to the one told."""
    ref, dct = c.ref, c.dct
    if not (c.news and c.ref_near and c.tense < 0) or ref is None or dct is None or day is None:
        return None
    if ref.year is None or ref.month is None or dct.year is None or ref.year >= dct.year:
        return None  # the story must lie in an earlier year
    if ref.day is None:  # "came in late August 2005. He arrived on Sunday, Aug. 28": its month
        same = ref.month == month and ref.granularity == "month"
        # a later month of that year told in the same sentence, where this year's day is
        # still to come ("jailed in February of that year, was elected on Dec. 29")
        later = c.ref_here and ref.granularity == "month" and month > ref.month
        later = later and _after_dct_day(dct, month, day)
        return ref.year if (same and not _near_dct(dct, month, day)) or later else None
    lo = day_number(ref.year, ref.month, ref.day)
    for y in (ref.year, ref.year + 1):  # a day after a day of it ("Sept. 8, 1979 ... on
        gap = day_number(y, month, min(day, 28)) - lo  # Sept. 13"), within half a year
        if 0 <= gap <= STORY_DAYS:
            return y
    return None


def _after_dct_day(dct: TimePoint, month: int, day: int) -> bool:
    """The month and day, in the DCT's year, lie after the DCT."""
    if dct.year is None or dct.month is None:
        return False
    return (month, day) > (dct.month, dct.day or 15)


def _near_dct(dct: TimePoint, month: int, day: int) -> bool:
    """The month and day lie within ``NEAR_DAYS`` of the DCT, in its year or one beside."""
    if dct.year is None or dct.month is None:
        return False
    today = day_number(dct.year, dct.month, dct.day or 15)
    return any(
        abs(day_number(y, month, min(day, days_in_month(y, month))) - today) <= NEAR_DAYS
        for y in (dct.year - 1, dct.year, dct.year + 1)
    )


def month_day(c: Context, month: int, day: int, det: int | None = None) -> TimeValue | None:
    """ "March 3": a day of the year ``year_for`` chooses."""
    y = year_for(c, month, det, day)
    if y is None:
        return TimeValue.point(TimePoint("day", month=month, day=day))
    if day > days_in_month(y, month):
        return None
    return TimeValue.point(TimePoint("day", year=y, month=month, day=day))


def month_day_on(c: Context, month: int, day: int, wd: int) -> TimeValue | None:
    """ "Monday, Oct. 19": as "Oct. 19", unless that day is no Monday in the year chosen;
    then the nearest year within six where it is ("Back then the market crashed on Monday,
    Oct. 19", said in 1989: 1987)."""
    value = month_day(c, month, day)
    p = value.start if value is not None else None
    if p is None or p.year is None or weekday_of(p.year, month, day) == wd:
        return value
    for gap in range(1, 7):
        for y in (p.year - gap, p.year + gap):
            if day <= days_in_month(y, month) and weekday_of(y, month, day) == wd:
                return TimeValue.point(TimePoint("day", year=y, month=month, day=day))
    return value


def day_of_year(
    c: Context, month: int, day: int, off: int, *, anaphoric: bool = False
) -> TimeValue | None:
    """ "3 May last year": a day of the year ``off`` from now (or, ``anaphoric``, from the
    time told: "1 December of that year")."""
    now = _year_base(c, off, anaphoric=anaphoric)
    if now is None or now.year is None:
        return TimeValue.point(TimePoint("day", month=month, day=day))
    y = now.year + off
    if day > days_in_month(y, month):
        return None
    return TimeValue.point(TimePoint("day", year=y, month=month, day=day))


def month_alone(
    c: Context, month: int, det: int | None, *, past: bool = False, ahead: bool = False
) -> TimeValue | None:
    """ "in March": a month of the year ``year_for`` chooses (in the past, for ``past``,
    whatever the tense; for ``ahead``, a month a schedule names, the next one when the
    clause looks ahead)."""
    y = year_for(replace(c, tense=-1) if past else c, month, det, ahead=ahead)
    now = c.now()
    if past and c.tense > 0 and y is not None and now is not None and now.year and now.month:
        # told ahead, the data of a month to come within two months and nearer than gone
        # by: "the July jobs report will be released Aug. 2" said in June (not "will
        # release its December sales" said in January)
        coming = now.year + (month <= now.month)
        months_ahead = (coming - now.year) * 12 + month - now.month
        if months_ahead <= 2 and months_ahead < (now.year - y) * 12 + now.month - month:
            y = coming
    return TimeValue.point(TimePoint("month", year=y, month=month))


def day_of_month(c: Context, day: int) -> TimeValue | None:
    """ "on the 25th": that day of the month the text stands at (its reference time)."""
    then = c.then()
    if then is None or then.year is None or then.month is None:
        return None
    if day > days_in_month(then.year, then.month):
        return None
    return TimeValue.point(TimePoint("day", year=then.year, month=then.month, day=day))


def month_anaphor(c: Context, month: int, off: int) -> TimeValue | None:
    """The month named after or before the reference time ("the following January"); "that
    August", in the year "that year" would name ("the summer of 1989 ... said on Monday
    ... that August")."""
    then = that_year(c) if off == 0 else c.then()
    if then is None or then.year is None:
        return TimeValue.point(TimePoint("month", month=month))
    y = then.year
    lo, hi = then.earliest(), then.latest()
    if off > 0 and hi is not None:  # "In 1609 ... the following January": 1610's; "In the
        y = hi[0] + (month <= hi[1])  # spring of 2010 ... the following October": 2010's
    elif off < 0 and lo is not None:
        y = lo[0] - (month >= lo[1])
    elif then.granularity == "season" and then.sub == 4 and month <= 2 and off == 0:
        y += 1  # "the winter of 1636-37 ... that February": February 1637
    return TimeValue.point(TimePoint("month", year=y, month=month))


def month_of_year(c: Context, month: int, off: int, *, anaphoric: bool = False) -> TimeValue | None:
    """ "March last year": a month ``off`` years from now (or, ``anaphoric``, from the
    time told: "August of that year")."""
    now = _year_base(c, off, anaphoric=anaphoric)
    if now is None or now.year is None:
        return TimeValue.point(TimePoint("month", month=month))
    return TimeValue.point(TimePoint("month", year=now.year + off, month=month))


def _year_base(c: Context, off: int, *, anaphoric: bool) -> TimePoint | None:
    """What "3 May last year", "August of that year" count their year from: now; or,
    ``anaphoric``, the time told (``that_year`` for that very year)."""
    if not anaphoric:
        return c.now()
    return that_year(c) if off == 0 else c.then()


def turn_of_century(c: Context) -> TimeValue | None:
    """ "the turn of the century": the hundred-year edge nearest the time told, about."""
    then = c.then()
    if then is None or then.year is None:
        return None
    edge = (then.year + 50) // 100 * 100
    return TimeValue.point(TimePoint("year", year=edge), approximate=True, mod="APPROX")


NEW_YEAR_MONTHS = 2
"""Told in the first months of a year, "the new year" is the one begun."""


def new_year(c: Context, *, day: bool) -> TimeValue | None:
    """ "the new year": the year to come, or, told in its first months, the year begun
    ("a frantic start to the new year" in January); ``day``, its first day ("the New Year")."""
    now = c.now()
    if now is None or now.year is None:
        return None
    y = now.year if now.month is not None and now.month <= NEW_YEAR_MONTHS else now.year + 1
    return TimeValue.point(
        TimePoint("day", year=y, month=1, day=1) if day else TimePoint("year", year=y)
    )


def season_of_year(c: Context, s: int, off: int, *, anaphoric: bool = False) -> TimeValue | None:
    """ "the spring of next year": a season of the year ``off`` from now (or, ``anaphoric``,
    from the time told: "the spring of that year")."""
    base = _year_base(c, off, anaphoric=anaphoric)
    year = base.year + off if base is not None and base.year is not None else None
    return TimeValue.point(TimePoint("season", year=year, sub=s))


def season(
    c: Context, s: int, det: int | None, *, anaphoric: bool = False, bound: bool = False
) -> TimeValue | None:
    """ "this summer", "last fall", "that winter": a season near now (or then); one that
    ``bound``s a span ("before the summer") is not put behind by a past tense; "that summer"
    in news standing at its own days is of the last other year told."""
    now = (that_year(c) if det == 0 else c.then()) if anaphoric else c.now()
    if now is None or now.year is None:
        return TimeValue.point(TimePoint("season", sub=s))
    if c.year is not None and det is None and not anaphoric:
        return TimeValue.point(TimePoint("season", year=c.year, sub=s))  # "In 2009 ... the fall"
    cur = A.coarsen(now, "season")
    y = now.year
    if cur is None and det in (-1, 1):  # "In 1859 ... the next spring": 1860's
        y = now.year + det
    if cur is not None and cur.sub is not None and cur.year is not None:
        # the winter holding January 1348 is 1347's; "that summer" is 1348's
        y = cur.year if s == cur.sub else now.year
        if det is not None and det < 0:  # "last fall"; "two summers ago", the one before
            y = (cur.year - 1 if s >= cur.sub else cur.year) + det + 1
        elif det == 1:
            y = cur.year + 1 if s <= cur.sub else cur.year
            if _starts_within(now, TimePoint("season", year=y, sub=s), NEAR_DAYS):
                y += 1  # "next fall" said in late August: not the one about to begin
        elif det is None and c.news and not anaphoric and c.tense > 0 and s < cur.sub:
            y = cur.year + 1  # "will start in the spring" said in December: the coming one
        elif det is None and c.news and not anaphoric and not bound:
            if c.tense < 0 and s > cur.sub:
                y = cur.year - 1  # "had diminished since the fall" said in June: the last one
            elif c.tense < 0:
                y = cur.year  # "pushed them aside in the summer" said in January: last year's
            elif c.tense == 0 and s == 4 and cur.sub != 4:
                y = _nearest_season(now, s, y)  # "smog for much of the winter" said in March
    return TimeValue.point(TimePoint("season", year=y, sub=s))


def _starts_within(now: TimePoint, p: TimePoint, days: int) -> bool:
    """``p`` begins after ``now``, within ``days`` days."""
    ahead = _days_to(now, p.earliest())
    return ahead is not None and 0 < ahead <= days


def _nearest_season(now: TimePoint, s: int, y: int) -> int:
    """Of the season ``s`` of the years around ``y``, the one nearest ``now``."""
    today = now.earliest()
    if today is None:
        return y
    t = day_number(*today)

    def gap(year: int) -> int:
        p = TimePoint("season", year=year, sub=s)
        lo, hi = p.earliest(), p.latest()
        if lo is None or hi is None:
            return 10**6
        return max(day_number(*lo) - t, t - day_number(*hi), 0)

    return min((y - 1, y, y + 1), key=gap)


def quarter(
    c: Context,
    gran: str,
    n: int,
    year: int | None,
    off: int | None,
    *,
    timed: bool = False,
    bound: bool = False,
) -> TimeValue | None:
    """ "the third quarter": of this year, or of last year when it is still ahead and not
    future; in news, nor more than six months ahead, unless it is the ``timed`` time of a
    verb that looks ahead and last year's ended more than two months ago, its results out,
    or a ``bound`` ahead ("until the fourth quarter")."""
    now = c.now()
    if now is None or now.year is None:
        return TimeValue.point(TimePoint(gran, sub=n))  # type: ignore[arg-type]
    y = now.year + (off or 0)
    p = TimePoint(gran, year=y, sub=n)  # type: ignore[arg-type]
    lo = p.earliest()
    today = now.earliest()
    if off is None and lo and today and lo > today:
        # not yet begun: last year's, unless the text looks ahead to one this half-year
        far = c.news and (lo[0] - today[0]) * 12 + lo[1] - today[1] > 6
        last = TimePoint(gran, year=y - 1, sub=n)  # type: ignore[arg-type]
        end = last.latest()
        reported = end is not None and (today[0] - end[0]) * 12 + today[1] - end[1] > 2
        # with no tense, the very next quarter when it begins within weeks ("The second
        # quarter is where we'll find out", said in March)
        soon = c.news and not c.tense and (lo[0] - today[0]) * 12 + lo[1] - today[1] <= 1
        if (c.tense <= 0 and not soon) or (far and not (timed and (reported or bound))):
            p = last
    hi = p.latest()
    if off is None and c.news and c.tense > 0 and hi and today:
        # told ahead, a quarter that ended months ago is next year's ("will begin in the
        # first quarter" said in December; not "will report first-quarter results" in April)
        if (today[0] - hi[0]) * 12 + today[1] - hi[1] > 3:
            p = TimePoint(gran, year=y + 1, sub=n)  # type: ignore[arg-type]
    return TimeValue.point(p)


def part_of_year(
    c: Context, gran: str, sub: int, off: int, *, anaphoric: bool = False
) -> TimeValue | None:
    """A quarter or half of the year around the DCT or the reference time, shifted by
    ``off``; ``anaphoric``, of the year told ("the second quarter of that year", "the first
    half of the following year")."""
    now = _year_base(c, off, anaphoric=anaphoric)
    if now is None or now.year is None:
        return TimeValue.point(TimePoint(gran, sub=sub))  # type: ignore[arg-type]
    return TimeValue.point(TimePoint(gran, year=now.year + off, sub=sub))  # type: ignore[arg-type]


def this_quarter(c: Context, off: int | None) -> TimeValue | None:
    """ "the quarter": the one being reported, else the last one ended (or ``off`` from now)."""
    if off is None and c.ref_quarter is not None:
        return TimeValue.point(c.ref_quarter)
    now = c.now()
    if now is None:
        return None
    if off is None and _quarter_ending(now):
        off = 0  # "ended the quarter at a record close", said on March 28: this one
    q = A.shift(now, "quarter", -1 if off is None else off)
    return pt(q)


def _quarter_ending(now: TimePoint) -> bool:
    """``now`` falls in the last week of its quarter."""
    q = A.coarsen(now, "quarter")
    left = _days_to(now, q.latest() if q is not None else None)
    return left is not None and 0 <= left < 7


def _days_to(now: TimePoint, day: Day | None) -> int | None:
    """Days from ``now``'s first day to ``day`` (negative when gone by)."""
    today = now.earliest()
    return None if day is None or today is None else day_number(*day) - day_number(*today)


def quarter_before(c: Context) -> TimeValue | None:
    """ "the previous quarter": the one before the quarter being reported, else the one
    before the current one."""
    if c.ref_quarter is not None:
        return pt(A.shift(c.ref_quarter, "quarter", -1))
    return this_quarter(c, -1)


def quarter_ended(c: Context, last: TimeValue | None) -> TimeValue | None:
    """ "the quarter ended July 31": the quarter being reported if one was named (a
    company's "fiscal first quarter" keeps its number), else the calendar quarter holding
    most of its three months (May to July: the second)."""
    if c.ref_quarter is not None:
        return TimeValue.point(c.ref_quarter)
    day = last.start if last is not None else None
    mid = A.shift_day(day, -45) if day is not None and day.day is not None else None
    if mid is None or mid.year is None or mid.month is None:
        return this_quarter(c, None)
    return TimeValue.point(TimePoint("quarter", year=mid.year, sub=(mid.month - 1) // 3 + 1))


def quarter_of(c: Context, gran: str, n: int, last: TimeValue | None) -> TimeValue | None:
    """ "the fiscal fourth quarter, which ended June 30": quarter ``n`` (a company's own
    numbering) of the year it ended in; a 52-week year that ends in the first days of
    January ("the fourth quarter, which ended Jan. 1") is the year before's, and so is a
    late quarter that ended early in a year ("the fourth quarter, which ended Feb. 2")."""
    p = last.start if last is not None else None
    if p is None or p.year is None:
        return quarter(c, gran, n, None, None)
    spill = p.month == 1 and p.day is not None and p.day <= SPILL_DAYS
    late = gran == "quarter" and p.month is not None and 3 * n > p.month + HALF_YEAR
    spill = spill or late
    return TimeValue.point(TimePoint(gran, year=p.year - spill, sub=n))  # type: ignore[arg-type]


SPILL_DAYS = 7
"""A business year ending this many days into January or fewer is the year before's."""

HALF_YEAR = 6
"""A quarter whose calendar end lies more than this many months after the month it ended in
is the year before's: a retailer's fourth quarter ends in January or February."""


def quarter_in(c: Context, year: int | None, off: int = 0) -> TimeValue | None:
    """The quarter being reported, in another year ("the 1988 quarter"), or ``off`` years
    from the DCT's ("last year's quarter")."""
    q = c.ref_quarter
    now = c.now()
    if q is None or q.sub is None:
        q = A.shift(now, "quarter", -1) if now is not None else None
    if q is None or q.sub is None:
        return None
    if year is None:
        if now is None or now.year is None:
            return None
        year = now.year + off
    return TimeValue.point(TimePoint("quarter", year=year, sub=q.sub))


def _reporting(c: Context) -> bool:
    """Whether the text still speaks of the quarter being reported: the last time it told
    is within a year of it ("the quarter ended Sept. 30 ... a year earlier"), not years
    away ("took office in December 2011. A year earlier ...", said of 2013)."""
    q, ref = c.ref_quarter, c.ref
    if q is None or q.year is None:
        return False
    return ref is None or ref.year is None or abs(ref.year - q.year) < 2


def year_ago(c: Context) -> TimeValue | None:
    """ "a year earlier", "the year-ago period": the reported quarter or half (or the time
    told), a year back."""
    base = c.ref_quarter or c.then()
    if base is None:
        return None
    if base.granularity == "quarter":
        return pt(A.shift(base, "quarter", -4))
    if base.granularity == "half":  # "the first six months of 1992 ... the year-earlier period"
        return pt(A.shift(base, "half", -2))
    return pt(A.shift(base, "year", -1))


def year_back(c: Context, gran: str) -> TimeValue | None:
    """ "the same month last year", "the same week a year ago": the month or week told, a
    year back (the week of the same number)."""
    then = c.then()
    unit = A.coarsen(then, gran) if then is not None else None
    if unit is None or unit.year is None:
        return None
    if gran == "week":
        return TimeValue.point(TimePoint("week", year=unit.year - 1, sub=unit.sub))
    return pt(A.shift(unit, "month", -12))


def same_in_year(c: Context, gran: str, year: int) -> TimeValue | None:
    """ "the same quarter of 2012": the quarter (or month) told, in ``year``."""
    then = c.ref_quarter if gran == "quarter" and c.ref_quarter is not None else c.then()
    unit = A.coarsen(then, gran) if then is not None else None
    if unit is None or unit.year is None:
        return TimeValue.point(TimePoint("year", year=year))
    return pt(A.shift(unit, gran, (year - unit.year) * (4 if gran == "quarter" else 12)))


def day_offset(c: Context, off: int, part: str | None) -> TimeValue | None:
    """ "today", "yesterday morning", "tomorrow": ``off`` days from now, maybe a part of it.
    In narrative history a bare "today" is the writer's present ("Today the city has two
    million people")."""
    if not c.news and off == 0 and part is None:
        return TimeValue(type="DATE", ref="PRESENT_REF")
    now = c.now()
    if now is None:
        return None
    d = A.shift_day(now, off)
    if d is None:
        return TimeValue.point(now) if off == 0 else None
    if part:
        return TimeValue.point(in_part(d, part), type="TIME")
    return TimeValue.point(d)


def nowadays(c: Context, then: int) -> TimeValue | None:
    """ "today" set against a time years back, in a clause of the present: the present
    (PRESENT_REF) in news, not the DCT's day; else the DCT's day."""
    now = c.now()
    if c.news and c.tense == 0 and now is not None and (then == 0 or (now.year or 0) > then):
        return ref(c, "PRESENT_REF")  # with the DCT as its edge, as "now" has
    return day_offset(c, 0, None)


def weekday(
    c: Context,
    wd: int,
    off: int,
    part: str | None,
    *,
    anaphoric: bool = False,
    ahead: bool = False,
) -> TimeValue | None:
    """ "Friday": the nearest such day on the side the tense (or ``off``) allows; with no
    tense, news looks back, or ahead for ``ahead`` ("this Sunday")."""
    now = c.then() if anaphoric else c.now()
    kind = "TIME" if part else "DATE"
    if now is None or now.day is None:
        return TimeValue.point(TimePoint("day", weekday=wd, part=part), type=kind)
    if off == -1:
        d = A.nearest_weekday(A.shift_day(now, -1) or now, wd, -1)
    elif off == 1:
        d = A.nearest_weekday(A.shift_day(now, 1) or now, wd, 1)
    elif c.news and (not anaphoric or now is c.dct):
        d = A.nearest_weekday(now, wd, c.tense or (1 if ahead else -1))
        if (
            ahead
            and c.tense < 0
            and d is not None
            and A.coarsen(d, "week") != A.coarsen(now, "week")
        ):
            d = A.nearest_weekday(now, wd, 1)  # "had been canceled from this Friday": this week's
    elif c.news:  # "On Feb. 1 ... By that Sunday": the one on or after the day told
        d = A.nearest_weekday(now, wd, 1)
    else:  # a narrative moves forward: "on Thursday" after Monday's events
        d = A.nearest_weekday(now, wd, -1 if c.tense < 0 and c.pluperfect else 1)
    if d is None:
        return None
    return TimeValue.point(in_part(d, part) if part else d, type=kind)


def weekday_beyond(c: Context, wd: int, off: int) -> TimeValue | None:
    """ "the Saturday before last", "the Friday after next": a week past the last or the
    next such weekday."""
    near = weekday(c, wd, off, None)
    p = near.start if near is not None else None
    far = A.shift_day(p, 7 * off) if p is not None and p.day is not None else None
    return pt(far) if far is not None else near


def weekday_of_day(c: Context, wd: int) -> TimeValue | None:
    """ "March 17, a Sunday": the day just told, when it is that weekday (in news, the last
    day told, though a bound set it aside: "suspended since Aug. 27, a Saturday")."""
    for then in (c.then(), c.day):
        if then is not None and then.granularity == "day" and then.day is not None:
            if then.year is not None and then.month is not None:
                if weekday_of(then.year, then.month, then.day) == wd:
                    return pt(then)
    return weekday(c, wd, 0, None)


def weekday_of_week(c: Context, wd: int, weeks: int) -> TimeValue | None:
    """ "Tuesday last week": that weekday of the week ``weeks`` from now."""
    now = c.now()
    if now is None or now.day is None:
        return TimeValue.point(TimePoint("day", weekday=wd))
    return pt(A.weekday_in_week(now, wd, weeks))


def weekday_week(c: Context, wd: int) -> TimeValue | None:
    """ "Tuesday week": the Tuesday a week after the coming one."""
    coming = weekday(c, wd, 1, None)
    day = coming.start if coming is not None else None
    later = A.shift_day(day, 7) if day is not None and day.day is not None else None
    return pt(later) if later is not None else coming


def weekend(c: Context, off: int, *, this: bool = False, ahead: bool = False) -> TimeValue | None:
    """ "the weekend", "last weekend", "this weekend": a week's weekend (``ahead``, "for the
    weekend" said on a Thursday or Friday: the coming one)."""
    now = c.now()
    if now is None:
        return None
    if off == 0 and now.day is not None and now.month is not None and now.year is not None:
        # "over the weekend" said on a weekday, unless told ahead: the one just gone (from a
        # Thursday or Friday, with no tense, the coming one); "this weekend" only in the past
        # and said early in the week (from a Thursday, "braced for a cold night this weekend")
        day = weekday_of(now.year, now.month, now.day)
        gone = c.tense < 0 and not (this and day >= 4)
        if day < 6 and (gone or c.tense == 0 and not this and day < 4):
            off = 0 if ahead and day >= 4 else -1
    w = A.shift(now, "week", off)
    if w is None:
        return None
    return TimeValue.point(TimePoint("week", year=w.year, sub=w.sub, part="WE"))


def coming_weekend(c: Context) -> TimeValue | None:
    """ "the coming weekend": the next one to begin, this week's when said on a weekday."""
    now = c.now()
    if now is None or now.year is None or now.month is None or now.day is None:
        return weekend(c, 1)
    return weekend(c, 0 if weekday_of(now.year, now.month, now.day) < 6 else 1, this=True)


def weekend_anaphor(c: Context, off: int) -> TimeValue | None:
    """ "that weekend", "the following weekend": the weekend of the day told (or ``off``
    weekends on; from a weekday, the coming one is the first)."""
    then = c.then()
    week: TimePoint | None = then
    if then is not None and then.granularity == "week":  # "the weekend ... the previous
        shift = off  # weekend": the one before it
    elif then is not None and then.year and then.month and then.day:
        week = A.coarsen(then, "week")
        day = weekday_of(then.year, then.month, then.day)
        shift = off - 1 if off > 0 and day < 6 else off
    else:
        return weekend(c, off)
    w = A.shift(week, "week", shift) if week is not None and shift else week
    if w is None:
        return None
    return TimeValue.point(TimePoint("week", year=w.year, sub=w.sub, part="WE"))


def at_the_time(c: Context) -> TimeValue | None:
    """ "at the time": the narrative's reference time itself, a day at the finest (a
    ``DATE``, not the clock time told)."""
    then = c.then()
    if then is not None and then.hour is not None:
        then = A.coarsen(then, "day") or then
    return TimeValue.point(then) if then is not None else None


def unknown(gran: str) -> TimeValue:
    """An unresolved relative date: its unit is known, its place is not (EDTF XXXX)."""
    g = gran if gran in ("year", "month", "day") else "year"
    return TimeValue.point(TimePoint(g))  # type: ignore[arg-type]


def unit_offset(c: Context, gran: str, off: int, *, anaphoric: bool = False) -> TimeValue | None:
    """ "this year", "next month": the unit ``off`` from now (or from then)."""
    now = c.then() if anaphoric else c.now()
    if anaphoric and gran == "year" and off == 0 and _winter_into_dct(c, now):
        now = c.dct  # "the harsh winter had weighed on activity early in the year"
    if anaphoric and off == 0 and c.news and c.tense < 0 and _after_dct(c, now, gran):
        now = c.dct  # "through the end of January. It had delivered 61 jets through the first
        # nine months of the year": a past clause's year is not one still ahead
    if now is None:
        return unknown(gran)
    if gran == "week" and off == 0 and c.tense > 0 and not anaphoric and _sunday(now):
        off += 1  # "will decide this week" said on a Sunday: the week that starts tomorrow
    return pt(A.shift(now, gran, off))


def past_week(c: Context) -> TimeValue | None:
    """ "the past week", "this past week": the seven days before now, as the calendar week
    that holds most of them (the week now in, from its Thursday on; else the one before)."""
    now = c.now()
    if now is None or now.year is None or now.month is None or now.day is None:
        return unit_offset(c, "week", -1)
    thursday_on = weekday_of(now.year, now.month, now.day) >= 4  # ISO: Monday 1 ... Sunday 7
    return unit_offset(c, "week", 0 if thursday_on else -1)


def _sunday(p: TimePoint) -> bool:
    """``p`` is a Sunday, the last day of its ISO week."""
    if p.year is None or p.month is None or p.day is None:
        return False
    return weekday_of(p.year, p.month, p.day) == 7


def anaphor(c: Context, gran: str, off: int, part: str | None = None) -> TimeValue | None:
    """ "the following year", "the day before": the unit ``off`` from the time told."""
    then = that_year(c) if gran == "year" and off == 0 else c.then()
    ahead = gran in ("week", "month") and off != 0 and c.tense >= 0
    month = then is not None and then.month is not None and then.day is None
    if c.news and gran == "day" and off and month and (not c.ref_here or c.day_here):
        then = c.day or then  # "on Friday ... as early as next month. ... the following day";
        # "ends on Jan. 31, and ... in early January, will succeed him the following day"
    if c.news and (gran == "day" or ahead) and then is not None and then.month is None:
        # news told no day: "on the same day" is the DCT's; so is "the day before" unless
        # its sentence told the year ("In 1985, Reagan ... took the oath again the next day");
        # "will decide over the next month" after "next spring" counts from the DCT too
        if off == 0 or not c.ref_here:
            then = c.day or c.dct or then  # "In a statement Wednesday ... in the first half of
            # the year. The government estimated that same day": Wednesday
    coarse = then is not None and then.granularity in ("decade", "century", "millennium")
    if c.news and coarse and off != 0:
        then = c.dct or then  # "in the 1960s. ... expect growth to slow over the next year"
    if then is None:
        return unknown(gran)
    p = A.shift(then, gran, off)
    if p is None:
        return _unplaced(then, gran)
    if part and p.granularity == "day":
        return TimeValue.point(in_part(p, part), type="TIME")
    return TimeValue.point(p)


def _after_dct(c: Context, then: TimePoint | None, gran: str) -> bool:
    """The ``gran`` unit holding ``then`` begins after the DCT."""
    unit = A.coarsen(then, gran) if then is not None else None
    start = unit.earliest() if unit is not None and unit.year is not None else None
    dct = c.dct.earliest() if c.dct is not None else None
    return start is not None and dct is not None and start > dct


def _winter_into_dct(c: Context, then: TimePoint | None) -> bool:
    """In news, the time told is the winter that ran into the DCT's year."""
    if not c.news or then is None or c.dct is None or c.dct.year is None:
        return False
    return then.granularity == "season" and then.sub == 4 and then.year == c.dct.year - 1


def that_year(c: Context) -> TimePoint | None:
    """The time "that year" or "the same year" points to: the time told; but in news that
    stands at its own days, the last other year told ("left in 2007 ... said Tuesday that
    ... in May of that year"): news calls its own year "this year"; after the winter that
    ran into the DCT's year, that year."""
    then = c.then()
    if _winter_into_dct(c, then):
        return c.dct  # "the harsh winter ... that year"
    if not c.news or c.year_told is None or then is None or c.dct is None:
        return then
    gap = 0 if then is c.dct else days_apart(then, c.dct) if then.day is not None else None
    if gap is None or gap > STALE_DAYS:
        return then
    return TimePoint("year", year=c.year_told)


def part_told(c: Context, part: str) -> TimeValue | None:
    """ "by mid-afternoon", "before sunrise": that part of the day told; in news, of the
    DCT's day when the text has told no day near it."""
    day = day_told(c)
    then = c.then()
    if day is not None and then is not None and then.part == "NI" and part in ("MO", "AF"):
        after = A.shift_day(day, 1) if then.day is not None and A.same_day(day, then) else None
        if after is not None and not (c.tense < 0 and _after_dct(c, after, "day")):
            # "late Sunday night and intensified through the morning": Monday's (not
            # "searching tonight after tornadoes swept ... in the early morning": today's)
            return TimeValue.point(in_part(after, part), type="TIME")
    if c.news and day is not None and (A.same_day(day, c.dct) or day is c.lead_day):
        if part == "NI" and c.tense < 0 and A.same_day(day, c.dct):
            day = A.shift_day(day, -1) or day  # "spent the night on rooftops": last night
        return TimeValue.point(in_part(day, part), type="TIME")
    return anaphor(c, "day", 0, part)


def session_day(c: Context) -> TimePoint | None:
    """The day of a trading session told without one ("in midday trading"): the day this
    sentence or the one before tells ("fell on Friday. One dropped $1.25 in afternoon
    trading"), or in news, where they tell none, the day the news reports (not a day
    recalled a paragraph before)."""
    return _day_said(c) if c.news and not c.ref_last else day_told(c)


def session_part(c: Context, part: str) -> TimeValue | None:
    """ "in afternoon trading": that part of the session's day."""
    day = session_day(c)
    return TimeValue.point(in_part(day, part), type="TIME") if day is not None else None


def night_of(c: Context, off: int) -> TimeValue | None:
    """ "that night", "the previous night": the night of the day told (or ``off`` days
    from it); after a time in the small hours, the night they end ("to 6 a.m. Jan. 1 ...
    that night": Dec. 31's)."""
    then = c.then()
    small = then is not None and then.hour is not None and 0 <= then.hour <= SMALL_HOURS_END
    return part_of(anaphor(c, "day", off - small), "NI")


def year_of(v: TimeValue | None) -> TimeValue | None:
    """The year of the date ``v`` ("the fiscal year ending June 30, 2001": 2001)."""
    p = v.start if v is not None else None
    if p is None or p.year is None:
        return None
    return TimeValue.point(TimePoint("year", year=p.year))


def overnight(c: Context) -> TimeValue | None:
    """ "arrived overnight": the night before the day the text stands at; told ahead ("is
    expected to become heavy overnight"), that day's own night."""
    day = day_told(c)
    night = A.shift_day(day, 0 if c.tense > 0 else -1) if day is not None and day.day else None
    return TimeValue.point(in_part(night, "NI"), type="TIME") if night is not None else None


def day_told(c: Context) -> TimePoint | None:
    """The day the text stands at; in news, the DCT unless a day was told in this sentence
    or within ``STALE_DAYS`` of the DCT."""
    ref = c.then()
    if c.news and c.says and not c.ref_here:
        return _day_said(c)
    if c.news and _lead_day_fits(c, ref):
        return c.lead_day  # "a vote Friday ... when lawmakers return in early June. The
    near = ref if ref is not None and ref.day is not None else c.now() if c.news else None
    if c.news and near is not None and c.dct is not None and c.tense > 0:
        lo, dct = near.earliest(), c.dct.earliest()
        if lo is not None and dct is not None and lo < dct:
            return c.dct  # "since the election on December 4, is due to start at 7 p.m.": ahead
    fresh = c.ref_here and not c.ref_recalled
    if c.news and near is not None and c.dct is not None and near is not c.dct and not fresh:
        gap = days_apart(near, c.dct)
        lo, dct = near.earliest(), c.dct.earliest()
        # a day ahead told in the last few sentences, told ahead ("a referendum on June 18.
        # Polls will be open from 6 a.m.")
        ahead = c.tense > 0 and c.ref_near and lo is not None and dct is not None and lo > dct
        if (gap is None or gap > STALE_DAYS) and not _story_day(c, near) and not ahead:
            return _news_day(c)  # a day told weeks away is no longer the day the news is about
        if c.tense < 0 and lo is not None and dct is not None and lo > dct:
            return _news_day(c)  # "a judgment that began at 9:30 a.m." after "tomorrow morning"
    return near


def _news_day(c: Context) -> TimePoint | None:
    """The day the news is about, where the text stands at a day far from it: the lead's
    day for a clock time told in the past, if it lies in the week up to the DCT ("The
    Dow ... yesterday ... Treasury ... by 2019 ... rising 11 points at 4 p.m."), else the
    DCT."""
    return _day_said(c) if c.tense < 0 else c.dct


def _day_said(c: Context) -> TimePoint | None:
    """The day a statement was made: the lead's day if it lies in the week up to the DCT
    ("pushed into the town early Sunday ... At 6:40 a.m., a spokesman announced"), or the
    later day of that week the story has since told ("late Wednesday and early today ...
    by dawn ... Federal officials were expected Friday. Crews worked through the
    morning"); else the DCT."""
    week = _lead_week(c)
    if week is None or week[0] > week[1]:
        return c.dct
    recent, lead, dct = c.recent_day, c.lead_day, c.dct
    if recent is not None and lead is not None and dct is not None:
        lo, first, now = recent.earliest(), lead.earliest(), dct.earliest()
        if lo is not None and first is not None and now is not None and first < lo <= now:
            return recent
    return lead


def in_week_to_dct(c: Context, day: TimePoint) -> bool:
    """Day ``day`` lies in the ``WEEK_DAYS`` up to the DCT (its day included)."""
    lo, now = day.earliest(), c.dct.earliest() if c.dct is not None else None
    gap = days_apart(day, c.dct) if c.dct is not None else None
    return lo is not None and now is not None and gap is not None and lo <= now and gap <= WEEK_DAYS


def _lead_week(c: Context) -> tuple[Day, Day] | None:
    """The first days of the lead's day and of the DCT, when the lead's day lies within
    ``WEEK_DAYS`` of the DCT."""
    lead, dct = c.lead_day, c.dct
    if lead is None or dct is None or (days_apart(lead, dct) or 0) > WEEK_DAYS:
        return None
    lo, now = lead.earliest(), dct.earliest()
    return (lo, now) if lo is not None and now is not None else None


def _lead_day_fits(c: Context, ref: TimePoint | None) -> bool:
    """The lead's day, on the side of the DCT the clause's tense looks to, is a clock
    time's day where the text stands at no day, or (told ahead) at a day gone by ("a strike
    for Friday ... said late Saturday. Services will run between 6 a.m. and 9 a.m.")."""
    week = _lead_week(c)
    if week is None or c.tense == 0:
        return False
    lo, now = week
    if ref is None or ref.day is None:
        return lo <= now if c.tense < 0 else lo >= now
    told, gap = ref.earliest(), days_apart(ref, c.dct) if c.dct else None
    recent = told is not None and told < now and gap is not None and gap <= WEEK_DAYS
    return c.tense > 0 and lo >= now and recent


def _story_day(c: Context, day: TimePoint) -> bool:
    """In news going on in the past just after a sentence that opened on a day of an
    earlier year ("last seen on Aug. 21, 1987. ... she walked out at 11:50 p.m."), that day
    is still the story's; not after one that told the day the news is about first ("on
    Saturday to mark the anniversary of the speech on Aug. 28, 1963")."""
    dct = c.dct
    return (
        c.ref_near
        and c.ref_leads
        and not c.ref_recalled
        and c.tense < 0
        and dct is not None
        and dct.year is not None
        and day.year is not None
        and day.year < dct.year
    )


def _unplaced(then: TimePoint, gran: str) -> TimeValue:
    """A day, week or month told from a coarser reference time ("that same day" after
    "October 1998"): that unit, at a place unknown within it (1998-10-XX). Coarser units
    keep the reference time, approximate."""
    if then.granularity in ("decade", "century", "millennium"):
        return TimeValue.point(then, approximate=True)  # its year is not known
    month = then.month if then.granularity in ("month", "day") else None
    if gran == "day":
        return TimeValue.point(TimePoint("day", year=then.year, month=month))
    if gran in ("week", "month"):
        return TimeValue.point(TimePoint(gran, year=then.year))  # type: ignore[arg-type]
    return TimeValue.point(then, approximate=True)


def ago_on_day(c: Context, gran: str, n: int, day_off: int) -> TimeValue | None:
    """ "two years ago today", "a year ago tomorrow": that day of the DCT's (shifted by
    ``day_off``), ``n`` units of ``gran`` back."""
    now = c.now()
    day = A.shift(now, "day", day_off) if now is not None and now.day is not None else None
    if day is None or day.year is None or day.month is None or day.day is None:
        return ago(c, gran, n, 1, -1)
    if gran == "week":
        return pt(A.shift(day, "day", -7 * n))
    y, m = (day.year - n, day.month) if gran == "year" else add_months(day.year, day.month, -n)
    return pt(TimePoint("day", year=y, month=m, day=min(day.day, days_in_month(y, m))))


def counted_on(
    c: Context, gran: str, n: int | None, mult: int, sign: int, *, on: bool
) -> TimeValue | None:
    """ "two days later", "six months on": counted from the time told; None (a length) in
    news when nothing past is dated to count from ("Fifty years on") or when the date would fall
    years past the DCT from a time not itself ahead ("nearly seven decades later", not "by
    the end of 2015 ... five years later")."""
    then = c.then()
    if on and c.news and (c.ref is None or _years_past_dct(c, then)):
        return None  # nor "A decade on" after "The next year will decide"
    value = ago(c, gran, n, mult, sign, anaphoric=True)
    if _years_past_dct(c, value.start if value else None) > 1 and not _years_past_dct(c, then):
        return None
    return value


def _years_past_dct(c: Context, p: TimePoint | None) -> int:
    """In news, how many years after the DCT's ``p`` lies (0 when not after)."""
    if not c.news or c.dct is None or c.dct.year is None or p is None or p.year is None:
        return 0
    return max(0, p.year - c.dct.year)


def ago(
    c: Context, gran: str, count: int | None, mult: int, sign: int, *, anaphoric: bool = False
) -> TimeValue | None:
    """ "three years ago", "two days later": a count of units before or after now (or then)."""
    base = c.then() if anaphoric else c.now()
    if base is None:
        return unknown(gran)
    if count is None:
        return TimeValue(type="DATE", ref="PAST_REF" if sign < 0 else "FUTURE_REF")
    g = gran
    n = count * mult
    if g in ("decade", "century", "millennium"):
        g = "year"
    if g in ("second", "minute", "hour"):
        g = "day"
        n = 0
    month_told = base.granularity == "month" and c.ref_here and not c.quarter_here
    if _reporting(c) and g == "year" and n == 1 and sign < 0 and c.ref_quarter is not None:
        if not month_told:  # financial reports compare a quarter with the same quarter
            return pt(A.shift(c.ref_quarter, "quarter", -4))  # "a year ago"
    if base.granularity in ("year", "decade", "century") and g == "month" and n % 12 == 0:
        g, n = "year", n // 12  # "four years ago ... Twelve months later": a year on
    if base.granularity in ("year", "decade", "century") and g in ("day", "week", "month"):
        return TimeValue.point(A.coarsen(base, "year") or base, approximate=True)
    if month_told and g == "year" and sign < 0 and n <= MONTH_YEARS:
        # "rose 2% in May from a year earlier", "6.2% in December from 3.4% two years earlier"
        return pt(A.shift(base, "month", 12 * n * sign))
    if base.granularity == "month" and g in ("day", "week"):  # "That April ... two weeks
        days = n * (7 if g == "week" else 1) * sign  # later": about the month it lands in
        return pt(A.shift(base, "month", round(days / 30)), approximate=True)
    if base.granularity == "week" and g == "day":  # "six weeks earlier ... two days later":
        return pt(A.shift(base, "week", round(n * sign / 7)), approximate=True)  # its week
    return pt(A.shift(base, g, n * sign))


def some_time_later(c: Context, gran: str) -> TimeValue | None:
    """ "a few days later", "some months later": in narrative, about the month (for days
    and weeks) or the year (for months) the narrative stands at; news keeps the length."""
    base = c.then()
    if c.news or base is None or base.year is None:
        return None
    later = A.shift(base, gran, 3) if base.granularity in ("day", "month") else None  # "a few"
    coarse = A.coarsen(later or base, "month" if gran in ("day", "week") else "year") or base
    return TimeValue.point(coarse, approximate=True)


def after_event(
    c: Context,
    known: dict[str, TimeValue],
    name: str,
    gran: str,
    count: int | None,
    mult: int,
    sign: int,
    *,
    begun: bool = False,
) -> TimeValue | None:
    """ "five years after the revolution": counted from a happening the text has dated; from
    the end of one that lasted ("five years after the war" of 1853-56: 1861), from its start
    when the phrase says so ("after the war began") or counts back ("before the war")."""
    ev = c.events.get(name) or c.events.get(name.split()[-1]) or known.get(name)
    if ev is None or count is None:
        return None
    base = ev.start if sign < 0 or begun else ev.end
    if base is None:
        return None
    g = "year" if gran in ("decade", "century", "millennium") else gran
    return pt(A.shift(base, g, count * mult * sign))


def week_of(day: TimeValue | None, *, weekend: bool = False) -> TimeValue | None:
    """The week (or its weekend) holding a day, or the first day of a span of days."""
    p = day.start if day is not None else None
    if p is None or p.granularity != "day":
        return None
    week = A.coarsen(p, "week")
    if weekend and week is not None:
        return TimeValue.point(TimePoint("week", year=week.year, sub=week.sub, part="WE"))
    return pt(week)


def long_weekend(day: TimeValue | None) -> TimeValue | None:
    """The weekend a holiday makes long: the one after a Thursday or a Friday, the one
    before a Monday ("Memorial Day weekend"), the one holding a Saturday or a Sunday."""
    p = day.start if day is not None else None
    if p is None or p.year is None or p.month is None or p.day is None:
        return None
    if weekday_of(p.year, p.month, p.day) == 1:
        return week_of(pt(A.shift_day(p, -1)), weekend=True)
    return week_of(day, weekend=True)


def day_beside(day: TimeValue | None, off: int) -> TimeValue | None:
    """ "the day before Thanksgiving": the day ``off`` from a named day."""
    p = day.start if day is not None else None
    if p is None or p.granularity != "day":
        return None
    return pt(A.shift_day(p, off))


def day_then(c: Context) -> TimeValue | None:
    """The day the text stands at, as a value (None when it stands at no day)."""
    then = c.then()
    return pt(then) if then is not None and then.granularity == "day" else None


def weekday_beside(day: TimeValue | None, wd: int, off: int) -> TimeValue | None:
    """ "the Friday before Christmas": weekday ``wd`` nearest a named day on side ``off``
    (never the day itself)."""
    p = day.start if day is not None else None
    step = A.shift_day(p, off) if p is not None and p.granularity == "day" else None
    return pt(A.nearest_weekday(step, wd, off)) if step is not None else None


def weekend_beside(day: TimeValue | None, off: int) -> TimeValue | None:
    """ "the last weekend before Christmas": the weekend of the Saturday nearest a named day
    on side ``off``."""
    saturday = weekday_beside(day, 6, off)
    p = saturday.start if saturday is not None else None
    week = A.coarsen(p, "week") if p is not None else None
    if week is None:
        return None
    return TimeValue.point(TimePoint("week", year=week.year, sub=week.sub, part="WE"))


def nth_week(month: TimeValue | None, n: int) -> TimeValue | None:
    """ "the first week of August": the week holding day 4, 11, 18...; "the last week": the
    week holding the month's fourth day from the end. As ISO 8601 numbers the weeks of a
    year, a week belongs to the month that holds most of its days ("the first week of
    January" 2000 is 2000-W01, not the week of Saturday, Jan. 1)."""
    p = month.start if month is not None else None
    if p is None or p.granularity != "month" or p.year is None or p.month is None:
        return None
    last = days_in_month(p.year, p.month)
    day = last - 3 if n < 0 else min(4 + 7 * (n - 1), last)
    return pt(A.coarsen(TimePoint("day", year=p.year, month=p.month, day=day), "week"))


def nth_weekend(month: TimeValue | None, n: int) -> TimeValue | None:
    """ "the first weekend of May": the weekend of the month's ``n``-th Saturday (-1: the
    last)."""
    p = month.start if month is not None else None
    if p is None or p.granularity != "month" or p.year is None or p.month is None:
        return None
    first = 1 + (6 - weekday_of(p.year, p.month, 1)) % 7
    last = days_in_month(p.year, p.month)
    day = first + 7 * (n - 1) if n > 0 else last - (last - first) % 7
    if day > last:
        return None
    return week_of(pt(TimePoint("day", year=p.year, month=p.month, day=day)), weekend=True)


def end_day(period: TimeValue | None, last: bool) -> TimeValue | None:
    """ "the first day of May", "the last day of 2012": a month's or a year's first or
    last day."""
    p = period.start if period is not None else None
    if p is None or p.year is None or p.granularity not in ("month", "year"):
        return None
    month = p.month if p.month is not None else (12 if last else 1)
    day = days_in_month(p.year, month) if last else 1
    return pt(TimePoint("day", year=p.year, month=month, day=day))


def holiday(c: Context, rule: str, det: int | None) -> TimeValue | None:
    """ "Christmas", "Election Day": the occurrence near now on the side the tense allows."""
    now = c.now()
    if now is None or now.year is None:
        return None
    hit = A.holiday(rule, now.year)
    if hit is None:
        return None
    y = year_for(c, hit[0], det, hit[1])  # as for a month and day: near the DCT, tense aside
    if y is None:
        return None
    hit = A.holiday(rule, y)
    if hit is None:
        return None
    return TimeValue.point(TimePoint("day", year=y, month=hit[0], day=hit[1]))


STORY_DAYS = 183
"""In news, how far after a day told of an earlier year a day without its year may still
belong to that story."""
WEEK_DAYS = 6
"""In news, how far from the DCT the lead's day may lie to anchor a clock time."""
STALE_DAYS = 7
"""In news, a reference day further than this from the DCT does not anchor a bare clock
time ("polls close at 7 p.m." after a swearing-in date two months off)."""


def days_apart(a: TimePoint, b: TimePoint) -> int | None:
    """Days between two points' first days, or None when either has no day."""
    da, db = a.earliest(), b.earliest()
    if da is None or db is None:
        return None
    return abs(day_number(*da) - day_number(*db))


EVENING_HOUR = 18
"""From this hour on, a clock time told in the past on the DCT's day is rather last night's."""


def _last_night(c: Context, day: TimePoint, hour: int) -> bool:
    """A late clock time told in the past would fall on the DCT's day, when the news began
    the day before: it is that day's evening (the night ran into the DCT)."""
    if not c.news or c.tense >= 0 or not EVENING_HOUR <= hour < 24 or c.lead_day is None:
        return False
    if not A.same_day(day, c.dct):
        return False
    before = A.shift_day(c.dct, -1) if c.dct is not None else None
    return before is not None and A.same_day(c.lead_day, before)


def clock_moved(c: Context, minutes: int) -> TimeValue | None:
    """ "released two hours later": the clock time just told, ``minutes`` on; None (a
    length) when the text stands at no clock time of a known day."""
    then = c.ref
    if then is None or then.hour is None or then.day is None or not c.ref_near:
        return None
    if not minutes:
        return None
    moved = A.shift_minutes(then, minutes)
    return TimeValue.point(moved, type="TIME") if moved is not None else None


def session_at(c: Context, hour: int, minute: int) -> TimeValue | None:
    """ "in 4 p.m. composite trading": that clock time on the session's day."""
    day = session_day(c)
    return at_time(c, TimeValue.point(day) if day is not None else None, hour, minute)


def at_time(c: Context, day: TimeValue | None, hour: int, minute: int) -> TimeValue | None:
    """ "10 p.m.", "noon Friday": a clock time on its day, or on the day the text stands at."""
    d = day.start if day is not None and day.start is not None else day_told(c)
    if d is None or d.day is None:
        return TimeValue.point(TimePoint("minute", hour=hour, minute=minute), type="TIME")
    if day is None and _last_night(c, d, hour):
        d = c.lead_day or d  # "late Wednesday and early today ... touched down at 11:40 p.m."
    return TimeValue.point(
        TimePoint("minute", year=d.year, month=d.month, day=d.day, hour=hour, minute=minute),
        type="TIME",
    )
