"""`ecluse worker`: an arq worker running the jobs registered at start-up (jobs/registry.py), publishing
events through Redis.

It outlasts Redis: started while Redis is down, it waits for it; losing it while running, it logs so, keeps
its running jobs going (they need the database, not Redis) and tries again with a growing delay, on the
same connection pool and the same ORM, until Redis answers and it takes jobs again. It registers itself
(jobs/workers.py) for /health, and runs its jobs in lanes (jobs/lanes.py): at most `job_parse_slots`
parses, one company holding all of them but one, and `job_decision_slots` validations.

arq's `max_jobs` is the sum of the lanes (4 by default). A parse drives a child process (one core) and
the row building of its chunks; more parses per worker only share the same cores, so capacity grows by
adding workers, not slots. A job taken from Redis for a full lane goes back to the queue at once (a
deferred retry), for another worker or for later: a validation never waits behind long parses.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from arq import Retry, func
from arq.connections import ArqRedis, RedisSettings
from arq.worker import Worker
from redis.asyncio import ConnectionPool
from redis.exceptions import RedisError

from ecluse.db.init import orm_open
from ecluse.events import PublishOnlyBus
from ecluse.jobs.lanes import Lanes
from ecluse.jobs.lease import new_runner_id
from ecluse.jobs.models import Job
from ecluse.jobs.registry import kinds
from ecluse.jobs.workers import WorkerRegistry
from ecluse.settings import Settings
from ecluse.storage import FileStore

log = logging.getLogger(__name__)

#: arq counts a deferral (full lane) as a try: the real attempts are counted on the job record
#: (`job_max_attempts`), so arq's own limit is set out of the way.
ARQ_MAX_TRIES = 10_000
REDIS_ERRORS = (RedisError, OSError)


def redis_address(redis_url: str) -> str:
    """host:port, for log lines (never the password)."""
    settings = RedisSettings.from_dsn(redis_url)
    return f"{settings.host}:{settings.port}"


def make_pool(settings: Settings) -> ArqRedis:
    """One pool for the worker's life: it connects lazily and again after a failure, so a lost Redis leaks
    nothing. Timeouts turn a silent network into errors the worker handles."""
    assert settings.redis_url
    pool = ConnectionPool.from_url(settings.redis_url, socket_connect_timeout=2, socket_timeout=15)
    return ArqRedis(pool, default_queue_name=settings.queue_name)


def _claimable(job: dict[str, Any]) -> bool:
    if job["state"] == "queued":
        return True
    lease = job["lease_until"]
    return job["state"] == "running" and (lease is None or lease < datetime.now(UTC))


def _in_lane(name: str, job: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    async def run(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
        lanes: Lanes = ctx["lanes"]
        lane = lanes.of(name)
        key = None
        if lane is lanes.parse:
            found = await Job.filter(id=job_id).values("company_id", "state", "lease_until")
            if not found or not _claimable(found[0]):
                return  # sent twice: over, or held by a live runner (the reaper sends it again if it dies)
            key = found[0]["company_id"]
        if not lane.try_acquire(key):
            # Back to the queue: another worker, or this one once a slot is free, takes it.
            raise Retry(defer=min(5.0, 0.5 * int(ctx.get("job_try") or 1)))
        try:
            await job(ctx, batch_id, job_id)
        finally:
            lane.release(key)

    run.__name__ = run.__qualname__ = name
    return run


class EcluseWorker(Worker):
    """arq's worker, made to go on when Redis goes away (see `run_worker`)."""

    lost_since: float | None = None

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        # arq takes a slot before asking Redis whether the job is free: a failing Redis would keep the slot
        # for good. Give it back when no task was started for the job.
        for job_id in job_ids:
            before = self.job_counter
            try:
                await super().start_jobs([job_id])
            except BaseException:
                if self.job_counter > before and job_id.decode() not in self.tasks:
                    self.job_counter -= 1
                    self.sem.release()
                raise

    async def run_job(self, job_id: str, score: int) -> None:
        # A job that ran while Redis was away is over in the database; only arq's bookkeeping failed. arq
        # runs it again once its keys expire, and that run finds the job finished.
        try:
            await super().run_job(job_id, score)
        except REDIS_ERRORS as exc:
            log.warning("job %s: its end not recorded in Redis (%s)", job_id, type(exc).__name__)

    async def heart_beat(self) -> None:
        await super().heart_beat()
        if self.lost_since is not None:
            log.info(
                "Redis answers again after %.0f s: taking jobs from %s", time.monotonic() - self.lost_since,
                self.queue_name,
            )  # fmt: skip
            self.lost_since = None

    async def close(self) -> None:
        """Stop the jobs still running (they give their records back), then close the pool, Redis or not."""
        if self._pool is None:
            return
        for task in self.tasks.values():
            if not task.done():
                task.cancel()
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        with contextlib.suppress(*REDIS_ERRORS):
            await self.pool.delete(self.health_check_key)
        await self.pool.aclose(close_connection_pool=True)
        self._pool = None


def make_worker(
    settings: Settings, ctx: dict[str, Any], pool: ArqRedis, *, burst: bool = False
) -> EcluseWorker:
    lanes: Lanes = ctx["lanes"]
    jobs = kinds()
    if not jobs:
        raise LookupError("no job kind registered: the entry point registers them before the worker starts")
    functions = [func(_in_lane(name, job), name=name, max_tries=ARQ_MAX_TRIES) for name, job in jobs.items()]  # type: ignore[arg-type]
    return EcluseWorker(
        functions=functions,
        redis_pool=pool,
        queue_name=settings.queue_name,
        ctx=ctx,
        max_jobs=lanes.capacity,
        # The job's own timeout (jobs/lease.py) ends it cleanly first; arq's is only a backstop.
        job_timeout=settings.job_timeout_s + 60,
        burst=burst,
        handle_signals=True,
        keep_result=60,
    )


async def run_worker(settings: Settings, *, burst: bool = False) -> None:
    """Run until SIGTERM/SIGINT (or, with `burst`, until the queue is empty), through Redis outages."""
    if not settings.redis_url:
        raise RuntimeError("ECLUSE_REDIS_URL is not set: the worker takes its jobs from Redis")
    address = redis_address(settings.redis_url)
    async with orm_open(settings):
        pool = make_pool(settings)
        runner_id = new_runner_id()
        ctx: dict[str, Any] = {
            "bus": PublishOnlyBus(pool, settings.channel_prefix),
            "store": FileStore(settings.storage_dir),
            "settings": settings,
            "worker_id": runner_id,
            "lanes": Lanes.from_settings(settings),
        }
        worker = make_worker(settings, ctx, pool, burst=burst)
        stopping = asyncio.Event()
        worker.on_stop = lambda _signal: stopping.set()
        registry = WorkerRegistry(runner_id, "arq", settings.worker_heartbeat_s)
        try:
            await registry.start()
            delay = 0.5
            while not stopping.is_set():
                try:
                    await worker.async_run()
                    break  # burst: the queue is empty
                except asyncio.CancelledError:
                    current = asyncio.current_task()
                    if stopping.is_set() and not (current is not None and current.cancelling()):
                        break  # a signal stopped arq's main loop
                    raise
                except REDIS_ERRORS as exc:
                    if worker.lost_since is None:
                        worker.lost_since = time.monotonic()
                        delay = 0.5
                    running = sum(not task.done() for task in worker.tasks.values())
                    log.warning(
                        "Redis at %s does not answer (%s); %d running job(s) go on; next try in %.1f s",
                        address, type(exc).__name__, running, delay,
                    )  # fmt: skip
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stopping.wait(), delay)
                    delay = min(delay * 2, settings.redis_retry_max_s)
        finally:
            await worker.close()
            await registry.stop()
            log.info("worker %s stopped", runner_id)
