"""Stage 6: write a ``Timeline`` in a named format (``render``).

``RENDERERS`` maps each format name to its ``Renderer`` (the output suffix and media type
with it); built-ins register through ``register`` exactly as a plugin would. "html" is the
interactive viewer (``render.viewer``); the plain, script-free page is "plainhtml"
(``.plain.html``).
``format_for_path`` picks the format from an output file name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from chronologist.errors import ConfigError, UnsupportedFormat
from chronologist.models import Timeline
from chronologist.render import csv, html, ics, markdown, timelinejs, viewer
from chronologist.render import json as json_format
from chronologist.render._common import Rendered, human_date
from chronologist.render.json import SCHEMA_ID, timeline_from_dict, timeline_to_dict

__all__ = [
    "RENDERERS",
    "SCHEMA_ID",
    "Rendered",
    "Renderer",
    "format_for_path",
    "human_date",
    "register",
    "render",
    "timeline_from_dict",
    "timeline_to_dict",
]


@dataclass(frozen=True, slots=True)
class Renderer:
    """One output format."""

    name: str
    """The format name given to ``render`` ("json", "timelinejs", ...)."""
    suffix: str
    """The file-name ending that selects it (".json", ".timelinejs.json", ...)."""
    media_type: str
    render: Callable[[Timeline], Rendered]


RENDERERS: dict[str, Renderer] = {}

PLAIN_HTML = "plainhtml"
"""The plain, script-free HTML page ("html" is the interactive viewer)."""
PLAIN_HTML_SUFFIX = ".plain.html"


def register(renderer: Renderer) -> Renderer:
    """Add a renderer to ``RENDERERS`` (names and suffixes must be new)."""
    if renderer.name in RENDERERS:
        raise ConfigError(f"A renderer named {renderer.name!r} is already registered.")
    if any(r.suffix == renderer.suffix for r in RENDERERS.values()):
        raise ConfigError(f"A renderer for {renderer.suffix!r} files is already registered.")
    RENDERERS[renderer.name] = renderer
    return renderer


register(
    Renderer(
        json_format.FORMAT, json_format.SUFFIX, json_format.MEDIA_TYPE, json_format.render_json
    )
)
register(
    Renderer(
        timelinejs.FORMAT, timelinejs.SUFFIX, timelinejs.MEDIA_TYPE, timelinejs.render_timelinejs
    )
)
register(Renderer(csv.FORMAT, csv.SUFFIX, csv.MEDIA_TYPE, csv.render_csv))
register(Renderer(markdown.FORMAT, markdown.SUFFIX, markdown.MEDIA_TYPE, markdown.render_markdown))
register(Renderer(ics.FORMAT, ics.SUFFIX, ics.MEDIA_TYPE, ics.render_ics))
register(Renderer(viewer.FORMAT, viewer.SUFFIX, viewer.MEDIA_TYPE, viewer.render_viewer))
register(Renderer(PLAIN_HTML, PLAIN_HTML_SUFFIX, html.MEDIA_TYPE, html.render_html))


def _choices() -> str:
    return ", ".join(f"{r.name} ({r.suffix})" for r in RENDERERS.values())


def render(timeline: Timeline, fmt: str) -> Rendered:
    """Render ``timeline`` in the format named ``fmt`` (raises ``UnsupportedFormat``)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise UnsupportedFormat(f"Unknown output format {fmt!r}. Choose one of: {_choices()}.")
    return renderer.render(timeline)


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format an output file name asks for: the longest registered suffix it ends with."""
    name = os.path.basename(os.fspath(path)).lower()
    for renderer in sorted(RENDERERS.values(), key=lambda r: -len(r.suffix)):
        if name.endswith(renderer.suffix) and len(name) > len(renderer.suffix):
            return renderer.name
    raise UnsupportedFormat(
        f"Cannot write {os.fspath(path)!r}: no format for its file name ending. "
        f"Choose one of: {_choices()}.",
        hint="Rename the output file or name the format explicitly.",
    )
