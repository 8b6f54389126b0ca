"""Companies (dossiers) over the API: a firm administrator creates, archives and restores them, a company's
admin edits its details; every field is checked, every change audited with where it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ecluse.demo import demo_fec
from tests.api.test_cli import _ecluse
from tests.support import Api

FIELDS = "id name siren code currency country address archived role findings { code field params }"
CREATE = f"""mutation($i: CompanyInput!) {{
  createCompany(input: $i) {{ company {{ {FIELDS} }} errors {{ code field params }} }} }}"""
UPDATE = f"""mutation($id: ID!, $i: CompanyInput!) {{
  updateCompany(id: $id, input: $i) {{ company {{ {FIELDS} }} errors {{ code field params }} }} }}"""
ARCHIVE = f"""mutation($id: ID!) {{
  archiveCompany(id: $id) {{ company {{ {FIELDS} }} errors {{ code field params }} }} }}"""
RESTORE = f"""mutation($id: ID!) {{
  restoreCompany(id: $id) {{ company {{ {FIELDS} }} errors {{ code field params }} }} }}"""
FIRM = "query($a: Boolean!) { firmCompanies(includeArchived: $a) { name archived role } }"
MINE = "{ me { firmAdmin companies { id name } } }"


def _code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors")
    return errors[0]["extensions"]["code"] if errors else None


def _create(api: Api, firm: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return dict(api.gql(CREATE, {"i": fields}, token=firm["tokens"]["firm"])["createCompany"])


def test_a_firm_admin_creates_a_company_and_becomes_its_admin(api: Api, firm: dict[str, Any]) -> None:
    made = _create(
        api, firm, name="  Garage Petit SARL ", siren="732 829 320", code="GPETIT", currency="eur", country="be",
        address="3 rue des Lilas\r\n75011 Paris",
    )  # fmt: skip
    assert made["errors"] == []
    company = made["company"]
    assert {k: company[k] for k in ("name", "siren", "code", "currency", "country", "address", "role")} == {
        "name": "Garage Petit SARL", "siren": "732829320", "code": "GPETIT", "currency": "EUR",
        "country": "BE", "address": "3 rue des Lilas\n75011 Paris", "role": "ADMIN",
    }  # fmt: skip
    assert company["findings"] == [] and company["archived"] is False
    me = api.gql(MINE, token=firm["tokens"]["firm"])["me"]
    assert me["firmAdmin"] is True and [c["name"] for c in me["companies"]] == ["Garage Petit SARL"]
    # Defaults: EUR, FR, no SIREN.
    plain = _create(api, firm, name="Sans SIREN")["company"]
    assert (plain["siren"], plain["currency"], plain["country"]) == (None, "EUR", "FR")
    # The creator can open a year in it and import there.
    opened = api.gql(
        'mutation($c: ID!) { openFiscalYear(companyId: $c, startDate: "2027-01-01") { errors { code } } }',
        {"c": company["id"]}, token=firm["tokens"]["firm"],
    )  # fmt: skip
    assert opened["openFiscalYear"]["errors"] == []
    token = firm["tokens"]["firm"]
    batch = api.upload(company["id"], "732829320FEC20271231.txt", demo_fec(3, 2027, 1), token=token)["batch"]
    done = api.wait_batch(batch["id"], {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}, token=token)
    assert done["status"] == "PENDING_VALIDATION"


@pytest.mark.parametrize(
    ("fields", "code", "field", "params"),
    [
        ({"name": "  "}, "REQUIRED", "name", None),
        ({"name": "x" * 201}, "TOO_LONG", "name", {"maximum": 200, "found": 201}),
        ({"name": "A\x07B"}, "BAD_CHARACTERS", "name", None),
        ({"name": "A", "siren": "123456789"}, "INVALID_SIREN", "siren", {"siren": "123456789", "reason": "checksum"}),
        ({"name": "A", "siren": "12345678"}, "INVALID_SIREN", "siren", {"siren": "12345678", "reason": "length"}),
        ({"name": "A", "siren": "12345678A"}, "INVALID_SIREN", "siren", {"siren": "12345678A", "reason": "digits"}),
        ({"name": "A", "siren": "123456782"}, "SIREN_TAKEN", "siren", {"siren": "123456782", "company": "Boulangerie Martin"}),
        ({"name": "A", "code": "123456782"}, "CODE_TAKEN", "code", {"value": "123456782", "company": "Boulangerie Martin"}),
        ({"name": "A", "code": "a b"}, "BAD_CODE", "code", {"value": "a b"}),
        ({"name": "A", "currency": "XXX"}, "UNKNOWN_CURRENCY", "currency", {"currency": "XXX"}),
        ({"name": "A", "currency": "EURO"}, "UNKNOWN_CURRENCY", "currency", {"currency": "EURO"}),
        ({"name": "A", "country": "ZZ"}, "UNKNOWN_COUNTRY", "country", {"country": "ZZ"}),
        ({"name": "A", "address": "x" * 501}, "TOO_LONG", "address", {"maximum": 500, "found": 501}),
    ],
)  # fmt: skip
def test_a_wrong_field_is_refused_naming_it(
    api: Api, firm: dict[str, Any], fields: dict[str, str], code: str, field: str, params: Any
) -> None:
    made = _create(api, firm, **fields)
    assert made["company"] is None
    assert made["errors"] == [{"code": code, "field": field, "params": params}]


def test_codes_are_unique_whatever_their_case(api: Api, firm: dict[str, Any]) -> None:
    assert _create(api, firm, name="A", code="Dupont")["errors"] == []
    assert _create(api, firm, name="B", code="DUPONT")["errors"][0]["code"] == "CODE_TAKEN"


@pytest.mark.parametrize("role", ["viewer", "client", "collaborator", "admin", "other"])
def test_only_a_firm_admin_creates_archives_and_lists_the_firm(
    api: Api, firm: dict[str, Any], role: str
) -> None:
    token = firm["tokens"][role]
    assert _code(api.raw(CREATE, {"i": {"name": "X"}}, token=token)) == "FORBIDDEN"
    for mutation in (ARCHIVE, RESTORE):
        assert _code(api.raw(mutation, {"id": firm["company"]}, token=token)) == "FORBIDDEN"
    assert _code(api.raw(FIRM, {"a": True}, token=token)) == "FORBIDDEN"


@pytest.mark.parametrize("role", ["viewer", "client", "collaborator", "other"])
def test_only_the_company_admin_edits_its_details(api: Api, firm: dict[str, Any], role: str) -> None:
    body = api.raw(UPDATE, {"id": firm["company"], "i": {"name": "Pirate"}}, token=firm["tokens"][role])
    assert _code(body) == "FORBIDDEN"


def test_a_partner_key_administers_nothing(api: Api, firm: dict[str, Any]) -> None:
    key = api.gql(
        'mutation($c: ID!) { createApiKey(companyId: $c, name: "P") { key } }',
        {"c": firm["company"]}, token=firm["tokens"]["admin"],
    )["createApiKey"]["key"]  # fmt: skip
    assert _code(api.raw(CREATE, {"i": {"name": "X"}}, api_key=key)) == "FORBIDDEN"
    assert _code(api.raw(UPDATE, {"id": firm["company"], "i": {"name": "X"}}, api_key=key)) == "FORBIDDEN"


def test_the_company_admin_edits_details_and_the_audit_says_who_what_and_from_where(
    api: Api, firm: dict[str, Any]
) -> None:
    token = firm["tokens"]["admin"]
    changed = api.gql(UPDATE, {"id": firm["company"], "i": {"name": "Boulangerie Martin & Fils", "code": "BMF",
                                                           "siren": ""}}, token=token)["updateCompany"]  # fmt: skip
    assert changed["errors"] == []
    assert (changed["company"]["name"], changed["company"]["code"], changed["company"]["siren"]) == (
        "Boulangerie Martin & Fils", "BMF", None,
    )  # fmt: skip
    # Nothing given, nothing changed; the currency is kept while imports exist.
    same = api.gql(UPDATE, {"id": firm["company"], "i": {}}, token=token)["updateCompany"]
    assert same["company"]["name"] == "Boulangerie Martin & Fils"
    api.upload(firm["company"], "x.txt", demo_fec(2, 2025, 1), token=token)
    refused = api.gql(UPDATE, {"id": firm["company"], "i": {"currency": "USD"}}, token=token)["updateCompany"]
    assert refused["errors"] == [
        {"code": "CURRENCY_IN_USE", "field": "currency", "params": {"currency": "EUR"}}
    ]
    rows = api.client.portal.call(_audit, int(firm["company"]), "company.updated")
    assert len(rows) == 1
    detail, origin, user_id = rows[0]
    assert (
        "name: 'Boulangerie Martin' → 'Boulangerie Martin & Fils'" in detail
        and "code: None → 'BMF'" in detail
    )
    assert origin == "testclient" and user_id is not None


async def _audit(company_id: int, action: str) -> list[tuple[str, str, int | None]]:
    from ecluse.activity.models import AuditLog

    rows = await AuditLog.filter(company_id=company_id, action=action).order_by("id")
    return [(r.detail, r.origin, r.user_id) for r in rows]


def test_an_archived_company_is_hidden_from_its_members_and_its_keys_and_comes_back_restored(
    api: Api, firm: dict[str, Any]
) -> None:
    admin, boss = firm["tokens"]["admin"], firm["tokens"]["firm"]
    key = api.gql(
        'mutation($c: ID!) { createApiKey(companyId: $c, name: "P") { key } }',
        {"c": firm["company"]}, token=admin,
    )["createApiKey"]["key"]  # fmt: skip
    batch = api.upload(firm["company"], "x.txt", demo_fec(2, 2025, 1), token=admin)["batch"]
    api.wait_batch(batch["id"], {"PENDING_VALIDATION"}, token=admin)
    archived = api.gql(ARCHIVE, {"id": firm["company"]}, token=boss)["archiveCompany"]
    assert archived["errors"] == [] and archived["company"]["archived"] is True
    # Hidden at once (no wait for remembered credentials), data kept.
    assert api.gql(MINE, token=admin)["me"]["companies"] == []
    assert _code(api.raw("query($id: ID!) { importBatch(id: $id) { id } }", {"id": batch["id"]}, token=admin)) == (
        "FORBIDDEN"
    )  # fmt: skip
    assert api.raw("{ me { name } }", api_key=key)["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    listed = api.gql(FIRM, {"a": False}, token=boss)["firmCompanies"]
    assert [c["name"] for c in listed] == ["Atelier Durand"]
    every = api.gql(FIRM, {"a": True}, token=boss)["firmCompanies"]
    assert [(c["name"], c["archived"]) for c in every] == [
        ("Atelier Durand", False),
        ("Boulangerie Martin", True),
    ]
    # An archived company's SIREN is free for a new one; restoring it then is refused, naming the taker.
    assert _create(api, firm, name="Reprise", siren="123456782")["errors"] == []
    refused = api.gql(RESTORE, {"id": firm["company"]}, token=boss)["restoreCompany"]
    assert refused["errors"][0]["code"] == "SIREN_TAKEN"
    assert api.gql(UPDATE, {"id": firm["company"], "i": {"name": "Y"}}, token=boss)["updateCompany"]["errors"] == [
        {"code": "COMPANY_ARCHIVED", "field": "id", "params": {"company": "Boulangerie Martin"}}
    ]  # fmt: skip


def test_restoring_brings_the_company_back_with_its_imports(api: Api, firm: dict[str, Any]) -> None:
    admin, boss = firm["tokens"]["admin"], firm["tokens"]["firm"]
    batch = api.upload(firm["company"], "x.txt", demo_fec(2, 2025, 1), token=admin)["batch"]
    api.wait_batch(batch["id"], {"PENDING_VALIDATION"}, token=admin)
    api.gql(ARCHIVE, {"id": firm["company"]}, token=boss)
    restored = api.gql(RESTORE, {"id": firm["company"]}, token=boss)["restoreCompany"]
    assert restored["errors"] == [] and restored["company"]["archived"] is False
    assert [c["id"] for c in api.gql(MINE, token=admin)["me"]["companies"]] == [firm["company"]]
    seen = api.gql("query($id: ID!) { importBatch(id: $id) { status } }", {"id": batch["id"]}, token=admin)
    assert seen["importBatch"]["status"] == "PENDING_VALIDATION"


def test_a_stored_siren_that_fails_the_check_is_a_finding_not_a_block(api: Api, firm: dict[str, Any]) -> None:
    api.client.portal.call(_store_siren, int(firm["other_company"]), "111111111")
    token = firm["tokens"]["other"]
    companies = api.gql("{ companies { name siren findings { code field params } } }", token=token)[
        "companies"
    ]
    assert companies == [{
        "name": "Atelier Durand", "siren": "111111111",
        "findings": [{"code": "INVALID_SIREN", "field": "siren", "params": {"siren": "111111111", "reason": "checksum"}}],
    }]  # fmt: skip
    # Its other details can still be changed; fixing the SIREN clears the finding.
    fixed = api.gql(UPDATE, {"id": firm["other_company"], "i": {"siren": "987654324"}}, token=token)
    assert fixed["updateCompany"]["company"]["findings"] == []


async def _store_siren(company_id: int, siren: str) -> None:
    from ecluse.ledger.models import Company

    await Company.filter(id=company_id).update(siren=siren)


def test_the_cli_creates_lists_updates_archives_and_restores(
    api: Api, firm: dict[str, Any], env: dict[str, str]
) -> None:
    refused = _ecluse(env, "company", "create", "--name", "Garage", "--siren", "732829321")
    assert refused.returncode == 1 and "INVALID_SIREN" in refused.stderr
    made = _ecluse(
        env, "company", "create", "--name", "Garage Petit", "--siren", "732 829 320", "--code", "GP"
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Garage Petit created: id ")
    changed = _ecluse(env, "company", "update", "--company", "gp", "--name", "Garage Petit & Fils")
    assert changed.returncode == 0 and "Garage Petit & Fils" in changed.stdout, changed.stderr
    archived = _ecluse(env, "company", "archive", "--company", "732829320")
    assert archived.returncode == 0 and "is archived" in archived.stdout, archived.stderr
    # An archived company takes no file from the CLI either.
    path = Path(env["ECLUSE_STORAGE_DIR"]).parent / "732829320FEC20251231.txt"
    path.write_bytes(demo_fec(2, 2025, 1))
    imported = _ecluse(env, "import", "--company", "GP", "--format", "FEC", str(path))
    assert imported.returncode == 1 and "no active company" in imported.stderr
    listed = _ecluse(env, "company", "list", "--archived")
    rows = [line.split("\t") for line in listed.stdout.strip().splitlines()[1:]]
    assert [(r[1], r[2], r[3], r[6]) for r in rows] == [
        ("Atelier Durand", "987654324", "", "active"),
        ("Boulangerie Martin", "123456782", "", "active"),
        ("Garage Petit & Fils", "732829320", "GP", "archived"),
    ]
    assert _ecluse(env, "company", "restore", "--company", "GP").returncode == 0
    assert len(_ecluse(env, "company", "list").stdout.strip().splitlines()) == 4
    rows = api.client.portal.call(_audit_actions)
    assert rows[-4:] == [("company.created", "cli"), ("company.updated", "cli"), ("company.archived", "cli"),
                         ("company.restored", "cli")]  # fmt: skip


async def _audit_actions() -> list[tuple[str, str]]:
    from ecluse.activity.models import AuditLog

    return [(r.action, r.origin) for r in await AuditLog.filter(object_type="Company").order_by("id")]


def test_a_company_column_naming_an_archived_company_reads_it_as_unknown(
    api: Api, firm: dict[str, Any]
) -> None:
    from tests.api.test_ledger_formats import DONE, LAYOUT, create_layout, issues, upload, wait

    company, other = firm["company"], firm["other_company"]
    api.client.portal.call(_member_of, "firm-admin@firm.test", [int(company), int(other)])
    token = api.login("firm-admin@firm.test")
    layout_id = create_layout(api, company, token, dict(LAYOUT, columns={**LAYOUT["columns"], "company": 10}))
    rows = (
        "h\nVT;15/03/2026;F1;411000;A;100,00;;;;\nVT;15/03/2026;F1;706000;A;;100,00;;;\n"
        "VT;15/03/2026;F9;411000;B;50,00;;;;987654324\nVT;15/03/2026;F9;706000;B;;50,00;;;987654324\n"
    )
    assert api.gql(ARCHIVE, {"id": other}, token=token)["archiveCompany"]["errors"] == []
    batch = upload(api, company, "two.csv", rows.encode(), token, layoutId=layout_id)["batch"]
    batch = wait(api, batch["id"], DONE, token=token)
    assert batch["entryCount"] == 1 and batch["rejectedEntryCount"] == 1
    assert any(i["code"] == "UNKNOWN_COMPANY" for i in issues(api, batch["id"], token))


async def _member_of(email: str, company_ids: list[int]) -> None:
    from ecluse.auth.models import Membership, User

    user = await User.get(email=email)
    for cid in company_ids:
        await Membership.create(user=user, company_id=cid, role="collaborator")
