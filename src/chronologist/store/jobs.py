"""Extraction jobs: their state, progress and cancellation, and storing what they found.

A job's events are written in one transaction when it finishes (``add_job_result``); a
cancelled, failed or killed job writes none. ``fail_unfinished_jobs`` (run when a server
starts) marks the jobs a stopped server left behind as failed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from chronologist.errors import InputError
from chronologist.models import Conflict, Event
from chronologist.store import codec
from chronologist.store.base import (
    Base,
    aware,
    insert_events,
    lock_timeline,
    must,
    now,
    reorder,
    touch,
)
from chronologist.store.records import JOB_STATUSES, Job, NotFound
from chronologist.store.schema import conflicts, events, jobs, sources
from chronologist.store.timelines import insert_conflicts, next_position, require_timeline

FINISHED = ("done", "failed", "cancelled")


def _job(row: Any) -> Job:
    return Job(
        id=row.id,
        timeline_id=row.timeline_id,
        user_id=row.user_id,
        status=row.status,
        progress=float(row.progress),
        message=row.message,
        cancel_requested=bool(row.cancel_requested),
        source_ids=tuple(json.loads(row.source_ids)),
        created_at=must(row.created_at),
        finished_at=aware(row.finished_at),
        result=json.loads(row.result),
    )


class Jobs(Base):
    """Background extraction jobs."""

    def add_job(self, timeline_id: str, *, user_id: int | None, source_ids: Sequence[str]) -> Job:
        """A queued extraction job over some of a timeline's sources."""
        if not source_ids:
            raise InputError("Nothing to extract: every source was already extracted.")
        with self._write() as conn:
            require_timeline(conn, timeline_id)
            known = set(
                conn.execute(
                    sa.select(sources.c.source_id).where(sources.c.timeline_id == timeline_id)
                ).scalars()
            )
            missing = [s for s in source_ids if s not in known]
            if missing:
                raise NotFound(f"No source {missing[0]!r} in timeline {timeline_id!r}.")
            row = conn.execute(
                jobs.insert()
                .values(
                    timeline_id=timeline_id,
                    user_id=user_id,
                    status="queued",
                    progress=0.0,
                    message="Waiting to start",
                    cancel_requested=False,
                    source_ids=codec.dumps(list(source_ids)),
                    result="{}",
                    created_at=now(),
                )
                .returning(jobs)
            ).one()
        return _job(row)

    def get_job(self, job_id: int) -> Job:
        """A job (raises ``NotFound``)."""
        with self._read() as conn:
            row = conn.execute(sa.select(jobs).where(jobs.c.id == job_id)).first()
        if row is None:
            raise NotFound(f"No job {job_id}.")
        return _job(row)

    def list_jobs(self, timeline_id: str, *, limit: int = 20) -> list[Job]:
        """A timeline's jobs, newest first."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(jobs)
                .where(jobs.c.timeline_id == timeline_id)
                .order_by(jobs.c.id.desc())
                .limit(limit)
            ).all()
        return [_job(row) for row in rows]

    def update_job(
        self,
        job_id: int,
        *,
        status: str | None = None,
        progress: float | None = None,
        message: str | None = None,
    ) -> Job:
        """Record a job's progress (a finished job is left as it is)."""
        values: dict[str, Any] = {}
        if status is not None:
            if status not in JOB_STATUSES:
                raise InputError(f"Unknown job status {status!r}.")
            values["status"] = status
            if status == "running":
                values["started_at"] = now()
            if status in FINISHED:
                values["finished_at"] = now()
        if progress is not None:
            values["progress"] = min(1.0, max(0.0, progress))
        if message is not None:
            values["message"] = message[:2000]
        with self._write() as conn:
            if values:
                conn.execute(
                    jobs.update()
                    .where(jobs.c.id == job_id, jobs.c.status.not_in(FINISHED))
                    .values(values)
                )
        return self.get_job(job_id)

    def cancel_job(self, job_id: int) -> Job:
        """Ask a job to stop: a queued job is cancelled at once, a running one at its next
        step (what it found is not stored)."""
        with self._write() as conn:
            row = conn.execute(sa.select(jobs).where(jobs.c.id == job_id)).first()
            if row is None:
                raise NotFound(f"No job {job_id}.")
            if row.status == "queued":
                conn.execute(
                    jobs.update()
                    .where(jobs.c.id == job_id)
                    .values(
                        status="cancelled",
                        cancel_requested=True,
                        message="Cancelled",
                        finished_at=now(),
                    )
                )
            elif row.status == "running":
                conn.execute(
                    jobs.update()
                    .where(jobs.c.id == job_id)
                    .values(cancel_requested=True, message="Cancelling")
                )
        return self.get_job(job_id)

    def add_job_result(
        self,
        job_id: int,
        found: Sequence[Event],
        found_conflicts: Sequence[Conflict],
        *,
        status: str = "proposed",
    ) -> Job:
        """Store what a job extracted and mark it done, all in one transaction.

        Events and conflicts whose ids the timeline already has are skipped (extraction
        ids are deterministic). A job asked to cancel is marked cancelled and stores
        nothing.
        """
        with self._write() as conn:
            row = conn.execute(sa.select(jobs).where(jobs.c.id == job_id)).first()
            if row is None:
                raise NotFound(f"No job {job_id}.")
            if row.status in FINISHED:
                return _job(row)
            lock_timeline(conn, row.timeline_id)
            stamp = now()
            if row.cancel_requested:
                conn.execute(
                    jobs.update()
                    .where(jobs.c.id == job_id)
                    .values(status="cancelled", message="Cancelled", finished_at=stamp)
                )
            else:
                self._store_result(conn, row, found, found_conflicts, status)
        return self.get_job(job_id)

    def _store_result(
        self,
        conn: Connection,
        row: Any,
        found: Sequence[Event],
        found_conflicts: Sequence[Conflict],
        status: str,
    ) -> None:
        stamp = now()
        job_id = row.id
        timeline_id = row.timeline_id
        have = set(
            conn.execute(
                sa.select(events.c.event_id).where(events.c.timeline_id == timeline_id)
            ).scalars()
        )
        fresh = [e for e in found if e.id not in have]
        pks = insert_events(
            conn,
            timeline_id,
            fresh,
            status=status,
            origin="extracted",
            first_position=next_position(conn, events, timeline_id),
        )
        if pks and have:
            reorder(conn, timeline_id, pks)
        have_conflicts = set(
            conn.execute(
                sa.select(conflicts.c.conflict_id).where(conflicts.c.timeline_id == timeline_id)
            ).scalars()
        )
        new_conflicts = [c for c in found_conflicts if c.id not in have_conflicts]
        insert_conflicts(
            conn,
            timeline_id,
            new_conflicts,
            first_position=next_position(conn, conflicts, timeline_id),
        )
        conn.execute(
            sources.update()
            .where(
                sources.c.timeline_id == timeline_id,
                sources.c.source_id.in_(json.loads(row.source_ids)),
            )
            .values(extracted_at=stamp)
        )
        result = {
            "events": len(fresh),
            "skipped": len(found) - len(fresh),
            "conflicts": len(new_conflicts),
        }
        conn.execute(
            jobs.update()
            .where(jobs.c.id == job_id)
            .values(
                status="done",
                progress=1.0,
                message=f"Found {len(fresh)} new events",
                result=codec.dumps(result),
                finished_at=stamp,
            )
        )
        touch(conn, timeline_id)

    def fail_unfinished_jobs(self) -> int:
        """Mark queued and running jobs failed (their server stopped); how many."""
        with self._write() as conn:
            return conn.execute(
                jobs.update()
                .where(jobs.c.status.in_(("queued", "running")))
                .values(
                    status="failed",
                    message="The server stopped before the job finished: run it again.",
                    finished_at=now(),
                )
            ).rowcount
