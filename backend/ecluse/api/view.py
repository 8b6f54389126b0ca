"""The GraphQL view's guards, before GraphQL runs and after it answers (app.EcluseGraphQL derives from it)."""

from __future__ import annotations

import json
from typing import Any

import orjson
from cross_web import FormData, HTTPException, StarletteRequestAdapter
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from ecluse.api.context import Context
from ecluse.api.masking import bounded, clean_result
from ecluse.settings import Settings
from ecluse.web.guards import JsonShape, error_response, json_over

#: Files and fields of one multipart request: an upload sends `operations`, `map` and one file.
MULTIPART_MAX_FILES = 10
MULTIPART_MAX_FIELDS = 10
#: GraphiQL loads React and itself from unpkg (only when ECLUSE_GRAPHQL_IDE is on).
IDE_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; "
    "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class Refusal(HTTPException):
    """A request refused before GraphQL runs, answered as a JSON error with a code."""

    def __init__(self, status_code: int, code: str, reason: str, **extensions: object) -> None:
        super().__init__(status_code, reason)
        self.code = code
        self.extensions = extensions


class _Oversized(json.JSONDecodeError):
    """JSON refused before decoding (a JSONDecodeError, so that a WebSocket closes as for any bad message)."""

    def __init__(self, shape: JsonShape) -> None:
        super().__init__("nested too deeply, or too many values", "", 0)
        self.shape = shape


class _HoldsNul(json.JSONDecodeError):
    """JSON holding U+0000 (a JSONDecodeError too: a WebSocket message is refused as any bad one)."""

    def __init__(self) -> None:
        super().__init__("U+0000 in a string", "", 0)


def _holds_nul(value: object) -> bool:
    """Whether a decoded JSON value (its depth and size already bounded) holds U+0000 in a string, or its
    escape in a GraphQL document: no text field of the product can hold it, and PostgreSQL refuses it."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item or "\\u0000" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class LimitedRequestAdapter(StarletteRequestAdapter):
    """The multipart form with its parts bounded: `operations` and `map` like a JSON body, a few files."""

    async def get_form_data(self) -> FormData:
        request: Request = self._request
        settings: Settings = request.app.state.settings
        try:
            form = await request.form(
                max_files=MULTIPART_MAX_FILES,
                max_fields=MULTIPART_MAX_FIELDS,
                max_part_size=settings.max_json_body_bytes,
            )
        except StarletteHTTPException as exc:
            if "maximum size" in exc.detail:
                raise Refusal(
                    413, "PAYLOAD_TOO_LARGE",
                    f"A form field is larger than {settings.max_json_body_bytes:,} bytes.",
                    limit="jsonBodyBytes", maximum=settings.max_json_body_bytes,
                ) from exc  # fmt: skip
            raise Refusal(400, "BAD_REQUEST", bounded(f"Unreadable multipart body: {exc.detail}")) from exc
        return FormData(files=form, form=form)


class GuardedGraphQL(GraphQL[Context, None]):
    """strawberry's ASGI view with the request guards: refusals answered as JSON errors with a code, JSON
    (bodies, upload `operations`, WebSocket messages) measured before it is decoded, bounded multipart forms,
    GraphiQL only when enabled (with the CSP it needs), and every result's errors cleaned (api/masking.py)."""

    request_adapter_class = LimitedRequestAdapter

    def __init__(self, schema: Any, *, settings: Settings, **kwargs: Any) -> None:
        super().__init__(schema, graphql_ide="graphiql" if settings.graphql_ide else None, **kwargs)
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as exc:  # strawberry's refusals too ("Batching is not enabled"...)
            code = getattr(exc, "code", "BAD_REQUEST")
            extensions = getattr(exc, "extensions", {})
            response = error_response(exc.status_code, code, bounded(exc.reason), **extensions)
        finally:
            # The uploads of a multipart request, spooled to disk, are closed whatever happened to it (a
            # request refused before its resolver never reaches the resolver's own close).
            await request.close()
        await response(scope, receive, send)

    def encode_json(self, data: object) -> str:
        """orjson: a page of the grid and each live event to each subscriber are encoded several times
        faster than by json.dumps. An integer past 64 bits (orjson's limit) falls back to json."""
        try:
            return orjson.dumps(data).decode()
        except TypeError:  # orjson.JSONEncodeError
            return json.dumps(data, separators=(",", ":"), ensure_ascii=False)

    def decode_json(self, data: str | bytes) -> object:
        """JSON nested past `max_json_depth`, or holding more than `max_json_values`, is refused before the
        (recursive) decoder builds it."""
        settings = self.settings
        shape = json_over(data, settings.max_json_depth, settings.max_json_values)
        if shape is not None:
            raise _Oversized(shape)
        try:
            decoded = json.loads(data)
        except RecursionError as exc:  # the scan above keeps it from happening; never a 500 if it does
            raise _Oversized(JsonShape(settings.max_json_depth + 1, 0)) from exc
        if _holds_nul(decoded):
            raise _HoldsNul()
        return decoded

    def parse_json(self, data: str | bytes) -> Any:
        settings = self.settings
        try:
            return self.decode_json(data)
        except _Oversized as exc:
            if exc.shape.depth > settings.max_json_depth:
                # The scan stops soon past the limit (a body nested a million deep is not walked to its
                # bottom), so how deep it goes is not told.
                maximum = settings.max_json_depth
                raise Refusal(
                    400, "JSON_TOO_DEEP", f"The JSON body nests more than {maximum} levels deep; at most {maximum} are accepted.",
                    limit="jsonDepth", maximum=maximum,
                ) from exc  # fmt: skip
            maximum, found = settings.max_json_values, exc.shape.values
            raise Refusal(
                413, "PAYLOAD_TOO_LARGE",
                f"The JSON body holds {found:,} values; at most {maximum:,} are accepted. Send large documents of "
                "entries as a JSON file with uploadImport.",
                limit="jsonValues", maximum=maximum, found=found,
            ) from exc  # fmt: skip
        except _HoldsNul as exc:
            raise Refusal(400, "BAD_USER_INPUT", "Text may not contain the NUL character (U+0000).") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise Refusal(400, "BAD_REQUEST", "The request body is not valid JSON.") from exc

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(
            self.graphql_ide_html, headers={"content-security-policy": IDE_CONTENT_SECURITY_POLICY}
        )

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        return await super().process_result(request, clean_result(result))
