"""End-to-end fixtures: a live `ecluse serve` on a fresh SQLite database with the demo firm, Debian's
Chromium driven by Playwright, and logged-in pages per role.

Skipped (with the reason) when Chromium or the web app's build is missing, except under CI=true where that
is a failure; skipped on the PostgreSQL pass (the browser suite runs once, in the SQLite pass)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.e2e.harness import EMAILS, PASSWORD, Live, launch_browser, live_server, missing_prerequisite
from tests.e2e.pages.app import LoginPage

VIEWPORT = {"width": 1366, "height": 768}  # a laptop screen


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="package")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    if os.environ.get("ECLUSE_TEST_BACKEND", "sqlite") == "postgres":
        pytest.skip("the browser suite runs once, in the SQLite pass")
    reason = missing_prerequisite()
    if reason:
        _unavailable(reason)
    with live_server(tmp_path_factory.mktemp("e2e")) as server:
        yield server


@pytest.fixture(scope="package")
def browser(live: Live) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def company(live: Live) -> str:
    """The demo company with imports waiting (Boulangerie Martin SARL)."""
    return live.company_id(0)


@pytest.fixture
def open_page(browser: Any, live: Live) -> Iterator[Callable[..., Any]]:
    """`open_page(role)`: a new browser context (its own cookies), logged in as that demo user."""
    from playwright.sync_api import expect

    contexts: list[Any] = []
    errors: list[str] = []
    expect.set_options(timeout=20_000)

    def make(role: str = "admin", *, login: bool = True) -> Any:
        context = browser.new_context(
            base_url=live.url, viewport=VIEWPORT, locale="fr-FR", timezone_id="Europe/Paris"
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(f"{role}: {exc}"))
        if login:
            LoginPage(page).login(EMAILS[role], PASSWORD)
        return page

    try:
        yield make
    finally:
        for context in contexts:
            context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


@pytest.fixture
def admin_page(open_page: Callable[..., Any]) -> Any:
    return open_page("admin")
