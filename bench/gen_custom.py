"""Generate a realistic custom-layout CSV of N data lines and the layout JSON that reads it (seeded).

    python bench/gen_custom.py bench/data/custom_1m.csv [--lines 1000000] [--layout PATH]
        [--thousands "" | " " | "."] [--encoding utf-8|cp1252] [--seed 1] [--measure]

The layout (printed, and saved to --layout, default <out>.layout.json) is a typical export of another
ledger: `;`-separated, a header line, dates DD/MM/YYYY, decimal comma, one account column with a G/D/C
kind column, debit/credit columns, VAT amount and VAT code on the revenue and expense lines (each
generates its VAT line), entries grouped by journal, date and document number. About 5% of the labels
are quoted because they hold the separator. Entries of 2-4 lines: sales (customer / revenue lines), purchases
(expense lines / supplier), bank receipts and payments. `--measure` then parses the file with the
custom-layout parser and prints lines/s. `generate_custom()` returns the totals in cents.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

COLUMNS = ("journal", "date", "pieceRef", "account", "kind", "accountLabel", "label", "debit", "credit",
           "vatAmount", "vatCode")  # fmt: skip
HEADER = "Journal;Date;Pièce;Compte;Type;Libellé compte;Libellé;Débit;Crédit;TVA;Code TVA"
CUSTOMERS = [
    "Boulangerie Lefèvre",
    "Hôtel du Château",
    "Crèmerie Müller",
    "Café de la Gare",
    "Société Études",
]
SUPPLIERS = ["Électricité de France", "Papeterie Dupré", "Garage Citroën Noël", "Bureau Vallée", "Œnologie"]
EXPENSES = [("606100", "Fournitures non stockables"), ("606400", "Fournitures administratives"),
            ("613200", "Locations immobilières"), ("626000", "Frais postaux et télécommunications")]  # fmt: skip
REVENUES = [("706000", "Prestations de services"), ("707000", "Ventes de marchandises")]
VAT_CODES = {"N": 2000, "I": 1000, "R": 550}  # code → rate in basis points
#: the VAT accounts of the layout: collected on sales, deductible on purchases
SALES_VAT = {"N": "445711", "I": "445712", "R": "445713"}
PURCHASE_VAT = {"DN": "445661", "DI": "445662", "DR": "445663"}


def layout(thousands: str = "", encoding: str = "auto") -> dict[str, Any]:
    """The layout definition that reads the generated file (camelCase JSON, as stored)."""
    return {
        "kind": "csv",
        "separator": ";",
        "quote": '"',
        "encoding": encoding,
        "decimalSeparator": ",",
        "thousandsSeparator": thousands,
        "dateFormat": "%d/%m/%Y",
        "skipLines": 1,
        "columns": {name: i for i, name in enumerate(COLUMNS, 1)},
        "amountMode": "debitCredit",
        "accountMode": "kindColumn",
        "kindCodes": {"general": "G", "customer": "D", "supplier": "C"},
        "vatAccounts": {**SALES_VAT, **PURCHASE_VAT},
        "groupBy": ["journal", "date", "pieceRef"],
    }


def _amount(cents: int, thousands: str) -> str:
    whole = f"{cents // 100:,}".replace(",", thousands)
    return f"{whole},{cents % 100:02d}"


def _sizes(rng: random.Random, lines: int) -> list[int]:
    sizes: list[int] = []
    left = lines
    while left > 0:
        size = min(rng.choices((2, 3, 4), weights=(40, 45, 15))[0], left)
        if left - size == 1:
            size += 1 if size < 4 else -1
        sizes.append(size)
        left -= size
    return sizes


#: account, kind, account label, label, debit, credit, VAT, VAT code
Row = tuple[str, str, str, str, int, int, int, str]


def _entry(rng: random.Random, size: int, no: int) -> tuple[str, list[Row]]:
    quote = rng.random() < 0.05
    if size == 2 and rng.random() < 0.7:
        amount = rng.randrange(1000, 900_000)
        if rng.random() < 0.5:
            i = rng.randrange(len(CUSTOMERS))
            label = f"Règlement {CUSTOMERS[i]}" + ("; solde" if quote else "")
            return "BQ", [("512000", "G", "Banque", label, amount, 0, 0, ""),
                          (f"C{i:05d}", "D", CUSTOMERS[i], label, 0, amount, 0, "")]  # fmt: skip
        i = rng.randrange(len(SUPPLIERS))
        label = f"Paiement {SUPPLIERS[i]}" + ("; acompte" if quote else "")
        return "BQ", [(f"F{i:05d}", "C", SUPPLIERS[i], label, amount, 0, 0, ""),
                      ("512000", "G", "Banque", label, 0, amount, 0, "")]  # fmt: skip
    parts = []
    for _ in range(size - 1):
        code = rng.choice(list(VAT_CODES))
        base = rng.randrange(1000, 500_000)
        parts.append((base, (base * VAT_CODES[code] + 5000) // 10000, code))
    gross = sum(base + vat for base, vat, _ in parts)
    if rng.random() < 0.55:  # sale: customer line, then the revenue lines carrying their VAT
        i = rng.randrange(len(CUSTOMERS))
        label = f"Facture {no:07d} {CUSTOMERS[i]}" + ("; avoir déduit" if quote else "")
        rows: list[Row] = [(f"C{i:05d}", "D", CUSTOMERS[i], label, gross, 0, 0, "")]
        for base, vat, code in parts:
            account, account_label = rng.choice(REVENUES)
            rows.append((account, "G", account_label, label, 0, base, vat, code))
        return "VT", rows
    i = rng.randrange(len(SUPPLIERS))
    label = f"Facture {SUPPLIERS[i]} n°{no}" + ("; frais de port" if quote else "")
    rows = []
    for base, vat, code in parts:
        account, account_label = rng.choice(EXPENSES)
        rows.append((account, "G", account_label, label, base, 0, vat, "D" + code))
    rows.append((f"F{i:05d}", "C", SUPPLIERS[i], label, 0, gross, 0, ""))
    return "AC", rows


def generate_custom(
    path: str | Path,
    lines: int,
    *,
    thousands: str = "",
    encoding: str = "utf-8",
    year: int = 2025,
    seed: int = 1,
) -> tuple[int, int]:
    """Write the file; return (total debit, total credit) in cents once VAT lines are generated (equal)."""
    rng = random.Random(seed)
    sizes = _sizes(rng, lines)
    start, days = date(year, 1, 1), (date(year + 1, 1, 1) - date(year, 1, 1)).days
    total = 0
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(HEADER + "\r\n")
        buf: list[str] = []
        for k, size in enumerate(sizes):
            journal, rows = _entry(rng, size, k + 1)
            day = (start + timedelta(days=k * days // len(sizes))).strftime("%d/%m/%Y")
            piece = f"{journal}{k + 1:07d}"
            for account, kind, account_label, label, debit, credit, vat, code in rows:
                total += debit + credit + vat
                shown = f'"{label}"' if ";" in label else label
                fields = [journal, day, piece, account, kind, account_label, shown,
                          _amount(debit, thousands) if debit else "", _amount(credit, thousands) if credit else "",
                          _amount(vat, thousands) if vat else "", code]  # fmt: skip
                buf.append(";".join(fields))
            if len(buf) > 10_000:
                out.write("\r\n".join(buf) + "\r\n")
                buf.clear()
        if buf:
            out.write("\r\n".join(buf) + "\r\n")
    return total // 2, total // 2


def measure(path: Path, definition: dict[str, Any]) -> dict[str, Any]:
    """Parse the file with the custom-layout parser; counts and lines/s."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
    from ecluse.formats.custom import open_custom
    from ecluse.formats.layout import Layout
    from ecluse.formats.records import Entry, RejectedEntry

    started = time.perf_counter()
    with open(path, "rb") as stream:
        parsed = open_custom(io.BufferedReader(stream), path.name, Layout.model_validate(definition), [])
        if parsed.fatal is not None:
            raise SystemExit(f"fatal: {parsed.fatal.message}")
        entries = rejected = notes = generated = debit = 0
        for item in parsed.items():
            if type(item) is Entry:
                entries += 1
                generated += len(item.lines)
                debit += item.total_debit
            elif type(item) is RejectedEntry:
                rejected += 1
            else:
                notes += 1
    seconds = time.perf_counter() - started
    return {
        "lines": parsed.line_count, "entries": entries, "entry_lines": generated, "rejected": rejected,
        "notes": notes, "debit": debit, "seconds": round(seconds, 2),
        "lines_per_second": round(parsed.line_count / seconds),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, help="the CSV file to write")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument(
        "--layout", type=Path, help="where to save the layout JSON (default <out>.layout.json)"
    )
    parser.add_argument("--thousands", default="", choices=("", " ", "."), help="thousands separator")
    parser.add_argument("--encoding", choices=("utf-8", "cp1252"), default="utf-8")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--measure", action="store_true", help="parse the file and print lines/s")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    definition = layout(args.thousands)
    layout_path = args.layout or args.out.with_name(args.out.name + ".layout.json")
    layout_path.write_text(json.dumps(definition, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(definition, ensure_ascii=False))
    debit, credit = generate_custom(
        args.out, args.lines, thousands=args.thousands, encoding=args.encoding, year=args.year, seed=args.seed
    )
    print(f"{args.out}: {args.lines} lines, debit {_amount(debit, '')}, credit {_amount(credit, '')}")
    print(f"layout: {layout_path}")
    if args.measure:
        print(json.dumps(measure(args.out, definition)))


if __name__ == "__main__":
    main()
