"""Rejected-lines files of the line-based formats: the header and the refused lines, byte for byte (encoding
and line endings kept), so the sender fixes just those and sends them again."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import BinaryIO


def pick_lines(
    open_file: Callable[[], BinaryIO], wanted: Collection[int], header_lines: int = 1
) -> Iterator[bytes]:
    """The first `header_lines` lines and the `wanted` ones (1-based physical line numbers)."""
    wanted = set(wanted)
    with open_file() as stream:
        for number, raw in enumerate(stream, start=1):
            if number <= header_lines or number in wanted:
                yield raw


def pick_tra_lines(open_file: Callable[[], BinaryIO], wanted: Collection[int]) -> Iterator[bytes]:
    """As `pick_lines` with one header line, and a TRA file keeps its parameter records (`***…`: the
    accounts and third parties its lines use) and the analytic lines (TYPE_CPTE 'A', column 31) that
    follow a kept general line."""
    wanted = set(wanted)
    kept = False
    with open_file() as stream:
        for number, raw in enumerate(stream, start=1):
            analytic = kept and raw[30:31] == b"A"
            kept = number <= 1 or number in wanted or analytic or raw.startswith(b"***")
            if kept:
                yield raw
