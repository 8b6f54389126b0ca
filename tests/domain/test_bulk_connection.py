"""Staging's connection of its own (db/config.py BULK): while staging holds a write transaction, the API's
reads answer at once and its writes wait for the commit (transactions begin IMMEDIATE), never failing with
"database is locked". On SQLite, one connection for both made every console query wait for a staging
transaction (bench/bench_console.py: p99 1.2–2.4 s during a 1M-line import, 90 ms with its own)."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Awaitable
from typing import TypeVar

from tortoise.transactions import in_transaction

from ecluse.db.bulk import bulk_connection, portable
from ecluse.imports.models import ImportBatch
from ecluse.ledger.models import Company
from tests.domain.steps import Ledger

T = TypeVar("T")


def another_request(work: Awaitable[T]) -> asyncio.Task[T]:
    """`work` as the API would run it: in a task of its own, outside the staging transaction's context."""

    async def run() -> T:
        return await work

    return asyncio.get_running_loop().create_task(run(), context=contextvars.Context())


async def test_reads_answer_and_writes_wait_while_staging_writes(ledger: Ledger) -> None:
    before = await Company.get(id=ledger.company_id)
    async with in_transaction(bulk_connection()) as staging:
        # The staging side holds the write lock (as a part's transaction does while it inserts).
        await staging.execute_query("UPDATE companies SET name = name WHERE id = " + str(ledger.company_id))
        # A read of the API answers at once, the transaction still open.
        read = another_request(ImportBatch.filter(company_id=ledger.company_id).count())
        assert await asyncio.wait_for(read, 2) == 0
        # A write of the API waits for staging's commit, then goes through.
        write = another_request(Company.filter(id=ledger.company_id).update(name=before.name + " (renamed)"))
        await asyncio.sleep(0.3)
        assert not write.done()  # SQLite: the write lock; PostgreSQL: the row's lock
    assert await asyncio.wait_for(write, 10) == 1
    assert (await Company.get(id=ledger.company_id)).name == before.name + " (renamed)"


async def test_a_transaction_that_reads_then_writes_never_fails_on_staging_s_commit(ledger: Ledger) -> None:
    """An API transaction reads, staging commits a write, the transaction writes. Begun DEFERRED on SQLite,
    that write failed at once ("database is locked": its snapshot is older than the commit); begun
    IMMEDIATE (db/sqlite.py), staging waits for it instead, and both go through."""
    company = ledger.company_id
    has_read = asyncio.Event()

    async def api_side() -> None:
        async with in_transaction("default") as conn:
            await conn.execute_query(
                portable(conn, "SELECT COUNT(*) FROM companies WHERE id = $1"), [company]
            )
            has_read.set()
            await asyncio.sleep(0.3)  # staging tries to write meanwhile
            await conn.execute_query(
                portable(conn, "UPDATE companies SET name = name || '+' WHERE id = $1"), [company]
            )

    async def staging_side() -> None:
        await has_read.wait()
        async with in_transaction(bulk_connection()) as conn:
            # A real change: SQLite writes nothing for `SET x = x`.
            await conn.execute_query(
                portable(conn, "UPDATE companies SET ledger_credit = ledger_credit + 1 WHERE id = $1"),
                [company],
            )

    before = await Company.get(id=company)
    await asyncio.wait_for(asyncio.gather(another_request(api_side()), staging_side()), 30)
    after = await Company.get(id=company)
    assert (after.name, after.ledger_credit) == (before.name + "+", before.ledger_credit + 1)
