"""Score a predicted timeline against gold timelines (``timeline-gold/1``).

``score_events(pred, gold_paths)`` gives ``EventScores``. The definitions are those of the
reference scorer ``shared/tools/event_score.py``, and the figures must equal its figures:

* **Documents.** Each gold file lists documents; a document's text is its ``file``
  (relative to the gold file) read as UTF-8 with no newline translation.
* **Placing evidence.** A predicted evidence item belongs to the first document whose
  ``text[start:end]`` is its ``quote``; failing that, to the first place where the quote
  occurs (an *offset error*). Items with an empty quote are ignored.
* **Matching.** A prediction and a gold event of the same document are candidates when one
  of the prediction's spans overlaps the gold ``evidence`` span or one of its
  ``evidence_alternatives`` (found in the text). Candidates are taken with agreeing dates
  first, then by larger overlap (ties: document, gold event, then span order), one-to-one
  within each document: a prediction citing several documents may match one gold event
  in each, and each gold event is matched once.
* **Figures.** Recall = matched required gold events / required gold events. Precision =
  predictions matching a required gold event / predictions not matched only to optional
  gold events. Date accuracy is over matched required gold events with a date: the
  predicted EDTF must lie inside the gold one at the gold's granularity (each end for
  intervals; open ends must be open; qualifiers ``~ ? %`` ignored). The lenient accuracy
  also takes ``date_alternatives``; dated recall is right dates over dated required gold
  events. ``as_dict()`` rounds to three places, as the reference does.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronologist.errors import InputError
from chronologist.timemodel import Day, days_in_month

__all__ = [
    "GOLD_SCHEMA",
    "EventScores",
    "GoldDocument",
    "GoldEvent",
    "date_ok",
    "format_event_scores",
    "read_gold",
    "read_prediction",
    "score_documents",
    "score_events",
]

GOLD_SCHEMA = "timeline-gold/1"
_POINT = re.compile(r"(-?)([0-9X]{4})(?:-([0-9X]{2}))?(?:-([0-9X]{2}))?")
_BIG_YEAR = re.compile(r"Y(-?\d+)")
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # winter ends next year
_OPEN = ("", "..")

Bounds = tuple[Day, Day]
"""(earliest day, latest day) of a date."""


# ------------------------------------------------------------------------ date check
def point_bounds(text: str) -> Bounds | None:
    """Earliest and latest day of a single EDTF date (qualifiers dropped), or None."""
    text = text.strip().strip("~?%").replace("~", "").replace("?", "").replace("%", "")
    m = _POINT.fullmatch(text)
    if m is None:
        big = _BIG_YEAR.fullmatch(text)
        return ((int(big[1]), 1, 1), (int(big[1]), 12, 31)) if big else None
    sign, digits, month, day = m.groups()
    lo_y, hi_y = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
    if sign:
        lo_y, hi_y = -hi_y, -lo_y
    if month is None:
        return (lo_y, 1, 1), (hi_y, 12, 31)
    if "X" not in month and int(month) in _SEASON_MONTHS:
        first, last = _SEASON_MONTHS[int(month)]
        end_y, end_m = (hi_y + 1, last - 12) if last > 12 else (hi_y, last)
        return (lo_y, first, 1), (end_y, end_m, days_in_month(end_y, end_m))
    lo_m, hi_m = (1, 12) if "X" in month else (int(month), int(month))
    if not (1 <= lo_m <= 12 and 1 <= hi_m <= 12):
        return None
    if day is None or "X" in day:
        return (lo_y, lo_m, 1), (hi_y, hi_m, days_in_month(hi_y, hi_m))
    return (lo_y, lo_m, int(day)), (hi_y, hi_m, int(day))


@dataclass(frozen=True, slots=True)
class _Date:
    """A parsed EDTF value: one date (start is end) or an interval with open ends as None."""

    interval: bool
    start: Bounds | None
    end: Bounds | None


def _parse(value: object) -> _Date | None:
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if text.startswith(("[", "{")):  # a set: its first member (or first range's start)
        text = text.strip("[]{}").split(",")[0].split("..")[0]
    if "/" not in text:
        bounds = point_bounds(text)
        return _Date(False, bounds, bounds) if bounds else None
    a, b = text.split("/", 1)
    start = None if a in _OPEN else point_bounds(a)
    end = None if b in _OPEN else point_bounds(b)
    if (a not in _OPEN and start is None) or (b not in _OPEN and end is None):
        return None
    return _Date(True, start, end)


def _inside(inner: Bounds, outer: Bounds) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def date_ok(pred: object, gold: object) -> bool:
    """True when the predicted EDTF lies inside the gold one at the gold's granularity."""
    g, p = _parse(gold), _parse(pred)
    if g is None or p is None:
        return False
    if not g.interval:  # a point: every end of the prediction inside it
        ends = (p.start, p.end)
        return g.start is not None and all(e is not None and _inside(e, g.start) for e in ends)
    if not p.interval:
        return False
    for mine, theirs in ((p.start, g.start), (p.end, g.end)):
        if theirs is None:
            if mine is not None:
                return False
        elif mine is None or not _inside(mine, theirs):
            return False
    return True


# ---------------------------------------------------------------------------- gold
@dataclass(frozen=True, slots=True)
class GoldEvent:
    """The fields of a gold event that scoring reads."""

    id: str
    title: str
    date: str | None
    date_basis: str
    """explicit, relative, contextual or none ("?" when the gold does not say)."""
    date_alternatives: tuple[str, ...]
    optional: bool
    ranges: tuple[tuple[int, int], ...]
    """The evidence span, then each ``evidence_alternatives`` span found in the text."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold document: its exact text and its events."""

    doc_id: str
    path: Path
    text: str
    events: tuple[GoldEvent, ...]


def _read_json(path: Path, what: str) -> Any:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as exc:
        raise InputError(f"Cannot read {what} {str(path)!r}: no such file.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"Cannot read {what} {str(path)!r}: not UTF-8 ({exc.reason}).") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{str(path)!r}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})."
        ) from exc
    except OSError as exc:
        raise InputError(f"Cannot read {what} {str(path)!r}: {exc.strerror}.") from exc


def _read_text(path: Path, where: str) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError as exc:
        raise InputError(f"{where}: document file {str(path)!r} does not exist.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: {str(path)!r} is not UTF-8 text ({exc.reason}).") from exc
    except OSError as exc:
        raise InputError(f"{where}: cannot read {str(path)!r}: {exc.strerror}.") from exc


_KIND_NAMES: dict[type, str] = {
    dict: "an object",
    list: "a list",
    str: "a string",
    int: "an integer",
    bool: "true or false",
    type(None): "null",
}


def _check(value: Any, kinds: tuple[type, ...], where: str) -> Any:
    """``value`` when it has one of ``kinds`` (a bool is not an integer here)."""
    if isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool)):
        return value
    expected = " or ".join(_KIND_NAMES.get(k, k.__name__) for k in kinds)
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    raise InputError(f"{where}: expected {expected}, got {shown}.")


def _need(obj: Mapping[str, Any], key: str, kinds: tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise InputError(f"{where}: missing field {key!r}.")
    return _check(obj[key], kinds, f"{where}.{key}")


def _maybe(obj: Mapping[str, Any], key: str, kinds: tuple[type, ...], where: str) -> Any:
    return _check(obj.get(key), (*kinds, type(None)), f"{where}.{key}")


def _strings(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = _maybe(obj, key, (list,), where) or []
    for n, item in enumerate(items):
        if not isinstance(item, str):
            raise InputError(f"{where}.{key}[{n}]: expected a string, got {item!r}.")
    return tuple(items)


def _gold_event(raw: Any, text: str, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: expected an object, got {raw!r}.")
    ranges = [
        (_need(raw, "evidence_start", (int,), where), _need(raw, "evidence_end", (int,), where))
    ]
    for alt in _strings(raw, "evidence_alternatives", where):
        k = text.find(alt)
        if k >= 0:
            ranges.append((k, k + len(alt)))
    return GoldEvent(
        id=_need(raw, "id", (str,), where),
        title=_need(raw, "title", (str,), where),
        date=_maybe(raw, "date", (str,), where),
        date_basis=_need(raw, "date_basis", (str,), where) if "date_basis" in raw else "?",
        date_alternatives=_strings(raw, "date_alternatives", where),
        optional=bool(_maybe(raw, "optional", (bool,), where)),
        ranges=tuple(ranges),
    )


def _gold_document(raw: Any, gold_path: Path, where: str) -> GoldDocument:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: expected an object, got {raw!r}.")
    doc_id = _need(raw, "doc_id", (str,), where)
    path = Path(os.path.join(os.path.dirname(gold_path), _need(raw, "file", (str,), where)))
    text = _read_text(path, f"{where}.file")
    events = _need(raw, "events", (list,), where)
    return GoldDocument(
        doc_id,
        path,
        text,
        tuple(_gold_event(e, text, f"{where}.events[{n}]") for n, e in enumerate(events)),
    )


def read_gold(gold_paths: Sequence[Path | str]) -> list[GoldDocument]:
    """The documents of every gold file, in order (raises ``InputError`` naming the field)."""
    docs: list[GoldDocument] = []
    for gold in map(Path, gold_paths):
        data = _read_json(gold, "gold file")
        if not isinstance(data, dict) or data.get("schema") != GOLD_SCHEMA:
            raise InputError(
                f"{str(gold)!r}: not a gold timeline (field 'schema' must be {GOLD_SCHEMA!r})."
            )
        for n, raw in enumerate(_need(data, "documents", (list,), str(gold))):
            docs.append(_gold_document(raw, gold, f"{gold}: documents[{n}]"))
    if not docs:
        raise InputError("No gold documents to score against.", hint="Give a gold file.")
    return docs


# --------------------------------------------------------------------- predictions
@dataclass(frozen=True, slots=True)
class _Prediction:
    edtf: str | None
    evidence: tuple[tuple[str, int | None, int | None], ...]
    """(quote, start, end) of each evidence item with a non-empty quote."""


def _prediction(raw: Any, where: str) -> _Prediction:
    _check(raw, (dict,), where)
    when = _maybe(raw, "when", (dict,), where) or {}
    edtf = _maybe(when, "edtf", (str,), f"{where}.when")
    items: list[tuple[str, int | None, int | None]] = []
    for n, item in enumerate(_maybe(raw, "evidence", (list,), where) or []):
        at = f"{where}.evidence[{n}]"
        _check(item, (dict,), at)
        quote = _maybe(item, "quote", (str,), at)
        start, end = _maybe(item, "start", (int,), at), _maybe(item, "end", (int,), at)
        if quote:
            items.append((quote, start, end))
    return _Prediction(edtf, tuple(items))


def _predictions(pred: Any, name: str) -> list[_Prediction]:
    if not isinstance(pred, Mapping):
        raise InputError(f"{name}: expected a timeline object, got {type(pred).__name__}.")
    events = _need(pred, "events", (list,), name)
    return [_prediction(e, f"{name}: events[{n}]") for n, e in enumerate(events)]


def read_prediction(path: Path | str) -> dict[str, Any]:
    """A prediction file (our timeline JSON or its ``events`` subset), as a dict."""
    data = _read_json(Path(path), "prediction")
    if not isinstance(data, dict):
        raise InputError(f"{str(path)!r}: expected a timeline object with 'events'.")
    return data


# ------------------------------------------------------------------------- scoring
@dataclass(frozen=True, slots=True)
class Miss:
    """A required gold event no prediction matched."""

    doc_id: str
    event_id: str
    title: str


@dataclass(frozen=True, slots=True)
class WrongDate:
    """A matched, dated, required gold event whose predicted date is wrong."""

    event_id: str
    gold: str
    predicted: str | None
    title: str


@dataclass(frozen=True, slots=True)
class EventScores:
    """Counts behind every figure, the figures, the misses and the wrong dates."""

    predicted: int
    required: int
    matched_required: int
    hits: int
    """Predictions matching at least one required gold event."""
    counted: int
    """Predictions counted for precision: all but those matched only to optional events."""
    dated_required: int
    dated_matched: int
    dates_right: int
    dates_right_lenient: int
    by_basis: Mapping[str, tuple[int, int]]
    """Gold date basis → (right dates, matched dated events)."""
    offset_errors: int
    misses: tuple[Miss, ...]
    wrong_dates: tuple[WrongDate, ...]

    @property
    def recall(self) -> float:
        return self.matched_required / self.required if self.required else 0.0

    @property
    def precision(self) -> float:
        return self.hits / self.counted if self.counted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dated_matched if self.dated_matched else 0.0

    @property
    def date_accuracy_lenient(self) -> float:
        return self.dates_right_lenient / self.dated_matched if self.dated_matched else 0.0

    @property
    def dated_recall(self) -> float:
        """Required dated gold events found and dated right, over all of them."""
        return self.dates_right / self.dated_required if self.dated_required else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The reference scorer's ``--json`` shape and rounding."""
        return {
            "predicted": self.predicted,
            "required": self.required,
            "matched_required": self.matched_required,
            "recall": round(self.recall, 3),
            "precision": round(self.precision, 3),
            "f1": round(self.f1, 3),
            "dated_matched": self.dated_matched,
            "dated_required": self.dated_required,
            "date_accuracy": round(self.date_accuracy, 3),
            "date_accuracy_lenient": round(self.date_accuracy_lenient, 3),
            "dated_recall": round(self.dated_recall, 3),
            "by_basis": {k: f"{right}/{n}" for k, (right, n) in sorted(self.by_basis.items())},
            "offset_errors": self.offset_errors,
            "missed": [[m.doc_id, m.event_id, m.title] for m in self.misses],
            "wrong_dates": [[w.event_id, w.gold, w.predicted, w.title] for w in self.wrong_dates],
        }


@dataclass(frozen=True, slots=True)
class _Span:
    pred: int
    doc: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Pair:
    pred: int
    doc: int
    gold: GoldEvent
    edtf: str | None


def _place(
    quote: str, start: int | None, end: int | None, docs: Sequence[GoldDocument]
) -> tuple[int, int, int, bool] | None:
    """(document, start, end, offset error) of one evidence item, or None if no text has it."""
    if start is not None and end is not None:
        for j, doc in enumerate(docs):
            if doc.text[start:end] == quote:
                return j, start, end, False
    for j, doc in enumerate(docs):
        k = doc.text.find(quote)
        if k >= 0:
            return j, k, k + len(quote), True
    return None


def _spans(preds: Sequence[_Prediction], docs: Sequence[GoldDocument]) -> tuple[list[_Span], int]:
    spans: list[_Span] = []
    offset_errors = 0
    for i, pred in enumerate(preds):
        for quote, start, end in pred.evidence:
            placed = _place(quote, start, end, docs)
            if placed:
                j, s, e, moved = placed
                spans.append(_Span(i, j, s, e))
                offset_errors += moved
    return spans, offset_errors


def _pairs(
    preds: Sequence[_Prediction], docs: Sequence[GoldDocument], spans: list[_Span]
) -> list[_Pair]:
    """One-to-one pairs per document: agreeing dates first, then larger overlap."""
    candidates: list[tuple[bool, int, _Pair]] = []
    for j, doc in enumerate(docs):
        here = [s for s in spans if s.doc == j]
        for gold in doc.events:
            for span in here:
                overlap = max(min(span.end, ge) - max(span.start, gs) for gs, ge in gold.ranges)
                if overlap > 0:
                    edtf = preds[span.pred].edtf
                    agree = bool(gold.date) and date_ok(edtf, gold.date)
                    candidates.append((agree, overlap, _Pair(span.pred, j, gold, edtf)))
    candidates.sort(key=lambda c: (not c[0], -c[1]))  # stable: ties keep their order
    used_preds: set[tuple[int, int]] = set()
    used_golds: set[tuple[int, str]] = set()
    pairs: list[_Pair] = []
    for _, _, pair in candidates:
        if (pair.pred, pair.doc) in used_preds or (pair.doc, pair.gold.id) in used_golds:
            continue
        used_preds.add((pair.pred, pair.doc))
        used_golds.add((pair.doc, pair.gold.id))
        pairs.append(pair)
    return pairs


def _lenient_ok(pair: _Pair) -> bool:
    gold = pair.gold
    return date_ok(pair.edtf, gold.date) or any(
        date_ok(pair.edtf, a) for a in gold.date_alternatives
    )


def score_documents(
    pred: Mapping[str, Any], docs: Sequence[GoldDocument], *, name: str = "prediction"
) -> EventScores:
    """Score one prediction against gold documents already read (see ``read_gold``)."""
    preds = _predictions(pred, name)
    spans, offset_errors = _spans(preds, docs)
    pairs = _pairs(preds, docs, spans)
    required = [(j, g) for j, doc in enumerate(docs) for g in doc.events if not g.optional]
    matched = [p for p in pairs if not p.gold.optional]
    hits = {p.pred for p in matched}
    only_optional = {p.pred for p in pairs if p.gold.optional} - hits
    dated = [p for p in matched if p.gold.date]
    right = [date_ok(p.edtf, p.gold.date) for p in dated]
    by_basis: dict[str, tuple[int, int]] = {}
    for pair, ok in zip(dated, right, strict=True):
        good, total = by_basis.get(pair.gold.date_basis, (0, 0))
        by_basis[pair.gold.date_basis] = (good + ok, total + 1)
    used = {(p.doc, p.gold.id) for p in pairs}
    return EventScores(
        predicted=len(preds),
        required=len(required),
        matched_required=len(matched),
        hits=len(hits),
        counted=len(preds) - len(only_optional),
        dated_required=sum(1 for _, g in required if g.date),
        dated_matched=len(dated),
        dates_right=sum(right),
        dates_right_lenient=sum(1 for p in dated if _lenient_ok(p)),
        by_basis=by_basis,
        offset_errors=offset_errors,
        misses=tuple(
            Miss(docs[j].doc_id, g.id, g.title) for j, g in required if (j, g.id) not in used
        ),
        wrong_dates=tuple(
            WrongDate(p.gold.id, p.gold.date or "", p.edtf, p.gold.title)
            for p, ok in zip(dated, right, strict=True)
            if not ok
        ),
    )


def score_events(
    pred: Mapping[str, Any], gold_paths: Sequence[Path | str], *, name: str = "prediction"
) -> EventScores:
    """Score a predicted timeline (a dict of our JSON) against gold timeline files."""
    return score_documents(pred, read_gold(gold_paths), name=name)


def format_event_scores(scores: EventScores, *, limit: int = 40) -> str:
    """A plain-text report: figures, then up to ``limit`` misses and wrong dates."""
    s = scores
    basis = ", ".join(f"{k} {right}/{n}" for k, (right, n) in sorted(s.by_basis.items()))
    lines = [
        f"Events:  {s.matched_required}/{s.required} required gold events found "
        f"(recall {s.recall:.3f}); {s.hits}/{s.counted} predictions right "
        f"(precision {s.precision:.3f}); F1 {s.f1:.3f}",
        f"Dates:   {s.dates_right}/{s.dated_matched} right (accuracy {s.date_accuracy:.3f}, "
        f"lenient {s.date_accuracy_lenient:.3f}); dated recall "
        f"{s.dates_right}/{s.dated_required} ({s.dated_recall:.3f})",
        f"By date basis: {basis or '-'}",
        f"Predicted events: {s.predicted}; evidence found at other offsets: {s.offset_errors}",
    ]
    if s.misses:
        lines.append(f"Missed ({len(s.misses)}):")
        lines += [f"  {m.doc_id} {m.event_id}: {m.title}" for m in s.misses[:limit]]
    if s.wrong_dates:
        lines.append(f"Wrong dates ({len(s.wrong_dates)}):")
        lines += [
            f"  {w.event_id}: gold {w.gold}, predicted {w.predicted or '(none)'}: {w.title}"
            for w in s.wrong_dates[:limit]
        ]
    return "\n".join(lines)
