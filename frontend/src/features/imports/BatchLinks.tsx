/**
 * Where a batch comes from, beside the ones it points to: the import whose rejected lines it re-sends
 * (`resentOfId`), the file sent to another company that fed it (`parentBatchId`), and the layout a custom
 * file was read with (`layoutId`). A batch out of the user's reach is named by its number only.
 */
import { useQuery } from "urql";
import { Link } from "../../app/router";
import { useSession } from "../../app/session";
import { useI18n } from "../../i18n/I18n";
import { LAYOUTS_CONTEXT, layoutsPath } from "../layouts/LayoutEditorPage";
import { ImportLayoutsQuery } from "../layouts/operations";
import { RelatedBatchQuery } from "./operations";

export interface BatchOrigin {
  companyId: string;
  layoutId?: string | null;
  resentOfId?: string | null;
  parentBatchId?: string | null;
}

export function detailPath(companyId: string, batchId: string): string {
  return `/c/${encodeURIComponent(companyId)}/imports/detail?ids=${encodeURIComponent(batchId)}`;
}

export function BatchLinks({ batch }: { batch: BatchOrigin }) {
  const { t } = useI18n();
  if (!batch.resentOfId && !batch.parentBatchId && !batch.layoutId) return null;
  return (
    <ul className="plain batch-links" aria-label={t.batchLinks} data-testid="batch-links">
      {batch.resentOfId && (
        <li data-testid="resent-of">
          {t.batchResentOf} <RelatedBatch id={batch.resentOfId} />
        </li>
      )}
      {batch.parentBatchId && (
        <li data-testid="parent-batch">
          <ParentBatch id={batch.parentBatchId} />
        </li>
      )}
      {batch.layoutId && (
        <li data-testid="batch-layout">
          {t.batchLayout} <LayoutName companyId={batch.companyId} layoutId={batch.layoutId} />
        </li>
      )}
    </ul>
  );
}

function RelatedBatch({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: RelatedBatchQuery, variables: { id } });
  const related = data?.importBatch;
  if (!related) return <>« {t.importNumber(id)} »</>;
  return <Link to={detailPath(related.companyId, related.id)}>« {related.fileName} »</Link>;
}

function ParentBatch({ id }: { id: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [{ data }] = useQuery({ query: RelatedBatchQuery, variables: { id } });
  const parent = data?.importBatch;
  const company = parent ? me.companies.find((c) => c.id === parent.companyId) : undefined;
  if (!parent || !company) return <>{t.batchParentHidden(id)}</>;
  return (
    <>
      {t.batchParent} {company.name} : <Link to={detailPath(parent.companyId, parent.id)}>« {parent.fileName} »</Link>
    </>
  );
}

function LayoutName({ companyId, layoutId }: { companyId: string; layoutId: string }) {
  const [{ data }] = useQuery({ query: ImportLayoutsQuery, variables: { companyId }, context: LAYOUTS_CONTEXT });
  const layout = data?.importLayouts.find((l) => l.id === layoutId);
  if (!layout) return <>#{layoutId}</>;
  return <Link to={`${layoutsPath(companyId)}/${encodeURIComponent(layout.id)}`}>« {layout.name} »</Link>;
}
