"""The app on a laptop (1280 px) and on a narrow window (800 px, and about 640 px for the header): the page
never scrolls sideways, every control of the header stays visible and on screen (the tools wrap to a second
row, the company name is shortened with its full name in its title), and at 1280 px the console shows every
column without a horizontal scroll."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.harness import Live, fec_file, screenshot
from tests.e2e.pages.app import ConsolePage, DetailPage, open_company

HEIGHT = 800
ARCHIVE = "mutation($id: ID!) { archiveCompany(id: $id) { errors { code } } }"


def at_width(page: Page, width: int) -> Page:
    page.set_viewport_size({"width": width, "height": HEIGHT})
    return page


def assert_no_page_scroll(page: Page) -> None:
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} px of content for {widths[1]} px"


def assert_on_screen(page: Page, locator: Locator, what: str) -> None:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    size = page.viewport_size
    assert box and size, what
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (what, box, size)
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (what, box, size)


def assert_single_line(locator: Locator, what: str) -> None:
    """Its text on one line (no wrapping in the header): content height under 1.5 lines."""
    lines = locator.evaluate(
        "(el) => { const s = getComputedStyle(el);"
        " const h = el.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);"
        " return h / parseFloat(s.lineHeight); }"
    )
    assert lines < 1.5, (what, lines)


def assert_header_fits(page: Page, *, company: bool = True) -> None:
    assert_no_page_scroll(page)
    header = page.get_by_role("banner")
    controls = {
        "logout": header.get_by_role("button", name="Se déconnecter", exact=True),
        "language": header.get_by_label("Langue"),
        "notifications": header.get_by_test_id("notifications-button"),
        "user menu": header.get_by_role("button", name="Compte de Alice Admin"),
        "administration": header.get_by_role("link", name="Administration", exact=True),
        "home": header.get_by_role("link", name="Écluse", exact=True),
    }
    if company:
        menu = header.get_by_role("navigation", name="Menu principal")
        controls["dashboard"] = menu.get_by_role("link", name="Tableau de bord")
        controls["accounting"] = menu.get_by_role("button", name="Comptabilité")
        controls["company"] = header.get_by_test_id("current-company")
    for what, control in controls.items():
        assert_on_screen(page, control, what)
    for what in ("dashboard", "accounting", "company", "user menu", "logout"):
        if what in controls:
            assert_single_line(controls[what], what)


def assert_menus_open_on_screen(page: Page) -> None:
    """The header's panels (the accounting menu, the notifications) open within the window."""
    header = page.get_by_role("banner")
    accounting = header.get_by_role("navigation", name="Menu principal").get_by_role(
        "button", name="Comptabilité"
    )
    accounting.click()
    assert_on_screen(page, header.get_by_role("link", name="Imports partenaires"), "accounting menu")
    assert_on_screen(page, header.locator(".submenu"), "accounting menu")
    assert_no_page_scroll(page)
    page.keyboard.press("Escape")
    expect(accounting).to_have_attribute("aria-expanded", "false")

    header.get_by_test_id("notifications-button").click()
    panel = page.get_by_role("region", name="Notifications")
    assert_on_screen(page, panel, "notifications panel")
    assert_no_page_scroll(page)
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()


@pytest.mark.parametrize("width", [1280, 800, 640])
def test_the_console_fits_the_window(admin_page: Page, company: str, width: int) -> None:
    page = at_width(admin_page, width)
    ConsolePage.goto(page, company)
    assert_header_fits(page)
    table = page.locator(".table-scroll")
    assert_on_screen(page, page.get_by_role("toolbar", name="Actions"), "actions")
    box = table.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box  # it may scroll inside itself
    if width == 1280:
        # Every column shown: no horizontal scroll in the table either.
        headers = page.locator("table.grid-table thead th")
        assert headers.count() >= 12
        for header in headers.all():
            assert_on_screen(page, header, header.inner_text())
        sizes = table.evaluate("(el) => [el.scrollWidth, el.clientWidth]")
        assert sizes[0] <= sizes[1], f"the console's table scrolls sideways at 1280 px: {sizes}"
    else:
        assert_menus_open_on_screen(page)
    screenshot(page, f"console-{width}")


@pytest.mark.parametrize("width", [1280, 800])
def test_the_entry_detail_fits_the_window(admin_page: Page, live: Live, company: str, width: int) -> None:
    batch = live.upload(
        company, f"largeur_{uuid.uuid4().hex[:8]}.txt", fec_file(12, uuid.uuid4().int % 99_999)
    )
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})
    page = at_width(admin_page, width)
    page.goto(f"/c/{company}/imports/detail?ids={batch['id']}")
    detail = DetailPage(page)
    detail.wait_loaded()
    expect(detail.grid()).to_be_visible()
    assert_header_fits(page)
    box = detail.grid().bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box  # it may scroll inside itself
    assert_no_page_scroll(page)
    screenshot(page, f"entry-detail-{width}")


@pytest.fixture
def long_named_company(live: Live) -> Iterator[tuple[str, str]]:
    """A company with a long name (archived at the end, so the other tests see the demo's two)."""
    name = f"Société Civile Immobilière des Grands Tilleuls de la Vallée {uuid.uuid4().hex[:6]}"
    body = live.gql(
        "mutation($input: CompanyInput!) { createCompany(input: $input) { company { id } errors { code } } }",
        {"input": {"name": name}},
    )["createCompany"]
    assert not body["errors"], body
    company_id = str(body["company"]["id"])
    try:
        yield company_id, name
    finally:
        live.gql(ARCHIVE, {"id": company_id})


@pytest.mark.parametrize("width", [1280, 800, 640])
def test_a_long_company_name_is_shortened_not_wrapped(
    admin_page: Page, long_named_company: tuple[str, str], width: int
) -> None:
    company_id, name = long_named_company
    page = at_width(admin_page, width)
    open_company(page, company_id)
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
    shown = page.get_by_test_id("current-company")
    expect(shown).to_have_text(name)  # in full for a screen reader
    expect(shown).to_have_attribute("title", name)  # and on hover
    assert shown.evaluate("(el) => el.scrollWidth > el.clientWidth"), "the name is shortened (ellipsis)"
    assert_header_fits(page)
    if width < 1280:
        assert_menus_open_on_screen(page)
    screenshot(page, f"long-company-name-{width}")


@pytest.mark.parametrize("width", [800, 640])
def test_the_company_picker_and_the_books_fit_the_window(admin_page: Page, company: str, width: int) -> None:
    page = at_width(admin_page, width)
    page.goto("/")
    expect(page.get_by_role("heading", name="Choisir un dossier")).to_be_visible()
    assert_header_fits(page, company=False)
    for path in ["books/entries", "books/ledger", "books/balance", "books/chart", "history"]:
        page.goto(f"/c/{company}/{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert_header_fits(page)


@pytest.mark.parametrize("width", [1280, 1000, 800])
def test_the_layout_preview_never_slides_under_the_header(admin_page: Page, company: str, width: int) -> None:
    """Wide, the preview sticks beside the form below the header (however tall the header is); in one column
    (1000 px, where the header takes two rows, and 800 px) it follows the form in the page's flow."""
    page = at_width(admin_page, width)
    page.goto(f"/c/{company}/settings/layouts/new")
    expect(page.get_by_role("heading", level=1, name="Nouveau modèle d'import")).to_be_visible()
    assert_header_fits(page)
    pane = page.locator(".preview-pane")
    if width < 1100:
        assert pane.evaluate("(el) => getComputedStyle(el).position") == "static"
        return
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)  # a scroll event's frame
    header = page.get_by_role("banner").bounding_box()
    box = pane.bounding_box()
    assert header is not None and box is not None
    assert box["y"] >= header["y"] + header["height"] - 1, (
        f"the preview ({box}) is under the header ({header})"
    )
