"""schema.graphql is what `ecluse export-schema` prints: a schema change without it fails here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_schema_file_matches_the_code() -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "ecluse", "export-schema"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert (ROOT / "schema.graphql").read_text() == printed, "schema.graphql is stale: run ./scripts/codegen"


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """A fresh database migrated step by step ends with the schema the models describe."""
    env_db = f"sqlite://{tmp_path / 'm.sqlite3'}"
    check = subprocess.run(
        [sys.executable, "-c", _DETECT],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env={**os.environ, "ECLUSE_DATABASE_URL": env_db},
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "no changes", check.stdout


# Runs the autodetector against the migration files without writing anything.
_DETECT = """
import asyncio
from tortoise import Tortoise
from tortoise.migrations.autodetector import MigrationAutodetector
from ecluse.db.config import tortoise_config

async def main():
    config = tortoise_config()
    await Tortoise.init(config=config, init_connections=False)
    detector = MigrationAutodetector(Tortoise.apps, config["apps"])
    writers = await detector.changes()
    print("no changes" if not writers else "changes: " + ", ".join(w.name for w in writers))

asyncio.run(main())
"""
