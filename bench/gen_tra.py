"""Write a balanced Cegid TRA file (standard format, Windows-1252) of N movement lines for the benchmarks.

    python bench/gen_tra.py bench/data/tra_1m.tra [--lines 1000000] [--seed 1] [--year 2025]

The file holds a `***S5CLIJRLSTD` header, one `***JAL` record per journal, then 3-line entries (a
remainder of 1 or 2 lines goes to the last entry): sales (customer X line / revenue / VAT), purchases
(expense / VAT / supplier X line) and bank receipts (bank / customer / bank fees). Labels carry accents,
some of them bytes 0x80-0x9F (Œ, €), which only Windows-1252 prints. Lines are written with
tests/formats/tra_build.py, the builder the parser tests use.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.formats.tra_build import header, journal, movement

JOURNALS = (("VT", "Ventes", "VTE"), ("AC", "Achats", "ACH"), ("BQ", "Banque Société Générale", "BQE"))
CUSTOMERS = [
    "Boulangerie Lefèvre",
    "Hôtel du Château",
    "Crèmerie Müller",
    "Café de la Gare",
    "Œnologie & Cie",
]
SUPPLIERS = ["Électricité de France", "Papeterie Dupré", "Garage Citroën Noël", "Bureau Vallée"]
EXPENSES = ("606100", "606400", "613200", "615500", "626000")


def _lines(rng: random.Random, k: int, extra: int, day: str) -> list[str]:
    """Entry number k: 3 + extra lines, balanced."""
    kind = k % 3
    number = str(k + 1)
    net = rng.randrange(1000, 500_000)
    vat = net // 5
    if kind == 0:
        i = rng.randrange(len(CUSTOMERS))
        common = {"journal": "VT", "date": day, "piece_type": "FC", "number": number, "ref": f"FA{k + 1:07d}",
                  "label": f"Facture {CUSTOMERS[i]}"}  # fmt: skip
        parts = [net // (extra + 1)] * extra + [net - net // (extra + 1) * extra]
        return [
            movement(
                general="411000", account_type="X", aux=f"C{i:05d}", sens="D", amount=net + vat, **common
            ),
            *(movement(general="706000", sens="C", amount=part, **common) for part in parts),
            movement(general="445710", sens="C", amount=vat, **common),
        ]
    if kind == 1:
        i = rng.randrange(len(SUPPLIERS))
        common = {"journal": "AC", "date": day, "piece_type": "FF", "number": number, "ref": f"FF{k + 1:07d}",
                  "label": f"{SUPPLIERS[i]} – n°{k}"}  # fmt: skip
        parts = [net // (extra + 1)] * extra + [net - net // (extra + 1) * extra]
        return [
            *(movement(general=rng.choice(EXPENSES), sens="D", amount=part, **common) for part in parts),
            movement(general="445660", sens="D", amount=vat, **common),
            movement(
                general="401000", account_type="X", aux=f"F{i:05d}", sens="C", amount=net + vat, **common
            ),
        ]
    i = rng.randrange(len(CUSTOMERS))
    fees = rng.randrange(50, 500)
    common = {"journal": "BQ", "date": day, "piece_type": "RC", "number": number, "ref": f"VIR{k + 1:07d}",
              "label": f"Règlt {CUSTOMERS[i]} (€)"}  # fmt: skip
    return [
        movement(general="512000", sens="D", amount=net, **common),
        *(movement(general="627000", sens="D", amount=fees, **common) for _ in range(extra)),
        movement(general="627000", sens="D", amount=fees, **common),
        movement(
            general="411000",
            account_type="X",
            aux=f"C{i:05d}",
            sens="C",
            amount=net + fees * (extra + 1),
            **common,
        ),
    ]


def generate_tra(path: str | Path, lines: int, *, year: int = 2025, seed: int = 1) -> tuple[int, int]:
    """Write the file; return (entries, movement lines). Every entry balances."""
    if lines < 3:
        raise ValueError("a generated file needs at least 3 movement lines")
    rng = random.Random(seed)
    entries = lines // 3
    start, days = date(year, 1, 1), (date(year + 1, 1, 1) - date(year, 1, 1)).days
    written = 0
    with open(path, "w", encoding="cp1252", newline="") as out:
        head = [header(company="Société Générale Études", generated=f"3112{year}2359")]
        head += [journal(code, label, nature) for code, label, nature in JOURNALS]
        out.write("\r\n".join(head) + "\r\n")
        buf: list[str] = []
        for k in range(entries):
            day = (start + timedelta(days=k * days // entries)).strftime("%d%m%Y")
            entry = _lines(rng, k, lines - 3 * entries if k == entries - 1 else 0, day)
            written += len(entry)
            buf.extend(entry)
            if len(buf) > 10_000:
                out.write("\r\n".join(buf) + "\r\n")
                buf.clear()
        if buf:
            out.write("\r\n".join(buf) + "\r\n")
    assert written == lines
    return entries, written


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, help="the file to write")
    parser.add_argument("--lines", type=int, default=1_000_000, help="movement lines (default 1,000,000)")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    entries, lines = generate_tra(args.out, args.lines, year=args.year, seed=args.seed)
    size = args.out.stat().st_size / 2**20
    print(
        f"{args.out}: {lines} movement lines, {entries} entries, {size:.0f} MiB in {time.perf_counter() - began:.1f} s"
    )


if __name__ == "__main__":
    main()
