"""The posted books over GraphQL: entries by journal and period, an account's ledger with its running
balance, and the accounts, third parties and analytic sections imports created. Thin translations of
ledger/books.py; a partner application sees none of it (its own imports only)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from ecluse.api.context import Info
from ecluse.api.core import to_int_id
from ecluse.api.pagination import (
    Connection,
    connection,
    cursor_id,
    decode_cursor,
    encode_cursor,
    invalid_cursor,
    page_size,
)
from ecluse.api.permissions import forbidden, require
from ecluse.api.scalars import Money
from ecluse.auth.roles import Action
from ecluse.ledger import books
from ecluse.ledger.companies import currency_of
from ecluse.money import LEDGER_TOTAL_MAX, to_decimal

FROM = Annotated[date | None, strawberry.argument(name="from")]


def _reader(info: Info, company_id: strawberry.ID) -> int:
    cid = to_int_id(company_id, "companyId")
    if require(info, Action.VIEW, cid).is_partner:
        raise forbidden("A partner application sees its own imports, not the ledger.")
    return cid


def _id(value: int | None) -> strawberry.ID | None:
    return strawberry.ID(str(value)) if value is not None else None


@strawberry.type
class PostedLine:
    id: strawberry.ID
    account: str
    account_label: str
    third_party: str | None
    third_party_name: str | None
    label: str
    reference: str
    debit: Money
    credit: Money
    lettering: str
    analytic: str
    due_date: date | None

    @classmethod
    def of(cls, line: books.BookLine, currency: str) -> PostedLine:
        return cls(
            id=strawberry.ID(str(line.id)), account=line.account, account_label=line.account_label,
            third_party=line.third_party, third_party_name=line.third_party_name, label=line.label,
            reference=line.piece_ref, debit=Money(to_decimal(line.debit, currency)),
            credit=Money(to_decimal(line.credit, currency)), lettering=line.lettering, analytic=line.analytic,
            due_date=line.due_date,
        )  # fmt: skip


@strawberry.type(description="A posted entry, with the import it came from and its reversal, if any.")
class PostedEntry:
    id: strawberry.ID
    journal: str
    number: str
    date: date
    batch_id: strawberry.ID | None = strawberry.field(description="The import it came from (the audit path).")
    reversal_of_id: strawberry.ID | None = strawberry.field(description="The entry this one reverses.")
    reversed_by_id: strawberry.ID | None = strawberry.field(description="The entry that reverses this one.")
    total_debit: Money
    total_credit: Money
    line_count: int
    lines: list[PostedLine] = strawberry.field(
        description="Its first 200 lines (accountLedger pages through any number); lineCount and the totals "
        "are of all."
    )


@strawberry.input
class PostedEntryFilter:
    journal: str | None = None
    from_: date | None = strawberry.field(default=None, name="from")
    to: date | None = None
    batch_id: strawberry.ID | None = strawberry.field(default=None, description="The entries of one import.")


@strawberry.type(description="A line of an account's ledger, with the balance after it.")
class AccountLedgerLine:
    line: PostedLine
    entry_id: strawberry.ID
    journal: str
    number: str
    date: date
    batch_id: strawberry.ID | None
    balance: Money = strawberry.field(
        description="Debit − credit from the start of the books, after this line."
    )


@strawberry.type
class AccountLedger:
    account: str
    label: str
    currency: str
    opening_balance: Money = strawberry.field(description="Debit − credit before `from`.")
    total_debit: Money
    total_credit: Money
    closing_balance: Money
    lines: Connection[AccountLedgerLine]


@strawberry.type(description="An account, third party or analytic section, with the import that created it.")
class MasterEntry:
    id: strawberry.ID
    code: str
    label: str
    kind: str = strawberry.field(description="A third party's: customer, supplier or other; else empty.")
    created_by_batch_id: strawberry.ID | None
    used: bool = strawberry.field(description="Whether a line (staged or posted) names it.")


def _master(table: str):  # type: ignore[no-untyped-def]
    async def resolve(
        self: BooksQuery, info: Info, company_id: strawberry.ID, search: str | None = None,
        first: int | None = None, after: str | None = None,
    ) -> Connection[MasterEntry]:  # fmt: skip
        cid = _reader(info, company_id)
        limit = page_size(first)
        cursor = decode_cursor(after)
        if cursor is not None and not isinstance(cursor[0], str):
            raise invalid_cursor()
        term = search.strip()[:100] if search else None
        rows = await books.master_page(table, cid, term, cursor[0] if cursor else None, limit + 1)

        async def count() -> int:
            return await books.master_count(table, cid, term)

        return connection(
            rows, limit, lambda r: encode_cursor(r.code),
            lambda r: MasterEntry(id=strawberry.ID(str(r.id)), code=r.code, label=r.label, kind=r.kind,
                                  created_by_batch_id=_id(r.created_by_batch_id), used=r.used),
            count,
        )  # fmt: skip

    return resolve


def _day_cursor(values: list[object], size: int) -> tuple[date, *tuple[int, ...]]:
    """(date, id…) from a cursor encode_cursor made of a date and `size - 1` ids."""
    if len(values) != size:
        raise invalid_cursor()
    try:
        return (date.fromisoformat(str(values[0])), *(cursor_id(list(values), i) for i in range(1, size)))
    except ValueError:
        raise invalid_cursor() from None


def _balance(value: object) -> int:
    """A balance a cursor carries: an integer the books' totals can hold (a forged one only misleads its
    sender's own view of lines it may read anyway)."""
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > LEDGER_TOTAL_MAX:
        raise invalid_cursor()
    return value


@strawberry.type
class BooksQuery:
    @strawberry.field(description="Posted entries by date (then id), filtered by journal, period or import.")
    async def posted_entries(
        self, info: Info, company_id: strawberry.ID, filter: PostedEntryFilter | None = None,
        first: int | None = None, after: str | None = None,
    ) -> Connection[PostedEntry]:  # fmt: skip
        cid = _reader(info, company_id)
        f = filter or PostedEntryFilter()
        limit = min(page_size(first), 200)
        cursor = decode_cursor(after)
        after_key = _day_cursor(cursor, 2) if cursor else None
        wanted = books.EntryFilter(
            f.journal, f.from_, f.to, to_int_id(f.batch_id, "batchId") if f.batch_id is not None else None
        )
        rows = await books.posted_entries(cid, wanted, after_key, limit + 1)  # type: ignore[arg-type]
        currency = await currency_of(cid)

        def node(e: books.BookEntry) -> PostedEntry:
            return PostedEntry(
                id=strawberry.ID(str(e.id)), journal=e.journal, number=e.number, date=e.date,
                batch_id=_id(e.batch_id), reversal_of_id=_id(e.reversal_of_id), reversed_by_id=_id(e.reversed_by_id),
                total_debit=Money(to_decimal(e.debit, currency)),
                total_credit=Money(to_decimal(e.credit, currency)), line_count=e.line_count,
                lines=[PostedLine.of(x, currency) for x in e.lines],
            )  # fmt: skip

        async def count() -> int:
            return await books.posted_count(cid, wanted)

        return connection(rows, limit, lambda e: encode_cursor(e.date.isoformat(), e.id), node, count)

    @strawberry.field(
        description="An account's posted lines in date order with the running balance, its opening balance at "
        "`from` and its movements to `to` (the general ledger of one account)."
    )
    async def account_ledger(
        self, info: Info, company_id: strawberry.ID, account: str, from_: FROM = None, to: date | None = None,
        first: int | None = None, after: str | None = None,
    ) -> AccountLedger | None:  # fmt: skip
        cid = _reader(info, company_id)
        totals = await books.account_totals(cid, account, from_, to)
        if totals is None:
            return None
        currency = await currency_of(cid)
        limit = page_size(first)
        cursor = decode_cursor(after)
        # The cursor carries the balance after its line: the next page is read without summing what came before.
        after_key = _day_cursor(cursor[:3], 3) if cursor else None
        carried = _balance(cursor[3]) if cursor and len(cursor) == 4 else None
        rows = await books.account_ledger(cid, account, from_, to, after_key, limit + 1, carried)  # type: ignore[arg-type]

        def node(r: books.LedgerLine) -> AccountLedgerLine:
            return AccountLedgerLine(
                line=PostedLine.of(r.line, currency), entry_id=strawberry.ID(str(r.line.entry_id)),
                journal=r.journal, number=r.number, date=r.date, batch_id=_id(r.batch_id),
                balance=Money(to_decimal(r.balance, currency)),
            )  # fmt: skip

        async def count() -> int:
            return await books.account_line_count(cid, account, from_, to)

        def money(minor: int) -> Money:
            return Money(to_decimal(minor, currency))

        return AccountLedger(
            account=totals.number, label=totals.label, currency=currency,
            opening_balance=money(totals.opening), total_debit=money(totals.debit),
            total_credit=money(totals.credit),
            closing_balance=money(totals.opening + totals.debit - totals.credit),
            lines=connection(
                rows, limit, lambda r: encode_cursor(r.date.isoformat(), r.line.entry_id, r.line.id, r.balance),
                node, count,
            ),
        )  # fmt: skip

    accounts: Connection[MasterEntry] = strawberry.field(
        resolver=_master("accounts"), description="The company's general accounts by number."
    )
    third_parties: Connection[MasterEntry] = strawberry.field(
        resolver=_master("third_parties"),
        description="The company's customers, suppliers and other third parties.",
    )
    analytic_sections: Connection[MasterEntry] = strawberry.field(
        resolver=_master("analytic_sections"), description="The company's analytic sections."
    )
