"""Closing a custom-layout entry: the lines read for one group (`Read`s) become an `Entry`, balanced by the
fixed contra account when the layout has one, or a `RejectedEntry` with every error found; MAX_ENTRY_LINES
bounds an entry. The `_Closing` mixin of `CustomFile`.
"""

from __future__ import annotations

from ecluse.formats.custom.values import _CACHE_LIMIT
from ecluse.formats.entries import mixed_dates, unbalanced, unreadable
from ecluse.formats.layout import Layout
from ecluse.formats.limits import check_amount, entry_total_error, shown
from ecluse.formats.records import (
    EntryLine,
    Item,
    MasterRecord,
    ParseError,
    RejectedEntry,
    new_entry,
    new_entry_line,
)
from ecluse.money import ENTRY_TOTAL_MAX

#: One physical line as read: (line, raw text, its entry lines or None when it has an error, its
#: problems or None, the third party it declares or None).
Read = tuple[int, str, tuple[EntryLine, ...] | None, list[ParseError] | None, MasterRecord | None]

#: An entry longer than this is refused (ENTRY_TOO_LONG): memory stays bounded whatever the grouping.
MAX_ENTRY_LINES = 50_000


class _Closing:
    """The entry being read, closed (a mixin: the state is CustomFile's)."""

    _layout: Layout
    _loose: list[Item]
    _names: dict[str, str]
    _parties: set[tuple[str, str]]
    _places: int
    _run: list[Read]
    _run_head: tuple[str, str, str, str]
    _run_long: bool

    # --- entries ------------------------------------------------------------------------------------

    def _close(self, too_long: bool = False) -> list[Item]:
        """The entry being read as items: its third parties, findings and Entry, or a RejectedEntry."""
        run = self._run
        if not run:
            return []
        self._run = []
        journal, journal_label, number, company = self._run_head
        lines: list[EntryLine] = []
        bad = too_long or self._run_long
        extra: list[ParseError] = []  # errors of the entry as a whole
        for read in run:
            if read[2] is None:
                bad = True
                break
            lines.extend(read[2])
        if not bad:
            fixed = self._layout.contra_account_fixed
            if fixed is not None:
                made = self._balance(lines, fixed)
                if made is not None:
                    bad = not check_amount(
                        made.debit or made.credit, "contraAccountFixed", made.line, extra, places=self._places
                    )
            entry_date = lines[0].entry_date
            debit = credit = 0
            for ln in lines:
                debit += ln.debit
                credit += ln.credit
                if ln.entry_date != entry_date:
                    bad = True
            if not bad and debit == credit:
                if debit > ENTRY_TOTAL_MAX:
                    too_large = entry_total_error(
                        debit, f"Entry {self._name()}", run[0][0], places=self._places
                    )
                    extra.append(too_large)  # type: ignore[arg-type]
                    return [self._reject(run, too_long, extra), *self._flush_loose()]
                entry = new_entry(journal, journal_label, number, entry_date, tuple(lines), company)
                out: list[Item] = []
                for read in run:
                    if read[4] is not None:
                        key = (company, read[4].code)
                        if key not in self._parties:
                            if len(self._parties) > _CACHE_LIMIT:
                                self._parties.clear()
                            self._parties.add(key)
                            out.append(read[4])
                    if read[3] is not None:
                        out.extend(read[3])
                out.append(entry)
                out += self._loose
                self._loose.clear()
                return out
        return [self._reject(run, too_long, extra), *self._flush_loose()]

    def _flush_loose(self) -> list[Item]:
        loose, self._loose = self._loose, []
        return loose

    def _name(self) -> str:
        journal, _label, number, _company = self._run_head
        return f"{shown(journal, 20)} {shown(number)}".strip() or "(no number)"

    def _balance(self, lines: list[EntryLine], account: str) -> EntryLine | None:
        """contraAccountFixed: one line on `account` for the entry's net, with the last line's labels."""
        net = sum(ln.debit - ln.credit for ln in lines)
        if not net:
            return None
        last = lines[-1]
        made = new_entry_line(last.line, last.journal_code, last.journal_label, last.entry_number,
                              last.entry_date, account, "", "", "", last.piece_ref, last.piece_date, last.label,
                              max(-net, 0), max(net, 0), "", None, None, None, last.currency)  # fmt: skip
        lines.append(made)
        return made

    def _reject(
        self, run: list[Read], too_long: bool, extra: list[ParseError] | None = None
    ) -> RejectedEntry:
        journal, _label, number, _company = self._run_head
        name = self._name()
        first = run[0][0]
        errors = [p for read in run for p in read[3] or () if p.severity == "error"]
        errors += extra or ()
        if too_long or self._run_long:
            how = "is longer than" if too_long and not self._run_long else "continues an entry longer than"
            message = (
                f"Entry {name} {how} {MAX_ENTRY_LINES} lines; check the grouping options (groupBy, "
                "thirdPartyStartsEntry)"
            )
            errors.append(ParseError(first, None, "ENTRY_TOO_LONG", message))
        elif all(read[2] is not None for read in run):
            lines = [ln for read in run for ln in read[2] or ()]
            if (mixed := mixed_dates(name, lines, self._names["date"])) is not None:
                errors.append(mixed)
            debit, credit = sum(ln.debit for ln in lines), sum(ln.credit for ln in lines)
            if debit != credit and self._layout.contra_account_fixed is None:  # (that one balances them)
                errors.append(unbalanced(name, first, debit, credit, self._places))
        if not errors:  # never lose a line silently
            errors.append(unreadable(name, first))
        return RejectedEntry(
            journal_code=journal,
            number=number,
            lines=tuple([read[0] for read in run]),
            raw_lines=tuple([read[1] for read in run]),
            errors=tuple(errors),
        )
