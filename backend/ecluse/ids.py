"""Record ids as clients send them: text that must name a row before it reaches a query."""

from __future__ import annotations

from typing import Any

#: Record ids are 32-bit integers on PostgreSQL (serial): a larger number names no record, and sent to the
#: driver it would fail as an overflow rather than "not found".
MAX_ID = 2**31 - 1


def parse_id(value: Any) -> int | None:
    """The id `value` names (ASCII digits only, within the database's range), or None."""
    text = str(value)
    if not (0 < len(text) <= 10 and text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
