"""Generate a realistic, balanced Écluse JSON entries document of N entry lines (deterministic: seeded).

    python bench/gen_json.py bench/data/entries_1m.json [--lines 1000000] [--seed 1] [--year 2025]
        [--company ""] [--order declarations-first|entries-first]

The document follows docs/formats/json.md: `version`, the declarations (journals, accounts, third parties,
analytic sections) and `entries`, one entry per physical line. Entries of 2-5 lines (about 3 on average,
so ~333k entries per million lines): sales (411 + customer / 706-707 / 44571), purchases (60x / 44566 /
401 + supplier), bank receipts and payments (512 against 411/401), payroll. Amounts are mostly strings
("1234.56"), one in ten a JSON number (1234.56); one line label in four is left out (it defaults to the
entry's). `generate_json()` returns the totals in cents.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

JOURNALS = [
    ("VT", "Ventes", "sales"),
    ("AC", "Achats", "purchases"),
    ("BQ", "Banque Société Générale", "bank"),
    ("OD", "Opérations diverses", "general"),
]
ACCOUNTS = [
    ("411000", "Clients"), ("401000", "Fournisseurs"), ("512000", "Banque"),
    ("706000", "Prestations de services"), ("707000", "Ventes de marchandises"), ("445710", "TVA collectée"),
    ("445660", "TVA déductible sur ABS"), ("606100", "Fournitures non stockables (eau, énergie)"),
    ("606400", "Fournitures administratives"), ("613200", "Locations immobilières"),
    ("626000", "Frais postaux et télécommunications"), ("641000", "Rémunérations du personnel"),
    ("431000", "Sécurité sociale"), ("437000", "Autres organismes sociaux"), ("438000", "Organismes sociaux"),
    ("421000", "Personnel - rémunérations dues"),
]  # fmt: skip
CUSTOMERS = ["Boulangerie Lefèvre", "Hôtel du Château", "Crèmerie Müller", "Café de la Gare", "Études SA"]
SUPPLIERS = ["Électricité de France", "Papeterie Dupré", "Garage Citroën Noël", "Bureau Vallée", "Œnologie"]
SECTIONS = [("P1", "Projet Alpha"), ("P2", "Projet Bêta"), ("P3", "Siège")]
EXPENSES = ("606100", "606400", "613200", "626000")
REVENUES = ("706000", "707000")
RATES = (2000, 1000, 550)  # basis points

Line = dict[str, Any]


def _sizes(rng: random.Random, lines: int) -> list[int]:
    """Entry sizes 2-5 (mean 3) adding up to exactly `lines` (at least 2)."""
    if lines < 2:
        raise ValueError("a document needs at least 2 lines (one balanced entry)")
    sizes: list[int] = []
    left = lines
    while left > 0:
        size = min(rng.choices((2, 3, 4, 5), weights=(30, 45, 20, 5))[0], left)
        if left - size == 1:  # never leave a single line
            size = size + 1 if size < 5 else size - 1
        sizes.append(size)
        left -= size
    return sizes


def _amount(rng: random.Random, cents: int) -> str | float:
    """Mostly "1234.56"; one in ten a JSON number (written by json.dumps from an exact float repr)."""
    text = f"{cents // 100}.{cents % 100:02d}"
    return float(text) if rng.random() < 0.1 else text


def _line(rng: random.Random, account: str, debit: int, credit: int, **extra: Any) -> Line:
    line: Line = {"account": account}
    line.update(extra)
    if debit:
        line["debit"] = _amount(rng, debit)
    if credit:
        line["credit"] = _amount(rng, credit)
    return line


def _entry(rng: random.Random, size: int, no: int, day: date) -> tuple[str, str, list[Line]]:
    """(journal, label, lines)."""
    ymd = day.isoformat()
    piece = f"P{no:07d}"
    if size == 2:
        amount = rng.randrange(1000, 900_000)
        if rng.random() < 0.5:
            i = rng.randrange(len(CUSTOMERS))
            label = f"Règlement {CUSTOMERS[i]}"
            return "BQ", label, [
                _line(rng, "512000", amount, 0, pieceRef=piece),
                _line(rng, "411000", 0, amount, thirdParty=f"C{i:05d}", pieceRef=piece,
                      lettering="A" if rng.random() < 0.6 else ""),
            ]  # fmt: skip
        i = rng.randrange(len(SUPPLIERS))
        label = f"Paiement {SUPPLIERS[i]}"
        return (
            "BQ",
            label,
            [
                _line(rng, "401000", amount, 0, thirdParty=f"F{i:05d}", pieceRef=piece),
                _line(rng, "512000", 0, amount, pieceRef=piece),
            ],
        )
    bases = [rng.randrange(1000, 500_000) for _ in range(size - 2)]
    vats = [(b * rng.choice(RATES) + 5000) // 10000 for b in bases]
    due = (day + timedelta(days=30)).isoformat()
    kind = rng.random()
    if kind < 0.5:
        i = rng.randrange(len(CUSTOMERS))
        label = f"Facture {no:06d} {CUSTOMERS[i]}"
        lines = [_line(rng, "411000", sum(bases) + sum(vats), 0, thirdParty=f"C{i:05d}", label=label,
                       pieceRef=piece, pieceDate=ymd, dueDate=due)]  # fmt: skip
        for base in bases:
            extra = {"analytic": rng.choice(SECTIONS)[0]} if rng.random() < 0.3 else {}
            lines.append(_line(rng, rng.choice(REVENUES), 0, base, **extra))
        lines.append(_line(rng, "445710", 0, sum(vats), label=f"TVA {label}"))
        return "VT", label, lines
    if kind < 0.9:
        i = rng.randrange(len(SUPPLIERS))
        label = f"Facture {SUPPLIERS[i]} n°{no}"
        lines = []
        for base in bases:
            extra = {"analytic": rng.choice(SECTIONS)[0]} if rng.random() < 0.3 else {}
            lines.append(_line(rng, rng.choice(EXPENSES), base, 0, **extra))
        lines.append(_line(rng, "445660", sum(vats), 0))
        lines.append(_line(rng, "401000", 0, sum(bases) + sum(vats), thirdParty=f"F{i:05d}", pieceRef=piece,
                           pieceDate=ymd, dueDate=due))  # fmt: skip
        return "AC", label, lines
    gross = rng.randrange(150_000, 600_000)
    social = [gross * pct // 100 for pct in (22, 8, 3)][: size - 2]
    label = f"Salaires période {no % 12 + 1:02d}"
    lines = [_line(rng, "641000", gross, 0)]
    lines += [_line(rng, ("431000", "437000", "438000")[k], 0, part) for k, part in enumerate(social)]
    lines.append(_line(rng, "421000", 0, gross - sum(social)))
    return "OD", label, lines


def _declarations() -> dict[str, list[dict[str, str]]]:
    return {
        "journals": [{"code": c, "label": lbl, "kind": k} for c, lbl, k in JOURNALS],
        "accounts": [{"number": n, "label": lbl} for n, lbl in ACCOUNTS],
        "thirdParties": [
            {"code": f"C{i:05d}", "name": n, "kind": "customer"} for i, n in enumerate(CUSTOMERS)
        ]
        + [{"code": f"F{i:05d}", "name": n, "kind": "supplier"} for i, n in enumerate(SUPPLIERS)],
        "analyticSections": [{"code": c, "label": lbl} for c, lbl in SECTIONS],
    }


def _cents(value: str | float) -> int:
    return round(value * 100) if isinstance(value, float) else int(value.replace(".", ""))


def generate_json(
    path: str | Path,
    lines: int = 1_000_000,
    *,
    year: int = 2025,
    seed: int = 1,
    company: str = "",
    order: str = "declarations-first",
) -> tuple[int, int]:
    """Write the document; return (total debit, total credit) in cents (equal: every entry balances)."""
    rng = random.Random(seed)
    sizes = _sizes(rng, lines)
    start, days = date(year, 1, 1), (date(year + 1, 1, 1) - date(year, 1, 1)).days
    numbers = {code: 0 for code, _, _ in JOURNALS}
    total_debit = total_credit = 0
    head: dict[str, Any] = {"version": 1}
    if company:
        head["company"] = company
    declarations = ",\n".join(
        f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in _declarations().items()
    )
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(json.dumps(head)[:-1] + ",\n")
        if order == "declarations-first":
            out.write(declarations + ",\n")
        out.write('"entries": [\n')
        buf: list[str] = []
        for k, size in enumerate(sizes):
            day = start + timedelta(days=k * days // len(sizes))
            journal, label, entry_lines = _entry(rng, size, k + 1, day)
            numbers[journal] += 1
            for line in entry_lines:
                total_debit += _cents(line.get("debit", "0"))
                total_credit += _cents(line.get("credit", "0"))
            entry = {"journal": journal, "number": f"{journal}{numbers[journal]:06d}", "date": day.isoformat(),
                     "label": label, "lines": entry_lines}  # fmt: skip
            if journal == "AC" and rng.random() < 0.05:
                entry["currency"] = "EUR"
            buf.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
            if len(buf) >= 5_000:
                out.write(",\n".join(buf) + (",\n" if k + 1 < len(sizes) else ""))
                buf.clear()
        out.write(",\n".join(buf) + "\n]")
        out.write(",\n" + declarations + "\n}\n" if order == "entries-first" else "\n}\n")
    return total_debit, total_credit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--company", default="")
    parser.add_argument(
        "--order", choices=("declarations-first", "entries-first"), default="declarations-first"
    )
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)
    debit, credit = generate_json(
        args.path, args.lines, year=args.year, seed=args.seed, company=args.company, order=args.order
    )
    print(f"{args.path}: {args.lines} lines, debit {debit} credit {credit} (cents)")


if __name__ == "__main__":
    main()
