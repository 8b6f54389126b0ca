"""Immutable records produced by the format parsers (format-independent).

Amounts are integer minor units (cents); dates are `datetime.date`. Frozen dataclasses with slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from ecluse.formats.messages import Param, english

Severity = Literal["error", "finding"]


#: What the issue table stores (ImportIssue.column, .code): tests/formats/test_limits.py compares them.
COLUMN_MAX = 50
CODE_MAX = 40
#: A message longer than this is cut (a parser quotes values through limits.shown: this is the safety net).
MESSAGE_MAX = 1000


@dataclass(frozen=True, slots=True)
class ParseError:
    """A problem found while reading. `error` refuses the entry (or the file); `finding` is reported only.
    Its column and message are cut to what the issue table stores and a reader needs, whatever the input."""

    line: int  # 1-based physical line number (header = 1); 0 = the whole file
    column: str | None  # field name as in the spec ("Debit", "EcritureDate"); None for line/file level
    code: str  # stable UPPER_SNAKE machine code
    message: str  # English, for logs and partner developers; people read the code and params rendered
    severity: Severity = "error"
    #: The values the message speaks of, by name (formats/messages.py): what the web app renders from.
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(
        cls, line: int, column: str | None, code: str, severity: Severity = "error", /, **params: Param
    ) -> ParseError:
        """An error whose English message is derived from its code and parameters."""
        return cls(line, column, code, english(code, params), severity, tuple(params.items()))

    @property
    def values(self) -> dict[str, Param]:
        return dict(self.params)

    def __post_init__(self) -> None:
        if len(self.message) > MESSAGE_MAX:
            object.__setattr__(self, "message", self.message[: MESSAGE_MAX - 1] + "…")
        if self.column is not None and len(self.column) > COLUMN_MAX:
            object.__setattr__(self, "column", self.column[: COLUMN_MAX - 1] + "…")


@dataclass(frozen=True, slots=True)
class EntryLine:
    line: int
    journal_code: str
    journal_label: str
    entry_number: str
    entry_date: date
    account_number: str
    account_label: str
    aux_number: str
    aux_label: str
    piece_ref: str
    piece_date: date | None
    label: str
    debit: int
    credit: int
    lettering: str
    lettering_date: date | None
    validation_date: date | None
    currency_amount: int | None
    currency: str
    analytic: str = ""  # analytic section / project code, "" when none
    #: When the line falls due (an invoice's or a payment's), and the invoice it settles or raises, where the
    #: format has them (JSON, TRA, layout columns): open items and bank matching read them.
    due_date: date | None = None
    invoice_ref: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    journal_code: str
    journal_label: str
    number: str
    date: date
    lines: tuple[EntryLine, ...]
    #: The company the entry is for, as the file names it (company code or SIREN); "" = the company the
    #: file was sent to. Files with a company column (custom layouts, JSON) feed several companies.
    company: str = ""

    @property
    def total_debit(self) -> int:
        return sum(line.debit for line in self.lines)

    @property
    def total_credit(self) -> int:
        return sum(line.credit for line in self.lines)


@dataclass(frozen=True, slots=True)
class RejectedEntry:
    journal_code: str
    number: str
    lines: tuple[int, ...]  # physical line numbers of every line of the entry
    raw_lines: tuple[str, ...]  # their text as read (after NUL removal and non-breaking space → space)
    errors: tuple[ParseError, ...]

    @property
    def span(self) -> tuple[int, int] | None:
        """The entry's first and last lines, which the errors that refused it name."""
        return (min(self.lines), max(self.lines)) if self.lines else None


MasterKind = Literal["journal", "account", "third_party", "section"]


@dataclass(frozen=True, slots=True)
class MasterRecord:
    """Master data a file declares (TRA ***CGN/***CAE/***JAL/***SAT records, JSON accounts…), yielded
    among the items before the entries that use it. Declared labels win over labels seen on lines."""

    kind: MasterKind
    code: str
    label: str
    #: third_party: customer / supplier / other; journal: sales / purchases / bank / cash / general / other / "".
    nature: str = ""
    company: str = ""  # as Entry.company
    line: int = 0


#: What a parser's items() yields (formats/registry.py: ParsedFile).
Item = Entry | RejectedEntry | ParseError | MasterRecord


@dataclass(frozen=True, slots=True)
class FileInfo:
    format: str
    encoding: str
    separator: str
    variant: str
    siren: str | None
    closing_date: date | None
    header: tuple[str, ...]


# Fast constructors for the per-line hot path. A frozen dataclass's __init__ goes through
# object.__setattr__ once per field: ~5 µs for EntryLine's 19 fields, more than parsing the line.
# These twins have the same __slots__ layout, assign plainly, then retag the instance as the frozen
# class (a legal __class__ assignment between layout-compatible types): ~1 µs. The result is a genuine
# EntryLine / Entry (same type, equality, hash, repr, replace()).
class _EntryLineTwin:
    __slots__ = (
        "account_label",
        "account_number",
        "analytic",
        "aux_label",
        "aux_number",
        "credit",
        "currency",
        "currency_amount",
        "debit",
        "due_date",
        "entry_date",
        "entry_number",
        "invoice_ref",
        "journal_code",
        "journal_label",
        "label",
        "lettering",
        "lettering_date",
        "line",
        "piece_date",
        "piece_ref",
        "validation_date",
    )  # fmt: skip

    def __init__(
        self,
        line: int,
        journal_code: str,
        journal_label: str,
        entry_number: str,
        entry_date: date,
        account_number: str,
        account_label: str,
        aux_number: str,
        aux_label: str,
        piece_ref: str,
        piece_date: date | None,
        label: str,
        debit: int,
        credit: int,
        lettering: str,
        lettering_date: date | None,
        validation_date: date | None,
        currency_amount: int | None,
        currency: str,
        analytic: str = "",
        due_date: date | None = None,
        invoice_ref: str = "",
    ) -> None:
        self.line = line
        self.journal_code = journal_code
        self.journal_label = journal_label
        self.entry_number = entry_number
        self.entry_date = entry_date
        self.account_number = account_number
        self.account_label = account_label
        self.aux_number = aux_number
        self.aux_label = aux_label
        self.piece_ref = piece_ref
        self.piece_date = piece_date
        self.label = label
        self.debit = debit
        self.credit = credit
        self.lettering = lettering
        self.lettering_date = lettering_date
        self.validation_date = validation_date
        self.currency_amount = currency_amount
        self.currency = currency
        self.analytic = analytic
        self.due_date = due_date
        self.invoice_ref = invoice_ref
        self.__class__ = EntryLine  # type: ignore[assignment]


class _EntryTwin:
    __slots__ = ("company", "date", "journal_code", "journal_label", "lines", "number")

    def __init__(
        self,
        journal_code: str,
        journal_label: str,
        number: str,
        date: date,
        lines: tuple[EntryLine, ...],
        company: str = "",
    ) -> None:
        self.journal_code = journal_code
        self.journal_label = journal_label
        self.number = number
        self.date = date
        self.lines = lines
        self.company = company
        self.__class__ = Entry  # type: ignore[assignment]


# CPython lays slots out in sorted-name order, so equal name sets give identical layouts.
if set(_EntryLineTwin.__slots__) != set(EntryLine.__slots__) or set(_EntryTwin.__slots__) != set(
    Entry.__slots__
):
    raise RuntimeError("fast-constructor twins out of step with the record fields")

if TYPE_CHECKING:
    new_entry_line = EntryLine
    new_entry = Entry
else:
    new_entry_line = _EntryLineTwin
    new_entry = _EntryTwin
