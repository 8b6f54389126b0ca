"""Validation errors of the JSON entries document as ParseError codes and messages: `_explain` turns a
pydantic error (or one of the same shape made by `_marks` and `_line_problems`, for what pydantic does not
check: numbers too long to read, NUL characters, field lengths, amounts too large) into a code and the
message tail; `_path` and `_shown` name the place and the value.
"""

from __future__ import annotations

import difflib
import json
from decimal import Decimal
from typing import Any

from ecluse.formats.json_entries.guards import MAX_NUMBER_DIGITS, _is_mark, _mark_length
from ecluse.formats.json_entries.schema import MAX_LINES, MAX_STRING
from ecluse.formats.limits import FIELD_MAX, amount_text, shown
from ecluse.money import AMOUNT_MAX

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
