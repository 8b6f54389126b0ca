/** Administration › Dossiers: the firm's companies, for a firm administrator, who creates, edits, archives
 * and restores them. Each change also refreshes `me.companies` (the company picker): urql's document cache
 * refetches every query holding a Company when a mutation returns one. */
import { useRef, useState } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import { useRefetch } from "../../app/catchUp";
import { useSession } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import { QueryState } from "../../components/QueryState";
import type { CompanyDetailsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { Breadcrumb } from "../imports/Breadcrumb";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { CompanyForm } from "./CompanyForm";
import { ArchiveCompanyMutation, FirmCompaniesQuery, RestoreCompanyMutation } from "./operations";
import { EmptyRow } from "../../components/EmptyRow";

/** An empty list holds no Company typename: still refetched after a company mutation. */
const COMPANIES_CONTEXT = { additionalTypenames: ["Company"] };

type Company = CompanyDetailsFragment;
interface CompanyPayload {
  company?: Company | null;
  errors: { code: string; params?: unknown }[];
}

export function CompaniesAdminPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { toast } = useAnnouncer();
  const [showArchived, setShowArchived] = useState(false);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: FirmCompaniesQuery,
    variables: { includeArchived: showArchived },
    context: COMPANIES_CONTEXT,
    pause: !me.firmAdmin,
  });
  const refetch = useRefetch(reexecute, !me.firmAdmin);
  const [editing, setEditing] = useState<Company | "new" | null>(null);
  const [archiving, setArchiving] = useState<Company | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [archival, archive] = useMutation(ArchiveCompanyMutation);
  const [, restore] = useMutation(RestoreCompanyMutation);
  const newButton = useRef<HTMLButtonElement>(null);

  if (!me.firmAdmin) {
    return (
      <p role="alert" className="note">
        {t.adm.forbidden}
      </p>
    );
  }
  const companies = data?.firmCompanies ?? [];

  const closeForm = () => {
    setEditing(null);
    newButton.current?.focus();
  };

  /** After an archive or a restore: the toast, else why not (in the user's language). */
  const report = (error: CombinedError | undefined, payload: CompanyPayload | undefined, done: string) => {
    if (error || !payload?.company) {
      const why = error ? requestErrorText(t, error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ");
      setFailure(why || t.actionFailed);
      return;
    }
    setFailure(null);
    toast(done, "success");
  };
  const confirmArchive = async () => {
    if (!archiving) return;
    const result = await archive({ id: archiving.id });
    setArchiving(null);
    report(result.error, result.data?.archiveCompany, t.adm.archivedDone(archiving.name));
  };
  const restoreOne = async (company: Company) => {
    const result = await restore({ id: company.id });
    report(result.error, result.data?.restoreCompany, t.adm.restoredDone(company.name));
  };

  return (
    <section aria-labelledby="admin-companies-title" className="admin-companies">
      <Breadcrumb trail={[t.administration]} current={t.adm.title} />
      <div className="page-head page-head-row">
        <div>
          <h1 id="admin-companies-title">{t.adm.title}</h1>
          <p className="muted">{t.adm.intro}</p>
        </div>
        <button ref={newButton} type="button" className="btn btn-primary" onClick={() => setEditing("new")} disabled={editing === "new"}>
          {t.adm.newCompany}
        </button>
      </div>

      {editing && (
        <section className="card company-form-card" aria-labelledby="company-form-title">
          <h2 id="company-form-title">{editing === "new" ? t.adm.formNew : t.adm.formEdit(editing.name)}</h2>
          <CompanyForm
            key={editing === "new" ? "new" : editing.id}
            company={editing === "new" ? null : editing}
            autoFocus
            onSaved={closeForm}
            onCancel={closeForm}
          />
        </section>
      )}

      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <label className="check admin-archived-toggle">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        {t.adm.showArchived}
      </label>
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="table-scroll layouts-scroll">
          <table className="grid-table" aria-busy={fetching || undefined} data-testid="companies">
            <caption className="sr-only">{t.adm.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.adm.col.name}</th>
                <th scope="col">{t.adm.col.siren}</th>
                <th scope="col">{t.adm.col.code}</th>
                <th scope="col">{t.adm.col.currency}</th>
                <th scope="col">{t.adm.col.country}</th>
                <th scope="col">{t.adm.col.status}</th>
                <th scope="col">{t.adm.col.actions}</th>
              </tr>
            </thead>
            <tbody>
              {companies.length === 0 && <EmptyRow columns={7}>{t.adm.none}</EmptyRow>}
              {companies.map((company) => (
                <tr key={company.id} data-company-id={company.id} className={company.archived ? "row-archived" : undefined}>
                  <th scope="row" className="layout-name-cell">
                    {company.name}
                    {company.findings.map((finding, i) => (
                      <span key={i} className="badge-warn" data-testid="finding">
                        <span className="sr-only">{t.adm.findings} </span>
                        <span aria-hidden="true">⚠ </span>
                        {userErrorText(t, locale, finding)}
                      </span>
                    ))}
                  </th>
                  <td>{company.siren ?? ""}</td>
                  <td>{company.code ?? ""}</td>
                  <td>{company.currency}</td>
                  <td>{company.country}</td>
                  <td data-testid="status">{company.archived ? t.adm.archived : t.adm.active}</td>
                  <td className="row-actions">
                    {company.archived ? (
                      <button type="button" className="btn" aria-label={t.adm.restoreNamed(company.name)} onClick={() => void restoreOne(company)}>
                        {t.adm.restore}
                      </button>
                    ) : (
                      <>
                        <button type="button" className="btn" aria-label={t.adm.editNamed(company.name)} onClick={() => setEditing(company)}>
                          {t.adm.edit}
                        </button>
                        <button type="button" className="btn" aria-label={t.adm.archiveNamed(company.name)} onClick={() => setArchiving(company)}>
                          {t.adm.archive}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>

      <ConfirmDialog
        open={archiving !== null}
        title={t.adm.archiveTitle}
        body={archiving ? t.adm.archiveBody(archiving.name) : ""}
        yes={t.adm.archive}
        no={t.cancel}
        focusNo
        busy={archival.fetching}
        onYes={() => void confirmArchive()}
        onNo={() => setArchiving(null)}
        testId="confirm-archive-company"
      />
    </section>
  );
}
