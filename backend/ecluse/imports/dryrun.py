"""A dry run: read a sample file exactly as staging would (same parser, same fiscal-year and company
checks) and return its first entries and every problem, writing nothing anywhere."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass, field
from typing import Any

from ecluse.formats.records import FileInfo, ParseError
from ecluse.imports.feed import Chunk, Header, Source, StagedEntry, feed
from ecluse.imports.targets import targets_for
from ecluse.money import exponent

#: A sample is read in memory: keep it small (the real import streams files of any size).
MAX_SAMPLE_BYTES = 5 << 20
#: Problems returned at most (the counts stay exact).
MAX_PROBLEMS = 1000


@dataclass
class DryRun:
    info: FileInfo | None = None
    fatal: ParseError | None = None
    entries: list[StagedEntry] = field(default_factory=list)
    #: Each problem, with the first and last lines of the entry it refused (None for a finding).
    problems: list[tuple[ParseError, tuple[int, int] | None]] = field(default_factory=list)
    entry_count: int = 0
    rejected_entry_count: int = 0
    error_count: int = 0
    finding_count: int = 0
    line_count: int = 0
    companies: dict[int, str] = field(default_factory=dict)  # company id → name, for entries shown


def _run(data: bytes, filename: str, source: Source, target: Any, limit: int) -> DryRun:
    out = DryRun()
    for message in feed(io.BytesIO(data), filename, 5000, target, source):
        if isinstance(message, Header):
            out.info, out.fatal = message.info, message.fatal
        elif isinstance(message, Chunk):
            out.entry_count += len(message.entries)
            # Entry lines only, refused ones included (as a batch counts them): not the header, blank or
            # parameter lines the parser read.
            out.line_count += len(message.lines.line) + sum(len(r.lines) for r in message.refused)
            room = min(limit - len(out.entries), len(message.entries))
            out.entries.extend(message.entry(index) for index in range(max(0, room)))
            problems: list[tuple[ParseError, tuple[int, int] | None]] = [
                (e, r.span) for r in message.refused for e in r.errors
            ]
            problems += [(note, None) for note in message.notes]
            out.rejected_entry_count += len(message.refused)
            for problem, span in problems:
                if problem.severity == "error":
                    out.error_count += 1
                else:
                    out.finding_count += 1
                if len(out.problems) < MAX_PROBLEMS:
                    out.problems.append((problem, span))
    out.problems.sort(key=lambda p: (p[0].line, p[0].severity != "error"))
    return out


async def dry_run(
    *,
    company_id: int,
    user_id: int | None,
    data: bytes,
    filename: str,
    format: str,
    layout: dict[str, Any] | None,
    ranges: list[dict[str, Any]],
    limit: int,
    currency: str = "EUR",
) -> DryRun:
    target = await targets_for(company_id, user_id)
    source = Source(format, layout, ranges, exponent(currency))
    # The parse is CPU work: a thread keeps the event loop serving everyone else meanwhile.
    return await asyncio.to_thread(_run, data, filename, source, target, max(0, min(limit, 500)))
