"""Files with errors: the console shows the summary, the entry detail lists each error (line, field,
message) and offers the rejected lines; an unreadable file fails and can only be rejected."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

from playwright.sync_api import Page, expect

from tests.e2e.harness import fec_file, fr_amount
from tests.e2e.pages.app import LIVE_TIMEOUT, ConsolePage, DetailPage


def test_a_file_with_unbalanced_entries_shows_its_errors(admin_page: Page, company: str) -> None:
    page = admin_page
    console = ConsolePage.goto(page, company)
    name = f"errors_{uuid.uuid4().hex[:8]}.txt"
    data = fec_file(12, uuid.uuid4().int % 100_000, unbalanced=3)
    console.upload(name, data)
    row = console.row(name)
    expect(console.status(row)).to_have_text("Terminé avec erreur", timeout=LIVE_TIMEOUT)
    # Said in French from the counts; the tooltip names the codes in French too (the server's English
    # summary is for logs).
    error = row.locator("td.col-error .error-summary")
    expect(error).to_contain_text("3 écritures rejetées")
    expect(error).not_to_contain_text("UNBALANCED_ENTRY")
    expect(error).to_have_attribute(
        "title", re.compile("^3 écritures rejetées : Écriture déséquilibrée ×3( · |$)")
    )
    expect(row.locator("td.col-detail")).to_contain_text("3 rejetées")

    console.select(name)
    expect(console.button("Visualiser")).to_be_enabled()
    expect(console.button("Valider")).to_be_enabled()
    console.button("Visualiser").click()
    detail = DetailPage(page)
    detail.wait_loaded()
    # The grid holds every line of the file in order (12 entries of 3 lines), the refused ones in place: here
    # the first three entries (lines 2–10), each line with its number and what was wrong, in French.
    grid = detail.grid()
    expect(grid).to_have_attribute("aria-rowcount", str(36 + 1))
    for index in (2, 10):
        refused = grid.locator(f'[role="row"][aria-rowindex="{index}"]')
        expect(refused).to_have_class(re.compile("eg-refused"))
        expect(refused.get_by_role("gridcell").first).to_have_text(str(index))
        expect(refused).to_contain_text("Rejetée")
    expect(grid.locator('[role="row"].eg-refused')).to_have_count(9)
    expect(grid.locator('[role="row"].eg-refused').filter(has_text="Écriture déséquilibrée")).to_have_count(3)
    staged = grid.locator('[role="row"][aria-rowindex="11"]')
    expect(staged).not_to_have_class(re.compile("eg-refused|eg-placeholder"))
    expect(staged.get_by_role("gridcell").first).to_have_text("11")
    # The totals bar: the 9 entries' 27 lines staged, the 3 refused entries' 9 lines.
    expect(page.get_by_test_id("total-lines")).to_have_text("27 lignes en attente · 9 lignes refusées")
    page.get_by_role("tab", name="Erreurs", exact=False).click()
    expect(page.locator("table.errors-table")).to_be_visible()
    errors = page.locator("table.errors-table tbody tr").filter(has_text="UNBALANCED_ENTRY")
    expect(errors).to_have_count(3)
    first = errors.first.locator("td").all_inner_texts()
    # Line, field, message: the line opens the entries on it; the refused entry's lines are under it.
    line = errors.first.get_by_role("button", name=re.compile(r"^Voir la ligne \d+ dans les écritures$"))
    assert line.inner_text().isdigit(), first
    span = errors.first.locator(".issue-span")
    expect(span).to_contain_text(f"{line.inner_text()}–{int(line.inner_text()) + 2}")  # an entry of 3 lines
    # The code's French label, then the detail said in French from the error's params (not the server's English
    # message), its amounts in the French form: 1 138,50 with a narrow no-break space.
    assert first[2].startswith("Écriture déséquilibrée"), first
    assert "unbalanced" not in first[2], first
    debit, credit = entry_sides(data, "VT00001")
    assert (
        f"Écriture VT VT00001 déséquilibrée : débit {fr_amount(debit)}, crédit {fr_amount(credit)}, écart -1,00"
        in first[2]
    ), first
    rejected = page.get_by_role("link", name="Lignes rejetées")
    expect(rejected).to_have_attribute("href", f"/files/batches/{row_id(page, name)}/rejected")
    with page.expect_download() as download:
        rejected.click()
    assert download.value.suggested_filename.endswith("_rejected.txt")


def entry_sides(data: bytes, number: str) -> tuple[Decimal, Decimal]:
    """The debits and credits of entry `number` of a FEC file."""
    debit = credit = Decimal(0)
    for line in data.decode("utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if cells[2] == number:
            debit += Decimal(cells[11].replace(",", "."))
            credit += Decimal(cells[12].replace(",", "."))
    return debit, credit


def row_id(page: Page, name: str) -> str:
    """The batch id, read from the detail's own download link."""
    href = page.get_by_role("link", name="Fichier d'origine").get_attribute("href") or ""
    return href.split("/")[3]


def test_an_unreadable_file_fails_and_can_only_be_rejected(admin_page: Page, company: str) -> None:
    page = admin_page
    console = ConsolePage.goto(page, company)
    name = f"garbage_{uuid.uuid4().hex[:8]}.bin"
    console.drop(name, b"\x00\x01\x02 not an accounting file \xff\xfe" * 10)
    row = console.row(name)
    expect(console.status(row)).to_have_text("Échec", timeout=LIVE_TIMEOUT)
    # Why, in plain words in the cell itself (not only in a hover), from the first error's code.
    expect(row.locator("td.col-error")).to_have_text(re.compile(r"^Fichier illisible : \S"))
    expect(row.locator("td.col-error")).not_to_contain_text("BINARY_FILE")
    console.select(name)
    expect(console.button("Valider")).to_be_disabled()
    expect(console.button("Rejeter")).to_be_enabled()
    # Its detail opens on its errors: why it failed, in French, and no entry.
    console.button("Visualiser").click()
    expect(page.get_by_role("tab", name="Erreurs", exact=False)).to_have_attribute("aria-selected", "true")
    errors = page.locator("table.errors-table tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("Format non reconnu : ni un FEC")
    expect(page.get_by_role("link", name="Lignes rejetées")).to_have_count(0)
