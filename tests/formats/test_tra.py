"""Cegid TRA parser: header, parameter records, movement lines, analytic lines, encodings, streaming."""

from __future__ import annotations

import importlib.util
import io
import tracemalloc
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from ecluse.formats.records import Entry, EntryLine, FileInfo, MasterRecord, ParseError, RejectedEntry
from ecluse.formats.registry import open_parser
from ecluse.formats.tra import open_tra, read_amount, read_date
from ecluse.formats.tra import parser as tra_module
from tests.formats.tra_build import (
    account,
    header,
    journal,
    movement,
    record,
    sale,
    section,
    third_party,
    tra_bytes,
)

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Parsed:
    fatal: ParseError | None
    info: FileInfo | None
    entries: list[Entry] = field(default_factory=list)
    rejected: list[RejectedEntry] = field(default_factory=list)
    notes: list[ParseError] = field(default_factory=list)
    records: list[MasterRecord] = field(default_factory=list)
    line_count: int = 0
    bytes_read: int = 0

    @property
    def lines(self) -> list[EntryLine]:
        return [ln for e in self.entries for ln in e.lines]

    @property
    def codes(self) -> set[str]:
        return {n.code for n in self.notes}

    def errors(self) -> list[ParseError]:
        return [e for r in self.rejected for e in r.errors]


def parse(data: bytes) -> Parsed:
    tra = open_tra(io.BytesIO(data), "EXPORT.TRA")
    out = Parsed(tra.fatal, tra.info)
    for item in tra.items():
        if isinstance(item, Entry):
            assert item.total_debit == item.total_credit
            out.entries.append(item)
        elif isinstance(item, RejectedEntry):
            assert item.errors and all(e.severity == "error" for e in item.errors)
            out.rejected.append(item)
        elif isinstance(item, MasterRecord):
            out.records.append(item)
        else:
            out.notes.append(item)
    out.line_count, out.bytes_read = tra.line_count, tra.bytes_read
    return out


def build(*lines: str | list[str], fmt: str = "STD") -> bytes:
    """A TRA file: a header, then `lines` (strings or lists of strings, flattened)."""
    flat = [ln for group in lines for ln in ([group] if isinstance(group, str) else group)]
    return tra_bytes([header(fmt=fmt), *flat])


def one_error(p: Parsed) -> ParseError:
    (rejected,) = p.rejected
    (error,) = rejected.errors
    return error


# --- a valid file ---------------------------------------------------------------------------------------


def valid_std() -> list[str]:
    return [
        header(company="Société Générale Études"),
        journal("VT", "Ventes", "VTE"),
        journal("BQ", "Banque", "BQE"),
        account("706000", "Prestations de services", "PRO"),
        third_party("C00001", "Crèmerie Müller", "CLI", "411000"),
        *sale("1", 10000, 2000, label="Facture Crèmerie Müller"),
        *sale("2", 50000, 10000, date="16012025", customer="C00002"),
        movement(
            journal="BQ", piece_type="RC", general="512000", sens="D", amount=12000, number="7", ref="VIR 1"
        ),
        movement(
            journal="BQ",
            piece_type="RC",
            general="411000",
            account_type="X",
            aux="C00001",
            sens="C",
            amount=12000,
            number="7",
            ref="VIR 1",
            label="Règlement",
            currency="USD",
        ),
    ]


def test_valid_standard_file() -> None:
    p = parse(tra_bytes(valid_std()))
    assert p.fatal is None and not p.rejected and not p.notes
    assert p.info == FileInfo(
        "TRA",
        "cp1252",
        "",
        "STD",
        None,
        None,
        ("S5", "CLI", "JRL", "STD", "007", "Société Générale Études"),
    )
    assert [(e.journal_code, e.journal_label, e.number, e.date) for e in p.entries] == [
        ("VT", "Ventes", "1", date(2025, 1, 15)),
        ("VT", "Ventes", "2", date(2025, 1, 16)),
        ("BQ", "Banque", "7", date(2025, 1, 15)),
    ]
    first = p.entries[0].lines[0]
    assert first == EntryLine(
        line=6, journal_code="VT", journal_label="Ventes", entry_number="1", entry_date=date(2025, 1, 15),
        account_number="411000", account_label="", aux_number="C00001", aux_label="", piece_ref="F1",
        piece_date=None, label="Facture Crèmerie Müller", debit=12000, credit=0, lettering="",
        lettering_date=None, validation_date=None, currency_amount=None, currency="EUR", analytic="",
        invoice_ref="F1",
    )  # fmt: skip
    assert [(ln.account_number, ln.debit, ln.credit) for ln in p.entries[1].lines] == [
        ("411000", 60000, 0), ("706000", 0, 50000), ("445710", 0, 10000),
    ]  # fmt: skip
    bank = p.entries[2].lines
    assert [(ln.aux_number, ln.piece_ref, ln.currency) for ln in bank] == [
        ("", "VIR 1", "EUR"),
        ("C00001", "VIR 1", "USD"),
    ]
    assert p.line_count == len(valid_std()) - 1 and p.bytes_read == len(tra_bytes(valid_std()))


def test_parameter_records_are_master_records() -> None:
    p = parse(
        build(
            journal("VT", "Ventes", "VTE"), journal("AC", "Achats", "ACH"), journal("BQ", "Banque", "BQE"),
            journal("CA", "Caisse", "CAI"), journal("OD", "Opérations diverses", "OD"),
            journal("AN", "A nouveaux", "ANO"), journal("XX", "Sans nature", ""),
            account("411000", "Clients", "COC"), third_party("C1", "Client Un", "CLI", "411000"),
            third_party("F1", "Fournisseur Un", "FOU", "401000"), third_party("S1", "Salarié", "SAL", "421000"),
            section("PARIS", "Agence de Paris", "A1"),
            sale("1", 100, 20, journal="AC"),
        )
    )  # fmt: skip
    assert not p.notes and not p.rejected
    assert [(r.kind, r.code, r.label, r.nature, r.line) for r in p.records] == [
        ("journal", "VT", "Ventes", "sales", 2),
        ("journal", "AC", "Achats", "purchases", 3),
        ("journal", "BQ", "Banque", "bank", 4),
        ("journal", "CA", "Caisse", "cash", 5),
        ("journal", "OD", "Opérations diverses", "general", 6),
        ("journal", "AN", "A nouveaux", "other", 7),
        ("journal", "XX", "Sans nature", "", 8),
        ("account", "411000", "Clients", "", 9),
        ("third_party", "C1", "Client Un", "customer", 10),
        ("third_party", "F1", "Fournisseur Un", "supplier", 11),
        ("third_party", "S1", "Salarié", "other", 12),
        ("section", "PARIS", "Agence de Paris", "", 13),
    ]
    assert p.entries[0].journal_label == "Achats"


def test_unknown_and_skipped_records_give_one_finding_per_code() -> None:
    p = parse(
        build(
            record("PS1", "x" * 40), record("EXO", "001"), record("EXO", "002"), record("ZZZ", "a"),
            record("ZZZ", "b"), record("TL1", "t"), record("JAL", ""), header(), sale("1", 100, 20),
        )
    )  # fmt: skip
    assert len(p.entries) == 1 and not p.records
    assert sorted((n.code, n.line) for n in p.notes) == [
        ("BAD_RECORD", 8), ("EXTRA_HEADER", 9), ("RECORD_SKIPPED", 2), ("RECORD_SKIPPED", 3),
        ("RECORD_SKIPPED", 7), ("UNKNOWN_RECORD", 5),
    ]  # fmt: skip
    assert all(n.severity == "finding" for n in p.notes)
    (unknown,) = [n for n in p.notes if n.code == "UNKNOWN_RECORD"]
    assert "***ZZZ" in unknown.message


def test_a_record_between_lines_of_an_entry_keeps_the_entry_whole() -> None:
    lines = sale("1", 100, 20)
    p = parse(build(lines[:2], journal("VT", "Ventes", "VTE"), lines[2:]))
    assert not p.rejected and [len(e.lines) for e in p.entries] == [3]
    assert [r.code for r in p.records] == ["VT"]


def test_extended_file() -> None:
    tail = "-CEET".rjust(200) + "X" * 300
    lines = [ln + tail for ln in sale("1", 10000, 2000)]
    bad = movement(number="2", sens="D", amount=500, extended=tail)  # unbalanced: refused with its raw text
    p = parse(build(lines, bad, fmt="ETE"))
    assert p.info is not None and p.info.variant == "ETE" and p.info.header[3] == "ETE"
    assert not p.notes and len(p.entries) == 1 and p.entries[0].total_debit == 12000
    assert p.rejected[0].raw_lines == (bad,) and len(bad) == 722


def test_standard_file_with_long_lines_reports_the_ignored_text() -> None:
    blank_tail = [
        movement(number="2", extended="    "),
        movement(general="706000", sens="C", number="2", extended=" "),
    ]
    p = parse(build([ln + "  ZZ" for ln in sale("1", 100, 20)], blank_tail))
    assert len(p.entries) == 2 and [(n.code, n.line) for n in p.notes] == [
        ("EXTRA_TEXT", 2), ("EXTRA_TEXT", 3), ("EXTRA_TEXT", 4),
    ]  # fmt: skip


# --- encodings and line forms ------------------------------------------------------------------------------


def accented() -> list[str]:
    return [
        header(company="Œuvres & Cie"),
        journal("VT", "Ventes à l'étranger", "VTE"),
        *sale("1", 123456, 24691, label="Facture Œnologie – été €"),
        *sale("2", 100, 20, label="Crème brûlée façon Noël"),
    ]


def test_cp1252_labels_keep_positions() -> None:
    data = tra_bytes(accented())
    assert b"\x8c" in data and b"\x80" in data  # Œ and €: Windows-1252 only
    p = parse(data)
    assert p.info is not None and p.info.encoding == "cp1252" and p.info.header[5] == "Œuvres & Cie"
    assert not p.notes and not p.rejected
    assert p.entries[0].journal_label == "Ventes à l'étranger"
    assert [(ln.label, ln.debit, ln.credit) for ln in p.entries[0].lines] == [
        ("Facture Œnologie – été €", 148147, 0),
        ("Facture Œnologie – été €", 0, 123456),
        ("Facture Œnologie – été €", 0, 24691),
    ]


def test_the_same_file_resaved_as_utf8_reads_the_same() -> None:
    cp1252, utf8 = parse(tra_bytes(accented())), parse(tra_bytes(accented(), encoding="utf-8"))
    assert utf8.info is not None and utf8.info.encoding == "utf-8"
    assert utf8.entries == cp1252.entries and not utf8.notes and not utf8.rejected
    with_bom = parse(b"\xef\xbb\xbf" + tra_bytes(accented(), encoding="utf-8"))
    assert with_bom.entries == cp1252.entries


@pytest.mark.parametrize("eol", ["\r\n", "\n"])
def test_trimmed_lines_are_padded(eol: str) -> None:
    lines = [*valid_std(), movement(general="512000", number="8", amount=100, currency=""),
             movement(general="758000", number="8", sens="C", amount=100, currency="", amount_code="")]  # fmt: skip
    trimmed = tra_bytes(lines, trim=True, eol=eol)
    assert len(trimmed.splitlines()[-1]) == 159  # ends with NUMEROPIECE
    full, short = parse(tra_bytes(lines)), parse(trimmed)
    assert short.entries == full.entries and not short.notes and not short.rejected
    assert short.entries[-1].lines[0].currency == "EUR"  # blank DEVISE
    assert short.entries[-1].lines[0].label == ""


def test_trimmed_line_with_a_left_aligned_number_stays_in_its_entry() -> None:
    # NUMEROPIECE written "12      ": trimming cuts it to "12" on a line with nothing after it
    lines = [
        movement(number="12      ", amount=100),
        movement(number="12      ", general="706000", sens="C", amount=100, currency="", amount_code=""),
    ]
    data = tra_bytes([header(), *lines], trim=True)
    assert len(data.splitlines()[-1]) == 153
    p = parse(data)
    assert not p.rejected and [(e.number, len(e.lines)) for e in p.entries] == [("12", 2)]


def test_empty_lines_are_findings_and_do_not_split_an_entry() -> None:
    lines = sale("1", 100, 20)
    p = parse(build(lines[:1], "", "   ", lines[1:]))
    assert len(p.entries) == 1 and [(n.code, n.line) for n in p.notes] == [
        ("EMPTY_LINE", 3),
        ("EMPTY_LINE", 4),
    ]


# --- entries: grouping, balance, refusals --------------------------------------------------------------------


def test_entry_key_is_journal_date_piece_type_and_number() -> None:
    p = parse(
        build(
            sale("1", 100, 20),
            sale("1", 100, 20, date="16012025"),  # another date: another entry
            sale("1", 100, 20, piece_type="AC"),  # another piece type: another entry
            sale("1", 100, 20, journal="V2"),
            sale("00000001", 100, 20),  # the number as written
        )
    )
    assert not p.rejected and len(p.entries) == 5
    assert [e.number for e in p.entries] == ["1", "1", "1", "1", "00000001"]


def test_unbalanced_entry_is_refused_with_every_line() -> None:
    lines = [
        movement(number="3", amount=10000),
        movement(general="706000", number="3", sens="C", amount=9999),
    ]
    p = parse(build(sale("1", 100, 20), lines))
    assert len(p.entries) == 1
    (rejected,) = p.rejected
    assert (rejected.journal_code, rejected.number, rejected.lines, rejected.raw_lines) == (
        "VT",
        "3",
        (5, 6),
        tuple(lines),
    )
    error = one_error(p)
    assert (error.code, error.line) == ("UNBALANCED_ENTRY", 5)
    assert "debit 100,00, credit 99,99, difference 0,01" in error.message


def test_entry_that_comes_back_is_refused() -> None:
    first = sale("1", 100, 20)
    p = parse(build(first[:2], sale("2", 100, 20), first[2:]))
    assert [e.number for e in p.entries] == ["2"]
    assert [(r.number, r.lines) for r in p.rejected] == [("1", (2, 3)), ("1", (7,))]
    assert p.rejected[0].errors[0].code == "UNBALANCED_ENTRY"
    assert [e.code for e in p.rejected[1].errors] == ["ENTRY_NOT_CONTIGUOUS", "UNBALANCED_ENTRY"]
    assert "line 2" in p.rejected[1].errors[0].message


@pytest.mark.parametrize(
    ("fields", "column", "code", "words"),
    [
        ({"sens": "X"}, "SENS", "BAD_SENS", "SENS 'X' is wrong: it must be D (debit) or C (credit)"),
        ({"sens": " "}, "SENS", "BAD_SENS", "SENS is empty"),
        ({"sens": "d"}, "SENS", "BAD_SENS", "'d'"),
        ({"amount": "12O,00"}, "MONTANT1", "BAD_AMOUNT", "MONTANT1 '12O,00' is not an amount"),
        ({"amount": "1 200,00"}, "MONTANT1", "BAD_AMOUNT", "'1 200,00'"),
        ({"amount": "1.200,00"}, "MONTANT1", "BAD_AMOUNT", "'1.200,00'"),
        ({"amount": "1,234"}, "MONTANT1", "BAD_AMOUNT", "more than 2 decimals"),
        ({"amount": "1.234"}, "MONTANT1", "BAD_AMOUNT", "ambiguous"),
        ({"amount": ""}, "MONTANT1", "MISSING_VALUE", "MONTANT1 is empty"),
        ({"amount": "9" * 16 + ",00"}, "MONTANT1", "BAD_AMOUNT", "too large"),
        (
            {"date": "32012025"},
            "DATECOMPTABLE",
            "BAD_DATE",
            "DATECOMPTABLE '32012025' is not a valid date (day 32",
        ),
        ({"date": "15132025"}, "DATECOMPTABLE", "BAD_DATE", "(month 13)"),
        ({"date": "2025-01-"}, "DATECOMPTABLE", "BAD_DATE", "JJMMAAAA"),
        ({"date": "01011900"}, "DATECOMPTABLE", "MISSING_VALUE", "01011900 means no date"),
        ({"general": ""}, "GENERAL", "MISSING_VALUE", "GENERAL"),
        ({"account_type": "Z"}, "TYPE_CPTE", "BAD_ACCOUNT_TYPE", "TYPE_CPTE 'Z'"),
        ({"account_type": "X"}, "AUXILIAIRE_OU_SECTION", "MISSING_VALUE", "third party"),
    ],
)
def test_bad_field_names_the_field_and_the_line(
    fields: dict[str, str], column: str, code: str, words: str
) -> None:
    lines = [
        movement(**{"number": "5", "amount": 100, **fields}),  # type: ignore[arg-type]
        movement(general="706000", number="5", sens="C", amount=100),
    ]
    p = parse(build(sale("1", 100, 20), lines))
    assert len(p.entries) == 1
    (rejected,) = p.rejected
    assert rejected.lines == (5, 6) and rejected.raw_lines == tuple(lines)
    error = rejected.errors[0]
    assert (error.line, error.column, error.code) == (5, column, code) and words in error.message, error


def test_bad_date_line_joins_its_entry() -> None:
    lines = sale("4", 100, 20)
    bad = lines[1][:3] + "31022025" + lines[1][11:]
    p = parse(build(lines[0], bad, lines[2], sale("5", 100, 20)))
    assert [e.number for e in p.entries] == ["5"]
    (rejected,) = p.rejected
    assert rejected.lines == (2, 3, 4) and [e.code for e in rejected.errors] == ["BAD_DATE"]


def test_short_line_is_refused_with_its_entry() -> None:
    lines = sale("4", 100, 20)
    p = parse(build(lines[0], lines[1][:140], lines[2]))
    (rejected,) = p.rejected
    assert rejected.lines == (2, 3, 4) and rejected.raw_lines[1] == lines[1][:140]
    assert [(e.code, e.line) for e in rejected.errors] == [("SHORT_LINE", 3)]
    assert "140 characters" in rejected.errors[0].message


def test_garbage_line_first_is_refused_alone() -> None:
    p = parse(build("hello world", sale("1", 100, 20)))
    assert len(p.entries) == 1 and [r.lines for r in p.rejected] == [(2,)]
    assert p.rejected[0].errors[0].code == "SHORT_LINE"


@pytest.mark.parametrize(("kind", "what"), [("S", "a simulation entry"), ("U", "a situation entry"),
                                            ("R", "a revision entry"), (" ", "not filled in")])  # fmt: skip
def test_entries_that_are_not_normal_are_refused(kind: str, what: str) -> None:
    p = parse(build(sale("1", 100, 20), sale("2", 100, 20, entry_type=kind)))
    assert [e.number for e in p.entries] == ["1"]
    error = one_error(p)  # said once for the entry, not once per line
    assert (error.line, error.column, error.code) == (5, "TYPE_ECRITURE", "NOT_NORMAL_ENTRY")
    assert what in error.message and "only normal entries (N) are imported" in error.message
    assert p.rejected[0].lines == (5, 6, 7)


def test_findings_keep_the_entry() -> None:
    lines = [
        movement(number="1", amount="100.00", due="31022025"),
        movement(general="706000", number="1", sens="C", amount="-50,00"),
        movement(general="445710", number="1", sens="C", amount=0, aux="T1"),
        movement(general="706000", number="1", sens="D", amount="50,00-"),
        movement(general="512000", number="1", sens="C", amount=10000),
    ]
    p = parse(build(lines))
    assert not p.rejected
    assert [(ln.debit, ln.credit, ln.aux_number) for ln in p.lines] == [
        (10000, 0, ""), (5000, 0, ""), (0, 0, "T1"), (0, 5000, ""), (0, 10000, ""),
    ]  # fmt: skip
    assert [(n.line, n.column, n.code) for n in p.notes] == [
        (2, "MONTANT1", "DOT_DECIMAL"), (2, "ECHEANCE", "BAD_DATE"), (3, "MONTANT1", "NEGATIVE_AMOUNT"),
        (4, "TYPE_CPTE", "AUX_ON_GENERAL_LINE"), (4, "MONTANT1", "ZERO_AMOUNT"), (5, "MONTANT1", "NEGATIVE_AMOUNT"),
    ]  # fmt: skip
    assert all(n.severity == "finding" for n in p.notes)
    assert (
        "recorded as debit 50,00" in p.notes[2].message and "recorded as credit 50,00" in p.notes[5].message
    )


def test_errors_carry_their_values_as_parameters() -> None:
    """The message is written from the parameters (messages.py): amounts as Decimals, reasons as words."""
    lines = [
        movement(number="1", amount="-12.5"),
        movement(general="706000", number="1", sens="C", amount="-12,50"),
    ]
    p = parse(build(lines))
    assert [(n.code, n.values) for n in p.notes] == [
        ("DOT_DECIMAL", {"field": "MONTANT1", "value": "-12.5", "amount": Decimal("-12.50"), "separator": "."}),
        ("NEGATIVE_AMOUNT", {"field": "MONTANT1", "value": "-12.5", "credit": Decimal("12.50")}),
        ("NEGATIVE_AMOUNT", {"field": "MONTANT1", "value": "-12,50", "debit": Decimal("12.50")}),
    ]  # fmt: skip
    bad = [movement(number="2", amount="1,234", sens="X", account_type="X"), movement(number="2", general="")]
    errors = parse(build(bad)).errors()
    assert [(e.code, e.values) for e in errors] == [
        ("BAD_AMOUNT", {"field": "MONTANT1", "value": "1,234", "reason": "decimals", "places": 2}),
        ("BAD_SENS", {"field": "SENS", "value": "X", "debit_code": "D", "credit_code": "C"}),
        ("MISSING_VALUE", {"field": "AUXILIAIRE_OU_SECTION", "meaning": "third_party", "line_type": "X"}),
        ("MISSING_VALUE", {"field": "GENERAL", "meaning": "account"}),
    ]  # fmt: skip
    assert errors[0].message == "MONTANT1 '1,234' has more than 2 decimals"
    assert errors[2].message == "AUXILIAIRE_OU_SECTION (the third party) is empty on a TYPE_CPTE X line"


def test_a_refused_entry_drops_its_line_findings() -> None:
    p = parse(build(movement(amount="100.00"), movement(general="706000", sens="X", amount=10000)))
    assert not p.notes and [e.code for e in p.errors()] == ["BAD_SENS"]


def test_findings_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tra_module, "FINDINGS_PER_CODE", 3)
    p = parse(build(*[sale(str(k), 100, 20, due="99999999") for k in range(5)]))
    assert len(p.entries) == 5
    bad_dates = [n for n in p.notes if n.code == "BAD_DATE"]
    assert len(bad_dates) == 4 and bad_dates[-1].line == 0 and "12 more" in bad_dates[-1].message


def test_items_can_be_consumed_once() -> None:
    tra = open_tra(io.BytesIO(build(sale("1", 100, 20))))
    assert len(list(tra.items())) == 1
    with pytest.raises(RuntimeError):
        list(tra.items())


# --- analytic lines --------------------------------------------------------------------------------------


def analytic(
    general: str, sect: str, amount: int, number: str = "1", sens: str = "C", axis: str = "A1"
) -> str:
    return movement(
        general=general, account_type="A", aux=sect, sens=sens, amount=amount, number=number, axis=axis
    )


def test_analytic_line_with_the_whole_amount_gives_the_section() -> None:
    lines = sale("1", 10000, 2000)
    p = parse(build(section("PARIS", "Paris"), lines[:2], analytic("706000", "PARIS", 10000), lines[2:]))
    assert not p.rejected and not p.notes
    (entry,) = p.entries
    assert [(ln.line, ln.account_number, ln.credit, ln.analytic) for ln in entry.lines] == [
        (3, "411000", 0, ""), (4, "706000", 10000, "PARIS"), (6, "445710", 2000, ""),
    ]  # fmt: skip
    assert entry.total_debit == entry.total_credit == 12000  # the analytic line is not counted


def test_analytic_lines_split_the_general_line() -> None:
    lines = sale("1", 10000, 2000)
    ana = [
        analytic("706000", "PARIS", 6000),
        analytic("706000", "LYON", 3999),
        analytic("706000", "NANTES", 1),
    ]
    p = parse(build(lines[:2], ana, lines[2:]))
    assert not p.rejected and not p.notes
    (entry,) = p.entries
    assert [
        (ln.line, ln.account_number, ln.debit, ln.credit, ln.analytic, ln.label) for ln in entry.lines
    ] == [
        (2, "411000", 12000, 0, "", "Facture"),
        (3, "706000", 0, 6000, "PARIS", "Facture"),
        (3, "706000", 0, 3999, "LYON", "Facture"),
        (3, "706000", 0, 1, "NANTES", "Facture"),
        (7, "445710", 0, 2000, "", "Facture"),
    ]


def test_analytic_lines_that_do_not_add_up_refuse_the_entry() -> None:
    lines = sale("1", 10000, 2000)
    ana = [analytic("706000", "PARIS", 6000), analytic("706000", "LYON", 3000)]
    p = parse(build(lines[:2], ana, lines[2:], sale("2", 100, 20)))
    assert [e.number for e in p.entries] == ["2"]
    (rejected,) = p.rejected
    assert rejected.lines == (2, 3, 4, 5, 6) and rejected.raw_lines == (*lines[:2], *ana, lines[2])
    error = one_error(p)
    assert (error.line, error.column, error.code) == (3, "MONTANT1", "ANALYTIC_MISMATCH")
    assert "add up to 90,00 C" in error.message and "line 3 is 100,00 C" in error.message
    assert error.values == {
        "account": "706000", "axis": "A1", "first": 4, "last": 5, "spread": Decimal("-90.00"), "line": 3,
        "total": Decimal("-100.00"), "entry": "VT 1",
    }  # fmt: skip


def test_analytic_line_sides_are_signed() -> None:
    lines = [movement(general="606100", amount=10000), movement(general="401000", account_type="X", aux="F1",
                                                                sens="C", amount=10000)]  # fmt: skip
    ana = [analytic("606100", "P", 12000, sens="D"), analytic("606100", "L", 2000, sens="C")]
    p = parse(build(lines[0], ana, lines[1]))
    assert [(ln.analytic, ln.debit, ln.credit) for ln in p.entries[0].lines] == [
        ("P", 12000, 0), ("L", 0, 2000), ("", 0, 10000),
    ]  # fmt: skip


def test_analytic_line_must_follow_a_line_of_its_account() -> None:
    lines = sale("1", 10000, 2000)
    p = parse(build(lines[:2], analytic("445710", "PARIS", 2000), lines[2:]))
    error = one_error(p)
    assert (error.line, error.column, error.code) == (4, "GENERAL", "ANALYTIC_WITHOUT_GENERAL")
    assert "follows account 706000" in error.message
    p = parse(build(analytic("706000", "PARIS", 2000), lines))
    assert [e.code for e in p.errors()] == ["ANALYTIC_WITHOUT_GENERAL"]


def test_second_axis_is_checked_and_reported_but_not_kept() -> None:
    lines = sale("1", 10000, 2000)
    ana = [analytic("706000", "PARIS", 10000), analytic("706000", "PROJ1", 4000, axis="A2"),
           analytic("706000", "PROJ2", 6000, axis="A2")]  # fmt: skip
    p = parse(build(lines[:2], ana, lines[2:]))
    assert [ln.analytic for ln in p.lines] == ["", "PARIS", ""]
    assert [(n.code, n.line) for n in p.notes] == [("ANALYTIC_AXIS_IGNORED", 3)]
    bad = parse(build(lines[:2], ana[:2], lines[2:]))
    assert [e.code for e in bad.errors()] == ["ANALYTIC_MISMATCH"] and "axis A2" in bad.errors()[0].message


def test_analytic_line_without_section_or_axis() -> None:
    lines = sale("1", 10000, 2000)
    p = parse(build(lines[:2], analytic("706000", "", 10000), lines[2:]))
    assert [(e.code, e.column) for e in p.errors()] == [("MISSING_VALUE", "AUXILIAIRE_OU_SECTION")]
    p = parse(build(lines[:2], analytic("706000", "PARIS", 10000, axis=""), lines[2:]))
    assert [ln.analytic for ln in p.lines] == ["", "PARIS", ""] and [n.code for n in p.notes] == [
        "MISSING_DATA"
    ]


# --- whole-file failures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"", "EMPTY_FILE", "empty"),
        (b"\r\n\r\n", "EMPTY_FILE", "empty"),
        (header().encode() + b"\r\n", "EMPTY_FILE", "no lines after it"),
        (header().encode() + b"\r\n  \r\n", "EMPTY_FILE", "no lines after it"),
        (
            b"JournalCode\tJournalLib\tEcritureNum\r\nVT\tVentes\t1\r\n",
            "BAD_HEADER",
            "starts with 'JournalCode",
        ),
        (tra_bytes(sale("1", 100, 20)), "BAD_HEADER", "must start with ***"),
        (
            tra_bytes([journal("VT", "Ventes"), *sale("1", 100, 20)]),
            "BAD_HEADER",
            "format (positions 12-14) is",
        ),
        (bytes(range(256)) * 40, "BINARY_FILE", "binary"),
        (b"PK\x03\x04" + b"\x00" * 100, "BINARY_FILE", "ZIP"),
        ("\r\n".join([header(), *sale("1", 100, 20)]).encode("utf-16"), "BAD_ENCODING", "UTF-16"),
    ],
)
def test_fatal_files(data: bytes, code: str, words: str) -> None:
    p = parse(data)
    assert p.fatal is not None and p.fatal.code == code and words in p.fatal.message, p.fatal
    assert p.info is None and not p.entries and not p.rejected and not p.notes and not p.records


def test_header_values_that_are_not_known_are_findings() -> None:
    p = parse(tra_bytes([header(product="ZZ", origin="ABC", content="XYZ"), *sale("1", 100, 20)]))
    assert len(p.entries) == 1 and [n.code for n in p.notes] == ["HEADER_VALUE"] * 3
    assert "'ZZ'" in p.notes[0].message


def test_open_parser_reads_tra() -> None:
    tra = open_parser("TRA", io.BytesIO(build(sale("1", 100, 20))), "X.TRA")
    assert tra.info is not None and tra.info.format == "TRA"
    assert [type(item) for item in tra.items()] == [Entry]


# --- values ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15012025", (date(2025, 1, 15), {})), ("01011900", (None, {})), ("        ", (None, {})),
        ("00000000", (None, {})), ("29022024", (date(2024, 2, 29), {})),
        ("30022024", (None, {"reason": "day", "day": 30, "month": "2024-02"})),
        ("15132024", (None, {"reason": "month", "month": 13})),
        ("2024-1-1", (None, {"reason": "form", "expected": "JJMMAAAA"})),
    ],
)  # fmt: skip
def test_read_date(text: str, expected: tuple[date | None, dict[str, object]]) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("00000000000001200,00", (120000, {}, None)), ("1200,5", (120050, {}, None)), ("1200", (120000, {}, None)),
        ("12.50", (1250, {}, "DOT_DECIMAL")), ("-5,00", (-500, {}, None)), ("5,00-", (-500, {}, None)),
        ("5,000", (500, {}, None)), ("", (None, {}, None)),
        ("-5,00-", (None, {"reason": "form", "expected": "1234,56"}, None)),
        ("1 200,00", (None, {"reason": "form", "expected": "1234,56"}, None)),
        ("9" * 16 + ",00", (None, {"reason": "too_large"}, None)),
        ("1.234", (None, {"reason": "ambiguous", "format": "TRA"}, None)),
        ("1,234", (None, {"reason": "decimals", "places": 2}, None)),
    ],
)  # fmt: skip
def test_read_amount(text: str, expected: tuple[int | None, dict[str, object], str | None]) -> None:
    assert read_amount(text) == expected


# --- generated files: the example, totals, streaming memory ----------------------------------------------------


def test_documented_example_reads_clean() -> None:
    p = parse((ROOT / "docs" / "examples" / "EXEMPLE.TRA").read_bytes())
    assert p.info is not None and p.info.encoding == "cp1252" and not p.rejected and not p.notes
    assert {r.kind for r in p.records} == {"journal", "account", "third_party", "section"}
    assert any(ln.analytic for ln in p.lines) and any(ln.aux_number for ln in p.lines)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_tra", ROOT / "bench" / "gen_tra.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_file_totals(tmp_path: Path) -> None:
    path = tmp_path / "gen.tra"
    entries, lines = _generator().generate_tra(path, 3001)
    p = parse(path.read_bytes())
    assert p.info is not None and p.info.encoding == "cp1252"
    assert not p.rejected and not p.notes and p.line_count == lines + 3  # + 3 ***JAL records
    assert len(p.entries) == entries == 1000 and len(p.lines) == 3001
    assert sum(e.total_debit for e in p.entries) == sum(e.total_credit for e in p.entries) > 0
    assert any("Œ" in ln.label for ln in p.lines) and any("€" in ln.label for ln in p.lines)


def _peak_memory(path: Path, lines: int) -> int:
    """Peak traced bytes while streaming the file."""
    tracemalloc.start()
    try:
        with open(path, "rb") as fh:
            tra = open_tra(fh)
            count = sum(1 for item in tra.items() if isinstance(item, Entry))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert tra.line_count == lines + 3 and count == lines // 3 and tra.bytes_read == path.stat().st_size
    return peak


def test_streaming_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    # Both past 2 × MEMORY entries, so both fill the remembered entry keys to their bound.
    small, big = tmp_path / "small.tra", tmp_path / "big.tra"
    _generator().generate_tra(small, 27_000)
    _generator().generate_tra(big, 50_001)
    small_peak, big_peak = _peak_memory(small, 27_000), _peak_memory(big, 50_001)
    size = big.stat().st_size
    assert big_peak < min(size / 4, 4 * 2**20), f"peak {big_peak} bytes for a {size}-byte file"
    assert big_peak < small_peak * 1.25, f"peak {big_peak} for 50k lines, {small_peak} for 27k"
