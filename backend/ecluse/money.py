"""Exact money: integer minor units in storage and arithmetic, `Decimal` at the edges. Never float."""

from __future__ import annotations

from decimal import Decimal

#: ISO 4217 exponents that differ from 2.
_EXPONENTS = {
    "JPY": 0,
    "KRW": 0,
    "XOF": 0,
    "XAF": 0,
    "CLP": 0,
    "ISK": 0,
    "BHD": 3,
    "KWD": 3,
    "TND": 3,
    "OMR": 3,
}


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


def to_decimal(minor: int, currency: str = "EUR") -> Decimal:
    """1138_50 → Decimal('1138.50') (the currency's number of decimals, kept)."""
    return Decimal(minor).scaleb(-exponent(currency)).quantize(Decimal(1).scaleb(-exponent(currency)))


def to_minor(amount: Decimal, currency: str = "EUR") -> int:
    """Decimal('1138.5') → 113850. Refuses amounts with more decimals than the currency has."""
    scaled = amount.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} has more decimals than {currency} allows")
    return int(scaled)


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
