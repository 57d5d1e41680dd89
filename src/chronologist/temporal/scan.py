"""The parser's view of the tokens: lookups and the lexical pieces every rule reads.

``Scanner`` wraps one segment's tokens. Its lookups (``w``, ``tx``, ``is_int``) index
padded lists, so the rules can look a few tokens either side of any position without a
bounds test. Its pieces read months, weekdays, counts, ordinals, years and eras, each
returning the value and the index after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from chronologist.temporal.lexicon import OPENING_DETERMINERS, Lexicon
from chronologist.temporal.tense import ends_sentence, in_sentence
from chronologist.temporal.tokens import Token


@cache
def longest_first(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


@cache
def by_first(
    pairs: tuple[tuple[tuple[str, ...], str], ...],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """(phrase, mod) pairs by the phrase's first word, in lexicon order."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pair in pairs:
        out.setdefault(pair[0][0], []).append(pair)
    return {k: tuple(v) for k, v in out.items()}


PAD = 64
"""Empty tokens after a segment's last. The rules look a few tokens either side of an
index; past the end, and at indices -64..-1, they find these, so the per-token lookups
(``w``, ``tx``, ``is_int``) are plain list indexing, with no bounds test."""
GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
"""A count written with thousands separators ("1,294", "70,000")."""


UNIT_ABBREVIATIONS = frozenset({"sec", "secs", "min", "mins", "hr", "hrs"})
"""Short unit words that, written in capitals, name something else ("the SEC")."""


def _next_index(lows: tuple[str, ...], wanted: frozenset[str]) -> list[int]:
    """For each index, the first index from it on whose word is in ``wanted`` (else past
    the end)."""
    out = [0] * len(lows)
    nxt = 2 * len(lows) + 1
    for k in range(len(lows) - 1, -1, -1):
        if lows[k] in wanted:
            nxt = k
        out[k] = nxt
    return out


NOT_NOUNS = frozenset(
    {"there", "it", "he", "she", "they", "we", "i", "you", "the", "a", "an", "and", "or"}
    | {"but", "when", "as", "that", "this", "his", "her", "their", "its", "our", "was"}
    | {"were", "is", "are", "had", "has", "local", "eastern", "central", "pacific"}
    | {"with", "without", "amid", "despite", "because", "while", "so", "then", "to"}
)
"""Words after "mid-afternoon" or "in the morning" that start the clause or name a zone: no
noun the time describes."""


class Scanner:
    """Token lookups and lexical pieces over the tokens of one text segment."""

    def __init__(
        self,
        toks: list[Token],
        lex: Lexicon,
        *,
        lowercase_text: bool = False,
        narrative: bool = True,
    ) -> None:
        self.t = toks
        self.narrative = narrative
        """History prose: three-digit years without an era word are read ("in 843 the")."""
        self.n = len(toks)
        self.lex = lex
        self.g = lex.grammar
        """The grammar words the rules test ("prepositions", "afterwards", ...)."""
        self.lowercase_text = lowercase_text
        pad = [""] * PAD
        self.lows = tuple([t.low for t in toks] + pad)
        """Each token lowercased, then the padding."""
        self.w: Callable[[int], str] = self.lows.__getitem__
        """Token ``i`` lowercased ("" outside the segment)."""
        self.tx: Callable[[int], str] = ([t.text for t in toks] + pad).__getitem__
        """Token ``i`` as written ("" outside the segment)."""
        ints = [len(t.text) <= 9 and t.text.isascii() and t.text.isdigit() for t in toks]
        self.is_int: Callable[[int], bool] = (ints + [False] * PAD).__getitem__
        """Token ``i`` is a whole number of at most nine digits."""
        self._next: dict[frozenset[str], list[int]] = {}
        self._capitals: dict[str, list[int]] | None = None

    def near(self, i: int, words: frozenset[str], reach: int) -> bool:
        """One of ``words`` stands within ``reach`` tokens from token ``i`` on (a fast test,
        from a table built once per segment and vocabulary)."""
        table = self._next.get(words)
        if table is None:
            table = self._next[words] = _next_index(self.lows, words)
        return i < len(table) and table[i] - i <= reach

    def capitalized_at(self, word: str) -> list[int]:
        """Where ``word`` (lowercase) is written with a capital, in order (a table built once
        per segment)."""
        if self._capitals is None:
            table: dict[str, list[int]] = {}
            for k, tok in enumerate(self.t):
                if tok.text[:1].isupper():
                    table.setdefault(tok.low, []).append(k)
            self._capitals = table
        return self._capitals.get(word, [])

    def adj(self, i: int) -> bool:
        """Token ``i`` follows the previous one with no space."""
        return 0 < i < self.n and not self.t[i].space_before

    def openings(self) -> list[int]:
        """The tokens that may open an expression: numbers and the words that open one
        (a superset of ``may_open``, cheap to list)."""
        starts = self.lex.starts
        return [k for k, t in enumerate(self.t) if t.low in starts or t.text[:1].isdigit()]

    def may_open(self, i: int) -> bool:
        """Token ``i`` may open a time expression (a fast pre-filter): a number, a word that
        opens one, or an article with a time word among the next two tokens."""
        word = self.w(i)
        if word in OPENING_DETERMINERS:
            return self.time_word(i + 1) or self.time_word(i + 2)
        return word in self.lex.starts or self.tx(i)[:1].isdigit()

    def time_word(self, i: int) -> bool:
        """Token ``i`` is a number or a word of the lexicon's time vocabulary."""
        return self.w(i) in self.lex.after_article or self.tx(i)[:1].isdigit()

    def cap(self, i: int) -> bool:
        return 0 <= i < self.n and (self.t[i].text[:1].isupper() or self.lowercase_text)

    def words(self, i: int, seq: tuple[str, ...]) -> bool:
        """Tokens from ``i`` on are the words ``seq``."""
        return i >= 0 and self.lows[i : i + len(seq)] == seq

    def dot(self, i: int) -> int:
        """Skip an abbreviation's period right after token ``i - 1``."""
        return i + 1 if self.w(i) == "." and self.adj(i) else i

    def opens_phrase(self, i: int) -> bool:
        """Token ``i`` begins a word, a sum or a quoted title ("before the cuts", "before $85
        billion", 'after "Man of Steel"'), not a mark that closes the clause ("two years
        before.")."""
        first = self.tx(i)[:1]
        return first.isalnum() or first in '$\u20ac\u00a3\u00a5"\u201c'  # or a title in quotes

    def opens_sentence(self, i: int) -> bool:
        """Token ``i`` opens a sentence or a quotation."""
        return i == 0 or ends_sentence(self.t, i - 1) or self.w(i - 1) in ('"', "\u201c", "``")

    def possessive_s(self, k: int) -> bool:
        """ "'s" stands at ``k`` ("May's figure", "the store's last day")."""
        return self.w(k) in ("'", "\u2019") and self.w(k + 1) == "s"

    def hyphen(self, i: int) -> bool:
        return self.w(i) in ("-", "\u2010", "\u2011") and self.adj(i) and self.adj(i + 1)

    def month(self, i: int) -> tuple[int, int] | None:
        """Month name at ``i``: (month, next index)."""
        word = self.w(i)
        m = self.lex.months.get(word)
        if m is None or not self.cap(i):
            return None
        later = self.w(i + 2)  # not "in March from February", "March to May"
        named = self.cap(i + 2) and later not in self.lex.weekdays and later not in self.lex.months
        if word == "march" and self.w(i + 1) in ("on", "to", "from", "of") and named:
            return None  # "the March on Washington", "the March of Dimes": a march
        j = i + 1
        if len(word) <= 4 and word not in ("may", "june", "july"):
            if self.w(j) == "." and self.adj(j):
                j += 1
            elif word not in ("sept",) and len(word) == 3 and word in self.lex.ambiguous_months:
                # "Jan", "Aug" without a period: only before a number.
                if not self.is_int(j):
                    return None
        return m, j

    def month_ends(self, k: int) -> bool:
        """A month's name ("March", "Aug.") ends right before token ``k``."""
        m = self.month(k - 1) or self.month(k - 2)
        return m is not None and m[1] == k

    def weekday(self, i: int) -> tuple[int, int] | None:
        word = self.w(i)
        d = self.lex.weekdays.get(word)
        if d is None or not self.cap(i):
            return None
        if len(word) <= 5 and not word.endswith("day"):
            if self.w(i + 1) == "." and self.adj(i + 1) and self.w(i - 1) != "the":
                return d, i + 2  # "Sun., Nov. 3" (not "before the Sun.")
            return None
        return d, i + 1

    def number(self, i: int, *, allow_article: bool = False) -> tuple[int | None, int] | None:
        """A count: digits, number words ("twenty-four"), or vague ("several": None); of
        two offered ("two or three"), the larger."""
        count = self.count(i, allow_article=allow_article)
        if count is None or count[0] is None or self.w(count[1]) != "or":
            return count
        other = self.count(count[1] + 1)
        if other is None or other[0] is None or not count[0] < other[0] <= 10 * count[0]:
            return count
        return other

    def count(self, i: int, *, allow_article: bool = False) -> tuple[int | None, int] | None:
        """A single count (see ``number``)."""
        word = self.w(i)
        if self.is_int(i):
            v = int(self.t[i].text)
            return v, i + 1
        if GROUPED.fullmatch(word):
            return int(word.replace(",", "")), i + 1
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
        if word == "another" and (self.is_int(i + 1) or self.w(i + 1) in self.lex.number_words):
            counted = self.number(i + 1)  # "another six years"
            return counted if counted is not None and counted[0] != 1 else (1, i + 1)
        if allow_article and word in ("a", "an", "one", "another"):
            if word != "one" or self.w(i + 1) not in ("hundred", "thousand"):
                return 1, i + 1
        if word in self.lex.vague_counts:
            j = i + 1 + (self.w(i + 1) == "of" and word == "couple")
            return None, j
        spelled = self.lex.number_words.get(word)
        if word in ("hundred", "thousand") and self.w(i - 1) in self.g.span_leads:
            spelled = 1  # "the next hundred years"
        if spelled is None:
            return None
        base, j = spelled, i + (word not in ("hundred", "thousand"))
        if 20 <= base <= 90 and base % 10 == 0:
            k = j + 1 if self.hyphen(j) else j
            unit = self.lex.number_words.get(self.w(k))
            if unit is not None and 1 <= unit <= 9:
                base += unit
                j = k + 1
        if self.w(j) in ("hundred", "thousand"):
            base *= 100 if self.w(j) == "hundred" else 1000
            j += 1
            k = j + (self.w(j) == "and")  # "one hundred and fifty"
            rest = self.number(k) if self.w(k) in self.lex.number_words else None
            if rest is not None and rest[0] is not None and rest[0] < 100:
                return base + rest[0], rest[1]
        return base, j

    def modifies_noun(self, k: int) -> bool:
        """A lowercase word at ``k`` that a time word before it describes ("late-night hours",
        "during the overnight shift"), or a capitalized one after a capitalized time word
        ("LATE-NIGHT SERVICE"); not a day ("mid-afternoon yesterday") or a preposition."""
        word = self.tx(k)
        shouted = word.isupper() and self.tx(k - 1).isupper()  # "CUTS LATE-NIGHT SERVICE"
        if shouted and (self.weekday(k) is not None or self.month(k) is not None):
            return False
        word = word.lower() if shouted else word
        if not word.isalpha() or not word.islower() or word in NOT_NOUNS:
            return False
        return word not in self.lex.day_deictics and word not in self.g.prepositions

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
        deep = self.deep_past(i)
        if deep is not None:
            return deep
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
        joined = self.w(i + 1) in ("and", "or", "to") and self.is_int(i + 2)
        shared = self.era(i + 3) if joined and val > 0 else None
        if shared is not None and shared[0] < 0 and int(self.tx(i + 2)) < val:
            return 1 - val, i + 1  # "in 123 and 122 BC": the era both years share
        if len(text) == 4 and (1000 <= val <= 2199 or loose):
            after = self.w(i + 1)
            if val < 1500 and not self.narrative and not loose and after.isalpha():
                if after not in self.g.year_followers:
                    return None  # news: "about 1000 mortgage jobs", not the year 1000
            return val, i + 1
        if len(text) == 2 and self.narrative and val > 31 and self.month_ends(i):
            return val, i + 1  # "in January 41", "the fire of July 64": no day, a year
        if len(text) != 3 or not self.narrative:
            return None  # news has no year 843 that an era word does not mark
        if len(text) == 3 and self.line_start(i) and val > 0:
            # a chronology line: "330 - Constantinople dedicated", "527: Justinian I ...",
            # "c. 395 - ...", "527-565 - Reign of Justinian I"
            if self.w(i + 1) in ("-", ":", "\u2013", "\u2014"):
                return val, i + 1
        if len(text) == 3 and self.w(i - 1) in ("and", "to", "until") and self.is_int(i - 2):
            start = self.tx(i - 2)  # the end of "between 395 and 413."
            if len(start) == 3 and int(start) < val and self.short_year_slot(i - 2):
                return val, i + 1
        if len(text) == 3 and self.w(i - 1) in ("-", "\u2013") and self.adj(i) and self.adj(i - 1):
            start = self.tx(i - 2)  # the end of "in 674-678"
            if (
                len(start) == 3
                and start.isdigit()
                and int(start) < val
                and self.short_year_slot(i - 2)
            ):
                return val, i + 1
        if len(text) == 3 and self.w(i - 1) in ("-", "\u2013") and self.line_start(i - 2):
            if self.is_int(i - 2) and self.w(i + 1) in ("-", ":", "\u2013", "\u2014"):
                return val, i + 1  # the end of "527-565 - ..."
        if len(text) == 3 and val >= 100 and self.short_year_slot(i):
            return val, i + 1
        return None

    def deep_past(self, i: int) -> tuple[int, int] | None:
        """ "15,000 BC", "10000 BCE": a prehistoric year of five or more digits (or with a
        thousands comma), round to the hundred as such dates are, before an era word that
        makes it BC ("99999 BC" is no date)."""
        text = self.tx(i)
        if len(text) < 5 or not text[0].isdigit():
            return None
        digits = text.replace(",", "")
        if not digits.isdigit() or (len(digits) <= 4 and "," not in text) or len(digits) > 7:
            return None
        if int(digits) % 100:
            return None
        if "," in text and not GROUPED.fullmatch(text):
            return None
        era = self.era(i + 1)
        if era is None or era[0] > 0:
            return None
        return 1 - int(digits), era[1]

    def clipped_year(self, i: int) -> tuple[int, int] | None:
        """ "spring '98", "in '45", "the '62 storm": two digits after an apostrophe, in a
        dated slot (after a month, a season, "in", "since", "of", "after", or "the" before a
        noun); 31-99 are 19xx, 00-30 are 20xx."""
        if not self.adj(i + 1) or not self.is_int(i + 1):
            return None
        if len(self.tx(i + 1)) != 2 or self.w(i + 2) == "s":
            return None
        prev = self.w(i - 1)
        if not (
            prev in ("in", "since", "of", "until", "by", "after", "before")
            or prev in self.lex.seasons
            or self.month(i - 1) is not None
            or (prev == "the" and self.tx(i + 2).isalpha() and self.tx(i + 2).islower())
        ):
            return None
        yy = int(self.tx(i + 1))
        return (1900 + yy if yy > 30 else 2000 + yy), i + 2

    def short_year_slot(self, i: int) -> bool:
        """A three-digit number in a clearly dated slot: after "in", "since", a month, a
        season or a day ("December 771", "the summer of 772", "Christmas Day, 800", "March
        15, 800"), and before a pause
        or a new clause ("in 843 the empire ...", not "in 843 cases")."""
        prev = self.w(i - 1)
        if prev == "." and self.w(i - 2) in ("c", "ca") and self.adj(i - 1):
            prev = "c"  # "c. 870"
        if prev in ("about", "approximately") and self.w(i - 2) in self.g.short_year_leads:
            prev = "around"  # "ended in about 410"
        named = self.month(i - 1) is not None or (prev == "day" and self.cap(i - 1))
        if prev == "of":  # "the summer of 772", "the Treaty of Verdun of 843"
            named = self.w(i - 2) in self.lex.seasons or self.month(i - 2) is not None
            named = named or self.cap(i - 2) or self.w(i - 2) in self.g.event_nouns
        elif prev == ",":  # "on Christmas Day, 800", "on 25 December, 800", "March 15, 44",
            # "Aug. 9, 378"
            day = self.is_int(i - 2) and int(self.tx(i - 2)) <= 31 and self.month_ends(i - 2)
            named = (self.w(i - 2) == "day" and self.cap(i - 2)) or bool(day)
            named = named or self.month(i - 2) is not None
        nxt = self.w(i + 1)
        if prev in ("from", "between") and nxt in ("to", "until", "and"):
            other = self.tx(i + 2)  # "from 867 to 1056", "between 395 and 413."
            if len(other) == 3 and other.isdigit() and int(other) > int(self.tx(i)):
                return (
                    self.w(i + 3) in (".", ",", ";", ")", "")
                    or self.w(i + 3) in self.g.after_short_year
                )
            return self.year(i + 2) is not None
        if not named and prev not in self.g.short_year_leads:
            return False
        if nxt in ("-", "\u2013") and self.adj(i + 1) and self.adj(i + 2) and self.is_int(i + 2):
            end = self.tx(i + 2)  # "in 674-678": a range of three-digit years, before a pause
            after = self.w(i + 3)  # or a new clause (not "in 250-300 games")
            told = after in (".", ",", ";", ")", "") or after in self.g.after_short_year
            told = told or after in self.g.prepositions or self.cap(i + 3)
            return len(end) == 3 and int(end) > int(self.tx(i)) and told
        if named and nxt in ("-", "\u2013", "\u2014") and self.cap(i + 2):
            return True  # a chronology line: "March 415 - The philosopher Hypatia is killed"
        if prev == "by":  # "By 751 he commanded", not "rose by 300 in 1990"
            return nxt in self.g.after_short_year and self.tx(i - 1) == "By"
        if nxt in (".", ",", ";", ")", ""):
            return True
        if nxt in self.g.after_short_year or nxt in self.g.prepositions:
            return True
        counted = self.w(i + 2).endswith("s") and self.tx(i + 2).islower()  # "164 Apple stores"
        counted = counted or (self.tx(i + 1).isupper() and len(self.tx(i + 1)) > 1)  # "300 US"
        return self.cap(i + 1) and self.tx(i + 1).isalpha() and not counted

    def headline(self, k: int) -> bool:
        """Token ``k`` stands in a title-case line ("Shutdown Ends After 16 Days"), where
        capitals mark no names: most words of four letters or more capitalized, some short
        word in lower case, no sentence mark at the end (not a dateline, "WASHINGTON,
        August 8 (Xinhua) --")."""
        start = k
        while start > 0 and not self.t[start].newline_before:
            start -= 1
        end = k + 1
        while end < self.n and not self.t[end].newline_before:
            end += 1
        words = [t.text for t in self.t[start:end] if t.text.isalpha()]
        long = [w for w in words if len(w) >= 4]
        if len(words) < 3 or len(long) < 2 or self.t[end - 1].text in (".", "?", "!", ":"):
            return False
        if not any(w.islower() for w in words) and len(words) < 5:
            return False  # a name line; "Giffords Marks Two Years Since Tucson Shooting" is long
        return sum(w[0].isupper() for w in long) >= 0.8 * len(long)

    def in_sentence(self, k: int, step: int, span: int) -> Iterator[int]:
        """Indices from ``k`` on in direction ``step``, for at most ``span`` words, up to a
        sentence end."""
        return in_sentence(self.t, k, step, span)

    def new_line(self, i: int) -> bool:
        """Token ``i`` opens a line with a capital, a new sentence or paragraph: "what
        comes next" + line break + "One year ago" are two phrases."""
        return 0 < i < self.n and self.t[i].newline_before and self.tx(i)[:1].isupper()

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
        if self.tx(i).isupper() and self.w(i) in UNIT_ABBREVIATIONS:
            return None  # "An SEC spokesman": an agency, no second
        found = self.lex.unit(self.w(i))
        return (found[0], i + 1) if found else None

    def lead_cap(self, i: int) -> bool:
        """Token ``i`` is capitalised inside a sentence (a name or title)."""
        prev = self.tx(i - 1)
        return (
            i > 0 and prev not in (".", "!", "?", '"', "``", "'") and not self.t[i].newline_before
        )

    def masthead(self, i: int) -> bool:
        """Capitals at ``i`` end a paper's or a programme's name ("(USA TODAY)", "CNN
        TODAY:", "ABC WORLD NEWS TONIGHT") and close it or its line."""
        prev = self.tx(i - 1)
        if not (self.tx(i).isupper() and prev.isupper() and prev.isalpha()):
            return False
        named = prev in ("USA", "NEWS") or self.t[i - 1].newline_before or i == 1
        closed = i + 1 >= self.n or self.t[i + 1].newline_before
        closed = closed or self.tx(i + 1) in (":", "(", ")", ",")  # "NEWS TONIGHT, June 22"
        return named and closed

    def title_at(self, i: int) -> bool:
        """A title, not a time: ABC's "This Week", "VOA Today", "CNN TODAY:", the film "High
        Noon", "The Sunday Times"."""
        tok = self.t[i]
        if tok.low == "noon" and self.w(i - 1) == "high":
            return True
        if tok.low in self.lex.day_deictics and self.masthead(i):
            return True  # "(USA TODAY)", "CNN TODAY:": a newspaper's or a programme's name
        if self.lowercase_text or not tok.text[:1].isupper() or tok.text.isupper():
            return False
        if tok.low in ("this", "next", "last") and self.unit(i + 1) is not None:
            # ABC's "This Week"; not a headline's "Decision Unlikely Before Next Year"
            return self.tx(i + 1)[:1].isupper() and not self.headline(i)
        if tok.low in ("today", "tonight", "tomorrow", "yesterday", "now"):
            # not "-- Today, the", nor a headline's "Michigan Meet Tonight for National Title"
            return self.lead_cap(i) and self.tx(i - 1)[:1].isalnum() and not self.headline(i)
        if tok.low in self.lex.weekdays and self.w(i + 1) in self.lex.parts_of_day:
            # "Monday Night Football": a weekday, a part of day and a name, all capitalized
            named = self.tx(i + 1)[:1].isupper() and self.tx(i + 2)[:1].isupper()
            return named and not self.new_line(i + 2)  # not a headline's last "Sunday Night"
        if tok.low in self.lex.weekdays and self.w(i + 1) in ("school", "schools"):
            return True  # "Sunday school"
        if tok.low in self.lex.weekdays and self.cap(i - 1) and self.lead_cap(i - 1):
            # "the Good Friday Agreement": a weekday inside a name (not a headline's "Schools
            # Cut Budget Monday" before a line break)
            after = self.tx(i + 1)
            if after[:1].isupper() and after.isalpha() and self.month(i + 1) is None:
                # not a headline's "Exchanges Open Tuesday Amid Glitches" (but its "Good
                # Friday Agreement": a holiday's name)
                holiday = f"{self.w(i - 1)} {tok.low}" in self.lex.holidays
                return not self.new_line(i + 1) and (holiday or not self.headline(i))
        if tok.low in self.lex.weekdays and self.w(i - 1) == "the":
            # "The Sunday Times", "the Sunday Telegraph": a name, not "the Sunday before"
            after = self.tx(i + 1)
            return after[:1].isupper() and after.isalpha() and self.month(i + 1) is None
        return False

    def plural_unit(self, i: int) -> bool:
        return self.w(i) in self.lex.unit_plurals
