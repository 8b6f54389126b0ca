/** A company's details, to create one (a firm administrator) or edit one (it, or the company's admin). The
 * server checks every field; what it refuses is said beside the field, in the user's language. */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useMutation, type CombinedError } from "urql";
import { useAnnouncer } from "../../components/Announcer";
import type { CompanyDetailsFragment, CompanyInput } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { CreateCompanyMutation, UpdateCompanyMutation } from "./operations";

export const FIELDS = ["name", "siren", "code", "currency", "country", "address"] as const;
export type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

interface PayloadError {
  code: string;
  field?: string | null;
  params?: unknown;
}

function valuesOf(company: CompanyDetailsFragment | null): Values {
  if (!company) return { name: "", siren: "", code: "", currency: "EUR", country: "FR", address: "" };
  const { name, siren, code, currency, country, address } = company;
  return { name, siren: siren ?? "", code: code ?? "", currency, country, address };
}

/** What an edit sends: the fields changed ("" clears a SIREN or a code). */
export function changes(company: CompanyDetailsFragment, values: Values): CompanyInput {
  const before = valuesOf(company);
  return Object.fromEntries(FIELDS.filter((f) => values[f] !== before[f]).map((f) => [f, values[f]]));
}

export interface CompanyFormProps {
  /** The company to edit; null to create one. */
  company: CompanyDetailsFragment | null;
  readOnly?: boolean;
  /** Focus the name on mount (a form opened by a button). */
  autoFocus?: boolean;
  onSaved?: (company: CompanyDetailsFragment) => void;
  onCancel?: () => void;
}

export function CompanyForm({ company, readOnly = false, autoFocus = false, onSaved, onCancel }: CompanyFormProps) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => valuesOf(company));
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateCompanyMutation);
  const [update, save] = useMutation(UpdateCompanyMutation);
  const busy = creation.fetching || update.fetching;

  // A refused field takes the focus: its error is read as its description.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let payload: { company?: CompanyDetailsFragment | null; errors: PayloadError[] } | undefined;
    let error: CombinedError | undefined;
    if (company) {
      const result = await save({ id: company.id, input: changes(company, values) });
      payload = result.data?.updateCompany;
      error = result.error;
    } else {
      const result = await create({ input: values });
      payload = result.data?.createCompany;
      error = result.error;
    }
    const refused = payload?.errors ?? [];
    setErrors(refused);
    if (error || !payload?.company) {
      setFailure(error ? requestErrorText(t, error) : refused.some((e) => !isField(e.field)) ? null : t.adm.notSaved);
      return;
    }
    setFailure(null);
    setValues(valuesOf(payload.company));
    toast(company ? t.adm.saved(payload.company.name) : t.adm.created(payload.company.name), "success");
    onSaved?.(payload.company);
  };

  const errorOf = (field: FieldName) => errors.find((e) => e.field === field);
  const general = errors.filter((e) => !isField(e.field));

  const input = (field: FieldName, extra: { inputMode?: "numeric"; size?: number; required?: boolean } = {}) => {
    const error = errorOf(field);
    const help = field in t.adm.help ? `${id}-${field}-help` : undefined;
    const described = [help, error ? `${id}-${field}-err` : undefined].filter(Boolean).join(" ") || undefined;
    const common = {
      id: `${id}-${field}`,
      name: field,
      value: values[field],
      "aria-invalid": error ? true : undefined,
      "aria-describedby": described,
      "aria-required": extra.required || undefined,
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
    };
    return (
      <div className="field" data-field={field}>
        <label htmlFor={common.id}>{t.adm.field[field]}</label>
        {field === "address" ? (
          <textarea {...common} rows={3} />
        ) : (
          <input {...common} autoComplete="off" inputMode={extra.inputMode} size={extra.size} autoFocus={field === "name" && autoFocus} />
        )}
        {help && (
          <span id={help} className="muted lay-hint">
            {t.adm.help[field as keyof typeof t.adm.help]}
          </span>
        )}
        {error && (
          <span id={`${id}-${field}-err`} className="form-error field-error">
            {userErrorText(t, locale, error)}
          </span>
        )}
      </div>
    );
  };

  return (
    <form ref={form} className="company-form" aria-label={t.adm.formLabel} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset disabled={readOnly} className="company-fields">
        {input("name", { required: true })}
        <div className="company-form-row">
          {input("siren", { inputMode: "numeric", size: 14 })}
          {input("code", { size: 14 })}
        </div>
        <div className="company-form-row">
          {input("currency", { size: 5 })}
          {input("country", { size: 4 })}
        </div>
        {input("address")}
      </fieldset>
      {(failure || general.length > 0) && (
        <p role="alert" className="form-error">
          {[failure, ...general.map((e) => userErrorText(t, locale, e))].filter(Boolean).join(" ")}
        </p>
      )}
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t.adm.saving : company ? t.adm.save : t.adm.create}
          </button>
          {onCancel && (
            <button type="button" className="btn" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
        </div>
      )}
    </form>
  );
}

function isField(field: string | null | undefined): field is FieldName {
  return (FIELDS as readonly string[]).includes(field ?? "");
}
