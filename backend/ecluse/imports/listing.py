"""Finding batches: the console's filters, sorting and keyset pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Coalesce
from tortoise.queryset import QuerySet

from ecluse.auth.principal import Principal
from ecluse.imports.access import visible
from ecluse.imports.models import ImportBatch
from ecluse.imports.statuses import CONSOLE_STATUSES, BatchStatus

#: Sortable columns: each is non-null, so (value, id) orders every row exactly once.
SORT_FIELDS = {
    "CREATED_AT": "created_at",
    "UPDATED_AT": "updated_at",
    "STATUS": "status",
    "FORMAT": "format",
    "PARTNER": "partner_name",
    "FILE_NAME": "file__name",
    "ENTRY_COUNT": "entry_count",
    "ORIGIN": "origin",
    "ERROR_SUMMARY": "error_summary",
    "FIRST_MOVEMENT": "sort_first_date",
    "LAST_MOVEMENT": "sort_last_date",
    "REFERENCE_PERIOD": "sort_fiscal_year",
}
#: Nullable columns sort through a non-null stand-in (empty values last in either direction's ascending
#: form), so that the keyset (value, id) stays exact on SQLite and PostgreSQL alike.
_STAND_INS: dict[str, tuple[str, Any]] = {
    "sort_first_date": ("first_date", date(9999, 12, 31)),
    "sort_last_date": ("last_date", date(9999, 12, 31)),
    "sort_fiscal_year": ("fiscal_year_id", 2**31 - 1),
}


@dataclass(frozen=True, slots=True)
class BatchFilter:
    statuses: list[str] | None = None
    partner: str | None = None
    #: Exact names, any of them (the console's list of senders); `partner` is a part of a name.
    partners: list[str] | None = None
    formats: list[str] | None = None
    date_from: date | None = None
    date_to: date | None = None


def batches_query(
    who: Principal, company_id: int, flt: BatchFilter | None, *, history: bool = False
) -> QuerySet[ImportBatch]:
    """The company's batches the caller may see, filtered (its role in the company is checked apart)."""
    query = visible(ImportBatch.filter(company_id=company_id), who)
    flt = flt or BatchFilter()
    if flt.statuses:
        query = query.filter(status__in=flt.statuses)
    elif not history:
        query = query.filter(status__in=[s.value for s in CONSOLE_STATUSES])
    if flt.partner:
        query = query.filter(partner_name__icontains=flt.partner)
    if flt.partners:
        query = query.filter(partner_name__in=flt.partners)
    if flt.formats:
        query = query.filter(format__in=flt.formats)
    if flt.date_from:
        query = query.filter(created_at__gte=datetime.combine(flt.date_from, time.min, tzinfo=UTC))
    if flt.date_to:
        query = query.filter(created_at__lt=datetime.combine(flt.date_to, time.max, tzinfo=UTC))
    return query


def _value(batch: ImportBatch, path: str) -> Any:
    if path == "file__name":
        return batch.file.name
    value = getattr(batch, path)
    return value.isoformat() if isinstance(value, date) else value


def cursor_values(batch: ImportBatch, sort: str) -> list[Any]:
    return [_value(batch, SORT_FIELDS[sort]), batch.id]


#: Sorts whose cursor value is a number; the others carry text (dates as ISO text).
_NUMERIC_SORTS = frozenset({"ENTRY_COUNT", "REFERENCE_PERIOD"})


def parse_cursor_value(sort: str, value: Any) -> Any:
    """The sort value a cursor carries, of the column's type. ValueError when it cannot be one."""
    if value is None:
        return None
    if sort in _NUMERIC_SORTS:
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) >= 2**31:
            raise ValueError("not a count")
        return value
    if not isinstance(value, str):
        raise ValueError("not text")
    if sort in ("CREATED_AT", "UPDATED_AT"):
        return datetime.fromisoformat(value)
    if sort in ("FIRST_MOVEMENT", "LAST_MOVEMENT"):
        return date.fromisoformat(value)
    return value


async def page_batches(
    query: QuerySet[ImportBatch], sort: str, descending: bool, after: list[Any] | None, limit: int
) -> list[ImportBatch]:
    path = SORT_FIELDS[sort]
    if path in _STAND_INS:
        column, stand_in = _STAND_INS[path]
        query = query.annotate(**{path: Coalesce(column, stand_in)})
    if after is not None:
        if len(after) != 2:
            raise ValueError("a cursor is (value, id)")
        value, last_id = parse_cursor_value(sort, after[0]), after[1]
        if not isinstance(last_id, int) or isinstance(last_id, bool) or not 0 <= last_id < 2**31:
            raise ValueError("not an id")
        op = "lt" if descending else "gt"
        after_value: dict[str, Any] = {f"{path}__{op}": value}
        same_value: dict[str, Any] = {path: value}
        after_id: dict[str, Any] = {f"id__{op}": last_id}
        query = query.filter(Q(**after_value) | (Q(**same_value) & Q(**after_id)))
    order = [f"-{path}", "-id"] if descending else [path, "id"]
    return await query.order_by(*order).limit(limit + 1).prefetch_related("file")


async def count_batches(query: QuerySet[ImportBatch]) -> int:
    """How many batches `query` (batches_query) holds, for a connection's totalCount."""
    return await query.count()


#: The senders a filter lists: a company has a handful; past this many, the list is cut.
MAX_PARTNERS = 500


async def partner_names(who: Principal, company_id: int) -> list[str]:
    """Who sent the company's batches the caller may see (a partner application: itself), sorted, at most
    MAX_PARTNERS."""
    query = visible(ImportBatch.filter(company_id=company_id).exclude(partner_name=""), who)
    query = query.distinct().order_by("partner_name").limit(MAX_PARTNERS)
    return [str(name) for name in await query.values_list("partner_name", flat=True)]


async def pending_count(who: Principal, company_id: int) -> int:
    query = ImportBatch.filter(
        company_id=company_id,
        status__in=[BatchStatus.PENDING_VALIDATION, BatchStatus.FINISHED_WITH_ERROR],
    )
    return await visible(query, who).count()
