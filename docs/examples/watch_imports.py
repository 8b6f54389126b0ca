"""Follow a company's imports live over WebSocket (graphql-transport-ws), as a partner app or a console would.

    python docs/examples/watch_imports.py --email collab@demo.ecluse.fr --company 1
    python docs/examples/watch_imports.py --api-key eck_... --company 1 --url ws://127.0.0.1:8000/graphql

Uses only `websockets` (installed with Écluse) and the standard library. Logs in over HTTP first when given
an email (password `demo` by default, as in the demo data), then prints every ImportBatch change.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import urllib.request

import websockets

SUBSCRIPTION = """
subscription($c: ID!) {
  importBatchChanged(companyId: $c) { id fileName status progress entryCount rejectedEntryCount errorSummary }
}
"""


def login(http_url: str, email: str, password: str) -> str:
    body = json.dumps(
        {
            "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }",
            "variables": {"e": email, "p": password},
        }
    ).encode()
    request = urllib.request.Request(http_url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        result = json.load(response)["data"]["login"]
    if not result["token"]:
        raise SystemExit(f"login failed: {result['errors']}")
    return str(result["token"])


async def watch(url: str, init_payload: dict[str, str], company: str) -> None:
    async with websockets.connect(url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": init_payload}))
        ack = json.loads(await ws.recv())
        if ack["type"] != "connection_ack":
            raise SystemExit(f"connection refused: {ack}")
        await ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": SUBSCRIPTION, "variables": {"c": company}},
                }
            )
        )
        print(f"watching the imports of company {company}; Ctrl-C to stop")
        async for raw in ws:
            message = json.loads(raw)
            if message["type"] == "ping":
                await ws.send(json.dumps({"type": "pong"}))
            elif message["type"] == "next":
                if message["payload"].get("errors"):
                    print("errors:", message["payload"]["errors"])
                    continue
                batch = message["payload"]["data"]["importBatchChanged"]
                print(
                    f"import {batch['id']} {batch['fileName']}: {batch['status']} {batch['progress']}% "
                    f"entries={batch['entryCount']} rejected={batch['rejectedEntryCount']} "
                    f"{batch['errorSummary']}".rstrip()
                )
            elif message["type"] in ("error", "complete"):
                print(message)
                return


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="ws://127.0.0.1:8000/graphql")
    parser.add_argument("--company", required=True, help="company id (see the `companies` query)")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--email")
    who.add_argument("--token", help="a bearer token from `login`")
    who.add_argument("--api-key")
    parser.add_argument("--password", default="demo")
    args = parser.parse_args()

    if args.api_key:
        payload = {"apiKey": args.api_key}
    else:
        token = args.token or login(args.url.replace("ws", "http", 1), args.email, args.password)
        payload = {"authorization": f"Bearer {token}"}
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(watch(args.url, payload, args.company))


if __name__ == "__main__":
    main()
