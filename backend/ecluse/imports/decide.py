"""Deciding on a staged batch: validate (post every staged entry, one transaction) or reject (delete them,
keep the master data). Both are conditional status transitions, so a retry does nothing twice.

`validate_import` and `reject_import` are what the API's mutations call: the caller's right to decide,
the transition, the posting job and the audit record, in one domain call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from ecluse.activity.record import audit
from ecluse.auth.principal import Principal
from ecluse.auth.roles import Action
from ecluse.db.bulk import bulk_connection
from ecluse.errors import DomainError
from ecluse.events import EventBus
from ecluse.imports.access import batch_for
from ecluse.imports.models import ImportBatch, ReceivedFile
from ecluse.imports.publish import publish_batch
from ecluse.imports.statuses import CAN_REJECT_FROM, CAN_VALIDATE_FROM, BatchStatus
from ecluse.jobs import enqueue
from ecluse.jobs.queue import JobQueue
from ecluse.ledger import fiscal_years, posting
from ecluse.ledger.models import Company, Entry, EntryLine
from ecluse.ledger.reversal import post_reversal

_LABELS = {
    BatchStatus.PENDING_VALIDATION: "pending validation",
    BatchStatus.FINISHED_WITH_ERROR: "finished with error",
}


@dataclass(frozen=True, slots=True)
class Decided:
    batch: ImportBatch
    #: The posting job, when this call started one (not for a retried request).
    job_id: str | None = None


async def validate_import(who: Principal, batch_id: int, bus: EventBus, jobs: JobQueue) -> Decided:
    """Ask for the batch to be posted: VALIDATING, and the posting job queued. Forbidden when the caller
    may not see the batch or decide on it; DomainError when it cannot be posted."""
    batch = await batch_for(who, batch_id, Action.DECIDE)
    before = batch.status
    batch = await request_validation(batch, who, bus)
    if before == batch.status or batch.status != BatchStatus.VALIDATING:
        return Decided(batch)  # a retried request: its first call queued the job
    job_id = await enqueue.enqueue(jobs, "validate_import", company_id=batch.company_id, batch_id=batch.id)
    await audit("import.validated", "ImportBatch", batch.id, company_id=batch.company_id, principal=who)
    return Decided(batch, job_id)


async def reject_import(who: Principal, batch_id: int, bus: EventBus) -> Decided:
    """Reject the batch: its staged entries deleted, its master data kept. Forbidden when the caller may
    not see the batch or decide on it; DomainError when it cannot be rejected."""
    batch = await batch_for(who, batch_id, Action.DECIDE)
    before = batch.status
    batch = await reject_batch(batch, who, bus)
    if before != batch.status:
        await audit("import.rejected", "ImportBatch", batch.id, company_id=batch.company_id, principal=who)
    return Decided(batch)


def _status_error(batch: ImportBatch, action: str, allowed: frozenset[BatchStatus]) -> DomainError:
    wanted = " or ".join(sorted(s.value for s in allowed))
    return DomainError(
        "INVALID_STATUS", f"Import {batch.id} is {batch.status}: it can be {action} only when {wanted}.", "id",
        batch=batch.id, status=batch.status.value if isinstance(batch.status, BatchStatus) else str(batch.status),
        action=action, allowed=", ".join(sorted(s.value for s in allowed)),
    )  # fmt: skip


async def request_validation(batch: ImportBatch, principal: Principal, bus: EventBus) -> ImportBatch:
    """Move the batch to VALIDATING; the posting itself runs as a job."""
    if batch.status == BatchStatus.VALIDATING or batch.status == BatchStatus.SUCCEEDED:
        return batch  # a retried request: the first one is under way or done
    if batch.status not in CAN_VALIDATE_FROM:
        raise _status_error(batch, "validated", CAN_VALIDATE_FROM)
    if batch.entry_count == 0 and batch.status != BatchStatus.PENDING_VALIDATION:
        # Every entry refused: nothing to post. A file that holds no entry and nothing wrong (a FEC of a year
        # without activity) is validated: it records that the period was received, and posts nothing.
        raise DomainError(
            "NOTHING_TO_POST", f"Import {batch.id} has no staged entry to post.", "id", batch=batch.id
        )
    twin = await _posted_twin(batch)
    if twin is not None:
        raise _duplicate(batch, twin)
    posting.check_ledger_room(
        batch.id, await Company.get(id=batch.company_id), batch.total_debit, batch.total_credit
    )
    await fiscal_years.check_postable(batch.company_id, batch.id)
    moved = await ImportBatch.filter(id=batch.id, status__in=list(CAN_VALIDATE_FROM)).update(
        status=BatchStatus.VALIDATING, decided_by_id=principal.user_id
    )
    await batch.refresh_from_db()
    if not moved and batch.status not in (BatchStatus.VALIDATING, BatchStatus.SUCCEEDED):
        raise _status_error(batch, "validated", CAN_VALIDATE_FROM)
    await publish_batch(bus, batch)
    return batch


async def post_batch(batch_id: int, bus: EventBus) -> bool:
    """VALIDATING → SUCCEEDED: post every staged entry of the batch (ledger/posting.py) in one transaction
    with the transition. Returns whether it posted."""
    # Staging's connection (db/config.py BULK): on SQLite the API keeps reading while a big batch is posted.
    async with in_transaction(bulk_connection()) as conn:
        batch = await ImportBatch.filter(id=batch_id).using_db(conn).get()
        if batch.status != BatchStatus.VALIDATING:
            return False
        await posting.lock_ledger(conn, batch.company_id)  # first: the twin check below sees every posting
        twin = await _posted_twin(batch, conn, posted_only=True)
        if twin is not None:
            raise _duplicate(batch, twin)
        await fiscal_years.check_postable(batch.company_id, batch_id, conn)  # locked since the request?
        now = datetime.now(UTC)
        await posting.post_staged(conn, batch_id, batch.company_id, now)
        await (
            ImportBatch.filter(id=batch_id, status=BatchStatus.VALIDATING)
            .using_db(conn)
            .update(status=BatchStatus.SUCCEEDED, decided_at=now, progress=100)
        )
    posted = await ImportBatch.get(id=batch_id)
    await publish_batch(bus, posted, notify=True)
    await posting.refresh_statistics(posted.line_count)
    return True


async def _posted_twin(
    batch: ImportBatch, conn: BaseDBAsyncClient | None = None, *, posted_only: bool = False
) -> ImportBatch | None:
    """Another batch of the company with the same content, already posted (or, for the early check of a
    request, being posted)."""
    files = ReceivedFile.filter(id=batch.file_id)
    received = await (files.using_db(conn) if conn else files).get()
    statuses = [BatchStatus.SUCCEEDED] if posted_only else [BatchStatus.VALIDATING, BatchStatus.SUCCEEDED]
    query = ImportBatch.filter(
        company_id=batch.company_id, file__sha256=received.sha256, status__in=statuses
    ).exclude(id=batch.id)
    return await (query.using_db(conn) if conn else query).first()


def _duplicate(batch: ImportBatch, twin: ImportBatch) -> DomainError:
    return DomainError(
        "DUPLICATE_FILE",
        f"Import {batch.id} has the same content as import {twin.id}, already posted: "
        "reject it, or its entries would be in the books twice.",
        "id",
        batch=batch.id,
        posted=twin.id,
    )


async def reject_batch(batch: ImportBatch, principal: Principal, bus: EventBus) -> ImportBatch:
    if batch.status == BatchStatus.REJECTED:
        return batch  # a retried request
    if batch.status not in CAN_REJECT_FROM:
        raise _status_error(batch, "rejected", CAN_REJECT_FROM)
    async with in_transaction(bulk_connection()) as conn:  # deleting a big batch's lines: as posting
        moved = (
            await ImportBatch.filter(id=batch.id, status__in=list(CAN_REJECT_FROM))
            .using_db(conn)
            .update(
                status=BatchStatus.REJECTED, decided_at=datetime.now(UTC), decided_by_id=principal.user_id
            )
        )
        if moved:
            await EntryLine.filter(batch_id=batch.id).using_db(conn).delete()
            await Entry.filter(batch_id=batch.id, state="draft").using_db(conn).delete()
    await batch.refresh_from_db()
    if not moved:
        if batch.status == BatchStatus.REJECTED:
            return batch
        raise _status_error(batch, "rejected", CAN_REJECT_FROM)
    await publish_batch(bus, batch, notify=True)
    return batch


async def reverse_import(who: Principal, batch_id: int, day: date, bus: EventBus) -> ImportBatch:
    """Undo a posted batch by reversal (ledger/reversal.py): its entries and their opposites, dated `day`, both
    stay in the books. Safe to retry: a batch already reversed is returned as it is. Forbidden when the caller
    may not see the batch or decide on it; DomainError when it cannot be reversed (INVALID_STATUS,
    NO_FISCAL_YEAR, FISCAL_YEAR_LOCKED, FISCAL_YEAR_CLOSED)."""
    batch = await batch_for(who, batch_id, Action.DECIDE)
    if batch.reversed_at is not None:
        return batch
    if batch.status != BatchStatus.SUCCEEDED:
        raise _status_error(batch, "reversed", frozenset({BatchStatus.SUCCEEDED}))
    async with in_transaction(bulk_connection()) as conn:
        await posting.lock_ledger(conn, batch.company_id)
        moved = (
            await ImportBatch.filter(id=batch.id, reversed_at=None)
            .using_db(conn)
            .update(reversed_at=datetime.now(UTC), reversed_by_id=who.user_id, reversal_date=day)
        )
        if not moved:  # reversed by another request while this one waited for the lock
            return await ImportBatch.get(id=batch.id)
        count = await post_reversal(conn, batch.company_id, batch.id, day, datetime.now(UTC))
    await audit("import.reversed", "ImportBatch", batch.id, company_id=batch.company_id, principal=who,
                detail=f"{count} entries reversed on {day}")  # fmt: skip
    reversed_batch = await ImportBatch.get(id=batch.id)
    await publish_batch(bus, reversed_batch)
    return reversed_batch
