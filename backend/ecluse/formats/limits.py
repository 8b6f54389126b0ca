"""Limits every parser enforces, so that what it hands to staging always fits the database and sums safely.

- Lines: a line-based file (FEC, TRA, custom layouts) is read with at most `MAX_LINE` characters of one line
  in memory (`MAX_CUSTOM_LINE` for custom layouts, whose exports may carry many wide columns nobody maps); a
  longer line is LINE_TOO_LONG on its line: its entry is refused, and a header line that long fails the file.
- Fields: `FIELD_MAX` is the maximum of each text field, the `max_length` of its database column
  (tests/formats/test_limits.py compares them with the models). A longer value is FIELD_TOO_LONG on its line
  and field, never cut: a cut account number or journal code would silently become another one.
- Amounts (money.py says why these values): one amount above `money.AMOUNT_MAX` is AMOUNT_TOO_LARGE on its
  line, an entry whose debits add up to more than `money.ENTRY_TOTAL_MAX` is ENTRY_TOTAL_TOO_LARGE. The
  batch's limit (`money.BATCH_TOTAL_MAX`) needs the totals of the whole file: imports/feed.py applies it.
- Messages quote a value through `shown` (cut, control characters made visible); `ParseError` itself keeps
  its message and column within what the issue table stores (records.py).

Every parser calls these functions, so the four formats refuse the same things with the same codes.
"""

from __future__ import annotations

import re

from ecluse.formats.records import ParseError
from ecluse.money import AMOUNT_MAX, ENTRY_TOTAL_MAX, decimal_of, format_amount

#: Characters of one line held at most while reading FEC and TRA files (a FEC line is a few hundred).
MAX_LINE = 1 << 16
#: The same for custom layouts: a CSV export may hold dozens of long columns the layout does not map.
MAX_CUSTOM_LINE = 1 << 20

#: Text field (EntryLine / Entry attribute) → the max_length of the column it is stored in.
FIELD_MAX: dict[str, int] = {
    "journal_code": 20,  # Journal.code
    "journal_label": 200,  # Journal.label
    "entry_number": 40,  # Entry.number
    "account_number": 40,  # Account.number
    "account_label": 200,  # Account.label
    "aux_number": 40,  # ThirdParty.code
    "aux_label": 200,  # ThirdParty.name
    "piece_ref": 100,  # EntryLine.piece_ref
    "invoice_ref": 100,  # EntryLine.invoice_ref
    "label": 300,  # EntryLine.label
    "lettering": 20,  # EntryLine.lettering
    "currency": 3,  # EntryLine.currency
    "analytic": 40,  # EntryLine.analytic, AnalyticSection.code
    "company": 40,  # Company.code (a SIREN has 9): a longer name cannot be a company
}
#: MasterRecord kind → the max_length of its code's column (its label's is MASTER_LABEL_MAX).
MASTER_CODE_MAX: dict[str, int] = {"journal": 20, "account": 40, "third_party": 40, "section": 40}
#: Journal.label, Account.label, ThirdParty.name, AnalyticSection.label.
MASTER_LABEL_MAX = 200

_UNPRINTABLE = re.compile(r"[^\x20-\x7e\xa0-\uffff]")


def shown(text: str, width: int = 40) -> str:
    """`text` as a message quotes it: cut after `width` characters, control characters made visible."""
    cut = text[:width] + ("…" if len(text) > width else "")
    return _UNPRINTABLE.sub("?", cut)


def amount_text(value: int, point: str = ",", places: int = 2) -> str:
    """12345 → '123,45' (or '123.45' with point='.') in a currency of `places` decimals."""
    return format_amount(value, places, point)


def field_too_long(
    field: str, value: str, column: str | None, line: int, limit: int | None = None
) -> ParseError:
    """FIELD_TOO_LONG for `value` of `field` (a FIELD_MAX key, or any name with `limit`)."""
    limit = FIELD_MAX[field] if limit is None else limit
    return ParseError.of(
        line,
        column,
        "FIELD_TOO_LONG",
        field=column or field,
        value=shown(value),
        length=len(value),
        maximum=limit,
    )


def check_fields(values: list[tuple[str, str | None, str]], line: int, probs: list[ParseError]) -> None:
    """FIELD_TOO_LONG in `probs` for each (field, column name, value) longer than the field's maximum."""
    for field, column, value in values:
        if len(value) > FIELD_MAX[field]:
            probs.append(field_too_long(field, value, column, line))


def check_amount(value: int | None, column: str | None, line: int, probs: list[ParseError], places: int = 2) -> bool:  # fmt: skip
    """AMOUNT_TOO_LARGE in `probs` when |value| exceeds money.AMOUNT_MAX; True when the amount is within."""
    if value is None or -AMOUNT_MAX <= value <= AMOUNT_MAX:
        return True
    named = {} if column is None else {"field": column}
    too_large = decimal_of(abs(value), places)
    maximum = decimal_of(AMOUNT_MAX, places)
    probs.append(ParseError.of(line, column, "AMOUNT_TOO_LARGE", amount=too_large, maximum=maximum, **named))
    return False


def entry_total_error(debit: int, entry: str, line: int, places: int = 2) -> ParseError | None:
    """ENTRY_TOTAL_TOO_LARGE for the entry named `entry` (e.g. "VT 12") starting at `line`, or None."""
    if debit <= ENTRY_TOTAL_MAX:
        return None
    total, maximum = decimal_of(debit, places), decimal_of(ENTRY_TOTAL_MAX, places)
    return ParseError.of(line, None, "ENTRY_TOTAL_TOO_LARGE", entry=entry, debit=total, maximum=maximum)
