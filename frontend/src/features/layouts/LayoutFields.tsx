/**
 * The layout definition's inputs, section by section (a controlled form over `LayoutForm`). Each option a mode
 * does not read is hidden (and not sent); the server's problems show beside the input or section they name.
 */
import { useId, type ReactNode } from "react";
import { useI18n } from "../../i18n/I18n";
import {
  ACCOUNT_FIELDS,
  ACCOUNT_MODES,
  AMOUNT_FIELDS,
  AMOUNT_MODES,
  CONTRA_MODES,
  DATE_FORMATS,
  dateFormatFromText,
  dateFormatText,
  DECIMAL_SEPARATORS,
  ENCODINGS,
  GROUP_KEYS,
  JOURNAL_KINDS,
  JOURNAL_MODES,
  QUOTES,
  SEPARATORS,
  THOUSANDS_SEPARATORS,
  VAT_FIELDS,
  isMapped,
  isRead,
  sectionProblems,
  type ColumnInput,
  type Field,
  type LayoutForm,
  type Problem,
  type Section,
  type VatRow,
} from "./definition";
import { optionLabel } from "./problems";

export interface LayoutFieldsProps {
  form: LayoutForm;
  onChange: (next: LayoutForm) => void;
  problems: readonly Problem[];
  readOnly?: boolean;
}

const COLUMN_FIELDS: readonly Field[] = ["date", "entryNumber", "pieceRef", "pieceDate", "label", "analytic", "currency", "lettering", "dueDate", "invoiceRef", "company"];

export function LayoutFields({ form, onChange, problems, readOnly = false }: LayoutFieldsProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (patch: Partial<LayoutForm>) => onChange({ ...form, ...patch });
  const setColumn = (field: Field, patch: Partial<ColumnInput>) =>
    onChange({ ...form, columns: { ...form.columns, [field]: { ...form.columns[field], ...patch } } });
  const column = (field: Field) => (
    <ColumnField key={field} field={field} form={form} onChange={setColumn} problems={problems.filter((p) => p.field === field)} />
  );
  const sep = (SEPARATORS as readonly string[]).includes(form.separator) ? form.separator : "other";
  const quotes: readonly string[] = QUOTES.includes(form.quote as (typeof QUOTES)[number]) ? QUOTES : [...QUOTES, form.quote];
  const setVatRow = (i: number, patch: Partial<VatRow>) =>
    set({ vatAccounts: form.vatAccounts.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const kindCodesShown = form.accountMode === "kindColumn" || (form.accountMode === "twoColumns" && isMapped(form, "kind"));

  return (
    <fieldset className="lay-fields" disabled={readOnly}>
      <legend className="sr-only">{t.lay.formLabel}</legend>

      <FormSection title={t.lay.secFile} section="file" problems={problems}>
        <Radios
          legend={t.lay.fileKind}
          name={`${id}-kind`}
          value={form.kind}
          options={["csv", "fixed"] as const}
          label={(k) => (k === "csv" ? t.lay.kindCsv : t.lay.kindFixed)}
          onChange={(kind) => set({ kind })}
        />
        <div className="lay-grid">
          {form.kind === "csv" && (
            <>
              <Labelled label={t.lay.separator} id={`${id}-sep`}>
                <select
                  id={`${id}-sep`}
                  value={sep}
                  onChange={(e) => set({ separator: e.target.value === "other" ? "" : e.target.value })}
                >
                  {[...SEPARATORS, "other"].map((s) => (
                    <option key={s} value={s}>
                      {t.lay.separatorName[s]}
                    </option>
                  ))}
                </select>
              </Labelled>
              {sep === "other" && (
                <Labelled label={t.lay.separatorOther} id={`${id}-sep-other`}>
                  <input id={`${id}-sep-other`} value={form.separator} maxLength={2} size={3} onChange={(e) => set({ separator: e.target.value })} />
                </Labelled>
              )}
              <Labelled label={t.lay.quote} id={`${id}-quote`}>
                <select id={`${id}-quote`} value={form.quote} onChange={(e) => set({ quote: e.target.value })}>
                  {quotes.map((q) => (
                    <option key={q} value={q}>
                      {t.lay.quoteName[q] ?? q}
                    </option>
                  ))}
                </select>
              </Labelled>
            </>
          )}
          <Labelled label={t.lay.encoding} id={`${id}-enc`}>
            <select id={`${id}-enc`} value={form.encoding} onChange={(e) => set({ encoding: e.target.value as LayoutForm["encoding"] })}>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {t.lay.encodingName[enc]}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t.lay.skipLines} id={`${id}-skip`}>
            <input id={`${id}-skip`} inputMode="numeric" size={4} value={form.skipLines} onChange={(e) => set({ skipLines: e.target.value })} />
          </Labelled>
          <Labelled label={t.lay.decimalSeparator} id={`${id}-dec`}>
            <select
              id={`${id}-dec`}
              value={form.decimalSeparator}
              onChange={(e) => set({ decimalSeparator: e.target.value as LayoutForm["decimalSeparator"] })}
            >
              {DECIMAL_SEPARATORS.map((s) => (
                <option key={s} value={s}>
                  {t.lay.sepName[s]}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t.lay.thousandsSeparator} id={`${id}-th`}>
            <select
              id={`${id}-th`}
              value={form.thousandsSeparator}
              onChange={(e) => set({ thousandsSeparator: e.target.value as LayoutForm["thousandsSeparator"] })}
            >
              {THOUSANDS_SEPARATORS.map((s) => (
                <option key={s} value={s}>
                  {t.lay.sepName[s]}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t.lay.dateFormat} id={`${id}-date`} help={t.lay.dateFormatHelp}>
            <input
              id={`${id}-date`}
              list={`${id}-dates`}
              size={10}
              value={dateFormatText(form.dateFormat, t.lay.dateTokens)}
              aria-describedby={`${id}-date-help`}
              onChange={(e) => set({ dateFormat: dateFormatFromText(e.target.value) })}
            />
            <datalist id={`${id}-dates`}>
              {DATE_FORMATS.map((f) => (
                <option key={f} value={dateFormatText(f, t.lay.dateTokens)} />
              ))}
            </datalist>
          </Labelled>
        </div>
      </FormSection>

      <FormSection title={t.lay.secColumns} section="columns" problems={problems}>
        <p className="muted lay-help">{form.kind === "csv" ? t.lay.secColumnsHelpCsv : t.lay.secColumnsHelpFixed}</p>
        <div className="col-grid">{COLUMN_FIELDS.map(column)}</div>
      </FormSection>

      <FormSection title={t.lay.secJournal} section="journal" problems={problems}>
        <Radios
          legend={t.lay.journalMode}
          name={`${id}-journal-mode`}
          value={form.journalMode}
          options={JOURNAL_MODES}
          label={(m) => t.lay.journalModeName[m]!}
          onChange={(journalMode) => set({ journalMode })}
        />
        {form.journalMode === "code" ? (
          <>
            <div className="col-grid">{(["journal", "journalLabel"] as const).map(column)}</div>
            <div className="lay-grid">
              <Labelled label={t.lay.journalFixed} id={`${id}-journal`}>
                <input id={`${id}-journal`} size={8} value={form.journal} onChange={(e) => set({ journal: e.target.value })} />
              </Labelled>
              <Labelled label={t.lay.journalLabelFixed} id={`${id}-journal-label`}>
                <input id={`${id}-journal-label`} value={form.journalLabel} onChange={(e) => set({ journalLabel: e.target.value })} />
              </Labelled>
            </div>
          </>
        ) : (
          <div className="lay-grid">
            <Labelled label={t.lay.journalKind} id={`${id}-journal-kind`} help={t.lay.journalKindHelp}>
              <select
                id={`${id}-journal-kind`}
                value={form.journalKind}
                aria-describedby={`${id}-journal-kind-help`}
                onChange={(e) => set({ journalKind: e.target.value as LayoutForm["journalKind"] })}
              >
                {JOURNAL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.jr.kind[k]}
                  </option>
                ))}
              </select>
            </Labelled>
          </div>
        )}
      </FormSection>

      <FormSection title={t.lay.secAmounts} section="amounts" problems={problems}>
        <Radios
          legend={t.lay.amountMode}
          name={`${id}-amount`}
          value={form.amountMode}
          options={AMOUNT_MODES}
          label={(m) => t.lay.amountModeName[m]!}
          onChange={(amountMode) => set({ amountMode })}
        />
        <div className="col-grid">{AMOUNT_FIELDS[form.amountMode].map(column)}</div>
        {form.amountMode === "signColumn" && (
          <fieldset className="lay-sub">
            <legend>{t.lay.signCodes}</legend>
            <div className="lay-grid">
              <Labelled label={t.lay.signDebit} id={`${id}-sd`}>
                <input id={`${id}-sd`} size={4} value={form.signDebit} onChange={(e) => set({ signDebit: e.target.value })} />
              </Labelled>
              <Labelled label={t.lay.signCredit} id={`${id}-sc`}>
                <input id={`${id}-sc`} size={4} value={form.signCredit} onChange={(e) => set({ signCredit: e.target.value })} />
              </Labelled>
            </div>
          </fieldset>
        )}
      </FormSection>

      <FormSection title={t.lay.secAccounts} section="accounts" problems={problems}>
        <Radios
          legend={t.lay.accountMode}
          name={`${id}-account`}
          value={form.accountMode}
          options={ACCOUNT_MODES}
          label={(m) => t.lay.accountModeName[m]!}
          onChange={(accountMode) => set({ accountMode })}
        />
        {form.accountMode === "ranges" && <p className="muted lay-help">{t.lay.rangesHint}</p>}
        {form.accountMode === "twoColumns" && <p className="muted lay-help">{t.lay.twoColumnsHint}</p>}
        <div className="col-grid">{(["account", ...ACCOUNT_FIELDS[form.accountMode], "accountLabel", "thirdPartyLabel"] as Field[]).map(column)}</div>
        {kindCodesShown && (
          <fieldset className="lay-sub">
            <legend>{t.lay.kindCodes}</legend>
            <div className="lay-grid">
              <Labelled label={t.lay.kindGeneral} id={`${id}-kg`}>
                <input id={`${id}-kg`} size={4} value={form.kindGeneral} onChange={(e) => set({ kindGeneral: e.target.value })} />
              </Labelled>
              <Labelled label={t.lay.kindCustomer} id={`${id}-kd`}>
                <input id={`${id}-kd`} size={4} value={form.kindCustomer} onChange={(e) => set({ kindCustomer: e.target.value })} />
              </Labelled>
              <Labelled label={t.lay.kindSupplier} id={`${id}-kc`}>
                <input id={`${id}-kc`} size={4} value={form.kindSupplier} onChange={(e) => set({ kindSupplier: e.target.value })} />
              </Labelled>
            </div>
          </fieldset>
        )}
        <div className="lay-grid">
          <Labelled label={t.lay.customerAccount} id={`${id}-ca`}>
            <input id={`${id}-ca`} size={10} value={form.customerAccount} onChange={(e) => set({ customerAccount: e.target.value })} />
          </Labelled>
          <Labelled label={t.lay.supplierAccount} id={`${id}-sa`}>
            <input id={`${id}-sa`} size={10} value={form.supplierAccount} onChange={(e) => set({ supplierAccount: e.target.value })} />
          </Labelled>
        </div>
      </FormSection>

      <FormSection title={t.lay.secVat} section="vat" problems={problems}>
        <label className="check">
          <input type="checkbox" checked={form.vat} onChange={(e) => set({ vat: e.target.checked })} />
          {t.lay.vatOn}
        </label>
        {form.vat && (
          <>
            <div className="col-grid">{VAT_FIELDS.map(column)}</div>
            <div className="lay-grid">
              <Labelled label={t.lay.vatAccount} id={`${id}-vat`}>
                <input id={`${id}-vat`} size={10} value={form.vatAccount} onChange={(e) => set({ vatAccount: e.target.value })} />
              </Labelled>
            </div>
            <fieldset className="lay-sub">
              <legend>{t.lay.vatAccounts}</legend>
              {form.vatAccounts.length === 0 ? (
                <p className="muted lay-help">{t.lay.vatNone}</p>
              ) : (
                <ul className="plain vat-rows">
                  {form.vatAccounts.map((row, i) => (
                    <li key={i} className="vat-row">
                      <input aria-label={t.lay.vatKeyOf(i + 1)} placeholder={t.lay.vatKey} size={8} value={row.key} onChange={(e) => setVatRow(i, { key: e.target.value })} />
                      <span aria-hidden="true">→</span>
                      <input aria-label={t.lay.vatAccountOf(i + 1)} size={10} value={row.account} onChange={(e) => setVatRow(i, { account: e.target.value })} />
                      <button
                        type="button"
                        className="btn btn-quiet"
                        aria-label={t.lay.vatRemove(i + 1)}
                        onClick={() => set({ vatAccounts: form.vatAccounts.filter((_, j) => j !== i) })}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" className="btn" onClick={() => set({ vatAccounts: [...form.vatAccounts, { key: "", account: "" }] })}>
                {t.lay.vatAdd}
              </button>
            </fieldset>
          </>
        )}
      </FormSection>

      <FormSection title={t.lay.secContra} section="contra" problems={problems}>
        <Radios
          legend={t.lay.contraMode}
          name={`${id}-contra`}
          value={form.contra}
          options={CONTRA_MODES}
          label={(m) => t.lay.contraName[m]!}
          onChange={(contra) => set({ contra })}
        />
        {form.contra === "column" && <div className="col-grid">{column("contraAccount")}</div>}
        {form.contra === "fixed" && (
          <div className="lay-grid">
            <Labelled label={t.lay.contraFixed} id={`${id}-contra-fixed`}>
              <input id={`${id}-contra-fixed`} size={10} value={form.contraAccountFixed} onChange={(e) => set({ contraAccountFixed: e.target.value })} />
            </Labelled>
          </div>
        )}
      </FormSection>

      <FormSection title={t.lay.secGrouping} section="grouping" problems={problems}>
        <fieldset className="lay-sub">
          <legend>{t.lay.groupBy}</legend>
          <ul className="plain lay-checks">
            {GROUP_KEYS.map((key) => {
              const mapped = isRead(form, key);
              return (
                <li key={key}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={mapped && form.groupBy.includes(key)}
                      disabled={!mapped}
                      onChange={(e) =>
                        set({ groupBy: e.target.checked ? [...form.groupBy, key] : form.groupBy.filter((k) => k !== key) })
                      }
                    />
                    {t.lay.field[key]}
                    {!mapped && <span className="muted"> {t.lay.groupUnmapped}</span>}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={form.thirdPartyStartsEntry} onChange={(e) => set({ thirdPartyStartsEntry: e.target.checked })} />
          {t.lay.thirdPartyStarts}
        </label>
      </FormSection>
    </fieldset>
  );
}

function FormSection({ title, section, problems, children }: { title: string; section: Section; problems: readonly Problem[]; children: ReactNode }) {
  const { t } = useI18n();
  const own = sectionProblems(problems, section);
  return (
    <fieldset className={`lay-section${own.length ? " lay-section-invalid" : ""}`} data-section={section}>
      <legend>{title}</legend>
      {children}
      {own.length > 0 && (
        <ul className="plain field-errors" data-testid={`problems-${section}`}>
          {own.map((p, i) => (
            <li key={i} className="form-error">
              {t.lay.problemAt(optionLabel(t, p.option), p.text)}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function Labelled({ label, id, help, children }: { label: string; id: string; help?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {help && (
        <span id={`${id}-help`} className="muted lay-hint">
          {help}
        </span>
      )}
    </div>
  );
}

function Radios<T extends string>(props: { legend: string; name: string; value: T; options: readonly T[]; label: (value: T) => string; onChange: (value: T) => void }) {
  const { legend, name, value, options, label, onChange } = props;
  return (
    <fieldset className="lay-sub lay-radios">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}

function ColumnField({ field, form, onChange, problems }: { field: Field; form: LayoutForm; onChange: (field: Field, patch: Partial<ColumnInput>) => void; problems: readonly Problem[] }) {
  const { t } = useI18n();
  const id = useId();
  const label = t.lay.field[field] ?? field;
  const value = form.columns[field];
  const invalid = problems.length > 0;
  const described = invalid ? `${id}-err` : undefined;
  return (
    <div className={`col-field${invalid ? " col-field-invalid" : ""}`} data-field={field}>
      {form.kind === "csv" ? (
        <>
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            className="col-input"
            inputMode="numeric"
            size={3}
            value={value.column}
            aria-invalid={invalid || undefined}
            aria-describedby={described}
            onChange={(e) => onChange(field, { column: e.target.value })}
          />
        </>
      ) : (
        <>
          <span id={`${id}-label`}>{label}</span>
          <span className="col-fixed" role="group" aria-labelledby={`${id}-label`}>
            <input
              className="col-input"
              inputMode="numeric"
              size={3}
              placeholder={t.lay.start}
              aria-label={t.lay.startOf(label)}
              value={value.start}
              aria-invalid={invalid || undefined}
              aria-describedby={described}
              onChange={(e) => onChange(field, { start: e.target.value })}
            />
            <input
              className="col-input"
              inputMode="numeric"
              size={3}
              placeholder={t.lay.length}
              aria-label={t.lay.lengthOf(label)}
              value={value.length}
              aria-invalid={invalid || undefined}
              aria-describedby={described}
              onChange={(e) => onChange(field, { length: e.target.value })}
            />
          </span>
        </>
      )}
      {invalid && (
        <span id={`${id}-err`} className="form-error col-error">
          {problems.map((p) => p.text).join(" ; ")}
        </span>
      )}
    </div>
  );
}
