/** Comptabilité › Paramètres › Clés d'API: the company's partner API keys, for its admin, who creates one
 * (the key shown once) and revokes one (at once, for good). */
import { useId, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { useRefetch } from "../../app/catchUp";
import type { Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import { QueryState } from "../../components/QueryState";
import type { ApiKeyFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { formatMinute } from "../../lib/dates";
import { Breadcrumb } from "../imports/Breadcrumb";
import type { Messages } from "../../i18n/messages";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { OneTimeSecret } from "./OneTimeSecret";
import { ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from "./operations";
import { EmptyRow } from "../../components/EmptyRow";

type ApiKey = ApiKeyFieldsFragment;
const KEYS_CONTEXT = { additionalTypenames: ["ApiKey"] };

export function ApiKeysPage({ company }: { company: Company }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="api-keys-title" className="api-keys">
      <Breadcrumb trail={[t.accounting, t.settings]} current={t.apiKeys} />
      <div className="page-head">
        <h1 id="api-keys-title">{t.keys.title}</h1>
        <p className="muted">{t.keys.intro}</p>
      </div>
      {company.role === "ADMIN" ? (
        <ApiKeys company={company} />
      ) : (
        <p role="alert" className="note">
          {t.keys.reserved}
        </p>
      )}
    </section>
  );
}

function ApiKeys({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ApiKeysQuery, variables: { companyId: company.id }, context: KEYS_CONTEXT });
  const refetch = useRefetch(reexecute);
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [revocation, revoke] = useMutation(RevokeApiKeyMutation);
  const keys = data?.apiKeys ?? [];
  const nameField = useRef<HTMLInputElement>(null);

  const confirmRevoke = async () => {
    if (!revoking) return;
    const result = await revoke({ id: revoking.id });
    setRevoking(null);
    const payload = result.data?.revokeApiKey;
    if (result.error || !payload?.apiKey) {
      const why = result.error ? requestErrorText(t, result.error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ");
      setFailure(why || t.actionFailed);
      return;
    }
    setFailure(null);
    toast(t.keys.revokedDone(revoking.name), "success");
  };

  return (
    <>
      <NewKey
        company={company}
        inputRef={nameField}
        onCreated={(name, key) => {
          toast(t.keys.createdDone(name), "success");
          setShown({ name, key });
        }}
      />
      {shown && (
        <OneTimeSecret
          title={t.keys.keyTitle(shown.name)}
          label={t.keys.keyLabel}
          note={t.keys.keyNote}
          value={shown.key}
          onDone={() => {
            setShown(null);
            nameField.current?.focus();
          }}
          testId="api-key"
        />
      )}
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="table-scroll layouts-scroll">
          <table className="grid-table" aria-busy={fetching || undefined} data-testid="api-keys">
            <caption className="sr-only">{t.keys.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.keys.col.name}</th>
                <th scope="col">{t.keys.col.prefix}</th>
                <th scope="col">{t.keys.col.created}</th>
                <th scope="col">{t.keys.col.lastUsed}</th>
                <th scope="col">{t.keys.col.status}</th>
                <th scope="col">{t.keys.col.actions}</th>
              </tr>
            </thead>
            <tbody>
              {keys.length === 0 && <EmptyRow columns={6}>{t.keys.none}</EmptyRow>}
              {keys.map((key) => (
                <tr key={key.id} data-key-id={key.id} className={key.revoked ? "row-archived" : undefined}>
                  <th scope="row" className="layout-name-cell">
                    {key.name}
                  </th>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{formatMinute(key.createdAt, locale)}</td>
                  <td>{key.lastUsedAt ? formatMinute(key.lastUsedAt, locale) : t.keys.never}</td>
                  <td data-testid="status">{key.revoked ? t.keys.revokedOn(formatMinute(key.revokedAt, locale)) : t.keys.active}</td>
                  <td className="row-actions">
                    {!key.revoked && (
                      <button type="button" className="btn" aria-label={t.keys.revokeNamed(key.name)} onClick={() => setRevoking(key)}>
                        {t.keys.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      <ConfirmDialog
        open={revoking !== null}
        title={t.keys.revokeTitle}
        body={revoking ? t.keys.revokeBody(revoking.name) : ""}
        yes={t.keys.revoke}
        no={t.cancel}
        focusNo
        busy={revocation.fetching}
        onYes={() => void confirmRevoke()}
        onNo={() => setRevoking(null)}
        testId="confirm-revoke-key"
      />
    </>
  );
}

/** A key's name → the key, shown once. */
function NewKey({ company, inputRef, onCreated }: { company: Company; inputRef: React.RefObject<HTMLInputElement | null>; onCreated: (name: string, key: string) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [name, setName] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateApiKeyMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ companyId: company.id, name });
    const payload = result.data?.createApiKey;
    if (result.error || !payload?.apiKey || !payload.key) {
      const why = result.error ? requestErrorText(t, result.error) : (payload?.errors ?? []).map((e) => keyErrorText(t, locale, e)).join(" ");
      setRefusal(why || t.actionFailed);
      inputRef.current?.focus();
      return;
    }
    setRefusal(null);
    setName("");
    onCreated(payload.apiKey.name, payload.key);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.keys.newKey}</h2>
      <form className="company-form-row key-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t.keys.name}</label>
          <input
            ref={inputRef}
            id={`${id}-name`}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={refusal ? true : undefined}
            aria-describedby={[`${id}-help`, refusal ? `${id}-err` : ""].filter(Boolean).join(" ")}
          />
          <span id={`${id}-help`} className="muted lay-hint">
            {t.keys.nameHelp}
          </span>
          {refusal && (
            <span id={`${id}-err`} className="form-error field-error">
              {refusal}
            </span>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={fetching}>
            {fetching ? t.keys.creating : t.keys.create}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A refused name: too long or with control characters (BAD_USER_INPUT with its `maximum`), else the usual. */
function keyErrorText(t: Messages, locale: string, error: { code: string; field?: string | null; params?: unknown }): string {
  if (error.code === "BAD_USER_INPUT" && error.field === "name") {
    const maximum = (error.params as { maximum?: unknown } | null)?.maximum;
    return t.keys.badName(new Intl.NumberFormat(locale).format(Number(maximum ?? 0)));
  }
  return userErrorText(t, locale, error);
}
