"""Tokenizer for the rules tagger: words, numbers and single punctuation marks, with offsets.

The token pattern has no nested or overlapping quantifiers, so it runs in linear time on
any input. Long texts are cut into segments at line breaks (or, for a single huge line,
at white space) so memory stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN = re.compile(r"[0-9]+(?:[.,:][0-9]+)*|[^\W\d_]+|\S")
SEGMENT_CHARS = 20_000


@dataclass(slots=True)
class Token:
    """One token with its code-point offsets into the text."""

    text: str
    low: str
    start: int
    end: int
    space_before: bool
    """True when white space (or the segment start) precedes the token."""
    newline_before: bool
    """True when a line break lies between the previous token and this one."""


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``."""
    out: list[Token] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        gap = text[prev_end : m.start()]
        out.append(
            Token(
                m.group(),
                m.group().lower(),
                m.start() + offset,
                m.end() + offset,
                bool(gap) or not out,
                "\n" in gap,
            )
        )
        prev_end = m.end()
    return out


def segments(text: str, size: int = SEGMENT_CHARS) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into pieces of about ``size`` code points at paragraph/line/space breaks."""
    pos = 0
    n = len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, pos + size // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        yield pos, text[pos:end]
        pos = end
