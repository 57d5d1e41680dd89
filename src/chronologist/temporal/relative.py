"""Rules for relative and other times: deictic and anaphoric phrases, durations, clock
times, sets, holidays and references to the present, past and future.

"last week" and "Friday" resolve against the document creation time in news; "the
following year" and "two years later" against the narrative's reference time.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from chronologist.temporal import anchor as A
from chronologist.temporal import reading as B
from chronologist.temporal import resolve as R
from chronologist.temporal.dates import DateRules
from chronologist.temporal.lexicon import OPENING_DETERMINERS
from chronologist.temporal.reading import Reading
from chronologist.temporal.scan import NOT_NOUNS, longest_first
from chronologist.temporal.tense import ends_sentence, in_sentence, past_form
from chronologist.timemodel import UNIT_YEARS, TimePoint, TimeValue, days_in_month

SECOND_AS_UNIT = frozenset({"and", "or", "ago", "later", "earlier", "before", "after"})
"""Words after "a second" that keep it a length ("a second later"), not an ordinal."""
LAST_VERB_LEADS = frozenset({"and", "will", "would", "to", "ll", "can", "may", "could", "might"})
"""After these, "last" before a length is the verb ("and last 20 minutes")."""
VAGUE_SPAN_LEADS = frozenset({"recent", "past", "last", "coming", "next", "following", "previous"})
"""Words that lead a length with no count ("the past few years", "the following decades")."""


ALIAS_TRIES = 5
"""Of the uses of a well-known happening's qualifier ("October"), how many of the last are
looked at for a year of it nearby."""
ALIAS_REACH = 30
"""How many words either side of the qualifier that year may stand."""

DAYS_OFF = {"today": 0, "tomorrow": 1, "yesterday": -1}
"""Days from the DCT that "today", "tomorrow", "yesterday" name after "ago"."""
CLOCK_LOOKBACK = 40
"""How many tokens back a clock time told with its half of the day still sets the half of
a bare one ("at about 2:30 a.m. ... then called back at 3:45")."""
AGE_WORDS = frozenset({"older", "younger"})
"""Before "than" and a length, these make it an age ("everyone older than six months")."""
PLURAL_PARTS = frozenset({"mornings", "afternoons", "evenings", "nights"})
MINUTES = {"hour": 60, "minute": 1, "second": 0}
"""Minutes in a unit of the clock (a second moves no minute)."""
COMPOUND_LIMITS = {"month": 12, "week": 53, "day": 31, "hour": 24, "minute": 60, "second": 60}
"""A count of a smaller unit that joins a larger one stays below these ("2 hours 9 minutes")."""
PLACE_WORDS = 4
"""How many capitalized words a place after a clock time may have ("New York Stock
Exchange")."""
NEGATION_SPAN = 10
"""How many words before "overnight" a negation makes it "quickly" ("not ... overnight")."""
SESSION_PARTS = frozenset({"morning", "afternoon", "evening"})
"""Parts of the day that name a session before its noun ("in afternoon trading")."""
PM_HOURS = {"AF": range(1, 7), "EV": range(5, 12), "NI": range(6, 12)}
"""Hours read past noon in a part of the day ("2:50 this afternoon", "7 last night")."""
LENGTH_AFTER_PAST = frozenset(
    {"few", "several", "two", "three", "four", "five", "decade", "year", "month", "week", "hour"}
)
"""After "the past", these make a length ("the past few weeks"), not PAST_REF."""


DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"}
)


CLOCK_LEADS = frozenset(
    {"at", "by", "until", "till", "from", "since", "around", "about", "before", "after", "to"}
    | {"and", "approximately", "between", "shortly", "nearly", "past", "-", "\u2013"}
)
"""Words before a bare "4:30" that make it a clock time."""


UNIT_REACH = 12
"""No length reads further than this from its first word to its unit ("the past two and a
half years", "two-and-a-half-year")."""


WEEK_PARTS = {"weekend": "WE", "weekday": "WD"}
"""The parts of a week a set can recur on: TIMEX3's ``WE`` and ``WD``."""


EVERY_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
"""Ordinals after "every" that count units ("every second day": every two days)."""


SAME_PAST = frozenset({"put", "cut", "set", "hit", "let", "shut", "cast", "bid", "spread"})
"""Verbs whose past is their bare form: past after a singular subject ("Moody's last week put")."""

GERUND_LEADS = frozenset({"of", "about", "on", "without"})
"""Prepositions a gerund follows in a noun's complement ("hopes of ending", "plans on moving")."""

NOT_SET_NOUNS = NOT_NOUNS | {"rather", "instead", "than", "if", "unless", "too", "also"}
"""Words that never begin the noun an adverb of frequency would describe ("pays it semiannually
rather than quarterly")."""


class _Counted(NamedTuple):
    """The unit of a counted length: its key, the index after it, "and a half", "10-year"."""

    key: str
    end: int
    half: bool
    hyph: bool


SPENT = frozenset({"spent", "spend", "spends", "spending"})
"""Verbs after which "the afternoon" and an "-ing" word tell what filled it."""
CLAUSE_BREAKS = frozenset({",", ";", ":", "and", "but", "when", "after", "before", "while"})
"""Words after a clock time that end its clause ("in 4 p.m. trading, and on Thursday ...")."""


class RelativeRules(DateRules):
    """Rules for times told relative to another, lengths, clock times and sets."""

    def deictic(self, i: int) -> Reading | None:
        """ "today", "yesterday morning", "Friday", "last week", "this year", "tonight"."""
        word = self.w(i)
        edge = self.unit_of_span(i)
        if edge is not None:
            return edge
        rolling = word in ("the", "this") and self.w(i + 1) in ("past", "last")
        if rolling and self.w(i + 2) == "week" and self.w(i + 3) != "of":
            # "the past week", "this past week" (not "the last week of June")
            return Reading(i, i + 3, "DATE", R.past_week, explicit=False)
        if word == "the" and self.w(i + 1) in ("past", "last", "coming", "current"):
            if self.w(i + 1) == "past" and self.w(i + 2) in ("decade", "century"):
                return None  # "the past decade": the last ten years, a length (P10Y)
            inner = self.deictic(i + 1)  # "the past year": the article belongs to it
            if inner is None or inner.type != "DATE":
                return None
            inner.i = i
            return inner
        if word == "year" and self.hyphen(i + 1) and self.w(i + 2) in ("earlier", "ago"):
            return B.year_back(i, i + 3)  # "year-earlier profit": the same period a year before
        if word in ("year", "month", "quarter"):
            return self.unit_end(i)
        mid = self.mid_unit(i) if word in ("midyear", "midcentury", "mid") else None
        if mid is not None:
            return mid
        if word == "overnight":
            return self.overnight(i)
        day = self.day_named(i) or self.edge_of_day(i) or self.weekday_named(i)
        if day is not None:
            return day
        if word in self.lex.deictic_determiners:
            return self.determined(i)
        kind = self.w(i + 1) in ("holiday", "long")  # "spent the holiday weekend", "the long
        if word == "the" and self.w(i + 1 + kind) == "weekend":  # weekend"
            ahead = self.w(i - 1) in ("for", "through", "until")  # "closed it for the weekend"
            end = i + 2 + kind
            return Reading(i, end, "DATE", lambda c: R.weekend(c, 0, ahead=ahead), explicit=False)
        return None

    def overnight(self, i: int) -> Reading | None:
        """ "arrived overnight", "fell overnight": the night before the day the text stands
        at; not "an overnight stay", "the overnight rate" (a kind)."""
        if self.w(i - 1) in DETERMINERS or self.w(i - 1) in ("an", "a"):
            return None
        if self.w(i - 1) in ("almost", "nearly", "virtually", "practically", "literally"):
            return None  # "collapsed almost overnight": suddenly
        back = self.in_sentence(i - 1, -1, NEGATION_SPAN)
        if any(self.w(k) in ("not", "t", "never", "cannot") for k in back):
            return None  # "You don't replace that overnight", "not going to arrest our way
            # out of this overnight": quickly
        after = self.tx(i + 1)
        if after.isalpha() and after.islower() and after not in self.g.prepositions:
            if after not in ("and", "but", "as", "while", "when"):
                return None  # "overnight trading", "overnight losses": a noun's kind
        return Reading(i, i + 1, "TIME", R.overnight, anaphoric=True, explicit=False, passing=True)

    def mid_unit(self, i: int) -> Reading | None:
        """ "by midyear", "at mid-year", "by mid-century": the middle of this year or
        century (mod MID); not a kind of thing ("midyear exams", "a midyear review")."""
        k = i + 1 if self.w(i) in ("midyear", "midcentury") else i + 3
        unit = "century" if self.w(i).endswith("century") or self.w(i + 2) == "century" else "year"
        if k == i + 3 and not (self.hyphen(i + 1) and self.w(i + 2) in ("year", "century")):
            return None
        if self.w(i - 1) not in self.g.prepositions:
            return None
        build = B.modded(lambda c: R.unit_offset(c, unit, 0), "MID")
        return Reading(i, k, "DATE", build, explicit=False)

    def unit_end(self, i: int) -> Reading | None:
        """ "year-end", "year end", "month's end": the end of the unit now."""
        k = i + 1
        if self.hyphen(k):
            k += 1
        elif self.possessive_s(k):
            k += 2
        if self.w(k) != "end" or (k == i + 1 and self.w(i - 1) == "the"):
            return None
        gran = self.lex.units[self.w(i)].granularity
        return Reading(
            i,
            k + 1,
            "DATE",
            B.with_end(lambda c: R.unit_offset(c, gran, -1 if c.tense < 0 else 0)),
            explicit=False,
        )

    def day_named(self, i: int) -> Reading | None:
        """ "today", "yesterday morning", "tonight": a day named from now."""
        lex = self.lex
        word = self.w(i)
        if word not in lex.day_deictics:
            return None
        off = lex.day_deictics[word]
        k = i + 1
        part = "NI" if word == "tonight" else None
        if word != "tonight" and self.w(k) in lex.parts_of_day and not self.plural_unit(k):
            part = lex.parts_of_day[self.w(k)]
            k += 1
        typ = "TIME" if part else "DATE"
        then = self.years_back(i) if word == "today" and part is None else None
        if then is not None:  # "ten years ago we were fighting ... Today we are growing"
            return Reading(i, k, typ, lambda c: R.nowadays(c, then), explicit=False)
        return Reading(i, k, typ, lambda c: R.day_offset(c, off, part), explicit=False)

    def progressive_near(self, i: int) -> bool:
        """A progressive ("are sending", "is buying") stands in the clause around ``i``."""
        near = [*self.in_sentence(i - 1, -1, 8), *self.in_sentence(i + 1, 1, 4)]
        return any(
            self.w(m) in ("is", "are", "am", "re") and self.w(m + 1).endswith("ing") for m in near
        )

    def years_back(self, i: int) -> int | None:
        """A time years back told against "today" at ``i``: "Even today" (0), or in its
        sentence or the one before a year or decade ("in the 1950s", "in 1999") or a
        count of years ago ("ten years ago", 0). Its year, or 0 if none is named."""
        if self.w(i + 1) in self.lex.tense.modals | self.lex.tense.future:
            return None  # "forecasters say today will be no different": the day itself
        if self.progressive_near(i):
            return None  # "are sending teams of lawyers here today": what goes on today
        if self.w(i - 1) == "even":
            return 0  # "Even today, every argument is about her"
        ends = 0
        for m in range(i - 1, max(-1, i - 60), -1):
            ends += ends_sentence(self.t, m)
            if ends > 1:
                return None
            if self.w(m) == "ago" and self.w(m - 1) in self.g.long_ago_units:
                return 0
            lead = self.w(m - 1) in self.g.year_leads or self.words(m + 1, ("s",))
            lead = lead or (self.w(m - 1) == "," and self.is_int(m - 2))  # "on July 4, 1913"
            if lead and self.is_int(m) and len(self.tx(m)) == 4 and 1000 <= int(self.tx(m)) < 2100:
                return int(self.tx(m))
        return None

    def weekday_named(self, i: int) -> Reading | None:
        """ "Friday", "Wednesday night" (a TIME: that day's night), "Tuesday week", "Super
        Tuesday"."""
        if self.tx(i) in self.g.day_epithets:
            inner = self.weekday_named(i + 1)  # "Super Tuesday": a weekday named for its vote
            if inner is None or inner.j != i + 2:
                return None
            inner.i = i
            return inner
        wd = self.weekday(i)
        if wd is None:
            return None
        d, k = wd
        if self.w(i - 1) in ("a", "an") and self.w(k) in self.g.service_nouns:
            return None  # "buses will run a Sunday service": a kind of timetable
        if self.tx(i - 1) in self.g.titles_before_day:
            return None  # "told Fox News Sunday", "the Mail on Sunday": a title
        after = self.w(k + 1)
        if self.w(k) == "week" and (not after.isalpha() or after in self.g.prepositions):
            # "on Tuesday week": a week after the coming Tuesday (British usage)
            return Reading(i, k + 1, "DATE", lambda c: R.weekday_week(c, d), explicit=False)
        part = None
        if self.w(k) in self.lex.parts_of_day and self.w(k) not in PLURAL_PARTS:
            part = self.lex.parts_of_day[self.w(k)]
            k += 1
        m = k + (self.w(k) == "of")  # "on Tuesday last week", "on Thursday of last week"
        if self.w(m) in ("last", "next", "this") and self.w(m + 1) == "week":
            weeks = self.lex.deictic_determiners[self.w(m)]
            return Reading(i, m + 2, "DATE", lambda c: R.weekday_of_week(c, d, weeks))
        listed = self.listed_week(k) if part is None else None
        if listed is not None:  # "Tuesday, Wednesday and Thursday of next week": that week's
            return Reading(i, k, "DATE", lambda c: R.weekday_of_week(c, d, listed))
        typ = "TIME" if part else "DATE"
        dated = self._month_day(k + 1) if part and self.w(k) == "," else None
        if part and dated is not None:  # "through Monday night, November 6": that day's night
            month, dd = dated[0], dated[1]
            return Reading(
                i,
                k,
                typ,
                lambda c: R.part_of(R.month_day_on(c, month, dd, d), part),
                explicit=False,
            )
        if self.words(i - 2, (",", "a")) and self.tx(i - 3)[:1].isdigit():
            # "on March 17, a Sunday": the day of the date just told ("Sept. 10, a Monday
            # night": its night)
            return Reading(
                i,
                k,
                typ,
                lambda c: R.part_of(R.weekday_of_day(c, d), part),
                anaphoric=True,
                explicit=False,
            )
        return Reading(i, k, typ, lambda c: R.weekday(c, d, 0, part), explicit=False)

    def listed_week(self, k: int) -> int | None:
        """The week offset that ends a list of weekdays going on from ``k`` (", Wednesday and
        Thursday of next week"), or None."""
        m, listed = k, False
        while True:
            wd = self.weekday(m)
            if wd is not None:
                m = wd[1]
            elif self.w(m) in (",", "and", "or"):
                listed, m = listed or self.w(m) != ",", m + 1
            else:
                break
        m += self.w(m) == "of"
        if not listed or self.w(m) not in ("last", "next", "this") or self.w(m + 1) != "week":
            return None
        return self.lex.deictic_determiners[self.w(m)]

    def name_acted(self, i: int) -> bool:
        """A name ending in "'s" ("Moody's") is the subject, not the owner, of the time at
        ``i``: a one-word unit and a past verb follow ("Moody's last week put")."""
        verb = self.w(i + 2)
        past = verb in self.lex.tense.past or verb in SAME_PAST
        past = past or (verb.endswith("ed") and self.tx(i + 2).islower())
        return self.tx(i - 3)[:1].isupper() and self.w(i + 1) in self.lex.units and past

    def determined(self, i: int) -> Reading | None:
        """ "last week", "this morning", "next Friday", "the current quarter", "this weekend":
        a unit, a day or a part of one after a deictic determiner."""
        lex = self.lex
        word = self.w(i)
        owner = self.w(i - 1) in ("any", "every", "each", "no", "their", "its", "his", "her", "our")
        told_her = self.w(i - 1) == "her" and self.w(i - 2) in self.lex.tense.past
        told_her = told_her or (self.w(i - 1) == "her" and word == "this")  # "to her this year"
        if owner and not told_her:  # "told her last Friday": "her" is the object
            return None  # "than any previous decade", "their last day of classes": no deixis
        contracted = self.w(i - 3) in ("it", "that", "there", "what", "here", "he", "she")
        owned = self.possessive_s(i - 2) and not contracted
        if owned and word != "current" and not self.name_acted(i):  # not "the county's
            # current fiscal year", "Moody's last week put the city's bonds on review"
            return None  # "the store's last day of business" (not "whether it's next month")
        off = lex.deictic_determiners[word]
        k = i + 1 + self.fiscal(i + 1)  # "this fiscal year"
        nxt = self.w(k)
        if nxt == "overnight":
            return None  # "our way out of this overnight": a pronoun and an adverb
        if nxt in lex.parts_of_day and nxt not in PLURAL_PARTS:
            part = lex.parts_of_day[nxt]
            day_off = -1 if word == "last" else 1 if word == "next" else 0
            # "last night", "last evening" (not "the last evening of the fair")
            last = word == "last" and nxt in ("night", "evening") and self.w(i - 1) != "the"
            if word == "this" or last or word == "next":
                return Reading(
                    i, k + 1, "TIME", lambda c: R.day_offset(c, day_off, part), explicit=False
                )
            return None
        wd = self.weekday(k)
        if wd is not None and word == "past" and self.w(i - 1) not in ("this", "the"):
            return None  # "running past Monday's deadline": a preposition
        if wd is not None and word in ("this", "last", "next", "past", "coming"):
            d, kk = wd
            ahead = word == "this"  # "finishes this Sunday"
            at = self.lex.parts_of_day.get(self.w(kk)) if self.w(kk) not in PLURAL_PARTS else None
            kk += at is not None  # "last Tuesday evening"
            return Reading(
                i,
                kk,
                "TIME" if at else "DATE",
                lambda c: R.weekday(c, d, off, at, ahead=ahead),
                explicit=False,
            )
        u = self.unit(k)
        if u is not None and u[0] == "day" and word == "this" and self.w(i - 1) in ("to", "until"):
            return Reading(i, k + 1, "DATE", B.ref_builder("PRESENT_REF"), explicit=False)
        if u is not None and u[0] not in ("second", "minute", "hour") and not self.plural_unit(k):
            unit_key = u[0]
            if unit_key in ("decade", "century") and (
                word == "past" or word == "coming" and self.w(i - 1) == "the"
            ):
                return None  # "in the coming decade", "in past decade": ten years, a length
            if word == "last" and unit_key == "day" and self.w(i - 1) == "the":
                return None  # "the last day of school": no yesterday
            if word == "last" and self.w(i - 1) == "the" and self.w(u[1]) == "of":
                return None  # "cancelled the last week of classes": the final one, no deixis
            if word == "current" and unit_key not in ("year", "quarter", "month", "week"):
                return None
            if unit_key in ("weekend", "fortnight"):
                return None  # "the coming fortnight": two weeks, a length (no calendar unit)
            if self.words(u[1], ("and", "a", "half")):
                return None  # "the past year and a half": a length
            if self.hyphen(u[1]) and self.w(u[1] + 1) in ("round", "long"):
                return None  # "the current year-round schools", "last year-long study"
            if self.words(u[1], ("after", self.w(u[1] - 1))):
                return None  # "keep doing this year after year": "this" is the object
            # "last season": a team's or a theatre's, told by its year
            gran = "year" if unit_key == "season" else lex.units[unit_key].granularity
            return Reading(i, u[1], "DATE", lambda c: R.unit_offset(c, gran, off), explicit=False)
        if nxt == "weekend" and word == "coming":
            return Reading(i, k + 1, "DATE", R.coming_weekend, explicit=False)
        if nxt == "weekend":
            this = word == "this"
            return Reading(i, k + 1, "DATE", lambda c: R.weekend(c, off, this=this), explicit=False)
        return None

    def day_part(self, i: int, j: int, part: str, day: Reading | None = None) -> Reading:
        """Part ``part`` of the day ``day`` reads ("dusk on Tuesday"), or, without one, of
        the day the text stands at ("by mid-afternoon"), over tokens ``i:j``."""
        if day is not None:
            build = day.build
            return Reading(i, j, "TIME", lambda c: R.part_of(build(c), part), explicit=False)
        return Reading(i, j, "TIME", lambda c: R.part_told(c, part), anaphoric=True, explicit=False)

    def that_part(self, i: int, j: int, part: str, off: int = 0) -> Reading:
        """ "that evening", "the next morning": part ``part`` of the day told (or of the day
        ``off`` days from it), over ``i:j``; unlike ``day_part`` alone, always that day,
        however far from the DCT."""
        return Reading(
            i,
            j,
            "TIME",
            lambda c: R.part_of(R.anaphor(c, "day", off), part),
            anaphoric=True,
            explicit=False,
        )

    def unit_of_span(self, i: int) -> Reading | None:
        """ "the last decade of her life", "the first year of his reign": one unit's length at
        an edge of a span the text does not date (not "the first decade of the 20th century")."""
        if self.w(i) != "the" or self.w(i + 1) not in ("last", "first", "final", "closing"):
            return None
        u = self.unit(i + 2)
        if u is None or self.plural_unit(i + 2) or u[0] in ("second", "minute", "quarter", "day"):
            return None  # ("the first day of the trial" is a day, not a length)
        k = u[1]
        owner = self.w(k + 1) in ("his", "her", "their", "its", "my", "our") or (
            self.w(k + 1) == "the"
            and self.tx(k + 2).isalpha()
            and self.ordinal(k + 2) is None
            and self.unit(k + 2) is None
        )  # not "of the 20th century", "of the year"
        owner = owner or self.w(k + 1) in self.g.session_nouns  # "the first hour of trading"
        if self.w(k) != "of" or not owner:
            return None
        spec = self.lex.units[u[0]]
        value = B.dur_value(spec.timex, 1, spec.n, spec.time)
        return Reading(i, k, "DURATION", B.dur(value), explicit=False)

    def edge_of_day(self, i: int) -> Reading | None:
        """ "at dawn today", "at dusk on Tuesday", "by nightfall": that part of a day named,
        or of the day the text stands at."""
        word, before = self.w(i), self.w(i - 1)
        # "in afternoon trading": a part of the day a session noun follows
        session = before in ("in", "during") and self.w(i + 1) in self.g.session_nouns
        if word not in self.g.edges_of_day and not (session and word in SESSION_PARTS):
            return None
        if before not in ("at", "by", "before", "after", "until", "till", "since") and not (
            session or (before == "in" and word.startswith("mid"))  # "in midmorning trading"
        ):
            return None  # "the dawn of a new era", "dawn raids"
        part = self.lex.parts_of_day[word]
        on = self.w(i + 1) == "on"
        dated = self.full_date(i + 2) if on else None
        if dated is not None:  # "before dawn on Nov. 8": that day's dawn; the date is its own
            return self.day_part(i, i + 1, part, dated)
        k = i + 1 + (on and self.weekday(i + 2) is not None)
        named = self.w(k) in self.lex.day_deictics or self.weekday(k) is not None  # "dawn Monday"
        day = self.deictic(k) if named or k > i + 1 else None
        if day is not None and day.type == "DATE":
            return self.day_part(i, day.j, part, day)
        if session:  # "rose $1.375 in midday trading": the session the news reports
            return Reading(
                i, i + 1, "TIME", lambda c: R.session_part(c, part), anaphoric=True, explicit=False
            )
        return self.day_part(i, i + 1, part)

    def anaphoric(self, i: int) -> Reading | None:
        """ "the following year", "the next day", "that same month", "the day before"."""
        edge = self.weekday_beside(i, i + 1) if self.w(i) == "the" else None
        if edge is not None:  # "the last Saturday before Christmas"
            return edge
        lex = self.lex
        j = i
        if self.w(j) in ("the", "that"):
            det = self.w(j)
            j += 1
        else:
            return None
        off = 0
        if det == "that" and self.w(j) == "next":
            return None  # "warned that next year would be": the clause's "that"
        if self.w(j) == "next" and self.w(j + 1) in ("decade", "century"):
            # "well into the next decade", "the competition of the next century", "early in
            # the next century": that decade or century
            early = self.w(i - 1) == "in" and self.w(i - 2) in ("early", "late", "sometime")
            named = self.w(i - 1) in ("into", "by", "until", "till", "of") or early
            if not named or det != "the":
                return None  # "for the next decade": the ten years to come, a length
            gran = lex.units[self.w(j + 1)].granularity  # "well into the next decade"
            return Reading(i, j + 2, "DATE", lambda c: R.unit_offset(c, gran, 1), explicit=False)
        if self.w(j) in lex.anaphoric_determiners and self.w(j) != "that":
            off = lex.anaphoric_determiners[self.w(j)]
            j += 1
        elif det != "that":
            return self.the_unit(i, j)
        if self.w(j) == "same":
            j += 1
        same = self.w(j - 1) == "same"
        u = self.unit(j)
        year = self.year(u[1] + 1) if same and u is not None and self.w(u[1]) == "of" else None
        if year is not None and u is not None and u[0] in ("quarter", "month"):
            gran, y = lex.units[u[0]].granularity, year[0]  # "up from $3.05 in the same
            return Reading(  # quarter of 2012": the quarter told, in that year
                i, year[1], "DATE", lambda c: R.same_in_year(c, gran, y), explicit=False
            )
        if same and u is not None and u[0] in ("month", "week") and not self.plural_unit(j):
            end = u[1] + 2 if self.words(u[1], ("last", "year")) else self.a_year_back(u[1])
            gran = u[0]  # "up from the same month last year", "than in the same week a year
            if end is not None:  # ago": the month or week told, a year back
                return Reading(
                    i, end, "DATE", lambda c: R.year_back(c, gran), anaphoric=True, explicit=False
                )
        if u is None or self.plural_unit(j):
            wd = self.weekday(j)
            # "that Monday", not "worries that Friday's plunge" (a clause's "that")
            clause = self.w(wd[1]) in ("'", "\u2019") if wd is not None else False
            clause = clause or wd is not None and self.clause_that(i, wd[1])
            that = det == "that" and not (clause and self.w(i - 1) not in self.g.prepositions)
            if wd is not None and (off != 0 or that):
                d, k = wd  # "that Monday", "the previous Friday", "the following Tuesday"
                dated = self._month_day(k + 1) if self.w(k) == "," else None
                if dated is not None:  # "the following Tuesday, Feb. 22": the date's day
                    month, day = dated[0], dated[1]
                    return Reading(
                        i, k, "DATE", lambda c: R.month_day_on(c, month, day, d), explicit=False
                    )
                return Reading(
                    i,
                    k,
                    "DATE",
                    lambda c: R.weekday(c, d, off, None, anaphoric=True),
                    anaphoric=True,
                    explicit=False,
                )
            if self.w(j) == "weekend" and (off != 0 or det == "that"):
                return Reading(  # "the following weekend", "that weekend"
                    i,
                    j + 1,
                    "DATE",
                    lambda c: R.weekend_anaphor(c, off),
                    anaphoric=True,
                    explicit=False,
                )
            overnight = self.w(j) == "overnight"  # "replace that overnight": an adverb
            if self.w(j) in lex.parts_of_day and det in ("that", "the") and not overnight:
                if self.w(j) not in PLURAL_PARTS:  # "that evening", "the next morning": a TIME
                    return self.that_part(i, j + 1, lex.parts_of_day[self.w(j)], off)
                return Reading(
                    i,
                    j + 1,
                    "DATE",
                    lambda c: R.anaphor(c, "day", off),
                    anaphoric=True,
                    explicit=False,
                )
            return None
        if u[0] == "fortnight":
            return None  # "the next fortnight": two weeks, a length (no calendar unit)
        if u[0] == "night":  # "that night", "the previous night": a TIME, as "the next morning"
            return Reading(
                i, u[1], "TIME", lambda c: R.night_of(c, off), anaphoric=True, explicit=False
            )
        gran = lex.units[u[0]].granularity
        if gran in ("second", "minute", "hour"):
            return None
        if u[0] == "season" and self.w(u[1]) in self.g.season_things:
            return None  # "that season tickets would go on sale": a kind named for a season
        if u[0] == "season" and self.hyphen(u[1]) and self.tx(u[1] + 1).isalpha():
            return None  # "that season-ticket renewals", "that season-opening win": a compound
        if self.hyphen(u[1]) and self.w(u[1] + 1) in ("round", "long"):
            return None  # "that year-long study": a compound
        if u[0] == "quarter" and self.hyphen(j + 1) and self.w(j + 2) == "century":
            return Reading(i, j + 3, "DURATION", B.dur("P25Y"), explicit=False)  # a length
        if off == 1 and self.w(i) == "the" and self.w(i - 1) in ("within", "over"):
            # "would update investors within the next week or so": the window from now
            return Reading(i, u[1], "DATE", lambda c: R.unit_offset(c, gran, 1), explicit=False)
        return Reading(
            i, u[1], "DATE", lambda c: R.anaphor(c, gran, off), anaphoric=True, explicit=False
        )

    def reported(self, i: int, j: int, gran: str) -> Reading:
        """The year or week a report is about ("for the fiscal year", "for the week"), the
        current one, told in passing."""
        return Reading(
            i, j, "DATE", lambda c: R.unit_offset(c, gran, 0), explicit=False, passing=True
        )

    def trading_week(self, i: int, k: int) -> bool:
        """ "the week" at ``i`` (ending before ``k``) is the week being reported: "For the
        week, the index fell", "ended the week higher", "the week's most active session",
        "spent much of the week"."""
        before = self.w(i - 1)
        if self.possessive_s(k):
            return True  # "the week's most active session"
        if before == "for":
            return self.w(k) in (",", ".", ";")
        if before == "of":  # "spent much of the week shuttling", "the rest of the week"
            return self.w(i - 2) in ("much", "most", "rest", "part")
        return before in self.g.week_verbs

    def weekday_beside(self, i: int, j: int) -> Reading | None:
        """ "the Friday before Christmas", "the Tuesday after Nov. 1", "the last Saturday
        before Christmas", "the last weekend before Christmas": the nearest such day (or
        weekend) on that side of a named or dated day (the weekday at ``j``, after "the")."""
        edge = self.w(j) in ("last", "final", "first")
        k = j + edge
        weekend = edge and self.w(k) == "weekend"
        wd = (6, k + 1) if weekend else self.weekday(k)
        if wd is None or self.w(wd[1]) not in ("before", "after"):
            return None
        off = -1 if self.w(wd[1]) == "before" else 1
        if edge and (off < 0) == (self.w(j) == "first"):
            return None  # "the first Saturday before": no such edge
        beyond = self.w(wd[1] + 1) == ("next" if off > 0 else "last")
        if beyond and not weekend and not edge:  # "the Saturday before last"
            d2 = wd[0]
            return Reading(
                i, wd[1] + 2, "DATE", lambda c: R.weekday_beyond(c, d2, off), explicit=False
            )
        named = self.holiday(wd[1] + 1) or self.full_date(wd[1] + 1)
        if named is None and not weekend and self.tx(wd[1] + 1) in (",", ".", ";", ")"):
            d = wd[0]  # "on Easter Sunday and another the Wednesday after": the day told's
            return Reading(
                i,
                wd[1] + 1,
                "DATE",
                lambda c: R.weekday_beside(R.day_then(c), d, off),
                anaphoric=True,
                explicit=False,
            )
        if named is None or named.type != "DATE":
            return None
        build, d = named.build, wd[0]
        if weekend:
            return Reading(
                i, named.j, "DATE", lambda c: R.weekend_beside(build(c), off), explicit=False
            )
        return Reading(
            i, named.j, "DATE", lambda c: R.weekday_beside(build(c), d, off), explicit=False
        )

    def fiscal_end(self, k: int) -> Reading | None:
        """The date a fiscal year ends, told after it at ``k`` ("ending June 30, 2001",
        "that ended Sept. 30")."""
        k += self.w(k) in ("that", "which")
        if self.w(k) not in ("ending", "ended", "ends", "end"):
            return None
        k += 1 + (self.w(k + 1) == "on")
        date = self.full_date(k)
        return date if date is not None and date.type == "DATE" else None

    def fiscal(self, i: int) -> bool:
        """ "fiscal" or "financial" before "year" at ``i``: a company's or state's year."""
        return self.w(i) in ("fiscal", "financial") and self.w(i + 1) == "year"

    def clause_that(self, i: int, k: int) -> bool:
        """ "that" at ``i`` opens a clause after a verb of saying or noting, with a weekday
        as its subject and its verb at ``k`` ("noted that Thursday marks two years")."""
        verb = self.w(i - 1)
        said = verb in self.lex.tense.reporting or verb.endswith("ed") and verb.isalpha()
        after = self.tx(k)
        finite = after.isalpha() and after.islower() and after not in self.lex.parts_of_day
        return said and finite and after not in self.g.prepositions

    def doing(self, k: int) -> bool:
        """An "-ing" word at ``k``, hyphenated or not ("moving", "de-icing")."""
        k += 2 if self.hyphen(k + 1) else 0
        return self.w(k).endswith("ing") and len(self.w(k)) > 4

    def the_unit(self, i: int, j: int) -> Reading | None:
        """ "the day before", "the year", "the evening of 4 April 1968", "in the afternoon":
        a unit or a part of the day after "the" (``j`` after it)."""
        lex = self.lex
        beside = self.weekday_beside(i, j)
        if beside is not None:
            return beside
        if self.words(j, ("first", "of", "the", "year")):  # "after the first of the year":
            return Reading(  # January 1, of the year the clause looks to
                i, j + 4, "DATE", lambda c: R.month_day(c, 1, 1), explicit=False
            )
        edged = self.w(j) in ("early", "late") and self.w(j + 2) == "of"  # "the early morning
        j += edged  # of 23 April 1849"
        part = lex.parts_of_day.get(self.w(j))
        dated = self.full_date(j + 2) if part and self.w(j + 1) == "of" else None
        if edged and dated is None:
            return None
        if part and dated is None and self.w(j + 1) == "of" and self.narrative:
            dated = self.day_alone(j + 2)  # "the evening of the 28th"
        if part and dated is not None:
            evening = self.day_part(i, dated.j, part, dated)  # "the evening of 4 April 1968"
            evening.explicit = dated.explicit
            evening.narrative_only = True  # news tags the date alone
            return evening
        single = self.w(j) not in PLURAL_PARTS  # not "classes in the mornings"
        most = self.w(i - 1) == "of" and self.w(i - 2) in ("most", "much")  # "most of the
        # afternoon"
        into = self.w(i - 1) in self.g.part_leads or most
        # "in the afternoon the dollar fell", "open in the evening because of turnout";
        # "continued into the afternoon", "spent the afternoon moving aircraft", not
        # "during the overnight shift"
        told = self.w(i - 1) == "in" and self.w(j + 1) != "hours"
        spent = self.w(i - 1) in SPENT and self.doing(j + 1)  # "spent the afternoon
        # de-icing runways": what filled it, no noun described
        told = told or (into and (spent or not self.modifies_noun(j + 1)))
        if part and single and told and self.w(j + 1) not in ("of", "-"):
            return self.day_part(i, j + 1, part)
        # "sales for the full year", "the fiscal year", "the full financial year": the year
        # reported
        k = j + (self.w(j) == "full")
        k += self.fiscal(k)
        if k > j and self.w(k) == "year":
            ending = self.fiscal_end(k + 1) if self.fiscal(k - 1) else None
            if ending is not None:  # "the fiscal year ending June 30, 2001": that date's year
                build = ending.build
                return Reading(i, k + 1, "DATE", lambda c: R.year_of(build(c)), explicit=False)
            return self.reported(i, k + 1, "year")
        u0 = self.unit(j)
        if u0 is None:
            return None
        if self.tx(j)[:1].isupper() and self.lead_cap(j) and not self.lowercase_text:
            return None  # "the Constitution of the Year I", "the Year of the Dragon": a name
        undated = self.w(j + 1) == "of" and self.w(j + 2) in ("his", "her", "their", "its")
        if undated and self.w(i - 1) != ",":
            return None  # "in the year of his death" (not "in 1543, the year of his death")
        beyond = self.words(j + 1, ("after", "next")) or self.words(j + 1, ("before", "last"))
        if beyond and u0[0] in ("week", "month", "year") and not self.plural_unit(j):
            off2 = 2 if self.w(j + 1) == "after" else -2  # "the week after next"
            gran2 = lex.units[u0[0]].granularity
            return Reading(
                i, j + 3, "DATE", lambda c: R.unit_offset(c, gran2, off2), explicit=False
            )
        if (
            self.w(j + 1) in ("before", "after")
            and not self.plural_unit(j)
            and u0[0]
            in (
                "day",
                "week",
                "month",
                "year",
                "night",
            )
        ):
            off = -1 if self.w(j + 1) == "before" else 1  # "the day before", "the week after"
            if self.w(j + 2) in ("yesterday",):
                return None
            named = self.holiday(j + 2) or self.full_date(j + 2) if u0[0] == "day" else None
            if named is not None and named.type == "DATE":
                build = named.build  # "the day before Thanksgiving"
                return Reading(
                    i, named.j, "DATE", lambda c: R.day_beside(build(c), off), explicit=False
                )
            end = j + 2 + (self.w(j + 2) == "that")  # "next week, and the week after that"
            after = self.w(end)
            adverb = after in ("over", "in", "at", "during", "amid", "without")  # "the day
            # before over the union's demand", not "the day before the vote"
            if after and after not in (".", ",", ";", "and", "when") and not adverb:
                return None
            if u0[0] == "night":  # "the night before": a TIME, as "the previous night"
                return self.that_part(i, end, "NI", off)
            gran = lex.units[u0[0]].granularity
            return Reading(
                i, end, "DATE", lambda c: R.anaphor(c, gran, off), anaphoric=True, explicit=False
            )
        if self.hyphen(j + 1) and self.w(j + 2) == "long":
            return None  # "the decade-long dispute": the length is the adjective's
        if self.hyphen(j + 1) and self.w(j + 2) == "end" and u0[0] in ("year", "month", "quarter"):
            ended = self.unit_end(j)  # "the year-end rally": the end of the year, with its article
            if ended is not None:
                ended.i = i
            return ended
        rest = self.w(i - 1) == "of" and self.w(i - 2) == "rest" and not self.plural_unit(j)
        if rest and u0[0] in ("year", "decade", "century"):
            return self.rest_of(i, j + 1, lex.units[u0[0]].granularity)
        if u0[0] in ("decade", "century") and not self.plural_unit(j) and self.w(i - 1) != "for":
            gran = lex.units[u0[0]].granularity  # "throughout the decade": the one told
            return Reading(
                i,
                j + 1,
                "DATE",
                lambda c: R.unit_offset(c, gran, 0, anaphoric=True),
                anaphoric=True,
                explicit=False,
            )
        if u0[0] == "week" and not self.plural_unit(j) and self.trading_week(i, j + 1):
            return self.reported(i, j + 1, "week")  # "For the week, the S&P 500 edged up"
        if u0[0] != "year" or self.plural_unit(j):
            return None
        if self.w(i - 1) == "of" and self.w(i - 2) in self.g.award_nouns:
            return None  # "player of the year": an award's name
        if self.w(i - 1) in ("for", "over", "throughout", "during", "all", "whole", "entire"):
            return Reading(  # "during the year": its length
                i, j + 1, "DURATION", lambda c: TimeValue(type="DURATION", duration="P1Y")
            )
        return Reading(  # "the year": the one told
            i,
            j + 1,
            "DATE",
            lambda c: R.unit_offset(c, "year", 0, anaphoric=True),
            anaphoric=True,
            explicit=False,
        )

    def rest_of(self, i: int, j: int, gran: str) -> Reading:
        """ "for the rest of the decade": in news, told of what lies ahead or holds now
        ("remain bullish for the rest of the year"), the one now (not the last one told,
        "the early 1980s"); otherwise the one told."""
        return Reading(
            i,
            j,
            "DATE",
            lambda c: R.unit_offset(c, gran, 0, anaphoric=not (c.news and c.tense >= 0)),
            anaphoric=True,
            explicit=False,
        )

    def days_per(self, key: str, count: int | None, k: int) -> str | None:
        """The period of "six days a week", "five nights a week", "200 days a year" (a count
        of days in each week, month or year at ``k``), else None."""
        period = self.w(k + 1)
        if count is None or self.w(k) not in ("a", "per") or key not in ("day", "night"):
            return None
        if period not in ("week", "month", "year"):
            return None
        if self.w(k + 2) in ("ago", "earlier", "later", "before", "after"):
            return None  # "ten days a year ago": a date
        spec = self.lex.units[period]
        return B.dur_value(spec.timex, 1, spec.n, spec.time)

    def frequency_start(self, i: int) -> int:
        """Where a set at ``i`` starts with the count before it: "twice a week", "three
        times a year", "twice daily"."""
        if self.w(i - 1) in ("once", "twice", "thrice"):
            return i - 1
        times = self.number(i - 2) if self.w(i - 1) == "times" else None
        return i - 2 if times is not None and times[1] == i - 1 else i

    def rate(self, i: int) -> bool:
        """Whether "a"/"per" at ``i`` follows a quantity ("four flights a week", "$2 a share")."""
        before = self.w(i - 1)
        if before in self.g.prepositions or before == "than" or before in self.lex.approx_words:
            return False  # "for almost a year" (not "without one for almost a year" a rate)
        if before == ")" and (self.w(i) == "per" or self.quantity_before(i - 2)):
            return True  # "235 kilometres (147 miles) per hour", "(195 miles) an hour"
        # "155,000 jobs a month"; "560,000 barrels of oil a day": the quantity before "of"
        return self.quantity_before(i - 1) or (
            self.w(i - 2) == "of" and self.quantity_before(i - 3)
        )

    def quantity_before(self, start: int) -> bool:
        """A count stands within three tokens back from ``start``, with no mark between."""
        for k in range(start, max(-1, start - 3), -1):
            word = self.w(k)
            if not word or (not word.isalnum() and not word[:1].isdigit() and word not in "$."):
                return False  # a mark (a comma: "on January 11, came a day after") ends it
            if self.is_int(k) or word[:1].isdigit() or word in self.lex.number_words:
                return True  # "2.5 percent a year"
            if word in ("million", "billion", "thousand", "hundred", "trillion", "many"):
                return True  # "how many minutes a day"
        return False

    def half_unit(self, i: int, j: int, lead: str | None) -> Reading | None:
        """ "half a century", "half an hour", "a half-century", "the next half century": half
        of one unit (``j`` after the lead word)."""
        if self.w(j) == "half" and self.w(j + 1) in ("a", "an"):
            k = j + 2
        elif self.w(j) == "half" and lead is not None or self.words(j, ("a", "half")):
            k = j + 1 + (self.w(j) == "a")
            k += self.hyphen(k)
        else:
            return None
        u = self.unit(k)
        if u is None or self.plural_unit(k):
            return None
        return self.part_of_unit(i, u, 1, 2)

    def part_of_unit(self, i: int, u: tuple[str, int], num: int, den: int) -> Reading | None:
        """``num``/``den`` of the unit ``u`` (its key and the index after it) as a length
        from ``i``, or the date it counts to ("half a century later": fifty years on; "half
        a year ago": six months back; "a quarter century ago")."""
        spec = self.lex.units[u[0]]
        value = B.part_value(spec, num, den)
        if value is None:
            return None
        plain = Reading(i, u[1], "DURATION", B.dur(value), explicit=False)
        if spec.timex == "Y" and spec.n > 1:
            counted, amount = _Counted("year", u[1], False, False), spec.n * num // den
        elif u[0] == "year" and den == 2:
            counted, amount = _Counted("month", u[1], False, False), 6
        else:
            return plain
        return self.counted_from(i, None, counted, amount, plain) or plain

    def quarter_unit(self, i: int, j: int, lead: str | None) -> Reading | None:
        """ "a quarter of a century", "a quarter-century", "three-quarters of an hour", "the
        past quarter century": a quarter or three of one unit (``j`` after the lead word)."""
        three = self.w(j) == "three"
        if not three and self.w(j) != "a" and not (lead and self.w(j) == "quarter"):
            return None
        k = j + (self.w(j) != "quarter") + (self.hyphen(j + 1) if three else 0)
        if self.w(k) != ("quarters" if three else "quarter"):
            return None
        k += 1
        k += 2 if self.words(k, ("of", "a")) or self.words(k, ("of", "an")) else self.hyphen(k)
        u = self.unit(k)
        if u is None or self.plural_unit(k) or u[0] == "quarter":
            return None
        return self.part_of_unit(i, u, 3 if three else 1, 4)

    def months_of_year(self, i: int, lead: str | None, count: int, k: int) -> Reading | None:
        """ "the first three months of 2012", "the last six months of the year": a quarter or a
        half of that year (``k`` is the index after "months")."""
        if lead not in ("first", "last", "final") or count not in (3, 6) or self.w(k) != "of":
            return None
        gran = "quarter" if count == 3 else "half"
        sub = 1 if lead == "first" else (4 if gran == "quarter" else 2)
        yr = self.year(k + 1)
        if yr is not None:
            p = TimePoint(gran, year=yr[0], sub=sub)  # type: ignore[arg-type]
            return Reading(i, yr[1], "DATE", B.const(p))
        det = self.w(k + 1)
        if self.w(k + 2) != "year" or det not in ("the", "this", "last", "next"):
            return None
        if det == "the":  # "the final three months of the year": as "the fourth quarter"
            return Reading(
                i, k + 3, "DATE", lambda c: R.quarter(c, gran, sub, None, None), explicit=False
            )
        off = 0 if det == "this" else self.lex.deictic_determiners[det]
        return Reading(
            i, k + 3, "DATE", lambda c: R.part_of_year(c, gran, sub, off), explicit=False
        )

    def decimal_length(self, i: int, j: int) -> Reading | None:
        """ "2.5 years" (P2Y6M), "1.5 hours" (PT1H30M), "0.3 seconds" (PT0.3S)."""
        text = self.tx(j)
        whole, dot, frac = text.partition(".")
        if not (dot and whole.isdigit() and frac.isdigit() and len(text) <= 9):
            return None
        u = self.unit(j + 1)
        if u is None or not self.plural_unit(j + 1) and whole != "1":
            return None
        spec = self.lex.units[u[0]]
        if frac == "5" and whole != "0" and spec.timex != "S":
            value = B.dur_value(spec.timex, int(whole), spec.n, spec.time, half=True)
        elif spec.n == 1 and spec.timex in ("Y", "M", "W", "D", "H", "S"):
            value = f"PT{text}{spec.timex}" if spec.time else f"P{text}{spec.timex}"
        else:
            return None
        return Reading(i, u[1], "DURATION", B.dur(value), explicit=False)

    def duration(self, i: int) -> Reading | None:
        """ "three years", "the past two months", "a decade ago", "two years later", "10-year"."""
        if not self.near(i, self.lex.unit_words, UNIT_REACH):
            return None  # no unit word near: no length
        if self.military(i):
            return None  # "at 1900 hours" is a clock time
        label = self.w(i - 1) in self.g.label_nouns and self.tx(i - 1)[:1].isupper()
        counted_back = len(self.tx(i)) <= 2 and self.told_back(i + 2)  # "Harbor Lane 18
        # months ago": a count, as a label's small number is never followed by "ago"
        if self.is_int(i) and label and not self.t[i].newline_before and not counted_back:
            return None  # "Windows 2000 years ago": a name's number (not "took office 15
            # months ago")
        lead, j = self.span_lead(i)
        if self.tx(j - 1) in ("$", "\u20ac", "\u00a3", "\u00a5") and self.tx(j)[:1].isdigit():
            return None  # "the $5 day": a sum
        halved = self.half_unit(i, j, lead) or self.quarter_unit(i, j, lead)
        if halved is not None:
            return halved
        decimal = self.decimal_length(i, j)
        if decimal is not None:
            return decimal
        num = self.number(
            j, allow_article=lead is None or lead in ("past", "last", "first", "next")
        )
        if num is None:
            return self.uncounted(i, j, lead)
        return self.counted(i, j, lead, num)

    def told_back(self, k: int) -> bool:
        """ "ago", "earlier", "later" or a closing "before" at ``k`` ("years before."), not
        "before" opening a clause ("months before residents could return")."""
        word = self.w(k)
        if self.w(k + 1) == "than" or self.words(k + 1, ("in", "the")):
            return False  # "weeks later than required"; "hours earlier in the week"
        return word in ("ago", "earlier", "later") or (
            word == "before" and not self.opens_phrase(k + 1)
        )

    def span_lead(self, i: int) -> tuple[str | None, int]:
        """The word leading a length ("the past", "recent") and the index after it."""
        g = self.g
        if self.w(i) == "the":
            if self.w(i + 1) in ("final", "first") and self.ago_after(i + 2):
                return None, i + 1  # "reached the final four years ago": a noun
            if self.w(i + 1) in g.span_leads or self.w(i + 1) in g.span_leads_after_the:
                return self.w(i + 1), i + 2
            return None, i + 1
        if self.w(i) in g.span_leads and not self.new_line(i + 1):
            if self.w(i) in ("coming", "next") and self.ago_after(i):
                return None, i  # "We saw this coming months ago": the verb's, then a time gone
            owned = self.w(i - 1) in DETERMINERS or self.w(i - 2) in ("'", "\u2019")
            if self.w(i) in ("final", "first") and (not owned or self.ago_after(i + 1)):
                return None, i  # "the Australian Open final six months ago": a noun
            if self.w(i) == "last" and self.w(i - 1) in LAST_VERB_LEADS:
                return None, i  # "will begin at 11:55 p.m. and last 20 minutes": the verb
            if self.w(i - 1) == "most" and self.number(i + 1) is not None:
                return None, i  # "the most recent two weeks ago": "the most recent" is a noun
            return self.w(i), i + 1
        return None, i

    def ago_after(self, k: int) -> bool:
        """ "ago" ends the count and unit from ``k`` ("four years ago", "six months ago")."""
        return any(self.w(m) == "ago" for m in range(k + 1, min(self.n, k + 4)))

    def no_length(self, j: int) -> bool:
        """The bare plural unit at ``j`` names no length: a name before a verb of saying
        ('"We ask for patience," Weeks said'), or days of a kind ("a string of snow days",
        "on match days")."""
        after, tense = self.w(j + 1), self.lex.tense
        if self.tx(j)[:1].isupper() and (after in tense.reporting or after in tense.saying):
            return True
        return self.w(j) == "days" and self.w(j - 1) in self.g.day_compounds

    def uncounted(self, i: int, j: int, lead: str | None) -> Reading | None:
        """A length without a count: "the past decade" (P10Y), "recent months", "for hours"."""
        lex = self.lex
        if lead is None and i == j and self.no_length(j):
            return None
        if (
            lead in ("past", "next", "coming")
            and (self.w(i) == "the" or lead == "past" and j == i + 1)
            and self.w(j) in ("decade", "century")
        ):
            spec = lex.units[self.w(j)]  # "over the past decade", "in past decade": ten years
            return Reading(
                i, j + 1, "DURATION", B.dur(B.dur_value("Y", 1, spec.n, False)), explicit=False
            )
        if lead in ("past", "next", "coming", "last") and self.w(j) == "fortnight":
            spec = lex.units["fortnight"]  # "over the coming fortnight": two weeks
            value = B.dur_value(spec.timex, 1, spec.n, spec.time)
            return Reading(i, j + 1, "DURATION", B.dur(value), explicit=False)
        unit = lex.unit(self.w(j))
        if lead is not None and unit is not None and self.words(j + 1, ("and", "a", "half")):
            spec = lex.units[unit[0]]  # "the past year and a half"
            value = B.dur_value(spec.timex, 1, spec.n, spec.time, half=True)
            return Reading(i, j + 4, "DURATION", B.dur(value), explicit=False)
        idiom = self.w(i - 1) in ("at", "until", "till") or self.w(i - 2) in ("at", "until")
        if self.w(j) == "minute" and lead == "last" and idiom:
            return None  # "waited until the last minute": an idiom
        if lead in ("past", "last", "next") and self.w(j) in ("hour", "minute"):
            spec = lex.units[self.w(j)]  # "for the past hour": a length
            return Reading(
                i, j + 1, "DURATION", B.dur(B.dur_value(spec.timex, 1, 1, True)), explicit=False
            )
        ahead = self.w(j + 1) == "ahead" or self.words(j + 1, ("to", "come"))
        if lead is None and j == i + 1 and ahead and self.plural_unit(j):
            spec = lex.units[lex.unit_plurals[self.w(j)]]  # "the weeks ahead", "the years to come"
            value = B.dur_value(spec.timex, None, spec.n, spec.time)
            return Reading(
                i, j + 2 + (self.w(j + 1) == "to"), "DURATION", B.dur(value), explicit=False
            )
        if not (lead in VAGUE_SPAN_LEADS or (lead is None and j == i)):
            return None
        if not self.plural_unit(j) or lead is None and self.w(j + 1) == "off":
            return None  # "canceled all days off": a noun
        if self.tx(j)[:1].isupper() and self.lead_cap(j) and not self.headline(j):
            return None  # a name's "Years" (not a headline's "Faces Weeks of Coalition Talks")
        key = lex.unit_plurals[self.w(j)]
        spec = lex.units[key]
        # "for hours", "within weeks", "spent hours", "those take years", "hours after the
        # vote", "minutes before dawn", "hours later" (not "in the hours before", "seconds
        # before": a moment)
        apart = self.w(i - 1) != "the" and key != "second" and self.tx(j + 2).isalnum()
        counted = self.w(i - 1) in self.g.length_leads or (
            apart and self.w(j + 1) in ("after", "before")
        )
        counted = counted or spec.time and self.w(j + 1) in ("later", "earlier")  # "hours later"
        if spec.time and lead is None and not counted:
            return None  # "hours" alone is rarely a time; "for hours" is
        if lead is None and not counted and self.told_back(j + 1):
            ref = "PAST_REF" if self.w(j + 1) != "later" else "FUTURE_REF"  # "years ago"
            return Reading(
                i, j + 2, "DATE", lambda c: TimeValue(type="DATE", ref=ref), explicit=False
            )
        before = self.w(i - 1)
        if lead is None and before in ("million", "billion", "thousand", "hundred"):
            return None  # "3.2 million years": a count we do not read
        if lead is None and (before in lex.number_words or self.is_int(i - 1)):
            return None  # "older than six months": the count's reading said no length
        # "in the weeks before the shooting": the weeks are a length
        leading = self.w(j + 1) in ("before", "after", "leading") and self.opens_phrase(j + 2)
        # "weeks of riots" is a length; "the early hours of Thursday", "years of age" are not
        of_time = self.w(j + 1) == "of" and (
            self.weekday(j + 2) is not None
            or self.month(j + 2) is not None
            or self.is_int(j + 2)
            or self.w(j + 2) in ("the", "age", "this", "that")
        )
        if lead is None and (
            (before in ("the", "a", "those", "these", "two", "three", "or") and not leading)
            or of_time
            and not counted  # "within hours of the vote" is a length
            or self.w(j + 1) in ("old", "-")
        ):
            return None
        if lead is None and key in ("quarter", "season", "night", "fortnight"):
            return None
        if self.narrative and self.owned(i) and not counted:
            return None  # "in his last months", "her most productive years": a part of a
            # life, no value
        if lead is None and before == "-" and self.w(i - 2) == "light":
            return None  # "50 light-years from Earth": a distance
        kind = before in self.g.weather_adjectives or before in ("numbered", "degree")
        if lead is None and kind and not counted:
            return None  # "on hot days", "odd-numbered days", "95-degree days": a kind of day
        if lead is None and before in self.g.year_kinds and not counted:
            return None  # "whose fiscal years run from April to March": years of a kind
        ranked = before.endswith("est") and len(before) > 4
        ranked = ranked or (self.w(i - 2).endswith("est") and len(self.w(i - 2)) > 4)
        if lead is None and ranked and before.isalpha() and before not in self.g.prepositions:
            return None  # "the 10 warmest years on record", "the busiest travel days": a
            # ranking, no length
        things = self.w(i - 2) in lex.number_words or (
            self.is_int(i - 2) and len(self.tx(i - 2)) < 4
        )  # "five snow days": days counted as things, no length
        if lead is None and things and before.isalpha() and before not in self.g.prepositions:
            return None
        named = (
            not counted
            and before.isalpha()
            and self.w(i - 2) in DETERMINERS
            and before not in ("first", "early", "last", "final", "later", "closing", "initial")
        )  # "the busiest days", not "the early years"
        if lead is None and (named or before in lex.units) and before not in self.g.prepositions:
            return None  # "the busiest days", "the Abacha years", "14-hour days"
        value = B.dur_value(spec.timex, None, spec.n, spec.time)
        end = j + 1
        if self.w(end) in ("or", "and") and self.plural_unit(end + 1):
            end += 2  # "weeks or months", "recent weeks and months": one length, the first's
        return Reading(i, end, "DURATION", B.dur(value), explicit=False)

    def timely(self, k: int) -> bool:
        """A word of time at ``k`` after "this" or "that" ("year", "morning", "May")."""
        word = self.w(k)
        return (
            self.unit(k) is not None
            or word in self.lex.parts_of_day
            or word in self.lex.seasons
            or word == "same"
            or self.weekday(k) is not None
            or self.month(k) is not None
        )

    def counted_unit(self, i: int, j: int, count: int | None, k: int) -> _Counted | None:
        """The unit after the count ending at ``k`` and the index after it, or None when the
        words are not a length: "2014 season", "60 Minutes", ages, fractions, "a second
        betrayal"."""
        half = False
        if self.tx(k) == "1" and self.w(k + 1) == "/" and self.tx(k + 2) == "2" and self.adj(k + 1):
            half, k = True, k + 3
        if self.w(k) in ("and", "-") and self.w(k + 1) in ("a", "one") and self.w(k + 2) == "half":
            half, k = True, k + 3
        # "an additional year", "a full day"; not "a good year"
        counted = self.w(j) not in ("a", "an") or self.w(k) in self.g.article_count_adjectives
        adjectives = self.g.count_adjectives
        degree = self.w(k) in self.g.degree_words and self.w(k + 1) in adjectives
        if counted and (self.w(k) in adjectives or degree) and self.w(k + 1) in adjectives:
            k += self.unit(k + 2) is not None  # "20 consecutive trading days", "two very
            # difficult years"
        if self.w(k) in adjectives and self.unit(k + 1) is not None and counted:
            k += 1  # "three more years", "four productive years"
        hyph = self.hyphen(k)
        if hyph and self.w(k - 1) in ("a", "an"):
            return None  # "a once-in-a-decade chance": a compound word
        if hyph and self.w(k + 1) == "second" and not self.is_int(k - 1):
            return None  # "the Twenty-second Amendment": an ordinal (not "a 30-second ad")
        k += hyph
        u = self.unit(k)
        if u is None:
            return None
        key, k2 = u
        if count is None and not self.plural_unit(k):
            return None
        if self.w(k) == "second" and self.hyphen(k2) and self.tx(k2 + 1).isalpha():
            if self.w(k2 + 1) == "half" or not (hyph or self.w(k2 + 1) == "long"):
                return None  # "two second-half tries", "23 second-round matches": an ordinal
        if key == "season":
            return None  # "ran for eight seasons", "several more seasons": a team's or a
            # show's, no length in months
        if count is not None and count >= 1000 and not hyph and not self.plural_unit(k):
            return None  # "the 2014 season": a year before its noun, not 2014 seasons
        if self.w(k2) in self.g.day_kinds and not hyph and not self.plural_unit(k):
            return None  # "two night games", "their last 15 day games": a count of games
        if self.t[i].text[:1].isdigit() and i > 0 and not self.t[i].space_before:
            if self.tx(i - 1).isalpha():
                return None  # "on the B1105 minutes later": a road's name, not a count
        if self.tx(k)[:1].isupper() and k > i and not self.lowercase_text and not self.headline(k):
            after = k2 + (self.tx(k2) in ("'", "\u2019"))  # "the Thirty Years' War"
            if not self.tx(i)[:1].isupper() or self.tx(after)[:1].isupper():
                return None  # a title: "60 Minutes", "the Five-Year Plans"
        if self.w(k2) == "and" and self.w(k2 + 1) in ("a", "one") and self.w(k2 + 2) == "half":
            half, k2 = True, k2 + 3
        if self.w(k2) == "or" and self.w(k2 + 1) == "so" and self.w(k2 + 2) in ("ago", "earlier"):
            k2 += 2  # "a week or so ago"
        nxt = self.w(k2)
        if (
            nxt == "old"
            or (self.hyphen(k2) and self.w(k2 + 1) in ("old", "olds"))
            or (nxt == "of" and self.w(k2 + 1) == "age")
            or any(self.w(m) == "than" and self.w(m - 1) in AGE_WORDS for m in (j - 1, j - 2))
        ):
            return None  # an age ("everyone older than six months")
        if self.hyphen(k2) and self.w(k2 + 1) in ("earlier", "ago", "long"):
            return None  # "a year-earlier loss", "an hour-long speech": the adjective is the time
        if self.w(j) in ("a", "an") and self.plural_unit(k) and self.hyphen(k2):
            return None  # "a months-long siege": "a" goes with "siege"
        if self.w(j) in ("a", "an") and self.hyphen(k2) and self.tx(k2 + 1).isalpha():
            if self.w(k2 + 1) != "and":
                return None  # "a night-shift nurse", "a year-end bonus": a compound noun
        fraction = hyph or (nxt == "of" and self.w(k2 + 1) in self.g.fraction_of)
        counted_on = nxt in self.g.afterwards or nxt in self.g.beforehand or nxt == "ago"
        by_much = self.w(j - 1) in (
            "by",
            "nearly",
            "almost",
            "roughly",
            "than",
            "over",
            "some",
            "around",
            "about",
            "least",
        )  # "fell by a quarter", "around a quarter of workers", "at least a quarter of"
        fraction = fraction or (count == 1 and by_much and not counted_on)  # "fell by a quarter"
        if key == "quarter" and fraction and not self.hyphen(k2):
            return None  # "three-quarters of", "more than a quarter of the market": a fraction
        if key == "second" and count == 1 and self.w(i) in ("a", "one"):
            compared = self.w(k2 + 1).endswith("er") or self.w(k2 + 1) in ("more", "less")
            if self.w(k2) == "," and compared and self.w(k2 + 2).isalpha():
                return None  # "a second, smaller wave", "a second, more cautious address"
            next_word = self.tx(k2)
            noun = next_word.isalpha() and next_word.lower() not in SECOND_AS_UNIT
            if self.hyphen(k2) or next_word[:1].isdigit() or noun:
                return None  # "a second betrayal", "a second-quarter loss", "a second 787"
        return _Counted(key, k2, half, hyph)

    def counted(
        self, i: int, j: int, lead: str | None, num: tuple[int | None, int]
    ) -> Reading | None:
        """A counted length ("three years", "the 30-day limit") or a date it counts to ("two
        years ago", "six months later"), a frequency ("twice a week"), or None for a rate."""
        count, k = num
        unit = self.counted_unit(i, j, count, k)
        if unit is None:
            return None
        spec = self.lex.units[unit.key]
        k2, nxt = unit.end, self.w(unit.end)
        if unit.key == "quarter" and self.hyphen(k2):
            if self.w(k2 + 1) != "century":
                return None  # "a quarter-point cut": a fraction
            return Reading(i, k2 + 2, "DURATION", B.dur(f"P{25 * (count or 1)}Y"), explicit=False)
        if unit.key == "month" and count is not None:
            part = self.months_of_year(i, lead, count, k2)
            if part is not None:
                return part
        value = B.dur_value(spec.timex, count, spec.n, spec.time, half=unit.half)
        per = self.days_per(unit.key, count, k2)
        if per is not None:  # "six days a week": a set of the longer unit
            every = per
            return Reading(
                i, k2 + 2, "SET", lambda c: TimeValue(type="SET", duration=every), explicit=False
            )
        relative = nxt in self.g.afterwards or nxt in self.g.beforehand or nxt in ("ago", "before")
        if self.w(i) in ("a", "an") and not relative:
            if self.w(i - 1) in ("once", "twice", "thrice", "times"):
                return Reading(
                    self.frequency_start(i),
                    k2,
                    "SET",
                    lambda c: TimeValue(type="SET", duration=value),
                    explicit=False,
                )
            if self.rate(i):
                return None  # "$500 million a year", "four flights a week": a rate
        # "the 30-day limit", "another five-year term"
        start = i + 1 if unit.hyph and self.w(i) in ("the", "a", "an", "another") else i
        if unit.hyph and lead is not None:
            start = j  # "the first three-year auction"
        plain = Reading(start, k2, "DURATION", B.dur(value), explicit=False)
        if unit.hyph or count is None or spec.time:
            if (
                count is None
                and not unit.hyph
                and nxt != "later"
                and self.told_back(k2)
                and lead is None
            ):
                return Reading(  # "some years ago"
                    i,
                    k2 + 1,
                    "DATE",
                    lambda c: TimeValue(type="DATE", ref="PAST_REF"),
                    explicit=False,
                )
            vague_later = count is None and lead is None and nxt in ("later", "afterwards")
            if vague_later and not unit.hyph and spec.granularity in ("day", "week", "month"):
                gran = spec.granularity  # "a few months later": about then, in narrative
                return self.moved_on(plain, k2 + 1, "DATE", lambda c: R.some_time_later(c, gran))
            following = lead in ("following", "preceding", "same")
            if count is None:
                return plain if not following else None
            moved = nxt in self.g.afterwards or nxt in self.g.beforehand
            moved = moved and self.w(k2 + 1) != "than"  # not "two hours earlier than usual"
            if spec.time and moved and lead is None and not unit.hyph:
                sign = 1 if nxt in self.g.afterwards else -1  # "released two hours later":
                minutes = count * spec.n * MINUTES[spec.granularity] * sign  # the clock time
                return self.moved_on(plain, k2 + 1, "TIME", lambda c: R.clock_moved(c, minutes))
            return plain if unit.hyph else self.compound(plain, value, unit)
        return self.counted_from(i, lead, unit, count, plain) or self.compound(plain, value, unit)

    def moved_on(self, plain: Reading, j: int, kind: str, build: B.Builder) -> Reading:
        """A time counted on from the one told, over ``plain.i:j`` ("a few months later",
        "two hours later"); the length ``plain`` when none was told."""
        return Reading(plain.i, j, kind, build, anaphoric=True, explicit=False, fallback=plain)

    def compound(self, plain: Reading, value: str, unit: _Counted) -> Reading:
        """ "2 hours 9 minutes", "63 years and seven months", "2 hours, 58 minutes and 51
        seconds": a length told in units each smaller than the one before (``plain`` reads
        the first)."""
        order = ("year", "month", "week", "day", "hour", "minute", "second")
        gran, end = self.lex.units[unit.key].granularity, unit.end
        while True:
            k = end + (self.w(end) in ("and", ","))
            k += self.w(k) == "and"  # "58 minutes, and 51 seconds"
            num = self.number(k)
            u = self.unit(num[1]) if num is not None and num[0] is not None else None
            if num is None or num[0] is None or u is None or self.hyphen(num[1]):
                break
            second = self.lex.units[u[0]]
            if gran not in order or second.granularity not in order:
                break
            if order.index(second.granularity) <= order.index(gran):
                break
            if num[0] >= COMPOUND_LIMITS.get(second.granularity, num[0] + 1):
                break  # "four years and 30 months, respectively": two lengths
            if self.w(u[1]) in self.g.afterwards or self.w(u[1]) in self.g.beforehand:
                return plain  # "two years and three months later": its own date
            value = B.joined(value, B.dur_value(second.timex, num[0], second.n, second.time))
            gran, end = second.granularity, u[1]
        if end == unit.end:
            return plain
        return Reading(plain.i, end, "DURATION", B.dur(value), explicit=False)

    def counted_from(
        self, i: int, lead: str | None, unit: _Counted, n: int, plain: Reading
    ) -> Reading | None:
        """The date a length counts to: "two years ago", "three weeks from today", "six months
        later", "five years after the revolution"."""
        spec = self.lex.units[unit.key]
        gran, mult, k2 = spec.granularity, spec.n, unit.end
        if unit.half and spec.timex == "Y" and mult > 1:  # "a century and a half later"
            gran, n, mult = "year", n * mult + mult // 2, 1
        elif unit.half and gran == "year":  # "a year and a half ago": eighteen months
            gran, n, mult = "month", n * 12 + 6, 1
        if gran in ("quarter", "season"):
            mult = 1  # "a quarter later" moves one quarter, not three
        nxt = self.w(k2)
        day_off = DAYS_OFF.get(self.w(k2 + 1))
        if nxt == "ago" and day_off is not None and gran in ("year", "month", "week"):
            units = n * mult  # "two years ago today", "a year ago tomorrow": that day
            return Reading(
                i, k2 + 2, "DATE", lambda c: R.ago_on_day(c, gran, units, day_off), explicit=False
            )
        if nxt == "ago":
            return Reading(
                i,
                k2 + 1,
                "DATE",
                lambda c: R.ago(c, gran, n, mult, -1),
                explicit=False,
                shifted=True,
            )
        if nxt == "from" and self.w(k2 + 1) in ("now", "today"):  # "two weeks from today"
            if gran == "week" and self.w(k2 + 1) == "today":
                gran, n, mult = "day", n * mult * 7, 1  # counted from a day, to a day
            return Reading(i, k2 + 2, "DATE", lambda c: R.ago(c, gran, n, mult, 1), explicit=False)
        if nxt == "hence":
            return Reading(i, k2 + 1, "DATE", lambda c: R.ago(c, gran, n, mult, 1), explicit=False)
        # "three days after,", "six months on, the purge ended"
        bare = nxt in ("after", "before", "on") and not self.opens_phrase(k2 + 1)
        counted_on = nxt in self.g.afterwards or nxt in self.g.beforehand or bare
        # "its first profit in five years earlier this month": "earlier" is this month's
        theirs = self.w(k2 + 1) in ("today", "tonight") or self.words(k2 + 1, ("in", "the"))
        if self.w(k2 + 1) in ("this", "that"):  # "later that year"; not "later that failed"
            theirs = self.timely(k2 + 2)
        lasted = self.w(i - 1) == "for" or (
            self.w(i - 1) in self.lex.approx_words and self.w(i - 2) == "for"
        )  # "for nearly a century afterward": how long, not when
        if counted_on and self.w(k2 + 1) != "than" and not theirs and not lasted:
            sign = -1 if nxt in self.g.beforehand or nxt == "before" else 1
            on = nxt == "on"

            return Reading(
                i,
                k2 + 1,
                "DATE",
                lambda c: R.counted_on(c, gran, n, mult, sign, on=on),
                anaphoric=True,
                explicit=False,
                shifted=True,
                fallback=plain if on or (sign > 0 and not self.narrative) else None,
            )
        if nxt not in ("after", "before") or lead is not None:
            return None
        return self.from_event(i, k2, (gran, n, mult), plain)

    def from_event(
        self, i: int, k2: int, step: tuple[str, int, int], plain: Reading
    ) -> Reading | None:
        """ "five years after the revolution", "seven years after his death in 1616", "five
        days after that": a length counted from a happening ("after" or "before" at ``k2``,
        the length ``step`` as granularity, count and multiple)."""
        gran, n, mult = step
        sign = -1 if self.w(k2) == "before" else 1
        dated = self.year(k2 + 4) if self.w(k2 + 3) == "in" else None
        if (
            self.w(k2 + 1) in ("his", "her", "their", "its")
            and dated
            and (gran == "year" or gran in UNIT_YEARS)
        ):
            y = dated[0] + sign * n * mult  # "seven years after his death in 1616": 1623
            year = TimeValue.point(TimePoint("year", year=y))  # news keeps the length
            return Reading(
                i,
                k2 + 3,
                "DATE",
                lambda c: None if c.news else year,
                explicit=False,
                fallback=plain,
            )
        that = self.w(k2 + 1) in ("that", "this") and not self.tx(k2 + 2)[:1].isalnum()
        target = ("", k2 + 2) if that else self.event_ref(k2 + 1)
        if target is None:
            return None
        name, end = target
        known = self.lex.named_events
        # "five days after that,", "three months after the landing,": in narrative, the
        # happening just told; news keeps the length (TimeML)
        told = that or (
            self.w(k2 + 1) == "the"
            and end == k2 + 3
            and not self.cap(k2 + 2)
            and (self.tx(end) in (",", ".", ";") or self.w(end) in self.g.after_short_year)
        )  # "after the landing, he" or "after the landing he"; not "after the war began"

        begun = self.w(end) in self.g.event_begun  # "two years after the war began"
        alias = self.known_alias(name, i) if name and self.narrative else None

        def counted(c: R.Context) -> TimeValue | None:
            step = (gran, n, mult, sign)
            dated = R.after_event(c, known, name, *step, begun=begun) if name else None
            if dated is None and alias is not None:
                dated = R.after_event(c, known, alias, *step, begun=begun)
            if dated is None and told and not c.news and c.ref is not None:
                return R.ago(c, gran, n, mult, sign, anaphoric=True)
            return dated

        return Reading(i, end, "DATE", counted, anaphoric=True, explicit=False, fallback=plain)

    def known_alias(self, name: str, i: int) -> str | None:
        """ "the revolution" in a text that told of "the October seizure of power in 1917":
        the well-known happening of that kind ("october revolution") whose qualifier the text
        used before ``i`` in a sentence with a year of that happening; the latest one (of the
        last few uses of each qualifier)."""
        best, at = None, -1
        for key, when in self.lex.named_events.items():
            words = key.split()
            if len(words) != 2 or words[1] != name.split()[-1] or name == key:
                continue
            seen = self.capitalized_at(words[0])
            before = seen[: bisect_left(seen, i)][-ALIAS_TRIES:]
            found = [k for k in before if k > at and self.dated_near(k, when)]
            if found:
                best, at = key, found[-1]
        return best

    def dated_near(self, k: int, when: TimeValue) -> bool:
        """A year within ``when`` is written near token ``k``, in its sentence."""
        years = when.start.span_years() if when.start is not None else None
        last = when.end.span_years() if when.end is not None else None
        if years is None or last is None:
            return False
        for step in (-1, 1):
            for m in in_sentence(self.t, k, step, ALIAS_REACH):
                year = self.year(m) if self.is_int(m) else None
                if year is not None and years[0] <= year[0] <= last[1]:
                    return True
        return False

    def event_ref(self, i: int) -> tuple[str, int] | None:
        """ "the revolution", "the war", "World War I": a named happening after "after"."""
        j = i + (self.w(i) == "the")
        words: list[str] = []
        k = j
        while (
            k < self.n
            and len(words) < 4
            and self.tx(k).replace("'", "").isalnum()
            and (self.tx(k)[:1].isupper() or (k == j and self.w(i) == "the"))
        ):
            if self.w(k) in self.g.prepositions or self.w(k) in ("and", "he", "she", "they", "it"):
                break
            words.append(self.w(k))
            k += 1
        if not words:
            return None
        return " ".join(words), k

    def lasting(self, i: int) -> Reading | None:
        """ "day-long", "decades-long", "yearlong": an adjective of length (P1D, PXY...)."""
        word = self.w(i)
        if self.w(i + 2) == "long" and self.hyphen(i + 1):
            found, end = self.lex.unit(word), i + 3
        elif word.endswith("long"):
            found, end = self.lex.unit(word[:-4]), i + 1
        else:
            return None
        if found is None:
            return None
        spec = found[1]
        count = None if self.plural_unit(i) else 1
        value = B.dur_value(spec.timex, count, spec.n, spec.time)
        return Reading(i, end, "DURATION", B.dur(value), explicit=False)

    def clock_time(self, i: int) -> Reading | None:
        """ "10 p.m.", "10:30 a.m.", "noon", "midnight", "3 o'clock", optionally with a day."""
        clock = self.clock_reading(i)
        if clock is None:
            return None
        hour, minute, k, halfday = clock
        ranged = False  # a range to a clock time told with its half ("from 10:30 to 11:45 a.m.")
        if not halfday and hour < 12 and self.w(k) in ("to", "until", "-", "\u2013", "and"):
            second = self.clock_reading(k + 1)  # "from 6:30 to 8 p.m.": the half both share
            ranged = second is not None and second[3]
            if second is not None and second[3] and hour + 12 <= second[0] < 24:
                hour += 12
        k = self.clock_end(k)
        # optional day: "10 p.m. Wednesday", "noon today", "9:15 a.m. local time on Monday"
        day_r, part, aside = self.day_after_clock(k)
        part = part or self.part_before_clock(i)  # "a briefing tonight at 7:30"
        if not halfday and part is not None and hour in PM_HOURS.get(part, ()):
            hour += 12  # "at 11:30 last night" is 23:30, "2:50 this afternoon" 14:50
        elif not halfday and part is None and self.working_hour(i, hour):
            hour += 12  # "a vigil at 4:30", "at four o'clock": the afternoon's
        elif not (halfday or ranged) and part is None and 6 <= hour < 12 and self.after_pm(i, hour):
            hour += 12  # "started at 7:05 p.m. and ended at 9:41": the evening's
        h, mi = hour, minute
        told = self.day_before_at(i) if day_r is None else None
        if told is None and day_r is None:
            told = self.day_of_range_end(k)  # "from 6 a.m. to 9 p.m. Tuesday": Tuesday's
        if told is not None:  # "a hearing on April 8 at 7 p.m.": that day's hour
            build = told.build
            return Reading(i, k, "TIME", lambda c: R.at_time(c, build(c), h, mi), explicit=False)
        if day_r is not None:
            dr = day_r
            # "at 2 p.m. on Wednesday", "at 8 a.m. that day": two mentions, one day
            apart = (self.w(k) == "on" and dr.i == k + 1) or self.words(dr.i, ("that", "day"))
            apart = apart or (self.w(dr.i) == "the" and self.w(dr.j - 1) == "day")  # "at 8:46
            # a.m. the following day"
            timed = Reading(
                i, k if aside or apart else dr.j, "TIME", lambda c: R.at_time(c, dr.build(c), h, mi)
            )
            timed.explicit = False
            if apart:
                both = Reading(i, dr.j, "TIME", timed.build, explicit=False)
                both.parts = (timed, dr)
                return both
            return timed  # a bracketed aside keeps the day its own mention
        # "in 4 p.m. composite trading on the Big Board on Thursday", "at 11:45 a.m. in New
        # York today"
        later = self.trading_day(k) if self.w(i - 1) == "in" else self.place_day(k)
        if later is not None:
            build = later.build
            return Reading(i, k, "TIME", lambda c: R.at_time(c, build(c), h, mi), explicit=False)
        if self.w(i - 1) == "in" and "trading" in (self.w(k), self.w(k + 1)):
            # "rose $1.375 in midday trading", "in 4 p.m. composite trading": the session's
            return Reading(i, k, "TIME", lambda c: R.session_at(c, h, mi), explicit=False)
        return Reading(i, k, "TIME", lambda c: R.at_time(c, None, h, mi), explicit=False)

    def trading_day(self, k: int) -> Reading | None:
        """The day of a session a clock time ending before ``k`` names: "$48.15 in 4 p.m.
        composite trading on the New York Stock Exchange on Thursday", "in midday trading
        yesterday"."""
        if ends_sentence(self.t, k - 1):
            return None
        trading = False
        for m in self.in_sentence(k, 1, 12):
            word = self.w(m)
            if word in CLAUSE_BREAKS or self.tx(m)[:1].isdigit():
                return None
            trading = trading or word == "trading"
            if word in self.lex.day_deictics or (self.weekday(m) and self.w(m - 1) == "on"):
                day = self.deictic(m) if trading else None
                return day if day is not None and day.type == "DATE" else None
        return None

    def place_day(self, k: int) -> Reading | None:
        """The day named after a place that follows a clock time ending before ``k``: "at
        11:45 a.m. in New York today", "at 5 p.m. in London on Friday", "at 4 p.m. in New
        York trading yesterday"."""
        if self.w(k) != "in" or not self.cap(k + 1) or self.lowercase_text:
            return None
        m = k + 1
        while m < k + PLACE_WORDS + 1 and self.cap(m) and self.tx(m).isalpha():
            m += 1
        m += self.w(m) == "composite" and self.w(m + 1) == "trading"
        m += self.w(m) == "trading"  # "at 4 p.m. in New York trading yesterday", "in New
        # York Stock Exchange composite trading Wednesday"
        m += self.w(m) == "on" and self.weekday(m + 1) is not None
        if self.w(m) not in self.lex.day_deictics and self.weekday(m) is None:
            return None
        day = self.deictic(m)
        return day if day is not None and day.type == "DATE" else None

    def clock_end(self, k: int) -> int:
        """The end of a clock time whose digits end before ``k``: zone words are part of it
        ("10 p.m. EST", "0530 local time", "7:30 p.m. Eastern time", "8 p.m. Rome time")."""
        if self.w(k) in self.g.time_zones and self.tx(k).isupper():
            k += 1
        elif self.w(k) in self.g.zone_names and self.cap(k) and self.w(k + 1) != "time":
            if not self.tx(k + 1)[:1].isupper():
                return k + 1  # "9:23 p.m. Eastern" (not "5 p.m. Central European Time")
        if self.cap(k) and self.cap(k + 1) and self.w(k + 2) == "time":
            return k + 3  # "2 p.m. New York time"
        named = self.cap(k) and self.tx(k).isalpha() and not self.determiner(k)
        local = self.w(k) == "local" or named  # not "at about 2:50 p.m. This time Mrs. ..."
        return k + 2 * (local and self.w(k + 1) == "time")

    def determiner(self, k: int) -> bool:
        """The word at ``k`` is a determiner ("this", "that", "the", "next", "every")."""
        word = self.w(k)
        lex = self.lex
        return (
            word in lex.deictic_determiners
            or word in lex.anaphoric_determiners
            or word in OPENING_DETERMINERS
        )

    def day_after_clock(self, k: int) -> tuple[Reading | None, str | None, bool]:
        """The day written after a clock time ending before ``k`` ("Wednesday", "on Monday",
        "last night", "(0740 GMT) Friday"), the part of the day it names, and whether the
        day stands apart (after "on" or a bracketed aside), a mention of its own."""
        kk = k
        close = next((m for m in range(k + 2, k + 12) if self.w(m) == ")"), -1)
        aside = self.w(k) == "(" and close > 0
        if aside:  # "10:40 a.m. local time (0740 GMT) Friday": the day after the aside
            kk = close + 1
        deictic = self.w(kk) in self.lex.day_deictics and self.w(kk - 1) == "."
        opens = self.tx(kk)[:1].isupper() and (self.determiner(kk) or self.w(kk) == "on" or deictic)
        if opens or (kk < self.n and self.t[kk].paragraph_before):
            return None, None, False  # "by 10 a.m. On Saturday", "at 2:50 p.m. This morning",
            # "at 11 a.m. Tomorrow's events": a new sentence
        comma_on = self.words(kk, (",", "on"))  # "close early, at 2 p.m., on Monday"
        on = self.w(kk) == "on" or comma_on  # "at 2 p.m. on Wednesday": the day is its own
        aside = aside or on  # mention
        kk += 2 if comma_on else self.w(kk) in (",", "on")
        part = self.part_named(kk)  # "11:30 last night", "at 8 tonight"
        if part is None and self.weekday(kk) and self.w(kk + 1) in self.lex.parts_of_day:
            part = self.lex.parts_of_day[self.w(kk + 1)]  # "until 9 o'clock Tuesday night"
        day_r = self.full_date(kk)  # "7 p.m. Monday, Oct. 27": the date the weekday names
        if day_r is not None and day_r.j == kk + 1 and self.weekday(kk) is not None:
            day_r = None  # a weekday alone is read as one, below
        if day_r is not None:
            pass
        elif self.w(kk) in self.lex.day_deictics or self.weekday(kk) or part:
            day_r = self.deictic(kk)
        elif self.w(kk) in ("last", "next", "this") and self.weekday(kk + 1):
            day_r = self.deictic(kk)  # "8 a.m. last Thursday", "midnight next Wednesday"
        elif self.words(kk, ("that", "day")):
            day_r = self.anaphoric(kk)  # "a call at 8 a.m. Central time that day"
        elif self.w(kk) == "the" and self.w(kk + 1) in ("following", "next", "previous", "same"):
            following = self.anaphoric(kk)  # "until 5 a.m. the following Monday", "at 8:46
            day = self.weekday(kk + 2) or self.w(kk + 2) == "day"  # a.m. the following day"
            day_r = following if following is not None and day else None
        elif self.w(kk - 1) == "on":
            day_r = self.holiday(kk)  # "1:45 p.m. Eastern time on Thanksgiving Day"
        return day_r, part, aside

    def day_of_range_end(self, k: int) -> Reading | None:
        """The day after the second clock time of a range that the first ends before ``k``
        ("from 6 a.m. to 9 p.m. Tuesday")."""
        if self.w(k) not in ("to", "until", "and", "-", "\u2013"):
            return None
        second = self.clock_reading(k + 1)
        if second is None:
            return None
        return self.day_after_clock(self.clock_end(second[2]))[0]

    def day_before_at(self, i: int) -> Reading | None:
        """The day written just before "at" and the clock time at ``i`` ("on April 8 at",
        "on Wednesday, January 9, at"), or owning it ("Wednesday's 5 p.m. deadline")."""
        if self.possessive_s(i - 2):
            owner = self.deictic(i - 3) if self.weekday(i - 3) is not None else None
            if owner is not None and owner.j == i - 2 and owner.type == "DATE":
                return owner  # "by Wednesday's 5 p.m. deadline": that day's hour
        if self.w(i - 1) != "at":
            return None
        end = i - 1 - (self.w(i - 2) == ",")
        for start in range(end - 1, max(-1, end - 6), -1):
            day = self.full_date(start)
            if day is not None and day.j == end:
                return day
        return None

    def working_hour(self, i: int, hour: int) -> bool:
        """A clock time at ``i`` told with no half of the day whose hour (1 to 5) people
        mean of the afternoon, not the small hours: not a 24-hour "03:15" or "0300", nor
        one soon after a morning hour told ("at 5:15 a.m. ... By 5:18 they were gone")."""
        if not 1 <= hour <= 5 or self.tx(i).startswith("0") or self.military(i):
            return False
        told = self.half_told_before(i)
        return told is None or not (told[0] == "am" and told[1] <= hour)

    def after_pm(self, i: int, hour: int) -> bool:
        """The last clock time told with its half of the day before ``i`` is an afternoon or
        evening one no later than ``hour`` in the evening (not for a 24-hour "1044 GMT")."""
        if self.tx(i).startswith("0") or self.military(i):
            return False
        told = self.half_told_before(i)
        return told is not None and told[0] == "pm" and told[1] % 12 <= hour

    def half_told_before(self, i: int) -> tuple[str, int] | None:
        """The half of the day ("am", "pm") and the hour as written of the last clock time
        told with its half within ``CLOCK_LOOKBACK`` tokens before ``i``."""
        for m in range(i - 2, max(-1, i - CLOCK_LOOKBACK), -1):
            half = self._ampm(m)
            if half is not None and self.tx(m - 1).replace(":", "").isdigit():
                return half[0], int(self.tx(m - 1).split(":")[0])
        return None

    def part_before_clock(self, i: int) -> str | None:
        """The part of the day told just before "at" and a clock time at ``i`` ("tonight at
        7:30", "Tuesday evening at 8")."""
        if self.w(i - 1) != "at":
            return None
        before = self.w(i - 2)
        return "NI" if before == "tonight" else self.lex.parts_of_day.get(before)

    def clock_reading(self, i: int) -> tuple[int, int, int, bool] | None:
        """The hour and minute a clock time at ``i`` names, the index after it, and whether
        the half of the day was told ("p.m.", "in the morning")."""
        word = self.w(i)
        if word in ("noon", "midday", "midnight") and self.cap(i - 1) and self.cap(i):
            if self.tx(i - 1).isalpha() and not self.lowercase_text:
                return None  # "Before Midnight", a film's title
        if word in ("noon", "midday"):
            return 12, 0, i + 1, False
        if word == "midnight":
            return 24, 0, i + 1, False
        if self.tx(i) == "12" and self.w(i + 1) in ("noon", "midnight"):
            return (12 if self.w(i + 1) == "noon" else 24), 0, i + 2, False  # "12 midnight"
        if self.military(i):  # "at 1900 hours"
            return int(word[:2]), int(word[2:]), i + 1 + (self.w(i + 1) in ("hours", "hrs")), False
        spelled = self.lex.number_words.get(word)
        oclock = (
            self.w(i + 1) == "o" and self.w(i + 2) in ("'", "\u2019") and self.w(i + 3) == "clock"
        )
        if isinstance(spelled, int) and 1 <= spelled <= 12 and oclock:
            return spelled, 0, i + 4, False  # "since six o'clock"
        text = self.tx(i)
        if "." in text and self._ampm(i + 1) is not None:
            text = text.replace(".", ":")  # British "8.30am", "4.40pm"
        if not (self.is_int(i) or (":" in text and text.replace(":", "").isdigit())):
            return None
        if ":" in text:
            parts = text.split(":")
            if len(parts) != 2 or len(parts[1]) != 2:
                return None
            hour, minute = int(parts[0]), int(parts[1])
        elif len(text) <= 2:
            hour, minute = int(text), 0
        else:
            return None
        k = i + 1
        halfday = False
        ampm = self._ampm(k)
        if ampm is not None:
            half, k = ampm
            if hour < 1 or hour > 12:
                return None
            hour = hour % 12 + (12 if half == "pm" else 0)
            halfday = True
        elif self.w(k) == "o" and self.w(k + 1) in ("'", "\u2019") and self.w(k + 2) == "clock":
            k += 3
        elif self.words(k, ("in", "the")) and self.w(k + 2) in ("morning", "afternoon", "evening"):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (0 if self.w(k + 2) == "morning" else 12)
            halfday = True
            k += 3
        elif ":" not in text and self.clock_lead(i, k) and 1 <= hour <= 12 and self.part_named(k):
            pass  # "at 8 tonight", "at about 9 last night": the part of day tells the half
        elif ":" not in text:
            return None
        elif not self.clock_told(i, k):
            return None  # "ran the 1,500 meters in 4:12", "John 3:16"
        if hour > 24 or minute > 59:
            return None
        return hour, minute, k, halfday

    def after_at(self, i: int) -> bool:
        """Token ``i`` follows "at", maybe with an approximation between ("at about 9")."""
        before = i - 1 - (self.w(i - 1) in self.lex.approx_words)
        return self.w(before) == "at"

    def clock_lead(self, i: int, k: int) -> bool:
        """A bare hour at ``i`` before a part of the day at ``k`` follows a word that leads a
        clock time: "at 8 tonight", "until 2 this morning", "known by 11 tonight" ("by" only
        before "tonight": "rose by 3 this morning" is a rise)."""
        lead = self.w(i - 1)
        if self.after_at(i) or lead in ("until", "till", "before", "after", "from", "since"):
            return True
        return lead == "by" and self.w(k) == "tonight"

    def part_named(self, k: int) -> str | None:
        """The part of day "tonight", "this morning", "last night" at ``k`` names, or None."""
        if self.w(k) == "tonight":
            return "NI"
        if self.w(k) in ("this", "last"):
            return self.lex.parts_of_day.get(self.w(k + 1))
        return None

    def clock_told(self, i: int, k: int) -> bool:
        """A bare "4:30" (``k`` after it) is a clock time after a word that leads one ("at
        4:30", "until 16:00") or before a zone or a day."""
        if self.w(i - 1) in CLOCK_LEADS:
            return True
        zone = self.w(k) in self.g.time_zones and self.tx(k).isupper()
        return zone or self.w(k) in ("local", "on", "today", "tonight", "tomorrow", "yesterday")

    def military(self, i: int) -> bool:
        """ "at 1900 hours", "by 0600 hrs", "at about 0530 local time", "1400 GMT": a 24-hour
        clock time (not "for 1900 hours")."""
        text = self.tx(i)
        if len(text) != 4 or not self.is_int(i) or int(text[:2]) > 23 or int(text[2:]) > 59:
            return False
        lead = self.w(i - 1)
        leads = ("at", "by", "until", "till", "from", "before", "after", "since")
        if self.w(i + 1) in ("hours", "hrs"):
            return lead in leads
        if self.w(i + 1) in self.g.time_zones and self.tx(i + 1).isupper():
            return True  # "(1730 GMT Friday)", "scheduled for 0835 GMT"
        local = self.words(i + 1, ("local", "time"))
        return local and (lead in leads or lead in ("about", "around"))

    def _ampm(self, k: int) -> tuple[str, int] | None:
        word = self.w(k)
        if word in ("am", "pm"):
            band = self.tx(k) == "AM" and self.radio_band(k + 1)
            return None if band else (word, k + 1)  # not "12 AM and 12 FM stations"
        if word in ("a", "p") and self.w(k + 1) == "." and self.w(k + 2) == "m":
            return word + "m", self.dot(k + 3)
        return None

    def radio_band(self, k: int) -> bool:
        """After "AM" at ``k - 1``: a station or a second band ("12 AM and 12 FM stations")."""
        if self.w(k) in ("station", "stations", "radio", "band", "dial"):
            return True
        return self.w(k) in ("and", "or") and self.tx(k + 2) == "FM"

    def gerund_of(self, k: int) -> bool:
        """The word at ``k`` is a gerund after a preposition ("signs of yielding", "talk about
        leaving"): what it tells lies ahead of the clause's time, whatever its tense."""
        word = self.w(k)
        return len(word) > 5 and word.endswith("ing") and self.w(k - 1) in GERUND_LEADS

    def before_noun(self, k: int) -> bool:
        """The word at ``k`` may be a noun the word before describes ("quarterly dividend",
        "quarterly Inflation Report", "an initial quarterly of 5 cents"), not a preposition
        of time or place or a pause ("met quarterly since 2008", "to meet quarterly.")."""
        if self.w(k) in ("and", "or", "but"):  # "pays a dividend quarterly and said", not
            other = self.w(k + 1)  # "quarterly and annual reports"
            return other.endswith(("ly", "annual")) and self.before_noun(k + 2)
        word = self.w(k)
        return self.tx(k).isalpha() and word not in self.g.prepositions - {"of"} | NOT_SET_NOUNS

    def nth_weekday_set(self, i: int) -> Reading | None:
        """ "the second Tuesday of every month", "the first Sunday of each month": one set."""
        o = (-1, i + 2) if self.w(i + 1) == "last" else self.ordinal(i + 1)
        wd = self.weekday(o[1]) if o is not None and -1 <= o[0] <= 5 else None
        if wd is None or self.w(wd[1]) not in ("in", "of"):
            return None
        every = self.recurring(wd[1] + 1) if self.w(wd[1] + 1) in ("every", "each") else None
        return Reading(i, every.j, "SET", every.build) if every is not None else None

    def recurring(self, i: int) -> Reading | None:
        """ "daily", "every day", "each Thursday", "every other week", "every summer",
        "Tuesday nights"."""
        lex = self.lex
        word = self.w(i)
        if word in lex.sets:
            if self.tx(i)[:1].isupper() and self.lead_cap(i) and not self.lowercase_text:
                return None  # "China Daily", "The Daily Telegraph": a name
            if "a" in (self.w(i - 1), self.w(i - 2)) and not self.tx(i + 1)[:1].isalnum():
                return None  # "Lance!, a sports daily": a newspaper
            if word == "hourly" and self.w(i + 1) in self.g.pay_nouns:
                return None  # "3,700 hourly workers", "its hourly work force": a class of
                # workers
            v = lex.sets[word]
            start = self.frequency_start(i)  # "twice daily"
            return Reading(
                start, i + 1, "SET", lambda c: TimeValue(type="SET", duration=v), explicit=False
            )
        if word in lex.adverb_sets and not self.before_noun(i + 1):
            v = lex.adverb_sets[word]  # "has met quarterly since 2008"
            return Reading(
                i, i + 1, "SET", lambda c: TimeValue(type="SET", duration=v), explicit=False
            )
        if word in ("every", "each", "per"):
            if word == "each" and self.w(i + 1) == "other":
                return None  # "lending to each other"
            if word == "per" and self.rate(i):
                return None  # "15 million instructions per second": a rate, not a time
            j = i + 1
            step: int | None = 1
            if self.w(j) == "other":
                step = 2
                j += 1
            nth = EVERY_NTH.get(self.w(j))
            if nth and self.unit(j + 1) is not None and not self.plural_unit(j + 1):
                step, j = nth, j + 1  # "every second day", "every third year"
            k = j + 1 + self.hyphen(j + 1)
            if self.w(j) == "half" and self.w(k) == "hour" and word != "per":
                half = TimeValue(type="SET", duration="PT30M")  # "every half hour"
                return Reading(i, k + 1, "SET", lambda c: half, explicit=False)
            num = self.number(j) if word != "per" else None
            if num is not None and self.plural_unit(num[1]):
                step, j = num  # "every three years"; "every few years" has no count
            u = self.unit(j) if self.w(j) not in lex.parts_of_day or step != 1 else None
            if u is not None:  # ("every night" is a part of each day, as "every morning")
                spec = lex.units[u[0]]
                count = None if step is None else step * spec.n
                v = B.dur_value(spec.timex, count, 1, spec.time)
                return Reading(
                    i, u[1], "SET", lambda c: TimeValue(type="SET", duration=v), explicit=False
                )
            wd = self.weekday(j)
            if wd is not None and word != "per":
                d, k = wd
                part = lex.parts_of_day.get(self.w(k))
                if part:
                    k += 1
                pt = TimePoint("day", weekday=d, part=part)
                return Reading(
                    i, k, "SET", lambda c: TimeValue.point(pt, type="SET"), explicit=False
                )
            if self.w(j) in ("weekend", "weekday") and word != "per" and step == 1:
                we = TimePoint("week", part=WEEK_PARTS[self.w(j)])  # "every weekend/weekday"
                return Reading(
                    i, j + 1, "SET", lambda c: TimeValue.point(we, type="SET"), explicit=False
                )
            season = self.lex.seasons.get(self.w(j)) if word != "per" else None
            if season is not None and self.event_season(j):
                return None  # "has carried every Summer Games since 1988": a name
            if season is not None:  # "every summer"
                sp = TimePoint("season", sub=season)
                return Reading(
                    i, j + 1, "SET", lambda c: TimeValue.point(sp, type="SET"), explicit=False
                )
            fixed = self.fixed_holiday(j) if word != "per" else None
            if fixed is not None:  # "every Christmas": the day each year
                hp, end = fixed
                return Reading(
                    i, end, "SET", lambda c: TimeValue.point(hp, type="SET"), explicit=False
                )
            m = self.month(j) if word != "per" else None
            day = int(self.tx(m[1])) if m is not None and self.is_int(m[1]) else 0
            if m is not None and 1 <= day <= days_in_month(2000, m[0]):  # "every March 20"
                dp = TimePoint("day", month=m[0], day=day)
                return Reading(
                    i, m[1] + 1, "SET", lambda c: TimeValue.point(dp, type="SET"), explicit=False
                )
            if m is not None:  # "each July"
                mp = TimePoint("month", month=m[0])
                return Reading(
                    i, m[1], "SET", lambda c: TimeValue.point(mp, type="SET"), explicit=False
                )
            if self.w(j) in lex.parts_of_day and word != "per":
                part2 = lex.parts_of_day[self.w(j)]
                return Reading(
                    i,
                    j + 1,
                    "SET",
                    lambda c: TimeValue(type="SET", duration="P1D", ref=None).with_(
                        duration=f"XXXX-XX-XXT{part2}"
                    ),
                    explicit=False,
                )
        return self.weekly(i)

    def holiday_name(self, j: int) -> tuple[str, int] | None:
        """The longest holiday name of the lexicon at ``j`` (capitalized): its rule and the
        index after it."""
        if not self.cap(j):
            return None
        best: tuple[str, int] | None = None
        phrase = ""
        for k in range(j, min(self.n, j + 6)):
            word = "'" if self.w(k) == "\u2019" else self.w(k)  # "Valentine’s Day"
            phrase += (" " if k > j and self.t[k].space_before else "") + word
            if phrase in self.lex.holidays:
                best = (self.lex.holidays[phrase], k + 1)
        return best

    def fixed_holiday(self, j: int) -> tuple[TimePoint, int] | None:
        """A holiday on a fixed day of the year at ``j`` ("Christmas", "Halloween"): its day
        (no year) and the index after its name."""
        named = self.holiday_name(j)
        if named is None or "/" in named[0] or named[0].startswith("easter"):
            return None
        month, day = (int(x) for x in named[0].split("-"))
        return TimePoint("day", month=month, day=day), named[1]

    def weekly(self, i: int) -> Reading | None:
        """ "Mondays", "Tuesday nights": a weekday that recurs."""
        word = self.w(i)
        if word in ("weekends", "weekdays") and self.w(i - 1) in ("on", "at", "over", "during"):
            weekends = TimePoint("week", part=WEEK_PARTS[word[:-1]])  # "closed on weekends"
            return Reading(
                i, i + 1, "SET", lambda c: TimeValue.point(weekends, type="SET"), explicit=False
            )
        d = self.lex.weekdays.get(word[:-1]) if word.endswith("s") and len(word) > 6 else None
        k = i + 1
        part = None
        if d is None:
            wd = self.weekday(i)
            plural = self.w(i + 1) in PLURAL_PARTS if wd is not None else False
            if wd is None or not plural:
                return None
            d, part, k = wd[0], self.lex.parts_of_day[self.w(i + 1)], i + 2
        if not self.cap(i):
            return None
        pt = TimePoint("day", weekday=d, part=part)
        return Reading(i, k, "SET", lambda c: TimeValue.point(pt, type="SET"), explicit=False)

    def holiday(self, i: int) -> Reading | None:
        """ "Thanksgiving Day", "last Christmas", "Easter 1916"."""
        j = i
        det = None
        the = self.w(i) == "the"  # "the long Labor Day weekend", "the Easter week"
        if the:
            j += 1 + (self.w(i + 1) == "long")
        elif self.w(j) in ("last", "this", "next"):
            if self.w(i - 1) in self.lex.tense.determiners:
                return None  # "Its Last Christmas": the final one, read from "Christmas"
            det = self.lex.deictic_determiners[self.w(j)]
            j += 1
        best = self.holiday_name(j)
        if best is None:
            return None
        if self.hyphen(j - 1) and self.w(j - 2) in ("pre", "post", "after", "mid"):
            return None  # "a pre-Christmas snowstorm", "post-Christmas sales": an adjective
        rule, k = best
        if the and self.w(k) not in ("week", "weekend"):
            return None  # "the Christmas tree"; "the Fourth of July" has a rule of its own
        after = self.tx(k)
        if self.w(k) in self.g.holiday_things:
            return None  # "the Christmas tree", "Easter eggs": things named for the day
        if (
            after[:1].isupper()
            and after.isalpha()
            and not self.lowercase_text
            and not self.new_line(k)
        ):
            named = self.month(k) is None and self.weekday(k) is None and self.year(k) is None
            if self.headline(k) and self.w(k) not in self.g.holiday_names:
                named = False  # "Two Arrested in Christmas Day Home Invasion"
            events = self.g.holiday_events
            plural = self.w(k)[:-1] in events or self.w(k)[:-2] in events
            if named and self.w(k) not in events and not plural:
                return None  # "the Good Friday Agreement", "Christmas Island": a name
        yr = self.year(k + (self.w(k) in (",", "in", "of")))  # "New Year's Eve in 2010"
        if yr is not None:
            year = yr[0]
            hit = A.holiday(rule, year)
            if hit is None:
                return None
            p = TimePoint("day", year=year, month=hit[0], day=hit[1])
            # "New Year's Eve in 2010": the day of that year, the year tagged on its own
            return Reading(i, k if self.w(k) == "in" else yr[1], "DATE", B.const(p))
        if self.w(k) == "week":  # "Easter week": the week holding the day
            return Reading(
                i, k + 1, "DATE", lambda c: R.week_of(R.holiday(c, rule, det)), explicit=False
            )
        if self.w(k) == "weekend":  # "the Thanksgiving weekend", "Memorial Day weekend"
            return Reading(
                i, k + 1, "DATE", lambda c: R.long_weekend(R.holiday(c, rule, det)), explicit=False
            )
        return Reading(i, k, "DATE", lambda c: R.holiday(c, rule, det), explicit=False)

    def noun_after_present(self, j: int) -> bool:
        """A noun after "the present" (at ``j``) makes it an adjective ("the present
        building", "the present Gothic Revival church"), not the time ("in the present, we")."""
        word = self.w(j)
        return self.tx(j).isalpha() and word not in self.g.present_followers

    def standing(self, i: int) -> bool:
        """ "current" at ``i`` is joined to a standing adjective ("current and former
        officials", "past or current members"), so it tells an office, not a time."""
        joined = self.g.standing_adjectives
        if self.w(i + 1) in ("and", "or") and self.w(i + 2) in joined:
            return True
        return self.w(i - 1) in ("and", "or") and self.w(i - 2) in joined

    def owned(self, i: int) -> bool:
        """A possessive ("his", "her", "their") opens the noun phrase ending before ``i``,
        across at most two lowercase modifiers ("his last", "her most productive")."""
        for k in range(i - 1, max(-1, i - 4), -1):
            if self.w(k) in ("his", "her", "their", "its", "my", "our", "your"):
                return True
            if (
                not (self.tx(k).isalpha() and self.tx(k).islower())
                or self.w(k) in self.g.prepositions
            ):
                return False
        return False

    def story_now(self, i: int) -> bool:
        """In narrative, "now" between a name or a pronoun and a past verb ("Garibaldi now
        sailed for Sicily", "he now ruled alone"): the story's time, not the writer's."""
        if not self.narrative:
            return False
        before = self.tx(i - 1)
        subject = before[:1].isupper() or self.w(i - 1) in ("he", "she", "they", "it", "we")
        verb = self.t[i + 1] if i + 1 < self.n else None
        past = verb is not None and verb.text.islower() and past_form(verb, self.lex.tense)
        return subject and past

    def reference(self, i: int) -> Reading | None:
        """ "now", "currently", "recently", "the past", "the future", "these days"."""
        lex = self.lex
        if self.w(i) == "at" and self.w(i + 1) in ("the", "that") and self.w(i + 2) == "time":
            if self.w(i + 3) not in ("of", "when", "that"):
                return Reading(
                    i + 1,
                    i + 3,
                    "DATE",
                    R.at_the_time,
                    anaphoric=True,
                    explicit=False,
                    narrative_only=True,
                )
        for phrase in longest_first(lex.ref_phrases).get(self.w(i), ()):
            if self.words(i, phrase):
                j = i + len(phrase)
                after = self.w(j)  # "the past two years", "the past decade": a length
                if phrase[-1] in ("past", "future", "present") and (
                    after in lex.unit_plurals
                    or after in LENGTH_AFTER_PAST
                    or self.number(j) is not None  # "the past eight Ryder Cups"
                    or (phrase[-1] == "past" and after in lex.seasons)  # "the past summer"
                ):
                    return None
                if phrase[-1] == "future" and self.tx(j)[:1].isupper() and self.lead_cap(j):
                    return None  # "the future Genghis Khan": an adjective
                if phrase == ("the", "future") and self.tx(j) in self.g.future_nouns:
                    return None  # "the future king", "the future site": an adjective
                if phrase == ("the", "present") and self.noun_after_present(j):
                    return None  # "the present Gothic Revival building": an adjective
                if after in ("tense", "tenses", "participle", "perfect", "progressive"):
                    return None  # "the past tense": grammar
                start = i + (phrase[0] == "in")
                val = {
                    "past": "PAST_REF",
                    "future": "FUTURE_REF",
                    "present": "PRESENT_REF",
                    "day": "PRESENT_REF",
                    "days": "PRESENT_REF",
                    "years": "PAST_REF",
                    "decades": "PAST_REF",
                    "times": "PAST_REF",
                }.get(phrase[-1], "PRESENT_REF")
                if phrase[0] == "recent":
                    val = "PAST_REF"
                return Reading(start, j, "DATE", B.ref_builder(val), explicit=False)
        word = self.w(i)
        if word in lex.refs:
            nxt = self.w(i + 1)
            if word == "current" and (nxt in lex.unit_plurals or nxt in lex.units):
                return None
            if word == "current" and nxt in ("account", "accounts"):
                return None  # "the current account": a balance of payments
            if word == "current" and self.standing(i):
                return None  # "current and former officials": a standing
            if word == "current" and not self.tx(i + 1).isalpha():
                return None  # "the current is very strong", "swept away by a current.": water
            if word == "current" and (nxt in self.g.prepositions or nxt in ("is", "was")):
                return None  # "the current of the river", "the current was too strong"
            named = self.tx(i + 1)[:1].isupper() and self.lead_cap(i + 1)
            named = named or nxt in ("tense", "tenses", "participle", "perfect", "progressive")
            if word == "future" and (
                self.w(i - 1) not in ("the", "near", "distant", "in")
                or named
                or self.tx(i + 1) in self.g.future_nouns
            ):
                return None  # "future losses", "the future Genghis Khan", "the future king"
            if word == "recent" and self.w(i + 1) in lex.unit_plurals:
                return None
            if word == "recently" and self.w(i - 1) == "as" and self.w(i + 1) == "as":
                return None  # "as recently as last week": the date it leads is the time
            val = lex.refs[word]
            if word == "now" and self.story_now(i):
                return Reading(i, i + 1, "DATE", R.story_now, explicit=False)
            return Reading(i, i + 1, "DATE", lambda c: R.ref(c, val), explicit=False)
        if word == "soon" and self.w(i - 1) not in self.g.soon_not_after:
            if self.w(i + 1) not in self.g.soon_not_before:  # not "as soon as", "soon after"
                ahead = self.gerund_of(i - 1)  # "showed no sign of yielding soon": ahead of then
                build = (lambda c: R.ref(c, "FUTURE_REF")) if ahead else R.soon
                return Reading(i, i + 1, "DATE", build, explicit=False)
        return None
