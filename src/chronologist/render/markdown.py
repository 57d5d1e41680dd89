"""A Markdown narrative: the events in timeline order, each citation a footnote.

Events read "**date** — title. description[^n]"; footnotes read
``[^n]: "quote" — source title (chars start–end)``, and one citation shared by several
events (or by a conflict) keeps one footnote. A "Conflicts" section lists each side of
each disagreement with its footnotes. Every text that comes from a source is put on one
line and has its Markdown and HTML punctuation backslash-escaped, so it renders as text.
"""

from __future__ import annotations

import re

from chronologist.models import Conflict, Event, Evidence, Timeline
from chronologist.render._common import (
    Rendered,
    human_date,
    one_line,
    plural,
    safe_url,
    source_titles,
)

FORMAT = "markdown"
SUFFIX = ".md"
MEDIA_TYPE = "text/markdown; charset=utf-8"

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")


def md_escape(text: str) -> str:
    """One line of source text, safe as Markdown inline text."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if not text or text[-1] in ".!?…" else text + "."


class _Footnotes:
    """Footnote numbers by citation, in order of first use."""

    def __init__(self, titles: dict[str, str]) -> None:
        self.titles = titles
        self.numbers: dict[tuple[str, int, int], int] = {}
        self.lines: list[str] = []

    def cite(self, ev: Evidence) -> str:
        key = (ev.source, ev.start, ev.end)
        if key not in self.numbers:
            n = self.numbers[key] = len(self.numbers) + 1
            title = md_escape(self.titles.get(ev.source, ev.source))
            self.lines.append(
                f'[^{n}]: "{md_escape(ev.quote)}" — {title} (chars {ev.start}–{ev.end})'
            )
        return f"[^{self.numbers[key]}]"

    def cite_all(self, evidence: tuple[Evidence, ...]) -> str:
        return "".join(self.cite(ev) for ev in evidence)


def _event_paragraph(event: Event, notes: _Footnotes) -> str:
    date = md_escape(human_date(event.when) or "undated")
    text = f"**{date}** — {_sentence(md_escape(event.title))}"
    if event.description:
        text += " " + _sentence(md_escape(event.description))
    link = safe_url(event.link)
    if link:
        text += f" <{link}>"
    return text + notes.cite_all(event.evidence)


def _conflict_lines(conflict: Conflict, notes: _Footnotes) -> list[str]:
    lines = [f"### {md_escape(conflict.topic) or md_escape(conflict.id)}", ""]
    for claim, evidence in conflict.sides:
        lines.append(f"- {md_escape(claim)}{notes.cite_all(evidence)}")
    return [*lines, ""]


def _notes(timeline: Timeline) -> tuple[str, ...]:
    out: list[str] = []
    with_people = sum(1 for e in timeline.events if e.participants)
    if with_people:
        out.append(f"participants of {plural(with_people, 'event')} left out")
    media = sum(1 for e in timeline.events if e.media)
    if media:
        out.append(f"{plural(media, 'media link')} left out")
    unsafe = sum(1 for e in timeline.events if e.link and not safe_url(e.link))
    if unsafe:
        out.append(f"{plural(unsafe, 'link')} left out: only http(s) URLs are kept")
    return tuple(out)


def timeline_to_markdown(timeline: Timeline) -> str:
    """The narrative as Markdown text."""
    notes = _Footnotes(source_titles(timeline))
    lines = [f"# {md_escape(timeline.title) or 'Timeline'}", ""]
    for event in timeline.events:
        lines += [_event_paragraph(event, notes), ""]
    if timeline.conflicts:
        lines += ["## Conflicts", ""]
        for conflict in timeline.conflicts:
            lines += _conflict_lines(conflict, notes)
    if notes.lines:
        lines += [*notes.lines, ""]
    return "\n".join(lines)


def render_markdown(timeline: Timeline) -> Rendered:
    """Markdown narrative with footnoted citations."""
    return Rendered(timeline_to_markdown(timeline), MEDIA_TYPE, _notes(timeline))
