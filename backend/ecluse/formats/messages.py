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
        "The file is empty"
        if "header_lines" not in p
        else "The file has a header but no entry lines"
        if p["header_lines"] == 1
        else f"The file has no data lines after its {p['header_lines']} header line(s)"
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
    "MISSING_VALUE": lambda p: (
        f"{p['kind_field']} '{p['kind']}' means a customer or supplier, but {p['field']} is empty"
        if "kind" in p
        else f"{p['field']} is empty"
        + (f" and the kind of third party '{p['third_party']}' is unknown" if "third_party" in p else "")
    ),
    "MISSING_LABEL": lambda p: f"Missing {p['columns']} (données absentes)",
    "MISSING_DATA": lambda p: f"Missing {p['columns']} (données absentes)",
    "BAD_SENS": lambda p: f"Sens '{p['value']}' must be D, C, +1 or -1 (code D/C mal renseigné)",
    # --- TRA (formats/tra) ---
    "ACCOUNT_PREFIX": lambda p: (
        f"CompteNum '{p['account']}' does not start with 3 digits of the chart of accounts"
    ),
    "DOT_DECIMAL": lambda p: (
        f"{p['field']} '{p['value']}' is not in the 1234,56 form (read as {amount(p['amount'])})"
    ),
    "AMOUNT_EXPONENT": lambda p: (
        f"{p['field']} '{p['value']}' is not in the 1234,56 form (read as {amount(p['amount'])})"
    ),
    "NEGATIVE_AMOUNT": lambda p: (
        f"{p['field']} '{p['value']}' is negative"
        + (f" with sign '{p['sign']}'" if "sign" in p else "")
        + f": recorded as debit {amount(p['debit'])}, credit {amount(p['credit'])}"
    ),
    "DEBIT_AND_CREDIT": lambda p: (
        f"Debit {amount(p['debit'])} and Credit {amount(p['credit'])} are both filled; both are kept"
    ),
    "FIELD_TOO_LONG": lambda p: (
        f"{p['field']} '{p['value']}' is {count(p['length'])} characters long; at most {count(p['maximum'])}"
        + (f" (it numbers the entry, as {p['instead_of']} is empty)" if "instead_of" in p else "")
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
    "BINARY_FILE": lambda p: (
        "The file holds binary data (NUL/control bytes), not text"
        if p["content"] == "control"
        else "The file is "
        + {
            "zip": "a ZIP archive (an .xlsx or .ods workbook?)",
            "xls": "an old-style Excel/Office document (.xls)",
            "pdf": "a PDF document",
            "gzip": "a gzip archive",
            "7z": "a 7-Zip archive",
            "rar": "a RAR archive",
        }[str(p["content"])]
        + ", not a text file; "
        + (
            "JSON documents must be UTF-8"
            if p["format"] == "JSON"
            else f"{p['format']} files must be UTF-8, ISO-8859-15, Windows-1252 or ASCII text"
        )
    ),
    "BAD_ENCODING": lambda p: (
        (
            f"The document is not UTF-8: byte {p['value']} at line {p['line']} (byte {count(p['byte'])}) is not "
            "UTF-8 text (ISO-8859-1 or Windows-1252?)"
            if "byte" in p
            else f"The file {'is' if p['reason'] == 'bom' else 'looks'} encoded in {p['encoding']}"
            + (" without BOM" if p["reason"] == "no_bom" else "")
        )
        + "; "
        + (
            "JSON documents must be UTF-8"
            if p.get("format", "JSON") == "JSON"  # a document's own bytes: JSON (json_entries/parser.py)
            else f"{p['format']} files must be UTF-8, ISO-8859-15, Windows-1252 or ASCII text"
        )
    ),
    "UNSUPPORTED_FORMAT": lambda p: "XML FEC files are not supported",
    "HEADER_ORDER": lambda p: (
        f"Header columns are not in the legal order: column {p['position']} is {p['found']}, expected "
        f"{p['expected']} (values are read by column name)"
    ),
    "WRONG_FIELD_COUNT": lambda p: (
        f"The line has {p['fields']} field(s) separated by "
        + {"\t": "TAB", " ": "space"}.get(str(p["separator"]), f"'{p['separator']}'")
        + (
            f", the header {p['expected']}"
            if "expected" in p
            else f"; the layout reads up to column {p['column']}, {p['field']}"
        )
        + (
            "; it seems separated by "
            + {"\t": "TAB", " ": "space"}.get(str(p["instead"]), f"'{p['instead']}'")
            + " instead"
            if "instead" in p
            else ""
        )
    ),
    "BAD_AMOUNT": lambda p: f"{p['field']} '{p['value']}' {p['why']}",
    "AMOUNT_TOO_LARGE": lambda p: (
        f"{p.get('field', 'The amount')} {amount(p['amount'])} is larger than the largest amount accepted, "
        f"{amount(p['maximum'])}"
    ),
    "ENTRY_TOTAL_TOO_LARGE": lambda p: (
        f"Entry {p['entry']}: its debits add up to {amount(p['debit'])}, more than the {amount(p['maximum'])} "
        "one entry may hold (split it)"
    ),
    "NO_RANGES": lambda p: "accountMode: 'ranges' needs the company's account number ranges; none are set",
    "BAD_RANGES": lambda p: f"The company's account number ranges cannot be used: {p['problems']}",
    "BAD_LAYOUT": lambda p: f"The layout cannot read files: {p['problem']}",
    "UNKNOWN_CURRENCY": lambda p: (
        "The company's currency cannot be used: "
        + (
            f"{p['currency']} has no minor unit in ISO 4217 (it is not a currency amounts are kept in)"
            if p.get("reason") == "no_minor_unit"
            else f"'{p['currency']}' is not an ISO 4217 currency code"
        )
        + "; set an ISO 4217 currency (EUR, JPY…)"
    ),
    "BAD_QUOTING": lambda p: (
        f"A quoted field is longer than {p['maximum']} characters"
        if p["reason"] == "too_long"
        else f"A field opened with {p['quote']} is not closed on this line; line breaks inside a field are "
        "not supported, and a quote inside a quoted field is written twice"
        if p["reason"] == "unclosed"
        else "A quoted field is followed by other characters before the separator; write "
        f"{p['quote']}{p['quote']} for a quote"
    ),
    "KIND_MISMATCH": lambda p: (
        f"{p['field']} '{p['value']}' means a general account, but the line has third party '{p['third_party']}'"
        if "value" in p
        else f"{p['field']} '{p['third_party']}' is in a general accounts range, not a customer or supplier one"
    ),
    "BAD_KIND_CODE": lambda p: (
        f"{p['field']} "
        + (f"'{p['value']}' is not an account kind code" if p["value"] else "is empty")
        + f"; accepted: {p['general_code']} (general account), {p['customer_code']} (customer), "
        f"{p['supplier_code']} (supplier)"
    ),
    "BAD_SIGN": lambda p: (
        f"{p['field']} "
        + (f"'{p['value']}' is not a sign code" if p["value"] else "is empty")
        + f"; accepted: {p['debit_code']} (debit) or {p['credit_code']} (credit)"
    ),
    "AMBIGUOUS_SIDE": lambda p: (
        "The line generates VAT or contra lines but "
        + ("debit and credit are both filled" if p["reason"] == "both_sides" else "the amount is zero")
        + ": its side is unclear"
    ),
    "VAT_ROUNDING": lambda p: (
        f"{p['field']} {amount(p['vat'])} differs from "
        + (
            f"the {amount(p['rate'])} % VAT included in"
            if p["basis"] == "gross"
            else f"{amount(p['rate'])} % of"
        )
        + f" {amount(p['amount'])} = {amount(p['computed'])} by more than {amount(p['tolerance'])}; the given "
        "amount is kept"
    ),
    "VAT_ACCOUNT_UNKNOWN": lambda p: (
        "No VAT account for "
        + (
            " or ".join(
                ([f"code '{p['vat_code']}'"] if "vat_code" in p else [])
                + ([f"rate {amount(p['rate'])} %"] if "rate" in p else [])
            )
            or "a line without VAT code or rate"
        )
        + ": add it to vatAccounts, or set vatAccount"
    ),
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
