"""Markdown: the text is the file unchanged; title and author from front matter or a heading."""

from __future__ import annotations

import re

from chronologist.ingest._common import Raw, first_line_title, make_source
from chronologist.ingest.text import decode_text
from chronologist.models import Source

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^(title|author)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M | re.I)
_ATX = re.compile(r"^[ ]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT = re.compile(r"^[ ]{0,3}(\S[^\r\n]*?)[ \t]*\r?\n[ ]{0,3}=+[ \t]*$", re.M)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """``title`` and ``author`` of a YAML front-matter block (no YAML parsing), and where the
    body after the block starts (0 without a block)."""
    block = _FRONT_MATTER.match(text)
    if not block:
        return {}, 0
    fields = {m.group(1).lower(): _unquote(m.group(2)) for m in _FIELD.finditer(block.group(1))}
    return fields, block.end()


def heading_title(text: str) -> str | None:
    """The first level-1 heading (``# Title`` or ``Title`` underlined with ``===``)."""
    found = [m for m in (_ATX.search(text), _SETEXT.search(text)) if m]
    if not found:
        return None
    return min(found, key=lambda m: m.start()).group(1).strip()


def read_markdown(raw: Raw) -> Source:
    """A markdown source: the decoded file unchanged (offsets point into the markdown)."""
    text = decode_text(raw.data, name=raw.name)
    meta, body = front_matter(text)
    title = (
        meta.get("title") or heading_title(text[body:]) or first_line_title(text[body:], raw.stem)
    )
    return make_source(raw, kind="markdown", text=text, title=title, author=meta.get("author"))
