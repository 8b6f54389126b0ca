"""`ecluse user create|list|deactivate|reactivate|reset-password`, `ecluse member add|remove` and `ecluse apikey
create|revoke|list`: people, roles and partner keys from the command line (the operator acts as a firm
administrator). Password tokens and API keys are printed once, on the last line."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import click

from ecluse.cli import main
from ecluse.cli.lookup import no_company
from ecluse.cli.words import error_line, say
from ecluse.settings import Settings, get_settings

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from ecluse.auth.models import User
    from ecluse.events import EventBus

EMAIL = click.option("--email", "email", required=True, help="The user's email.")
COMPANY = click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
ROLES = ("viewer", "client", "collaborator", "admin")


@asynccontextmanager
async def _opened(settings: Settings) -> AsyncIterator[EventBus]:
    """The database, and the event bus that tells the API processes (over Redis when configured)."""
    from ecluse.db.init import orm_open, run_migrations
    from ecluse.events import make_event_bus

    await run_migrations(settings)
    async with orm_open(settings):
        bus = await make_event_bus(settings.redis_url, settings.channel_prefix)
        try:
            yield bus
        finally:
            await bus.close()


def _run(act: Callable[[EventBus], Awaitable[str]]) -> None:
    """Run `act` with the database open: exit 0 with what it says, or 1 with the reason."""
    from ecluse.errors import DomainError

    async def go() -> int:
        async with _opened(get_settings()) as bus:
            try:
                said = await act(bus)
            except (DomainError, LookupError) as exc:
                known = getattr(exc, "error", None)
                refused = error_line(known.code, known.message, known.params) if known else None
                click.echo(refused or say("erreur : ", "error: ") + str(exc), err=True)
                return 1
        click.echo(said)
        return 0

    sys.exit(asyncio.run(go()))


def _token_words() -> str:
    return say("jeton de mot de passe (valable 72 heures, affiché une seule fois)",
               "password token (valid 72 hours, shown once)")  # fmt: skip


async def _user(email: str) -> User:
    from ecluse.auth.people import user_by

    found = await user_by(email=email)
    if found is None:
        raise LookupError(
            say(
                "aucun utilisateur n'a l'adresse « {email} »", "no user with the email {email!r}", email=email
            )
        )
    return found


async def _company_id(ref: str) -> int:
    from ecluse.cli.lookup import find_company

    company = await find_company(ref)
    if company is None:
        raise LookupError(no_company(ref).split(": ", 1)[1].lstrip())
    return company.id


def _role(text: str) -> Any:
    from ecluse.auth.roles import Role

    if text.lower() not in ROLES:
        raise click.BadParameter(say("« {text} » : un rôle est l'un de {roles}", "{text!r}: a role is one of {roles}",
                                     text=text, roles=", ".join(ROLES)))  # fmt: skip
    return Role(text.lower())


@main.group("user")
def user() -> None:
    """The firm's users."""


@user.command("create")
@EMAIL
@click.option("--name", default="", help="Their name.")
@click.option("--locale", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--firm-admin", is_flag=True, help="Make them a firm administrator.")
@click.option("--role", "roles", multiple=True, metavar="COMPANY=ROLE",
              help="A role in a company (id, SIREN or code), e.g. 123456782=admin; repeatable.")  # fmt: skip
def create_user(email: str, name: str, locale: str, firm_admin: bool, roles: tuple[str, ...]) -> None:
    """Create a user; prints the one-time token that sets their first password (valid 72 hours)."""
    wanted = []
    for pair in roles:
        company, _, role = pair.rpartition("=")
        if not company:
            raise click.BadParameter(say("« {pair} » : donnez DOSSIER=RÔLE", "{pair!r}: give COMPANY=ROLE", pair=pair),
                                     param_hint="--role")  # fmt: skip
        wanted.append((company, _role(role)))

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import UserFields
        from ecluse.auth.people import create_user as create

        by_company = {await _company_id(company): role for company, role in wanted}
        made, token = await create(UserFields(email, name, locale, firm_admin), by_company, None)
        return say("{email} créé : id {id}\n{what} : {token}", "{email} created: id {id}\n{what}: {token}",
                   email=made.email, id=made.id, what=_token_words(), token=token)  # fmt: skip

    _run(act)


@user.command("list")
def list_users() -> None:
    """Every user: email, name, status, firm administrator, roles (company=role)."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import users_of
        from ecluse.ledger.companies import all_companies

        names = {c.id: c.name for c in await all_companies(include_archived=True)}
        lines = [
            say(
                "e-mail\tnom\tstatut\tadministrateur du cabinet\trôles",
                "email\tname\tstatus\tfirm admin\troles",
            )
        ]
        active, inactive = say("actif", "active"), say("désactivé", "deactivated")
        yes, no = say("oui", "yes"), say("non", "no")
        for u, roles in await users_of(None):
            granted = ", ".join(f"{names.get(cid, cid)}={role}" for cid, role in roles)
            status = active if u.is_active else inactive
            lines.append(f"{u.email}\t{u.name}\t{status}\t{yes if u.is_firm_admin else no}\t{granted}")
        return "\n".join(lines)

    _run(act)


@user.command("deactivate")
@EMAIL
def deactivate(email: str) -> None:
    """Deactivate a user: their sessions end, they can no longer log in."""

    async def act(bus: EventBus) -> str:
        from ecluse.auth.people import set_active
        from ecluse.auth.sessions import end_sessions

        found = await set_active(await _user(email), False, None)
        await end_sessions(bus, user_id=found.id)
        return say("{email} est désactivé", "{email} is deactivated", email=found.email)

    _run(act)


@user.command("reactivate")
@EMAIL
def reactivate(email: str) -> None:
    """Let a deactivated user log in again."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import set_active

        found = await set_active(await _user(email), True, None)
        return say("{email} est actif", "{email} is active", email=found.email)

    _run(act)


@user.command("reset-password")
@EMAIL
def reset_password(email: str) -> None:
    """Print a one-time token that sets a new password (valid 72 hours); the current one works until then."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import reset_password as reset

        found = await _user(email)
        token = await reset(found, None)
        return say("{what} pour {email} : {token}", "{what} for {email}: {token}",
                   what=_token_words(), email=found.email, token=token)  # fmt: skip

    _run(act)


@main.group("member")
def member() -> None:
    """People's roles in a company."""


@member.command("add")
@COMPANY
@EMAIL
@click.option("--role", "role", required=True, type=click.Choice(ROLES, case_sensitive=False))
def add_member(company: str, email: str, role: str) -> None:
    """Give a user a role in a company (or change it)."""

    async def act(bus: EventBus) -> str:
        from ecluse.auth.people import set_membership
        from ecluse.auth.sessions import roles_changed

        found = await _user(email)
        await set_membership(await _company_id(company), found, _role(role), None)
        await roles_changed(bus, found.id)
        return say("{email} a le rôle {role} dans {company}", "{email} is {role} in {company}",
                   email=found.email, role=role.lower(), company=company)  # fmt: skip

    _run(act)


@member.command("remove")
@COMPANY
@EMAIL
def remove_member(company: str, email: str) -> None:
    """Take a user's role in a company away."""

    async def act(bus: EventBus) -> str:
        from ecluse.auth.people import remove_membership
        from ecluse.auth.sessions import roles_changed

        found = await _user(email)
        removed = await remove_membership(await _company_id(company), found, None)
        await roles_changed(bus, found.id)
        if removed:
            return say("{email} n'a plus de rôle dans {company}", "{email} no longer has a role in {company}",
                       email=found.email, company=company)  # fmt: skip
        return say("{email} n'avait pas de rôle dans {company}", "{email} had no role in {company}",
                   email=found.email, company=company)  # fmt: skip

    _run(act)


@main.group("apikey")
def apikey() -> None:
    """Partner applications' API keys."""


@apikey.command("create")
@COMPANY
@click.option("--name", "name", required=True, help="The partner application's name.")
def create_key(company: str, name: str) -> None:
    """Create a key for a company; prints it once."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.principal import create_api_key

        if not name.strip() or len(name) > 100 or not name.isprintable():
            raise LookupError(say("le nom d'une clé a de 1 à 100 caractères, sans caractère de contrôle",
                                  "a key's name has 1 to 100 characters, without control characters"))  # fmt: skip
        record, key = await create_api_key(await _company_id(company), name.strip(), None)
        return say("clé {id} ({name}) créée ; la clé, affichée une seule fois :\n{key}",
                   "key {id} ({name}) created; the key, shown once:\n{key}", id=record.id, name=record.name, key=key)  # fmt: skip

    _run(act)


@apikey.command("list")
@COMPANY
def list_keys(company: str) -> None:
    """A company's keys: id, name, prefix, created, last used, revoked."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.queries import api_keys_of

        lines = [
            say(
                "id\tnom\tpréfixe\tcréée\tdernière utilisation\trévoquée",
                "id\tname\tprefix\tcreated\tlast used\trevoked",
            )
        ]
        for k in await api_keys_of(await _company_id(company)):
            used = k.last_used_at.isoformat(timespec="seconds") if k.last_used_at else ""
            revoked = k.revoked_at.isoformat(timespec="seconds") if k.revoked_at else ""
            lines.append(
                f"{k.id}\t{k.name}\t{k.prefix}\t{k.created_at.isoformat(timespec='seconds')}\t{used}\t{revoked}"
            )
        return "\n".join(lines)

    _run(act)


@apikey.command("revoke")
@COMPANY
@click.option("--id", "key_id", required=True, type=int, help="The key's id (ecluse apikey list).")
def revoke_key(company: str, key_id: int) -> None:
    """Revoke a key: it stops working, its open subscriptions end (at once over Redis; else within 5 s)."""

    async def act(bus: EventBus) -> str:
        from ecluse.auth.queries import api_key
        from ecluse.auth.sessions import end_sessions

        record = await api_key(key_id)
        if record is None or record.company_id != await _company_id(company):
            raise LookupError(
                say("pas de clé {id} dans {company}", "no key {id} in {company}", id=key_id, company=company)
            )
        await end_sessions(bus, api_key_id=record.id)
        return say(
            "clé {id} ({name}) révoquée", "key {id} ({name}) is revoked", id=record.id, name=record.name
        )

    _run(act)
