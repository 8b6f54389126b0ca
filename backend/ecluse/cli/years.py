"""`ecluse fiscal-year open|lock|unlock|close`: a company's fiscal years from the command line (as
`openFiscalYear`, `lockFiscalYear`, `unlockFiscalYear` and `closeFiscalYear` do)."""

from __future__ import annotations

import asyncio
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

import click

from ecluse.cli import main
from ecluse.cli.lookup import run_for_company
from ecluse.cli.words import amount, count, day, say
from ecluse.settings import Settings, get_settings

if TYPE_CHECKING:
    from ecluse.ledger.models import Company, FiscalYear


@main.group("fiscal-year")
def fiscal_year() -> None:
    """A company's fiscal years."""


@fiscal_year.command("open")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
@click.option(
    "--start", "start", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First day, YYYY-MM-DD."
)
@click.option("--end", "end", type=click.DateTime(["%Y-%m-%d"]), help="Last day [default: 12 months later].")
@click.option("--name", "name", help='Its name [default: "Exercice YYYY"].')
def open_year(company: str, start: datetime, end: datetime | None, name: str | None) -> None:
    """Open a fiscal year (1 to 24 months; overlapping another is refused)."""
    last = end.date() if end is not None else None
    sys.exit(asyncio.run(run_open(get_settings(), company, start.date(), last, name)))


async def run_open(
    settings: Settings, company_ref: str, start: date, end: date | None, name: str | None
) -> int:
    """Exit code 0 with the year opened, 1 with a message on stderr otherwise."""
    from ecluse.ledger.fiscal_years import YearRequest, open_fiscal_year

    async def open_(company: Company, _: FiscalYear | None) -> str:
        year = await open_fiscal_year(YearRequest(company.id, start, end, name), None)
        return say("{name} (du {start} au {end}) ouvert pour {company} : id {id}",
                   "{name} ({start} to {end}) opened for {company}: id {id}", name=year.name,
                   start=day(year.start_date), end=day(year.end_date), company=company.name, id=year.id)  # fmt: skip

    return await run_for_company(settings, company_ref, None, open_)


@fiscal_year.command("lock")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
@click.option("--year", "year", required=True, help="Fiscal year id, or YYYY: the one that ends that year.")
def lock_year(company: str, year: str) -> None:
    """Lock a fiscal year: nothing is imported into it or posted in it until it is unlocked."""
    sys.exit(asyncio.run(run_lock(get_settings(), company, year, True)))


@fiscal_year.command("unlock")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
@click.option("--year", "year", required=True, help="Fiscal year id, or YYYY: the one that ends that year.")
def unlock_year(company: str, year: str) -> None:
    """Unlock a locked fiscal year."""
    sys.exit(asyncio.run(run_lock(get_settings(), company, year, False)))


async def run_lock(settings: Settings, company_ref: str, year_ref: str, locked: bool) -> int:
    """Exit code 0 when done, 1 with a message on stderr otherwise."""
    from ecluse.ledger.fiscal_years import set_locked

    async def lock(company: Company, year: FiscalYear | None) -> str:
        assert year is not None
        await set_locked(year, locked, None)
        if locked:
            return say("{name} de {company} est verrouillé", "{name} of {company} is locked",
                       name=year.name, company=company.name)  # fmt: skip
        return say("{name} de {company} est déverrouillé", "{name} of {company} is unlocked",
                   name=year.name, company=company.name)  # fmt: skip

    return await run_for_company(settings, company_ref, year_ref, lock)


@fiscal_year.command("close")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
@click.option("--year", "year", required=True, help="Fiscal year id, or YYYY: the one that ends that year.")
def close_year(company: str, year: str) -> None:
    """Close a fiscal year for good, posting the next year's opening entry (classes 1-5 and the result)."""
    sys.exit(asyncio.run(run_close(get_settings(), company, year)))


async def run_close(settings: Settings, company_ref: str, year_ref: str) -> int:
    """Exit code 0 when closed, 1 with the reason on stderr otherwise."""
    from ecluse.ledger.closing import close_fiscal_year
    from ecluse.money import to_decimal

    async def close(company: Company, year: FiscalYear | None) -> str:
        assert year is not None
        done = await close_fiscal_year(year, None)
        result = amount(to_decimal(done.result, company.currency), company.currency)
        lines = count(done.line_count, ("ligne", "lignes"), ("line", "lines"))
        total = amount(to_decimal(done.total, company.currency), company.currency)
        opening = (
            say("écriture d'à-nouveaux {id} dans {next} : {lines}, {total}",
                "opening entry {id} in {next}: {lines}, {total}",
                id=done.entry_id, next=done.next_year.name, lines=lines, total=total)
            if done.entry_id
            else say("aucun solde à reporter dans {next}", "no balance to carry into {next}", next=done.next_year.name)
        )  # fmt: skip
        return say("{name} de {company} est clôturé ; résultat {result} ; {opening}",
                   "{name} of {company} is closed; result {result}; {opening}",
                   name=year.name, company=company.name, result=result, opening=opening)  # fmt: skip

    return await run_for_company(settings, company_ref, year_ref, close)
