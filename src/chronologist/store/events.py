"""Events of a timeline: review, edits, merge and split, each recorded in the history.

Every edit is one *change* (a ``change_id``) touching one or more events; for each, the
history keeps the event before and after (``None`` when it did not exist or no longer
does), who made it and when. ``undo_change`` puts the events back as they were before a
change, itself as a new change, so an undo can be undone too. It refuses (``EditConflict``)
when a later edit has changed one of those events since.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from chronologist.errors import InputError
from chronologist.models import Event, Evidence, Participant
from chronologist.store import codec
from chronologist.store.base import (
    Base,
    get_event_row,
    insert_events,
    load_events,
    lock_timeline,
    must,
    new_id,
    now,
    reorder,
    replace_event,
    touch,
)
from chronologist.store.records import (
    EVENT_STATUSES,
    Change,
    EditConflict,
    EventRecord,
    HistoryEntry,
    NotFound,
    SplitPart,
)
from chronologist.store.schema import event_history, events, users
from chronologist.store.timelines import next_position, require_timeline

MAX_MERGE = 50


def new_event_id() -> str:
    """An id for an event made by hand or by a split."""
    return new_id("ev-")


def snapshot(record: EventRecord | None) -> dict[str, Any] | None:
    """What the history keeps of an event's state."""
    if record is None:
        return None
    return {
        "event": codec.event_to_json(record.event),
        "status": record.status,
        "origin": record.origin,
    }


def _check_status(status: str) -> None:
    if status not in EVENT_STATUSES:
        raise InputError(
            f"Unknown event status {status!r}.", hint=f"Choose one of: {', '.join(EVENT_STATUSES)}."
        )


class _Recorder:
    """Collects one change's history rows."""

    def __init__(self, conn: Connection, timeline_id: str, user_id: int | None, action: str):
        lock_timeline(conn, timeline_id)
        self.conn = conn
        self.timeline_id = timeline_id
        self.user_id = user_id
        self.action = action
        self.change_id = new_id("ch-", 8)
        self.stamp = now()
        self.moved: list[int] = []

    def record(self, event_id: str, before: EventRecord | None, after: EventRecord | None) -> None:
        self.conn.execute(
            event_history.insert().values(
                change_id=self.change_id,
                timeline_id=self.timeline_id,
                event_id=event_id,
                user_id=self.user_id,
                at=self.stamp,
                action=self.action,
                before=None if before is None else codec.dumps(snapshot(before)),
                after=None if after is None else codec.dumps(snapshot(after)),
            )
        )

    def finish(self) -> None:
        if self.moved:
            reorder(self.conn, self.timeline_id, self.moved)
        touch(self.conn, self.timeline_id)


def _add(rec: _Recorder, event: Event, status: str, origin: str) -> EventRecord:
    taken = rec.conn.execute(
        sa.select(events.c.pk).where(
            events.c.timeline_id == rec.timeline_id, events.c.event_id == event.id
        )
    ).first()
    if taken is not None:
        raise InputError(f"Timeline {rec.timeline_id!r} already has an event {event.id!r}.")
    position = next_position(rec.conn, events, rec.timeline_id)
    (pk,) = insert_events(
        rec.conn, rec.timeline_id, [event], status=status, origin=origin, first_position=position
    )
    rec.moved.append(pk)
    _pk, after = get_event_row(rec.conn, rec.timeline_id, event.id)
    rec.record(event.id, None, after)
    return after


def _update(rec: _Recorder, event_id: str, event: Event, status: str) -> EventRecord:
    pk, before = get_event_row(rec.conn, rec.timeline_id, event_id)
    if event.id != event_id:
        raise InputError("An event's id cannot be changed.")
    replace_event(rec.conn, pk, event, status=status)
    if event.when != before.event.when:
        rec.moved.append(pk)
    _pk, after = get_event_row(rec.conn, rec.timeline_id, event_id)
    if snapshot(after) != snapshot(before):  # nothing changed: nothing to remember
        rec.record(event_id, before, after)
    return after


def _delete(rec: _Recorder, event_id: str) -> None:
    pk, before = get_event_row(rec.conn, rec.timeline_id, event_id)
    rec.conn.execute(events.delete().where(events.c.pk == pk))
    rec.record(event_id, before, None)


def _unique(items: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def merged_event(records: Sequence[EventRecord], *, title: str | None = None) -> Event:
    """Several events as one: the first's id, kind and date, everyone's citations."""
    first = records[0].event
    people: dict[str, Participant] = {}
    for record in records:
        for p in record.event.participants:
            people.setdefault(p.name, p)
    descriptions = _unique([r.event.description for r in records if r.event.description])
    return replace(
        first,
        title=title or first.title,
        evidence=_unique([ev for r in records for ev in r.event.evidence]),
        participants=tuple(people.values()),
        description="\n\n".join(descriptions),
        link=next((r.event.link for r in records if r.event.link), None),
        media=next((r.event.media for r in records if r.event.media), None),
        claims=_unique([c for r in records for c in r.event.claims]),
    )


def split_events(event: Event, parts: Sequence[SplitPart]) -> list[Event]:
    """An event as several: the first part keeps the id, the others get new ones."""
    if len(parts) < 2:
        raise InputError("Splitting an event needs at least two parts.")
    out = []
    for n, part in enumerate(parts):
        if not part.title.strip():
            raise InputError(f"Part {n + 1} of the split needs a title.")
        kept: tuple[Evidence, ...] = event.evidence
        if part.evidence is not None:
            bad = [i for i in part.evidence if not 0 <= i < len(event.evidence)]
            if bad:
                raise InputError(
                    f"Part {n + 1}: no evidence number {bad[0]} "
                    f"(the event has {len(event.evidence)})."
                )
            kept = tuple(event.evidence[i] for i in part.evidence)
        out.append(
            replace(
                event,
                id=event.id if n == 0 else new_event_id(),
                title=" ".join(part.title.split()),
                when=part.when if part.when is not None else event.when,
                date_text=event.date_text if part.when is None else None,
                evidence=kept,
            )
        )
    return out


class Events(Base):
    """Events: list, add, edit, review, merge, split; history and undo."""

    def list_events(self, timeline_id: str, *, status: str | None = None) -> list[EventRecord]:
        """A timeline's events in order (only those with ``status`` if given)."""
        where = events.c.timeline_id == timeline_id
        if status is not None:
            _check_status(status)
            where = sa.and_(where, events.c.status == status)
        with self._read() as conn:
            require_timeline(conn, timeline_id)
            return [record for _pk, record in load_events(conn, where)]

    def get_event(self, timeline_id: str, event_id: str) -> EventRecord:
        """One event (raises ``NotFound``)."""
        with self._read() as conn:
            return get_event_row(conn, timeline_id, event_id)[1]

    def add_event(
        self,
        timeline_id: str,
        event: Event,
        *,
        user_id: int | None,
        status: str = "accepted",
        origin: str = "manual",
    ) -> EventRecord:
        """Add one event (placed by its date)."""
        _check_status(status)
        with self._write() as conn:
            rec = _Recorder(conn, timeline_id, user_id, "add")
            record = _add(rec, event, status, origin)
            rec.finish()
        return self.get_event(timeline_id, record.event.id)

    def update_event(
        self,
        timeline_id: str,
        event_id: str,
        event: Event | None = None,
        *,
        user_id: int | None,
        status: str | None = None,
        action: str = "edit",
    ) -> EventRecord:
        """Replace an event's fields with ``event``'s and/or set its review status."""
        if status is not None:
            _check_status(status)
        with self._write() as conn:
            rec = _Recorder(conn, timeline_id, user_id, action)
            _pk, current = get_event_row(conn, timeline_id, event_id)
            _update(rec, event_id, event or current.event, status or current.status)
            rec.finish()
        return self.get_event(timeline_id, event_id)

    def delete_event(self, timeline_id: str, event_id: str, *, user_id: int | None) -> str:
        """Delete an event; returns the change id (undo brings it back)."""
        with self._write() as conn:
            rec = _Recorder(conn, timeline_id, user_id, "delete")
            _delete(rec, event_id)
            rec.finish()
        return rec.change_id

    def merge_events(
        self,
        timeline_id: str,
        event_ids: Sequence[str],
        *,
        user_id: int | None,
        title: str | None = None,
    ) -> EventRecord:
        """Merge events into the first one (see ``merged_event``); the others go."""
        ids = _unique(list(event_ids))
        if not 2 <= len(ids) <= MAX_MERGE:
            raise InputError(f"Merging needs 2 to {MAX_MERGE} different events.")
        with self._write() as conn:
            rec = _Recorder(conn, timeline_id, user_id, "merge")
            records = [get_event_row(conn, timeline_id, i)[1] for i in ids]
            target = merged_event(records, title=" ".join((title or "").split()) or None)
            for other in ids[1:]:
                _delete(rec, other)
            _update(rec, ids[0], target, records[0].status)
            rec.finish()
        return self.get_event(timeline_id, ids[0])

    def split_event(
        self,
        timeline_id: str,
        event_id: str,
        parts: Sequence[SplitPart],
        *,
        user_id: int | None,
    ) -> list[EventRecord]:
        """Split an event into parts (see ``split_events``)."""
        with self._write() as conn:
            rec = _Recorder(conn, timeline_id, user_id, "split")
            _pk, current = get_event_row(conn, timeline_id, event_id)
            pieces = split_events(current.event, parts)
            out = [_update(rec, event_id, pieces[0], current.status)]
            out.extend(_add(rec, piece, current.status, current.origin) for piece in pieces[1:])
            rec.finish()
        return [self.get_event(timeline_id, r.event.id) for r in out]

    # ---------------------------------------------------------------------- history
    def list_history(self, timeline_id: str, event_id: str | None = None) -> list[HistoryEntry]:
        """The history of one event (or of the whole timeline), newest first."""
        query = (
            sa.select(event_history, users.c.username)
            .outerjoin(users, users.c.id == event_history.c.user_id)
            .where(event_history.c.timeline_id == timeline_id)
            .order_by(event_history.c.id.desc())
        )
        if event_id is not None:
            query = query.where(event_history.c.event_id == event_id)
        with self._read() as conn:
            require_timeline(conn, timeline_id)
            rows = conn.execute(query).all()
        return [
            HistoryEntry(
                id=row.id,
                change_id=row.change_id,
                timeline_id=row.timeline_id,
                event_id=row.event_id,
                user_id=row.user_id,
                username=row.username,
                at=must(row.at),
                action=row.action,
                before=json.loads(row.before) if row.before else None,
                after=json.loads(row.after) if row.after else None,
            )
            for row in rows
        ]

    def undo_change(self, timeline_id: str, change_id: str, *, user_id: int | None) -> Change:
        """Put the events of a change back as they were before it (a new change)."""
        with self._write() as conn:
            rec = _Recorder(conn, timeline_id, user_id, "undo")
            rows = conn.execute(
                sa.select(event_history)
                .where(
                    event_history.c.timeline_id == timeline_id,
                    event_history.c.change_id == change_id,
                )
                .order_by(event_history.c.id)
            ).all()
            if not rows:
                raise NotFound(f"No change {change_id!r} in timeline {timeline_id!r}.")
            # the state each event had after the change must still be its state now
            for row in rows:
                after = json.loads(row.after) if row.after else None
                try:
                    current = snapshot(get_event_row(conn, timeline_id, row.event_id)[1])
                except NotFound:
                    current = None
                if current != after:
                    raise EditConflict(
                        f"Cannot undo change {change_id!r}: event {row.event_id!r} was "
                        "changed again since.",
                        hint="Undo the later changes first.",
                    )
            touched: list[str] = []
            for row in reversed(rows):
                before = json.loads(row.before) if row.before else None
                if row.after is not None:
                    _delete(rec, row.event_id)
                if before is not None:
                    event = codec.event_from_json(before["event"])
                    _add(rec, event, before["status"], before["origin"])
                touched.append(row.event_id)
            # one history row per event for this undo: drop the delete/add pairs' halves
            _squash(conn, rec.change_id)
            rec.finish()
            present = set(
                conn.execute(
                    sa.select(events.c.event_id).where(
                        events.c.timeline_id == timeline_id, events.c.event_id.in_(touched)
                    )
                ).scalars()
            )
        return Change(
            change_id=rec.change_id,
            events=tuple(self.get_event(timeline_id, e) for e in _unique(touched) if e in present),
        )


def _squash(conn: Connection, change_id: str) -> None:
    """Within one change, merge an event's rows into one (first before, last after)."""
    rows = conn.execute(
        sa.select(event_history)
        .where(event_history.c.change_id == change_id)
        .order_by(event_history.c.id)
    ).all()
    by_event: dict[str, list[Any]] = {}
    for row in rows:
        by_event.setdefault(row.event_id, []).append(row)
    for group in by_event.values():
        if len(group) < 2:
            continue
        first, last = group[0], group[-1]
        conn.execute(
            event_history.update().where(event_history.c.id == first.id).values(after=last.after)
        )
        conn.execute(
            event_history.delete().where(event_history.c.id.in_([r.id for r in group[1:]]))
        )
