"""Who may do what: a viewer sees Valider and Rejeter disabled, with the reason in the tooltip."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from playwright.sync_api import Page, expect

from tests.e2e.pages.app import ConsolePage


def test_viewer_sees_validate_and_reject_disabled(open_page: Callable[..., Page], company: str) -> None:
    page = open_page("viewer")
    console = ConsolePage.goto(page, company)
    expect(page.get_by_role("heading", name="Téléverser un fichier")).to_have_count(
        0
    )  # viewers submit nothing

    console.select("partner_ventes_mai.txt")
    for name in ("Valider", "Rejeter"):
        button = console.button(name)
        expect(button).to_be_disabled()
        expect(button).to_have_accessible_description(re.compile(r"Votre rôle \(Lecteur\) ne permet pas"))
    # The tooltip shows on keyboard focus, not only on hover.
    console.button("Valider").focus()
    tooltip = page.get_by_role("tooltip").filter(has_text="Valider : comptabilise")
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()

    # Clicking a disabled button does nothing (forced: Playwright itself refuses to click it).
    console.button("Rejeter").click(force=True)
    expect(page.get_by_role("alertdialog")).to_have_count(0)

    # Visualiser is for every role, and for several rows at once: one tab per import.
    other = f"123456782FEC{date.today().year - 1}1231.txt"
    console.select(other)
    view = console.button("Visualiser")
    expect(view).to_be_enabled()
    view.click()
    expect(page.get_by_role("heading", level=1, name="Détail des écritures")).to_be_visible()
    tabs = page.get_by_role("tablist", name="Imports affichés").get_by_role("tab")
    expect(tabs).to_have_count(2)
    first, second = tabs.nth(0), tabs.nth(1)
    expect(first).to_have_attribute("aria-selected", "true")
    first.focus()
    page.keyboard.press("ArrowRight")
    expect(second).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("heading", level=2, name=other)).to_be_visible()


def test_keyboard_only_selection_and_dialog(admin_page: Page, company: str) -> None:
    page = admin_page
    console = ConsolePage.goto(page, company)
    checkbox = page.get_by_role("checkbox", name="Sélectionner l'import partner_ventes_mai.txt")
    checkbox.focus()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()

    reject = console.button("Rejeter")
    reject.focus()
    expect(page.get_by_role("tooltip").filter(has_text="Rejeter : annule")).to_be_visible()
    page.keyboard.press("Enter")
    dialog = console.confirm("Rejeter l'import")
    # Rejecting cannot be undone: the question starts on « Non », and Tab reaches « Oui ».
    expect(dialog.get_by_role("button", name="Non")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(dialog.get_by_role("button", name="Oui")).to_be_focused()
    page.keyboard.press("Escape")  # = Non
    expect(dialog).to_be_hidden()
    expect(reject).to_be_focused()
    expect(console.status(console.row("partner_ventes_mai.txt"))).to_have_text("En attente de validation")

    # The sort headers are buttons too.
    header = page.get_by_role("columnheader", name=re.compile("^Statut"))
    header.get_by_role("button").focus()
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "ascending")


def test_sign_out(admin_page: Page) -> None:
    page = admin_page
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()  # the session cookie is gone
