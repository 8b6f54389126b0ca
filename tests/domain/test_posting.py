"""Validation, posting and rejection without HTTP: `request_validation`, the posting, `reject_batch` on
staged batches. Posting is all or nothing and happens once; a rejection deletes the staged entries and keeps
the batch, its file and the record of what was refused."""

from __future__ import annotations

import pytest

from ecluse.errors import DomainError
from ecluse.imports.models import ImportBatch, ImportIssue, ReceivedFile, RejectedLine
from ecluse.imports.statuses import BatchStatus
from ecluse.ledger.models import Account, Company, Entry, EntryLine
from tests.corpus import FEC_CORPUS
from tests.domain.steps import Ledger, post, reject, staged, validate

MINIMAL = (FEC_CORPUS / "rezdevops-fec-check__fec-minimal-conforme.txt").read_bytes()
B01 = (FEC_CORPUS / "rezdevops-fec-check__B01-ecriture-desequilibree.txt").read_bytes()
A02 = (FEC_CORPUS / "rezdevops-fec-check__A02-separateur-mixte.txt").read_bytes()
NAME = "123456782FEC20261231.txt"


async def _ledger_totals(ledger: Ledger) -> tuple[int, int]:
    company = await Company.get(id=ledger.company_id)
    return company.ledger_debit, company.ledger_credit


async def _states(batch: ImportBatch) -> list[str]:
    return sorted(await Entry.filter(batch_id=batch.id).values_list("state", flat=True))


def _code(exc: pytest.ExceptionInfo[DomainError]) -> str:
    return exc.value.error.code


async def test_validation_then_posting_moves_every_entry_and_the_ledger(ledger: Ledger) -> None:
    batch = await staged(ledger, NAME, MINIMAL)
    batch = await validate(ledger, batch)
    assert batch.status == BatchStatus.VALIDATING and batch.decided_by_id == ledger.principal.user_id
    assert await _states(batch) == ["draft"] * 3  # validating is a request; the posting does the work
    assert await post(ledger, batch) is True
    batch = await ImportBatch.get(id=batch.id)
    assert batch.status == BatchStatus.SUCCEEDED and batch.decided_at is not None
    assert await _states(batch) == ["posted"] * 3
    assert await Entry.filter(batch_id=batch.id, posted_at=None).count() == 0
    assert await _ledger_totals(ledger) == (480000, 480000)
    # Every posted line carries its entry's date: the account index and an account's ledger read it.
    days = dict(await Entry.filter(batch_id=batch.id).values_list("id", "date"))
    lines = await EntryLine.filter(batch_id=batch.id).values_list("entry_id", "entry_date")
    assert len(lines) == 8 and all(day == days[entry] for entry, day in lines)


async def test_a_posted_batch_is_not_posted_twice(ledger: Ledger) -> None:
    batch = await staged(ledger, NAME, MINIMAL)
    await validate(ledger, batch)
    assert await post(ledger, batch) is True
    assert await post(ledger, batch) is False  # a retried job
    batch = await ImportBatch.get(id=batch.id)
    assert (await validate(ledger, batch)).status == BatchStatus.SUCCEEDED  # a retried request: no-op
    assert await post(ledger, batch) is False
    assert await _ledger_totals(ledger) == (480000, 480000)
    assert await Entry.filter(company_id=ledger.company_id).count() == 3


async def test_the_same_file_again_cannot_be_posted(ledger: Ledger) -> None:
    first = await staged(ledger, NAME, MINIMAL)
    await validate(ledger, first)
    assert await post(ledger, first)
    twin = await staged(ledger, "copy-" + NAME, MINIMAL)  # staged again, as a draft: it is a new batch
    assert twin.status == BatchStatus.PENDING_VALIDATION and twin.entry_count == 3
    with pytest.raises(DomainError) as refused:
        await validate(ledger, twin)
    assert _code(refused) == "DUPLICATE_FILE"
    assert (await ImportBatch.get(id=twin.id)).status == BatchStatus.PENDING_VALIDATION
    assert await _ledger_totals(ledger) == (480000, 480000)


async def test_posting_is_all_or_nothing(ledger: Ledger) -> None:
    """One staged line spoiled after validation was asked (a database edited by hand): the posting
    refuses the whole batch, no entry is posted, the ledger's totals do not move."""
    batch = await staged(ledger, NAME, MINIMAL)
    await validate(ledger, batch)
    line = await EntryLine.filter(batch_id=batch.id).order_by("-source_line").first()
    assert line is not None
    await EntryLine.filter(id=line.id).update(debit=line.debit + 1)
    with pytest.raises(DomainError) as refused:
        await post(ledger, batch)
    assert _code(refused) == "UNBALANCED_ENTRY"
    assert await _states(batch) == ["draft"] * 3
    assert await _ledger_totals(ledger) == (0, 0)
    assert (await ImportBatch.get(id=batch.id)).status == BatchStatus.VALIDATING


async def test_a_batch_with_refused_entries_posts_its_good_ones(ledger: Ledger) -> None:
    batch = await staged(ledger, NAME, B01)
    assert batch.status == BatchStatus.FINISHED_WITH_ERROR
    await validate(ledger, batch)
    assert await post(ledger, batch)
    assert await _states(batch) == ["posted"]
    assert await _ledger_totals(ledger) == (120000, 120000)


async def test_nothing_staged_nothing_to_post(ledger: Ledger) -> None:
    batch = await staged(ledger, NAME, A02)
    assert batch.entry_count == 0 and batch.rejected_entry_count == 1
    with pytest.raises(DomainError) as refused:
        await validate(ledger, batch)
    assert _code(refused) == "NOTHING_TO_POST"
    assert (await ImportBatch.get(id=batch.id)).status == BatchStatus.FINISHED_WITH_ERROR


async def test_rejection_deletes_the_staged_entries_and_keeps_the_batch_and_file(ledger: Ledger) -> None:
    batch = await staged(ledger, NAME, B01)
    refused_lines = await RejectedLine.filter(batch_id=batch.id).count()
    issues = await ImportIssue.filter(batch_id=batch.id).count()
    accounts = await Account.filter(company_id=ledger.company_id).count()
    assert refused_lines == 6 and issues == 2 and accounts > 0  # two UNBALANCED_ENTRY
    batch = await reject(ledger, batch)
    assert batch.status == BatchStatus.REJECTED and batch.decided_by_id == ledger.principal.user_id
    assert await Entry.filter(batch_id=batch.id).count() == 0
    assert await EntryLine.filter(batch_id=batch.id).count() == 0
    received = await ReceivedFile.get(id=batch.file_id)
    assert ledger.store.absolute(received.storage_path).read_bytes() == B01
    # What was refused, and why, stays on record; so does the master data the file created.
    assert await RejectedLine.filter(batch_id=batch.id).count() == refused_lines
    assert await ImportIssue.filter(batch_id=batch.id).count() == issues
    assert await Account.filter(company_id=ledger.company_id).count() == accounts
    assert (await reject(ledger, batch)).status == BatchStatus.REJECTED  # a retried request
    with pytest.raises(DomainError) as refused:
        await validate(ledger, batch)
    assert _code(refused) == "INVALID_STATUS"
    assert await _ledger_totals(ledger) == (0, 0)


async def test_a_posted_batch_cannot_be_rejected(ledger: Ledger) -> None:
    batch = await staged(ledger, NAME, MINIMAL)
    await validate(ledger, batch)
    assert await post(ledger, batch)
    with pytest.raises(DomainError) as refused:
        await reject(ledger, await ImportBatch.get(id=batch.id))
    assert _code(refused) == "INVALID_STATUS"
    assert await _states(batch) == ["posted"] * 3
