"""Stage a received file: parse it (in a child process or a thread, imports/feed.py), bulk-insert the good
entries as drafts and record every refused line with its reason. Safe to run again: a rerun starts from a
clean slate.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

from ecluse.db.bulk import allocate_ids, bulk_connection, insert_rows, is_sqlite
from ecluse.events import EventBus
from ecluse.formats.messages import as_json
from ecluse.formats.records import ParseError
from ecluse.imports.dossier import dossier_findings
from ecluse.imports.feed import Chunk, Header, Source, Totals, messages
from ecluse.imports.models import ImportBatch, ImportIssue, ReceivedFile, RejectedLine
from ecluse.imports.order import order_findings
from ecluse.imports.publish import publish_batch
from ecluse.imports.statuses import MAX_ERROR_CODES, BatchStatus
from ecluse.imports.targets import targets_for
from ecluse.ledger.masterdata import MasterData
from ecluse.ledger.models import Company, EntryLine
from ecluse.ledger.models import Entry as EntryModel
from ecluse.money import UnknownCurrency, exponent
from ecluse.storage import FileStore

log = logging.getLogger(__name__)

CHUNK_ITEMS = 20_000  # entries per chunk from the parser by default (settings.stage_chunk_entries)
#: Entries written per transaction, by database. Staging writes on a connection of its own (db/config.py BULK):
#: on SQLite the API's reads go on meanwhile, and its writes wait for the part being written (~2,500 entries,
#: 7,500 lines: tens of milliseconds), not for a whole chunk (a second and more). PostgreSQL's pool gives the
#: API other connections, and each COPY costs a round trip: a chunk is written whole (None).
TRANSACTION_ENTRIES: dict[str, int | None] = {"sqlite": 2_500, "postgres": None}
BUSY_RETRIES = 5  # a part's transaction tried again when SQLite says another process holds the write lock

ENTRY_COLUMNS = ("id", "company_id", "batch_id", "journal_id", "number", "date", "state", "source_line")
LINE_COLUMNS = (
    "entry_id", "company_id", "batch_id", "source_line", "account_id", "entry_date", "third_party_id",
    "piece_ref", "piece_date", "label", "debit", "credit", "lettering", "lettering_date", "validation_date",
    "currency_amount", "currency", "analytic", "due_date", "invoice_ref",
)  # fmt: skip
#: Left out of a part's insert when no line of the part has one.
NULLABLE_LINE_COLUMNS = (
    "third_party_id", "piece_date", "lettering_date", "validation_date", "currency_amount", "due_date",
)  # fmt: skip
ISSUE_COLUMNS = (
    "batch_id", "line", "column", "code", "message", "severity", "params", "entry_first_line", "entry_last_line",
)  # fmt: skip
REJECTED_COLUMNS = ("batch_id", "line", "text")


@dataclass
class StageStats:
    entries: int = 0
    rejected: int = 0
    errors: int = 0
    findings: int = 0
    debit: int = 0
    credit: int = 0
    first: date | None = None
    last: date | None = None
    #: Entry lines staged, and those of refused entries (kept for download): header, blank and parameter
    #: lines are neither; each batch of a file feeding several companies counts its own.
    staged_lines: int = 0
    refused_lines: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    fiscal_years: Counter[int] = field(default_factory=Counter)

    def add(self, totals: Totals) -> None:
        self.entries += totals.entries
        self.staged_lines += totals.lines
        self.debit += totals.debit
        self.credit += totals.credit
        self.fiscal_years.update(totals.year_counts)
        if totals.first is not None and (self.first is None or totals.first < self.first):
            self.first = totals.first
        if totals.last is not None and (self.last is None or totals.last > self.last):
            self.last = totals.last

    def add_problems(self, chunk: Chunk) -> None:
        for rejected in chunk.refused:
            self.rejected += 1
            self.refused_lines += len(rejected.lines)
            self.codes[rejected.errors[0].code] += 1  # entries counted by their first reason
            self.errors += len(rejected.errors)
        for note in chunk.notes:
            if note.severity == "error":
                self.errors += 1
            else:
                self.findings += 1


async def clear_staging(batch_id: int) -> None:
    """Remove what an earlier attempt staged, for the batch and the batches it spawned for other
    companies (those are reused by the new attempt)."""
    ids = [batch_id, *await ImportBatch.filter(parent_batch_id=batch_id).values_list("id", flat=True)]
    await EntryLine.filter(batch_id__in=ids).delete()
    await EntryModel.filter(batch_id__in=ids, state="draft").delete()
    await ImportIssue.filter(batch_id__in=ids).delete()
    await RejectedLine.filter(batch_id__in=ids).delete()


class _Batches:
    """The batch a file was sent to, and one more per other company its company column names."""

    def __init__(self, batch: ImportBatch, bus: EventBus) -> None:
        self.main = batch
        self.bus = bus
        self.by_company: dict[int, ImportBatch] = {batch.company_id: batch}
        self.masters: dict[int, MasterData] = {}
        self.stats: dict[int, StageStats] = {batch.company_id: StageStats()}

    async def of(self, company_id: int) -> tuple[ImportBatch, MasterData]:
        batch = self.by_company.get(company_id)
        if batch is None:
            batch = await self._sibling(company_id)
            self.by_company[company_id] = batch
            self.stats[company_id] = StageStats()
        master = self.masters.get(company_id)
        if master is None:
            master = self.masters[company_id] = MasterData(company_id, batch.id)
            await master.load()
        return batch, master

    async def _sibling(self, company_id: int) -> ImportBatch:
        main = self.main
        batch = await ImportBatch.get_or_none(parent_batch_id=main.id, company_id=company_id)
        if batch is not None:
            await ImportBatch.filter(id=batch.id).update(status=BatchStatus.PARSING, progress=0)
            batch.status = BatchStatus.PARSING
        else:
            batch = await ImportBatch.create(
                company_id=company_id, file_id=main.file_id, format=main.format, origin=main.origin,
                status=BatchStatus.PARSING, submitted_by_user_id=main.submitted_by_user_id,
                submitted_by_key_id=main.submitted_by_key_id, partner_name=main.partner_name,
                layout_id=main.layout_id, layout_definition=main.layout_definition, parent_batch_id=main.id,
            )  # fmt: skip
        await publish_batch(self.bus, batch)
        return batch


async def stage_batch(
    batch_id: int, bus: EventBus, store: FileStore, on_progress: Any = None, chunk: int = CHUNK_ITEMS,
    guard: Any = None,
) -> None:  # fmt: skip
    """`guard(conn)`, awaited first in each chunk's transaction, raises when the job is no longer this
    runner's (jobs/lease.py): a runner whose lease lapsed never stages after its successor cleared."""
    claimed = await ImportBatch.filter(
        id=batch_id, status__in=[BatchStatus.RECEIVED, BatchStatus.PARSING]
    ).update(status=BatchStatus.PARSING, progress=0)
    if not claimed:
        log.info("batch %s is past parsing; nothing to do", batch_id)
        return
    await clear_staging(batch_id)
    batch = await ImportBatch.get(id=batch_id)
    await publish_batch(bus, batch)
    received = await ReceivedFile.get(id=batch.file_id)
    company = await Company.get(id=batch.company_id)
    try:
        places = exponent(company.currency)
    except UnknownCurrency as exc:  # amounts cannot be read without the currency's decimals
        error = ParseError.of(0, None, "UNKNOWN_CURRENCY", currency=exc.currency, reason=exc.reason)
        await _fail(batch, received, error, bus)
        return
    source = Source(batch.format, batch.layout_definition, list(company.account_ranges or []), places)
    batches = _Batches(batch, bus)
    path = store.absolute(received.storage_path)
    feed = messages(
        path,
        received.size,
        received.name,
        chunk,
        await targets_for(batch.company_id, batch.submitted_by_user_id),
        source,
    )
    async for message in feed:
        if isinstance(message, Header):
            if message.fatal is not None or message.info is None:
                await _fail(batch, received, message.fatal, bus)
                return
            received.encoding = message.info.encoding
            await received.save(update_fields=["encoding"])
            batch.siren = message.info.siren
            batch.closing_date = message.info.closing_date
            notes, refusal = await dossier_findings(company, message.info)
            if refusal is not None:
                await _fail(batch, received, refusal, bus)
                return
            for note in notes:  # shown from now on, while the file is read
                await _issue(batch.id, note)
                batches.stats[batch.company_id].findings += 1
        elif isinstance(message, Chunk):
            await _stage_chunk(batches, message, guard)
            percent = min(99, int(message.bytes_read * 100 / received.size)) if received.size else 99
            if on_progress is not None:
                await on_progress(percent)
            for each in batches.by_company.values():
                each.progress = percent
                await ImportBatch.filter(id=each.id).update(progress=percent)
                await publish_batch(bus, each)
        else:
            if message.fatal is not None:  # found at the end: never leave half a file to validate
                await clear_staging(batch.id)
                for each in batches.by_company.values():
                    await _fail(each, received, message.fatal, bus)
                return
    for company_id, each in batches.by_company.items():
        await _finish(each, batches.stats[company_id], bus)


async def _stage_chunk(batches: _Batches, chunk: Chunk, guard: Any = None) -> None:
    companies = set(chunk.totals) | {cid for cid, *_ in chunk.declared} | {cid for cid, _ in chunk.accounts}
    for cid in sorted(companies):
        _, master = await batches.of(cid)
        declared = [
            (kind, code, label, nature) for c, kind, code, label, nature in chunk.declared if c == cid
        ]
        if declared:
            await master.declare(declared)
        await master.create(
            {code: label for (c, code), label in chunk.journals.items() if c == cid},
            {code: label for (c, code), label in chunk.accounts.items() if c == cid},
            {code: value for (c, code), value in chunk.parties.items() if c == cid},
            {code: label for (c, code), label in chunk.sections.items() if c == cid},
        )
    dialect = connections.get(bulk_connection()).capabilities.dialect
    for part in chunk.parts(TRANSACTION_ENTRIES.get(dialect) or max(1, len(chunk.entries))):
        await _write(batches, part, guard)
    for cid, totals in chunk.totals.items():
        batches.stats[cid].add(totals)
    batches.stats[batches.main.company_id].add_problems(chunk)


async def _write(batches: _Batches, part: Chunk, guard: Any) -> None:
    """One transaction: the part's entries, lines, issues and refused lines (a failed import leaves none of
    its parts behind: fail_parse clears the batch)."""
    for attempt in range(BUSY_RETRIES + 1):
        try:
            async with in_transaction(bulk_connection()) as conn:
                if guard is not None:
                    await guard(conn)
                ids = await allocate_ids(conn, "entries", len(part.entries))
                rows = await asyncio.to_thread(_rows, conn, batches, part, ids)
                for table, columns, data, constants in rows:
                    await insert_rows(conn, table, columns, data, constants)
            return
        except OperationalError as exc:
            # SQLite: another process (the CLI, a second server on the same file) held the write lock past
            # busy_timeout (transactions begin IMMEDIATE: they wait for it, db/sqlite.py). The part was rolled
            # back whole: it is written again.
            if "database is locked" not in str(exc) or attempt == BUSY_RETRIES:
                raise
            log.warning("a part of batch %s met a busy database; writing it again", batches.main.id)
            await asyncio.sleep(0.2 * (attempt + 1))


def _rows(
    conn: BaseDBAsyncClient, batches: _Batches, chunk: Chunk, ids: list[int]
) -> list[tuple[str, tuple[str, ...], list[Any], dict[str, int]]]:
    """Plain tuples for the driver, per table with its columns and the values every row shares (runs in a
    thread: a chunk is tens of thousands of rows)."""
    bid = batches.main.id
    # Dates arrive as ISO text, which is what SQLite stores; asyncpg wants `date` objects.
    d: Any = (lambda v: v) if is_sqlite(conn) else _Dates()
    entries, lines = chunk.entries, chunk.lines
    batch_of = {cid: batches.by_company[cid].id for cid in set(entries.company)}
    masters = batches.masters
    days = entries.date if is_sqlite(conn) else [d(day) for day in entries.date]
    entry_rows = [
        (entry_id, cid, batch_of[cid], masters[cid].journals[journal], number, day, "draft", first)
        for entry_id, cid, journal, number, day, first in zip(
            ids,
            entries.company,
            entries.journal,
            entries.number,
            days,
            entries.first_line,
            strict=True,
        )
    ]
    # Column by column: each lookup is one comprehension over a column, the row tuples come out of zip.
    m = len(lines.line)
    constants: dict[str, int] = {}
    columns: dict[str, list[Any]] = {"entry_id": [ids[index] for index in lines.entry]}
    if len(batch_of) == 1:  # the common case: one company, its maps looked up once
        (cid, batch_id), master = next(iter(batch_of.items())), masters[next(iter(batch_of))]
        accounts, parties = master.accounts, master.third_parties
        if is_sqlite(conn):  # written once in the statement instead of bound on every line
            constants = {"company_id": cid, "batch_id": batch_id}
        else:
            columns |= {"company_id": [cid] * m, "batch_id": [batch_id] * m}
        account_ids = [accounts[account] for account in lines.account]
        party_ids = [parties[party] if party else None for party in lines.third_party]
    else:
        cids = [entries.company[index] for index in lines.entry]
        columns |= {"company_id": cids, "batch_id": [batch_of[cid] for cid in cids]}
        account_ids = [
            masters[cid].accounts[account] for cid, account in zip(cids, lines.account, strict=True)
        ]
        party_ids = [masters[cid].third_parties[party] if party else None
                     for cid, party in zip(cids, lines.third_party, strict=True)]  # fmt: skip
    if not is_sqlite(conn):
        # Each line takes its entry's (converted) date now on PostgreSQL; on SQLite when it is posted
        # (ledger/posting.py): the account index holds dated lines only, and maintaining it while staging
        # was a third of SQLite's inserts. PostgreSQL's posting would rewrite every line (MVCC) for it.
        columns["entry_date"] = [days[index] for index in lines.entry]
    columns |= {
        "source_line": lines.line, "account_id": account_ids,
        "third_party_id": party_ids, "piece_ref": lines.piece_ref, "piece_date": lines.piece_date,
        "label": lines.label, "debit": lines.debit, "credit": lines.credit, "lettering": lines.lettering,
        "lettering_date": lines.lettering_date, "validation_date": lines.validation_date,
        "currency_amount": lines.currency_amount, "currency": lines.currency, "analytic": lines.analytic,
        "due_date": lines.due_date, "invoice_ref": lines.invoice_ref,
    }  # fmt: skip
    # A nullable column empty on every line of the part is left out (NULL by default): files rarely fill
    # them all, and each column bound or copied costs on every line.
    for name in NULLABLE_LINE_COLUMNS:
        if not any(value is not None for value in columns[name]):
            del columns[name]
    if not is_sqlite(conn):  # ISO text → `date` for asyncpg (entry dates are converted already)
        for name in ("piece_date", "lettering_date", "validation_date", "due_date"):
            if name in columns:
                columns[name] = [d(value) for value in columns[name]]
    line_names = tuple(name for name in LINE_COLUMNS if name in columns)
    line_rows: list[Any] = list(zip(*(columns[name] for name in line_names), strict=True))
    issue_rows: list[Any] = []
    rejected_rows: list[Any] = []
    for rejected in chunk.refused:
        span = rejected.span or (None, None)
        for error in rejected.errors:
            issue_rows.append(
                (bid, error.line, error.column, error.code, error.message, "error", _params(error), *span)
            )
        # The download re-reads the received file by line number; the text is kept when the parser has it.
        texts = rejected.raw_lines or ("",) * len(rejected.lines)
        rejected_rows.extend((bid, n, text) for n, text in zip(rejected.lines, texts, strict=True))
    for note in chunk.notes:
        issue_rows.append(
            (bid, note.line, note.column, note.code, note.message, note.severity, _params(note), None, None)
        )
    return [
        ("entries", ENTRY_COLUMNS, entry_rows, {}),
        ("entry_lines", line_names, line_rows, constants),
        ("import_issues", ISSUE_COLUMNS, issue_rows, {}),
        ("import_rejected_lines", REJECTED_COLUMNS, rejected_rows, {}),
    ]


def _params(problem: ParseError) -> str | None:
    """The parameters as JSON text, as the driver stores a JSON column (None when the error has none)."""
    return json.dumps(as_json(problem.values), ensure_ascii=False) if problem.params else None


class _Dates(dict[str | None, date | None]):
    """ISO text → `date`, each distinct day parsed once."""

    def __call__(self, value: str | None) -> date | None:
        return self[value]

    def __missing__(self, value: str | None) -> date | None:
        parsed = None if value is None else date.fromisoformat(value)
        self[value] = parsed
        return parsed


def summarise(stats: StageStats) -> str:
    parts = []
    if stats.rejected:
        detail = ", ".join(f"{code} ×{n}" for code, n in stats.codes.most_common(5))
        parts.append(f"{stats.rejected} entr{'y' if stats.rejected == 1 else 'ies'} rejected ({detail})")
    elif stats.errors:
        parts.append(f"{stats.errors} error{'s' if stats.errors > 1 else ''}")
    if stats.findings:
        parts.append(f"{stats.findings} finding{'s' if stats.findings > 1 else ''}")
    return "; ".join(parts)


async def _finish(batch: ImportBatch, stats: StageStats, bus: EventBus) -> None:
    # A FEC is a company's own ledger in its own order: the import-order finding would be noise there.
    for note in await order_findings(batch.company_id, batch.id) if batch.format != "FEC" else []:
        await _issue(batch.id, note)
        stats.findings += 1
    status = (
        BatchStatus.FINISHED_WITH_ERROR if stats.rejected or stats.errors else BatchStatus.PENDING_VALIDATION
    )
    fiscal_year_id = stats.fiscal_years.most_common(1)[0][0] if stats.fiscal_years else None
    values = dict(
        status=status,
        progress=100,
        line_count=stats.staged_lines + stats.refused_lines,
        staged_line_count=stats.staged_lines,
        refused_line_count=stats.refused_lines,
        entry_count=stats.entries,
        rejected_entry_count=stats.rejected,
        error_count=stats.errors,
        finding_count=stats.findings,
        total_debit=stats.debit,
        total_credit=stats.credit,
        first_date=stats.first,
        last_date=stats.last,
        fiscal_year_id=fiscal_year_id,
        siren=batch.siren,
        closing_date=batch.closing_date,
        error_summary=summarise(stats),
        error_codes=[[code, n] for code, n in stats.codes.most_common(MAX_ERROR_CODES)]
        if stats.rejected
        else [],
    )
    if await ImportBatch.filter(id=batch.id, status=BatchStatus.PARSING).update(**values):
        await publish_batch(bus, await ImportBatch.get(id=batch.id), notify=True)


async def fail_parse(batch_id: int, message: str, bus: EventBus, code: str = "INTERNAL_ERROR") -> None:
    """The parse broke off (a bug, an unreadable stored file): nothing it staged may stay behind, in the
    batch or the batches it opened for other companies, and none of them may stay PARSING."""
    await clear_staging(batch_id)
    ids = [batch_id, *await ImportBatch.filter(parent_batch_id=batch_id).values_list("id", flat=True)]
    for each in ids:
        if await ImportBatch.filter(id=each, status__in=[BatchStatus.RECEIVED, BatchStatus.PARSING]).update(
            status=BatchStatus.FAILED, progress=100, error_count=1, error_summary=message[:500]
        ):
            await ImportIssue.create(batch_id=each, line=0, code=code, message=message[:500])
            await publish_batch(bus, await ImportBatch.get(id=each), notify=True)


async def _issue(batch_id: int, note: ParseError) -> None:
    await ImportIssue.create(
        batch_id=batch_id, line=note.line, column=note.column, code=note.code, message=note.message,
        severity=note.severity, params=as_json(note.values) if note.params else None,
    )  # fmt: skip


async def _fail(batch: ImportBatch, received: ReceivedFile, error: ParseError | None, bus: EventBus) -> None:
    message = error.message if error else "the file could not be read"
    if error is not None:
        await _issue(batch.id, error)
    updated = await ImportBatch.filter(id=batch.id, status=BatchStatus.PARSING).update(
        status=BatchStatus.FAILED, progress=100, error_count=1, error_summary=f"{received.name}: {message}"
    )
    if updated:
        await publish_batch(bus, await ImportBatch.get(id=batch.id), notify=True)
