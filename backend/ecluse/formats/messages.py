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


_KINDS = {"purchases": "purchase", "sales": "sales"}  # journal kinds as IMPORT_ORDER names them


def date_reason(p: Params) -> str:
    """Why a date was not read (formats/dates.py)."""
    reason = p.get("reason")
    if reason == "month":
        why = f"is not a valid date (month {p['month']})"
    elif reason == "day":
        why = f"is not a valid date (day {p['day']} of {p['month']})"
    elif reason == "year":
        why = f"is not a valid date (year {p['year']})"
    elif reason == "range":
        why = "is outside 1900-2099"
    else:
        why = f"is not a date in the {p['expected']} form" + (f": write {p['hint']}" if p.get("hint") else "")
    return why + (f" (the line is imported without a {p['dropped']})" if p.get("dropped") else "")


# --- TRA (formats/tra): the parts of a message some TRA codes add to a shared template ----------------------

#: What a TRA field holds, by the `meaning` parameter of MISSING_VALUE.
_MEANINGS = {
    "account": "the account", "entry_number": "the entry number", "third_party": "the third party",
    "section": "the analytic section",
}  # fmt: skip
#: TYPE_ECRITURE codes of entries that are not imported (NOT_NORMAL_ENTRY).
_ENTRY_TYPES = {"S": "a simulation entry", "U": "a situation entry", "R": "a revision entry"}


def _meaning(p: Params) -> str:
    """' (the account)' after a field name, from `meaning`."""
    return f" ({_MEANINGS[str(p['meaning'])]})" if "meaning" in p else ""


def _empty_detail(p: Params) -> str:
    """What follows 'X is empty': the TYPE_CPTE of the line (`line_type`), or the text read and the value
    that means none (`value`, `no_date`)."""
    if "line_type" in p:
        return f" on a TYPE_CPTE {p['line_type']} line"
    if "no_date" in p:
        return f" ('{p['value']}'; {p['no_date']} means no date)"
    return ""


def amount_reason(p: Params) -> str:
    """Why an amount was not read: `reason` form (`expected`: the form to write), too_large, decimals
    (`places`: the currency's) or ambiguous (a '.' before 3 digits; `format`: whose amounts use ','); `why`,
    a text, where a format does not give a reason yet."""
    reason = p.get("reason")
    if reason == "form":
        return "is not an amount" + (
            f" (expected {p['expected']} with a decimal comma)" if "expected" in p else ""
        )
    if reason == "too_large":
        return "is too large"
    if reason == "decimals":
        places = int(str(p["places"]))
        if places == 0:
            return "has decimals, and the currency has none"
        return f"has more than {places} decimal{'s' if places > 1 else ''}"
    if reason == "ambiguous":
        uses = "the FEC uses ','" if p["format"] == "FEC" else f"{p['format']} amounts use ','"
        return f"is ambiguous: '.' may separate thousands or decimals ({uses})"
    return str(p["why"])


def _side(value: Param) -> str:
    """A signed amount (debit positive) → '90,00 D' / '90,00 C'."""
    number = Decimal(str(value))
    return f"{amount(abs(number))} D" if number >= 0 else f"{amount(-number)} C"


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
    "EMPTY_FILE": lambda p: (
        f"The file has a {p['header']} header but no lines after it" if "header" in p else "The file is empty"
    ),
    "EMPTY_LINE": lambda p: "Empty line",
    "ZERO_AMOUNT": lambda p: "The line's amount is zero",
    # --- JSON (formats/json_entries) ---
    "NO_HEADER": lambda p: "The first line is not a FEC header (JournalCode, EcritureNum… column names)",
    "MISSING_COLUMN": lambda p: f"The header lacks mandatory column(s): {p['columns']}",
    "BAD_SEPARATOR": lambda p: f"Fields are separated by '{p['separator']}'; the FEC requires TAB or '|'",
    "TRAILING_SEPARATOR": lambda p: f"The {p['where']} ends with a separator",
    "DUPLICATE_COLUMN": lambda p: f"Column {p['column']} appears twice; the first one is read",
    "BAD_FILE_NAME": lambda p: f"File name '{p['name']}' does not follow SirenFECAAAAMMJJ (A47 A-1 IX)",
    "MISSING_VALUE": lambda p: f"{p['field']}{_meaning(p)} is empty{_empty_detail(p)}",
    "MISSING_LABEL": lambda p: f"Missing {p['columns']} (données absentes)",
    "MISSING_DATA": lambda p: (
        f"{p['field']} is empty on an analytic line (TYPE_CPTE A); expected A1 to A5"
        if "field" in p
        else f"Missing {p['columns']} (données absentes)"
    ),
    "BAD_SENS": lambda p: (
        f"{p['field']} "
        + (f"'{p['value']}' is wrong" if p["value"] else "is empty")
        + f": it must be {p['debit_code']} (debit) or {p['credit_code']} (credit)"
        if "debit_code" in p
        else f"Sens '{p['value']}' must be D, C, +1 or -1 (code D/C mal renseigné)"
    ),
    # --- TRA (formats/tra) ---
    "ACCOUNT_PREFIX": lambda p: (
        f"CompteNum '{p['account']}' does not start with 3 digits of the chart of accounts"
    ),
    "DOT_DECIMAL": lambda p: (
        f"{p['field']} '{p['value']}' uses '{p['separator']}' as decimal separator (read as {amount(p['amount'])})"
        if "separator" in p
        else f"{p['field']} '{p['value']}' is not in the 1234,56 form (read as {amount(p['amount'])})"
    ),
    "AMOUNT_EXPONENT": lambda p: (
        f"{p['field']} '{p['value']}' is not in the 1234,56 form (read as {amount(p['amount'])})"
    ),
    "NEGATIVE_AMOUNT": lambda p: (
        f"{p['field']} '{p['value']}' is negative: recorded as "
        + ", ".join(f"{side} {amount(p[side])}" for side in ("debit", "credit") if side in p)
    ),
    "BAD_AMOUNT": lambda p: f"{p['field']} '{p['value']}' {amount_reason(p)}",
    "BAD_HEADER": lambda p: (
        "The first line is not a Cegid TRA header: "
        + (
            f"its format (positions 12-14) is '{p['format']}', expected STD (standard) or ETE (extended); the "
            f"line starts with '{p['start']}'"
            if "format" in p
            else f"it must start with *** (e.g. ***S5CLIJRLSTD), it starts with '{p['start']}'"
        )
    ),
    "BAD_ACCOUNT_TYPE": lambda p: (
        f"TYPE_CPTE '{p['value']}' is wrong: it must be blank or H (general line), X (third party) or A (analytic)"
    ),
    "AUX_ON_GENERAL_LINE": lambda p: (
        f"AUXILIAIRE_OU_SECTION '{p['value']}' is filled on a general line (TYPE_CPTE blank): read as its third "
        "party"
    ),
    "NOT_NORMAL_ENTRY": lambda p: (
        f"TYPE_ECRITURE '{p['value']}' is "
        + (
            _ENTRY_TYPES.get(str(p["value"]))
            or ("not filled in" if not str(p["value"]).strip() else "an unknown entry type")
        )
        + f": only normal entries (N) are imported, so entry {p['entry']} is refused"
    ),
    "ANALYTIC_WITHOUT_GENERAL": lambda p: (
        f"Analytic line (TYPE_CPTE A) for account {p['account']} "
        + (f"follows account {p['previous']}" if "previous" in p else "comes first in its entry")
        + f": it must follow a line of account {p['account']} in entry {p['entry']}"
    ),
    "ANALYTIC_MISMATCH": lambda p: (
        f"The analytic lines of account {p['account']} ("
        + (f"axis {p['axis']}" if p["axis"] else "no axis")
        + f", lines {p['first']}-{p['last']}) add up to {_side(p['spread'])}, but line {p['line']} is "
        f"{_side(p['total'])} (entry {p['entry']})"
    ),
    "ANALYTIC_AXIS_IGNORED": lambda p: (
        f"Line {p['line']} (account {p['account']}) is spread on axes {p['axes']}: only axis {p['kept']} is kept"
    ),
    "DEBIT_AND_CREDIT": lambda p: (
        f"Debit {amount(p['debit'])} and Credit {amount(p['credit'])} are both filled; both are kept"
    ),
    "FIELD_TOO_LONG": lambda p: (
        f"{p['field']} '{p['value']}' is {count(p['length'])} characters long; at most {count(p['maximum'])}"
    ),
    "LINE_TOO_LONG": lambda p: (
        f"Line {count(p['line'])} has {count(p['length'])} characters; a {p['kind']} line has at most "
        f"{count(p['maximum'])} (is it a file without line breaks, or not a {p['kind']} file?)"
    ),
    "IMPORT_ORDER": lambda p: (
        f"Bank journal {p['journals']} entries for {p['month']} arrived before that month's "
        f"{' and '.join(_KINDS[k] for k in str(p['missing']).split(', '))} journal entries: import purchases and "
        "sales first, so the open items the bank lines settle do not stay unpaid by mistake (not blocking)"
    ),
    # --- reader, FEC, custom layouts, limits ---
    "HEADER_VALUE": lambda p: f"The header's {p['part']} is '{p['value']}', expected one of {p['expected']}",
    "EXTRA_HEADER": lambda p: (
        f"Line {p['line']} is a second TRA header (were two files joined?); it is ignored"
    ),
    "UNKNOWN_RECORD": lambda p: f"Unknown parameter record ***{p['record']}: its lines are skipped",
    "RECORD_SKIPPED": lambda p: f"***{p['record']} records ({p['what']}) are not imported: they are skipped",
    "BAD_RECORD": lambda p: f"***{p['record']} record without a code (positions 7-{p['end']}): skipped",
    "SHORT_LINE": lambda p: (
        f"The line has {p['length']} characters: a TRA movement line has {p['width']}, and SENS, MONTANT1 and "
        "TYPE_ECRITURE (positions 130-151) cannot all be read"
    ),
    "EXTRA_TEXT": lambda p: (
        f"The line has {p['length']} characters, a standard (STD) line {p['width']}: the rest is not read"
    ),
    "TWO_THIRD_PARTIES": lambda p: (
        f"{p['customer_field']} '{p['customer']}' and {p['supplier_field']} '{p['supplier']}' are both filled; a "
        "line has one third party"
    ),
    "ACCOUNT_OUT_OF_RANGES": lambda p: (
        f"{p['field']} '{p['account']}' is outside every account number range of the company ({p['ranges']})"
    ),
    "BAD_VAT_RATE": lambda p: (
        f"{p['field']} '{p['value']}' is not a VAT rate (a percentage such as 20 or 5,5)"
    ),
    "VAT_EXCEEDS_AMOUNT": lambda p: (
        f"{p['field']} {amount(p['vat'])} is more than the line's amount {amount(p['amount'])}"
    ),
    "BAD_DATE": lambda p: f"{p['field']} '{p['value']}' {date_reason(p)}",
    "DATE_SEPARATORS": lambda p: (
        f"{p['field']} '{p['value']}' is not in the YYYYMMDD form (read as {p['read']})"
    ),
    "DATE_OUT_OF_RANGE": lambda p: f"{p['field']} '{p['value']}' is outside 1900-2099 (read as {p['read']})",
    "CHRONOLOGY": lambda p: (
        f"Entry {p['entry']} ({p['date']}) is dated before the previous {p['journal']} entry {p['previous']} "
        f"({p['previous_date']})"
        if "date" in p
        else f"Entry {p['entry']} comes after {p['previous']} in journal {p['journal']}: numbering goes backwards"
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
