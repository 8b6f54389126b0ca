"""Finding the company and the fiscal year a command names, and running a command for them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import click

from ecluse.cli.words import day, error, error_line, say
from ecluse.settings import Settings

if TYPE_CHECKING:
    from ecluse.ledger.models import Company, FiscalYear


async def run_for_company(
    settings: Settings,
    company_ref: str,
    year_ref: str | None,
    act: Callable[[Company, FiscalYear | None], Awaitable[str]],
    *,
    archived: bool = False,
) -> int:
    """Open the database, find the company (and the year, when `year_ref` names one) and run `act`: exit code 0
    with what it says on stdout, or 1 with the reason on stderr (a company or year not found, a DomainError)."""
    from ecluse.db.init import orm_open, run_migrations
    from ecluse.errors import DomainError

    await run_migrations(settings)
    async with orm_open(settings):
        company = await find_company(company_ref, archived=archived)
        if company is None:
            click.echo(no_company(company_ref, archived=archived), err=True)
            return 1
        year = None
        if year_ref is not None:
            found = await find_year(company, year_ref)
            if isinstance(found, str):
                click.echo(say("erreur : ", "error: ") + found, err=True)
                return 1
            year = found
        try:
            said = await act(company, year)
        except DomainError as exc:
            click.echo(error_line(exc.error.code, exc.error.message, exc.error.params), err=True)
            return 1
        click.echo(said)
        return 0


def no_company(ref: str, *, archived: bool = False) -> str:
    if archived:
        return error("aucun dossier archivé n'a l'id, le SIREN ou le code « {ref} »",
                     "no archived company with id, SIREN or code {ref!r}", ref=ref)  # fmt: skip
    return error("aucun dossier actif n'a l'id, le SIREN ou le code « {ref} »",
                 "no active company with id, SIREN or code {ref!r}", ref=ref)  # fmt: skip


async def find_company(ref: str, *, archived: bool = False) -> Company | None:
    """By SIREN, short code or id, among the active companies (the archived ones when `archived`)."""
    from tortoise.expressions import Q

    from ecluse.ledger.models import Company

    ref = ref.strip()
    if not ref or len(ref) > 40:
        return None
    named = Q(siren=ref) | Q(code__iexact=ref)
    if ref.isascii() and ref.isdecimal() and int(ref) < 2**31:
        named |= Q(id=int(ref))
    found = await Company.filter(named, archived_at__isnull=not archived).order_by("id")
    # A SIREN or a code before an id that happens to be the same digits.
    by_name = [c for c in found if c.siren == ref or (c.code or "").upper() == ref.upper()]
    chosen = by_name or found
    return chosen[0] if chosen else None


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
            return say("{n} exercices de {company} se terminent en {ref} : donnez l'id de l'un d'eux : {names}",
                       "{n} fiscal years of {company} end in {ref}: give the id of one: {names}",
                       n=len(ending), company=company.name, ref=ref, names=names)  # fmt: skip
    found = next((y for y in years if y.id == number), None)
    if found is not None:
        return found
    span = say("{start} au {end}", "{start} to {end}", start="{start}", end="{end}")
    known = ", ".join(
        f"{y.id} ({y.name}, {span.format(start=day(y.start_date), end=day(y.end_date))})" for y in years
    ) or say("aucun", "none")
    return say("pas d'exercice « {ref} » dans {company} (ses exercices : {known})",
               "no fiscal year {ref!r} in {company} (its fiscal years: {known})",
               ref=ref, company=company.name, known=known)  # fmt: skip
