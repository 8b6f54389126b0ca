"""Opening a company's fiscal years: the periods imports and postings go into.

A fiscal year runs 12 months by default; a first or last year may run from 1 to 24 months (French rules: a
company's first year may be short or long, and a change of closing date makes one year longer or shorter).
Years never overlap: an entry's date names one year at most.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from ecluse.activity.record import audit
from ecluse.auth.principal import Principal
from ecluse.errors import DomainError
from ecluse.ledger.models import Entry, FiscalYear
from ecluse.ledger.posting import lock_ledger

MONTHS_MIN, MONTHS_MAX = 1, 24


def _add_months(day: date, months: int) -> date:
    """`day` moved by whole months (a day past the target month's end becomes its last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def default_end(start: date) -> date:
    """The last day of a 12-month year that starts on `start`."""
    after = _add_months(start, 12)
    if after.day < start.day:  # 29 February: the year runs to the end of February
        after += timedelta(days=1)
    return after - timedelta(days=1)


def _months(start: date, end: date) -> float:
    """How many months from `start` to `end` inclusive, in whole months when the year ends the day before a
    month's anniversary of its start (1 Jan–31 Dec: 12), else with a fraction."""
    after = end + timedelta(days=1)
    months: float = (after.year - start.year) * 12 + after.month - start.month
    if after.day != start.day:
        months += (after.day - start.day) / 31
    return months


@dataclass(frozen=True, slots=True)
class YearRequest:
    company_id: int
    start: date
    end: date | None = None
    name: str | None = None


def default_name(start: date, end: date) -> str:
    """ "Exercice 2026" for a calendar year, "Exercice 2025-2026" for one that runs across two."""
    return f"Exercice {end.year}" if start.year == end.year else f"Exercice {start.year}-{end.year}"


async def open_fiscal_year(request: YearRequest, who: Principal | None) -> FiscalYear:
    """Open a fiscal year, or a DomainError naming what is wrong: BAD_PERIOD (an end before the start, a
    length outside 1–24 months, a name too long) or FISCAL_YEAR_OVERLAP (the year it would overlap)."""
    start = request.start
    for day, field in ((start, "startDate"), (request.end, "endDate")):
        if day is not None and not date(1900, 1, 1) <= day <= date(2099, 12, 31):
            raise DomainError(
                "BAD_PERIOD",
                f"{day} is outside the years 1900 to 2099.",
                field,
                date=day.isoformat(),
                reason="range",
            )
    end = request.end if request.end is not None else default_end(start)
    if end < start:
        raise DomainError(
            "BAD_PERIOD", f"The year ends ({end}) before it starts ({start}).", "endDate",
            start=start.isoformat(), end=end.isoformat(), reason="order",
        )  # fmt: skip
    months = _months(start, end)
    if not MONTHS_MIN <= months <= MONTHS_MAX:
        raise DomainError(
            "BAD_PERIOD",
            f"A fiscal year runs from {MONTHS_MIN} to {MONTHS_MAX} months; {start} to {end} is "
            f"{months:.1f} months.",
            "endDate",
            start=start.isoformat(), end=end.isoformat(), reason="length",
        )  # fmt: skip
    name = (request.name or "").strip() or default_name(start, end)
    if len(name) > 100:
        raise DomainError(
            "BAD_PERIOD", "A fiscal year's name has at most 100 characters.", "name", reason="name"
        )
    async with in_transaction("default") as conn:
        await lock_ledger(conn, request.company_id)  # two openings at once: the second sees the first
        other = (
            await FiscalYear.filter(company_id=request.company_id, start_date__lte=end, end_date__gte=start)
            .using_db(conn)
            .order_by("start_date")
            .first()
        )
        if other is not None:
            raise DomainError(
                "FISCAL_YEAR_OVERLAP",
                f"{start} to {end} overlaps {other.name} ({other.start_date} to {other.end_date}).",
                "startDate",
                year=other.name, start=other.start_date.isoformat(), end=other.end_date.isoformat(),
            )  # fmt: skip
        year = await FiscalYear.create(
            company_id=request.company_id, name=name, start_date=start, end_date=end, using_db=conn
        )
    await audit("fiscal_year.opened", "FiscalYear", year.id, company_id=request.company_id, principal=who,
                detail=f"{year.name}: {year.start_date} to {year.end_date}")  # fmt: skip
    return year


async def year(year_id: int) -> FiscalYear | None:
    return await FiscalYear.get_or_none(id=year_id)


async def set_locked(year: FiscalYear, locked: bool, who: Principal | None) -> FiscalYear:
    """Lock or unlock `year` (audited), or DomainError FISCAL_YEAR_CLOSED for a closed one (a closing is
    final)."""
    if year.closed:
        raise DomainError(
            "FISCAL_YEAR_CLOSED", f"{year.name} is closed: it can be neither locked nor unlocked.", "id",
            year=year.name,
        )  # fmt: skip
    if year.locked != locked:
        year.locked = locked
        await year.save(update_fields=["locked"])
        action = "fiscal_year.locked" if locked else "fiscal_year.unlocked"
        await audit(
            action, "FiscalYear", year.id, company_id=year.company_id, principal=who, detail=year.name
        )
    return year


def shut_reason(year: FiscalYear) -> str | None:
    """Why nothing goes into `year` ("closed", "locked"), or None when it is open."""
    return "closed" if year.closed else "locked" if year.locked else None


async def check_postable(company_id: int, batch_id: int, conn: BaseDBAsyncClient | None = None) -> None:
    """DomainError FISCAL_YEAR_LOCKED or FISCAL_YEAR_CLOSED when an entry of the batch is dated in a year of the
    company that was locked or closed since it was staged: nothing is posted into such a year."""
    years = FiscalYear.filter(company_id=company_id).filter(Q(locked=True) | Q(closed=True))
    for year in await (years.using_db(conn) if conn is not None else years):
        entries = Entry.filter(batch_id=batch_id, date__gte=year.start_date, date__lte=year.end_date)
        if await (entries.using_db(conn) if conn is not None else entries).exists():
            why = shut_reason(year)
            raise DomainError(
                "FISCAL_YEAR_CLOSED" if why == "closed" else "FISCAL_YEAR_LOCKED",
                f"Import {batch_id} has entries in {year.name}, which is {why}: nothing was posted.",
                "id",
                batch=batch_id, year=year.name,
            )  # fmt: skip
