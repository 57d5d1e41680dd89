"""Properties and examples of the time model: calendar arithmetic, EDTF, TIMEX3, order."""

from __future__ import annotations

import calendar
import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronologist.errors import InvalidDate
from chronologist.timemodel import (
    MODS,
    SEASONS,
    TimePoint,
    TimeValue,
    as_gregorian,
    day_number,
    days_in_month,
    from_day_number,
    is_leap,
    iso_week,
    unit_of,
    week_start,
    weekday,
    weeks_in_year,
)

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
MAX_Y_DIGITS = 10**12 - 1  # EDTF "Y" years have at most 12 digits


# --------------------------------------------------------------------------- strategies
@st.composite
def calendar_days(draw: st.DrawFn, lo: int = -100_000, hi: int = 100_000) -> tuple[int, int, int]:
    """A valid proleptic Gregorian (year, month, day), astronomical years."""
    year = draw(st.integers(lo, hi))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, days_in_month(year, month)))
    return year, month, day


def _years_4() -> st.SearchStrategy[int]:
    """Astronomical years that EDTF writes with four digits (and a sign)."""
    return st.integers(-9999, 9999)


def _big_years() -> st.SearchStrategy[int]:
    """Years EDTF writes with a "Y" prefix: beyond four digits, either sign."""
    return st.one_of(
        st.integers(10_000, MAX_Y_DIGITS),
        st.integers(-MAX_Y_DIGITS, -10_000),
        st.sampled_from([10_000, -10_000, MAX_Y_DIGITS, -MAX_Y_DIGITS, -170_000_000]),
    )


@st.composite
def edtf_points(draw: st.DrawFn, *, unknown_years: bool = False) -> TimePoint:
    """A ``TimePoint`` EDTF can write: year/decade/century/millennium/month/day/sub-year."""
    kind = draw(
        st.sampled_from(
            ["year", "bigyear", "decade", "century", "millennium", "month", "day", "season"]
            + ["quarter", "half"]
        )
    )
    if kind == "year":
        return TimePoint("year", year=draw(_years_4()))
    if kind == "bigyear":
        return TimePoint("year", year=draw(_big_years()))
    if kind in ("decade", "century", "millennium"):  # any year, in a unit of either sign
        return unit_of(kind, draw(st.integers(-9999, 9999)))
    year = draw(_years_4())
    if unknown_years and kind in ("month", "day") and draw(st.booleans()):
        year = None
    if kind == "month":
        return TimePoint("month", year=year, month=draw(st.integers(1, 12)))
    if kind == "day":
        month = draw(st.integers(1, 12))
        last = days_in_month(year if year is not None else 2000, month)
        return TimePoint("day", year=year, month=month, day=draw(st.integers(1, last)))
    count = 2 if kind == "half" else 4
    return TimePoint(kind, year=year, sub=draw(st.integers(1, count)))


@st.composite
def edtf_values(draw: st.DrawFn, *, unknown_years: bool = False) -> TimeValue:
    """A ``TimeValue`` EDTF can write: a point, a closed interval or a half-open one."""
    flags = {"approximate": draw(st.booleans()), "uncertain": draw(st.booleans())}
    shape = draw(st.sampled_from(["point", "interval", "open_start", "open_end"]))
    a = draw(edtf_points(unknown_years=unknown_years))
    if shape == "point":
        return TimeValue.point(a, **flags)
    if shape == "open_start":
        return TimeValue(end=a, open_start=True, **flags)
    if shape == "open_end":
        return TimeValue(start=a, open_end=True, **flags)
    b = draw(edtf_points(unknown_years=unknown_years))
    lo, hi = a.earliest(), b.latest()
    if lo is not None and hi is not None and lo > hi:
        a, b = b, a  # then b ends before a starts: swapped, start <= end
    return TimeValue(start=a, end=b, **flags)


def _timex_year_digits(draw: st.DrawFn, digits: int) -> str:
    """A TIMEX3 year prefix of 1-4 digits, AD or BC (no BC zero, no year 0000)."""
    top = 10**digits - 1
    if draw(st.booleans()):
        return "BC" + f"{draw(st.integers(1, top)):0{digits}d}"
    low = 1 if digits == 4 else 0
    return f"{draw(st.integers(low, top)):0{digits}d}"


def _astronomical(year4: str) -> int | None:
    if year4 == "XXXX":
        return None
    return 1 - int(year4[2:]) if year4.startswith("BC") else int(year4)


@st.composite
def timex_strings(draw: st.DrawFn) -> str:
    """A canonical TIMEX3 value string."""
    kind = draw(
        st.sampled_from(
            ["year", "decade", "century", "millennium", "month", "day", "week", "weekday"]
            + ["weekend", "season", "quarter", "half", "partofday", "time", "duration", "ref"]
        )
    )
    if kind == "decade":
        return _timex_year_digits(draw, 3)
    if kind == "century":
        return _timex_year_digits(draw, 2)
    if kind == "millennium":
        return _timex_year_digits(draw, 1)
    if kind == "ref":
        return draw(st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"]))
    if kind == "duration":
        n = draw(st.one_of(st.integers(1, 999).map(str), st.just("X")))
        if draw(st.booleans()):
            return f"PT{n}{draw(st.sampled_from('HMS'))}"
        return f"P{n}{draw(st.sampled_from(['Y', 'M', 'W', 'D', 'DE', 'CE', 'ML']))}"
    year = "XXXX" if draw(st.integers(0, 5)) == 0 else _timex_year_digits(draw, 4)
    if kind == "year":
        return year
    if kind == "season":
        return f"{year}-{draw(st.sampled_from(SEASONS))}"
    if kind == "quarter":
        return f"{year}-Q{draw(st.integers(1, 4))}"
    if kind == "half":
        return f"{year}-H{draw(st.integers(1, 2))}"
    if kind in ("week", "weekday", "weekend"):
        week = draw(st.one_of(st.integers(1, 52).map(lambda w: f"W{w:02d}"), st.just("WXX")))
        if kind == "week":
            return f"{year}-{week}"
        if kind == "weekend":
            return f"{year}-{week}-{draw(st.sampled_from(['WE', 'WD']))}"
        text = f"{year}-{week}-{draw(st.integers(1, 7))}"
        if draw(st.booleans()):
            text += "T" + draw(st.sampled_from(["MO", "MI", "AF", "EV", "NI"]))
        return text
    month = draw(st.integers(1, 12))
    if kind == "month":
        return f"{year}-{month:02d}" if draw(st.booleans()) else f"{year}-XX"
    y = _astronomical(year)
    day = draw(st.integers(1, days_in_month(y if y is not None else 2000, month)))
    date = f"{year}-{month:02d}-{day:02d}" if draw(st.booleans()) else f"{year}-{month:02d}-XX"
    if kind == "partofday":
        return f"{date}T{draw(st.sampled_from(['MO', 'MI', 'AF', 'EV', 'NI', 'DT']))}"
    if kind == "time":
        hh, mi, ss = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
        times = [f"T{hh:02d}", f"T{hh:02d}:{mi:02d}", f"T{hh:02d}:{mi:02d}:{ss:02d}"]
        return date + draw(st.sampled_from(times))
    return date


timex_mods = st.one_of(st.none(), st.sampled_from(MODS))


# ----------------------------------------------------------------- calendar arithmetic
@given(calendar_days())
def test_day_number_round_trips(day: tuple[int, int, int]) -> None:
    assert from_day_number(day_number(*day)) == day


@given(st.integers(-37_000_000, 37_000_000))
def test_from_day_number_round_trips(n: int) -> None:
    assert day_number(*from_day_number(n)) == n


@given(st.dates())
def test_day_number_matches_datetime_ordinal(date: dt.date) -> None:
    assert day_number(date.year, date.month, date.day) == date.toordinal() - EPOCH_ORDINAL
    assert from_day_number(date.toordinal() - EPOCH_ORDINAL) == (date.year, date.month, date.day)


@given(calendar_days())
def test_day_number_consecutive_days_differ_by_one(day: tuple[int, int, int]) -> None:
    n = day_number(*day)
    y, m, d = day
    if d < days_in_month(y, m):
        following = (y, m, d + 1)
    elif m < 12:
        following = (y, m + 1, 1)
    else:
        following = (y + 1, 1, 1)
    assert day_number(*following) == n + 1


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ((1582, 10, 4), (1582, 10, 14)),  # the last Julian day before the reform
        ((1752, 9, 2), (1752, 9, 13)),  # Britain's switch
        ((1917, 10, 25), (1917, 11, 7)),  # the October Revolution
        ((1918, 1, 31), (1918, 2, 13)),  # Russia's switch
        ((250, 6, 1), (250, 6, 1)),  # the calendars agree in the 3rd century
        ((-43, 3, 15), (-43, 3, 13)),  # the Ides of March, 44 BC
    ],
)
def test_as_gregorian_known_days(
    julian: tuple[int, int, int], gregorian: tuple[int, int, int]
) -> None:
    assert as_gregorian(julian, "julian") == gregorian
    assert as_gregorian(gregorian, "gregorian") == gregorian


@given(st.integers(-4000, 4000), st.integers(1, 12), st.integers(1, 28))
def test_as_gregorian_keeps_consecutive_julian_days_consecutive(y: int, m: int, d: int) -> None:
    a, b = as_gregorian((y, m, d), "julian"), as_gregorian((y, m, d + 1), "julian")
    assert a is not None and b is not None
    assert day_number(*b) == day_number(*a) + 1


def test_julian_value_sorts_and_bounds_as_its_gregorian_day() -> None:
    old = TimeValue.from_edtf("1917-10-25").with_(calendar="julian")
    new = TimeValue.from_edtf("1917-11-07")
    assert old.edtf == "1917-10-25"  # the digits as written
    assert (old.earliest, old.latest) == (new.earliest, new.latest) == ((1917, 11, 7),) * 2
    assert old.sort_key[:4] == new.sort_key[:4]
    later = TimeValue.from_edtf("1917-11-01")  # before the Julian date's true day
    assert sorted([old, later], key=lambda v: v.sort_key) == [later, old]


@given(st.dates())
def test_weekday_matches_datetime(date: dt.date) -> None:
    assert weekday(date.year, date.month, date.day) == date.isoweekday()


@given(st.dates())
def test_iso_week_matches_isocalendar(date: dt.date) -> None:
    iso = date.isocalendar()
    assert iso_week(date.year, date.month, date.day) == (iso.year, iso.week)


@given(st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 12, 31)))
def test_week_start_is_the_monday_of_the_iso_week(date: dt.date) -> None:
    iso = date.isocalendar()
    monday = date - dt.timedelta(days=iso.weekday - 1)
    assert week_start(iso.year, iso.week) == monday.toordinal() - EPOCH_ORDINAL


@given(st.integers(1, 9999))
def test_weeks_in_year_matches_isocalendar(year: int) -> None:
    assert weeks_in_year(year) == dt.date(year, 12, 28).isocalendar().week


@given(st.integers(1, 9999), st.integers(1, 12))
def test_days_in_month_matches_calendar(year: int, month: int) -> None:
    assert is_leap(year) == calendar.isleap(year)
    assert days_in_month(year, month) == calendar.monthrange(year, month)[1]


@given(calendar_days())
def test_weekday_is_periodic_across_negative_years(day: tuple[int, int, int]) -> None:
    # 400 Gregorian years are exactly 146097 days, a whole number of weeks
    y, m, d = day
    assert weekday(y, m, d) == weekday(y - 400, m, d)
    assert day_number(y, m, d) - day_number(y - 400, m, d) == 146_097


# --------------------------------------------------------------------------------- EDTF
@given(edtf_values(unknown_years=True))
def test_edtf_round_trips(value: TimeValue) -> None:
    text = value.edtf
    parsed = TimeValue.from_edtf(text)
    assert parsed == value, text
    assert parsed.edtf == text


@given(edtf_values())
def test_edtf_earliest_is_not_after_latest(value: TimeValue) -> None:
    lo, hi = value.earliest, value.latest
    if lo is not None and hi is not None:
        assert day_number(*lo) <= day_number(*hi)
    for p in (value.start, value.end):
        if p is not None:
            assert p.earliest() <= p.latest()


# ------------------------------------------------------------------------------- TIMEX3
@given(timex_strings(), timex_mods)
def test_timex_round_trips(text: str, mod: str | None) -> None:
    value = TimeValue.from_timex(text, mod)
    assert value.timex == text
    assert value.mod == mod
    assert TimeValue.from_timex(value.timex, value.mod) == value


@given(timex_strings(), timex_mods)
def test_timex_earliest_is_not_after_latest(text: str, mod: str | None) -> None:
    value = TimeValue.from_timex(text, mod)
    for p in (value.start, value.end):
        if p is not None and p.earliest() is not None:
            assert day_number(*p.earliest()) <= day_number(*p.latest())


@given(timex_strings(), timex_mods)
def test_timex_open_ends_follow_mod(text: str, mod: str | None) -> None:
    value = TimeValue.from_timex(text, mod)
    if value.start is None and value.end is None:
        return  # durations and references have no place on the time line
    assert value.open_start == (mod in ("BEFORE", "ON_OR_BEFORE"))
    assert value.open_end == (mod in ("AFTER", "ON_OR_AFTER"))
    assert value.approximate == (mod == "APPROX")


# ---------------------------------------------------------------------------- the order
def _earliest_day(value: TimeValue) -> int | None:
    return day_number(*value.earliest) if value.earliest else None


@given(st.lists(edtf_values(), max_size=25))
def test_sort_key_orders_by_earliest_day_open_starts_first(values: list[TimeValue]) -> None:
    ordered = sorted(values, key=lambda v: v.sort_key)
    days = [_earliest_day(v) for v in ordered]
    opened = [d is None for d in days]
    assert opened == sorted(opened, reverse=True), "open starts must come first"
    known = [d for d in days if d is not None]
    assert known == sorted(known)


@given(st.lists(edtf_values(), max_size=25), st.randoms(use_true_random=False))
def test_sort_key_is_total_and_deterministic(values: list[TimeValue], rnd: random.Random) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert sorted(shuffled, key=lambda v: v.sort_key) == sorted(values, key=lambda v: v.sort_key)
    # a total order: two values share a key only when they are the same value
    assert len({v.sort_key for v in values}) == len(set(values))


@given(edtf_values(), edtf_values())
def test_sort_key_agrees_with_earliest_day(a: TimeValue, b: TimeValue) -> None:
    da, db = _earliest_day(a), _earliest_day(b)
    if da is None and db is not None or da is not None and db is not None and da < db:
        assert a.sort_key < b.sort_key


def test_sort_key_puts_values_without_bounds_last() -> None:
    values = [
        TimeValue.from_timex("P3Y"),
        TimeValue.from_edtf("1924/.."),
        TimeValue.from_edtf("../1917"),
        TimeValue.from_edtf("1917"),
    ]
    ordered = [v.timex for v in sorted(values, key=lambda v: v.sort_key)]
    assert ordered == ["1917", "1917", "1924", "P3Y"]
    assert sorted(values, key=lambda v: v.sort_key)[0].open_start


# ----------------------------------------------------------------------------- examples
@pytest.mark.parametrize(
    ("edtf", "granularity", "flags", "earliest", "latest"),
    [
        ("1917~", "year", {"approximate": True}, (1917, 1, 1), (1917, 12, 31)),
        ("1917?", "year", {"uncertain": True}, (1917, 1, 1), (1917, 12, 31)),
        ("1917%", "year", {"approximate": True, "uncertain": True}, (1917, 1, 1), (1917, 12, 31)),
        ("192X", "decade", {}, (1920, 1, 1), (1929, 12, 31)),
        ("19XX", "century", {}, (1900, 1, 1), (1999, 12, 31)),
        ("-0430", "year", {}, (-430, 1, 1), (-430, 12, 31)),
        ("../1917", "year", {"open_start": True}, None, (1917, 12, 31)),
        ("1924/..", "year", {"open_end": True}, (1924, 1, 1), None),
        ("1921/1928", "year", {}, (1921, 1, 1), (1928, 12, 31)),
        ("1922-04-03", "day", {}, (1922, 4, 3), (1922, 4, 3)),
        ("1922-04", "month", {}, (1922, 4, 1), (1922, 4, 30)),
        ("1347-23", "season", {}, (1347, 9, 1), (1347, 11, 30)),
        ("1347-24", "season", {}, (1347, 12, 1), (1348, 2, 29)),
        ("1998-35", "quarter", {}, (1998, 7, 1), (1998, 9, 30)),
        ("1998-40", "half", {}, (1998, 1, 1), (1998, 6, 30)),
        ("Y-170000000", "year", {}, (-170_000_000, 1, 1), (-170_000_000, 12, 31)),
    ],
)
def test_edtf_examples(
    edtf: str,
    granularity: str,
    flags: dict[str, bool],
    earliest: tuple[int, int, int] | None,
    latest: tuple[int, int, int] | None,
) -> None:
    value = TimeValue.from_edtf(edtf)
    assert value.granularity == granularity
    assert value.earliest == earliest
    assert value.latest == latest
    for flag in ("approximate", "uncertain", "open_start", "open_end"):
        assert getattr(value, flag) == flags.get(flag, False), flag
    assert value.edtf == edtf


def test_edtf_minus_0430_is_431_bce() -> None:
    value = TimeValue.from_edtf("-0430")
    assert value.start == TimePoint("year", year=-430)
    assert value.timex == "BC0431"


def test_edtf_season_and_quarter_codes() -> None:
    assert TimeValue.from_edtf("1347-23").start == TimePoint("season", year=1347, sub=3)
    assert SEASONS[2] == "FA"  # 23 is autumn
    assert TimeValue.from_edtf("1998-35").start == TimePoint("quarter", year=1998, sub=3)
    assert TimeValue.from_edtf("1998-35").timex == "1998-Q3"


def test_timex_bc_year_is_astronomical() -> None:
    value = TimeValue.from_timex("BC0044")
    assert value.start == TimePoint("year", year=-43)
    assert value.edtf == "-0043"
    assert TimeValue.from_edtf("-0043").timex == "BC0044"
    assert TimeValue.from_timex("BC0001").start == TimePoint("year", year=0)


@pytest.mark.parametrize("text", ["BC0044-03", "BC0044-03-15", "BC0044-Q3", "BC0044-SU"])
def test_timex_bc_sub_year_units_keep_their_year(text: str) -> None:
    value = TimeValue.from_timex(text)
    assert value.start is not None and value.start.year == -43
    assert value.timex == text


def test_timemodel_fifth_century_bc() -> None:
    value = TimeValue.point(unit_of("century", -450))
    assert value.edtf == "-04XX" and value.timex == "BC04"
    assert value.earliest is not None and value.earliest[0] == -499
    assert value.latest is not None and value.latest[0] == -400
    assert TimeValue.from_edtf("-04XX") == value == TimeValue.from_timex("BC04")


@pytest.mark.parametrize(
    ("year", "edtf", "timex", "first", "last"),
    [
        (-1, "-00XX", "BC00", -99, 0),  # the 1st century BC: 100-1 BC
        (0, "00XX", "00", 0, 99),  # year 0 (1 BC) is in both; it is given the first
        (50, "00XX", "00", 0, 99),
        (-100, "-01XX", "BC01", -199, -100),
        (1999, "19XX", "19", 1900, 1999),
    ],
)
def test_unit_of_centuries_around_year_zero(
    year: int, edtf: str, timex: str, first: int, last: int
) -> None:
    value = TimeValue.point(unit_of("century", year))
    assert (value.edtf, value.timex) == (edtf, timex)
    assert value.earliest is not None and value.latest is not None
    assert (value.earliest[0], value.latest[0]) == (first, last)
    assert TimeValue.from_edtf(edtf) == value == TimeValue.from_timex(timex)


@given(st.integers(-9999, 9999), st.sampled_from(["decade", "century", "millennium"]))
def test_unit_of_holds_its_year(year: int, granularity: str) -> None:
    unit = unit_of(granularity, year)  # type: ignore[arg-type]
    years = unit.span_years()
    assert years is not None and years[0] <= year <= years[1]


def test_timex_week_bounds() -> None:
    value = TimeValue.from_timex("1998-W32")
    assert value.earliest == (1998, 8, 3)
    assert value.latest == (1998, 8, 9)
    assert value.edtf == "1998-08-03/1998-08-09"


def test_timex_weekend_bounds() -> None:
    value = TimeValue.from_timex("1998-W32-WE")
    assert value.earliest == (1998, 8, 8)
    assert value.latest == (1998, 8, 9)


def test_timex_weekdays_bounds() -> None:
    value = TimeValue.from_timex("1998-W32-WD")
    assert value.earliest == (1998, 8, 3)
    assert value.latest == (1998, 8, 7)
    assert value.timex == "1998-W32-WD"


@pytest.mark.parametrize("text", ["1922-02-30", "1922-13", "", "1921/1928/1930", "abc"])
@pytest.mark.parametrize("parse", [TimeValue.from_edtf, TimeValue.from_timex])
def test_timemodel_invalid_input_raises_invalid_date(parse, text: str) -> None:
    with pytest.raises(InvalidDate):
        parse(text)


@pytest.mark.parametrize(
    "text", ["1928/1921", "1922-00", "1922-04-00", "1922-25", "1922-42", "../..", "19X2"]
)
def test_edtf_invalid_input_raises_invalid_date(text: str) -> None:
    with pytest.raises(InvalidDate):
        TimeValue.from_edtf(text)


def test_timex_unknown_mod_raises_invalid_date() -> None:
    with pytest.raises(InvalidDate, match="mod"):
        TimeValue.from_timex("1998", "SOMETIME")
