"""Field readers of Cegid TRA lines: dates (JJMMAAAA, NO_DATE for none), amounts (decimal comma, a sign
before or after) and `_shown`, a field cut and made printable for a message.
"""

from __future__ import annotations

import re
from datetime import date

from ecluse.formats.dates import Reason, calendar, not_in_form
from ecluse.money import AmountError, minor_units

NO_DATE = "01011900"

_AMOUNT = re.compile(r"([+-]?)(\d+)(?:([,.])(\d*))?([+-]?)")
_UNPRINTABLE = re.compile(r"[^\x20-\x7e\xa0-\uffff]")


def _shown(text: str, width: int = 30) -> str:
    """`text` cut to `width` with control characters made visible, for a message."""
    cut = text[:width] + ("…" if len(text) > width else "")
    return _UNPRINTABLE.sub("?", cut)


def read_date(text: str) -> tuple[date | None, Reason]:
    """JJMMAAAA → (date, {}) / (None, {}) for no date (01011900, blank, zeros) / (None, why it is wrong:
    formats/dates.py)."""
    if text == NO_DATE or not text.strip(" 0"):
        return None, {}
    if len(text) == 8 and text.isdecimal() and text.isascii():
        return calendar(int(text[4:]), int(text[2:4]), int(text[:2]))
    return None, not_in_form("JJMMAAAA")


def read_amount(text: str, places: int = 2) -> tuple[int | None, Reason, str | None]:
    """A MONTANT field → (signed minor units of a currency of `places` decimals or None, why it is wrong:
    the `reason` messages.amount_reason renders, empty for an empty field; finding code). Decimal comma; a
    '.' is read with DOT_DECIMAL when it cannot be a thousands separator; a sign before or after is
    accepted."""
    m = _AMOUNT.fullmatch(text)
    if m is None or (m[1] and m[5]):
        if not text:
            return None, {}, None
        return None, {"reason": "form", "expected": "1234,56"}, None
    sign, whole, point, decimals = m[1] or m[5], m[2], m[3], m[4] or ""
    if len(whole.lstrip("0")) > 15:
        return None, {"reason": "too_large"}, None
    if point == "." and len(decimals) > 2:
        return None, {"reason": "ambiguous", "format": "TRA"}, None
    try:
        value = minor_units(whole, decimals, places)
    except AmountError as exc:  # more decimals than the currency has
        why: Reason = {**exc.params}
        return None, why, None
    return (-value if sign == "-" else value), {}, "DOT_DECIMAL" if point == "." else None
