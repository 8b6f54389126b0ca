"""The streaming reader of JSON entries documents: `JsonFile` walks ijson's events one object at a time,
builds and validates declarations and entries and yields `MasterRecord`, `Entry`, `RejectedEntry` and
`ParseError` items; `open_json` opens one. Its limits on the bytes read (MAX_OBJECT_BYTES,
MAX_TOKEN_BYTES) live here.
"""

from __future__ import annotations

import difflib
import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any, BinaryIO

import ijson  # type: ignore[import-untyped]
from pydantic import ValidationError

from ecluse.formats.entries import balance_error, sides
from ecluse.formats.findings import FINDINGS_PER_CODE, FindingsCap
from ecluse.formats.json_entries.explain import (
    _explain,
    _kind,
    _line_problems,
    _marks,
    _path,
    _shown,
    _too_long,
)
from ecluse.formats.json_entries.guards import _is_mark, _NumberGuard, _syntax_error
from ecluse.formats.json_entries.schema import (
    _DECLARATIONS,
    _ENTRY,
    _KEYS,
    MAX_LINES,
    VERSION,
    EntryIn,
    _cents_text,
)
from ecluse.formats.limits import FIELD_MAX, MASTER_CODE_MAX, MASTER_LABEL_MAX, shown
from ecluse.formats.messages import Param
from ecluse.formats.reader import sniff_problem, utf8_cut
from ecluse.formats.records import (
    Entry,
    EntryLine,
    FileInfo,
    Item,
    MasterRecord,
    ParseError,
    RejectedEntry,
    new_entry,
    new_entry_line,
)
from ecluse.money import AMOUNT_MAX, ENTRY_TOTAL_MAX

MAX_OBJECT_BYTES = 8 << 20  # one entry or declaration as JSON text
MAX_TOKEN_BYTES = 1 << 20  # bytes without a single complete JSON token: a giant string, refused whole


_M_JOURNAL, _M_NUMBER, _M_LABEL, _M_COMPANY = (
    FIELD_MAX[f] for f in ("journal_code", "entry_number", "label", "company")
)
CHUNK_SIZE = 1 << 16
INFO = FileInfo(
    format="JSON", encoding="utf-8", separator="", variant="v1", siren=None, closing_date=None, header=()
)


# --- the parser -------------------------------------------------------------------------------------

# Where the event loop is; _LINE and _OBJECT are the hot ones.
_START, _TOP, _ARRAY, _OBJECT, _LINES, _LINE, _NESTED, _SKIP, _END = range(9)
_SCALARS = frozenset(("string", "number", "boolean", "null"))
_ARRAYS = frozenset(("entries", *_DECLARATIONS))
_ID_KEYS = ("journal", "number", "date", "label", "company", "code", "name")  # kept of an oversized object
_READY = object()  # yielded by the walk when the first array starts (or at the end): open() stops there
_DUP = "\x00duplicate"  # the key of a top-level value given twice: skipped


class JsonFile:
    """An opened JSON entries document. Checked on open: empty, binary, UTF-16/32 or not UTF-8, not JSON,
    not an object, cut short (seekable streams: the last character must be '}'), and everything written
    before the first array (`version`, `company`); a document under 64 KiB is read whole. `items()` reads
    the rest. A file-level problem met later (a syntax error in the middle, no `entries`, an unsupported
    `version` written after the entries) sets `fatal` and is yielded as the last item, a line-0 error:
    the entries before it were read and yielded."""

    def __init__(self, stream: BinaryIO, filename: str | None = None, places: int = 2) -> None:
        self.info: FileInfo | None = None
        self._places = places  # decimals of the company's currency
        self._context = {"places": places}
        self.fatal: ParseError | None = None
        self.line_count = 0  # line objects read so far
        self.bytes_read = 0
        self._lines_before = 0  # line objects of the entries already handed over
        self._stream = stream
        self._offset = 0  # bytes before the document (a UTF-8 BOM)
        self._newlines = 0  # in the bytes fed to the tokeniser so far
        self._version: object = None
        self._company = ""
        self._company_seen = False
        self._emitted = 0  # objects yielded with the document's company as default
        self._entries_seen = False
        self._top_keys: set[str] = set()
        self._labels: dict[str, dict[str, str]] = {"journal": {}, "account": {}, "third_party": {}}
        self._done = False
        self._consumed = False
        self._pending: list[Any] = []
        self._walk: Iterator[Any] = iter(())
        self._guard = _NumberGuard()
        self._last_event = ""  # the last event the tokeniser gave: where a value too long is
        head = stream.read(CHUNK_SIZE)
        self.bytes_read = len(head)
        self.fatal = self._check_head(head)
        if self.fatal is not None:
            return
        self._head = head[self._offset :]
        whole = len(head) < CHUNK_SIZE  # a small document is read whole now
        self.fatal = self._check_tail(whole)
        if self.fatal is not None:
            return
        self._walk = self._events()
        for item in self._walk:  # up to the first array: version and company when they come first
            if item is _READY:
                if not self._company_seen and self.fatal is None:
                    self._look_ahead(head[self._offset :] if whole else None)
                if whole:
                    continue
                break
            self._pending.append(item)
        if self.fatal is None and self._done:
            self._pending.extend(self._end_checks())
        if self.fatal is None:
            self.info = INFO

    # --- open-time checks

    def _check_head(self, head: bytes) -> ParseError | None:
        if head.startswith(b"\xef\xbb\xbf"):
            self._offset = 3
            head = head[3:]
        text = head.lstrip(b" \t\r\n")
        if not text.strip(b"\x00"):
            return ParseError.of(0, None, "EMPTY_FILE")
        problem = sniff_problem(head, "JSON")
        if problem is not None:
            return problem
        try:
            head[: utf8_cut(head)].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = head.count(b"\n", 0, exc.start) + 1
            return ParseError.of(0, None, "BAD_ENCODING", value=f"0x{head[exc.start]:02X}", line=line,
                                 byte=exc.start + 1, format="JSON")  # fmt: skip
        if text[:1] == b"[":
            return ParseError.of(0, None, "NOT_AN_OBJECT")
        if text[:1] != b"{":
            shown = text[:30].decode("utf-8", "replace").split("\n")[0].strip()
            return ParseError.of(0, None, "NOT_JSON", start=shown)
        return None

    def _check_tail(self, whole: bool) -> ParseError | None:
        """A document whose last character is not '}' was cut short: say so before reading it."""
        stream = self._stream
        if whole:
            tail, size = self._head, self.bytes_read
        else:
            try:
                if not stream.seekable():
                    return None
                here = stream.tell()
                size = stream.seek(0, 2)
                stream.seek(max(here, size - 256))
                tail = stream.read()
                stream.seek(here)
            except (OSError, ValueError, AttributeError):
                return None
        tail = tail.rstrip(b" \t\r\n")
        if not tail or tail.endswith(b"}"):
            return None
        shown = tail[-30:].decode("utf-8", "replace").replace("\n", " ").replace("\r", " ")
        return ParseError.of(0, None, "TRUNCATED", end=shown, byte=size)

    def _look_ahead(self, whole: bytes | None) -> None:
        """`company` written after the arrays (as sorted keys put it): read it first, so that the objects
        before it get it as their default. In the `whole` document when it is small, else on a seekable
        stream that holds the word at all (a quick byte search spares the common case a second pass)."""
        if whole is not None:
            if b'"company"' in whole:
                self._take_company(io.BytesIO(whole))
            return
        stream = self._stream
        try:
            if not stream.seekable():
                return
            here = stream.tell()
        except (OSError, ValueError, AttributeError):
            return
        try:
            stream.seek(self._offset)
            carry = b""
            while block := stream.read(CHUNK_SIZE):
                if b'"company"' in block or b'"company"' in carry + block[:8]:
                    stream.seek(self._offset)
                    self._take_company(stream)
                    break
                carry = block[-8:]
        finally:
            stream.seek(here)

    def _take_company(self, source: BinaryIO) -> None:
        found: list[Any] = ijson.sendable_list()
        reader = ijson.items_coro(found, "company")
        guard = _NumberGuard()  # (a long number would make yajl quadratic, or fail)
        try:
            while not found:
                block = source.read(CHUNK_SIZE)
                fed = guard.feed(block) if block else guard.flush()
                if fed:
                    reader.send(fed)
                if not block:
                    reader.close()
                    break
        except Exception:  # the main pass meets the same problem and reports it
            return
        value = found[0] if found else None
        if isinstance(value, str) and not _is_mark(value):
            self._company, self._company_seen = value, True

    # --- reading

    def items(self) -> Iterator[Item]:
        """Declarations, entries, refused entries and problems, in document order. Can be consumed once."""
        if self._consumed:
            raise RuntimeError("JsonFile.items() can only be consumed once")
        self._consumed = True
        if self.info is None:
            return
        cap = FindingsCap(FINDINGS_PER_CODE)
        pending, self._pending = self._pending, []
        yield from cap.passing(itertools.chain(pending, self._walk))
        if self.fatal is None:
            yield from self._end_checks()
        yield from cap.summary()

    def _end_checks(self) -> list[ParseError]:
        if self._version is None:
            self.fatal = ParseError.of(0, "version", "MISSING_VERSION")
        elif not self._entries_seen:
            self.fatal = ParseError.of(0, "entries", "NO_ENTRIES")
        return [] if self.fatal is None else [self.fatal]

    def _chunks(self) -> Iterator[list[tuple[str, Any]]]:
        """ijson (yajl) events, one list per block of bytes. A syntax error ends the document (fatal)."""
        events: list[tuple[str, Any]] = ijson.sendable_list()
        parser = ijson.basic_parse_coro(events)
        guard = self._guard
        data, start, quiet = self._head, self._offset, 0
        last = (b"", start, 0)  # the previous block: where a document cut short ends
        self._head = b""
        while True:
            fed = guard.feed(data) if data else guard.flush()
            at = start - guard.lead  # where `fed` starts in the file (held bytes come first)
            try:
                if fed:
                    parser.send(fed)
                if not data:
                    parser.close()
            except Exception as exc:  # yajl's errors, and Python's for a value it cannot convert
                if events and isinstance(exc, ijson.JSONError):
                    yield events
                else:  # ijson may leave a half-built event behind: never look at it
                    events.clear()
                block, at, newlines = (fed, at, self._newlines) if data else last
                self.fatal = _syntax_error(exc, block, at, newlines, at == self._offset, not data)
                return
            if events:
                quiet = 0
                yield events
                self._last_event = events[-1][0]
                del events[:]
            elif fed:
                quiet += len(fed)
                if quiet > MAX_TOKEN_BYTES:
                    self.fatal = ParseError.of(
                        0, None, "VALUE_TOO_LONG", mib=MAX_TOKEN_BYTES >> 20, byte=start + len(data)
                    )
                    return
            if not data:
                return
            if fed:
                last = (fed, at, self._newlines)
            self._newlines += data.count(b"\n")
            start += len(data)
            data = self._stream.read(CHUNK_SIZE)
            self.bytes_read += len(data)

    def _events(self) -> Iterator[Any]:
        """The event loop: builds one declaration or entry at a time and hands it over when complete.
        Lines and entries are read by inner loops over the same events (the hot path: a key, a value)."""
        LINE, LINES, OBJECT, ARRAY, NESTED, SKIP, TOP = _LINE, _LINES, _OBJECT, _ARRAY, _NESTED, _SKIP, _TOP
        scalars = _SCALARS
        ctx, key, top_key = _START, "", ""
        cur: Any = None  # the dict being filled: an entry, a line, a declaration
        obj: dict[str, Any] = {}  # the entry or declaration being built
        lines: list[Any] = []
        scratch: dict[str, Any] = {}  # takes what is not kept (lines past the limit, an oversized object)
        index = n_lines = limit = depth = started = 0
        dups: list[tuple[int, str]] = []
        nested: list[list[Any]] = []  # [container, pending key, ctx to return to] of an unexpected value
        skip_back = TOP
        oversize = ready = False
        done: Item | list[Item]
        for events in self._chunks():
            it = iter(events)
            for ev, val in it:
                if ctx == LINES:
                    if ev == "start_map":
                        n_lines += 1
                        if n_lines <= limit:
                            cur = {}
                            lines.append(cur)
                        else:
                            cur = scratch
                            scratch.clear()
                        ctx = LINE
                        for ev, val in it:
                            if ev == "map_key":
                                key = val
                            elif ev in ("string", "number"):
                                if cur.setdefault(key, val) is not val:
                                    dups.append((len(lines) - 1, key))
                            elif ev == "end_map":
                                ctx = LINES
                                break
                            elif ev in scalars:
                                if cur.setdefault(key, val) is not val:
                                    dups.append((len(lines) - 1, key))
                            else:
                                ctx, nested = NESTED, [_open(ev, cur, key, LINE)]
                                break
                    elif ev == "end_array":
                        ctx, cur = OBJECT, scratch if oversize else obj
                    else:  # a line that is not an object
                        n_lines += 1
                        if ev == "start_array":
                            holder: list[Any] = []
                            if n_lines <= limit:
                                lines.append(holder)
                            ctx, nested = NESTED, [[holder, None, LINES]]
                        elif n_lines <= limit:
                            lines.append(val)
                elif ctx == LINE:  # a line continued from the previous block
                    if ev == "map_key":
                        key = val
                    elif ev == "end_map":
                        ctx = LINES
                    elif ev in scalars:
                        if cur.setdefault(key, val) is not val:
                            dups.append((len(lines) - 1, key))
                    else:
                        ctx, nested = NESTED, [_open(ev, cur, key, LINE)]
                elif ctx == ARRAY:
                    index += 1
                    if ev == "start_map":
                        obj = cur = {}
                        n_lines, limit, oversize, dups = 0, MAX_LINES + 1, False, []
                        started = self.bytes_read
                        ctx = OBJECT
                        for ev, val in it:
                            if ev == "map_key":
                                key = val
                            elif ev in ("string", "number"):
                                if cur.setdefault(key, val) is not val:
                                    dups.append((-1, key))
                            elif (
                                ev == "start_array"
                                and key == "lines"
                                and top_key == "entries"
                                and "lines" not in cur
                            ):
                                lines = cur["lines"] = []
                                ctx = LINES
                                break
                            elif ev == "end_map":
                                ctx, cur = ARRAY, None
                                if top_key == "entries":
                                    done = self._entry(obj, index, n_lines, dups, oversize)
                                    n_lines = 0
                                else:
                                    done = self._declare(top_key, obj, index, dups, oversize)
                                if type(done) is list:
                                    yield from done
                                else:
                                    yield done
                                break
                            elif ev in scalars:
                                if cur.setdefault(key, val) is not val:
                                    dups.append((-1, key))
                            else:
                                ctx, nested = NESTED, [_open(ev, cur, key, OBJECT)]
                                break
                    elif ev == "end_array":
                        ctx, index = TOP, index - 1
                    else:
                        if ev == "start_array":
                            ctx, depth, skip_back, val = SKIP, 1, ARRAY, []
                        yield self._not_an_object(top_key, index, val)
                elif ctx == OBJECT:  # an object continued from the previous block, or after its lines
                    if ev == "map_key":
                        key = val
                    elif ev in scalars:
                        if cur.setdefault(key, val) is not val:
                            dups.append((-1, key))
                    elif ev == "end_map":
                        ctx, cur = ARRAY, None
                        if top_key == "entries":
                            done = self._entry(obj, index, n_lines, dups, oversize)
                            n_lines = 0
                        else:
                            done = self._declare(top_key, obj, index, dups, oversize)
                        if type(done) is list:
                            yield from done
                        else:
                            yield done
                    elif (
                        ev == "start_array" and key == "lines" and top_key == "entries" and "lines" not in cur
                    ):
                        lines = cur["lines"] = []
                        ctx = LINES
                    else:
                        ctx, nested = NESTED, [_open(ev, cur, key, OBJECT)]
                elif ctx == NESTED:
                    frame = nested[-1]
                    if ev == "map_key":
                        frame[1] = val
                    elif ev == "end_map" or ev == "end_array":
                        nested.pop()
                        if not nested:
                            ctx = frame[2]
                    else:
                        if ev == "start_map" or ev == "start_array":
                            if len(nested) > 16:  # deeper than any value of the document: not kept
                                ctx, depth, skip_back = SKIP, len(nested) + 1, nested[0][2]
                                continue
                            new: Any = {} if ev == "start_map" else []
                            nested.append([new, None, NESTED])
                            val = new
                        container = frame[0]
                        if type(container) is list:
                            container.append(val)
                        else:
                            container.setdefault(frame[1], val)
                elif ctx == SKIP:
                    if ev == "start_map" or ev == "start_array":
                        depth += 1
                    elif ev == "end_map" or ev == "end_array":
                        depth -= 1
                        if depth == 0:
                            ctx = skip_back
                elif ctx == TOP:
                    if ev == "map_key":
                        if val in self._top_keys:
                            yield ParseError.of(
                                0, shown(val, 30), "DUPLICATE_KEY", field=shown(val), scope="document"
                            )
                            top_key = _DUP
                        else:
                            self._top_keys.add(val)
                            top_key = val
                    elif ev == "end_map":
                        ctx = _END
                    elif ev in scalars:
                        problem = self._top_scalar(top_key, val)
                        if problem is not None:
                            yield problem
                            if self.fatal is not None:
                                return
                    else:
                        if not ready:
                            ready = True
                            yield _READY
                        if ev == "start_array" and top_key in _ARRAYS:
                            ctx, index = ARRAY, -1
                            self._entries_seen = self._entries_seen or top_key == "entries"
                        else:
                            ctx, depth, skip_back = SKIP, 1, TOP
                            problem = self._top_value(
                                top_key, {"found": "object" if ev == "start_map" else "array"}
                            )
                            if problem is not None:
                                yield problem
                                if self.fatal is not None:
                                    return
                elif ctx == _START:  # the head check saw '{'
                    ctx = TOP
            if ctx != TOP and ctx != ARRAY and ctx != _END:
                if not oversize and self.bytes_read - started > MAX_OBJECT_BYTES:
                    oversize, limit = True, 0
                    lines.clear()
                    kept = {k: obj[k] for k in _ID_KEYS if k in obj and type(obj[k]) is str}
                    obj.clear()
                    obj.update(kept)
                    if ctx == NESTED:
                        ctx, depth, skip_back = SKIP, len(nested), nested[0][2]
                    if ctx in (OBJECT, LINE) or skip_back in (LINE, OBJECT):
                        cur = scratch
                elif oversize and len(scratch) > 1000:
                    scratch.clear()
                self.line_count = self._lines_before + n_lines
        if self.fatal is not None:
            if self.fatal.code == "VALUE_TOO_LONG":  # say where: the value being read when it began
                where = _where(ctx, top_key, index, n_lines, key, self._last_event == "map_key")
                path = "" if where == "the document" else where
                self.fatal = ParseError.of(0, where, "VALUE_TOO_LONG", **self.fatal.values, path=path)
            yield self.fatal
        self._done = True
        if not ready:
            yield _READY

    # --- the top level

    def _top_scalar(self, key: str, value: object) -> ParseError | None:
        if key == "version":
            self._version = value
            if not _is_version(value):
                self.fatal = _bad_version(value)
                return self.fatal
            return None
        if key == "company":
            if value is not None and (type(value) is not str or _is_mark(value)):
                self.fatal = ParseError.of(0, "company", "BAD_VALUE", reason="company", **_kind(value))
                return self.fatal
            company = value or ""
            if len(company) > FIELD_MAX["company"]:
                self.fatal = _company_too_long(company)
                return self.fatal
            if self._company_seen or company == self._company:
                return None
            if self._emitted:
                self.fatal = ParseError.of(
                    0, "company", "LATE_COMPANY", company=shown(company), objects=self._emitted
                )
                return self.fatal
            self._company, self._company_seen = str(company), True
            return None
        if key in _ARRAYS:
            return self._top_value(key, _kind(value))
        if key == _DUP:
            return None
        return _unknown_top_key(key)

    def _top_value(self, key: str, kind: dict[str, Param]) -> ParseError | None:
        """A top-level value of the wrong kind (`kind`: its parameters), or under an unknown key."""
        if key == _DUP:
            return None
        if key == "entries" or key == "version" or key == "company":
            what = {"entries": "entries", "version": "version", "company": "text"}[key]
            self.fatal = ParseError.of(0, key, "WRONG_TYPE", field=key, expected=what, **kind)
            return self.fatal
        if key in _ARRAYS:
            return ParseError.of(0, key, "WRONG_TYPE", field=key, expected="array", ignored=1, **kind)
        return _unknown_top_key(key)

    def _not_an_object(self, array: str, index: int, value: object) -> Item:
        column = f"{array}[{index}]"
        where: dict[str, Param] = (
            {"in_entry": str(index + 1)}
            if array == "entries"
            else {"declaration": array, "in_record": str(index + 1)}
        )
        error = ParseError.of(0, column, "WRONG_TYPE", expected="object", **where, **_kind(value))
        if array == "entries":
            return RejectedEntry("", "", (), (), (error,))
        return error

    # --- objects

    def _declare(self, array: str, obj: dict[str, Any], index: int, dups: list[tuple[int, str]],
                 oversize: bool) -> MasterRecord | list[Item]:  # fmt: skip
        """A MasterRecord, or the declaration's errors."""
        adapter, kind, code_key, label_key = _DECLARATIONS[array]
        base = f"{array}[{index}]"
        code = obj.get(code_key)
        shown_code = f" ({shown(code)})" if isinstance(code, str) and code and not _is_mark(code) else ""
        where: dict[str, Param] = {"declaration": array, "in_record": f"{index + 1}{shown_code}"}
        problems: list[tuple[str, str, dict[str, Param]]] = []
        if oversize:
            problems.append((base, "OBJECT_TOO_LARGE", {"size": _size(MAX_OBJECT_BYTES)}))
        else:
            errors: list[Any] = _marks(obj) if self._guard.replaced or self._guard.nul_seen else []
            try:
                data = adapter.validate_python(obj, context=self._context)
            except ValidationError as exc:
                errors += [e for e in exc.errors(include_url=False) if not _is_mark(e.get("input"))]
            if not errors:
                limits = ((code_key, MASTER_CODE_MAX[kind]), (label_key, MASTER_LABEL_MAX),
                          ("company", FIELD_MAX["company"]))  # fmt: skip
                errors = [_too_long((key,), data[key], limit)
                          for key, limit in limits if len(data.get(key) or "") > limit]  # fmt: skip
            for error in errors:
                code_, params = _explain(error, _KEYS[array], self._places)
                problems.append((_path(base, error["loc"]), code_, params))
        if not oversize:
            problems.extend((f"{base}.{k}", "DUPLICATE_KEY", {"field": shown(k, 30)}) for _, k in dups)
        if problems:
            found: list[Item] = [
                ParseError.of(0, column, code_, **params, **where) for column, code_, params in problems
            ]
            return found
        company = data.get("company") or self._company
        label, code = data[label_key], data[code_key]
        labels = self._labels.get(kind)
        if labels is not None and len(labels) < 100_000:
            labels[code] = label
        self._emitted += 1
        return MasterRecord(kind, code, label, data.get("kind") or "", company, 0)  # type: ignore[arg-type]

    def _entry(self, obj: dict[str, Any], index: int, n_lines: int, dups: list[tuple[int, str]],
               oversize: bool) -> Entry | list[Item]:  # fmt: skip
        """The Entry (the common case), or a list: its findings then the Entry, or the RejectedEntry."""
        first = self._lines_before + 1
        self._lines_before += n_lines
        self.line_count = self._lines_before
        self._emitted += 1
        if oversize or dups:  # (an oversized entry's keys went to scratch: no duplicates to tell)
            return [self._refuse(obj, index, first, n_lines, [], [] if oversize else dups, oversize)]
        marks = _marks(obj) if self._guard.replaced or self._guard.nul_seen else []
        try:
            data: EntryIn = _ENTRY.validate_python(obj, context=self._context)
        except ValidationError as exc:
            errors = marks + [e for e in exc.errors(include_url=False) if not _is_mark(e.get("input"))]
            return [self._refuse(obj, index, first, n_lines, errors, dups, oversize)]
        if marks:
            return [self._refuse(obj, index, first, n_lines, marks, dups, oversize)]
        journal, number, day = data["journal"], data["number"], data["date"]
        label = data.get("label") or ""
        currency = data.get("currency") or ""
        company = data.get("company") or ""
        problems: list[dict[str, Any]] = []
        if (
            len(journal) > _M_JOURNAL
            or len(number) > _M_NUMBER
            or len(label) > _M_LABEL
            or len(company) > _M_COMPANY
        ):
            problems = [
                _too_long((key,), value, FIELD_MAX[field])
                for key, value, field in (("journal", journal, "journal_code"), ("number", number, "entry_number"),
                                          ("label", label, "label"), ("company", company, "company"))
                if len(value) > FIELD_MAX[field]
            ]  # fmt: skip
        m_acc, m_aux, m_ref, m_lab, m_let, m_ana, m_inv, big = (
            *(FIELD_MAX[f] for f in ("account_number", "aux_number", "piece_ref", "label", "lettering", "analytic",
                                     "invoice_ref")),
            AMOUNT_MAX,
        )  # fmt: skip
        jlabel = self._labels["journal"].get(journal, "")
        accounts, parties = self._labels["account"], self._labels["third_party"]
        make = new_entry_line
        out: list[EntryLine] = []
        notes: list[ParseError] | None = None
        debits = credits = 0
        line_no = first
        account_label, party_label, add = accounts.get, parties.get, out.append
        lines: list[dict[str, Any]] = data["lines"]  # type: ignore[assignment]
        for ln in lines:
            get = ln.get
            debit = get("debit") or 0
            credit = get("credit") or 0
            if debit < 0 or credit < 0 or (debit == 0) == (credit == 0):
                if notes is None:
                    notes = []
                debit, credit = _sides(
                    debit, credit, line_no, f"entries[{index}].lines[{line_no - first}]", notes, self._places
                )
            account = ln["account"]
            aux = get("thirdParty") or ""
            piece, text, letter, section = get("pieceRef") or "", get("label") or "", get("lettering") or "", get("analytic") or ""  # fmt: skip
            invoice = get("invoiceRef") or ""
            if (
                len(account) > m_acc or len(aux) > m_aux or len(piece) > m_ref or len(text) > m_lab
                or len(letter) > m_let or len(section) > m_ana or len(invoice) > m_inv or debit > big or credit > big
            ):  # fmt: skip
                problems += _line_problems(ln, line_no - first, debit, credit)
            add(make(line_no, journal, jlabel, number, day, account, account_label(account, ""), aux,
                     party_label(aux, "") if aux else "", piece, get("pieceDate"), text or label, debit,
                     credit, letter, None, None, None, currency, section, get("dueDate"), invoice))  # fmt: skip
            debits += debit
            credits += credit
            line_no += 1
        if problems:
            return [self._refuse(obj, index, first, n_lines, problems, [], False)]
        if debits != credits or debits > ENTRY_TOTAL_MAX:
            problem = balance_error(_entry_name(index, journal, number), first, debits, credits, self._places)
            if problem is not None:
                return [self._refuse(obj, index, first, n_lines, [], [], False, problem)]
        entry = new_entry(journal, jlabel, number, day, tuple(out), data.get("company") or self._company)
        if notes is None:
            return entry
        name = _entry_name(index, journal, number)
        found: list[Item] = [
            ParseError.of(note.line, note.column, note.code, note.severity, in_entry=name, **note.values,
                          entry_line=note.line - first + 1)
            for note in notes
        ]  # fmt: skip
        found.append(entry)
        return found

    def _refuse(self, obj: dict[str, Any], index: int, first: int, n_lines: int, errors: list[Any],
                dups: list[tuple[int, str]], oversize: bool,
                entry_error: ParseError | None = None) -> RejectedEntry:  # fmt: skip
        journal, number = obj.get("journal"), obj.get("number")
        journal = journal if isinstance(journal, str) and not _is_mark(journal) else ""
        number = number if isinstance(number, str) and not _is_mark(number) else ""
        name = _entry_name(index, journal, number)
        base = f"entries[{index}]"
        at_entry = first if n_lines else 0
        found: list[ParseError] = []
        if oversize:
            size = _size(MAX_OBJECT_BYTES)
            found.append(ParseError.of(at_entry, base, "ENTRY_TOO_LARGE", in_entry=name, size=size))
        if entry_error is not None:
            found.append(replace(entry_error, line=at_entry))
        keys = {"entry": _KEYS["entry"], "line": _KEYS["line"]}
        for error in errors[:100]:
            loc = error["loc"]
            code, params = _explain(
                error, keys["line" if len(loc) > 2 and loc[0] == "lines" else "entry"], self._places
            )
            if code == "TOO_MANY_LINES" or code == "NO_LINES":
                found.append(ParseError.of(at_entry, f"{base}.lines", code, in_entry=name, **params))
            elif len(loc) > 1 and loc[0] == "lines" and isinstance(loc[1], int):
                where = {"in_entry": name, "entry_line": loc[1] + 1, **params}
                found.append(ParseError.of(first + loc[1], _path(base, loc), code, **where))
            else:
                found.append(ParseError.of(at_entry, _path(base, loc), code, in_entry=name, **params))
        if len(errors) > 100:
            found.append(ParseError.of(at_entry, base, "MORE_ERRORS", in_entry=name, more=len(errors) - 100))
        for at, key in dups:
            line = first + at if at >= 0 else at_entry
            column = f"{base}.lines[{at}].{key}" if at >= 0 else f"{base}.{key}"
            place: dict[str, Param] = (
                {"in_entry": name, "entry_line": at + 1} if at >= 0 else {"in_entry": name}
            )
            found.append(ParseError.of(line, column, "DUPLICATE_KEY", **place, field=shown(key, 30)))
        listed = min(n_lines, MAX_LINES + 1)
        if n_lines > listed:
            found.append(
                ParseError.of(first + listed, f"{base}.lines[{listed}]", "TOO_MANY_LINES", in_entry=name,
                              first=first + listed, last=first + n_lines - 1, path=f"{base}.lines[{listed}]")
            )  # fmt: skip
        text = "" if oversize else _dump(_with_company(obj, self._company))
        raw = (text, *([""] * (listed - 1))) if listed else ()
        return RejectedEntry(journal, number, tuple(range(first, first + listed)), raw, tuple(found))


def _where(ctx: int, top_key: str, index: int, n_lines: int, key: str, named: bool) -> str:
    """The path of the value the walk is in (`ctx`, as the loop's variables say; `named`: the value of the
    last key read, else the next key or element), for a located error."""
    if ctx == _TOP:
        return shown(top_key, 20) if named else "the document"
    top, field = shown(top_key, 20), f".{shown(key, 20)}" if named else ""
    if ctx in (_LINE, _LINES):
        line = f"{top}[{index}].lines[{max(n_lines - 1, 0)}]"
        return f"{line}{field}" if ctx == _LINE else line
    if ctx == _OBJECT:
        return f"{top}[{index}]{field}"
    if ctx in (_ARRAY, _NESTED, _SKIP) and top_key in _ARRAYS:
        return f"{top}[{max(index, 0)}]"
    return top or "the document"


def _size(n: int) -> str:
    return f"{n / 2**20:g} MiB" if n >= 2**20 else f"{n / 1024:g} KiB"


def _entry_name(index: int, journal: str, number: str) -> str:
    """An entry as messages name it: its rank in the document, then its journal and number when read
    ("3 (VT 12)": "entry 3 (VT 12), line 2: …", "Entry 3 (VT 12) is unbalanced: …")."""
    name = f"{shown(journal, 20)} {shown(number)}".strip()
    return f"{index + 1}" + (f" ({name})" if name else "")


def _sides(debit: int, credit: int, line_no: int, path: str, notes: list[ParseError], places: int) -> tuple[int, int]:  # fmt: skip
    """formats/entries.sides, on the line at `path` (entries[0].lines[1])."""
    texts = (_cents_text(debit, places), _cents_text(credit, places))
    return sides(debit, credit, line_no, notes, fields=("debit", "credit"), texts=texts, places=places,
                 columns=(f"{path}.debit", f"{path}.credit"), column=path)  # fmt: skip


def _open(ev: str, parent: dict[str, Any], key: str, back: int) -> list[Any]:
    """The frame of a container met where a scalar is expected (kept, for the error and the raw text)."""
    new: Any = {} if ev == "start_map" else []
    parent.setdefault(key, new)
    return [new, None, back]


def _is_version(value: object) -> bool:
    return (type(value) is int or type(value) is Decimal) and value == VERSION


def _company_too_long(company: str) -> ParseError:
    limit = FIELD_MAX["company"]
    return ParseError.of(
        0,
        "company",
        "FIELD_TOO_LONG",
        field="company",
        value=shown(company),
        length=len(company),
        maximum=limit,
    )


def _bad_version(value: object) -> ParseError:
    if isinstance(value, str) and not _is_mark(value):
        return ParseError.of(0, "version", "UNSUPPORTED_VERSION", value=_shown(value), reason="string")
    return ParseError.of(0, "version", "UNSUPPORTED_VERSION", value=_shown(value))


def _unknown_top_key(key: str) -> ParseError:
    close = difflib.get_close_matches(key[:40], _KEYS[""], n=1)
    hint: dict[str, Param] = {"suggestion": close[0]} if close else {"known": ", ".join(_KEYS[""])}
    return ParseError.of(0, shown(key, 30), "UNKNOWN_FIELD", field=shown(key), scope="document", **hint)


def _with_company(obj: dict[str, Any], default: str) -> dict[str, Any]:
    if not default or (isinstance(obj.get("company"), str) and obj["company"]):
        return obj
    return {**obj, "company": default}


def _dump(value: Any) -> str:
    """JSON text of a value as ijson built it (exact Decimal numbers kept as written)."""
    kind = type(value)
    if kind is dict:
        return (
            "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{_dump(v)}" for k, v in value.items()) + "}"
        )
    if kind is list:
        return "[" + ",".join(_dump(v) for v in value) + "]"
    if kind is Decimal or kind is int:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def open_json(stream: BinaryIO, filename: str | None = None, places: int = 2) -> JsonFile:
    """Open a JSON entries document: encoding, first bytes, end and leading keys are checked now, the
    objects when `items()` runs. Amounts are read in a currency of `places` decimals (the company's)."""
    return JsonFile(stream, filename, places)
