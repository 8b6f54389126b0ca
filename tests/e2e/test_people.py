"""People, passwords and API keys in a real browser. The demo admin (a firm administrator) creates a
collaborator of one company and reads the one-time link (shown once); logged out, the link opens the page
that sets a password: a weak one is refused in French, a strong one kept; the collaborator logs in and sees
that company alone. Deactivated by the admin (the confirmation names them, Cancel has the focus), their
session ends and their login is refused. A company's admin gives someone a role by email, changes it and
takes it away; a user changes their own password from the user menu; an API key is created (the key shown
once), used, and revoked. A collaborator gets neither the members page nor the API keys page.

Every person a test creates has a unique email; at the end they lose their roles and are deactivated, so
the other tests see the demo's companies and members as they were."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.harness import Live, screenshot
from tests.e2e.pages.app import LoginPage, open_company

STRONG = "Quatre chevaux sur la digue!"
CREATE_USER = """
mutation($input: UserInput!, $roles: [RoleInput!]) {
  createUser(input: $input, roles: $roles) { user { id } passwordToken errors { code } }
}"""
SET_PASSWORD = (
    "mutation($t: String!, $p: String!) { setPassword(token: $t, password: $p) { ok errors { code } } }"
)
USERS = "{ users { id email active roles { companyId } } }"
REMOVE = "mutation($c: ID!, $u: ID!) { removeMembership(companyId: $c, userId: $u) { errors { code } } }"
DEACTIVATE = "mutation($id: ID!) { deactivateUser(id: $id) { errors { code } } }"


@pytest.fixture
def people(live: Live) -> Iterator[list[str]]:
    """Emails of the people a test creates: their roles taken away and their account deactivated at the end."""
    emails: list[str] = []
    yield emails
    for user in live.gql(USERS)["users"]:
        if user["email"] in emails:
            for role in user["roles"]:
                live.gql(REMOVE, {"c": role["companyId"], "u": user["id"]})
            if user["active"]:
                live.gql(DEACTIVATE, {"id": user["id"]})


def unique(prefix: str) -> tuple[str, str]:
    """(email, name) nobody else has."""
    tag = uuid.uuid4().hex[:6]
    return f"{prefix}-{tag}@people.e2e.test", f"{prefix.capitalize()} {tag}"


def create_with_password(live: Live, email: str, name: str, roles: list[dict[str, str]] | None = None) -> str:
    """A user created and their password set over the API: their id."""
    body = live.gql(CREATE_USER, {"input": {"email": email, "name": name}, "roles": roles})["createUser"]
    assert not body["errors"], body
    done = live.gql(SET_PASSWORD, {"t": body["passwordToken"], "p": STRONG})["setPassword"]
    assert done["ok"], done
    return str(body["user"]["id"])


def users_page(page: Page) -> Locator:
    page.get_by_role("banner").get_by_role("link", name="Administration").click()
    page.get_by_role("navigation", name="Pages d'administration").get_by_role(
        "link", name="Utilisateurs"
    ).click()
    expect(page.get_by_role("heading", level=1, name="Utilisateurs du cabinet")).to_be_visible()
    table = page.get_by_test_id("users")
    expect(table).not_to_have_attribute("aria-busy", "true")
    return table


def row(page: Page, table: Locator, name: str) -> Locator:
    return table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def settings_link(page: Page, company: str, name: str) -> Locator:
    open_company(page, company)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Comptabilité").click()
    return menu.get_by_role("link", name=name)


def test_a_new_collaborator_sets_a_password_logs_in_and_is_deactivated(
    open_page: Callable[..., Page], live: Live, people: list[str]
) -> None:
    company = live.company_name(0)
    email, name = unique("nina")
    people.append(email)

    # Created with a role in one company: the one-time link shown once, to copy.
    page = open_page("admin")
    table = users_page(page)
    page.get_by_role("button", name="Nouvel utilisateur").click()
    form = page.get_by_role("form", name="Utilisateur")
    expect(form.get_by_label("Adresse e-mail")).to_be_focused()
    form.get_by_label("Adresse e-mail").fill(email)
    form.get_by_label("Nom", exact=True).fill(name)
    expect(form.get_by_label("Langue")).to_have_value("fr")
    form.get_by_label(company).select_option(label="Collaborateur")
    form.get_by_role("button", name="Créer l'utilisateur").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"Utilisateur « {name} » créé.")
    panel = page.get_by_test_id("password-link")
    expect(panel.get_by_role("heading")).to_have_text(f"Lien de choix du mot de passe de {name}")
    expect(panel).to_contain_text("Valable 72 heures et affiché uniquement maintenant")
    field = panel.get_by_label("Lien à transmettre")
    expect(field).to_be_focused()
    link = field.input_value()
    assert re.fullmatch(rf"{re.escape(live.url)}/password\?token=[\w%-]+", link), link
    screenshot(page, "people-one-time-link")
    user = row(page, table, name)
    expect(user.get_by_test_id("status")).to_have_text("Actif")
    expect(user.get_by_test_id("roles")).to_have_text(f"{company} : Collaborateur")
    panel.get_by_role("button", name="C'est noté").click()
    expect(panel).to_have_count(0)

    # Logged out, the link opens the page that sets the password: a short one refused (in French).
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()
    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Choisir votre mot de passe")).to_be_visible()
    new = page.get_by_label("Nouveau mot de passe")
    new.fill("motdepasse")
    page.get_by_label("Confirmer le mot de passe").fill("motdepasse")
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(new).to_have_attribute("aria-invalid", "true")
    expect(new).to_have_accessible_description("Mot de passe trop court : au moins 12 caractères.")
    expect(new).to_be_focused()
    screenshot(page, "people-weak-password")
    # Two different passwords: said here, the server not asked.
    new.fill(STRONG)
    page.get_by_label("Confirmer le mot de passe").fill(STRONG + "?")
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(page.get_by_label("Confirmer le mot de passe")).to_have_accessible_description(
        "Les deux mots de passe ne sont pas identiques."
    )
    page.get_by_label("Confirmer le mot de passe").fill(STRONG)
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(page.get_by_role("status").filter(has_text="Votre mot de passe est enregistré")).to_be_visible()
    page.get_by_role("link", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()

    # The link is spent.
    page.goto(link)
    page.get_by_label("Nouveau mot de passe").fill(STRONG)
    page.get_by_label("Confirmer le mot de passe").fill(STRONG)
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(page.get_by_role("alert")).to_have_text(re.compile("Ce lien est inconnu, déjà utilisé ou expiré"))

    # Logged in, the collaborator sees that one company, and no administration.
    LoginPage(page).login(email, STRONG)
    expect(page.get_by_role("button", name=re.compile("^Ouvrir le dossier"))).to_have_count(1)
    expect(page.get_by_role("button", name=f"Ouvrir le dossier {company}")).to_contain_text("Collaborateur")
    expect(page.get_by_role("banner").get_by_role("link", name="Administration")).to_have_count(0)

    # Deactivated by the admin: the confirmation names them, Cancel has the focus.
    admin = open_page("admin")
    table = users_page(admin)
    deactivate = admin.get_by_role("button", name=f"Désactiver {name}", exact=True)
    deactivate.click()
    dialog = admin.get_by_role("alertdialog", name="Désactiver l'utilisateur")
    expect(dialog).to_contain_text(f"{name} ({email})")
    expect(dialog).to_contain_text("ses sessions ouvertes prennent fin immédiatement")
    expect(dialog.get_by_role("button", name="Annuler")).to_be_focused()
    screenshot(admin, "people-deactivate-confirm")
    admin.keyboard.press("Enter")  # on Cancel: nothing done
    expect(dialog).to_be_hidden()
    expect(row(admin, table, name).get_by_test_id("status")).to_have_text("Actif")
    deactivate.click()
    dialog.get_by_role("button", name="Désactiver").click()
    expect(admin.get_by_test_id("toasts")).to_contain_text(f"{name} est désactivé(e)")
    expect(row(admin, table, name).get_by_test_id("status")).to_have_text("Désactivé")

    # Their session has ended, and their login is refused.
    page.reload()
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(STRONG)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_have_text("Adresse e-mail ou mot de passe incorrect.")


def test_a_company_admin_gives_changes_and_takes_a_role_away(
    open_page: Callable[..., Page], live: Live, company: str, people: list[str]
) -> None:
    email, name = unique("paul")
    people.append(email)
    create_with_password(live, email, name)

    page = open_page("admin")
    settings_link(page, company, "Membres du dossier").click()
    expect(page.get_by_role("heading", level=1, name="Membres du dossier")).to_be_visible()
    table = page.get_by_test_id("members")
    expect(table).not_to_have_attribute("aria-busy", "true")
    expect(table).to_contain_text("collab@demo.ecluse.fr")

    # Someone without an account: said beside the email.
    add = page.get_by_role("form", name="Ajouter une personne")
    add.get_by_label("Adresse e-mail").fill(f"personne-{uuid.uuid4().hex[:6]}@people.e2e.test")
    add.get_by_role("button", name="Ajouter").click()
    expect(add.get_by_label("Adresse e-mail")).to_have_accessible_description(
        re.compile("Aucun utilisateur n'a cette adresse e-mail")
    )

    # Added by email as a viewer, made a client, then removed (the confirmation names them).
    add.get_by_label("Adresse e-mail").fill(email)
    add.get_by_label("Rôle").select_option(label="Lecteur")
    add.get_by_role("button", name="Ajouter").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"{name} a accès au dossier (Lecteur).")
    role = page.get_by_role("combobox", name=f"Rôle de {name}")
    expect(role).to_have_value("VIEWER")
    role.select_option(label="Client")
    expect(page.get_by_test_id("toasts")).to_contain_text(f"{name} : Client.")
    expect(role).to_have_value("CLIENT")
    screenshot(page, "people-members")
    page.get_by_role("button", name=f"Retirer {name} du dossier").click()
    dialog = page.get_by_role("alertdialog", name="Retirer du dossier")
    expect(dialog).to_contain_text(name)
    expect(dialog.get_by_role("button", name="Annuler")).to_be_focused()
    dialog.get_by_role("button", name="Retirer").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"{name} n'a plus accès au dossier.")
    expect(row(page, table, name)).to_have_count(0)


def test_a_user_changes_their_password_from_the_user_menu(
    open_page: Callable[..., Page], live: Live, company: str, people: list[str]
) -> None:
    email, name = unique("lea")
    people.append(email)
    create_with_password(live, email, name, [{"companyId": company, "role": "VIEWER"}])
    page = open_page(login=False)
    LoginPage(page).login(email, STRONG)

    page.get_by_role("button", name=f"Compte de {name}").click()
    page.get_by_role("button", name="Changer mon mot de passe").click()
    dialog = page.get_by_role("dialog", name="Changer mon mot de passe")
    current = dialog.get_by_label("Mot de passe actuel")
    expect(current).to_be_focused()
    current.fill("pas le bon mot de passe")
    dialog.get_by_label("Nouveau mot de passe").fill("Les écluses du canal ouvrent à l'aube")
    dialog.get_by_label("Confirmer le mot de passe").fill("Les écluses du canal ouvrent à l'aube")
    dialog.get_by_role("button", name="Changer le mot de passe").click()
    expect(current).to_have_accessible_description("Le mot de passe actuel est incorrect.")
    current.fill(STRONG)
    dialog.get_by_role("button", name="Changer le mot de passe").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(
        "Mot de passe changé. Vos autres sessions ont été déconnectées."
    )
    expect(dialog).to_be_hidden()

    page.get_by_role("button", name="Se déconnecter").click()
    LoginPage(page).login(email, "Les écluses du canal ouvrent à l'aube")


def test_an_api_key_is_shown_once_used_and_revoked(open_page: Callable[..., Page], live: Live) -> None:
    company = live.company_id(1)
    name = f"Logiciel de caisse {uuid.uuid4().hex[:6]}"
    page = open_page("admin")
    settings_link(page, company, "Clés d'API").click()
    expect(page.get_by_role("heading", level=1, name="Clés d'API")).to_be_visible()

    page.get_by_label("Nom de la clé").fill(name)
    page.get_by_role("button", name="Créer la clé").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"Clé « {name} » créée.")
    panel = page.get_by_test_id("api-key")
    expect(panel.get_by_role("heading")).to_have_text(f"Clé « {name} »")
    expect(panel).to_contain_text("elle ne sera plus jamais affichée")
    key = panel.get_by_label("Clé d'API").input_value()
    assert len(key) > 20, key
    table = page.get_by_test_id("api-keys")
    key_row = row(page, table, name)
    prefix = key_row.locator("code").inner_text().rstrip("…")
    assert key.startswith(prefix), (key, prefix)
    expect(key_row).to_contain_text("Jamais")
    expect(key_row.get_by_test_id("status")).to_have_text("Active")
    expect(key_row.locator("td").nth(1)).to_have_text(re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d$"))
    screenshot(page, "people-api-key")
    panel.get_by_role("button", name="C'est noté").click()
    expect(panel).to_have_count(0)
    assert key not in page.content()

    # Used by a partner: its last use shown.
    assert partner_call(live, key).get("data"), "the new key works"
    page.reload()
    expect(key_row.locator("td").nth(2)).to_have_text(re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d$"))

    # Revoked: the confirmation names it, Cancel has the focus; the key no longer works.
    revoke = page.get_by_role("button", name=f"Révoquer la clé {name}")
    revoke.click()
    dialog = page.get_by_role("alertdialog", name="Révoquer la clé d'API")
    expect(dialog).to_contain_text(f"« {name} »")
    expect(dialog.get_by_role("button", name="Annuler")).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(key_row.get_by_test_id("status")).to_have_text("Active")
    revoke.click()
    dialog.get_by_role("button", name="Révoquer").click()
    expect(page.get_by_test_id("toasts")).to_contain_text(f"Clé « {name} » révoquée.")
    expect(key_row.get_by_test_id("status")).to_have_text(
        re.compile(r"^Révoquée le \d\d/\d\d/\d{4} \d\d:\d\d$")
    )
    expect(revoke).to_have_count(0)
    assert not partner_call(live, key).get("data"), "a revoked key is refused"


def partner_call(live: Live, key: str) -> dict[str, Any]:
    """A partner's request with the key alone (no session cookie)."""
    response = httpx.post(
        f"{live.url}/graphql", json={"query": "{ companies { id } }"}, headers={"X-Api-Key": key}, timeout=30
    )
    return dict(response.json())


def test_a_collaborator_gets_neither_members_nor_api_keys(
    open_page: Callable[..., Page], company: str
) -> None:
    page = open_page("collaborator")
    expect(settings_link(page, company, "Informations du dossier")).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu principal")
    expect(menu.get_by_role("link", name="Membres du dossier")).to_have_count(0)
    expect(menu.get_by_role("link", name="Clés d'API")).to_have_count(0)
    page.goto(f"/c/{company}/settings/people")
    expect(page.get_by_role("alert")).to_have_text("Cette page est réservée aux administrateurs du dossier.")
    page.goto(f"/c/{company}/settings/api-keys")
    expect(page.get_by_role("alert")).to_have_text("Cette page est réservée aux administrateurs du dossier.")
    page.goto("/admin/users")
    expect(page.get_by_role("alert")).to_have_text("Cette page est réservée aux administrateurs du cabinet.")
