"""Test fixtures: the whole suite runs on either deployment, chosen by ECLUSE_TEST_BACKEND.

- `sqlite` (default): a SQLite file, in-process jobs and events.
- `postgres`: PostgreSQL + Redis + a real `ecluse worker` process (skipped with a reason when the servers
  are absent; a failure under CI=true).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.support import Api, seed_firm

BACKEND = os.environ.get("ECLUSE_TEST_BACKEND", "sqlite")
PG_ADMIN = os.environ.get("ECLUSE_TEST_PG", "postgres://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("ECLUSE_TEST_REDIS", "redis://127.0.0.1:6379")
TABLES = [
    "audit_log", "notifications", "jobs", "import_rejected_lines", "import_issues", "entry_lines", "entries",
    "import_batches", "received_files", "api_keys", "sessions", "memberships", "users", "third_parties",
    "accounts", "journals", "analytic_sections", "import_layouts", "fiscal_years", "companies",
    "login_throttle", "workers",
]  # fmt: skip


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite the golden files of the sample files (tests/golden.py) instead of comparing with them",
    )  # fmt: skip


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


async def _pg_create(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN, timeout=5)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _pg_drop(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN, timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def _redis_ok() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Environment for the app and any process it starts (worker, CLI)."""
    root = tmp_path_factory.mktemp("ecluse")
    run = uuid.uuid4().hex[:10]
    # Runners record that they are alive every second: /health sees them soon after a test empties the tables.
    env = {
        "ECLUSE_STORAGE_DIR": str(root / "files"),
        "ECLUSE_SECRET_KEY": "test",
        "ECLUSE_WORKER_HEARTBEAT_S": "1",
    }
    if BACKEND == "sqlite":
        env["ECLUSE_DATABASE_URL"] = f"sqlite://{root / 'ecluse.sqlite3'}"
        yield env
        return
    db = f"ecluse_test_{run}"
    try:
        asyncio.run(_pg_create(db))
    except (OSError, Exception) as exc:
        _unavailable(f"PostgreSQL not reachable at {PG_ADMIN}: {exc}")
    if not _redis_ok():
        asyncio.run(_pg_drop(db))
        _unavailable(f"Redis not reachable at {REDIS}")
    base = PG_ADMIN.rsplit("/", 1)[0]
    env.update(
        ECLUSE_DATABASE_URL=f"{base}/{db}",
        ECLUSE_REDIS_URL=REDIS,
        ECLUSE_QUEUE_NAME=f"ecluse:test:{run}:queue",
        ECLUSE_CHANNEL_PREFIX=f"ecluse:test:{run}:events",
        ECLUSE_JOB_TIMEOUT_S="20",
    )
    try:
        yield env
    finally:
        asyncio.run(_pg_drop(db))


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "ecluse", "worker"], env={**os.environ, **env}, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


def stop_process(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def worker(deployment: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A real `ecluse worker` on the PostgreSQL + Redis deployment; None on SQLite (jobs run in-process)."""
    if "ECLUSE_REDIS_URL" not in deployment:
        yield None
        return
    from ecluse.db.init import run_migrations
    from ecluse.settings import Settings

    asyncio.run(run_migrations(Settings(**{k[7:].lower(): v for k, v in deployment.items()})))
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    proc = start_worker(deployment, log)
    time.sleep(1.0)
    try:
        yield proc
    finally:
        stop_process(proc)


@pytest.fixture
def env(deployment: dict[str, str], worker: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    from tortoise import context

    from ecluse.settings import reset_settings

    for key, value in deployment.items():
        monkeypatch.setenv(key, value)
    reset_settings()
    yield deployment
    # An app that did not close its ORM would make every later start in this process fail: the test that
    # left it open fails, not the hundred after it.
    left_open = context._global_context
    if left_open is not None:
        context._global_context = None
        pytest.fail("this test left the ORM open (its app did not shut down)")


@pytest.fixture
def client(env: dict[str, str]) -> Iterator[TestClient]:
    from ecluse.app import create_app
    from ecluse.settings import get_settings, reset_settings

    app = create_app(get_settings())
    with TestClient(app) as test_client:
        test_client.portal.call(_truncate)
        yield test_client
    reset_settings()


async def _truncate() -> None:
    from tortoise import Tortoise, connections

    tables = {m._meta.db_table for app in Tortoise.apps.values() for m in app.values()}
    missing = tables - set(TABLES)
    assert not missing, f"tests/conftest.py TABLES must list {sorted(missing)}: tests would share their rows"
    conn = connections.get("default")
    if conn.capabilities.dialect == "sqlite":
        for table in TABLES:
            await conn.execute_script(f"DELETE FROM {table}")
    else:
        await conn.execute_script(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


@pytest.fixture
def firm(api: Api) -> dict[str, Any]:
    """Two companies, a user per role in the first, an admin of the second, logged in."""
    ids = api.client.portal.call(seed_firm)
    tokens = {role: api.login(email) for role, email in ids["emails"].items()}
    return {**ids, "tokens": tokens}
