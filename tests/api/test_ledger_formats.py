"""Every ledger format through the public API: custom layouts (saved, tried, used), JSON files and
`submitEntries`, AUTO detection, rejected-lines files in the original format, re-sends linked to their
first batch, several companies from one file, and the import-order warning."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.support import BATCH_FIELDS, PASSWORD, Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
EXTRA = "layoutId resentOfId parentBatchId companyId"

UPLOAD = f"""
mutation($companyId: ID!, $file: Upload!, $format: ImportFormat!, $layoutId: ID, $resendOf: ID) {{
  uploadImport(companyId: $companyId, file: $file, format: $format, layoutId: $layoutId, resendOf: $resendOf) {{
    batch {{ {BATCH_FIELDS} {EXTRA} }} errors {{ code message field }}
  }}
}}
"""
PREVIEW = """
mutation($companyId: ID!, $file: Upload!, $definition: JSON, $layoutId: ID, $format: ImportFormat!) {
  previewImport(companyId: $companyId, file: $file, definition: $definition, layoutId: $layoutId,
                format: $format, limit: 5) {
    preview { format encoding entryCount rejectedEntryCount errorCount findingCount lineCount
      fatal { code message }
      entries { company journal number date totalDebit totalCredit
        lines { line account thirdParty label debit credit analytic } }
      issues { line column code message severity entryFirstLine entryLastLine } }
    errors { code message field }
  }
}
"""
CREATE = """
mutation($c: ID!, $name: String!, $d: JSON!) {
  createImportLayout(companyId: $c, name: $name, definition: $d) {
    layout { id name definition } errors { code message field params } } }
"""
ISSUES = (
    "query($id: ID!) { importBatch(id: $id) { errors(first: 100) {"
    " nodes { line column code message severity params } } } }"
)

LAYOUT: dict[str, Any] = {
    "separator": ";",
    "decimalSeparator": ",",
    "thousandsSeparator": ".",
    "dateFormat": "%d/%m/%Y",
    "skipLines": 1,
    "columns": {
        "journal": 1,
        "date": 2,
        "pieceRef": 3,
        "account": 4,
        "label": 5,
        "debit": 6,
        "credit": 7,
        "vatAmount": 8,
        "analytic": 9,
    },
    "vatAccount": "445710",
}
CSV = (
    "journal;date;piece;compte;libelle;debit;credit;tva;projet\n"
    "VT;15/03/2026;F1;411000;Facture Éloïse;1.210,00;;;\n"
    "VT;15/03/2026;F1;706000;Facture Éloïse;;1.000,00;210,00;P1\n"
    "VT;16/03/2026;F2;411000;Facture 2;500,00;;;\n"
    "VT;16/03/2026;F2;706000;Facture 2;;500,00;;\n"
)


def upload(api: Api, company: str, name: str, content: bytes, token: str, **variables: Any) -> dict[str, Any]:
    operations = {
        "query": UPLOAD,
        "variables": {"companyId": company, "file": None, "format": "AUTO", **variables},
    }
    response = api.post(
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, content, "text/plain")},
        headers=api.headers(token),
    )
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"]["uploadImport"])


def preview(api: Api, company: str, content: bytes, token: str, **variables: Any) -> dict[str, Any]:
    operations = {
        "query": PREVIEW,
        "variables": {"companyId": company, "file": None, "format": "AUTO", **variables},
    }
    response = api.post(
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("sample.csv", content, "text/plain")},
        headers=api.headers(token),
    )
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"]["previewImport"])


def create_layout(
    api: Api, company: str, token: str, definition: dict[str, Any], name: str = "Ventes"
) -> str:
    payload = api.gql(CREATE, {"c": company, "name": name, "d": definition}, token=token)[
        "createImportLayout"
    ]
    assert payload["errors"] == [], payload
    return str(payload["layout"]["id"])


def wait(api: Api, batch_id: str, statuses: set[str], token: str) -> dict[str, Any]:
    api.wait_batch(batch_id, statuses, token=token)
    query = f"query($id: ID!) {{ importBatch(id: $id) {{ {BATCH_FIELDS} {EXTRA} }} }}"
    return dict(api.gql(query, {"id": batch_id}, token=token)["importBatch"])


def issues(api: Api, batch_id: str, token: str) -> list[dict[str, Any]]:
    return list(api.gql(ISSUES, {"id": batch_id}, token=token)["importBatch"]["errors"]["nodes"])


def lines_of(api: Api, batch_id: str, token: str) -> list[dict[str, Any]]:
    query = """query($id: ID!) { importBatch(id: $id) { entries(first: 500) {
        nodes { line journal account thirdParty label debit credit } } } }"""
    return list(api.gql(query, {"id": batch_id}, token=token)["importBatch"]["entries"]["nodes"])


def test_layouts_are_validated_saved_listed_and_guarded(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    bad = api.gql(
        CREATE, {"c": company, "name": "Bad", "d": {"amountMode": "signed", "columns": {"date": 1, "debitt": 2}}},
        token=token,
    )["createImportLayout"]  # fmt: skip
    assert bad["layout"] is None
    assert bad["errors"][0]["code"] == "BAD_LAYOUT" and "debitt" in bad["errors"][0]["message"]
    # Each problem travels as a reason with the columns it names, for the web app to say in French or English.
    assert bad["errors"][0]["params"]["reason"] == "INVALID_OPTION"
    assert bad["errors"][0]["params"]["unknown"] == "'debitt'"
    lacking = api.gql(
        CREATE,
        {"c": company, "name": "Bad", "d": {**LAYOUT, "columns": {"date": 1, "debit": 2, "credit": 3}}},
        token=token,
    )["createImportLayout"]["errors"]
    assert {"field": "definition.columns", "params": {"reason": "COLUMN_REQUIRED", "column": "account"}} in [
        {"field": e["field"], "params": e["params"]} for e in lacking
    ]
    wrong = api.gql(
        CREATE, {"c": company, "name": "Bad", "d": {**LAYOUT, "amountMode": "montantSens"}}, token=token
    )["createImportLayout"]["errors"]
    assert [(e["field"], e["params"]["reason"], e["params"]["error"]) for e in wrong] == [
        ("definition.amountMode", "INVALID_OPTION", "literal_error")
    ]
    assert "signed" in wrong[0]["params"]["expected"]

    layout_id = create_layout(api, company, token, LAYOUT)
    duplicate = api.gql(CREATE, {"c": company, "name": "Ventes", "d": LAYOUT}, token=token)[
        "createImportLayout"
    ]
    assert duplicate["errors"][0]["code"] == "DUPLICATE_NAME"
    # The values of a refusal travel with its code, by name, for the web app to say it in French or English.
    assert duplicate["errors"][0]["params"] == {"name": "Ventes"}
    listed = api.gql(
        "query($c: ID!) { importLayouts(companyId: $c) { id name definition } }", {"c": company}, token=token
    )["importLayouts"]
    assert [(x["id"], x["name"]) for x in listed] == [(layout_id, "Ventes")]
    assert listed[0]["definition"]["vatAccount"] == "445710"
    assert listed[0]["definition"]["amountMode"] == "debitCredit"  # defaults are stored, explicit

    viewer = api.raw(CREATE, {"c": company, "name": "V", "d": LAYOUT}, token=firm["tokens"]["viewer"])
    assert viewer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    delete = "mutation($id: ID!) { deleteImportLayout(id: $id) { deleted errors { code message } } }"
    other = api.raw(delete, {"id": layout_id}, token=firm["tokens"]["other"])
    # Another company's layout answers exactly like one that does not exist.
    assert other == api.raw(delete, {"id": "999999"}, token=firm["tokens"]["other"])
    assert other["data"]["deleteImportLayout"]["errors"][0]["code"] == "NOT_FOUND"
    missing = api.gql(
        "mutation($id: ID!) { deleteImportLayout(id: $id) { errors { code field params } } }", {"id": "999999"},
        token=token,
    )["deleteImportLayout"]  # fmt: skip
    assert missing["errors"] == [{"code": "NOT_FOUND", "field": "id", "params": {"layout_id": 999999}}]
    gone = api.gql(
        "mutation($id: ID!) { deleteImportLayout(id: $id) { deleted errors { code } } }", {"id": layout_id},
        token=token,
    )["deleteImportLayout"]  # fmt: skip
    assert gone == {"deleted": True, "errors": []}


def test_account_ranges_refuse_overlaps(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    mutation = """mutation($c: ID!, $r: [AccountRangeInput!]!) { setAccountRanges(companyId: $c, ranges: $r) {
        ranges { kind from to } errors { code message params } } }"""
    overlapping = [
        {"kind": "G", "from": "1", "to": "5999"},
        {"kind": "D", "from": "411", "to": "411999"},
        {"kind": "C", "from": "409", "to": "401"},
    ]
    refused = api.gql(mutation, {"c": company, "r": overlapping}, token=token)["setAccountRanges"]
    # One error per problem, each a code with the ranges it names (rendered in the user's language).
    assert [(e["code"], e["params"]) for e in refused["errors"]] == [
        ("RANGE_REVERSED", {"from": "409", "to": "401", "kind": "C"}),
        ("RANGES_OVERLAP", {"from": "411", "to": "411999", "kind": "D",
                            "other_from": "1", "other_to": "5999", "other_kind": "G"}),
        ("RANGES_OVERLAP", {"from": "409", "to": "401", "kind": "C",
                            "other_from": "1", "other_to": "5999", "other_kind": "G"}),
    ]  # fmt: skip
    assert "overlaps" in refused["errors"][1]["message"]
    good = [{"kind": "G", "from": "1", "to": "3999"}, {"kind": "D", "from": "C0", "to": "C9"}]
    saved = api.gql(mutation, {"c": company, "r": good}, token=token)["setAccountRanges"]
    assert saved["errors"] == [] and saved["ranges"] == good
    read = api.gql(
        "query($c: ID!) { accountRanges(companyId: $c) { kind from to } }", {"c": company}, token=token
    )
    assert read["accountRanges"] == good


def test_afas_ranges_compare_as_numbers(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    mutation = """mutation($c: ID!, $r: [AccountRangeInput!]!) { setAccountRanges(companyId: $c, ranges: $r) {
        ranges { kind from to match } errors { code message } } }"""
    afas = [
        {"kind": "G", "from": "1000", "to": "9999", "match": "NUMBER"},
        {"kind": "D", "from": "10000", "to": "19999", "match": "NUMBER"},
        {"kind": "C", "from": "20000", "to": "29999", "match": "NUMBER"},
    ]
    # As text prefixes the same bounds overlap.
    as_text = [{k: v for k, v in r.items() if k != "match"} for r in afas]
    refused = api.gql(mutation, {"c": company, "r": as_text}, token=token)["setAccountRanges"]
    assert "overlaps" in refused["errors"][0]["message"]
    saved = api.gql(mutation, {"c": company, "r": afas}, token=token)["setAccountRanges"]
    assert saved == {"ranges": afas, "errors": []}
    layout = {"columns": {"journal": 1, "date": 2, "account": 3, "label": 4, "debit": 5, "credit": 6},
              "accountMode": "ranges", "separator": ";", "decimalSeparator": ",", "skipLines": 1}  # fmt: skip
    rows = (
        "h\nVK;12/02/2026;10500;F14;121,00;\nVK;12/02/2026;8000;F14;;100,00\nVK;12/02/2026;1500;F14;;21,00\n"
    )
    shown = preview(api, company, rows.encode(), token, definition=layout)
    assert shown["errors"] == [], shown
    lines = shown["preview"]["entries"][0]["lines"]
    assert [(x["account"], x["thirdParty"]) for x in lines] == [
        ("411000", "10500"),
        ("8000", ""),
        ("1500", ""),
    ]


def test_preview_shows_entries_and_errors_and_saves_nothing(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    content = (CSV + "VT;17/03/2026;F3;411000;Facture 3;12,345;;;\n").encode()
    before = api.gql(
        "query($c: ID!) { importHistory(companyId: $c) { totalCount } }", {"c": company}, token=token
    )
    result = preview(api, company, content, token, definition=LAYOUT)
    assert result["errors"] == []
    shown = result["preview"]
    assert shown["format"] == "CUSTOM" and shown["entryCount"] == 2 and shown["rejectedEntryCount"] == 1
    assert (
        shown["lineCount"] == 6
    )  # entry lines: F1's two and the VAT line the layout adds, F2's two, F3's one
    first = shown["entries"][0]
    assert (first["journal"], first["number"], first["date"]) == ("VT", "F1", "2026-03-15")
    assert first["company"] == "Boulangerie Martin"
    assert [(ln["account"], ln["debit"], ln["credit"], ln["analytic"]) for ln in first["lines"]] == [
        ("411000", "1210.00", "0.00", ""),
        ("706000", "0.00", "1000.00", "P1"),
        ("445710", "0.00", "210.00", ""),  # VAT lines carry no analytic section
    ]
    assert first["totalDebit"] == first["totalCredit"] == "1210.00"
    errors = [i for i in shown["issues"] if i["severity"] == "error"]
    assert any(i["line"] == 6 and "12,345" in i["message"] for i in errors), errors
    assert {(i["entryFirstLine"], i["entryLastLine"]) for i in errors} == {(6, 6)}  # F3: one line, refused
    after = api.gql(
        "query($c: ID!) { importHistory(companyId: $c) { totalCount } }", {"c": company}, token=token
    )
    assert after == before
    # A saved layout previews the same; a custom file without a layout is refused clearly.
    layout_id = create_layout(api, company, token, LAYOUT)
    assert preview(api, company, content, token, layoutId=layout_id)["preview"]["entryCount"] == 2
    refused = preview(api, company, content, token, format="CUSTOM")
    assert refused["errors"][0]["code"] == "LAYOUT_REQUIRED"


def test_custom_file_staged_validated_rejects_downloaded_and_resent(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    layout_id = create_layout(api, company, token, LAYOUT)
    bad = "VT;17/03/2026;F3;411000;Facture 3;100,00;;;\nVT;17/03/2026;F3;706000;Facture 3;;90,00;;\n"
    content = (CSV + bad).encode("cp1252")
    payload = upload(api, company, "ventes.csv", content, token, layoutId=layout_id)
    assert payload["errors"] == []
    batch = wait(api, payload["batch"]["id"], DONE, token=token)
    assert batch["format"] == "CUSTOM" and batch["layoutId"] == layout_id
    assert batch["status"] == "FINISHED_WITH_ERROR" and batch["entryCount"] == 2
    assert batch["rejectedEntryCount"] == 1 and batch["file"]["encoding"] in {"cp1252", "iso-8859-15"}
    assert batch["totalDebit"] == "1710.00" == batch["totalCredit"]
    found = issues(api, batch["id"], token)
    assert any(i["code"] == "UNBALANCED_ENTRY" and i["line"] == 6 for i in found), found
    lines = lines_of(api, batch["id"], token)
    assert [ln["account"] for ln in lines][:3] == ["411000", "706000", "445710"]
    assert lines[0]["label"] == "Facture Éloïse"

    # The rejected lines come back in the original format: the header line, then just those lines.
    response = api.client.get(f"/files/batches/{batch['id']}/rejected", headers=api.headers(token))
    assert response.status_code == 200
    assert response.content == (CSV.splitlines(keepends=True)[0] + bad).encode("cp1252")
    assert "ventes_rejected.csv" in response.headers["content-disposition"]
    errors_csv = api.client.get(f"/files/batches/{batch['id']}/errors.csv", headers=api.headers(token))
    assert "UNBALANCED_ENTRY" in errors_csv.content.decode("utf-8-sig")

    # Fixed and re-sent under the download's name: linked to the first batch, and so is its own re-send.
    fixed = (CSV.splitlines(keepends=True)[0] + bad.replace("90,00", "100,00")).encode("cp1252")
    again = upload(api, company, "ventes_rejected.csv", fixed, token, layoutId=layout_id)["batch"]
    again = wait(api, again["id"], DONE, token=token)
    assert again["status"] == "PENDING_VALIDATION" and again["resentOfId"] == batch["id"]
    named = upload(
        api, company, "corrected.csv", fixed + b"", token, layoutId=layout_id, resendOf=again["id"]
    )
    assert named["batch"]["resentOfId"] == batch["id"]

    result = api.gql(
        "mutation($id: ID!) { validateImport(id: $id) { batch { status } errors { code } } }",
        {"id": batch["id"]}, token=token,
    )["validateImport"]  # fmt: skip
    assert result["errors"] == []
    posted = wait(api, batch["id"], {"SUCCEEDED"}, token=token)
    assert posted["entryCount"] == 2


def test_one_file_feeds_several_companies(api: Api, firm: dict) -> None:
    token, company, other = firm["tokens"]["admin"], firm["company"], firm["other_company"]
    layout = dict(LAYOUT, columns={**LAYOUT["columns"], "company": 10})
    layout_id = create_layout(api, company, token, layout)
    rows = (
        "h\n"
        "VT;15/03/2026;F1;411000;A;100,00;;;;\n"
        "VT;15/03/2026;F1;706000;A;;100,00;;;\n"
        "VT;15/03/2026;F9;411000;B;50,00;;;;987654324\n"
        "VT;15/03/2026;F9;706000;B;;50,00;;;987654324\n"
    )
    # The admin of the first company has no role in the second: its lines are refused, not posted there.
    batch = upload(api, company, "two.csv", rows.encode(), token, layoutId=layout_id)["batch"]
    batch = wait(api, batch["id"], DONE, token=token)
    assert batch["entryCount"] == 1 and batch["rejectedEntryCount"] == 1
    assert (batch["lineCount"], batch["stagedLineCount"], batch["refusedLineCount"]) == (4, 2, 2)
    assert any(i["code"] == "UNKNOWN_COMPANY" for i in issues(api, batch["id"], token))

    # Someone with a role in both companies feeds both: one batch each, the second linked to the first.
    async def member_of_both() -> None:
        from ecluse.auth.models import Membership, User
        from ecluse.auth.secrets import hash_password

        user = await User.create(email="both@firm.test", name="Both", password_hash=hash_password(PASSWORD))
        for cid in (company, other):
            await Membership.create(user=user, company_id=int(cid), role="collaborator")

    api.client.portal.call(member_of_both)
    both = api.login("both@firm.test")
    batch = upload(api, company, "two-again.csv", rows.encode(), both, layoutId=layout_id)["batch"]
    batch = wait(api, batch["id"], DONE, token=both)
    assert batch["status"] == "PENDING_VALIDATION"
    assert batch["entryCount"] == 1 and batch["rejectedEntryCount"] == 0 and batch["totalDebit"] == "100.00"
    # Each batch counts the lines of its own company: none counts the other's.
    assert (batch["lineCount"], batch["stagedLineCount"], batch["refusedLineCount"]) == (2, 2, 0)
    query = """query($c: ID!) { importBatches(companyId: $c) { nodes { id entryCount totalDebit parentBatchId
        fileName status } } }"""
    theirs = api.gql(query, {"c": other}, token=both)["importBatches"]["nodes"]
    assert len(theirs) == 1, theirs
    assert theirs[0]["parentBatchId"] == batch["id"] and theirs[0]["fileName"] == "two-again.csv"
    # The sibling is finished right after the batch the file was sent as: wait for it before its counts.
    sibling = wait(api, theirs[0]["id"], DONE, token=both)
    assert sibling["status"] == "PENDING_VALIDATION"
    assert sibling["entryCount"] == 1 and sibling["totalDebit"] == "50.00"
    assert (sibling["lineCount"], sibling["stagedLineCount"], sibling["refusedLineCount"]) == (2, 2, 0)


def test_json_file_and_submit_entries(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    document = {
        "version": 1,
        "journals": [{"code": "VT", "label": "Ventes", "kind": "sales"}],
        "accounts": [{"number": "706000", "label": "Ventes de marchandises"}],
        "thirdParties": [{"code": "C001", "name": "Dupont SA", "kind": "customer"}],
        "entries": [
            {"journal": "VT", "number": "VT1", "date": "2026-02-01", "label": "Facture 1", "lines": [
                {"account": "411000", "thirdParty": "C001", "debit": "1200.00", "analytic": "P1"},
                {"account": "706000", "credit": "1200.00"}]},
            {"journal": "VT", "number": "VT2", "date": "2026-02-02", "lines": [
                {"account": "411000", "debit": "10.00"}, {"account": "706000", "credit": "9.99"}]},
        ],
    }  # fmt: skip
    batch = upload(api, company, "ventes.json", json.dumps(document).encode(), token)["batch"]
    batch = wait(api, batch["id"], DONE, token=token)
    assert batch["format"] == "JSON"  # AUTO recognised it
    assert batch["status"] == "FINISHED_WITH_ERROR" and batch["entryCount"] == 1
    assert batch["rejectedEntryCount"] == 1
    lines = lines_of(api, batch["id"], token)
    assert lines[0]["thirdParty"] == "C001" and lines[0]["label"] == "Facture 1"
    # The rejected entries come back as a JSON document holding just them.
    response = api.client.get(f"/files/batches/{batch['id']}/rejected", headers=api.headers(token))
    back = json.loads(response.content)
    assert [e["number"] for e in back["entries"]] == ["VT2"]

    mutation = """mutation($c: ID!, $entries: [EntryInput!]!) { submitEntries(companyId: $c, entries: $entries,
        idempotencyKey: "k1") { batch { id status format fileName } errors { code message } } }"""
    entries = [
        {"journal": "AC", "number": "A1", "date": "2026-02-03", "label": "Achat", "lines": [
            {"account": "607000", "debit": "99.90"}, {"account": "401000", "credit": "99.90", "thirdParty": "F1"}]}
    ]  # fmt: skip
    sent = api.gql(mutation, {"c": company, "entries": entries}, token=token)["submitEntries"]
    assert sent["errors"] == [] and sent["batch"]["format"] == "JSON"
    done = wait(api, sent["batch"]["id"], DONE, token=token)
    assert done["status"] == "PENDING_VALIDATION" and done["totalDebit"] == "99.90"
    again = api.gql(mutation, {"c": company, "entries": entries}, token=token)["submitEntries"]
    assert again["batch"]["id"] == sent["batch"]["id"]  # idempotent
    refused = api.raw(mutation, {"c": company, "entries": entries}, token=firm["tokens"]["viewer"])
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_auto_detection_says_what_it_could_not_recognise(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    batch = upload(api, company, "mystery.csv", b"a;b;c\n1;2;3\n", token)["batch"]
    assert batch["status"] == "FAILED"
    assert "could not be recognised" in batch["errorSummary"] and "layout" in batch["errorSummary"]


def test_bank_journal_before_purchases_and_sales_is_a_warning(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    layout_id = create_layout(api, company, token, LAYOUT)
    bank = (
        "h\nBQ;10/04/2026;R1;512000;Encaissement;100,00;;;\nBQ;10/04/2026;R1;411000;Encaissement;;100,00;;\n"
    )
    batch = upload(api, company, "bq.csv", bank.encode(), token, layoutId=layout_id)["batch"]
    batch = wait(api, batch["id"], DONE, token=token)
    assert batch["status"] == "PENDING_VALIDATION" and batch["findingCount"] >= 1
    order = [i for i in issues(api, batch["id"], token) if i["code"] == "IMPORT_ORDER"]
    assert len(order) == 1 and "2026-04" in order[0]["message"] and order[0]["severity"] == "finding"
    assert order[0]["params"] == {"journals": "BQ", "month": "2026-04", "missing": "purchases, sales"}
    assert "before that month's purchase and sales journal entries" in order[0]["message"]
    # Once that month's sales and purchases are in, the same bank file raises no warning.
    sales = (
        "h\nVT;05/04/2026;F1;411000;V;100,00;;;\nVT;05/04/2026;F1;706000;V;;100,00;;\n"
        "AC;06/04/2026;A1;607000;A;80,00;;;\nAC;06/04/2026;A1;401000;A;;80,00;;\n"
    )
    first = upload(api, company, "va.csv", sales.encode(), token, layoutId=layout_id)["batch"]
    wait(api, first["id"], DONE, token=token)  # staged (still draft) counts: the order is about arrival
    batch = upload(api, company, "bq2.csv", bank.replace("R1", "R2").encode(), token, layoutId=layout_id)[
        "batch"
    ]
    batch = wait(api, batch["id"], DONE, token=token)
    assert not [i for i in issues(api, batch["id"], token) if i["code"] == "IMPORT_ORDER"]
    assert Decimal(batch["totalDebit"]) == Decimal("100.00")


def test_tra_file_detected_staged_with_declared_master_data(api: Api, firm: dict) -> None:
    from tests.formats import tra_build as tb

    token, company = firm["tokens"]["collaborator"], firm["company"]
    example = (Path(__file__).resolve().parents[2] / "docs" / "examples" / "EXEMPLE.TRA").read_bytes()
    batch = upload(api, company, "EXEMPLE.TRA", example, token)["batch"]
    batch = wait(api, batch["id"], DONE, token)
    assert batch["format"] == "TRA" and batch["status"] == "PENDING_VALIDATION", batch
    assert batch["entryCount"] == 4 and batch["totalDebit"] == batch["totalCredit"]
    lines = lines_of(api, batch["id"], token)
    # Entry lines only: not the header nor the parameter records (***JAL, ***CGN, ***CAE…) before them.
    assert batch["lineCount"] == batch["stagedLineCount"] == len(lines) and batch["refusedLineCount"] == 0
    assert any(ln["thirdParty"] == "C0001" for ln in lines)
    accounts = api.gql(
        """query($id: ID!) { importBatch(id: $id) { entries(first: 100) { nodes { account accountLabel } } } }""",
        {"id": batch["id"]}, token=token,
    )["importBatch"]["entries"]["nodes"]  # fmt: skip
    labels = {n["account"]: n["accountLabel"] for n in accounts}
    assert labels["445710"] == "TVA collectée"  # declared by ***CGN, in cp1252

    # One unbalanced entry: the rejected file keeps the header, the parameter records and that entry.
    head = [tb.header(), tb.journal("VT", "Ventes", "VTE"), tb.account("706000", "Ventes")]
    good = tb.sale("1", 10000, 2000, date="15012026")
    bad = tb.sale("2", 10000, 2000, date="16012026")
    bad[-1] = bad[-1].replace(tb.amount_text(2000), tb.amount_text(1999))
    content = tb.tra_bytes([*head, *good, *bad])
    batch = upload(api, company, "JAN.TRA", content, token)["batch"]
    batch = wait(api, batch["id"], DONE, token)
    assert batch["status"] == "FINISHED_WITH_ERROR" and batch["entryCount"] == 1, batch
    assert (batch["lineCount"], batch["stagedLineCount"], batch["refusedLineCount"]) == (
        len(good) + len(bad), len(good), len(bad),
    )  # fmt: skip
    response = api.client.get(f"/files/batches/{batch['id']}/rejected", headers=api.headers(token))
    expected = tb.tra_bytes([*head, *bad])
    assert response.content == expected


def test_json_broken_in_the_middle_stages_nothing(api: Api, firm: dict) -> None:
    token, company = firm["tokens"]["collaborator"], firm["company"]
    entry = {"journal": "VT", "number": "1", "date": "2026-02-01", "lines": [
        {"account": "411000", "debit": "1.00"}, {"account": "706000", "credit": "1.00"}]}  # fmt: skip
    body = ",\n".join(json.dumps({**entry, "number": str(n)}) for n in range(2000))
    broken = '{"version": 1, "entries": [' + body + ",\n{oops},\n" + body + "]}"
    assert len(broken) > 64 * 1024  # read as a stream: the error is met after entries were read
    batch = upload(api, company, "broken.json", broken.encode(), token)["batch"]
    batch = wait(api, batch["id"], DONE, token)
    assert batch["status"] == "FAILED" and batch["entryCount"] == 0, batch
    assert "broken.json" in batch["errorSummary"]
    # Entries read before the break were refused with it: nothing is kept, so there is nothing to download.
    links = api.gql(
        "query($id: ID!) { importBatch(id: $id) { rejectedLinesUrl errorsCsvUrl } }",
        {"id": batch["id"]},
        token=token,
    )["importBatch"]
    assert links["rejectedLinesUrl"] is None and links["errorsCsvUrl"]
    assert lines_of(api, batch["id"], token) == []


def test_due_dates_and_invoice_numbers_reach_the_lines(api: Api, firm: dict) -> None:
    """Open items and bank matching read a line's due date and invoice number: JSON, TRA and layout columns
    carry them into the staged lines, where the API shows them."""
    from tests.formats import tra_build as tb

    token, company = firm["tokens"]["collaborator"], firm["company"]
    query = """query($id: ID!) { importBatch(id: $id) { entries(first: 50) {
        nodes { account reference dueDate invoiceRef } } } }"""

    def staged(name: str, content: bytes, **variables: Any) -> list[tuple[str, str, str | None, str]]:
        batch = upload(api, company, name, content, token, **variables)["batch"]
        batch = wait(api, batch["id"], DONE, token)
        assert batch["status"] == "PENDING_VALIDATION", (name, batch)
        nodes = api.gql(query, {"id": batch["id"]}, token=token)["importBatch"]["entries"]["nodes"]
        return [(n["account"], n["reference"], n["dueDate"], n["invoiceRef"]) for n in nodes]

    document = {"version": 1, "entries": [
        {"journal": "VT", "number": "VT1", "date": "2026-02-01", "label": "Facture 1", "lines": [
            {"account": "411000", "debit": "120.00", "pieceRef": "P-1", "dueDate": "2026-03-03",
             "invoiceRef": "FA-2026-001"},
            {"account": "706000", "credit": "120.00"}]},
    ]}  # fmt: skip
    assert staged("due.json", json.dumps(document).encode()) == [
        ("411000", "P-1", "2026-03-03", "FA-2026-001"),
        ("706000", "", None, ""),
    ]

    head = [tb.header(), tb.journal("VT", "Ventes", "VTE")]
    entry = tb.sale("7", 10000, 2000, date="15012026", due="15022026")
    entry[1] = entry[1][:121] + tb.NO_DATE + entry[1][129:]  # the revenue line: no due date
    assert staged("DUE.TRA", tb.tra_bytes([*head, *entry])) == [
        ("411000", "F7", "2026-02-15", "F7"),
        ("706000", "F7", None, "F7"),
        ("445710", "F7", "2026-02-15", "F7"),
    ]

    layout = {**LAYOUT, "columns": {**LAYOUT["columns"], "dueDate": 10, "invoiceRef": 11}}
    layout_id = create_layout(api, company, token, layout, name="Échéances")
    csv = (
        "journal;date;piece;compte;libelle;debit;credit;tva;projet;echeance;facture\n"
        "VT;15/03/2026;F1;411000;Facture;100,00;;;;15/04/2026;FA-9\n"
        "VT;15/03/2026;F1;706000;Facture;;100,00;;;;\n"
    )
    assert staged("due.csv", csv.encode(), layoutId=layout_id) == [
        ("411000", "F1", "2026-04-15", "FA-9"),
        ("706000", "F1", None, ""),
    ]
