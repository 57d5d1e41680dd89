"""The data model shared by every stage: frozen, slotted dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from chronologist.timemodel import TimePoint, TimeValue

__all__ = ["Span", "TimeMention", "TimePoint", "TimeValue"]


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
