"""Where jobs go: an in-process asyncio runner (embedded default) or arq on Redis (scale-out)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from redis.exceptions import RedisError

from ecluse.settings import Settings

log = logging.getLogger(__name__)


class JobQueue(Protocol):
    async def enqueue(self, kind: str, job_id: str, *, batch_id: int) -> None: ...

    async def close(self) -> None: ...


class InProcessQueue:
    """Runs the registry's job functions as tasks of this process, a few at a time.

    Their CPU-heavy steps (parsing, building rows) run in threads, so the API keeps answering."""

    def __init__(self, ctx: dict[str, Any], concurrency: int = 2) -> None:
        self.ctx = ctx
        self._slots = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[None]] = set()

    async def enqueue(self, kind: str, job_id: str, *, batch_id: int) -> None:
        task = asyncio.create_task(self._run(kind, job_id, batch_id), name=f"job:{kind}:{job_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, kind: str, job_id: str, batch_id: int) -> None:
        from ecluse.jobs.registry import JOBS

        async with self._slots:
            try:
                await JOBS[kind](self.ctx, batch_id, job_id)
            except Exception:
                log.exception("job %s (%s) crashed", job_id, kind)

    async def resume(self) -> int:
        """Run again the jobs a crash left queued or running (each job is safe to run twice)."""
        from ecluse.jobs.models import Job

        pending = await Job.filter(state__in=["queued", "running"]).order_by("created_at")
        for job in pending:
            if job.batch_id is not None:
                await self.enqueue(job.kind, job.id, batch_id=job.batch_id)
        return len(pending)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


class ArqQueue:
    def __init__(self, pool: Any, queue_name: str, sweep_every: float = 15.0) -> None:
        self.pool = pool
        self.queue_name = queue_name
        self.sweep_every = sweep_every
        self._sweeper: asyncio.Task[None] | None = None

    async def enqueue(self, kind: str, job_id: str, *, batch_id: int) -> None:
        # The same _job_id twice is a no-op in arq: sending a job again is always safe.
        await self.pool.enqueue_job(kind, batch_id, job_id, _job_id=job_id, _queue_name=self.queue_name)

    def start_sweeper(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="job-sweeper")

    async def _sweep_forever(self) -> None:
        while True:
            try:
                await self.sweep()
            except Exception as exc:
                log.warning("job sweep failed: %s", exc)
            await asyncio.sleep(self.sweep_every)

    async def sweep(self) -> int:
        """Send again the jobs still `queued` in the database: Redis was down when they were submitted."""
        from ecluse.jobs.models import Job

        cutoff = datetime.now(UTC) - timedelta(seconds=self.sweep_every)
        stale = await Job.filter(state="queued", created_at__lt=cutoff).order_by("created_at")
        for job in stale:
            if job.batch_id is not None:
                await self.enqueue(job.kind, job.id, batch_id=job.batch_id)
        return len(stale)

    async def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        await self.pool.aclose()


async def submit(queue: JobQueue, kind: str, job_id: str, *, batch_id: int) -> bool:
    """Hand a job (already recorded in the database) to the queue. A broker that is down does not fail
    the request: the job stays `queued` and the sweeper sends it when the broker is back."""
    try:
        await queue.enqueue(kind, job_id, batch_id=batch_id)
    except (OSError, RedisError) as exc:
        log.warning("job %s (%s) not sent, will be retried: %s", job_id, kind, exc)
        return False
    return True


async def make_job_queue(settings: Settings, bus: Any, store: Any) -> InProcessQueue | ArqQueue:
    """arq on Redis when ECLUSE_REDIS_URL is set, else the in-process runner: chosen by settings only."""
    if settings.redis_url:
        return ArqQueue(await make_arq_pool(settings.redis_url), settings.queue_name, settings.job_sweep_s)
    return InProcessQueue({"bus": bus, "store": store, "settings": settings})


async def make_arq_pool(redis_url: str) -> Any:
    from arq import create_pool
    from arq.connections import RedisSettings

    settings = RedisSettings.from_dsn(redis_url)
    # Fail fast with a clear message instead of arq's ~5 s of silent retries.
    settings.conn_retries = 1
    settings.conn_retry_delay = 1
    try:
        return await create_pool(settings)
    except (OSError, ConnectionError) as exc:
        raise RuntimeError(f"cannot reach Redis at {redis_url}: {exc}") from exc
