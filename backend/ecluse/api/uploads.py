"""File parts of multipart requests: checked to be files, read in chunks, always closed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from graphql import GraphQLError
from starlette.datastructures import UploadFile

from ecluse.storage import CHUNK


@asynccontextmanager
async def uploaded(file: Any, field: str = "file") -> AsyncIterator[UploadFile]:
    """The upload behind an `Upload` argument. A part sent without a file name reaches us as plain text,
    not a file: that is the client's mistake, told as such. Closed on every path (Starlette spools big
    uploads to disk)."""
    if not isinstance(file, UploadFile):
        raise GraphQLError(
            f"`{field}` must be a file part of the multipart request, sent with a file name.",
            extensions={"code": "BAD_USER_INPUT", "field": field},
        )
    try:
        yield file
    finally:
        await file.close()


async def upload_chunks(upload: UploadFile) -> AsyncIterator[bytes]:
    while chunk := await upload.read(CHUNK):
        yield chunk
