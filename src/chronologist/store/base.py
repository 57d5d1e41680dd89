"""What every part of the ``Store`` shares: transactions and the row <-> model mapping."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from chronologist.errors import InputError
from chronologist.models import Event, Evidence, Participant
from chronologist.store import codec
from chronologist.store.engine import WRITE
from chronologist.store.records import EventRecord, NotFound, StorageError
from chronologist.store.schema import events, evidence, participants, timelines

NO_DATE = (1,)


def now() -> datetime:
    """The current time in UTC (the store's only clock)."""
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    """A datetime read back (SQLite gives naive UTC) as an aware UTC datetime."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def must(value: datetime | None) -> datetime:
    """``aware`` for NOT NULL columns."""
    out = aware(value)
    if out is None:  # pragma: no cover - NOT NULL columns
        raise StorageError("A required timestamp is missing: the database is damaged.")
    return out


def new_id(prefix: str = "", nbytes: int = 6) -> str:
    """A random id (``ev-3f9a0c1b2d4e``)."""
    return prefix + secrets.token_hex(nbytes)


def check_text(where: str, *values: object) -> None:
    """Refuse NUL characters and lone surrogates (PostgreSQL cannot store them; SQLite
    would, so both refuse)."""
    for value in values:
        if isinstance(value, str):
            if "\x00" in value:
                raise InputError(f"{where}: text contains a NUL character (\\x00); remove it.")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError(
                    f"{where}: text is not valid Unicode (a lone surrogate at {exc.start})."
                ) from exc
        if isinstance(value, (list, tuple)):
            check_text(where, *value)


def order_key(event: Event) -> tuple[Any, ...]:
    """Where an event goes in a timeline: by date (the time model's order), undated last."""
    return NO_DATE if event.when is None else (0, event.when.sort_key)


class Base:
    """Holds the engine and opens transactions; every public method uses exactly one."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{WRITE: True})

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._guard(), self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction: everything in it is kept, or nothing is."""
        with self._guard(), self._writer.begin() as conn:
            yield conn

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise StorageError(
                f"The database is unavailable: {exc.orig or exc}",
                hint="Check that the database server is running and reachable.",
            ) from exc

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()


# ---------------------------------------------------------------------------------- rows
def lock_timeline(conn: Connection, timeline_id: str) -> None:
    """Serialize writers of one timeline (positions are computed from what is there):
    PostgreSQL locks the timeline's row; SQLite's write transactions are exclusive
    already. Raises ``NotFound`` for a missing timeline."""
    query = sa.select(timelines.c.id).where(timelines.c.id == timeline_id)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    if conn.execute(query).first() is None:
        raise NotFound(f"No timeline {timeline_id!r}.")


def touch(conn: Connection, timeline_id: str) -> None:
    """Mark a timeline as changed now."""
    conn.execute(timelines.update().where(timelines.c.id == timeline_id).values(updated_at=now()))


def event_values(event: Event) -> dict[str, Any]:
    """The ``events`` columns that come from the ``Event`` itself."""
    when = event.when
    check_text(
        f"event {event.id!r}",
        event.id,
        event.title,
        event.date_text,
        event.description,
        event.link,
        event.media,
        event.claims,
        [(e.source, e.quote) for e in event.evidence],
        [(p.name, p.kind, p.aliases) for p in event.participants],
    )
    return {
        "event_id": event.id,
        "title": event.title,
        "kind": event.kind,
        "when_edtf": (when.edtf or None) if when else None,
        "when_json": codec.dumps(codec.when_to_json(when)) if when else None,
        "earliest": codec.day_key(when.earliest) if when else None,
        "latest": codec.day_key(when.latest) if when else None,
        "basis": event.basis,
        "date_text": event.date_text,
        "description": event.description,
        "link": event.link,
        "media": event.media,
        "claims": codec.dumps(list(event.claims)),
        "search_text": codec.search_text(event),
    }


def _children(conn: Connection, pairs: Sequence[tuple[int, Event]]) -> None:
    ev_rows = [
        {
            "event_pk": pk,
            "position": n,
            "source_id": e.source,
            "start_offset": e.start,
            "end_offset": e.end,
            "quote": e.quote,
        }
        for pk, event in pairs
        for n, e in enumerate(event.evidence)
    ]
    if ev_rows:
        conn.execute(evidence.insert(), ev_rows)
    p_rows = [
        {
            "event_pk": pk,
            "position": n,
            "name": p.name,
            "kind": p.kind,
            "aliases": codec.dumps(list(p.aliases)),
        }
        for pk, event in pairs
        for n, p in enumerate(event.participants)
    ]
    if p_rows:
        conn.execute(participants.insert(), p_rows)


def insert_events(
    conn: Connection,
    timeline_id: str,
    items: Sequence[Event],
    *,
    status: str,
    origin: str,
    first_position: int,
) -> list[int]:
    """Insert events with their evidence and participants; their primary keys, in order."""
    if not items:
        return []
    stamp = now()
    rows = [
        {
            **event_values(event),
            "timeline_id": timeline_id,
            "position": first_position + n,
            "status": status,
            "origin": origin,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for n, event in enumerate(items)
    ]
    result = conn.execute(
        events.insert().returning(events.c.pk, sort_by_parameter_order=True), rows
    )
    pks = [row.pk for row in result]
    _children(conn, list(zip(pks, items, strict=True)))
    return pks


def replace_event(conn: Connection, pk: int, event: Event, **extra: Any) -> None:
    """Overwrite one event's row and children."""
    conn.execute(
        events.update()
        .where(events.c.pk == pk)
        .values(**event_values(event), updated_at=now(), **extra)
    )
    conn.execute(evidence.delete().where(evidence.c.event_pk == pk))
    conn.execute(participants.delete().where(participants.c.event_pk == pk))
    _children(conn, [(pk, event)])


def load_events(
    conn: Connection, where: sa.ColumnElement[bool], *, order: bool = True
) -> list[tuple[int, EventRecord]]:
    """Events matching ``where``, with evidence and participants, by position."""
    query = sa.select(events).where(where)
    if order:
        query = query.order_by(events.c.position, events.c.pk)
    rows = conn.execute(query).all()
    if not rows:
        return []
    pks = [row.pk for row in rows]
    cites: dict[int, list[Any]] = {pk: [] for pk in pks}
    people: dict[int, list[Participant]] = {pk: [] for pk in pks}
    for chunk in _chunks(pks, 500):
        for ev in conn.execute(
            sa.select(evidence)
            .where(evidence.c.event_pk.in_(chunk))
            .order_by(evidence.c.event_pk, evidence.c.position)
        ):
            cites[ev.event_pk].append(
                Evidence(ev.source_id, ev.start_offset, ev.end_offset, ev.quote)
            )
        for p in conn.execute(
            sa.select(participants)
            .where(participants.c.event_pk.in_(chunk))
            .order_by(participants.c.event_pk, participants.c.position)
        ):
            people[p.event_pk].append(Participant(p.name, p.kind, tuple(json.loads(p.aliases))))
    out = []
    for row in rows:
        when = codec.when_from_json(json.loads(row.when_json)) if row.when_json else None
        event = Event(
            id=row.event_id,
            title=row.title,
            kind=row.kind,
            when=when,
            basis=row.basis,
            evidence=tuple(cites[row.pk]),
            participants=tuple(people[row.pk]),
            date_text=row.date_text,
            description=row.description,
            link=row.link,
            media=row.media,
            claims=tuple(json.loads(row.claims)),
        )
        record = EventRecord(
            event=event,
            timeline_id=row.timeline_id,
            status=row.status,
            origin=row.origin,
            position=row.position,
            updated_at=must(row.updated_at),
        )
        out.append((row.pk, record))
    return out


def get_event_row(conn: Connection, timeline_id: str, event_id: str) -> tuple[int, EventRecord]:
    """One event by id (raises ``NotFound``)."""
    found = load_events(
        conn,
        sa.and_(events.c.timeline_id == timeline_id, events.c.event_id == event_id),
        order=False,
    )
    if not found:
        raise NotFound(f"No event {event_id!r} in timeline {timeline_id!r}.")
    return found[0]


def reorder(conn: Connection, timeline_id: str, moved: Iterable[int]) -> None:
    """Put the events with primary keys ``moved`` where their dates place them, leaving
    the others in their order, and renumber positions 0..n-1."""
    moved_set = set(moved)
    rows = conn.execute(
        sa.select(events.c.pk, events.c.position, events.c.when_json)
        .where(events.c.timeline_id == timeline_id)
        .order_by(events.c.position, events.c.pk)
    ).all()

    def key(row: Any) -> tuple[Any, ...]:
        if not row.when_json:
            return NO_DATE
        when = codec.when_from_json(json.loads(row.when_json))
        return NO_DATE if when is None else (0, when.sort_key)

    order = [row for row in rows if row.pk not in moved_set]
    keys = [key(row) for row in order]
    for row in sorted((r for r in rows if r.pk in moved_set), key=key):
        k = key(row)
        at = next((n for n, other in enumerate(keys) if other > k), len(order))
        order.insert(at, row)
        keys.insert(at, k)
    for n, row in enumerate(order):
        if row.position != n:
            conn.execute(events.update().where(events.c.pk == row.pk).values(position=n))


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
