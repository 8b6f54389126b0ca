"""Receiving a file: store it (with its hash) before anything else, open a batch, queue its parse."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from ecluse.activity.record import audit
from ecluse.auth.principal import Principal
from ecluse.errors import DomainError, UserError
from ecluse.events import EventBus
from ecluse.filenames import safe_file_name
from ecluse.formats.registry import LAYOUT_FORMAT, detect_format, file_format
from ecluse.imports.models import ImportBatch, ImportIssue, ImportLayout, ReceivedFile
from ecluse.imports.publish import publish_batch
from ecluse.imports.statuses import SUPPORTED_FORMATS, BatchStatus, ImportFormat, Origin
from ecluse.jobs import enqueue
from ecluse.jobs.queue import JobQueue
from ecluse.ledger.journals import with_default_journal
from ecluse.ledger.models import Company
from ecluse.storage import FileStore, StoredFile, TooLarge

MAX_IDEMPOTENCY_KEY = 200


@dataclass(frozen=True, slots=True)
class Received:
    batch: ImportBatch
    created: bool  # False when an idempotency key returned an earlier batch
    job_id: str | None
    #: Set when the sender's key was already used for other content (the file is kept, unread).
    conflict: DomainError | None = None


def sender_scope(principal: Principal | None) -> str:
    """Whose idempotency keys these are: a partner application's key, a user, or the command line."""
    if principal is None:
        return "cli"
    if principal.api_key_id is not None:
        return f"key:{principal.api_key_id}"
    return f"user:{principal.user_id}"


def origin_of(principal: Principal) -> Origin:
    """How a file sent over the API came: from a partner application (its key), or uploaded by a person."""
    return Origin.PARTNER_API if principal.is_partner else Origin.UPLOAD


async def receive_entries(
    *,
    company_id: int,
    principal: Principal,
    document: dict[str, Any],
    sent: int,
    most: int,
    file_name: str | None,
    store: FileStore,
    jobs: JobQueue,
    bus: EventBus,
    max_bytes: int,
    idempotency_key: str | None = None,
) -> Received:
    """Entries sent without a file (the JSON format's document, `sent` entries of them): stored as a JSON
    file and received like an uploaded one. At most `most` entries a call."""
    if sent > most:
        raise DomainError(
            "TOO_MANY_ENTRIES",
            f"{sent:,} entries were sent; a call takes at most {most:,}. Send larger documents as a JSON "
            "file with uploadImport: it is streamed and read in the background.",
            "entries",
            found=sent,
            maximum=most,
        )
    data = json.dumps(document, ensure_ascii=False, indent=1).encode()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")

    async def once() -> AsyncIterator[bytes]:
        yield data

    return await receive_file(
        company_id=company_id, principal=principal, filename=file_name or f"entries-{stamp}.json",
        chunks=once(), fmt=ImportFormat.JSON, origin=origin_of(principal), store=store, jobs=jobs, bus=bus,
        max_bytes=max_bytes, idempotency_key=idempotency_key,
    )  # fmt: skip


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
        raise DomainError(
            "NOT_FOUND", f"Company {company_id} does not exist.", "companyId", company_id=company_id
        )
    key = _idempotency_key(idempotency_key)
    scope = sender_scope(principal)
    name = safe_file_name(filename)
    # Stored (and hashed) first, even for a retry: a key only returns the first batch for the same content,
    # and nothing received is ever dropped.
    try:
        stored = await store.save(chunks, max_bytes)
    except TooLarge as exc:
        raise DomainError("FILE_TOO_LARGE", f"{name}: {exc}.", "file", file=name, maximum=exc.limit) from exc
    layout = await _layout(company_id, layout_id, fmt)
    file_error: UserError | None = None
    definition = layout.definition if layout is not None else None
    if definition is not None:
        try:
            definition = await with_default_journal(company_id, definition)
        except DomainError as exc:  # the file is kept, in a FAILED batch that says why
            file_error = exc.error
    with store.open(stored.path) as stream:
        head = stream.read(8192)
    try:
        fmt = resolve_format(fmt, head, name, has_layout=layout is not None)
    except DomainError as exc:  # the file is kept, in a FAILED batch that says why
        file_error = exc.error
    if stored.size == 0:
        file_error = UserError("EMPTY_FILE", f"{name} is empty.", "file", {"file": name})
    spec = _BatchSpec(
        company_id=company_id, principal=principal, name=name, stored=stored, fmt=fmt, origin=origin,
        layout=layout, layout_definition=definition,
        resent_of_id=await _resent_of(company_id, name, resend_of),
    )  # fmt: skip
    for attempt in range(2):
        if key is not None:
            earlier = await ImportBatch.get_or_none(
                company_id=company_id, idempotency_scope=scope, idempotency_key=key
            )
            if earlier is not None:
                return await _replay(earlier, key, spec, bus)
        try:
            received = await _open_batch(spec, file_error, key, scope)
            break
        except IntegrityError:
            if attempt:  # Two requests of the same sender with the same key raced: the other one won.
                raise
    await _announce(received, spec, jobs, bus)
    return received


def _idempotency_key(key: str | None) -> str | None:
    if key is None or not key.strip():
        return None
    if len(key) > MAX_IDEMPOTENCY_KEY:
        raise DomainError(
            "BAD_USER_INPUT",
            f"An idempotency key is at most {MAX_IDEMPOTENCY_KEY} characters.",
            "idempotencyKey",
            maximum=MAX_IDEMPOTENCY_KEY,
        )
    return key


@dataclass(frozen=True, slots=True)
class _BatchSpec:
    company_id: int
    principal: Principal | None
    name: str
    stored: StoredFile
    fmt: ImportFormat
    origin: Origin
    layout: ImportLayout | None = None
    #: The layout's definition as this import reads it (a default journal filled in).
    layout_definition: dict[str, Any] | None = None
    resent_of_id: int | None = None


async def _replay(earlier: ImportBatch, key: str, spec: _BatchSpec, bus: EventBus) -> Received:
    """The same key again: the first batch when the content is the same; otherwise the file is kept in a
    FAILED batch of its own that says why (IDEMPOTENCY_CONFLICT), and the sender is told."""
    first = await ReceivedFile.get(id=earlier.file_id)
    if first.sha256 == spec.stored.sha256:
        return Received(earlier, created=False, job_id=None)
    message = (
        f"The idempotency key {key[:40]!r} was first used for import {earlier.id} ({first.name}) with other "
        "content: this file was kept but not read. Send it with a new key."
    )
    conflict = DomainError(
        "IDEMPOTENCY_CONFLICT", message, "idempotencyKey", key=key[:40], batch=earlier.id, file=first.name
    )
    received = await _open_batch(spec, conflict.error, None, None)
    await _announce(received, spec, None, bus)
    return Received(
        received.batch,
        created=True,
        job_id=None,
        conflict=conflict,
    )


async def _open_batch(
    spec: _BatchSpec, file_error: UserError | None, key: str | None, scope: str | None
) -> Received:
    company_id, principal, stored = spec.company_id, spec.principal, spec.stored
    duplicate = (
        await ImportBatch.filter(company_id=company_id, file__sha256=stored.sha256)
        .exclude(status=BatchStatus.REJECTED)
        .order_by("id")
        .first()
    )
    async with in_transaction("default"):
        received = await ReceivedFile.create(
            company_id=company_id,
            name=spec.name,
            size=stored.size,
            sha256=stored.sha256,
            storage_path=stored.path,
        )
        batch = await ImportBatch.create(
            company_id=company_id,
            file=received,
            format=spec.fmt.value,
            origin=spec.origin.value,
            status=BatchStatus.RECEIVED if file_error is None else BatchStatus.FAILED,
            submitted_by_user_id=principal.user_id if principal else None,
            submitted_by_key_id=principal.api_key_id if principal else None,
            partner_name=principal.name if principal else "CLI",
            idempotency_key=key,
            idempotency_scope=scope if key else None,
            layout_id=spec.layout.id if spec.layout is not None else None,
            layout_definition=spec.layout_definition,
            resent_of_id=spec.resent_of_id,
            duplicate_of_id=duplicate.id if duplicate else None,
            progress=0 if file_error is None else 100,
            error_count=0 if file_error is None else 1,
            error_summary="" if file_error is None else file_error.message,
        )
        if file_error is not None:
            await ImportIssue.create(
                batch_id=batch.id, line=0, code=file_error.code, message=file_error.message,
                params=file_error.params,
            )  # fmt: skip
        # The job's record commits with its batch: a crash before it is sent leaves it queued, taken up
        # at the next start.
        job_id = None
        if file_error is None:
            job_id = await enqueue.record("parse_import", company_id=company_id, batch_id=batch.id)
    return Received(batch, created=True, job_id=job_id)


async def _announce(
    received: Received, spec: _BatchSpec, jobs: JobQueue | None, bus: EventBus | None
) -> None:
    batch = received.batch
    await audit(
        "import.received", "ImportBatch", batch.id, company_id=spec.company_id, principal=spec.principal,
        detail=f"{spec.name} ({spec.stored.size} bytes, sha256 {spec.stored.sha256}, {spec.origin.value})",
    )  # fmt: skip
    if bus is not None:
        await publish_batch(bus, batch, notify=batch.status == BatchStatus.FAILED)
    if jobs is not None and received.job_id is not None:
        await enqueue.send(jobs, "parse_import", received.job_id, batch_id=batch.id)


def resolve_format(fmt: ImportFormat, head: bytes, name: str, *, has_layout: bool) -> ImportFormat:
    """The format a file is read as: the layout's with a layout, else `fmt`, or detected from its first
    bytes for AUTO. DomainError when it cannot be read here (unknown or unsupported format)."""
    if has_layout:
        return ImportFormat(LAYOUT_FORMAT)
    if fmt == ImportFormat.AUTO:
        detected = detect_format(head)
        if detected is None:
            raise DomainError(
                "UNKNOWN_FORMAT",
                f"{name}: the format could not be recognised: not a FEC (its header names JournalCode…), "
                "a Cegid TRA (first line ***…), a JSON entries document or a bank statement. Choose the "
                "format, or a saved layout for a custom file.",
                "format",
                file=name,
            )
        fmt = ImportFormat(detected)
    if file_format(fmt.value).needs_layout:
        raise DomainError("LAYOUT_REQUIRED", "A custom file needs a layout.", "layoutId")
    if fmt not in SUPPORTED_FORMATS:
        raise DomainError(
            "UNSUPPORTED_FORMAT", f"{name}: {fmt.value} files cannot be imported here yet.", "format",
            file=name, format=fmt.value,
        )  # fmt: skip
    return fmt


async def _layout(company_id: int, layout_id: int | None, fmt: ImportFormat) -> ImportLayout | None:
    reads_layouts = fmt == ImportFormat.AUTO or file_format(fmt.value).needs_layout
    if layout_id is None:
        if fmt != ImportFormat.AUTO and reads_layouts:
            raise DomainError("LAYOUT_REQUIRED", "A custom file needs a saved layout (layoutId).", "layoutId")
        return None
    if not reads_layouts:
        raise DomainError(
            "BAD_USER_INPUT", f"A layout reads custom files, not {fmt.value} files.", "layoutId",
            format=fmt.value,
        )  # fmt: skip
    layout = await ImportLayout.get_or_none(id=layout_id, company_id=company_id)
    if layout is None:
        raise DomainError(
            "NOT_FOUND",
            f"Layout {layout_id} does not exist for this company.",
            "layoutId",
            layout_id=layout_id,
        )
    return layout


_REJECTS = re.compile(r"^(?P<stem>.+?)_rejected(?:[ _-]?\(?\d+\)?)?(?P<ext>\.[^.]*)?$", re.IGNORECASE)


async def _resent_of(company_id: int, name: str, resend_of: int | None) -> int | None:
    """The first batch whose rejected lines this file re-sends: named by the sender (`resendOf`), or
    recognised by the name the rejected-lines download gives (`<name>_rejected.<ext>`)."""
    earlier: ImportBatch | None = None
    if resend_of is not None:
        earlier = await ImportBatch.get_or_none(id=resend_of, company_id=company_id)
        if earlier is None:
            raise DomainError(
                "NOT_FOUND",
                f"Import {resend_of} does not exist for this company.",
                "resendOf",
                batch=resend_of,
            )
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
