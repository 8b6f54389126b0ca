"""The kinds of job the runners know, filled at start-up by the domain that owns them.

The runner (the in-process queue, the arq worker) knows jobs only by kind name: the job functions live
beside the domain they run (imports/jobs.py) and are registered here by the process's entry point (app.py,
the CLI), so that jobs/ imports no domain package.

A job function takes `(ctx, batch_id, job_id)`, is safe to run twice and reports progress through its
database record and events (jobs/progress.py, jobs/lease.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

JobFunction = Callable[..., Awaitable[Any]]

JOBS: dict[str, JobFunction] = {}


def register(kinds: Mapping[str, JobFunction]) -> None:
    """Add job kinds (registering the same function again is harmless; another function for a known kind
    is a programming error)."""
    for kind, function in kinds.items():
        known = JOBS.setdefault(kind, function)
        if known is not function:
            raise ValueError(f"job kind {kind!r} is already registered")


def kinds() -> dict[str, JobFunction]:
    """Every registered kind and its function (read when a runner starts)."""
    return dict(JOBS)


def handler(kind: str) -> JobFunction:
    try:
        return JOBS[kind]
    except KeyError:
        raise LookupError(
            f"no job function registered for {kind!r}: register the job kinds at start-up"
        ) from None
