/**
 * The search above a batch's entry grid: words of the label or reference, a journal, an account (its
 * beginning), a third party, an amount on either side. Applied with Enter or « Rechercher »; Escape or
 * « Effacer » shows every line again. The grid below is mounted anew for each search (its pages depend on it).
 */
import { useState } from "react";
import type { GridFilter } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";

type Field = "text" | "journal" | "account" | "thirdParty" | "amount";
const FIELDS: readonly Field[] = ["text", "journal", "account", "thirdParty", "amount"];
const EMPTY: Record<Field, string> = { text: "", journal: "", account: "", thirdParty: "", amount: "" };

/** An amount as typed in the user's locale ("1 234,50", "1,234.50", "-12") → the API's decimal string, or
 * null when it is not one. */
export function amountInput(text: string, locale: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (!compact) return null;
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  const group = decimal === "," ? "." : ",";
  const plain = compact.split(group).join("").replace(decimal, ".").replace(/^-/, "");
  return /^\d+(\.\d+)?$/.test(plain) ? plain : null;
}

/** The filter the API takes, from what was typed (blank fields left out); null when nothing was typed. */
export function toFilter(values: Record<Field, string>, locale: string): GridFilter | null {
  const out: GridFilter = {};
  for (const f of FIELDS) {
    const v = values[f].trim();
    if (!v) continue;
    if (f === "amount") {
      const amount = amountInput(v, locale);
      if (amount !== null) out.amount = amount;
    } else out[f] = v;
  }
  return Object.keys(out).length ? out : null;
}

export function GridSearch({ onSearch, active }: { onSearch: (filter: GridFilter | null) => void; active: boolean }) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState(EMPTY);
  const badAmount = values.amount.trim() !== "" && amountInput(values.amount, locale) === null;
  const clear = () => {
    setValues(EMPTY);
    onSearch(null);
  };
  return (
    <form
      role="search"
      aria-label={t.gsearch.label}
      className="grid-search"
      onSubmit={(e) => {
        e.preventDefault();
        if (!badAmount) onSearch(toFilter(values, locale));
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          clear();
        }
      }}
    >
      {FIELDS.map((f) => (
        <label key={f} className={`grid-search-${f}`}>
          <span>{t.gsearch[f]}</span>
          <input
            type={f === "text" ? "search" : "text"}
            value={values[f]}
            maxLength={100}
            inputMode={f === "amount" ? "decimal" : undefined}
            aria-invalid={(f === "amount" && badAmount) || undefined}
            onChange={(e) => setValues({ ...values, [f]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="btn" disabled={badAmount}>
        {t.gsearch.apply}
      </button>
      {active && (
        <button type="button" className="btn btn-quiet" onClick={clear}>
          {t.gsearch.clear}
        </button>
      )}
      {badAmount && (
        <p className="form-error" role="alert">
          {t.gsearch.badAmount}
        </p>
      )}
    </form>
  );
}
