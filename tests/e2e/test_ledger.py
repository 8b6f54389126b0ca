"""The books in a real browser. The firm administrator creates a company (Administration), opens a fiscal year
in it and creates a collaborator of that company; the collaborator sets their password from the one-time
link, logs in (that company alone), imports a small FEC into the year (the upload panel), validates it, and
finds its entries (Journal entries, from the history's link), the lines of 411000 with their running
balance (Account ledger) and the same totals in the trial balance (on screen and in its CSV); then reverses
the import (the date asked, Cancel focused) and sees the reversing entries beside the originals. Closing a
year asks first (irreversible, Cancel focused), then shows the result and links to the opening entry. The
entries and the ledger are virtual grids: a long ledger pages in as it scrolls, with few rows in the DOM.

Every company and person a test creates is archived or deactivated at the end: the other tests see the
demo's two companies."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.harness import Live, fec_file, fec_totals, fr_amount, screenshot
from tests.e2e.pages.app import LIVE_TIMEOUT, ConsolePage, HistoryPage, LoginPage

STRONG = "Quatre chevaux sur la digue!"
ARCHIVE = "mutation($id: ID!) { archiveCompany(id: $id) { errors { code } } }"
USERS = "{ users { id email active roles { companyId } } }"
REMOVE = "mutation($c: ID!, $u: ID!) { removeMembership(companyId: $c, userId: $u) { errors { code } } }"
DEACTIVATE = "mutation($id: ID!) { deactivateUser(id: $id) { errors { code } } }"
CREATE_COMPANY = (
    "mutation($name: String!) { createCompany(input: {name: $name}) { company { id } errors { code } } }"
)
OPEN_YEAR = """
mutation($c: ID!, $s: Date!) { openFiscalYear(companyId: $c, startDate: $s) { fiscalYear { id } errors { code } } }
"""
VALIDATE = "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }"


@pytest.fixture
def created(live: Live) -> Iterator[dict[str, list[str]]]:
    """Names of the companies and emails of the people a test creates: archived, deactivated at the end."""
    made: dict[str, list[str]] = {"companies": [], "people": []}
    yield made
    for user in live.gql(USERS)["users"]:
        if user["email"] in made["people"]:
            for role in user["roles"]:
                live.gql(REMOVE, {"c": role["companyId"], "u": user["id"]})
            if user["active"]:
                live.gql(DEACTIVATE, {"id": user["id"]})
    for company in live.gql("{ firmCompanies { id name archived } }")["firmCompanies"]:
        if company["name"] in made["companies"] and not company["archived"]:
            live.gql(ARCHIVE, {"id": company["id"]})


def fec_rows(data: bytes) -> list[dict[str, str]]:
    lines = data.decode("utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ".") or "0")


def fr_day(yyyymmdd: str) -> str:
    return f"{yyyymmdd[6:8]}/{yyyymmdd[4:6]}/{yyyymmdd[:4]}"


def fr_money(value: Decimal) -> str:
    return f"{'-' if value < 0 else ''}{fr_amount(abs(value))}\u00a0€"


def books_link(page: Page, name: str) -> None:
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    menu.get_by_role("link", name=name, exact=True).click()


def entry(page: Page, journal: str, number: str, day: str) -> Locator:
    """An entry's heading row in the entries grid (its lines are the rows after it)."""
    return page.get_by_role("row", name=f"{journal} · N° {number} · {day}", exact=True)


def entry_lines(page: Page, heading: Locator) -> Locator:
    entry_id = heading.get_attribute("data-entry-id")
    return page.locator(f'[role="row"][data-kind="line"][data-entry-id="{entry_id}"]')


def body_rows(grid: Locator) -> Locator:
    """The grid's rows in the DOM, loaded ones (not the header row, nor the one saying a page is coming)."""
    return grid.locator('[role="row"][data-index]:not(.kg-placeholder)')


def scroll_to_row(grid: Locator, row: Locator) -> Locator:
    """Scroll a virtual grid from its top a screen at a time until the row is in the DOM, then to the row."""
    grid.evaluate("(el) => { el.scrollTop = 0; }")
    for _ in range(50):
        if row.count():
            break
        grid.evaluate("(el) => { el.scrollTop += el.clientHeight - 60; }")
        grid.page.wait_for_timeout(100)
    row.evaluate("(el) => el.scrollIntoView({ block: 'start' })")
    return row


@pytest.mark.timeout(420)
def test_from_a_new_company_to_its_books_and_a_reversal(
    open_page: Callable[..., Page], live: Live, created: dict[str, list[str]], tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:6]
    company_name = f"Librairie Leroy {tag}"
    email, person = f"marc-{tag}@ledger.e2e.test", f"Marc {tag}"
    created["companies"].append(company_name)
    created["people"].append(email)
    year = date.today().year

    # The firm administrator creates the company (Administration).
    admin = open_page("admin")
    admin.get_by_role("banner").get_by_role("link", name="Administration").click()
    admin.get_by_role("button", name="Nouveau dossier").click()
    form = admin.get_by_role("form", name="Informations du dossier")
    form.get_by_label("Nom du dossier").fill(company_name)
    form.get_by_role("button", name="Créer le dossier").click()
    expect(admin.get_by_test_id("toasts")).to_contain_text(f"Dossier « {company_name} » créé.")

    # … opens a fiscal year in it: 12 months from its start (no end date given).
    admin.get_by_role("banner").get_by_role("link", name="Écluse").click()
    admin.get_by_role("button", name=f"Ouvrir le dossier {company_name}").click()
    books_link(admin, "Exercices")
    expect(admin.get_by_role("heading", level=1, name="Exercices")).to_be_visible()
    expect(admin.get_by_test_id("years")).to_contain_text("Aucun exercice.")
    expect(admin.get_by_text("Sans date de fin, l'exercice dure 12 mois.")).to_be_visible()
    admin.get_by_label("Date de début").fill(f"{year}-01-01")
    admin.get_by_role("button", name="Ouvrir l'exercice").click()
    expect(admin.get_by_test_id("toasts")).to_contain_text(f"Exercice « Exercice {year} » ouvert.")
    row = admin.get_by_test_id("years").locator("tbody tr").filter(has_text=f"Exercice {year}")
    expect(row.get_by_test_id("status")).to_have_text("ouvert")
    expect(row).to_contain_text(f"31/12/{year}")
    company = admin.url.split("/c/")[1].split("/")[0]

    # … and a collaborator of that company, whose one-time link sets their password.
    admin.get_by_role("banner").get_by_role("link", name="Administration").click()
    admin.get_by_role("navigation", name="Pages d'administration").get_by_role(
        "link", name="Utilisateurs"
    ).click()
    admin.get_by_role("button", name="Nouvel utilisateur").click()
    form = admin.get_by_role("form", name="Utilisateur")
    form.get_by_label("Adresse e-mail").fill(email)
    form.get_by_label("Nom", exact=True).fill(person)
    form.get_by_label(company_name).select_option(label="Collaborateur")
    form.get_by_role("button", name="Créer l'utilisateur").click()
    link = admin.get_by_test_id("password-link").get_by_label("Lien à transmettre").input_value()

    page = open_page(login=False)
    page.goto(link)
    page.get_by_label("Nouveau mot de passe").fill(STRONG)
    page.get_by_label("Confirmer le mot de passe").fill(STRONG)
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(page.get_by_role("status").filter(has_text="Votre mot de passe est enregistré")).to_be_visible()
    picker = LoginPage(page).login(email, STRONG)
    expect(page.get_by_role("button", name=re.compile("^Ouvrir le dossier"))).to_have_count(1)
    picker.open(company_name)

    # The collaborator imports a small FEC into the year and validates it.
    data = fec_file(9, uuid.uuid4().int % 1_000_000, year=year)
    rows = fec_rows(data)
    debit, credit = fec_totals(data)
    name = f"FEC-{tag}.txt"
    console = ConsolePage.goto(page, company)
    console.upload(name, data)
    expect(console.status(console.row(name))).to_have_text("En attente de validation", timeout=LIVE_TIMEOUT)
    console.select(name)
    console.button("Valider").click()
    console.confirm("Valider l'import").get_by_role("button", name="Oui").click()
    expect(page).to_have_url(re.compile(rf"/c/{company}/history\?highlight=\d+$"))
    batch_id = page.url.rsplit("=", 1)[1]
    history_row = HistoryPage(page).row_by_id(batch_id)
    expect(history_row.get_by_test_id("status")).to_have_text("Terminé avec succès", timeout=LIVE_TIMEOUT)

    # Its entries, from the history: each with its lines, its totals and its import.
    history_row.get_by_role("link", name=f"Voir les écritures de l'import {name}").click()
    expect(page.get_by_role("heading", level=1, name="Écritures comptabilisées")).to_be_visible()
    expect(page.get_by_test_id("batch-filter")).to_contain_text(f"« {name} »")
    expect(page.get_by_test_id("entries")).to_contain_text("9 écritures")
    entries = page.get_by_role("grid", name="Écritures comptabilisées")
    expect(entries).to_have_attribute("data-total", "9")
    expect(entries).to_have_attribute("aria-rowcount", str(1 + 9 * 4))  # all in: a heading and 3 lines each
    first = [r for r in rows if r["EcritureNum"] == "VT00001"]
    card = entry(page, "VT", "VT00001", fr_day(first[0]["EcritureDate"]))
    expect(entry_lines(page, card)).to_have_count(3)
    total = sum((amount(r["Debit"]) for r in first), Decimal(0))
    expect(card.get_by_test_id("entry-debit")).to_have_text(fr_amount(total))
    expect(card.get_by_test_id("entry-credit")).to_have_text(fr_amount(total))
    expect(card.get_by_role("link", name=f"Import n° {batch_id}")).to_be_visible()
    screenshot(page, "ledger-entries")

    # One account's lines (411000) in the account ledger, with the running balance.
    books_link(page, "Grand livre")
    page.get_by_label("Compte", exact=True).fill("411000")
    page.get_by_label("Du", exact=True).fill(f"{year}-01-01")
    page.get_by_label("Au", exact=True).fill(f"{year}-12-31")
    page.get_by_role("button", name="Afficher").click()
    ledger = page.get_by_test_id("ledger")
    expect(ledger.get_by_role("heading", name="Compte 411000 — Clients")).to_be_visible()
    customers = [r for r in rows if r["CompteNum"] == "411000"]
    customer_total = sum((amount(r["Debit"]) for r in customers), Decimal(0))
    lines = body_rows(ledger.get_by_test_id("ledger-lines"))
    expect(lines).to_have_count(len(customers))
    expect(ledger.get_by_test_id("opening-balance")).to_have_text(fr_money(Decimal(0)))
    expect(ledger.get_by_test_id("ledger-debit")).to_have_text(fr_money(customer_total))
    expect(ledger.get_by_test_id("closing-balance")).to_have_text(fr_money(customer_total))
    expect(lines.last.get_by_test_id("running-balance")).to_have_text(fr_amount(customer_total))
    running = [
        amount(t.replace("\u202f", "")) for t in lines.get_by_test_id("running-balance").all_inner_texts()
    ]
    assert running == sorted(running), running  # debits only: the balance grows line by line
    expect(lines.first).to_contain_text(f"{customers[0]['CompAuxNum']} — Client")
    screenshot(page, "ledger-account")

    # The trial balance: the import's totals, per class and in all; its CSV says the same.
    books_link(page, "Balance")
    page.get_by_label("Exercice").select_option(label=f"Exercice {year} (01/01/{year} → 31/12/{year})")
    page.get_by_role("button", name="Afficher").click()
    balance = page.get_by_test_id("trial-balance")
    expect(balance.get_by_test_id("total-debit")).to_have_text(fr_amount(debit))
    expect(balance.get_by_test_id("total-credit")).to_have_text(fr_amount(credit))
    expect(balance.get_by_test_id("total-balance")).to_have_text("0,00")
    class4 = [r for r in rows if r["CompteNum"].startswith("4")]
    expect(balance.get_by_test_id("class-4")).to_contain_text(
        fr_amount(sum((amount(r["Debit"]) for r in class4), Decimal(0)))
    )
    screenshot(page, "ledger-trial-balance")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter en CSV").click()
    target = tmp_path / "balance.csv"
    download.value.save_as(target)
    csv = target.read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf"), csv[:10]
    text = csv.decode("utf-8-sig").splitlines()
    assert text[0] == "Compte;Libellé;Débit;Crédit;Solde", text[0]
    assert text[-1] == f"Total général;;{debit:.2f};{credit:.2f};0,00".replace(".", ","), text[-1]

    # The journals it created (the kind set here), and its accounts and third parties in the chart.
    books_link(page, "Journaux")
    journals = page.get_by_test_id("journals")
    sales = journals.locator('tbody tr[data-journal="VT"]')
    expect(sales.get_by_test_id("used")).to_have_text("Oui")
    expect(sales.get_by_role("link", name=f"import n° {batch_id}")).to_be_visible()
    sales.get_by_role("combobox", name="Type du journal VT").select_option(label="Ventes")
    expect(page.get_by_test_id("toasts")).to_contain_text("Journal VT : Ventes.")
    books_link(page, "Plan comptable et tiers")
    accounts = page.get_by_test_id("chart-accounts")
    expect(accounts.locator('[role="row"][data-code="411000"]')).to_contain_text(f"import n° {batch_id}")
    page.get_by_role("tab", name="Tiers").click()
    page.get_by_role("searchbox", name="Rechercher dans Tiers").fill(customers[0]["CompAuxNum"])
    parties = body_rows(page.get_by_test_id("chart-thirdParties"))
    expect(parties).to_have_count(1)
    expect(parties.get_by_test_id("used")).to_have_text("Oui")

    # Reversed from the import's page: the date asked (today), Cancel focused; both sets of entries stay.
    page.goto(f"/c/{company}/imports/detail?ids={batch_id}")
    panel = page.get_by_test_id("import-books")
    panel.get_by_role("button", name="Extourner").click()
    dialog = page.get_by_role("alertdialog", name="Extourner l'import")
    expect(dialog).to_contain_text(f"« {name} »")
    expect(dialog).to_contain_text("restent toutes dans les livres")
    expect(dialog.get_by_role("button", name="Annuler")).to_be_focused()
    # Today where the browser is (the e2e contexts run in Europe/Paris), which is not UTC's date every hour.
    today = datetime.now(ZoneInfo("Europe/Paris")).date()
    expect(dialog.get_by_label("Date des écritures d'extourne")).to_have_value(today.isoformat())
    screenshot(page, "ledger-reverse-confirm")
    dialog.get_by_role("button", name="Extourner").click()
    expect(panel.get_by_test_id("reversed")).to_contain_text(
        f"écritures d'extourne datées du {today:%d/%m/%Y}"
    )
    expect(panel.get_by_role("button", name="Extourner")).to_have_count(0)
    panel.get_by_role("link", name=f"Voir les écritures de l'import {name}").click()
    expect(page.get_by_test_id("entries")).to_contain_text("18 écritures")
    # The original (wherever today's reversals sort among the entries) links to its reversal, brought into
    # view and highlighted, which links back.
    scroll_to_row(entries, card)
    card.get_by_role("link", name="Extournée : voir l'écriture d'extourne").click()
    reversing = entry(page, "VT", "VT00001-EXT", f"{today:%d/%m/%Y}")
    expect(reversing).to_have_class(re.compile("highlight"))
    expect(reversing).to_be_in_viewport()
    expect(reversing.get_by_test_id("entry-debit")).to_have_text(fr_amount(total))
    expect(entry_lines(page, reversing)).to_have_count(3)
    screenshot(page, "ledger-reversed")
    reversing.get_by_role("link", name="Extourne de l'écriture d'origine").click()
    expect(card).to_have_class(re.compile("highlight"))
    expect(card.get_by_test_id("entry-credit")).to_have_text(fr_amount(total))


@pytest.mark.timeout(300)
def test_closing_a_year_asks_first_then_shows_its_result(
    open_page: Callable[..., Page], live: Live, created: dict[str, list[str]]
) -> None:
    tag = uuid.uuid4().hex[:6]
    name = f"Garage Petit {tag}"
    created["companies"].append(name)
    body = live.gql(CREATE_COMPANY, {"name": name})["createCompany"]
    assert not body["errors"], body
    company = body["company"]["id"]
    last = date.today().year - 1
    for start in (f"{last}-01-01", f"{last + 1}-01-01"):
        opened = live.gql(OPEN_YEAR, {"c": company, "s": start})["openFiscalYear"]
        assert not opened["errors"], opened
    data = fec_file(8, uuid.uuid4().int % 1_000_000, year=last)
    batch = live.upload(company, f"FEC-{tag}.txt", data)
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})
    assert not live.gql(VALIDATE, {"id": batch["id"]})["validateImport"]["errors"]
    live.wait_status(batch["id"], {"SUCCEEDED"})
    rows = fec_rows(data)
    result = sum(
        (amount(r["Credit"]) - amount(r["Debit"]) for r in rows if r["CompteNum"][0] in "67"), Decimal(0)
    )
    third_parties: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["CompteNum"][0] in "12345":
            third_parties[r["CompteNum"]].add(r["CompAuxNum"])
    opening_lines = sum(len(v) for v in third_parties.values()) + (1 if result else 0)

    page = open_page("admin")
    page.goto(f"/c/{company}/settings/years")
    expect(page.get_by_role("heading", level=1, name="Exercices")).to_be_visible()
    year_row = page.get_by_test_id("years").locator("tbody tr").filter(has_text=f"Exercice {last}")
    expect(year_row.get_by_test_id("status")).to_have_text("ouvert")

    # Asked first: irreversible, the opening entry explained, Cancel focused (Enter closes nothing).
    close = page.get_by_role("button", name=f"Clôturer l'exercice Exercice {last}", exact=True)
    close.click()
    dialog = page.get_by_role("alertdialog", name="Clôturer l'exercice")
    expect(dialog).to_contain_text(f"« Exercice {last} » (du 01/01/{last} au 31/12/{last})")
    expect(dialog).to_contain_text("irréversible")
    expect(dialog).to_contain_text("classes 1 à 5")
    expect(dialog).to_contain_text("compte 120 (bénéfice) ou 129 (perte)")
    expect(dialog.get_by_role("button", name="Annuler")).to_be_focused()
    screenshot(page, "ledger-close-confirm")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(year_row.get_by_test_id("status")).to_have_text("ouvert")

    close.click()
    dialog.get_by_role("button", name="Clôturer définitivement").click()
    outcome = page.get_by_test_id("closing-result")
    expected = (
        f"Bénéfice de {fr_money(result)} (compte 120)"
        if result > 0
        else f"Perte de {fr_money(-result)} (compte 129)"
    )
    expect(outcome.get_by_test_id("closing-amount")).to_have_text(expected)
    expect(outcome.get_by_test_id("closing-opening")).to_have_text(
        f"Écriture de {opening_lines} ligne{'s' if opening_lines > 1 else ''} dans l'exercice « Exercice {last + 1} »"
    )
    expect(year_row.get_by_test_id("status")).to_have_text("clôturé")
    expect(close).to_have_count(0)
    screenshot(page, "ledger-closed")

    # The opening entry, in the journal entries.
    outcome.get_by_role("link", name="Voir l'écriture d'à-nouveaux").click()
    opening = entry(page, "AN", f"AN{last + 1}0101", f"01/01/{last + 1}")
    expect(opening).to_be_visible()
    expect(opening).to_have_class(re.compile("highlight"))
    expect(entry_lines(page, opening)).to_have_count(opening_lines)


@pytest.mark.timeout(300)
def test_a_long_ledger_pages_in_as_it_scrolls(
    open_page: Callable[..., Page], live: Live, created: dict[str, list[str]]
) -> None:
    tag = uuid.uuid4().hex[:6]
    name = f"Grossiste Roux {tag}"
    created["companies"].append(name)
    body = live.gql(CREATE_COMPANY, {"name": name})["createCompany"]
    assert not body["errors"], body
    company = body["company"]["id"]
    year = date.today().year
    assert not live.gql(OPEN_YEAR, {"c": company, "s": f"{year}-01-01"})["openFiscalYear"]["errors"]
    data = fec_file(700, uuid.uuid4().int % 1_000_000, year=year)  # 350 sales: 350 lines of 706000
    batch = live.upload(company, f"FEC-{tag}.txt", data)
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})
    assert not live.gql(VALIDATE, {"id": batch["id"]})["validateImport"]["errors"]
    live.wait_status(batch["id"], {"SUCCEEDED"})
    sales = [r for r in fec_rows(data) if r["CompteNum"] == "706000"]
    balance = -sum((amount(r["Credit"]) for r in sales), Decimal(0))

    # The ledger's first page (100 lines) and the size of the whole; only the rows on screen in the DOM.
    page = open_page("admin")
    page.goto(f"/c/{company}/books/ledger?account=706000")
    grid = page.get_by_role("grid", name="Compte 706000 — Prestations de services")
    expect(grid).to_have_attribute("aria-rowcount", str(len(sales) + 1))
    expect(grid).to_have_attribute("data-loaded", "100")
    expect(page.get_by_test_id("ledger")).to_contain_text(f"100 lignes sur {len(sales)}")
    assert body_rows(grid).count() < 60

    # Scrolled near the end of what is loaded: the next page (500: the rest) comes by its cursor.
    grid.evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
    expect(grid).to_have_attribute("data-loaded", str(len(sales)))
    expect(body_rows(grid).and_(grid.locator('[aria-rowindex="103"]'))).to_have_count(1)  # the row after 100
    grid.focus()
    page.keyboard.press("End")
    last = grid.locator(f'[role="row"][aria-rowindex="{len(sales) + 1}"]')
    expect(last.get_by_test_id("running-balance")).to_have_text(
        f"{'-' if balance < 0 else ''}{fr_amount(abs(balance))}"
    )
    assert body_rows(grid).count() < 60
    expect(grid.locator('[role="row"][aria-rowindex="2"]')).to_have_count(0)  # the top left the DOM
    screenshot(page, "ledger-long")

    # The entries, 40 a page (each with its lines): more as the grid scrolls, as few rows in the DOM.
    page.goto(f"/c/{company}/books/entries")
    entries = page.get_by_role("grid", name="Écritures comptabilisées")
    expect(entries).to_have_attribute("data-total", "700")
    expect(entries).to_have_attribute("data-loaded", "40")
    expect(entries).to_have_attribute("aria-rowcount", "-1")  # the rows of entries not loaded are unknown
    entries.evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
    expect(entries).to_have_attribute("data-loaded", "80")
    expect(page.get_by_test_id("entries")).to_contain_text("80 écritures sur 700")
    assert body_rows(entries).count() < 60
