"""The processes that run jobs, each recording that it is alive: /health counts the live ones.

A runner's row is refreshed every `worker_heartbeat_s` (made again if it went missing) and removed at a
clean shutdown; a runner that died leaves a row that stops counting after three heartbeats, and is deleted
after a day.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError

from ecluse.jobs.lease import HOST
from ecluse.jobs.models import Worker

log = logging.getLogger(__name__)

FORGET_AFTER = timedelta(days=1)


def alive_since(heartbeat_s: float) -> datetime:
    """Rows seen after this instant are live runners (three heartbeats may be missed)."""
    return datetime.now(UTC) - timedelta(seconds=3 * heartbeat_s)


class WorkerRegistry:
    def __init__(self, runner_id: str, kind: str, heartbeat_s: float) -> None:
        self.id = runner_id
        self.kind = kind
        self.heartbeat_s = heartbeat_s
        self._task: asyncio.Task[None] | None = None

    async def beat(self) -> None:
        now = datetime.now(UTC)
        if not await Worker.filter(id=self.id).update(seen_at=now):
            with contextlib.suppress(IntegrityError):  # two beats racing: the other one made it
                await Worker.create(id=self.id, kind=self.kind, host=HOST, pid=os.getpid(), seen_at=now)
            await Worker.filter(seen_at__lt=now - FORGET_AFTER).delete()

    async def start(self) -> None:
        await self.beat()
        self._task = asyncio.create_task(self._beat_forever(), name=f"worker-heartbeat:{self.id}")
        log.info("%s runner %s registered", self.kind, self.id)

    async def _beat_forever(self) -> None:
        failing = False
        while True:
            await asyncio.sleep(self.heartbeat_s)
            try:
                await self.beat()
            except Exception as exc:
                if not failing:
                    log.warning("runner %s: heartbeat not recorded (%s)", self.id, type(exc).__name__)
                failing = True
            else:
                if failing:
                    log.info("runner %s: heartbeat recorded again", self.id)
                failing = False

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        try:
            await Worker.filter(id=self.id).delete()
        except Exception as exc:
            log.warning("runner %s: not unregistered (%s)", self.id, type(exc).__name__)
