"""Facts about other tools' formats that both reading (ingest) and writing (render) need."""

from __future__ import annotations

TIMELINEJS_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "EDTF",
)
"""TimelineJS's spreadsheet columns as its template spells them (EDTF is ours)."""


def timelinejs_year(year: int) -> int:
    """Astronomical year → TimelineJS year (historical negative: -43 → -44, 0 → -1).

    TimelineJS shows ``-44`` as "44 BCE", so its negative years are historical ones.
    """
    return year if year > 0 else year - 1


def astronomical_year(year: int) -> int:
    """TimelineJS's year (``-44`` shown as "44 BCE") as an astronomical year (``-43``)."""
    return year + 1 if year < 0 else year
