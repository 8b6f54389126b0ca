"""A batch as of one change: what a live event carries, read once by the process that made the change.

Every subscriber of a company's imports receives the same state, in the order the changes were made, and
serves its GraphQL fields from it: a thousand open consoles cost no read of the batch at all, and none can
see a later status in place of the one the event announced (a re-read could: VALIDATING then SUCCEEDED read
back as SUCCEEDED twice). The state is JSON (it crosses processes through Redis): `state_json` writes it,
`BatchState.of` reads it back with the model's own field types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ecluse.imports.models import ImportBatch

#: The batch fields an event carries: those the GraphQL type of a batch and the visibility rule read.
FIELDS = (
    "id", "company_id", "format", "origin", "status", "submitted_by_key_id", "partner_name", "layout_id",
    "resent_of_id", "parent_batch_id", "duplicate_of_id", "progress", "line_count", "staged_line_count",
    "refused_line_count", "entry_count", "rejected_entry_count", "error_count", "finding_count", "total_debit", "total_credit", "first_date",
    "last_date", "fiscal_year_id", "siren", "closing_date", "error_summary", "error_codes", "created_at", "updated_at",
    "reversed_at", "reversal_date",
)  # fmt: skip
#: And those of its received file.
FILE_FIELDS = ("name", "size", "sha256", "encoding")


@dataclass(frozen=True, slots=True)
class FileState:
    name: str
    size: int
    sha256: str
    encoding: str | None


@dataclass(frozen=True, slots=True)
class BatchState:
    """The fields of FIELDS, typed as on ImportBatch, and the file."""

    id: int
    company_id: int
    format: str
    origin: str
    status: str
    submitted_by_key_id: int | None
    partner_name: str
    layout_id: int | None
    resent_of_id: int | None
    parent_batch_id: int | None
    duplicate_of_id: int | None
    progress: int
    line_count: int
    staged_line_count: int
    refused_line_count: int
    entry_count: int
    rejected_entry_count: int
    error_count: int
    finding_count: int
    total_debit: int
    total_credit: int
    first_date: date | None
    last_date: date | None
    fiscal_year_id: int | None
    siren: str | None
    closing_date: date | None
    error_summary: str
    error_codes: list[list[Any]] | None  # None in an event written before the field existed
    created_at: datetime
    updated_at: datetime
    reversed_at: datetime | None
    reversal_date: date | None
    file: FileState

    @classmethod
    def of(cls, data: dict[str, Any]) -> BatchState:
        """The state `state_json` wrote (dates and times back from ISO text)."""
        fields = ImportBatch._meta.fields_map
        values = {name: fields[name].to_python_value(data.get(name)) for name in FIELDS}
        return cls(**values, file=FileState(**{name: data["file"][name] for name in FILE_FIELDS}))


async def state_json(batch_id: int) -> dict[str, Any] | None:
    """The batch as it is now, as JSON values; None when it is gone."""
    rows = await ImportBatch.filter(id=batch_id).values(*FIELDS, *(f"file__{name}" for name in FILE_FIELDS))
    if not rows:
        return None
    row = rows[0]
    out: dict[str, Any] = {
        name: row[name].isoformat() if isinstance(row[name], date) else row[name] for name in FIELDS
    }
    out["file"] = {name: row[f"file__{name}"] for name in FILE_FIELDS}
    return out
