"""FEC parser (Fichier des Écritures Comptables, art. A47 A-1 LPF), streaming and pure.

Columns are read by header name, so data is never ambiguous because of column order. What refuses an
entry (error) and what is only reported (finding) follows FORMATS.md §1 "Écluse's policy":
errors make data unreadable or ambiguous (amount, mandatory date, account or number, field count,
balance); findings are what Test Compta Demat alerts on while the data stays clear.

Choices worth knowing:
- a negative Debit/Credit (or Montant) is legal (sign before or after): it is recorded on the other side
  with its absolute value (net unchanged) and a NEGATIVE_AMOUNT finding;
- '.' as decimal separator is read with a DOT_DECIMAL finding when it cannot be a thousands separator
  (at most 2 digits after it); anything with thousands separators is BAD_AMOUNT;
- chronology (CHRONOLOGY) is checked per journal: files sorted by journal then date are common and fine;
- findings are capped at FINDINGS_PER_CODE per code, then one summary finding gives the count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any, BinaryIO

from ecluse.formats.entries import LOOSE, Key, LineItem, cents, group_entries
from ecluse.formats.reader import LineReader
from ecluse.formats.records import Entry, FileInfo, ParseError, RejectedEntry, Severity, new_entry_line

COLUMNS = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
    "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
    "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip
MANDATORY = 16  # the last two (currency) may be absent
FINDINGS_PER_CODE = 1000
_MISS = date(1, 1, 1)  # cache-miss sentinel, compared by identity
_BLANK_DATES = ("", "00000000")
_TIME = r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?"
_YMD = re.compile(r"(\d{4})([-/.]?)(\d\d)\2(\d\d)" + _TIME)
_DMY = re.compile(r"(\d\d)([-/.]?)(\d\d)\2(\d{4})" + _TIME)
_AMOUNT = re.compile(r"([+-]?)(\d*)(?:([,.])(\d*))?([+-]?)")
_EXPONENT = re.compile(r"[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+")
_NAME = re.compile(r"(?:(?<!\d)(\d{9}))?FEC(20\d\d[01]\d[0-3]\d)")
_DIGITS = re.compile(r"(\d+)")


def _norm(name: str) -> str:
    """Header name as Test Compta Demat compares them: accents stripped, upper case, non-alnum → '_'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^A-Z0-9]", "_", text.upper())


def _err(line: int, column: str | None, code: str, message: str, severity: Severity = "error") -> ParseError:
    return ParseError(line, column, code, message, severity)


def _finding(line: int, column: str | None, code: str, message: str) -> ParseError:
    return ParseError(line, column, code, message, "finding")


def parse_amount(text: str) -> tuple[int, str | None]:
    """FEC amount → (signed cents, finding code or None). Raises ValueError with the reason."""
    if not text:
        return 0, None
    m = _AMOUNT.fullmatch(text)
    if m is None:
        if _EXPONENT.fullmatch(text):
            value = Decimal(text.replace(",", ".")) * 100
            if abs(value) >= 10**17:
                raise ValueError("is too large")
            if value != value.to_integral_value():
                raise ValueError("has more than 2 decimals")
            return int(value), "AMOUNT_EXPONENT"
        if " " in text.strip():
            raise ValueError("has a space inside (thousands separators are not allowed)")
        if text.count(",") + text.count(".") > 1:
            raise ValueError("has more than one ',' or '.' (thousands separators are not allowed)")
        raise ValueError("is not an amount")
    lead, whole, point, decimals, trail = m.groups()
    decimals = decimals or ""
    if lead and trail:
        raise ValueError("has two signs")
    if not whole and not decimals:
        raise ValueError("is not an amount")
    if len(whole) > 15:
        raise ValueError("is too large")
    finding = None
    if point == ".":
        if len(decimals) > 2:
            raise ValueError("is ambiguous: '.' may separate thousands or decimals (the FEC uses ',')")
        finding = "DOT_DECIMAL"
    if len(decimals) > 2:
        if decimals[2:].strip("0"):
            raise ValueError("has more than 2 decimals")
        decimals = decimals[:2]
    value = int(whole or "0") * 100 + int(decimals.ljust(2, "0"))
    return (-value if "-" in (lead, trail) else value), finding


def parse_date(text: str) -> tuple[date | None, str | None, str]:
    """FEC date → (date or None when blank, code, detail). Code None = clean YYYYMMDD; DATE_SEPARATORS or
    DATE_OUT_OF_RANGE = tolerated (finding); BAD_DATE = unreadable (value None)."""
    if not text.replace("0", "").strip("-/. :T"):
        return None, None, ""
    candidates = []
    ymd, dmy = _YMD.fullmatch(text), _DMY.fullmatch(text)
    if ymd:
        candidates.append((int(ymd[1]), int(ymd[3]), int(ymd[4])))
    if dmy:
        candidates.append((int(dmy[4]), int(dmy[3]), int(dmy[1])))
    if not candidates:
        return None, "BAD_DATE", "is not a date (expected YYYYMMDD)"
    valid = []
    for year, month, day in candidates:
        try:
            valid.append(date(year, month, day))
        except ValueError:
            pass
    if not valid:
        year, month, day = candidates[0]
        why = f"month {month}" if not 1 <= month <= 12 else f"day {day} of {year:04d}-{month:02d}"
        return None, "BAD_DATE", f"is not a valid date ({why})"
    usual = [d for d in valid if 1900 <= d.year <= 2099]
    if not usual:
        return valid[0], "DATE_OUT_OF_RANGE", f"is outside 1900-2099 (read as {valid[0].isoformat()})"
    value = usual[0]
    if len(text) == 8 and value == valid[0] and ymd:
        return value, None, ""
    return value, "DATE_SEPARATORS", f"is not in the YYYYMMDD form (read as {value.isoformat()})"


def _number_key(number: str) -> tuple[Any, ...]:
    parts = _DIGITS.split(number)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def names_from_filename(filename: str | None) -> tuple[str | None, date | None, bool]:
    """(SIREN, closing date, matched) from `SirenFECAAAAMMJJ[...]`, case-insensitive as TCD does.
    The SIREN is the 9 digits right before 'FEC' (None when the prefix is something else)."""
    if not filename:
        return None, None, False
    base = re.split(r"[/\\]", filename)[-1].upper()
    matches = list(_NAME.finditer(base))
    if not matches:
        return None, None, False
    m = matches[-1]
    text = m[2]
    try:
        closing: date | None = date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        closing = None
    return m[1], closing, True


class _Layout:
    """What the header says: separator, field count, where each canonical column is."""

    def __init__(self, sep: str, names: list[str], positions: list[int], columns: list[str]) -> None:
        self.sep = sep
        self.names = names
        self.n = len(names)
        self.positions = positions  # canonical order; n = absent (a blank field is appended)
        self.pad = self.n in positions
        self.getter = itemgetter(*positions)
        self.columns = columns
        self.variant = "montant-sens" if columns[11] == "Montant" else "debit-credit"


def read_header(header: str) -> tuple[_Layout | None, list[ParseError], ParseError | None]:
    """(layout, header findings, fatal error)."""
    if header.lstrip().startswith("<?xml"):
        return (
            None,
            [],
            _err(1, None, "UNSUPPORTED_FORMAT", "XML FEC files are not supported; send the text FEC"),
        )
    for sep in ("\t", "|"):
        if header.count(sep) >= 8:
            break
    else:
        for other in (";", ","):
            if header.count(other) >= 8:
                return None, [], _err(1, None, "BAD_SEPARATOR", f"Fields are separated by '{other}'; "
                                      "the FEC requires TAB or '|'")  # fmt: skip
        sep = "\t" if "\t" in header else "|"
    names = [name.strip(" ") for name in header.split(sep)]
    findings: list[ParseError] = []
    if len(names) > 1 and not names[-1]:
        names.pop()
        findings.append(_finding(1, None, "TRAILING_SEPARATOR", "The header ends with a separator"))
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        if _norm(name) in index:
            findings.append(
                _finding(1, name, "DUPLICATE_COLUMN", f"Column {name} appears twice; the first is read")
            )
        else:
            index[_norm(name)] = i
    if len(index.keys() & {_norm(c) for c in (*COLUMNS, "Montant", "Sens")}) < 3:
        return None, [], _err(1, None, "NO_HEADER", "The first line is not a FEC header (JournalCode, JournalLib, "
                              "EcritureNum… column names)")  # fmt: skip
    columns = list(COLUMNS)
    if "DEBIT" not in index and "CREDIT" not in index and ("MONTANT" in index or "SENS" in index):
        columns[11:13] = ["Montant", "Sens"]
    missing = [c for c in columns[:MANDATORY] if _norm(c) not in index]
    if missing:
        return (
            None,
            [],
            _err(1, None, "MISSING_COLUMN", f"The header lacks mandatory column(s): {', '.join(missing)}"),
        )
    layout = _Layout(sep, names, [index.get(_norm(c), len(names)) for c in columns], columns)
    present = [c for c in columns if _norm(c) in index]
    for rank, column in enumerate(present):
        if index[_norm(column)] != rank:
            findings.append(_finding(1, column, "HEADER_ORDER", (
                f"Header columns are not in the legal order: column {rank + 1} is {names[rank]}, expected "
                f"{column} (values are read by column name)")))  # fmt: skip
            break
    return layout, findings, None


class FecFile:
    """Result of opening a FEC stream: header checked eagerly, entries streamed lazily by `items()`."""

    def __init__(
        self, reader: LineReader | None, fatal: ParseError | None, filename: str | None = None
    ) -> None:
        self.info: FileInfo | None = None
        self.fatal = fatal
        self.line_count = 0
        self._reader = reader
        self._layout: _Layout | None = None
        self._header_findings: list[ParseError] = []
        self._first: list[str] = []
        self._blocks: Iterator[list[str]] = iter(())
        self._consumed = False
        self._dates: dict[str, date | None] = dict.fromkeys(_BLANK_DATES)
        self._slow_dates: dict[str, tuple[date | None, str | None, str]] = {}
        self._accounts: set[str] = set()
        if reader is None or fatal is not None:
            return
        self._blocks = reader.blocks()
        self._first = next(self._blocks, [])
        layout, self._header_findings, self.fatal = read_header(self._first[0] if self._first else "")
        if layout is None:
            return
        if reader.at_eof and not any(line.strip() for line in self._first[1:]):
            self.fatal = _err(0, None, "EMPTY_FILE", "The file has a header but no entry lines")
            return
        siren, closing, matched = names_from_filename(filename)
        if filename and not matched:
            self._header_findings.append(_finding(0, None, "BAD_FILE_NAME", (
                f"File name '{filename}' does not follow SirenFECAAAAMMJJ (A47 A-1 IX)")))  # fmt: skip
        self._layout = layout
        self.info = FileInfo(
            "FEC", reader.encoding, layout.sep, layout.variant, siren, closing, tuple(layout.names)
        )

    @property
    def bytes_read(self) -> int:
        return self._reader.bytes_read if self._reader is not None else 0

    def items(self) -> Iterator[Entry | RejectedEntry | ParseError]:
        """Entries, refused entries and findings, in file order. Can be consumed once."""
        if self._consumed:
            raise RuntimeError("FecFile.items() can only be consumed once")
        self._consumed = True
        if self._layout is None or self._reader is None:
            return
        counts: dict[str, int] = {}
        last: dict[str, tuple[date, str]] = {}  # journal → (date, number) of its last entry
        extra = list(self._header_findings)
        for item in group_entries(self._line_items()):
            if type(item) is Entry:
                previous = last.get(item.journal_code)
                if previous is not None:
                    extra.extend(_chronology(item, *previous))
                last[item.journal_code] = (item.date, item.number)
                if not extra:
                    yield item
                    continue
            elif type(item) is ParseError:
                extra.append(item)
                continue
            for finding in extra:
                counts[finding.code] = seen = counts.get(finding.code, 0) + 1
                if seen <= FINDINGS_PER_CODE:
                    yield finding
            extra.clear()
            yield item
        if self._reader.fallback_line is not None:
            extra.append(_finding(self._reader.fallback_line, None, "ENCODING_FALLBACK", (
                f"From line {self._reader.fallback_line} the file holds bytes that are not UTF-8; "
                "they were read as ISO-8859-15")))  # fmt: skip
        for finding in extra:
            counts[finding.code] = seen = counts.get(finding.code, 0) + 1
            if seen <= FINDINGS_PER_CODE:
                yield finding
        for code, seen in counts.items():
            if seen > FINDINGS_PER_CODE:
                yield _finding(0, None, code, f"{seen - FINDINGS_PER_CODE} more {code} findings not listed "
                               f"({seen} in all)")  # fmt: skip

    def _line_items(self) -> Iterator[LineItem]:
        lay = self._layout
        assert lay is not None
        sep, n, get, pad, montant_sens = lay.sep, lay.n, lay.getter, lay.pad, lay.variant == "montant-sens"
        before, after = " " + sep, sep + " "
        dget = self._dates.get
        accounts = self._accounts
        date_of, amount_of, make = self._date, self._amount, new_entry_line
        line_no = 1
        first, self._first = self._first[1:], []
        blocks = self._blocks
        block: list[str] | None = first
        while block is not None:
            self.line_count += len(block)
            for raw in block:
                line_no += 1
                f = raw.split(sep)
                probs: list[ParseError] = []
                if len(f) != n or before in raw or after in raw or raw[:1] == " " or raw[-1:] == " ":
                    fixed, key = self._fields(raw, f, line_no, probs)
                    if fixed is None:
                        yield line_no, raw, key, None, probs
                        continue
                    f = fixed
                if pad:
                    f.append("")
                (
                    jc,
                    jl,
                    num,
                    eds,
                    acc,
                    accl,
                    aux,
                    auxl,
                    pref,
                    pds,
                    lib,
                    deb,
                    cred,
                    let,
                    dls,
                    vds,
                    camt,
                    cur,
                ) = get(f)
                ed = dget(eds, _MISS)
                if ed is _MISS or ed is None:
                    ed = self._entry_date(eds, line_no, probs)
                pd = dget(pds, _MISS)
                if pd is _MISS:
                    pd = date_of(pds, "PieceDate", line_no, probs)
                dl = dget(dls, _MISS)
                if dl is _MISS:
                    dl = date_of(dls, "DateLet", line_no, probs)
                vd = dget(vds, _MISS)
                if vd is _MISS:
                    vd = date_of(vds, "ValidDate", line_no, probs)
                if montant_sens:
                    debit, credit = self._montant_sens(deb, cred, line_no, probs)
                else:
                    if len(deb) < 17 and deb[-3:-2] == "," and (t := deb[:-3] + deb[-2:]).isdecimal():
                        debit = int(t)
                    else:
                        debit = amount_of(deb, "Debit", line_no, probs)
                    if len(cred) < 17 and cred[-3:-2] == "," and (t := cred[:-3] + cred[-2:]).isdecimal():
                        credit = int(t)
                    else:
                        credit = amount_of(cred, "Credit", line_no, probs)
                if debit < 0 or credit < 0:
                    debit, credit = self._negative(debit, credit, deb, cred, line_no, probs)
                if (debit == 0) == (credit == 0):
                    self._both_or_none(debit, credit, line_no, probs)
                if acc not in accounts:
                    self._account(acc, line_no, probs)
                if not (num and jc and jl and accl and pref and lib and pd and vd) or (aux and not auxl):
                    self._missing(f, line_no, probs)
                amount = amount_of(camt, "Montantdevise", line_no, probs) if camt else None
                if probs and any(p.severity == "error" for p in probs):
                    yield line_no, raw, (jc, num) if num else None, None, probs
                else:
                    line = make(line_no, jc, jl, num, ed, acc, accl, aux, auxl, pref, pd, lib, debit, credit,
                                let, dl, vd, amount, cur)  # fmt: skip
                    yield line_no, raw, (jc, num), line, probs or None
            block = next(blocks, None)

    # Slow paths: called only for lines that are not in the common clean form.

    def _fields(
        self, raw: str, f: list[str], line_no: int, probs: list[ParseError]
    ) -> tuple[list[str] | None, Key | None]:
        lay = self._layout
        assert lay is not None
        if not raw.strip(" \t|"):
            probs.append(_finding(line_no, None, "EMPTY_LINE", "Empty line"))
            return None, LOOSE
        f = [field.strip(" ") for field in f]
        if len(f) == lay.n + 1 and not f[-1]:
            f.pop()
            probs.append(_finding(line_no, None, "TRAILING_SEPARATOR", "The line ends with a separator"))
        if len(f) == lay.n:
            return f, None
        sep_name = {"\t": "TAB", "|": "'|'"}
        other = "|" if lay.sep == "\t" else "\t"
        alt = [field.strip(" ") for field in raw.split(other)]
        hint, key_fields = "", f
        if len(alt) in (lay.n, lay.n + 1):
            hint, key_fields = f"; it seems separated by {sep_name[other]} instead", alt
        probs.append(_err(line_no, None, "WRONG_FIELD_COUNT", (
            f"The line has {len(f)} field(s) separated by {sep_name[lay.sep]}, the header has {lay.n}{hint}")))  # fmt: skip
        jc_at, num_at = lay.positions[0], lay.positions[2]
        if len(key_fields) > max(jc_at, num_at) and key_fields[num_at]:
            return None, (key_fields[jc_at], key_fields[num_at])
        return None, None

    def _slow_date(self, text: str) -> tuple[date | None, str | None, str]:
        found = self._slow_dates.get(text)
        if found is None:
            if len(self._slow_dates) > 10_000 or len(self._dates) > 50_000:  # keep the caches bounded
                self._slow_dates.clear()
                self._dates.clear()  # in place: the hot loop holds its .get
                self._dates.update(dict.fromkeys(_BLANK_DATES))
            found = self._slow_dates[text] = parse_date(text)
            if found[1] is None:
                self._dates[text] = found[0]
        return found

    def _date(self, text: str, column: str, line_no: int, probs: list[ParseError]) -> date | None:
        value, code, detail = self._slow_date(text)
        if code is not None:
            probs.append(ParseError(line_no, column, code, f"{column} '{text}' {detail}",
                                    "error" if code == "BAD_DATE" else "finding"))  # fmt: skip
        return value

    def _entry_date(self, text: str, line_no: int, probs: list[ParseError]) -> date:
        value = self._date(text, "EcritureDate", line_no, probs)
        if value is None:
            if not any(p.code == "BAD_DATE" for p in probs):
                probs.append(
                    _err(line_no, "EcritureDate", "MISSING_VALUE", "EcritureDate is empty; it is mandatory")
                )
            return _MISS
        return value

    def _amount(self, text: str, column: str, line_no: int, probs: list[ParseError]) -> int:
        try:
            value, code = parse_amount(text)
        except (ValueError, InvalidOperation) as exc:
            probs.append(_err(line_no, column, "BAD_AMOUNT", f"{column} '{text}' {exc}"))
            return 0
        if code is not None:
            probs.append(_finding(line_no, column, code, f"{column} '{text}' is not in the 1234,56 form (read as "
                                  f"{cents(value)})"))  # fmt: skip
        return value

    def _montant_sens(
        self, montant: str, sens: str, line_no: int, probs: list[ParseError]
    ) -> tuple[int, int]:
        value = self._amount(montant, "Montant", line_no, probs)
        if sens.upper() in ("D", "+1"):
            return value, 0
        if sens.upper() in ("C", "-1"):
            return 0, value
        probs.append(
            _err(
                line_no, "Sens", "BAD_SENS", f"Sens '{sens}' must be D, C, +1 or -1 (Code D/C mal renseigné)"
            )
        )
        return 0, 0

    def _negative(
        self, debit: int, credit: int, deb: str, cred: str, line_no: int, probs: list[ParseError]
    ) -> tuple[int, int]:
        lay = self._layout
        assert lay is not None
        column, text = lay.columns[11], deb
        if debit >= 0 and lay.variant == "debit-credit":
            column, text = lay.columns[12], cred
        net_debit, net_credit = max(debit, 0) + max(-credit, 0), max(credit, 0) + max(-debit, 0)
        probs.append(_finding(line_no, column, "NEGATIVE_AMOUNT", (
            f"{column} '{text}' is negative: recorded as debit {cents(net_debit)}, credit {cents(net_credit)}")))  # fmt: skip
        return net_debit, net_credit

    def _both_or_none(self, debit: int, credit: int, line_no: int, probs: list[ParseError]) -> None:
        if debit:
            probs.append(_finding(line_no, None, "DEBIT_AND_CREDIT", (
                f"Debit {cents(debit)} and Credit {cents(credit)} are both filled; both are kept")))  # fmt: skip
        else:
            probs.append(_finding(line_no, None, "ZERO_AMOUNT", "The line's amount is zero"))

    def _account(self, account: str, line_no: int, probs: list[ParseError]) -> None:
        if not account:
            probs.append(_err(line_no, "CompteNum", "MISSING_VALUE", "CompteNum is empty; it is mandatory"))
        elif account[:3].isdecimal() and account[:3].isascii():
            if len(self._accounts) > 100_000:
                self._accounts.clear()
            self._accounts.add(account)
        else:
            probs.append(_finding(line_no, "CompteNum", "ACCOUNT_PREFIX", (
                f"CompteNum '{account}' does not start with 3 digits of the chart of accounts")))  # fmt: skip

    def _missing(self, f: list[str], line_no: int, probs: list[ParseError]) -> None:
        lay = self._layout
        assert lay is not None
        values = dict(zip(lay.columns, lay.getter(f)))
        if not values["EcritureNum"]:
            probs.append(
                _err(line_no, "EcritureNum", "MISSING_VALUE", "EcritureNum is empty; it is mandatory")
            )
        labels = [c for c in ("JournalLib", "CompteLib", "EcritureLib") if not values[c]]
        if values["CompAuxNum"] and not values["CompAuxLib"]:
            labels.append("CompAuxLib")
        data = [c for c in ("JournalCode", "PieceRef", "PieceDate", "ValidDate") if not values[c]]
        for code, columns in (("MISSING_LABEL", labels), ("MISSING_DATA", data)):
            if columns:
                probs.append(
                    _finding(line_no, columns[0], code, f"Missing {', '.join(columns)} (données absentes)")
                )


def _chronology(entry: Entry, last_date: date, last_number: str) -> list[ParseError]:
    line = entry.lines[0].line
    name = f"{entry.journal_code} {entry.number}"
    if entry.date < last_date:
        return [_finding(line, "EcritureDate", "CHRONOLOGY", (
            f"Entry {name} ({entry.date.isoformat()}) is dated before the previous {entry.journal_code} entry "
            f"{last_number} ({last_date.isoformat()})"))]  # fmt: skip
    number = entry.number
    if len(number) == len(last_number):
        backwards = number < last_number
    else:
        backwards = _number_key(number) < _number_key(last_number)
    if backwards:
        return [_finding(line, "EcritureNum", "CHRONOLOGY", (
            f"Entry number {number} comes after {last_number} in journal {entry.journal_code}: numbering goes "
            "backwards"))]  # fmt: skip
    return []


def open_fec(stream: BinaryIO, filename: str | None = None) -> FecFile:
    """Open a FEC byte stream: encoding, header and file name are checked now, lines when `items()` runs."""
    reader = LineReader(stream)
    return FecFile(reader, reader.fatal, filename)
