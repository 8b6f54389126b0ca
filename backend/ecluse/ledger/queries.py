"""Reading the books: entry lines of a batch (keyset pages, one query per page) and the trial balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ecluse.db.bulk import default_sql
from ecluse.ledger.line_filter import LineFilter
from ecluse.money import exponent_or
from ecluse.money import format_amount as amount


@dataclass(frozen=True, slots=True)
class LineRow:
    id: int
    entry_id: int
    source_line: int
    journal_code: str
    entry_number: str
    entry_date: date
    account_number: str
    account_label: str
    third_party_code: str | None
    third_party_name: str | None
    piece_ref: str
    label: str
    debit: int
    credit: int
    lettering: str
    state: str
    due_date: date | None
    invoice_ref: str
    analytic: str
    currency: str
    currency_amount: int | None


#: A page of a batch's lines, in file order (ids follow the file), after a line id and from a file line. The
#: page is cut before the joins: PostgreSQL, without statistics on a batch just staged, joined every following
#: line before keeping a hundred (a grid page's p99 went from 150 ms to 900 ms until autovacuum analysed).
_PAGE_OF_LINES = """
FROM (
    SELECT * FROM entry_lines
    WHERE batch_id = $1 AND id > $2 AND source_line >= $3{where}
    ORDER BY id
    LIMIT $4
) l
JOIN entries e ON e.id = l.entry_id
JOIN journals j ON j.id = e.journal_id
JOIN accounts a ON a.id = l.account_id
LEFT JOIN third_parties t ON t.id = l.third_party_id
ORDER BY l.id
"""

_LINES = (
    """
SELECT l.id, l.entry_id, l.source_line, j.code AS journal_code, e.number AS entry_number, e.date AS entry_date,
       a.number AS account_number, a.label AS account_label, t.code AS third_party_code,
       t.name AS third_party_name, l.piece_ref, l.label, l.debit, l.credit, l.lettering, e.state, l.due_date,
       l.invoice_ref, l.analytic, l.currency, l.currency_amount"""
    + _PAGE_OF_LINES
)


def _iso(value: Any) -> str | None:
    """A date column as ISO text: SQLite gives it so, PostgreSQL as a date."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


async def batch_lines(batch_id: int, after_id: int, limit: int, from_line: int = 0) -> list[LineRow]:
    """A page of a batch's lines in file order (ids follow the file: lines are inserted in its order)."""
    conn, sql = default_sql(_LINES.format(where=""))
    rows = await conn.execute_query_dict(sql, [batch_id, after_id, from_line, limit])
    return [
        LineRow(
            **{
                **row,
                "entry_date": _date(row["entry_date"]),
                "due_date": None if row["due_date"] is None else _date(row["due_date"]),
            }
        )
        for row in rows
    ]


async def batch_line_totals(batch_id: int) -> tuple[int, int, int]:
    conn, sql = default_sql(
        "SELECT COUNT(*) AS n, COALESCE(SUM(debit), 0) AS d, COALESCE(SUM(credit), 0) AS c "
        "FROM entry_lines WHERE batch_id = $1"
    )
    row = (await conn.execute_query_dict(sql, [batch_id]))[0]
    return int(row["n"]), int(row["d"]), int(row["c"])


async def count_lines_before(batch_id: int, line_id: int | None, where: LineFilter | None = None) -> int:
    """The batch's lines stored before the line `line_id` (all of them when None), those `where` keeps: a
    range of the (batch_id, id) index, which follows the file."""
    args: list[Any] = [batch_id]
    sql = "SELECT COUNT(*) AS n FROM entry_lines WHERE batch_id = $1"
    if line_id is not None:
        args.append(line_id)
        sql += " AND id < $2"
    if where is not None:
        sql += where.sql(args)
    conn, sql = default_sql(sql)
    return int((await conn.execute_query_dict(sql, args))[0]["n"])


@dataclass(frozen=True, slots=True)
class BalanceRow:
    account_number: str
    account_label: str
    debit: int
    credit: int


async def trial_balance(company_id: int, date_from: date | None, date_to: date | None) -> list[BalanceRow]:
    """Posted entries only, per general account, for the period (inclusive)."""
    conn, sql = default_sql(
        """
        SELECT a.number AS account_number, a.label AS account_label, s.debit, s.credit
        FROM (
            -- Grouped by the account's id, then named: grouping 1M lines by an integer, not by two texts.
            SELECT l.account_id, SUM(l.debit) AS debit, SUM(l.credit) AS credit
            FROM entry_lines l
            JOIN entries e ON e.id = l.entry_id
            WHERE e.company_id = $1 AND e.state = 'posted' AND e.date >= $2 AND e.date <= $3
            GROUP BY l.account_id
        ) s
        JOIN accounts a ON a.id = s.account_id
        ORDER BY a.number
        """
    )
    lo = date_from or date(1900, 1, 1)
    hi = date_to or date(9999, 12, 31)
    if conn.capabilities.dialect == "sqlite":
        params: list[Any] = [company_id, lo.isoformat(), hi.isoformat()]
    else:
        params = [company_id, lo, hi]
    rows = await conn.execute_query_dict(sql, params)
    return [
        BalanceRow(r["account_number"], r["account_label"], int(r["debit"]), int(r["credit"])) for r in rows
    ]


#: The entry grid's columns, in the order of each row `batch_grid_lines` gives (the web app's grid: what it
#: shows, and the account's label and third party's name it shows on hover).
GRID_COLUMNS = (
    "line", "journal", "date", "piece", "account", "accountLabel", "thirdParty", "thirdPartyName",
    "reference", "label", "debit", "credit", "lettering", "analytic", "dueDate", "currency", "currencyAmount",
)  # fmt: skip

_GRID = (
    """
SELECT l.id, l.source_line, j.code, e.date, e.number, a.number, a.label, t.code, t.name, l.piece_ref, l.label,
       l.debit, l.credit, l.lettering, l.analytic, l.due_date, l.currency, l.currency_amount"""
    + _PAGE_OF_LINES
)


async def batch_grid_lines(
    batch_id: int, after_id: int, from_line: int, limit: int, places: int, where: LineFilter | None = None
) -> list[tuple[int, list[Any]]]:
    """A page of a batch's lines for the grid, in file order: (line id, values in GRID_COLUMNS order), dates
    ISO and amounts as decimal strings of `places` decimals (a currency amount: of its currency's, or `places`
    when the line names none). The driver's rows become lists directly: a page of 500 is read without a
    model or a dataclass per line."""
    args: list[Any] = [batch_id, after_id, from_line, limit]
    conn, sql = default_sql(_GRID.format(where=where.sql(args) if where is not None else ""))
    _, rows = await conn.execute_query(sql, args)
    out: list[tuple[int, list[Any]]] = []
    for r in rows:
        day = r[3]
        out.append(
            (
                r[0],
                [
                    r[1], r[2], day if isinstance(day, str) else day.isoformat(), r[4], r[5], r[6], r[7],
                    r[8], r[9], r[10], amount(r[11], places, "."), amount(r[12], places, "."), r[13], r[14],
                    _iso(r[15]), r[16], None if r[17] is None else amount(r[17], exponent_or(r[16], places), "."),
                ],
            )
        )  # fmt: skip
    return out
