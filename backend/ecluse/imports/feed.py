"""What staging receives from the parser: compact chunks of columns, built where the parse runs.

A big file is parsed in a child process (another core: the parse is pure Python and was half of staging's
time), a small one in a thread. Either way the same generator, `feed`, does the work: it parses, checks each
entry against the open fiscal years and the batch's amount limit, and notes the master data seen for the
first time. Columns of plain values and ISO dates cross a process boundary for a fraction of what one object
per record costs. No database here.

The batch's limit lives here because only the feed sees the whole file: the debits of the entries kept for one
company (one batch) add up to at most money.BATCH_TOTAL_MAX; an entry that would take them past it is refused
with BATCH_TOTAL_TOO_LARGE (its own error), and the entries after it are still judged one by one. The parsers
already refused what breaks the per-amount and per-entry limits (formats/limits.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import multiprocessing
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Literal, cast

import polars as pl

from ecluse.formats.fec import FecFile
from ecluse.formats.fec_columns import CleanBlock
from ecluse.formats.limits import shown
from ecluse.formats.records import Entry, FileInfo, MasterRecord, ParseError, RejectedEntry
from ecluse.formats.registry import file_format, open_parser
from ecluse.money import BATCH_TOTAL_MAX, decimal_of

Year = tuple[int, date, date]  # (fiscal year id, start, end) of the company's open years
ShutYear = tuple[str, date, date, str]  # (name, start, end, "locked" or "closed") of a year nothing goes into
#: (company id, kind, code, label, nature): master data the file declares (MasterRecord, resolved).
Declared = tuple[int, str, str, str, str]

#: Files above this size are parsed in a child process; below, spawning one costs more than it saves.
PROCESS_THRESHOLD = 4 << 20
#: The child runs the cyclic garbage collector once per this many chunks sent (see _child).
COLLECT_EVERY = 8


@dataclass(frozen=True, slots=True)
class Target:
    """What the feed needs to know of the companies a file may feed: the one it was sent to (key ""),
    and those a company column may name (by code or SIREN, upper case) that the sender may import into."""

    companies: dict[str, int]
    years: dict[int, list[Year]]
    #: Company id → its currency and that currency's decimals (money.exponent), for those that differ from
    #: the company the file was sent to: amounts are read with that one's decimals.
    currencies: dict[int, tuple[str, int]] = field(default_factory=dict)
    #: Company id → its locked and closed years: an entry dated in one is refused naming it and why.
    shut: dict[int, list[ShutYear]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Source:
    """How to read the stored file: its format, for CUSTOM the layout and the company's ranges, and the
    decimals of the company's currency (money.exponent) its amounts are read with."""

    format: str = "FEC"
    layout: dict[str, Any] | None = None
    ranges: list[dict[str, Any]] | None = None
    places: int = 2


@dataclass(frozen=True, slots=True)
class Header:
    info: FileInfo | None
    fatal: ParseError | None


@dataclass(slots=True)
class Totals:
    """One company's share of a chunk."""

    entries: int = 0
    #: Entry lines staged (a refused entry's lines are in `Chunk.refused`).
    lines: int = 0
    debit: int = 0
    credit: int = 0
    first: date | None = None
    last: date | None = None
    year_counts: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StagedLine:
    """One line of a `StagedEntry`: `Chunk.entry(i)` builds them (by field name) for a preview."""

    line: int
    account: str
    third_party: str
    piece_ref: str
    piece_date: str | None
    label: str
    debit: int
    credit: int
    lettering: str
    lettering_date: str | None
    validation_date: str | None
    currency_amount: int | None
    currency: str
    analytic: str
    due_date: str | None
    invoice_ref: str


@dataclass(frozen=True, slots=True)
class StagedEntry:
    company: int
    journal: str
    number: str
    date: str
    first_line: int
    lines: tuple[StagedLine, ...]


@dataclass(slots=True)
class EntryColumns:
    """The chunk's entries, one list per field (the i-th of each list is entry i): columns cross a process
    boundary and become database rows for a fraction of what one object per entry costs. Dates are ISO text."""

    company: list[int] = field(default_factory=list)
    journal: list[str] = field(default_factory=list)
    number: list[str] = field(default_factory=list)
    date: list[str] = field(default_factory=list)
    first_line: list[int] = field(default_factory=list)
    #: Where the entry's lines start in the chunk's `LineColumns` (they run to the next entry's start).
    start: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.number)


@dataclass(slots=True)
class LineColumns:
    """The chunk's entry lines, one list per field, in entry order (as EntryColumns). Labels of accounts and
    third parties travel once, in the chunk's master data."""

    entry: list[int] = field(default_factory=list)  # the index of the line's entry in EntryColumns
    line: list[int] = field(default_factory=list)
    account: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    piece_ref: list[str] = field(default_factory=list)
    piece_date: list[str | None] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    debit: list[int] = field(default_factory=list)
    credit: list[int] = field(default_factory=list)
    lettering: list[str] = field(default_factory=list)
    lettering_date: list[str | None] = field(default_factory=list)
    validation_date: list[str | None] = field(default_factory=list)
    currency_amount: list[int | None] = field(default_factory=list)
    currency: list[str] = field(default_factory=list)
    analytic: list[str] = field(default_factory=list)
    due_date: list[str | None] = field(default_factory=list)
    invoice_ref: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.line)

    # Pickled (the child's chunks), each text column travels as one string: pickle writes one object
    # instead of tens of thousands (and memoises none of them): a chunk of 60,000 lines pickles in 29 ms
    # instead of 60–75 (bench_chunks.py). Dates are ISO text or None, sent as "" (never an ISO date).
    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = {name: getattr(self, name) for name in _PLAIN_COLUMNS}
        for name in _TEXT_COLUMNS:
            state[name] = _pack(getattr(self, name))
        for name in _DATE_COLUMNS:
            state[name] = _pack(["" if day is None else day for day in getattr(self, name)])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in _PLAIN_COLUMNS:
            setattr(self, name, state[name])
        for name in _TEXT_COLUMNS:
            setattr(self, name, _unpack(state[name]))
        for name in _DATE_COLUMNS:
            setattr(self, name, [day or None for day in _unpack(state[name])])


_TEXT_COLUMNS = (
    "account",
    "third_party",
    "piece_ref",
    "label",
    "lettering",
    "currency",
    "analytic",
    "invoice_ref",
)
_DATE_COLUMNS = ("piece_date", "lettering_date", "validation_date", "due_date")
_PLAIN_COLUMNS = tuple(
    name for name in LineColumns.__dataclass_fields__ if name not in _TEXT_COLUMNS + _DATE_COLUMNS
)
_SEPARATOR = "\x00"


class _PackedLines(LineColumns):
    """A chunk's lines built as packed columns (LineColumns.__getstate__'s form) by the columnar route, in
    the parser process: they cross the pipe as they are and become lists only on the other side."""

    __slots__ = ("state",)

    def __init__(self, state: dict[str, Any]) -> None:
        super().__init__()
        self.state = state

    def __len__(self) -> int:
        return len(self.state["line"])

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpacked_lines, (self.state,)


def _unpacked_lines(state: dict[str, Any]) -> LineColumns:
    lines = LineColumns()
    lines.__setstate__(state)
    return lines


def _pack(column: list[str]) -> str | list[str]:
    """The column as one string, or as it is when a value holds the separator (the readers drop NULs; a
    column that has one anyway must not split wrongly) or the column is empty."""
    joined = _SEPARATOR.join(column)
    return joined if column and joined.count(_SEPARATOR) == len(column) - 1 else column


def _unpack(packed: str | list[str]) -> list[str]:
    return packed.split(_SEPARATOR) if isinstance(packed, str) else packed


#: LineColumns text and date columns → the CleanBlock column that fills them (formats/fec_columns.py).
_BLOCK_TEXTS = {
    "account": "acc", "third_party": "aux", "piece_ref": "ref", "label": "lib", "lettering": "let",
    "currency": "cur",
}  # fmt: skip
_BLOCK_DATES = {"piece_date": "pd", "lettering_date": "dl", "validation_date": "vd"}
_LINE_FIELDS = tuple(StagedLine.__dataclass_fields__)
_ENTRY_FIELDS = tuple(EntryColumns.__dataclass_fields__)
_LINE_COLUMNS = tuple(LineColumns.__dataclass_fields__)


@dataclass(slots=True)
class Chunk:
    entries: EntryColumns = field(default_factory=EntryColumns)
    lines: LineColumns = field(default_factory=LineColumns)
    refused: list[RejectedEntry] = field(default_factory=list)
    notes: list[ParseError] = field(default_factory=list)
    #: Master data met for the first time in the file, in this chunk, per (company id, code).
    journals: dict[tuple[int, str], str] = field(default_factory=dict)
    accounts: dict[tuple[int, str], str] = field(default_factory=dict)
    parties: dict[tuple[int, str], tuple[str, str]] = field(default_factory=dict)
    sections: dict[tuple[int, str], str] = field(default_factory=dict)
    declared: list[Declared] = field(default_factory=list)
    totals: dict[int, Totals] = field(default_factory=dict)
    bytes_read: int = 0
    line_count: int = 0

    def parts(self, entries_per_part: int) -> Iterator[Chunk]:
        """The chunk's entries and lines in pieces of at most `entries_per_part` entries (each with its
        lines); the refused lines and notes go with the first piece. Staging writes each piece in its own
        transaction, so that other requests for the database wait for a piece, not a whole chunk."""
        count = len(self.entries)
        if count <= entries_per_part:
            yield self
            return
        for first in range(0, count, entries_per_part):
            end = min(first + entries_per_part, count)
            low = self.entries.start[first]
            high = self.entries.start[end] if end < count else len(self.lines)
            entries = EntryColumns(*(getattr(self.entries, name)[first:end] for name in _ENTRY_FIELDS))
            entries.start = [at - low for at in entries.start]
            lines = LineColumns(*(getattr(self.lines, name)[low:high] for name in _LINE_COLUMNS))
            lines.entry = [index - first for index in lines.entry]
            yield Chunk(entries, lines, self.refused if first == 0 else [], self.notes if first == 0 else [])

    def entry(self, index: int) -> StagedEntry:
        """Entry `index` as one record (for a preview; staging reads the columns)."""
        entries, lines = self.entries, self.lines
        end = entries.start[index + 1] if index + 1 < len(entries) else len(lines)
        columns = [getattr(lines, name) for name in _LINE_FIELDS]
        shown = tuple(
            StagedLine(*[column[at] for column in columns]) for at in range(entries.start[index], end)
        )
        return StagedEntry(
            entries.company[index], entries.journal[index], entries.number[index], entries.date[index],
            entries.first_line[index], shown,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class End:
    """The parse is complete (a feed that stops without it was cut short)."""

    line_count: int
    bytes_read: int
    #: Set when the file proved unreadable only at its end (a truncated JSON document): nothing of it counts.
    fatal: ParseError | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    message: str


def third_party_kind(account_number: str) -> str:
    # French chart of accounts: 401/403 suppliers, 411/413 customers.
    if account_number.startswith(("401", "403")):
        return "supplier"
    if account_number.startswith(("411", "413")):
        return "customer"
    return "other"


class _Iso(dict[date | None, str | None]):
    """date → ISO text, each distinct day formatted once."""

    def __missing__(self, value: date | None) -> str | None:
        text = None if value is None else value.isoformat()
        self[value] = text
        return text


class _Feeder:
    def __init__(self, target: Target, date_column: str = "EcritureDate", places: int = 2) -> None:
        self.date_column = date_column  # the entry date's field, as the format names it
        self.places = places  # decimals of the currency amounts are in
        self.companies = target.companies
        self.default = target.companies[""]
        self.currencies = target.currencies
        self.years = {cid: sorted(years, key=lambda y: y[1]) for cid, years in target.years.items()}
        self.shut = target.shut
        self.year_of: dict[tuple[int, date], int | None] = {}
        self.journals: set[tuple[int, str]] = set()
        # Codes already seen, per company: plain string sets keep the per-line test cheap.
        self.accounts: dict[int, set[str]] = {}
        self.parties: dict[int, set[str]] = {}
        self.sections: dict[int, set[str]] = {}
        self.debits: dict[int, int] = {}  # per company: the debits of the entries kept so far
        self.iso = _Iso()

    def _no_year(self, cid: int, day: date, line: int) -> ParseError:
        """Why no year takes an entry dated `day`: the locked or closed year it falls in, else none open."""
        for name, start, end, why in self.shut.get(cid, ()):
            if start <= day <= end:
                code = "FISCAL_YEAR_LOCKED" if why == "locked" else "FISCAL_YEAR_CLOSED"
                return ParseError.of(line, self.date_column, code, date=day, year=name)
        return ParseError.of(line, self.date_column, "NO_OPEN_FISCAL_YEAR", date=day)

    def year(self, cid: int, day: date) -> int | None:
        try:
            return self.year_of[cid, day]
        except KeyError:
            years = self.years.get(cid, [])
            found = next((y for y, start, end in years if start <= day <= end), None)
            self.year_of[cid, day] = found
            return found

    def company(self, name: str) -> int | None:
        if not name:
            return self.default
        return self.companies.get(name.strip().upper())

    def chunk(self, items: list[Any]) -> Chunk:
        out = Chunk()
        for item in items:
            if isinstance(item, Entry):
                self._entry(item, out)
            elif isinstance(item, RejectedEntry):
                out.refused.append(item)
            elif isinstance(item, MasterRecord):
                self._declare(item, out)
            else:
                out.notes.append(item)
        return out

    def block(self, block: CleanBlock, packed: bool) -> Chunk:
        """A clean block of a columnar FEC read (every entry for the company the file was sent to), built
        column by column. When the block holds an entry this feeder would refuse (no open fiscal year, the
        batch's limit) it goes the usual way, entry by entry."""
        cid, entries, lines = self.default, block.entries, block.lines
        other = self.currencies.get(cid)
        year = pl.lit(None, dtype=pl.Int64)
        for y, start, end in reversed(self.years.get(cid, [])):  # the first year that holds the date
            year = pl.when(pl.col("ed").is_between(start, end)).then(y).otherwise(year)
        years = entries.select(year.alias("year"))["year"]
        debit = int(entries["debit"].sum())
        kept = self.debits.get(cid, 0) + debit
        if (other is not None and other[1] != self.places) or years.null_count() or kept > BATCH_TOTAL_MAX:
            return self.chunk(block.items())
        self.debits[cid] = kept
        out = Chunk()
        out.totals[cid] = Totals(
            entries=len(block), lines=lines.height, debit=debit, credit=int(entries["credit"].sum()),
            first=cast(date, entries["ed"].min()), last=cast(date, entries["ed"].max()),
            year_counts=dict(years.value_counts().iter_rows()),
        )  # fmt: skip
        self._new_master_data(cid, block, out)
        columns = out.entries
        columns.company = [cid] * len(block)
        columns.journal, columns.number = entries["jc"].to_list(), entries["num"].to_list()
        columns.date = entries["ed"].dt.to_string("%Y-%m-%d").to_list()
        columns.first_line, columns.start = entries["first"].to_list(), entries["start"].to_list()
        blank = _SEPARATOR * (lines.height - 1)  # a column of empty texts, packed
        state: dict[str, Any] = {
            "entry": lines["entry"].to_list(), "line": lines["line"].to_list(),
            "debit": lines["debit"].to_list(), "credit": lines["credit"].to_list(),
            "currency_amount": lines["camt"].to_list(), "analytic": blank, "invoice_ref": blank, "due_date": blank,
        }  # fmt: skip
        for name, column in _BLOCK_TEXTS.items():
            state[name] = lines[column].str.join(_SEPARATOR)[0]
        for name, column in _BLOCK_DATES.items():
            state[name] = lines[column].dt.to_string("%Y-%m-%d").fill_null("").str.join(_SEPARATOR)[0]
        out.lines = _PackedLines(state) if packed else _unpacked_lines(state)
        return out

    def _new_master_data(self, cid: int, block: CleanBlock, out: Chunk) -> None:
        """The journals, accounts and third parties `block` names for the first time in the file."""
        lines = block.lines
        journals = block.entries.select("jc", "jl").unique("jc", keep="first", maintain_order=True)
        for jc, jl in journals.iter_rows():
            if (cid, jc) not in self.journals:
                self.journals.add((cid, jc))
                out.journals[cid, jc] = jl
        accounts = self.accounts.setdefault(cid, set())
        for number, label in (
            lines.select("acc", "accl").unique("acc", keep="first", maintain_order=True).iter_rows()
        ):
            if number not in accounts:
                accounts.add(number)
                out.accounts[cid, number] = label
        parties = self.parties.setdefault(cid, set())
        named = lines.filter(pl.col("aux") != "").select("aux", "auxl", "acc")
        for code, name, number in named.unique("aux", keep="first", maintain_order=True).iter_rows():
            if code not in parties:
                parties.add(code)
                out.parties[cid, code] = (name, third_party_kind(number))

    def _declare(self, record: MasterRecord, out: Chunk) -> None:
        cid = self.company(record.company)
        if cid is None:
            record_name = f"{record.kind.replace('_', ' ')} {shown(record.code)}"
            unknown = ParseError.of(
                record.line,
                "company",
                "UNKNOWN_COMPANY",
                "finding",
                record=record_name,
                company=shown(record.company),
            )
            out.notes.append(unknown)
            return
        out.declared.append((cid, record.kind, record.code, record.label, record.nature))

    def _refuse(self, entry: Entry, error: ParseError, out: Chunk) -> None:
        lines = tuple(dict.fromkeys(line.line for line in entry.lines))  # generated lines share a number
        out.refused.append(RejectedEntry(entry.journal_code, entry.number, lines, (), (error,)))

    def _entry(self, entry: Entry, out: Chunk) -> None:
        first, name = entry.lines[0].line, f"{entry.journal_code} {entry.number}"
        cid = self.company(entry.company)
        if cid is None:
            company = shown(entry.company)
            self._refuse(
                entry, ParseError.of(first, "company", "UNKNOWN_COMPANY", entry=name, company=company), out
            )
            return
        other = self.currencies.get(cid)
        if other is not None and other[1] != self.places:
            mismatch = ParseError.of(
                first, "company", "CURRENCY_DECIMALS", entry=name, company=shown(entry.company),
                currency=other[0], decimals=other[1], file_decimals=self.places,
            )  # fmt: skip
            self._refuse(entry, mismatch, out)
            return
        year = self.year(cid, entry.date)
        if year is None:
            self._refuse(entry, self._no_year(cid, entry.date, first), out)
            return
        debit = sum([ln.debit for ln in entry.lines])
        kept = self.debits.get(cid, 0) + debit
        if kept > BATCH_TOTAL_MAX:
            maximum = decimal_of(BATCH_TOTAL_MAX, self.places)
            self._refuse(
                entry, ParseError.of(first, None, "BATCH_TOTAL_TOO_LARGE", entry=name, maximum=maximum), out
            )
            return
        self.debits[cid] = kept
        totals = out.totals.get(cid)
        if totals is None:
            totals = out.totals[cid] = Totals()
        totals.year_counts[year] = totals.year_counts.get(year, 0) + 1
        if (cid, entry.journal_code) not in self.journals:
            self.journals.add((cid, entry.journal_code))
            out.journals[cid, entry.journal_code] = entry.journal_label
        iso = self.iso
        accounts = self.accounts.setdefault(cid, set())
        parties = self.parties.setdefault(cid, set())
        sections = self.sections.setdefault(cid, set())
        credit = 0
        index = len(out.entries)
        columns = out.lines
        for ln in entry.lines:
            if ln.account_number not in accounts:
                accounts.add(ln.account_number)
                out.accounts[cid, ln.account_number] = ln.account_label
            if ln.aux_number and ln.aux_number not in parties:
                parties.add(ln.aux_number)
                out.parties[cid, ln.aux_number] = (ln.aux_label, third_party_kind(ln.account_number))
            if ln.analytic and ln.analytic not in sections:
                sections.add(ln.analytic)
                out.sections[cid, ln.analytic] = ""
            credit += ln.credit
            columns.entry.append(index)
            columns.line.append(ln.line)
            columns.account.append(ln.account_number)
            columns.third_party.append(ln.aux_number)
            columns.piece_ref.append(ln.piece_ref)
            columns.piece_date.append(iso[ln.piece_date])
            columns.label.append(ln.label)
            columns.debit.append(ln.debit)
            columns.credit.append(ln.credit)
            columns.lettering.append(ln.lettering)
            columns.lettering_date.append(iso[ln.lettering_date])
            columns.validation_date.append(iso[ln.validation_date])
            columns.currency_amount.append(ln.currency_amount)
            columns.currency.append(ln.currency)
            columns.analytic.append(ln.analytic)
            columns.due_date.append(iso[ln.due_date])
            columns.invoice_ref.append(ln.invoice_ref)
        totals.entries += 1
        totals.lines += len(entry.lines)
        totals.debit += debit
        totals.credit += credit
        entries = out.entries
        entries.company.append(cid)
        entries.journal.append(entry.journal_code)
        entries.number.append(entry.number)
        entries.date.append(iso[entry.date] or entry.date.isoformat())  # never None: an entry has its date
        entries.first_line.append(entry.lines[0].line)
        entries.start.append(len(columns) - len(entry.lines))
        if totals.first is None or entry.date < totals.first:
            totals.first = entry.date
        if totals.last is None or entry.date > totals.last:
            totals.last = entry.date


Message = Header | Chunk | End
#: How `feed` reads a FEC file: line by line (False), columnar (True), columnar with packed lines ("packed").
Columnar = bool | Literal["packed"]


def feed(
    stream: BinaryIO,
    filename: str,
    chunk_size: int,
    target: Target,
    source: Source = Source(),
    columnar: Columnar = False,
) -> Iterator[Message]:
    """The header, then chunks in file order (of at most `chunk_size` items, or a clean block of a columnar
    FEC read), then the end. `columnar`: FEC files are read through formats/fec_columns.py ("packed": the
    chunks' lines stay packed until pickled, for the parser process)."""
    try:
        parsed = open_parser(
            source.format, stream, filename, layout=source.layout, ranges=source.ranges, places=source.places
        )
    except ValueError as exc:  # a layout saved by an older version that this one no longer accepts
        yield Header(None, ParseError.of(0, None, "BAD_LAYOUT", problem=str(exc)))
        yield End(0, 0)
        return
    yield Header(parsed.info, parsed.fatal)
    if parsed.fatal is not None or parsed.info is None:
        yield End(0, parsed.bytes_read)
        return
    feeder = _Feeder(target, file_format(source.format).date_column, source.places)
    if columnar and isinstance(parsed, FecFile):
        pending: list[Any] = []
        for item in parsed.column_items():
            if type(item) is not CleanBlock:
                pending.append(item)
                if len(pending) >= chunk_size:
                    yield _counted(feeder.chunk(pending), parsed)
                    pending = []
                continue
            for part in item.parts(chunk_size):
                before = feeder.chunk(pending) if pending else None
                pending = []
                chunk = feeder.block(part, packed=columnar == "packed")
                if before is not None:  # findings before the block (the header's) share its chunk
                    if len(before.entries) or before.refused or before.declared:
                        yield _counted(before, parsed)
                    else:
                        chunk.notes[:0] = before.notes
                yield _counted(chunk, parsed)
        if pending:
            yield _counted(feeder.chunk(pending), parsed)
    else:
        items = parsed.items()
        while batch := list(itertools.islice(items, chunk_size)):
            yield _counted(feeder.chunk(batch), parsed)
    yield End(parsed.line_count, parsed.bytes_read, parsed.fatal)


def _counted(chunk: Chunk, parsed: Any) -> Chunk:
    chunk.bytes_read, chunk.line_count = parsed.bytes_read, parsed.line_count
    return chunk


def _child(path: str, filename: str, chunk_size: int, target: Target, source: Source, conn: Any) -> None:
    # A parse allocates millions of small containers that live for one chunk; the cyclic collector, left
    # to its thresholds, walked them (and the growing sets of keys already seen) again and again: 40% of the
    # child's time on a 1M-line FEC. The parse makes no cycles of its own; a full pass every few chunks
    # still bounds what any library's cycles could hold.
    gc.disable()
    try:
        for sent, message in enumerate(_feed_file(path, filename, chunk_size, target, source, "packed"), 1):
            conn.send(message)
            del message
            if sent % COLLECT_EVERY == 0:
                gc.collect()
    except Exception as exc:
        conn.send(Failed(f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _feed_file(
    path: str, filename: str, chunk_size: int, target: Target, source: Source, columnar: Columnar = True
) -> Iterator[Message]:
    with open(path, "rb") as stream:
        yield from feed(stream, filename, chunk_size, target, source, columnar)


async def messages(
    path: Path, size: int, filename: str, chunk_size: int, target: Target, source: Source
) -> AsyncIterator[Message]:
    """The feed of a stored file, parsed in a child process (big files) or a thread (small ones); the
    next chunk is parsed while the caller stages the current one."""
    if size < PROCESS_THRESHOLD:
        feeding = _feed_file(
            str(path), filename, chunk_size, target, source
        )  # runs in the threads calling next()
        ahead = asyncio.ensure_future(asyncio.to_thread(next, feeding, None))
        while True:
            message = await ahead
            if message is None:
                return
            ahead = asyncio.ensure_future(asyncio.to_thread(next, feeding, None))
            yield message
    # spawn, not fork: this process has threads (the database driver's, the event loop's executors).
    mp = multiprocessing.get_context("spawn")
    receiver, sender = mp.Pipe(duplex=False)
    proc = mp.Process(
        target=_child, args=(str(path), filename, chunk_size, target, source, sender), daemon=True
    )
    await asyncio.to_thread(proc.start)
    sender.close()
    # The next message is received (and unpickled) in a thread while the caller stages the current one.
    upcoming: asyncio.Future[Message | Failed] | None = asyncio.ensure_future(
        asyncio.to_thread(receiver.recv)
    )
    try:
        while upcoming is not None:
            try:
                sent = await upcoming
            except EOFError:
                upcoming = None
                await asyncio.to_thread(proc.join, 10)
                raise RuntimeError(f"the parser process stopped early (exit code {proc.exitcode})") from None
            if isinstance(sent, Failed):
                upcoming = None
                raise RuntimeError(sent.message)
            last = isinstance(sent, End)
            upcoming = None if last else asyncio.ensure_future(asyncio.to_thread(receiver.recv))
            yield sent
            if last:
                return
    finally:
        if proc.is_alive():
            proc.terminate()
        if upcoming is not None:  # the caller stopped early: the receive in flight ends with the child
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(upcoming, 10)
        receiver.close()
        with contextlib.suppress(Exception):
            await asyncio.to_thread(proc.join, 10)
