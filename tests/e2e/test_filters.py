"""The console's filter in a real browser, as the Cegid console has it: condition rows « field = value »,
"+" and "−", Appliquer / Réinitialiser; senders chosen from a list, days typed as JJ/MM/AAAA."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.harness import Live, fec_file
from tests.e2e.pages.app import LIVE_TIMEOUT, ConsolePage, FilterPanel

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}


def _company(live: Live, tag: str) -> str:
    """A company of its own (the demo admin its admin, this year open): no other test's imports in its console."""
    created = live.gql(
        "mutation($i: CompanyInput!) { createCompany(input: $i) { company { id } errors { code } } }",
        {"i": {"name": f"Filtres {tag}"}},
    )["createCompany"]
    assert not created["errors"], created
    company = str(created["company"]["id"])
    role = live.gql(
        "mutation($c: ID!, $e: String!) { setMembership(companyId: $c, role: ADMIN, email: $e) { errors { code } } }",
        {"c": company, "e": "admin@demo.ecluse.fr"},
    )["setMembership"]
    assert not role["errors"], role
    year = live.gql(
        "mutation($c: ID!, $d: Date!) { openFiscalYear(companyId: $c, startDate: $d) { errors { code } } }",
        {"c": company, "d": f"{date.today().year}-01-01"},
    )["openFiscalYear"]
    assert not year["errors"], year
    return company


@pytest.mark.timeout(300)
def test_filter_by_sender_statuses_and_days(open_page: Callable[..., Page], live: Live) -> None:
    tag = uuid.uuid4().hex[:8]
    seed = uuid.uuid4().int % 1_000_000
    company = _company(live, tag)
    key = live.api_key(company)  # the partner application « Partenaire e2e »

    # Alice Admin sends a file with errors; the partner one with errors, one it will see rejected, one pending.
    sent = {
        "admin_errors": live.upload(company, f"admin_errors_{tag}.txt", fec_file(4, seed, unbalanced=1)),
        "partner_errors": live.upload(
            company, f"partner_errors_{tag}.txt", fec_file(4, seed + 1, unbalanced=1), api_key=key
        ),
        "partner_rejected": live.upload(
            company, f"partner_rejected_{tag}.txt", fec_file(3, seed + 2), api_key=key
        ),
        "partner_pending": live.upload(
            company, f"partner_pending_{tag}.txt", fec_file(3, seed + 3), api_key=key
        ),
    }
    admin_name = sent["admin_errors"]["partner"]
    assert sent["partner_errors"]["partner"] == "Partenaire e2e"
    for batch in sent.values():
        live.wait_status(batch["id"], DONE)
    assert not live.reject(sent["partner_rejected"]["id"])["errors"]

    page = open_page("admin")
    console = ConsolePage.goto(page, company)
    rows = page.locator("tbody tr[data-batch-id]")
    expect(rows).to_have_count(4)

    # Utilisateur = Partenaire e2e, then "+" twice: Statut = Terminé avec erreur, Statut = Rejeté.
    filters = FilterPanel(page).open()
    expect(filters.field(1)).to_have_value("partner")
    expect(filters.value(1).locator("option")).to_have_text(["Choisir…", admin_name, "Partenaire e2e"])
    filters.value(1).select_option(label="Partenaire e2e")
    filters.add()
    expect(filters.field(2)).to_have_value("status")  # the next field no row uses
    filters.value(2).select_option(label="Terminé avec erreur")
    filters.add()
    filters.set(3, "Statut", "Rejeté")
    filters.apply()
    expect(rows).to_have_count(2)
    for name in ("partner_errors", "partner_rejected"):
        expect(console.row_by_id(sent[name]["id"])).to_be_visible()
    expect(page.get_by_role("button", name="Filtres (3)")).to_be_visible()

    # Live rows follow the filter too: Alice's new file with errors stays out, the partner's comes in (its
    # events come after hers: once it shows, hers were seen).
    late_admin = live.upload(company, f"late_admin_{tag}.txt", fec_file(4, seed + 4, unbalanced=1))
    live.wait_status(late_admin["id"], DONE)
    late_partner = live.upload(
        company, f"late_partner_{tag}.txt", fec_file(4, seed + 5, unbalanced=1), api_key=key
    )
    expect(console.status(console.row_by_id(late_partner["id"]))).to_have_text(
        "Terminé avec erreur", timeout=LIVE_TIMEOUT
    )
    expect(console.row_by_id(late_admin["id"])).to_have_count(0)
    expect(rows).to_have_count(3)

    # Escape closes the panel and gives the focus back to its button.
    filters.value(3).focus()
    page.keyboard.press("Escape")
    expect(filters.form).to_be_hidden()
    expect(filters.button).to_be_focused()
    expect(filters.button).to_have_attribute("aria-expanded", "false")

    # Opened again, it shows what is applied; "−" takes a row away.
    filters.open()
    expect(filters.value(1)).to_have_value("Partenaire e2e")
    filters.remove(2)
    filters.apply()
    expect(rows).to_have_count(1)
    expect(console.row_by_id(sent["partner_rejected"]["id"])).to_be_visible()

    # Réinitialiser clears and applies; a day typed as JJ/MM/AAAA filters on the day received.
    filters.reset()
    expect(rows).to_have_count(6)
    expect(page.get_by_role("button", name="Filtres", exact=True)).to_be_visible()
    filters.set(1, "Reçu à partir du", "31/12/2099")
    expect(filters.value(1)).to_have_attribute("placeholder", "JJ/MM/AAAA")
    filters.apply()
    expect(page.get_by_text("Aucun import ne correspond.")).to_be_visible()
    expect(page.get_by_role("button", name="Filtres (1)")).to_be_visible()
    filters.set(1, "Reçu jusqu'au", "01/01/2000")
    filters.apply()
    expect(page.get_by_role("button", name="Filtres (1)")).to_be_visible()
    expect(page.get_by_text("Aucun import ne correspond.")).to_be_visible()
    filters.set(1, "Reçu jusqu'au", "31/12/2099")
    filters.apply()
    expect(rows).to_have_count(6)

    # A day that does not exist is said inline, and nothing is applied.
    filters.reset()
    filters.set(1, "Reçu à partir du", "31/02/2026")
    filters.apply()
    error = filters.form.get_by_text("Date invalide : saisissez-la sous la forme JJ/MM/AAAA.")
    expect(error).to_be_visible()
    expect(filters.value(1)).to_have_attribute("aria-invalid", "true")
    expect(filters.value(1)).to_be_focused()
    expect(page.get_by_role("button", name="Filtres", exact=True)).to_be_visible()
    expect(rows).to_have_count(6)
    filters.value(1).fill("01/01/2000")
    expect(error).to_have_count(0)


def test_the_command_line_is_named_as_the_history_names_it(admin_page: Page, company: str) -> None:
    """The demo's files came by the command line: their sender « CLI » is listed in the app's words."""
    page = admin_page
    page.goto(f"/c/{company}/history")
    row = page.locator("tbody tr").filter(has=page.get_by_text("partner_ventes_mai.txt", exact=True))
    origin = row.locator("td.col-origin").inner_text().strip()
    assert origin and origin != "CLI"
    filters = FilterPanel(page).open()
    expect(filters.value(1).locator('option[value="CLI"]')).to_have_text(origin)
    filters.value(1).select_option(value="CLI")
    filters.apply()
    # Only the command line's imports: the demo's three, whatever other tests sent meanwhile.
    origins = page.locator("tbody td.col-origin")
    expect(origins.filter(has_not_text=origin)).to_have_count(0)
    expect(origins).to_have_count(3)
    expect(row).to_be_visible()
