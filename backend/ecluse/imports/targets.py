"""Which companies a file may feed: the one it was sent to, and those its company column names (by code
or SIREN) that the sender may import into. A partner's API key is scoped to its own company."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from ecluse.auth.models import Membership
from ecluse.auth.roles import MATRIX, Action
from ecluse.imports.feed import ShutYear, Target, Year
from ecluse.ledger.fiscal_years import shut_reason
from ecluse.ledger.models import Company, FiscalYear
from ecluse.money import exponent_or


async def targets_for(company_id: int, user_id: int | None) -> Target:
    """The companies a file sent to `company_id` by `user_id` (None: a partner or the CLI) may feed."""
    allowed = {company_id}
    if user_id is not None:
        roles = [r.value for r in MATRIX[Action.SUBMIT]]
        member_of: Any = await Membership.filter(user_id=user_id, role__in=roles).values_list(
            "company_id", flat=True
        )
        allowed |= {int(cid) for cid in member_of}
    companies: dict[str, int] = {"": company_id}
    # An archived company is no target: a company column naming it reads as unknown.
    found: Any = (
        await Company.filter(id__in=allowed)
        .filter(Q(archived_at=None) | Q(id=company_id))
        .values_list("id", "code", "siren", "currency")
    )
    allowed = {int(cid) for cid, _, _, _ in found}
    own = next(exponent_or(currency, 2) for cid, _, _, currency in found if cid == company_id)
    currencies = {
        cid: (currency, places)
        for cid, _, _, currency in found
        if (places := exponent_or(currency, 2)) != own
    }
    for cid, code, siren, _ in found:
        for name in (code, siren):
            if name:
                companies.setdefault(str(name).strip().upper(), cid)
    years: dict[int, list[Year]] = {cid: [] for cid in allowed}
    shut: dict[int, list[ShutYear]] = {}
    for y in await FiscalYear.filter(company_id__in=allowed):
        why = shut_reason(y)
        if why is None:
            years[y.company_id].append((y.id, y.start_date, y.end_date))
        else:  # told by name when an entry falls in it
            shut.setdefault(y.company_id, []).append((y.name, y.start_date, y.end_date, why))
    return Target(companies, years, currencies, shut)
