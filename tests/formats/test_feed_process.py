"""The feed of a big file comes from a child process (imports/feed.py `messages`): the same messages as the
thread path, in order, received one ahead; a child that fails or a caller that stops early ends cleanly."""

from __future__ import annotations

import multiprocessing
import pickle
from datetime import date
from pathlib import Path

import pytest

from ecluse.imports import feed as feed_module
from ecluse.imports.feed import Chunk, End, Header, LineColumns, Source, Target, messages
from tests.formats import samples as s

TARGET = Target(companies={"": 1}, years={1: [(1, date(2025, 1, 1), date(2025, 12, 31))]})


def _file(tmp_path: Path) -> Path:
    rows = [row for n in range(1, 41) for row in s.fec_entry(f"VT{n:03}", ["10,00", "2,50"])]
    rows += s.fec_entry("VT041", ["1,00"], EcritureDate="20240101")  # no open year: refused by the feed
    path = tmp_path / "123456782FEC20251231.txt"
    path.write_bytes(s.fec_file(rows))
    return path


async def _all(path: Path, size: int) -> list[object]:
    return [m async for m in messages(path, size, path.name, 7, TARGET, Source("FEC"))]


def _summary(sent: list[object]) -> list[object]:
    out: list[object] = []
    for m in sent:
        if isinstance(m, Chunk):
            out.append(
                ("chunk", m.entries.number, m.lines.line, m.lines.debit, [r.number for r in m.refused])
            )
        elif isinstance(m, Header):
            out.append(("header", m.info, m.fatal))
        else:
            out.append(m)
    return out


async def test_the_child_process_sends_what_the_thread_path_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(tmp_path)
    size = len(path.read_bytes())
    in_thread = await _all(path, size)
    monkeypatch.setattr(feed_module, "PROCESS_THRESHOLD", 0)
    from_child = await _all(path, size)
    assert _summary(from_child) == _summary(in_thread)
    # VT041 is out of order: the 32 entries before the last 8 come read as columns (in chunks of 7: 5), those
    # 8 and VT041 line by line (2 chunks)
    assert isinstance(from_child[-1], End) and sum(isinstance(m, Chunk) for m in from_child) == 7
    refused = [r.number for m in from_child if isinstance(m, Chunk) for r in m.refused]
    assert refused == ["VT041"]
    assert not multiprocessing.active_children()


async def test_a_caller_that_stops_early_leaves_no_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(tmp_path)
    monkeypatch.setattr(feed_module, "PROCESS_THRESHOLD", 0)
    feed = messages(path, len(path.read_bytes()), path.name, 7, TARGET, Source("FEC"))
    first = await feed.__anext__()
    assert isinstance(first, Header) and first.fatal is None
    await feed.aclose()  # the next message was being received: the child is stopped, the pipe closed
    assert not multiprocessing.active_children()


async def test_a_child_that_fails_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "PROCESS_THRESHOLD", 0)
    missing = tmp_path / "gone.txt"  # the stored file vanished: the child cannot open it
    with pytest.raises(RuntimeError, match="FileNotFoundError"):
        [m async for m in messages(missing, 10, "gone.txt", 7, TARGET, Source("FEC"))]
    assert not multiprocessing.active_children()


def test_columns_cross_the_pipe_unchanged() -> None:
    """Text and date columns are packed into one string each when pickled; every value comes back as it
    was: empty text, missing dates, a value holding the separator itself, an empty chunk."""
    lines = LineColumns(
        entry=[0, 0, 1], line=[2, 3, 4], account=["411", "706", "512"], third_party=["C1", "", ""],
        piece_ref=["F1", "F1\x00x", ""], piece_date=["2025-01-02", None, None], label=["a", "", "é|b"],
        debit=[100, 0, 5], credit=[0, 100, 0], lettering=["", "", "AA"], lettering_date=[None, None, "2025-02-01"],
        validation_date=[None, None, None], currency_amount=[None, 3, None], currency=["", "USD", ""],
        analytic=["", "", ""], due_date=["2025-03-01", None, None], invoice_ref=["", "", ""],
    )  # fmt: skip
    for columns in (lines, LineColumns()):
        again = pickle.loads(pickle.dumps(columns, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == columns
    state = lines.__getstate__()
    assert isinstance(state["label"], str) and isinstance(state["piece_date"], str)
    assert state["piece_ref"] == ["F1", "F1\x00x", ""]  # a value with the separator: sent as a list
