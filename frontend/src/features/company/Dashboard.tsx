import { useEffect } from "react";
import { useQuery } from "urql";
import { FiscalYearsQuery } from "../../app/operations";
import { Link } from "../../app/router";
import { useSession, type Company } from "../../app/session";
import { formatDay } from "../../lib/dates";
import { useI18n } from "../../i18n/I18n";
import { useBatchStore, useLiveEpoch } from "../imports/live";
import { useStoreVersion } from "../imports/store";

export function Dashboard({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const store = useBatchStore();
  const version = useStoreVersion(store);
  const epoch = useLiveEpoch(api);
  const [{ data, fetching }, reexecute] = useQuery({
    query: FiscalYearsQuery,
    variables: { companyId: company.id },
    requestPolicy: "network-only",
  });
  // A live change of an import (or a reconnection) refreshes the count, at most every 500 ms.
  useEffect(() => {
    if (version === 0 && epoch === 0) return;
    const timer = window.setTimeout(() => reexecute({ requestPolicy: "network-only" }), 500);
    return () => window.clearTimeout(timer);
  }, [version, epoch, reexecute]);
  const base = `/c/${encodeURIComponent(company.id)}`;
  const pending = data?.pendingImportsCount;
  return (
    <section aria-labelledby="dash-title" className="dashboard">
      <h1 id="dash-title">{company.name}</h1>
      <p className="muted">
        {t.dashboardTitle}
        {company.siren ? ` · ${t.siren} ${company.siren}` : ""} · {t.yourRole} : {company.role ? t.role[company.role] : "—"}
      </p>
      <div className="cards">
        <article className="card" aria-busy={fetching}>
          <h2>{t.pendingImportsCard}</h2>
          <p className="card-figure" data-testid="pending-count">
            {pending === undefined ? "…" : t.pendingImportsCount(pending)}
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
    </section>
  );
}
