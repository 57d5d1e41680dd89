"""The rules tagger ("rules.v1"): finds time expressions in English and normalizes them.

How it works: the text is tokenized; at each token a small set of hand-written parsers
(dates, years, decades, centuries, seasons, quarters, deictic and anaphoric phrases,
durations, times of day, sets) try to read an expression, each looking ahead a bounded
number of tokens, so tagging is linear in the text length. Prefixes (approximation,
"early/mid/late", "prior to/by/after", duration quantifiers) and ranges ("1917-1921",
"from 1921 to 1928") wrap the core parsers. The longest reading wins. Each reading
carries a small function that resolves it to a ``TimeValue`` against a ``Context``
(the document creation time and the narrative's reference time).

Where things are: ``scan`` (token lookups, months, numbers, years, eras), ``dates``
(written dates), ``relative`` (relative phrases, durations, clock times, sets), this
module (the entry, prefixes and ranges), ``reading`` (what a rule returns and the
builder combinators), ``resolve`` (placing readings on the calendar), ``anchor``
(calendar arithmetic). Word lists live in ``data/en.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from chronologist.temporal import reading as B
from chronologist.temporal import resolve as R
from chronologist.temporal.reading import Reading
from chronologist.temporal.relative import RelativeRules
from chronologist.temporal.resolve import Context
from chronologist.temporal.scan import by_first
from chronologist.timemodel import TimePoint, TimeValue


def _told_point(first: Reading) -> TimePoint | None:
    """The point ``first`` tells on its own, with no DCT or reference time."""
    value = first.build(Context(None, True))
    return value.start if value is not None else None


PHASE_VERBS = frozenset({"phase", "phases", "phased", "phasing"})
"""Verbs whose particle "in" comes before "over" and a length ("phases in over 10 years")."""


class Parser(RelativeRules):
    """Parses the tokens of one text segment: prefixes and ranges around the core rules."""

    rules: ClassVar[tuple[Callable[[Parser, int], Reading | None], ...]]
    """The expression rules ``core`` tries at each token (set after the class)."""
    rules_for: ClassVar[dict[str, tuple[Callable[[Parser, int], Reading | None], ...]]]
    """For some frequent first words, the only rules that can start there: none after a
    preposition (its prefixes are read by ``prefixed``), "at the time" and "in the past"
    after "at" and "in", "'90s" and "'98" after an apostrophe, the rules for articles."""

    def parse_at(self, i: int) -> Reading | None:
        """The longest reading starting at token ``i``, or None."""
        if not self.may_open(i):
            return None
        tok = self.t[i]
        adverb = self.tx(i - 1).endswith("ly") and self.tx(i - 1).islower()  # not "Italy"
        verb = self.w(i - 1) in self.g.verbs_before_last or (
            adverb and self.w(i - 2) in self.g.verbs_before_last
        )  # "will officially last three weeks" (not "to Italy last year")
        if tok.low == "last" and verb:
            named = self.weekday(i + 1) or self.month(i + 1) or self.w(i + 1) in self.lex.seasons
            # "a contrast to last year" (not "expected to last years")
            named = named or (self.unit(i + 1) is not None and not self.plural_unit(i + 1))
            did = self.w(i - 1) in ("did", "does")  # "as it did last Christmas"
            named = named or (did and self.holiday(i + 1) is not None)
            if not named:
                return None  # "may last several months": the verb (not "agreed to last Friday")
        if self.title_at(i):
            return None
        best: Reading | None = None
        for rule in (self.prefixed, self.core_or_range):
            r = rule(i)
            if r is not None and (best is None or r.j > best.j):
                best = r
        if best is not None and best.i > i:  # "in the past" is read from "the" on:
            if self.title_at(best.i):
                return None  # "The Sunday Times"
            later = self.parse_at(best.i)  # so is "the past 12 months", which is longer
            if later is not None and later.j > best.j:
                return later
        return self.or_so(best) if best is not None else None

    def or_so(self, r: Reading) -> Reading:
        """ "a year or so", "the next year or so": "or so" after a length or a date is part
        of it, the value approximate (not after a set: "once a week or so"; TimeML leaves "or
        more" out: "for six months or more")."""
        if r.type not in ("DURATION", "DATE") or not self.words(r.j, ("or", "so")):
            return r
        if self.tx(r.j + 2).isalpha():
            return r  # "a year or so people": no bound

        def change(v: TimeValue) -> TimeValue:
            return v if v.mod else v.with_(mod="APPROX", approximate=True)

        return B.rewrapped(r, r.i, r.j + 2, change)

    def core_or_range(self, i: int) -> Reading | None:
        first = self.core(i)
        shared = self.shared_era_range(i)
        if shared is not None and (first is None or shared.j > first.j):
            return shared
        if first is None:
            return None
        reading = self.range_after(first) or first
        if reading.explicit and self.old_style(reading.j) is not None:
            return B.julian(reading)
        return reading

    def shared_era_range(self, i: int) -> Reading | None:
        """ "from 264 to 241 BC", "82-79 BC", "between 40 and 37 BC": one era for both; and
        years in brackets, "(618-907)"."""
        link, before = self.w(i + 1), self.w(i - 1)
        dash = link in ("-", "\u2013", "\u2014") and self.adj(i + 1) == self.adj(i + 2)
        if not (dash or (link, before) in (("to", "from"), ("and", "between"))):
            return None
        k = i + 2
        if not (self.is_int(i) and self.is_int(k)) or not self.t[i].text.isdigit():
            return None
        a, b = int(self.tx(i)), int(self.tx(k))
        era = self.era(k + 1)
        bracket = self.w(i - 1) == "(" or (  # "(618-907)", "(r. 871-899)"
            self.w(i - 1) == "." and self.w(i - 2) in ("r", "c", "fl") and self.w(i - 3) == "("
        )
        if era is None and dash and bracket and self.w(k + 1) == ")":
            # "the Tang dynasty (618-907)"; "(555-1212)" is a telephone number
            if 100 <= a < b < 2200 and len(self.tx(i)) >= 3 and (b < 1100 or a >= 1000):
                era = (1, k + 1)
        if era is None or len(self.tx(i)) > 4 or len(self.tx(k)) > 4 or 0 in (a, b):
            return None
        sign, j = era
        if (sign < 0 and a <= b) or (sign > 0 and a >= b):
            return None
        y0, y1 = (1 - a, 1 - b) if sign < 0 else (a, b)
        first = Reading(i, i + 1, "DATE", B.const(TimePoint("year", year=y0)))
        second = Reading(k, j, "DATE", B.const(TimePoint("year", year=y1)))
        return B.span(first, second, split=not dash)

    def the_phrase(self, i: int) -> Reading | None:
        """The rules that read only from "the": "on the 25th", "the first Monday in
        October", "the second Tuesday of every month", "the first decade of the 20th
        century", "the turn of the century", "the new year"."""
        if self.w(i) != "the":
            return None
        best: Reading | None = None
        rules = (self.day_alone, self.nth_weekday, self.nth_weekday_set, self.decade_of)
        for rule in (*rules, self.turn_of, self.new_year):
            r = rule(i)
            if r is not None and (best is None or r.j > best.j):
                best = r
        return best

    def core(self, i: int) -> Reading | None:
        """The longest reading of one expression (no prefix) starting at token ``i``."""
        if not self.may_open(i):
            return None
        best: Reading | None = None
        for rule in self.rules_for.get(self.w(i), self.rules):
            r = rule(self, i)
            if r is not None and (best is None or r.j > best.j):
                best = r
        if best is not None and self.w(best.j - 1) == "quarter":
            measure = best.j + self.hyphen(best.j)
            if self.w(measure) in self.g.quarter_measures:
                return None  # "the quarter-point cut", "a quarter point": a fourth of a measure
        if best is not None and self.hyphen(best.j) and self.w(best.j + 1) in COMPOUND_LINKS:
            second = best.j + 2 + self.hyphen(best.j + 2)
            if self.month(second) is None:  # not "the July-to-September period"
                return None  # "the quarter-to-quarter pressure", "year-on-year": a compound
        return best

    def prefixed(self, i: int) -> Reading | None:
        """Approximation, part-of-unit, bounds and duration quantifiers before a core."""
        lex = self.lex
        if self.w(i) not in lex.prefix_starts:
            return None
        if self.hyphen(i - 1) and self.tx(i - 2).isalpha():
            return None  # "a go-around a second and a half before": part of a word
        # duration quantifiers: "more than four hours", "nearly forty years"
        w0 = self.w(i)
        about_of = w0 == "about" and self.w(i - 1) in self.g.about_as_of
        # "1.7 million more than a year ago": the amounts compared, not the time
        amount = w0 in ("more", "less", "fewer") and (
            self.tx(i - 1)[:1].isdigit() or self.w(i - 1) in self.g.amount_words
        )
        mods = by_first(lex.duration_mods).get(w0, ()) if not (about_of or amount) else ()
        for words, mod in mods:
            vague = self.w(i + 1) in ("the", "several", "some", "many") or self.words(
                i + 1, ("a", "few")
            )
            if w0 in ("over", "under") and vague:
                break  # "over the past 24 hours", "over several days": the preposition"
            if w0 == "over" and self.w(i - 1) not in self.g.over_as_more:
                break  # "fought over three days", "used over three years": during
            if w0 == "over" and self.w(i - 1) == "in" and self.w(i - 2) in PHASE_VERBS:
                break  # "phases in over 10 years": the verb's particle, then during
            verb = self.w(i - 1)
            if w0 == "up" and (verb in lex.tense.changed or verb in lex.tense.moved_up):
                break  # "the workweek edged up to 34.5 hours": the verb's particle
            if w0 == "up" and self.w(i + 2) in lex.unit_plurals:
                break  # "had not faced up to decades of harsh rule": a limit needs a count
            if self.words(i, words):
                inner = self.duration(i + len(words))
                length = inner is not None and (
                    inner.type == "DURATION"
                    or (
                        inner.fallback is not None
                        and inner.fallback.type == "DURATION"
                        and not inner.shifted  # not "less than three months later"
                    )
                )  # "more than a decade before the scheme was exposed": a length, at worst
                if inner is not None and length:
                    return B.with_mod(inner, i, mod)
                last = self.w(inner.j - 1) if inner is not None and inner.shifted else ""
                limit = mod in ("LESS_THAN", "MORE_THAN") and w0 not in lex.approx_words
                if inner is not None and limit and last:
                    # "less than six months later": before the date six months on
                    later = last not in self.g.beforehand and last not in ("ago", "before")
                    before = (mod == "LESS_THAN") == later
                    return B.bounded(inner, i, "BEFORE" if before else "AFTER")
        # approximation: "c. 1907", "around 1900", "about 1900" (not "talking about")
        if w0 in lex.approx_words and not about_of:
            j = i + 1
            if w0 in ("c", "ca") and self.w(j) == "." and self.adj(j):
                j += 1
            elif w0 in ("c", "ca"):
                return None
            # "from about 1760 to the 1830s": the range splits after the approximate start
            opened = self.w(i - 1) in ("from", "between")
            inner = self.core(j) if opened else self.core_or_range(j)
            if inner is not None and inner.type in ("DATE", "TIME"):
                # "about 1900"; "nearly 150 years later", "some two weeks ago"
                counted = self.number(j, allow_article=True) is not None
                clock = self.clock_reading(j) is not None  # "about 8:45 p.m.", "around noon"
                month = self.month(j)
                dated = month is not None and self.is_int(month[1])  # "around Dec. 20"
                if inner.explicit or clock or counted or dated:
                    return B.approx(inner, i)
            if inner is not None and inner.type == "DURATION" and len(self.tx(j)) >= 3:
                return B.approx(inner, i)  # a span of years: "c. 470-399 BC"
        # "post-1959", "pre-1914"
        if w0 in ("post", "pre") and self.hyphen(i + 1):
            inner = self.core(i + 2)
            if inner is not None and inner.explicit and inner.type == "DATE":
                return B.bounded(inner, i, "AFTER" if w0 == "post" else "BEFORE")
        # part of a unit: "early 1990s", "mid-1996", "the end of 1990", "late November"
        r = self.part_of(i) or self.week_of(i)
        if r is not None:
            return r
        # bounds: "prior to 1917", "by 1928", "until the 1920s", "after 1928"
        agent = w0 == "by" and self.w(i - 1) in self.g.followed_by  # "followed by 14 February"
        for words, mod in by_first(lex.bound_phrases).get(w0, ()) if not agent else ():
            if self.words(i, words) and (i == 0 or self.w(i - 1) not in ("the", "a")):
                j = i + len(words)
                target = self.part_of(j) or self.core_or_range(j)
                if target is not None and self.adjectival(target):
                    continue  # "given by 19th-century historians": an adjective, no bound
                onwards = target is not None and self.w(target.j) in ("onwards", "onward")
                since = (w0 == "since" or onwards) and target is not None and target.parts is None
                if target is not None and target.type == "DATE" and (mod != "ON_OR_AFTER" or since):
                    if target.explicit or mod == "ON_OR_BEFORE":  # "by mid-October"
                        bound = B.bounded(target, i, mod)
                        bound.narrative_only = True  # news tags the date alone (TimeML)
                        bound.j += onwards  # "from 1898 onwards"
                        return bound
                named = self.named_event(j)
                after = self.tx(named[1]) if named is not None else ""
                if after.isalpha() and after.islower() and after not in self.g.prepositions:
                    if after not in ("and", "or", "but", "when", "while", "the", "he", "she"):
                        named = None  # "after the French Revolution suppressed the order"
                if named is not None and mod != "ON_OR_AFTER":
                    event = Reading(j, named[1], "DATE", B.given(named[0]), explicit=False)
                    bound = B.bounded(event, i, mod)
                    bound.narrative_only = True  # "after World War II" dates a history, not news
                    return bound
        return None

    def adjectival(self, r: Reading) -> bool:
        """``r`` ends in a hyphenated unit before a noun ("19th-century historians")."""
        hyphenated = self.hyphen(r.j - 2) and self.w(r.j - 1) in self.lex.units
        return hyphenated and self.tx(r.j).islower()

    def part_of_day(self, j: int, part: str) -> Reading:
        """ "mid-afternoon yesterday", "late morning Tuesday": that part of the day named
        next; "by mid-afternoon": of the day the text stands at."""
        after = self.w(j + 1)
        day = (
            self.deictic(j + 1)
            if after in self.lex.day_deictics and after != "tonight" or self.weekday(j + 1)
            else None
        )
        if day is not None and day.type == "DATE" and day.j == j + 2:
            return self.day_part(j, day.j, part, day)
        return self.day_part(j, j + 1, part)

    def named_event(self, i: int) -> tuple[TimeValue, int] | None:
        """A well-known dated happening named in the lexicon ("World War I")."""
        j = i + (self.w(i) == "the")
        if not self.cap(j):
            return None
        phrase = ""
        found: tuple[TimeValue, int] | None = None
        for k in range(j, min(self.n, j + 5)):
            phrase += (" " if k > j else "") + self.w(k)
            for key in (phrase, "the " + phrase):
                if key in self.lex.named_events:
                    found = (self.lex.named_events[key], k + 1)
        return found

    def week_of(self, i: int) -> Reading | None:
        """ "the week of March 6", "the weekend of May 4-5": the week (or its weekend)
        holding that day; "the first week of August": the week holding its nth seventh; "the
        first weekend of May": the weekend of its first Saturday; "the last day of 2012"."""
        nth = self.ordinal(i + 1) if self.w(i) == "the" else None
        last = self.w(i + 1) in ("last", "final")
        j = nth[1] if nth is not None else i + 1 + last
        unit = self.w(j)
        if self.w(i) != "the" or unit not in ("week", "weekend", "day") or self.w(j + 1) != "of":
            return None
        inner = self.core_or_range(j + 2)
        if inner is None or inner.type not in ("DATE", "DURATION"):
            return None
        build = inner.build
        if unit == "day":  # "the last day of 2012", "the first day of May"
            first = nth is not None and nth[0] == 1
            fiscal = any(self.w(m) in ("fiscal", "financial") for m in range(j + 2, inner.j + 1))
            if not (first or last) or inner.type != "DATE" or fiscal:
                return None  # "the first day of the 1991 fiscal year": a business year's day
            return Reading(
                i, inner.j, "DATE", lambda c: R.end_day(build(c), last), explicit=inner.explicit
            )
        if nth is not None or last:
            if inner.type != "DATE" or (nth is not None and nth[0] > 5):
                return None
            n = nth[0] if nth is not None else -1
            nth_of = R.nth_week if unit == "week" else R.nth_weekend
            return Reading(
                i, inner.j, "DATE", lambda c: nth_of(build(c), n), explicit=inner.explicit
            )
        weekend = unit == "weekend"
        return Reading(
            i,
            inner.j,
            "DATE",
            lambda c: R.week_of(build(c), weekend=weekend),
            explicit=inner.explicit,
        )

    def adverb_early(self, i: int) -> bool:
        """ "early" or "late" at ``i`` tells when something happens against its usual time
        ("running late this year", "fell so late this year", "two hours early Friday",
        "arrives a week early this year"), not a part of the time after it."""
        before = self.w(i - 1)
        if before in ("running", "so", "too"):
            return True  # "fell so late this year", "came too early this year"
        counted = self.number(i - 2) if before in self.lex.unit_plurals else None
        single = before in self.lex.units and self.w(i - 2) in ("a", "an", "one")
        if not (single or (counted is not None and counted[1] == i - 1)):
            return False  # not "for the second quarter late Thursday"
        k = i - 3
        while self.w(k) in ("nearly", "about", "almost", "some", "around", "roughly", "just"):
            k -= 1
        # a length of its own, not one a preposition governs ("in 17 years early Tuesday")
        return self.w(k) not in self.g.prepositions

    def part_of(self, i: int) -> Reading | None:
        lex = self.lex
        j = i
        if self.w(j) == "the":
            j += 1
        word = self.w(j)
        mod = lex.part_mods.get(word)
        if mod is None or (word in ("early", "late") and self.adverb_early(i)):
            return None  # "the trees are running late this year": late, not a part
        j += 1
        period = False
        if word in ("beginning", "start", "middle", "end", "close", "dawn"):
            if self.w(i) != "the" or self.w(j) != "of":
                return None
            j += 1
        elif word in ("earlier", "later"):
            if self.w(j) == "in" and self.w(j + 1) == "the":
                j += 1
            period = self.w(i) == "the" and self.ordinal(j) is not None  # "the later 15th century"
            if self.w(j) not in ("this", "that", "the", "today", "tonight", "yesterday") and not (
                self.weekday(j) or period
            ):
                return None
        elif self.hyphen(j):
            j += 1
        inner = self.core(j)
        part = lex.parts_of_day.get(self.w(j))
        if inner is None and word in ("early", "late", "mid") and part and self.w(j)[-1:] != "s":
            if self.hyphen(j - 1) and self.modifies_noun(j + 1):
                return None  # "late-night hours", "a late-night session": an adjective
            inner = self.part_of_day(j, part)
        if word in ("beginning", "start", "middle", "end", "close") and self.w(j) == "the":
            unit = self.unit(j + 1)  # "the end of the month": the unit we are in
            if (
                unit is not None
                and unit[0] != "season"  # "the start of the season": a team's, no quarter
                # of the year
                and not self.plural_unit(j + 1)
                and (inner is None or inner.j <= j + 2)
            ):
                gran = lex.units[unit[0]].granularity
                inner = Reading(
                    j, j + 2, "DATE", lambda c: R.unit_offset(c, gran, 0), explicit=False
                )
        if word in ("earlier", "later") and self.w(j) == "the" and self.w(j - 1) == "in":
            # "earlier in the day": the day of the events told; "later in the year": this year
            unit = self.unit(j + 1)
            if unit is not None and not self.plural_unit(j + 1):
                gran = lex.units[unit[0]].granularity
                told = gran == "day"
                if gran in ("day", "week", "month", "year"):
                    inner = Reading(
                        j,
                        j + 2,
                        "DATE",
                        lambda c: R.unit_offset(c, gran, 0, anaphoric=told),
                        anaphoric=told,
                        explicit=False,
                    )
        if inner is None or inner.type not in ("DATE", "TIME"):
            return None
        if word in ("beginning", "start", "middle", "end", "close") and self.adjective(inner):
            return None  # "the start of first-quarter earnings season": the season's start
        if word in ("earlier", "later") and not period:
            return None if inner.explicit else B.rest_of(inner, i, mod)
        return B.with_mod(inner, i, mod)

    def adjective(self, r: Reading) -> bool:
        """Reading ``r`` is a hyphenated compound before the noun it describes
        ("first-quarter earnings", "mid-April deadline")."""
        return any(self.hyphen(m) for m in range(r.i, r.j)) and self.modifies_noun(r.j)

    def range_after(self, first: Reading) -> Reading | None:
        """ "1917-1921", "1850-58", "July 20 - Aug. 6, 1789", "from 1921 to 1928"."""
        if first.type != "DATE":
            return None
        j = first.j
        word = self.w(j)
        if word in ("-", "\u2013", "\u2014", "/") or word in ("to", "through", "until", "till"):
            if word == "/" and not (self.adj(j) and self.adj(j + 1)):
                return None
            k = j + 1
            # "July 1-3": a second day; "1850-58": a two-digit end year
            # not "from 2 April to 11 April", "from 19 percent in 2011 to 14 percent"
            other = self.month(k + 1) is not None or self.w(k + 1) in COUNTED_NOUNS
            if word == "/" and len(self.tx(k)) == 2 and self.is_int(k):
                return self.season_years(first, _told_point(first), k)  # "the 2013/14 season"
            if self.is_int(k) and len(self.tx(k)) <= 2 and word != "/" and not other:
                point = _told_point(first)
                if point is not None and point.granularity == "day":
                    return self.days_of_month(first, point, k)
                dashed = word in ("-", "\u2013", "\u2014")  # not "in 2010 to 47 today"
                two = len(self.tx(k)) == 2 and dashed
                short = self.short_end_year(first, point, k) if two else None
                if short is not None or self.era(k + 1) is None:
                    return short  # "1850-58"; "from 58 BC until 50 BC" reads on
            if word in ("-", "\u2013", "/") and self.is_int(k) and len(self.tx(k)) == 4:
                season = self.season_years(first, _told_point(first), k)
                if season is not None and self.w(k + 1) in self.g.two_year_periods:
                    return season  # "the 2003-2004 season" (not "in 2003-2004": two years)
            second = self.core(k) or self.range_end_year(first, k)
            months = (  # "the October-December period": two months joined tight
                second is not None
                and word in ("-", "\u2013")
                and self.adj(j)
                and self.adj(k)
                and self.month(first.i) is not None
                and self.month(k) is not None
                and second.j == k + 1
            )
            if months and second is not None:
                return self.months_quarter(first, k, second.j) or B.span(first, second)
            days = self.weekday(first.i) is not None and self.weekday(k) is not None
            opened = self.w(first.i - 1) in ("from", "between")  # "from Wednesday through Sunday"
            if second is None or second.type != "DATE":
                return None
            if not (second.explicit or opened and (days or self.month_of_year(second))):
                return None
            if word in ("to", "through", "until", "till"):
                if self.w(first.i - 1) not in ("from", "between") and not (
                    first.explicit and second.explicit
                ):
                    return None
                return B.span(first, second, split=True)
            return B.span(first, second)
        if word in ("and", "or", "&") and self.is_int(j + 1) and len(self.tx(j + 1)) <= 2:
            day = int(self.tx(j + 1))  # "April 24 and 25": the same month's other day
            after = self.w(j + 2)
            if (
                1 <= day <= 31
                and after not in self.lex.unit_plurals
                and after not in ("%", "percent")
                and self.month(j + 2) is None  # not "between 21 March and 28 March"
            ):
                probe = first.build(Context(None, True))
                if (
                    probe is not None
                    and probe.start is not None
                    and probe.start.granularity == "day"
                ):
                    second = Reading(
                        j + 1, j + 2, "DATE", B.same_month(first.build, day), explicit=False
                    )
                    return B.span(first, second, split=True)
        if word == "and" and self.w(first.i - 1) == "between":
            second = self.core(j + 1)  # "between June 14 and July 30, 2007": one year
            days = self.weekday(first.i) is not None and self.weekday(j + 1) is not None
            if second is None or second.type != "DATE":
                return None
            if second.explicit or days or self.month_of_year(second):
                return B.span(first, second, split=True)  # "April and July of that year"
        return None

    def month_of_year(self, second: Reading) -> bool:
        """``second`` is a month with its year named, not written ("July of that year",
        "March last year")."""
        m = self.month(second.i)
        return m is not None and second.j > m[1] and self.w(m[1]) in ("of", "that", "last", "next")

    def short_end_year(self, first: Reading, point: TimePoint | None, k: int) -> Reading | None:
        """ "1850-58": the end year written with two digits at ``k``; "the 1960s-70s": the
        end decade."""
        if point is None or not first.explicit:
            return None
        y0 = point.year or 0
        decade = self.w(k + 1) == "s" and self.adj(k + 1) and int(self.tx(k)) % 10 == 0
        if point.granularity == "decade" and decade and y0 >= 0:
            y1 = y0 - y0 % 100 + int(self.tx(k))
            if y1 <= y0:
                return None
            end = TimePoint("decade", year=y1)
            return B.span(first, Reading(k, k + 2, "DATE", B.const(end)))
        if point.granularity != "year" or (point.year or 0) <= 0 or self.era(k + 1) is not None:
            return None  # "from 58 BC until 50 BC": the end is a year of its own
        y1 = y0 - y0 % 100 + int(self.tx(k))
        after = self.w(k + 1)
        if y1 <= y0 or (after in self.g.prepositions and after not in ("to", "in", "on")):
            return None
        season = self.season_years(first, point, k) if y1 == y0 + 1 else None
        if season is not None:
            return season
        return B.span(first, Reading(k, k + 1, "DATE", B.const(TimePoint("year", year=y1))))

    def season_years(self, first: Reading, point: TimePoint | None, k: int) -> Reading | None:
        """ "the 2012-13 season", "the 2013/14 school year" (or in news, "the budget for
        2012-13"): a season, school or fiscal year over two years (end at ``k``), dated, as
        TimeML has no value for it, by the year it starts in."""
        if point is None or point.granularity != "year" or not first.explicit:
            return None
        if self.narrative and self.w(k + 1) not in self.g.two_year_periods:
            return None  # "she lived 1850-51 in Paris": two years
        y0 = point.year or 0
        if y0 <= 0 or int(self.tx(k)) not in ((y0 + 1) % 100, y0 + 1):
            return None
        if self.w(k + 2) == "year" and self.w(k + 1) in self.g.two_year_periods:
            i = first.i - (self.w(first.i - 1) == "the")  # "the 2012-13 financial year": one
            return Reading(i, k + 3, "DATE", B.const(point))
        return Reading(first.i, k + 1, "DATE", B.const(point))

    def months_quarter(self, first: Reading, k: int, end: int) -> Reading | None:
        """ "the October-December quarter": a calendar quarter named by its first and last
        months (``first`` and token ``k``), the word "quarter" at ``end``, in the year told
        after it ("the October-December period of 2006")."""
        m0, m1 = self.month(first.i), self.month(k)
        if m0 is None or m1 is None or m0[0] % 3 != 1 or m1[0] != m0[0] + 2:
            return None
        if self.w(end) not in ("quarter", "period"):
            return None  # "the October-December quarter", "the April-June period"
        sub = m1[0] // 3
        start = first.i - (self.w(first.i - 1) == "the")
        year = self.year(end + 2) if self.w(end + 1) == "of" else None
        if year is not None:  # "the October-December period of 2006"
            point = TimePoint("quarter", year=year[0], sub=sub)
            return Reading(start, year[1], "DATE", B.const(point))
        return Reading(
            start,
            end + 1,
            "DATE",
            lambda c: R.quarter(c, "quarter", sub, None, None),
            explicit=False,
        )

    def range_end_year(self, first: Reading, k: int) -> Reading | None:
        """The four-digit year ending "from 1990 to 1996" even before a plural noun, which
        alone would make it a count ("from 1990 to 1996 brokers at the firm used")."""
        point = _told_point(first)
        opened = self.w(first.i - 1) in ("from", "between")
        if not opened or point is None or point.granularity != "year" or point.year is None:
            return None
        if not (self.is_int(k) and len(self.tx(k)) == 4):
            return None
        end = int(self.tx(k))
        if not point.year < end <= point.year + RANGE_YEARS:
            return None
        return Reading(k, k + 1, "DATE", B.const(TimePoint("year", year=end)))

    def days_of_month(self, first: Reading, start: TimePoint, k: int) -> Reading | None:
        """ "June 9-23", "June 9-23, 1922": the second day of the first's month."""
        day = int(self.tx(k))
        if (
            start.day is None
            or not start.day < day <= 31
            or self.w(k + 1)
            in (
                *self.lex.unit_plurals,
                "%",
                "percent",
            )
        ):
            return None
        j = k + 1
        yr = self.year(j + 1) if self.w(j) == "," and start.year is None else None
        if yr is not None:  # the year written after the second day holds for both
            end = TimePoint("day", year=yr[0], month=start.month, day=day)
            return B.span(first, Reading(k, yr[1], "DATE", B.const(end)))
        return B.span(first, Reading(k, j, "DATE", B.same_month(first.build, day), explicit=False))


RANGE_YEARS = 200
"""How far after a range's first year its four-digit end may lie ("from 1990 to 1996")."""
COUNTED_NOUNS = frozenset({"percent", "%", "per", "cents", "points"})
"""After a number, these make it an amount, not a short year or day."""

COMPOUND_LINKS = frozenset({"to", "on", "over", "by", "for", "final", "finals", "finalist"})
"""After a unit and a hyphen, these make it part of a compound ("quarter-to-quarter", "the
quarter-finals")."""

PREPOSITIONS = (
    "from by after before since until till over under up about around circa during through "
    "within for to of on"
).split()
"""Words no core rule starts with: the prefixes they open are read by ``prefixed``."""

Parser.rules = (
    Parser.full_date,
    Parser.dual_date,
    Parser.day_range,
    Parser.the_phrase,
    Parser.month_year,
    Parser.year_expr,
    Parser.decade,
    Parser.century,
    Parser.season,
    Parser.quarter,
    Parser.deictic,
    Parser.anaphoric,
    Parser.reference,
    Parser.duration,
    Parser.lasting,
    Parser.clock_time,
    Parser.recurring,
    Parser.holiday,
)

Parser.rules_for = {
    **dict.fromkeys(PREPOSITIONS, ()),
    # after an article: no day range, length adjective, clock time or set (a holiday only
    # before "week" or "weekend": "the Thanksgiving weekend")
    "the": tuple(
        rule
        for rule in Parser.rules
        if rule
        not in (
            Parser.dual_date,
            Parser.day_range,
            Parser.lasting,
            Parser.clock_time,
            Parser.recurring,
        )
    ),
    "a": (Parser.duration, Parser.year_expr, Parser.quarter),
    "an": (Parser.duration, Parser.year_expr, Parser.quarter),
    "in": (Parser.reference,),
    "at": (Parser.reference,),
    "'": (Parser.decade, Parser.year_expr),
    "\u2019": (Parser.decade, Parser.year_expr),
}
