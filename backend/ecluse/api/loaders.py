"""DataLoaders, created lazily once per request (or per subscription event) in `context.loaders`:
a list of 50 batches costs one query per related kind, not one per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from ecluse.api.context import Context
from ecluse.imports.models import ImportBatch
from ecluse.jobs.models import Job
from ecluse.ledger.models import FiscalYear

K = TypeVar("K")
V = TypeVar("V")


async def _fiscal_years(ids: Sequence[int]) -> list[FiscalYear | None]:
    found = {y.id: y for y in await FiscalYear.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]


async def _latest_jobs(batch_ids: Sequence[int]) -> list[Job | None]:
    latest: dict[int, Job] = {}
    for job in await Job.filter(batch_id__in=list(batch_ids)).order_by("created_at"):
        if job.batch_id is not None:
            latest[job.batch_id] = job
    return [latest.get(i) for i in batch_ids]


async def _file_names(batch_ids: Sequence[int]) -> list[str | None]:
    rows = await ImportBatch.filter(id__in=list(batch_ids)).values_list("id", "file__name")
    names = {int(bid): str(name) for bid, name in rows}
    return [names.get(i) for i in batch_ids]


LOADERS: dict[str, Callable[[Sequence[Any]], Any]] = {
    "FileNameByBatchLoader": _file_names,
    "FiscalYearByIdLoader": _fiscal_years,
    "LatestJobByBatchLoader": _latest_jobs,
}


def loader(context: Context, name: str) -> DataLoader[Any, Any]:
    if name not in context.loaders:
        context.loaders[name] = DataLoader(load_fn=LOADERS[name])
    return context.loaders[name]  # type: ignore[no-any-return]
