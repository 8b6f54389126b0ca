"""The domain calls the domain tests make, each in one place: a file received (stored, its batch opened, no
job: the test stages it itself), staged, validated, posted, rejected."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from ecluse.auth.principal import Principal
from ecluse.events import LocalEventBus
from ecluse.imports.decide import (
    post_batch as _post_batch,
)  # moving to ecluse.ledger.posting: fix it here only
from ecluse.imports.decide import reject_batch, request_validation
from ecluse.imports.models import ImportBatch, ReceivedFile
from ecluse.imports.stage import stage_batch
from ecluse.imports.statuses import BatchStatus
from ecluse.storage import FileStore


@dataclass
class Ledger:
    """A company of the seeded firm, its admin, and what the domain calls need beside the database."""

    company_id: int
    principal: Principal
    bus: LocalEventBus
    store: FileStore


async def _chunks(content: bytes) -> AsyncIterator[bytes]:
    yield content


async def receive(ledger: Ledger, name: str, content: bytes, fmt: str = "FEC") -> ImportBatch:
    stored = await ledger.store.save(_chunks(content), len(content) + 1)
    received = await ReceivedFile.create(
        company_id=ledger.company_id,
        name=name,
        size=stored.size,
        sha256=stored.sha256,
        storage_path=stored.path,
    )
    return await ImportBatch.create(
        company_id=ledger.company_id, file=received, format=fmt, origin="CLI", status=BatchStatus.RECEIVED,
        submitted_by_user_id=ledger.principal.user_id, partner_name=ledger.principal.name,
    )  # fmt: skip


async def stage(ledger: Ledger, batch: ImportBatch) -> ImportBatch:
    await stage_batch(batch.id, ledger.bus, ledger.store)
    return await ImportBatch.get(id=batch.id)


async def staged(ledger: Ledger, name: str, content: bytes, fmt: str = "FEC") -> ImportBatch:
    return await stage(ledger, await receive(ledger, name, content, fmt))


async def validate(ledger: Ledger, batch: ImportBatch) -> ImportBatch:
    return await request_validation(batch, ledger.principal, ledger.bus)


async def post(ledger: Ledger, batch: ImportBatch) -> bool:
    return await _post_batch(batch.id, ledger.bus)


async def reject(ledger: Ledger, batch: ImportBatch) -> ImportBatch:
    return await reject_batch(batch, ledger.principal, ledger.bus)
