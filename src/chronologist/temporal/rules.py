"""The rules tagger ("rules.v1"): finds time expressions in English and normalizes them.

How it works: the text is tokenized; at each token a small set of hand-written parsers
(dates, years, decades, centuries, seasons, quarters, deictic and anaphoric phrases,
durations, times of day, sets) try to read an expression, each looking ahead a bounded
number of tokens, so tagging is linear in the text length. Prefixes (approximation,
"early/mid/late", "prior to/by/after", duration quantifiers) and ranges ("1917-1921",
"from 1921 to 1928") wrap the core parsers. The longest reading wins. Each reading
carries a small function that resolves it to a ``TimeValue`` against a ``Context``
(the document creation time and the narrative's reference time): the resolvers are in
``resolve``, calendar arithmetic in ``anchor``.
Word lists live in ``data/en.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from chronologist.temporal import anchor as A
from chronologist.temporal import resolve as R
from chronologist.temporal.lexicon import Lexicon, Unit, load_lexicon
from chronologist.temporal.resolve import Context
from chronologist.temporal.tokens import Token
from chronologist.timemodel import TimePoint, TimeValue, day_number, days_in_month

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
    narrative_only: bool = False
    """Only a time expression in narrative ("at the time" in news is rarely one)."""
    parts: tuple[Reading, Reading] | None = None
    """For "from 1921 to 1928": the two dates, tagged separately as TimeML does."""


@cache
def _longest_first(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _by_first(
    pairs: tuple[tuple[tuple[str, ...], str], ...],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """(phrase, mod) pairs by the phrase's first word, in lexicon order."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pair in pairs:
        out.setdefault(pair[0][0], []).append(pair)
    return {k: tuple(v) for k, v in out.items()}


def _const(p: TimePoint) -> Builder:
    """A builder for a fully written date."""
    return lambda c: TimeValue.point(p)


def _day(y: int, m: int, d: int, *, julian: bool) -> TimeValue:
    """A written day, in the Julian calendar or the Gregorian."""
    v = TimeValue.point(TimePoint("day", year=y, month=m, day=d))
    return v.with_(calendar="julian") if julian else v


def _given(value: TimeValue) -> Builder:
    """A builder for a value known in advance."""
    return lambda c: value


def _ref_builder(value: str) -> Builder:
    """A builder for PRESENT_REF / PAST_REF / FUTURE_REF."""
    return lambda c: R.ref(c, value)


def _dur(value: str) -> Builder:
    """A builder for a duration."""
    return lambda c: TimeValue(type="DURATION", duration=value)


PAD = 64
"""Empty tokens after a segment's last. The rules look a few tokens either side of an
index; past the end, and at indices -64..-1, they find these, so the per-token lookups
(``w``, ``tx``, ``is_int``) are plain list indexing, with no bounds test."""


class Parser:
    """Parses the tokens of one text segment."""

    rules: ClassVar[tuple[Callable[[Parser, int], Reading | None], ...]]
    """The expression rules ``core`` tries at each token (set after the class)."""

    def __init__(self, toks: list[Token], lex: Lexicon, *, lowercase_text: bool = False) -> None:
        self.t = toks
        self.n = len(toks)
        self.lex = lex
        self.g = lex.grammar
        """The grammar words the rules test ("prepositions", "afterwards", ...)."""
        self.lowercase_text = lowercase_text
        pad = [""] * PAD
        self.w: Callable[[int], str] = ([t.low for t in toks] + pad).__getitem__
        """Token ``i`` lowercased ("" outside the segment)."""
        self.tx: Callable[[int], str] = ([t.text for t in toks] + pad).__getitem__
        """Token ``i`` as written ("" outside the segment)."""
        ints = [len(t.text) <= 9 and t.text.isascii() and t.text.isdigit() for t in toks]
        self.is_int: Callable[[int], bool] = (ints + [False] * PAD).__getitem__
        """Token ``i`` is a whole number of at most nine digits."""

    # ------------------------------------------------------------------ token helpers
    def adj(self, i: int) -> bool:
        """Token ``i`` follows the previous one with no space."""
        return 0 < i < self.n and not self.t[i].space_before

    def cap(self, i: int) -> bool:
        return 0 <= i < self.n and (self.t[i].text[:1].isupper() or self.lowercase_text)

    def words(self, i: int, seq: tuple[str, ...]) -> bool:
        """Tokens from ``i`` on are the words ``seq``."""
        w = self.w
        return w(i) == seq[0] and all(w(i + k) == word for k, word in enumerate(seq[1:], 1))

    def dot(self, i: int) -> int:
        """Skip an abbreviation's period right after token ``i - 1``."""
        return i + 1 if self.w(i) == "." and self.adj(i) else i

    def hyphen(self, i: int) -> bool:
        return self.w(i) in ("-", "\u2010", "\u2011") and self.adj(i) and self.adj(i + 1)

    # ------------------------------------------------------------------ lexical pieces
    def month(self, i: int) -> tuple[int, int] | None:
        """Month name at ``i``: (month, next index)."""
        word = self.w(i)
        m = self.lex.months.get(word)
        if m is None or not self.cap(i):
            return None
        j = i + 1
        if len(word) <= 4 and word not in ("may", "june", "july"):
            if self.w(j) == "." and self.adj(j):
                j += 1
            elif word not in ("sept",) and len(word) == 3 and word in self.lex.ambiguous_months:
                # "Jan", "Aug" without a period: only before a number.
                if not self.is_int(j):
                    return None
        return m, j

    def weekday(self, i: int) -> tuple[int, int] | None:
        word = self.w(i)
        d = self.lex.weekdays.get(word)
        if d is None or not self.cap(i):
            return None
        if len(word) <= 5 and not word.endswith("day"):
            if self.w(i + 1) == "." and self.adj(i + 1):
                return d, i + 2
            return None
        return d, i + 1

    def number(self, i: int, *, allow_article: bool = False) -> tuple[int | None, int] | None:
        """A count: digits, number words ("twenty-four"), or vague ("several": None)."""
        word = self.w(i)
        if self.is_int(i):
            v = int(self.t[i].text)
            return v, i + 1
        if word in ("a", "an") and self.w(i + 1) in ("hundred", "thousand"):
            return (100 if self.w(i + 1) == "hundred" else 1000), i + 2
        if word in ("a", "an") and self.w(i + 1) in ("few", "couple", "dozen", "number"):
            if self.w(i + 1) == "couple":
                j = i + 2 + (self.w(i + 2) == "of")
                return 2, j
            if self.w(i + 1) == "dozen":
                return 12, i + 2
            if self.w(i + 1) == "number" and self.w(i + 2) == "of":
                return None, i + 3
            return None, i + 2
        if allow_article and word in ("a", "an", "one"):
            return 1, i + 1
        if word in self.lex.vague_counts:
            j = i + 1 + (self.w(i + 1) == "of" and word == "couple")
            return None, j
        base = self.lex.number_words.get(word)
        if base is None:
            return None
        j = i + 1
        if 20 <= base <= 90 and base % 10 == 0:
            k = j + 1 if self.hyphen(j) else j
            unit = self.lex.number_words.get(self.w(k))
            if unit is not None and 1 <= unit <= 9:
                base += unit
                j = k + 1
        if self.w(j) in ("hundred", "thousand"):
            base *= 100 if self.w(j) == "hundred" else 1000
            j += 1
        return base, j

    def ordinal(self, i: int) -> tuple[int, int] | None:
        """ "3rd", "third", "twenty-first", "3d": (value, next index)."""
        word = self.w(i)
        if self.is_int(i) and len(self.t[i].text) <= 2:
            if self.w(i + 1) in self.lex.ordinal_suffixes and self.adj(i + 1):
                return int(self.t[i].text), i + 2
            return None
        if word in self.lex.ordinals and word != "last":
            return self.lex.ordinals[word], i + 1
        tens = self.lex.number_words.get(word)
        if tens in (20, 30) and self.hyphen(i + 1):
            v = self.lex.ordinals.get(self.w(i + 2))
            if v is not None and 1 <= v <= 9:
                return tens + v, i + 3
        return None

    def spelled_year(self, i: int) -> tuple[int, int] | None:
        """ "nineteen ninety-six", "two thousand one"."""
        head = self.lex.number_words.get(self.w(i))
        if head is None:
            return None
        if 10 <= head <= 20 and self.lex.number_words.get(self.w(i + 1), 0) >= 20:
            rest = self.number(i + 1)
            if rest is not None and rest[0] is not None and rest[0] < 100:
                return head * 100 + rest[0], rest[1]
        if head == 2 and self.w(i + 1) == "thousand":
            j = i + 2 + (self.w(i + 2) == "and")
            rest = self.number(j)
            if rest is not None and rest[0] is not None and 0 < rest[0] < 100:
                return 2000 + rest[0], rest[1]
            return 2000, i + 2
        return None

    def year(self, i: int, *, loose: bool = False) -> tuple[int, int] | None:
        """A year: 4 digits (3 or fewer only with an era word); with its era."""
        spelled = self.spelled_year(i)
        if spelled is not None and (spelled[0] != 2000 or loose):
            return spelled
        if not self.is_int(i):
            if self.tx(i) in ("'", "\u2019"):
                return self.clipped_year(i)
            lead = self.era(i)  # "A.D. 330", "B.C. 44"
            if lead is not None and self.is_int(lead[1]) and len(self.tx(lead[1])) <= 4:
                val = int(self.tx(lead[1]))
                if val > 0:
                    return (1 - val if lead[0] < 0 else val), lead[1] + 1
            # "AD 800", "BC 44"
            if self.w(i) in self.lex.ce_words | self.lex.bce_words and self.is_int(i + 1):
                if self.tx(i).isupper() or self.w(i) in ("ad", "bc"):
                    val = int(self.t[i + 1].text)
                    if val == 0 or len(self.t[i + 1].text) > 4:
                        return None
                    if self.w(i) in self.lex.bce_words:
                        return 1 - val, i + 2
                    return val, i + 2
            return None
        text = self.t[i].text
        if len(text) > 4 or text.startswith("0"):
            return None
        val = int(text)
        era = self.era(i + 1)
        if era is not None:
            sign, j = era
            if val == 0:
                return None
            return (1 - val if sign < 0 else val), j
        if len(text) == 4 and (1000 <= val <= 2199 or loose):
            return val, i + 1
        if len(text) == 3 and self.line_start(i) and val > 0:
            # a chronology line: "330 - Constantinople dedicated", "527: Justinian I ...",
            # "c. 395 - ...", "527-565 - Reign of Justinian I"
            if self.w(i + 1) in ("-", ":", "\u2013", "\u2014"):
                return val, i + 1
        if len(text) == 3 and self.w(i - 1) in ("-", "\u2013") and self.line_start(i - 2):
            if self.is_int(i - 2) and self.w(i + 1) in ("-", ":", "\u2013", "\u2014"):
                return val, i + 1  # the end of "527-565 - ..."
        if len(text) == 3 and val >= 100 and self.short_year_slot(i):
            return val, i + 1
        return None

    def clipped_year(self, i: int) -> tuple[int, int] | None:
        """ "spring '98", "in '45": two digits after an apostrophe, in a dated slot (after a
        month, a season, "in", "since", "of"); 31-99 are 19xx, 00-30 are 20xx."""
        if not self.adj(i + 1) or not self.is_int(i + 1):
            return None
        if len(self.tx(i + 1)) != 2 or self.w(i + 2) == "s":
            return None
        prev = self.w(i - 1)
        if not (
            prev in ("in", "since", "of", "until", "by")
            or prev in self.lex.seasons
            or self.month(i - 1) is not None
        ):
            return None
        yy = int(self.tx(i + 1))
        return (1900 + yy if yy > 30 else 2000 + yy), i + 2

    def short_year_slot(self, i: int) -> bool:
        """A three-digit number in a clearly dated slot: after "in", "since", a month or a
        season ("December 771", "the summer of 772", "Christmas Day 800"), and before a pause
        or a new clause ("in 843 the empire ...", not "in 843 cases")."""
        prev = self.w(i - 1)
        named = self.month(i - 1) is not None or (prev == "day" and self.cap(i - 1))
        if prev == "of":
            named = self.w(i - 2) in self.lex.seasons or self.month(i - 2) is not None
        if not named and prev not in self.g.short_year_leads:
            return False
        nxt = self.w(i + 1)
        if nxt in (".", ",", ";", ")", ""):
            return True
        if nxt in self.g.after_short_year or nxt in self.g.prepositions:
            return True
        return self.cap(i + 1) and self.tx(i + 1).isalpha()

    def line_start(self, i: int) -> bool:
        """Token ``i`` opens its line, or follows only "c." there ("c. 395 - ...")."""
        if i == 0 or self.t[i].newline_before:
            return True
        if self.w(i - 1) == "." and self.w(i - 2) in ("c", "ca"):
            return i - 2 == 0 or self.t[i - 2].newline_before
        return False

    def era(self, i: int) -> tuple[int, int] | None:
        """ "BC", "B.C.", "BCE", "AD", "A.D.", "CE": (sign, next index)."""
        word = self.w(i)
        if word in ("b", "a", "c") and self.w(i + 1) == "." and self.adj(i + 1):
            # B.C. / A.D. / B.C.E. / C.E. split into letters and periods
            letters = ""
            j = i
            while j < self.n and len(self.w(j)) == 1 and self.w(j).isalpha() and j - i < 6:
                letters += self.w(j)
                j += 1
                if self.w(j) == "." and self.adj(j):
                    j += 1
                else:
                    break
            if letters in ("bc", "bce"):
                return -1, j
            if letters in ("ad", "ce"):
                return 1, j
            return None
        if word in ("bc", "bce") and self.tx(i).isupper():
            return -1, i + 1
        if word in ("ad", "ce") and self.tx(i).isupper():
            return 1, i + 1
        return None

    def unit(self, i: int) -> tuple[str, int] | None:
        found = self.lex.unit(self.w(i))
        return (found[0], i + 1) if found else None

    def lead_cap(self, i: int) -> bool:
        """Token ``i`` is capitalised inside a sentence (a name or title)."""
        prev = self.tx(i - 1)
        return (
            i > 0 and prev not in (".", "!", "?", '"', "``", "'") and not self.t[i].newline_before
        )

    def title_at(self, i: int) -> bool:
        """A title, not a time: ABC's "This Week", "VOA Today", the film "High Noon"."""
        tok = self.t[i]
        if tok.low == "noon" and self.w(i - 1) == "high":
            return True
        if self.lowercase_text or not tok.text[:1].isupper() or tok.text.isupper():
            return False
        if tok.low in ("this", "next", "last") and self.unit(i + 1) is not None:
            return self.tx(i + 1)[:1].isupper()
        if tok.low in ("today", "tonight", "tomorrow", "yesterday", "now"):
            return self.lead_cap(i) and self.tx(i - 1)[:1].isalnum()  # not "-- Today, the"
        return False

    def plural_unit(self, i: int) -> bool:
        return self.w(i) in self.lex.unit_plurals

    # ------------------------------------------------------------------ parse entry
    def parse_at(self, i: int) -> Reading | None:
        """The longest reading starting at token ``i``, or None."""
        tok = self.t[i]
        if tok.low not in self.lex.starts and not tok.text[:1].isdigit():
            return None
        if tok.low == "last" and self.w(i - 1) in self.g.verbs_before_last:
            return None  # "may last several months": the verb, not "last month"
        if self.title_at(i):
            return None
        best: Reading | None = None
        for rule in (self.prefixed, self.core_or_range):
            r = rule(i)
            if r is not None and (best is None or r.j > best.j):
                best = r
        return best

    def core_or_range(self, i: int) -> Reading | None:
        first = self.core(i)
        shared = self.shared_era_range(i)
        if shared is not None and (first is None or shared.j > first.j):
            return shared
        if first is None:
            return None
        reading = self.range_after(first) or first
        end = self.old_style(reading.j) if reading.explicit else None
        if end is not None:
            return _julian(reading, end)
        return reading

    def shared_era_range(self, i: int) -> Reading | None:
        """ "from 264 to 241 BC", "82-79 BC", "between 40 and 37 BC": one era for both."""
        link, before = self.w(i + 1), self.w(i - 1)
        dash = link in ("-", "\u2013", "\u2014") and self.adj(i + 1) == self.adj(i + 2)
        if not (dash or (link, before) in (("to", "from"), ("and", "between"))):
            return None
        k = i + 2
        if not (self.is_int(i) and self.is_int(k)) or not self.t[i].text.isdigit():
            return None
        a, b = int(self.tx(i)), int(self.tx(k))
        era = self.era(k + 1)
        if era is None or len(self.tx(i)) > 4 or len(self.tx(k)) > 4 or 0 in (a, b):
            return None
        sign, j = era
        if (sign < 0 and a <= b) or (sign > 0 and a >= b):
            return None
        y0, y1 = (1 - a, 1 - b) if sign < 0 else (a, b)
        first = Reading(i, i + 1, "DATE", _const(TimePoint("year", year=y0)))
        second = Reading(k, j, "DATE", _const(TimePoint("year", year=y1)))
        return _range(first, second, split=not dash)

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
        if max(a[1], b[1]) > min(days_in_month(y, a[0]), days_in_month(y, b[0])):
            return None
        shift = day_number(y, b[0], b[1]) - day_number(y, a[0], a[1])
        if abs(shift) != y // 100 - y // 400 - 2:  # the days the Julian calendar lags by
            return None
        first_end = first_year[1] if first_year else a[2]
        first = Reading(i, first_end, "DATE", _given(_day(y, a[0], a[1], julian=shift > 0)))
        second = Reading(at, b[2], "DATE", _given(_day(y, b[0], b[1], julian=shift < 0)))
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

    def core(self, i: int) -> Reading | None:
        """The longest reading of one expression (no prefix) starting at token ``i``."""
        best: Reading | None = None
        for rule in self.rules:
            r = rule(self, i)
            if r is not None and (best is None or r.j > best.j):
                best = r
        return best

    # ------------------------------------------------------------------ prefixes
    def prefixed(self, i: int) -> Reading | None:
        """Approximation, part-of-unit, bounds and duration quantifiers before a core."""
        lex = self.lex
        # duration quantifiers: "more than four hours", "nearly forty years"
        w0 = self.w(i)
        for words, mod in _by_first(lex.duration_mods).get(w0, ()):
            if w0 in ("over", "under") and self.w(i + 1) == "the":
                break  # "over the past 24 hours": the preposition, not "more than"
            if self.words(i, words):
                inner = self.duration(i + len(words))
                if inner is not None and inner.type == "DURATION":
                    return _with_mod(inner, i, mod)
        # approximation: "c. 1907", "around 1900", "about 1900"
        if w0 in lex.approx_words:
            j = i + 1
            if w0 in ("c", "ca") and self.w(j) == "." and self.adj(j):
                j += 1
            elif w0 in ("c", "ca"):
                return None
            inner = self.core_or_range(j)
            if inner is not None and inner.type in ("DATE", "TIME"):
                # "about 1900"; "nearly 150 years later", "some two weeks ago"
                if inner.explicit or self.number(j, allow_article=True) is not None:
                    return _approx(inner, i)
        # "post-1959", "pre-1914"
        if w0 in ("post", "pre") and self.hyphen(i + 1):
            inner = self.core(i + 2)
            if inner is not None and inner.explicit and inner.type == "DATE":
                return _bounded(inner, i, "AFTER" if w0 == "post" else "BEFORE")
        # part of a unit: "early 1990s", "mid-1996", "the end of 1990", "late November"
        r = self.part_of(i) or self.week_of(i)
        if r is not None:
            return r
        # bounds: "prior to 1917", "by 1928", "until the 1920s", "after 1928"
        for words, mod in _by_first(lex.bound_phrases).get(w0, ()):
            if self.words(i, words) and (i == 0 or self.w(i - 1) not in ("the", "a")):
                j = i + len(words)
                inner = self.parse_bound_target(j)
                if inner is not None and mod not in ("ON_OR_AFTER",):
                    return _bounded(inner, i, mod)
                named = self.named_event(j)
                if named is not None and mod != "ON_OR_AFTER":
                    return _bounded(
                        Reading(j, named[1], "DATE", _given(named[0]), explicit=False), i, mod
                    )
        return None

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

    def parse_bound_target(self, j: int) -> Reading | None:
        inner = self.part_of(j) or self.core_or_range(j)
        if inner is None or not inner.explicit or inner.type not in ("DATE",):
            return None
        return inner

    def week_of(self, i: int) -> Reading | None:
        """ "the week of March 6": the week holding that day."""
        if not self.words(i, ("the", "week", "of")):
            return None
        inner = self.core(i + 3)
        if inner is None or inner.type != "DATE":
            return None
        build = inner.build
        return Reading(i, inner.j, "DATE", lambda c: R.week_of(build(c)), explicit=inner.explicit)

    def part_of(self, i: int) -> Reading | None:
        lex = self.lex
        j = i
        if self.w(j) == "the":
            j += 1
        word = self.w(j)
        mod = lex.part_mods.get(word)
        if mod is None:
            return None
        j += 1
        if word in ("beginning", "start", "middle", "end", "close", "dawn"):
            if self.w(i) != "the" or self.w(j) != "of":
                return None
            j += 1
        elif word in ("earlier", "later"):
            if self.w(j) == "in" and self.w(j + 1) == "the":
                j += 1
            if self.w(j) not in ("this", "that", "the", "today", "tonight") and not self.weekday(j):
                return None
        elif self.hyphen(j):
            j += 1
        inner = self.core(j)
        part = lex.parts_of_day.get(self.w(j))
        if inner is None and word in ("early", "late", "mid") and part and self.w(j)[-1:] != "s":
            # "by mid-afternoon", "late morning": that part of the day the text stands at
            inner = Reading(
                j,
                j + 1,
                "TIME",
                lambda c: R.anaphor(c, "day", 0, part),
                anaphoric=True,
                explicit=False,
            )
        if word in ("beginning", "start", "middle", "end", "close") and self.w(j) == "the":
            unit = self.unit(j + 1)  # "the end of the month": the unit we are in
            if (
                unit is not None
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
        if word in ("earlier", "later") and inner.explicit:
            return None
        return _with_mod(inner, i, mod)

    # ------------------------------------------------------------------ ranges
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
            # "1850-58": a two-digit end year
            if self.is_int(k) and len(self.tx(k)) == 2 and word != "/":
                start_val = first.build(Context(None, True))
                if start_val and start_val.start and start_val.start.granularity == "day":
                    return self.days_of_month(first, start_val.start, k)
                if start_val and start_val.start and start_val.start.granularity == "year":
                    y0 = start_val.start.year or 0
                    y1 = y0 - y0 % 100 + int(self.tx(k))
                    if (
                        first.explicit
                        and y1 > y0
                        and self.w(k + 1) not in self.g.prepositions - {"to", "in", "on"}
                    ):
                        end = TimePoint("year", year=y1)
                        return _range(first, Reading(k, k + 1, "DATE", _const(end)))
                return None
            second = self.core(k)
            if second is None or second.type != "DATE" or not second.explicit:
                return None
            if word in ("to", "through", "until", "till"):
                if self.w(first.i - 1) not in ("from", "between") and not (
                    first.explicit and second.explicit
                ):
                    return None
                return _range(first, second, split=True)
            return _range(first, second)
        if word in ("and", "or", "&") and self.is_int(j + 1) and len(self.tx(j + 1)) <= 2:
            day = int(self.tx(j + 1))  # "April 24 and 25": the same month's other day
            after = self.w(j + 2)
            if (
                1 <= day <= 31
                and after not in self.lex.unit_plurals
                and after not in ("%", "percent")
            ):
                probe = first.build(Context(None, True))
                if (
                    probe is not None
                    and probe.start is not None
                    and probe.start.granularity == "day"
                ):
                    second = Reading(
                        j + 1, j + 2, "DATE", _same_month(first.build, day), explicit=False
                    )
                    return _range(first, second, split=True)
        if word == "and" and self.w(first.i - 1) == "between":
            second = self.core(j + 1)
            if second is not None and second.type == "DATE" and second.explicit and first.explicit:
                return _range(first, second, split=True)
        return None

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
            return _range(first, Reading(k, yr[1], "DATE", _const(end)))
        return _range(first, Reading(k, j, "DATE", _same_month(first.build, day), explicit=False))

    def day_alone(self, i: int) -> Reading | None:
        """ "left on the 25th", "by the 3rd": a day of the month the text stands at."""
        if self.w(i) != "the" or self.w(i - 1) not in ("on", "by", "until", "since", "and"):
            return None
        o = self.ordinal(i + 1) if self.is_int(i + 1) else None
        if o is None or not 1 <= o[0] <= 31:
            return None
        n, k = o
        nxt = self.w(k)
        pause = nxt in (".", ",", ";", ")", "", "and", "or", "but")
        if nxt == "of" or not (pause or nxt in self.g.prepositions):
            return None  # "on the 25th floor"; "the 3rd of March" is read whole elsewhere
        return Reading(i, k, "DATE", lambda c: R.day_of_month(c, n), anaphoric=True, explicit=False)

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
        first = Reading(i, i + 1, "DATE", _same_month(second.build, day), explicit=False)
        return _range(first, second, split=not dash)

    # ------------------------------------------------------------------ dates
    def full_date(self, i: int) -> Reading | None:
        """Day-level dates in the common styles, and "Month Day" without a year."""
        j = i
        wd = self.weekday(j)
        if wd is not None:
            j = wd[1] + (self.w(wd[1]) == ",")
        got = self._month_day(j) or self._day_month(j) or self._the_day_of(j)
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
            return Reading(i, j, "DATE", _const(p))
        if day > days_in_month(2000, month):
            return None
        return Reading(i, j, "DATE", lambda c: R.month_day(c, month, day), explicit=False)

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
        if self.w(j) == "of":
            j += 1
        m = self.month(j)
        if m is None or day < 1:
            return None
        return m[0], day, m[1]

    def _the_day_of(self, i: int) -> tuple[int, int, int] | None:
        if self.w(i) != "the":
            return None
        o = self.ordinal(i + 1)
        if o is None or self.w(o[1]) != "of":
            return None
        m = self.month(o[1] + 1)
        if m is None:
            return None
        return m[0], o[0], m[1]

    def iso_date(self, i: int) -> Reading | None:
        """1922-04-03 (and 1922-04), 1922/04/03."""
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
            return Reading(i, i + 5, "DATE", _const(p))
        if sep == "/":
            return None  # "2012/13" is a span of years, not a month
        p = TimePoint("month", year=y, month=mo)
        return Reading(i, i + 3, "DATE", _const(p))

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
        return Reading(i, i + 1, "DATE", _const(TimePoint("day", year=y, month=mo, day=d)))

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
        return Reading(i, i + 5, "DATE", _const(p))

    def month_year(self, i: int) -> Reading | None:
        """ "April 1922", "April of 1922", a month alone ("in March"), and against the
        narrative's reference time "the following January", "that March"."""
        anaphor = self.anaphoric_det(i)
        if anaphor is not None:
            off, j = anaphor
            m = self.month(j)
            if m is None or self.w(m[1]) == "of" or self.year(m[1]) is not None:
                return None
            month = m[0]
            return Reading(
                i,
                m[1],
                "DATE",
                lambda c: R.month_anaphor(c, month, off),
                anaphoric=True,
                explicit=False,
            )
        j = i
        det = None
        if self.w(j) in self.lex.deictic_determiners and self.w(j) not in ("past", "current"):
            det = self.lex.deictic_determiners[self.w(j)]
            j += 1
        m = self.month(j)
        if m is None:
            return None
        month, k = m
        if det is None:
            kk = k + (self.w(k) in ("of", ","))
            yr = self.year(kk)
            if yr is not None:
                p = TimePoint("month", year=yr[0], month=month)
                return Reading(i, yr[1], "DATE", _const(p))
            if self.w(k) in ("last", "this", "next") and self.w(k + 1) == "year":
                off = self.lex.deictic_determiners[self.w(k)]
                return Reading(
                    i,
                    k + 2,
                    "DATE",
                    lambda c: R.month_of_year(c, month, off),
                    explicit=False,
                )
        if self.is_int(k) and len(self.tx(k)) <= 2:
            return None  # "February 30": an impossible day, not a month
        word = self.w(j)
        if word in self.lex.ambiguous_months or word == "may":
            prev = self.w(i - 1)
            if det is None and prev not in (
                "in",
                "of",
                "since",
                "until",
                "by",
                "early",
                "late",
                "mid",
                "-",
                "during",
                "through",
                "before",
                "after",
                "from",
                "to",
                "and",
                "last",
                "this",
                "next",
                "the",
            ):
                return None
            if word == "may" and self.w(k) in ("be", "have", "not", "also", "well"):
                return None
        nxt = self.tx(k)
        if nxt[:1].isupper() and nxt.isalpha() and not self.lowercase_text:
            if self.w(k) not in self.lex.months and self.w(k) not in self.lex.weekdays:
                return None  # a name: "the October Revolution", "the July Days"
        return Reading(i, k, "DATE", lambda c: R.month_alone(c, month, det), explicit=False)

    def year_expr(self, i: int) -> Reading | None:
        """ "1907", "44 BC", "AD 800", "the year 1000", "fiscal 1989", "'98"."""
        j = i
        fiscal = False
        if self.w(j) == "the" and self.w(j + 1) == "year":
            j += 2
        elif self.w(j) == "fiscal":
            fiscal = True
            j += 1 + (self.w(j + 1) == "year")
        elif self.w(j) in ("fy",) and self.tx(j).isupper():
            fiscal = True
            j += 1
        yr = self.year(j, loose=j > i)
        if yr is None:
            return None
        y, k = yr
        if not self._looks_like_year(j, k, loose=j > i):
            return None
        p = TimePoint("year", year=y)
        name = self._event_name_after(k)
        r = Reading(i, k, "DATE", _const(p), event_name=name)
        if fiscal:
            r.explicit = True
        return r

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
        if (
            prev
            in (
                "$",
                "#",
                "no",
                "number",
                "page",
                "pp",
                "p",
                "vol",
                "chapter",
                "route",
                "flight",
                "room",
                "£",
                "€",
                "by",
            )
            and not loose
        ) and (prev != "by" or self.w(k) in self.lex.unit_plurals):
            return False
        if prev in ("-", "/", ".", ":") and self.adj(i) and self.is_int(i - 2):
            if not (prev == "-" and len(self.tx(i - 2)) == 4):
                return False
        nxt = self.w(k)
        if nxt in ("%", "percent", "per"):
            return False
        if nxt in self.lex.unit_plurals and not loose:
            return False
        if (
            nxt in ("-", "/")
            and self.adj(k)
            and self.is_int(k + 1)
            and len(self.tx(k + 1)) not in (2, 4)
        ):
            return False
        if nxt in (".", ",", ":") and self.adj(k) and self.is_int(k + 1):
            return False
        if loose:
            return True
        if self.hyphen(k) and self.w(k + 1).isalpha() and self.w(k + 1) not in self.g.year_hyphen:
            return False  # "the 1200-page report", "a 1500-strong force"
        if self.street_after(k):
            return False  # "1600 Pennsylvania Avenue"
        counted = self.tx(k).islower() and (
            (nxt.isalpha() and nxt.endswith("s") and len(nxt) > 3) or nxt in self.g.plural_nouns
        )
        # "in 1989 sales rose" starts a clause; "about 1500 people", "of 2000 applicants" count
        dated_slot = prev in self.g.prepositions and prev not in self.g.count_prepositions
        return not (
            counted
            and nxt not in self.g.nouns_after_year
            and not dated_slot
            and prev not in ("the", "-")
        )

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

    def decade(self, i: int) -> Reading | None:
        """ "the 1920s", "1920's", "the '20s", "the twenties"."""
        j = i + (self.w(i) == "the")
        if self.w(j) in ("'", "\u2019") and self.is_int(j + 1) and len(self.tx(j + 1)) == 2:
            if self.w(j + 2) == "s" and self.adj(j + 2):
                y = 1900 + int(self.tx(j + 1))
                if y % 10 == 0:
                    p = TimePoint("decade", year=y)
                    return Reading(i, j + 3, "DATE", _const(p))
            return None
        if self.is_int(j) and len(self.tx(j)) in (3, 4) and int(self.tx(j)) % 10 == 0:
            k = j + 1
            if self.w(k) in ("'", "\u2019") and self.adj(k):
                k += 1
            if self.w(k) == "s" and self.adj(k):
                y = int(self.tx(j))
                era = self.era(k + 1)
                end = k + 1
                if era is not None:
                    end = era[1]
                    if era[0] < 0:
                        y = -y
                p = TimePoint("decade", year=y)
                return Reading(i, end, "DATE", _const(p))
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
            return Reading(i, j + 1, "DATE", _const(p), explicit=False)
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
        # the 5th century BC is 500-401 BC: astronomical -499..-400 (EDTF -04XX)
        y = (n - 1) * size * sign
        p = TimePoint(gran, year=y)  # type: ignore[arg-type]
        return Reading(i, first_end or k, "DATE", _const(p))

    def season(self, i: int) -> Reading | None:
        """ "the summer of 1998", "spring 1922", "this summer", "last fall", and against the
        narrative's reference time "the following spring", "that winter"."""
        j = i
        det = None
        anaphor = self.season_anaphor(i)
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
        if self.w(j) in ("this", "last", "next", "past", "coming"):
            det = self.lex.deictic_determiners[self.w(j)]
            j += 1
        elif self.w(j) == "the":
            j += 1
        s = self.lex.seasons.get(self.w(j))
        if s is None:
            return None
        k = j + 1
        yr = self.year(k + 1) if self.w(k) == "of" else self.year(k) if det is None else None
        if yr is not None:
            p = TimePoint("season", year=yr[0], sub=s)
            return Reading(i, self.winter_end(s, yr), "DATE", _const(p))
        if self.w(k) == "of":
            return None
        if det is None:
            if self.w(j) == "fall" or self.w(i) == "the":
                if self.w(i) == "the" and self.w(i - 1) in (
                    "in",
                    "during",
                    "by",
                    "since",
                    "until",
                    "this",
                    "that",
                ):
                    return Reading(i, k, "DATE", lambda c: R.season(c, s, None), explicit=False)
                return None
            if self.w(i - 1) not in (
                "in",
                "during",
                "by",
                "since",
                "until",
                "last",
                "next",
                "this",
                "early",
                "late",
                "mid",
            ):
                return None
        return Reading(i, k, "DATE", lambda c: R.season(c, s, det), explicit=False)

    def anaphoric_det(self, i: int) -> tuple[int, int] | None:
        """ "the following", "the previous", "that (same)", "the same" before a season or a
        month: (offset from the reference time, index after the determiner)."""
        offsets = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}
        if self.w(i) == "the" and self.w(i + 1) in offsets:
            return offsets[self.w(i + 1)], i + 2
        if self.w(i) == "that" and (
            i == 0
            or not self.w(i - 1).isalpha()
            or self.w(i - 1) in self.g.prepositions
            or self.w(i - 1) in ("and", "but")
        ):  # not "said that spring was late"
            return 0, i + 1 + (self.w(i + 1) == "same")
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
        in_year = self.year_quarter(i)
        if in_year is not None:
            return in_year
        j = i + (self.w(i) in ("the", "this", "last", "next", "a"))
        det = self.w(i)
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
            k = j + 1 if self.w(j) != "year" else j + 3
            o2 = self.ordinal(k)
            if o2 is not None and self.w(o2[1]) == "quarter" and 1 <= o2[0] <= 4:
                nth = o2[0]  # "the year-ago third quarter"
                return Reading(
                    i,
                    o2[1] + 1,
                    "DATE",
                    lambda c: R.quarter(c, "quarter", nth, None, -1),
                    explicit=False,
                    shifted=True,
                )
            if self.w(k) in ("quarter", "period", "level", "quarters", "results"):
                return _year_back(i, k + 1)
            return None
        o = self.ordinal(j)
        if o is None:
            compared = j > i + 1 and self.w(j - 1) in ("comparable", "corresponding", "same")
            if compared and self.w(j) in ("quarter", "period") and year_before is None:
                # "the corresponding period last year", "the same quarter a year earlier"
                end = j + 3 if self.words(j + 1, ("last", "year")) else self.a_year_back(j + 1)
                if end is not None:
                    return _year_back(i, end)
            if year_before is not None and self.w(j) == "quarter" and det == "the":
                y = year_before  # "the 1988 quarter": the quarter reported, in that year
                return Reading(
                    i, j + 1, "DATE", lambda c: R.quarter_in(c, y), explicit=False, shifted=True
                )
            if self.w(j) in ("quarter",) and det in ("the", "this", "last", "next"):
                off = {"the": None, "this": 0, "last": -1, "next": 1}[det]
                back = self.a_year_back(j + 1) if det == "the" else None
                if back is not None:  # "the quarter a year ago"
                    return _year_back(i, back)
                day = self.full_date(j + 2) if self.w(j + 1) in ("ended", "ending") else None
                if day is not None and det == "the":  # "the quarter ended July 31"
                    last = day.build
                    return Reading(
                        i, j + 1, "DATE", lambda c: R.quarter_ended(c, last(c)), explicit=False
                    )
                return Reading(i, j + 1, "DATE", lambda c: R.this_quarter(c, off), explicit=False)
            if (
                self.w(j) in ("latest", "current", "recent", "previous")
                and self.w(j + 1) == "quarter"
            ):
                off2 = {"previous": -1, "current": 0}.get(self.w(j))
                return Reading(i, j + 2, "DATE", lambda c: R.this_quarter(c, off2), explicit=False)
            return None
        n, k = o
        adjective = self.hyphen(k)  # "the third-quarter loss": the article goes with "loss"
        if adjective:
            k += 1
        unit = self.w(k)
        if unit not in ("quarter", "half") or (unit == "half" and n > 2) or n > 4 or n < 1:
            return None
        k += 1
        gran = "quarter" if unit == "quarter" else "half"
        if adjective and j == i + 1 and det == "the":
            i = j
        kk = k
        if self.w(kk) == "of":
            kk += 1
        yr2 = self.year(kk)
        if yr2 is not None and year_before is None:
            year_before = yr2[0]
            k = yr2[1]
        elif (
            self.w(k) == "of"
            and self.w(k + 1) in ("this", "last", "next")
            and self.w(k + 2) == "year"
        ):
            off = self.lex.deictic_determiners[self.w(k + 1)]
            return Reading(
                i, k + 3, "DATE", lambda c: R.quarter(c, gran, n, None, off), explicit=False
            )
        if year_before is not None:
            p = TimePoint(gran, year=year_before, sub=n)  # type: ignore[arg-type]
            return Reading(i, k, "DATE", _const(p))
        if self.w(i) == "a":
            return None
        return Reading(i, k, "DATE", lambda c: R.quarter(c, gran, n, None, None), explicit=False)

    # ------------------------------------------------------------------ relative
    def deictic(self, i: int) -> Reading | None:
        """ "today", "yesterday morning", "Friday", "last week", "this year", "tonight"."""
        lex = self.lex
        word = self.w(i)
        if word == "the" and self.w(i + 1) in ("past", "last", "coming"):
            inner = self.deictic(i + 1)  # "the past year": the article belongs to it
            if inner is None or inner.type != "DATE":
                return None
            inner.i = i
            return inner
        if word == "year" and self.hyphen(i + 1) and self.w(i + 2) in ("earlier", "ago"):
            return _year_back(i, i + 3)  # "year-earlier profit": the same period a year before
        if word in ("year", "month", "quarter"):  # "year-end", "year end", "year's end"
            k = i + 1
            if self.hyphen(k):
                k += 1
            elif self.w(k) in ("'", "\u2019") and self.w(k + 1) == "s":
                k += 2
            if self.w(k) == "end" and k > i + 1 or (self.w(k) == "end" and self.w(i - 1) != "the"):
                gran = lex.units[word].granularity
                return Reading(
                    i,
                    k + 1,
                    "DATE",
                    _with_end(lambda c: R.unit_offset(c, gran, -1 if c.tense < 0 else 0)),
                    explicit=False,
                )
        if word in lex.day_deictics:
            off = lex.day_deictics[word]
            k = i + 1
            part = "NI" if word == "tonight" else None
            if word != "tonight" and self.w(k) in lex.parts_of_day and not self.plural_unit(k):
                part = lex.parts_of_day[self.w(k)]
                k += 1
            typ = "TIME" if part else "DATE"
            return Reading(i, k, typ, lambda c: R.day_offset(c, off, part), explicit=False)
        wd = self.weekday(i)
        if wd is not None:
            d, k = wd
            if self.w(k) in lex.parts_of_day and self.w(k) not in PLURAL_PARTS:
                k += 1  # "Wednesday night": TimeBank's annotators mostly give the day alone
            return Reading(i, k, "DATE", lambda c: R.weekday(c, d, 0, None), explicit=False)
        if word in lex.deictic_determiners:
            off = lex.deictic_determiners[word]
            k = i + 1
            nxt = self.w(k)
            if nxt in lex.parts_of_day and nxt not in (
                "nights",
                "mornings",
                "evenings",
                "afternoons",
            ):
                part = lex.parts_of_day[nxt]
                day_off = -1 if word == "last" else 1 if word == "next" else 0
                if word == "this" or (word == "last" and nxt == "night") or word == "next":
                    return Reading(
                        i, k + 1, "TIME", lambda c: R.day_offset(c, day_off, part), explicit=False
                    )
                return None
            wd = self.weekday(k)
            if wd is not None and word in ("this", "last", "next", "past", "coming"):
                d, kk = wd
                return Reading(i, kk, "DATE", lambda c: R.weekday(c, d, off, None), explicit=False)
            u = self.unit(k)
            if (
                u is not None
                and u[0] not in ("second", "minute", "hour")
                and not self.plural_unit(k)
            ):
                unit_key = u[0]
                if word == "current" and unit_key not in ("year", "quarter", "month", "week"):
                    return None
                gran = lex.units[unit_key].granularity
                if unit_key == "weekend":
                    return None
                k2 = u[1]
                return Reading(i, k2, "DATE", lambda c: R.unit_offset(c, gran, off), explicit=False)
            if nxt == "weekend":
                return Reading(i, k + 1, "DATE", lambda c: R.weekend(c, off), explicit=False)
        if word == "the" and self.w(i + 1) == "weekend":
            return Reading(i, i + 2, "DATE", lambda c: R.weekend(c, 0), explicit=False)
        return None

    def anaphoric(self, i: int) -> Reading | None:
        """ "the following year", "the next day", "that same month", "the day before"."""
        lex = self.lex
        j = i
        if self.w(j) in ("the", "that"):
            det = self.w(j)
            j += 1
        else:
            return None
        off = 0
        if self.w(j) in lex.anaphoric_determiners and self.w(j) != "that":
            off = lex.anaphoric_determiners[self.w(j)]
            j += 1
        elif det != "that":
            u0 = self.unit(j)
            if u0 is None:
                return None
            # "the year", "the quarter", "the day before"
            if self.w(j + 1) in ("before", "after") and u0[0] in (
                "day",
                "week",
                "month",
                "year",
                "night",
            ):
                off = -1 if self.w(j + 1) == "before" else 1
                if self.w(j + 2) in ("yesterday",):
                    return None
                if self.w(j + 2) and self.w(j + 2) not in (".", ",", ";", "and", "when"):
                    return None
                gran = lex.units[u0[0]].granularity
                return Reading(
                    i,
                    j + 2,
                    "DATE",
                    lambda c: R.anaphor(c, gran, off),
                    anaphoric=True,
                    explicit=False,
                )
            if u0[0] == "year" and not self.plural_unit(j):
                dur = self.w(i - 1) in (
                    "for",
                    "over",
                    "throughout",
                    "during",
                    "all",
                    "whole",
                    "entire",
                )
                if dur:
                    return Reading(
                        i, j + 1, "DURATION", lambda c: TimeValue(type="DURATION", duration="P1Y")
                    )
                return Reading(
                    i,
                    j + 1,
                    "DATE",
                    lambda c: R.unit_offset(c, "year", 0, anaphoric=True),
                    anaphoric=True,
                    explicit=False,
                )
            return None
        if self.w(j) == "same":
            j += 1
        u = self.unit(j)
        if u is None or self.plural_unit(j):
            wd = self.weekday(j)
            if wd is not None and (off != 0 or det == "that"):
                d, k = wd  # "that Monday", "the previous Friday", "the following Tuesday"
                return Reading(
                    i,
                    k,
                    "DATE",
                    lambda c: R.weekday(c, d, off, None, anaphoric=True),
                    anaphoric=True,
                    explicit=False,
                )
            if self.w(j) in lex.parts_of_day and det in ("that", "the"):
                return Reading(
                    i,
                    j + 1,
                    "DATE",
                    lambda c: R.anaphor(c, "day", off),
                    anaphoric=True,
                    explicit=False,
                )
            return None
        gran = lex.units[u[0]].granularity
        if gran in ("second", "minute", "hour"):
            return None
        return Reading(
            i, u[1], "DATE", lambda c: R.anaphor(c, gran, off), anaphoric=True, explicit=False
        )

    def rate(self, i: int) -> bool:
        """Whether "a"/"per" at ``i`` follows a quantity ("four flights a week", "$2 a share")."""
        before = self.w(i - 1)
        if before in self.g.prepositions or before in ("than", "about", "nearly"):
            return False
        for k in range(i - 1, max(-1, i - 4), -1):
            word = self.w(k)
            if not word or (not word.isalnum() and word not in ("$", ".", ",")):
                return False
            if self.is_int(k) or word in self.lex.number_words:
                return True
            if word in ("million", "billion", "thousand", "hundred", "trillion"):
                return True
        return False

    def half_unit(self, i: int) -> Reading | None:
        """ "half a century", "half an hour": half of one unit."""
        if self.w(i) != "half" or self.w(i + 1) not in ("a", "an"):
            return None
        u = self.unit(i + 2)
        if u is None or self.plural_unit(i + 2):
            return None
        value = _half_value(self.lex.units[u[0]])
        if value is None:
            return None
        return Reading(i, u[1], "DURATION", _dur(value), explicit=False)

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
            return Reading(i, yr[1], "DATE", _const(p))
        det = self.w(k + 1)
        if self.w(k + 2) != "year" or det not in ("the", "this", "last", "next"):
            return None
        off = 0 if det in ("the", "this") else self.lex.deictic_determiners[det]
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
        if frac == "5" and whole != "0":
            value = _dur_value(spec.timex, int(whole), spec.n, spec.time, half=True)
        elif spec.n == 1 and spec.timex in ("Y", "M", "W", "D", "H", "S"):
            value = f"PT{text}{spec.timex}" if spec.time else f"P{text}{spec.timex}"
        else:
            return None
        return Reading(i, u[1], "DURATION", _dur(value), explicit=False)

    def duration(self, i: int) -> Reading | None:
        """ "three years", "the past two months", "a decade ago", "two years later", "10-year"."""
        lex = self.lex
        if self.military(i):
            return None  # "at 1900 hours" is a clock time
        halved = self.half_unit(i)
        if halved is not None:
            return halved
        j = i
        lead = None
        if self.w(j) == "the" or (
            self.w(j)
            in ("past", "last", "next", "first", "coming", "recent", "previous", "final", "latest")
            and j == i
        ):
            if self.w(j) == "the":
                j += 1
            if self.w(j) in (
                "past",
                "last",
                "next",
                "first",
                "coming",
                "recent",
                "previous",
                "final",
                "latest",
                "following",
                "preceding",
                "full",
                "entire",
                "whole",
                "same",
            ):
                lead = self.w(j)
                j += 1
        decimal = self.decimal_length(i, j)
        if decimal is not None:
            return decimal
        num = self.number(
            j, allow_article=lead is None or lead in ("past", "last", "first", "next")
        )
        if num is None:
            if lead in ("recent", "past", "last", "coming", "next") or (lead is None and j == i):
                # "recent months", "years", "the past years"
                if self.plural_unit(j) and not (self.tx(j)[:1].isupper() and self.lead_cap(j)):
                    key = lex.unit_plurals[self.w(j)]
                    spec = lex.units[key]
                    if spec.time and lead is None and self.w(i - 1) not in ("within", "for"):
                        return None  # "hours" alone is rarely a time; "for hours" is
                    if lead is None and self.w(j + 1) in ("ago", "earlier", "later", "before"):
                        return Reading(
                            i,
                            j + 2,
                            "DATE",
                            lambda c: TimeValue(
                                type="DATE",
                                ref="PAST_REF" if self.w(j + 1) != "later" else "FUTURE_REF",
                            ),
                            explicit=False,
                        )
                    before = self.w(i - 1)
                    if lead is None and before in ("million", "billion", "thousand", "hundred"):
                        return None  # "3.2 million years": a count we do not read
                    if lead is None and (
                        before in ("the", "a", "those", "these", "two", "three")
                        or self.w(j + 1) in ("of", "old", "-")
                    ):
                        return None
                    if lead is None and key in ("quarter", "season", "night", "fortnight"):
                        return None
                    value = _dur_value(spec.timex, None, spec.n, spec.time)
                    return Reading(i, j + 1, "DURATION", _dur(value), explicit=False)
            return None
        count, k = num
        half = False
        if self.tx(k) == "1" and self.w(k + 1) == "/" and self.tx(k + 2) == "2" and self.adj(k + 1):
            half, k = True, k + 3
        if self.w(k) in ("and", "-") and self.w(k + 1) in ("a", "one") and self.w(k + 2) == "half":
            half, k = True, k + 3
        if self.w(k) in ("more", "additional", "other", "further", "straight", "consecutive"):
            if self.unit(k + 1) is not None:
                k += 1
        hyph = False
        if self.hyphen(k):
            hyph = True
            k += 1
        u = self.unit(k)
        if u is None:
            return None
        key, k2 = u
        spec = lex.units[key]
        if count is None and not self.plural_unit(k):
            return None
        if self.tx(k)[:1].isupper() and k > i and not self.lowercase_text:
            if not self.tx(i)[:1].isupper() or self.tx(k2)[:1].isupper():
                return None  # a title: "60 Minutes", "the Five-Year Plans"
        if self.w(k2) == "and" and self.w(k2 + 1) in ("a", "one") and self.w(k2 + 2) == "half":
            half, k2 = True, k2 + 3
        if self.w(k2) == "or" and self.w(k2 + 1) == "so" and self.w(k2 + 2) in ("ago", "earlier"):
            k2 += 2  # "a week or so ago"
        nxt = self.w(k2)
        if (
            nxt == "old"
            or (self.hyphen(k2) and self.w(k2 + 1) == "old")
            or (nxt == "of" and self.w(k2 + 1) == "age")
        ):
            return None  # an age
        if self.hyphen(k2) and self.w(k2 + 1) in ("earlier", "ago", "long"):
            return None  # "a year-earlier loss", "an hour-long speech": the adjective is the time
        if self.w(j) in ("a", "an") and self.plural_unit(k) and self.hyphen(k2):
            return None  # "a months-long siege": "a" goes with "siege"
        if key == "quarter" and (hyph or (nxt == "of" and self.w(k2 + 1) in self.g.fraction_of)):
            return None  # "three-quarters of", "more than a quarter of the market": a fraction
        if key == "second" and count == 1 and self.w(i) in ("a", "one") and self.tx(k2).isalpha():
            if self.w(k2) not in ("and", "or", "ago", "later", "earlier", "before", "after"):
                return None  # "a second betrayal": an ordinal
        if key == "month" and count is not None:
            part = self.months_of_year(i, lead, count, k2)
            if part is not None:
                return part
        value = _dur_value(spec.timex, count, spec.n, spec.time, half=half)
        relative = nxt in self.g.afterwards or nxt in self.g.beforehand or nxt in ("ago", "before")
        if self.w(i) in ("a", "an") and not relative:
            if self.w(i - 1) in ("once", "twice", "thrice", "times"):
                return Reading(  # "twice a week": a frequency
                    i, k2, "SET", lambda c: TimeValue(type="SET", duration=value), explicit=False
                )
            if self.rate(i):
                return None  # "$500 million a year", "four flights a week": a rate
        start = i + 1 if hyph and self.w(i) in ("the", "a", "an") else i  # "the 30-day limit"
        plain = Reading(start, k2, "DURATION", _dur(value), explicit=False)
        if hyph or count is None or spec.time:
            if count is None and not hyph and nxt in ("ago", "earlier", "before") and lead is None:
                return Reading(
                    i,
                    k2 + 1,
                    "DATE",
                    lambda c: TimeValue(type="DATE", ref="PAST_REF"),
                    explicit=False,
                )
            return (
                plain
                if lead not in ("following", "preceding", "same") or count is not None
                else None
            )
        gran = spec.granularity
        n, mult = count, spec.n
        if nxt == "ago":
            return Reading(
                i,
                k2 + 1,
                "DATE",
                lambda c: R.ago(c, gran, n, mult, -1),
                explicit=False,
                shifted=True,
            )
        if nxt == "from" and self.w(k2 + 1) == "now":
            return Reading(i, k2 + 2, "DATE", lambda c: R.ago(c, gran, n, mult, 1), explicit=False)
        if nxt == "hence":
            return Reading(i, k2 + 1, "DATE", lambda c: R.ago(c, gran, n, mult, 1), explicit=False)
        # "three days after,", "six months on, the purge ended"
        bare = nxt in ("after", "before", "on") and not self.tx(k2 + 1)[:1].isalnum()
        counted_on = nxt in self.g.afterwards or nxt in self.g.beforehand or bare
        if counted_on and self.w(k2 + 1) != "than":
            sign = -1 if nxt in self.g.beforehand or nxt == "before" else 1
            return Reading(
                i,
                k2 + 1,
                "DATE",
                lambda c: R.ago(c, gran, n, mult, sign, anaphoric=True),
                anaphoric=True,
                explicit=False,
                shifted=True,
            )
        if nxt in ("after", "before") and lead is None:
            sign = -1 if nxt == "before" else 1
            target = self.event_ref(k2 + 1)
            if target is not None:
                name, end = target
                known = self.lex.named_events
                return Reading(
                    i,
                    end,
                    "DATE",
                    lambda c: R.after_event(c, known, name, gran, n, mult, sign),
                    anaphoric=True,
                    explicit=False,
                    fallback=plain,
                )
        return plain

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
        value = _dur_value(spec.timex, count, spec.n, spec.time)
        return Reading(i, end, "DURATION", _dur(value), explicit=False)

    def clock_time(self, i: int) -> Reading | None:
        """ "10 p.m.", "10:30 a.m.", "noon", "midnight", "3 o'clock", optionally with a day."""
        word = self.w(i)
        hour = minute = None
        k = i
        halfday = False  # "a.m."/"p.m." or a part of the day was given with the hour
        if word in ("noon", "midday"):
            hour, minute, k = 12, 0, i + 1
        elif word == "midnight":
            hour, minute, k = 24, 0, i + 1
        elif self.military(i):  # "at 1900 hours"
            hour, minute, k = int(word[:2]), int(word[2:]), i + 2
        elif self.is_int(i) or (":" in self.tx(i) and self.tx(i).replace(":", "").isdigit()):
            text = self.tx(i)
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
            ampm = self._ampm(k)
            if ampm is not None:
                half, k = ampm
                if hour < 1 or hour > 12:
                    return None
                hour = hour % 12 + (12 if half == "pm" else 0)
                halfday = True
            elif self.w(k) == "o" and self.w(k + 1) in ("'", "\u2019") and self.w(k + 2) == "clock":
                k += 3
            elif self.words(k, ("in", "the")) and self.w(k + 2) in (
                "morning",
                "afternoon",
                "evening",
            ):
                if not 1 <= hour <= 12:
                    return None
                hour = hour % 12 + (0 if self.w(k + 2) == "morning" else 12)
                halfday = True
                k += 3
            elif ":" not in text:
                return None
            if hour > 24 or minute > 59:
                return None
        else:
            return None
        # zone words are part of the expression
        if self.w(k) in self.g.time_zones and self.tx(k).isupper():
            k += 1
        # optional day: "10 p.m. Wednesday", "noon today", "9:15 a.m. local time on Monday"
        day_r = None
        kk = k + 2 if self.words(k, ("local", "time")) else k
        kk += self.w(kk) in (",", "on")
        part = None
        if self.w(kk) in ("last", "this") and self.w(kk + 1) in self.lex.parts_of_day:
            part = self.lex.parts_of_day[self.w(kk + 1)]  # "11:30 last night"
        if self.w(kk) in self.lex.day_deictics or self.weekday(kk) or part:
            day_r = self.deictic(kk)
        elif self.full_date(kk) is not None:
            day_r = self.full_date(kk)
        if part in ("AF", "EV", "NI") and not halfday and 6 <= hour < 12:
            hour += 12  # "at 11:30 last night" is 23:30
        h, mi = hour, minute
        if day_r is not None:
            dr = day_r
            return Reading(
                i, dr.j, "TIME", lambda c: R.at_time(c, dr.build(c), h, mi), explicit=False
            )
        return Reading(i, k, "TIME", lambda c: R.at_time(c, None, h, mi), explicit=False)

    def military(self, i: int) -> bool:
        """ "at 1900 hours", "by 0600 hrs": a 24-hour clock time (not "for 1900 hours")."""
        text = self.tx(i)
        return (
            len(text) == 4
            and self.is_int(i)
            and self.w(i + 1) in ("hours", "hrs")
            and self.w(i - 1) in ("at", "by", "until", "till", "from", "before", "after", "since")
            and int(text[:2]) < 24
            and int(text[2:]) < 60
        )

    def _ampm(self, k: int) -> tuple[str, int] | None:
        word = self.w(k)
        if word in ("am", "pm"):
            return word, k + 1
        if word in ("a", "p") and self.w(k + 1) == "." and self.w(k + 2) == "m":
            return word + "m", self.dot(k + 3)
        return None

    def recurring(self, i: int) -> Reading | None:
        """ "daily", "every day", "each Thursday", "every other week", "every summer",
        "Tuesday nights"."""
        lex = self.lex
        word = self.w(i)
        if word in lex.sets:
            v = lex.sets[word]
            return Reading(
                i, i + 1, "SET", lambda c: TimeValue(type="SET", duration=v), explicit=False
            )
        if word in ("every", "each", "per"):
            if word == "per" and self.rate(i):
                return None  # "15 million instructions per second": a rate, not a time
            j = i + 1
            step: int | None = 1
            if self.w(j) == "other":
                step = 2
                j += 1
            num = self.number(j) if word != "per" else None
            if num is not None and self.plural_unit(num[1]):
                step, j = num  # "every three years"; "every few years" has no count
            u = self.unit(j)
            if u is not None:
                spec = lex.units[u[0]]
                count = None if step is None else step * spec.n
                v = _dur_value(spec.timex, count, 1, spec.time)
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
            season = self.lex.seasons.get(self.w(j)) if word != "per" else None
            if season is not None:  # "every summer"
                sp = TimePoint("season", sub=season)
                return Reading(
                    i, j + 1, "SET", lambda c: TimeValue.point(sp, type="SET"), explicit=False
                )
            m = self.month(j) if word != "per" else None
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

    def weekly(self, i: int) -> Reading | None:
        """ "Mondays", "Tuesday nights": a weekday that recurs."""
        word = self.w(i)
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
        if self.w(j) in ("last", "this", "next"):
            det = self.lex.deictic_determiners[self.w(j)]
            j += 1
        if not self.cap(j):
            return None
        best: tuple[str, int] | None = None
        phrase = ""
        for k in range(j, min(self.n, j + 6)):
            phrase += (" " if k > j and self.t[k].space_before else "") + self.w(k)
            if phrase in self.lex.holidays:
                best = (self.lex.holidays[phrase], k + 1)
        if best is None:
            return None
        rule, k = best
        yr = self.year(k + (self.w(k) == ","))
        if yr is not None:
            year = yr[0]
            hit = A.holiday(rule, year)
            if hit is None:
                return None
            p = TimePoint("day", year=year, month=hit[0], day=hit[1])
            return Reading(i, yr[1], "DATE", _const(p))
        if self.w(k) == "week":  # "Easter week": the week holding the day
            return Reading(
                i, k + 1, "DATE", lambda c: R.week_of(R.holiday(c, rule, det)), explicit=False
            )
        return Reading(i, k, "DATE", lambda c: R.holiday(c, rule, det), explicit=False)

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
        for phrase in _longest_first(lex.ref_phrases).get(self.w(i), ()):
            if self.words(i, phrase):
                j = i + len(phrase)
                if phrase[-1] in ("past", "future", "present") and self.w(j) in set(
                    lex.unit_plurals
                ) | {
                    "few",
                    "several",
                    "two",
                    "three",
                    "four",
                    "five",
                    "decade",
                    "year",
                    "month",
                    "week",
                }:
                    return None
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
                return Reading(start, j, "DATE", _ref_builder(val), explicit=False)
        word = self.w(i)
        if word in lex.refs:
            if word == "current" and self.w(i + 1) in set(lex.unit_plurals) | set(lex.units):
                return None
            if word == "future" and self.w(i - 1) not in ("the", "near", "distant", "in"):
                return None  # "future losses": an adjective
            if word == "recent" and self.w(i + 1) in lex.unit_plurals:
                return None
            val = lex.refs[word]
            return Reading(i, i + 1, "DATE", lambda c: R.ref(c, val), explicit=False)
        return None


# ---------------------------------------------------------------------- combinators
Parser.rules = (
    Parser.full_date,
    Parser.dual_date,
    Parser.day_range,
    Parser.day_alone,
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


def _year_back(i: int, j: int) -> Reading:
    """Tokens ``i:j`` name the period being reported, a year back ("the year-ago quarter")."""
    return Reading(i, j, "DATE", R.year_ago, anaphoric=True, explicit=False, shifted=True)


def _with_mod(inner: Reading, i: int, mod: str) -> Reading:
    b = inner.build

    def build(c: Context) -> TimeValue | None:
        v = b(c)
        if v is None:
            return None
        if mod in ("START", "MID", "END") and v.type == "DURATION":
            return v
        return v.with_(mod=mod, approximate=v.approximate or mod == "APPROX")

    return Reading(i, inner.j, inner.type, build, inner.anaphoric, inner.explicit, inner.event_name)


def _julian(inner: Reading, end: int) -> Reading:
    b = inner.build

    def build(c: Context) -> TimeValue | None:
        v = b(c)
        return v.with_(calendar="julian") if v else None

    return Reading(
        inner.i, end, inner.type, build, inner.anaphoric, inner.explicit, inner.event_name
    )


def _same_month(build: Builder, day: int) -> Builder:
    def other_day(c: Context) -> TimeValue | None:
        v = build(c)
        p = v.start if v is not None else None
        if p is None or p.month is None:
            return None
        if day > days_in_month(p.year if p.year is not None else 2000, p.month):
            return None
        return TimeValue.point(TimePoint("day", year=p.year, month=p.month, day=day))

    return other_day


def _with_end(build: Builder) -> Builder:
    def ended(c: Context) -> TimeValue | None:
        v = build(c)
        return v.with_(mod="END") if v else None

    return ended


def _approx(inner: Reading, i: int) -> Reading:
    b = inner.build

    def build(c: Context) -> TimeValue | None:
        v = b(c)
        return v.with_(approximate=True, mod=v.mod or "APPROX") if v else None

    return Reading(i, inner.j, inner.type, build, inner.anaphoric, inner.explicit, inner.event_name)


def _bounded(inner: Reading, i: int, mod: str) -> Reading:
    b = inner.build

    def build(c: Context) -> TimeValue | None:
        v = b(c)
        if v is None or v.ref:
            return v
        # "before the war" ends where the war starts; "by 1928" and "after the war" use its end
        if mod in ("BEFORE", "ON_OR_BEFORE"):
            end = v.start if mod == "BEFORE" else v.end
            return v.with_(start=None, end=end, open_start=True, open_end=False, mod=mod)
        start = v.end if mod == "AFTER" else v.start
        return v.with_(start=start, end=None, open_end=True, open_start=False, mod=mod)

    return Reading(i, inner.j, inner.type, build, inner.anaphoric, inner.explicit, inner.event_name)


def _range(first: Reading, second: Reading, *, split: bool = False) -> Reading:
    b1, b2 = first.build, second.build

    def build(c: Context) -> TimeValue | None:
        v1 = b1(c)
        v2 = b2(c)
        if v1 is None or v2 is None or v1.start is None or v2.end is None:
            return v1
        start, end = v1.start, v2.end
        # "July 20 - Aug. 6, 1789": the first part borrows the second's year
        if start.year is None or (start.granularity == "day" and first.explicit is False):
            if end.year is not None:
                start = TimePoint(
                    start.granularity,
                    year=end.year,
                    month=start.month,
                    day=start.day,
                    sub=start.sub,
                )
        lo, hi = start.earliest(), end.latest()
        if lo is None or hi is None or lo > hi:
            return v1
        from chronologist.temporal.notation import span_duration

        return TimeValue(type="DURATION", start=start, end=end, duration=span_duration(start, end))

    explicit = first.explicit or second.explicit
    parts = (first, second) if split else None
    kind = "DATE" if split else "DURATION"
    return Reading(first.i, second.j, kind, build, first.anaphoric, explicit, parts=parts)


def _dur_value(letter: str, count: int | None, n: int, time: bool, *, half: bool = False) -> str:
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
            if letter == "Y":
                return f"P{total}Y6M"
            if letter == "H" and time:
                return f"PT{total}H30M"
            elif letter == "M" and time:
                return f"PT{total}M30S"
            elif letter == "D":
                letter, amount = "H", str(total * 24 + 12)
                time = True
    return f"PT{amount}{letter}" if time else f"P{amount}{letter}"


PLURAL_PARTS = frozenset({"mornings", "afternoons", "evenings", "nights"})


def _half_value(unit: Unit) -> str | None:
    """Half of one unit as a TIMEX3 duration: a year is P6M, a century P50Y, a day PT12H."""
    if unit.timex == "Y":
        return f"P{unit.n // 2}Y" if unit.n > 1 else "P6M"
    halves = {("D", False): "PT12H", ("H", True): "PT30M", ("M", True): "PT30S"}
    return halves.get((unit.timex, unit.time))


def default_lexicon() -> Lexicon:
    """The bundled English lexicon."""
    return load_lexicon("en")
