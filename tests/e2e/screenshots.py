"""Screenshots of the web app for the README, against a live `ecluse serve` with the demo firm, in Debian's
Chromium. Not a test (a test run leaves the tree clean): run it by hand from the repository's root, after
`./scripts/frontend`, and commit what it writes:

    .venv/bin/python -m tests.e2e.screenshots [--out docs/screenshots]

- `console-1280.png`: the partner imports console at 1280 × 800, in French, with the demo's imports and one
  file with refused entries;
- `errors-fr.png`: that file's error list, in French (each error worded from its code and parameters, dates
  and amounts in the French form);
- `console-800.png`: the console at 800 px wide.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from tests.e2e.harness import (
    EMAILS,
    PASSWORD,
    ROOT,
    fec_file,
    launch_browser,
    live_server,
    missing_prerequisite,
)
from tests.e2e.pages.app import LIVE_TIMEOUT, ConsolePage, LoginPage


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    why = missing_prerequisite()
    if why is not None:
        raise SystemExit(f"screenshots: {why}")
    args.out.mkdir(parents=True, exist_ok=True)
    with live_server() as live, sync_playwright() as playwright:
        company = live.company_id()
        # A file whose entries 1 and 2 are unbalanced: refused, with their errors; the rest staged.
        batch = live.upload(company, "123456782FEC20261231.txt", fec_file(40, seed=11, unbalanced=2))
        live.wait_status(batch["id"], {"FINISHED_WITH_ERROR"})
        browser = launch_browser(playwright)
        try:
            context = browser.new_context(
                base_url=live.url, viewport={"width": 1280, "height": 800}, locale="fr-FR"
            )
            page = context.new_page()
            page.set_default_timeout(LIVE_TIMEOUT)
            LoginPage(page).login(EMAILS["admin"], PASSWORD)
            console = ConsolePage.goto(page, company)
            expect(console.row_by_id(batch["id"])).to_be_visible()
            page.screenshot(path=str(args.out / "console-1280.png"))
            page.set_viewport_size({"width": 800, "height": 800})
            page.screenshot(path=str(args.out / "console-800.png"))
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(f"/c/{company}/imports/detail?ids={batch['id']}")
            page.get_by_role("tab", name="Erreurs", exact=False).click()
            expect(page.locator("table.errors-table tbody tr").first).to_be_visible()
            page.screenshot(path=str(args.out / "errors-fr.png"))
        finally:
            browser.close()
    for name in ("console-1280.png", "console-800.png", "errors-fr.png"):
        print(args.out / name)


if __name__ == "__main__":
    main()
