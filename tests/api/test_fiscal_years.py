"""Opening fiscal years over the API and the CLI: 12 months by default, 1 to 24 months, never overlapping;
a file of the new year then imports into it."""

from __future__ import annotations

from typing import Any

import pytest

from ecluse.demo import demo_fec
from tests.api.test_cli import _ecluse
from tests.support import Api

OPEN = """mutation($c: ID!, $s: Date!, $e: Date, $n: String) {
  openFiscalYear(companyId: $c, startDate: $s, endDate: $e, name: $n) {
    fiscalYear { id name startDate endDate closed } errors { code field params } } }"""
YEARS = "query($c: ID!) { fiscalYears(companyId: $c) { name startDate endDate } }"


def _open(api: Api, firm: dict[str, Any], role: str = "collaborator", **variables: Any) -> dict[str, Any]:
    return dict(
        api.gql(OPEN, {"c": firm["company"], **variables}, token=firm["tokens"][role])["openFiscalYear"]
    )


def test_a_year_of_12_months_by_default_then_a_file_of_that_year_imports(
    api: Api, firm: dict[str, Any]
) -> None:
    opened = _open(api, firm, s="2027-01-01")
    assert opened["errors"] == []
    year = opened["fiscalYear"]
    assert (year["name"], year["startDate"], year["endDate"], year["closed"]) == (
        "Exercice 2027", "2027-01-01", "2027-12-31", False,
    )  # fmt: skip
    token = firm["tokens"]["collaborator"]
    payload = api.upload(firm["company"], "123456782FEC20271231.txt", demo_fec(5, 2027, 3), token=token)
    batch = api.wait_batch(payload["batch"]["id"], {"PENDING_VALIDATION", "FINISHED_WITH_ERROR"}, token=token)
    assert batch["status"] == "PENDING_VALIDATION" and batch["referencePeriod"] == {"name": "Exercice 2027"}


def test_a_long_first_year_and_a_name(api: Api, firm: dict[str, Any]) -> None:
    opened = _open(api, firm, s="2027-01-01", e="2028-06-30", n="Premier exercice")
    assert opened["errors"] == [] and opened["fiscalYear"]["name"] == "Premier exercice"
    years = api.gql(YEARS, {"c": firm["company"]}, token=firm["tokens"]["viewer"])["fiscalYears"]
    assert years[-1] == {"name": "Premier exercice", "startDate": "2027-01-01", "endDate": "2028-06-30"}


@pytest.mark.parametrize(
    ("start", "end", "code", "params"),
    [
        ("2026-07-01", None, "FISCAL_YEAR_OVERLAP", {"year": "Exercice 2026", "start": "2026-01-01", "end": "2026-12-31"}),
        ("2027-01-01", "2026-12-31", "BAD_PERIOD", {"start": "2027-01-01", "end": "2026-12-31", "reason": "order"}),
        ("2027-01-01", "2027-01-20", "BAD_PERIOD", {"start": "2027-01-01", "end": "2027-01-20", "reason": "length"}),
        ("2027-01-01", "2029-01-31", "BAD_PERIOD", {"start": "2027-01-01", "end": "2029-01-31", "reason": "length"}),
    ],
)  # fmt: skip
def test_refused_years_say_why(
    api: Api, firm: dict[str, Any], start: str, end: str | None, code: str, params: dict[str, str]
) -> None:
    opened = _open(api, firm, s=start, e=end)
    assert opened["fiscalYear"] is None
    assert opened["errors"] == [
        {"code": code, "field": "startDate" if code != "BAD_PERIOD" else "endDate", "params": params}
    ]
    years = api.gql(YEARS, {"c": firm["company"]}, token=firm["tokens"]["admin"])["fiscalYears"]
    assert [y["name"] for y in years] == ["Exercice 2024", "Exercice 2025", "Exercice 2026"]


@pytest.mark.parametrize("role", ["viewer", "client"])
def test_only_a_role_that_changes_settings_opens_a_year(api: Api, firm: dict[str, Any], role: str) -> None:
    body = api.raw(OPEN, {"c": firm["company"], "s": "2027-01-01"}, token=firm["tokens"][role])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    body = api.raw(OPEN, {"c": firm["other_company"], "s": "2027-01-01"}, token=firm["tokens"]["admin"])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # another company's


def test_the_cli_opens_a_year(api: Api, firm: dict[str, Any], env: dict[str, str]) -> None:
    result = _ecluse(env, "fiscal-year", "open", "--company", "123456782", "--start", "2027-07-01")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Exercice 2027-2028 (01/07/2027 to 30/06/2028) opened for Boulangerie Martin" in result.stdout
    again = _ecluse(env, "fiscal-year", "open", "--company", "123456782", "--start", "2028-01-01")
    assert again.returncode == 1
    assert "FISCAL_YEAR_OVERLAP" in again.stderr and "Exercice 2027-2028" in again.stderr


# --- locking -------------------------------------------------------------------------------------------------

LOCK = "mutation($id: ID!) { lockFiscalYear(id: $id) { fiscalYear { name locked } errors { code params } } }"
UNLOCK = (
    "mutation($id: ID!) { unlockFiscalYear(id: $id) { fiscalYear { name locked } errors { code params } } }"
)
YEAR_IDS = "query($c: ID!) { fiscalYears(companyId: $c) { id name locked } }"
DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
ERRORS = "query($id: ID!) { importBatch(id: $id) { errors(includeFindings: false) { nodes { line code params } } } }"


def _year_id(api: Api, firm: dict[str, Any], name: str) -> str:
    years = api.gql(YEAR_IDS, {"c": firm["company"]}, token=firm["tokens"]["admin"])["fiscalYears"]
    return str(next(y["id"] for y in years if y["name"] == name))


def test_a_locked_year_takes_no_import_and_no_posting_until_unlocked(api: Api, firm: dict[str, Any]) -> None:
    admin, collaborator = firm["tokens"]["admin"], firm["tokens"]["collaborator"]
    year = _year_id(api, firm, "Exercice 2026")
    staged = api.upload(firm["company"], "123456782FEC20261231.txt", demo_fec(4, 2026, 5), token=collaborator)
    staged = api.wait_batch(staged["batch"]["id"], DONE, token=collaborator)
    assert staged["status"] == "PENDING_VALIDATION"
    # Only a company admin locks a year.
    assert api.raw(LOCK, {"id": year}, token=collaborator)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    locked = api.gql(LOCK, {"id": year}, token=admin)["lockFiscalYear"]
    assert locked == {"fiscalYear": {"name": "Exercice 2026", "locked": True}, "errors": []}
    # A file of that year: every entry refused, naming the year and why.
    payload = api.upload(
        firm["company"], "123456782FEC20261231_2.txt", demo_fec(3, 2026, 6), token=collaborator
    )
    batch = api.wait_batch(payload["batch"]["id"], DONE, token=collaborator)
    assert batch["status"] == "FINISHED_WITH_ERROR" and batch["entryCount"] == 0
    errors = api.gql(ERRORS, {"id": batch["id"]}, token=collaborator)["importBatch"]["errors"]["nodes"]
    assert {e["code"] for e in errors} == {"FISCAL_YEAR_LOCKED"}
    assert errors[0]["params"]["year"] == "Exercice 2026"
    # What was staged before the lock is not posted into it.
    refused = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code params } } }",
        {"id": staged["id"]},
        token=admin,
    )["validateImport"]["errors"]
    assert refused == [
        {"code": "FISCAL_YEAR_LOCKED", "params": {"batch": int(staged["id"]), "year": "Exercice 2026"}}
    ]
    # Unlocked, it is.
    assert api.gql(UNLOCK, {"id": year}, token=admin)["unlockFiscalYear"]["fiscalYear"]["locked"] is False
    result = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }",
        {"id": staged["id"]},
        token=admin,
    )
    assert result["validateImport"]["errors"] == []
    assert (
        api.wait_batch(staged["id"], {"SUCCEEDED", "PENDING_VALIDATION"}, token=admin)["status"]
        == "SUCCEEDED"
    )


async def _close(company_id: int, name: str) -> None:
    from ecluse.ledger.models import FiscalYear

    await FiscalYear.filter(company_id=company_id, name=name).update(closed=True)


def test_a_closed_year_is_named_and_cannot_be_unlocked(api: Api, firm: dict[str, Any]) -> None:
    admin = firm["tokens"]["admin"]
    api.client.portal.call(_close, int(firm["company"]), "Exercice 2024")
    payload = api.upload(firm["company"], "123456782FEC20241231.txt", demo_fec(2, 2024, 7), token=admin)
    batch = api.wait_batch(payload["batch"]["id"], DONE, token=admin)
    errors = api.gql(ERRORS, {"id": batch["id"]}, token=admin)["importBatch"]["errors"]["nodes"]
    assert {e["code"] for e in errors} == {"FISCAL_YEAR_CLOSED"}
    refused = api.gql(UNLOCK, {"id": _year_id(api, firm, "Exercice 2024")}, token=admin)["unlockFiscalYear"]
    assert refused == {
        "fiscalYear": None,
        "errors": [{"code": "FISCAL_YEAR_CLOSED", "params": {"year": "Exercice 2024"}}],
    }


def test_another_companys_year_cannot_be_locked(api: Api, firm: dict[str, Any]) -> None:
    years = api.gql(YEAR_IDS, {"c": firm["other_company"]}, token=firm["tokens"]["other"])["fiscalYears"]
    body = api.raw(LOCK, {"id": years[0]["id"]}, token=firm["tokens"]["admin"])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_the_cli_locks_and_unlocks(api: Api, firm: dict[str, Any], env: dict[str, str]) -> None:
    result = _ecluse(env, "fiscal-year", "lock", "--company", "123456782", "--year", "2025")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Exercice 2025 of Boulangerie Martin is locked" in result.stdout
    years = api.gql(YEAR_IDS, {"c": firm["company"]}, token=firm["tokens"]["admin"])["fiscalYears"]
    assert {y["name"]: y["locked"] for y in years}["Exercice 2025"] is True
    result = _ecluse(env, "fiscal-year", "unlock", "--company", "123456782", "--year", "2025")
    assert result.returncode == 0 and "is unlocked" in result.stdout
