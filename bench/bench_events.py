"""Live events at scale: one change of a batch → N WebSocket subscribers of one API process, the state each
event carries (today) beside the naive path (each subscriber reads the batch back), in one run.

    python bench/bench_events.py [--subscribers 1000] [--rounds 3] [--gap-ms 10] [--replicas 2]

The PostgreSQL + Redis deployment (bench_import.deployment): a small FEC staged by a worker, then one uvicorn
worker (bench_graphql.start_server) and N graphql-transport-ws connections, logged in as the bench admin,
each subscribed to `importBatchChanged { id status progress entryCount totalDebit }`.

This process then plays a worker: for each path and round, five changes of the batch, `--gap-ms` apart (its
row updated, then its event published into Redis, as imports/publish.py does):
- state (today): the event carries the batch's state, read once here (imports/state.state_json);
- naive (before): the event names the batch alone; every subscriber reads it back.
For every change it reports the time from the start of publishing (the state read included) to each
subscriber's receipt, first, p50, p99 and last, and how many subscribers saw the five statuses exactly in
the order they were made. `--replicas 2` spreads the subscribers over two API processes (Redis carries every
event to both). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT / "bench"))

import bench_graphql as bg  # noqa: E402
import bench_import as bi  # noqa: E402

SUB = (
    "subscription($c: ID!) { importBatchChanged(companyId: $c) { id status progress entryCount totalDebit } }"
)
#: The changes of one round: a parse that ends, then a validation.
CHANGES = [
    ("PARSING", 30),
    ("PARSING", 70),
    ("PENDING_VALIDATION", 100),
    ("VALIDATING", 100),
    ("SUCCEEDED", 100),
]


async def _subscriber(url: str, token: str, company: int, ready: asyncio.Event, seen: list[tuple[float, str]],
                      count: list[int]) -> None:  # fmt: skip
    import websockets

    async with websockets.connect(url, subprotocols=["graphql-transport-ws"], max_size=2**20) as ws:  # type: ignore[list-item]
        await ws.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        )
        ack = json.loads(await ws.recv())
        assert ack["type"] == "connection_ack", ack
        payload = {"query": SUB, "variables": {"c": str(company)}}
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        count[0] += 1
        await ready.wait()
        async for raw in ws:
            message = json.loads(raw)
            if message.get("type") == "next":
                seen.append((time.perf_counter(), message["payload"]["data"]["importBatchChanged"]["status"]))
            elif message.get("type") == "ping":
                await ws.send(json.dumps({"type": "pong"}))


async def _play(settings: Any, batch_id: int, company: int, with_state: bool, gap: float) -> list[float]:
    """One round of CHANGES as a worker makes them; returns when each publish started."""
    from redis.asyncio import Redis

    from ecluse.events import company_batches
    from ecluse.imports.models import ImportBatch
    from ecluse.imports.state import state_json

    redis = Redis.from_url(settings.redis_url)
    channel = f"{settings.channel_prefix}:{company_batches(company)}"
    started: list[float] = []
    try:
        for status, progress in CHANGES:
            await ImportBatch.filter(id=batch_id).update(status=status, progress=progress)
            started.append(time.perf_counter())
            event: dict[str, Any] = {"batch_id": batch_id, "status": status}
            if with_state:
                event["state"] = await state_json(batch_id)
            await redis.publish(channel, json.dumps(event))
            await asyncio.sleep(gap)
    finally:
        await redis.aclose()
    return started


def _pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else float("nan")


async def _measure(
    dep: bi.Deployment, ports: list[int], token: str, args: argparse.Namespace
) -> list[dict[str, Any]]:
    for key, value in dep.env.items():
        os.environ[key] = value
    from ecluse.db.init import orm_open
    from ecluse.settings import Settings

    settings = Settings()
    company, batch_id = dep.info["company_id"], dep.info["batch_id"]
    urls = [f"ws://127.0.0.1:{port}/graphql" for port in ports]  # subscriber i on replica i mod n
    rows: list[dict[str, Any]] = []
    async with orm_open(settings):
        paths = [("naive: each subscriber reads the batch", False), ("state in the event", True)]
        chosen = [p for p in paths if args.paths == "both" or p[1] == (args.paths == "state")]
        for path, with_state in chosen:
            for round_no in range(args.rounds):
                ready, count = asyncio.Event(), [0]
                seen: list[list[tuple[float, str]]] = [[] for _ in range(args.subscribers)]
                tasks = [
                    asyncio.create_task(
                        _subscriber(urls[i % len(urls)], token, company, ready, seen[i], count)
                    )
                    for i in range(args.subscribers)
                ]
                deadline = time.monotonic() + 120
                while count[0] < args.subscribers:
                    if time.monotonic() > deadline or any(t.done() for t in tasks):
                        failed = next((t.exception() for t in tasks if t.done()), None)
                        raise RuntimeError(f"{count[0]} of {args.subscribers} subscribed: {failed!r}")
                    await asyncio.sleep(0.05)
                ready.set()
                await asyncio.sleep(1.0)  # every subscription registered on the server
                profiler = None
                if args.profile and args.server_pid:  # the server's Python time while it delivers
                    out = bi.DATA / f"events-{'state' if with_state else 'naive'}-{round_no + 1}.raw"
                    profiler = bi.Profiler(args.server_pid, out, rate=200)
                started = await _play(settings, batch_id, company, with_state, args.gap_ms / 1000)
                wanted = [status for status, _ in CHANGES]
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and any(len(s) < len(CHANGES) for s in seen):  # noqa: ASYNC110
                    await asyncio.sleep(0.05)  # (a poll: the receipts land in a thousand tasks' lists)
                await asyncio.sleep(0.5)  # anything more than the five would show
                if profiler is not None:
                    bi.print_profile(
                        f"server, {path}, round {round_no + 1}", bi.profile_summary(profiler.stop())
                    )
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                in_order = sum(1 for s in seen if [status for _, status in s] == wanted)
                for index, (status, _) in enumerate(CHANGES):
                    # A subscriber's index-th message answers the index-th change (when it got five).
                    lat = sorted((s[index][0] - started[index]) * 1000 for s in seen if len(s) > index)
                    rows.append({
                        "path": path, "round": round_no + 1, "change": f"{index + 1}. {status}",
                        "received": len(lat), "first": lat[0] if lat else float("nan"), "p50": _pct(lat, 50),
                        "p99": _pct(lat, 99), "last": lat[-1] if lat else float("nan"), "in_order": in_order,
                    })  # fmt: skip
                print(f"[{path}] round {round_no + 1}: {in_order}/{args.subscribers} saw every status in order",
                      flush=True)  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--gap-ms", type=float, default=10.0, help="between two changes of a round")
    parser.add_argument("--lines", type=int, default=300, help="lines of the FEC staged first")
    parser.add_argument("--paths", choices=("both", "state", "naive"), default="both")
    parser.add_argument(
        "--profile", action="store_true", help="py-spy on the (first) server while it delivers"
    )
    parser.add_argument("--replicas", type=int, default=1, help="API processes the subscribers are spread on")
    args = parser.parse_args()
    logs = bi.DATA / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with bi.deployment("postgres") as dep:
        bi.setup(dep)
        staged = bi.stage(dep, bi.fec_file(args.lines))
        dep.info["batch_id"] = staged["batch_id"]
        ports, servers = [], []
        try:
            for replica in range(args.replicas):  # API processes; Redis carries the events to each
                ports.append(bg.free_port())
                log = logs / f"events-{dep.run}-{replica + 1}.log"
                servers.append(bg.start_server(dep, ports[-1], False, log))
            args.server_pid = servers[0].pid
            url = f"http://127.0.0.1:{ports[0]}/graphql"
            token = bg.gql(url, bg.LOGIN, {"e": bi.EMAIL, "p": bi.PASSWORD})["data"]["login"]["token"]
            rows = asyncio.run(_measure(dep, ports, token, args))
        finally:
            for server in servers:
                bi.stop_process(server)
    where = "one API process" if args.replicas == 1 else f"{args.replicas} API replicas (round-robin)"
    print(f"\n{args.subscribers} subscribers, {where}, one uvicorn worker each, PostgreSQL + Redis, changes "
          f"{args.gap_ms:g} ms apart; milliseconds from publishing to receipt\n")  # fmt: skip
    print("| path | round | change | received | first | p50 | p99 | last | all five in order |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['path']} | {r['round']} | {r['change']} | {r['received']} | {r['first']:.0f} | {r['p50']:.0f} | "
              f"{r['p99']:.0f} | {r['last']:.0f} | {r['in_order']} |")  # fmt: skip


if __name__ == "__main__":
    main()
