"""`ecluse demo`: the demo firm (ecluse/demo.py holds its data)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from ecluse.cli import main, register_jobs
from ecluse.cli.words import say
from ecluse.settings import get_settings


@main.command()
@click.option("--reset", is_flag=True, help="Delete the existing database file first (SQLite only).")
def demo(reset: bool) -> None:
    """Create the demo firm: users for each role, two companies, fiscal years, pending imports."""
    from ecluse.demo import create_demo

    register_jobs()
    settings = get_settings()
    if reset and settings.is_sqlite:
        for suffix in ("", "-wal", "-shm"):
            Path(str(settings.sqlite_path) + suffix).unlink(missing_ok=True)
    logins = asyncio.run(create_demo(settings))
    click.echo(say("Connexions de démonstration (mot de passe : demo) :", "Demo logins (password: demo):"))
    for email, role in logins:
        click.echo(f"  {email:<34} {role}")
