/** The trial balance grouped by account class (the first digit: 1 to 7, anything else "other"), its totals
 * summed exactly as decimal strings, and its CSV: `;`-separated, the locale's decimal mark, no grouping. */
import type { Messages } from "../../i18n/messages";
import { sumDecimals } from "../../lib/money";

export interface TrialLine {
  account: string;
  accountLabel: string;
  debit: string;
  credit: string;
  balance: string;
}

export interface Totals {
  debit: string;
  credit: string;
  balance: string;
}

export interface ClassGroup extends Totals {
  /** "1" … "7", or "other". */
  key: string;
  lines: TrialLine[];
}

export const CLASSES = ["1", "2", "3", "4", "5", "6", "7", "other"] as const;

export function classOf(account: string): string {
  const first = account.trim()[0] ?? "";
  return first >= "1" && first <= "7" ? first : "other";
}

export function totalsOf(rows: readonly Totals[]): Totals {
  return {
    debit: sumDecimals(rows.map((r) => r.debit)),
    credit: sumDecimals(rows.map((r) => r.credit)),
    balance: sumDecimals(rows.map((r) => r.balance)),
  };
}

/** The classes that hold accounts, in order, each with its accounts (by number) and totals. */
export function groupByClass(lines: readonly TrialLine[]): ClassGroup[] {
  return CLASSES.map((key) => {
    const own = lines.filter((l) => classOf(l.account) === key).sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
    return { key, lines: own, ...totalsOf(own) };
  }).filter((g) => g.lines.length > 0);
}

/** "1138.50" as a CSV amount: the locale's decimal mark, no thousands separator, never rounded. */
export function csvAmount(value: string, locale: string): string {
  return locale.toLowerCase().startsWith("fr") ? value.replace(".", ",") : value;
}

function cell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text (without the BOM): a header, each class's accounts then its total, the grand total. */
export function trialBalanceCsv(t: Messages, locale: string, groups: readonly ClassGroup[]): string {
  const row = (cells: string[]) => cells.map(cell).join(";");
  const amounts = (x: Totals) => [csvAmount(x.debit, locale), csvAmount(x.credit, locale), csvAmount(x.balance, locale)];
  const out = [row([t.bk.col.account, t.bk.col.accountLabel, t.bk.col.debit, t.bk.col.credit, t.bk.col.balance])];
  for (const group of groups) {
    for (const line of group.lines) out.push(row([line.account, line.accountLabel, ...amounts(line)]));
    out.push(row([t.bk.classTotal(group.key), "", ...amounts(group)]));
  }
  out.push(row([t.bk.grandTotal, "", ...amounts(totalsOf(groups))]));
  return out.join("\r\n") + "\r\n";
}

/** Download text as a UTF-8 file with a BOM (Excel reads the accents right). */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const blob = new Blob(["\ufeff", text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
