"""A job's database record: claimed, progressing, done or failed — each change published."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from ecluse.events import EventBus, job_channel
from ecluse.jobs.models import Job


async def create_job(job_id: str, kind: str, *, company_id: int | None, batch_id: int | None) -> Job:
    return await Job.create(id=job_id, kind=kind, company_id=company_id, batch_id=batch_id)


class JobReporter:
    """Progress for one run of a job; publishes at most every `interval` seconds (plus the last one)."""

    def __init__(self, job_id: str, bus: EventBus, interval: float = 0.2) -> None:
        self.job_id = job_id
        self.bus = bus
        self.interval = interval
        self._last = 0.0

    async def start(self) -> int:
        job = await Job.get(id=self.job_id)
        job.attempts += 1
        job.state = "running"
        job.started_at = datetime.now(UTC)
        job.error = ""
        await job.save(update_fields=["attempts", "state", "started_at", "error"])
        await self._publish()
        return job.attempts

    async def progress(self, percent: int, *, force: bool = False) -> bool:
        """Store and publish progress; returns whether it was published (throttled)."""
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return False
        self._last = now
        await Job.filter(id=self.job_id).update(progress=max(0, min(100, percent)))
        await self._publish()
        return True

    async def done(self) -> None:
        await Job.filter(id=self.job_id).update(state="done", progress=100, finished_at=datetime.now(UTC))
        await self._publish()

    async def fail(self, error: str) -> None:
        await Job.filter(id=self.job_id).update(
            state="failed", error=error[:2000], finished_at=datetime.now(UTC)
        )
        await self._publish()

    async def _publish(self, **extra: Any) -> None:
        await self.bus.publish(job_channel(self.job_id), {"job_id": self.job_id, **extra})
