"""The console's list: filters, sorting, keyset pages; the fiscal-year rule; every corpus file received."""

from __future__ import annotations

import pytest

from ecluse.demo import demo_fec
from tests.corpus import FEC_CORPUS
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
CORPUS = FEC_CORPUS
LIST = """query($c: ID!, $f: ImportBatchFilter, $s: ImportSort, $first: Int, $after: String) {
  importBatches(companyId: $c, filter: $f, sort: $s, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id fileName status format partner entryCount } } }"""


def _seed(api: Api, firm: dict) -> dict[str, str]:
    admin, client = firm["tokens"]["admin"], firm["tokens"]["client"]
    ids = {}
    for name, token, content in [
        ("b-good.txt", admin, demo_fec(3, 2025, seed=1)),
        ("a-mixed.txt", client, demo_fec(4, 2025, seed=2, unbalanced=1)),
        ("c-rejected.txt", admin, demo_fec(2, 2025, seed=3)),
        ("d-later.txt", client, demo_fec(5, 2025, seed=4)),
    ]:
        batch = api.upload(firm["company"], name, content, token=token)["batch"]
        ids[name] = api.wait_batch(batch["id"], DONE, token=admin)["id"]
    api.gql(
        "mutation($id: ID!) { rejectImport(id: $id) { errors { code } } }",
        {"id": ids["c-rejected.txt"]},
        token=admin,
    )
    return ids


def test_filters_sorting_and_pages(api: Api, firm: dict) -> None:
    ids = _seed(api, firm)
    token = firm["tokens"]["viewer"]
    c = firm["company"]

    def names(**variables: object) -> list[str]:
        data = api.gql(LIST, {"c": c, **variables}, token=token)["importBatches"]
        return [n["fileName"] for n in data["nodes"]]

    assert names(s={"field": "FILE_NAME", "direction": "ASC"}) == [
        "a-mixed.txt",
        "b-good.txt",
        "c-rejected.txt",
        "d-later.txt",
    ]
    assert names(s={"field": "FILE_NAME", "direction": "DESC"})[0] == "d-later.txt"
    assert names(f={"statuses": ["FINISHED_WITH_ERROR"]}) == ["a-mixed.txt"]
    assert names(f={"statuses": ["REJECTED"]}) == ["c-rejected.txt"]
    assert sorted(names(f={"partner": "client"})) == ["a-mixed.txt", "d-later.txt"]
    assert names(f={"formats": ["TRA"]}) == []
    assert len(names(f={"from": "2000-01-01", "to": "2999-12-31"})) == 4
    assert names(f={"to": "2000-01-01"}) == []
    by_count = names(s={"field": "ENTRY_COUNT", "direction": "DESC"})
    assert by_count[0] == "d-later.txt"

    # Keyset pages of 1 visit every row once, in order, for each sort.
    for field in (
        "CREATED_AT", "UPDATED_AT", "STATUS", "FORMAT", "PARTNER", "FILE_NAME", "ENTRY_COUNT", "ORIGIN",
        "ERROR_SUMMARY", "FIRST_MOVEMENT", "LAST_MOVEMENT", "REFERENCE_PERIOD",
    ):  # fmt: skip
        for direction in ("ASC", "DESC"):
            seen, after = [], None
            while True:
                data = api.gql(
                    LIST,
                    {"c": c, "first": 1, "after": after, "s": {"field": field, "direction": direction}},
                    token=token,
                )["importBatches"]
                seen += [n["id"] for n in data["nodes"]]
                assert data["totalCount"] == 4
                if not data["pageInfo"]["hasNextPage"]:
                    break
                after = data["pageInfo"]["endCursor"]
            assert sorted(seen) == sorted(ids.values()), (field, direction)
            assert seen == [n for n in seen if n in ids.values()]
    bad = api.raw(LIST, {"c": c, "after": "not-a-cursor"}, token=token)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_entries_outside_every_open_fiscal_year_are_refused(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], "old.txt", demo_fec(3, 2019, seed=1), token=token)["batch"]
    batch = api.wait_batch(batch["id"], DONE, token=token)
    assert batch["status"] == "FINISHED_WITH_ERROR"
    assert batch["entryCount"] == 0 and batch["rejectedEntryCount"] == 3
    assert batch["referencePeriod"] is None
    # The summary's codes, with how many entries each refused, for a client to say in its user's language.
    assert batch["errorCodes"] == [{"code": "NO_OPEN_FISCAL_YEAR", "count": 3}]
    errors = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors(includeFindings: false) { nodes { code column message } } } }",
        {"id": batch["id"]},
        token=token,
    )["importBatch"]["errors"]["nodes"]
    assert {e["code"] for e in errors} == {"NO_OPEN_FISCAL_YEAR"}
    assert "2019" in errors[0]["message"]
    # The refused lines are downloadable, to be fixed and sent again (header + 9 lines).
    response = api.client.get(f"/files/batches/{batch['id']}/rejected", headers=api.headers(token))
    assert len(response.content.splitlines()) == 10
    nothing = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code params } } }", {"id": batch["id"]},
        token=token,
    )  # fmt: skip
    assert nothing["validateImport"]["errors"] == [
        {"code": "NOTHING_TO_POST", "params": {"batch": int(batch["id"])}}
    ]


EXPECTED = {
    # file: (status, staged entries, rejected entries, error codes)
    "adh-studio-fec-validator__123456782FEC20251231.txt": ("PENDING_VALIDATION", 4, 0, set()),
    "rezdevops-fec-check__A02-separateur-mixte.txt": ("FINISHED_WITH_ERROR", 0, 1, {"WRONG_FIELD_COUNT"}),
    "rezdevops-fec-check__A04-entete-ordre-faux.txt": ("PENDING_VALIDATION", 1, 0, set()),
    "rezdevops-fec-check__B01-ecriture-desequilibree.txt": (
        "FINISHED_WITH_ERROR",
        1,
        2,
        {"UNBALANCED_ENTRY"},
    ),
    "rezdevops-fec-check__B04-debit-et-credit-non-nuls.txt": ("PENDING_VALIDATION", 4, 0, set()),
    "rezdevops-fec-check__C01-ecriture-date-invalide.txt": ("PENDING_VALIDATION", 1, 0, set()),
    "rezdevops-fec-check__C07-chronologie-cassee.txt": ("PENDING_VALIDATION", 2, 0, set()),
    "rezdevops-fec-check__fec-minimal-conforme.txt": ("PENDING_VALIDATION", 3, 0, set()),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_corpus_file_is_received(api: Api, firm: dict, name: str) -> None:
    token = firm["tokens"]["admin"]
    status, staged, rejected, codes = EXPECTED[name]
    batch = api.upload(
        firm["company"], name.split("__", 1)[1], (CORPUS / name).read_bytes(), token=token, fmt="AUTO"
    )["batch"]
    assert batch["format"] == "FEC"
    batch = api.wait_batch(batch["id"], DONE, token=token)
    assert (batch["status"], batch["entryCount"], batch["rejectedEntryCount"]) == (
        status,
        staged,
        rejected,
    ), batch
    errors = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors(includeFindings: false, first: 500) { nodes { code } } } }",
        {"id": batch["id"]},
        token=token,
    )["importBatch"]["errors"]["nodes"]
    assert {e["code"] for e in errors} == codes
    assert batch["totalDebit"] == batch["totalCredit"]


def test_sorting_by_a_column_that_may_be_empty(api: Api, firm: dict) -> None:
    token = firm["tokens"]["admin"]
    ids = []
    for name, content in [
        ("late.txt", demo_fec(2, 2026, seed=5)),
        ("empty.txt", b""),
        ("early.txt", demo_fec(2, 2024, seed=6)),
    ]:
        batch = api.upload(firm["company"], name, content, token=token)["batch"]
        ids.append(api.wait_batch(batch["id"], DONE, token=token)["id"])
    for direction, expected in (
        ("ASC", ["early.txt", "late.txt", "empty.txt"]),
        ("DESC", ["empty.txt", "late.txt", "early.txt"]),
    ):
        seen, after = [], None
        while True:
            data = api.gql(
                LIST,
                {
                    "c": firm["company"],
                    "first": 1,
                    "after": after,
                    "s": {"field": "FIRST_MOVEMENT", "direction": direction},
                },
                token=token,
            )["importBatches"]
            seen += [n["fileName"] for n in data["nodes"]]
            if not data["pageInfo"]["hasNextPage"]:
                break
            after = data["pageInfo"]["endCursor"]
        assert seen == expected, direction
