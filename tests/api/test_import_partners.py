"""Who sent a company's imports (importPartners), and the filter by exact senders (filter.partners)."""

from __future__ import annotations

from typing import Any

import pytest

from ecluse.demo import demo_fec
from ecluse.imports import listing
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
PARTNERS = "query($c: ID!) { importPartners(companyId: $c) }"
LIST = """query($c: ID!, $f: ImportBatchFilter) {
  importBatches(companyId: $c, filter: $f) { totalCount nodes { fileName partner } } }"""
HISTORY = """query($c: ID!, $f: ImportBatchFilter) {
  importHistory(companyId: $c, filter: $f) { nodes { fileName } } }"""


def _code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors")
    return errors[0]["extensions"]["code"] if errors else None


def _seed(api: Api, firm: dict[str, Any]) -> str:
    """One import each from Admin, Client and the partner application "Partner App"; returns its key."""
    admin = firm["tokens"]["admin"]
    key = api.gql(
        'mutation($c: ID!) { createApiKey(companyId: $c, name: "Partner App") { key } }',
        {"c": firm["company"]},
        token=admin,
    )["createApiKey"]["key"]
    senders: list[tuple[str, dict[str, str]]] = [
        ("admin.txt", {"token": admin}),
        ("client.txt", {"token": firm["tokens"]["client"]}),
        ("partner.txt", {"api_key": key}),
    ]
    for seed, (name, auth) in enumerate(senders, start=1):
        batch = api.upload(firm["company"], name, demo_fec(2, 2025, seed=seed), **auth)["batch"]
        api.wait_batch(batch["id"], DONE, token=admin)
    return str(key)


def test_senders_are_listed_and_filtered_by_exact_name(api: Api, firm: dict[str, Any]) -> None:
    _seed(api, firm)
    viewer, c = firm["tokens"]["viewer"], firm["company"]
    assert api.gql(PARTNERS, {"c": c}, token=viewer)["importPartners"] == ["Admin", "Client", "Partner App"]

    def names(query: str = LIST, **flt: Any) -> list[str]:
        data = api.gql(query, {"c": c, "f": flt}, token=viewer)
        return sorted(n["fileName"] for n in next(iter(data.values()))["nodes"])

    assert names(partners=["Client"]) == ["client.txt"]
    # Names of one field are OR-ed; the fields are AND-ed.
    assert names(partners=["Client", "Partner App"]) == ["client.txt", "partner.txt"]
    assert names(partners=["Client", "Partner App"], formats=["TRA"]) == []
    assert names(partners=["Admin"], statuses=["PENDING_VALIDATION"]) == ["admin.txt"]
    # Exact names: a part or another case matches nothing, unlike `partner`, which API clients keep.
    assert names(partners=["Clien"]) == []
    assert names(partners=["client"]) == []
    assert names(partner="clien") == ["client.txt"]
    assert names(partner="app", partners=["Client"]) == []
    # An empty list filters nothing; the history takes the same filter.
    assert names(partners=[]) == ["admin.txt", "client.txt", "partner.txt"]
    assert names(HISTORY, partners=["Partner App"]) == ["partner.txt"]


def test_a_partner_application_sees_only_itself(api: Api, firm: dict[str, Any]) -> None:
    key = _seed(api, firm)
    c = firm["company"]
    assert api.gql(PARTNERS, {"c": c}, api_key=key)["importPartners"] == ["Partner App"]
    # Naming another sender does not show it that sender's imports.
    nodes = api.gql(LIST, {"c": c, "f": {"partners": ["Admin", "Client"]}}, api_key=key)
    assert nodes["importBatches"] == {"totalCount": 0, "nodes": []}
    nodes = api.gql(LIST, {"c": c, "f": {"partners": ["Admin", "Partner App"]}}, api_key=key)
    assert [n["fileName"] for n in nodes["importBatches"]["nodes"]] == ["partner.txt"]
    # Nor another company's senders.
    assert _code(api.raw(PARTNERS, {"c": firm["other_company"]}, api_key=key)) == "FORBIDDEN"


def test_a_user_of_another_company_sees_none_of_its_senders(api: Api, firm: dict[str, Any]) -> None:
    _seed(api, firm)
    other = firm["tokens"]["other"]
    assert _code(api.raw(PARTNERS, {"c": firm["company"]}, token=other)) == "FORBIDDEN"
    assert api.gql(PARTNERS, {"c": firm["other_company"]}, token=other)["importPartners"] == []
    assert _code(api.raw(PARTNERS, {"c": firm["company"]})) == "UNAUTHENTICATED"


def test_the_list_of_senders_is_bounded(
    api: Api, firm: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(api, firm)
    assert listing.MAX_PARTNERS == 500
    monkeypatch.setattr(listing, "MAX_PARTNERS", 2)  # the server runs in this process
    listed = api.gql(PARTNERS, {"c": firm["company"]}, token=firm["tokens"]["admin"])["importPartners"]
    assert listed == ["Admin", "Client"]


@pytest.mark.parametrize(
    ("partners", "maximum"),
    [(["x"] * 51, 50), (["Client", "x" * 201], 200)],
    ids=["too-many-names", "too-long-a-name"],
)
def test_the_names_filter_is_bounded(
    api: Api, firm: dict[str, Any], partners: list[str], maximum: int
) -> None:
    token, c = firm["tokens"]["viewer"], firm["company"]
    body = api.raw(LIST, {"c": c, "f": {"partners": partners}}, token=token)
    error = body["errors"][0]
    assert error["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "filter.partners",
        "params": {"maximum": maximum},
    }
    assert body["data"] is None
    # At the bounds, the filter runs.
    ok = {"partners": ["x"] * 50} if maximum == 50 else {"partners": ["x" * 200]}
    assert api.gql(LIST, {"c": c, "f": ok}, token=token)["importBatches"]["totalCount"] == 0
