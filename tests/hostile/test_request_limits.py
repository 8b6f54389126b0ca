"""Requests that used to stall the server, refused before they run: GraphQL limits, request bodies, nested
JSON, entries per call; errors that neither leak internal text nor echo what was sent; production defaults
(no introspection, no IDE, security headers). Every attack is bounded and sent to the app or to a loopback
`ecluse serve`; no timing is asserted: each refusal is shown to happen before the costly step (a refused
document that does not even parse, or names unknown fields, is refused by its limit)."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from graphql import (
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    parse,
    print_ast,
    visit,
)
from graphql.language import DocumentNode, Visitor

from ecluse.api.limits import Limits, check_document, check_text
from ecluse.api.schema import schema
from ecluse.demo import demo_fec
from ecluse.settings import Settings, reset_settings
from tests.processes import Server, server
from tests.support import Api

ROOT = Path(__file__).resolve().parents[2]
DEFAULTS = Settings()
ENTRIES_PAGE = """query($id: ID!, $first: Int!) { importBatch(id: $id) { id entries(first: $first) { totalCount
  pageInfo { hasNextPage endCursor } nodes { line journal date piece account accountLabel thirdParty
  thirdPartyName reference label debit credit lettering } } } }"""


def post(api: Api, body: Any, token: str | None = None, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    response = api.post(json=body, headers=api.headers(token), **kwargs)
    return response.status_code, response.json()


def ask(
    api: Api, query: str, variables: dict[str, Any] | None = None, token: str | None = None
) -> dict[str, Any]:
    status, body = post(api, {"query": query, "variables": variables or {}}, token)
    assert status == 200, body
    return body


def refused(body: dict[str, Any], code: str, limit: str) -> dict[str, Any]:
    """The one error of a refused operation, checked: its code, limit and figures; nothing ran."""
    assert body.get("data") is None, body
    [error] = body["errors"]
    ext = error["extensions"]
    assert (ext["code"], ext["limit"]) == (code, limit), error
    assert ext["found"] > ext["maximum"] and str(f"{ext['maximum']:,}") in error["message"], error
    return dict(error)


def aliases(count: int, field: str = "__typename") -> str:
    return "{ " + " ".join(f"a{i}: {field}" for i in range(count)) + " }"


def nested(levels: int, leaf: str = "x") -> str:
    return "{ " + "a { " * levels + leaf + " }" * levels + " }"


@pytest.fixture
def tight(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Small limits, set before the app is created (test arguments: `tight` before `api`)."""
    for key, value in {
        "ECLUSE_SUBMIT_ENTRIES_MAX": "3",
        "ECLUSE_MAX_JSON_BODY_BYTES": str(256 * 1024),
        "ECLUSE_GRAPHQL_MAX_ALIASES": "5",
    }.items():
        monkeypatch.setenv(key, value)
    reset_settings()
    yield
    reset_settings()


@pytest.fixture
def batch(api: Api, firm: dict[str, Any]) -> str:
    """A staged batch of 300 entries (900 lines) of the first company."""
    token = firm["tokens"]["collaborator"]
    sent = api.upload(firm["company"], "123456782FEC20251231.txt", demo_fec(300, 2025, seed=3), token=token)
    done = api.wait_batch(
        sent["batch"]["id"], {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}, token=token
    )
    assert done["status"] == "PENDING_VALIDATION", done
    return str(done["id"])


# --- GraphQL limits -------------------------------------------------------------------------------------


def test_the_300k_alias_probe_is_refused_unread_and_health_still_answers(api: Api) -> None:
    probe = aliases(300_000)  # 5.9 MB, as sent: refused on its Content-Length, never read
    response = api.post(json={"query": probe})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["limit"] == "jsonBodyBytes"
    smaller = aliases(100_000)  # within the JSON limit: refused on its length, never parsed
    assert len(smaller) < DEFAULTS.max_json_body_bytes
    error = refused(ask(api, smaller), "QUERY_TOO_LARGE", "documentBytes")
    assert error["extensions"]["found"] == len(smaller)
    assert api.client.get("/health").json()["status"] == "ok"


def test_document_size_is_checked_before_parsing(api: Api, firm: dict[str, Any]) -> None:
    maximum = DEFAULTS.graphql_max_document_bytes
    padding = lambda size: "# " + "p" * (size - 18) + "\n"  # noqa: E731 - a comment: no token, no field
    fits = padding(maximum) + "{ __typename }"
    assert len(fits) <= maximum
    assert ask(api, fits)["data"] == {"__typename": "Query"}
    # One byte more, and not even valid GraphQL: the size answers, the parser never ran.
    over = padding(maximum) + "{ __typename }} {{{"
    for token in (None, firm["tokens"]["admin"]):
        error = refused(ask(api, over, token=token), "QUERY_TOO_LARGE", "documentBytes")
        assert error["extensions"]["found"] == len(over.encode())


def test_tokens_are_counted_by_the_parser(api: Api, firm: dict[str, Any]) -> None:
    maximum = DEFAULTS.graphql_max_tokens

    def statuses(n: int) -> str:
        listed = ", ".join(["RECEIVED"] * n)
        return f"query($c: ID!) {{ importBatches(companyId: $c, filter: {{statuses: [{listed}]}}) {{ totalCount }} }}"

    token = firm["tokens"]["viewer"]
    variables = {"c": firm["company"]}
    assert ask(api, statuses(maximum - 40), variables, token)["data"] == {"importBatches": {"totalCount": 0}}
    for who in (None, token):
        error = refused(ask(api, statuses(maximum), variables, who), "QUERY_TOO_LARGE", "tokens")
        assert "variables" in error["message"]


def test_deep_nesting_is_refused_before_the_recursive_parser(api: Api, firm: dict[str, Any]) -> None:
    maximum = DEFAULTS.graphql_max_nesting
    for text in ("{ " + "a { " * maximum + "x", "{" * 60_000):  # 60,000 levels would crash a recursive parser
        error = refused(ask(api, text, token=firm["tokens"]["admin"]), "QUERY_TOO_COMPLEX", "nesting")
        assert error["extensions"]["found"] == text.count("{")
    # Brackets inside strings and comments nest nothing.
    quoted = '# {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n{ importBatches(companyId: "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{") { totalCount } }'
    body = ask(api, quoted, token=firm["tokens"]["admin"])
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body  # the id, not the brackets


def test_depth_is_refused_before_validation(api: Api) -> None:
    maximum = DEFAULTS.graphql_max_depth
    # Fields nested deeper than the limit, unknown to the schema: the limit answers before validation.
    refused(ask(api, nested(maximum)), "QUERY_TOO_COMPLEX", "depth")
    under = ask(api, nested(maximum - 2))
    assert under["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "Cannot query field 'a'" in under["errors"][0]["message"]


def test_aliases_are_counted_through_fragments(api: Api, firm: dict[str, Any]) -> None:
    maximum = DEFAULTS.graphql_max_aliases
    assert len(ask(api, aliases(maximum))["data"]) == maximum
    for token in (None, firm["tokens"]["viewer"]):
        refused(ask(api, aliases(maximum + 1), token=token), "QUERY_TOO_COMPLEX", "aliases")
    # Thirty aliases in a fragment spread twice are sixty.
    half = (
        "query { ...F ...G } fragment F on Query { " + " ".join(f"f{i}: __typename" for i in range(30)) + " }"
    )
    twice = half + " fragment G on Query { ...H } fragment H on Query { ...F }"
    error = refused(ask(api, twice), "QUERY_TOO_COMPLEX", "aliases")
    assert error["extensions"]["found"] == 60


def test_one_field_repeated_is_refused_before_the_quadratic_overlap_check(
    api: Api, firm: dict[str, Any]
) -> None:
    maximum = DEFAULTS.graphql_max_field_repeats
    token = firm["tokens"]["viewer"]
    fits = "{ " + " me { name }" * maximum + " }"
    assert ask(api, fits, token=token)["data"] == {"me": {"name": "Viewer"}}
    refused(
        ask(api, "{ " + " me { name }" * (maximum + 1) + " }", token=token),
        "QUERY_TOO_COMPLEX",
        "fieldRepeats",
    )
    refused(ask(api, "{ " + " a: me { name }" * 300 + " }"), "QUERY_TOO_COMPLEX", "fieldRepeats")


def test_a_fragment_bomb_is_measured_once_per_fragment(api: Api) -> None:
    # F0 spreads F1 twice, F1 spreads F2 twice…: 2^20 `__typename` selected through 21 small fragments.
    levels = 20
    bomb = "query { ...F0 } " + " ".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)
    )
    bomb += f" fragment F{levels} on Query {{ __typename }}"
    error = refused(ask(api, bomb), "QUERY_TOO_COMPLEX", "fieldRepeats")
    # Refused at the first fragment past the limit, counted from the inside out: F15's 32.
    assert error["extensions"]["found"] == 32 > DEFAULTS.graphql_max_field_repeats
    # A cycle (which validation would refuse) stops at the nesting limit.
    refused(
        ask(api, "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"),
        "QUERY_TOO_COMPLEX",
        "nesting",
    )


def test_cost_multiplies_page_sizes(api: Api, firm: dict[str, Any], batch: str) -> None:
    token = firm["tokens"]["viewer"]
    # The web app's grid page of 500 lines passes, logged in or not (then refused for the login alone).
    page = ask(api, ENTRIES_PAGE, {"id": batch, "first": 500}, token)["data"]["importBatch"]["entries"]
    assert page["totalCount"] == 900 and len(page["nodes"]) == 500
    anonymous = ask(api, ENTRIES_PAGE, {"id": batch, "first": 500})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    # 1,000 aliases of that page took 61 s and 1 GB: refused, as are three, unknown fields and all.
    def pages(n: int, extra: str = "") -> str:
        fields = f"line journal date piece account label debit credit lettering reference thirdParty accountLabel {extra}"
        page = f"importBatch(id: $id) {{ entries(first: 500) {{ nodes {{ {fields} }} }} }}"
        return "query($id: ID!) { " + " ".join(f"b{i}: {page}" for i in range(n)) + " }"

    for who in (None, token):
        refused(ask(api, pages(1_000), {"id": batch}, who), "QUERY_TOO_LARGE", "documentBytes")
        refused(ask(api, pages(40), {"id": batch}, who), "QUERY_TOO_COMPLEX", "cost")
        error = refused(ask(api, pages(8, "nope"), {"id": batch}, who), "QUERY_TOO_COMPLEX", "cost")
        assert error["extensions"]["maximum"] == DEFAULTS.graphql_max_cost
    # The page size comes from the variables, or from the argument's default (entries: 100).
    variable = (
        "query($id: ID!, $n: Int) { "
        + " ".join(
            f"b{i}: importBatch(id: $id) {{ entries(first: $n) {{ nodes {{ line journal account label debit credit }} }} }}"
            for i in range(15)
        )
        + " }"
    )
    refused(ask(api, variable, {"id": batch, "n": 500}, token), "QUERY_TOO_COMPLEX", "cost")
    small = ask(api, variable, {"id": batch, "n": 10}, token)["data"]
    assert [len(small[f"b{i}"]["entries"]["nodes"]) for i in range(15)] == [10] * 15
    defaults = variable.replace("(first: $n)", "").replace(", $n: Int", "")
    assert len(ask(api, defaults, {"id": batch}, token)["data"]["b14"]["entries"]["nodes"]) == 100


def test_limits_apply_to_documents_already_cached(tight: None, api: Api) -> None:
    # Validated (and cached) by an app with the default limits, the same text is refused by this one.
    text = aliases(6)
    assert (
        Limits.of(DEFAULTS).aliases > 6
        and check_document(schema._schema, parse(text), {}, Limits.of(DEFAULTS)) is None
    )
    defaults = SimpleNamespace(settings=DEFAULTS)
    assert schema.execute_sync(text, context_value=defaults).errors is None  # cached as valid, default limits
    refused(ask(api, text), "QUERY_TOO_COMPLEX", "aliases")
    refused(ask(api, text), "QUERY_TOO_COMPLEX", "aliases")  # and again: a refusal is not cached as valid
    assert ask(api, aliases(5))["data"]["a4"] == "Query"


def test_limits_apply_over_websocket(api: Api, firm: dict[str, Any]) -> None:
    with api.client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
        ws.send_json(
            {"type": "connection_init", "payload": {"authorization": f"Bearer {firm['tokens']['viewer']}"}}
        )
        assert ws.receive_json()["type"] == "connection_ack"
        ws.send_json(
            {"id": "1", "type": "subscribe", "payload": {"query": aliases(DEFAULTS.graphql_max_aliases + 1)}}
        )
        message = ws.receive_json()
        assert message["type"] == "error" and message["payload"][0]["extensions"]["limit"] == "aliases"
        ws.send_json({"id": "2", "type": "subscribe", "payload": {"query": "{ me { name } }"}})
        assert ws.receive_json()["payload"]["data"] == {"me": {"name": "Viewer"}}


def test_batched_requests_are_refused(api: Api) -> None:
    status, body = post(api, [{"query": "{ __typename }"}] * 2)
    assert status == 400 and body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


class Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.names.append(node.name.value)


def _web_app_documents() -> dict[str, DocumentNode]:
    """Every operation the web app sends, with the fragments it spreads."""
    sources = [p for p in (ROOT / "frontend" / "src").rglob("*.ts*") if "gql" not in p.parts]
    texts = [t for p in sources for t in re.findall(r"graphql\(`([^`]*)`\)", p.read_text())]
    definitions = [d for t in texts for d in parse(t).definitions]
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    documents = {}
    for op in (d for d in definitions if isinstance(d, OperationDefinitionNode)):
        needed: dict[str, FragmentDefinitionNode] = {}
        todo: list[Any] = [op]
        while todo:
            spreads = Spreads()
            visit(todo.pop(), spreads)
            for name in spreads.names:
                if name not in needed:
                    needed[name] = fragments[name]
                    todo.append(fragments[name])
        assert op.name is not None
        documents[op.name.value] = DocumentNode(definitions=(op, *needed.values()))
    return documents


def test_every_web_app_document_fits_in_half_of_each_limit() -> None:
    documents = _web_app_documents()
    assert {"ConsoleBatches", "BatchGrid", "PreviewImport", "Notifications"} <= set(documents)
    limits = Limits.of(DEFAULTS)
    halved = Limits(
        document_bytes=limits.document_bytes // 2, tokens=limits.tokens // 2, nesting=limits.nesting // 2,
        depth=limits.depth // 2, aliases=limits.aliases // 2, field_repeats=limits.field_repeats // 2,
        cost=limits.cost // 2, list_cost=limits.list_cost,
    )  # fmt: skip
    for name, document in documents.items():
        text = print_ast(document)
        variables = {"first": 500}  # every page at its largest
        assert check_text(text, halved) is None, name
        parse(text, max_tokens=halved.tokens)
        assert check_document(schema._schema, parse(text), variables, halved) is None, name


# --- request bodies -------------------------------------------------------------------------------------


def test_json_body_over_its_limit_is_refused(tight: None, api: Api) -> None:
    maximum = 256 * 1024
    body = {"query": "{ __typename }", "variables": {"pad": "x" * maximum}}
    response = api.post(json=body)
    assert response.status_code == 413
    sent = int(response.request.headers["content-length"])
    answer = response.json()
    assert answer["errors"][0]["extensions"] == {
        "code": "PAYLOAD_TOO_LARGE", "limit": "jsonBodyBytes", "maximum": maximum, "found": sent,
    }  # fmt: skip
    assert "uploadImport" in answer["errors"][0]["message"]
    # An upload is a multipart body: its own (much larger) limit.
    token_free = api.upload_raw("1", "a.txt", b"x" * (maximum + 10), token="not-a-session")
    assert token_free["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_multipart_form_fields_are_bounded(tight: None, api: Api) -> None:
    operations = json.dumps({"query": "{ __typename }", "variables": {"pad": "x" * 300 * 1024}})
    csrf = {"X-Ecluse-CSRF": "1"}  # no credential: a form must say it is no cross-site one
    response = api.post(
        data={"operations": operations, "map": "{}"}, files={"0": ("a.txt", b"x")}, headers=csrf
    )
    assert (
        response.status_code == 413
        and response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    )
    files = {str(i): (f"{i}.txt", b"x") for i in range(20)}
    response = api.post(
        data={"operations": '{"query": "{ __typename }"}', "map": "{}"}, files=files, headers=csrf
    )
    assert response.status_code == 400 and response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_deeply_nested_variables_get_a_clean_400(api: Api, firm: dict[str, Any]) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    raw = '{"query": "query($d: JSON) { __typename }", "variables": {"d": ' + deep + "}}"
    response = api.post(content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "JSON_TOO_DEEP", "limit": "jsonDepth", "maximum": 64}
    # Within the limit, a nested JSON value reaches its resolver (and the layout check refuses it cleanly).
    value: Any = "x"
    for _ in range(25):
        value = {"a": [value]}
    mutation = 'mutation($c: ID!, $d: JSON!) { createImportLayout(companyId: $c, name: "n", definition: $d) { errors { code } } }'
    answer = ask(api, mutation, {"c": firm["company"], "d": value}, firm["tokens"]["admin"])
    assert answer["data"]["createImportLayout"]["errors"], answer
    response = api.post(content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_submit_entries_accepts_a_bounded_number_per_call(
    tight: None, api: Api, firm: dict[str, Any]
) -> None:
    mutation = """mutation($c: ID!, $entries: [EntryInput!]!) { submitEntries(companyId: $c, entries: $entries) {
        batch { id } errors { code message field } } }"""
    entry = lambda i: {"journal": "VT", "number": f"F{i}", "date": "2025-03-01", "lines": [  # noqa: E731
        {"account": "411000", "debit": "10.00"}, {"account": "706000", "credit": "10.00"}]}  # fmt: skip
    token = firm["tokens"]["collaborator"]
    sent = ask(api, mutation, {"c": firm["company"], "entries": [entry(i) for i in range(3)]}, token)
    assert sent["data"]["submitEntries"]["errors"] == [] and sent["data"]["submitEntries"]["batch"]
    api.wait_batch(sent["data"]["submitEntries"]["batch"]["id"], {"PENDING_VALIDATION"}, token=token)
    # One more, or a thousand more (set aside before graphql-core reads them): the same payload error.
    for count in (4, 1_500):
        over = ask(api, mutation, {"c": firm["company"], "entries": [entry(i) for i in range(count)]}, token)
        payload = over["data"]["submitEntries"]
        assert payload["batch"] is None
        [error] = payload["errors"]
        assert (error["code"], error["field"]) == ("TOO_MANY_ENTRIES", "entries")
        assert f"{count:,} entries were sent; a call takes at most 3" in error["message"]
        assert "JSON file with uploadImport" in error["message"]
    batches = ask(
        api, "query($c: ID!) { importBatches(companyId: $c) { totalCount } }", {"c": firm["company"]}, token
    )
    assert batches["data"]["importBatches"]["totalCount"] == 1


def test_json_values_are_counted_before_decoding(api: Api, firm: dict[str, Any]) -> None:
    maximum = DEFAULTS.max_json_values
    mutation = "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { count } }"
    token = firm["tokens"]["viewer"]
    assert ask(api, mutation, {"ids": ["1"] * 1_000}, token)["data"]["markNotificationsRead"]["count"] == 0
    for who in (None, token):
        response = api.post(
            json={"query": mutation, "variables": {"ids": ["1"] * (maximum + 1)}}, headers=api.headers(who)
        )
        assert response.status_code == 413
        ext = response.json()["errors"][0]["extensions"]
        assert (ext["code"], ext["limit"], ext["maximum"]) == ("PAYLOAD_TOO_LARGE", "jsonValues", maximum)
        assert ext["found"] > maximum
    # Commas and brackets inside strings are not values: this one reaches its resolver.
    answer = ask(api, "query($q: ID!) { importBatch(id: $q) { id } }", {"q": "{[,]}" * 100_000})
    assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


# --- errors ---------------------------------------------------------------------------------------------


def test_an_unexpected_exception_is_masked_and_logged_with_its_reference(
    api: Api, firm: dict[str, Any], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import ecluse.api.core

    async def broken(info: Any) -> Any:
        raise RuntimeError("secret: /var/lib/ecluse password=hunter2")

    monkeypatch.setattr(ecluse.api.core, "companies_of", broken)
    caplog.set_level(logging.ERROR, logger="ecluse.api.errors")
    token = firm["tokens"]["viewer"]
    body = ask(api, "{ companies { id } }", token=token)
    [error] = body["errors"]
    assert "secret" not in json.dumps(body) and "RuntimeError" not in json.dumps(body)
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR" and error["path"] == ["companies"]
    reference = error["extensions"]["reference"]
    assert reference in error["message"]
    [record] = [r for r in caplog.records if reference in r.getMessage()]
    logged = record.getMessage()
    assert "Traceback" in logged and "RuntimeError: secret: /var/lib/ecluse password=hunter2" in logged
    # Errors raised on purpose keep their message and code.
    assert (
        ask(api, "{ fiscalYears(companyId: 1) { id } }")["errors"][0]["extensions"]["code"]
        == "UNAUTHENTICATED"
    )
    # Over WebSocket too.
    with api.client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
        ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        assert ws.receive_json()["type"] == "connection_ack"
        ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": "{ companies { id } }"}})
        message = ws.receive_json()
        assert "secret" not in json.dumps(message)
        assert message["payload"]["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"


def test_giant_invalid_values_are_not_echoed(api: Api, firm: dict[str, Any]) -> None:
    giant = "é" * 300_000  # 600 kB in UTF-8: two of them fit in a JSON body
    login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code message } } }"
    cases: list[tuple[str, dict[str, Any]]] = [
        (login, {"e": giant, "p": giant}),  # valid types: a plain refusal
        (login, {"e": [giant], "p": {"x": giant}}),  # wrong types: coercion messages quote the value
        ("query($n: Int) { notifications(first: $n) { totalCount } }", {"n": "9" * 1_500_000}),
        ("query($id: ID!) { importBatch(id: $id) { id } }", {"id": giant}),
        ('{ importBatch(id: "' + "z" * 60_000 + '") { id } }', {}),
        (
            "query($s: [ImportStatus!]) { importBatches(companyId: 1, filter: {statuses: $s}) { totalCount } }",
            {"s": [giant]},
        ),
    ]
    for query, variables in cases:
        for token in (None, firm["tokens"]["admin"]):
            status, body = post(api, {"query": query, "variables": variables}, token)
            assert status == 200, body
            text = json.dumps(body, ensure_ascii=False)
            assert len(text) < 3_000, text[:500]
            for error in body.get("errors", []):
                assert len(error["message"]) <= 500 and error["extensions"]["code"], error


# --- production defaults --------------------------------------------------------------------------------


INTROSPECTION = "{ __schema { queryType { name } } }"


def test_introspection_and_the_ide_are_off_by_default(api: Api) -> None:
    body = ask(api, INTROSPECTION)
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "introspection" in body["errors"][0]["message"].lower()
    assert ask(api, '{ __type(name: "Query") { name } }')["errors"]
    assert ask(api, "{ __typename }")["data"] == {"__typename": "Query"}
    response = api.client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 404 and "graphiql" not in response.text.lower()


@pytest.fixture
def development(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ECLUSE_GRAPHQL_INTROSPECTION", "true")
    monkeypatch.setenv("ECLUSE_GRAPHQL_IDE", "true")
    reset_settings()
    yield
    reset_settings()


def test_introspection_and_the_ide_when_enabled(development: None, api: Api) -> None:
    assert ask(api, INTROSPECTION)["data"] == {"__schema": {"queryType": {"name": "Query"}}}
    response = api.client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()
    assert "https://unpkg.com" in response.headers["content-security-policy"]


def _assert_security_headers(response: Any) -> None:
    headers = response.headers
    csp = headers["content-security-policy"]
    for directive in (
        "default-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ):
        assert directive in csp, (response.url, csp)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_security_headers_on_every_response(api: Api, firm: dict[str, Any]) -> None:
    token = firm["tokens"]["collaborator"]
    sent = api.upload(firm["company"], "123456782FEC20251231.txt", demo_fec(3, 2025, seed=1), token=token)
    api.wait_batch(sent["batch"]["id"], {"PENDING_VALIDATION"}, token=token)
    responses = [
        api.post(json={"query": "{ __typename }"}),
        api.post(json=[{"query": "{ __typename }"}]),  # refused
        api.client.get("/health"),
        api.client.get("/"),
        api.client.get("/imports/42"),  # a page of the web app
        api.client.get(sent["batch"]["file"]["downloadUrl"], headers=api.headers(token)),
        api.client.get(sent["batch"]["file"]["downloadUrl"]),  # 401
    ]
    assert [r.status_code for r in responses] == [200, 400, 200, 200, 200, 200, 401]
    for response in responses:
        _assert_security_headers(response)


# --- against a real server: bodies refused while they stream --------------------------------------------


@pytest.fixture
def live(env: dict[str, str], tmp_path: Path) -> Iterator[Server]:
    with server({**env, "ECLUSE_MAX_JSON_BODY_BYTES": str(1 << 20)}, tmp_path / "serve.log") as srv:
        yield srv


def _raw_post(port: int, head: str, chunks: Iterator[bytes]) -> tuple[int, int, bytes]:
    """POST by hand on loopback; stop sending as soon as the server answers. (status, bytes sent, body)"""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode())
        sock.setblocking(False)
        answer = b""
        deadline = time.monotonic() + 20
        for chunk in chunks:
            with contextlib.suppress(BlockingIOError):
                answer += sock.recv(65536)
            if answer:
                break
            try:
                sock.sendall(chunk)
            except BlockingIOError:
                break  # the server stopped reading
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
            assert time.monotonic() < deadline
        sock.settimeout(10)
        while b"\r\n\r\n" not in answer or len(answer.split(b"\r\n\r\n", 1)[1]) < 20:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    status = int(answer.split(b" ", 2)[1])
    return status, sent, answer.split(b"\r\n\r\n", 1)[1]


def test_json_body_refused_while_streaming_never_read_whole(live: Server) -> None:
    # Declared too large: refused before a byte of the body is read.
    head = "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 104857600\r\n\r\n"
    status, sent, body = _raw_post(live.port, head, iter([b"{" * 65536] * 1600))
    assert status == 413 and b"PAYLOAD_TOO_LARGE" in body
    assert sent < 100 << 20
    # Chunked, no length: counted as it comes, refused past 1 MiB; the 100 MiB are never all sent.
    head = "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
    piece = b"x" * 65536
    chunk = b"%x\r\n" % len(piece) + piece + b"\r\n"
    status, sent, body = _raw_post(live.port, head, iter([chunk] * 1600))
    assert status == 413 and b"jsonBodyBytes" in body
    assert sent < 50 << 20
    assert live.http.get("/health").status_code == 200


def test_probes_refused_by_a_running_server(live: Server) -> None:
    for text, code in ((aliases(300_000), "QUERY_TOO_LARGE"), (nested(5_000), "QUERY_TOO_COMPLEX")):
        response = live.http.post("/graphql", json={"query": text})
        assert response.status_code in (200, 413), response.text[:300]
        body = response.json()
        assert body["errors"][0]["extensions"]["code"] in (code, "PAYLOAD_TOO_LARGE"), body
    _assert_security_headers(live.http.get("/health"))
    assert live.http.get("/health").json()["status"] == "ok"


def test_json_shape_is_counted_outside_strings_and_stops_past_the_limit() -> None:
    from ecluse.web.guards import json_over

    assert json_over('{"a": "[[[[[[[[[[[[", "b": [1, 2, 3]}', depth=3, values=10) is None
    assert (
        json_over('{"a": "\\"[[[[[[[["}', depth=1, values=10) is None
    )  # an escaped quote stays in its string
    nested = json_over("[" * 1_000_000 + "]" * 1_000_000, depth=64, values=10**9)
    assert (
        nested is not None and 64 < nested.depth < 64 + 5000
    )  # the scan stopped within a slice of the limit
    wide = json_over("[" + "1," * 200 + "1]", depth=64, values=100)
    assert wide is not None and wide.values == 201
    slices = "[" * 60 + "0," * 10_000 + "]" * 60  # deep enough, spread over several slices: within the limit
    assert json_over(slices, depth=64, values=100_000) is None
