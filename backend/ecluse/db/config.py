"""Tortoise ORM configuration, built from the settings (SQLite by default, PostgreSQL for scale)."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from ecluse.settings import Settings, get_settings

#: Staging's connection for its bulk writes (imports/stage.py). On SQLite a connection serves one statement at a
#: time and a transaction holds it whole: on a connection of their own, the writes of a big import leave the
#: API's reads free (WAL lets them read while a transaction writes). PostgreSQL's pool needs no second name.
BULK = "bulk"

MODEL_MODULES = [
    "ecluse.ledger.models",
    "ecluse.auth.models",
    "ecluse.imports.models",
    "ecluse.jobs.models",
    "ecluse.activity.models",
]


def tortoise_config(settings: Settings | None = None, *, bulk: bool = False) -> dict[str, Any]:
    """`bulk`: with staging's own connection (SQLite), for a process that runs jobs; not for migrations."""
    settings = settings or get_settings()
    url = settings.database_url
    if settings.is_sqlite:
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        connection: Any = {
            "engine": "ecluse.db.sqlite",
            "credentials": {
                "file_path": str(settings.sqlite_path),
                # Set before WAL (which writes the file's first page): a new database takes it, an existing
                # one keeps its own. Bulk inserts maintain fewer, fuller B-tree pages (bench/README.md).
                "page_size": 16384,
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
    connections = {"default": connection}
    if bulk and settings.is_sqlite:
        connections[BULK] = deepcopy(connection)
    return {
        "connections": connections,
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
