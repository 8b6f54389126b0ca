"""A company's saved custom-file layouts and account number ranges: validated before they are saved, so a
file is never read with a layout that cannot work."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from tortoise.exceptions import IntegrityError

from ecluse.errors import DomainError, ParamValue, UserError
from ecluse.formats.layout import Layout, range_errors
from ecluse.imports.models import ImportLayout
from ecluse.ledger.models import Company


class LayoutError(DomainError):
    """A layout that cannot work: one error per wrong option (`field` = definition.<option path>)."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__("BAD_LAYOUT", "; ".join(e.message for e in errors), "definition")
        self.errors = errors


class RangesError(DomainError):
    """Account ranges that cannot work: one error per problem, each a code with the ranges it names."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__("BAD_RANGES", "; ".join(e.message for e in errors), "ranges")
        self.errors = errors


def _has_nul(value: Any) -> bool:
    """Whether a JSON value holds U+0000 (PostgreSQL's text and jsonb cannot store it)."""
    return "\\u0000" in json.dumps(value)


def _option(path: str) -> str:
    return f"definition.{path}" if path else "definition"


#: The names pydantic gives the members of a column's union in an error's location (not options).
_UNION_MEMBERS = frozenset({"int", "constrained-int", "FixedColumn"})
#: What a client needs to say why a value is refused: pydantic's limits, by their names in its error context.
_LIMITS = ("expected", "min_length", "max_length", "ge", "le", "gt", "lt", "unknown", "known", "keys")


def _invalid(path: str, error: Any) -> dict[str, ParamValue]:
    """An option whose value is refused: `reason` INVALID_OPTION, pydantic's error type (`error`: missing,
    literal_error, too_long…) and its limits, for a client to say in its user's language."""
    ctx = error.get("ctx") or {}
    params: dict[str, ParamValue] = {
        "reason": "INVALID_OPTION",
        "option": path or "definition",
        "error": error["type"],
    }
    params |= {k: v if isinstance(v, int) else str(v) for k, v in ctx.items() if k in _LIMITS}
    return params


def parse_layout(definition: Any) -> Layout:
    """The layout a definition describes; LayoutError naming every option that is wrong."""
    if not isinstance(definition, dict):
        raise LayoutError([UserError("BAD_LAYOUT", "A layout definition is a JSON object.", "definition")])
    try:
        layout = Layout.model_validate(definition)
    except ValidationError as exc:
        errors = []
        # A column is a number (csv) or a {start, length} (fixed): pydantic tries both; say only the
        # kind's own complaint.
        other = (
            {"FixedColumn"} if definition.get("kind", "csv") == "csv" else _UNION_MEMBERS - {"FixedColumn"}
        )
        for e in exc.errors():
            if other.intersection(str(p) for p in e["loc"][2:3]) and e["loc"][0] == "columns":
                continue
            each = (e.get("ctx") or {}).get("each") if e["type"] == "layout" else None
            if each:  # options that contradict each other: a reason code with the columns it names
                errors += [
                    UserError("BAD_LAYOUT", str(p), _option(p.option), {"reason": p.reason, **p.params})
                    for p in each
                ]
                continue
            path = ".".join(str(p) for p in e["loc"] if p not in _UNION_MEMBERS)
            errors.append(
                UserError(
                    "BAD_LAYOUT", f"{path or 'definition'}: {e['msg']}", _option(path), _invalid(path, e)
                )
            )
        raise LayoutError(errors) from None
    return layout


def stored(layout: Layout) -> dict[str, Any]:
    """The definition as saved: camelCase, defaults filled in (what the parser will really use)."""
    return layout.model_dump(by_alias=True, mode="json")


async def save_layout(
    company_id: int, name: str, definition: Any, user_id: int | None, layout_id: int | None = None
) -> ImportLayout:
    name = name.strip()
    if not name or len(name) > 100 or not name.isprintable():
        raise DomainError(
            "BAD_USER_INPUT",
            "A layout needs a name of 1 to 100 characters, without control characters.",
            "name",
            maximum=100,
        )
    layout = parse_layout(definition)
    if _has_nul(stored(layout)):
        raise LayoutError([UserError("BAD_LAYOUT", "A layout cannot hold the NUL character.", "definition")])
    try:
        if layout_id is None:
            return await ImportLayout.create(
                company_id=company_id, name=name, definition=stored(layout), updated_by_id=user_id
            )
        row = await ImportLayout.get_or_none(id=layout_id, company_id=company_id)
        if row is None:
            raise DomainError(
                "NOT_FOUND", f"Layout {layout_id} does not exist for this company.", "id", layout_id=layout_id
            )
        row.name, row.definition, row.updated_by_id = name, stored(layout), user_id
        await row.save()
        return row
    except IntegrityError:
        raise DomainError(
            "DUPLICATE_NAME", f"A layout named '{name}' already exists.", "name", name=name
        ) from None


async def layout(layout_id: int) -> ImportLayout | None:
    return await ImportLayout.get_or_none(id=layout_id)


async def layouts_of(company_id: int) -> list[ImportLayout]:
    """A company's saved layouts, by name."""
    return await ImportLayout.filter(company_id=company_id).order_by("name")


async def delete_layout(company_id: int, layout_id: int) -> None:
    # Batches keep their own copy of the definition: deleting a layout never changes a past import.
    if not await ImportLayout.filter(id=layout_id, company_id=company_id).delete():
        raise DomainError(
            "NOT_FOUND", f"Layout {layout_id} does not exist for this company.", "id", layout_id=layout_id
        )


async def set_account_ranges(company_id: int, ranges: list[dict[str, Any]]) -> Company:
    if _has_nul(ranges):
        raise DomainError("BAD_RANGES", "An account number cannot hold the NUL character.", "ranges")
    problems = range_errors(ranges)
    if problems:
        raise RangesError([UserError(p.code, p.message, "ranges", p.params) for p in problems])
    company = await Company.get(id=company_id)
    company.account_ranges = ranges
    await company.save(update_fields=["account_ranges"])
    return company
