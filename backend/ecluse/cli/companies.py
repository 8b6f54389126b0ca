"""`ecluse company create|list|update|archive|restore`: a firm's companies from the command line (as the
API's createCompany, firmCompanies, updateCompany, archiveCompany and restoreCompany do)."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

import click

from ecluse.cli import main
from ecluse.cli.lookup import run_for_company
from ecluse.cli.words import error_line, say
from ecluse.settings import Settings, get_settings

if TYPE_CHECKING:
    from ecluse.ledger.company_changes import CompanyFields
    from ecluse.ledger.models import Company, FiscalYear

COMPANY = click.option("--company", "company", required=True, help="Company id, SIREN or short code.")


def _detail_options(command: click.decorators.FC) -> click.decorators.FC:
    for option in reversed(
        [
            click.option("--siren", help="Nine digits, checked."),
            click.option("--code", help="Short code a company column may name (letters, digits, . _ -)."),
            click.option("--currency", help="ISO 4217 [default: EUR]."),
            click.option("--country", help="ISO 3166 alpha-2 [default: FR]."),
            click.option("--address", help="Postal address (\\n between lines)."),
        ]
    ):
        command = option(command)
    return command


@main.group("company")
def company() -> None:
    """The firm's companies (dossiers)."""


@company.command("create")
@click.option("--name", required=True, help="The company's name.")
@_detail_options
def create(name: str, **details: str | None) -> None:
    """Create a company (its SIREN checked; give people roles in it with the API or the web app)."""
    sys.exit(asyncio.run(run_create(get_settings(), _fields(name=name, **details))))


@company.command("update")
@COMPANY
@click.option("--name", help="The company's name.")
@_detail_options
def update(company: str, **details: str | None) -> None:
    """Change a company's details (a value "" clears the SIREN or the code)."""
    sys.exit(asyncio.run(run_update(get_settings(), company, _fields(**details))))


@company.command("list")
@click.option("--archived", is_flag=True, help="Also the archived companies.")
def list_companies(archived: bool) -> None:
    """Every company: id, name, SIREN, code, currency, country, and what is wrong with it."""
    sys.exit(asyncio.run(run_list(get_settings(), archived)))


@company.command("archive")
@COMPANY
def archive(company: str) -> None:
    """Archive a company: hidden from everyone, its API keys stop working, its data kept."""
    sys.exit(asyncio.run(run_archive(get_settings(), company, True)))


@company.command("restore")
@COMPANY
def restore(company: str) -> None:
    """Bring an archived company back as it was."""
    sys.exit(asyncio.run(run_archive(get_settings(), company, False)))


def _fields(**given: str | None) -> CompanyFields:
    from ecluse.ledger.company_changes import CompanyFields

    if given.get("address"):
        given["address"] = str(given["address"]).replace("\\n", "\n")
    return CompanyFields(**given)


async def run_create(settings: Settings, fields: CompanyFields) -> int:
    """Exit code 0 with the company's id on stdout, 1 with the reason on stderr."""
    from ecluse.db.init import orm_open, run_migrations
    from ecluse.errors import DomainError
    from ecluse.ledger.company_changes import create_company

    await run_migrations(settings)
    async with orm_open(settings):
        try:
            made = await create_company(fields, None)
        except DomainError as exc:
            click.echo(error_line(exc.error.code, exc.error.message, exc.error.params), err=True)
            return 1
    click.echo(say("{name} créé : id {id}", "{name} created: id {id}", name=made.name, id=made.id))
    return 0


async def run_update(settings: Settings, company_ref: str, fields: CompanyFields) -> int:
    from ecluse.ledger.company_changes import update_company

    async def change(company: Company, _: FiscalYear | None) -> str:
        changed = await update_company(company, fields, None)
        return say("{name} (id {id}) modifié", "{name} (id {id}) updated", name=changed.name, id=changed.id)

    return await run_for_company(settings, company_ref, None, change)


async def run_archive(settings: Settings, company_ref: str, archived: bool) -> int:
    from ecluse.ledger.company_changes import set_archived

    async def act(company: Company, _: FiscalYear | None) -> str:
        await set_archived(company, archived, None)
        if archived:
            return say(
                "{name} (id {id}) est archivé",
                "{name} (id {id}) is archived",
                name=company.name,
                id=company.id,
            )
        return say(
            "{name} (id {id}) est rétabli", "{name} (id {id}) is restored", name=company.name, id=company.id
        )

    return await run_for_company(settings, company_ref, None, act, archived=not archived)


async def run_list(settings: Settings, archived: bool) -> int:
    from ecluse.db.init import orm_open, run_migrations
    from ecluse.ledger.companies import all_companies
    from ecluse.ledger.company_changes import findings

    await run_migrations(settings)
    async with orm_open(settings):
        rows = await all_companies(archived)
    click.echo(
        say(
            "id\tnom\tsiren\tcode\tdevise\tpays\tstatut\tconstats",
            "id\tname\tsiren\tcode\tcurrency\tcountry\tstatus\tfindings",
        )
    )
    for c in rows:
        status = say("archivé", "archived") if c.archived_at else say("actif", "active")
        notes = ", ".join(f"{f.code} ({f.params.get('reason') if f.params else ''})" for f in findings(c))
        click.echo(
            f"{c.id}\t{c.name}\t{c.siren or ''}\t{c.code or ''}\t{c.currency}\t{c.country}\t{status}\t{notes}"
        )
    return 0
