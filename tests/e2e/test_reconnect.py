"""The server out of reach, then back: the console says its live connection is lost, then catches up on what
changed meanwhile without a reload; a page whose read failed says why, offers Retry, and recovers."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from playwright.sync_api import Page, Route, expect

from tests.e2e.harness import Live, fec_file
from tests.e2e.pages.app import LIVE_TIMEOUT, ConsolePage

LOST = "Connexion perdue, nouvelle tentative…"
UNREACHABLE = "Le serveur est injoignable. Vérifiez votre connexion, puis réessayez."


def test_the_console_catches_up_on_a_change_made_while_offline(
    open_page: Callable[..., Page], live: Live, company: str
) -> None:
    page = open_page("admin")
    console = ConsolePage.goto(page, company)
    page.evaluate("window.__sameDocument = true")

    # A file sent meanwhile shows up by itself: the live connection is up.
    seed = uuid.uuid4().int % 1_000_000
    name = f"123456782FEC{seed:06d}.txt"
    batch = live.upload(company, name, fec_file(3, seed))
    row = console.row_by_id(batch["id"])
    expect(console.status(row)).to_have_text("En attente de validation", timeout=LIVE_TIMEOUT)

    banner = page.get_by_role("status").get_by_text(LOST)
    page.context.set_offline(True)
    expect(banner).to_be_visible()

    # Rejected by someone else while the page is cut off: no event reaches it.
    assert live.reject(batch["id"])["batch"]["status"] == "REJECTED"
    page.wait_for_timeout(1_500)
    expect(console.status(row)).to_have_text("En attente de validation")

    # Back online: the connection comes back and the console reads its rows again, without a reload.
    page.context.set_offline(False)
    expect(banner).to_have_count(0, timeout=LIVE_TIMEOUT)
    expect(console.status(row)).to_have_text("Rejeté", timeout=LIVE_TIMEOUT)
    assert page.evaluate("window.__sameDocument") is True

    # And it follows live events again.
    name2 = f"123456782FEC{(seed + 1) % 1_000_000:06d}.txt"
    again = live.upload(company, name2, fec_file(3, seed + 1))
    expect(console.status(console.row_by_id(again["id"]))).to_have_text(
        "En attente de validation", timeout=LIVE_TIMEOUT
    )


def test_a_read_that_failed_offline_says_so_and_recovers_once_online(
    open_page: Callable[..., Page], company: str
) -> None:
    page = open_page("admin")
    ConsolePage.goto(page, company)
    page.context.set_offline(True)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    menu.get_by_role("link", name="Export FEC").click()

    error = page.get_by_test_id("query-error")
    expect(error).to_have_text(re.compile(re.escape(UNREACHABLE)))
    expect(error.get_by_role("button", name="Réessayer")).to_be_visible()
    expect(page.get_by_label("Exercice")).to_have_count(0)
    expect(page.get_by_text("Chargement…")).to_have_count(0)

    page.context.set_offline(False)
    expect(page.get_by_label("Exercice")).to_be_visible()
    expect(error).to_have_count(0)


def test_retry_reads_again_after_a_failure(open_page: Callable[..., Page], company: str) -> None:
    page = open_page("admin")
    blocked = True

    def journals(route: Route) -> None:
        if blocked and "query Journals(" in (route.request.post_data or ""):
            route.abort("connectionrefused")
        else:
            route.continue_()

    page.route("**/graphql", journals)
    page.goto(f"/c/{company}/settings/journals")
    expect(page.get_by_role("heading", level=1, name="Journaux")).to_be_visible()
    error = page.get_by_test_id("query-error")
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_have_text(re.compile(re.escape(UNREACHABLE)))
    expect(page.get_by_test_id("journals")).to_have_count(0)

    blocked = False
    error.get_by_role("button", name="Réessayer").click()
    expect(page.get_by_test_id("journals").locator("tbody tr[data-journal]").first).to_be_visible()
    expect(error).to_have_count(0)
