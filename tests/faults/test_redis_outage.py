"""A worker outlasts a Redis outage (scale-out deployment): it does not exit when its private Redis dies,
says so in its log, and takes jobs again once Redis is back on the same port, on the same connections."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from ecluse.demo import demo_fec
from tests.faults.test_redis_down import _redis, private_redis
from tests.faults.test_worker_kill import _upload, _wait
from tests.processes import Server, spawn, stop
from tests.support import Api


def _count(log: Path, text: str) -> int:
    return log.read_text(errors="replace").count(text)


def _wait_log(log: Path, text: str, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while _count(log, text) < count:
        assert time.monotonic() < deadline, f"{text!r} not logged {count}×:\n" + log.read_text()[-3000:]
        time.sleep(0.1)


def _clients(port: int) -> int:
    listed = subprocess.run(["redis-cli", "-p", str(port), "client", "list"], capture_output=True, timeout=10)
    return len(listed.stdout.strip().splitlines())


@pytest.mark.timeout(300)
def test_worker_outlasts_redis(api: Api, firm: dict, env: dict[str, str], tmp_path: Path) -> None:
    port, redis, common = private_redis(env, "outage")
    proc_env = {
        **common,
        "ECLUSE_REDIS_RETRY_MAX_S": "1",
        "ECLUSE_STAGE_CHUNK_ENTRIES": "2000",  # progress at every 2,000 entries: a parse seen under way
    }
    worker_log, server_log = tmp_path / "worker.log", tmp_path / "server.log"
    worker = spawn(["worker"], proc_env, worker_log)
    srv = Server(proc_env, server_log)
    token = firm["tokens"]["admin"]
    try:
        srv.start()
        first = _upload(srv, token, firm["company"], demo_fec(5, 2025, seed=71))
        _wait(srv, token, first["id"], lambda b: b["status"] == "PENDING_VALIDATION", timeout=60)
        before = _clients(port)

        for outage in (1, 2):  # twice: nothing may pile up from one outage to the next
            running = None
            if outage == 1:  # a job under way when Redis goes: it needs only the database to finish
                running = _upload(srv, token, firm["company"], demo_fec(40_000, 2025, seed=70))
                _wait(srv, token, running["id"], lambda b: b["status"] == "PARSING" and b["progress"] > 0)
            lost, back = _count(worker_log, "does not answer"), _count(worker_log, "Redis answers again")
            stop(redis)
            _wait_log(worker_log, "does not answer", count=lost + 2)  # it tried again, and is still here
            if running is not None:
                done = _wait(srv, token, running["id"], lambda b: b["status"] == "PENDING_VALIDATION")
                assert done["entryCount"] == 40_000
            assert worker.poll() is None, worker_log.read_text()[-3000:]
            redis = _redis(port)  # an empty Redis, as after a restart without persistence
            _wait_log(worker_log, "Redis answers again", count=back + 1)
            batch = _upload(srv, token, firm["company"], demo_fec(5, 2025, seed=71 + outage))
            done = _wait(srv, token, batch["id"], lambda b: b["status"] == "PENDING_VALIDATION", timeout=90)
            assert done["entryCount"] == 5
            assert worker.poll() is None  # the same process took the job
        # The worker and the API reconnect on their pools: no connection is left behind.
        assert _clients(port) <= before + 1
    finally:
        srv.close()
        stop(worker)
        stop(redis)
    assert re.search(r"worker \S+ stopped", worker_log.read_text())  # a clean exit: ORM and pool closed
