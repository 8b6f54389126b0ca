"""Custom import layouts in a real browser: a collaborator builds a CSV layout against a sample file with the
live preview (entries as they would be staged, an error for a bad line, nothing saved), saves it, and
uploads a CSV with it, which reaches « En attente de validation » without a reload; a viewer sees the
layouts read-only; overlapping account ranges are refused, the server's code rendered in French."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect

from tests.e2e.harness import Live, screenshot
from tests.e2e.pages.app import LIVE_TIMEOUT, ConsolePage, DetailPage, open_company

YEAR = date.today().year
HEADER = "Journal;Date;Piece;Compte;Tiers;Libelle;Debit;Credit\n"
#: Two entries; the second has a bad credit on line 6 (the letter O for a zero).
SAMPLE = (
    HEADER
    + f"VT;15/03/{YEAR};F001;706000;;Vente pain;;100,00\n"
    + f"VT;15/03/{YEAR};F001;445710;;TVA collectée;;20,00\n"
    + f"VT;15/03/{YEAR};F001;411000;DUPONT;Facture Dupont;120,00;\n"
    + f"AC;16/03/{YEAR};A002;607000;;Achat farine;50,00;\n"
    + f"AC;16/03/{YEAR};A002;401000;MOULIN;Achat farine;;5O,00\n"
).encode()
COLUMNS = {
    "Code journal": "1",
    "Date de l'écriture": "2",
    "Numéro d'écriture": "3",
    "Compte": "4",
    "Compte de tiers": "5",
    "Libellé de la ligne": "6",
    "Débit": "7",
    "Crédit": "8",
}
DEFINITION = {
    "separator": ";",
    "columns": {"journal": 1, "date": 2, "entryNumber": 3, "account": 4, "thirdParty": 5, "label": 6, "debit": 7, "credit": 8},
}  # fmt: skip


def csv_file(name: str, data: bytes) -> FilePayload:
    return {"name": name, "mimeType": "text/csv", "buffer": data}


def tag() -> str:
    return uuid.uuid4().hex[:6]


def clean_csv(entries: int) -> bytes:
    lines = [HEADER]
    for i in range(1, entries + 1):
        amount = f"{100 + i},00"
        lines.append(f"VT;{(i % 28) + 1:02d}/04/{YEAR};V{i:04d};706000;;Vente {i};;{amount}\n")
        lines.append(f"VT;{(i % 28) + 1:02d}/04/{YEAR};V{i:04d};411000;CLI{i % 7};Vente {i};{amount};\n")
    return "".join(lines).encode()


class LayoutsPage:
    def __init__(self, page: Page) -> None:
        self.page = page

    @classmethod
    def from_menu(cls, page: Page, company: str) -> LayoutsPage:
        open_company(page, company)
        menu = page.get_by_role("navigation", name="Menu principal")
        menu.get_by_role("button", name="Comptabilité").click()
        menu.get_by_role("link", name="Modèles d'import").click()
        expect(page.get_by_role("heading", level=1, name="Modèles d'import personnalisés")).to_be_visible()
        return cls(page)

    def row(self, name: str) -> Locator:
        return self.page.get_by_test_id("layouts").locator("tbody tr").filter(has_text=name)


class Editor:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.form = page.get_by_role("form", name="Définition du modèle")
        self.preview = page.get_by_test_id("preview")

    def column(self, label: str) -> Locator:
        return self.form.get_by_role("textbox", name=label, exact=True)

    def pick_sample(self, name: str, data: bytes) -> None:
        self.page.get_by_test_id("file-input").set_input_files(files=[csv_file(name, data)])
        expect(self.page.get_by_test_id("sample-file")).to_contain_text(name)

    def wait_preview(self) -> None:
        expect(self.preview).to_have_attribute("data-state", re.compile("^(ready|refused|failed)$"))


def test_collaborator_builds_a_layout_with_its_preview_then_imports_with_it(
    open_page: Callable[..., Page], company: str
) -> None:
    page = open_page("collaborator")
    layouts = LayoutsPage.from_menu(page, company)
    page.get_by_role("link", name="Nouveau modèle").click()
    expect(page.get_by_role("heading", level=1, name="Nouveau modèle d'import")).to_be_visible()
    editor = Editor(page)
    name = f"Ventes CSV {tag()}"
    editor.form.get_by_label("Nom", exact=True).fill(name)
    expect(page.get_by_text("Aperçu seulement : rien n'est enregistré ni importé.")).to_be_visible()
    # Dates as an accountant writes their pattern, not strftime's %d/%m/%Y.
    expect(editor.form.get_by_label("Format des dates")).to_have_value("JJ/MM/AAAA")

    # The sample first: with no column mapped yet, the server says what is missing, beside the form.
    editor.pick_sample("exemple_ventes.csv", SAMPLE)
    editor.wait_preview()
    problems = page.get_by_test_id("layout-problems")
    expect(problems).to_contain_text("Date de l'écriture : colonne obligatoire")
    expect(problems).to_contain_text("Compte : colonne obligatoire")
    expect(problems).not_to_contain_text("columns")  # the option's name, never the API's
    expect(editor.preview).to_contain_text("Le modèle ne peut pas encore lire l'exemple")
    date_input = editor.column("Date de l'écriture")
    expect(date_input).to_have_attribute("aria-invalid", "true")
    expect(date_input).to_have_accessible_description(re.compile("colonne obligatoire"))

    # Each change reads the sample again (debounced): the problems go as the columns are given.
    for label, number in COLUMNS.items():
        editor.column(label).fill(number)
    expect(problems).not_to_contain_text("colonne obligatoire")
    expect(editor.preview).to_have_attribute("data-state", "ready")
    counts = page.get_by_test_id("preview-counts")
    expect(counts).to_contain_text("5 lignes lues · 1 écriture · 1 rejetée · 1 erreur")

    # The first entry as it would be staged: journal, number, date, company, its lines and totals.
    entry = page.get_by_test_id("preview-entry").first
    expect(entry.get_by_role("rowheader").first).to_have_text(
        f"Journal VT · N° F001 · 15/03/{YEAR} · Boulangerie Martin SARL"
    )
    rows = entry.locator("tr").filter(has=page.locator("td"))
    expect(rows).to_have_count(4)  # three lines and the total
    third = rows.nth(2).locator("td").all_inner_texts()
    assert [c.strip() for c in third[:7]] == ["4", "411000", "DUPONT", "", "Facture Dupont", "120,00", ""], (
        third
    )
    total = rows.nth(3).locator("td").all_inner_texts()
    assert [c.strip() for c in total[:2]] == ["120,00", "120,00"], total
    # The bad line's error: line, field, code, message.
    issue = page.get_by_test_id("preview-issues").locator("tbody tr").first
    cells = [c.strip() for c in issue.locator("td").all_inner_texts()]
    assert cells[0] == "6" and cells[1] == "credit (column 8)" and cells[2] == "BAD_AMOUNT", cells
    assert "'5O,00' is not an amount" in cells[3] and cells[4] == "Erreur", cells

    # An option the definition does not allow: refused by the server, named beside its section.
    editor.form.get_by_label("Lignes d'en-tête à ignorer").fill("-1")
    expect(page.get_by_test_id("problems-file")).to_have_text("Lignes d'en-tête à ignorer : au moins 0")
    editor.form.get_by_label("Lignes d'en-tête à ignorer").fill("1")
    expect(page.get_by_test_id("problems-file")).to_have_count(0)
    expect(editor.preview).to_have_attribute("data-state", "ready")
    expect(counts).to_contain_text(" · 1 écriture · ")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "layout-editor")

    # Nothing was saved by the previews; saving keeps the editor (and its sample) on the new layout's URL.
    editor.form.get_by_role("button", name="Enregistrer le modèle").click()
    expect(editor.form.get_by_role("status")).to_have_text(f"Modèle « {name} » enregistré.")
    expect(page).to_have_url(re.compile(rf"/c/{company}/settings/layouts/\d+$"))
    expect(page.get_by_role("heading", level=1, name=f"Modèle « {name} »")).to_be_visible()
    expect(page.get_by_test_id("sample-file")).to_contain_text("exemple_ventes.csv")
    page.get_by_role("link", name="Retour aux modèles").click()
    expect(layouts.row(name)).to_contain_text("CSV (colonnes séparées)")

    # Upload a CSV with the layout: the row appears and reaches « En attente de validation », live.
    console = ConsolePage.goto(page, company)
    file_name = f"ventes_{tag()}.csv"
    page.get_by_test_id("file-input").set_input_files(files=[csv_file(file_name, clean_csv(12))])
    page.get_by_label("Format du fichier").select_option(label="Personnalisé (modèle d'import)")
    send = page.get_by_role("button", name="Téléverser", exact=True)
    expect(send).to_be_disabled()  # a custom file needs its layout
    page.get_by_label("Modèle d'import").select_option(label=name)
    send.click()
    row = console.row(file_name)
    expect(console.status(row)).to_have_text("En attente de validation", timeout=LIVE_TIMEOUT)
    expect(row.locator("td.col-format")).to_have_text("Personnalisé")
    expect(row.locator("td.col-detail")).to_contain_text("12 écritures")

    # Its detail names the layout it was read with, and keeps the downloads.
    console.select(file_name)
    console.button("Visualiser").click()
    DetailPage(page).wait_loaded()
    expect(page.get_by_test_id("batch-layout")).to_have_text(f"Lu avec le modèle « {name} »")
    downloads = page.get_by_role("navigation", name="Téléchargements")
    expect(downloads.get_by_role("link", name="Erreurs (CSV)")).to_be_visible()
    expect(downloads.get_by_role("link", name="Fichier d'origine")).to_be_visible()


def upload_custom(page: Page, file_name: str, data: bytes, layout_id: str) -> None:
    page.get_by_test_id("file-input").set_input_files(files=[csv_file(file_name, data)])
    page.get_by_label("Format du fichier").select_option("CUSTOM")
    page.get_by_label("Modèle d'import").select_option(layout_id)
    page.get_by_role("button", name="Téléverser", exact=True).click()


@pytest.mark.timeout(300)
def test_a_custom_batch_keeps_its_downloads_and_its_rejects_come_back_linked(
    open_page: Callable[..., Page], live: Live, company: str, tmp_path: Path
) -> None:
    layout = create_layout(live, company, f"Erreurs {tag()}")
    page = open_page("admin")
    console = ConsolePage.goto(page, company)
    file_name = f"erreurs_{tag()}.csv"
    upload_custom(page, file_name, SAMPLE, layout["id"])
    row = console.row(file_name)
    expect(console.status(row)).to_have_text("Terminé avec erreur", timeout=LIVE_TIMEOUT)
    console.select(file_name)
    console.button("Visualiser").click()
    DetailPage(page).wait_loaded()
    downloads = page.get_by_role("navigation", name="Téléchargements")
    expect(downloads.get_by_role("link", name="Erreurs (CSV)")).to_be_visible()
    page.get_by_role("tab", name=re.compile("^Erreurs")).click()
    expect(page.locator("table.errors-table")).to_contain_text("BAD_AMOUNT")

    # The rejected lines, fixed and sent again: the new import says which one it re-sends, with a link.
    with page.expect_download() as download:
        downloads.get_by_role("link", name="Lignes rejetées").click()
    rejects = tmp_path / "rejects.csv"
    download.value.save_as(rejects)
    resent_name = download.value.suggested_filename
    assert resent_name == file_name.replace(".csv", "_rejected.csv"), resent_name
    text = rejects.read_text("utf-8")
    assert text.startswith(HEADER) and "5O,00" in text, text
    console = ConsolePage.goto(page, company)
    upload_custom(page, resent_name, text.replace("5O,00", "50,00").encode(), layout["id"])
    expect(console.status(console.row(resent_name))).to_have_text(
        "En attente de validation", timeout=LIVE_TIMEOUT
    )
    console.select(resent_name)
    console.button("Visualiser").click()
    DetailPage(page).wait_loaded()
    resent = page.get_by_test_id("resent-of")
    expect(resent).to_have_text(f"Renvoie, corrigées, les lignes rejetées de l'import « {file_name} »")
    resent.get_by_role("link").click()
    expect(page.get_by_role("heading", level=2, name=file_name)).to_be_visible()


def test_a_collaborator_deletes_a_layout(open_page: Callable[..., Page], live: Live, company: str) -> None:
    name = f"À supprimer {tag()}"
    create_layout(live, company, name)
    page = open_page("collaborator")
    layouts = LayoutsPage.from_menu(page, company)
    layouts.row(name).get_by_role("button", name=f"Supprimer le modèle {name}").click()
    dialog = page.get_by_role("alertdialog", name="Supprimer le modèle")
    expect(dialog).to_contain_text("gardent la copie qu'ils ont utilisée")
    dialog.get_by_role("button", name="Oui").click()
    expect(layouts.row(name)).to_have_count(0)
    names = [
        lay["name"]
        for lay in live.gql("query($c: ID!) { importLayouts(companyId: $c) { name } }", {"c": company})[
            "importLayouts"
        ]
    ]
    assert name not in names


def test_a_viewer_sees_the_layouts_read_only(
    open_page: Callable[..., Page], live: Live, company: str
) -> None:
    name = f"Lecture seule {tag()}"
    create_layout(live, company, name)
    page = open_page("viewer")
    layouts = LayoutsPage.from_menu(page, company)
    expect(page.get_by_text("Votre rôle permet de consulter les modèles")).to_be_visible()
    expect(page.get_by_role("link", name="Nouveau modèle")).to_have_count(0)
    expect(layouts.row(name).get_by_role("button", name=re.compile("^Supprimer"))).to_have_count(0)
    layouts.row(name).get_by_role("link", name=f"Voir le modèle {name}").click()
    editor = Editor(page)
    expect(page.get_by_role("heading", level=1, name=f"Modèle « {name} »")).to_be_visible()
    expect(editor.column("Date de l'écriture")).to_have_value("2")
    expect(editor.column("Date de l'écriture")).to_be_disabled()
    expect(editor.form.get_by_role("button", name="Enregistrer le modèle")).to_have_count(0)
    expect(page.get_by_text("Votre rôle ne permet pas de lancer un aperçu.")).to_be_visible()
    # The ranges too: shown, not editable.
    page.get_by_role("link", name="Retour aux modèles").click()
    ranges = page.get_by_role("region", name="Plages de comptes")
    expect(ranges.get_by_role("button", name="Enregistrer les plages")).to_have_count(0)


def test_overlapping_account_ranges_are_refused(admin_page: Page, live: Live) -> None:
    page = admin_page
    other = live.company_id(1)  # not the company the layout tests read files for
    LayoutsPage.from_menu(page, other)
    ranges = page.get_by_role("region", name="Plages de comptes")
    for kind, low, high in (("G", "1", "3"), ("D", "411", "411"), ("G", "4", "4")):
        ranges.get_by_role("button", name="Ajouter une plage").click()
        n = ranges.locator("tbody tr").count()
        ranges.get_by_label(f"Type de la plage {n}").select_option(kind)
        ranges.get_by_label(f"Début de la plage {n}").fill(low)
        ranges.get_by_label(f"Fin de la plage {n}").fill(high)
    ranges.get_by_role("button", name="Enregistrer les plages").click()
    error = ranges.get_by_test_id("ranges-error")
    expect(error).to_contain_text("La plage 411–411 (client) chevauche 4–4 (général).")
    ranges.get_by_role("button", name="Retirer la plage 3").click()
    ranges.get_by_role("button", name="Enregistrer les plages").click()
    expect(ranges.get_by_role("status")).to_have_text("Plages de comptes enregistrées.")
    expect(error).to_have_count(0)
    stored = live.gql("query($c: ID!) { accountRanges(companyId: $c) { kind from to } }", {"c": other})
    assert stored["accountRanges"] == [
        {"kind": "G", "from": "1", "to": "3"},
        {"kind": "D", "from": "411", "to": "411"},
    ]
    # Reloaded, the page shows what the server kept.
    page.reload()
    expect(ranges.get_by_label("Début de la plage 2")).to_have_value("411")


def test_an_admin_makes_another_sirens_fec_refused(admin_page: Page, live: Live) -> None:
    page = admin_page
    other = live.company_id(1)
    LayoutsPage.from_menu(page, other)
    setting = page.get_by_role("region", name="SIREN des fichiers FEC")
    expect(setting).to_contain_text("celui du dossier (987654324)")
    box = setting.get_by_role("checkbox", name="Refuser le fichier (au lieu de l'importer avec un constat)")
    expect(box).not_to_be_checked()
    box.check()
    expect(page.get_by_text("Les fichiers FEC d'un autre SIREN seront refusés.")).to_be_visible()
    stored = live.gql("{ companies { id fecSirenMustMatch } }")["companies"]
    assert {c["id"]: c["fecSirenMustMatch"] for c in stored}[other] is True
    page.reload()  # what the server kept
    expect(page.get_by_role("region", name="SIREN des fichiers FEC").get_by_role("checkbox")).to_be_checked()


@pytest.fixture(autouse=True)
def _clear_ranges(live: Live) -> Any:
    yield
    live.gql(
        "mutation($c: ID!) { setAccountRanges(companyId: $c, ranges: []) { errors { code } } }",
        {"c": live.company_id(1)},
    )
    live.gql(
        "mutation($c: ID!) { setFecSirenMustMatch(companyId: $c, mustMatch: false) { id } }",
        {"c": live.company_id(1)},
    )


def create_layout(live: Live, company: str, name: str) -> dict[str, Any]:
    body = live.gql(
        "mutation($c: ID!, $n: String!, $d: JSON!) { createImportLayout(companyId: $c, name: $n, definition: $d) "
        "{ layout { id name } errors { code message } } }",
        {"c": company, "n": name, "d": DEFINITION},
    )
    payload = body["createImportLayout"]
    assert not payload["errors"], payload
    return dict(payload["layout"])
