"""`ecluse export-fec`: write a fiscal year's FEC, the same bytes as the download."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ecluse.cli import main
from ecluse.cli.lookup import run_for_company
from ecluse.cli.words import amount, count, say
from ecluse.settings import Settings, get_settings

if TYPE_CHECKING:
    from ecluse.ledger.models import Company, FiscalYear

# The database and the ledger are imported by the command that needs them: `ecluse` starts without them.


@main.command("export-fec")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
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
    from ecluse.ledger.fec_export import fec_chunks, prepare_fec_export
    from ecluse.money import to_decimal

    async def write(company: Company, year: FiscalYear | None) -> str:
        assert year is not None
        plan = await prepare_fec_export(company.id, year.id, keep_numbers)
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
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        total = amount(to_decimal(plan.total_debit, plan.currency), plan.currency)
        return say("{path} écrit : {entries}, {lines}, débit = crédit = {total}",
                   "wrote {path}: {entries}, {lines}, debit = credit = {total}", path=path, total=total,
                   entries=count(plan.entry_count, ("écriture", "écritures"), ("entry", "entries")),
                   lines=count(plan.line_count, ("ligne", "lignes"), ("line", "lines")))  # fmt: skip

    return await run_for_company(settings, company_ref, year_ref, write)
