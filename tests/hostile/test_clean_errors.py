"""Bad ids and cursors, out-of-range numbers, LIKE patterns in filters, file parts without a name, crafted
download names: each a clear client error or a correct answer, never a 500 or Python's text."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from ecluse.demo import demo_fec
from ecluse.filenames import content_disposition, safe_file_name
from tests.support import UPLOAD, Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}


def _cursor(*values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def _client_error(body: dict[str, Any]) -> str:
    assert "errors" in body, body
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert "Traceback" not in error["message"] and "Error:" not in error["message"], error
    return str(error["message"])


@pytest.mark.parametrize(
    "bad_id", ["abc", "-1", "1.5", " 12", "+3", "١٢", "99999999999999999999", "9" * 5000, "2147483648", ""]
)
def test_bad_ids_are_client_errors(api: Api, firm: dict, bad_id: str) -> None:
    token = firm["tokens"]["admin"]
    for query in (
        "query($id: ID!) { importBatch(id: $id) { id } }",
        "query($id: ID!) { fiscalYears(companyId: $id) { id } }",
        "query($id: ID!) { importBatches(companyId: $id) { totalCount } }",
        "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }",
    ):
        message = _client_error(api.raw(query, {"id": bad_id}, token=token))
        assert len(message) < 200


@pytest.mark.parametrize(
    "cursor",
    [
        "not base64!",
        _cursor("x"),
        _cursor({"a": 1}),
        _cursor(2**70),
        _cursor(True),
        _cursor(),
        base64.urlsafe_b64encode(b"[1, ").decode(),
        "A" * 10_000,
    ],
)
def test_bad_cursors_are_client_errors(api: Api, firm: dict, cursor: str) -> None:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "c.txt", demo_fec(2, 2025, seed=1), token=token)["batch"]
    api.wait_batch(batch["id"], DONE, token=token)
    for query, variables in (
        ("query($id: ID!, $a: String) { importBatch(id: $id) { entries(after: $a) { totalCount } } }",
         {"id": batch["id"]}),
        ("query($id: ID!, $a: String) { importBatch(id: $id) { errors(after: $a) { totalCount } } }",
         {"id": batch["id"]}),
        ("query($a: String) { notifications(after: $a) { totalCount } }", {}),
    ):  # fmt: skip
        _client_error(api.raw(query, {**variables, "a": cursor}, token=token))


@pytest.mark.parametrize("sort", ["CREATED_AT", "ENTRY_COUNT", "FIRST_MOVEMENT", "FILE_NAME"])
@pytest.mark.parametrize(
    "cursor", [_cursor("x", "y"), _cursor(["a"], 1), _cursor(1, 2, 3), _cursor(1.5, 2**40)]
)
def test_console_cursors_of_the_wrong_shape(api: Api, firm: dict, sort: str, cursor: str) -> None:
    query = """query($c: ID!, $a: String, $s: ImportSortField!) {
      importBatches(companyId: $c, after: $a, sort: {field: $s}) { totalCount } }"""
    body = api.raw(query, {"c": firm["company"], "a": cursor, "s": sort}, token=firm["tokens"]["admin"])
    _client_error(body)


def test_out_of_range_numbers_are_refused_by_the_schema(api: Api, firm: dict) -> None:
    body = api.raw(
        "query($c: ID!, $f: Int) { importBatches(companyId: $c, first: $f) { totalCount } }",
        {"c": firm["company"], "f": 2**40},
        token=firm["tokens"]["admin"],
    )
    assert (body["errors"] and "data" not in body) or body.get("data") is None
    negative = api.raw(
        "query($c: ID!) { importBatches(companyId: $c, first: -5) { totalCount } }",
        {"c": firm["company"]},
        token=firm["tokens"]["admin"],
    )
    _client_error(negative)


def test_like_patterns_in_filters_are_taken_literally(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "p.txt", demo_fec(1, 2025, seed=2), token=token)["batch"]
    api.wait_batch(batch["id"], DONE, token=token)
    query = (
        "query($c: ID!, $p: String) { importBatches(companyId: $c, filter: {partner: $p}) { totalCount } }"
    )

    def count(pattern: str) -> int:
        data = api.gql(query, {"c": firm["company"], "p": pattern}, token=token)
        return int(data["importBatches"]["totalCount"])

    assert count("Admin") == 1  # the partner column holds the user's name
    for pattern in ("%", "_dmin", "A%n", "\\", "%'; --", "Adm_n"):
        assert count(pattern) == 0, pattern
    too_long = api.raw(query, {"c": firm["company"], "p": "%_" * 100_000}, token=token)
    assert len(_client_error(too_long)) < 200


def test_a_file_part_without_a_file_name(api: Api, firm: dict) -> None:
    operations = {"query": UPLOAD, "variables": {"companyId": firm["company"], "file": None, "format": "FEC"}}
    response = api.post(
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (None, b"JournalCode|JournalLib\n")},  # a part without a file name where a file belongs
        headers=api.headers(firm["tokens"]["admin"]),
    )
    assert response.status_code in (200, 400), response.text
    message = _client_error(response.json())
    assert "file part" in message


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\FEC.txt", "FEC.txt"),
        ("invoice\u202etxt.exe", "invoicetxt.exe"),
        ("a\r\nSet-Cookie: x=1.txt", "aSet-Cookie: x=1.txt"),
        ("...", "upload"),
        ("", "upload"),
        ("é" * 300 + ".csv", "é" * 251 + ".csv"),
    ],
)
def test_received_names_are_labels(sent: str, expected: str) -> None:
    assert safe_file_name(sent) == expected


@pytest.mark.parametrize(
    "name", ['evil.txt"; filename="evil.exe', "relevé 2025 — 東京.txt", "a;b=c.csv", "x%22.exe.txt"]
)
def test_download_names_cannot_change_the_saved_file(api: Api, firm: dict, name: str) -> None:
    token = firm["tokens"]["admin"]
    content = demo_fec(1, 2025, seed=3)
    batch = api.upload(firm["company"], name, content, token=token)["batch"]
    response = api.client.get(batch["file"]["downloadUrl"], headers=api.headers(token))
    assert response.status_code == 200 and response.content == content
    header = response.headers["content-disposition"]
    assert header == content_disposition(batch["fileName"])
    # One filename parameter (plus its RFC 5987 twin), nothing else: the quoted fallback holds no quote.
    params = [p.strip().split("=", 1)[0] for p in header.split(";")[1:]]
    assert set(params) <= {"filename", "filename*"} and params.count("filename") == 1
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    stored = batch["fileName"]
    assert len(fallback) == len(stored) and fallback.rsplit(".", 1)[1] == stored.rsplit(".", 1)[1]
    if "filename*" in params:
        from urllib.parse import unquote

        assert unquote(header.split("filename*=UTF-8''", 1)[1]) == batch["fileName"]


@pytest.mark.parametrize("bad_id", ["99999999999", "9" * 5000, "-1", "0", "x"])
def test_download_ids_that_name_nothing(api: Api, firm: dict, bad_id: str) -> None:
    for kind in ("original", "rejected", "errors.csv"):
        response = api.client.get(
            f"/files/batches/{bad_id}/{kind}", headers=api.headers(firm["tokens"]["admin"])
        )
        assert response.status_code == 404, response.text


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("mutation($e: String!) { login(email: $e, password: \"x\") { token } }", {"e": "a\x00@b.test"}),
        ("query($c: ID!, $p: String) { importBatches(companyId: $c, filter: {partner: $p}) { totalCount } }",
         {"p": "Ad\x00min"}),
        ('query($c: ID!) { importBatches(companyId: $c, filter: {partner: "Ad\\u0000min"}) { totalCount } }', {}),
        ("query($c: ID!) { importBatches(companyId: $c) { totalCount } }", {"c\x00": 1}),
    ],
)  # fmt: skip
def test_nul_characters_are_refused_before_any_database_sees_them(
    api: Api, firm: dict, query: str, variables: dict[str, Any]
) -> None:
    variables = {"c": firm["company"], **variables}
    response = api.post(
        json={"query": query, "variables": variables}, headers=api.headers(firm["tokens"]["admin"])
    )
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_nul_characters_in_files_never_reach_the_database(api: Api, firm: dict) -> None:
    """PostgreSQL cannot store U+0000: a JSON value holding it is an error on its field; a text file's stray
    NUL bytes are dropped by the reader. Either way the batch is read to its end, never an internal error."""
    token = firm["tokens"]["admin"]
    lines = [{"account": "512000", "debit": "10.00"}, {"account": "706000", "credit": "10.00"}]
    document = {
        "version": 1,
        "entries": [
            {"journal": "OD", "number": "1", "date": "2025-03-01",
             "lines": [{**lines[0], "label": "a\x00b"}, lines[1]]},
            {"journal": "OD", "number": "2", "date": "2025-03-01", "lines": lines},
        ],
    }  # fmt: skip
    sent = api.upload(firm["company"], "nul.json", json.dumps(document).encode(), token=token, fmt="JSON")
    batch = api.wait_batch(sent["batch"]["id"], DONE, token=token)
    assert (batch["status"], batch["entryCount"], batch["rejectedEntryCount"]) == (
        "FINISHED_WITH_ERROR",
        1,
        1,
    )
    errors = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors { nodes { code column } } } }",
        {"id": batch["id"]},
        token=token,
    )["importBatch"]["errors"]["nodes"]
    assert {"code": "BAD_CHARACTER", "column": "entries[0].lines[0].label"} in errors

    fec = demo_fec(2, 2025, seed=4).replace(b"\tFacture 1", b"\tFact\x00ure 1")
    sent = api.upload(firm["company"], "123456782FEC20251231.txt", fec, token=token)
    batch = api.wait_batch(sent["batch"]["id"], DONE, token=token)
    assert batch["status"] == "PENDING_VALIDATION" and batch["entryCount"] == 2


def test_marking_too_many_notifications_at_once(api: Api, firm: dict) -> None:
    mutation = "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { count errors { code field } } }"
    token = firm["tokens"]["viewer"]
    many = api.gql(mutation, {"ids": [str(n) for n in range(1, 40_001)]}, token=token)[
        "markNotificationsRead"
    ]
    assert many == {"count": 0, "errors": [{"code": "TOO_MANY_IDS", "field": "ids"}]}
    few = api.gql(mutation, {"ids": [str(n) for n in range(1, 501)]}, token=token)["markNotificationsRead"]
    assert few == {"count": 0, "errors": []}


def test_nul_characters_over_the_websocket_close_it_as_a_bad_message(api: Api, firm: dict) -> None:
    """The WebSocket reads its messages through the same decoder: U+0000 is a message refused (4400, as any
    unreadable one), never an exception in the connection's handler. The other connections go on."""
    from starlette.websockets import WebSocketDisconnect

    token = firm["tokens"]["admin"]
    with api.client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
        ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        assert ws.receive_json()["type"] == "connection_ack"
        query = "subscription($c: ID!) { importBatchChanged(companyId: $c) { id } }"
        ws.send_json(
            {"id": "1", "type": "subscribe", "payload": {"query": query, "variables": {"c": "1\x00"}}}
        )
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
        assert closed.value.code == 4400
    assert api.gql("query { me { name } }", token=token)["me"]["name"] == "Admin"
