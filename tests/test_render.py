"""Renderers: registry, each format's structure, what lossy formats drop, hostile text."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronologist.errors import UnsupportedFormat
from chronologist.models import (
    Conflict,
    Event,
    Evidence,
    Participant,
    Source,
    SourceItem,
    Span,
    Timeline,
)
from chronologist.render import (
    RENDERERS,
    Rendered,
    format_for_path,
    human_date,
    render,
    timeline_from_dict,
    timeline_to_dict,
)
from chronologist.render.csv import COLUMNS, guard_cell
from chronologist.render.ics import fold, ics_text
from chronologist.render.markdown import md_escape
from chronologist.render.timelinejs import slide_dates, timelinejs_year
from chronologist.timemodel import TimePoint, TimeValue

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "schema" / "timeline-1.schema.json").read_text(encoding="utf-8"))
XSS = [
    line
    for line in (Path(__file__).parent / "fixtures" / "render" / "xss.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
]
HOSTILE = "<script>alert(1)</script> javascript:alert(1) =cmd()"


def _timeline(hostile: str = HOSTILE) -> Timeline:
    """Seven events covering what the formats find hard, and one conflict."""
    text = f"In 44 BC Caesar died. c. 1907 {hostile}. Before 1917. From 1924. Later, {hostile}."
    doc = Source("src1", f"Notes {hostile}", "text", "0" * 64, text, path="notes.txt")
    web = Source("src2", "Web page", "html", "1" * 64, "Around 1907.", url="https://example.org/p")

    def cite(phrase: str, source: Source = doc) -> Evidence:
        start = source.text.index(phrase)
        return Evidence(source.id, start, start + len(phrase), phrase)

    when = TimeValue.from_edtf
    events = (
        Event(
            "caesar",
            "Caesar dies",
            "event",
            when("-0043-03-15"),
            "explicit",
            (cite("In 44 BC Caesar died."),),
            (Participant("Julius Caesar", "person"),),
        ),
        Event(
            "robbery",
            hostile,
            "event",
            when("1907~"),
            "explicit",
            (cite(f"c. 1907 {hostile}."), cite("Around 1907.", web)),
            description=f"Description {hostile}",
            link="javascript:alert(1)",
            media="https://example.org/photo.jpg",
        ),
        Event("before", "Strikes", "period", when("../1917"), "explicit", (cite("Before 1917."),)),
        Event("after", "Rule", "period", when("1924/.."), "relative", (cite("From 1924."),)),
        Event("undated", "Undated", "event", None, "none", (cite(f"Later, {hostile}."),)),
        Event("twenties", "Twenties", "period", when("192X"), "contextual", ()),
        Event("span", "Span", "period", when("1921-04/1928"), "explicit", ()),
    )
    sides = (("1907", (cite(f"c. 1907 {hostile}."),)), ("1917", (cite("Before 1917."),)))
    conflict = Conflict("c1", f"When {hostile}", "date", ("robbery", "before"), sides)
    return Timeline(f"Title {hostile}", (doc, web), events, (conflict,), (("assemble", "x.v1"),))


TIMELINE = _timeline()


# ---------------------------------------------------------------------------- registry
def test_registry_holds_the_builtin_formats_in_order():
    assert [(r.name, r.suffix) for r in RENDERERS.values()] == [
        ("json", ".json"),
        ("timelinejs", ".timelinejs.json"),
        ("csv", ".csv"),
        ("markdown", ".md"),
        ("ics", ".ics"),
        ("html", ".html"),
        ("plainhtml", ".plain.html"),
    ]


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("x.json", "json"),
        ("out/x.timelinejs.json", "timelinejs"),
        ("X.TIMELINEJS.JSON", "timelinejs"),
        ("timelinejs.json", "json"),
        ("a.b.csv", "csv"),
        ("notes.md", "markdown"),
        ("cal.ics", "ics"),
        (Path("site/index.html"), "html"),
    ],
)
def test_format_for_path(path, fmt):
    assert format_for_path(path) == fmt


@pytest.mark.parametrize("path", ["x.pdf", "x", "x.htm", ".json", "x.json/"])
def test_format_for_path_lists_the_choices_for_unknown_endings(path):
    with pytest.raises(UnsupportedFormat) as err:
        format_for_path(path)
    assert "timelinejs (.timelinejs.json)" in str(err.value) and "ics (.ics)" in str(err.value)


def test_render_rejects_an_unknown_format_naming_the_choices():
    with pytest.raises(UnsupportedFormat, match="Unknown output format 'pdf'.*markdown"):
        render(TIMELINE, "pdf")


@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_every_format_renders_an_empty_timeline(fmt):
    out = render(Timeline("", (), ()), fmt)
    assert isinstance(out, Rendered) and out.content and out.dropped == ()
    assert out.media_type == RENDERERS[fmt].media_type


# -------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("edtf", "label"),
    [
        ("1907", "1907"),
        ("1907~", "c. 1907"),
        ("1907?", "1907?"),
        ("1907%", "c. 1907?"),
        ("1922-04", "April 1922"),
        ("1922-04-03", "3 April 1922"),
        ("-0043-03-15", "15 March 44 BCE"),
        ("0000", "1 BCE"),
        ("192X", "1920s"),
        ("19XX", "1900–1999"),
        ("-043X", "440–431 BCE"),
        ("1347-22", "summer 1347"),
        ("1998-35", "third quarter of 1998"),
        ("1921/1928", "1921–1928"),
        ("1921-04/1928", "April 1921 – 1928"),
        ("-0099/0050", "100 BCE – 50 CE"),
        ("0014-08-19", "19 August 14 CE"),
        ("0800", "800 CE"),
        ("../1917", "before 1917"),
        ("1924/..", "from 1924"),
        ("1917/", "1917–?"),
        ("XXXX-08-07", "7 August (year unknown)"),
        ("1922-04-03T14:30:00", "3 April 1922, 14:30:00"),
    ],
)
def test_human_date(edtf, label):
    assert human_date(TimeValue.from_edtf(edtf)) == label


def test_human_date_of_mods_and_calendars():
    decade = TimeValue.point(TimePoint("decade", year=1920))
    assert human_date(decade.with_(mod="START")) == "early 1920s"
    assert human_date(decade.with_(mod="END")) == "late 1920s"
    assert human_date(TimeValue.from_timex("1917", "AFTER")) == "after 1917"
    assert human_date(TimeValue.from_edtf("1582").with_(calendar="julian")) == "1582 (Julian)"
    assert human_date(None) == "" and human_date(TimeValue.from_timex("P3Y")) == ""


@pytest.mark.parametrize(("ours", "theirs"), [(1907, 1907), (1, 1), (0, -1), (-43, -44)])
def test_timelinejs_years_are_historical(ours, theirs):
    assert timelinejs_year(ours) == theirs


@settings(max_examples=200, deadline=None)
@given(
    st.integers(-3000, 3000),
    st.integers(-3000, 3000),
    st.sampled_from(["", "-06", "-06-15", "-22"]),
    st.sampled_from(["", "~", "?"]),
)
def test_timelinejs_dates_keep_the_order(a, b, rest, qualifier):
    lo, hi = sorted((a, b))
    ys = [f"-{abs(y):04d}" if y < 0 else f"{y:04d}" for y in (lo, hi)]
    value = TimeValue.from_edtf(f"{ys[0]}{rest}{qualifier}/{ys[1]}{rest}{qualifier}")
    dates = slide_dates(value)
    assert dates is not None
    start = int(dates.start["year"])
    end = int(dates.end["year"]) if dates.end else start
    assert start <= end and 0 not in (start, end)
    assert start == timelinejs_year(lo)
    assert human_date(value)


# --------------------------------------------------------------------------------- json
def test_json_is_timeline_to_dict_and_valid_against_the_schema():
    out = render(TIMELINE, "json")
    data = json.loads(out.content)
    assert data == timeline_to_dict(TIMELINE)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert "<script>" in out.content  # kept as data: escaping is the viewer's job
    assert timeline_from_dict(data).events[0].when == TIMELINE.events[0].when


def test_json_without_texts_is_valid_too():
    jsonschema.validate(timeline_to_dict(TIMELINE, with_text=False), SCHEMA)


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.update(schema="chronologist.timeline/2"),
        lambda d: d["events"][0]["when"].update(basis="guessed"),
        lambda d: d["events"][0]["when"].update(earliest="1907"),
        lambda d: d["events"][0].update(extra=1),
        lambda d: d["sources"][0].update(url="https://example.org"),
        lambda d: d["conflicts"][0]["sides"][0]["evidence"][0].pop("quote"),
    ],
)
def test_schema_rejects_what_we_never_write(breakage):
    data = timeline_to_dict(TIMELINE)
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_json_notes_what_it_leaves_out():
    event = Event("e", "E", "event", None, "none", (), claims=("allied:a+b",))
    item = SourceItem("Item", Span(0, 1))
    source = Source("s", "S", "timetoast", "0", "x", path="s.txt", items=(item,))
    out = render(Timeline("T", (source,), (event,)), "json")
    assert out.dropped == (
        "claims of 1 event left out (conflicts keep what they found)",
        "1 source item left out (the reader finds them again)",
    )


# --------------------------------------------------------------------------- timelinejs
def test_timelinejs_structure_dates_and_notes():
    out = render(TIMELINE, "timelinejs")
    data = json.loads(out.content)
    slides = {s["unique_id"]: s for s in data["events"]}
    assert list(slides) == ["caesar", "robbery", "before", "after", "twenties", "span"]
    assert slides["caesar"]["start_date"] == {"year": "-44", "month": "3", "day": "15"}
    assert "display_date" not in slides["caesar"]
    assert slides["robbery"]["start_date"] == {"year": "1907"}
    assert slides["robbery"]["display_date"] == "c. 1907"
    assert slides["robbery"]["media"] == {"url": "https://example.org/photo.jpg"}
    assert slides["before"]["start_date"] == {"year": "1917"}
    assert slides["before"]["display_date"] == "before 1917"
    assert "end_date" not in slides["after"] and slides["after"]["display_date"] == "from 1924"
    assert slides["twenties"]["start_date"] == {"year": "1920"}
    assert slides["twenties"]["end_date"] == {"year": "1929"}
    assert slides["span"]["end_date"] == {"year": "1928"}
    assert slides["robbery"]["text"]["headline"].endswith("(sources disagree)")
    assert "<strong>Sources disagree</strong>" in slides["before"]["text"]["text"]
    assert "Around 1907.</blockquote><p>— Web page</p>" in slides["robbery"]["text"]["text"]
    assert data["title"]["text"]["headline"].startswith("Title &lt;script&gt;")
    assert out.dropped == (
        "1 undated event left out: TimelineJS needs a start date",
        "open start of 1 event can't be held: placed at the known end",
        "open end of 1 event can't be held: shown from the start only",
        "approximate/uncertain qualifiers of 1 date lost (kept in display_date)",
        "1 link/media URL left out: only http(s) URLs are kept",
    )


def test_timelinejs_cosmological_scale_for_deep_time():
    event = Event("big", "Big", "event", TimeValue.from_edtf("Y-170000000"), "explicit", ())
    data = json.loads(render(Timeline("T", (), (event,)), "timelinejs").content)
    assert data["scale"] == "cosmological"
    assert data["events"][0]["start_date"] == {"year": "-170000001"}


# ---------------------------------------------------------------------------------- csv
def _csv_rows(timeline: Timeline = TIMELINE) -> list[dict[str, str]]:
    text = render(timeline, "csv").content
    assert text.endswith("\r\n")
    reader = csv.reader(io.StringIO(text, newline=""))
    header, *rows = list(reader)
    assert tuple(header) == COLUMNS
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_csv_has_one_row_per_event_with_timelinejs_dates():
    rows = _csv_rows()
    assert len(rows) == len(TIMELINE.events)
    caesar, robbery, before, _, undated, twenties, _ = rows
    assert (caesar["Year"], caesar["Month"], caesar["Day"]) == ("-44", "3", "15")
    assert caesar["EDTF"] == "-0043-03-15" and caesar["Sources"] == "src1:0-21"
    assert robbery["Display Date"] == "c. 1907" and robbery["Sources"].count(";") == 1
    assert robbery["Media"] == "https://example.org/photo.jpg"
    assert before["Headline"] == "Strikes (sources disagree)"
    assert undated["Year"] == "" and undated["EDTF"] == ""
    assert (twenties["Year"], twenties["End Year"]) == ("1920", "1929")


def test_csv_cells_cannot_run_as_formulas():
    hostile = _timeline("=cmd()")
    rows = _csv_rows(hostile)
    assert rows[1]["Headline"] == "'=cmd() (sources disagree)"
    for row in rows:
        for column, value in row.items():
            if value[:1] in ("=", "+", "-", "@"):
                assert column in ("Year", "End Year", "EDTF"), (column, value)


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("Year", "-44", "-44"),
        ("Year", "-44+1", "'-44+1"),
        ("EDTF", "-0043/-0040", "-0043/-0040"),
        ("EDTF", "-1+cmd()", "'-1+cmd()"),
        ("Headline", "-44", "'-44"),
        ("Text", "@SUM(1)", "'@SUM(1)"),
        ("Text", "\tx", "'\tx"),
        ("Text", "a=b", "a=b"),
    ],
)
def test_guard_cell(column, value, expected):
    assert guard_cell(column, value) == expected


# ----------------------------------------------------------------------------- markdown
def test_markdown_narrative_with_footnotes_and_conflicts():
    out = render(TIMELINE, "markdown")
    text = out.content
    assert text.startswith("# Title \\<script\\>alert\\(1\\)\\</script\\>")
    assert "**15 March 44 BCE** — Caesar dies.[^1]\n" in text
    assert "**undated** — Undated.[^6]" in text
    assert '[^1]: "In 44 BC Caesar died." — Notes' in text and "(chars 0–21)" in text
    conflicts = text[text.index("## Conflicts") :]
    assert "- 1907[^2]\n- 1917[^4]" in conflicts  # a citation keeps one footnote
    assert text.count("[^2]:") == 1
    assert out.dropped == (
        "participants of 1 event left out",
        "1 media link left out",
        "1 link left out: only http(s) URLs are kept",
    )


def test_md_escape_makes_markup_inert():
    assert md_escape("<b>[x](javascript:y)</b>\n*z*") == (
        "\\<b\\>\\[x\\]\\(javascript:y\\)\\</b\\> \\*z\\*"
    )


# ---------------------------------------------------------------------------------- ics
def _unfold(content: str) -> list[str]:
    assert content.endswith("\r\n") and "\n" not in content.replace("\r\n", "")
    lines = content.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    return content.replace("\r\n ", "").split("\r\n")[:-1]


def test_ics_events_dates_and_notes():
    out = render(TIMELINE, "ics")
    lines = _unfold(out.content)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 3
    assert "UID:robbery@chronologist" in lines
    i = lines.index("UID:robbery@chronologist")
    assert lines[i + 2 : i + 4] == ["DTSTART;VALUE=DATE:19070101", "DTEND;VALUE=DATE:19080101"]
    assert "DTEND;VALUE=DATE:19290101" in lines  # 1921-04/1928: exclusive end
    assert all(line.startswith(("BEGIN:", "END:")) or ":" in line for line in lines)
    assert out.dropped == (
        "1 undated event left out: iCalendar needs a date",
        "2 open-ended events left out: iCalendar needs both ends",
        "1 BCE event left out: iCalendar dates start at year 1",
        "approximate/uncertain qualifiers of 1 date kept only in DESCRIPTION",
    )


def test_ics_text_escapes_and_folds():
    assert ics_text("a\\b;c,d\r\ne\x00f\tg") == "a\\\\b\\;c\\,d\\ne" + "f\tg"
    line = "DESCRIPTION:" + "é" * 80
    parts = fold(line)
    assert "".join(p.removeprefix(" ") for p in parts) == line
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])


def test_ics_hostile_newlines_cannot_end_the_event():
    tl = _timeline("x\nEND:VEVENT\r\nEND:VCALENDAR")
    lines = _unfold(render(tl, "ics").content)
    assert lines.count("END:VCALENDAR") == 1 and lines.count("END:VEVENT") == 3


# --------------------------------------------------------------------------------- html
class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(fragment: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.tags


ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "header", "main", "section", "article"),
    *("h1", "h2", "h3", "ol", "ul", "li", "p", "blockquote", "strong", "a"),
    *("figure", "figcaption", "cite", "span"),
}


def _assert_inert_html(fragment: str) -> None:
    for tag, attrs in _tags(fragment):
        assert tag in ALLOWED_TAGS, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith(("#", "https://", "http://")), href


def test_html_page_lists_events_citations_and_conflicts():
    out = render(TIMELINE, "plainhtml")
    page = out.content
    tags = _tags(page)
    events = [a for t, a in tags if t == "li" and "event" in (a.get("class") or "")]
    assert [a["id"] for a in events] == [f"ev-{e.id}" for e in TIMELINE.events]
    assert page.count("<blockquote>") == 6 + 2  # event citations + conflict sides
    assert '<section id="conflicts">' in page and 'href="#conflict-c1"' in page
    assert "<script" not in page.lower() and "javascript:alert(1)</a>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"\b(src|href)=\"(https?:)?//", page.replace("https://example.org/p", ""))
    assert '<a href="https://example.org/p"' in page  # the web source's address
    assert out.dropped == ("1 media link left out", "1 link left out: only http(s) URLs are kept")


# ----------------------------------------------------------------------- hostile corpus
@pytest.mark.parametrize("hostile", XSS)
def test_hostile_text_renders_inert_in_every_format(hostile):
    tl = _timeline(hostile)
    page = render(tl, "plainhtml").content
    _assert_inert_html(page)
    assert "<script" not in page.lower()
    data = json.loads(render(tl, "timelinejs").content)
    for slide in [data["title"], *data["events"]]:
        _assert_inert_html(slide["text"]["headline"] + slide["text"]["text"])
        assert "<" not in slide.get("display_date", "")
    markdown = render(tl, "markdown").content
    assert not re.search(r"(?<!\\)<(?!https?://)", markdown)
    assert not re.search(r"(?<!\\)\[(?!\^\d+\])", markdown)
    for row in _csv_rows(tl):
        for column, value in row.items():
            if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                assert column in ("Year", "End Year", "EDTF"), (column, value)
    lines = _unfold(render(tl, "ics").content)
    assert lines.count("END:VEVENT") == 3
    jsonschema.validate(json.loads(render(tl, "json").content), SCHEMA)
