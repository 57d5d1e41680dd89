"""Server-rendered pages: one Jinja2 environment (autoescape on for everything)."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from jinja2 import Environment, PackageLoader

from chronologist.web.dates import describe

EMBED = (
    '<iframe src="{{ url }}" title="{{ title }}" width="100%" height="640" '
    'style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>'
)


@cache
def environment() -> Environment:
    """The pages' templates (``chronologist/web/templates``), autoescaped."""
    env = Environment(
        loader=PackageLoader("chronologist.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human"] = describe
    env.filters["when"] = lambda dt: dt.strftime("%Y-%m-%d %H:%M UTC") if dt else ""
    return env


def embed_snippet(url: str, title: str) -> str:
    """The iframe HTML that embeds a public timeline (escaped like any template)."""
    return str(environment().from_string(EMBED).render(url=url, title=title))


def render_page(request: Request, name: str, **context: Any) -> str:
    """Render a page with what every page shows: who is logged in and the CSRF token."""
    state = getattr(request.app.state, "chronologist", None)
    actor = getattr(request.state, "actor", None)
    csrf = ""
    if state is not None and hasattr(request.state, "csrf_seed"):
        from chronologist.web.auth import csrf_token

        csrf = csrf_token(
            state.secret, request.state.csrf_seed, actor.session if actor is not None else None
        )
    base = {
        "request": request,
        "actor": actor,
        "multi_user": bool(state and state.settings.multi_user),
        "csrf_token": csrf,
        "page": name,
    }
    return environment().get_template(name).render(**base, **context)
