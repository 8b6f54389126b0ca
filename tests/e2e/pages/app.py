"""Page objects: what a person sees and does on each screen, in the words the screens use (French)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

LIVE_TIMEOUT = 60_000  # a parse or a validation on a loaded CI machine


@dataclass
class LoginPage:
    page: Page

    def login(self, email: str, password: str) -> CompanyPicker:
        self.page.goto("/")
        self.page.get_by_label("Adresse e-mail").fill(email)
        self.page.get_by_label("Mot de passe").fill(password)
        self.page.get_by_role("button", name="Se connecter").click()
        expect(self.page.get_by_role("heading", name="Choisir un dossier")).to_be_visible()
        return CompanyPicker(self.page)


@dataclass
class CompanyPicker:
    page: Page

    def open(self, name: str) -> None:
        self.page.get_by_role("button", name=f"Ouvrir le dossier {name}").click()

    def prompt(self) -> Locator:
        return self.page.get_by_role("alertdialog", name="Imports partenaires")


@dataclass
class ConsolePage:
    page: Page

    @classmethod
    def goto(cls, page: Page, company_id: str) -> ConsolePage:
        page.goto(f"/c/{company_id}/imports")
        console = cls(page)
        console.wait_loaded()
        return console

    def wait_loaded(self) -> None:
        expect(self.page.get_by_role("heading", level=1, name="Imports partenaires")).to_be_visible()
        expect(self.page.locator("table.grid-table")).not_to_have_attribute("aria-busy", "true")

    def button(self, name: str) -> Locator:
        return self.page.get_by_role("toolbar", name="Actions").get_by_role("button", name=name, exact=True)

    def row(self, file_name: str) -> Locator:
        return self.page.locator("tbody tr").filter(has=self.page.get_by_text(file_name, exact=True))

    def row_by_id(self, batch_id: str) -> Locator:
        return self.page.locator(f'tbody tr[data-batch-id="{batch_id}"]')

    def status(self, row: Locator) -> Locator:
        return row.get_by_test_id("status")

    def select(self, file_name: str) -> None:
        self.page.get_by_role("checkbox", name=f"Sélectionner l'import {file_name}", exact=True).check()

    def upload(self, file_name: str, data: bytes) -> None:
        self.page.get_by_test_id("file-input").set_input_files(
            files=[{"name": file_name, "mimeType": "text/plain", "buffer": data}]
        )
        expect(self.page.get_by_test_id("chosen-file")).to_contain_text(file_name)
        self.page.get_by_role("button", name="Téléverser", exact=True).click()

    def drop(self, file_name: str, data: bytes) -> None:
        """Drag and drop a file onto the drop zone, then send it."""
        transfer = self.page.evaluate_handle(
            """([name, bytes]) => {
              const dt = new DataTransfer();
              dt.items.add(new File([new Uint8Array(bytes)], name, { type: "application/octet-stream" }));
              return dt;
            }""",
            [file_name, list(data)],
        )
        zone = self.page.get_by_test_id("filedrop")
        zone.dispatch_event("dragover", {"dataTransfer": transfer})
        expect(zone).to_have_class(re.compile("filedrop-over"))
        zone.dispatch_event("drop", {"dataTransfer": transfer})
        expect(self.page.get_by_test_id("chosen-file")).to_contain_text(file_name)
        self.page.get_by_role("button", name="Téléverser", exact=True).click()

    def confirm(self, title: str) -> Locator:
        dialog = self.page.get_by_role("alertdialog", name=title)
        expect(dialog).to_be_visible()
        return dialog

    def file_names(self) -> list[str]:
        return [name.strip() for name in self.page.locator("tbody td.col-fileName").all_inner_texts()]


@dataclass
class FilterPanel:
    """The console's and the history's filter: rows « field = value », "+" and "−", Appliquer / Réinitialiser."""

    page: Page

    @property
    def button(self) -> Locator:
        return self.page.get_by_role("button", name=re.compile("^Filtres"))

    @property
    def form(self) -> Locator:
        return self.page.get_by_role("form", name="Filtres")

    def open(self) -> FilterPanel:
        if self.button.get_attribute("aria-expanded") != "true":
            self.button.click()
        expect(self.form).to_be_visible()
        return self

    def field(self, n: int) -> Locator:
        return self.form.get_by_label(f"Critère de la condition {n}", exact=True)

    def value(self, n: int) -> Locator:
        return self.form.get_by_label(f"Valeur de la condition {n}", exact=True)

    def set(self, n: int, field: str, value: str) -> None:
        """Row n (from 1): its field by its label, then its value, chosen by label or, for a day, typed."""
        self.field(n).select_option(label=field)
        if field.startswith("Reçu"):
            self.value(n).fill(value)
        else:
            self.value(n).select_option(label=value)

    def add(self) -> None:
        self.form.get_by_role("button", name="Ajouter une condition").click()

    def remove(self, n: int) -> None:
        self.form.get_by_role("button", name=f"Retirer la condition {n}").click()

    def apply(self) -> None:
        self.form.get_by_role("button", name="Appliquer").click()

    def reset(self) -> None:
        self.form.get_by_role("button", name="Réinitialiser").click()


@dataclass
class DetailPage:
    page: Page

    def wait_loaded(self) -> None:
        expect(self.page.get_by_role("heading", level=1, name="Détail des écritures")).to_be_visible()

    def grid(self) -> Locator:
        return self.page.get_by_role("grid")

    def body_rows(self) -> Locator:
        return self.grid().locator('[role="rowgroup"].eg-body [role="row"]:not(.eg-placeholder)')

    def first_row_cells(self) -> list[str]:
        row = self.grid().locator('[role="row"][aria-rowindex="2"]')
        expect(row).not_to_have_class(re.compile("eg-placeholder"))
        return [c.strip() for c in row.get_by_role("gridcell").all_inner_texts()]


@dataclass
class HistoryPage:
    page: Page

    def row_by_id(self, batch_id: str) -> Locator:
        return self.page.locator(f'tbody tr[data-batch-id="{batch_id}"]')


class Notifications:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.button = page.get_by_test_id("notifications-button")

    def open(self) -> Locator:
        if self.button.get_attribute("aria-expanded") != "true":
            self.button.click()
        panel = self.page.get_by_role("region", name="Notifications")
        expect(panel).to_be_visible()
        return panel


def open_company(page: Page, company: str, *, english: bool = False) -> int:
    """Open a company's home page as a bookmark does. The first time in a tab, a company with imports
    waiting asks whether to open the console: answered « Non ». Returns the number of imports waiting
    that the prompt was about (0 when it did not ask)."""
    prompted = page.evaluate("() => sessionStorage.getItem('ecluse.prompted') || '[]'")
    if company in json.loads(prompted):  # asked before in this tab: not again
        page.goto(f"/c/{company}")
        return 0
    asked = "query PendingCount"
    with page.expect_response(lambda r: asked in (r.request.post_data or ""), timeout=5_000) as answer:
        page.goto(f"/c/{company}")
    waiting = int(answer.value.json()["data"]["pendingImportsCount"])
    if waiting:
        prompt = page.get_by_role("alertdialog", name="Partner imports" if english else "Imports partenaires")
        expect(prompt).to_be_visible()
        prompt.get_by_role("button", name="No" if english else "Non", exact=True).click()
        expect(prompt).to_be_hidden()
    return waiting
