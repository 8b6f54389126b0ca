"""Closing a fiscal year: final (French rules: a closed year is never reopened) and the next year's opening.

In one transaction, under the company's ledger lock (ledger/posting.py), so no posting slips in between:
1. refuse while anything could still change the year: a file being read, or entries staged in the year
   that wait for a decision (BATCHES_WAITING); an earlier year still open (PREVIOUS_YEAR_OPEN); no next year
   to open into (NEXT_YEAR_MISSING), a locked or closed one (FISCAL_YEAR_LOCKED / _CLOSED), or one that
   already holds opening entries (OPENING_ENTRIES_EXIST: a partner's FEC often brings its own);
2. the balance of every balance-sheet account (classes 1 to 5), per third party where lines name one, is
   carried forward in one posted entry of journal AN dated the next year's first day;
3. the year's result (classes 6 and 7) goes to the result account in the same entry: 120 for a profit, 129
   for a loss (the company's own 120…/129… account when it has one);
4. the year is marked closed.
A balance on an account outside classes 1 to 7 (0, 8, 9: no account of the French chart) cannot be carried
or put in the result: closing is refused naming them (ACCOUNTS_OUTSIDE_PLAN).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from ecluse.activity.record import audit
from ecluse.auth.principal import Principal
from ecluse.db.bulk import bulk_connection, portable
from ecluse.errors import DomainError
from ecluse.ledger.fiscal_years import shut_reason
from ecluse.ledger.models import Account, Company, Entry, EntryLine, FiscalYear, Journal
from ecluse.ledger.posting import check_ledger_room, lock_ledger
from ecluse.money import to_decimal

OPENING_JOURNAL = ("AN", "À-nouveaux")
PROFIT, LOSS = "120", "129"
RESULT_LABELS = {PROFIT: "Résultat de l'exercice (bénéfice)", LOSS: "Résultat de l'exercice (perte)"}
#: Files being read: their entries' dates are not known yet.
READING = ("RECEIVED", "PARSING")


@dataclass(frozen=True, slots=True)
class Closing:
    year: FiscalYear
    next_year: FiscalYear
    #: The opening entry of the next year (None when every balance was nil).
    entry_id: int | None
    line_count: int
    #: Classes 7 − 6 in minor units: > 0 a profit, < 0 a loss.
    result: int
    #: What the opening entry carries (debit = credit), in minor units.
    total: int


_BALANCES = """
SELECT a.number AS account, l.account_id, l.third_party_id,
       SUM(l.debit) AS debit, SUM(l.credit) AS credit
FROM entry_lines l
JOIN entries e ON e.id = l.entry_id
JOIN accounts a ON a.id = l.account_id
WHERE e.company_id = $1 AND e.state = 'posted' AND e.date >= $2 AND e.date <= $3
GROUP BY a.number, l.account_id, l.third_party_id
ORDER BY a.number, l.third_party_id
"""


async def close_fiscal_year(year: FiscalYear, who: Principal | None) -> Closing:
    """Close `year` and post the next year's opening entry (see the module's docstring), or DomainError
    naming what stops it; nothing changes then."""
    if year.closed:
        raise DomainError("FISCAL_YEAR_CLOSED", f"{year.name} is already closed.", "id", year=year.name)
    async with in_transaction(bulk_connection()) as conn:
        await lock_ledger(conn, year.company_id)
        await year.refresh_from_db(using_db=conn)
        if year.closed:  # closed by another request while this one waited for the lock
            raise DomainError("FISCAL_YEAR_CLOSED", f"{year.name} is already closed.", "id", year=year.name)
        await _check_nothing_waits(conn, year)
        following = await _next_year(conn, year)
        rows = await conn.execute_query_dict(
            portable(conn, _BALANCES), [year.company_id, year.start_date, year.end_date]
        )
        carried, result = _carried(year, rows)
        company = await Company.filter(id=year.company_id).using_db(conn).get()
        entry_id, total = await _post_opening(conn, company, year, following, carried, result)
        year.closed = True
        await year.save(update_fields=["closed"], using_db=conn)
    currency = company.currency
    await audit(
        "fiscal_year.closed", "FiscalYear", year.id, company_id=year.company_id, principal=who,
        detail=f"{year.name}: result {to_decimal(result, currency)} {currency}, opening entry "
        f"{entry_id or 'none'} in {following.name} ({to_decimal(total, currency)} {currency})",
    )  # fmt: skip
    lines = len(carried) + (1 if result else 0)
    return Closing(year, following, entry_id, lines if entry_id else 0, result, total)


async def _check_nothing_waits(conn: BaseDBAsyncClient, year: FiscalYear) -> None:
    reading = await conn.execute_query_dict(
        portable(
            conn, "SELECT COUNT(*) AS n FROM import_batches WHERE company_id = $1 AND status IN ($2, $3)"
        ),
        [year.company_id, *READING],
    )
    staged = await conn.execute_query_dict(
        portable(
            conn,
            "SELECT COUNT(DISTINCT batch_id) AS n FROM entries "
            "WHERE company_id = $1 AND state = 'draft' AND date >= $2 AND date <= $3",
        ),
        [year.company_id, year.start_date, year.end_date],
    )
    waiting = int(reading[0]["n"]) + int(staged[0]["n"])
    if waiting:
        raise DomainError(
            "BATCHES_WAITING",
            f"{waiting} import(s) of {year.name} wait to be read or for a decision: validate or reject them "
            "before closing.",
            "id",
            year=year.name, count=waiting,
        )  # fmt: skip
    earlier = (
        await FiscalYear.filter(company_id=year.company_id, end_date__lt=year.start_date, closed=False)
        .using_db(conn)
        .order_by("start_date")
        .first()
    )
    if earlier is not None:
        raise DomainError(
            "PREVIOUS_YEAR_OPEN",
            f"{earlier.name} is not closed: years close in order.",
            "id",
            year=earlier.name,
        )


async def _next_year(conn: BaseDBAsyncClient, year: FiscalYear) -> FiscalYear:
    start = year.end_date + timedelta(days=1)
    following = await FiscalYear.filter(company_id=year.company_id, start_date=start).using_db(conn).first()
    if following is None:
        raise DomainError(
            "NEXT_YEAR_MISSING",
            f"Open the year that starts on {start} first: the opening entries go into it.",
            "id",
            start=start.isoformat(),
        )
    why = shut_reason(following)
    if why is not None:
        raise DomainError(
            "FISCAL_YEAR_CLOSED" if why == "closed" else "FISCAL_YEAR_LOCKED",
            f"{following.name}, where the opening entries go, is {why}.",
            "id",
            year=following.name,
        )
    journal = await Journal.filter(company_id=year.company_id, code=OPENING_JOURNAL[0]).using_db(conn).first()
    if journal is not None:
        existing = (
            await Entry.filter(
                journal_id=journal.id, date__gte=following.start_date, date__lte=following.end_date
            )
            .using_db(conn)
            .exists()
        )
        if existing:
            raise DomainError(
                "OPENING_ENTRIES_EXIST",
                f"{following.name} already has entries in journal {journal.code}: its opening entries came "
                "another way (an imported file?). Reject them, or they would be carried twice.",
                "id",
                year=following.name, journal=journal.code,
            )  # fmt: skip
    return following


@dataclass(frozen=True, slots=True)
class _Carried:
    account_id: int
    third_party_id: int | None
    balance: int  # debit − credit


def _carried(year: FiscalYear, rows: list[dict[str, object]]) -> tuple[list[_Carried], int]:
    carried: list[_Carried] = []
    result = 0
    outside: list[str] = []
    for row in rows:
        number = str(row["account"])
        balance = int(row["debit"]) - int(row["credit"])  # type: ignore[call-overload]  # a Decimal on PostgreSQL
        if not balance:
            continue
        first = number[:1]
        if first and first in "12345":
            third = row["third_party_id"]
            carried.append(
                _Carried(int(str(row["account_id"])), int(str(third)) if third is not None else None, balance)
            )
        elif first in ("6", "7"):
            result -= balance  # income (7) is a credit balance: a profit is positive
        else:
            outside.append(number)
    if outside:
        shown = ", ".join(sorted(set(outside))[:10])
        raise DomainError(
            "ACCOUNTS_OUTSIDE_PLAN",
            f"{year.name} has balances on accounts outside classes 1 to 7 ({shown}): they can be neither carried "
            "forward nor put in the result. Move them with an entry first.",
            "id",
            year=year.name, accounts=shown,
        )  # fmt: skip
    return carried, result


async def _result_account(conn: BaseDBAsyncClient, company_id: int, prefix: str) -> int:
    """The company's own 120…/129… account, else one created with the length its accounts have."""
    numbers = await Account.filter(company_id=company_id).using_db(conn).values_list("number", flat=True)
    own = sorted(str(n) for n in numbers if str(n).startswith(prefix))
    if own:
        found = await Account.filter(company_id=company_id, number=own[0]).using_db(conn).get()
        return found.id
    lengths = Counter(len(str(n)) for n in numbers if str(n)[:1].isdigit())
    width = max(lengths.most_common(1)[0][0], len(prefix)) if lengths else 6
    made = await Account.create(
        company_id=company_id, number=prefix.ljust(width, "0"), label=RESULT_LABELS[prefix], using_db=conn
    )
    return made.id


async def _post_opening(
    conn: BaseDBAsyncClient, company: Company, year: FiscalYear, following: FiscalYear,
    carried: list[_Carried], result: int,
) -> tuple[int | None, int]:  # fmt: skip
    if not carried and not result:
        return None, 0
    journal = await Journal.filter(company_id=company.id, code=OPENING_JOURNAL[0]).using_db(conn).first()
    if journal is None:
        journal = await Journal.create(
            company_id=company.id, code=OPENING_JOURNAL[0], label=OPENING_JOURNAL[1], kind="general",
            using_db=conn,
        )  # fmt: skip
    lines = [(c.account_id, c.third_party_id, c.balance, "À-nouveaux") for c in carried]
    if result:
        prefix = PROFIT if result > 0 else LOSS
        account = await _result_account(conn, company.id, prefix)
        lines.append((account, None, -result, f"Résultat {year.name}"))
    debit = sum(b for _, _, b, _ in lines if b > 0)
    credit = sum(-b for _, _, b, _ in lines if b < 0)
    if debit != credit:  # the books were balanced entry by entry: this cannot happen, and must not be posted
        raise DomainError(
            "UNBALANCED_ENTRY", f"The opening entry of {following.name} would not balance.", "id"
        )
    check_ledger_room(0, company, debit, credit)
    now = datetime.now(UTC)
    entry = await Entry.create(
        company_id=company.id, batch_id=None, journal_id=journal.id,
        number=f"AN{following.start_date:%Y%m%d}", date=following.start_date, state="posted", posted_at=now,
        using_db=conn,
    )  # fmt: skip
    await EntryLine.bulk_create(
        [
            EntryLine(
                entry_id=entry.id,
                company_id=company.id,
                batch_id=None,
                source_line=0,
                account_id=account,
                entry_date=following.start_date,
                third_party_id=third,
                piece_ref="AN",
                label=label,
                debit=max(balance, 0),
                credit=max(-balance, 0),
                validation_date=following.start_date,
            )
            for account, third, balance, label in lines
        ],
        batch_size=1000,
        using_db=conn,
    )
    await conn.execute_query(
        portable(
            conn,
            "UPDATE companies SET ledger_debit = ledger_debit + $1, ledger_credit = ledger_credit + $2 "
            "WHERE id = $3",
        ),
        [debit, credit, company.id],
    )
    return entry.id, debit
