"""The FEC flow end to end through GraphQL: upload → PENDING_VALIDATION → entries → validate → ledger."""

from __future__ import annotations

from decimal import Decimal

from ecluse.demo import demo_fec
from tests.corpus import FEC_CORPUS
from tests.support import Api

CORPUS = FEC_CORPUS
DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}


def test_upload_stage_validate_and_trial_balance(api: Api, firm: dict) -> None:
    token = firm["tokens"]["collaborator"]
    content = demo_fec(25, 2025, seed=7)
    payload = api.upload(firm["company"], "123456782FEC20251231.txt", content, token=token)
    assert payload["errors"] == []
    batch = payload["batch"]
    assert batch["status"] in {"RECEIVED", "PARSING", "PENDING_VALIDATION"}
    assert batch["file"]["size"] == len(content)
    assert len(batch["file"]["sha256"]) == 64

    batch = api.wait_batch(batch["id"], DONE, token=token)
    assert batch["status"] == "PENDING_VALIDATION", batch
    assert batch["entryCount"] == 25
    assert batch["lineCount"] == 75
    assert batch["siren"] == "123456782"
    assert batch["closingDate"] == "2025-12-31"
    assert batch["referencePeriod"] == {"name": "Exercice 2025"}
    assert batch["totalDebit"] == batch["totalCredit"]
    assert batch["origin"] == "UPLOAD" and batch["partner"] == "Collaborator"

    # Entries page through with a keyset cursor, all 75 lines, amounts as exact strings.
    seen, after, total = [], None, None
    while True:
        data = api.gql(
            """query($id: ID!, $after: String) { importBatch(id: $id) { entries(first: 20, after: $after) {
                 totalCount pageInfo { hasNextPage endCursor } nodes { line journal account debit credit } } } }""",
            {"id": batch["id"], "after": after},
            token=token,
        )["importBatch"]["entries"]
        total = data["totalCount"]
        seen.extend(data["nodes"])
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert total == 75 and len(seen) == 75
    assert [n["line"] for n in seen] == list(range(2, 77))
    file_debit = sum(Decimal(n["debit"]) for n in seen)
    assert str(file_debit) == batch["totalDebit"]

    # Nothing is in the ledger before validation.
    balance_query = """query($c: ID!) { trialBalance(companyId: $c, from: "2025-01-01", to: "2025-12-31") {
        totalDebit totalCredit lines { account debit credit } } }"""
    assert api.gql(balance_query, {"c": firm["company"]}, token=token)["trialBalance"]["lines"] == []

    result = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { batch { status } errors { code } } }",
        {"id": batch["id"]},
        token=token,
    )["validateImport"]
    assert result["errors"] == [] and result["batch"]["status"] in {"VALIDATING", "SUCCEEDED"}
    api.wait_batch(batch["id"], {"SUCCEEDED"}, token=token)

    balance = api.gql(balance_query, {"c": firm["company"]}, token=token)["trialBalance"]
    assert balance["totalDebit"] == batch["totalDebit"] == balance["totalCredit"]
    assert {line["account"] for line in balance["lines"]} == {
        "411000",
        "706000",
        "445710",
        "606300",
        "445660",
        "401000",
    }

    # It left the console and lives in the history, with its origin.
    console = api.gql(
        "query($c: ID!) { importBatches(companyId: $c) { totalCount nodes { id } } }",
        {"c": firm["company"]},
        token=token,
    )["importBatches"]
    assert batch["id"] not in [n["id"] for n in console["nodes"]]
    history = api.gql(
        "query($c: ID!) { importHistory(companyId: $c) { nodes { id status origin } } }",
        {"c": firm["company"]},
        token=token,
    )["importHistory"]["nodes"]
    assert {"id": batch["id"], "status": "SUCCEEDED", "origin": "UPLOAD"} in history

    # Validating again is refused with a clear error, and posts nothing twice.
    again = api.gql(
        "mutation($id: ID!) { rejectImport(id: $id) { batch { status } errors { code message } } }",
        {"id": batch["id"]},
        token=token,
    )["rejectImport"]
    assert again["errors"][0]["code"] == "INVALID_STATUS"
    balance2 = api.gql(balance_query, {"c": firm["company"]}, token=token)["trialBalance"]
    assert balance2 == balance


def test_reject_deletes_entries_and_keeps_master_data(api: Api, firm: dict) -> None:
    token = firm["tokens"]["client"]
    payload = api.upload(firm["company"], "reject-me.txt", demo_fec(6, 2025, seed=11), token=token)
    batch = api.wait_batch(payload["batch"]["id"], DONE, token=token)
    assert batch["status"] == "PENDING_VALIDATION"
    result = api.gql(
        "mutation($id: ID!) { rejectImport(id: $id) { batch { status entries { totalCount } } errors { code } } }",
        {"id": batch["id"]},
        token=token,
    )["rejectImport"]
    assert result["errors"] == []
    assert result["batch"]["status"] == "REJECTED"
    assert result["batch"]["entries"]["totalCount"] == 0
    # Rejecting twice is harmless; validating a rejected batch is refused.
    again = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { batch { status } errors { code } } }",
        {"id": batch["id"]},
        token=token,
    )["validateImport"]
    assert again["errors"][0]["code"] == "INVALID_STATUS"
    # The accounts created by the rejected batch are still there: a new identical file reuses them.
    second = api.upload(firm["company"], "again.txt", demo_fec(6, 2025, seed=11), token=token)
    assert second["batch"]["duplicateOfId"] is None  # the first one was rejected: not a duplicate
    api.wait_batch(second["batch"]["id"], {"PENDING_VALIDATION"}, token=token)
    counts = api.client.portal.call(_master_counts, int(firm["company"]))
    assert counts["accounts"] == 6 and counts["journals"] == 2
    assert counts["created_by_first"] == 6


async def _master_counts(company_id: int) -> dict[str, int]:
    from ecluse.ledger.models import Account, Journal

    first_batch = await Account.filter(company_id=company_id).order_by("id").first()
    return {
        "accounts": await Account.filter(company_id=company_id).count(),
        "journals": await Journal.filter(company_id=company_id).count(),
        "created_by_first": await Account.filter(created_by_batch_id=first_batch.created_by_batch_id).count()
        if first_batch
        else 0,
    }


def test_duplicate_content_is_flagged_and_idempotency_key_returns_first_batch(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    content = demo_fec(3, 2025, seed=3)
    first = api.upload(firm["company"], "a.txt", content, token=token, key="partner-req-1")["batch"]
    retry = api.upload(firm["company"], "a.txt", content, token=token, key="partner-req-1")["batch"]
    assert retry["id"] == first["id"]
    dup = api.upload(firm["company"], "b.txt", content, token=token)["batch"]
    assert dup["id"] != first["id"]
    assert dup["duplicateOfId"] == first["id"]


def test_an_idempotency_conflict_carries_its_values(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    first = api.upload(firm["company"], "a.txt", demo_fec(2, 2025, seed=11), token=token, key="req-42")[
        "batch"
    ]
    conflict = api.upload(
        firm["company"], "a-fixed.txt", demo_fec(3, 2025, seed=12), token=token, key="req-42"
    )
    [error] = conflict["errors"]
    assert (error["code"], error["field"]) == ("IDEMPOTENCY_CONFLICT", "idempotencyKey")
    assert error["params"] == {"key": "req-42", "batch": int(first["id"]), "file": "a.txt"}
    # The batch that keeps the file says the same, with the same values.
    issues = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors { nodes { line code message params } } } }",
        {"id": conflict["batch"]["id"]},
        token=token,
    )["importBatch"]["errors"]["nodes"]
    assert issues == [
        {"line": 0, "code": error["code"], "message": error["message"], "params": error["params"]}
    ]


def test_unbalanced_entry_is_rejected_whole_and_the_rest_staged(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    payload = api.upload(firm["company"], "mixed.txt", demo_fec(10, 2025, seed=5, unbalanced=2), token=token)
    batch = api.wait_batch(payload["batch"]["id"], DONE, token=token)
    assert batch["status"] == "FINISHED_WITH_ERROR"
    assert batch["entryCount"] == 8 and batch["rejectedEntryCount"] == 2
    errors = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors(includeFindings: false) {"
        " nodes { line column code message params } } } }",
        {"id": batch["id"]},
        token=token,
    )["importBatch"]["errors"]["nodes"]
    assert len(errors) == 2 and {e["code"] for e in errors} == {"UNBALANCED_ENTRY"}
    assert all(e["line"] >= 2 for e in errors)
    # The code travels with its values, typed and by name: a client renders them in the user's language.
    for error in errors:
        params = error["params"]
        assert set(params) == {"entry", "debit", "credit", "difference"}
        debit, credit = Decimal(params["debit"]), Decimal(params["credit"])
        assert debit != credit and Decimal(params["difference"]) == debit - credit
        assert f"debit {params['debit'].replace('.', ',')}" in error["message"]
        assert params["entry"] in error["message"]
    # The rejected lines download holds the header and the 6 lines of the 2 refused entries.
    response = api.client.get(f"/files/batches/{batch['id']}/rejected", headers=api.headers(token))
    assert response.status_code == 200
    assert len(response.content.splitlines()) == 1 + 6
    # The good entries can still be validated.
    result = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }", {"id": batch["id"]}, token=token
    )["validateImport"]
    assert result["errors"] == []
    api.wait_batch(batch["id"], {"SUCCEEDED"}, token=token)


def test_pending_imports_count_and_original_download(api: Api, firm: dict) -> None:
    token = firm["tokens"]["viewer"]
    admin = firm["tokens"]["admin"]
    content = demo_fec(2, 2025, seed=9)
    batch = api.upload(firm["company"], "p.txt", content, token=admin)["batch"]
    api.wait_batch(batch["id"], DONE, token=admin)
    count = api.gql(
        "query($c: ID!) { pendingImportsCount(companyId: $c) }", {"c": firm["company"]}, token=token
    )
    assert count["pendingImportsCount"] == 1
    response = api.client.get(batch["file"]["downloadUrl"], headers=api.headers(token))
    assert response.status_code == 200 and response.content == content
    assert api.client.get(batch["file"]["downloadUrl"]).status_code == 401


def test_a_file_already_posted_cannot_be_posted_again(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    content = demo_fec(4, 2025, seed=31)
    first = api.upload(firm["company"], "twice.txt", content, token=token)["batch"]
    second = api.upload(firm["company"], "twice-again.txt", content, token=token)["batch"]
    assert second["duplicateOfId"] == first["id"]
    for batch in (first, second):
        api.wait_batch(batch["id"], {"PENDING_VALIDATION"}, token=token)
    validate = (
        "mutation($id: ID!) { validateImport(id: $id) { batch { status } errors { code message params } } }"
    )
    # Whichever is validated first wins; the twin is refused, and nothing is in the books twice.
    assert api.gql(validate, {"id": second["id"]}, token=token)["validateImport"]["errors"] == []
    api.wait_batch(second["id"], {"SUCCEEDED"}, token=token)
    refused = api.gql(validate, {"id": first["id"]}, token=token)["validateImport"]
    assert refused["errors"][0]["code"] == "DUPLICATE_FILE"
    assert second["id"] in refused["errors"][0]["message"]
    # The numbers the message speaks of travel with the code, for a client to render in its language.
    assert refused["errors"][0]["params"] == {"batch": int(first["id"]), "posted": int(second["id"])}
    again = api.gql(validate, {"id": second["id"]}, token=token)["validateImport"]
    assert again["errors"] == []  # a retry of a validated import is a no-op, not an error
    rejected = api.gql(
        "mutation($id: ID!) { rejectImport(id: $id) { errors { code params } } }",
        {"id": second["id"]},
        token=token,
    )["rejectImport"]
    assert rejected["errors"][0]["code"] == "INVALID_STATUS"
    assert rejected["errors"][0]["params"]["status"] == "SUCCEEDED"
    assert rejected["errors"][0]["params"]["batch"] == int(second["id"])
    balance = api.gql(
        "query($c: ID!) { trialBalance(companyId: $c) { totalDebit } }", {"c": firm["company"]}, token=token
    )["trialBalance"]
    assert balance["totalDebit"] == api.batch(second["id"], token=token)["totalDebit"]


def test_updated_at_moves_and_entries_can_start_at_a_line(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "jump.txt", demo_fec(20, 2025, seed=41), token=token)["batch"]
    done = api.gql(
        "query($id: ID!) { importBatch(id: $id) { status createdAt updatedAt } }",
        {"id": batch["id"]},
        token=token,
    )["importBatch"]
    while done["status"] != "PENDING_VALIDATION":
        done = api.gql(
            "query($id: ID!) { importBatch(id: $id) { status createdAt updatedAt } }",
            {"id": batch["id"]},
            token=token,
        )["importBatch"]
    assert done["updatedAt"] > done["createdAt"]
    page = api.gql(
        "query($id: ID!) { importBatch(id: $id) { entries(first: 5, fromLine: 40) { nodes { line } pageInfo { endCursor } } } }",
        {"id": batch["id"]},
        token=token,
    )["importBatch"]["entries"]
    assert [n["line"] for n in page["nodes"]] == [40, 41, 42, 43, 44]
    following = api.gql(
        "query($id: ID!, $a: String) { importBatch(id: $id) { entries(first: 2, after: $a) { nodes { line } } } }",
        {"id": batch["id"], "a": page["pageInfo"]["endCursor"]},
        token=token,
    )["importBatch"]["entries"]["nodes"]
    assert [n["line"] for n in following] == [45, 46]
