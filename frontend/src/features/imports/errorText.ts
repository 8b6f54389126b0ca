/** Errors said in the user's language: the console's « Erreur » cell from the batch's counts, and its
 * tooltip from its counts and error codes (the server's `errorSummary` is English, for logs), and an error or
 * finding from its code and params. */
import type { CombinedError } from "urql";
import type { IssueParams, Messages } from "../../i18n/messages";
import { formatDay } from "../../lib/dates";
import { formatDecimal } from "../../lib/money";
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

/** The Erreur cell's tooltip: the counts, with the codes that refused entries named in the user's language
 * (« 3 écritures rejetées : Écriture déséquilibrée ×3 · 1 constat »). */
export function errorTitle(
  t: Messages,
  locale: string,
  batch: Pick<Batch, "status" | "rejectedEntryCount" | "errorCount" | "findingCount" | "errorCodes">,
): string {
  const text = errorText(t, locale, batch);
  if (batch.rejectedEntryCount === 0 || batch.errorCodes.length === 0) return text;
  const numbers = new Intl.NumberFormat(locale);
  const codes = batch.errorCodes.map((c) => `${issueLabel(t, c.code) ?? c.code} ×${numbers.format(c.count)}`).join(", ");
  const [rejected, ...rest] = text.split(" · ");
  return [t.errorWhy(rejected!, codes), ...rest].join(" · ");
}

/** Why a FAILED file could not be read, in plain words where the user looks: « Fichier illisible : Fichier
 * vide » from the batch's `failure` (its first error's code and params); the bare label without one. */
export function failureText(t: Messages, locale: string, batch: { failure?: { code: string; params?: unknown } | null }): string {
  return batch.failure ? t.errorUnreadableWhy(afterPlace(userErrorText(t, locale, batch.failure))) : t.errorUnreadable;
}

/** The label of an error or finding code in the user's language (null for a code the app does not know). */
export function issueLabel(t: Messages, code: string): string | null {
  return Object.hasOwn(t.issueCode, code) ? t.issueCode[code]! : null;
}

/** Dates, months and amounts of a message in the locale's form. */
const monthFormats = new Map<string, Intl.DateTimeFormat>();
const MONTH = /^(\d{4})-(\d{2})$/;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/g;

/** An ISO day as the locale writes it; a year before 1000 (a date read out of range) stays ISO, as Date would
 * take years 0–99 for 1900–1999. */
const day = (value: string, locale: string) => (/^0\d{3}-/.test(value) ? value : formatDay(value, locale));

/** "2026-03" → "mars 2026" (fr), "March 2026" (en); anything else as it is. */
function formatMonth(value: string, locale: string): string {
  const match = MONTH.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return value;
  let fmt = monthFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
    monthFormats.set(locale, fmt);
  }
  return fmt.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** The reader of an error's params that `issueText` entries are given (`IssueParams`), and whether the text
 * asked for a param the error does not carry, or met a value it cannot say (`unsaid`): the caller then says
 * something else (the label, or the server's message). */
function issueParams(locale: string, given: unknown): { p: IssueParams; failed: () => boolean } {
  const params = (given !== null && typeof given === "object" ? given : {}) as Record<string, unknown>;
  const numbers = new Intl.NumberFormat(locale);
  let failed = false;
  const get = (name: string): unknown => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined || value === null) failed = true;
    return value;
  };
  const p: IssueParams = {
    text: (name) => {
      const value = get(name);
      return typeof value === "number" ? numbers.format(value) : value == null ? "" : String(value);
    },
    raw: (name) => {
      const value = get(name);
      return value == null ? "" : String(value);
    },
    count: (name) => Number(get(name) ?? 0),
    has: (name) => Object.hasOwn(params, name) && params[name] !== undefined && params[name] !== null,
    date: (name) => {
      const value = get(name);
      return value == null ? "" : day(String(value), locale);
    },
    dates: (name) => {
      const value = get(name);
      return value == null ? "" : String(value).replace(ISO_DAY, (iso) => day(iso, locale));
    },
    month: (name) => {
      const value = get(name);
      return value == null ? "" : formatMonth(String(value), locale);
    },
    amount: (name) => {
      const value = get(name);
      if (value == null) return "";
      try {
        return formatDecimal(String(value), locale, 0);
      } catch {
        return String(value); // not a decimal string: as sent
      }
    },
    unsaid: () => {
      failed = true;
      return "";
    },
  };
  return { p, failed: () => failed };
}

/** The code's sentence in `issueText` with its params, or null: no sentence for the code, a param it needs
 * missing, or a value it cannot say. */
function issueSentence(t: Messages, locale: string, code: string, params: unknown): string | null {
  if (!Object.hasOwn(t.issueText, code)) return null;
  const { p, failed } = issueParams(locale, params);
  let said: string;
  try {
    said = t.issueText[code]!(p);
  } catch {
    return null;
  }
  return failed() ? null : said;
}

/** A payload error (`UserError`) said in the user's language from its `code` and `params` (never its English
 * `message`): the code's sentence in `issueText`, else its `issueCode` label, else the code itself. */
export function userErrorText(t: Messages, locale: string, error: { code: string; params?: unknown }): string {
  return issueSentence(t, locale, error.code, error.params) ?? issueLabel(t, error.code) ?? error.code;
}

/** A payload error in the user's language where the app has its sentence (`issueText`), else the server's
 * message: for a code the app only names, that says more than its label. */
export function payloadErrorText(t: Messages, locale: string, error: { code: string; message: string; params?: unknown }): string {
  return issueSentence(t, locale, error.code, error.params) ?? error.message;
}

/** An error or finding of a batch (its detail, under its label): said in the user's language from its code and
 * params, with dates and amounts in the locale's form; the place in a JSON document it is about first
 * (`in_entry`, `in_record`), and the summary of findings left out (`not_listed`) for any code. The server's
 * English `message` only where the app has no sentence for the code, or the error lacks a param the sentence
 * needs (a row older than its params). */
export function issueDetailText(t: Messages, locale: string, issue: { code: string; message: string; params?: unknown }): string {
  const { p, failed } = issueParams(locale, issue.params);
  if (p.has("not_listed")) {
    const said = t.issueNotListed(locale, p.count("not_listed"), p.count("total"), issueLabel(t, issue.code) ?? issue.code);
    return failed() ? issue.message : said;
  }
  const sentence = issueSentence(t, locale, issue.code, issue.params);
  if (sentence === null) return issue.message;
  if (!p.has("in_entry") && !p.has("in_record")) return sentence;
  const where = t.issueWhere(p);
  return failed() ? issue.message : where + afterPlace(sentence);
}

/** A sentence after the place it is about ("Écriture 3 : le montant…", "Fichier illisible : le fichier…"): its
 * first word in lower case when it is a plain word (Le, Plus, Entry), not a name (CompteNum, SIREN). */
function afterPlace(sentence: string): string {
  const word = /^\p{Lu}\p{Ll}*(?=[\s'’]|$)/u.exec(sentence)?.[0];
  return word ? word.toLowerCase() + sentence.slice(word.length) : sentence;
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
