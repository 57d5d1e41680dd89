"""Stage 1, ingest: every reader, the format detection, bad input and safe URL fetching."""

from __future__ import annotations

import hashlib
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from chronologist.errors import DecodeError, InputError, UnsupportedFormat
from chronologist.ingest import KINDS, ingest, load_timeline
from chronologist.ingest import fetch as fetch_module
from chronologist.ingest._common import size_text
from chronologist.ingest.fetch import address_problem
from chronologist.ingest.timelinejs import astronomical_year
from chronologist.models import Event, Evidence, Source, Timeline
from chronologist.render.json import timeline_to_dict
from chronologist.timemodel import TimePoint, TimeValue
from conftest import FIXTURES, need_shared

HERE = FIXTURES / "ingest"
ARTICLE = (HERE / "article.html").read_bytes()


def span_text(source: Source, span: object) -> str:
    assert span is not None
    return source.text[span.start : span.end]  # type: ignore[attr-defined]


def assert_spans_valid(source: Source) -> None:
    """Every item's title span holds its title, inside its span, inside the text."""
    for item in source.items:
        assert 0 <= item.span.start <= item.span.end <= len(source.text)
        assert span_text(source, item.span) == span_text(source, item.span).strip()
        if item.title_span is not None:
            assert span_text(source, item.title_span) == item.title
            assert item.span.start <= item.title_span.start <= item.title_span.end
            assert item.title_span.end <= item.span.end


# -- plain text and markdown -----------------------------------------------------------


def test_ingest_plain_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    data = "Harbour notes\r\n\r\n\u00a0 The pier was built in 1902.\r\nNo trailing newline".encode()
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    source = ingest(path)
    digest = hashlib.sha256(data).hexdigest()
    assert source.kind == "text"
    assert source.text == data.decode("utf-8")
    assert source.sha256 == digest
    assert source.id == "src-" + digest[:12]
    assert source.path == str(path)
    assert source.url is None
    assert source.title == "Harbour notes"
    assert source.author is None
    assert source.items == ()


def test_ingest_markdown_keeps_text_and_reads_front_matter() -> None:
    path = HERE / "notes-lighthouse.md"
    source = ingest(path)
    assert source.kind == "markdown"
    assert source.text == path.read_bytes().decode("utf-8")
    assert source.title == "Notes on the Gull Point light"
    assert source.author == "R. Penhallow"


def test_ingest_markdown_title_from_heading(tmp_path: Path) -> None:
    path = tmp_path / "plain.markdown"
    path.write_text("Some intro line\n\n# The real title #\n\nBody.\n", encoding="utf-8")
    source = ingest(path)
    assert source.kind == "markdown"
    assert source.title == "The real title"


# -- Timetoast -------------------------------------------------------------------------


def test_ingest_timetoast_items() -> None:
    path = HERE / "timetoast-lighthouse.txt"
    source = ingest(path)
    assert source.kind == "timetoast"
    assert source.text == path.read_bytes().decode("utf-8")
    assert source.title == "The Lighthouse at Gull Point"
    assert source.author == "harbourwatch42"
    titles = [item.title for item in source.items]
    assert titles == [
        "Survey of the headland",
        "Building the tower",
        "First light",
        "The keepers' strike",
        "Automation",
    ]
    assert [item.kind for item in source.items] == [
        "event",
        "period",
        "event",
        "period",
        "event",
    ]
    assert_spans_valid(source)
    survey, tower, light, strike, automation = source.items
    assert span_text(source, survey.span).endswith("the rocky knoll above the cove.")
    assert tower.when is not None and tower.when.edtf == "1863/1866"
    assert strike.when is None
    assert light.when is None
    assert span_text(source, light.span).endswith("A second line of notes follows here.")
    # the repeated title is missing: the title is the one on the bullet line
    assert span_text(source, automation.span).startswith("Automation\n")
    assert span_text(source, automation.span).endswith("an automatic lamp in 1958.")


def test_ingest_timetoast_date_lines_date_their_items(tmp_path: Path) -> None:
    path = tmp_path / "rights.txt"
    path.write_text(
        "Civil rights\n\nBy teacher7\n"
        "  \u2022 Brown v. Board\n    May 17, 1954\n\n    Brown v. Board\n    Schools ruled.\n"
        "  \u2022 Bus boycott\n    Dec 5, 1955 to Dec 20, 1956\n\n    Bus boycott\n    Walked.\n"
        "  \u2022 Period: 1961 to 1963\n\n    Freedom rides\n    Rode south.\n"
        "  \u2022 Civil Rights Act\n    1964\n    Signed by Johnson.\n"
        "  \u2022 In 1965\n\n    In 1965\n    A title that is a date stays a title.\n",
        "utf-8",
    )
    source = ingest(path)
    got = [(i.title, i.kind, i.when.edtf if i.when else None) for i in source.items]
    assert got == [
        ("Brown v. Board", "event", "1954-05-17"),
        ("Bus boycott", "period", "1955-12-05/1956-12-20"),
        ("Freedom rides", "period", "1961/1963"),
        ("Civil Rights Act", "event", "1964"),
        ("In 1965", "event", None),
    ]
    assert_spans_valid(source)
    assert span_text(source, source.items[0].span) == "Brown v. Board\n    Schools ruled."


def test_ingest_timetoast_tolerates_crlf(tmp_path: Path) -> None:
    data = (HERE / "timetoast-lighthouse.txt").read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    source = ingest(path)
    assert source.kind == "timetoast"
    assert source.text == data.decode("utf-8")
    assert len(source.items) == 5
    assert_spans_valid(source)
    assert not any("\r" in span_text(source, item.title_span) for item in source.items)


def test_ingest_timetoast_forced_on_text_without_bullets(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text("An essay\n\nNo bullets at all.\n", encoding="utf-8")
    assert ingest(path).kind == "text"
    with pytest.raises(InputError, match="essay.txt.*no items"):
        ingest(path, kind="timetoast")


def test_ingest_timetoast_seed() -> None:
    path = need_shared("seeds", "timetoast-stalins-rise-to-power.txt")
    source = ingest(path)
    assert source.kind == "timetoast"
    assert source.text == path.read_bytes().decode("utf-8")
    assert source.title == "Stalin's Rise to Power"
    assert source.author == "1937029"
    assert len(source.items) >= 10
    assert_spans_valid(source)
    periods = [item for item in source.items if item.kind == "period"]
    assert len(periods) == 1
    (ban,) = periods
    assert ban.title == "Ban on factionalism"
    assert ban.when is None
    assert ban.title_span is not None
    assert source.text[ban.title_span.start : ban.title_span.end] == "Ban on factionalism"
    assert span_text(source, ban.span).endswith("over the party and the country.")
    assert source.items[-1].title == "Bukharin"


# -- HTML ------------------------------------------------------------------------------


def test_ingest_html_drops_boilerplate() -> None:
    source = ingest(HERE / "article.html")
    assert source.kind == "html"
    assert source.title == "The Canal Years"
    assert source.author == "Margaret Oduya"
    assert "The first barge reached the town wharf on 12 August 1797." in source.text
    assert "restored the lower lock between 1988 and 1991" in source.text
    for boilerplate in ("Become a member", "newsletter", "Related posts", "Privacy policy"):
        assert boilerplate not in source.text


def test_ingest_html_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    page = "<html><head><title>App</title></head><body><div id='app'></div>"
    path.write_text(page + "<script>render()</script></body></html>", "utf-8")
    with pytest.raises(InputError, match="empty.html.*no main text"):
        ingest(path)


# -- PDF -------------------------------------------------------------------------------


def make_pdf(lines: list[str], *, title: str | None = "Harbour Report") -> bytes:
    """A tiny one-page PDF with a Helvetica text layer (hand-written objects and xref)."""
    shown = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td {shown} ET" if lines else ""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Title ({title}) /Author (Port Office) >>" if title else "<< >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_ingest_pdf_reads_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["The harbour opened in 1861.", "The pier followed in 1902."]))
    source = ingest(path)
    assert source.kind == "pdf"
    assert "The harbour opened in 1861." in source.text
    assert "The pier followed in 1902." in source.text
    assert source.title == "Harbour Report"
    assert source.author == "Port Office"


def test_ingest_pdf_found_by_magic_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(make_pdf(["Found by its magic bytes."], title=None))
    source = ingest(path)
    assert source.kind == "pdf"
    assert source.title == "Found by its magic bytes."


def test_ingest_pdf_encrypted_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypt_pdf(make_pdf(["Secret minutes."]), "secret"))
    with pytest.raises(InputError, match="locked.pdf.*encrypted"):
        ingest(path)


def test_ingest_pdf_with_owner_password_only_opens(tmp_path: Path) -> None:
    path = tmp_path / "owner.pdf"
    path.write_bytes(encrypt_pdf(make_pdf(["Readable minutes."]), ""))
    assert "Readable minutes." in ingest(path).text


def test_ingest_pdf_without_text_layer_suggests_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([]))
    with pytest.raises(InputError, match="scan.pdf.*no text layer") as info:
        ingest(path)
    assert "OCR" in str(info.value)


def test_ingest_pdf_damaged_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(InputError, match="broken.pdf.*not a readable PDF"):
        ingest(path)


# -- TimelineJS JSON -------------------------------------------------------------------


def test_ingest_timelinejs_json() -> None:
    source = ingest(HERE / "timelinejs-rome.json")
    assert source.kind == "timelinejs"
    assert source.title == "Three Moments of the Late Republic"
    assert_spans_valid(source)
    ides, war, nola = source.items
    # TimelineJS year -44 is 44 BCE, astronomical year -43
    assert ides.when == TimeValue.point(TimePoint("day", year=-43, month=3, day=15))
    assert ides.when is not None and ides.when.edtf == "-0043-03-15"
    assert ides.kind == "event"
    assert ides.media == "https://example.org/images/ides.jpg"
    assert ides.group == "Politics"
    assert span_text(source, ides.span) == (
        "The Ides of March\n"
        "Senators stab the dictator in the theatre of Pompey & the city falls silent."
    )
    assert war.kind == "period"
    assert war.when == TimeValue(
        start=TimePoint("month", year=-48, month=1), end=TimePoint("year", year=-44)
    )
    assert span_text(source, war.span).endswith("from Italy to Spain and Africa.")
    assert nola.when is not None and nola.when.granularity == "minute"
    assert span_text(source, nola.span) == "An emperor dies at Nola"
    assert source.text.startswith("Three Moments of the Late Republic\n")


@pytest.mark.parametrize(("shown", "astronomical"), [(-44, -43), (-1, 0), (0, 0), (1, 1)])
def test_timelinejs_negative_years_are_bce(shown: int, astronomical: int) -> None:
    assert astronomical_year(shown) == astronomical


def test_ingest_timelinejs_eras_are_periods(tmp_path: Path) -> None:
    data = {
        "events": [{"start_date": {"year": 1900}, "text": {"headline": "A"}}],
        "eras": [
            {"start_date": {"year": 1890}, "end_date": {"year": 1910}, "text": {"headline": "E"}}
        ],
    }
    source = ingest(write_json(tmp_path, data))
    assert [(item.title, item.kind) for item in source.items] == [("A", "event"), ("E", "period")]
    assert source.title == "Slides"  # no title slide: the file name, as a title


def write_json(tmp_path: Path, data: object, name: str = "slides.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([{"start_date": {"year": "abc"}}], r"events\[0\]\.start_date\.year: not a number"),
        ([{"text": {"headline": "x"}}], r"events\[0\]\.start_date: missing"),
        (
            [{"start_date": {"year": 1900}}, {"start_date": {"year": 1901, "month": 13}}],
            r"events\[1\]\.start_date\.month: 13 is out of range",
        ),
        ([{"start_date": {"year": 1900, "day": 3}}], r"start_date\.day: given without month"),
        ([{"start_date": {"year": 1900, "month": 2, "day": 30}}], r"day: 30 is out of range"),
        ([{"start_date": "1900"}], r"events\[0\]\.start_date: not an object"),
        ([{"start_date": {"year": 1}, "text": {"headline": 5}}], r"headline: not a string"),
        (["just a string"], r"events\[0\]: not an object"),
    ],
)
def test_ingest_timelinejs_bad_fields_are_named(
    tmp_path: Path, events: list[object], message: str
) -> None:
    path = write_json(tmp_path, {"events": events})
    with pytest.raises(InputError, match=message) as info:
        ingest(path)
    assert str(path) in str(info.value)


def test_ingest_timelinejs_missing_events(tmp_path: Path) -> None:
    path = write_json(tmp_path, {"title": {"text": {"headline": "Only a title"}}})
    with pytest.raises(InputError, match='events: missing; a TimelineJS file has an "events"'):
        ingest(path)


def test_ingest_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "events": [\n    {"start_date": }\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.json.*invalid JSON at line 3, column 20"):
        ingest(path)


# -- our own timeline JSON -------------------------------------------------------------


def small_timeline() -> Timeline:
    source = Source(id="src-1", title="Notes", kind="text", sha256="0" * 64, text="In 1902 x.")
    event = Event(
        id="ev-1",
        title="Pier built",
        kind="event",
        when=TimeValue.point(TimePoint("year", year=1902)),
        basis="explicit",
        evidence=(Evidence("src-1", 0, 10, "In 1902 x."),),
        description="The pier was built.",
    )
    return Timeline(title="Harbour", sources=(source,), events=(event,))


def test_load_timeline_and_ingest_our_own_json(tmp_path: Path) -> None:
    path = write_json(tmp_path, timeline_to_dict(small_timeline()), "timeline.json")
    timeline = load_timeline(path)
    assert timeline.title == "Harbour"
    assert timeline.events[0].evidence[0].quote == "In 1902 x."
    source = ingest(path)
    assert source.kind == "chronologist"
    assert source.title == "Harbour"
    (item,) = source.items
    assert item.title == "Pier built"
    assert item.when is not None and item.when.edtf == "1902"
    assert span_text(source, item.span) == "Pier built\nThe pier was built."


def test_load_timeline_bad_field_is_reported(tmp_path: Path) -> None:
    data = timeline_to_dict(small_timeline())
    data["events"][0]["evidence"] = [{"source": "src-1"}]
    path = write_json(tmp_path, data, "bad-timeline.json")
    with pytest.raises(InputError, match="bad-timeline.json"):
        load_timeline(path)


# -- TimelineJS CSV --------------------------------------------------------------------


def test_ingest_timelinejs_csv() -> None:
    source = ingest(HERE / "timelinejs-harbour.csv")
    assert source.kind == "csv"
    assert source.title == "A Harbour Town"
    assert_spans_valid(source)
    survey, tower, light, storm, boom = source.items
    assert survey.when is not None and survey.when.edtf == "1861-03"
    assert survey.media == "https://example.org/survey.png"
    assert survey.group == "Works"
    assert tower.kind == "period" and tower.when is not None and tower.when.edtf == "1863/1866"
    assert light.when == TimeValue.point(
        TimePoint("minute", year=1866, month=11, day=1, hour=18, minute=30)
    )
    assert storm.when == TimeValue.from_edtf("1870~/1872")  # the EDTF column wins
    assert storm.kind == "period"
    assert boom.kind == "period"  # an era row
    assert span_text(source, tower.span) == (
        "Tower built\nMasons raise the tower, three summers running."
    )


def test_ingest_csv_header_names_are_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "lower.csv"
    path.write_text("headline,YEAR,month\nA storm,-44,3\n", encoding="utf-8")
    (item,) = ingest(path).items
    assert item.when == TimeValue.point(TimePoint("month", year=-43, month=3))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("Year,Month,Headline\n1900,Apr,A\n", r"line 2, column 'Month': not a number \('Apr'\)"),
        ("Year,Headline\n1900,A\n,B\n", r"line 3, column 'Year': empty"),
        ("Year,Month,Day,Time,Headline\n1900,1,1,25:00,A\n", r"line 2, column 'Time': 25"),
        ("Year,Month,Day,Time,Headline\n1900,1,1,noon,A\n", r"line 2, column 'Time': not a"),
        ("Year,Time,Headline\n1900,10:00,A\n", r"line 2, column 'Time': given without day"),
        ("Year,Headline,EDTF\n,A,not-a-date\n", r"line 2, column 'EDTF'"),
        ("Moment,Label\n1900,A\n", r"no 'Headline' or 'Year' column"),
        ("", r"the file is empty"),
    ],
)
def test_ingest_csv_errors_name_line_and_column(tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        ingest(path)
    assert "sheet.csv" in str(info.value)


# -- detection and bad input -----------------------------------------------------------


def test_ingest_unknown_suffix_lists_supported_formats(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UnsupportedFormat, match="letter.docx.*no reader for '.docx'") as info:
        ingest(path)
    assert ".txt" in str(info.value) and ".pdf" in str(info.value) and ".csv" in str(info.value)


def test_ingest_unknown_kind_lists_kinds(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UnsupportedFormat, match="Unknown kind 'docx'") as info:
        ingest(path, kind="docx")
    assert all(kind in str(info.value) for kind in KINDS)


def test_ingest_sniffs_content_without_suffix(tmp_path: Path) -> None:
    page = tmp_path / "saved-page"
    page.write_bytes(ARTICLE)
    assert ingest(page).kind == "html"
    slides = tmp_path / "slides"
    slides.write_text('{"events": [{"start_date": {"year": 1}}]}', encoding="utf-8")
    assert ingest(slides).kind == "timelinejs"
    export = tmp_path / "export"
    export.write_bytes((HERE / "timetoast-lighthouse.txt").read_bytes())
    assert ingest(export).kind == "timetoast"


def test_ingest_forced_kind_wins(tmp_path: Path) -> None:
    path = HERE / "timetoast-lighthouse.txt"
    assert ingest(path, kind="text").kind == "text"
    page = tmp_path / "page"
    page.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>", encoding="utf-8")
    assert ingest(page, kind="text").kind == "text"


def test_ingest_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing-here.txt.*no such file"):
        ingest(tmp_path / "nothing-here.txt")
    with pytest.raises(InputError, match="is a directory"):
        ingest(tmp_path)


def test_ingest_refuses_binary_and_other_encodings(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"abc\x00\x01\x02")
    with pytest.raises(DecodeError, match="blob.txt.*binary"):
        ingest(binary)
    latin = tmp_path / "latin.md"
    latin.write_bytes("Caf\u00e9 notes".encode("latin-1"))
    with pytest.raises(DecodeError, match="latin.md.*not UTF-8"):
        ingest(latin)


def test_ingest_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(InputError, match=r"big.txt.*2 KiB is larger than 1 KiB"):
        ingest(path, max_bytes=1024)


def test_size_text() -> None:
    assert size_text(20 * 1024 * 1024) == "20 MiB"
    assert size_text(1536) == "1.5 KiB"
    assert size_text(300) == "300 bytes"


# -- address checks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("10.0.0.1", "private"),
        ("192.168.1.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.1.2.3", "private"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "not a public"),
        ("64:ff9b::7f00:1", "loopback"),
        ("2002:7f00:1::", "loopback"),
        ("not-an-ip", "not an IP address"),
    ],
)
def test_address_problem_refuses_non_global(address: str, problem: str) -> None:
    found = address_problem(address)
    assert found is not None and problem in found


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888"])
def test_address_problem_allows_global(address: str) -> None:
    assert address_problem(address) is None


# -- URL fetching against a local server -----------------------------------------------


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        port = self.headers["Host"].rsplit(":", 1)[1]
        html = {"Content-Type": "text/html; charset=utf-8"}
        try:
            if self.path == "/article":
                self._send(200, ARTICLE, html)
            elif self.path == "/notes.md":
                self._send(200, b"# Notes\n\nIn 1902.\n", {"Content-Type": "text/plain"})
            elif self.path == "/slow":
                time.sleep(2)
                self._send(200, ARTICLE, html)
            elif self.path == "/big":
                self._send(200, b"x" * 5000, {"Content-Type": "text/plain"})
            elif self.path == "/big-declared":
                self._send(200, b"x" * 5000, {"Content-Length": "5000"})
            elif self.path == "/redirect":
                self._send(302, b"", {"Location": "/article"})
            elif self.path == "/redirect-private":
                self._send(302, b"", {"Location": f"http://127.0.0.2:{port}/article"})
            elif self.path == "/redirect-ftp":
                self._send(301, b"", {"Location": "ftp://example.org/file.txt"})
            elif self.path == "/loop":
                self._send(302, b"", {"Location": "/loop"})
            else:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
        except OSError:
            pass  # the client gave up (timeout tests)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_fetch_refuses_loopback_by_default(server: str) -> None:
    with pytest.raises(InputError, match="127.0.0.1 is a loopback address") as info:
        ingest(server + "/article")
    message = str(info.value)
    assert server + "/article" in message
    assert "allow_private=True (--allow-private)" in message


def test_fetch_refuses_localhost_name(server: str) -> None:
    url = server.replace("127.0.0.1", "localhost") + "/article"
    with pytest.raises(InputError, match="localhost resolves to .*loopback"):
        ingest(url)


def test_fetch_html_when_private_allowed(server: str) -> None:
    source = ingest(server + "/article", allow_private=True)
    assert source.kind == "html"
    assert source.url == server + "/article"
    assert source.path is None
    assert source.title == "The Canal Years"
    assert source.sha256 == hashlib.sha256(ARTICLE).hexdigest()
    assert "Become a member" not in source.text


def test_fetch_follows_redirects_and_uses_suffix(server: str) -> None:
    source = ingest(server + "/redirect", allow_private=True)
    assert source.kind == "html"
    assert source.url == server + "/article"
    notes = ingest(server + "/notes.md", allow_private=True)
    assert notes.kind == "markdown"
    assert notes.text == "# Notes\n\nIn 1902.\n"


def test_fetch_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"/slow.*timed out after 0.5 s"):
        ingest(server + "/slow", allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 1.8


@pytest.mark.parametrize("path", ["/big", "/big-declared"])
def test_fetch_refuses_body_over_max_bytes(server: str, path: str) -> None:
    with pytest.raises(InputError, match=r"larger than 1000 bytes"):
        ingest(server + path, allow_private=True, max_bytes=1000)


def test_fetch_rechecks_every_redirect(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fetch_module.address_problem

    def only_first_host_is_public(address: str) -> str | None:
        return None if address == "127.0.0.1" else real(address)

    monkeypatch.setattr(fetch_module, "address_problem", only_first_host_is_public)
    with pytest.raises(InputError, match="127.0.0.2 is a loopback address") as info:
        ingest(server + "/redirect-private")
    assert "redirected from" in str(info.value)


def test_fetch_redirect_errors(server: str) -> None:
    with pytest.raises(InputError, match="only http and https"):
        ingest(server + "/redirect-ftp", allow_private=True)
    with pytest.raises(InputError, match="too many redirects"):
        ingest(server + "/loop", allow_private=True)


def test_fetch_http_error_status(server: str) -> None:
    with pytest.raises(InputError, match=r"/missing.*HTTP 404"):
        ingest(server + "/missing", allow_private=True)


def test_fetch_refuses_other_schemes() -> None:
    with pytest.raises(InputError, match="only http and https"):
        ingest("file:///etc/passwd")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("space-race.csv", "Space race"),
        ("my_notes--v2.csv", "My notes v2"),
        ("NASA-Log.csv", "NASA Log"),
    ],
)
def test_ingest_a_file_name_makes_a_readable_fallback_title(tmp_path, name, title):
    path = tmp_path / name
    path.write_text("Year,Month,Day,Headline,Text\n1957,10,4,Sputnik 1,Launched.\n", "utf-8")
    assert ingest(path).title == title


@pytest.mark.parametrize(
    ("meta", "real"),
    [
        ("Meiji Japan", "Meiji Japan"),
        ("narr.html", None),
        ("Microsoft Word - draft.docx", None),
        ("  ", None),
        (None, None),
        ("Notes on Python 3.11", "Notes on Python 3.11"),
    ],
)
def test_ingest_pdf_metadata_title_that_is_a_file_name_is_ignored(meta, real):
    from chronologist.ingest.pdf import _real_title

    assert _real_title(meta) == real


def test_ingest_a_plain_chronology_table(tmp_path: Path) -> None:
    path = tmp_path / "war.csv"
    path.write_text(
        "Date,Event,Notes,End date\n"
        "1914-07-28,Austria-Hungary declares war on Serbia,,\n"
        '"November 11, 1918",Armistice signed,Fighting ends at 11 a.m.,\n'
        "c. 1920,League of Nations founded,,\n"
        "1939,Second World War,,1945\n",
        "utf-8",
    )
    source = ingest(path)
    got = [(i.title, i.kind, i.when.edtf if i.when else None) for i in source.items]
    assert got == [
        ("Austria-Hungary declares war on Serbia", "event", "1914-07-28"),
        ("Armistice signed", "event", "1918-11-11"),
        ("League of Nations founded", "event", "1920~"),
        ("Second World War", "period", "1939/1945"),
    ]
    assert_spans_valid(source)


@pytest.mark.parametrize("cell", ["soon", "recently", "whenever"])
def test_ingest_a_chronology_table_with_a_bad_date_names_its_cell(
    tmp_path: Path, cell: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f"Date,Event\n{cell},Nothing happens\n", "utf-8")
    with pytest.raises(InputError, match=r"bad.csv: line 2, column 'Date': not a date"):
        ingest(path)
