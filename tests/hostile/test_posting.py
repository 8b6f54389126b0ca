"""Posting within limits and all or nothing: the ledger's running totals, twin files validated at the same
moment, and a parse that breaks off leaving nothing staged."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from ecluse.demo import demo_fec
from ecluse.money import LEDGER_TOTAL_MAX
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
VALIDATE = "mutation($id: ID!) { validateImport(id: $id) { batch { status } errors { code message } } }"


def _staged(api: Api, firm: dict, name: str, content: bytes) -> dict[str, Any]:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], name, content, token=token)["batch"]
    return api.wait_batch(batch["id"], DONE, token=token)


async def _set_ledger_totals(company_id: int, debit: int, credit: int) -> None:
    from ecluse.ledger.models import Company

    await Company.filter(id=company_id).update(ledger_debit=debit, ledger_credit=credit)


async def _ledger_totals(company_id: int) -> tuple[int, int]:
    from ecluse.ledger.models import Company

    company = await Company.get(id=company_id)
    return company.ledger_debit, company.ledger_credit


def test_validation_moves_the_ledger_totals_and_refuses_past_the_maximum(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    cid = int(firm["company"])
    first = _staged(api, firm, "one.txt", demo_fec(3, 2025, seed=11))
    assert api.gql(VALIDATE, {"id": first["id"]}, token=token)["validateImport"]["errors"] == []
    api.wait_batch(first["id"], {"SUCCEEDED"}, token=token)
    debit, credit = api.client.portal.call(_ledger_totals, cid)
    assert str(debit) == first["totalDebit"].replace(".", "") and debit == credit > 0

    # The books are nearly full: a batch that would take them past the maximum is refused, whole.
    api.client.portal.call(_set_ledger_totals, cid, LEDGER_TOTAL_MAX - 100, LEDGER_TOTAL_MAX - 100)
    second = _staged(api, firm, "two.txt", demo_fec(3, 2025, seed=12))
    refused = api.gql(VALIDATE, {"id": second["id"]}, token=token)["validateImport"]
    assert [e["code"] for e in refused["errors"]] == ["LEDGER_TOTAL_TOO_LARGE"]
    assert api.batch(second["id"], token=token)["status"] == "PENDING_VALIDATION"
    assert api.client.portal.call(_ledger_totals, cid) == (LEDGER_TOTAL_MAX - 100, LEDGER_TOTAL_MAX - 100)


def test_the_posting_itself_rechecks_the_ledger_room(api: Api, firm: dict) -> None:
    """The request's check is early feedback; the posting transaction decides (totals may have moved)."""
    from ecluse.errors import DomainError
    from ecluse.events import LocalEventBus
    from ecluse.imports.decide import post_batch
    from ecluse.imports.models import ImportBatch
    from ecluse.ledger.models import Entry

    batch = _staged(api, firm, "late.txt", demo_fec(2, 2025, seed=13))
    cid, bid = int(firm["company"]), int(batch["id"])

    async def post_when_full() -> str:
        await ImportBatch.filter(id=bid).update(status="VALIDATING")
        await _set_ledger_totals(cid, LEDGER_TOTAL_MAX, 0)
        try:
            await post_batch(bid, LocalEventBus())
        except DomainError as exc:
            posted = await Entry.filter(batch_id=bid, state="posted").count()
            return f"{exc.error.code} {posted}"
        return "posted"

    assert api.client.portal.call(post_when_full) == "LEDGER_TOTAL_TOO_LARGE 0"


def test_twin_files_validated_at_the_same_moment(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    content = demo_fec(40, 2025, seed=21)
    twins = [_staged(api, firm, f"twin-{n}.txt", content) for n in (1, 2)]
    answers: list[dict[str, Any]] = []
    start = threading.Barrier(2)

    def validate(batch_id: str) -> None:
        start.wait()
        answers.append(api.client.post(
            "/graphql", json={"query": VALIDATE, "variables": {"id": batch_id}}, headers=api.headers(token)
        ).json())  # fmt: skip

    threads = [threading.Thread(target=validate, args=(t["id"],)) for t in twins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(answers) == 2 and all("errors" not in a for a in answers), answers
    deadline = time.monotonic() + 60
    while True:
        statuses = sorted(api.batch(t["id"], token=token)["status"] for t in twins)
        if "VALIDATING" not in statuses:
            break
        assert time.monotonic() < deadline, statuses
        time.sleep(0.05)
    # Exactly one is posted, the other refused as its duplicate and given back to the people deciding.
    assert statuses == ["PENDING_VALIDATION", "SUCCEEDED"], statuses
    loser = next(t for t in twins if api.batch(t["id"], token=token)["status"] == "PENDING_VALIDATION")
    refused = [e["code"] for a in answers for e in a["data"]["validateImport"]["errors"]]
    summary = api.batch(loser["id"], token=token)["errorSummary"]
    assert refused == ["DUPLICATE_FILE"] or "same content" in summary, (refused, summary)
    counts = api.gql(
        "query($c: ID!) { importHistory(companyId: $c, filter: {statuses: [SUCCEEDED]}) { nodes { entryCount } } }",
        {"c": firm["company"]},
        token=token,
    )["importHistory"]["nodes"]
    assert [c["entryCount"] for c in counts] == [40]


@pytest.mark.parametrize("fail_at_chunk", [1, 3])
def test_a_parse_that_breaks_off_leaves_nothing_staged(
    api: Api, firm: dict, monkeypatch: pytest.MonkeyPatch, fail_at_chunk: int
) -> None:
    """A bug or an unreadable file half-way through: the batch ends FAILED with no staged row left, and
    its message says nothing of Python."""
    from ecluse.events import LocalEventBus
    from ecluse.imports import stage
    from ecluse.imports.jobs import parse_import
    from ecluse.imports.receive import receive_file
    from ecluse.imports.statuses import ImportFormat, Origin
    from ecluse.jobs.progress import create_job
    from ecluse.ledger.models import Entry, EntryLine
    from ecluse.settings import get_settings
    from ecluse.storage import FileStore

    staged_chunks = 0
    real = stage._stage_chunk

    async def flaky(batches: Any, chunk: Any, *rest: Any) -> None:
        nonlocal staged_chunks
        if staged_chunks == fail_at_chunk:
            raise RuntimeError("disk on fire at /secret/path")
        staged_chunks += 1
        await real(batches, chunk, *rest)

    monkeypatch.setattr(stage, "_stage_chunk", flaky)
    settings = get_settings()

    class NoQueue:  # the job is run right here, not by a worker
        async def enqueue(self, kind: str, job_id: str, *, batch_id: int) -> None: ...

    async def run() -> tuple[str, str, int, int]:
        from ecluse.imports.models import ImportBatch

        async def chunks() -> Any:
            yield demo_fec(3000, 2025, seed=5)

        bus, store = LocalEventBus(), FileStore(settings.storage_dir)
        received = await receive_file(
            company_id=int(firm["company"]), principal=None, filename="big.txt", chunks=chunks(),
            fmt=ImportFormat.FEC, origin=Origin.CLI, store=store, jobs=NoQueue(), bus=bus,
            max_bytes=settings.max_upload_bytes,
        )  # fmt: skip
        job_id = "fail-" + str(received.batch.id)
        await create_job(
            job_id, "parse_import", company_id=received.batch.company_id, batch_id=received.batch.id
        )
        settings_small = settings.model_copy(update={"stage_chunk_entries": 200})
        await parse_import(
            {"bus": bus, "store": store, "settings": settings_small}, received.batch.id, job_id
        )
        batch = await ImportBatch.get(id=received.batch.id)
        lines = await EntryLine.filter(batch_id=batch.id).count()
        entries = await Entry.filter(batch_id=batch.id).count()
        return batch.status, batch.error_summary, lines, entries

    status, summary, lines, entries = api.client.portal.call(run)
    assert staged_chunks == fail_at_chunk
    assert (status, lines, entries) == ("FAILED", 0, 0)
    assert "nothing was staged" in summary and "secret" not in summary and "RuntimeError" not in summary
