"""Receiving a file: store it (with its hash) before anything else, open a batch, queue its parse."""

from __future__ import annotations

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
from ecluse.imports.models import ImportBatch, ImportIssue, ReceivedFile
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

    file_error: tuple[str, str] | None = None
    if fmt == ImportFormat.AUTO:
        with store.open(stored.path) as stream:
            detected = detect_format(stream.read(8192))
        if detected is None:
            file_error = ("UNKNOWN_FORMAT", f"{name}: the format could not be recognised (FEC expected).")
        else:
            fmt = ImportFormat(detected)
    if file_error is None and fmt not in SUPPORTED_FORMATS:
        file_error = ("UNSUPPORTED_FORMAT", f"{name}: {fmt.value} files cannot be imported yet.")
    if stored.size == 0:
        file_error = ("EMPTY_FILE", f"{name} is empty.")

    duplicate = (
        await ImportBatch.filter(company_id=company_id, file__sha256=stored.sha256)
        .exclude(status=BatchStatus.REJECTED)
        .order_by("id")
        .first()
    )
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
