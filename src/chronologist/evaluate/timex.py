"""Score TIMEX3 tagging on TimeML gold files with TempEval-3's Task A measures.

``evaluate_timex(gold_dir)`` runs ``tag_times`` on every ``.tml`` file under ``gold_dir``
(sub-folders included), or reads a JSON-lines prediction file, and returns
``TimexScores``. The definitions are those of the reference scorer
``shared/tools/timex_score.py``, and the figures must be identical to its figures:

* **Plain text**: the content of the first ``<TEXT>`` element with every tag removed and
  the XML entities decoded (``&amp; &lt; &gt; &quot; &apos;`` and numeric references,
  nothing else). Nothing is trimmed; offsets are code points into that text.
* **DCT**: the TIMEX3 with ``functionInDocument="CREATION_TIME"`` is the document
  creation time. It anchors the tagger and is never scored.
* **Spans** are compared after trimming surrounding white space; empty ones are dropped.
* **Matching** is one-to-one per document: exact-extent pairs first, then the remaining
  overlapping pairs by decreasing overlap (ties: document order).
* **Figures** are micro-averaged over the corpus. Strict and relaxed P/R/F1 count exact
  and overlapping matches. For ``type`` and ``value``, C is the number of relaxed matches
  whose attributes are equal (string comparison after trimming white space):
  P = C/system, R = C/gold, F1 = 2PR/(P+R), accuracy = C/relaxed matches.

Prediction files hold one JSON object per line:
``{"doc": "<file name without .tml>", "timexes": [{"start", "end", "type", "value"}]}``.
A gold document with no line has no predictions. Problems that do not stop scoring
(a span outside the text, an unknown document) become ``TimexScores.warnings``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronologist.errors import InputError, InvalidDate

__all__ = [
    "Counts",
    "Figures",
    "GoldDocument",
    "Timex",
    "TimexScores",
    "evaluate_timex",
    "format_scores",
    "match_timexes",
    "read_gold_dir",
    "read_predictions",
    "read_tml",
    "score_documents",
    "tml_files",
]

_TEXT_ELEMENT = re.compile(r"<TEXT(?:\s[^>]*)?>(.*?)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z_][\w.:-]*)(?P<rest>\s[^<>]*)?/?>")
_ATTRIBUTE = re.compile(r"""(?P<key>[A-Za-z_][\w.:-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_TIMEX_OUTSIDE_TEXT = re.compile(r"<TIMEX3\b(?P<rest>[^>]*)>")
_ENTITY = re.compile(
    r"&(?:#(?P<dec>[0-9]+)|#[xX](?P<hex>[0-9a-fA-F]+)|(?P<name>lt|gt|amp|quot|apos));"
)
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_CREATION_TIME = "CREATION_TIME"
_MAX_WARNINGS_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 extent (trimmed, non-empty) with its type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One TimeML file: its plain text, DCT value and scored gold timexes."""

    name: str
    """The file name without ``.tml``; unique in a gold folder."""
    path: Path
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]
    """Sorted by (start, end); the DCT is left out."""


@dataclass(frozen=True, slots=True)
class Counts:
    """Raw counts from which every figure is computed."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.system + other.system,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.type_ok + other.type_ok,
            self.value_ok + other.value_ok,
        )


@dataclass(frozen=True, slots=True)
class Figures:
    """Precision, recall and F1 (fractions in [0, 1]); accuracy for attributes."""

    precision: float
    recall: float
    f1: float
    accuracy: float | None = None

    @classmethod
    def of(cls, hits: int, counts: Counts, *, attribute: bool = False) -> Figures:
        """Figures for ``hits`` correct items among ``counts.system`` and ``counts.gold``."""
        p = hits / counts.system if counts.system else 0.0
        r = hits / counts.gold if counts.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        accuracy = (hits / counts.relaxed if counts.relaxed else 0.0) if attribute else None
        return cls(p, r, f1, accuracy)

    def as_dict(self) -> dict[str, float]:
        """``{"P", "R", "F1"}`` plus ``"accuracy"`` for attributes (the reference's keys)."""
        out = {"P": self.precision, "R": self.recall, "F1": self.f1}
        if self.accuracy is not None:
            out["accuracy"] = self.accuracy
        return out


@dataclass(frozen=True, slots=True)
class TimexScores:
    """Corpus-level (micro-averaged) TempEval-3 Task A scores."""

    counts: Counts
    per_doc: Mapping[str, Counts]
    warnings: tuple[str, ...] = field(default=())

    @property
    def strict(self) -> Figures:
        return Figures.of(self.counts.strict, self.counts)

    @property
    def relaxed(self) -> Figures:
        return Figures.of(self.counts.relaxed, self.counts)

    @property
    def type(self) -> Figures:
        return Figures.of(self.counts.type_ok, self.counts, attribute=True)

    @property
    def value(self) -> Figures:
        return Figures.of(self.counts.value_ok, self.counts, attribute=True)

    def as_dict(self) -> dict[str, object]:
        """JSON-able figures, in the shape of the reference scorer's ``--json`` output."""
        c = self.counts
        return {
            "documents": len(self.per_doc),
            "gold": c.gold,
            "system": c.system,
            "strict": self.strict.as_dict(),
            "relaxed": self.relaxed.as_dict(),
            "type": self.type.as_dict(),
            "value": self.value.as_dict(),
            "counts": {
                "gold": c.gold,
                "system": c.system,
                "strict": c.strict,
                "relaxed": c.relaxed,
                "type_ok": c.type_ok,
                "value_ok": c.value_ok,
            },
            "warnings": list(self.warnings),
        }


# --- reading TimeML -------------------------------------------------------------------


def _decode(text: str, *, where: Callable[[int], str]) -> str:
    """Decode the five XML entities and numeric character references.

    ``where(i)`` names the place of ``text[i]`` for error messages.
    """

    def replace(m: re.Match[str]) -> str:
        if m["name"]:
            return _NAMED_ENTITIES[m["name"]]
        code = int(m["dec"], 10) if m["dec"] else int(m["hex"], 16)
        if code > 0x10FFFF:
            raise InputError(f"{where(m.start())}: character reference {m[0]!r} is out of range.")
        return chr(code)

    return _ENTITY.sub(replace, text)


def _attributes(rest: str | None, *, where: Callable[[int], str]) -> dict[str, str]:
    """The quoted attributes of a start tag (a later duplicate wins), entities decoded."""
    attrs: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(rest or ""):
        raw = m["dq"] if m["dq"] is not None else m["sq"]
        attrs[m["key"]] = _decode(raw, where=where)
    return attrs


def _locator(path: str, raw: str, base: int) -> Callable[[int], str]:
    """``where`` for text starting at ``raw[base]``: "path:line", computed only on error."""

    def where(i: int) -> str:
        line = raw.count("\n", 0, base + i) + 1
        return f"{path}:{line}"

    return where


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(slots=True)
class _Element:
    name: str
    attrs: dict[str, str]
    start: int
    end: int = -1


def _strip_tags(raw: str, begin: int, end: int, *, where: str) -> tuple[str, list[_Element]]:
    """Plain text of ``raw[begin:end]`` and its elements, in the order they close.

    Self-closing tags are elements of length 0; a closing tag closes the innermost open
    element of that name (mis-nesting is tolerated); elements still open at the end close
    there.
    """
    pieces: list[str] = []
    length = 0
    open_elements: list[_Element] = []
    closed: list[_Element] = []
    pos = begin
    for tag in _TAG.finditer(raw, begin, end):
        piece = _decode(raw[pos : tag.start()], where=_locator(where, raw, pos))
        pieces.append(piece)
        length += len(piece)
        pos = tag.end()
        name = tag["name"]
        if tag["close"]:
            for k in range(len(open_elements) - 1, -1, -1):
                if open_elements[k].name == name:
                    element = open_elements.pop(k)
                    element.end = length
                    closed.append(element)
                    break
            continue
        attrs = _attributes(tag["rest"], where=_locator(where, raw, tag.start()))
        element = _Element(name, attrs, length)
        if tag[0].endswith("/>"):
            element.end = length
            closed.append(element)
        else:
            open_elements.append(element)
    piece = _decode(raw[pos:end], where=_locator(where, raw, pos))
    pieces.append(piece)
    length += len(piece)
    for element in open_elements:
        element.end = length
        closed.append(element)
    return "".join(pieces), closed


def read_tml(path: Path, *, name: str | None = None) -> GoldDocument:
    """Read one TimeML file: plain text, DCT value and gold timexes."""
    try:
        raw = path.read_text(encoding="utf-8")  # universal newlines, like the reference
    except FileNotFoundError as exc:
        raise InputError(f"Cannot read {str(path)!r}: no such file.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"Cannot read {str(path)!r}: not UTF-8 text ({exc.reason}).") from exc
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}: {exc.strerror}.") from exc
    where = str(path)
    body = _TEXT_ELEMENT.search(raw)
    if body is None:
        raise InputError(
            f"{where}: no <TEXT> element.", hint="A TimeML file must have <TEXT>...</TEXT>."
        )
    dct: str | None = None
    outside = raw[: body.start()] + raw[body.end() :]
    for tag in _TIMEX_OUTSIDE_TEXT.finditer(outside):
        attrs = _attributes(tag["rest"], where=lambda _: where)
        if attrs.get("functionInDocument") == _CREATION_TIME:
            dct = attrs.get("value")
            break
    text, elements = _strip_tags(raw, body.start(1), body.end(1), where=where)
    timexes: list[Timex] = []
    for element in elements:
        if element.name != "TIMEX3":
            continue
        if element.attrs.get("functionInDocument") == _CREATION_TIME:
            dct = dct if dct is not None else element.attrs.get("value")
            continue
        start, end = _trim(text, element.start, element.end)
        if start < end:
            attrs = element.attrs
            timexes.append(Timex(start, end, attrs.get("type", ""), attrs.get("value", "")))
    timexes.sort(key=lambda t: (t.start, t.end))
    doc_name = name if name is not None else path.name.removesuffix(".tml")
    return GoldDocument(doc_name, path, text, dct, tuple(timexes))


def tml_files(folder: Path) -> list[Path]:
    """The ``.tml`` files under ``folder``, sub-folders included, hidden ones skipped."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            os.path.relpath(os.path.join(root, f), folder)
            for f in files
            if f.endswith(".tml") and not f.startswith(".")
        )
    return [folder / rel for rel in sorted(found)]


def read_gold_dir(folder: Path) -> dict[str, GoldDocument]:
    """Every TimeML file under ``folder``, by document name (sorted)."""
    if not folder.exists():
        raise InputError(f"Gold folder {str(folder)!r} does not exist.")
    if not folder.is_dir():
        raise InputError(f"Gold folder {str(folder)!r} is not a folder.")
    docs: dict[str, GoldDocument] = {}
    for path in tml_files(folder):
        name = path.name.removesuffix(".tml")
        if name in docs:
            raise InputError(
                f"{str(path)!r}: document name {name!r} is also used by {str(docs[name].path)!r}.",
                hint="Document names (file names without .tml) must be unique.",
            )
        docs[name] = read_tml(path, name=name)
    if not docs:
        raise InputError(f"No .tml files in {str(folder)!r} or its sub-folders.")
    return dict(sorted(docs.items()))


# --- predictions ----------------------------------------------------------------------


def _offset(item: Mapping[str, Any], key: str, *, where: str) -> int:
    value = item.get(key)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError(f'{where}: timex field "{key}" must be an integer, got {value!r}.')
    return value


def _label(item: Mapping[str, Any], key: str, *, where: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f'{where}: timex field "{key}" must be a string, got {value!r}.')
    return value


def _doc_timexes(
    text: str, items: Iterable[Mapping[str, Any]], *, doc: str, warnings: list[str]
) -> list[Timex]:
    """Prediction dicts → trimmed timexes; spans outside the text are dropped with a warning."""
    out: list[Timex] = []
    for item in items:
        start, end = _offset(item, "start", where=doc), _offset(item, "end", where=doc)
        if not 0 <= start < end <= len(text):
            warnings.append(
                f"{doc}: span {start}-{end} is outside the text (length {len(text)}); ignored."
            )
            continue
        quoted = item.get("text")
        if quoted is not None and quoted != text[start:end]:
            warnings.append(
                f"{doc}: span {start}-{end} is {text[start:end]!r} in the text, "
                f"the prediction says {quoted!r}."
            )
        start, end = _trim(text, start, end)
        if start < end:
            out.append(
                Timex(start, end, _label(item, "type", where=doc), _label(item, "value", where=doc))
            )
    return out


def read_predictions(
    path: Path, gold: Mapping[str, GoldDocument], *, warnings: list[str]
) -> dict[str, list[Timex]]:
    """Read a JSON-lines prediction file; offsets are checked against the gold text."""
    preds: dict[str, list[Timex]] = {}
    try:
        with path.open(encoding="utf-8") as lines:
            for lineno, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{where}: not valid JSON ({exc.msg}).") from exc
                if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
                    raise InputError(f'{where}: expected an object with a "doc" string.')
                items = record.get("timexes", [])
                if not isinstance(items, list) or not all(isinstance(t, dict) for t in items):
                    raise InputError(f'{where}: "timexes" must be a list of objects.')
                doc = record["doc"].removesuffix(".tml")
                if doc not in gold:
                    warnings.append(f"{where}: document {doc!r} is not in the gold folder.")
                    continue
                found = _doc_timexes(gold[doc].text, items, doc=where, warnings=warnings)
                preds.setdefault(doc, []).extend(found)
    except FileNotFoundError as exc:
        raise InputError(f"Cannot read predictions {str(path)!r}: no such file.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"Cannot read predictions {str(path)!r}: not UTF-8 text.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"Cannot read predictions {str(path)!r}: it is a folder.") from exc
    return preds


def _tag_gold(
    gold: Mapping[str, GoldDocument], *, warnings: list[str]
) -> dict[str, list[dict[str, object]]]:
    """Run ``tag_times`` on every gold text, anchored on its DCT; JSON-shaped mentions."""
    from chronologist.temporal import tag_times
    from chronologist.temporal.tagger import parse_dct

    out: dict[str, list[dict[str, object]]] = {}
    for name, doc in gold.items():
        dct = doc.dct
        if dct is not None:
            try:
                parse_dct(dct)
            except InvalidDate:
                warnings.append(f"{doc.path}: DCT {dct!r} is not a day; tagged without it.")
                dct = None
        out[name] = [m.as_dict() for m in tag_times(doc.text, dct=dct)]
    return out


def _write_predictions(path: Path, records: Mapping[str, Sequence[Mapping[str, object]]]) -> None:
    try:
        with path.open("w", encoding="utf-8") as fh:
            for doc, timexes in records.items():
                fh.write(json.dumps({"doc": doc, "timexes": list(timexes)}, ensure_ascii=False))
                fh.write("\n")
    except OSError as exc:
        raise InputError(f"Cannot write predictions to {str(path)!r}: {exc.strerror}.") from exc


# --- matching and scoring -------------------------------------------------------------


def match_timexes(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs; both lists sorted by (start, end).

    Exact-extent pairs first (each system timex takes the first free gold timex with its
    extent), then overlapping pairs by decreasing overlap, ties by gold start, system
    start, then index.
    """
    by_extent: dict[tuple[int, int], list[int]] = {}
    for gi, g in enumerate(gold):
        by_extent.setdefault((g.start, g.end), []).append(gi)
    pairs: list[tuple[int, int]] = []
    gold_free = [True] * len(gold)
    system_free = [True] * len(system)
    for si, s in enumerate(system):
        waiting = by_extent.get((s.start, s.end))
        if waiting:
            gi = waiting.pop(0)
            gold_free[gi] = system_free[si] = False
            pairs.append((gi, si))
    candidates: list[tuple[int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        if not gold_free[gi]:
            continue
        for si, s in enumerate(system):
            if s.start >= g.end:
                break  # system is sorted by start: nothing further overlaps g
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if system_free[si] and overlap > 0:
                candidates.append((-overlap, g.start, s.start, gi, si))
    for _, _, _, gi, si in sorted(candidates):
        if gold_free[gi] and system_free[si]:
            gold_free[gi] = system_free[si] = False
            pairs.append((gi, si))
    return sorted(pairs)


def _count(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    strict = type_ok = value_ok = 0
    pairs = match_timexes(gold, system)
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        strict += (g.start, g.end) == (s.start, s.end)
        type_ok += g.type.strip() == s.type.strip()
        value_ok += g.value.strip() == s.value.strip()
    return Counts(len(gold), len(system), strict, len(pairs), type_ok, value_ok)


def score_documents(
    gold: Mapping[str, GoldDocument],
    predictions: Mapping[str, Sequence[Timex]],
    *,
    warnings: Sequence[str] = (),
) -> TimexScores:
    """Match and count every gold document (no predictions for a missing one)."""
    per_doc: dict[str, Counts] = {}
    total = Counts()
    for name in sorted(gold):
        system = sorted(predictions.get(name, ()), key=lambda t: (t.start, t.end))
        counts = _count(gold[name].timexes, system)
        per_doc[name] = counts
        total += counts
    return TimexScores(total, per_doc, tuple(warnings))


def evaluate_timex(
    gold_dir: Path, *, predictions: Path | None = None, save: Path | None = None
) -> TimexScores:
    """Score ``predictions`` (JSON lines), or our tagger, on the TimeML files in ``gold_dir``.

    ``save`` writes the predictions that were scored, one JSON line per gold document.
    """
    gold = read_gold_dir(gold_dir)
    warnings: list[str] = []
    if predictions is None:
        records = _tag_gold(gold, warnings=warnings)
        system = {
            name: _doc_timexes(gold[name].text, items, doc=name, warnings=warnings)
            for name, items in records.items()
        }
    else:
        system = read_predictions(predictions, gold, warnings=warnings)
        for name in gold:
            if name not in system:
                warnings.append(f"{predictions}: no line for document {name!r}; no predictions.")
        records = {
            name: [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                for t in system.get(name, [])
            ]
            for name in gold
        }
    if save is not None:
        _write_predictions(save, records)
    return score_documents(gold, system, warnings=warnings)


def format_scores(scores: TimexScores) -> str:
    """A small aligned table: counts, then strict/relaxed/type/value F1, P, R, accuracy."""
    c = scores.counts
    lines = [
        f"documents: {len(scores.per_doc)}   gold timexes: {c.gold}   system timexes: {c.system}"
        f"   relaxed matches: {c.relaxed}   strict matches: {c.strict}",
        f"{'':9}{'F1':>8}{'P':>8}{'R':>8}{'accuracy':>10}",
    ]
    rows = (
        ("strict", scores.strict),
        ("relaxed", scores.relaxed),
        ("type", scores.type),
        ("value", scores.value),
    )
    for label, fig in rows:
        acc = "-" if fig.accuracy is None else f"{100 * fig.accuracy:.2f}"
        lines.append(
            f"  {label:<7}{100 * fig.f1:8.2f}{100 * fig.precision:8.2f}"
            f"{100 * fig.recall:8.2f}{acc:>10}"
        )
    if scores.warnings:
        lines.append(f"{len(scores.warnings)} warning(s):")
        lines.extend(f"  {w}" for w in scores.warnings[:_MAX_WARNINGS_SHOWN])
        if len(scores.warnings) > _MAX_WARNINGS_SHOWN:
            lines.append(f"  ... and {len(scores.warnings) - _MAX_WARNINGS_SHOWN} more")
    return "\n".join(lines)
