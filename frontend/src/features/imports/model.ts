/** The console's rows: filters, sorting, and the live store that merges query pages with events. */
import type { BatchFieldsFragment, ImportBatchFilter, ImportFormat, ImportSortField, ImportStatus } from "../../gql/graphql";
import { compareDecimal } from "../../lib/money";
import { formatDay, localDay, parseDay } from "../../lib/dates";

export type Batch = BatchFieldsFragment;

/** What the partner-imports console lists: everything but the succeeded imports (they live in the history). */
export const CONSOLE_STATUSES: readonly ImportStatus[] = [
  "RECEIVED",
  "PARSING",
  "PENDING_VALIDATION",
  "FINISHED_WITH_ERROR",
  "FAILED",
  "VALIDATING",
  "REJECTED",
];
/** The statuses offered by the console's filter (the reference's three first). */
export const FILTER_STATUSES: readonly ImportStatus[] = ["PENDING_VALIDATION", "REJECTED", "FINISHED_WITH_ERROR", "FAILED", "PARSING"];
export const HISTORY_FILTER_STATUSES: readonly ImportStatus[] = [
  "SUCCEEDED",
  "PENDING_VALIDATION",
  "REJECTED",
  "FINISHED_WITH_ERROR",
  "FAILED",
];
export const FILTER_FORMATS: readonly ImportFormat[] = ["FEC", "TRA", "JSON", "CUSTOM"];
export const UPLOAD_FORMATS: readonly ImportFormat[] = ["AUTO", "FEC", "TRA", "JSON", "CUSTOM"];
export const IN_PROGRESS: ReadonlySet<ImportStatus> = new Set<ImportStatus>(["RECEIVED", "PARSING", "VALIDATING"]);

export interface Filter {
  /** A part of a sender's name, as the API's `partner` takes it (the panel picks exact names: `partners`). */
  partner: string;
  /** Senders' exact names, any of them. */
  partners: string[];
  statuses: ImportStatus[];
  formats: ImportFormat[];
  from: string; // YYYY-MM-DD or ""
  to: string;
}

export const EMPTY_FILTER: Filter = { partner: "", partners: [], statuses: [], formats: [], from: "", to: "" };

/** How many conditions the filter holds (each name, status and format is one): the Filtres button says it. */
export function filterCount(f: Filter): number {
  return (f.partner.trim() ? 1 : 0) + f.partners.length + f.statuses.length + f.formats.length + (f.from ? 1 : 0) + (f.to ? 1 : 0);
}

export function toApiFilter(f: Filter): ImportBatchFilter | null {
  if (filterCount(f) === 0) return null;
  return {
    partner: f.partner.trim() || null,
    partners: f.partners.length ? f.partners : null,
    statuses: f.statuses.length ? f.statuses : null,
    formats: f.formats.length ? f.formats : null,
    from: f.from || null,
    to: f.to || null,
  };
}

/** The server's filter, applied to a batch that arrived by an event (a new row, a status change). */
export function matchesFilter(batch: Batch, f: Filter, scope: "console" | "history"): boolean {
  if (scope === "console" && !CONSOLE_STATUSES.includes(batch.status)) return false;
  if (f.statuses.length && !f.statuses.includes(batch.status)) return false;
  if (f.formats.length && !f.formats.includes(batch.format)) return false;
  if (f.partner.trim() && !batch.partner.toLowerCase().includes(f.partner.trim().toLowerCase())) return false;
  if (f.partners.length && !f.partners.includes(batch.partner)) return false;
  const day = localDay(batch.createdAt);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

/** A condition row of the filter panel: « field = value ». Rows of one field are OR-ed, fields AND-ed. */
export type ConditionField = "partner" | "status" | "format" | "from" | "to";
export const CONDITION_FIELDS: readonly ConditionField[] = ["partner", "status", "format", "from", "to"];
/** Fields that take one row at most: a day bound. */
export const SINGLE_FIELDS: ReadonlySet<ConditionField> = new Set<ConditionField>(["from", "to"]);

export interface Condition {
  key: number; // React's key: stays with its row when another is removed
  field: ConditionField;
  /** A sender's name, a status, a format, or a day as typed ("" while unchosen: the row counts for nothing). */
  value: string;
}

let lastKey = 0;
export function condition(field: ConditionField, value = ""): Condition {
  lastKey += 1;
  return { key: lastKey, field, value };
}

/** The field a new row starts with: the first that no row uses, else a status (rows of one field are OR-ed). */
export function nextField(rows: readonly Condition[]): ConditionField {
  return CONDITION_FIELDS.find((f) => !rows.some((r) => r.field === f)) ?? "status";
}

/** The rows that show a filter; one unchosen row for none (the panel always offers one). Days in the locale. */
export function conditionsOf(f: Filter, locale: string): Condition[] {
  const rows = [
    ...f.partners.map((v) => condition("partner", v)),
    ...f.statuses.map((v) => condition("status", v)),
    ...f.formats.map((v) => condition("format", v)),
    ...(f.from ? [condition("from", formatDay(f.from, locale))] : []),
    ...(f.to ? [condition("to", formatDay(f.to, locale))] : []),
  ];
  return rows.length ? rows : [condition("partner")];
}

/** The filter the rows say, or the keys of the rows whose day is no day (nothing is applied then). */
export function filterOf(rows: readonly Condition[], locale: string): { filter: Filter } | { badDays: number[] } {
  const values = (field: ConditionField) => [...new Set(rows.filter((r) => r.field === field && r.value).map((r) => r.value))];
  const days: Partial<Record<ConditionField, string>> = {};
  const badDays: number[] = [];
  for (const row of rows) {
    if (!SINGLE_FIELDS.has(row.field) || !row.value.trim()) continue;
    const day = parseDay(row.value, locale);
    if (day === null) badDays.push(row.key);
    else days[row.field] = day;
  }
  if (badDays.length) return { badDays };
  return {
    filter: {
      partner: "",
      partners: values("partner"),
      statuses: values("status") as ImportStatus[],
      formats: values("format") as ImportFormat[],
      from: days.from ?? "",
      to: days.to ?? "",
    },
  };
}

export type Column =
  | "partner"
  | "fileName"
  | "format"
  | "origin"
  | "status"
  | "error"
  | "detail"
  | "createdAt"
  | "updatedAt"
  | "firstMovement"
  | "lastMovement"
  | "referencePeriod";

export interface Sort {
  column: Column;
  direction: "ASC" | "DESC";
}

export const DEFAULT_SORT: Sort = { column: "createdAt", direction: "DESC" };

/** The API's sort field of every column: its keyset pages follow it (no column is sorted in the browser). */
export const SERVER_SORT: Record<Column, ImportSortField> = {
  partner: "PARTNER",
  fileName: "FILE_NAME",
  format: "FORMAT",
  origin: "ORIGIN",
  status: "STATUS",
  error: "ERROR_SUMMARY",
  detail: "ENTRY_COUNT",
  createdAt: "CREATED_AT",
  updatedAt: "UPDATED_AT",
  firstMovement: "FIRST_MOVEMENT",
  lastMovement: "LAST_MOVEMENT",
  referencePeriod: "REFERENCE_PERIOD",
};

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The value the API sorts a column by; null for the empty values it sorts through a stand-in greater than
 * every value (last in ascending order, first in descending order). */
function key(batch: Batch, column: Column): string | number | null {
  switch (column) {
    case "partner":
      return batch.partner;
    case "fileName":
      return batch.fileName;
    case "format":
      return batch.format;
    case "origin":
      return batch.origin;
    case "status":
      return batch.status;
    case "error":
      return batch.errorSummary;
    case "detail":
      return batch.entryCount;
    case "createdAt":
      return batch.createdAt;
    case "updatedAt":
      return batch.updatedAt;
    case "firstMovement":
      return batch.firstMovement;
    case "lastMovement":
      return batch.lastMovement;
    case "referencePeriod":
      // The API orders fiscal years by id.
      return batch.referencePeriod ? Number(batch.referencePeriod.id) : null;
  }
}

const instant = (iso: string) => new Date(iso).getTime();

/** The API's order (merging live rows into its pages keeps it): the sort's value, then the id. */
export function compareBatches(a: Batch, b: Batch, sort: Sort): number {
  const x = key(a, sort.column);
  const y = key(b, sort.column);
  let order: number;
  if (x === y) order = 0;
  else if (x === null) order = 1;
  else if (y === null) order = -1;
  else if (typeof x === "number" && typeof y === "number") order = x - y;
  else if (sort.column === "createdAt" || sort.column === "updatedAt") order = instant(String(x)) - instant(String(y));
  else order = text(String(x), String(y));
  if (sort.direction === "DESC") order = -order;
  if (order !== 0) return order;
  // Ties by id, in the sort's direction: the API's keyset order.
  const ids = Number(a.id) - Number(b.id);
  return sort.direction === "DESC" ? -ids : ids;
}

export function sortBatches(rows: readonly Batch[], sort: Sort): Batch[] {
  return [...rows].sort((a, b) => compareBatches(a, b, sort));
}

export function totalsBalanced(batch: Pick<Batch, "totalDebit" | "totalCredit">): boolean {
  return compareDecimal(batch.totalDebit, batch.totalCredit) === 0;
}
