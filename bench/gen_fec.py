"""Generate a realistic, balanced FEC file of N data lines (deterministic: seeded).

    python bench/gen_fec.py --lines 1000000 --out bench/data/fec_1m.txt \
        [--encoding utf-8|iso-8859-15] [--variant debit-credit|montant-sens] [--separator tab|pipe] \
        [--siren 123456782] [--year 2025] [--seed 1]

Entries of 2-5 lines (about 3 on average, so ~333k entries per million lines): sales (411 client with
an auxiliary account / 706-707 / 44571), purchases (60x / 44566 / 401 supplier), bank receipts and
payments (512 against 411/401), bank fees, payroll. Dates run through the year in order, numbers
increase per journal, amounts use the decimal comma. `generate_fec()` returns the totals in cents.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

HEADER = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
    "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
    "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip
JOURNALS = {"VT": "Ventes", "AC": "Achats", "BQ": "Banque Société Générale", "OD": "Opérations diverses"}
CLIENTS = [
    "Boulangerie Lefèvre",
    "Hôtel du Château",
    "Crèmerie Müller",
    "Café de la Gare",
    "Société Générale Études",
]
SUPPLIERS = [
    "Électricité de France",
    "Papeterie Dupré",
    "Garage Citroën Noël",
    "Bureau Vallée",
    "Œnologie & Cie",
]
EXPENSES = [("606100", "Fournitures non stockables (eau, énergie)"), ("606400", "Fournitures administratives"),
            ("613200", "Locations immobilières"), ("615500", "Entretien matériel de transport"),
            ("626000", "Frais postaux et télécommunications")]  # fmt: skip
REVENUES = [("706000", "Prestations de services"), ("707000", "Ventes de marchandises")]
RATES = [(2000, "20%"), (1000, "10%"), (550, "5,5%")]  # basis points


def _amount(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def _ymd(day: date) -> str:
    return day.strftime("%Y%m%d")


def _sizes(rng: random.Random, lines: int) -> list[int]:
    """Entry sizes 2-5 (mean 3) adding up to exactly `lines`."""
    sizes: list[int] = []
    left = lines
    while left > 0:
        size = rng.choices((2, 3, 4, 5), weights=(30, 45, 20, 5))[0]
        size = min(size, left)
        if left - size == 1:  # never leave a single line
            size = size + 1 if size < 5 else size - 1
        if size < 2:
            raise ValueError("a FEC entry needs at least 2 lines")
        sizes.append(size)
        left -= size
    return sizes


def _vat(rng: random.Random, n_bases: int) -> list[tuple[int, int, str]]:
    """(base, vat, rate label) for each base."""
    out = []
    for _ in range(n_bases):
        base = rng.randrange(1000, 500_000)
        rate, label = rng.choice(RATES)
        out.append((base, (base * rate + 5000) // 10000, label))
    return out


def _entry(
    rng: random.Random, size: int, no: int
) -> tuple[str, list[tuple[str, str, str, str, str, int, int]]]:
    """(journal, lines) with lines as (account, account label, aux, aux label, label, debit, credit)."""
    kind = rng.random()
    if size == 2:
        amount = rng.randrange(1000, 900_000)
        if kind < 0.5:
            i = rng.randrange(len(CLIENTS))
            lbl = f"Règlement {CLIENTS[i]}"
            return "BQ", [("512000", "Banque", "", "", lbl, amount, 0),
                          ("411000", "Clients", f"C{i:05d}", CLIENTS[i], lbl, 0, amount)]  # fmt: skip
        i = rng.randrange(len(SUPPLIERS))
        lbl = f"Paiement {SUPPLIERS[i]}"
        return "BQ", [("401000", "Fournisseurs", f"F{i:05d}", SUPPLIERS[i], lbl, amount, 0),
                      ("512000", "Banque", "", "", lbl, 0, amount)]  # fmt: skip
    if kind < 0.5:  # sale: 411 / (size-2) revenue lines / one VAT line
        i = rng.randrange(len(CLIENTS))
        lbl = f"Facture {no:06d} {CLIENTS[i]}"
        parts = _vat(rng, size - 2)
        lines = [("411000", "Clients", f"C{i:05d}", CLIENTS[i], lbl, sum(b + v for b, v, _ in parts), 0)]
        for base, _, _ in parts:
            account, label = rng.choice(REVENUES)
            lines.append((account, label, "", "", lbl, 0, base))
        lines.append(("445710", "TVA collectée", "", "", lbl, 0, sum(v for _, v, _ in parts)))
        return "VT", lines
    if kind < 0.9:  # purchase: (size-2) expense lines / one VAT line / 401
        i = rng.randrange(len(SUPPLIERS))
        lbl = f"Facture {SUPPLIERS[i]} n°{no}"
        parts = _vat(rng, size - 2)
        lines = []
        for base, _, _ in parts:
            account, label = rng.choice(EXPENSES)
            lines.append((account, label, "", "", lbl, base, 0))
        lines.append(("445660", "TVA déductible sur ABS", "", "", lbl, sum(v for _, v, _ in parts), 0))
        lines.append(
            ("401000", "Fournisseurs", f"F{i:05d}", SUPPLIERS[i], lbl, 0, sum(b + v for b, v, _ in parts))
        )
        return "AC", lines
    gross = rng.randrange(150_000, 600_000)  # payroll: 641 / 431 ... / 421
    social = [gross * pct // 100 for pct in (22, 8, 3)][: size - 2]
    lbl = f"Salaires période {no % 12 + 1:02d}"
    lines = [("641000", "Rémunérations du personnel", "", "", lbl, gross, 0)]
    for k, part in enumerate(social):
        lines.append(
            (("431000", "437000", "438000")[k], "Sécurité sociale / organismes", "", "", lbl, 0, part)
        )
    lines.append(("421000", "Personnel - rémunérations dues", "", "", lbl, 0, gross - sum(social)))
    return "OD", lines


def generate_fec(
    path: str | Path,
    lines: int,
    *,
    encoding: str = "utf-8",
    variant: str = "debit-credit",
    separator: str = "tab",
    year: int = 2025,
    seed: int = 1,
) -> tuple[int, int]:
    """Write the file; return (total debit, total credit) in cents (equal: every entry balances)."""
    rng = random.Random(seed)
    sep = "\t" if separator == "tab" else "|"
    header = list(HEADER)
    if variant == "montant-sens":
        header[11:13] = ["Montant", "Sens"]
    sizes = _sizes(rng, lines)
    start, days = date(year, 1, 1), (date(year + 1, 1, 1) - date(year, 1, 1)).days
    numbers = dict.fromkeys(JOURNALS, 0)
    total_debit = total_credit = 0
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write(sep.join(header) + "\r\n")
        buf: list[str] = []
        for k, size in enumerate(sizes):
            journal, entry_lines = _entry(rng, size, k + 1)
            numbers[journal] += 1
            number = f"{journal}{numbers[journal]:06d}"
            day = start + timedelta(days=k * days // len(sizes))
            entry_date = _ymd(day)
            valid = _ymd(day + timedelta(days=rng.randrange(0, 6)))
            piece_date = _ymd(day - timedelta(days=rng.randrange(0, 4)))
            piece = f"P{k + 1:07d}"
            usd = journal == "AC" and rng.random() < 0.05
            for account, account_label, aux, aux_label, label, debit, credit in entry_lines:
                total_debit += debit
                total_credit += credit
                lettered = aux and rng.random() < 0.6
                fields = [journal, JOURNALS[journal], number, entry_date, account, account_label, aux, aux_label,
                          piece, piece_date, label]  # fmt: skip
                if variant == "montant-sens":
                    sens = ("D", "C") if rng.random() < 0.9 else ("+1", "-1")
                    fields += [_amount(debit or credit), sens[0] if debit else sens[1]]
                else:
                    fields += [_amount(debit), _amount(credit)]
                fields += ["A" if lettered else "", valid if lettered else "", valid]
                signed = (debit - credit) * 108 // 100
                fields += (
                    [_amount(signed) if signed >= 0 else "-" + _amount(-signed), "USD"] if usd else ["", ""]
                )
                buf.append(sep.join(fields))
            if len(buf) > 10_000:
                out.write("\r\n".join(buf) + "\r\n")
                buf.clear()
        if buf:
            out.write("\r\n".join(buf) + "\r\n")
    return total_debit, total_credit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--out", help="default: bench/data/<siren>FEC<year>1231.txt")
    parser.add_argument("--encoding", choices=("utf-8", "iso-8859-15"), default="utf-8")
    parser.add_argument("--variant", choices=("debit-credit", "montant-sens"), default="debit-credit")
    parser.add_argument("--separator", choices=("tab", "pipe"), default="tab")
    parser.add_argument("--siren", default="123456782", help="only used in the default file name")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = Path(args.out or f"bench/data/{args.siren}FEC{args.year}1231.txt")
    out.parent.mkdir(parents=True, exist_ok=True)
    debit, credit = generate_fec(
        out, args.lines, encoding=args.encoding, variant=args.variant, separator=args.separator,
        year=args.year, seed=args.seed,
    )  # fmt: skip
    print(f"{out}: {args.lines} lines, debit {_amount(debit)}, credit {_amount(credit)}")


if __name__ == "__main__":
    main()
