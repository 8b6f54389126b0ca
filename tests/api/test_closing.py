"""Closing a fiscal year: final, refused while anything could still change it, and the next year opened with
the balances of classes 1 to 5 and the result on 120 (profit) or 129 (loss)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ecluse.demo import HEADER, demo_fec
from tests.api.test_cli import _ecluse
from tests.formats.samples import fec_row
from tests.support import Api

CLOSE = """mutation($id: ID!) { closeFiscalYear(id: $id) {
  fiscalYear { name closed } nextYear { name } openingEntryId openingLineCount result openingTotal currency
  errors { code field params } } }"""
YEARS = "query($c: ID!) { fiscalYears(companyId: $c) { id name closed } }"
BALANCE = """query($c: ID!, $f: Date, $t: Date) { trialBalance(companyId: $c, from: $f, to: $t) {
  lines { account balance } totalDebit totalCredit } }"""
DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}


def _years(api: Api, firm: dict[str, Any]) -> dict[str, str]:
    rows = api.gql(YEARS, {"c": firm["company"]}, token=firm["tokens"]["admin"])["fiscalYears"]
    return {r["name"]: r["id"] for r in rows}


def _close(api: Api, firm: dict[str, Any], name: str, role: str = "admin") -> dict[str, Any]:
    year = _years(api, firm)[name]
    return dict(api.gql(CLOSE, {"id": year}, token=firm["tokens"][role])["closeFiscalYear"])


def _posted(api: Api, firm: dict[str, Any], name: str, content: bytes) -> str:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], name, content, token=token)["batch"]
    assert api.wait_batch(batch["id"], DONE, token=token)["status"] == "PENDING_VALIDATION"
    api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }", {"id": batch["id"]}, token=token
    )
    api.wait_batch(batch["id"], {"SUCCEEDED"}, token=token)
    return str(batch["id"])


def _balances(api: Api, firm: dict[str, Any], start: str, end: str) -> dict[str, Decimal]:
    found = api.gql(BALANCE, {"c": firm["company"], "f": start, "t": end}, token=firm["tokens"]["admin"])
    return {line["account"]: Decimal(line["balance"]) for line in found["trialBalance"]["lines"]}


def test_closing_carries_the_balance_sheet_and_the_result_into_the_next_year(
    api: Api, firm: dict[str, Any]
) -> None:
    _posted(api, firm, "2025.txt", demo_fec(30, 2025, 5))
    before = _balances(api, firm, "2025-01-01", "2025-12-31")
    # Years close in order.
    assert _close(api, firm, "Exercice 2025")["errors"] == [
        {"code": "PREVIOUS_YEAR_OPEN", "field": "id", "params": {"year": "Exercice 2024"}}
    ]
    empty = _close(api, firm, "Exercice 2024")
    assert empty["errors"] == [] and empty["openingEntryId"] is None and empty["result"] == "0.00"
    closed = _close(api, firm, "Exercice 2025")
    assert closed["errors"] == [] and closed["fiscalYear"] == {"name": "Exercice 2025", "closed": True}
    assert closed["nextYear"] == {"name": "Exercice 2026"} and closed["currency"] == "EUR"
    income = -sum(v for k, v in before.items() if k[0] in "67")
    assert Decimal(closed["result"]) == income and income > 0  # the demo firm sells more than it buys
    # The opening entry: each balance-sheet account as it stood, and the profit on 120.
    opening = _balances(api, firm, "2026-01-01", "2026-01-01")
    carried = {k: v for k, v in before.items() if k[0] in "12345"}
    assert opening == {**carried, "120000": -income}
    assert Decimal(closed["openingTotal"]) == sum(v for v in opening.values() if v > 0)
    # Per third party: one line per customer and supplier.
    assert closed["openingLineCount"] > len(opening)
    # Final: nothing more goes in, it closes and unlocks no more.
    again = _close(api, firm, "Exercice 2025")
    assert again["errors"][0]["code"] == "FISCAL_YEAR_CLOSED"
    unlock = api.gql("mutation($id: ID!) { unlockFiscalYear(id: $id) { errors { code } } }",
                     {"id": _years(api, firm)["Exercice 2025"]}, token=firm["tokens"]["admin"])  # fmt: skip
    assert unlock["unlockFiscalYear"]["errors"] == [{"code": "FISCAL_YEAR_CLOSED"}]
    token = firm["tokens"]["admin"]
    late = api.upload(firm["company"], "late.txt", demo_fec(2, 2025, 9), token=token)["batch"]
    late = api.wait_batch(late["id"], DONE, token=token)
    assert late["entryCount"] == 0 and late["rejectedEntryCount"] == 2
    # The next year has no next year to open into.
    assert _close(api, firm, "Exercice 2026")["errors"] == [
        {"code": "NEXT_YEAR_MISSING", "field": "id", "params": {"start": "2027-01-01"}}
    ]


def test_a_loss_goes_to_129(api: Api, firm: dict[str, Any]) -> None:
    rows = [
        fec_row(
            JournalCode="AC", EcritureNum="AC1", EcritureDate="20250310", CompteNum="606300", Debit="1000,00"
        ),
        fec_row(
            JournalCode="AC",
            EcritureNum="AC1",
            EcritureDate="20250310",
            CompteNum="401000",
            CompAuxNum="F1",
            CompAuxLib="Fournisseur",
            Credit="1000,00",
        ),
        fec_row(
            EcritureNum="VT1",
            EcritureDate="20250320",
            CompteNum="411000",
            CompAuxNum="C1",
            CompAuxLib="Client",
            Debit="300,00",
        ),
        fec_row(EcritureNum="VT1", EcritureDate="20250320", CompteNum="706000", Credit="300,00"),
    ]
    _posted(api, firm, "loss.txt", ("\r\n".join([HEADER, *rows]) + "\r\n").encode())
    assert _close(api, firm, "Exercice 2024")["errors"] == []
    closed = _close(api, firm, "Exercice 2025")
    assert (closed["result"], closed["openingTotal"], closed["openingLineCount"]) == ("-700.00", "1000.00", 3)
    assert _balances(api, firm, "2026-01-01", "2026-01-01") == {
        "401000": Decimal("-1000.00"), "411000": Decimal("300.00"), "129000": Decimal("700.00"),
    }  # fmt: skip


def test_closing_waits_for_the_years_imports(api: Api, firm: dict[str, Any]) -> None:
    assert _close(api, firm, "Exercice 2024")["errors"] == []
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "waiting.txt", demo_fec(3, 2025, 2), token=token)["batch"]
    api.wait_batch(batch["id"], DONE, token=token)
    refused = _close(api, firm, "Exercice 2025")
    assert refused["errors"] == [
        {"code": "BATCHES_WAITING", "field": "id", "params": {"year": "Exercice 2025", "count": 1}}
    ]
    api.gql(
        "mutation($id: ID!) { rejectImport(id: $id) { errors { code } } }", {"id": batch["id"]}, token=token
    )
    assert _close(api, firm, "Exercice 2025")["errors"] == []


def test_opening_entries_already_imported_are_not_carried_twice(api: Api, firm: dict[str, Any]) -> None:
    rows = [
        fec_row(
            JournalCode="AN",
            JournalLib="A nouveaux",
            EcritureNum="AN1",
            EcritureDate="20260101",
            CompteNum="512000",
            Debit="50,00",
        ),
        fec_row(
            JournalCode="AN",
            JournalLib="A nouveaux",
            EcritureNum="AN1",
            EcritureDate="20260101",
            CompteNum="101000",
            Credit="50,00",
        ),
    ]
    _posted(api, firm, "an.txt", ("\r\n".join([HEADER, *rows]) + "\r\n").encode())
    assert _close(api, firm, "Exercice 2024")["errors"] == []
    refused = _close(api, firm, "Exercice 2025")
    assert refused["errors"] == [
        {"code": "OPENING_ENTRIES_EXIST", "field": "id", "params": {"year": "Exercice 2026", "journal": "AN"}}
    ]
    years = api.gql(YEARS, {"c": firm["company"]}, token=firm["tokens"]["admin"])["fiscalYears"]
    assert [y["closed"] for y in years] == [True, False, False]


@pytest.mark.parametrize("role", ["viewer", "client", "collaborator", "other"])
def test_only_the_company_admin_closes(api: Api, firm: dict[str, Any], role: str) -> None:
    body = api.raw(CLOSE, {"id": _years(api, firm)["Exercice 2024"]}, token=firm["tokens"][role])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_the_cli_closes_a_year(api: Api, firm: dict[str, Any], env: dict[str, str]) -> None:
    _posted(api, firm, "2024.txt", demo_fec(4, 2024, 3))
    result = _ecluse(env, "fiscal-year", "close", "--company", "123456782", "--year", "2024")
    assert result.returncode == 0, result.stderr
    assert "Exercice 2024 of Boulangerie Martin is closed; result " in result.stdout
    assert "opening entry " in result.stdout and "in Exercice 2025" in result.stdout
    again = _ecluse(env, "fiscal-year", "close", "--company", "123456782", "--year", "2024")
    assert again.returncode == 1 and "FISCAL_YEAR_CLOSED" in again.stderr
