"""HTML fragments (TimelineJS headlines and texts) to plain text, with the stdlib parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
)
"""Tags that end a line of text."""
HIDDEN_TAGS = frozenset({"script", "style", "template"})
"""Tags whose content is not text."""
_SPACES = re.compile(r"[^\S\n]+")
_WHITESPACE = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(_WHITESPACE.sub(" ", data))


def strip_tags(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, spaces tidied.

    As in a browser, line breaks in the source are spaces; block elements (``<p>``,
    ``<br>``, ...) become line breaks; runs of spaces become one space; blank lines go.
    """
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.chunks).split("\n"))
    return "\n".join(line for line in lines if line)
