/** A person's account, to create one (a firm administrator: email, name, language, firm-administrator flag
 * and a role per company) or edit one (the same but the roles, which each company's members page changes).
 * What the server refuses is said beside the field, in the user's language. */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useMutation, type CombinedError } from "urql";
import type { Role, UserAccountFieldsFragment, UserInput } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { LANGS } from "../../i18n/messages";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { CreateUserMutation, UpdateUserMutation } from "./operations";

type User = UserAccountFieldsFragment;

/** The roles a person may be given (PARTNER is an API key's). */
export const PERSON_ROLES = ["VIEWER", "CLIENT", "COLLABORATOR", "ADMIN"] as const satisfies readonly Role[];

const FIELDS = ["email", "name", "locale", "firmAdmin", "roles"] as const;
type FieldName = (typeof FIELDS)[number];

interface Values {
  email: string;
  name: string;
  locale: string;
  firmAdmin: boolean;
  /** Company id → role ("" for none). */
  roles: Record<string, Role | "">;
}

interface PayloadError {
  code: string;
  field?: string | null;
  params?: unknown;
}

function valuesOf(user: User | null): Values {
  if (!user) return { email: "", name: "", locale: "fr", firmAdmin: false, roles: {} };
  return { email: user.email, name: user.name, locale: user.locale, firmAdmin: user.firmAdmin, roles: {} };
}

/** What an edit sends: the fields changed. */
export function changes(user: User, values: Values): UserInput {
  const input: UserInput = {};
  if (values.email !== user.email) input.email = values.email;
  if (values.name !== user.name) input.name = values.name;
  if (values.locale !== user.locale) input.locale = values.locale;
  if (values.firmAdmin !== user.firmAdmin) input.firmAdmin = values.firmAdmin;
  return input;
}

export interface UserFormProps {
  /** The user to edit; null to create one. */
  user: User | null;
  /** The companies a new user may be given a role in. */
  companies: { id: string; name: string }[];
  onSaved: (user: User, passwordToken: string | null) => void;
  onCancel: () => void;
}

export function UserForm({ user, companies, onSaved, onCancel }: UserFormProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => valuesOf(user));
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateUserMutation);
  const [update, save] = useMutation(UpdateUserMutation);
  const busy = creation.fetching || update.fetching;

  // A refused field takes the focus: its error is read as its description.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let payload: { user?: User | null; passwordToken?: string | null; errors: PayloadError[] } | undefined;
    let error: CombinedError | undefined;
    if (user) {
      const result = await save({ id: user.id, input: changes(user, values) });
      payload = result.data?.updateUser;
      error = result.error;
    } else {
      const roles = Object.entries(values.roles).flatMap(([companyId, role]) => (role ? [{ companyId, role }] : []));
      const { email, name, locale: language, firmAdmin } = values;
      const result = await create({ input: { email, name, locale: language, firmAdmin }, roles });
      payload = result.data?.createUser;
      error = result.error;
    }
    const refused = payload?.errors ?? [];
    setErrors(refused);
    if (error || !payload?.user) {
      setFailure(error ? requestErrorText(t, error) : refused.some((e) => !isField(e.field)) ? null : t.usr.notSaved);
      return;
    }
    setFailure(null);
    onSaved(payload.user, payload.passwordToken ?? null);
  };

  const errorOf = (field: FieldName) => errors.find((e) => e.field === field);
  const general = errors.filter((e) => !isField(e.field));
  /** The props that tie a control to its error (and its help). */
  const described = (field: FieldName, help?: string) => {
    const error = errorOf(field);
    const ids = [help, error ? `${id}-${field}-err` : undefined].filter(Boolean).join(" ");
    return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
  };
  const errorText = (field: FieldName) => {
    const error = errorOf(field);
    return (
      error && (
        <span id={`${id}-${field}-err`} className="form-error field-error">
          {userErrorText(t, locale, error)}
        </span>
      )
    );
  };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <form ref={form} className="user-form" aria-label={t.usr.formLabel} onSubmit={(e) => void submit(e)} noValidate>
      <div className="company-form-row">
        <div className="field" data-field="email">
          <label htmlFor={`${id}-email`}>{t.usr.field.email}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(e) => set("email", e.target.value)}
            aria-required
            autoFocus
            {...described("email")}
          />
          {errorText("email")}
        </div>
        <div className="field" data-field="name">
          <label htmlFor={`${id}-name`}>{t.usr.field.name}</label>
          <input id={`${id}-name`} autoComplete="off" value={values.name} onChange={(e) => set("name", e.target.value)} {...described("name")} />
          {errorText("name")}
        </div>
        <div className="field" data-field="locale">
          <label htmlFor={`${id}-locale`}>{t.usr.field.locale}</label>
          <select id={`${id}-locale`} value={values.locale} onChange={(e) => set("locale", e.target.value)} {...described("locale")}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t.usr.localeName[l]}
              </option>
            ))}
          </select>
          {errorText("locale")}
        </div>
      </div>
      <div className="field" data-field="firmAdmin">
        <label className="check">
          <input type="checkbox" checked={values.firmAdmin} onChange={(e) => set("firmAdmin", e.target.checked)} {...described("firmAdmin", `${id}-firm-help`)} />
          {t.usr.field.firmAdmin}
        </label>
        <span id={`${id}-firm-help`} className="muted lay-hint">
          {t.usr.firmAdminHelp}
        </span>
        {errorText("firmAdmin")}
      </div>
      {!user && companies.length > 0 && (
        <fieldset className="field roles-fieldset" data-field="roles" aria-describedby={errorOf("roles") ? `${id}-roles-err` : undefined}>
          <legend>{t.usr.roles}</legend>
          {companies.map((company) => (
            <div key={company.id} className="role-row">
              <label htmlFor={`${id}-role-${company.id}`}>{company.name}</label>
              <select
                id={`${id}-role-${company.id}`}
                value={values.roles[company.id] ?? ""}
                onChange={(e) => set("roles", { ...values.roles, [company.id]: e.target.value as Role | "" })}
              >
                <option value="">{t.usr.noRole}</option>
                {PERSON_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t.role[role]}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <span className="muted lay-hint">{t.usr.rolesHelp}</span>
          {errorText("roles")}
        </fieldset>
      )}
      {(failure || general.length > 0) && (
        <p role="alert" className="form-error">
          {[failure, ...general.map((e) => userErrorText(t, locale, e))].filter(Boolean).join(" ")}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t.usr.saving : user ? t.usr.save : t.usr.create}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function isField(field: string | null | undefined): field is FieldName {
  return (FIELDS as readonly string[]).includes(field ?? "");
}
