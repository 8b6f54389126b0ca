"""The posted books at size: how fast the ledger screens' first and deep pages answer over 1M posted lines.

    python bench/bench_books.py [--lines 1000000] [--db sqlite|postgres|both] [--repeat 7] [--keep]

For each database: a fresh database; an N-line FEC (gen_fec.py) staged and validated through the real path
(bench_import.py's functions), then `ecluse serve` on a free port and a login. Each query is sent `--repeat`
times, one after another (the latency a person waits for, not a load test); the table gives the first (cold)
and the median of the others:

- `postedEntries(first: 50)`: the first page of the journal-entries screen; and 50 entries from the middle
  (a keyset cursor);
- `accountLedger(account: "411000", first: 100)`: the first page of the customers' collective account (a sixth
  of the lines) with its running balance; a page from its middle by a cursor made up from the database (the
  balance before the page summed once); and the page after it, by the cursor the server gave (it carries the
  balance: no sum), as a client paging through the ledger reads it;
- `trialBalance` of the year; `accounts(first: 100)` and `thirdParties(first: 100)` with "used";
- beside them, the naive path in the same database: the middle page of the account read with OFFSET and its
  running balance summed over every line before it in Python, as a first version would.

Aim (issue 16): 1M posted lines browse with first rows in under 300 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_graphql as bg
import bench_import as bi

ENTRIES = """query($c: ID!, $a: String) { postedEntries(companyId: $c, first: 50, after: $a) {
  pageInfo { endCursor } nodes { id journal number date totalDebit lines { account debit credit } } } }"""
LEDGER = """query($c: ID!, $a: String) { accountLedger(companyId: $c, account: "411000", first: 100, after: $a) {
  openingBalance closingBalance lines { pageInfo { endCursor }
  nodes { date journal number balance line { thirdParty label debit credit } } } } }"""
TRIAL = "query($c: ID!) { trialBalance(companyId: $c) { totalDebit totalCredit lines { account balance } } }"
MASTER = """query($c: ID!) { accounts(companyId: $c, first: 100) { nodes { code used createdByBatchId } }
  thirdParties(companyId: $c, first: 100) { nodes { code kind used } } }"""


def timed(call: Any, repeat: int) -> tuple[float, float]:
    """(first, median of the rest) in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times[1:]) if len(times) > 1 else times[0]


def middle_cursors(dep: bi.Deployment, company_id: int) -> dict[str, Any]:
    """Cursors of the middle entry and of the middle line of 411000, and the naive path's figures."""
    from ecluse.api.pagination import encode_cursor

    url = dep.env["ECLUSE_DATABASE_URL"]
    entry_sql = "SELECT date, id FROM entries WHERE company_id = {p} AND state = 'posted' ORDER BY date, id"
    account = "SELECT id FROM accounts WHERE company_id = {p} AND number = '411000'"
    lines_sql = (
        "SELECT e.date, e.id, l.id, l.debit, l.credit FROM entry_lines l JOIN entries e ON e.id = l.entry_id "
        "WHERE l.company_id = {p} AND l.account_id = {q} AND e.state = 'posted' ORDER BY e.date, e.id, l.id"
    )
    naive_sql = lines_sql + " LIMIT 100 OFFSET {o}"
    if dep.kind == "sqlite":
        import sqlite3

        with contextlib.closing(sqlite3.connect(url.split("://", 1)[1])) as conn:
            entries = conn.execute(entry_sql.format(p="?"), (company_id,)).fetchall()
            account_id = conn.execute(account.format(p="?"), (company_id,)).fetchone()[0]
            count = conn.execute(
                "SELECT COUNT(*) FROM entry_lines WHERE company_id = ? AND account_id = ?",
                (company_id, account_id),
            ).fetchone()[0]
            middle = count // 2
            row = conn.execute(
                lines_sql.format(p="?", q="?") + " LIMIT 1 OFFSET ?", (company_id, account_id, middle)
            ).fetchone()

            def naive() -> None:
                page = conn.execute(
                    naive_sql.format(p="?", q="?", o=middle), (company_id, account_id)
                ).fetchall()
                before = conn.execute(
                    lines_sql.format(p="?", q="?") + f" LIMIT {middle}", (company_id, account_id)
                )
                balance = sum(d - c for *_, d, c in before)
                for *_, d, c in page:
                    balance += d - c

            naive_first, naive_median = timed(naive, 3)
    else:
        import asyncio

        import asyncpg

        async def read() -> tuple[Any, ...]:
            conn = await asyncpg.connect(url, timeout=10)
            try:
                entries = await conn.fetch(entry_sql.format(p="$1"), company_id)
                account_id = await conn.fetchval(account.format(p="$1"), company_id)
                count = await conn.fetchval(
                    "SELECT COUNT(*) FROM entry_lines WHERE company_id = $1 AND account_id = $2",
                    company_id,
                    account_id,
                )
                middle = count // 2
                row = await conn.fetchrow(
                    lines_sql.format(p="$1", q="$2") + " LIMIT 1 OFFSET $3", company_id, account_id, middle
                )
                times = []
                for _ in range(3):
                    started = time.perf_counter()
                    page = await conn.fetch(
                        naive_sql.format(p="$1", q="$2", o=middle), company_id, account_id
                    )
                    before = await conn.fetch(
                        lines_sql.format(p="$1", q="$2") + f" LIMIT {middle}", company_id, account_id
                    )
                    balance = sum(r[3] - r[4] for r in before)
                    for r in page:
                        balance += r[3] - r[4]
                    times.append((time.perf_counter() - started) * 1000)
                return entries, count, row, times[0], statistics.median(times[1:])
            finally:
                await conn.close()

        entries, count, row, naive_first, naive_median = asyncio.run(read())
    mid = entries[len(entries) // 2]
    return {
        "entries": len(entries), "account_lines": count,
        "entry_cursor": encode_cursor(str(mid[0]), mid[1]),
        "line_cursor": encode_cursor(str(row[0]), row[1], row[2]),
        "naive": (naive_first, naive_median),
    }  # fmt: skip


def bench_database(kind: str, path: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    logs = bi.DATA / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with bi.deployment(kind, keep=args.keep) as dep:
        info = bi.setup(dep)
        print(f"[{dep.label}] staging and validating {args.lines:,} lines…", flush=True)
        staged = bi.stage(dep, path, timeout=args.timeout)
        if staged["status"] != "PENDING_VALIDATION":
            raise RuntimeError(f"staging ended {staged['status']}: {staged['error_summary']}")
        posted = bi.validate(dep, staged["batch_id"], timeout=args.timeout)
        if posted["status"] != "SUCCEEDED":
            raise RuntimeError(f"validation ended {posted['status']}")
        company = info["company_id"]
        marks = middle_cursors(dep, company)
        print(
            f"[{dep.label}] {marks['entries']:,} posted entries; 411000 has {marks['account_lines']:,} lines",
            flush=True,
        )
        port = bg.free_port()
        server = bg.start_server(dep, port, False, logs / f"serve-books-{dep.run}.log")
        try:
            url = f"http://127.0.0.1:{port}/graphql"
            token = bg.gql(url, bg.LOGIN, {"e": bi.EMAIL, "p": bi.PASSWORD})["data"]["login"]["token"]
            c = str(company)
            # The page after the middle one, by the cursor a client holds (it carries the balance).
            middle = bg.gql(url, LEDGER, {"c": c, "a": marks["line_cursor"]}, token)["data"]["accountLedger"]
            next_cursor = middle["lines"]["pageInfo"]["endCursor"]
            cases = [
                ("postedEntries(first: 50), first page", ENTRIES, {"c": c}),
                ("postedEntries(first: 50), from the middle", ENTRIES, {"c": c, "a": marks["entry_cursor"]}),
                ("accountLedger 411000 (first: 100), first page", LEDGER, {"c": c}),
                (
                    "accountLedger 411000 (first: 100), from the middle (a cursor made up: the balance summed)",
                    LEDGER,
                    {"c": c, "a": marks["line_cursor"]},
                ),
                (
                    "accountLedger 411000 (first: 100), the next page (its cursor carries the balance)",
                    LEDGER,
                    {"c": c, "a": next_cursor},
                ),
                ("trialBalance of the year", TRIAL, {"c": c}),
                ("accounts + thirdParties (first: 100), with used", MASTER, {"c": c}),
            ]
            for name, query, variables in cases:
                first, median = timed(lambda q=query, v=variables: bg.gql(url, q, v, token), args.repeat)
                rows.append({"db": dep.label, "query": name, "first_ms": first, "median_ms": median})
                print(f"[{dep.label}] {name}: first {first:.0f} ms, median {median:.0f} ms", flush=True)
            naive_first, naive_median = marks["naive"]
            rows.append({"db": dep.label, "query": "naive: 411000's middle page by OFFSET + balance summed in Python",
                         "first_ms": naive_first, "median_ms": naive_median})  # fmt: skip
            print(
                f"[{dep.label}] naive middle page: first {naive_first:.0f} ms, median {naive_median:.0f} ms",
                flush=True,
            )
        finally:
            bi.stop_process(server)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    path = bi.fec_file(args.lines)
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    rows = [row for kind in kinds for row in bench_database(kind, path, args)]
    print()
    print(bi.header("The posted books, one request at a time"))
    print("| database | query | first (cold) | median |")
    print("|---|---|---:|---:|")
    for r in rows:
        print(f"| {r['db']} | {r['query']} | {r['first_ms']:.0f} ms | {r['median_ms']:.0f} ms |")


if __name__ == "__main__":
    main()
