"""Import layouts: how a custom CSV or fixed-width file of financial entries is read.

A layout is saved per company (JSON, camelCase: `decimalSeparator`, `amountMode`…) and validated here, so
that a layout that cannot work is refused when it is saved, with a message naming the option, rather than
when a file arrives. The options come from the generic import rules of financial entries (several
companies in one file, how lines are grouped into entries, VAT and contra account on the same line,
accounts in one to three columns with G/D/C kinds, debit/credit encodings); docs/formats/custom.md shows
each with an example file.

The company's account number ranges (`AccountRange`: which numbers are general accounts, customers,
suppliers) are company settings, checked by `check_ranges`. Bounds and account numbers are compared as
text, upper-cased, after right-padding to a common length: the account and `from` with "0", `to` with the
highest character, so `to` = "401" covers every number that starts with 401 and "4115" falls in
411000–411999 (the French way). Ranges may instead compare as numbers (`match: "number"`, the way AFAS and
other charts of whole numbers write them: 1000–9999 general, 10000–19999 customers, 20000–29999 suppliers),
where "10500" is a customer and "4000" a general account whatever their lengths. A company's ranges all compare
the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

#: The fields a column can be mapped to (camelCase, as stored).
FIELDS = (
    "company", "journal", "journalLabel", "date", "entryNumber", "pieceRef", "pieceDate", "account",
    "accountLabel", "kind", "thirdParty", "thirdPartyLabel", "customer", "supplier", "label", "debit",
    "credit", "amount", "sign", "vatAmount", "vatCode", "vatRate", "contraAccount", "analytic", "currency",
    "lettering", "dueDate", "invoiceRef",
)  # fmt: skip
KIND_NAMES = {"G": "general", "D": "customers", "C": "suppliers"}
#: Pads `to` bounds: above every character an account number holds.
HIGHEST = "\U0010ffff"

AmountMode = Literal["debitCredit", "signed", "signColumn"]
AccountMode = Literal["kindColumn", "ranges", "twoColumns", "threeColumns"]
GroupKey = Literal["journal", "date", "entryNumber", "pieceRef"]
#: What a journal holds (Journal.kind): the import-order check reads it, bank statements find their journal.
# The order of json_entries/schema.py: typing caches equal Literals, so the first imported would name both.
JournalKind = Literal["bank", "cash", "purchases", "sales", "general", "other"]
GROUP_KEYS: tuple[GroupKey, ...] = ("journal", "date", "entryNumber", "pieceRef")
_DIRECTIVE = re.compile(r"%(.)")
_SEPARATOR_WORDS = {"tab": "\t", "\\t": "\t", "TAB": "\t"}


class _Strict(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class FixedColumn(_Strict):
    """A fixed-width field: `start` is the 1-based character position, `length` the number of characters."""

    start: int = Field(ge=1, le=100_000)
    length: int = Field(ge=1, le=10_000)


Column = Annotated[int, Field(ge=1, le=10_000)] | FixedColumn


class SignCodes(_Strict):
    """Codes of the sign column (amountMode signColumn); compared trimmed and case-insensitively."""

    debit: str = Field(default="D", min_length=1, max_length=10)
    credit: str = Field(default="C", min_length=1, max_length=10)

    @model_validator(mode="after")
    def _distinct(self) -> SignCodes:
        if self.debit.strip().upper() == self.credit.strip().upper():
            raise PydanticCustomError("same_codes", "the debit and credit codes must differ")
        return self


class KindCodes(_Strict):
    """Codes of the kind column (G/D/C); compared trimmed and case-insensitively."""

    general: str = Field(default="G", min_length=1, max_length=10)
    customer: str = Field(default="D", min_length=1, max_length=10)
    supplier: str = Field(default="C", min_length=1, max_length=10)

    @model_validator(mode="after")
    def _distinct(self) -> KindCodes:
        codes = [self.general.strip().upper(), self.customer.strip().upper(), self.supplier.strip().upper()]
        if len(set(codes)) < 3:
            raise PydanticCustomError("same_codes", "the general, customer and supplier codes must differ")
        return self


def compile_date_format(pattern: str) -> re.Pattern[str]:
    """A regular expression for a dateFormat made of %d %m %Y %y and literal characters. Day and month
    take 1 or 2 digits when a literal character separates them from the next directive, exactly 2 when
    directives touch (%d%m%Y). A trailing time (" 00:00:00", "T12:30") is accepted and ignored. Raises
    ValueError saying what is wrong."""
    parts = re.split(r"(%.)", pattern)  # literals at even indexes, directives at odd ones
    directives = parts[1::2]
    unknown = sorted({d for d in directives if d not in ("%d", "%m", "%Y", "%y")})
    if unknown or any("%" in literal for literal in parts[::2]):
        shown = ", ".join(unknown) or "a lone %"
        raise ValueError(f"'{pattern}' uses {shown}; only %d, %m, %Y and %y are allowed")
    years = directives.count("%Y") + directives.count("%y")
    if directives.count("%d") != 1 or directives.count("%m") != 1 or years != 1:
        raise ValueError(f"'{pattern}' must hold %d, %m and one of %Y or %y, once each")
    if any(c.isdigit() for literal in parts[::2] for c in literal):
        raise ValueError(f"'{pattern}' has digits outside its directives")
    regex = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex.append(re.escape(part))
        elif part in ("%d", "%m"):
            touching = (i > 1 and not parts[i - 1]) or (i + 2 < len(parts) and not parts[i + 1])
            name = part[1]
            regex.append(f"(?P<{name}>\\d{{2}})" if touching else f"(?P<{name}>\\d{{1,2}})")
        else:
            regex.append(r"(?P<Y>\d{4})" if part == "%Y" else r"(?P<y>\d{2})")
    return re.compile("".join(regex) + r"(?:[ T]\d\d?:\d\d(?::\d\d(?:\.\d+)?)?)?")


def rate_key(text: str) -> str | None:
    """A VAT rate as a canonical text key: '20', '20,0', '20 %' → '20'; '5,5' → '5.5'. None if not a rate."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    if not cleaned or not re.fullmatch(r"\d{1,3}(?:\.\d{1,4})?", cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the regex only lets decimals through
        return None
    text = format(value.normalize(), "f")
    return text


class Layout(_Strict):
    """How a custom CSV or fixed-width file is read. See docs/formats/custom.md for every option."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")

    kind: Literal["csv", "fixed"] = "csv"
    separator: str = ";"
    quote: str = '"'
    encoding: Literal["auto", "utf-8", "cp1252", "iso-8859-15"] = "auto"
    decimal_separator: Literal[",", "."] = ","
    thousands_separator: Literal["", " ", ".", ",", "'"] = ""
    date_format: str = "%d/%m/%Y"
    skip_lines: int = Field(default=1, ge=0, le=1000)
    columns: dict[str, Column]
    amount_mode: AmountMode = "debitCredit"
    sign_codes: SignCodes = Field(default_factory=SignCodes)
    #: None: "kindColumn" when a kind column is mapped, else "twoColumns" (resolved on validation).
    account_mode: AccountMode | None = None
    kind_codes: KindCodes = Field(default_factory=KindCodes)
    customer_account: str = Field(default="411000", min_length=1, max_length=40)
    supplier_account: str = Field(default="401000", min_length=1, max_length=40)
    journal: str | None = Field(default=None, max_length=20)  # Journal.code
    #: Without a journal column or code: the company's default journal of this kind, filled in as `journal`
    #: when a file is received (ledger/journals.with_default_journal).
    journal_kind: JournalKind | None = None
    journal_label: str = Field(default="", max_length=200)
    #: The kind of the journals the file names (code → kind), given to those journals when the file is
    #: imported where the company has not set one: VK sales, IK purchases… (no guessing from codes).
    journal_kinds: dict[Annotated[str, Field(min_length=1, max_length=20)], JournalKind] = Field(
        default_factory=dict, max_length=200
    )
    vat_account: str | None = Field(default=None, max_length=40)
    vat_accounts: dict[str, str] = Field(default_factory=dict)
    contra_account_fixed: str | None = Field(default=None, max_length=40)
    #: None: every one of journal, date, entryNumber, pieceRef that is mapped (resolved on validation).
    group_by: list[GroupKey] | None = None
    third_party_starts_entry: bool = False

    @field_validator("separator", mode="before")
    @classmethod
    def _separator(cls, value: Any) -> Any:
        value = _SEPARATOR_WORDS.get(value, value) if isinstance(value, str) else value
        if isinstance(value, str) and (len(value) != 1 or value in '\r\n"'):
            raise PydanticCustomError(
                "separator", "must be one character (\\t for TAB), not a quote or a line break"
            )
        return value

    @field_validator("quote")
    @classmethod
    def _quote(cls, value: str) -> str:
        if len(value) > 1 or value in ("\r", "\n"):
            raise PydanticCustomError("quote", 'must be one character (usually ") or "" for none')
        return value

    @field_validator("date_format")
    @classmethod
    def _date_format(cls, value: str) -> str:
        try:
            compile_date_format(value)
        except ValueError as exc:
            raise PydanticCustomError("date_format", str(exc)) from None
        return value

    @field_validator("columns")
    @classmethod
    def _columns(cls, value: dict[str, Column]) -> dict[str, Column]:
        unknown = [name for name in value if name not in FIELDS]
        if unknown:
            raise PydanticCustomError(
                "unknown_field",
                "unknown field(s) {unknown}; the fields are: {known}",
                {"unknown": ", ".join(repr(n) for n in unknown), "known": ", ".join(FIELDS)},
            )
        return value

    @field_validator("customer_account", "supplier_account", "journal", "vat_account", "contra_account_fixed")
    @classmethod
    def _code(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise PydanticCustomError("blank", "must not be blank (leave it out instead)")
        return value.strip() if value is not None else None

    @field_validator("vat_accounts")
    @classmethod
    def _vat_accounts(cls, value: dict[str, str]) -> dict[str, str]:
        blank = [k for k, v in value.items() if not k.strip() or not v.strip()]
        if blank:
            raise PydanticCustomError(
                "blank",
                "codes and accounts must not be blank ({keys})",
                {"keys": ", ".join(repr(k[:40]) for k in blank[:10])},
            )
        long = [k for k, v in value.items() if len(v.strip()) > 40]  # Account.number
        if long:
            raise PydanticCustomError(
                "too_long",
                "accounts have at most 40 characters ({keys})",
                {"keys": ", ".join(repr(k[:40]) for k in long[:10])},
            )
        return {k.strip(): v.strip() for k, v in value.items()}

    @model_validator(mode="after")
    def _consistent(self) -> Layout:
        if self.account_mode is None:
            self.account_mode = "kindColumn" if "kind" in self.columns else "twoColumns"
        if self.group_by is None:
            self.group_by = [key for key in GROUP_KEYS if key in self.columns]
        problems = self.problems()
        if problems:
            # `each` lets an API answer one error per option; the message stays readable as it is.
            context = {"problems": "; ".join(str(p) for p in problems), "each": problems}
            raise PydanticCustomError("layout", "{problems}", context)
        return self

    def problems(self) -> list[LayoutProblem]:
        """Every inconsistency between options, each naming the option (empty: the layout is usable)."""
        cols, out = self.columns, []
        P = LayoutProblem
        if self.kind == "csv":
            fixed = [n for n, c in cols.items() if not isinstance(c, int)]
            if fixed:
                out.append(P("columns", "CSV_NEEDS_NUMBERS",
                             f"kind 'csv' takes column numbers (1 = first); {', '.join(fixed)} are not",
                             {"columns": ", ".join(fixed)}))  # fmt: skip
            if self.quote == self.separator:
                out.append(P("quote", "QUOTE_IS_SEPARATOR", "must differ from the separator"))
        else:
            numbered = [n for n, c in cols.items() if isinstance(c, int)]
            if numbered:
                out.append(P("columns", "FIXED_NEEDS_POSITIONS",
                             f"kind 'fixed' takes {{start, length}} positions; {', '.join(numbered)} are not",
                             {"columns": ", ".join(numbered)}))  # fmt: skip
        if self.thousands_separator == self.decimal_separator:
            out.append(P("thousandsSeparator", "SAME_SEPARATORS", "must differ from decimalSeparator"))
        for name in ("date", "account"):
            if name not in cols:
                out.append(
                    P("columns", "COLUMN_REQUIRED", f"the '{name}' column is required", {"column": name})
                )
        if "journal" not in cols and not self.journal and not self.journal_kind:
            out.append(P("journal", "NO_JOURNAL",
                         "map a 'journal' column, give a fixed journal code or the kind of the company's "
                         "default journal to use (journalKind)"))  # fmt: skip
        out += self._amount_problems()
        out += self._account_problems()
        out += self._vat_problems()
        if "contraAccount" in cols and self.contra_account_fixed:
            out.append(P("contraAccountFixed", "CONTRA_TWICE",
                         "give either a 'contraAccount' column or a fixed contra account"))  # fmt: skip
        groups = self.group_by or []
        if len(set(groups)) != len(groups):
            out.append(P("groupBy", "GROUP_KEY_TWICE", "a key is listed twice"))
        out += [P("groupBy", "GROUP_KEY_NOT_MAPPED", f"'{k}' is not a mapped column", {"column": k})
                for k in dict.fromkeys(groups) if k not in cols]  # fmt: skip
        return out

    def _amount_problems(self) -> list[LayoutProblem]:
        cols, mode = self.columns, self.amount_mode
        needs = {"debitCredit": ("debit", "credit"), "signed": ("amount",), "signColumn": ("amount", "sign")}
        out = [_needs("amountMode", mode, n) for n in needs[mode] if n not in cols]
        unused = [n for n in ("debit", "credit", "amount", "sign") if n in cols and n not in needs[mode]]
        if unused:
            out.append(_unused("amountMode", mode, unused))
        return out

    def _account_problems(self) -> list[LayoutProblem]:
        cols, mode = self.columns, self.account_mode
        out = []
        if mode == "kindColumn" and "kind" not in cols:
            out.append(_needs("accountMode", mode, "kind"))
        if mode == "threeColumns" and "customer" not in cols and "supplier" not in cols:
            out.append(LayoutProblem("accountMode", "MODE_NEEDS_PARTY_COLUMN",
                                     "'threeColumns' needs a 'customer' and/or a 'supplier' column",
                                     {"mode": mode}))  # fmt: skip
        reads = {
            "kindColumn": {"kind"},
            "ranges": set(),
            "twoColumns": {"thirdParty", "kind"},
            "threeColumns": {"customer", "supplier"},
        }[mode or "twoColumns"]
        if mode == "twoColumns" and "kind" in cols and "thirdParty" not in cols:
            out.append(LayoutProblem("accountMode", "KIND_WITHOUT_THIRD_PARTY",
                                     "'twoColumns' reads the 'kind' column for the 'thirdParty' column, which is "
                                     "not mapped", {"mode": mode, "column": "thirdParty"}))  # fmt: skip
        unused = [n for n in ("kind", "thirdParty", "customer", "supplier") if n in cols and n not in reads]
        if unused:
            out.append(_unused("accountMode", mode or "twoColumns", unused))
        return out

    def _vat_problems(self) -> list[LayoutProblem]:
        cols, out = self.columns, []
        has_vat = "vatAmount" in cols or "vatRate" in cols
        if "vatCode" in cols and not has_vat:
            out.append(LayoutProblem("columns", "VAT_CODE_ALONE", "'vatCode' needs a 'vatAmount' or 'vatRate' column",
                                     {"column": "vatCode"}))  # fmt: skip
        if has_vat and not self.vat_account and not self.vat_accounts:
            out.append(LayoutProblem("vatAccount", "VAT_ACCOUNT_MISSING",
                                     "VAT columns are mapped; give vatAccount or vatAccounts"))  # fmt: skip
        if not has_vat and (self.vat_account or self.vat_accounts):
            which = "vatAccount" if self.vat_account else "vatAccounts"
            out.append(
                LayoutProblem(which, "VAT_ACCOUNT_UNUSED", "no 'vatAmount' or 'vatRate' column is mapped")
            )
        return out

    def needs_ranges(self) -> bool:
        """Whether account kinds may be looked up in the company's number ranges."""
        return self.account_mode == "ranges" or (
            self.account_mode == "twoColumns" and "kind" not in self.columns
        )

    def check(self, ranges: list[dict[str, Any]] | list[AccountRange]) -> list[str]:
        """Problems that depend on the company's ranges too (checked when a file is parsed)."""
        if self.account_mode == "ranges" and not ranges:
            return ["accountMode: 'ranges' needs the company's account number ranges; none are set"]
        return check_ranges(ranges) if self.needs_ranges() else []


@dataclass(frozen=True, slots=True)
class LayoutProblem:
    """One inconsistency between a layout's options: the option it names, a reason code, the English text,
    and the values it speaks of (column names as the layout spells them), for a client to say the reason
    in its user's language."""

    option: str
    reason: str
    message: str
    params: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.option}: {self.message}"


def _needs(option: str, mode: str, column: str) -> LayoutProblem:
    return LayoutProblem(option, "MODE_NEEDS_COLUMN", f"'{mode}' needs the '{column}' column",
                         {"mode": mode, "column": column})  # fmt: skip


def _unused(option: str, mode: str, columns: Sequence[str]) -> LayoutProblem:
    return LayoutProblem(option, "MODE_UNUSED_COLUMNS", f"'{mode}' does not read the {', '.join(columns)} column(s)",
                         {"mode": mode, "columns": ", ".join(columns)})  # fmt: skip


class AccountRange(BaseModel):
    """Account numbers from `from_` to `to` (inclusive) are of `kind`: G general, D customer, C supplier."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    kind: Literal["G", "D", "C"]
    from_: str = Field(alias="from", min_length=1, max_length=40)
    to: str = Field(min_length=1, max_length=40)
    #: "prefix": text, padded (the module's doc); "number": whole numbers, compared by value.
    match: Literal["prefix", "number"] = "prefix"

    @model_validator(mode="after")
    def _numbers_are_digits(self) -> AccountRange:
        if self.match == "number" and not all(b.isascii() and b.isdigit() for b in (self.from_, self.to)):
            raise PydanticCustomError("range_digits", "ranges compared as numbers have digits only")
        return self

    def describe(self) -> str:
        return f"{self.from_}–{self.to} ({KIND_NAMES[self.kind]})"

    def holds(self, account: str, width: int = 0) -> bool:
        """Whether `account` falls in the range (`width`: a common padding length for prefix ranges)."""
        if self.match == "number":
            return account.isascii() and account.isdigit() and int(self.from_) <= int(account) <= int(self.to)
        width = max(width, len(account), len(self.from_), len(self.to))
        low, high = bounds(self.from_, self.to, width)
        return low <= account.upper().ljust(width, "0") <= high

    def span(self, width: int) -> tuple[Any, Any]:
        """The range's ends, comparable with another range's of the same `match`."""
        if self.match == "number":
            return int(self.from_), int(self.to)
        return bounds(self.from_, self.to, width)


def bounds(low: str, high: str, width: int) -> tuple[str, str]:
    """A range's bounds padded for comparison with numbers of `width` characters (see the module doc)."""
    return low.upper().ljust(width, "0"), high.upper().ljust(width, HIGHEST)


def to_ranges(ranges: list[dict[str, Any]] | list[AccountRange]) -> list[AccountRange]:
    """Validated ranges; raises pydantic.ValidationError."""
    return [r if isinstance(r, AccountRange) else AccountRange.model_validate(r) for r in ranges]


def check_ranges(ranges: list[dict[str, Any]] | list[AccountRange]) -> list[str]:
    """English messages for every problem (a layout's validation speaks English; people read range_errors)."""
    return [e.message for e in range_errors(ranges)]


@dataclass(frozen=True, slots=True)
class RangeProblem:
    """One reason account ranges cannot work: a code, an English message, the values it names."""

    code: str
    message: str
    params: dict[str, str | int] | None = None


def _named(r: AccountRange, prefix: str = "") -> dict[str, str | int]:
    return {f"{prefix}from": r.from_, f"{prefix}to": r.to, f"{prefix}kind": r.kind}


def range_errors(ranges: list[dict[str, Any]] | list[AccountRange]) -> list[RangeProblem]:
    """Every problem as a code with parameters (the ranges by bounds and kind): an unreadable range, mixed
    ways of comparing, `from` after `to`, overlapping ranges."""
    out: list[RangeProblem] = []
    good: list[AccountRange] = []
    for i, raw in enumerate(ranges, 1):
        try:
            good.append(raw if isinstance(raw, AccountRange) else AccountRange.model_validate(raw))
        except ValidationError as exc:
            for e in exc.errors():
                option = ".".join(str(p) for p in e["loc"]) or "range"
                out.append(RangeProblem("RANGE_UNREADABLE", f"Range {i}: {option}: {e['msg']}",
                                        {"range": i, "option": option}))  # fmt: skip
    if len({r.match for r in good}) > 1:
        message = "Ranges all compare the same way: as text prefixes, or as numbers"
        return [*out, RangeProblem("RANGES_MIXED_MATCH", message)]
    for r in good:
        low, high = r.span(max(len(r.from_), len(r.to)))
        if low > high:
            out.append(RangeProblem("RANGE_REVERSED", f"Range {r.describe()}: 'from' comes after 'to'",
                                    _named(r)))  # fmt: skip
    for i, a in enumerate(good):
        for b in good[i + 1 :]:
            width = max(len(a.from_), len(a.to), len(b.from_), len(b.to))
            a_low, a_high = a.span(width)
            b_low, b_high = b.span(width)
            if a_low <= b_high and b_low <= a_high:
                # the range that starts later (or, from the same start, ends first) is named first
                inner, outer = (a, b) if (a_low, b_high) > (b_low, a_high) else (b, a)
                out.append(RangeProblem("RANGES_OVERLAP", f"{inner.describe()} overlaps {outer.describe()}",
                                        _named(inner) | _named(outer, "other_")))  # fmt: skip
    return out


def kind_of(account: str, ranges: list[AccountRange]) -> str | None:
    """The kind (G/D/C) of the range holding `account`, or None when it is in none."""
    for r in ranges:
        if r.holds(account):
            return r.kind
    return None
