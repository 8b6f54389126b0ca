"""Properties of every ledger parser (FEC, TRA, JSON, custom CSV, custom fixed-width), whatever the input.

Any byte string, a valid file mutated (bytes flipped, inserted, deleted; lines duplicated or cut; line ends
removed; huge fields, huge numbers, deep nesting), or a valid file with one field replaced by an odd value,
gives records or located errors, never an exception:

- every error has a known code, a line within the file, a bounded message and a column that fits the issue
  table; a refused entry has at least one error, and keeps at most a bounded text of each of its lines;
- every accepted entry is balanced, within the amount limits, and each of its text fields fits its column
  (so staging never meets a value the database refuses);
- the work is bounded by the input, checked by counting, not by timing: entries and refused entries at
  most one per physical line (JSON: per object), errors a bounded number per line, and the limits that
  protect memory (a line too long, a number too long, a value too long) are hit with their own code.

Deterministic (`derandomize`): the same examples on every run, in CI too. ECLUSE_HYPOTHESIS_EXAMPLES raises
the number of examples per property for a longer local run (default 25).
"""

from __future__ import annotations

import io
import json
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecluse.formats import limits
from ecluse.formats.json_entries.guards import MAX_NUMBER_DIGITS
from ecluse.formats.json_entries.parser import MAX_OBJECT_BYTES, MAX_TOKEN_BYTES
from ecluse.formats.reader import LineReader
from ecluse.formats.records import (
    CODE_MAX,
    COLUMN_MAX,
    MESSAGE_MAX,
    Entry,
    MasterRecord,
    ParseError,
    RejectedEntry,
)
from ecluse.money import AMOUNT_MAX, ENTRY_TOTAL_MAX
from tests.formats import samples as s

EXAMPLES = int(os.environ.get("ECLUSE_HYPOTHESIS_EXAMPLES", "25"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

#: Every code a parser may give (file, line or entry level, errors and findings).
KNOWN_CODES = frozenset(
    [
        "ACCOUNT_CLASS",
        "ACCOUNT_OUT_OF_RANGES",
        "ACCOUNT_PREFIX",
        "AFTER_CLOSING",
        "AMBIGUOUS_SIDE",
        "AMOUNT_EXPONENT",
        "AMOUNT_TOO_LARGE",
        "ANALYTIC_AXIS_IGNORED",
        "ANALYTIC_MISMATCH",
        "ANALYTIC_WITHOUT_GENERAL",
        "AUX_ACCOUNT",
        "AUX_ON_GENERAL_LINE",
        "BAD_ACCOUNT_TYPE",
        "BAD_AMOUNT",
        "BAD_CHARACTER",
        "BAD_DATE",
        "BAD_ENCODING",
        "BAD_FILE_NAME",
        "BAD_HEADER",
        "BAD_KIND_CODE",
        "BAD_LAYOUT",
        "BAD_QUOTING",
        "BAD_RANGES",
        "BAD_RECORD",
        "BAD_SENS",
        "BAD_SEPARATOR",
        "BAD_SIGN",
        "BAD_VALUE",
        "BAD_VAT_RATE",
        "BINARY_FILE",
        "CHRONOLOGY",
        "CURRENCY_INCOMPLETE",
        "DATE_OUT_OF_RANGE",
        "DATE_SEPARATORS",
        "DEBIT_AND_CREDIT",
        "DOT_DECIMAL",
        "DUPLICATE_COLUMN",
        "DUPLICATE_KEY",
        "EMPTY_FILE",
        "EMPTY_LINE",
        "ENCODING_FALLBACK",
        "ENTRY_NOT_CONTIGUOUS",
        "ENTRY_TOO_LARGE",
        "ENTRY_TOO_LONG",
        "ENTRY_TOTAL_TOO_LARGE",
        "EXTRA_DECIMALS",
        "EXTRA_HEADER",
        "EXTRA_TEXT",
        "FIELD_TOO_LONG",
        "HEADER_ORDER",
        "HEADER_VALUE",
        "KIND_MISMATCH",
        "LATE_COMPANY",
        "LETTERING_INCOMPLETE",
        "LINE_TOO_LONG",
        "MISSING_COLUMN",
        "MISSING_DATA",
        "MISSING_LABEL",
        "MISSING_VALUE",
        "MISSING_VERSION",
        "MIXED_DATES",
        "MORE_ERRORS",
        "NEGATIVE_AMOUNT",
        "NOT_AN_OBJECT",
        "NOT_JSON",
        "NOT_NORMAL_ENTRY",
        "NO_ENTRIES",
        "NO_ENTRY_LINES",
        "NO_HEADER",
        "NO_LINES",
        "NO_RANGES",
        "NUMBER_GAP",
        "NUMBER_TOO_LONG",
        "OBJECT_TOO_LARGE",
        "RECORD_SKIPPED",
        "SHORT_LINE",
        "TOO_LONG",
        "TOO_MANY_LINES",
        "TRAILING_SEPARATOR",
        "TRUNCATED",
        "TWO_THIRD_PARTIES",
        "UNBALANCED_ENTRY",
        "UNKNOWN_FIELD",
        "UNKNOWN_RECORD",
        "UNREADABLE_ENTRY",
        "UNSUPPORTED_FORMAT",
        "UNSUPPORTED_VERSION",
        "VALIDATION_BEFORE_ENTRY",
        "VALUE_TOO_LONG",
        "VAT_ACCOUNT_UNKNOWN",
        "VAT_EXCEEDS_AMOUNT",
        "VAT_ROUNDING",
        "WRONG_FIELD_COUNT",
        "WRONG_TYPE",
        "ZERO_AMOUNT",
    ]
)
TEXT_FIELDS = ("journal_code", "journal_label", "entry_number", "account_number", "account_label", "aux_number",
               "aux_label", "piece_ref", "label", "lettering", "currency", "analytic")  # fmt: skip
LINE_BASED = ("FEC", "TRA", "CSV", "FIXED")


# --- what every result must satisfy -------------------------------------------------------------------


def check_error(error: ParseError, last_line: int) -> None:
    assert error.code in KNOWN_CODES, error
    assert len(error.code) <= CODE_MAX
    assert 0 <= error.line <= last_line, (error, last_line)
    assert 0 < len(error.message) <= MESSAGE_MAX
    assert error.column is None or len(error.column) <= COLUMN_MAX
    assert error.severity in ("error", "finding")


def check_entry(entry: Entry, last_line: int) -> None:
    assert entry.lines and len(entry.company) <= limits.FIELD_MAX["company"]
    assert len(entry.journal_code) <= limits.FIELD_MAX["journal_code"]
    assert len(entry.number) <= limits.FIELD_MAX["entry_number"]
    debit = credit = 0
    for line in entry.lines:
        assert 1 <= line.line <= last_line and line.entry_date == entry.date
        for name in TEXT_FIELDS:
            assert len(getattr(line, name)) <= limits.FIELD_MAX[name], (name, getattr(line, name)[:50])
        assert 0 <= line.debit <= AMOUNT_MAX and 0 <= line.credit <= AMOUNT_MAX
        assert line.currency_amount is None or abs(line.currency_amount) <= AMOUNT_MAX
        debit, credit = debit + line.debit, credit + line.credit
    assert debit == credit <= ENTRY_TOTAL_MAX


def check(fmt: str, data: bytes, result: s.Result) -> None:
    """The properties every parse has (module docstring)."""
    if fmt == "JSON":
        last_line = data.count(b"{")  # a line object starts with "{"
        budget = data.count(b"{") + data.count(b"[") + data.count(b",") + 1
    else:
        last_line = data.count(b"\n") + data.count(b"\r") + 1
        budget = last_line
        assert result.line_count <= last_line
    errors: list[ParseError] = [f for f in (result.fatal, result.late) if f is not None]
    entries = rejected = 0
    for item in result.items:
        if isinstance(item, Entry):
            entries += 1
            check_entry(item, last_line)
        elif isinstance(item, RejectedEntry):
            rejected += 1
            assert item.errors and all(e.severity == "error" for e in item.errors)
            assert all(0 <= n <= last_line for n in item.lines)
            assert len(item.raw_lines) in (0, len(item.lines))
            longest = 2 * MAX_OBJECT_BYTES if fmt == "JSON" else limits.MAX_CUSTOM_LINE
            assert all(len(text) <= longest for text in item.raw_lines)
            errors += item.errors
        elif isinstance(item, MasterRecord):
            assert len(item.code) <= limits.MASTER_CODE_MAX[item.kind]
            assert len(item.label) <= limits.MASTER_LABEL_MAX
            assert len(item.company) <= limits.FIELD_MAX["company"]
        else:
            assert isinstance(item, ParseError), item
            errors.append(item)
    for error in errors:
        check_error(error, last_line)
    # bounded work: at most an entry per physical line (object), a bounded number of problems each
    assert entries + rejected <= budget
    assert len(errors) <= 120 * budget + 100


def parse_and_check(fmt: str, data: bytes) -> s.Result:
    result = s.parse(fmt, data)
    check(fmt, data, result)
    return result


# --- any bytes ----------------------------------------------------------------------------------------

HEADERS = {"FEC": s.FEC_HEADER.encode() + b"\n", "TRA": s.sample("TRA").split(b"\r\n", 1)[0] + b"\r\n",
           "JSON": b'{"version": 1, "entries": [', "CSV": s.CSV_HEADER.encode() + b"\n", "FIXED": b""}  # fmt: skip


@pytest.mark.parametrize("fmt", s.FORMATS)
@PROPERTY
@given(data=st.binary(max_size=3000))
def test_any_bytes(fmt: str, data: bytes) -> None:
    parse_and_check(fmt, data)


@pytest.mark.parametrize("fmt", s.FORMATS)
@PROPERTY
@given(data=st.binary(max_size=3000))
def test_any_bytes_after_a_valid_header(fmt: str, data: bytes) -> None:
    parse_and_check(fmt, HEADERS[fmt] + data)


# --- a valid file, mutated ----------------------------------------------------------------------------

SPECIAL = [b"\t", b";", b"|", b'"', b",", b".", b"-", b"\r", b"\n", b"\r\n", b"\x00", b"\x1a", b"\xa0",
           b"\xc3", b"{", b"}", b"[", b"]", b":", b"***", b"e", b"E+9"]  # fmt: skip
MUTATION = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 20), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.integers(0, 1 << 20), st.binary(min_size=1, max_size=40)),
    st.tuples(st.just("special"), st.integers(0, 1 << 20), st.sampled_from(SPECIAL)),
    st.tuples(st.just("delete"), st.integers(0, 1 << 20), st.integers(1, 300)),
    st.tuples(st.just("duplicate_line"), st.integers(0, 100), st.integers(1, 4)),
    st.tuples(st.just("cut_line"), st.integers(0, 100), st.integers(0, 250)),
    st.tuples(st.just("no_line_ends"), st.just(0), st.just(0)),
    st.tuples(st.just("huge_field"), st.integers(0, 1 << 20), st.sampled_from([41, 301, 5_000, 70_000])),
    st.tuples(st.just("huge_number"), st.integers(0, 1 << 20), st.sampled_from([17, 70, 4_400, 100_000])),
    st.tuples(st.just("deep"), st.integers(0, 1 << 20), st.sampled_from([17, 3_000])),
)


def mutate(data: bytes, mutations: list[tuple[str, int, Any]]) -> bytes:
    for kind, at, arg in mutations:
        pos = at % (len(data) + 1)
        if kind == "flip" and data:
            pos %= len(data)
            data = data[:pos] + bytes([arg]) + data[pos + 1 :]
        elif kind in ("insert", "special"):
            data = data[:pos] + arg + data[pos:]
        elif kind == "delete":
            data = data[:pos] + data[pos + arg :]
        elif kind in ("duplicate_line", "cut_line"):
            lines = data.split(b"\n")
            i = at % len(lines)
            lines[i : i + 1] = [lines[i]] * arg if kind == "duplicate_line" else [lines[i][:arg]]
            data = b"\n".join(lines)
        elif kind == "no_line_ends":
            data = data.replace(b"\r", b"").replace(b"\n", b" ")
        elif kind == "huge_field":
            data = data[:pos] + b"x" * arg + data[pos:]
        elif kind == "huge_number":
            data = data[:pos] + b"9" * arg + data[pos:]
        elif kind == "deep":
            data = data[:pos] + b"[" * arg + data[pos:]
    return data


@pytest.mark.parametrize("fmt", s.FORMATS)
@PROPERTY
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_file(fmt: str, mutations: list[tuple[str, int, Any]]) -> None:
    parse_and_check(fmt, mutate(s.sample(fmt, entries=4), mutations))


# --- a valid file, one field replaced -------------------------------------------------------------------

ODD_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "0,00",
            "9999999999999,99",
            "10000000000000,00",
            "-9999999999999,99",
            "1,5E+03",
            "9,99E+99",
            "12.345",
            "1 234,56",
            "١٢٣",
            "20250115",
            "15/01/2025",
            "00000000",
            "20250230",
            "2025-01-15",
            "VT",
            "411000",
            "EUR",
            "EURO",
            "D",
            "C",
            "X",
            "A",
            "N",
            "S",
            '"',
            '""x""',
            "\u00a0",
            "\x00",
            "\t",
        ]
    ),
    st.integers(0, 10**40).map(str),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["x", "9", "é", " ", "0"]), st.sampled_from([21, 41, 301, 5_000])
    ),
)
#: (first, width) of the fields of a TRA movement line, and of the custom fixed-width layout.
TRA_FIELDS = [(0, 3), (3, 8), (11, 2), (13, 17), (30, 1), (31, 17), (48, 35), (83, 35), (121, 8), (129, 1),
              (130, 20), (150, 1), (151, 8), (159, 3), (218, 2)]  # fmt: skip
FIXED_FIELDS = [(0, 2), (2, 8), (10, 6), (16, 60), (76, 30), (106, 16), (122, 16)]


def replace_field(fmt: str, data: bytes, line: int, field: int, value: str) -> bytes:
    eol = b"\r\n" if fmt == "TRA" else b"\n"
    lines = data.split(eol)
    first = {"FEC": 1, "TRA": 2, "CSV": 1, "FIXED": 0}[fmt]  # header lines (TRA: and its ***JAL record)
    i = first + line % max(1, len(lines) - 1 - first)
    text = lines[i].decode("cp1252" if fmt == "TRA" else "utf-8")
    if fmt in ("FEC", "CSV"):
        sep = "\t" if fmt == "FEC" else ";"
        fields = text.split(sep)
        fields[field % len(fields)] = value
        text = sep.join(fields)
    else:
        at, width = (TRA_FIELDS if fmt == "TRA" else FIXED_FIELDS)[field % (15 if fmt == "TRA" else 7)]
        text = text[:at] + (value.rjust(width) if len(value) <= width else value) + text[at + width :]
    lines[i] = text.encode("cp1252" if fmt == "TRA" else "utf-8", "replace")
    return eol.join(lines)


@pytest.mark.parametrize("fmt", LINE_BASED)
@PROPERTY
@given(
    changes=st.lists(st.tuples(st.integers(0, 50), st.integers(0, 30), ODD_VALUES), min_size=1, max_size=4)
)
def test_odd_field_values(fmt: str, changes: list[tuple[int, int, str]]) -> None:
    data = s.sample(fmt, entries=4)
    for line, field, value in changes:
        data = replace_field(fmt, data, line, field, value)
    parse_and_check(fmt, data)


JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), ODD_VALUES,
    st.sampled_from(["1234.56", "9999999999999.99", "10000000000000.00", "-0.5", "2025-01-15", "2025-02-30"]),
)  # fmt: skip
# Containers hold at least one value (empty ones are leaves): hypothesis refuses an `extend` that may not draw
# from `inner` ("doesn't use its argument") in some of its versions.
JSON_VALUES = st.recursive(
    JSON_SCALARS | st.just([]) | st.just({}),
    lambda inner: (
        st.lists(inner, min_size=1, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, min_size=1, max_size=3)
    ),
    max_leaves=8,
)
JSON_KEYS = st.sampled_from(["journal", "number", "date", "label", "company", "currency", "lines", "account",
                             "thirdParty", "debit", "credit", "pieceRef", "pieceDate", "dueDate", "analytic",
                             "lettering", "version", "entries", "journals", "x" * 50])  # fmt: skip
#: Tokens written as they are, where json.dumps could not: numbers too long for Python, deep nesting.
RAW = {
    "@huge@": b"9" * 100_000, "@long@": b"1" * (MAX_NUMBER_DIGITS + 1) + b".5", "@exp@": b"1e99999999",
    "@deep@": b"[" * 2_000 + b"]" * 2_000, "@hugestr@": b'"' + b"s" * (MAX_TOKEN_BYTES + (1 << 17)) + b'"',
}  # fmt: skip


@PROPERTY
@given(
    changes=st.lists(
        st.tuples(
            st.integers(0, 3),
            st.integers(-1, 3),
            JSON_KEYS,
            st.one_of(JSON_VALUES, st.sampled_from(sorted(RAW))),
        ),
        min_size=1,
        max_size=4,
    ),
    declare=st.booleans(),
)
def test_odd_json_values(changes: list[tuple[int, int, str, Any]], declare: bool) -> None:
    doc = json.loads(s.sample("JSON", entries=4))
    if declare:
        doc["journals"] = [{"code": "VT", "label": "Ventes"}]
    for entry, line, key, value in changes:
        target, entries = doc, doc.get("entries")  # (earlier changes may have replaced what holds it)
        if (
            key not in ("version", "entries", "journals")
            and isinstance(entries, list)
            and entry < len(entries)
        ):
            target = entries[entry] if isinstance(entries[entry], dict) else doc
            lines = target.get("lines")
            if line >= 0 and isinstance(lines, list) and lines and isinstance(lines[line % len(lines)], dict):
                target = lines[line % len(lines)]
        if key == "entries" and not isinstance(value, list):
            continue  # (the document without its entries: NO_ENTRIES, tested elsewhere)
        target[key] = value
    text = json.dumps(doc, ensure_ascii=False).encode()
    for name, raw in RAW.items():
        text = text.replace(json.dumps(name).encode(), raw)
    parse_and_check("JSON", text)


# --- the line reader: the same lines whatever its blocks ----------------------------------------------


def _read(data: bytes, block: int, max_line: int) -> list[tuple[str, int]]:
    reader = LineReader(io.BytesIO(data), block, max_line=max_line)
    return [(str(line), getattr(line, "length", len(line))) for line in reader.lines()]


@PROPERTY
@given(
    eol=st.sampled_from(["\n", "\r\n", "\r"]),
    lines=st.lists(
        st.one_of(
            st.text(st.sampled_from("ab;\t é€\r\n\xa0"), max_size=12),
            st.builds(lambda c, n: c * n, st.sampled_from("xé"), st.integers(20, 400)),
        ),
        max_size=12,
    ),
    block=st.integers(4, 300),
    max_line=st.integers(10, 200),
)
def test_the_reader_gives_the_same_lines_whatever_its_blocks(
    eol: str, lines: list[str], block: int, max_line: int
) -> None:
    data = (eol.join(["H", *lines]) + eol).encode()
    expected = _read(data, 1 << 20, max_line)  # one block (the whole text)
    assert _read(data, block, max_line) == expected
    assert all(length <= max_line or len(text) == min(length, 1000) for text, length in expected)


# --- the limits that protect memory are hit with their code ---------------------------------------------


@pytest.mark.parametrize("fmt", LINE_BASED)
@PROPERTY
@given(
    at=st.integers(0, 20),
    extra=st.integers(1, 100_000),
    fill=st.sampled_from([b"x", b" ", b"9", b";", b"\t"]),
)
def test_a_line_too_long_is_line_too_long_on_that_line(fmt: str, at: int, extra: int, fill: bytes) -> None:
    eol = b"\r\n" if fmt == "TRA" else b"\n"
    lines = s.sample(fmt, entries=3).split(eol)
    i = at % (len(lines) - 1)
    limit = limits.MAX_CUSTOM_LINE if fmt in ("CSV", "FIXED") else limits.MAX_LINE
    lines[i] += fill * (limit - len(lines[i].decode("cp1252" if fmt == "TRA" else "utf-8")) + extra)
    result = parse_and_check(fmt, eol.join(lines))
    where = [e for e in result.errors if e.code == "LINE_TOO_LONG"]
    assert [e.line for e in where] == [i + 1]
    if i == 0 and fmt != "FIXED":  # a header line: the file fails
        assert result.fatal is not None and result.fatal.code == "LINE_TOO_LONG"
    else:
        assert len(result.entries) >= 1  # the other entries are still read


@PROPERTY
@given(
    entry=st.integers(0, 3),
    line=st.integers(0, 1),
    key=st.sampled_from(["debit", "credit", "account", "label", "pieceRef"]),
    digits=st.integers(MAX_NUMBER_DIGITS + 1, 100_000),
    fraction=st.sampled_from(["", ".5", "e5", "e-12"]),
)
def test_a_json_number_too_long_is_number_too_long_on_its_field(
    entry: int, line: int, key: str, digits: int, fraction: str
) -> None:
    doc = json.loads(s.sample("JSON", entries=4))
    doc["entries"][entry]["lines"][line][key] = "@number@"
    number = b"-" + b"9" * digits + fraction.encode()
    text = json.dumps(doc).encode().replace(b'"@number@"', number)
    result = parse_and_check("JSON", text)
    assert result.fatal is None and result.late is None
    [refused] = result.rejected
    codes = {(e.code, e.column) for e in refused.errors}
    assert ("NUMBER_TOO_LONG", f"entries[{entry}].lines[{line}].{key}") in codes
    assert len(result.entries) == 3


@PROPERTY
@given(
    entry=st.integers(0, 3),
    key=st.sampled_from(["journal", "label", "number"]),
    size=st.integers(MAX_TOKEN_BYTES + (1 << 17), MAX_TOKEN_BYTES + (1 << 19)),
)
def test_a_json_value_too_long_is_value_too_long_where_it_is(entry: int, key: str, size: int) -> None:
    doc = json.loads(s.sample("JSON", entries=4))
    doc["entries"][entry][key] = "v" * size
    result = parse_and_check("JSON", json.dumps(doc).encode())
    assert result.late is not None and (result.late.code, result.late.column) == (
        "VALUE_TOO_LONG",
        f"entries[{entry}].{key}",
    )
    assert len(result.entries) == entry  # the entries before it were read


@pytest.mark.parametrize("fmt", LINE_BASED)
def test_a_file_without_line_ends_is_one_line_too_long(fmt: str) -> None:
    repeat = 20_000 if fmt in ("CSV", "FIXED") else 3_000  # beyond the maximum line (1 MiB, 64 KiB)
    data = re.sub(rb"[\r\n]", b" ", s.sample(fmt, entries=2)) * repeat
    result = parse_and_check(fmt, data)
    errors = [e for e in result.errors if e.code == "LINE_TOO_LONG"]
    assert [e.line for e in errors] == [1] and not result.entries
