"""Rejected JSON entries as a document the sender can fix: `entry_texts` reads a document again for the
texts of some entries, `rejected_document` joins refused entries' texts into a valid document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator
from typing import Any, BinaryIO

from ecluse.formats.json_entries.parser import JsonFile, _dump, _with_company


class _EntryTexts(JsonFile):
    """Reads a document again for the texts of the entries holding some line numbers (no validation)."""

    def __init__(self, stream: BinaryIO, lines: Collection[int]) -> None:
        self._wanted = sorted(lines)
        super().__init__(stream)

    def _entry(self, obj: dict[str, Any], index: int, n_lines: int, dups: list[tuple[int, str]],
               oversize: bool) -> list[Any]:  # fmt: skip
        first = self._lines_before + 1
        self._lines_before += n_lines
        at = bisect_left(self._wanted, first)
        if oversize or at == len(self._wanted) or self._wanted[at] >= first + n_lines:
            return []
        return [_dump(_with_company(obj, self._company))]


def entry_texts(stream: BinaryIO, lines: Collection[int]) -> Iterator[str]:
    """The JSON text of each entry holding one of `lines` (line-object numbers), with its company filled
    in, as `RejectedEntry.raw_lines` gives it, in document order: for entries refused after the parse (by
    staging: unknown company, no open fiscal year), whose refusal has no text. Nothing for a document that
    cannot be read, or an entry too large to keep."""
    items: Iterator[object] = _EntryTexts(stream, lines).items()
    return (item for item in items if isinstance(item, str))


def rejected_document(texts: Iterable[str]) -> bytes:
    """A document (UTF-8, version 1, entries only) made of refused entries' texts (`RejectedEntry.raw_lines`,
    in order; the "" of their other lines are skipped): the sender fixes it and sends it again."""
    body = ",\n".join(text for text in texts if text)
    return ('{"version": 1, "entries": [\n' + body + ("\n" if body else "") + "]}\n").encode("utf-8")
