"""Per-request (and per-WebSocket-connection) context: who is calling, and the app's services."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from ecluse.auth.principal import Principal, principal_for_api_key, principal_for_token
from ecluse.events import EventBus
from ecluse.jobs.queue import JobQueue
from ecluse.settings import Settings
from ecluse.storage import FileStore

SESSION_COOKIE = "ecluse_session"


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | WebSocket | None
    settings: Settings
    bus: EventBus
    jobs: JobQueue
    store: FileStore
    principal: Principal | None = None
    #: The credential that authenticated this request (for logout).
    token: str | None = None
    connection_params: dict[str, Any] | None = None
    loaders: dict[str, Any] = field(default_factory=dict)


Info = StrawberryInfo[Context, None]


def credentials(conn: HTTPConnection, params: dict[str, Any] | None = None) -> tuple[str | None, str | None]:
    """(bearer or session token, API key) from headers, WebSocket init payload, or the session cookie."""
    params = params or {}
    api_key = params.get("apiKey") or conn.headers.get("x-api-key")
    auth = params.get("authorization") or params.get("Authorization") or conn.headers.get("authorization")
    token = None
    if isinstance(auth, str) and auth.lower().startswith("bearer "):
        token = auth[7:].strip()
    if token is None and api_key is None:
        token = conn.cookies.get(SESSION_COOKIE)
    return token, api_key if isinstance(api_key, str) else None


async def authenticate(token: str | None, api_key: str | None) -> Principal | None:
    if api_key:
        return await principal_for_api_key(api_key)
    if token:
        return await principal_for_token(token)
    return None
