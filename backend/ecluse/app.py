"""The Starlette application: /graphql over HTTP and WebSocket, /health, /files, and the web app."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from tortoise import Tortoise

from ecluse.activity.record import origin as audit_origin
from ecluse.api.context import Context, client_address, credentials, pick_credential
from ecluse.api.csrf import CsrfGuard
from ecluse.api.schema import schema
from ecluse.api.view import GuardedGraphQL
from ecluse.api.ws import LegacyWSHandler, TransportWSHandler, cookie_origin_allowed, watch
from ecluse.auth.credentials import authenticate
from ecluse.auth.sessions import SessionWatch
from ecluse.db.init import orm_open, run_migrations
from ecluse.events import make_event_bus
from ecluse.imports.jobs import register_jobs
from ecluse.jobs.queue import make_job_queue
from ecluse.settings import Settings, get_settings
from ecluse.storage import FileStore
from ecluse.web.exports import export_routes
from ecluse.web.files import file_routes
from ecluse.web.guards import BodyLimit, SecurityHeaders
from ecluse.web.health import health

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
        # The audit trail's "from where" for whatever this request (or socket) changes.
        audit_origin.set(client_address(request, state.settings.trusted_proxies))
        if isinstance(request, Request):
            ctx.token, api_key = credentials(request)
            ctx.principal = await authenticate(ctx.token, api_key)
        return ctx

    # Handlers that auth/sessions.py can end from outside (a logout, a revoked key): see api/ws.py.
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler

    async def on_ws_connect(self, context: Context) -> Any:
        credential = pick_credential(context.request, context.connection_params)
        if credential.by_cookie and not cookie_origin_allowed(
            context.request, context.settings.allowed_origins
        ):
            raise ConnectionRejectionError({"message": "the session cookie is not accepted from this origin"})
        context.token = credential.token
        context.principal = await authenticate(credential.token, credential.api_key)
        if context.principal is None and credential.source is not None:
            raise ConnectionRejectionError({"message": "invalid credentials"})
        watch(context, credential)
        return None


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
    register_jobs()  # the job kinds the in-process runner takes up

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if migrate:
            await run_migrations(settings)
        # Each part opened is closed in reverse order even when an earlier close fails: an ORM left open
        # would refuse the next start in this process.
        async with AsyncExitStack() as opened:
            await opened.enter_async_context(orm_open(settings))
            app.state.settings = settings
            app.state.store = FileStore(settings.storage_dir)
            app.state.bus = await make_event_bus(settings.redis_url, settings.channel_prefix)
            opened.push_async_callback(app.state.bus.close)
            app.state.jobs = await make_job_queue(settings, app.state.bus, app.state.store)
            opened.push_async_callback(app.state.jobs.close)
            await app.state.jobs.start()  # sweeper and reaper; in process, also the runner's registration
            app.state.session_watch = SessionWatch(app.state.bus, settings.session_recheck_s)
            opened.push_async_callback(app.state.session_watch.close)
            await app.state.session_watch.start()
            yield

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
