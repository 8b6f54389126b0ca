"""The console's latency while hostile requests are refused: does one request still stall the server?

    python bench/bench_hostile.py [--db sqlite|postgres] [--idle 10] [--count 20] [--attackers 4]
                                  [--console 2] [--stall 5]

A fresh database with the demo firm (`ecluse demo`: four users, two companies, three imports), `ecluse serve`
(one uvicorn worker) on a free loopback port, and the admin logged in. Then, one phase after another:

- idle: the console query alone for `--idle` seconds;
- one phase per attack kind: the same console load while `--attackers` connections send `--count` requests of
  that kind (each body built once, before the phase), until they are all answered (at least 3 s);
- all kinds at once: every kind's requests, interleaved, on the same attacker connections;
- then, with the server still up, each attack again against the same app in this process (httpx's ASGI
  transport, no socket), five times: the server's own time per refusal, which the machine's other load
  inflates much less than the end-to-end figures, and which bounds what one refusal costs the console.

The console query is the web app's `ConsoleBatches` (importBatches, first: 200, the BatchFields fragment),
logged in, sent in a closed loop by `--console` connections. Each attack answer is classed: refused cleanly
(the expected HTTP status and error code, within `--stall` seconds), stall (slower, or timed out), 5xx, or
other. Prints p50/p99 of the console per phase and the attack tallies; writes the figures as JSON in
bench/data/. Aim: console p99 under 300 ms while refusing, no stall, no 5xx.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_graphql as bg  # start_server, free_port
import bench_import as bi  # deployment, stop_process, DATA

CONSOLE = """query ConsoleBatches($companyId: ID!, $first: Int) {
  importBatches(companyId: $companyId, first: $first) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ...BatchFields }
  }
}
fragment BatchFields on ImportBatch {
  id companyId partner fileName format origin status progress errorSummary entryCount lineCount
  rejectedEntryCount errorCount findingCount currency totalDebit totalCredit createdAt updatedAt
  firstMovement lastMovement duplicateOfId referencePeriod { id name }
}"""
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"
TARGET_P99_MS = 300


@dataclass
class Attack:
    name: str
    body: bytes
    status: int  # the HTTP status of a clean refusal
    code: str | tuple[str, ...]  # the error code it carries (one of)
    auth: bool = False
    content_type: str = "application/json"
    chunked: bool = False  # sent as 64 KiB chunks without a length, 8 MiB in all, until the server answers


def attacks(company: str, batch: str) -> list[Attack]:
    """Each probe of the hostile review, as it was sent."""
    page = (
        "importBatch(id: $id) { entries(first: 500) { nodes { line journal date piece account label debit "
        "credit lettering reference thirdParty accountLabel } } }"
    )
    pages = lambda n: "query($id: ID!) { " + " ".join(f"b{i}: {page}" for i in range(n)) + " }"  # noqa: E731
    entry = {
        "journal": "VT",
        "number": "F",
        "date": "2025-01-02",
        "lines": [{"account": "411000", "debit": "1.00"}],
    }
    deep = (
        b'{"query": "query($d: JSON) { __typename }", "variables": {"d": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}}"
    )
    bomb = "query { ...F0 } " + " ".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(40)
    )
    bomb += " fragment F40 on Query { __typename }"
    body = lambda query, variables=None: json.dumps({"query": query, "variables": variables or {}}).encode()  # noqa: E731
    submit = "mutation($c: ID!, $e: [EntryInput!]!) { submitEntries(companyId: $c, entries: $e) { errors { code } } }"
    ids = "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { count } }"
    return [
        Attack("300k `__typename` aliases, anonymous (5.9 MB)", body("{ " + " ".join(f"a{i}: __typename" for i in range(300_000)) + " }"), 413, "PAYLOAD_TOO_LARGE"),
        Attack("100k `__typename` aliases, anonymous (1.7 MB)", body("{ " + " ".join(f"a{i}: __typename" for i in range(100_000)) + " }"), 200, "QUERY_TOO_LARGE"),
        Attack("1,000 aliases of a 500-line page", body(pages(1_000), {"id": batch}), 200, "QUERY_TOO_LARGE", auth=True),
        Attack("40 aliases of a 500-line page (cost)", body(pages(40), {"id": batch}), 200, "QUERY_TOO_COMPLEX", auth=True),
        Attack("fragment bomb (2^40 fields)", body(bomb), 200, "QUERY_TOO_COMPLEX"),
        Attack("60,000 nested braces", body("{" * 60_000), 200, "QUERY_TOO_COMPLEX"),
        Attack("1 MB document (a comment)", body("# " + "x" * 1_000_000 + "\n{ __typename }"), 200, "QUERY_TOO_LARGE"),
        Attack("9 MiB JSON body", body("{ __typename }", {"pad": "x" * (9 << 20)}), 413, "PAYLOAD_TOO_LARGE"),
        Attack("2 MiB JSON body, streamed without a length", b"", 413, "PAYLOAD_TOO_LARGE", chunked=True),
        Attack("variables nested 100,000 deep", deep, 400, "JSON_TOO_DEEP"),
        Attack("1,000 batched operations", json.dumps([{"query": "{ __typename }"}] * 1_000).encode(), 400, "BAD_REQUEST"),
        Attack("submitEntries, 2,000 entries", body(submit, {"c": company, "e": [entry] * 2_000}), 200, "TOO_MANY_ENTRIES", auth=True),
        Attack("submitEntries, 50,000 entries (5 MB)", body(submit, {"c": company, "e": [entry] * 50_000}), 413, "PAYLOAD_TOO_LARGE", auth=True),
        Attack("60,000 ids in the variables", body(ids, {"ids": ["1"] * 60_000}), 413, "PAYLOAD_TOO_LARGE", auth=True),
        Attack("introspection", body("{ __schema { types { name fields { name } } } }"), 200, "GRAPHQL_VALIDATION_FAILED"),
        # Answered without echo and without argon2 work (no account can have it); throttled after a few.
        Attack("1 MB login email", body(LOGIN, {"e": "e" * 1_000_000 + "@x.fr", "p": "wrong"}), 200, ("INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS")),
    ]  # fmt: skip


async def _chunks() -> Any:
    piece = b'{"query": "{ __typename }", "variables": {"pad": "' + b"x" * 65_536
    for _ in range(128):
        yield piece
        piece = b"x" * 65_536


def classify(attack: Attack, status: int | None, content: bytes, seconds: float, stall: float) -> str:
    if status is None or seconds > stall:
        return "stall"
    if status >= 500:
        return "5xx"
    codes = attack.code if isinstance(attack.code, tuple) else (attack.code,)
    if status == attack.status and any(f'"{c}"'.encode() in content for c in codes) and len(content) < 10_000:
        return "refused"
    return "other"


async def console_loop(
    url: str, token: str, company: str, connections: int, stop: asyncio.Event, origin: float = 0.0
) -> tuple[list[tuple[float, float]], int]:
    """The web app's console query in a closed loop on `connections` until `stop`: (start offset from
    `origin`, latency in seconds) of each request, and how many failed (not 200, GraphQL errors, no answer)."""
    import httpx

    body = json.dumps({"query": CONSOLE, "variables": {"companyId": company, "first": 200}}).encode()
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    samples: list[tuple[float, float]] = []
    failures = 0

    async def one(client: httpx.AsyncClient) -> None:
        nonlocal failures
        while not stop.is_set():
            started = time.perf_counter()
            try:
                response = await client.post(url, content=body, headers=headers)
                ok = response.status_code == 200 and b'"errors"' not in response.content
            except httpx.HTTPError:
                ok = False
            samples.append((started - origin, time.perf_counter() - started))
            failures += not ok

    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        await asyncio.gather(*(one(client) for _ in range(connections)))
    return samples, failures


async def attack_loop(
    url: str, token: str, plan: list[Attack], connections: int, stall: float
) -> dict[str, dict[str, int]]:
    import httpx

    tally: dict[str, dict[str, int]] = {}
    queue: asyncio.Queue[Attack] = asyncio.Queue()
    for attack in plan:
        queue.put_nowait(attack)

    async def one(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            attack = queue.get_nowait()
            headers = {"content-type": attack.content_type}
            if attack.auth:
                headers["authorization"] = f"Bearer {token}"
            started = time.perf_counter()
            status: int | None = None
            content = b""
            try:
                content_: Any = _chunks() if attack.chunked else attack.body
                response = await client.post(url, content=content_, headers=headers)
                status, content = response.status_code, response.content
            except httpx.HTTPError:
                status = None
            outcome = classify(attack, status, content, time.perf_counter() - started, stall)
            counts = tally.setdefault(
                attack.name, {"sent": 0, "refused": 0, "stall": 0, "5xx": 0, "other": 0}
            )
            counts["sent"] += 1
            counts[outcome] += 1
            if outcome == "other" and counts["other"] == 1:
                print(f"  unexpected answer to {attack.name}: {status} {content[:300]!r}", flush=True)

    async with httpx.AsyncClient(
        timeout=stall * 4, limits=httpx.Limits(max_connections=connections)
    ) as client:
        await asyncio.gather(*(one(client) for _ in range(connections)))
    return tally


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1000 if ordered else 0.0


async def phase(
    url: str, token: str, company: str, plan: list[Attack], args: argparse.Namespace, name: str
) -> dict[str, Any]:
    stop = asyncio.Event()
    console = asyncio.create_task(console_loop(url, token, company, args.console, stop))
    started = time.perf_counter()
    tally: dict[str, dict[str, int]] = {}
    if plan:
        tally = await attack_loop(url, token, plan, args.attackers, args.stall)
    await asyncio.sleep(max(0.0, (args.idle if not plan else 3.0) - (time.perf_counter() - started)))
    stop.set()
    samples, failures = await console
    if failures:
        raise RuntimeError(f"{failures} console requests failed")
    latencies = [latency for _, latency in samples]
    total = {k: sum(t[k] for t in tally.values()) for k in ("sent", "refused", "stall", "5xx", "other")}
    row = {
        "phase": name, "seconds": time.perf_counter() - started, "console_requests": len(latencies),
        "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99), **total, "kinds": tally,
    }  # fmt: skip
    print(
        f"{name}: console {len(latencies)} req, p50 {row['p50_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms; attacks "
        f"{total['sent']} sent, {total['refused']} refused cleanly, {total['stall']} stalls, {total['5xx']} 5xx, "
        f"{total['other']} other ({row['seconds']:.1f} s)",
        flush=True,
    )
    return row


def gql(url: str, query: str, variables: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    return bg.gql(url, query, variables, token)["data"]


async def run(
    url: str, token: str, company: str, batch: str, args: argparse.Namespace
) -> list[dict[str, Any]]:
    kinds = attacks(company, batch)
    rows = [await phase(url, token, company, [], args, "idle")]
    for attack in kinds:
        rows.append(await phase(url, token, company, [attack] * args.count, args, attack.name))
    mixed = [kinds[i % len(kinds)] for i in range(args.count * len(kinds))]
    rows.append(await phase(url, token, company, mixed, args, "all kinds at once"))
    return rows


async def server_costs(
    env: dict[str, str], token: str, company: str, batch: str, runs: int = 5
) -> list[dict[str, Any]]:
    """The server's own time per refusal, free of the network and of the machine's other load as far as can
    be: the same app in this process (httpx's ASGI transport, no socket), on the same database, median of
    `runs`. During that time the event loop serves nobody else: it bounds what each refusal costs the console."""
    import statistics

    import httpx

    os.environ.update(env)
    from ecluse.app import create_app
    from ecluse.settings import get_settings, reset_settings

    reset_settings()
    app = create_app(get_settings())
    rows = []
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for attack in attacks(company, batch):
                if attack.chunked:
                    continue  # the in-process transport reads a body whole before the app sees it
                headers = {"content-type": attack.content_type}
                if attack.auth:
                    headers["authorization"] = f"Bearer {token}"
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    response = await client.post("/graphql", content=attack.body, headers=headers)
                    times.append(time.perf_counter() - started)
                outcome = classify(attack, response.status_code, response.content, max(times), 60)
                rows.append({"attack": attack.name, "bytes": len(attack.body), "median_ms": statistics.median(times) * 1000,
                             "max_ms": max(times) * 1000, "outcome": outcome})  # fmt: skip
                print(
                    f"  {attack.name}: {rows[-1]['median_ms']:.1f} ms (max {rows[-1]['max_ms']:.1f}), {outcome}",
                    flush=True,
                )
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    out = [
        "| phase | attacks sent | refused cleanly | stalls | 5xx | other | console req | p50 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['phase']} | {r['sent']} | {r['refused']} | {r['stall']} | {r['5xx']} | {r['other']} | "
            f"{r['console_requests']} | {r['p50_ms']:.0f} | {r['p99_ms']:.0f} |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--idle", type=float, default=10, help="seconds of the idle phase")
    parser.add_argument("--count", type=int, default=20, help="requests of each attack kind per phase")
    parser.add_argument("--attackers", type=int, default=4, help="attacker connections")
    parser.add_argument("--console", type=int, default=2, help="console connections (closed loop)")
    parser.add_argument("--stall", type=float, default=5, help="an answer slower than this is a stall")
    args = parser.parse_args()
    load_at_start = os.getloadavg()[0]
    logs = bi.DATA / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with bi.deployment(args.db) as dep:
        env = {**os.environ, **dep.env}
        subprocess.run(
            [sys.executable, "-m", "ecluse", "demo"], env=env, check=True, timeout=300, capture_output=True
        )
        port = bg.free_port()
        server = bg.start_server(dep, port, True, logs / f"hostile-{dep.run}.log")
        try:
            url = f"http://127.0.0.1:{port}/graphql"
            login = gql(url, LOGIN, {"e": "admin@demo.ecluse.fr", "p": "demo"})["login"]
            token = login["token"]
            companies = gql(url, "{ companies { id name } }", {}, token)["companies"]
            company = next(c["id"] for c in companies if c["name"].startswith("Boulangerie"))
            nodes = gql(url, CONSOLE, {"companyId": company, "first": 200}, token)["importBatches"]["nodes"]
            print(
                f"[{dep.label}] console: {len(nodes)} imports; load average {load_at_start:.1f}", flush=True
            )
            rows = asyncio.run(run(url, token, company, nodes[0]["id"], args))
            print("server time per refusal (in process, no network):", flush=True)
            costs = asyncio.run(server_costs(dep.env, token, company, nodes[0]["id"]))
        finally:
            bi.stop_process(server)
    print()
    print(f"Console (`ConsoleBatches`, first: 200) while attacks are refused, {dep.label}, one uvicorn worker, "
          f"{args.console} console + {args.attackers} attacker connections, load average at start {load_at_start:.1f}")  # fmt: skip
    print()
    print(markdown(rows))
    worst = max(r["p99_ms"] for r in rows)
    bad = sum(r["stall"] + r["5xx"] + r["other"] for r in rows)
    print(f"\nconsole p99 at worst {worst:.0f} ms (aim < {TARGET_P99_MS} ms): {'met' if worst < TARGET_P99_MS else 'missed'}; "
          f"answers not refused cleanly: {bad}")  # fmt: skip
    print()
    print("| attack | body | server ms (median of 5) | max ms | outcome |")
    print("|---|---:|---:|---:|---|")
    for c in costs:
        print(
            f"| {c['attack']} | {c['bytes'] / 1e6:.2f} MB | {c['median_ms']:.1f} | {c['max_ms']:.1f} | {c['outcome']} |"
        )
    out = bi.DATA / f"hostile_{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    report = {
        "db": args.db,
        "load_at_start": load_at_start,
        "args": vars(args),
        "rows": rows,
        "server_costs": costs,
    }
    out.write_text(json.dumps(report, indent=1))
    print(f"figures: {out}")


if __name__ == "__main__":
    main()
