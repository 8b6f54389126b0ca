"""Where received files live: a folder today, object storage later, behind the same small interface.

Files are written under a temporary name while being hashed, then moved to their content address
(`ab/cd/<sha256>`), so a half-written file is never taken for a received one.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


class TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        size = f"{limit / (1024 * 1024):.1f} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"
        super().__init__(f"the file is larger than the {size} limit")
        self.limit = limit


@dataclass(frozen=True, slots=True)
class StoredFile:
    path: str  # relative to the store's root
    size: int
    sha256: str


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    async def save(self, chunks: AsyncIterator[bytes], limit: int) -> StoredFile:
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge(limit)
                    digest.update(chunk)
                    await asyncio.to_thread(out.write, chunk)  # disk writes off the event loop
            sha = digest.hexdigest()
            rel = f"{sha[:2]}/{sha[2:4]}/{sha}"
            final = self.root / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
            return StoredFile(path=rel, size=size, sha256=sha)
        except BaseException:
            await asyncio.to_thread(Path(tmp).unlink, missing_ok=True)
            raise

    def open(self, path: str) -> BinaryIO:
        return (self.root / path).open("rb")

    def absolute(self, path: str) -> Path:
        return self.root / path


async def iter_file(stream: BinaryIO) -> AsyncIterator[bytes]:
    """Chunks of a local (already spooled) file object."""
    while chunk := stream.read(CHUNK):
        yield chunk
