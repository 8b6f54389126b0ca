"""GET /health: whether the database answers, whether job runners are alive, how many jobs wait."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support import Api


def _health(api: Api) -> tuple[int, dict[str, Any]]:
    response = api.client.get("/health")
    assert response.headers["cache-control"] == "no-store"
    return response.status_code, response.json()


def _until_alive(api: Api) -> dict[str, Any]:
    """The tests empty the tables; runners record themselves again within a heartbeat (1 s in tests)."""
    deadline = time.monotonic() + 15
    while True:
        status, body = _health(api)
        assert status == 200, body
        if body["workers"]["alive"] >= 1:
            return body
        assert time.monotonic() < deadline, f"no runner recorded itself: {body}"
        time.sleep(0.1)


async def _waiting_jobs(count: int, age: timedelta) -> None:
    from ecluse.jobs.models import Job

    created = datetime.now(UTC) - age
    for _ in range(count):
        # No batch: no runner takes these up, they only wait.
        job = await Job.create(id=str(uuid.uuid4()), kind="parse_import", company_id=1, batch_id=None)
        await Job.filter(id=job.id).update(created_at=created)


def test_health_says_runners_are_alive(api: Api, env: dict[str, str]) -> None:
    body = _until_alive(api)
    scale_out = "ECLUSE_REDIS_URL" in env
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["runner"] == ("arq" if scale_out else "in-process")
    if scale_out:
        assert body["redis"] == "ok"  # and the `worker` fixture's `ecluse worker` is the live one
    else:
        assert "redis" not in body  # the API process runs the jobs itself
    assert body["jobs"] == {"queued": 0, "running": 0, "oldestQueuedSeconds": None}


def test_health_counts_the_jobs_that_wait(api: Api, env: dict[str, str]) -> None:
    api.client.portal.call(_waiting_jobs, 3, timedelta(minutes=5))
    body = _until_alive(api)
    assert body["jobs"]["queued"] == 3 and body["jobs"]["running"] == 0
    assert 300 <= body["jobs"]["oldestQueuedSeconds"] < 400
    assert body["status"] == "ok"  # jobs wait, but a runner is alive to take them


def test_health_degraded_when_jobs_wait_and_no_worker_lives(api: Api, env: dict[str, str]) -> None:
    from ecluse.jobs.models import Worker

    api.client.portal.call(_waiting_jobs, 1, timedelta(seconds=30))
    _until_alive(api)
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    for _ in range(20):  # a live runner may record its heartbeat between the two steps: try again
        api.client.portal.call(lambda: Worker.all().update(seen_at=long_ago))
        status, body = _health(api)
        if body["workers"]["alive"] == 0:
            break
    else:
        pytest.fail("a runner recorded its heartbeat each time")
    assert status == 200  # the API itself serves: it must not be taken out of rotation
    if "ECLUSE_REDIS_URL" in env:
        assert body["status"] == "degraded" and body["jobs"]["queued"] == 1
    else:
        assert body["status"] == "ok"  # in process, the API is the runner: the jobs are not stuck
    # The runners come back with their next heartbeat.
    assert _until_alive(api)["status"] == "ok"


def test_health_unavailable_without_the_database(
    api: Api, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecluse.web import health

    async def refused(*args: Any) -> Any:
        raise ConnectionRefusedError("connection to server at 10.0.0.1:5432 refused: secret detail")

    monkeypatch.setattr(health, "_figures", refused)
    status, body = _health(api)
    assert status == 503
    assert body == {"status": "unavailable", "database": "unreachable", "runner": body["runner"]}
