"""Every ledger format side by side, in one run: parse lines/s and upload → PENDING_VALIDATION lines/s.

    python bench/bench_formats.py [--lines 1000000] [--formats FEC,TRA,JSON,CUSTOM] [--no-stage]
                                  [--db sqlite|postgres] [--repeat 1]

For each format, a file of N lines from its generator (bench/gen_fec.py, gen_tra.py, gen_json.py, gen_custom.py,
same year, cached in bench/data/ by generator version and size), then, each in a fresh process:

1. parse: `open_parser(format, …).items()` consumed whole (parse, group, balance, findings — no database):
   wall and CPU seconds, lines/s, peak RSS;
2. stage (unless --no-stage): a fresh database and the real import path of bench/bench_import.py (receive the
   file, the parse_import job: parse in a child process, master data, bulk insert) until PENDING_VALIDATION.

"Lines" are the file's data lines (FEC, TRA, CSV) or line objects (JSON). A custom CSV line also generates VAT
lines, so it stages more entry lines than it has file lines. Prints a Markdown table; JSON in bench/data/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "data"
sys.path.insert(0, str(BENCH))

import bench_import  # noqa: E402  (a sibling script, not a package)

YEAR = bench_import.YEAR
FORMATS = ("FEC", "TRA", "JSON", "CUSTOM")
GENERATORS = {"FEC": "gen_fec.py", "TRA": "gen_tra.py", "JSON": "gen_json.py", "CUSTOM": "gen_custom.py"}
NAMES = {"FEC": bench_import.FEC_NAME, "TRA": "BENCH.TRA", "JSON": "bench.json", "CUSTOM": "bench.csv"}


def data_file(fmt: str, lines: int) -> Path:
    """The cached input of `fmt`, regenerated when its generator changes."""
    generator = BENCH / GENERATORS[fmt]
    digest = hashlib.sha256(generator.read_bytes()).hexdigest()[:10]
    path = DATA / f"formats_{fmt.lower()}_{lines}_{digest}{Path(NAMES[fmt]).suffix}"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    started = time.perf_counter()
    if fmt == "FEC":
        import gen_fec

        gen_fec.generate_fec(tmp, lines, year=YEAR)
    elif fmt == "TRA":
        import gen_tra

        gen_tra.generate_tra(tmp, lines, year=YEAR)
    elif fmt == "JSON":
        import gen_json

        gen_json.generate_json(tmp, lines, year=YEAR)
    else:
        import gen_custom

        gen_custom.generate_custom(tmp, lines, year=YEAR)
    tmp.rename(path)
    print(f"generated {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def layout_for(fmt: str) -> dict[str, Any] | None:
    if fmt != "CUSTOM":
        return None
    import gen_custom

    return gen_custom.layout()


def child_parse(spec: dict[str, Any]) -> dict[str, Any]:
    from ecluse.formats.records import Entry, RejectedEntry
    from ecluse.formats.registry import open_parser

    entries = rejected = entry_lines = 0
    wall, cpu = time.perf_counter(), time.process_time()
    with open(spec["file"], "rb") as stream:
        parsed = open_parser(spec["format"], stream, spec["name"], layout=spec["layout"], ranges=[])
        if parsed.fatal is not None:
            return {"error": parsed.fatal.message}
        for item in parsed.items():
            if isinstance(item, Entry):
                entries += 1
                entry_lines += len(item.lines)
            elif isinstance(item, RejectedEntry):
                rejected += 1
        lines = parsed.line_count
    return {
        "lines": lines, "entries": entries, "entry_lines": entry_lines, "rejected": rejected,
        "wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }  # fmt: skip


def parse(fmt: str, path: Path) -> dict[str, Any]:
    spec = {"format": fmt, "file": str(path), "name": NAMES[fmt], "layout": layout_for(fmt)}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    if "error" in result:
        raise RuntimeError(f"{fmt}: {result['error']}")
    return result


def stage(fmt: str, path: Path, db: str) -> dict[str, Any]:
    with bench_import.deployment(db) as dep:
        bench_import.setup(dep)
        return bench_import.run_child(
            dep,
            "stage",
            1800,
            file=str(path),
            within=1800,
            format=fmt,
            name=NAMES[fmt],
            layout=layout_for(fmt),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--no-stage", action="store_true")
    parser.add_argument("--db", default="sqlite", choices=("sqlite",))
    parser.add_argument("--repeat", type=int, default=1, help="parse runs per format (best kept)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_parse(json.loads(args.child))))
        return
    rows = []
    for fmt in [f.strip().upper() for f in args.formats.split(",")]:
        path = data_file(fmt, args.lines)
        best = min((parse(fmt, path) for _ in range(args.repeat)), key=lambda r: r["wall_s"])
        row: dict[str, Any] = {"format": fmt, "size": path.stat().st_size, "parse": best}
        if not args.no_stage:
            row["stage"] = stage(fmt, path, args.db)
        rows.append(row)
        print(f"{fmt}: {json.dumps(row)}", file=sys.stderr)
    print(f"\n{args.lines:,} lines per format, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n")
    print("| format | file | entries | parse s (CPU) | parse lines/s | parse RSS | stage s | stage lines/s |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        p, s = row["parse"], row.get("stage")
        staged = f"{s['seconds']:.1f} | {p['lines'] / s['seconds']:,.0f}" if s else "– | –"
        print(
            f"| {row['format']} | {row['size'] / 2**20:.0f} MiB | {p['entries']:,} | {p['wall_s']:.1f} "
            f"({p['cpu_s']:.1f}) | {p['lines'] / p['wall_s']:,.0f} | {p['peak_rss'] / 2**20:.0f} MB | {staged} |"
        )
    out = DATA / f"bench_formats_{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
