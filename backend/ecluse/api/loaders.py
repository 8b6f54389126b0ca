"""DataLoaders, created lazily once per request (or per subscription event) in `context.loaders`:
a list of 50 batches costs one query per related kind, not one per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from ecluse.api.context import Context
from ecluse.imports.queries import file_names, first_errors
from ecluse.jobs.queries import latest_jobs
from ecluse.ledger.companies import fiscal_years_by_id

K = TypeVar("K")
V = TypeVar("V")

LOADERS: dict[str, Callable[[Sequence[Any]], Any]] = {
    "FileNameByBatchLoader": file_names,
    "FirstErrorByBatchLoader": first_errors,
    "FiscalYearByIdLoader": fiscal_years_by_id,
    "LatestJobByBatchLoader": latest_jobs,
}


def loader(context: Context, name: str) -> DataLoader[Any, Any]:
    if name not in context.loaders:
        context.loaders[name] = DataLoader(load_fn=LOADERS[name])
    return context.loaders[name]  # type: ignore[no-any-return]
