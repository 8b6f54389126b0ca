"""The import jobs (parse a received file, post a validated batch): the in-process runner and the arq
worker run them once the entry point has registered them (`register_jobs`, jobs/registry.py).

A job takes ids, is safe to run twice (conditional status transitions, staging cleared on rerun) and
reports progress through its database record and events. Each run first claims the record (jobs/lease.py):
a run that does not get it returns at once, so a job sent twice (the reaper, a retry) runs once at a time.
"""

from __future__ import annotations

import logging
from typing import Any

from ecluse.errors import DomainError
from ecluse.events import EventBus
from ecluse.imports.decide import post_batch
from ecluse.imports.models import ImportBatch
from ecluse.imports.publish import publish_batch
from ecluse.imports.stage import fail_parse, stage_batch
from ecluse.imports.statuses import BatchStatus
from ecluse.jobs import registry
from ecluse.jobs.lease import Lease, LeaseLost, run_leased
from ecluse.jobs.progress import JobReporter
from ecluse.storage import FileStore

log = logging.getLogger(__name__)


async def parse_import(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
    bus: EventBus = ctx["bus"]
    store: FileStore = ctx["store"]

    async def run(lease: Lease) -> None:
        reporter = JobReporter(job_id, bus, lease=lease)
        await reporter.start()
        try:
            settings = ctx.get("settings")
            chunk = settings.stage_chunk_entries if settings is not None else 20_000
            await stage_batch(
                batch_id, bus, store, on_progress=reporter.progress, chunk=chunk, guard=lease.guard
            )
        except LeaseLost:
            raise  # another runner took the job up: it owns the batch now
        except Exception:
            # A bug or an unreadable stored file must not leave the batch PARSING forever.
            log.exception("parse of batch %s failed", batch_id)
            # The cause goes to the log; what people read carries no Python text.
            message = "The file could not be read to the end (an internal error, logged); nothing was staged."
            await fail_parse(batch_id, message, bus)
            await reporter.fail(message)
            return
        await reporter.done()

    async def give_up(lease: Lease, message: str) -> None:
        await fail_parse(
            batch_id, f"The file could not be read: {message}; nothing was staged.", bus, "JOB_GIVEN_UP"
        )
        await JobReporter(job_id, bus, lease=lease).fail(message)

    await run_leased(ctx, job_id, run, give_up=give_up)


async def validate_import(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
    bus: EventBus = ctx["bus"]

    async def run(lease: Lease) -> None:
        reporter = JobReporter(job_id, bus, lease=lease)
        await reporter.start()
        try:
            await post_batch(batch_id, bus)
        except Exception as exc:
            log.exception("posting batch %s failed", batch_id)
            detail = (
                exc.error.message
                if isinstance(exc, DomainError)
                else "internal error while posting (the server log has the details)"
            )
            await _validation_failed(bus, batch_id, detail)
            await reporter.fail(detail)
            return
        await reporter.done()

    async def give_up(lease: Lease, message: str) -> None:
        await _validation_failed(bus, batch_id, message)
        await JobReporter(job_id, bus, lease=lease).fail(message)

    await run_leased(ctx, job_id, run, give_up=give_up)


async def _validation_failed(bus: EventBus, batch_id: int, detail: str) -> None:
    # Nothing was posted (one transaction): give the batch back to the people deciding on it.
    batch = await ImportBatch.get(id=batch_id)
    back = BatchStatus.FINISHED_WITH_ERROR if batch.rejected_entry_count else BatchStatus.PENDING_VALIDATION
    if await ImportBatch.filter(id=batch_id, status=BatchStatus.VALIDATING).update(
        status=back, error_summary=f"validation failed: {detail}"[:500]
    ):
        await publish_batch(bus, await ImportBatch.get(id=batch_id))


def register_jobs() -> None:
    """Make the import jobs known to this process's runner: called by every entry point (app, CLI). The
    kind names are those imports/receive.py and imports/decide.py enqueue."""
    registry.register({"parse_import": parse_import, "validate_import": validate_import})
