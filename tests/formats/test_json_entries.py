"""JSON entries documents: the example, master data, every error with its place, amounts, companies, key
order, the rejected-entries document, the published schema, streaming memory."""

from __future__ import annotations

import importlib.util
import io
import json
import random
import re
import tracemalloc
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ecluse.formats import json_entries as je
from ecluse.formats.json_entries import json_schema, open_json, rejected_document
from ecluse.formats.json_entries import parser as je_parser
from ecluse.formats.json_entries import schema as je_schema
from ecluse.formats.messages import english, has_text
from ecluse.formats.records import Entry, FileInfo, MasterRecord, ParseError, RejectedEntry
from ecluse.formats.registry import open_parser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "entries.json"
SCHEMA = ROOT / "docs" / "formats" / "ecluse-entries.schema.json"


@dataclass
class Parsed:
    fatal: ParseError | None
    info: FileInfo | None
    entries: list[Entry] = field(default_factory=list)
    rejected: list[RejectedEntry] = field(default_factory=list)
    master: list[MasterRecord] = field(default_factory=list)
    notes: list[ParseError] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # item kinds in the order they came
    line_count: int = 0
    bytes_read: int = 0
    late: ParseError | None = None  # `fatal` once the items are read

    @property
    def errors(self) -> list[ParseError]:
        return [e for r in self.rejected for e in r.errors] + [n for n in self.notes if n.severity == "error"]

    def lines(self) -> list[int]:
        return sorted(
            [ln.line for e in self.entries for ln in e.lines] + [n for r in self.rejected for n in r.lines]
        )


class OneWay(io.RawIOBase):
    """A stream that cannot seek (a pipe, a socket)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def parse(data: bytes | dict[str, Any], *, seekable: bool = True) -> Parsed:
    raw = json.dumps(data, ensure_ascii=False).encode() if isinstance(data, dict) else data
    stream: Any = io.BytesIO(raw) if seekable else io.BufferedReader(OneWay(raw))
    parsed = open_json(stream, "entries.json")
    out = Parsed(parsed.fatal, parsed.info)
    for item in parsed.items():
        out.order.append(type(item).__name__)
        if isinstance(item, Entry):
            out.entries.append(item)
        elif isinstance(item, RejectedEntry):
            assert item.errors and all(e.severity == "error" for e in item.errors)
            assert len(item.raw_lines) == len(item.lines)
            out.rejected.append(item)
        elif isinstance(item, MasterRecord):
            out.master.append(item)
        else:
            out.notes.append(item)
    out.line_count, out.bytes_read, out.late = parsed.line_count, parsed.bytes_read, parsed.fatal
    return out


def line(account: str = "411000", **fields: Any) -> dict[str, Any]:
    return {"account": account, **fields}


def entry(number: str = "VT0001", *lines: dict[str, Any], **fields: Any) -> dict[str, Any]:
    if not lines:
        lines = (line("411000", debit="100.00"), line("706000", credit="100.00"))
    return {
        "journal": "VT",
        "number": number,
        "date": "2026-01-31",
        "label": "Facture",
        **fields,
        "lines": list(lines),
    }


def doc(*entries: Any, **top: Any) -> dict[str, Any]:
    return {"version": 1, **top, "entries": list(entries)}


def only_error(p: Parsed) -> ParseError:
    assert len(p.rejected) == 1 and len(p.rejected[0].errors) == 1, p.rejected
    return p.rejected[0].errors[0]


# --- the example and master data ------------------------------------------------------------------------


def test_example_document() -> None:
    data = EXAMPLE.read_bytes()
    p = parse(data)
    assert p.fatal is None and p.late is None and not p.rejected and not p.notes
    assert p.info == FileInfo("JSON", "utf-8", "", "v1", None, None, ())
    assert [e.number for e in p.entries] == ["VT0001", "AC0001", "BQ0001", "OD0001"]
    assert [e.company for e in p.entries] == ["123456782", "123456782", "123456782", "FILIALE"]
    assert (
        sum(e.total_debit for e in p.entries)
        == sum(e.total_credit for e in p.entries)
        == 120000 + 15060 + 120000 + 250000
    )
    assert p.lines() == list(range(1, 12)) and p.line_count == 11 and p.bytes_read == len(data)
    sale, purchase, bank, payroll = p.entries
    assert (sale.journal_code, sale.journal_label, sale.date) == ("VT", "Ventes", date(2026, 1, 31))
    first = sale.lines[0]
    assert (first.account_number, first.account_label, first.aux_number, first.aux_label) == (
        "411000",
        "Clients",
        "C001",
        "Dupont SA",
    )
    assert (first.piece_ref, first.piece_date, first.label, first.debit, first.currency) == (
        "F1",
        date(2026, 1, 31),
        "Facture 1 Dupont SA",
        120000,
        "EUR",
    )
    assert [(ln.analytic, ln.label, ln.credit) for ln in sale.lines[1:3]] == [
        ("P1", "Conseil projet Alpha", 60000),
        ("P2", "Conseil projet Bêta", 40000),
    ]
    assert [(ln.debit, ln.credit) for ln in purchase.lines] == [
        (12550, 0),
        (2510, 0),
        (0, 15060),
    ]  # JSON numbers
    assert bank.lines[1].lettering == "A" and bank.lines[0].piece_ref == "VIR-0227"
    assert (
        payroll.journal_label == "Opérations diverses"
        and payroll.lines[0].account_label == "Rémunérations du personnel"
    )


def test_example_master_data() -> None:
    p = parse(EXAMPLE.read_bytes())
    records = {(m.kind, m.code): m for m in p.master}
    assert len(p.master) == 17 and p.order[:17] == ["MasterRecord"] * 17  # declared before the entries here
    assert records["journal", "VT"] == MasterRecord("journal", "VT", "Ventes", "sales", "123456782", 0)
    assert records["journal", "OD"] == MasterRecord(
        "journal", "OD", "Opérations diverses", "general", "FILIALE", 0
    )
    assert records["account", "641000"].company == "FILIALE"
    assert records["third_party", "F001"] == MasterRecord(
        "third_party", "F001", "Papeterie Dupré", "supplier", "123456782", 0
    )
    assert records["section", "P2"] == MasterRecord("section", "P2", "Projet Bêta", "", "123456782", 0)
    assert records["account", "512000"].nature == ""


def test_open_parser_reads_json() -> None:
    parsed = open_parser("JSON", io.BytesIO(EXAMPLE.read_bytes()), "entries.json")
    assert parsed.fatal is None and sum(isinstance(i, Entry) for i in parsed.items()) == 4


def test_items_can_be_read_once() -> None:
    parsed = open_json(io.BytesIO(EXAMPLE.read_bytes()))
    list(parsed.items())
    with pytest.raises(RuntimeError):
        list(parsed.items())


def test_declarations_defaults_and_errors() -> None:
    p = parse(
        {
            "version": 1,
            "journals": [
                {"code": "BQ", "label": "Banque", "kind": None},
                {"code": "X", "label": "X", "kind": "vente"},
            ],
            "thirdParties": [
                {"code": "C1", "name": "Dupont", "kind": "customer", "siret": "1"},
                {"name": "Sans code"},
            ],
            "accounts": [{"number": "", "label": "Vide"}, 3],
            "entries": [],
        }
    )
    assert p.master == [MasterRecord("journal", "BQ", "Banque", "", "", 0)]
    got = [(e.line, e.column, e.code, e.message) for e in p.notes]
    assert got == [
        (
            0,
            "journals[1].kind",
            "BAD_VALUE",
            "journal 2 (X): kind 'vente' must be one of bank, cash, purchases, sales, general or other",
        ),
        (
            0,
            "thirdParties[0].siret",
            "UNKNOWN_FIELD",
            "third party 1 (C1): unknown field 'siret'; known fields: code, name, kind, company",
        ),
        (0, "thirdParties[1].code", "MISSING_VALUE", "third party 2: code is missing"),
        (0, "accounts[0].number", "MISSING_VALUE", "account 1: number is empty"),
        (0, "accounts[1]", "WRONG_TYPE", "account 2: must be an object {…}, not the number 3"),
    ]


# --- entry errors: place and message ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "column", "code", "message"),
    [
        ({"debit": "12,5"}, "debit", "BAD_AMOUNT", "debit '12,5' is not an amount: write 12.50"),
        (
            {"debit": "1 234.50"},
            "debit",
            "BAD_AMOUNT",
            "debit '1 234.50' has thousands separators or spaces: write 1234.56",
        ),
        ({"debit": "12.345"}, "debit", "BAD_AMOUNT", "debit '12.345' has more than 2 decimals"),
        ({"debit": Decimal("12.345")}, "debit", "BAD_AMOUNT", "debit '12.345' has more than 2 decimals"),
        (
            {"debit": "1e3"},
            "debit",
            "BAD_AMOUNT",
            "debit '1e3' is not an amount: write 1234.56 (a dot before the cents, an optional minus)",
        ),
        (
            {"debit": True},
            "debit",
            "BAD_AMOUNT",
            """debit 'true' must be an amount like "1234.56" (a string or a number)""",
        ),
        (
            {"debit": "1234567890123456.00"},
            "debit",
            "BAD_AMOUNT",
            "debit '1234567890123456.00' is too large (at most 15 digits before the point)",
        ),
        (
            {"pieceDate": "31/01/2026"},
            "pieceDate",
            "BAD_DATE",
            "pieceDate '31/01/2026' is not a date in the YYYY-MM-DD form: write 2026-01-31",
        ),
        (
            {"dueDate": "2026-02-30"},
            "dueDate",
            "BAD_DATE",
            "dueDate '2026-02-30' is not a valid date (day 30 of 2026-02)",
        ),
        (
            {"dueDate": 20260228},
            "dueDate",
            "BAD_DATE",
            "dueDate '20260228' is not a date in the YYYY-MM-DD form: write \"2026-01-31\" (a string, in double quotes)",
        ),
        ({"debt": "1.00"}, "debt", "UNKNOWN_FIELD", "unknown field 'debt' (did you mean 'debit'?)"),
        (
            {"thirdParty": 411},
            "thirdParty",
            "WRONG_TYPE",
            "thirdParty must be a string (in double quotes), not the number 411",
        ),
        ({"label": "x" * 10_001}, "label", "TOO_LONG", "label is 10,001 characters long; at most 10,000"),
        ({"account": ""}, "account", "MISSING_VALUE", "account is empty"),
        (
            {"analytic": {"code": "P1"}},
            "analytic",
            "WRONG_TYPE",
            "analytic must be a string (in double quotes), not an object",
        ),
    ],
)
def test_line_error_names_its_place(fields: dict[str, Any], column: str, code: str, message: str) -> None:
    bad = {"account": "706000", "credit": "100.00", **fields}
    data = json.dumps(doc(entry("VT0001"), entry("VT0002", line(debit="100.00"), bad)), default=str).encode()
    data = data.replace(b'"12.345"', b"12.345") if isinstance(fields.get("debit"), Decimal) else data
    p = parse(data)
    assert [e.number for e in p.entries] == ["VT0001"]
    error = only_error(p)
    assert (error.line, error.column, error.code) == (4, f"entries[1].lines[1].{column}", code)
    assert error.message == f"entry 2 (VT VT0002), line 2: {message}"
    assert p.rejected[0].lines == (3, 4) and p.lines() == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("change", "column", "code", "message"),
    [
        (
            {"date": "2026-13-01"},
            "entries[0].date",
            "BAD_DATE",
            "date '2026-13-01' is not a valid date (month 13)",
        ),
        (
            {"currency": 978},
            "entries[0].currency",
            "WRONG_TYPE",
            "currency must be a string (in double quotes), not the number 978",
        ),
        (
            {"currency": "eur"},
            "entries[0].currency",
            "BAD_VALUE",
            "currency 'eur' must be a 3-letter ISO code in capitals (EUR)",
        ),
        ({"lines": []}, "entries[0].lines", "NO_LINES", "the entry has no lines"),
        (
            {"lines": {"account": "1"}},
            "entries[0].lines",
            "WRONG_TYPE",
            "lines must be an array […], not an object",
        ),
        ({"labl": "F1"}, "entries[0].labl", "UNKNOWN_FIELD", "unknown field 'labl' (did you mean 'label'?)"),
    ],
)
def test_entry_error_names_its_place(change: dict[str, Any], column: str, code: str, message: str) -> None:
    error = only_error(parse(doc({**entry(), **change})))
    assert (error.column, error.code, error.message) == (column, code, f"entry 1 (VT VT0001): {message}")
    assert error.line == (0 if code in ("NO_LINES", "WRONG_TYPE") and "lines" in column else 1)


def test_entry_named_by_what_it_has() -> None:
    error = only_error(parse(doc({**entry(), "journal": None})))
    assert error.message == "entry 1 (VT0001): journal must be a string (in double quotes), not null"


def test_missing_entry_keys_and_non_objects() -> None:
    p = parse(doc({"lines": [line(debit="1.00"), line(credit="1.00")]}, "VT0002", [1]))
    assert [(r.journal_code, r.number, r.lines) for r in p.rejected] == [
        ("", "", (1, 2)),
        ("", "", ()),
        ("", "", ()),
    ]
    assert [(e.column, e.code, e.message) for e in p.rejected[0].errors] == [
        ("entries[0].journal", "MISSING_VALUE", "entry 1: journal is missing"),
        ("entries[0].number", "MISSING_VALUE", "entry 1: number is missing"),
        ("entries[0].date", "MISSING_VALUE", "entry 1: date is missing"),
    ]
    assert [e.message for r in p.rejected[1:] for e in r.errors] == [
        "entry 2: must be an object {…}, not the string 'VT0002'",
        "entry 3: must be an object {…}, not an array",
    ]


def test_unbalanced_entry_is_refused_whole() -> None:
    p = parse(
        doc(
            entry(
                "VT0001", line(debit="100.00"), line("706000", credit="90.00"), line("445710", credit="9.99")
            )
        )
    )
    error = only_error(p)
    assert (error.line, error.column, error.code) == (1, None, "UNBALANCED_ENTRY")
    assert error.message == "Entry 1 (VT VT0001) is unbalanced: debit 100,00, credit 99,99, difference 0,01"
    assert error.values == {
        "entry": "1 (VT VT0001)", "debit": Decimal("100.00"), "credit": Decimal("99.99"), "difference": Decimal("0.01")
    }  # fmt: skip
    assert p.rejected[0].lines == (1, 2, 3)


def test_one_bad_line_refuses_the_entry_and_every_error_is_listed() -> None:
    p = parse(doc(entry("VT0001", line(debit="1,00", debt=1), line(credit="x"), line(credit="1.00"))))
    assert [(e.line, e.column, e.code) for e in p.rejected[0].errors] == [
        (1, "entries[0].lines[0].debit", "BAD_AMOUNT"),
        (1, "entries[0].lines[0].debt", "UNKNOWN_FIELD"),
        (2, "entries[0].lines[1].credit", "BAD_AMOUNT"),
    ]
    assert p.rejected[0].lines == (1, 2, 3) and not p.entries


def test_a_key_given_twice_is_ambiguous() -> None:
    text = b'{"version": 1, "entries": [{"journal": "VT", "number": "1", "date": "2026-01-31", "lines": [' \
        b'{"account": "411000", "debit": "1.00", "debit": "2.00"}, {"account": "706000", "credit": "1.00"}]}]}'  # fmt: skip
    error = only_error(parse(text))
    assert (error.line, error.column, error.code) == (1, "entries[0].lines[0].debit", "DUPLICATE_KEY")
    assert error.message == "entry 1 (VT 1), line 1: debit is given twice"


def test_too_many_lines() -> None:
    lines = [line(debit="1.00") for _ in range(10_010)] + [line(credit="10010.00")]
    p = parse(doc(entry("BIG", *lines), entry("VT0002")))
    big = p.rejected[0]
    assert big.lines == tuple(range(1, 10_002)) and big.raw_lines[1:] == ("",) * 10_000
    assert [(e.line, e.column, e.code) for e in big.errors] == [
        (1, "entries[0].lines", "TOO_MANY_LINES"),
        (10_002, "entries[0].lines[10001]", "TOO_MANY_LINES"),
    ]
    assert (
        big.errors[1].message
        == "entry 1 (VT BIG): its lines 10,002 to 10,011 (entries[0].lines[10001] and after) were not read either"
    )
    assert [ln.line for ln in p.entries[0].lines] == [10_012, 10_013] and p.line_count == 10_013


def test_oversized_entry_is_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(je_parser, "MAX_OBJECT_BYTES", 200 * 1024)
    label = "x" * 5_000
    lines = [line(debit="1.00", label=label) for _ in range(400)] + [line(credit="400.00")]
    p = parse(doc(entry("HUGE", *lines), entry("VT0002")) | {"padding": "y" * 70_000})
    huge = p.rejected[0]
    assert [e.code for e in huge.errors] == ["ENTRY_TOO_LARGE"] and huge.raw_lines[0] == ""
    assert (
        huge.errors[0].message
        == "entry 1 (VT HUGE): is larger than 200 KiB of JSON; it was not read (split it)"
    )
    assert huge.lines == tuple(range(1, 402)) and p.entries[0].lines[0].line == 402


# --- amounts ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "cents"),
    [
        (b'"1234.56"', 123456), (b'"1234.5"', 123450), (b'"1234"', 123400), (b'"-0.50"', -50), (b'""', 0),
        (b"1234.56", 123456), (b"1234", 123400), (b"1234.5", 123450), (b"12.500", 1250), (b"1.5e3", 150000),
        (b"0.1", 10), (b"null", 0), (b'"000012.30"', 1230), (b"9999999999999.99", 999999999999999),
    ],
)  # fmt: skip
def test_amounts_strings_and_numbers(written: bytes, cents: int) -> None:
    text = b'{"version": 1, "entries": [{"journal": "OD", "number": "1", "date": "2026-01-31", "lines": [' \
        b'{"account": "471000", "debit": ' + written + b'}, {"account": "471000", "credit": ' + written + b"}]}]}"  # fmt: skip
    p = parse(text)
    assert not p.rejected and p.late is None
    first, second = p.entries[0].lines
    assert (first.debit, first.credit, second.debit, second.credit) == (
        max(cents, 0),
        max(-cents, 0),
        max(-cents, 0),
        max(cents, 0),
    )


@pytest.mark.parametrize("written", [b"12.345", b"0.001", b"1e-3", b"1e15", b'"12.345"', b'"+1.00"', b'"1."', b'".50"',
                                     b'"1,234.56"', b'"NaN"', '"١٢"'.encode(), b"true", b"[1]"])  # fmt: skip
def test_amounts_refused(written: bytes) -> None:
    text = b'{"version": 1, "entries": [{"journal": "OD", "number": "1", "date": "2026-01-31", "lines": [' \
        b'{"account": "471000", "debit": ' + written + b'}, {"account": "471000", "credit": "1.00"}]}]}'  # fmt: skip
    error = only_error(parse(text))
    assert (error.line, error.column, error.code) == (1, "entries[0].lines[0].debit", "BAD_AMOUNT")
    assert error.message.startswith("entry 1 (OD 1), line 1: debit ")


def test_negative_amount_moves_to_the_other_side() -> None:
    p = parse(doc(entry("VT0001", line(debit="100.00"), line("706000", debit="-100.00"))))
    assert [(ln.debit, ln.credit) for ln in p.entries[0].lines] == [(10000, 0), (0, 10000)]
    assert [(n.line, n.column, n.code, n.severity) for n in p.notes] == [
        (2, "entries[0].lines[1].debit", "NEGATIVE_AMOUNT", "finding")
    ]
    assert (
        p.notes[0].message
        == "entry 1 (VT VT0001), line 2: debit '-100.00' is negative: recorded as debit 0,00, credit 100,00"
    )
    assert p.notes[0].values == {
        "field": "debit", "value": "-100.00", "debit": Decimal(0), "credit": Decimal("100.00"),
        "in_entry": "1 (VT VT0001)", "entry_line": 2,
    }  # fmt: skip
    assert p.order == ["ParseError", "Entry"]  # findings come just before their entry


def test_zero_and_both_sides_are_findings() -> None:
    p = parse(doc(entry("VT0001", line(debit="5.00", credit="5.00"), line("471000"))))
    assert [(n.line, n.code) for n in p.notes] == [(1, "DEBIT_AND_CREDIT"), (2, "ZERO_AMOUNT")]
    assert len(p.entries) == 1


def test_findings_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(je_parser, "FINDINGS_PER_CODE", 3)
    p = parse(doc(*(entry(f"VT{i}", line(debit="1.00"), line(debit="-1.00")) for i in range(5))))
    assert [n.code for n in p.notes] == ["NEGATIVE_AMOUNT"] * 4 and len(p.entries) == 5
    assert p.notes[-1] == ParseError(
        0, None, "NEGATIVE_AMOUNT", "2 more NEGATIVE_AMOUNT findings not listed (5 in all)", "finding",
        (("not_listed", 2), ("total", 5)),
    )  # fmt: skip


# --- companies and key order -----------------------------------------------------------------------------


def test_company_defaults_and_overrides() -> None:
    p = parse(
        {
            "version": 1,
            "company": "ACME",
            "accounts": [
                {"number": "411000", "label": "Clients"},
                {"number": "411000", "label": "Clients", "company": "BETA"},
            ],
            "entries": [
                entry("VT1"),
                entry("VT2", company="BETA"),
                entry("VT3", company=""),
                entry("VT4", company=None),
            ],
        }
    )
    assert [m.company for m in p.master] == ["ACME", "BETA"]
    assert [e.company for e in p.entries] == ["ACME", "BETA", "ACME", "ACME"]


def test_no_company_means_the_receiving_company() -> None:
    assert [e.company for e in parse(doc(entry())).entries] == [""]


@pytest.mark.parametrize("size", [1, 2_000])  # a small document is read whole on open; a big one streams
def test_keys_in_any_order(size: int) -> None:
    # sorted keys (Go maps, sort_keys=True): accounts, company, entries, journals, version
    sorted_doc = {
        "accounts": [{"number": "411000", "label": "Clients"}],
        "company": "ACME",
        "entries": [entry(f"VT{i:05d}") for i in range(size)],
        "journals": [{"code": "VT", "label": "Ventes", "kind": "sales"}],
        "version": 1,
    }
    p = parse(sorted_doc)
    assert p.late is None and len(p.entries) == size and not p.rejected
    assert (
        p.order[0] == "MasterRecord" and p.order[-1] == "MasterRecord" and p.order[1:-1] == ["Entry"] * size
    )
    assert {e.company for e in p.entries} == {m.company for m in p.master} == {"ACME"}
    assert p.entries[0].lines[0].account_label == "Clients" and p.entries[0].journal_label == ""


def test_late_company_on_a_stream_that_cannot_seek() -> None:
    late = {"version": 1, "entries": [entry(f"VT{i:05d}") for i in range(2_000)], "company": "ACME"}
    p = parse(late, seekable=False)
    assert len(p.entries) == 2_000 and {e.company for e in p.entries} == {""}
    assert p.late is not None and p.late.code == "LATE_COMPANY" and p.notes == [p.late]
    assert p.late.message.startswith(
        "The document's company 'ACME' comes after 2,000 objects read without it"
    )


def test_unknown_and_duplicate_top_level_keys() -> None:
    text = b'{"version": 1, "entires": [], "meta": {"a": [1, {"b": 2}]}, "entries": [], "entries": [1]}'
    p = parse(text)
    assert p.fatal is None and p.late is None and not p.rejected
    assert [(n.column, n.code, n.message) for n in p.notes] == [
        (
            "entires",
            "UNKNOWN_FIELD",
            "unknown key 'entires' in the document (did you mean 'entries'?); it was ignored",
        ),
        (
            "meta",
            "UNKNOWN_FIELD",
            "unknown key 'meta' in the document; known keys: version, company, journals, accounts, thirdParties, analyticSections, entries; it was ignored",
        ),
        ("entries", "DUPLICATE_KEY", '"entries" is given twice in the document; the second one is ignored'),
    ]


# --- the rejected-entries document -----------------------------------------------------------------------


def test_messages_are_derived_from_parameters() -> None:
    """Each error's English message is its code's template (formats/messages.py) filled with its parameters,
    the place it is about (in_entry, entry_line; declaration, in_record) included: the web app says it in
    French from the same parameters. BAD_AMOUNT and AMOUNT_TOO_LARGE still word their reason here."""
    p = parse(
        doc(
            entry("VT1", line(debit="10.00", credit="5.00"), line("471000"), line("706000", debit="-5.00")),
            entry("VT2", line(debit="1.00", debt=1), line(credit=True), line(thirdParty=4), currency="eur"),
            entry("VT3", line(debit="10.00"), line("706000", credit="9.00")),
            entry("VT4", line(debit="1.00"), line(credit="1.00"), date="2026-02-30", extra=None),
            "VT5",
            {"journal": "VT", "number": "VT6", "date": "2026-01-31", "lines": []},
            journals=[{"code": "X", "label": "X", "kind": "vente"}, 3],
            meta=1,
        )
    )
    errors = [*p.notes, *(e for r in p.rejected for e in r.errors)]
    assert {e.code for e in errors} >= {
        "DEBIT_AND_CREDIT", "ZERO_AMOUNT", "NEGATIVE_AMOUNT", "UNKNOWN_FIELD", "WRONG_TYPE", "BAD_VALUE",
        "UNBALANCED_ENTRY", "BAD_DATE", "NO_LINES", "BAD_AMOUNT",
    }  # fmt: skip
    for error in errors:
        if error.code not in ("BAD_AMOUNT", "AMOUNT_TOO_LARGE"):
            assert error.params and english(error.code, error.values) == error.message, error
    negative = next(e for e in errors if e.code == "NEGATIVE_AMOUNT")
    assert negative.values["in_entry"] == "1 (VT VT1)" and negative.values["entry_line"] == 3
    kind = next(e for e in errors if e.column == "journals[0].kind")
    assert (kind.values["declaration"], kind.values["in_record"]) == ("journals", "1 (X)")


def test_rejected_document_round_trip() -> None:
    original = {
        "version": 1,
        "company": "ACME",
        "entries": [
            entry("VT1"),
            entry(
                "VT2", line(debit="12,50"), line("706000", credit=Decimal("12.345"), label="Bâtiment « B »")
            ),
            entry("VT3"),
            entry("VT4", line(debit="10.00"), line("706000", credit="9.00"), company="BETA"),
            entry("VT5", line(debit="1.00", foo=[1, {"b": None}]), line(credit="1.00"), date="2026-02-30"),
        ],
    }
    first = parse(json.dumps(original, default=str).replace('"12.345"', "12.345").encode())
    assert [e.number for e in first.entries] == ["VT1", "VT3"]
    texts = [text for r in first.rejected for text in r.raw_lines]
    assert texts[1] == texts[3] == "" and '"company":"ACME"' in texts[0] and '"company":"BETA"' in texts[2]
    assert "12.345" in texts[0] and '"12.345"' not in texts[0]  # the number as written, not a string
    resent = rejected_document(texts)
    assert resent.startswith(b'{"version": 1, "entries": [\n') and json.loads(resent)["version"] == 1
    second = parse(resent)
    assert not second.entries and not second.notes and second.late is None

    def shape(r: RejectedEntry) -> list[tuple[str, str, str]]:
        return [(e.code, re.sub(r"entries\[\d+\]", "E", e.column or ""), re.sub(r"(?i)entry \d+", "entry N", e.message))
                for e in r.errors] + [("lines", str(len(r.lines)), "")]  # fmt: skip

    assert [shape(r) for r in first.rejected] == [shape(r) for r in second.rejected]
    fixed = resent.replace(b'"12,50"', b'"12.50"').replace(b"12.345", b"12.50").replace(b'"9.00"', b'"10.00"')
    fixed = fixed.replace(b',"foo":[1,{"b":null}]', b"").replace(b"2026-02-30", b"2026-02-28")
    again = parse(fixed)
    assert not again.rejected and [(e.number, e.company) for e in again.entries] == [
        ("VT2", "ACME"),
        ("VT4", "BETA"),
        ("VT5", "ACME"),
    ]


def test_entry_texts_for_entries_refused_after_the_parse() -> None:
    """Staging refuses some entries itself (unknown company, no open fiscal year): their texts are read again."""
    texts = list(je.entry_texts(io.BytesIO(EXAMPLE.read_bytes()), {9, 1, 2, 99}))
    assert [json.loads(t)["number"] for t in texts] == ["VT0001", "BQ0001"]
    assert all(json.loads(t)["company"] == "123456782" for t in texts)
    again = parse(rejected_document(texts))
    assert [(e.number, e.company, len(e.lines)) for e in again.entries] == [
        ("VT0001", "123456782", 4),
        ("BQ0001", "123456782", 2),
    ]
    assert list(je.entry_texts(io.BytesIO(b"[]"), {1})) == []
    big = _big(3_000)
    assert [json.loads(t)["number"] for t in je.entry_texts(io.BytesIO(big), {5_000, 5_999, 6_000})] == [
        "VT002499",
        "VT002999",
    ]


def test_rejected_document_of_nothing() -> None:
    assert json.loads(rejected_document(["", ""])) == {"version": 1, "entries": []}


# --- file-level errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code", "message"),
    [
        (b"", "EMPTY_FILE", "The file is empty"),
        (b" \r\n\t ", "EMPTY_FILE", "The file is empty"),
        (b"JournalCode\tJournalLib\n", "NOT_JSON", "The file is not a JSON document: it starts with 'JournalCode\tJournalLib', not '{'"),
        (b"[{}]", "NOT_AN_OBJECT", 'The document is a JSON array; it must be an object: {"version": 1, "entries": [...]} (to send entries alone, put the array under "entries")'),
        ('{"version": 1}'.encode("utf-16"), "BAD_ENCODING", "The file is encoded in UTF-16 (little-endian); JSON documents must be UTF-8"),
        ('{"version": 1}'.encode("utf-16-be"), "BAD_ENCODING", "The file looks encoded in UTF-16 (big-endian) without BOM; JSON documents must be UTF-8"),
        (b"%PDF-1.4 ...", "BINARY_FILE", "The file is a PDF document, not a text file; JSON documents must be UTF-8"),
        (b"PK\x03\x04\x14\x00", "BINARY_FILE", "The file is a ZIP archive (an .xlsx or .ods workbook?), not a text file; JSON documents must be UTF-8"),
        ('{"version": 1, "entries": [{"label": "Café"}]}'.encode("cp1252"), "BAD_ENCODING", "The document is not UTF-8: byte 0xE9 at line 1 (byte 42) is not UTF-8 text (ISO-8859-1 or Windows-1252?); JSON documents must be UTF-8"),
        (b'{"version": 2, "entries": []}', "UNSUPPORTED_VERSION", 'version 2 is not supported: this is version 1 of the format ("version": 1)'),
        (b'{"version": "1", "entries": []}', "UNSUPPORTED_VERSION", "version must be the number 1, not the string '1': write \"version\": 1"),
        (b'{"entries": []}', "MISSING_VERSION", 'The document has no "version": write "version": 1'),
        (b'{"version": 1, "journals": []}', "NO_ENTRIES", 'The document has no "entries" array'),
        (b'{"version": 1, "entries": {}}', "WRONG_TYPE", "entries must be an array of entries [...], not an object"),
        (b'{"version": 1, "company": 12, "entries": []}', "BAD_VALUE", "company must be a company code or SIREN in quotes, not the number 12"),
        (b'{"version": 1, "entries": [{"journal": "VT"', "TRUNCATED", "The document ends with '…, \"entries\": [{\"journal\": \"VT\"' (byte 43) instead of '}': it is incomplete (cut short while being written or sent?)"),
        (b'{"version": 1, "entries": [{"journal": "VT"}\n', "TRUNCATED", "The document is cut short: it stops at line 1, column 44 (byte 44) near 'ries\": [{\"journal\": \"VT\"}', before its end (a '}' is missing)"),
        (b'{"version": 1,\n "entries": [1 2]}', "NOT_JSON", "The document is not valid JSON at line 2, column 17 (byte 32) near 'ion\": 1,  \"entries\": [1 2]}': expected ',' or ']' (a comma missing?)"),
        (b'{"version": 1, "entries": [tru]}', "NOT_JSON", "The document is not valid JSON at line 1, column 31 (byte 31) near 'sion\": 1, \"entries\": [tru]}': unexpected word (true, false and null are lower case; strings need double quotes)"),
        (b'{"version": 1, "entries": []} {}', "NOT_JSON", "The document is not valid JSON at line 1, column 32 (byte 32) near 'ion\": 1, \"entries\": []} {}': there is more text after the end of the document"),
        (b'{"version": 1, "entries": [{"label": "a\\qb"}]}', "NOT_JSON", "The document is not valid JSON at line 1, column 41 (byte 41) near '\"entries\": [{\"label\": \"a\\qb\"}]}': a backslash in a string must start an escape: \\\\, \\\", \\n, \\t, \\uXXXX…"),
    ],
)  # fmt: skip
def test_file_level_errors(data: bytes, code: str, message: str) -> None:
    p = parse(data)
    assert p.fatal is not None and (p.fatal.line, p.fatal.code, p.fatal.message) == (0, code, message)
    if p.fatal.params and has_text(code):  # the message is derived from the parameters
        assert english(code, p.fatal.values) == message
    assert p.info is None and not p.order


def test_utf8_bom_is_accepted() -> None:
    p = parse(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert p.fatal is None and len(p.entries) == 4


def _big(entries: int, tail: bytes = b"]}") -> bytes:
    body = ",\n".join(json.dumps(entry(f"VT{i:06d}")) for i in range(entries))
    return b'{"version": 1, "entries": [\n' + body.encode() + tail


def test_syntax_error_in_the_middle_ends_the_document_late() -> None:
    data = _big(3_000)
    cut = data.index(b'"VT002000"')
    data = data[:cut] + b'"VT002000",,' + data[cut + 11 :]
    p = parse(data)
    assert p.fatal is None and len(p.entries) == 2_000  # everything before the error was read
    assert p.late is not None and p.late.code == "NOT_JSON" and p.notes == [p.late]
    found = re.fullmatch(
        r"The document is not valid JSON at line 2,002, column 41 \(byte ([\d,]+)\) near '(.*)': (.*)",
        p.late.message,
    )
    assert found is not None and found[3] == "a key must be a string in double quotes (a comma too many?)"
    at = int(found[1].replace(",", "")) - 1
    assert data[at - 2 : at] == b",," and found[2] == '", "number": "VT002000",, "date": "2026-'
    assert data[:at].count(b"\n") + 1 == 2_002


def test_truncated_document_that_cannot_seek_is_found_at_its_end() -> None:
    data = _big(2_000, tail=b"")
    p = parse(data, seekable=False)
    assert p.fatal is None and len(p.entries) == 2_000
    assert p.late is not None and p.late.code == "TRUNCATED"
    assert (
        p.late.message.startswith("The document is cut short: it stops at line 2,001")
        and "(byte " in p.late.message
    )


def test_truncated_seekable_document_fails_on_open() -> None:
    p = parse(_big(2_000, tail=b"]"))
    assert p.fatal is not None and p.fatal.code == "TRUNCATED" and p.info is None


def test_a_string_that_never_ends() -> None:
    data = b'{"version": 1, "entries": [{"journal": "' + b"x" * (3 << 20) + b'"}]}'
    p = parse(data)
    assert p.late is not None and p.late.code == "VALUE_TOO_LONG" and not p.entries


def test_a_number_python_cannot_hold() -> None:
    p = parse(b'{"version": 1, "entries": [{"journal": ' + b"1" * 5_000 + b"}]}")
    assert p.fatal is None and p.late is None  # an error on its field, not the whole document
    error = p.rejected[0].errors[0]  # (then: number, date and lines are missing)
    assert (error.code, error.column) == ("NUMBER_TOO_LONG", "entries[0].journal")
    assert (
        error.message
        == "entry 1: journal is a number of 5,000 characters: numbers have at most 64 digits in a row"
    )


def test_deep_nesting_is_not_built() -> None:
    data = (
        b'{"version": 1, "entries": [' + json.dumps(entry("VT1")).encode()[:-1] + b', "x": ' + b"[" * 50_000
    )
    data += b"]" * 50_000 + b"}]}"
    error = only_error(parse(data))
    assert (error.column, error.code) == ("entries[0].x", "UNKNOWN_FIELD")


# --- the published JSON Schema ---------------------------------------------------------------------------


def test_schema_file_is_in_sync() -> None:
    expected = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA.read_text(encoding="utf-8") == expected, (
        "regenerate: python -m ecluse.formats.json_entries > docs/formats/ecluse-entries.schema.json"
    )


def test_schema_describes_the_parser() -> None:
    schema = json_schema()
    assert schema["required"] == ["version", "entries"] and schema["additionalProperties"] is False
    assert schema["properties"]["version"] == {"const": 1, "title": "Version", "type": "integer"}
    line_schema = schema["$defs"]["LineIn"]
    assert line_schema["required"] == ["account"] and line_schema["additionalProperties"] is False
    pattern = re.compile(line_schema["properties"]["debit"]["anyOf"][0]["anyOf"][0]["pattern"])
    for text in [
        "1234.56",
        "-1.5",
        "",
        "0",
        "12,50",
        "1.",
        ".5",
        "+1",
        "1e3",
        "12.345",
        "١٢",
        "1234567890123456",
    ]:
        accepted = True
        try:
            je_schema._amount(text)
        except Exception:
            accepted = False
        assert bool(pattern.search(text)) == accepted, text
    date_schema = schema["$defs"]["EntryIn"]["properties"]["date"]
    assert date_schema["format"] == "date" and re.fullmatch(date_schema["pattern"], "2026-01-31")
    assert schema["$defs"]["EntryIn"]["properties"]["lines"]["maxItems"] == je_schema.MAX_LINES


# --- streaming ---------------------------------------------------------------------------------------------


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_json", ROOT / "bench" / "gen_json.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak(path: Path) -> tuple[int, Parsed]:
    tracemalloc.start()
    try:
        with open(path, "rb") as fh:
            parsed = open_json(fh, path.name)
            out = Parsed(parsed.fatal, parsed.info)
            for item in parsed.items():
                if isinstance(item, Entry):
                    out.entries.append(item) if len(out.entries) < 1 else None
                    out.line_count += len(item.lines)
                elif not isinstance(item, MasterRecord):
                    out.notes.append(item)  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    out.bytes_read = parsed.bytes_read
    return peak, out


def test_generated_document(tmp_path: Path) -> None:
    path = tmp_path / "generated.json"
    debit, credit = _generator().generate_json(path, 2_000, company="ACME", order="entries-first")
    p = parse(path.read_bytes())
    assert p.late is None and not p.rejected and not p.notes and p.line_count == 2_000
    assert sum(e.total_debit for e in p.entries) == debit == credit == sum(e.total_credit for e in p.entries)
    assert p.order[-1] == "MasterRecord" and p.order[0] == "Entry"  # declarations after the entries
    assert {e.company for e in p.entries} == {m.company for m in p.master} == {"ACME"}


def test_bounded_memory(tmp_path: Path) -> None:
    small, big = tmp_path / "small.json", tmp_path / "big.json"
    gen = _generator()
    gen.generate_json(small, 10_000)
    gen.generate_json(big, 50_000)
    small_peak, _ = _peak(small)
    big_peak, out = _peak(big)
    size = big.stat().st_size
    assert out.fatal is None and not out.notes and out.line_count == 50_000 and out.bytes_read == size
    assert big_peak < min(size / 4, 4 * 2**20), f"peak {big_peak} bytes for a {size}-byte document"
    assert big_peak < small_peak * 1.25, f"peak {big_peak} for 50k lines, {small_peak} for 10k"


def test_damaged_documents_never_raise() -> None:
    """Hostile input: random damage to the example is reported, never an exception, never a lost line."""
    base, rng = EXAMPLE.read_bytes(), random.Random(7)
    pieces = [
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b'"',
        b"null",
        b"-1",
        b"1e400",
        b"\\",
        b"\x00",
        b"\xff",
        b"12.345",
    ]
    for _ in range(300):
        data = bytearray(base)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(data))
            if rng.random() < 0.5:
                del data[at : at + rng.randint(1, 5)]
            else:
                data[at:at] = rng.choice(pieces)
        p = parse(bytes(data))
        if p.fatal is None and p.late is None:
            assert p.lines() == list(range(1, p.line_count + 1))
