"""The tables, as SQLAlchemy Core metadata (the migrations create them; a test checks they
agree).

Dates of events are kept three ways: ``when_edtf`` for people and exports, ``when_json``
(every field of the ``TimeValue``, so a load gives back exactly what was saved) and the
sortable integer keys ``earliest``/``latest`` (``year*10000 + month*100 + day``, NULL
for an open or unknown end) for ordering and range queries.

Full-text search lives outside this metadata because it differs per database (see
``chronologist.store.search`` and the first migration): SQLite has FTS5 tables
``events_fts``/``sources_fts`` over ``events.search_text`` and ``sources.title, text``,
kept in sync by triggers; PostgreSQL has generated ``tsvector`` columns with GIN indexes.
"""

from __future__ import annotations

import sqlalchemy as sa

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)


def _when() -> sa.Column[object]:
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)


def _fk(
    column: str, target: str, *, nullable: bool = False, ondelete: str = "CASCADE"
) -> sa.Column[object]:
    return sa.Column(column, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(80), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    _when(),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    _fk("user_id", "users.id"),
    _when(),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _fk("user_id", "users.id"),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    _when(),
    sa.Column("last_used_at", sa.DateTime(timezone=True)),
)

timelines = sa.Table(
    "timelines",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    _fk("owner_id", "users.id"),
    sa.Column("public", sa.Boolean, nullable=False),
    sa.Column("provenance", sa.Text, nullable=False),
    _when(),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

timeline_roles = sa.Table(
    "timeline_roles",
    metadata,
    sa.Column("timeline_id", sa.ForeignKey("timelines.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.CheckConstraint("role IN ('owner', 'editor', 'viewer')", name="role"),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _fk("timeline_id", "timelines.id"),
    sa.Column("source_id", sa.String(200), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("path", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("items", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("extracted_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("timeline_id", "source_id"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _fk("timeline_id", "timelines.id"),
    sa.Column("event_id", sa.String(200), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("when_edtf", sa.Text),
    sa.Column("when_json", sa.Text),
    sa.Column("earliest", sa.BigInteger),
    sa.Column("latest", sa.BigInteger),
    sa.Column("basis", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("origin", sa.String(16), nullable=False),
    sa.Column("date_text", sa.Text),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("link", sa.Text),
    sa.Column("media", sa.Text),
    sa.Column("claims", sa.Text, nullable=False),
    sa.Column("search_text", sa.Text, nullable=False),
    _when(),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("timeline_id", "event_id"),
    sa.CheckConstraint("status IN ('proposed', 'accepted', 'rejected')", name="status"),
    sa.Index("ix_events_timeline_position", "timeline_id", "position"),
    sa.Index("ix_events_timeline_earliest", "timeline_id", "earliest"),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _fk("event_pk", "events.pk"),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("source_id", sa.String(200), nullable=False),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Index("ix_evidence_event", "event_pk", "position"),
)

participants = sa.Table(
    "participants",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _fk("event_pk", "events.pk"),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("aliases", sa.Text, nullable=False),
    sa.Index("ix_participants_event", "event_pk", "position"),
)

conflicts = sa.Table(
    "conflicts",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _fk("timeline_id", "timelines.id"),
    sa.Column("conflict_id", sa.String(200), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("events", sa.Text, nullable=False),
    sa.Column("sides", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.UniqueConstraint("timeline_id", "conflict_id"),
    sa.CheckConstraint("status IN ('open', 'kept', 'resolved')", name="status"),
)

jobs = sa.Table(
    "jobs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _fk("timeline_id", "timelines.id"),
    _fk("user_id", "users.id", nullable=True, ondelete="SET NULL"),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("progress", sa.Float, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("cancel_requested", sa.Boolean, nullable=False),
    sa.Column("source_ids", sa.Text, nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    _when(),
    sa.Column("started_at", sa.DateTime(timezone=True)),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint(
        "status IN ('queued', 'running', 'done', 'failed', 'cancelled')", name="status"
    ),
    sa.Index("ix_jobs_timeline", "timeline_id"),
)

event_history = sa.Table(
    "event_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("change_id", sa.String(32), nullable=False, index=True),
    _fk("timeline_id", "timelines.id"),
    sa.Column("event_id", sa.String(200), nullable=False),
    _fk("user_id", "users.id", nullable=True, ondelete="SET NULL"),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("before", sa.Text),
    sa.Column("after", sa.Text),
    sa.Index("ix_event_history_event", "timeline_id", "event_id"),
)
