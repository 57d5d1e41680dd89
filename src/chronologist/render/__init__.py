"""Stage 6: write a ``Timeline`` in a named format (``render``)."""

from __future__ import annotations

from chronologist.render.json import SCHEMA_ID, timeline_from_dict, timeline_to_dict

__all__ = ["SCHEMA_ID", "timeline_from_dict", "timeline_to_dict"]
