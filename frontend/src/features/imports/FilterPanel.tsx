import { useId, useState, type FormEvent } from "react";
import type { ImportFormat, ImportStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { EMPTY_FILTER, FILTER_FORMATS, filterCount, type Filter } from "./model";

export function FilterPanel({ value, onApply, statuses }: { value: Filter; onApply: (f: Filter) => void; statuses: readonly ImportStatus[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Filter>(value);
  const id = useId();
  const count = filterCount(value);

  const toggleIn = <T,>(list: T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <div className="filters">
      <button type="button" className="btn" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t.filters} {t.activeFilters(count)}
      </button>
      <form id={id} hidden={!open} className="filter-form" onSubmit={submit} aria-label={t.filters}>
        <div className="field">
          <label htmlFor={`${id}-partner`}>{t.filterPartner}</label>
          <input id={`${id}-partner`} type="search" value={draft.partner} onChange={(e) => setDraft({ ...draft, partner: e.target.value })} />
        </div>
        <fieldset className="field">
          <legend>{t.filterStatus}</legend>
          {statuses.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={draft.statuses.includes(s)} onChange={() => setDraft({ ...draft, statuses: toggleIn(draft.statuses, s) })} />
              {t.status[s]}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t.filterFormat}</legend>
          {FILTER_FORMATS.map((f: ImportFormat) => (
            <label key={f} className="check">
              <input type="checkbox" checked={draft.formats.includes(f)} onChange={() => setDraft({ ...draft, formats: toggleIn(draft.formats, f) })} />
              {t.format[f]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t.filterFrom}</label>
          <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t.filterTo}</label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary">
            {t.apply}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDraft(EMPTY_FILTER);
              onApply(EMPTY_FILTER);
            }}
          >
            {t.reset}
          </button>
        </div>
      </form>
    </div>
  );
}
