/** Errors said in the user's language: the console's « Erreur » cell from the batch's counts (the server's
 * `errorSummary` is English: it stays as the tooltip), and an error or finding from its code and params. */
import type { CombinedError } from "urql";
import type { Messages } from "../../i18n/messages";
import { formatDay } from "../../lib/dates";
import type { Batch } from "./model";

export function errorText(
  t: Messages,
  locale: string,
  batch: Pick<Batch, "status" | "rejectedEntryCount" | "errorCount" | "findingCount">,
): string {
  if (batch.status === "FAILED") return t.errorUnreadable;
  const parts: string[] = [];
  if (batch.rejectedEntryCount > 0) parts.push(t.errorRejected(locale, batch.rejectedEntryCount));
  else if (batch.errorCount > 0) parts.push(t.errorErrors(locale, batch.errorCount));
  if (batch.findingCount > 0) parts.push(t.errorFindings(locale, batch.findingCount));
  return parts.join(" · ");
}

/** Why a FAILED file could not be read, in plain words where the user looks: « Fichier illisible : Fichier
 * vide » from the batch's `failure` (its first error's code and params); the bare label without one. */
export function failureText(t: Messages, locale: string, batch: { failure?: { code: string; params?: unknown } | null }): string {
  return batch.failure ? t.errorUnreadableWhy(userErrorText(t, locale, batch.failure)) : t.errorUnreadable;
}

/** The label of an error or finding code in the user's language (null for a code the app does not know). */
export function issueLabel(t: Messages, code: string): string | null {
  return Object.hasOwn(t.issueCode, code) ? t.issueCode[code]! : null;
}

/** A payload error (`UserError`) said in the user's language from its `code` and `params` (never its English
 * `message`): the code's sentence in `issueText`, else its `issueCode` label, else the code itself. */
export function userErrorText(t: Messages, locale: string, error: { code: string; params?: unknown }): string {
  if (!Object.hasOwn(t.issueText, error.code)) return issueLabel(t, error.code) ?? error.code;
  const params = (error.params !== null && typeof error.params === "object" ? error.params : {}) as Record<string, unknown>;
  const numbers = new Intl.NumberFormat(locale);
  return t.issueText[error.code]!({
    text: (name) => {
      const value = params[name];
      return typeof value === "number" ? numbers.format(value) : value == null ? "" : String(value);
    },
    count: (name) => Number(params[name] ?? 0),
    date: (name) => formatDay(typeof params[name] === "string" ? (params[name] as string) : "", locale),
  });
}

/** A payload error in the user's language where the app has its sentence (`issueText`), else the server's
 * message: for a code the app only names, that says more than its label. */
export function payloadErrorText(t: Messages, locale: string, error: { code: string; message: string; params?: unknown }): string {
  return Object.hasOwn(t.issueText, error.code) ? userErrorText(t, locale, error) : error.message;
}

/** A failed request (FORBIDDEN, network…) in the user's language where the app knows its code. */
export function requestErrorText(t: Messages, error: CombinedError): string {
  if (!error.graphQLErrors.length) return t.networkError;
  return error.graphQLErrors
    .map((e) => {
      const code = e.extensions?.code;
      return (typeof code === "string" && issueLabel(t, code)) || e.message;
    })
    .join(" ; ");
}
