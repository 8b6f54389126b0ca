import { Suspense, lazy, useEffect, useMemo, useState } from "react";
import { useClient, useQuery } from "urql";
import { AppHeader } from "../../app/AppHeader";
import { Link, historyState, match, navigate, useLocation } from "../../app/router";
import { useSession } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import { useI18n } from "../../i18n/I18n";
import { ConsolePage } from "../imports/ConsolePage";
import { DetailPage } from "../imports/DetailPage";
import { HistoryPage } from "../imports/HistoryPage";
import { StoreContext, useBatchEvents } from "../imports/live";
import { canDecide } from "../imports/rules";
import { PendingCountQuery } from "../imports/operations";
import { BatchStore } from "../imports/store";
import { CompanyDetailsPage } from "../admin/CompanyDetailsPage";
import { FecExportPage } from "../exports/FecExportPage";
import { LayoutEditorPage } from "../layouts/LayoutEditorPage";
import { LayoutsPage } from "../layouts/LayoutsPage";
import { ApiKeysPage } from "../people/ApiKeysPage";
import { MembersPage } from "../people/MembersPage";
import { Dashboard } from "./Dashboard";

// The books' pages load on first use (their own chunk).
const AccountLedgerPage = lazy(() => import("../books/AccountLedgerPage").then((m) => ({ default: m.AccountLedgerPage })));
const ChartPage = lazy(() => import("../books/ChartPage").then((m) => ({ default: m.ChartPage })));
const EntriesPage = lazy(() => import("../books/EntriesPage").then((m) => ({ default: m.EntriesPage })));
const FiscalYearsPage = lazy(() => import("../books/FiscalYearsPage").then((m) => ({ default: m.FiscalYearsPage })));
const JournalsPage = lazy(() => import("../books/JournalsPage").then((m) => ({ default: m.JournalsPage })));
const TrialBalancePage = lazy(() => import("../books/TrialBalancePage").then((m) => ({ default: m.TrialBalancePage })));

export interface OpenState {
  opened?: boolean;
}

export function CompanyArea({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const client = useClient();
  const { announce } = useAnnouncer();
  const { pathname } = useLocation();
  const company = me.companies.find((c) => c.id === companyId) ?? null;
  const store = useMemo(() => new BatchStore(), []);

  useEffect(() => {
    store.setStatusListener((batch) => announce(t.statusChanged(batch.fileName, t.status[batch.status])));
    return () => store.setStatusListener(null);
  }, [store, announce, t]);
  useBatchEvents(client, companyId, store);

  if (!company) {
    return (
      <>
        <AppHeader company={null} />
        <main id="main" className="page">
          <p role="alert">{t.noCompanies}</p>
          <Link to="/">{t.switchCompany}</Link>
        </main>
      </>
    );
  }

  const base = `/c/${encodeURIComponent(companyId)}`;
  let page;
  let layout: Record<string, string> | null;
  if (match("/c/:id/imports/detail", pathname)) page = <DetailPage company={company} />;
  else if (match("/c/:id/imports", pathname)) page = <ConsolePage company={company} />;
  else if (match("/c/:id/history", pathname)) page = <HistoryPage company={company} />;
  else if (match("/c/:id/settings/layouts", pathname)) page = <LayoutsPage company={company} />;
  else if (match("/c/:id/settings/company", pathname)) page = <CompanyDetailsPage company={company} />;
  else if (match("/c/:id/settings/people", pathname)) page = <MembersPage company={company} />;
  else if (match("/c/:id/settings/api-keys", pathname)) page = <ApiKeysPage company={company} />;
  else if ((layout = match("/c/:id/settings/layouts/:layoutId", pathname))) page = <LayoutEditorPage company={company} layoutId={layout.layoutId!} />;
  else if (match("/c/:id/settings/years", pathname)) page = <FiscalYearsPage company={company} />;
  else if (match("/c/:id/settings/journals", pathname)) page = <JournalsPage company={company} />;
  else if (match("/c/:id/books/entries", pathname)) page = <EntriesPage company={company} />;
  else if (match("/c/:id/books/ledger", pathname)) page = <AccountLedgerPage company={company} />;
  else if (match("/c/:id/books/balance", pathname)) page = <TrialBalancePage company={company} />;
  else if (match("/c/:id/books/chart", pathname)) page = <ChartPage company={company} />;
  else if (match("/c/:id/exports/fec", pathname)) page = <FecExportPage company={company} />;
  else page = <Dashboard company={company} />;

  return (
    <StoreContext.Provider value={store}>
      <AppHeader company={company} />
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t.loading}</p>}>{page}</Suspense>
      </main>
      <OpenPrompt
        key={companyId}
        companyId={companyId}
        consolePath={`${base}/imports`}
        decides={canDecide(company.role)}
        home={pathname === base || pathname === `${base}/`}
        atConsole={pathname.startsWith(`${base}/imports`)}
      />
    </StoreContext.Provider>
  );
}

/** Companies already offered the console in this tab (sessionStorage: a new tab or window asks again). */
const PROMPTED_KEY = "ecluse.prompted";

function promptedCompanies(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(PROMPTED_KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function markPrompted(companyId: string): void {
  const seen = promptedCompanies();
  if (!seen.includes(companyId)) sessionStorage.setItem(PROMPTED_KEY, JSON.stringify([...seen, companyId].slice(-50)));
}

/** On opening a company that has imports waiting: "open the partner-imports console?" Asked when the company
 * is chosen in the picker, and the first time in a tab that its home page is reached another way (a
 * bookmark, a link, after logging in); a deep link to another page is left alone. */
function OpenPrompt(props: { companyId: string; consolePath: string; decides: boolean; home: boolean; atConsole: boolean }) {
  const { companyId, consolePath, decides, home, atConsole } = props;
  const { t, locale } = useI18n();
  const [opened] = useState(() => historyState<OpenState>()?.opened === true || (home && !promptedCompanies().includes(companyId)));
  const [dismissed, setDismissed] = useState(false);
  const [{ data }] = useQuery({ query: PendingCountQuery, variables: { companyId }, pause: !opened, requestPolicy: "network-only" });
  const count = data?.pendingImportsCount ?? 0;
  const open = opened && !dismissed && count > 0;
  useEffect(() => {
    if (opened || atConsole) markPrompted(companyId); // the console seen: no need to offer it
  }, [opened, atConsole, companyId]);

  const close = (toConsole: boolean) => {
    setDismissed(true);
    // Answered once: going back to this page later shows no prompt again.
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    if (toConsole) navigate(consolePath);
  };

  return (
    <ConfirmDialog
      open={open}
      title={t.promptTitle}
      body={t.promptBody(locale, count, decides)}
      yes={t.yes}
      no={t.no}
      onYes={() => close(true)}
      onNo={() => close(false)}
      testId="open-prompt"
    />
  );
}
