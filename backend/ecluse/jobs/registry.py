"""Every job function, in one place: the in-process runner and the arq worker both run these.

A job takes ids, is safe to run twice (conditional status transitions, staging cleared on rerun) and
reports progress through its database record and events."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from ecluse.errors import DomainError
from ecluse.events import EventBus
from ecluse.imports.decide import post_batch
from ecluse.imports.models import ImportBatch
from ecluse.imports.publish import publish_batch
from ecluse.imports.stage import fail_parse, stage_batch
from ecluse.imports.statuses import BatchStatus
from ecluse.jobs.progress import JobReporter
from ecluse.storage import FileStore

log = logging.getLogger(__name__)

JobFunction = Callable[..., Awaitable[Any]]


async def parse_import(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
    bus: EventBus = ctx["bus"]
    store: FileStore = ctx["store"]
    reporter = JobReporter(job_id, bus)
    await reporter.start()
    try:
        settings = ctx.get("settings")
        chunk = settings.stage_chunk_entries if settings is not None else 20_000
        await stage_batch(batch_id, bus, store, on_progress=reporter.progress, chunk=chunk)
    except Exception:
        # A bug or an unreadable stored file must not leave the batch PARSING forever.
        log.exception("parse of batch %s failed", batch_id)
        # Python's text stays in the log: the people reading the batch get what they can act on.
        message = "The file could not be read to the end (an internal error, logged); nothing was staged."
        await fail_parse(batch_id, message, bus)
        await reporter.fail(message)
        return
    await reporter.done()


async def validate_import(ctx: dict[str, Any], batch_id: int, job_id: str) -> None:
    bus: EventBus = ctx["bus"]
    reporter = JobReporter(job_id, bus)
    await reporter.start()
    try:
        await post_batch(batch_id, bus)
    except Exception as exc:
        log.exception("posting batch %s failed", batch_id)
        detail = exc.error.message if isinstance(exc, DomainError) else "an internal error (logged)"
        # Nothing was posted (one transaction): give the batch back to the people deciding on it.
        batch = await ImportBatch.get(id=batch_id)
        back = (
            BatchStatus.FINISHED_WITH_ERROR if batch.rejected_entry_count else BatchStatus.PENDING_VALIDATION
        )
        if await ImportBatch.filter(id=batch_id, status=BatchStatus.VALIDATING).update(
            status=back, error_summary=f"validation failed: {detail}"[:500]
        ):
            await publish_batch(bus, await ImportBatch.get(id=batch_id))
        await reporter.fail(detail)
        return
    await reporter.done()


JOBS: dict[str, JobFunction] = {
    "parse_import": parse_import,
    "validate_import": validate_import,
}
