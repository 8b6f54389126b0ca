"""Journal kinds: set by a person or by a layout, read by the import-order check instead of a guess from the
journal's code (a layout's VK and IK journals are sales and purchases when someone says so)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.test_ledger_formats import DONE, LAYOUT, create_layout, issues, upload, wait
from tests.support import Api

SET = """mutation($c: ID!, $code: String!, $label: String, $kind: String) {
  setJournal(companyId: $c, code: $code, label: $label, kind: $kind) {
    journal { code label kind used createdByBatchId } errors { code field params } } }"""
JOURNALS = "query($c: ID!) { journals(companyId: $c) { code label kind used createdByBatchId } }"
SALES = (
    "h\nVK;05/04/2026;F1;411000;V;100,00;;;\nVK;05/04/2026;F1;706000;V;;100,00;;\n"
    "IK;06/04/2026;A1;607000;A;80,00;;;\nIK;06/04/2026;A1;401000;A;;80,00;;\n"
)
BANK = "h\nBQ;10/04/2026;R1;512000;Encaissement;100,00;;;\nBQ;10/04/2026;R1;411000;Encaissement;;100,00;;\n"


def _order(api: Api, company: str, token: str, layout_id: str, name: str, text: str) -> list[dict[str, Any]]:
    batch = upload(api, company, name, text.encode(), token, layoutId=layout_id)["batch"]
    wait(api, batch["id"], DONE, token=token)
    return [i["params"] for i in issues(api, batch["id"], token) if i["code"] == "IMPORT_ORDER"]


def test_kinds_a_person_sets_replace_the_guess(api: Api, firm: dict[str, Any]) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    layout_id = create_layout(api, company, token, LAYOUT)
    assert _order(api, company, token, layout_id, "va.csv", SALES) == []
    # VK and IK say nothing by their codes: the bank file seems to come before that month's sales.
    assert _order(api, company, token, layout_id, "bq.csv", BANK) == [
        {"journals": "BQ", "month": "2026-04", "missing": "purchases, sales"}
    ]
    for code, kind in (("VK", "sales"), ("IK", "purchases")):
        done = api.gql(SET, {"c": company, "code": code, "kind": kind}, token=token)["setJournal"]
        assert done["errors"] == [] and done["journal"]["kind"] == kind and done["journal"]["used"] is True
    assert _order(api, company, token, layout_id, "bq2.csv", BANK.replace("R1", "R2")) == []


def test_a_layout_gives_the_kinds_of_the_journals_it_creates(api: Api, firm: dict[str, Any]) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    # A kind someone set before is kept: the layout fills blanks only.
    assert api.gql(SET, {"c": company, "code": "IK", "label": "Inkoop", "kind": "general"}, token=token)
    kinds = {"VK": "sales", "IK": "purchases", "BNK": "bank"}
    layout_id = create_layout(api, company, token, dict(LAYOUT, journalKinds=kinds))
    batch = upload(api, company, "va.csv", SALES.encode(), token, layoutId=layout_id)["batch"]
    wait(api, batch["id"], DONE, token=token)
    journals = {
        j["code"]: j for j in api.gql(JOURNALS, {"c": company}, token=firm["tokens"]["viewer"])["journals"]
    }
    assert (journals["VK"]["kind"], journals["VK"]["createdByBatchId"], journals["VK"]["used"]) == (
        "sales", batch["id"], True,
    )  # fmt: skip
    assert (journals["IK"]["kind"], journals["IK"]["label"], journals["IK"]["createdByBatchId"]) == (
        "general", "Inkoop", None,
    )  # fmt: skip
    assert "BNK" not in journals  # named by the layout, not met in the file: not created
    # A bank journal the layout calls so, though its code says nothing.
    bank = BANK.replace("BQ;", "BNK;")
    assert _order(api, company, token, layout_id, "bnk.csv", bank) == [
        {"journals": "BNK", "month": "2026-04", "missing": "purchases"}
    ]


def test_a_layout_refuses_a_kind_it_does_not_know(api: Api, firm: dict[str, Any]) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    made = api.gql(
        """mutation($c: ID!, $d: JSON!) { createImportLayout(companyId: $c, name: "X", definition: $d) {
           errors { code message } } }""",
        {"c": company, "d": dict(LAYOUT, journalKinds={"VK": "ventes"})}, token=token,
    )["createImportLayout"]  # fmt: skip
    assert made["errors"][0]["code"] == "BAD_LAYOUT" and "journalKinds" in made["errors"][0]["message"]


@pytest.mark.parametrize(
    ("variables", "code", "field"),
    [
        ({"code": " ", "kind": "sales"}, "BAD_JOURNAL_CODE", "code"),
        ({"code": "X" * 21}, "BAD_JOURNAL_CODE", "code"),
        ({"code": "VT", "kind": "ventes"}, "BAD_JOURNAL_KIND", "kind"),
        ({"code": "VT", "label": "x" * 201}, "TOO_LONG", "label"),
    ],
)  # fmt: skip
def test_a_wrong_journal_is_refused(
    api: Api, firm: dict[str, Any], variables: dict[str, str], code: str, field: str
) -> None:
    done = api.gql(SET, {"c": firm["company"], **variables}, token=firm["tokens"]["admin"])["setJournal"]
    assert done["journal"] is None and [(e["code"], e["field"]) for e in done["errors"]] == [(code, field)]


@pytest.mark.parametrize("role", ["viewer", "client", "other"])
def test_setting_a_journal_needs_a_settings_role_in_the_company(
    api: Api, firm: dict[str, Any], role: str
) -> None:
    body = api.raw(SET, {"c": firm["company"], "code": "VT", "kind": "sales"}, token=firm["tokens"][role])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_partner_sees_no_journals(api: Api, firm: dict[str, Any]) -> None:
    key = api.gql('mutation($c: ID!) { createApiKey(companyId: $c, name: "P") { key } }',
                  {"c": firm["company"]}, token=firm["tokens"]["admin"])["createApiKey"]["key"]  # fmt: skip
    assert (
        api.raw(JOURNALS, {"c": firm["company"]}, api_key=key)["errors"][0]["extensions"]["code"]
        == "FORBIDDEN"
    )
