"""The console's latency while a large FEC file is uploaded, parsed and staged: does the API stay responsive?

    python bench/bench_console.py [--lines 1000000] [--db sqlite|postgres|both] [--console 2] [--idle 5]
                                  [--seed-lines 1000] [--timeout 900]

For each database: a fresh database set up by bench_import.py (migrated, a company with an open fiscal year
2025 — the year gen_fec writes — and an admin user), then `ecluse serve` (one uvicorn worker) on a free
loopback port, deployed as each database is: on SQLite the jobs run in the API process (the embedded
default); on PostgreSQL through Redis by one `ecluse worker` process beside the API (own queue name and
channel prefix, as bench_import.py's PostgreSQL runs). The admin logs in (Bearer token: no CSRF header), and a
small FEC file (`--seed-lines`) is uploaded and staged first, so that the console lists an import in both
phases. Then:

- idle: the console query alone for `--idle` seconds;
- during import: the N-line FEC file (bench/data/import_fec_<N>.txt, generated once by gen_fec) uploaded
  through the real HTTP path — GraphQL multipart `uploadImport`, streamed from a thread of this process —
  while the console loop runs, until the batch reaches PENDING_VALIDATION (`importBatch(id) { status
  progress }` polled every 0.5 s on its own connection, not counted). The window is also split in two: while
  the file is received (until `uploadImport` answers) and while it is parsed and staged (after).

The console query is the web app's `ConsoleBatches` (bench_hostile.py's: importBatches, first: 200, the
BatchFields fragment), sent in a closed loop by `--console` connections. Beside it, `{ __typename }` without
credentials every 0.1 s on its own connection: it queries no database, so when the console stalls and it does
not, the wait is for the database connection, not for the event loop. Prints requests, req/s, p50, p99 and
max per phase, the throughput during the import as a share of the idle one, the upload's own answer time,
upload → PENDING_VALIDATION (to the batch's updatedAt at the change: the poll sees it late), then the same
loop while the batch is validated (validateImport, until SUCCEEDED: the posting job) and a per-second
timeline of the import window; writes the figures as JSON in bench/data/console_<db>_<lines>_<timestamp>.json.
Aim: console p99 under 300 ms while the file is parsed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_graphql as bg  # start_server, free_port, gql
import bench_hostile as bh  # CONSOLE, LOGIN, percentile
import bench_import as bi  # fec_file, deployment, setup, worker, stop_process, DATA

UPLOAD = """mutation($companyId: ID!, $file: Upload!) {
  uploadImport(companyId: $companyId, file: $file, format: FEC) { batch { id status } jobId errors { code message } }
}"""
STATUS = "query($id: ID!) { importBatch(id: $id) { status progress errorSummary updatedAt } }"
STAGED = "PENDING_VALIDATION"
ENDED = {STAGED, "FINISHED_WITH_ERROR", "FAILED", "REJECTED"}
VALIDATE = "mutation($id: ID!) { validateImport(id: $id) { errors { code message } } }"
POSTED = {"SUCCEEDED", "FAILED", "REJECTED"}
TARGET_P99_MS = 300


def upload(url: str, token: str, company: str, path: Path, timeout: float) -> tuple[str, float]:
    """uploadImport as a client sends it (multipart, the file streamed); returns (batch id, answer seconds).
    Synchronous: run in a thread, so that reading and sending the file never delays the console loop."""
    import httpx

    operations = {"query": UPLOAD, "variables": {"companyId": company, "file": None}}
    started = time.perf_counter()
    with path.open("rb") as stream:
        response = httpx.post(
            url,
            data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (bi.FEC_NAME, stream, "text/plain")},
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
        )
    seconds = time.perf_counter() - started
    response.raise_for_status()
    body = response.json()
    payload = (body.get("data") or {}).get("uploadImport")
    if body.get("errors") or not payload or payload["errors"]:
        raise RuntimeError(f"uploadImport failed: {body}")
    return str(payload["batch"]["id"]), seconds


def _post(url: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
    import httpx

    response = httpx.post(url, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    response.raise_for_status()
    answer: dict[str, Any] = response.json()
    return answer


async def probe_loop(url: str, stop: asyncio.Event, origin: float) -> list[tuple[float, float]]:
    """`{ __typename }` without credentials every 0.1 s on its own connection: no database query, so its
    latency is the event loop's (a stall here and not in it points to the database connection instead)."""
    import httpx

    samples: list[tuple[float, float]] = []
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=1)) as client:
        while not stop.is_set():
            started = time.perf_counter()
            response = await client.post(url, json={"query": "{ __typename }"})
            samples.append((started - origin, time.perf_counter() - started))
            if response.status_code != 200:
                raise RuntimeError(f"{{ __typename }} answered {response.status_code}")
            await asyncio.sleep(max(0.0, 0.1 - (time.perf_counter() - started)))
    return samples


async def wait_staged(
    url: str, token: str, batch: str, within: float, origin: float, ended: set[str] = ENDED
) -> tuple[str, float, list[dict[str, Any]]]:
    """Poll the batch every 0.5 s on its own connection until it ends staging: (status, offset, polls)."""
    import httpx

    body = {"query": STATUS, "variables": {"id": batch}}
    headers = {"authorization": f"Bearer {token}"}
    polls: list[dict[str, Any]] = []
    deadline = time.perf_counter() + within
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=1)) as client:
        while True:
            started = time.perf_counter()
            answer = (await client.post(url, json=body, headers=headers)).json()
            if answer.get("errors"):
                raise RuntimeError(f"importBatch failed: {answer['errors']}")
            state = answer["data"]["importBatch"]
            polls.append({"t": started - origin, "ms": (time.perf_counter() - started) * 1000, **state})
            if state["status"] in ended:
                return state["status"], time.perf_counter() - origin, polls
            if started > deadline:
                raise TimeoutError(f"batch {batch} still {state['status']} after {within:.0f} s")
            await asyncio.sleep(max(0.0, 0.5 - (time.perf_counter() - started)))


Samples = list[tuple[float, float]]  # (start offset in the window, latency in seconds) per request


def stats(name: str, console: Samples, probe: Samples, start: float, end: float) -> dict[str, Any]:
    """The console requests (and `{ __typename }` probes) that started in [start, end)."""
    latencies = [lat for t, lat in console if start <= t < end]
    probes = [lat for t, lat in probe if start <= t < end]
    seconds = max(end - start, 1e-9)
    return {
        "phase": name, "seconds": seconds, "requests": len(latencies), "rps": len(latencies) / seconds,
        "p50_ms": bh.percentile(latencies, 50), "p99_ms": bh.percentile(latencies, 99),
        "max_ms": max(latencies, default=0.0) * 1000, "probe_requests": len(probes),
        "probe_p99_ms": bh.percentile(probes, 99), "probe_max_ms": max(probes, default=0.0) * 1000,
    }  # fmt: skip


class Load:
    """The console loop and the `{ __typename }` probe, from now until stop()."""

    def __init__(self, url: str, token: str, company: str, connections: int) -> None:
        self.origin = time.perf_counter()
        self.wall = time.time()  # the batch's updatedAt is compared with it (same machine, same clock)
        self._stop = asyncio.Event()
        self._console = asyncio.create_task(
            bh.console_loop(url, token, company, connections, self._stop, self.origin)
        )
        self._probe = asyncio.create_task(probe_loop(url, self._stop, self.origin))

    async def stop(self) -> tuple[Samples, int, Samples]:
        self._stop.set()
        (console, failures), probe = await asyncio.gather(self._console, self._probe)
        return console, failures, probe


async def measure(url: str, token: str, company: str, path: Path, args: argparse.Namespace) -> dict[str, Any]:
    load = Load(url, token, company, args.console)
    await asyncio.sleep(args.idle)
    console, idle_failures, probe = await load.stop()
    idle = stats("idle", console, probe, 0, args.idle)
    print(
        f"  idle: {idle['requests']} req, p50 {idle['p50_ms']:.0f} ms, p99 {idle['p99_ms']:.0f} ms",
        flush=True,
    )

    # during import: the window runs from the upload's start to the batch's change to PENDING_VALIDATION
    load = Load(url, token, company, args.console)
    try:
        batch, upload_s = await asyncio.to_thread(upload, url, token, company, path, args.timeout)
        print(
            f"  uploadImport answered in {upload_s:.1f} s (batch {batch}); waiting for {STAGED}…", flush=True
        )
        status, seen_s, polls = await wait_staged(url, token, batch, args.timeout, load.origin)
    finally:
        console, failures, probe = await load.stop()
    if status != STAGED:
        raise RuntimeError(f"batch {batch} ended {status}: {polls[-1].get('errorSummary')}")
    # the poll sees the change up to 0.5 s (plus its own wait) late; the batch's updatedAt is when it happened
    staged_s = min(seen_s, datetime.fromisoformat(polls[-1]["updatedAt"]).timestamp() - load.wall)
    rows = [
        idle,
        stats("during import", console, probe, 0, staged_s),
        stats("↳ receiving the file (until uploadImport answers)", console, probe, 0, upload_s),
        stats("↳ parsing and staging (after)", console, probe, upload_s, staged_s),
    ]

    # during validation: from the validateImport call to the batch's change to SUCCEEDED (the job posts it)
    load = Load(url, token, company, args.console)
    try:
        answer = await asyncio.to_thread(_post, url, token, {"query": VALIDATE, "variables": {"id": batch}})
        if answer.get("errors") or answer["data"]["validateImport"]["errors"]:
            raise RuntimeError(f"validateImport failed: {answer}")
        status, posted_seen_s, posted_polls = await wait_staged(
            url, token, batch, args.timeout, load.origin, POSTED
        )
    finally:
        valid_console, valid_failures, valid_probe = await load.stop()
    if status != "SUCCEEDED":
        raise RuntimeError(f"batch {batch} ended {status} on validation")
    posted_s = min(
        posted_seen_s, datetime.fromisoformat(posted_polls[-1]["updatedAt"]).timestamp() - load.wall
    )
    rows.append(stats("during validateImport (until SUCCEEDED)", valid_console, valid_probe, 0, posted_s))
    failures += valid_failures

    def kept(samples: Samples) -> list[tuple[float, float]]:  # until the poll saw the change, in ms
        return [(round(t, 4), round(lat * 1000, 2)) for t, lat in samples if t < seen_s]

    return {
        "rows": rows, "batch_id": batch, "upload_s": upload_s, "upload_to_staged_s": staged_s,
        "validate_to_posted_s": posted_s,
        "upload_to_staged_seen_s": seen_s, "console_failures": idle_failures + failures, "polls": polls,
        "samples": kept(console), "probe_samples": kept(probe),
    }  # fmt: skip


def seed(url: str, token: str, company: str, lines: int, timeout: float) -> None:
    """A small import staged first, so that the console lists one import in the idle phase too."""
    batch, _ = upload(url, token, company, bi.fec_file(lines), timeout)
    status, _, polls = asyncio.run(wait_staged(url, token, batch, timeout, time.perf_counter()))
    if status != STAGED:
        raise RuntimeError(f"the seed import ended {status}: {polls[-1].get('errorSummary')}")


def timeline(result: dict[str, Any]) -> list[str]:
    """Per second of the import window: console requests, their worst latency, the batch's last state."""
    out = ["| s | console req | max ms | `__typename` max ms | batch |", "|---:|---:|---:|---:|---|"]
    for second in range(int(result["upload_to_staged_seen_s"]) + 1):
        lats = [lat for t, lat in result["samples"] if second <= t < second + 1]
        probes = [lat for t, lat in result["probe_samples"] if second <= t < second + 1]
        seen = [p for p in result["polls"] if p["t"] < second + 1]
        state = f"{seen[-1]['status']} {seen[-1]['progress']}%" if seen else "uploading"
        if second < result["upload_s"] <= second + 1:
            state += " (upload answered)"
        out.append(
            f"| {second} | {len(lats)} | {max(lats, default=0):.0f} | {max(probes, default=0):.0f} | {state} |"
        )
    return out


def server_errors(log: Path) -> list[str]:
    """The lines of the server's (and worker's) log that report an error."""
    if not log.exists():
        return []
    lines = log.read_text(errors="replace").splitlines()
    return [line for line in lines if "ERROR" in line or "Traceback" in line or '" 5' in line]


def bench_database(kind: str, path: Path, args: argparse.Namespace) -> dict[str, Any]:
    logs = bi.DATA / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()[0]
    with bi.deployment(kind) as dep:
        bi.setup(dep)
        company = str(dep.info["company_id"])
        serve_log = logs / f"console-serve-{dep.run}.log"
        with contextlib.ExitStack() as stack:
            if "ECLUSE_REDIS_URL" in dep.env:
                stack.enter_context(bi.worker(dep, logs))  # stopped by PID on exit
            port = bg.free_port()
            server = bg.start_server(dep, port, True, serve_log)
            stack.callback(bi.stop_process, server)
            url = f"http://127.0.0.1:{port}/graphql"
            login = bg.gql(url, bh.LOGIN, {"e": bi.EMAIL, "p": bi.PASSWORD})["data"]["login"]
            if login["errors"]:
                raise RuntimeError(f"login failed: {login['errors']}")
            token = login["token"]
            if args.seed_lines:
                seed(url, token, company, args.seed_lines, args.timeout)
            jobs = "in the API process" if kind == "sqlite" else "one `ecluse worker` through Redis"
            print(f"[{dep.label}] console while {args.lines:,} lines are staged (jobs {jobs})…", flush=True)
            result = asyncio.run(measure(url, token, company, path, args))
        errors = server_errors(serve_log)
        worker_log = logs / f"worker-{dep.run}.log"
        errors += server_errors(worker_log)
    return {
        "db": dep.label, "kind": kind, "jobs": jobs, "lines": args.lines, "size": path.stat().st_size,
        "commit": bi.code_version(), "load_start": load_start, "load_end": os.getloadavg()[0],
        "args": vars(args), "server_errors": errors[:50], "server_log": str(serve_log), **result,
    }  # fmt: skip


def markdown(report: dict[str, Any]) -> str:
    idle_rps = report["rows"][0]["rps"]
    out = [
        "| phase | seconds | console req | req/s | % of idle | p50 ms | p99 ms | max ms | `__typename` p99 / max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["rows"]:
        share = f"{100 * r['rps'] / idle_rps:.0f}%" if idle_rps else "—"
        out.append(
            f"| {r['phase']} | {r['seconds']:.1f} | {r['requests']} | {r['rps']:.1f} | {share} | "
            f"{r['p50_ms']:.0f} | {r['p99_ms']:.0f} | {r['max_ms']:.0f} | {r['probe_p99_ms']:.0f} / {r['probe_max_ms']:.0f} |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="lines of the FEC file uploaded")
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--console", type=int, default=2, help="console connections (closed loop)")
    parser.add_argument("--idle", type=float, default=5, help="seconds of the idle phase")
    parser.add_argument("--seed-lines", type=int, default=1000, help="a small import staged first (0: none)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed for upload → staged")
    args = parser.parse_args()
    path = bi.fec_file(args.lines)
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    for kind in kinds:
        report = bench_database(kind, path, args)
        bi.LOAD_AT_START = report["load_start"]  # the header's load "at start": this database's run
        print(bi.header(
            f"Console (`ConsoleBatches`, first: 200) while {args.lines:,} FEC lines ({report['size'] / 1e6:.0f} MB) "
            f"are uploaded and staged, {report['db']}, one uvicorn worker, jobs {report['jobs']}, "
            f"{args.console} console connections"
        ))  # fmt: skip
        print(markdown(report))
        worst = report["rows"][1]["p99_ms"]
        print(
            f"\nuploadImport answered in {report['upload_s']:.1f} s; upload → {STAGED} {report['upload_to_staged_s']:.1f} s "
            f"(batch updatedAt; seen by the poll at {report['upload_to_staged_seen_s']:.1f} s); "
            f"validateImport → SUCCEEDED {report['validate_to_posted_s']:.1f} s; console p99 during import {worst:.0f} ms (aim < {TARGET_P99_MS} ms): "
            f"{'met' if worst < TARGET_P99_MS else 'missed'}; console failures {report['console_failures']}; "
            f"error lines in the server log {len(report['server_errors'])}"
        )  # fmt: skip
        print()
        print("\n".join(timeline(report)))
        out = bi.DATA / f"console_{kind}_{args.lines}_{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
        out.write_text(json.dumps(report, indent=1, default=str))
        print(f"\n(figures saved in {out.relative_to(bi.BENCH.parent)})", flush=True)


if __name__ == "__main__":
    main()
