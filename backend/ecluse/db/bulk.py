"""The bulk path: rows go through the driver, not ORM objects (PERFORMANCE.md: 5–8× faster).

SQLite: `executemany` inside the caller's transaction (WAL, synchronous=NORMAL).
PostgreSQL: asyncpg `copy_records_to_table` inside the caller's transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from ecluse.db.config import BULK

Row = Sequence[Any]


def is_sqlite(conn: BaseDBAsyncClient) -> bool:
    return conn.capabilities.dialect == "sqlite"


def bulk_connection() -> str:
    """The connection name staging writes through: its own on SQLite (db/config.py BULK), else the default."""
    return BULK if BULK in connections.db_config else "default"


def portable(conn: BaseDBAsyncClient, sql: str) -> str:
    """Raw SQL written with asyncpg's `$1` placeholders, as the connection's driver wants them: SQLite's
    numbered `?1`, so that a placeholder may appear twice or out of order, as in PostgreSQL."""
    return re.sub(r"\$(\d+)", r"?\1", sql) if is_sqlite(conn) else sql


def default_sql(sql: str) -> tuple[BaseDBAsyncClient, str]:
    """The default connection, and raw SQL written with `$1` placeholders as its driver wants it."""
    conn = connections.get("default")
    return conn, portable(conn, sql)


async def insert_rows(
    conn: BaseDBAsyncClient, table: str, columns: Sequence[str], rows: list[Row],
    constants: dict[str, int] | None = None,
) -> None:  # fmt: skip
    """`constants`: columns every row shares, not in `rows`. SQLite writes them as literals in the statement
    (each bound value costs; a million lines bind two million fewer); COPY sends them with each record."""
    if not rows:
        return
    constants = constants or {}
    if any(type(v) is not int for v in constants.values()):  # literals in SQL text: integers only
        raise TypeError("insert_rows constants are integers")
    if is_sqlite(conn):
        # SQLite caps bound variables per statement, not per executemany: one row per statement is fine.
        names = ", ".join([*constants, *columns])
        values = ", ".join([*(str(v) for v in constants.values()), *("?" for _ in columns)])
        await conn.execute_many(f"INSERT INTO {table} ({names}) VALUES ({values})", rows)  # type: ignore[arg-type]
        return
    if constants:
        shared = tuple(constants.values())
        rows = [shared + tuple(row) for row in rows]
    async with conn.acquire_connection() as raw:
        await raw.copy_records_to_table(table, records=rows, columns=[*constants, *columns])


async def allocate_ids(conn: BaseDBAsyncClient, table: str, count: int) -> list[int]:
    """Reserve `count` primary keys so that child rows can reference their parents without a round trip.

    On SQLite the caller holds the write transaction, so MAX(id) cannot move under it; on PostgreSQL the
    table's own sequence hands out the ids."""
    if count <= 0:
        return []
    if is_sqlite(conn):
        rows = await conn.execute_query_dict(f"SELECT COALESCE(MAX(id), 0) AS m FROM {table}")
        start = int(rows[0]["m"]) + 1
        return list(range(start, start + count))
    # One block per chunk: the table lock (held to the end of the caller's transaction; plain reads still
    # pass) keeps any other writer from drawing ids in between. 333k nextval() calls cost 5 s; this 30 ms.
    await conn.execute_query(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
    rows = await conn.execute_query_dict(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), nextval(pg_get_serial_sequence('{table}', 'id'))"
        " + $1 - 1) AS last",
        [count],
    )
    last = int(rows[0]["last"])
    return list(range(last - count + 1, last + 1))
