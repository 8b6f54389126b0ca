"""The database for domain tests: the ORM opened directly (no app, no HTTP), emptied, one firm seeded."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from ecluse.auth.principal import Principal
from ecluse.auth.roles import Role
from ecluse.events import LocalEventBus
from ecluse.storage import FileStore
from tests.domain.steps import Ledger


@pytest.fixture
async def ledger(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Ledger]:
    from ecluse.db.init import orm_open, run_migrations
    from ecluse.settings import get_settings, reset_settings
    from tests.conftest import _truncate
    from tests.support import seed_firm

    if env["ECLUSE_DATABASE_URL"].startswith("sqlite"):
        # A database of its own: with these tests emptying the suite's shared SQLite file from the test
        # process, tests/faults/test_worker_kill.py failed most runs ("database is locked" in its server's
        # staging insert); the cause is not pinned down (see the lead's report), the separate file avoids it.
        monkeypatch.setenv("ECLUSE_DATABASE_URL", f"sqlite://{tmp_path / 'domain.sqlite3'}")
        reset_settings()
    settings = get_settings()
    await run_migrations(settings)
    async with orm_open(settings):
        await _truncate()
        ids: dict[str, Any] = await seed_firm()
        from ecluse.auth.models import User

        admin = await User.get(email=ids["emails"]["admin"])
        company_id = int(ids["company"])
        principal = Principal(admin.id, None, admin.name, {company_id: Role.ADMIN})
        bus = LocalEventBus()
        try:
            yield Ledger(company_id, principal, bus, FileStore(settings.storage_dir))
        finally:
            await bus.close()
    reset_settings()
