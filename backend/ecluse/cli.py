"""The `ecluse` command: serve, worker, demo, import, export-schema, migrate."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

import click

from ecluse.settings import get_settings


@click.group()
def main() -> None:
    """Écluse: accounting imports held in draft, reviewed, validated, posted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Run the API and the web app (with in-process jobs unless ECLUSE_REDIS_URL is set)."""
    import uvicorn

    from ecluse.app import create_app

    # Whose X-Forwarded-For is believed is the app's setting alone (uvicorn would trust any local peer).
    trusted = get_settings().trusted_proxies
    uvicorn.run(
        create_app(),
        host=host,
        port=port,
        log_level="info",
        proxy_headers=bool(trusted),
        forwarded_allow_ips=trusted or None,
    )


@main.command()
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker(burst: bool) -> None:
    """Run an arq worker (needs ECLUSE_REDIS_URL); it waits for Redis, and outlasts its outages."""
    from ecluse.jobs.worker import run_worker

    settings = get_settings()
    if not settings.redis_url:
        raise click.ClickException("ECLUSE_REDIS_URL is not set: the worker takes its jobs from Redis.")
    asyncio.run(_migrate())
    asyncio.run(run_worker(settings, burst=burst))


async def _migrate() -> None:
    from ecluse.db.init import run_migrations

    await run_migrations(get_settings())


@main.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    asyncio.run(_migrate())
    click.echo("database is up to date")


@main.command("export-schema")
def export_schema() -> None:
    """Print the GraphQL schema (SDL); schema.graphql at the top of the repository is this output."""
    from ecluse.api.schema import sdl

    sys.stdout.write(sdl())


@main.command()
@click.option("--reset", is_flag=True, help="Delete the existing database file first (SQLite only).")
def demo(reset: bool) -> None:
    """Create the demo firm: users for each role, two companies, fiscal years, pending imports."""
    from ecluse.demo import create_demo

    settings = get_settings()
    if reset and settings.is_sqlite:
        for suffix in ("", "-wal", "-shm"):
            Path(str(settings.sqlite_path) + suffix).unlink(missing_ok=True)
    logins = asyncio.run(create_demo(settings))
    click.echo("Demo logins (password: demo):")
    for email, role in logins:
        click.echo(f"  {email:<34} {role}")


@main.command("import")
@click.option("--company", "company", required=True, help="Company id or SIREN.")
@click.option(
    "--format", "fmt", default="AUTO", show_default=True, help="FEC, TRA, JSON, CUSTOM, or AUTO to detect."
)
@click.option("--layout", "layout", default=None, help="A saved layout's id or name (custom files).")
@click.option("--wait/--no-wait", default=True, show_default=True, help="Wait for the parse to finish.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(company: str, fmt: str, layout: str | None, wait: bool, file: Path) -> None:
    """Receive FILE for a company, as a partner would (origin CLI)."""
    from ecluse.cli_import import run_import

    code = asyncio.run(run_import(get_settings(), company, fmt, file, wait, layout))
    sys.exit(code)


@main.command("export-fec")
@click.option("--company", "company", required=True, help="Company id or SIREN.")
@click.option("--year", "year", required=True, help="Fiscal year id, or YYYY: the one that ends that year.")
@click.option("--keep-numbers", is_flag=True, help="Keep each entry's number (default: 1, 2, 3… by date).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File or folder [default: ./<name>].")
def export_fec(company: str, year: str, keep_numbers: bool, output: Path | None) -> None:
    """Write the FEC of a fiscal year: its posted entries, as the download gives them."""
    from ecluse.cli_export import run_export

    sys.exit(asyncio.run(run_export(get_settings(), company, year, keep_numbers, output)))
