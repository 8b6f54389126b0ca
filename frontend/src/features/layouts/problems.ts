/** The server's refusal of a layout, said in the user's language and placed where it belongs: each BAD_LAYOUT
 * error names its option in `field` ("definition.columns.debit", "definition.separator") and its reason in
 * `params` (a code with the columns and mode it is about); the editor shows it at that column's input or in
 * that option's section. An error without a reason (an older server) keeps its English message. */
import type { LayoutParams, Messages } from "../../i18n/messages";
import { FIELDS, type Field, type Problem } from "./definition";
import type { UserError } from "./usePreview";

const FIELD_SET = new Set<string>(FIELDS);
/** Problems that are about a mode, whose column param is shown at that column's input. */
const AT_COLUMN = new Set(["columns", "amountMode", "accountMode"]);

function asField(name: unknown): Field | null {
  return typeof name === "string" && FIELD_SET.has(name) ? (name as Field) : null;
}

function params(error: UserError): Record<string, unknown> {
  return error.params !== null && typeof error.params === "object" ? (error.params as Record<string, unknown>) : {};
}

function reader(t: Messages, option: string, given: Record<string, unknown>): LayoutParams {
  const text = (name: string) => (given[name] === undefined || given[name] === null ? "" : String(given[name]));
  const label = (column: string) => t.lay.field[column] ?? column;
  const names = (name: string) => text(name).split(/,\s*/).filter(Boolean);
  const modes: Record<string, Record<string, string>> = { amountMode: t.lay.amountModeName, accountMode: t.lay.accountModeName };
  return {
    col: (name) => label(text(name)),
    cols: (name) => names(name).map(label).join(", "),
    many: (name) => names(name).length > 1,
    label,
    mode: () => modes[option]?.[text("mode")] ?? text("mode"),
    text,
  };
}

/** The option's name in the editor: its input's label, else its section's. */
export function optionLabel(t: Messages, option: string): string {
  const own = (t.lay as unknown as Record<string, unknown>)[option];
  return typeof own === "string" ? own : (t.lay.optionName[option] ?? option);
}

/** A BAD_LAYOUT error's text in the user's language, without the option (shown beside it). */
export function layoutProblemText(t: Messages, option: string, error: UserError): string {
  const given = params(error);
  const p = reader(t, option, given);
  if (given.reason === "INVALID_OPTION") {
    const say = t.lay.invalid[String(given.error)];
    return say ? say(p) : t.lay.invalidOther;
  }
  const say = typeof given.reason === "string" ? t.lay.problem[given.reason] : undefined;
  return say ? say(p) : error.message.replace(/^[A-Za-z][\w.]*: /, "");
}

/** The problems of BAD_LAYOUT errors, each with the option (and column) it names, once each. */
export function layoutProblems(t: Messages, errors: readonly UserError[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.code !== "BAD_LAYOUT") continue;
    const path = (error.field ?? "definition").replace(/^definition\.?/, "").split(".");
    const option = path[0] || "definition";
    const given = params(error);
    const field = option === "columns" ? asField(path[1]) : null;
    const named = field ?? (AT_COLUMN.has(option) ? asField(given.column) : null);
    const text = layoutProblemText(t, option, error);
    const key = `${option}|${named ?? ""}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ option, field: named, text });
  }
  return out;
}
