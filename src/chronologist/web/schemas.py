"""Request and response models of the JSON API (Pydantic lives only here, at the edge)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chronologist.models import Event
from chronologist.store import (
    ConflictRecord,
    EventRecord,
    HistoryEntry,
    Job,
    SearchHit,
    SourceInfo,
    TimelineInfo,
    User,
)
from chronologist.web.dates import describe

Title = Annotated[str, Field(min_length=1, max_length=500)]
Text = Annotated[str, Field(max_length=20_000)]
Url = Annotated[str, Field(max_length=2_000)]
DateText = Annotated[str, Field(max_length=100)]


class Strict(BaseModel):
    """Unknown fields are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


def _web_url(value: str | None) -> str | None:
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    if not value.lower().startswith(("http://", "https://")):
        raise ValueError("must be an http:// or https:// address")
    return value


# ---------------------------------------------------------------------------- generic
class ErrorOut(BaseModel):
    """Every error: ``{"ok": false, "error": "...", "status": N}``."""

    ok: Literal[False] = False
    error: str
    status: int


class OkOut(BaseModel):
    ok: Literal[True] = True


# --------------------------------------------------------------------------- accounts
class UserOut(BaseModel):
    id: int
    username: str

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(id=user.id, username=user.username)


class SessionOut(BaseModel):
    mode: Literal["single-user", "multi-user"]
    user: UserOut | None
    csrf_token: str
    """Send it back as the X-CSRF-Token header on state-changing calls."""


class Credentials(Strict):
    username: Annotated[str, Field(min_length=1, max_length=80)]
    password: Annotated[str, Field(min_length=1, max_length=1024)]


class TokenIn(Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)] = "API token"


class TokenOut(BaseModel):
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


class TokenCreated(TokenOut):
    token: str
    """The secret: shown this once only."""


# -------------------------------------------------------------------------- timelines
class TimelineIn(Strict):
    title: Title
    public: bool = False


class TimelinePatch(Strict):
    title: Title | None = None
    public: bool | None = None


class TimelineOut(BaseModel):
    id: str
    title: str
    public: bool
    owner_id: int
    role: str | None
    created_at: datetime
    updated_at: datetime
    event_count: int
    source_count: int
    url: str
    """The public page (works for everyone once the timeline is public)."""

    @classmethod
    def of(cls, info: TimelineInfo, role: str | None) -> TimelineOut:
        return cls(
            id=info.id,
            title=info.title,
            public=info.public,
            owner_id=info.owner_id,
            role=role,
            created_at=info.created_at,
            updated_at=info.updated_at,
            event_count=info.event_count,
            source_count=info.source_count,
            url=f"/t/{info.id}",
        )


class EmbedOut(BaseModel):
    url: str
    iframe: str


class RoleIn(Strict):
    role: Literal["owner", "editor", "viewer"]


class RoleOut(BaseModel):
    user: UserOut
    role: str


class FormatOut(BaseModel):
    name: str
    suffix: str
    media_type: str


# ---------------------------------------------------------------------------- sources
class PasteIn(Strict):
    text: Annotated[str, Field(min_length=1, max_length=5_000_000)]
    title: Annotated[str, Field(max_length=500)] | None = None
    kind: str | None = None
    """Force a reader ("text", "timetoast", "markdown", "html", ...); default: detected."""


class UrlIn(Strict):
    url: Url
    kind: str | None = None


class SourceOut(BaseModel):
    id: str
    title: str
    kind: str
    sha256: str
    path: str | None
    url: str | None
    author: str | None
    items: int
    chars: int
    added_at: datetime
    extracted_at: datetime | None
    text: str | None = None

    @classmethod
    def of(cls, info: SourceInfo, *, with_text: bool = False) -> SourceOut:
        s = info.source
        return cls(
            id=s.id,
            title=s.title,
            kind=s.kind,
            sha256=s.sha256,
            path=s.path,
            url=s.url,
            author=s.author,
            items=len(s.items),
            chars=len(s.text),
            added_at=info.added_at,
            extracted_at=info.extracted_at,
            text=s.text if with_text else None,
        )


# ------------------------------------------------------------------------------- jobs
class ExtractIn(Strict):
    source_ids: list[Annotated[str, Field(max_length=200)]] | None = Field(
        default=None, max_length=200
    )
    """Default: every source not extracted yet."""


class JobOut(BaseModel):
    id: int
    timeline_id: str
    status: str
    progress: float
    message: str
    cancel_requested: bool
    source_ids: list[str]
    created_at: datetime
    finished_at: datetime | None
    result: dict[str, Any]

    @classmethod
    def of(cls, job: Job) -> JobOut:
        return cls(
            id=job.id,
            timeline_id=job.timeline_id,
            status=job.status,
            progress=job.progress,
            message=job.message,
            cancel_requested=job.cancel_requested,
            source_ids=list(job.source_ids),
            created_at=job.created_at,
            finished_at=job.finished_at,
            result=job.result,
        )


class ImportOut(BaseModel):
    timeline: TimelineOut
    job: JobOut | None


# ----------------------------------------------------------------------------- events
class DateOut(BaseModel):
    edtf: str
    human: str
    text: str | None
    """The date as written (typed or in the source)."""
    earliest: list[int] | None
    latest: list[int] | None
    approximate: bool
    uncertain: bool


class ParsedDateOut(DateOut):
    ok: Literal[True] = True


class ParticipantIO(Strict):
    name: Annotated[str, Field(min_length=1, max_length=300)]
    kind: Literal["person", "organisation", "place"] = "person"
    aliases: list[Annotated[str, Field(max_length=300)]] = Field(default=[], max_length=20)


class EvidenceOut(BaseModel):
    source: str
    start: int
    end: int
    quote: str


class EventOut(BaseModel):
    id: str
    title: str
    kind: str
    status: str
    origin: str
    position: int
    date: DateOut | None
    basis: str
    description: str
    link: str | None
    media: str | None
    participants: list[ParticipantIO]
    evidence: list[EvidenceOut]
    updated_at: datetime

    @classmethod
    def of(cls, record: EventRecord) -> EventOut:
        e = record.event
        return cls(
            id=e.id,
            title=e.title,
            kind=e.kind,
            status=record.status,
            origin=record.origin,
            position=record.position,
            date=date_out(e),
            basis=e.basis,
            description=e.description,
            link=e.link,
            media=e.media,
            participants=[
                ParticipantIO(name=p.name, kind=p.kind, aliases=list(p.aliases))
                for p in e.participants
            ],
            evidence=[
                EvidenceOut(source=v.source, start=v.start, end=v.end, quote=v.quote)
                for v in e.evidence
            ],
            updated_at=record.updated_at,
        )


def date_out(event: Event) -> DateOut | None:
    when = event.when
    if when is None:
        return None
    return DateOut(
        edtf=when.edtf,
        human=describe(when),
        text=event.date_text,
        earliest=list(when.earliest) if when.earliest else None,
        latest=list(when.latest) if when.latest else None,
        approximate=when.approximate,
        uncertain=when.uncertain,
    )


class EventIn(Strict):
    """A hand-made event or period."""

    title: Title
    date: DateText | None = None
    """As a person writes it: "c. 1907", "before 1917", "1921-1928", "44 BC"."""
    kind: Literal["event", "period"] = "event"
    description: Text = ""
    link: Url | None = None
    media: Url | None = None
    """An image address."""
    participants: list[ParticipantIO] = Field(default=[], max_length=100)

    _urls = field_validator("link", "media")(_web_url)


class EventPatch(Strict):
    """Fields to change (absent fields stay; ``date: ""`` removes the date)."""

    title: Title | None = None
    date: DateText | None = None
    kind: Literal["event", "period"] | None = None
    description: Text | None = None
    link: Url | None = None
    media: Url | None = None
    participants: list[ParticipantIO] | None = Field(default=None, max_length=100)
    status: Literal["proposed", "accepted", "rejected"] | None = None

    _urls = field_validator("link", "media")(_web_url)


class MergeIn(Strict):
    event_ids: list[Annotated[str, Field(max_length=200)]] = Field(min_length=2, max_length=50)
    """The first keeps its id, date and kind; the others are merged into it."""
    title: Title | None = None


class SplitPartIn(Strict):
    title: Title
    date: DateText | None = None
    evidence: list[Annotated[int, Field(ge=0, le=10_000)]] | None = Field(
        default=None, max_length=1000
    )
    """Which of the event's citations (0-based) this part keeps; default: all."""


class SplitIn(Strict):
    parts: list[SplitPartIn] = Field(min_length=2, max_length=20)


class ChangeOut(BaseModel):
    change_id: str
    events: list[EventOut]


class HistoryOut(BaseModel):
    id: int
    change_id: str
    event_id: str
    user: str | None
    at: datetime
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def of(cls, entry: HistoryEntry) -> HistoryOut:
        return cls(
            id=entry.id,
            change_id=entry.change_id,
            event_id=entry.event_id,
            user=entry.username,
            at=entry.at,
            action=entry.action,
            before=entry.before,
            after=entry.after,
        )


# -------------------------------------------------------------------------- conflicts
class ConflictOut(BaseModel):
    id: str
    topic: str
    kind: str
    events: list[str]
    sides: list[dict[str, Any]]
    status: str
    note: str

    @classmethod
    def of(cls, c: ConflictRecord) -> ConflictOut:
        return cls(
            id=c.id,
            topic=c.topic,
            kind=c.kind,
            events=list(c.events),
            sides=[
                {
                    "claim": claim,
                    "evidence": [
                        {"source": v.source, "start": v.start, "end": v.end, "quote": v.quote}
                        for v in evs
                    ],
                }
                for claim, evs in c.sides
            ],
            status=c.status,
            note=c.note,
        )


class ConflictPatch(Strict):
    status: Literal["open", "kept", "resolved"]
    note: Text | None = None


# ----------------------------------------------------------------------------- search
class SearchHitOut(BaseModel):
    kind: str
    timeline_id: str
    id: str
    title: str
    snippet: str

    @classmethod
    def of(cls, hit: SearchHit) -> SearchHitOut:
        return cls(
            kind=hit.kind,
            timeline_id=hit.timeline_id,
            id=hit.id,
            title=hit.title,
            snippet=hit.snippet,
        )
