"""A job's database record: claimed, progressing, done or failed — each change published."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from ecluse.events import EventBus, job_channel
from ecluse.jobs.lease import Lease, LeaseLost
from ecluse.jobs.models import Job


async def create_job(job_id: str, kind: str, *, company_id: int | None, batch_id: int | None) -> Job:
    return await Job.create(id=job_id, kind=kind, company_id=company_id, batch_id=batch_id)


class JobReporter:
    """Progress for one run of a job; publishes at most every `interval` seconds (plus the last one).

    With a lease, every write is conditional on this runner still holding the job: a run that lost it
    (another runner took the job up) raises LeaseLost at its next progress and writes nothing more."""

    def __init__(self, job_id: str, bus: EventBus, interval: float = 0.2, lease: Lease | None = None) -> None:
        self.job_id = job_id
        self.bus = bus
        self.interval = interval
        self.lease = lease
        self._last = 0.0

    def _record(self) -> Any:
        if self.lease is None:
            return Job.filter(id=self.job_id)
        return Job.filter(id=self.job_id, worker_id=self.lease.runner_id, state="running")

    async def start(self) -> int:
        """Announce the run (the claim already marked the record running)."""
        await self._publish()
        return self.lease.attempt if self.lease is not None else 0

    async def progress(self, percent: int, *, force: bool = False) -> bool:
        """Store and publish progress; returns whether it was published (throttled)."""
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return False
        self._last = now
        if not await self._record().update(progress=max(0, min(100, percent))) and self.lease is not None:
            raise LeaseLost(self.job_id)
        await self._publish()
        return True

    async def done(self) -> None:
        await self._record().update(
            state="done", progress=100, finished_at=datetime.now(UTC), lease_until=None
        )
        await self._publish()

    async def fail(self, error: str) -> None:
        await self._record().update(
            state="failed", error=error[:2000], finished_at=datetime.now(UTC), lease_until=None
        )
        await self._publish()

    async def _publish(self, **extra: Any) -> None:
        await self.bus.publish(job_channel(self.job_id), {"job_id": self.job_id, **extra})
