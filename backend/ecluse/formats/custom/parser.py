"""The streaming reader of custom-layout files: `CustomFile` compiles the layout (`_setup`), reads lines
block by block (`_block`, `_line`: the hot paths) and groups them into entries, with its mixins for
values (`_Values`), accounts (`_Accounts`) and entry closing (`_Closing`); `open_custom` opens one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import chain
from operator import itemgetter
from typing import Any, BinaryIO

from ecluse.formats.custom.accounts import _Accounts
from ecluse.formats.custom.closing import MAX_ENTRY_LINES, Read, _Closing
from ecluse.formats.custom.values import _I, _MISS
from ecluse.formats.findings import FINDINGS_PER_CODE, FindingsCap, encoding_fallback
from ecluse.formats.layout import (
    FIELDS,
    AccountRange,
    FixedColumn,
    Layout,
    compile_date_format,
    rate_key,
    to_ranges,
)
from ecluse.formats.limits import FIELD_MAX, MAX_CUSTOM_LINE, field_too_long
from ecluse.formats.reader import LineReader, long_line
from ecluse.formats.records import FileInfo, Item, MasterRecord, ParseError, new_entry_line
from ecluse.money import AMOUNT_MAX

_NATURES = {"D": "customer", "C": "supplier"}
#: Layout field → the EntryLine field its value fills (for its maximum length, limits.FIELD_MAX).
TEXT_FIELDS = {
    "company": "company", "journal": "journal_code", "journalLabel": "journal_label",
    "entryNumber": "entry_number", "pieceRef": "piece_ref", "account": "account_number",
    "accountLabel": "account_label", "thirdParty": "aux_number", "thirdPartyLabel": "aux_label",
    "customer": "aux_number", "supplier": "aux_number", "label": "label", "contraAccount": "account_number",
    "analytic": "analytic", "currency": "currency", "lettering": "lettering", "invoiceRef": "invoice_ref",
}  # fmt: skip


class CustomFile(_Accounts, _Closing):
    """Result of opening a custom-layout stream: checked eagerly, entries streamed lazily by `items()`."""

    def __init__(
        self,
        reader: LineReader,
        filename: str | None,
        layout: Layout,
        ranges: list[dict[str, Any]] | list[AccountRange],
        places: int = 2,
    ) -> None:
        self.info: FileInfo | None = None
        self._places = places  # decimals of the company's currency
        self.fatal = reader.fatal
        self.line_count = 0  # data lines read so far
        self.filename = filename
        self._reader = reader
        self._layout = layout
        self._consumed = False
        self._first: list[str] = []
        self._blocks = reader.blocks()
        self._ranges: list[AccountRange] = []
        if self.fatal is not None:
            return
        problems = layout.check(ranges)
        if problems:
            if ranges:
                self.fatal = ParseError.of(0, None, "BAD_RANGES", problems="; ".join(problems))
            else:  # the one problem without ranges: accountMode 'ranges'
                self.fatal = ParseError.of(0, None, "NO_RANGES")
            return
        if layout.needs_ranges() and ranges:
            self._ranges = to_ranges(ranges)
        header: list[str] = []
        first: list[str] = []
        for block in self._blocks:
            take = layout.skip_lines - len(header)
            if take > 0 and (long := long_line(block)) is not None:
                self.fatal = reader.too_long(long, len(header) + 1)
                return
            header += block[:take]
            first = block[take:]
            if first:
                break
        if not any(line.strip() for line in first) and reader.at_eof:
            self.fatal = ParseError.of(0, None, "EMPTY_FILE", header_lines=layout.skip_lines)
            return
        self._first = first
        self._setup()
        separator = layout.separator if layout.kind == "csv" else ""
        self.info = FileInfo("CUSTOM", reader.encoding, separator, layout.kind, None, None, tuple(header))

    # --- what the layout compiles to ----------------------------------------------------------------

    def _setup(self) -> None:
        lay = self._layout
        cols = lay.columns
        self._names = dict(zip(FIELDS, FIELDS, strict=True))  # field → "debit (column 5)" when mapped
        for name, col in cols.items():
            if isinstance(col, FixedColumn):
                where = f"characters {col.start}-{col.start + col.length - 1}"
            else:
                where = f"column {col}"
            self._names[name] = f"{name} ({where})"
        mapped = [name for name in FIELDS if name in cols]
        self._mapped = mapped
        #: (index in a line's values, maximum, field) of each mapped text field
        self._limits = [(_I[n], FIELD_MAX[TEXT_FIELDS[n]], n) for n in mapped if n in TEXT_FIELDS]
        #: expands the mapped values (+ a trailing "") to every field, "" for the unmapped ones
        self._expand = itemgetter(*[mapped.index(n) if n in cols else -1 for n in FIELDS])
        if lay.kind == "csv":
            indexes = [c - 1 if isinstance(c := cols.get(n), int) else -1 for n in FIELDS]
            self._pick = itemgetter(*indexes)  # every field from the split line + "": "" when unmapped
            self._need = max(indexes) + 1
            self._widest = next(self._names[n] for n in mapped if cols[n] == self._need)
        else:
            self._slices = [
                (col.start - 1, col.start - 1 + col.length)
                for n in mapped
                if isinstance(col := cols[n], FixedColumn)
            ]
        keys = [_I["company"]] if "company" in cols else []
        keys += [_I[k] for k in lay.group_by or ()]
        self._key = itemgetter(*keys) if keys else (lambda values: ())
        self._date_re = compile_date_format(lay.date_format)
        self._date_shown = (
            lay.date_format.replace("%d", "DD").replace("%m", "MM").replace("%Y", "YYYY").replace("%y", "YY")
        )
        self._dates: dict[str, date] = {}
        self._kinds: dict[str, str | None] = {}
        codes = lay.kind_codes
        self._kind_codes = {
            codes.general.strip().upper(): "G",
            codes.customer.strip().upper(): "D",
            codes.supplier.strip().upper(): "C",
        }
        self._sign_debit = lay.sign_codes.debit.strip().upper()
        self._sign_credit = lay.sign_codes.credit.strip().upper()
        self._signs = frozenset({self._sign_debit}), frozenset({self._sign_credit})
        self._vat_by_code = {k.upper(): v for k, v in lay.vat_accounts.items()}
        self._vat_by_rate = {r: v for k, v in lay.vat_accounts.items() if (r := rate_key(k)) is not None}
        self._no_journal = not lay.journal
        self._debit_credit = lay.amount_mode == "debitCredit"
        self._dec = lay.decimal_separator
        # Where the fast paths look for it: `places` characters from the end ("1234,56"); never with none.
        places = self._places
        self._cut = (-places - 1, -places) if places else (0, 0)
        self._kind_column_mode = lay.account_mode == "kindColumn"
        self._customer_account, self._supplier_account = lay.customer_account, lay.supplier_account
        self._generates = any(n in cols for n in ("vatAmount", "vatRate", "contraAccount"))
        self._parties: set[tuple[str, str]] = set()  # (company, code) of third parties already declared
        self._journal_kinds = {k.strip(): v for k, v in lay.journal_kinds.items()}
        self._journals: set[tuple[str, str]] = set()  # (company, code) of journals whose kind was declared
        # the entry being read
        self._run: list[Read] = []
        self._run_key: object = None
        self._run_head: tuple[str, str, str, str] = ("", "", "", "")  # journal, label, number, company
        self._run_long = False  # the run continues an entry refused as too long
        self._loose: list[Item] = []  # empty lines met inside the run, reported after it
        self._sequence = 0

    @property
    def bytes_read(self) -> int:
        return self._reader.bytes_read

    # --- streaming ----------------------------------------------------------------------------------

    def items(self) -> Iterator[Item]:
        """Entries, refused entries, third parties and findings, in file order. Can be consumed once."""
        if self._consumed:
            raise RuntimeError("CustomFile.items() can only be consumed once")
        self._consumed = True
        if self.info is None:
            return
        cap = FindingsCap(FINDINGS_PER_CODE)
        line_no = self._layout.skip_lines
        first, self._first = self._first, []
        for block in chain([first], self._blocks):
            self.line_count += len(block)
            yield from cap.passing(self._block(block, line_no))
            line_no += len(block)
        yield from cap.passing(self._close())
        if self._reader.fallback_line is not None:
            yield encoding_fallback(self._reader.fallback_line)
        yield from cap.summary()

    def _block(self, block: list[str], line_no: int) -> list[Item]:
        lay = self._layout
        out: list[Item] = []
        csv_kind = lay.kind == "csv"
        sep, quote = lay.separator, lay.quote
        blank = " \t" + (sep + quote if csv_kind else "")
        pick, expand, need = (self._pick, self._expand, self._need) if csv_kind else (None, self._expand, 0)
        before, after, tab = " " + sep, sep + " ", "\t" if sep != "\t" else "\x00"
        slices = None if csv_kind else self._slices
        key_of, starts_entry = self._key, lay.third_party_starts_entry
        run = self._run
        parse = self._line
        long = long_line(block) if block else None
        if long is not None:  # a line longer than the maximum, alone in its block
            line_no += 1
            read = (line_no, str(long), None, [self._reader.too_long(long, line_no)], None)
            v = self._start_values(long)
            if v is None:  # its start does not hold its key: it joins the entry being read
                self._orphan(out, read)
            else:
                key = key_of(v)
                if key != self._run_key or not run:
                    out.extend(self._close())
                    self._open(v, key)
                elif len(run) >= MAX_ENTRY_LINES:
                    out.extend(self._close(too_long=True))
                    self._open(v, key, continued=True)
                self._run.append(read)
            return out
        for raw in block:
            line_no += 1
            if not raw or (raw[0] in blank and not raw.strip(blank)):
                note = ParseError.of(line_no, None, "EMPTY_LINE", "finding")
                (self._loose if run else out).append(note)  # after the entry it falls in
                continue
            if csv_kind:
                if quote and quote in raw:
                    f = self._quoted(raw)
                    if f is None:
                        self._orphan(out, (line_no, raw, None, [self._quoting_error(raw, line_no)], None))
                        run = self._run
                        continue
                    trim = True
                else:
                    f = raw.split(sep)
                    # spaces around values are rare: strip only when some value may have them
                    trim = before in raw or after in raw or raw[0] == " " or raw[-1] == " " or tab in raw
                if len(f) < need:
                    self._orphan(out, (line_no, raw, None, [self._count_error(f, line_no)], None))
                    run = self._run
                    continue
                f.append("")
                v = pick(f)  # type: ignore[misc]
                if trim:
                    v = tuple(map(str.strip, v))
            else:
                values = [raw[a:b].strip() for a, b in slices]  # type: ignore[union-attr]
                values.append("")
                v = expand(values)
            key = key_of(v)
            if key != self._run_key or (starts_entry and run and self._is_third_party(v)):
                out.extend(self._close())
                self._open(v, key)
                run = self._run
            elif len(run) >= MAX_ENTRY_LINES:
                out.extend(self._close(too_long=True))
                self._open(v, key, continued=True)
                run = self._run
            run.append(parse(v, raw, line_no))
        return out

    def _start_values(self, line: str) -> tuple[str, ...] | None:
        """The values of a line read from its kept start (an over-long line), when that start holds every
        value of the entry's key (company and groupBy columns) whole; else None."""
        lay = self._layout
        keys = [k for k in ("company", *(lay.group_by or ())) if k in lay.columns]
        if lay.kind == "csv":
            if lay.quote and lay.quote in line:
                return None
            f = line.split(lay.separator)[:-1]  # the last value kept may be cut
            if any(lay.columns[k] > len(f) for k in keys):  # type: ignore[operator]
                return None
            f += [""] * max(0, self._need - len(f))
            f.append("")
            return tuple(map(str.strip, self._pick(f)))
        if any(
            c.start + c.length - 1 > len(line) for k in keys if isinstance(c := lay.columns[k], FixedColumn)
        ):
            return None
        values = [line[a:b].strip() for a, b in self._slices]
        values.append("")
        return self._expand(values)  # type: ignore[no-any-return]

    def _orphan(self, out: list[Item], read: Read) -> None:
        """A line whose fields cannot be told apart joins the entry being read (or starts one)."""
        if not self._run:
            out.extend(self._close())
            self._open(None, self._run_key)
        elif len(self._run) >= MAX_ENTRY_LINES:
            out.extend(self._close(too_long=True))
            self._open(None, self._run_key, continued=True)
        self._run.append(read)

    def _open(self, v: tuple[str, ...] | None, key: object, continued: bool = False) -> None:
        lay = self._layout
        if continued:
            journal, label, number, company = self._run_head
        else:
            self._sequence += 1
            if v is None:
                journal, label, number, company = lay.journal or "", lay.journal_label, "", ""
            else:
                journal = v[_I["journal"]] or lay.journal or ""
                label = v[_I["journalLabel"]] or lay.journal_label
                number = v[_I["entryNumber"]] or v[_I["pieceRef"]] or str(self._sequence)
                company = v[_I["company"]]
        self._run = []
        self._run_key = key
        self._run_head = (journal, label, number, company)
        self._run_long = continued

    # --- one line -----------------------------------------------------------------------------------

    def _line(self, v: tuple[str, ...], raw: str, line_no: int) -> Read:
        (company, journal_s, _journal_label, date_s, _number, piece, piece_date_s, account, account_label,
         kind_s, third, third_label, customer, supplier, label, debit_s, credit_s, amount_s, sign_s,
         vat_s, vat_code, vat_rate_s, contra, analytic, currency, lettering, due_s, invoice) = v  # fmt: skip
        probs: list[ParseError] = []
        for i, limit, name in self._limits:
            if len(v[i]) > limit:
                probs.append(field_too_long(TEXT_FIELDS[name], v[i], self._names[name], line_no))
        if not self._run and not _number and FIELD_MAX["entry_number"] < len(piece) <= FIELD_MAX["piece_ref"]:
            self._piece_as_number(piece, line_no, probs)  # the first line's pieceRef numbers the entry
        entry_date = self._dates.get(date_s, _MISS)
        if entry_date is _MISS:
            entry_date = self._date(date_s, "date", line_no, probs, mandatory=True)
        if not journal_s and self._no_journal:
            self._missing("journal", line_no, probs)
        piece_date = None
        if piece_date_s:
            piece_date = self._dates.get(piece_date_s) or self._date(
                piece_date_s, "pieceDate", line_no, probs
            )
        due_date = None
        if due_s:
            due_date = self._dates.get(due_s) or self._date(due_s, "dueDate", line_no, probs)
        if self._debit_credit:  # fast paths inline: "1234,56" or empty
            dec, (a, b) = self._dec, self._cut
            if not debit_s:
                debit = 0
            elif debit_s[a:b] == dec and (t := debit_s.replace(dec, "", 1)).isdecimal() and len(t) < 16:
                debit = int(t)
            else:
                debit = self._amount(debit_s, "debit", line_no, probs)
            if not credit_s:
                credit = 0
            elif credit_s[a:b] == dec and (t := credit_s.replace(dec, "", 1)).isdecimal() and len(t) < 16:
                credit = int(t)
            else:
                credit = self._amount(credit_s, "credit", line_no, probs)
            if debit < 0 or credit < 0 or (debit == 0) == (credit == 0):
                debit, credit = self._sides(debit, credit, debit_s, credit_s, line_no, probs)
        else:
            debit, credit = self._signed(amount_s, sign_s, line_no, probs)
        if debit > AMOUNT_MAX or credit > AMOUNT_MAX:  # (fast paths stop at 13 digits: within)
            self._big(debit, credit, line_no, probs)
        kind = self._kind_codes.get(kind_s) if self._kind_column_mode and account else None
        if kind == "G":
            number, aux, aux_label, nature = account, "", "", ""
        elif kind == "D" or kind == "C":  # the collective account, the code as third party
            number = self._customer_account if kind == "D" else self._supplier_account
            aux, aux_label, nature = account, third_label or account_label, _NATURES[kind]
            account_label = ""
        else:
            number, aux, aux_label, nature = self._account(
                account, kind_s, third, customer, supplier, line_no, probs
            )
            if aux:
                aux_label = third_label or aux_label or (account_label if number != account else "")
                if number != account:
                    account_label = ""
        journal, journal_label, entry_number, _company = self._run_head
        extra: list[tuple[str, int, int, bool]] | None = None  # (account, debit, credit, analytic)
        if self._generates and (vat_s or vat_rate_s or contra):
            extra = self._generated(debit, credit, vat_s, vat_code, vat_rate_s, contra, line_no, probs)
        master = None
        if aux and nature and (company, aux) not in self._parties:
            master = MasterRecord("third_party", aux, aux_label, nature, company, line_no)
        if probs and any(p.severity == "error" for p in probs):
            return (line_no, raw, None, probs, None)
        make = new_entry_line
        main = make(line_no, journal, journal_label, entry_number, entry_date, number, account_label, aux,
                    aux_label, piece, piece_date, label, debit, credit, lettering, None, None, None, currency,
                    "" if extra and contra else analytic, due_date, invoice)  # fmt: skip
        if extra is None:
            return (line_no, raw, (main,), probs or None, master)
        lines = [main]
        for acc, d, c, with_analytic in extra:
            made = make(line_no, journal, journal_label, entry_number, entry_date, acc, "", "", "", piece,
                        piece_date, label, d, c, "", None, None, None, currency, analytic if with_analytic else "")  # fmt: skip
            lines.append(made)
        return (line_no, raw, tuple(lines), probs or None, master)


def open_custom(
    stream: BinaryIO,
    filename: str | None,
    layout: Layout,
    ranges: list[dict[str, Any]] | list[AccountRange],
    places: int = 2,
) -> CustomFile:
    """Open a byte stream read with `layout`: encoding, header lines and the company's account number
    ranges (when the layout uses them) are checked now, lines when `items()` runs."""
    encoding = None if layout.encoding == "auto" else layout.encoding
    reader = LineReader(stream, kind="Custom-layout", encoding=encoding, max_line=MAX_CUSTOM_LINE)
    return CustomFile(reader, filename, layout, ranges, places)
