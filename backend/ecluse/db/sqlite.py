"""The SQLite engine Écluse runs on: Tortoise's, with transactions that take the write lock as they begin.

Staging writes through a second connection of its own (db/config.py `BULK`), so the API's reads never queue
behind a staging transaction. Two connections writing one file meet a SQLite rule: a deferred transaction
that has read and then wants to write fails at once ("database is locked", no busy wait) when the other
connection committed in between. `BEGIN IMMEDIATE` takes the write lock first: the transaction waits (up to
busy_timeout) for the other's commit instead of failing.
"""

from __future__ import annotations

import sqlite3

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import SqliteClient, SqliteTransactionContext, SqliteTransactionWrapper
from tortoise.exceptions import TransactionManagementError


class _ImmediateTransaction(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


class Client(SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(_ImmediateTransaction(self), self._lock)


client_class = Client
