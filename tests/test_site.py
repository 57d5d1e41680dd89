"""`chronologist site`: a static site of timelines (home, viewer, story, sources, data)."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from chronologist import site as site_module
from chronologist.cli import main
from chronologist.ingest import load_timeline
from chronologist.models import Conflict, Event, Evidence, Participant, Source, Timeline
from chronologist.render.json import timeline_to_dict
from chronologist.site import date_span, slugify, unique_slugs
from chronologist.timemodel import TimeValue

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> \u202eevil\u202c \u6771\u4eac'
XSS_LINES = [
    line
    for line in (Path(__file__).parent / "fixtures" / "render" / "xss.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
]
MY_PAGES = ("story.html", "sources.html")


# ------------------------------------------------------------------------- fixtures
def _cite(source: Source, phrase: str) -> Evidence:
    start = source.text.index(phrase)
    return Evidence(source.id, start, start + len(phrase), phrase)


ESSAY = Source(
    "essay",
    "An essay on Rome and Russia",
    "text",
    "a" * 64,
    "In 44 BC Caesar was killed in Rome. Around 1907 the bank of Tiflis was robbed. "
    "Before 1917 strikes spread. From 1924 Stalin ruled. Later, the archives opened.",
    path="notes/essay.txt",
    author="A. Historian",
)
PAGE = Source(
    "page",
    "A web page",
    "html",
    "b" * 64,
    "The robbery took place in 1908, not 1907. Stalin ruled from 1924 until 1953.",
    url="https://example.org/page",
)
OVERLAP = ("The robbery took place in 1908", "in 1908, not 1907")


def history() -> Timeline:
    """BCE, approximate, open, undated events; a date conflict; two sources with text."""
    when = TimeValue.from_edtf
    events = (
        Event(
            "caesar",
            "Caesar is killed",
            "event",
            when("-0043-03-15"),
            "explicit",
            (_cite(ESSAY, "In 44 BC Caesar was killed in Rome."),),
            (Participant("Julius Caesar", "person"), Participant("Rome", "place")),
            description="The dictator dies in the senate.",
        ),
        Event(
            "robbery",
            "The Tiflis bank robbery",
            "event",
            when("1907~"),
            "explicit",
            (
                _cite(ESSAY, "Around 1907 the bank of Tiflis was robbed."),
                _cite(PAGE, OVERLAP[0]),
            ),
            link="https://example.org/tiflis",
        ),
        Event(
            "strikes",
            "Strikes",
            "period",
            when("../1917"),
            "explicit",
            (_cite(ESSAY, "Before 1917 strikes spread."),),
        ),
        Event(
            "rule",
            "Stalin rules",
            "period",
            when("1924/.."),
            "relative",
            (_cite(ESSAY, "From 1924 Stalin ruled."), _cite(PAGE, "from 1924 until 1953")),
        ),
        Event("twenties", "The twenties", "period", when("192X"), "contextual", ()),
        Event(
            "archives",
            "The archives open",
            "event",
            None,
            "none",
            (_cite(ESSAY, "Later, the archives opened."),),
        ),
    )
    conflict = Conflict(
        "c1",
        "When was the bank robbed?",
        "date",
        ("robbery",),
        (
            ("1907~", (_cite(ESSAY, "Around 1907 the bank of Tiflis was robbed."),)),
            ("1908", (_cite(PAGE, OVERLAP[1]),)),
        ),
    )
    return Timeline("Rome and Russia", (ESSAY, PAGE), events, (conflict,))


def hostile() -> Timeline:
    """Every text field hostile; a javascript: link; spans over hostile source text."""
    text = "\n".join(XSS_LINES) + f"\n{HOSTILE}\n"
    source = Source(
        "src<1>",
        f"Source {HOSTILE}",
        "html",
        "0" * 64,
        text,
        url="javascript:alert(1)",
        author=HOSTILE,
    )
    other = Source(
        '"><x>', HOSTILE, "text", "1" * 64, HOSTILE, path=f"../../{HOSTILE}", author=None
    )
    script = _cite(source, "<script>alert(1)</script>")
    events = (
        Event(
            '" onmouseover="alert(1)',
            f"Title {HOSTILE}",
            "event",
            TimeValue.from_edtf("1907"),
            "explicit",
            (script, _cite(source, "javascript:alert(1)"), _cite(other, HOSTILE)),
            (Participant(HOSTILE, "person"), Participant(HOSTILE, "place")),
            description=f"Description {HOSTILE}",
            link="javascript:alert(1)",
        ),
        Event(
            "e2",
            "[click me](javascript:alert(1))",
            "event",
            None,
            "none",
            (_cite(source, '<a href="javascript:alert(1)">link</a>'),),
            link='https://example.org/"onmouseover=alert(1)',
        ),
    )
    conflict = Conflict(
        "c<1>", f"Topic {HOSTILE}", "claim", (events[0].id,), ((HOSTILE, (script,)),)
    )
    return Timeline(f"../../{HOSTILE}", (source, other), events, (conflict,))


def plain() -> Timeline:
    """A small harmless timeline (the baseline for the viewer's own scripts)."""
    source = Source("s", "Plain", "text", "2" * 64, "In 1900 it began.", path="p.txt")
    event = Event(
        "e", "It began", "event", TimeValue.from_edtf("1900"), "explicit", (_cite(source, "1900"),)
    )
    return Timeline("Rome and Russia", (source,), (event,))


def write_json(path: Path, timeline: Timeline) -> Path:
    path.write_text(json.dumps(timeline_to_dict(timeline), ensure_ascii=False), encoding="utf-8")
    return path


def run(*args: str | Path):
    return CliRunner().invoke(main, ["site", *map(str, args)])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A site of three timelines: history, hostile, and a second 'Rome and Russia'."""
    tmp = tmp_path_factory.mktemp("site")
    a = write_json(tmp / "a.json", history())
    b = write_json(tmp / "b.json", hostile())
    c = write_json(tmp / "c.json", plain())
    out = tmp / "out"
    result = run(a, b, c, "-o", out)
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    return out


# --------------------------------------------------------------------- html reading
class Page(HTMLParser):
    """What the checks need from one page: tags, ids, links, text, and the marked text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}
        """Text inside elements, by id of the nearest element with an id."""
        self.id_stack: list[str | None] = []
        self.pres: list[list[tuple[str, bool, str | None]]] = []
        """Per <pre class="text">: (text, marked, mark id) pieces."""
        self.in_pre = False
        self.mark: tuple[bool, str | None] = (False, None)
        self.script_text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.add(d["id"])
        if tag == "pre" and "text" in (d.get("class") or "").split():
            self.in_pre = True
            self.pres.append([])
        if tag == "mark":
            self.mark = (True, d.get("id"))
        if tag in ("br", "meta", "link", "img", "input", "hr"):
            return
        self.stack.append(tag)
        self.id_stack.append(d.get("id"))

    def handle_endtag(self, tag):
        if tag == "pre":
            self.in_pre = False
        if tag == "mark":
            self.mark = (False, None)
        if tag in self.stack:
            while self.stack:
                self.id_stack.pop()
                if self.stack.pop() == tag:
                    break

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.script_text.append(data)
        if self.in_pre:
            self.pres[-1].append((data, *self.mark))
        for ident in self.id_stack:
            if ident:
                self.texts.setdefault(ident, []).append(data)

    def text_of(self, ident: str) -> str:
        return "".join(self.texts.get(ident, []))

    def links(self) -> list[str]:
        return [
            value
            for _tag, attrs in self.tags
            for name, value in attrs.items()
            if name in ("href", "src", "action", "formaction", "data") and value is not None
        ]

    def elements(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def slug_dirs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir())


# ------------------------------------------------------------------------ structure
def test_every_page_exists(built):
    assert (built / "index.html").is_file()
    dirs = slug_dirs(built)
    assert len(dirs) == 3
    for folder in dirs:
        for name in ("index.html", "story.html", "sources.html", "timeline.json"):
            assert (folder / name).is_file(), folder / name
    # nothing else: no temporary folders left beside or inside the output
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".")]
    assert {p.name for p in built.iterdir()} == {"index.html", *(d.name for d in dirs)}


def test_slugs_are_ascii_unique_and_inside_the_output(built):
    names = [d.name for d in slug_dirs(built)]
    assert len(set(names)) == 3
    assert "rome-and-russia" in names and "rome-and-russia-2" in names
    for name in names:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), name
        assert (built / name).resolve().parent == built.resolve()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Stalin's Rise to Power", "stalins-rise-to-power"),
        ("Ünïcødé — Œuvre, Straße", "unicode-oeuvre-strasse"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "timeline"),
        ("", "timeline"),
        ("\u6771\u4eac", "timeline"),
        ("CON", "con-timeline"),
        ("index", "index"),
        ("x" * 200, "x" * 60),
        ("a" * 59 + " b", "a" * 59),
    ],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_unique_slugs_suffix_in_order():
    assert unique_slugs(["A b", "a-b", "A  B!", "a-b-2"]) == ["a-b", "a-b-2", "a-b-3", "a-b-2-2"]


def test_every_relative_link_resolves(built):
    root = built.resolve()
    for page in pages(built):
        parsed = read(page)
        mine = page.name in MY_PAGES or page == built / "index.html"
        for link in parsed.links():
            parts = urlsplit(link)
            if parts.scheme:
                assert parts.scheme in ("http", "https"), (page, link)
                continue
            assert not link.startswith(("/", "\\")) and not parts.netloc, (page, link)
            if not parts.path:
                if mine and parts.fragment:
                    assert parts.fragment in parsed.ids, (page, link)
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_relative_to(root), (page, link)
            assert target.is_file(), (page, link)
            if mine and parts.fragment and target.suffix == ".html":
                assert parts.fragment in read(target).ids, (page, link)


def test_every_page_links_home_and_to_its_siblings(built):
    home = (built / "index.html").resolve()
    index = read(built / "index.html")
    for folder in slug_dirs(built):
        for name in ("index.html", "story.html", "sources.html", "timeline.json"):
            assert f"{folder.name}/{name}" in index.links()
        for name in ("index.html", *MY_PAGES):
            page = folder / name
            targets = {
                (page.parent / urlsplit(h).path).resolve()
                for h in read(page).links()
                if not urlsplit(h).scheme and urlsplit(h).path
            }
            assert home in targets, page
            if name in MY_PAGES:
                for sibling in ("index.html", "story.html", "sources.html", "timeline.json"):
                    assert (folder / sibling).resolve() in targets, (page, sibling)


def test_pages_are_semantic_and_self_contained(built):
    for page in [built / "index.html", *(d / n for d in slug_dirs(built) for n in MY_PAGES)]:
        html = page.read_text(encoding="utf-8")
        parsed = Page(html)
        assert parsed.elements("html")[0].get("lang") == "en"
        assert len(parsed.elements("h1")) == 1, page
        for tag in ("header", "nav", "main", "footer"):
            assert parsed.elements(tag), (page, tag)
        assert not parsed.elements("script") and not parsed.elements("link"), page
        assert not [a for _t, a in parsed.tags if "src" in a], page
        assert "url(" not in html and "@import" not in html
        assert "prefers-color-scheme: dark" in html and "@media print" in html


def test_home_page_lists_each_timeline(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    assert "3 timelines" in html and html.count('class="card"') == 3
    assert "6 events" in html and "2 sources" in html and "1 conflict" in html
    assert "15 March 44 BCE – 1920s" in html and "1 event" in html and "1900" in html
    assert html.count("<h2") == 3 and html.count(">Rome and Russia</a></h2>") == 2


def test_date_span():
    assert date_span(history()) == "15 March 44 BCE – 1920s"
    assert date_span(plain()) == "1900"
    assert date_span(Timeline("t", (), ())) == ""


def test_story_tells_the_events_in_order_with_dates(built):
    html = (built / "rome-and-russia" / "story.html").read_text(encoding="utf-8")
    html = html[html.index("</header>", html.index("<h1>")) :]
    order = [
        "1st century BCE",
        "15 March 44 BCE.</span>",
        "Caesar is killed.",
        "20th century",
        "c. 1907",
        "before 1917",
        "1920s",
        "from 1924",
        "Undated",
        "The archives open.",
    ]
    positions = [html.index(s) for s in order]
    assert positions == sorted(positions)
    assert "With Julius Caesar." in html and "Places: Rome." in html
    assert '</span> <span class="title">' in html
    assert 'href="https://example.org/tiflis"' in html


def test_story_footnotes_resolve_to_quotes_and_marks(built):
    folder = built / "rome-and-russia"
    story = read(folder / "story.html")
    sources = read(folder / "sources.html")
    refs = [h for h in story.links() if h.startswith("#fn-")]
    notes = sorted(i for i in story.ids if i.startswith("fn-"))
    assert refs and set(refs) == {f"#{n}" for n in notes}
    cited = {(e.source, e.start, e.end): e for ev in history().events for e in ev.evidence}
    for side in history().conflicts[0].sides:
        cited.update({(e.source, e.start, e.end): e for e in side[1]})
    assert len(notes) == len(cited)
    quotes = {e.quote for e in cited.values()}
    for note in notes:
        text = story.text_of(note)
        quote = next(q for q in quotes if f"\u201c{q}\u201d" in text)
        back = f"#ref-{note.removeprefix('fn-')}"
        assert back in story.links() and back[1:] in story.ids
        (target,) = [
            h for h in _links_inside(folder / "story.html", note) if h.startswith("sources.html#")
        ]
        mark_id = target.split("#", 1)[1]
        assert mark_id in sources.ids
        assert quote.startswith(sources.text_of(mark_id))


def _links_inside(page: Path, ident: str) -> list[str]:
    """The hrefs inside the element with this id."""

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth = 0
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs):
            d = dict(attrs)
            if self.depth or d.get("id") == ident:
                self.depth += 1
                if d.get("href"):
                    self.found.append(d["href"] or "")

        def handle_endtag(self, tag):
            if self.depth:
                self.depth -= 1

    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_conflict_is_an_aside_with_each_side_and_citations(built):
    story = read(built / "rome-and-russia" / "story.html")
    (aside,) = story.elements("aside")
    text = story.text_of(aside["id"] or "")
    assert "When was the bank robbed?" in text
    assert "c. 1907" in text and "1908" in text
    refs = [h for h in _links_inside(built / "rome-and-russia" / "story.html", aside["id"] or "")]
    assert len(refs) == 2 and all(r.startswith("#fn-") for r in refs)


def _marked(pre: list[tuple[str, bool, str | None]]) -> tuple[str, set[int], list[str]]:
    """The whole text, the marked offsets, and the text of each <mark> in order."""
    text, offsets, marks = "", set(), []
    for piece, marked, _ident in pre:
        if marked:
            offsets.update(range(len(text), len(text) + len(piece)))
            marks.append(piece)
        text += piece
    return text, offsets, marks


def test_sources_page_marks_exactly_the_cited_spans(built):
    sources = read(built / "rome-and-russia" / "sources.html")
    assert len(sources.pres) == 2
    essay, page = (_marked(p) for p in sources.pres)
    # the essay: no overlaps, so each mark is one quote, in text order
    assert essay[0] == ESSAY.text
    quotes = sorted(
        {(e.start, e.quote) for ev in history().events for e in ev.evidence if e.source == "essay"}
    )
    assert essay[2] == [q for _s, q in quotes]
    # the page: two overlapping quotes are marked as their union, cut where they overlap
    assert page[0] == PAGE.text
    spans = [(PAGE.text.index(q), PAGE.text.index(q) + len(q)) for q in OVERLAP]
    spans.append((PAGE.text.index("from 1924 until 1953"), PAGE.text.index(" 1953") + 5))
    assert page[1] == {i for s, e in spans for i in range(s, e)}
    assert "".join(page[2][:3]) == "The robbery took place in 1908, not 1907"
    depth2 = [m for m in sources.elements("mark") if "depth-2" in (m.get("class") or "")]
    assert len(depth2) == 1


def test_sources_page_lists_what_we_know(built):
    html = (built / "rome-and-russia" / "sources.html").read_text(encoding="utf-8")
    assert "a" * 64 in html and "b" * 64 in html
    assert "A. Historian" in html and "notes/essay.txt" in html
    assert '<a class="out" href="https://example.org/page"' in html
    assert "5 events" in html and "2 events" in html


def test_marks_handle_nested_adjacent_and_out_of_range_spans():
    text = "abcdefghij"
    src = Source("s", "S", "text", "", text)

    def ev(start: int, end: int) -> Evidence:
        return Evidence("s", start, end, text[max(0, start) : max(0, end)])

    evidence = (ev(0, 6), ev(2, 4), ev(2, 4), ev(6, 8), ev(-5, 1), ev(9, 99), ev(5, 5), ev(7, 3))
    stray = Evidence("nowhere", 0, 3, "abc")
    timeline = Timeline("T", (src,), (Event("e", "E", "event", None, "none", (*evidence, stray)),))
    page = Page(site_module.sources_page(timeline))
    text_seen, offsets, marks = _marked(page.pres[0])
    assert text_seen == text
    assert offsets == set(range(0, 8)) | {9}
    assert marks == ["a", "b", "cd", "ef", "gh", "j"]  # (-5, 1) is clamped to (0, 1)
    depths = [m.get("class") for m in page.elements("mark")][1:]  # the first is in the lede
    assert depths == ["depth-2", "depth-1", "depth-2", "depth-1", "depth-1", "depth-1"]
    assert {"src-s-c0", "src-s-c2", "src-s-c6", "src-s-c9"} <= page.ids
    story = site_module.story_page(timeline)
    assert "nowhere" in story and story.count('href="sources.html#src-s-c') == 5
    assert story.count('<li id="fn-') == 8  # the repeated span shares its note


def test_timeline_json_travels_with_the_site(built):
    data = built / "rome-and-russia" / "timeline.json"
    assert timeline_to_dict(load_timeline(data)) == timeline_to_dict(history())


# -------------------------------------------------------------------------- hostile
def _hostile_dir(built: Path) -> Path:
    (folder,) = [d for d in slug_dirs(built) if not d.name.startswith("rome")]
    return folder


def test_hostile_slug_stays_inside(built):
    folder = _hostile_dir(built)
    assert folder.parent == built and folder.name.isascii()
    assert ".." not in folder.name and "/" not in folder.name


def _assert_inert(parsed: Page, scripts_allowed: int = 0) -> None:
    assert len(parsed.elements("script")) == scripts_allowed
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "svg", "iframe", "object", "embed", "form", "base"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if value and name in ("href", "src", "action", "formaction", "xlink:href"):
                assert not value.strip().lower().startswith(("javascript:", "data:")), value


def test_hostile_timeline_is_inert(built):
    folder = _hostile_dir(built)
    for page in [built / "index.html", *(folder / n for n in MY_PAGES)]:
        html = page.read_text(encoding="utf-8")
        parsed = Page(html)
        _assert_inert(parsed)
        assert "alert(1)" in html  # shown as text ...
        assert "<script>alert" not in html and "<img src=x" not in html  # ... never as markup
    story = (folder / "story.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in story
    assert "\u202eevil" in story and "\u6771\u4eac" in story
    assert "More</a>" not in story  # javascript: and quote-breaking links are dropped
    sources = read(folder / "sources.html")
    assert any("javascript:alert(1)" in "".join(t) for t in sources.texts.values())
    text, offsets, marks = _marked(sources.pres[0])
    assert "<script>alert(1)</script>" in marks and text.startswith(XSS_LINES[0])


def test_viewer_pages_carry_no_script_from_the_data(built):
    plain_viewer = read(built / "rome-and-russia-2" / "index.html")
    own_scripts = len(plain_viewer.elements("script"))
    _assert_inert(read(_hostile_dir(built) / "index.html"), scripts_allowed=own_scripts)


# --------------------------------------------------------------------------- errors
def test_missing_and_invalid_timelines_name_the_file_and_write_nothing(tmp_path):
    good = write_json(tmp_path / "good.json", history())
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"schema": "something/else"}', encoding="utf-8")
    broken = tmp_path / "broken.json"
    data = timeline_to_dict(history())
    data["events"][0]["when"]["edtf"] = "not a date"
    broken.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    for path in (bad, other, broken, tmp_path / "missing.json"):
        result = run(good, path, "-o", out)
        assert result.exit_code == 1, result.output
        assert path.name in result.output and "Error:" in result.output
        assert "Traceback" not in result.output
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "bad.json",
        "broken.json",
        "good.json",
        "other.json",
    ]


def test_output_that_is_a_file_is_refused(tmp_path):
    good = write_json(tmp_path / "good.json", history())
    out = tmp_path / "site"
    out.write_text("keep me", encoding="utf-8")
    result = run(good, "-o", out)
    assert result.exit_code == 1
    assert "is a file" in result.output and "site" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"


def test_existing_output_keeps_other_files_and_replaces_ours(tmp_path):
    good = write_json(tmp_path / "good.json", history())
    out = tmp_path / "site"
    (out / "rome-and-russia").mkdir(parents=True)
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    (out / "index.html").write_text("old", encoding="utf-8")
    (out / "rome-and-russia" / "notes.md").write_text("mine too", encoding="utf-8")
    result = run(good, "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "rome-and-russia" / "notes.md").read_text(encoding="utf-8") == "mine too"
    assert "Rome and Russia" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "rome-and-russia" / "story.html").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_folder_in_the_way_is_refused_before_anything_moves(tmp_path):
    good = write_json(tmp_path / "good.json", history())
    out = tmp_path / "site"
    (out / "rome-and-russia" / "story.html").mkdir(parents=True)
    (out / "index.html").write_text("old", encoding="utf-8")
    result = run(good, "-o", out)
    assert result.exit_code == 1 and "story.html" in result.output
    assert (out / "index.html").read_text(encoding="utf-8") == "old"


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_linked_slug_folder_is_refused(tmp_path):
    good = write_json(tmp_path / "good.json", history())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "site"
    out.mkdir()
    (out / "rome-and-russia").symlink_to(elsewhere, target_is_directory=True)
    result = run(good, "-o", out)
    assert result.exit_code == 1 and "in the way" in result.output
    assert not list(elsewhere.iterdir())


def test_a_failure_while_writing_leaves_no_half_site(tmp_path, monkeypatch):
    good = write_json(tmp_path / "good.json", history())
    out = tmp_path / "site"

    def boom(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(site_module.os, "replace", boom)
    result = run(good, "-o", out)
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.json"]


def test_a_failure_while_updating_a_site_puts_the_old_files_back(tmp_path, monkeypatch):
    good = write_json(tmp_path / "good.json", history())
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    (out / "index.html").write_text("old home", encoding="utf-8")
    real_replace = os.replace
    moves = []

    def flaky(src, dst):
        moves.append(dst)
        if str(dst).endswith("sources.html"):
            raise OSError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(site_module.os, "replace", flaky)
    result = run(good, "-o", out)
    assert result.exit_code == 1 and "Permission denied" in result.output
    assert len(moves) > 3  # some files had been moved in before the failure
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "keep.txt"]
    assert (out / "index.html").read_text(encoding="utf-8") == "old home"


def test_a_failure_while_rendering_writes_nothing(tmp_path, monkeypatch):
    good = write_json(tmp_path / "good.json", history())
    out = tmp_path / "site"

    def boom(*_args, **_kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(site_module, "sources_page", boom)
    result = run(good, "-o", out)
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.json"]


def test_json_summary(tmp_path):
    good = write_json(tmp_path / "good.json", history())
    result = run(good, "-o", tmp_path / "s", "--json", "--title", "My <b>site</b>")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["timelines"] == ["rome-and-russia"]
    assert sorted(summary["files"]) == sorted(
        ["index.html", *(str(PurePosixPath("rome-and-russia", n)) for n in site_module.PAGES)]
    )
    index = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert "My &lt;b&gt;site&lt;/b&gt;" in index


# --------------------------------------------------------------------------- viewer
def test_the_viewer_page_is_the_interactive_viewer_linked_to_its_site(tmp_path):
    good = write_json(tmp_path / "good.json", history())
    result = run(good, "-o", tmp_path / "s", "--json")
    assert result.exit_code == 0, result.output
    page = read(tmp_path / "s" / "rome-and-russia" / "index.html")
    links = page.links()
    for href in ("../index.html", "story.html", "sources.html", "timeline.json"):
        assert href in links
    assert page.elements("script")  # the viewer's own inline module, nothing fetched
    assert not any(attrs.get("src") for attrs in page.elements("script"))
