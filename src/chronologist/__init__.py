"""chronologist: turn historical sources into dated, source-cited timelines."""

from __future__ import annotations

from chronologist.errors import ChronologistError, InputError, InvalidDate
from chronologist.models import Span, TimeMention
from chronologist.temporal import tag_times
from chronologist.timemodel import TimePoint, TimeValue

__version__ = "0.1.0"

__all__ = [
    "ChronologistError",
    "InputError",
    "InvalidDate",
    "Span",
    "TimeMention",
    "TimePoint",
    "TimeValue",
    "__version__",
    "tag_times",
]
