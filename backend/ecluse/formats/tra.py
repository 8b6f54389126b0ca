"""Cegid TRA parser ("format standard" STD and "étendu" ETE), streaming and pure.

A TRA file is fixed-position text: a `***` header, `***XXX` parameter records (master data), then movement
lines of 222 characters (more in ETE files: only the first 222 are read, the rest stays in the raw text).
Positions are character positions of the decoded line, so a file re-saved as UTF-8 reads the same, and
lines are right-padded first (transfer tools trim trailing spaces). Layout and policy: docs/formats/tra.md.

Choices worth knowing:
- an entry is the run of consecutive lines with the same JOURNAL, DATECOMPTABLE, TYPE_PIECE and NUMEROPIECE;
  a key that comes back after other entries is refused (ENTRY_NOT_CONTIGUOUS) while it is remembered (the
  last 4,096 to 8,192 entries: memory stays bounded); a line whose DATECOMPTABLE cannot be read belongs to
  the entry with the same JOURNAL, TYPE_PIECE and NUMEROPIECE around it, and a line too short to hold SENS
  and MONTANT1 joins the entry being read (their keys cannot be trusted);
- TYPE_CPTE `A` lines are analytic: they are folded into the general line they follow (same GENERAL), which
  takes their section (one section) or is split into one line per section; they never count in the balance.
  Only the first axis read is kept (a finding names the others); every axis must add up to its line;
- only normal entries (TYPE_ECRITURE `N`) are imported;
- a negative MONTANT1 (the side is SENS's job) is recorded on the other side with a NEGATIVE_AMOUNT
  finding, as the FEC parser does; a '.' decimal separator is read with a DOT_DECIMAL finding;
- findings are capped at FINDINGS_PER_CODE per code, then one summary finding (line 0) gives the count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from itertools import chain
from typing import BinaryIO

from ecluse.formats.entries import cents
from ecluse.formats.findings import FINDINGS_PER_CODE, FindingsCap, encoding_fallback
from ecluse.formats.limits import check_amount, entry_total_error
from ecluse.formats.reader import LineReader, LongLine, long_line
from ecluse.formats.records import (
    Entry,
    EntryLine,
    FileInfo,
    MasterKind,
    MasterRecord,
    ParseError,
    RejectedEntry,
    new_entry,
    new_entry_line,
)
from ecluse.money import AMOUNT_MAX, ENTRY_TOTAL_MAX, AmountError, minor_units

LINE_WIDTH = 222  # a standard movement line
HEADER_WIDTH = 147
MIN_WIDTH = 151  # a line shorter than this lacks TYPE_ECRITURE (and often SENS, MONTANT1)
NO_DATE = "01011900"
#: TYPE_PIECE of invoices and credit notes (sales FC/AC, purchases FF/AF): their REFINTERNE is the invoice
#: number, which open items and bank matching look for; a payment's (RC, RF, OD…) is its own reference.
INVOICE_PIECES = frozenset({"FC", "AC", "FF", "AF"})
MEMORY = 4096  # closed entry keys remembered (two generations) to spot an entry that comes back

PRODUCTS = frozenset({"S1", "S3", "S5", "S7", "SI", "QU", "WS", "WT"})
ORIGINS = frozenset({"CLI", "EXP"})
CONTENTS = frozenset({"JRL", "DOS", "BAL", "SYN", "EXO"})
FORMATS = frozenset({"STD", "ETE"})
#: Cegid journal natures (J_NATUREJAL) → MasterRecord.nature; anything else not blank → "other".
JOURNAL_NATURES = {
    "ACH": "purchases", "VTE": "sales", "BQE": "bank", "CAI": "bank", "OD": "general", "REG": "general",
    "ECC": "general",
}  # fmt: skip
#: Cegid third-party natures (T_NATUREAUXI) → MasterRecord.nature; anything else → "other".
THIRD_PARTY_NATURES = {"CLI": "customer", "FOU": "supplier"}
ENTRY_TYPES = {"S": "a simulation entry", "U": "a situation entry", "R": "a revision entry"}
#: Parameter records Cegid writes that Écluse does not import (skipped with one RECORD_SKIPPED finding).
SKIPPED_RECORDS = {
    "PS1": "general parameters", "PS2": "general parameters", "PS3": "general parameters",
    "PS4": "general parameters", "PS5": "general parameters", "EXO": "fiscal years",
    "SSA": "analytic structures", "ETB": "branches", "MDP": "payment modes", "MDR": "payment terms",
    "DEV": "currencies", "REG": "VAT regimes", "TVA": "VAT rates", "SOU": "number sequences",
    "PTL": "free table settings", "CRR": "correspondence accounts", "CRI": "correspondence accounts",
    "RUP": "break plans", "RIB": "bank details", "BQC": "banks", "BQE": "banks", "EXB": "bank statements",
    "EXL": "bank statement lines", "CON": "contacts", "FBG": "budget accounts", "FBJ": "budget journals",
    "FBS": "budget sections", "YTC": "third-party complements", "RRL": "reminders", "CHA": "exchange rates",
}  # fmt: skip

_RECORD_KINDS: dict[str, MasterKind] = {
    "JAL": "journal", "CGN": "account", "CAE": "third_party", "SAT": "section",
}  # fmt: skip

Key = str  # positions 1-13 and 152-159 as read: JOURNAL, DATECOMPTABLE, TYPE_PIECE, NUMEROPIECE
Ana = tuple[str, str, int | None]  # analytic line: section, axis, signed amount (debit > 0) or None
#: (physical line, raw text, parsed line or None, problems or None, analytic part or None, GENERAL).
#: A general line with an error has no parsed line; an analytic line never has one.
Item = tuple[int, str, EntryLine | None, list[ParseError] | None, Ana | None, str]
Output = Entry | RejectedEntry | ParseError | MasterRecord

_AMOUNT = re.compile(r"([+-]?)(\d+)(?:([,.])(\d*))?([+-]?)")
_UNPRINTABLE = re.compile(r"[^\x20-\x7e\xa0-\uffff]")


def _shown(text: str, width: int = 30) -> str:
    """`text` cut to `width` with control characters made visible, for a message."""
    cut = text[:width] + ("…" if len(text) > width else "")
    return _UNPRINTABLE.sub("?", cut)


def read_date(text: str) -> tuple[date | None, str]:
    """JJMMAAAA → (date, "") / (None, "") for no date (01011900, blank, zeros) / (None, why it is wrong)."""
    if text == NO_DATE or not text.strip(" 0"):
        return None, ""
    if len(text) == 8 and text.isdecimal() and text.isascii():
        day, month, year = int(text[:2]), int(text[2:4]), int(text[4:])
        try:
            return date(year, month, day), ""
        except ValueError:
            why = f"month {month}" if not 1 <= month <= 12 else f"day {day} of {month:02d}/{year:04d}"
            return None, f"is not a valid date ({why})"
    return None, "is not a date in the JJMMAAAA form (e.g. 15012025)"


def read_amount(text: str, places: int = 2) -> tuple[int | None, str, str | None]:
    """A MONTANT field → (signed minor units of a currency of `places` decimals or None, why it is wrong,
    finding code). Decimal comma; a '.' is read with DOT_DECIMAL when it cannot be a thousands separator; a
    sign before or after is accepted."""
    m = _AMOUNT.fullmatch(text)
    if m is None or (m[1] and m[5]):
        if not text:
            return None, "is empty", None
        return None, "is not an amount (expected 1234,56 with a decimal comma)", None
    sign, whole, point, decimals = m[1] or m[5], m[2], m[3], m[4] or ""
    if len(whole.lstrip("0")) > 15:
        return None, "is too large", None
    if point == "." and len(decimals) > 2:
        return None, "is ambiguous: '.' may separate thousands or decimals (TRA amounts use ',')", None
    try:
        value = minor_units(whole, decimals, places)
    except AmountError as exc:
        return None, str(exc), None
    return (-value if sign == "-" else value), "", "DOT_DECIMAL" if point == "." else None


def read_header(line: str) -> tuple[tuple[str, ...] | None, list[ParseError], ParseError | None]:
    """(header fields: product, origin, content, format, version, company name; findings; fatal error)."""
    if not line.startswith("***"):
        message = (
            f"The first line is not a Cegid TRA header: it must start with *** (e.g. ***S5CLIJRLSTD), "
            f"it starts with '{_shown(line)}'"
        )
        return None, [], ParseError(1, None, "BAD_HEADER", message)
    p = line.ljust(HEADER_WIDTH)
    product, origin, content, fmt = p[3:5], p[5:8], p[8:11], p[11:14]
    if fmt not in FORMATS:
        message = (
            f"The first line is not a Cegid TRA header: its format (positions 12-14) is '{_shown(fmt)}', "
            f"expected STD (standard) or ETE (extended); the line starts with '{_shown(line)}'"
        )
        return None, [], ParseError(1, None, "BAD_HEADER", message)
    findings = []
    for value, known, name in (
        (product, PRODUCTS, "product (positions 4-5)"),
        (origin, ORIGINS, "origin (positions 6-8)"),
        (content, CONTENTS, "content (positions 9-11)"),
    ):
        if value not in known:
            message = f"The header's {name} is '{_shown(value)}', expected one of {', '.join(sorted(known))}"
            findings.append(ParseError(1, None, "HEADER_VALUE", message, "finding"))
    fields = (product, origin, content, fmt, p[33:36].strip(), p[88:123].strip())
    return fields, findings, None


class _Base:
    """A general line of an entry being closed, with the analytic lines that follow it, by axis."""

    __slots__ = ("axes", "general", "line", "line_no")

    def __init__(self, line: EntryLine | None, general: str, line_no: int) -> None:
        self.line, self.general, self.line_no = line, general, line_no
        self.axes: dict[str, list[tuple[int, str, int | None]]] = {}


class TraFile:
    """Result of opening a TRA stream: header checked eagerly, records and entries streamed by `items()`."""

    def __init__(self, reader: LineReader, places: int = 2) -> None:
        self.info: FileInfo | None = None
        self._places = places  # decimals of the company's currency
        self.fatal = reader.fatal
        self.line_count = 0  # lines read after the header so far
        self._reader = reader
        self._blocks = reader.blocks()
        self._first: list[str] = []
        self._header_findings: list[ParseError] = []
        self._consumed = False
        self._extended = False
        self._dates: dict[str, date] = {}
        self._labels: dict[str, str] = {}  # journal code → label declared by ***JAL
        self._skipped: set[str] = set()  # record codes already reported
        # The entry being read, and the keys of recently closed ones.
        self._key: Key | None = None
        self._items: list[Item] = []
        self._resumes: int | None = None
        self._loose = False  # the entry being read began with an unreadable DATECOMPTABLE
        self._closed: dict[Key, int] = {}
        self._closed_before: dict[Key, int] = {}
        if self.fatal is not None:
            return
        first = next(self._blocks, [])
        if first and (long := long_line(first)) is not None:
            self.fatal = reader.too_long(long, 1)
            return
        fields, self._header_findings, self.fatal = read_header(first[0] if first else "")
        self._first = first[1:]
        if fields is None:
            return
        if reader.at_eof and not any(line.strip() for line in self._first):
            self.fatal = ParseError(0, None, "EMPTY_FILE", "The file has a TRA header but no lines after it")
            return
        self._extended = fields[3] == "ETE"
        self.info = FileInfo("TRA", reader.encoding, "", fields[3], None, None, fields)

    @property
    def bytes_read(self) -> int:
        return self._reader.bytes_read

    def items(self) -> Iterator[Output]:
        """Master records, entries, refused entries and findings, in file order. Can be consumed once."""
        if self._consumed:
            raise RuntimeError("TraFile.items() can only be consumed once")
        self._consumed = True
        if self.info is None:
            return
        cap = FindingsCap(FINDINGS_PER_CODE)
        line_no = 1
        first, self._first = self._first, []
        pending: list[Output] = list(self._header_findings)
        for lines in chain([first], self._blocks):
            self.line_count += len(lines)
            pending.extend(self._parse_block(lines, line_no))
            line_no += len(lines)
            yield from cap.passing(pending)
            pending = []
        if self._items:
            assert self._key is not None
            self._close(self._key, self._items, self._resumes, pending)
            self._items = []
        if self._reader.fallback_line is not None:
            pending.append(encoding_fallback(self._reader.fallback_line))
        yield from cap.passing(pending)
        yield from cap.summary()

    def _parse_block(self, block: list[str], line_no: int) -> list[Output]:
        """The hot loop. A line that continues the entry being read (same key: the raw JOURNAL, DATECOMPTABLE,
        TYPE_PIECE and NUMEROPIECE) reuses its journal, number and date; the rest costs a few slices, an
        integer parse and the EntryLine. Anything unusual goes to a slow path that records its problem in
        `probs`."""
        out: list[Output] = []
        dates, labels, make = self._dates, self._labels, new_entry_line
        dget = dates.get
        std = not self._extended
        big, places = AMOUNT_MAX, self._places
        long = bool(block) and long_line(block) is not None  # then the block is that line alone
        key, items, resumes, loose = self._key, self._items, self._resumes, self._loose
        jc = num = jl = ""
        ed: date | None = None  # None: the key fields must be read again
        probs: list[ParseError] = []  # reused until a line needs it
        for raw in block:
            line_no += 1
            n = len(raw)
            if n < MIN_WIDTH or (raw[0] == "*" and raw.startswith("***")) or long:
                found = self._odd_line(raw, line_no, out)
                if found is None:
                    continue
                k, item, short = found
                ed = None
            else:
                short = False
                p = raw if n >= LINE_WIDTH else raw.ljust(LINE_WIDTH)
                k = p[:13] + p[151:159]
                if k != key or ed is None:
                    jc, num = p[0:3].strip(), p[151:159].strip()
                    jl = labels.get(jc, "")
                    ed = dget(k[3:11])
                    if ed is None:
                        ed = self._entry_date(k[3:11], line_no, probs)
                general = p[13:30].strip()
                m = p[130:150]
                s = m.lstrip(" 0")  # Cegid zero-pads MONTANT1 to 20 characters
                if (
                    places == 2  # the usual "1234,56" of a 2-decimal currency
                    and s[-3:-2] == ","
                    and len(s) < 17  # 13 digits before the comma: within money.AMOUNT_MAX
                    and (t := s.replace(",", "", 1)).isdecimal()
                    and t.isascii()
                ):
                    amount: int | None = int(t)
                else:
                    amount = self._amount(m.strip(), line_no, probs)
                    if amount is not None and not -big <= amount <= big:
                        check_amount(amount, "MONTANT1", line_no, probs, places=places)
                        amount = None
                sens = p[129]
                if sens == "D":
                    signed = amount
                elif sens == "C":
                    signed = None if amount is None else -amount
                else:
                    signed = None
                    self._bad_sens(sens, line_no, probs)
                if p[150] != "N":
                    self._not_normal(p[150], jc, num, line_no, probs)
                if not general:
                    message = "GENERAL (the account) is empty"
                    probs.append(ParseError(line_no, "GENERAL", "MISSING_VALUE", message))
                if not num:
                    message = "NUMEROPIECE (the entry number) is empty"
                    probs.append(ParseError(line_no, "NUMEROPIECE", "MISSING_VALUE", message))
                due = p[121:129]
                if due != NO_DATE and due not in dates:
                    self._due_date(due, line_no, probs)
                if n > LINE_WIDTH and std and raw[LINE_WIDTH:].strip():
                    self._extra_text(n, line_no, probs)
                tc = p[30]
                if tc == "A":
                    ana = self._analytic(p, signed, line_no, probs)
                    item = (line_no, raw, None, probs or None, ana, general)
                else:
                    aux = p[31:48].strip()
                    if tc != "X" and (aux or tc not in " H0"):
                        self._account_type(tc, aux, line_no, probs)
                    elif not aux and tc == "X":
                        message = "AUXILIAIRE_OU_SECTION (the third party) is empty on a TYPE_CPTE X line"
                        probs.append(ParseError(line_no, "AUXILIAIRE_OU_SECTION", "MISSING_VALUE", message))
                    if amount is not None and amount <= 0 and signed is not None:
                        self._odd_amount(amount, signed, m.strip(), line_no, probs)
                    line = None
                    if signed is not None and ed is not None and (not probs or all(pe.severity != "error" for pe in probs)):  # fmt: skip
                        debit, credit = (signed, 0) if signed >= 0 else (0, -signed)
                        ref = p[48:83].strip()  # REFINTERNE: the line's reference
                        invoice = ref if p[11:13] in INVOICE_PIECES else ""  # an invoice's is its number
                        line = make(line_no, jc, jl, num, ed, general, "", aux, "", ref, None, p[83:118].strip(), debit, credit, "", None, None, None, p[159:162].strip() or "EUR", "", dates.get(due), invoice)  # fmt: skip
                    item = (line_no, raw, line, probs or None, None, general)
            if k != key and not (items and (short or _same_entry(k, key, ed is None or loose))):
                if items:
                    assert key is not None
                    self._close(key, items, resumes, out)
                key, items, loose = k, [], ed is None and not short
                resumes = self._closed.get(k) or self._closed_before.get(k)
            items.append(item)
            if probs:
                probs = []
        self._key, self._items, self._resumes, self._loose = key, items, resumes, loose
        return out

    # Slow paths: only for lines that are not in the common clean form. They append to `probs`.

    def _odd_line(self, raw: str, line_no: int, out: list[Output]) -> tuple[Key, Item, bool] | None:
        """An empty line or a parameter record (handled: None), or a line too short or too long to be read:
        (its key, its item, whether its key can be trusted)."""
        if type(raw) is LongLine:
            error = self._reader.too_long(raw, line_no)
            if raw.startswith("***"):  # a parameter record: not part of an entry
                out.append(error)
                return None
            p = raw.ljust(LINE_WIDTH)
            return p[:13] + p[151:159], (line_no, str(raw), None, [error], None, p[13:30].strip()), False
        if not raw.strip():
            out.append(ParseError(line_no, None, "EMPTY_LINE", "Empty line", "finding"))
            return None
        if raw.startswith("***"):
            self._record(raw, line_no, out)
            return None
        p = raw.ljust(LINE_WIDTH)
        message = (
            f"The line has {len(raw)} characters: a TRA movement line has {LINE_WIDTH}, and SENS, MONTANT1 and "
            f"TYPE_ECRITURE (positions 130-151) cannot all be read"
        )
        item = (
            line_no,
            raw,
            None,
            [ParseError(line_no, None, "SHORT_LINE", message)],
            None,
            p[13:30].strip(),
        )
        return p[:13] + p[151:159], item, True

    def _record(self, raw: str, line_no: int, out: list[Output]) -> None:
        code = raw[3:6]
        p = raw.ljust(80)
        kind = _RECORD_KINDS.get(code)
        if kind is None:
            if p[11:14] in FORMATS and p[5:8] in ORIGINS:
                message = f"Line {line_no} is a second TRA header (were two files joined?); it is ignored"
                out.append(ParseError(line_no, None, "EXTRA_HEADER", message, "finding"))
            elif code not in self._skipped:
                self._skipped.add(code)
                what = SKIPPED_RECORDS.get(code) or ("free tables" if code.startswith("TL") else None)
                if what is None:
                    message = f"Unknown parameter record ***{_shown(code)}: its lines are skipped"
                    out.append(ParseError(line_no, None, "UNKNOWN_RECORD", message, "finding"))
                else:
                    message = f"***{code} records ({what}) are not imported: they are skipped"
                    out.append(ParseError(line_no, None, "RECORD_SKIPPED", message, "finding"))
            return
        if kind == "journal":
            value, label, nature = p[6:9].strip(), p[9:44].strip(), p[44:47].strip()
            nature = JOURNAL_NATURES.get(nature, "other") if nature else ""
        else:
            value, label, nature = p[6:23].strip(), p[23:58].strip(), p[58:61].strip()
            nature = THIRD_PARTY_NATURES.get(nature, "other") if kind == "third_party" else ""
        if not value:
            message = (
                f"***{code} record without a code (positions 7-{9 if kind == 'journal' else 23}): skipped"
            )
            out.append(ParseError(line_no, "CODE", "BAD_RECORD", message, "finding"))
            return
        if kind == "journal" and len(self._labels) < 10_000:
            self._labels[value] = label
        out.append(MasterRecord(kind, value, label, nature, "", line_no))

    def _entry_date(self, text: str, line_no: int, probs: list[ParseError]) -> date | None:
        value, why = read_date(text)
        if value is not None:
            if len(self._dates) > 50_000:  # keep the cache bounded (in place: the hot loop holds its .get)
                self._dates.clear()
            self._dates[text] = value
        elif why:
            probs.append(
                ParseError(line_no, "DATECOMPTABLE", "BAD_DATE", f"DATECOMPTABLE '{_shown(text)}' {why}")
            )
        else:
            message = f"DATECOMPTABLE is empty ('{_shown(text)}'; {NO_DATE} means no date)"
            probs.append(ParseError(line_no, "DATECOMPTABLE", "MISSING_VALUE", message))
        return value

    def _due_date(self, text: str, line_no: int, probs: list[ParseError]) -> None:
        value, why = read_date(text)
        if value is not None:
            self._entry_date(text, line_no, probs)  # caches it
        elif why:
            message = f"ECHEANCE '{_shown(text)}' {why} (the line is imported without a due date)"
            probs.append(ParseError(line_no, "ECHEANCE", "BAD_DATE", message, "finding"))

    def _amount(self, text: str, line_no: int, probs: list[ParseError]) -> int | None:
        value, why, code = read_amount(text, self._places)
        if value is None:
            code = "MISSING_VALUE" if not text else "BAD_AMOUNT"
            message = f"MONTANT1 {why}" if not text else f"MONTANT1 '{_shown(text)}' {why}"
            probs.append(ParseError(line_no, "MONTANT1", code, message))
        elif code is not None:
            message = (
                f"MONTANT1 '{text}' uses '.' as decimal separator (read as {cents(value, self._places)})"
            )
            probs.append(ParseError(line_no, "MONTANT1", code, message, "finding"))
        return value

    def _bad_sens(self, sens: str, line_no: int, probs: list[ParseError]) -> None:
        shown = "is empty" if sens == " " else f"'{_shown(sens)}' is wrong"
        message = f"SENS {shown}: it must be D (debit) or C (credit)"
        probs.append(ParseError(line_no, "SENS", "BAD_SENS", message))

    def _not_normal(
        self, kind: str, journal: str, number: str, line_no: int, probs: list[ParseError]
    ) -> None:
        what = ENTRY_TYPES.get(kind) or ("not filled in" if kind == " " else "an unknown entry type")
        message = (
            f"TYPE_ECRITURE '{_shown(kind)}' is {what}: only normal entries (N) are imported, so entry "
            f"{journal} {number or '(no number)'} is refused"
        )
        probs.append(ParseError(line_no, "TYPE_ECRITURE", "NOT_NORMAL_ENTRY", message))

    def _extra_text(self, n: int, line_no: int, probs: list[ParseError]) -> None:
        message = f"The line has {n} characters, a standard (STD) line {LINE_WIDTH}: the rest is not read"
        probs.append(ParseError(line_no, None, "EXTRA_TEXT", message, "finding"))

    def _analytic(self, p: str, signed: int | None, line_no: int, probs: list[ParseError]) -> Ana:
        section, axis = p[31:48].strip(), p[218:220].strip()
        if not section:
            message = "AUXILIAIRE_OU_SECTION (the analytic section) is empty on a TYPE_CPTE A line"
            probs.append(ParseError(line_no, "AUXILIAIRE_OU_SECTION", "MISSING_VALUE", message))
        if not axis:
            message = "AXE is empty on an analytic line (TYPE_CPTE A); expected A1 to A5"
            probs.append(ParseError(line_no, "AXE", "MISSING_DATA", message, "finding"))
        return section, axis, signed

    def _account_type(self, tc: str, aux: str, line_no: int, probs: list[ParseError]) -> None:
        if tc not in " H0":
            message = (
                f"TYPE_CPTE '{_shown(tc)}' is wrong: it must be blank or H (general line), X (third party) or "
                "A (analytic)"
            )
            probs.append(ParseError(line_no, "TYPE_CPTE", "BAD_ACCOUNT_TYPE", message))
        else:
            message = (
                f"AUXILIAIRE_OU_SECTION '{aux}' is filled on a general line (TYPE_CPTE blank): read as its "
                "third party"
            )
            probs.append(ParseError(line_no, "TYPE_CPTE", "AUX_ON_GENERAL_LINE", message, "finding"))

    def _odd_amount(self, amount: int, signed: int, text: str, line_no: int, probs: list[ParseError]) -> None:
        """A zero amount, or a negative one (moved to the other side: the net is unchanged)."""
        if amount == 0:
            probs.append(
                ParseError(line_no, "MONTANT1", "ZERO_AMOUNT", "The line's amount is zero", "finding")
            )
            return
        side = (
            f"debit {cents(signed, self._places)}" if signed > 0 else f"credit {cents(-signed, self._places)}"
        )
        message = f"MONTANT1 '{text}' is negative: recorded as {side}"
        probs.append(ParseError(line_no, "MONTANT1", "NEGATIVE_AMOUNT", message, "finding"))

    # Entries

    def _close(self, key: Key, items: list[Item], resumes: int | None, out: list[Output]) -> None:
        """Emit the entry `items` form (or its refusal), and remember its key."""
        closed = self._closed
        closed[key] = items[0][0] if resumes is None else resumes
        if len(closed) > MEMORY:
            self._closed_before, self._closed = closed, {}
        if resumes is None:
            debit = credit = 0
            for item in items:
                line = item[2]
                if line is None or item[3] is not None:
                    break
                debit += line.debit
                credit += line.credit
            else:
                if debit == credit and debit <= ENTRY_TOTAL_MAX:
                    first = items[0][2]
                    assert first is not None
                    out.append(new_entry(first.journal_code, first.journal_label, first.entry_number, first.entry_date, tuple([item[2] for item in items])))  # type: ignore[misc]  # fmt: skip
                    return
        self._close_slowly(key, items, resumes, out)

    def _close_slowly(self, key: Key, items: list[Item], resumes: int | None, out: list[Output]) -> None:
        journal_code, number = key[:3].strip(), key[13:].strip()
        name = f"{journal_code} {number or '(no number)'}"
        first_line = items[0][0]
        errors: list[ParseError] = []
        notes: list[ParseError] = []
        if resumes is not None:
            message = (
                f"Entry {name} resumes at line {first_line} after other entries (its lines from line {resumes} "
                f"were already read as a whole entry); an entry's lines must be consecutive"
            )
            errors.append(ParseError(first_line, None, "ENTRY_NOT_CONTIGUOUS", message))
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
                after = f"follows account {bases[-1].general}" if bases else "comes first in its entry"
                message = (
                    f"Analytic line (TYPE_CPTE A) for account {general} {after}: it must follow a line of account "
                    f"{general} in entry {name}"
                )
                errors.append(ParseError(line_no, "GENERAL", "ANALYTIC_WITHOUT_GENERAL", message))
        lines: list[EntryLine] = []
        for base in bases:
            if base.line is None:
                continue
            if not base.axes:
                lines.append(base.line)
                continue
            lines.extend(self._distribute(base, name, errors, notes))
        complete = all(base.line is not None for base in bases)
        debit = sum(base.line.debit for base in bases if base.line is not None)
        credit = sum(base.line.credit for base in bases if base.line is not None)
        if complete and debit != credit:
            message = (
                f"Entry {name} is unbalanced: debit {cents(debit, self._places)}, credit "
                f"{cents(credit, self._places)}, difference {cents(debit - credit, self._places)}"
            )
            errors.append(ParseError(first_line, None, "UNBALANCED_ENTRY", message))
        elif (
            complete
            and (too_large := entry_total_error(debit, f"Entry {name}", first_line, places=self._places))
            is not None
        ):
            errors.append(too_large)
        if not errors and not lines:  # cannot happen (a line without EntryLine has an error); never lose one
            errors.append(ParseError(first_line, None, "UNREADABLE_ENTRY", f"Entry {name} could not be read"))
        if errors:
            out.append(
                RejectedEntry(
                    journal_code=journal_code,
                    number=number,
                    lines=tuple([item[0] for item in items]),
                    raw_lines=tuple([item[1] for item in items]),
                    errors=tuple(errors),
                )
            )
            return
        out.extend(notes)
        out.append(new_entry(journal_code, lines[0].journal_label, number, lines[0].entry_date, tuple(lines)))

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
                shown = f"axis {axis}" if axis else "no axis"
                message = (
                    f"The analytic lines of account {base.general} ({shown}, lines {parts[0][0]}-{parts[-1][0]}) "
                    f"add up to {_side(spread, self._places)}, but line {base.line_no} is {_side(total, self._places)} (entry {name})"
                )
                errors.append(ParseError(base.line_no, "MONTANT1", "ANALYTIC_MISMATCH", message))
        axes = list(base.axes)
        if len(axes) > 1:
            message = (
                f"Line {base.line_no} (account {base.general}) is spread on axes {', '.join(axes)}: only axis "
                f"{axes[0]} is kept"
            )
            notes.append(ParseError(base.line_no, "AXE", "ANALYTIC_AXIS_IGNORED", message, "finding"))
        parts = base.axes[axes[0]]
        if len(parts) == 1:
            return [replace(line, analytic=parts[0][1])]
        split = []
        for _, section, signed in parts:
            amount = signed or 0
            debit, credit = (amount, 0) if amount >= 0 else (0, -amount)
            split.append(replace(line, debit=debit, credit=credit, analytic=section))
        return split


def _same_entry(key: Key, current: Key | None, date_unknown: bool) -> bool:
    """Whether a line keyed `key` continues the entry `current` although the keys differ: only when a
    DATECOMPTABLE could not be read and JOURNAL, TYPE_PIECE and NUMEROPIECE are the same."""
    return date_unknown and current is not None and key[:3] == current[:3] and key[11:] == current[11:]


def _side(signed: int, places: int) -> str:
    return f"{cents(signed, places)} D" if signed >= 0 else f"{cents(-signed, places)} C"


def open_tra(stream: BinaryIO, filename: str | None = None, places: int = 2) -> TraFile:
    """Open a Cegid TRA byte stream: encoding and header are checked now, lines when `items()` runs.
    `filename` is not used (TRA file names carry nothing Écluse reads); it is accepted like every parser."""
    return TraFile(LineReader(stream, kind="TRA"), places)
