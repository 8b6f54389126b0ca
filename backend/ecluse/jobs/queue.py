"""Where jobs go: an in-process asyncio runner (embedded default) or arq on Redis (scale-out).

Either way the database record decides who runs a job (jobs/lease.py), and a reaper sends again the jobs
whose runner died: the API's sweeper with arq, the runner itself in process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from redis.exceptions import RedisError

from ecluse.jobs.lanes import Lanes
from ecluse.jobs.lease import LOCAL_RUNNERS, lapsed_jobs, new_runner_id
from ecluse.jobs.registry import handler
from ecluse.jobs.workers import WorkerRegistry
from ecluse.settings import Settings

log = logging.getLogger(__name__)


class JobQueue(Protocol):
    async def enqueue(self, kind: str, job_id: str, *, batch_id: int, attempt: int = 0) -> None: ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...


#: How long stopping waits for the jobs it cancelled.
STOP_GRACE_S = 10.0


class InProcessQueue:
    """Runs the job functions registered at start-up (jobs/registry.py) as tasks of this process, in lanes
    (jobs/lanes.py): parses share their slots fairly between companies, validations have their own.

    Their CPU-heavy steps (parsing, building rows) run in a child process or threads, so the API keeps
    answering. Started by the API (`start`), it registers as a runner, takes up the jobs left queued or
    whose runner died, and looks for more every `job_reaper_s`."""

    def __init__(self, ctx: dict[str, Any]) -> None:
        self.ctx = ctx
        self.settings: Settings = ctx.get("settings") or Settings()
        self.runner_id: str = ctx.setdefault("worker_id", new_runner_id())
        LOCAL_RUNNERS.add(self.runner_id)
        self.lanes = Lanes.from_settings(self.settings)
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._registry: WorkerRegistry | None = None
        self._reaper: asyncio.Task[None] | None = None

    async def enqueue(self, kind: str, job_id: str, *, batch_id: int, attempt: int = 0) -> None:
        if job_id in self._tasks:
            return  # waiting for a slot or running here already
        task = asyncio.create_task(self._run(kind, job_id, batch_id), name=f"job:{kind}:{job_id}")
        self._tasks[job_id] = task
        task.add_done_callback(lambda done: self._forget(job_id, done))

    def _forget(self, job_id: str, task: asyncio.Task[None]) -> None:
        if self._tasks.get(job_id) is task:
            del self._tasks[job_id]

    async def _run(self, kind: str, job_id: str, batch_id: int) -> None:
        lane = self.lanes.of(kind)
        key = await _company_of(job_id) if lane is self.lanes.parse else None
        async with lane.slot(key):
            try:
                await handler(kind)(self.ctx, batch_id, job_id)
            except Exception:
                log.exception("job %s (%s) crashed", job_id, kind)

    async def start(self) -> None:
        self._registry = WorkerRegistry(self.runner_id, "in-process", self.settings.worker_heartbeat_s)
        await self._registry.start()
        resumed = await self.resume()
        if resumed:
            log.info("took up %d queued or interrupted job(s)", resumed)
        self._reaper = asyncio.create_task(self._reap_forever(), name="job-reaper")

    async def resume(self) -> int:
        """Take up the jobs queued (a process that stopped left them, or a CLI run that did not wait) and
        those running under a lapsed lease (their runner died). Each job is safe to run twice; the claim
        makes sure one runner runs it at a time."""
        from ecluse.jobs.models import Job

        queued = await Job.filter(state="queued", batch_id__isnull=False).order_by("created_at")
        taken = 0
        for job in [*queued, *await lapsed_jobs(skip=self._tasks)]:
            if job.batch_id is not None and job.id not in self._tasks:
                await self.enqueue(job.kind, job.id, batch_id=job.batch_id)
                taken += 1
        return taken

    async def _reap_forever(self) -> None:
        while True:
            await asyncio.sleep(self.settings.job_reaper_s)
            try:
                taken = await self.resume()
            except Exception as exc:
                log.warning("job reaper: %s", type(exc).__name__)
                continue
            if taken:
                log.info("job reaper: took up %d job(s)", taken)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def close(self) -> None:
        if self._reaper is not None:
            self._reaper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reaper
        # Cancelled jobs give their record back (queued): the next start takes them up at once. A job that
        # does not stop within the grace period is left behind: its lease lapses and the next runner takes it
        # up (every job is safe to run twice), but the process stops.
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        if tasks:
            _, stuck = await asyncio.wait(tasks, timeout=STOP_GRACE_S)
            for task in stuck:
                log.warning(
                    "job task %s did not stop within %s s; left to its lease", task.get_name(), STOP_GRACE_S
                )
        if self._registry is not None:
            await self._registry.stop()
        LOCAL_RUNNERS.discard(self.runner_id)


async def _company_of(job_id: str) -> int | None:
    from ecluse.jobs.models import Job

    found = await Job.filter(id=job_id).values("company_id")
    return found[0]["company_id"] if found else None


class ArqQueue:
    """Jobs sent to arq workers through Redis. Its sweeper (started with `start`) sends again what Redis
    missed (jobs still queued: Redis was down) and reaps the jobs whose lease lapsed (their worker died)."""

    def __init__(
        self, pool: Any, queue_name: str, sweep_every: float = 15.0, reap_every: float = 5.0
    ) -> None:
        self.pool = pool
        self.queue_name = queue_name
        self.sweep_every = sweep_every
        self.reap_every = reap_every
        self._sweeper: asyncio.Task[None] | None = None

    async def enqueue(self, kind: str, job_id: str, *, batch_id: int, attempt: int = 0) -> None:
        # The same arq id twice is a no-op while arq keeps it: sending a job again is always safe. A job
        # taken up again after its runner died goes under a new id (`<job id>:<attempt>`): the dead
        # worker's arq job still holds the first one until its timeout.
        arq_id = f"{job_id}:{attempt}" if attempt else job_id
        await self.pool.enqueue_job(kind, batch_id, job_id, _job_id=arq_id, _queue_name=self.queue_name)

    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="job-sweeper")

    async def _sweep_forever(self) -> None:
        next_sweep = 0.0
        while True:
            try:
                await self.reap()
                if time.monotonic() >= next_sweep:
                    next_sweep = time.monotonic() + self.sweep_every
                    await self.sweep()
            except Exception as exc:
                log.warning("job sweep failed: %s", type(exc).__name__)
            await asyncio.sleep(min(self.reap_every, self.sweep_every))

    async def sweep(self) -> int:
        """Send again the jobs still `queued` in the database: Redis was down when they were submitted."""
        from ecluse.jobs.models import Job

        cutoff = datetime.now(UTC) - timedelta(seconds=self.sweep_every)
        stale = await Job.filter(state="queued", created_at__lt=cutoff).order_by("created_at")
        for job in stale:
            if job.batch_id is not None:
                await self.enqueue(job.kind, job.id, batch_id=job.batch_id)
        return len(stale)

    async def reap(self) -> int:
        """Send again, under a new arq id, the jobs whose lease lapsed: their worker died."""
        lapsed = await lapsed_jobs()
        for job in lapsed:
            if job.batch_id is not None:
                log.info(
                    "job %s (%s): its runner %s stopped holding it; sent again",
                    job.id,
                    job.kind,
                    job.worker_id,
                )
                await self.enqueue(job.kind, job.id, batch_id=job.batch_id, attempt=job.attempts)
        return len(lapsed)

    async def redis_ok(self) -> bool:
        """Whether Redis answers within a second (for /health)."""
        try:
            async with asyncio.timeout(1.0):
                return bool(await self.pool.ping())
        except (OSError, RedisError, TimeoutError):
            return False

    async def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        await self.pool.aclose()


async def make_job_queue(settings: Settings, bus: Any, store: Any) -> InProcessQueue | ArqQueue:
    """arq on Redis when ECLUSE_REDIS_URL is set, else the in-process runner: chosen by settings only."""
    if settings.redis_url:
        return ArqQueue(
            await make_arq_pool(settings.redis_url),
            settings.queue_name,
            settings.job_sweep_s,
            settings.job_reaper_s,
        )
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
