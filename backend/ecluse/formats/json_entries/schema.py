"""The published document of partner applications: its TypedDicts (validated by pydantic, and the JSON
Schema `json_schema()` writes to docs/formats/ecluse-entries.schema.json), the amount and date
validators behind them, and the limits they carry (MAX_LINES, MAX_STRING).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, NotRequired, cast

from pydantic import (
    ConfigDict,
    Field,
    PlainValidator,
    TypeAdapter,
    ValidationInfo,
    WithJsonSchema,
    with_config,
)
from pydantic_core import PydanticCustomError
from typing_extensions import TypedDict

from ecluse.formats.dates import calendar, not_in_form, parse_date
from ecluse.formats.json_entries.guards import NUMBER_MARK
from ecluse.formats.limits import FIELD_MAX, MASTER_CODE_MAX, MASTER_LABEL_MAX
from ecluse.formats.messages import date_reason as _date_reason
from ecluse.money import (
    AMOUNT_MAX,
    AmountError,
    decimals_error,
    exact_minor,
    format_amount,
    minor_units,
    why_not,
)

VERSION = 1
MAX_LINES = 10_000  # lines per entry
MAX_STRING = 10_000  # characters per string


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
            raise _amount_error({"reason": "number_too_long"})
        raise _amount_error(_amount_hint(text, places))
    if kind is int or kind is Decimal:
        number = cast("int | Decimal", value)
        if isinstance(number, Decimal) and not number.is_finite():
            raise _amount_error({"reason": "form"})
        if not -(10**15) < number < 10**15:
            raise _amount_error({"reason": "too_large", "digits": 15})
        try:  # exactly: 1E-999999 is refused, not rounded to 0
            return exact_minor(number, places)
        except AmountError as exc:
            raise _amount_error(exc.params) from None
    raise _amount_error({"reason": "not_an_amount"})


def _amount_error(reason: dict[str, str | int]) -> PydanticCustomError:
    """An amount refused, with its reason (money.why_not) for BAD_AMOUNT's parameters."""
    return PydanticCustomError("amount", "{why}", {"why": why_not(reason), **reason})


def _amount_hint(text: str, places: int) -> dict[str, str | int]:
    """Why `text` is not an amount written 1234.56, with what to write when it can tell."""
    probe = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in probe and "." not in probe and probe.count(",") == 1:
        candidate = probe.replace(",", ".")
        try:
            return {"reason": "form", "write": _cents_text(_amount(candidate, places), places)}
        except PydanticCustomError:
            pass
    if probe != text or probe.count(",") + probe.count(".") > 1:
        return {"reason": "spaces"}
    whole, _, decimals = probe.lstrip("-+").partition(".")
    if whole.isdecimal() and decimals.isdecimal() and len(decimals) > places:
        return decimals_error(places).params
    if whole.isdecimal() and len(whole) > 15:
        return {"reason": "too_large", "digits": 15}
    return {"reason": "form", "write": "1234.56 (a dot before the cents, an optional minus)"}


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
                found, reason = calendar(int(year), int(month), int(day))
                if found is None:
                    raise PydanticCustomError("date", "{why}", {"why": _date_reason(reason), **reason})
                if len(_dates) > 50_000:
                    _dates.clear()
                _dates[text] = found
                return found
        read, _, _ = parse_date(text)
        reason = not_in_form(
            "YYYY-MM-DD", read.isoformat() if read is not None else "YYYY-MM-DD (2026-01-31)"
        )
        raise PydanticCustomError("date", "{why}", {"why": _date_reason(reason), **reason})
    reason = not_in_form("YYYY-MM-DD", '"2026-01-31" (a string, in double quotes)')
    raise PydanticCustomError("date", "{why}", {"why": _date_reason(reason), **reason})


#: money.AMOUNT_MAX in units of a 2-decimal currency (10^13): the schema checks amounts as in EUR, the parser
#: with the decimals of the company's currency (its `places`).
_UNITS_MAX = (AMOUNT_MAX + 1) // 100
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
    "description": 'A string "1234.56" (dot decimal, optional minus; "" = 0) or a JSON number (read exactly), '
    "with at most the currency's number of decimals (ISO 4217: 2 for EUR, 0 for JPY, 3 for TND; the currency "
    "of the company the document is imported into), below 10,000,000,000,000 in absolute value (in EUR). This "
    "schema checks amounts as in EUR (2 decimals); Écluse reads them with the decimals of the company's "
    "currency. A negative amount is moved to the other side.",
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
JournalKind = Literal["bank", "cash", "purchases", "sales", "general", "other"]
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


def _cents_text(minor: int, places: int) -> str:
    return format_amount(minor, places, ".")
