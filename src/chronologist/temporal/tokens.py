"""Tokenizer for the rules tagger: words, numbers and single punctuation marks, with offsets.

The token pattern has no nested or overlapping quantifiers, so it runs in linear time on
any input. Long texts are cut into segments at line breaks (or, for a single huge line,
at white space) so memory stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN = re.compile(r"(\s*)([0-9]+(?:[.,:][0-9]+)*|[^\W\d_]+|\S)")
"""White space, then a token: numbers, runs of letters, or any other single mark."""
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
    paragraph_before: bool
    """True when two line breaks do (a blank line: a headline's or a paragraph's end)."""
    ends: bool | None = None
    """Whether the token ends a sentence: worked out once, on first asking
    (``tense.ends_sentence``), as it depends only on the tokens around it."""
    marker: tuple[object, int] | None = None
    """The tense the token tells and the word lists it was read with (``tense._marker``)."""


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``."""
    out: list[Token] = []
    pos = offset
    # without trailing white space, each run of it is followed by a token: no backtracking
    for gap, word in _TOKEN.findall(text.rstrip()):
        pos += len(gap)
        end = pos + len(word)
        lines = gap.count("\n")
        out.append(Token(word, word.lower(), pos, end, bool(gap), lines > 0, lines > 1))
        pos = end
    if out:
        out[0].space_before = True
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
