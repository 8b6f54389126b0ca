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
                error = getattr(exc, "error", None)
                click.echo(f"error: {error.code}: {error.message}" if error else f"error: {exc}", err=True)
                return 1
        click.echo(said)
        return 0

    sys.exit(asyncio.run(go()))


async def _user(email: str) -> User:
    from ecluse.auth.people import user_by

    found = await user_by(email=email)
    if found is None:
        raise LookupError(f"no user with the email {email!r}")
    return found


async def _company_id(ref: str) -> int:
    from ecluse.cli.lookup import find_company

    company = await find_company(ref)
    if company is None:
        raise LookupError(f"no active company with id, SIREN or code {ref!r}")
    return company.id


def _role(text: str) -> Any:
    from ecluse.auth.roles import Role

    if text.lower() not in ROLES:
        raise click.BadParameter(f"{text!r}: a role is one of {', '.join(ROLES)}")
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
            raise click.BadParameter(f"{pair!r}: give COMPANY=ROLE", param_hint="--role")
        wanted.append((company, _role(role)))

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import UserFields
        from ecluse.auth.people import create_user as create

        by_company = {await _company_id(company): role for company, role in wanted}
        made, token = await create(UserFields(email, name, locale, firm_admin), by_company, None)
        return f"{made.email} created: id {made.id}\npassword token (valid 72 hours, shown once): {token}"

    _run(act)


@user.command("list")
def list_users() -> None:
    """Every user: email, name, status, firm administrator, roles (company=role)."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import users_of
        from ecluse.ledger.companies import all_companies

        names = {c.id: c.name for c in await all_companies(include_archived=True)}
        lines = ["email\tname\tstatus\tfirm admin\troles"]
        for u, roles in await users_of(None):
            granted = ", ".join(f"{names.get(cid, cid)}={role}" for cid, role in roles)
            status = "active" if u.is_active else "deactivated"
            lines.append(f"{u.email}\t{u.name}\t{status}\t{'yes' if u.is_firm_admin else 'no'}\t{granted}")
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
        return f"{found.email} is deactivated"

    _run(act)


@user.command("reactivate")
@EMAIL
def reactivate(email: str) -> None:
    """Let a deactivated user log in again."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import set_active

        found = await set_active(await _user(email), True, None)
        return f"{found.email} is active"

    _run(act)


@user.command("reset-password")
@EMAIL
def reset_password(email: str) -> None:
    """Print a one-time token that sets a new password (valid 72 hours); the current one works until then."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.people import reset_password as reset

        found = await _user(email)
        return f"password token for {found.email} (valid 72 hours, shown once): {await reset(found, None)}"

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
        return f"{found.email} is {role.lower()} in {company}"

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
        return f"{found.email} {'no longer has a role' if removed else 'had no role'} in {company}"

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
            raise LookupError("a key's name has 1 to 100 characters, without control characters")
        record, key = await create_api_key(await _company_id(company), name.strip(), None)
        return f"key {record.id} ({record.name}) created; the key, shown once:\n{key}"

    _run(act)


@apikey.command("list")
@COMPANY
def list_keys(company: str) -> None:
    """A company's keys: id, name, prefix, created, last used, revoked."""

    async def act(_: EventBus) -> str:
        from ecluse.auth.queries import api_keys_of

        lines = ["id\tname\tprefix\tcreated\tlast used\trevoked"]
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
            raise LookupError(f"no key {key_id} in {company}")
        await end_sessions(bus, api_key_id=record.id)
        return f"key {record.id} ({record.name}) is revoked"

    _run(act)
