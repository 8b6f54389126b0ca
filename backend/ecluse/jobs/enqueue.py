"""The one entry point through which the domain hands work to the job runner.

A job is its database record first (state `queued`): the record is what makes it run — a runner's reaper
or the sweeper takes up any queued record — and the queue (in-process or arq) only wakes a runner sooner.
Code that opens the job's subject in a transaction records the job in that same transaction (`record`)
and sends it once committed (`send`); anything else calls `enqueue`, which does both.
"""

from __future__ import annotations

import logging
import uuid

from redis.exceptions import RedisError

from ecluse.jobs.progress import create_job
from ecluse.jobs.queue import JobQueue

log = logging.getLogger(__name__)


async def record(kind: str, *, company_id: int | None, batch_id: int | None) -> str:
    """Record a new job (queued) and return its id; inside the caller's transaction when there is one."""
    job_id = str(uuid.uuid4())
    await create_job(job_id, kind, company_id=company_id, batch_id=batch_id)
    return job_id


async def send(queue: JobQueue, kind: str, job_id: str, *, batch_id: int) -> bool:
    """Hand a recorded job to the queue. A broker that is down does not fail the request: the job stays
    `queued` and the sweeper sends it when the broker is back."""
    try:
        await queue.enqueue(kind, job_id, batch_id=batch_id)
    except (OSError, RedisError) as exc:
        log.warning("job %s (%s) not sent, will be retried: %s", job_id, kind, exc)
        return False
    return True


async def enqueue(queue: JobQueue, kind: str, *, company_id: int, batch_id: int) -> str:
    """Record a job and send it: its id."""
    job_id = await record(kind, company_id=company_id, batch_id=batch_id)
    await send(queue, kind, job_id, batch_id=batch_id)
    return job_id
