"""Measure FEC parse + group + balance: lines/s and peak RSS, against baselines, in one run.

    python bench/bench_parse.py [--file bench/data/fec_1m.txt] [--lines 1000000] [--repeat 3]

Each path runs in its own process (so each peak RSS is its own, from `resource.getrusage`):
- csv        bare csv.reader over the file (the floor for "reading a TAB file in Python");
- naive      csv.reader + Decimal per amount + dict grouping of every line, then the balance check;
- ecluse-lines   Écluse's reader and line parser alone (EntryLine objects, no grouping);
- ecluse     open_fec(...).items(): parse, group, balance, findings: what the import does.
Best of --repeat runs for time (wall and CPU); the file is generated first if missing.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import chain
from pathlib import Path

MODES = ("csv", "naive", "ecluse-lines", "ecluse")


def _csv(path: Path) -> dict[str, int]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {"lines": sum(1 for _ in csv.reader(fh, delimiter="\t")) - 1}


def _naive(path: Path) -> dict[str, int]:
    groups: dict[tuple[str, str], list[tuple[date, Decimal, Decimal]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t")
        names = next(rows)
        at = {name: i for i, name in enumerate(names)}
        jc, num, day, deb, cred = (
            at[c] for c in ("JournalCode", "EcritureNum", "EcritureDate", "Debit", "Credit")
        )
        lines = 0
        for row in rows:
            lines += 1
            d = row[day]
            entry_date = date(int(d[:4]), int(d[4:6]), int(d[6:8]))
            debit = Decimal(row[deb].replace(",", "."))
            credit = Decimal(row[cred].replace(",", "."))
            groups.setdefault((row[jc], row[num]), []).append((entry_date, debit, credit))
    good = debit_total = credit_total = 0
    for entry in groups.values():
        d_sum = sum(x[1] for x in entry)
        c_sum = sum(x[2] for x in entry)
        if d_sum == c_sum:
            good += 1
            debit_total += int(d_sum * 100)
            credit_total += int(c_sum * 100)
    return {"lines": lines, "entries": good, "debit": debit_total, "credit": credit_total}


def _ecluse_lines(path: Path) -> dict[str, int]:
    from ecluse.formats.fec import open_fec

    with open(path, "rb") as fh:
        fec = open_fec(fh, path.name)
        items = sum(1 for _ in chain.from_iterable(fec._item_blocks()))  # internal: the line parser alone
    return {"lines": fec.line_count, "items": items}


def _ecluse(path: Path) -> dict[str, int]:
    from ecluse.formats.fec import open_fec
    from ecluse.formats.records import Entry, RejectedEntry

    good = rejected = notes = debit = credit = 0
    with open(path, "rb") as fh:
        fec = open_fec(fh, path.name)
        for item in fec.items():
            if type(item) is Entry:
                good += 1
                for line in item.lines:
                    debit += line.debit
                    credit += line.credit
            elif type(item) is RejectedEntry:
                rejected += 1
            else:
                notes += 1
    return {"lines": fec.line_count, "entries": good, "rejected": rejected, "findings": notes, "debit": debit,
            "credit": credit}  # fmt: skip


RUNNERS: dict[str, Callable[[Path], dict[str, int]]] = {
    "csv": _csv, "naive": _naive, "ecluse-lines": _ecluse_lines, "ecluse": _ecluse,
}  # fmt: skip


def child(mode: str, path: Path, repeat: int) -> None:
    best_wall = best_cpu = float("inf")
    result: dict[str, int] = {}
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = RUNNERS[mode](path)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"wall": best_wall, "cpu": best_cpu, "rss_mib": rss_mib, **result}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=Path("bench/data/fec_1m.txt"))
    parser.add_argument(
        "--lines", type=int, default=1_000_000, help="lines to generate if the file is missing"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file, args.repeat)
        return
    if not args.file.exists():
        sys.path.insert(0, str(Path(__file__).parent))
        from gen_fec import generate_fec

        args.file.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {args.file} ({args.lines} lines)…", flush=True)
        generate_fec(args.file, args.lines)
    size_mib = args.file.stat().st_size / 2**20
    print(f"{args.file}: {size_mib:.0f} MiB, best of {args.repeat}")
    print(
        f"{'path':<14}{'lines':>10}{'wall s':>9}{'lines/s':>11}{'cpu s':>8}{'lines/s cpu':>13}{'peak RSS':>10}"
    )
    results = {}
    for mode in args.modes.split(","):
        command = [
            sys.executable,
            __file__,
            "--child",
            mode,
            "--file",
            str(args.file),
            "--repeat",
            str(args.repeat),
        ]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        r = results[mode] = json.loads(out.strip().splitlines()[-1])
        print(
            f"{mode:<14}{r['lines']:>10}{r['wall']:>9.2f}{r['lines'] / r['wall']:>11,.0f}{r['cpu']:>8.2f}"
            f"{r['lines'] / r['cpu']:>13,.0f}{r['rss_mib']:>8.0f} MiB"
        )
    if "ecluse" in results and "naive" in results:
        e, n = results["ecluse"], results["naive"]
        print(f"ecluse: {e['entries']} entries, {e['rejected']} rejected, {e['findings']} findings, "
              f"debit {e['debit']} credit {e['credit']} (naive: {n['entries']} entries, debit {n['debit']})")  # fmt: skip


if __name__ == "__main__":
    main()
