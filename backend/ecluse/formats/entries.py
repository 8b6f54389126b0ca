"""Format-independent building blocks: grouping parsed lines into entries with the entry-level checks
(balance, one date per entry, chronology), and the amount parser of French accounting text files (a
decimal comma into integer minor units) that custom layouts reuse; dates are in formats/dates.py.

A parser feeds `LineItem` tuples in file order and gets back `Entry`,
`RejectedEntry` and (finding) `ParseError` items, in the file order of each entry's first line.

Lines are grouped by key (journal code, entry number). Non-contiguous lines are handled with memory
bounded by the number of open entries: the last `window` entries stay open, so a key that comes back
while its entry is still open is merged into it (mildly interleaved entries are read right). Once an
entry is closed (pushed out of the window), a key that comes back within the next `memory` to
2 × `memory` closed entries is refused: its late lines form a RejectedEntry with ENTRY_NOT_CONTIGUOUS
(the earlier part was already judged on its own). A key that comes back later than that is not
recognised and starts a new entry, so memory never grows with the file.

An entry is refused whole (every line listed) when any of its lines has an error, when its debits and
credits differ (UNBALANCED_ENTRY), when its lines disagree on the entry date (MIXED_DATES) or when its
debits add up to more than money.ENTRY_TOTAL_MAX (ENTRY_TOTAL_TOO_LARGE, formats/limits.py). Findings
attached to lines are emitted just before their entry, refused or not: every defect of a line is reported.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ecluse.formats.limits import entry_total_error, shown
from ecluse.formats.records import Entry, EntryLine, ParseError, RejectedEntry, new_entry
from ecluse.money import ENTRY_TOTAL_MAX, decimal_of, format_amount
from ecluse.money import parse_amount as money_amount

Key = tuple[str, str]
#: (physical line, raw text, key, parsed line or None when the line has an error, its problems or None).
#: key None = unreadable: the line joins the entry being read. key LOOSE = not an entry line (an empty
#: line): its problems are passed through.
LineItem = tuple[int, str, Key | None, EntryLine | None, list[ParseError] | None]
Output = Entry | RejectedEntry | ParseError
LOOSE: Key = ("\x00", "loose")
_NOMATCH: Key = ("\x00", "nomatch")  # never equal to a real key
WINDOW = 8
MEMORY = 4096


def cents(value: int, places: int = 2) -> str:
    """12345 → '123,45' (French decimal comma, as in the FEC), in a currency of `places` decimals."""
    return format_amount(value, places)


class ClosedKeys:
    """The keys of recently closed entries → the first line of each, to tell an entry that comes back. Two
    generations keep memory bounded: a key is remembered for `memory` to 2 × `memory` closings."""

    __slots__ = ("_before", "_memory", "_now")

    def __init__(self, memory: int = MEMORY) -> None:
        self._now: dict[object, int] = {}
        self._before: dict[object, int] = {}
        self._memory = memory

    def close(self, key: object, first: int) -> None:
        self._now[key] = first
        if len(self._now) > self._memory:
            self._before, self._now = self._now, {}

    def resumes(self, key: object) -> int | None:
        """The first line of the closed entry `key` names, or None when it is not (or no longer) known."""
        return self._now.get(key) or self._before.get(key)


#: (key, its items, first line of the earlier, already closed part of the entry or None).
#: key None: unreadable lines with no entry to join; key LOOSE: an empty line.
Group = tuple["Key | None", list[LineItem], "int | None"]


def group_entries(
    items: Iterable[LineItem],
    *,
    date_column: str = "EcritureDate",
    window: int = WINDOW,
    memory: int = MEMORY,
    places: int = 2,
    closed: ClosedKeys | None = None,
) -> Iterator[Output]:
    """`closed`: the keys of entries closed before these lines (a parser that read the first part of the
    file another way hands its state over)."""
    open_: OrderedDict[object, Group] = OrderedDict()  # the window of open entries, oldest first
    closed = ClosedKeys(memory) if closed is None else closed
    cur_key: Key | None = _NOMATCH
    cur_items: list[LineItem] | None = None  # the entry being read
    for item in items:
        key = item[2]
        if key == cur_key:  # hot path: the next line of the same entry
            cur_items.append(item)  # type: ignore[union-attr]
            continue
        if key is None and cur_items is not None:  # unreadable line: joins the entry being read
            cur_items.append(item)
            continue
        if key is None or key is LOOSE:  # a group of its own, never merged into
            group: Group = (key, [item], None)
            open_[object()] = group
            if key is None:
                cur_items = group[1]
            cur_key = _NOMATCH  # after an empty line, an unreadable line still joins cur_items
        else:
            found = open_.get(key)
            if found is None:
                cur_items = [item]
                open_[key] = (key, cur_items, closed.resumes(key))
            else:
                cur_items = found[1]
                cur_items.append(item)
            cur_key = key
        if len(open_) > window:
            old = open_.popitem(last=False)[1]
            if old[1] is cur_items:  # never append to an entry already emitted
                cur_key, cur_items = _NOMATCH, None
            done = _close(old, date_column, places)
            if type(done) is list:
                yield from done
            else:
                yield done  # type: ignore[misc]
            if old[0] is not None and old[0] is not LOOSE:
                closed.close(old[0], old[1][0][0] if old[2] is None else old[2])
    for old in open_.values():
        done = _close(old, date_column, places)
        if type(done) is list:
            yield from done
        else:
            yield done  # type: ignore[misc]


def _close(group: Group, date_column: str, places: int) -> Entry | list[Output]:
    """An Entry when the group is good and has no findings (the common case), else a list."""
    key, items, resumes = group
    if key is LOOSE:
        return list(items[0][4] or ())
    lines = [item[3] for item in items]
    if key is not None and resumes is None and None not in lines:
        entry = accept(key[0], lines[0].journal_label, key[1], lines)  # type: ignore[arg-type,union-attr]
        if entry is not None:
            if all(item[4] is None for item in items):
                return entry
            return [*(p for item in items for p in item[4] or ()), entry]
    journal_code, number = key or ("", "")
    errors = [p for item in items if item[3] is None for p in item[4] or () if p.severity == "error"]
    # Every defect of a line is reported, on the lines of a refused entry too: its findings come first.
    findings: list[Output] = [p for item in items for p in item[4] or () if p.severity != "error"]
    read = [line for line in lines if line is not None]
    return [
        *findings,
        refuse(journal_code, number, [item[0] for item in items], [item[1] for item in items], errors,
               read, complete=len(read) == len(items), resumes=resumes, date_column=date_column, places=places)
    ]  # fmt: skip


# --- closing an entry: the checks every ledger format shares ----------------------------------------------


def entry_name(journal: str, number: str) -> str:
    """How messages name an entry: 'VT 12', 'VT (no number)'."""
    return f"{shown(journal, 20)} {shown(number) or '(no number)'}".strip()


def accept(
    journal: str, journal_label: str, number: str, lines: list[EntryLine], company: str = ""
) -> Entry | None:
    """The Entry `lines` form when they share one date, balance, and stay within money.ENTRY_TOTAL_MAX;
    None when they do not (`refuse` then says why)."""
    entry_date = lines[0].entry_date
    debit = credit = 0
    for line in lines:
        debit += line.debit
        credit += line.credit
        if line.entry_date != entry_date:
            return None
    if debit != credit or debit > ENTRY_TOTAL_MAX:
        return None
    return new_entry(journal, journal_label, number, entry_date, tuple(lines), company)


def refuse(
    journal: str,
    number: str,
    rows: list[int],
    raws: list[str],
    errors: list[ParseError],
    lines: list[EntryLine],
    *,
    complete: bool = True,
    resumes: int | None = None,
    date_column: str = "EcritureDate",
    places: int = 2,
) -> RejectedEntry:
    """The entry refused whole, every line listed (`rows`, `raws`), with `errors` (its lines' errors, then
    the format's own) after ENTRY_NOT_CONTIGUOUS when it resumes an entry already judged (`resumes`: its
    first line), then the date check of the lines read (`lines`) and, when every line was read (`complete`),
    the balance check."""
    name = entry_name(journal, number)
    first = rows[0]
    found = [not_contiguous(name, first, resumes)] if resumes is not None else []
    found += errors
    if (mixed := mixed_dates(name, lines, date_column)) is not None:
        found.append(mixed)
    if complete and lines:
        debit, credit = sum(line.debit for line in lines), sum(line.credit for line in lines)
        if (problem := balance_error(name, first, debit, credit, places)) is not None:
            found.append(problem)
    if not found:  # a parser must flag its bad lines; never lose one silently anyway
        found.append(unreadable(name, first))
    return RejectedEntry(journal, number, tuple(rows), tuple(raws), tuple(found))


def not_contiguous(name: str, line: int, resumes: int) -> ParseError:
    """ENTRY_NOT_CONTIGUOUS: entry `name` comes back at `line` after its lines from `resumes` were judged."""
    return ParseError.of(line, None, "ENTRY_NOT_CONTIGUOUS", entry=name, line=line, resumes=resumes)


def mixed_dates(name: str, lines: list[EntryLine], date_column: str) -> ParseError | None:
    """MIXED_DATES at the first line dated unlike the first, or None when the lines agree."""
    dates = sorted({line.entry_date for line in lines})
    if len(dates) < 2:
        return None
    where = next(line.line for line in lines if line.entry_date != lines[0].entry_date)
    days = ", ".join(d.isoformat() for d in dates[:3]) + ("…" if len(dates) > 3 else "")
    return ParseError.of(where, date_column, "MIXED_DATES", entry=name, dates=days)


def unbalanced(name: str, line: int, debit: int, credit: int, places: int) -> ParseError:
    return ParseError.of(
        line, None, "UNBALANCED_ENTRY", entry=name, debit=decimal_of(debit, places),
        credit=decimal_of(credit, places), difference=decimal_of(debit - credit, places),
    )  # fmt: skip


def balance_error(name: str, line: int, debit: int, credit: int, places: int) -> ParseError | None:
    """UNBALANCED_ENTRY when the debits and credits of an entry whose every amount was read differ, else
    ENTRY_TOTAL_TOO_LARGE when they add up to more than one entry may hold, else None."""
    if debit != credit:
        return unbalanced(name, line, debit, credit, places)
    return entry_total_error(debit, name, line, places=places)


def unreadable(name: str, line: int) -> ParseError:
    """The reason of last resort: a parser must flag its bad lines, but an entry is never refused silently."""
    return ParseError.of(line, None, "UNREADABLE_ENTRY", entry=name)


# --- the two sides of a line ------------------------------------------------------------------------------


def sides(
    debit: int,
    credit: int,
    line: int,
    out: list[ParseError],
    *,
    fields: tuple[str, str],
    texts: tuple[str, str],
    places: int,
    columns: tuple[str, str] | None = None,
    column: str | None = None,
    zero: bool = True,
) -> tuple[int, int]:
    """A line's debit and credit as every ledger format reads them: a negative amount moves to the other side
    (net unchanged: NEGATIVE_AMOUNT on its field, `fields` and `texts` of the debit and the credit, `columns`
    where they differ from the field names); both sides filled is DEBIT_AND_CREDIT, neither ZERO_AMOUNT
    (unless `zero` is false: the line has an error already), both on `column`. Findings go to `out`."""
    if debit < 0 or credit < 0:
        side = 0 if debit < 0 else 1
        debit, credit = max(debit, 0) + max(-credit, 0), max(credit, 0) + max(-debit, 0)
        out.append(
            ParseError.of(line, (columns or fields)[side], "NEGATIVE_AMOUNT", "finding", field=fields[side],
                          value=texts[side], debit=decimal_of(debit, places), credit=decimal_of(credit, places))
        )  # fmt: skip
    if debit and credit:
        out.append(
            ParseError.of(line, column, "DEBIT_AND_CREDIT", "finding", debit=decimal_of(debit, places),
                          credit=decimal_of(credit, places))
        )  # fmt: skip
    elif not debit and not credit and zero:
        out.append(ParseError.of(line, column, "ZERO_AMOUNT", "finding"))
    return debit, credit


# --- value parsing shared by the French text formats (FEC, custom layouts) ---------------------------


def parse_amount(text: str, places: int = 2) -> tuple[int, str | None]:
    """Amount as the FEC writes it (A47 A-1 XII: decimal comma, sign before or after, no thousands
    separator; 1,5E+03 tolerated as TCD does; decimals beyond the currency's read when they are zeros, with
    EXTRA_DECIMALS) → (signed minor units, finding code or None). Raises ValueError (money.AmountError) saying
    what is wrong."""
    return money_amount(text, places, exponent_form=True, extra_zeros="EXTRA_DECIMALS")


# --- entry-level checks --------------------------------------------------------------------------


def _number_key(number: str) -> tuple[Any, ...]:
    """Natural order: 'VT9' < 'VT10'."""
    return tuple(int(p) if i % 2 else p for i, p in enumerate(re.split(r"(\d+)", number)))


def chronology(
    entry: Entry,
    last_date: date,
    last_number: str,
    columns: tuple[str, str] = ("EcritureDate", "EcritureNum"),
) -> list[ParseError]:
    """A CHRONOLOGY finding when `entry` is dated before, or numbered before (natural order), the
    previous entry of its journal (`last_date`, `last_number`)."""
    line, name, journal = entry.lines[0].line, f"{entry.journal_code} {entry.number}", entry.journal_code
    if entry.date < last_date:
        return [
            ParseError.of(line, columns[0], "CHRONOLOGY", "finding", entry=name, date=entry.date,
                          journal=journal, previous=last_number, previous_date=last_date)
        ]  # fmt: skip
    if len(entry.number) == len(last_number):
        if entry.number >= last_number:
            return []
    elif _number_key(entry.number) > _number_key(last_number):
        return []  # 'VT10' after 'VT9'
    return [
        ParseError.of(
            line, columns[1], "CHRONOLOGY", "finding", entry=name, journal=journal, previous=last_number
        )
    ]
