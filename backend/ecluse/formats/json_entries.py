"""The JSON entries document of partner applications (docs/formats/json.md), streaming and pure.

    {"version": 1, "company": "ACME", "journals": [...], "accounts": [...], "thirdParties": [...],
     "analyticSections": [...], "entries": [{"journal": "VT", "number": "VT0001", "date": "2026-01-31",
                                             "lines": [{"account": "411000", "debit": "1200.00"}, ...]}]}

The bytes are tokenised by ijson's C backend (yajl) 64 KiB at a time; this module turns the events into
one object at a time (a declaration or an entry, never the whole document), validates it with pydantic
(the TypedDicts below, which are also the published JSON Schema: `json_schema()`), and yields records in
document order: `MasterRecord` for declarations, `Entry` or `RejectedEntry` for entries, `ParseError`
for what is wrong elsewhere. Keys may come in any order; `version` and `company`, when they come after
the arrays, are found by a quick look-ahead on a seekable stream (see `JsonFile`).

Line numbers: JSON has no useful physical lines, so the n-th line object of the document is line n, and
every error names its place exactly in `column` (`entries[12].lines[3].debit`). A refused entry keeps
its own JSON text (company filled in) as its first raw line; `rejected_document()` turns those texts
back into a document the sender can fix and re-send.

Limits, each a located error (work stays linear, memory bounded, whatever the document): a token (a string
or key) of at most MAX_TOKEN_BYTES (VALUE_TOO_LONG: the document stops, its place named), strings of at
most MAX_STRING characters and every field within its column (FIELD_TOO_LONG, formats/limits.py), numbers
of at most MAX_NUMBER_DIGITS digits in a row (NUMBER_TOO_LONG: `_NumberGuard` keeps longer ones from the
tokeniser, which would convert them), values nested at most 16 deep (deeper ones are skipped, their
container refused by type), MAX_OBJECT_BYTES per entry or declaration, MAX_LINES lines per entry.

    python -m ecluse.formats.json_entries > docs/formats/ecluse-entries.schema.json
"""

from __future__ import annotations

import difflib
import io
import itertools
import json
import re
import sys
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, BinaryIO, Literal, NotRequired, cast

import ijson  # type: ignore[import-untyped]
from pydantic import (
    ConfigDict,
    Field,
    PlainValidator,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    with_config,
)
from pydantic_core import PydanticCustomError
from typing_extensions import TypedDict

from ecluse.formats.entries import parse_date
from ecluse.formats.findings import FINDINGS_PER_CODE, FindingsCap
from ecluse.formats.limits import (
    FIELD_MAX,
    MASTER_CODE_MAX,
    MASTER_LABEL_MAX,
    amount_text,
    entry_total_message,
    shown,
)
from ecluse.formats.reader import sniff_problem, utf8_cut
from ecluse.formats.records import (
    Entry,
    EntryLine,
    FileInfo,
    Item,
    MasterRecord,
    ParseError,
    RejectedEntry,
    new_entry,
    new_entry_line,
)
from ecluse.money import AMOUNT_MAX, AmountError, decimals_error, exact_minor, format_amount, minor_units

VERSION = 1
MAX_LINES = 10_000  # lines per entry
MAX_STRING = 10_000  # characters per string
MAX_OBJECT_BYTES = 8 << 20  # one entry or declaration as JSON text
MAX_TOKEN_BYTES = 1 << 20  # bytes without a single complete JSON token: a giant string, refused whole
MAX_NUMBER_DIGITS = 64  # digits in a row in a number (and 6 in an exponent): longer is NUMBER_TOO_LONG
_M_JOURNAL, _M_NUMBER, _M_LABEL, _M_COMPANY = (
    FIELD_MAX[f] for f in ("journal_code", "entry_number", "label", "company")
)
CHUNK_SIZE = 1 << 16
INFO = FileInfo(
    format="JSON", encoding="utf-8", separator="", variant="v1", siren=None, closing_date=None, header=()
)

# --- numbers too long to read ---------------------------------------------------------------------------

#: What a number too long to read becomes, as the walk sees it: a string value "\x00number <length>".
NUMBER_MARK = "\x00number "
_NUMBER_BYTES = b"-+.0123456789eE"
#: Digits → "0", exponent letters and signs → "e": a digit run too long is a run of "0"s, an exponent too
#: long an "e" and 7 "0"s (one search each; a match is then checked exactly where it is).
_FOLD = bytes.maketrans(b"123456789E+-", b"000000000eee")
_RUN = b"0" * (MAX_NUMBER_DIGITS + 1)
_EXPONENT = b"e0000000"
_NUMBER_RUN = re.compile(rb"[-+.0-9eE]*")
_ZEROS = re.compile(rb"0+")
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_HOLD = 3 * MAX_NUMBER_DIGITS + 8  # the longest number that is not too long: three runs of digits, signs


_NUL_ESCAPE = b"\\u0000"


def _is_mark(value: object) -> bool:
    return type(value) is str and value.startswith(NUMBER_MARK)


def _mark_length(value: str) -> int:
    tail = value[len(NUMBER_MARK) :]
    return int(tail) if tail.isdecimal() and len(tail) < 20 else 0


def _too_long_at(data: bytes) -> list[int]:
    """Where, in `data`, a digit run longer than MAX_NUMBER_DIGITS or an exponent of 7 digits or more
    begins (inside a string or not: the guard tells), in order; usually none, found by two searches."""
    folded = data.translate(_FOLD)
    if _RUN not in folded and _EXPONENT not in folded:
        return []
    found: list[int] = []
    at = folded.find(_RUN)
    while at >= 0:
        found.append(at)
        at = folded.find(_RUN, _ZEROS.match(folded, at).end())  # type: ignore[union-attr]
    at = folded.find(_EXPONENT)
    while at >= 0:  # "e" is a letter e/E or a sign: an exponent's letter, or a sign right after one
        if data[at] in b"eE" or (at and data[at] in b"+-" and data[at - 1] in b"eE"):
            found.append(at)
        at = folded.find(_EXPONENT, at + 1)
    return sorted(found)


class _NumberGuard:
    """Rewrites the bytes given to the tokeniser so that a number with more than MAX_NUMBER_DIGITS digits in
    a row (or an exponent of 7 digits or more) arrives as the string "\\u0000number <its length>": yajl
    would hand it to Python's int() (refused past 4,300 digits, quadratic below) or Decimal (refused past an
    exponent of 10^18), failing the whole document, and it lexes a number cut by a block boundary again
    from its start at every block (quadratic). The walk then reports NUMBER_TOO_LONG on the value's field.

    Linear: per block, a translate and four substring searches find whether any run is that long (rare),
    a count of quotes (and, when the block holds a backslash, one regular-expression pass over its escapes)
    keeps track of being inside a string or not, and the trailing number characters of a block (at most
    _HOLD) are held back for the next one, so a number cut by a block boundary is seen whole."""

    def __init__(self) -> None:
        self.replaced = 0  # numbers replaced so far
        #: The document escapes U+0000 somewhere (`\u0000`): its values are then searched for it, which no
        #: field can hold (PostgreSQL refuses it). One search per block; a false alarm costs only that walk.
        self.nul_seen = False
        self._tail = b""
        self.lead = 0  # bytes held back from the previous block at the start of the last one returned
        self._in_string = False
        self._escape = False  # the last byte given out starts an escape (inside a string)
        self._held = b""
        self._swallowed = -1  # ≥ 0 while dropping the rest of a too-long number: its length so far

    def feed(self, data: bytes) -> bytes:
        """The bytes to give the tokeniser for the next block `data` of the document."""
        if not self.nul_seen:
            self.nul_seen = _NUL_ESCAPE in self._tail + data[:5] or _NUL_ESCAPE in data
            self._tail = data[-5:]
        out: list[bytes] = []
        if self._swallowed >= 0:
            end = _NUMBER_RUN.match(data).end()  # type: ignore[union-attr]
            self._swallowed += end
            if end == len(data):
                self.lead = 0
                return b""
            out.append(self._mark(self._swallowed))
            self._swallowed, data = -1, data[end:]
        self.lead = len(self._held)
        data, self._held = self._held + data, b""
        done = 0  # data[:done] is in `out`, and the string state is the one after it
        for at in _too_long_at(data):
            if at < done:
                continue  # within a number already replaced
            self._advance(data[done:at])
            if self._in_string:
                out.append(data[done:at])
                done = at
                continue
            begin = at
            while begin > done and data[begin - 1] in _NUMBER_BYTES:
                begin -= 1
            end = _NUMBER_RUN.match(data, at).end()  # type: ignore[union-attr]
            out.append(data[done:begin])
            if end == len(data):  # it may go on in the next block
                self._swallowed, done = end - begin, end
                return b"".join(out)
            out.append(self._mark(end - begin))
            done = end
        rest = data[done:]
        kept = len(rest) - len(rest.rstrip(_NUMBER_BYTES))
        if 0 < kept <= _HOLD:
            rest, self._held = rest[:-kept], rest[-kept:]
        self._advance(rest)
        out.append(rest)
        return b"".join(out)

    def flush(self) -> bytes:
        """What is left at the end of the document: held bytes, or the mark of a number cut by the end."""
        self.lead = 0
        if self._swallowed >= 0:
            self._swallowed, swallowed = -1, self._swallowed
            return self._mark(swallowed)
        held, self._held = self._held, b""
        return held

    def _mark(self, length: int) -> bytes:
        self.replaced += 1
        return b'"\\u0000number %d"' % length

    def _advance(self, given: bytes) -> None:
        """Follow the string state over bytes given out (outside a string, a backslash is a syntax error
        the tokeniser reports: escapes are only looked for inside)."""
        if not given:
            return
        if self._escape:
            given, self._escape = given[1:], False
        if b"\\" in given:
            given = _ESCAPE.sub(b"", given)
            if given.endswith(b"\\"):
                given, self._escape = given[:-1], True
        if given.count(b'"') & 1:
            self._in_string = not self._in_string


# --- the document's objects (pydantic): what the parser accepts, and the published JSON Schema ----------


def _validate_amount(value: object, info: ValidationInfo) -> int:
    """The validator of `Amount`: the currency's decimals come in the validation context ("places")."""
    return _amount(value, info.context["places"] if info.context else 2)


def _amount(value: object, places: int = 2) -> int:
    """An amount → integer minor units. A string "1234.56" (dot, optional minus, at most `places`
    decimals, "" = 0) or a JSON number (an exact Decimal from ijson, never a float) with at most `places`
    decimals."""
    kind = type(value)
    if kind is str:
        text: str = value  # type: ignore[assignment]
        if (
            places == 2  # the usual "1234.56" of a 2-decimal currency
            and 3 < len(text) < 17  # 13 digits before the point: within money.AMOUNT_MAX
            and text[-3] == "."
            and (plain := text[:-3] + text[-2:]).isdecimal()
            and plain.isascii()
        ):
            return int(plain)  # the usual "1234.56"
        digits = text[1:] if text[:1] == "-" else text
        whole, dot, decimals = digits.partition(".")
        if (
            0 < len(whole) <= 15
            and whole.isdecimal()
            and whole.isascii()
            and (not dot or (0 < len(decimals) <= places and decimals.isdecimal() and decimals.isascii()))
        ):
            minor = minor_units(whole, decimals, places)
            return -minor if digits is not text else minor
        if not text:
            return 0
        if text.startswith(NUMBER_MARK):
            raise PydanticCustomError("amount", "{why}", {"why": "is a number too long to read"})
        raise PydanticCustomError("amount", "{why}", {"why": _amount_hint(text, places)})
    if kind is int or kind is Decimal:
        number = cast("int | Decimal", value)
        if isinstance(number, Decimal) and not number.is_finite():
            raise PydanticCustomError("amount", "{why}", {"why": "is not an amount"})
        if not -(10**15) < number < 10**15:
            raise PydanticCustomError(
                "amount", "{why}", {"why": "is too large (at most 15 digits before the point)"}
            )
        try:  # exactly: 1E-999999 is refused, not rounded to 0
            return exact_minor(number, places)
        except AmountError as exc:
            raise PydanticCustomError("amount", "{why}", {"why": str(exc)}) from None
    raise PydanticCustomError(
        "amount", "{why}", {"why": 'must be an amount like "1234.56" (a string or a number)'}
    )


def _amount_hint(text: str, places: int) -> str:
    probe = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in probe and "." not in probe and probe.count(",") == 1:
        candidate = probe.replace(",", ".")
        try:
            return f"is not an amount: write {_cents_text(_amount(candidate, places), places)}"
        except PydanticCustomError:
            pass
    if probe != text or probe.count(",") + probe.count(".") > 1:
        return "has thousands separators or spaces: write 1234.56"
    whole, _, decimals = probe.lstrip("-+").partition(".")
    if whole.isdecimal() and decimals.isdecimal() and len(decimals) > places:
        return str(decimals_error(places))
    if whole.isdecimal() and len(whole) > 15:
        return "is too large (at most 15 digits before the point)"
    return "is not an amount: write 1234.56 (a dot before the cents, an optional minus)"


_dates: dict[str, date] = {}


def _iso_date(value: object) -> date:
    if type(value) is str:
        text: str = value
        found = _dates.get(text)
        if found is not None:
            return found
        if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
            year, month, day = text[:4], text[5:7], text[8:]
            if year.isdecimal() and month.isdecimal() and day.isdecimal():
                try:
                    found = date(int(year), int(month), int(day))
                except ValueError:
                    why = (
                        f"year {year}"
                        if year == "0000"
                        else f"month {month}"
                        if not 1 <= int(month) <= 12
                        else f"day {day} of {year}-{month}"
                    )
                    raise PydanticCustomError(
                        "date", "{why}", {"why": f"is not a valid date ({why})"}
                    ) from None
                if len(_dates) > 50_000:
                    _dates.clear()
                _dates[text] = found
                return found
        read, _, _ = parse_date(text)
        hint = f"write {read.isoformat()}" if read is not None else "write YYYY-MM-DD (2026-01-31)"
        raise PydanticCustomError("date", "{why}", {"why": f"is not a date in the YYYY-MM-DD form: {hint}"})
    raise PydanticCustomError(
        "date", "{why}", {"why": 'must be a date written as a string like "2026-01-31"'}
    )


_UNITS_MAX = (AMOUNT_MAX + 1) // 100  # money.AMOUNT_MAX in units of a 2-decimal currency: 10^13
AMOUNT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": rf"^(-?[0-9]{{1,{len(str(_UNITS_MAX)) - 1}}}(\.[0-9]{{1,2}})?)?$"},
        {
            "type": "number",
            "multipleOf": 0.01,
            "exclusiveMinimum": -_UNITS_MAX,
            "exclusiveMaximum": _UNITS_MAX,
        },
    ],
    "description": 'A string "1234.56" (dot decimal, optional minus, at most 2 decimals; "" = 0) or a JSON '
    "number with at most 2 decimals (read exactly), below 10,000,000,000,000 in absolute value. A negative "
    "amount is moved to the other side.",
}
DATE_SCHEMA: dict[str, Any] = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}

Amount = Annotated[int, PlainValidator(_validate_amount), WithJsonSchema(AMOUNT_SCHEMA)]
IsoDate = Annotated[date, PlainValidator(_iso_date), WithJsonSchema(DATE_SCHEMA)]
Text = Annotated[str, Field(max_length=MAX_STRING)]
Code = Annotated[str, Field(min_length=1, max_length=MAX_STRING)]
Company = Annotated[
    str | None,
    Field(
        max_length=MAX_STRING,
        description='Company code or SIREN; absent, null or "": the document\'s company (itself "" = the company '
        "the document is sent to).",
    ),
]
JournalKind = Literal["bank", "purchases", "sales", "general", "other"]
ThirdPartyKind = Literal["customer", "supplier", "other"]


def _max(field: str | int) -> Any:
    """The maximum a field is checked against after validation (limits.FIELD_MAX), as the schema says it."""
    return Field(json_schema_extra={"maxLength": field if isinstance(field, int) else FIELD_MAX[field]})


def _config(title: str) -> ConfigDict:
    return ConfigDict(extra="forbid", title=title)


@with_config(_config("Journal"))
class JournalIn(TypedDict):
    """A journal the entries use (created if new, its label updated)."""

    code: Annotated[Code, _max(MASTER_CODE_MAX["journal"])]
    label: Annotated[Text, _max(MASTER_LABEL_MAX)]
    kind: NotRequired[JournalKind | None]
    company: NotRequired[Annotated[Company, _max("company")]]


@with_config(_config("Account"))
class AccountIn(TypedDict):
    """A general account (chart of accounts)."""

    number: Annotated[Code, _max(MASTER_CODE_MAX["account"])]
    label: Annotated[Text, _max(MASTER_LABEL_MAX)]
    company: NotRequired[Annotated[Company, _max("company")]]


@with_config(_config("ThirdParty"))
class ThirdPartyIn(TypedDict):
    """A customer or supplier (auxiliary account), named on lines by `thirdParty`."""

    code: Annotated[Code, _max(MASTER_CODE_MAX["third_party"])]
    name: Annotated[Text, _max(MASTER_LABEL_MAX)]
    kind: NotRequired[ThirdPartyKind | None]
    company: NotRequired[Annotated[Company, _max("company")]]


@with_config(_config("AnalyticSection"))
class AnalyticSectionIn(TypedDict):
    """An analytic section (project, cost centre), named on lines by `analytic`."""

    code: Annotated[Code, _max(MASTER_CODE_MAX["section"])]
    label: Annotated[Text, _max(MASTER_LABEL_MAX)]
    company: NotRequired[Annotated[Company, _max("company")]]


def _about(text: str) -> Any:
    return Field(description=text)


@with_config(_config("EntryLine"))
class LineIn(TypedDict):
    """One line of an entry."""

    account: Annotated[Code, _about("General account number (created if new)."), _max("account_number")]
    thirdParty: NotRequired[
        Annotated[
            Text | None, _about("Third-party code (auxiliary account); none if absent."), _max("aux_number")
        ]
    ]
    label: NotRequired[
        Annotated[Text | None, _about('Line label; absent, null or "": the entry\'s label.'), _max("label")]
    ]
    debit: NotRequired[Annotated[Amount | None, _about("Debit amount; absent or null: 0.")]]
    credit: NotRequired[Annotated[Amount | None, _about("Credit amount; absent or null: 0.")]]
    pieceRef: NotRequired[
        Annotated[Text | None, _about("Document reference (invoice number…)."), _max("piece_ref")]
    ]
    pieceDate: NotRequired[Annotated[IsoDate | None, _about("Document date.")]]
    dueDate: NotRequired[Annotated[IsoDate | None, _about("When the line falls due (open items).")]]
    invoiceRef: NotRequired[
        Annotated[
            Text | None,
            _about("The invoice this line raises or settles, when it differs from pieceRef (bank matching)."),
            _max("invoice_ref"),
        ]
    ]
    analytic: NotRequired[
        Annotated[Text | None, _about("Analytic section code (created if new)."), _max("analytic")]
    ]
    lettering: NotRequired[Annotated[Text | None, _about("Lettering (matching) code."), _max("lettering")]]


@with_config(_config("Entry"))
class EntryIn(TypedDict):
    """A journal entry: its lines must balance (total debit = total credit). Journal and number identify it."""

    journal: Annotated[Code, _about("Journal code (created if new)."), _max("journal_code")]
    number: Annotated[Code, _about("Entry number, kept as is."), _max("entry_number")]
    date: Annotated[IsoDate, _about("Accounting date of the entry.")]
    label: NotRequired[
        Annotated[Text | None, _about("Entry label, the default of its lines' labels."), _max("label")]
    ]
    company: NotRequired[Annotated[Company, _max("company")]]
    currency: NotRequired[
        Annotated[
            Annotated[str, Field(pattern="^([A-Z]{3})?$")] | None,
            _about('ISO 4217 code of the amounts (EUR); absent, null or "": the company\'s currency.'),
        ]
    ]
    lines: Annotated[list[LineIn], Field(min_length=1, max_length=MAX_LINES)]


@with_config(_config("EcluseEntries"))
class DocumentIn(TypedDict):
    """Journal entries and the master data they use, sent to Écluse by a partner application. Keys may
    come in any order. See docs/formats/json.md."""

    version: Literal[1]
    company: NotRequired[Annotated[Company, _max("company")]]
    journals: NotRequired[list[JournalIn]]
    accounts: NotRequired[list[AccountIn]]
    thirdParties: NotRequired[list[ThirdPartyIn]]
    analyticSections: NotRequired[list[AnalyticSectionIn]]
    entries: list[EntryIn]


_ENTRY = TypeAdapter(EntryIn)
#: top-level array → (validator, MasterRecord kind, code key, label key)
_DECLARATIONS: dict[str, tuple[TypeAdapter[Any], str, str, str]] = {
    "journals": (TypeAdapter(JournalIn), "journal", "code", "label"),
    "accounts": (TypeAdapter(AccountIn), "account", "number", "label"),
    "thirdParties": (TypeAdapter(ThirdPartyIn), "third_party", "code", "name"),
    "analyticSections": (TypeAdapter(AnalyticSectionIn), "section", "code", "label"),
}
_KEYS = {
    "": list(DocumentIn.__annotations__),
    "entry": list(EntryIn.__annotations__),
    "line": list(LineIn.__annotations__),
    **{name: list(TypeAdapter(t).json_schema()["properties"]) for name, t in (
        ("journals", JournalIn), ("accounts", AccountIn), ("thirdParties", ThirdPartyIn),
        ("analyticSections", AnalyticSectionIn))},
}  # fmt: skip


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the document, generated from the TypedDicts above."""
    schema = TypeAdapter(DocumentIn).json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


# --- messages --------------------------------------------------------------------------------------


def _kind_of(value: object) -> str:
    if _is_mark(value):
        return f"a number of {_mark_length(value):,} characters (too long to read)"  # type: ignore[arg-type]
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {_shown(value)}"
    return "an object" if isinstance(value, dict) else "an array" if isinstance(value, list) else "a value"


def _shown(value: object) -> str:
    """A value as a message quotes it: strings in single quotes, cut after 60 characters."""
    if _is_mark(value):
        return _kind_of(value)
    if isinstance(value, str):
        return "'" + (value if len(value) <= 60 else value[:57] + "…") + "'"
    if isinstance(value, dict | list):
        return _kind_of(value)
    return json.dumps(value) if value is None or isinstance(value, bool) else str(value)


def _cents_text(minor: int, places: int) -> str:
    return format_amount(minor, places, ".")


def _path(base: str, loc: tuple[int | str, ...]) -> str:
    out = base
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{shown(part, 20)}"
    return out


def _explain(error: Any, keys: list[str], places: int = 2) -> tuple[str, str]:
    """(code, message tail) for one pydantic error; the tail starts with the field's name."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    name = shown(loc[-1], 30) if loc and isinstance(loc[-1], str) else "it"
    if _is_mark(value):
        return "NUMBER_TOO_LONG", (
            f"{name} is a number of {_mark_length(value):,} characters: numbers have at most "
            f"{MAX_NUMBER_DIGITS} digits in a row"
        )
    if kind == "nul_character":
        return "BAD_CHARACTER", f"{name} holds the NUL character (U+0000), which no field may hold"
    if kind == "field_too_long":
        limit = error["ctx"]["max_length"]
        return (
            "FIELD_TOO_LONG",
            f"{name} {_shown(value)} is {len(value):,} characters long; at most {limit:,}",
        )
    if kind == "amount_too_large":
        return "AMOUNT_TOO_LARGE", (
            f"{name} {amount_text(abs(value), '.', places)} is larger than the largest amount accepted, "
            f"{amount_text(AMOUNT_MAX, '.', places)}"
        )
    if kind == "missing":
        return "MISSING_VALUE", f"{name} is missing"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name[:40], keys, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; known fields: {', '.join(keys)}"
        return "UNKNOWN_FIELD", f"unknown field '{name}'{hint}"
    if kind in ("amount", "date"):
        return (
            "BAD_AMOUNT" if kind == "amount" else "BAD_DATE"
        ), f"{name} {_shown(value)} {error['ctx']['why']}"
    if kind == "string_too_short":
        return "MISSING_VALUE", f"{name} is empty"
    if kind == "too_long":
        return "TOO_MANY_LINES", f"the entry has more than {MAX_LINES:,} lines; split it"
    if kind == "string_too_long":
        return "TOO_LONG", f"{name} is {len(value):,} characters long; at most {MAX_STRING:,}"
    if kind == "too_short":
        return "NO_LINES", "the entry has no lines"
    if kind == "string_type":
        return "WRONG_TYPE", f"{name} must be a string (in double quotes), not {_kind_of(value)}"
    if kind in ("typed_dict_type", "dict_type", "model_type"):
        return "WRONG_TYPE", f"{name} must be an object {{…}}, not {_kind_of(value)}"
    if kind == "list_type":
        return "WRONG_TYPE", f"{name} must be an array […], not {_kind_of(value)}"
    if kind == "literal_error":
        return (
            "BAD_VALUE",
            f"{name} {_shown(value)} must be one of {error['ctx']['expected'].replace(chr(39), '')}",
        )
    if kind == "string_pattern_mismatch":
        return "BAD_VALUE", f"{name} {_shown(value)} must be a 3-letter ISO code in capitals (EUR)"
    return "BAD_VALUE", f"{name} {_shown(value)}: {error['msg']}"


# --- the parser -------------------------------------------------------------------------------------

# Where the event loop is; _LINE and _OBJECT are the hot ones.
_START, _TOP, _ARRAY, _OBJECT, _LINES, _LINE, _NESTED, _SKIP, _END = range(9)
_SCALARS = frozenset(("string", "number", "boolean", "null"))
_ARRAYS = frozenset(("entries", *_DECLARATIONS))
_ID_KEYS = ("journal", "number", "date", "label", "company", "code", "name")  # kept of an oversized object
_SINGULAR = {"entries": "entry", "journals": "journal", "accounts": "account", "thirdParties": "third party",
             "analyticSections": "analytic section"}  # fmt: skip
_READY = object()  # yielded by the walk when the first array starts (or at the end): open() stops there
_DUP = "\x00duplicate"  # the key of a top-level value given twice: skipped


class JsonFile:
    """An opened JSON entries document. Checked on open: empty, binary, UTF-16/32 or not UTF-8, not JSON,
    not an object, cut short (seekable streams: the last character must be '}'), and everything written
    before the first array (`version`, `company`); a document under 64 KiB is read whole. `items()` reads
    the rest. A file-level problem met later (a syntax error in the middle, no `entries`, an unsupported
    `version` written after the entries) sets `fatal` and is yielded as the last item, a line-0 error:
    the entries before it were read and yielded."""

    def __init__(self, stream: BinaryIO, filename: str | None = None, places: int = 2) -> None:
        self.info: FileInfo | None = None
        self._places = places  # decimals of the company's currency
        self._context = {"places": places}
        self.fatal: ParseError | None = None
        self.line_count = 0  # line objects read so far
        self.bytes_read = 0
        self._lines_before = 0  # line objects of the entries already handed over
        self._stream = stream
        self._offset = 0  # bytes before the document (a UTF-8 BOM)
        self._newlines = 0  # in the bytes fed to the tokeniser so far
        self._version: object = None
        self._company = ""
        self._company_seen = False
        self._emitted = 0  # objects yielded with the document's company as default
        self._entries_seen = False
        self._top_keys: set[str] = set()
        self._labels: dict[str, dict[str, str]] = {"journal": {}, "account": {}, "third_party": {}}
        self._done = False
        self._consumed = False
        self._pending: list[Any] = []
        self._walk: Iterator[Any] = iter(())
        self._guard = _NumberGuard()
        self._last_event = ""  # the last event the tokeniser gave: where a value too long is
        head = stream.read(CHUNK_SIZE)
        self.bytes_read = len(head)
        self.fatal = self._check_head(head)
        if self.fatal is not None:
            return
        self._head = head[self._offset :]
        whole = len(head) < CHUNK_SIZE  # a small document is read whole now
        self.fatal = self._check_tail(whole)
        if self.fatal is not None:
            return
        self._walk = self._events()
        for item in self._walk:  # up to the first array: version and company when they come first
            if item is _READY:
                if not self._company_seen and self.fatal is None:
                    self._look_ahead(head[self._offset :] if whole else None)
                if whole:
                    continue
                break
            self._pending.append(item)
        if self.fatal is None and self._done:
            self._pending.extend(self._end_checks())
        if self.fatal is None:
            self.info = INFO

    # --- open-time checks

    def _check_head(self, head: bytes) -> ParseError | None:
        if head.startswith(b"\xef\xbb\xbf"):
            self._offset = 3
            head = head[3:]
        text = head.lstrip(b" \t\r\n")
        if not text.strip(b"\x00"):
            return ParseError.of(0, None, "EMPTY_FILE")
        problem = sniff_problem(head, "JSON documents must be UTF-8")
        if problem is not None:
            return problem
        try:
            head[: utf8_cut(head)].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = head.count(b"\n", 0, exc.start) + 1
            message = (
                f"The document is not UTF-8: byte 0x{head[exc.start]:02X} at line {line} (byte {exc.start + 1:,}) "
                "is not UTF-8 text (ISO-8859-1 or Windows-1252?); JSON documents must be UTF-8"
            )
            return ParseError(0, None, "BAD_ENCODING", message)
        if text[:1] == b"[":
            message = (
                'The document is a JSON array; it must be an object: {"version": 1, "entries": [...]} (to send '
                'entries alone, put the array under "entries")'
            )
            return ParseError(0, None, "NOT_AN_OBJECT", message)
        if text[:1] != b"{":
            shown = text[:30].decode("utf-8", "replace").split("\n")[0].strip()
            message = f"The file is not a JSON document: it starts with '{shown}', not '{{'"
            return ParseError(0, None, "NOT_JSON", message)
        return None

    def _check_tail(self, whole: bool) -> ParseError | None:
        """A document whose last character is not '}' was cut short: say so before reading it."""
        stream = self._stream
        if whole:
            tail, size = self._head, self.bytes_read
        else:
            try:
                if not stream.seekable():
                    return None
                here = stream.tell()
                size = stream.seek(0, 2)
                stream.seek(max(here, size - 256))
                tail = stream.read()
                stream.seek(here)
            except (OSError, ValueError, AttributeError):
                return None
        tail = tail.rstrip(b" \t\r\n")
        if not tail or tail.endswith(b"}"):
            return None
        shown = tail[-30:].decode("utf-8", "replace").replace("\n", " ").replace("\r", " ")
        message = (
            f"The document ends with '…{shown}' (byte {size:,}) instead of '}}': it is incomplete (cut short "
            "while being written or sent?)"
        )
        return ParseError(0, None, "TRUNCATED", message)

    def _look_ahead(self, whole: bytes | None) -> None:
        """`company` written after the arrays (as sorted keys put it): read it first, so that the objects
        before it get it as their default. In the `whole` document when it is small, else on a seekable
        stream that holds the word at all (a quick byte search spares the common case a second pass)."""
        if whole is not None:
            if b'"company"' in whole:
                self._take_company(io.BytesIO(whole))
            return
        stream = self._stream
        try:
            if not stream.seekable():
                return
            here = stream.tell()
        except (OSError, ValueError, AttributeError):
            return
        try:
            stream.seek(self._offset)
            carry = b""
            while block := stream.read(CHUNK_SIZE):
                if b'"company"' in block or b'"company"' in carry + block[:8]:
                    stream.seek(self._offset)
                    self._take_company(stream)
                    break
                carry = block[-8:]
        finally:
            stream.seek(here)

    def _take_company(self, source: BinaryIO) -> None:
        found: list[Any] = ijson.sendable_list()
        reader = ijson.items_coro(found, "company")
        guard = _NumberGuard()  # (a long number would make yajl quadratic, or fail)
        try:
            while not found:
                block = source.read(CHUNK_SIZE)
                fed = guard.feed(block) if block else guard.flush()
                if fed:
                    reader.send(fed)
                if not block:
                    reader.close()
                    break
        except Exception:  # the main pass meets the same problem and reports it
            return
        value = found[0] if found else None
        if isinstance(value, str) and not _is_mark(value):
            self._company, self._company_seen = value, True

    # --- reading

    def items(self) -> Iterator[Item]:
        """Declarations, entries, refused entries and problems, in document order. Can be consumed once."""
        if self._consumed:
            raise RuntimeError("JsonFile.items() can only be consumed once")
        self._consumed = True
        if self.info is None:
            return
        cap = FindingsCap(FINDINGS_PER_CODE)
        pending, self._pending = self._pending, []
        yield from cap.passing(itertools.chain(pending, self._walk))
        if self.fatal is None:
            yield from self._end_checks()
        yield from cap.summary()

    def _end_checks(self) -> list[ParseError]:
        if self._version is None:
            self.fatal = ParseError(
                0, "version", "MISSING_VERSION", 'The document has no "version": write "version": 1'
            )
        elif not self._entries_seen:
            self.fatal = ParseError(0, "entries", "NO_ENTRIES", 'The document has no "entries" array')
        return [] if self.fatal is None else [self.fatal]

    def _chunks(self) -> Iterator[list[tuple[str, Any]]]:
        """ijson (yajl) events, one list per block of bytes. A syntax error ends the document (fatal)."""
        events: list[tuple[str, Any]] = ijson.sendable_list()
        parser = ijson.basic_parse_coro(events)
        guard = self._guard
        data, start, quiet = self._head, self._offset, 0
        last = (b"", start, 0)  # the previous block: where a document cut short ends
        self._head = b""
        while True:
            fed = guard.feed(data) if data else guard.flush()
            at = start - guard.lead  # where `fed` starts in the file (held bytes come first)
            try:
                if fed:
                    parser.send(fed)
                if not data:
                    parser.close()
            except Exception as exc:  # yajl's errors, and Python's for a value it cannot convert
                if events and isinstance(exc, ijson.JSONError):
                    yield events
                else:  # ijson may leave a half-built event behind: never look at it
                    events.clear()
                block, at, newlines = (fed, at, self._newlines) if data else last
                self.fatal = _syntax_error(exc, block, at, newlines, at == self._offset, not data)
                return
            if events:
                quiet = 0
                yield events
                self._last_event = events[-1][0]
                del events[:]
            elif fed:
                quiet += len(fed)
                if quiet > MAX_TOKEN_BYTES:
                    message = (
                        f"More than {MAX_TOKEN_BYTES >> 20} MiB without a complete JSON value before byte "
                        f"{start + len(data):,} (a string that never ends?)"
                    )
                    self.fatal = ParseError(0, None, "VALUE_TOO_LONG", message)
                    return
            if not data:
                return
            if fed:
                last = (fed, at, self._newlines)
            self._newlines += data.count(b"\n")
            start += len(data)
            data = self._stream.read(CHUNK_SIZE)
            self.bytes_read += len(data)

    def _events(self) -> Iterator[Any]:
        """The event loop: builds one declaration or entry at a time and hands it over when complete.
        Lines and entries are read by inner loops over the same events (the hot path: a key, a value)."""
        LINE, LINES, OBJECT, ARRAY, NESTED, SKIP, TOP = _LINE, _LINES, _OBJECT, _ARRAY, _NESTED, _SKIP, _TOP
        scalars = _SCALARS
        ctx, key, top_key = _START, "", ""
        cur: Any = None  # the dict being filled: an entry, a line, a declaration
        obj: dict[str, Any] = {}  # the entry or declaration being built
        lines: list[Any] = []
        scratch: dict[str, Any] = {}  # takes what is not kept (lines past the limit, an oversized object)
        index = n_lines = limit = depth = started = 0
        dups: list[tuple[int, str]] = []
        nested: list[list[Any]] = []  # [container, pending key, ctx to return to] of an unexpected value
        skip_back = TOP
        oversize = ready = False
        done: Item | list[Item]
        for events in self._chunks():
            it = iter(events)
            for ev, val in it:
                if ctx == LINES:
                    if ev == "start_map":
                        n_lines += 1
                        if n_lines <= limit:
                            cur = {}
                            lines.append(cur)
                        else:
                            cur = scratch
                            scratch.clear()
                        ctx = LINE
                        for ev, val in it:
                            if ev == "map_key":
                                key = val
                            elif ev in ("string", "number"):
                                if cur.setdefault(key, val) is not val:
                                    dups.append((len(lines) - 1, key))
                            elif ev == "end_map":
                                ctx = LINES
                                break
                            elif ev in scalars:
                                if cur.setdefault(key, val) is not val:
                                    dups.append((len(lines) - 1, key))
                            else:
                                ctx, nested = NESTED, [_open(ev, cur, key, LINE)]
                                break
                    elif ev == "end_array":
                        ctx, cur = OBJECT, scratch if oversize else obj
                    else:  # a line that is not an object
                        n_lines += 1
                        if ev == "start_array":
                            holder: list[Any] = []
                            if n_lines <= limit:
                                lines.append(holder)
                            ctx, nested = NESTED, [[holder, None, LINES]]
                        elif n_lines <= limit:
                            lines.append(val)
                elif ctx == LINE:  # a line continued from the previous block
                    if ev == "map_key":
                        key = val
                    elif ev == "end_map":
                        ctx = LINES
                    elif ev in scalars:
                        if cur.setdefault(key, val) is not val:
                            dups.append((len(lines) - 1, key))
                    else:
                        ctx, nested = NESTED, [_open(ev, cur, key, LINE)]
                elif ctx == ARRAY:
                    index += 1
                    if ev == "start_map":
                        obj = cur = {}
                        n_lines, limit, oversize, dups = 0, MAX_LINES + 1, False, []
                        started = self.bytes_read
                        ctx = OBJECT
                        for ev, val in it:
                            if ev == "map_key":
                                key = val
                            elif ev in ("string", "number"):
                                if cur.setdefault(key, val) is not val:
                                    dups.append((-1, key))
                            elif (
                                ev == "start_array"
                                and key == "lines"
                                and top_key == "entries"
                                and "lines" not in cur
                            ):
                                lines = cur["lines"] = []
                                ctx = LINES
                                break
                            elif ev == "end_map":
                                ctx, cur = ARRAY, None
                                if top_key == "entries":
                                    done = self._entry(obj, index, n_lines, dups, oversize)
                                    n_lines = 0
                                else:
                                    done = self._declare(top_key, obj, index, dups, oversize)
                                if type(done) is list:
                                    yield from done
                                else:
                                    yield done
                                break
                            elif ev in scalars:
                                if cur.setdefault(key, val) is not val:
                                    dups.append((-1, key))
                            else:
                                ctx, nested = NESTED, [_open(ev, cur, key, OBJECT)]
                                break
                    elif ev == "end_array":
                        ctx, index = TOP, index - 1
                    else:
                        if ev == "start_array":
                            ctx, depth, skip_back, val = SKIP, 1, ARRAY, []
                        yield self._not_an_object(top_key, index, val)
                elif ctx == OBJECT:  # an object continued from the previous block, or after its lines
                    if ev == "map_key":
                        key = val
                    elif ev in scalars:
                        if cur.setdefault(key, val) is not val:
                            dups.append((-1, key))
                    elif ev == "end_map":
                        ctx, cur = ARRAY, None
                        if top_key == "entries":
                            done = self._entry(obj, index, n_lines, dups, oversize)
                            n_lines = 0
                        else:
                            done = self._declare(top_key, obj, index, dups, oversize)
                        if type(done) is list:
                            yield from done
                        else:
                            yield done
                    elif (
                        ev == "start_array" and key == "lines" and top_key == "entries" and "lines" not in cur
                    ):
                        lines = cur["lines"] = []
                        ctx = LINES
                    else:
                        ctx, nested = NESTED, [_open(ev, cur, key, OBJECT)]
                elif ctx == NESTED:
                    frame = nested[-1]
                    if ev == "map_key":
                        frame[1] = val
                    elif ev == "end_map" or ev == "end_array":
                        nested.pop()
                        if not nested:
                            ctx = frame[2]
                    else:
                        if ev == "start_map" or ev == "start_array":
                            if len(nested) > 16:  # deeper than any value of the document: not kept
                                ctx, depth, skip_back = SKIP, len(nested) + 1, nested[0][2]
                                continue
                            new: Any = {} if ev == "start_map" else []
                            nested.append([new, None, NESTED])
                            val = new
                        container = frame[0]
                        if type(container) is list:
                            container.append(val)
                        else:
                            container.setdefault(frame[1], val)
                elif ctx == SKIP:
                    if ev == "start_map" or ev == "start_array":
                        depth += 1
                    elif ev == "end_map" or ev == "end_array":
                        depth -= 1
                        if depth == 0:
                            ctx = skip_back
                elif ctx == TOP:
                    if ev == "map_key":
                        if val in self._top_keys:
                            message = (
                                f'"{shown(val)}" is given twice in the document; the second one is ignored'
                            )
                            yield ParseError(0, shown(val, 30), "DUPLICATE_KEY", message)
                            top_key = _DUP
                        else:
                            self._top_keys.add(val)
                            top_key = val
                    elif ev == "end_map":
                        ctx = _END
                    elif ev in scalars:
                        problem = self._top_scalar(top_key, val)
                        if problem is not None:
                            yield problem
                            if self.fatal is not None:
                                return
                    else:
                        if not ready:
                            ready = True
                            yield _READY
                        if ev == "start_array" and top_key in _ARRAYS:
                            ctx, index = ARRAY, -1
                            self._entries_seen = self._entries_seen or top_key == "entries"
                        else:
                            ctx, depth, skip_back = SKIP, 1, TOP
                            problem = self._top_value(
                                top_key, "an object" if ev == "start_map" else "an array"
                            )
                            if problem is not None:
                                yield problem
                                if self.fatal is not None:
                                    return
                elif ctx == _START:  # the head check saw '{'
                    ctx = TOP
            if ctx != TOP and ctx != ARRAY and ctx != _END:
                if not oversize and self.bytes_read - started > MAX_OBJECT_BYTES:
                    oversize, limit = True, 0
                    lines.clear()
                    kept = {k: obj[k] for k in _ID_KEYS if k in obj and type(obj[k]) is str}
                    obj.clear()
                    obj.update(kept)
                    if ctx == NESTED:
                        ctx, depth, skip_back = SKIP, len(nested), nested[0][2]
                    if ctx in (OBJECT, LINE) or skip_back in (LINE, OBJECT):
                        cur = scratch
                elif oversize and len(scratch) > 1000:
                    scratch.clear()
                self.line_count = self._lines_before + n_lines
        if self.fatal is not None:
            if self.fatal.code == "VALUE_TOO_LONG":  # say where: the value being read when it began
                where = _where(ctx, top_key, index, n_lines, key, self._last_event == "map_key")
                at = "In the document" if where == "the document" else f"At {where}"
                self.fatal = replace(self.fatal, column=where, message=f"{at}: {self.fatal.message}")
            yield self.fatal
        self._done = True
        if not ready:
            yield _READY

    # --- the top level

    def _top_scalar(self, key: str, value: object) -> ParseError | None:
        if key == "version":
            self._version = value
            if not _is_version(value):
                self.fatal = _bad_version(value)
                return self.fatal
            return None
        if key == "company":
            if value is not None and (type(value) is not str or _is_mark(value)):
                self.fatal = ParseError(
                    0,
                    "company",
                    "BAD_VALUE",
                    f"company must be a company code or SIREN in quotes, not {_kind_of(value)}",
                )
                return self.fatal
            company = value or ""
            if len(company) > FIELD_MAX["company"]:
                self.fatal = _company_too_long(company)
                return self.fatal
            if self._company_seen or company == self._company:
                return None
            if self._emitted:
                message = (
                    f"The document's company '{shown(company)}' comes after {self._emitted:,} objects read without it: "
                    "write company before journals, accounts, thirdParties, analyticSections and entries"
                )
                self.fatal = ParseError(0, "company", "LATE_COMPANY", message)
                return self.fatal
            self._company, self._company_seen = str(company), True
            return None
        if key in _ARRAYS:
            return self._top_value(key, _kind_of(value))
        if key == _DUP:
            return None
        return _unknown_top_key(key)

    def _top_value(self, key: str, kind: str) -> ParseError | None:
        """A top-level value of the wrong kind (`kind` names it), or under an unknown key."""
        if key == _DUP:
            return None
        if key == "entries" or key == "version" or key == "company":
            what = {"entries": "an array of entries [...]", "version": "the number 1", "company": "a string"}[
                key
            ]
            self.fatal = ParseError(0, key, "WRONG_TYPE", f"{key} must be {what}, not {kind}")
            return self.fatal
        if key in _ARRAYS:
            return ParseError(
                0, key, "WRONG_TYPE", f"{key} must be an array [...], not {kind}; it was ignored"
            )
        return _unknown_top_key(key)

    def _not_an_object(self, array: str, index: int, value: object) -> Item:
        column = f"{array}[{index}]"
        message = f"{_SINGULAR[array]} {index + 1} must be an object {{…}}, not {_kind_of(value)}"
        error = ParseError(0, column, "WRONG_TYPE", message)
        if array == "entries":
            return RejectedEntry("", "", (), (), (error,))
        return error

    # --- objects

    def _declare(self, array: str, obj: dict[str, Any], index: int, dups: list[tuple[int, str]],
                 oversize: bool) -> MasterRecord | list[Item]:  # fmt: skip
        """A MasterRecord, or the declaration's errors."""
        adapter, kind, code_key, label_key = _DECLARATIONS[array]
        base = f"{array}[{index}]"
        code = obj.get(code_key)
        shown_code = f" ({shown(code)})" if isinstance(code, str) and code and not _is_mark(code) else ""
        name = f"{_SINGULAR[array]} {index + 1}{shown_code}"
        problems: list[tuple[str, str, str]] = []
        if oversize:
            problems.append(
                (
                    base,
                    "OBJECT_TOO_LARGE",
                    f"is larger than {_size(MAX_OBJECT_BYTES)} of JSON; it was not read",
                )
            )
        else:
            errors: list[Any] = _marks(obj) if self._guard.replaced or self._guard.nul_seen else []
            try:
                data = adapter.validate_python(obj, context=self._context)
            except ValidationError as exc:
                errors += [e for e in exc.errors(include_url=False) if not _is_mark(e.get("input"))]
            if not errors:
                limits = ((code_key, MASTER_CODE_MAX[kind]), (label_key, MASTER_LABEL_MAX),
                          ("company", FIELD_MAX["company"]))  # fmt: skip
                errors = [_too_long((key,), data[key], limit)
                          for key, limit in limits if len(data.get(key) or "") > limit]  # fmt: skip
            for error in errors:
                code_, tail = _explain(error, _KEYS[array], self._places)
                problems.append((_path(base, error["loc"]), code_, tail))
        if not oversize:
            problems.extend((f"{base}.{k}", "DUPLICATE_KEY", f"{k} is given twice") for _, k in dups)
        if problems:
            found: list[Item] = [
                ParseError(0, column, code_, f"{name}: {tail}") for column, code_, tail in problems
            ]
            return found
        company = data.get("company") or self._company
        label, code = data[label_key], data[code_key]
        labels = self._labels.get(kind)
        if labels is not None and len(labels) < 100_000:
            labels[code] = label
        self._emitted += 1
        return MasterRecord(kind, code, label, data.get("kind") or "", company, 0)  # type: ignore[arg-type]

    def _entry(self, obj: dict[str, Any], index: int, n_lines: int, dups: list[tuple[int, str]],
               oversize: bool) -> Entry | list[Item]:  # fmt: skip
        """The Entry (the common case), or a list: its findings then the Entry, or the RejectedEntry."""
        first = self._lines_before + 1
        self._lines_before += n_lines
        self.line_count = self._lines_before
        self._emitted += 1
        if oversize or dups:  # (an oversized entry's keys went to scratch: no duplicates to tell)
            return [self._refuse(obj, index, first, n_lines, [], [] if oversize else dups, oversize)]
        marks = _marks(obj) if self._guard.replaced or self._guard.nul_seen else []
        try:
            data: EntryIn = _ENTRY.validate_python(obj, context=self._context)
        except ValidationError as exc:
            errors = marks + [e for e in exc.errors(include_url=False) if not _is_mark(e.get("input"))]
            return [self._refuse(obj, index, first, n_lines, errors, dups, oversize)]
        if marks:
            return [self._refuse(obj, index, first, n_lines, marks, dups, oversize)]
        journal, number, day = data["journal"], data["number"], data["date"]
        label = data.get("label") or ""
        currency = data.get("currency") or ""
        company = data.get("company") or ""
        problems: list[dict[str, Any]] = []
        if (
            len(journal) > _M_JOURNAL
            or len(number) > _M_NUMBER
            or len(label) > _M_LABEL
            or len(company) > _M_COMPANY
        ):
            problems = [
                _too_long((key,), value, FIELD_MAX[field])
                for key, value, field in (("journal", journal, "journal_code"), ("number", number, "entry_number"),
                                          ("label", label, "label"), ("company", company, "company"))
                if len(value) > FIELD_MAX[field]
            ]  # fmt: skip
        m_acc, m_aux, m_ref, m_lab, m_let, m_ana, m_inv, big = (
            *(FIELD_MAX[f] for f in ("account_number", "aux_number", "piece_ref", "label", "lettering", "analytic",
                                     "invoice_ref")),
            AMOUNT_MAX,
        )  # fmt: skip
        jlabel = self._labels["journal"].get(journal, "")
        accounts, parties = self._labels["account"], self._labels["third_party"]
        make = new_entry_line
        out: list[EntryLine] = []
        notes: list[ParseError] | None = None
        debits = credits = 0
        line_no = first
        account_label, party_label, add = accounts.get, parties.get, out.append
        lines: list[dict[str, Any]] = data["lines"]  # type: ignore[assignment]
        for ln in lines:
            get = ln.get
            debit = get("debit") or 0
            credit = get("credit") or 0
            if debit < 0 or credit < 0 or (debit == 0) == (credit == 0):
                if notes is None:
                    notes = []
                debit, credit = _sides(
                    debit, credit, line_no, f"entries[{index}].lines[{line_no - first}]", notes, self._places
                )
            account = ln["account"]
            aux = get("thirdParty") or ""
            piece, text, letter, section = get("pieceRef") or "", get("label") or "", get("lettering") or "", get("analytic") or ""  # fmt: skip
            invoice = get("invoiceRef") or ""
            if (
                len(account) > m_acc or len(aux) > m_aux or len(piece) > m_ref or len(text) > m_lab
                or len(letter) > m_let or len(section) > m_ana or len(invoice) > m_inv or debit > big or credit > big
            ):  # fmt: skip
                problems += _line_problems(ln, line_no - first, debit, credit)
            add(make(line_no, journal, jlabel, number, day, account, account_label(account, ""), aux,
                     party_label(aux, "") if aux else "", piece, get("pieceDate"), text or label, debit,
                     credit, letter, None, None, None, currency, section, get("dueDate"), invoice))  # fmt: skip
            debits += debit
            credits += credit
            line_no += 1
        if problems:
            return [self._refuse(obj, index, first, n_lines, problems, [], False)]
        if debits != credits:
            message = (
                f"is unbalanced: debit {_cents_text(debits, self._places)}, credit "
                f"{_cents_text(credits, self._places)}, difference {_cents_text(debits - credits, self._places)}"
            )
            return [self._refuse(obj, index, first, n_lines, [], [], False, ("UNBALANCED_ENTRY", message))]
        why = entry_total_message(debits, ".", self._places)
        if why is not None:
            too_large = ("ENTRY_TOTAL_TOO_LARGE", f"is too large: {why}")
            return [self._refuse(obj, index, first, n_lines, [], [], False, too_large)]
        entry = new_entry(journal, jlabel, number, day, tuple(out), data.get("company") or self._company)
        if notes is None:
            return entry
        name = _entry_name(index, journal, number)
        found: list[Item] = [
            ParseError(note.line, note.column, note.code, f"{name}, {note.message}", note.severity)
            for note in notes
        ]
        found.append(entry)
        return found

    def _refuse(self, obj: dict[str, Any], index: int, first: int, n_lines: int, errors: list[Any],
                dups: list[tuple[int, str]], oversize: bool,
                entry_error: tuple[str, str] | None = None) -> RejectedEntry:  # fmt: skip
        journal, number = obj.get("journal"), obj.get("number")
        journal = journal if isinstance(journal, str) and not _is_mark(journal) else ""
        number = number if isinstance(number, str) and not _is_mark(number) else ""
        name = _entry_name(index, journal, number)
        base = f"entries[{index}]"
        at_entry = first if n_lines else 0
        found: list[ParseError] = []
        if oversize:
            message = f"{name} is larger than {_size(MAX_OBJECT_BYTES)} of JSON; it was not read (split it)"
            found.append(ParseError(at_entry, base, "ENTRY_TOO_LARGE", message))
        if entry_error is not None:
            found.append(ParseError(at_entry, None, entry_error[0], f"{name} {entry_error[1]}"))
        keys = {"entry": _KEYS["entry"], "line": _KEYS["line"]}
        for error in errors[:100]:
            loc = error["loc"]
            code, tail = _explain(
                error, keys["line" if len(loc) > 2 and loc[0] == "lines" else "entry"], self._places
            )
            if code == "TOO_MANY_LINES" or code == "NO_LINES":
                found.append(ParseError(at_entry, f"{base}.lines", code, f"{name}: {tail}"))
            elif len(loc) > 1 and loc[0] == "lines" and isinstance(loc[1], int):
                where = f"{name}, line {loc[1] + 1}: {tail}"
                found.append(ParseError(first + loc[1], _path(base, loc), code, where))
            else:
                found.append(ParseError(at_entry, _path(base, loc), code, f"{name}: {tail}"))
        if len(errors) > 100:
            message = f"{name}: {len(errors) - 100} more errors not listed"
            found.append(ParseError(at_entry, base, "MORE_ERRORS", message))
        for at, key in dups:
            line = first + at if at >= 0 else at_entry
            column = f"{base}.lines[{at}].{key}" if at >= 0 else f"{base}.{key}"
            where = f"{name}, line {at + 1}" if at >= 0 else name
            found.append(ParseError(line, column, "DUPLICATE_KEY", f"{where}: {key} is given twice"))
        listed = min(n_lines, MAX_LINES + 1)
        if n_lines > listed:
            message = (
                f"{name}: its lines {first + listed:,} to {first + n_lines - 1:,} ({base}.lines[{listed}] and "
                "after) were not read either"
            )
            found.append(ParseError(first + listed, f"{base}.lines[{listed}]", "TOO_MANY_LINES", message))
        text = "" if oversize else _dump(_with_company(obj, self._company))
        raw = (text, *([""] * (listed - 1))) if listed else ()
        return RejectedEntry(journal, number, tuple(range(first, first + listed)), raw, tuple(found))


def _where(ctx: int, top_key: str, index: int, n_lines: int, key: str, named: bool) -> str:
    """The path of the value the walk is in (`ctx`, as the loop's variables say; `named`: the value of the
    last key read, else the next key or element), for a located error."""
    if ctx == _TOP:
        return shown(top_key, 20) if named else "the document"
    top, field = shown(top_key, 20), f".{shown(key, 20)}" if named else ""
    if ctx in (_LINE, _LINES):
        line = f"{top}[{index}].lines[{max(n_lines - 1, 0)}]"
        return f"{line}{field}" if ctx == _LINE else line
    if ctx == _OBJECT:
        return f"{top}[{index}]{field}"
    if ctx in (_ARRAY, _NESTED, _SKIP) and top_key in _ARRAYS:
        return f"{top}[{max(index, 0)}]"
    return top or "the document"


def _marks(value: Any, loc: tuple[int | str, ...] = ()) -> list[dict[str, Any]]:
    """An error (as pydantic gives them) for each number too long to read within `value`, and each string
    holding U+0000."""
    if _is_mark(value):
        return [{"type": "number_too_long", "loc": loc, "input": value}]
    if type(value) is str and "\x00" in value:
        return [{"type": "nul_character", "loc": loc, "input": value}]
    if type(value) is dict:
        return [e for k, v in value.items() for e in _marks(v, (*loc, k))]
    if type(value) is list:
        return [e for i, v in enumerate(value) for e in _marks(v, (*loc, i))]
    return []


def _too_long(loc: tuple[int | str, ...], value: str, limit: int) -> dict[str, Any]:
    return {"type": "field_too_long", "loc": loc, "input": value, "ctx": {"max_length": limit}}


def _line_problems(ln: dict[str, Any], at: int, debit: int, credit: int) -> list[dict[str, Any]]:
    """FIELD_TOO_LONG and AMOUNT_TOO_LARGE errors of line `at` of an entry (pydantic's error shape)."""
    out: list[dict[str, Any]] = []
    for key, field in (("account", "account_number"), ("thirdParty", "aux_number"), ("pieceRef", "piece_ref"),
                       ("label", "label"), ("lettering", "lettering"), ("analytic", "analytic"),
                       ("invoiceRef", "invoice_ref")):  # fmt: skip
        value = ln.get(key) or ""
        if len(value) > FIELD_MAX[field]:
            out.append(_too_long(("lines", at, key), value, FIELD_MAX[field]))
    for key, value in (("debit", debit), ("credit", credit)):
        if value > AMOUNT_MAX:  # as given, or the sum of both sides once a negative one moved over
            out.append({"type": "amount_too_large", "loc": ("lines", at, key), "input": value})
    return out


def _size(n: int) -> str:
    return f"{n / 2**20:g} MiB" if n >= 2**20 else f"{n / 1024:g} KiB"


def _entry_name(index: int, journal: str, number: str) -> str:
    name = f"{shown(journal, 20)} {shown(number)}".strip()
    return f"entry {index + 1}" + (f" ({name})" if name else "")


def _sides(debit: int, credit: int, line_no: int, path: str, notes: list[ParseError], places: int) -> tuple[int, int]:  # fmt: skip
    """Negative amounts move to the other side (net unchanged); both sides or none filled: findings."""
    if debit < 0 or credit < 0:
        column = f"{path}.debit" if debit < 0 else f"{path}.credit"
        debit, credit = max(debit, 0) + max(-credit, 0), max(credit, 0) + max(-debit, 0)
        message = f"{column.rsplit('.', 1)[1]} is negative: recorded as debit {_cents_text(debit, places)}, credit {_cents_text(credit, places)}"
        notes.append(ParseError(line_no, column, "NEGATIVE_AMOUNT", message, "finding"))
    if debit and credit:
        message = (
            f"debit {_cents_text(debit, places)} and credit {_cents_text(credit, places)} are both filled; "
            "both are kept"
        )
        notes.append(ParseError(line_no, path, "DEBIT_AND_CREDIT", message, "finding"))
    elif not debit and not credit:
        notes.append(ParseError(line_no, path, "ZERO_AMOUNT", "the line's amount is zero", "finding"))
    return debit, credit


def _open(ev: str, parent: dict[str, Any], key: str, back: int) -> list[Any]:
    """The frame of a container met where a scalar is expected (kept, for the error and the raw text)."""
    new: Any = {} if ev == "start_map" else []
    parent.setdefault(key, new)
    return [new, None, back]


def _is_version(value: object) -> bool:
    return (type(value) is int or type(value) is Decimal) and value == VERSION


def _company_too_long(company: str) -> ParseError:
    limit = FIELD_MAX["company"]
    message = (
        f"company '{shown(company)}' is {len(company):,} characters long; a company code has at most {limit}"
    )
    return ParseError(0, "company", "FIELD_TOO_LONG", message)


def _bad_version(value: object) -> ParseError:
    if isinstance(value, str) and not _is_mark(value):
        message = f'version must be the number 1, not the string {_shown(value)}: write "version": 1'
    else:
        message = f'version {_shown(value)} is not supported: this is version 1 of the format ("version": 1)'
    return ParseError(0, "version", "UNSUPPORTED_VERSION", message)


def _unknown_top_key(key: str) -> ParseError:
    close = difflib.get_close_matches(key[:40], _KEYS[""], n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(_KEYS[''])}"
    message = f"unknown key '{shown(key)}' in the document{hint}; it was ignored"
    return ParseError(0, shown(key, 30), "UNKNOWN_FIELD", message)


def _with_company(obj: dict[str, Any], default: str) -> dict[str, Any]:
    if not default or (isinstance(obj.get("company"), str) and obj["company"]):
        return obj
    return {**obj, "company": default}


def _dump(value: Any) -> str:
    """JSON text of a value as ijson built it (exact Decimal numbers kept as written)."""
    kind = type(value)
    if kind is dict:
        return (
            "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{_dump(v)}" for k, v in value.items()) + "}"
        )
    if kind is list:
        return "[" + ",".join(_dump(v) for v in value) + "]"
    if kind is Decimal or kind is int:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


_YAJL_REASONS = {
    "premature EOF": "the document ends before it is complete (cut short?)",
    "trailing garbage": "there is more text after the end of the document",
    "invalid char in json text": "unexpected character",
    "invalid string in json text": "unexpected word (true, false and null are lower case; strings need double quotes)",
    "invalid object key (must be a string)": "a key must be a string in double quotes (a comma too many?)",
    "unallowed token at this point in JSON text": "unexpected token (a comma too many, or one missing?)",
    "after key and value, inside map, I expect ',' or '}'": "expected ',' or '}' (a comma missing?)",
    "after array element, I expect ',' or ']'": "expected ',' or ']' (a comma missing?)",
    "object key and value must be separated by a colon (':')": "expected ':' between a key and its value",
    "invalid bytes in UTF8 string": "bytes that are not UTF-8 (JSON documents must be UTF-8)",
    "inside a string, '\\' occurs before a character which it may not": (
        'a backslash in a string must start an escape: \\\\, \\", \\n, \\t, \\uXXXX…'
    ),
    "invalid character inside string": "a control character inside a string (write it \\n, \\t…)",
}


def _syntax_error(
    exc: Exception, data: bytes, start: int, newlines: int, first: bool, at_end: bool
) -> ParseError:
    """A file-level error saying where the JSON breaks (line, column, byte) and the text around it.
    `data` is the block of bytes the tokeniser stopped in, starting at byte `start` of the file after
    `newlines` line ends; `first`: it is the first block; `at_end`: the document ended too early."""
    text = str(exc)
    if text.startswith(("b'", 'b"')):  # ijson could not decode yajl's message (non-UTF-8 bytes in it)
        text = text[2:-1].encode("latin-1", "replace").decode("unicode_escape", "replace")
    parts = text.split("\n")
    reason = parts[0].split(": ", 1)[-1].strip().rstrip(".")
    code = "BAD_ENCODING" if "UTF8" in reason else "TRUNCATED" if at_end else "NOT_JSON"
    if not isinstance(exc, ijson.JSONError):  # Python refused a value yajl read (an integer of 4,300+ digits)
        reason = f"a value cannot be read ({str(exc).split(chr(10))[0][:100]})"
    offset = (
        len(data.rstrip(b" \t\r\n"))
        if at_end
        else _error_offset(parts[1].encode("utf-8", "replace") if len(parts) > 2 else b"", data)
    )
    if offset is None:
        message = (
            f"The document is not valid JSON between bytes {start + 1:,} and {start + len(data):,}: {reason}"
        )
        return ParseError(0, None, code, message)
    before = data[:offset]
    line = newlines + before.count(b"\n") + 1
    where = f"line {line:,}"
    if first or b"\n" in before:  # the line starts in this block: its column is known
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + (0 if at_end else 1)
        where += f", column {column:,}"
    where += f" (byte {start + offset + (0 if at_end else 1):,})"
    shown = (
        data[max(0, offset - 25) : offset + 15]
        .decode("utf-8", "replace")
        .replace("\n", " ")
        .replace("\r", " ")
    )
    near = f" near '{shown.strip()}'" if shown.strip() else ""
    if at_end:
        message = f"The document is cut short: it stops at {where}{near}, before its end (a '}}' is missing)"
        return ParseError(0, None, code, message)
    message = f"The document is not valid JSON at {where}{near}: {_YAJL_REASONS.get(reason, reason)}"
    return ParseError(0, None, code, message)


def _error_offset(context: bytes, data: bytes) -> int | None:
    """Where yajl stopped in `data`: its message shows the bytes around the spot, the spot at column 40
    (yajl_render_error_string: 30 bytes before, 30 after, CR/LF shown as spaces)."""
    if len(context) <= 40 or not data:
        return None
    flat = data.replace(b"\n", b" ").replace(b"\r", b" ")
    padding = len(context) - len(context.lstrip(b" "))
    if padding > 10:  # the spot is within the first 30 bytes: the context starts with data[0]
        for offset in range(0, 31):
            if context[40 - offset :] == flat[: len(context) - 40 + offset]:
                return offset
    found = flat.find(context[10:])
    return None if found < 0 else found + 30


class _EntryTexts(JsonFile):
    """Reads a document again for the texts of the entries holding some line numbers (no validation)."""

    def __init__(self, stream: BinaryIO, lines: Collection[int]) -> None:
        self._wanted = sorted(lines)
        super().__init__(stream)

    def _entry(self, obj: dict[str, Any], index: int, n_lines: int, dups: list[tuple[int, str]],
               oversize: bool) -> list[Any]:  # fmt: skip
        first = self._lines_before + 1
        self._lines_before += n_lines
        at = bisect_left(self._wanted, first)
        if oversize or at == len(self._wanted) or self._wanted[at] >= first + n_lines:
            return []
        return [_dump(_with_company(obj, self._company))]


def entry_texts(stream: BinaryIO, lines: Collection[int]) -> Iterator[str]:
    """The JSON text of each entry holding one of `lines` (line-object numbers), with its company filled
    in, as `RejectedEntry.raw_lines` gives it, in document order: for entries refused after the parse (by
    staging: unknown company, no open fiscal year), whose refusal has no text. Nothing for a document that
    cannot be read, or an entry too large to keep."""
    items: Iterator[object] = _EntryTexts(stream, lines).items()
    return (item for item in items if isinstance(item, str))


def rejected_document(texts: Iterable[str]) -> bytes:
    """A document (UTF-8, version 1, entries only) made of refused entries' texts (`RejectedEntry.raw_lines`,
    in order; the "" of their other lines are skipped): the sender fixes it and sends it again."""
    body = ",\n".join(text for text in texts if text)
    return ('{"version": 1, "entries": [\n' + body + ("\n" if body else "") + "]}\n").encode("utf-8")


def open_json(stream: BinaryIO, filename: str | None = None, places: int = 2) -> JsonFile:
    """Open a JSON entries document: encoding, first bytes, end and leading keys are checked now, the
    objects when `items()` runs. Amounts are read in a currency of `places` decimals (the company's)."""
    return JsonFile(stream, filename, places)


if __name__ == "__main__":
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
