"""The web app's entry grid: a batch's lines as rows of values in declared columns, and its refused lines in
place, in a handful of resolved fields per page (the typed `entries` connection resolves a dozen fields per
line: 1,200 for a page of 100)."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.scalars import JSON

from ecluse.api.limits import VALUES
from ecluse.api.pagination import PageInfo, cursor_id, decode_cursor, encode_cursor, page_size
from ecluse.api.scalars import Money
from ecluse.imports import queries
from ecluse.ledger.line_filter import MAX_TEXT, LineFilter
from ecluse.ledger.queries import GRID_COLUMNS, batch_grid_lines, batch_line_totals, count_lines_before
from ecluse.money import LEDGER_TOTAL_MAX, exponent, to_minor

#: Past every line number: the upper bound of the last page's refused lines (an INTEGER column).
_LAST_LINE = 2**31 - 1


@strawberry.type(description="An error of a refused line.")
class RefusedLineError:
    code: str = strawberry.field(description="The stable error code (the web app words it from this).")
    column: str | None = strawberry.field(description="The column of the file it concerns, if one.")
    params: JSON | None = strawberry.field(
        description="The values the error speaks of, by name: dates ISO, amounts as decimal strings."
    )


@strawberry.type(description="A line of the file that was refused, where it stands among the staged ones.")
class RefusedGridLine:
    line: int = strawberry.field(description="Its line number in the received file.")
    text: str | None = strawberry.field(
        description="Its text as received, when the reader kept it (a line refused by a check on its whole "
        "entry is not kept: the rejected-lines file reads it again from the received file)."
    )
    errors: list[RefusedLineError] = strawberry.field(
        description="The errors found on this line (none when another line refused its entry)."
    )


@strawberry.type(
    description="A page of the entry grid: up to `first` items in file order, staged lines (`rows`) and "
    "refused lines (`refused`) together."
)
class EntryGridPage:
    columns: list[str] = strawberry.field(description="The columns of every row, in order.")
    rows: JSON = strawberry.field(
        description="The staged lines of the page in file order, each an array of values in `columns` "
        "order: `line` a number, dates ISO, amounts decimal strings in the currency's decimals, a missing "
        "third party null.",
        metadata={VALUES: len(GRID_COLUMNS)},
    )
    refused: list[RefusedGridLine] = strawberry.field(
        description="The refused lines among the page's items, in file order: those before its last row, "
        "and on the last page those after it too."
    )
    page_info: PageInfo
    _batch_id: strawberry.Private[int]
    #: Where the page starts: its first staged line's id (None: it has none) and the line it was asked from.
    _first_id: strawberry.Private[int | None] = None
    _from_line: strawberry.Private[int] = 0
    _where: strawberry.Private[LineFilter | None] = None

    @strawberry.field(
        description="How many items (staged and refused lines) come before this page's first, counted only "
        "when asked: with `fromLine` and no cursor, where a jump to a line of the file lands in the grid."
    )
    async def position(self) -> int:
        staged = await count_lines_before(self._batch_id, self._first_id, self._where)
        if self._where is not None:  # a search shows no refused line
            return staged
        return staged + await queries.count_refused(self._batch_id, self._from_line)

    @strawberry.field(
        description="The batch's staged lines, those the filter keeps (counted only when asked)."
    )
    async def total_count(self) -> int:
        if self._where is not None:
            return await count_lines_before(self._batch_id, None, self._where)
        return (await batch_line_totals(self._batch_id))[0]

    @strawberry.field(description="The batch's refused lines (counted only when asked); 0 with a filter.")
    async def refused_count(self) -> int:
        return 0 if self._where is not None else await queries.count_refused(self._batch_id)


@strawberry.input(
    description="A search within a batch's staged lines: the conditions given all hold (refused lines are "
    "not shown while one is)."
)
class GridFilter:
    journal: str | None = strawberry.field(default=None, description="A journal's code, exactly.")
    account: str | None = strawberry.field(default=None, description="An account number, or its beginning.")
    third_party: str | None = strawberry.field(default=None, description="A third party's code, exactly.")
    amount: Money | None = strawberry.field(
        default=None, description="An amount on either side, debit or credit (a positive decimal)."
    )
    text: str | None = strawberry.field(
        default=None, description="Words in the label or the reference, whatever the case."
    )

    def of(self, company_id: int, currency: str) -> LineFilter:
        """The filter for the ledger, its values checked: a text over MAX_TEXT characters, or an amount the
        currency cannot hold, is refused (BAD_USER_INPUT, naming the field)."""
        for name in ("journal", "account", "third_party", "text"):
            value = getattr(self, name)
            if value is not None and len(value) > MAX_TEXT:
                raise _bad(name, f"{name} is longer than {MAX_TEXT} characters")
        minor = None
        if self.amount is not None:
            try:
                minor = abs(to_minor(self.amount, currency))
            except (ValueError, ArithmeticError) as exc:
                raise _bad("amount", f"{self.amount} is not an amount in {currency}") from exc
            if minor > LEDGER_TOTAL_MAX:
                raise _bad("amount", f"{self.amount} is not an amount in {currency}")
        clean = {
            n: (getattr(self, n) or "").strip() or None for n in ("journal", "account", "third_party", "text")
        }
        return LineFilter(company_id, amount=minor, **clean)


def _bad(field: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT", "field": field})


async def grid_page(
    batch_id: int,
    currency: str,
    first: int | None,
    after: str | None,
    from_line: int | None,
    *,
    refusals: bool = True,
    where: LineFilter | None = None,
) -> EntryGridPage:
    """`first` items from the cursor (after its last row id and file line) and from `from_line`: staged lines
    and refused lines merged in file order. Two queries: the lines (up to first + 1), and the refused lines
    up to where the lines stop (up to first + 1, with their errors); the second only when the batch may
    have refused lines (`refusals`)."""
    limit = page_size(first)
    cursor = decode_cursor(after)
    after_id, after_line = (cursor_id(cursor, 0), cursor_id(cursor, 1)) if cursor else (0, -1)
    start = from_line or 0
    # Several staged lines may come from one line of the file: the rows go on from the cursor's line itself.
    where = where if where is not None and where.active else None
    refusals = refusals and where is None  # a search is among staged lines: refused ones have no values
    lines = await batch_grid_lines(
        batch_id, after_id, max(start, after_line), limit + 1, exponent(currency), where
    )
    last = lines[-1][1][0] if len(lines) > limit else _LAST_LINE
    refused = (
        await queries.refused_in_range(batch_id, max(start, after_line + 1), last, limit + 1)
        if refusals
        else []
    )
    rows: list[list[Any]] = []
    shown: list[RefusedGridLine] = []
    i = j = 0
    end_id, end_line = after_id, after_line
    while len(rows) + len(shown) < limit and (i < len(lines) or j < len(refused)):
        if j == len(refused) or (i < len(lines) and lines[i][1][0] <= refused[j].line):
            end_id, values = lines[i]
            rows.append(values)
            end_line, i = values[0], i + 1
        else:
            r = refused[j]
            shown.append(
                RefusedGridLine(
                    line=r.line,
                    text=r.text,
                    errors=[RefusedLineError(code=c, column=col, params=p) for c, col, p in r.errors],
                )
            )
            end_line, j = r.line, j + 1
    more = i < len(lines) or j < len(refused)
    empty = not rows and not shown
    return EntryGridPage(
        columns=list(GRID_COLUMNS),
        rows=JSON(rows),
        refused=shown,
        page_info=PageInfo(has_next_page=more, end_cursor=None if empty else encode_cursor(end_id, end_line)),
        _batch_id=batch_id,
        _first_id=lines[0][0] if lines else None,
        _from_line=max(start, after_line + 1),
        _where=where,
    )
