"""The findings cap every parser applies: a file with a million lines dated 2025-01-15 instead of 20250115 says
so a thousand times, then once how many more there are, so that a batch's issue list stays readable and
bounded. Errors are never capped: each refused entry keeps every reason."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from ecluse.formats.records import ParseError

#: Findings listed per code; the rest are counted in one summary finding (line 0) per code.
FINDINGS_PER_CODE = 1000

T = TypeVar("T")


class FindingsCap:
    __slots__ = ("counts", "per_code")

    def __init__(self, per_code: int = FINDINGS_PER_CODE) -> None:
        self.per_code = per_code
        self.counts: dict[str, int] = {}

    def passing(self, items: Iterable[T]) -> Iterator[T]:
        """`items` in order, findings past the cap of their code left out (counted)."""
        counts, cap = self.counts, self.per_code
        for item in items:
            if type(item) is ParseError and item.severity == "finding":  # type: ignore[attr-defined]
                counts[item.code] = seen = counts.get(item.code, 0) + 1  # type: ignore[attr-defined]
                if seen > cap:
                    continue
            yield item

    def summary(self) -> Iterator[ParseError]:
        """One finding per capped code, of that code: how many were left out (`not_listed`), how many there
        were (`total`)."""
        for code, seen in self.counts.items():
            if seen > self.per_code:
                yield ParseError.of(0, None, code, "finding", not_listed=seen - self.per_code, total=seen)


def encoding_fallback(line: int) -> ParseError:
    """The finding of a file that turned out not to be UTF-8 (formats/reader.py then reads it as Latin)."""
    return ParseError.of(line, None, "ENCODING_FALLBACK", "finding", line=line)
