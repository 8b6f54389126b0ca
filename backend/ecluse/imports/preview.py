"""The preview of a sample file (the layout editor's live preview, a check before sending): the layout it
is read with, its format, and a dry run (imports/dryrun.py). Nothing is saved."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from ecluse.errors import DomainError
from ecluse.imports import layouts
from ecluse.imports.dossier import dossier_findings
from ecluse.imports.dryrun import MAX_SAMPLE_BYTES, DryRun, dry_run
from ecluse.imports.models import ImportLayout
from ecluse.imports.receive import resolve_format
from ecluse.imports.statuses import ImportFormat
from ecluse.ledger.journals import with_default_journal
from ecluse.ledger.models import Company


@dataclass(frozen=True, slots=True)
class Preview:
    format: ImportFormat
    run: DryRun  # run.companies names the companies of the entries shown
    currency: str


async def preview_sample(
    *,
    company_id: int,
    user_id: int | None,
    read: Callable[[int], Awaitable[bytes]],
    filename: str | None,
    fmt: ImportFormat,
    layout_id: int | None,
    definition: Any,
    limit: int,
) -> Preview:
    """Read the sample (`read(n)`: at most n bytes) with an unsaved layout `definition`, else the saved
    layout `layout_id`, else as `fmt`. DomainError for a wrong layout, a sample too large, an unknown
    format."""
    layout: dict[str, Any] | None = None
    if definition is not None:
        layout = layouts.stored(layouts.parse_layout(definition))
    elif layout_id is not None:
        row = await ImportLayout.get_or_none(id=layout_id, company_id=company_id)
        if row is None:
            raise DomainError(
                "NOT_FOUND", "No such layout for this company.", "layoutId", layout_id=layout_id
            )
        layout = row.definition
    if layout is not None:  # a default journal read as the import would (NO_DEFAULT_JOURNAL when none)
        layout = await with_default_journal(company_id, layout)
    data = await read(MAX_SAMPLE_BYTES + 1)
    if len(data) > MAX_SAMPLE_BYTES:
        raise DomainError(
            "FILE_TOO_LARGE", f"A sample is at most {MAX_SAMPLE_BYTES >> 20} MB: cut the file.", "file",
            maximum=MAX_SAMPLE_BYTES,
        )  # fmt: skip
    name = filename or "sample"
    fmt = resolve_format(fmt, data[:8192], name, has_layout=layout is not None)
    company = await Company.get(id=company_id)
    run = await dry_run(
        company_id=company_id, user_id=user_id, data=data, filename=name, format=fmt.value, layout=layout,
        ranges=list(company.account_ranges or []), limit=limit, currency=company.currency,
    )  # fmt: skip
    if run.info is not None and run.fatal is None:  # what the import will say of the name (a FEC's)
        notes, run.fatal = await dossier_findings(company, run.info)
        run.problems[:0] = [(note, None) for note in notes]
        run.finding_count += len(notes)
    run.companies = dict(
        await Company.filter(id__in={e.company for e in run.entries}).values_list("id", "name")
    )
    return Preview(format=fmt, run=run, currency=company.currency)
