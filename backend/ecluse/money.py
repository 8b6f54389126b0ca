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


#: The posted ledger's debit total (and its credit total) of one company never goes past this, in minor
#: units: the two together stay within a signed 64-bit integer, the widest SUM SQLite can make, so that no
#: trial balance, report or export of posted (immutable) entries can ever overflow. Checked at validation.
LEDGER_TOTAL_MAX = 4 * 10**18
