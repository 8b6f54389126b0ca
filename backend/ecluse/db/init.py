"""Opening the database: migrations first (one process at a time), then the ORM for the process."""

from __future__ import annotations

import asyncio
import fcntl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from tortoise import Tortoise
from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate

from ecluse.db.config import tortoise_config
from ecluse.settings import Settings

_MIGRATION_LOCK = 0x45434C55  # "ECLU": the advisory lock every Écluse process takes to migrate


@asynccontextmanager
async def _migration_lock(settings: Settings) -> AsyncIterator[None]:
    """API replicas and workers start together on a new database: only one of them may migrate at a time."""
    if settings.is_sqlite:
        lock_path = settings.sqlite_path.with_name(settings.sqlite_path.name + ".migrate.lock")
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with lock_path.open("w") as handle:
            await asyncio.to_thread(fcntl.flock, handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    dsn = settings.database_url.replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn, timeout=30)
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", _MIGRATION_LOCK)
        try:
            yield
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", _MIGRATION_LOCK)
    finally:
        await conn.close()


async def run_migrations(settings: Settings) -> None:
    """Bring the schema to the latest migration (a no-op when it is there already)."""
    async with _migration_lock(settings):
        await migrate(config=tortoise_config(settings))
        await Tortoise.close_connections()


@asynccontextmanager
async def orm_open(settings: Settings) -> AsyncIterator[TortoiseContext]:
    """The ORM for this process, closed on the way out whatever happens.

    The context `Tortoise.init` returns is the one closed: `Tortoise.close_connections()` closes whichever context
    is current in the calling task, and a global fallback left set makes the next `init` in the process fail
    (STACK.md).
    """
    orm = await Tortoise.init(config=tortoise_config(settings, bulk=True), _enable_global_fallback=True)
    try:
        yield orm
    finally:
        await orm.close_connections()
