"""Redis down (scale-out deployment): an upload still answers and keeps the file; the job runs once Redis
is back, sent again by the API's sweeper."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from ecluse.demo import demo_fec
from tests.faults.test_worker_kill import _upload, _wait
from tests.processes import Server, free_port, spawn, stop
from tests.support import Api


def _redis(port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while (
        subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).stdout.strip() != b"PONG"
    ):
        assert time.monotonic() < deadline, "private redis-server did not start"
        time.sleep(0.1)
    return proc


def private_redis(env: dict[str, str], name: str) -> tuple[int, subprocess.Popen[bytes], dict[str, str]]:
    """A redis-server of the test's own (the shared one is never stopped) and the environment of processes
    using it, on a queue of their own; skips on the embedded deployment."""
    if "ECLUSE_REDIS_URL" not in env:
        pytest.skip("the embedded deployment has no Redis")
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    proc_env = {
        **env,
        "ECLUSE_REDIS_URL": f"redis://127.0.0.1:{port}",
        "ECLUSE_QUEUE_NAME": f"ecluse:{name}:{uuid.uuid4().hex[:8]}",
        "ECLUSE_JOB_SWEEP_S": "1",
    }
    return port, _redis(port), proc_env


@pytest.mark.timeout(300)
def test_upload_while_redis_is_down(api: Api, firm: dict, env: dict[str, str], tmp_path: Path) -> None:
    port, redis, proc_env = private_redis(env, "down")
    log = tmp_path / "processes.log"
    srv = Server(proc_env, log)
    worker = spawn(["worker"], proc_env, log)
    token = firm["tokens"]["admin"]
    try:
        srv.start()
        stop(redis)
        batch = _upload(srv, token, firm["company"], demo_fec(5, 2025, seed=77))
        assert batch["status"] == "RECEIVED"  # answered, file stored, job waiting in the database
        time.sleep(2)
        assert (
            srv.gql("query($id: ID!) { importBatch(id: $id) { status } }", {"id": batch["id"]}, token)[
                "importBatch"
            ]["status"]
            == "RECEIVED"
        )

        redis = _redis(port)
        assert worker.poll() is None  # the worker waited for Redis (test_redis_outage.py)
        done = _wait(srv, token, batch["id"], lambda b: b["status"] == "PENDING_VALIDATION", timeout=90)
        assert done["entryCount"] == 5
    finally:
        srv.close()
        stop(worker)
        stop(redis)
