"""Hostile tests of the sessions: password guessing, forged cross-site requests, sessions that must end.

Every attack goes through the public interfaces (GraphQL over HTTP and WebSocket, downloads), bounded and on
loopback. The socket peer the app sees is set per request by `X-Test-Peer` (a stand-in for the network, see
`PeerFromHeader`), so that one test can play an attacker and a victim at different addresses.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import anyio
import pytest
from argon2 import PasswordHasher
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocketDisconnect

from ecluse.demo import demo_fec
from tests.conftest import _truncate
from tests.support import PASSWORD, Api, seed_firm

LOGIN = """mutation($e: String!, $p: String!) {
  login(email: $e, password: $p) { token retryAfterSeconds user { email } errors { code message } }
}"""
SUB_BATCHES = "subscription($c: ID!) { importBatchChanged(companyId: $c) { id status } }"
SUB_NOTES = "subscription { notifications { kind } }"
CREATE_KEY = 'mutation($c: ID!) { createApiKey(companyId: $c, name: "Partner") { key apiKey { id } } }'
REVOKE_KEY = "mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revoked } errors { code } } }"
VICTIM = "admin@firm.test"
ATTACKER, VICTIM_HOME, ELSEWHERE = "198.51.100.66", "203.0.113.10", "192.0.2.44"
#: Delays long enough that no test ever sees one expire (the delay arithmetic is tested with a clock).
THROTTLE = {"LOGIN_FREE_FAILURES": "3", "LOGIN_DELAY_BASE_S": "30", "LOGIN_DELAY_MAX_S": "120"}


class PeerFromHeader:
    """The network, for tests: the socket peer of a request is its `X-Test-Peer` header, when present."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            peer = dict(scope["headers"]).get(b"x-test-peer")
            if peer:
                scope = {**scope, "client": (peer.decode(), 40000)}
        await self.app(scope, receive, send)


@contextlib.contextmanager
def serving(monkeypatch: pytest.MonkeyPatch, **settings: str) -> Iterator[tuple[Api, dict[str, Any]]]:
    """The app with these settings (ECLUSE_* names without the prefix), its tables emptied, the firm seeded."""
    from ecluse.app import create_app
    from ecluse.settings import get_settings, reset_settings

    for name, value in {**THROTTLE, **settings}.items():
        monkeypatch.setenv(f"ECLUSE_{name}", value)
    reset_settings()
    try:
        with TestClient(PeerFromHeader(create_app(get_settings()))) as client:
            client.portal.call(_truncate)
            firm = client.portal.call(seed_firm)
            yield Api(client), firm
    finally:
        reset_settings()


@pytest.fixture
def app_firm(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Api, dict[str, Any]]]:
    with serving(monkeypatch) as served:
        yield served


def attempt(api: Api, email: str, password: str, peer: str, **headers: str) -> dict[str, Any]:
    response = api.post(
        json={"query": LOGIN, "variables": {"e": email, "p": password}},
        headers={"X-Test-Peer": peer, **headers},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"]["login"])


def code(payload: dict[str, Any]) -> str | None:
    return payload["errors"][0]["code"] if payload["errors"] else None


def token_of(api: Api, email: str, peer: str = ELSEWHERE) -> str:
    payload = attempt(api, email, PASSWORD, peer)
    assert payload["token"], payload
    return str(payload["token"])


def gql_error(body: dict[str, Any]) -> str | None:
    errors = body.get("errors")
    return errors[0]["extensions"]["code"] if errors else None


def settled_upload(api: Api, firm: dict[str, Any], name: str, seed: int, **auth: str) -> dict[str, Any]:
    """Upload a small file and wait for its parse to end (a job still writing when the test ends would hold
    locks that the next test's TRUNCATE waits on)."""
    batch = api.upload(firm["company"], name, demo_fec(2, 2025, seed=seed), **auth)["batch"]
    return api.wait_batch(batch["id"], {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}, **auth)


# --- Login throttling -------------------------------------------------------------------------------------


def test_guessing_one_account_is_throttled_and_costs_no_argon2(
    app_firm: tuple[Api, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    api, _ = app_firm
    verified = []
    original = PasswordHasher.verify
    monkeypatch.setattr(PasswordHasher, "verify", lambda s, h, p: verified.append(h) or original(s, h, p))
    tried, refused = 0, 0
    for _ in range(40):  # 300 in a minute went through before
        payload = attempt(api, VICTIM, "guess", ATTACKER)
        tried += 1
        if code(payload) == "TOO_MANY_ATTEMPTS":
            refused += 1
            assert payload["token"] is None and payload["user"] is None
            assert 1 <= payload["retryAfterSeconds"] <= 30
            assert "Try again in" in payload["errors"][0]["message"]
        else:
            assert code(payload) == "INVALID_CREDENTIALS"
    assert (tried, refused) == (40, 37)  # three free failures, then a 30 s delay refuses the rest
    assert len(verified) == 3  # a refused attempt never reached the password check
    # Refused even with the right password: the check comes before the password.
    assert code(attempt(api, VICTIM, PASSWORD, ATTACKER)) == "TOO_MANY_ATTEMPTS"
    assert len(verified) == 3


def test_victim_at_another_address_still_logs_in(app_firm: tuple[Api, dict[str, Any]]) -> None:
    api, _ = app_firm
    for _ in range(10):
        attempt(api, VICTIM, "guess", ATTACKER)
    assert code(attempt(api, VICTIM, "guess", ATTACKER)) == "TOO_MANY_ATTEMPTS"
    home = attempt(api, VICTIM, PASSWORD, VICTIM_HOME)
    assert home["errors"] == [] and home["token"] and home["user"] == {"email": VICTIM}
    # The victim's own typos count for the victim's pair only, from the start.
    assert code(attempt(api, VICTIM, "typo", VICTIM_HOME)) == "INVALID_CREDENTIALS"


def test_a_success_clears_its_pair(app_firm: tuple[Api, dict[str, Any]]) -> None:
    api, _ = app_firm
    results = [code(attempt(api, VICTIM, p, ELSEWHERE)) for p in ("typo", "typo", PASSWORD)]
    assert results == ["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", None]
    # Counted afresh: three free failures again, then the delay.
    after = [code(attempt(api, VICTIM, "typo", ELSEWHERE)) for _ in range(4)]
    assert after == ["INVALID_CREDENTIALS"] * 3 + ["TOO_MANY_ATTEMPTS"]


def test_unknown_email_is_throttled_the_same_way(app_firm: tuple[Api, dict[str, Any]]) -> None:
    api, _ = app_firm
    refusals = []
    for email in (VICTIM, "nobody@firm.test"):
        for _ in range(3):
            assert code(attempt(api, email, "guess", ATTACKER)) == "INVALID_CREDENTIALS"
        refused = attempt(api, email, "guess", ATTACKER)
        assert code(refused) == "TOO_MANY_ATTEMPTS" and 25 <= refused["retryAfterSeconds"] <= 30
        refusals.append(
            {**refused, "retryAfterSeconds": None, "errors": [{**refused["errors"][0], "message": ""}]}
        )
    assert refusals[0] == refusals[1]


def test_each_address_has_a_cap_across_accounts(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    with serving(monkeypatch, LOGIN_ADDRESS_MAX_FAILURES="6") as (api, _):
        # Spraying one password over many accounts: each pair is fresh, the address is not.
        results = [code(attempt(api, f"user{i}@firm.test", "Summer2026!", ATTACKER)) for i in range(10)]
        assert results == ["INVALID_CREDENTIALS"] * 6 + ["TOO_MANY_ATTEMPTS"] * 4
        refused = attempt(api, "fresh@firm.test", "x", ATTACKER)
        assert refused["retryAfterSeconds"] > 60  # the address waits for its window, not a pair's delay
        assert attempt(api, VICTIM, PASSWORD, VICTIM_HOME)["errors"] == []
        # Logins that succeed do not use up an address's cap (a shared office address).
        for _ in range(8):
            assert attempt(api, VICTIM, PASSWORD, VICTIM_HOME)["errors"] == []


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with serving(monkeypatch, TRUSTED_PROXIES='["10.0.0.0/8"]') as (api, _):
        # An untrusted peer rotating X-Forwarded-For is still one address.
        results = [
            code(attempt(api, VICTIM, "guess", ATTACKER, **{"X-Forwarded-For": f"203.0.113.{i}"}))
            for i in range(5)
        ]
        assert results == ["INVALID_CREDENTIALS"] * 3 + ["TOO_MANY_ATTEMPTS"] * 2
        # Behind the trusted proxy, the right-most address it did not add is the client: the part the
        # client wrote itself (left) is not believed.
        proxy = "10.1.2.3"
        via = {"X-Forwarded-For": "1.1.1.1, 192.0.2.200, 10.9.9.9"}
        results = [code(attempt(api, VICTIM, "guess", proxy, **via)) for _ in range(4)]
        assert results == ["INVALID_CREDENTIALS"] * 3 + ["TOO_MANY_ATTEMPTS"]
        spoofed = {"X-Forwarded-For": "7.7.7.7, 192.0.2.200"}
        assert code(attempt(api, VICTIM, "guess", proxy, **spoofed)) == "TOO_MANY_ATTEMPTS"
        # Another client behind the same proxy is another address; and the proxy's clients are not the
        # proxy (its own address throttles nothing of theirs).
        other = {"X-Forwarded-For": "192.0.2.201"}
        assert attempt(api, VICTIM, PASSWORD, proxy, **other)["errors"] == []


def test_a_real_server_believes_no_forwarded_for_by_default(
    app_firm: tuple[Api, dict[str, Any]], env: dict[str, str], tmp_path: Any
) -> None:
    """`ecluse serve` on loopback: uvicorn would believe a local peer's X-Forwarded-For; the setting says no."""
    from tests.processes import server

    with server({**env, **{f"ECLUSE_{k}": v for k, v in THROTTLE.items()}}, tmp_path / "serve.log") as srv:
        results = []
        for i in range(5):
            response = srv.http.post(
                "/graphql",
                json={"query": LOGIN, "variables": {"e": VICTIM, "p": "guess"}},
                headers={"X-Forwarded-For": f"203.0.113.{i}", "X-Real-IP": f"203.0.113.{i}"},
            )
            results.append(code(response.json()["data"]["login"]))
        assert results == ["INVALID_CREDENTIALS"] * 3 + ["TOO_MANY_ATTEMPTS"] * 2


def test_unknown_email_runs_the_same_password_check(
    app_firm: tuple[Api, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same argon2 verification, with the same parameters, whether or not the email exists (timing is
    shown by bench/bench_login.py, not asserted here)."""
    api, _ = app_firm
    calls: list[str] = []
    original = PasswordHasher.verify
    monkeypatch.setattr(PasswordHasher, "verify", lambda s, h, p: calls.append(h) or original(s, h, p))
    known = attempt(api, VICTIM, "wrong", ELSEWHERE)
    unknown = attempt(api, "nobody-at-all@firm.test", "wrong", ELSEWHERE)
    assert known == unknown
    assert len(calls) == 2
    params = {h.rsplit("$", 2)[0] for h in calls}  # $argon2id$v=19$m=…,t=…,p=…
    assert len(params) == 1 and params.pop().startswith("$argon2id$")
    # An email no account can have (longer than the column) is answered alike, without argon2 work: its
    # timing tells nothing about accounts, and a flood of them costs no CPU.
    assert attempt(api, "x" * 300 + "@firm.test", "wrong", ELSEWHERE) == known
    assert len(calls) == 2


# --- Cross-site request forgery -----------------------------------------------------------------------------


def _cookie_headers(token: str, **extra: str) -> dict[str, str]:
    return {"Cookie": f"ecluse_session={token}", **extra}


def _key_count(api: Api, firm: dict[str, Any], admin: str) -> int:
    data = api.gql("query($c: ID!) { apiKeys(companyId: $c) { id } }", {"c": firm["company"]}, token=admin)
    return len(data["apiKeys"])


def test_cookie_requests_without_the_csrf_header_are_refused(app_firm: tuple[Api, dict[str, Any]]) -> None:
    api, firm = app_firm
    admin = token_of(api, VICTIM)
    create = {"query": CREATE_KEY, "variables": {"c": firm["company"]}}
    tried = refused = 0

    def forged(response: Any) -> None:
        nonlocal tried, refused
        tried += 1
        if response.status_code == 403:
            assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
            refused += 1
        else:  # the cookie was not used: the request ran as nobody
            assert response.status_code in (200, 400), response.text
            if response.status_code == 200:
                assert gql_error(response.json()) == "UNAUTHENTICATED", response.text
            refused += 1

    for extra in (
        {},
        {"Authorization": "Basic YWRtaW46eA=="},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": ""},
        {"X-Api-Key": "eck_bogus"},
        {"X-Api-Key": ""},
        {"X-Ecluse-CSRF": "0"},
        {"X-Ecluse-CSRF": "true"},
        {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    ):
        forged(api.post(json=create, headers=_cookie_headers(admin, **extra)))
    # A form post (multipart needs no preflight), url-encoded and text/plain bodies.
    multipart = {"operations": json.dumps(create), "map": "{}"}
    forged(api.post(data=multipart, files={"x": ("a.txt", b"x")}, headers=_cookie_headers(admin)))
    forged(api.post(data={"query": CREATE_KEY}, headers=_cookie_headers(admin)))
    forged(
        api.post(content=json.dumps(create), headers=_cookie_headers(admin, **{"Content-Type": "text/plain"}))
    )
    # Queries over GET with the cookie (a top-level navigation carries a SameSite=Lax cookie).
    forged(api.client.get("/graphql", params={"query": "{ me { name } }"}, headers=_cookie_headers(admin)))
    assert tried == refused == 13
    assert _key_count(api, firm, admin) == 0  # nothing was created by any of them
    # The same cookie with the header works, by POST and by GET.
    ok = api.post(json=create, headers=_cookie_headers(admin, **{"X-Ecluse-CSRF": "1"}))
    assert ok.json()["data"]["createApiKey"]["key"]
    got = api.client.get(
        "/graphql",
        params={"query": "{ me { name } }"},
        headers=_cookie_headers(admin, **{"X-Ecluse-CSRF": "1"}),
    )
    assert got.json()["data"]["me"]["name"] == "Admin"
    api.client.cookies.clear()


def test_login_and_logout_refuse_what_a_form_can_send(app_firm: tuple[Api, dict[str, Any]]) -> None:
    api, _ = app_firm
    query = f'mutation {{ login(email: "{VICTIM}", password: "{PASSWORD}") {{ token }} }}'
    operations = json.dumps({"query": query})
    for kwargs in (
        {"data": {"query": query}},  # application/x-www-form-urlencoded
        {"content": operations, "headers": {"Content-Type": "text/plain"}},
        {"content": operations, "headers": {"Content-Type": "text/plain; application/json"}},
        {"data": {"operations": operations, "map": "{}"}, "files": {"x": ("a", b"a")}},
        {"content": operations, "headers": {}},  # no content type at all
    ):
        response = api.post(**kwargs)
        assert response.status_code == 403, (kwargs, response.text)
        assert "ecluse_session" not in response.headers.get("set-cookie", "")
    logout = json.dumps({"query": "mutation { logout }"})
    assert api.post(content=logout, headers={"Content-Type": "text/plain"}).status_code == 403
    # JSON, or the CSRF header, is what the web app and the other clients send.
    assert api.post(json={"query": query}).json()["data"]["login"]["token"]
    form_with_header = api.post(
        content=operations, headers={"Content-Type": "text/plain", "X-Ecluse-CSRF": "1"}
    )
    assert form_with_header.status_code != 403  # let through to GraphQL (which wants JSON anyway)


def test_session_cookie_is_lax_and_downloads_leak_nothing_cross_site(
    app_firm: tuple[Api, dict[str, Any]],
) -> None:
    api, firm = app_firm
    response = api.post(
        json={"query": f'mutation {{ login(email: "{VICTIM}", password: "{PASSWORD}") {{ token }} }}'}
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    token = response.json()["data"]["login"]["token"]
    batch = settled_upload(api, firm, "x.txt", 1, token=token)
    evil = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    for path in (
        f"/files/batches/{batch['id']}/original",
        f"/files/batches/{batch['id']}/errors.csv",
    ):
        got = api.client.get(path, headers=_cookie_headers(token, **evil))
        assert got.status_code == 200
        # Readable by a foreign page only through CORS, which is never granted; saved, never rendered.
        assert not any(h.startswith("access-control-") for h in got.headers)
        assert got.headers["content-disposition"].startswith("attachment")
        preflight = api.client.options(path, headers={**evil, "Access-Control-Request-Method": "GET"})
        assert "access-control-allow-origin" not in preflight.headers
    api.client.cookies.clear()


# --- WebSockets: cross-site hijacking, and sessions that end -------------------------------------------------


async def _receive(rx: Any, seconds: float) -> Any:
    with anyio.fail_after(seconds):
        return await rx.receive()


def receive(session: Any, seconds: float = 10) -> dict[str, Any]:
    """The next message from the server, or a failure after `seconds` (TestClient's own receive waits)."""
    message = session.portal.call(_receive, session._send_rx, seconds)
    if message["type"] == "websocket.send":
        return dict(json.loads(message["text"]))
    return dict(message)


@contextlib.contextmanager
def subscribed(
    api: Api, payload: dict[str, Any], query: str, variables: dict[str, Any] | None = None,
    protocol: str = "graphql-transport-ws", headers: dict[str, str] | None = None,
) -> Iterator[Any]:  # fmt: skip
    with api.client.websocket_connect(
        "/graphql", subprotocols=[protocol], headers=dict(headers or {})
    ) as session:
        session.send_json({"type": "connection_init", "payload": payload})
        assert receive(session)["type"] == "connection_ack"
        start = "subscribe" if protocol == "graphql-transport-ws" else "start"
        session.send_json(
            {"id": "1", "type": start, "payload": {"query": query, "variables": variables or {}}}
        )
        yield session


def assert_ended(session: Any) -> None:
    message = receive(session)
    while message.get("type") == "complete":  # graphql-ws says each operation is complete, then closes
        message = receive(session)
    assert message == {"type": "websocket.close", "code": 4401, "reason": "Session ended"}, message


def assert_alive(api: Api, session: Any, firm: dict[str, Any], token: str) -> None:
    """The subscription still delivers: an upload's status changes reach it."""
    settled_upload(api, firm, "alive.txt", 5, token=token)
    message = receive(session, 60)
    assert message["type"] == "next" and message["payload"]["data"]["importBatchChanged"], message


def test_cookie_websocket_from_a_foreign_origin_is_refused(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    init = {"type": "connection_init", "payload": {}}
    # allowed_origins as deployed: a foreign page is refused at the handshake.
    with serving(monkeypatch) as (api, _):
        token = token_of(api, VICTIM)
        for origin in ("https://evil.example", "null", "http://testserver.evil.example"):
            headers = {**_cookie_headers(token), "Origin": origin}
            with (
                pytest.raises(WebSocketDisconnect),
                api.client.websocket_connect("/graphql", ["graphql-transport-ws"], headers=headers) as ws,
            ):
                ws.send_json(init)
                ws.receive_json()
        # Same origin (the web app) is welcome.
        same = {**_cookie_headers(token), "Origin": "http://testserver"}
        with api.client.websocket_connect("/graphql", ["graphql-transport-ws"], headers=same) as ws:
            ws.send_json(init)
            assert receive(ws)["type"] == "connection_ack"
    # Even where every origin may connect (partner pages with a token), the cookie is not accepted.
    with serving(monkeypatch, ALLOWED_ORIGINS='["*"]') as (api, _):
        token = token_of(api, VICTIM)
        headers = {**_cookie_headers(token), "Origin": "https://evil.example"}
        with api.client.websocket_connect("/graphql", ["graphql-transport-ws"], headers=headers) as ws:
            ws.send_json(init)
            assert receive(ws) == {"type": "websocket.close", "code": 4403, "reason": "Forbidden"}
        with api.client.websocket_connect(
            "/graphql", ["graphql-transport-ws"], headers={"Origin": "https://partner.example"}
        ) as ws:
            ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
            assert receive(ws)["type"] == "connection_ack"
        # A credential that is not a usable one is refused, never taken for the cookie.
        with api.client.websocket_connect(
            "/graphql", ["graphql-transport-ws"], headers=_cookie_headers(token)
        ) as ws:
            ws.send_json({"type": "connection_init", "payload": {"authorization": "Basic eA=="}})
            assert receive(ws)["code"] == 4403


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
def test_logout_ends_the_callers_subscriptions(app_firm: tuple[Api, dict[str, Any]], protocol: str) -> None:
    api, firm = app_firm
    mine, other_session = token_of(api, VICTIM), token_of(api, VICTIM)
    writer = token_of(api, "collaborator@firm.test")
    bearer = {"authorization": f"Bearer {mine}"}
    with (
        subscribed(api, bearer, SUB_BATCHES, {"c": firm["company"]}, protocol) as ended,
        subscribed(api, {}, SUB_NOTES, None, protocol, headers=_cookie_headers(mine)) as by_cookie,
        subscribed(
            api, {"authorization": f"Bearer {other_session}"}, SUB_BATCHES, {"c": firm["company"]}
        ) as kept,
    ):
        assert api.gql("mutation { logout }", token=mine) == {"logout": True}
        assert_ended(ended)
        assert_ended(by_cookie)
        # The user's other session (another device) goes on.
        assert_alive(api, kept, firm, writer)
    assert gql_error(api.raw("{ me { name } }", token=mine)) == "UNAUTHENTICATED"
    assert api.gql("{ me { name } }", token=other_session)["me"]["name"] == "Admin"


def test_logout_sent_over_the_websocket_closes_it(app_firm: tuple[Api, dict[str, Any]]) -> None:
    api, firm = app_firm
    mine = token_of(api, VICTIM)
    with subscribed(api, {"authorization": f"Bearer {mine}"}, SUB_BATCHES, {"c": firm["company"]}) as session:
        session.send_json({"id": "2", "type": "subscribe", "payload": {"query": "mutation { logout }"}})
        message = receive(session)
        if message.get("type") == "next":  # the answer may come out before the close
            assert message["payload"]["data"] == {"logout": True}
            message = receive(session)
            if message.get("type") == "complete":
                message = receive(session)
        assert message["code"] == 4401, message
    assert gql_error(api.raw("{ me { name } }", token=mine)) == "UNAUTHENTICATED"


def test_revoked_api_key_ends_its_subscriptions(app_firm: tuple[Api, dict[str, Any]]) -> None:
    api, firm = app_firm
    admin = token_of(api, VICTIM)
    keys = [api.gql(CREATE_KEY, {"c": firm["company"]}, token=admin)["createApiKey"] for _ in range(2)]
    revoked, kept = keys
    with (
        subscribed(api, {"apiKey": revoked["key"]}, SUB_BATCHES, {"c": firm["company"]}) as first,
        subscribed(
            api, {"apiKey": revoked["key"]}, SUB_BATCHES, {"c": firm["company"]}, "graphql-ws"
        ) as second,
        subscribed(api, {"apiKey": kept["key"]}, SUB_BATCHES, {"c": firm["company"]}) as other_key,
    ):
        assert api.gql("{ me { name } }", api_key=revoked["key"])["me"]["name"] == "Partner"  # now cached
        done = api.gql(REVOKE_KEY, {"id": revoked["apiKey"]["id"]}, token=admin)["revokeApiKey"]
        assert done == {"apiKey": {"revoked": True}, "errors": []}
        assert_ended(first)
        assert_ended(second)
        # The other key's subscription only sees its own batches: it stays open, and gets them.
        settled_upload(api, firm, "own.txt", 6, api_key=kept["key"])
        assert receive(other_key, 60)["type"] == "next"
    assert gql_error(api.raw("{ me { name } }", api_key=revoked["key"])) == "UNAUTHENTICATED"
    with api.client.websocket_connect("/graphql", ["graphql-transport-ws"]) as ws:
        ws.send_json({"type": "connection_init", "payload": {"apiKey": revoked["key"]}})
        assert receive(ws)["code"] == 4403


def test_connections_are_tracked_once_and_forgotten_when_closed(app_firm: tuple[Api, dict[str, Any]]) -> None:
    from ecluse.auth import sessions

    api, _ = app_firm
    token = token_of(api, VICTIM)
    assert sessions.open_connections() == 0
    with api.client.websocket_connect("/graphql", ["graphql-ws"]) as ws:
        for _ in range(50):  # the older protocol accepts connection_init again and again
            ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
            assert receive(ws)["type"] == "connection_ack"
        assert sessions.open_connections() == 1
    with api.client.websocket_connect("/graphql", ["graphql-transport-ws"]) as ws:
        ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        assert receive(ws)["type"] == "connection_ack"
        assert sessions.open_connections() == 1
    assert sessions.open_connections() == 0


def test_connections_are_checked_again_when_an_event_was_missed(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session or key ended without its event reaching this process (Redis down at that moment), or a
    session expired while its socket was open: the periodic recheck closes those connections, and only those."""
    from ecluse.auth.models import ApiKey, Session
    from ecluse.auth.principal import session_digest

    with serving(monkeypatch, SESSION_RECHECK_S="0.2") as (api, firm):
        expiring, revoked_quietly = token_of(api, VICTIM), token_of(api, VICTIM)
        writer = token_of(api, "admin@firm.test")
        keys = [api.gql(CREATE_KEY, {"c": firm["company"]}, token=writer)["createApiKey"] for _ in range(2)]
        company = {"c": firm["company"]}
        with (
            subscribed(api, {"authorization": f"Bearer {expiring}"}, SUB_BATCHES, company) as by_expired,
            subscribed(api, {"apiKey": keys[0]["key"]}, SUB_BATCHES, company) as by_revoked_key,
            subscribed(api, {"authorization": f"Bearer {revoked_quietly}"}, SUB_BATCHES, company) as by_user,
            subscribed(api, {"apiKey": keys[1]["key"]}, SUB_BATCHES, company) as by_key,
        ):

            async def end_behind_its_back() -> None:
                digest = session_digest(expiring)
                await Session.filter(token_hash=digest).update(expires_at=datetime(2000, 1, 1, tzinfo=UTC))
                await ApiKey.filter(id=int(keys[0]["apiKey"]["id"])).update(revoked_at=datetime.now(UTC))

            api.client.portal.call(end_behind_its_back)
            assert_ended(by_expired)
            assert_ended(by_revoked_key)
            # The connections whose credential is still good stay open (several rechecks later) and deliver.
            assert_alive(api, by_user, firm, writer)
            settled_upload(api, firm, "own.txt", 7, api_key=keys[1]["key"])
            assert receive(by_key, 60)["type"] == "next"  # a key sees its own batches


# --- Across processes: PostgreSQL + Redis, a real `ecluse serve` ---------------------------------------------


def test_ending_reaches_another_api_process(
    app_firm: tuple[Api, dict[str, Any]], env: dict[str, str], tmp_path: Any
) -> None:
    if "ECLUSE_REDIS_URL" not in env:
        pytest.skip("one process only on the SQLite deployment: the event crosses processes through Redis")
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect
    from websockets.typing import Subprotocol

    from tests.processes import server

    api, firm = app_firm
    admin = token_of(api, VICTIM)
    key = api.gql(CREATE_KEY, {"c": firm["company"]}, token=admin)["createApiKey"]
    user = token_of(api, "client@firm.test")
    serve_env = {**env, **{f"ECLUSE_{k}": v for k, v in THROTTLE.items()}}
    with server(serve_env, tmp_path / "serve.log") as srv, contextlib.ExitStack() as sockets:
        url = f"ws://127.0.0.1:{srv.port}/graphql"

        def open_subscription(payload: dict[str, Any]) -> Any:
            ws = sockets.enter_context(
                connect(url, subprotocols=[Subprotocol("graphql-transport-ws")], open_timeout=10)
            )
            ws.send(json.dumps({"type": "connection_init", "payload": payload}))
            assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
            query = {"query": SUB_BATCHES, "variables": {"c": firm["company"]}}
            ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": query}))
            return ws

        def closed_code(ws: Any) -> int:
            with pytest.raises(ConnectionClosed) as closed:
                while True:
                    ws.recv(timeout=10)
            assert closed.value.rcvd is not None
            return int(closed.value.rcvd.code)

        def me(**auth: str) -> dict[str, Any]:
            headers = Api.headers(**auth)
            return dict(srv.http.post("/graphql", json={"query": "{ me { name } }"}, headers=headers).json())

        by_key = open_subscription({"apiKey": key["key"]})
        by_user = open_subscription({"authorization": f"Bearer {user}"})
        # The other process has both credentials remembered (its 5 s cache) before they end.
        assert me(api_key=key["key"])["data"]["me"]["name"] == "Partner"
        assert me(token=user)["data"]["me"]["name"] == "Client"
        api.gql(REVOKE_KEY, {"id": key["apiKey"]["id"]}, token=admin)
        assert closed_code(by_key) == 4401
        assert gql_error(me(api_key=key["key"])) == "UNAUTHENTICATED"
        assert api.gql("mutation { logout }", token=user) == {"logout": True}
        assert closed_code(by_user) == 4401
        assert gql_error(me(token=user)) == "UNAUTHENTICATED"
        # Ended from the other side too: a logout on `ecluse serve` closes this process's subscription.
        third = token_of(api, "viewer@firm.test")
        with subscribed(api, {"authorization": f"Bearer {third}"}, SUB_BATCHES, {"c": firm["company"]}) as s:
            srv.gql("mutation { logout }", token=third)
            assert_ended(s)
