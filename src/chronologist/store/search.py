"""Full-text search over events and sources, one API over two engines.

SQLite: FTS5 tables ``events_fts`` and ``sources_fts`` (external content, porter
stemming, kept in sync with ``events``/``sources`` by triggers the first migration makes).
PostgreSQL: generated ``tsvector`` columns (``english`` configuration) with GIN indexes.

A query is a list of words, all of which must match (stemmed: "exiled" finds "exile");
operators and punctuation are ignored, so any text is a safe query.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, Literal

import sqlalchemy as sa

from chronologist.store.base import Base
from chronologist.store.records import SearchHit

WORD = re.compile(r"\w+")
MAX_WORDS = 16
SNIPPET_CHARS = 160

_SQLITE = {
    "event": (
        "SELECT e.timeline_id, e.event_id AS id, e.title, e.search_text AS body "
        "FROM events_fts JOIN events e ON e.pk = events_fts.rowid "
        "WHERE events_fts MATCH :query {scope} ORDER BY events_fts.rank LIMIT :limit"
    ),
    "source": (
        "SELECT s.timeline_id, s.source_id AS id, s.title, s.text AS body "
        "FROM sources_fts JOIN sources s ON s.pk = sources_fts.rowid "
        "WHERE sources_fts MATCH :query {scope} ORDER BY sources_fts.rank LIMIT :limit"
    ),
}
_POSTGRESQL = {
    "event": (
        "SELECT e.timeline_id, e.event_id AS id, e.title, e.search_text AS body "
        "FROM events e, plainto_tsquery('english', :query) q "
        "WHERE e.search_vector @@ q {scope} "
        "ORDER BY ts_rank(e.search_vector, q) DESC, e.pk LIMIT :limit"
    ),
    "source": (
        "SELECT s.timeline_id, s.source_id AS id, s.title, s.text AS body "
        "FROM sources s, plainto_tsquery('english', :query) q "
        "WHERE s.search_vector @@ q {scope} "
        "ORDER BY ts_rank(s.search_vector, q) DESC, s.pk LIMIT :limit"
    ),
}


def query_words(query: str) -> list[str]:
    """The words of a query (at most ``MAX_WORDS``)."""
    return WORD.findall(query)[:MAX_WORDS]


def snippet(text: str, words: list[str]) -> str:
    """Plain text around the first place a query word (or its stem) appears."""
    lowered = text.lower()
    hits = []
    for word in words:
        stem = word.lower()[: max(4, len(word) - 2)]
        at = lowered.find(stem)
        if at >= 0:
            hits.append(at)
    at = min(hits) if hits else 0
    start = max(0, at - SNIPPET_CHARS // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    piece = " ".join(text[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")


class Search(Base):
    """``search``."""

    def search(
        self,
        query: str,
        *,
        timeline_ids: Collection[str] | None = None,
        kinds: Collection[str] = ("event", "source"),
        limit: int = 20,
    ) -> list[SearchHit]:
        """Events and sources matching every word of ``query``, best first (events before
        sources), within ``timeline_ids`` when given."""
        words = query_words(query)
        if not words or (timeline_ids is not None and not timeline_ids):
            return []
        if self.dialect == "sqlite":
            sql, text_query = _SQLITE, " ".join('"' + w.replace('"', "") + '"' for w in words)
        else:
            sql, text_query = _POSTGRESQL, " ".join(words)
        limit = max(1, min(limit, 200))
        hits: list[SearchHit] = []
        with self._read() as conn:
            kind: Literal["event", "source"]
            for kind in ("event", "source"):
                if kind not in kinds:
                    continue
                alias = "e" if kind == "event" else "s"
                params: dict[str, Any] = {"query": text_query, "limit": limit}
                scope = ""
                statement = sa.text(sql[kind].format(scope=scope))
                if timeline_ids is not None:
                    scope = f"AND {alias}.timeline_id IN :ids"
                    params["ids"] = list(timeline_ids)
                    statement = sa.text(sql[kind].format(scope=scope)).bindparams(
                        sa.bindparam("ids", expanding=True)
                    )
                for row in conn.execute(statement, params):
                    hits.append(
                        SearchHit(
                            kind=kind,
                            timeline_id=row.timeline_id,
                            id=row.id,
                            title=row.title,
                            snippet=snippet(row.body, words),
                        )
                    )
        return hits[:limit]
