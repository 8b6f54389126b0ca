"""Who runs a job: a claim on its record, held by a lease that a heartbeat renews while the job runs.

A runner (an `ecluse worker`, or an API process running jobs itself) claims a job with one conditional
UPDATE: the job is queued, or running under a lease that lapsed. Exactly one runner wins; any other
returns at once. While the job runs, a heartbeat renews the lease; once it cannot (another runner took the
job), the job stops. The reaper (jobs/queue.py) sends again the jobs whose lease lapsed — their runner died
— so they are taken up within a lease, not after arq's job timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable, Collection
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Q

from ecluse.db.bulk import is_sqlite, portable
from ecluse.jobs.models import Job
from ecluse.settings import Settings

log = logging.getLogger(__name__)

HOST = socket.gethostname()[:40]


#: The runners of this process that are running (a process may hold several: the tests do).
LOCAL_RUNNERS: set[str] = set()


def new_runner_id() -> str:
    """host:pid:random — the random part tells apart two processes that had the same pid."""
    runner_id = f"{HOST}:{os.getpid()}:{secrets.token_hex(4)}"
    LOCAL_RUNNERS.add(runner_id)
    return runner_id


def died_here(runner_id: str | None) -> bool:
    """Whether `runner_id` names a process of this host that is gone (this one restarted, or its pid is free)."""
    if not runner_id or runner_id.count(":") < 2:
        return False
    host, pid_text, _ = runner_id.rsplit(":", 2)
    if host != HOST or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        # Not one of this process's runners: an earlier life of the pid (a container restarted).
        return runner_id not in LOCAL_RUNNERS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, someone else's
    return False


class LeaseLost(Exception):
    """Another runner holds the job now (this one's lease lapsed): stop without touching anything else."""


class Lease:
    def __init__(self, job_id: str, runner_id: str, seconds: float) -> None:
        self.job_id = job_id
        self.runner_id = runner_id
        self.seconds = seconds
        self.attempt = 0

    def _until(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self.seconds)

    def _mine(self) -> Any:
        return Job.filter(id=self.job_id, worker_id=self.runner_id, state="running")

    async def claim(self) -> bool:
        """Take the job if it is queued, or running under a lapsed lease; False when someone else has it or
        it is over (nothing changed then)."""
        now = datetime.now(UTC)
        lapsed = Q(lease_until__lt=now) | Q(lease_until__isnull=True)
        free = Q(state="queued") | (Q(state="running") & lapsed)
        taken = await Job.filter(free, id=self.job_id).update(
            state="running",
            worker_id=self.runner_id,
            lease_until=self._until(),
            attempts=F("attempts") + 1,
            started_at=now,
            error="",
        )
        if not taken:
            return False
        attempts = await self._mine().values_list("attempts", flat=True)
        self.attempt = int(attempts[0]) if attempts else 0
        return True

    async def renew(self) -> bool:
        return bool(await self._mine().update(lease_until=self._until()))

    async def release(self) -> None:
        """Give the job back (this runner is stopping): queued again, for the next runner at once."""
        await self._mine().update(state="queued", worker_id=None, lease_until=None)

    async def guard(self, conn: BaseDBAsyncClient) -> None:
        """Inside a write transaction: raise LeaseLost unless this runner still holds the job. On PostgreSQL
        the row stays share-locked to the end of the transaction, so a new runner's claim (and its clearing
        of what was staged) waits until this transaction is over."""
        lock = "" if is_sqlite(conn) else " FOR SHARE"
        rows = await conn.execute_query_dict(
            portable(conn, f"SELECT worker_id, state FROM jobs WHERE id = $1{lock}"), [self.job_id]
        )
        if not rows or rows[0]["worker_id"] != self.runner_id or rows[0]["state"] != "running":
            raise LeaseLost(self.job_id)


async def _heartbeat(lease: Lease, body: asyncio.Task[Any], every: float) -> None:
    """Renew the lease every `every` seconds; stop the job once another runner holds it. A renewal that
    fails (database unreachable, or busy) is tried again: only a definite loss stops the job."""
    while True:
        await asyncio.sleep(every)
        try:
            held = await asyncio.wait_for(lease.renew(), timeout=max(every, 1.0))
        except Exception as exc:
            log.warning("job %s: lease not renewed (%s); trying again", lease.job_id, type(exc).__name__)
            continue
        if not held:
            log.warning("job %s: another runner holds it now (lease lapsed); stopping this run", lease.job_id)
            body.cancel()
            return


async def lapsed_jobs(skip: Collection[str] = ()) -> list[Job]:
    """Running jobs whose runner is gone: their lease lapsed, or their runner was a process of this host
    that is gone (its lease is ended now rather than waited for). One indexed query, as many rows as jobs
    are running."""
    now = datetime.now(UTC)
    found = []
    for job in await Job.filter(state="running").order_by("started_at"):
        if job.id in skip:
            continue
        lapsed = job.lease_until is None or job.lease_until < now
        if not lapsed and died_here(job.worker_id):
            lapsed = bool(
                await Job.filter(id=job.id, state="running", worker_id=job.worker_id).update(lease_until=None)
            )
        if lapsed:
            found.append(job)
    return found


Body = Callable[[Lease], Awaitable[None]]


async def _stop(task: asyncio.Future[Any]) -> None:
    task.cancel()
    with contextlib.suppress(BaseException):
        await task


async def run_leased(
    ctx: dict[str, Any], job_id: str, body: Body, *, give_up: Callable[[Lease, str], Awaitable[None]]
) -> bool:
    """Claim the job and run `body` under a renewed lease. Returns whether this runner ran it.

    Cancelled (the runner stops): the job is given back, queued, and the cancellation goes on. The lease
    lost to another runner: `body` is stopped and nothing more is written. Taken up more than
    `job_max_attempts` times, or running longer than `job_timeout_s`: `give_up` ends the job (failed)."""
    settings: Settings = ctx.get("settings") or Settings()
    runner_id = ctx.get("worker_id") or ctx.setdefault("worker_id", new_runner_id())
    lease = Lease(job_id, runner_id, settings.job_lease_s)
    if not await lease.claim():
        log.info("job %s is finished or held by another runner: nothing to do", job_id)
        return False
    if lease.attempt > settings.job_max_attempts:
        message = (
            f"the job was interrupted {lease.attempt - 1} times (its runner stopped each time): given up"
        )
        log.error("job %s: %s", job_id, message)
        await give_up(lease, message)
        return True
    task = asyncio.ensure_future(body(lease))
    beat = asyncio.create_task(_heartbeat(lease, task, settings.lease_heartbeat_s), name=f"lease:{job_id}")
    try:
        done, _ = await asyncio.wait({task}, timeout=settings.job_timeout_s)
    except asyncio.CancelledError:
        await _stop(task)
        with contextlib.suppress(Exception):
            await lease.release()
        raise
    finally:
        beat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beat
    if not done:
        await _stop(task)
        message = f"the job ran longer than {settings.job_timeout_s} s (ECLUSE_JOB_TIMEOUT_S): stopped"
        log.error("job %s: %s", job_id, message)
        await give_up(lease, message)
        return True
    if task.cancelled():
        return True  # the lease was lost: the other runner finishes it
    exc = task.exception()
    if isinstance(exc, LeaseLost):
        log.warning("job %s: another runner holds it now; this run stopped", job_id)
        return True
    if exc is not None:
        raise exc
    return True
