"""Journal kinds: set by a person or by a layout, read by the import-order check instead of a guess from the
journal's code (a layout's VK and IK journals are sales and purchases when someone says so)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.test_cli import _ecluse
from tests.api.test_ledger_formats import DONE, LAYOUT, create_layout, issues, lines_of, upload, wait
from tests.support import Api

SET = """mutation($c: ID!, $code: String!, $label: String, $kind: String, $default: Boolean) {
  setJournal(companyId: $c, code: $code, label: $label, kind: $kind, isDefault: $default) {
    journal { code label kind used createdByBatchId isDefault } errors { code field params } } }"""
JOURNALS = "query($c: ID!) { journals(companyId: $c) { code label kind used createdByBatchId isDefault } }"
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


def _defaults(api: Api, firm: dict[str, Any]) -> dict[str, str]:
    found = api.gql(JOURNALS, {"c": firm["company"]}, token=firm["tokens"]["viewer"])["journals"]
    return {j["kind"]: j["code"] for j in found if j["isDefault"]}


def test_one_default_journal_per_kind(api: Api, firm: dict[str, Any]) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    kindless = api.gql(SET, {"c": company, "code": "OD", "default": True}, token=token)["setJournal"]
    assert kindless["journal"] is None and [(e["code"], e["field"]) for e in kindless["errors"]] == [
        ("DEFAULT_NEEDS_KIND", "default")
    ]
    first = api.gql(SET, {"c": company, "code": "VT", "kind": "sales", "default": True}, token=token)
    assert first["setJournal"]["journal"]["isDefault"] is True
    api.gql(SET, {"c": company, "code": "BQ", "kind": "bank", "default": True}, token=token)
    # Another sales journal made the default takes it from VT; the bank's default is untouched.
    api.gql(SET, {"c": company, "code": "VE", "kind": "sales", "default": True}, token=token)
    assert _defaults(api, firm) == {"sales": "VE", "bank": "BQ"}
    # A label changed keeps the default; a kind changed drops it (it was the old kind's).
    kept = api.gql(SET, {"c": company, "code": "VE", "label": "Ventes"}, token=token)["setJournal"]["journal"]
    assert kept["isDefault"] is True
    api.gql(SET, {"c": company, "code": "BQ", "kind": "cash"}, token=token)
    assert _defaults(api, firm) == {"sales": "VE"}
    api.gql(SET, {"c": company, "code": "VE", "default": False}, token=token)
    assert _defaults(api, firm) == {}


NO_JOURNAL = {k: v for k, v in LAYOUT.items() if k != "columns"} | {
    "columns": {k: v for k, v in LAYOUT["columns"].items() if k != "journal"},
    "journalKind": "sales",
}
SALES_NO_JOURNAL = "h\n05/04/2026;F1;411000;V;100,00;;;\n05/04/2026;F1;706000;V;;100,00;;\n"


def test_a_layout_without_a_journal_imports_into_the_default_of_its_kind(
    api: Api, firm: dict[str, Any]
) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    layout = {
        **NO_JOURNAL,
        "columns": {name: (n - 1 if isinstance(n, int) else n) for name, n in NO_JOURNAL["columns"].items()},
    }
    layout_id = create_layout(api, company, token, layout)
    # No default sales journal yet: the file is kept, in a FAILED batch that says why.
    first = upload(api, company, "v1.csv", SALES_NO_JOURNAL.encode(), token, layoutId=layout_id)["batch"]
    assert wait(api, first["id"], DONE | {"FAILED"}, token=token)["status"] == "FAILED"
    assert [(i["code"], i["params"]) for i in issues(api, first["id"], token)] == [
        ("NO_DEFAULT_JOURNAL", {"kind": "sales"})
    ]
    api.gql(SET, {"c": company, "code": "VT", "kind": "sales", "default": True}, token=token)
    second = upload(api, company, "v2.csv", SALES_NO_JOURNAL.encode(), token, layoutId=layout_id)["batch"]
    assert wait(api, second["id"], DONE, token=token)["status"] == "PENDING_VALIDATION"
    assert {line["journal"] for line in lines_of(api, second["id"], token)} == {"VT"}
    # The import keeps the journal it was read with: a later default changes new imports only.
    api.gql(SET, {"c": company, "code": "VE", "kind": "sales", "default": True}, token=token)
    assert {line["journal"] for line in lines_of(api, second["id"], token)} == {"VT"}
    third = upload(api, company, "v3.csv", SALES_NO_JOURNAL.encode(), token, layoutId=layout_id)["batch"]
    wait(api, third["id"], DONE, token=token)
    assert {line["journal"] for line in lines_of(api, third["id"], token)} == {"VE"}


def test_a_layout_needs_a_journal_column_a_code_or_a_kind(api: Api, firm: dict[str, Any]) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    bare = {k: v for k, v in NO_JOURNAL.items() if k != "journalKind"}
    made = api.gql(
        """mutation($c: ID!, $d: JSON!) { createImportLayout(companyId: $c, name: "X", definition: $d) {
           errors { code field } } }""",
        {"c": company, "d": bare}, token=token,
    )["createImportLayout"]  # fmt: skip
    assert {"code": "BAD_LAYOUT", "field": "definition.journal"} in made["errors"]


def test_the_cli_sets_and_lists_journals(api: Api, firm: dict[str, Any], env: dict[str, str]) -> None:
    made = _ecluse(env, "journal", "set", "--company", "123456782", "--code", "VT", "--label", "Ventes",
                   "--kind", "sales", "--default")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "journal VT of" in made.stdout and "default sales journal" in made.stdout
    refused = _ecluse(env, "journal", "set", "--company", "123456782", "--code", "OD", "--default")
    assert refused.returncode == 1 and "DEFAULT_NEEDS_KIND" in refused.stderr
    listed = _ecluse(env, "journal", "list", "--company", "123456782")
    assert listed.returncode == 0 and "VT\tsales\tdefault\t-\tVentes" in listed.stdout.splitlines()
    assert _defaults(api, firm) == {"sales": "VT"}
