/** Comptabilité › Livres › Plan comptable: the company's accounts, third parties and analytic sections (one
 * tab each), searched, with whether a line names them and the import that created them. */
import { useState } from "react";
import { Link, navigate, useLocation } from "../../app/router";
import type { Company } from "../../app/session";
import { Tabs } from "../../components/Tabs";
import type { MasterEntryFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { detailPath } from "../imports/BatchLinks";
import { Breadcrumb } from "../imports/Breadcrumb";
import { AccountsQuery, AnalyticSectionsQuery, ThirdPartiesQuery } from "./operations";
import { chartPath, ledgerPath } from "./paths";
import { useKeyset } from "./useKeyset";

export const CHART_TABS = ["accounts", "thirdParties", "analytic"] as const;
type Tab = (typeof CHART_TABS)[number];
const PAGE = 100;
const QUERIES = { accounts: AccountsQuery, thirdParties: ThirdPartiesQuery, analytic: AnalyticSectionsQuery };

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
  const { t, locale } = useI18n();
  const [search, setSearch] = useState("");
  const term = search.trim() || null;
  const variables = { companyId: company.id, search: term, first: PAGE, after: null };
  // The three lists have the same shape (the tab's panel is mounted alone, with its own query).
  const list = useKeyset(QUERIES[tab] as typeof AccountsQuery, variables, (d) => {
    const found = d as Partial<Record<string, MasterEntryFieldsFragment>>;
    return found.accounts ?? found.thirdParties ?? found.analyticSections;
  });
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  return (
    <div className="master-list">
      <div className="field toolbar-form">
        <label>
          {t.bk.search}{" "}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-label={t.bk.searchIn(t.bk.chartTab[tab])} />
        </label>
      </div>
      {list.error && (
        <p role="alert" className="form-error">
          {t.errorGeneric(list.error)}
        </p>
      )}
      <div className="table-scroll">
        <table className="grid-table" aria-busy={list.loading || undefined} data-testid={`chart-${tab}`}>
          <caption className="sr-only">{t.bk.chartTab[tab]}</caption>
          <thead>
            <tr>
              <th scope="col">{t.bk.col.code}</th>
              <th scope="col">{t.bk.col.accountLabel}</th>
              {tab === "thirdParties" && <th scope="col">{t.bk.col.kind}</th>}
              <th scope="col">{t.bk.col.used}</th>
              <th scope="col">{t.bk.col.createdBy}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 && !list.loading && (
              <tr>
                <td colSpan={5} className="empty">
                  {t.bk.noneFound}
                </td>
              </tr>
            )}
            {list.rows.map((row) => (
              <tr key={row.id} data-code={row.code}>
                <th scope="row">{tab === "accounts" ? <Link to={ledgerPath(company.id, { account: row.code })}>{row.code}</Link> : row.code}</th>
                <td>{row.label}</td>
                {tab === "thirdParties" && <td>{t.bk.partyKind[row.kind] ?? row.kind}</td>}
                <td data-testid="used">{row.used ? t.yes : t.no}</td>
                <td>
                  {row.createdByBatchId ? (
                    <Link to={detailPath(company.id, row.createdByBatchId)}>{t.importNumber(row.createdByBatchId)}</Link>
                  ) : (
                    <span className="muted">{t.jr.byHand}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted table-foot">
        {t.bk.itemCount(n(list.rows.length), n(list.total))}
        {list.hasMore && (
          <button type="button" className="btn btn-quiet" onClick={list.loadMore} disabled={list.loading}>
            {t.loadMore}
          </button>
        )}
      </p>
    </div>
  );
}
