"""Who may do what: a viewer sees Valider and Rejeter disabled, with the reason in the tooltip."""

from __future__ import annotations

import re
from collections.abc import Callable

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

    # Visualiser is for every role.
    view = console.button("Visualiser")
    expect(view).to_be_enabled()
    view.click()
    expect(page.get_by_role("heading", level=1, name="Détail des écritures")).to_be_visible()
