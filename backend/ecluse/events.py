"""Publish/subscribe: in-process by default, Redis pub/sub when configured.

Events are small JSON dicts naming what changed (ids) and, for a batch, its state as of the change
(imports/state.py), read once by the process that made it: subscribers apply their own permissions to it and
read nothing more. Every subscriber of a process gets the same dict object. With Redis, an event published by
a worker process reaches the WebSocket subscribers of every API process.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

Event = dict[str, Any]
_QUEUE_SIZE = 1000


def company_batches(company_id: int) -> str:
    return f"company:{company_id}:batches"


def job_channel(job_id: str) -> str:
    return f"job:{job_id}"


def user_notifications(user_id: int) -> str:
    return f"user:{user_id}:notifications"


class EventBus(Protocol):
    async def publish(self, channel: str, event: Event) -> None: ...

    def subscribe(self, channel: str) -> Any:
        """An async context manager yielding an async iterator of events.

        Enter it *before* reading the current state, so that nothing published in between is lost."""

    async def close(self) -> None: ...


class _Fanout:
    """Per-channel subscriber queues, shared by both buses."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[Event]]] = defaultdict(set)

    def deliver(self, channel: str, event: Event) -> None:
        for queue in list(self._queues.get(channel, ())):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                # A subscriber that stopped reading loses events rather than blocking every publisher.
                log.warning("subscriber queue full on %s; event dropped", channel)

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[Event]]:
        queue: asyncio.Queue[Event] = asyncio.Queue(_QUEUE_SIZE)
        self._queues[channel].add(queue)

        async def events() -> AsyncIterator[Event]:
            while True:
                yield await queue.get()

        try:
            yield events()
        finally:
            self._queues[channel].discard(queue)
            if not self._queues[channel]:
                del self._queues[channel]


class LocalEventBus:
    def __init__(self) -> None:
        self._fanout = _Fanout()

    async def publish(self, channel: str, event: Event) -> None:
        self._fanout.deliver(channel, event)

    def subscribe(self, channel: str) -> Any:
        return self._fanout.subscribe(channel)

    async def close(self) -> None:
        return None


class RedisEventBus:
    """One pattern subscription per process; a reader task fans messages out to local queues."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix
        self._fanout = _Fanout()
        self._reader: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        pubsub = self._redis.pubsub()
        await pubsub.psubscribe(f"{self._prefix}:*")
        self._reader = asyncio.create_task(self._read(pubsub))

    async def _read(self, pubsub: Any) -> None:
        cut = len(self._prefix) + 1
        try:
            while True:
                try:
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                except (RedisError, OSError) as exc:
                    # redis-py reconnects and subscribes again on the next call.
                    log.warning("event bus lost Redis (%s); retrying", exc)
                    await asyncio.sleep(0.5)
                    continue
                if message is None:
                    continue
                channel = message["channel"]
                if isinstance(channel, bytes):
                    channel = channel.decode()
                self._fanout.deliver(channel[cut:], json.loads(message["data"]))
        finally:
            with contextlib.suppress(Exception):
                await pubsub.aclose()

    async def publish(self, channel: str, event: Event) -> None:
        await _publish(self._redis, f"{self._prefix}:{channel}", event)

    def subscribe(self, channel: str) -> Any:
        return self._fanout.subscribe(channel)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        await self._redis.aclose()


class PublishOnlyBus:
    """What a worker needs: publishing through Redis, no subscriptions."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix

    async def publish(self, channel: str, event: Event) -> None:
        await _publish(self._redis, f"{self._prefix}:{channel}", event)

    def subscribe(self, channel: str) -> Any:
        raise RuntimeError("a worker does not subscribe to events")

    async def close(self) -> None:
        return None


async def _publish(redis: Redis, channel: str, event: Event) -> None:
    """Events are notices, the database holds the truth: Redis being down must not fail the change."""
    try:
        await redis.publish(channel, json.dumps(event))
    except (RedisError, OSError) as exc:
        log.warning("event on %s not published: %s", channel, exc)


async def make_event_bus(redis_url: str | None, prefix: str) -> LocalEventBus | RedisEventBus:
    if not redis_url:
        return LocalEventBus()
    bus = RedisEventBus(Redis.from_url(redis_url), prefix)
    await bus.start()
    return bus
