/** The table of imports (console and history): headers sorted by the API, optional row selection, live rows. */
import { useEffect, useRef, type ReactNode } from "react";
import { Link } from "../../app/router";
import { formatDateTime, formatDay } from "../../lib/dates";
import type { ImportOrigin } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import type { Messages } from "../../i18n/messages";
import { errorText, errorTitle, failureText } from "./errorText";
import { IN_PROGRESS, type Batch, type Column, type Sort } from "./model";
import type { BatchList } from "./useBatchList";

export interface BatchTableProps {
  caption: string;
  columns: Column[];
  rows: Batch[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  selection?: ReadonlySet<string>;
  onSelect?: (ids: Set<string>) => void;
  highlight?: string | null;
  detailHref?: (batch: Batch) => string;
  /** A posted import's entries in the books (the history). */
  entriesHref?: (batch: Batch) => string;
  empty: string;
  busy?: boolean;
}

export function StatusCell({ batch }: { batch: Batch }) {
  const { t } = useI18n();
  return (
    <span className="status-cell">
      <span className={`status status-${batch.status}`} data-testid="status">
        {t.status[batch.status]}
      </span>
      {IN_PROGRESS.has(batch.status) && (
        <span className="progress-wrap">
          <progress max={100} value={batch.progress} aria-label={t.progressLabel(batch.fileName)} />
          <span className="progress-text" aria-hidden="true">
            {batch.progress} %
          </span>
        </span>
      )}
    </span>
  );
}

export function BatchTable(props: BatchTableProps) {
  const { caption, columns, rows, sort, onSort, selection, onSelect, highlight, detailHref, entriesHref, empty, busy } = props;
  const { t, locale } = useI18n();
  const all = useRef<HTMLInputElement>(null);
  const selectable = Boolean(selection && onSelect);
  const selectedCount = selection ? rows.filter((r) => selection.has(r.id)).length : 0;

  useEffect(() => {
    if (all.current) all.current.indeterminate = selectedCount > 0 && selectedCount < rows.length;
  }, [selectedCount, rows.length]);

  useEffect(() => {
    if (!highlight) return;
    document.querySelector(`[data-batch-id="${CSS.escape(highlight)}"]`)?.scrollIntoView({ block: "center" });
  }, [highlight, rows.length]);

  const toggle = (id: string) => {
    if (!selection || !onSelect) return;
    const next = new Set(selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };

  const header = (column: Column) => {
    const label = t.col[column];
    const active = sort.column === column;
    const ariaSort = active ? (sort.direction === "ASC" ? "ascending" : "descending") : undefined;
    return (
      <th key={column} scope="col" aria-sort={ariaSort} className={`col-${column}`}>
        <button
          type="button"
          className="sort-button"
          onClick={() => onSort({ column, direction: active && sort.direction === "ASC" ? "DESC" : "ASC" })}
          title={t.sortBy(label)}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.direction === "ASC" ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  const cell = (batch: Batch, column: Column): ReactNode => {
    switch (column) {
      case "partner":
        return partnerLabel(t, batch);
      case "fileName":
        return detailHref ? (
          <Link to={detailHref(batch)} className="file-link">
            {batch.fileName}
          </Link>
        ) : (
          <span className="file-name" title={batch.fileName}>
            {batch.fileName}
          </span>
        );
      case "format":
        return batch.format === "AUTO" ? t.formatUnrecognised : t.format[batch.format];
      case "origin":
        return t.origin[batch.origin];
      case "status":
        return <StatusCell batch={batch} />;
      case "error":
        return (
          <>
            {batch.duplicateOfId && (
              <span className="duplicate" title={t.duplicateOf}>
                {t.duplicate}{" "}
              </span>
            )}
            {batch.status === "FAILED" ? (
              <span className="error-summary failure" title={failureText(t, locale, batch)}>
                {failureText(t, locale, batch)}
              </span>
            ) : (
              errorText(t, locale, batch) && (
                <span className="error-summary" title={errorTitle(t, locale, batch)}>
                  {errorText(t, locale, batch)}
                </span>
              )
            )}
          </>
        );
      case "detail":
        return (
          <>
            {t.detailEntries(locale, batch.entryCount)}
            {batch.rejectedEntryCount > 0 && <span className="muted"> · {t.rejectedEntries(locale, batch.rejectedEntryCount)}</span>}
            {entriesHref && batch.status === "SUCCEEDED" && (
              <>
                {" · "}
                <Link to={entriesHref(batch)} aria-label={t.bk.seeEntriesOf(batch.fileName)}>
                  {t.bk.seeEntries}
                </Link>
              </>
            )}
          </>
        );
      case "createdAt":
        return formatDateTime(batch.createdAt, locale);
      case "updatedAt":
        return formatDateTime(batch.updatedAt, locale);
      case "firstMovement":
        return formatDay(batch.firstMovement, locale);
      case "lastMovement":
        return formatDay(batch.lastMovement, locale);
      case "referencePeriod":
        return batch.referencePeriod?.name ?? "";
    }
  };

  return (
    <div className="table-scroll">
      <table className="grid-table" aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="col-select">
                <input
                  ref={all}
                  type="checkbox"
                  aria-label={t.selectAll}
                  checked={rows.length > 0 && selectedCount === rows.length}
                  disabled={rows.length === 0}
                  onChange={(e) => onSelect?.(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                />
              </th>
            )}
            {columns.map(header)}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0)} className="empty">
                {busy ? t.loading : empty}
              </td>
            </tr>
          )}
          {rows.map((batch) => {
            const selected = selection?.has(batch.id) ?? false;
            return (
              <tr
                key={batch.id}
                data-batch-id={batch.id}
                data-status={batch.status}
                className={`${selected ? "selected" : ""}${highlight === batch.id ? " highlight" : ""}`}
                onClick={(event) => {
                  if (!selectable) return;
                  const target = event.target as HTMLElement;
                  if (target.closest("a, button, input")) return;
                  toggle(batch.id);
                }}
              >
                {selectable && (
                  <td className="col-select">
                    <input type="checkbox" aria-label={t.selectRow(batch.fileName)} checked={selected} onChange={() => toggle(batch.id)} />
                  </td>
                )}
                {columns.map((column) => (
                  <td key={column} className={`col-${column}`}>
                    {cell(batch, column)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Who sent a file, in words: a partner's or user's name; a file the firm imported on the server (the
 * command line) has no sender to name, so its origin says it. */
export function partnerLabel(t: Messages, batch: { partner: string; origin: ImportOrigin }): string {
  return batch.origin === "CLI" ? t.origin.CLI : batch.partner;
}

/** Under a list of imports: how many are shown of how many, and the button that loads more. */
export function ListFoot({ list }: { list: Pick<BatchList, "rows" | "total" | "hasMore" | "loadMore"> }) {
  const { t, locale } = useI18n();
  return (
    <p className="muted table-foot">
      {t.rowCount(locale, list.rows.length, list.total)}
      {list.hasMore && (
        <button type="button" className="btn btn-quiet" onClick={list.loadMore}>
          {t.loadMore}
        </button>
      )}
    </p>
  );
}
