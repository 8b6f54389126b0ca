"""GraphQL load benchmark: a page of 100 entry lines from the middle of a staged batch, against `ecluse serve`.

    python bench/bench_graphql.py [--lines 100000] [--db sqlite|postgres|both] [--connections 16]
                                  [--duration 10] [--tool auto|wrk|httpx] [--access-log on|off] [--profile]
                                  [--keep]

For each database: a fresh database set up and staged by bench_import.py's functions (an N-line FEC file,
upload → PENDING_VALIDATION through the real path), then `ecluse serve` (one uvicorn worker) on a free port,
a login as the bench admin, and N concurrent connections for D seconds (after a 2 s warm-up) on:

- `importBatch(id) { entries(first: 100, after: <cursor of the batch's middle line>) { nodes { journal date
  piece account thirdParty reference label debit credit lettering } pageInfo { endCursor hasNextPage } } }`;
- `importBatch(id) { grid(first: 100, after: <the same line's grid cursor>) { columns rows refused { line text
  errors { code column params } } pageInfo { endCursor hasNextPage } } }`: the same page as the web app's grid
  reads it (rows as arrays of values in one JSON scalar);
- `{ __typename }`: the ceiling of the stack (Starlette + Strawberry + the session lookup of every request);
- `{ __typename }` without credentials: the same without the session lookup.

Load comes from `wrk` (apt-get install -y wrk) when installed, with a Lua script for the POST body that also
counts GraphQL errors; otherwise from httpx.AsyncClient (which costs the 2-core machine more CPU: the figures
are lower). Reports req/s and p50/p99 latency. Target (PERFORMANCE.md): ≥ 100 req/s per worker, p99 < 200 ms.

`--access-log off` runs the same app through `uvicorn --factory ecluse.app:create_app --no-access-log`
instead of `ecluse serve` (which logs every request), to show what the access log costs.
`--what-if caches` serves the same app with Strawberry's ParserCache and ValidationCache added to the schema
(a generated factory in bench/data/what_if/; the shipped app is unchanged), to measure what they would give.
`--profile` attaches py-spy to the server during each measured run and prints where its time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import as bi  # the setup functions: file, database, staging

PAGE_QUERY = """query Page($id: ID!, $after: String) {
  importBatch(id: $id) {
    entries(first: 100, after: $after) {
      nodes { journal date piece account thirdParty reference label debit credit lettering }
      pageInfo { endCursor hasNextPage }
    }
  }
}"""
GRID_QUERY = """query Grid($id: ID!, $after: String) {
  importBatch(id: $id) {
    grid(first: 100, after: $after) {
      columns rows refused { line text errors { code column params } }
      pageInfo { endCursor hasNextPage }
    }
  }
}"""
TRIVIAL_QUERY = "{ __typename }"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"
TARGET_RPS, TARGET_P99_MS = 100, 200
#: req/s and p99 (ms) each page query aims at: `entries` (PERFORMANCE.md), the web app's grid (issue 14).
TARGETS = {"entries": (TARGET_RPS, TARGET_P99_MS), "grid": (250, 100)}

WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
%(auth)s
wrk.body = [==[%(body)s]==]
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) errors = 0 end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end
function done(summary, latency, requests)
  local e = 0
  for _, t in ipairs(threads) do e = e + t:get("errors") end
  io.write(string.format("BENCH requests=%%d duration_us=%%d errors=%%d p50_us=%%d p99_us=%%d mean_us=%%d\\n",
    summary.requests, summary.duration, e, latency:percentile(50), latency:percentile(99), latency.mean))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def middle_cursor(dep: bi.Deployment, batch_id: int) -> tuple[str, str, int]:
    """The cursors of the batch's middle line, for `entries` (the line id, as api/pagination.py encodes it)
    and for `grid` (the line id and its line in the file)."""
    from ecluse.api.pagination import encode_cursor

    sql = "SELECT id, source_line FROM entry_lines WHERE batch_id = {p1} ORDER BY id LIMIT 1 OFFSET {p2}"
    url = dep.env["ECLUSE_DATABASE_URL"]
    if dep.kind == "sqlite":
        import sqlite3

        with contextlib.closing(sqlite3.connect(url.split("://", 1)[1])) as conn:
            count = conn.execute(
                "SELECT COUNT(*) FROM entry_lines WHERE batch_id = ?", (batch_id,)
            ).fetchone()[0]
            row = conn.execute(sql.format(p1="?", p2="?"), (batch_id, count // 2)).fetchone()
    else:
        import asyncpg

        async def query() -> tuple[int, Any]:
            conn = await asyncpg.connect(url, timeout=10)
            try:
                n = await conn.fetchval("SELECT COUNT(*) FROM entry_lines WHERE batch_id = $1", batch_id)
                return n, await conn.fetchrow(sql.format(p1="$1", p2="$2"), batch_id, n // 2)
            finally:
                await conn.close()

        count, row = asyncio.run(query())
    return encode_cursor(row[0]), encode_cursor(row[0], row[1]), int(count)


WHAT_IF_CACHES = """# Generated by bench/bench_graphql.py --what-if caches: NOT the shipped app.
from strawberry.extensions import ParserCache, ValidationCache

from ecluse.api.schema import schema

schema.extensions = (*schema.extensions, ParserCache, ValidationCache)

from ecluse.app import create_app  # noqa: E402
"""


def start_server(
    dep: bi.Deployment, port: int, access_log: bool, log_path: Path, what_if: str | None = None
) -> subprocess.Popen[bytes]:
    env = {**os.environ, **dep.env}
    if what_if == "caches":
        folder = bi.DATA / "what_if"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "ecluse_with_caches.py").write_text(WHAT_IF_CACHES)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
        factory = "ecluse_with_caches:create_app"
    else:
        factory = "ecluse.app:create_app"
    if access_log and what_if is None:
        cmd = [sys.executable, "-m", "ecluse", "serve", "--port", str(port)]
    else:
        cmd = [sys.executable, "-m", "uvicorn", "--factory", factory, "--port", str(port), "--proxy-headers"]
        cmd += ["--log-level", "info"] if access_log else ["--no-access-log", "--log-level", "warning"]
    with log_path.open("ab") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    import httpx

    deadline = time.monotonic() + 60
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}; see {log_path}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    return proc
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer /health within 60 s; see {log_path}")
            time.sleep(0.1)
    except BaseException:
        bi.stop_process(proc)
        raise


def gql(url: str, query: str, variables: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    import httpx

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(url, json={"query": query, "variables": variables}, headers=headers, timeout=30)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    if body.get("errors"):
        raise RuntimeError(f"GraphQL errors: {body['errors']}")
    return body


def run_wrk(
    url: str, body: str, token: str | None, connections: int, duration: float, workdir: Path
) -> dict[str, Any]:
    script = workdir / "post.lua"
    auth = f'wrk.headers["Authorization"] = "Bearer {token}"' if token else ""
    script.write_text(WRK_SCRIPT % {"auth": auth, "body": body})
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration:.0f}s", "--timeout", "10s", "-s", str(script), url]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        out, _ = proc.communicate(timeout=duration + 60)
    finally:
        bi.stop_process(proc, wait=5)
    m = re.search(
        r"BENCH requests=(\d+) duration_us=(\d+) errors=(\d+) p50_us=(\d+) p99_us=(\d+) mean_us=(\d+)", out
    )
    if m is None:
        raise RuntimeError(f"wrk gave no summary:\n{out}")
    requests, duration_us, errors, p50, p99, mean = map(int, m.groups())
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "tool": "wrk -t1", "requests": requests, "rps": requests / (duration_us / 1e6), "errors": errors,
        "p50_ms": p50 / 1000, "p99_ms": p99 / 1000, "mean_ms": mean / 1000,
        "socket_errors": socket_errors[1] if socket_errors else "",
    }  # fmt: skip


def run_httpx(url: str, body: str, token: str | None, connections: int, duration: float) -> dict[str, Any]:
    import httpx

    async def main() -> dict[str, Any]:
        latencies: list[float] = []
        errors = 0
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(limits=limits, timeout=10) as client:
            stop = time.perf_counter() + duration

            async def one() -> None:
                nonlocal errors
                while time.perf_counter() < stop:
                    t = time.perf_counter()
                    try:
                        r = await client.post(url, content=body, headers=headers)
                        ok = r.status_code == 200 and b'"errors"' not in r.content
                    except httpx.HTTPError:
                        ok = False
                    latencies.append(time.perf_counter() - t)
                    errors += not ok

            started = time.perf_counter()
            await asyncio.gather(*(one() for _ in range(connections)))
            elapsed = time.perf_counter() - started
        latencies.sort()

        def pct(p: float) -> float:
            return (
                latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1000 if latencies else 0
            )

        return {
            "tool": "httpx.AsyncClient", "requests": len(latencies), "rps": len(latencies) / elapsed,
            "errors": errors, "p50_ms": pct(50), "p99_ms": pct(99),
            "mean_ms": sum(latencies) / len(latencies) * 1000 if latencies else 0, "socket_errors": "",
        }  # fmt: skip

    return asyncio.run(main())


def load(
    tool: str, url: str, body: str, token: str | None, connections: int, duration: float, workdir: Path
) -> dict[str, Any]:
    if tool == "wrk":
        return run_wrk(url, body, token, connections, duration, workdir)
    return run_httpx(url, body, token, connections, duration)


def bench_database(kind: str, path: Path, args: argparse.Namespace, tool: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    logs = bi.DATA / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with bi.deployment(kind, keep=args.keep) as dep:
        bi.setup(dep)
        print(f"[{dep.label}] staging {args.lines:,} lines…", flush=True)
        staged = bi.stage(dep, path, timeout=args.timeout)
        if staged["status"] != "PENDING_VALIDATION":
            raise RuntimeError(f"staging ended {staged['status']}: {staged['error_summary']}")
        batch_id = staged["batch_id"]
        cursor, grid_cursor, count = middle_cursor(dep, batch_id)
        port = free_port()
        server = start_server(dep, port, args.access_log == "on", logs / f"serve-{dep.run}.log", args.what_if)
        workdir = Path(tempfile.mkdtemp(prefix="ecluse_bench_gql_"))
        try:
            url = f"http://127.0.0.1:{port}/graphql"
            login = gql(url, LOGIN, {"e": bi.EMAIL, "p": bi.PASSWORD})["data"]["login"]
            if login["errors"]:
                raise RuntimeError(f"login failed: {login['errors']}")
            token = login["token"]
            variables = {"id": str(batch_id), "after": cursor}
            page = gql(url, PAGE_QUERY, variables, token)["data"]["importBatch"]["entries"]
            if len(page["nodes"]) != 100 or not page["pageInfo"]["hasNextPage"]:
                raise RuntimeError(f"unexpected page: {len(page['nodes'])} nodes, {page['pageInfo']}")
            grid_variables = {"id": str(batch_id), "after": grid_cursor}
            grid = gql(url, GRID_QUERY, grid_variables, token)["data"]["importBatch"]["grid"]
            if len(grid["rows"]) != 100 or not grid["pageInfo"]["hasNextPage"]:
                raise RuntimeError(f"unexpected grid page: {len(grid['rows'])} rows, {grid['pageInfo']}")
            print(
                f"[{dep.label}] batch {batch_id}: {count:,} lines; page after line #{count // 2:,}",
                flush=True,
            )
            page_body = json.dumps({"query": PAGE_QUERY, "variables": variables})
            cases = [
                ("entries(first: 100) from the middle", "page", page_body),
                (
                    "grid(first: 100) from the middle",
                    "grid",
                    json.dumps({"query": GRID_QUERY, "variables": grid_variables}),
                ),
                ("{ __typename } (ceiling)", "trivial", json.dumps({"query": TRIVIAL_QUERY})),
                ("{ __typename } without credentials", "anonymous", json.dumps({"query": TRIVIAL_QUERY})),
            ]
            for name, short, body in cases:
                load(tool, url, body, None if short == "anonymous" else token, args.connections, 2, workdir)
                profiler = None
                if args.profile:
                    out = bi.DATA / "profiles" / f"graphql_{kind}_{short}.txt"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    profiler = bi.Profiler(server.pid, out)
                try:
                    auth = None if short == "anonymous" else token
                    result = load(tool, url, body, auth, args.connections, args.duration, workdir)
                finally:
                    if profiler is not None:
                        profiler.stop()
                result.update(query=name, db=dep.label, lines=count, connections=args.connections)
                print(f"[{dep.label}] {name}: {result['rps']:.0f} req/s, p50 {result['p50_ms']:.1f} ms, "
                      f"p99 {result['p99_ms']:.1f} ms, errors {result['errors']}", flush=True)  # fmt: skip
                rows.append(result)
        finally:
            bi.stop_process(server)
            shutil.rmtree(workdir, ignore_errors=True)
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    out = [
        "| query | database | staged lines | connections | req/s | p50 ms | p99 ms | errors | target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        target = "—"
        aim = TARGETS.get(r["query"].split("(", 1)[0])
        if aim:
            met = r["rps"] >= aim[0] and r["p99_ms"] < aim[1]
            target = f"{'met' if met else 'missed'} (≥ {aim[0]} req/s, p99 < {aim[1]} ms)"
        out.append(
            f"| {r['query']} | {r['db']} | {r['lines']:,} | {r['connections']} | {r['rps']:,.0f} | "
            f"{r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} | {target} |"
        )
    return "\n".join(out)


LOAD_AT_START = os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000, help="lines of the staged batch (≥ 100k)")
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--tool", choices=("auto", "wrk", "httpx"), default="auto")
    parser.add_argument("--access-log", choices=("on", "off"), default="on",
                        help="on: `ecluse serve` as deployed; off: uvicorn --no-access-log")  # fmt: skip
    parser.add_argument("--profile", action="store_true", help="py-spy on the server during each run")
    parser.add_argument("--what-if", choices=("caches",),
                        help="caches: the same app with Strawberry's ParserCache + ValidationCache (not shipped)")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
    if tool == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install -y wrk)")
    path = bi.fec_file(args.lines)
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    rows: list[dict[str, Any]] = []
    for kind in kinds:
        rows += bench_database(kind, path, args, tool)
    server = "`ecluse serve` (access log on)" if args.access_log == "on" else "uvicorn --no-access-log"
    if args.what_if == "caches":
        server += "; WHAT-IF: + ParserCache + ValidationCache, not the shipped app"
    title = f"GraphQL, one uvicorn worker ({server}), {tool}, {args.connections} connections, {args.duration:.0f} s"
    print(bi.header(title, args.profile))
    print(markdown(rows))
    out = bi.DATA / f"graphql_results_{args.db}_{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    meta = {"args": vars(args), "tool": tool, "commit": bi.code_version(), "load_start": bi.LOAD_AT_START}
    out.write_text(json.dumps({**meta, "rows": rows}, indent=1, default=str))
    print(f"\n(figures saved in {out.relative_to(bi.BENCH.parent)})")
    if args.profile:
        for kind in kinds:
            for short, what in (
                ("page", "page of 100 lines"),
                ("grid", "grid page of 100 lines"),
                ("trivial", "{ __typename }"),
                ("anonymous", "{ __typename } without credentials"),
            ):
                raw = bi.DATA / "profiles" / f"graphql_{kind}_{short}.txt"
                bi.print_profile(f"ecluse serve, {kind}, {what}", bi.profile_summary(raw))


if __name__ == "__main__":
    main()
