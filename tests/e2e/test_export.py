"""The FEC export in a real browser: an import of a demo company is validated, then its fiscal year's FEC is
prepared (file name, entry count, totals) and downloaded with the session cookie; the file starts with the
FEC header and holds the posted entries, renumbered 1, 2, 3… unless their own numbers are kept."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.harness import Live, fec_file, fec_totals, fr_amount
from tests.e2e.pages.app import LIVE_TIMEOUT, ConsolePage, HistoryPage, open_company

FEC_HEADER = (
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t"
    "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise"
)


def entry_numbers(data: bytes) -> set[str]:
    return {line.split("\t")[2] for line in data.decode("utf-8").splitlines()[1:]}


@pytest.mark.timeout(300)
def test_export_the_fec_after_validating_an_import(
    open_page: Callable[..., Page], live: Live, tmp_path: Path
) -> None:
    company = live.company_id(1)  # Atelier Durand SAS: no entry posted before this test
    year = date.today().year
    seed = uuid.uuid4().int % 1_000_000
    name = f"987654324FEC{seed:06d}.txt"
    data = fec_file(25, seed, year=year)
    debit, credit = fec_totals(data)
    batch = live.upload(company, name, data)
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})

    # Validate it in the console: its entries are posted.
    page = open_page("collaborator")
    console = ConsolePage.goto(page, company)
    console.select(name)
    console.button("Valider").click()
    console.confirm("Valider l'import").get_by_role("button", name="Oui").click()
    expect(page).to_have_url(re.compile(rf"/c/{company}/history\?highlight={batch['id']}$"))
    status = HistoryPage(page).row_by_id(batch["id"]).get_by_test_id("status")
    expect(status).to_have_text("Terminé avec succès", timeout=LIVE_TIMEOUT)

    # Comptabilité › Exports › Export FEC, from the menu.
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    menu.get_by_role("link", name="Export FEC").click()
    expect(page.get_by_role("heading", level=1, name="Export FEC")).to_be_visible()
    years = live.gql("query($c: ID!) { fiscalYears(companyId: $c) { id name } }", {"c": company})[
        "fiscalYears"
    ]
    year_id = next(y["id"] for y in years if y["name"] == f"Exercice {year}")
    page.get_by_label("Exercice").select_option(year_id)
    page.get_by_role("button", name="Préparer l'export").click()

    result = page.get_by_test_id("fec-result")
    file_name = f"987654324FEC{year}1231.txt"
    expect(result.get_by_test_id("fec-file-name")).to_have_text(file_name)
    expect(result.get_by_test_id("fec-entries")).to_have_text("25")
    expect(result.get_by_test_id("fec-total-debit")).to_have_text(f"{fr_amount(debit)} EUR")
    expect(result.get_by_test_id("fec-total-credit")).to_have_text(f"{fr_amount(credit)} EUR")
    link = result.get_by_role("link", name=f"Télécharger {file_name}")
    expect(link).to_have_attribute(
        "href", f"/files/companies/{company}/fec?fiscalYear={year_id}&keepNumbers=0"
    )
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == file_name
    target = tmp_path / "renumbered.txt"
    download.value.save_as(target)
    exported = target.read_bytes()
    assert exported.decode("utf-8").startswith(FEC_HEADER + "\n"), exported[:300]
    assert len(exported.decode("utf-8").splitlines()) == 1 + 75
    assert fec_totals(exported) == (debit, credit)
    assert entry_numbers(exported) == {str(n) for n in range(1, 26)}  # renumbered in date order

    # Keeping the entries' own numbers: a new export (the previous result goes as the option changes).
    page.get_by_role("checkbox", name="Conserver les numéros d'écriture d'origine").check()
    expect(result).to_have_count(0)
    page.get_by_role("button", name="Préparer l'export").click()
    link = page.get_by_test_id("fec-result").get_by_role("link", name=f"Télécharger {file_name}")
    expect(link).to_have_attribute("href", re.compile("keepNumbers=1$"))
    with page.expect_download() as download:
        link.click()
    target = tmp_path / "kept.txt"
    download.value.save_as(target)
    kept = target.read_bytes()
    assert kept.decode("utf-8").startswith(FEC_HEADER + "\n")
    assert entry_numbers(kept) == entry_numbers(data)


def test_the_dashboard_offers_the_export(admin_page: Page, live: Live) -> None:
    page = admin_page
    open_company(page, live.company_id(1))
    page.get_by_role("link", name="Exporter le FEC").click()
    expect(page.get_by_role("heading", level=1, name="Export FEC")).to_be_visible()
    expect(page.get_by_role("navigation", name="Fil d'Ariane")).to_contain_text("Exports")
