"""The web app: a thin FastAPI shell over the store, ingest and render.

``create_app(settings)`` builds it; ``chronologist serve`` runs it on uvicorn. Pages are
server-rendered (Jinja2, autoescaped) and change things through the JSON API under
``/api`` (documented at ``/docs``, ``/openapi.json``). ``/t/{id}`` is the read-only
viewer of a timeline, the one to share and embed.
"""

from __future__ import annotations

from chronologist.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
