"""Login response time: a known email with a wrong password against an unknown email, and a throttled attempt.

    python bench/bench_login.py [--rounds 40] [--timeout 300]

Sets up a fresh SQLite database in a temporary folder with one user, starts `ecluse serve` on a free port
with the throttle opened wide (so every attempt reaches the password check), and sends `login` by turns with
the known email and a wrong password, then with an unknown email, `--rounds` times each, one at a time.
Before the fix an unknown email answered in 2 ms against 175 ms: an attacker could list accounts by timing.
Both now verify an argon2 hash (the unknown email a dummy one with the same parameters), so the medians
should be within a few per cent. A second server with the default throttle shows what a refused attempt
costs once its pair is throttled (no argon2 at all).

Prints the medians and p90 in milliseconds and writes them to bench/data/login.json. Everything started is
stopped by PID in a `finally`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"
EMAIL, PASSWORD = "bench@firm.test", "correct horse battery staple"
WIDE_OPEN = {"ECLUSE_LOGIN_FREE_FAILURES": "1000000000", "ECLUSE_LOGIN_ADDRESS_MAX_FAILURES": "1000000000"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def seed(env: dict[str, str]) -> None:
    os.environ.update(env)
    from ecluse.auth.models import User
    from ecluse.auth.secrets import hash_password
    from ecluse.db.init import orm_open, run_migrations
    from ecluse.settings import get_settings, reset_settings

    reset_settings()
    settings = get_settings()
    await run_migrations(settings)
    async with orm_open(settings):
        await User.create(email=EMAIL, name="Bench", password_hash=hash_password(PASSWORD))


@contextlib.contextmanager
def serve(env: dict[str, str], log: Path, timeout: float) -> Any:
    port = free_port()
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ecluse", "serve", "--port", str(port)],
            env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=timeout)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit("ecluse serve exited:\n" + log.read_text()[-2000:])
            with contextlib.suppress(httpx.HTTPError):
                if client.get("/health").status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("ecluse serve did not start:\n" + log.read_text()[-2000:])
            time.sleep(0.1)
        yield client
    finally:
        client.close()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)


def timed_login(client: httpx.Client, email: str, password: str) -> tuple[float, str | None]:
    started = time.perf_counter()
    response = client.post("/graphql", json={"query": LOGIN, "variables": {"e": email, "p": password}})
    elapsed = (time.perf_counter() - started) * 1000
    errors = response.json()["data"]["login"]["errors"]
    return elapsed, errors[0]["code"] if errors else None


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[int(len(ordered) * 0.9) - 1], 2),
        "n": len(ordered),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ecluse-bench-login-") as tmp:
        root = Path(tmp)
        env = {
            "ECLUSE_DATABASE_URL": f"sqlite://{root / 'bench.sqlite3'}",
            "ECLUSE_STORAGE_DIR": str(root / "files"),
            "ECLUSE_SECRET_KEY": "bench",
        }
        asyncio.run(seed(env))
        known: list[float] = []
        unknown: list[float] = []
        with serve({**env, **WIDE_OPEN}, root / "serve.log", args.timeout) as client:
            for _ in range(3):  # warm-up: first requests pay imports, the dummy hash, connections
                timed_login(client, EMAIL, "wrong")
                timed_login(client, "warmup@firm.test", "wrong")
            for i in range(args.rounds):
                elapsed, code = timed_login(client, EMAIL, "wrong password")
                assert code == "INVALID_CREDENTIALS", code
                known.append(elapsed)
                elapsed, code = timed_login(client, f"nobody{i}@firm.test", "wrong password")
                assert code == "INVALID_CREDENTIALS", code
                unknown.append(elapsed)
        throttled: list[float] = []
        with serve(env, root / "serve-throttled.log", args.timeout) as client:
            while timed_login(client, EMAIL, "wrong")[1] != "TOO_MANY_ATTEMPTS":
                pass
            for _ in range(args.rounds):
                elapsed, code = timed_login(client, EMAIL, "wrong")
                assert code == "TOO_MANY_ATTEMPTS", code
                throttled.append(elapsed)
    result = {
        "known_email_wrong_password": summary(known),
        "unknown_email": summary(unknown),
        "throttled": summary(throttled),
    }
    k, u = result["known_email_wrong_password"]["median_ms"], result["unknown_email"]["median_ms"]
    result["unknown_over_known"] = round(u / k, 3)
    for name in ("known_email_wrong_password", "unknown_email", "throttled"):
        row = result[name]
        assert isinstance(row, dict)
        print(f"{name:28} median {row['median_ms']:8.2f} ms   p90 {row['p90_ms']:8.2f} ms   n={row['n']}")
    print(f"unknown / known median: {result['unknown_over_known']}")
    out = HERE / "data" / "login.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
