"""Tortoise ORM configuration, built from the settings (SQLite by default, PostgreSQL for scale)."""

from __future__ import annotations

from typing import Any

from ecluse.settings import Settings, get_settings

MODEL_MODULES = [
    "ecluse.ledger.models",
    "ecluse.auth.models",
    "ecluse.imports.models",
    "ecluse.jobs.models",
    "ecluse.activity.models",
]


def tortoise_config(settings: Settings | None = None) -> dict[str, Any]:
    settings = settings or get_settings()
    url = settings.database_url
    if settings.is_sqlite:
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        connection: Any = {
            "engine": "tortoise.backends.sqlite",
            "credentials": {
                "file_path": str(settings.sqlite_path),
                "journal_mode": "WAL",
                "synchronous": "NORMAL",
                "busy_timeout": 30000,
                # A larger page cache keeps index maintenance of bulk inserts in memory.
                "cache_size": -65536,
                "temp_store": "MEMORY",
                "foreign_keys": "ON",
            },
        }
    else:
        connection = url.replace("postgresql://", "postgres://", 1)
    return {
        "connections": {"default": connection},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "ecluse.db.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def __getattr__(name: str) -> Any:
    # `python -m tortoise -c ecluse.db.config.TORTOISE_ORM` reads this, built from the environment.
    if name == "TORTOISE_ORM":
        return tortoise_config()
    raise AttributeError(name)
