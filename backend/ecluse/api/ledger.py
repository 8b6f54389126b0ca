"""The ledger over GraphQL: journals and their kinds, the trial balance of posted entries."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from ecluse.api.context import Info
from ecluse.api.core import UserError, to_int_id
from ecluse.api.permissions import forbidden, require
from ecluse.api.scalars import Money
from ecluse.auth.roles import Action
from ecluse.errors import DomainError
from ecluse.ledger.companies import currency_of
from ecluse.ledger.journals import JournalRow, journals_of, set_journal
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


@strawberry.type(description="A journal of the company, with what created it and whether it holds entries.")
class Journal:
    id: strawberry.ID
    code: str
    label: str
    kind: str = strawberry.field(
        description='sales, purchases, bank, cash, general, other, or "" when nobody gave it (then the import-'
        "order check guesses from the code: BQ bank, AC/HA purchases, VT/VE sales)."
    )
    created_by_batch_id: strawberry.ID | None = strawberry.field(
        description="The import that created it (kept when that import was rejected)."
    )
    used: bool = strawberry.field(description="Whether an entry, staged or posted, is in it.")
    is_default: bool = strawberry.field(
        description="The company's default journal of its kind (at most one per kind): a layout without a "
        "journal column may name a kind (journalKind) and its imports go into this journal."
    )

    @classmethod
    def of(cls, row: JournalRow) -> Journal:
        batch = strawberry.ID(str(row.created_by_batch_id)) if row.created_by_batch_id is not None else None
        return cls(id=strawberry.ID(str(row.id)), code=row.code, label=row.label, kind=row.kind,
                   created_by_batch_id=batch, used=row.used, is_default=row.is_default)  # fmt: skip


@strawberry.type
class JournalPayload:
    journal: Journal | None
    errors: list[UserError]


@strawberry.type
class LedgerMutation:
    @strawberry.mutation(
        description="Create a journal, or change its label, kind and whether it is the default of its kind (a "
        "settings role; null: kept): the import-order check reads the kind (a layout's VK or IK journals are "
        "sales and purchases when said so here or in the layout's journalKinds). Making a journal the default "
        "of its kind takes that from the kind's previous default; a default whose kind changes stops being one."
    )
    async def set_journal(
        self,
        info: Info,
        company_id: strawberry.ID,
        code: str,
        label: str | None = None,
        kind: str | None = None,
        is_default: bool | None = None,
    ) -> JournalPayload:
        cid = to_int_id(company_id, "companyId")
        who = require(info, Action.SETTINGS, cid)
        try:
            made = await set_journal(cid, code, label, kind, who, default=is_default)
        except DomainError as exc:
            return JournalPayload(journal=None, errors=[UserError.of(exc.error)])
        row = next(j for j in await journals_of(cid) if j.id == made.id)
        return JournalPayload(journal=Journal.of(row), errors=[])


@strawberry.type
class LedgerQuery:
    @strawberry.field(description="The company's journals, by code.")
    async def journals(self, info: Info, company_id: strawberry.ID) -> list[Journal]:
        cid = to_int_id(company_id, "companyId")
        if require(info, Action.VIEW, cid).is_partner:
            raise forbidden("A partner application sees its own imports, not the ledger.")
        return [Journal.of(j) for j in await journals_of(cid)]

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
