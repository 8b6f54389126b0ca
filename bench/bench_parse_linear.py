"""Parse time against input length: one line without a line end, and files of many lines, before and after.

    python bench/bench_parse_linear.py [--sizes 1,2,4,8,16,32] [--lines 100000,250000,500000,1000000]
                                       [--before 2c890cc] [--before-max 16] [--no-files]

1. One line of N MB without a line end (a file whose line ends were lost, or not a text file at all): the
   whole file as one line (its header line), a FEC header then the line, a TRA header then the line, a custom CSV header then the line, and JSON documents
   holding one string, or one number, of N MB. The bytes are made as they are read (no file, no copy in
   the measuring process), so the peak RSS is the parser's own.
2. Files of 100k to 1M lines from the generators of bench_formats.py (FEC, TRA, JSON, custom CSV; cached in
   bench/data/).

Each measurement runs `open_parser(...).items()` to the end in a fresh process (wall and CPU seconds, peak
RSS, what it gave). `--before` runs the same measurements on the parsers of an earlier commit (its
backend/ecluse extracted with `git archive` into bench/data/, imported instead of this checkout's), sizes of
part 1 up to `--before-max` MB only: that code is quadratic in the length of a line. Prints Markdown tables
(seconds and seconds per MB, or µs per line); JSON in bench/data/.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tarfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / "data"
sys.path.insert(0, str(BENCH))

MB = 1 << 20
FEC_HEADER = (
    b"JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t"
    b"PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n"
)
TRA_HEADER = b"***S5CLIJRLSTD" + b" " * 133 + b"\r\n"
CSV_HEADER = "Journal;Date;Pièce;Compte;Type;Libellé compte;Libellé;Débit;Crédit;TVA;Code TVA\n".encode()
JSON_HEAD = b'{"version": 1, "entries": [{"journal": "VT", "number": "1", "date": "2025-01-15", '
#: case → (format, bytes before the long part, the byte it repeats, bytes after it)
CASES: dict[str, tuple[str, bytes, bytes, bytes]] = {
    "FEC, no line end at all": ("FEC", b"", b"x", b""),
    "FEC line": ("FEC", FEC_HEADER, b"x", b""),
    "TRA line": ("TRA", TRA_HEADER, b"x", b""),
    "custom CSV line": ("CUSTOM", CSV_HEADER, b"x", b""),
    "JSON string": ("JSON", JSON_HEAD + b'"label": "', b"x", b'", "lines": []}]}'),
    "JSON number": ("JSON", JSON_HEAD + b'"lines": [{"account": "411000", "debit": ', b"9", b"}]}]}"),
}


class Made(io.RawIOBase):
    """`head`, then `size` bytes of `fill`, then `tail`, made as they are read."""

    def __init__(self, head: bytes, fill: bytes, size: int, tail: bytes) -> None:
        self._head, self._tail, self._fill, self._left = head, tail, fill, size
        self.size = len(head) + size + len(tail)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
        elif self._left:
            n = min(len(buffer), self._left)
            buffer[:n] = self._fill * n
            self._left -= n
        else:
            n = min(len(buffer), len(self._tail))
            buffer[:n], self._tail = self._tail[:n], self._tail[n:]
        return n


def child(spec: dict[str, Any]) -> dict[str, Any]:
    """One measurement, in this (fresh) process: the parse of a made line or of a file, to the end."""
    import gen_custom

    import ecluse.formats.custom
    import ecluse.formats.fec
    import ecluse.formats.json_entries
    import ecluse.formats.tra  # noqa: F401  (imported before the clock starts: JSON builds its validators)
    from ecluse.formats.records import Entry, ParseError, RejectedEntry
    from ecluse.formats.registry import open_parser

    if "case" in spec:
        fmt, head, fill, tail = CASES[spec["case"]]
        spec = {**spec, "layout": gen_custom.layout() if fmt == "CUSTOM" else None}
        made = Made(head, fill, spec["size"], tail)
        stream: Any = io.BufferedReader(made)
        size = made.size
    else:
        fmt = spec["format"]
        stream = open(spec["file"], "rb")  # noqa: SIM115 (closed below)
        size = os.path.getsize(spec["file"])
    codes: Counter[str] = Counter()
    entries = 0
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        parsed = open_parser(fmt, stream, spec.get("name", "bench.txt"), layout=spec.get("layout"), ranges=[])
        if parsed.fatal is not None:
            codes[parsed.fatal.code] += 1
        for item in parsed.items():
            if isinstance(item, Entry):
                entries += 1
            elif isinstance(item, RejectedEntry):
                codes.update(e.code for e in item.errors)
            elif isinstance(item, ParseError) and item.severity == "error":
                codes[item.code] += 1
        read = parsed.bytes_read
    except Exception as exc:  # the code before the fix may fail where this one refuses cleanly
        codes[f"{type(exc).__name__}"] += 1
        read = 0
    finally:
        stream.close()
    return {
        "wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu, "size": size, "read": read,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "entries": entries,
        "codes": dict(codes),
    }  # fmt: skip


def run(spec: dict[str, Any], code: Path | None) -> dict[str, Any]:
    """`child(spec)` in a fresh process, on this checkout's parsers or on those under `code`."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env, timeout=1800).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def extract(commit: str) -> Path:
    """backend/ecluse of `commit`, extracted once into bench/data/before_<commit>/ (its import root)."""
    root = DATA / f"before_{commit}"
    if not (root / "ecluse" / "formats").is_dir():
        DATA.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "backend/ecluse"], check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                member.name = member.name.removeprefix("backend/")
                tar.extract(member, root, filter="data")
    return root


def _cell(result: dict[str, Any] | None, per: float, unit: str) -> str:
    """CPU milliseconds, and per MB (per line)."""
    if result is None:
        return "—"
    ms = result["cpu_s"] * 1000
    return f"{ms:,.0f} ({ms / per:,.1f}{unit})" if ms >= 100 else f"{ms:.1f} ({ms / per:.2f}{unit})"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8,16,32", help="MB of the one line")
    parser.add_argument("--lines", default="100000,250000,500000,1000000", help="lines of the files")
    parser.add_argument("--before", default="2c890cc", help="commit of the parsers to compare ('' = none)")
    parser.add_argument("--before-max", type=int, default=16, help="largest line (MB) for --before")
    parser.add_argument("--no-files", action="store_true", help="part 1 only")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    versions: dict[str, Path | None] = {"after": None}
    if args.before:
        versions = {"before": extract(args.before), **versions}
    results: dict[str, Any] = {"lines": {}, "files": {}}
    print(f"\n{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average {os.getloadavg()[0]:.1f}\n")
    print("One line without a line end: CPU ms (ms per MB); what the parse gave\n")
    print("| case | version | " + " | ".join(f"{n} MB" for n in sizes) + " | gave |")
    print("|---|---|" + "---:|" * len(sizes) + "---|")
    for case in CASES:
        for version, code in versions.items():
            row = []
            for n in sizes:
                done = None
                if version == "after" or n <= args.before_max:
                    done = run({"case": case, "size": n * MB}, code)
                    results["lines"][f"{case} {version} {n}"] = done
                    print(f"{case} {version} {n} MB: {json.dumps(done)}", file=sys.stderr)
                row.append(done)
            last = next(r for r in reversed(row) if r is not None)
            gave = ", ".join(sorted(last["codes"])) or f"{last['entries']} entries"
            rss = max(r["peak_rss"] for r in row if r is not None) / MB
            cells = " | ".join(_cell(r, n, "/MB") for r, n in zip(row, sizes, strict=True))
            print(f"| {case} | {version} | {cells} | {gave}; peak RSS {rss:.0f} MB |")
    if args.no_files:
        return
    import bench_formats

    counts = [int(x) for x in args.lines.split(",")]
    print("\nFiles: CPU ms (µs per line)\n")
    print("| format | version | " + " | ".join(f"{n:,} lines" for n in counts) + " |")
    print("|---|---|" + "---:|" * len(counts))
    for fmt in ("FEC", "TRA", "JSON", "CUSTOM"):
        paths = {n: bench_formats.data_file(fmt, n) for n in counts}
        for version, code in versions.items():
            row = []
            for n in counts:
                spec = {"format": fmt, "file": str(paths[n]), "name": bench_formats.NAMES[fmt],
                        "layout": bench_formats.layout_for(fmt)}  # fmt: skip
                done = run(spec, code)
                results["files"][f"{fmt} {version} {n}"] = done
                print(f"{fmt} {version} {n}: {json.dumps(done)}", file=sys.stderr)
                row.append(done)
            cells = " | ".join(_cell(r, n / 1000, " µs") for r, n in zip(row, counts, strict=True))
            print(f"| {fmt} | {version} | {cells} |")
    out = DATA / f"bench_parse_linear_{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
