"""The `ecluse` command, one module per group: serve (serve, worker, migrate), schema (export-schema), demo,
imports (import), export (export-fec), years (fiscal-year), companies (company), journals (journal), people (user, member,
apikey)."""

from __future__ import annotations

import logging

import click


@click.group()
@click.option(
    "--lang", type=click.Choice(["fr", "en"]), default=None, envvar="ECLUSE_LANG",
    help="The language of what the commands say (default: the system locale's, else English).",
)  # fmt: skip
def main(lang: str | None) -> None:
    """Écluse: accounting imports held in draft, reviewed, validated, posted."""
    from ecluse.cli.words import set_lang

    set_lang(lang)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from ecluse.activity.record import origin

    origin.set("cli")  # the audit trail's "from where" of every change a command makes


def register_jobs() -> None:
    """The job kinds this process runs (jobs/registry.py): every command that runs jobs calls it first."""
    from ecluse.imports.jobs import register_jobs as register_import_jobs

    register_import_jobs()


# The groups add their commands to `main` (imported last: they import it).
from ecluse.cli import companies, demo, export, imports, journals, people, schema, serve, years  # noqa: E402

__all__ = [
    "companies",
    "demo",
    "export",
    "imports",
    "journals",
    "main",
    "people",
    "register_jobs",
    "schema",
    "serve",
    "years",
]
