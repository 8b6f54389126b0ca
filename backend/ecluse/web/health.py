"""GET /health: can the API serve, are the job runners alive, how many jobs wait.

    {"status": "ok", "database": "ok", "runner": "arq", "redis": "ok",
     "workers": {"alive": 2}, "jobs": {"queued": 0, "running": 1, "oldestQueuedSeconds": null}}

- `ok` (200): the database answers and, with workers (`runner` arq), Redis answers and no job waits
  without a live worker.
- `degraded` (200): the API serves, but jobs cannot progress: Redis does not answer, or jobs wait and no
  worker is alive. Still 200, so that a load balancer or orchestrator does not take the API replicas out
  (or restart them) for what only more workers fix: monitoring alerts on `status`.
- `unavailable` (503): the database does not answer (within 3 s).

A worker is alive when it recorded a heartbeat within three `worker_heartbeat_s`. The in-process runner is
the API process itself. Cheap enough to poll: four indexed counts and, with workers, one Redis PING.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from ecluse.jobs.queries import queue_figures
from ecluse.jobs.queue import ArqQueue
from ecluse.settings import Settings

log = logging.getLogger(__name__)

DATABASE_TIMEOUT_S = 3.0
HEADERS = {"cache-control": "no-store"}


async def _figures(settings: Settings, runner: str) -> dict[str, Any]:
    found = await queue_figures(runner, settings.worker_heartbeat_s)
    return {
        "workers": {"alive": found.alive_workers},
        "jobs": {
            "queued": found.queued,
            "running": found.running,
            "oldestQueuedSeconds": found.oldest_queued_s,
        },
    }


async def health(request: Request) -> JSONResponse:
    state = request.app.state
    settings: Settings = state.settings
    jobs = state.jobs
    runner = "arq" if isinstance(jobs, ArqQueue) else "in-process"
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_S):
            figures = await _figures(settings, runner)
    except Exception as exc:
        log.warning("/health: the database does not answer (%s)", type(exc).__name__)
        down = {"status": "unavailable", "database": "unreachable", "runner": runner}
        return JSONResponse(down, status_code=503, headers=HEADERS)
    body: dict[str, Any] = {"status": "ok", "database": "ok", "runner": runner}
    if isinstance(jobs, ArqQueue):
        redis_ok = await jobs.redis_ok()
        body["redis"] = "ok" if redis_ok else "unreachable"
        stuck = figures["jobs"]["queued"] and not figures["workers"]["alive"]
        if not redis_ok or stuck:
            body["status"] = "degraded"
    body.update(figures)
    return JSONResponse(body, headers=HEADERS)
