"""The console's list costs the same number of queries for 2 batches as for 12 (no N+1)."""

from __future__ import annotations

from typing import Any

from ecluse.demo import demo_fec
from tests.support import BATCH_FIELDS, Api

LIST = f"query($c: ID!) {{ importBatches(companyId: $c, first: 50) {{ totalCount nodes {{ {BATCH_FIELDS} }} }} }}"


async def _install_counter() -> dict[str, Any]:
    from tortoise import connections

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


def _queries_for_list(api: Api, firm: dict) -> int:
    counter = api.client.portal.call(_install_counter)
    try:
        api.gql(LIST, {"c": firm["company"]}, token=firm["tokens"]["admin"])
    finally:
        api.client.portal.call(_remove_counter, counter)
    return int(counter["n"])


def test_batch_list_has_no_n_plus_one(api: Api, firm: dict) -> None:
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
