"""The entry detail on a bigger batch: the virtual grid pages through the lines as it scrolls, keeps few
rows in the DOM, and works from the keyboard; the app in English formats amounts and dates for it."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.harness import Live, fec_file, fec_totals
from tests.e2e.pages.app import ConsolePage, DetailPage


@pytest.mark.timeout(300)
def test_the_grid_pages_through_a_big_batch(admin_page: Page, live: Live, company: str) -> None:
    entries = 3_400  # 10,200 lines: 21 pages of 500
    batch = live.upload(
        company, f"big_{uuid.uuid4().hex[:8]}.txt", fec_file(entries, uuid.uuid4().int % 99_999)
    )
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})
    lines = entries * 3
    page = admin_page
    page.goto(f"/c/{company}/imports/detail?ids={batch['id']}")
    detail = DetailPage(page)
    detail.wait_loaded()
    grid = detail.grid()
    expect(grid).to_have_attribute("aria-rowcount", str(lines + 1))
    assert detail.first_row_cells()[0] == "2"
    # Only what is on screen (and a margin) is in the DOM, and only the pages near it are loaded.
    assert grid.locator('[role="row"]').count() < 100
    assert int(grid.get_attribute("data-loaded") or 0) < lines

    # A scrollbar drag to the middle fetches the page under the viewport directly (no chain of pages).
    grid.evaluate("(el) => { el.scrollTop = el.scrollHeight / 2; }")
    page.wait_for_function(
        "() => { const el = document.querySelector('[role=grid]');"
        " return [...el.querySelectorAll('[role=row][aria-rowindex]')].some((r) =>"
        " Number(r.getAttribute('aria-rowindex')) > 4000 && !r.classList.contains('eg-placeholder')); }",
        timeout=30_000,
    )
    assert int(grid.get_attribute("data-loaded") or 0) < lines / 2
    # Each row placed by the jump is the file line its index says (line = row index + 1, after the header).
    placed = grid.evaluate(
        "(el) => [...el.querySelectorAll('[role=row][aria-rowindex]:not(.eg-placeholder)')].slice(1)"
        ".map((r) => [r.getAttribute('aria-rowindex'), r.querySelector('[role=gridcell]').textContent])"
    )
    assert placed and all(index == text for index, text in placed), placed

    # The keyboard scrolls the grid (it takes the focus); End reaches the last line by a jump.
    grid.focus()
    page.keyboard.press("End")
    page.wait_for_function(
        "() => { const el = document.querySelector('[role=grid]');"
        " return el.scrollTop + el.clientHeight >= el.scrollHeight - 2; }"
    )
    last = grid.locator(f'[role="row"][aria-rowindex="{lines + 1}"]')
    expect(last).not_to_have_class(re.compile("eg-placeholder"), timeout=60_000)
    expect(last.get_by_role("gridcell").first).to_have_text(str(lines + 1))  # its line in the file
    assert (
        int(grid.get_attribute("data-loaded") or 0) < lines
    )  # the page at the end, not every page before it
    assert grid.locator('[role="row"]').count() < 100
    page.keyboard.press("PageUp")
    expect(grid.locator(f'[role="row"][aria-rowindex="{lines + 1}"]')).to_have_count(0)  # scrolled up
    settle(page)  # keyboard scrolling is animated: one key at a time
    page.keyboard.press("Home")
    expect(grid.locator('[role="row"][aria-rowindex="2"]')).to_be_visible()


def settle(page: Page) -> None:
    """Wait until the grid's scroll position holds still for 10 frames (at most 10 s)."""
    page.evaluate(
        """() => new Promise((resolve) => {
          const el = document.querySelector('[role=grid]');
          let last = el.scrollTop, still = 0, frames = 0;
          const check = () => {
            still = el.scrollTop === last ? still + 1 : 0;
            last = el.scrollTop;
            if (still >= 10 || ++frames > 600) resolve(still >= 10);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        })"""
    )


def test_english(admin_page: Page, live: Live, company: str) -> None:
    page = admin_page
    data = fec_file(7, uuid.uuid4().int % 99_999)
    debit, _ = fec_totals(data)
    batch = live.upload(company, f"english_{uuid.uuid4().hex[:8]}.txt", data)
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})

    ConsolePage.goto(page, company)
    page.get_by_label("Langue").select_option("en")
    expect(page.get_by_role("heading", level=1, name="Partner imports")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    row = page.locator(f'tbody tr[data-batch-id="{batch["id"]}"]')
    expect(row.get_by_test_id("status")).to_have_text("Pending validation")
    expect(page.get_by_role("toolbar", name="Actions").get_by_role("button", name="Validate")).to_be_visible()

    page.goto(f"/c/{company}/imports/detail?ids={batch['id']}")
    expect(page.get_by_role("heading", level=1, name="Entry detail")).to_be_visible()
    expect(page.get_by_test_id("total-debit")).to_have_text(f"{debit:,.2f}")  # 1,138.50
    # The choice is kept: French again only when asked.
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Entry detail")).to_be_visible()
    page.get_by_label("Language").select_option("fr")
    expect(page.get_by_role("heading", level=1, name="Détail des écritures")).to_be_visible()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("gap", [False, True], ids=["every-line", "blank-line"])
def test_an_error_leads_to_its_line_in_the_grid(
    admin_page: Page, live: Live, company: str, gap: bool
) -> None:
    """From the error list, a refused entry's line is one click away: the entries tab opens on it, marked,
    far down a batch as at its top, whether rows map to file lines or not."""
    entries = 1_200  # 3,600 lines: the spoiled entry is in the eighth page of 500
    text = fec_file(entries, uuid.uuid4().int % 99_999).decode("utf-8").split("\r\n")
    spoiled = 3_300  # a line of the file (the header is line 1): its entry's credit off by one cent
    fields = text[spoiled - 1].split("\t")
    amount_at = 11 if fields[11] not in ("", "0,00") else 12
    fields[amount_at] = f"{fields[amount_at][:-1]}{(int(fields[amount_at][-1]) + 1) % 10}"
    text[spoiled - 1] = "\t".join(fields)
    if gap:  # a blank line early on: rows no longer map to file lines, the page asked says where it lands
        text.insert(5, "")
        spoiled += 1
    batch = live.upload(company, f"far_{uuid.uuid4().hex[:8]}.txt", "\r\n".join(text).encode())
    live.wait_status(batch["id"], {"FINISHED_WITH_ERROR"})
    page = admin_page
    page.goto(f"/c/{company}/imports/detail?ids={batch['id']}")
    DetailPage(page).wait_loaded()
    page.get_by_role("tab", name="Erreurs", exact=False).click()
    row = page.locator("table.errors-table tbody tr").filter(has_text="UNBALANCED_ENTRY")
    expect(row).to_have_count(1)
    button = row.get_by_role("button", name=re.compile(r"^Voir la ligne \d+ dans les écritures$"))
    first_line = int(button.inner_text())
    assert spoiled - 2 <= first_line <= spoiled
    button.click()
    expect(page.get_by_role("tab", name="Écritures", exact=True)).to_have_attribute("aria-selected", "true")
    target = page.get_by_role("grid").locator('[role="row"][aria-current="true"]')
    expect(target).to_be_visible(timeout=30_000)
    expect(target.get_by_role("gridcell").first).to_have_text(str(first_line))
    expect(target).to_have_class(re.compile("eg-refused"))


def test_a_search_within_the_entries(admin_page: Page, live: Live, company: str) -> None:
    """The search above the grid keeps the lines that match (an account's beginning, an amount typed the
    French way); Escape shows every line again."""
    data = fec_file(40, uuid.uuid4().int % 99_999)
    batch = live.upload(company, f"search_{uuid.uuid4().hex[:8]}.txt", data)
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})
    page = admin_page
    page.goto(f"/c/{company}/imports/detail?ids={batch['id']}")
    detail = DetailPage(page)
    detail.wait_loaded()
    grid = detail.grid()
    expect(grid).to_have_attribute("aria-rowcount", str(40 * 3 + 1))
    search = page.get_by_role("search", name="Rechercher dans les écritures")
    search.get_by_label("Compte (début)").fill("4457")
    search.get_by_label("Compte (début)").press("Enter")
    vat = [ln for ln in data.decode("utf-8").splitlines()[1:] if ln.split("\t")[4].startswith("4457")]
    expect(grid).to_have_attribute("aria-rowcount", str(len(vat) + 1))
    accounts = grid.locator('[role="row"]:not(.eg-placeholder) [role="gridcell"][aria-colindex="5"]')
    expect(accounts.first).to_have_text(re.compile(r"^4457"))
    assert all(a.startswith("4457") for a in accounts.all_inner_texts())
    # An amount typed as the user writes it: 1 234,50 → the lines with that debit or credit.
    first = data.decode("utf-8").splitlines()[1].split("\t")
    amount = first[11] if first[11] not in ("", "0,00") else first[12]
    search.get_by_label("Compte (début)").fill("")
    search.get_by_label("Montant").fill(amount)
    search.get_by_role("button", name="Rechercher").click()
    expect(grid.locator('[role="row"]:not(.eg-placeholder)[aria-rowindex="2"]')).to_be_visible()
    expect(grid).not_to_have_attribute("aria-rowcount", str(40 * 3 + 1))
    search.get_by_label("Montant").press("Escape")
    expect(grid).to_have_attribute("aria-rowcount", str(40 * 3 + 1))


def test_valider_and_rejeter_from_the_entry_detail(admin_page: Page, live: Live, company: str) -> None:
    """The entry detail decides like the console: Rejeter asks first (the file and its entries named, « Non »
    focused, Enter twice does not reject), then the batch is rejected; Valider opens the history on it."""
    page = admin_page
    names = [f"decide_{uuid.uuid4().hex[:8]}.txt" for _ in range(2)]
    batches = [live.upload(company, n, fec_file(4, uuid.uuid4().int % 99_999)) for n in names]
    for b in batches:
        live.wait_status(b["id"], {"PENDING_VALIDATION"})
    page.goto(f"/c/{company}/imports/detail?ids={batches[0]['id']}")
    DetailPage(page).wait_loaded()
    actions = page.get_by_role("toolbar", name="Actions")
    actions.get_by_role("button", name="Rejeter", exact=True).click()
    dialog = page.get_by_test_id("confirm-reject")
    expect(dialog).to_contain_text(names[0])
    expect(dialog).to_contain_text("4 écritures")
    expect(dialog.get_by_role("button", name="Non")).to_be_focused()
    page.keyboard.press("Enter")  # « Non »: the question closes…
    expect(dialog).to_be_hidden()
    page.keyboard.press("Enter")  # …and Rejeter, focused again, asks it again
    expect(dialog.get_by_role("button", name="Non")).to_be_focused()
    assert live.batch(batches[0]["id"])["status"] == "PENDING_VALIDATION"
    dialog.get_by_role("button", name="Oui").click()
    expect(page.get_by_test_id("reject-done")).to_be_visible()
    live.wait_status(batches[0]["id"], {"REJECTED"})
    page.get_by_test_id("reject-done").get_by_role("button", name="OK").click()
    expect(actions.get_by_role("button", name="Rejeter", exact=True)).to_have_attribute(
        "aria-disabled", "true"
    )

    page.goto(f"/c/{company}/imports/detail?ids={batches[1]['id']}")
    DetailPage(page).wait_loaded()
    actions.get_by_role("button", name="Valider", exact=True).click()
    page.get_by_test_id("confirm-validate").get_by_role("button", name="Oui").click()
    expect(page).to_have_url(re.compile(rf"/history\?highlight={batches[1]['id']}$"))
    live.wait_status(batches[1]["id"], {"SUCCEEDED"})
