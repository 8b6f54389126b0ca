"""Exports over GraphQL: `fecExport` checks and counts a fiscal year's FEC and gives the download's URL."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from ecluse.api.context import Info
from ecluse.api.core import to_int_id
from ecluse.api.permissions import forbidden, principal
from ecluse.api.scalars import Money
from ecluse.errors import DomainError
from ecluse.ledger.fec_export import FecExportPlan, can_export, prepare_fec_export
from ecluse.money import to_decimal
from ecluse.web.exports import fec_url


@strawberry.type(description="A fiscal year's FEC, ready to download from `url` (same credentials).")
class FecExport:
    file_name: str = strawberry.field(description="{SIREN}FEC{closing date YYYYMMDD}.txt")
    url: str = strawberry.field(description="GET it with the same credentials to download the file.")
    entry_count: int
    line_count: int
    total_debit: Money
    total_credit: Money
    currency: str

    @classmethod
    def from_plan(cls, plan: FecExportPlan) -> FecExport:
        return cls(
            file_name=plan.file_name,
            url=fec_url(plan.company_id, plan.fiscal_year_id, plan.keep_numbers),
            entry_count=plan.entry_count,
            line_count=plan.line_count,
            total_debit=Money(to_decimal(plan.total_debit, plan.currency)),
            total_credit=Money(to_decimal(plan.total_credit, plan.currency)),
            currency=plan.currency,
        )


@strawberry.type
class ExportQuery:
    @strawberry.field(
        description="The FEC of a fiscal year: its posted entries, numbered 1, 2, 3… in date order unless "
        "`keepNumbers`. A company without a SIREN cannot have one (BAD_USER_INPUT)."
    )
    async def fec_export(
        self,
        info: Info,
        company_id: strawberry.ID,
        fiscal_year_id: strawberry.ID,
        keep_numbers: bool | None = False,
    ) -> FecExport:
        cid = to_int_id(company_id, "companyId")
        year = to_int_id(fiscal_year_id, "fiscalYearId")
        if not can_export(principal(info), cid):
            raise forbidden("No such company or fiscal year, or you may not see it.")
        try:
            plan = await prepare_fec_export(cid, year, bool(keep_numbers))
        except DomainError as exc:
            e = exc.error
            if e.code == "NOT_FOUND":
                raise forbidden(e.message) from exc
            code = "BAD_USER_INPUT" if e.code == "SIREN_REQUIRED" else e.code
            extensions: dict[str, object] = {"code": code, "reason": e.code, "field": e.field}
            if e.params:
                extensions["params"] = e.params
            raise GraphQLError(e.message, extensions=extensions) from exc
        return FecExport.from_plan(plan)
