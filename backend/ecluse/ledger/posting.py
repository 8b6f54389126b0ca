"""Posting: a batch's staged (draft) entries become posted entries of the books, in the caller's transaction.

The ledger knows a batch only by the `batch_id` its entries carry; the batch's statuses and its received
file belong to imports/ (imports/decide.py moves the batch, and calls this inside the same transaction).
"""

from __future__ import annotations

import logging
from datetime import datetime

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from ecluse.db.bulk import bulk_connection, is_sqlite, portable
from ecluse.errors import DomainError
from ecluse.ledger.models import Company, Entry
from ecluse.money import LEDGER_TOTAL_MAX, to_decimal

log = logging.getLogger(__name__)


async def lock_ledger(conn: BaseDBAsyncClient, company_id: int) -> None:
    """Serialise the postings of one company: a write on its row, to be the transaction's first statement
    (on SQLite it takes the write lock before any read, so two postings never deadlock). Of two twin files
    validated at the same moment, the second then sees the first posted."""
    await conn.execute_query(
        portable(conn, "UPDATE companies SET ledger_debit = ledger_debit WHERE id = $1"), [company_id]
    )


async def post_staged(conn: BaseDBAsyncClient, batch_id: int, company_id: int, now: datetime) -> None:
    """Post every draft entry of the batch: all balanced, within what the ledger's totals can hold, or a
    DomainError and nothing changes (the caller's transaction rolls back)."""
    unbalanced = await conn.execute_query_dict(
        portable(
            conn,
            "SELECT entry_id FROM entry_lines WHERE batch_id = $1 GROUP BY entry_id "
            "HAVING SUM(debit) <> SUM(credit) LIMIT 1",
        ),
        [batch_id],
    )
    if unbalanced:
        entry = int(unbalanced[0]["entry_id"])
        raise DomainError(
            "UNBALANCED_ENTRY", f"entry {entry} is not balanced: nothing was posted", entry=entry
        )
    debit, credit = await staged_totals(conn, batch_id)
    company = await Company.filter(id=company_id).using_db(conn).get()
    check_ledger_room(batch_id, company, debit, credit)
    await Entry.filter(batch_id=batch_id, state="draft").using_db(conn).update(state="posted", posted_at=now)
    if is_sqlite(conn):
        # Staging left the lines' date out on SQLite (imports/stage.py): dated now, they enter the account
        # index (ledger/models.py EntryLine), which holds dated lines only.
        await conn.execute_query(
            "UPDATE entry_lines SET entry_date = e.date FROM entries e "
            "WHERE entry_lines.batch_id = ? AND e.id = entry_lines.entry_id",
            [batch_id],
        )
    await conn.execute_query(
        portable(
            conn,
            "UPDATE companies SET ledger_debit = ledger_debit + $1, ledger_credit = ledger_credit + $2 "
            "WHERE id = $3",
        ),
        [debit, credit, company_id],
    )


async def staged_totals(conn: BaseDBAsyncClient, batch_id: int) -> tuple[int, int]:
    """(debit, credit) of the batch's lines, in minor units."""
    rows = await conn.execute_query_dict(
        portable(
            conn,
            "SELECT COALESCE(SUM(debit), 0) AS debit, COALESCE(SUM(credit), 0) AS credit "
            "FROM entry_lines WHERE batch_id = $1",
        ),
        [batch_id],
    )
    return int(rows[0]["debit"]), int(rows[0]["credit"])


#: Lines posted at once past which PostgreSQL's statistics on the books are refreshed at once.
ANALYZE_AFTER_LINES = 50_000


async def refresh_statistics(lines: int) -> None:
    """After a big posting on PostgreSQL, ANALYZE the books' tables: until autovacuum does (a minute or more
    later), the planner takes the company's 300,000 new entries for a handful and sorts every one of them for
    a page of the books (0.3-0.9 s a page against 1-50 ms; bench/bench_books.py). SQLite keeps no statistics."""
    conn = connections.get(bulk_connection())
    if lines < ANALYZE_AFTER_LINES or is_sqlite(conn):
        return
    try:
        await conn.execute_script("ANALYZE entries; ANALYZE entry_lines")
    except Exception:  # statistics are an optimisation: autovacuum will do it
        log.warning("ANALYZE after posting failed", exc_info=True)


def check_ledger_room(batch_id: int, company: Company, debit: int, credit: int) -> None:
    """Posted entries are immutable: a batch that would take the ledger's totals past what every sum can
    hold is refused, so that no later report or export of the books can fail."""
    if company.ledger_debit + debit > LEDGER_TOTAL_MAX or company.ledger_credit + credit > LEDGER_TOTAL_MAX:
        maximum = str(to_decimal(LEDGER_TOTAL_MAX, company.currency))
        raise DomainError(
            "LEDGER_TOTAL_TOO_LARGE",
            f"Import {batch_id} would take the company's posted totals past {maximum} {company.currency}: "
            "nothing was posted.",
            "id",
            batch=batch_id,
            maximum=maximum,
            currency=company.currency,
        )
