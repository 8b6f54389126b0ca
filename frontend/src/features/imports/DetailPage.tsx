import { useState } from "react";
import { useQuery } from "urql";
import { Link, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import { Tabs } from "../../components/Tabs";
import { formatDecimal, isZeroDecimal, subtractDecimal } from "../../lib/money";
import type { GridFilter, ImportStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import type { LinesState } from "../../i18n/messages";
import { StatusCell, partnerLabel } from "./BatchTable";
import { ImportBooks } from "../books/ImportBooks";
import { BatchLinks } from "./BatchLinks";
import { Breadcrumb } from "./Breadcrumb";
import { EntryGrid, type GridJump } from "./EntryGrid";
import { GridSearch } from "./GridSearch";
import { ActionBar } from "./ActionBar";
import { type DecisionBatch, useDecisions } from "./decisions";
import { ErrorList } from "./ErrorList";
import { useBatchStore } from "./live";
import { BatchDetailQuery } from "./operations";
import { useStoreVersion } from "./store";

/** « Détail des écritures »: one tab per selected batch. */
export function DetailPage({ company }: { company: Company }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const ids = (search.get("ids") ?? "").split(",").filter(Boolean);
  const [active, setActive] = useState(ids[0] ?? "");
  const store = useBatchStore();
  useStoreVersion(store);
  const base = `/c/${encodeURIComponent(company.id)}`;

  return (
    <section aria-labelledby="detail-title" className="detail">
      <Breadcrumb trail={[t.accounting, t.imports, t.partnerImports]} current={t.detailTitle} />
      <div className="page-head page-head-row">
        <h1 id="detail-title">{t.detailTitle}</h1>
        <Link to={`${base}/imports`} className="btn">
          {t.backToConsole}
        </Link>
      </div>
      {ids.length === 1 ? (
        <BatchDetail company={company} batchId={ids[0]!} />
      ) : (
        <Tabs
          label={t.batchTabs}
          active={active}
          onChange={setActive}
          items={ids.map((id) => ({ key: id, label: store.get(id)?.fileName ?? `#${id}`, panel: <BatchDetail company={company} batchId={id} /> }))}
        />
      )}
      {ids.length === 0 && <p>{t.noImports}</p>}
    </section>
  );
}

function BatchDetail({ company, batchId }: { company: Company; batchId: string }) {
  const { t, locale } = useI18n();
  const store = useBatchStore();
  const [{ data, error }] = useQuery({ query: BatchDetailQuery, variables: { id: batchId }, requestPolicy: "network-only" });
  // A failed file has no entry: its detail opens on why it failed (once its status is known).
  const [chosen, setTab] = useState<string | null>(null);
  /** A line of the file to show in the grid (from the error list). */
  const [jump, setJump] = useState<GridJump | null>(null);
  /** The search within the lines (null: every line); a jump to a line shows every line again. */
  const [filter, setFilter] = useState<GridFilter | null>(null);
  const [searchForm, setSearchForm] = useState(0); // a new form (emptied) after a jump
  const showLine = (line: number) => {
    setJump((previous) => ({ line, key: (previous?.key ?? 0) + 1 }));
    setFilter(null);
    setSearchForm((n) => n + 1);
    setTab("entries");
  };
  const search = (next: GridFilter | null) => {
    setJump(null); // a search starts at its first line
    setFilter(next);
  };
  const detail = data?.importBatch;
  const known = store.get(batchId) ?? detail;
  const tab = chosen ?? (known?.status === "FAILED" ? "errors" : "entries");
  // The grid starts loading its lines at once, beside the batch's own query (not after it).
  const name = known?.fileName ?? `#${batchId}`;

  return (
    <article className="batch-detail" aria-labelledby={`batch-${batchId}-title`} data-testid="batch-detail" aria-busy={!detail || undefined}>
      <header className="batch-head">
        <div>
          <h2 id={`batch-${batchId}-title`} className="batch-title">
            {name}
          </h2>
          {error && (
            <p role="alert" className="form-error">
              {t.errorGeneric(error.message)}
            </p>
          )}
          {known && (
            <p className="muted">
              {partnerLabel(t, known)} · {t.format[known.format]} · {known.origin !== "CLI" && `${t.origin[known.origin]} · `}{t.entriesCount(locale, known.entryCount)} · <StatusCell batch={known} />
            </p>
          )}
          {detail && <BatchLinks batch={detail} />}
          {detail && <ImportBooks company={company} batch={detail} />}
        </div>
        {known && <DecisionButtons company={company} batch={known} />}
        {detail && (
          <nav aria-label={t.downloads} className="downloads">
            <a className="btn" href={detail.file.downloadUrl} download={detail.file.name}>
              {t.downloadOriginal}
            </a>
            {detail.rejectedLinesUrl && (
              <a className="btn" href={detail.rejectedLinesUrl} download>
                {t.downloadRejected}
              </a>
            )}
            <a className="btn" href={detail.errorsCsvUrl} download>
              {t.downloadErrors}
            </a>
          </nav>
        )}
      </header>
      <Tabs
        label={name}
        active={tab}
        onChange={setTab}
        items={[
          { key: "entries", label: t.entriesTab, panel: (
              <>
                <GridSearch key={searchForm} active={filter !== null} onSearch={search} />
                <EntryGrid key={JSON.stringify(filter)} batchId={batchId} fileName={name} jump={jump} filter={filter} />
              </>
            ),
          },
          {
            key: "errors",
            label: known ? t.errorsTab(locale, known.errorCount + known.findingCount) : t.errorsTab(locale, 0),
            panel: <ErrorList batchId={batchId} fileName={name} onShowLine={showLine} />,
          },
        ]}
      />
      {detail && <BatchTotals batch={detail} status={(known ?? detail).status} />}
    </article>
  );
}

/** What became of a batch's staged lines: posted once it succeeded, deleted with a rejected import, else staged. */
export function linesState(status: ImportStatus): LinesState {
  return status === "SUCCEEDED" ? "posted" : status === "REJECTED" ? "deleted" : "staged";
}

export interface TotalsBatch {
  stagedLineCount: number;
  refusedLineCount: number;
  totalDebit: string;
  totalCredit: string;
  currency: string;
}

/** The totals bar: the lines staged (or posted) and those refused, the debit and credit totals, the balance.
 * `status`: the batch's live status (it says whether the lines are still staged). */
export function BatchTotals({ batch, status }: { batch: TotalsBatch; status: ImportStatus }) {
  const { t, locale } = useI18n();
  const difference = subtractDecimal(batch.totalDebit, batch.totalCredit);
  return (
    <dl className="totals" aria-label={t.totals}>
      <div>
        <dt>{t.totals}</dt>
        <dd className="muted" data-testid="total-lines">
          {t.linesCount(locale, linesState(status), batch.stagedLineCount, batch.refusedLineCount)}
        </dd>
      </div>
      <div>
        <dt>{t.ecol.debit}</dt>
        <dd className="num" data-testid="total-debit">
          {formatDecimal(batch.totalDebit, locale)}
        </dd>
        <dd className="muted">{batch.currency}</dd>
      </div>
      <div>
        <dt>{t.ecol.credit}</dt>
        <dd className="num" data-testid="total-credit">
          {formatDecimal(batch.totalCredit, locale)}
        </dd>
        <dd className="muted">{batch.currency}</dd>
      </div>
      <div>
        <dt className="sr-only">{t.balance}</dt>
        <dd className={isZeroDecimal(difference) ? "ok-text" : "form-error"} data-testid="balance">
          {isZeroDecimal(difference) ? t.balanced : `${t.difference(formatDecimal(difference, locale))} ${batch.currency}`}
        </dd>
      </div>
    </dl>
  );
}

/** Valider and Rejeter for the batch shown, with the console's rules (status, role) and confirmations. */
function DecisionButtons({ company, batch }: { company: Company; batch: DecisionBatch & { status: ImportStatus } }) {
  const decisions = useDecisions(company);
  return (
    <>
      <ActionBar
        className="detail-decisions"
        selected={[batch]}
        role={company.role}
        onValidate={() => decisions.ask("validate", batch)}
        onReject={() => decisions.ask("reject", batch)}
      />
      {decisions.dialogs}
    </>
  );
}
