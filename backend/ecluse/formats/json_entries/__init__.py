"""The JSON entries document of partner applications (docs/formats/json.md), streaming and pure.

    {"version": 1, "company": "ACME", "journals": [...], "accounts": [...], "thirdParties": [...],
     "analyticSections": [...], "entries": [{"journal": "VT", "number": "VT0001", "date": "2026-01-31",
                                             "lines": [{"account": "411000", "debit": "1200.00"}, ...]}]}

The bytes are tokenised by ijson's C backend (yajl) 64 KiB at a time; this module turns the events into
one object at a time (a declaration or an entry, never the whole document), validates it with pydantic
(the TypedDicts below, which are also the published JSON Schema: `json_schema()`), and yields records in
document order: `MasterRecord` for declarations, `Entry` or `RejectedEntry` for entries, `ParseError`
for what is wrong elsewhere. Keys may come in any order; `version` and `company`, when they come after
the arrays, are found by a quick look-ahead on a seekable stream (see `JsonFile`).

Line numbers: JSON has no useful physical lines, so the n-th line object of the document is line n, and
every error names its place exactly in `column` (`entries[12].lines[3].debit`). A refused entry keeps
its own JSON text (company filled in) as its first raw line; `rejected_document()` turns those texts
back into a document the sender can fix and re-send.

Limits, each a located error (work stays linear, memory bounded, whatever the document): a token (a string
or key) of at most MAX_TOKEN_BYTES (VALUE_TOO_LONG: the document stops, its place named), strings of at
most MAX_STRING characters and every field within its column (FIELD_TOO_LONG, formats/limits.py), numbers
of at most MAX_NUMBER_DIGITS digits in a row (NUMBER_TOO_LONG: `_NumberGuard` keeps longer ones from the
tokeniser, which would convert them), values nested at most 16 deep (deeper ones are skipped, their
container refused by type), MAX_OBJECT_BYTES per entry or declaration, MAX_LINES lines per entry.

    python -m ecluse.formats.json_entries > docs/formats/ecluse-entries.schema.json

The package, by concern: `schema` (the document's TypedDicts and `json_schema()`), `guards` (numbers too
long to read, syntax-error location), `explain` (validation errors as codes and messages), `parser`
(`JsonFile`, `open_json`), `rejected` (`entry_texts`, `rejected_document`); `__main__` writes the schema.
"""

from ecluse.formats.json_entries.parser import JsonFile, open_json
from ecluse.formats.json_entries.rejected import entry_texts, rejected_document
from ecluse.formats.json_entries.schema import json_schema

__all__ = ["JsonFile", "entry_texts", "json_schema", "open_json", "rejected_document"]
