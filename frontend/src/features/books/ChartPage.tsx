/** Comptabilité › Livres › Plan comptable: the company's accounts, third parties and analytic sections (one
 * tab each), searched, with whether a line names them and the import that created them. */
import { useCallback, useState } from "react";
import { Link, navigate, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import { Tabs } from "../../components/Tabs";
import type { MasterEntryFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { gqlFetch } from "../../lib/gql";
import { detailPath } from "../imports/BatchLinks";
import { Breadcrumb } from "../imports/Breadcrumb";
import { KeysetGrid, type FetchPage, type GridColumn } from "./KeysetGrid";
import { AccountsQuery, AnalyticSectionsQuery, ThirdPartiesQuery } from "./operations";
import { chartPath, ledgerPath } from "./paths";

export const CHART_TABS = ["accounts", "thirdParties", "analytic"] as const;
type Tab = (typeof CHART_TABS)[number];
const QUERIES = { accounts: AccountsQuery, thirdParties: ThirdPartiesQuery, analytic: AnalyticSectionsQuery };
type MasterEntry = MasterEntryFieldsFragment["nodes"][number];
const EMPTY: MasterEntryFieldsFragment = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };

export function ChartPage({ company }: { company: Company }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const wanted = search.get("tab");
  const tab: Tab = (CHART_TABS as readonly string[]).includes(wanted ?? "") ? (wanted as Tab) : "accounts";
  return (
    <section aria-labelledby="chart-title" className="books-chart">
      <Breadcrumb trail={[t.accounting, t.bk.books]} current={t.bk.chart} />
      <div className="page-head">
        <h1 id="chart-title">{t.bk.chartTitle}</h1>
        <p className="muted">{t.bk.chartIntro}</p>
      </div>
      <Tabs
        label={t.bk.chartTitle}
        active={tab}
        onChange={(key) => navigate(chartPath(company.id, key), { replace: true })}
        items={CHART_TABS.map((key) => ({ key, label: t.bk.chartTab[key], panel: <MasterList company={company} tab={key} /> }))}
      />
    </section>
  );
}

function MasterList({ company, tab }: { company: Company; tab: Tab }) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const term = search.trim() || null;
  const fetchPage = useCallback<FetchPage<MasterEntry>>(
    async (after, first, signal) => {
      // The three lists have the same shape (the tab's panel is mounted alone, with its own query).
      const data = await gqlFetch(QUERIES[tab] as typeof AccountsQuery, { companyId: company.id, search: term, first, after }, signal);
      const found = data as Partial<Record<string, MasterEntryFieldsFragment>>;
      return found.accounts ?? found.thirdParties ?? found.analyticSections ?? EMPTY;
    },
    [company.id, tab, term],
  );
  const columns: GridColumn<MasterEntry>[] = [
    {
      key: "code",
      header: t.bk.col.code,
      width: 140,
      rowHeader: true,
      title: (row) => row.code,
      cell: (row) => (tab === "accounts" ? <Link to={ledgerPath(company.id, { account: row.code })}>{row.code}</Link> : row.code),
    },
    { key: "label", header: t.bk.col.accountLabel, width: 340, title: (row) => row.label, cell: (row) => row.label },
    ...(tab === "thirdParties" ? [{ key: "kind", header: t.bk.col.kind, width: 130, cell: (row: MasterEntry) => t.bk.partyKind[row.kind] ?? row.kind }] : []),
    { key: "used", header: t.bk.col.used, width: 90, testId: "used", cell: (row) => (row.used ? t.yes : t.no) },
    {
      key: "createdBy",
      header: t.bk.col.createdBy,
      width: 160,
      cell: (row) =>
        row.createdByBatchId ? (
          <Link to={detailPath(company.id, row.createdByBatchId)}>{t.importNumber(row.createdByBatchId)}</Link>
        ) : (
          <span className="muted">{t.jr.byHand}</span>
        ),
    },
  ];
  return (
    <div className="master-list">
      <div className="field toolbar-form">
        <label>
          {t.bk.search}{" "}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-label={t.bk.searchIn(t.bk.chartTab[tab])} />
        </label>
      </div>
      <KeysetGrid
        key={term ?? ""}
        label={t.bk.chartTab[tab]}
        columns={columns}
        fetchPage={fetchPage}
        rowAttributes={(row) => ({ "data-code": row.code })}
        count={t.bk.itemCount}
        empty={t.bk.noneFound}
        testId={`chart-${tab}`}
      />
    </div>
  );
}
