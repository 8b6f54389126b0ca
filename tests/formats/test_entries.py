"""Generic grouping of parsed lines into entries (ecluse.formats.entries)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from ecluse.formats.entries import LOOSE, LineItem, cents, group_entries
from ecluse.formats.records import Entry, EntryLine, ParseError, RejectedEntry, new_entry, new_entry_line

D1, D2 = date(2025, 1, 15), date(2025, 1, 16)


def line(
    no: int, number: str, debit: int = 0, credit: int = 0, day: date = D1, journal: str = "VT"
) -> EntryLine:
    return new_entry_line(
        no, journal, "Ventes", number, day, "411000", "Clients", "", "", "P1", None, "Label", debit, credit,
        "", None, None, None, "",
    )  # fmt: skip


def good(no: int, number: str, debit: int = 0, credit: int = 0, **kw: object) -> LineItem:
    entry_line = line(no, number, debit, credit, **kw)  # type: ignore[arg-type]
    return (no, f"raw {no}", (entry_line.journal_code, number), entry_line, None)


def bad(no: int, key: tuple[str, str] | None, code: str = "BAD_AMOUNT") -> LineItem:
    return (no, f"raw {no}", key, None, [ParseError(no, "Debit", code, "Debit 'x' is not an amount")])


def run(
    items: list[LineItem], window: int = 8, memory: int = 4096
) -> list[Entry | RejectedEntry | ParseError]:
    return list(group_entries(items, window=window, memory=memory))


def test_fast_constructors_build_genuine_frozen_records() -> None:
    made = line(2, "VT1", 100, 0)
    plain = EntryLine(2, "VT", "Ventes", "VT1", D1, "411000", "Clients", "", "", "P1", None, "Label", 100, 0,
                      "", None, None, None, "")  # fmt: skip
    assert type(made) is EntryLine and made == plain and hash(made) == hash(plain)
    assert dataclasses.replace(made, debit=5).debit == 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.debit = 3  # type: ignore[misc]
    entry = new_entry("VT", "Ventes", "VT1", D1, (made,))
    assert type(entry) is Entry and entry == Entry("VT", "Ventes", "VT1", D1, (plain,))
    assert entry.total_debit == 100 and entry.total_credit == 0


@pytest.mark.parametrize(
    ("value", "text"), [(0, "0,00"), (5, "0,05"), (123456, "1234,56"), (-20000, "-200,00")]
)
def test_cents(value: int, text: str) -> None:
    assert cents(value) == text


def test_contiguous_lines_form_balanced_entries() -> None:
    out = run([good(2, "VT1", 1000), good(3, "VT1", 0, 1000), good(4, "VT2", 50), good(5, "VT2", 0, 50)])
    assert [type(x) for x in out] == [Entry, Entry]
    first = out[0]
    assert isinstance(first, Entry)
    assert (first.journal_code, first.number, first.date, first.journal_label) == ("VT", "VT1", D1, "Ventes")
    assert [ln.line for ln in first.lines] == [2, 3] and first.total_debit == first.total_credit == 1000


def test_unbalanced_entry_is_rejected_with_both_totals() -> None:
    (out,) = run([good(2, "AC1", 120000), good(3, "AC1", 0, 100000)])
    assert isinstance(out, RejectedEntry)
    assert out.lines == (2, 3) and out.raw_lines == ("raw 2", "raw 3")
    (error,) = out.errors
    assert error.code == "UNBALANCED_ENTRY" and error.severity == "error" and error.line == 2
    assert "1200,00" in error.message and "1000,00" in error.message and "200,00" in error.message


def test_mixed_dates_reject_the_entry() -> None:
    (out,) = run([good(2, "VT1", 100, day=D1), good(3, "VT1", 0, 100, day=D2)])
    assert isinstance(out, RejectedEntry)
    assert [e.code for e in out.errors] == ["MIXED_DATES"]
    assert out.errors[0].line == 3 and out.errors[0].column == "EcritureDate"


def test_one_bad_line_rejects_the_whole_entry_with_every_line() -> None:
    out = run(
        [
            good(2, "VT1", 100),
            bad(3, ("VT", "VT1")),
            good(4, "VT1", 0, 100),
            good(5, "VT2", 1),
            good(6, "VT2", 0, 1),
        ]
    )
    rejected, entry = out
    assert isinstance(rejected, RejectedEntry) and isinstance(entry, Entry)
    assert rejected.lines == (2, 3, 4) and rejected.raw_lines == ("raw 2", "raw 3", "raw 4")
    assert [e.code for e in rejected.errors] == ["BAD_AMOUNT"]  # no balance check on unreadable amounts


def test_unreadable_key_joins_the_entry_being_read() -> None:
    (out,) = run([good(2, "VT1", 100), bad(3, None, "WRONG_FIELD_COUNT"), good(4, "VT1", 0, 100)])
    assert isinstance(out, RejectedEntry) and out.lines == (2, 3, 4)


def test_unreadable_first_line_stands_alone() -> None:
    first, entry = run([bad(2, None, "WRONG_FIELD_COUNT"), good(3, "VT1", 100), good(4, "VT1", 0, 100)])
    assert isinstance(first, RejectedEntry) and first.lines == (2,) and first.number == ""
    assert isinstance(entry, Entry)


def test_interleaved_entries_within_the_window_are_merged() -> None:
    items = [good(2, "VT1", 100), good(3, "VT2", 70), good(4, "VT1", 0, 100), good(5, "VT2", 0, 70)]
    out = run(items)
    assert [type(x) for x in out] == [Entry, Entry]
    assert [[ln.line for ln in x.lines] for x in out if isinstance(x, Entry)] == [[2, 4], [3, 5]]


def test_key_coming_back_after_its_entry_closed_is_refused() -> None:
    items = [good(2, "VT1", 100), good(3, "VT1", 0, 100), good(4, "VT2", 5), good(5, "VT2", 0, 5),
             good(6, "VT1", 7), good(7, "VT1", 0, 7)]  # fmt: skip
    out = run(items, window=1)
    assert [type(x) for x in out] == [Entry, Entry, RejectedEntry]
    late = out[2]
    assert isinstance(late, RejectedEntry) and late.lines == (6, 7)
    assert [e.code for e in late.errors] == ["ENTRY_NOT_CONTIGUOUS"]
    assert "line 2" in late.errors[0].message


def test_memory_of_closed_keys_is_bounded() -> None:
    items = [good(2, "VT1", 1), good(3, "VT1", 0, 1)]
    for k in range(10):
        items += [good(10 + 2 * k, f"X{k}", 1), good(11 + 2 * k, f"X{k}", 0, 1)]
    items += [good(50, "VT1", 2), good(51, "VT1", 0, 2)]  # long forgotten: a new entry
    out = run(items, window=1, memory=3)
    assert all(isinstance(x, Entry) for x in out) and len(out) == 12


def test_findings_come_before_their_entry_and_loose_items_keep_their_place() -> None:
    note = ParseError(3, "EcritureDate", "DATE_SEPARATORS", "x", "finding")
    empty = ParseError(4, None, "EMPTY_LINE", "Empty line", "finding")
    e1 = line(2, "VT1", 100)
    items: list[LineItem] = [
        (2, "raw 2", ("VT", "VT1"), e1, None),
        (3, "raw 3", ("VT", "VT1"), line(3, "VT1", 0, 100), [note]),
        (4, "", LOOSE, None, [empty]),
        good(5, "VT2", 1),
        good(6, "VT2", 0, 1),
    ]
    out = run(items)
    assert [type(x).__name__ for x in out] == ["ParseError", "Entry", "ParseError", "Entry"]
    assert out[0] is note and out[2] is empty


def test_findings_of_a_rejected_entry_are_reported_before_it() -> None:
    note = ParseError(2, None, "DEBIT_AND_CREDIT", "x", "finding")
    empty = ParseError(3, None, "MISSING_LABEL", "x", "finding")
    error = ParseError(3, "Debit", "BAD_AMOUNT", "x", "error")
    items: list[LineItem] = [
        (2, "raw 2", ("VT", "VT1"), line(2, "VT1", 100, 1), [note]),
        (3, "raw 3", ("VT", "VT1"), None, [error, empty]),
    ]
    first, second, out = run(items)
    assert (first, second) == (note, empty)  # every defect of a line, its entry refused or not
    assert isinstance(out, RejectedEntry) and [e.code for e in out.errors] == ["BAD_AMOUNT"]
