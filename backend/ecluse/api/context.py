"""Per-request (and per-WebSocket-connection) context: who is calling, and the app's services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network
from typing import Any, Literal

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from ecluse.auth.credentials import authenticate
from ecluse.auth.principal import Principal
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
    #: Over WebSocket: ends the connection (set by api/ws.py's handlers), and forgets it once closed.
    end_connection: Callable[[int, str], Any] | None = None
    unregister: Callable[[], None] | None = None


Info = StrawberryInfo[Context, None]


@dataclass(frozen=True, slots=True)
class Credential:
    """The one credential a request or WebSocket presents, and where it came from.

    A request that names a credential in a header (or, over WebSocket, in `connection_init`'s payload)
    is judged on that alone: a wrong, unknown or non-Bearer one never falls back to the cookie. Only a
    request with neither `Authorization` nor `X-Api-Key` is authenticated by the session cookie, and
    `source == "cookie"` is what the CSRF guard (api/csrf.py) checks."""

    token: str | None = None
    api_key: str | None = None
    source: Literal["api_key", "authorization", "cookie"] | None = None

    @property
    def by_cookie(self) -> bool:
        return self.source == "cookie"


def pick_credential(conn: HTTPConnection, params: dict[str, Any] | None = None) -> Credential:
    params = params or {}
    api_key = params.get("apiKey")
    auth = params.get("authorization", params.get("Authorization"))
    if api_key is None and auth is None:
        api_key = conn.headers.get("x-api-key")
        auth = conn.headers.get("authorization")
    if api_key is not None:
        return Credential(api_key=api_key if isinstance(api_key, str) and api_key else None, source="api_key")
    if auth is not None:
        token = None
        if isinstance(auth, str) and auth[:7].lower() == "bearer ":
            token = auth[7:].strip() or None
        return Credential(token=token, source="authorization")
    cookie = conn.cookies.get(SESSION_COOKIE)
    return Credential(token=cookie, source="cookie") if cookie else Credential()


def credentials(conn: HTTPConnection, params: dict[str, Any] | None = None) -> tuple[str | None, str | None]:
    """(bearer or session token, API key), as `pick_credential` chose them."""
    picked = pick_credential(conn, params)
    return picked.token, picked.api_key


async def caller(conn: HTTPConnection) -> Principal | None:
    """Who sent this request (a download, a GraphQL request), by the credential `pick_credential` chose."""
    token, api_key = credentials(conn)
    return await authenticate(token, api_key)


@lru_cache(maxsize=16)
def _networks(trusted: tuple[str, ...]) -> tuple[IPv4Network | IPv6Network, ...]:
    return tuple(ip_network(entry, strict=False) for entry in trusted)


def _ip(text: str) -> IPv4Address | IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        return ip_address(text)
    except ValueError:
        return None


def client_address(conn: HTTPConnection, trusted_proxies: Sequence[str] = ()) -> str:
    """The client's address: the socket peer, or — when the peer is a trusted proxy — the right-most
    address of `X-Forwarded-For` that is not itself a trusted proxy (the left part is the client's to
    write, so it is never believed)."""
    peer = conn.client.host if conn.client else ""
    networks = _networks(tuple(trusted_proxies))
    if not networks:
        return peer

    def trusted(ip: IPv4Address | IPv6Address) -> bool:
        return any(ip in net for net in networks)

    current = _ip(peer)
    if current is None or not trusted(current):
        return peer
    forwarded = ",".join(conn.headers.getlist("x-forwarded-for"))
    for entry in reversed([e for e in forwarded.split(",") if e.strip()]):
        hop = _ip(entry)
        if hop is None:
            break  # garbage where a proxy should have written: stop at the last proxy seen
        current = hop
        if not trusted(hop):
            break
    return str(current)
