import { useMemo, useState } from "react";
import { navigate } from "../../app/router";
import type { Company } from "../../app/session";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18n";
import { ActionBar } from "./ActionBar";
import { BatchTable, ListFoot } from "./BatchTable";
import { Breadcrumb } from "./Breadcrumb";
import { useDecisions } from "./decisions";
import { FilterPanel } from "./FilterPanel";
import { DEFAULT_SORT, EMPTY_FILTER, FILTER_STATUSES, type Column, type Filter, type Sort } from "./model";
import { canSubmit } from "./rules";
import { UploadPanel } from "./UploadPanel";
import { useBatchList } from "./useBatchList";

const COLUMNS: Column[] = [
  "partner",
  "fileName",
  "format",
  "status",
  "error",
  "detail",
  "createdAt",
  "updatedAt",
  "firstMovement",
  "lastMovement",
  "referencePeriod",
];

export function ConsolePage({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<Filter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const list = useBatchList("console", company.id, filter, sort);
  const decisions = useDecisions(company, () => setSelection(new Set()));
  const base = `/c/${encodeURIComponent(company.id)}`;

  // Selected rows that are still listed, in table order.
  const selected = useMemo(() => list.rows.filter((r) => selection.has(r.id)), [list.rows, selection]);

  return (
    <section aria-labelledby="console-title" className="console">
      <Breadcrumb trail={[t.accounting, t.imports]} current={t.partnerImports} />
      <div className="page-head">
        <h1 id="console-title">{t.consoleTitle}</h1>
        <p className="muted">{t.consoleIntro}</p>
      </div>

      <div className="toolbar-row">
        <ActionBar
          selected={selected}
          role={company.role}
          onView={() => navigate(`${base}/imports/detail?ids=${selected.map((b) => encodeURIComponent(b.id)).join(",")}`)}
          onValidate={() => selected[0] && decisions.ask("validate", selected[0])}
          onReject={() => selected[0] && decisions.ask("reject", selected[0])}
        />
        <span className="muted selection-count" aria-live="polite">
          {t.selectedCount(locale, selected.length)}
        </span>
        <span className="spacer" />
        <FilterPanel companyId={company.id} value={filter} onApply={setFilter} statuses={FILTER_STATUSES} />
        <button type="button" className="btn" onClick={list.reload}>
          {t.refresh}
        </button>
      </div>

      <UploadPanel companyId={company.id} allowed={canSubmit(company.role)} />

      <QueryState fetching={list.loading} error={list.error} hasData={list.loaded} onRetry={list.reload}>
        <BatchTable
          caption={t.consoleTitle}
          columns={COLUMNS}
          rows={list.rows}
          sort={sort}
          onSort={setSort}
          selection={selection}
          onSelect={setSelection}
          empty={t.noImports}
          // Busy while rows shown refresh; an empty list says it is empty, not « Chargement… », meanwhile.
          busy={list.loading && list.rows.length > 0}
        />
        <ListFoot list={list} />
      </QueryState>

      {decisions.dialogs}
    </section>
  );
}
