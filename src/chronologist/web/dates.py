"""Dates typed by a person ("c. 1907", "before 1917", "1921-1928", "44 BC"), read by our
temporal engine."""

from __future__ import annotations

import re

from chronologist.errors import InputError, InvalidDate
from chronologist.render import human_date
from chronologist.temporal import tag_times
from chronologist.timemodel import TimeValue

MAX_CHARS = 100
CONNECTORS = frozenset({"from", "to", "between", "and", "until", "till", "-", "–", "—"})
FILLERS = frozenset({"in", "on", "at", "during", "the", "year", "of"})
"""Words that may come before a date without changing it ("in 1917")."""
EXAMPLES = "1917, March 1917, 3 April 1922, c. 1907, before 1917, 1921-1928, 44 BC, 1920s"


def _fail(text: str) -> InvalidDate:
    return InvalidDate(f"Cannot read {text!r} as one date.", hint=f"Write it like: {EXAMPLES}.")


def parse_user_date(text: str) -> TimeValue:
    """The one date ``text`` states (raises ``InvalidDate`` otherwise).

    The text must be a single time expression as a whole ("c. 1907"), a range written in
    words ("from 1921 to 1928"), or EDTF ("1907?", "../1917").
    """
    spaced = " ".join(text.split())
    cleaned = spaced.rstrip(",;:")
    if cleaned.endswith(".") and not cleaned.endswith(".."):
        cleaned = cleaned[:-1]
    if not cleaned:
        raise InvalidDate("The date is empty.", hint=f"Write it like: {EXAMPLES}.")
    if len(cleaned) > MAX_CHARS:
        raise InvalidDate(f"A date has at most {MAX_CHARS} characters.")
    # a range written with digits ("1921-1928") is tagged as a DURATION with its interval
    mentions = [m for m in tag_times(cleaned) if m.when.edtf]
    for m in mentions:
        lead = cleaned[: m.span.start].split()
        if m.span.end == len(cleaned) and all(w.lower() in FILLERS for w in lead):
            return m.when
    ranges = {m.interval for m in mentions}
    if mentions and len(ranges) == 1 and None not in ranges:
        rest = cleaned
        for m in reversed(mentions):
            rest = rest[: m.span.start] + " " + rest[m.span.end :]
        if all(word.lower() in CONNECTORS for word in re.findall(r"[^\s]+", rest)):
            (interval,) = ranges
            if interval is not None:
                return interval
    try:
        return TimeValue.from_edtf(cleaned)
    except (InputError, ValueError, KeyError, IndexError) as exc:
        raise _fail(text) from exc


def describe(when: TimeValue | None) -> str:
    """A date as people read it ("c. 1907", "before 1917")."""
    return human_date(when) if when is not None else ""
