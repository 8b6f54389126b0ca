"""Downloads for those allowed to see a batch: the original file, its rejected lines (same format and
encoding, header kept, so the sender fixes and re-sends just those) and its errors as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ecluse.api.context import caller
from ecluse.filenames import content_disposition
from ecluse.formats.registry import ParseOptions, file_format, write_rejected
from ecluse.ids import parse_id
from ecluse.imports import queries
from ecluse.imports.access import visible_batch

if TYPE_CHECKING:  # the rows the routes serve; they read them through the domain's queries
    from ecluse.imports.models import ImportBatch, ReceivedFile


def _deny(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _batch_for(request: Request) -> tuple[ImportBatch, ReceivedFile] | JSONResponse:
    who = await caller(request)
    if who is None:
        return _deny(401, "log in, or send an API key")
    batch = await visible_batch(who, parse_id(request.path_params["batch_id"]))
    if batch is None:
        return _deny(404, "no such import, or you may not see it")
    return batch, await queries.received_file(batch)


def safe_cell(value: Any) -> str:
    """Neutralise spreadsheet formula injection (OWASP): a cell must not start with = + - @ or a control."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


async def original(request: Request) -> Response:
    found = await _batch_for(request)
    if isinstance(found, Response):
        return found
    _, received = found
    store = request.app.state.store
    return FileResponse(
        store.absolute(received.storage_path),
        media_type="application/octet-stream",
        headers={"content-disposition": content_disposition(received.name)},
    )


async def rejected(request: Request) -> Response:
    found = await _batch_for(request)
    if isinstance(found, Response):
        return found
    batch, received = found
    path = request.app.state.store.absolute(received.storage_path)
    stem, dot, ext = received.name.rpartition(".")
    name = f"{stem}_rejected.{ext}" if dot else f"{received.name}_rejected"
    lines: dict[int, str]
    if file_format(batch.format).rejects_from_texts:
        lines = await queries.rejected_texts(batch.id)
    else:
        lines = dict.fromkeys(await queries.rejected_lines(batch.id), "")
    options = ParseOptions(layout=batch.layout_definition)
    # A plain iterator: the response reads it in a worker thread, off the event loop.
    body = write_rejected(batch.format, lambda: path.open("rb"), lines, options)
    return StreamingResponse(
        body,
        media_type="application/octet-stream",
        headers={"content-disposition": content_disposition(name)},
    )


async def errors_csv(request: Request) -> Response:
    found = await _batch_for(request)
    if isinstance(found, Response):
        return found
    batch, received = found
    return StreamingResponse(
        _error_rows(batch.id, received.name),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": content_disposition(f"import_{batch.id}_errors.csv")},
    )


async def _error_rows(batch_id: int, file_name: str, page: int = 5000) -> AsyncIterator[bytes]:
    """The batch's errors and findings as CSV, a page at a time (a big file has a million of them)."""
    yield "\ufeff".encode()  # Excel reads the UTF-8 right with its mark
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["file", "line", "field", "code", "severity", "message"])
    last = (-1, 0)
    while True:
        issues = await queries.issues_by_line(batch_id, last, page)
        for issue in issues:
            writer.writerow(
                [
                    safe_cell(v)
                    for v in (file_name, issue.line, issue.column, issue.code, issue.severity, issue.message)
                ]
            )
        yield out.getvalue().encode()
        out.seek(0)
        out.truncate()
        if len(issues) < page:
            return
        last = (issues[-1].line, issues[-1].id)


def file_routes() -> list[Route]:
    return [
        Route("/files/batches/{batch_id}/original", original),
        Route("/files/batches/{batch_id}/rejected", rejected),
        Route("/files/batches/{batch_id}/errors.csv", errors_csv),
    ]
