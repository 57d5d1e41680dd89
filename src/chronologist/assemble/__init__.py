"""Stage 4: one timeline from the events of many sources (``assemble``).

* **Names** are unified across sources: a name that is the last word of a longer name
  of the same kind ("Stalin", "Joseph Stalin") takes the longer one.
* **Duplicates**: two events from different sources are the same happening when they
  share a participant and enough of their content words (their titles and participants)
  and their dates can be the same. They become one event citing both sources.
* **Conflicts** are kept, never resolved: the same happening with incompatible dates,
  or opposite claims about two participants ("allied" in one source, "against each
  other" in another), each side with its citations.
* **Order**: by the time model's total order; undated events last, in source order.

Assembly is a pure function of the *set* of input events: the result does not depend on
their order, and assembling an assembled timeline's events changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import combinations

from chronologist.models import Conflict, Event, Evidence, Participant
from chronologist.timemodel import TimeValue, day_number

STRATEGY = "overlap.v1"
STOP = frozenset(
    "the a an of in on at to for by with and or from into over his her their its was were "
    "is are be been had has have did do also then that this which who".split()
)
BASIS_RANK = {"explicit": 0, "relative": 1, "contextual": 2, "order": 3, "none": 4}
MERGE_AT = 0.5
"""Similarity at which two events from different sources are one happening..."""
CLASH_AT = 0.75
"""...and at which they still are when their dates disagree (a date conflict)."""


def assemble(events: Iterable[Event]) -> tuple[list[Event], list[Conflict]]:
    """Merge duplicates across sources, order the events, and find conflicts."""
    pool = sorted(_unify_names(list(events)), key=lambda e: e.id)
    merged, date_conflicts = _merge(pool)
    ordered = sorted(merged, key=_order_key)
    conflicts = sorted([*date_conflicts, *_claim_conflicts(ordered)], key=lambda c: c.id)
    return ordered, conflicts


# ------------------------------------------------------------------------------ names
def _unify_names(events: list[Event]) -> list[Event]:
    names: dict[str, str] = {}
    for e in events:
        for p in e.participants:
            names.setdefault(p.name, p.kind)
    longer: dict[str, str] = {}
    for name, kind in names.items():
        if " " in name:
            continue
        owners = sorted(
            n for n, k in names.items() if k == kind and " " in n and n.split()[-1] == name
        )
        if len(owners) == 1:
            longer[name] = owners[0]
    if not longer:
        return events
    out = []
    for e in events:
        parts: dict[str, Participant] = {}
        for p in e.participants:
            canon = longer.get(p.name, p.name)
            old = parts.get(canon)
            aliases = set(p.aliases) | ({p.name} if canon != p.name else set())
            if old is not None:
                aliases |= set(old.aliases)
            parts[canon] = Participant(canon, p.kind, tuple(sorted(aliases - {canon})))
        claims = tuple(_rename_claim(c, longer) for c in e.claims)
        out.append(
            replace(
                e, participants=tuple(sorted(parts.values(), key=lambda p: p.name)), claims=claims
            )
        )
    return out


def _rename_claim(claim: str, longer: dict[str, str]) -> str:
    relation, _, pair = claim.partition(":")
    names = sorted(longer.get(n, n) for n in pair.split("|"))
    return f"{relation}:{'|'.join(names)}"


# ------------------------------------------------------------------------------ merging
def _words(event: Event) -> set[str]:
    words = {w for w in re.findall(r"[a-z]+", event.title.lower()) if w not in STOP}
    stems = {re.sub(r"(ing|ed|es|s)$", "", w) for w in words if len(w) > 2}
    return stems | {p.name.lower() for p in event.participants}


def _sources(event: Event) -> set[str]:
    return {ev.source for ev in event.evidence}


def _similarity(a: Event, b: Event) -> float:
    pa = {p.name for p in a.participants}
    pb = {p.name for p in b.participants}
    if not pa & pb:
        return 0.0
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _bounds(when: TimeValue | None) -> tuple[int, int] | None:
    if when is None:
        return None
    lo, hi = when.earliest, when.latest
    return (
        day_number(*lo) if lo else -(10**15),
        day_number(*hi) if hi else 10**15,
    )


def compatible(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Can two dates describe the same happening (do their intervals meet)?"""
    ba, bb = _bounds(a), _bounds(b)
    if ba is None or bb is None:
        return True
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def _merge(pool: list[Event]) -> tuple[list[Event], list[Conflict]]:
    pairs = []
    for a, b in combinations(pool, 2):
        if _sources(a) & _sources(b):
            continue
        score = _similarity(a, b)
        if score >= MERGE_AT and (compatible(a.when, b.when) or score >= CLASH_AT):
            pairs.append((-score, a.id, b.id))
    pairs.sort()
    group = {e.id: {e.id} for e in pool}
    for _, x, y in pairs:
        gx, gy = group[x], group[y]
        if gx is gy:
            continue
        members = [e for e in pool if e.id in gx | gy]
        if any(_sources(p) & _sources(q) for p, q in combinations(members, 2)):
            continue
        union = gx | gy
        for eid in union:
            group[eid] = union
    seen: set[int] = set()
    merged: list[Event] = []
    conflicts: list[Conflict] = []
    by_id = {e.id: e for e in pool}
    for e in pool:
        g = group[e.id]
        if id(g) in seen:
            continue
        seen.add(id(g))
        members = [by_id[i] for i in sorted(g)]
        event, conflict = _combine(members)
        merged.append(event)
        if conflict is not None:
            conflicts.append(conflict)
    return merged, conflicts


def _combine(members: list[Event]) -> tuple[Event, Conflict | None]:
    if len(members) == 1:
        return members[0], None
    best = min(members, key=lambda e: (BASIS_RANK.get(e.basis, 5), _specificity(e), e.id))
    evidence = tuple(sorted({ev for e in members for ev in e.evidence}, key=_evidence_key))
    parts: dict[str, Participant] = {}
    for e in members:
        for p in e.participants:
            parts.setdefault(p.name, p)
    eid = "ev-" + hashlib.sha256("+".join(sorted(e.id for e in members)).encode()).hexdigest()[:12]
    event = replace(
        best,
        id=eid,
        evidence=evidence,
        participants=tuple(sorted(parts.values(), key=lambda p: p.name)),
        claims=tuple(sorted({c for e in members for c in e.claims})),
    )
    dated = [e for e in members if e.when is not None and e.basis != "order"]
    clash = any(not compatible(a.when, b.when) for a, b in combinations(dated, 2))
    if not clash:
        return event, None
    sides = tuple(
        (e.when.edtf if e.when else "undated", e.evidence)
        for e in sorted(dated, key=lambda e: e.id)
    )
    conflict = Conflict(
        id="cf-" + eid[3:],
        topic=f"When: {event.title}",
        kind="date",
        events=(eid,),
        sides=sides,
    )
    return event, conflict


def _specificity(event: Event) -> int:
    b = _bounds(event.when)
    return b[1] - b[0] if b else 10**16


def _evidence_key(ev: Evidence) -> tuple[str, int, int]:
    return (ev.source, ev.start, ev.end)


def _order_key(event: Event) -> tuple[int, tuple[int, float, float, int, str], str, int, str]:
    first = min(event.evidence, key=_evidence_key) if event.evidence else None
    if event.when is None:
        return (
            1,
            (0, 0.0, 0.0, 0, ""),
            first.source if first else "",
            first.start if first else 0,
            event.id,
        )
    return (
        0,
        event.when.sort_key,
        first.source if first else "",
        first.start if first else 0,
        event.id,
    )


# ------------------------------------------------------------------------------ claims
def _claim_conflicts(events: list[Event]) -> list[Conflict]:
    """Opposite claims about the same two people from different sources."""
    by_pair: dict[str, dict[str, list[Event]]] = {}
    for e in events:
        for claim in e.claims:
            relation, _, pair = claim.partition(":")
            by_pair.setdefault(pair, {}).setdefault(relation, []).append(e)
    out = []
    for pair, sides in sorted(by_pair.items()):
        allies, opponents = sides.get("ally", []), sides.get("oppose", [])
        if not allies or not opponents:
            continue
        src_a = {s for e in allies for s in _sources(e)}
        src_o = {s for e in opponents for s in _sources(e)}
        if src_a == src_o and len(src_a) == 1:
            continue
        a, b = pair.split("|")
        ids = tuple(sorted({e.id for e in allies + opponents}))
        cid = "cf-" + hashlib.sha256(f"claim:{pair}".encode()).hexdigest()[:12]
        out.append(
            Conflict(
                id=cid,
                topic=f"Were {a} and {b} allies or opponents?",
                kind="claim",
                events=ids,
                sides=(
                    (f"{a} and {b} were allies", _cited(allies)),
                    (f"{a} and {b} were opponents", _cited(opponents)),
                ),
            )
        )
    return out


def _cited(events: list[Event]) -> tuple[Evidence, ...]:
    return tuple(sorted({ev for e in events for ev in e.evidence}, key=_evidence_key))


__all__ = ["STRATEGY", "assemble", "compatible"]
