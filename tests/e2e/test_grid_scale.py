"""The entry grid at the scale of the biggest files: 1,000,000 and 10,000,000 lines. The API's grid pages are made up in the
browser's network layer (a real batch of that size takes minutes to stage), so what is tested is the grid
itself: line numbers of 8 digits shown whole, the end of the batch reached from the keyboard with its last line
at the bottom, rows in order and never on top of each other, though the browser cannot draw 300M px."""

from __future__ import annotations

import itertools
import json
import uuid
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.harness import Live, fec_file
from tests.e2e.pages.app import DetailPage

COLUMNS = [
    "line", "journal", "date", "piece", "account", "accountLabel", "thirdParty", "thirdPartyName", "reference",
    "label", "debit", "credit", "lettering", "analytic", "dueDate", "currency", "currencyAmount",
]  # fmt: skip


def grid_page(variables: dict[str, Any], total: int) -> dict[str, Any]:
    """A page as `importBatch.grid` answers it, every file line staged (lines 1 to `total`)."""
    after = variables.get("after")
    start = int(after) + 1 if after else int(variables.get("fromLine") or 1)
    end = min(total, start + int(variables["first"]) - 1)
    rows = [
        [n, "VT", "2026-03-01", f"P{n}", "706000", "Ventes", None, None, f"R{n}", f"Ligne {n}", "10.00", "0.00", "",
         "", None, "", None]
        for n in range(start, end + 1)
    ]  # fmt: skip
    grid: dict[str, Any] = {
        "pageInfo": {"hasNextPage": end < total, "endCursor": str(end) if rows else None},
        "columns": COLUMNS,
        "rows": rows,
        "refused": [],
    }
    if variables.get("withCount"):
        grid |= {"totalCount": total, "refusedCount": 0}
    if variables.get("withPosition"):
        grid["position"] = start - 1
    return {"data": {"importBatch": {"id": variables["id"], "grid": grid}}}


def assert_in_order(rows: list[tuple[int, float]]) -> None:
    """Each line right after the one before, one row's height (30 px) below it."""
    for (a, ya), (b, yb) in itertools.pairwise(rows):
        assert b == a + 1 and abs((yb - ya) - 30) < 0.6, f"lines {a} and {b} are {yb - ya} px apart"


@pytest.mark.parametrize("total", [1_000_000, 10_000_000])
def test_the_biggest_batches_fit_and_end_in_order(
    admin_page: Page, live: Live, company: str, total: int
) -> None:
    batch = live.upload(company, f"grand_{uuid.uuid4().hex[:8]}.txt", fec_file(2, 11))
    live.wait_status(batch["id"], {"PENDING_VALIDATION"})
    page = admin_page

    def answer(route: Route) -> None:
        body = json.loads(route.request.post_data or "{}")
        if "query BatchGrid" not in body.get("query", ""):
            route.continue_()
            return
        route.fulfill(
            status=200, content_type="application/json", body=json.dumps(grid_page(body["variables"], total))
        )

    page.route("**/graphql", answer)
    page.goto(f"/c/{company}/imports/detail?ids={batch['id']}")
    detail = DetailPage(page)
    detail.wait_loaded()
    grid = detail.grid()
    expect(grid).to_have_attribute("aria-rowcount", str(total + 1))
    height = grid.evaluate("(el) => el.querySelector('.eg-body').getBoundingClientRect().height")
    assert height <= 16_000_000, f"a body of {height} px: the browser cannot draw it"

    # The end, from the keyboard: the last line at the bottom, whole, after the one before it.
    grid.focus()
    page.keyboard.press("End")
    last = grid.locator(".eg-row:not(.eg-placeholder)").filter(
        has=page.locator(".eg-line", has_text=str(total))
    )
    expect(last).to_be_visible(timeout=20_000)
    cell = last.locator(".eg-line")
    assert cell.evaluate("(el) => el.scrollWidth <= el.clientWidth"), "the line number is cut"
    frame = grid.bounding_box()
    box = last.bounding_box()
    assert frame and box and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1, (box, frame)
    assert frame["y"] + frame["height"] - (box["y"] + box["height"]) < 40, (
        "the last line is not at the bottom"
    )

    def rows_in_view() -> list[tuple[int, float]]:
        got = grid.evaluate(
            "(el) => [...el.querySelectorAll('.eg-body .eg-row')].map((r) => [r.querySelector('.eg-line').textContent,"
            " r.getBoundingClientRect().top]).filter(([t]) => t !== '')"
        )
        return sorted((int(t), y) for t, y in got)

    rows = rows_in_view()
    assert rows[-1][0] == total
    assert_in_order(rows)

    # Up a page from the end: the lines just before, still in order and 30 px apart (the bar is scaled; the
    # keys move the list as in a short one).
    page.keyboard.press("PageUp")
    page.wait_for_timeout(300)
    expect(grid.locator(".eg-row.eg-placeholder")).to_have_count(0, timeout=20_000)
    rows = rows_in_view()
    assert total - 40 <= rows[-1][0] < total, rows[-1]
    assert_in_order(rows)
