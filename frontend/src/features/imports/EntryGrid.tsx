/**
 * The entry lines of a batch in a virtualised ARIA grid: only the visible rows (plus an overscan) are in the
 * DOM, so a 100,000-line batch scrolls like a 100-line one. Lines come in pages (100 first, then 500) as the
 * user scrolls: a page's keyset cursor leads to the next, and a jump (End, a scrollbar drag) fetches the page
 * under the viewport directly from its file line; rows not loaded yet show as placeholders. Pages come from
 * `importBatch.grid` (rows as arrays of values: a few resolved fields a page), and the lines the import
 * refused stand in place among the staged ones, with their text and what was wrong.
 */
import { observeElementOffset, useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { useCatchUp } from "../../app/catchUp";
import { QueryState } from "../../components/QueryState";
import type { BatchGridQuery, GridFilter } from "../../gql/graphql";
import type { Messages } from "../../i18n/messages";
import { formatDay } from "../../lib/dates";
import { gqlFetch } from "../../lib/gql";
import { formatDecimal } from "../../lib/money";
import { useI18n } from "../../i18n/I18n";
import { issueLabel } from "./errorText";
import { type GridItem, type GridLine, type GridRefused, pageItems } from "./gridPage";
import { BatchGridQuery as GridDoc } from "./operations";
import { barFor, drawnAt, keyMove, tallScroll } from "./tallScroll";

type GridPage = BatchGridQuery["importBatch"]["grid"];

/** What a refused line's row says: what was wrong, in the user's language (the code when the app does not
 * know it), or only that it was refused (another line of its entry was wrong). */
export function refusedText(t: Messages, item: GridRefused): string {
  return t.gridRefused(item.codes.map((code) => issueLabel(t, code) ?? code).join(" · "));
}

export const PAGE_SIZE = 500;
/** The first page is small: the first rows show sooner (a screen holds ~20). */
const FIRST_PAGE = 100;
const ROW_HEIGHT = 30;
/** The sticky header row above the rows (styles.css `.eg-head .eg-row`): the rows see the rest. */
const HEAD_HEIGHT = 32;
/** Keep this many loaded rows ahead of the last visible one. */
const AHEAD = 250;
/** More than the rows ever in the DOM at once (a viewport of rows + 2 × overscan). */
const SLOTS = 128;
export const FIRST_RENDER_MARK = "ecluse:entries-first-render";

const COLUMNS = [
  "line", "journal", "date", "piece", "account", "thirdParty", "reference", "label", "debit", "credit", "lettering",
  "analytic", "dueDate", "currencyAmount",
] as const;

/** A line to show (a jump from an error): `key` changes at each request, so the same line can be asked again. */
export interface GridJump {
  line: number;
  key: number;
}

/** A loaded page, keyed in the cache by the file line of its first row. */
interface Page {
  index: number;
  count: number;
  endCursor: string | null;
  hasNext: boolean;
}

/** The grid of a batch's lines; with `filter`, of those the search keeps (mount a new grid for a new search:
 * `key` it by the filter). */
export function EntryGrid({
  batchId,
  fileName,
  jump,
  filter = null,
}: {
  batchId: string;
  fileName: string;
  jump?: GridJump | null;
  filter?: GridFilter | null;
}) {
  const { t, locale } = useI18n();
  /** The rows by their index in the grid (sparse: pages loaded by a jump leave holes before them). */
  const lines = useRef<GridItem[]>([]);
  const pages = useRef(new Map<number, Page>());
  /** The file line of the first row, and whether row i is at line first + i (learnt by one probe). */
  const firstLine = useRef<number | null>(null);
  const contiguous = useRef(false);
  const busy = useRef(false);
  const [loaded, setLoaded] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  /** The last page's failure: loading stops until Retry (or a catch-up) clears it. */
  const [error, setError] = useState<unknown>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const marked = useRef(false);
  /** The file line a jump led to: its row is marked. */
  const [target, setTarget] = useState<number | null>(null);

  // Past what a browser can draw (10,000,000 lines), the bar is scaled (tallScroll.ts): the virtualizer
  // works in list pixels, the bar in real ones.
  const listHeight = (total ?? 0) * ROW_HEIGHT;
  const rowsView = () => (scroller.current?.clientHeight ?? 600) - HEAD_HEIGHT;
  const tall = tallScroll(listHeight, rowsView());
  const scale = useRef(1);
  scale.current = tall.k;

  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    observeElementOffset: (instance, report) =>
      observeElementOffset(instance, (offset, scrolling) => report(offset * scale.current, scrolling)),
  });
  const listOffset = virtualizer.scrollOffset ?? 0;
  const items = virtualizer.getVirtualItems();
  const firstVisible = items.length ? items[0]!.index : 0;
  const lastVisible = items.length ? items[items.length - 1]!.index : 0;

  // The rows that must be loaded, read by the loading loop: from the first visible one (from the first row
  // when a jump cannot be placed exactly) to the last visible one plus a margin.
  const wantTo = total === null ? 1 : Math.min(total, lastVisible + AHEAD);
  const wanted = useRef({ from: 0, to: 0 });

  /** Store a page's items from row `index` on; how many it had. */
  const store = useCallback((index: number, page: GridPage): number => {
    const nodes = pageItems(page);
    if (nodes.length === 0) return 0;
    for (let i = 0; i < nodes.length; i++) lines.current[index + i] = nodes[i]!;
    pages.current.set(nodes[0]!.line, {
      index,
      count: nodes.length,
      endCursor: page.pageInfo.endCursor ?? null,
      hasNext: page.pageInfo.hasNextPage,
    });
    // Pages may overlap (a jump that lands inside a loaded page): count the rows (reduce skips the holes).
    setLoaded(lines.current.reduce((n) => n + 1, 0));
    return nodes.length;
  }, []);

  /** The first row of [from, to) not loaded yet, or null. */
  const firstMissing = (from: number, to: number): number | null => {
    for (let i = from; i < to; i++) if (lines.current[i] === undefined) return i;
    return null;
  };

  /** One loop at a time loads what `wanted` lacks. A page that ends where the gap starts continues by its
   * keyset cursor; anywhere else, a jump fetches the page under the viewport directly (`fromLine`), when
   * rows map to file lines exactly; otherwise pages chain from the first row. */
  const fill = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      if (firstLine.current === null) {
        const data = await gqlFetch(GridDoc, { id: batchId, first: FIRST_PAGE, after: null, withCount: true, filter });
        const page = data.importBatch.grid;
        const items = pageItems(page);
        // The grid's rows: the staged lines and the refused ones.
        const count = (page.totalCount ?? 0) + (page.refusedCount ?? 0);
        setTotal(count);
        if (items.length === 0) return;
        firstLine.current = items[0]!.line;
        store(0, page);
        if (count > items.length) {
          // Probe the last row: it is at line first + total - 1 only when no line of the file is missing.
          const last = await gqlFetch(GridDoc, {
            id: batchId,
            first: 1,
            after: null,
            fromLine: firstLine.current + count - 1,
            withCount: false,
            filter,
          });
          const probe = last.importBatch.grid;
          contiguous.current = pageItems(probe)[0]?.line === firstLine.current + count - 1 && !probe.pageInfo.hasNextPage;
          if (contiguous.current) store(count - 1, probe);
        }
        return; // let the grid learn its size before going further
      }
      const endingAt = (index: number): Page | undefined => {
        for (const p of pages.current.values()) if (p.index + p.count === index && p.hasNext) return p;
        return undefined;
      };
      for (;;) {
        // A gap in view that a loaded page leads to (below a jump's page, say) goes on from that page's cursor;
        // otherwise, when rows do not map to file lines, pages chain from the first row.
        const near = firstMissing(wanted.current.from, wanted.current.to);
        const missing = contiguous.current || (near !== null && endingAt(near)) ? near : firstMissing(0, wanted.current.to);
        if (missing === null) break;
        const previous = endingAt(missing);
        if (!previous && !contiguous.current) break; // nothing leads there (the last page was reached)
        const data = await gqlFetch(
          GridDoc,
          previous
            ? { id: batchId, first: PAGE_SIZE, after: previous.endCursor, withCount: false, filter }
            : { id: batchId, first: PAGE_SIZE, after: null, fromLine: firstLine.current + missing, withCount: false, filter },
        );
        const page = data.importBatch.grid;
        if (store(missing, page) === 0) break;
      }
    } catch (e) {
      setError(e);
    } finally {
      busy.current = false;
    }
  }, [batchId, store, filter]);

  useEffect(() => {
    wanted.current = { from: Math.max(0, firstVisible - 8), to: wantTo };
    if (!error && (total === null || firstMissing(contiguous.current ? wanted.current.from : 0, wantTo) !== null)) void fill();
  }, [loaded, firstVisible, wantTo, total, fill, error]);

  // A jump to a file line: where its row stands is known from the line when rows map to lines, else the
  // page asked from that line says it (`position`); the grid scrolls there and marks the row.
  useEffect(() => {
    const first = firstLine.current;
    if (!jump || total === null || first === null) return;
    let cancelled = false;
    const go = async () => {
      let index: number;
      if (contiguous.current) index = Math.max(0, Math.min(total - 1, jump.line - first));
      else {
        const data = await gqlFetch(GridDoc, {
          id: batchId, first: PAGE_SIZE, after: null, fromLine: jump.line, withCount: false, withPosition: true, filter,
        });
        const page = data.importBatch.grid;
        index = Math.min(Math.max(0, total - 1), page.position ?? 0);
        if (!cancelled) store(index, page);
      }
      if (cancelled) return;
      setTarget(jump.line);
      const el = scroller.current;
      if (scale.current === 1 || !el) virtualizer.scrollToIndex(index, { align: "center" });
      else {
        const centred = index * ROW_HEIGHT - (rowsView() - ROW_HEIGHT) / 2;
        const offset = Math.min(Math.max(0, centred), total * ROW_HEIGHT - rowsView());
        el.scrollTop = barFor(offset, scale.current);
      }
    };
    go().catch((e: unknown) => setError(e));
    return () => {
      cancelled = true;
    };
    // The virtualizer is a new object each render: the jump runs once per request (`jump.key`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jump?.key, total === null, batchId, store]);

  // Retry, and back online (or reconnected) after a failure: loading goes on from where it stopped. The
  // lines loaded stay: a batch's lines do not change while it is staged.
  const retry = useCallback(() => setError(null), []);
  useCatchUp(retry);

  // A scaled bar moves k rows per pixel: the wheel moves the list as in a short one.
  useEffect(() => {
    const el = scroller.current;
    if (!el || tall.k === 1) return;
    const k = tall.k;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return; // zoom, sideways
      event.preventDefault();
      const unit = event.deltaMode === 1 ? ROW_HEIGHT : event.deltaMode === 2 ? el.clientHeight : 1;
      el.scrollTop += (event.deltaY * unit) / k;
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [tall.k]);

  /** And so do the keys (a row, a page, an end). */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const el = scroller.current;
    if (!el || tall.k === 1 || event.altKey || event.ctrlKey || event.metaKey) return;
    const view = rowsView();
    const next = keyMove(event.key, el.scrollTop * tall.k, view - ROW_HEIGHT, ROW_HEIGHT, listHeight, view);
    if (next === null) return;
    event.preventDefault();
    el.scrollTop = barFor(next, tall.k);
  };

  useEffect(() => {
    if (loaded > 0 && !marked.current) {
      marked.current = true;
      performance.mark(FIRST_RENDER_MARK, { detail: { batchId } });
    }
  }, [loaded, batchId]);

  const cell = (line: GridLine, column: (typeof COLUMNS)[number]) => {
    switch (column) {
      case "line":
        return String(line.line);
      case "date":
        return formatDay(line.date, locale);
      case "debit":
        return formatDecimal(line.debit, locale);
      case "credit":
        return formatDecimal(line.credit, locale);
      case "thirdParty":
        return line.thirdParty ?? "";
      case "dueDate":
        return line.dueDate ? formatDay(line.dueDate, locale) : "";
      case "currencyAmount":
        return line.currencyAmount === null ? "" : `${formatDecimal(line.currencyAmount, locale)}${line.currency ? ` ${line.currency}` : ""}`;
      default:
        return line[column];
    }
  };

  return (
    <div className="entry-grid-wrap">
      <QueryState fetching={total === null} error={error} hasData={total !== null} onRetry={retry} />
      <div
        ref={scroller}
        className="entry-grid"
        role="grid"
        aria-label={t.gridLabel(fileName)}
        aria-rowcount={(total ?? 0) + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={(total === null && !error) || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="entry-grid"
        data-loaded={loaded}
        data-total={total ?? ""}
      >
        <div role="rowgroup" className="eg-head">
          <div role="row" aria-rowindex={1} className="eg-row">
            {COLUMNS.map((c, i) => (
              <div key={c} role="columnheader" aria-colindex={i + 1} className={`eg-cell eg-${c}`}>
                {t.ecol[c]}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="eg-body" style={{ height: tall.body }}>
          {items.map((item) => {
            const line = lines.current[item.index];
            if (line?.kind === "refused") {
              const what = refusedText(t, line);
              return (
                <div
                  key={item.index % SLOTS}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-current={line.line === target || undefined}
                  className={`eg-row eg-refused${line.line === target ? " eg-target" : ""}`}
                  style={{ transform: `translateY(${drawnAt(item.start, listOffset, tall.k)}px)`, height: ROW_HEIGHT }}
                >
                  <div role="gridcell" aria-colindex={1} className="eg-cell eg-line">
                    {String(line.line)}
                  </div>
                  <div role="gridcell" aria-colindex={2} aria-colspan={COLUMNS.length - 1} className="eg-cell eg-refused-cell" title={line.text ?? what}>
                    <span className="eg-refused-what">{what}</span>
                    {line.text !== null && <span className="eg-refused-text">{line.text}</span>}
                  </div>
                </div>
              );
            }
            return (
              <div
                // Recycled slots: scrolling updates the text of existing rows instead of creating new ones.
                key={item.index % SLOTS}
                role="row"
                aria-rowindex={item.index + 2}
                aria-current={(line && line.line === target) || undefined}
                className={`eg-row${line ? (line.line === target ? " eg-target" : "") : " eg-placeholder"}`}
                style={{ transform: `translateY(${drawnAt(item.start, listOffset, tall.k)}px)`, height: ROW_HEIGHT }}
              >
                {COLUMNS.map((c, i) => (
                  <div key={c} role="gridcell" aria-colindex={i + 1} className={`eg-cell eg-${c}`} title={line && c === "account" ? line.accountLabel : line && c === "thirdParty" ? (line.thirdPartyName ?? undefined) : undefined}>
                    {line ? cell(line, c) : c === "label" ? t.gridLoading : ""}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {total === 0 && <p className="empty">{filter ? t.gsearch.none : t.noImports}</p>}
      </div>
    </div>
  );
}
