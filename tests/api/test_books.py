"""The posted books over the API: entries by journal and period with the import they came from, an account's
ledger with its running balance, master data with what created it, and an import undone by reversal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ecluse.demo import demo_fec
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
ENTRIES = """query($c: ID!, $f: PostedEntryFilter, $n: Int, $a: String) {
  postedEntries(companyId: $c, filter: $f, first: $n, after: $a) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id journal number date batchId reversalOfId reversedById totalDebit totalCredit lineCount
            lines { account thirdParty debit credit label } } } }"""
LEDGER = """query($c: ID!, $acc: String!, $f: Date, $t: Date, $n: Int, $a: String) {
  accountLedger(companyId: $c, account: $acc, from: $f, to: $t, first: $n, after: $a) {
    account openingBalance totalDebit totalCredit closingBalance
    lines { totalCount pageInfo { hasNextPage endCursor }
      nodes { date journal number entryId batchId balance line { debit credit thirdParty } } } } }"""
REVERSE = """mutation($id: ID!, $d: Date!) { reverseImport(id: $id, date: $d) {
  batch { id status reversedAt reversalDate } errors { code field params } } }"""


def _posted(api: Api, firm: dict[str, Any], name: str, content: bytes) -> str:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], name, content, token=token)["batch"]
    assert api.wait_batch(batch["id"], DONE, token=token)["status"] == "PENDING_VALIDATION"
    api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }", {"id": batch["id"]}, token=token
    )
    api.wait_batch(batch["id"], {"SUCCEEDED"}, token=token)
    return str(batch["id"])


def _all(
    api: Api, firm: dict[str, Any], query: str, variables: dict[str, Any], path: list[str], page: int = 7
) -> list[dict[str, Any]]:
    """Every node, page by page (a small page size: the cursors are what is tested)."""
    out: list[dict[str, Any]] = []
    after = None
    while True:
        data: Any = api.gql(query, {**variables, "n": page, "a": after}, token=firm["tokens"]["viewer"])
        for key in path:
            data = data[key]
        out += data["nodes"]
        if not data["pageInfo"]["hasNextPage"]:
            assert data["totalCount"] == len(out)
            return out
        after = data["pageInfo"]["endCursor"]


def test_posted_entries_page_by_date_and_lead_back_to_their_import(api: Api, firm: dict[str, Any]) -> None:
    first = _posted(api, firm, "a.txt", demo_fec(12, 2025, 1))
    second = _posted(api, firm, "b.txt", demo_fec(9, 2025, 2))
    # Staged, not posted: not in the books.
    token = firm["tokens"]["admin"]
    staged = api.upload(firm["company"], "c.txt", demo_fec(4, 2025, 3), token=token)["batch"]
    api.wait_batch(staged["id"], DONE, token=token)
    entries = _all(api, firm, ENTRIES, {"c": firm["company"]}, ["postedEntries"])
    assert len(entries) == 21
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    assert {e["batchId"] for e in entries} == {first, second}
    for e in entries:
        assert (
            Decimal(e["totalDebit"])
            == Decimal(e["totalCredit"])
            == sum(Decimal(x["debit"]) for x in e["lines"])
        )
        assert e["lineCount"] == len(e["lines"]) == 3
    sales = _all(
        api,
        firm,
        ENTRIES,
        {"c": firm["company"], "f": {"journal": "VT", "batchId": first}},
        ["postedEntries"],
    )
    assert sales and all(e["journal"] == "VT" and e["batchId"] == first for e in sales)
    march = _all(api, firm, ENTRIES, {"c": firm["company"], "f": {"from": "2025-03-01", "to": "2025-03-31"}},
                 ["postedEntries"])  # fmt: skip
    assert all("2025-03-01" <= e["date"] <= "2025-03-31" for e in march)


def test_an_accounts_ledger_carries_its_running_balance_across_pages(api: Api, firm: dict[str, Any]) -> None:
    _posted(api, firm, "a.txt", demo_fec(40, 2025, 4))
    whole = api.gql(LEDGER, {"c": firm["company"], "acc": "411000", "n": 500}, token=firm["tokens"]["viewer"])
    ledger = whole["accountLedger"]
    lines = ledger["lines"]["nodes"]
    assert [x["date"] for x in lines] == sorted(x["date"] for x in lines)
    running = Decimal(0)
    for line in lines:
        running += Decimal(line["line"]["debit"]) - Decimal(line["line"]["credit"])
        assert Decimal(line["balance"]) == running
    assert Decimal(ledger["closingBalance"]) == running and Decimal(ledger["openingBalance"]) == 0
    paged = _all(
        api, firm, LEDGER, {"c": firm["company"], "acc": "411000"}, ["accountLedger", "lines"], page=3
    )
    assert paged == lines
    # From a date: the opening balance is what came before, and the balances go on from it.
    middle = lines[len(lines) // 2]["date"]
    later = api.gql(
        LEDGER, {"c": firm["company"], "acc": "411000", "f": middle, "n": 500}, token=firm["tokens"]["viewer"]
    )
    later_ledger = later["accountLedger"]
    before = [x for x in lines if x["date"] < middle]
    assert Decimal(later_ledger["openingBalance"]) == (Decimal(before[-1]["balance"]) if before else 0)
    assert later_ledger["lines"]["nodes"] == [x for x in lines if x["date"] >= middle]
    assert api.gql(LEDGER, {"c": firm["company"], "acc": "999999"}, token=firm["tokens"]["viewer"]) == {
        "accountLedger": None
    }


def test_master_data_says_what_created_it_and_whether_it_is_used(api: Api, firm: dict[str, Any]) -> None:
    batch = _posted(api, firm, "a.txt", demo_fec(6, 2025, 5))
    query = """query($c: ID!, $s: String) { accounts(companyId: $c, search: $s) { totalCount nodes { code label
        createdByBatchId used } } thirdParties(companyId: $c, first: 100) { nodes { code kind used } } }"""
    found = api.gql(query, {"c": firm["company"]}, token=firm["tokens"]["viewer"])
    accounts = {a["code"]: a for a in found["accounts"]["nodes"]}
    assert set(accounts) >= {"411000", "706000", "445710"}
    assert accounts["411000"]["createdByBatchId"] == batch and accounts["411000"]["used"] is True
    assert {t["kind"] for t in found["thirdParties"]["nodes"]} <= {"customer", "supplier"}
    assert all(t["used"] for t in found["thirdParties"]["nodes"])
    vat = api.gql(query, {"c": firm["company"], "s": "tva"}, token=firm["tokens"]["viewer"])["accounts"]
    assert {a["code"] for a in vat["nodes"]} <= {"445710", "445660"} and vat["totalCount"] == len(
        vat["nodes"]
    ) >= 1


def test_a_staged_import_uses_accounts_but_stays_out_of_their_ledger(api: Api, firm: dict[str, Any]) -> None:
    """Lines awaiting a decision name their accounts (`used`) but are no part of the books; once posted they
    are, in date order (on SQLite they take their date, and their place in the account index, then)."""
    _posted(api, firm, "a.txt", demo_fec(4, 2025, 5))
    token = firm["tokens"]["admin"]
    content = demo_fec(6, 2025, 8).replace(b"\t706000\t", b"\t708500\t")
    batch = api.upload(firm["company"], "b.txt", content, token=token)["batch"]["id"]
    assert api.wait_batch(batch, DONE, token=token)["status"] == "PENDING_VALIDATION"
    query = """query($c: ID!) { accounts(companyId: $c, search: "70") { nodes { code used } } }"""
    used = {
        a["code"]: a["used"] for a in api.gql(query, {"c": firm["company"]}, token=token)["accounts"]["nodes"]
    }
    assert used == {"706000": True, "708500": True}
    viewer = firm["tokens"]["viewer"]
    empty = api.gql(LEDGER, {"c": firm["company"], "acc": "708500"}, token=viewer)["accountLedger"]
    assert (empty["totalDebit"], empty["totalCredit"], empty["lines"]["nodes"]) == ("0.00", "0.00", [])
    api.gql("mutation($id: ID!) { validateImport(id: $id) { errors { code } } }", {"id": batch}, token=token)
    api.wait_batch(batch, {"SUCCEEDED"}, token=token)
    posted = _all(
        api, firm, LEDGER, {"c": firm["company"], "acc": "708500"}, ["accountLedger", "lines"], page=2
    )
    assert len(posted) == 3 and [x["date"] for x in posted] == sorted(x["date"] for x in posted)
    assert {x["batchId"] for x in posted} == {batch}


def test_reversal_posts_the_opposite_entries_linked_both_ways(api: Api, firm: dict[str, Any]) -> None:
    batch = _posted(api, firm, "a.txt", demo_fec(5, 2025, 6))
    token = firm["tokens"]["admin"]
    done = api.gql(REVERSE, {"id": batch, "d": "2026-01-15"}, token=token)["reverseImport"]
    assert (
        done["errors"] == [] and done["batch"]["reversalDate"] == "2026-01-15" and done["batch"]["reversedAt"]
    )
    # Safe to retry: nothing more is posted.
    again = api.gql(REVERSE, {"id": batch, "d": "2026-02-01"}, token=token)["reverseImport"]
    assert again["errors"] == [] and again["batch"]["reversalDate"] == "2026-01-15"
    entries = _all(api, firm, ENTRIES, {"c": firm["company"], "f": {"batchId": batch}}, ["postedEntries"])
    originals = [e for e in entries if e["reversalOfId"] is None]
    reversals = {e["reversalOfId"]: e for e in entries if e["reversalOfId"] is not None}
    assert len(originals) == len(reversals) == 5
    for e in originals:
        r = reversals[e["id"]]
        assert (
            e["reversedById"] == r["id"] and r["date"] == "2026-01-15" and r["number"] == e["number"] + "-EXT"
        )
        assert [(x["account"], x["debit"], x["credit"]) for x in r["lines"]] == [
            (x["account"], x["credit"], x["debit"]) for x in e["lines"]
        ]
    # The account's ledger files the reversal's lines under the reversal's date, after the originals.
    ledger = api.gql(
        LEDGER, {"c": firm["company"], "acc": "411000", "f": "2026-01-01", "n": 500}, token=token
    )
    later = ledger["accountLedger"]["lines"]["nodes"]
    reversed_411 = [x for e in reversals.values() for x in e["lines"] if x["account"] == "411000"]
    assert len(later) == len(reversed_411) > 0 and {x["date"] for x in later} == {"2026-01-15"}
    assert Decimal(later[-1]["balance"]) == 0
    # The books of the two years net to nothing for the import's accounts.
    balance = api.gql("query($c: ID!) { trialBalance(companyId: $c) { lines { balance } } }", {"c": firm["company"]},
                      token=token)["trialBalance"]["lines"]  # fmt: skip
    assert all(Decimal(line["balance"]) == 0 for line in balance)


@pytest.mark.parametrize(
    ("day", "code", "params"),
    [
        ("2031-01-01", "NO_FISCAL_YEAR", {"date": "2031-01-01"}),
        ("2024-06-30", "FISCAL_YEAR_LOCKED", {"year": "Exercice 2024"}),
    ],
)  # fmt: skip
def test_reversal_goes_into_an_open_year_only(
    api: Api, firm: dict[str, Any], day: str, code: str, params: Any
) -> None:
    token = firm["tokens"]["admin"]
    batch = _posted(api, firm, "a.txt", demo_fec(3, 2025, 7))
    year = next(y["id"] for y in api.gql("query($c: ID!) { fiscalYears(companyId: $c) { id name } }",
                                         {"c": firm["company"]}, token=token)["fiscalYears"] if y["name"] == "Exercice 2024")  # fmt: skip
    api.gql("mutation($id: ID!) { lockFiscalYear(id: $id) { errors { code } } }", {"id": year}, token=token)
    refused = api.gql(REVERSE, {"id": batch, "d": day}, token=token)["reverseImport"]
    assert refused["errors"] == [{"code": code, "field": "date", "params": params}]
    assert (
        api.gql(ENTRIES, {"c": firm["company"], "f": {"batchId": batch}}, token=token)["postedEntries"][
            "totalCount"
        ]
        == 3
    )


def test_reversal_needs_a_posted_import_and_a_deciding_role(api: Api, firm: dict[str, Any]) -> None:
    token = firm["tokens"]["admin"]
    staged = api.upload(firm["company"], "s.txt", demo_fec(2, 2025, 8), token=token)["batch"]
    api.wait_batch(staged["id"], DONE, token=token)
    refused = api.gql(REVERSE, {"id": staged["id"], "d": "2025-12-31"}, token=token)["reverseImport"]
    assert refused["errors"][0]["code"] == "INVALID_STATUS"
    batch = _posted(api, firm, "a.txt", demo_fec(2, 2025, 9))
    for role in ("viewer", "other"):
        body = api.raw(REVERSE, {"id": batch, "d": "2025-12-31"}, token=firm["tokens"][role])
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("query", [ENTRIES, "query($c: ID!) { accounts(companyId: $c) { totalCount } }"])
def test_neither_a_partner_nor_another_company_reads_the_books(
    api: Api, firm: dict[str, Any], query: str
) -> None:
    key = api.gql('mutation($c: ID!) { createApiKey(companyId: $c, name: "P") { key } }', {"c": firm["company"]},
                  token=firm["tokens"]["admin"])["createApiKey"]["key"]  # fmt: skip
    assert (
        api.raw(query, {"c": firm["company"]}, api_key=key)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    )
    other = api.raw(query, {"c": firm["company"]}, token=firm["tokens"]["other"])
    assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_forged_cursor_is_refused(api: Api, firm: dict[str, Any]) -> None:
    body = api.raw(ENTRIES, {"c": firm["company"], "a": "WyJ4Il0="}, token=firm["tokens"]["viewer"])
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
