"""Golden files: the expected parse of every sample file the tests read, as text beside the sample.

Convention: a sample `<dir>/<name>` has, in the folder `<dir>/golden/`,
- `<name>.golden.txt`: its parse as written by `render` (the golden file; rewritten by `pytest --update-golden`);
- `<name>.expected.toml` (hand-written, optional): what the sample's own project publishes about it, or what a
  person counts by reading it (`basis` says which, `source` links to it). `check_expected` holds the golden
  text to it, so that a golden file rewritten by a wrong parser still fails;
- `<name>.settings.json` (optional): what the parse needs beside the format, e.g. `{"layout": {...},
  "ranges": [...]}` for a custom file.

The text form is stable and diff-friendly: one record per line, ISO dates, amounts as integers in minor
units, strings JSON-quoted. Records are formatted from their attributes by name in `render` only (never from
their repr), so a change of the record classes is one edit here, then `--update-golden`.
"""

from __future__ import annotations

import io
import json
import re
import tomllib
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecluse.formats.registry import open_parser

#: The attributes written for each kind of record, in this order (empty values are left out of lines).
INFO_FIELDS = ("format", "encoding", "separator", "variant", "siren", "closing_date", "header")
ENTRY_FIELDS = ("journal_code", "journal_label", "number", "date", "company")
LINE_FIELDS = (
    "account_number", "account_label", "aux_number", "aux_label", "piece_ref", "piece_date", "label",
    "debit", "credit", "lettering", "lettering_date", "validation_date", "currency_amount", "currency",
    "analytic", "due_date", "invoice_ref",
)  # fmt: skip
REJECTED_FIELDS = ("journal_code", "number")
ISSUE_FIELDS = ("line", "column", "code", "message", "params")
MASTER_FIELDS = ("kind", "code", "label", "nature", "company", "line")


def _value(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | Decimal):
        return str(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, tuple | list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def _fields(obj: Any, names: tuple[str, ...], *, skip_empty: bool = False) -> str:
    pairs = [(n, getattr(obj, n)) for n in names]  # an AttributeError here: a field renamed, edit the lists
    # A parameterless error leaves its params out whatever `skip_empty` says: most errors have none yet.
    return " ".join(
        f"{n}={_value(v)}" for n, v in pairs if not ((skip_empty or n == "params") and v in ("", None, ()))
    )


def render(parsed: Any) -> str:
    """The golden text of what `open_parser` returned, its items read to the end."""
    out = [f"info {_fields(parsed.info, INFO_FIELDS)}" if parsed.info is not None else "info -"]
    if parsed.fatal is not None:
        out.append(f"fatal {parsed.fatal.severity} {_fields(parsed.fatal, ISSUE_FIELDS)}")
    for item in parsed.items():
        kind = type(item).__name__
        if kind == "Entry":
            out.append(f"entry {_fields(item, ENTRY_FIELDS)}")
            out += [f"  line {ln.line} {_fields(ln, LINE_FIELDS, skip_empty=True)}" for ln in item.lines]
        elif kind == "RejectedEntry":
            out.append(f"rejected {_fields(item, REJECTED_FIELDS)} lines={_value(item.lines)}")
            out += [f"  raw {_value(text)}" for text in item.raw_lines]
            out += [f"  {e.severity} {_fields(e, ISSUE_FIELDS)}" for e in item.errors]
        elif kind == "ParseError":
            out.append(f"{item.severity} {_fields(item, ISSUE_FIELDS)}")
        elif kind == "MasterRecord":
            out.append(f"master {_fields(item, MASTER_FIELDS)}")
        else:
            raise TypeError(f"golden.render: no text for {kind}: add it")
    late = parsed.fatal  # JSON can meet a problem that refuses the file at the end
    if late is not None and not any(line.startswith("fatal ") for line in out):
        out.append(f"fatal {late.severity} {_fields(late, ISSUE_FIELDS)}")
    out.append(f"read lines={parsed.line_count} bytes={parsed.bytes_read}")
    return "\n".join(out) + "\n"


def golden_dir(sample: Path) -> Path:
    return sample.parent / "golden"


def golden_file(sample: Path) -> Path:
    return golden_dir(sample) / f"{sample.name}.golden.txt"


def settings(sample: Path) -> dict[str, Any]:
    path = golden_dir(sample) / f"{sample.name}.settings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def parse_sample(sample: Path, fmt: str) -> str:
    extra = settings(sample)
    with sample.open("rb") as fh:
        parsed = open_parser(fmt, fh, sample.name, layout=extra.get("layout"), ranges=extra.get("ranges"))
        return render(parsed)


def parse_bytes(data: bytes, fmt: str, name: str) -> str:
    return render(open_parser(fmt, io.BytesIO(data), name))


# --- the figures a golden text holds, to compare with what a sample's project publishes ------------------

_FIELD = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S+)')


def _pairs(line: str) -> dict[str, str]:
    return {k: json.loads(v) if v.startswith('"') else v for k, v in _FIELD.findall(line)}


def figures(golden: str) -> dict[str, Any]:
    """Counts and totals read back from a golden text (not from the parser: the file is what is checked)."""
    entries: list[str] = []
    rejected: list[str] = []
    accounts: dict[str, list[int]] = {}
    debit = credit = lines = masters = findings = 0
    codes: Counter[str] = Counter()
    info: dict[str, str] = {}
    fatal = False
    for text in golden.splitlines():
        word = text.split(" ", 1)[0]
        fields = _pairs(text)
        if text.startswith("info "):
            info = fields
        elif word == "entry":
            entries.append(fields["number"])
        elif text.startswith("  line "):
            lines += 1
            d, c = int(fields.get("debit", 0)), int(fields.get("credit", 0))
            debit, credit = debit + d, credit + c
            total = accounts.setdefault(fields["account_number"], [0, 0])
            total[0], total[1] = total[0] + d, total[1] + c
        elif word == "rejected":
            rejected.append(fields["number"])
        elif word == "master":
            masters += 1
        elif word == "finding":
            findings += 1
        elif word == "fatal":
            fatal = True
        if "code" in fields and (text.startswith("  error ") or word in ("error", "finding", "fatal")):
            codes[fields["code"]] += 1
    return {
        "entries": len(entries), "entry_numbers": entries, "lines": lines, "debit": debit, "credit": credit,
        "accounts": accounts, "rejected": rejected, "masters": masters, "codes": codes, "fatal": fatal,
        "findings": findings,
        "siren": info.get("siren"), "closing_date": info.get("closing_date"),
    }  # fmt: skip


#: The keys an expectation file may give (every other key is a mistake), beside `source`, `basis`, `notes`.
EXPECTATION_KEYS = {
    "entries", "entry_numbers", "lines", "debit", "credit", "accounts", "rejected", "masters", "fatal",
    "siren", "closing_date", "codes", "findings",
}  # fmt: skip


def expectations(sample: Path) -> dict[str, Any] | None:
    path = golden_dir(sample) / f"{sample.name}.expected.toml"
    if not path.exists():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data.get("basis") in ("published", "counted"), f"{path}: basis = 'published' or 'counted'"
    assert data.get("source"), f"{path}: say where the figures come from (source = ...)"
    unknown = set(data) - EXPECTATION_KEYS - {"source", "basis", "notes"}
    assert not unknown, f"{path}: unknown keys {sorted(unknown)}"
    return data


def check_expected(golden: str, expected: dict[str, Any]) -> list[str]:
    """The differences between a golden text's figures and a sample's expectations (empty when they agree)."""
    got = figures(golden)
    problems = []
    for key in sorted(EXPECTATION_KEYS & set(expected)):
        want, have = expected[key], got[key]
        if key == "accounts":
            have = {a: have.get(a) for a in want}  # only the accounts the source gives
            want = {a: list(v) for a, v in want.items()}
        elif key == "rejected":
            have, want = sorted(have), sorted(want)
        elif key == "codes":
            have = {c: have[c] for c in want}  # the number of times each named code occurs
        elif key == "closing_date":
            want = str(want)
        if have != want:
            problems.append(f"{key}: the golden file has {have!r}, the source says {want!r}")
    return problems
