"""Tokenizer for the rules tagger: words, numbers and single punctuation marks, with offsets.

The token pattern has no nested or overlapping quantifiers, so it runs in linear time on
any input. Long texts are cut into segments at line breaks (or, for a single huge line,
at white space) so memory stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
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


_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*")


def fold_headlines(text: str, words: Collection[str]) -> str:
    """``text`` with the ``words`` (time units) of its title-case lines in lower case
    ("Shutdown Ends After 16 Days"), so that their capitals mark no name ("60 Minutes");
    offsets are kept."""
    if "\n" not in text and not _title_case(text):
        return text
    out = []
    for line in text.splitlines(keepends=True):
        if _title_case(line):
            line = _WORD.sub(lambda m: _fold(m.group(), words), line)
        out.append(line)
    return "".join(out)


def _fold(word: str, words: Collection[str]) -> str:
    low = word.lower()
    return low if low in words and len(low) == len(word) else word


def _title_case(line: str) -> bool:
    """Most words of four letters or more capitalized and some short word in lower case
    ("to", "as"), in a line of three words or more that ends with no sentence mark: a
    headline (not a dateline, "WASHINGTON, August 8 (Xinhua) --")."""
    words: list[str] = _WORD.findall(line)
    long = [w for w in words if len(w) >= 4]
    if len(words) < 3 or len(long) < 2 or line.rstrip().endswith((".", "?", "!", ":")):
        return False
    if not any(w.islower() for w in words):
        return False
    return sum(w[0].isupper() for w in long) >= 0.8 * len(long)


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
