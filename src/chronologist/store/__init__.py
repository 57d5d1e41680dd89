"""Storage: the only package that speaks SQL (SQLAlchemy Core, Alembic migrations).

``open_store(url)`` opens SQLite (default: a file in the user's data directory, WAL mode,
foreign keys on) or PostgreSQL (``postgresql://``, psycopg 3) and migrates it to the
newest schema. ``Store`` methods each run in one transaction.

Round trip: ``store.get_timeline(store.save_timeline(timeline, owner_id=...)) ==
timeline``, ids included (the timeline itself gets a new random id: the store's, not a
field of ``Timeline``).
"""

from __future__ import annotations

from chronologist.store.engine import default_database_url
from chronologist.store.events import merged_event, new_event_id, split_events
from chronologist.store.records import (
    CONFLICT_STATUSES,
    EVENT_STATUSES,
    JOB_STATUSES,
    ROLES,
    ApiToken,
    Change,
    ConflictRecord,
    EditConflict,
    EventRecord,
    EventStatus,
    HistoryEntry,
    Job,
    JobStatus,
    NotFound,
    Role,
    SearchHit,
    SourceInfo,
    SplitPart,
    StorageError,
    TimelineInfo,
    User,
)
from chronologist.store.store import Store, open_store

__all__ = [
    "CONFLICT_STATUSES",
    "EVENT_STATUSES",
    "JOB_STATUSES",
    "ROLES",
    "ApiToken",
    "Change",
    "ConflictRecord",
    "EditConflict",
    "EventRecord",
    "EventStatus",
    "HistoryEntry",
    "Job",
    "JobStatus",
    "NotFound",
    "Role",
    "SearchHit",
    "SourceInfo",
    "SplitPart",
    "StorageError",
    "Store",
    "TimelineInfo",
    "User",
    "default_database_url",
    "merged_event",
    "new_event_id",
    "open_store",
    "split_events",
]
