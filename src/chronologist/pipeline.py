"""``build_timeline``: run the stages in order and record how the timeline was made."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from chronologist import __version__
from chronologist.assemble import STRATEGY, assemble
from chronologist.events import EXTRACTOR, extract_events
from chronologist.events.nlp import load_nlp
from chronologist.models import Event, Source, Timeline

Progress = Callable[[Source], None]


def build_timeline(
    sources: Sequence[Source],
    *,
    title: str | None = None,
    nlp: Any = None,
    progress: Progress | None = None,
) -> Timeline:
    """Extract events from every source and assemble one timeline."""
    nlp = nlp or load_nlp()
    events: list[Event] = []
    for source in sources:
        events.extend(extract_events(source, nlp=nlp))
        if progress is not None:
            progress(source)
    ordered, conflicts = assemble(events)
    return Timeline(
        title=title or _title(sources),
        sources=tuple(sources),
        events=tuple(ordered),
        conflicts=tuple(conflicts),
        provenance=(
            ("chronologist", __version__),
            ("temporal", "rules.v1"),
            ("events", EXTRACTOR),
            ("assemble", STRATEGY),
        ),
    )


def _title(sources: Sequence[Source]) -> str:
    titles = sorted({s.title for s in sources if s.title})
    return titles[0] if len(titles) == 1 else "; ".join(titles[:3]) or "Timeline"
