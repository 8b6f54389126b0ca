"""The columnar route of the FEC parser (formats/fec_columns.py) says exactly what the line-by-line parser
says: on every FEC test file, and on generated files with defects of every kind the screen must leave to the
line-by-line parser, read in batches of many sizes; the feed's chunks (imports/feed.py) agree too."""

from __future__ import annotations

import io
import pickle
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from ecluse.formats import fec as fec_module
from ecluse.formats.fec import open_fec
from ecluse.formats.fec_columns import CleanBlock
from ecluse.imports import feed as feed_module
from ecluse.imports.feed import Chunk, End, Header, Source, Target, feed
from tests.corpus import ROOT, fec_check_files, fec_samples
from tests.formats import samples as s

SAMPLES = [*fec_samples(), *fec_check_files(), *sorted((ROOT / "docs" / "examples").glob("*.txt"))]
BATCHES = (1, 7, 50, 100_000)


def _read(data: bytes, columnar: bool, name: str = "123456782FEC20251231.txt") -> tuple[list[Any], int]:
    """What items() gives, clean blocks unfolded into Entry objects, and how many clean blocks came."""
    out: list[Any] = []
    blocks = 0
    parsed = open_fec(io.BytesIO(data), name)
    for item in parsed.column_items() if columnar else parsed.items():
        if isinstance(item, CleanBlock):
            blocks += 1
            out.extend(item.items())
        else:
            out.append(item)
    return out, blocks


def _same(data: bytes, monkeypatch: pytest.MonkeyPatch, name: str = "123456782FEC20251231.txt") -> int:
    """Assert both routes agree in every batch size; the clean blocks of the largest."""
    expected, _ = _read(data, False, name)
    blocks = 0
    for size in BATCHES:
        monkeypatch.setattr(fec_module, "BATCH_LINES", size)
        got, blocks = _read(data, True, name)
        assert got == expected, f"batches of {size} lines"
    return blocks


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_fec_sample_reads_the_same_both_ways(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _same(sample.read_bytes(), monkeypatch, sample.name)


def _clean_rows(rng: random.Random, entries: int) -> list[list[str]]:
    """Balanced entries of 2 to 5 lines over three journals, dates and numbers in order per journal."""
    rows: list[list[str]] = []
    numbers = {"VT": 0, "AC": 0, "BQ": 0}
    for n in range(entries):
        journal = rng.choice(list(numbers))
        numbers[journal] += 1
        day = (date(2025, 1, 1) + timedelta(days=n * 360 // entries)).strftime("%Y%m%d")
        amounts = [rng.randint(1, 99_999) for _ in range(rng.randint(1, 4))]
        lines = [(a, 0) for a in amounts] + [(0, sum(amounts))]
        for i, (debit, credit) in enumerate(lines):
            aux = i == 0 and rng.random() < 0.5
            foreign = rng.random() < 0.1
            currency = rng.choice(["USD", "JPY", "XXX"]) if foreign else ""
            cents = "" if currency == "JPY" else f",{rng.randint(0, 99):02}"
            row = s.fec_row(
                JournalCode=journal, JournalLib={"VT": "Ventes", "AC": "Achats", "BQ": "Banque"}[journal],
                EcritureNum=f"{journal}{numbers[journal]:05}", EcritureDate=day, PieceDate=day, ValidDate=day,
                CompteNum="411000" if aux else f"{rng.choice(['706', '445', '512'])}000",
                CompteLib=f"Compte {rng.randint(1, 9)}", CompAuxNum=f"C{rng.randint(1, 30):03}" if aux else "",
                CompAuxLib="Client é" if aux else "", EcritureLib=f"Libellé {n}",
                Debit=f"{debit // 100},{debit % 100:02}", Credit=f"{credit // 100},{credit % 100:02}",
                EcritureLet="A" if aux else "", DateLet=day if aux else "",
                Montantdevise=f"{rng.choice(['', '-'])}{rng.randint(0, 999)}{cents}" if foreign else "",
                Idevise=currency,
            )  # fmt: skip
            rows.append(row.split("\t"))
    return rows


def _field(name: str) -> int:
    return s.FEC_COLUMNS.index(name)


#: Defects, each turning a clean row (its fields) into what the screen must leave to the line-by-line parser.
DEFECTS: dict[str, Callable[[list[str], random.Random], None]] = {
    "bad amount": lambda f, r: f.__setitem__(_field("Debit"), "12.345,00"),
    "dot decimal": lambda f, r: f.__setitem__(_field("Credit"), "1.5" if f[_field("Credit")] != "0,00" else "0,00"),
    "negative": lambda f, r: f.__setitem__(_field("Debit"), "-" + f[_field("Debit")]),
    "both sides": lambda f, r: f.__setitem__(_field("Debit"), "1,00") if f[_field("Credit")] != "0,00" else None,
    "unbalanced": lambda f, r: f.__setitem__(_field("Debit"), "7,77") if f[_field("Debit")] != "0,00" else None,
    "blank label": lambda f, r: f.__setitem__(_field("EcritureLib"), ""),
    "blank journal": lambda f, r: f.__setitem__(_field("JournalCode"), ""),
    "blank number": lambda f, r: f.__setitem__(_field("EcritureNum"), ""),
    "space": lambda f, r: f.__setitem__(_field("CompteLib"), f[_field("CompteLib")] + " "),
    "leading space": lambda f, r: f.__setitem__(0, " " + f[0]),
    "bad date": lambda f, r: f.__setitem__(_field("EcritureDate"), "20250231"),
    "other date form": lambda f, r: f.__setitem__(_field("PieceDate"), "15/01/2025"),
    "zero date": lambda f, r: f.__setitem__(_field("DateLet"), "00000000"),
    "old date": lambda f, r: f.__setitem__(_field("ValidDate"), "18991231"),
    "mixed dates": lambda f, r: f.__setitem__(_field("EcritureDate"), "20251230"),
    "account prefix": lambda f, r: f.__setitem__(_field("CompteNum"), "C411"),
    "too long": lambda f, r: f.__setitem__(_field("EcritureNum"), "N" * 41),
    "foreign amount": lambda f, r: f.__setitem__(_field("Montantdevise"), "12,5"),
    "foreign decimals": lambda f, r: (f.__setitem__(_field("Montantdevise"), "100,00"), f.__setitem__(_field("Idevise"), "JPY")),
    "unicode digits": lambda f, r: f.__setitem__(_field("Debit"), "١٢,٠٠") if f[_field("Debit")] != "0,00" else None,
    "missing aux label": lambda f, r: f.__setitem__(_field("CompAuxLib"), "") if f[_field("CompAuxNum")] else None,
    "extra field": lambda f, r: f.append("x"),
    "missing field": lambda f, r: f.pop(),
    "carriage return": lambda f, r: f.__setitem__(_field("EcritureLib"), "a\rb"),
    "account class": lambda f, r: f.__setitem__(_field("CompteNum"), r.choice(["801000", "901000", "012000"])),
    "aux on class 7": lambda f, r: (f.__setitem__(_field("CompAuxNum"), "C9"), f.__setitem__(_field("CompAuxLib"), "X"),
                                    f.__setitem__(_field("CompteNum"), "706000")),
    "lettering without date": lambda f, r: (f.__setitem__(_field("EcritureLet"), "B"), f.__setitem__(_field("DateLet"), "")),
    "date without lettering": lambda f, r: (f.__setitem__(_field("EcritureLet"), ""),
                                            f.__setitem__(_field("DateLet"), f[_field("EcritureDate")])),
    "validated before": lambda f, r: f.__setitem__(_field("ValidDate"), "20241231"),
    "currency without amount": lambda f, r: (f.__setitem__(_field("Idevise"), "USD"), f.__setitem__(_field("Montantdevise"), "")),
    "amount without currency": lambda f, r: (f.__setitem__(_field("Idevise"), ""), f.__setitem__(_field("Montantdevise"), "5,00")),
    "zero amount without currency": lambda f, r: (f.__setitem__(_field("Idevise"), ""), f.__setitem__(_field("Montantdevise"), "0,00")),
    "extra decimals": lambda f, r: f.__setitem__(_field("Debit"), f[_field("Debit")] + "0"),
}  # fmt: skip


def _entry_at(rows: list[list[str]], i: int) -> list[int]:
    """The rows of the entry of row `i`."""
    key = (rows[i][0], rows[i][_field("EcritureNum")])
    return [k for k, f in enumerate(rows) if (f[0], f[_field("EcritureNum")]) == key]


def _after_closing(rows: list[list[str]], i: int) -> None:
    for k in _entry_at(rows, i):
        for name in ("EcritureDate", "PieceDate", "ValidDate"):
            rows[k][_field(name)] = "20260105"
        if rows[k][_field("DateLet")]:
            rows[k][_field("DateLet")] = "20260105"


def _drop_entry(rows: list[list[str]], i: int) -> None:
    for k in reversed(_entry_at(rows, i)):
        del rows[k]


#: Defects of the file's order: (rows, position, rng) → rows changed.
MOVES: dict[str, Callable[[list[list[str]], int, random.Random], None]] = {
    "entry comes back soon": lambda rows, i, r: rows.insert(i + r.randint(3, 12), list(rows[i])),
    "entry comes back late": lambda rows, i, r: rows.insert(i + r.randint(20, 200), list(rows[i])),
    "entry out of order": lambda rows, i, r: rows.insert(i, rows.pop(min(i + 40, len(rows) - 1))),
    "empty line": lambda rows, i, r: rows.insert(i, [""]),
    "long line": lambda rows, i, r: rows[i].__setitem__(_field("EcritureLib"), "L" * 70_000),
    "entry after the closing date": lambda rows, i, r: _after_closing(rows, i),
    "number gap": lambda rows, i, r: _drop_entry(rows, i),
}


def _file(rows: list[list[str]]) -> bytes:
    return ("\n".join([s.FEC_HEADER, *("\t".join(f) for f in rows)]) + "\n").encode()


def test_a_clean_file_goes_columnar_and_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _clean_rows(random.Random(1), 400)
    assert _same(_file(rows), monkeypatch) == 1
    monkeypatch.setattr(fec_module, "BATCH_LINES", 100)
    _, blocks = _read(_file(rows), True)
    assert blocks > 2  # a batch is taken once the reader has given that many lines (64 KiB blocks)


@pytest.mark.parametrize("defect", [*DEFECTS, *MOVES])
def test_a_defect_anywhere_reads_the_same_both_ways(defect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for seed in range(3):
        rng = random.Random(seed)
        rows = _clean_rows(rng, 150)
        for _ in range(2):
            at = rng.randrange(len(rows) - 1)
            if defect in DEFECTS:
                DEFECTS[defect](rows[at], rng)
            else:
                MOVES[defect](rows, at, rng)
        _same(_file(rows), monkeypatch)


def test_the_header_and_file_name_findings_come_first(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _clean_rows(random.Random(2), 50)
    columns = list(s.FEC_COLUMNS)
    columns[0], columns[1] = columns[1], columns[0]  # HEADER_ORDER
    data = ("\n".join(["\t".join(columns), *("\t".join([f[1], f[0], *f[2:]]) for f in rows)]) + "\n").encode()
    _same(data, monkeypatch, "not-a-fec-name.txt")
    got, blocks = _read(data, True, "not-a-fec-name.txt")
    assert blocks == 1 and [p.code for p in got[:2]] == ["HEADER_ORDER", "BAD_FILE_NAME"]


# --- the feed ---------------------------------------------------------------------------------------------


def _flat(messages: list[Any]) -> dict[str, Any]:
    """The feed's messages, chunk boundaries aside."""
    out: dict[str, Any] = {"entries": {}, "lines": {}, "refused": [], "notes": [], "master": {}, "totals": {}}
    for m in messages:
        if isinstance(m, Chunk):
            m = pickle.loads(pickle.dumps(m))  # as the parser process sends it
            for name in ("company", "journal", "number", "date", "first_line"):
                out["entries"].setdefault(name, []).extend(getattr(m.entries, name))
            for name in m.lines.__dataclass_fields__:
                if name != "entry":
                    out["lines"].setdefault(name, []).extend(getattr(m.lines, name))
            ends = [*m.entries.start[1:], len(m.lines)] if m.entries.start else []
            sizes = [b - a for a, b in zip(m.entries.start, ends, strict=True)]
            out["entries"].setdefault("size", []).extend(sizes)
            out["refused"] += m.refused
            out["notes"] += m.notes
            for kind in ("journals", "accounts", "parties", "sections"):
                out["master"].setdefault(kind, {}).update(getattr(m, kind))
            for cid, t in m.totals.items():
                sums = out["totals"].setdefault(
                    cid, {"entries": 0, "debit": 0, "credit": 0, "days": [], "years": {}}
                )
                sums["entries"] += t.entries
                sums["debit"] += t.debit
                sums["credit"] += t.credit
                sums["days"] += [t.first, t.last]
                for year, count in t.year_counts.items():
                    sums["years"][year] = sums["years"].get(year, 0) + count
        elif isinstance(m, End):
            out["end"] = (m.line_count, m.bytes_read, m.fatal)
        elif isinstance(m, Header):
            out["header"] = (m.info, m.fatal)
    for sums in out["totals"].values():
        sums["days"] = (min(sums["days"]), max(sums["days"]))
    return out


TARGET = Target(
    companies={"": 1},
    years={1: [(1, date(2025, 1, 1), date(2025, 6, 30)), (2, date(2025, 7, 1), date(2025, 11, 30))]},
)


@pytest.mark.parametrize("columnar", [True, "packed"])
def test_the_feed_gives_the_same_chunks_both_ways(columnar: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    rows = _clean_rows(rng, 600)
    rows[1000][_field("Debit")] = "-" + rows[1000][_field("Debit")]  # unbalanced: the rest goes line by line
    data = _file(rows)  # December has no open year: its entries are refused by the feed
    monkeypatch.setattr(fec_module, "BATCH_LINES", 200)
    expected = _flat(list(feed(io.BytesIO(data), "x.txt", 50, TARGET, Source("FEC"))))
    got = list(feed(io.BytesIO(data), "x.txt", 50, TARGET, Source("FEC"), columnar))
    assert _flat(got) == expected
    assert any(type(m.lines) is not feed_module.LineColumns for m in got if isinstance(m, Chunk)) == (
        columnar == "packed"
    )
    assert {r.errors[0].code for r in expected["refused"]} == {"NO_OPEN_FISCAL_YEAR", "UNBALANCED_ENTRY"}
    assert set(expected["totals"][1]["years"]) == {1, 2}
    # the batch's limit reached within a clean block: that block goes entry by entry
    monkeypatch.setattr(feed_module, "BATCH_TOTAL_MAX", expected["totals"][1]["debit"] // 2)
    expected = _flat(list(feed(io.BytesIO(data), "x.txt", 50, TARGET, Source("FEC"))))
    assert _flat(list(feed(io.BytesIO(data), "x.txt", 50, TARGET, Source("FEC"), columnar))) == expected
    assert "BATCH_TOTAL_TOO_LARGE" in {r.errors[0].code for r in expected["refused"]}


@pytest.mark.parametrize("form", ["16 columns", "pipes in Latin-9"])
def test_other_legal_layouts_go_columnar_too(form: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _clean_rows(random.Random(5), 200)
    if form == "16 columns":  # no currency columns
        text = "\n".join(["\t".join(s.FEC_COLUMNS[:16]), *("\t".join(f[:16]) for f in rows)]) + "\n"
        data = text.encode()
    else:
        data = ("\n".join(["|".join(s.FEC_COLUMNS), *("|".join(f) for f in rows)]) + "\n").encode(
            "iso-8859-15"
        )
    assert _same(data, monkeypatch) == 1
