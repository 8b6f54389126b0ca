"""What staging receives from the parser: compact chunks of plain tuples, built where the parse runs.

A big file is parsed in a child process (another core: the parse is pure Python and was half of staging's
time), a small one in a thread. Either way the same generator, `feed`, does the work: it parses, checks each
entry against the open fiscal years, and notes the master data seen for the first time. Plain tuples and
ISO dates cross a process boundary for a fraction of what dataclasses cost. No database here.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import multiprocessing
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from ecluse.formats.fec import open_fec
from ecluse.formats.records import Entry, FileInfo, ParseError, RejectedEntry

#: (line, account, aux, piece ref, piece date, label, debit, credit, lettering, lettering date,
#:  validation date, currency amount, currency) — dates as ISO text or None; labels of accounts and third
#:  parties travel once, in the chunk's master data.
WireLine = tuple[int, str, str, str, str | None, str, int, int, str, str | None, str | None, int | None, str]
#: (journal code, entry number, entry date ISO, first line, lines)
WireEntry = tuple[str, str, str, int, tuple[WireLine, ...]]
Year = tuple[int, date, date]  # (fiscal year id, start, end) of the company's open years

#: Files above this size are parsed in a child process; below, spawning one costs more than it saves.
PROCESS_THRESHOLD = 4 << 20


@dataclass(frozen=True, slots=True)
class Header:
    info: FileInfo | None
    fatal: ParseError | None


@dataclass(slots=True)
class Chunk:
    entries: list[WireEntry] = field(default_factory=list)
    refused: list[RejectedEntry] = field(default_factory=list)
    notes: list[ParseError] = field(default_factory=list)
    #: Master data met for the first time in the file, in this chunk.
    journals: dict[str, str] = field(default_factory=dict)
    accounts: dict[str, str] = field(default_factory=dict)
    parties: dict[str, tuple[str, str]] = field(default_factory=dict)
    year_counts: dict[int, int] = field(default_factory=dict)
    debit: int = 0
    credit: int = 0
    first: date | None = None
    last: date | None = None
    bytes_read: int = 0
    line_count: int = 0


@dataclass(frozen=True, slots=True)
class End:
    """The parse is complete (a feed that stops without it was cut short)."""

    line_count: int
    bytes_read: int


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
    def __init__(self, years: list[Year]) -> None:
        self.years = sorted(years, key=lambda y: y[1])
        self.year_of: dict[date, int | None] = {}
        self.journals: set[str] = set()
        self.accounts: set[str] = set()
        self.parties: set[str] = set()
        self.iso = _Iso()

    def year(self, day: date) -> int | None:
        try:
            return self.year_of[day]
        except KeyError:
            found = next((y for y, start, end in self.years if start <= day <= end), None)
            self.year_of[day] = found
            return found

    def chunk(self, items: list[Any]) -> Chunk:
        out = Chunk()
        for item in items:
            if isinstance(item, Entry):
                self._entry(item, out)
            elif isinstance(item, RejectedEntry):
                out.refused.append(item)
            else:
                out.notes.append(item)
        return out

    def _entry(self, entry: Entry, out: Chunk) -> None:
        year = self.year(entry.date)
        if year is None:
            message = f"{entry.date.isoformat()} falls outside every open fiscal year"
            error = ParseError(entry.lines[0].line, "EcritureDate", "NO_OPEN_FISCAL_YEAR", message)
            lines = tuple(line.line for line in entry.lines)
            out.refused.append(RejectedEntry(entry.journal_code, entry.number, lines, (), (error,)))
            return
        out.year_counts[year] = out.year_counts.get(year, 0) + 1
        if entry.journal_code not in self.journals:
            self.journals.add(entry.journal_code)
            out.journals[entry.journal_code] = entry.journal_label
        iso, accounts, parties = self.iso, self.accounts, self.parties
        debit = credit = 0
        wire: list[WireLine] = []
        for ln in entry.lines:
            if ln.account_number not in accounts:
                accounts.add(ln.account_number)
                out.accounts[ln.account_number] = ln.account_label
            if ln.aux_number and ln.aux_number not in parties:
                parties.add(ln.aux_number)
                out.parties[ln.aux_number] = (ln.aux_label, third_party_kind(ln.account_number))
            debit += ln.debit
            credit += ln.credit
            wire.append((
                ln.line, ln.account_number, ln.aux_number, ln.piece_ref, iso[ln.piece_date], ln.label, ln.debit,
                ln.credit, ln.lettering, iso[ln.lettering_date], iso[ln.validation_date], ln.currency_amount,
                ln.currency,
            ))  # fmt: skip
        out.debit += debit
        out.credit += credit
        day = iso[entry.date] or entry.date.isoformat()  # never None: an entry always has its date
        out.entries.append((entry.journal_code, entry.number, day, entry.lines[0].line, tuple(wire)))
        if out.first is None or entry.date < out.first:
            out.first = entry.date
        if out.last is None or entry.date > out.last:
            out.last = entry.date


Message = Header | Chunk | End


def feed(stream: BinaryIO, filename: str, chunk_size: int, years: list[Year]) -> Iterator[Message]:
    """The header, then chunks of at most `chunk_size` items in file order, then the end."""
    fec = open_fec(stream, filename)
    yield Header(fec.info, fec.fatal)
    if fec.fatal is not None or fec.info is None:
        yield End(0, fec.bytes_read)
        return
    feeder = _Feeder(years)
    items = fec.items()
    while batch := list(itertools.islice(items, chunk_size)):
        chunk = feeder.chunk(batch)
        chunk.bytes_read, chunk.line_count = fec.bytes_read, fec.line_count
        yield chunk
    yield End(fec.line_count, fec.bytes_read)


def _child(path: str, filename: str, chunk_size: int, years: list[Year], conn: Any) -> None:
    try:
        for message in _feed_file(path, filename, chunk_size, years):
            conn.send(message)
    except Exception as exc:
        conn.send(Failed(f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _feed_file(path: str, filename: str, chunk_size: int, years: list[Year]) -> Iterator[Message]:
    with open(path, "rb") as stream:
        yield from feed(stream, filename, chunk_size, years)


async def messages(
    path: Path, size: int, filename: str, chunk_size: int, years: list[Year]
) -> AsyncIterator[Message]:
    """The feed of a stored file, parsed in a child process (big files) or a thread (small ones); the
    next chunk is parsed while the caller stages the current one."""
    if size < PROCESS_THRESHOLD:
        source = _feed_file(str(path), filename, chunk_size, years)  # runs in the threads calling next()
        upcoming = asyncio.ensure_future(asyncio.to_thread(next, source, None))
        while True:
            message = await upcoming
            if message is None:
                return
            upcoming = asyncio.ensure_future(asyncio.to_thread(next, source, None))
            yield message
    # spawn, not fork: this process has threads (the database driver's, the event loop's executors).
    mp = multiprocessing.get_context("spawn")
    receiver, sender = mp.Pipe(duplex=False)
    proc = mp.Process(target=_child, args=(str(path), filename, chunk_size, years, sender), daemon=True)
    await asyncio.to_thread(proc.start)
    sender.close()
    try:
        while True:
            try:
                sent: Message | Failed = await asyncio.to_thread(receiver.recv)
            except EOFError:
                await asyncio.to_thread(proc.join, 10)
                raise RuntimeError(f"the parser process stopped early (exit code {proc.exitcode})") from None
            if isinstance(sent, Failed):
                raise RuntimeError(sent.message)
            yield sent
            if isinstance(sent, End):
                return
    finally:
        receiver.close()
        if proc.is_alive():
            proc.terminate()
        with contextlib.suppress(Exception):
            await asyncio.to_thread(proc.join, 10)
