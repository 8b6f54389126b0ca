"""The FEC checks that look beyond one line: the file name, the closing date it gives, the sequence of entry
numbers. The line checks are in fec.py's hot loop (and mirrored in fec_columns.py's screen).

Each finding here informs and never refuses an entry: the data stays clear, the file is only not what the
tax administration's tool (Test Compta Demat) and public FEC validators expect of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import polars as pl
from stdnum.fr import siren as siren_number

from ecluse.formats.limits import shown
from ecluse.formats.records import ParseError

#: `SirenFECAAAAMMJJ` (A47 A-1 IX), found anywhere in the name, case-insensitive like TCD.
_NAME = re.compile(r"(?:(?<!\d)(\d{9}))?FEC(\d{8})")


@dataclass(frozen=True, slots=True)
class FileName:
    """What a FEC file's name says: its SIREN and closing date (None when absent or not valid), and the
    finding about it, if any."""

    siren: str | None
    closing: date | None
    finding: ParseError | None


def read_file_name(filename: str | None) -> FileName:
    """The SIREN (9 digits right before 'FEC') and closing date of `SirenFECAAAAMMJJ…` (suffixes allowed:
    `…_1.txt` for a split file). A name that does not follow the rule, a SIREN whose check digit is wrong
    (python-stdnum) or a closing date that does not exist (20230229) is a BAD_FILE_NAME finding."""
    if not filename:
        return FileName(None, None, None)
    base = re.split(r"[/\\]", filename)[-1]
    matches = list(_NAME.finditer(base.upper()))
    name = shown(filename, 60)
    if not matches:
        return FileName(
            None, None, ParseError.of(0, None, "BAD_FILE_NAME", "finding", name=name, reason="form")
        )
    siren, text = matches[-1].groups()
    try:
        closing: date | None = date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        closing = None
    finding = None
    if siren is None:
        finding = ParseError.of(0, None, "BAD_FILE_NAME", "finding", name=name, reason="no_siren")
    elif not siren_number.is_valid(siren):
        finding = ParseError.of(0, None, "BAD_FILE_NAME", "finding", name=name, reason="siren", siren=siren)
    elif closing is None:
        finding = ParseError.of(0, None, "BAD_FILE_NAME", "finding", name=name, reason="date", date=text)
    return FileName(siren, closing, finding)


def after_closing(line: int, journal: str, number: str, day: date, closing: date) -> ParseError:
    """AFTER_CLOSING: an entry dated after the closing date the file's name gives."""
    return ParseError.of(
        line,
        "EcritureDate",
        "AFTER_CLOSING",
        "finding",
        entry=f"{journal} {number}",
        date=day,
        closing=closing,
    )


class Sequences:
    """The entry numbers of a file, by sequence: numbers made of a prefix and a run of digits at the end
    (`VT000123`, `2026-0042`, `17`) belong to the sequence of that prefix (and, when written with leading
    zeros, of that width). At the end, the numbers missing between the first and the last of a sequence are
    NUMBER_GAP findings (Test Compta Demat's "séquence de numérotation").

    Numbering is checked over the file, not per journal: numbers shared by all journals (one sequence, each
    journal taking the next, with or without the journal's prefix) and numbers per journal (each prefix its
    sequence) are both read right: a number one prefix lacks but another holds is no gap. A sequence
    is only checked when at most one number in ten of its range is missing (ten in a sequence of less than
    100 numbers): numbers built from dates or
    documents (`20260115001`) are identifiers, not a sequence, and have gaps by nature.

    Numbers are kept as columns (polars), a few bytes each: 1M entries take a few MB."""

    __slots__ = ("_frames", "_lines", "_numbers")

    def __init__(self) -> None:
        self._frames: list[pl.DataFrame] = []
        self._numbers: list[str] = []
        self._lines: list[int] = []

    def add(self, number: str, line: int) -> None:
        self._numbers.append(number)
        self._lines.append(line)
        if len(self._numbers) >= _BUFFER:
            self._flush()

    def add_columns(self, numbers: pl.Series, lines: pl.Series) -> None:
        """Numbers and the first line of their entries, as columns (a CleanBlock's entries)."""
        self._flush()
        self._frames.append(pl.DataFrame({"num": numbers, "line": lines.cast(pl.Int64)}))

    def _flush(self) -> None:
        if self._numbers:
            self._frames.append(pl.DataFrame({"num": self._numbers, "line": self._lines}, schema=_SCHEMA))
            self._numbers, self._lines = [], []

    def gaps(self) -> list[ParseError]:
        """A NUMBER_GAP finding per gap, on the first line of the number after it, in file order."""
        self._flush()
        if not self._frames:
            return []
        parts = pl.col("num").str.extract_groups(r"^(.*?)([0-9]{1,15})$")
        digits = pl.col("digits")
        numbers = (
            pl.concat(self._frames)
            .select(parts.struct.field("1").alias("prefix"), parts.struct.field("2").alias("digits"), "line")
            .drop_nulls("digits")
            .select(
                "prefix",
                pl.when(digits.str.starts_with("0") & (digits.str.len_chars() > 1))
                .then(digits.str.len_chars())
                .otherwise(0)
                .alias("width"),
                digits.cast(pl.Int64).alias("n"),
                "line",
            )
            .group_by("prefix", "width", "n")
            .agg(pl.col("line").min())
        )
        self._frames = []
        runs = ["prefix", "width"]
        gaps = (
            numbers.sort(*runs, "n")
            .with_columns(
                pl.col("n").shift(1).over(runs).alias("low"),
                pl.len().over(runs).alias("count"),
                (pl.col("n").max() - pl.col("n").min() + 1).over(runs).alias("span"),
            )
            .filter(
                (pl.col("count") >= 2)
                & ((pl.col("span") - pl.col("count")) * 10 <= pl.max_horizontal("count", pl.lit(100)))
                & (pl.col("n") - pl.col("low") > 1)
            )
            .sort("line")
        )
        if gaps.height == 0:
            return []
        # Numbers one sequence lacks but another prefix holds are no gap: a numbering shared by all journals,
        # each number written with its journal's prefix (VT00001, AC00002, VT00003).
        used = {
            width: set(numbers.filter(pl.col("width") == width)["n"].to_list())
            for width in gaps["width"].unique().to_list()
        }
        found = []
        for prefix, width, n, line, low in gaps.select("prefix", "width", "n", "line", "low").iter_rows():
            missing = sum(1 for k in range(low + 1, n) if k not in used[width])
            if missing:
                found.append(
                    ParseError.of(
                        line,
                        "EcritureNum",
                        "NUMBER_GAP",
                        "finding",
                        after=_written(prefix, low, width),
                        before=_written(prefix, n, width),
                        missing=missing,
                    )
                )
        return found


_BUFFER = 8_192  # numbers kept as Python objects before they join a frame (memory)
_SCHEMA = {"num": pl.String, "line": pl.Int64}


def _written(prefix: str, number: int, width: int) -> str:
    return f"{prefix}{number:0{width}d}" if width else f"{prefix}{number}"
