"""Reading a batch's file, issues and rejected lines, for the API and the download routes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from tortoise.expressions import Q
from tortoise.functions import Min
from tortoise.queryset import QuerySet

from ecluse.db.bulk import default_sql
from ecluse.errors import UserError
from ecluse.imports.models import ImportBatch, ImportIssue, ReceivedFile, RejectedLine


async def batch_with_file(batch_id: int) -> ImportBatch | None:
    """The batch with its received file loaded, or None. Every request about a batch reads it first (each
    grid page among them): two plain queries, where `select_related` spent a quarter of a grid page's time
    building its join (bench/README.md). The id is an int, formatted in as such."""
    found: list[ImportBatch] = await ImportBatch.raw(
        f"SELECT * FROM import_batches WHERE id = {int(batch_id)}"
    )
    if not found:
        return None
    batch = found[0]
    files: list[ReceivedFile] = await ReceivedFile.raw(
        f"SELECT * FROM received_files WHERE id = {int(batch.file_id)}"
    )
    if files:
        object.__setattr__(batch, "_file", files[0])  # where Tortoise's select_related puts it
    return batch


async def with_file(batch: ImportBatch) -> ImportBatch:
    """The batch with its received file loaded (`batch.file`): read now unless it came with the batch."""
    if not isinstance(batch.file, ReceivedFile):
        await batch.fetch_related("file")
    return batch


async def received_file(batch: ImportBatch) -> ReceivedFile:
    return await ReceivedFile.get(id=batch.file_id)


async def file_names(batch_ids: Sequence[int]) -> list[str | None]:
    """One query for many batches (a DataLoader's batch): each batch's file name, None if no such batch."""
    rows = await ImportBatch.filter(id__in=list(batch_ids)).values_list("id", "file__name")
    names = {int(bid): str(name) for bid, name in rows}
    return [names.get(i) for i in batch_ids]


async def first_errors(batch_ids: Sequence[int]) -> list[UserError | None]:
    """One query for many batches (a DataLoader's batch): each batch's first error (a FAILED batch's reason:
    why its file could not be read), None when it has none."""
    firsts = (
        ImportIssue.filter(batch_id__in=list(batch_ids), severity="error")
        .group_by("batch_id")
        .annotate(first=Min("id"))
        .values_list("first", flat=True)
    )
    ids = cast("list[Any]", await firsts)
    rows = await ImportIssue.filter(id__in=[int(i) for i in ids])
    by_batch = {row.batch_id: UserError(row.code, row.message, row.column, row.params) for row in rows}
    return [by_batch.get(i) for i in batch_ids]


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


@dataclass(frozen=True, slots=True)
class RefusedLine:
    """A refused line of a batch, as the entry grid shows it in place: its number, its text (None when the
    reader did not keep it) and its errors (code, column, params), in the order they were found."""

    line: int
    text: str | None
    errors: list[tuple[str, str | None, Any]]


_REFUSED = """
SELECT r.line, r.text, i.code, i."column", i.params
FROM (
    SELECT line, text FROM import_rejected_lines
    WHERE batch_id = $1 AND line >= $2 AND line <= $3
    ORDER BY line
    LIMIT $4
) r
LEFT JOIN import_issues i ON i.batch_id = $5 AND i.line = r.line AND i.severity = 'error'
ORDER BY r.line, i.id
"""


async def refused_in_range(batch_id: int, first: int, last: int, limit: int) -> list[RefusedLine]:
    """Up to `limit` of the batch's refused lines numbered `first` to `last`, in order, each with its
    errors: one query."""
    conn, sql = default_sql(_REFUSED)
    _, rows = await conn.execute_query(sql, [batch_id, first, last, limit, batch_id])
    out: list[RefusedLine] = []
    for line, text, code, column, params in rows:
        if not out or out[-1].line != line:
            out.append(RefusedLine(int(line), text or None, []))
        if code is not None:
            out[-1].errors.append((code, column, json.loads(params) if isinstance(params, str) else params))
    return out


async def count_refused(batch_id: int, before_line: int | None = None) -> int:
    """The batch's refused lines (those numbered below `before_line` when given)."""
    found = RejectedLine.filter(batch_id=batch_id)
    return await (found.filter(line__lt=before_line) if before_line is not None else found).count()
