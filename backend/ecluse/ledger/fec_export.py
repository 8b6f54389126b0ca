"""The FEC of a fiscal year: the company's posted entries, streamed as FEC rows (formats/fec_writer.py).

`prepare_fec_export` checks what can be checked before the first byte (the fiscal year belongs to the
company, the company has a SIREN, the posted entries balance) and counts what will be written; `fec_chunks`
then streams the file page by page (keyset pages of entries, one query each), so a ledger of any size is
never held in memory.

What goes in: entries in state "posted" dated within the fiscal year, ordered by entry date, then posting
order (posted_at, then id), their lines in id order (the order they were read from their file).
EcritureNum is a continuous sequence 1, 2, 3… in that order (the FEC wants continuous chronological
numbering), or each entry's own number with `keep_numbers`. ValidDate is the line's validation date, else
the day the entry was posted (in French time). Labels of journals, accounts and third parties come from the
master data.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from ecluse.auth.principal import Principal
from ecluse.auth.roles import Action
from ecluse.db.bulk import default_sql, is_sqlite, portable
from ecluse.errors import DomainError, ParamValue
from ecluse.formats.fec_writer import FecRow, FecWriter, fec_file_name
from ecluse.ledger.models import Company, FiscalYear
from ecluse.money import decimal_of, exponent, format_amount

#: The books are French: a posting at 23:30 UTC in winter was validated the next day.
BOOKS_TZ = ZoneInfo("Europe/Paris")
#: Entries per page (one query each): a few thousand lines, then the page is written and dropped.
PAGE_ENTRIES = 2000
_MAX_ID = 2**31  # ids are 32-bit integers: a larger one names nothing (and PostgreSQL would refuse it)


@dataclass(frozen=True, slots=True)
class FecExportPlan:
    """What an export will write, checked and counted before the first byte."""

    company_id: int
    fiscal_year_id: int
    start: date
    end: date
    file_name: str
    keep_numbers: bool
    currency: str
    entry_count: int
    line_count: int
    total_debit: int
    total_credit: int


def can_export(who: Principal, company_id: int) -> bool:
    """Any member who may view the company; a partner application sees its own imports, not the books."""
    return who.can(Action.VIEW, company_id) and not who.is_partner


def not_found() -> DomainError:
    return DomainError("NOT_FOUND", "No such company or fiscal year, or you may not see it.", "fiscalYearId")


async def prepare_fec_export(
    company_id: int, fiscal_year_id: int, keep_numbers: bool = False
) -> FecExportPlan:
    """Check and count the export. Raises DomainError: NOT_FOUND (no such fiscal year in the company),
    SIREN_REQUIRED (the file is named after it), UNBALANCED_LEDGER (debit ≠ credit: nothing exported)."""
    if not (0 < company_id < _MAX_ID and 0 < fiscal_year_id < _MAX_ID):
        raise not_found()
    company = await Company.get_or_none(id=company_id)
    year = await FiscalYear.get_or_none(id=fiscal_year_id, company_id=company_id)
    if company is None or year is None:
        raise not_found()
    siren = (company.siren or "").strip()
    if len(siren) != 9 or not (siren.isascii() and siren.isdecimal()):
        shown = f"SIREN '{siren}' is not 9 digits" if siren else "has no SIREN"
        named: dict[str, ParamValue] = {"siren": siren} if siren else {}
        raise DomainError(
            "SIREN_REQUIRED",
            f"{company.name} {shown}: set the company's SIREN first, the FEC file is named after it.",
            "companyId",
            company_id=company.id,
            company_name=company.name,
            **named,
        )
    conn = connections.get("default")
    sql = portable(
        conn,
        """
        SELECT COUNT(DISTINCT e.id) AS entries, COUNT(*) AS lines,
               COALESCE(SUM(l.debit), 0) AS debit, COALESCE(SUM(l.credit), 0) AS credit
        FROM entries e JOIN entry_lines l ON l.entry_id = e.id
        WHERE e.company_id = $1 AND e.state = 'posted' AND e.date >= $2 AND e.date <= $3
        """,
    )
    bounds = [company_id, _param(conn, year.start_date), _param(conn, year.end_date)]
    row = (await conn.execute_query_dict(sql, bounds))[0]
    debit, credit = int(row["debit"]), int(row["credit"])
    if debit != credit:
        places = exponent(company.currency)
        message, params = await _gap(conn, bounds, year.name, debit, credit, places)
        raise DomainError("UNBALANCED_LEDGER", message, None, **params)
    return FecExportPlan(
        company_id=company_id,
        fiscal_year_id=year.id,
        start=year.start_date,
        end=year.end_date,
        file_name=fec_file_name(siren, year.end_date),
        keep_numbers=keep_numbers,
        currency=company.currency,
        entry_count=int(row["entries"]),
        line_count=int(row["lines"]),
        total_debit=debit,
        total_credit=credit,
    )


async def _gap(conn: BaseDBAsyncClient, bounds: list[Any], year: str, debit: int, credit: int, places: int) -> tuple[str, dict[str, ParamValue]]:  # fmt: skip
    """The message of a ledger that does not balance, and its parameters: the year, the totals, the gap
    and the first entries off (journal code and number, comma-separated)."""

    def cents(value: int) -> str:
        return format_amount(value, places)

    sql = portable(
        conn,
        """
        SELECT j.code AS journal_code, e.number, e.date, SUM(l.debit) - SUM(l.credit) AS gap
        FROM entries e JOIN entry_lines l ON l.entry_id = e.id JOIN journals j ON j.id = e.journal_id
        WHERE e.company_id = $1 AND e.state = 'posted' AND e.date >= $2 AND e.date <= $3
        GROUP BY e.id, j.code, e.number, e.date
        HAVING SUM(l.debit) <> SUM(l.credit)
        ORDER BY e.date, e.id
        LIMIT 3
        """,
    )
    rows = await conn.execute_query_dict(sql, bounds)
    culprits = [
        f"{r['journal_code']} {r['number']} of {_day(r['date']).isoformat()} is off by {cents(int(r['gap']))}"
        for r in rows
    ]
    where = f" ({'; '.join(culprits)})" if culprits else ""
    message = (
        f"The posted entries of {year} do not balance: debit {cents(debit)}, credit {cents(credit)}, "
        f"a gap of {cents(debit - credit)}{where}. Nothing was exported."
    )
    params: dict[str, ParamValue] = {
        "year": year,
        "debit": str(decimal_of(debit, places)),
        "credit": str(decimal_of(credit, places)),
        "gap": str(decimal_of(debit - credit, places)),
    }
    if rows:
        params["entries"] = ", ".join(f"{r['journal_code']} {r['number']}" for r in rows)
    return message, params


#: A page of entries after the keyset cursor (date, posting key, id), with their lines. The ordering is not
#: an index's, so the page is bounded first to the dates of the next `limit` entries (the scalar subquery
#: walks the date index): each page sorts about `limit` entries, not the rest of the year.
_PAGE = """
SELECT e.id AS entry_id, e.number AS entry_number, e.date AS entry_date, e.posted_at, e.posted_key,
       j.code AS journal_code, j.label AS journal_label, a.number AS account_number,
       a.label AS account_label, t.code AS aux_number, t.name AS aux_label, l.piece_ref, l.piece_date,
       l.label, l.debit, l.credit, l.lettering, l.lettering_date, l.validation_date, l.currency_amount,
       l.currency
FROM (
    SELECT id, number, date, journal_id, posted_at, COALESCE(posted_at, date) AS posted_key
    FROM entries
    WHERE company_id = $1 AND state = 'posted' AND date >= $2
      AND date <= COALESCE((
          SELECT date FROM entries
          WHERE company_id = $3 AND state = 'posted' AND date >= $4 AND date <= $5
            AND (date, COALESCE(posted_at, date), id) > ($6, $7, $8)
          ORDER BY date
          LIMIT 1 OFFSET $9
      ), $10)
      AND (date, COALESCE(posted_at, date), id) > ($11, $12, $13)
    ORDER BY date, posted_key, id
    LIMIT $14
) e
JOIN entry_lines l ON l.entry_id = e.id
JOIN journals j ON j.id = e.journal_id
JOIN accounts a ON a.id = l.account_id
LEFT JOIN third_parties t ON t.id = l.third_party_id
ORDER BY e.date, e.posted_key, e.id, l.id
"""


async def fec_pages(plan: FecExportPlan, page_entries: int | None = None) -> AsyncIterator[list[FecRow]]:
    """The rows of the export, a page of entries at a time, in the export's order and numbering. The next
    page is read while this one is written (at most two pages in memory)."""
    conn, sql = default_sql(_PAGE)
    cid, end = plan.company_id, _param(conn, plan.end)
    limit = page_entries or PAGE_ENTRIES

    async def fetch(cursor: tuple[Any, Any, Any]) -> list[Any]:
        # Keyset cursor: (entry date, posting key, id) of the last entry read, as the database gave them.
        day = cursor[0]
        params = [cid, day, cid, day, end, *cursor, limit - 1, end, *cursor, limit]
        _, rows = await conn.execute_query(sql, params)
        return list(rows)

    # Before every entry of the fiscal year: its first day, a posting key below any, id 0.
    first = (
        (plan.start.isoformat(), "", 0) if is_sqlite(conn) else (plan.start, datetime(1, 1, 1, tzinfo=UTC), 0)
    )
    pending = asyncio.ensure_future(fetch(first))
    days = _Days()
    keep, sequence, entry_id = plan.keep_numbers, 0, None
    number, entry_date, posted_at = "", date.min, None
    try:
        while rows := await pending:
            last = rows[-1]
            pending = asyncio.ensure_future(fetch((last[2], last[4], last[0])))
            page: list[FecRow] = []
            add = page.append
            for (
                eid, num, edate, posted, _, jc, jl, acc, accl, aux, auxl, ref, pd, lib, debit, credit, let, dl,
                vd, camt, cur,
            ) in rows:  # fmt: skip
                if eid != entry_id:
                    entry_id, posted_at = eid, posted
                    sequence += 1
                    number = num if keep else str(sequence)
                    entry_date = days.required(edate)
                valid = days[vd] or days.posted(posted_at) or entry_date
                add(FecRow(jc, jl, number, entry_date, acc, accl, aux or "", auxl or "", ref, days[pd], lib, debit, credit, let, days[dl], valid, camt, cur))  # fmt: skip
            yield page
    finally:
        if not pending.done():
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pending


async def fec_chunks(plan: FecExportPlan, page_entries: int | None = None) -> AsyncIterator[bytes]:
    """The FEC file, UTF-8: the header, then one chunk per page. The totals are checked again as the rows
    go out: should the books not balance any more (they were checked just before), the file is cut short
    with an error rather than delivered wrong."""
    places = exponent(plan.currency)
    writer = FecWriter(places)
    yield writer.header().encode()
    debit = credit = 0
    async for page in fec_pages(plan, page_entries):
        debit += sum(row[11] for row in page)
        credit += sum(row[12] for row in page)
        yield writer.rows(page).encode()
    if debit != credit:
        raise DomainError(
            "UNBALANCED_LEDGER",
            f"The export stopped: debit {format_amount(debit, places)} ≠ credit {format_amount(credit, places)} "
            f"(gap {format_amount(debit - credit, places)}).",
            debit=str(decimal_of(debit, places)),
            credit=str(decimal_of(credit, places)),
            gap=str(decimal_of(debit - credit, places)),
        )


def _param(conn: BaseDBAsyncClient, day: date) -> Any:
    """Dates as the driver wants them: ISO text for SQLite (what it stores), `date` for asyncpg."""
    return day.isoformat() if is_sqlite(conn) else day


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


class _Days(dict[Any, date | None]):
    """Database date values (ISO text on SQLite, `date` on PostgreSQL) → `date`, each parsed once; and
    posting times → the French calendar day."""

    def __init__(self) -> None:
        super().__init__({None: None})
        self._posted: dict[Any, date | None] = {None: None}

    def __missing__(self, value: Any) -> date | None:
        if len(self) > 10_000:
            self.clear()
            self[None] = None
        day = self[value] = _day(value)
        return day

    def required(self, value: Any) -> date:
        day = self[value]
        if day is None:
            raise ValueError("an entry without a date")
        return day

    def posted(self, value: Any) -> date | None:
        found = self._posted.get(value, _UNSEEN)
        if found is not _UNSEEN:
            return found
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if len(self._posted) > 10_000:
            self._posted.clear()
            self._posted[None] = None
        day = self._posted[value] = moment.astimezone(BOOKS_TZ).date()
        return day


_UNSEEN = date(1, 1, 1)
