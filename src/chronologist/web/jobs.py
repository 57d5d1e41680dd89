"""Extraction jobs in background threads.

A job reads its sources through ``build_timeline`` (spaCy: about a second a page),
reporting progress after each source and checking whether it was asked to cancel. What
it found is stored in one transaction at the end (``Store.add_job_result``), so a
cancelled, failed or killed job leaves the timeline as it was.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from chronologist.errors import ChronologistError
from chronologist.models import Source, Timeline
from chronologist.store import Store

log = logging.getLogger("chronologist.web.jobs")

Build = Callable[..., Timeline]


class Cancelled(Exception):
    """Raised inside a job's progress callback when someone cancelled it."""


def _default_build(sources: list[Source], *, progress: Callable[[Source], None]) -> Timeline:
    from chronologist.pipeline import build_timeline

    return build_timeline(sources, progress=progress)


class JobRunner:
    """Runs extraction jobs on a small thread pool."""

    def __init__(self, store: Store, *, workers: int = 1, build: Build | None = None) -> None:
        self.store = store
        self.build = build or _default_build
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="extract")
        self._futures: dict[int, Future[None]] = {}

    def submit(self, job_id: int) -> None:
        """Queue a job (stored as "queued" already)."""
        self._futures[job_id] = self._pool.submit(self.run, job_id)

    def wait(self, job_id: int, timeout: float | None = None) -> None:
        """Block until a job submitted here has finished (for tests and scripts)."""
        future = self._futures.get(job_id)
        if future is not None:
            future.result(timeout=timeout)

    def shutdown(self) -> None:
        """Cancel queued work, ask running jobs to stop, and wait for the threads."""
        for job_id, future in list(self._futures.items()):
            if not future.done():
                with contextlib.suppress(ChronologistError):
                    self.store.cancel_job(job_id)
        self._pool.shutdown(wait=True, cancel_futures=True)
        with contextlib.suppress(ChronologistError):
            self.store.fail_unfinished_jobs()

    def run(self, job_id: int) -> None:
        """Run one job to its end (never raises)."""
        store = self.store
        try:
            job = store.update_job(job_id, status="running", message="Starting")
            if job.status != "running":  # cancelled while queued
                return
            sources = [store.get_source(job.timeline_id, s).source for s in job.source_ids]
            done = 0

            def progress(source: Source) -> None:
                nonlocal done
                done += 1
                state = store.update_job(
                    job_id,
                    progress=0.95 * done / len(sources),
                    message=f"Read {done} of {len(sources)} sources ({source.title[:80]})",
                )
                if state.cancel_requested:
                    raise Cancelled

            store.update_job(job_id, progress=0.02, message=f"Reading {len(sources)} sources")
            if store.get_job(job_id).cancel_requested:
                raise Cancelled
            timeline = self.build(sources, progress=progress)
            store.add_job_result(job_id, timeline.events, timeline.conflicts)
        except Cancelled:
            store.update_job(job_id, status="cancelled", message="Cancelled: nothing was stored")
        except ChronologistError as exc:
            self._fail(job_id, str(exc))
        except Exception:
            log.exception("Extraction job %s failed", job_id)
            self._fail(job_id, "Extraction failed unexpectedly; it has been logged.")

    def _fail(self, job_id: int, message: str) -> None:
        try:
            self.store.update_job(job_id, status="failed", message=message)
        except ChronologistError:  # pragma: no cover - database gone
            log.exception("Cannot record the failure of job %s", job_id)
