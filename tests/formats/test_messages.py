"""Errors as a code plus typed parameters: the English message is derived from them, and they travel as JSON."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ecluse.formats.messages import as_json, english
from ecluse.formats.records import ParseError


def test_the_message_is_written_from_the_parameters() -> None:
    error = ParseError.of(
        12, None, "UNBALANCED_ENTRY", entry="VT 7", debit=Decimal("100.00"), credit=Decimal("99.99"),
        difference=Decimal("0.01"),
    )  # fmt: skip
    assert error.message == "Entry VT 7 is unbalanced: debit 100,00, credit 99,99, difference 0,01"
    assert (error.line, error.column, error.code, error.severity) == (12, None, "UNBALANCED_ENTRY", "error")
    assert as_json(error.values) == {
        "entry": "VT 7",
        "debit": "100.00",
        "credit": "99.99",
        "difference": "0.01",
    }
    # A parameter named like a positional one ("line") is a parameter.
    resumed = ParseError.of(40, None, "ENTRY_NOT_CONTIGUOUS", entry="VT 7", line=40, resumes=3)
    assert resumed.values == {"entry": "VT 7", "line": 40, "resumes": 3}
    assert "resumes at line 40" in resumed.message and "from line 3" in resumed.message


def test_parameters_keep_their_types_until_they_become_json() -> None:
    refused = ParseError.of(3, "date", "NO_OPEN_FISCAL_YEAR", date=date(2031, 2, 28))
    assert refused.values == {"date": date(2031, 2, 28)}
    assert refused.message == "2031-02-28 falls outside every open fiscal year"
    assert as_json(refused.values) == {"date": "2031-02-28"}
    # Zero-decimal and three-decimal currencies: the amount says what the currency has.
    assert "past 1000, the most" in english(
        "BATCH_TOTAL_TOO_LARGE", {"entry": "VT 1", "maximum": Decimal("1000")}
    )
    assert "past 1000,500, the most" in english(
        "BATCH_TOTAL_TOO_LARGE", {"entry": "VT 1", "maximum": Decimal("1000.500")}
    )


def test_errors_with_parameters_stay_hashable_and_comparable() -> None:
    one = ParseError.of(1, "company", "UNKNOWN_COMPANY", entry="VT 1", company="X")
    two = ParseError.of(1, "company", "UNKNOWN_COMPANY", entry="VT 1", company="X")
    assert one == two and len({one, two}) == 1
    assert "company 'X' is unknown" in one.message
