"""Cross-site request forgery: what a foreign page can make a browser send to /graphql, refused.

A browser attaches the session cookie to cross-site requests it sends without a preflight: form posts
(url-encoded, multipart, text/plain) and GET navigations. A foreign page can set neither a custom header nor
`Content-Type: application/json` without a CORS preflight, which this server never grants. So:

- a request authenticated by the cookie must carry `X-Ecluse-CSRF: 1`, whatever its method and other
  headers (whether the cookie is what authenticates it is decided by `pick_credential`, the function that
  picks the credential, so the guard and the authentication never disagree);
- a POST authenticated by no header must be `application/json` or carry the header: `login` and `logout`
  cannot be sent by a form (login CSRF would log a victim into the attacker's account).

Requests authenticated by `Authorization` or `X-Api-Key` are not a browser's doing and pass.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ecluse.api.context import pick_credential

CSRF_HEADER = "x-ecluse-csrf"


def refusal(request: Request) -> str | None:
    """Why this request could be a forgery, or None."""
    if request.headers.get(CSRF_HEADER) == "1":
        return None
    credential = pick_credential(request)
    if credential.by_cookie:
        return "A request authenticated by the session cookie must carry the X-Ecluse-CSRF: 1 header."
    if request.method == "POST" and credential.source is None:
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type != "application/json":
            return "Send this request as application/json, or with the X-Ecluse-CSRF: 1 header."
    return None


class CsrfGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (reason := refusal(Request(scope))) is not None:
            body = {"errors": [{"message": reason, "extensions": {"code": "FORBIDDEN"}}]}
            await JSONResponse(body, status_code=403)(scope, receive, send)
            return
        await self.app(scope, receive, send)
