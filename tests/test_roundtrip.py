"""What we export as TimelineJS JSON or CSV, we import back without loss of what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronologist.events import extract_events
from chronologist.ingest import ingest
from chronologist.models import Event, Evidence, Timeline
from chronologist.render import render
from chronologist.timemodel import TimeValue


def _event(eid: str, title: str, edtf: str, kind: str = "event") -> Event:
    when = TimeValue.from_edtf(edtf)
    return Event(
        id=eid,
        title=title,
        kind=kind,  # type: ignore[arg-type]
        when=when,
        basis="explicit",
        evidence=(Evidence("src-x", 0, 5, "quote"),),
        description=f"About {title}.",
    )


TIMELINE = Timeline(
    title="Round trip",
    sources=(),
    events=(
        _event("e1", "Caesar killed", "-0043-03-15"),
        _event("e2", "Tiflis bank robbery", "1907-06"),
        _event("e3", "Lenin's rule", "1917-11/1924-01", kind="period"),
        _event("e4", "Stalin born", "1878-12-18"),
        _event("e5", "Moscow founded", "1147"),
    ),
)


@pytest.mark.parametrize("fmt,suffix", [("timelinejs", ".timelinejs.json"), ("csv", ".csv")])
def test_export_then_import_keeps_titles_dates_and_kinds(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    rendered = render(TIMELINE, fmt)
    path = tmp_path / f"export{suffix}"
    path.write_text(rendered.content, encoding="utf-8")
    source = ingest(path)
    back = {e.title: e for e in extract_events(source)}
    for original in TIMELINE.events:
        assert original.title in back, sorted(back)
        again = back[original.title]
        assert again.when is not None and original.when is not None
        assert again.when.edtf == original.when.edtf, original.title
        assert again.kind == original.kind
        assert original.description in again.description
