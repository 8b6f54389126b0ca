"""Custom-file layouts, account number ranges, dry runs and entries sent without a file, over GraphQL."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON
from strawberry.utils.str_converters import to_camel_case

from ecluse.api.context import Info
from ecluse.api.core import Company, UserError, to_int_id
from ecluse.api.imports import ImportFormatEnum, ImportIssue, ImportPayload, received_payload
from ecluse.api.limits import items_sent
from ecluse.api.permissions import principal, require
from ecluse.api.scalars import Money
from ecluse.api.uploads import uploaded
from ecluse.auth.roles import Action
from ecluse.errors import DomainError
from ecluse.formats.messages import as_json
from ecluse.formats.records import ParseError
from ecluse.imports import layouts
from ecluse.imports.preview import preview_sample
from ecluse.imports.receive import receive_entries
from ecluse.imports.statuses import ImportFormat
from ecluse.ledger import companies
from ecluse.money import to_decimal

if TYPE_CHECKING:  # rows the GraphQL types are built from: resolvers read through the domain's functions
    from ecluse.imports.models import ImportLayout as LayoutModel
    from ecluse.ledger.models import Company as CompanyModel


@strawberry.type(
    description="How a company's custom CSV or fixed-width files are read (docs/formats/custom.md)."
)
class ImportLayout:
    id: strawberry.ID
    company_id: strawberry.ID
    name: str
    definition: JSON = strawberry.field(description="The layout, camelCase, every option with its value.")
    updated_at: datetime

    @classmethod
    def of(cls, row: LayoutModel) -> ImportLayout:
        return cls(
            id=strawberry.ID(str(row.id)), company_id=strawberry.ID(str(row.company_id)), name=row.name,
            definition=row.definition, updated_at=row.updated_at,
        )  # fmt: skip


@strawberry.enum(description="How account numbers are compared with a range's bounds.")
class RangeMatch(Enum):
    PREFIX = "prefix"  # as text, padded: 401–401 holds every number that starts with 401 (French charts)
    NUMBER = "number"  # as whole numbers: 10000–19999 holds 10500, not 1050 (AFAS and other numeric charts)


@strawberry.type(
    description="Account numbers from `from` to `to` are of `kind`: G general, D customer, C supplier."
)
class AccountRange:
    kind: str
    from_: str = strawberry.field(name="from")
    to: str
    match: RangeMatch = RangeMatch.PREFIX


@strawberry.input
class AccountRangeInput:
    kind: str
    from_: str = strawberry.field(name="from")
    to: str
    match: RangeMatch = strawberry.field(
        default=RangeMatch.PREFIX, description="A company's ranges all compare the same way."
    )


@strawberry.type
class LayoutPayload:
    layout: ImportLayout | None
    errors: list[UserError]


@strawberry.type
class RangesPayload:
    ranges: list[AccountRange]
    errors: list[UserError]


@strawberry.type
class DeletePayload:
    deleted: bool
    errors: list[UserError]


@strawberry.type
class PreviewLine:
    line: int
    account: str
    third_party: str
    piece_ref: str
    label: str
    debit: Money
    credit: Money
    analytic: str


@strawberry.type
class PreviewEntry:
    company: str = strawberry.field(description="The company the entry would be staged in (its name).")
    journal: str
    number: str
    date: date
    lines: list[PreviewLine]
    total_debit: Money
    total_credit: Money


@strawberry.type(description="What an import of the sample would stage; nothing was saved.")
class ImportPreview:
    format: ImportFormatEnum  # type: ignore[valid-type]
    encoding: str | None
    fatal: ImportIssue | None = strawberry.field(description="Why the file cannot be read at all.")
    entries: list[PreviewEntry] = strawberry.field(description="The first `limit` entries, as staged.")
    issues: list[ImportIssue] = strawberry.field(description="Every error and finding (first 1000).")
    entry_count: int = strawberry.field(description="Entries the import would stage.")
    rejected_entry_count: int = strawberry.field(description="Entries it would refuse.")
    error_count: int
    finding_count: int
    line_count: int = strawberry.field(
        description="Entry lines, refused ones included, as ImportBatch.lineCount counts them."
    )


@strawberry.type
class PreviewPayload:
    preview: ImportPreview | None
    errors: list[UserError]


def _issue(p: ParseError, span: tuple[int, int] | None = None) -> ImportIssue:
    params: Any = as_json(p.values) if p.params else None
    first, last = span or (None, None)
    return ImportIssue(
        line=p.line, column=p.column, code=p.code, message=p.message, severity=p.severity, params=params,
        entry_first_line=first, entry_last_line=last,
    )  # fmt: skip


def _errors(exc: DomainError) -> list[UserError]:
    return [UserError.of(e) for e in getattr(exc, "errors", [exc.error])]


def _ranges(company: CompanyModel) -> list[AccountRange]:
    return [
        AccountRange(kind=r["kind"], from_=r["from"], to=r["to"], match=RangeMatch(r.get("match", "prefix")))
        for r in company.account_ranges or []
    ]


async def _layout_for(info: Info, id: strawberry.ID, action: Action) -> LayoutModel:
    layout_id = to_int_id(id, "id")
    row = await layouts.layout(layout_id)
    if row is None or not principal(info).can(Action.VIEW, row.company_id):
        # Another company's layout answers as one that does not exist.
        raise DomainError("NOT_FOUND", "No such layout.", "id", layout_id=layout_id)
    require(info, action, row.company_id)
    return row


@strawberry.type
class LayoutQuery:
    @strawberry.field(description="The company's saved custom-file layouts, by name.")
    async def import_layouts(self, info: Info, company_id: strawberry.ID) -> list[ImportLayout]:
        cid = to_int_id(company_id, "companyId")
        require(info, Action.VIEW, cid)
        return [ImportLayout.of(r) for r in await layouts.layouts_of(cid)]

    @strawberry.field(description="Account number ranges that give one-column account numbers their kind.")
    async def account_ranges(self, info: Info, company_id: strawberry.ID) -> list[AccountRange]:
        cid = to_int_id(company_id, "companyId")
        require(info, Action.VIEW, cid)
        return _ranges(await companies.company(cid))


@strawberry.input(description="An entry line of `submitEntries` (the JSON format's line).")
class EntryLineInput:
    account: str
    third_party: str | None = None
    label: str | None = None
    debit: Money | None = None
    credit: Money | None = None
    piece_ref: str | None = None
    piece_date: date | None = None
    due_date: date | None = None
    analytic: str | None = None
    lettering: str | None = None


@strawberry.input(description="An entry of `submitEntries` (the JSON format's entry).")
class EntryInput:
    journal: str
    number: str
    date: date
    lines: list[EntryLineInput]
    label: str | None = None
    company: str | None = None
    currency: str | None = None


@strawberry.input
class JournalInput:
    code: str
    label: str | None = None
    kind: str | None = None
    company: str | None = None


@strawberry.input
class AccountInput:
    number: str
    label: str | None = None
    company: str | None = None


@strawberry.input
class ThirdPartyInput:
    code: str
    name: str | None = None
    kind: str | None = None
    company: str | None = None


@strawberry.input
class AnalyticSectionInput:
    code: str
    label: str | None = None
    company: str | None = None


def _plain(value: Any) -> Any:
    """Strawberry inputs → the JSON document's objects (camelCase, unset fields left out)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__strawberry_definition__"):
        out = {}
        for f in value.__strawberry_definition__.fields:
            item = getattr(value, f.python_name)
            if item is not None:
                out[f.graphql_name or to_camel_case(f.python_name)] = _plain(item)
        return out
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "as_tuple"):  # Decimal: exact, as text
        return str(value)
    return value


@strawberry.type
class LayoutMutation:
    @strawberry.mutation(description="Save a new layout (refused with every wrong option named).")
    async def create_import_layout(
        self, info: Info, company_id: strawberry.ID, name: str, definition: JSON
    ) -> LayoutPayload:
        cid = to_int_id(company_id, "companyId")
        who = require(info, Action.SETTINGS, cid)
        try:
            row = await layouts.save_layout(cid, name, definition, who.user_id)
        except DomainError as exc:
            return LayoutPayload(layout=None, errors=_errors(exc))
        return LayoutPayload(layout=ImportLayout.of(row), errors=[])

    @strawberry.mutation(description="Change a layout; imports already read keep the copy they used.")
    async def update_import_layout(
        self, info: Info, id: strawberry.ID, name: str, definition: JSON
    ) -> LayoutPayload:
        try:
            row = await _layout_for(info, id, Action.SETTINGS)
            row = await layouts.save_layout(row.company_id, name, definition, principal(info).user_id, row.id)
        except DomainError as exc:
            return LayoutPayload(layout=None, errors=_errors(exc))
        return LayoutPayload(layout=ImportLayout.of(row), errors=[])

    @strawberry.mutation
    async def delete_import_layout(self, info: Info, id: strawberry.ID) -> DeletePayload:
        try:
            row = await _layout_for(info, id, Action.SETTINGS)
            await layouts.delete_layout(row.company_id, row.id)
        except DomainError as exc:
            return DeletePayload(deleted=False, errors=_errors(exc))
        return DeletePayload(deleted=True, errors=[])

    @strawberry.mutation(
        description="Whether a FEC file whose name carries another SIREN than the company's is refused (the "
        "batch FAILED with SIREN_MISMATCH) or imported with a SIREN_MISMATCH finding (the default)."
    )
    async def set_fec_siren_must_match(
        self, info: Info, company_id: strawberry.ID, must_match: bool
    ) -> Company:
        cid = to_int_id(company_id, "companyId")
        require(info, Action.SETTINGS, cid)
        company = await companies.set_fec_siren_must_match(cid, must_match)
        return Company.from_model(company, principal(info).roles[cid].value)

    @strawberry.mutation(description="Replace the company's account number ranges (overlaps are refused).")
    async def set_account_ranges(
        self, info: Info, company_id: strawberry.ID, ranges: list[AccountRangeInput]
    ) -> RangesPayload:
        cid = to_int_id(company_id, "companyId")
        require(info, Action.SETTINGS, cid)
        plain = [{"kind": r.kind, "from": r.from_, "to": r.to, "match": r.match.value} for r in ranges]
        try:
            company = await layouts.set_account_ranges(cid, plain)
        except DomainError as exc:
            return RangesPayload(ranges=[], errors=_errors(exc))
        return RangesPayload(ranges=_ranges(company), errors=[])

    @strawberry.mutation(
        description="A dry run: read a sample file as an import would (a saved layout, or an unsaved "
        "`definition` for the layout editor's live preview) and return its first entries and every error. "
        "Nothing is saved."
    )
    async def preview_import(
        self, info: Info, company_id: strawberry.ID, file: Upload,
        format: ImportFormatEnum = ImportFormat.AUTO,  # type: ignore[valid-type]
        layout_id: strawberry.ID | None = None, definition: JSON | None = None, limit: int = 20,
    ) -> PreviewPayload:  # fmt: skip
        async with uploaded(file) as upload:
            cid = to_int_id(company_id, "companyId")
            who = require(info, Action.SUBMIT, cid)
            try:
                # A saved layout's id is read only when no unsaved definition is sent.
                lid = (
                    to_int_id(layout_id, "layoutId") if definition is None and layout_id is not None else None
                )
                return await _preview(cid, who.user_id, upload, ImportFormat(format), lid, definition, limit)
            except DomainError as exc:
                return PreviewPayload(preview=None, errors=_errors(exc))

    @strawberry.mutation(
        description="Entries sent without a file (the JSON format's document, typed): stored as a JSON "
        "file and imported like an uploaded one."
    )
    async def submit_entries(
        self, info: Info, company_id: strawberry.ID, entries: list[EntryInput],
        journals: list[JournalInput] | None = None, accounts: list[AccountInput] | None = None,
        third_parties: list[ThirdPartyInput] | None = None,
        analytic_sections: list[AnalyticSectionInput] | None = None,
        idempotency_key: str | None = None,
        file_name: Annotated[str | None, strawberry.argument(description="Shown in the console.")] = None,
    ) -> ImportPayload:  # fmt: skip
        cid = to_int_id(company_id, "companyId")
        who = require(info, Action.SUBMIT, cid)
        document: dict[str, Any] = {"version": 1}
        for key, value in (
            ("journals", journals), ("accounts", accounts), ("thirdParties", third_parties),
            ("analyticSections", analytic_sections), ("entries", entries),
        ):  # fmt: skip
            if value:
                document[key] = _plain(value)
        document.setdefault("entries", [])
        ctx = info.context
        try:
            received = await receive_entries(
                company_id=cid, principal=who, document=document,
                sent=items_sent(ctx, "entries") or len(entries),  # set aside unread when over the cap
                most=ctx.settings.submit_entries_max, file_name=file_name, store=ctx.store, jobs=ctx.jobs,
                bus=ctx.bus, max_bytes=ctx.settings.max_upload_bytes, idempotency_key=idempotency_key,
            )  # fmt: skip
        except DomainError as exc:
            return ImportPayload(batch=None, errors=_errors(exc))
        return await received_payload(received)


async def _preview(
    cid: int, user_id: int | None, upload: Any, fmt: ImportFormat, layout_id: int | None,
    definition: Any, limit: int,
) -> PreviewPayload:  # fmt: skip
    found = await preview_sample(
        company_id=cid, user_id=user_id, read=upload.read, filename=getattr(upload, "filename", None),
        fmt=fmt, layout_id=layout_id, definition=definition, limit=limit,
    )  # fmt: skip
    run, fmt, names = found.run, found.format, found.run.companies
    currency = found.currency
    entries = []
    for entry in run.entries:
        shown = [
            PreviewLine(
                line=ln.line,
                account=ln.account,
                third_party=ln.third_party,
                piece_ref=ln.piece_ref,
                label=ln.label,
                debit=Money(to_decimal(ln.debit, currency)),
                credit=Money(to_decimal(ln.credit, currency)),
                analytic=ln.analytic,
            )
            for ln in entry.lines
        ]
        entries.append(
            PreviewEntry(
                company=str(names.get(entry.company, entry.company)),
                journal=entry.journal,
                number=entry.number,
                date=date.fromisoformat(entry.date),
                lines=shown,
                total_debit=Money(to_decimal(sum(ln.debit for ln in entry.lines), currency)),
                total_credit=Money(to_decimal(sum(ln.credit for ln in entry.lines), currency)),
            )
        )
    preview = ImportPreview(
        format=fmt, encoding=run.info.encoding if run.info else None,
        fatal=_issue(run.fatal) if run.fatal else None, entries=entries, issues=[_issue(p, span) for p, span in run.problems],
        entry_count=run.entry_count, rejected_entry_count=run.rejected_entry_count, error_count=run.error_count,
        finding_count=run.finding_count, line_count=run.line_count,
    )  # fmt: skip
    return PreviewPayload(preview=preview, errors=[])
