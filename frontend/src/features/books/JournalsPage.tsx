/** Comptabilité › Paramètres › Journaux: the company's journals (what created each, whether used), their
 * kind, which the import-order check reads, and the default journal of each kind, where the imports of a layout
 * that names a kind instead of a journal go; a settings role changes a kind or the defaults, or adds a journal. */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { useRefetch } from "../../app/catchUp";
import { Link } from "../../app/router";
import type { Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { QueryState } from "../../components/QueryState";
import type { JournalFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { detailPath } from "../imports/BatchLinks";
import { Breadcrumb } from "../imports/Breadcrumb";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { canChangeSettings } from "../imports/rules";
import { JournalsQuery, SetJournalMutation } from "./operations";
import { entriesPath } from "./paths";
import { EmptyRow } from "../../components/EmptyRow";

export const JOURNAL_KINDS = ["", "sales", "purchases", "bank", "cash", "general", "other"] as const;
const JOURNALS_CONTEXT = { additionalTypenames: ["Journal"] };

interface PayloadError {
  code: string;
  field?: string | null;
  params?: unknown;
}

export function JournalsPage({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const canEdit = canChangeSettings(company.role);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: JournalsQuery, variables: { companyId: company.id }, context: JOURNALS_CONTEXT, requestPolicy: "cache-and-network" });
  const refetch = useRefetch(reexecute);
  const [failure, setFailure] = useState<string | null>(null);
  const [, setJournal] = useMutation(SetJournalMutation);
  const journals = data?.journals ?? [];

  /** Sends one change of a journal: the journal saved, or null (the refusal shows above the table). */
  const change = async (journal: JournalFieldsFragment, patch: { label?: string; kind?: string; isDefault?: boolean }) => {
    const result = await setJournal({ companyId: company.id, code: journal.code, ...patch });
    const payload = result.data?.setJournal;
    if (result.error || !payload?.journal) {
      setFailure(result.error ? requestErrorText(t, result.error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ") || t.actionFailed);
      return null;
    }
    setFailure(null);
    return payload.journal;
  };
  const changeKind = async (journal: JournalFieldsFragment, kind: string) => {
    const saved = await change(journal, { label: journal.label, kind });
    if (!saved) return;
    // A default journal is its old kind's: the server drops the flag when the kind changes, and says so here.
    const dropped = journal.isDefault && !saved.isDefault ? ` ${t.jr.defaultDropped}` : "";
    toast(t.jr.kindSet(journal.code, t.jr.kind[kind] ?? kind) + dropped, "success");
  };
  // Only the flag is sent (label and kind kept): the server takes it from the kind's previous default, and the
  // list is read again (the mutation's Journal type refreshes it) to show that one unmarked.
  const changeDefault = async (journal: JournalFieldsFragment, isDefault: boolean) => {
    if (await change(journal, { isDefault })) {
      toast(isDefault ? t.jr.defaultSet(journal.code, t.jr.kind[journal.kind] ?? journal.kind) : t.jr.defaultUnset(journal.code), "success");
    }
  };

  return (
    <section aria-labelledby="journals-title" className="journals">
      <Breadcrumb trail={[t.accounting, t.settings]} current={t.jr.title} />
      <div className="page-head">
        <h1 id="journals-title">{t.jr.title}</h1>
        <p className="muted">{t.jr.intro}</p>
        <p className="muted">{t.jr.defaultIntro}</p>
      </div>
      {!canEdit && <p className="note">{t.jr.readOnly}</p>}
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="table-scroll layouts-scroll">
          <table className="grid-table" aria-busy={fetching || undefined} data-testid="journals">
            <caption className="sr-only">{t.jr.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.jr.col.code}</th>
                <th scope="col">{t.jr.col.label}</th>
                <th scope="col">{t.jr.col.kind}</th>
                <th scope="col">{t.jr.col.isDefault}</th>
                <th scope="col">{t.jr.col.used}</th>
                <th scope="col">{t.jr.col.createdBy}</th>
              </tr>
            </thead>
            <tbody>
              {journals.length === 0 && <EmptyRow columns={6}>{t.jr.none}</EmptyRow>}
              {journals.map((journal) => (
                <tr key={journal.id} data-journal={journal.code}>
                  <th scope="row">
                    <Link to={entriesPath(company.id, { journal: journal.code })} aria-label={t.jr.entriesOf(journal.code)}>
                      {journal.code}
                    </Link>
                  </th>
                  <td>{journal.label}</td>
                  <td>
                    {canEdit ? (
                      <select aria-label={t.jr.kindOf(journal.code)} value={journal.kind} onChange={(e) => void changeKind(journal, e.target.value)}>
                        {JOURNAL_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {t.jr.kind[k]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      (t.jr.kind[journal.kind] ?? journal.kind)
                    )}
                  </td>
                  <td data-testid="default">
                    <DefaultCell journal={journal} canEdit={canEdit} onChange={(isDefault) => void changeDefault(journal, isDefault)} />
                  </td>
                  <td data-testid="used">{journal.used ? t.yes : t.no}</td>
                  <td>
                    {journal.createdByBatchId ? (
                      <Link to={detailPath(company.id, journal.createdByBatchId)}>{t.importNumber(journal.createdByBatchId)}</Link>
                    ) : (
                      <span className="muted">{t.jr.byHand}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {canEdit && <AddJournal companyId={company.id} />}
    </section>
  );
}

/** Whether the journal is its kind's default: a checkbox for a settings role (off for a journal without a kind,
 * which says why), a mark otherwise. */
function DefaultCell({ journal, canEdit, onChange }: { journal: JournalFieldsFragment; canEdit: boolean; onChange: (isDefault: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  if (!canEdit) return journal.isDefault ? <strong>✓ {t.jr.col.isDefault}</strong> : null;
  const noKind = !journal.kind;
  return (
    <span className="check">
      <input
        type="checkbox"
        aria-label={t.jr.defaultOf(journal.code)}
        checked={journal.isDefault}
        disabled={noKind}
        aria-describedby={noKind ? `${id}-why` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      {noKind && (
        <span id={`${id}-why`} className="muted">
          {t.jr.defaultNeedsKind}
        </span>
      )}
    </span>
  );
}

function AddJournal({ companyId }: { companyId: string }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const [code, setCode] = useState("");
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState("");
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, setJournal] = useMutation(SetJournalMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await setJournal({ companyId, code: code.trim(), label: label.trim() || null, kind }, JOURNALS_CONTEXT);
    const payload = result.data?.setJournal;
    setErrors(payload?.errors ?? []);
    setFailure(result.error ? requestErrorText(t, result.error) : null);
    if (payload?.journal) {
      toast(t.jr.added(payload.journal.code), "success");
      setCode("");
      setLabel("");
      setKind("");
    }
  };
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const general = errors.filter((e) => !["code", "label", "kind"].includes(e.field ?? ""));
  const described = (field: string) => (errorOf(field) ? `${id}-${field}-err` : undefined);
  const fieldError = (field: string) => {
    const error = errorOf(field);
    return (
      error && (
        <span id={`${id}-${field}-err`} className="form-error field-error">
          {userErrorText(t, locale, error)}
        </span>
      )
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.jr.add}</h2>
      <form className="company-form-row" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t.jr.col.code}</label>
          <input id={`${id}-code`} size={8} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} aria-invalid={errorOf("code") ? true : undefined} aria-describedby={described("code")} />
          {fieldError("code")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t.jr.col.label}</label>
          <input id={`${id}-label`} autoComplete="off" value={label} onChange={(e) => setLabel(e.target.value)} aria-invalid={errorOf("label") ? true : undefined} aria-describedby={described("label")} />
          {fieldError("label")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t.jr.col.kind}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} aria-invalid={errorOf("kind") ? true : undefined} aria-describedby={described("kind")}>
            {JOURNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.jr.kind[k]}
              </option>
            ))}
          </select>
          {fieldError("kind")}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={fetching || !code.trim()}>
            {t.jr.addButton}
          </button>
        </div>
      </form>
      {(failure || general.length > 0) && (
        <p role="alert" className="form-error">
          {[failure, ...general.map((e) => userErrorText(t, locale, e))].filter(Boolean).join(" ")}
        </p>
      )}
    </section>
  );
}
