"""Reading the values of a custom-layout line: amounts (`parse_layout_amount`, one or two columns, a sign
column), dates in the layout's format, missing values, and the errors of a CSV line that cannot be split
(quoting, field count); the `_Values` mixin of `CustomFile`.
"""

from __future__ import annotations

import csv
import re
from datetime import date

from ecluse.formats.dates import Reason, calendar, not_in_form
from ecluse.formats.entries import sides
from ecluse.formats.layout import FIELDS, Layout
from ecluse.formats.limits import FIELD_MAX, check_amount, shown
from ecluse.formats.records import ParseError
from ecluse.money import AmountError, decimal_of, minor_units, parse_grouped, signed

_CACHE_LIMIT = 100_000
_MISS = date(1, 1, 1)  # cache-miss sentinel, compared by identity
_I = {name: i for i, name in enumerate(FIELDS)}


def parse_layout_amount(text: str, decimal: str, thousands: str, places: int = 2) -> int:
    """Signed minor units of `text` written with the layout's separators: a minus before or after the number
    (credit in signed mode), an optional plus before it; thousands separators are optional but, when
    present, must split the whole part in groups of three. Decimals past the currency's must be zeros."""
    return parse_grouped(text, places, decimal=decimal, thousands=thousands)


class _Values:
    """Amounts, dates and the checks of a line's values (a mixin: the state is CustomFile's)."""

    _layout: Layout
    _names: dict[str, str]
    _places: int
    _cut: tuple[int, int]
    _dec: str
    _debit_credit: bool
    _sign_debit: str
    _sign_credit: str
    _signs: tuple[frozenset[str], frozenset[str]]
    _date_re: re.Pattern[str]
    _date_shown: str
    _dates: dict[str, date]
    _need: int
    _widest: str

    def _piece_as_number(self, piece: str, line_no: int, probs: list[ParseError]) -> None:
        name, limit = self._names["pieceRef"], FIELD_MAX["entry_number"]
        probs.append(
            ParseError.of(line_no, name, "FIELD_TOO_LONG", field=name, value=shown(piece), length=len(piece),
                          maximum=limit, instead_of="entryNumber")
        )  # fmt: skip

    def _amount(self, text: str, field: str, line_no: int, probs: list[ParseError]) -> int:
        if not text:
            return 0
        dec, (a, b), places = self._layout.decimal_separator, self._cut, self._places
        if text[a:b] == dec and len(text) < 17 and (t := text.replace(dec, "", 1)).isdecimal():
            return int(t)
        if text.isdecimal() and len(text) < 14:
            return minor_units(text, "", places)
        try:
            return parse_layout_amount(text, dec, self._layout.thousands_separator, places)
        except AmountError as exc:
            name = self._names[field]
            probs.append(
                ParseError.of(line_no, name, "BAD_AMOUNT", field=name, value=shown(text), **exc.params)
            )
            return 0

    def _big(self, debit: int, credit: int, line_no: int, probs: list[ParseError]) -> None:
        if self._debit_credit:
            check_amount(debit, self._names["debit"], line_no, probs, places=self._places)
            check_amount(credit, self._names["credit"], line_no, probs, places=self._places)
        else:
            check_amount(max(debit, credit), self._names["amount"], line_no, probs, places=self._places)

    def _sides(self, debit: int, credit: int, debit_s: str, credit_s: str, line_no: int, probs: list[ParseError]) -> tuple[int, int]:  # fmt: skip
        """Negative amounts move to the other side (net unchanged); both sides or none filled: findings."""
        if any(p.severity == "error" for p in probs):
            return debit, credit
        names = (self._names["debit"], self._names["credit"])
        return sides(debit, credit, line_no, probs, fields=names, texts=(shown(debit_s), shown(credit_s)),
                     places=self._places)  # fmt: skip

    def _signed(self, amount_s: str, sign_s: str, line_no: int, probs: list[ParseError]) -> tuple[int, int]:
        name = self._names["amount"]
        if not amount_s:
            probs.append(ParseError.of(line_no, name, "MISSING_VALUE", field=name))
            return 0, 0
        value = self._amount(amount_s, "amount", line_no, probs)
        if self._layout.amount_mode == "signColumn":
            code = sign_s.upper()
            side_value = signed(value, code, *self._signs)
            if side_value is None:
                sign = self._names["sign"]
                probs.append(
                    ParseError.of(
                        line_no,
                        sign,
                        "BAD_SIGN",
                        field=sign,
                        value=shown(sign_s),
                        debit_code=self._sign_debit,
                        credit_code=self._sign_credit,
                    )
                )
                return 0, 0
            if value < 0:  # the other side, net unchanged
                debit_ = decimal_of(max(side_value, 0), self._places)
                credit_ = decimal_of(max(-side_value, 0), self._places)
                probs.append(
                    ParseError.of(
                        line_no,
                        name,
                        "NEGATIVE_AMOUNT",
                        "finding",
                        field=name,
                        value=shown(amount_s),
                        sign=shown(sign_s),
                        debit=debit_,
                        credit=credit_,
                    )
                )
            value = side_value
        if value == 0 and not probs:
            probs.append(ParseError.of(line_no, None, "ZERO_AMOUNT", "finding"))
        return (value, 0) if value >= 0 else (0, -value)

    # --- values -------------------------------------------------------------------------------------

    @staticmethod
    def _bad_date(probs: list[ParseError], line_no: int, name: str, text: str, reason: Reason) -> None:
        probs.append(ParseError.of(line_no, name, "BAD_DATE", field=name, value=shown(text), **reason))

    def _date(self, text: str, field: str, line_no: int, probs: list[ParseError], mandatory: bool = False) -> date:  # fmt: skip
        name = self._names[field]
        if not text:
            if mandatory:
                probs.append(ParseError.of(line_no, name, "MISSING_VALUE", field=name))
            return _MISS
        m = self._date_re.fullmatch(text)
        if m is None:
            self._bad_date(probs, line_no, name, text, not_in_form(self._date_shown))
            return _MISS
        parts = m.groupdict()
        year = int(parts["Y"]) if parts.get("Y") else int(parts["y"])
        if not parts.get("Y"):
            year += 1900 if year >= 69 else 2000
        value, reason = calendar(year, int(parts["m"]), int(parts["d"]))
        if value is None or not 1900 <= year <= 2099:
            self._bad_date(probs, line_no, name, text, reason or {"reason": "range"})
            return _MISS
        if len(self._dates) > _CACHE_LIMIT:
            self._dates.clear()
        self._dates[text] = value
        return value

    def _missing(self, field: str, line_no: int, probs: list[ParseError]) -> None:
        name = self._names[field]
        probs.append(ParseError.of(line_no, name, "MISSING_VALUE", field=name))

    def _quoted(self, raw: str) -> list[str] | None:
        text = raw.replace("\r", " ").replace("\n", " ") if "\r" in raw or "\n" in raw else raw
        lay = self._layout
        try:
            return next(csv.reader((text,), delimiter=lay.separator, quotechar=lay.quote, strict=True))
        except (csv.Error, StopIteration):
            return None

    def _quoting_error(self, raw: str, line_no: int) -> ParseError:
        q = self._layout.quote
        if len(raw) > csv.field_size_limit():
            return ParseError.of(
                line_no, None, "BAD_QUOTING", reason="too_long", maximum=csv.field_size_limit()
            )
        reason = "unclosed" if raw.count(q) % 2 else "after_quote"
        return ParseError.of(line_no, None, "BAD_QUOTING", reason=reason, quote=q)

    def _count_error(self, f: list[str], line_no: int) -> ParseError:
        return ParseError.of(
            line_no,
            None,
            "WRONG_FIELD_COUNT",
            fields=len(f),
            separator=self._layout.separator,
            column=self._need,
            field=self._widest,
        )
