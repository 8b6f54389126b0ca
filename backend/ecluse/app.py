"""The Starlette application: /graphql over HTTP and WebSocket, /health, /files, and the web app."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from tortoise import Tortoise, connections

from ecluse.api.context import SESSION_COOKIE, Context, authenticate, credentials
from ecluse.api.schema import schema
from ecluse.api.view import GuardedGraphQL
from ecluse.db.init import close_orm, open_orm, run_migrations
from ecluse.events import make_event_bus
from ecluse.exports import export_routes
from ecluse.files import file_routes
from ecluse.jobs.queue import ArqQueue, make_job_queue
from ecluse.settings import Settings, get_settings
from ecluse.storage import FileStore
from ecluse.web.guards import BodyLimit, SecurityHeaders

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).parent / "web" / "static"


class EcluseGraphQL(GuardedGraphQL):
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
