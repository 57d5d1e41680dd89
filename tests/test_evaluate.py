"""TempEval-3 TIMEX3 scoring: hand-counted fixtures, then agreement with the reference scorer."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronologist.errors import InputError, InvalidDate
from chronologist.evaluate.timex import (
    Timex,
    evaluate_timex,
    format_scores,
    match_timexes,
    read_gold_dir,
    read_tml,
)
from chronologist.temporal.notation import parse_timex

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TRAIN = SHARED / "data" / "tempeval3" / "train"
SCORER = SHARED / "tools" / "timex_score.py"
EVALUATION = Path(__file__).resolve().parents[1] / "evaluation"

DCT_LINE = (
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>'
)


def _need(path: Path) -> Path:
    """Skip when shared data is missing, but fail on CI, where it must be there."""
    if not path.exists():
        message = f"{path} not found: clone the shared folder beside the repository"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def _tml(body: str, *, head: str = DCT_LINE) -> str:
    top = '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>'
    return f"{top}\n{head}\n<TEXT>{body}</TEXT>\n</TimeML>\n"


def _write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="")
    return path


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _timex(start: int, end: int, type_: str, value: str) -> dict[str, object]:
    return {"start": start, "end": end, "type": type_, "value": value}


# --- reading TimeML -------------------------------------------------------------------

NEWS = (
    '\nOn <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday morning</TIMEX3>'
    " AT&amp;T said &lt;nothing&gt; about"
    ' <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.\n'
)
NEWS_TEXT = "\nOn Thursday morning AT&T said <nothing> about three years.\n"


def test_plain_text_decodes_entities_and_keeps_offsets(tmp_path):
    doc = read_tml(_write(tmp_path, "news.tml", _tml(NEWS)))
    assert doc.name == "news"
    assert doc.text == NEWS_TEXT
    assert doc.timexes == (
        Timex(4, 20, "DATE", "1998-02-05"),
        Timex(47, 58, "DURATION", "P3Y"),
    )
    assert doc.text[47:58] == "three years"


def test_dct_is_the_anchor_and_not_scored(tmp_path):
    doc = read_tml(_write(tmp_path, "news.tml", _tml(NEWS)))
    assert doc.dct == "1998-02-06"
    assert len(doc.timexes) == 2  # the CREATION_TIME TIMEX3 is not among them


def test_dct_inside_text_is_not_scored_either(tmp_path):
    body = (
        '<TIMEX3 tid="t0" type="DATE" value="2001-09-11" functionInDocument="CREATION_TIME">'
        'Sept. 11</TIMEX3> <TIMEX3 tid="t1" type="DATE" value="2001">2001</TIMEX3>'
    )
    doc = read_tml(_write(tmp_path, "d.tml", _tml(body, head="")))
    assert doc.dct == "2001-09-11"
    assert doc.timexes == (Timex(9, 13, "DATE", "2001"),)


def test_numeric_references_decoded_other_entities_kept(tmp_path):
    body = (
        'caf&#233; &#xE9;t&#XE9; &nbsp;&copy; <TIMEX3 type="DATE" value="1998&#45;02">now</TIMEX3>'
    )
    doc = read_tml(_write(tmp_path, "d.tml", _tml(body)))
    assert doc.text == "café été &nbsp;&copy; now"
    assert doc.timexes == (Timex(22, 25, "DATE", "1998-02"),)


def test_spans_are_trimmed_and_empty_ones_dropped(tmp_path):
    body = 'a<TIMEX3 type="DATE" value="1">  May \n</TIMEX3>b<TIMEX3 type="DATE" value="2"/>c'
    doc = read_tml(_write(tmp_path, "d.tml", _tml(body)))
    assert doc.text == "a  May \nbc"
    assert doc.timexes == (Timex(3, 6, "DATE", "1"),)


def test_windows_newlines_read_as_the_reference_does(tmp_path):
    doc = read_tml(_write(tmp_path, "d.tml", _tml("\r\nx\r\n")))
    assert doc.text == "\nx\n"


# --- matching and figures -------------------------------------------------------------


def test_strict_relaxed_type_and_value_by_hand(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    preds = _jsonl(
        tmp_path / "p.jsonl",
        {
            "doc": "news",
            "timexes": [
                _timex(4, 12, "DATE", "1998-02-05"),  # "Thursday": relaxed only
                _timex(47, 58, "DURATION", "P3M"),  # exact extent, wrong value
                _timex(26, 30, "DATE", "PAST_REF"),  # "said": spurious
            ],
        },
    )
    scores = evaluate_timex(gold, predictions=preds)
    c = scores.counts
    assert (c.gold, c.system, c.strict, c.relaxed, c.type_ok, c.value_ok) == (2, 3, 1, 2, 2, 1)
    assert scores.strict.precision == pytest.approx(1 / 3)
    assert scores.strict.recall == pytest.approx(1 / 2)
    assert scores.strict.f1 == pytest.approx(0.4)
    assert scores.relaxed.f1 == pytest.approx(0.8)
    assert scores.type.f1 == pytest.approx(0.8)
    assert scores.type.accuracy == pytest.approx(1.0)
    assert scores.value.f1 == pytest.approx(0.4)
    assert scores.value.accuracy == pytest.approx(0.5)
    assert scores.warnings == ()


def test_one_system_timex_matches_one_gold_timex(tmp_path):
    gold = tmp_path / "gold"
    body = (
        '\n<TIMEX3 type="DATE" value="XXXX-03-03">March 3</TIMEX3>,'
        ' <TIMEX3 type="DATE" value="1998">1998</TIMEX3>\n'
    )
    _write(gold, "d.tml", _tml(body))
    # "March 3, 1998" (1-14) overlaps "March 3" (1-8) by 7 and "1998" (10-14) by 4.
    preds = _jsonl(tmp_path / "p.jsonl", {"doc": "d", "timexes": [_timex(1, 14, "DATE", "1998")]})
    c = evaluate_timex(gold, predictions=preds).counts
    assert (c.gold, c.system, c.strict, c.relaxed) == (2, 1, 0, 1)
    assert c.value_ok == 0  # matched "March 3" (XXXX-03-03), not "1998"


def test_overlap_ties_go_to_the_first_gold_timex():
    gold = [Timex(1, 6, "DATE", "A"), Timex(7, 12, "DATE", "B")]  # "May 1", "May 2"
    assert match_timexes(gold, [Timex(5, 8, "DATE", "A")]) == [(0, 0)]  # overlaps 1 and 1


def test_exact_extents_are_paired_before_overlaps():
    gold = [Timex(2, 10, "DATE", "A")]
    system = [Timex(0, 12, "DATE", "A"), Timex(2, 10, "DATE", "A")]  # same overlap, 8
    assert match_timexes(gold, system) == [(0, 1)]


def test_largest_overlap_wins_and_losers_stay_free():
    gold = [Timex(0, 4, "DATE", ""), Timex(5, 20, "DATE", "")]
    system = [Timex(0, 10, "DATE", ""), Timex(3, 6, "DATE", "")]
    # overlaps: g0-s0 4, g1-s0 5, g0-s1 1, g1-s1 1 → g1-s0 first, then g0-s1.
    assert match_timexes(gold, system) == [(0, 1), (1, 0)]


def test_attributes_compared_after_trimming(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    preds = _jsonl(
        tmp_path / "p.jsonl",
        {
            "doc": "news.tml",
            "timexes": [_timex(4, 20, " DATE", "1998-02-05 "), _timex(47, 58, "date", "P3Y")],
        },
    )
    c = evaluate_timex(gold, predictions=preds).counts
    assert (c.strict, c.type_ok, c.value_ok) == (2, 1, 2)  # "date" is not "DATE"


def test_micro_average_over_documents_in_sub_folders(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "a/news.tml", _tml(NEWS))
    _write(gold, "b/other.tml", _tml('<TIMEX3 type="DATE" value="1999">1999</TIMEX3>'))
    _write(gold, ".hidden/skip.tml", _tml("no"))
    preds = _jsonl(
        tmp_path / "p.jsonl", {"doc": "other", "timexes": [_timex(0, 4, "DATE", "1999")]}
    )
    scores = evaluate_timex(gold, predictions=preds)
    assert sorted(scores.per_doc) == ["news", "other"]
    c = scores.counts
    assert (c.gold, c.system, c.strict) == (3, 1, 1)
    assert scores.strict.recall == pytest.approx(1 / 3)
    assert any("no line for document 'news'" in w for w in scores.warnings)


def test_bad_spans_and_unknown_documents_are_warnings(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    preds = _jsonl(
        tmp_path / "p.jsonl",
        {
            "doc": "news",
            "timexes": [
                _timex(50, 99, "DATE", "x"),
                {**_timex(4, 12, "DATE", "x"), "text": "Friday"},
            ],
        },
        {"doc": "elsewhere", "timexes": []},
    )
    scores = evaluate_timex(gold, predictions=preds)
    assert scores.counts.system == 1
    assert len(scores.warnings) == 3
    assert "3 warning(s):" in format_scores(scores)


def test_format_scores_table(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    preds = _jsonl(
        tmp_path / "p.jsonl", {"doc": "news", "timexes": [_timex(4, 12, "DATE", "1998-02-05")]}
    )
    table = format_scores(evaluate_timex(gold, predictions=preds)).splitlines()
    assert table[0].split("   ") == [
        "documents: 1",
        "gold timexes: 2",
        "system timexes: 1",
        "relaxed matches: 1",
        "strict matches: 0",
    ]
    assert table[1].split() == ["F1", "P", "R", "accuracy"]
    assert table[2].split() == ["strict", "0.00", "0.00", "0.00", "-"]
    assert table[3].split() == ["relaxed", "66.67", "100.00", "50.00", "-"]
    assert table[5].split() == ["value", "66.67", "100.00", "50.00", "100.00"]


def test_save_writes_what_was_scored(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    _write(gold, "empty.tml", _tml("nothing here"))
    preds = _jsonl(tmp_path / "p.jsonl", {"doc": "news", "timexes": [_timex(3, 13, "DATE", "x")]})
    saved = tmp_path / "saved.jsonl"
    first = evaluate_timex(gold, predictions=preds, save=saved)
    lines = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"doc": "empty", "timexes": []},
        {"doc": "news", "timexes": [_timex(4, 12, "DATE", "x")]},  # " Thursday " trimmed
    ]
    assert evaluate_timex(gold, predictions=saved).as_dict()["counts"] == first.as_dict()["counts"]


def test_tagger_predictions_round_trip(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    saved = tmp_path / "ours.jsonl"
    ours = evaluate_timex(gold, save=saved)
    (line,) = saved.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["doc"] == "news"
    assert all(NEWS_TEXT[t["start"] : t["end"]] == t["text"] for t in record["timexes"])
    again = evaluate_timex(gold, predictions=saved)
    assert again.as_dict() == ours.as_dict()


# --- bad input ------------------------------------------------------------------------


def test_missing_or_empty_gold_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        evaluate_timex(tmp_path / "nope")
    with pytest.raises(InputError, match=r"No \.tml files"):
        evaluate_timex(tmp_path)


def test_tml_without_text_names_the_file(tmp_path):
    path = _write(tmp_path, "sub/broken.tml", "<TimeML><DCT/></TimeML>")
    with pytest.raises(InputError, match=r"broken\.tml: no <TEXT> element"):
        read_gold_dir(tmp_path)
    assert path.exists()


def test_duplicate_document_names(tmp_path):
    _write(tmp_path, "a/d.tml", _tml("x"))
    _write(tmp_path, "b/d.tml", _tml("y"))
    with pytest.raises(InputError, match="must be unique"):
        read_gold_dir(tmp_path)


def test_character_reference_out_of_range_names_file_and_line(tmp_path):
    _write(tmp_path, "d.tml", _tml("\nfine\n&#1114112; bad"))
    with pytest.raises(InputError, match=r"d\.tml:7: character reference"):
        read_gold_dir(tmp_path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"doc": "news", "timexes": [', "not valid JSON"),
        ('["news"]', 'expected an object with a "doc" string'),
        ('{"doc": "news", "timexes": {}}', '"timexes" must be a list'),
        ('{"doc": "news", "timexes": [{"start": "4", "end": 12}]}', '"start" must be an integer'),
        (
            '{"doc": "news", "timexes": [{"start": 4, "end": 12, "value": 5}]}',
            '"value" must be a string',
        ),
    ],
)
def test_malformed_prediction_line_names_file_and_line(tmp_path, line, message):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    preds = tmp_path / "p.jsonl"
    preds.write_text('{"doc": "news", "timexes": []}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"p\.jsonl:3: .*{message}"):
        evaluate_timex(gold, predictions=preds)


def test_missing_predictions_file(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "news.tml", _tml(NEWS))
    with pytest.raises(InputError, match="no such file"):
        evaluate_timex(gold, predictions=tmp_path / "missing.jsonl")


# --- agreement with the reference scorer ----------------------------------------------


@functools.cache
def _reference_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timex_score_reference", _need(SCORER))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


TML_PIECES = [
    '<TIMEX3 tid="t1" type="DATE" value="1998">',
    "</TIMEX3>",
    "</TIMEX3 >",
    "<TIMEX3/>",
    "<TIMEX3 type='TIME' value=\"a/b\" />",
    '<TIMEX3 functionInDocument="CREATION_TIME" value="2000-01-01">',
    '<EVENT eid="e1">',
    "</EVENT>",
    "<a/ >",
    "< a>",
    "<!-- c -->",
    "&amp;",
    "&lt;",
    "&#65;",
    "&#x42;",
    "&am",
    "p;",
    "&nbsp;",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "May",
    "1998",
    "<",
    ">",
    "/",
    '"',
    "é",
]


@settings(max_examples=300, deadline=None)
@given(
    head=st.lists(st.sampled_from(TML_PIECES), max_size=4),
    body=st.lists(st.sampled_from(TML_PIECES), max_size=40),
)
def test_reader_agrees_with_reference_on_odd_markup(head, body):
    reference = _reference_module()
    raw = "".join(head) + "<TEXT>" + "".join(body) + "</TEXT>"
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "x.tml", raw)
        text, timexes, dct = reference.tml_to_plain(str(path))
        doc = read_tml(path)
    assert doc.text == text
    assert doc.dct == dct
    assert [(t.start, t.end, t.type, t.value) for t in doc.timexes] == [
        (t.start, t.end, t.type, t.value) for t in timexes
    ]


_spans = st.lists(
    st.tuples(st.integers(0, 15), st.integers(1, 5), st.sampled_from(["A", "B"])), max_size=6
).map(lambda xs: sorted((Timex(s, s + n, v, v) for s, n, v in xs), key=lambda t: (t.start, t.end)))


@settings(max_examples=500, deadline=None)
@given(gold=_spans, system=_spans)
def test_matching_agrees_with_reference(gold, system):
    reference = _reference_module()

    def theirs(ts):
        return [reference.Timex(t.start, t.end, t.type, t.value) for t in ts]

    _, pairs, _, _ = reference.match_document(theirs(gold), theirs(system))
    assert match_timexes(gold, system) == pairs


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """Our tagger over the TempEval-3 training corpus (once per module): scores, predictions."""
    saved = tmp_path_factory.mktemp("te3") / "predictions.jsonl"
    scores = evaluate_timex(_need(TRAIN), save=saved)
    return scores, saved


def _run_reference(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(_need(SCORER)), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout


def test_figures_equal_the_reference_scorer_on_tempeval3_train(corpus_run):
    scores, saved = corpus_run
    reference = json.loads(_run_reference("score", str(TRAIN), str(saved), "--json"))
    ours = scores.as_dict()
    # The reference prints fractions in [0, 1], as as_dict() does.
    assert ours["gold"] == reference["gold"] == 1822
    assert ours["system"] == reference["system"]
    assert ours["counts"] == reference["counts"]
    for measure in ("strict", "relaxed", "type", "value"):
        assert set(ours[measure]) == set(reference[measure])
        for key, theirs in reference[measure].items():
            assert ours[measure][key] == pytest.approx(theirs, abs=1e-9), (measure, key)
    assert scores.warnings == ()


def test_scoring_saved_predictions_gives_the_same_figures(corpus_run):
    scores, saved = corpus_run
    assert evaluate_timex(TRAIN, predictions=saved).as_dict() == scores.as_dict()


def test_plain_text_equals_reference_export_on_tempeval3_train(tmp_path):
    exported = tmp_path / "gold.jsonl"
    _run_reference("export", str(_need(TRAIN)), str(exported))
    theirs = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    ours = read_gold_dir(TRAIN)
    assert [d["doc"] for d in theirs] == list(ours) and len(ours) == 256
    for record in theirs:
        doc = ours[record["doc"]]
        assert doc.text == record["text"], record["doc"]
        assert doc.dct == record["dct"], record["doc"]
        assert [(t.start, t.end, t.type, t.value) for t in doc.timexes] == [
            (t["start"], t["end"], t["type"], t["value"]) for t in record["timexes"]
        ], record["doc"]


# --- our evaluation sets (evaluation/newswire, evaluation/history) ------------------------

OUR_SETS = {
    # name: (folder, documents, the DCT: a day in news, none in history)
    "newswire": (EVALUATION / "newswire", 432, True),
    "history": (EVALUATION / "history", 192, False),
}
"""Newswire: 16 development and 20 held-out rounds of twelve stories; history: 8 and 8."""


@pytest.mark.parametrize("name", OUR_SETS)
def test_our_gold_is_well_formed_timeml(name):
    folder, documents, dated = OUR_SETS[name]
    docs = read_gold_dir(folder)
    assert len(docs) == documents
    problems = []
    for doc_name, doc in docs.items():
        if dated != (doc.dct is not None and len(doc.dct) == 10):
            problems.append(f"{doc_name}: DCT {doc.dct!r}")
        if not doc.timexes:
            problems.append(f"{doc_name}: no timexes")
        for before, after in zip(doc.timexes, doc.timexes[1:], strict=False):
            if after.start < before.end:
                problems.append(f"{doc_name}: {before} overlaps {after}")
        for t in doc.timexes:
            if t.type not in ("DATE", "TIME", "DURATION", "SET"):
                problems.append(f"{doc_name}: type {t.type!r}")
            try:
                parse_timex(t.value, type=t.type)
            except InvalidDate as exc:
                problems.append(f"{doc_name}: {doc.text[t.start : t.end]!r}: {exc}")
    assert problems == []


@pytest.mark.parametrize("name", OUR_SETS)
def test_figures_equal_the_reference_scorer_on_our_sets(name, tmp_path):
    folder = OUR_SETS[name][0]
    saved = tmp_path / "predictions.jsonl"
    scores = evaluate_timex(folder, save=saved)
    reference = json.loads(_run_reference("score", str(folder), str(saved), "--json"))
    ours = scores.as_dict()
    assert ours["gold"] == reference["gold"] and ours["counts"] == reference["counts"]
    for measure in ("strict", "relaxed", "type", "value"):
        for key, theirs in reference[measure].items():
            assert ours[measure][key] == pytest.approx(theirs, abs=1e-9), (measure, key)
