"""`ecluse export-fec`: write a fiscal year's FEC, the same bytes as the download."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ecluse.cli import main
from ecluse.settings import Settings, get_settings

if TYPE_CHECKING:
    from ecluse.ledger.models import Company, FiscalYear

# The database and the ledger are imported by the command that needs them: `ecluse` starts without them.


@main.command("export-fec")
@click.option("--company", "company", required=True, help="Company id or SIREN.")
@click.option("--year", "year", required=True, help="Fiscal year id, or YYYY: the one that ends that year.")
@click.option("--keep-numbers", is_flag=True, help="Keep each entry's number (default: 1, 2, 3… by date).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File or folder [default: ./<name>].")
def export_fec(company: str, year: str, keep_numbers: bool, output: Path | None) -> None:
    """Write the FEC of a fiscal year: its posted entries, as the download gives them."""
    sys.exit(asyncio.run(run_export(get_settings(), company, year, keep_numbers, output)))


async def run_export(
    settings: Settings, company_ref: str, year_ref: str, keep_numbers: bool, output: Path | None
) -> int:
    """Exit code 0 when written, 1 with a message on stderr otherwise."""
    from ecluse.db.init import orm_open, run_migrations
    from ecluse.errors import DomainError
    from ecluse.ledger.fec_export import fec_chunks, prepare_fec_export
    from ecluse.money import exponent, format_amount

    await run_migrations(settings)
    async with orm_open(settings):
        company = await find_company(company_ref)
        if company is None:
            click.echo(f"error: no company with id or SIREN {company_ref!r}", err=True)
            return 1
        year = await find_year(company, year_ref)
        if isinstance(year, str):
            click.echo(f"error: {year}", err=True)
            return 1
        try:
            plan = await prepare_fec_export(company.id, year.id, keep_numbers)
        except DomainError as exc:
            click.echo(f"error: {exc.error.code}: {exc.error.message}", err=True)
            return 1
        path = output if output is not None else Path.cwd() / plan.file_name
        if path.is_dir():
            path = path / plan.file_name
        # Written beside, then renamed: a failed export never leaves a partial file under the real name.
        partial = path.with_name(path.name + ".part")
        try:
            with partial.open("wb") as out:
                async for chunk in fec_chunks(plan):
                    out.write(chunk)
            os.replace(partial, path)
        except DomainError as exc:
            partial.unlink(missing_ok=True)
            click.echo(f"error: {exc.error.code}: {exc.error.message}", err=True)
            return 1
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        click.echo(
            f"wrote {path}: {plan.entry_count} entries, {plan.line_count} lines, "
            f"debit = credit = {format_amount(plan.total_debit, exponent(plan.currency))} {plan.currency}"
        )
        return 0


async def find_company(ref: str) -> Company | None:
    """By SIREN (9 digits), else by id."""
    from ecluse.ledger.models import Company

    ref = ref.strip()
    if not (ref.isascii() and ref.isdecimal()):
        return None
    if len(ref) == 9:
        found = await Company.get_or_none(siren=ref)
        if found is not None:
            return found
    return await Company.get_or_none(id=int(ref)) if int(ref) < 2**31 else None


async def find_year(company: Company, ref: str) -> FiscalYear | str:
    """By closing year (YYYY: the fiscal year that ends that year), else by id; an error message if none."""
    from ecluse.ledger.models import FiscalYear

    ref = ref.strip()
    years = await FiscalYear.filter(company_id=company.id).order_by("start_date")
    number = int(ref) if ref.isascii() and ref.isdecimal() else None
    if len(ref) == 4 and number is not None:
        ending = [y for y in years if y.end_date.year == number]
        if len(ending) == 1:
            return ending[0]
        if len(ending) > 1:
            names = ", ".join(f"{y.id} ({y.name})" for y in ending)
            return f"{len(ending)} fiscal years of {company.name} end in {ref}: give the id of one: {names}"
    found = next((y for y in years if y.id == number), None)
    if found is not None:
        return found
    known = ", ".join(f"{y.id} ({y.name}, {y.start_date} to {y.end_date})" for y in years) or "none"
    return f"no fiscal year {ref!r} in {company.name} (its fiscal years: {known})"
