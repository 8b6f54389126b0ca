"""Import batches over GraphQL: the console's queries, upload / validate / reject, live changes."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from graphql import GraphQLError
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON

from ecluse.api.context import Info
from ecluse.api.core import FiscalYear, UserError, to_int_id
from ecluse.api.grid import EntryGridPage, GridFilter, grid_page
from ecluse.api.limits import ITEMS
from ecluse.api.loaders import loader
from ecluse.api.pagination import (
    Connection,
    connection,
    cursor_id,
    decode_cursor,
    encode_cursor,
    invalid_cursor,
    page_size,
)
from ecluse.api.permissions import forbidden, principal, require
from ecluse.api.scalars import Money
from ecluse.api.shared_events import SharedResults
from ecluse.api.uploads import upload_chunks, uploaded
from ecluse.auth.roles import Action
from ecluse.errors import DomainError, Forbidden
from ecluse.events import company_batches
from ecluse.imports import access, decide, listing, queries
from ecluse.imports.receive import Received, origin_of, receive_file
from ecluse.imports.state import BatchState
from ecluse.imports.statuses import MAX_ERROR_CODES, BatchStatus, ImportFormat, Origin
from ecluse.ledger.companies import currency_of
from ecluse.ledger.queries import LineRow, batch_line_totals, batch_lines
from ecluse.money import decimal_of, exponent, exponent_or, to_decimal

if TYPE_CHECKING:  # the row a batch's GraphQL type wraps; resolvers read through the domain's queries
    from ecluse.imports.models import ImportBatch as BatchModel
else:  # strawberry resolves even a private field's type when it builds the schema; only mypy needs the model
    BatchModel = object

#: A partner's name is at most 200 characters: a longer filter matches nothing, and SQLite refuses LIKE
#: patterns past 50,000 bytes.
MAX_PARTNER_FILTER = 200
#: Names in `filter.partners`: a person picks a few from importPartners; a bound keeps the IN list small.
MAX_PARTNERS_FILTER = 50

ImportStatus = strawberry.enum(BatchStatus, name="ImportStatus")
ImportFormatEnum = strawberry.enum(ImportFormat, name="ImportFormat")
ImportOrigin = strawberry.enum(Origin, name="ImportOrigin")


@strawberry.enum
class ImportSortField(Enum):
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"
    STATUS = "STATUS"
    FORMAT = "FORMAT"
    PARTNER = "PARTNER"
    FILE_NAME = "FILE_NAME"
    ENTRY_COUNT = "ENTRY_COUNT"
    ORIGIN = "ORIGIN"
    ERROR_SUMMARY = "ERROR_SUMMARY"
    FIRST_MOVEMENT = "FIRST_MOVEMENT"
    LAST_MOVEMENT = "LAST_MOVEMENT"
    REFERENCE_PERIOD = "REFERENCE_PERIOD"


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input
class ImportSort:
    field: ImportSortField = ImportSortField.CREATED_AT
    direction: SortDirection = SortDirection.DESC


@strawberry.input
class ImportBatchFilter:
    statuses: list[BatchStatus] | None = None
    partner: str | None = strawberry.field(
        default=None, description="A part of the sender's name, in any case."
    )
    partners: list[str] | None = strawberry.field(
        default=None,
        description=f"Senders' exact names, as importPartners lists them: batches of any of them "
        f"(at most {MAX_PARTNERS_FILTER} names).",
    )
    formats: list[ImportFormat] | None = None
    from_: date | None = strawberry.field(default=None, name="from")
    to: date | None = None


@strawberry.type
class ReceivedFile:
    name: str
    size: int
    sha256: str
    encoding: str | None
    download_url: str


@strawberry.type
class ImportIssue:
    line: int
    column: str | None
    code: str
    message: str = strawberry.field(
        description="English, for logs and developers: show `code` with `params`."
    )
    severity: str
    params: JSON | None = strawberry.field(
        default=None,
        description="The values the message speaks of, by name: dates ISO, amounts as decimal strings.",
    )
    entry_first_line: int | None = strawberry.field(
        default=None,
        description="An error that refused an entry: the first line of that entry. Every line from it to "
        "entryLastLine that belongs to the entry was refused with it (the grid shows them in place).",
    )
    entry_last_line: int | None = strawberry.field(
        default=None, description="An error that refused an entry: the last line of that entry."
    )


Day = date  # the `date` field of EntryLine hides the type inside the class
#: Where a page of a batch's lines starts in the file (`entries` and `grid`).
FromLine = Annotated[
    int | None, strawberry.argument(description="Start at this line of the file (a jump in the grid).")
]


@strawberry.type
class EntryLine:
    id: strawberry.ID
    line: int = strawberry.field(description="Line number in the received file.")
    journal: str
    entry_number: str
    date: date
    piece: str = strawberry.field(description="The entry number (EcritureNum), shown as « Pièce ».")
    account: str
    account_label: str
    third_party: str | None
    third_party_name: str | None
    reference: str
    label: str
    debit: Money
    credit: Money
    lettering: str
    due_date: Day | None = strawberry.field(description="When the line falls due, where the file says.")
    invoice_ref: str = strawberry.field(
        description="The invoice the line raises or settles, where the file gives one apart from its reference."
    )
    analytic: str = strawberry.field(description="The analytic section (project) it is charged to, or empty.")
    currency: str = strawberry.field(
        description="The currency of currencyAmount (a FEC's Idevise), or empty: the company's."
    )
    currency_amount: Money | None = strawberry.field(
        description="The amount in that currency (a FEC's Montantdevise), signed as the file gives it."
    )
    posted: bool

    @classmethod
    def from_row(cls, row: LineRow, currency: str) -> EntryLine:
        return cls(
            id=strawberry.ID(str(row.id)),
            line=row.source_line,
            journal=row.journal_code,
            entry_number=row.entry_number,
            date=row.entry_date,
            piece=row.entry_number,
            account=row.account_number,
            account_label=row.account_label,
            third_party=row.third_party_code,
            third_party_name=row.third_party_name,
            reference=row.piece_ref,
            label=row.label,
            debit=Money(to_decimal(row.debit, currency)),
            credit=Money(to_decimal(row.credit, currency)),
            lettering=row.lettering,
            due_date=row.due_date,
            invoice_ref=row.invoice_ref,
            analytic=row.analytic,
            currency=row.currency,
            currency_amount=None
            if row.currency_amount is None
            else Money(decimal_of(row.currency_amount, exponent_or(row.currency, exponent(currency)))),
            posted=row.state == "posted",
        )


@strawberry.type(description="How many entries one error code refused.")
class CodeCount:
    code: str
    count: int


@strawberry.type
class ImportBatch:
    _batch: strawberry.Private[BatchModel | BatchState]  # a row, or the state a live event carries
    _currency: strawberry.Private[str]
    #: A live event's batch is one object for every subscriber of the process: the results of its selection
    #: sets, by document and permission scope (api/shared_events.py).
    shared: strawberry.Private[SharedResults | None] = None

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self._batch.id))

    @strawberry.field
    def company_id(self) -> strawberry.ID:
        return strawberry.ID(str(self._batch.company_id))

    @strawberry.field(
        description="When the posted import was undone by reversal (reverseImport); null if not."
    )
    def reversed_at(self) -> datetime | None:
        return self._batch.reversed_at

    @strawberry.field(description="The date its reversing entries carry.")
    def reversal_date(self) -> date | None:
        return self._batch.reversal_date

    @strawberry.field(description="The user or partner application that sent it.")
    def partner(self) -> str:
        return self._batch.partner_name

    @strawberry.field
    def file_name(self) -> str:
        return self._batch.file.name

    @strawberry.field
    def format(self) -> ImportFormatEnum:  # type: ignore[valid-type]
        return ImportFormat(self._batch.format)

    @strawberry.field
    def origin(self) -> ImportOrigin:  # type: ignore[valid-type]
        return Origin(self._batch.origin)

    @strawberry.field
    def status(self) -> ImportStatus:  # type: ignore[valid-type]
        return BatchStatus(self._batch.status)

    @strawberry.field(description="0–100 while parsing.")
    def progress(self) -> int:
        return self._batch.progress

    @strawberry.field(description="English, for logs: people read `failure` (a FAILED batch) or the errors.")
    def error_summary(self) -> str:
        return self._batch.error_summary

    @strawberry.field(
        description="The codes that refused entries, most frequent first (5 at most), each with the number of "
        "entries it refused: `errorSummary` in a form a client says in its user's language.",
        metadata={ITEMS: MAX_ERROR_CODES},
    )
    def error_codes(self) -> list[CodeCount]:
        return [CodeCount(code=str(code), count=int(n)) for code, n in self._batch.error_codes or []]

    @strawberry.field(
        description="Why a FAILED batch's file could not be read: its first error as a code with parameters, "
        "for a client to say in its user's language (null for any other status)."
    )
    async def failure(self, info: Info) -> UserError | None:
        if self._batch.status != BatchStatus.FAILED:
            return None
        first = await loader(info.context, "FirstErrorByBatchLoader").load(self._batch.id)
        return UserError.of(first) if first is not None else None

    @strawberry.field(description="The saved layout a custom file was read with (its copy is kept).")
    def layout_id(self) -> strawberry.ID | None:
        return strawberry.ID(str(self._batch.layout_id)) if self._batch.layout_id else None

    @strawberry.field(description="The first import whose rejected lines this file re-sends.")
    def resent_of_id(self) -> strawberry.ID | None:
        return strawberry.ID(str(self._batch.resent_of_id)) if self._batch.resent_of_id else None

    @strawberry.field(description="For a file feeding several companies: the import it was sent as.")
    def parent_batch_id(self) -> strawberry.ID | None:
        return strawberry.ID(str(self._batch.parent_batch_id)) if self._batch.parent_batch_id else None

    @strawberry.field(
        description="Entries staged (then posted) for this company; refused entries are rejectedEntryCount."
    )
    def entry_count(self) -> int:
        return self._batch.entry_count

    @strawberry.field(
        description="Entry lines for this company: stagedLineCount + refusedLineCount. Header, blank and "
        "parameter lines (a TRA's) are not counted; a file feeding several companies counts in each batch "
        "the lines of that company."
    )
    def line_count(self) -> int:
        return self._batch.line_count

    @strawberry.field(
        description="Entry lines staged (then posted): the lines of entryCount, with the VAT lines a layout computes."
    )
    def staged_line_count(self) -> int:
        return self._batch.staged_line_count

    @strawberry.field(
        description="Lines of the refused entries: the rejected-lines download (rejectedLinesUrl) holds them."
    )
    def refused_line_count(self) -> int:
        return self._batch.refused_line_count

    @strawberry.field(
        description="Entries refused, each with at least one error; none of their lines is staged."
    )
    def rejected_entry_count(self) -> int:
        return self._batch.rejected_entry_count

    @strawberry.field(description="Errors: on refused entries, and on the file (a FAILED batch has one).")
    def error_count(self) -> int:
        return self._batch.error_count

    @strawberry.field(description="Findings: what a reviewer should know, which refuses nothing.")
    def finding_count(self) -> int:
        return self._batch.finding_count

    @strawberry.field
    def currency(self) -> str:
        return self._currency

    @strawberry.field
    def total_debit(self) -> Money:
        return Money(to_decimal(self._batch.total_debit, self._currency))

    @strawberry.field
    def total_credit(self) -> Money:
        return Money(to_decimal(self._batch.total_credit, self._currency))

    @strawberry.field
    def created_at(self) -> datetime:
        return self._batch.created_at

    @strawberry.field
    def updated_at(self) -> datetime:
        return self._batch.updated_at

    @strawberry.field
    def first_movement(self) -> date | None:
        return self._batch.first_date

    @strawberry.field
    def last_movement(self) -> date | None:
        return self._batch.last_date

    @strawberry.field
    def siren(self) -> str | None:
        return self._batch.siren

    @strawberry.field
    def closing_date(self) -> date | None:
        return self._batch.closing_date

    @strawberry.field(description="Set when the same content was received before (not rejected).")
    def duplicate_of_id(self) -> strawberry.ID | None:
        dup = self._batch.duplicate_of_id
        return strawberry.ID(str(dup)) if dup else None

    @strawberry.field(description="The fiscal year holding the movements.")
    async def reference_period(self, info: Info) -> FiscalYear | None:
        if self._batch.fiscal_year_id is None:
            return None
        year = await loader(info.context, "FiscalYearByIdLoader").load(self._batch.fiscal_year_id)
        return FiscalYear.from_model(year) if year else None

    @strawberry.field
    def file(self) -> ReceivedFile:
        f = self._batch.file
        return ReceivedFile(
            name=f.name,
            size=f.size,
            sha256=f.sha256,
            encoding=f.encoding,
            download_url=f"/files/batches/{self._batch.id}/original",
        )

    @strawberry.field
    def rejected_lines_url(self) -> str | None:
        # None when there is nothing to download: no refused line, or a FAILED file (nothing of it was kept).
        refused = self._batch.refused_line_count and self._batch.status != BatchStatus.FAILED
        return f"/files/batches/{self._batch.id}/rejected" if refused else None

    @strawberry.field
    def errors_csv_url(self) -> str:
        return f"/files/batches/{self._batch.id}/errors.csv"

    @strawberry.field
    async def job_id(self, info: Info) -> strawberry.ID | None:
        job = await loader(info.context, "LatestJobByBatchLoader").load(self._batch.id)
        return strawberry.ID(job.id) if job else None

    @strawberry.field(description="Staged (or posted) entry lines, in file order.")
    async def entries(
        self,
        first: int | None = 100,
        after: str | None = None,
        from_line: FromLine = None,
    ) -> Connection[EntryLine]:
        limit = page_size(first)
        cursor = decode_cursor(after)
        rows = await batch_lines(
            self._batch.id, cursor_id(cursor) if cursor else 0, limit + 1, from_line or 0
        )
        batch_id = self._batch.id

        async def count() -> int:
            return (await batch_line_totals(batch_id))[0]

        currency = self._currency
        return connection(
            rows, limit, lambda r: encode_cursor(r.id), lambda r: EntryLine.from_row(r, currency), count
        )

    @strawberry.field(
        description="The web app's entry grid: staged lines as rows of values, refused lines in place, in "
        "file order. Partner applications read `entries`, whose typed fields stay stable."
    )
    async def grid(
        self,
        first: int | None = 100,
        after: str | None = None,
        from_line: FromLine = None,
        filter: GridFilter | None = None,
    ) -> EntryGridPage:
        batch = self._batch
        where = filter.of(batch.company_id, self._currency) if filter is not None else None
        # A batch's counts are set when its parse ends: before that, refused lines may already be stored.
        refusals = (
            batch.status in (BatchStatus.RECEIVED, BatchStatus.PARSING)
            or batch.rejected_entry_count > 0
            or batch.error_count > 0
        )
        return await grid_page(
            batch.id, self._currency, first, after, from_line, refusals=refusals, where=where
        )

    @strawberry.field
    async def errors(
        self, first: int | None = 100, after: str | None = None, include_findings: bool = True
    ) -> Connection[ImportIssue]:
        limit = page_size(first)
        batch_id, errors_only = self._batch.id, not include_findings
        cursor = decode_cursor(after)
        rows = await queries.issues_page(
            batch_id, errors_only=errors_only, after_id=cursor_id(cursor) if cursor else None, limit=limit + 1
        )

        async def count() -> int:
            return await queries.count_issues(batch_id, errors_only=errors_only)

        return connection(
            rows,
            limit,
            lambda i: encode_cursor(i.id),
            lambda i: ImportIssue(
                line=i.line,
                column=i.column,
                code=i.code,
                message=i.message,
                severity=i.severity,
                params=i.params,
                entry_first_line=i.entry_first_line,
                entry_last_line=i.entry_last_line,
            ),
            count,
        )

    @classmethod
    async def load(cls, batch: BatchModel) -> ImportBatch:
        return cls(_batch=await queries.with_file(batch), _currency=await currency_of(batch.company_id))


async def _batch_for(info: Info, batch_id: strawberry.ID, action: Action) -> BatchModel:
    who = principal(info)
    try:
        return await access.batch_for(who, to_int_id(batch_id), action)
    except Forbidden as exc:
        raise forbidden(str(exc)) from None


def _bad_input(message: str, field: str, maximum: int) -> GraphQLError:
    return GraphQLError(
        message, extensions={"code": "BAD_USER_INPUT", "field": field, "params": {"maximum": maximum}}
    )


def _check_partners(flt: ImportBatchFilter) -> None:
    """The partner filters' bounds: names are at most a partner's name long, and few."""
    if flt.partner and len(flt.partner) > MAX_PARTNER_FILTER:
        raise _bad_input(
            f"`filter.partner` is at most {MAX_PARTNER_FILTER} characters (a partner's name).",
            "filter.partner",
            MAX_PARTNER_FILTER,
        )
    names = flt.partners or []
    if len(names) > MAX_PARTNERS_FILTER:
        raise _bad_input(
            f"`filter.partners` holds at most {MAX_PARTNERS_FILTER} names.",
            "filter.partners",
            MAX_PARTNERS_FILTER,
        )
    if any(len(name) > MAX_PARTNER_FILTER for name in names):
        raise _bad_input(
            f"Each name of `filter.partners` is at most {MAX_PARTNER_FILTER} characters (a partner's name).",
            "filter.partners",
            MAX_PARTNER_FILTER,
        )


async def _batches(
    info: Info, company_id: strawberry.ID, flt: ImportBatchFilter | None, sort: ImportSort | None,
    first: int | None, after: str | None, history: bool,
) -> Connection[ImportBatch]:  # fmt: skip
    cid = to_int_id(company_id, "companyId")
    who = require(info, Action.VIEW, cid)
    if flt:
        _check_partners(flt)
    domain_filter = listing.BatchFilter(
        statuses=[s.value for s in flt.statuses] if flt and flt.statuses else None,
        partner=flt.partner if flt else None,
        partners=flt.partners if flt and flt.partners else None,
        formats=[f.value for f in flt.formats] if flt and flt.formats else None,
        date_from=flt.from_ if flt else None,
        date_to=flt.to if flt else None,
    )
    query = listing.batches_query(who, cid, domain_filter, history=history)
    sort = sort or ImportSort()
    limit = page_size(first)
    try:
        rows = await listing.page_batches(
            query, sort.field.value, sort.direction == SortDirection.DESC, decode_cursor(after), limit
        )
    except ValueError as exc:  # a cursor of another sort, or made by hand
        raise invalid_cursor() from exc
    currency = await currency_of(cid)
    return connection(
        rows,
        limit,
        lambda b: encode_cursor(*listing.cursor_values(b, sort.field.value)),
        lambda b: ImportBatch(_batch=b, _currency=currency),
        lambda: listing.count_batches(query),
    )


@strawberry.type
class ImportPayload:
    batch: ImportBatch | None
    job_id: strawberry.ID | None = None
    errors: list[UserError]


def _failed(exc: DomainError) -> ImportPayload:
    return ImportPayload(batch=None, errors=[UserError.of(exc.error)])


async def received_payload(received: Received) -> ImportPayload:
    """The batch a file went into; with the key-conflict error when the sender reused a key."""
    conflict = received.conflict
    return ImportPayload(
        batch=await ImportBatch.load(received.batch),
        job_id=strawberry.ID(received.job_id) if received.job_id else None,
        errors=[] if conflict is None else _failed(conflict).errors,
    )


@strawberry.type
class ImportQuery:
    @strawberry.field(description="The partner-imports console: every batch but the succeeded ones.")
    async def import_batches(
        self, info: Info, company_id: strawberry.ID, filter: ImportBatchFilter | None = None,
        sort: ImportSort | None = None, first: int | None = 50, after: str | None = None,
    ) -> Connection[ImportBatch]:  # fmt: skip
        return await _batches(info, company_id, filter, sort, first, after, history=False)

    @strawberry.field(description="Every import of the company, succeeded ones included, with its origin.")
    async def import_history(
        self, info: Info, company_id: strawberry.ID, filter: ImportBatchFilter | None = None,
        sort: ImportSort | None = None, first: int | None = 50, after: str | None = None,
    ) -> Connection[ImportBatch]:  # fmt: skip
        return await _batches(info, company_id, filter, sort, first, after, history=True)

    @strawberry.field(
        description='Who sent the company\'s imports (users, partner applications, "CLI" for the command '
        f"line), for a filter's list: sorted, at most {listing.MAX_PARTNERS}. A partner application sees its "
        "own name only."
    )
    async def import_partners(self, info: Info, company_id: strawberry.ID) -> list[str]:
        cid = to_int_id(company_id, "companyId")
        return await listing.partner_names(require(info, Action.VIEW, cid), cid)

    @strawberry.field
    async def import_batch(self, info: Info, id: strawberry.ID) -> ImportBatch:
        return await ImportBatch.load(await _batch_for(info, id, Action.VIEW))

    @strawberry.field(
        description="Imports waiting for a decision: the prompt shown when a company is opened."
    )
    async def pending_imports_count(self, info: Info, company_id: strawberry.ID) -> int:
        cid = to_int_id(company_id, "companyId")
        who = require(info, Action.VIEW, cid)
        return await listing.pending_count(who, cid)


@strawberry.type
class ImportMutation:
    @strawberry.mutation
    async def upload_import(
        self, info: Info, company_id: strawberry.ID, file: Upload,
        format: ImportFormatEnum = ImportFormat.AUTO,  # type: ignore[valid-type]
        layout_id: strawberry.ID | None = None, idempotency_key: str | None = None,
        resend_of: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The import whose rejected lines this file re-sends, fixed."),
        ] = None,
    ) -> ImportPayload:  # fmt: skip
        async with uploaded(file) as upload:
            cid = to_int_id(company_id, "companyId")
            who = require(info, Action.SUBMIT, cid)
            ctx = info.context
            try:
                received = await receive_file(
                    company_id=cid,
                    principal=who,
                    filename=upload.filename or "upload",
                    chunks=upload_chunks(upload),
                    fmt=ImportFormat(format),
                    origin=origin_of(who),
                    store=ctx.store,
                    jobs=ctx.jobs,
                    bus=ctx.bus,
                    max_bytes=ctx.settings.max_upload_bytes,
                    idempotency_key=idempotency_key,
                    layout_id=to_int_id(layout_id, "layoutId") if layout_id else None,
                    resend_of=to_int_id(resend_of, "resendOf") if resend_of else None,
                )
            except DomainError as exc:
                return _failed(exc)
            return await received_payload(received)

    @strawberry.mutation(description="Post every staged entry of the batch (one transaction, run as a job).")
    async def validate_import(self, info: Info, id: strawberry.ID) -> ImportPayload:
        who = principal(info)
        try:
            decided = await decide.validate_import(who, to_int_id(id), info.context.bus, info.context.jobs)
        except Forbidden as exc:
            raise forbidden(str(exc)) from None
        except DomainError as exc:
            return _failed(exc)
        job_id = strawberry.ID(decided.job_id) if decided.job_id else None
        return ImportPayload(batch=await ImportBatch.load(decided.batch), job_id=job_id, errors=[])

    @strawberry.mutation(
        description="Delete the staged entries; the journals, accounts and third parties stay."
    )
    async def reject_import(self, info: Info, id: strawberry.ID) -> ImportPayload:
        who = principal(info)
        try:
            decided = await decide.reject_import(who, to_int_id(id), info.context.bus)
        except Forbidden as exc:
            raise forbidden(str(exc)) from None
        except DomainError as exc:
            return _failed(exc)
        return ImportPayload(batch=await ImportBatch.load(decided.batch), errors=[])

    @strawberry.mutation(
        description="Undo a posted import by reversal: each of its entries gets an opposite entry dated `date` "
        "(in an open fiscal year), linked to it; both stay in the books. Refused for entries in a locked or "
        "closed year. Safe to retry: a reversed import is returned as it is."
    )
    async def reverse_import(
        self, info: Info, id: strawberry.ID, date_: Annotated[date, strawberry.argument(name="date")]
    ) -> ImportPayload:
        who = principal(info)
        try:
            batch = await decide.reverse_import(who, to_int_id(id), date_, info.context.bus)
        except Forbidden as exc:
            raise forbidden(str(exc)) from None
        except DomainError as exc:
            return _failed(exc)
        return ImportPayload(batch=await ImportBatch.load(batch), errors=[])


@strawberry.type
class ImportSubscription:
    @strawberry.subscription(
        description="Every status change and parse progress of the company's imports; with `batchId`, of that "
        "import only, and its first event is its current state (sent once the subscription listens: a client "
        "that subscribes after its upload misses no status; the state first sent may be repeated by the event "
        "of the change it already shows)."
    )
    async def import_batch_changed(
        self, info: Info, company_id: strawberry.ID, batch_id: strawberry.ID | None = None
    ) -> AsyncGenerator[ImportBatch, None]:
        cid = to_int_id(company_id, "companyId")
        who = require(info, Action.VIEW, cid)
        bid = to_int_id(batch_id, "batchId") if batch_id is not None else None
        async with info.context.bus.subscribe(company_batches(cid)) as events:
            currency = await currency_of(cid)
            if bid is not None:
                current = await access.visible_batch(who, bid)
                if current is None or current.company_id != cid:
                    raise forbidden("No such import, or you may not see it.")
                yield await ImportBatch.load(current)
            async for event in events:
                if bid is not None and event.get("batch_id") != bid:
                    continue
                info.context.loaders.clear()  # fresh loaders per event: never a stale related row
                if "state" in event:
                    # The state the change left, as its maker read it: no read here, whatever the subscribers.
                    # Every subscriber of this process gets the same event object: the first one reads it, and
                    # each selection set runs once per document and permission scope (api/shared_events.py).
                    shared = event.get("_shared")
                    if shared is None and event["state"]:
                        state = BatchState.of(event["state"])
                        shared = event["_shared"] = ImportBatch(
                            _batch=state,
                            _currency=currency,
                            shared=SharedResults(state.company_id),
                        )
                    if shared is not None and access.can_see(who, shared._batch):
                        yield shared
                    continue
                # An event of a process still on the previous version (a rolling update) names the batch
                # only: it is read here, as it is now.
                batch = await access.visible_batch(who, event["batch_id"])
                if batch is not None:
                    yield await ImportBatch.load(batch)
