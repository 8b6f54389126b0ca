import { useEffect, useRef } from "react";
import { useQuery } from "urql";
import { useRefetch } from "../../app/catchUp";
import { FiscalYearsQuery } from "../../app/operations";
import { Link } from "../../app/router";
import type { Company } from "../../app/session";
import { QueryState } from "../../components/QueryState";
import { formatDay } from "../../lib/dates";
import { useI18n } from "../../i18n/I18n";
import { useBatchStore } from "../imports/live";
import { useStoreVersion } from "../imports/store";

export function Dashboard({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const store = useBatchStore();
  const version = useStoreVersion(store);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: FiscalYearsQuery,
    variables: { companyId: company.id },
    requestPolicy: "network-only",
  });
  const refetch = useRefetch(reexecute);
  // A live change of an import refreshes the count, at most every 500 ms (not on opening: it has just been read).
  const opened = useRef(version);
  useEffect(() => {
    if (version === opened.current) return;
    const timer = window.setTimeout(refetch, 500);
    return () => window.clearTimeout(timer);
  }, [version, refetch]);
  const base = `/c/${encodeURIComponent(company.id)}`;
  const pending = data?.pendingImportsCount;
  return (
    <section aria-labelledby="dash-title" className="dashboard">
      <h1 id="dash-title">{company.name}</h1>
      <p className="muted">
        {t.dashboardTitle}
        {company.siren ? ` · ${t.siren} ${company.siren}` : ""} · {t.yourRole} : {company.role ? t.role[company.role] : "—"}
      </p>
      <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
        <div className="cards">
          <article className="card" aria-busy={fetching}>
            <h2>{t.pendingImportsCard}</h2>
            <p className="card-figure" data-testid="pending-count">
              {pending === undefined ? "…" : t.pendingImportsCount(locale, pending)}
            </p>
            <p>
              <Link to={`${base}/imports`}>{t.openConsole}</Link>
            </p>
            <p>
              <Link to={`${base}/history`}>{t.openHistory}</Link>
            </p>
          </article>
          <article className="card">
            <h2>{t.fecExport}</h2>
            <p className="muted">{t.fec.card}</p>
            <p>
              <Link to={`${base}/exports/fec`} className="btn btn-primary">
                {t.fec.action}
              </Link>
            </p>
            <p>
              <Link to={`${base}/settings/layouts`}>{t.importLayouts}</Link>
            </p>
          </article>
          <article className="card">
            <h2>{t.fiscalYears}</h2>
            {data?.fiscalYears.length === 0 && <p className="muted">{t.fy.none}</p>}
            <ul className="plain">
              {(data?.fiscalYears ?? []).map((y) => (
                <li key={y.id}>
                  <strong>{y.name}</strong> — {formatDay(y.startDate, locale)} → {formatDay(y.endDate, locale)} (
                  {y.closed ? t.fiscalYearClosed : t.fiscalYearOpen})
                </li>
              ))}
            </ul>
            <p>
              <Link to={`${base}/settings/years`}>{t.fy.manage}</Link>
            </p>
          </article>
        </div>
      </QueryState>
    </section>
  );
}
