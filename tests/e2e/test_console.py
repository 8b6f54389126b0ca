"""The partner-imports console in a real browser: log in, the prompt on opening a company, upload and watch
the parse live, view the entries and totals, validate into the history, reject — with a second browser
that sees every change without reloading."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.harness import Live, fec_file, fec_totals, fr_amount, screenshot
from tests.e2e.pages.app import (
    LIVE_TIMEOUT,
    CompanyPicker,
    ConsolePage,
    DetailPage,
    FilterPanel,
    HistoryPage,
    Notifications,
    open_company,
)


def seed() -> int:
    return uuid.uuid4().int % 1_000_000


def test_a_viewer_is_told_imports_wait_not_asked_to_validate(
    open_page: Callable[..., Page], live: Live
) -> None:
    page = open_page("viewer")
    picker = CompanyPicker(page)
    picker.open(live.company_name(0))
    prompt = picker.prompt()
    expect(prompt).to_contain_text("imports partenaires attendent une décision sur ce dossier")
    expect(prompt).not_to_contain_text("votre validation")


def test_a_bookmark_of_the_company_asks_once_a_deep_link_never(
    open_page: Callable[..., Page], live: Live, company: str
) -> None:
    # A bookmark of the company's home, in a new tab: asked, in the words of the viewer's role.
    page = open_page("viewer")
    page.goto(f"/c/{company}")
    prompt = CompanyPicker(page).prompt()
    expect(prompt).to_contain_text("imports partenaires attendent une décision sur ce dossier")
    expect(prompt.get_by_role("button", name="Oui")).to_be_focused()
    prompt.get_by_role("button", name="Non").click()
    expect(prompt).to_be_hidden()
    # Once a tab: the home page again (a reload, the menu's home link) does not ask again.
    page.reload()
    expect(page.get_by_role("heading", level=1, name=live.company_name(0))).to_be_visible()
    expect(page.get_by_test_id("pending-count")).to_contain_text("en attente")
    expect(prompt).to_have_count(0)
    # A link to another page of the company is left alone: the user asked for that page.
    other = open_page("admin")
    other.goto(f"/c/{company}/books/chart")
    expect(other.get_by_role("heading", level=1)).to_be_visible()
    expect(other.get_by_test_id("pending-count")).to_have_count(0)
    other.wait_for_load_state("networkidle")
    expect(CompanyPicker(other).prompt()).to_have_count(0)
    # Yes from a bookmark opens the console.
    third = open_page("collaborator")
    third.goto(f"/c/{company}")
    CompanyPicker(third).prompt().get_by_role("button", name="Oui").click()
    ConsolePage(third).wait_loaded()


def test_login_prompt_no_then_yes_and_the_menu(admin_page: Page, live: Live) -> None:
    page = admin_page
    picker = CompanyPicker(page)
    expect(page.get_by_role("button", name=re.compile("^Ouvrir le dossier"))).to_have_count(2)

    # No: the company dashboard.
    picker.open(live.company_name(0))
    prompt = picker.prompt()
    expect(prompt).to_be_visible()
    expect(prompt).to_contain_text("Voulez-vous afficher la console des imports partenaires ?")
    expect(prompt).to_contain_text("attendent votre validation sur ce dossier")  # an admin decides
    expect(prompt.get_by_role("button", name="Oui")).to_be_focused()
    prompt.get_by_role("button", name="Non").click()
    expect(prompt).to_be_hidden()
    expect(page.get_by_role("heading", level=1, name=live.company_name(0))).to_be_visible()
    expect(page.get_by_test_id("pending-count")).to_contain_text("en attente")

    # The console from the menu: Comptabilité › Imports › Imports partenaires.
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    menu.get_by_role("link", name="Imports partenaires").click()
    console = ConsolePage(page)
    console.wait_loaded()
    expect(page.get_by_role("navigation", name="Fil d'Ariane")).to_contain_text("Comptabilité")

    # Yes: straight to the console, listing the demo's imports with the reference's columns.
    page.get_by_role("link", name="Écluse").click()
    picker.open(live.company_name(0))
    picker.prompt().get_by_role("button", name="Oui").click()
    console.wait_loaded()
    headers = page.locator("thead th").all_inner_texts()
    for column in [
        "Partenaire", "Nom du fichier", "Format", "Statut", "Erreur", "Détail", "Date de création",
        "Date de mise à jour", "Date premier mouvement", "Date dernier mouvement", "Période de référence",
    ]:  # fmt: skip
        assert any(h.startswith(column) for h in headers), (column, headers)
    expect(console.row("partner_ventes_mai.txt")).to_be_visible()
    expect(console.status(console.row("export_compta_errors.txt"))).to_have_text("Terminé avec erreur")
    # Dates in French: 23/11/2026 07:47:07.
    expect(console.row("partner_ventes_mai.txt").locator("td.col-createdAt")).to_have_text(
        re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$")
    )

    # A company without imports waiting opens on its dashboard, no prompt.
    page.get_by_role("link", name="Écluse").click()
    picker.open(live.company_name(1))
    expect(page.get_by_role("heading", level=1, name=live.company_name(1))).to_be_visible()
    expect(picker.prompt()).to_have_count(0)


@pytest.mark.timeout(420)
def test_upload_view_validate_with_a_second_browser_watching(
    open_page: Callable[..., Page], live: Live, company: str
) -> None:
    watcher = ConsolePage.goto(open_page("collaborator"), company)
    page = open_page("admin")
    console = ConsolePage.goto(page, company)

    name = f"123456782FEC{seed():06d}.txt"
    data = fec_file(60, seed())
    debit, credit = fec_totals(data)
    console.upload(name, data)
    row = console.row(name)
    expect(row).to_have_count(1)
    expect(console.status(row)).to_have_text("En attente de validation", timeout=LIVE_TIMEOUT)
    expect(row.locator("td.col-detail")).to_contain_text("60 écritures")
    # The other browser saw the row arrive and its parse end, without reloading.
    expect(watcher.status(watcher.row(name))).to_have_text("En attente de validation", timeout=LIVE_TIMEOUT)
    batch_id = row.get_attribute("data-batch-id")
    assert batch_id

    # Visualiser: the entry detail with its totals.
    console.select(name)
    expect(page.get_by_text("1 ligne sélectionnée")).to_be_visible()
    screenshot(page, "console")
    console.button("Visualiser").click()
    detail = DetailPage(page)
    detail.wait_loaded()
    expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()
    expect(detail.grid()).to_have_attribute("aria-rowcount", str(180 + 1))
    expect(detail.grid()).to_have_attribute("data-loaded", "180")
    cells = detail.first_row_cells()
    assert cells[0] == "2" and cells[1] in {"VT", "AC"}, cells  # line 2 of the file, first entry line
    expect(page.get_by_test_id("total-debit")).to_have_text(fr_amount(debit))
    expect(page.get_by_test_id("total-credit")).to_have_text(fr_amount(credit))
    expect(page.get_by_test_id("balance")).to_have_text("Équilibré")
    expect(page.get_by_test_id("total-lines")).to_have_text("180 lignes en attente")
    original = page.get_by_role("link", name="Fichier d'origine")
    assert original.get_attribute("href") == f"/files/batches/{batch_id}/original"
    with page.expect_download() as download:
        original.click()
    assert download.value.suggested_filename == name
    screenshot(page, "entry-detail")

    # Valider: asks, then opens the history where the import shows as succeeded, with its origin.
    page.get_by_role("link", name="Retour à la console").click()
    console.wait_loaded()
    console.select(name)
    console.button("Valider").click()
    confirm = console.confirm("Valider l'import")
    expect(confirm).to_contain_text(name)
    confirm.get_by_role("button", name="Oui").click()
    expect(page).to_have_url(re.compile(rf"/c/{company}/history\?highlight={batch_id}$"))
    history = HistoryPage(page)
    hrow = history.row_by_id(batch_id)
    expect(hrow.get_by_test_id("status")).to_have_text("Terminé avec succès", timeout=LIVE_TIMEOUT)
    expect(hrow.locator("td.col-origin")).to_have_text("Téléversement")
    expect(hrow).to_have_class(re.compile("highlight"))
    expect(page.locator("table.grid-table")).not_to_have_attribute("aria-busy", "true")  # every page listed
    screenshot(page, "history")

    # The validated import left the console of the other browser, live; both were notified.
    expect(watcher.row(name)).to_have_count(0, timeout=LIVE_TIMEOUT)
    for who in (page, watcher.page):
        panel = Notifications(who).open()
        expect(
            panel.get_by_text(
                f"Import « {name} » (Boulangerie Martin SARL) validé : 60 écritures comptabilisées."
            )
        ).to_be_visible()


@pytest.mark.timeout(300)
def test_partner_upload_appears_live_then_reject(
    open_page: Callable[..., Page], live: Live, company: str
) -> None:
    watcher = ConsolePage.goto(open_page("client"), company)
    page = open_page("admin")
    console = ConsolePage.goto(page, company)
    unread_before = Notifications(page).button.get_attribute("aria-label")

    # A partner application sends a file through the API: the row appears in both browsers, parse and all.
    name = f"partner_{seed():06d}.txt"
    batch = live.upload(company, name, fec_file(20, seed()), api_key=live.api_key(company))
    for view in (console, watcher):
        row = view.row_by_id(batch["id"])
        expect(view.status(row)).to_have_text("En attente de validation", timeout=LIVE_TIMEOUT)
        expect(row.locator("td.col-fileName")).to_have_text(name)

    # Rejeter: a confirmation, then a second message; the row shows « Rejeté » everywhere.
    console.select(name)
    console.button("Rejeter").click()
    confirm = console.confirm("Rejeter l'import")
    # It names the file and what is lost, and starts on the safe choice: Enter twice never rejects (the
    # first closes the question, the second asks it again).
    expect(confirm).to_contain_text(f"« {name} » ? Ses 20 écritures seront supprimées, sans retour possible")
    expect(confirm.get_by_role("button", name="Non")).to_be_focused()
    page.keyboard.press("Enter")
    expect(confirm).to_be_hidden()
    page.keyboard.press("Enter")
    expect(confirm).to_be_visible()
    expect(confirm.get_by_role("button", name="Non")).to_be_focused()
    expect(console.status(console.row(name))).to_have_text("En attente de validation")
    confirm.get_by_role("button", name="Oui").click()
    done = page.get_by_role("dialog", name="Import rejeté")
    expect(done).to_be_visible()
    done.get_by_role("button", name="OK").click()
    expect(done).to_be_hidden()
    expect(console.status(console.row(name))).to_have_text("Rejeté")
    expect(watcher.status(watcher.row(name))).to_have_text("Rejeté", timeout=LIVE_TIMEOUT)

    # A rejected row can no longer be viewed, validated or rejected.
    console.select(name)
    for button in ("Valider", "Rejeter", "Visualiser"):
        expect(console.button(button)).to_be_disabled()

    # The notification arrives (unread count and centre).
    expect(Notifications(page).button).not_to_have_attribute("aria-label", unread_before or "")
    panel = Notifications(page).open()
    expect(
        panel.get_by_text(f"Import « {name} » (Boulangerie Martin SARL) rejeté : écritures supprimées.")
    ).to_be_visible()
    # Each says the real outcome with its dossier and count, and opens its import.
    parsed = panel.get_by_role(
        "link", name=f"« {name} » (Boulangerie Martin SARL) analysé : 20 écritures en attente de validation."
    )
    parsed.click()
    expect(page).to_have_url(re.compile(rf"/imports/detail\?ids={batch['id']}$"))


def test_sort_filter_and_select_all(admin_page: Page, company: str) -> None:
    console = ConsolePage.goto(admin_page, company)
    page = admin_page

    header = page.get_by_role("columnheader", name=re.compile("^Nom du fichier"))
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    names = console.file_names()
    assert names == sorted(names), names
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    names = console.file_names()
    assert names == sorted(names, reverse=True), names

    # Every column is sorted by the API (its keyset pages), the reference period and the error too.
    period = page.get_by_role("columnheader", name=re.compile("^Période de référence"))
    period.get_by_role("button").click()
    expect(period).to_have_attribute("aria-sort", "ascending")
    error = page.get_by_role("columnheader", name=re.compile("^Erreur"))
    error.get_by_role("button").click()
    expect(error).to_have_attribute("aria-sort", "ascending")
    expect(console.row("export_compta_errors.txt")).to_be_visible()

    filters = FilterPanel(page).open()
    filters.set(1, "Statut", "Terminé avec erreur")
    filters.apply()
    expect(page.locator("tbody tr[data-status=PENDING_VALIDATION]")).to_have_count(0)
    expect(console.row("export_compta_errors.txt")).to_be_visible()
    assert set(page.locator("tbody [data-testid=status]").all_inner_texts()) == {"Terminé avec erreur"}
    expect(page.get_by_role("button", name="Filtres (1)")).to_be_visible()

    filters.reset()
    expect(console.row("partner_ventes_mai.txt")).to_be_visible()

    filters.set(1, "Reçu à partir du", "31/12/2099")
    filters.apply()
    expect(page.get_by_text("Aucun import ne correspond.")).to_be_visible()
    filters.reset()
    expect(console.row("partner_ventes_mai.txt")).to_be_visible()

    # The header checkbox selects every row; multi-select keeps Valider/Rejeter off, with the reason.
    page.get_by_role("checkbox", name="Sélectionner tous les imports").check()
    rows = page.locator("tbody tr").count()
    expect(page.get_by_text(f"{rows} lignes sélectionnées")).to_be_visible()
    validate = console.button("Valider")
    expect(validate).to_be_disabled()
    expect(validate).to_have_accessible_description(re.compile("Sélectionnez une seule ligne"))
    page.get_by_role("checkbox", name="Sélectionner tous les imports").uncheck()
    expect(page.get_by_text("Aucune ligne sélectionnée")).to_be_visible()


def test_history_from_the_menu(admin_page: Page, company: str) -> None:
    page = admin_page
    open_company(page, company)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    menu.get_by_role("link", name="Historique des imports").click()
    expect(page.get_by_role("heading", level=1, name="Historique des imports")).to_be_visible()
    headers = page.locator("thead th").all_inner_texts()
    assert any(h.startswith("Origine") for h in headers), headers
    row = page.locator("tbody tr").filter(has=page.get_by_text("partner_ventes_mai.txt", exact=True))
    expect(row.locator("td.col-origin")).to_have_text("Import par le cabinet")
    expect(row.locator("td.col-partner")).to_have_text("Import par le cabinet")  # not « CLI »
    # The origin column is sorted by the API like the others.
    origin = page.get_by_role("columnheader", name=re.compile("^Origine"))
    origin.get_by_role("button").click()
    expect(origin).to_have_attribute("aria-sort", "ascending")
    expect(row.locator("td.col-origin")).to_have_text("Import par le cabinet")
