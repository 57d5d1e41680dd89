"""A plain, self-contained HTML page: events in timeline order with dates, participants
and citations, then the conflicts and the sources.

The page is the Jinja2 template ``render/templates/timeline.html`` (package data) with
autoescape on, so every text from a source is escaped; links are kept only when they are
absolute http(s) URLs. The page loads nothing from outside, and its Content-Security-Policy
forbids scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from chronologist.models import Conflict, Evidence, Timeline
from chronologist.render._common import (
    Rendered,
    anchor_ids,
    conflicts_by_event,
    human_date,
    plural,
    safe_url,
    source_titles,
)

FORMAT = "html"
SUFFIX = ".html"
MEDIA_TYPE = "text/html; charset=utf-8"
TEMPLATE = "timeline.html"


@dataclass(frozen=True, slots=True)
class _Citation:
    quote: str
    source: str
    source_anchor: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Ref:
    anchor: str | None
    text: str


@dataclass(frozen=True, slots=True)
class _EventView:
    anchor: str
    kind: str
    date: str
    edtf: str
    title: str
    description: str
    participants: tuple[tuple[str, str], ...]
    """(name, kind) pairs."""
    citations: tuple[_Citation, ...]
    link: str | None
    conflicts: tuple[_Ref, ...]


@dataclass(frozen=True, slots=True)
class _ConflictView:
    anchor: str
    topic: str
    events: tuple[_Ref, ...]
    sides: tuple[tuple[str, tuple[_Citation, ...]], ...]


@dataclass(frozen=True, slots=True)
class _SourceView:
    anchor: str
    title: str
    author: str | None
    url: str | None


@cache
def environment() -> Environment:
    """The Jinja2 environment of our templates (autoescape on, undefined names are errors)."""
    return Environment(
        loader=PackageLoader("chronologist.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _anchors(ids: list[str], prefix: str) -> dict[str, str]:
    return dict(zip(ids, anchor_ids(ids, prefix), strict=True))


class _Views:
    """Builds the template's view of a timeline (anchors resolved once)."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.titles = source_titles(timeline)
        self.event_anchors = _anchors([e.id for e in timeline.events], "ev-")
        self.conflict_anchors = _anchors([c.id for c in timeline.conflicts], "conflict-")
        self.source_anchors = _anchors([s.id for s in timeline.sources], "src-")
        self.event_titles = {e.id: e.title for e in timeline.events}

    def citation(self, ev: Evidence) -> _Citation:
        title = self.titles.get(ev.source, ev.source)
        return _Citation(ev.quote, title, self.source_anchors.get(ev.source), ev.start, ev.end)

    def events(self) -> list[_EventView]:
        involved = conflicts_by_event(self.timeline)
        return [
            _EventView(
                anchor=self.event_anchors[e.id],
                kind=e.kind,
                date=human_date(e.when),
                edtf=(e.when.edtf if e.when else "") or "",
                title=e.title,
                description=e.description,
                participants=tuple((p.name, p.kind) for p in e.participants),
                citations=tuple(self.citation(ev) for ev in e.evidence),
                link=safe_url(e.link),
                conflicts=tuple(self._conflict_ref(c) for c in involved.get(e.id, [])),
            )
            for e in self.timeline.events
        ]

    def _conflict_ref(self, conflict: Conflict) -> _Ref:
        return _Ref(self.conflict_anchors[conflict.id], conflict.topic or conflict.id)

    def conflicts(self) -> list[_ConflictView]:
        return [
            _ConflictView(
                anchor=self.conflict_anchors[c.id],
                topic=c.topic or c.id,
                events=tuple(
                    _Ref(self.event_anchors.get(eid), self.event_titles.get(eid, eid))
                    for eid in c.events
                ),
                sides=tuple(
                    (claim, tuple(self.citation(ev) for ev in evidence))
                    for claim, evidence in c.sides
                ),
            )
            for c in self.timeline.conflicts
        ]

    def sources(self) -> list[_SourceView]:
        return [
            _SourceView(self.source_anchors[s.id], s.title or s.id, s.author, safe_url(s.url))
            for s in self.timeline.sources
        ]


def _notes(timeline: Timeline) -> tuple[str, ...]:
    out: list[str] = []
    media = sum(1 for e in timeline.events if e.media)
    if media:
        out.append(f"{plural(media, 'media link')} left out")
    unsafe = sum(1 for e in timeline.events if e.link and not safe_url(e.link))
    if unsafe:
        out.append(f"{plural(unsafe, 'link')} left out: only http(s) URLs are kept")
    return tuple(out)


def timeline_to_html(timeline: Timeline) -> str:
    """The whole page."""
    views = _Views(timeline)
    template = environment().get_template(TEMPLATE)
    return template.render(
        title=timeline.title or "Timeline",
        events=views.events(),
        conflicts=views.conflicts(),
        sources=views.sources(),
    )


def render_html(timeline: Timeline) -> Rendered:
    """A readable, self-contained HTML page."""
    return Rendered(timeline_to_html(timeline), MEDIA_TYPE, _notes(timeline))
