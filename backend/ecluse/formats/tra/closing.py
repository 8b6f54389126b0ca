"""Closing a TRA entry: the lines read for one entry key (`Item`s) become an `Entry`, with analytic lines
folded into their general line (`_Base`, `_distribute`), or a `RejectedEntry` with every error found
(unbalanced, not contiguous, analytic mismatch); the keys of closed entries are remembered (ClosedKeys).
"""

from __future__ import annotations

from dataclasses import replace

from ecluse.formats.entries import ClosedKeys, accept, entry_name, refuse
from ecluse.formats.records import Entry, EntryLine, MasterRecord, ParseError, RejectedEntry
from ecluse.money import decimal_of

Key = str  # positions 1-13 and 152-159 as read: JOURNAL, DATECOMPTABLE, TYPE_PIECE, NUMEROPIECE
Ana = tuple[str, str, int | None]  # analytic line: section, axis, signed amount (debit > 0) or None
#: (physical line, raw text, parsed line or None, problems or None, analytic part or None, GENERAL).
#: A general line with an error has no parsed line; an analytic line never has one.
Item = tuple[int, str, EntryLine | None, list[ParseError] | None, Ana | None, str]
Output = Entry | RejectedEntry | ParseError | MasterRecord


class _Base:
    """A general line of an entry being closed, with the analytic lines that follow it, by axis."""

    __slots__ = ("axes", "general", "line", "line_no")

    def __init__(self, line: EntryLine | None, general: str, line_no: int) -> None:
        self.line, self.general, self.line_no = line, general, line_no
        self.axes: dict[str, list[tuple[int, str, int | None]]] = {}


class _Closing:
    """The entry closing of `TraFile` (a mixin: the state is TraFile's)."""

    _places: int
    _closed: ClosedKeys

    # Entries

    def _close(self, key: Key, items: list[Item], resumes: int | None, out: list[Output]) -> None:
        """Emit the entry `items` form (or its refusal), and remember its key."""
        self._closed.close(key, items[0][0] if resumes is None else resumes)
        if resumes is None:
            lines = [item[2] for item in items]
            if None not in lines and all(item[3] is None for item in items):
                first = lines[0]
                assert first is not None
                entry = accept(first.journal_code, first.journal_label, first.entry_number, lines)  # type: ignore[arg-type]
                if entry is not None:
                    out.append(entry)
                    return
        self._close_slowly(key, items, resumes, out)

    def _close_slowly(self, key: Key, items: list[Item], resumes: int | None, out: list[Output]) -> None:
        journal_code, number = key[:3].strip(), key[13:].strip()
        name = entry_name(journal_code, number)
        errors: list[ParseError] = []
        notes: list[ParseError] = []
        bases: list[_Base] = []
        normal = True
        for line_no, _, line, probs, ana, general in items:
            for pe in probs or ():
                if pe.severity != "error":
                    notes.append(pe)
                elif pe.code != "NOT_NORMAL_ENTRY" or normal:  # said once per entry
                    normal = normal and pe.code != "NOT_NORMAL_ENTRY"
                    errors.append(pe)
            if ana is None:
                bases.append(_Base(line, general, line_no))
            elif bases and bases[-1].general == general:
                bases[-1].axes.setdefault(ana[1], []).append((line_no, ana[0], ana[2]))
            else:
                after = {"previous": bases[-1].general} if bases else {}
                errors.append(ParseError.of(line_no, "GENERAL", "ANALYTIC_WITHOUT_GENERAL", account=general, entry=name, **after))  # fmt: skip
        lines: list[EntryLine] = []
        for base in bases:
            if base.line is None:
                continue
            if not base.axes:
                lines.append(base.line)
                continue
            lines.extend(self._distribute(base, name, errors, notes))
        read = [base.line for base in bases if base.line is not None]
        if (
            errors
            or (entry := accept(journal_code, read[0].journal_label, number, lines) if lines else None)
            is None
        ):
            rows, raws = [item[0] for item in items], [item[1] for item in items]
            complete = len(read) == len(bases)
            out.append(refuse(journal_code, number, rows, raws, errors, read, complete=complete, resumes=resumes, date_column="DATECOMPTABLE", places=self._places))  # fmt: skip
            return
        out.extend(notes)
        out.append(entry)

    def _distribute(self, base: _Base, name: str, errors: list[ParseError], notes: list[ParseError]) -> list[EntryLine]:  # fmt: skip
        """The general line with its analytic lines folded in: its section, or one line per section."""
        line = base.line
        assert line is not None
        total = line.debit - line.credit
        for axis, parts in base.axes.items():
            if any(part[2] is None for part in parts):
                continue  # an analytic amount is unreadable: already an error
            spread = sum(part[2] for part in parts)  # type: ignore[misc]
            if spread != total:
                errors.append(
                    ParseError.of(
                        base.line_no,
                        "MONTANT1",
                        "ANALYTIC_MISMATCH",
                        account=base.general,
                        axis=axis,
                        first=parts[0][0],
                        last=parts[-1][0],
                        spread=decimal_of(spread, self._places),
                        line=base.line_no,
                        total=decimal_of(total, self._places),
                        entry=name,
                    )
                )
        axes = list(base.axes)
        if len(axes) > 1:
            notes.append(
                ParseError.of(
                    base.line_no,
                    "AXE",
                    "ANALYTIC_AXIS_IGNORED",
                    "finding",
                    line=base.line_no,
                    account=base.general,
                    axes=", ".join(axes),
                    kept=axes[0],
                )
            )
        parts = base.axes[axes[0]]
        if len(parts) == 1:
            return [replace(line, analytic=parts[0][1])]
        split = []
        for _, section, signed in parts:
            amount = signed or 0
            debit, credit = (amount, 0) if amount >= 0 else (0, -amount)
            split.append(replace(line, debit=debit, credit=credit, analytic=section))
        return split
