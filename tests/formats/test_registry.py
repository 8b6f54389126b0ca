"""The format registry: one entry per format says how it is recognised, opened and sent back refused."""

from __future__ import annotations

import io

import pytest

from ecluse.formats.registry import (
    FORMATS,
    READABLE,
    ParseOptions,
    detect_format,
    file_format,
    open_parser,
    write_rejected,
)
from ecluse.imports.statuses import SUPPORTED_FORMATS, ImportFormat

HEADS = {
    "FEC": b"\xef\xbb\xbfJournalCode\tJournalLib\tEcritureNum\n",
    "TRA": b"***S5CLIJRLETE\n",
    "MT940": b":20:STATEMENT\r\n:25:123\r\n",
    "CAMT053": b'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">',
    "CAMT054": b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">',
    "BAI2": b"01,122099999,123456789,150623,0200,1,,,2/\n",
    "OFX": b"OFXHEADER:100\nDATA:OFXSGML\n",
    "QIF": b"!Type:Bank\nD03/03/2024\n",
    "CFONB120": b"01" + b"0" * 118 + b"\r\n",
    "JSON": b'  {"version": 1, "entries": []}',
}


def test_every_recognisable_format_is_recognised_from_its_first_bytes() -> None:
    recognisable = {each.name for each in FORMATS if each.recognise is not None}
    assert recognisable == set(HEADS)
    for name, head in HEADS.items():
        assert detect_format(head) == name, name
    assert detect_format(b"date;amount;label\n2024-01-01;12,50;x\n") is None
    # A FEC header that also looks like something else is a FEC: the most specific signature wins.
    assert detect_format(b"JournalCode|JournalLib\n") == "FEC"


def test_the_registry_and_the_api_enum_name_the_same_formats() -> None:
    assert {each.name for each in FORMATS} == {f.value for f in ImportFormat} - {"AUTO"}
    assert {f.value for f in SUPPORTED_FORMATS} == READABLE == {"FEC", "TRA", "JSON", "CUSTOM"}
    for name in READABLE:
        spec = file_format(name)
        assert spec.write_rejected is not None and spec.date_column, name


def test_a_format_without_a_parser_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no parser for format 'MT940'"):
        open_parser("MT940", io.BytesIO(HEADS["MT940"]))
    with pytest.raises(ValueError, match="no format named 'XLS'"):
        file_format("XLS")


def test_rejected_lines_keep_the_header_and_the_bytes_as_received() -> None:
    data = b"JournalCode\tX\r\nl2\xe9\r\nl3\r\nl4\r\n"
    out = b"".join(write_rejected("FEC", lambda: io.BytesIO(data), {3: "", 4: ""}))
    assert out == b"JournalCode\tX\r\nl3\r\nl4\r\n"
    custom = b"".join(
        write_rejected(
            "CUSTOM", lambda: io.BytesIO(b"h1\nh2\nl3\nl4\n"), {4: ""}, ParseOptions(layout={"skipLines": 2})
        )
    )
    assert custom == b"h1\nh2\nl4\n"


def test_tra_rejects_keep_parameter_records_and_the_analytic_lines_that_follow() -> None:
    general = b"VTE" + b" " * 27 + b"G" + b"rest\n"
    analytic = b"VTE" + b" " * 27 + b"A" + b"section\n"
    data = b"***S5\n" + b"***CGN401\n" + general + analytic + general + analytic
    out = b"".join(write_rejected("TRA", lambda: io.BytesIO(data), {5: ""}))
    assert out == b"***S5\n***CGN401\n" + general + analytic
