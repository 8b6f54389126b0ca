"""FEC writer (A47 A-1 LPF), pure: rows in, text out. The reverse of formats/fec.py.

The file is the legal layout: a header line with the 18 column names, then one line per entry line, fields
separated by TAB, amounts with a decimal comma and no thousands separator ("1234,56"), dates YYYYMMDD, lines
ending in LF. Text is written as `str`; the caller encodes it (UTF-8). A TAB, CR or LF inside a value would
break the layout: it becomes a space.

Rows are `FecRow` named tuples (fast to build: the export makes one per entry line). `FecWriter.rows`
formats a page of rows at a time, so a caller streams a ledger of any size with bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from typing import NamedTuple

from ecluse.formats.fec import COLUMNS
from ecluse.money import exponent_or, format_amount

HEADER = "\t".join(COLUMNS) + "\n"
_CLEAN = str.maketrans({"\t": " ", "\r": " ", "\n": " "})
_SEPARATORS = len(COLUMNS) - 1


class FecRow(NamedTuple):
    """One FEC line. Amounts are integer minor units (never negative for Debit/Credit): Debit and Credit in
    the company's currency, Montantdevise in Idevise's; dates `date` or None."""

    journal_code: str
    journal_label: str
    entry_number: str
    entry_date: date
    account_number: str
    account_label: str
    aux_number: str
    aux_label: str
    piece_ref: str
    piece_date: date | None
    label: str
    debit: int
    credit: int
    lettering: str
    lettering_date: date | None
    validation_date: date | None
    currency_amount: int | None
    currency: str


def fec_file_name(siren: str, closing: date) -> str:
    """The name the law gives the file: `{SIREN}FEC{closing date YYYYMMDD}.txt` (A47 A-1 IX)."""
    return f"{siren}FEC{closing:%Y%m%d}.txt"


def clean(value: str) -> str:
    """A value that cannot break the layout: TAB, CR and LF become spaces."""
    return value.translate(_CLEAN)


class FecWriter:
    """Formats rows as FEC lines, amounts with the decimals of the company's currency (`places`) and
    Montantdevise with those of its Idevise. Keeps formatted dates (a ledger has few distinct days)."""

    def __init__(self, places: int = 2) -> None:
        self._days: dict[date | None, str] = {None: ""}
        self._places = places

    def _foreign_places(self, currency: str) -> int:
        """Decimals of a Montantdevise in `currency` (Idevise); the company's when Idevise names none."""
        return exponent_or(currency, self._places)

    def header(self) -> str:
        return HEADER

    def rows(self, rows: Iterable[FecRow]) -> str:
        """The lines of `rows`, each ending in LF ("" for no rows)."""
        days, day, places, foreign = self._days, self._day, self._places, self._foreign_places
        out: list[str] = []
        add = out.append
        for (
            jc,
            jl,
            num,
            ed,
            acc,
            accl,
            aux,
            auxl,
            ref,
            pd,
            lib,
            debit,
            credit,
            let,
            dl,
            vd,
            camt,
            cur,
        ) in rows:
            fields = (
                jc, jl, num, days[ed] if ed in days else day(ed), acc, accl, aux, auxl, ref,
                days[pd] if pd in days else day(pd), lib,
                format_amount(debit, places), format_amount(credit, places),
                let, days[dl] if dl in days else day(dl), days[vd] if vd in days else day(vd),
                "" if camt is None else format_amount(camt, foreign(cur)), cur,
            )  # fmt: skip
            line = "\t".join(fields)
            if line.count("\t") != _SEPARATORS or "\n" in line or "\r" in line:
                line = "\t".join(clean(field) for field in fields)
            add(line)
        if not out:
            return ""
        out.append("")
        return "\n".join(out)

    def _day(self, value: date | None) -> str:
        if len(self._days) > 10_000:  # keep the cache bounded (in place: `rows` holds it)
            self._days.clear()
            self._days[None] = ""
        text = self._days[value] = "" if value is None else f"{value:%Y%m%d}"
        return text


def write_fec(rows: Iterable[FecRow], lines_per_chunk: int = 5000, places: int = 2) -> Iterator[str]:
    """The whole file as text chunks: the header, then the rows `lines_per_chunk` at a time."""
    writer = FecWriter(places)
    yield writer.header()
    source = iter(rows)
    while page := list(islice(source, lines_per_chunk)):
        yield writer.rows(page)
