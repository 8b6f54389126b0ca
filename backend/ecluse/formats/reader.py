"""Bytes → lines of text, streamed block by block with bounded memory.

Charset: UTF-8 (with or without BOM) when the first block decodes strictly as UTF-8, else single-byte
Latin (ISO-8859-15, or cp1252 when the first block holds 0x80-0x9F bytes, which are only printable in
cp1252). A UTF-8 file whose later blocks hold bytes that are not UTF-8 keeps going: those bytes are read
as Latin and `fallback_line` records where (reported as a finding by the caller). UTF-16/32 and binary
files (ZIP/xlsx, xls, PDF, many control bytes) are refused with a file-level error.

Lines end with LF, CRLF or CR (old Mac): the header line's own ending decides. In a CRLF file a lone LF
or CR stays in the text (a multi-line label, as in TCD); a LF or CR file also accepts CRLF. A CRLF header over
lines that end otherwise (no CRLF after the header in the first block) takes the lines' own ending. NUL characters are dropped and non-breaking spaces become spaces.

Work is linear in the input and memory bounded by the longest line allowed: a line still open at the end of
a block is kept in pieces and joined once, when its end comes; past `max_line` characters only its start and
its length are kept while the rest is skipped up to the next line end, and it comes out as a `LongLine`, alone
in its block (a parser tests `long_line(block)` once per block, not per line).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Generic, TypeVar

from ecluse.formats.limits import MAX_LINE
from ecluse.formats.records import ParseError

BLOCK_SIZE = 1 << 16  # measured: 64 KiB blocks keep the per-block working set in cache (1 MiB: ~25% slower)
SNIFF_SIZE = 8192
ENDS_WINDOW = 1 << 16  # the bytes that tell the line end of the lines after a CRLF header
#: Characters kept of a line longer than the maximum: its text in messages and in the rejected lines.
LONG_LINE_KEPT = 1000


def _table(base: str) -> str:
    """A 256-char decoding table: `base` for 0xA0-0xFF, cp1252 for 0x80-0x9F where it defines a char."""
    chars = []
    for byte in range(256):
        raw = bytes([byte])
        if 0x80 <= byte <= 0x9F:
            try:
                chars.append(raw.decode("cp1252"))
            except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: undefined in cp1252 too
                chars.append(chr(byte))
        else:
            chars.append(raw.decode(base))
    return "".join(chars)


_LATIN9_TABLE = _table("iso-8859-15")
_CP1252_TABLE = _table("cp1252")


def _latin_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return codecs.charmap_decode(bad, "strict", _LATIN9_TABLE)[0], exc.end


codecs.register_error("ecluse.latin9-fallback", _latin_fallback)

_C1 = re.compile(rb"[\x80-\x9f]")
_ODD_C1 = re.compile(rb"[\x81-\x84\x86-\x8b\x8d-\x90\x98\x9a\x9b\x9d-\x9f]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # not TAB/LF/CR/FF/VT/ESC
_SPACES = str.maketrans({"\xa0": " ", "\u202f": " "})
#: Magic bytes → what the file is (BINARY_FILE's `content`: a ZIP archive, an .xls workbook…).
_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "xls"),
    (b"%PDF", "pdf"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf", "7z"),
    (b"Rar!", "rar"),
)
_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
)


def utf8_cut(data: bytes) -> int:
    """Length of the prefix of `data` that ends on a complete UTF-8 sequence (the rest waits for more)."""
    n = len(data)
    for back in range(1, min(4, n) + 1):
        byte = data[n - back]
        if byte < 0x80:
            return n
        if byte >= 0xC0:
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return n if back >= need else n - back
    return n


def sniff_problem(head: bytes, kind: str) -> ParseError | None:
    """Why the first bytes are not a text file we can read, or None. `kind` names the format the messages
    say the charsets of ("FEC", "TRA", "Custom-layout", "JSON")."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return ParseError.of(0, None, "BINARY_FILE", content=what, format=kind)
    for bom, name in _BOMS:
        if head.startswith(bom):
            return ParseError.of(0, None, "BAD_ENCODING", reason="bom", encoding=name, format=kind)
    sample = head[:SNIFF_SIZE].rstrip(b"\x00")  # NUL padding at the end of a small file is not binary data
    nuls = sample.count(b"\x00")
    if nuls * 4 > len(sample):
        odd = sample[1::2].count(b"\x00")
        if odd * 10 >= nuls * 9 or (nuls - odd) * 10 >= nuls * 9:
            name = "UTF-16 (little-endian)" if odd > nuls - odd else "UTF-16 (big-endian)"
            return ParseError.of(0, None, "BAD_ENCODING", reason="no_bom", encoding=name, format=kind)
    if len(_CONTROL.findall(sample)) * 50 > len(sample):
        return ParseError.of(0, None, "BINARY_FILE", content="control", format=kind)
    return None


def _latin_doubts(sample: bytes) -> bool:
    """Signs that non-UTF-8 bytes are not Western Latin text: runs of 3+ high bytes (Cyrillic, CJK… write
    whole words in them; French accents come one at a time), or 0x80-0x9F bytes that cp1252 text hardly
    uses (‚ ƒ „ † ‡ ˆ ‰ Š ‹…) outnumbering those it does (€ … ’ “ ” – — œ): é, è, à of a DOS or Mac page."""
    if len(_HIGH_RUN.findall(sample)) >= 3:
        return True
    odd = len(_ODD_C1.findall(sample))
    return odd > 2 and odd > len(_C1.findall(sample)) - odd


def _guess_foreign(head: bytes) -> str | None:
    """Name of a non-Latin charset charset-normalizer recognises in `head`, or None if it reads as Latin."""
    from charset_normalizer import from_bytes  # lazy: only for files that are neither UTF-8 nor plain Latin

    best = from_bytes(head[:65536]).best()
    if best is None:
        return "an unknown encoding"
    if best.encoding in {"cp1252", "cp1250", "latin_1", "iso8859_15", "iso8859_1", "iso8859_2", "ascii"}:
        return None
    return best.encoding


def _data_newline(data: bytes) -> str:
    """The line end of the lines after a CRLF header: CRLF, unless they hold none and end with a lone LF (or
    CR), as when a tool writes the header and another the lines; then both that and CRLF end lines."""
    if data.endswith(b"\r"):
        data = data[:-1]  # maybe the first half of a CRLF cut by the block's end
    if b"\r\n" in data:
        return "\r\n"
    if b"\n" in data:
        return "\n"
    return "\r" if b"\r" in data else "\r\n"


class LongLine(str):
    """A line longer than the reader's maximum: its first LONG_LINE_KEPT characters; `length` is its real
    length in characters. `LineReader.blocks` yields it alone in its block."""

    length: int

    def __new__(cls, start: str, length: int) -> LongLine:
        line = super().__new__(cls, start[:LONG_LINE_KEPT])
        line.length = length
        return line


def long_line(block: list[str]) -> LongLine | None:
    """The over-long line that `block` is made of, or None (the usual case: one test per block)."""
    first = block[0]
    return first if type(first) is LongLine else None


class LineReader:
    """Reads `stream` in blocks; `fatal` is set on open when the content is not readable text."""

    def __init__(
        self,
        stream: BinaryIO,
        block_size: int = BLOCK_SIZE,
        *,
        kind: str = "FEC",
        encoding: str | None = None,
        max_line: int = MAX_LINE,
    ) -> None:
        """`kind` names the format in messages; `encoding` ("utf-8", "cp1252", "iso-8859-15") skips the
        detection when the sender's layout says which charset its files use; a line longer than `max_line`
        characters comes out as a `LongLine`."""
        self.max_line = max_line
        self._kind = kind
        # Cegid writes "ANSI" (Windows-1252); a FEC's single-byte charset is ISO-8859-15 by the rules.
        self._latin = "cp1252" if kind == "TRA" else "iso-8859-15"
        self._forced = encoding
        self._stream = stream
        self._block_size = block_size
        self.bytes_read = 0
        self.encoding = ""
        self.fatal: ParseError | None = None
        self.fallback_line: int | None = None  # first line whose bytes were not UTF-8 in a UTF-8 file
        self._lines_out = 0
        self._table = _LATIN9_TABLE
        self._newline = "\n"
        self._first = self._read()
        self.at_eof = len(self._first) < block_size
        self._open()

    def _read(self) -> bytes:
        data = self._stream.read(self._block_size)
        self.bytes_read += len(data)
        return data

    def _open(self) -> None:
        head = self._first
        if head.startswith(codecs.BOM_UTF8):
            head = self._first = head[3:]
            self.encoding = "utf-8-sig"
        if not head.strip(b" \t\r\n\x00\x1a"):
            self.fatal = ParseError.of(0, None, "EMPTY_FILE")
            return
        self.fatal = sniff_problem(head, self._kind)
        if self.fatal is not None:
            return
        # The header's own line end decides (TCD sniffs "any CRLF in the first 4 KiB", which breaks a LF
        # file holding one stray CRLF); a LF or CR file still accepts CRLF, see blocks().
        ends = [i for i in (head.find(b"\r"), head.find(b"\n")) if i >= 0]
        end = min(ends) if ends else -1
        if end >= 0 and head[end : end + 2] == b"\r\n":
            # Decided on the file's first ENDS_WINDOW bytes, whatever the block size: more are read if needed.
            extended = head
            while len(extended) < ENDS_WINDOW and not self.at_eof:
                more = self._read()
                self.at_eof = len(more) < self._block_size
                extended += more
            self._first = extended
            self._newline = _data_newline(extended[end + 2 : ENDS_WINDOW])
        elif end >= 0 and head[end : end + 1] == b"\r":
            self._newline = "\r"
        if self._forced in ("cp1252", "iso-8859-15"):
            self.encoding = self._forced
            self._table = _CP1252_TABLE if self._forced == "cp1252" else _LATIN9_TABLE
            return
        if self._forced == "utf-8":  # bytes that are not UTF-8 are read as Latin, with a finding
            self.encoding = self.encoding or "utf-8"
            return
        try:
            head[: utf8_cut(head)].decode("utf-8")
            self.encoding = self.encoding or "utf-8"
            return
        except UnicodeDecodeError:
            pass
        if _latin_doubts(head[:65536]):  # not plainly Latin text: ask charset-normalizer what it is
            foreign = _guess_foreign(head)
            if foreign is not None:
                self.fatal = ParseError.of(
                    0, None, "BAD_ENCODING", reason="detected", encoding=foreign, format=self._kind
                )
                return
        if _C1.search(head) or self._latin == "cp1252":
            self.encoding, self._table = "cp1252", _CP1252_TABLE
        else:
            self.encoding = "iso-8859-15"

    def _decode_utf8(self, data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if self.fallback_line is None:
                self.fallback_line = (
                    self._lines_out + 1 + data.count(self._newline[-1:].encode(), 0, exc.start)
                )
            return data.decode("utf-8", "ecluse.latin9-fallback")

    def too_long(self, line: LongLine, line_no: int) -> ParseError:
        """LINE_TOO_LONG for `line`, physical line `line_no`."""
        return ParseError.of(
            line_no,
            None,
            "LINE_TOO_LONG",
            line=line_no,
            length=line.length,
            kind=self._kind,
            maximum=self.max_line,
        )

    def blocks(self) -> Iterator[list[str]]:
        """Complete lines (without their ends) per block, in file order; nothing if `fatal` is set. A line
        longer than `max_line` is a `LongLine`, alone in its block."""
        if self.fatal is not None:
            return
        utf8 = self.encoding.startswith("utf-8")
        table = self._table
        newline = self._newline
        other_end = "\r" if newline == "\n" else "\n" if newline == "\r" else ""
        limit = self.max_line
        raw_pending = b""
        held: list[str] = []  # the line being read, in pieces: joined once its end comes (linear)
        held_len = 0
        skipping = False  # the line being read is past `limit`: only its start and length are kept
        start = ""  # that start
        carry = ""  # a CR ending the previous block: maybe the first half of a CRLF
        data = self._first
        self._first = b""
        while data:
            more = self._read()
            final = not more
            if b"\x00" in data:  # memchr: cheap
                data = data.replace(b"\x00", b"")
            if utf8:
                chunk = raw_pending + data
                cut = len(chunk) if final else utf8_cut(chunk)
                raw_pending = chunk[cut:]
                text = self._decode_utf8(chunk[:cut])
            else:
                text = codecs.charmap_decode(data, "strict", table)[0]
            if carry:
                text, carry = carry + text, ""
            if final:
                if text.endswith("\x1a"):  # DOS end-of-file mark (Ctrl-Z)
                    text = text.rstrip("\x1a")
            elif text.endswith("\r"):
                text, carry = text[:-1], "\r"
            if "\xa0" in text or "\u202f" in text:  # single-char searches: cheap, unlike 2-byte ones
                text = text.translate(_SPACES)
            if other_end and other_end in text:  # CRLF in a LF or CR file: still one line end
                text = text.replace("\r\n", newline)
            lines: list[str] = text.split(newline)
            rest = lines.pop()  # the start of the next line, whose end is in a later block
            long = False
            if lines and (held or skipping):  # the first line ends the one held from earlier blocks
                first = lines[0]
                if skipping:
                    lines[0] = LongLine(start + first[: LONG_LINE_KEPT - len(start)], held_len + len(first))
                else:
                    lines[0] = first = "".join(held) + first
                    if len(first) > limit:
                        lines[0] = LongLine(first, len(first))
                long = type(lines[0]) is LongLine
                held, held_len, skipping = [], 0, False
            if len(text) > limit:  # only then can a whole line of this block be too long
                for i, line in enumerate(lines):
                    if len(line) > limit and type(line) is not LongLine:
                        lines[i], long = LongLine(line, len(line)), True
            if rest:
                held_len += len(rest)
                if not skipping:
                    held.append(rest)
                    if held_len > limit:
                        start, held, skipping = "".join(held)[:LONG_LINE_KEPT], [], True
                elif len(start) < LONG_LINE_KEPT:
                    start += rest[: LONG_LINE_KEPT - len(start)]
            if final and (held or skipping):
                if skipping:
                    lines.append(LongLine(start, held_len))
                    long = True
                else:
                    last = "".join(held)
                    if last.endswith("\r"):
                        last = last[:-1]
                    if last:
                        lines.append(last)
            if not lines:
                data = more
                continue
            self._lines_out += len(lines)
            if not long:
                yield lines
            else:  # each over-long line alone in its block
                run: list[str] = []
                for line in lines:
                    if type(line) is LongLine:
                        if run:
                            yield run
                            run = []
                        yield [line]
                    else:
                        run.append(line)
                if run:
                    yield run
            data = more

    def lines(self) -> Iterator[str]:
        """Line by line (convenience; `blocks` is faster for a hot loop)."""
        for block in self.blocks():
            yield from block


H = TypeVar("H")


@dataclass(slots=True)
class Opened(Generic[H]):
    """A line-based file opened: its header read off the first block, the lines after it, the blocks to come."""

    header: H | None  # what the format's header reader made of the first line; None: the file is not read
    findings: list[ParseError]  # the header's findings
    fatal: ParseError | None  # why the file is not read
    rest: list[str]  # the lines after the header in the first block
    blocks: Iterator[list[str]]


def open_lines(
    reader: LineReader,
    read_header: Callable[[str], tuple[H | None, list[ParseError], ParseError | None]],
    empty: ParseError | None,
) -> Opened[H]:
    """The opening every line-based ledger format shares: the reader's own refusal (binary, encoding), a first
    line too long to be a header, the header itself (`read_header`), then `empty` when nothing follows it (a
    format where a header alone is a valid file gives None)."""
    blocks = reader.blocks()
    if reader.fatal is not None:
        return Opened(None, [], reader.fatal, [], blocks)
    first = next(blocks, [])
    if first and (long := long_line(first)) is not None:
        return Opened(None, [], reader.too_long(long, 1), [], blocks)
    header, findings, fatal = read_header(first[0] if first else "")
    rest = first[1:]
    if empty is not None and header is not None and reader.at_eof and not any(line.strip() for line in rest):
        return Opened(None, findings, empty, rest, blocks)
    return Opened(header, findings, fatal, rest, blocks)
