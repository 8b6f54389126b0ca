"""A worker killed in the middle of a parse: its job is taken up by another worker once its lease lapses
(seconds), not after arq's job timeout (here 600 s), and runs to the end exactly once.

Scale-out deployment only: on SQLite the jobs run in the API process, whose crash and restart
tests/faults/test_worker_kill.py covers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import uuid
from pathlib import Path

import pytest

from ecluse.demo import demo_fec
from tests.faults.test_worker_kill import ENTRIES, _upload, _wait
from tests.processes import Server, spawn, stop
from tests.support import Api


async def _holder(job_id: str) -> tuple[str | None, int]:
    from ecluse.jobs.models import Job

    job = await Job.get(id=job_id)
    return job.worker_id, job.attempts


@pytest.mark.timeout(400)
def test_killed_workers_job_is_taken_up_when_its_lease_lapses(
    api: Api, firm: dict, env: dict[str, str], tmp_path: Path
) -> None:
    if "ECLUSE_REDIS_URL" not in env:
        pytest.skip("the embedded deployment runs jobs in the API process (test_worker_kill.py restarts it)")
    token = firm["tokens"]["admin"]
    proc_env = {
        **env,
        "ECLUSE_QUEUE_NAME": f"ecluse:lease:{uuid.uuid4().hex[:8]}",  # these two workers only
        "ECLUSE_JOB_LEASE_S": "3",
        "ECLUSE_JOB_TIMEOUT_S": "600",  # arq alone would run the job again in 610 s
        "ECLUSE_JOB_REAPER_S": "0.5",
        "ECLUSE_STAGE_CHUNK_ENTRIES": "2000",
    }
    srv = Server(proc_env, tmp_path / "server.log")
    workers = {name: spawn(["worker"], proc_env, tmp_path / f"{name}.log") for name in ("one", "two")}
    killed: subprocess.Popen[bytes] | None = None
    try:
        srv.start()
        batch = _upload(srv, token, firm["company"], demo_fec(ENTRIES, 2025, seed=98))
        _wait(srv, token, batch["id"], lambda b: b["status"] == "PARSING" and b["progress"] > 0)
        runner, attempts = api.client.portal.call(_holder, batch["jobId"])
        assert runner is not None and attempts == 1
        pid = int(runner.rsplit(":", 2)[1])
        name = next(n for n, proc in workers.items() if proc.pid == pid)
        killed = workers.pop(name)
        # SIGKILL, and the pid left unreaped until the end: it stays taken, as a worker on another machine
        # would look, so the job waits for its lease to lapse (not for the dead-pid shortcut).
        os.killpg(killed.pid, signal.SIGKILL)

        done = _wait(
            srv, token, batch["id"], lambda b: b["status"] not in ("RECEIVED", "PARSING"), timeout=120
        )
        assert done["status"] == "PENDING_VALIDATION", done
        lines = ENTRIES * 3
        assert done["entryCount"] == ENTRIES and done["lineCount"] == lines
        assert done["entries"]["totalCount"] == lines  # nothing doubled, nothing lost
        job = srv.gql("query($id: ID!) { job(id: $id) { state attempts } }", {"id": batch["jobId"]}, token)[
            "job"
        ]
        assert job == {"state": "DONE", "attempts": 2}  # the killed run, and one more: once
        finisher, _ = api.client.portal.call(_holder, batch["jobId"])
        assert finisher != runner
        assert "sent again" in (tmp_path / "server.log").read_text()  # the reaper, not arq's timeout
    finally:
        srv.close()
        for proc in workers.values():
            stop(proc)
        if killed is not None:
            killed.wait(timeout=15)
