"""The streaming reader of Cegid TRA files: `TraFile` checks the header on open, then reads movement lines
block by block (`_parse_block`, the hot loop, and its slow paths for odd fields), groups them by entry key
and hands parameter records to `_Records` and finished entries to `_Closing`; `open_tra` opens one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import chain
from typing import BinaryIO

from ecluse.formats.entries import ClosedKeys, entry_name
from ecluse.formats.findings import FINDINGS_PER_CODE, FindingsCap, encoding_fallback
from ecluse.formats.limits import check_amount
from ecluse.formats.reader import LineReader, LongLine, long_line, open_lines
from ecluse.formats.records import FileInfo, ParseError, new_entry_line
from ecluse.formats.tra.closing import Ana, Item, Key, Output, _Closing
from ecluse.formats.tra.fields import NO_DATE, _shown, read_amount, read_date
from ecluse.formats.tra.header import _Records, read_header
from ecluse.money import AMOUNT_MAX, decimal_of

LINE_WIDTH = 222  # a standard movement line
MIN_WIDTH = 151  # a line shorter than this lacks TYPE_ECRITURE (and often SENS, MONTANT1)
#: TYPE_PIECE of invoices and credit notes (sales FC/AC, purchases FF/AF): their REFINTERNE is the invoice
#: number, which open items and bank matching look for; a payment's (RC, RF, OD…) is its own reference.
INVOICE_PIECES = frozenset({"FC", "AC", "FF", "AF"})


class TraFile(_Records, _Closing):
    """Result of opening a TRA stream: header checked eagerly, records and entries streamed by `items()`."""

    def __init__(self, reader: LineReader, places: int = 2) -> None:
        self.info: FileInfo | None = None
        self._places = places  # decimals of the company's currency
        self.line_count = 0  # lines read after the header so far
        self._reader = reader
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
        self._closed = ClosedKeys()
        opened = open_lines(reader, read_header, ParseError.of(0, None, "EMPTY_FILE", header="TRA"))
        self._blocks, self._first, self._header_findings = opened.blocks, opened.rest, opened.findings
        self.fatal, fields = opened.fatal, opened.header
        if fields is None:
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
                    probs.append(ParseError.of(line_no, "GENERAL", "MISSING_VALUE", field="GENERAL", meaning="account"))  # fmt: skip
                if not num:
                    probs.append(ParseError.of(line_no, "NUMEROPIECE", "MISSING_VALUE", field="NUMEROPIECE", meaning="entry_number"))  # fmt: skip
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
                        self._no_aux("third_party", "X", line_no, probs)
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
                resumes = self._closed.resumes(k)
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
            out.append(ParseError.of(line_no, None, "EMPTY_LINE", "finding"))
            return None
        if raw.startswith("***"):
            self._record(raw, line_no, out)
            return None
        p = raw.ljust(LINE_WIDTH)
        short = ParseError.of(line_no, None, "SHORT_LINE", length=len(raw), width=LINE_WIDTH)
        item = (
            line_no,
            raw,
            None,
            [short],
            None,
            p[13:30].strip(),
        )
        return p[:13] + p[151:159], item, True

    def _entry_date(self, text: str, line_no: int, probs: list[ParseError]) -> date | None:
        value, why = read_date(text)
        if value is not None:
            if len(self._dates) > 50_000:  # keep the cache bounded (in place: the hot loop holds its .get)
                self._dates.clear()
            self._dates[text] = value
        elif why:
            probs.append(ParseError.of(line_no, "DATECOMPTABLE", "BAD_DATE", field="DATECOMPTABLE", value=_shown(text), **why))  # fmt: skip
        else:
            probs.append(ParseError.of(line_no, "DATECOMPTABLE", "MISSING_VALUE", field="DATECOMPTABLE", value=_shown(text), no_date=NO_DATE))  # fmt: skip
        return value

    def _due_date(self, text: str, line_no: int, probs: list[ParseError]) -> None:
        value, why = read_date(text)
        if value is not None:
            self._entry_date(text, line_no, probs)  # caches it
        elif why:
            probs.append(ParseError.of(line_no, "ECHEANCE", "BAD_DATE", "finding", field="ECHEANCE", value=_shown(text), dropped="due date", **why))  # fmt: skip

    def _amount(self, text: str, line_no: int, probs: list[ParseError]) -> int | None:
        value, why, code = read_amount(text, self._places)
        if value is None:
            if not text:
                probs.append(ParseError.of(line_no, "MONTANT1", "MISSING_VALUE", field="MONTANT1"))
            else:
                probs.append(ParseError.of(line_no, "MONTANT1", "BAD_AMOUNT", field="MONTANT1", value=_shown(text), **why))  # fmt: skip
        elif code is not None:
            read_as = decimal_of(value, self._places)
            probs.append(ParseError.of(line_no, "MONTANT1", code, "finding", field="MONTANT1", value=_shown(text), amount=read_as, separator="."))  # fmt: skip
        return value

    def _bad_sens(self, sens: str, line_no: int, probs: list[ParseError]) -> None:
        value = "" if sens == " " else _shown(sens)
        probs.append(ParseError.of(line_no, "SENS", "BAD_SENS", field="SENS", value=value, debit_code="D", credit_code="C"))  # fmt: skip

    def _not_normal(
        self, kind: str, journal: str, number: str, line_no: int, probs: list[ParseError]
    ) -> None:
        entry = entry_name(journal, number)
        probs.append(
            ParseError.of(line_no, "TYPE_ECRITURE", "NOT_NORMAL_ENTRY", value=_shown(kind), entry=entry)
        )

    def _extra_text(self, n: int, line_no: int, probs: list[ParseError]) -> None:
        probs.append(ParseError.of(line_no, None, "EXTRA_TEXT", "finding", length=n, width=LINE_WIDTH))

    def _analytic(self, p: str, signed: int | None, line_no: int, probs: list[ParseError]) -> Ana:
        section, axis = p[31:48].strip(), p[218:220].strip()
        if not section:
            self._no_aux("section", "A", line_no, probs)
        if not axis:
            probs.append(ParseError.of(line_no, "AXE", "MISSING_DATA", "finding", field="AXE"))
        return section, axis, signed

    def _no_aux(self, meaning: str, line_type: str, line_no: int, probs: list[ParseError]) -> None:
        """AUXILIAIRE_OU_SECTION is empty on a line whose TYPE_CPTE (X or A) needs it."""
        field = "AUXILIAIRE_OU_SECTION"
        probs.append(
            ParseError.of(line_no, field, "MISSING_VALUE", field=field, meaning=meaning, line_type=line_type)
        )

    def _account_type(self, tc: str, aux: str, line_no: int, probs: list[ParseError]) -> None:
        if tc not in " H0":
            probs.append(ParseError.of(line_no, "TYPE_CPTE", "BAD_ACCOUNT_TYPE", value=_shown(tc)))
        else:
            probs.append(
                ParseError.of(line_no, "TYPE_CPTE", "AUX_ON_GENERAL_LINE", "finding", value=_shown(aux))
            )

    def _odd_amount(self, amount: int, signed: int, text: str, line_no: int, probs: list[ParseError]) -> None:
        """A zero amount, or a negative one (moved to the other side: the net is unchanged)."""
        if amount == 0:
            probs.append(ParseError.of(line_no, "MONTANT1", "ZERO_AMOUNT", "finding"))
            return
        side = {"debit": decimal_of(signed, self._places)} if signed > 0 else {"credit": decimal_of(-signed, self._places)}  # fmt: skip
        probs.append(ParseError.of(line_no, "MONTANT1", "NEGATIVE_AMOUNT", "finding", field="MONTANT1", value=_shown(text), **side))  # fmt: skip


def _same_entry(key: Key, current: Key | None, date_unknown: bool) -> bool:
    """Whether a line keyed `key` continues the entry `current` although the keys differ: only when a
    DATECOMPTABLE could not be read and JOURNAL, TYPE_PIECE and NUMEROPIECE are the same."""
    return date_unknown and current is not None and key[:3] == current[:3] and key[11:] == current[11:]


def open_tra(stream: BinaryIO, filename: str | None = None, places: int = 2) -> TraFile:
    """Open a Cegid TRA byte stream: encoding and header are checked now, lines when `items()` runs.
    `filename` is not used (TRA file names carry nothing Écluse reads); it is accepted like every parser."""
    return TraFile(LineReader(stream, kind="TRA"), places)
