"""Event scoring: our figures must equal the reference scorer's (shared/tools/event_score.py)."""

from __future__ import annotations

import copy
import functools
import importlib.util
import json
import subprocess
import sys
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronologist.errors import InputError
from chronologist.evaluate.events import (
    date_ok,
    format_event_scores,
    read_gold,
    read_prediction,
    score_documents,
    score_events,
)
from conftest import need_shared

# -------------------------------------------------------------------------- helpers
SYNTHETIC_TEXT = (
    "In 431 BC the war began. "
    "The plague struck in the summer of 1347. "
    "Around 1667 or 1668 the fire burned. "
    "Two things happened in 1905: a strike and a mutiny. "
    "Long ago, 170000 years before now, people lived here.\r\n"
    "Later still, in the 1920s, it ended. "
    "It ended in 1929, or so they say; others say 1930."
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _gold_event(id_: str, phrase: str, date: str | None, **extra: Any) -> dict[str, Any]:
    start, end = _span(SYNTHETIC_TEXT, phrase)
    event = {"id": id_, "title": f"Event {id_}", "kind": "event", "date": date}
    event |= {"date_basis": "explicit" if date else "none", "evidence": phrase}
    event |= {"evidence_start": start, "evidence_end": end, "optional": False}
    return event | extra


SYNTHETIC_EVENTS = [
    _gold_event("G1", "In 431 BC the war began.", "-0430"),
    _gold_event("G2", "The plague struck in the summer of 1347.", "1347-22"),
    _gold_event("G3", "Around 1667 or 1668 the fire burned.", "[1667,1668]", date_basis="relative"),
    _gold_event("G4", "Two things happened in 1905: a strike and a mutiny.", "1905"),
    _gold_event("G5", "Two things happened in 1905: a strike and a mutiny.", "1905-XX"),
    _gold_event(
        "G6", "Long ago, 170000 years before now, people lived here.", "Y-168000", optional=True
    ),
    _gold_event("G7", "Later still, in the 1920s, it ended.", "192X", date_basis="contextual"),
    _gold_event(
        "G8",
        "It ended in 1929, or so they say",
        "1929",
        date_alternatives=["1930"],
        evidence_alternatives=["others say 1930.", "not in the text"],
    ),
    _gold_event("G9", "people lived here.", None),
]
del SYNTHETIC_EVENTS[6]["date_basis"]  # "?" in by_basis


def _write_synthetic_gold(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "synthetic.txt").write_bytes(SYNTHETIC_TEXT.encode("utf-8"))
    (folder / "docs" / "tiny.txt").write_text("Nothing happened.", encoding="utf-8")
    gold = {
        "schema": "timeline-gold/1",
        "documents": [
            {"doc_id": "syn", "file": "docs/synthetic.txt", "events": SYNTHETIC_EVENTS},
            {"doc_id": "tiny", "file": "docs/tiny.txt", "events": []},
        ],
    }
    path = folder / "synthetic-gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def _stalin_gold() -> Path:
    return need_shared("examples", "stalin-gold.json")


def _scorer() -> Path:
    return need_shared("tools", "event_score.py")


@functools.cache
def _reference_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("event_score_reference", _scorer())
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference(pred_path: Path, golds: list[Path]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(_scorer()), str(pred_path), *map(str, golds), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(done.stdout)


def _assert_same(tmp_path: Path, pred: dict[str, Any], golds: list[Path]) -> dict[str, Any]:
    """Score with both scorers (the reference as a subprocess); return our figures."""
    path = tmp_path / "pred.json"
    path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    ours = score_events(read_prediction(path), golds).as_dict()
    assert ours == _reference(path, golds)
    return ours


def _gold_records(gold: Path) -> list[tuple[str, dict[str, Any]]]:
    data = json.loads(gold.read_text(encoding="utf-8"))
    return [(doc["doc_id"], e) for doc in data["documents"] for e in doc["events"]]


def _evidence(doc_id: str, event: dict[str, Any]) -> dict[str, Any]:
    start, end = event["evidence_start"], event["evidence_end"]
    return {"source": f"src-{doc_id}", "start": start, "end": end, "quote": event["evidence"]}


def _prediction(records, edtf=lambda e: e["date"]) -> dict[str, Any]:
    events = [
        {
            "id": f"p{n}",
            "title": event["title"],
            "when": {"edtf": edtf(event)},
            "evidence": [_evidence(doc_id, event)],
        }
        for n, (doc_id, event) in enumerate(records)
    ]
    return {"schema": "chronologist.timeline/1", "events": events}


# --------------------------------------------------------- agreement on the seed gold
def test_perfect_prediction_scores_one(tmp_path):
    gold = _stalin_gold()
    ours = _assert_same(tmp_path, _prediction(_gold_records(gold)), [gold])
    assert (ours["required"], ours["matched_required"], ours["predicted"]) == (41, 41, 55)
    assert ours["recall"] == ours["precision"] == ours["date_accuracy"] == 1.0
    assert ours["missed"] == [] and ours["wrong_dates"] == []


def test_missing_events(tmp_path):
    gold = _stalin_gold()
    records = [r for n, r in enumerate(_gold_records(gold)) if n % 3]
    ours = _assert_same(tmp_path, _prediction(records), [gold])
    assert 0 < ours["recall"] < 1 and ours["missed"]


def _shift_year(edtf: str | None) -> str | None:
    if not edtf:
        return edtf
    return edtf.replace("19", "18", 1)


def test_wrong_dates(tmp_path):
    gold = _stalin_gold()
    ours = _assert_same(
        tmp_path, _prediction(_gold_records(gold), lambda e: _shift_year(e["date"])), [gold]
    )
    assert ours["date_accuracy"] < 0.5 and ours["wrong_dates"]


GRANULARITY = {
    "1922-04-03": "1922-04",  # coarser: wrong
    "1907": "1907-06-26",  # finer: right
    "1917": "1917-10~",  # finer, qualified: right
    "1924": "192X",  # coarser: wrong
    "1899/1909": "1899-05/1909-12-31",  # finer ends: right
    "1924/1928": "1924/1928-06",
}


def test_wrong_granularity(tmp_path):
    gold = _stalin_gold()
    ours = _assert_same(
        tmp_path,
        _prediction(_gold_records(gold), lambda e: GRANULARITY.get(e["date"], e["date"])),
        [gold],
    )
    assert 0 < ours["date_accuracy"] < 1


OPEN = {"../1917": "1917", "1924/..": "1924-05/..", "../1928": "1927/1928", "1917": "../1917"}


def test_open_intervals(tmp_path):
    gold = _stalin_gold()
    pred = _prediction(_gold_records(gold), lambda e: OPEN.get(e["date"], e["date"]))
    ours = _assert_same(tmp_path, pred, [gold])
    wrong = {w[0] for w in ours["wrong_dates"]}
    assert {"T04", "S16"} <= wrong and "T21" not in wrong


def test_merged_events_citing_two_documents(tmp_path):
    gold = _stalin_gold()
    records = dict(((d, e["id"]), (d, e)) for d, e in _gold_records(gold))
    merged = []
    for a, b in (("T20", "S11"), ("T13", "S18"), ("T14", "S10")):
        (da, ea), (db, eb) = records[("stalin_timetoast", a)], records[("stalin_essay", b)]
        evidence = [_evidence(da, ea), _evidence(db, eb)]
        merged.append(
            {"id": a + b, "title": "m", "when": {"edtf": ea["date"]}, "evidence": evidence}
        )
    pred = {"events": merged + _prediction(list(records.values())[:10])["events"]}
    ours = _assert_same(tmp_path, pred, [gold])
    assert ours["matched_required"] >= 6


def test_offsets_quotes_and_sources_are_checked_like_the_reference(tmp_path):
    gold = _stalin_gold()
    pred = _prediction(_gold_records(gold)[:12])
    events = pred["events"]
    events[0]["evidence"][0]["start"] += 3  # wrong offsets, quote found elsewhere
    events[1]["evidence"][0]["quote"] = "not in any text"
    events[2]["evidence"][0]["quote"] = ""
    events[3]["evidence"].append({"source": "x", "start": None, "end": None, "quote": "Lenin"})
    events[4]["when"] = None
    events[5].pop("evidence")
    ours = _assert_same(tmp_path, pred, [gold])
    assert ours["offset_errors"] == 2


# ---------------------------------------------------------- agreement on synthetic gold
def test_synthetic_gold_edge_cases(tmp_path):
    gold = _write_synthetic_gold(tmp_path)
    records = _gold_records(gold)
    dates = {"G1": "-0430-05", "G2": "1347-07-01", "G3": "1667", "G4": "1905-XX"}
    dates |= {"G5": "1905", "G6": "Y-168000", "G7": "1925?", "G8": "1930", "G9": "1900"}
    ours = _assert_same(tmp_path, _prediction(records, lambda e: dates[e["id"]]), [gold])
    assert ours["by_basis"]["?"] == "1/1"
    assert ours["date_accuracy_lenient"] > ours["date_accuracy"]  # 1930 is an alternative


def test_two_gold_files_and_alternative_evidence(tmp_path):
    stalin, synthetic = _stalin_gold(), _write_synthetic_gold(tmp_path / "syn")
    pred = _prediction(_gold_records(stalin)[::2] + _gold_records(synthetic))
    start, end = _span(SYNTHETIC_TEXT, "others say 1930.")
    quote = {"source": "s", "start": start, "end": end, "quote": "others say 1930."}
    pred["events"].append(
        {"id": "alt", "title": "alt", "when": {"edtf": "1930"}, "evidence": [quote]}
    )
    _assert_same(tmp_path, pred, [stalin, synthetic])


# ---------------------------------------------------------------------- hypothesis
EDTF_POOL = [
    None,
    "",
    "1917",
    "1917~",
    "1917?%",
    "../1917",
    "1917/..",
    "1924/1928",
    "1922-04-03",
    "1922-04",
    "192X",
    "19XX",
    "-0430",
    "-0430/-0400",
    "1347-22",
    "1347-24",
    "1905-XX",
    "[1667,1668]",
    "{1667..1670}",
    "Y-168000",
    "1922-13",
    "1922-00",
    "garbage",
    "/",
    "1929",
    "1930",
    "1929-02-10",
    "1899/1909",
    " 1924 ",
    "1924/1928/1930",
    "2X00",
]


_plans = st.lists(
    st.tuples(
        st.integers(0, 10**6),  # which gold event
        st.none() | st.tuples(st.integers(-30, 30), st.integers(-30, 30)),  # offsets moved
        st.none() | st.integers(0, 20),  # quote cut to this length
        st.none() | st.sampled_from(EDTF_POOL),  # another date (None: the gold date)
        st.none() | st.integers(0, 10**6),  # merged into this earlier prediction
    ),
    max_size=70,
)


def _perturbed(plans, records) -> dict[str, Any]:
    """A prediction of gold events with moved spans, cut quotes, other dates, merges."""
    events: list[dict[str, Any]] = []
    for n, (which, moved, cut, edtf, merge) in enumerate(plans):
        doc_id, event = records[which % len(records)]
        evidence = _evidence(doc_id, event)
        if moved:
            evidence["start"] += moved[0]
            evidence["end"] += moved[1]
        if cut is not None:
            evidence["quote"] = evidence["quote"][:cut]
        if merge is not None and events:
            events[merge % len(events)]["evidence"].append(evidence)
            continue
        when = {"edtf": event["date"] if edtf is None else edtf}
        events.append({"id": f"p{n}", "title": "t", "when": when, "evidence": [evidence]})
    return {"events": events}


class _Golds:
    """Gold records and documents read both ways (a plain class: Hypothesis prints its repr)."""

    def __init__(self, records: list[tuple[str, dict[str, Any]]], ours: list, theirs: list):
        self.records, self.ours, self.theirs = records, ours, theirs

    def __repr__(self) -> str:
        return f"<{len(self.records)} gold events>"


@pytest.fixture(scope="module")
def both_golds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gold")
    paths = [_stalin_gold(), _write_synthetic_gold(folder)]
    records = [r for p in paths for r in _gold_records(p)]
    with warnings.catch_warnings():  # the reference leaves its files to the collector
        warnings.simplefilter("ignore", ResourceWarning)
        theirs = _reference_module().load_docs([str(p) for p in paths])
    return _Golds(records, read_gold(paths), theirs)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plans=_plans)
def test_random_predictions_agree_with_reference(both_golds, plans):
    pred = _perturbed(plans, both_golds.records)
    theirs = _reference_module().score(copy.deepcopy(pred), both_golds.theirs)
    assert score_documents(pred, both_golds.ours).as_dict() == json.loads(json.dumps(theirs))


_pieces = st.sampled_from(
    ["-", "19", "20", "0", "1", "2", "X", "XX", "Y", "~", "?", "%", "/", "..", "[", "]", ",", " "]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_pieces, max_size=10).map("".join), st.lists(_pieces, max_size=10).map("".join))
def test_date_check_agrees_with_reference(pred, gold):
    assert date_ok(pred, gold) == _reference_module().date_ok(pred, gold)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EDTF_POOL), st.sampled_from(EDTF_POOL))
def test_date_check_agrees_on_the_pool(pred, gold):
    assert date_ok(pred, gold) == _reference_module().date_ok(pred, gold)


# --------------------------------------------------------------------------- checks
@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("1929-02-10", "1929", True),
        ("1929", "1929-02", False),
        ("1917", "../1917", False),
        ("../1917-03", "../1917", True),
        ("1347-08", "1347-22", True),
        ("1348-01-15", "1347-24", True),
        ("-0430-06", "-0430", True),
        ("1925", "192X", True),
        ("1924-02/1924-05", "1924", True),
        ("1924/1926", "1924", False),
        ("1907~", "1907", True),
        ("1667", "[1667,1668]", True),
        (None, "1907", False),
    ],
)
def test_date_ok(pred, gold, ok):
    assert date_ok(pred, gold) is ok


def test_format_event_scores(tmp_path):
    gold = _write_synthetic_gold(tmp_path)
    records = _gold_records(gold)[:4]
    text = format_event_scores(score_events(_prediction(records, lambda e: "1900"), [gold]))
    assert text.splitlines()[0].startswith("Events:  4/8 required gold events found (recall 0.500)")
    assert "Missed (4):" in text and "  syn G7: Event G7" in text
    assert "  G1: gold -0430, predicted 1900: Event G1" in text


# --------------------------------------------------------------------------- errors
def _gold_with(tmp_path: Path, change) -> Path:
    path = _write_synthetic_gold(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema="timeline/1"), "field 'schema' must be 'timeline-gold/1'"),
        (lambda d: d.pop("documents"), "missing field 'documents'"),
        (
            lambda d: d["documents"][0]["events"][2].pop("evidence_start"),
            "documents[0].events[2]: missing field 'evidence_start'",
        ),
        (
            lambda d: d["documents"][0]["events"][0].update(evidence_end="12"),
            "documents[0].events[0].evidence_end: expected an integer, got '12'",
        ),
        (
            lambda d: d["documents"][0]["events"][0].update(date=1917),
            "documents[0].events[0].date: expected a string or null, got 1917",
        ),
        (
            lambda d: d["documents"][1].update(file="missing.txt"),
            "documents[1].file: document file",
        ),
    ],
)
def test_bad_gold_names_file_and_field(tmp_path, change, message):
    path = _gold_with(tmp_path, change)
    with pytest.raises(InputError) as err:
        score_events({"events": []}, [path])
    assert message in str(err.value) and str(path) in str(err.value)


def test_missing_and_invalid_gold_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_gold([tmp_path / "nope.json"])
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json.*not valid JSON"):
        read_gold([bad])
    with pytest.raises(InputError, match="No gold documents"):
        read_gold([])


@pytest.mark.parametrize(
    ("pred", "message"),
    [
        ({}, "missing field 'events'"),
        ({"events": {}}, "events: expected a list"),
        ({"events": [1]}, "events[0]: expected an object"),
        ({"events": [{"when": {"edtf": 1917}}]}, "events[0].when.edtf: expected a string or null"),
        ({"events": [{"evidence": [{"start": "1"}]}]}, "events[0].evidence[0].start"),
        ({"events": [{"evidence": [{"start": True}]}]}, "expected an integer or null, got True"),
        ({"events": [{"evidence": [{"quote": 3}]}]}, "events[0].evidence[0].quote"),
    ],
)
def test_bad_prediction_names_the_field(tmp_path, pred, message):
    gold = _write_synthetic_gold(tmp_path)
    with pytest.raises(InputError) as err:
        score_events(pred, [gold], name="pred.json")
    assert message in str(err.value) and "pred.json" in str(err.value)


def test_read_prediction_errors(tmp_path):
    with pytest.raises(InputError, match="prediction .*no such file"):
        read_prediction(tmp_path / "none.json")
    path = tmp_path / "list.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="expected a timeline object"):
        read_prediction(path)
