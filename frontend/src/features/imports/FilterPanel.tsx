/** The console's and the history's filter, as the Cegid console has it: rows « field = value », "+" adds one,
 * "−" removes one; rows of one field are OR-ed, different fields AND-ed (the API's filter). */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useQuery } from "urql";
import type { ImportStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { dayPattern } from "../../lib/dates";
import {
  CONDITION_FIELDS,
  EMPTY_FILTER,
  FILTER_FORMATS,
  SINGLE_FIELDS,
  condition,
  conditionsOf,
  filterCount,
  filterOf,
  nextField,
  type Condition,
  type ConditionField,
  type Filter,
} from "./model";
import { ImportPartnersQuery } from "./operations";

/** A command-line import's sender is "CLI" (receive.py): the app names that origin in the user's words. */
const CLI_PARTNER = "CLI";

interface Props {
  companyId: string;
  value: Filter;
  onApply: (f: Filter) => void;
  statuses: readonly ImportStatus[];
}

export function FilterPanel({ companyId, value, onApply, statuses }: Props) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<Condition[]>(() => conditionsOf(value, locale));
  const [badDays, setBadDays] = useState<number[]>([]);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const count = filterCount(value);
  const pattern = dayPattern(locale, t.filterDayLetters);

  // Who sent imports: asked each time the panel opens (a new sender may have arrived meanwhile).
  const [partners] = useQuery({ query: ImportPartnersQuery, variables: { companyId }, pause: !open, requestPolicy: "cache-and-network" });
  const partnerOptions = useMemo(() => {
    const names = new Set(partners.data?.importPartners ?? []);
    for (const row of rows) if (row.field === "partner" && row.value) names.add(row.value); // chosen, even if no longer listed
    const collator = new Intl.Collator(locale);
    return [...names]
      .map((name) => ({ value: name, label: name === CLI_PARTNER ? t.origin.CLI : name }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [partners.data, rows, locale, t]);

  const options: Record<Exclude<ConditionField, "from" | "to">, { value: string; label: string }[]> = {
    partner: partnerOptions,
    status: statuses.map((s) => ({ value: s, label: t.status[s] })),
    format: FILTER_FORMATS.map((f) => ({ value: f, label: t.format[f] })),
  };

  // Opening shows the filter applied (a half-typed draft of an earlier opening is dropped), its first control focused.
  const toggle = () => {
    if (!open) {
      setRows(conditionsOf(value, locale));
      setBadDays([]);
    }
    setOpen(!open);
  };
  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>("select, input")?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (open && event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };

  const change = (key: number, next: Partial<Condition>) => {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...next } : r)));
    setBadDays((keys) => keys.filter((k) => k !== key));
  };
  const remove = (key: number) => {
    setRows((list) => list.filter((r) => r.key !== key));
    setBadDays((keys) => keys.filter((k) => k !== key));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = filterOf(rows, locale);
    if ("badDays" in result) {
      setBadDays(result.badDays);
      document.getElementById(`${id}-value-${result.badDays[0]}`)?.focus();
      return;
    }
    setBadDays([]);
    onApply(result.filter);
  };
  const reset = () => {
    setRows([condition("partner")]);
    setBadDays([]);
    onApply(EMPTY_FILTER);
  };

  return (
    <div className="filters" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={id} onClick={toggle}>
        {t.filters} {t.activeFilters(locale, count)}
      </button>
      <form ref={form} id={id} hidden={!open} className="filter-form" onSubmit={submit} aria-label={t.filters} noValidate>
        <ol className="filter-rows">
          {rows.map((row, index) => {
            const n = index + 1;
            const taken = (f: ConditionField) => SINGLE_FIELDS.has(f) && f !== row.field && rows.some((r) => r.field === f);
            const bad = badDays.includes(row.key);
            const errorId = `${id}-error-${row.key}`;
            return (
              <li key={row.key} className="filter-row">
                <select
                  aria-label={t.filterFieldOf(n)}
                  value={row.field}
                  onChange={(e) => change(row.key, { field: e.target.value as ConditionField, value: "" })}
                >
                  {CONDITION_FIELDS.map((f) => (
                    <option key={f} value={f} disabled={taken(f)}>
                      {t.filterField[f]}
                    </option>
                  ))}
                </select>
                <span className="filter-op" aria-hidden="true">
                  {SINGLE_FIELDS.has(row.field) ? "" : "="}
                </span>
                {row.field === "from" || row.field === "to" ? (
                  <input
                    id={`${id}-value-${row.key}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    aria-label={t.filterValueOf(n)}
                    placeholder={pattern}
                    value={row.value}
                    aria-invalid={bad}
                    aria-describedby={bad ? errorId : undefined}
                    onChange={(e) => change(row.key, { value: e.target.value })}
                  />
                ) : (
                  <select aria-label={t.filterValueOf(n)} value={row.value} onChange={(e) => change(row.key, { value: e.target.value })}>
                    <option value="">{t.filterChoose}</option>
                    {options[row.field].map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
                <button type="button" className="btn filter-icon" aria-label={t.filterRemove(n)} title={t.filterRemove(n)} onClick={() => remove(row.key)}>
                  −
                </button>
                {bad && (
                  <p id={errorId} className="form-error filter-error">
                    {t.filterBadDay(pattern)}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
        {partners.error && <p className="form-error">{t.filterPartnersFailed}</p>}
        <div className="filter-actions">
          <button
            type="button"
            className="btn filter-icon"
            aria-label={t.filterAdd}
            title={t.filterAdd}
            onClick={() => setRows((list) => [...list, condition(nextField(list))])}
          >
            +
          </button>
          <span className="spacer" />
          <button type="submit" className="btn btn-primary">
            {t.apply}
          </button>
          <button type="button" className="btn" onClick={reset}>
            {t.reset}
          </button>
        </div>
      </form>
    </div>
  );
}
