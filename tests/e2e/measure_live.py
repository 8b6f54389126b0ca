"""Measurements of the web app against a live `ecluse serve` (embedded deployment: SQLite, in-process jobs
and events), in Debian's Chromium. Not a test: run it by hand, from the repository's root:

    .venv/bin/python -m tests.e2e.measure_live [--runs 20] [--entries 33334]

1. Live latency, median of N: the time from a status change to its display in a browser that watches the
   console (a MutationObserver stamps the moment the row's status changes, on the same machine's clock):
   a. a status change made through the API (rejectImport by another client), from the request being sent,
      and from its response being received;
   b. a status change made by the job runner (the parse of an upload ends: PENDING_VALIDATION), from the
      moment the server recorded it (the createdAt of the notification written right after the event).
2. The entry detail of a 100,000-line batch (demo_fec(33334) = 100,002 lines): time to first render of
   its rows, opened by URL (page load included) and from the console's Visualiser button; then a jump to
   the last line (the grid chains keyset pages of 500) and the frame times while scrolling.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from datetime import date, datetime
from typing import Any

from tests.e2e.harness import EMAILS, PASSWORD, Live, launch_browser, live_server, missing_prerequisite
from tests.e2e.pages.app import ConsolePage, LoginPage

OBSERVER = """
() => {
  window.__seen = {};
  const stamp = () => {
    for (const tr of document.querySelectorAll('tbody tr[data-batch-id]')) {
      const key = tr.dataset.batchId + ':' + tr.dataset.status;
      if (!(key in window.__seen)) window.__seen[key] = performance.timeOrigin + performance.now();
    }
  };
  stamp();
  new MutationObserver(stamp).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'],
  });
}
"""


def _fec(entries: int) -> bytes:
    from ecluse.demo import demo_fec

    return demo_fec(entries, date.today().year, uuid.uuid4().int % 1_000_000)


def _seen(page: Any, batch_id: str, status: str, timeout: float = 60_000) -> float:
    key = f"{batch_id}:{status}"
    page.wait_for_function(f"() => window.__seen && window.__seen['{key}'] !== undefined", timeout=timeout)
    return float(page.evaluate(f"() => window.__seen['{key}']"))


def _note_time(live: Live, batch_id: str, kind: str) -> float:
    body = live.gql("{ notifications(first: 100) { nodes { kind batchId createdAt } } }")
    for note in body["notifications"]["nodes"]:
        if note["batchId"] == batch_id and note["kind"] == kind:
            return datetime.fromisoformat(note["createdAt"]).timestamp() * 1000
    raise AssertionError(f"no {kind} notification for batch {batch_id}")


def _summary(label: str, values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
    return (
        f"{label}: median {statistics.median(values):.1f} ms, min {values[0]:.1f}, p90 {p90:.1f}, "
        f"max {values[-1]:.1f} (n={len(values)})"
    )


def measure_latency(live: Live, page: Any, company: str, runs: int) -> list[str]:
    page.evaluate(OBSERVER)
    from_send: list[float] = []
    from_response: list[float] = []
    from_worker: list[float] = []
    for _ in range(runs):
        batch = live.upload(company, f"latency_{uuid.uuid4().hex[:8]}.txt", _fec(5))
        shown = _seen(page, batch["id"], "PENDING_VALIDATION")
        from_worker.append(shown - _note_time(live, batch["id"], "PARSE_DONE"))
        sent = time.time() * 1000
        payload = live.reject(batch["id"])
        received = time.time() * 1000
        assert not payload["errors"], payload
        shown = _seen(page, batch["id"], "REJECTED")
        from_send.append(shown - sent)
        from_response.append(shown - received)
    return [
        _summary("1a. API status change (rejectImport) -> second browser, from request sent", from_send),
        _summary(
            "    same, from the API's response received (negative: shown before the reply)", from_response
        ),
        _summary(
            "1b. job status change (parse done) -> second browser, from the server's record", from_worker
        ),
    ]


def measure_detail(live: Live, page: Any, company: str, entries: int) -> list[str]:
    data = _fec(entries)
    lines = len(data.splitlines()) - 1
    started = time.monotonic()
    batch = live.upload(company, f"big_{uuid.uuid4().hex[:6]}.txt", data)
    batch = live.wait_status(batch["id"], {"PENDING_VALIDATION", "FINISHED_WITH_ERROR"}, timeout=900)
    parsed = time.monotonic() - started
    out = [f"2.  {lines:,} lines ({len(data) / 1e6:.1f} MB) uploaded and parsed in {parsed:.1f} s"]

    # The first page as the API serves it, alone.
    query = (
        "query($id: ID!) { importBatch(id: $id) { entries(first: 500) { totalCount nodes { id debit } } } }"
    )
    api_times = []
    for _ in range(5):
        t0 = time.perf_counter()
        live.gql(query, {"id": batch["id"]})
        api_times.append((time.perf_counter() - t0) * 1000)
    out.append(_summary("    API: first page of 500 lines with totalCount", api_times))

    url = f"/c/{company}/imports/detail?ids={batch['id']}"
    by_url = []
    for _ in range(5):
        page.goto(url)
        page.wait_for_function("() => performance.getEntriesByName('ecluse:entries-first-render').length > 0")
        by_url.append(
            float(
                page.evaluate(
                    "() => performance.getEntriesByName('ecluse:entries-first-render')[0].startTime"
                )
            )
        )
    out.append(
        _summary("2a. first rows of the 100k-line detail, opened by URL (from navigation start)", by_url)
    )

    by_click = []
    console = ConsolePage.goto(page, company)
    for _ in range(5):
        console.wait_loaded()
        console.row_by_id(batch["id"]).locator("input[type=checkbox]").check()
        page.evaluate(
            """() => {
              performance.clearMarks();
              window.__t0 = performance.now();
              [...document.querySelectorAll('[role=toolbar] button')]
                .find((b) => b.textContent.trim() === 'Visualiser').click();
            }"""
        )
        page.wait_for_function("() => performance.getEntriesByName('ecluse:entries-first-render').length > 0")
        by_click.append(
            float(
                page.evaluate(
                    "() => performance.getEntriesByName('ecluse:entries-first-render')[0].startTime - window.__t0"
                )
            )
        )
        page.go_back()
    out.append(_summary("2b. first rows of the 100k-line detail, from the click on Visualiser", by_click))

    # Jump to the last line: the grid chains the keyset pages up to it.
    page.goto(url)
    grid = page.get_by_role("grid")
    grid.locator('[role="row"][aria-rowindex="2"]:not(.eg-placeholder)').wait_for()
    t0 = time.perf_counter()
    grid.evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
    grid.locator(f'[role="row"][aria-rowindex="{lines + 1}"]:not(.eg-placeholder)').wait_for(timeout=300_000)
    out.append(
        f"2c. jump to line {lines:,} (all {lines // 500 + 1} pages chained): {time.perf_counter() - t0:.1f} s"
    )

    for rows_per_frame in (3, 30):
        frames = page.evaluate(
            """(step) => new Promise((resolve) => {
              const el = document.querySelector('[role=grid]');
              const times = [];
              let last = performance.now();
              let n = 0;
              const tick = (now) => {
                times.push(now - last); last = now;
                el.scrollTop = n * step;  // written, never read: no forced layout from the measure itself
                if (++n < 240) requestAnimationFrame(tick); else resolve(times.slice(2));
              };
              requestAnimationFrame(tick);
            })""",
            rows_per_frame * 30,
        )
        frames = sorted(frames)
        out.append(
            f"2d. scrolling {rows_per_frame} rows per frame through loaded lines, 240 frames: median frame "
            f"{statistics.median(frames):.1f} ms, p95 {frames[int(0.95 * (len(frames) - 1))]:.1f} ms, "
            f"max {frames[-1]:.1f} ms; rows in the DOM: {grid.locator('[role=row]').count()}"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--entries", type=int, default=33334, help="entries of the big file (3 lines each)")
    args = parser.parse_args()
    reason = missing_prerequisite()
    if reason:
        raise SystemExit(reason)
    from playwright.sync_api import sync_playwright

    with live_server() as live, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            context = browser.new_context(
                base_url=live.url, viewport={"width": 1366, "height": 768}, locale="fr-FR"
            )
            page = context.new_page()
            LoginPage(page).login(EMAILS["collaborator"], PASSWORD)
            company = live.company_id(0)
            ConsolePage.goto(page, company)
            results = measure_latency(live, page, company, args.runs)
            results += measure_detail(live, page, company, args.entries)
        finally:
            browser.close()
    print("\n".join(results))


if __name__ == "__main__":
    main()
