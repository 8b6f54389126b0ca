"""The FEC checks through the API: every one-check file of tests/fixtures/fec_checks sent as a user sends it,
its batch's issues held to its golden parse (tests/golden.py) plus what only the import says, the wrong-dossier
guard (SIREN_MISMATCH, CLOSING_DATE); then what a FEC changes in the lifecycle: a header alone is validated,
the import-order finding is not raised, and a company can make a SIREN mismatch refuse the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import golden
from tests.corpus import fec_check_files
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
ISSUES = """query($id: ID!) { importBatch(id: $id) {
  errors(includeFindings: true, first: 100) { nodes { line column code severity params } } } }"""
#: What only the import says about a file (the parse cannot know the company): (line, column, code, severity).
#: The firm's company has SIREN 123456782 and open fiscal years 2024, 2025 and 2026, each to 31 December.
DOSSIER = {
    "732829320FEC20251231_other_company.txt": [(0, None, "SIREN_MISMATCH", "finding")],
    "123456789FEC20251231_siren_check_digit.txt": [(0, None, "SIREN_MISMATCH", "finding")],
    "123456782FEC20250630_closing_mid_year.txt": [(0, None, "CLOSING_DATE", "finding")],
}


def _golden_issues(sample: Path) -> list[tuple[int, str | None, str, str]]:
    """(line, column, code, severity) of every error and finding of the sample's golden parse."""
    found = []
    for text in golden.golden_file(sample).read_text(encoding="utf-8").splitlines():
        word = text.strip().split(" ", 1)[0]
        if word in ("error", "finding", "fatal"):
            fields = golden._pairs(text)
            column = None if fields["column"] == "-" else fields["column"]
            severity = "error" if word == "fatal" else word
            found.append((int(fields["line"]), column, fields["code"], severity))
    return found


def _send(
    api: Api, firm: dict[str, Any], path: Path, token: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    payload = api.upload(firm["company"], path.name, path.read_bytes(), token=token, fmt="FEC")
    assert payload["errors"] == [], payload
    batch = api.wait_batch(payload["batch"]["id"], DONE, token=token)
    nodes = api.gql(ISSUES, {"id": batch["id"]}, token=token)["importBatch"]["errors"]["nodes"]
    return batch, nodes


@pytest.mark.parametrize("sample", fec_check_files(), ids=[p.name for p in fec_check_files()])
def test_each_check_through_the_api(api: Api, firm: dict[str, Any], sample: Path) -> None:
    batch, nodes = _send(api, firm, sample, firm["tokens"]["collaborator"])
    expected = sorted(_golden_issues(sample) + DOSSIER.get(sample.name, []), key=repr)
    got = sorted(((n["line"], n["column"], n["code"], n["severity"]) for n in nodes), key=repr)
    assert got == expected
    counted = golden.expectations(sample)
    assert counted is not None
    assert batch["entryCount"] == counted["entries"]
    assert batch["rejectedEntryCount"] == len(counted["rejected"])
    assert batch["status"] == ("FINISHED_WITH_ERROR" if counted["rejected"] else "PENDING_VALIDATION")


def _check(name: str) -> Path:
    return next(p for p in fec_check_files() if p.name == name)


def test_the_wrong_dossier_is_told_with_both_sirens(api: Api, firm: dict[str, Any]) -> None:
    _, nodes = _send(api, firm, _check("732829320FEC20251231_other_company.txt"), firm["tokens"]["admin"])
    [mismatch] = [n for n in nodes if n["code"] == "SIREN_MISMATCH"]
    assert mismatch["params"] == {"siren": "732829320", "company_siren": "123456782"}
    _, nodes = _send(api, firm, _check("123456782FEC20250630_closing_mid_year.txt"), firm["tokens"]["admin"])
    [closing] = [n for n in nodes if n["code"] == "CLOSING_DATE"]
    assert closing["params"] == {"closing": "2025-06-30", "year_ends": "2024-12-31, 2025-12-31, 2026-12-31"}


SET_CHECK = """mutation($c: ID!, $m: Boolean!) { setFecSirenMustMatch(companyId: $c, mustMatch: $m) {
  id fecSirenMustMatch } }"""


def test_a_company_can_make_a_siren_mismatch_refuse_the_file(api: Api, firm: dict[str, Any]) -> None:
    company, admin = firm["company"], firm["tokens"]["admin"]
    refused = api.raw(SET_CHECK, {"c": company, "m": True}, token=firm["tokens"]["client"])
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # a setting: collaborators and admins
    done = api.gql(SET_CHECK, {"c": company, "m": True}, token=admin)["setFecSirenMustMatch"]
    assert done == {"id": company, "fecSirenMustMatch": True}
    batch, nodes = _send(api, firm, _check("732829320FEC20251231_other_company.txt"), admin)
    assert batch["status"] == "FAILED" and batch["entryCount"] == 0
    assert [(n["code"], n["severity"], n["params"]) for n in nodes] == [
        ("SIREN_MISMATCH", "error", {"siren": "732829320", "company_siren": "123456782"})
    ]
    # The company's own files still import; the setting off, the other company's file imports with a finding.
    batch, _ = _send(api, firm, _check("123456782FEC20251231_number_gap.txt"), admin)
    assert batch["status"] == "PENDING_VALIDATION"
    api.gql(SET_CHECK, {"c": company, "m": False}, token=admin)
    batch, _ = _send(api, firm, _check("732829320FEC20251231_other_company.txt"), admin)
    assert batch["status"] == "PENDING_VALIDATION" and batch["findingCount"] == 1


def test_a_fec_of_a_year_without_activity_is_validated(api: Api, firm: dict[str, Any]) -> None:
    token = firm["tokens"]["admin"]
    batch, nodes = _send(api, firm, _check("123456782FEC20251231_header_only.txt"), token)
    assert batch["status"] == "PENDING_VALIDATION" and batch["entryCount"] == 0
    assert [n["code"] for n in nodes] == ["NO_ENTRY_LINES"]
    result = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { errors { code } } }", {"id": batch["id"]}, token=token
    )
    assert result["validateImport"]["errors"] == []
    assert api.wait_batch(batch["id"], {"SUCCEEDED", "FAILED"}, token=token)["status"] == "SUCCEEDED"


def test_a_fec_raises_no_import_order_finding(api: Api, firm: dict[str, Any]) -> None:
    """A bank entry before that month's sales and purchases is an IMPORT_ORDER finding for other formats
    (test_ledger_formats.py); a FEC is a company's whole ledger in its own order, where it is noise."""
    from tests.formats.samples import FEC_HEADER, fec_row

    rows = [
        fec_row(JournalCode="BQ", JournalLib="Banque", EcritureNum="BQ1", EcritureDate="20250410",
                CompteNum=account, PieceDate="20250410", ValidDate="20250410", Debit=debit, Credit=credit)
        for account, debit, credit in (("512000", "100,00", "0,00"), ("411000", "0,00", "100,00"))
    ]  # fmt: skip
    content = ("\n".join([FEC_HEADER, *rows]) + "\n").encode()
    token = firm["tokens"]["admin"]
    payload = api.upload(firm["company"], "123456782FEC20251231.txt", content, token=token, fmt="FEC")
    batch = api.wait_batch(payload["batch"]["id"], DONE, token=token)
    assert batch["status"] == "PENDING_VALIDATION" and batch["entryCount"] == 1
    nodes = api.gql(ISSUES, {"id": batch["id"]}, token=token)["importBatch"]["errors"]["nodes"]
    assert nodes == []


def test_the_preview_tells_the_wrong_dossier_too(api: Api, firm: dict[str, Any]) -> None:
    import json

    from tests.api.test_ledger_formats import PREVIEW

    def preview(path: Path) -> dict[str, Any]:
        operations = {
            "query": PREVIEW,
            "variables": {"companyId": firm["company"], "file": None, "format": "FEC"},
        }
        body = api.post(
            data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (path.name, path.read_bytes(), "text/plain")},
            headers=api.headers(firm["tokens"]["admin"]),
        ).json()
        assert "errors" not in body, body
        return dict(body["data"]["previewImport"]["preview"])

    seen = preview(_check("732829320FEC20251231_other_company.txt"))
    assert seen["fatal"] is None and seen["entryCount"] == 1 and seen["findingCount"] == 1
    assert [(i["code"], i["severity"]) for i in seen["issues"]] == [("SIREN_MISMATCH", "finding")]
    api.gql(SET_CHECK, {"c": firm["company"], "m": True}, token=firm["tokens"]["admin"])
    seen = preview(_check("732829320FEC20251231_other_company.txt"))
    assert seen["fatal"]["code"] == "SIREN_MISMATCH"
