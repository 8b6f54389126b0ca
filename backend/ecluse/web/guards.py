"""HTTP guards around the app: request bodies bounded while they stream, and security headers on every
answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: What the built web app needs, and nothing more: its own scripts, styles and API (WebSocket included,
#: which CSP 3's 'self' matches), the inline SVG favicon, no plugins, no framing, no foreign form target.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
)


#: An escaped character (it may be a quote); every byte but quotes, brackets and commas; all but these three.
_ESCAPED = re.compile(rb"\\.", re.DOTALL)
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{},')
_NOT_PUNCTUATION = bytes(b for b in range(256) if b not in b"[]{},")
_QUOTED = re.compile(rb'"[^"]*"')
_STEPS = [{ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}.get(b, 0) for b in range(256)]


@dataclass(frozen=True, slots=True)
class JsonShape:
    depth: int  # arrays and objects nested in one another (past the limit: how deep the scan got before stopping)
    values: int  # items of the arrays and objects (an empty one counts one)


#: Punctuation is summed a slice at a time, so that a body nested far too deep is refused after its first
#: slice (the scan stops there) while a normal one is still summed in C.
_SLICE = 4096


def _shape(punctuation: bytes, depth_limit: int) -> JsonShape:
    level = deepest = 0
    for start in range(0, len(punctuation), _SLICE):
        levels = list(accumulate(map(_STEPS.__getitem__, punctuation[start : start + _SLICE]), initial=level))
        deepest, level = max(deepest, *levels), levels[-1]
        if deepest > depth_limit:
            break
    values = punctuation.count(b",") + punctuation.count(b"[") + punctuation.count(b"{")
    return JsonShape(deepest, values)


def json_shape(data: str | bytes, depth_limit: int) -> JsonShape:
    """How deep a JSON text nests (up to a little past `depth_limit`) and how many values it holds, by a
    linear scan (json.loads recurses, and builds every value before anyone can count them): escapes
    dropped, then everything but quotes and punctuation, then strings, each step in C."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if b"\\" in raw:
        raw = _ESCAPED.sub(b"", raw)
    return _shape(_QUOTED.sub(b"", raw.translate(None, _NOT_STRUCTURE)), depth_limit)


def json_over(data: str | bytes, depth: int, values: int) -> JsonShape | None:
    """The JSON text's shape when it nests deeper or holds more values than allowed, else None. Counted with
    the strings first (an upper bound, a few milliseconds for megabytes); without them only when over."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    rough = _shape(raw.translate(None, _NOT_PUNCTUATION), depth)
    if rough.depth <= depth and rough.values <= values:
        return None
    shape = json_shape(raw, depth)
    return shape if shape.depth > depth or shape.values > values else None


def error_response(status: int, code: str, message: str, **extensions: object) -> JSONResponse:
    """A refusal in the shape of a GraphQL error, so that every client reads one format."""
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code, **extensions}}]}, status_code=status
    )


class _TooLarge(Exception):
    def __init__(self, received: int) -> None:
        super().__init__(received)
        self.received = received


class BodyLimit:
    """413 as soon as a request body passes its limit: multipart uploads at `upload_bytes`, every other body
    (JSON) at `json_bytes`. A Content-Length over the limit is refused before anything is read; otherwise
    the body is counted as it streams in and the request stops at the first chunk past the limit."""

    def __init__(self, app: ASGIApp, *, json_bytes: int, upload_bytes: int) -> None:
        self.app = app
        self.json_bytes = json_bytes
        self.upload_bytes = upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        multipart = headers.get("content-type", "").lower().startswith("multipart/form-data")
        limit, name = (
            (self.upload_bytes, "uploadBodyBytes") if multipart else (self.json_bytes, "jsonBodyBytes")
        )
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self.refuse(scope, receive, send, limit, name, int(declared))
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge(received)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge as exc:
            if started:
                raise
            await self.refuse(scope, receive, send, limit, name, exc.received)

    @staticmethod
    async def refuse(scope: Scope, receive: Receive, send: Send, limit: int, name: str, found: int) -> None:
        hint = (
            "Send large files in parts, or ask for a larger upload limit."
            if name == "uploadBodyBytes"
            else "Send large documents of entries as a JSON file with uploadImport."
        )
        response = error_response(
            413, "PAYLOAD_TOO_LARGE", f"The request body is larger than {limit:,} bytes. {hint}",
            limit=name, maximum=limit, found=found,
        )  # fmt: skip
        await response(scope, receive, send)


class SecurityHeaders:
    """Adds the security headers to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp, headers: Sequence[tuple[str, str]] = SECURITY_HEADERS) -> None:
        self.app = app
        self.headers = tuple(headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=list(message.get("headers", [])))
                for key, value in self.headers:
                    headers.setdefault(key, value)
                message["headers"] = headers.raw
            await send(message)

        await self.app(scope, receive, with_headers)
