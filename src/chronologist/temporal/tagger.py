"""``tag_times``: run the rules tagger over a text and resolve every expression.

Mode (how relative expressions are anchored, see ``anchor``):

* ``news``: deictic expressions ("today", "last year", "Friday") anchor on the document
  creation time (DCT); anaphoric ones ("the following year") on the last date mentioned.
* ``narrative``: history prose has no speech time that matters; every relative
  expression anchors on the narrative's reference time, the last date mentioned (a DCT,
  if given, is used only before the text has mentioned any date).

``choose_mode`` picks ``news`` when a DCT is given or the genre is news-like, else
``narrative``; an explicit genre wins over the DCT rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from chronologist.errors import InvalidDate
from chronologist.models import Span, TimeMention
from chronologist.temporal import anchor as A
from chronologist.temporal import resolve as R
from chronologist.temporal.lexicon import load_lexicon
from chronologist.temporal.reading import Reading
from chronologist.temporal.resolve import Context
from chronologist.temporal.rules import Parser
from chronologist.temporal.tense import (
    CLOSING_QUOTES,
    HAD_OWNS,
    SENTENCE_END,
    ends_sentence,
    happened_on,
    in_sentence,
    pluperfect,
    possessive_s,
    reports,
    said_before,
    says_when,
    tense_at,
)
from chronologist.temporal.tokens import Token, segments, tokenize
from chronologist.timemodel import UNIT_YEARS, TimePoint, TimeValue, days_in_month
from chronologist.timemodel import weekday as weekday_of

Mode = Literal["news", "narrative"]
NEWS_GENRES = frozenset({"news", "newswire", "press", "report", "blog"})
NARRATIVE_GENRES = frozenset(
    {
        "narrative",
        "history",
        "essay",
        "biography",
        "encyclopedia",
        "chronology",
        "timetoast-export",
        "timeline",
    }
)
LATE_NIGHT, SMALL_HOURS_END = 20, 6
"""A clock time from 8 p.m. on, then one before 6 a.m.: the night has gone past midnight."""
CLAUSE_SUBJECTS = frozenset(
    {"we", "i", "he", "she", "they", "it", "the", "our", "his", "her", "their", "its", "a"}
)
"""Words that open a clause's subject right after a year opening the sentence ("Last year we
were planting in March")."""
RECALL_BACK = 15
"""How far back ``_recalled`` looks for the "which" of a relative clause."""
NOON = 12
"""After an evening or a night told, a clock time before noon is the next morning's."""
OPENING_PREPOSITIONS = frozenset({"after", "before", "in", "during", "since", "until"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
QUOTE_SPAN, QUOTE_BACK = 25, 400
"""How far, in words, a quotation's close and its attribution are looked for; how far back,
in tokens, its opening."""
_DCT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?|(\d{4})(\d{2})(\d{2})")


def parse_dct(text: str) -> TimePoint:
    """A document creation time ("1998-08-07", "1998-08-07T14:00", "19980807") as a day."""
    m = _DCT.fullmatch(text.strip())
    if not m:
        raise InvalidDate(f"Invalid document date {text!r}: expected YYYY-MM-DD.")
    y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    if not (1 <= mo <= 12 and 1 <= d <= days_in_month(y, mo)):
        raise InvalidDate(f"Invalid document date {text!r}: no such day.")
    return TimePoint("day", year=y, month=mo, day=d)


def choose_mode(dct: str | None, genre: str | None = None) -> Mode:
    """News when a DCT is given or the genre is news-like; narrative otherwise."""
    if genre:
        g = genre.lower()
        if g in NEWS_GENRES:
            return "news"
        if g in NARRATIVE_GENRES:
            return "narrative"
    return "news" if dct else "narrative"


def _anchored(reading: Reading, when: TimeValue) -> str:
    if reading.explicit:
        return "explicit"
    point = when.start or when.end
    if when.type in ("DURATION", "SET") and point is None:
        return "explicit"
    if point is None or point.year is None:
        return "unresolved"
    return "anaphoric" if reading.anaphoric else "deictic"


def _mention(
    text: str,
    toks: list[Token],
    reading: Reading,
    when: TimeValue,
    interval: TimeValue | None = None,
) -> TimeMention:
    start, end = toks[reading.i].start, toks[reading.j - 1].end
    return TimeMention(Span(start, end), text[start:end], when, _anchored(reading, when), interval)


def _fill_year(part: Reading, value: TimeValue, start: TimePoint) -> TimeValue:
    """The first end of "from July 20 to Aug. 6, 1789", written without its year, takes
    the range's year (not one the DCT would choose)."""
    if value.start is None or start.year is None:
        return value
    if value.start.year is None or (not part.explicit and value.start.year != start.year):
        return TimeValue.point(start)
    return value


def _resolve(reading: Reading, ctx: Context) -> TimeValue | None:
    try:
        return reading.build(ctx)
    except (InvalidDate, ValueError, KeyError):
        return None


def _counted_from(reading: Reading, ctx: Context, before: TimePoint | None) -> TimeValue | None:
    """A relative date set off by a comma after an explicit one restates it, counted from
    the time told before it: "crowned in 800, ... died in 814, fourteen years later". None
    when no time was told before, or when the phrase does not move from it ("in 146 BC, the
    same year"): then it is the date just given."""
    if before is None:
        return None
    told, ctx.ref = ctx.ref, before
    value = _resolve(reading, ctx)
    ctx.ref = told
    start = value.start if value is not None else None
    if start is None or start == A.coarsen(before, start.granularity):
        return None
    return value


def _from_event(reading: Reading, ctx: Context) -> bool:
    """A length counted from a happening ("two days before the armistice"), in narrative; set
    off by a comma after a date, it restates that date."""
    return not ctx.news and reading.fallback is not None and not reading.shifted


def _at_unit_of(told: TimePoint, counted: TimeValue | None) -> TimePoint:
    """``told`` at the granularity of ``counted``, when that is coarser."""
    unit = counted.start if counted is not None else None
    if unit is None or unit.granularity not in UNIT_YEARS and unit.granularity != "year":
        return told
    return A.coarsen(told, unit.granularity) or told


def _lasting(begun: TimeValue | None, ended: TimeValue) -> TimeValue | None:
    """A happening from the start of ``begun`` to the end of ``ended`` (None if it would end
    before it starts)."""
    start = begun.start if begun is not None else None
    end = ended.end if ended.end is not None else ended.start
    if start is None or end is None:
        return None
    first, last = start.earliest(), end.earliest()
    if first is None or last is None or last < first:
        return None
    return TimeValue(start=start, end=end)


def _year_before(point: TimePoint, quarter: TimePoint | None) -> bool:
    """``point`` is ``quarter`` a year before: the period a result is compared with."""
    if quarter is None or quarter.year is None or point.year is None:
        return False
    return point.year == quarter.year - 1 and point.sub == quarter.sub


def _update(ctx: Context, reading: Reading, when: TimeValue) -> None:
    if when.ref or when.type == "SET" or (when.type == "DURATION" and when.start is None):
        return  # a length moves no narrative; a range ("1473-74") does
    if reading.passing:
        return
    point = when.start if when.start is not None else when.end
    if point is None or point.year is None:
        return
    # after a closed range the narrative stands at its end ("1473-74 ... the following
    # year"); after "by November a loaf cost ...", at the date the bound names; a decade
    # that holds its time does not move it ("throughout the early 1930s" after July 1936)
    by_then = when.mod == "ON_OR_BEFORE" and point.granularity not in UNIT_YEARS
    moves = not (when.open_start or when.open_end) or reading.explicit or by_then
    # in narrative, "at 5 a.m. on 11 November 1918": the day keeps the clock time told
    clocked = not ctx.news and _clock_on(point, ctx.ref)
    if moves and not _holds(point, ctx.ref) and not clocked:
        ctx.ref = when.end if when.end is not None and not when.open_end else point
    if point.granularity == "quarter" and not reading.shifted:
        # not the quarter a result is set against ("... compared with a loss in the final
        # three months of 1994. Revenue for the quarter rose")
        compared = _year_before(point, ctx.ref_quarter)
        if not compared and (reading.reported or not _unfinished(point, ctx)):
            ctx.ref_quarter = point  # the quarter being reported, not one under way or forecast
    if reading.event_name:
        name = reading.event_name
        ctx.events[name] = when
        ctx.events.setdefault(name.split()[-1], when)


@dataclass(slots=True)
class _Flashback:
    """A pluperfect clause in narrative ("who had published it in February 1848") sets the
    time for the rest of its sentence ("... fled later that year": 1848); after the
    sentence, the narrative's own time comes back."""

    held: TimePoint | None = None
    until: int = -1

    def open(self, ctx: Context, toks: list[Token], j: int) -> None:
        # "the eruption of Tambora in the previous year had darkened the skies": the
        # expression inside the pluperfect clause's subject
        had = j + 1 < len(toks) and toks[j].low == "had" and toks[j + 1].low not in HAD_OWNS
        back = ctx.pluperfect or had
        if not back and j <= self.until:
            self.held = None  # the sentence's main clause moves the narrative on
        elif back and not ctx.news and ctx.ref is not None and self.held is None:
            self.held = ctx.ref
            self.until = next(
                (k for k in range(j, len(toks)) if toks[k].text in SENTENCE_END), len(toks)
            )

    def close_before(self, ctx: Context, i: int) -> None:
        if self.held is not None and i > self.until:
            ctx.ref, self.held = self.held, None


def _side(when: TimeValue | None, ctx: Context) -> int:
    """In news, the direction a date coordinated with ``when`` takes: ``when``'s side of
    the DCT ("yesterday and Monday", "tomorrow and Thursday"); 0 when ``when`` is on the
    DCT's day or unknown ("statements made Friday and Thursday", said on a Friday)."""
    if not ctx.news or ctx.dct is None or when is None or when.earliest is None:
        return 0
    dct = ctx.dct.earliest()
    if dct is None or when.latest is None:
        return 0
    return 1 if when.earliest > dct else -1 if when.latest < dct else 0


def _between(toks: list[Token], j: int, i: int) -> list[Token]:
    """The tokens between an expression that ended at ``j`` and one that starts at ``i``."""
    return toks[j:i] if 0 <= j < i else []


def _coordinated(toks: list[Token], j: int, i: int) -> bool:
    """Only "and", "or" or a comma lie between tokens ``j`` and ``i`` (a time expression
    ended at ``j``): the two expressions share their clause and its tense."""
    between = _between(toks, j, i)
    if len(between) > 1 and between[-1].low in ("in", "on", "by") and between[-2].low == "or":
        between = between[:-1]  # "possibly in June or in the autumn"
    if len(between) > 2 and between[-1].low in ("in", "on") and between[-2].low == "again":
        between = between[:-2]  # "cited him in August 1990 and again on March 4"
    return bool(between) and all(t.low in ("and", "or", ",") for t in between)


def _ranged(toks: list[Token], j: int, i: int) -> bool:
    """Only "through", "to", "until" or a dash lie between tokens ``j`` and ``i`` (a time
    expression ended at ``j``): the second ends a range the first starts ("from this
    evening through Monday night")."""
    between = _between(toks, j, i)
    return len(between) == 1 and between[0].low in ("through", "to", "until", "till", "-")


def _point(when: TimeValue | None) -> TimePoint | None:
    """The point ``when`` names, when it names one (not a range)."""
    return when.start if when is not None and not when.is_interval else None


def _a_day(when: TimeValue | None) -> bool:
    """``when`` is one day or a time of one day."""
    start = _point(when)
    return start is not None and start.day is not None


def _not_before(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A weekday ending a range that ``last`` starts: the first such day on or after it."""
    day, first = _point(when), _point(last)
    if when is None or day is None or first is None or not (_a_day(when) and _a_day(last)):
        return when
    gap, lo, start = R.days_apart(day, first), day.earliest(), first.earliest()
    if gap is None or lo is None or start is None or lo >= start:
        return when
    return _shifted(when, day, 7 * ((gap + 6) // 7))  # "through Friday night": its night


def _month_not_before(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A month, or a month's day, ending a range that ``last`` starts ("from September
    through January", "from Jan. 1 through Dec. 31"): the first such on or after it."""
    end, first = _point(when), _point(last)
    if when is None or end is None or first is None or end.granularity not in ("month", "day"):
        return when
    if first.granularity != end.granularity or end.year is None or first.year is None:
        return when
    earlier = (end.month or 0, end.day or 0) < (first.month or 0, first.day or 0)
    year = first.year + earlier
    if end.day is not None and end.day > A.days_in_month_of(year, end.month or 1):
        return when
    moved = replace(end, year=year)
    return TimeValue.point(moved, type=when.type)


def _month_beside(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A month joined to the month before it ("for July and August") that its clause put
    in another year: the first such month on or after it, as in a range."""
    end, first = _point(when), _point(last)
    if end is None or first is None or end.year == first.year:
        return when
    return _month_not_before(when, last)


def _past_midnight(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A clock time ending a range that ``last`` starts later on the same day ("from 10
    p.m. to 5 a.m.", "Monday night ... after midnight"): the next day's."""
    end, start = _point(when), _point(last)
    if when is None or end is None or start is None or end.hour is None:
        return when
    night = start.granularity == "partofday" and start.part in ("EV", "NI")
    if start.hour is None and not night:
        return when
    if not A.same_day(end, start):
        return when
    if start.hour is not None and (end.hour, end.minute or 0) >= (start.hour, start.minute or 0):
        return when
    return _shifted(when, end, 1)  # "to about 5 a.m." stays about


def _on_day_of(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A clock time ending a range, told without a day, on the day of the clock time that
    starts it ("on Monday night ... from 7 p.m. until 11 p.m.")."""
    end, start = _point(when), _point(last)
    if when is None or end is None or start is None or end.hour is None or start.day is None:
        return when
    if start.hour is None or end.day is None or A.same_day(end, start):
        return when
    moved = replace(end, year=start.year, month=start.month, day=start.day)
    return when.with_(start=moved, end=moved)


def _shifted(when: TimeValue, p: TimePoint, days: int, hour: int | None = None) -> TimeValue:
    """The point value ``when`` (at ``p``) moved ``days`` days on, at ``hour`` if given; its
    qualifiers ("about") kept."""
    day = A.shift_day(TimePoint("day", year=p.year, month=p.month, day=p.day), days)
    if day is None:
        return when
    moved = replace(
        p, year=day.year, month=day.month, day=day.day, hour=p.hour if hour is None else hour
    )
    return when.with_(start=moved, end=moved)


def _small_hours(when: TimeValue | None, last: TimeValue | None, *, past: bool) -> bool:
    """``when`` is a clock time of the small hours told after ``last``, one late at night;
    told in the past after an evening or a night, any clock time of the morning."""
    now, before = _point(when), _point(last)
    if now is None or before is None or now.hour is None:
        return False
    if before.granularity == "partofday" and before.part in ("EV", "NI"):
        # "lost power Monday night ... restored it by 6 a.m.": the next morning (not "by
        # Friday night. The program begins at 7 a.m.", a schedule)
        return now.hour < (NOON if past else SMALL_HOURS_END)
    if before.hour is None:
        return False
    return now.hour < SMALL_HOURS_END and before.hour >= LATE_NIGHT  # "until midnight ... 12:01"


def _beside(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A weekday listed with the day ``last`` ("next Tuesday and Wednesday"): the one
    within two days of it, if there is one."""
    day, other = _point(when), _point(last)
    if when is None or day is None or other is None or day.day is None or other.day is None:
        return when
    days = ("day", "partofday")  # "on Friday night and Saturday night"
    if day.granularity not in days or other.granularity not in days:
        return when
    near = A.nearest_weekday(other, weekday_of(day.year or 0, day.month or 1, day.day), 0)
    gap = R.days_apart(near, other) if near is not None else None
    if near is None or gap is None or gap > 2:
        return when
    if day.granularity == "partofday" and day.part:
        return TimeValue.point(R.in_part(near, day.part), type="TIME")
    return TimeValue.point(near)


HABIT_BREAKS = frozenset({"but", "while", "although", ";", "today", "yesterday"})
"""Words that end the clause a habit word before a time may be told in."""
APPOSING = frozenset({",", "on", "in", "probably", "perhaps", "possibly", "likely", "maybe"})
"""Words that may stand between a date and one restating it after a comma ("this year,
probably in April", "Three weeks later, on 9 April")."""


def _apposed(toks: list[Token], j: int, i: int) -> bool:
    """A comma (and "on") alone lie between tokens ``j`` and ``i`` (a time expression ended
    at ``j``): the second restates the first ("Three weeks later, on 9 April")."""
    between = _between(toks, j, i)
    return bool(between) and between[0].text == "," and all(t.low in APPOSING for t in between)


def _in_week_of(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A weekday that restates the week ``last`` ("next week, possibly on Tuesday"): that
    week's."""
    day, week = _point(when), _point(last)
    if when is None or day is None or day.day is None or day.year is None or week is None:
        return when
    if week.granularity != "week" or day.month is None:
        return when
    there = A.day_of_week(week, weekday_of(day.year, day.month, day.day))
    if there is None:
        return when
    return TimeValue.point(
        replace(day, year=there.year, month=there.month, day=there.day), type=when.type
    )


PARTS_OF_YEAR = ("quarter", "half", "season")
"""Granularities of a part of a year (coarser than a month)."""


def _part_of_year(when: TimeValue | None) -> bool:
    """``when`` is a quarter, a half or a season of a year."""
    p = _point(when)
    return p is not None and p.granularity in PARTS_OF_YEAR


def _in_year_of(when: TimeValue | None, last: TimeValue | None) -> TimeValue | None:
    """A day written without its year that restates ``last``: in the year that puts it
    nearest to ``last`` ("on 20 March 2003. Three weeks later, on 9 April": 2003); a month or
    a part of the year after a year, in that year ("in 2013, maybe the second half")."""
    day, other = _point(when), _point(last)
    if day is None or other is None or other.year is None:
        return when
    part = day.granularity in ("month", *PARTS_OF_YEAR)
    if part and day.year is not None and other.granularity == "year":
        return TimeValue.point(replace(day, year=other.year))  # "this year, probably in April",
        # "sometime in 2013, maybe the second half"
    if day.granularity != "day":
        return when
    if day.month == 2 and day.day == 29:
        return when
    if other.granularity in ("year", "month", "season", "quarter", "half"):
        return TimeValue.point(replace(day, year=other.year))  # "The next year, on December 1"
    years = (other.year - 1, other.year, other.year + 1)
    near = min((replace(day, year=y) for y in years), key=lambda p: R.days_apart(p, other) or 0)
    return TimeValue.point(near)


YEAR_LINKS = frozenset({"and", "or", "but", "when", "because", "while", "though", "although"})
"""Words that may follow a year that ends its phrase ("in 1999 because of"), not a noun
it modifies ("in 2012 dollars")."""
OPENING_MARKS = frozenset({"\u2014", "-", '"', "\u201c", "``"})
"""Marks after which a sentence's words begin: a dateline's dash, a quotation's opening."""


ENDED = frozenset({"ended", "ending", "ends", "began", "begins", "beginning", "started"})
"""Verbs after "the year that" by which a later month tells which year it is."""


def _year_spoken_of(toks: list[Token], reading: Reading, when: TimeValue | None) -> int | None:
    """A year that sets the time of what its sentence goes on to tell: one naming the event
    its sentence is about ("The 2018 Games will be held"), told with ", when", or opening the
    sentence ("In 2002, Congress ...", "Last year, gifts were not delivered until Dec. 26")."""
    year = when.start if when is not None and when.start is not None else None
    kinds = ("year", "season", "month", "day")
    if year is None or year.year is None or year.granularity not in kinds:
        return None
    if when is not None and when.end is not None and when.end.year != year.year:
        return None  # "the 2010-11 school year, when ... June 22": which year is not told
    i, j = reading.i, reading.j
    if j + 1 < len(toks) and toks[j].low in ("that", "which") and toks[j + 1].low in ENDED:
        return None  # "In the fiscal year that ended in September": the month tells the year
    k = i - (i > 0 and toks[i - 1].low == "in")  # "In 2002, Congress ... in October"
    if _opening_phrase(toks, i, j) and year.granularity == "year":
        return year.year  # "After the 2005 election, a cabinet was not sworn in until Nov. 22"
    listed = j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].low == "including"
    if listed and year.granularity == "year":
        return year.year  # "have collapsed this year, including Hanbo Steel in January"
    after = toks[j].text if j < len(toks) else ""
    possessive = after in ("'", "\u2019") and j + 1 < len(toks) and toks[j + 1].low == "s"
    # "Last year's race was called off on Nov. 2"
    # also after a dateline's dash or a quotation's opening mark
    starts = k == 0 or ends_sentence(toks, k - 1) or toks[k - 1].text in OPENING_MARKS
    if possessive and year.granularity == "year" and _subject_will(toks, j + 2, ("will", "would")):
        return year.year  # "next year's Final Four will be held in Denver on March 31"
    opening = starts and (after == "," or possessive)
    deictic = year.granularity == "month" and toks[i].low in ("last", "next")  # "Last
    # December, discounters were forced to slash prices before Dec. 25"
    if opening and (year.granularity == "year" or reading.explicit or deictic):
        return year.year  # "In 2002,", "In January 2012,", "On March 20, 2003,"
    if k < i and starts and year.granularity == "year":
        return year.year  # "In 2009 the virus swept through schools in March"
    if starts and year.granularity == "year" and after.lower() in CLAUSE_SUBJECTS:
        return year.year  # "Last year we were planting in March" (not "Last year was")
    when_told = _when_told(toks, j)
    if when_told and (reading.explicit or year.granularity == "year"):
        # "the winter of 2009, when Russia cut off supplies ... in January", "two weeks
        # behind last year, when the blossoms peaked on March 20"
        return year.year
    if year.granularity != "year":
        return None
    # the subject of its sentence: "The 2018 Games will be held ..." (not "the forecast
    # for the 2014 season on Dec. 10", where the date is the forecast's)
    subject = i == 1 or (i > 1 and ends_sentence(toks, i - 2))
    named = subject and toks[i - 1].low == "the" and j < len(toks) and toks[j].text.isalpha()
    # "said the 1992 event would run from August 28": a reported sentence's subject
    reported = i > 1 and toks[i - 1].low == "the" and toks[i - 2].low in ("said", "says")
    named = named or (reported and _subject_will(toks, j, ("will", "would")))
    return year.year if reading.explicit and (when_told or named) else None


def _subject_will(toks: list[Token], k: int, modals: tuple[str, ...] = ("will",)) -> bool:
    """The noun phrase from ``k`` on (at most three words) is the subject of "will" (or of
    one of ``modals``: "next year's Final Four will be held")."""
    for m in range(k, min(len(toks), k + 4)):
        if toks[m].low in modals:
            return m > k
        if not toks[m].text.isalpha():
            return False
    return False


def _opening_phrase(toks: list[Token], i: int, j: int) -> bool:
    """Tokens ``i:j`` are the year of a phrase opening its sentence, set off by a comma: a
    preposition, "the", the year and one or two nouns ("After the 2005 election,")."""
    if i < 2 or toks[i - 1].low != "the" or toks[i - 2].low not in OPENING_PREPOSITIONS:
        return False
    if not (i == 2 or ends_sentence(toks, i - 3)):
        return False
    m = j
    while m < min(j + 2, len(toks)) and toks[m].text.isalpha() and toks[m].text.islower():
        m += 1
    return m > j and m < len(toks) and toks[m].text == ","


def _when_told(toks: list[Token], j: int) -> bool:
    """ ", when" follows token ``j``, after at most two lowercase words ("2009, when", "the
    2009 pandemic, when"), or ", which" and "will", "is" or "are" after a noun the year
    names ("the 2006 festival, which will run")."""
    m = j
    while m < min(j + 2, len(toks)) and toks[m].text.isalpha() and toks[m].text.islower():
        m += 1
    if m + 1 >= len(toks) or toks[m].text != ",":
        return False
    named = m > j and j >= 2 and toks[j - 2].low == "the"  # a noun the year names
    ahead = m + 2 < len(toks) and toks[m + 2].low in ("will", "is", "are")
    return toks[m + 1].low == "when" or (named and ahead and toks[m + 1].low == "which")


def _sentence_ends(toks: list[Token], j: int, i: int, limit: int = 3) -> int | None:
    """How many sentences end between tokens ``j`` and ``i`` (a time expression ended at
    ``j``), counted up to ``limit`` (the callers ask "none?" and "at most three?"); None
    when no such expression came before."""
    if not 0 <= j <= i:
        return None
    ends = 0
    # "by 8 p.m. Boston had": its own period; "Looks Ahead to November" ending a headline
    closes = j < len(toks) and toks[j].paragraph_before
    start = j - (j > 0 and (toks[j - 1].text == "." or closes))
    for m in range(start, i):
        if ends_sentence(toks, m):
            ends += 1
            if ends == limit:
                break
    return ends


def _prose_ends(toks: list[Token], i: int) -> int:
    """How many sentences of prose end before token ``i`` (up to two): a headline, a byline
    or a dateline on a line of its own ends with no stop and does not count."""
    ends = 0
    for m in range(i):
        if toks[m].text in SENTENCE_END and ends_sentence(toks, m):
            ends += 1
            if ends == 2:
                break
    return ends


def _same_sentence(toks: list[Token], j: int, i: int) -> bool:
    """No sentence ends between tokens ``j`` and ``i`` (a time expression ended at ``j``)."""
    return _sentence_ends(toks, j, i, limit=1) == 0


def _looking_back(toks: list[Token], i: int, j: int) -> bool:
    """ "for the first time since 1614": a date that bounds a span reaching back to the
    narrative's time, which stays where it was (if the text had told one); not "since
    March 16, when ministers proposed a levy", which goes on to tell that day."""
    since = toks[i].low == "since" or (i > 0 and toks[i - 1].low == "since")
    told = j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].low == "when"
    return since and not told


def _record_since(toks: list[Token], i: int) -> bool:
    """A superlative stands a few words before a "since" at or just before ``i`` ("the
    heaviest since Oct. 20, 1987, when the market was reeling"): the date a record is
    measured from, however much its clause tells of it."""
    k = i - (toks[i].low != "since")
    if k < 0 or toks[k].low != "since":
        return False
    for m in range(k - 1, max(-1, k - 1 - RECORD_BACK), -1):
        word = toks[m].low
        if word.endswith("est") and len(word) > 4 or word in ("most", "first", "least"):
            return True
    return False


RECORD_BACK = 3
"""How many words before "since" ``_record_since`` looks for a superlative."""


def _baseline(toks: list[Token], i: int) -> bool:
    """ "rose 0.9% in January from the previous month": the time a figure is compared
    with, told aside; the text stays at the time of the figure ("and 3.2% from a year
    earlier" is January's year before)."""
    return i > 0 and toks[i - 1].low in ("from", "than", "over")


COMPARED_BACK = 6
"""How many words before a day ``_compared_figure`` looks for the comparison."""


def _compared_figure(toks: list[Token], i: int, comparing: frozenset[str]) -> bool:
    """ "rose to 6.49 percent from 6.56 percent late Monday", "598 million shares, compared
    with 526 million on Monday": the day told is that of a figure compared with, told aside
    (a comparison word, a number and no "to" in the few words before token ``i``)."""
    number = False
    for m in range(i - 1, max(-1, i - 1 - COMPARED_BACK), -1):
        low = toks[m].low
        if low in SENTENCE_END or low in ("to", ",", "and"):
            return False
        if low in comparing:
            return number and (low != "with" or (m > 0 and toks[m - 1].low == "compared"))
        number = number or low[:1].isdigit()
    return False


def _quoted(toks: list[Token], i: int) -> bool:
    """Token ``i`` stands inside a quotation: an odd number of quotation marks open before it
    in its paragraph (looked for up to ``QUOTE_BACK`` tokens back)."""
    marks = 0
    for m in range(i - 1, max(-1, i - 1 - QUOTE_BACK), -1):
        marks += toks[m].text in QUOTE_MARKS
        if toks[m].paragraph_before:
            break
    return marks % 2 == 1


def _said_on(reading: Reading, ctx: Context, day: TimePoint) -> TimeValue | None:
    """``reading`` resolved as if the text were written on ``day``: a quotation's day."""
    dct, ctx.dct = ctx.dct, day
    try:
        return _resolve(reading, ctx)
    finally:
        ctx.dct = dct


def _midnight(toks: list[Token], reading: Reading) -> bool:
    """``reading`` is "midnight" alone."""
    return reading.j == reading.i + 1 and toks[reading.i].low == "midnight"


def _midnight_gone(when: TimeValue | None) -> TimeValue | None:
    """Midnight at the DCT's end (T24:00) told of the past: the one that began it, the
    day before's end."""
    p = _point(when)
    if when is None or p is None or p.hour != 24 or p.day is None:
        return when
    return _shifted(when, p, -1)


def _after_midnight(toks: list[Token], reading: Reading) -> bool:
    """ "shortly after midnight", "just past midnight Tuesday": the small hours after it."""
    i = reading.i
    return toks[i].low == "midnight" and i > 0 and toks[i - 1].low in ("after", "past")


def _start_of_day(when: TimeValue | None, *, following: bool) -> TimeValue | None:
    """Midnight at a day's end (T24:00) told as "after midnight": the start of a day (T00:00),
    that day's (its small hours gone by, or a day ahead told), or the ``following`` day's
    ("a final vote tonight, possibly shortly after midnight")."""
    p = _point(when)
    if when is None or p is None or p.hour != 24 or p.day is None:
        return when
    return _shifted(when, p, 1 if following else 0, hour=0)


def _undated(when: TimeValue | None, *, day: bool = False) -> TimeValue | None:
    """``when`` in no year in particular ("peaks in February", told of a habit: XXXX-02),
    or, for ``day``, on no day in particular ("close at 2 p.m. on Saturdays":
    XXXX-XX-XXT14:00)."""
    p = _point(when)
    if when is None or p is None:
        return when
    q = replace(p, year=None, month=None, day=None) if day else replace(p, year=None)
    return when.with_(start=q, end=q)


TITLE_WORDS = 6
"""The most words a quoted title may have ("Midnight on Rampart")."""

QUOTES = CLOSING_QUOTES | {"\u201c", "``"}
"""Quotation marks, opening or closing."""


def _in_title(toks: list[Token], reading: Reading) -> bool:
    """``reading`` stands in a short quoted title of two words or more, its long words all
    capitalized ("Second Hand Sunday", "Tuesday's Ghosts", "Seven Days"): a work's name."""
    start = next(
        (
            m
            for m in range(reading.i - 1, max(-1, reading.i - TITLE_WORDS), -1)
            if toks[m].text in QUOTES
        ),
        None,
    )
    end = next(
        (
            m
            for m in range(reading.j, min(len(toks), reading.j + TITLE_WORDS))
            if toks[m].text in QUOTES
        ),
        None,
    )
    if start is None or end is None or not toks[reading.i].text[:1].isupper():
        return False
    inner = toks[start + 1 : end]
    words = [t.text for t in inner if t.text.isalpha()]
    if any(t.text in (".", "!", "?") or t.newline_before for t in inner):
        return False
    long = [w for w in words if len(w) >= 4]
    after = {t.low for t in toks[end + 1 : end + 3]}
    spoken = bool(after & SPEECH_AFTER)  # '"This Friday," she said': speech, no title
    return 2 <= len(words) <= TITLE_WORDS and all(w[0].isupper() for w in long) and not spoken


SPEECH_AFTER = frozenset({"said", "says", "told", "asked", "added", "he", "she", "they", "i", "we"})
"""Words after a closing quotation mark that show the quotation was spoken."""


def _life_dates(toks: list[Token], reading: Reading) -> bool:
    """ "Henry Ford (1863-1947)": a span in brackets after a name is a life, told aside;
    the narrative stays at its own time (not a reign, "(r. 1520-1566)")."""
    i, j = reading.i, reading.j
    if i < 2 or j >= len(toks) or toks[i - 1].text != "(" or toks[j].text != ")":
        return False
    return reading.type == "DURATION" and toks[i - 2].text[:1].isupper()


YEAR_PARTS = frozenset({"year", "half", "quarter", "season", "month", "day"})
"""Granularities that tell a year ("the summer of 1989" tells 1989)."""


def _other_year(ctx: Context, when: TimeValue | None) -> int | None:
    """The year ``when`` tells, at a year's granularity or finer, if not the DCT's."""
    start = when.start if when is not None else None
    if start is None or start.year is None or start.granularity not in YEAR_PARTS:
        return None
    return start.year if ctx.dct is None or start.year != ctx.dct.year else None


def _recalled(toks: list[Token], i: int, j: int) -> bool:
    """Tokens ``i:j`` close a relative clause set off by commas (", which flattened ... on
    Aug. 24, 1992, remain vivid"): what it recalls is told aside."""
    if j >= len(toks) or toks[j].text != ",":
        return False
    for m in range(i - 1, max(0, i - RECALL_BACK), -1):
        if toks[m].text == "," or ends_sentence(toks, m):
            return False
        if toks[m].low in ("which", "who"):
            return toks[m - 1].text == ","
    return False


def _birth(toks: list[Token], i: int) -> bool:
    """The date at ``i`` tells when someone was born ("born on Oct. 25, 1998")."""
    k = i - 1 if i > 0 and toks[i - 1].low in ("on", "in") else i
    return k > 0 and toks[k - 1].low == "born"


def _after_comma(toks: list[Token], j: int) -> int:
    """The token after a comma that directly follows token ``j - 1``, or -1."""
    return j + 1 if j < len(toks) and toks[j].text == "," else -1


def _holds(period: TimePoint, ref: TimePoint | None) -> bool:
    """A year, decade, century or millennium that holds the finer time the narrative stands
    at ("25 October (7 November, New Style) 1917": the day stays)."""
    if ref is None or ref.granularity == period.granularity:
        return False
    if period.granularity not in UNIT_YEARS and period.granularity != "year":
        return False
    return A.coarsen(ref, period.granularity) == period


def _dated(ref: TimePoint | None) -> bool:
    """The narrative stands at a year or a finer time."""
    return ref is not None and ref.year is not None and ref.granularity not in UNIT_YEARS


def _clock_on(day: TimePoint, ref: TimePoint | None) -> bool:
    """``ref`` is a clock time on ``day``."""
    if ref is None or ref.hour is None or day.granularity != "day":
        return False
    return (ref.year, ref.month, ref.day) == (day.year, day.month, day.day)


def _unfinished(point: TimePoint, ctx: Context) -> bool:
    """Whether, in news, ``point`` ends on or after the DCT (under way or yet to come)."""
    end = point.latest()
    dct = ctx.dct.earliest() if ctx.dct is not None else None
    return ctx.news and end is not None and dct is not None and end >= dct


def _told(
    text: str, toks: list[Token], reading: Reading, when: TimeValue, ctx: Context
) -> list[TimeMention]:
    """The mentions a resolved reading makes (one, or both ends of "from 1921 to 1928"),
    each moving the narrative's time as it is told."""
    if reading.parts is None:
        _update(ctx, reading, when)
        return [_mention(text, toks, reading, when)]
    out = []
    for part in reading.parts:
        value = _resolve(part, ctx)
        if value is None:
            continue
        if when.is_interval and part is reading.parts[0] and when.start:
            value = _fill_year(part, value, when.start)
        if when.is_interval and not part.explicit and value.start is not None:
            # each end as the range placed it ("from Friday to Tuesday")
            end = when.start if part is reading.parts[0] else when.end
            if end is not None and end.granularity == "day" == value.start.granularity:
                value = TimeValue.point(end)
        start = when.start
        timed = start is not None and start.hour is not None and start.day is not None
        if not when.is_interval and start is not None and timed:
            if value.start is not None and value.start.granularity == "day":
                # "at 8:46 a.m. the following day": the day both mentions name, told once
                day = TimePoint("day", year=start.year, month=start.month, day=start.day)
                value = TimeValue.point(day, type=value.type)
        if _after_midnight(toks, part):  # "shortly after midnight on Sunday": its start
            value = _start_of_day(value, following=False) or value
        span = when if when.is_interval else None  # not for a dual date
        out.append(_mention(text, toks, part, value, interval=span))
        _update(ctx, part, value)
    return out


def tag_times(
    text: str,
    *,
    dct: str | None = None,
    mode: Mode | None = None,
    genre: str | None = None,
    lang: str = "en",
) -> list[TimeMention]:
    """Find and normalize the time expressions of ``text``, in order."""
    lex = load_lexicon(lang)
    anchor = parse_dct(dct) if dct else None
    mode = mode or choose_mode(dct, genre)
    ctx = Context(anchor, news=mode == "news")
    lowercase = not any(ch.isupper() for ch in text[:100_000])
    mentions: list[TimeMention] = []
    for offset, segment in segments(text):
        toks = tokenize(segment, offset)
        parser = Parser(toks, lex, lowercase_text=lowercase, narrative=not ctx.news)
        mentions.extend(_Segment(text, toks, parser, ctx).tag())
    return mentions


@dataclass(slots=True)
class _Segment:
    """Tags one segment, keeping what it has told that later expressions lean on."""

    text: str
    toks: list[Token]
    parser: Parser
    ctx: Context
    flashback: _Flashback = field(default_factory=_Flashback)
    last_j: int = -1
    """End of the last expression."""
    last_i: int = -1
    """Start of the last expression."""
    last_when: TimeValue | None = None
    dated: TimeValue | None = None
    """The last day told, and where it ended."""
    dated_j: int = -1
    year_j: int = -1
    """End of the year the sentence speaks of (``Context.year``)."""
    ref_j: int = -1
    """End of the expression that last moved the reference time."""
    quarter: TimePoint | None = None
    quarter_j: int = -1
    """The quarter being reported, and the end of the expression that told it."""
    leads: bool = False
    """The expression at hand is the first its sentence tells."""
    before_explicit: TimePoint | None = None
    """The reference time before the last explicit date, and the token after its comma."""
    after_explicit: int = -1
    restated: bool = False
    """The last expression restated the explicit date before it."""
    quoted: int | None = None
    """For a day named from now inside a quotation, where the quotation closes."""
    overnight: bool = False
    """The last expression ended a clock range past midnight ("to 5 a.m."): the day the
    text stands at does not move to the next."""
    first_day: TimePoint | None = None
    """In news, the first day told, if told in the text's first two sentences."""
    first_seen: bool = False
    named_days: dict[int, TimePoint] = field(default_factory=dict)
    event_named: tuple[str, int] = ("", -1)
    """In narrative, the last happening an explicit date named, and where that date ended."""
    """In news, the day each weekday named so far was placed on (by its number, 1-7)."""

    def tag(self) -> list[TimeMention]:
        ctx, toks = self.ctx, self.toks
        ctx.year = None
        mentions: list[TimeMention] = []
        i = 0
        for k in self.parser.openings():
            if k < i:
                continue  # inside the last expression
            reading = self.parser.parse_at(k)
            if reading is None or reading.j <= k or (reading.narrative_only and ctx.news):
                continue
            if _in_title(toks, reading):  # the album "Second Hand Sunday", "Seven Days"
                continue
            self.flashback.close_before(ctx, reading.i)
            if ctx.year is not None and not _same_sentence(toks, self.year_j, reading.i):
                ctx.year = None
            after = self.year_after(reading) if ctx.year is None else None
            if after is not None:  # "moved the game to September in 1999"
                ctx.year, self.year_j = after, reading.j
            told = ctx.ref
            reading, when = self.resolve(reading)
            if when is not None:
                self.name_event(reading, when)
                reading.passing = reading.passing or self.in_passing(reading, when)
                mentions.extend(_told(self.text, toks, reading, when, ctx))
            self.remember(reading, when, told)
            i = reading.j
        self.flashback.close_before(ctx, len(toks) + 1)
        return mentions

    def in_passing(self, reading: Reading, when: TimeValue) -> bool:
        """In narrative told by the year, a decade or a century inside a sentence ("the
        alliances built up during the 1880s and 1890s now turned like gears"): background
        that leaves the story where it stands (not "In the 1960s the thaw came")."""
        toks, i = self.toks, reading.i
        point = when.start
        if self.ctx.news or point is None or point.granularity not in UNIT_YEARS:
            return False
        if not _dated(self.ctx.ref):
            return False
        lead = i > 0 and toks[i - 1].low in self.parser.g.prepositions
        start = i - 1 if lead else i
        j = reading.j
        restated = j + 1 < len(toks) and toks[j].text == ","  # "only in the 1960s, three
        # decades after his death": a length restates it, the time the sentence is about
        set_off = restated and self.parser.number(j + 1, allow_article=True) is not None
        return start > 0 and not ends_sentence(toks, start - 1) and not set_off

    def name_event(self, reading: Reading, when: TimeValue) -> None:
        """In narrative, the happening an explicit date dates, named before it ("The
        February Revolution began on 23 February 1917") or after it ("on the 14th of July,
        1789, ... the start of the revolution"), for "five years after the revolution"; a
        later date in the sentence ends it ("... and was lifted on 27 January 1944")."""
        if self.ctx.news or not reading.explicit:
            return
        parser = self.parser
        if reading.event_name is None:
            name = parser.event_name_before(reading.i) or parser.event_begun_after(reading.j)
            reading.event_name = name
        if reading.event_name is not None:
            self.event_named = (reading.event_name, reading.j)
            return
        self.end_event(reading, when)

    def end_event(self, reading: Reading, when: TimeValue) -> None:
        """ "The siege began on 8 September 1941 and was lifted on 27 January 1944": a date
        after a verb of ending, in the sentence that dated a happening's start, ends it."""
        name, j = self.event_named
        near = range(max(j, reading.i - 4), reading.i)  # "and was lifted on"
        ended = any(self.toks[k].low in self.parser.g.event_ended for k in near)
        if not (name and ended and _same_sentence(self.toks, j, reading.i)):
            return
        events = self.ctx.events
        begun = events.get(name)
        lasted = _lasting(begun, when)
        if lasted is None:
            return
        for key in (name, name.split()[-1]):
            if events.get(key) is begun:
                events[key] = lasted

    def year_after(self, reading: Reading) -> int | None:
        """The year told right after an expression that names none, with "in" and at most
        one noun between: "to September in 1999", "a Thanksgiving Day game in 1921"."""
        toks, j = self.toks, reading.j
        if reading.explicit or j + 1 >= len(toks):
            return None
        noun = toks[j].text.isalpha() and toks[j].text.islower() and toks[j].low != "in"
        k = j + (noun and toks[j + 1].low == "in")
        if k >= len(toks) or toks[k].low != "in" or not self.parser.is_int(k + 1):
            return None
        year = self.parser.year(k + 1)
        if year is None or len(toks[k + 1].text) != 4:
            return None
        nxt = toks[year[1]].text if year[1] < len(toks) else ""
        linking = nxt in self.parser.g.prepositions or nxt in YEAR_LINKS
        return None if nxt.isalpha() and nxt.islower() and not linking else year[0]  # not "in
        # 2012 dollars"

    def resolve(self, reading: Reading) -> tuple[Reading, TimeValue | None]:
        """The value of ``reading`` in its clause (or of its fallback reading)."""
        ctx, toks = self.ctx, self.toks
        day = self.parser.weekday(reading.i)
        weekday = day is not None
        coordinated = _coordinated(toks, self.last_j, reading.i)
        spanned = _ranged(toks, self.last_j, reading.i)
        ranged = spanned and _a_day(self.last_when)
        dayed = ranged and any(self.parser.weekday(k) for k in range(reading.i, reading.j))
        clock_range = ranged and reading.type == "TIME" and not dayed and reading.parts is None
        ranged = dayed
        # "from September through January", "between October and April"
        paired = self.last_i > 0 and toks[self.last_i - 1].low == "between"
        # "between now and November": a span from the present, read on its own (its lead)
        coordinated = coordinated and not (paired and toks[self.last_i].low in ("now", "today"))
        month_range = (spanned or (coordinated and paired)) and self.parser.month(reading.i)
        apposed = not reading.explicit and _apposed(toks, self.last_j, reading.i)
        clocked = reading.type == "TIME" and any(  # "10 a.m. Tuesday": a day, too
            self.parser.weekday(k) for k in range(reading.i, reading.j)
        )
        self.set_tense(reading, weekday=weekday or clocked, coordinated=coordinated, ranged=ranged)
        self.leads = not _same_sentence(toks, self.last_j, reading.i)
        self.last_i, self.last_j = reading.i, reading.j
        ctx.ref_ends = _sentence_ends(toks, self.ref_j, reading.i, limit=4)
        ctx.quarter_here = _same_sentence(toks, self.quarter_j, reading.i)
        ctx.day_here = _same_sentence(toks, self.dated_j, reading.i)
        ctx.lead_day = self.lead_day(reading)
        ctx.says = ctx.lead_day is not None and self.says(reading)
        ctx.pluperfect = pluperfect(toks, reading.i)
        ctx.done = ctx.tense == -1 and happened_on(toks, reading.i, self.parser.lex.tense)
        self.flashback.open(ctx, toks, reading.j)
        told = ctx.ref
        restated = self.restated = self.restates(reading)
        when = _counted_from(reading, ctx, self.before_explicit) if restated else None
        if restated and told is not None and _from_event(reading, ctx):
            # "on 9 November 1918, two days before the armistice": the date told, at the
            # phrase's own unit ("on 21 January 1924, seven years after the revolution": 1924)
            when = TimeValue.point(_at_unit_of(told, _resolve(reading, ctx)))
        self.quoted = self.quoted_day(reading)
        spoken = self.spoken_day() if self.quoted is not None else None
        if when is None and spoken is not None:
            when = _said_on(reading, ctx, spoken)  # "'... this morning,' a trader said yesterday"
        if when is None:
            when = _resolve(reading, ctx)
        when = self.settled(reading, when, coordinated=coordinated)
        self.overnight = False
        if coordinated and day and self.last_when is not None and self.last_when.type == "SET":
            if day[1] == reading.j:  # "every Wednesday and Saturday": one more day of the set
                when = TimeValue.point(TimePoint("day", weekday=day[0]), type="SET")
        elif coordinated and weekday and not self.names_month(reading):
            when = _beside(when, self.last_when)  # "next Tuesday and Wednesday"
        elif ranged:
            when = _not_before(when, self.last_when)  # "from Tuesday through Friday"
        elif month_range and not reading.explicit:
            when = _month_not_before(when, self.last_when)  # "from September through January"
        elif coordinated and self.parser.month(reading.i) and not reading.explicit:
            when = _month_beside(when, self.last_when)  # "bookings for July and August"
        elif clock_range:
            if not self.names_day(reading):  # "Monday night ... from 7 p.m. until 11 p.m."
                when = _on_day_of(when, self.last_when)
            later = _past_midnight(when, self.last_when)  # "from 10 p.m. to 5 a.m."
            self.overnight, when = later is not when, later
        elif (
            reading.type == "TIME"
            and not self.names_day(reading)
            and _small_hours(when, self.last_day(), past=ctx.tense < 0)
        ):
            when = _past_midnight(when, self.last_day())  # "At 11 p.m. ... until about 1 a.m."
        elif apposed and weekday and not reading.explicit:
            when = _in_week_of(when, self.last_when)  # "next week, possibly on Tuesday"
        elif apposed and (
            self.parser.month(reading.i) or self.parser.is_int(reading.i) or _part_of_year(when)
        ):  # "a week later, on Nov. 22", "in 2013, maybe the second half"
            when = _in_year_of(when, self.last_when)
        elif weekday and ctx.tense > 0 and self.ahead_today(when, reading):
            # "data due next week: orders on Tuesday and growth on Wednesday", said on a
            # Wednesday: the day after the coming one told, not today
            when = _not_before(when, self.dated)
        if weekday and day is not None and day[1] == reading.j and not ctx.tense:
            when = self.named_day(day[0], when)  # "at 2:03 a.m. Wednesday ... the window
        if reading.explicit:  # on Wednesday lasts 10 minutes": the same Wednesday
            self.before_explicit = ctx.ref
            self.after_explicit = _after_comma(toks, reading.j)
        if when is None and reading.fallback is not None:
            reading = reading.fallback
            when = _resolve(reading, ctx)
        self.name_days(reading, when)
        self.first(reading, when)
        return reading, when

    def last_day(self) -> TimeValue | None:
        """The last time told, or, past a length ("for 40 minutes"), the day the text stands
        at ("on Thursday night ... fell in six hours ... between 1 a.m. and 5 a.m.")."""
        if _a_day(self.last_when):
            return self.last_when
        dated, ref = _point(self.dated), self.ctx.ref
        if (dated is not None and dated.hour is not None) or ref is None or ref.day is None:
            return self.dated  # "at about 10:15 p.m. on Sunday ... for 40 minutes"
        return TimeValue.point(ref)

    def settled(
        self, reading: Reading, when: TimeValue | None, *, coordinated: bool = False
    ) -> TimeValue | None:
        """``when`` as its clause tells it: of no year in particular for a habit (or beside
        one: "usually in late April or early May"); at midnight, on the side of the day the
        tense puts it."""
        ctx, toks = self.ctx, self.toks
        if self.habitual(reading, when, beside=coordinated):
            return _undated(when)
        if self.habitual_hour(reading, when):  # "stores ordinarily close at 2 p.m."
            return _undated(when, day=True)
        today = A.same_day(_point(when), ctx.dct)
        if _after_midnight(toks, reading):  # "exploded shortly after midnight, police said"
            return _start_of_day(when, following=ctx.tense > 0 and today)
        if today and ctx.news and ctx.tense < 0 and _midnight(toks, reading):
            return _midnight_gone(when)  # "failed to agree before the midnight deadline"
        return when

    def quoted_day(self, reading: Reading) -> int | None:
        """In news, for a day named from now ("today", "this morning") inside a quotation,
        the index of the quotation's closing mark, if its sentence goes on after it."""
        toks, lex = self.toks, self.parser.lex
        if not self.ctx.news:
            return None
        word, k = toks[reading.i].low, reading.i + 1
        this_part = word == "this" and k < len(toks) and toks[k].low in lex.parts_of_day
        if (word not in lex.day_deictics and not this_part) or not _quoted(toks, reading.i):
            return None
        for m in in_sentence(toks, reading.j, 1, QUOTE_SPAN):
            if toks[m].text in QUOTE_MARKS:
                return m
        return None

    def spoken_day(self) -> TimePoint | None:
        """The day the quotation closing at ``self.quoted`` was spoken, if its attribution
        names one other than the DCT ("..., a floor trader said yesterday"; "..., Hollande
        told a crowd in Tulle at 10:45 p.m. Sunday")."""
        toks, dct, q = self.toks, self.ctx.dct, self.quoted
        if dct is None or q is None:
            return None
        words = self.parser.lex.tense
        verb = None
        for m in in_sentence(toks, q + 1, 1, QUOTE_SPAN):
            if verb is None and reports(toks[m].low, words):
                verb = m
            elif verb is not None and toks[m].low == "yesterday":
                return A.shift_day(dct, -1)
            elif verb is not None and (day := self.parser.weekday(m)) is not None:
                back = A.nearest_weekday(dct, day[0], -1)
                return back if back != dct else None
        return None

    def habitual(self, reading: Reading, when: TimeValue | None, *, beside: bool = False) -> bool:
        """``reading`` names a month, quarter or season without a year in a clause that tells
        a habit ("usually peak in February", "May is typically"), or ``beside`` one so told:
        no year in particular."""
        p = _point(when)
        if p is None or reading.explicit or p.granularity not in ("month", "quarter", "season"):
            return False
        told = self.toks[reading.i : reading.j]
        if len(told) > 3 or any(t.low.isdigit() for t in told):
            return False  # not "the summer of 1998", "June 2012"
        if any(t.low in self.parser.lex.deictic_determiners for t in told):
            return False  # "usually hire extra clerks every November took on fewer this fall"
        last = _point(self.last_when)
        if beside and last is not None and last.year is None and last.granularity == p.granularity:
            return True  # "usually in late April or early May"
        words, toks, j = self.parser.lex.tense.habitual, self.toks, reading.j
        k = j + 1 + (j + 1 < len(toks) and toks[j + 1].low == "not")
        said = words | self.parser.lex.grammar.generic_predicates
        # "May is typically the busiest month", "Snow in late March is not unusual"
        if k < len(toks) and toks[j].low in ("is", "was") and toks[k].low in said:
            return True
        # "usually peak in February" (not "..., but this one started in November"), "hit by
        # floods every year between November and April"
        return self.habit_before(reading.i, every=("year",))

    def habit_before(self, i: int, every: tuple[str, ...] = (), *, sets: bool = False) -> bool:
        """A word of habit ("usually", "every", "each" and one of ``every``, if given; for
        ``sets``, a set's word too, "daily", "Mondays") stands before token ``i`` in its
        clause."""
        toks, words, lex = self.toks, self.parser.lex.tense.habitual, self.parser.lex
        for m in in_sentence(toks, i - 1, -1, 10):
            low = toks[m].low
            described = m + 1 < len(toks) and self.parser.modifies_noun(m + 1)
            if sets and (low in lex.sets or low in lex.grammar.habit_days) and not described:
                return True  # "meets weekly at 9 a.m." (not "its weekly report, released at")
            counted = m + 1 < len(toks) and (not every or toks[m + 1].low in every)
            # "operating normally"; not a subject, "Fighting usually slows", "the fighting"
            manner = m > 0 and toks[m - 1].text.endswith("ing") and toks[m - 1].text.islower()
            manner = manner and toks[m - 2].low not in self.parser.lex.tense.determiners
            if (low in words and not manner) or (low in ("every", "each") and counted):
                return True
            if low in HABIT_BREAKS or (low == "," and self.parser.weekday(m - 1)):
                return False  # "which meets every Monday, gathered at 11 a.m.": another clause
        return False

    def habitual_hour(self, reading: Reading, when: TimeValue | None) -> bool:
        """``reading`` is a clock time naming no day in a clause that tells a habit: a
        habit word before it ("usually at about 3 p.m."), or days in the plural after it
        ("until 2 a.m. on Fridays", "between 6 a.m. and 9 a.m. on weekdays")."""
        p = _point(when)
        if p is None or p.hour is None or reading.type != "TIME" or self.names_day(reading):
            return False
        toks, lex = self.toks, self.parser.lex
        ended = ends_sentence(toks, reading.j - 1)  # "begins at 7 a.m. The memorial ..."
        for m in in_sentence(toks, reading.j, 1, 0 if ended else 8):
            word = toks[m].low
            if word in lex.grammar.habit_days:
                return True
            if self.parser.weekday(m):
                return False  # "from 9 a.m. to 5 p.m. next Tuesday": a day named
            if word == "," or word in lex.tense.scheduled:
                break  # "at 9 a.m., and closes Monday": another clause
        # "Every morning, 6 o'clock, she was out", "open daily except Mondays, from 10 a.m."
        return self.habit_before(reading.i, sets=True)

    def says(self, reading: Reading) -> bool:
        """``reading`` is a clock time with no day of its own that tells when something
        was said, or how things stood when the news was told ("As of 4 p.m., the center
        was")."""
        words, toks, i = self.parser.lex.tense, self.toks, reading.i
        status = i >= 2 and toks[i - 2].low == "as" and toks[i - 1].low == "of"
        told = status or says_when(toks, i, reading.j, words)
        return told and not self.names_day(reading)

    def names_month(self, reading: Reading) -> bool:
        """``reading`` names a month ("Tuesday, Jan. 2"): its date is its own."""
        return any(self.parser.month(k) for k in range(reading.i, reading.j))

    def names_day(self, reading: Reading) -> bool:
        """``reading`` names its day ("1 a.m. Wednesday", "3 a.m. on May 4", "3:02 this
        morning", "2 a.m. today")."""
        p = self.parser
        days = p.lex.day_deictics
        told = (
            p.weekday(k) or p.month(k) or p.part_named(k) or self.toks[k].low in days
            for k in range(reading.i, reading.j)
        )
        return any(told)

    def first(self, reading: Reading, when: TimeValue | None) -> None:
        """Keep the first day told, if the text's first two sentences tell it."""
        point, toks = _point(when), self.toks
        if self.first_seen or point is None or point.day is None or when is None:
            return
        if self.quoted is not None:
            return  # "'Yesterday was the worst day,' the commander said": the quotation's
        if reading.j < len(toks) and toks[reading.j].text in ("-", "\u2013", "\u2014"):
            return  # a dateline ("KALMORA, May 11 - Voters head to the polls on Sunday")
        if reading.i > 0 and toks[reading.i - 1].low in self.parser.g.background_leads:
            return  # "Stocks Rebound After Friday's Rout", "Two days after Election Day": the
            # background (not "in Tuesday's voting")
        self.first_seen = True
        ends = _prose_ends(self.toks, reading.i)
        dated = when.type == "DATE" or point.granularity == "partofday"  # "Tuesday night"
        dated = dated or self.names_day(reading)  # "a session that began at 9 a.m. yesterday"
        if dated and ends is not None and ends < 2:
            self.first_day = A.coarsen(point, "day") or point

    def owns(self, reading: Reading) -> bool:
        """``reading`` is a weekday that owns what follows and does not open its sentence
        ("the ground it lost in Friday's sell-off"; not "Friday's decline began")."""
        toks, day = self.toks, self.parser.weekday(reading.i)
        owner = day is not None and day[1] == reading.j and possessive_s(toks, reading.j)
        return owner and not (reading.i == 0 or ends_sentence(toks, reading.i - 1))

    def lead_day(self, reading: Reading) -> TimePoint | None:
        """For a clock time in news, the day the text's lead told."""
        return self.first_day if self.ctx.news and reading.type == "TIME" else None

    def named_day(self, d: int, when: TimeValue | None) -> TimeValue | None:
        """A weekday told alone with no tense, in news: the day that weekday was placed on
        before in the text, if any."""
        told = self.named_days.get(d) if self.ctx.news else None
        point = _point(when)
        if told is None or point is None or when is None or when.type == "SET":
            return when  # not "every Wednesday and Saturday"
        if point.granularity == "partofday" and point.part:
            return TimeValue.point(R.in_part(told, point.part), type="TIME")  # "Tuesday night"
        return TimeValue.point(told) if point.granularity == "day" else when

    def name_days(self, reading: Reading, when: TimeValue | None) -> None:
        """Keep the day a weekday in ``reading`` was placed on."""
        point = _point(when)
        if not self.ctx.news or point is None or point.day is None or point.year is None:
            return
        for k in range(reading.i, reading.j):
            found = self.parser.weekday(k)
            d = found[0] if found is not None else None
            if d is not None and d == weekday_of(point.year, point.month or 1, point.day):
                self.named_days[d] = A.coarsen(point, "day") or point

    def set_tense(
        self, reading: Reading, *, weekday: bool, coordinated: bool, ranged: bool
    ) -> None:
        """The tense of the clause ``reading`` stands in, as ``Context.tense``."""
        ctx = self.ctx
        if coordinated:  # "on Friday and Saturday": one clause
            ctx.tense = _side(self.last_when, ctx) or ctx.tense  # "tonight and Thursday"
            return
        if ranged and self.last_when is not None:  # "this evening through Monday night"
            ctx.tense = _side(self.last_when, ctx) or 1
            return
        before = ctx.tense
        ctx.tense = tense_at(
            self.toks, reading.i, reading.j, self.parser.lex.tense, schedule=weekday
        )
        if not ctx.tense and weekday and _same_sentence(self.toks, self.dated_j, reading.i):
            ctx.tense = _side(self.dated, ctx)  # "by Sunday afternoon and ... on Monday"
        told = self.last_when is not None and self.last_when.type in ("DATE", "TIME")
        told = told and not possessive_s(self.toks, self.last_j)  # "for next year's crop"
        if not ctx.tense and weekday and told and _same_sentence(self.toks, self.last_j, reading.i):
            # "is expected to meet X on Monday afternoon, and Y on Thursday"; not after a
            # length ("... is years of breakdowns," said ... on Monday evening)
            ctx.tense = before

    def ahead_today(self, when: TimeValue | None, reading: Reading) -> bool:
        """``when`` is the DCT's day while a later weekday was told earlier in the sentence."""
        dct = self.ctx.dct
        day, told = _point(when), _point(self.dated)
        if dct is None or day is None or told is None:
            return False
        if not A.same_day(day, dct):
            return False
        # a day of the coming week was told ("on Tuesday and ... on Wednesday"), not one
        # weeks away
        later = (told.earliest() or ()) > (day.earliest() or ())
        gap = R.days_apart(told, day)
        near = later and gap is not None and gap < 7
        # not a deadline, which may fall before ("in effect until 7 a.m. Monday ... could add
        # a foot of snow by Sunday night", said on a Sunday)
        by = reading.i > 0 and self.toks[reading.i - 1].low == "by"
        # a weekday was told ("orders on Tuesday"), not a holiday ("Easter getaways")
        weekday = any(self.parser.weekday(m) for m in range(max(0, self.dated_j - 3), self.dated_j))
        return near and weekday and not by and _same_sentence(self.toks, self.dated_j, reading.i)

    def restates(self, reading: Reading) -> bool:
        """An anaphoric expression set off by a comma after an explicit date."""
        return reading.anaphoric and reading.i == self.after_explicit

    def said_on(self, reading: Reading, told: TimePoint | None) -> bool:
        """In news, a day after a reporting verb ("officials said Friday", "said today") in a
        sentence that told the day of what happened ("on Thursday night"): the statement's
        day, told aside; the text stays at the day of the happening."""
        ctx, toks, i = self.ctx, self.toks, reading.i
        if not ctx.news or told is None or told.day is None or reading.j - i != 1:
            return False
        said = said_before(toks, i, self.parser.lex.tense)
        return said and _same_sentence(toks, self.ref_j, i)

    def said_aside(self, reading: Reading, when: TimeValue | None, told: TimePoint | None) -> bool:
        """In news telling a story of an earlier year to the month or day, the day or week
        a witness spoke ("'We burned the chairs,' she said last week"): told aside, the
        story stays in its year (not "said on Saturday that ... since the previous day",
        whose report follows; not a story told to the year: "'around 2000,' she said
        Thursday, on a break at 3 a.m.")."""
        ctx, toks, i, j = self.ctx, self.toks, reading.i, reading.j
        point, dct = _point(when), ctx.dct
        if not ctx.news or dct is None or dct.year is None or point is None:
            return False
        if told is None or told.year is None or told.month is None:
            return False
        if told.year > dct.year - 2 or point.granularity not in ("day", "week"):
            return False
        said = said_before(toks, i, self.parser.lex.tense)
        return said and not (j < len(toks) and toks[j].low == "that")

    def describes(self, reading: Reading) -> bool:
        """In news, ``reading`` is a compound adjective coarser than a day ("first-quarter
        earnings", "a mid-2014 target")."""
        return self.ctx.news and reading.type != "TIME" and self.parser.adjective(reading)

    def zone_note(self, reading: Reading) -> bool:
        """``reading`` is a clock time in another time zone in brackets, converting the one
        before it ("6:30 a.m. (2130 GMT Sunday)"): its day is the other zone's."""
        toks, zones = self.toks, self.parser.lex.grammar.time_zones
        opened = reading.i > 0 and toks[reading.i - 1].text == "("
        return opened and any(toks[m].low in zones for m in range(reading.i, reading.j))

    def remember(self, reading: Reading, when: TimeValue | None, told: TimePoint | None) -> None:
        """Keep what ``reading`` told, and put the narrative back where it stood when the
        expression was told aside."""
        ctx, toks = self.ctx, self.toks
        self.last_when = when
        note = self.zone_note(reading)  # "at 6:30 a.m. (2130 GMT Sunday)": told aside
        if when is not None and when.start is not None and when.start.day is not None:
            self.dated, self.dated_j = when, reading.j
            if ctx.news and not note:
                ctx.day = A.coarsen(when.start, "day")
                if ctx.day is not None and when.ref is None and R.in_week_to_dct(ctx, ctx.day):
                    ctx.recent_day = ctx.day  # not "now" (PRESENT_REF)
        if ctx.news and reading.explicit:
            ctx.year_told = _other_year(ctx, when) or ctx.year_told
        spoken_of = _year_spoken_of(toks, reading, when) if ctx.news else None
        if spoken_of is not None:
            ctx.year, self.year_j = spoken_of, reading.j
        life = _life_dates(toks, reading)  # told aside even as the first date
        aside = life or (told is not None and _looking_back(toks, reading.i, reading.j))
        aside = aside or (ctx.news and reading.anaphoric and _baseline(toks, reading.i))
        aside = aside or note
        day = self.parser.weekday(reading.i)
        aside = aside or (ctx.news and told is not None and self.owns(reading))
        named = day is not None or toks[reading.i].low in ("today", "yesterday")
        aside = aside or (named and self.said_on(reading, told))  # "said Friday", "said today"
        aside = aside or (
            ctx.news and _a_day(when) and _compared_figure(toks, reading.i, self.parser.g.comparing)
        )
        # "due on April 5, and first-quarter earnings season the following week": a compound
        # adjective leaves the narrative at its day
        aside = aside or (told is not None and told.day is not None and self.describes(reading))
        said = not reading.explicit and self.said_aside(reading, when, told)
        if self.restated or aside or said or self.overnight or self.quoted is not None:
            ctx.ref = told  # the narrative goes on from the date it stood at
        if said:
            self.ref_j = reading.j  # the witness speaks of the story: it is still near
        if ctx.ref_quarter is not self.quarter:
            self.quarter, self.quarter_j = ctx.ref_quarter, reading.j
        if ctx.ref is not told:
            self.ref_j, ctx.ref_leads = reading.j, self.leads and not _birth(toks, reading.i)
            # "Hurricane Andrew, which flattened ... on Aug. 24, 1992, remain vivid", "the
            # heaviest since Oct. 20, 1987, when the market was reeling": recalled
            recalled = _recalled(toks, reading.i, reading.j) or _record_since(toks, reading.i)
            recalled = _other_year(ctx, when) is not None and recalled
            ctx.ref_recalled = ctx.news and recalled
