"""Byte-level guards of the JSON entries reader: the `_NumberGuard` that keeps numbers too long to read
(more than MAX_NUMBER_DIGITS digits in a row) from the tokeniser and the NUL-escape watch, and the location
of a syntax error yajl reports (`_syntax_error`: line, column, byte and the text around it).
"""

from __future__ import annotations

import re

import ijson  # type: ignore[import-untyped]

from ecluse.formats.messages import Param
from ecluse.formats.records import ParseError

MAX_NUMBER_DIGITS = 64  # digits in a row in a number (and 6 in an exponent): longer is NUMBER_TOO_LONG


# --- numbers too long to read ---------------------------------------------------------------------------

#: What a number too long to read becomes, as the walk sees it: a string value "\x00number <length>".
NUMBER_MARK = "\x00number "
_NUMBER_BYTES = b"-+.0123456789eE"
#: Digits → "0", exponent letters and signs → "e": a digit run too long is a run of "0"s, an exponent too
#: long an "e" and 7 "0"s (one search each; a match is then checked exactly where it is).
_FOLD = bytes.maketrans(b"123456789E+-", b"000000000eee")
_RUN = b"0" * (MAX_NUMBER_DIGITS + 1)
_EXPONENT = b"e0000000"
_NUMBER_RUN = re.compile(rb"[-+.0-9eE]*")
_ZEROS = re.compile(rb"0+")
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_HOLD = 3 * MAX_NUMBER_DIGITS + 8  # the longest number that is not too long: three runs of digits, signs


_NUL_ESCAPE = b"\\u0000"


def _is_mark(value: object) -> bool:
    return type(value) is str and value.startswith(NUMBER_MARK)


def _mark_length(value: str) -> int:
    tail = value[len(NUMBER_MARK) :]
    return int(tail) if tail.isdecimal() and len(tail) < 20 else 0


def _too_long_at(data: bytes) -> list[int]:
    """Where, in `data`, a digit run longer than MAX_NUMBER_DIGITS or an exponent of 7 digits or more
    begins (inside a string or not: the guard tells), in order; usually none, found by two searches."""
    folded = data.translate(_FOLD)
    if _RUN not in folded and _EXPONENT not in folded:
        return []
    found: list[int] = []
    at = folded.find(_RUN)
    while at >= 0:
        found.append(at)
        at = folded.find(_RUN, _ZEROS.match(folded, at).end())  # type: ignore[union-attr]
    at = folded.find(_EXPONENT)
    while at >= 0:  # "e" is a letter e/E or a sign: an exponent's letter, or a sign right after one
        if data[at] in b"eE" or (at and data[at] in b"+-" and data[at - 1] in b"eE"):
            found.append(at)
        at = folded.find(_EXPONENT, at + 1)
    return sorted(found)


class _NumberGuard:
    """Rewrites the bytes given to the tokeniser so that a number with more than MAX_NUMBER_DIGITS digits in
    a row (or an exponent of 7 digits or more) arrives as the string "\\u0000number <its length>": yajl
    would hand it to Python's int() (refused past 4,300 digits, quadratic below) or Decimal (refused past an
    exponent of 10^18), failing the whole document, and it lexes a number cut by a block boundary again
    from its start at every block (quadratic). The walk then reports NUMBER_TOO_LONG on the value's field.

    Linear: per block, a translate and four substring searches find whether any run is that long (rare),
    a count of quotes (and, when the block holds a backslash, one regular-expression pass over its escapes)
    keeps track of being inside a string or not, and the trailing number characters of a block (at most
    _HOLD) are held back for the next one, so a number cut by a block boundary is seen whole."""

    def __init__(self) -> None:
        self.replaced = 0  # numbers replaced so far
        #: The document escapes U+0000 somewhere (`\u0000`): its values are then searched for it, which no
        #: field can hold (PostgreSQL refuses it). One search per block; a false alarm costs only that walk.
        self.nul_seen = False
        self._tail = b""
        self.lead = 0  # bytes held back from the previous block at the start of the last one returned
        self._in_string = False
        self._escape = False  # the last byte given out starts an escape (inside a string)
        self._held = b""
        self._swallowed = -1  # ≥ 0 while dropping the rest of a too-long number: its length so far

    def feed(self, data: bytes) -> bytes:
        """The bytes to give the tokeniser for the next block `data` of the document."""
        if not self.nul_seen:
            self.nul_seen = _NUL_ESCAPE in self._tail + data[:5] or _NUL_ESCAPE in data
            self._tail = data[-5:]
        out: list[bytes] = []
        if self._swallowed >= 0:
            end = _NUMBER_RUN.match(data).end()  # type: ignore[union-attr]
            self._swallowed += end
            if end == len(data):
                self.lead = 0
                return b""
            out.append(self._mark(self._swallowed))
            self._swallowed, data = -1, data[end:]
        self.lead = len(self._held)
        data, self._held = self._held + data, b""
        done = 0  # data[:done] is in `out`, and the string state is the one after it
        for at in _too_long_at(data):
            if at < done:
                continue  # within a number already replaced
            self._advance(data[done:at])
            if self._in_string:
                out.append(data[done:at])
                done = at
                continue
            begin = at
            while begin > done and data[begin - 1] in _NUMBER_BYTES:
                begin -= 1
            end = _NUMBER_RUN.match(data, at).end()  # type: ignore[union-attr]
            out.append(data[done:begin])
            if end == len(data):  # it may go on in the next block
                self._swallowed, done = end - begin, end
                return b"".join(out)
            out.append(self._mark(end - begin))
            done = end
        rest = data[done:]
        kept = len(rest) - len(rest.rstrip(_NUMBER_BYTES))
        if 0 < kept <= _HOLD:
            rest, self._held = rest[:-kept], rest[-kept:]
        self._advance(rest)
        out.append(rest)
        return b"".join(out)

    def flush(self) -> bytes:
        """What is left at the end of the document: held bytes, or the mark of a number cut by the end."""
        self.lead = 0
        if self._swallowed >= 0:
            self._swallowed, swallowed = -1, self._swallowed
            return self._mark(swallowed)
        held, self._held = self._held, b""
        return held

    def _mark(self, length: int) -> bytes:
        self.replaced += 1
        return b'"\\u0000number %d"' % length

    def _advance(self, given: bytes) -> None:
        """Follow the string state over bytes given out (outside a string, a backslash is a syntax error
        the tokeniser reports: escapes are only looked for inside)."""
        if not given:
            return
        if self._escape:
            given, self._escape = given[1:], False
        if b"\\" in given:
            given = _ESCAPE.sub(b"", given)
            if given.endswith(b"\\"):
                given, self._escape = given[:-1], True
        if given.count(b'"') & 1:
            self._in_string = not self._in_string


#: yajl's messages → the reason a JSON syntax error carries (formats/messages.py words each one).
_YAJL_REASONS = {
    "premature EOF": "cut_short",
    "trailing garbage": "trailing_text",
    "invalid char in json text": "unexpected_character",
    "invalid string in json text": "unexpected_word",
    "invalid object key (must be a string)": "bad_key",
    "unallowed token at this point in JSON text": "unexpected_token",
    "after key and value, inside map, I expect ',' or '}'": "comma_or_brace",
    "after array element, I expect ',' or ']'": "comma_or_bracket",
    "object key and value must be separated by a colon (':')": "colon",
    "invalid bytes in UTF8 string": "not_utf8",
    "inside a string, '\\' occurs before a character which it may not": "bad_escape",
    "invalid character inside string": "control_character",
}


def _syntax_error(
    exc: Exception, data: bytes, start: int, newlines: int, first: bool, at_end: bool
) -> ParseError:
    """A file-level error saying where the JSON breaks (line, column, byte) and the text around it.
    `data` is the block of bytes the tokeniser stopped in, starting at byte `start` of the file after
    `newlines` line ends; `first`: it is the first block; `at_end`: the document ended too early."""
    text = str(exc)
    if text.startswith(("b'", 'b"')):  # ijson could not decode yajl's message (non-UTF-8 bytes in it)
        text = text[2:-1].encode("latin-1", "replace").decode("unicode_escape", "replace")
    parts = text.split("\n")
    reason = parts[0].split(": ", 1)[-1].strip().rstrip(".")
    code = "BAD_ENCODING" if "UTF8" in reason else "TRUNCATED" if at_end else "NOT_JSON"
    key = _YAJL_REASONS.get(reason)
    why: dict[str, Param] = {"reason": key} if key else {"reason": "other", "detail": reason[:100]}
    if not isinstance(exc, ijson.JSONError):  # Python refused a value yajl read (an integer of 4,300+ digits)
        why = {"reason": "unreadable_value", "detail": str(exc).split(chr(10))[0][:100]}
    offset = (
        len(data.rstrip(b" \t\r\n"))
        if at_end
        else _error_offset(parts[1].encode("utf-8", "replace") if len(parts) > 2 else b"", data)
    )
    if offset is None:
        return _error(code, first=start + 1, last=start + len(data), **why)
    before = data[:offset]
    place: dict[str, Param] = {"line": newlines + before.count(b"\n") + 1}
    if first or b"\n" in before:  # the line starts in this block: its column is known
        place["column"] = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + (
            0 if at_end else 1
        )
    place["byte"] = start + offset + (0 if at_end else 1)
    shown = (
        data[max(0, offset - 25) : offset + 15]
        .decode("utf-8", "replace")
        .replace("\n", " ")
        .replace("\r", " ")
    )
    if shown.strip():
        place["near"] = shown.strip()
    if at_end:
        return _error(code, **place)
    return _error(code, **place, **why)


def _error(code: str, **params: Param) -> ParseError:
    """NOT_JSON, TRUNCATED or BAD_ENCODING, with where the document breaks and why."""
    return ParseError.of(0, None, code, "error", **params)


def _error_offset(context: bytes, data: bytes) -> int | None:
    """Where yajl stopped in `data`: its message shows the bytes around the spot, the spot at column 40
    (yajl_render_error_string: 30 bytes before, 30 after, CR/LF shown as spaces)."""
    if len(context) <= 40 or not data:
        return None
    flat = data.replace(b"\n", b" ").replace(b"\r", b" ")
    padding = len(context) - len(context.lstrip(b" "))
    if padding > 10:  # the spot is within the first 30 bytes: the context starts with data[0]
        for offset in range(0, 31):
            if context[40 - offset :] == flat[: len(context) - 40 + offset]:
                return offset
    found = flat.find(context[10:])
    return None if found < 0 else found + 30
