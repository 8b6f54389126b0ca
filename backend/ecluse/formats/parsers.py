"""One door to every ledger-file parser: `open_parser(format, stream, filename, ...)`.

Every parser is pure (no database) and streaming, and returns an object with the `ParsedFile` shape:
`fatal` is set when the file as a whole cannot be read (its reason names the file-level problem), `info`
describes what was read, and `items()` yields, in file order, `Entry` (balanced, ready to stage),
`RejectedEntry` (every line of a refused entry, with its errors), `ParseError` (findings, or errors not
tied to an entry) and `MasterRecord` (master data the file declares). `line_count` and `bytes_read` grow
as items are consumed (progress).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO, Protocol

from ecluse.formats.records import FileInfo, Item, ParseError


class ParsedFile(Protocol):
    info: FileInfo | None
    fatal: ParseError | None
    line_count: int

    @property
    def bytes_read(self) -> int: ...

    def items(self) -> Iterator[Item]: ...


#: Formats whose files this module reads (bank formats have their own pipeline).
LEDGER_FORMATS = ("FEC", "TRA", "JSON", "CUSTOM")


def open_parser(
    format: str,
    stream: BinaryIO,
    filename: str | None = None,
    *,
    layout: dict[str, Any] | None = None,
    ranges: list[dict[str, Any]] | None = None,
    places: int = 2,
) -> ParsedFile:
    """The parser of `format` over `stream`. CUSTOM needs `layout` (a saved layout's definition) and, for
    account kinds found by number, the company's `ranges`. Amounts are read in a currency of `places`
    decimals (money.exponent of the company's currency): more decimals than that are refused."""
    if format == "FEC":
        from ecluse.formats.fec import open_fec

        return open_fec(stream, filename, places)
    if format == "TRA":
        from ecluse.formats.tra import open_tra

        return open_tra(stream, filename, places)
    if format == "JSON":
        from ecluse.formats.json_entries import open_json

        return open_json(stream, filename, places)
    if format == "CUSTOM":
        from ecluse.formats.custom import open_custom
        from ecluse.formats.layout import Layout

        return open_custom(stream, filename, Layout.model_validate(layout or {}), ranges or [], places)
    raise ValueError(f"no ledger parser for format {format!r}")
