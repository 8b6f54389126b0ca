"""Every file format Écluse knows, in one place.

Each entry says how a file of the format is recognised from its first bytes (AUTO), how its parser is opened,
what its entry-date field is called (errors about the date name it as the sender's file does) and how the file
of its rejected lines is written (same format, so the sender fixes those lines and sends them again). Adding a
format is one module plus one entry below: nothing in `imports/`, `web/` or the API branches on a format name.

Formats without a parser yet (the bank statements) are listed so that AUTO names them rather than calling
them unknown; receiving one says it cannot be imported yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

from ecluse.formats.records import FileInfo, Item, ParseError


class ParsedFile(Protocol):
    """What every parser returns. `fatal` is set when the file as a whole cannot be read, `info` describes
    what was read, and `items()` yields, in file order, `Entry`, `RejectedEntry`, `ParseError` (findings, or
    errors not tied to an entry) and `MasterRecord`. `line_count` and `bytes_read` grow as items are read."""

    info: FileInfo | None
    fatal: ParseError | None
    line_count: int

    @property
    def bytes_read(self) -> int: ...

    def items(self) -> Iterator[Item]: ...


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """What a parse needs besides the bytes: a custom file's layout (a saved layout's definition), the
    company's account number ranges (for account kinds found by number) and the number of decimals of the
    company's currency (money.exponent): amounts with more decimals are refused."""

    layout: Mapping[str, Any] | None = None
    ranges: list[dict[str, Any]] = field(default_factory=list)
    places: int = 2


Opener = Callable[[BinaryIO, "str | None", ParseOptions], ParsedFile]
#: The received file (opened afresh), the line numbers refused with the text kept for each ("" = re-read it
#: from the file), the parse options → the bytes of the rejected-lines file.
RejectedWriter = Callable[[Callable[[], BinaryIO], Mapping[int, str], ParseOptions], Iterator[bytes]]


@dataclass(frozen=True, slots=True)
class FileFormat:
    name: str  # as in ImportFormat
    #: True when the first bytes of a file are of this format; None: never guessed (needs a layout).
    recognise: Callable[[bytes, bytes], bool] | None
    #: None while the format has no parser: AUTO recognises it, receiving refuses it.
    open: Opener | None = None
    date_column: str = "date"
    write_rejected: RejectedWriter | None = None
    #: The writer uses the texts kept of refused lines (else only their numbers: the file has the bytes).
    rejects_from_texts: bool = False
    #: Read through a saved layout (`layoutId`), which is then required.
    needs_layout: bool = False


# --- ledger formats -------------------------------------------------------------------------------------


def _open_fec(stream: BinaryIO, filename: str | None, options: ParseOptions) -> ParsedFile:
    from ecluse.formats.fec import open_fec

    return open_fec(stream, filename, options.places)


def _open_tra(stream: BinaryIO, filename: str | None, options: ParseOptions) -> ParsedFile:
    from ecluse.formats.tra import open_tra

    return open_tra(stream, filename, options.places)


def _open_json(stream: BinaryIO, filename: str | None, options: ParseOptions) -> ParsedFile:
    from ecluse.formats.json_entries import open_json

    return open_json(stream, filename, options.places)


def _open_custom(stream: BinaryIO, filename: str | None, options: ParseOptions) -> ParsedFile:
    from ecluse.formats.custom import open_custom
    from ecluse.formats.layout import Layout

    return open_custom(
        stream, filename, Layout.model_validate(dict(options.layout or {})), options.ranges, options.places
    )


def _fec_rejects(
    open_file: Callable[[], BinaryIO], lines: Mapping[int, str], options: ParseOptions
) -> Iterator[bytes]:
    from ecluse.formats.rejected import pick_lines

    return pick_lines(open_file, lines.keys(), header_lines=1)


def _tra_rejects(
    open_file: Callable[[], BinaryIO], lines: Mapping[int, str], options: ParseOptions
) -> Iterator[bytes]:
    from ecluse.formats.rejected import pick_tra_lines

    return pick_tra_lines(open_file, lines.keys())


def _custom_rejects(
    open_file: Callable[[], BinaryIO], lines: Mapping[int, str], options: ParseOptions
) -> Iterator[bytes]:
    from ecluse.formats.rejected import pick_lines

    skip = int((options.layout or {}).get("skipLines", 1))
    return pick_lines(open_file, lines.keys(), header_lines=skip)


def _json_rejects(
    open_file: Callable[[], BinaryIO], lines: Mapping[int, str], options: ParseOptions
) -> Iterator[bytes]:
    from ecluse.formats.json_entries import entry_texts, rejected_document

    texts = [text for text in lines.values() if text]
    # Entries refused after the parse (unknown company, no open fiscal year) have no text kept: re-read them.
    missing = {line for line, text in lines.items() if not text}
    if missing:
        with open_file() as stream:
            texts += list(entry_texts(stream, missing))
    yield rejected_document(dict.fromkeys(texts))


def _is_fec(text: bytes, first_line: bytes) -> bool:
    low = first_line.lower()
    return b"journalcode" in low or (b"montant" in low and b"sens" in low)


# --- bank formats (recognised; their parsers come with the bank-statement issue) -------------------------

_CAMT = re.compile(rb"urn:iso:std:iso:20022:tech:xsd:camt\.05([234])")


def _is_camt(version: bytes) -> Callable[[bytes, bytes], bool]:
    def recognise(text: bytes, first_line: bytes) -> bool:
        match = _CAMT.search(text)
        return match is not None and match.group(1) == version

    return recognise


def _is_cfonb(text: bytes, first_line: bytes) -> bool:
    return len(first_line.rstrip(b"\r")) == 120 and first_line[:2] in (b"01", b"04", b"05", b"07")


#: In the order AUTO tries them: the most specific signatures first, JSON's `{`/`[` last.
FORMATS: tuple[FileFormat, ...] = (
    FileFormat("FEC", _is_fec, _open_fec, "EcritureDate", _fec_rejects),
    FileFormat("TRA", lambda text, _: text.startswith(b"***"), _open_tra, "DATECOMPTABLE", _tra_rejects),
    FileFormat("MT940", lambda text, _: text.startswith((b":20:", b"{1:", b":940:", b"0000 01"))),
    FileFormat("CAMT053", _is_camt(b"3")),
    FileFormat("CAMT054", _is_camt(b"4")),
    FileFormat("BAI2", lambda text, _: text.startswith(b"01,")),
    FileFormat("OFX", lambda text, _: text.startswith((b"OFXHEADER:", b"<?OFX", b"<OFX>"))),
    FileFormat("QIF", lambda text, _: text.startswith((b"!Type:", b"!Account", b"!Option:"))),
    FileFormat("CFONB120", _is_cfonb),
    FileFormat(
        "JSON",
        lambda text, _: text.lstrip().startswith((b"{", b"[")),
        _open_json,
        "date",
        _json_rejects,
        rejects_from_texts=True,
    ),
    FileFormat("CUSTOM", None, _open_custom, "date", _custom_rejects, needs_layout=True),
    FileFormat("CSV", None),
)
BY_NAME: dict[str, FileFormat] = {each.name: each for each in FORMATS}
#: The formats whose files can be imported today.
READABLE = frozenset(each.name for each in FORMATS if each.open is not None)
#: The format a file sent with a saved layout is read as.
LAYOUT_FORMAT = next(each.name for each in FORMATS if each.needs_layout)


def file_format(name: str) -> FileFormat:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"no format named {name!r}") from None


def detect_format(head: bytes) -> str | None:
    """The name of the format of a file starting with `head`, or None when unsure (FORMATS.md § format
    sniffing)."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip(b"\x01")
    first_line = text.split(b"\n", 1)[0]
    for each in FORMATS:
        if each.recognise is not None and each.recognise(text, first_line):
            return each.name
    return None


def open_parser(
    name: str,
    stream: BinaryIO,
    filename: str | None = None,
    options: ParseOptions | None = None,
    *,
    layout: Mapping[str, Any] | None = None,
    ranges: list[dict[str, Any]] | None = None,
    places: int = 2,
) -> ParsedFile:
    """The parser of format `name` over `stream` (ValueError for a format without one). The options come
    whole, or as keywords."""
    opener = file_format(name).open
    if opener is None:
        raise ValueError(f"no parser for format {name!r}")
    return opener(stream, filename, options or ParseOptions(layout, ranges or [], places))


def write_rejected(
    name: str,
    open_file: Callable[[], BinaryIO],
    lines: Mapping[int, str],
    options: ParseOptions = ParseOptions(),
) -> Iterator[bytes]:
    """The rejected-lines file of a batch of format `name`: the bytes to send back to its sender."""
    writer = file_format(name).write_rejected
    if writer is None:
        raise ValueError(f"no rejected-lines file for format {name!r}")
    return writer(open_file, lines, options)
