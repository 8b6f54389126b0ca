"""A company's saved custom-file layouts and account number ranges: validated before they are saved, so a
file is never read with a layout that cannot work."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from tortoise.exceptions import IntegrityError

from ecluse.errors import DomainError
from ecluse.formats.layout import Layout, check_ranges
from ecluse.imports.models import ImportLayout
from ecluse.ledger.models import Company


def parse_layout(definition: Any) -> Layout:
    """The layout a definition describes; DomainError naming every option that is wrong."""
    if not isinstance(definition, dict):
        raise DomainError("BAD_LAYOUT", "A layout definition is a JSON object.", "definition")
    try:
        layout = Layout.model_validate(definition)
    except ValidationError as exc:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'definition'}: {e['msg']}" for e in exc.errors()
        )
        raise DomainError("BAD_LAYOUT", f"The layout is not usable: {details}", "definition") from None
    return layout


def stored(layout: Layout) -> dict[str, Any]:
    """The definition as saved: camelCase, defaults filled in (what the parser will really use)."""
    return layout.model_dump(by_alias=True, mode="json")


async def save_layout(
    company_id: int, name: str, definition: Any, user_id: int | None, layout_id: int | None = None
) -> ImportLayout:
    name = name.strip()
    if not name or len(name) > 100:
        raise DomainError("BAD_USER_INPUT", "A layout needs a name of 1 to 100 characters.", "name")
    layout = parse_layout(definition)
    try:
        if layout_id is None:
            return await ImportLayout.create(
                company_id=company_id, name=name, definition=stored(layout), updated_by_id=user_id
            )
        row = await ImportLayout.get_or_none(id=layout_id, company_id=company_id)
        if row is None:
            raise DomainError("NOT_FOUND", f"Layout {layout_id} does not exist for this company.", "id")
        row.name, row.definition, row.updated_by_id = name, stored(layout), user_id
        await row.save()
        return row
    except IntegrityError:
        raise DomainError("DUPLICATE_NAME", f"A layout named '{name}' already exists.", "name") from None


async def delete_layout(company_id: int, layout_id: int) -> None:
    # Batches keep their own copy of the definition: deleting a layout never changes a past import.
    if not await ImportLayout.filter(id=layout_id, company_id=company_id).delete():
        raise DomainError("NOT_FOUND", f"Layout {layout_id} does not exist for this company.", "id")


async def set_account_ranges(company_id: int, ranges: list[dict[str, Any]]) -> Company:
    problems = check_ranges(ranges)
    if problems:
        raise DomainError("BAD_RANGES", "; ".join(problems), "ranges")
    company = await Company.get(id=company_id)
    company.account_ranges = ranges
    await company.save(update_fields=["account_ranges"])
    return company
