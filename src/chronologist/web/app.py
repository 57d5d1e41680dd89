"""``create_app(settings)``: the FastAPI application (no database work at import time)."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from chronologist import __version__
from chronologist.errors import ConfigError
from chronologist.store import Store, TimelineInfo, User, open_store
from chronologist.store.records import Role
from chronologist.web.auth import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    SAFE_METHODS,
    SESSION_COOKIE,
    Actor,
    LoginLimiter,
    Need,
    access,
    bearer_token,
    check_csrf,
    csrf_seed,
    csrf_token,
    resolve_actor,
)
from chronologist.web.cache import RenderCache
from chronologist.web.errors import error_response, install_error_handlers
from chronologist.web.jobs import Build, JobRunner

STATIC = Path(__file__).parent / "static"
MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the web app runs (``chronologist serve`` builds one from its options)."""

    database_url: str | None = None
    """Default: ``DATABASE_URL``, else a SQLite file in the user's data directory."""
    multi_user: bool = False
    """Accounts, logins and roles; off: one local user, no login (loopback only)."""
    allow_private: bool = False
    """Let source URLs point at private, loopback and link-local addresses."""
    secret_key: str | None = None
    """Signs CSRF tokens; default: random per start (open pages then need a reload)."""
    max_upload_bytes: int = 10 * MiB
    """Largest upload, pasted text or fetched page."""
    registration: bool = True
    """Multi-user mode: anyone may create an account."""
    secure_cookies: bool | None = None
    """Mark cookies Secure; default: when the request came over https."""
    login_attempts: int = 5
    login_window: float = 60.0
    """Failed logins allowed per user name and address within this many seconds."""
    job_workers: int = 1
    """Extraction jobs running at once (each loads spaCy's pipeline once per process)."""

    def __post_init__(self) -> None:
        if self.max_upload_bytes < 1024:
            raise ConfigError("max_upload_bytes must be at least 1024.")
        if self.login_attempts < 1 or self.login_window <= 0:
            raise ConfigError("login_attempts must be >= 1 and login_window > 0.")
        if self.job_workers < 1:
            raise ConfigError("job_workers must be at least 1.")


@dataclass
class AppState:
    """What every request handler reaches through ``request.app.state.chronologist``."""

    settings: WebSettings
    store: Store
    runner: JobRunner
    limiter: LoginLimiter
    secret: bytes
    local_user: User
    owns_store: bool = True
    renders: RenderCache = field(default_factory=RenderCache)
    extra: dict[str, Any] = field(default_factory=dict)


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.chronologist
    return state


_bearer = HTTPBearer(auto_error=False, description="An API token from POST /api/tokens.")


@dataclass
class Ctx:
    """One request's context: the app state and who is asking."""

    request: Request
    state: AppState
    actor: Actor

    @property
    def store(self) -> Store:
        return self.state.store

    @property
    def settings(self) -> WebSettings:
        return self.state.settings

    def access(self, timeline_id: str, need: Need) -> tuple[TimelineInfo, Role | None]:
        return access(self.store, self.actor, timeline_id, need)

    def csrf(self) -> str:
        return csrf_token(self.state.secret, self.request.state.csrf_seed, self.actor.session)

    def base_url(self) -> str:
        return str(self.request.base_url).rstrip("/")


def context(request: Request, _token: Annotated[Any, Depends(_bearer)] = None) -> Ctx:
    """The request's ``Ctx`` (a FastAPI dependency)."""
    state = app_state(request)
    cached = getattr(request.state, "actor", None)
    if cached is None:
        cached = resolve_actor(
            request, state.store, multi_user=state.settings.multi_user, local=state.local_user
        )
        request.state.actor = cached
    return Ctx(request, state, cached)


async def csrf_guard(request: Request) -> None:
    """Every state-changing request without a Bearer token needs the CSRF token."""
    if request.method in SAFE_METHODS or bearer_token(request) is not None:
        return
    given = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if not given and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    state = app_state(request)
    check_csrf(state.secret, request.state.csrf_seed, request.cookies.get(SESSION_COOKIE), given)


def secure(request: Request, settings: WebSettings) -> bool:
    """Whether cookies get the Secure flag."""
    if settings.secure_cookies is not None:
        return settings.secure_cookies
    return request.url.scheme == "https"


def _install_middleware(app: FastAPI, settings: WebSettings) -> None:
    limit = settings.max_upload_bytes + MiB  # room for form fields and JSON quoting

    @app.middleware("http")
    async def _edge(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            return error_response(
                request, 413, f"The request is larger than the limit ({limit // MiB} MiB)."
            )
        seed, new = csrf_seed(request)
        request.state.csrf_seed = seed
        response = await call_next(request)
        if new:
            response.set_cookie(
                CSRF_COOKIE,
                seed,
                httponly=True,
                samesite="lax",
                secure=secure(request, settings),
                path="/",
            )
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        if request.url.path.startswith("/t/"):
            # public pages may be embedded anywhere (the viewer brings its own CSP)
            headers.setdefault("Content-Security-Policy", "frame-ancestors *")
        else:
            headers.setdefault("X-Frame-Options", "DENY")
            docs = request.url.path in ("/docs", "/redoc", "/docs/oauth2-redirect")
            if headers.get("content-type", "").startswith("text/html") and not docs:
                # (FastAPI's /docs and /redoc load Swagger UI and ReDoc from their CDN)
                headers.setdefault(
                    "Content-Security-Policy",
                    "default-src 'self'; img-src 'self' https: data:; script-src 'self'; "
                    "style-src 'self'; frame-src 'self'; frame-ancestors 'none'; "
                    "base-uri 'none'; form-action 'self'",
                )
        return response


def create_app(
    settings: WebSettings | None = None,
    *,
    store: Store | None = None,
    build: Build | None = None,
) -> FastAPI:
    """The web app: pages, the JSON API (``/api``, OpenAPI at ``/openapi.json`` and
    ``/docs``) and public pages (``/t/{id}``).

    ``store`` shares an open store (the app then leaves it open); ``build`` replaces
    ``build_timeline`` in extraction jobs (for tests).
    """
    from chronologist.web import routes_api, routes_pages

    settings = settings or WebSettings()
    owns = store is None
    opened = store or open_store(settings.database_url)
    opened.fail_unfinished_jobs()
    state = AppState(
        settings=settings,
        store=opened,
        runner=JobRunner(opened, workers=settings.job_workers, build=build),
        limiter=LoginLimiter(settings.login_attempts, settings.login_window),
        secret=(settings.secret_key or secrets.token_hex(32)).encode(),
        local_user=opened.get_local_user(),
        owns_store=owns,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.runner.shutdown()
        if state.owns_store:
            state.store.close()

    app = FastAPI(
        title="chronologist",
        version=__version__,
        description=(
            "Make, review, edit and share timelines. Errors have one shape: "
            '`{"ok": false, "error": "...", "status": N}`. State-changing calls need '
            "an API token (`Authorization: Bearer ...`) or, from a browser, the "
            "`X-CSRF-Token` header from `GET /api/session`."
        ),
        lifespan=lifespan,
    )
    app.state.chronologist = state
    install_error_handlers(app)
    _install_middleware(app, settings)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    return app
