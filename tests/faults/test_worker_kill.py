"""A process killed while parsing or posting: the job runs again, no line is doubled or lost.

SQLite deployment: the killed process is `ecluse serve` (jobs run in it); restarting it resumes them.
PostgreSQL + Redis: the killed process is an `ecluse worker`; arq hands the job to the next worker.
"""

from __future__ import annotations

import json
import signal
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from ecluse.demo import demo_fec
from tests.processes import Server, spawn, stop
from tests.support import BATCH_FIELDS, UPLOAD, Api

ENTRIES = 60_000  # 180,000 lines: long enough to be caught mid-parse


def _upload(srv: Server, token: str, company: str, content: bytes) -> dict[str, Any]:
    operations = {
        "query": UPLOAD,
        "variables": {"companyId": company, "file": None, "format": "FEC", "key": None},
    }
    response = srv.http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("123456782FEC20251231.txt", content, "text/plain")},
        headers={"Authorization": f"Bearer {token}"},
    )
    return dict(response.json()["data"]["uploadImport"]["batch"])


def _batch(srv: Server, token: str, batch_id: str) -> dict[str, Any]:
    query = (
        f"query($id: ID!) {{ importBatch(id: $id) {{ {BATCH_FIELDS} entries(first: 1) {{ totalCount }} }} }}"
    )
    return dict(srv.gql(query, {"id": batch_id}, token)["importBatch"])


def _wait(srv: Server, token: str, batch_id: str, until: Any, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        batch = _batch(srv, token, batch_id)
        if until(batch):
            return batch
        assert batch["status"] != "FAILED", batch["errorSummary"]
        assert time.monotonic() < deadline, (
            f"gave up waiting; last state {batch['status']} {batch['progress']}%"
        )
        time.sleep(0.02)


def _job_done(srv: Server, token: str, job_id: str, timeout: float = 30) -> dict[str, Any]:
    """The job once it has left RUNNING: the batch's last status is published by the job's handler, and the
    runner marks the job DONE just after the handler returns (a loaded machine widens that gap)."""
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = srv.gql(
            "query($id: ID!) { job(id: $id) { state attempts } }", {"id": job_id}, token
        )["job"]
        if job["state"] != "RUNNING" or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def test_killed_while_parsing_and_posting(api: Api, firm: dict, env: dict[str, str], tmp_path: Path) -> None:
    token = firm["tokens"]["admin"]
    company = firm["company"]
    content = demo_fec(ENTRIES, 2025, seed=99)
    lines = ENTRIES * 3
    scale_out = "ECLUSE_REDIS_URL" in env
    run = uuid.uuid4().hex[:8]
    # A private queue (PostgreSQL deployment): the suite's shared worker must not take this job.
    proc_env = {**env, "ECLUSE_STAGE_CHUNK_ENTRIES": "2000"}
    if scale_out:
        proc_env.update(ECLUSE_QUEUE_NAME=f"ecluse:kill:{run}", ECLUSE_JOB_TIMEOUT_S="15")
    log = tmp_path / "processes.log"

    srv = Server(proc_env, log)
    worker = spawn(["worker"], proc_env, log) if scale_out else None
    try:
        srv.start()
        batch = _upload(srv, token, company, content)
        parsing = _wait(srv, token, batch["id"], lambda b: b["status"] == "PARSING" and b["progress"] > 0)
        if scale_out:
            stop(worker, signal.SIGKILL)  # type: ignore[arg-type]
        else:
            srv.kill()
        assert parsing["status"] == "PARSING"

        if scale_out:
            worker = spawn(["worker"], proc_env, log)
        else:
            srv = Server(proc_env, log)
            srv.start()
        done = _wait(
            srv, token, batch["id"], lambda b: b["status"] not in ("RECEIVED", "PARSING"), timeout=180
        )
        assert done["status"] == "PENDING_VALIDATION", done
        assert done["entryCount"] == ENTRIES and done["lineCount"] == lines
        assert done["entries"]["totalCount"] == lines  # nothing doubled, nothing lost
        job = _job_done(srv, token, done["jobId"])
        assert job["state"] == "DONE" and job["attempts"] >= 2

        payload = srv.gql(
            "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }", {"id": batch["id"]}, token
        )
        assert payload["validateImport"]["errors"] == []
        # Kill during posting (or just after: either way, it must post exactly once).
        if scale_out:
            stop(worker, signal.SIGKILL)  # type: ignore[arg-type]
            worker = spawn(["worker"], proc_env, log)
        else:
            srv.kill()
            srv = Server(proc_env, log)
            srv.start()
        final = _wait(srv, token, batch["id"], lambda b: b["status"] == "SUCCEEDED", timeout=180)
        balance = srv.gql(
            "query($c: ID!) { trialBalance(companyId: $c) { totalDebit totalCredit } }", {"c": company}, token
        )["trialBalance"]
        assert balance["totalDebit"] == final["totalDebit"] == balance["totalCredit"]
    finally:
        srv.close()
        if worker is not None:
            stop(worker)


@pytest.fixture(autouse=True)
def _long(request: pytest.FixtureRequest) -> None:
    request.node.add_marker(pytest.mark.timeout(600))
