"""Helpers every renderer shares: human date labels, safe links, citations, notes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from chronologist.models import Conflict, Timeline
from chronologist.temporal.notation import edtf_point
from chronologist.timemodel import TimePoint, TimeValue

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = ("spring", "summer", "autumn", "winter")
_ORDINALS = ("first", "second", "third", "fourth")
_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_NARROWED = {"START": "early ", "MID": "mid-", "END": "late "}
_SAFE_SCHEMES = ("http", "https")
_UNSAFE_URL_CHARS = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered timeline and what its format could not hold."""

    content: str
    media_type: str
    """IANA media type, with charset for text."""
    dropped: tuple[str, ...] = ()
    """Human-readable notes on what was left out or simplified."""


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 event"``, ``"3 events"``."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


# ---------------------------------------------------------------------- date labels
def year_label(year: int) -> str:
    """An astronomical year for people: 1907 → "1907", 14 → "14 CE", -43 → "44 BCE",
    0 → "1 BCE" (years before 1000 say their era, so "14" is not read as a count)."""
    if year >= 1000:
        return str(year)
    return f"{year} CE" if year > 0 else f"{1 - year} BCE"


def _years_label(lo: int, hi: int) -> str:
    if hi <= 0:
        return f"{1 - lo}–{1 - hi} BCE"
    return f"{year_label(lo)}–{year_label(hi)}"


def _day_label(p: TimePoint, year: str) -> str | None:
    if p.month is None or p.day is None:
        return None
    text = f"{p.day} {MONTHS[p.month - 1]} {year}".rstrip()
    if p.granularity == "partofday" and p.part in _PARTS_OF_DAY:
        return f"{text} ({_PARTS_OF_DAY[p.part]})"
    if p.granularity in ("hour", "minute", "second") and p.hour is not None:
        clock = f"{p.hour:02d}:{p.minute or 0:02d}"
        if p.granularity == "second":
            clock += f":{p.second or 0:02d}"
        return f"{text}, {clock}"
    return text


def point_label(p: TimePoint) -> str:
    """One calendar unit for people: "3 April 1922", "summer 1347", "1920s", "44 BCE"."""
    g = p.granularity
    years = p.span_years()
    if years is not None and g in ("decade", "century", "millennium"):
        if g == "decade" and p.year is not None and p.year >= 0:
            return f"{p.year}s"
        return _years_label(*years)
    year = year_label(p.year) if p.year is not None else ""
    label: str | None = None
    if g == "year":
        label = year
    elif g == "month" and p.month is not None:
        label = f"{MONTHS[p.month - 1]} {year}"
    elif g == "season" and p.sub:
        label = f"{_SEASONS[p.sub - 1]} {year}"
    elif g in ("quarter", "half") and p.sub:
        label = f"{_ORDINALS[p.sub - 1]} {g} of {year}"
    elif g == "week" and p.sub:
        label = f"week {p.sub} of {year}"
    elif g in ("day", "partofday", "hour", "minute", "second"):
        label = _day_label(p, year)
    label = (label or "").strip()
    if not label:
        return edtf_point(p)  # unknown parts the words cannot say: the notation can
    return label if p.year is not None else f"{label} (year unknown)"


def _range_label(a: str, b: str) -> str:
    return f"{a}–{b}" if " " not in a + b else f"{a} – {b}"


def _bare_label(when: TimeValue) -> str:
    start, end = when.start, when.end
    if when.open_start and end is not None:
        return ("by " if when.mod == "ON_OR_BEFORE" else "before ") + point_label(end)
    if when.open_end and start is not None:
        return ("after " if when.mod == "AFTER" else "from ") + point_label(start)
    if start is not None and end is not None and start != end:
        return _range_label(point_label(start), point_label(end))
    if start is not None and end is None:
        return _range_label(point_label(start), "?")
    if start is None and end is not None:
        return _range_label("?", point_label(end))
    point = start or end
    return _NARROWED.get(when.mod or "", "") + point_label(point) if point else ""


def human_date(when: TimeValue | None) -> str:
    """A date for people: "c. 1907", "before 1917", "1921–1928", "44 BCE" ("" if undated)."""
    if when is None or (when.start is None and when.end is None):
        return ""
    text = _bare_label(when)
    if when.approximate:
        text = "c. " + text
    if when.uncertain:
        text += "?"
    if when.calendar == "julian":
        text += " (Julian)"
    return text


def is_qualified(when: TimeValue | None) -> bool:
    """True when the date is approximate or uncertain."""
    return when is not None and (when.approximate or when.uncertain)


# ------------------------------------------------------------------------- the rest
def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link with no characters that need quoting."""
    if not url:
        return None
    url = url.strip()
    if _UNSAFE_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return url


def one_line(text: str) -> str:
    """Collapse every run of white space (newlines included) into one space."""
    return " ".join(text.split())


def source_titles(timeline: Timeline) -> dict[str, str]:
    """Source id → title (the id itself when the title is empty)."""
    return {s.id: s.title or s.id for s in timeline.sources}


def conflicts_by_event(timeline: Timeline) -> dict[str, list[Conflict]]:
    """Event id → the conflicts it takes part in."""
    out: dict[str, list[Conflict]] = {}
    for conflict in timeline.conflicts:
        for event_id in dict.fromkeys(conflict.events):
            out.setdefault(event_id, []).append(conflict)
    return out


def anchor_ids(ids: Iterable[str], prefix: str = "") -> list[str]:
    """HTML-id-safe, unique ids (``[A-Za-z0-9_-]``) made from the given ids, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in ids:
        base = prefix + "".join(
            c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in raw
        )
        anchor, n = base or "id", 1
        while anchor in seen:
            n += 1
            anchor = f"{base}-{n}"
        seen.add(anchor)
        out.append(anchor)
    return out
