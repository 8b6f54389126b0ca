"""Every screen of the web app, as each role that sees it, checked by axe-core: no serious or critical
violation, in French and (the login, the console and its filters, a batch's errors) in English too. A file's
own errors are also seen at 200 % zoom, where their list scrolls.

The screens show a company of their own, made once for the module: a fiscal year, an import validated (the
books have entries), one waiting, one with errors, a custom layout, and the demo's four users as members.
One logged-in page per role serves every screen; the company is archived at the end."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible, require_axe
from tests.e2e.conftest import VIEWPORT
from tests.e2e.harness import EMAILS, PASSWORD, Live, fec_file
from tests.e2e.pages.app import CompanyPicker, DetailPage, LoginPage, Notifications, open_company

CREATE_COMPANY = (
    "mutation($name: String!) { createCompany(input: {name: $name}) { company { id } errors { code } } }"
)
OPEN_YEAR = (
    "mutation($c: ID!, $s: Date!) { openFiscalYear(companyId: $c, startDate: $s) { errors { code } } }"
)
MEMBER = (
    "mutation($c: ID!, $r: Role!, $e: String!) "
    "{ setMembership(companyId: $c, role: $r, email: $e) { errors { code } } }"
)
VALIDATE = "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }"
LAYOUT = (
    "mutation($c: ID!, $n: String!, $d: JSON!) { createImportLayout(companyId: $c, name: $n, definition: $d) "
    "{ layout { id } errors { code } } }"
)
ARCHIVE = "mutation($id: ID!) { archiveCompany(id: $id) { errors { code } } }"
CSV_LAYOUT = {"separator": ";", "columns": {"journal": 1, "date": 2, "account": 3, "debit": 4, "credit": 5}}


@dataclass(frozen=True)
class World:
    company: str
    name: str
    errors_batch: str  # finished with errors (2 unbalanced entries)
    failed_batch: str  # an unreadable file
    pending_batch: str  # waiting for a decision
    layout: str
    layout_name: str


@pytest.fixture(scope="module")
def world(live: Live) -> Iterator[World]:
    require_axe()
    tag = uuid.uuid4().hex[:6]
    name = f"Accessibilité {tag}"
    made = live.gql(CREATE_COMPANY, {"name": name})["createCompany"]
    assert not made["errors"], made
    company = str(made["company"]["id"])
    try:
        assert not live.gql(OPEN_YEAR, {"c": company, "s": f"{date.today().year}-01-01"})["openFiscalYear"][
            "errors"
        ]
        for role in ("viewer", "client", "collaborator"):
            done = live.gql(MEMBER, {"c": company, "r": role.upper(), "e": EMAILS[role]})["setMembership"]
            assert not done["errors"], done
        seed = uuid.uuid4().int % 99_999
        posted = live.upload(company, f"posted_{tag}.txt", fec_file(8, seed))
        pending = live.upload(company, f"pending_{tag}.txt", fec_file(5, seed + 1))
        errors = live.upload(company, f"errors_{tag}.txt", fec_file(6, seed + 2, unbalanced=2))
        failed = live.upload(company, f"unreadable_{tag}.bin", b"\x00\x01 not an accounting file \xff" * 10)
        live.wait_status(posted["id"], {"PENDING_VALIDATION"})
        assert not live.gql(VALIDATE, {"id": posted["id"]})["validateImport"]["errors"]
        live.wait_status(posted["id"], {"SUCCEEDED"})
        live.wait_status(pending["id"], {"PENDING_VALIDATION"})
        live.wait_status(errors["id"], {"FINISHED_WITH_ERROR"})
        live.wait_status(failed["id"], {"FAILED"})
        layout = live.gql(LAYOUT, {"c": company, "n": f"Caisse {tag}", "d": CSV_LAYOUT})["createImportLayout"]
        assert not layout["errors"], layout
        yield World(
            company, name, errors["id"], failed["id"], pending["id"], layout["layout"]["id"], f"Caisse {tag}"
        )
    finally:
        live.gql(ARCHIVE, {"id": company})


@dataclass
class RolePage:
    page: Page
    errors: list[str]


@pytest.fixture(scope="module")
def pages(browser: Any, live: Live, world: World) -> Iterator[Callable[[str], RolePage]]:
    """`pages("viewer")`, `pages("admin/en")`, `pages("anonymous")`: one page per role and language for the
    whole module (logged in once), in French unless the key ends in /en."""
    made: dict[str, RolePage] = {}
    contexts: list[Any] = []

    def get(key: str) -> RolePage:
        if key not in made:
            role, _, lang = key.partition("/")
            context = browser.new_context(
                base_url=live.url, viewport=VIEWPORT, locale="fr-FR", timezone_id="Europe/Paris"
            )
            context.set_default_timeout(20_000)
            contexts.append(context)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            if role != "anonymous":
                LoginPage(page).login(EMAILS[role], PASSWORD)
            if lang:  # the app's own choice, kept in the browser (as its language menu does)
                context.add_init_script(f"localStorage.setItem('ecluse.lang', '{lang}')")
            made[key] = RolePage(page, errors)
        return made[key]

    expect.set_options(timeout=20_000)
    try:
        yield get
    finally:
        for context in contexts:
            context.close()


# Each screen: how to reach it from anywhere (a page load) and what says it is ready, in that page's language.
Show = Callable[[Page, World, bool], None]


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1, name=text, exact=True)).to_be_visible()


def settled(page: Page) -> None:
    """Nothing on the page says it is still loading."""
    expect(page.locator('[aria-busy="true"]')).to_have_count(0)


def visit(path: str, title: str) -> Show:
    """A page of its own: `{c}` in the path stands for the company."""

    def show(page: Page, world: World, english: bool) -> None:
        page.goto(path.format(c=world.company))
        heading(page, title)
        settled(page)

    return show


def login(page: Page, world: World, english: bool) -> None:
    page.goto("/")
    heading(page, "Sign in" if english else "Connexion")


def set_password(page: Page, world: World, english: bool) -> None:
    page.goto("/password?token=not-a-real-token")
    heading(page, "Choose your password" if english else "Choisir votre mot de passe")


def picker(page: Page, world: World, english: bool) -> None:
    page.goto("/")
    heading(page, "Choisir un dossier")
    settled(page)


def open_prompt(page: Page, world: World, english: bool) -> None:
    picker(page, world, english)
    CompanyPicker(page).open(world.name)
    expect(CompanyPicker(page).prompt()).to_be_visible()


def dashboard(page: Page, world: World, english: bool) -> None:
    open_company(page, world.company, english=english)  # the prompt, if it comes, answered (checked apart)
    heading(page, world.name)
    settled(page)


def console(page: Page, world: World, english: bool) -> None:
    page.goto(f"/c/{world.company}/imports")
    heading(page, "Partner imports" if english else "Imports partenaires")
    expect(page.locator("tbody tr[data-batch-id]")).to_have_count(3)  # waiting, with errors, unreadable
    settled(page)


def console_filters(page: Page, world: World, english: bool) -> None:
    console(page, world, english)
    page.get_by_role("button", name=re.compile("^(Filtres|Filters)")).click()
    expect(page.get_by_role("form", name=re.compile("^(Filtres|Filters)$"))).to_be_visible()


def console_file_chosen(page: Page, world: World, english: bool) -> None:
    console(page, world, english)
    page.get_by_test_id("file-input").set_input_files(
        files=[{"name": "ventes.txt", "mimeType": "text/plain", "buffer": fec_file(2, 7)}]
    )
    expect(page.get_by_test_id("chosen-file")).to_contain_text("ventes.txt")


def detail(page: Page, world: World, batch: str, english: bool) -> None:
    page.goto(f"/c/{world.company}/imports/detail?ids={batch}")
    heading(page, "Entry detail" if english else "Détail des écritures")


def detail_entries(page: Page, world: World, english: bool) -> None:
    detail(page, world, world.errors_batch, english)
    expect(DetailPage(page).body_rows().first).to_be_visible()
    settled(page)


def detail_errors(page: Page, world: World, english: bool) -> None:
    detail(page, world, world.errors_batch, english)
    page.get_by_role("tab", name=re.compile("^(Erreurs|Errors)")).click()
    expect(page.locator("table.errors-table tbody tr").filter(has_text="UNBALANCED_ENTRY")).to_have_count(2)
    settled(page)


def failed_errors(page: Page, world: World, english: bool) -> None:
    detail(page, world, world.failed_batch, english)  # opens on its errors
    expect(page.locator("table.errors-table tbody tr").filter(has_text="BINARY_FILE")).to_have_count(1)
    settled(page)


def failed_errors_zoomed(page: Page, world: World, english: bool) -> None:
    """The laptop at 200 % zoom (683 × 384 CSS pixels): the list of a file's own errors scrolls."""
    page.set_viewport_size({"width": VIEWPORT["width"] // 2, "height": VIEWPORT["height"] // 2})
    failed_errors(page, world, english)


def reject_dialog(page: Page, world: World, english: bool) -> None:
    detail(page, world, world.pending_batch, english)
    page.get_by_role("toolbar", name="Actions").get_by_role("button", name="Rejeter", exact=True).click()
    dialog = page.get_by_test_id("confirm-reject")
    expect(dialog.get_by_role("button", name="Non")).to_be_focused()


def layout_editor(page: Page, world: World, english: bool) -> None:
    page.goto(f"/c/{world.company}/settings/layouts/{world.layout}")
    heading(page, f"Modèle « {world.layout_name} »")
    settled(page)


def layout_preview(page: Page, world: World, english: bool) -> None:
    layout_editor(page, world, english)
    sample = "".join(f"VT;{d:02d}/03/{date.today().year};706000;;1{d},00\n" for d in range(1, 9))
    page.get_by_test_id("file-input").set_input_files(
        files=[{"name": "caisse.csv", "mimeType": "text/csv", "buffer": sample.encode()}]
    )
    expect(page.get_by_test_id("preview")).to_have_attribute(
        "data-state", re.compile("^(ready|refused|failed)$")
    )
    settled(page)


def ledger(page: Page, world: World, english: bool) -> None:
    page.goto(f"/c/{world.company}/books/ledger?account=411000")
    heading(page, "Grand livre d'un compte")
    expect(
        page.get_by_test_id("ledger").get_by_role("heading", name=re.compile("^Compte 411000"))
    ).to_be_visible()
    settled(page)


def main_menu(page: Page, world: World, english: bool) -> None:
    dashboard(page, world, english)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    expect(menu.get_by_role("link", name="Imports partenaires")).to_be_visible()


def user_menu(page: Page, world: World, english: bool) -> None:
    dashboard(page, world, english)
    page.get_by_role("button", name=re.compile("^Compte de ")).click()
    expect(page.get_by_role("button", name="Changer mon mot de passe")).to_be_visible()


def change_password(page: Page, world: World, english: bool) -> None:
    user_menu(page, world, english)
    page.get_by_role("button", name="Changer mon mot de passe").click()
    expect(page.get_by_role("dialog")).to_be_visible()


def new_form(path: str, title: str, button: str) -> Show:
    def show(page: Page, world: World, english: bool) -> None:
        visit(path, title)(page, world, english)
        page.get_by_role("button", name=button, exact=True).click()
        expect(page.get_by_role("form")).to_be_visible()

    return show


def notifications(page: Page, world: World, english: bool) -> None:
    dashboard(page, world, english)
    expect(Notifications(page).open().get_by_role("listitem").first).to_be_visible()


ADMIN = ("admin",)
SCREENS: dict[str, tuple[Show, tuple[str, ...]]] = {
    "login": (login, ("anonymous", "anonymous/en")),
    "set-password": (set_password, ("anonymous",)),
    "company-picker": (picker, ("admin", "viewer")),
    "open-prompt": (open_prompt, ADMIN),
    "dashboard": (dashboard, ("admin", "viewer")),
    "console": (console, ("admin", "collaborator", "client", "viewer", "admin/en")),
    "console-filters": (console_filters, ("admin", "admin/en")),
    "console-file-chosen": (console_file_chosen, ("admin", "client")),
    "history": (visit("/c/{c}/history", "Historique des imports"), ("admin", "viewer")),
    "detail-entries": (detail_entries, ("admin", "viewer")),
    "detail-errors": (detail_errors, ("admin", "viewer", "admin/en")),
    "failed-errors": (failed_errors, ("admin",)),
    "failed-errors-zoomed": (failed_errors_zoomed, ("viewer",)),
    "reject-dialog": (reject_dialog, ADMIN),
    "layouts": (
        visit("/c/{c}/settings/layouts", "Modèles d'import personnalisés"),
        ("collaborator", "viewer"),
    ),
    "layout-new": (visit("/c/{c}/settings/layouts/new", "Nouveau modèle d'import"), ("collaborator",)),
    "layout-editor": (layout_editor, ("collaborator", "viewer")),
    "layout-preview": (layout_preview, ("collaborator",)),
    "chart": (visit("/c/{c}/books/chart", "Plan comptable et tiers"), ADMIN),
    "journals": (visit("/c/{c}/settings/journals", "Journaux"), ("admin", "viewer")),
    "entries": (visit("/c/{c}/books/entries", "Écritures comptabilisées"), ADMIN),
    "ledger": (ledger, ADMIN),
    "trial-balance": (visit("/c/{c}/books/balance", "Balance générale"), ADMIN),
    "fiscal-years": (visit("/c/{c}/settings/years", "Exercices"), ("admin", "viewer")),
    "fec-export": (visit("/c/{c}/exports/fec", "Export FEC"), ADMIN),
    "company-details": (
        visit("/c/{c}/settings/company", "Informations du dossier"),
        ("admin", "collaborator"),
    ),
    "members": (visit("/c/{c}/settings/people", "Membres du dossier"), ADMIN),
    "api-keys": (visit("/c/{c}/settings/api-keys", "Clés d'API"), ADMIN),
    "users-admin": (visit("/admin/users", "Utilisateurs du cabinet"), ADMIN),
    "companies-admin": (visit("/admin/companies", "Dossiers du cabinet"), ADMIN),
    "company-form": (new_form("/admin/companies", "Dossiers du cabinet", "Nouveau dossier"), ADMIN),
    "user-form": (new_form("/admin/users", "Utilisateurs du cabinet", "Nouvel utilisateur"), ADMIN),
    "main-menu": (main_menu, ("admin", "viewer")),
    "user-menu": (user_menu, ADMIN),
    "change-password": (change_password, ADMIN),
    "notifications": (notifications, ADMIN),
}
CASES = [
    pytest.param(screen, key, id=f"{screen}-{key}") for screen, (_, keys) in SCREENS.items() for key in keys
]


@pytest.mark.parametrize(("screen", "key"), CASES)
def test_no_serious_accessibility_violation(
    pages: Callable[[str], RolePage], world: World, screen: str, key: str
) -> None:
    role_page = pages(key)
    role_page.page.set_viewport_size(VIEWPORT)
    show, _ = SCREENS[screen]
    show(role_page.page, world, key.endswith("/en"))
    assert_accessible(role_page.page, f"{screen} as {key}")
    errors, role_page.errors[:] = list(role_page.errors), []
    assert not errors, f"JavaScript errors in the page: {errors}"


def test_a_violation_is_reported_with_its_rule_and_element(
    pages: Callable[[str], RolePage], world: World
) -> None:
    """The check sees what axe-core sees in the app's page (its Content-Security-Policy included) and says
    which rule failed on which element: here a button with no name, added to the login page."""
    page = pages("anonymous").page
    login(page, world, english=False)
    page.evaluate(
        "() => { const b = document.createElement('button'); b.id = 'nameless'; document.body.append(b); }"
    )
    with pytest.raises(AssertionError, match=r"button-name \(critical\): .*\n +#nameless: "):
        assert_accessible(page, "login")
