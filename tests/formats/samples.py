"""Small valid files of every ledger format (FEC, TRA, JSON, custom CSV, custom fixed-width) and one way to
read what any parser gives: for the tests of limits (test_limits.py) and properties (test_properties.py)."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ecluse.formats.records import Entry, FileInfo, Item, MasterRecord, ParseError, RejectedEntry
from ecluse.formats.registry import open_parser
from tests.formats import tra_build as tb

FORMATS = ("FEC", "TRA", "JSON", "CSV", "FIXED")

FEC_COLUMNS = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
    "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
    "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip
FEC_HEADER = "\t".join(FEC_COLUMNS)

#: A custom CSV layout: journal;date;number;account;label;debit;credit (the layout's defaults otherwise).
CSV_LAYOUT: dict[str, Any] = {
    "columns": {"journal": 1, "date": 2, "entryNumber": 3, "account": 4, "label": 5, "debit": 6, "credit": 7}
}
CSV_HEADER = "Journal;Date;N°;Compte;Libellé;Débit;Crédit"
#: A fixed-width layout: journal 1-2, date 3-10 (YYYYMMDD), number 11-16, account 17-76 (wide, to hold
#: values longer than an account number may be), label 77-106, debit 107-122, credit 123-138.
FIXED_LAYOUT: dict[str, Any] = {
    "kind": "fixed",
    "dateFormat": "%Y%m%d",
    "skipLines": 0,
    "columns": {
        "journal": {"start": 1, "length": 2},
        "date": {"start": 3, "length": 8},
        "entryNumber": {"start": 11, "length": 6},
        "account": {"start": 17, "length": 60},
        "label": {"start": 77, "length": 30},
        "debit": {"start": 107, "length": 16},
        "credit": {"start": 123, "length": 16},
    },
}
LAYOUTS = {"CSV": CSV_LAYOUT, "FIXED": FIXED_LAYOUT}
PARSER_FORMAT = {"FEC": "FEC", "TRA": "TRA", "JSON": "JSON", "CSV": "CUSTOM", "FIXED": "CUSTOM"}


def _real_day(text: str) -> bool:
    """Whether `text` is a YYYYMMDD date that exists."""
    try:
        datetime.strptime(text, "%Y%m%d")
    except ValueError:
        return False
    return len(text) == 8


def fec_row(**fields: str) -> str:
    values = {
        "JournalCode": "VT", "JournalLib": "Ventes", "EcritureNum": "VT1", "EcritureDate": "20250115",
        "CompteNum": "411000", "CompteLib": "Clients", "CompAuxNum": "", "CompAuxLib": "", "PieceRef": "F1",
        "PieceDate": "20250115", "EcritureLib": "Facture", "Debit": "0,00", "Credit": "0,00",
        "EcritureLet": "", "DateLet": "", "ValidDate": "20250116", "Montantdevise": "", "Idevise": "",
    }  # fmt: skip
    day = fields.get("EcritureDate", "")
    if "ValidDate" not in fields and _real_day(day) and day > values["ValidDate"]:
        values["ValidDate"] = day  # validated the day of the entry, not before it (VALIDATION_BEFORE_ENTRY)
    values.update(fields)
    return "\t".join(values[c] for c in FEC_COLUMNS)


def fec_entry(number: str, debits: list[str], **fields: str) -> list[str]:
    """An entry of one 411000 debit line per amount of `debits`, balanced by as many 706000 credit lines."""
    return [fec_row(EcritureNum=number, Debit=a, **fields) for a in debits] + [
        fec_row(EcritureNum=number, CompteNum="706000", CompteLib="Ventes", Credit=a, **fields)
        for a in debits
    ]


def fec_file(rows: list[str]) -> bytes:
    return ("\n".join([FEC_HEADER, *rows]) + "\n").encode()


def tra_entry(number: str, debits: list[int], **fields: Any) -> list[str]:
    common = {"journal": "VT", "piece_type": "FC", "number": number, "label": "Facture", **fields}
    return [tb.movement(general="411000", sens="D", amount=a, **common) for a in debits] + [
        tb.movement(general="706000", sens="C", amount=a, **common) for a in debits
    ]


def tra_file(lines: list[str]) -> bytes:
    return tb.tra_bytes([tb.header(), tb.journal("VT", "Ventes"), *lines])


def json_entry(number: str, debits: list[str], **fields: Any) -> dict[str, Any]:
    lines = [{"account": "411000", "debit": a} for a in debits]
    lines += [{"account": "706000", "credit": a} for a in debits]
    return {
        "journal": "VT",
        "number": number,
        "date": "2025-01-15",
        "label": "Facture",
        **fields,
        "lines": lines,
    }


def json_file(*entries: dict[str, Any], **top: Any) -> bytes:
    return json.dumps({"version": 1, **top, "entries": list(entries)}, ensure_ascii=False).encode()


def csv_row(number: str, account: str, debit: str = "", credit: str = "", label: str = "Facture") -> str:
    return f"VT;15/01/2025;{number};{account};{label};{debit};{credit}"


def csv_entry(number: str, debits: list[str]) -> list[str]:
    return [csv_row(number, "411000", debit=a) for a in debits] + [
        csv_row(number, "706000", credit=a) for a in debits
    ]


def csv_file(rows: list[str]) -> bytes:
    return ("\n".join([CSV_HEADER, *rows]) + "\n").encode()


def fixed_row(number: str, account: str, debit: str = "", credit: str = "", label: str = "Facture") -> str:
    return f"VT20250115{number:<6}{account:<60}{label:<30}{debit:>16}{credit:>16}"


def fixed_entry(number: str, debits: list[str]) -> list[str]:
    return [fixed_row(number, "411000", debit=a) for a in debits] + [
        fixed_row(number, "706000", credit=a) for a in debits
    ]


def fixed_file(rows: list[str]) -> bytes:
    return ("\n".join(rows) + "\n").encode()


def sample(fmt: str, entries: int = 3) -> bytes:
    """A valid file of `fmt` with `entries` balanced two-line entries (and a finding or two)."""
    numbers = [f"{n + 1}" for n in range(entries)]
    if fmt == "FEC":
        return fec_file([row for n in numbers for row in fec_entry(f"VT{n}", ["100,00"])])
    if fmt == "TRA":
        return tra_file([line for n in numbers for line in tra_entry(n, [10000])])
    if fmt == "JSON":
        return json_file(*(json_entry(f"VT{n}", ["100.00"]) for n in numbers))
    if fmt == "CSV":
        return csv_file([row for n in numbers for row in csv_entry(n, ["100,00"])])
    return fixed_file([row for n in numbers for row in fixed_entry(n, ["100,00"])])


@dataclass
class Result:
    fatal: ParseError | None
    info: FileInfo | None
    items: list[Item] = field(default_factory=list)
    line_count: int = 0
    late: ParseError | None = None  # `fatal` once the items are read (JSON: a problem met at the end)

    @property
    def entries(self) -> list[Entry]:
        return [i for i in self.items if isinstance(i, Entry)]

    @property
    def rejected(self) -> list[RejectedEntry]:
        return [i for i in self.items if isinstance(i, RejectedEntry)]

    @property
    def masters(self) -> list[MasterRecord]:
        return [i for i in self.items if isinstance(i, MasterRecord)]

    @property
    def errors(self) -> list[ParseError]:
        """Every error: of refused entries, loose ones, and the fatal one."""
        found = [e for r in self.rejected for e in r.errors]
        found += [i for i in self.items if isinstance(i, ParseError) and i.severity == "error"]
        for fatal in (self.fatal, self.late):
            if fatal is not None and fatal not in found:
                found.append(fatal)
        return found

    def codes(self) -> set[str]:
        return {e.code for e in self.errors}


def parse(fmt: str, data: bytes) -> Result:
    """Everything the parser of `fmt` (FORMATS) gives for `data`."""
    parsed = open_parser(PARSER_FORMAT[fmt], io.BytesIO(data), "import.txt", layout=LAYOUTS.get(fmt))
    out = Result(parsed.fatal, parsed.info)
    out.items = list(parsed.items())
    out.line_count, out.late = parsed.line_count, parsed.fatal
    return out
