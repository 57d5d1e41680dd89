"""The pages people use. They show what the store holds; changes go through the JSON API
(small scripts in ``static/app.js``), except logging in and out and creating a timeline,
which are plain forms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query
from starlette.responses import HTMLResponse, RedirectResponse, Response

from chronologist.errors import ChronologistError
from chronologist.models import Event
from chronologist.render import RENDERERS, render
from chronologist.store import EventRecord, SourceInfo
from chronologist.web.app import Ctx, context, csrf_guard
from chronologist.web.auth import RANK, SESSION_COOKIE
from chronologist.web.errors import Unauthorized, status_of
from chronologist.web.pages import embed_snippet, render_page
from chronologist.web.routes_api import (
    do_login,
    do_register,
    export_response,
    set_session_cookie,
)

router = APIRouter(dependencies=[Depends(csrf_guard)], include_in_schema=False)
Context = Annotated[Ctx, Depends(context)]


def page(ctx: Ctx, name: str, status: int = 200, **values: object) -> HTMLResponse:
    return HTMLResponse(render_page(ctx.request, name, **values), status_code=status)


def _timelines(ctx: Ctx) -> list[object]:
    if ctx.actor.via == "local":
        return list(ctx.store.list_timelines(everything=True))
    return list(ctx.store.list_timelines(user_id=ctx.actor.user_id))


@router.get("/", response_class=HTMLResponse)
def home(ctx: Context) -> HTMLResponse:
    return page(ctx, "home.html", title="Timelines", timelines=_timelines(ctx))


@router.post("/timelines")
def create_timeline(
    ctx: Context,
    title: Annotated[str, Form(max_length=500)],
    public: Annotated[bool, Form()] = False,
) -> Response:
    if ctx.actor.user is None:
        raise Unauthorized("Log in to create a timeline.")
    info = ctx.store.add_timeline(title, owner_id=ctx.actor.user.id, public=public)
    return RedirectResponse(f"/timelines/{info.id}", status_code=303)


@router.get("/timelines/{timeline_id}", response_class=HTMLResponse)
def timeline_page(timeline_id: str, ctx: Context) -> HTMLResponse:
    info, role = ctx.access(timeline_id, "viewer")
    rank = RANK.get(role or "", 0)
    store = ctx.store
    records = store.list_events(timeline_id)
    public_url = f"{ctx.base_url()}/t/{info.id}"
    return page(
        ctx,
        "timeline.html",
        title=info.title,
        info=info,
        role=role,
        can_edit=rank >= RANK["editor"],
        can_own=rank >= RANK["owner"],
        sources=store.list_sources(timeline_id),
        records=records,
        counts={
            s: sum(1 for r in records if r.status == s)
            for s in ("proposed", "accepted", "rejected")
        },
        conflicts=store.list_conflicts(timeline_id),
        jobs=store.list_jobs(timeline_id, limit=5),
        history=store.list_history(timeline_id)[:15] if rank >= RANK["editor"] else [],
        formats=list(RENDERERS.values()),
        public_url=public_url,
        embed=embed_snippet(public_url, info.title),
        roles=store.list_roles(timeline_id)
        if rank >= RANK["owner"] and ctx.settings.multi_user
        else [],
    )


@router.get("/timelines/{timeline_id}/events/{event_id}", response_class=HTMLResponse)
def event_page(timeline_id: str, event_id: str, ctx: Context) -> HTMLResponse:
    info, _role = ctx.access(timeline_id, "editor")
    record = ctx.store.get_event(timeline_id, event_id)
    titles = {s.source.id: s.source.title for s in ctx.store.list_sources(timeline_id)}
    others = [r for r in ctx.store.list_events(timeline_id) if r.event.id != event_id]
    return page(
        ctx,
        "event.html",
        title=record.event.title,
        info=info,
        record=record,
        event=record.event,
        participants="\n".join(
            p.name if p.kind == "person" else f"{p.name} | {p.kind}"
            for p in record.event.participants
        ),
        source_titles=titles,
        history=ctx.store.list_history(timeline_id, event_id),
        others=others,
    )


def _pieces(info: SourceInfo, records: list[EventRecord]) -> list[tuple[str, list[Event]]]:
    """The source text cut at cited passages: (text, events citing it) pieces."""
    text = info.source.text
    cuts = {0, len(text)}
    spans: list[tuple[int, int, Event]] = []
    for record in records:
        for ev in record.event.evidence:
            if ev.source == info.source.id and 0 <= ev.start < ev.end <= len(text):
                cuts.update((ev.start, ev.end))
                spans.append((ev.start, ev.end, record.event))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        citing = [e for s, t, e in spans if s <= a and b <= t]
        out.append((text[a:b], citing))
    return out


@router.get("/timelines/{timeline_id}/sources/{source_id}", response_class=HTMLResponse)
def source_page(timeline_id: str, source_id: str, ctx: Context) -> HTMLResponse:
    info, _role = ctx.access(timeline_id, "viewer")
    source = ctx.store.get_source(timeline_id, source_id)
    pieces = _pieces(source, ctx.store.list_events(timeline_id))
    return page(
        ctx, "source.html", title=source.source.title, info=info, source=source, pieces=pieces
    )


@router.get("/t/{timeline_id}", response_class=HTMLResponse)
def public_page(timeline_id: str, ctx: Context) -> HTMLResponse:
    """The read-only viewer (public timelines: everyone; private: their members)."""
    ctx.access(timeline_id, "viewer")
    timeline = ctx.store.get_timeline(timeline_id, published=True)
    return HTMLResponse(render(timeline, "html").content)


@router.get("/t/{timeline_id}/export/{fmt}")
def public_export(timeline_id: str, fmt: str, ctx: Context) -> Response:
    return export_response(ctx, timeline_id, fmt)


@router.get("/search", response_class=HTMLResponse)
def search_page(ctx: Context, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    visible = _timelines(ctx)
    titles = {t.id: t.title for t in visible}  # type: ignore[attr-defined]
    hits = ctx.store.search(q, timeline_ids=list(titles)) if q.strip() else []
    return page(ctx, "search.html", title="Search", q=q, hits=hits, titles=titles)


# --------------------------------------------------------------------------- accounts
@router.get("/login", response_class=HTMLResponse)
def login_page(ctx: Context) -> HTMLResponse:
    return page(ctx, "login.html", title="Log in", mode="login")


@router.get("/register", response_class=HTMLResponse)
def register_page(ctx: Context) -> HTMLResponse:
    return page(ctx, "login.html", title="Create an account", mode="register")


def _form_login(ctx: Ctx, mode: str, username: str, password: str) -> Response:
    try:
        if mode == "login":
            user_id = do_login(ctx, username, password)
        else:
            user_id = do_register(ctx, username, password)
    except ChronologistError as exc:
        title = "Log in" if mode == "login" else "Create an account"
        return page(
            ctx,
            "login.html",
            status=status_of(exc),
            title=title,
            mode=mode,
            error=str(exc),
            username=username,
        )
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(response, ctx, ctx.store.add_session(user_id))
    return response


@router.post("/login")
def login_form(
    ctx: Context,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    return _form_login(ctx, "login", username, password)


@router.post("/register")
def register_form(
    ctx: Context,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    return _form_login(ctx, "register", username, password)


@router.post("/logout")
def logout_form(ctx: Context) -> Response:
    if ctx.actor.session:
        ctx.store.delete_session(ctx.actor.session)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/account", response_class=HTMLResponse)
def account_page(ctx: Context) -> HTMLResponse:
    if ctx.actor.user is None:
        raise Unauthorized("Log in to see your account.")
    return page(
        ctx, "account.html", title="Account", tokens=ctx.store.list_api_tokens(ctx.actor.user.id)
    )
