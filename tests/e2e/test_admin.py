"""The firm's administration in a real browser: the demo admin (a firm administrator) opens Administration,
creates a company whose SIREN is refused (said in French beside the field), fixes it, finds the company in
the list and in the company picker, renames it, archives it (the confirmation names it, Cancel has the
focus), no longer finds it in the picker, shows the archived companies and restores it. A collaborator has
no Administration link and sees the company's details read-only."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.harness import Live, screenshot
from tests.e2e.pages.app import open_company

ARCHIVE = "mutation($id: ID!) { archiveCompany(id: $id) { errors { code } } }"


class AdminPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.table = page.get_by_test_id("companies")

    @classmethod
    def from_header(cls, page: Page) -> AdminPage:
        page.get_by_role("banner").get_by_role("link", name="Administration").click()
        expect(page.get_by_role("heading", level=1, name="Dossiers du cabinet")).to_be_visible()
        admin = cls(page)
        expect(admin.table).not_to_have_attribute("aria-busy", "true")
        return admin

    def row(self, name: str) -> Locator:
        return self.table.locator("tbody tr").filter(
            has=self.page.get_by_role("rowheader", name=name, exact=True)
        )

    def form(self) -> Locator:
        return self.page.get_by_role("form", name="Informations du dossier")


def picker(page: Page) -> Page:
    page.get_by_role("banner").get_by_role("link", name="Écluse").click()
    expect(page.get_by_role("heading", level=1, name="Choisir un dossier")).to_be_visible()
    return page


@pytest.fixture
def created(live: Live) -> Iterator[list[str]]:
    """Names of the companies a test creates: archived at the end, so the other tests see the demo's two."""
    names: list[str] = []
    yield names
    for company in live.gql("{ firmCompanies { id name archived } }")["firmCompanies"]:
        if company["name"] in names and not company["archived"]:
            live.gql(ARCHIVE, {"id": company["id"]})


def test_firm_admin_creates_edits_archives_and_restores_a_company(
    open_page: Callable[..., Page], created: list[str]
) -> None:
    page = open_page("admin")
    admin = AdminPage.from_header(page)
    name = f"Menuiserie Durand {uuid.uuid4().hex[:6]}"
    created.extend([name, f"{name} SARL"])

    # A SIREN whose check digit is wrong: refused, said in French beside the field, the field focused.
    page.get_by_role("button", name="Nouveau dossier").click()
    form = admin.form()
    expect(form.get_by_label("Nom du dossier")).to_be_focused()
    expect(form.get_by_label("Devise")).to_have_value("EUR")
    expect(form.get_by_label("Pays")).to_have_value("FR")
    form.get_by_label("Nom du dossier").fill(name)
    form.get_by_label("SIREN").fill("732829321")
    form.get_by_label("Adresse").fill("12 rue des Artisans\n69003 Lyon")
    form.get_by_role("button", name="Créer le dossier").click()
    siren = form.get_by_label("SIREN")
    expect(siren).to_have_attribute("aria-invalid", "true")
    expect(siren).to_have_accessible_description(re.compile(r"SIREN invalide \(clé de contrôle\)"))
    expect(form.locator('[data-field="siren"]')).to_contain_text("SIREN invalide (clé de contrôle)")
    expect(siren).to_be_focused()
    expect(form.get_by_role("alert")).to_have_text(
        "Le dossier n'a pas été enregistré : corrigez le champ signalé."
    )
    screenshot(page, "admin-company-refused")

    # Fixed (spaces allowed): created, in the list, and in the company picker (me.companies refetched).
    siren.fill("732 829 320")
    form.get_by_role("button", name="Créer le dossier").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"Dossier « {name} » créé.")
    expect(form).to_have_count(0)
    row = admin.row(name)
    expect(row).to_contain_text("732829320")
    expect(row.get_by_test_id("status")).to_have_text("Actif")
    picker(page)
    expect(page.get_by_role("button", name=f"Ouvrir le dossier {name}")).to_be_visible()

    # Renamed from the list.
    admin = AdminPage.from_header(page)
    renamed = f"{name} SARL"
    page.get_by_role("button", name=f"Modifier le dossier {name}", exact=True).click()
    form = admin.form()
    expect(page.get_by_role("heading", name=f"Modifier le dossier « {name} »")).to_be_visible()
    expect(form.get_by_label("SIREN")).to_have_value("732829320")
    form.get_by_label("Nom du dossier").fill(renamed)
    form.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"Dossier « {renamed} » enregistré.")
    expect(admin.row(renamed)).to_be_visible()
    expect(admin.row(name)).to_have_count(0)

    # Archived: the confirmation names it and says what happens, Cancel (the safe choice) has the focus.
    archive = page.get_by_role("button", name=f"Archiver le dossier {renamed}", exact=True)
    archive.click()
    dialog = page.get_by_role("alertdialog", name="Archiver le dossier")
    expect(dialog).to_contain_text(f"« {renamed} »")
    expect(dialog).to_contain_text("conservés")
    expect(dialog).to_contain_text("masqué pour ses membres")
    expect(dialog.get_by_role("button", name="Annuler")).to_be_focused()
    screenshot(page, "admin-archive-confirm")
    page.keyboard.press("Enter")  # on Cancel: nothing archived
    expect(dialog).to_be_hidden()
    expect(admin.row(renamed).get_by_test_id("status")).to_have_text("Actif")
    archive.click()
    dialog.get_by_role("button", name="Archiver").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"Dossier « {renamed} » archivé.")
    expect(admin.row(renamed)).to_have_count(0)
    picker(page)
    expect(page.get_by_role("button", name=re.compile("^Ouvrir le dossier"))).to_have_count(2)
    expect(page.get_by_role("button", name=f"Ouvrir le dossier {renamed}")).to_have_count(0)

    # Shown with the archived ones, and restored: back in the picker.
    admin = AdminPage.from_header(page)
    page.get_by_role("checkbox", name="Afficher les dossiers archivés").check()
    expect(admin.row(renamed).get_by_test_id("status")).to_have_text("Archivé")
    page.get_by_role("button", name=f"Restaurer le dossier {renamed}", exact=True).click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"Dossier « {renamed} » restauré.")
    expect(admin.row(renamed).get_by_test_id("status")).to_have_text("Actif")
    picker(page)
    expect(page.get_by_role("button", name=f"Ouvrir le dossier {renamed}")).to_be_visible()


def test_collaborator_has_no_administration_and_sees_the_details_read_only(
    open_page: Callable[..., Page], company: str
) -> None:
    page = open_page("collaborator")
    expect(page.get_by_role("banner").get_by_role("link", name="Administration")).to_have_count(0)
    open_company(page, company)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    menu.get_by_role("link", name="Informations du dossier").click()
    expect(page.get_by_role("heading", level=1, name="Informations du dossier")).to_be_visible()
    expect(
        page.get_by_text("Seul un administrateur du dossier peut modifier ces informations.")
    ).to_be_visible()
    expect(page.get_by_label("Nom du dossier")).to_be_disabled()
    expect(page.get_by_role("button", name="Enregistrer")).to_have_count(0)
    page.goto("/admin/companies")
    expect(page.get_by_role("alert")).to_have_text("Cette page est réservée aux administrateurs du cabinet.")
