"""The console's list costs the same number of queries for 2 batches as for 12 (no N+1)."""

from __future__ import annotations

from typing import Any

import pytest

from ecluse.auth import principal as principal_module
from ecluse.demo import demo_fec
from tests.support import BATCH_FIELDS, Api

LIST = f"query($c: ID!) {{ importBatches(companyId: $c, first: 50) {{ totalCount nodes {{ {BATCH_FIELDS} }} }} }}"


async def _install_counter(app: Any = None) -> dict[str, Any]:
    """Count the process's queries from now on. In-process jobs are waited for first: a job that has set its
    batch's status still records its own end, and those queries are not the request's."""
    from tortoise import connections

    drain = getattr(getattr(getattr(app, "state", None), "jobs", None), "drain", None)
    if drain is not None:
        await drain()

    client_class = type(connections.get("default"))
    counter: dict[str, Any] = {"n": 0, "class": client_class, "orig": {}}
    for name in ("execute_query", "execute_query_dict"):
        original = getattr(client_class, name)
        counter["orig"][name] = original

        def counted(self: Any, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            counter["n"] += 1
            return _original(self, *args, **kwargs)

        setattr(client_class, name, counted)
    return counter


async def _remove_counter(counter: dict[str, Any]) -> None:
    for name, original in counter["orig"].items():
        setattr(counter["class"], name, original)


def counted_queries(api: Api, query: str, variables: dict[str, Any], token: str, tries: int = 3) -> int:
    """The queries one request makes: the fewest of a few tries, since the counter sees the whole process
    and a background task (a runner's heartbeat, the job reaper) may query during one of them."""
    counts = []
    for _ in range(tries):
        counter = api.client.portal.call(_install_counter, api.client.app)
        try:
            api.gql(query, variables, token=token)
        finally:
            api.client.portal.call(_remove_counter, counter)
        counts.append(int(counter["n"]))
    return min(counts)


def _queries_for_list(api: Api, firm: dict) -> int:
    return counted_queries(api, LIST, {"c": firm["company"]}, firm["tokens"]["admin"])


def test_batch_list_has_no_n_plus_one(api: Api, firm: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    # A credential is remembered 5 s: one that expires between the two counts (a slow run) adds its lookup.
    monkeypatch.setattr(principal_module, "CACHE_SECONDS", 3600)
    token = firm["tokens"]["admin"]
    for seed in range(2):
        batch = api.upload(firm["company"], f"f{seed}.txt", demo_fec(2, 2025, seed=seed), token=token)[
            "batch"
        ]
        api.wait_batch(batch["id"], {"PENDING_VALIDATION"}, token=token)
    few = _queries_for_list(api, firm)
    for seed in range(2, 12):
        batch = api.upload(firm["company"], f"f{seed}.txt", demo_fec(2, 2025, seed=seed), token=token)[
            "batch"
        ]
        api.wait_batch(batch["id"], {"PENDING_VALIDATION"}, token=token)
    many = _queries_for_list(api, firm)
    assert many == few, (few, many)
    assert 0 < few <= 10
