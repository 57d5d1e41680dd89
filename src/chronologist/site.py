"""A static site of timelines: ``chronologist site A.json B.json -o site/``.

The site works from ``file://`` and from any static host: every link is relative, nothing
is loaded from outside, and the story and sources pages need no JavaScript. Layout::

    index.html              the timelines, each with its size, date span and pages
    <slug>/index.html       the interactive viewer (``chronologist.render.viewer``)
    <slug>/story.html       the events in order as prose, with footnoted citations (a
                            "before X" event is told where X falls, undated ones last)
    <slug>/sources.html     each source whole, every cited span highlighted
    <slug>/timeline.json    the timeline itself (``chronologist.timeline/1``)

Pages are the Jinja2 templates ``render/templates/site/*.html`` with autoescape on, so
every text from a timeline is escaped; links out are kept only when they are absolute
http(s) URLs (``style.css`` there is inlined in each page). ``build_site`` renders
everything in memory; ``write_site`` writes it into a temporary folder and moves it into
place, so a failure never leaves half a site (files already in an output folder that we
do not generate are kept).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from chronologist.errors import InputError
from chronologist.models import Conflict, Event, Evidence, Timeline
from chronologist.render import human_date, render
from chronologist.render._common import (
    anchor_ids,
    conflicts_by_event,
    plural,
    point_label,
    safe_url,
)
from chronologist.render.html import environment
from chronologist.render.viewer import viewer_page
from chronologist.timemodel import TimePoint, TimeValue

__all__ = [
    "PAGES",
    "SiteResult",
    "build_site",
    "date_span",
    "make_site",
    "slugify",
    "unique_slugs",
    "write_site",
]

HOME = "../index.html"
_VIEWER_LINKS = (
    ("Story", "story.html"),
    ("Sources", "sources.html"),
    ("Data (JSON)", "timeline.json"),
)
PAGES = ("index.html", "story.html", "sources.html", "timeline.json")
"""The files written per timeline, inside its ``<slug>/`` folder."""
MAX_SLUG = 60
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{n}" for n in range(1, 10)]
    + [f"lpt{n}" for n in range(1, 10)]
)
_LATIN = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)
_BASIS_NOTES = {
    "relative": ("relative", "Dated by resolving a relative phrase (\u201ctwo years later\u201d)."),
    "contextual": ("from context", "Dated from the dates around it in the source."),
    "order": ("inferred", "Date inferred from the order of the narrative."),
}


# ----------------------------------------------------------------------------- slugs
def slugify(title: str) -> str:
    """An ASCII folder name from a title: "Stalin's Rise to Power" → "stalins-rise-to-power"."""
    folded = unicodedata.normalize("NFKD", title.lower().translate(_LATIN))
    ascii_text = re.sub(r"['\u2019]", "", folded.encode("ascii", "ignore").decode("ascii"))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    slug = slug[:MAX_SLUG].rstrip("-") or "timeline"
    if slug in _WINDOWS_RESERVED:
        slug += "-timeline"
    return slug


def unique_slugs(titles: Iterable[str]) -> list[str]:
    """One slug per title, in order, made unique with -2, -3, ... suffixes."""
    seen: set[str] = set()
    out: list[str] = []
    for title in titles:
        base = slugify(title)
        slug, n = base, 1
        while slug in seen:
            n += 1
            slug = f"{base}-{n}"
        seen.add(slug)
        out.append(slug)
    return out


# ----------------------------------------------------------------------- date labels
def date_span(timeline: Timeline) -> str:
    """From the earliest to the latest date of a timeline: "44 BCE – 1928" ("" if undated)."""
    lows: list[tuple[tuple[int, int, int], TimePoint]] = []
    highs: list[tuple[tuple[int, int, int], TimePoint]] = []
    for event in timeline.events:
        when = event.when
        if when is None:
            continue
        for point in (when.start, when.end):
            if point is None:
                continue
            lo, hi = point.earliest(), point.latest()
            if lo is not None:
                lows.append((lo, point))
            if hi is not None:
                highs.append((hi, point))
    if not lows or not highs:
        return ""
    first = point_label(min(lows, key=lambda x: x[0])[1])
    last = point_label(max(highs, key=lambda x: x[0])[1])
    return first if first == last else f"{first} – {last}"


def _anchor_day(when: TimeValue | None) -> tuple[int, int, int] | None:
    """Where an event sits in the story: its first day, or for "before X" X's first day."""
    if when is None:
        return None
    point = when.start or when.end
    return point.earliest() if point is not None else None


def _era_year(when: TimeValue | None) -> int | None:
    day = _anchor_day(when)
    return day[0] if day is not None else None


def _story_order(events: Sequence[Event]) -> list[Event]:
    """Events by their anchor day ("before 1917" at 1917), then timeline order; no year last."""
    keyed = [(_anchor_day(e.when), n, e) for n, e in enumerate(events)]
    dated = sorted((day, n, e) for day, n, e in keyed if day is not None)
    return [e for _d, _n, e in dated] + [e for day, _n, e in keyed if day is None]


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _century(year: int) -> str:
    if year > 0:
        return f"{_ordinal((year - 1) // 100 + 1)} century"
    return f"{_ordinal((-year) // 100 + 1)} century BCE"


def _decade(year: int) -> str:
    if year > 0:
        return f"{year // 10 * 10}s" if year >= 10 else "1–9"
    return f"{(1 - year) // 10 * 10}s BCE" if year <= -9 else "10–1 BCE"


def _era_labeller(events: Sequence[Event]) -> Callable[[int], str] | None:
    years = [y for y in (_era_year(e.when) for e in events) if y is not None]
    if not years:
        return None
    spread = max(years) - min(years)
    if spread > 150:
        return _century
    if spread > 15:
        return _decade
    return None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…" else text + "."


def _claim_label(conflict: Conflict, claim: str) -> str:
    if conflict.kind != "date":
        return claim
    try:
        return human_date(TimeValue.from_edtf(claim)) or claim
    except (InputError, ValueError):
        return claim


# ------------------------------------------------------------------ sources and marks
def _clamp(ev: Evidence, text: str) -> tuple[int, int] | None:
    start, end = max(0, ev.start), min(len(text), ev.end)
    return (start, end) if start < end else None


def _mark_anchor(source_anchor: str, start: int) -> str:
    return f"{source_anchor}-c{start}"


@dataclass(frozen=True, slots=True)
class _Segment:
    text: str
    depth: int
    """How many cited spans cover it (0: not cited)."""
    anchor: str | None
    cited_for: str


@dataclass(frozen=True, slots=True)
class _SourceView:
    anchor: str
    title: str
    kind: str
    author: str | None
    url: str | None
    """A clickable http(s) link."""
    location: str | None
    """A path, or a URL we do not make clickable."""
    sha256: str
    citing_events: int
    cited_spans: int
    segments: tuple[_Segment, ...]
    has_text: bool


def _segments(
    text: str, anchor: str, spans: Mapping[tuple[int, int], list[str]]
) -> tuple[_Segment, ...]:
    """The text cut at every span boundary, each piece with how many spans cover it."""
    if not spans:
        return (_Segment(text, 0, None, ""),) if text else ()
    cuts = sorted({0, len(text), *(s for s, _ in spans), *(e for _, e in spans)})
    starts: dict[int, list[tuple[int, int]]] = {}
    for span in sorted(spans):
        starts.setdefault(span[0], []).append(span)
    active: list[tuple[int, int]] = []
    out: list[_Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s[1] > a] + starts.get(a, [])
        names = list(dict.fromkeys(n for s in active for n in spans[s]))
        anchor_here = _mark_anchor(anchor, a) if a in starts else None
        out.append(_Segment(text[a:b], len(active), anchor_here, "; ".join(names)))
    return tuple(out)


def _cited_spans(timeline: Timeline) -> dict[str, dict[tuple[int, int], list[str]]]:
    """Source id → cited span (clamped to the text) → what cites it, events then conflicts."""
    texts = {s.id: s.text for s in timeline.sources}
    out: dict[str, dict[tuple[int, int], list[str]]] = {s.id: {} for s in timeline.sources}
    citations: list[tuple[Evidence, str]] = [
        (ev, event.title or "untitled event") for event in timeline.events for ev in event.evidence
    ]
    citations += [
        (ev, f"conflict: {conflict.topic or conflict.id}")
        for conflict in timeline.conflicts
        for _claim, evidence in conflict.sides
        for ev in evidence
    ]
    for ev, name in citations:
        if ev.source not in texts:
            continue
        span = _clamp(ev, texts[ev.source])
        if span is not None:
            names = out[ev.source].setdefault(span, [])
            if name not in names:
                names.append(name)
    return out


def _source_views(timeline: Timeline, anchors: Mapping[str, str]) -> list[_SourceView]:
    cited = _cited_spans(timeline)
    views: list[_SourceView] = []
    for source in timeline.sources:
        spans = cited[source.id]
        citing = {e.id for e in timeline.events if any(ev.source == source.id for ev in e.evidence)}
        url = safe_url(source.url)
        views.append(
            _SourceView(
                anchor=anchors[source.id],
                title=source.title or source.id,
                kind=source.kind,
                author=source.author,
                url=url,
                location=None if url else (source.url or source.path),
                sha256=source.sha256,
                citing_events=len(citing),
                cited_spans=len(spans),
                segments=_segments(source.text, anchors[source.id], spans),
                has_text=bool(source.text),
            )
        )
    return views


# ------------------------------------------------------------------------------ story
@dataclass(frozen=True, slots=True)
class _Footnote:
    number: int
    quote: str
    source: str
    href: str | None
    """Where the quote lies in sources.html."""
    offsets: str


@dataclass(frozen=True, slots=True)
class _Ref:
    """A footnote mark in the text; the first mark of each note is where its note returns."""

    number: int
    first: bool


@dataclass(frozen=True, slots=True)
class _Side:
    claim: str
    notes: tuple[_Ref, ...]


@dataclass(frozen=True, slots=True)
class _Aside:
    anchor: str
    topic: str
    kind: str
    sides: tuple[_Side, ...]


@dataclass(frozen=True, slots=True)
class _Paragraph:
    anchor: str
    date: str
    edtf: str
    basis: str
    basis_note: str
    kind: str
    title: str
    description: str
    people: str
    places: str
    link: str | None
    notes: tuple[_Ref, ...]
    asides: tuple[_Aside, ...]


@dataclass(slots=True)
class _Section:
    heading: str | None
    paragraphs: list[_Paragraph] = field(default_factory=list)


class _Footnotes:
    """Numbers citations in reading order; the same span of the same source keeps its number."""

    def __init__(self, timeline: Timeline, source_anchors: Mapping[str, str]) -> None:
        self.sources = {s.id: s for s in timeline.sources}
        self.source_anchors = source_anchors
        self.numbers: dict[tuple[str, int, int], int] = {}
        self.notes: list[_Footnote] = []

    def cite_all(self, evidence: Iterable[Evidence]) -> tuple[_Ref, ...]:
        """Marks for citations, one per note."""
        refs: dict[int, _Ref] = {}
        for ev in evidence:
            ref = self.cite(ev)
            refs.setdefault(ref.number, ref)
        return tuple(refs.values())

    def cite(self, ev: Evidence) -> _Ref:
        key = (ev.source, ev.start, ev.end)
        if key in self.numbers:
            return _Ref(self.numbers[key], first=False)
        number = len(self.notes) + 1
        source = self.sources.get(ev.source)
        href = None
        if source is not None:
            span = _clamp(ev, source.text)
            if span is not None:
                href = f"sources.html#{_mark_anchor(self.source_anchors[source.id], span[0])}"
        title = (source.title or source.id) if source is not None else ev.source
        offsets = f"characters {ev.start}–{ev.end}"
        self.notes.append(_Footnote(number, ev.quote, title, href, offsets))
        self.numbers[key] = number
        return _Ref(number, first=True)


def _story(
    timeline: Timeline, source_anchors: Mapping[str, str]
) -> tuple[list[_Section], list[_Aside], list[_Footnote]]:
    notes = _Footnotes(timeline, source_anchors)
    event_anchors = dict(
        zip(
            [e.id for e in timeline.events],
            anchor_ids([e.id for e in timeline.events], "ev-"),
            strict=True,
        )
    )
    conflict_anchors = dict(
        zip(
            [c.id for c in timeline.conflicts],
            anchor_ids([c.id for c in timeline.conflicts], "conflict-"),
            strict=True,
        )
    )
    involved = conflicts_by_event(timeline)
    placed: set[str] = set()
    era = _era_labeller(timeline.events)
    sections: list[_Section] = []

    def aside(conflict: Conflict) -> _Aside:
        return _Aside(
            anchor=conflict_anchors[conflict.id],
            topic=conflict.topic or "these events",
            kind=conflict.kind,
            sides=tuple(
                _Side(_claim_label(conflict, claim), notes.cite_all(evidence))
                for claim, evidence in conflict.sides
            ),
        )

    for event in _story_order(timeline.events):
        year = _era_year(event.when)
        if year is None:
            heading: str | None = "Undated" if event.when is None else "Year unknown"
        else:
            heading = era(year) if era is not None else None
        if not sections or sections[-1].heading != heading:
            sections.append(_Section(heading))
        cited = notes.cite_all(event.evidence)
        people = [p.name for p in event.participants if p.kind != "place"]
        places = [p.name for p in event.participants if p.kind == "place"]
        asides: list[_Aside] = []
        for conflict in involved.get(event.id, []):
            if conflict.id not in placed:
                placed.add(conflict.id)
                asides.append(aside(conflict))
        sections[-1].paragraphs.append(
            _Paragraph(
                anchor=event_anchors[event.id],
                date=human_date(event.when),
                edtf=(event.when.edtf if event.when else "") or "",
                basis=_BASIS_NOTES.get(event.basis, ("", ""))[0],
                basis_note=_BASIS_NOTES.get(event.basis, ("", ""))[1],
                kind=event.kind,
                title=_sentence(event.title or "Untitled event"),
                description=_sentence(event.description),
                people=_and(people) if people else "",
                places=", ".join(places),
                link=safe_url(event.link),
                notes=cited,
                asides=tuple(asides),
            )
        )
    if all(s.heading is None for s in sections) and len(sections) > 1:
        sections = [_Section(None, [p for s in sections for p in s.paragraphs])]
    loose = [aside(c) for c in timeline.conflicts if c.id not in placed]
    return sections, loose, notes.notes


# ------------------------------------------------------------------------------ pages
@dataclass(frozen=True, slots=True)
class _Entry:
    """One timeline on the home page."""

    slug: str
    title: str
    events: str
    span: str
    sources: str
    conflicts: str


def _summary(timeline: Timeline, slug: str = "") -> _Entry:
    return _Entry(
        slug=slug,
        title=timeline.title or "Untitled timeline",
        events=plural(len(timeline.events), "event"),
        span=date_span(timeline),
        sources=plural(len(timeline.sources), "source"),
        conflicts=plural(len(timeline.conflicts), "conflict") if timeline.conflicts else "",
    )


def _page(template: str, **context: object) -> str:
    return environment().get_template(f"site/{template}").render(**context)


def story_page(timeline: Timeline, *, site_title: str = "Timelines") -> str:
    """The story page of one timeline (``<slug>/story.html``)."""
    anchors = dict(
        zip(
            [s.id for s in timeline.sources],
            anchor_ids([s.id for s in timeline.sources], "src-"),
            strict=True,
        )
    )
    sections, loose, footnotes = _story(timeline, anchors)
    return _page(
        "story.html",
        site_title=site_title,
        home=HOME,
        current="story",
        title=timeline.title or "Untitled timeline",
        summary=_summary(timeline),
        sections=sections,
        loose=loose,
        footnotes=footnotes,
        sources=[s.title or s.id for s in timeline.sources],
    )


def sources_page(timeline: Timeline, *, site_title: str = "Timelines") -> str:
    """The sources page of one timeline (``<slug>/sources.html``)."""
    ids = [s.id for s in timeline.sources]
    anchors = dict(zip(ids, anchor_ids(ids, "src-"), strict=True))
    return _page(
        "sources.html",
        site_title=site_title,
        home=HOME,
        current="sources",
        title=timeline.title or "Untitled timeline",
        summary=_summary(timeline),
        sources=_source_views(timeline, anchors),
    )


def index_page(timelines: Sequence[Timeline], slugs: Sequence[str], *, site_title: str) -> str:
    """The home page: every timeline with its pages."""
    entries = [_summary(t, slug) for t, slug in zip(timelines, slugs, strict=True)]
    return _page("index.html", site_title=site_title, home="index.html", entries=entries)


def viewer(timeline: Timeline) -> str:
    """The interactive viewer page of a timeline, linked to the rest of its site."""
    return viewer_page(timeline, home_href=HOME, links=_VIEWER_LINKS)


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What ``make_site`` wrote."""

    output: Path
    slugs: tuple[str, ...]
    files: tuple[str, ...]
    """Paths relative to ``output``, in POSIX form."""


def build_site(
    timelines: Sequence[Timeline], *, title: str = "Timelines"
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Every file of the site in memory: (relative path → content, slugs)."""
    slugs = unique_slugs(t.title for t in timelines)
    files: dict[str, str] = {"index.html": index_page(timelines, slugs, site_title=title)}
    for timeline, slug in zip(timelines, slugs, strict=True):
        files[f"{slug}/index.html"] = viewer(timeline)
        files[f"{slug}/story.html"] = story_page(timeline, site_title=title)
        files[f"{slug}/sources.html"] = sources_page(timeline, site_title=title)
        files[f"{slug}/timeline.json"] = render(timeline, "json").content
    return files, tuple(slugs)


# ------------------------------------------------------------------------------ write
def _relative(rel: str) -> PurePosixPath:
    path = PurePosixPath(rel)
    if path.is_absolute() or not path.parts or any(p in ("", ".", "..") for p in path.parts):
        raise ValueError(f"not a path inside the site: {rel!r}")
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _check_output(out: Path) -> None:
    if out.is_symlink() and not out.exists():
        raise InputError(f"Cannot write the site to {str(out)!r}: it is a broken link.")
    if out.exists() and not out.is_dir():
        raise InputError(
            f"Cannot write the site to {str(out)!r}: it is a file, not a folder.",
            hint="Give -o a folder name (it is created if missing).",
        )


def _check_targets(out: Path, rels: Iterable[PurePosixPath]) -> None:
    """Refuse before moving anything when a file we write would land outside ``out``."""
    for rel in rels:
        parent = out
        for part in rel.parts[:-1]:
            parent = parent / part
            if parent.is_symlink() or (parent.exists() and not parent.is_dir()):
                raise InputError(
                    f"Cannot write the site to {str(out)!r}: {str(parent)!r} is in the "
                    "way (a file or a link where the site needs a folder).",
                    hint="Move it away or choose another output folder.",
                )
        target = out / Path(*rel.parts)
        if target.is_dir() and not target.is_symlink():
            raise InputError(
                f"Cannot write the site to {str(out)!r}: {str(target)!r} is a folder.",
                hint="Move it away or choose another output folder.",
            )


def _move_in(staged: Path, backup: Path, out: Path, rels: Sequence[PurePosixPath]) -> None:
    """Move each staged file over its target; on failure put every old file back."""
    done: list[tuple[PurePosixPath, bool]] = []
    made: list[Path] = []
    try:
        for rel in rels:
            target = out.joinpath(*rel.parts)
            for folder in reversed(target.parents):
                if folder.is_relative_to(out) and folder != out and not folder.exists():
                    folder.mkdir()
                    made.append(folder)
            had_old = target.exists() or target.is_symlink()
            if had_old:
                kept = backup.joinpath(*rel.parts)
                kept.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, kept)
            done.append((rel, had_old))
            os.replace(staged.joinpath(*rel.parts), target)
    except OSError:
        for rel, had_old in reversed(done):
            target = out.joinpath(*rel.parts)
            kept = backup.joinpath(*rel.parts)
            if kept.exists() or kept.is_symlink():
                os.replace(kept, target)
            elif not had_old:
                target.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def write_site(files: Mapping[str, str], out: Path) -> None:
    """Write ``files`` (relative path → text) under ``out`` all at once, or not at all.

    The files go to a temporary folder first: beside a missing ``out``, which it then
    becomes by one rename; inside an existing one, whence each file is moved over its
    old version (put back if a later move fails). The folder's other files are kept.
    """
    _check_output(out)
    rels = {rel: _relative(rel) for rel in files}
    merge = out.is_dir()
    if merge:
        _check_targets(out, rels.values())
    where = out if merge else out.absolute().parent
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".chronologist-site-", suffix=".tmp", dir=where))
    except OSError as exc:
        raise InputError(f"Cannot write the site to {str(out)!r}: {exc.strerror or exc}.") from exc
    staged = tmp / "new" if merge else tmp
    try:
        for rel, content in files.items():
            path = staged.joinpath(*rels[rel].parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(content)
        if merge:
            _move_in(staged, tmp / "old", out, list(rels.values()))
        else:
            tmp.chmod(0o777 & ~_umask())
            os.replace(tmp, out)
    except OSError as exc:
        raise InputError(f"Cannot write the site to {str(out)!r}: {exc.strerror or exc}.") from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def make_site(
    paths: Sequence[str | os.PathLike[str]], out: Path, *, title: str = "Timelines"
) -> SiteResult:
    """Load our timeline JSON files and write their site to ``out``.

    Every file is read and every page rendered before anything is written: a missing or
    invalid timeline raises ``InputError`` naming the file and leaves ``out`` untouched.
    """
    from chronologist.ingest import load_timeline

    if not paths:
        raise InputError("No timelines given. Give one or more timeline JSON files.")
    _check_output(out)
    timelines = [load_timeline(p) for p in paths]
    files, slugs = build_site(timelines, title=title)
    write_site(files, out)
    return SiteResult(out, slugs, tuple(files))
