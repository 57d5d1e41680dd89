"""Timelines: their rows, roles, sources and conflicts, and whole-timeline save and load."""

from __future__ import annotations

import json
import secrets
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from chronologist.errors import InputError
from chronologist.models import Conflict, Source, Timeline
from chronologist.store import codec
from chronologist.store.base import (
    Base,
    aware,
    check_text,
    insert_events,
    load_events,
    lock_timeline,
    must,
    now,
    touch,
)
from chronologist.store.records import (
    CONFLICT_STATUSES,
    EVENT_STATUSES,
    ROLES,
    ConflictRecord,
    NotFound,
    Role,
    SourceInfo,
    TimelineInfo,
    User,
)
from chronologist.store.schema import (
    conflicts,
    events,
    sources,
    timeline_roles,
    timelines,
    users,
)

MAX_TITLE = 500
ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"


def _title(title: str) -> str:
    title = " ".join(title.split())
    check_text("the title", title)
    if not title:
        raise InputError("A timeline needs a title.")
    return title[:MAX_TITLE]


def _info(row: Any) -> TimelineInfo:
    return TimelineInfo(
        id=row.id,
        title=row.title,
        owner_id=row.owner_id,
        public=bool(row.public),
        created_at=must(row.created_at),
        updated_at=must(row.updated_at),
        event_count=int(row.event_count or 0),
        source_count=int(row.source_count or 0),
    )


def _info_query() -> sa.Select[Any]:
    n_events = (
        sa.select(sa.func.count())
        .where(events.c.timeline_id == timelines.c.id)
        .scalar_subquery()
        .label("event_count")
    )
    n_sources = (
        sa.select(sa.func.count())
        .where(sources.c.timeline_id == timelines.c.id)
        .scalar_subquery()
        .label("source_count")
    )
    return sa.select(timelines, n_events, n_sources)


def _source_values(source: Source) -> dict[str, Any]:
    check_text(
        f"source {source.id!r}",
        source.id,
        source.title,
        source.text,
        source.path,
        source.url,
        source.author,
        [(i.title, i.link, i.media, i.group) for i in source.items],
    )
    return {
        "source_id": source.id,
        "title": source.title,
        "kind": source.kind,
        "sha256": source.sha256,
        "text": source.text,
        "path": source.path,
        "url": source.url,
        "author": source.author,
        "items": codec.dumps(codec.items_to_json(source.items)),
    }


def _source_info(row: Any) -> SourceInfo:
    source = Source(
        id=row.source_id,
        title=row.title,
        kind=row.kind,
        sha256=row.sha256,
        text=row.text,
        path=row.path,
        url=row.url,
        author=row.author,
        items=codec.items_from_json(json.loads(row.items)),
    )
    return SourceInfo(
        source=source,
        timeline_id=row.timeline_id,
        added_at=must(row.added_at),
        extracted_at=aware(row.extracted_at),
    )


def _conflict(row: Any) -> ConflictRecord:
    return ConflictRecord(
        id=row.conflict_id,
        timeline_id=row.timeline_id,
        topic=row.topic,
        kind=row.kind,
        events=tuple(json.loads(row.events)),
        sides=codec.sides_from_json(json.loads(row.sides)),
        status=row.status,
        note=row.note,
    )


def require_timeline(conn: Connection, timeline_id: str) -> None:
    """Raise ``NotFound`` unless the timeline exists."""
    found = conn.execute(sa.select(timelines.c.id).where(timelines.c.id == timeline_id)).first()
    if found is None:
        raise NotFound(f"No timeline {timeline_id!r}.")


def insert_conflicts(
    conn: Connection, timeline_id: str, items: list[Conflict], *, first_position: int
) -> None:
    """Insert conflicts (status "open")."""
    for c in items:
        check_text(
            f"conflict {c.id!r}",
            c.id,
            c.topic,
            c.events,
            [(claim, [e.quote for e in evs]) for claim, evs in c.sides],
        )
    if items:
        conn.execute(
            conflicts.insert(),
            [
                {
                    "timeline_id": timeline_id,
                    "conflict_id": c.id,
                    "position": first_position + n,
                    "topic": c.topic,
                    "kind": c.kind,
                    "events": codec.dumps(list(c.events)),
                    "sides": codec.dumps(codec.sides_to_json(c.sides)),
                    "status": "open",
                    "note": "",
                }
                for n, c in enumerate(items)
            ],
        )


def next_position(conn: Connection, table: sa.Table, timeline_id: str) -> int:
    """One past the largest position in a timeline's rows of ``table``."""
    top = conn.execute(
        sa.select(sa.func.max(table.c.position)).where(table.c.timeline_id == timeline_id)
    ).scalar()
    return 0 if top is None else int(top) + 1


class Timelines(Base):
    """Timelines, roles, sources, conflicts."""

    # --------------------------------------------------------------------- timelines
    def add_timeline(
        self,
        title: str,
        *,
        owner_id: int,
        public: bool = False,
        provenance: tuple[tuple[str, str], ...] = (),
    ) -> TimelineInfo:
        """A new, empty timeline; its owner gets the "owner" role."""
        with self._write() as conn:
            timeline_id = self._insert_timeline(conn, _title(title), owner_id, public, provenance)
        return self.get_timeline_info(timeline_id)

    def _insert_timeline(
        self,
        conn: Connection,
        title: str,
        owner_id: int,
        public: bool,
        provenance: tuple[tuple[str, str], ...],
    ) -> str:
        check_text("the timeline", title, provenance)
        timeline_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(12))
        stamp = now()
        conn.execute(
            timelines.insert().values(
                id=timeline_id,
                title=title,
                owner_id=owner_id,
                public=public,
                provenance=codec.dumps([list(p) for p in provenance]),
                created_at=stamp,
                updated_at=stamp,
            )
        )
        conn.execute(
            timeline_roles.insert().values(timeline_id=timeline_id, user_id=owner_id, role="owner")
        )
        return timeline_id

    def get_timeline_info(self, timeline_id: str) -> TimelineInfo:
        """A timeline's row and counts (raises ``NotFound``)."""
        with self._read() as conn:
            row = conn.execute(_info_query().where(timelines.c.id == timeline_id)).first()
        if row is None:
            raise NotFound(f"No timeline {timeline_id!r}.")
        return _info(row)

    def list_timelines(
        self, *, user_id: int | None = None, include_public: bool = True, everything: bool = False
    ) -> list[TimelineInfo]:
        """Timelines a user has a role in, and public ones (or ``everything``); newest
        change first."""
        if everything:
            with self._read() as conn:
                query = _info_query().order_by(timelines.c.updated_at.desc())
                return [_info(row) for row in conn.execute(query)]
        member = sa.select(timeline_roles.c.timeline_id).where(timeline_roles.c.user_id == user_id)
        conditions: list[sa.ColumnElement[bool]] = []
        if user_id is not None:
            conditions.append(timelines.c.id.in_(member))
        if include_public:
            conditions.append(timelines.c.public.is_(True))
        if not conditions:
            return []
        query = _info_query().where(sa.or_(*conditions)).order_by(timelines.c.updated_at.desc())
        with self._read() as conn:
            return [_info(row) for row in conn.execute(query)]

    def update_timeline(
        self, timeline_id: str, *, title: str | None = None, public: bool | None = None
    ) -> TimelineInfo:
        """Rename a timeline or make it public or private."""
        values: dict[str, Any] = {"updated_at": now()}
        if title is not None:
            values["title"] = _title(title)
        if public is not None:
            values["public"] = public
        with self._write() as conn:
            require_timeline(conn, timeline_id)
            conn.execute(timelines.update().where(timelines.c.id == timeline_id).values(values))
        return self.get_timeline_info(timeline_id)

    def delete_timeline(self, timeline_id: str) -> None:
        """Delete a timeline and everything in it."""
        with self._write() as conn:
            require_timeline(conn, timeline_id)
            conn.execute(timelines.delete().where(timelines.c.id == timeline_id))

    # -------------------------------------------------------------- whole timelines
    def save_timeline(
        self,
        timeline: Timeline,
        *,
        owner_id: int,
        public: bool = False,
        status: str = "accepted",
        origin: str = "imported",
    ) -> str:
        """Store a whole timeline as a new one, in one transaction; returns its id.

        ``get_timeline`` on the id gives back an equal ``Timeline`` (ids included).
        """
        if status not in EVENT_STATUSES:
            raise InputError(f"Unknown event status {status!r}.")
        ids = [e.id for e in timeline.events]
        if len(set(ids)) != len(ids):
            raise InputError("Cannot save the timeline: two of its events share an id.")
        if len({s.id for s in timeline.sources}) != len(timeline.sources):
            raise InputError("Cannot save the timeline: two of its sources share an id.")
        if len({c.id for c in timeline.conflicts}) != len(timeline.conflicts):
            raise InputError("Cannot save the timeline: two of its conflicts share an id.")
        with self._write() as conn:
            # the title exactly as given, spacing and all (a round trip gives it back)
            timeline_id = self._insert_timeline(
                conn, timeline.title, owner_id, public, timeline.provenance
            )
            stamp = now()
            if timeline.sources:
                conn.execute(
                    sources.insert(),
                    [
                        {
                            **_source_values(s),
                            "timeline_id": timeline_id,
                            "position": n,
                            "added_at": stamp,
                            "extracted_at": stamp,
                        }
                        for n, s in enumerate(timeline.sources)
                    ],
                )
            insert_events(
                conn, timeline_id, timeline.events, status=status, origin=origin, first_position=0
            )
            insert_conflicts(conn, timeline_id, list(timeline.conflicts), first_position=0)
        return timeline_id

    def get_timeline(self, timeline_id: str, *, published: bool = False) -> Timeline:
        """A whole timeline. ``published`` leaves out rejected events and resolved
        conflicts (what the public page and exports show)."""
        with self._read() as conn:
            row = conn.execute(sa.select(timelines).where(timelines.c.id == timeline_id)).first()
            if row is None:
                raise NotFound(f"No timeline {timeline_id!r}.")
            source_rows = conn.execute(
                sa.select(sources)
                .where(sources.c.timeline_id == timeline_id)
                .order_by(sources.c.position, sources.c.pk)
            ).all()
            where = events.c.timeline_id == timeline_id
            if published:
                where = sa.and_(where, events.c.status != "rejected")
            loaded = load_events(conn, where)
            conflict_rows = conn.execute(
                sa.select(conflicts)
                .where(conflicts.c.timeline_id == timeline_id)
                .order_by(conflicts.c.position, conflicts.c.pk)
            ).all()
        shown = [record.event for _pk, record in loaded]
        found: list[Conflict] = []
        present = {e.id for e in shown}
        for c in map(_conflict, conflict_rows):
            refs = c.events
            if published:
                if c.status == "resolved":
                    continue
                refs = tuple(e for e in c.events if e in present)
                if not refs:
                    continue
            found.append(Conflict(c.id, c.topic, c.kind, refs, c.sides))  # type: ignore[arg-type]
        return Timeline(
            title=row.title,
            sources=tuple(_source_info(r).source for r in source_rows),
            events=tuple(shown),
            conflicts=tuple(found),
            provenance=tuple((str(a), str(b)) for a, b in json.loads(row.provenance)),
        )

    # ------------------------------------------------------------------------ roles
    def add_role(self, timeline_id: str, user_id: int, role: Role) -> None:
        """Give a user a role on a timeline (replacing the one they had)."""
        if role not in ROLES:
            raise InputError(f"Unknown role {role!r}.", hint=f"Choose one of: {', '.join(ROLES)}.")
        with self._write() as conn:
            require_timeline(conn, timeline_id)
            current = conn.execute(
                sa.select(timeline_roles.c.role).where(
                    timeline_roles.c.timeline_id == timeline_id,
                    timeline_roles.c.user_id == user_id,
                )
            ).scalar()
            if current == "owner" and role != "owner":
                self._keep_an_owner(conn, timeline_id)
            if current is None:
                conn.execute(
                    timeline_roles.insert().values(
                        timeline_id=timeline_id, user_id=user_id, role=role
                    )
                )
            else:
                conn.execute(
                    timeline_roles.update()
                    .where(
                        timeline_roles.c.timeline_id == timeline_id,
                        timeline_roles.c.user_id == user_id,
                    )
                    .values(role=role)
                )

    def _keep_an_owner(self, conn: Connection, timeline_id: str) -> None:
        owners = conn.execute(
            sa.select(sa.func.count()).where(
                timeline_roles.c.timeline_id == timeline_id, timeline_roles.c.role == "owner"
            )
        ).scalar()
        if (owners or 0) <= 1:
            raise InputError("A timeline needs an owner: make someone else owner first.")

    def get_role(self, timeline_id: str, user_id: int | None) -> Role | None:
        """The user's role on a timeline, or None."""
        if user_id is None:
            return None
        with self._read() as conn:
            role: Role | None = conn.execute(
                sa.select(timeline_roles.c.role).where(
                    timeline_roles.c.timeline_id == timeline_id,
                    timeline_roles.c.user_id == user_id,
                )
            ).scalar()
        return role

    def list_roles(self, timeline_id: str) -> list[tuple[User, Role]]:
        """Who has which role on a timeline."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(users, timeline_roles.c.role)
                .join(timeline_roles, timeline_roles.c.user_id == users.c.id)
                .where(timeline_roles.c.timeline_id == timeline_id)
                .order_by(users.c.username)
            ).all()
        return [(User(r.id, r.username, must(r.created_at)), r.role) for r in rows]

    def delete_role(self, timeline_id: str, user_id: int) -> None:
        """Take a user's role away (a timeline keeps at least one owner)."""
        with self._write() as conn:
            current = conn.execute(
                sa.select(timeline_roles.c.role).where(
                    timeline_roles.c.timeline_id == timeline_id,
                    timeline_roles.c.user_id == user_id,
                )
            ).scalar()
            if current is None:
                raise NotFound(f"That user has no role on timeline {timeline_id!r}.")
            if current == "owner":
                self._keep_an_owner(conn, timeline_id)
            conn.execute(
                timeline_roles.delete().where(
                    timeline_roles.c.timeline_id == timeline_id,
                    timeline_roles.c.user_id == user_id,
                )
            )

    # ---------------------------------------------------------------------- sources
    def add_source(self, timeline_id: str, source: Source) -> SourceInfo:
        """Add a source to a timeline (the same source twice is kept once)."""
        with self._write() as conn:
            lock_timeline(conn, timeline_id)
            exists = conn.execute(
                sa.select(sources.c.pk).where(
                    sources.c.timeline_id == timeline_id, sources.c.source_id == source.id
                )
            ).first()
            if exists is None:
                conn.execute(
                    sources.insert().values(
                        **_source_values(source),
                        timeline_id=timeline_id,
                        position=next_position(conn, sources, timeline_id),
                        added_at=now(),
                    )
                )
                touch(conn, timeline_id)
        return self.get_source(timeline_id, source.id)

    def get_source(self, timeline_id: str, source_id: str) -> SourceInfo:
        """One source of a timeline (raises ``NotFound``)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(sources).where(
                    sources.c.timeline_id == timeline_id, sources.c.source_id == source_id
                )
            ).first()
        if row is None:
            raise NotFound(f"No source {source_id!r} in timeline {timeline_id!r}.")
        return _source_info(row)

    def list_sources(self, timeline_id: str) -> list[SourceInfo]:
        """A timeline's sources, in the order they were added."""
        with self._read() as conn:
            require_timeline(conn, timeline_id)
            rows = conn.execute(
                sa.select(sources)
                .where(sources.c.timeline_id == timeline_id)
                .order_by(sources.c.position, sources.c.pk)
            ).all()
        return [_source_info(row) for row in rows]

    def delete_source(self, timeline_id: str, source_id: str) -> None:
        """Remove a source (events citing it keep their quotes)."""
        with self._write() as conn:
            gone = conn.execute(
                sources.delete().where(
                    sources.c.timeline_id == timeline_id, sources.c.source_id == source_id
                )
            ).rowcount
            if not gone:
                raise NotFound(f"No source {source_id!r} in timeline {timeline_id!r}.")
            touch(conn, timeline_id)

    # -------------------------------------------------------------------- conflicts
    def list_conflicts(self, timeline_id: str) -> list[ConflictRecord]:
        """A timeline's conflicts, with what reviewers decided."""
        with self._read() as conn:
            require_timeline(conn, timeline_id)
            rows = conn.execute(
                sa.select(conflicts)
                .where(conflicts.c.timeline_id == timeline_id)
                .order_by(conflicts.c.position, conflicts.c.pk)
            ).all()
        return [_conflict(row) for row in rows]

    def get_conflict(self, timeline_id: str, conflict_id: str) -> ConflictRecord:
        """One conflict (raises ``NotFound``)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(conflicts).where(
                    conflicts.c.timeline_id == timeline_id, conflicts.c.conflict_id == conflict_id
                )
            ).first()
        if row is None:
            raise NotFound(f"No conflict {conflict_id!r} in timeline {timeline_id!r}.")
        return _conflict(row)

    def update_conflict(
        self, timeline_id: str, conflict_id: str, *, status: str, note: str | None = None
    ) -> ConflictRecord:
        """Resolve a conflict, keep it as a disagreement, or reopen it."""
        if status not in CONFLICT_STATUSES:
            raise InputError(
                f"Unknown conflict status {status!r}.",
                hint=f"Choose one of: {', '.join(CONFLICT_STATUSES)}.",
            )
        values: dict[str, Any] = {"status": status}
        if note is not None:
            values["note"] = note
        with self._write() as conn:
            done = conn.execute(
                conflicts.update()
                .where(
                    conflicts.c.timeline_id == timeline_id, conflicts.c.conflict_id == conflict_id
                )
                .values(values)
            ).rowcount
            if not done:
                raise NotFound(f"No conflict {conflict_id!r} in timeline {timeline_id!r}.")
            touch(conn, timeline_id)
        return self.get_conflict(timeline_id, conflict_id)
