"""Every role × every mutation of the matrix, and tenant isolation in queries and subscriptions."""

from __future__ import annotations

import pytest

from ecluse.auth.roles import MATRIX, Action, Role
from ecluse.demo import demo_fec
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
VALIDATE = "mutation($id: ID!) { validateImport(id: $id) { batch { status } errors { code } } }"
REJECT = "mutation($id: ID!) { rejectImport(id: $id) { batch { status } errors { code } } }"


def _code(body: dict) -> str | None:
    errors = body.get("errors")
    return errors[0]["extensions"]["code"] if errors else None


def _staged(api: Api, firm: dict) -> str:
    admin = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "x.txt", demo_fec(2, 2025, seed=1), token=admin)["batch"]
    api.wait_batch(batch["id"], DONE, token=admin)
    return str(batch["id"])


@pytest.mark.parametrize("role", ["viewer", "client", "collaborator", "admin"])
def test_user_roles_follow_the_matrix(api: Api, firm: dict, role: str) -> None:
    token = firm["tokens"][role]
    may_submit = Role(role) in MATRIX[Action.SUBMIT]
    may_decide = Role(role) in MATRIX[Action.DECIDE]

    body = api.upload_raw(firm["company"], "r.txt", demo_fec(2, 2025, seed=2), token=token)
    assert _code(body) == (None if may_submit else "FORBIDDEN")

    for mutation in (VALIDATE, REJECT):
        batch_id = _staged(api, firm)
        body = api.raw(mutation, {"id": batch_id}, token=token)
        assert _code(body) == (None if may_decide else "FORBIDDEN"), (role, mutation, body)

    # Everyone of the company may view.
    assert (
        _code(
            api.raw(
                "query($c: ID!) { importBatches(companyId: $c) { totalCount } }",
                {"c": firm["company"]},
                token=token,
            )
        )
        is None
    )


def test_partner_api_key_submits_and_sees_only_its_own_batches(api: Api, firm: dict) -> None:
    admin = firm["tokens"]["admin"]
    created = api.gql(
        'mutation($c: ID!) { createApiKey(companyId: $c, name: "Partner App") { key apiKey { id prefix } errors { code } } }',
        {"c": firm["company"]},
        token=admin,
    )["createApiKey"]
    key = created["key"]
    assert key.startswith(created["apiKey"]["prefix"])
    own = api.upload(firm["company"], "partner.txt", demo_fec(2, 2025, seed=4), api_key=key)["batch"]
    assert own["origin"] == "PARTNER_API" and own["partner"] == "Partner App"
    api.wait_batch(own["id"], DONE, api_key=key)
    other = _staged(api, firm)
    listed = api.gql(
        "query($c: ID!) { importBatches(companyId: $c) { nodes { id } } }",
        {"c": firm["company"]},
        api_key=key,
    )["importBatches"]["nodes"]
    assert [n["id"] for n in listed] == [own["id"]]
    body = api.raw("query($id: ID!) { importBatch(id: $id) { id } }", {"id": other}, api_key=key)
    assert _code(body) == "FORBIDDEN"
    # Its pending count is its own; the ledger is not a partner's business.
    count = api.gql(
        "query($c: ID!) { pendingImportsCount(companyId: $c) }", {"c": firm["company"]}, api_key=key
    )
    assert count["pendingImportsCount"] == 1
    body = api.raw(
        "query($c: ID!) { trialBalance(companyId: $c) { totalDebit } }", {"c": firm["company"]}, api_key=key
    )
    assert _code(body) == "FORBIDDEN"
    # A partner never validates or rejects.
    assert _code(api.raw(VALIDATE, {"id": own["id"]}, api_key=key)) == "FORBIDDEN"
    assert _code(api.raw(REJECT, {"id": own["id"]}, api_key=key)) == "FORBIDDEN"
    # Nor submits to another company.
    assert _code(api.upload_raw(firm["other_company"], "p.txt", b"x", api_key=key)) == "FORBIDDEN"
    # A revoked key stops working.
    api.gql(
        "mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revoked } } }",
        {"id": created["apiKey"]["id"]},
        token=admin,
    )
    assert _code(api.raw("{ me { name } }", api_key=key)) == "UNAUTHENTICATED"


def test_api_keys_are_the_company_admins(api: Api, firm: dict) -> None:
    for role in ("viewer", "client", "collaborator", "other"):
        body = api.raw(
            "mutation($c: ID!) { createApiKey(companyId: $c, name: \"k\") { key } }", {"c": firm["company"]},
            token=firm["tokens"][role],
        )  # fmt: skip
        assert _code(body) == "FORBIDDEN"


def test_tenant_isolation_in_queries(api: Api, firm: dict) -> None:
    batch_id = _staged(api, firm)
    other = firm["tokens"]["other"]
    me = api.gql("{ me { companies { id name } } }", token=other)["me"]
    assert [c["id"] for c in me["companies"]] == [firm["other_company"]]
    for query, variables in [
        ("query($c: ID!) { importBatches(companyId: $c) { totalCount } }", {"c": firm["company"]}),
        ("query($c: ID!) { pendingImportsCount(companyId: $c) }", {"c": firm["company"]}),
        ("query($c: ID!) { trialBalance(companyId: $c) { totalDebit } }", {"c": firm["company"]}),
        ("query($id: ID!) { importBatch(id: $id) { id } }", {"id": batch_id}),
    ]:
        assert _code(api.raw(query, variables, token=other)) == "FORBIDDEN", query
    assert _code(api.raw(VALIDATE, {"id": batch_id}, token=other)) == "FORBIDDEN"
    response = api.client.get(f"/files/batches/{batch_id}/original", headers=api.headers(other))
    assert response.status_code == 404


def test_unauthenticated_and_bad_login(api: Api, firm: dict) -> None:
    assert _code(api.raw("{ me { name } }")) == "UNAUTHENTICATED"
    bad = api.gql('mutation { login(email: "admin@firm.test", password: "nope") { token errors { code } } }')
    assert bad["login"] == {"token": None, "errors": [{"code": "INVALID_CREDENTIALS"}]}


def test_cookie_session_requires_csrf_header(api: Api, firm: dict) -> None:
    client = api.client
    client.cookies.clear()
    response = client.post(
        "/graphql",
        json={"query": 'mutation { login(email: "admin@firm.test", password: "s3cret-pass") { token } }'},
    )
    assert response.status_code == 200 and "ecluse_session" in response.cookies
    client.cookies.set("ecluse_session", response.cookies["ecluse_session"])
    try:
        blocked = client.post("/graphql", json={"query": "{ me { name } }"})
        assert blocked.status_code == 403
        allowed = client.post("/graphql", json={"query": "{ me { name } }"}, headers={"X-Ecluse-CSRF": "1"})
        assert allowed.json()["data"]["me"]["name"] == "Admin"
    finally:
        client.cookies.clear()
