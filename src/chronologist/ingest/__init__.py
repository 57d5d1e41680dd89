"""Stage 1: read sources into text (plain text for now; more formats come with issue 3)."""

from __future__ import annotations

from chronologist.ingest.text import MAX_TEXT_BYTES, decode_text, read_text_file

__all__ = ["MAX_TEXT_BYTES", "decode_text", "read_text_file"]
