"""Stage a received file: parse it (in a child process or a thread, imports/feed.py), bulk-insert the good
entries as drafts and record every refused line with its reason. Safe to run again: a rerun starts from a
clean slate.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from ecluse.db.bulk import allocate_ids, insert_rows, is_sqlite
from ecluse.events import EventBus
from ecluse.formats.records import ParseError
from ecluse.imports.feed import Chunk, Header, messages
from ecluse.imports.models import ImportBatch, ImportIssue, ReceivedFile, RejectedLine
from ecluse.imports.publish import publish_batch
from ecluse.imports.statuses import BatchStatus
from ecluse.ledger.masterdata import MasterData
from ecluse.ledger.models import Entry as EntryModel
from ecluse.ledger.models import EntryLine, FiscalYear
from ecluse.storage import FileStore

log = logging.getLogger(__name__)

CHUNK_ITEMS = 20_000  # entries per transaction by default (settings.stage_chunk_entries)

ENTRY_COLUMNS = ("id", "company_id", "batch_id", "journal_id", "number", "date", "state", "source_line")
LINE_COLUMNS = (
    "entry_id", "company_id", "batch_id", "source_line", "account_id", "third_party_id", "piece_ref",
    "piece_date", "label", "debit", "credit", "lettering", "lettering_date", "validation_date",
    "currency_amount", "currency",
)  # fmt: skip
ISSUE_COLUMNS = ("batch_id", "line", "column", "code", "message", "severity")
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
    lines: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    fiscal_years: Counter[int] = field(default_factory=Counter)

    def add(self, chunk: Chunk) -> None:
        self.entries += len(chunk.entries)
        self.debit += chunk.debit
        self.credit += chunk.credit
        self.fiscal_years.update(chunk.year_counts)
        if chunk.first is not None and (self.first is None or chunk.first < self.first):
            self.first = chunk.first
        if chunk.last is not None and (self.last is None or chunk.last > self.last):
            self.last = chunk.last
        for rejected in chunk.refused:
            self.rejected += 1
            self.codes[rejected.errors[0].code] += 1  # entries counted by their first reason
            self.errors += len(rejected.errors)
        for note in chunk.notes:
            if note.severity == "error":
                self.errors += 1
            else:
                self.findings += 1


async def clear_staging(batch_id: int) -> None:
    await EntryLine.filter(batch_id=batch_id).delete()
    await EntryModel.filter(batch_id=batch_id, state="draft").delete()
    await ImportIssue.filter(batch_id=batch_id).delete()
    await RejectedLine.filter(batch_id=batch_id).delete()


async def stage_batch(
    batch_id: int, bus: EventBus, store: FileStore, on_progress: Any = None, chunk: int = CHUNK_ITEMS
) -> None:
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
    years = [
        (y.id, y.start_date, y.end_date)
        for y in await FiscalYear.filter(company_id=batch.company_id, closed=False)
    ]
    stats = StageStats()
    master = MasterData(batch.company_id, batch.id)
    await master.load()
    source = messages(store.absolute(received.storage_path), received.size, received.name, chunk, years)
    async for message in source:
        if isinstance(message, Header):
            if message.fatal is not None or message.info is None:
                await _fail(batch, received, message.fatal, bus)
                return
            received.encoding = message.info.encoding
            await received.save(update_fields=["encoding"])
            batch.siren = message.info.siren
            batch.closing_date = message.info.closing_date
        elif isinstance(message, Chunk):
            await _stage_chunk(batch, master, message, stats)
            percent = min(99, int(message.bytes_read * 100 / received.size)) if received.size else 99
            batch.progress = percent
            if on_progress is not None:
                await on_progress(percent)
            await ImportBatch.filter(id=batch.id).update(progress=percent)
            await publish_batch(bus, batch)
        else:
            stats.lines = message.line_count
    await _finish(batch, stats, bus)


async def _stage_chunk(batch: ImportBatch, master: MasterData, chunk: Chunk, stats: StageStats) -> None:
    await master.create(chunk.journals, chunk.accounts, chunk.parties)
    async with in_transaction() as conn:
        ids = await allocate_ids(conn, "entries", len(chunk.entries))
        rows = await asyncio.to_thread(_rows, conn, batch, master, chunk, ids)
        for table, columns, data in rows:
            await insert_rows(conn, table, columns, data)
    stats.add(chunk)


def _rows(
    conn: BaseDBAsyncClient, batch: ImportBatch, master: MasterData, chunk: Chunk, ids: list[int]
) -> list[tuple[str, tuple[str, ...], list[Any]]]:
    """Plain tuples for the driver (runs in a thread: a chunk is tens of thousands of rows)."""
    cid, bid = batch.company_id, batch.id
    accounts, parties, journals = master.accounts, master.third_parties, master.journals
    # Dates arrive as ISO text, which is what SQLite stores; asyncpg wants `date` objects.
    d: Any = (lambda v: v) if is_sqlite(conn) else _Dates()
    entry_rows: list[Any] = []
    line_rows: list[Any] = []
    for (journal, number, day, first, lines), entry_id in zip(chunk.entries, ids, strict=True):
        entry_rows.append((entry_id, cid, bid, journals[journal], number, d(day), "draft", first))
        for (
            line, account, aux, piece_ref, piece_date, label, debit, credit, lettering, lettering_date,
            validation_date, currency_amount, currency,
        ) in lines:  # fmt: skip
            line_rows.append((
                entry_id, cid, bid, line, accounts[account], parties[aux] if aux else None, piece_ref,
                d(piece_date), label, debit, credit, lettering, d(lettering_date), d(validation_date),
                currency_amount, currency,
            ))  # fmt: skip
    issue_rows: list[Any] = []
    rejected_rows: list[Any] = []
    for rejected in chunk.refused:
        for error in rejected.errors:
            issue_rows.append((bid, error.line, error.column, error.code, error.message, "error"))
        # The download re-reads the received file by line number; the text is kept when the parser has it.
        texts = rejected.raw_lines or ("",) * len(rejected.lines)
        rejected_rows.extend((bid, n, text) for n, text in zip(rejected.lines, texts, strict=True))
    for note in chunk.notes:
        issue_rows.append((bid, note.line, note.column, note.code, note.message, note.severity))
    return [
        ("entries", ENTRY_COLUMNS, entry_rows),
        ("entry_lines", LINE_COLUMNS, line_rows),
        ("import_issues", ISSUE_COLUMNS, issue_rows),
        ("import_rejected_lines", REJECTED_COLUMNS, rejected_rows),
    ]


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
    status = (
        BatchStatus.FINISHED_WITH_ERROR if stats.rejected or stats.errors else BatchStatus.PENDING_VALIDATION
    )
    fiscal_year_id = stats.fiscal_years.most_common(1)[0][0] if stats.fiscal_years else None
    values = dict(
        status=status,
        progress=100,
        line_count=stats.lines,
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
    )
    if await ImportBatch.filter(id=batch.id, status=BatchStatus.PARSING).update(**values):
        await publish_batch(bus, await ImportBatch.get(id=batch.id), notify=True)


async def _fail(batch: ImportBatch, received: ReceivedFile, error: ParseError | None, bus: EventBus) -> None:
    message = error.message if error else "the file could not be read"
    if error is not None:
        await ImportIssue.create(
            batch_id=batch.id, line=error.line, column=error.column, code=error.code, message=error.message
        )
    updated = await ImportBatch.filter(id=batch.id, status=BatchStatus.PARSING).update(
        status=BatchStatus.FAILED, progress=100, error_count=1, error_summary=f"{received.name}: {message}"
    )
    if updated:
        await publish_batch(bus, await ImportBatch.get(id=batch.id), notify=True)
