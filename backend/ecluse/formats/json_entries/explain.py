"""Validation errors of the JSON entries document as ParseError codes and parameters: `_explain` turns a
pydantic error (or one of the same shape made by `_marks` and `_line_problems`, for what pydantic does not
check: numbers too long to read, NUL characters, field lengths, amounts too large) into a code and its
parameters (the English is written by formats/messages.py); `_path` and `_shown` name the place and the value.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any

from ecluse.formats.json_entries.guards import MAX_NUMBER_DIGITS, _is_mark, _mark_length
from ecluse.formats.json_entries.schema import MAX_LINES, MAX_STRING
from ecluse.formats.limits import FIELD_MAX, shown
from ecluse.formats.messages import Param, kind_of
from ecluse.money import AMOUNT_MAX, decimal_of

# --- messages --------------------------------------------------------------------------------------


def _kind(value: object) -> dict[str, Param]:
    """The parameters naming a JSON value by its kind (messages.kind_of): `found`, and `value` or `length`."""
    if _is_mark(value):
        return {"found": "long_number", "length": _mark_length(value)}  # type: ignore[arg-type]
    if value is None:
        return {"found": "null"}
    if isinstance(value, bool):
        return {"found": "true" if value else "false"}
    if isinstance(value, int | Decimal):
        return {"found": "number", "value": str(value)}
    if isinstance(value, str):
        return {"found": "string", "value": value if len(value) <= 60 else value[:57] + "…"}
    return {"found": "object" if isinstance(value, dict) else "array" if isinstance(value, list) else "value"}


def _kind_of(value: object) -> str:
    return kind_of(_kind(value))


def _shown(value: object) -> str:
    """A value as a message quotes it: strings in single quotes, cut after 60 characters."""
    return kind_of(_kind(value), quoted=False)


def _path(base: str, loc: tuple[int | str, ...]) -> str:
    out = base
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{shown(part, 20)}"
    return out


def _explain(error: Any, keys: list[str], places: int = 2) -> tuple[str, dict[str, Param]]:
    """(code, parameters) for one pydantic error; `field` names the field."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    name = shown(loc[-1], 30) if loc and isinstance(loc[-1], str) else "it"
    if _is_mark(value):
        return "NUMBER_TOO_LONG", {"field": name, "length": _mark_length(value), "digits": MAX_NUMBER_DIGITS}
    if kind == "nul_character":
        return "BAD_CHARACTER", {"field": name}
    if kind == "field_too_long":
        limit = error["ctx"]["max_length"]
        return "FIELD_TOO_LONG", {
            "field": name,
            "value": shown(value),
            "length": len(value),
            "maximum": limit,
        }
    if kind == "amount_too_large":
        return "AMOUNT_TOO_LARGE", {
            "field": name,
            "amount": decimal_of(abs(value), places),
            "maximum": decimal_of(AMOUNT_MAX, places),
        }
    if kind == "missing":
        return "MISSING_VALUE", {"field": name, "reason": "missing"}
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name[:40], keys, n=1)
        hint: dict[str, Param] = {"suggestion": close[0]} if close else {"known": ", ".join(keys)}
        return "UNKNOWN_FIELD", {"field": name, **hint}
    if kind == "amount":
        reason = {k: v for k, v in error["ctx"].items() if k != "why"}
        text = shown(value) if isinstance(value, str) else _shown(value)
        return "BAD_AMOUNT", {"field": name, "value": text, **reason}
    if kind == "date":
        reason = {k: v for k, v in error["ctx"].items() if k != "why"}
        text = shown(value) if isinstance(value, str) else _shown(value)
        return "BAD_DATE", {"field": name, "value": text, **reason}
    if kind == "string_too_short":
        return "MISSING_VALUE", {"field": name}
    if kind == "too_long":
        return "TOO_MANY_LINES", {"maximum": MAX_LINES}
    if kind == "string_too_long":
        return "TOO_LONG", {"field": name, "length": len(value), "maximum": MAX_STRING}
    if kind == "too_short":
        return "NO_LINES", {}
    if kind == "string_type":
        return "WRONG_TYPE", {"field": name, "expected": "string", **_kind(value)}
    if kind in ("typed_dict_type", "dict_type", "model_type"):
        return "WRONG_TYPE", {"field": name, "expected": "object", **_kind(value)}
    if kind == "list_type":
        return "WRONG_TYPE", {"field": name, "expected": "array", **_kind(value)}
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace(chr(39), "")
        return "BAD_VALUE", {"field": name, "reason": "one_of", "expected": expected, **_kind(value)}
    if kind == "string_pattern_mismatch":
        return "BAD_VALUE", {"field": name, "reason": "currency", **_kind(value)}
    # Any other refusal: its kind (`error`) and limits for a client to say; `detail` in English for logs.
    limits = {k: str(v) for k, v in (error.get("ctx") or {}).items() if k in ("ge", "le", "gt", "lt")}
    return "BAD_VALUE", {"field": name, "error": kind, **limits, "detail": str(error["msg"]), **_kind(value)}


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
