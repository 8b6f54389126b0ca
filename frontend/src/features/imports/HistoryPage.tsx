import { useState } from "react";
import { useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18n";
import { entriesPath } from "../books/paths";
import { BatchTable, ListFoot } from "./BatchTable";
import { Breadcrumb } from "./Breadcrumb";
import { FilterPanel } from "./FilterPanel";
import { DEFAULT_SORT, EMPTY_FILTER, HISTORY_FILTER_STATUSES, type Column, type Filter, type Sort } from "./model";
import { useBatchList } from "./useBatchList";

const COLUMNS: Column[] = ["partner", "fileName", "format", "origin", "status", "detail", "createdAt", "updatedAt", "referencePeriod"];

export function HistoryPage({ company }: { company: Company }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const highlight = search.get("highlight");
  const [filter, setFilter] = useState<Filter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const list = useBatchList("history", company.id, filter, sort);
  const base = `/c/${encodeURIComponent(company.id)}`;

  return (
    <section aria-labelledby="history-title" className="history">
      <Breadcrumb trail={[t.accounting, t.imports]} current={t.importHistory} />
      <div className="page-head">
        <h1 id="history-title">{t.historyTitle}</h1>
      </div>
      <div className="toolbar-row">
        <span className="spacer" />
        <FilterPanel companyId={company.id} value={filter} onApply={setFilter} statuses={HISTORY_FILTER_STATUSES} />
        <button type="button" className="btn" onClick={list.reload}>
          {t.refresh}
        </button>
      </div>
      <QueryState fetching={list.loading} error={list.error} hasData={list.loaded} onRetry={list.reload}>
        <BatchTable
          caption={t.historyTitle}
          columns={COLUMNS}
          rows={list.rows}
          sort={sort}
          onSort={setSort}
          highlight={highlight}
          detailHref={(b) => `${base}/imports/detail?ids=${encodeURIComponent(b.id)}`}
          entriesHref={(b) => entriesPath(company.id, { batchId: b.id })}
          empty={t.noImports}
          // Busy while rows shown refresh; an empty list says it is empty, not « Chargement… », meanwhile.
          busy={list.loading && list.rows.length > 0}
        />
        <ListFoot list={list} />
      </QueryState>
    </section>
  );
}
