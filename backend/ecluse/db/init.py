"""Opening the database: migrations first, then the ORM for the process."""

from __future__ import annotations

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from ecluse.db.config import tortoise_config
from ecluse.settings import Settings


async def run_migrations(settings: Settings) -> None:
    """Bring the schema to the latest migration (a no-op when it is there already)."""
    await migrate(config=tortoise_config(settings))
    await Tortoise.close_connections()


async def open_orm(settings: Settings) -> None:
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def close_orm() -> None:
    await Tortoise.close_connections()
