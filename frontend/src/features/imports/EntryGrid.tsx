/**
 * The entry lines of a batch in a virtualised ARIA grid: only the visible rows (plus an overscan) are in the
 * DOM, so a 100,000-line batch scrolls like a 100-line one. Lines come in keyset pages (100 first, then 500)
 * as the user scrolls (each page's cursor leads to the next); rows not loaded yet show as placeholders.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BatchEntriesQuery } from "../../gql/graphql";
import { formatDay } from "../../lib/dates";
import { gqlFetch } from "../../lib/gql";
import { formatDecimal } from "../../lib/money";
import { useI18n } from "../../i18n/I18n";
import { BatchEntriesQuery as EntriesDoc } from "./operations";

type Line = NonNullable<BatchEntriesQuery["importBatch"]["entries"]["nodes"]>[number];

export const PAGE_SIZE = 500;
/** The first page is small: the first rows show sooner (a screen holds ~20). */
const FIRST_PAGE = 100;
const ROW_HEIGHT = 30;
/** Keep this many loaded rows ahead of the last visible one. */
const AHEAD = 250;
/** More than the rows ever in the DOM at once (a viewport of rows + 2 × overscan). */
const SLOTS = 128;
export const FIRST_RENDER_MARK = "ecluse:entries-first-render";

const COLUMNS = ["line", "journal", "date", "piece", "account", "thirdParty", "reference", "label", "debit", "credit", "lettering"] as const;

export function EntryGrid({ batchId, fileName }: { batchId: string; fileName: string }) {
  const { t, locale } = useI18n();
  const lines = useRef<Line[]>([]);
  const cursor = useRef<string | null>(null);
  const hasNext = useRef(true);
  const busy = useRef(false);
  const [loaded, setLoaded] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const marked = useRef(false);

  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1]!.index : 0;

  // How far the lines must be loaded: the last visible row plus a margin, read by the loading loop.
  const want = total === null ? 1 : Math.min(total, lastVisible + AHEAD);
  const wanted = useRef(0);

  /** One loop at a time fetches pages in order (each cursor leads to the next) until `wanted` is reached;
   * a jump to the end chains them all. */
  const fill = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (hasNext.current && lines.current.length < wanted.current) {
        const data = await gqlFetch(EntriesDoc, {
          id: batchId,
          first: cursor.current === null ? FIRST_PAGE : PAGE_SIZE,
          after: cursor.current,
          withCount: cursor.current === null,
        });
        const page = data.importBatch.entries;
        lines.current.push(...page.nodes);
        cursor.current = page.pageInfo.endCursor ?? null;
        hasNext.current = page.pageInfo.hasNextPage;
        if (page.totalCount != null) setTotal(page.totalCount);
        if (!page.pageInfo.hasNextPage) setTotal(lines.current.length);
        setLoaded(lines.current.length);
        if (page.totalCount != null) break; // let the grid learn its size before going further
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      hasNext.current = false;
    } finally {
      busy.current = false;
    }
  }, [batchId]);

  useEffect(() => {
    wanted.current = want;
    if (!error && hasNext.current && lines.current.length < want) void fill();
  }, [loaded, want, fill, error]);

  useEffect(() => {
    if (loaded > 0 && !marked.current) {
      marked.current = true;
      performance.mark(FIRST_RENDER_MARK, { detail: { batchId } });
    }
  }, [loaded, batchId]);

  const cell = (line: Line, column: (typeof COLUMNS)[number]) => {
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
      default:
        return line[column];
    }
  };

  return (
    <div className="entry-grid-wrap">
      {error && (
        <p role="alert" className="form-error">
          {t.errorGeneric(error)}
        </p>
      )}
      <div
        ref={scroller}
        className="entry-grid"
        role="grid"
        aria-label={t.gridLabel(fileName)}
        aria-rowcount={(total ?? 0) + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={loaded === 0 || undefined}
        tabIndex={0}
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
        <div role="rowgroup" className="eg-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const line = lines.current[item.index];
            return (
              <div
                // Recycled slots: scrolling updates the text of existing rows instead of creating new ones.
                key={item.index % SLOTS}
                role="row"
                aria-rowindex={item.index + 2}
                className={`eg-row${line ? "" : " eg-placeholder"}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
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
        {total === 0 && <p className="empty">{t.noImports}</p>}
      </div>
    </div>
  );
}
