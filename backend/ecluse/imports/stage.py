"""Stage a received file: parse it (off the event loop), check each entry, bulk-insert the good ones as
drafts and record every refused line with its reason. Safe to run again: a rerun starts from a clean slate.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from ecluse.db.bulk import allocate_ids, db_date, insert_rows
from ecluse.events import EventBus
from ecluse.formats.fec import open_fec
from ecluse.formats.records import Entry, ParseError, RejectedEntry
from ecluse.imports.models import ImportBatch, ImportIssue, ReceivedFile, RejectedLine
from ecluse.imports.publish import publish_batch
from ecluse.imports.statuses import BatchStatus
from ecluse.ledger.masterdata import MasterData
from ecluse.ledger.models import Entry as EntryModel
from ecluse.ledger.models import EntryLine
from ecluse.ledger.periods import OpenYears
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
    codes: Counter[str] = field(default_factory=Counter)
    fiscal_years: Counter[int] = field(default_factory=Counter)


def _take(items: Iterator[Any], n: int) -> list[Any]:
    return list(itertools.islice(items, n))


async def clear_staging(batch_id: int) -> None:
    await EntryLine.filter(batch_id=batch_id).delete()
    await EntryModel.filter(batch_id=batch_id, state="draft").delete()
    await ImportIssue.filter(batch_id=batch_id).delete()
    await RejectedLine.filter(batch_id=batch_id).delete()


def out_of_period(entry: Entry, message: str) -> RejectedEntry:
    error = ParseError(entry.lines[0].line, "EcritureDate", "NO_OPEN_FISCAL_YEAR", message)
    return RejectedEntry(
        journal_code=entry.journal_code,
        number=entry.number,
        lines=tuple(line.line for line in entry.lines),
        raw_lines=(),
        errors=(error,),
    )


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
    with store.open(received.storage_path) as stream:
        fec = await asyncio.to_thread(open_fec, stream, received.name)
        if fec.fatal is not None or fec.info is None:
            await _fail(batch, received, fec.fatal, bus)
            return
        received.encoding = fec.info.encoding
        await received.save(update_fields=["encoding"])
        batch.siren = fec.info.siren
        batch.closing_date = fec.info.closing_date
        stats = await _stage_items(batch, fec, received.size, bus, on_progress, chunk)
    await _finish(batch, fec.line_count, stats, bus)


async def _stage_items(
    batch: ImportBatch, fec: Any, size: int, bus: EventBus, on_progress: Any, chunk_size: int
) -> StageStats:
    stats = StageStats()
    master = MasterData(batch.company_id, batch.id)
    await master.load()
    years = await OpenYears.of(batch.company_id)
    items = fec.items()
    # Parse the next chunk while this one is inserted: the driver releases the GIL while SQLite or
    # PostgreSQL works, so reading and writing overlap.
    upcoming = asyncio.ensure_future(asyncio.to_thread(_take, items, chunk_size))
    while chunk := await upcoming:
        upcoming = asyncio.ensure_future(asyncio.to_thread(_take, items, chunk_size))
        good: list[Entry] = []
        refused: list[RejectedEntry] = []
        notes: list[ParseError] = []
        for item in chunk:
            if isinstance(item, Entry):
                year = years.holding(item.date)
                if year is None:
                    refused.append(
                        out_of_period(item, f"{item.date.isoformat()} falls outside every open fiscal year")
                    )
                else:
                    stats.fiscal_years[year.id] += 1
                    good.append(item)
            elif isinstance(item, RejectedEntry):
                refused.append(item)
            else:
                notes.append(item)
        await master.ensure(good)
        async with in_transaction() as conn:
            ids = await allocate_ids(conn, "entries", len(good))
            rows = await asyncio.to_thread(_rows, conn, batch, master, good, ids, refused, notes, stats)
            for table, columns, data in rows:
                await insert_rows(conn, table, columns, data)
        percent = min(99, int(fec.bytes_read * 100 / size)) if size else 99
        batch.progress = percent
        if on_progress is not None:
            await on_progress(percent)
        await ImportBatch.filter(id=batch.id).update(progress=percent)
        await publish_batch(bus, batch)
    return stats


def _rows(
    conn: BaseDBAsyncClient,
    batch: ImportBatch,
    master: MasterData,
    good: list[Entry],
    ids: list[int],
    refused: list[RejectedEntry],
    notes: list[ParseError],
    stats: StageStats,
) -> list[tuple[str, tuple[str, ...], list[Any]]]:
    """Plain tuples for the driver (runs in a thread: a chunk is tens of thousands of rows)."""
    cid, bid = batch.company_id, batch.id
    accounts, parties, journals = master.accounts, master.third_parties, master.journals
    entry_rows: list[Any] = []
    line_rows: list[Any] = []
    dates: dict[date | None, Any] = {None: None}

    def d(value: date | None) -> Any:
        try:
            return dates[value]
        except KeyError:
            dates[value] = converted = db_date(conn, value)
            return converted

    for entry, entry_id in zip(good, ids, strict=True):
        first = entry.lines[0].line
        entry_rows.append(
            (entry_id, cid, bid, journals[entry.journal_code], entry.number, d(entry.date), "draft", first)
        )
        for ln in entry.lines:
            line_rows.append((
                entry_id, cid, bid, ln.line, accounts[ln.account_number],
                parties[ln.aux_number] if ln.aux_number else None, ln.piece_ref, d(ln.piece_date), ln.label,
                ln.debit, ln.credit, ln.lettering, d(ln.lettering_date), d(ln.validation_date),
                ln.currency_amount, ln.currency,
            ))  # fmt: skip
            stats.debit += ln.debit
            stats.credit += ln.credit
        if stats.first is None or entry.date < stats.first:
            stats.first = entry.date
        if stats.last is None or entry.date > stats.last:
            stats.last = entry.date
    stats.entries += len(good)
    issue_rows: list[Any] = []
    rejected_rows: list[Any] = []
    for rejected in refused:
        stats.rejected += 1
        stats.codes[rejected.errors[0].code] += 1  # entries counted by their first reason
        for error in rejected.errors:
            stats.errors += 1
            issue_rows.append((bid, error.line, error.column, error.code, error.message, "error"))
        # The download re-reads the received file by line number; the text is kept when the parser has it.
        texts = rejected.raw_lines or ("",) * len(rejected.lines)
        rejected_rows.extend((bid, n, text) for n, text in zip(rejected.lines, texts, strict=True))
    for note in notes:
        if note.severity == "error":
            stats.errors += 1
        else:
            stats.findings += 1
        issue_rows.append((bid, note.line, note.column, note.code, note.message, note.severity))
    return [
        ("entries", ENTRY_COLUMNS, entry_rows),
        ("entry_lines", LINE_COLUMNS, line_rows),
        ("import_issues", ISSUE_COLUMNS, issue_rows),
        ("import_rejected_lines", REJECTED_COLUMNS, rejected_rows),
    ]


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


async def _finish(batch: ImportBatch, line_count: int, stats: StageStats, bus: EventBus) -> None:
    status = (
        BatchStatus.FINISHED_WITH_ERROR if stats.rejected or stats.errors else BatchStatus.PENDING_VALIDATION
    )
    fiscal_year_id = stats.fiscal_years.most_common(1)[0][0] if stats.fiscal_years else None
    values = dict(
        status=status,
        progress=100,
        line_count=line_count,
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
