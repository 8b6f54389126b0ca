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
    assert "Exercice 2027-2028 (2027-07-01 to 2028-06-30) opened for Boulangerie Martin" in result.stdout
    again = _ecluse(env, "fiscal-year", "open", "--company", "123456782", "--start", "2028-01-01")
    assert again.returncode == 1
    assert "FISCAL_YEAR_OVERLAP" in again.stderr and "Exercice 2027-2028" in again.stderr
