"""The interactive viewer: one self-contained, offline HTML file per timeline.

``render_viewer`` is the "html" format (``chronologist build ... -o timeline.html``);
``viewer_page`` is the same page with a link back to a home page, for static sites.

The page is ``render/viewer/page.html`` (package data) with our own stylesheet and
JavaScript modules inlined: ``render/viewer/*.js`` are plain ES modules that import each
other by relative path for development, and are joined here into one inline
``<script type="module">`` (their ``import`` lines dropped, ``export`` keywords removed).
The timeline is embedded as JSON (``viewer_data``) in ``<script type="application/json"
id="timeline-data">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX``
escapes, so no source text can end the script element. The script builds every element
from data with ``textContent`` only.

``viewer_data`` is ``timeline_to_dict`` with the events packed for size (a page with
100,000 events must load in under a second): sources, conflicts, title and provenance are
as in our timeline JSON; each event is a row of ``EVENT_FIELDS`` (trailing empty fields
left off) with participants as indices into ``participants`` (``[name, kind, aliases]``),
evidence as ``[source index, start, end]`` plus the quote only when the source text at
those code-point offsets is not exactly the quote, ``kind`` 1 for periods, ``flags`` 1
approximate + 2 uncertain, ``basis`` an index into ``BASES``, ``earliest`` 0 when it is
the EDTF string itself, ``latest`` 0 when it equals ``earliest``, and ``display`` the date
for people (``human_date``).

The page loads nothing: its Content-Security-Policy allows only the inline script and
stylesheet it carries (by SHA-256 hash) and forbids every network request.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from string import Template
from typing import Any
from urllib.parse import urlsplit

from chronologist.models import Event, Participant, Timeline
from chronologist.render._common import Rendered, human_date, plural, safe_url
from chronologist.render.json import timeline_to_dict
from chronologist.temporal.notation import bounds
from chronologist.timemodel import TimeValue, as_gregorian, day_number

__all__ = [
    "BASES",
    "EVENT_FIELDS",
    "FORMAT",
    "MEDIA_TYPE",
    "SUFFIX",
    "embed_json",
    "page_from_data",
    "render_viewer",
    "viewer_data",
    "viewer_page",
    "viewer_script",
]

FORMAT = "html"
SUFFIX = ".html"
MEDIA_TYPE = "text/html; charset=utf-8"

ASSETS = "viewer"
"""The package-data folder (inside ``chronologist.render``) holding the page's parts."""
MODULES = ("time.js", "data.js", "draw.js", "ui.js", "main.js")
"""The JavaScript modules, each after those it imports."""
STYLESHEET = "viewer.css"
PAGE = "page.html"
DATA_FORMAT = "chronologist.viewer/1"
EVENT_FIELDS = (
    *("id", "title", "kind", "edtf", "earliest", "latest", "flags", "basis", "display"),
    *("participants", "evidence", "date_text", "description", "link", "media", "calendar"),
)
"""The columns of an event row in ``viewer_data`` (the script checks it knows them)."""
BASES = ("explicit", "relative", "contextual", "order", "none")

_IMPORT = re.compile(r"^import\s[^;]*?\sfrom\s+'\./[\w-]+\.js';[ \t]*\n", re.MULTILINE)
_EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?(?:function|class|const|let)\b)", re.MULTILINE)
_LEFT_OVER = re.compile(r"^\s*(?:import|export)\b", re.MULTILINE)
_DECLARED = re.compile(r"^(?:export\s+)?(?:async\s+)?(?:function|class|const|let)\s+(\w+)", re.M)
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
_UNSAFE_HREF = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
_LONG_NUMBER = re.compile(r"\d{5,}")


# ----------------------------------------------------------------------------- assets
def _asset(name: str) -> str:
    return (resources.files("chronologist.render") / ASSETS / name).read_text(encoding="utf-8")


@cache
def viewer_script() -> str:
    """The viewer's modules joined into the body of one inline ``<script type="module">``."""
    parts: list[str] = []
    declared: dict[str, str] = {}
    for name in MODULES:
        source = _asset(name)
        for found in _DECLARED.finditer(source):
            other = declared.setdefault(found.group(1), name)
            if other != name:
                raise RuntimeError(f"viewer/{name} and viewer/{other} both declare {found[1]!r}")
        body = _EXPORT.sub("", _IMPORT.sub("", source))
        if _LEFT_OVER.search(body):
            raise RuntimeError(f"viewer/{name}: an import or export the bundler cannot join")
        parts.append(f"// ---- {name}\n{body}")
    script = "\n".join(parts)
    _check_inline(script, "script")
    return script


@cache
def _stylesheet() -> str:
    style = _asset(STYLESHEET)
    _check_inline(style, "stylesheet")
    return style


@cache
def _page_template() -> Template:
    return Template(_asset(PAGE))


def _check_inline(text: str, what: str) -> None:
    lowered = text.lower()
    for bad in ("</script", "</style", "<!--"):
        if bad in lowered:
            raise RuntimeError(f"The viewer's {what} contains {bad!r}: it cannot be inlined.")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# ------------------------------------------------------------------------------- data
def display_date(when: TimeValue | None) -> str:
    """``human_date`` with long years grouped: "170,000,001 BCE"."""
    return _LONG_NUMBER.sub(lambda m: f"{int(m.group()):,}", human_date(when))


_WhenFields = tuple[str, str | None, str | None, int, str, str | None, float, float]
_INF = float("inf")


def _iso_day(day: tuple[int, int, int] | None) -> str | None:
    if day is None:
        return None
    y, m, d = day
    return f"{'-' if y < 0 else ''}{abs(y):04d}-{m:02d}-{d:02d}"


def _when_fields(when: TimeValue | None) -> _WhenFields:
    """(edtf, earliest, latest, flags, display, calendar, first day, day after the last) of
    a date: the fields as ``when_to_dict`` gives them (``test_viewer`` checks they agree),
    and its bounds as day numbers (infinite when open or unknown) for sorting."""
    if when is None:
        return "", None, None, 0, "", None, _INF, _INF
    lo, hi = bounds(when)
    first = as_gregorian(lo.earliest() if lo else None, when.calendar)
    last = as_gregorian(hi.latest() if hi else None, when.calendar)
    return (
        when.edtf,
        _iso_day(first),
        _iso_day(last),
        (1 if when.approximate else 0) | (2 if when.uncertain else 0),
        display_date(when),
        "julian" if when.calendar == "julian" else None,
        float(day_number(*first)) if first else -_INF,
        float(day_number(*last) + 1) if last else _INF,
    )


class _Packer:
    """Packs events into rows (see the module docstring), interning participants."""

    def __init__(self, timeline: Timeline) -> None:
        self.sources = {src.id: n for n, src in enumerate(timeline.sources)}
        self.texts = [src.text for src in timeline.sources]
        self.people: dict[Participant, int] = {}
        self.whens: dict[TimeValue | None, _WhenFields] = {}

    def participants(self) -> list[list[Any]]:
        return [[p.name, p.kind, list(p.aliases)] for p in self.people]

    def row(self, event: Event) -> tuple[tuple[float, float, float], list[Any]]:
        """The event's row, and where the script draws it as a sort key (a period's start,
        an event's middle; undated last)."""
        when = event.when
        if when not in self.whens:
            self.whens[when] = _when_fields(when)
        edtf, earliest, latest, flags, display, calendar, lo, hi = self.whens[when]
        if earliest is None and latest is None:
            place = (_INF, _INF, _INF)
        elif event.kind == "period" or earliest is None or latest is None:
            place = (lo if earliest is not None else hi, lo, hi)
        else:
            place = ((lo + hi) / 2, lo, hi)
        evidence: list[list[Any]] = []
        for ev in event.evidence:
            n = self.sources.get(ev.source)
            if n is None:
                evidence.append([ev.source, ev.start, ev.end, ev.quote])
            elif self.texts[n][ev.start : ev.end] == ev.quote:
                evidence.append([n, ev.start, ev.end])
            else:
                evidence.append([n, ev.start, ev.end, ev.quote])
        row: list[Any] = [
            event.id,
            event.title,
            1 if event.kind == "period" else 0,
            edtf,
            0 if earliest is not None and earliest == edtf else earliest,
            0 if latest is not None and latest == earliest else latest,
            flags,
            BASES.index(event.basis) if event.basis in BASES else len(BASES) - 1,
            display,
            [self.people.setdefault(p, len(self.people)) for p in event.participants],
            evidence,
            event.date_text,
            event.description,
            event.link,
            event.media,
            calendar,
        ]
        while row and row[-1] in (None, "", []):
            row.pop()
        return place, row


def viewer_data(timeline: Timeline) -> dict[str, Any]:
    """What the page embeds: our timeline JSON with its events packed (module docstring)."""
    data = timeline_to_dict(replace(timeline, events=()))
    del data["schema"]  # not our timeline JSON any more: its events are packed
    packer = _Packer(timeline)
    data["format"] = DATA_FORMAT
    data["fields"] = list(EVENT_FIELDS)
    data["bases"] = list(BASES)
    rows = [packer.row(event) for event in timeline.events]
    rows.sort(key=lambda pair: pair[0])  # stable: the script's own sort then costs next to nothing
    data["events"] = [row for _, row in rows]
    data["participants"] = packer.participants()
    return data


def embed_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028/9."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _JSON_ESCAPES:
        text = text.replace(char, escape)
    return text


# ------------------------------------------------------------------------------- page
def _href(href: str) -> str:
    """A link we write into the page: relative, or absolute http(s) (else ValueError)."""
    href = href.strip()
    if not href or _UNSAFE_HREF.search(href):
        raise ValueError(f"Cannot link to {href!r}: it is empty or has characters to quote.")
    parts = urlsplit(href)
    if parts.scheme:
        if safe_url(href) is None:
            raise ValueError(f"Cannot link to {href!r}: only relative and http(s) links.")
    elif parts.netloc:
        raise ValueError(f"Cannot link to {href!r}: write the scheme (https://...).")
    return href


def _nav(links: Sequence[tuple[str, str]]) -> str:
    if not links:
        return ""
    anchors = " ".join(
        f'<a href="{html.escape(_href(href))}">{html.escape(label)}</a>' for label, href in links
    )
    return f'<nav class="site-nav" aria-label="Site">{anchors}</nav>\n'


def _dated(row: list[Any]) -> bool:
    """An event row has a place on the axis (its ``earliest`` or ``latest`` is known)."""
    return row[4] is not None or row[5] is not None


def _summary(data: dict[str, Any]) -> str:
    events = data.get("events", [])
    text = f"{plural(len(events), 'event')} from {plural(len(data.get('sources', [])), 'source')}"
    conflicts = len(data.get("conflicts", []))
    if conflicts:
        text += f" · {plural(conflicts, 'conflict')} between sources"
    undated = sum(1 for row in events if not _dated(row))
    if undated:
        text += f" · {undated} undated"
    return text


def page_from_data(
    data: dict[str, Any],
    *,
    home_href: str | None = None,
    home_label: str = "← All timelines",
    links: Sequence[tuple[str, str]] = (),
) -> str:
    """The viewer page for timeline JSON (``viewer_data``'s shape), as one HTML string."""
    title = str(data.get("title") or "") or "Timeline"
    script = viewer_script()
    style = _stylesheet()
    csp = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; "
        "base-uri 'none'; form-action 'none'"
    )
    nav_links = ([(home_label, home_href)] if home_href is not None else []) + list(links)
    return _page_template().substitute(
        csp=csp,
        title=html.escape(title),
        timeline_label=html.escape(f"Timeline of {title}"),
        nav=_nav(nav_links),
        summary=html.escape(_summary(data)),
        footer=html.escape(
            "Made with chronologist. This page works offline: it loads nothing from the network."
        ),
        style=style,
        data=embed_json(data),
        script=script,
    )


def viewer_page(
    timeline: Timeline,
    *,
    home_href: str | None = None,
    home_label: str = "← All timelines",
    links: Sequence[tuple[str, str]] = (),
    eras: Sequence[tuple[str, str]] = (),
) -> str:
    """The viewer page for a timeline; ``home_href`` adds a link back to a home page and
    ``links`` more (label, href) links beside it (relative or http(s) only). ``eras`` are
    (title, EDTF interval) pairs drawn as background bands ("Tsarist Russia", "1721/1917")."""
    data = viewer_data(timeline)
    if eras:
        data["eras"] = [_era(title, edtf) for title, edtf in eras]
    return page_from_data(data, home_href=home_href, home_label=home_label, links=links)


def _era(title: str, edtf: str) -> dict[str, Any]:
    fields = _when_fields(TimeValue.from_edtf(edtf))
    if fields[1] is None or fields[2] is None:
        raise ValueError(f"An era needs both ends: {edtf!r} ({title}).")
    return {"title": title, "earliest": fields[1], "latest": fields[2]}


def _notes(timeline: Timeline) -> tuple[str, ...]:
    out: list[str] = []
    links = [url for e in timeline.events for url in (e.link, e.media) if url]
    unsafe = sum(1 for url in links if not safe_url(url))
    if unsafe:
        out.append(f"{plural(unsafe, 'link')} left out: only http(s) URLs are kept")
    media = sum(1 for e in timeline.events if e.media and safe_url(e.media))
    if media:
        out.append(f"{plural(media, 'media item')} shown as links, not embedded (offline page)")
    return tuple(out)


def render_viewer(timeline: Timeline) -> Rendered:
    """The interactive, self-contained viewer page."""
    return Rendered(viewer_page(timeline), MEDIA_TYPE, _notes(timeline))
