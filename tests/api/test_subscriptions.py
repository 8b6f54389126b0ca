"""Live updates over WebSocket (graphql-transport-ws and the older graphql-ws)."""

from __future__ import annotations

import contextlib
import time
from typing import Any

from ecluse.demo import demo_fec
from tests.support import Api

SUB = "subscription($c: ID!) { importBatchChanged(companyId: $c) { id status progress entryCount } }"


def _connect(api: Api, protocol: str, payload: dict[str, Any]) -> Any:
    ws = api.client.websocket_connect("/graphql", subprotocols=[protocol])
    session = ws.__enter__()
    session.send_json({"type": "connection_init", "payload": payload})
    assert session.receive_json()["type"] == "connection_ack"
    return ws, session


def _collect_until(session: Any, kind: str, done: set[str]) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        message = session.receive_json()
        if message["type"] in ("ping", "ka"):
            continue
        assert message["type"] == kind, message
        batch = message["payload"]["data"]["importBatchChanged"]
        seen.append(batch)
        if batch["status"] in done:
            return seen
    raise AssertionError(f"no terminal status in {seen}")


def test_status_and_progress_pushed_to_subscribers(api: Api, firm: dict) -> None:
    token = firm["tokens"]["viewer"]
    ws, session = _connect(api, "graphql-transport-ws", {"authorization": f"Bearer {token}"})
    try:
        session.send_json(
            {"id": "1", "type": "subscribe", "payload": {"query": SUB, "variables": {"c": firm["company"]}}}
        )
        time.sleep(0.3)  # the subscription is registered before the upload
        admin = firm["tokens"]["admin"]
        batch = api.upload(firm["company"], "live.txt", demo_fec(30, 2025, seed=3), token=admin)["batch"]
        events = _collect_until(session, "next", {"PENDING_VALIDATION"})
        assert all(e["id"] == batch["id"] for e in events)
        statuses = [e["status"] for e in events]
        # Every status, in the order the changes were made: each event carries the state its change left.
        assert statuses[0] == "RECEIVED" and statuses[-1] == "PENDING_VALIDATION"
        assert set(statuses[1:-1]) == {"PARSING"}, statuses
        progress = [e["progress"] for e in events]
        assert progress == sorted(progress) and progress[-1] == 100, progress
        assert events[-1]["entryCount"] == 30

        api.gql(
            "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }",
            {"id": batch["id"]},
            token=admin,
        )
        events = _collect_until(session, "next", {"SUCCEEDED"})
        assert [e["status"] for e in events] == ["VALIDATING", "SUCCEEDED"]
    finally:
        ws.__exit__(None, None, None)


def test_legacy_graphql_ws_protocol_and_notifications(api: Api, firm: dict) -> None:
    client_token = firm["tokens"]["client"]
    ws, session = _connect(api, "graphql-ws", {"authorization": f"Bearer {client_token}"})
    try:
        session.send_json(
            {
                "id": "n",
                "type": "start",
                "payload": {"query": "subscription { notifications { kind message batchId } }"},
            }
        )
        time.sleep(0.3)
        admin = firm["tokens"]["admin"]
        batch = api.upload(firm["company"], "notify.txt", demo_fec(2, 2025, seed=8), token=admin)["batch"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            message = session.receive_json()
            if message["type"] == "ka":
                continue
            assert message["type"] == "data", message
            note = message["payload"]["data"]["notifications"]
            assert note["kind"] == "PARSE_DONE" and note["batchId"] == batch["id"]
            break
        stored = api.gql(
            "{ notifications(unreadOnly: true) { totalCount nodes { id kind fileName } } }",
            token=client_token,
        )
        assert stored["notifications"]["totalCount"] == 1
        assert stored["notifications"]["nodes"][0]["fileName"] == "notify.txt"
        note_id = stored["notifications"]["nodes"][0]["id"]
        api.gql(
            "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { count } }",
            {"ids": [note_id]},
            token=client_token,
        )
        after = api.gql("{ notifications(unreadOnly: true) { totalCount } }", token=client_token)
        assert after["notifications"]["totalCount"] == 0
    finally:
        ws.__exit__(None, None, None)


ONE = """subscription($c: ID!, $b: ID) { importBatchChanged(companyId: $c, batchId: $b) {
  id status entryCount } }"""


def test_a_client_follows_one_upload_from_its_current_state(api: Api, firm: dict) -> None:
    """Subscribed after the upload, a client gets the batch's state at once, then its changes only."""
    admin = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "one.txt", demo_fec(5, 2025, seed=12), token=admin)["batch"]
    api.wait_batch(batch["id"], {"PENDING_VALIDATION"}, token=admin)
    ws, session = _connect(api, "graphql-transport-ws", {"authorization": f"Bearer {admin}"})
    try:
        variables = {"c": firm["company"], "b": batch["id"]}
        session.send_json({"id": "1", "type": "subscribe", "payload": {"query": ONE, "variables": variables}})
        first = session.receive_json()
        assert first["type"] == "next", first
        assert first["payload"]["data"]["importBatchChanged"] == {
            "id": batch["id"], "status": "PENDING_VALIDATION", "entryCount": 5,
        }  # fmt: skip
        # Another import's changes are not this subscription's.
        api.upload(firm["company"], "other.txt", demo_fec(3, 2025, seed=13), token=admin)
        api.gql("mutation($id: ID!) { validateImport(id: $id) { errors { code } } }", {"id": batch["id"]},
                token=admin)  # fmt: skip
        events = _collect_until(session, "next", {"SUCCEEDED"})
        assert {e["id"] for e in events} == {batch["id"]}
        assert [e["status"] for e in events] == ["VALIDATING", "SUCCEEDED"]
    finally:
        ws.__exit__(None, None, None)


def test_following_an_import_of_another_company_is_forbidden(api: Api, firm: dict) -> None:
    admin = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "mine.txt", demo_fec(2, 2025, seed=14), token=admin)["batch"]
    other = firm["tokens"]["other"]
    ws, session = _connect(api, "graphql-transport-ws", {"authorization": f"Bearer {other}"})
    try:
        # Its own company, another company's batch: refused without saying whether it exists.
        variables = {"c": firm["other_company"], "b": batch["id"]}
        session.send_json({"id": "1", "type": "subscribe", "payload": {"query": ONE, "variables": variables}})
        message = session.receive_json()
        assert message["payload"]["data"] is None, message
        assert message["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    finally:
        ws.__exit__(None, None, None)


def test_subscription_to_another_company_is_forbidden(api: Api, firm: dict) -> None:
    other = firm["tokens"]["other"]
    ws, session = _connect(api, "graphql-transport-ws", {"authorization": f"Bearer {other}"})
    try:
        session.send_json(
            {"id": "1", "type": "subscribe", "payload": {"query": SUB, "variables": {"c": firm["company"]}}}
        )
        message = session.receive_json()
        assert message["type"] == "next", message
        assert message["payload"]["data"] is None
        assert message["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    finally:
        ws.__exit__(None, None, None)


def test_websocket_with_bad_credentials_is_refused(api: Api, firm: dict) -> None:
    ws = api.client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"])
    session = ws.__enter__()
    try:
        session.send_json({"type": "connection_init", "payload": {"authorization": "Bearer nope"}})
        closed = session.receive()
        assert closed["type"] == "websocket.close" and closed["code"] == 4403
    finally:
        with contextlib.suppress(Exception):
            ws.__exit__(None, None, None)


def test_job_progress_follows_a_parse_to_its_end(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    payload = api.upload(firm["company"], "job.txt", demo_fec(3000, 2025, seed=12), token=token)
    job_id = payload["jobId"]
    assert job_id
    ws, session = _connect(api, "graphql-transport-ws", {"authorization": f"Bearer {token}"})
    try:
        query = "subscription($id: ID!) { jobProgress(jobId: $id) { id state progress attempts kind } }"
        session.send_json(
            {"id": "j", "type": "subscribe", "payload": {"query": query, "variables": {"id": job_id}}}
        )
        states = []
        while True:
            message = session.receive_json()
            if message["type"] == "complete":
                break
            assert message["type"] == "next", message
            states.append(message["payload"]["data"]["jobProgress"])
        assert states[-1]["state"] == "DONE" and states[-1]["progress"] == 100
        assert states[-1]["kind"] == "parse_import" and states[-1]["attempts"] == 1
        progress = [s["progress"] for s in states]
        assert progress == sorted(progress)
    finally:
        ws.__exit__(None, None, None)


def test_an_event_without_its_state_is_read_back(api: Api, firm: dict) -> None:
    """A process still on the previous version (a rolling update) publishes the batch id alone: the
    subscriber reads the batch, as it is now, and the partner rule still applies to it."""
    from ecluse.events import company_batches

    admin = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "old.txt", demo_fec(3, 2025, seed=5), token=admin)["batch"]
    api.wait_batch(batch["id"], {"PENDING_VALIDATION"}, token=admin)
    ws, session = _connect(
        api, "graphql-transport-ws", {"authorization": f"Bearer {firm['tokens']['viewer']}"}
    )
    try:
        session.send_json(
            {"id": "1", "type": "subscribe", "payload": {"query": SUB, "variables": {"c": firm["company"]}}}
        )
        time.sleep(0.3)
        bus = api.client.app.state.bus  # type: ignore[attr-defined]
        event = {"batch_id": int(batch["id"]), "status": "PARSING"}  # stale: the batch is further on
        api.client.portal.call(bus.publish, company_batches(int(firm["company"])), event)
        seen = _collect_until(session, "next", {"PENDING_VALIDATION"})
        assert [(e["id"], e["status"], e["entryCount"]) for e in seen] == [
            (batch["id"], "PENDING_VALIDATION", 3)
        ]
    finally:
        ws.__exit__(None, None, None)


def test_subscribers_sharing_an_event_each_get_their_own_selection(api: Api, firm: dict) -> None:
    """One event, one object for every subscriber of the process; each selection set is run once per document
    and permission scope, and every subscriber receives the fields it asked for."""
    company = firm["company"]
    docs = {
        "viewer-a": ("viewer", "subscription($c: ID!) { importBatchChanged(companyId: $c) { id status } }"),
        "viewer-b": (
            "viewer",
            "subscription($c: ID!) { importBatchChanged(companyId: $c) { status entryCount } }",
        ),
        "admin-a": ("admin", "subscription($c: ID!) { importBatchChanged(companyId: $c) { id status } }"),
        "viewer-a2": ("viewer", "subscription($c: ID!) { importBatchChanged(companyId: $c) { id status } }"),
    }
    sockets = {}
    try:
        for name, (role, query) in docs.items():
            ws, session = _connect(
                api, "graphql-transport-ws", {"authorization": f"Bearer {firm['tokens'][role]}"}
            )
            sockets[name] = ws
            payload = {"query": query, "variables": {"c": company}}
            session.send_json({"id": "1", "type": "subscribe", "payload": payload})
            docs[name] = (role, session)  # type: ignore[assignment]
        time.sleep(0.3)
        batch = api.upload(company, "shared.txt", demo_fec(4, 2025, seed=9), token=firm["tokens"]["admin"])[
            "batch"
        ]
        got = {
            name: _collect_until(session, "next", {"PENDING_VALIDATION"})
            for name, (_, session) in docs.items()
        }
        assert len(got) == 4 and all(events for events in got.values())
        assert {tuple(sorted(e)) for e in got["viewer-a"] + got["admin-a"] + got["viewer-a2"]} == {
            ("id", "status")
        }
        assert {tuple(sorted(e)) for e in got["viewer-b"]} == {("entryCount", "status")}
        assert got["viewer-a"] == got["admin-a"] == got["viewer-a2"]
        assert [e["status"] for e in got["viewer-b"]] == [e["status"] for e in got["viewer-a"]]
        assert got["viewer-a"][-1] == {"id": batch["id"], "status": "PENDING_VALIDATION"}
        assert got["viewer-b"][-1] == {"status": "PENDING_VALIDATION", "entryCount": 4}
    finally:
        for ws in sockets.values():
            ws.__exit__(None, None, None)
