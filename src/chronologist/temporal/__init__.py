"""Stage 2: find time expressions in a text and normalize them (``tag_times``)."""

from __future__ import annotations

from chronologist.temporal.tagger import Mode, choose_mode, tag_times

__all__ = ["Mode", "choose_mode", "tag_times"]
