"""The English text of an error or finding, derived from its code and typed parameters.

An error travels as a stable code plus parameters (values, dates, amounts, field names): the web app renders
it in French or English from them, and `message` (English, for logs and partner developers) is written here
from the same parameters, never the other way round. Codes not listed yet still carry a message written where
they are raised; they move here one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal

#: What a parameter may hold: JSON-friendly once dates are ISO text and amounts Decimal strings.
Param = str | int | Decimal | date
Params = Mapping[str, Param]


def amount(value: Param) -> str:
    """Decimal('-1234.50') → '-1234,50': the decimal comma of the French files the messages talk about."""
    return str(value).replace(".", ",")


def count(value: Param) -> str:
    """12345 → '12,345' (English thousands separator)."""
    return f"{int(value):,}" if isinstance(value, int) else str(value)


_TEXTS: dict[str, Callable[[Params], str]] = {
    "UNBALANCED_ENTRY": lambda p: (
        f"Entry {p['entry']} is unbalanced: debit {amount(p['debit'])}, credit {amount(p['credit'])}, "
        f"difference {amount(p['difference'])}"
    ),
    "MIXED_DATES": lambda p: (
        f"Entry {p['entry']} has lines dated {p['dates']}; every line of an entry must have the same date"
    ),
    "ENTRY_NOT_CONTIGUOUS": lambda p: (
        f"Entry {p['entry']} resumes at line {p['line']} after other entries (its lines from line "
        f"{p['resumes']} were already read as a whole entry); an entry's lines must be consecutive"
    ),
    "ENCODING_FALLBACK": lambda p: (
        f"From line {p['line']} the file holds bytes that are not UTF-8; they were read as ISO-8859-15"
    ),
    "EMPTY_FILE": lambda p: "The file is empty",
    "FIELD_TOO_LONG": lambda p: (
        f"{p['field']} '{p['value']}' is {count(p['length'])} characters long; at most {count(p['maximum'])}"
    ),
    "LINE_TOO_LONG": lambda p: (
        f"Line {count(p['line'])} has {count(p['length'])} characters; a {p['kind']} line has at most "
        f"{count(p['maximum'])} (is it a file without line breaks, or not a {p['kind']} file?)"
    ),
    "UNREADABLE_ENTRY": lambda p: f"Entry {p['entry']} could not be read",
    "NO_OPEN_FISCAL_YEAR": lambda p: f"{p['date']} falls outside every open fiscal year",
    "UNKNOWN_COMPANY": lambda p: (
        f"Entry {p['entry']}: company '{p['company']}' is unknown, or not one you may import into"
        if "entry" in p
        else f"{p['record']}: company '{p['company']}' is unknown"
    ),
    "BATCH_TOTAL_TOO_LARGE": lambda p: (
        f"Entry {p['entry']} would take the debits of the file's entries past {amount(p['maximum'])}, the most "
        "one import may hold: send it in another file"
    ),
}


def english(code: str, params: Params) -> str:
    """The English message of `code` with `params` (KeyError for a code without a text here)."""
    return _TEXTS[code](params)


def has_text(code: str) -> bool:
    return code in _TEXTS


def as_json(params: Params) -> dict[str, str | int]:
    """Parameters as JSON values: dates ISO, amounts Decimal strings ("1138.50")."""
    out: dict[str, str | int] = {}
    for name, value in params.items():
        if isinstance(value, int) and not isinstance(value, bool):
            out[name] = value
        elif isinstance(value, date):
            out[name] = value.isoformat()
        else:
            out[name] = str(value)
    return out
