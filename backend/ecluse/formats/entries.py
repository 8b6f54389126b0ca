"""Grouping parsed lines into entries, with the entry-level checks (balance, one date per entry).

Format-independent: a parser feeds `LineItem` tuples in file order and gets back `Entry`,
`RejectedEntry` and (finding) `ParseError` items, still in file order of each entry's first line.

Lines are grouped by key (journal code, entry number). Non-contiguous lines are handled with bounded
memory: the last `window` entries stay open, so a key that comes back while its entry is still open is
merged into it (interleaved entries are read right). Once an entry has been closed (pushed out of the
window), a key that comes back within the next `memory` closed entries is refused: its late lines
form a RejectedEntry with ENTRY_NOT_CONTIGUOUS (the earlier part was already judged on its own). A key
that comes back later than that is not recognised and starts a new entry, so memory never grows with
the file.

An entry is refused whole (every line listed) when any of its lines has an error, when its debits and
credits differ (UNBALANCED_ENTRY) or when its lines disagree on the entry date (MIXED_DATES). Findings
attached to lines are emitted just before their Entry, and dropped with a refused entry (its errors say
what to fix first).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator

from ecluse.formats.records import Entry, EntryLine, ParseError, RejectedEntry, new_entry

Key = tuple[str, str]
#: (physical line, raw text, key, parsed line or None when it has an error, its problems or None).
#: key None = unreadable: the line joins the entry being read. key LOOSE = not an entry line
#: (an empty line): its problems are passed through.
LineItem = tuple[int, str, Key | None, EntryLine | None, list[ParseError] | None]
LOOSE: Key = ("\x00", "loose")
WINDOW = 8
MEMORY = 4096


def cents(value: int) -> str:
    """12345 → '123,45' (French decimal comma, as in the FEC)."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 100},{value % 100:02d}"


class _Group:
    __slots__ = ("items", "journal_code", "number", "resumes")

    def __init__(self, journal_code: str, number: str, item: LineItem, resumes: int | None = None) -> None:
        self.journal_code = journal_code
        self.number = number
        self.items = [item]
        self.resumes = resumes  # first line of this entry's earlier, already closed part


_NOMATCH: Key = ("\x00", "nomatch")  # compared by value with real keys: never equal to one


def group_entries(
    items: Iterable[LineItem],
    *,
    date_column: str = "EcritureDate",
    window: int = WINDOW,
    memory: int = MEMORY,
) -> Iterator[Entry | RejectedEntry | ParseError]:
    open_: OrderedDict[object, _Group] = OrderedDict()
    closed: OrderedDict[Key, int] = OrderedDict()
    cur_key: Key = _NOMATCH
    cur: _Group | None = None
    for item in items:
        key = item[2]
        if key == cur_key:  # hot path: the next line of the same entry
            cur.items.append(item)  # type: ignore[union-attr]
            continue
        if key is None:
            if cur is None:  # unreadable first line: an entry of its own
                cur = open_[object()] = _Group("", "", item)
            else:
                cur.items.append(item)
            continue
        group_key: object = key
        if key is LOOSE:
            group_key = object()
            group = open_[group_key] = _Group("", "", item)
            cur_key = _NOMATCH  # keep `cur`: an unreadable line after an empty line still joins it
        else:
            found = open_.get(key)
            if found is None:
                group = open_[key] = _Group(key[0], key[1], item, closed.get(key))
            else:
                found.items.append(item)
                group = found
            cur, cur_key = group, key
        while len(open_) > window:
            old_key, old = open_.popitem(last=False)
            if old is cur:  # never append to an entry already emitted
                cur, cur_key = None, _NOMATCH
            yield from _close(old, date_column)
            if isinstance(old_key, tuple):
                closed[old_key] = old.items[0][0] if old.resumes is None else old.resumes
                if len(closed) > memory:
                    closed.popitem(last=False)
    for group in open_.values():
        yield from _close(group, date_column)


def _close(group: _Group, date_column: str) -> Iterator[Entry | RejectedEntry | ParseError]:
    items = group.items
    first = items[0]
    if first[2] is LOOSE:
        yield from first[4] or ()
        return
    errors: list[ParseError] = []
    if group.resumes is not None:
        errors.append(ParseError(
            first[0], None, "ENTRY_NOT_CONTIGUOUS",
            f"Entry {_name(group)} resumes at line {first[0]} after other entries (its lines from line "
            f"{group.resumes} were already read as a whole entry); an entry's lines must be consecutive",
        ))  # fmt: skip
    debit = credit = 0
    entry_date = None
    readable = True
    lines: list[EntryLine] = []
    for item in items:
        line = item[3]
        if line is None:
            readable = False
            errors.extend(p for p in item[4] or () if p.severity == "error")
            continue
        lines.append(line)
        debit += line.debit
        credit += line.credit
        if line.entry_date != entry_date:
            if entry_date is None:
                entry_date = line.entry_date
            elif not any(e.code == "MIXED_DATES" for e in errors):
                errors.append(ParseError(
                    item[0], date_column, "MIXED_DATES",
                    f"Entry {_name(group)} has lines dated {entry_date.isoformat()} and "
                    f"{line.entry_date.isoformat()}; every line of an entry must have the same date",
                ))  # fmt: skip
    if readable and debit != credit:
        errors.append(ParseError(
            first[0], None, "UNBALANCED_ENTRY",
            f"Entry {_name(group)} is unbalanced: debit {cents(debit)}, credit {cents(credit)}, "
            f"difference {cents(debit - credit)}",
        ))  # fmt: skip
    if errors or entry_date is None:
        if not errors:  # cannot happen with a parser that flags its bad lines, but never lose a line
            errors.append(
                ParseError(first[0], None, "UNREADABLE_ENTRY", f"Entry {_name(group)} is unreadable")
            )
        yield RejectedEntry(
            journal_code=group.journal_code,
            number=group.number,
            lines=tuple([item[0] for item in items]),
            raw_lines=tuple([item[1] for item in items]),
            errors=tuple(errors),
        )
        return
    for item in items:
        if item[4]:
            yield from item[4]
    yield new_entry(group.journal_code, lines[0].journal_label, group.number, entry_date, tuple(lines))


def _name(group: _Group) -> str:
    number = group.number or "(no number)"
    return f"{group.journal_code} {number}" if group.journal_code else number
