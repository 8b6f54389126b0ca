"""`ecluse journal list|set`: a company's journals, their kinds and its default journal of each kind (as the
`journals` query and `setJournal` do)."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

import click

from ecluse.cli import main
from ecluse.cli.lookup import run_for_company
from ecluse.cli.words import say
from ecluse.settings import Settings, get_settings

if TYPE_CHECKING:
    from ecluse.ledger.models import Company, FiscalYear

_KINDS = ("sales", "purchases", "bank", "cash", "general", "other")


@main.group("journal")
def journal() -> None:
    """A company's journals."""


@journal.command("list")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
def list_journals(company: str) -> None:
    """The company's journals: code, kind, default of its kind, used, label."""
    sys.exit(asyncio.run(run_list(get_settings(), company)))


async def run_list(settings: Settings, company_ref: str) -> int:
    from ecluse.ledger.journals import journals_of

    async def show(company: Company, _: FiscalYear | None) -> str:
        rows = await journals_of(company.id)
        if not rows:
            return say(
                "{company} n'a encore aucun journal", "{company} has no journal yet", company=company.name
            )
        default, used = say("par défaut", "default"), say("utilisé", "used")
        marks = [(j.kind or "-", default if j.is_default else "-", used if j.used else "-") for j in rows]
        return "\n".join("\t".join((j.code, *m, j.label)) for j, m in zip(rows, marks, strict=True))

    return await run_for_company(settings, company_ref, None, show)


@journal.command("set")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
@click.option("--code", "code", required=True, help="The journal's code (created when new).")
@click.option("--label", "label", help="Its label [default: kept].")
@click.option("--kind", "kind", type=click.Choice(_KINDS), help="What it holds [default: kept].")
@click.option(
    "--default/--not-default", "default", default=None,
    help="Whether it is the company's default journal of its kind [default: kept].",
)  # fmt: skip
def set_journal(company: str, code: str, label: str | None, kind: str | None, default: bool | None) -> None:
    """Create a journal, or change its label, kind and whether it is its kind's default."""
    sys.exit(asyncio.run(run_set(get_settings(), company, code, label, kind, default)))


async def run_set(
    settings: Settings, company_ref: str, code: str, label: str | None, kind: str | None, default: bool | None
) -> int:
    from ecluse.ledger import journals

    async def change(company: Company, _: FiscalYear | None) -> str:
        made = await journals.set_journal(company.id, code, label, kind, None, default=default)
        what = made.kind or say("sans type", "no kind")
        if made.is_default:
            what += say(", journal {kind} par défaut", ", default {kind} journal", kind=made.kind)
        return say("journal {code} de {company} : {what}", "journal {code} of {company}: {what}",
                   code=made.code, company=company.name, what=what)  # fmt: skip

    return await run_for_company(settings, company_ref, None, change)
