"""The web app's entry grid (`importBatch.grid`): the same lines as `entries`, as rows of values; refused
lines in place with their errors; the batch's visibility; the request cost limit."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ecluse.auth import principal as principal_module
from ecluse.demo import demo_fec
from tests.api.test_query_counts import counted_queries
from tests.support import Api

DONE = {"PENDING_VALIDATION", "FINISHED_WITH_ERROR", "FAILED"}
COLUMNS = [
    "line", "journal", "date", "piece", "account", "accountLabel", "thirdParty", "thirdPartyName",
    "reference", "label", "debit", "credit", "lettering", "analytic", "dueDate", "currency", "currencyAmount",
]  # fmt: skip
GRID = """query($id: ID!, $first: Int, $after: String, $fromLine: Int) { importBatch(id: $id) {
  grid(first: $first, after: $after, fromLine: $fromLine) {
    columns rows refused { line text errors { code column params } }
    pageInfo { hasNextPage endCursor } totalCount refusedCount } } }"""
ENTRIES = (
    "query($id: ID!, $first: Int, $after: String, $fromLine: Int) { importBatch(id: $id) {"
    " entries(first: $first, after: $after, fromLine: $fromLine) {"
    f" nodes {{ {' '.join(COLUMNS)} }} pageInfo {{ hasNextPage endCursor }} totalCount }} }} }}"
)


def staged(api: Api, firm: dict[str, Any], name: str, content: bytes, fmt: str = "FEC") -> str:
    token = firm["tokens"]["admin"]
    batch = api.upload(firm["company"], name, content, token=token, fmt=fmt)["batch"]
    return str(api.wait_batch(batch["id"], DONE, token=token)["id"])


def pages(api: Api, query: str, field: str, token: str, **variables: Any) -> list[dict[str, Any]]:
    """Every page of `field` from the start (or `fromLine`), following the cursors."""
    out, after = [], None
    while True:
        page = api.gql(query, {**variables, "after": after}, token=token)["importBatch"][field]
        out.append(page)
        if not page["pageInfo"]["hasNextPage"]:
            return out
        after = page["pageInfo"]["endCursor"]
        variables.pop("fromLine", None)


def test_what_a_line_carries_is_shown(api: Api, firm: dict[str, Any]) -> None:
    """A line's analytic section, due date and amount in another currency (in that currency's decimals) are
    in the typed lines and in the grid's rows alike."""
    token = firm["tokens"]["viewer"]
    fec = demo_fec(2, 2025, seed=5).decode().split("\r\n")
    first = fec[1].split("\t")
    first[16:18] = ["-110,50", "USD"]
    second = fec[2].split("\t")
    second[16:18] = ["15000", "JPY"]
    fec[1:3] = ["\t".join(first), "\t".join(second)]
    document = {"version": 1, "entries": [
        {"journal": "VT", "number": "VT1", "date": "2026-02-01", "label": "Facture 1", "lines": [
            {"account": "411000", "debit": "120.00", "dueDate": "2026-03-03"},
            {"account": "706000", "credit": "120.00", "analytic": "P1"}]},
    ]}  # fmt: skip
    for name, content, fmt, expected in (
        ("fx.txt", "\r\n".join(fec).encode(), "FEC", [("USD", "-110.50"), ("JPY", "15000")]),
        ("p.json", json.dumps(document).encode(), "JSON", [("", None), ("", None)]),
    ):
        batch = staged(api, firm, name, content, fmt)
        assert api.wait_batch(batch, DONE, token=token)["status"] == "PENDING_VALIDATION", name
        grid = pages(api, GRID, "grid", token, id=batch, first=50)[0]
        nodes = pages(api, ENTRIES, "entries", token, id=batch, first=50)[0]["nodes"]
        assert grid["rows"] == [[n[c] for c in COLUMNS] for n in nodes]
        assert [(n["currency"], n["currencyAmount"]) for n in nodes[:2]] == expected
    assert [(n["analytic"], n["dueDate"]) for n in nodes] == [("", "2026-03-03"), ("P1", None)]


def test_grid_rows_are_the_entries_lines(api: Api, firm: dict[str, Any]) -> None:
    token = firm["tokens"]["viewer"]
    batch = staged(api, firm, "grid.txt", demo_fec(40, 2025, seed=3))
    for first, from_line in ((7, None), (50, None), (500, None), (9, 61)):
        args = {"id": batch, "first": first, "fromLine": from_line}
        grid = pages(api, GRID, "grid", token, **args)
        entries = pages(api, ENTRIES, "entries", token, **args)
        # Page by page, the same lines, values and order; dates ISO, amounts as the same decimal strings.
        assert [len(p["rows"]) for p in grid] == [len(p["nodes"]) for p in entries]
        for g, e in zip(grid, entries, strict=True):
            assert g["columns"] == COLUMNS and g["refused"] == []
            assert g["rows"] == [[n[c] for c in COLUMNS] for n in e["nodes"]]
            assert g["totalCount"] == e["totalCount"] == 120 and g["refusedCount"] == 0
        lines = [row[0] for p in grid for row in p["rows"]]
        assert lines == list(range(from_line or 2, 122))
    first_row = api.gql(GRID, {"id": batch, "first": 1}, token=token)["importBatch"]["grid"]["rows"][0]
    assert first_row[0] == 2 and isinstance(first_row[10], str) and "." in first_row[10]
    # The end of the file: nothing more, no cursor to follow.
    past = api.gql(GRID, {"id": batch, "fromLine": 500}, token=token)["importBatch"]["grid"]
    assert past["rows"] == [] and past["pageInfo"] == {"hasNextPage": False, "endCursor": None}
    bad = api.raw(GRID, {"id": batch, "after": "bm90IGEgY3Vyc29y"}, token=token)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def _refusing_file() -> tuple[bytes, dict[int, str]]:
    """A FEC of 12 entries (lines 2–37) where entry 3 (lines 8–10) is dated in a year without an open fiscal
    year and line 20 has a field too few: their entries are refused, the others staged."""
    lines = demo_fec(12, 2025, seed=5).decode("utf-8").splitlines()
    for n in (8, 9, 10):
        fields = lines[n - 1].split("\t")
        fields[3] = fields[3].replace("2025", "2019", 1)
        lines[n - 1] = "\t".join(fields)
    lines[19] = lines[19].rsplit("\t", 1)[0]
    text = "\n".join(lines) + "\n"
    return text.encode("utf-8"), {n: lines[n - 1] for n in range(2, len(lines) + 1)}


def test_refused_lines_show_in_place_with_their_errors(api: Api, firm: dict[str, Any]) -> None:
    token = firm["tokens"]["viewer"]
    content, by_line = _refusing_file()
    batch = staged(api, firm, "refusing.txt", content)
    whole = api.gql(GRID, {"id": batch, "first": 500}, token=token)["importBatch"]["grid"]
    refused = {r["line"]: r for r in whole["refused"]}
    staged_lines = [row[0] for row in whole["rows"]]
    # Every line of the file is in the grid once, staged or refused.
    assert sorted([*staged_lines, *refused]) == list(range(2, 38))
    assert {8, 9, 10, 20} <= set(refused)
    # Refused lines carry their text where the reader kept it (a line it could not read), else null.
    assert refused[20]["text"] == by_line[20]
    assert all(r["text"] in (None, by_line[n]) for n, r in refused.items())
    assert whole["refusedCount"] == len(refused) and whole["totalCount"] == len(staged_lines)
    assert {e["code"] for e in refused[8]["errors"]} == {"NO_OPEN_FISCAL_YEAR"}
    assert refused[8]["errors"][0]["params"] is not None
    assert {e["code"] for e in refused[20]["errors"]} == {"WRONG_FIELD_COUNT"}
    errors = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors(first: 500, includeFindings: false) { nodes { line code column params } } } }",
        {"id": batch},
        token=token,
    )["importBatch"]["errors"]["nodes"]
    shown = [{"line": n, **e} for n, r in sorted(refused.items()) for e in r["errors"]]
    assert shown == [e for e in errors if e["line"] in refused]
    # Each error names the lines of the entry it refused, every one of them refused and in the grid.
    spans = api.gql(
        "query($id: ID!) { importBatch(id: $id) { errors(first: 500) { nodes { line code entryFirstLine"
        " entryLastLine severity } } } }",
        {"id": batch},
        token=token,
    )["importBatch"]["errors"]["nodes"]
    for e in spans:
        if e["severity"] != "error":
            assert e["entryFirstLine"] is None and e["entryLastLine"] is None
            continue
        assert e["entryFirstLine"] <= e["line"] <= e["entryLastLine"], e
        assert set(range(e["entryFirstLine"], e["entryLastLine"] + 1)) <= set(refused), e
    assert {(e["entryFirstLine"], e["entryLastLine"]) for e in spans if e["code"] == "WRONG_FIELD_COUNT"} == {
        (20, 22)
    }

    # Paged, each refused line comes once, in the page whose range holds it, in file order.
    for first, from_line in ((4, None), (1, None), (5, 9)):
        got = pages(api, GRID, "grid", token, id=batch, first=first, fromLine=from_line)
        items = []
        for page in got:
            page_items = [(row[0], "row") for row in page["rows"]] + [
                (r["line"], "refused") for r in page["refused"]
            ]
            assert len(page_items) <= first and page_items
            items += sorted(page_items)
        start = from_line or 2
        assert [n for n, _ in items] == list(range(start, 38))
        assert {n for n, kind in items if kind == "refused"} == {n for n in refused if n >= start}


def test_grid_of_another_company_is_not_readable(api: Api, firm: dict[str, Any]) -> None:
    batch = staged(api, firm, "mine.txt", demo_fec(2, 2025, seed=1))
    other = api.raw(GRID, {"id": batch}, token=firm["tokens"]["other"])
    assert other["data"] is None and other["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    anonymous = api.raw(GRID, {"id": batch})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    viewer = api.gql(GRID, {"id": batch}, token=firm["tokens"]["viewer"])["importBatch"]["grid"]
    assert len(viewer["rows"]) == 6


def test_a_jump_to_a_line_says_where_it_lands(api: Api, firm: dict[str, Any]) -> None:
    """From an error to its line: a page asked `fromLine` says how many items come before it, so the grid
    places it where scrolling from the top would have."""
    token = firm["tokens"]["viewer"]
    batch = staged(api, firm, "refusing.txt", _refusing_file()[0])
    whole = api.gql(GRID, {"id": batch, "first": 500}, token=token)["importBatch"]["grid"]
    items = sorted([*(row[0] for row in whole["rows"]), *(r["line"] for r in whole["refused"])])
    query = """query($id: ID!, $l: Int) { importBatch(id: $id) { grid(first: 3, fromLine: $l) {
        position rows refused { line } } } }"""
    for line in (1, 2, 8, 9, 11, 20, 21, 37, 38, 500):
        page = api.gql(query, {"id": batch, "l": line}, token=token)["importBatch"]["grid"]
        firsts = [r[0] for r in page["rows"]] + [r["line"] for r in page["refused"]]
        assert page["position"] == sum(1 for n in items if n < line), line
        if firsts:
            assert items[page["position"]] == min(firsts), line


def test_a_search_keeps_the_lines_that_match(api: Api, firm: dict[str, Any]) -> None:
    """Within a batch: by journal, account (its beginning), third party, amount on either side, words of the
    label or reference; the conditions together; paged, counted and placed like the whole grid."""
    token = firm["tokens"]["viewer"]
    batch = staged(api, firm, "search.txt", demo_fec(60, 2025, seed=8))
    every = pages(api, ENTRIES, "entries", token, id=batch, first=500)[0]["nodes"]
    search = """query($id: ID!, $f: GridFilter, $first: Int, $after: String, $l: Int) { importBatch(id: $id) {
        grid(first: $first, after: $after, filter: $f, fromLine: $l) { columns rows refused { line }
        totalCount refusedCount position pageInfo { hasNextPage endCursor } } } }"""

    def found(f: dict[str, Any], first: int = 500) -> list[list[Any]]:
        rows, after = [], None
        while True:
            page = api.gql(search, {"id": batch, "f": f, "first": first, "after": after}, token=token)
            grid = page["importBatch"]["grid"]
            assert grid["refused"] == [] and grid["refusedCount"] == 0
            rows += grid["rows"]
            if not grid["pageInfo"]["hasNextPage"]:
                assert grid["totalCount"] == len(rows)
                return rows
            after = grid["pageInfo"]["endCursor"]

    def expected(keep: Any) -> list[list[Any]]:
        return [[n[c] for c in COLUMNS] for n in every if keep(n)]

    customer = next(n["thirdParty"] for n in every if n["thirdParty"])
    big = every[0]["debit"] if every[0]["debit"] != "0.00" else every[0]["credit"]
    cases: list[tuple[dict[str, Any], Any]] = [
        ({"journal": "AC"}, lambda n: n["journal"] == "AC"),
        ({"account": "44"}, lambda n: n["account"].startswith("44")),
        ({"thirdParty": customer}, lambda n: n["thirdParty"] == customer),
        ({"amount": big}, lambda n: big in (n["debit"], n["credit"])),
        ({"text": "FACTURE 1"}, lambda n: "facture 1" in n["label"].lower()),
        ({"journal": "VT", "account": "4"}, lambda n: n["journal"] == "VT" and n["account"].startswith("4")),
        ({"account": "4%"}, lambda n: False),  # a wildcard is a character like another
        ({"text": "   "}, lambda n: True),  # blank: no condition
    ]
    for f, keep in cases:
        want = expected(keep)
        assert found(f, first=7) == want, f
    # A jump within the search lands where the search's own order puts it.
    vt = expected(lambda n: n["journal"] == "VT")
    line = vt[len(vt) // 2][0]
    page = api.gql(search, {"id": batch, "f": {"journal": "VT"}, "first": 5, "l": line}, token=token)
    assert page["importBatch"]["grid"]["position"] == sum(1 for r in vt if r[0] < line)
    # Bounded: an amount the currency cannot hold, a text too long.
    for f, field in (({"amount": "1.001"}, "amount"), ({"text": "x" * 101}, "text")):
        body = api.raw(search, {"id": batch, "f": f, "first": 5}, token=token)
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, body


def test_an_over_cost_grid_query_is_refused(api: Api, firm: dict[str, Any]) -> None:
    token = firm["tokens"]["viewer"]
    batch = staged(api, firm, "cost.txt", demo_fec(2, 2025, seed=2))
    # A row counts its values, as the same page of `entries` counts its fields: a page of 500 passes…
    page = "grid(first: 500) { rows refused { line text errors { code } } pageInfo { endCursor } }"
    one = api.gql(f"query($id: ID!) {{ importBatch(id: $id) {{ {page} }} }}", {"id": batch}, token=token)
    assert len(one["importBatch"]["grid"]["rows"]) == 6
    # …and a few of them in one request are refused before anything runs.
    many = (
        "query($id: ID!) { " + " ".join(f"b{i}: importBatch(id: $id) {{ {page} }}" for i in range(4)) + " }"
    )
    body = api.raw(many, {"id": batch}, token=token)
    assert body.get("data") is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX" and error["extensions"]["limit"] == "cost"
    # Rows alone, 500 a page: a row counts as many values as it has columns, as the same page of `entries`
    # selecting those fields would: as many pages as fit in the 50,000 pass, one more is refused.
    fit = 50_000 // (500 * len(COLUMNS))
    rows_only = "query($id: ID!) { " + " ".join(
        f"b{i}: importBatch(id: $id) {{ grid(first: 500) {{ rows }} }}" for i in range(fit + 1)
    ) + " }"  # fmt: skip
    refused = api.raw(rows_only, {"id": batch}, token=token)
    assert refused["errors"][0]["extensions"]["limit"] == "cost"
    fitting = rows_only.replace(f" b{fit}: importBatch(id: $id) {{ grid(first: 500) {{ rows }} }}", "")
    assert len(api.gql(fitting, {"id": batch}, token=token)[f"b{fit - 1}"]["grid"]["rows"]) == 6


def test_a_grid_page_is_two_queries_whatever_its_size(
    api: Api, firm: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A credential is remembered 5 s: one that expires between two counts (a slow run) would add its lookup.
    monkeypatch.setattr(principal_module, "CACHE_SECONDS", 3600)
    token = firm["tokens"]["viewer"]
    clean = staged(api, firm, "clean.txt", demo_fec(60, 2025, seed=4))
    refusing = staged(api, firm, "refusing.txt", _refusing_file()[0])

    def queries(query: str, variables: dict[str, Any]) -> int:
        return counted_queries(api, query, variables, token)

    page = "query($id: ID!, $first: Int) { importBatch(id: $id) { grid(first: $first) { rows refused { line } } } }"
    alone = "query($id: ID!) { importBatch(id: $id) { id } }"
    queries(alone, {"id": clean})  # the session's first request reads more (then cached)
    batch_alone = queries(alone, {"id": clean})
    # The lines in one query; the refused lines in a second one, only for a batch that refused some.
    assert [queries(page, {"id": clean, "first": n}) for n in (5, 500)] == [batch_alone + 1] * 2
    assert [queries(page, {"id": refusing, "first": n}) for n in (5, 500)] == [batch_alone + 2] * 2
