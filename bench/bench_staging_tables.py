"""What-if for the next step of the import path: staged lines in tables of their own, moved into the ledger by
validateImport, against today's writes straight into `entries` / `entry_lines`. Not the shipped path.

    python bench/bench_staging_tables.py [--lines 1000000] [--db sqlite|postgres|both] [--rounds 2]

Today a staged line is written once, into `entry_lines`, with the ledger's three secondary indexes (entry,
(batch, id), (company, account)) maintained while the user waits for PENDING_VALIDATION; on SQLite that is
most of staging's time (bench_import.py --breakdown). The alternative: staging tables with only the
(batch_id, id) index, and validateImport moving a batch's rows with one `INSERT … SELECT` per table and a
`DELETE` (ids kept, so cursors stay valid), in its one transaction.

Each round, in a freshly migrated database (bench_import.py's setup), the same rows through the driver
(SQLite `executemany`, PostgreSQL `COPY`), in transactions of 20,000 entries / 60,000 lines as staging
writes them:

- A, today: into `entries` and `entry_lines`;
- B, staging tables: into `staged_entries_whatif` and `staged_lines_whatif` (same columns, one index), then
  the move into `entries` / `entry_lines` timed apart.

Prints seconds per path and step; writes JSON in bench/data/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import as bi  # deployment, setup, header, DATA

ENTRY_COLUMNS = ("id", "company_id", "batch_id", "journal_id", "number", "date", "state", "source_line")
LINE_COLUMNS = (
    "id", "entry_id", "company_id", "batch_id", "source_line", "account_id", "third_party_id", "piece_ref",
    "piece_date", "label", "debit", "credit", "lettering", "lettering_date", "validation_date",
    "currency_amount", "currency", "analytic", "due_date", "invoice_ref",
)  # fmt: skip
ENTRIES_PER_TXN = 20_000
BATCH = 999_001  # a batch id no setup creates


def rows(lines: int, company: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Entries of three lines (a debit, a VAT line, a credit), as staging builds them: ISO dates as text."""
    start = date(2025, 1, 1)
    entries, out = [], []
    for e in range(lines // 3):
        day = (start + timedelta(days=e % 365)).isoformat()
        entries.append((e + 1, company, BATCH, 1, f"VT{e:08}", day, "draft", 2 + 3 * e))
        for k in range(3):
            n = 3 * e + k
            debit, credit = (12000, 0) if k == 0 else (0, 10000 if k == 1 else 2000)
            out.append((
                n + 1, e + 1, company, BATCH, 2 + n, 1 + (n * 7919) % 60, 7 if k == 0 else None, f"F{e:08}", day,
                f"Facture client {e} ligne {k}", debit, credit, "", None, day, None, "", "", None, "",
            ))  # fmt: skip
    return entries, out


def _sqlite_tables(db: sqlite3.Connection) -> None:
    types = {r[1]: r[2] for r in db.execute("PRAGMA table_info(entry_lines)")}
    etypes = {r[1]: r[2] for r in db.execute("PRAGMA table_info(entries)")}
    cols = ", ".join(f"{c} {types[c]}" for c in LINE_COLUMNS[1:])
    ecols = ", ".join(f"{c} {etypes[c]}" for c in ENTRY_COLUMNS[1:])
    db.execute(f"CREATE TABLE staged_lines_whatif (id INTEGER PRIMARY KEY, {cols})")
    db.execute("CREATE INDEX staged_lines_whatif_batch ON staged_lines_whatif (batch_id, id)")
    db.execute(f"CREATE TABLE staged_entries_whatif (id INTEGER PRIMARY KEY, {ecols})")
    db.execute("CREATE INDEX staged_entries_whatif_batch ON staged_entries_whatif (batch_id, id)")


def _chunks(entries: list[Any], lines: list[Any]) -> Any:
    for at in range(0, len(entries), ENTRIES_PER_TXN):
        yield entries[at : at + ENTRIES_PER_TXN], lines[3 * at : 3 * (at + ENTRIES_PER_TXN)]


def sqlite_round(path: str, entries: list[Any], lines: list[Any]) -> dict[str, float]:
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536", "temp_store=MEMORY"):
        db.execute(f"PRAGMA {pragma}")
    _sqlite_tables(db)
    out: dict[str, float] = {}

    def write(entry_table: str, line_table: str) -> float:
        started = time.perf_counter()
        for some_entries, some_lines in _chunks(entries, lines):
            db.execute("BEGIN IMMEDIATE")
            db.executemany(f"INSERT INTO {entry_table} ({', '.join(ENTRY_COLUMNS)}) VALUES "
                           f"({', '.join('?' for _ in ENTRY_COLUMNS)})", some_entries)  # fmt: skip
            db.executemany(f"INSERT INTO {line_table} ({', '.join(LINE_COLUMNS)}) VALUES "
                           f"({', '.join('?' for _ in LINE_COLUMNS)})", some_lines)  # fmt: skip
            db.execute("COMMIT")
        return time.perf_counter() - started

    out["A: stage into entries / entry_lines"] = write("entries", "entry_lines")
    db.execute("BEGIN IMMEDIATE")
    db.execute("DELETE FROM entry_lines WHERE batch_id = ?", (BATCH,))
    db.execute("DELETE FROM entries WHERE batch_id = ?", (BATCH,))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    out["B: stage into the staging tables"] = write("staged_entries_whatif", "staged_lines_whatif")
    started = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.execute(f"INSERT INTO entries ({', '.join(ENTRY_COLUMNS)}) SELECT {', '.join(ENTRY_COLUMNS)} "
               "FROM staged_entries_whatif WHERE batch_id = ? ORDER BY id", (BATCH,))  # fmt: skip
    db.execute(f"INSERT INTO entry_lines ({', '.join(LINE_COLUMNS)}) SELECT {', '.join(LINE_COLUMNS)} "
               "FROM staged_lines_whatif WHERE batch_id = ? ORDER BY id", (BATCH,))  # fmt: skip
    db.execute("DELETE FROM staged_lines_whatif WHERE batch_id = ?", (BATCH,))
    db.execute("DELETE FROM staged_entries_whatif WHERE batch_id = ?", (BATCH,))
    db.execute("COMMIT")
    out["B: validateImport's move into the ledger"] = time.perf_counter() - started
    db.close()
    return out


async def postgres_round(dsn: str, entries: list[Any], lines: list[Any]) -> dict[str, float]:
    import asyncpg

    db = await asyncpg.connect(dsn)
    try:
        await db.execute("CREATE TABLE staged_lines_whatif (LIKE entry_lines INCLUDING DEFAULTS)")
        await db.execute("ALTER TABLE staged_lines_whatif ADD PRIMARY KEY (id)")
        await db.execute("CREATE INDEX ON staged_lines_whatif (batch_id, id)")
        await db.execute("CREATE TABLE staged_entries_whatif (LIKE entries INCLUDING DEFAULTS)")
        await db.execute("ALTER TABLE staged_entries_whatif ADD PRIMARY KEY (id)")
        await db.execute("CREATE INDEX ON staged_entries_whatif (batch_id, id)")

        def typed(some: list[Any], dates: tuple[int, ...]) -> list[Any]:
            return [
                tuple(date.fromisoformat(v) if i in dates and v else v for i, v in enumerate(r)) for r in some
            ]

        e_typed, l_typed = typed(entries, (5,)), typed(lines, (8, 13, 14, 18))
        out: dict[str, float] = {}

        async def write(entry_table: str, line_table: str) -> float:
            started = time.perf_counter()
            for some_entries, some_lines in _chunks(e_typed, l_typed):
                async with db.transaction():
                    await db.copy_records_to_table(entry_table, records=some_entries, columns=ENTRY_COLUMNS)
                    await db.copy_records_to_table(line_table, records=some_lines, columns=LINE_COLUMNS)
            return time.perf_counter() - started

        out["A: stage into entries / entry_lines"] = await write("entries", "entry_lines")
        await db.execute("DELETE FROM entry_lines WHERE batch_id = $1", BATCH)
        await db.execute("DELETE FROM entries WHERE batch_id = $1", BATCH)
        await db.execute("VACUUM ANALYZE entry_lines")
        await db.execute("VACUUM ANALYZE entries")
        out["B: stage into the staging tables"] = await write("staged_entries_whatif", "staged_lines_whatif")
        started = time.perf_counter()
        async with db.transaction():
            await db.execute(f"INSERT INTO entries ({', '.join(ENTRY_COLUMNS)}) SELECT {', '.join(ENTRY_COLUMNS)} "
                             "FROM staged_entries_whatif WHERE batch_id = $1", BATCH)  # fmt: skip
            await db.execute(f"INSERT INTO entry_lines ({', '.join(LINE_COLUMNS)}) SELECT "
                             f"{', '.join(LINE_COLUMNS)} FROM staged_lines_whatif WHERE batch_id = $1", BATCH)  # fmt: skip
            await db.execute("DELETE FROM staged_lines_whatif WHERE batch_id = $1", BATCH)
            await db.execute("DELETE FROM staged_entries_whatif WHERE batch_id = $1", BATCH)
        out["B: validateImport's move into the ledger"] = time.perf_counter() - started
        return out
    finally:
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results: dict[str, list[dict[str, float]]] = {}
    for kind in kinds:
        for n in range(args.rounds):
            with bi.deployment(kind, redis=False) as dep:
                info = bi.setup(dep)
                entries, lines = rows(args.lines, int(info["company_id"]))
                url = dep.env["ECLUSE_DATABASE_URL"]
                print(f"[{dep.label}] round {n + 1}: {len(lines):,} lines…", flush=True)
                if kind == "sqlite":
                    got = sqlite_round(url.removeprefix("sqlite://"), entries, lines)
                else:
                    got = asyncio.run(
                        postgres_round(url.replace("postgres://", "postgresql://", 1), entries, lines)
                    )
                results.setdefault(dep.label, []).append(got)
    print(bi.header(f"Staging tables what-if, {args.lines:,} lines (entries of 3 lines)"))
    print("| database | step | seconds per round |\n|---|---|---:|")
    for label, rounds in results.items():
        for step in rounds[0]:
            print(f"| {label} | {step} | {' / '.join(f'{r[step]:.2f}' for r in rounds)} |")
        totals = [
            r["B: stage into the staging tables"] + r["B: validateImport's move into the ledger"]
            for r in rounds
        ]
        print(f"| {label} | B: staging + move | {' / '.join(f'{t:.2f}' for t in totals)} |")
    out = bi.DATA / f"staging_tables_{args.lines}_{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"\n(figures saved in {out.relative_to(bi.BENCH.parent)})")


if __name__ == "__main__":
    main()
