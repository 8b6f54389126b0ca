"""A company whose currency is not the euro: JPY (no decimals) and TND (three decimals) through the public doors.

A FEC is uploaded, read with the decimals of the company's currency (ISO 4217), staged, validated (posted),
seen in the trial balance, and exported with that currency's number of decimals.
"""

from __future__ import annotations

import json
import time
from datetime import date
from typing import Any

import pytest

from tests.api.test_fec_export import data_rows, download, export, fec, stage, validate, year_id
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
BALANCE = """query($c: ID!) { trialBalance(companyId: $c, from: "2025-01-01", to: "2025-12-31") {
    totalDebit totalCredit lines { account debit credit balance } } }"""
ENTRIES = """query($id: ID!) { importBatch(id: $id) { entries(first: 50) {
    totalCount nodes { line account debit credit } } } }"""
UPLOAD_ID = """mutation($companyId: ID!, $file: Upload!) {
    uploadImport(companyId: $companyId, file: $file, format: FEC) { batch { id } errors { code } } }"""
ERRORS = """query($id: ID!) { importBatch(id: $id) { errors(first: 50) {
    nodes { line column code message severity } } } }"""


async def _company(currency: str, siren: str) -> str:
    from ecluse.auth.models import Membership, User
    from ecluse.ledger.models import Company, FiscalYear

    company = await Company.create(name=f"Société {currency}", siren=siren, currency=currency)
    await FiscalYear.create(
        company=company, name="Exercice 2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31)
    )
    user = await User.get(email="collaborator@firm.test")
    await Membership.create(user=user, company_id=company.id, role="collaborator")
    return str(company.id)


def company_in(api: Api, currency: str, siren: str) -> str:
    return str(api.client.portal.call(_company, currency, siren))


def line(number: str, account: str, debit: str, credit: str, camt: str = "", cur: str = "") -> list[str]:
    day = "20250315"
    return ["VT", "Ventes", number, day, account, f"Compte {account}", "", "", f"F{number}", day,
            f"Vente {number}", debit, credit, "", "", day, camt, cur]  # fmt: skip


def nodes(api: Api, batch_id: str, token: str) -> list[dict[str, Any]]:
    data = api.gql(ENTRIES, {"id": batch_id}, token=token)["importBatch"]["entries"]
    assert data["totalCount"] == len(data["nodes"]) > 0
    return list(data["nodes"])


@pytest.mark.parametrize(
    ("currency", "siren", "rows", "amounts", "total", "written"),
    [
        (  # no decimals: "1138", and "1138,00" whose decimals are zeros
            "JPY", "552100554",
            [line("1", "411000", "1138", "0"), line("1", "706000", "0", "1138"),
             line("2", "411000", "250000,00", "0,00"), line("2", "706000", "0,00", "250000,00")],
            ["1138", "0", "0", "1138", "250000", "0", "0", "250000"],
            "251138",
            ["1138", "0", "0", "1138", "250000", "0", "0", "250000"],
        ),
        (  # three decimals: "1138,5" is 1138.500; "12,125" keeps its third decimal
            "TND", "732829320",
            [line("1", "411000", "1138,5", "0"), line("1", "706000", "0", "1138,500"),
             line("2", "411000", "12,125", "0,000"), line("2", "706000", "0,000", "12,125")],
            ["1138.500", "0.000", "0.000", "1138.500", "12.125", "0.000", "0.000", "12.125"],
            "1150.625",
            ["1138,500", "0,000", "0,000", "1138,500", "12,125", "0,000", "0,000", "12,125"],
        ),
    ],
)  # fmt: skip
def test_imports_posts_and_exports_in_the_company_currency(
    api: Api, firm: dict, currency: str, siren: str, rows: list[list[str]], amounts: list[str], total: str,
    written: list[str],
) -> None:  # fmt: skip
    token = firm["tokens"]["collaborator"]
    company = company_in(api, currency, siren)
    batch = stage(api, company, f"{siren}FEC20251231.txt", fec(rows), token)
    assert (batch["currency"], batch["totalDebit"], batch["totalCredit"]) == (currency, total, total)
    assert batch["entryCount"] == 2 and batch["errorCount"] == 0
    got = nodes(api, batch["id"], token)
    assert [value for node in got for value in (node["debit"], node["credit"])] == amounts

    validate(api, batch, token)
    balance = api.gql(BALANCE, {"c": company}, token=token)["trialBalance"]
    assert balance["totalDebit"] == balance["totalCredit"] == total
    assert {(ln["account"], ln["debit"], ln["credit"]) for ln in balance["lines"]} == {
        ("411000", total, amounts[1]),
        ("706000", amounts[1], total),
    }

    summary = export(api, company, year_id(api, company, 2025, token), token)
    assert (summary["currency"], summary["totalDebit"], summary["totalCredit"]) == (currency, total, total)
    out = data_rows(download(api, summary["url"], token).content)
    assert len(out) == 4
    assert [value for row in out for value in (row[11], row[12])] == written


@pytest.mark.parametrize(
    ("currency", "siren", "text", "why"),
    [
        ("JPY", "552100554", "12,5", "has decimals, and the currency has none"),
        ("TND", "732829320", "12,3456", "has more than 3 decimals"),
        ("EUR", "542107651", "12,345", "has more than 2 decimals"),
    ],
)
def test_more_decimals_than_the_currency_has_are_refused(
    api: Api, firm: dict, currency: str, siren: str, text: str, why: str
) -> None:
    token = firm["tokens"]["collaborator"]
    company = company_in(api, currency, siren)
    rows = [line("1", "411000", text, "0"), line("1", "706000", "0", text),
            line("2", "411000", "40", "0"), line("2", "706000", "0", "40")]  # fmt: skip
    batch = api.upload(company, f"{siren}FEC20251231.txt", fec(rows), token=token)["batch"]
    batch = api.wait_batch(batch["id"], DONE, token=token)
    assert batch["status"] == "FINISHED_WITH_ERROR" and batch["entryCount"] == 1
    assert batch["totalDebit"] == {"JPY": "40", "TND": "40.000", "EUR": "40.00"}[currency]
    errors = api.gql(ERRORS, {"id": batch["id"]}, token=token)["importBatch"]["errors"]["nodes"]
    bad = [(e["line"], e["column"], e["code"], e["message"]) for e in errors if e["severity"] == "error"]
    assert bad == [
        (2, "Debit", "BAD_AMOUNT", f"Debit '{text}' {why}"),
        (3, "Credit", "BAD_AMOUNT", f"Credit '{text}' {why}"),
    ]


def test_a_foreign_amount_is_read_and_written_in_its_own_currency(api: Api, firm: dict) -> None:
    """Montantdevise takes the decimals of its Idevise: 1000 JPY and 10,250 TND in a euro ledger."""
    token, company = firm["tokens"]["collaborator"], firm["company"]
    rows = [line("1", "411000", "7,00", "0,00", "1000", "JPY"), line("1", "706000", "0,00", "7,00"),
            line("2", "411000", "3,20", "0,00", "10,25", "TND"), line("2", "706000", "0,00", "3,20")]  # fmt: skip
    batch = stage(api, company, "123456782FEC20251231.txt", fec(rows), token)
    assert batch["totalDebit"] == "10.20"
    validate(api, batch, token)
    summary = export(api, company, year_id(api, company, 2025, token), token)
    out = data_rows(download(api, summary["url"], token).content)
    assert [(row[16], row[17]) for row in out] == [("1000", "JPY"), ("", ""), ("10,250", "TND"), ("", "")]


def test_a_company_currency_outside_iso_4217_fails_the_import_clearly(api: Api, firm: dict) -> None:
    """Never read as two decimals by default: the file is not read, and the batch says why."""
    token = firm["tokens"]["collaborator"]
    company = company_in(api, "ZZZ", "404833048")
    rows = [line("1", "411000", "40", "0"), line("1", "706000", "0", "40")]
    operations = {"query": UPLOAD_ID, "variables": {"companyId": company, "file": None}}
    response = api.post(
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("404833048FEC20251231.txt", fec(rows), "text/plain")},
        headers=api.headers(token),
    )
    batch_id = response.json()["data"]["uploadImport"]["batch"]["id"]
    query = """query($id: ID!) { importBatch(id: $id) { status errorSummary entryCount
        errors(first: 5) { nodes { line code message } } } }"""
    deadline = time.monotonic() + 60
    while (batch := api.gql(query, {"id": batch_id}, token=token)["importBatch"])["status"] not in DONE:
        assert time.monotonic() < deadline, batch
        time.sleep(0.05)
    assert batch["status"] == "FAILED" and batch["entryCount"] == 0
    message = (
        "The company's currency cannot be used: 'ZZZ' is not an ISO 4217 currency code; set an ISO 4217 "
        "currency (EUR, JPY…)"
    )
    assert batch["errors"]["nodes"] == [{"line": 0, "code": "UNKNOWN_CURRENCY", "message": message}]


def test_an_entry_for_a_company_whose_currency_has_other_decimals_is_refused(api: Api, firm: dict) -> None:
    """A file sent to a euro company is read with two decimals: its entry for a yen company (named by its
    company field) cannot be stored in yen units, so it is refused with the reason; the euro entry is kept."""
    token, company = firm["tokens"]["collaborator"], firm["company"]
    company_in(api, "JPY", "552100554")

    def entry(number: str, amount: str, **extra: str) -> dict[str, Any]:
        return {"journal": "VT", "number": number, "date": "2025-03-15", **extra, "lines": [
            {"account": "411000", "debit": amount}, {"account": "706000", "credit": amount}]}  # fmt: skip

    document = {"version": 1, "entries": [entry("1", "12.50"), entry("2", "1138", company="552100554")]}
    body = json.dumps(document).encode()
    batch = api.upload(company, "two-currencies.json", body, token=token, fmt="JSON")["batch"]
    batch = api.wait_batch(batch["id"], DONE, token=token)
    assert (batch["entryCount"], batch["rejectedEntryCount"], batch["totalDebit"]) == (1, 1, "12.50")
    errors = api.gql(ERRORS, {"id": batch["id"]}, token=token)["importBatch"]["errors"]["nodes"]
    refused = [e for e in errors if e["severity"] == "error"]
    assert [(e["column"], e["code"]) for e in refused] == [("company", "CURRENCY_DECIMALS")]
    assert (
        "whose currency JPY has 0 decimals, but the file's amounts were read with 2" in refused[0]["message"]
    )
