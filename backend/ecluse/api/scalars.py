"""Scalars. Money travels as a string ("1138.50"): a JSON number would already be a float.

Registered in the schema's `scalar_map` (api/schema.py)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import NewType

import strawberry


def _parse_decimal(value: object) -> Decimal:
    if not isinstance(value, str):
        raise ValueError('Decimal values are sent as strings, e.g. "1138.50", never as JSON numbers')
    try:
        result = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"'{value}' is not a decimal number") from exc
    if not result.is_finite():
        raise ValueError(f"'{value}' is not a finite decimal number")
    return result


Money = NewType("Money", Decimal)

MONEY_SCALAR = strawberry.scalar(
    name="Decimal",
    description='An exact decimal amount, sent as a string ("1138.50"); the currency is given beside it.',
    serialize=str,
    parse_value=_parse_decimal,
)
