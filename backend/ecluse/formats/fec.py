"""FEC parser (Fichier des Écritures Comptables, art. A47 A-1 LPF), streaming and pure.

Columns are read by header name, so data is never ambiguous because of column order. What refuses an
entry (error) and what is only reported (finding) follows FORMATS.md §1 "Écluse's policy": errors are
data that cannot be read or is ambiguous (amount, mandatory date, account or entry number, field count,
balance); findings are what Test Compta Demat alerts on while the data stays clear.

Choices worth knowing:
- a negative Debit/Credit (or Montant) is legal (sign before or after): it is recorded on the other side
  with its absolute value (net unchanged) and a NEGATIVE_AMOUNT finding;
- '.' as decimal separator is read with a DOT_DECIMAL finding when it cannot be a thousands separator
  (at most 2 digits after it); thousands separators are BAD_AMOUNT; > 2 decimals must be zeros;
- a line whose field count is wrong is keyed by the fields it has (or, when it splits right on the
  other separator, by those), else it joins the entry being read: either way its entry is refused;
- chronology (CHRONOLOGY) is checked per journal: files sorted by journal then date are common and fine;
- findings are capped at FINDINGS_PER_CODE per code, then one summary finding (line 0) gives the count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Generator, Iterable, Iterator
from datetime import date
from decimal import InvalidOperation
from itertools import chain
from operator import itemgetter
from typing import BinaryIO

from ecluse.formats.dates import Reason, not_in_form, parse_date
from ecluse.formats.entries import (
    LOOSE,
    ClosedKeys,
    Key,
    LineItem,
    chronology,
    group_entries,
    parse_amount,
    sides,
)
from ecluse.formats.fec_checks import Sequences, after_closing, read_file_name
from ecluse.formats.fec_columns import BATCH_LINES, CleanBlock, Screen
from ecluse.formats.findings import FINDINGS_PER_CODE, FindingsCap, encoding_fallback
from ecluse.formats.limits import FIELD_MAX, check_amount, check_fields, field_too_long, shown
from ecluse.formats.reader import LineReader, LongLine, long_line, open_lines
from ecluse.formats.records import Entry, FileInfo, ParseError, RejectedEntry, Severity, new_entry_line
from ecluse.money import AMOUNT_MAX, AmountError, decimal_of, exponent_or

COLUMNS = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
    "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
    "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip
MANDATORY = 16  # the two currency columns may be absent
_MISS = date(1, 1, 1)  # cache-miss sentinel, compared by identity
_BLANK_DATES = ("", "00000000")
#: FEC column → the EntryLine field it fills (for its maximum length, limits.FIELD_MAX).
TEXT_FIELDS = {
    "JournalCode": "journal_code", "JournalLib": "journal_label", "EcritureNum": "entry_number",
    "CompteNum": "account_number", "CompteLib": "account_label", "CompAuxNum": "aux_number",
    "CompAuxLib": "aux_label", "PieceRef": "piece_ref", "EcritureLib": "label", "EcritureLet": "lettering",
    "Idevise": "currency",
}  # fmt: skip


def _norm(name: str) -> str:
    """Header name as TCD compares them: accents stripped, upper case, non-alphanumerics → '_'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^A-Z0-9]", "_", text.upper())


class _Layout:
    """What the header says: separator, field count, where each canonical column is."""

    def __init__(self, sep: str, names: list[str], index: dict[str, int], columns: list[str]) -> None:
        self.sep, self.names, self.n, self.columns = sep, names, len(names), columns
        self.positions = [index.get(_norm(c), self.n) for c in columns]  # n: absent, a blank is appended
        self.pad = self.n in self.positions
        self.getter = itemgetter(*self.positions)
        self.variant = "montant-sens" if columns[11] == "Montant" else "debit-credit"


def read_header(header: str) -> tuple[_Layout | None, list[ParseError], ParseError | None]:
    """(layout, header findings, fatal error)."""
    if header.lstrip().startswith("<?xml"):
        return None, [], ParseError.of(1, None, "UNSUPPORTED_FORMAT")
    for sep in ("\t", "|"):
        if header.count(sep) >= 8:
            break
    else:
        for other in (";", ","):
            if header.count(other) >= 8:
                return None, [], ParseError.of(1, None, "BAD_SEPARATOR", separator=other)
        sep = "\t" if "\t" in header else "|"
    names = [name.strip(" ") for name in header.split(sep)]
    findings: list[ParseError] = []
    if len(names) > 1 and not names[-1]:
        names.pop()
        findings.append(ParseError.of(1, None, "TRAILING_SEPARATOR", "finding", where="header"))
    index: dict[str, int] = {}
    told: set[str] = set()  # a column named many times is told once
    for i, name in enumerate(names):
        key = _norm(name)
        if key in index and key not in told:
            told.add(key)
            findings.append(
                ParseError.of(1, shown(name, 30), "DUPLICATE_COLUMN", "finding", column=shown(name))
            )
        index.setdefault(key, i)
    if len(index.keys() & {_norm(c) for c in (*COLUMNS, "Montant", "Sens")}) < 3:
        return None, [], ParseError.of(1, None, "NO_HEADER")
    columns = list(COLUMNS)
    if "DEBIT" not in index and "CREDIT" not in index and ("MONTANT" in index or "SENS" in index):
        columns[11:13] = ["Montant", "Sens"]
    missing = [c for c in columns[:MANDATORY] if _norm(c) not in index]
    if missing:
        return None, [], ParseError.of(1, None, "MISSING_COLUMN", columns=", ".join(missing))
    present = [c for c in columns if _norm(c) in index]
    for rank, column in enumerate(present):
        if index[_norm(column)] != rank:
            findings.append(
                ParseError.of(
                    1,
                    column,
                    "HEADER_ORDER",
                    "finding",
                    position=rank + 1,
                    found=shown(names[rank]),
                    expected=column,
                )
            )
            break
    return _Layout(sep, names, index, columns), findings, None


class FecFile:
    """Result of opening a FEC stream: header checked eagerly, entries streamed lazily by `items()`."""

    def __init__(self, reader: LineReader, filename: str | None = None, places: int = 2) -> None:
        self.info: FileInfo | None = None
        self._places = places  # decimals of the company's currency: Debit, Credit and Montant
        self.line_count = 0  # data lines read so far
        self._reader = reader
        self._layout: _Layout | None = None
        self._consumed = False
        self._dates: dict[str, date | None] = dict.fromkeys(_BLANK_DATES)
        self._slow_dates: dict[str, tuple[date | None, str | None, Reason]] = {}
        self._accounts: set[str] = set()
        self._closing: date | None = None
        self._prev_key: Key = (
            "",
            "",
        )  # the key of the last line read: a line without JournalCode may join it
        # A header alone is a valid FEC (a company without activity): NO_ENTRY_LINES, not a refusal.
        opened = open_lines(reader, read_header, None)
        self._blocks, self._first, self._header_findings = opened.blocks, opened.rest, opened.findings
        self.fatal, layout = opened.fatal, opened.header
        if layout is None:
            return
        named = read_file_name(filename)
        if named.finding is not None:
            self._header_findings.append(named.finding)
        self._closing = named.closing
        self._layout = layout
        names = tuple(layout.names)
        self.info = FileInfo(
            "FEC", reader.encoding, layout.sep, layout.variant, named.siren, named.closing, names
        )

    @property
    def bytes_read(self) -> int:
        return self._reader.bytes_read

    def items(self) -> Iterator[Entry | RejectedEntry | ParseError]:
        """Entries, refused entries and findings, in file order. Can be consumed once."""
        for item in self._items(columnar=False):
            assert not isinstance(item, CleanBlock)  # only the columnar route gives them
            yield item

    def column_items(self) -> Iterator[Entry | RejectedEntry | ParseError | CleanBlock]:
        """As `items()`, but runs of clean entries come as `CleanBlock`s of columns instead of Entry objects
        (fec_columns.py), with the same meaning and order: for big imports."""
        return self._items(columnar=True)

    def _items(self, columnar: bool) -> Iterator[Entry | RejectedEntry | ParseError | CleanBlock]:
        if self._consumed:
            raise RuntimeError("FecFile.items() can only be consumed once")
        self._consumed = True
        if self._layout is None:
            return
        cap = FindingsCap(FINDINGS_PER_CODE)
        last: dict[str, tuple[date, str]] = {}  # journal → (date, number) of its last entry
        closed = ClosedKeys()
        notes = list(self._header_findings)
        blocks: Iterator[list[str]] = chain([self._first], self._blocks)
        self._first = []
        line_no = 1  # the number of the line before the next one to parse
        numbers = Sequences()
        closing = self._closing
        entries = 0  # entries read, staged or refused
        if columnar and Screen.usable(self._layout):
            screen = Screen(self._layout, self._places, last, closed, closing)
            columns = self._columns(screen, blocks)
            while True:
                try:
                    clean = next(columns)
                except StopIteration as done:
                    line_no, blocks = done.value
                    break
                yield from cap.passing(notes)
                notes.clear()
                numbers.add_columns(clean.entries["num"], clean.entries["first"])
                entries += len(clean)
                yield clean
        lines = chain.from_iterable(self._item_blocks(blocks, line_no))
        for item in group_entries(lines, places=self._places, closed=closed):
            if type(item) is Entry:
                entries += 1
                first = item.lines[0].line
                numbers.add(item.number, first)
                previous = last.get(item.journal_code)
                if previous is not None and (
                    item.date < previous[0]
                    or item.number <= previous[1]
                    or len(item.number) != len(previous[1])
                ):
                    notes.extend(chronology(item, *previous))
                if closing is not None and item.date > closing:
                    notes.append(after_closing(first, item.journal_code, item.number, item.date, closing))
                last[item.journal_code] = (item.date, item.number)
                if not notes:
                    yield item
                    continue
            elif type(item) is ParseError:
                notes.append(item)
                continue
            elif type(item) is RejectedEntry:
                entries += 1
                if item.number:
                    numbers.add(item.number, item.lines[0])
            yield from cap.passing(notes)
            notes.clear()
            yield item
        if self._reader.fallback_line is not None:
            notes.append(encoding_fallback(self._reader.fallback_line))
        notes += numbers.gaps()
        if not entries:
            notes.append(ParseError.of(0, None, "NO_ENTRY_LINES", "finding"))
        yield from cap.passing(notes)
        yield from cap.summary()

    def _columns(
        self, screen: Screen, blocks: Iterator[list[str]]
    ) -> Generator[CleanBlock, None, tuple[int, Iterator[list[str]]]]:
        """The clean blocks at the start of the file; returns where the line-by-line parser takes over: the
        number of the line before, and the blocks of lines left (those held back, then the unread ones)."""
        pending: list[str] = []
        line_no = 1
        for block in chain(blocks, [None]):  # None: the end of the file
            final = block is None
            long = (
                block is not None and bool(block) and long_line(block) is not None
            )  # the parser's to refuse
            if block is not None and not long:
                pending.extend(block)
                if len(pending) < BATCH_LINES:
                    continue
            taken = screen.take(pending, line_no + 1, final=final)
            if taken.block is not None:
                yield taken.block
                line_no += taken.used
                self.line_count += taken.used
                del pending[: taken.used]
            if final or taken.stop or long:
                return line_no, chain([pending, block] if block is not None and long else [pending], blocks)
        raise AssertionError("unreachable: the end of the file returns")

    def _item_blocks(self, blocks: Iterable[list[str]], line_no: int) -> Iterator[list[LineItem]]:
        """Parsed lines, block by block; `line_no`: the number of the line before the first."""
        assert self._layout is not None
        for lines in blocks:
            self.line_count += len(lines)
            long = long_line(lines) if lines else None
            yield self._parse_block(lines, line_no) if long is None else [self._long_item(long, line_no + 1)]
            line_no += len(lines)

    def _parse_block(self, block: list[str], line_no: int) -> list[LineItem]:
        """The hot loop: one clean line costs a split, four dict look-ups, two integer parses and the
        EntryLine. Anything unusual goes to a slow path that records its problem in `probs`."""
        lay = self._layout
        assert lay is not None
        sep, n, get, pad, montant_sens = lay.sep, lay.n, lay.getter, lay.pad, lay.variant == "montant-sens"
        direct = lay.positions == list(range(len(COLUMNS))) and n == len(
            COLUMNS
        )  # the legal layout: unpack f
        before, after = " " + sep, sep + " "
        dget, miss, accounts = self._dates.get, _MISS, self._accounts
        date_of, amount_of, make = self._date, self._amount, new_entry_line
        big = AMOUNT_MAX
        # The common clean forms of the company's currency, read without the general parser: "0,00" and
        # "1234,56" in a 2-decimal currency ("0" and "1234" with none: an empty slice matches "").
        places = self._places
        zero, comma = ("0," + "0" * places, ",") if places else ("0", "")
        cut, cut_end = (-places - 1, -places) if places else (0, 0)
        width = 17 if places else 16  # 15 digits at most: within money.AMOUNT_MAX
        m_jc, m_jl, m_num, m_accl, m_aux, m_auxl, m_ref, m_lib, m_let, m_cur = (
            FIELD_MAX[TEXT_FIELDS[c]] for c in (
                "JournalCode", "JournalLib", "EcritureNum", "CompteLib", "CompAuxNum", "CompAuxLib",
                "PieceRef", "EcritureLib", "EcritureLet", "Idevise")
        )  # fmt: skip
        m_labels = min(m_jl, m_accl, m_auxl, m_lib)
        out: list[LineItem] = []
        add = out.append
        orphans: list[int] = []  # the lines without JournalCode: they join the entry of their number
        blank_dates = _BLANK_DATES
        probs: list[ParseError] = []  # reused until a line needs it
        for raw in block:
            line_no += 1
            f = raw.split(sep)
            # (a line with n >= 9 fields is not empty: raw[0] is safe)
            if len(f) != n or before in raw or after in raw or raw[0] == " " or raw[-1] == " ":
                fixed, key = self._fields(raw, f, line_no, probs)
                if fixed is None:
                    add((line_no, raw, key, None, probs))
                    probs = []
                    continue
                f = fixed
            if pad:
                f.append("")
            jc, jl, num, eds, acc, accl, aux, auxl, ref, pds, lib, deb, cred, let, dls, vds, camt, cur = f if direct else get(f)  # fmt: skip
            ed = dget(eds, miss)
            if ed is miss or ed is None:
                ed = self._entry_date(eds, line_no, probs)
            pd = dget(pds, miss)
            if pd is miss:
                pd = date_of(pds, "PieceDate", line_no, probs)
            dl = dget(dls, miss)
            if dl is miss:
                dl = date_of(dls, "DateLet", line_no, probs)
            vd = dget(vds, miss)
            if vd is miss:
                vd = date_of(vds, "ValidDate", line_no, probs)
            if montant_sens:
                debit, credit = self._montant_sens(deb, cred, line_no, probs)
            else:  # fast path for "1234,56"; one side is usually "0,00"
                if deb == zero:
                    debit = 0
                elif (
                    deb[cut:cut_end] == comma
                    and len(deb) < width
                    and (t := deb.replace(comma, "", 1)).isdecimal()
                ):
                    debit = int(t)
                else:
                    debit = amount_of(deb, "Debit", line_no, probs)
                if cred == zero:
                    credit = 0
                elif (
                    cred[cut:cut_end] == comma
                    and len(cred) < width
                    and (t := cred.replace(comma, "", 1)).isdecimal()
                ):
                    credit = int(t)
                else:
                    credit = amount_of(cred, "Credit", line_no, probs)
            if debit < 0 or credit < 0 or (debit == 0) == (credit == 0):
                debit, credit = self._sides(debit, credit, deb, cred, line_no, probs)
            if debit > big or credit > big:
                self._big(debit, credit, line_no, probs)
            if acc not in accounts:
                self._account(acc, line_no, probs)
            if not (num and jc and jl and accl and ref and lib and pd and vd) or (aux and not auxl):
                self._missing(f, line_no, probs)
            if aux and acc[:1] != "4":
                probs.append(ParseError.of(line_no, "CompAuxNum", "AUX_ACCOUNT", "finding", aux=shown(aux),
                                           account=shown(acc)))  # fmt: skip
            if bool(let) is (dls in blank_dates):
                probs.append(_lettering_note(let, dls, line_no))
            if vd is not None and vd < ed:
                probs.append(ParseError.of(line_no, "ValidDate", "VALIDATION_BEFORE_ENTRY", "finding", date=vd,
                                           entry_date=ed))  # fmt: skip
            if (
                len(jc) > m_jc or len(num) > m_num or len(ref) > m_ref or len(aux) > m_aux or len(let) > m_let
                or len(cur) > m_cur or (len(raw) > m_labels and (  # (a label that long needs such a line)
                    len(lib) > m_lib or len(accl) > m_accl or len(jl) > m_jl or len(auxl) > m_auxl))
            ):  # fmt: skip
                self._long_fields(f, line_no, probs)
            amount = (
                amount_of(camt, "Montantdevise", line_no, probs, self._foreign_places(cur)) if camt else None
            )
            if amount is not None and not -big <= amount <= big:
                check_amount(amount, "Montantdevise", line_no, probs, places=self._foreign_places(cur))
            if (cur and not camt) or (amount and not cur):
                missing = "Montantdevise" if cur else "Idevise"
                probs.append(ParseError.of(line_no, missing, "CURRENCY_INCOMPLETE", "finding", missing=missing,
                                           value=shown(cur or camt)))  # fmt: skip
            if not probs:
                line = make(line_no, jc, jl, num, ed, acc, accl, aux, auxl, ref, pd, lib, debit, credit, let, dl, vd, amount, cur)  # fmt: skip
                add((line_no, raw, (jc, num), line, None))
                continue
            if any(p.severity == "error" for p in probs):
                if num and not jc:
                    orphans.append(len(out))
                add((line_no, raw, (jc, num) if num else None, None, probs))
            else:
                line = make(line_no, jc, jl, num, ed, acc, accl, aux, auxl, ref, pd, lib, debit, credit, let, dl, vd, amount, cur)  # fmt: skip
                add((line_no, raw, (jc, num), line, probs))
            probs = []
        if orphans:
            self._adopt(out, orphans)
        if out and out[-1][2] is not None:
            self._prev_key = out[-1][2]
        return out

    def _adopt(self, out: list[LineItem], orphans: list[int]) -> None:
        """Key each line without JournalCode (refused) with the entry of its number around it: the line
        before's, else the next line's, so that its entry is refused whole for that reason, and not read as
        two unbalanced entries."""
        for i in orphans:
            line_no, raw, key, line, probs = out[i]
            assert key is not None
            number = key[1]
            before = out[i - 1][2] if i else self._prev_key
            after = next((item[2] for item in out[i + 1 :] if item[2] != key), None)
            for near in (before, after):
                if near is not None and near is not LOOSE and near[1] == number and near[0]:
                    out[i] = (line_no, raw, near, line, probs)
                    break

    # Slow paths: only for lines that are not in the common clean form. They append to `probs`.

    def _long_item(self, line: LongLine, line_no: int) -> LineItem:
        """A line longer than the maximum: refused with its entry, keyed by its first fields when the
        start that was kept holds them whole."""
        lay = self._layout
        assert lay is not None
        f = line.split(lay.sep)[:-1]  # the last field kept may be cut
        jc_at, num_at = lay.positions[0], lay.positions[2]
        key = None
        if len(f) > max(jc_at, num_at) and f[num_at].strip(" "):
            key = (f[jc_at].strip(" "), f[num_at].strip(" "))
        return (line_no, str(line), key, None, [self._reader.too_long(line, line_no)])

    def _long_fields(self, f: list[str], line_no: int, probs: list[ParseError]) -> None:
        assert self._layout is not None
        values = dict(zip(COLUMNS, self._layout.getter(f), strict=True))
        check_fields(
            [(field, column, values[column]) for column, field in TEXT_FIELDS.items()], line_no, probs
        )

    def _big(self, debit: int, credit: int, line_no: int, probs: list[ParseError]) -> None:
        columns = self._layout.columns if self._layout else list(COLUMNS)
        montant = columns[11] == "Montant"
        check_amount(debit, columns[11], line_no, probs, places=self._places)
        check_amount(credit, columns[11] if montant else columns[12], line_no, probs, places=self._places)

    def _fields(self, raw: str, f: list[str], line_no: int, probs: list[ParseError]) -> tuple[list[str] | None, Key | None]:  # fmt: skip
        lay = self._layout
        assert lay is not None
        if not raw.strip(" \t|"):
            probs.append(ParseError.of(line_no, None, "EMPTY_LINE", "finding"))
            return None, LOOSE
        f = [field.strip(" ") for field in f]  # TCD trims spaces around separators
        if len(f) == lay.n + 1 and not f[-1]:
            f.pop()
            probs.append(ParseError.of(line_no, None, "TRAILING_SEPARATOR", "finding", where="line"))
        if len(f) == lay.n:
            return f, None
        other = "|" if lay.sep == "\t" else "\t"
        alt = [field.strip(" ") for field in raw.split(other)]
        hint, keyed = {}, f
        if len(alt) in (lay.n, lay.n + 1):
            hint, keyed = {"instead": other}, alt
        probs.append(
            ParseError.of(
                line_no, None, "WRONG_FIELD_COUNT", fields=len(f), separator=lay.sep, expected=lay.n, **hint
            )
        )
        jc_at, num_at = lay.positions[0], lay.positions[2]
        if len(keyed) > max(jc_at, num_at) and keyed[num_at]:
            return None, (keyed[jc_at], keyed[num_at])
        return None, None

    def _date(self, text: str, column: str, line_no: int, probs: list[ParseError]) -> date | None:
        found = self._slow_dates.get(text)
        if found is None:
            if len(self._slow_dates) > 10_000 or len(self._dates) > 50_000:  # keep the caches bounded
                self._slow_dates.clear()
                self._dates.clear()  # in place: the hot loop holds its .get
                self._dates.update(dict.fromkeys(_BLANK_DATES))
            found = parse_date(text)
            if len(text) <= 32:  # a date with a time at most: longer texts are not kept (memory)
                self._slow_dates[text] = found
            if found[1] is None:
                self._dates[text] = found[0]
        value, code, reason = found
        if code is not None:
            severity: Severity = "error" if code == "BAD_DATE" else "finding"
            probs.append(
                ParseError.of(line_no, column, code, severity, field=column, value=shown(text), **reason)
            )
        return value

    def _entry_date(self, text: str, line_no: int, probs: list[ParseError]) -> date:
        value = self._date(text, "EcritureDate", line_no, probs)
        if value is not None:
            return value
        if not text:
            probs.append(ParseError.of(line_no, "EcritureDate", "MISSING_VALUE", field="EcritureDate"))
        elif not probs or probs[-1].code != "BAD_DATE":
            probs.append(
                ParseError.of(line_no, "EcritureDate", "BAD_DATE", field="EcritureDate", value=shown(text),
                              **not_in_form("YYYYMMDD"))
            )  # fmt: skip
        return _MISS

    def _foreign_places(self, currency: str) -> int:
        """Decimals of a Montantdevise in `currency` (Idevise); the company's when Idevise names none."""
        return exponent_or(currency, self._places)

    def _amount(self, text: str, column: str, line_no: int, probs: list[ParseError], places: int | None = None) -> int:  # fmt: skip
        places = self._places if places is None else places
        try:
            value, code = parse_amount(text, places)
        except (ValueError, InvalidOperation) as exc:
            why = exc.params if isinstance(exc, AmountError) else {"reason": "form"}
            probs.append(ParseError.of(line_no, column, "BAD_AMOUNT", field=column, value=shown(text), **why))
            return 0
        if code is not None:
            read_as = decimal_of(value, places)
            extra = {"places": max(places, 2)} if code == "EXTRA_DECIMALS" else {}
            probs.append(
                ParseError.of(
                    line_no, column, code, "finding", field=column, value=shown(text), amount=read_as, **extra
                )
            )
        return value

    def _montant_sens(
        self, montant: str, sens: str, line_no: int, probs: list[ParseError]
    ) -> tuple[int, int]:
        value = self._amount(montant, "Montant", line_no, probs)
        if sens.upper() in ("D", "+1"):
            return value, 0
        if sens.upper() in ("C", "-1"):
            return 0, value
        probs.append(ParseError.of(line_no, "Sens", "BAD_SENS", value=shown(sens)))
        return 0, 0

    def _sides(self, debit: int, credit: int, deb: str, cred: str, line_no: int, probs: list[ParseError]) -> tuple[int, int]:  # fmt: skip
        """Negative amounts move to the other side (net unchanged); both sides or none filled: findings."""
        columns = self._layout.columns if self._layout else list(COLUMNS)
        # Montant + Sens: one amount column, whichever side its sign gave
        credit_column, credit_text = (columns[11], deb) if columns[11] == "Montant" else (columns[12], cred)
        return sides(debit, credit, line_no, probs, fields=(columns[11], credit_column),
                     texts=(shown(deb), shown(credit_text)), places=self._places,
                     zero=not any(p.severity == "error" for p in probs))  # fmt: skip

    def _account(self, account: str, line_no: int, probs: list[ParseError]) -> None:
        if not account:
            probs.append(ParseError.of(line_no, "CompteNum", "MISSING_VALUE", field="CompteNum"))
        elif len(account) > FIELD_MAX["account_number"]:
            probs.append(field_too_long("account_number", account, "CompteNum", line_no))
        elif account[:3].isdecimal() and account[:3].isascii():
            if account[0] in "1234567":
                if len(self._accounts) > 100_000:
                    self._accounts.clear()
                self._accounts.add(account)
            else:  # 8 (special accounts), 9 (analytic), 0: not in a general ledger
                probs.append(ParseError.of(line_no, "CompteNum", "ACCOUNT_CLASS", "finding",
                                           account=shown(account), **{"class": account[0]}))  # fmt: skip
        else:
            probs.append(
                ParseError.of(line_no, "CompteNum", "ACCOUNT_PREFIX", "finding", account=shown(account))
            )

    def _missing(self, f: list[str], line_no: int, probs: list[ParseError]) -> None:
        assert self._layout is not None
        values = dict(zip(COLUMNS, self._layout.getter(f), strict=True))
        if not values["EcritureNum"]:
            probs.append(ParseError.of(line_no, "EcritureNum", "MISSING_VALUE", field="EcritureNum"))
        labels = [c for c in ("JournalLib", "CompteLib", "EcritureLib") if not values[c]]
        if values["CompAuxNum"] and not values["CompAuxLib"]:
            labels.append("CompAuxLib")
        if not values["JournalCode"]:  # an entry is keyed by it: its journal cannot be guessed
            probs.append(ParseError.of(line_no, "JournalCode", "MISSING_VALUE", field="JournalCode"))
        data = [c for c in ("PieceRef", "PieceDate", "ValidDate") if not values[c].strip("0")]
        for code, columns in (("MISSING_LABEL", labels), ("MISSING_DATA", data)):
            if columns:
                probs.append(ParseError.of(line_no, columns[0], code, "finding", columns=", ".join(columns)))


def _lettering_note(let: str, dls: str, line_no: int) -> ParseError:
    """LETTERING_INCOMPLETE: a lettering code without its date, or a date without its code."""
    missing, value = ("DateLet", let) if let else ("EcritureLet", dls)
    return ParseError.of(
        line_no, missing, "LETTERING_INCOMPLETE", "finding", missing=missing, value=shown(value)
    )


def open_fec(stream: BinaryIO, filename: str | None = None, places: int = 2) -> FecFile:
    """Open a FEC byte stream: encoding, header and file name are checked now, lines when `items()` runs.
    Amounts are read in a currency of `places` decimals (the company's)."""
    return FecFile(LineReader(stream), filename, places)
