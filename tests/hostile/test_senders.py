"""One sender cannot see or block another's work: idempotency keys belong to their sender, and a job, batch
or file of another company (or, for a partner, of another sender) answers exactly like one that does not
exist."""

from __future__ import annotations

import json
import time
from typing import Any

from ecluse.demo import demo_fec
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
SUBMIT = """mutation($c: ID!, $k: String, $n: String!) {
  submitEntries(companyId: $c, idempotencyKey: $k, entries: [{
    journal: "OD", number: $n, date: "2025-03-01",
    lines: [{account: "512000", debit: "10.00"}, {account: "706000", credit: "10.00"}]
  }]) { batch { id status } errors { code message field } } }"""


def _api_key(api: Api, firm: dict, name: str) -> str:
    created = api.gql(
        "mutation($c: ID!, $n: String!) { createApiKey(companyId: $c, name: $n) { key } }",
        {"c": firm["company"], "n": name},
        token=firm["tokens"]["admin"],
    )
    return str(created["createApiKey"]["key"])


def _download(api: Api, batch_id: str, **auth: Any) -> bytes:
    response = api.client.get(f"/files/batches/{batch_id}/original", headers=api.headers(**auth))
    assert response.status_code == 200, response.text
    return bytes(response.content)


def test_keys_belong_to_their_sender(api: Api, firm: dict) -> None:
    a, b = _api_key(api, firm, "App A"), _api_key(api, firm, "App B")
    admin = firm["tokens"]["admin"]
    content_a, content_b = demo_fec(2, 2025, seed=1), demo_fec(2, 2025, seed=2)

    first_a = api.upload(firm["company"], "a.txt", content_a, api_key=a, key="req-1")
    assert first_a["errors"] == []
    # Another sender reusing the key gets its own batch, with its own file: neither sees nor blocks A's.
    first_b = api.upload(firm["company"], "b.txt", content_b, api_key=b, key="req-1")
    assert first_b["errors"] == [] and first_b["batch"]["id"] != first_a["batch"]["id"]
    assert _download(api, first_b["batch"]["id"], api_key=b) == content_b
    by_user = api.upload(firm["company"], "u.txt", content_a, token=admin, key="req-1")["batch"]
    assert by_user["id"] not in (first_a["batch"]["id"], first_b["batch"]["id"])

    # The same sender, key and content again: the first batch, nothing new.
    again = api.upload(firm["company"], "b.txt", content_b, api_key=b, key="req-1")
    assert again["errors"] == [] and again["batch"]["id"] == first_b["batch"]["id"]
    assert again["jobId"] is None


def test_same_key_other_content_is_a_conflict_and_the_file_is_kept(api: Api, firm: dict) -> None:
    a = _api_key(api, firm, "App A")
    first = api.upload(firm["company"], "a.txt", demo_fec(2, 2025, seed=1), api_key=a, key="req-9")
    other = demo_fec(3, 2025, seed=5)
    conflict = api.upload(firm["company"], "a-fixed.txt", other, api_key=a, key="req-9")
    assert [e["code"] for e in conflict["errors"]] == ["IDEMPOTENCY_CONFLICT"]
    assert conflict["errors"][0]["field"] == "idempotencyKey"
    assert first["batch"]["id"] in conflict["errors"][0]["message"]
    kept = conflict["batch"]
    assert kept["id"] != first["batch"]["id"] and kept["status"] == "FAILED"
    assert _download(api, kept["id"], api_key=a) == other  # nothing received is dropped
    issues = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors { nodes { code } } } }",
        {"id": kept["id"]},
        api_key=a,
    )["importBatch"]["errors"]["nodes"]
    assert [i["code"] for i in issues] == ["IDEMPOTENCY_CONFLICT"]
    # The first batch is untouched and still answers to its key.
    api.wait_batch(first["batch"]["id"], DONE, api_key=a)
    again = api.upload(firm["company"], "a.txt", demo_fec(2, 2025, seed=1), api_key=a, key="req-9")
    assert again["batch"]["id"] == first["batch"]["id"] and again["errors"] == []


def test_submit_entries_keys_are_per_sender_too(api: Api, firm: dict) -> None:
    a, b = _api_key(api, firm, "App A"), _api_key(api, firm, "App B")
    variables = {"c": firm["company"], "k": "entries-1", "n": "1"}
    one = api.gql(SUBMIT, variables, api_key=a)["submitEntries"]
    two = api.gql(SUBMIT, variables, api_key=b)["submitEntries"]
    assert one["errors"] == two["errors"] == [] and one["batch"]["id"] != two["batch"]["id"]
    assert api.gql(SUBMIT, variables, api_key=a)["submitEntries"]["batch"]["id"] == one["batch"]["id"]
    changed = api.gql(SUBMIT, {**variables, "n": "2"}, api_key=a)["submitEntries"]
    assert [e["code"] for e in changed["errors"]] == ["IDEMPOTENCY_CONFLICT"]


def test_an_overlong_key_is_refused_cleanly(api: Api, firm: dict) -> None:
    payload = api.upload(
        firm["company"], "k.txt", demo_fec(1, 2025, seed=1), token=firm["tokens"]["admin"], key="k" * 10_000
    )
    assert [e["code"] for e in payload["errors"]] == ["BAD_USER_INPUT"]
    assert len(payload["errors"][0]["message"]) < 200


def _job_answers(api: Api, job_id: str, **auth: Any) -> tuple[Any, Any]:
    """What `job(id)` and `jobProgress(jobId)` answer the caller."""
    query = api.raw("query($id: ID!) { job(id: $id) { id state } }", {"id": job_id}, **auth)
    ws = api.client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"])
    with ws as session:
        init = (
            {"apiKey": auth["api_key"]} if "api_key" in auth else {"authorization": f"Bearer {auth['token']}"}
        )
        session.send_json({"type": "connection_init", "payload": init})
        assert session.receive_json()["type"] == "connection_ack"
        session.send_json(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": "subscription($j: ID!) { jobProgress(jobId: $j) { id state } }",
                            "variables": {"j": job_id}},
            }
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            message = session.receive_json()
            if message["type"] != "ping":
                break
            assert time.monotonic() < deadline
    return query, message


def test_jobs_are_seen_as_their_batches_are(api: Api, firm: dict) -> None:
    a, b = _api_key(api, firm, "App A"), _api_key(api, firm, "App B")
    sent = api.upload(firm["company"], "job.txt", demo_fec(2, 2025, seed=4), api_key=a)
    job_id = sent["jobId"]
    api.wait_batch(sent["batch"]["id"], DONE, api_key=a)

    own_query, own_stream = _job_answers(api, job_id, api_key=a)
    assert own_query["data"]["job"]["id"] == job_id
    assert own_stream["type"] == "next" and own_stream["payload"]["data"]["jobProgress"]["id"] == job_id

    missing = _job_answers(api, "00000000-0000-0000-0000-000000000000", api_key=a)
    for caller in ({"api_key": b}, {"token": firm["tokens"]["other"]}):
        query, stream = _job_answers(api, job_id, **caller)
        # Another sender's or another company's job: the very answer a job that does not exist gets.
        assert query == missing[0], caller
        assert json.dumps(stream, sort_keys=True) == json.dumps(missing[1], sort_keys=True), caller


def test_another_companys_batch_and_files_answer_like_nothing(api: Api, firm: dict) -> None:
    admin = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "mine.txt", demo_fec(2, 2025, seed=6), token=admin)["batch"]
    api.wait_batch(batch["id"], DONE, token=admin)
    outsider = firm["tokens"]["other"]
    query = "query($id: ID!) { importBatch(id: $id) { id } }"
    theirs = api.raw(query, {"id": batch["id"]}, token=outsider)
    nothing = api.raw(query, {"id": "999999"}, token=outsider)
    assert theirs["errors"][0]["message"] == nothing["errors"][0]["message"]
    assert theirs["errors"][0]["extensions"] == nothing["errors"][0]["extensions"]
    for kind in ("original", "rejected", "errors.csv"):
        got = api.client.get(f"/files/batches/{batch['id']}/{kind}", headers=api.headers(outsider))
        none = api.client.get(f"/files/batches/999999/{kind}", headers=api.headers(outsider))
        assert (got.status_code, got.content) == (none.status_code, none.content) == (404, none.content)
