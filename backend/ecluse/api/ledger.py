"""The ledger over GraphQL: the trial balance of posted entries."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from ecluse.api.context import Info
from ecluse.api.core import to_int_id
from ecluse.api.permissions import forbidden, require
from ecluse.api.scalars import Money
from ecluse.auth.roles import Action
from ecluse.ledger.companies import currency_of
from ecluse.ledger.queries import trial_balance
from ecluse.money import to_decimal


@strawberry.type
class TrialBalanceLine:
    account: str
    account_label: str
    debit: Money
    credit: Money
    balance: Money = strawberry.field(description="debit − credit")


@strawberry.type
class TrialBalance:
    currency: str
    lines: list[TrialBalanceLine]
    total_debit: Money
    total_credit: Money


@strawberry.type
class LedgerQuery:
    @strawberry.field(description="Posted entries per general account, for the period (inclusive).")
    async def trial_balance(
        self, info: Info, company_id: strawberry.ID,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None, to: date | None = None,
    ) -> TrialBalance:  # fmt: skip
        cid = to_int_id(company_id, "companyId")
        if require(info, Action.VIEW, cid).is_partner:
            raise forbidden("A partner application sees its own imports, not the ledger.")
        currency = await currency_of(cid)
        rows = await trial_balance(cid, from_, to)
        return TrialBalance(
            currency=currency,
            lines=[
                TrialBalanceLine(
                    account=r.account_number,
                    account_label=r.account_label,
                    debit=Money(to_decimal(r.debit, currency)),
                    credit=Money(to_decimal(r.credit, currency)),
                    balance=Money(to_decimal(r.debit - r.credit, currency)),
                )
                for r in rows
            ],
            total_debit=Money(to_decimal(sum(r.debit for r in rows), currency)),
            total_credit=Money(to_decimal(sum(r.credit for r in rows), currency)),
        )
