"""Dates as the text formats write them: one calendar check and one set of reasons for every parser.

A date that cannot be read is BAD_DATE with a `reason` parameter the web app renders in either language:
`form` (not in the `expected` form; `hint`, when given, is the date it looks like), `month` (month 13),
`day` (31 February: `day` of `month`, written YYYY-MM), `year` (year 0000) or `range` (a year outside 1900-2099 where the format
refuses one).
"""

from __future__ import annotations

import contextlib
import re
from datetime import date

from ecluse.formats.messages import Param

Reason = dict[str, Param]

_TIME = r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?"
_YMD = re.compile(r"(\d{4})([-/.]?)(\d\d)\2(\d\d)" + _TIME)
_DMY = re.compile(r"(\d\d)([-/.]?)(\d\d)\2(\d{4})" + _TIME)


def calendar(year: int, month: int, day: int) -> tuple[date | None, Reason]:
    """The date, or None and why it does not exist (reason `month` or `day`)."""
    try:
        return date(year, month, day), {}
    except ValueError:
        if year < 1:
            return None, {"reason": "year", "year": f"{year:04d}"}
        if not 1 <= month <= 12:
            return None, {"reason": "month", "month": month}
        return None, {"reason": "day", "day": day, "month": f"{year:04d}-{month:02d}"}


def not_in_form(expected: str, hint: str = "") -> Reason:
    """Reason `form`: the text is not a date written `expected` (e.g. YYYYMMDD); `hint` what to write."""
    return (
        {"reason": "form", "expected": expected, "hint": hint}
        if hint
        else {"reason": "form", "expected": expected}
    )


def parse_date(text: str) -> tuple[date | None, str | None, Reason]:
    """FEC date → (date, or None when blank; code; its parameters). Code None: clean YYYYMMDD.
    DATE_SEPARATORS, DATE_OUT_OF_RANGE: tolerated (finding, `read` is the date understood). BAD_DATE:
    unreadable (with its reason). Forms as the tax administration's TCD: YYYYMMDD or DDMMYYYY, optional
    '-', '/' or '.' separators, optional time."""
    if not text.replace("0", "").strip("-/. :T"):
        return None, None, {}
    ymd, dmy = _YMD.fullmatch(text), _DMY.fullmatch(text)
    candidates = [(int(ymd[1]), int(ymd[3]), int(ymd[4]))] if ymd else []
    if dmy:
        candidates.append((int(dmy[4]), int(dmy[3]), int(dmy[1])))
    if not candidates:
        return None, "BAD_DATE", not_in_form("YYYYMMDD")
    valid = []
    for year, month, day in candidates:
        with contextlib.suppress(ValueError):
            valid.append(date(year, month, day))
    if not valid:
        return None, "BAD_DATE", calendar(*candidates[0])[1]
    usual = [d for d in valid if 1900 <= d.year <= 2099]
    if not usual:
        return valid[0], "DATE_OUT_OF_RANGE", {"read": valid[0]}
    value = usual[0]
    if len(text) == 8 and ymd and (value.year, value.month, value.day) == candidates[0]:
        return value, None, {}  # plain YYYYMMDD
    return value, "DATE_SEPARATORS", {"read": value}
