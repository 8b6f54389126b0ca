"""money: currencies' decimals from ISO 4217, amounts read and written with them, exactly."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecluse.formats.records import Entry, RejectedEntry
from ecluse.formats.registry import open_parser
from ecluse.money import (
    AMOUNT_MAX,
    AmountError,
    UnknownCurrency,
    exact_minor,
    exponent,
    format_amount,
    minor_units,
    parse_amount,
    parse_grouped,
    signed,
    to_decimal,
    to_minor,
)
from tests.formats import samples

# --- currencies ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "places"),
    [("EUR", 2), ("USD", 2), ("JPY", 0), ("KRW", 0), ("XOF", 0), ("CLP", 0), ("ISK", 0), ("TND", 3),
     ("BHD", 3), ("KWD", 3), ("OMR", 3), ("CLF", 4), ("UYW", 4),
     # ISO 4217 and the CLDR disagree on these (babel would say 0): storage follows ISO
     ("HUF", 2), ("COP", 2), ("IDR", 2), ("IQD", 3), ("eur", 2)],
)  # fmt: skip
def test_exponent_is_iso_4217(code: str, places: int) -> None:
    assert exponent(code) == places


@pytest.mark.parametrize(
    ("code", "why"),
    [("ZZZ", "not an ISO 4217 currency code"), ("", "not an ISO 4217"), ("EURO", "not an ISO 4217"),
     ("XAU", "no minor unit"), ("XXX", "no minor unit")],
)  # fmt: skip
def test_an_unknown_currency_is_an_error_not_two_decimals(code: str, why: str) -> None:
    with pytest.raises(UnknownCurrency, match=why):
        exponent(code)
    with pytest.raises(UnknownCurrency):
        to_decimal(100, code)


@pytest.mark.parametrize(
    ("minor", "code", "text"),
    [(113850, "EUR", "1138.50"), (1138, "JPY", "1138"), (1138500, "TND", "1138.500"), (-5, "TND", "-0.005"),
     (0, "JPY", "0"), (0, "EUR", "0.00")],
)  # fmt: skip
def test_decimal_edges(minor: int, code: str, text: str) -> None:
    assert str(to_decimal(minor, code)) == text
    assert to_minor(Decimal(text), code) == minor


def test_to_minor_refuses_more_decimals_than_the_currency_has() -> None:
    assert to_minor(Decimal("12.500"), "TND") == 12500
    assert to_minor(Decimal("12.00"), "JPY") == 12
    with pytest.raises(ValueError, match="more decimals than JPY"):
        to_minor(Decimal("12.5"), "JPY")
    with pytest.raises(ValueError, match="more decimals than TND"):
        to_minor(Decimal("0.0001"), "TND")


# --- the FEC form (decimal comma, sign before or after, no thousands separator) -----------------------------


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("1138", 0, (1138, None)), ("1138,00", 0, (1138, None)), ("-1138", 0, (-1138, None)),
        ("1138-", 0, (-1138, None)), ("", 0, (0, None)), ("1138.", 0, (1138, "DOT_DECIMAL")),
        ("1138,5", 2, (113850, None)), ("+1138,50", 2, (113850, None)), (",5", 2, (50, None)),
        ("1138.5", 2, (113850, "DOT_DECIMAL")), ("12,500", 2, (1250, None)),
        ("1138,5", 3, (1138500, None)), ("12,125", 3, (12125, None)), ("12,1250", 3, (12125, None)),
        ("0,001-", 3, (-1, None)), ("1,5", 3, (1500, None)), ("1.25", 3, (1250, "DOT_DECIMAL")),
    ],
)  # fmt: skip
def test_fec_form(text: str, places: int, expected: tuple[int, str | None]) -> None:
    assert parse_amount(text, places) == expected


@pytest.mark.parametrize(
    ("text", "places", "why"),
    [
        ("12,5", 0, "has decimals, and the currency has none"), ("0,01", 0, "has decimals"),
        ("12,345", 2, "has more than 2 decimals"), ("12,3456", 3, "has more than 3 decimals"),
        ("1.234", 2, "ambiguous"), ("1.234", 3, "ambiguous"), ("1 234,56", 2, "thousands separators"),
        ("1.234,56", 3, "thousands separators"), ("-1-", 2, "not an amount"), ("+", 2, "not an amount"),
        ("12,3x", 0, "not an amount"), ("9" * 16, 0, "too large"), ("1,5E+03", 2, "not an amount"),
    ],
)  # fmt: skip
def test_fec_form_refusals(text: str, places: int, why: str) -> None:
    with pytest.raises(AmountError, match=why):
        parse_amount(text, places)


def test_exponent_form_is_a_tolerance_the_caller_asks_for() -> None:
    assert parse_amount("1,5E+03", 2, exponent_form=True) == (150000, "AMOUNT_EXPONENT")
    assert parse_amount("1,5E+03", 0, exponent_form=True) == (1500, "AMOUNT_EXPONENT")
    with pytest.raises(AmountError, match="more than 0 decimals"):
        parse_amount("1,5E-01", 0, exponent_form=True)


# --- separators of a layout, sign columns -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "places", "decimal", "thousands", "expected"),
    [
        ("1.234,56", 2, ",", ".", 123456), ("1 234", 0, ",", " ", 1234), ("1,234.567", 3, ".", ",", 1234567),
        ("1234,5", 3, ",", "", 1234500), ("- 12", 0, ",", "", -12), ("12-", 2, ",", "", -1200),
        ("1'234'567.8", 2, ".", "'", 123456780),
    ],
)  # fmt: skip
def test_grouped_form(text: str, places: int, decimal: str, thousands: str, expected: int) -> None:
    assert parse_grouped(text, places, decimal=decimal, thousands=thousands) == expected


@pytest.mark.parametrize(
    ("text", "places", "why"),
    [("12,5", 0, "has decimals"), ("1,2345", 3, "more than 3 decimals"), ("12 €", 2, "is not an amount"),
     ("1.23,00", 2, "misplaced thousands"), ("-12-", 2, "two signs"), ("12+", 2, "plus after")],
)  # fmt: skip
def test_grouped_form_refusals(text: str, places: int, why: str) -> None:
    with pytest.raises(AmountError, match=why):
        parse_grouped(text, places, decimal=",", thousands=".")
    with pytest.raises(AmountError, match=r"uses '\.'; this layout's decimal separator is ','"):
        parse_grouped("12.5", places, decimal=",")


def test_sign_columns() -> None:
    dc = frozenset({"D"}), frozenset({"C"})
    pm = frozenset({"+", "+1"}), frozenset({"-", "-1"})
    assert signed(1250, "D", *dc) == 1250
    assert signed(1250, "C", *dc) == -1250
    assert signed(1250, "-1", *pm) == -1250
    assert signed(1250, "X", *dc) is None
    assert signed(-5, "C", *dc) == 5  # a negative credit is a debit: the net is kept


def test_minor_units_and_exact_numbers() -> None:
    assert minor_units("12", "5", 3) == 12500
    assert minor_units("", "05", 2) == 5
    assert minor_units("7", "", 0) == 7
    assert exact_minor(Decimal("12.5"), 3) == 12500
    assert exact_minor(Decimal("1E+3"), 0) == 1000
    assert exact_minor(12, 2) == 1200
    with pytest.raises(AmountError, match="has decimals"):
        exact_minor(Decimal("0.5"), 0)
    with pytest.raises(AmountError, match="more than 2 decimals"):
        exact_minor(Decimal("1E-999999"), 2)  # refused exactly, never rounded to 0


# --- writing ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minor", "places", "kwargs", "text"),
    [
        (123456, 2, {}, "1234,56"), (5, 2, {}, "0,05"), (-5, 2, {}, "-0,05"), (1138, 0, {}, "1138"),
        (-1138, 0, {}, "-1138"), (1138500, 3, {}, "1138,500"), (1, 3, {}, "0,001"), (0, 3, {}, "0,000"),
        (123456789, 2, {"point": ".", "thousands": " "}, "1 234 567.89"), (-1200, 2, {"sign": "after"}, "12,00-"),
        (1234567, 0, {"thousands": "."}, "1.234.567"),
    ],
)  # fmt: skip
def test_format_amount(minor: int, places: int, kwargs: dict[str, str], text: str) -> None:
    assert format_amount(minor, places, **kwargs) == text


@given(
    minor=st.integers(-AMOUNT_MAX, AMOUNT_MAX),
    places=st.sampled_from([0, 2, 3]),
    sign=st.sampled_from(["before", "after"]),
)
def test_round_trip_fec_form(minor: int, places: int, sign: str) -> None:
    text = format_amount(minor, places, sign=sign)
    assert parse_amount(text, places) == (minor, None)
    assert (
        to_minor(Decimal(format_amount(minor, places, ".")), {0: "JPY", 2: "EUR", 3: "TND"}[places]) == minor
    )


@given(
    minor=st.integers(-AMOUNT_MAX, AMOUNT_MAX),
    places=st.sampled_from([0, 2, 3]),
    seps=st.sampled_from([(",", "."), (".", ","), (",", " "), (".", "'")]),
)
def test_round_trip_grouped(minor: int, places: int, seps: tuple[str, str]) -> None:
    decimal, thousands = seps
    text = format_amount(minor, places, decimal, thousands)
    assert parse_grouped(text, places, decimal=decimal, thousands=thousands) == minor
    assert parse_grouped(text.replace(thousands, ""), places, decimal=decimal, thousands=thousands) == minor


@given(whole=st.integers(0, 10**12), extra=st.integers(1, 9), places=st.sampled_from([0, 2, 3]))
def test_a_decimal_past_the_currency_is_always_refused(whole: int, extra: int, places: int) -> None:
    text = f"{whole}," + "0" * places + str(extra)
    with pytest.raises(AmountError):
        parse_amount(text, places)


# --- every parser reads with the currency's decimals it is given ---------------------------------------------


def _file(fmt: str, text: str) -> bytes:
    """One balanced entry of `text` (written "1138,50") in `fmt`."""
    if fmt == "FEC":
        return samples.fec_file(samples.fec_entry("VT1", [text]))
    if fmt == "TRA":  # the builder writes integer cents as "1138,50"
        return samples.tra_file(samples.tra_entry("1", [int(text.replace(",", ""))]))
    if fmt == "JSON":
        return samples.json_file(samples.json_entry("VT1", [text.replace(",", ".")]))
    if fmt == "CSV":
        return samples.csv_file(samples.csv_entry("1", [text]))
    return samples.fixed_file(samples.fixed_entry("1", [text]))


@pytest.mark.parametrize("fmt", ["FEC", "TRA", "JSON", "CSV", "FIXED"])
@pytest.mark.parametrize(
    ("text", "places", "debit"),
    [("1138,50", 3, 1138500), ("1138,00", 3, 1138000), ("1138,00", 0, 1138), ("1138,50", 2, 113850),
     ("1138,50", 0, None)],
)  # fmt: skip
def test_each_parser_reads_amounts_with_the_currency_decimals(fmt: str, text: str, places: int, debit: int | None) -> None:  # fmt: skip
    if (
        fmt == "JSON" and places == 0
    ):  # JSON's stricter syntax: no more decimals than the currency, not even 0s
        debit = None
    parsed = open_parser(
        samples.PARSER_FORMAT[fmt], io.BytesIO(_file(fmt, text)), "import.txt",
        layout=samples.LAYOUTS.get(fmt), places=places,
    )  # fmt: skip
    assert parsed.fatal is None
    items = list(parsed.items())
    entries = [i for i in items if isinstance(i, Entry)]
    refused = [i for i in items if isinstance(i, RejectedEntry)]
    if debit is None:  # 1138,50 in a currency without decimals: refused on its line, the field named
        assert entries == [] and len(refused) == 1
        errors = [(e.code, e.column) for e in refused[0].errors]
        assert ("BAD_AMOUNT", {"FEC": "Debit", "TRA": "MONTANT1"}.get(fmt, errors[0][1])) in errors
        assert all(
            e.line > 0 and "decimals" in e.message for e in refused[0].errors if e.code == "BAD_AMOUNT"
        )
    else:
        assert refused == [] and len(entries) == 1
        assert [(ln.debit, ln.credit) for ln in entries[0].lines] == [(debit, 0), (0, debit)]
