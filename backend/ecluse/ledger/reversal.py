"""Reversal: a posted batch undone the only way posted entries may be, by opposite entries.

Each posted entry of the batch gets a reversing entry: same journal, the date the user chose, its number
suffixed "-EXT" (extourne), every line with its sides swapped and its lettering left out; `reversal_of_id`
links it to the original, and it carries the same batch id, so the import shows both. Two INSERT … SELECT
statements, whatever the batch's size: no row travels through Python. The caller's transaction holds the
company's ledger lock (posting.lock_ledger).
"""

from __future__ import annotations

from datetime import date, datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from ecluse.db.bulk import is_sqlite, portable
from ecluse.errors import DomainError
from ecluse.ledger.fiscal_years import shut_reason
from ecluse.ledger.models import Company, FiscalYear
from ecluse.ledger.posting import check_ledger_room, staged_totals

SUFFIX = "-EXT"

_ENTRIES = """
INSERT INTO entries (company_id, batch_id, journal_id, number, date, state, source_line, posted_at, reversal_of_id)
SELECT company_id, batch_id, journal_id, SUBSTR(number, 1, 36) || '-EXT', {day}, 'posted', source_line, {now}, id
FROM entries
WHERE batch_id = $1 AND company_id = $2 AND state = 'posted' AND reversal_of_id IS NULL
"""

_LINES = """
INSERT INTO entry_lines (entry_id, company_id, batch_id, source_line, account_id, entry_date, third_party_id,
    piece_ref, piece_date, label, debit, credit, lettering, lettering_date, validation_date, currency_amount,
    currency, analytic, due_date, invoice_ref)
SELECT r.id, l.company_id, l.batch_id, l.source_line, l.account_id, r.date, l.third_party_id, l.piece_ref,
    l.piece_date, l.label, l.credit, l.debit, '', NULL, {day}, -l.currency_amount, l.currency,
    l.analytic, l.due_date, l.invoice_ref
FROM entries r
JOIN entry_lines l ON l.entry_id = r.reversal_of_id
WHERE r.batch_id = $1 AND r.company_id = $2 AND r.reversal_of_id IS NOT NULL
ORDER BY l.id
"""


async def year_open_on(conn: BaseDBAsyncClient, company_id: int, day: date) -> FiscalYear:
    """The company's fiscal year holding `day`, if entries may go into it; else DomainError NO_FISCAL_YEAR,
    FISCAL_YEAR_LOCKED or FISCAL_YEAR_CLOSED naming it."""
    year = (
        await FiscalYear.filter(company_id=company_id, start_date__lte=day, end_date__gte=day)
        .using_db(conn)
        .first()
    )
    if year is None:
        raise DomainError("NO_FISCAL_YEAR", f"{day} falls in no fiscal year of the company.", "date",
                          date=day.isoformat())  # fmt: skip
    why = shut_reason(year)
    if why is not None:
        raise DomainError(
            "FISCAL_YEAR_CLOSED" if why == "closed" else "FISCAL_YEAR_LOCKED",
            f"{year.name} is {why}: nothing can be posted on {day}.",
            "date",
            year=year.name,
        )
    return year


async def post_reversal(
    conn: BaseDBAsyncClient, company_id: int, batch_id: int, day: date, now: datetime
) -> int:
    """Post the reversing entries of the batch's posted entries, dated `day` (checked open); how many."""
    await year_open_on(conn, company_id, day)
    shut = await conn.execute_query_dict(
        portable(
            conn,
            "SELECT y.name, y.closed FROM fiscal_years y WHERE y.company_id = $1 AND (y.closed OR y.locked) AND "
            "EXISTS (SELECT 1 FROM entries e WHERE e.batch_id = $2 AND e.date >= y.start_date "
            "AND e.date <= y.end_date) ORDER BY y.start_date LIMIT 1",
        ),
        [company_id, batch_id],
    )
    if shut:
        why = "closed" if shut[0]["closed"] else "locked"
        raise DomainError(
            "FISCAL_YEAR_CLOSED" if why == "closed" else "FISCAL_YEAR_LOCKED",
            f"Import {batch_id} has entries in {shut[0]['name']}, which is {why}: they cannot be reversed.",
            "id",
            year=str(shut[0]["name"]), batch=batch_id,
        )  # fmt: skip
    debit, credit = await staged_totals(conn, batch_id)
    company = await Company.filter(id=company_id).using_db(conn).get()
    check_ledger_room(batch_id, company, credit, debit)
    # A parameter in a select list has no type PostgreSQL can infer: say it (SQLite has none to say).
    typed = {"day": "$3", "now": "$4"} if is_sqlite(conn) else {"day": "$3::date", "now": "$4::timestamptz"}
    await conn.execute_query(portable(conn, _ENTRIES.format(**typed)), [batch_id, company_id, day, now])
    await conn.execute_query(portable(conn, _LINES.format(**typed)), [batch_id, company_id, day])
    await conn.execute_query(
        portable(
            conn,
            "UPDATE companies SET ledger_debit = ledger_debit + $1, ledger_credit = ledger_credit + $2 WHERE id = $3",
        ),
        [credit, debit, company_id],
    )
    counted = await conn.execute_query_dict(
        portable(
            conn, "SELECT COUNT(*) AS n FROM entries WHERE batch_id = $1 AND reversal_of_id IS NOT NULL"
        ),
        [batch_id],
    )
    return int(counted[0]["n"])
