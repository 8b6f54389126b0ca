"""The FEC export through its public doors: `fecExport` over GraphQL, the HTTP download, `ecluse export-fec`.

Entries get into the books the real way: a FEC is uploaded, staged, validated (posted); then the export must
give back the same rows.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ecluse.formats.fec import COLUMNS, open_fec
from ecluse.formats.fec_writer import FecRow, FecWriter, write_fec
from ecluse.formats.records import Entry
from ecluse.ledger import fec_export
from tests.corpus import FEC_CORPUS, fec_samples
from tests.support import Api

ROOT = Path(__file__).resolve().parents[2]
CORPUS = FEC_CORPUS
HEADER = "\t".join(COLUMNS) + "\n"
DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}

EXPORT = """
query($c: ID!, $y: ID!, $k: Boolean) {
  fecExport(companyId: $c, fiscalYearId: $y, keepNumbers: $k) {
    fileName url entryCount lineCount totalDebit totalCredit currency
  }
}
"""

# --- helpers -----------------------------------------------------------------------------------------------


def fec(rows: list[list[str]]) -> bytes:
    assert all(len(row) == 18 for row in rows)
    return (HEADER + "".join("\t".join(row) + "\n" for row in rows)).encode()


def data_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith(HEADER) and text.endswith("\n") and "\r" not in text
    rows = [line.split("\t") for line in text[len(HEADER) :].split("\n")[:-1]]
    assert all(len(row) == 18 for row in rows)
    return rows


def parsed_rows(content: bytes, name: str) -> Counter[tuple[Any, ...]]:
    """Every line of every entry, as the FEC parser reads it: 18 typed values (cents, dates)."""
    parsed = open_fec(io.BytesIO(content), name)
    assert parsed.fatal is None
    rows: Counter[tuple[Any, ...]] = Counter()
    for item in parsed.items():
        if isinstance(item, Entry):
            for ln in item.lines:
                rows[
                    (
                        ln.journal_code, ln.journal_label, ln.entry_number, ln.entry_date, ln.account_number,
                        ln.account_label, ln.aux_number, ln.aux_label, ln.piece_ref, ln.piece_date, ln.label,
                        ln.debit, ln.credit, ln.lettering, ln.lettering_date, ln.validation_date,
                        ln.currency_amount, ln.currency,
                    )
                ] += 1  # fmt: skip
    return rows


def post(api: Api, company: str, name: str, content: bytes, token: str) -> dict[str, Any]:
    """Upload, wait for the parse, validate, wait for the posting."""
    return validate(api, stage(api, company, name, content, token), token)


def stage(api: Api, company: str, name: str, content: bytes, token: str) -> dict[str, Any]:
    batch = api.upload(company, name, content, token=token)["batch"]
    batch = api.wait_batch(batch["id"], DONE, token=token)
    assert batch["status"] == "PENDING_VALIDATION", batch
    return batch


def validate(api: Api, batch: dict[str, Any], token: str) -> dict[str, Any]:
    result = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code message } } }",
        {"id": batch["id"]},
        token=token,
    )["validateImport"]
    assert result["errors"] == []
    return api.wait_batch(batch["id"], {"SUCCEEDED"}, token=token)


def year_id(api: Api, company: str, year: int, token: str) -> str:
    years = api.gql(
        "query($c: ID!) { fiscalYears(companyId: $c) { id startDate } }", {"c": company}, token=token
    )
    return next(y["id"] for y in years["fiscalYears"] if y["startDate"] == f"{year}-01-01")


def export(api: Api, company: str, year: str, token: str, keep: bool | None = False) -> dict[str, Any]:
    return dict(api.gql(EXPORT, {"c": company, "y": year, "k": keep}, token=token)["fecExport"])


def download(api: Api, url: str, token: str | None) -> Any:
    api.client.cookies.clear()
    return api.client.get(url, headers=api.headers(token))


def ecluse(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ecluse", *args], env={**os.environ, "ECLUSE_LANG": "en", **env}, cwd=cwd, capture_output=True,
        text=True, timeout=180,
    )  # fmt: skip


def paris_today() -> date:
    return datetime.now(ZoneInfo("Europe/Paris")).date()


# A ledger of 2025 in the legal form, numbered 1..n in date order: accents, third parties, lettering,
# amounts in other currencies (negative too), a large amount, cents, two entries on one day.
LEDGER_2025 = [
    ["VE", "Ventes", "1", "20250105", "411000", "Clients", "CLI001", "Crêperie Léon", "F-2025-001", "20250104", "Facture n°1 — crêpes", "1440,00", "0,00", "AA", "20250210", "20250106", "", ""],
    ["VE", "Ventes", "1", "20250105", "706000", "Prestations de services", "", "", "F-2025-001", "20250104", "Facture n°1 — crêpes", "0,00", "1200,00", "", "", "20250106", "", ""],
    ["VE", "Ventes", "1", "20250105", "445710", "TVA collectée 20 %", "", "", "F-2025-001", "20250104", "Facture n°1 — crêpes", "0,00", "240,00", "", "", "20250106", "", ""],
    ["AC", "Achats", "2", "20250105", "607000", "Achats de marchandises", "", "", "FA-778", "20241230", "Matériel « Ørsted » importé", "123456789,01", "0,00", "", "", "20250107", "135802467,91", "USD"],
    ["AC", "Achats", "2", "20250105", "445660", "TVA déductible", "", "", "FA-778", "20241230", "Matériel « Ørsted » importé", "0,99", "0,00", "", "", "20250107", "", ""],
    ["AC", "Achats", "2", "20250105", "401000", "Fournisseurs", "FRS001", "Société Générale d'Équipement", "FA-778", "20241230", "Matériel « Ørsted » importé", "0,00", "123456790,00", "", "", "20250107", "-135802469,00", "USD"],
    ["BQ", "Banque", "3", "20250210", "512000", "Banque Crédit Agricole", "", "", "RLV-02", "20250210", "Règlement Crêperie Léon", "1440,00", "0,00", "", "", "20250211", "", ""],
    ["BQ", "Banque", "3", "20250210", "411000", "Clients", "CLI001", "Crêperie Léon", "RLV-02", "20250210", "Règlement Crêperie Léon", "0,00", "1440,00", "AA", "20250210", "20250211", "", ""],
    ["OD", "Opérations diverses", "4", "20250228", "658000", "Charges diverses de gestion", "", "", "OD-1", "20250228", "Écart d'arrondi", "0,01", "0,00", "", "", "20250301", "", ""],
    ["OD", "Opérations diverses", "4", "20250228", "758000", "Produits divers de gestion", "", "", "OD-1", "20250228", "Écart d'arrondi", "0,00", "0,01", "", "", "20250301", "", ""],
    ["VE", "Ventes", "5", "20251231", "411000", "Clients", "CLI002", "Zoë & Fils", "F-2025-002", "20251231", "Facture en livres", "120,00", "0,00", "", "", "20251231", "103,45", "GBP"],
    ["VE", "Ventes", "5", "20251231", "706000", "Prestations de services", "", "", "F-2025-002", "20251231", "Facture en livres", "0,00", "100,00", "", "", "20251231", "", ""],
    ["VE", "Ventes", "5", "20251231", "445710", "TVA collectée 20 %", "", "", "F-2025-002", "20251231", "Facture en livres", "0,00", "20,00", "", "", "20251231", "", ""],
]  # fmt: skip


def small_entry(journal: str, number: str, day: str, amount: str) -> list[list[str]]:
    return [
        [journal, f"Journal {journal}", number, day, "606300", "Fournitures", "", "", f"P-{number}", day, f"Achat {number}", amount, "0,00", "", "", day, "", ""],
        [journal, f"Journal {journal}", number, day, "512000", "Banque", "", "", f"P-{number}", day, f"Achat {number}", "0,00", amount, "", "", day, "", ""],
    ]  # fmt: skip


# --- round trips -------------------------------------------------------------------------------------------


def test_a_posted_file_comes_back_row_for_row(api: Api, firm: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fec_export, "PAGE_ENTRIES", 1)  # a keyset page per entry, an edge inside a day
    token, company = firm["tokens"]["collaborator"], firm["company"]
    content = fec(LEDGER_2025)
    post(api, company, "123456782FEC20251231.txt", content, token)
    year = year_id(api, company, 2025, token)

    summary = export(api, company, year, token)
    assert summary == {
        "fileName": "123456782FEC20251231.txt",
        "url": f"/files/companies/{company}/fec?fiscalYear={year}&keepNumbers=0",
        "entryCount": 5,
        "lineCount": 13,
        "totalDebit": "123459790.01",
        "totalCredit": "123459790.01",
        "currency": "EUR",
    }
    response = download(api, summary["url"], token)
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == 'attachment; filename="123456782FEC20251231.txt"'
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.content.decode().split("\n", 1)[0] == "\t".join(COLUMNS)
    assert data_rows(response.content) == LEDGER_2025
    assert response.content == content  # byte for byte: the input was already in the legal form
    assert parsed_rows(response.content, summary["fileName"]) == parsed_rows(content, "input.txt")

    kept = export(api, company, year, token, keep=True)
    assert kept["url"].endswith("keepNumbers=1")
    assert download(api, kept["url"], token).content == content  # its numbers were 1..n already


def _posts_cleanly() -> list[str]:
    """Corpus files without a refused entry (the others cannot be posted whole)."""
    return [
        "adh-studio-fec-validator__123456782FEC20251231.txt",
        "rezdevops-fec-check__A04-entete-ordre-faux.txt",
        "rezdevops-fec-check__B04-debit-et-credit-non-nuls.txt",
        "rezdevops-fec-check__C01-ecriture-date-invalide.txt",
        "rezdevops-fec-check__C07-chronologie-cassee.txt",
        "rezdevops-fec-check__fec-minimal-conforme.txt",
    ]


#: Files already in the export's form (TAB, legal column order, YYYYMMDD, "1234,56"): their raw rows must
#: come back as they are. The others (columns swapped, dates with dashes) are compared as parsed values.
CANONICAL = {
    "adh-studio-fec-validator__123456782FEC20251231.txt",
    "rezdevops-fec-check__B04-debit-et-credit-non-nuls.txt",
    "rezdevops-fec-check__C07-chronologie-cassee.txt",
    "rezdevops-fec-check__fec-minimal-conforme.txt",
}


@pytest.mark.parametrize("name", _posts_cleanly())
def test_corpus_file_round_trips_with_its_numbers(api: Api, firm: dict, name: str) -> None:
    """Compared as multisets of rows: the export is in date order, a corpus file need not be (C07)."""
    token, company = firm["tokens"]["admin"], firm["company"]
    content = (CORPUS / name).read_bytes()
    batch = post(api, company, name, content, token)
    closing = date.fromisoformat(batch["lastMovement"]).year
    summary = export(api, company, year_id(api, company, closing, token), token, keep=True)
    assert summary["fileName"] == f"123456782FEC{closing}1231.txt"
    assert summary["totalDebit"] == summary["totalCredit"] == batch["totalDebit"]
    assert summary["entryCount"] == batch["entryCount"]
    out = download(api, summary["url"], token).content
    assert out.decode().split("\n", 1)[0] == "\t".join(COLUMNS)
    assert parsed_rows(out, summary["fileName"]) == parsed_rows(content, name)
    assert sum(parsed_rows(out, summary["fileName"]).values()) == summary["lineCount"] == batch["lineCount"]
    if name in CANONICAL:
        source = [line.split("\t") for line in content.decode().splitlines()[1:]]
        assert Counter(map(tuple, data_rows(out))) == Counter(map(tuple, source))
    dates = [row[3] for row in data_rows(out)]
    assert dates == sorted(dates)


def test_corpus_files_left_out_do_not_post_cleanly(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    left_out = [path for path in fec_samples() if path.name not in _posts_cleanly()]
    assert [p.name for p in left_out] == [
        "rezdevops-fec-check__A02-separateur-mixte.txt", "rezdevops-fec-check__B01-ecriture-desequilibree.txt",
    ]  # fmt: skip
    for path in left_out:
        batch = api.upload(firm["company"], path.name, path.read_bytes(), token=token)["batch"]
        assert api.wait_batch(batch["id"], DONE, token=token)["status"] != "PENDING_VALIDATION"


# --- what is exported, in which order, with which numbers --------------------------------------------------


def test_sequential_numbers_by_date_then_posting_order(
    api: Api, firm: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fec_export, "PAGE_ENTRIES", 1)  # the keyset cursor crosses posting times
    token, company = firm["tokens"]["admin"], firm["company"]
    # The second file is staged first (its entries get the lower ids) but validated after the first one.
    second = small_entry("BQ", "B7", "20250110", "11,00") + small_entry("BQ", "B8", "20250201", "20,00")
    second[2][15] = second[3][15] = ""  # no ValidDate: the day it is posted stands for it
    staged = stage(api, company, "second.txt", fec(second), token)
    first = small_entry("AC", "AC9", "20250301", "30,00") + small_entry("AC", "AC10", "20250110", "10,00")
    post(api, company, "first.txt", fec(first), token)
    before = paris_today()
    validate(api, staged, token)
    after = paris_today()
    # Not exported: an entry of 2024 (another fiscal year), and a draft awaiting validation.
    post(api, company, "old.txt", fec(small_entry("AC", "OLD1", "20241231", "99,00")), token)
    stage(api, company, "draft.txt", fec(small_entry("OD", "DRAFT1", "20250115", "77,00")), token)

    year = year_id(api, company, 2025, token)
    summary = export(api, company, year, token)
    assert (summary["entryCount"], summary["lineCount"], summary["totalDebit"]) == (4, 8, "71.00")
    rows = data_rows(download(api, summary["url"], token).content)
    assert [(r[2], r[3], r[11] if r[11] != "0,00" else r[12]) for r in rows[::2]] == [
        ("1", "20250110", "10,00"),  # AC10: its batch was posted first
        ("2", "20250110", "11,00"),  # B7: same day, posted second (staged first)
        ("3", "20250201", "20,00"),  # B8
        ("4", "20250301", "30,00"),  # AC9
    ]
    assert [r[2] for r in rows] == ["1", "1", "2", "2", "3", "3", "4", "4"]
    assert {r[15] for r in rows[4:6]} <= {f"{before:%Y%m%d}", f"{after:%Y%m%d}"}
    assert {r[15] for r in rows[:4] + rows[6:]} == {"20250110", "20250301"}

    kept = data_rows(download(api, export(api, company, year, token, keep=True)["url"], token).content)
    assert [r[2] for r in kept[::2]] == ["AC10", "B7", "B8", "AC9"]
    assert [r[:2] + r[3:] for r in kept] == [r[:2] + r[3:] for r in rows]

    old = export(api, company, year_id(api, company, 2024, token), token, keep=True)
    assert old["fileName"] == "123456782FEC20241231.txt"
    assert [r[2] for r in data_rows(download(api, old["url"], token).content)] == ["OLD1", "OLD1"]


def test_an_empty_ledger_gives_the_header_alone(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["viewer"], firm["company"]
    summary = export(api, company, year_id(api, company, 2026, token), token)
    assert (summary["entryCount"], summary["lineCount"], summary["totalDebit"]) == (0, 0, "0.00")
    assert summary["url"].endswith("keepNumbers=0")
    assert (
        export(api, company, year_id(api, company, 2026, token), token, keep=None) == summary
    )  # null: default
    response = download(api, summary["url"], token)
    assert response.status_code == 200
    assert response.content == HEADER.encode()


# --- who may export, and refusals --------------------------------------------------------------------------


def test_permissions(api: Api, firm: dict) -> None:
    company, tokens = firm["company"], firm["tokens"]
    post(api, company, "perm.txt", fec(small_entry("AC", "1", "20250110", "10,00")), tokens["admin"])
    year = year_id(api, company, 2025, tokens["admin"])
    url = f"/files/companies/{company}/fec?fiscalYear={year}"

    viewer = export(api, company, year, tokens["viewer"])  # the least role may export
    assert viewer["entryCount"] == 1
    assert download(api, url, tokens["viewer"]).status_code == 200

    # Another firm's admin: not found, whether the company exists or not.
    body = api.raw(EXPORT, {"c": company, "y": year}, token=tokens["other"])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "No such company or fiscal year" in body["errors"][0]["message"]
    response = download(api, url, tokens["other"])
    assert response.status_code == 404 and "No such company" in response.json()["error"]
    assert download(api, "/files/companies/999999/fec?fiscalYear=1", tokens["other"]).status_code == 404

    # A fiscal year of another company, asked through one's own company: not found either.
    theirs = year_id(api, firm["other_company"], 2025, tokens["other"])
    body = api.raw(EXPORT, {"c": company, "y": theirs}, token=tokens["admin"])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (
        download(api, f"/files/companies/{company}/fec?fiscalYear={theirs}", tokens["admin"]).status_code
        == 404
    )

    # A partner application sees its own imports, not the books.
    key = api.gql(
        'mutation($c: ID!) { createApiKey(companyId: $c, name: "partner") { key } }', {"c": company},
        token=tokens["admin"],
    )["createApiKey"]["key"]  # fmt: skip
    body = api.raw(EXPORT, {"c": company, "y": year}, api_key=key)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    api.client.cookies.clear()
    assert api.client.get(url, headers=api.headers(api_key=key)).status_code == 404

    # Nobody: 401 / UNAUTHENTICATED.
    assert download(api, url, None).status_code == 401
    assert api.raw(EXPORT, {"c": company, "y": year})["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    # Bad parameters are named.
    response = download(api, f"/files/companies/{company}/fec", tokens["admin"])
    assert response.status_code == 400 and response.json()["code"] == "BAD_PARAMETER"
    response = download(api, url + "&keepNumbers=maybe", tokens["admin"])
    assert response.status_code == 400 and "keepNumbers" in response.json()["error"]
    assert download(api, f"/files/companies/{company}/fec?fiscalYear=²", tokens["admin"]).status_code == 400
    huge = f"/files/companies/{company}/fec?fiscalYear={10**20}"
    assert download(api, huge, tokens["admin"]).status_code == 404
    assert (
        download(api, f"/files/companies/{company}/fec?fiscalYear={'9' * 5000}", tokens["admin"]).status_code
        == 404
    )
    assert download(api, f"/files/companies/{'9' * 30}/fec?fiscalYear=1", tokens["admin"]).status_code == 404
    body = api.raw(EXPORT, {"c": company, "y": str(10**20)}, token=tokens["admin"])
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"  # not an id at all


async def _drop_siren(company_id: int) -> None:
    from ecluse.ledger.models import Company

    await Company.filter(id=company_id).update(siren=None)


def test_a_company_without_siren_is_told_to_set_it(
    api: Api, firm: dict, env: dict[str, str], tmp_path: Path
) -> None:
    token, company = firm["tokens"]["admin"], firm["company"]
    year = year_id(api, company, 2025, token)
    api.client.portal.call(_drop_siren, int(company))

    body = api.raw(EXPORT, {"c": company, "y": year}, token=token)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["reason"] == "SIREN_REQUIRED"
    assert "Boulangerie Martin has no SIREN: set the company's SIREN first" in error["message"]
    assert error["extensions"]["params"] == {"company_id": int(company), "company_name": "Boulangerie Martin"}

    response = download(api, f"/files/companies/{company}/fec?fiscalYear={year}", token)
    assert response.status_code == 400
    assert (
        response.json()["code"] == "SIREN_REQUIRED" and "set the company's SIREN" in response.json()["error"]
    )
    assert response.json()["params"] == error["extensions"]["params"]

    result = ecluse(env, tmp_path, "export-fec", "--company", company, "--year", "2025")
    assert result.returncode == 1
    assert "SIREN_REQUIRED" in result.stderr and "set the company's SIREN" in result.stderr
    assert list(tmp_path.iterdir()) == []


async def _unbalance(company_id: int) -> None:
    from ecluse.ledger.models import EntryLine

    line = await EntryLine.filter(company_id=company_id).order_by("id").first()
    assert line is not None
    await EntryLine.filter(id=line.id).update(debit=line.debit + 5)


def test_books_that_do_not_balance_are_not_exported(api: Api, firm: dict) -> None:
    """Posting refuses unbalanced entries, so this takes a line altered behind the application's back."""
    token, company = firm["tokens"]["admin"], firm["company"]
    post(api, company, "gap.txt", fec(small_entry("AC", "A1", "20250110", "10,00")), token)
    year = year_id(api, company, 2025, token)
    api.client.portal.call(_unbalance, int(company))

    error = api.raw(EXPORT, {"c": company, "y": year}, token=token)["errors"][0]
    assert error["extensions"]["code"] == "UNBALANCED_LEDGER"
    assert "debit 10,05, credit 10,00, a gap of 0,05" in error["message"]
    assert "AC A1 of 2025-01-10 is off by 0,05" in error["message"]
    params = error["extensions"]["params"]
    assert {k: params[k] for k in ("debit", "credit", "gap", "entries")} == {
        "debit": "10.05", "credit": "10.00", "gap": "0.05", "entries": "AC A1"
    }  # fmt: skip
    assert f"The posted entries of {params['year']} do not balance" in error["message"]
    response = download(api, f"/files/companies/{company}/fec?fiscalYear={year}", token)
    assert response.status_code == 409 and "a gap of 0,05" in response.json()["error"]


# --- the command line --------------------------------------------------------------------------------------


def test_cli_writes_the_same_bytes_as_the_download(
    api: Api, firm: dict, env: dict[str, str], tmp_path: Path
) -> None:
    token, company = firm["tokens"]["admin"], firm["company"]
    rows = small_entry("VE", "V2", "20250301", "30,00") + small_entry("AC", "A1", "20250110", "1234,56")
    post(api, company, "cli.txt", fec(rows), token)
    year = year_id(api, company, 2025, token)

    result = ecluse(env, tmp_path, "export-fec", "--company", "123456782", "--year", "2025")
    assert result.returncode == 0, result.stdout + result.stderr
    written = tmp_path / "123456782FEC20251231.txt"
    assert f"wrote {written}: 2 entries, 4 lines" in result.stdout
    expected = download(api, export(api, company, year, token)["url"], token).content
    assert written.read_bytes() == expected
    assert [r[2] for r in data_rows(expected)] == ["1", "1", "2", "2"]

    out = tmp_path / "kept.txt"
    result = ecluse(
        env, tmp_path, "export-fec", "--company", company, "--year", year, "--keep-numbers", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    kept = download(api, export(api, company, year, token, keep=True)["url"], token).content
    assert out.read_bytes() == kept and kept != expected

    result = ecluse(env, tmp_path, "export-fec", "--company", company, "--year", "2031")
    assert result.returncode == 1 and "no fiscal year '2031'" in result.stderr
    result = ecluse(env, tmp_path, "export-fec", "--company", "999999999", "--year", "2025")
    assert result.returncode == 1 and "no active company" in result.stderr


# --- the writer on its own ---------------------------------------------------------------------------------


def test_writer_keeps_the_layout_whatever_the_values() -> None:
    row = FecRow(
        "OD", "Op\tdiv", "1", date(2025, 1, 2), "471000", "Attente\r\n", "", "", "P1", None, "a\tb\nc",
        123456, 0, "", None, date(2025, 1, 3), -5, "USD",
    )  # fmt: skip
    text = FecWriter().rows([row])
    assert (
        text
        == "OD\tOp div\t1\t20250102\t471000\tAttente  \t\t\tP1\t\ta b c\t1234,56\t0,00\t\t\t20250103\t-0,05\tUSD\n"
    )
    assert "".join(write_fec([row, row], lines_per_chunk=1)) == HEADER + text + text
    assert FecWriter().rows([]) == ""
