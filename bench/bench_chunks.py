"""What a chunk costs on its way from the parse to the database: columns (imports/feed.py, today) beside the
14-field tuple per line it replaced, in the same run.

    python bench/bench_chunks.py [--entries 20000] [--repeat 5]

A FEC file of `--entries` entries (3 lines each, the demo generator) is parsed once; its entries are then fed
into one chunk both ways, and for each way the bench times what happens to a chunk of a big file: built in the
parser process (not timed: see main), pickled through the pipe, unpickled in the API process, turned into
database rows. It prints
a Markdown table (best of `--repeat`, milliseconds, and pickled bytes). No database: the insert itself is the
same rows either way.
"""

from __future__ import annotations

import argparse
import io
import pickle
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))

from ecluse.demo import demo_fec  # noqa: E402
from ecluse.formats.records import Entry  # noqa: E402
from ecluse.formats.registry import open_parser  # noqa: E402
from ecluse.imports.feed import Chunk, Target, _Feeder  # noqa: E402
from ecluse.imports.stage import _rows  # noqa: E402


def _entries(count: int) -> list[Entry]:
    parsed = open_parser("FEC", io.BytesIO(demo_fec(count, 2025, seed=7)), "bench.txt")
    return [item for item in parsed.items() if isinstance(item, Entry)]


def _target() -> Target:
    return Target(companies={"": 1}, years={1: [(1, date(2025, 1, 1), date(2025, 12, 31))]})


class _Master(dict[str, int]):
    """Master data ids as staging looks them up (MasterData): every code gets id 9."""

    def __missing__(self, key: str) -> int:
        self[key] = 9  # staging's maps hold every code of the chunk before the rows are built
        return 9


# --- the naive path: one tuple per line, read by index (what imports/feed.py sent before) ------------------


def tuples(entries: list[Entry]) -> list[Any]:
    iso: dict[date | None, str | None] = {None: None}

    def day(value: date | None) -> str | None:
        if value not in iso:
            iso[value] = value.isoformat()  # type: ignore[union-attr]
        return iso[value]

    out = []
    for entry in entries:
        wire = tuple(
            (
                ln.line,
                ln.account_number,
                ln.aux_number,
                ln.piece_ref,
                day(ln.piece_date),
                ln.label,
                ln.debit,
                ln.credit,
                ln.lettering,
                day(ln.lettering_date),
                day(ln.validation_date),
                ln.currency_amount,
                ln.currency,
                ln.analytic,
            )
            for ln in entry.lines
        )
        out.append((1, entry.journal_code, entry.number, day(entry.date), entry.lines[0].line, wire))
    return out


def tuple_rows(wire: list[Any], ids: list[int]) -> int:
    """The rows built line by line, with the same master-data lookups as staging."""
    journals, accounts, parties = _Master(), _Master(), _Master()
    rows = []
    for (cid, journal, number, day, first, lines), entry_id in zip(wire, ids, strict=True):
        rows.append((entry_id, cid, 9, journals[journal], number, day, "draft", first))
        for line in lines:
            rows.append((entry_id, cid, 9, line[0], accounts[line[1]], parties[line[2]] if line[2] else None,
                         line[3], line[4], line[5], line[6], line[7], line[8], line[9], line[10], line[11],
                         line[12], line[13]))  # fmt: skip
    return len(rows)


# --- today's path: columns ------------------------------------------------------------------------------


def columns(entries: list[Entry]) -> Chunk:
    return _Feeder(_target()).chunk(entries)  # type: ignore[arg-type]


def column_rows(chunk: Chunk, ids: list[int]) -> int:
    """The rows staging itself builds (imports/stage._rows): lookups column by column, tuples out of zip."""
    master = SimpleNamespace(journals=_Master(), accounts=_Master(), third_parties=_Master())
    batch = SimpleNamespace(id=9)
    batches = SimpleNamespace(main=batch, by_company={1: batch}, masters={1: master})
    sqlite = SimpleNamespace(capabilities=SimpleNamespace(dialect="sqlite"))
    return sum(len(data) for _, _, data in _rows(sqlite, batches, chunk, ids))  # type: ignore[arg-type]


def best(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    entries = _entries(args.entries)
    ids = list(range(1, len(entries) + 1))
    print(f"{len(entries):,} entries, {sum(len(e.lines) for e in entries):,} lines (one chunk)\n")
    # Building is not compared: the feeder that builds columns also checks fiscal years, the batch total and
    # the master data seen, which the tuple builder here leaves out.
    print("| path | pickle ms | bytes | unpickle ms | rows ms | rows |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, build, rows in (
        ("tuple per line (before)", lambda: tuples(entries), tuple_rows),
        ("columns (today)", lambda: columns(entries), column_rows),
    ):
        chunk = build()
        pickle_ms, data = best(args.repeat, lambda chunk=chunk: pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))
        unpickle_ms, back = best(args.repeat, lambda data=data: pickle.loads(data))
        rows_ms, count = best(args.repeat, lambda back=back, rows=rows: rows(back, ids))
        print(f"| {name} | {pickle_ms:.0f} | {len(data):,} | {unpickle_ms:.0f} | {rows_ms:.0f} | {count:,} |")


if __name__ == "__main__":
    main()
