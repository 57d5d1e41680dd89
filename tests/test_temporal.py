"""Golden tests for the temporal tagger (fixtures in tests/fixtures/temporal/*.md)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from chronologist.temporal import choose_mode, tag_times
from chronologist.temporal.lexicon import load_lexicon
from chronologist.temporal.rules import Parser
from chronologist.temporal.tokens import tokenize
from conftest import FIXTURES, Case, need_shared, read_fixture_file

CASES = [
    pytest.param(case, id=f"{path.stem}:{case.line}:{case.title[:40]}")
    for path in sorted((FIXTURES / "temporal").glob("*.md"))
    for case in read_fixture_file(path)
]


def _row(text: str, m: object) -> tuple[str, ...]:
    when = m.when  # type: ignore[attr-defined]
    return (m.text, m.type, m.value, when.mod or "-", when.edtf or "-")  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", CASES)
def test_temporal_golden(case: Case) -> None:
    mentions = tag_times(case.text, dct=case.dct)
    got = tuple(_row(case.text, m) for m in mentions)
    assert got == case.expected
    for m in mentions:
        assert case.text[m.span.start : m.span.end] == m.text


def test_temporal_mode_follows_dct_and_genre() -> None:
    assert choose_mode("1998-08-07") == "news"
    assert choose_mode(None) == "narrative"
    assert choose_mode(None, "news") == "news"
    assert choose_mode("1998-08-07", "biography") == "narrative"


def test_temporal_narrative_anchors_on_reference_time_not_dct() -> None:
    text = "In 1907 he robbed a bank. The following year he fled."
    narrative = tag_times(text, dct="1998-08-07", mode="narrative")
    assert [m.value for m in narrative] == ["1907", "1908"]


def test_temporal_relative_without_anchor_is_unresolved() -> None:
    (m,) = tag_times("The following year he fled.")
    assert m.anchored == "unresolved" or m.when.start is None


def _gold(doc_id: str) -> dict[str, object]:
    gold = json.loads(need_shared("examples", "stalin-gold.json").read_text())
    return next(d for d in gold["documents"] if d["doc_id"] == doc_id)


@pytest.mark.parametrize(
    ("doc_id", "date_text", "edtf"),
    [
        ("stalin_timetoast", "Prior to 1917", "../1917"),
        ("stalin_timetoast", "until the 1920s", "../192X"),
        ("stalin_timetoast", "the following year", "1929"),
        ("stalin_timetoast", "April 3, 1922", "1922-04-03"),
        ("stalin_timetoast", "By 1928", "../1928"),
        ("stalin_timetoast", "In 1907", "1907"),
        ("stalin_timetoast", "Prior to World War I", "../1914"),
        ("stalin_essay", "Five years after the revolution", "1922"),
        ("stalin_essay", "in 1899", "1899"),
        ("stalin_essay", "In 1924", "1924"),
    ],
)
def test_temporal_seed_expressions_match_gold(doc_id: str, date_text: str, edtf: str) -> None:
    doc = _gold(doc_id)
    path = (need_shared("examples") / str(doc["file"])).resolve()
    text = Path(path).read_text(encoding="utf-8")
    start = text.find(date_text)
    assert start >= 0
    end = start + len(date_text)
    hits = [m for m in tag_times(text) if m.span.start < end and start < m.span.end]
    assert hits, f"no time expression found in {date_text!r}"
    assert hits[0].when.edtf == edtf


def test_temporal_seed_gold_dates_are_reproduced() -> None:
    """Every explicit or relative gold date whose date_text we tag gets the gold EDTF."""
    for doc_id in ("stalin_timetoast", "stalin_essay"):
        doc = _gold(doc_id)
        text = (need_shared("examples") / str(doc["file"])).resolve().read_text(encoding="utf-8")
        mentions = tag_times(text)
        events = doc["events"]
        accepted: dict[int, set[str]] = {}  # gold dates by where their date text starts
        for event in events:  # type: ignore[union-attr]
            dates = {event["date"], *event.get("date_alternatives", [])}
            accepted.setdefault(text.find(event["date_text"] or "\0"), set()).update(dates)
        for event in events:  # type: ignore[union-attr]
            if event["date_basis"] not in ("explicit", "relative") or not event["date_text"]:
                continue
            if event.get("optional"):
                continue
            start = text.find(event["date_text"])
            if start < 0:
                continue
            end = start + len(event["date_text"])
            hits = [m for m in mentions if m.span.start < end and start < m.span.end]
            assert hits, f"{doc_id} {event['id']}: {event['date_text']!r} not tagged"
            assert hits[0].when.edtf in accepted[start], event["id"]


@pytest.mark.parametrize(
    "text",
    [
        "Power changed hands on 25 October (7 November, New Style) 1917.",
        "Power changed hands on 7 November [O.S. 25 October] 1917.",
        "Power changed hands on October 25 (November 7), 1917.",
        "Power changed hands on 7 November 1917 [O.S. 25 October].",
    ],
)
def test_temporal_reads_dual_dates(text: str) -> None:
    days = [m for m in tag_times(text) if m.when.granularity == "day"]
    by_calendar = {m.when.calendar: m for m in days}
    assert sorted(by_calendar) == ["gregorian", "julian"]
    assert by_calendar["julian"].when.edtf == "1917-10-25"
    assert by_calendar["gregorian"].when.edtf == "1917-11-07"
    assert by_calendar["julian"].when.earliest == by_calendar["gregorian"].when.earliest


def test_temporal_dual_date_needs_the_calendar_gap() -> None:
    days = [m for m in tag_times("The talks ran 4 May (5 May) 1922.") if m.when.start]
    assert all(m.when.calendar == "gregorian" for m in days)


def test_temporal_records_old_style_calendar() -> None:
    (julian,) = tag_times("Parliament met on March 3, 1649 Old Style.")
    (gregorian,) = tag_times("Parliament met on March 3, 1649.")
    assert julian.when.calendar == "julian"
    assert gregorian.when.calendar == "gregorian"
    assert julian.as_dict()["calendar"] == "julian"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They rested over the weekend.", "the weekend"),
        ("Caesar died on the ides of March, 44 BC.", "the ides of March, 44 BC"),
        ("It was built at the turn of the century.", "the turn of the century"),
        ("Music of the nineties is back.", "the nineties"),
        ("Sales rose in the corresponding period last year.", "the corresponding period last year"),
        ("He stayed for the following three days.", "the following three days"),
        ("He phones every other week.", "every other week"),
        ("It took a number of days.", "a number of days"),
        ("The city was founded in A.D. 330.", "A.D. 330"),
    ],
)
def test_parser_determiner_prefilter_keeps_expressions(text: str, found: str) -> None:
    assert found in [m.text for m in tag_times(text, dct="2013-06-15")]


def test_parser_determiner_prefilter_reads_the_lexicon_article_nouns() -> None:
    """ "the weekend" is read only because ``grammar.article_nouns`` lists "weekend": without
    it, the pre-filter skips the article as it skips "the" in "the house"."""
    lex = load_lexicon()
    toks = tokenize("They rested over the weekend, in the house.")
    the = [k for k, t in enumerate(toks) if t.low == "the"]
    parser = Parser(toks, lex, lowercase_text=False, narrative=False)
    assert [parser.may_open(k) for k in the] == [True, False]
    bare = replace(lex, after_article=lex.after_article - lex.grammar.article_nouns)
    assert not Parser(toks, bare, lowercase_text=False, narrative=False).may_open(the[0])
