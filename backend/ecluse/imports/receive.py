"""Receiving a file: store it (with its hash) before anything else, open a batch, queue its parse."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from ecluse.activity.record import audit
from ecluse.auth.principal import Principal
from ecluse.errors import DomainError
from ecluse.events import EventBus
from ecluse.formats.detect import detect_format
from ecluse.imports.models import ImportBatch, ImportIssue, ImportLayout, ReceivedFile
from ecluse.imports.publish import publish_batch
from ecluse.imports.statuses import SUPPORTED_FORMATS, BatchStatus, ImportFormat, Origin
from ecluse.jobs.progress import create_job
from ecluse.jobs.queue import JobQueue, submit
from ecluse.ledger.models import Company
from ecluse.storage import FileStore, TooLarge

MAX_NAME = 255


@dataclass(frozen=True, slots=True)
class Received:
    batch: ImportBatch
    created: bool  # False when an idempotency key returned an earlier batch
    job_id: str | None


async def receive_file(
    *,
    company_id: int,
    principal: Principal | None,
    filename: str,
    chunks: AsyncIterator[bytes],
    fmt: ImportFormat,
    origin: Origin,
    store: FileStore,
    jobs: JobQueue,
    bus: EventBus,
    max_bytes: int,
    idempotency_key: str | None = None,
    layout_id: int | None = None,
    resend_of: int | None = None,
) -> Received:
    if not await Company.exists(id=company_id):
        raise DomainError("NOT_FOUND", f"Company {company_id} does not exist.", "companyId")
    if idempotency_key:
        earlier = await ImportBatch.get_or_none(company_id=company_id, idempotency_key=idempotency_key)
        if earlier is not None:
            return Received(earlier, created=False, job_id=None)
    name = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:MAX_NAME] or "upload"
    try:
        stored = await store.save(chunks, max_bytes)
    except TooLarge as exc:
        raise DomainError("FILE_TOO_LARGE", f"{name}: {exc}.", "file") from exc

    layout = await _layout(company_id, layout_id, fmt)
    file_error: tuple[str, str] | None = None
    with store.open(stored.path) as stream:
        head = stream.read(8192)
    try:
        fmt = resolve_format(fmt, head, name, has_layout=layout is not None)
    except DomainError as exc:  # the file is kept, in a FAILED batch that says why
        file_error = (exc.error.code, exc.error.message)
    if stored.size == 0:
        file_error = ("EMPTY_FILE", f"{name} is empty.")

    duplicate = (
        await ImportBatch.filter(company_id=company_id, file__sha256=stored.sha256)
        .exclude(status=BatchStatus.REJECTED)
        .order_by("id")
        .first()
    )
    resent_of_id = await _resent_of(company_id, name, resend_of)
    job_id = str(uuid.uuid4()) if file_error is None else None
    try:
        async with in_transaction():
            received = await ReceivedFile.create(
                company_id=company_id,
                name=name,
                size=stored.size,
                sha256=stored.sha256,
                storage_path=stored.path,
            )
            batch = await ImportBatch.create(
                company_id=company_id,
                file=received,
                format=fmt.value,
                origin=origin.value,
                status=BatchStatus.RECEIVED if file_error is None else BatchStatus.FAILED,
                submitted_by_user_id=principal.user_id if principal else None,
                submitted_by_key_id=principal.api_key_id if principal else None,
                partner_name=principal.name if principal else "CLI",
                idempotency_key=idempotency_key or None,
                layout_id=layout.id if layout is not None else None,
                layout_definition=layout.definition if layout is not None else None,
                resent_of_id=resent_of_id,
                duplicate_of_id=duplicate.id if duplicate else None,
                progress=0 if file_error is None else 100,
                error_count=0 if file_error is None else 1,
                error_summary="" if file_error is None else file_error[1],
            )
            if file_error is not None:
                await ImportIssue.create(batch_id=batch.id, line=0, code=file_error[0], message=file_error[1])
            if job_id is not None:
                await create_job(job_id, "parse_import", company_id=company_id, batch_id=batch.id)
    except IntegrityError:
        # Two requests with the same idempotency key raced: the other one won.
        earlier = await ImportBatch.get_or_none(company_id=company_id, idempotency_key=idempotency_key)
        if earlier is None:
            raise
        return Received(earlier, created=False, job_id=None)
    await audit(
        "import.received", "ImportBatch", batch.id, company_id=company_id, principal=principal,
        detail=f"{name} ({stored.size} bytes, sha256 {stored.sha256}, {origin.value})",
    )  # fmt: skip
    await publish_batch(bus, batch, notify=file_error is not None)
    if job_id is not None:
        await submit(jobs, "parse_import", job_id, batch_id=batch.id)
    return Received(batch, created=True, job_id=job_id)


def resolve_format(fmt: ImportFormat, head: bytes, name: str, *, has_layout: bool) -> ImportFormat:
    """The ledger format a file is read as: CUSTOM with a layout, else `fmt`, or detected from its first
    bytes for AUTO. DomainError when it cannot be read here (unknown or unsupported format)."""
    if has_layout:
        return ImportFormat.CUSTOM
    if fmt == ImportFormat.AUTO:
        detected = detect_format(head)
        if detected is None:
            raise DomainError(
                "UNKNOWN_FORMAT",
                f"{name}: the format could not be recognised: not a FEC (its header names JournalCode…), "
                "a Cegid TRA (first line ***…), a JSON entries document or a bank statement. Choose the "
                "format, or a saved layout for a custom file.",
                "format",
            )
        fmt = ImportFormat(detected)
    if fmt == ImportFormat.CUSTOM:
        raise DomainError("LAYOUT_REQUIRED", "A custom file needs a layout.", "layoutId")
    if fmt not in SUPPORTED_FORMATS:
        raise DomainError(
            "UNSUPPORTED_FORMAT", f"{name}: {fmt.value} files cannot be imported here yet.", "format"
        )
    return fmt


async def _layout(company_id: int, layout_id: int | None, fmt: ImportFormat) -> ImportLayout | None:
    if layout_id is None:
        if fmt == ImportFormat.CUSTOM:
            raise DomainError("LAYOUT_REQUIRED", "A custom file needs a saved layout (layoutId).", "layoutId")
        return None
    if fmt not in (ImportFormat.AUTO, ImportFormat.CUSTOM):
        raise DomainError(
            "BAD_USER_INPUT", f"A layout reads custom files, not {fmt.value} files.", "layoutId"
        )
    layout = await ImportLayout.get_or_none(id=layout_id, company_id=company_id)
    if layout is None:
        raise DomainError("NOT_FOUND", f"Layout {layout_id} does not exist for this company.", "layoutId")
    return layout


_REJECTS = re.compile(r"^(?P<stem>.+?)_rejected(?:[ _-]?\(?\d+\)?)?(?P<ext>\.[^.]*)?$", re.IGNORECASE)


async def _resent_of(company_id: int, name: str, resend_of: int | None) -> int | None:
    """The first batch whose rejected lines this file re-sends: named by the sender (`resendOf`), or
    recognised by the name the rejected-lines download gives (`<name>_rejected.<ext>`)."""
    earlier: ImportBatch | None = None
    if resend_of is not None:
        earlier = await ImportBatch.get_or_none(id=resend_of, company_id=company_id)
        if earlier is None:
            raise DomainError("NOT_FOUND", f"Import {resend_of} does not exist for this company.", "resendOf")
    else:
        match = _REJECTS.match(name)
        if match is None:
            return None
        original = match["stem"] + (match["ext"] or "")
        earlier = (
            await ImportBatch.filter(company_id=company_id, file__name=original, rejected_entry_count__gt=0)
            .order_by("-id")
            .first()
        )
        if earlier is None:
            return None
    return earlier.resent_of_id or earlier.id
