"""Who is asking, what they may do, and CSRF and login-rate protection.

* **Single-user mode** (the default, loopback only): every request acts as the local
  user, who owns every timeline. No login.
* **Multi-user mode**: a session cookie (``chronologist_session``: HttpOnly,
  SameSite=Lax, Secure over https) from logging in, or ``Authorization: Bearer <API
  token>``. Anonymous visitors see public timelines only.
* **Roles** per timeline: viewer < editor < owner. A private timeline is invisible
  (404) to anyone without a role; a visible one answers 403 to what the role does not
  allow.
* **CSRF**: every state-changing request not authenticated by a Bearer token must carry
  the CSRF token (header ``X-CSRF-Token`` or form field ``csrf_token``). The token is an
  HMAC of a random per-browser cookie (``chronologist_csrf``) and the session, so another
  site can neither read nor forge it. ``GET /api/session`` hands it out.
* **Login rate limit**: after ``login_attempts`` failures for one user name from one
  address within ``login_window`` seconds, logins answer 429 until the window passes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Literal

from fastapi import Request

from chronologist.store import NotFound, Role, Store, TimelineInfo, User
from chronologist.web.errors import Forbidden, TooManyRequests, Unauthorized

SESSION_COOKIE = "chronologist_session"
CSRF_COOKIE = "chronologist_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
RANK: dict[str, int] = {"viewer": 1, "editor": 2, "owner": 3}
Need = Literal["viewer", "editor", "owner"]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is making a request."""

    user: User | None
    via: Literal["local", "session", "token", "anonymous"]
    session: str | None = None
    """The session token, when logged in with a cookie."""

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user else None


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if any."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def resolve_actor(request: Request, store: Store, *, multi_user: bool, local: User) -> Actor:
    """The actor of a request (raises ``Unauthorized`` for a bad API token)."""
    token = bearer_token(request)
    if token is not None:
        user = store.get_token_user(token)
        if user is None:
            raise Unauthorized("That API token is not valid (revoked or mistyped).")
        return Actor(user, "token")
    if not multi_user:
        return Actor(local, "local")
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        user = store.get_session_user(session)
        if user is not None:
            return Actor(user, "session", session)
    return Actor(None, "anonymous")


# ---------------------------------------------------------------------------------- CSRF
def csrf_seed(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie value, and whether it is new (to be set)."""
    seed = request.cookies.get(CSRF_COOKIE, "")
    if len(seed) >= 16 and seed.isascii():
        return seed, False
    return secrets.token_urlsafe(24), True


def csrf_token(secret: bytes, seed: str, session: str | None) -> str:
    """The token pages embed and API clients send back."""
    message = f"{seed}|{session or ''}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def check_csrf(secret: bytes, seed: str, session: str | None, given: str | None) -> None:
    """Raise ``Forbidden`` unless ``given`` is this browser's CSRF token."""
    if not given or not hmac.compare_digest(given, csrf_token(secret, seed, session)):
        raise Forbidden(
            "Missing or wrong CSRF token: reload the page and try again.",
            hint=f"API clients: send the {CSRF_HEADER} header from GET /api/session "
            "with its cookie, or use an API token.",
        )


# ------------------------------------------------------------------------- rate limits
class LoginLimiter:
    """Counts failed logins per (user name, address) in a sliding window."""

    def __init__(self, attempts: int, window: float) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def check(self, username: str, address: str) -> None:
        """Raise ``TooManyRequests`` while the limit is reached."""
        key, now = (username.lower(), address), time.monotonic()
        with self._lock:
            failures = self._recent(key, now)
            if len(failures) >= self.attempts:
                wait = max(1, int(failures[0] + self.window - now) + 1)
                raise TooManyRequests(
                    f"Too many failed logins for {username!r}: try again in {wait} seconds.",
                    retry_after=wait,
                )

    def fail(self, username: str, address: str) -> None:
        key, now = (username.lower(), address), time.monotonic()
        with self._lock:
            self._recent(key, now).append(now)
            if len(self._failures) > 10_000:  # forget the quiet ones
                for k in [k for k, v in self._failures.items() if not v]:
                    del self._failures[k]

    def succeed(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username.lower(), address), None)


# ------------------------------------------------------------------------- permissions
def role_for(store: Store, actor: Actor, info: TimelineInfo) -> Role | None:
    """The actor's role on a timeline (single-user mode: owner of everything)."""
    if actor.via == "local":
        return "owner"
    return store.get_role(info.id, actor.user_id)


def access(
    store: Store, actor: Actor, timeline_id: str, need: Need
) -> tuple[TimelineInfo, Role | None]:
    """The timeline if the actor may ``need`` it: 404 when they cannot see it at all, 403
    when they can see it but may not do this."""
    info = store.get_timeline_info(timeline_id)
    role = role_for(store, actor, info)
    if role is None and not info.public:
        raise NotFound(f"No timeline {timeline_id!r}.")
    if need != "viewer" and (role is None or RANK[role] < RANK[need]):
        if actor.user is None:
            raise Forbidden("Log in with a role on this timeline to change it.")
        raise Forbidden(f"Your role on this timeline ({role or 'none'}) does not allow this.")
    return info, role
