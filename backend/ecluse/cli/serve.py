"""`ecluse serve`, `ecluse worker`, `ecluse migrate`: the processes of a deployment."""

from __future__ import annotations

import asyncio

import click

from ecluse.cli import main, register_jobs
from ecluse.cli.words import say
from ecluse.settings import get_settings


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

    register_jobs()
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
    click.echo(say("la base de données est à jour", "database is up to date"))
