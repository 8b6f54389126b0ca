"""Closing a custom-layout entry: the lines read for one group (`Read`s) become an `Entry`, balanced by the
fixed contra account when the layout has one, or a `RejectedEntry` with every error found; MAX_ENTRY_LINES
bounds an entry. The `_Closing` mixin of `CustomFile`.
"""

from __future__ import annotations

from ecluse.formats.custom.values import _CACHE_LIMIT
from ecluse.formats.entries import accept, entry_name, refuse
from ecluse.formats.layout import Layout
from ecluse.formats.limits import check_amount
from ecluse.formats.records import (
    EntryLine,
    Item,
    MasterRecord,
    ParseError,
    RejectedEntry,
    new_entry_line,
)

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
    _journal_kinds: dict[str, str]
    _journals: set[tuple[str, str]]
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
            entry = None if bad else accept(journal, journal_label, number, lines, company)
            if entry is not None:
                out: list[Item] = []
                kind = self._journal_kinds.get(journal)
                if kind is not None and (company, journal) not in self._journals:
                    self._journals.add((company, journal))  # a few journals: no cache limit needed
                    out.append(MasterRecord("journal", journal, journal_label, kind, company, run[0][0]))
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
        return [self._reject(run, too_long, extra, None if extra else lines), *self._flush_loose()]

    def _flush_loose(self) -> list[Item]:
        loose, self._loose = self._loose, []
        return loose

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
        self, run: list[Read], too_long: bool, extra: list[ParseError], lines: list[EntryLine] | None
    ) -> RejectedEntry:
        """The entry refused: its lines' errors, `extra`, and the shared checks on `lines` (every line read,
        balanced by the contra account when the layout has one), or None when they cannot be judged."""
        journal, _label, number, _company = self._run_head
        first = run[0][0]
        errors = [p for read in run for p in read[3] or () if p.severity == "error"]
        errors += extra
        long = too_long or self._run_long
        if long:
            errors.append(
                ParseError.of(first, None, "ENTRY_TOO_LONG", entry=entry_name(journal, number),
                              maximum=MAX_ENTRY_LINES, continued=int(not too_long))
            )  # fmt: skip
        judged = not long and lines is not None and all(read[2] is not None for read in run)
        return refuse(journal, number, [read[0] for read in run], [read[1] for read in run], errors,
                      lines if judged and lines is not None else [], complete=judged,
                      date_column=self._names["date"], places=self._places)  # fmt: skip
