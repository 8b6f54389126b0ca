/** The console's « Erreur » cell, said in the user's language from the batch's counts (the server's
 * `errorSummary` is English: it stays as the tooltip). */
import type { Messages } from "../../i18n/messages";
import type { Batch } from "./model";

export function errorText(
  t: Messages,
  batch: Pick<Batch, "status" | "rejectedEntryCount" | "errorCount" | "findingCount">,
): string {
  if (batch.status === "FAILED") return t.errorUnreadable;
  const parts: string[] = [];
  if (batch.rejectedEntryCount > 0) parts.push(t.errorRejected(batch.rejectedEntryCount));
  else if (batch.errorCount > 0) parts.push(t.errorErrors(batch.errorCount));
  if (batch.findingCount > 0) parts.push(t.errorFindings(batch.findingCount));
  return parts.join(" · ");
}

/** The label of an error or finding code in the user's language (null for a code the app does not know). */
export function issueLabel(t: Messages, code: string): string | null {
  return Object.hasOwn(t.issueCode, code) ? t.issueCode[code]! : null;
}
