"""Rules for written dates: days, months, years, decades, centuries, seasons, quarters.

Each rule reads an expression starting at a token and returns a ``Reading`` (or None);
``Parser.core`` keeps the longest. Dual Julian/Gregorian dates and Old Style marks are
read here too.
"""

from __future__ import annotations

from chronologist.temporal import anchor as A
from chronologist.temporal import reading as B
from chronologist.temporal import resolve as R
from chronologist.temporal.reading import Reading
from chronologist.temporal.resolve import Context
from chronologist.temporal.scan import Scanner
from chronologist.timemodel import TimePoint, TimeValue, day_number, days_in_month, unit_of

POSSESSIVES = frozenset({"whose", "their", "its", "his", "her", "our", "my", "your"})
"""Before a recent year and a plural, these make the number a year ("whose 2012 entries
were canceled", "file their 2014 returns"), not a count ("its 1500 employees")."""
REPORT_BACK = 10
"""How many words back ``reported_in`` looks for a verb of saying."""
CLAUSE_VERBS = frozenset({"had", "has", "was", "is", "were", "will", "would", "could", "might"})
"""Verbs after "that" and a month that make the month a clause's subject ("that January had
been choppy"), not "that January" told again."""
SEASON_LEADS = frozenset(
    {"in", "during", "by", "since", "until", "before", "after", "over", "through", "throughout"}
    | {"into", "for", "of", "from", "spent", "spend", "spending", "this", "that", "to"}
    | {"beyond", "toward", "towards", "past", "last", "lasts", "lasted", "outlast"}
)
"""Words before "the" and a season that make it a time ("into the summer", "leave for the
summer", "the end of the summer", "results from the spring", "spent the summer in hiding",
"a cool start to the summer", "may not last the summer")."""
SUBORDINATE = frozenset({"if", "unless", "when", "once", "because", "although", "though", "that"})
"""Words that open a clause whose subject may be "the" and a season ("if the winter is
mild")."""
NOT_PLURAL = frozenset(
    {"this", "thus", "plus", "does", "perhaps", "across", "unless", "always", "whereas"}
    | {"besides", "hers", "ours", "theirs", "yours", "afterwards", "towards", "nevertheless"}
)
"""Words in "-s" that are no plural noun counted by a number before them ("ahead of 1996
this morning")."""
NOT_AFTER_MAY = frozenset(
    {".", ",", ";", "", "on", "at", "are", "is", "was", "were", "from", "alone", "and", "or"}
)
"""After "for May", these make it the month: the verb "may" is never followed by them."""
MAY_VERB_AFTER = frozenset({"be", "have", "not", "also", "well"})
"""After "May", these make it the modal ("that may not recover"), not the month."""
ROMAN_DAYS = {"kalends": (1, 1), "calends": (1, 1), "nones": (5, 7), "ides": (13, 15)}
"""The Roman calendar's named days: (day in most months, day in March, May, July, October)."""


QUARTER_WORDS = frozenset({"quarter", "quarters", "half", "period", "level", "results", "q", "h"})
"""The words one of which every quarter's or half's reading holds ("Q1", "the same period")."""


SEASON_PARTS = frozenset(
    {"end", "rest", "start", "beginning", "middle", "most", "much", "all", "part", "half"}
)
"""Words of a part before "of the fall" that make it the season ("much of the fall")."""


CLAUSE_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "he", "she", "they"})
"""Words after "on the 27th" that open the clause it dates ("on the 27th the soldiers
mutinied"), where a noun would make the ordinal count it ("the 25th floor")."""


class DateRules(Scanner):
    """Rules for dates written with their calendar units."""

    def dual_date(self, i: int) -> Reading | None:
        """ "25 October (7 November, New Style) 1917", "7 November [O.S. 25 October] 1917",
        "18 December 1878 [O.S. 6 December]": one day in the Julian and the Gregorian
        calendar, the year written once, after the first day or after both. The
        gap between the two days (13 days in 1900-2099) says which is the Julian one."""
        if not (self.is_int(i) or self.w(i) in self.lex.months):
            return None
        a = self._month_day(i) or self._day_month(i)
        if a is None:
            return None
        opened = a[2]  # "18 December 1878 [O.S. 6 December]": the year may come first
        first_year = self.year(opened + (self.w(opened) == ","))
        if first_year is not None:
            opened = first_year[1]
        if self.w(opened) not in ("(", "["):
            return None
        at = self.style_word(opened + 1)
        b = self._month_day(at) or self._day_month(at)
        if b is None:
            return None
        k = self.style_word(b[2] + (self.w(b[2]) == ","))
        if self.w(k) not in (")", "]"):
            return None
        yr = first_year or self.year(k + 1 + (self.w(k + 1) == ","))
        if yr is None or yr[0] < 1583:
            return None
        y = yr[0]
        if a[1] > days_in_month(y, a[0]) or b[1] > days_in_month(y, b[0]):
            return None
        shift = day_number(y, b[0], b[1]) - day_number(y, a[0], a[1])
        if abs(shift) != y // 100 - y // 400 - 2:  # the days the Julian calendar lags by
            return None
        first_end = first_year[1] if first_year else a[2]
        first = Reading(
            i, first_end, "DATE", B.given(B.written_day(y, a[0], a[1], julian=shift > 0))
        )
        second = Reading(at, b[2], "DATE", B.given(B.written_day(y, b[0], b[1], julian=shift < 0)))
        return Reading(i, k + 1, "DATE", first.build, parts=(first, second))

    def style_word(self, k: int) -> int:
        """Skip "O.S.", "N.S.", "Old Style" or "New Style" at ``k``."""
        if self.w(k) in ("o", "n") and self.w(k + 1) == "." and self.w(k + 2) == "s":
            return self.dot(k + 3)
        if self.w(k) in ("old", "new") and self.w(k + 1) == "style":
            return k + 2
        return k

    def old_style(self, k: int) -> int | None:
        """ "(O.S.)", "Old Style", "(Julian)" after a date: the end index, or None."""
        paren = self.w(k) == "("
        j = k + paren
        if self.w(j) == "o" and self.w(j + 1) == "." and self.w(j + 2) == "s":
            j = self.dot(j + 3)
        elif self.w(j) == "old" and self.w(j + 1) == "style":
            j += 2
        elif self.w(j) == "julian" and paren:
            j += 1
        else:
            return None
        if paren:
            if self.w(j) != ")":
                return None
            j += 1
        return j

    def nth_weekday(self, i: int) -> Reading | None:
        """ "the first Monday in October", "the last Thursday of November 1942"."""
        if self.w(i) != "the":
            return None
        o = (-1, i + 2) if self.w(i + 1) == "last" else self.ordinal(i + 1)
        if o is None or not -1 <= o[0] <= 5 or o[0] == 0:
            return None
        wd = self.weekday(o[1])
        m = self.month(wd[1] + 1) if wd is not None and self.w(wd[1]) in ("in", "of") else None
        if wd is None or m is None:
            return None
        rule = f"{m[0]}/{wd[0]}/{o[0]}"  # a holiday rule: month, weekday, which one
        yr = self.year(m[1] + (self.w(m[1]) == ","))
        if yr is not None:
            hit = A.holiday(rule, yr[0])
            if hit is None:
                return None
            return Reading(i, yr[1], "DATE", B.const(TimePoint("day", yr[0], hit[0], hit[1])))
        return Reading(i, m[1], "DATE", lambda c: R.holiday(c, rule, None), explicit=False)

    def day_alone(self, i: int) -> Reading | None:
        """ "left on the 25th", "by the 3rd", "on the 27th the soldiers mutinied", "the
        evening of the 9th": a day of the month the text stands at."""
        lead = self.w(i - 1)
        of_part = lead == "of" and (
            self.w(i - 2) in self.lex.parts_of_day or self.w(i - 2) == "hours"
        )
        if self.w(i) != "the" or not (lead in ("on", "by", "until", "since", "and") or of_part):
            return None
        o = self.ordinal(i + 1) if self.is_int(i + 1) else None
        if o is None or not 1 <= o[0] <= 31:
            return None
        n, k = o
        nxt = self.w(k)
        pause = nxt in (".", ",", ";", ")", "", "and", "or", "but") or nxt in CLAUSE_OPENERS
        opening = self.narrative and self.tx(i - 1) == "On" and self.tx(k).islower()
        opening = opening or (of_part and self.cap(k))  # "by the morning of the 25th Lenin"
        if nxt == "of" or not (pause or opening or nxt in self.g.prepositions):
            return None  # "on the 25th floor"; "the 3rd of March" is read whole elsewhere
        if self.listed_noun(k):
            return None  # "birdies on the 14th, 15th and 16th holes"
        return Reading(i, k, "DATE", lambda c: R.day_of_month(c, n), anaphoric=True, explicit=False)

    def listed_noun(self, k: int) -> bool:
        """A list of ordinals from ``k`` on (", 15th and 16th") ends at a noun they count."""
        m = k
        while self.w(m) in (",", "and", "or") and self.is_int(m + 1):
            o = self.ordinal(m + 1)
            if o is None:
                return False
            m = o[1]
        after = self.tx(m)
        noun = after.isalpha() and after.islower() and after not in self.g.prepositions
        return m > k and noun and after not in ("and", "or", "but")

    def day_range(self, i: int) -> Reading | None:
        """ "9-23 June 1922", "from 9 to 23 June", "between 9 and 23 June": the first day
        takes the second's month and year."""
        if not (self.is_int(i) and len(self.tx(i)) <= 2):
            return None
        link = self.w(i + 1)
        dash = link in ("-", "\u2013") and self.adj(i + 1) == self.adj(i + 2)
        if not (dash or (link, self.w(i - 1)) in (("to", "from"), ("and", "between"))):
            return None
        got = self._day_month(i + 2)
        second = self.full_date(i + 2) if got is not None else None
        day = int(self.tx(i))
        if second is None or got is None or not 1 <= day < got[1]:
            return None
        first = Reading(i, i + 1, "DATE", B.same_month(second.build, day), explicit=False)
        return B.span(first, second, split=not dash)

    def full_date(self, i: int) -> Reading | None:
        """Day-level dates in the common styles, and "Month Day" without a year."""
        j = i
        if self.w(j) in ("this", "next", "last", "coming"):  # "next Friday, August 9"
            j += 1 + self.words(j, ("this", "coming"))
            if self.weekday(j) is None:
                return None
        wd = self.weekday(j)
        if wd is not None:
            j = wd[1] + (self.w(wd[1]) == ",")
        got = self._month_day(j) or self._day_month(j) or self._the_day_of(j)
        if got is None and j > i and self.weekday(i) is None:
            return None
        if got is None:
            return self.iso_date(i) or self.numeric_date(i) or self.dotted_date(i)
        month, day, j = got
        if day > 31:
            return None
        k = j + (self.w(j) == ",")
        yr = self.year(k, loose=True) if self.is_int(k) and len(self.tx(k)) == 4 else self.year(k)
        if yr is not None and not (
            self.w(k) == "," or self.is_int(k) or yr[0] <= 0 or self.era(k) is not None
        ):
            yr = None
        if yr is not None:
            y, j = yr
            if day > days_in_month(y, month):
                return None
            p = TimePoint("day", year=y, month=month, day=day)
            return Reading(i, j, "DATE", B.const(p))
        if day > days_in_month(2000, month):
            return None
        happening = self.lex.named_days.get((month, day))
        if happening is not None and self.w(j) in happening[1]:
            p = TimePoint("day", year=happening[0], month=month, day=day)
            return Reading(i, j, "DATE", B.const(p))  # "the Sept. 11 attacks": 2001's
        of = self.w(j) == "of"
        k = j + of  # "3 May last year", "April 16th of last year"
        if self.w(k) in ("last", "this", "next") and self.w(k + 1) == "year":
            off = self.lex.deictic_determiners[self.w(k)]
            return Reading(
                i, k + 2, "DATE", lambda c: R.day_of_year(c, month, day, off), explicit=False
            )
        told = self.year_told(j + of) if of or self.words(j, ("that", "year")) else None
        if told is not None:  # "1 December of that year", "4 November that year"
            shift = told[0]
            return Reading(
                i,
                told[1],
                "DATE",
                lambda c: R.day_of_year(c, month, day, shift, anaphoric=True),
                anaphoric=True,
                explicit=False,
            )
        shared = self.day_year_after(j)
        if shared is not None and day <= days_in_month(shared, month):
            p = TimePoint("day", year=shared, month=month, day=day)  # "April 12 and April
            return Reading(i, j, "DATE", B.const(p))  # 14, 1968": the year both share
        if wd is not None:  # "Monday, Oct. 19": the year near the one chosen where it is one
            named = wd[0]
            return Reading(
                i, j, "DATE", lambda c: R.month_day_on(c, month, day, named), explicit=False
            )
        return Reading(i, j, "DATE", lambda c: R.month_day(c, month, day), explicit=False)

    def day_year_after(self, j: int) -> int | None:
        """The year written after a second month and day joined at ``j`` ("April 12 and
        April 14, 1968")."""
        if self.w(j) not in ("and", "or"):
            return None
        got = self._month_day(j + 1)
        if got is None:
            return None
        k = got[2] + (self.w(got[2]) == ",")
        yr = self.year(k) if self.is_int(k) and len(self.tx(k)) == 4 else None
        return yr[0] if yr is not None else None

    def _month_day(self, i: int) -> tuple[int, int, int] | None:
        m = self.month(i)
        if m is None:
            return None
        month, j = m
        if self.is_int(j) and len(self.tx(j)) <= 2:
            day = int(self.tx(j))
            j += 1
            if self.w(j) in self.lex.ordinal_suffixes and self.adj(j):
                j += 1
            if day >= 1 and not (self.w(j) in self.lex.unit_plurals or self.w(j) == "%"):
                return month, day, j
            return None
        o = self.ordinal(j)
        if o is not None and self.w(j) != "second":
            return month, o[0], o[1]
        return None

    def _day_month(self, i: int) -> tuple[int, int, int] | None:
        if self.is_int(i) and len(self.tx(i)) <= 2:
            day, j = int(self.tx(i)), i + 1
            if self.w(j) in self.lex.ordinal_suffixes and self.adj(j):
                j += 1
        else:
            o = self.ordinal(i)
            if o is None:
                return None
            day, j = o
        of = self.w(j) == "of"
        j += of
        m = self.month(j)
        if m is None or day < 1 or (of and self.named_after(i, m[1])):
            return None
        return m[0], day, m[1]

    def named_after(self, i: int, k: int) -> bool:
        """ "the 26th of July Movement": a day of a month starting at ``i`` that a capitalized
        word at ``k`` makes part of a name (not "by the 3rd of April Stalin", a weekday)."""
        after = self.tx(k)
        if not (after.isalpha() and after[:1].isupper()) or self.lowercase_text:
            return False
        start = i - (self.w(i - 1) == "the")
        return self.w(start - 1) not in self.g.prepositions and self.w(k) not in self.lex.weekdays

    def _the_day_of(self, i: int) -> tuple[int, int, int] | None:
        """ "the 3rd of April"; the Roman "the Ides of March" (15 March)."""
        if self.w(i) != "the":
            return None
        roman = ROMAN_DAYS.get(self.w(i + 1))
        if roman is not None and self.w(i + 2) == "of":
            m = self.month(i + 3)
            if m is not None:
                return m[0], roman[1] if m[0] in (3, 5, 7, 10) else roman[0], m[1]
        o = self.ordinal(i + 1)
        if o is None or self.w(o[1]) != "of":
            return None
        m = self.month(o[1] + 1)
        if m is None:
            return None
        if self.named_after(i, m[1]):
            return None
        return m[0], o[0], m[1]

    def iso_date(self, i: int) -> Reading | None:
        """1922-04-03 (and 1922-04), 1922/04/03; not "2010-11", the year and the next."""
        if not (self.is_int(i) and len(self.tx(i)) == 4):
            return None
        sep = self.w(i + 1)
        if not (sep in ("-", "/") and self.adj(i + 1) and self.is_int(i + 2) and self.adj(i + 2)):
            return None
        y, mo = int(self.tx(i)), int(self.tx(i + 2))
        if len(self.tx(i + 2)) != 2 or not 1 <= mo <= 12:
            return None
        if self.w(i + 3) == sep and self.adj(i + 3) and self.is_int(i + 4) and self.adj(i + 4):
            d = int(self.tx(i + 4))
            if len(self.tx(i + 4)) != 2 or not 1 <= d <= days_in_month(y, mo):
                return None
            p = TimePoint("day", year=y, month=mo, day=d)
            return Reading(i, i + 5, "DATE", B.const(p))
        if sep == "/" or self.w(i + 3) in self.g.nouns_of_years or mo == (y + 1) % 100:
            return None  # "2012/13", "the 2010-11 financial year": a span of years, not a month
        if self.narrative and mo > y % 100:
            return None  # history writes years, not ISO months: "the voyage of 1405-07"
        p = TimePoint("month", year=y, month=mo)
        return Reading(i, i + 3, "DATE", B.const(p))

    def dotted_date(self, i: int) -> Reading | None:
        """21.03.2013 (day first, as written where dots separate dates) and 2013.03.21."""
        parts = self.tx(i).split(".")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return None
        if len(parts[0]) == 4 and len(parts[1]) == len(parts[2]) == 2:
            y, mo, d = (int(p) for p in parts)
        elif len(parts[2]) == 4 and len(parts[0]) <= 2 and len(parts[1]) <= 2:
            d, mo, y = (int(p) for p in parts)
        else:
            return None
        if not (1 <= mo <= 12 and 1 <= d <= days_in_month(y, mo)):
            return None
        return Reading(i, i + 1, "DATE", B.const(TimePoint("day", year=y, month=mo, day=d)))

    def numeric_date(self, i: int) -> Reading | None:
        """US style 4/3/1922 or 04/03/22 (month first)."""
        if not (self.is_int(i) and self.w(i + 1) == "/" and self.adj(i + 1) and self.is_int(i + 2)):
            return None
        if not (
            self.w(i + 3) == "/" and self.adj(i + 3) and self.is_int(i + 4) and self.adj(i + 4)
        ):
            return None
        mo, d, ys = int(self.tx(i)), int(self.tx(i + 2)), self.tx(i + 4)
        if len(ys) == 2:
            y = 1900 + int(ys) if int(ys) > 30 else 2000 + int(ys)
        elif len(ys) == 4:
            y = int(ys)
        else:
            return None
        if not (1 <= mo <= 12 and 1 <= d <= days_in_month(y, mo)):
            return None
        p = TimePoint("day", year=y, month=mo, day=d)
        return Reading(i, i + 5, "DATE", B.const(p))

    def month_year(self, i: int) -> Reading | None:
        """ "April 1922", "April of 1922", a month alone ("in March"), and against the
        narrative's reference time "the following January", "that March"."""
        anaphor = self.month_anaphor(i)
        if anaphor is not None:
            return anaphor
        j = i
        det = None
        if self.w(j) in self.lex.deictic_determiners and self.w(j) not in ("past", "current"):
            det = self.lex.deictic_determiners[self.w(j)]
            j += 1
        m = self.month(j)
        if m is None:
            return None
        month, k = m
        with_year = self.month_with_year(i, month, k) if det is None else None
        if with_year is not None:
            return with_year
        if self.is_int(k) and len(self.tx(k)) <= 2:
            return None  # "February 30": an impossible day, not a month
        shared = self.shared_year(month, k) if det is None else None
        if shared is not None:  # "March and April 1785": the year both months share
            return Reading(i, k, "DATE", B.const(TimePoint("month", year=shared, month=month)))
        if det is None and self.traded_for(i, k):
            return Reading(  # "crude for June delivery": the coming June
                i, k, "DATE", lambda c: R.month_alone(c, month, 1), explicit=False
            )
        if not self.month_word(i, j, k, det) or self.month_named(i, k):
            return None
        figures_for = (
            self.w(i - 1) == "for" and self.w(i - 2) in self.g.data_nouns
        )  # "sales for May"
        if det is None and (self.data_after(k) or figures_for):  # "May jobs": a month gone by
            return Reading(i, k, "DATE", lambda c: R.month_alone(c, month, None, past=True))
        ahead = det is None and self.scheduled_in(i)
        return Reading(
            i, k, "DATE", lambda c: R.month_alone(c, month, det, ahead=ahead), explicit=False
        )

    def scheduled_in(self, i: int) -> bool:
        """A present verb of schedule stands just before the month at ``i`` and its
        preposition ("contracts expire in December", "whose term ends in early May")."""
        k = i - 1 - (self.w(i - 1) in ("early", "late", "mid"))
        return self.w(k) in ("in", "by", "until") and self.w(k - 1) in self.lex.tense.scheduled

    def traded_for(self, i: int, k: int) -> bool:
        """The month at ``i:k`` is one a contract delivers in ("crude for June delivery",
        "Brent crude for April", "October gasoline futures")."""
        contract = ("delivery", "contract", "contracts", "futures")
        goods = self.g.commodities
        return (
            self.w(k) in contract
            or (self.w(k) in goods and self.w(k + 1) in contract)
            or (self.w(k) in goods and self.w(i - 1) not in self.g.prepositions)  # "December
            or (self.w(i - 1) == "for" and self.w(i - 2) in goods)  # corn rose 3 cents"
            or (self.kind_of_goods(k) and self.w(i - 1) not in self.g.prepositions)
        )

    def kind_of_goods(self, k: int) -> bool:
        """A lowercase word at ``k`` before a commodity names its kind ("February natural
        gas", "March heating oil", "December live cattle")."""
        return self.tx(k).isalpha() and self.tx(k).islower() and self.w(k + 1) in self.g.commodities

    def month_anaphor(self, i: int) -> Reading | None:
        """ "the following January", "that March": a month against the reference time."""
        anaphor = self.anaphoric_det(i)
        if anaphor is None and self.w(i) == "that" and self.month(i + 1) is not None:
            anaphor = (0, i + 1)  # "prices collapsed that February": a month is no clause
        if anaphor is None or (self.w(i) == "that" and self.that_opens_clause(i, anaphor[1])):
            return None
        off, j = anaphor
        m = self.month(j)
        if m is None or self.w(m[1]) == "of" or self.year(m[1]) is not None:
            return None
        if self.is_int(m[1]) and len(self.tx(m[1])) <= 2:
            return None  # "warned that Feb. 29, 2000": a date, the "that" a clause's
        if self.w(j) == "may" and self.w(m[1]) in MAY_VERB_AFTER:
            return None  # "a Game That May Not Recover": the modal
        month = m[0]
        return Reading(
            i,
            m[1],
            "DATE",
            lambda c: R.month_anaphor(c, month, off),
            anaphoric=True,
            explicit=False,
        )

    def that_opens_clause(self, i: int, j: int) -> bool:
        """ "that" at ``i``, before the month at ``j``, opens a reported clause whose subject
        the month is or describes: "said today that December sales were", "told analysts
        early Wednesday that January had been choppy", "said ..., and that February sales
        rose" (not "prices collapsed that February")."""
        if self.reports_before(i):
            return True
        if self.w(j + 1) in CLAUSE_VERBS and self.reported_in(i):
            return True
        k = j + 1 + (self.w(j) == ".")  # after "Feb."
        return self.w(i - 1) in ("and", "but") and self.modifies_noun(k)

    def reported_in(self, i: int) -> bool:
        """A verb of saying stands in the few words before token ``i`` in its sentence."""
        saying = self.lex.tense.reporting | self.lex.tense.saying
        return any(self.w(k) in saying for k in self.in_sentence(i - 1, -1, REPORT_BACK))

    def reports_before(self, i: int) -> bool:
        """A verb of saying ends right before token ``i``, or before a day told just after it
        ("said today", "announced on Tuesday", "said last Thursday")."""
        reporting = self.lex.tense.reporting
        k = i - 1
        if self.w(k) in self.lex.day_deictics or self.weekday(k) is not None:
            k -= 1 + (self.w(k - 1) in ("on", "last", "early", "late"))  # "said last Thursday"
        return self.w(k) in reporting

    def month_word(self, i: int, j: int, k: int, det: int | None) -> bool:
        """Whether the month name at ``j`` (ending before ``k``) is one here: "may", "march"
        and abbreviations only where a month fits ("in May", "May and June", "the May jobs
        report"; not "May could", "they march")."""
        word = self.w(j)
        if word not in self.lex.ambiguous_months and word != "may":
            return True
        paired = self.w(k) in ("and", "or", ",") and self.month(k + 1) is not None
        # "job figures for May." (not "for May to decide"): a month before a pause
        # "permits for May at 8:30 a.m.", "credit for May are due" (not "for May to decide")
        paired = paired or (self.w(i - 1) == "for" and self.w(k) in NOT_AFTER_MAY)
        # "revised its figure for March slightly higher"
        paired = paired or (self.w(i - 1) == "for" and self.w(i - 2) in self.g.data_nouns)
        # "the coldest March since 1962", "the wettest May on record", "an unusually cold
        # March", "Chilly March Delays Cherry Blossoms"
        paired = paired or (self.w(i - 1)[-3:] == "est" and self.w(i - 2) == "the")
        paired = paired or self.w(i - 1) in self.g.weather_adjectives
        # "May was the second-wettest month": a verb of its own follows the capitalized month
        capital = self.tx(j)[:1].isupper() and not self.lowercase_text
        capital = capital and not (self.tx(j - 1)[:1].isupper() and self.tx(j - 1).isalpha())
        paired = paired or (capital and self.w(k) in ("was", "is", "has", "had", "saw", "brought"))
        if paired:
            return True
        if det is None and self.w(i - 1) not in self.g.month_leads and not self.month_noun(i, k):
            return False
        return not (word == "may" and self.w(k) in MAY_VERB_AFTER)

    def month_named(self, i: int, k: int) -> bool:
        """A capitalized word after the month (ending before ``k``) makes it part of a name
        ("the October Revolution", "the July Days"), unless the month is told as a time ("In
        November Lincoln", "by mid-March Vienna")."""
        told = self.w(i - 1) in ("in", "since", "until", "by", "during", "early", "late", "mid")
        told = told or (self.w(i - 1) == "-" and self.w(i - 2) in ("early", "late", "mid"))
        if self.w(k) == "," and self.w(k + 1) in ("who", "whose"):
            return not told  # "Steenkamp's mother, June, who has attended": a person
        nxt = self.tx(k)
        if not (nxt[:1].isupper() and nxt.isalpha()) or self.lowercase_text:
            return False
        if told or self.w(k) in self.lex.months or self.w(k) in self.lex.weekdays:
            return False
        return not self.headline(i)  # a headline's "Promises April Release" is a time

    def month_noun(self, i: int, k: int) -> bool:
        """A capitalized month name (ending before ``k``) that modifies a noun of record
        ("the May jobs report", "its May launch", "May's figure") or follows "as early
        as"."""
        if not self.tx(i)[:1].isupper() or self.lowercase_text:
            return False
        before = self.w(i - 1)
        if self.tx(i - 1)[:1].isupper():
            return False  # "Prime Minister May", "Theresa May"
        owner = self.possessive_s(k)  # "May's figure"
        k += 2 * owner
        return (
            self.w(k) in self.g.month_nouns
            or self.data_after(k)
            or (before in ("its", "their", "s") and not owner)
            or (before == "as" and self.w(i - 2) in ("early", "late", "soon", "recently"))
        )

    def data_after(self, k: int) -> bool:
        """A noun of figures within three words from ``k`` ("May housing starts", "January
        labor-force figures"), with no other word of time or sentence end between."""
        for m in range(k, min(self.n, k + 5)):
            word = self.w(m)
            if word in self.g.data_nouns:
                return True
            if not (word.isalpha() or word == "-") or word in self.lex.units:
                return False
        return False

    def shared_year(self, month: int, k: int) -> int | None:
        """The year of ``month`` from a second month joined at ``k`` ("March and April
        1785", "April to May 1940"; "November to March 2008" is the year before)."""
        if self.w(k) not in ("and", "or", "to", "-", "\u2013", "through"):
            return None
        m = self.month(k + 1)
        if m is None:
            return None
        yr = self.year(m[1] + (self.w(m[1]) == ","))
        if yr is None:
            return None
        return yr[0] - (month > m[0] and self.w(k) not in ("and", "or"))

    def month_with_year(self, i: int, month: int, k: int) -> Reading | None:
        """A month (ending before ``k``) with its year: "April 1922", "April of 1922",
        "March last year", "February of last year", "August of that year"."""
        yr = self.year(k + (self.w(k) in ("of", ",")))
        if yr is not None:
            return Reading(i, yr[1], "DATE", B.const(TimePoint("month", year=yr[0], month=month)))
        kk = k + (self.w(k) == "of")  # "August of that year", "June that year"
        named = self.year_named(kk, told=kk > k or self.words(k, ("that", "year")))
        if named is None:
            return None
        off, end, told = named
        return Reading(
            i,
            end,
            "DATE",
            lambda c: R.month_of_year(c, month, off, anaphoric=told),
            anaphoric=told,
            explicit=False,
        )

    def year_named(self, k: int, *, told: bool) -> tuple[int, int, bool] | None:
        """ "last year", "next year" at ``k``, and, if ``told``, "that year", "the following
        year": (years off, end, whether counted from the time told rather than now)."""
        if self.w(k) in ("last", "this", "next") and self.w(k + 1) == "year":
            return self.lex.deictic_determiners[self.w(k)], k + 2, False
        if not told:
            return None
        if self.words(k, ("that", "year")):
            return 0, k + 2, True
        anaphor = self.year_told(k)
        return (anaphor[0], anaphor[1], True) if anaphor is not None else None

    def year_expr(self, i: int) -> Reading | None:
        """ "1907", "44 BC", "AD 800", "the year 1000", "fiscal 1989", "the 2012 fiscal year",
        "'98"."""
        j = i
        fiscal = False
        year_after = self.w(j + 2) in ("fiscal", "financial") and self.w(j + 3) == "year"
        if self.w(j) == "the" and self.w(j + 1) == "year":
            j += 2
        elif self.w(j) == "the" and self.is_int(j + 1) and year_after:
            j += 1  # "the 2012 fiscal year": the year, as "fiscal 2012" is
        after = self.tx(j + 1)
        named = after[:1].isupper() and after.isalpha() and not self.lowercase_text
        if self.tx(j - 1) == "Year" and named:
            return None  # "The Year 2000 Information Coordination Center": a name
        elif self.w(j) == "fiscal":
            fiscal = True
            j += 1 + (self.w(j + 1) == "year")
        elif self.w(j) in ("fy",) and self.tx(j).isupper():
            fiscal = True
            j += 1
            if self.is_int(j) and len(self.tx(j)) == 2:  # "FY14"
                yy = int(self.tx(j))
                p = TimePoint("year", year=1900 + yy if yy > 30 else 2000 + yy)
                return Reading(i, j + 1, "DATE", B.const(p))
        yr = self.year(j, loose=j > i)
        if yr is None:
            return None
        y, k = yr
        if not self._looks_like_year(j, k, loose=j > i):
            return None
        p = TimePoint("year", year=y)
        if j == i + 1 and self.w(i) == "the":  # "the 2012 fiscal year"
            fiscal, k = True, k + 2
        name = self._event_name_after(k) or self.event_name_before(i)
        r = Reading(i, k, "DATE", B.const(p), event_name=name)
        if fiscal:
            r.explicit = True
        return r

    def model_name(self, m: int) -> bool:
        """Token ``m`` is a capitalized word inside a sentence that names no time (a brand
        or a model before its number: "Beechcraft 1900", "Orion 1980")."""
        text = self.tx(m)
        if not (text[:1].isupper() and text[1:].islower() and text.isalpha()):
            return False
        if m + 1 < self.n and self.t[m + 1].newline_before:
            return False  # "... in Rome" + a new line + "330 - Constantinople dedicated"
        if not self.lead_cap(m) or self.lowercase_text or not self.tx(m - 1).islower():
            return False  # not in a title-case line ("Chain Withdraws 2009 Outlook")
        # a word that opens a time ("Christmas 1991", "Spring 1990", "the Year 2000 bug")
        return self.w(m) not in self.lex.starts

    def _looks_like_year(self, i: int, k: int, *, loose: bool) -> bool:
        """Reject numbers that count things ("1500 people", "$1990", "1990%")."""
        prev = self.w(i - 1)
        if prev == "." and self.w(i - 2) in ("p", "pp", "no", "vol", "fig", "nos"):
            return False
        if prev == "#" and not self.adj(i):
            k = i - 1
            while k > 0 and self.w(k - 1) == "#" and self.adj(k):
                k -= 1
            if self.line_start(k):
                prev = ""  # a Markdown heading ("## 1917"), not "#5" or "# 1990" mid-line
        labelled = prev in ("$", "#", "p", "pp", "£", "€") or (
            prev in self.g.label_nouns and not self.t[i].newline_before
        )
        if not loose and (labelled or (prev == "by" and self.w(k) in self.lex.unit_plurals)):
            return False  # "Section 1983", "Resolution 1441", "Windows 2000", "$1990"
        if prev in ("-", "/", ".", ":") and self.adj(i) and self.is_int(i - 2):
            width = len(self.tx(i - 2))  # the end of "1850-1858" or "674-678"
            if not (prev == "-" and (width == 4 or width == 3 == len(self.tx(i)))):
                return False
        if not loose and self.model_name(i - 1):
            return False  # "the Beechcraft 1900, operated by Prairie Air": a model's number
        nxt = self.w(k)
        if nxt in ("%", "percent", "per") or nxt in self.g.company_suffixes:
            return False  # "1990%", "Style 2000 Inc.": no year
        code = self.tx(k)
        if code.isupper() and 2 <= len(code) <= 3 and self.adj(k + 1) and self.is_int(k + 1):
            return False  # "the asteroid 2012 DA14": a name (not "the 2009 H1N1 pandemic")
        if nxt in self.lex.unit_plurals and not loose:
            return False
        widths = (2, 4) if len(self.tx(i)) == 4 else (3,)  # "1850-58", "674-678"
        if (
            nxt in ("-", "/")
            and self.adj(k)
            and self.is_int(k + 1)
            and len(self.tx(k + 1)) not in widths
        ):
            return False
        if nxt in (".", ",", ":") and self.adj(k) and self.adj(k + 1) and self.is_int(k + 1):
            return False  # "1,500", "1990.5"; not "In 1990, 12 members"
        if loose:
            return True
        if self.hyphen(k) and self.w(k + 1).isalpha() and self.w(k + 1) not in self.g.year_hyphen:
            return False  # "the 1200-page report", "a 1500-strong force"
        if self.street_after(k):
            return False  # "1600 Pennsylvania Avenue"
        counted = self.tx(k).islower() and (
            (nxt.isalpha() and nxt.endswith("s") and len(nxt) > 3 and nxt not in NOT_PLURAL)
            or nxt in self.g.plural_nouns
        )
        if prev in ("as", "when", "until", "before", "after") and nxt in self.lex.tense.scheduled:
            counted = False  # "As 2013 comes to an end": the year's verb, not a plural
        # "in 1989 sales rose" starts a clause; "about 1500 people", "of 2000 applicants" count
        dated_slot = prev in self.g.prepositions and prev not in self.g.count_prepositions
        # "the Catalan Atlas of 1375 shows", "the census of 1851 lists": a thing of a year
        named = prev == "of" and (self.cap(i - 2) or self.w(i - 2) in self.g.event_nouns)
        dated_slot = dated_slot or (named and self.w(i - 2) not in self.lex.months)
        if (
            counted
            and prev in self.g.count_prepositions
            and prev not in ("to", "for")
            and not named
        ):
            return False  # "about 2000 sales staff": a count (not "to 1990 levels")
        return not (
            counted
            and nxt not in self.g.nouns_after_year
            and not dated_slot
            and prev not in ("the", "-")
            and not (prev in POSSESSIVES and self.tx(i)[:2] in ("19", "20"))
            and not self.paired_year(i)
        )

    def paired_year(self, i: int) -> bool:
        """The number at ``i`` ends a pair of years of one century ("the 1995 and 1996
        shutdowns"), not a count ("2000 or 3000 jobs")."""
        if self.w(i - 1) not in ("and", "or") or not self.is_int(i - 2):
            return False
        first, second = self.tx(i - 2), self.tx(i)
        return len(first) == 4 and first[:2] == second[:2] and 0 < int(second) - int(first) < 10

    def street_after(self, k: int) -> bool:
        """Capitalised words from ``k`` on end in a street word ("Pennsylvania Avenue")."""
        for m in range(k, k + 4):
            if not self.cap(m) or not self.tx(m)[:1].isupper():
                return False
            if self.w(m) in self.g.street_words:
                return m > k
        return False

    def _event_name_after(self, k: int) -> str | None:
        """ "1917 October Revolution": the capitalised name right after a year."""
        words: list[str] = []
        j = k
        while j < self.n and len(words) < 4 and self.tx(j)[:1].isupper() and self.tx(j).isalpha():
            words.append(self.w(j))
            j += 1
        if not words or all(w in self.lex.months for w in words):
            return None
        return " ".join(words)

    def turn_of(self, i: int) -> Reading | None:
        """ "the turn of the 20th century" (about 1900); "the turn of the century": the
        century's edge nearest the time told (about 1900 in a story of the 1890s)."""
        if not self.words(i, ("the", "turn", "of")):
            return None
        whole = self.century(i + 3)
        if whole is not None:
            value = whole.build(Context(None, False))
            unit = value.start if value is not None else None
            if unit is None or unit.year is None or unit.granularity != "century":
                return None
            edge = TimePoint("year", year=unit.year)
            return Reading(
                i, whole.j, "DATE", B.given(TimeValue.point(edge, approximate=True, mod="APPROX"))
            )
        if not self.words(i + 3, ("the", "century")):
            return None
        return Reading(i, i + 5, "DATE", R.turn_of_century, anaphoric=True, explicit=False)

    def new_year(self, i: int) -> Reading | None:
        """ "the new year": the year to come, or early in a year the one begun; "the New
        Year" is its first day."""
        if not self.words(i, ("the", "new", "year")) or self.w(i + 3) in ("'", "\u2019", "-"):
            return None
        day = self.cap(i + 1) and self.cap(i + 2) and not self.lowercase_text
        return Reading(i, i + 3, "DATE", lambda c: R.new_year(c, day=day), explicit=False)

    def decade_of(self, i: int) -> Reading | None:
        """ "the first decade of the 20th century" (1900-1909), "the last decade of the
        19th century" (1890-1899)."""
        if self.w(i) != "the":
            return None
        o = (10, i + 2) if self.w(i + 1) == "last" else self.ordinal(i + 1)
        if o is None or not 1 <= o[0] <= 10 or not self.words(o[1], ("decade", "of")):
            return None
        whole = self.century(o[1] + 2)  # a written century: its builder needs no context
        value = whole.build(Context(None, False)) if whole is not None else None
        unit = value.start if value is not None else None
        years = unit.span_years() if unit is not None and unit.granularity == "century" else None
        if whole is None or years is None:
            return None
        # the n-th decade in time: of 500-401 BC (-499..-400) the first is -499..-490
        decade = unit_of("decade", years[0] + 10 * (o[0] - 1))
        return Reading(i, whole.j, "DATE", B.const(decade))

    def event_name_before(self, i: int) -> str | None:
        """ "The French Revolution began in 1789", "the war broke out in 431 BC": the
        happening a sentence dates, named by an event noun before the date."""
        for k in range(i - 1, max(-1, i - 9), -1):
            if self.tx(k) in (".", ";", "!", "?"):
                return None
            if self.w(k) not in self.g.event_nouns:
                continue
            j = k
            while j > 0 and self.tx(j - 1)[:1].isupper() and self.tx(j - 1).isalpha():
                if self.w(j - 1) in ("a", "an", "the", "this", "that"):
                    break
                j -= 1  # "the Peloponnesian War"
            return " ".join(self.w(m) for m in range(j, k + 1))
        return None

    def event_begun_after(self, j: int) -> str | None:
        """ "stormed the Bastille on 14 July 1789, the start of the revolution", "In 1914 the
        war began": the happening a date begins, named by an event noun after it in its
        sentence."""
        for k in range(j, min(self.n, j + 14)):
            if self.tx(k) in (".", ";", "!", "?"):
                return None
            if self.w(k) not in self.g.event_nouns:
                continue
            m = k
            while m > j and self.tx(m - 1)[:1].isupper() and self.tx(m - 1).isalpha():
                m -= 1  # "the Korean War"
            begun = self.w(k + 1) in self.g.event_begun
            of_start = self.w(m - 2) == "of" and self.w(m - 3) in self.g.event_beginnings
            if self.w(m - 1) == "the" and (begun or of_start):
                return " ".join(self.w(x) for x in range(m, k + 1))
            return None
        return None

    def decade(self, i: int) -> Reading | None:
        """ "the 1920s", "1920's", "the '20s", "the twenties"; "the 1800s" (a century)."""
        j = i + (self.w(i) == "the")
        if self.w(j) in ("'", "\u2019") and self.is_int(j + 1) and len(self.tx(j + 1)) == 2:
            if self.w(j + 2) == "s" and self.adj(j + 2):
                y = 1900 + int(self.tx(j + 1))
                if y % 10 == 0:
                    p = TimePoint("decade", year=y)
                    return Reading(i, j + 3, "DATE", B.const(p))
            return None
        clipped = j > i and self.is_int(j) and len(self.tx(j)) == 2 and int(self.tx(j)) % 10 == 0
        if clipped and self.words(j + 1, ("'", "s")) and self.adj(j + 1) and self.adj(j + 2):
            if self.w(i - 1) in ("since", "through", "during", "until", "till", "of", "from"):
                p = TimePoint("decade", year=1900 + int(self.tx(j)))  # "since the 70's" (not
                return Reading(i, j + 3, "DATE", B.const(p))  # temperatures "in the 70's")
        glued = j > 0 and self.tx(j - 1)[-1:].isalpha() and self.adj(j)  # "A380s": a model
        if self.is_int(j) and len(self.tx(j)) in (3, 4) and int(self.tx(j)) % 10 == 0 and not glued:
            k = j + 1
            if self.w(k) in ("'", "\u2019") and self.adj(k):
                if len(self.tx(j)) == 3:
                    return None  # "the Marching 110's": a name's number (history writes "880s")
                k += 1
            if self.w(k) == "s" and self.adj(k):
                y = int(self.tx(j))
                era = self.era(k + 1)
                end = k + 1
                if era is not None:
                    end = era[1]
                    if era[0] < 0:
                        y = -y - 1  # "the 40s BC": -004X, -49..-40
                # "the 1800s" is the century (18XX); "the 2000s" is spoken of as a decade
                hundreds = 0 < int(self.tx(j)) < 2000 and int(self.tx(j)) % 100 == 0
                p = unit_of("century" if hundreds else "decade", y)
                return Reading(i, end, "DATE", B.const(p))
        decades = {
            "twenties": 20,
            "thirties": 30,
            "forties": 40,
            "fifties": 50,
            "sixties": 60,
            "seventies": 70,
            "eighties": 80,
            "nineties": 90,
        }
        if j > i and self.w(j) in decades:
            y = 1900 + decades[self.w(j)]
            p = TimePoint("decade", year=y)
            return Reading(i, j + 1, "DATE", B.const(p), explicit=False)
        return None

    def century(self, i: int) -> Reading | None:
        """ "the 19th century", "the fifth century BC", "20th-century", "the first millennium"."""
        j = i + (self.w(i) == "the")
        o = self.ordinal(j)
        if o is None:
            return None
        n, k = o
        if self.hyphen(k):
            k += 1
        word, first_end = self.w(k), None
        name = (
            j == i and self.tx(k).istitle() and self.tx(k + 1).istitle() and self.era(k + 1) is None
        )
        if name and not self.lowercase_text:
            return None  # "Twenty-First Century Fox": a name
        if word in ("c", "cent") and self.w(k + 1) == "." and self.adj(k + 1):
            word, k = "century", k + 1  # "19th c.", "4th c. BCE" in notes
        if word not in ("century", "centuries", "millennium", "millennia"):
            # "the 18th and 19th centuries", "the late 16th to the early 17th century": the
            # first takes the unit (and era) of the second
            m = k + 1 + (self.w(k + 1) == "the")
            if self.w(m) in ("early", "mid", "late"):
                m += 1 + self.hyphen(m + 1)
            second = self.ordinal(m) if self.w(k) in ("and", "or", "to") else None
            unit = self.w(second[1]) if second is not None else ""
            # "and" joins plurals; "to" may end on one ("the 16th to the 18th century")
            singular = self.w(k) == "to" and unit in ("century", "millennium")
            if second is None or not (singular or unit in ("centuries", "millennia")):
                return None
            word, first_end, k = self.w(second[1]), k, second[1]
        k += 1
        era = self.era(k)
        sign = 1
        if era is not None:
            sign, k = era
        size = 1000 if word in ("millennium", "millennia") else 100
        if n < 1 or n > 30:
            return None
        gran = "millennium" if size == 1000 else "century"
        # the 5th century BC is 500-401 BC: astronomical -499..-400 (EDTF -04XX); the 1st
        # is -99..0 (-00XX)
        y = (n - 1) * size if sign > 0 else -(n - 1) * size - 1
        p = unit_of(gran, y)  # type: ignore[arg-type]
        return Reading(i, first_end or k, "DATE", B.const(p))

    def season(self, i: int) -> Reading | None:
        """ "the summer of 1998", "spring 1922", "this summer", "last fall", and against the
        narrative's reference time "the following spring", "that winter"."""
        if not self.near(i, self.lex.season_words, 6):
            return None  # no season's word near
        j = i
        det = None
        ago = self.seasons_ago(i)
        if ago is not None:
            return ago
        anaphor = self.season_anaphor(i)
        if anaphor is not None and self.event_season(anaphor[2] - 1):
            return None  # "The next Winter Olympics": a name
        if anaphor is not None:
            sub, off, end = anaphor
            return Reading(
                i,
                end,
                "DATE",
                lambda c: R.season(c, sub, off, anaphoric=True),
                anaphoric=True,
                explicit=False,
            )
        if self.words(j, ("this", "past")) or self.words(j, ("the", "past")):
            det, j = -1, j + 2  # "this past spring", "the past summer": the one gone by
        elif self.w(j) in ("this", "last", "next", "past", "coming"):
            det = self.lex.deictic_determiners[self.w(j)]
            j += 1
        elif self.w(j) == "the":
            j += 1
        s = self.lex.seasons.get(self.w(j))
        if s is None:
            return None
        k = j + 1
        if det is None and self.w(k) in self.g.season_things:
            return None  # "harsh winter weather", "spring training": kinds, not a season
        with_year = self.season_with_year(i, s, k) if det is None else None
        if with_year is not None or self.w(k) == "of":
            return with_year
        if det is None and self.cap(j) and self.cap(k) and not self.lowercase_text:
            return None  # a name: "Winter Olympic history", "the Winter Palace"
        if det is not None and self.event_season(j):
            return None  # "The next Winter Olympics are scheduled for February 2014"
        paired = self.w(i - 1) in ("and", "or") and self.w(i - 2) in self.lex.seasons
        paired = paired and (self.tx(j).islower() or self.lowercase_text)  # not "Spring and
        # Autumn period", a name
        if det is None and paired:  # "That summer and fall brought further victories"
            return Reading(i, k, "DATE", lambda c: R.season(c, s, None), explicit=False)
        # "could be ready as early as the fall", "as late as spring"
        compared = self.w(i - 1) == "as" and self.w(i - 2) in ("early", "late", "soon")
        if det is None and compared:
            return Reading(i, k, "DATE", lambda c: R.season(c, s, None), explicit=False)
        weather = self.w(i - 1) in self.g.weather_adjectives  # "a cold, rainy spring"
        after = self.tx(k)  # "the wettest summer in 100 years", not "the best spring training"
        alone = not after.isalpha() or after.istitle() or after in self.g.prepositions
        superlative = self.w(i - 1)[-3:] == "est" and self.w(i - 2) in ("the", "its", "their")
        dropped = self.w(j) == "fall" and self.w(i - 1) in self.g.drop_adjectives
        superlative = superlative and not dropped  # not "its steepest fall in 16 years"
        weather = weather or (superlative and alone)  # "its driest spring since 2002"
        turn = k + (self.w(k).endswith("ly") and self.tx(k).islower())  # "officially begins"
        weather = weather or self.w(turn) in self.g.season_turns  # "Spring starts Wednesday"
        # "'The summer was tougher than we expected,' the chief executive said"
        subject = self.w(i) == "the" and (self.opens_sentence(i) or self.w(i - 1) in SUBORDINATE)
        weather = weather or (subject and self.w(k) in self.g.season_verbs)
        # "expect the summer to be strong": the season the clause tells of
        weather = weather or (self.w(i) == "the" and self.words(k, ("to", "be")))
        if det is None and weather and not self.words(i - 1, ("hot", "spring")):
            return Reading(i, k, "DATE", lambda c: R.season(c, s, None), explicit=False)
        if det is None:
            if self.w(j) == "fall" or self.w(i) == "the":
                least = self.words(i - 2, ("at", "least"))  # "until at least the fall"
                lead = self.w(i - 3) if least else self.w(i - 1)
                fell = lead == "from" and self.w(j) == "fall"  # "injuries from the fall"
                edge = self.w(i - 2) in SEASON_PARTS and self.w(k) not in ("in", "of", "from")
                fell = fell or (lead == "of" and self.w(j) == "fall" and not edge)  # "at the
                # time of the fall" (not "the rest of the fall", "much of the fall"; but "much
                # of the fall in prices")
                if self.w(i) == "the" and lead in SEASON_LEADS and not fell:
                    bound = lead in ("before", "after", "until", "by", "for")
                    return Reading(
                        i, k, "DATE", lambda c: R.season(c, s, None, bound=bound), explicit=False
                    )
                edge = self.w(i - 1) in ("early", "late", "mid") and self.w(i - 2) in ("by", "in")
                if edge:  # "a report to Congress by early fall"
                    return Reading(i, k, "DATE", lambda c: R.season(c, s, None), explicit=False)
                if self.w(i) == "fall" and self.w(i - 1) in ("by", "until", "till", "before"):
                    return Reading(  # "the window would close by fall"
                        i, k, "DATE", lambda c: R.season(c, s, None, bound=True), explicit=False
                    )
                return None
            if self.w(i - 1) not in self.g.bare_season_leads and not self.season_framed(i, k):
                return None
        bound = det is None and self.w(i - 1) in ("before", "until", "by")
        return Reading(i, k, "DATE", lambda c: R.season(c, s, det, bound=bound), explicit=False)

    def event_season(self, j: int) -> bool:
        """The capitalized season at ``j`` opens a name in running text ("the next Winter
        Olympics", "every Summer Games"), not a title-case line."""
        named = self.tx(j)[:1].isupper() and self.tx(j + 1)[:1].isupper()
        return named and self.lead_cap(j) and not self.lowercase_text and not self.headline(j)

    def season_framed(self, i: int, k: int) -> bool:
        """A bare season at ``i`` (ending before ``k``) that a frame names: "ahead of winter",
        "by the end of summer", or an article and an adjective ("a terrible summer", "a very
        tense autumn"), the season alone after them."""
        if self.w(i - 1) == "of" and self.w(i - 2) in self.g.season_frames:
            return True
        after = self.tx(k)
        alone = not after.isalpha() or after in ("and", "but", "for", "in", "when", "as")
        adjective = self.tx(i - 1).isalpha() and self.tx(i - 1).islower()
        n = 2 if self.w(i - 2) in ("a", "an") else 3 if self.w(i - 2) in self.g.degree_words else 0
        a = n > 0 and self.w(i - n) in ("a", "an") and self.w(i - n - 1) != "like"
        return adjective and a and alone  # not "will feel like a different summer"

    def seasons_ago(self, i: int) -> Reading | None:
        """ "two summers ago": the summer before last."""
        counted = self.number(i)
        n, k = counted if counted is not None else (None, i)
        if n is None:
            return None
        word = self.w(k)
        s = self.lex.seasons.get(word[:-1]) if word[-1:] == "s" else None
        if s is None or self.w(k + 1) != "ago":
            return None
        return Reading(i, k + 2, "DATE", lambda c: R.season(c, s, -n), explicit=False)

    def season_with_year(self, i: int, s: int, k: int) -> Reading | None:
        """A season (ending before ``k``) with its year: "the summer of 1998", "spring
        1922", "the winter of 1932-33", "the summer and autumn of 1938", "the spring of that
        year"."""
        yr = self.year(k + 1) if self.w(k) == "of" else self.year(k)
        if yr is not None:
            p = TimePoint("season", year=yr[0], sub=s)
            return Reading(i, self.winter_end(s, yr), "DATE", B.const(p))
        paired = self.season(k + 1) if self.w(k) in ("and", "to") else None
        if paired is not None and paired.explicit:  # the first takes the second's year
            both = paired.build(Context(None, False))
            y = both.start.year if both is not None and both.start is not None else None
            first = Reading(i, k, "DATE", B.const(TimePoint("season", year=y, sub=s)))
            return B.span(first, paired, split=True)
        named = self.year_named(k + 1, told=True) if self.w(k) == "of" else None
        if named is None:  # "the spring of that year", "the spring of next year"
            return None
        off, end, told = named
        return Reading(
            i,
            end,
            "DATE",
            lambda c: R.season_of_year(c, s, off, anaphoric=told),
            anaphoric=told,
            explicit=False,
        )

    def year_told(self, k: int) -> tuple[int, int] | None:
        """ "that year", "the following year" at ``k``: (years from the time told, end)."""
        told = self.anaphoric_det(k)
        if told is None or self.w(told[1]) != "year":
            return None
        return told[0], told[1] + 1

    def anaphoric_det(self, i: int) -> tuple[int, int] | None:
        """ "the following", "the previous", "that (same)", "the same" before a season or a
        month: (offset from the reference time, index after the determiner)."""
        offsets = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}
        if self.w(i) == "the" and self.w(i + 1) in offsets:
            return offsets[self.w(i + 1)], i + 2
        if self.w(i) != "that":
            return None
        j = i + 1 + (self.w(i + 1) == "same")
        after = self.w(j + 1)  # "retreated that autumn.", not "said that spring was late"
        if (
            i == 0
            or not self.w(i - 1).isalpha()
            or self.w(i - 1) in self.g.prepositions
            or self.w(i - 1) in ("and", "but", "there", "here", "then")
            or not after.isalpha()
            or after in ("and", "but", "when", "while", "as", "after", "before", "in", "at", "on")
            # "left that winter for Paris", "ran the race that summer with a brace"
            or after in self.g.prepositions
            or after in ("with", "without")
            or after.endswith("ing")  # "had spent that summer working at a steel mill"
        ):
            return 0, j
        return None

    def winter_end(self, season: int, year: tuple[int, int]) -> int:
        """After "the winter of 1932", a "-33" naming the year it runs into belongs to it."""
        k = year[1]
        if season == 4 and self.w(k) in ("-", "/", "\u2013") and self.adj(k) and self.adj(k + 1):
            if self.is_int(k + 1) and self.tx(k + 1) in (
                f"{(year[0] + 1) % 100:02d}",
                str(year[0] + 1),
            ):
                return k + 2
        return k

    def season_anaphor(self, i: int) -> tuple[int, int, int] | None:
        """ "the following spring", "the previous winter", "that summer", "the same autumn":
        (season, offset from the reference time's season, end index)."""
        det = self.anaphoric_det(i)
        if det is None:
            return None
        off, j = det
        sub = self.lex.seasons.get(self.w(j))
        if sub is None or self.w(j + 1) == "of":
            return None
        return sub, off, j + 1

    def labelled_quarter(self, i: int) -> Reading | None:
        """ "Q1", "Q3 2013", "H1": a quarter or half by its label (a business usage)."""
        word = self.w(i)
        if word not in ("q", "h") or not self.tx(i).isupper() or not self.is_int(i + 1):
            return None
        n, unit = int(self.tx(i + 1)), "quarter" if word == "q" else "half"
        if not self.adj(i + 1) or not 1 <= n <= (4 if unit == "quarter" else 2):
            return None
        if self.adj(i + 2) and self.tx(i + 2)[:1].isalnum():
            return None  # "H1N1", "H1B": a name, not a half
        yr = self.year(i + 2, loose=True)
        if yr is not None:
            p = TimePoint(unit, year=yr[0], sub=n)  # type: ignore[arg-type]
            return Reading(i, yr[1], "DATE", B.const(p))
        return Reading(
            i, i + 2, "DATE", lambda c: R.quarter(c, unit, n, None, None), explicit=False
        )

    def year_quarter(self, i: int) -> Reading | None:
        """ "this year's third quarter", "next year's first half", "last year's quarter"."""
        det = self.w(i)
        if det not in ("this", "last", "next") or self.w(i + 1) != "year":
            return None
        if self.w(i + 2) not in ("'", "\u2019") or self.w(i + 3) != "s":
            return None
        off = self.lex.deictic_determiners[det]
        k = i + 4
        o = self.ordinal(k)
        if o is None:
            if self.w(k) != "quarter":
                return None
            return Reading(
                i,
                k + 1,
                "DATE",
                lambda c: R.quarter_in(c, None, off),
                explicit=False,
                shifted=off != 0,
            )
        n, k = o
        k += self.hyphen(k)
        unit = self.w(k)
        if unit not in ("quarter", "half") or not 1 <= n <= (4 if unit == "quarter" else 2):
            return None
        return Reading(i, k + 1, "DATE", lambda c: R.quarter(c, unit, n, None, off), explicit=False)

    def a_year_back(self, k: int) -> int | None:
        """The end of "a year ago" / "a year earlier" at ``k``, or None."""
        if self.words(k, ("a", "year")) and self.w(k + 2) in ("ago", "earlier"):
            return k + 3
        return None

    def quarter(self, i: int) -> Reading | None:
        """ "the third quarter", "third-quarter", "the fiscal quarter", "the first half of 1998"."""
        if not self.near(i, QUARTER_WORDS, 8):
            return None  # no word of a quarter near
        in_year = self.year_quarter(i) or self.labelled_quarter(i)
        if in_year is not None:
            return in_year
        j = i + (self.w(i) in ("the", "this", "last", "next", "a"))
        year_before = None
        while self.w(j) in ("fiscal", "comparable", "corresponding", "same") and j > i:
            j += 1
        if self.w(j) == "fiscal":
            j += 1
        yr = self.year(j)
        if yr is not None:
            year_before = yr[0]
            j = yr[1]
            if self.w(j) == "fiscal":
                j += 1
        if self.w(j) in ("year-ago", "year-earlier") or (
            self.w(j) == "year" and self.hyphen(j + 1) and self.w(j + 2) in ("ago", "earlier")
        ):
            return self.year_ago_quarter(i, j + 1 if self.w(j) != "year" else j + 3)
        o = self.ordinal(j)
        if o is not None and self.game_period(j):
            return None  # "with 3:12 left in the third quarter": a game's
        if o is not None and self.w(o[1]) in ("half", "quarter") and self.of_other(o[1] + 1):
            return None  # "the second half of my term", "the first half of the game"
        if self.w(j + 1) == "half" and self.w(j + 2) == "of":
            period = self.decade(j + 3) or self.century(j + 3)
            if period is None and self.w(j) in ("first", "second"):
                period = self.month_year(j + 3)  # "the second half of August"
            if period is not None and self.w(j) in ("first", "second", "last", "latter"):
                # "the last half of the '80s", "the second half of the 18th century"
                return B.with_mod(period, i, "START" if self.w(j) == "first" else "END")
        if o is None and self.w(j) in ("final", "last") and self.of_year(j + 2):
            o = {"quarter": (4, j + 1), "half": (2, j + 1)}.get(self.w(j + 1))  # "of 2012"
        if o is None and self.w(j) in ("front", "back") and self.w(j + 1) == "half":
            if self.of_year(j + 2):  # "the back half of the year": the second
                o = (1 if self.w(j) == "front" else 2, j + 1)
        ranged = self.w(j - 1) in ("-", "\u2013", "to", "through")  # "the July-September quarter"
        named = self.month(j) if o is None and not ranged else None
        if named is not None and self.w(named[1]) == "quarter":
            o = ((named[0] - 1) // 3 + 1, named[1])  # "the March quarter": the one ending then
        if o is None:
            return self.unnumbered_quarter(i, j, year_before)
        return self.numbered_quarter(i, j, o, year_before)

    def of_other(self, k: int) -> bool:
        """ "of" at ``k`` names a span that is no time ("of my term", "of the game")."""
        if self.w(k) != "of":
            return False
        owner = self.w(k + 1)
        if owner in ("my", "his", "her", "their", "its", "our", "your"):
            return True
        nxt = k + 2
        if owner != "the" or not (self.tx(nxt).isalpha() and self.tx(nxt).islower()):
            return False
        return not any(  # "of the current fiscal year", "of the decade": a time
            self.unit(m) is not None or self.month(m) is not None or self.year(m) is not None
            for m in range(nxt, nxt + 3)
        )

    def game_period(self, j: int) -> bool:
        """A game clock and "left in the", "remaining in the" or "to go in the" stand before
        the ordinal at ``j``: the period of a game ("with 3:12 left in the third quarter"),
        not of a year."""
        k = j - (self.w(j - 1) == "the")
        if self.w(k - 1) != "in":
            return False
        if self.w(k - 2) in ("left", "remaining"):
            return self.game_clock(k - 3)
        return self.words(k - 3, ("to", "go")) and self.game_clock(k - 4)

    def game_clock(self, k: int) -> bool:
        """A game clock ends at ``k``: "3:12", "40 seconds", "two minutes"."""
        text = self.tx(k)
        clock = ":" in text and text.replace(":", "").isdigit()
        return clock or self.w(k) in ("seconds", "second", "minutes", "minute")

    def of_year(self, k: int) -> bool:
        """ "of 2012", "of the year", "of next year" at ``k``."""
        if self.w(k) != "of":
            return False
        det = self.w(k + 1) in ("the", "this", "last", "next") and self.w(k + 2) == "year"
        return det or self.year(k + 1) is not None

    def year_ago_quarter(self, i: int, k: int) -> Reading | None:
        """ "the year-ago third quarter", "the year-earlier period" (``k`` after "year-ago")."""
        o = self.ordinal(k)
        if o is not None and self.w(o[1]) == "quarter" and 1 <= o[0] <= 4:
            nth = o[0]
            return Reading(
                i,
                o[1] + 1,
                "DATE",
                lambda c: R.quarter(c, "quarter", nth, None, -1),
                explicit=False,
                shifted=True,
            )
        if self.w(k) in ("quarter", "period", "level", "quarters", "results"):
            return B.year_back(i, k + 1)
        return None

    def unnumbered_quarter(self, i: int, j: int, year_before: int | None) -> Reading | None:
        """ "the quarter", "last quarter", "the 1988 quarter", "the latest quarter", "the same
        period last year", "the quarter ended July 31" (``j`` at "quarter")."""
        det = self.w(i)
        compared = j > i + 1 and self.w(j - 1) in ("comparable", "corresponding", "same")
        if compared and self.w(j) in ("quarter", "period") and year_before is None:
            # "the corresponding period last year", "the same quarter a year earlier"
            end = j + 3 if self.words(j + 1, ("last", "year")) else self.a_year_back(j + 1)
            if end is not None:
                return B.year_back(i, end)
        if year_before is not None and self.w(j) == "quarter" and det == "the":
            y = year_before  # "the 1988 quarter": the quarter reported, in that year
            return Reading(
                i, j + 1, "DATE", lambda c: R.quarter_in(c, y), explicit=False, shifted=True
            )
        if self.w(j) == "quarter" and det in ("the", "this", "last", "next"):
            off = {"the": None, "this": 0, "last": -1, "next": 1}[det]
            back = self.a_year_back(j + 1) if det == "the" else None
            if back is not None:  # "the quarter a year ago"
                return B.year_back(i, back)
            day = self.ended_on(j + 1)
            if day is not None and det == "the":  # "the quarter ended July 31"
                last = day.build
                return Reading(
                    i,
                    j + 1,
                    "DATE",
                    lambda c: R.quarter_ended(c, last(c)),
                    explicit=False,
                    reported=True,
                )
            return Reading(i, j + 1, "DATE", lambda c: R.this_quarter(c, off), explicit=False)
        if self.words(j, ("latest", "period")) and det == "the":  # the quarter reported
            return Reading(i, j + 2, "DATE", lambda c: R.this_quarter(c, None), explicit=False)
        if self.w(j) in ("latest", "current", "recent", "previous") and self.w(j + 1) == "quarter":
            if self.w(j) == "previous":  # before the quarter told
                return Reading(i, j + 2, "DATE", R.quarter_before, explicit=False)
            off2 = 0 if self.w(j) == "current" else None
            return Reading(i, j + 2, "DATE", lambda c: R.this_quarter(c, off2), explicit=False)
        return None

    def sporting(self, i: int, k: int) -> bool:
        """Words of a game within the sentence around tokens ``i:k`` ("touchdown", "scored")."""
        back = (self.game_word(m) for m in self.in_sentence(i - 1, -1, 20))
        return any(back) or any(self.game_word(m) for m in self.in_sentence(k, 1, 20))

    def game_word(self, m: int) -> bool:
        """Token ``m`` is a word of a game ("scored"; "overtime" only after "in", "into" or
        "to": "won in overtime", not "cut overtime")."""
        if self.w(m) == "overtime":
            return self.w(m - 1) in ("in", "into", "to")
        return self.w(m) in self.g.game_words

    def numbered_quarter(
        self, i: int, j: int, o: tuple[int, int], year_before: int | None
    ) -> Reading | None:
        """ "the third quarter (of 1998)", "the first half of next year", "the fiscal 1998
        second quarter", "its fourth quarter, which ended June 30" (ordinal ``o`` at ``j``)."""
        det = self.w(i)
        n, k = o
        adjective = self.hyphen(k)  # "the third-quarter loss": the article goes with "loss"
        if adjective:
            k += 1
        unit = self.w(k)
        if unit not in ("quarter", "half") or (unit == "half" and n > 2) or n > 4 or n < 1:
            return None
        k += 1
        if year_before is None and self.sporting(i, k):
            return None  # "early in the third quarter", "first-half touchdowns": a game's
        gran = "quarter" if unit == "quarter" else "half"
        if adjective and j == i + 1 and det == "the":
            i = j
        kk = k + (self.w(k) == "of")
        yr = self.year(kk + (self.w(kk) == "fiscal"))  # "the second half of fiscal 1993"
        if yr is not None and year_before is None:
            year_before, k = yr
        elif self.w(kk + 1) == "year" and (
            self.w(kk) in ("this", "last", "next") or (kk > k and self.w(kk) == "the")
        ):
            # "the first half of next year", "a stronger first half next year"; "of the
            # year" is read as a bare "the second half": this year's, or last year's when
            # it has not begun and the clause does not look ahead
            off: int | None = self.lex.deictic_determiners.get(self.w(kk))
            return Reading(
                i, kk + 2, "DATE", lambda c: R.quarter(c, gran, n, None, off), explicit=False
            )
        told = self.year_told(kk) if kk > k else None
        if told is not None:  # "the second quarter of that year", "of the following year"
            shift = told[0]
            return Reading(
                i,
                told[1],
                "DATE",
                lambda c: R.part_of_year(c, gran, n, shift, anaphoric=True),
                anaphoric=True,
                explicit=False,
            )
        if kk > k and (self.month(kk) or self.w(kk + 1) in ("week", "month", "decade")):
            return None  # "the second half of April", "the first half of next week"
        if year_before is not None:
            p = TimePoint(gran, year=year_before, sub=n)  # type: ignore[arg-type]
            return Reading(i, k, "DATE", B.const(p))
        of_other = self.w(k) == "of" and self.w(k + 1) in ("the", "this", "that", "its", "their")
        if self.w(i) == "a" or (of_other and self.w(k + 2) not in ("fiscal", "year")):
            return None  # "the second half of the season": not of a year
        ended = self.ended_on(k)
        if ended is not None:  # "its fiscal fourth quarter, which ended June 30": that year's
            last = ended.build
            return Reading(
                i,
                k,
                "DATE",
                lambda c: R.quarter_of(c, gran, n, last(c)),
                explicit=False,
                reported=True,
            )
        # "expect the deal to close in the fourth quarter": the time of a verb ahead, however
        # far (not "will revise the fourth-quarter figures")
        timed = not adjective and self.w(i - 1) in ("in", "during", "by", "until", "through")
        bound = self.w(i - 1) in ("until", "till", "through")  # "no recovery until the fourth
        # quarter": a bound ahead, never one whose results are still to come
        return Reading(
            i,
            k,
            "DATE",
            lambda c: R.quarter(c, gran, n, None, None, timed=timed, bound=bound),
            explicit=False,
        )

    def ended_on(self, k: int) -> Reading | None:
        """ "(, which) ended June 30" after a period: the date it ended on."""
        k += self.w(k) == ","
        k += self.w(k) in ("which", "that")
        if self.w(k) not in ("ended", "ending", "ends"):
            return None
        return self.full_date(k + 1)
