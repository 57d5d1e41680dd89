"""Stage 3: what happened, when, who took part, with the source sentence as evidence."""

from __future__ import annotations

from chronologist.events.extract import EXTRACTOR, extract_events

__all__ = ["EXTRACTOR", "extract_events"]
