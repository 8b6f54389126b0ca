/** « Modèles d'import » of a company: its custom-file layouts and its account ranges. */
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { useRefetch } from "../../app/catchUp";
import { Link } from "../../app/router";
import type { Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog, Dialog } from "../../components/Dialog";
import { QueryState } from "../../components/QueryState";
import type { LayoutFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { formatDateTime } from "../../lib/dates";
import { errorMessages } from "../../lib/errors";
import { Breadcrumb } from "../imports/Breadcrumb";
import { canChangeSettings } from "../imports/rules";
import { fromDefinition } from "./definition";
import { LAYOUTS_CONTEXT, layoutsPath } from "./LayoutEditorPage";
import { DeleteLayoutMutation, ImportLayoutsQuery } from "./operations";
import { FecSirenSetting } from "./FecSirenSetting";
import { RangesEditor } from "./RangesEditor";
import { EmptyRow } from "../../components/EmptyRow";

export function LayoutsPage({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const canEdit = canChangeSettings(company.role);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ImportLayoutsQuery,
    variables: { companyId: company.id },
    requestPolicy: "network-only",
    context: LAYOUTS_CONTEXT,
  });
  const refetch = useRefetch(reexecute);
  const [pending, setPending] = useState<LayoutFieldsFragment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [removal, remove] = useMutation(DeleteLayoutMutation);
  const base = layoutsPath(company.id);
  const layouts = data?.importLayouts ?? [];

  const confirm = async () => {
    if (!pending) return;
    const result = await remove({ id: pending.id });
    const name = pending.name;
    setPending(null);
    const messages = [...(result.data?.deleteImportLayout.errors ?? []).map((e) => e.message), ...(result.error ? errorMessages(result.error) : [])];
    if (messages.length || !result.data?.deleteImportLayout.deleted) {
      setFailure(messages.join(" ; ") || t.actionFailed);
      return;
    }
    toast(t.lay.removed(name), "success");
    refetch();
  };

  return (
    <section aria-labelledby="layouts-title" className="layouts">
      <Breadcrumb trail={[t.accounting, t.imports]} current={t.importLayouts} />
      <div className="page-head page-head-row">
        <div>
          <h1 id="layouts-title">{t.lay.title}</h1>
          <p className="muted">{t.lay.intro}</p>
        </div>
        {canEdit && (
          <Link to={`${base}/new`} className="btn btn-primary">
            {t.lay.newLayout}
          </Link>
        )}
      </div>
      {!canEdit && <p className="note">{t.lay.readOnly}</p>}
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="table-scroll layouts-scroll">
          <table className="grid-table" aria-busy={fetching || undefined} data-testid="layouts">
            <caption className="sr-only">{t.lay.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.lay.name}</th>
                <th scope="col">{t.lay.kindCol}</th>
                <th scope="col">{t.lay.updatedAt}</th>
                <th scope="col">{t.lay.actions}</th>
              </tr>
            </thead>
            <tbody>
              {layouts.length === 0 && <EmptyRow columns={4}>{t.lay.none}</EmptyRow>}
              {layouts.map((layout) => {
                const kind = fromDefinition(layout.definition).kind;
                const href = `${base}/${encodeURIComponent(layout.id)}`;
                return (
                  <tr key={layout.id} data-layout-id={layout.id}>
                    <th scope="row" className="layout-name-cell">
                      <Link to={href}>{layout.name}</Link>
                    </th>
                    <td>{kind === "csv" ? t.lay.kindCsv : t.lay.kindFixed}</td>
                    <td>{formatDateTime(layout.updatedAt, locale)}</td>
                    <td className="row-actions">
                      <Link to={href} className="btn" aria-label={canEdit ? t.lay.edit(layout.name) : t.lay.show(layout.name)}>
                        {canEdit ? t.lay.editShort : t.lay.showShort}
                      </Link>
                      {canEdit && (
                        <button type="button" className="btn" aria-label={t.lay.removeNamed(layout.name)} onClick={() => setPending(layout)}>
                          {t.lay.remove}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </QueryState>

      <RangesEditor companyId={company.id} canEdit={canEdit} />
      <FecSirenSetting company={company} canEdit={canEdit} />

      <ConfirmDialog
        open={pending !== null}
        title={t.lay.removeTitle}
        body={pending ? t.lay.removeBody(pending.name) : ""}
        yes={t.yes}
        no={t.no}
        busy={removal.fetching}
        onYes={() => void confirm()}
        onNo={() => setPending(null)}
        testId="confirm-delete-layout"
      />
      <Dialog
        open={failure !== null}
        title={t.actionFailed}
        onClose={() => setFailure(null)}
        role="alertdialog"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setFailure(null)}>
            {t.ok}
          </button>
        }
      >
        <p>{failure}</p>
      </Dialog>
    </section>
  );
}
