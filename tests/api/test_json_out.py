"""What the API writes as JSON (api/view.py `encode_json`, orjson): the same document json.dumps gives,
compact, text (WebSocket frames stay text frames), and an integer past 64 bits still written."""

from __future__ import annotations

import json

from ecluse.api.schema import schema
from ecluse.api.view import GuardedGraphQL
from ecluse.settings import Settings


def test_json_out_is_what_json_dumps_gives() -> None:
    view = GuardedGraphQL(schema, settings=Settings())
    documents = [
        {"data": {"importBatch": {"grid": {"rows": [[2, "VT", "2025-01-31", "1138.50", None, "é «»"]]}}}},
        {"id": "1", "type": "next", "payload": {"data": {"x": True, "n": 10**17}}},
        {"errors": [{"message": "m", "extensions": {"code": "BAD_DATE", "params": {"line": 3}}}]},
        {"big": 2**70, "label": "Réglé"},  # past orjson's 64 bits: json writes it
    ]
    for document in documents:
        written = view.encode_json(document)
        assert isinstance(written, str)
        assert written == json.dumps(document, separators=(",", ":"), ensure_ascii=False)
