"""`ecluse import`: receive a file from the command line, wait for its parse, report."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ecluse.cli import main, register_jobs
from ecluse.cli.issue_labels import LABELS
from ecluse.cli.lookup import no_company
from ecluse.cli.words import count, error, error_line, lang, number, say
from ecluse.imports.statuses import BatchStatus, ImportFormat, Origin
from ecluse.settings import Settings, get_settings

if TYPE_CHECKING:
    from ecluse.imports.models import ImportBatch

# The database, the queue and the parsers are imported by the command that needs them: `ecluse` (and
# every parser process it spawns) starts without them.

#: What a status is called in French (the web app's words).
STATUS_FR = {
    BatchStatus.PENDING_VALIDATION: "En attente de validation",
    BatchStatus.FINISHED_WITH_ERROR: "Terminé avec erreur",
    BatchStatus.FAILED: "Échec",
}
PARSED = {BatchStatus.PENDING_VALIDATION, BatchStatus.FINISHED_WITH_ERROR, BatchStatus.FAILED}
EXIT = {BatchStatus.PENDING_VALIDATION: 0, BatchStatus.FINISHED_WITH_ERROR: 2, BatchStatus.FAILED: 1}


@main.command("import")
@click.option("--company", "company", required=True, help="Company id, SIREN or short code.")
@click.option(
    "--format", "fmt", default="AUTO", show_default=True, help="FEC, TRA, JSON, CUSTOM, or AUTO to detect."
)
@click.option("--layout", "layout", default=None, help="A saved layout's id or name (custom files).")
@click.option("--wait/--no-wait", default=True, show_default=True, help="Wait for the parse to finish.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(company: str, fmt: str, layout: str | None, wait: bool, file: Path) -> None:
    """Receive FILE for a company, as a partner would (origin CLI)."""
    register_jobs()
    code = asyncio.run(run_import(get_settings(), company, fmt, file, wait, layout))
    sys.exit(code)


async def run_import(
    settings: Settings, company_ref: str, fmt: str, path: Path, wait: bool, layout_ref: str | None = None
) -> int:
    from ecluse.db.init import orm_open, run_migrations

    await run_migrations(settings)
    async with orm_open(settings):
        return await _import(settings, company_ref, fmt, path, wait, layout_ref)


async def _import(
    settings: Settings, company_ref: str, fmt: str, path: Path, wait: bool, layout_ref: str | None
) -> int:
    from tortoise.expressions import Q

    from ecluse.cli.lookup import find_company
    from ecluse.errors import DomainError
    from ecluse.events import make_event_bus
    from ecluse.imports.models import ImportLayout
    from ecluse.imports.receive import receive_file
    from ecluse.jobs.queue import InProcessQueue, make_job_queue
    from ecluse.storage import FileStore, iter_file

    bus = await make_event_bus(settings.redis_url, settings.channel_prefix)
    store = FileStore(settings.storage_dir)
    jobs = await make_job_queue(settings, bus, store)
    try:
        company = await find_company(company_ref)
        if company is None:
            click.echo(no_company(company_ref), err=True)
            return 1
        try:
            file_format = ImportFormat(fmt.upper())
        except ValueError:
            click.echo(error("format inconnu « {fmt} »", "unknown format {fmt!r}", fmt=fmt), err=True)
            return 1
        layout_id = None
        if layout_ref:
            found = (
                await ImportLayout.filter(company_id=company.id)
                .filter(Q(name=layout_ref) | Q(id=int(layout_ref) if layout_ref.isdigit() else -1))
                .first()
            )
            if found is None:
                said = error("{company} n'a pas de modèle « {layout} »", "{company} has no layout {layout!r}",
                             company=company.name, layout=layout_ref)  # fmt: skip
                click.echo(said, err=True)
                return 1
            layout_id = found.id
        with path.open("rb") as stream:
            try:
                received = await receive_file(
                    company_id=company.id, principal=None, filename=path.name, chunks=iter_file(stream),
                    fmt=file_format, origin=Origin.CLI, store=store, jobs=jobs, bus=bus,
                    max_bytes=settings.max_upload_bytes, layout_id=layout_id,
                )  # fmt: skip
            except DomainError as exc:
                click.echo(error_line(exc.error.code, exc.error.message, exc.error.params), err=True)
                return 1
        batch = received.batch
        click.echo(say("{file} reçu : import {id} pour {company}", "received {file} as import {id} for {company}",
                       file=path.name, id=batch.id, company=company.name))  # fmt: skip
        if batch.duplicate_of_id:
            click.echo(say("attention : le même contenu a déjà été reçu (import {id})",
                           "warning: the same content was received before (import {id})", id=batch.duplicate_of_id))  # fmt: skip
        if not wait:
            return 0
        if isinstance(jobs, InProcessQueue):
            await jobs.drain()
        batch = await _wait(batch.id)
        return await _report(batch)
    finally:
        await jobs.close()
        await bus.close()


async def _wait(batch_id: int) -> ImportBatch:
    from ecluse.imports.models import ImportBatch

    while True:
        batch = await ImportBatch.get(id=batch_id)
        if batch.status in PARSED:
            return batch
        await asyncio.sleep(0.2)


async def _report(batch: ImportBatch) -> int:
    from ecluse.imports.models import ImportIssue

    counts = ", ".join([
        count(batch.entry_count, ("écriture en attente", "écritures en attente"), ("entry staged", "entries staged")),
        count(batch.rejected_entry_count, ("rejetée", "rejetées"), ("rejected", "rejected")),
        count(batch.finding_count, ("constat", "constats"), ("finding", "findings")),
    ])  # fmt: skip
    status = BatchStatus(batch.status)
    click.echo(say("{status} : {counts}", "status {code}: {counts}", status=STATUS_FR[status], code=status.value,
                   counts=counts))  # fmt: skip
    for issue in await ImportIssue.filter(batch_id=batch.id, severity="error").order_by("line").limit(50):
        if lang() == "fr":
            where = f"ligne {number(issue.line)}" + (f", {issue.column}" if issue.column else "")
            click.echo(f"  {where} : {LABELS['fr'].get(issue.code, issue.code)} [{issue.code}]")
        else:
            where = f"line {issue.line}" + (f", {issue.column}" if issue.column else "")
            click.echo(f"  {where}: {issue.code}: {issue.message}")
    return EXIT.get(BatchStatus(batch.status), 1)
