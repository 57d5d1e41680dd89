"""PDF: the text layer as pypdf extracts it, pages joined with a blank line.

An encrypted PDF is read only when it opens with the empty password (owner-password-only
files); otherwise, and for PDFs without a text layer, an ``InputError`` says what to do.
"""

from __future__ import annotations

import io
import re

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from chronologist.errors import InputError
from chronologist.ingest._common import Raw, first_line_title, make_source
from chronologist.models import Source

PAGE_SEPARATOR = "\n\n"


def _unlock(reader: PdfReader, name: str) -> None:
    """Open an encrypted PDF with the empty password, or refuse it."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except DependencyError as exc:
        raise InputError(
            f"Cannot read {name!r}: the PDF is encrypted with AES, which needs the "
            "'cryptography' package.",
            hint="Decrypt it first, e.g. `qpdf --decrypt in.pdf out.pdf`.",
        ) from exc
    if not opened:
        raise InputError(
            f"Cannot read {name!r}: the PDF is encrypted (password-protected).",
            hint="Decrypt it first, e.g. `qpdf --password=... --decrypt in.pdf out.pdf`.",
        )


def _read(raw: Raw) -> tuple[str, str | None, str | None]:
    """(text, metadata title, metadata author); pypdf's own errors become ``InputError``."""
    try:
        reader = PdfReader(io.BytesIO(raw.data))
        _unlock(reader, raw.name)
        text = PAGE_SEPARATOR.join(page.extract_text() or "" for page in reader.pages)
        meta = reader.metadata
        return text, meta.title if meta else None, meta.author if meta else None
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise InputError(
            f"Cannot read {raw.name!r}: not a readable PDF ({type(exc).__name__}: {exc})."
        ) from exc


def read_pdf(raw: Raw) -> Source:
    """A PDF with a text layer."""
    text, title, author = _read(raw)
    if not text.strip():
        raise InputError(
            f"Cannot read {raw.name!r}: the PDF has no text layer (a scanned document?).",
            hint="Run OCR on it first, e.g. `ocrmypdf in.pdf out.pdf`.",
        )
    return make_source(
        raw,
        kind="pdf",
        text=text,
        title=_real_title(title) or first_line_title(text, raw.stem),
        author=(author or "").strip() or None,
    )


_FILE_NAME = re.compile(r".+\.(?:html?|docx?|odt|rtf|txt|md|pdf|pages|tex)", re.IGNORECASE)


def _real_title(title: str | None) -> str | None:
    """A metadata title, unless it is empty or only the name of the file it was made from
    ("essay.docx", "page.html", "Microsoft Word - draft.doc")."""
    title = (title or "").strip()
    if not title or _FILE_NAME.fullmatch(title.split(" - ")[-1].strip()):
        return None
    return title
