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

from ecluse.money import why_not

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


def _value_or_empty(p: Params, wrong: str) -> str:
    """ "SENS 'X' is wrong", or "SENS is empty" when the field holds nothing."""
    return f"{p['field']} '{p['value']}' {wrong}" if p["value"] else f"{p['field']} is empty"


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
    """Why an amount was not read: `reason` (money.why_not: form with `expected`, too_large, decimals with
    `places`, ambiguous with `format`, …), or `why`, a text, where a format gives no reason yet."""
    return why_not(p)


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
        f"The file has a {p['header']} header but no lines after it"
        if "header" in p
        else "The file is empty"
        if "header_lines" not in p
        else "The file has a header but no entry lines"
        if p["header_lines"] == 1
        else f"The file has no data lines after its {p['header_lines']} header line(s)"
    ),
    "EMPTY_LINE": lambda p: "Empty line",
    "ZERO_AMOUNT": lambda p: "The line's amount is zero",
    # --- JSON (formats/json_entries) ---
    "NOT_AN_OBJECT": lambda p: (
        'The document is a JSON array; it must be an object: {"version": 1, "entries": [...]} (to send '
        'entries alone, put the array under "entries")'
    ),
    "NOT_JSON": lambda p: (
        f"The file is not a JSON document: it starts with '{p['start']}', not '{{'"
        if "start" in p
        else f"The document is not valid JSON {json_place(p)}: {json_reason(p)}"
    ),
    "TRUNCATED": lambda p: (
        f"The document ends with '…{p['end']}' (byte {count(p['byte'])}) instead of '}}': it is incomplete "
        "(cut short while being written or sent?)"
        if "end" in p
        else f"The document is cut short: it stops at {json_place(p)[3:]}, before its end (a '}}' is missing)"
        if "reason" not in p
        else f"The document is not valid JSON {json_place(p)}: {json_reason(p)}"
    ),
    "MISSING_VERSION": lambda p: 'The document has no "version": write "version": 1',
    "NO_ENTRIES": lambda p: 'The document has no "entries" array',
    "VALUE_TOO_LONG": lambda p: (
        (f"At {p['path']}: " if p.get("path") else "In the document: " if "path" in p else "")
        + f"More than {p['mib']} MiB without a complete JSON value before byte {count(p['byte'])} (a string "
        "that never ends?)"
    ),
    "LATE_COMPANY": lambda p: (
        f"The document's company '{p['company']}' comes after {count(p['objects'])} objects read without it: "
        "write company before journals, accounts, thirdParties, analyticSections and entries"
    ),
    "UNSUPPORTED_VERSION": lambda p: (
        f'version must be the number 1, not the string {p["value"]}: write "version": 1'
        if p.get("reason") == "string"
        else f'version {p["value"]} is not supported: this is version 1 of the format ("version": 1)'
    ),
    "UNKNOWN_FIELD": lambda p: (
        f"unknown {'key' if p.get('scope') == 'document' else 'field'} '{p['field']}'"
        + (" in the document" if p.get("scope") == "document" else "")
        + (
            f" (did you mean '{p['suggestion']}'?)"
            if "suggestion" in p
            else f"; known {'keys' if p.get('scope') == 'document' else 'fields'}: {p['known']}"
        )
        + ("; it was ignored" if p.get("scope") == "document" else "")
    ),
    "DUPLICATE_KEY": lambda p: (
        f'"{p["field"]}" is given twice in the document; the second one is ignored'
        if p.get("scope") == "document"
        else f"{p['field']} is given twice"
    ),
    "WRONG_TYPE": lambda p: (
        (f"{p['field']} " if "field" in p else "")
        + f"must be {_EXPECTED[str(p['expected'])]}, not {kind_of(p)}"
        + ("; it was ignored" if p.get("ignored") else "")
    ),
    "BAD_VALUE": lambda p: (
        f"company must be a company code or SIREN in quotes, not {kind_of(p)}"
        if p.get("reason") == "company"
        else f"{p['field']} {kind_of(p, quoted=False)} must be one of {p['expected']}"
        if p.get("reason") == "one_of"
        else f"{p['field']} {kind_of(p, quoted=False)} must be a 3-letter ISO code in capitals (EUR)"
        if p.get("reason") == "currency"
        else f"{p['field']} {kind_of(p, quoted=False)}: {p['detail']}"
    ),
    "NUMBER_TOO_LONG": lambda p: (
        f"{p['field']} is a number of {count(p['length'])} characters: numbers have at most {p['digits']} "
        "digits in a row"
    ),
    "BAD_CHARACTER": lambda p: f"{p['field']} holds the NUL character (U+0000), which no field may hold",
    "TOO_LONG": lambda p: (
        f"{p['field']} is {count(p['length'])} characters long; at most {count(p['maximum'])}"
    ),
    "NO_LINES": lambda p: "the entry has no lines",
    "TOO_MANY_LINES": lambda p: (
        f"its lines {count(p['first'])} to {count(p['last'])} ({p['path']} and after) were not read either"
        if "first" in p
        else f"the entry has more than {count(p['maximum'])} lines; split it"
    ),
    "OBJECT_TOO_LARGE": lambda p: f"is larger than {p['size']} of JSON; it was not read",
    "ENTRY_TOO_LARGE": lambda p: f"is larger than {p['size']} of JSON; it was not read (split it)",
    "MORE_ERRORS": lambda p: f"{count(p['more'])} more errors not listed",
    "NO_HEADER": lambda p: "The first line is not a FEC header (JournalCode, EcritureNum… column names)",
    "MISSING_COLUMN": lambda p: f"The header lacks mandatory column(s): {p['columns']}",
    "BAD_SEPARATOR": lambda p: f"Fields are separated by '{p['separator']}'; the FEC requires TAB or '|'",
    "TRAILING_SEPARATOR": lambda p: f"The {p['where']} ends with a separator",
    "DUPLICATE_COLUMN": lambda p: f"Column {p['column']} appears twice; the first one is read",
    "BAD_FILE_NAME": lambda p: (
        f"File name '{p['name']}': {p['siren']} is not a valid SIREN (its check digit is wrong)"
        if p.get("reason") == "siren"
        else f"File name '{p['name']}': the closing date {p['date']} does not exist"
        if p.get("reason") == "date"
        else f"File name '{p['name']}' has no SIREN before FEC (SirenFECAAAAMMJJ, A47 A-1 IX)"
        if p.get("reason") == "no_siren"
        else f"File name '{p['name']}' does not follow SirenFECAAAAMMJJ (A47 A-1 IX)"
    ),
    "FISCAL_YEAR_LOCKED": lambda p: (
        f"{p['date']} falls in {p['year']}, which is locked: an admin of the company may unlock it"
    ),
    "FISCAL_YEAR_CLOSED": lambda p: (
        f"{p['date']} falls in {p['year']}, which is closed: nothing more is posted into it"
        if "date" in p
        else f"{p['year']} is closed: it can be neither locked nor unlocked"
    ),
    "NO_ENTRY_LINES": lambda p: "The file has a header but no entry lines (a period without activity?)",
    "AFTER_CLOSING": lambda p: (
        f"Entry {p['entry']} is dated {p['date']}, after the closing date {p['closing']} the file name gives"
    ),
    "NUMBER_GAP": lambda p: (
        f"Entry numbers jump from {p['after']} to {p['before']}: {count(p['missing'])} number"
        f"{'s' if p['missing'] != 1 else ''} missing"
    ),
    "EXTRA_DECIMALS": lambda p: (
        f"{p['field']} '{p['value']}' has more than {p['places']} decimals (read as {amount(p['amount'])}: the "
        "extra digits are zeros)"
    ),
    "CURRENCY_INCOMPLETE": lambda p: (
        f"Idevise '{p['value']}' is filled but Montantdevise is empty"
        if p["missing"] == "Montantdevise"
        else f"Montantdevise '{p['value']}' is filled but Idevise is empty"
    ),
    "LETTERING_INCOMPLETE": lambda p: (
        f"EcritureLet '{p['value']}' is filled but DateLet is empty"
        if p["missing"] == "DateLet"
        else f"DateLet '{p['value']}' is filled but EcritureLet is empty"
    ),
    "VALIDATION_BEFORE_ENTRY": lambda p: (
        f"ValidDate {p['date']} is before the entry's date {p['entry_date']}"
    ),
    "ACCOUNT_CLASS": lambda p: (
        f"CompteNum '{p['account']}' is of class {p['class']}, which has no place in a general ledger "
        "(classes 1 to 7)"
    ),
    "AUX_ACCOUNT": lambda p: (
        f"CompAuxNum '{p['aux']}' is set on account {p['account']}, which is not a third-party account (class 4)"
    ),
    "SIREN_MISMATCH": lambda p: (
        f"The file name's SIREN {p['siren']} is not the company's ({p['company_siren']}): is the file meant "
        "for another company?"
    ),
    "CLOSING_DATE": lambda p: (
        f"The file name's closing date {p['closing']} is not the end of an open fiscal year of the company"
        + (f" ({p['year_ends']})" if p.get("year_ends") else " (it has none)")
    ),
    "MISSING_VALUE": lambda p: (
        f"{p['kind_field']} '{p['kind']}' means a customer or supplier, but {p['field']} is empty"
        if "kind" in p
        else f"{p['field']}{_meaning(p)} is {'missing' if p.get('reason') == 'missing' else 'empty'}{_empty_detail(p)}"
        + (f" and the kind of third party '{p['third_party']}' is unknown" if "third_party" in p else "")
    ),
    "MISSING_LABEL": lambda p: f"Missing {p['columns']} (données absentes)",
    "MISSING_DATA": lambda p: (
        f"{p['field']} is empty on an analytic line (TYPE_CPTE A); expected A1 to A5"
        if "field" in p
        else f"Missing {p['columns']} (données absentes)"
    ),
    "BAD_SENS": lambda p: (
        _value_or_empty(p, "is wrong")
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
        f"{p['field']} '{p['value']}' is negative"
        + (f" with sign '{p['sign']}'" if "sign" in p else "")
        + ": recorded as "
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
        f"The document is not valid JSON {json_place(p)}: {json_reason(p)}"
        if p.get("reason") == "not_utf8"
        else (
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
        _value_or_empty(p, "is not an account kind code")
        + f"; accepted: {p['general_code']} (general account), {p['customer_code']} (customer), "
        f"{p['supplier_code']} (supplier)"
    ),
    "BAD_SIGN": lambda p: (
        _value_or_empty(p, "is not a sign code")
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
    "ENTRY_TOO_LONG": lambda p: (
        f"Entry {p['entry']} {'continues an entry longer than' if p.get('continued') else 'is longer than'} "
        f"{count(p['maximum'])} lines; check the grouping options (groupBy, thirdPartyStartsEntry)"
    ),
    "NO_OPEN_FISCAL_YEAR": lambda p: f"{p['date']} falls outside every open fiscal year",
    "UNKNOWN_COMPANY": lambda p: (
        f"Entry {p['entry']}: company '{p['company']}' is unknown, or not one you may import into"
        if "entry" in p
        else f"{p['record']}: company '{p['company']}' is unknown"
    ),
    "CURRENCY_DECIMALS": lambda p: (
        f"Entry {p['entry']} is for company {p['company']}, whose currency {p['currency']} has {p['decimals']} "
        f"decimals, but the file's amounts were read with {p['file_decimals']} (the currency of the company it "
        "was sent to): send that company's entries in a file of its own"
    ),
    "BATCH_TOTAL_TOO_LARGE": lambda p: (
        f"Entry {p['entry']} would take the debits of the file's entries past {amount(p['maximum'])}, the most "
        "one import may hold: send it in another file"
    ),
}


def english(code: str, params: Params) -> str:
    """The English message of `code` with `params` (KeyError for a code without a text here), after the
    place in a JSON document it is about when the parameters name one (`context`)."""
    if "not_listed" in params:  # the summary of a capped finding (formats/findings.py), of any code
        return f"{params['not_listed']} more {code} findings not listed ({params['total']} in all)"
    if "in_entry" in params or "in_record" in params:
        return context(params) + _TEXTS[code](params)
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


# --- JSON documents (formats/json_entries): the place an error is about, the kind of a value ------------

#: The arrays of declarations of a JSON document, by the singular a message names their objects with.
_DECLARATIONS: dict[str, str] = {"entries": "entry", "journals": "journal", "accounts": "account", "thirdParties": "third party",
                 "analyticSections": "analytic section"}  # fmt: skip
_EXPECTED: dict[str, str] = {
    "string": "a string (in double quotes)", "object": "an object {…}", "array": "an array […]",
    "entries": "an array of entries [...]", "version": "the number 1", "text": "a string",
}  # fmt: skip


def context(p: Params) -> str:
    """'entry 3 (VT 12), line 2: ' from `in_entry` ("3 (VT 12)": the entry's rank in the document, then its
    journal and number when read) and `entry_line` (1-based, in the entry); 'journal 2 (VT): ' from
    `declaration` (the array: journals, accounts, thirdParties, analyticSections) and `in_record`."""
    if "in_entry" in p:
        return f"entry {p['in_entry']}" + (f", line {p['entry_line']}" if "entry_line" in p else "") + ": "
    return f"{_DECLARATIONS.get(str(p.get('declaration')), 'object')} {p['in_record']}: "


def kind_of(p: Params, quoted: bool = True) -> str:
    """A JSON value by its kind (`found`: number, string, null, true, false, object, array, long_number) and,
    for a number or a string, its text (`value`, cut); without `quoted`, a number or string alone."""
    found, value = p.get("found"), p.get("value")
    if found == "long_number":
        return f"a number of {count(p['length'])} characters (too long to read)"
    if found == "string":
        return f"the string '{value}'" if quoted else f"'{value}'"
    if found == "number":
        return f"the number {value}" if quoted else str(value)
    if found in ("null", "true", "false"):
        return str(found)
    return {"object": "an object", "array": "an array"}.get(str(found), "a value")


#: Why a JSON document breaks (the `reason` of NOT_JSON, TRUNCATED and BAD_ENCODING; json_entries/guards.py).
_JSON_REASONS = {
    "cut_short": "the document ends before it is complete (cut short?)",
    "trailing_text": "there is more text after the end of the document",
    "unexpected_character": "unexpected character",
    "unexpected_word": "unexpected word (true, false and null are lower case; strings need double quotes)",
    "bad_key": "a key must be a string in double quotes (a comma too many?)",
    "unexpected_token": "unexpected token (a comma too many, or one missing?)",
    "comma_or_brace": "expected ',' or '}' (a comma missing?)",
    "comma_or_bracket": "expected ',' or ']' (a comma missing?)",
    "colon": "expected ':' between a key and its value",
    "not_utf8": "bytes that are not UTF-8 (JSON documents must be UTF-8)",
    "bad_escape": 'a backslash in a string must start an escape: \\\\, \\", \\n, \\t, \\uXXXX…',
    "control_character": "a control character inside a string (write it \\n, \\t…)",
}


def json_reason(p: Params) -> str:
    """The English of a JSON syntax error's `reason` (`detail`: the parser's own words, when it has no key)."""
    reason = str(p.get("reason"))
    if reason == "unreadable_value":
        return f"a value cannot be read ({p['detail']})"
    return _JSON_REASONS.get(reason) or str(p.get("detail", reason))


def json_place(p: Params) -> str:
    """Where a JSON syntax error is: 'at line 3, column 7 (byte 42) near '…'' or 'between bytes 1 and 9'."""
    if "line" not in p:
        return f"between bytes {count(p['first'])} and {count(p['last'])}"
    column = f", column {count(p['column'])}" if "column" in p else ""
    near = f" near '{p['near']}'" if p.get("near") else ""
    return f"at line {count(p['line'])}{column} (byte {count(p['byte'])}){near}"
