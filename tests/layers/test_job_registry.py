"""The job runner knows job kinds only by what the entry points registered (jobs/registry.py)."""

from __future__ import annotations

from typing import Any

import pytest

from ecluse.jobs import registry


async def _job(ctx: dict[str, Any], batch_id: int, job_id: str) -> None: ...


async def _other(ctx: dict[str, Any], batch_id: int, job_id: str) -> None: ...


def test_the_import_jobs_are_registered_by_the_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    from ecluse.imports.jobs import parse_import, register_jobs, validate_import

    monkeypatch.setattr(registry, "JOBS", {})
    register_jobs()
    register_jobs()  # every entry point calls it; twice is harmless
    assert registry.kinds() == {"parse_import": parse_import, "validate_import": validate_import}
    assert registry.handler("validate_import") is validate_import


def test_a_kind_is_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "JOBS", {})
    registry.register({"kind": _job})
    with pytest.raises(ValueError, match="already registered"):
        registry.register({"kind": _other})
    assert registry.handler("kind") is _job


def test_an_unregistered_kind_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "JOBS", {})
    with pytest.raises(LookupError, match="register the job kinds at start-up"):
        registry.handler("parse_import")
