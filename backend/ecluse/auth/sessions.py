"""Ending sessions — a logout, a revoked API key, a deactivated user — through one hook.

`end_sessions` ends the credential in the database (the session rows deleted, the key revoked), forgets it
in this process, closes this process's WebSockets it authenticated, and publishes `sessions:ended` on the
event bus. Every API process runs a `SessionWatch` that does the same on that event: its remembered
credentials are dropped and its WebSockets closed with code 4401, which ends their subscriptions. The watch
also checks its open connections' credentials every `session_recheck_s`, for an event lost while Redis was
down and for sessions that expire while their socket is open.

Connections register here per process (`register`, by whoever accepts them: api/ws.py); this module knows
them only as a digest, a user id, an API key id and a coroutine that closes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ecluse.auth.models import ApiKey, Session
from ecluse.auth.principal import forget, session_digest
from ecluse.events import Event, EventBus

log = logging.getLogger(__name__)

SESSIONS_CHANNEL = "sessions:ended"
#: The WebSocket close code a client sees when its credential was ended (graphql-ws does not retry it).
CLOSE_CODE = 4401
CLOSE_REASON = "Session ended"

Closer = Callable[[int, str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Connection:
    """An open connection as this module sees it: the credential that authenticated it, and its closer."""

    digest: str | None
    user_id: int | None
    api_key_id: int | None
    close: Closer


@dataclass(frozen=True, slots=True)
class Ended:
    """What was ended: one session or key (by its digest), every session of a user, or an API key; or, with
    `roles`, no credential but everyone's remembered roles (a company archived or restored)."""

    digest: str | None = None
    user_id: int | None = None
    api_key_id: int | None = None
    roles: bool = False

    def covers(self, conn: Connection) -> bool:
        return (
            (self.digest is not None and conn.digest == self.digest)
            or (self.user_id is not None and conn.user_id == self.user_id)
            or (self.api_key_id is not None and conn.api_key_id == self.api_key_id)
        )

    def as_event(self) -> Event:
        return {
            "digest": self.digest,
            "user_id": self.user_id,
            "api_key_id": self.api_key_id,
            "roles": self.roles,
        }

    @classmethod
    def from_event(cls, event: Event) -> Ended | None:
        digest, user_id, key_id = event.get("digest"), event.get("user_id"), event.get("api_key_id")
        if not (digest is None or isinstance(digest, str)):
            return None
        if not all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in (user_id, key_id)):
            return None
        return cls(digest, user_id, key_id, event.get("roles") is True)


_connections: dict[int, Connection] = {}
_ids = itertools.count(1)
#: Closing tasks, kept referenced until they end (asyncio holds tasks weakly).
_closing: set[asyncio.Task[None]] = set()


def register(conn: Connection) -> Callable[[], None]:
    """Track an open connection in this process; returns the function that forgets it (call it on close)."""
    handle = next(_ids)
    _connections[handle] = conn

    def unregister() -> None:
        _connections.pop(handle, None)

    return unregister


def open_connections() -> int:
    return len(_connections)


def _close(handle: int, conn: Connection) -> None:
    # Not awaited: the caller may be an operation of the very connection being closed (a logout sent over
    # the WebSocket), which the close cancels.
    _connections.pop(handle, None)
    task = asyncio.get_running_loop().create_task(_close_quietly(conn))
    _closing.add(task)
    task.add_done_callback(_closing.discard)


async def _close_quietly(conn: Connection) -> None:
    try:
        await conn.close(CLOSE_CODE, CLOSE_REASON)
    except Exception:  # the peer went away first: nothing left to close
        log.debug("closing an ended session's connection failed", exc_info=True)


def apply(ended: Ended) -> int:
    """Forget the ended credentials in this process and close the connections they authenticated."""
    forget(ended.digest, ended.user_id, ended.api_key_id, everyone=ended.roles)
    matching = [(h, c) for h, c in list(_connections.items()) if ended.covers(c)]
    for handle, conn in matching:
        _close(handle, conn)
    return len(matching)


async def end_sessions(
    bus: EventBus, *, token: str | None = None, user_id: int | None = None, api_key_id: int | None = None
) -> None:
    """End a session token, every session of a user, or an API key: in the database, then on every API
    process (remembered credentials dropped, WebSockets closed). Safe to call twice."""
    digest = session_digest(token) if token else None
    if digest is not None:
        await Session.filter(token_hash=digest).delete()
    if user_id is not None:
        await Session.filter(user_id=user_id).delete()
    if api_key_id is not None:
        await ApiKey.filter(id=api_key_id, revoked_at=None).update(revoked_at=datetime.now(UTC))
    ended = Ended(digest, user_id, api_key_id)
    apply(ended)
    await bus.publish(SESSIONS_CHANNEL, ended.as_event())


async def roles_changed(bus: EventBus, user_id: int | None = None) -> None:
    """Roles changed: every API process forgets the roles it remembers (of one user, or of everyone when a
    company is archived or restored), so the next request reads them again. A user's WebSockets are closed
    too, sessions kept: the client reconnects at once with its new roles, and a subscription to a company it
    lost does not go on."""
    ended = Ended(user_id=user_id) if user_id is not None else Ended(roles=True)
    apply(ended)
    await bus.publish(SESSIONS_CHANNEL, ended.as_event())


async def _ended(conns: dict[int, Connection]) -> list[int]:
    """The handles (of `conns`) of the connections whose credential is no longer good."""
    now = datetime.now(UTC)
    digests = {c.digest for c in conns.values() if c.api_key_id is None and c.digest}
    key_ids = {c.api_key_id for c in conns.values() if c.api_key_id is not None}
    live_digests: set[str] = set()
    if digests:
        found = await Session.filter(
            token_hash__in=digests, expires_at__gt=now, user__is_active=True
        ).values_list("token_hash", flat=True)
        live_digests = {str(d) for d in found}
    live_keys: set[int] = set()
    if key_ids:
        kept = await ApiKey.filter(id__in=key_ids, revoked_at=None).values_list("id", flat=True)
        live_keys = {int(str(k)) for k in kept}
    return [
        handle
        for handle, c in conns.items()
        if (c.api_key_id not in live_keys if c.api_key_id is not None else c.digest not in live_digests)
    ]


async def recheck() -> int:
    """Close the connections whose credential ended without this process hearing of it; how many."""
    conns = dict(_connections)
    if not conns:
        return 0
    closed = 0
    for handle in await _ended(conns):
        conn = conns[handle]
        if _connections.get(handle) is conn:
            forget(conn.digest, None, conn.api_key_id)
            _close(handle, conn)
            closed += 1
    return closed


class SessionWatch:
    """One per API process: applies the `sessions:ended` events of every process, and rechecks."""

    def __init__(self, bus: EventBus, recheck_s: float) -> None:
        self._bus = bus
        self._recheck_s = recheck_s
        self._stack = contextlib.AsyncExitStack()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        # Subscribed before returning: an event published once the app serves is never missed.
        events = await self._stack.enter_async_context(self._bus.subscribe(SESSIONS_CHANNEL))
        self._tasks = [asyncio.create_task(self._listen(events)), asyncio.create_task(self._recheck())]

    async def _listen(self, events: Any) -> None:
        async for event in events:
            ended = Ended.from_event(event) if isinstance(event, dict) else None
            if ended is None:
                log.warning("malformed %s event ignored", SESSIONS_CHANNEL)
                continue
            apply(ended)

    async def _recheck(self) -> None:
        while True:
            await asyncio.sleep(self._recheck_s)
            try:
                closed = await recheck()
            except Exception:  # the database away for a moment: the next round tries again
                log.warning("session recheck failed", exc_info=True)
                continue
            if closed:
                log.info("closed %d connection(s) whose session had ended", closed)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._stack.aclose()
        for task in list(_closing):
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await task
