"""File names that arrive with uploads and leave with downloads.

A received name is only a label: it is cut to its last path segment, stripped of control and invisible
formatting characters (a right-to-left override can make `invoice‮txt.exe` show as `invoiceexe.txt`), and
bounded. A download names its file per RFC 6266: an ASCII fallback plus the exact name in `filename*`
(RFC 5987), so non-Latin-1 names work and nothing in a name can add a parameter to the header.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

MAX_NAME = 255
#: Unicode categories dropped from names: controls, invisible formatting (bidi overrides, zero-width
#: joiners), line and paragraph separators, unassigned and private-use code points, surrogates.
_DROPPED = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


def safe_file_name(name: str | None, default: str = "upload") -> str:
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(c for c in base if unicodedata.category(c) not in _DROPPED)
    base = base.strip(" .")  # no hidden files, nothing Windows would silently drop
    if len(base) > MAX_NAME:  # keep the extension: it says what the file is
        stem, dot, ext = base.rpartition(".")
        ext = ext[:20] if dot else ""
        base = (stem if dot else base)[: MAX_NAME - len(ext) - 1].rstrip(" .") + ("." + ext if ext else "")
    return base or default


def content_disposition(name: str, disposition: str = "attachment") -> str:
    """The `Content-Disposition` header of a download named `name` (RFC 6266 / RFC 5987)."""
    exact = safe_file_name(name, "download")
    fallback = "".join(c if c.isascii() and c not in '"\\;%' else "_" for c in exact)
    header = f'{disposition}; filename="{fallback}"'
    if fallback != exact:
        header += f"; filename*=UTF-8''{quote(exact, safe='')}"
    return header
