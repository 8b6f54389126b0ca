"""One slow file never holds every job slot: validations have their own lane, and one company never holds
every parse slot while another company's file waits (jobs/lanes.py, the in-process runner)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ecluse.jobs.lanes import Lane, Lanes
from tests.support import Api

BOUND = 20.0  # seconds: every wait below is bounded, none is a timing assertion


async def _until(event: asyncio.Event) -> None:
    async with asyncio.timeout(BOUND):
        await event.wait()


def test_validation_runs_while_two_parses_hold_the_parse_slots(
    api: Api, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecluse.jobs import registry
    from ecluse.jobs.models import Job
    from ecluse.jobs.queue import InProcessQueue
    from ecluse.settings import Settings

    started: list[str] = []
    validated: list[str] = []
    gate: dict[str, asyncio.Event] = {}

    async def slow_parse(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
        started.append(job_id)
        if len(started) == 2:
            gate["two started"].set()
        await gate["open"].wait()  # a parse that lasts until the test lets it end

    async def validate(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
        validated.append(job_id)
        gate["validated"].set()

    monkeypatch.setitem(registry.JOBS, "parse_import", slow_parse)
    monkeypatch.setitem(registry.JOBS, "validate_import", validate)

    async def scenario() -> None:
        gate.update(open=asyncio.Event(), validated=asyncio.Event())
        gate["two started"] = asyncio.Event()
        ids = {name: str(uuid.uuid4()) for name in ("a1", "a2", "b1", "check")}
        # No batch: the app's own runner (SQLite deployment) leaves these records alone.
        for name, company in (("a1", 1), ("a2", 1), ("b1", 2), ("check", 1)):
            kind = "validate_import" if name == "check" else "parse_import"
            await Job.create(id=ids[name], kind=kind, company_id=company, batch_id=None)
        queue = InProcessQueue({"settings": Settings(job_parse_slots=2, job_decision_slots=1)})
        try:
            for name in ("a1", "a2", "b1"):  # company 1 sends two slow files first
                await queue.enqueue("parse_import", ids[name], batch_id=0)
            await _until(gate["two started"])
            # Company 1 holds one parse slot (either file: their lookups race), company 2's file the other.
            assert ids["b1"] in started and len({ids["a1"], ids["a2"]} & set(started)) == 1
            await queue.enqueue("validate_import", ids["check"], batch_id=0)
            await _until(gate["validated"])
            assert validated == [ids["check"]] and len(started) == 2  # both parses still hold their slots
            assert not gate["open"].is_set()
            gate["open"].set()
            async with asyncio.timeout(BOUND):
                await queue.drain()
            assert sorted(started) == sorted(ids[n] for n in ("a1", "a2", "b1"))  # company 1's other file too
        finally:
            gate["open"].set()
            await queue.close()

    api.client.portal.call(scenario)


def test_lane_keeps_a_slot_for_another_company() -> None:
    async def scenario() -> None:
        lane = Lane(3, per_key=2)
        assert lane.try_acquire("a") and lane.try_acquire("a")
        assert not lane.try_acquire("a")  # the third slot is not company a's to take
        waiting_a = asyncio.ensure_future(lane.acquire("a"))
        await asyncio.sleep(0)
        assert lane.try_acquire("b")  # b passes a's waiting job: that one could not take the slot anyway
        assert not lane.try_acquire("c")  # full
        waiting_c = asyncio.ensure_future(lane.acquire("c"))
        lane.release("b")
        await asyncio.sleep(0)
        assert waiting_c.done() and not waiting_a.done()  # the freed slot is for c, first that fits
        lane.release("a")
        await asyncio.sleep(0)
        assert waiting_a.done() and lane.held == {"a": 2, "c": 1}
        cancelled = asyncio.ensure_future(lane.acquire("d"))
        await asyncio.sleep(0)
        cancelled.cancel()
        await asyncio.gather(cancelled, return_exceptions=True)
        lane.release("c")
        assert lane.held == {"a": 2} and lane.try_acquire("d")  # a cancelled waiter holds nothing

    asyncio.run(scenario())


def test_lanes_of_a_process() -> None:
    lanes = Lanes(parse_slots=2, decision_slots=2)
    assert lanes.capacity == 4  # an arq worker's max_jobs
    assert lanes.of("parse_import") is lanes.parse and lanes.of("validate_import") is lanes.decide
    assert lanes.parse.per_key == 1  # with two parse slots, one company takes one of them
    assert Lanes(parse_slots=1).parse.per_key == 1  # one slot: nothing to share, a company waits its turn


def test_worker_sends_a_job_back_when_its_lane_is_full(api: Api, env: dict[str, str]) -> None:
    """An arq worker does not wait for a parse slot: the job goes back to the queue (arq's deferred retry)
    for another worker, and a validation still runs at once."""
    from arq import Retry

    from ecluse.jobs.models import Job
    from ecluse.jobs.worker import _in_lane

    ran: list[str] = []

    async def job(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
        ran.append(job_id)

    async def scenario() -> None:
        ids = [str(uuid.uuid4()) for _ in range(4)]
        held = datetime.now(UTC) + timedelta(minutes=1)
        for job_id, company, state in zip(
            ids, (1, 2, 2, 2), ("queued", "queued", "done", "running"), strict=True
        ):
            await Job.create(
                id=job_id,
                kind="parse_import",
                company_id=company,
                batch_id=None,
                state=state,
                lease_until=held,
            )
        lanes = Lanes(parse_slots=2, decision_slots=1)
        ctx: dict[str, Any] = {"lanes": lanes, "job_try": 3}
        parse, validate = _in_lane("parse_import", job), _in_lane("validate_import", job)
        assert lanes.parse.try_acquire(1)  # company 1 holds a slot: its next file may not take the other
        with pytest.raises(Retry):
            await parse(ctx, 0, ids[0])
        await parse(ctx, 0, ids[1])  # company 2's file takes it
        assert lanes.parse.held == {1: 1}  # released once run
        assert lanes.parse.try_acquire(2)  # both slots taken now
        await validate(ctx, 0, "a-validation")  # its own lane
        await parse(ctx, 0, ids[2])  # over already: nothing to wait for, nothing run
        await parse(ctx, 0, ids[3])  # held by a live runner: the same
        assert ran == [ids[1], "a-validation"]

    api.client.portal.call(scenario)
