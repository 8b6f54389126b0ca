"""The firm's administration over GraphQL: companies (dossiers) created, edited, archived and restored.

A firm administrator (a flag on the user) creates, archives and restores companies and sees every one of
them (`firmCompanies`); a company's admin edits its details. Thin translations of ledger/company_changes.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from ecluse.api.context import Info
from ecluse.api.core import Company, UserError, to_int_id
from ecluse.api.permissions import forbidden, principal
from ecluse.auth.principal import Principal
from ecluse.auth.roles import Action, refusal
from ecluse.auth.sessions import roles_changed
from ecluse.errors import DomainError
from ecluse.ledger import companies
from ecluse.ledger.company_changes import CompanyFields, create_company, set_archived, update_company

if TYPE_CHECKING:
    from ecluse.ledger.models import Company as CompanyModel

FIRM_ONLY = "Only a firm administrator may do this."


@strawberry.input(description="A company's details. In `updateCompany`, a field left out is kept as it is.")
class CompanyInput:
    name: str | None = None
    siren: str | None = strawberry.field(
        default=None, description='Nine digits (spaces allowed), checked; "" clears it in an update.'
    )
    code: str | None = strawberry.field(
        default=None,
        description='Short code a company column may name: letters, digits, . _ -; "" clears it.',
    )
    currency: str | None = strawberry.field(
        default=None, description="ISO 4217 (default EUR); it cannot change once the company has imports."
    )
    country: str | None = strawberry.field(default=None, description="ISO 3166 alpha-2 (default FR).")
    address: str | None = None

    def fields(self) -> CompanyFields:
        return CompanyFields(self.name, self.siren, self.code, self.currency, self.country, self.address)


@strawberry.type
class CompanyPayload:
    company: Company | None
    errors: list[UserError]


def _firm_admin(info: Info) -> Principal:
    who = principal(info)
    if not who.firm_admin:
        raise forbidden(FIRM_ONLY)
    return who


async def _company_for(info: Info, id: strawberry.ID, *, firm_only: bool) -> tuple[Principal, CompanyModel]:
    """The caller and the company `id` names, if the caller may change it (a firm administrator, or unless
    `firm_only` the company's admin); FORBIDDEN otherwise, a company it cannot see answering like none."""
    who = principal(info)
    cid = to_int_id(id)
    if not who.firm_admin:
        if firm_only:
            raise forbidden(FIRM_ONLY)
        if cid not in who.roles:
            raise forbidden()
        if not who.can(Action.COMPANY, cid):
            raise forbidden(refusal(Action.COMPANY))
    row = await companies.find(cid)
    if row is None:
        raise forbidden()
    return who, row


def _shown(who: Principal, company: CompanyModel) -> Company:
    role = who.roles.get(company.id)
    return Company.from_model(company, role.value if role else None)


@strawberry.type
class AdminQuery:
    @strawberry.field(
        description="Every company of the firm, archived ones too when asked (a firm administrator's view)."
    )
    async def firm_companies(self, info: Info, include_archived: bool = False) -> list[Company]:
        who = _firm_admin(info)
        rows = await companies.all_companies(include_archived)
        return [_shown(who, c) for c in rows]


@strawberry.type
class AdminMutation:
    @strawberry.mutation(
        description="Create a company (a firm administrator's action), its creator made its admin. Its SIREN is "
        "checked (INVALID_SIREN with a reason: length, digits, checksum) and names one active company "
        "(SIREN_TAKEN), as does its code (CODE_TAKEN)."
    )
    async def create_company(self, info: Info, input: CompanyInput) -> CompanyPayload:
        who = _firm_admin(info)
        try:
            company = await create_company(input.fields(), who)
        except DomainError as exc:
            return CompanyPayload(company=None, errors=[UserError.of(exc.error)])
        await roles_changed(info.context.bus)  # the creator's new role, on every API process
        return CompanyPayload(
            company=Company.from_model(company, "admin" if who.user_id else None), errors=[]
        )

    @strawberry.mutation(
        description="Change a company's details (its admin, or a firm administrator); audited, old and new. "
        "The currency cannot change once it has imports (CURRENCY_IN_USE)."
    )
    async def update_company(self, info: Info, id: strawberry.ID, input: CompanyInput) -> CompanyPayload:
        who, row = await _company_for(info, id, firm_only=False)
        try:
            company = await update_company(row, input.fields(), who)
        except DomainError as exc:
            return CompanyPayload(company=None, errors=[UserError.of(exc.error)])
        return CompanyPayload(company=_shown(who, company), errors=[])

    @strawberry.mutation(
        description="Archive a company (a firm administrator's action): hidden from everyone, its API keys "
        "stop working, its books, files and audit trail kept. Refused while files are read or posted "
        "(COMPANY_BUSY)."
    )
    async def archive_company(self, info: Info, id: strawberry.ID) -> CompanyPayload:
        return await _archive(info, id, True)

    @strawberry.mutation(
        description="Bring an archived company back as it was (a firm administrator's action)."
    )
    async def restore_company(self, info: Info, id: strawberry.ID) -> CompanyPayload:
        return await _archive(info, id, False)


async def _archive(info: Info, id: strawberry.ID, archived: bool) -> CompanyPayload:
    who, row = await _company_for(info, id, firm_only=True)
    try:
        company = await set_archived(row, archived, who)
    except DomainError as exc:
        return CompanyPayload(company=None, errors=[UserError.of(exc.error)])
    await roles_changed(info.context.bus)  # its members lose (or regain) it at once, on every API process
    return CompanyPayload(company=_shown(who, company), errors=[])
