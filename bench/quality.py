"""Tagging quality beside a peer: chronologist and dateparser, scored the same way.

    python bench/quality.py --shared ../shared

Corpora: the TempEval-3 training corpora (``SHARED/data/tempeval3/train``, our development
data) and our held-out newswire and history sets (``evaluation/*/heldout``). Both taggers see
each document's text and DCT (history has none), as in ``bench/tagger.py``; both are scored by
``chronologist eval timex``'s scorer, whose figures equal TempEval-3's reference scorer.

dateparser's ``search_dates`` returns (substring, datetime) pairs. Each substring is found
in the text from the end of the previous one (its offsets) and read again with
``DateDataParser.get_date_data`` (``RETURN_TIME_AS_PERIOD``), whose period gives the value's
granularity: ``YYYY`` for a year, ``YYYY-MM`` a month, ``YYYY-Www`` a week, ``YYYY-MM-DD`` a
day (type ``DATE``), ``YYYY-MM-DDTHH:MM`` a time (type ``TIME``). That is the library at its
best as a TIMEX3 tagger: it has no durations, sets or vague references.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from chronologist.evaluate.timex import GoldDocument, TimexScores, evaluate_timex, read_gold_dir

EVALUATION = Path(__file__).resolve().parents[1] / "evaluation"

Timexes = list[dict[str, object]]


def dateparser_timexes() -> Callable[[GoldDocument], Timexes]:
    try:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except ImportError:
        sys.exit("dateparser is missing: pip install -r bench/requirements.txt")

    def run(doc: GoldDocument) -> Timexes:
        settings: dict[str, object] = {"RETURN_TIME_AS_PERIOD": True}
        if doc.dct:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(doc.dct)
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        periods = DateDataParser(languages=["en"], settings=settings)
        out: Timexes = []
        pos = 0
        for text, when in found:
            start = doc.text.find(text, pos)
            if start < 0:
                continue  # a substring dateparser rewrote: no offsets to give it
            pos = start + len(text)
            period = periods.get_date_data(text).period or "day"
            type_ = "TIME" if period == "time" else "DATE"
            out.append({"start": start, "end": pos, "type": type_, "value": _value(when, period)})
        return out

    return run


def _value(when: datetime, period: str) -> str:
    """A TIMEX3 value for ``when`` at ``period``'s granularity."""
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.date().isoformat()


def score_peer(gold_dir: Path, tag: Callable[[GoldDocument], Timexes]) -> TimexScores:
    docs = read_gold_dir(gold_dir)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "predictions.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for name, doc in docs.items():
                out.write(json.dumps({"doc": name, "timexes": tag(doc)}) + "\n")
        return evaluate_timex(gold_dir, predictions=path)


def rows(label: str, ours: TimexScores, peer: TimexScores) -> list[str]:
    lines = []
    for measure in ("relaxed", "value"):
        f_ours = 100 * getattr(ours, measure).f1
        f_peer = 100 * getattr(peer, measure).f1
        ratio = f"{f_ours / f_peer:.1f}x" if f_peer else "-"
        lines.append(f"{label:<34}{measure + ' F1':<12}{f_ours:>14.2f}{f_peer:>12.2f}{ratio:>8}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder")
    args = ap.parse_args(argv)
    corpora = {
        "TempEval-3 train (development)": args.shared / "data" / "tempeval3" / "train",
        "newswire held-out (ours)": EVALUATION / "newswire" / "heldout",
        "history held-out (ours)": EVALUATION / "history" / "heldout",
    }
    peer = dateparser_timexes()
    print(f"{'corpus':<34}{'measure':<12}{'chronologist':>14}{'dateparser':>12}{'ratio':>8}")
    for label, folder in corpora.items():
        if not folder.is_dir():
            print(f"{label:<34}missing: {folder}")
            continue
        print("\n".join(rows(label, evaluate_timex(folder), score_peer(folder, peer))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
