"""The columnar route of the FEC parser: runs of clean lines read as columns (polars), for big imports.

The line-by-line parser (fec.py) spends 5–8 µs of Python per line, most of it building objects that
staging then takes apart again. Here a batch of lines is read as columns in native code and screened
against everything the line-by-line parser would say about it; the entries of the clean start of the batch
become a `CleanBlock` of columns, never one object per line. The first line or entry the screen is not sure
of ends the columnar route: from there on the file goes through the line-by-line parser, which carries the
state the screen kept (the open-entry window, the keys of closed entries, each journal's last entry), so
that the two routes together say exactly what the line-by-line parser alone says (tests/formats/
test_fec_columns.py proves it on every test file and on generated files with defects).

The screen is deliberately narrow: a line is clean only when the line-by-line parser would read it with
nothing to report (its fast path: exact field count, no spaces around fields, YYYYMMDD dates from 1900 to
2099, a validation date not before the entry's, amounts in the plain "1234,56" form with one side filled, a
currency amount blank or in the plain signed form of its currency and given with its currency, every mandatory
field present, every field within its maximum, an account of classes 1 to 7, a third party only on a class 4
account, a lettering code with its date), and an entry only when it is contiguous, balanced, of one date, not
after the file's closing date, new, and in order in its journal. Anything else is the line-by-line parser's to judge: wider rules
here would be a second parser to keep in step. A check added to fec.py must make its lines unclean here too:
add its defect to DEFECTS in tests/formats/test_fec_columns.py, whose equality test fails until it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import polars as pl

from ecluse.formats.entries import WINDOW, ClosedKeys
from ecluse.formats.limits import FIELD_MAX
from ecluse.formats.records import Entry, new_entry, new_entry_line
from ecluse.money import AMOUNT_MAX, ENTRY_TOTAL_MAX, exponent_or

if TYPE_CHECKING:
    from ecluse.formats.fec import _Layout

#: Lines read as columns at a time: large enough that native code pays, small enough to bound memory.
BATCH_LINES = 50_000
#: The canonical columns the screen reads, and the short names it gives them.
_FIELDS = (
    ("JournalCode", "jc"), ("JournalLib", "jl"), ("EcritureNum", "num"), ("EcritureDate", "eds"),
    ("CompteNum", "acc"), ("CompteLib", "accl"), ("CompAuxNum", "aux"), ("CompAuxLib", "auxl"),
    ("PieceRef", "ref"), ("PieceDate", "pds"), ("EcritureLib", "lib"), ("Debit", "deb"), ("Credit", "cred"),
    ("EcritureLet", "let"), ("DateLet", "dls"), ("ValidDate", "vds"), ("Montantdevise", "camt"),
    ("Idevise", "cur"),
)  # fmt: skip
_MAX = {
    "jc": FIELD_MAX["journal_code"], "jl": FIELD_MAX["journal_label"], "num": FIELD_MAX["entry_number"],
    "acc": FIELD_MAX["account_number"], "accl": FIELD_MAX["account_label"], "aux": FIELD_MAX["aux_number"],
    "auxl": FIELD_MAX["aux_label"], "ref": FIELD_MAX["piece_ref"], "lib": FIELD_MAX["label"],
    "let": FIELD_MAX["lettering"], "cur": FIELD_MAX["currency"],
}  # fmt: skip
_DAY = r"^(?:19|20)[0-9]{6}$"  # what parse_date reads as a plain YYYYMMDD (with a valid calendar day)
#: The columns of a CleanBlock's lines, in this order.
LINE_COLUMNS = (
    "line", "entry", "jc", "jl", "num", "ed", "acc", "accl", "aux", "auxl", "ref", "pd", "lib", "debit",
    "credit", "let", "dl", "vd", "camt", "cur",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CleanBlock:
    """Consecutive entries whose every line is clean, in file order, as columns.

    `lines`: LINE_COLUMNS per line (`entry` is the index of the line's entry in `entries`; ed, pd, dl, vd are
    dates, dl null when blank; debit and credit minor units, camt the signed currency amount in its currency's
    minor units or null). `entries`: per entry jc, jl (its first line's),
    num, ed, first (its first line's number), start (the index of its first line in `lines`), debit, credit.
    """

    lines: pl.DataFrame
    entries: pl.DataFrame

    def __len__(self) -> int:
        return self.entries.height

    def parts(self, entries: int) -> list[CleanBlock]:
        """The block in pieces of at most `entries` entries (each with its lines)."""
        if self.entries.height <= entries:
            return [self]
        pieces = []
        starts = self.entries["start"]
        for first in range(0, self.entries.height, entries):
            low = int(starts[first])
            high = int(starts[first + entries]) if first + entries < len(starts) else self.lines.height
            pieces.append(
                CleanBlock(
                    self.lines.slice(low, high - low).with_columns(pl.col("entry") - first),
                    self.entries.slice(first, entries).with_columns(pl.col("start") - low),
                )
            )
        return pieces

    def items(self) -> list[Entry]:
        """The block as the line-by-line parser gives it: one Entry per entry (for a caller that cannot
        take columns)."""
        columns = [self.lines[name].to_list() for name in LINE_COLUMNS]
        made = [
            new_entry_line(
                line, jc, jl, num, ed, acc, accl, aux, auxl, ref, pd, lib, debit, credit, let, dl, vd, camt, cur
            )
            for line, _, jc, jl, num, ed, acc, accl, aux, auxl, ref, pd, lib, debit, credit, let, dl, vd, camt, cur
            in zip(*columns, strict=True)
        ]  # fmt: skip
        starts = [*self.entries["start"].to_list(), len(made)]
        return [
            new_entry(jc, jl, num, ed, tuple(made[starts[i] : starts[i + 1]]))
            for i, (jc, jl, num, ed) in enumerate(
                zip(*(self.entries[name].to_list() for name in ("jc", "jl", "num", "ed")), strict=True)
            )
        ]


@dataclass(frozen=True, slots=True)
class Taken:
    """What the screen made of a batch: the clean entries at its start (or None), how many of its lines they
    took, and whether the rest holds something the screen is not sure of (then the line-by-line parser
    takes over for good) or only entries held back because later lines may still belong to them."""

    block: CleanBlock | None
    used: int
    stop: bool


class Screen:
    """Screens batches of raw FEC data lines. `last` (journal → (date, number) of its last entry) and
    `closed` (keys of closed entries) are the line-by-line parser's state, kept up to date here."""

    def __init__(
        self,
        layout: _Layout,
        places: int,
        last: dict[str, tuple[date, str]],
        closed: ClosedKeys,
        closing: date | None = None,
    ) -> None:
        self._sep, self._n = layout.sep, layout.n
        self._names = [f"c{i}" for i in range(layout.n)]
        # canonical column → the file's column, or None when absent (read as blank)
        self._where = {
            short: (f"c{at}" if at < layout.n else None)
            for (_, short), at in zip(_FIELDS, layout.positions, strict=True)
        }
        self._places = places
        self._last, self._closed = last, closed
        self._closing = closing  # the file name's closing date: entries after it are not clean

    @staticmethod
    def usable(layout: _Layout) -> bool:
        """Whether the screen reads this layout at all (Montant + Sens files go line by line)."""
        return layout.variant == "debit-credit"

    def take(self, lines: list[str], first_line: int, final: bool) -> Taken:
        """Screen `lines` (data lines numbered from `first_line`); `final`: nothing follows them."""
        bad, text = self._first_bad_text(lines)
        if bad < len(lines):  # rare: only the lines before the one at fault are read
            text = "\n".join(lines[:bad])
        frame = self._read(text, bad) if bad else None
        if frame is None:
            return Taken(None, 0, True)
        frame, runs, stop = self._screen(frame, first_line, final and bad == len(lines))
        stop = stop or bad < len(lines)
        keep = runs.height if final and not stop else max(runs.height - WINDOW, 0)
        if keep == 0:
            return Taken(None, 0, stop)
        runs = runs.head(keep)
        used = int(runs["start"][-1]) + int(runs["size"][-1])
        block = self._block(frame.head(used), runs)
        self._remember(block.entries)
        return Taken(block, used, stop)

    # --- the screen -------------------------------------------------------------------------------------

    def _first_bad_text(self, lines: list[str]) -> tuple[int, str]:
        """How many lines at the start have the right field count and no CR (that native CSV reading would
        take as a line end), and the lines joined (what native reading then reads, joined once)."""
        sep, n = self._sep, self._n
        text = "\n".join(lines)
        if text.count(sep) == (n - 1) * len(lines) and "\r" not in text:
            return len(lines), text
        for i, raw in enumerate(lines):  # rare: find the first line at fault
            if raw.count(sep) != n - 1 or "\r" in raw:
                return i, text
        return len(lines), text

    def _read(self, text: str, count: int) -> pl.DataFrame | None:
        """`count` lines joined in `text`, as columns (None when native reading cannot vouch for them)."""
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: not for native code
            return None
        try:
            frame = pl.read_csv(
                data, has_header=False, separator=self._sep, quote_char=None, infer_schema=False,
                new_columns=self._names, empty_string_is_null=False, comment_prefix=None,
            )  # fmt: skip
        except (pl.exceptions.PolarsError, pl.exceptions.PanicException):  # the line-by-line parser will say
            return None
        if frame.height != count or frame.width != self._n:
            return None
        return frame

    def _col(self, short: str) -> pl.Expr:
        name = self._where[short]
        return pl.lit("") if name is None else pl.col(name).fill_null("")

    def _amount(self, short: str) -> tuple[pl.Expr, pl.Expr]:
        """(is in the plain form the line-by-line parser reads directly, value in minor units)."""
        text = self._col(short)
        places = self._places
        if places:
            form = rf"^[0-9]{{1,{15 - places}}},[0-9]{{{places}}}$"
            digits = text.str.replace(",", "", literal=True)
        else:
            form, digits = r"^[0-9]{1,15}$", text
        return text.str.contains(form), digits.cast(pl.Int64, strict=False)

    def _currency_amount(self, frame: pl.DataFrame) -> tuple[pl.Expr, pl.Expr]:
        """(Montantdevise is blank or in the plain signed form of its currency's decimals, its value)."""
        text = self._col("camt")
        cur = self._where["cur"]
        currencies = frame[cur].unique().to_list() if cur is not None else [""]
        decimals = {code: exponent_or(code or "", self._places) for code in currencies}
        places = self._col("cur").replace_strict(decimals, default=self._places, return_dtype=pl.Int64)
        forms = [
            (places == p)
            & text.str.contains(rf"^-?[0-9]{{1,{15 - p}}},[0-9]{{{p}}}$" if p else r"^-?[0-9]{1,15}$")
            for p in set(decimals.values())
        ]
        value = text.str.replace(",", "", literal=True).cast(pl.Int64, strict=False)
        return (text == "") | pl.any_horizontal(*forms), value

    def _screen(
        self, frame: pl.DataFrame, first_line: int, final: bool
    ) -> tuple[pl.DataFrame, pl.DataFrame, bool]:
        """(lines read, runs of clean entries in order, whether something after them is not clean). `final`:
        no line follows the frame's (else its last entry may go on after it, and is not judged yet)."""
        col = self._col
        day = {s: col(s).str.strptime(pl.Date, "%Y%m%d", strict=False) for s in ("eds", "pds", "vds", "dls")}
        deb_ok, debit = self._amount("deb")
        cred_ok, credit = self._amount("cred")
        camt_ok, camt = self._currency_amount(frame)
        long = [col(s).str.len_chars() > limit for s, limit in _MAX.items()]
        ok = (
            pl.all_horizontal(
                *(col(s).str.contains(_DAY) & day[s].is_not_null() for s in ("eds", "pds", "vds")),
                (col("dls") == "") | (col("dls").str.contains(_DAY) & day["dls"].is_not_null()),
                deb_ok, cred_ok, (debit == 0) != (credit == 0), debit <= AMOUNT_MAX, credit <= AMOUNT_MAX,
                col("acc").str.contains(r"^[1-7][0-9]{2}"),  # classes 1 to 7 (ACCOUNT_PREFIX, ACCOUNT_CLASS)
                *(col(s) != "" for s in ("jc", "jl", "num", "accl", "ref", "lib")),
                (col("aux") == "") | ((col("auxl") != "") & col("acc").str.starts_with("4")),  # AUX_ACCOUNT
                (col("let") == "") == (col("dls") == ""),  # LETTERING_INCOMPLETE
                day["vds"] >= day["eds"],  # VALIDATION_BEFORE_ENTRY
                camt_ok,
                ~(((col("cur") != "") & (col("camt") == "")) | ((col("cur") == "") & (camt.fill_null(0) != 0))),
            )
            & ~pl.any_horizontal(*long)
            & ~pl.any_horizontal(*(pl.col(name).str.starts_with(" ") | pl.col(name).str.ends_with(" ")
                                   for name in self._names))  # the line-by-line parser trims those
        )  # fmt: skip
        lines = frame.select(
            pl.int_range(first_line, first_line + frame.height, dtype=pl.Int64).alias("line"),
            col("jc").alias("jc"), col("jl").alias("jl"), col("num").alias("num"), day["eds"].alias("ed"),
            col("acc").alias("acc"), col("accl").alias("accl"), col("aux").alias("aux"),
            col("auxl").alias("auxl"), col("ref").alias("ref"), day["pds"].alias("pd"), col("lib").alias("lib"),
            debit.alias("debit"), credit.alias("credit"), col("let").alias("let"), day["dls"].alias("dl"),
            day["vds"].alias("vd"), camt.alias("camt"), col("cur").alias("cur"), ok.fill_null(False).alias("ok"),
        )  # fmt: skip
        bad_lines = lines["ok"].not_()
        stop = bool(bad_lines.any())
        if stop:
            lines = lines.head(int(bad_lines.arg_max() or 0))
        lines = lines.drop("ok").with_columns(
            ((pl.col("jc") != pl.col("jc").shift(1)) | (pl.col("num") != pl.col("num").shift(1)))
            .fill_null(True)
            .cum_sum()
            .cast(pl.Int64)
            .sub(1)
            .alias("entry")
        )
        runs = (
            lines.with_row_index("at")
            .group_by("entry", maintain_order=True)
            .agg(
                pl.col("jc").first(),
                pl.col("jl").first(),
                pl.col("num").first(),
                pl.col("ed").first(),
                pl.col("line").first().alias("first"),
                pl.col("at").first().cast(pl.Int64).alias("start"),
                pl.len().cast(pl.Int64).alias("size"),
                pl.col("debit").sum(),
                pl.col("credit").sum(),
                pl.col("ed").n_unique().alias("dates"),
            )
        )
        if (stop or not final) and runs.height:  # the last entry read may go on in the lines after
            runs = runs.head(runs.height - 1)
        good = self._good_runs(runs)
        if good < runs.height:
            stop = True
            runs = runs.head(good)
        return lines, runs, stop

    def _good_runs(self, runs: pl.DataFrame) -> int:
        """How many runs at the start are clean entries: one date, balanced, within the entry maximum, a key
        seen nowhere else (in the batch or among the entries closed before), in order in their journal."""
        if runs.height == 0:
            return 0
        last = self._last
        journals = runs["jc"].unique().to_list()
        prior = pl.DataFrame(
            {
                "jc": journals,
                "before_ed": [last[j][0] if j in last else None for j in journals],
                "before_num": [last[j][1] if j in last else None for j in journals],
            },
            schema={"jc": pl.String, "before_ed": pl.Date, "before_num": pl.String},
        )
        checked = (
            runs.join(prior, on="jc", how="left", maintain_order="left")
            .with_columns(
                pl.col("ed").shift(1).over("jc").fill_null(pl.col("before_ed")).alias("prev_ed"),
                pl.col("num").shift(1).over("jc").fill_null(pl.col("before_num")).alias("prev_num"),
                pl.concat_str("jc", "num", separator="\x00").is_first_distinct().alias("new"),
            )
            .select(
                (
                    (pl.col("dates") == 1)
                    & (pl.col("debit") == pl.col("credit"))
                    & (pl.col("debit") <= ENTRY_TOTAL_MAX)
                    & pl.col("new")
                    & (
                        pl.lit(True) if self._closing is None else pl.col("ed") <= self._closing
                    )  # AFTER_CLOSING
                    & (
                        pl.col("prev_ed").is_null()
                        | (
                            (pl.col("ed") >= pl.col("prev_ed"))
                            & (pl.col("num") > pl.col("prev_num"))
                            & (pl.col("num").str.len_chars() == pl.col("prev_num").str.len_chars())
                        )
                    )
                ).alias("ok")
            )["ok"]
        )
        good = runs.height if bool(checked.all()) else int(checked.not_().arg_max() or 0)
        resumes = self._closed.resumes
        for i, key in enumerate(
            zip(runs["jc"].head(good).to_list(), runs["num"].head(good).to_list(), strict=True)
        ):
            if resumes(key) is not None:
                return i
        return good

    # --- the block --------------------------------------------------------------------------------------

    def _block(self, lines: pl.DataFrame, runs: pl.DataFrame) -> CleanBlock:
        entries = runs.select("jc", "jl", "num", "ed", "first", "start", "debit", "credit")
        return CleanBlock(lines.select(LINE_COLUMNS), entries)

    def _remember(self, entries: pl.DataFrame) -> None:
        """The line-by-line parser's state after these entries: each journal's last, the closed keys."""
        close = self._closed.close
        numbers, days = entries["num"].to_list(), entries["ed"].to_list()
        journals, firsts = entries["jc"].to_list(), entries["first"].to_list()
        for jc, num, first in zip(journals, numbers, firsts, strict=True):
            close((jc, num), first)
        tails = entries.with_row_index("at").group_by("jc").agg(pl.col("at").last())
        for jc, at in tails.iter_rows():
            self._last[jc] = (days[at], numbers[at])
