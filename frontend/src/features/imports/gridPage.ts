/**
 * A page of the entry grid as the API sends it (`importBatch.grid`: rows as arrays of values in declared
 * columns, refused lines beside them) turned into the grid's items, in file order.
 */
import type { BatchGridQuery } from "../../gql/graphql";

type Page = BatchGridQuery["importBatch"]["grid"];

/** A staged line: the values the grid shows (amounts are decimal strings, never numbers). */
export interface GridLine {
  kind: "line";
  line: number;
  journal: string;
  date: string;
  piece: string;
  account: string;
  accountLabel: string;
  thirdParty: string | null;
  thirdPartyName: string | null;
  reference: string;
  label: string;
  debit: string;
  credit: string;
  lettering: string;
  /** The analytic section, or "". */
  analytic: string;
  /** ISO date, or null. */
  dueDate: string | null;
  /** The currency of `currencyAmount` ("": the company's), and that amount as a decimal string, or null. */
  currency: string;
  currencyAmount: string | null;
}

/** A refused line, shown in place: its number, its text when the import kept it, its error codes. */
export interface GridRefused {
  kind: "refused";
  line: number;
  text: string | null;
  codes: string[];
}

export type GridItem = GridLine | GridRefused;

const TEXT = ["journal", "date", "piece", "account", "accountLabel", "reference", "label", "debit", "credit", "lettering", "analytic", "currency"] as const;
const OPTIONAL = ["thirdParty", "thirdPartyName", "dueDate", "currencyAmount"] as const;

/** The page's rows and refused lines merged in file order (a staged line first when both share a line). */
export function pageItems(page: Pick<Page, "columns" | "rows" | "refused">): GridItem[] {
  const at = new Map(page.columns.map((c, i) => [c, i]));
  const col = (name: string): number => {
    const i = at.get(name);
    if (i === undefined) throw new Error(`the grid page has no column ${name}`);
    return i;
  };
  const lineAt = col("line");
  const text = TEXT.map((c) => [c, col(c)] as const);
  const optional = OPTIONAL.map((c) => [c, col(c)] as const);
  if (!Array.isArray(page.rows)) throw new Error("the grid page's rows are not a list");
  const lines = (page.rows as unknown[]).map((raw): GridLine => {
    if (!Array.isArray(raw)) throw new Error("a grid row is not a list");
    const row = raw as unknown[];
    const item = { kind: "line", line: Number(row[lineAt]) } as GridLine;
    for (const [c, i] of text) item[c] = String(row[i] ?? "");
    for (const [c, i] of optional) item[c] = row[i] == null ? null : String(row[i]);
    return item;
  });
  const refused = page.refused.map(
    (r): GridRefused => ({ kind: "refused", line: r.line, text: r.text ?? null, codes: r.errors.map((e) => e.code) }),
  );
  const out: GridItem[] = [];
  let i = 0;
  let j = 0;
  while (i < lines.length || j < refused.length) {
    if (j === refused.length || (i < lines.length && lines[i]!.line <= refused[j]!.line)) out.push(lines[i++]!);
    else out.push(refused[j++]!);
  }
  return out;
}
