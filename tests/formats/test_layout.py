"""Import layouts (ecluse.formats.layout): validation with the option named, defaults, account ranges."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ecluse.formats.layout import (
    AccountRange,
    FixedColumn,
    Layout,
    check_ranges,
    compile_date_format,
    kind_of,
    rate_key,
    to_ranges,
)

COLUMNS = {"journal": 1, "date": 2, "account": 3, "kind": 4, "debit": 5, "credit": 6}


def make(**options: Any) -> Layout:
    return Layout.model_validate({"columns": COLUMNS, **options})


def refused(definition: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as info:
        Layout.model_validate(definition)
    return [(e["loc"], e["msg"]) for e in info.value.errors()]


def message(definition: dict[str, Any]) -> str:
    return " | ".join(msg for _, msg in refused(definition))


# --- defaults and the stored JSON ----------------------------------------------------------------------


def test_defaults_and_camel_case_json() -> None:
    layout = make()
    dumped = layout.model_dump(by_alias=True)
    assert dumped["decimalSeparator"] == "," and dumped["thousandsSeparator"] == ""
    assert dumped["dateFormat"] == "%d/%m/%Y" and dumped["skipLines"] == 1
    assert dumped["signCodes"] == {"debit": "D", "credit": "C"}
    assert dumped["kindCodes"] == {"general": "G", "customer": "D", "supplier": "C"}
    assert (dumped["customerAccount"], dumped["supplierAccount"]) == ("411000", "401000")
    assert (dumped["separator"], dumped["quote"], dumped["encoding"]) == (";", '"', "auto")
    # resolved defaults: a kind column is mapped → kindColumn; groupBy = the mapped grouping keys
    assert dumped["accountMode"] == "kindColumn" and dumped["groupBy"] == ["journal", "date"]
    assert Layout.model_validate(dumped) == layout  # the stored JSON reads back the same


def test_account_mode_defaults_to_two_columns_without_kind_column() -> None:
    layout = Layout.model_validate(
        {
            "columns": {"date": 1, "account": 2, "thirdParty": 3, "debit": 4, "credit": 5, "pieceRef": 6},
            "journal": "OD",
        }
    )
    assert layout.account_mode == "twoColumns" and layout.group_by == ["date", "pieceRef"]


def test_python_names_are_accepted_too() -> None:
    layout = Layout(columns=dict(COLUMNS), decimal_separator=".", thousands_separator=",", skip_lines=0)
    assert layout.model_dump(by_alias=True)["decimalSeparator"] == "."


def test_tab_separator() -> None:
    assert make(separator="\t").separator == "\t"
    assert make(separator="tab").separator == "\t"


def test_fixed_columns() -> None:
    columns = {"journal": {"start": 1, "length": 2}, "date": {"start": 3, "length": 8},
               "account": {"start": 11, "length": 6}, "kind": {"start": 17, "length": 1},
               "debit": {"start": 18, "length": 10}, "credit": {"start": 28, "length": 10}}  # fmt: skip
    layout = Layout.model_validate({"kind": "fixed", "columns": columns, "dateFormat": "%Y%m%d"})
    assert layout.columns["debit"] == FixedColumn(start=18, length=10)


# --- refused definitions name the option ---------------------------------------------------------------


def test_unknown_option_is_refused() -> None:
    assert refused({"columns": COLUMNS, "decimalSep": ","})[0][0] == ("decimalSep",)


def test_unknown_field_is_refused() -> None:
    ((loc, msg),) = refused({"columns": {**COLUMNS, "montant": 7}})
    assert loc == ("columns",) and "'montant'" in msg and "vatAmount" in msg


@pytest.mark.parametrize(
    ("options", "loc"),
    [
        ({"separator": ";;"}, "separator"),
        ({"separator": '"'}, "separator"),
        ({"quote": "''"}, "quote"),
        ({"encoding": "utf-16"}, "encoding"),
        ({"decimalSeparator": ";"}, "decimalSeparator"),
        ({"thousandsSeparator": "_"}, "thousandsSeparator"),
        ({"dateFormat": "%d/%m"}, "dateFormat"),
        ({"dateFormat": "%d/%m/%Y %H"}, "dateFormat"),
        ({"dateFormat": "%d/%m/%Y/%Y"}, "dateFormat"),
        ({"dateFormat": "20%y-%m-%d"}, "dateFormat"),
        ({"skipLines": -1}, "skipLines"),
        ({"amountMode": "montantSens"}, "amountMode"),
        ({"accountMode": "auto"}, "accountMode"),
        ({"groupBy": ["company"]}, "groupBy"),
        ({"signCodes": {"debit": "D", "credit": "d"}}, "signCodes"),
        ({"kindCodes": {"general": "G", "customer": "C", "supplier": "C"}}, "kindCodes"),
        ({"customerAccount": " "}, "customerAccount"),
        ({"vatAccounts": {"N": ""}}, "vatAccounts"),
    ],
)
def test_bad_option_is_refused_with_its_name(options: dict[str, Any], loc: str) -> None:
    locs = [loc_[0] for loc_, _ in refused({"columns": COLUMNS, **options})]
    assert loc in locs


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"columns": {**COLUMNS, "debit": {"start": 1, "length": 3}}}, ["columns", "'csv'", "debit"]),
        ({"kind": "fixed"}, ["columns", "'fixed'", "journal"]),
        ({"quote": ";"}, ["quote", "separator"]),
        ({"decimalSeparator": ".", "thousandsSeparator": "."}, ["thousandsSeparator", "decimalSeparator"]),
        ({"columns": {k: v for k, v in COLUMNS.items() if k != "date"}}, ["'date' column is required"]),
        ({"columns": {k: v for k, v in COLUMNS.items() if k != "account"}}, ["'account' column is required"]),
        ({"columns": {k: v for k, v in COLUMNS.items() if k != "journal"}}, ["journal", "fixed journal"]),
        ({"columns": {k: v for k, v in COLUMNS.items() if k != "credit"}}, ["amountMode", "'credit'"]),
        ({"amountMode": "signed"}, ["amountMode: 'signed' needs the 'amount' column", "debit, credit"]),
        (
            {"amountMode": "signColumn", "columns": {**{k: v for k, v in COLUMNS.items() if k not in ("debit", "credit")}, "amount": 5}},
            ["amountMode: 'signColumn' needs the 'sign' column"],
        ),
        ({"accountMode": "kindColumn", "columns": {k: v for k, v in COLUMNS.items() if k != "kind"}},
         ["accountMode: 'kindColumn' needs the 'kind' column"]),
        ({"accountMode": "ranges"}, ["accountMode: 'ranges' does not read the kind column"]),
        ({"accountMode": "threeColumns"}, ["'threeColumns' needs a 'customer' and/or a 'supplier' column"]),
        ({"accountMode": "twoColumns"}, ["'twoColumns'", "'thirdParty'"]),
        ({"columns": {**COLUMNS, "thirdParty": 7}}, ["accountMode: 'kindColumn' does not read the thirdParty"]),
        ({"columns": {**COLUMNS, "vatCode": 7}}, ["'vatCode' needs a 'vatAmount' or 'vatRate' column"]),
        ({"columns": {**COLUMNS, "vatAmount": 7}}, ["vatAccount", "vatAccounts"]),
        ({"vatAccount": "445710"}, ["vatAccount: no 'vatAmount' or 'vatRate' column"]),
        ({"columns": {**COLUMNS, "contraAccount": 7}, "contraAccountFixed": "890000"}, ["contraAccountFixed"]),
        ({"groupBy": ["journal", "pieceRef"]}, ["groupBy: 'pieceRef' is not a mapped column"]),
        ({"groupBy": ["date", "date"]}, ["groupBy: a key is listed twice"]),
    ],
)  # fmt: skip
def test_inconsistent_layout_is_refused_naming_the_option(options: dict[str, Any], words: list[str]) -> None:
    text = message({"columns": COLUMNS, **options})
    for word in words:
        assert word in text, text


def test_every_problem_is_listed_at_once() -> None:
    text = message({"columns": {"date": 1, "account": 2, "amount": 3}, "amountMode": "signColumn"})
    assert "journal:" in text and "'sign' column" in text


def test_csv_column_numbers_must_be_positive() -> None:
    assert refused({"columns": {**COLUMNS, "label": 0}})[0][0][0] == "columns"


def test_problems_is_empty_for_a_good_layout() -> None:
    assert make().problems() == []


# --- dates and VAT rates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "text", "parts"),
    [
        ("%d/%m/%Y", "5/1/2025", ("5", "1", "2025")),
        ("%d/%m/%Y", "15/01/2025 00:00:00", ("15", "01", "2025")),
        ("%Y-%m-%d", "2025-01-15", ("15", "01", "2025")),
        ("%d%m%Y", "15012025", ("15", "01", "2025")),
        ("%d.%m.%y", "15.01.25", ("15", "01", "25")),
    ],
)
def test_date_format_reads(pattern: str, text: str, parts: tuple[str, str, str]) -> None:
    m = compile_date_format(pattern).fullmatch(text)
    assert m is not None
    found = m.groupdict()
    assert (found["d"], found["m"], found.get("Y") or found.get("y")) == parts


@pytest.mark.parametrize(
    ("pattern", "text"), [("%d%m%Y", "1512025"), ("%d/%m/%Y", "15-01-2025"), ("%Y%m%d", "2025115")]
)
def test_date_format_refuses(pattern: str, text: str) -> None:
    assert compile_date_format(pattern).fullmatch(text) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("20", "20"),
        ("20,0", "20"),
        ("20.00", "20"),
        ("5,5", "5.5"),
        ("5.5 %", "5.5"),
        ("0", "0"),
        ("x", None),
        ("-5", None),
    ],
)
def test_rate_key(text: str, key: str | None) -> None:
    assert rate_key(text) == key


# --- account number ranges -----------------------------------------------------------------------------

RANGES = [
    {"kind": "G", "from": "100000", "to": "399999"},
    {"kind": "C", "from": "401", "to": "401"},
    {"kind": "D", "from": "411000", "to": "411999"},
    {"kind": "G", "from": "412", "to": "999999"},
]


def test_range_alias_and_dump() -> None:
    r = AccountRange.model_validate({"kind": "D", "from": "411000", "to": "411999"})
    assert r.from_ == "411000" and r.model_dump(by_alias=True) == {
        "kind": "D",
        "from": "411000",
        "to": "411999",
        "match": "prefix",
    }
    assert AccountRange.model_validate({"kind": "G", "from_": "1", "to": "5"}).describe() == "1–5 (general)"


def test_good_ranges_have_no_problem() -> None:
    assert check_ranges(RANGES) == []
    assert check_ranges(to_ranges(RANGES)) == []


def test_overlapping_ranges_are_refused() -> None:
    problems = check_ranges(
        [{"kind": "G", "from": "400000", "to": "419999"}, {"kind": "D", "from": "411000", "to": "411999"}]
    )
    assert problems == ["411000–411999 (customers) overlaps 400000–419999 (general)"]


def test_overlap_of_short_and_long_bounds() -> None:
    # '401' as a `to` covers 401999…: it overlaps a range starting at 401500
    problems = check_ranges(
        [{"kind": "C", "from": "401", "to": "401"}, {"kind": "G", "from": "401500", "to": "409999"}]
    )
    assert problems == ["401500–409999 (general) overlaps 401–401 (suppliers)"]
    assert (
        check_ranges([{"kind": "C", "from": "401", "to": "401"}, {"kind": "G", "from": "402", "to": "409"}])
        == []
    )


def test_bad_ranges_are_named() -> None:
    problems = check_ranges([{"kind": "X", "from": "1", "to": "2"}, {"kind": "G", "from": "9", "to": "1"}])
    assert problems[0].startswith("Range 1: kind:")
    assert problems[1] == "Range 9–1 (general): 'from' comes after 'to'"


@pytest.mark.parametrize(
    ("account", "kind"),
    [("411000", "D"), ("4115", "D"), ("411999999", "D"), ("401", "C"), ("40100042", "C"), ("512000", "G"),
     ("100000", "G"), ("400000", None), ("099999", None)],
)  # fmt: skip
def test_kind_of_pads_numbers(account: str, kind: str | None) -> None:
    assert kind_of(account, to_ranges(RANGES)) == kind


def test_layout_check_needs_ranges_in_ranges_mode() -> None:
    layout = Layout.model_validate(
        {"columns": {"journal": 1, "date": 2, "account": 3, "debit": 4, "credit": 5}, "accountMode": "ranges"}
    )
    assert layout.check([]) == [
        "accountMode: 'ranges' needs the company's account number ranges; none are set"
    ]
    assert layout.check(RANGES) == []
    bad = [{"kind": "G", "from": "4", "to": "4"}, {"kind": "D", "from": "41", "to": "41"}]
    assert layout.check(bad) == ["41–41 (customers) overlaps 4–4 (general)"]


def test_layout_check_ignores_ranges_it_does_not_use() -> None:
    bad = [{"kind": "G", "from": "4", "to": "4"}, {"kind": "D", "from": "41", "to": "41"}]
    assert make().check(bad) == [] and make().check([]) == []
