/**
 * A connection of the books (ledger lines, entries, the chart) in a virtualised ARIA grid, as the entry
 * detail's grid: only the visible rows (plus an overscan) are in the DOM, so a 1,000,000-line ledger scrolls
 * like a 100-line one. Pages come by keyset (100 rows first, then 500, or what the document allows) as the
 * user scrolls near the end of what is loaded, each from the previous page's `endCursor`. A keyset page cannot
 * be fetched by position, so the grid is as long as what is loaded plus a loading row: a scrollbar drag never
 * asks for the thousands of pages before a far row, and the body stays under browsers' largest element height.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { useCatchUp } from "../../app/catchUp";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18n";

/** A connection's page, as the GraphQL documents select it. */
export interface KeysetPage<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: Node[];
}

/** Fetches `first` nodes after the cursor (null: the first page); aborted when the grid goes. */
export type FetchPage<Node> = (after: string | null, first: number, signal: AbortSignal) => Promise<KeysetPage<Node>>;

export interface GridColumn<Row> {
  key: string;
  header: ReactNode;
  /** Fixed widths: a row's layout needs no measuring of its text (fast when many rows change at once). */
  width: number;
  /** Figures, aligned right. */
  num?: boolean;
  /** Its cells name their row (a code in a list). */
  rowHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** The whole text of a cell its width may cut. */
  title?: (row: Row) => string | undefined;
  testId?: string;
}

/** A cell of a row laid out apart from the columns (an entry's heading across its lines' columns). */
export interface GridCell {
  span?: number;
  rowHeader?: boolean;
  content: ReactNode;
  className?: string;
  title?: string;
  testId?: string;
}

export type RowAttributes = { className?: string; "aria-label"?: string } & { [data: `data-${string}`]: string | undefined };

export interface KeysetGridProps<Node, Row> {
  label: string;
  columns: readonly GridColumn<Row>[];
  /** A new function starts nothing over: give the grid a `key` per query instead. */
  fetchPage: FetchPage<Node>;
  /** The grid rows of a node (an entry: its heading, then its lines); by default the node itself. */
  toRows?: (node: Node) => Row[];
  /** The cells of a row laid out otherwise; null: one per column. */
  cells?: (row: Row) => GridCell[] | null;
  rowAttributes?: (row: Row) => RowAttributes;
  /** « 100 lignes sur 1 000 000 », above the grid (nodes loaded, nodes in all; numbers formatted for `locale`). */
  count: (locale: string, shown: number, total: number) => string;
  empty: string;
  /** Brought to the top of the grid once loaded (pages are fetched to find it, up to SEEK_PAGES). */
  scrollTo?: (row: Row) => boolean;
  /** The first page is small: the first rows show sooner (a screen holds ~15). */
  pageSizes?: { first: number; next: number };
  testId?: string;
}

const ROW_HEIGHT = 30;
const HEAD_HEIGHT = 32;
/** Fetch the next page when the last visible row is this close to the last loaded one. */
const AHEAD = 60;
const OVERSCAN = 8;
/** How far to chain pages looking for the row to bring into view (a link to an entry). */
const SEEK_PAGES = 50;
const DEFAULT_SIZES = { first: 100, next: 500 };

/** The rows loaded so far and where the next page starts: mutable, as a page appends to 1,000,000 rows. */
interface Loaded<Row> {
  rows: Row[];
  nodes: number;
  pages: number;
  after: string | null;
  hasNext: boolean;
  busy: AbortController | null;
}

interface View {
  rows: number;
  nodes: number;
  total: number | null;
  hasNext: boolean;
}

export function KeysetGrid<Node, Row = Node>(props: KeysetGridProps<Node, Row>) {
  const { label, columns, fetchPage, toRows, cells, rowAttributes, count, empty, scrollTo, testId } = props;
  const sizes = props.pageSizes ?? DEFAULT_SIZES;
  const { t, locale } = useI18n();
  const [loaded] = useState<Loaded<Row>>(() => ({ rows: [], nodes: 0, pages: 0, after: null, hasNext: true, busy: null }));
  /** What the render shows of `loaded`, set as each page comes (the rows themselves are appended, not copied). */
  const [view, setView] = useState<View>({ rows: 0, nodes: 0, total: null, hasNext: true });
  const { rows: rowCount, total } = view;
  /** The last page's failure: loading stops until Retry (or a catch-up) clears it. */
  const [error, setError] = useState<unknown>(null);
  const [target, setTarget] = useState<number | null>(null);
  const seeking = useRef(Boolean(scrollTo));
  const wantedTo = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);

  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    // A trailing row says the next page is coming (and brings it when scrolled to); the first one is said
    // above the grid.
    count: rowCount + (view.hasNext && !error && total !== null ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1]!.index : 0;

  /** One loop at a time chains pages while the wanted rows (or the row to bring into view) are not loaded. */
  const fill = useCallback(async () => {
    if (loaded.busy || !loaded.hasNext) return;
    const controller = new AbortController();
    loaded.busy = controller;
    try {
      while (loaded.hasNext && (loaded.rows.length < wantedTo.current || (seeking.current && loaded.pages < SEEK_PAGES))) {
        const page = await fetchPage(loaded.after, loaded.pages === 0 ? sizes.first : sizes.next, controller.signal);
        if (controller.signal.aborted) return;
        const start = loaded.rows.length;
        for (const node of page.nodes) {
          if (toRows) for (const row of toRows(node)) loaded.rows.push(row);
          else loaded.rows.push(node as unknown as Row);
        }
        loaded.nodes += page.nodes.length;
        loaded.pages += 1;
        loaded.after = page.pageInfo.endCursor ?? null;
        loaded.hasNext = page.pageInfo.hasNextPage && page.nodes.length > 0 && loaded.after !== null;
        if (seeking.current && scrollTo) {
          const found = loaded.rows.findIndex((row, i) => i >= start && scrollTo(row));
          if (found >= 0) {
            seeking.current = false;
            setTarget(found);
          }
        }
        setView({ rows: loaded.rows.length, nodes: loaded.nodes, total: page.totalCount, hasNext: loaded.hasNext });
      }
      seeking.current = false;
    } catch (e) {
      if (!controller.signal.aborted) setError(e);
    } finally {
      // A grid unmounted meanwhile (or StrictMode's rehearsal) has let another loop start.
      if (loaded.busy === controller) loaded.busy = null;
    }
  }, [loaded, fetchPage, sizes.first, sizes.next, toRows, scrollTo]);

  // Retry, and back online (or reconnected) after a failure: pages go on from where they stopped (the rows
  // loaded stay: posted lines never change).
  const retry = useCallback(() => setError(null), []);
  useCatchUp(retry);

  useEffect(() => {
    wantedTo.current = lastVisible + AHEAD;
    if (!error && view.hasNext && (lastVisible + AHEAD > rowCount || seeking.current)) void fill();
  }, [lastVisible, rowCount, view.hasNext, error, fill]);

  useEffect(
    () => () => {
      loaded.busy?.abort();
      loaded.busy = null;
    },
    [loaded],
  );

  useEffect(() => {
    if (target !== null) virtualizer.scrollToIndex(target, { align: "start" });
  }, [target, virtualizer]);

  const style = {
    "--kg-columns": columns.map((c) => `${c.width}px`).join(" "),
    "--kg-width": `${columns.reduce((sum, c) => sum + c.width, 0)}px`,
  } as CSSProperties;
  // Rows of a node each: the count is known; rows flattened from nodes: only once the last page is in.
  const ariaRowCount = toRows ? (view.hasNext ? -1 : rowCount + 1) : (total ?? 0) + 1;

  const rowCells = (row: Row): GridCell[] =>
    cells?.(row) ??
    columns.map((c) => ({
      content: c.cell(row),
      rowHeader: c.rowHeader,
      title: c.title?.(row),
      testId: c.testId,
      className: `kg-${c.key}${c.num ? " num" : ""}`,
    }));

  return (
    <div className="keyset-grid-wrap">
      <QueryState fetching={total === null} error={error} hasData={total !== null} onRetry={retry}>
        <p className="muted kg-count" data-testid="grid-count">
          {total !== null && count(locale, view.nodes, total)}
        </p>
      </QueryState>
      <div
        ref={scroller}
        className="keyset-grid"
        role="grid"
        aria-label={label}
        aria-rowcount={ariaRowCount}
        aria-colcount={columns.length}
        aria-busy={(total === null && !error) || undefined}
        tabIndex={0}
        style={style}
        data-testid={testId}
        data-loaded={view.nodes}
        data-total={total ?? ""}
      >
        <div role="rowgroup" className="kg-head">
          <div role="row" aria-rowindex={1} className="kg-row">
            {columns.map((c, i) => (
              <div key={c.key} role="columnheader" aria-colindex={i + 1} className={`kg-cell kg-${c.key}${c.num ? " num" : ""}`}>
                {c.header}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="kg-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = loaded.rows[item.index];
            const place = { transform: `translateY(${item.start - HEAD_HEIGHT}px)` };
            if (row === undefined) {
              return (
                <div key={item.index} role="row" aria-rowindex={item.index + 2} className="kg-row kg-placeholder" style={place} data-index={item.index}>
                  <div role="gridcell" aria-colindex={1} aria-colspan={columns.length} className="kg-cell kg-wide">
                    {t.loading}
                  </div>
                </div>
              );
            }
            const { className, ...attributes } = rowAttributes?.(row) ?? {};
            let column = 1;
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className={`kg-row${className ? ` ${className}` : ""}`}
                style={place}
                data-index={item.index}
                {...attributes}
              >
                {rowCells(row).map((cell) => {
                  const span = cell.span ?? 1;
                  const at = column;
                  column += span;
                  return (
                    <div
                      key={at}
                      role={cell.rowHeader ? "rowheader" : "gridcell"}
                      aria-colindex={at}
                      aria-colspan={span > 1 ? span : undefined}
                      className={`kg-cell${cell.className ? ` ${cell.className}` : ""}`}
                      style={span > 1 ? { gridColumn: `span ${span}` } : undefined}
                      title={cell.title}
                      data-testid={cell.testId}
                    >
                      {cell.content}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {total === 0 && <p className="empty">{empty}</p>}
      </div>
    </div>
  );
}
