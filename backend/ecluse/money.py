"""Exact money: integer minor units in storage and arithmetic, `Decimal` at the edges. Never float.

Every amount of the product is read and written here: a currency's number of decimals (`exponent`, from the
ISO 4217 table of the `iso4217` package, kept up to date by its maintainers; an unknown code is an error,
never a silent 2), amounts in a file's text form (`parse_amount`: the FEC's and TRA's decimal comma with a
sign before or after; `parse_grouped`: a layout's decimal and thousands separators), digits and exact
numbers into minor units (`minor_units`, `exact_minor`: more decimals than the currency has are refused),
amounts with a sign column (`signed`), and amounts as text (`format_amount`). Parsers are told the
decimals (`places`) of the company's currency; storage and the API use `to_minor` / `to_decimal`.
Babel's locale data is not used: it disagrees with ISO 4217 on HUF, COP, IDR, IQD and is only meant for
display to people in a locale, which the backend does not do (the web app formats what the API sends).

Leaf module: it imports nothing else of ecluse, so the pure parsers in `formats/` may use it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from functools import cache, lru_cache

import iso4217


class UnknownCurrency(ValueError):
    """A currency code that is not in ISO 4217 (`reason` unknown), or one without minor units (no_minor_unit:
    gold, test codes)."""

    def __init__(self, currency: str, reason: str) -> None:
        self.currency, self.reason = currency, reason
        if reason == "unknown":
            super().__init__(f"'{currency}' is not an ISO 4217 currency code")
        else:
            super().__init__(
                f"{currency} has no minor unit in ISO 4217 (it is not a currency amounts are kept in)"
            )


@cache
def exponent(currency: str) -> int:
    """The currency's number of decimals (ISO 4217 minor units): EUR 2, JPY 0, TND 3."""
    code = currency.strip().upper()
    entry = iso4217.raw_table.get(code) if len(code) == 3 else None
    if entry is None:
        raise UnknownCurrency(currency, "unknown")
    units = entry.get("CcyMnrUnts")
    if not isinstance(units, str) or not units.isdecimal():
        raise UnknownCurrency(code, "no_minor_unit")
    return int(units)


@lru_cache(maxsize=1024)
def exponent_or(currency: str, default: int) -> int:
    """The decimals of `currency`, or `default` when it is empty or not an ISO 4217 code: a FEC's Idevise
    (the currency of Montantdevise) need not name one."""
    if not currency:
        return default
    try:
        return exponent(currency)
    except UnknownCurrency:
        return default


def to_decimal(minor: int, currency: str = "EUR") -> Decimal:
    """1138_50 → Decimal('1138.50') (the currency's number of decimals, kept)."""
    return decimal_of(minor, exponent(currency))


def decimal_of(minor: int, places: int) -> Decimal:
    """1138_50, 2 → Decimal('1138.50'): minor units of a currency of `places` decimals, as a Decimal."""
    return Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def to_minor(amount: Decimal, currency: str = "EUR") -> int:
    """Decimal('1138.5') → 113850. Refuses amounts with more decimals than the currency has."""
    scaled = amount.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} has more decimals than {currency} allows")
    return int(scaled)


# --- text ------------------------------------------------------------------------------------------------


class AmountError(ValueError):
    """Why a text is not an amount: `params`, a `reason` and its values, that BAD_AMOUNT carries (the web app
    renders them); str() is the English (`why_not`), completing "Debit '12,3x' …"."""

    def __init__(self, reason: str, **params: str | int) -> None:
        self.params: dict[str, str | int] = {"reason": reason, **params}
        super().__init__(why_not(self.params))


def why_not(p: Mapping[str, object]) -> str:
    """The English of an amount's `reason` (AmountError; the TRA and JSON readers give the same reasons)."""
    reason = p.get("reason")
    if reason == "decimals":
        places = int(str(p["places"]))
        return "has decimals, and the currency has none" if places == 0 else f"has more than {places} decimal{'s' if places > 1 else ''}"  # fmt: skip
    texts = {
        "form": "is not an amount"
        + (f" (expected {p['expected']} with a decimal comma)" if "expected" in p else "")
        + (f": write {p['write']}" if "write" in p else ""),
        "too_large": "is too large" + (f" (at most {p['digits']} digits before the point)" if "digits" in p else ""),
        "number_too_long": "is a number too long to read",
        "spaces": "has thousands separators or spaces: write 1234.56",
        "not_an_amount": 'must be an amount like "1234.56" (a string or a number)',
        "exponent": f"is too large or has more than {p.get('places')} decimals",
        "thousands": "has thousands separators (not allowed: write 1234,56)",
        "ambiguous": "is ambiguous: '.' may separate thousands or decimals ("
        + ("the FEC uses ','" if p.get("format") == "FEC" else f"{p.get('format')} amounts use ','")
        + ")",
        "two_signs": "has two signs",
        "plus_after": "has a plus after the number (a plus must come before it)",
        "two_decimal_separators": f"has more than one decimal separator '{p.get('separator')}'",
        "misplaced_thousands": f"has a misplaced thousands separator '{p.get('separator')}'",
        "other_decimal": f"uses '{p.get('found')}'; this layout's decimal separator is '{p.get('separator')}'",
    }  # fmt: skip
    return texts.get(str(reason)) or str(p.get("why", "is not an amount"))


def decimals_error(places: int) -> AmountError:
    return AmountError("decimals", places=places)


def minor_units(whole: str, fraction: str, places: int) -> int:
    """ASCII digits before and after the point → minor units of a currency with `places` decimals. Digits
    past `places` must be zeros ('12,500' is 1250 cents); anything else is an AmountError."""
    if len(fraction) > places:
        if fraction[places:].strip("0"):
            raise decimals_error(places)
        fraction = fraction[:places]
    scale: int = 10**places
    return int(whole or "0") * scale + int(fraction.ljust(places, "0") or "0")


def exact_minor(value: Decimal | int, places: int) -> int:
    """An exact number (a JSON number read as Decimal) → minor units; more decimals than `places` (non-zero
    ones) is an AmountError. Exact whatever its exponent: 1E-999999 is refused, not rounded to 0."""
    if isinstance(value, int):
        scale: int = 10**places
        return value * scale
    _, digits, exp = value.as_tuple()
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if isinstance(exp, int) and exp + zeros < -places and any(digits):
        raise decimals_error(places)
    return int(value.scaleb(places))


_AMOUNT = re.compile(r"([+-]?)(\d*)(?:([,.])(\d*))?([+-]?)")
_EXPONENT_FORM = re.compile(r"[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+")


def parse_amount(
    text: str,
    places: int = 2,
    *,
    dot: str = "DOT_DECIMAL",
    exponent_form: bool = False,
    separators_hint: bool = True,
    max_digits: int = 15,
    kind: str = "FEC",
    extra_zeros: str | None = None,
) -> tuple[int, str | None]:
    """An amount written with a decimal comma, a sign before or after the number, no thousands separator (the
    FEC's A47 A-1 XII form, and Cegid TRA's) → (signed minor units, finding code or None). A '.' as decimal
    point is read with the finding `dot` when it cannot be a thousands separator (at most 2 digits after
    it); `exponent_form` tolerates 1,5E+03 with AMOUNT_EXPONENT (as TCD does); decimals beyond `places` are
    read when they are zeros, with the finding `extra_zeros` (when given) past 2 and past `places`. Empty text is 0. Raises
    AmountError saying what is wrong."""
    if not text:
        return 0, None
    m = _AMOUNT.fullmatch(text)
    if m is None:
        if exponent_form and _EXPONENT_FORM.fullmatch(text):
            scaled = Decimal(text.replace(",", ".")).scaleb(places)
            if abs(scaled) >= 10 ** (max_digits + places) or scaled != scaled.to_integral_value():
                raise AmountError("exponent", places=places)
            return int(scaled), "AMOUNT_EXPONENT"
        if separators_hint and (" " in text or text.count(",") + text.count(".") > 1):
            raise AmountError("thousands")
        raise AmountError("form")
    lead, whole, point, decimals, trail = m.groups()
    decimals = decimals or ""
    if (lead and trail) or not (whole or decimals) or len(whole) > max_digits:
        raise AmountError("form" if len(whole) <= max_digits else "too_large")
    finding = None
    if point == ".":
        if len(decimals) > 2:
            raise AmountError("ambiguous", format=kind)
        finding = dot
    value = minor_units(whole, decimals, places)
    if finding is None and extra_zeros is not None and len(decimals) > max(places, 2):
        finding = (
            extra_zeros  # zeros (minor_units refuses others); 2 decimals are the norm even without cents
        )
    return (-value if "-" in (lead, trail) else value), finding


def parse_grouped(text: str, places: int = 2, *, decimal: str = ",", thousands: str = "", max_digits: int = 15) -> int:  # fmt: skip
    """Signed minor units of `text` written with the given separators: a minus before or after the number,
    an optional plus before it; thousands separators are optional but, when present, must split the whole
    part in groups of three. Raises AmountError saying what is wrong."""
    s = text.strip()
    negative = False
    if s.endswith("-"):
        negative, s = True, s[:-1].rstrip()
    if s[:1] in ("+", "-"):
        if negative:
            raise AmountError("two_signs")
        negative, s = s[0] == "-", s[1:].lstrip()
    if s.endswith("+"):
        raise AmountError("plus_after")
    if s.count(decimal) > 1:
        raise AmountError("two_decimal_separators", separator=decimal)
    whole, _, fraction = s.partition(decimal)
    if thousands and thousands in whole:
        groups = whole.split(thousands)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise AmountError("misplaced_thousands", separator=thousands)
        whole = "".join(groups)
    if not (whole or fraction) or not (whole + fraction).isascii() or not (whole + fraction).isdecimal():
        other = {",": ".", ".": ","}.get(decimal, "")
        if other and other in s and other != thousands:
            raise AmountError("other_decimal", found=other, separator=decimal)
        raise AmountError("form")
    if len(whole) > max_digits:
        raise AmountError("too_large")
    value = minor_units(whole, fraction, places)
    return -value if negative else value


def signed(amount: int, sign: str, debit: frozenset[str], credit: frozenset[str]) -> int | None:
    """An amount with its sign column (`debit` codes such as D or +1, `credit` codes such as C or -1) →
    signed minor units, debit positive; None when `sign` is neither."""
    if sign in debit:
        return amount
    if sign in credit:
        return -amount
    return None


def format_amount(minor: int, places: int = 2, point: str = ",", thousands: str = "", sign: str = "before") -> str:  # fmt: skip
    """Minor units as text: 12345 → '123,45' (2 places); 1138 → '1138' (0 places); a minus before the
    number, or after it with sign='after' ('123,45-'); thousands grouped when `thousands` is given."""
    digits = str(abs(minor)).rjust(places + 1, "0")
    whole, fraction = (digits[:-places], digits[-places:]) if places else (digits, "")
    if thousands:
        whole = f"{int(whole):,}".replace(",", thousands)
    text = f"{whole}{point}{fraction}" if places else whole
    if minor >= 0:
        return text
    return f"{text}-" if sign == "after" else f"-{text}"


# --- Limits (minor units) --------------------------------------------------------------------------------
# Amounts are BIGINT columns (signed 64-bit: at most 9,223,372,036,854,775,807) on SQLite and PostgreSQL, and
# SQLite's SUM() fails with "integer overflow" past that instead of widening. Every amount a parser accepts
# must stay summable: in an entry, in a batch, in a company's posted ledger, and in a report or an export
# that adds debits and credits together. Each limit below leaves room for the next level's sum.

#: One amount (a debit, a credit, a foreign-currency amount): 9,999,999,999,999.99 in a 2-decimal currency,
#: far beyond any real line, and 13 digits before the point as the FEC's 1234,56 form writes it.
AMOUNT_MAX = 10**15 - 1
#: The sum of one entry's debits (= its credits, balanced): ten lines at the largest amount.
ENTRY_TOTAL_MAX = 10**16
#: The sum of one batch's debits (one file, one company): entries that would take it past this are refused
#: with their own error (imports/feed.py), so a batch's totals always fit.
BATCH_TOTAL_MAX = 10**17
#: A company's posted ledger: its running debit and credit totals (Company.ledger_debit / ledger_credit) stay
#: at or below this, checked when a batch is validated, so that debit + credit (8 × 10^18) and any subtotal
#: of them still fit a signed 64-bit integer: no trial balance, report or export can overflow.
LEDGER_TOTAL_MAX = 4 * 10**18
