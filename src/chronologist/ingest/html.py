"""HTML: the article's main text as extracted by trafilatura (boilerplate dropped).

Offsets point into the extracted text, not into the HTML. Title and author come from the
page's metadata (``<title>``, ``og:title``, ``<meta name="author">``, JSON-LD, ...).
"""

from __future__ import annotations

from trafilatura import bare_extraction
from trafilatura.settings import Document

from chronologist.errors import DecodeError, InputError
from chronologist.ingest._common import Raw, make_source
from chronologist.models import Source


def extract(raw: Raw, *, precise: bool) -> Document | None:
    """trafilatura's main-text extraction (comments left out), or None when it finds none."""
    try:
        result = bare_extraction(
            raw.data,
            url=raw.url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=precise,
            favor_recall=not precise,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(
            f"Cannot read {raw.name!r}: could not parse this HTML ({type(exc).__name__}: {exc})."
        ) from exc
    if isinstance(result, Document) and result.text and result.text.strip():
        return result
    return None


def read_html(raw: Raw) -> Source:
    """An HTML page; precision first, recall as a fallback for pages that give nothing."""
    if b"\x00" in raw.data[:8192]:
        raise DecodeError(f"Cannot read {raw.name!r}: it looks like a binary file (NUL bytes).")
    doc = extract(raw, precise=True) or extract(raw, precise=False)
    if doc is None or doc.text is None:
        raise InputError(
            f"Cannot read {raw.name!r}: found no main text in this HTML page.",
            hint="If the page builds its text with JavaScript, save the rendered page and "
            "ingest that file.",
        )
    return make_source(
        raw,
        kind="html",
        text=doc.text,
        title=(doc.title or "").strip() or raw.stem,
        author=(doc.author or "").strip() or None,
    )
