"""Telling the world a batch changed: the live event, and a notification for the outcomes people wait for."""

from __future__ import annotations

from ecluse.activity.record import notify_batch
from ecluse.events import EventBus, company_batches
from ecluse.imports.models import ImportBatch
from ecluse.imports.queries import first_errors
from ecluse.imports.state import state_json
from ecluse.imports.statuses import BatchStatus
from ecluse.ledger.companies import company as company_of

# The kind says the outcome (an import with refused entries is not simply "ready"); the params say the rest.
_OUTCOMES = {
    BatchStatus.PENDING_VALIDATION: ("PARSE_DONE", "{name}: {entries} entries ready for validation"),
    BatchStatus.FINISHED_WITH_ERROR: (
        "PARSE_DONE_WITH_ERRORS",
        "{name}: {entries} entries staged, {rejected} rejected",
    ),
    BatchStatus.FAILED: ("PARSE_FAILED", "{name} could not be read: {summary}"),
    BatchStatus.SUCCEEDED: ("VALIDATED", "{name}: import validated, {entries} entries posted"),
    BatchStatus.REJECTED: ("REJECTED", "{name}: import rejected, its entries were deleted"),
}


async def publish_batch(bus: EventBus, batch: ImportBatch, *, notify: bool = False) -> None:
    """The live event of a change just made (committed): the batch's state read now, once, for every
    subscriber (imports/state.py); then, for an outcome people wait for, a notification."""
    state = await state_json(batch.id)
    event = {"batch_id": batch.id, "status": state["status"] if state else batch.status, "state": state}
    await bus.publish(company_batches(batch.company_id), event)
    outcome = _OUTCOMES.get(BatchStatus(batch.status)) if notify else None
    if outcome is None:
        return
    kind, template = outcome
    await batch.fetch_related("file")
    company = await company_of(batch.company_id)
    message = template.format(
        name=batch.file.name,
        entries=batch.entry_count,
        rejected=batch.rejected_entry_count,
        summary=batch.error_summary,
    )
    # As of the change: the dossier, the counts, and for a file that could not be read, its first error's
    # code (and that error's own parameters), which clients render in the user's language.
    params: dict[str, str | int] = {
        "file": batch.file.name, "company": company.name,
        "entries": batch.entry_count, "rejected": batch.rejected_entry_count,
    }  # fmt: skip
    if batch.status == BatchStatus.FAILED:
        (first,) = await first_errors([batch.id])  # the reason the console shows (ImportBatch.failure)
        if first is not None:
            params["code"] = first.code
            params |= {f"error_{k}": v for k, v in (first.params or {}).items() if isinstance(v, str | int)}
    await notify_batch(
        bus,
        company_id=batch.company_id,
        batch_id=batch.id,
        kind=kind,
        message=message,
        submitter_id=batch.submitted_by_user_id,
        params=params,
    )
