"""Jobs as the API and the health check read them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ecluse.jobs.models import Job, Worker
from ecluse.jobs.workers import alive_since


async def job(job_id: str) -> Job:
    return await Job.get(id=job_id)


async def latest_jobs(batch_ids: Sequence[int]) -> list[Job | None]:
    """One query for many batches (a DataLoader's batch): each batch's most recent job, None if none."""
    latest: dict[int, Job] = {}
    for found in await Job.filter(batch_id__in=list(batch_ids)).order_by("created_at"):
        if found.batch_id is not None:
            latest[found.batch_id] = found
    return [latest.get(i) for i in batch_ids]


@dataclass(frozen=True, slots=True)
class QueueFigures:
    queued: int
    running: int
    oldest_queued_s: int | None
    alive_workers: int


async def queue_figures(runner: str, heartbeat_s: float) -> QueueFigures:
    """The queue's depth, its oldest waiting job's age and the workers of this runner alive now."""
    queued = await Job.filter(state="queued").count()
    running = await Job.filter(state="running").count()
    oldest = None
    if queued:
        first = await Job.filter(state="queued").order_by("created_at").limit(1).values_list("created_at")
        if first:
            oldest = max(0, int((datetime.now(UTC) - first[0][0]).total_seconds()))
    alive = await Worker.filter(kind=runner, seen_at__gte=alive_since(heartbeat_s)).count()
    return QueueFigures(queued=queued, running=running, oldest_queued_s=oldest, alive_workers=alive)
