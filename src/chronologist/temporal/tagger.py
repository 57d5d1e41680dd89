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
from typing import Literal

from chronologist.errors import InvalidDate
from chronologist.models import Span, TimeMention
from chronologist.temporal.lexicon import load_lexicon
from chronologist.temporal.rules import (
    FUTURE_MARKERS,
    NOT_PAST,
    PAST_MARKERS,
    Context,
    Parser,
    Reading,
)
from chronologist.temporal.tokens import Token, segments, tokenize
from chronologist.timemodel import TimePoint, TimeValue, days_in_month

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


PRESENT = 2
SCAN = 10
"""How many tokens either side of a time expression the tense scan looks at."""
PRESENT_MARKERS = frozenset({"is", "are", "am", "says", "say"})


DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "our"})
LOOKS_AHEAD_TO = frozenset(
    "expected scheduled set due going plans plan planned planning intends intend hopes hope "
    "aims aim likely poised slated ready prepared wants want seeks seek about is are".split()
)
"""Words after which "to" + verb points ahead ("expected to rise"); a bare "to" does not
("amounted to more", "agreed to pay")."""


PLANS_GONE_BY = frozenset(["been", "had", "previously", "originally"])
"""Words before a word of intent that put the plan in the past ("had been due to expire")."""
SCHEDULED = frozenset(
    "meet meets begin begins start open opens resume resumes arrive arrives leave travel "
    "travels".split()
)
"""Present-tense verbs that, with a day named, speak of a scheduled future."""
MODALS = frozenset("may might can could should must".split())


def _marker(toks: list[Token], k: int) -> int:
    word = toks[k].low
    previous = toks[k - 1].low if k > 0 else ""
    following = toks[k + 1].low if k + 1 < len(toks) else ""
    if word in FUTURE_MARKERS and previous not in DETERMINERS:  # "the plan" is a noun
        if previous in PLANS_GONE_BY:
            return -1  # "as previously planned Saturday night": a plan now past
        if word != "set" or following in ("to", "for"):  # "a record set on Aug. 6" is past
            return 1
    if word == "ll" and k > 0 and toks[k - 1].text in ("'", "\u2019"):
        return 1
    if (
        word == "to"
        and previous in LOOKS_AHEAD_TO
        and k + 1 < len(toks)
        and toks[k + 1].text.isalpha()
        and toks[k + 1].text.islower()
        and toks[k + 1].low not in DETERMINERS
        and not toks[k + 1].low.endswith("ed")
    ):
        return -1 if k >= 2 and toks[k - 2].low in PLANS_GONE_BY else 1
    if word in PRESENT_MARKERS:
        return PRESENT
    if word in SCHEDULED and previous not in DETERMINERS and previous not in ("to", "will"):
        return 1  # "they meet separately Monday", "trading resumes Tuesday"
    participle = word in PAST_MARKERS or (
        len(word) > 4
        and word.endswith("ed")
        and word not in NOT_PAST
        and toks[k].text.isalpha()
        and toks[k].text.islower()  # "United", "Red": names, not verbs
    )
    if participle and previous in MODALS:
        return 0  # "may last several months": a bare verb after a modal
    # "was completed" is past; "is heard" is not; "to be completed" lies ahead
    if participle and k >= 2 and toks[k - 1].low == "be" and toks[k - 2].low == "to":
        return 1
    if participle and (k == 0 or toks[k - 1].low not in ("be", "been", "being", "to", "is", "are")):
        return -1
    return 0


UNTIL = 3
LEADS = {
    ("since",): -1,
    ("until",): UNTIL,
    ("as", "soon", "as"): 1,
    ("as", "early", "as"): 1,
}
"""Words shortly before an expression that settle which way it points: "since Jan. 13"
looks back, "as soon as Tuesday" and "until mid-November" look ahead."""
LEAD_SPAN = 4


def _lead(toks: list[Token], i: int) -> int:
    """The direction set by the nearest lead phrase within ``LEAD_SPAN`` tokens before ``i``."""
    for k in range(i - 1, max(-1, i - 1 - LEAD_SPAN), -1):
        if toks[k].text in (".", "!", "?", ";", ","):
            break
        for key, direction in LEADS.items():
            n = len(key)
            if k - n + 1 >= 0 and tuple(t.low for t in toks[k - n + 1 : k + 1]) == key:
                return direction
    return 0


def tense_at(toks: list[Token], i: int, j: int) -> int:
    """Tense of the clause around tokens ``i:j``: 1 future, -1 past, 0 unknown.

    The nearest tense marker before the expression decides (English verbs mostly precede
    their time adverbials); failing that, the nearest one after it. A present-tense verb
    ("is payable Jan. 2") settles it as unknown. Scans stop at sentence punctuation and
    look at most ``SCAN`` tokens away. A possessive weekday ("Wednesday's ruling") is past.
    """
    if j + 1 < len(toks) and toks[j].text in ("'", "\u2019") and toks[j + 1].low == "s":
        # "Wednesday's ruling" is past, "Thursday's vote is expected to be close" is not
        return 1 if _scan(toks, j + 2, 1, through_present=True) == 1 else -1
    lead = _lead(toks, i)
    if lead == UNTIL:  # "until Thursday, they had not called him" looks back from the past
        return -1 if _pluperfect(toks, i) or _had_after(toks, j) else 1
    if lead:
        return lead
    for step, first in ((-1, i - 1), (1, j)):
        found = _scan(toks, first, step)
        if found:
            return 0 if found == PRESENT else found
    return 0


def _scan(toks: list[Token], k: int, step: int, *, through_present: bool = False) -> int:
    """The first tense marker from token ``k`` on in direction ``step`` within the sentence."""
    for _ in range(SCAN):
        if not 0 <= k < len(toks) or toks[k].text in (".", "!", "?", ";"):
            break
        found = _marker(toks, k)
        if found and not (through_present and found == PRESENT):
            return found
        k += step
    return 0


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


def _fill_year(value: TimeValue, start: TimePoint) -> TimeValue:
    """The first end of "from July 20 to Aug. 6, 1789" takes the range's year."""
    if value.start is not None and value.start.year is None and start.year is not None:
        return TimeValue.point(start)
    return value


def _resolve(reading: Reading, ctx: Context) -> TimeValue | None:
    try:
        return reading.build(ctx)
    except (InvalidDate, ValueError, KeyError):
        return None


def _update(ctx: Context, reading: Reading, when: TimeValue) -> None:
    if when.ref or when.type in ("DURATION", "SET"):
        return
    point = when.start if when.start is not None else when.end
    if point is None or point.year is None:
        return
    if ctx.pluperfect and not ctx.news and ctx.ref is not None:
        return  # a flashback ("had been ... since Aug. 4") does not move the narrative's time
    if not (when.open_start or when.open_end) or reading.explicit:
        # after a closed range the narrative stands at its end ("1473-74 ... the following year")
        ctx.ref = when.end if when.end is not None and not when.open_end else point
    if point.granularity == "quarter" and not reading.shifted:
        ctx.ref_quarter = point
    if reading.event_name:
        name = reading.event_name
        ctx.events[name] = when
        ctx.events.setdefault(name.split()[-1], when)


def _had_after(toks: list[Token], j: int) -> bool:
    """Whether "had" comes within ``SCAN`` tokens after ``j`` in the same sentence."""
    for k in range(j, min(len(toks), j + SCAN)):
        if toks[k].text in (".", "!", "?", ";"):
            return False
        if toks[k].low == "had":
            return True
    return False


def _pluperfect(toks: list[Token], i: int) -> bool:
    """Whether "had" comes within 8 tokens before ``i`` in the same sentence."""
    for k in range(i - 1, max(-1, i - 9), -1):
        if toks[k].text in (".", "!", "?", ";"):
            return False
        if toks[k].low == "had":
            return True
    return False


def _after_comma(toks: list[Token], j: int) -> int:
    """The token after a comma that directly follows token ``j - 1``, or -1."""
    return j + 1 if j < len(toks) and toks[j].text == "," else -1


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
        parser = Parser(toks, lex, lowercase_text=lowercase)
        before_explicit: TimePoint | None = None
        after_explicit = -1
        i = 0
        while i < len(toks):
            reading = parser.parse_at(i)
            if reading is None or reading.j <= i or (reading.narrative_only and ctx.news):
                i += 1
                continue
            ctx.tense = tense_at(toks, reading.i, reading.j)
            ctx.pluperfect = _pluperfect(toks, reading.i)
            restated = reading.anaphoric and reading.i == after_explicit
            if restated:  # "died in 814, fourteen years later": counted from before 814
                ctx.ref, held = before_explicit, ctx.ref
            when = _resolve(reading, ctx)
            if restated:
                ctx.ref = held
            if reading.explicit:
                before_explicit, after_explicit = ctx.ref, _after_comma(toks, reading.j)
            if when is None and reading.fallback is not None:
                reading = reading.fallback
                when = _resolve(reading, ctx)
            if when is not None and reading.parts is not None:
                for part in reading.parts:
                    value = _resolve(part, ctx)
                    if value is None:
                        continue
                    if when.is_interval and part is reading.parts[0] and when.start:
                        value = _fill_year(value, when.start)
                    mentions.append(_mention(text, toks, part, value, interval=when))
                    _update(ctx, part, value)
            elif when is not None:
                mentions.append(_mention(text, toks, reading, when))
                _update(ctx, reading, when)
            i = reading.j
    return mentions
