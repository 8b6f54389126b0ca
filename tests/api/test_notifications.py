"""Notifications say the real outcome of an import, with the dossier and the counts as of the change, and for
a file that could not be read, why (the first error's code and parameters): each client says it in its
user's language."""

from __future__ import annotations

import time
from typing import Any

from ecluse.demo import demo_fec
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
NOTES = "{ notifications(first: 10) { nodes { kind batchId fileName params } } }"


def _note(api: Api, token: str, batch_id: str) -> dict[str, Any]:
    """The batch's notification: written just after its status is published, so it is waited for."""
    deadline = time.monotonic() + 20
    while True:
        nodes = api.gql(NOTES, token=token)["notifications"]["nodes"]
        found = [n for n in nodes if n["batchId"] == batch_id]
        if found or time.monotonic() > deadline:
            assert found, f"no notification for batch {batch_id}"
            return dict(found[0])
        time.sleep(0.05)


def test_each_outcome_has_its_kind_and_what_it_speaks_of(api: Api, firm: dict[str, Any]) -> None:
    token, company = firm["tokens"]["admin"], firm["company"]
    clean = api.upload(company, "clean.txt", demo_fec(4, 2025, seed=3), token=token)["batch"]
    assert api.wait_batch(clean["id"], DONE, token=token)["status"] == "PENDING_VALIDATION"
    assert _note(api, token, clean["id"]) == {
        "kind": "PARSE_DONE", "batchId": clean["id"], "fileName": "clean.txt",
        "params": {"file": "clean.txt", "company": "Boulangerie Martin", "entries": 4, "rejected": 0},
    }  # fmt: skip
    # Some entries refused: not announced as simply ready.
    mixed = api.upload(company, "mixed.txt", demo_fec(6, 2025, seed=4, unbalanced=2), token=token)["batch"]
    assert api.wait_batch(mixed["id"], DONE, token=token)["status"] == "FINISHED_WITH_ERROR"
    note = _note(api, token, mixed["id"])
    assert note["kind"] == "PARSE_DONE_WITH_ERRORS"
    assert (note["params"]["entries"], note["params"]["rejected"]) == (4, 2)
    # A file that cannot be read says why, by code.
    empty = api.upload(company, "empty.txt", b"", token=token)["batch"]
    assert api.wait_batch(empty["id"], DONE, token=token)["status"] == "FAILED"
    failed = _note(api, token, empty["id"])
    assert failed["kind"] == "PARSE_FAILED" and failed["params"]["code"] == "EMPTY_FILE"
    assert failed["params"]["error_file"] == "empty.txt"
    # The list a console reads says why for the FAILED one only.
    listed = api.gql("query($c: ID!) { importBatches(companyId: $c) { nodes { id failure { code } } } }",
                     {"c": company}, token=token)["importBatches"]["nodes"]  # fmt: skip
    assert {b["id"]: b["failure"] for b in listed} == {
        clean["id"]: None, mixed["id"]: None, empty["id"]: {"code": "EMPTY_FILE"},
    }  # fmt: skip
