"""GraphQL WebSocket connections that can be ended from outside, and the rules for opening one.

Strawberry runs each connection in a protocol handler whose receive loop owns the socket; its operations
(subscriptions, and queries or mutations sent over the socket) are tasks. Ending a connection cleanly from
another task is: cancel those tasks and wait for them (each subscription's `async with bus.subscribe(...)`
exits), then send the close frame. The client answers it, the receive loop sees the disconnect and the
handler shuts down as after any close. The handlers below expose that as `context.end_connection`, and an
authenticated connection registers itself with auth/sessions.py so that ending its credential closes it.
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.requests import HTTPConnection
from starlette.websockets import WebSocketDisconnect
from strawberry.http.websocket_origin import is_same_origin, normalize_origin
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler

from ecluse.api.context import Context, Credential
from ecluse.auth import sessions
from ecluse.auth.principal import api_key_digest, session_digest


async def _close(handler_websocket: object, code: int, reason: str) -> None:
    with contextlib.suppress(RuntimeError, OSError, WebSocketDisconnect):  # already closed by the peer
        await handler_websocket.close(code, reason)  # type: ignore[attr-defined]


class _Endable:
    """What both protocols' handlers add: the connection registers how to end it (auth/sessions.py calls
    that on a logout or a revoked key) and forgets itself when it closes."""

    context: Context

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.context.end_connection = self.end

    async def handle(self) -> None:
        try:
            await super().handle()  # type: ignore[misc]
        finally:
            if self.context.unregister is not None:
                self.context.unregister()

    async def end(self, code: int, reason: str) -> None:
        raise NotImplementedError


class TransportWSHandler(_Endable, BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws, endable from outside."""

    async def end(self, code: int, reason: str) -> None:
        tasks = [op.task for op in self.operations.values() if op.task is not None]
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        for task in tasks:
            if task is not asyncio.current_task():
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await task
        await _close(self.websocket, code, reason)


class LegacyWSHandler(_Endable, BaseGraphQLWSHandler[Context, None]):
    """graphql-ws (the older protocol), endable from outside."""

    async def end(self, code: int, reason: str) -> None:
        await self.cleanup()  # cancels each operation and waits for it
        await _close(self.websocket, code, reason)


def cookie_origin_allowed(ws: HTTPConnection, allowed_origins: list[str]) -> bool:
    """A WebSocket authenticated by the cookie comes from this site or from an origin named in
    `allowed_origins` (a `*` there lets foreign pages connect with a token, never with the cookie)."""
    origin = ws.headers.get("origin")
    if origin is None:
        return True  # not a browser: nothing forged
    if ws.headers.get("sec-fetch-site") == "same-origin" or is_same_origin(origin, ws.headers.get("host")):
        return True
    normalized = normalize_origin(origin)
    return normalized is not None and any(
        normalize_origin(o) == normalized for o in allowed_origins if o != "*"
    )


def watch(context: Context, credential: Credential) -> None:
    """Register an authenticated connection, so that ending its credential closes it."""
    if context.unregister is not None:  # graphql-ws lets a client send connection_init again
        context.unregister()
        context.unregister = None
    who = context.principal
    if who is None or context.end_connection is None:
        return
    if credential.api_key:
        digest: str | None = api_key_digest(credential.api_key)
    else:
        digest = session_digest(credential.token) if credential.token else None
    context.unregister = sessions.register(
        sessions.Connection(
            digest=digest, user_id=who.user_id, api_key_id=who.api_key_id, close=context.end_connection
        )
    )
