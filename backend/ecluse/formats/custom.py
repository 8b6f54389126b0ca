"""Custom-layout parser: CSV or fixed-width files of financial entries, read as a saved `Layout` says.

Streaming and pure, like the FEC parser: lines come block by block from `LineReader`, each data line is
read into one to three `EntryLine`s (the line itself, the VAT line and the contra line it may generate),
and consecutive lines are grouped into entries: a change of any `groupBy` value (or of the company), or a
customer/supplier line when `thirdPartyStartsEntry` is set, starts a new entry. An entry with one bad line,
or that does not balance, is refused whole with the raw text of its lines.

Choices worth knowing (docs/formats/custom.md explains each with an example):
- CSV lines are split one physical line at a time (the csv module only for lines holding the quote
  character): a quoted field may hold the separator but not a line break (BAD_QUOTING);
- generated lines (VAT, contra, the fixed contra's balancing line) carry the line number and the labels
  of the line they come from; the VAT amount's sign is ignored, its side comes from the line;
- an entry takes the journal, number and company of its first line; lines of one entry must share a date.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import chain
from operator import itemgetter
from typing import Any, BinaryIO

from ecluse.formats.entries import cents
from ecluse.formats.findings import FINDINGS_PER_CODE, FindingsCap, encoding_fallback
from ecluse.formats.layout import (
    FIELDS,
    AccountRange,
    FixedColumn,
    Layout,
    compile_date_format,
    kind_of,
    rate_key,
    to_ranges,
)
from ecluse.formats.limits import (
    FIELD_MAX,
    MAX_CUSTOM_LINE,
    check_amount,
    entry_total_error,
    field_too_long,
    shown,
)
from ecluse.formats.reader import LineReader, long_line
from ecluse.formats.records import (
    EntryLine,
    FileInfo,
    Item,
    MasterRecord,
    ParseError,
    RejectedEntry,
    new_entry,
    new_entry_line,
)
from ecluse.money import AMOUNT_MAX, ENTRY_TOTAL_MAX, AmountError, minor_units, parse_grouped, signed

#: One physical line as read: (line, raw text, its entry lines or None when it has an error, its
#: problems or None, the third party it declares or None).
Read = tuple[int, str, tuple[EntryLine, ...] | None, list[ParseError] | None, MasterRecord | None]

#: An entry longer than this is refused (ENTRY_TOO_LONG): memory stays bounded whatever the grouping.
MAX_ENTRY_LINES = 50_000
_CACHE_LIMIT = 100_000
_MISS = date(1, 1, 1)  # cache-miss sentinel, compared by identity
_HUNDRED = Decimal(100)
_SEP_NAMES = {"\t": "TAB", " ": "space"}
_NATURES = {"D": "customer", "C": "supplier"}
_I = {name: i for i, name in enumerate(FIELDS)}
#: Layout field → the EntryLine field its value fills (for its maximum length, limits.FIELD_MAX).
TEXT_FIELDS = {
    "company": "company", "journal": "journal_code", "journalLabel": "journal_label",
    "entryNumber": "entry_number", "pieceRef": "piece_ref", "account": "account_number",
    "accountLabel": "account_label", "thirdParty": "aux_number", "thirdPartyLabel": "aux_label",
    "customer": "aux_number", "supplier": "aux_number", "label": "label", "contraAccount": "account_number",
    "analytic": "analytic", "currency": "currency", "lettering": "lettering", "invoiceRef": "invoice_ref",
}  # fmt: skip


def parse_layout_amount(text: str, decimal: str, thousands: str, places: int = 2) -> int:
    """Signed minor units of `text` written with the layout's separators: a minus before or after the number
    (credit in signed mode), an optional plus before it; thousands separators are optional but, when
    present, must split the whole part in groups of three. Decimals past the currency's must be zeros."""
    return parse_grouped(text, places, decimal=decimal, thousands=thousands)


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _rate_text(rate: Decimal) -> str:
    return format(rate.normalize(), "f").replace(".", ",")


class CustomFile:
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
            code = "NO_RANGES" if not ranges else "BAD_RANGES"
            message = "; ".join(problems)
            if code == "BAD_RANGES":
                message = f"The company's account number ranges cannot be used: {message}"
            self.fatal = ParseError(0, None, code, message)
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
            message = f"The file has no data lines after its {layout.skip_lines} header line(s)"
            self.fatal = ParseError(0, None, "EMPTY_FILE", message)
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
                note = ParseError(line_no, None, "EMPTY_LINE", "Empty line", "finding")
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

    def _piece_as_number(self, piece: str, line_no: int, probs: list[ParseError]) -> None:
        name, limit = self._names["pieceRef"], FIELD_MAX["entry_number"]
        message = (
            f"{name} '{shown(piece)}' numbers the entry (entryNumber is empty) and is {len(piece):,} characters "
            f"long; an entry number has at most {limit}"
        )
        probs.append(ParseError(line_no, name, "FIELD_TOO_LONG", message))

    def _amount(self, text: str, field: str, line_no: int, probs: list[ParseError]) -> int:
        if not text:
            return 0
        dec, (a, b), places = self._layout.decimal_separator, self._cut, self._places
        if text[a:b] == dec and len(text) < 17 and (t := text.replace(dec, "", 1)).isdecimal():
            return int(t)
        if text.isdecimal() and len(text) < 14:
            return minor_units(text, "", places)
        try:
            return parse_layout_amount(text, dec, self._layout.thousands_separator, places)
        except AmountError as exc:
            name = self._names[field]
            probs.append(ParseError(line_no, name, "BAD_AMOUNT", f"{name} '{shown(text)}' {exc}"))
            return 0

    def _big(self, debit: int, credit: int, line_no: int, probs: list[ParseError]) -> None:
        if self._debit_credit:
            check_amount(debit, self._names["debit"], line_no, probs, places=self._places)
            check_amount(credit, self._names["credit"], line_no, probs, places=self._places)
        else:
            check_amount(max(debit, credit), self._names["amount"], line_no, probs, places=self._places)

    def _sides(self, debit: int, credit: int, debit_s: str, credit_s: str, line_no: int, probs: list[ParseError]) -> tuple[int, int]:  # fmt: skip
        """Negative amounts move to the other side (net unchanged); both sides or none filled: findings."""
        if any(p.severity == "error" for p in probs):
            return debit, credit
        if debit < 0 or credit < 0:
            name, text = (self._names["debit"], debit_s) if debit < 0 else (self._names["credit"], credit_s)
            debit, credit = max(debit, 0) + max(-credit, 0), max(credit, 0) + max(-debit, 0)
            message = f"{name} '{shown(text)}' is negative: recorded as debit {cents(debit, self._places)}, credit {cents(credit, self._places)}"
            probs.append(ParseError(line_no, name, "NEGATIVE_AMOUNT", message, "finding"))
        if debit and credit:
            message = f"Debit {cents(debit, self._places)} and credit {cents(credit, self._places)} are both filled; both are kept"
            probs.append(ParseError(line_no, None, "DEBIT_AND_CREDIT", message, "finding"))
        elif not debit and not credit:
            probs.append(ParseError(line_no, None, "ZERO_AMOUNT", "The line's amount is zero", "finding"))
        return debit, credit

    def _signed(self, amount_s: str, sign_s: str, line_no: int, probs: list[ParseError]) -> tuple[int, int]:
        name = self._names["amount"]
        if not amount_s:
            probs.append(ParseError(line_no, name, "MISSING_VALUE", f"{name} is empty"))
            return 0, 0
        value = self._amount(amount_s, "amount", line_no, probs)
        if self._layout.amount_mode == "signColumn":
            code = sign_s.upper()
            side_value = signed(value, code, *self._signs)
            if side_value is None:
                sign = self._names["sign"]
                accepted = f"{self._sign_debit} (debit) or {self._sign_credit} (credit)"
                what = f"'{shown(sign_s)}' is not a sign code" if sign_s else "is empty"
                probs.append(ParseError(line_no, sign, "BAD_SIGN", f"{sign} {what}; accepted: {accepted}"))
                return 0, 0
            if value < 0:  # the other side, net unchanged
                side = "credit" if code == self._sign_debit else "debit"
                message = f"{name} '{shown(amount_s)}' is negative with sign '{sign_s}': recorded as a {side}"
                probs.append(ParseError(line_no, name, "NEGATIVE_AMOUNT", message, "finding"))
            value = side_value
        if value == 0 and not probs:
            probs.append(ParseError(line_no, None, "ZERO_AMOUNT", "The line's amount is zero", "finding"))
        return (value, 0) if value >= 0 else (0, -value)

    # --- accounts -----------------------------------------------------------------------------------

    def _account(self, account: str, kind_s: str, third: str, customer: str, supplier: str, line_no: int, probs: list[ParseError]) -> tuple[str, str, str, str]:  # fmt: skip
        """(account number, third party code, its label, its nature) — label "" here, filled by the caller."""
        lay = self._layout
        mode = lay.account_mode
        if mode == "kindColumn" or mode == "ranges":
            if not account:
                self._missing("account", line_no, probs)
                return "", "", "", ""
            kind = (
                self._kind_column(kind_s, line_no, probs)
                if mode == "kindColumn"
                else self._range_kind(account, "account", line_no, probs)
            )
            if kind == "D":
                return lay.customer_account, account, "", "customer"
            if kind == "C":
                return lay.supplier_account, account, "", "supplier"
            return account, "", "", ""
        if mode == "threeColumns":
            if customer and supplier:
                message = (
                    f"{self._names['customer']} '{shown(customer)}' and {self._names['supplier']} '{shown(supplier)}' are "
                    "both filled; a line has one third party"
                )
                probs.append(ParseError(line_no, None, "TWO_THIRD_PARTIES", message))
                return "", "", "", ""
            if customer:
                return account or lay.customer_account, customer, "", "customer"
            if supplier:
                return account or lay.supplier_account, supplier, "", "supplier"
            if not account:
                self._missing("account", line_no, probs)
            return account, "", "", ""
        # twoColumns: account = general account, thirdParty = customer or supplier code
        kind = ""
        if "kind" in lay.columns and (kind_s or third):
            kind = self._kind_column(kind_s, line_no, probs)
            if kind == "G" and third:
                name = self._names["kind"]
                message = f"{name} '{shown(kind_s)}' means a general account, but the line has third party '{shown(third)}'"
                probs.append(ParseError(line_no, name, "KIND_MISMATCH", message))
            elif kind in ("D", "C") and not third:
                name = self._names["kind"]
                message = f"{name} '{shown(kind_s)}' means a customer or supplier, but thirdParty is empty"
                probs.append(ParseError(line_no, self._names["thirdParty"], "MISSING_VALUE", message))
        if not third:
            if not account:
                self._missing("account", line_no, probs)
            return account, "", "", ""
        if not kind and self._ranges:
            kind = self._range_kind(third, "thirdParty", line_no, probs)
            if kind == "G":
                name = self._names["thirdParty"]
                message = (
                    f"{name} '{shown(third)}' is in a general accounts range, not a customer or supplier one"
                )
                probs.append(ParseError(line_no, name, "KIND_MISMATCH", message))
        if kind == "D":
            return account or lay.customer_account, third, "", "customer"
        if kind == "C":
            return account or lay.supplier_account, third, "", "supplier"
        if not account:
            name = self._names["account"]
            message = f"{name} is empty and the kind of third party '{shown(third)}' is unknown"
            probs.append(ParseError(line_no, name, "MISSING_VALUE", message))
            return "", "", "", ""
        if account.startswith(("411", "413")):
            return account, third, "", "customer"
        if account.startswith(("401", "403")):
            return account, third, "", "supplier"
        return account, third, "", "other"

    def _kind_column(self, code: str, line_no: int, probs: list[ParseError]) -> str:
        kind = self._kind_codes.get(code.upper())
        if kind is None:
            name = self._names["kind"]
            codes = self._layout.kind_codes
            accepted = (
                f"{codes.general} (general account), {codes.customer} (customer), {codes.supplier} (supplier)"
            )
            what = f"'{shown(code)}' is not an account kind code" if code else "is empty"
            probs.append(ParseError(line_no, name, "BAD_KIND_CODE", f"{name} {what}; accepted: {accepted}"))
            return ""
        return kind

    def _range_kind(self, number: str, field: str, line_no: int, probs: list[ParseError]) -> str:
        kind = self._kinds.get(number, "")
        if kind == "":
            if len(self._kinds) > _CACHE_LIMIT:
                self._kinds.clear()
            kind = kind_of(number, self._ranges)
            if len(number) <= FIELD_MAX["account_number"]:  # longer ones are refused: not kept (memory)
                self._kinds[number] = kind
        if kind is None:
            name = self._names[field]
            ranges = ", ".join(r.describe() for r in self._ranges[:6]) + (
                "…" if len(self._ranges) > 6 else ""
            )
            message = (
                f"{name} '{shown(number)}' is outside every account number range of the company ({ranges})"
            )
            probs.append(ParseError(line_no, name, "ACCOUNT_OUT_OF_RANGES", message))
            return ""
        return kind

    def _is_third_party(self, v: tuple[str, ...]) -> bool:
        """Whether the line is a customer or supplier line (thirdPartyStartsEntry); no errors reported."""
        mode = self._layout.account_mode
        if mode == "kindColumn":
            return self._kind_codes.get(v[_I["kind"]].upper()) in ("D", "C")
        if mode == "ranges":
            account = v[_I["account"]]
            return bool(account) and self._range_kind(account, "account", 0, []) in ("D", "C")
        if mode == "threeColumns":
            return bool(v[_I["customer"]] or v[_I["supplier"]])
        return bool(v[_I["thirdParty"]])

    # --- VAT and contra account on the same line ----------------------------------------------------

    def _generated(self, debit: int, credit: int, vat_s: str, vat_code: str, vat_rate_s: str, contra: str, line_no: int, probs: list[ParseError]) -> list[tuple[str, int, int, bool]] | None:  # fmt: skip
        """The VAT and contra lines a line generates: (account, debit, credit, carries the analytic)."""
        if probs and any(p.severity == "error" for p in probs):
            return None
        vat = None
        if vat_s:
            dec, (a, b) = self._dec, self._cut
            if vat_s[a:b] == dec and (t := vat_s.replace(dec, "", 1)).isdecimal() and len(t) < 16:
                vat = int(t)
            else:
                vat = abs(self._amount(vat_s, "vatAmount", line_no, probs))
                if probs and probs[-1].code == "BAD_AMOUNT":
                    return None
        rate: Decimal | None = None
        key = None
        if vat_rate_s:
            key = rate_key(vat_rate_s)
            if key is None:
                name = self._names["vatRate"]
                message = f"{name} '{shown(vat_rate_s)}' is not a VAT rate (a percentage such as 20 or 5,5)"
                probs.append(ParseError(line_no, name, "BAD_VAT_RATE", message))
                return None
            rate = Decimal(key)
        if (debit and credit) or not (debit or credit):
            if not (vat or debit):  # a zero line: nothing to generate
                return None
            what = "debit and credit are both filled" if debit else "the amount is zero"
            message = f"The line generates VAT or contra lines but {what}: its side is unclear"
            probs.append(ParseError(line_no, None, "AMBIGUOUS_SIDE", message))
            return None
        amount, on_debit = (debit, True) if debit else (credit, False)
        if rate is not None:
            base = Decimal(amount) * rate
            computed = _half_up(base / (_HUNDRED + rate) if contra else base / _HUNDRED)
            if vat is None:
                vat = computed
            elif abs(vat - computed) > 1:
                name = self._names["vatAmount"]
                of = f"the {_rate_text(rate)} % VAT included in" if contra else f"{_rate_text(rate)} % of"
                message = (
                    f"{name} {cents(vat, self._places)} differs from {of} {cents(amount, self._places)} = {cents(computed, self._places)} by more "
                    f"than {cents(1, self._places)}; the given amount is kept"
                )
                probs.append(ParseError(line_no, name, "VAT_ROUNDING", message, "finding"))
        if vat is not None and vat > AMOUNT_MAX:  # (a rate computes at most 10 times the line)
            column = self._names["vatAmount" if "vatAmount" in self._layout.columns else "vatRate"]
            check_amount(vat, column, line_no, probs, places=self._places)
            return None
        out: list[tuple[str, int, int, bool]] = []
        net = amount
        if vat:
            account = self._vat_account(vat_code, key, line_no, probs)
            if account is None:
                return None
            if contra:
                if vat > amount:
                    name = self._names["vatAmount"]
                    message = f"{name} {cents(vat, self._places)} is more than the line's amount {cents(amount, self._places)}"
                    probs.append(ParseError(line_no, name, "VAT_EXCEEDS_AMOUNT", message))
                    return None
                net = amount - vat
            vat_on_debit = on_debit != bool(contra)  # the contra side when there is a contra account
            out.append((account, vat if vat_on_debit else 0, 0 if vat_on_debit else vat, False))
        if contra and net:
            out.insert(0, (contra, 0 if on_debit else net, net if on_debit else 0, True))
        return out

    def _vat_account(self, code: str, rate: str | None, line_no: int, probs: list[ParseError]) -> str | None:  # fmt: skip
        """The VAT account: by code, else by rate, else the fixed one."""
        found = (code and self._vat_by_code.get(code.upper())) or (rate and self._vat_by_rate.get(rate))
        if found:
            return found
        if self._layout.vat_account:
            return self._layout.vat_account
        said = []
        if code:
            said.append(f"code '{shown(code)}'")
        if rate is not None:
            said.append(f"rate {rate.replace('.', ',')} %")
        what = " or ".join(said) or "a line without VAT code or rate"
        message = f"No VAT account for {what}: add it to vatAccounts, or set vatAccount"
        column = self._names["vatCode" if code else "vatRate"]
        probs.append(ParseError(line_no, column, "VAT_ACCOUNT_UNKNOWN", message))
        return None

    # --- values -------------------------------------------------------------------------------------

    def _date(self, text: str, field: str, line_no: int, probs: list[ParseError], mandatory: bool = False) -> date:  # fmt: skip
        name = self._names[field]
        if not text:
            if mandatory:
                probs.append(ParseError(line_no, name, "MISSING_VALUE", f"{name} is empty"))
            return _MISS
        m = self._date_re.fullmatch(text)
        if m is None:
            message = f"{name} '{shown(text)}' is not a date in the layout's format {self._date_shown}"
            probs.append(ParseError(line_no, name, "BAD_DATE", message))
            return _MISS
        parts = m.groupdict()
        year = int(parts["Y"]) if parts.get("Y") else int(parts["y"])
        if not parts.get("Y"):
            year += 1900 if year >= 69 else 2000
        month, day = int(parts["m"]), int(parts["d"])
        try:
            value = date(year, month, day)
        except ValueError:
            why = f"month {month}" if not 1 <= month <= 12 else f"day {day} of {year:04d}-{month:02d}"
            probs.append(
                ParseError(line_no, name, "BAD_DATE", f"{name} '{shown(text)}' is not a valid date ({why})")
            )
            return _MISS
        if not 1900 <= year <= 2099:
            probs.append(
                ParseError(line_no, name, "BAD_DATE", f"{name} '{shown(text)}' is outside 1900-2099")
            )
            return _MISS
        if len(self._dates) > _CACHE_LIMIT:
            self._dates.clear()
        self._dates[text] = value
        return value

    def _missing(self, field: str, line_no: int, probs: list[ParseError]) -> None:
        name = self._names[field]
        probs.append(ParseError(line_no, name, "MISSING_VALUE", f"{name} is empty"))

    def _quoted(self, raw: str) -> list[str] | None:
        text = raw.replace("\r", " ").replace("\n", " ") if "\r" in raw or "\n" in raw else raw
        lay = self._layout
        try:
            return next(csv.reader((text,), delimiter=lay.separator, quotechar=lay.quote, strict=True))
        except (csv.Error, StopIteration):
            return None

    def _quoting_error(self, raw: str, line_no: int) -> ParseError:
        q = self._layout.quote
        if len(raw) > csv.field_size_limit():
            message = f"A quoted field is longer than {csv.field_size_limit()} characters"
        elif raw.count(q) % 2:
            message = (
                f"A field opened with {q} is not closed on this line; line breaks inside a field are not "
                "supported, and a quote inside a quoted field is written twice"
            )
        else:
            message = f"A quoted field is followed by other characters before the separator; write {q}{q} for a quote"
        return ParseError(line_no, None, "BAD_QUOTING", message)

    def _count_error(self, f: list[str], line_no: int) -> ParseError:
        sep = self._layout.separator
        sep_name = _SEP_NAMES.get(sep, f"'{sep}'")
        message = (
            f"The line has {len(f)} field(s) separated by {sep_name}; the layout reads up to column "
            f"{self._need}, {self._widest}"
        )
        return ParseError(line_no, None, "WRONG_FIELD_COUNT", message)

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
            dates = sorted({ln.entry_date for ln in lines})
            if len(dates) > 1:
                where = next(ln.line for ln in lines if ln.entry_date != lines[0].entry_date)
                days = ", ".join(d.isoformat() for d in dates[:3]) + ("…" if len(dates) > 3 else "")
                message = (
                    f"Entry {name} has lines dated {days}; every line of an entry must have the same date"
                )
                errors.append(ParseError(where, self._names["date"], "MIXED_DATES", message))
            debit, credit = sum(ln.debit for ln in lines), sum(ln.credit for ln in lines)
            if debit != credit and self._layout.contra_account_fixed is None:  # (that one balances them)
                message = (
                    f"Entry {name} is unbalanced: debit {cents(debit, self._places)}, credit {cents(credit, self._places)}, "
                    f"difference {cents(debit - credit, self._places)}"
                )
                errors.append(ParseError(first, None, "UNBALANCED_ENTRY", message))
        if not errors:  # never lose a line silently
            errors.append(ParseError(first, None, "UNREADABLE_ENTRY", f"Entry {name} could not be read"))
        return RejectedEntry(
            journal_code=journal,
            number=number,
            lines=tuple([read[0] for read in run]),
            raw_lines=tuple([read[1] for read in run]),
            errors=tuple(errors),
        )


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
