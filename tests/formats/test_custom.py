"""Custom-layout parser: every layout option with its edge cases, encodings, grouping, refusals."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import tracemalloc
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ecluse.formats.custom import closing as custom_closing
from ecluse.formats.custom import open_custom, parse_layout_amount
from ecluse.formats.custom import parser as custom_parser
from ecluse.formats.layout import Layout
from ecluse.formats.records import Entry, FileInfo, MasterRecord, ParseError, RejectedEntry
from ecluse.formats.registry import open_parser
from ecluse.money import AmountError

ROOT = Path(__file__).resolve().parents[2]

#: journal; date; entry number; account; kind; account label; label; debit; credit
BASE = {"journal": 1, "date": 2, "entryNumber": 3, "account": 4, "kind": 5, "accountLabel": 6, "label": 7,
        "debit": 8, "credit": 9}  # fmt: skip
HEADER = "Journal;Date;N°;Compte;Type;Libellé compte;Libellé;Débit;Crédit"


@dataclass
class Parsed:
    fatal: ParseError | None
    info: FileInfo | None
    entries: list[Entry] = field(default_factory=list)
    rejected: list[RejectedEntry] = field(default_factory=list)
    notes: list[ParseError] = field(default_factory=list)
    masters: list[MasterRecord] = field(default_factory=list)
    line_count: int = 0

    @property
    def codes(self) -> set[str]:
        return {n.code for n in self.notes}

    @property
    def errors(self) -> list[ParseError]:
        return [e for r in self.rejected for e in r.errors]

    def lines(self) -> list[int]:
        """Every physical data line, from entries, refused entries and loose notes, each once."""
        found = sorted({ln.line for e in self.entries for ln in e.lines})
        found += [n for r in self.rejected for n in r.lines]
        found += [n.line for n in self.notes if n.code == "EMPTY_LINE"]
        return sorted(found)

    def rows(self, entry: int = 0) -> list[tuple[str, str, int, int]]:
        """(account, third party, debit, credit) of each line of an entry."""
        return [(ln.account_number, ln.aux_number, ln.debit, ln.credit) for ln in self.entries[entry].lines]


def layout(columns: dict[str, Any] | None = None, **options: Any) -> Layout:
    return Layout.model_validate({"columns": BASE if columns is None else columns, **options})


def build(rows: list[str], header: str | None = HEADER, encoding: str = "utf-8", eol: str = "\n") -> bytes:
    lines = rows if header is None else [header, *rows]
    return (eol.join(lines) + eol).encode(encoding)


def parse(data: bytes, lay: Layout, ranges: list[dict[str, Any]] | None = None) -> Parsed:
    parsed = open_custom(io.BytesIO(data), "import.csv", lay, ranges or [])
    out = Parsed(parsed.fatal, parsed.info)
    for item in parsed.items():
        if isinstance(item, Entry):
            out.entries.append(item)
        elif isinstance(item, RejectedEntry):
            assert item.errors and all(e.severity == "error" for e in item.errors)
            out.rejected.append(item)
        elif isinstance(item, MasterRecord):
            out.masters.append(item)
        else:
            out.notes.append(item)
    out.line_count = parsed.line_count
    if out.fatal is None:  # never lose a line
        assert out.lines() == list(range(lay.skip_lines + 1, lay.skip_lines + out.line_count + 1))
        assert all(e.total_debit == e.total_credit for e in out.entries)
    return out


def sale(
    number: str = "1", amount: str = "100,00", day: str = "15/01/2025", journal: str = "VT"
) -> list[str]:
    return [
        f"{journal};{day};{number};C001;D;Boulangerie Lefèvre;Facture {number};{amount};",
        f"{journal};{day};{number};706000;G;Prestations;Facture {number};;{amount}",
    ]


# --- the basic file ------------------------------------------------------------------------------------


def test_kind_column_file() -> None:
    p = parse(build([*sale("1"), *sale("2", "1234,56"), "OD;16/01/2025;3;401000;G;Fournisseurs;Virement;10,00;",
                     "OD;16/01/2025;3;F002;c;Papeterie Dupré;Virement;;10,00"]), layout())  # fmt: skip
    assert p.fatal is None and p.notes == [] and p.rejected == []
    assert p.info == FileInfo("CUSTOM", "utf-8", ";", "csv", None, None, (HEADER,))
    assert [(e.journal_code, e.number, e.date, e.company) for e in p.entries] == [
        ("VT", "1", date(2025, 1, 15), ""), ("VT", "2", date(2025, 1, 15), ""), ("OD", "3", date(2025, 1, 16), ""),
    ]  # fmt: skip
    assert p.rows(0) == [("411000", "C001", 10000, 0), ("706000", "", 0, 10000)]
    assert p.rows(2) == [
        ("401000", "", 1000, 0),
        ("401000", "F002", 0, 1000),
    ]  # kind codes are case-insensitive
    first = p.entries[0].lines[0]
    assert (first.aux_label, first.account_label, first.label) == ("Boulangerie Lefèvre", "", "Facture 1")
    assert p.entries[0].lines[1].account_label == "Prestations"
    assert [(m.kind, m.code, m.label, m.nature, m.line) for m in p.masters] == [
        ("third_party", "C001", "Boulangerie Lefèvre", "customer", 2),
        ("third_party", "F002", "Papeterie Dupré", "supplier", 7),
    ]  # each third party declared once, before its first entry
    assert p.line_count == 6


def test_items_can_be_consumed_once() -> None:
    parsed = open_custom(io.BytesIO(build(sale())), None, layout(), [])
    list(parsed.items())
    with pytest.raises(RuntimeError):
        list(parsed.items())
    assert parsed.bytes_read == len(build(sale()))


def test_open_parser_door() -> None:
    definition = layout().model_dump(by_alias=True)
    parsed = open_parser("CUSTOM", io.BytesIO(build(sale())), "x.csv", layout=definition, ranges=[])
    assert [type(i).__name__ for i in parsed.items()] == ["MasterRecord", "Entry"]


# --- amounts ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "decimal", "thousands", "cents"),
    [
        ("1234,56", ",", "", 123456),
        ("1.234,56", ",", ".", 123456),
        ("1 234,56", ",", " ", 123456),
        ("12 345 678,9", ",", " ", 1234567890),
        ("1234,56", ",", ".", 123456),  # the thousands separator is optional
        ("1,234.56", ".", ",", 123456),
        ("1'234.5", ".", "'", 123450),
        ("-1234,56", ",", "", -123456),
        ("1234,56-", ",", "", -123456),
        ("- 12,00", ",", "", -1200),
        ("+12", ",", "", 1200),
        ("12,", ",", "", 1200),
        (",5", ",", "", 50),
        ("12,3400", ",", "", 1234),
    ],
)
def test_amount_forms(text: str, decimal: str, thousands: str, cents: int) -> None:
    assert parse_layout_amount(text, decimal, thousands) == cents


@pytest.mark.parametrize(
    ("text", "decimal", "thousands", "why"),
    [
        ("12,345", ",", "", "more than 2 decimals"),
        ("1.23,00", ",", ".", "misplaced thousands separator '.'"),
        ("1234.56", ",", "", "uses '.'; this layout's decimal separator is ','"),
        ("1,2,3", ",", "", "more than one decimal separator"),
        ("12+", ",", "", "plus after the number"),
        ("-12-", ",", "", "two signs"),
        ("12 €", ",", "", "is not an amount"),
        ("-", ",", "", "is not an amount"),
        ("1" * 16, ",", "", "too large"),
    ],
)
def test_amount_errors(text: str, decimal: str, thousands: str, why: str) -> None:
    with pytest.raises(AmountError, match=why):
        parse_layout_amount(text, decimal, thousands)


def test_amounts_with_layout_separators_in_a_file() -> None:
    lay = layout(thousandsSeparator=".")
    p = parse(
        build(
            [
                "VT;15/01/2025;1;C001;D;Client;Facture;1.234,56;",
                "VT;15/01/2025;1;706000;G;CA;Facture;;1234,56",
            ]
        ),
        lay,
    )
    assert p.rows() == [("411000", "C001", 123456, 0), ("706000", "", 0, 123456)]
    lay = layout(thousandsSeparator=" ")
    p = parse(
        build(
            [
                "VT;15/01/2025;1;C001;D;Client;Facture;1 234,56;",
                "VT;15/01/2025;1;706000;G;CA;Facture;;1\u00a0234,56",
            ]
        ),
        lay,
    )
    assert p.rows() == [("411000", "C001", 123456, 0), ("706000", "", 0, 123456)]  # NBSP read as a space


def test_empty_debit_is_zero_and_bad_amount_names_the_column() -> None:
    rows = ["VT;15/01/2025;1;C001;D;Client;Facture;12,5x;", "VT;15/01/2025;1;706000;G;CA;Facture;;12,50"]
    p = parse(build(rows), layout())
    (rejected,) = p.rejected
    ((code, column, line, message),) = [(e.code, e.column, e.line, e.message) for e in rejected.errors]
    assert (code, column, line) == ("BAD_AMOUNT", "debit (column 8)", 2)
    assert message == "debit (column 8) '12,5x' is not an amount"


def test_debit_credit_findings() -> None:
    rows = ["VT;15/01/2025;1;C001;D;Client;Facture;-10,00;", "VT;15/01/2025;1;706000;G;CA;Facture;;-10,00",
            "VT;15/01/2025;1;706000;G;CA;Zéro;;", "VT;15/01/2025;1;706000;G;CA;Les deux;5,00;5,00"]  # fmt: skip
    p = parse(build(rows), layout())
    assert p.rows() == [
        ("411000", "C001", 0, 1000),
        ("706000", "", 1000, 0),
        ("706000", "", 0, 0),
        ("706000", "", 500, 500),
    ]
    assert [(n.line, n.code) for n in p.notes] == [
        (2, "NEGATIVE_AMOUNT"), (3, "NEGATIVE_AMOUNT"), (4, "ZERO_AMOUNT"), (5, "DEBIT_AND_CREDIT"),
    ]  # fmt: skip
    assert all(n.severity == "finding" for n in p.notes)
    # the FEC's template and wording
    assert p.notes[0].message == "debit (column 8) '-10,00' is negative: recorded as debit 0,00, credit 10,00"
    assert p.notes[3].message == "Debit 5,00 and Credit 5,00 are both filled; both are kept"
    assert p.notes[3].values == {"debit": Decimal("5.00"), "credit": Decimal("5.00")}


SIGNED = {"journal": 1, "date": 2, "account": 3, "amount": 4}


@pytest.mark.parametrize(
    ("first", "second"),
    [("100,00", "-100,00"), ("+100,00", "100,00-"), ("100", "-100")],
)
def test_signed_amounts(first: str, second: str) -> None:
    lay = layout(SIGNED, amountMode="signed", accountMode="twoColumns")
    p = parse(build([f"OD;15/01/2025;512000;{first}", f"OD;15/01/2025;706000;{second}"], header="h"), lay)
    assert p.rows() == [("512000", "", 10000, 0), ("706000", "", 0, 10000)]


def test_signed_amount_missing() -> None:
    lay = layout(SIGNED, amountMode="signed", accountMode="twoColumns")
    p = parse(build(["OD;15/01/2025;512000;", "OD;15/01/2025;706000;-1"], header="h"), lay)
    assert [(e.code, e.column) for e in p.errors] == [("MISSING_VALUE", "amount (column 4)")]


def test_sign_column() -> None:
    lay = layout({**SIGNED, "sign": 5}, amountMode="signColumn", accountMode="twoColumns",
                 signCodes={"debit": "S", "credit": "H"})  # fmt: skip
    rows = [
        "OD;15/01/2025;512000;100,00; s ",
        "OD;15/01/2025;706000;140,00;H",
        "OD;15/01/2025;706000;-40,00;h",
    ]
    p = parse(build(rows, header="h"), lay)
    assert p.rows() == [("512000", "", 10000, 0), ("706000", "", 0, 14000), ("706000", "", 4000, 0)]
    # a negative amount goes to the other side (the net is what counts), with a finding
    assert [(n.line, n.code) for n in p.notes] == [(4, "NEGATIVE_AMOUNT")]
    assert p.notes[0].message == (
        "amount (column 4) '-40,00' is negative with sign 'h': recorded as debit 40,00, credit 0,00"
    )
    bad = parse(build(["OD;15/01/2025;512000;1,00;X", "OD;15/01/2025;706000;1,00;H"], header="h"), lay)
    ((error,),) = [r.errors for r in bad.rejected]
    assert error.code == "BAD_SIGN" and error.column == "sign (column 5)"
    assert error.message == "sign (column 5) 'X' is not a sign code; accepted: S (debit) or H (credit)"


# --- dates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "text", "day"),
    [("%Y-%m-%d", "2025-01-15", date(2025, 1, 15)), ("%d%m%y", "150125", date(2025, 1, 15)),
     ("%d.%m.%Y", "5.1.2025", date(2025, 1, 5)), ("%d/%m/%Y", "15/01/2025 00:00:00", date(2025, 1, 15)),
     ("%m/%d/%y", "01/15/99", date(1999, 1, 15))],
)  # fmt: skip
def test_date_formats(pattern: str, text: str, day: date) -> None:
    p = parse(build(sale(day=text)), layout(dateFormat=pattern))
    assert p.entries[0].date == day


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("31/02/2025", "BAD_DATE", "date (column 2) '31/02/2025' is not a valid date (day 31 of 2025-02)"),
        (
            "2025-01-15",
            "BAD_DATE",
            "date (column 2) '2025-01-15' is not a date in the DD/MM/YYYY form",
        ),
        ("15/01/1850", "BAD_DATE", "date (column 2) '15/01/1850' is outside 1900-2099"),
        ("", "MISSING_VALUE", "date (column 2) is empty"),
    ],
)
def test_bad_dates(text: str, code: str, message: str) -> None:
    p = parse(
        build(["VT;15/01/2025;1;C001;D;Client;F;1,00;", f"VT;{text};1;706000;G;CA;F;;1,00"]),
        layout(groupBy=["journal"]),
    )
    ((error,),) = [r.errors for r in p.rejected]
    assert (error.line, error.code, error.message) == (3, code, message)


def test_piece_date_and_due_date() -> None:
    columns = {**BASE, "pieceRef": 10, "pieceDate": 11, "dueDate": 12}
    rows = [r + ";F12;14/01/2025;15/02/2025" for r in sale()]
    p = parse(build(rows), layout(columns))
    line = p.entries[0].lines[0]
    assert (line.piece_ref, line.piece_date) == ("F12", date(2025, 1, 14))
    bad = parse(build([sale()[0] + ";F12;;30/02/2025", sale()[1] + ";F12;;"]), layout(columns))
    assert [(e.code, e.column) for e in bad.errors] == [("BAD_DATE", "dueDate (column 12)")]


def test_mixed_dates_in_one_entry_are_refused() -> None:
    rows = ["VT;15/01/2025;1;C001;D;Client;F;1,00;", "VT;16/01/2025;1;706000;G;CA;F;;1,00"]
    p = parse(build(rows), layout(groupBy=["entryNumber"]))
    ((error,),) = [r.errors for r in p.rejected]
    assert error.code == "MIXED_DATES" and error.line == 3 and "2025-01-15, 2025-01-16" in error.message


# --- VAT on the same line ------------------------------------------------------------------------------

VAT = {"account": 1, "accountLabel": 2, "debit": 3, "credit": 4, "vatAmount": 5, "date": 6}


def test_vat_on_two_lines_reference_example() -> None:
    """Compte 10032 Client 1.210,00 debit; 8000 CA 1000,00 credit with VAT 210,00 → VAT line 210 credit."""
    lay = layout(VAT, journal="VT", vatAccount="445710", thousandsSeparator=".", accountMode="twoColumns")
    p = parse(
        build(["10032;Client;1.210,00;;;15/01/2025", "8000;CA;;1000,00;210,00;15/01/2025"], header="h"), lay
    )
    assert p.rows() == [("10032", "", 121000, 0), ("8000", "", 0, 100000), ("445710", "", 0, 21000)]
    vat_line = p.entries[0].lines[2]
    assert (vat_line.line, vat_line.account_label, vat_line.label) == (3, "", p.entries[0].lines[1].label)


def test_vat_follows_the_side_of_its_line_and_ignores_its_sign() -> None:
    lay = layout(VAT, journal="VT", vatAccount="445710", accountMode="twoColumns")
    rows = ["8000;Avoir;120,00;;-20,00;15/01/2025", "10032;Client;;140,00;;15/01/2025"]
    p = parse(build(rows, header="h"), lay)
    assert p.rows() == [("8000", "", 12000, 0), ("445710", "", 2000, 0), ("10032", "", 0, 14000)]


VAT_FULL = {"journal": 1, "date": 2, "account": 3, "label": 4, "debit": 5, "credit": 6, "vatAmount": 7,
            "vatRate": 8, "vatCode": 9}  # fmt: skip


def vat_file(*revenue: str) -> bytes:
    total = sum(int(r.split(";")[0]) for r in revenue)
    rows = [f"VT;15/01/2025;411000;Facture;{total // 100},{total % 100:02d};;;;"]
    for r in revenue:
        cents_, vat, rate, code = r.split(";")
        rows.append(
            f"VT;15/01/2025;706000;Facture;;{int(cents_) // 100},{int(cents_) % 100:02d};{vat};{rate};{code}"
        )
    return build(rows, header="h")


def test_vat_account_by_code_then_rate_then_fixed() -> None:
    lay = layout(VAT_FULL, accountMode="twoColumns", groupBy=["journal"], vatAccount="445700",
                 vatAccounts={"n": "445711", "5,5": "445713", "20": "445720"})  # fmt: skip
    # the revenue lines' VAT is added to the customer line by hand: 100 + 20, 200 + 11, 300 + 60, 50 + 1
    rows = ["VT;15/01/2025;411000;Facture;742,00;;;;",
            "VT;15/01/2025;706000;Facture;;100,00;20,00;20;N",   # code N (case-insensitive) wins
            "VT;15/01/2025;706000;Facture;;200,00;11,00;5,5;",    # rate 5,5
            "VT;15/01/2025;706000;Facture;;300,00;60,00;20,0;Z",  # unknown code Z → rate 20
            "VT;15/01/2025;706000;Facture;;50,00;1,00;;"]  # neither → the fixed account  # fmt: skip
    p = parse(build(rows, header="h"), lay)
    assert [r for r in p.rows() if r[0].startswith("445")] == [
        ("445711", "", 0, 2000), ("445713", "", 0, 1100), ("445720", "", 0, 6000), ("445700", "", 0, 100),
    ]  # fmt: skip


def test_unknown_vat_code_refuses_the_entry_whole() -> None:
    lay = layout(VAT_FULL, accountMode="twoColumns", groupBy=["journal"], vatAccounts={"N": "445711"})
    rows = ["VT;15/01/2025;411000;Facture;120,00;;;;", "VT;15/01/2025;706000;Facture;;100,00;20,00;;X"]
    p = parse(build(rows, header="h"), lay)
    (rejected,) = p.rejected
    assert rejected.lines == (2, 3) and rejected.raw_lines == tuple(rows)
    ((error,),) = [rejected.errors]
    assert (error.line, error.code, error.column) == (3, "VAT_ACCOUNT_UNKNOWN", "vatCode (column 9)")
    assert error.message == "No VAT account for code 'X': add it to vatAccounts, or set vatAccount"
    by_rate = parse(
        build(["VT;15/01/2025;411000;F;107,00;;;;", "VT;15/01/2025;706000;F;;100,00;;7;"], header="h"), lay
    )
    assert (
        by_rate.errors[0].message == "No VAT account for rate 7 %: add it to vatAccounts, or set vatAccount"
    )


@pytest.mark.parametrize(
    ("base", "rate", "vat"),
    [("1000,00", "20", 20000), ("33,33", "20", 667), ("0,25", "10", 3), ("1000,05", "5,5", 5500),
     ("0,05", "5.5", 0), ("19,99", "2,1", 42)],
)  # fmt: skip
def test_vat_from_rate_is_rounded_half_up(base: str, rate: str, vat: int) -> None:
    lay = layout(VAT_FULL, accountMode="twoColumns", groupBy=["journal"], vatAccount="445700")
    base_cents = parse_layout_amount(base, ",", "")
    total = base_cents + vat
    rows = [
        f"VT;15/01/2025;411000;F;{total // 100},{total % 100:02d};;;;",
        f"VT;15/01/2025;706000;F;;{base};;{rate};",
    ]
    p = parse(build(rows, header="h"), lay)
    assert p.rejected == [], p.errors
    assert sum(ln.credit for ln in p.entries[0].lines if ln.account_number == "445700") == vat


def test_vat_rounding_finding_keeps_the_given_amount() -> None:
    lay = layout(VAT_FULL, accountMode="twoColumns", groupBy=["journal"], vatAccount="445700")
    rows = ["VT;15/01/2025;411000;F;1202,00;;;;", "VT;15/01/2025;706000;F;;1000,00;202,00;20;",
            "VT;15/01/2025;411000;F;1200,01;;;;", "VT;15/01/2025;706000;F;;1000,00;200,01;20;"]  # fmt: skip
    p = parse(build(rows, header="h"), lay)
    assert len(p.entries) == 1 and p.entries[0].total_debit == 120200 + 120001
    ((note,),) = [[n for n in p.notes]]
    assert (note.line, note.code, note.column, note.severity) == (
        3,
        "VAT_ROUNDING",
        "vatAmount (column 7)",
        "finding",
    )
    assert note.message == (
        "vatAmount (column 7) 202,00 differs from 20 % of 1000,00 = 200,00 by more than 0,01; the given amount is kept"
    )  # 200,01 differs by exactly 0,01: no finding


def test_bad_vat_rate() -> None:
    lay = layout(VAT_FULL, accountMode="twoColumns", groupBy=["journal"], vatAccount="445700")
    p = parse(
        build(["VT;15/01/2025;411000;F;120,00;;;;", "VT;15/01/2025;706000;F;;100,00;;vingt;"], header="h"),
        lay,
    )
    assert [(e.code, e.column) for e in p.errors] == [("BAD_VAT_RATE", "vatRate (column 8)")]


def test_vat_on_a_zero_line_has_no_side() -> None:
    lay = layout(VAT_FULL, accountMode="twoColumns", groupBy=["journal"], vatAccount="445700")
    p = parse(
        build(["VT;15/01/2025;411000;F;20,00;;;;", "VT;15/01/2025;706000;F;;;20,00;;"], header="h"), lay
    )
    assert [e.code for e in p.errors] == ["AMBIGUOUS_SIDE"]


# --- contra account on the same line -------------------------------------------------------------------

CONTRA = {
    "account": 1,
    "accountLabel": 2,
    "contraAccount": 3,
    "amount": 4,
    "vatAmount": 5,
    "date": 6,
    "analytic": 7,
}


@pytest.mark.parametrize("vat", ["-210,00", "210,00"])
def test_contra_on_the_same_line_reference_example(vat: str) -> None:
    """10032 Client, contra 8000, amount 1.210,00, VAT -210,00 → 10032 D 1210, 8000 C 1000, VAT C 210."""
    lay = layout(CONTRA, journal="VT", amountMode="signed", thousandsSeparator=".", vatAccount="445710",
                 accountMode="twoColumns")  # fmt: skip
    p = parse(build([f"10032;Client;8000;1.210,00;{vat};15/01/2025;PRJ1"], header="h"), lay)
    assert p.rows() == [("10032", "", 121000, 0), ("8000", "", 0, 100000), ("445710", "", 0, 21000)]
    assert [ln.line for ln in p.entries[0].lines] == [2, 2, 2]
    assert [ln.analytic for ln in p.entries[0].lines] == ["", "PRJ1", ""]  # the analytic goes with the contra
    assert [ln.label for ln in p.entries[0].lines] == [""] * 3 and p.entries[0].number == "1"


def test_contra_without_vat_and_vat_from_rate_on_gross() -> None:
    columns = {"account": 1, "contraAccount": 2, "amount": 3, "vatRate": 4, "date": 5}
    lay = layout(columns, journal="VT", amountMode="signed", vatAccount="445710", accountMode="twoColumns",
                 groupBy=["date"])  # fmt: skip
    p = parse(
        build(["512000;706000;-50,00;;15/01/2025", "10032;8000;1210,00;21;16/01/2025"], header="h"), lay
    )
    assert p.rows(0) == [("512000", "", 0, 5000), ("706000", "", 5000, 0)]
    assert p.rows(1) == [("10032", "", 121000, 0), ("8000", "", 0, 100000), ("445710", "", 0, 21000)]


def test_line_without_contra_in_a_contra_layout() -> None:
    lay = layout(CONTRA, journal="VT", amountMode="signed", vatAccount="445710", accountMode="twoColumns")
    p = parse(
        build(["512000;Banque;;100,00;;15/01/2025;", "706000;CA;;-100,00;;15/01/2025;"], header="h"), lay
    )
    assert p.rows() == [("512000", "", 10000, 0), ("706000", "", 0, 10000)]


def test_vat_larger_than_the_gross_amount() -> None:
    lay = layout(CONTRA, journal="VT", amountMode="signed", vatAccount="445710", accountMode="twoColumns")
    p = parse(build(["10032;Client;8000;100,00;210,00;15/01/2025;"], header="h"), lay)
    assert [(e.code, e.message) for e in p.errors] == [
        ("VAT_EXCEEDS_AMOUNT", "vatAmount (column 5) 210,00 is more than the line's amount 100,00")
    ]


def test_fixed_contra_balances_each_entry_opening_balance() -> None:
    columns = {"date": 1, "account": 2, "accountLabel": 3, "label": 4, "debit": 5, "credit": 6}
    lay = layout(columns, journal="AN", journalLabel="À-nouveaux", contraAccountFixed="890000",
                 accountMode="twoColumns", skipLines=0)  # fmt: skip
    rows = ["01/01/2025;512000;Banque;Solde;1500,00;", "01/01/2025;101000;Capital;Solde;;1000,00",
            "01/01/2025;401000;Fournisseurs;Solde fournisseurs;;700,00",
            "02/01/2025;512000;Banque;Equilibré;10,00;", "02/01/2025;706000;CA;Equilibré;;10,00"]  # fmt: skip
    p = parse(build(rows, header=None), lay)
    assert [(e.journal_code, e.journal_label, e.number) for e in p.entries] == [
        ("AN", "À-nouveaux", "1"),
        ("AN", "À-nouveaux", "2"),
    ]
    assert p.rows(0) == [("512000", "", 150000, 0), ("101000", "", 0, 100000), ("401000", "", 0, 70000),
                         ("890000", "", 20000, 0)]  # fmt: skip
    balancing = p.entries[0].lines[-1]
    assert (balancing.line, balancing.label, balancing.account_label) == (3, "Solde fournisseurs", "")
    assert len(p.entries[1].lines) == 2  # already balanced: no line added


# --- account kinds -------------------------------------------------------------------------------------


def test_unknown_kind_code_is_refused_with_the_accepted_codes() -> None:
    rows = [
        *sale("1"),
        "VT;15/01/2025;2;C002;X;Client;F;5,00;",
        "VT;15/01/2025;2;706000;G;CA;F;;5,00",
        *sale("3"),
    ]
    p = parse(build(rows), layout())
    assert [e.number for e in p.entries] == ["1", "3"]
    (rejected,) = p.rejected
    assert rejected.lines == (4, 5) and rejected.raw_lines == tuple(rows[2:4]) and rejected.number == "2"
    (error,) = rejected.errors
    assert (error.line, error.code, error.column) == (4, "BAD_KIND_CODE", "kind (column 5)")
    assert error.message == (
        "kind (column 5) 'X' is not an account kind code; accepted: G (general account), D (customer), C (supplier)"
    )


def test_custom_kind_codes_and_collective_accounts() -> None:
    lay = layout(kindCodes={"general": "GL", "customer": "CU", "supplier": "SU"}, customerAccount="411100")
    p = parse(build(["VT;15/01/2025;1;C001;cu;Client;F;1,00;", "VT;15/01/2025;1;706000;GL;CA;F;;1,00"]), lay)
    assert p.rows() == [("411100", "C001", 100, 0), ("706000", "", 0, 100)]


RANGES = [
    {"kind": "G", "from": "100000", "to": "399999"},
    {"kind": "C", "from": "F", "to": "F"},
    {"kind": "D", "from": "C", "to": "C"},
    {"kind": "G", "from": "5", "to": "999999"},
]
RANGE_COLUMNS = {"journal": 1, "date": 2, "account": 3, "accountLabel": 4, "debit": 5, "credit": 6}


def test_ranges_find_the_kind() -> None:
    lay = layout(RANGE_COLUMNS, accountMode="ranges", groupBy=["journal"])
    rows = [
        "VT;15/01/2025;C0042;Crèmerie;12,00;",
        "VT;15/01/2025;F7;Dupré;;2,00",
        "VT;15/01/2025;706000;CA;;10,00",
    ]
    p = parse(build(rows), lay, RANGES)
    assert p.rows() == [("411000", "C0042", 1200, 0), ("401000", "F7", 0, 200), ("706000", "", 0, 1000)]
    assert [(m.code, m.label, m.nature) for m in p.masters] == [
        ("C0042", "Crèmerie", "customer"),
        ("F7", "Dupré", "supplier"),
    ]


AFAS_RANGES = [
    {"kind": "G", "from": "1000", "to": "9999", "match": "number"},
    {"kind": "D", "from": "10000", "to": "19999", "match": "number"},
    {"kind": "C", "from": "20000", "to": "29999", "match": "number"},
]


def test_ranges_compared_as_numbers_as_afas_writes_them() -> None:
    """As text prefixes, 1000–9999 would hold 10500 (and the ranges overlap); as numbers it does not."""
    lay = layout(RANGE_COLUMNS, accountMode="ranges", groupBy=["journal"])
    rows = [
        "VK;15/01/2025;10500;Bakkerij;121,00;",
        "VK;15/01/2025;20001;Drukkerij;;21,00",
        "VK;15/01/2025;8000;Omzet;;100,00",
    ]
    p = parse(build(rows), lay, AFAS_RANGES)
    assert p.fatal is None and p.errors == []
    assert p.rows() == [("411000", "10500", 12100, 0), ("401000", "20001", 0, 2100), ("8000", "", 0, 10000)]
    # A number outside every range, or not a number, is refused as with prefix ranges.
    p = parse(build(["VK;15/01/2025;30000;X;1,00;", "VK;15/01/2025;8000;X;;1,00"]), lay, AFAS_RANGES)
    assert [e.code for e in p.errors] == ["ACCOUNT_OUT_OF_RANGES"]


@pytest.mark.parametrize(
    ("ranges", "problem"),
    [
        ([{**AFAS_RANGES[0], "to": "10000"}, AFAS_RANGES[1]], "10000–19999 (customers) overlaps 1000–10000 (general)"),
        ([AFAS_RANGES[0], {"kind": "D", "from": "411", "to": "411"}], "Ranges all compare the same way"),
        ([{**AFAS_RANGES[0], "from": "10A0"}], "ranges compared as numbers have digits only"),
        ([{**AFAS_RANGES[0], "from": "9999", "to": "1000"}], "'from' comes after 'to'"),
    ],
)  # fmt: skip
def test_numeric_ranges_that_cannot_work_are_refused(ranges: list[dict[str, Any]], problem: str) -> None:
    from ecluse.formats.layout import check_ranges

    assert any(problem in found for found in check_ranges(ranges)), check_ranges(ranges)


def test_account_outside_the_ranges() -> None:
    lay = layout(RANGE_COLUMNS, accountMode="ranges", groupBy=["journal"])
    p = parse(build(["VT;15/01/2025;C0042;Crèmerie;12,00;", "VT;15/01/2025;401000;Four;;12,00"]), lay, RANGES)
    (error,) = p.errors
    assert (error.code, error.column, error.line) == ("ACCOUNT_OUT_OF_RANGES", "account (column 3)", 3)
    assert error.message.startswith("account (column 3) '401000' is outside every account number range")


def test_overlapping_ranges_are_fatal() -> None:
    lay = layout(RANGE_COLUMNS, accountMode="ranges")
    ranges = [
        {"kind": "G", "from": "400000", "to": "419999"},
        {"kind": "D", "from": "411000", "to": "411999"},
    ]
    p = parse(build(sale()), lay, ranges)
    assert p.fatal is not None and (p.fatal.line, p.fatal.code) == (0, "BAD_RANGES")
    assert "411000–411999 (customers) overlaps 400000–419999 (general)" in p.fatal.message
    assert p.entries == [] and p.info is None


def test_ranges_mode_without_ranges_is_fatal() -> None:
    p = parse(build(sale()), layout(RANGE_COLUMNS, accountMode="ranges"), [])
    assert p.fatal is not None and p.fatal.code == "NO_RANGES" and "accountMode: 'ranges'" in p.fatal.message


TWO = {"journal": 1, "date": 2, "account": 3, "thirdParty": 4, "accountLabel": 5, "debit": 6, "credit": 7}


def test_two_columns_kind_from_the_general_account() -> None:
    lay = layout(TWO, groupBy=["journal"])
    rows = ["BQ;15/01/2025;411000;C1;Clients;10,00;", "BQ;15/01/2025;403000;F1;Fournisseurs;;4,00",
            "BQ;15/01/2025;467000;X1;Autres;;1,00", "BQ;15/01/2025;512000;;Banque;;5,00"]  # fmt: skip
    p = parse(build(rows), lay)
    assert p.rows() == [
        ("411000", "C1", 1000, 0),
        ("403000", "F1", 0, 400),
        ("467000", "X1", 0, 100),
        ("512000", "", 0, 500),
    ]
    assert [(m.code, m.nature) for m in p.masters] == [
        ("C1", "customer"),
        ("F1", "supplier"),
        ("X1", "other"),
    ]
    assert p.entries[0].lines[0].account_label == "Clients" and p.entries[0].lines[0].aux_label == ""


def test_two_columns_kind_from_a_kind_column() -> None:
    lay = layout({**TWO, "kind": 8, "thirdPartyLabel": 9}, accountMode="twoColumns", groupBy=["journal"])
    rows = ["BQ;15/01/2025;;C1;;10,00;;D;Boulangerie", "BQ;15/01/2025;416000;C2;Douteux;;4,00;d;Café",
            "BQ;15/01/2025;512000;;Banque;;6,00;;"]  # fmt: skip
    p = parse(build(rows), lay)
    assert p.rows() == [("411000", "C1", 1000, 0), ("416000", "C2", 0, 400), ("512000", "", 0, 600)]
    assert [(ln.account_label, ln.aux_label) for ln in p.entries[0].lines[:2]] == [
        ("", "Boulangerie"),
        ("Douteux", "Café"),
    ]
    bad = parse(build(["BQ;15/01/2025;512000;C1;B;1,00;;G;", "BQ;15/01/2025;411000;;C;;1,00;D;"]), lay)
    assert [e.code for e in bad.errors] == ["KIND_MISMATCH", "MISSING_VALUE"]


def test_two_columns_kind_from_ranges() -> None:
    lay = layout(TWO, groupBy=["journal"])
    rows = ["BQ;15/01/2025;;C9;Client;10,00;", "BQ;15/01/2025;512000;;Banque;;10,00"]
    p = parse(build(rows), lay, RANGES)
    assert p.rows() == [("411000", "C9", 1000, 0), ("512000", "", 0, 1000)]
    assert p.entries[0].lines[0].aux_label == "Client"  # no general account: the label is the third party's
    bad = parse(
        build(["BQ;15/01/2025;512000;300000;B;1,00;", "BQ;15/01/2025;512000;Z1;B;;1,00"]), lay, RANGES
    )
    assert [e.code for e in bad.errors] == ["KIND_MISMATCH", "ACCOUNT_OUT_OF_RANGES"]


def test_two_columns_unknown_kind_without_account() -> None:
    p = parse(
        build(["BQ;15/01/2025;;X1;Autre;1,00;", "BQ;15/01/2025;512000;;B;;1,00"]),
        layout(TWO, groupBy=["journal"]),
    )
    assert [(e.code, e.message) for e in p.errors] == [
        ("MISSING_VALUE", "account (column 3) is empty and the kind of third party 'X1' is unknown")
    ]


THREE = {"journal": 1, "date": 2, "account": 3, "customer": 4, "supplier": 5, "debit": 6, "credit": 7}


def test_three_columns() -> None:
    lay = layout(THREE, accountMode="threeColumns", groupBy=["journal"])
    rows = ["BQ;15/01/2025;;C1;;10,00;", "BQ;15/01/2025;;;F1;;4,00", "BQ;15/01/2025;404000;;F2;;1,00",
            "BQ;15/01/2025;512000;;;;5,00"]  # fmt: skip
    p = parse(build(rows), lay)
    assert p.rows() == [
        ("411000", "C1", 1000, 0),
        ("401000", "F1", 0, 400),
        ("404000", "F2", 0, 100),
        ("512000", "", 0, 500),
    ]
    bad = parse(build(["BQ;15/01/2025;;C1;F1;1,00;", "BQ;15/01/2025;;;;;1,00"]), lay)
    assert [(e.code, e.line) for e in bad.errors] == [("TWO_THIRD_PARTIES", 2), ("MISSING_VALUE", 3)]


# --- companies and grouping ----------------------------------------------------------------------------


def test_company_column_fills_entries_and_third_parties() -> None:
    lay = layout({**BASE, "company": 10})
    rows = [r + ";ACME" for r in sale("1")] + [r + ";BETA" for r in sale("1")] + [r + ";" for r in sale("2")]
    p = parse(build(rows), lay)
    assert [(e.company, e.number) for e in p.entries] == [("ACME", "1"), ("BETA", "1"), ("", "2")]
    assert [(m.company, m.code) for m in p.masters] == [("ACME", "C001"), ("BETA", "C001"), ("", "C001")]


GROUP_COLUMNS = {
    "journal": 1,
    "date": 2,
    "entryNumber": 3,
    "pieceRef": 4,
    "account": 5,
    "debit": 6,
    "credit": 7,
}


def pairs(changing: str) -> list[str]:
    """Two balanced pairs that differ only by `changing`."""
    values = {"journal": ("VT", "VT"), "date": ("15/01/2025", "15/01/2025"), "entryNumber": ("7", "7"),
              "pieceRef": ("F1", "F1")}  # fmt: skip
    values[changing] = {"journal": ("VT", "OD"), "date": ("15/01/2025", "16/01/2025"), "entryNumber": ("7", "8"),
                        "pieceRef": ("F1", "F2")}[changing]  # fmt: skip
    out = []
    for k in range(2):
        j, d, n, r = (values[f][k] for f in ("journal", "date", "entryNumber", "pieceRef"))
        out += [f"{j};{d};{n};{r};512000;1,00;", f"{j};{d};{n};{r};706000;;1,00"]
    return out


@pytest.mark.parametrize("key", ["journal", "date", "entryNumber", "pieceRef"])
def test_grouping_by_each_key(key: str) -> None:
    lay = layout(GROUP_COLUMNS, accountMode="twoColumns", groupBy=[key])
    assert len(parse(build(pairs(key)), lay).entries) == 2
    others = [k for k in ("journal", "date", "entryNumber", "pieceRef") if k != key]
    merged = parse(build(pairs(key)), layout(GROUP_COLUMNS, accountMode="twoColumns", groupBy=others))
    if key == "date":  # one entry cannot have two dates
        assert [e.code for e in merged.errors] == ["MIXED_DATES"] and merged.rejected[0].lines == (2, 3, 4, 5)
    else:
        assert len(merged.entries) == 1 and len(merged.entries[0].lines) == 4


def test_default_grouping_and_consecutive_lines() -> None:
    lay = layout(GROUP_COLUMNS, accountMode="twoColumns")
    assert lay.group_by == ["journal", "date", "entryNumber", "pieceRef"]
    rows = pairs("entryNumber") + pairs("entryNumber")[:2]  # 7, 8, then 7 again: a new entry
    p = parse(build(rows), lay)
    assert [(e.number, e.lines[0].line) for e in p.entries] == [("7", 2), ("8", 4), ("7", 6)]


def test_entry_number_from_piece_ref_else_a_sequence() -> None:
    no_number = {k: v for k, v in GROUP_COLUMNS.items() if k != "entryNumber"}
    p = parse(build(pairs("pieceRef")), layout(no_number, accountMode="twoColumns"))
    assert [e.number for e in p.entries] == ["F1", "F2"]
    assert [ln.entry_number for ln in p.entries[1].lines] == ["F2", "F2"]
    bare = {k: v for k, v in no_number.items() if k != "pieceRef"}
    p = parse(build(pairs("date")), layout(bare, accountMode="twoColumns"))
    assert [e.number for e in p.entries] == ["1", "2"]


def test_unbalanced_entry_is_refused_whole_with_raw_lines() -> None:
    rows = [*sale("1"), "VT;15/01/2025;2;C002;D;Client;Facture 2;100,00;",
            "VT;15/01/2025;2;706000;G;CA;Facture 2;;99,99", *sale("3")]  # fmt: skip
    data = build(rows, eol="\r\n")
    p = parse(data, layout())
    (rejected,) = p.rejected
    assert (rejected.journal_code, rejected.number, rejected.lines) == ("VT", "2", (4, 5))
    assert rejected.raw_lines == (rows[2], rows[3])
    (error,) = rejected.errors
    assert (error.code, error.line) == ("UNBALANCED_ENTRY", 4)
    assert error.message == "Entry VT 2 is unbalanced: debit 100,00, credit 99,99, difference 0,01"
    assert [e.number for e in p.entries] == ["1", "3"]
    assert p.masters[0].code == "C001" and "C002" not in {m.code for m in p.masters}  # refused: not declared


def test_third_party_starts_entry() -> None:
    columns = {"journal": 1, "date": 2, "account": 3, "kind": 4, "debit": 5, "credit": 6, "vatAmount": 7}
    rows = ["VT;15/01/2025;C1;D;120,00;;", "VT;15/01/2025;706000;G;;100,00;20,00",
            "VT;15/01/2025;C2;D;60,00;;", "VT;15/01/2025;706000;G;;50,00;10,00"]  # fmt: skip
    lay = layout(columns, thirdPartyStartsEntry=True, vatAccount="445710")
    p = parse(build(rows), lay)
    assert [(e.number, len(e.lines)) for e in p.entries] == [("1", 3), ("2", 3)]
    merged = parse(build(rows), layout(columns, vatAccount="445710"))
    assert [(e.number, len(e.lines)) for e in merged.entries] == [("1", 6)]


def test_entry_too_long_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(custom_parser, "MAX_ENTRY_LINES", 3)  # where lines are counted
    monkeypatch.setattr(custom_closing, "MAX_ENTRY_LINES", 3)  # where the refusal names the limit
    rows = ["OD;15/01/2025;512000;;B;1,00;"] * 4 + ["OD;15/01/2025;706000;;CA;;4,00"]
    rows += ["VT;15/01/2025;512000;;B;1,00;", "VT;15/01/2025;706000;;CA;;1,00"]
    lay = layout(TWO, groupBy=["journal"])
    p = parse(build(rows), lay)
    assert [r.lines for r in p.rejected] == [(2, 3, 4), (5, 6)]
    assert {e.code for e in p.errors} == {"ENTRY_TOO_LONG"}
    assert [e.journal_code for e in p.entries] == ["VT"]


# --- lines, quoting, fixed width, encodings ------------------------------------------------------------


def test_empty_lines_are_findings() -> None:
    rows = [sale()[0], "", ";;;;;;;;", sale()[1]]
    p = parse(build(rows), layout())
    assert [(n.line, n.code, n.severity) for n in p.notes] == [
        (3, "EMPTY_LINE", "finding"),
        (4, "EMPTY_LINE", "finding"),
    ]
    assert len(p.entries) == 1 and p.rows() == [("411000", "C001", 10000, 0), ("706000", "", 0, 10000)]


def test_short_line_joins_its_entry() -> None:
    rows = [*sale("1"), "VT;15/01/2025;1;706000", *sale("2")]
    p = parse(build(rows), layout())
    (rejected,) = p.rejected
    assert rejected.lines == (2, 3, 4) and [e.number for e in p.entries] == ["2"]
    assert rejected.errors[0].message == (
        "The line has 4 field(s) separated by ';'; the layout reads up to column 9, credit (column 9)"
    )


def test_quoted_fields() -> None:
    rows = ['VT;15/01/2025;1;C001;D;"Dupont; fils";"Facture ""urgent""";100,00;',
            'VT;15/01/2025;1;706000;G;CA;Pièce 12" pouces;;"100,00"']  # fmt: skip
    p = parse(build(rows), layout())
    lines = p.entries[0].lines
    assert (lines[0].aux_label, lines[0].label, lines[1].label) == (
        "Dupont; fils",
        'Facture "urgent"',
        'Pièce 12" pouces',
    )
    assert p.rows() == [("411000", "C001", 10000, 0), ("706000", "", 0, 10000)]


def test_quoted_amounts_with_comma_separator() -> None:
    lay = layout(separator=",")
    rows = ['VT,15/01/2025,1,C001,D,Client,F,"1234,56",', 'VT,15/01/2025,1,706000,G,CA,F,,"1234,56"']
    assert parse(build(rows), lay).rows() == [("411000", "C001", 123456, 0), ("706000", "", 0, 123456)]


def test_line_break_inside_a_quoted_field_is_refused() -> None:
    rows = [*sale("1"), 'VT;15/01/2025;2;C001;D;Client;"Facture', 'sur deux lignes";100,00;', *sale("2")]
    p = parse(build(rows), layout())
    (rejected,) = p.rejected  # the broken lines join the entry being read
    assert rejected.lines == (2, 3, 4, 5) and rejected.raw_lines == tuple(rows[:4])
    assert [(e.line, e.code) for e in rejected.errors] == [(4, "BAD_QUOTING"), (5, "WRONG_FIELD_COUNT")]
    assert "line breaks inside a field are not supported" in rejected.errors[0].message
    assert [e.number for e in p.entries] == ["2"]


def test_no_quote_character() -> None:
    rows = ['VT;15/01/2025;1;C001;D;"Client";F;1,00;', "VT;15/01/2025;1;706000;G;CA;F;;1,00"]
    p = parse(build(rows), layout(quote=""))
    assert p.entries[0].lines[0].aux_label == '"Client"'


def test_tab_separator() -> None:
    rows = [r.replace(";", "\t") for r in sale()]
    p = parse(build(rows, header=HEADER.replace(";", "\t")), layout(separator="\t"))
    assert p.info is not None and p.info.separator == "\t" and len(p.entries) == 1
    bad = parse(build(["VT;15/01/2025"], header="h"), layout(separator="\t"))
    assert "separated by TAB" in bad.errors[0].message


def test_skip_lines() -> None:
    lay = layout(skipLines=3)
    p = parse(build(sale(), header="Export du 15/01/2025\nSociété ACME\n" + HEADER), lay)
    assert p.info is not None and p.info.header == ("Export du 15/01/2025", "Société ACME", HEADER)
    assert [ln.line for ln in p.entries[0].lines] == [4, 5]
    p = parse(build(sale(), header=None), layout(skipLines=0))
    assert [ln.line for ln in p.entries[0].lines] == [1, 2] and p.info is not None and p.info.header == ()


def test_header_only_is_an_empty_file() -> None:
    p = parse(build([]), layout())
    assert p.fatal is not None and (p.fatal.code, p.fatal.line) == ("EMPTY_FILE", 0)
    assert p.fatal.message == "The file has a header but no entry lines"
    assert p.fatal.values == {"header_lines": 1}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "EMPTY_FILE"),
        (b"PK\x03\x04" + bytes(100), "BINARY_FILE"),
        ("x;y\n".encode("utf-16"), "BAD_ENCODING"),
    ],
)
def test_hostile_files_are_fatal(data: bytes, code: str) -> None:
    p = parse(data, layout())
    assert p.fatal is not None and p.fatal.code == code and p.info is None


FIXED = {"journal": {"start": 1, "length": 2}, "date": {"start": 3, "length": 8},
         "account": {"start": 11, "length": 8}, "kind": {"start": 19, "length": 1},
         "label": {"start": 20, "length": 20}, "amount": {"start": 40, "length": 12}}  # fmt: skip


def fixed_lines() -> list[str]:
    return [
        "VT20250115C001    DCrèmerie Müller     " + "120,00".rjust(12),
        "VT20250115706000  GŒuvres été          " + "-100,00".rjust(12),
        "VT20250115445710  GTVA à 20 %          " + "-20,00".rjust(12),
        "VT20250116512000  GRèglement trimmé",  # trimmed by a transfer tool: the amount is missing
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_fixed_width_with_accents(encoding: str) -> None:
    lay = layout(FIXED, kind="fixed", dateFormat="%Y%m%d", amountMode="signed", skipLines=0)
    p = parse(build(fixed_lines(), header=None, encoding=encoding), lay)
    assert p.info == FileInfo("CUSTOM", encoding, "", "fixed", None, None, ())
    assert p.rows() == [("411000", "C001", 12000, 0), ("706000", "", 0, 10000), ("445710", "", 0, 2000)]
    assert [ln.label for ln in p.entries[0].lines] == ["Crèmerie Müller", "Œuvres été", "TVA à 20 %"]
    (error,) = p.errors
    assert (error.line, error.code, error.column) == (4, "MISSING_VALUE", "amount (characters 40-51)")


@pytest.mark.parametrize(
    ("encoding", "forced", "detected"),
    [("utf-8", "auto", "utf-8"), ("cp1252", "auto", "cp1252"), ("cp1252", "cp1252", "cp1252"),
     ("iso-8859-15", "iso-8859-15", "iso-8859-15"), ("utf-8", "utf-8", "utf-8")],
)  # fmt: skip
def test_encodings(encoding: str, forced: str, detected: str) -> None:
    rows = ["VT;15/01/2025;1;C001;D;Œnologie & Cie;Facture été 100 €;100,00;", sale()[1]]
    p = parse(build(rows, encoding=encoding), layout(encoding=forced))
    assert p.info is not None and p.info.encoding == detected
    assert p.entries[0].lines[0].aux_label == "Œnologie & Cie"
    assert p.entries[0].lines[0].label == "Facture été 100 €"


def test_utf8_bom() -> None:
    p = parse(b"\xef\xbb\xbf" + build(sale()), layout())
    assert p.info is not None and p.info.encoding == "utf-8-sig" and len(p.entries) == 1


# --- the generated benchmark file ----------------------------------------------------------------------


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_custom", ROOT / "bench" / "gen_custom.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("thousands", "encoding"), [("", "utf-8"), (" ", "cp1252"), (".", "utf-8")])
def test_generated_file_reads_whole(tmp_path: Path, thousands: str, encoding: str) -> None:
    gen = _generator()
    path = tmp_path / "custom.csv"
    debit, credit = gen.generate_custom(path, 3000, thousands=thousands, encoding=encoding)
    p = parse(path.read_bytes(), Layout.model_validate(gen.layout(thousands)))
    assert p.rejected == [] and p.notes == [] and p.line_count == 3000
    assert sum(e.total_debit for e in p.entries) == debit == credit
    assert sum(len(e.lines) for e in p.entries) > 3000  # VAT lines were generated
    assert {m.nature for m in p.masters} == {"customer", "supplier"}


# --- the documentation's examples ----------------------------------------------------------------------

_BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _doc_examples() -> list[tuple[str, int, str, dict[str, Any], list[dict[str, Any]]]]:
    """(title, expected entries, file text, layout, ranges) for each example of docs/formats/custom.md."""
    examples: list[tuple[str, int, str, dict[str, Any], list[dict[str, Any]]]] = []
    for m in _BLOCK.finditer((ROOT / "docs" / "formats" / "custom.md").read_text(encoding="utf-8")):
        words = m[2].split()
        if "example" in words:
            count = int(next(w for w in words if w.startswith("entries="))[8:])
            examples.append((m[3].splitlines()[0][:40], count, m[3], {}, []))
        elif words == ["layout"]:
            examples[-1][3].update(json.loads(m[3]))
        elif words == ["ranges"]:
            examples[-1][4].extend(json.loads(m[3]))
    return examples


def test_documentation_has_examples() -> None:
    assert len(_doc_examples()) >= 12


@pytest.mark.parametrize(("title", "count", "text", "definition", "ranges"), _doc_examples())
def test_documentation_example(
    title: str, count: int, text: str, definition: dict[str, Any], ranges: list[dict[str, Any]]
) -> None:
    p = parse(text.encode(), Layout.model_validate(definition), ranges)
    assert p.fatal is None and p.rejected == [], (p.fatal, p.errors)
    assert len(p.entries) == count
    assert {n.code for n in p.notes} <= {"NEGATIVE_AMOUNT"}


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ('VT;15/01/2025;1;706000;G;"CA" x;F;;1,00', "followed by other characters"),
        ('VT;15/01/2025;1;706000;G;"' + "x" * 140_000 + '";F;;1,00', "longer than"),
    ],
)
def test_bad_quoting_messages(row: str, why: str) -> None:
    p = parse(build([sale()[0], row]), layout())
    assert [e.code for e in p.errors] == ["BAD_QUOTING"] and why in p.errors[0].message


def _peak_memory(path: Path, definition: dict[str, Any]) -> int:
    """Peak traced bytes while streaming the file (every item consumed and dropped)."""
    tracemalloc.start()
    try:
        with open(path, "rb") as fh:
            parsed = open_custom(fh, path.name, Layout.model_validate(definition), [])
            entries = sum(1 for item in parsed.items() if isinstance(item, Entry))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert entries > parsed.line_count // 4 and parsed.bytes_read == path.stat().st_size
    return peak


def test_streaming_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    gen = _generator()
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    gen.generate_custom(small, 8_000)
    gen.generate_custom(big, 32_000)
    _peak_memory(small, gen.layout())  # warm-up: allocated once (compiled patterns…), not the file's
    small_peak = _peak_memory(small, gen.layout())
    big_peak = _peak_memory(big, gen.layout())
    assert big_peak < 4 * 2**20, f"peak {big_peak} bytes for a {big.stat().st_size}-byte file"
    # The peak is one block's items (64 KiB of lines, with their generated VAT lines) and the entry being
    # read: which block is the fullest varies with the file (1.0 to 1.43 MB here, the same before and after
    # the reader was made linear): 4 times the lines must not give 1.5 times the memory.
    assert big_peak < small_peak * 1.5, f"peak {big_peak} for 32k lines, {small_peak} for 8k"


def test_bad_vat_amount_is_the_only_error() -> None:
    lay = layout(VAT_FULL, accountMode="twoColumns", groupBy=["journal"], vatAccount="445700")
    p = parse(
        build(["VT;15/01/2025;411000;F;120,00;;;;", "VT;15/01/2025;706000;F;;100,00;2O,00;;"], header="h"),
        lay,
    )
    assert [(e.code, e.column, e.message) for e in p.errors] == [
        ("BAD_AMOUNT", "vatAmount (column 7)", "vatAmount (column 7) '2O,00' is not an amount")
    ]
