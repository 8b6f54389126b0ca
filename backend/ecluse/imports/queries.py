"""Reading a batch's file, issues and rejected lines, for the API and the download routes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from ecluse.imports.models import ImportBatch, ImportIssue, ReceivedFile, RejectedLine


async def with_file(batch: ImportBatch) -> ImportBatch:
    """The batch with its received file loaded (`batch.file`)."""
    await batch.fetch_related("file")
    return batch


async def received_file(batch: ImportBatch) -> ReceivedFile:
    return await ReceivedFile.get(id=batch.file_id)


async def file_names(batch_ids: Sequence[int]) -> list[str | None]:
    """One query for many batches (a DataLoader's batch): each batch's file name, None if no such batch."""
    rows = await ImportBatch.filter(id__in=list(batch_ids)).values_list("id", "file__name")
    names = {int(bid): str(name) for bid, name in rows}
    return [names.get(i) for i in batch_ids]


def _issues(batch_id: int, errors_only: bool) -> QuerySet[ImportIssue]:
    query = ImportIssue.filter(batch_id=batch_id)
    return query.filter(severity="error") if errors_only else query


async def issues_page(
    batch_id: int, *, errors_only: bool, after_id: int | None, limit: int
) -> list[ImportIssue]:
    """Up to `limit` of the batch's issues in id order, after `after_id`; errors only, or findings too."""
    query = _issues(batch_id, errors_only)
    if after_id is not None:
        query = query.filter(id__gt=after_id)
    return await query.order_by("id").limit(limit)


async def count_issues(batch_id: int, *, errors_only: bool) -> int:
    return await _issues(batch_id, errors_only).count()


async def issues_by_line(batch_id: int, after: tuple[int, int], limit: int) -> list[ImportIssue]:
    """A keyset page of the batch's issues in (line, id) order, after the (line, id) pair `after`."""
    line, issue_id = after
    return (
        await ImportIssue.filter(batch_id=batch_id)
        .filter(Q(line__gt=line) | Q(line=line, id__gt=issue_id))
        .order_by("line", "id")
        .limit(limit)
    )


async def rejected_lines(batch_id: int) -> list[int]:
    """The numbers of the batch's refused lines, in order."""
    lines = await RejectedLine.filter(batch_id=batch_id).order_by("line").values_list("line", flat=True)
    return cast("list[int]", lines)  # flat: one column, not tuples


async def rejected_texts(batch_id: int) -> dict[int, str]:
    """The batch's refused lines with their text, by line number, in order."""
    rows = await RejectedLine.filter(batch_id=batch_id).order_by("line").values_list("line", "text")
    return {int(line): text or "" for line, text in rows}
