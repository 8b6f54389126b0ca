"""Reading the posted books: entries by journal and period, an account's ledger with its running balance, and
the master data imports created (accounts, third parties, analytic sections) with whether each is used.

Every list is a keyset page (a cursor of the sort values, never an OFFSET) read in a fixed number of queries,
so the millionth line comes as fast as the first. Posted entries only: staged ones belong to their import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise import connections

from ecluse.db.bulk import default_sql, is_sqlite, portable


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True, slots=True)
class BookLine:
    id: int
    entry_id: int
    account: str
    account_label: str
    third_party: str | None
    third_party_name: str | None
    label: str
    piece_ref: str
    debit: int
    credit: int
    lettering: str
    analytic: str
    due_date: date | None


@dataclass(frozen=True, slots=True)
class BookEntry:
    id: int
    journal: str
    number: str
    date: date
    batch_id: int | None
    reversal_of_id: int | None
    reversed_by_id: int | None
    #: Its first LINES_PER_ENTRY lines (an entry may have 50,000): `line_count` and the totals are of all.
    lines: list[BookLine]
    line_count: int
    debit: int
    credit: int


#: Lines given with each entry of a page (the account's ledger pages through all of them).
LINES_PER_ENTRY = 200


@dataclass(frozen=True, slots=True)
class EntryFilter:
    journal: str | None = None
    start: date | None = None
    end: date | None = None
    batch_id: int | None = None


def _where(f: EntryFilter, args: list[Any]) -> str:
    """The filter's conditions on `e` (entries), its values appended to `args` ($1 is the company)."""
    parts = []
    for value, sql in (
        # The journal by a subquery, not a join: a join let SQLite start from journals and sort every entry.
        (f.journal, "e.journal_id = (SELECT j.id FROM journals j WHERE j.company_id = $1 AND j.code = ${})"),
        (f.start, "e.date >= ${}"),
        (f.end, "e.date <= ${}"),
        (f.batch_id, "e.batch_id = ${}"),
    ):
        if value is not None:
            args.append(value)
            parts.append(sql.format(len(args)))
    return "".join(f" AND {p}" for p in parts)


async def posted_entries(
    company_id: int, f: EntryFilter, after: tuple[date, int] | None, limit: int
) -> list[BookEntry]:
    """A page of the company's posted entries in date order (then id), after the cursor (date, id)."""
    args: list[Any] = [company_id]
    where = _where(f, args)
    if after is not None:
        args += [after[0], after[1]]
        n = len(args)
        # The date bound alone first: an index range, which a row-value comparison is not for every planner.
        where += f" AND e.date >= ${n - 1} AND (e.date > ${n - 1} OR e.id > ${n})"
    args.append(limit)
    conn, sql = default_sql(
        "SELECT e.id, e.journal_id, e.number, e.date, e.batch_id, e.reversal_of_id, "
        "(SELECT r.id FROM entries r WHERE r.reversal_of_id = e.id LIMIT 1) AS reversed_by_id "
        f"FROM entries e WHERE e.company_id = $1 AND e.state = 'posted'{where} ORDER BY e.date, e.id "
        f"LIMIT ${len(args)}"
    )
    rows = await conn.execute_query_dict(sql, args)
    ids = [int(r["id"]) for r in rows]
    lines, sums = await _lines_of(ids), await _sums_of(ids)
    codes = await _journal_codes(company_id) if rows else {}
    return [
        BookEntry(
            int(r["id"]),
            codes.get(int(r["journal_id"]), ""),
            str(r["number"]),
            _day(r["date"]),
            _int(r["batch_id"]),
            _int(r["reversal_of_id"]),
            _int(r["reversed_by_id"]),
            lines.get(int(r["id"]), []),
            *sums.get(int(r["id"]), (0, 0, 0)),
        )
        for r in rows
    ]


async def posted_count(company_id: int, f: EntryFilter) -> int:
    args: list[Any] = [company_id]
    where = _where(f, args)
    conn, sql = default_sql(
        f"SELECT COUNT(*) AS n FROM entries e WHERE e.company_id = $1 AND e.state = 'posted'{where}"
    )
    return int((await conn.execute_query_dict(sql, args))[0]["n"])


async def _journal_codes(company_id: int) -> dict[int, str]:
    conn, sql = default_sql("SELECT id, code FROM journals WHERE company_id = $1")
    return {int(r["id"]): str(r["code"]) for r in await conn.execute_query_dict(sql, [company_id])}


async def _sums_of(entry_ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """(line count, debit, credit) of each entry."""
    if not entry_ids:
        return {}
    marks = ", ".join(f"${i}" for i in range(1, len(entry_ids) + 1))
    conn, sql = default_sql(
        "SELECT entry_id, COUNT(*) AS n, SUM(debit) AS debit, SUM(credit) AS credit FROM entry_lines "
        f"WHERE entry_id IN ({marks}) GROUP BY entry_id"
    )
    return {
        int(r["entry_id"]): (int(r["n"]), int(r["debit"]), int(r["credit"]))
        for r in await conn.execute_query_dict(sql, entry_ids)
    }


_LINES = """
SELECT l.id, l.entry_id, a.number AS account, a.label AS account_label, t.code AS third_party,
       t.name AS third_party_name, l.label, l.piece_ref, l.debit, l.credit, l.lettering, l.analytic, l.due_date
FROM entry_lines l
JOIN accounts a ON a.id = l.account_id
LEFT JOIN third_parties t ON t.id = l.third_party_id
"""


def _line(r: dict[str, Any]) -> BookLine:
    return BookLine(
        int(r["id"]), int(r["entry_id"]), str(r["account"]), str(r["account_label"]), r["third_party"],
        r["third_party_name"], str(r["label"]), str(r["piece_ref"]), int(r["debit"]), int(r["credit"]),
        str(r["lettering"]), str(r["analytic"]), None if r["due_date"] is None else _day(r["due_date"]),
    )  # fmt: skip


async def _lines_of(entry_ids: list[int]) -> dict[int, list[BookLine]]:
    if not entry_ids:
        return {}
    marks = ", ".join(f"${i}" for i in range(1, len(entry_ids) + 1))
    # The first LINES_PER_ENTRY lines of each entry (a window: both databases have them).
    conn, sql = default_sql(
        f"{_LINES} JOIN (SELECT id AS kept FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY entry_id ORDER BY id) "
        f"AS n FROM entry_lines WHERE entry_id IN ({marks})) w WHERE n <= {LINES_PER_ENTRY}) k ON k.kept = l.id "
        # The same condition outside: the lines are found by their entries' index, whatever the planner knows.
        f"WHERE l.entry_id IN ({marks}) ORDER BY l.id"
    )
    out: dict[int, list[BookLine]] = {}
    for r in await conn.execute_query_dict(sql, entry_ids):
        out.setdefault(int(r["entry_id"]), []).append(_line(r))
    return out


# --- an account's ledger -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LedgerLine:
    line: BookLine
    journal: str
    number: str
    date: date
    batch_id: int | None
    #: The account's balance (debit − credit) after this line, from the start of the books.
    balance: int


@dataclass(frozen=True, slots=True)
class AccountTotals:
    number: str
    label: str
    #: Debit − credit of the posted lines before `start` (0 without a start).
    opening: int
    debit: int
    credit: int


# `entry_date IS NOT NULL` (every posted line has its date) lets the planner use the account index, which
# holds dated lines only (ledger/models.py EntryLine).
_ACCOUNT_LINES = """
FROM entry_lines l
JOIN entries e ON e.id = l.entry_id
WHERE l.company_id = $1 AND l.account_id = $2 AND l.entry_date IS NOT NULL AND e.state = 'posted'
"""


async def _account(company_id: int, number: str) -> tuple[int, str] | None:
    conn, sql = default_sql("SELECT id, label FROM accounts WHERE company_id = $1 AND number = $2")
    rows = await conn.execute_query_dict(sql, [company_id, number])
    return (int(rows[0]["id"]), str(rows[0]["label"])) if rows else None


async def account_totals(
    company_id: int, number: str, start: date | None, end: date | None
) -> AccountTotals | None:
    """The account's opening balance at `start` and its movements from `start` to `end`; None: no account."""
    found = await _account(company_id, number)
    if found is None:
        return None
    account_id, label = found
    # Conditions written for the bounds given: a NULL parameter has no type PostgreSQL can infer.
    args: list[Any] = [company_id, account_id]
    within, opening = [], "0"
    if start is not None:
        args.append(start)
        within.append(f"l.entry_date >= ${len(args)}")
        args.append(start)  # each placeholder its own value: SQLite's are positional
        opening = (
            f"COALESCE(SUM(CASE WHEN l.entry_date < ${len(args)} THEN l.debit - l.credit ELSE 0 END), 0)"
        )
    if end is not None:
        args.append(end)
        within.append(f"l.entry_date <= ${len(args)}")
    test = " AND ".join(within) or "1 = 1"
    conn, sql = default_sql(
        f"SELECT {opening} AS opening, "
        f"COALESCE(SUM(CASE WHEN {test} THEN l.debit ELSE 0 END), 0) AS debit, "
        f"COALESCE(SUM(CASE WHEN {test} THEN l.credit ELSE 0 END), 0) AS credit " + _ACCOUNT_LINES
    )
    r = (await conn.execute_query_dict(sql, args))[0]
    return AccountTotals(number, label, int(r["opening"]), int(r["debit"]), int(r["credit"]))


async def account_ledger(
    company_id: int, number: str, start: date | None, end: date | None,
    after: tuple[date, int, int] | None, limit: int, balance_before: int | None = None,
) -> list[LedgerLine]:  # fmt: skip
    """A page of the account's posted lines in date order (then entry, then line), each with the balance after
    it: the balance before the page is `balance_before` when the caller knows it (the previous page's last
    line: the next page costs no sum), else summed once; then carried line by line."""
    found = await _account(company_id, number)
    if found is None:
        return []
    account_id = found[0]
    args: list[Any] = [company_id, account_id]
    where = ""
    if end is not None:
        args.append(end)
        where += f" AND l.entry_date <= ${len(args)}"
    before_args = list(args)
    if after is not None:
        before_args += list(after)
        n = len(before_args)
        before = f" AND (l.entry_date, l.entry_id, l.id) <= (${n - 2}, ${n - 1}, ${n})"
    elif start is not None:
        before_args.append(start)
        before = f" AND l.entry_date < ${len(before_args)}"
    else:
        before = " AND 1 = 0"
    conn, sql = default_sql(
        f"SELECT COALESCE(SUM(l.debit - l.credit), 0) AS balance {_ACCOUNT_LINES}{where}{before}"
    )
    if balance_before is not None:
        balance = balance_before
    else:
        balance = int((await conn.execute_query_dict(sql, before_args))[0]["balance"])
    if start is not None:
        args.append(start)
        where += f" AND l.entry_date >= ${len(args)}"
    if after is not None:
        args += list(after)
        n = len(args)
        where += f" AND (l.entry_date, l.entry_id, l.id) > (${n - 2}, ${n - 1}, ${n})"
    args.append(limit)
    conn, sql = default_sql(
        "SELECT l.id, l.entry_id, a.number AS account, a.label AS account_label, t.code AS third_party, "
        "t.name AS third_party_name, l.label, l.piece_ref, l.debit, l.credit, l.lettering, l.analytic, l.due_date, "
        "j.code AS journal, e.number, e.date, e.batch_id "
        "FROM entry_lines l JOIN entries e ON e.id = l.entry_id JOIN journals j ON j.id = e.journal_id "
        "JOIN accounts a ON a.id = l.account_id LEFT JOIN third_parties t ON t.id = l.third_party_id "
        f"WHERE l.company_id = $1 AND l.account_id = $2 AND l.entry_date IS NOT NULL AND e.state = 'posted'{where} "
        f"ORDER BY l.entry_date, l.entry_id, l.id LIMIT ${len(args)}"
    )
    out = []
    for r in await conn.execute_query_dict(sql, args):
        balance += int(r["debit"]) - int(r["credit"])
        out.append(
            LedgerLine(
                _line(r), str(r["journal"]), str(r["number"]), _day(r["date"]), _int(r["batch_id"]), balance
            )
        )
    return out


async def account_line_count(company_id: int, number: str, start: date | None, end: date | None) -> int:
    found = await _account(company_id, number)
    if found is None:
        return 0
    args: list[Any] = [company_id, found[0]]
    where = ""
    for value, op in ((start, ">="), (end, "<=")):
        if value is not None:
            args.append(value)
            where += f" AND l.entry_date {op} ${len(args)}"
    conn, sql = default_sql(f"SELECT COUNT(*) AS n {_ACCOUNT_LINES}{where}")
    return int((await conn.execute_query_dict(sql, args))[0]["n"])


# --- master data ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MasterRow:
    id: int
    code: str
    label: str
    kind: str
    created_by_batch_id: int | None
    used: bool


#: table, code column, label column, kind column (or ''), the entry_lines column that names a row (and the
#: row's column it holds).
_MASTER = {
    "accounts": ("number", "label", "''", "account_id", "id"),
    "third_parties": ("code", "name", "m.kind", "third_party_id", "id"),
    "analytic_sections": ("code", "label", "''", "analytic", "code"),
}


async def master_page(
    table: str, company_id: int, search: str | None, after: str | None, limit: int
) -> list[MasterRow]:
    """A page of the company's accounts, third parties or analytic sections by code, after the code `after`;
    `search` keeps those whose code or label contains it (case-insensitive)."""
    code, label, kind, _, _ = _MASTER[table]
    args: list[Any] = [company_id]
    where = ""
    if search:
        args += [f"%{search.lower()}%"] * 2
        where += f" AND (LOWER(m.{code}) LIKE ${len(args) - 1} OR LOWER(m.{label}) LIKE ${len(args)})"
    if after is not None:
        args.append(after)
        where += f" AND m.{code} > ${len(args)}"
    args.append(limit)
    conn, sql = default_sql(
        f"SELECT m.id, m.{code} AS code, m.{label} AS label, {kind} AS kind, m.created_by_batch_id "
        f"FROM {table} m WHERE m.company_id = $1{where} ORDER BY m.{code} LIMIT ${len(args)}"
    )
    rows = await conn.execute_query_dict(sql, args)
    used = await _used(table, company_id, rows)
    return [
        MasterRow(
            int(r["id"]),
            str(r["code"]),
            str(r["label"]),
            str(r["kind"]),
            _int(r["created_by_batch_id"]),
            (int(r["id"]) if _MASTER[table][4] == "id" else str(r["code"])) in used,
        )
        for r in rows
    ]


async def _used(table: str, company_id: int, rows: list[dict[str, Any]]) -> set[Any]:
    """Which rows of the page a line names: one query for the page. Accounts seek their index; third parties
    and sections are found in one pass over the company's lines (an index on those columns would slow every
    import's staging for a settings screen)."""
    if not rows:
        return set()
    _, _, _, column, key = _MASTER[table]
    keys = [int(r["id"]) if key == "id" else str(r["code"]) for r in rows]
    marks = ", ".join(f"${i}" for i in range(2, len(keys) + 2))
    if table == "accounts":
        # Dated lines: each account seeks the account index once. Lines staged on SQLite are undated until
        # posted (ledger/models.py EntryLine): there, one pass over the company's draft entries' lines too.
        conn = connections.get("default")
        undated = (
            " OR a.id IN (SELECT l.account_id FROM entry_lines l WHERE l.entry_date IS NULL AND l.batch_id IN "
            "(SELECT DISTINCT batch_id FROM entries WHERE company_id = $1 AND state = 'draft'))"
            if is_sqlite(conn)
            else ""
        )
        sql = portable(
            conn,
            f"SELECT a.id AS k FROM accounts a WHERE a.id IN ({marks}) AND (EXISTS "
            "(SELECT 1 FROM entry_lines l WHERE l.company_id = $1 AND l.account_id = a.id "
            f"AND l.entry_date IS NOT NULL){undated})",
        )
        return {int(r["k"]) for r in await conn.execute_query_dict(sql, [company_id, *keys])}
    conn, sql = default_sql(
        f"SELECT DISTINCT {column} AS k FROM entry_lines WHERE company_id = $1 AND {column} IN ({marks})"
    )
    return {
        r["k"] if key == "code" else int(r["k"])
        for r in await conn.execute_query_dict(sql, [company_id, *keys])
    }


async def master_count(table: str, company_id: int, search: str | None) -> int:
    code, label, _, _, _ = _MASTER[table]
    args: list[Any] = [company_id]
    where = ""
    if search:
        args += [f"%{search.lower()}%"] * 2
        where = f" AND (LOWER(m.{code}) LIKE $2 OR LOWER(m.{label}) LIKE $3)"
    conn, sql = default_sql(f"SELECT COUNT(*) AS n FROM {table} m WHERE m.company_id = $1{where}")
    return int((await conn.execute_query_dict(sql, args))[0]["n"])
