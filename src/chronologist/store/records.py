"""What the store hands back besides ``Timeline``: frozen records of rows, with their ids.

The domain types (``Timeline``, ``Event``, ``Source``, ...) carry no database state; these
records wrap them with what the workflow adds: review status, owners, roles, jobs, history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from chronologist.errors import ChronologistError
from chronologist.models import Event, Evidence, Source
from chronologist.timemodel import TimeValue

__all__ = [
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
    "TimelineInfo",
    "User",
]

Role = Literal["owner", "editor", "viewer"]
ROLES: tuple[Role, ...] = ("owner", "editor", "viewer")
"""Per-timeline roles, strongest first."""
EventStatus = Literal["proposed", "accepted", "rejected"]
EVENT_STATUSES: tuple[EventStatus, ...] = ("proposed", "accepted", "rejected")
JobStatus = Literal["queued", "running", "done", "failed", "cancelled"]
JOB_STATUSES: tuple[JobStatus, ...] = ("queued", "running", "done", "failed", "cancelled")
ConflictStatus = Literal["open", "kept", "resolved"]
CONFLICT_STATUSES: tuple[ConflictStatus, ...] = ("open", "kept", "resolved")


class NotFound(ChronologistError):
    """An id that is not in the store (HTTP 404)."""


class StorageError(ChronologistError):
    """The database cannot be opened, migrated or reached (HTTP 503)."""


class EditConflict(ChronologistError):
    """An edit that no longer applies, e.g. undoing a change that later edits overwrote
    (HTTP 409)."""


@dataclass(frozen=True, slots=True)
class User:
    """An account."""

    id: int
    username: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ApiToken:
    """An API token's metadata (the token itself is shown once and only its hash kept)."""

    id: int
    user_id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


@dataclass(frozen=True, slots=True)
class TimelineInfo:
    """A timeline's row: everything but its sources and events."""

    id: str
    """Random, URL-safe; also the public page's address (``/t/{id}``)."""
    title: str
    owner_id: int
    public: bool
    created_at: datetime
    updated_at: datetime
    event_count: int = 0
    source_count: int = 0


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source of a timeline, with whether events were extracted from it yet."""

    source: Source
    timeline_id: str
    added_at: datetime
    extracted_at: datetime | None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event of a timeline with its review status."""

    event: Event
    timeline_id: str
    status: EventStatus
    origin: str
    """"extracted", "manual" (made by hand) or "imported"."""
    position: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ConflictRecord:
    """A conflict between sources, with what the reviewers decided."""

    id: str
    timeline_id: str
    topic: str
    kind: str
    events: tuple[str, ...]
    sides: tuple[tuple[str, tuple[Evidence, ...]], ...]
    status: ConflictStatus
    """"open" (not looked at), "kept" (shown as a disagreement) or "resolved"."""
    note: str


@dataclass(frozen=True, slots=True)
class Job:
    """A background extraction job."""

    id: int
    timeline_id: str
    user_id: int | None
    status: JobStatus
    progress: float
    """0..1."""
    message: str
    cancel_requested: bool
    source_ids: tuple[str, ...]
    created_at: datetime
    finished_at: datetime | None
    result: dict[str, Any]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One event's part in one change: the event before and after (None: absent)."""

    id: int
    change_id: str
    timeline_id: str
    event_id: str
    user_id: int | None
    username: str | None
    at: datetime
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Change:
    """A set of edits made together (one history ``change_id``), e.g. a merge."""

    change_id: str
    events: tuple[EventRecord, ...]


@dataclass(frozen=True, slots=True)
class SplitPart:
    """One part of an event being split."""

    title: str
    when: TimeValue | None = None
    """None keeps the event's date."""
    evidence: tuple[int, ...] | None = None
    """Indexes into the event's evidence that this part keeps (None: all)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text search hit: an event or a source of a timeline."""

    kind: Literal["event", "source"]
    timeline_id: str
    id: str
    title: str
    snippet: str
    """Plain text around the first match (escape it when showing it)."""
