"""Companies and their fiscal years, as the API and the routes read them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tortoise.exceptions import DoesNotExist

from ecluse.db.bulk import default_sql
from ecluse.ledger.models import Company, FiscalYear


async def companies(ids: Iterable[int]) -> list[Company]:
    """The companies among `ids`, by name."""
    return await Company.filter(id__in=list(ids)).order_by("name")


async def all_companies(include_archived: bool) -> list[Company]:
    """Every company of the firm by name, the archived ones too when asked."""
    rows = Company.all() if include_archived else Company.filter(archived_at=None)
    return await rows.order_by("name", "id")


async def company(company_id: int) -> Company:
    return await Company.get(id=company_id)


async def find(company_id: int) -> Company | None:
    return await Company.get_or_none(id=company_id)


async def set_fec_siren_must_match(company_id: int, must_match: bool) -> Company:
    """Whether a FEC file whose name carries another SIREN is refused (True) or imported with a finding."""
    company = await Company.get(id=company_id)
    company.fec_siren_must_match = must_match
    await company.save(update_fields=["fec_siren_must_match"])
    return company


async def currency_of(company_id: int) -> str:
    """One column by plain SQL: every batch the API shows asks it (a grid page among them), and the ORM's
    query building and model were a tenth of a grid page's time."""
    conn, sql = default_sql("SELECT currency FROM companies WHERE id = $1")
    rows = await conn.execute_query_dict(sql, [company_id])
    if not rows:
        raise DoesNotExist(Company)
    return str(rows[0]["currency"])


async def fiscal_years_of(company_id: int) -> list[FiscalYear]:
    """A company's fiscal years, oldest first."""
    return await FiscalYear.filter(company_id=company_id).order_by("start_date")


async def fiscal_years_by_id(ids: Sequence[int]) -> list[FiscalYear | None]:
    """One query for many ids (a DataLoader's batch): each id's year, None where there is none."""
    found = {y.id: y for y in await FiscalYear.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]
