"""The Starlette application: /graphql over HTTP and WebSocket, /health, /files, and the web app."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from cross_web import FormData, HTTPException, StarletteRequestAdapter
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types import ExecutionResult
from tortoise import Tortoise, connections

from ecluse.api.context import SESSION_COOKIE, Context, authenticate, credentials
from ecluse.api.masking import bounded, clean_result
from ecluse.api.schema import schema
from ecluse.db.init import close_orm, open_orm, run_migrations
from ecluse.events import make_event_bus
from ecluse.exports import export_routes
from ecluse.files import file_routes
from ecluse.jobs.queue import ArqQueue, make_job_queue
from ecluse.settings import Settings, get_settings
from ecluse.storage import FileStore
from ecluse.web.guards import BodyLimit, JsonShape, SecurityHeaders, error_response, json_over

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).parent / "web" / "static"


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


class EcluseGraphQL(GraphQL[Context, None]):
    request_adapter_class = LimitedRequestAdapter

    def __init__(self, schema: Any, *, settings: Settings, **kwargs: Any) -> None:
        super().__init__(schema, graphql_ide="graphiql" if settings.graphql_ide else None, **kwargs)
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as exc:  # strawberry's refusals too ("Batching is not enabled"...)
            code = getattr(exc, "code", "BAD_REQUEST")
            extensions = getattr(exc, "extensions", {})
            response = error_response(exc.status_code, code, bounded(exc.reason), **extensions)
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        """JSON nested past `max_json_depth`, or holding more than `max_json_values`, is refused before the
        (recursive) decoder builds it."""
        settings = self.settings
        shape = json_over(data, settings.max_json_depth, settings.max_json_values)
        if shape is not None:
            raise _Oversized(shape)
        try:
            return json.loads(data)
        except RecursionError as exc:  # the scan above keeps it from happening; never a 500 if it does
            raise _Oversized(JsonShape(settings.max_json_depth + 1, 0)) from exc

    def parse_json(self, data: str | bytes) -> Any:
        settings = self.settings
        try:
            return self.decode_json(data)
        except _Oversized as exc:
            if exc.shape.depth > settings.max_json_depth:
                maximum, found = settings.max_json_depth, exc.shape.depth
                raise Refusal(
                    400, "JSON_TOO_DEEP", f"The JSON body nests {found:,} levels deep; at most {maximum} are accepted.",
                    limit="jsonDepth", maximum=maximum, found=found,
                ) from exc  # fmt: skip
            maximum, found = settings.max_json_values, exc.shape.values
            raise Refusal(
                413, "PAYLOAD_TOO_LARGE",
                f"The JSON body holds {found:,} values; at most {maximum:,} are accepted. Send large documents of "
                "entries as a JSON file with uploadImport.",
                limit="jsonValues", maximum=maximum, found=found,
            ) from exc  # fmt: skip
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise Refusal(400, "BAD_REQUEST", "The request body is not valid JSON.") from exc

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(
            self.graphql_ide_html, headers={"content-security-policy": IDE_CONTENT_SECURITY_POLICY}
        )

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        return await super().process_result(request, clean_result(result))

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        state = request.app.state
        ctx = Context(
            request=request,
            response=response,
            settings=state.settings,
            bus=state.bus,
            jobs=state.jobs,
            store=state.store,
        )
        if isinstance(request, Request):
            ctx.token, api_key = credentials(request)
            ctx.principal = await authenticate(ctx.token, api_key)
        return ctx

    async def on_ws_connect(self, context: Context) -> Any:
        token, api_key = credentials(context.request, context.connection_params)
        context.token = token
        context.principal = await authenticate(token, api_key)
        if context.principal is None and (token or api_key):
            raise ConnectionRejectionError({"message": "invalid credentials"})
        return None


class CsrfGuard:
    """Browsers send cookies on cross-site POSTs (multipart ones without a preflight): a request that
    relies on the session cookie must carry `X-Ecluse-CSRF`, which a foreign page cannot set."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            request = Request(scope)
            uses_cookie = (
                SESSION_COOKIE in request.cookies
                and "authorization" not in request.headers
                and "x-api-key" not in request.headers
            )
            if uses_cookie and request.headers.get("x-ecluse-csrf") != "1":
                response = JSONResponse(
                    {
                        "errors": [
                            {"message": "missing X-Ecluse-CSRF header", "extensions": {"code": "FORBIDDEN"}}
                        ]
                    },
                    status_code=403,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def health(request: Request) -> JSONResponse:
    try:
        await connections.get("default").execute_query("SELECT 1")
        db = "ok"
    except Exception as exc:
        db = f"error: {exc}"
    state = request.app.state
    body = {"status": "ok" if db == "ok" else "degraded", "database": db, "jobs": type(state.jobs).__name__}
    return JSONResponse(body, status_code=200 if db == "ok" else 503)


async def index(request: Request) -> Response:
    path = request.path_params.get("path", "")
    asset = (WEB_DIR / path).resolve()
    if path and asset.is_file() and asset.is_relative_to(WEB_DIR.resolve()):
        return FileResponse(asset)  # favicon, manifest... at the top of the build
    page = WEB_DIR / "index.html"
    if page.exists():
        return FileResponse(page, headers={"cache-control": "no-cache"})
    return HTMLResponse("<!doctype html><title>Écluse</title><h1>Écluse</h1><p>API at /graphql</p>")


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> Starlette:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if migrate:
            await run_migrations(settings)
        await open_orm(settings)
        app.state.settings = settings
        app.state.store = FileStore(settings.storage_dir)
        app.state.bus = await make_event_bus(settings.redis_url, settings.channel_prefix)
        app.state.jobs = queue = await make_job_queue(settings, app.state.bus, app.state.store)
        if isinstance(queue, ArqQueue):
            queue.start_sweeper()
        else:
            resumed = await queue.resume()
            if resumed:
                log.info("resumed %d interrupted job(s)", resumed)
        try:
            yield
        finally:
            await app.state.jobs.close()
            await app.state.bus.close()
            await close_orm()

    gql = EcluseGraphQL(
        schema,
        settings=settings,
        multipart_uploads_enabled=True,
        allowed_origins=settings.allowed_origins,
        subscription_protocols=[GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL],
    )
    routes: list[Any] = [
        # Bodies are counted as they stream: 413 long before a giant upload is spooled (receive checks the
        # upload's exact limit) or a giant JSON body is read.
        Route(
            "/graphql",
            BodyLimit(
                CsrfGuard(gql),
                json_bytes=settings.max_json_body_bytes,
                upload_bytes=settings.max_upload_bytes + (1 << 20),
            ),
            methods=["GET", "POST"],
        ),
        WebSocketRoute("/graphql", gql),
        Route("/health", health),
        *file_routes(),
        *export_routes(),
        Route("/", index),
    ]
    if (WEB_DIR / "assets").is_dir():
        routes.append(Mount("/assets", StaticFiles(directory=WEB_DIR / "assets"), name="assets"))
    # The web app routes in the browser: any other GET path is one of its pages.
    routes.append(Route("/{path:path}", index))
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(SecurityHeaders)])
    app.state.settings = settings
    return app


__all__ = ["Tortoise", "create_app"]
