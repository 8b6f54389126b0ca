"""Claims and leases on job records (jobs/lease.py): one runner at a time, a lapsed lease taken up by
another runner, a runner that lost its job writing nothing more."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support import Api


def _run(api: Api, scenario: Any) -> Any:
    return api.client.portal.call(scenario)


async def _job(**fields: Any) -> str:
    from ecluse.jobs.models import Job

    job_id = str(uuid.uuid4())
    await Job.create(id=job_id, kind="parse_import", company_id=1, batch_id=None, **fields)
    return job_id


def test_one_claim_wins_and_a_lapsed_lease_changes_hands(api: Api, env: dict[str, str]) -> None:
    from tortoise.transactions import in_transaction

    from ecluse.events import LocalEventBus
    from ecluse.jobs.lease import Lease, LeaseLost, lapsed_jobs
    from ecluse.jobs.models import Job
    from ecluse.jobs.progress import JobReporter

    async def scenario() -> None:
        job_id = await _job()
        first, second = Lease(job_id, "host-a:1:aa", 30), Lease(job_id, "host-b:2:bb", 30)
        results = await asyncio.gather(first.claim(), second.claim())
        assert sorted(results) == [False, True]  # two runners at the same moment: exactly one gets it
        holder, other = (first, second) if results[0] else (second, first)
        assert holder.attempt == 1 and not await other.claim()
        assert await holder.renew() and not await other.renew()
        assert job_id not in {job.id for job in await lapsed_jobs()}

        # The holder stops renewing (its process froze or died): once the lease lapses, it is reaped...
        await Job.filter(id=job_id).update(lease_until=datetime.now(UTC) - timedelta(seconds=1))
        assert job_id in {job.id for job in await lapsed_jobs()}
        assert await other.claim() and other.attempt == 2  # ...and taken up by another runner
        job = await Job.get(id=job_id)
        assert (job.state, job.worker_id, job.attempts) == ("running", other.runner_id, 2)

        # The first runner wakes up: it can neither renew, nor report, nor stage, nor finish the job.
        assert not await holder.renew()
        stale = JobReporter(job_id, LocalEventBus(), lease=holder)
        with pytest.raises(LeaseLost):
            await stale.progress(50, force=True)
        with pytest.raises(LeaseLost):
            async with in_transaction("default") as conn:
                await holder.guard(conn)
        await stale.done()
        async with in_transaction("default") as conn:
            await other.guard(conn)  # the new holder passes
        await JobReporter(job_id, LocalEventBus(), lease=other).done()
        job = await Job.get(id=job_id)
        assert (job.state, job.progress, job.worker_id) == ("done", 100, other.runner_id)
        assert not await Lease(job_id, "host-c:3:cc", 30).claim()  # over: nobody claims it again

    _run(api, scenario)


def test_a_runner_of_this_host_that_died_is_reaped_at_once(api: Api, env: dict[str, str]) -> None:
    from ecluse.jobs.lease import HOST, lapsed_jobs
    from ecluse.jobs.models import Job

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)  # a pid that is free now

    async def scenario() -> None:
        soon = datetime.now(UTC) + timedelta(seconds=60)
        dead = await _job(state="running", worker_id=f"{HOST}:{gone.pid}:0bad", lease_until=soon)
        alive = await _job(state="running", worker_id=f"{HOST}:{os.getppid()}:0ok0", lease_until=soon)
        elsewhere = await _job(state="running", worker_id=f"{HOST}x:{gone.pid}:0far", lease_until=soon)
        found = {job.id for job in await lapsed_jobs()}
        assert dead in found and alive not in found and elsewhere not in found
        assert (await Job.get(id=dead)).lease_until is None  # its lease ended, for the next claim

    _run(api, scenario)


def test_run_leased_renews_releases_and_gives_up(api: Api, env: dict[str, str]) -> None:
    from ecluse.jobs.lease import Lease, run_leased
    from ecluse.jobs.models import Job
    from ecluse.settings import Settings

    async def scenario() -> None:
        settings = Settings(job_lease_s=0.6, job_max_attempts=2)
        ctx: dict[str, Any] = {"settings": settings, "worker_id": "host-a:1:aa"}
        given_up: list[str] = []

        async def give_up(lease: Lease, message: str) -> None:
            given_up.append(message)

        # A job running for five leases: the heartbeat keeps it, nobody else can claim it meanwhile.
        job_id = await _job()
        claims: list[bool] = []

        async def long_body(lease: Lease) -> None:
            for _ in range(6):
                await asyncio.sleep(0.5)
                claims.append(await Lease(job_id, "host-b:2:bb", 0.6).claim())

        assert await run_leased(ctx, job_id, long_body, give_up=give_up)
        assert claims == [False] * 6

        # Cancelled (the runner stops): the job goes back to the queue for the next runner.
        job_id = await _job()
        entered = asyncio.Event()

        async def blocked(lease: Lease) -> None:
            entered.set()
            await asyncio.Event().wait()

        task = asyncio.ensure_future(run_leased(ctx, job_id, blocked, give_up=give_up))
        async with asyncio.timeout(10):
            await entered.wait()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        job = await Job.get(id=job_id)
        assert (job.state, job.worker_id, job.lease_until, job.attempts) == ("queued", None, None, 1)

        # Taken up more often than job_max_attempts: given up instead of run once more.
        await Job.filter(id=job_id).update(attempts=2)
        ran: list[str] = []

        async def body(lease: Lease) -> None:
            ran.append(job_id)

        assert await run_leased(ctx, job_id, body, give_up=give_up)
        assert ran == [] and len(given_up) == 1 and "interrupted 2 times" in given_up[0]

        # Running longer than job_timeout_s: stopped and given up (failed), not given back to run again.
        job_id = await _job()
        short = {**ctx, "settings": Settings(job_lease_s=0.6, job_timeout_s=1)}
        assert await run_leased(short, job_id, blocked, give_up=give_up)
        assert len(given_up) == 2 and "longer than 1 s" in given_up[1]

    _run(api, scenario)
