"""Rendered responses per timeline revision, so repeated reads skip the database and rendering.

A key holds the timeline's ``updated_at``, which every write to the timeline moves (the
store's ``touch``); a request reads it with the access check, before the content, so an
entry never holds content older than its key. Entries are bytes, dropped least recently
used first past ``max_bytes``. The weak ETag lets clients revalidate with
``If-None-Match`` and get ``304 Not Modified``.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from fastapi import Request, Response

from chronologist.store import TimelineInfo

MiB = 1024 * 1024
CACHE_CONTROL = "private, no-cache"
"""Browsers keep it and revalidate each time; shared caches never store it."""


class RenderCache:
    """A thread-safe LRU of rendered bodies, bounded in bytes."""

    def __init__(self, max_bytes: int = 64 * MiB) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
                return body
        body = make()  # outside the lock: two misses may both render, one is kept
        if len(body) <= self.max_bytes // 4:
            with self._lock:
                if key not in self._items:
                    self._items[key] = body
                    self._size += len(body)
                while self._size > self.max_bytes:
                    _, dropped = self._items.popitem(last=False)
                    self._size -= len(dropped)
        return body


def revision_key(info: TimelineInfo, *what: Hashable) -> tuple[Hashable, ...]:
    """The cache key of one rendering of a timeline at its current revision."""
    return (info.id, info.updated_at.isoformat(), *what)


def etag(key: tuple[Hashable, ...]) -> str:
    return 'W/"' + hashlib.sha256(repr(key).encode()).hexdigest()[:32] + '"'


def cached_response(
    request: Request,
    cache: RenderCache,
    key: tuple[Hashable, ...],
    make: Callable[[], bytes],
    *,
    media_type: str,
    headers: dict[str, str] | None = None,
) -> Response:
    """``make()``'s body from the cache, or 304 when the client already has it."""
    tag = etag(key)
    vary = {"ETag": tag, "Cache-Control": CACHE_CONTROL, **(headers or {})}
    seen = request.headers.get("if-none-match", "")
    if tag in (t.strip() for t in seen.split(",")):
        return Response(status_code=304, headers={"ETag": tag, "Cache-Control": CACHE_CONTROL})
    return Response(cache.get_or_make(key, make), media_type=media_type, headers=vary)
