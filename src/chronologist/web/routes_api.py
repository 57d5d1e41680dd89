"""The JSON API (``/api``): everything the pages do. Routes check access, call the store,
ingest or render, and shape the answer; nothing else."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Response, UploadFile
from pydantic import TypeAdapter

from chronologist.errors import InputError
from chronologist.models import Event, Participant, Timeline
from chronologist.render import RENDERERS, render
from chronologist.site import build_site
from chronologist.store import SplitPart, new_event_id
from chronologist.web.app import Ctx, context, csrf_guard, secure
from chronologist.web.auth import SESSION_COOKIE, Need, csrf_token
from chronologist.web.cache import cached_response, revision_key
from chronologist.web.dates import describe, parse_user_date
from chronologist.web.errors import Forbidden, PayloadTooLarge, Unauthorized, error_schema
from chronologist.web.pages import embed_snippet
from chronologist.web.schemas import (
    ChangeOut,
    ConflictOut,
    ConflictPatch,
    Credentials,
    EmbedOut,
    EventIn,
    EventOut,
    EventPatch,
    ExtractIn,
    FormatOut,
    HistoryOut,
    ImportOut,
    JobOut,
    MergeIn,
    OkOut,
    ParsedDateOut,
    ParticipantIO,
    PasteIn,
    RoleIn,
    RoleOut,
    SearchHitOut,
    SessionOut,
    SourceOut,
    SplitIn,
    TimelineIn,
    TimelineOut,
    TimelinePatch,
    TokenCreated,
    TokenIn,
    TokenOut,
    UrlIn,
    UserOut,
)
from chronologist.web.sources import (
    read_import,
    source_from_text,
    source_from_upload,
    source_from_url,
)

JSON = "application/json"
_EVENT_LIST = TypeAdapter(list[EventOut])

router = APIRouter(prefix="/api", dependencies=[Depends(csrf_guard)], responses=error_schema())
Context = Annotated[Ctx, Depends(context)]
RowId = Annotated[int, Path(ge=1, le=2**31 - 1)]
"""A row id: the range of an SQL INTEGER, so PostgreSQL is never asked for more."""
CHUNK = 64 * 1024


# --------------------------------------------------------------------------- helpers
def _participants(items: list[ParticipantIO]) -> tuple[Participant, ...]:
    return tuple(
        Participant(" ".join(p.name.split()), p.kind, tuple(a for a in p.aliases if a))
        for p in items
    )


def _date(text: str | None) -> tuple[object, str | None]:
    if text is None or not text.strip():
        return None, None
    return parse_user_date(text), " ".join(text.split())


def event_from_input(data: EventIn) -> Event:
    """A hand-made event (no source: no evidence)."""
    when, date_text = _date(data.date)
    return Event(
        id=new_event_id(),
        title=" ".join(data.title.split()),
        kind=data.kind,
        when=when,  # type: ignore[arg-type]
        basis="explicit" if when is not None else "none",
        evidence=(),
        participants=_participants(data.participants),
        date_text=date_text,
        description=data.description.strip(),
        link=data.link,
        media=data.media,
    )


def apply_patch(event: Event, patch: EventPatch) -> Event:
    """An event with the fields a patch sets."""
    sent = patch.model_fields_set
    changes: dict[str, object] = {}
    if patch.title is not None:
        changes["title"] = " ".join(patch.title.split())
    if "date" in sent:
        when, date_text = _date(patch.date)
        changes.update(when=when, date_text=date_text)
        changes["basis"] = "explicit" if when is not None else "none"
    if patch.kind is not None:
        changes["kind"] = patch.kind
    if patch.description is not None:
        changes["description"] = patch.description.strip()
    if "link" in sent:
        changes["link"] = patch.link
    if "media" in sent:
        changes["media"] = patch.media
    if patch.participants is not None:
        changes["participants"] = _participants(patch.participants)
    return replace(event, **changes)  # type: ignore[arg-type]


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """An uploaded file's bytes, refusing more than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(
                f"{upload.filename or 'The upload'} is larger than the limit ({limit} bytes)."
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _slug(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:60] or "timeline"


def export_response(ctx: Ctx, timeline_id: str, fmt: str) -> Response:
    """A timeline (as published: rejected events and resolved conflicts left out) in one
    export format, as a download."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise InputError(
            f"Unknown export format {fmt!r}.", hint=f"Choose one of: {', '.join(RENDERERS)}."
        )
    info, _role = ctx.access(timeline_id, "viewer")

    def make() -> bytes:
        timeline = ctx.store.get_timeline(timeline_id, published=True)
        return render(timeline, fmt).content.encode("utf-8")

    name = _slug(info.title) + renderer.suffix
    return cached_response(
        ctx.request,
        ctx.state.renders,
        revision_key(info, "export", fmt),
        make,
        media_type=renderer.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _start_job(ctx: Ctx, timeline_id: str, source_ids: list[str]) -> JobOut:
    job = ctx.store.add_job(timeline_id, user_id=ctx.actor.user_id, source_ids=source_ids)
    ctx.state.runner.submit(job.id)
    return JobOut.of(job)


def _need_user(ctx: Ctx) -> int:
    if ctx.actor.user is None:
        raise Unauthorized("Log in first.")
    return ctx.actor.user.id


# ---------------------------------------------------------------------------- session
@router.get("/session", tags=["accounts"])
def get_session(ctx: Context) -> SessionOut:
    """Who you are, the mode, and the CSRF token for state-changing calls."""
    return SessionOut(
        mode="multi-user" if ctx.settings.multi_user else "single-user",
        user=UserOut.of(ctx.actor.user) if ctx.actor.user else None,
        csrf_token=ctx.csrf(),
    )


def _log_in(ctx: Ctx, response: Response, user_id: int) -> SessionOut:
    """Start a session: the cookie on ``response``, the new CSRF token in the answer."""
    session = ctx.store.add_session(user_id)
    set_session_cookie(response, ctx, session)
    return SessionOut(
        mode="multi-user",
        user=UserOut.of(ctx.store.get_user(user_id)),
        csrf_token=csrf_token(ctx.state.secret, ctx.request.state.csrf_seed, session),
    )


def set_session_cookie(response: Response, ctx: Ctx, session: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        session,
        max_age=14 * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=secure(ctx.request, ctx.settings),
        path="/",
    )


def _multi_user(ctx: Ctx) -> None:
    if not ctx.settings.multi_user:
        raise InputError(
            "This server runs in single-user mode: there are no accounts.",
            hint="Start it with --multi-user for accounts.",
        )


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def do_login(ctx: Ctx, username: str, password: str) -> int:
    """Check a login under the rate limit; the user id."""
    _multi_user(ctx)
    address = client_address(ctx.request)
    limiter = ctx.state.limiter
    limiter.check(username, address)
    user = ctx.store.check_password(username, password)
    if user is None:
        limiter.fail(username, address)
        raise Unauthorized("Wrong user name or password.")
    limiter.succeed(username, address)
    return user.id


def do_register(ctx: Ctx, username: str, password: str) -> int:
    _multi_user(ctx)
    if not ctx.settings.registration:
        raise Forbidden("Registration is closed on this server.")
    return ctx.store.add_user(username, password).id


@router.post("/register", tags=["accounts"], status_code=201)
def register(data: Credentials, ctx: Context, response: Response) -> SessionOut:
    """Create an account (multi-user mode) and log in."""
    return _log_in(ctx, response, do_register(ctx, data.username, data.password))


@router.post("/login", tags=["accounts"])
def login(data: Credentials, ctx: Context, response: Response) -> SessionOut:
    """Log in (sets the session cookie; answers the new CSRF token)."""
    return _log_in(ctx, response, do_login(ctx, data.username, data.password))


@router.post("/logout", tags=["accounts"])
def logout(ctx: Context, response: Response) -> OkOut:
    """End the session."""
    if ctx.actor.session:
        ctx.store.delete_session(ctx.actor.session)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return OkOut()


@router.get("/tokens", tags=["accounts"])
def list_tokens(ctx: Context) -> list[TokenOut]:
    """Your API tokens."""
    tokens = ctx.store.list_api_tokens(_need_user(ctx))
    return [
        TokenOut(id=t.id, name=t.name, created_at=t.created_at, last_used_at=t.last_used_at)
        for t in tokens
    ]


@router.post("/tokens", tags=["accounts"], status_code=201)
def add_token(data: TokenIn, ctx: Context) -> TokenCreated:
    """A new API token for ``Authorization: Bearer``; the secret is shown only now."""
    token, secret = ctx.store.add_api_token(_need_user(ctx), data.name)
    return TokenCreated(
        id=token.id,
        name=token.name,
        created_at=token.created_at,
        last_used_at=None,
        token=secret,
    )


@router.delete("/tokens/{token_id}", tags=["accounts"])
def delete_token(token_id: RowId, ctx: Context) -> OkOut:
    """Revoke an API token."""
    ctx.store.delete_api_token(_need_user(ctx), token_id)
    return OkOut()


# -------------------------------------------------------------------------- timelines
@router.get("/timelines", tags=["timelines"])
def list_timelines(ctx: Context) -> list[TimelineOut]:
    """Timelines you have a role on, and public ones."""
    store, actor = ctx.store, ctx.actor
    if actor.via == "local":
        infos = store.list_timelines(user_id=actor.user_id, include_public=True, everything=True)
    else:
        infos = store.list_timelines(user_id=actor.user_id)
    out = []
    for info in infos:
        role = "owner" if actor.via == "local" else store.get_role(info.id, actor.user_id)
        out.append(TimelineOut.of(info, role))
    return out


@router.post("/timelines", tags=["timelines"], status_code=201)
def add_timeline(data: TimelineIn, ctx: Context) -> TimelineOut:
    """Create an empty timeline; you own it."""
    info = ctx.store.add_timeline(data.title, owner_id=_need_user(ctx), public=data.public)
    return TimelineOut.of(info, "owner")


@router.get("/timelines/{timeline_id}", tags=["timelines"])
def get_timeline(timeline_id: str, ctx: Context) -> TimelineOut:
    info, role = ctx.access(timeline_id, "viewer")
    return TimelineOut.of(info, role)


@router.patch("/timelines/{timeline_id}", tags=["timelines"])
def update_timeline(timeline_id: str, data: TimelinePatch, ctx: Context) -> TimelineOut:
    """Rename (editors) or publish/unpublish (owners)."""
    need: Need = "owner" if data.public is not None else "editor"
    _info, role = ctx.access(timeline_id, need)
    info = ctx.store.update_timeline(timeline_id, title=data.title, public=data.public)
    return TimelineOut.of(info, role)


@router.delete("/timelines/{timeline_id}", tags=["timelines"])
def delete_timeline(timeline_id: str, ctx: Context) -> OkOut:
    ctx.access(timeline_id, "owner")
    ctx.store.delete_timeline(timeline_id)
    return OkOut()


@router.get(
    "/timelines/{timeline_id}/export/{fmt}",
    tags=["publish"],
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "The file"}},
)
def export_timeline(timeline_id: str, fmt: str, ctx: Context) -> Response:
    """Download in an export format (see ``GET /api/formats``)."""
    return export_response(ctx, timeline_id, fmt)


@router.get(
    "/timelines/{timeline_id}/site.zip",
    tags=["publish"],
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}, "description": "The static site"}},
)
def export_site(timeline_id: str, ctx: Context) -> Response:
    """The static site (home, viewer, story and sources pages, data) as a zip file: it
    works from disk or any static host, like ``chronologist site``."""
    info, _role = ctx.access(timeline_id, "viewer")

    def make() -> bytes:
        timeline = ctx.store.get_timeline(timeline_id, published=True)
        files, _slugs = build_site([timeline], title=info.title or "Timelines")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in sorted(files.items()):
                archive.writestr(name, content)
        return buffer.getvalue()

    name = _slug(info.title) + "-site.zip"
    return cached_response(
        ctx.request,
        ctx.state.renders,
        revision_key(info, "site"),
        make,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/timelines/{timeline_id}/embed", tags=["publish"])
def get_embed(timeline_id: str, ctx: Context) -> EmbedOut:
    """The public page's address and an iframe snippet to embed it."""
    info, _role = ctx.access(timeline_id, "viewer")
    url = f"{ctx.base_url()}/t/{info.id}"
    return EmbedOut(url=url, iframe=embed_snippet(url, info.title))


@router.get("/formats", tags=["publish"])
def list_formats() -> list[FormatOut]:
    """The export formats."""
    return [
        FormatOut(name=r.name, suffix=r.suffix, media_type=r.media_type) for r in RENDERERS.values()
    ]


@router.get("/timelines/{timeline_id}/roles", tags=["timelines"])
def list_roles(timeline_id: str, ctx: Context) -> list[RoleOut]:
    ctx.access(timeline_id, "owner")
    return [RoleOut(user=UserOut.of(u), role=r) for u, r in ctx.store.list_roles(timeline_id)]


@router.put("/timelines/{timeline_id}/roles/{username}", tags=["timelines"])
def add_role(timeline_id: str, username: str, data: RoleIn, ctx: Context) -> RoleOut:
    """Give a user a role (owners only)."""
    ctx.access(timeline_id, "owner")
    user = ctx.store.get_user_by_name(username)
    ctx.store.add_role(timeline_id, user.id, data.role)
    return RoleOut(user=UserOut.of(user), role=data.role)


@router.delete("/timelines/{timeline_id}/roles/{username}", tags=["timelines"])
def delete_role(timeline_id: str, username: str, ctx: Context) -> OkOut:
    ctx.access(timeline_id, "owner")
    ctx.store.delete_role(timeline_id, ctx.store.get_user_by_name(username).id)
    return OkOut()


@router.post("/import", tags=["timelines"], status_code=201)
async def import_timeline(
    ctx: Context,
    file: Annotated[UploadFile, File(description="A timeline file")],
    title: Annotated[str | None, Form(max_length=500)] = None,
    public: Annotated[bool, Form()] = False,
) -> ImportOut:
    """Import a file as a new timeline: our JSON whole; TimelineJS JSON/CSV and every
    other format ``build`` reads through an extraction job."""
    owner = _need_user(ctx)
    limit = ctx.settings.max_upload_bytes
    got = read_import(await read_upload(file, limit), file.filename, max_bytes=limit)
    store = ctx.store
    if isinstance(got, Timeline):
        if title:
            got = replace(got, title=title)
        timeline_id = store.save_timeline(got, owner_id=owner, public=public)
        return ImportOut(
            timeline=TimelineOut.of(store.get_timeline_info(timeline_id), "owner"), job=None
        )
    info = store.add_timeline(
        title or got.title or "Imported timeline", owner_id=owner, public=public
    )
    store.add_source(info.id, got)
    job = _start_job(ctx, info.id, [got.id])
    return ImportOut(timeline=TimelineOut.of(store.get_timeline_info(info.id), "owner"), job=job)


# ---------------------------------------------------------------------------- sources
@router.get("/timelines/{timeline_id}/sources", tags=["sources"])
def list_sources(timeline_id: str, ctx: Context) -> list[SourceOut]:
    ctx.access(timeline_id, "viewer")
    return [SourceOut.of(s) for s in ctx.store.list_sources(timeline_id)]


@router.get("/timelines/{timeline_id}/sources/{source_id}", tags=["sources"])
def get_source(timeline_id: str, source_id: str, ctx: Context) -> SourceOut:
    """A source with its text."""
    ctx.access(timeline_id, "viewer")
    return SourceOut.of(ctx.store.get_source(timeline_id, source_id), with_text=True)


@router.post("/timelines/{timeline_id}/sources/paste", tags=["sources"], status_code=201)
def paste_source(timeline_id: str, data: PasteIn, ctx: Context) -> SourceOut:
    """Add pasted text as a source."""
    ctx.access(timeline_id, "editor")
    limit = ctx.settings.max_upload_bytes
    source = source_from_text(data.text, title=data.title, kind=data.kind, max_bytes=limit)
    return SourceOut.of(ctx.store.add_source(timeline_id, source))


@router.post("/timelines/{timeline_id}/sources/url", tags=["sources"], status_code=201)
def url_source(timeline_id: str, data: UrlIn, ctx: Context) -> SourceOut:
    """Fetch a web page or file as a source (private addresses refused unless allowed)."""
    ctx.access(timeline_id, "editor")
    source = source_from_url(
        data.url,
        kind=data.kind,
        allow_private=ctx.settings.allow_private,
        max_bytes=ctx.settings.max_upload_bytes,
    )
    return SourceOut.of(ctx.store.add_source(timeline_id, source))


@router.post("/timelines/{timeline_id}/sources/upload", tags=["sources"], status_code=201)
async def upload_source(
    timeline_id: str,
    ctx: Context,
    file: Annotated[UploadFile, File(description="A source file")],
    kind: Annotated[str | None, Form(max_length=40)] = None,
) -> SourceOut:
    """Upload a file as a source (size and type limited)."""
    ctx.access(timeline_id, "editor")
    limit = ctx.settings.max_upload_bytes
    data = await read_upload(file, limit)
    source = source_from_upload(data, file.filename, kind=kind, max_bytes=limit)
    return SourceOut.of(ctx.store.add_source(timeline_id, source))


@router.delete("/timelines/{timeline_id}/sources/{source_id}", tags=["sources"])
def delete_source(timeline_id: str, source_id: str, ctx: Context) -> OkOut:
    ctx.access(timeline_id, "editor")
    ctx.store.delete_source(timeline_id, source_id)
    return OkOut()


# ------------------------------------------------------------------------------- jobs
@router.post("/timelines/{timeline_id}/extract", tags=["jobs"], status_code=202)
def extract(timeline_id: str, ctx: Context, data: ExtractIn | None = None) -> JobOut:
    """Start an extraction job over sources (default: those not extracted yet)."""
    ctx.access(timeline_id, "editor")
    ids = data.source_ids if data and data.source_ids else None
    if ids is None:
        ids = [s.source.id for s in ctx.store.list_sources(timeline_id) if s.extracted_at is None]
    return _start_job(ctx, timeline_id, ids)


@router.get("/timelines/{timeline_id}/jobs", tags=["jobs"])
def list_jobs(timeline_id: str, ctx: Context) -> list[JobOut]:
    ctx.access(timeline_id, "viewer")
    return [JobOut.of(j) for j in ctx.store.list_jobs(timeline_id)]


@router.get("/jobs/{job_id}", tags=["jobs"])
def get_job(job_id: RowId, ctx: Context) -> JobOut:
    """A job's status and progress (poll it)."""
    job = ctx.store.get_job(job_id)
    ctx.access(job.timeline_id, "viewer")
    return JobOut.of(job)


@router.post("/jobs/{job_id}/cancel", tags=["jobs"])
def cancel_job(job_id: RowId, ctx: Context) -> JobOut:
    """Cancel a job; nothing it found is stored."""
    job = ctx.store.get_job(job_id)
    ctx.access(job.timeline_id, "editor")
    return JobOut.of(ctx.store.cancel_job(job_id))


# ----------------------------------------------------------------------------- events
@router.get("/dates/parse", tags=["events"])
def parse_date(text: Annotated[str, Query(max_length=200)]) -> ParsedDateOut:
    """How a typed date reads ("before 1917" → EDTF "../1917"), before saving it."""
    when = parse_user_date(text)
    return ParsedDateOut(
        edtf=when.edtf,
        human=describe(when),
        text=" ".join(text.split()),
        earliest=list(when.earliest) if when.earliest else None,
        latest=list(when.latest) if when.latest else None,
        approximate=when.approximate,
        uncertain=when.uncertain,
    )


@router.get("/timelines/{timeline_id}/events", tags=["events"], response_model=list[EventOut])
def list_events(
    timeline_id: str,
    ctx: Context,
    status: Annotated[str | None, Query(pattern="^(proposed|accepted|rejected)$")] = None,
) -> Response:
    """The timeline's events in order (revalidate with ``If-None-Match``)."""
    info, _role = ctx.access(timeline_id, "viewer")

    def make() -> bytes:
        records = ctx.store.list_events(timeline_id, status=status)
        return _EVENT_LIST.dump_json([EventOut.of(r) for r in records])

    key = revision_key(info, "events", status)
    return cached_response(ctx.request, ctx.state.renders, key, make, media_type=JSON)


@router.post("/timelines/{timeline_id}/events", tags=["events"], status_code=201)
def add_event(timeline_id: str, data: EventIn, ctx: Context) -> EventOut:
    """Add an event or period by hand (no source needed)."""
    ctx.access(timeline_id, "editor")
    record = ctx.store.add_event(timeline_id, event_from_input(data), user_id=ctx.actor.user_id)
    return EventOut.of(record)


@router.post("/timelines/{timeline_id}/events/merge", tags=["events"])
def merge_events(timeline_id: str, data: MergeIn, ctx: Context) -> EventOut:
    """Merge events into the first one."""
    ctx.access(timeline_id, "editor")
    record = ctx.store.merge_events(
        timeline_id, data.event_ids, user_id=ctx.actor.user_id, title=data.title
    )
    return EventOut.of(record)


@router.get("/timelines/{timeline_id}/events/{event_id}", tags=["events"])
def get_event(timeline_id: str, event_id: str, ctx: Context) -> EventOut:
    ctx.access(timeline_id, "viewer")
    return EventOut.of(ctx.store.get_event(timeline_id, event_id))


@router.patch("/timelines/{timeline_id}/events/{event_id}", tags=["events"])
def update_event(timeline_id: str, event_id: str, data: EventPatch, ctx: Context) -> EventOut:
    """Edit an event (title, date as typed, kind, description, link, image, participants)
    and/or review it (status)."""
    ctx.access(timeline_id, "editor")
    current = ctx.store.get_event(timeline_id, event_id)
    event = apply_patch(current.event, data)
    record = ctx.store.update_event(
        timeline_id,
        event_id,
        event if event != current.event else None,
        user_id=ctx.actor.user_id,
        status=data.status,
        action="edit" if data.status is None else f"edit+{data.status}",
    )
    return EventOut.of(record)


def _review(ctx: Ctx, timeline_id: str, event_id: str, status: str) -> EventOut:
    ctx.access(timeline_id, "editor")
    record = ctx.store.update_event(
        timeline_id,
        event_id,
        user_id=ctx.actor.user_id,
        status=status,
        action="accept" if status == "accepted" else "reject",
    )
    return EventOut.of(record)


@router.post("/timelines/{timeline_id}/events/{event_id}/accept", tags=["events"])
def accept_event(timeline_id: str, event_id: str, ctx: Context) -> EventOut:
    return _review(ctx, timeline_id, event_id, "accepted")


@router.post("/timelines/{timeline_id}/events/{event_id}/reject", tags=["events"])
def reject_event(timeline_id: str, event_id: str, ctx: Context) -> EventOut:
    return _review(ctx, timeline_id, event_id, "rejected")


@router.delete("/timelines/{timeline_id}/events/{event_id}", tags=["events"])
def delete_event(timeline_id: str, event_id: str, ctx: Context) -> ChangeOut:
    """Delete an event (undo brings it back)."""
    ctx.access(timeline_id, "editor")
    change = ctx.store.delete_event(timeline_id, event_id, user_id=ctx.actor.user_id)
    return ChangeOut(change_id=change, events=[])


@router.post("/timelines/{timeline_id}/events/{event_id}/split", tags=["events"])
def split_event(timeline_id: str, event_id: str, data: SplitIn, ctx: Context) -> list[EventOut]:
    """Split an event into parts; the first keeps its id."""
    ctx.access(timeline_id, "editor")
    parts = [
        SplitPart(
            title=p.title,
            when=parse_user_date(p.date) if p.date and p.date.strip() else None,
            evidence=tuple(p.evidence) if p.evidence is not None else None,
        )
        for p in data.parts
    ]
    records = ctx.store.split_event(timeline_id, event_id, parts, user_id=ctx.actor.user_id)
    return [EventOut.of(r) for r in records]


@router.get("/timelines/{timeline_id}/events/{event_id}/history", tags=["history"])
def event_history(timeline_id: str, event_id: str, ctx: Context) -> list[HistoryOut]:
    """Every change to an event, newest first: who, when, before and after."""
    ctx.access(timeline_id, "viewer")
    return [HistoryOut.of(h) for h in ctx.store.list_history(timeline_id, event_id)]


@router.get("/timelines/{timeline_id}/history", tags=["history"])
def timeline_history(timeline_id: str, ctx: Context) -> list[HistoryOut]:
    ctx.access(timeline_id, "viewer")
    return [HistoryOut.of(h) for h in ctx.store.list_history(timeline_id)[:500]]


@router.post("/timelines/{timeline_id}/changes/{change_id}/undo", tags=["history"])
def undo_change(timeline_id: str, change_id: str, ctx: Context) -> ChangeOut:
    """Undo a change (itself recorded, so it can be undone too)."""
    ctx.access(timeline_id, "editor")
    change = ctx.store.undo_change(timeline_id, change_id, user_id=ctx.actor.user_id)
    return ChangeOut(change_id=change.change_id, events=[EventOut.of(r) for r in change.events])


# -------------------------------------------------------------------------- conflicts
@router.get("/timelines/{timeline_id}/conflicts", tags=["events"])
def list_conflicts(timeline_id: str, ctx: Context) -> list[ConflictOut]:
    ctx.access(timeline_id, "viewer")
    return [ConflictOut.of(c) for c in ctx.store.list_conflicts(timeline_id)]


@router.patch("/timelines/{timeline_id}/conflicts/{conflict_id}", tags=["events"])
def update_conflict(
    timeline_id: str, conflict_id: str, data: ConflictPatch, ctx: Context
) -> ConflictOut:
    """Resolve a conflict, keep it (shown as a disagreement), or reopen it."""
    ctx.access(timeline_id, "editor")
    record = ctx.store.update_conflict(timeline_id, conflict_id, status=data.status, note=data.note)
    return ConflictOut.of(record)


# ----------------------------------------------------------------------------- search
@router.get("/search", tags=["search"])
def search(
    ctx: Context,
    q: Annotated[str, Query(max_length=200)],
    timeline_id: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[SearchHitOut]:
    """Full-text search over the events and sources of timelines you can see."""
    if timeline_id is not None:
        ctx.access(timeline_id, "viewer")
        scope: list[str] | None = [timeline_id]
    elif ctx.actor.via == "local":
        scope = None
    else:
        scope = [t.id for t in ctx.store.list_timelines(user_id=ctx.actor.user_id)]
    return [SearchHitOut.of(h) for h in ctx.store.search(q, timeline_ids=scope, limit=limit)]


@router.get("/health", tags=["meta"])
def health(ctx: Context) -> OkOut:
    """The server and its database answer."""
    ctx.store.get_user(ctx.state.local_user.id)
    return OkOut()
