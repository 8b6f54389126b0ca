"""Creating, editing and archiving companies (dossiers), every field checked before anything is written.

A company is never deleted: archiving hides it from everyone (its members lose it from their lists, its API
keys stop working, no file can be sent to it) and keeps its books, files and audit trail; restoring brings it
back as it was. Its SIREN is checked with python-stdnum; one that was stored before the check existed is
shown as a finding (`findings`), never a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pycountry
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError
from stdnum.fr import siren as stdnum_siren
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from ecluse.activity.record import audit
from ecluse.auth.models import Membership
from ecluse.auth.principal import Principal
from ecluse.auth.roles import Role
from ecluse.errors import DomainError, UserError
from ecluse.imports.models import ImportBatch
from ecluse.imports.statuses import BatchStatus
from ecluse.ledger.models import Company, Entry
from ecluse.money import UnknownCurrency, exponent

MAX_NAME = 200
MAX_ADDRESS = 500
#: What a company column may name (formats/limits.py allows 40 characters): letters, digits, . _ -
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
#: Work in flight that archiving would strand: a file being read, or a batch being posted.
IN_FLIGHT = (BatchStatus.RECEIVED, BatchStatus.PARSING, BatchStatus.VALIDATING)


@dataclass(frozen=True, slots=True)
class CompanyFields:
    """What a creation sets or an edit changes. In an edit, None leaves a field as it is; for `siren` and
    `code`, "" clears it."""

    name: str | None = None
    siren: str | None = None
    code: str | None = None
    currency: str | None = None
    country: str | None = None
    address: str | None = None


def _text(value: str, field: str, maximum: int, *, lines: bool = False) -> str:
    value = value.strip()
    if len(value) > maximum:
        raise DomainError(
            "TOO_LONG",
            f"`{field}` has at most {maximum} characters.",
            field,
            maximum=maximum,
            found=len(value),
        )
    allowed = (lambda c: c.isprintable() or c == "\n") if lines else str.isprintable
    if not all(allowed(c) for c in value.replace("\r\n", "\n")):
        raise DomainError("BAD_CHARACTERS", f"`{field}` holds control characters.", field)
    return value.replace("\r\n", "\n")


def checked_siren(value: str) -> str:
    """The SIREN's nine digits (spaces and dots dropped), or DomainError INVALID_SIREN with its reason:
    `length`, `digits` or `checksum`."""
    compact = stdnum_siren.compact(value)
    try:
        return str(stdnum_siren.validate(compact))
    except InvalidLength:
        reason = "length"
    except InvalidChecksum:
        reason = "checksum"
    except ValidationError:
        reason = "digits"
    raise DomainError(
        "INVALID_SIREN",
        f"{value!r} is not a SIREN: nine digits whose check digit is right (reason: {reason}).",
        "siren",
        siren=value, reason=reason,
    )  # fmt: skip


def _currency(value: str) -> str:
    code = value.strip().upper()
    try:
        exponent(code)
    except UnknownCurrency:
        raise DomainError(
            "UNKNOWN_CURRENCY", f"{value!r} is not an ISO 4217 currency with decimals.", "currency",
            currency=value,
        ) from None  # fmt: skip
    return code


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise DomainError(
            "UNKNOWN_COUNTRY", f"{value!r} is not an ISO 3166 country code (FR, BE, CH…).", "country",
            country=value,
        )  # fmt: skip
    return code


def _code(value: str) -> str:
    code = value.strip()
    if not CODE.fullmatch(code):
        raise DomainError(
            "BAD_CODE",
            "A short code has 1 to 40 letters, digits, dots, dashes or underscores, and starts with a letter "
            "or a digit.",
            "code",
            value=value,
        )
    return code


async def _check_unique(siren: str | None, code: str | None, other_than: int | None) -> None:
    """A SIREN or a short code names one company that is not archived: a company column finds its company by
    either, so a code may not be another company's SIREN either."""
    others = Company.filter(archived_at=None)
    if other_than is not None:
        others = others.exclude(id=other_than)
    if siren:
        taken = await others.filter(Q(siren=siren) | Q(code=siren)).first()
        if taken is not None:
            raise DomainError(
                "SIREN_TAKEN",
                f"{taken.name} already has SIREN {siren}.",
                "siren",
                siren=siren,
                company=taken.name,
            )
    if code:
        taken = await others.filter(Q(code__iexact=code) | Q(siren=code)).first()
        if taken is not None:
            raise DomainError(
                "CODE_TAKEN",
                f"{taken.name} is already named {code!r}.",
                "code",
                value=code,
                company=taken.name,
            )


async def create_company(fields: CompanyFields, who: Principal | None) -> Company:
    """A new company, its creator (a user) made its admin; DomainError for a field that is wrong."""
    name = _text(fields.name or "", "name", MAX_NAME)
    if not name:
        raise DomainError("REQUIRED", "A company needs a name.", "name")
    siren = checked_siren(fields.siren) if fields.siren and fields.siren.strip() else None
    code = _code(fields.code) if fields.code and fields.code.strip() else None
    currency = _currency(fields.currency or "EUR")
    country = _country(fields.country or "FR")
    address = _text(fields.address or "", "address", MAX_ADDRESS, lines=True)
    async with in_transaction("default") as conn:
        await _check_unique(siren, code, None)
        company = await Company.create(
            name=name,
            siren=siren,
            code=code,
            currency=currency,
            country=country,
            address=address,
            using_db=conn,
        )
        if who is not None and who.user_id is not None:
            await Membership.create(
                user_id=who.user_id, company_id=company.id, role=Role.ADMIN.value, using_db=conn
            )
    await audit("company.created", "Company", company.id, company_id=company.id, principal=who,
                detail=_described(company))  # fmt: skip
    return company


async def update_company(company: Company, fields: CompanyFields, who: Principal | None) -> Company:
    """`company` with the fields given changed (audited, old → new); DomainError for a field that is wrong,
    CURRENCY_IN_USE for a currency change once it has imports or entries (its amounts are kept in it)."""
    if company.archived_at is not None:
        raise DomainError("COMPANY_ARCHIVED", f"{company.name} is archived: restore it first.", "id",
                          company=company.name)  # fmt: skip
    changes: dict[str, object] = {}
    if fields.name is not None:
        name = _text(fields.name, "name", MAX_NAME)
        if not name:
            raise DomainError("REQUIRED", "A company needs a name.", "name")
        changes["name"] = name
    if fields.siren is not None:
        changes["siren"] = checked_siren(fields.siren) if fields.siren.strip() else None
    if fields.code is not None:
        changes["code"] = _code(fields.code) if fields.code.strip() else None
    if fields.country is not None:
        changes["country"] = _country(fields.country)
    if fields.address is not None:
        changes["address"] = _text(fields.address, "address", MAX_ADDRESS, lines=True)
    if fields.currency is not None:
        currency = _currency(fields.currency)
        if currency != company.currency and await _has_books(company.id):
            raise DomainError(
                "CURRENCY_IN_USE",
                f"{company.name} has imports or entries in {company.currency}: its currency cannot change.",
                "currency",
                currency=company.currency,
            )
        changes["currency"] = currency
    changed = {k: v for k, v in changes.items() if getattr(company, k) != v}
    if not changed:
        return company
    async with in_transaction("default"):
        await _check_unique(
            str(changed["siren"]) if changed.get("siren") else None,
            str(changed["code"]) if changed.get("code") else None,
            company.id,
        )
        before = {k: getattr(company, k) for k in changed}
        company.update_from_dict(changed)
        await company.save(update_fields=list(changed))
    detail = "; ".join(f"{k}: {before[k]!r} → {v!r}" for k, v in changed.items())
    await audit("company.updated", "Company", company.id, company_id=company.id, principal=who, detail=detail)
    return company


async def _has_books(company_id: int) -> bool:
    return (
        await ImportBatch.filter(company_id=company_id).exists()
        or await Entry.filter(company_id=company_id).exists()
    )


async def set_archived(company: Company, archived: bool, who: Principal | None) -> Company:
    """Archive `company` (hidden, data kept) or restore it; audited. Archiving waits for files being read or
    posted (COMPANY_BUSY); restoring is refused when an active company has taken its SIREN or code."""
    if (company.archived_at is not None) == archived:
        return company
    if archived:
        busy = await ImportBatch.filter(
            company_id=company.id, status__in=[s.value for s in IN_FLIGHT]
        ).count()
        if busy:
            raise DomainError(
                "COMPANY_BUSY",
                f"{company.name} has {busy} import(s) being read or posted: archive it once they are done.",
                "id",
                company=company.name, count=busy,
            )  # fmt: skip
        company.archived_at = datetime.now(UTC)
    else:
        await _check_unique(company.siren, company.code, company.id)
        company.archived_at = None
    await company.save(update_fields=["archived_at"])
    action = "company.archived" if archived else "company.restored"
    await audit(action, "Company", company.id, company_id=company.id, principal=who, detail=company.name)
    return company


def findings(company: Company) -> list[UserError]:
    """What is wrong with a company as stored, to be shown and fixed, never a block: today a SIREN stored
    before SIRENs were checked that fails the check."""
    if company.siren:
        try:
            checked_siren(company.siren)
        except DomainError as exc:
            return [exc.error]
    return []


def _described(company: Company) -> str:
    siren = f", SIREN {company.siren}" if company.siren else ""
    return f"{company.name}{siren}, {company.currency}, {company.country}"
