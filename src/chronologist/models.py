"""The data model shared by every stage: frozen, slotted dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chronologist.timemodel import TimePoint, TimeValue

__all__ = [
    "Conflict",
    "Event",
    "Evidence",
    "Participant",
    "Source",
    "SourceItem",
    "Span",
    "TimeMention",
    "TimePoint",
    "TimeValue",
    "Timeline",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text."""

    start: int
    """Code-point offset into the text (inclusive)."""
    end: int
    """Code-point offset into the text (exclusive)."""


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression found in a text, with its normalized value."""

    span: Span
    text: str
    """Exactly ``doc_text[span.start:span.end]``."""
    when: TimeValue
    anchored: str
    """How the value was reached: "explicit", "deictic" (speech time), "anaphoric"
    (the narrative's reference time), or "unresolved"."""
    interval: TimeValue | None = None
    """For one end of a range written in words ("from 1921 to 1928"): the whole range."""

    @property
    def type(self) -> str:
        """TIMEX3 type."""
        return self.when.type

    @property
    def value(self) -> str:
        """TIMEX3 value."""
        return self.when.timex

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by ``chronologist timex``."""
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "type": self.when.type,
            "value": self.when.timex,
            "mod": self.when.mod,
            "edtf": self.when.edtf,
            "anchored": self.anchored,
            "calendar": self.when.calendar,
            "interval": self.interval.edtf if self.interval else None,
        }


SourceKind = Literal[
    "text", "markdown", "html", "pdf", "timetoast", "timelinejs", "csv", "chronologist"
]
EventKind = Literal["event", "period"]
DateBasis = Literal["explicit", "relative", "contextual", "order", "none"]
ParticipantKind = Literal["person", "organisation", "place"]


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One item of a structured source: a Timetoast bullet, a TimelineJS slide, a CSV row."""

    title: str
    span: Span
    """Where the item's whole text (title and description) lies in ``Source.text``."""
    title_span: Span | None = None
    """Where the title itself lies, when it is in the text."""
    when: TimeValue | None = None
    """The date the format itself gives the item, if any."""
    kind: EventKind = "event"
    """"period" for items the format marks as spans of time."""
    link: str | None = None
    media: str | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A document we read: its exact text and what we know about it."""

    id: str
    """Deterministic: derived from the content checksum."""
    title: str
    kind: SourceKind
    sha256: str
    """SHA-256 of the bytes read."""
    text: str
    """The text every offset points into (for plain text: the file as decoded, unchanged)."""
    path: str | None = None
    url: str | None = None
    author: str | None = None
    items: tuple[SourceItem, ...] = ()
    """Items of a structured source, in the source's order."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A citation: the exact words of a source that state an event."""

    source: str
    """``Source.id``."""
    start: int
    end: int
    quote: str
    """Exactly ``source.text[start:end]``."""


@dataclass(frozen=True, slots=True)
class Participant:
    """A person, organisation or place taking part in an event, under one canonical name."""

    name: str
    kind: ParticipantKind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or a period that held), with its time and citations."""

    id: str
    title: str
    kind: EventKind
    when: TimeValue | None
    """None when nothing in the sources dates it, not even its order."""
    basis: DateBasis
    """How the date was found: written, resolved from a relative phrase, carried from
    context, or inferred from narrative order."""
    evidence: tuple[Evidence, ...]
    participants: tuple[Participant, ...] = ()
    date_text: str | None = None
    """The date as written, when the text writes one."""
    description: str = ""
    link: str | None = None
    media: str | None = None
    claims: tuple[str, ...] = ()
    """Short normalized claims (e.g. "allied:stalin+bukharin") used to find contradictions."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagree about one happening: every side kept, with its citations."""

    id: str
    topic: str
    kind: Literal["date", "claim"]
    events: tuple[str, ...]
    """Ids of the events whose sources disagree."""
    sides: tuple[tuple[str, tuple[Evidence, ...]], ...]
    """Each side's claim (a date or a statement) and the evidence behind it."""


@dataclass(frozen=True, slots=True)
class Timeline:
    """One timeline assembled from one or more sources."""

    title: str
    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    conflicts: tuple[Conflict, ...] = ()
    provenance: tuple[tuple[str, str], ...] = ()
    """(stage, component name) pairs saying how the timeline was built."""
