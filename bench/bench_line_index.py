"""What the account index costs at staging, and what dating lines at posting costs instead, on bare tables.

    python bench/bench_line_index.py [--lines 1000000] [--db sqlite|postgres|both] [--rounds 1]

`entry_lines` has four B-trees: its key, (entry_id), (batch_id, id) and the account index (company_id,
account_id, entry_date, entry_id, id). The account index serves the posted books only. Since migration 0011
it is partial, `WHERE entry_date IS NOT NULL`, and on SQLite staging leaves the date out: the lines enter the
index when posting dates them (one UPDATE … FROM entries). This script measures, on tables of the same shape
in a scratch database (a SQLite file in a temporary folder; a `bench_line_index_<pid>` PostgreSQL database,
dropped after), 1M lines written as staging writes them (transactions of 20,000 entries of 3 lines, SQLite
`executemany`, PostgreSQL `COPY`), then the posting's statements:

- dated: today's PostgreSQL path (each line dated when written; posting updates the entries only);
- undated: today's SQLite path (the date left out; posting dates the lines too);
- no account index: the floor, for scale;
- on SQLite, each of the above with 16 KiB pages (the page size of a database created since), and 4 KiB.

Prints seconds per variant (write, posting, both) and writes JSON in bench/data/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
PG = os.environ.get("ECLUSE_BENCH_PG", "postgres://postgres@127.0.0.1:5432/test")
ENTRIES_PER_TXN = 20_000
ENTRY_COLUMNS = ("id", "company_id", "batch_id", "journal_id", "number", "date", "state", "source_line")
LINE_COLUMNS = (
    "id", "entry_id", "company_id", "batch_id", "source_line", "account_id", "third_party_id", "piece_ref",
    "piece_date", "label", "debit", "credit", "lettering", "lettering_date", "validation_date",
    "currency_amount", "currency", "analytic", "due_date", "invoice_ref", "entry_date",
)  # fmt: skip
ENTRIES_SQL = """CREATE TABLE entries (id BIGINT PRIMARY KEY, company_id INT, batch_id INT, journal_id INT,
  number VARCHAR(40), date DATE, state VARCHAR(10), source_line INT)"""
LINES_SQL = """CREATE TABLE entry_lines (id BIGINT PRIMARY KEY, entry_id BIGINT, company_id INT, batch_id INT,
  source_line INT, account_id INT, third_party_id INT, piece_ref VARCHAR(100), piece_date DATE,
  label VARCHAR(300), debit BIGINT, credit BIGINT, lettering VARCHAR(20), lettering_date DATE,
  validation_date DATE, currency_amount BIGINT, currency VARCHAR(3), analytic VARCHAR(40), due_date DATE,
  invoice_ref VARCHAR(100), entry_date DATE)"""
INDEXES = (
    "CREATE INDEX entries_batch ON entries (batch_id, id)",
    "CREATE INDEX entries_state ON entries (company_id, state, date)",
    "CREATE INDEX lines_entry ON entry_lines (entry_id)",
    "CREATE INDEX lines_batch ON entry_lines (batch_id, id)",
)
ACCOUNT_INDEX = (
    "CREATE INDEX lines_account ON entry_lines (company_id, account_id, entry_date, entry_id, id) "
    "WHERE entry_date IS NOT NULL"
)
POST_ENTRIES = "UPDATE entries SET state = 'posted' WHERE batch_id = 5"
DATE_LINES = (
    "UPDATE entry_lines SET entry_date = e.date FROM entries e "
    "WHERE entry_lines.batch_id = 5 AND e.id = entry_lines.entry_id"
)
VARIANTS = {"dated": (True, True), "undated": (True, False), "no account index": (False, True)}


def rows(lines: int, iso: bool) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Entries of three lines in date order (as a FEC is), accounts spread over 60."""
    start = date(2025, 1, 1)
    entries, out = [], []
    for e in range(lines // 3):
        day: Any = start + timedelta(days=e % 365)
        day = day.isoformat() if iso else day
        entries.append((e + 1, 1, 5, 1, f"VT{e:08}", day, "draft", 2 + 3 * e))
        for k in range(3):
            n = 3 * e + k
            debit, credit = (12000, 0) if k == 0 else (0, 10000 if k == 1 else 2000)
            out.append((
                n + 1, e + 1, 1, 5, 2 + n, 1 + (n * 7919) % 60, 7 if k == 0 else None, f"F{e:08}", day,
                f"Facture client {e} ligne {k}", debit, credit, "", None, day, None, "", "", None, "", day,
            ))  # fmt: skip
    return entries, out


def _parts(entries: list[Any], lines: list[Any], dated: bool) -> Any:
    for at in range(0, len(entries), ENTRIES_PER_TXN):
        some = lines[3 * at : 3 * (at + ENTRIES_PER_TXN)]
        yield entries[at : at + ENTRIES_PER_TXN], some if dated else [(*r[:-1], None) for r in some]


def sqlite_variant(
    entries: list[Any], lines: list[Any], indexed: bool, dated: bool, page: int
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = sqlite3.connect(str(Path(folder) / "bench.sqlite3"), isolation_level=None)
        for pragma in (f"page_size={page}", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536",
                       "temp_store=MEMORY"):  # fmt: skip
            db.execute(f"PRAGMA {pragma}")
        for sql in (ENTRIES_SQL, LINES_SQL, *INDEXES, *((ACCOUNT_INDEX,) if indexed else ())):
            db.execute(sql)
        started = time.perf_counter()
        for some_entries, some_lines in _parts(entries, lines, dated):
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                f"INSERT INTO entries VALUES ({', '.join('?' for _ in ENTRY_COLUMNS)})", some_entries
            )
            db.executemany(
                f"INSERT INTO entry_lines VALUES ({', '.join('?' for _ in LINE_COLUMNS)})", some_lines
            )
            db.execute("COMMIT")
        write = time.perf_counter() - started
        started = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute(POST_ENTRIES)
        if not dated:
            db.execute(DATE_LINES)
        db.execute("COMMIT")
        db.close()
        return {"write": write, "posting": time.perf_counter() - started}


async def postgres_variant(
    entries: list[Any], lines: list[Any], indexed: bool, dated: bool
) -> dict[str, float]:
    import asyncpg

    admin = await asyncpg.connect(PG.replace("postgres://", "postgresql://", 1))
    name = f"bench_line_index_{os.getpid()}"
    await admin.execute(f"DROP DATABASE IF EXISTS {name}")
    await admin.execute(f"CREATE DATABASE {name}")
    try:
        db = await asyncpg.connect(
            PG.replace("postgres://", "postgresql://", 1).rsplit("/", 1)[0] + "/" + name
        )
        try:
            for sql in (ENTRIES_SQL, LINES_SQL, *INDEXES, *((ACCOUNT_INDEX,) if indexed else ())):
                await db.execute(sql)
            started = time.perf_counter()
            for some_entries, some_lines in _parts(entries, lines, dated):
                async with db.transaction():
                    await db.copy_records_to_table("entries", records=some_entries, columns=ENTRY_COLUMNS)
                    await db.copy_records_to_table("entry_lines", records=some_lines, columns=LINE_COLUMNS)
            write = time.perf_counter() - started
            started = time.perf_counter()
            async with db.transaction():
                await db.execute(POST_ENTRIES)
                if not dated:
                    await db.execute(DATE_LINES)
            return {"write": write, "posting": time.perf_counter() - started}
        finally:
            await db.close()
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {name}")
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    results: list[dict[str, Any]] = []
    if args.db in ("sqlite", "both"):
        entries, lines = rows(args.lines, iso=True)
        for page in (4096, 16384):
            for variant, (indexed, dated) in VARIANTS.items():
                for _ in range(args.rounds):
                    got = sqlite_variant(entries, lines, indexed, dated, page)
                    results.append({"db": f"SQLite, {page // 1024} KiB pages", "variant": variant, **got})
                    print(results[-1], flush=True)
    if args.db in ("postgres", "both"):
        entries, lines = rows(args.lines, iso=False)
        for variant, (indexed, dated) in VARIANTS.items():
            for _ in range(args.rounds):
                got = asyncio.run(postgres_variant(entries, lines, indexed, dated))
                results.append({"db": "PostgreSQL", "variant": variant, **got})
                print(results[-1], flush=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"\n## The account index at staging, {args.lines:,} lines — {stamp}, load {os.getloadavg()[0]:.1f}\n"
    )
    print("| database | lines | write s | posting s | both s |\n|---|---|---:|---:|---:|")
    for r in results:
        both = r["write"] + r["posting"]
        print(f"| {r['db']} | {r['variant']} | {r['write']:.2f} | {r['posting']:.2f} | {both:.2f} |")
    DATA.mkdir(exist_ok=True)
    out = DATA / f"line_index_{args.lines}_{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"\n(figures saved in {out.relative_to(DATA.parent.parent)})")


if __name__ == "__main__":
    main()
