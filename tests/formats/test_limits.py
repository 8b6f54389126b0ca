"""The limits every parser enforces (formats/limits.py, money.py): one plain test per error code, the
tables against the database models, and the line reader's bounded memory and line ends."""

from __future__ import annotations

import io
import tracemalloc
from datetime import date
from typing import Any

import pytest

from ecluse import money
from ecluse.formats import limits, records
from ecluse.formats.json_entries.parser import MAX_TOKEN_BYTES
from ecluse.formats.layout import Layout
from ecluse.formats.reader import LineReader, LongLine
from ecluse.formats.records import ParseError, RejectedEntry
from ecluse.formats.registry import open_parser
from ecluse.imports.feed import Chunk, Source, Target, feed
from ecluse.imports.models import ImportIssue
from ecluse.ledger import models as ledger
from tests.formats import samples as s
from tests.formats import tra_build as tb

MAX = "9999999999999,99"  # money.AMOUNT_MAX, as a FEC writes it
OVER = "10000000000000,00"  # one cent more

# --- the tables match the database ---------------------------------------------------------------------


def _max_length(model: Any, name: str) -> int:
    return int(model._meta.fields_map[name].max_length)


def test_field_maximums_are_the_columns_max_lengths() -> None:
    columns = {
        "journal_code": (ledger.Journal, "code"), "journal_label": (ledger.Journal, "label"),
        "entry_number": (ledger.Entry, "number"), "account_number": (ledger.Account, "number"),
        "account_label": (ledger.Account, "label"), "aux_number": (ledger.ThirdParty, "code"),
        "aux_label": (ledger.ThirdParty, "name"), "piece_ref": (ledger.EntryLine, "piece_ref"),
        "label": (ledger.EntryLine, "label"), "lettering": (ledger.EntryLine, "lettering"),
        "currency": (ledger.EntryLine, "currency"), "analytic": (ledger.EntryLine, "analytic"),
        "company": (ledger.Company, "code"), "invoice_ref": (ledger.EntryLine, "invoice_ref"),
    }  # fmt: skip
    assert set(columns) == set(limits.FIELD_MAX)
    assert {f: _max_length(*c) for f, c in columns.items()} == limits.FIELD_MAX
    assert _max_length(ledger.AnalyticSection, "code") == limits.FIELD_MAX["analytic"]
    codes = {"journal": ledger.Journal, "account": ledger.Account, "third_party": ledger.ThirdParty,
             "section": ledger.AnalyticSection}  # fmt: skip
    assert {k: _max_length(m, "number" if k == "account" else "code") for k, m in codes.items()} == (
        limits.MASTER_CODE_MAX
    )
    labels = {_max_length(m, "name" if k == "third_party" else "label") for k, m in codes.items()}
    assert labels == {limits.MASTER_LABEL_MAX}
    assert _max_length(ImportIssue, "column") == records.COLUMN_MAX
    assert _max_length(ImportIssue, "code") == records.CODE_MAX


def test_amount_limits_nest_and_fit_a_signed_64_bit_sum() -> None:
    assert money.AMOUNT_MAX < money.ENTRY_TOTAL_MAX < money.BATCH_TOTAL_MAX < money.LEDGER_TOTAL_MAX
    assert 2 * money.LEDGER_TOTAL_MAX + money.BATCH_TOTAL_MAX < 2**63  # debit + credit, and one more batch
    assert money.to_minor(money.to_decimal(money.AMOUNT_MAX)) == money.AMOUNT_MAX


def test_parse_error_is_cut_to_what_the_issue_table_holds() -> None:
    error = ParseError(3, "x" * 500, "BAD_AMOUNT", "y" * 100_000)
    assert len(error.column or "") == records.COLUMN_MAX and error.column.endswith("…")  # type: ignore[union-attr]
    assert len(error.message) == records.MESSAGE_MAX and error.message.endswith("…")
    assert ParseError(3, "Debit", "BAD_AMOUNT", "short") == ParseError(3, "Debit", "BAD_AMOUNT", "short")


# --- LINE_TOO_LONG ---------------------------------------------------------------------------------------


class Endless(io.RawIOBase):
    """`size` bytes of `fill` (then `tail`), made as they are read: no test holds the whole file."""

    def __init__(self, head: bytes, size: int, tail: bytes = b"", fill: bytes = b"x") -> None:
        self._parts = [head, tail]
        self._left, self._fill = size, fill

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._parts[0]:
            n = min(len(buffer), len(self._parts[0]))
            buffer[:n], self._parts[0] = self._parts[0][:n], self._parts[0][n:]
            return n
        if self._left:
            n = min(len(buffer), self._left)
            buffer[:n] = self._fill * n
            self._left -= n
            return n
        n = min(len(buffer), len(self._parts[1]))
        buffer[:n], self._parts[1] = self._parts[1][:n], self._parts[1][n:]
        return n


def _peak_reading(size: int) -> tuple[int, list[int]]:
    """Peak traced bytes while reading a line of `size` characters between two short lines."""
    tracemalloc.start()
    try:
        stream = io.BufferedReader(Endless(b"first\n", size, b"\nlast\n"))
        lengths = [getattr(line, "length", len(line)) for line in LineReader(stream).lines()]
        return tracemalloc.get_traced_memory()[1], lengths
    finally:
        tracemalloc.stop()


def test_a_line_without_end_is_read_in_bounded_memory() -> None:
    small, lengths = _peak_reading(1 << 20)
    assert lengths == [5, 1 << 20, 4]
    big, lengths = _peak_reading(16 << 20)
    assert lengths == [5, 16 << 20, 4]
    # 16 times longer, the same memory: never more than the maximum line (64 Ki characters) and a block
    assert big < 4 * limits.MAX_LINE + 256 * 1024
    assert big < small * 1.25


@pytest.mark.parametrize("block", [3, 4, 5, 7, 64])  # (the first block must hold the first line end)
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_ends_across_block_boundaries(block: int, eol: str) -> None:
    # In a CRLF file a lone LF or CR stays in its line; a LF or CR file also takes CRLF as a line end.
    odd = "lone\nLF and lone\rCR" if eol == "\r\n" else "with\r\nCRLF"
    text = eol.join(["H", "a\tb", "", odd, "é€ù", "last\r"]) + eol
    expected = ["H", "a\tb", "", *([odd] if eol == "\r\n" else ["with", "CRLF"]), "é€ù"]
    # "last\r": a CR kept in a CRLF file, a line end in a CR one (then an empty line), dropped before LF
    expected += {"\r\n": ["last\r"], "\r": ["last", ""], "\n": ["last"]}[eol]
    assert list(LineReader(io.BytesIO(text.encode()), block).lines()) == expected
    assert list(LineReader(io.BytesIO(text.encode()), 1 << 16).lines()) == expected


def test_a_long_line_comes_alone_with_its_start_and_length() -> None:
    data = b"head\n" + b"y" * 300 + b"\nshort\n" + b"z" * 250
    blocks = list(LineReader(io.BytesIO(data), 64, max_line=200).blocks())
    assert blocks[0] == ["head"]
    assert [type(b[0]) for b in blocks[1:]] == [LongLine, str, LongLine]
    long = blocks[1][0]
    assert isinstance(long, LongLine) and long == "y" * 300 and long.length == 300  # (under 1,000: whole)
    assert blocks[2] == ["short"] and blocks[3][0].length == 250  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["FEC", "TRA", "CSV"])
def test_a_header_line_too_long_fails_the_file(fmt: str) -> None:
    head = {"FEC": s.FEC_HEADER.encode(), "TRA": b"***S5CLIJRLSTD", "CSV": s.CSV_HEADER.encode()}[fmt]
    size = (limits.MAX_CUSTOM_LINE if fmt == "CSV" else limits.MAX_LINE) + 1
    data = head + b"\t" * size + b"\n" + s.sample(fmt).split(b"\n", 1)[1]
    p = s.parse(fmt, data)
    assert p.fatal is not None and (p.fatal.code, p.fatal.line) == ("LINE_TOO_LONG", 1)
    assert f"has {len(head.decode()) + size:,} characters" in p.fatal.message and p.info is None


@pytest.mark.parametrize("fmt", ["FEC", "TRA", "CSV", "FIXED"])
def test_a_data_line_too_long_refuses_its_entry_only(fmt: str) -> None:
    lines = s.sample(fmt, entries=3).split(b"\n")
    at = {"FEC": 3, "TRA": 4, "CSV": 3, "FIXED": 2}[fmt]  # the first line of entry 2
    size = limits.MAX_CUSTOM_LINE if fmt in ("CSV", "FIXED") else limits.MAX_LINE
    lines[at] = lines[at] + b" " * size  # the line as it was, then more than the maximum
    p = s.parse(fmt, b"\n".join(lines))
    assert p.fatal is None and len(p.entries) == 2
    [refused] = p.rejected
    error = next(e for e in refused.errors if e.code == "LINE_TOO_LONG")
    assert error.line == at + 1 and at + 1 in refused.lines
    assert f"at most {size:,}" in error.message
    assert max(len(text) for text in refused.raw_lines) <= 1000  # the start is kept, not the line


# --- FIELD_TOO_LONG -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "column"),
    [
        ({"CompteNum": "4" * 300}, "CompteNum"),
        ({"JournalCode": "J" * 300}, "JournalCode"),
        ({"EcritureLib": "L" * 301}, "EcritureLib"),
        ({"EcritureNum": "N" * 41}, "EcritureNum"),
        ({"Idevise": "EURO"}, "Idevise"),
        ({"EcritureLet": "A" * 21}, "EcritureLet"),
    ],
)
def test_fec_field_too_long(fields: dict[str, str], column: str) -> None:
    rows = s.fec_entry("VT1", ["100,00"]) + s.fec_entry("VT2", ["100,00"])
    bad = s.fec_row(**{"EcritureNum": "VT2", "Debit": "100,00", **fields})
    p = s.parse("FEC", s.fec_file([*rows[:2], bad, rows[3]]))
    assert [e.number for e in p.entries] == ["VT1"]
    error = next(e for e in p.errors if e.code == "FIELD_TOO_LONG")
    limit = limits.FIELD_MAX[{"CompteNum": "account_number", "JournalCode": "journal_code", "EcritureLib": "label",
                              "EcritureNum": "entry_number", "Idevise": "currency", "EcritureLet": "lettering"}[column]]  # fmt: skip
    assert (error.line, error.column) == (4, column) and error.message.endswith(f"; at most {limit:,}")
    assert len(error.message) < 200  # the value is quoted cut


def test_json_field_too_long_names_its_path() -> None:
    entry = s.json_entry("VT1", ["100.00"])
    entry["lines"][1]["account"] = "7" * 10_000
    p = s.parse("JSON", s.json_file(s.json_entry("VT0", ["1.00"]), entry))
    assert len(p.entries) == 1 and p.fatal is None and p.late is None
    [error] = p.errors
    assert (error.code, error.column, error.line) == ("FIELD_TOO_LONG", "entries[1].lines[1].account", 4)
    assert error.message.endswith("is 10,000 characters long; at most 40")


def test_json_declaration_and_document_company_too_long() -> None:
    data = s.json_file(s.json_entry("VT1", ["1.00"]), journals=[{"code": "J" * 21, "label": "Journal"}])
    p = s.parse("JSON", data)
    assert [(e.code, e.column) for e in p.errors] == [("FIELD_TOO_LONG", "journals[0].code")]
    p = s.parse("JSON", s.json_file(s.json_entry("VT1", ["1.00"]), company="C" * 41))
    assert p.fatal is not None and (p.fatal.code, p.fatal.column) == ("FIELD_TOO_LONG", "company")


@pytest.mark.parametrize("fmt", ["CSV", "FIXED"])
def test_custom_field_too_long(fmt: str) -> None:
    row, build = (s.csv_row, s.csv_file) if fmt == "CSV" else (s.fixed_row, s.fixed_file)
    rows = [row("1", "411000", debit="1,00"), row("1", "706000", credit="1,00"),
            row("2", "4" * 50, debit="1,00"), row("2", "706000", credit="1,00")]  # fmt: skip
    p = s.parse(fmt, build(rows))
    assert len(p.entries) == 1
    [error] = p.errors
    assert (
        error.code == "FIELD_TOO_LONG" and error.column is not None and error.column.startswith("account (")
    )
    assert error.message.endswith("is 50 characters long; at most 40")


def test_custom_piece_ref_numbering_the_entry_is_an_entry_number() -> None:
    lay = {"columns": {"journal": 1, "date": 2, "pieceRef": 3, "account": 4, "debit": 5, "credit": 6}}
    data = (
        "J;D;P;A;D;C\nVT;15/01/2025;"
        + "P" * 60
        + ";411000;1,00;\nVT;15/01/2025;"
        + "P" * 60
        + ";706000;;1,00\n"
    )
    parsed = open_parser("CUSTOM", io.BytesIO(data.encode()), "x.csv", layout=lay)
    [refused] = list(parsed.items())
    assert isinstance(refused, RejectedEntry)
    assert [e.code for e in refused.errors] == [
        "FIELD_TOO_LONG"
    ] and "at most 40 (it numbers the entry, as entryNumber is empty)" in (refused.errors[0].message)


def test_tra_fields_fit_by_their_widths() -> None:
    line = tb.movement(journal="JJJ", general="G" * 17, aux="A" * 17, ref="R" * 35, label="L" * 35,
                       number="99999999", currency="EUR", account_type="X")  # fmt: skip
    other = tb.movement(journal="JJJ", general="706000", sens="C", ref="R" * 35, label="L" * 35,
                        number="99999999", currency="EUR")  # fmt: skip
    p = s.parse("TRA", s.tra_file([line, other]))
    [entry] = p.entries
    for ln in entry.lines:
        for name, limit in limits.FIELD_MAX.items():
            assert len(getattr(ln, name, "")) <= limit


def test_layout_codes_within_their_columns() -> None:
    with pytest.raises(ValueError, match="at most 20 characters"):
        Layout.model_validate({**s.CSV_LAYOUT, "journal": "J" * 21})
    with pytest.raises(ValueError, match="accounts have at most 40 characters"):
        Layout.model_validate({**s.CSV_LAYOUT, "vatAmount": None, "vatAccounts": {"T1": "4" * 41}})


# --- numbers too long, amounts too large ---------------------------------------------------------------


def _wide_fixed(rows: list[tuple[str, str, str, str]]) -> s.Result:
    """A fixed-width file whose debit column holds 100,010 characters."""
    columns = {**s.FIXED_LAYOUT["columns"], "debit": {"start": 107, "length": 100_010},
               "credit": {"start": 100_117, "length": 16}}  # fmt: skip
    lines = [
        s.fixed_row(n, account)[:106] + debit.rjust(100_010) + credit.rjust(16)
        for n, account, debit, credit in rows
    ]
    parsed = open_parser(
        "CUSTOM", io.BytesIO(s.fixed_file(lines)), "x.txt", layout={**s.FIXED_LAYOUT, "columns": columns}
    )
    return s.Result(parsed.fatal, parsed.info, list(parsed.items()))


@pytest.mark.parametrize(("fmt", "digits"), [("FEC", 60_000), ("CSV", 100_000), ("FIXED", 9_990)])
def test_a_number_of_thousands_of_digits_is_an_error_on_its_line(fmt: str, digits: int) -> None:
    # (a FEC line holds at most 65,536 characters, a fixed-width field 10,000: longer is LINE_TOO_LONG)
    huge = "9" * digits + ",00"
    if fmt == "FEC":
        rows = [
            s.fec_row(EcritureNum="VT2", Debit=huge),
            s.fec_row(EcritureNum="VT2", CompteNum="706000", Credit="1,00"),
        ]
        p = s.parse(fmt, s.fec_file(s.fec_entry("VT1", ["1,00"]) + rows))
    elif fmt == "CSV":
        rows = [s.csv_row("2", "411000", debit=huge), s.csv_row("2", "706000", credit="1,00")]
        p = s.parse(fmt, s.csv_file(s.csv_entry("1", ["1,00"]) + rows))
    else:
        columns = {**s.FIXED_LAYOUT["columns"], "debit": {"start": 107, "length": 10_000},
                   "credit": {"start": 10_107, "length": 16}}  # fmt: skip
        rows = [(n, a, d, c) for n, a, d, c in [("1", "411000", "1,00", ""), ("1", "706000", "", "1,00"),
                                               ("2", "411000", huge, ""), ("2", "706000", "", "1,00")]]  # fmt: skip
        text = s.fixed_file([s.fixed_row(n, a)[:106] + d.rjust(10_000) + c.rjust(16) for n, a, d, c in rows])
        parsed = open_parser(
            "CUSTOM", io.BytesIO(text), "x.txt", layout={**s.FIXED_LAYOUT, "columns": columns}
        )
        p = s.Result(parsed.fatal, parsed.info, list(parsed.items()))
    assert p.fatal is None and len(p.entries) == 1
    [error] = p.errors
    assert (error.code, error.line) == ("BAD_AMOUNT", 4 if fmt != "FIXED" else 3)
    assert "too large" in error.message and len(error.message) < 200


def test_json_number_too_long_is_an_error_on_its_field() -> None:
    entry = s.json_entry("VT1", ["1.00"])
    text = s.json_file(s.json_entry("VT0", ["1.00"]), entry).replace(b'"1.00"}', b"1" * 100_000 + b"}", 1)
    p = s.parse("JSON", text)
    assert p.fatal is None and p.late is None
    [error] = p.errors
    assert (error.code, error.column) == ("NUMBER_TOO_LONG", "entries[0].lines[0].debit")
    assert "100,000 characters" in error.message


def test_json_value_too_long_says_where() -> None:
    entry = s.json_entry("VT1", ["1.00"], label="x" * (MAX_TOKEN_BYTES + (1 << 17)))
    p = s.parse("JSON", s.json_file(s.json_entry("VT0", ["1.00"]), entry))
    assert p.late is not None and (p.late.code, p.late.column) == ("VALUE_TOO_LONG", "entries[1].label")


@pytest.mark.parametrize("fmt", ["FEC", "TRA", "JSON", "CSV", "FIXED"])
def test_amount_too_large(fmt: str) -> None:
    data = {
        "FEC": lambda: s.fec_file(s.fec_entry("VT1", [MAX]) + s.fec_entry("VT2", [OVER])),
        "TRA": lambda: s.tra_file(s.tra_entry("1", [money.AMOUNT_MAX]) + s.tra_entry("2", [money.AMOUNT_MAX + 1])),
        "JSON": lambda: s.json_file(s.json_entry("VT1", [MAX.replace(",", ".")]),
                                    s.json_entry("VT2", [OVER.replace(",", ".")])),
        "CSV": lambda: s.csv_file(s.csv_entry("1", [MAX]) + s.csv_entry("2", [OVER])),
        "FIXED": lambda: s.fixed_file(s.fixed_entry("1", [MAX]) + s.fixed_entry("2", [OVER])),
    }[fmt]()  # fmt: skip
    p = s.parse(fmt, data)
    [entry] = p.entries
    assert entry.total_debit == money.AMOUNT_MAX
    [refused] = p.rejected
    codes = [e.code for e in refused.errors]
    assert codes and set(codes) == {"AMOUNT_TOO_LARGE"}
    assert "10000000000000" in refused.errors[0].message and "9999999999999" in refused.errors[0].message


def test_fec_currency_amount_too_large() -> None:
    rows = s.fec_entry("VT1", ["1,00"], Montantdevise="1,00", Idevise="USD")
    rows[0] = s.fec_row(EcritureNum="VT1", Debit="1,00", Montantdevise=OVER, Idevise="USD")
    p = s.parse("FEC", s.fec_file(rows))
    assert [(e.code, e.column) for e in p.errors] == [("AMOUNT_TOO_LARGE", "Montantdevise")]


def test_negative_amounts_moved_over_cannot_pass_the_limit_together() -> None:
    row = s.fec_row(EcritureNum="VT1", Debit=MAX, Credit="-" + MAX)  # debit MAX, and MAX more moved over
    p = s.parse("FEC", s.fec_file([row, s.fec_row(EcritureNum="VT1", CompteNum="706000", Credit=MAX)]))
    assert "AMOUNT_TOO_LARGE" in p.codes() and not p.entries


@pytest.mark.parametrize("fmt", ["FEC", "TRA", "JSON", "CSV", "FIXED"])
def test_entry_total_too_large(fmt: str) -> None:
    ten, eleven = [MAX] * 10, [MAX] * 11
    data = {
        "FEC": lambda: s.fec_file(s.fec_entry("VT1", ten) + s.fec_entry("VT2", eleven)),
        "TRA": lambda: s.tra_file(s.tra_entry("1", [money.AMOUNT_MAX] * 10) + s.tra_entry("2", [money.AMOUNT_MAX] * 11)),
        "JSON": lambda: s.json_file(s.json_entry("VT1", [a.replace(",", ".") for a in ten]),
                                    s.json_entry("VT2", [a.replace(",", ".") for a in eleven])),
        "CSV": lambda: s.csv_file(s.csv_entry("1", ten) + s.csv_entry("2", eleven)),
        "FIXED": lambda: s.fixed_file(s.fixed_entry("1", ten) + s.fixed_entry("2", eleven)),
    }[fmt]()  # fmt: skip
    p = s.parse(fmt, data)
    [entry] = p.entries
    assert entry.total_debit == 10 * money.AMOUNT_MAX <= money.ENTRY_TOTAL_MAX
    [refused] = p.rejected
    assert [e.code for e in refused.errors] == ["ENTRY_TOTAL_TOO_LARGE"]
    assert len(refused.lines) == 22 and "split it" in refused.errors[0].message


def test_batch_total_too_large_refuses_the_entries_past_it() -> None:
    big = [MAX] * 10  # 9,999,999,999,999,990 cents of debits: ten of them fit 10^17, not eleven
    rows = [row for n in range(1, 12) for row in s.fec_entry(f"VT{n:02}", big)]
    rows += s.fec_entry("VT12", ["1,01"]) + s.fec_entry("VT13", ["0,50"])  # 100 cents short of 10^17
    target = Target(companies={"": 1}, years={1: [(1, date(2025, 1, 1), date(2025, 12, 31))]})
    chunks = [
        m
        for m in feed(io.BytesIO(s.fec_file(rows)), "x.txt", 1000, target, Source("FEC"))
        if isinstance(m, Chunk)
    ]
    kept = [number for c in chunks for number in c.entries.number]
    refused = {r.number: [e.code for e in r.errors] for c in chunks for r in c.refused}
    assert kept == [f"VT{n:02}" for n in range(1, 11)] + ["VT13"]
    assert refused == {"VT11": ["BATCH_TOTAL_TOO_LARGE"], "VT12": ["BATCH_TOTAL_TOO_LARGE"]}
    assert sum(t.debit for c in chunks for t in c.totals.values()) <= money.BATCH_TOTAL_MAX
