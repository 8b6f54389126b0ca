import { useCallback, useRef, useState } from "react";
import { Provider, useQuery } from "urql";
import { AnnouncerProvider } from "../components/Announcer";
import { useI18n } from "../i18n/I18n";
import { LoginPage } from "../features/auth/LoginPage";
import { CompanyPicker } from "../features/company/CompanyPicker";
import { CompanyArea } from "../features/company/CompanyArea";
import { AdminNav } from "../features/admin/AdminNav";
import { CompaniesAdminPage } from "../features/admin/CompaniesAdminPage";
import { SetPasswordPage } from "../features/people/SetPasswordPage";
import { UsersAdminPage } from "../features/people/UsersAdminPage";
import { QueryState } from "../components/QueryState";
import { useRefetch } from "./catchUp";
import { createApi, type Api } from "./client";
import { ConnectionBanner } from "./ConnectionBanner";
import { MeQuery } from "./operations";
import { match, useLocation } from "./router";
import { ApiContext, SessionContext, useSession } from "./session";
import { AppHeader } from "./AppHeader";

export function App() {
  const { t } = useI18n();
  const [api, setApi] = useState<Api>(createApi);
  const current = useRef(api);
  // A login or a logout: a fresh client (cache, WebSocket with the new cookie); the old socket closes.
  // (Not an effect cleanup: StrictMode's rehearsal unmount would close the live socket in development.)
  const restart = useCallback(() => {
    current.current.dispose();
    const next = createApi();
    current.current = next;
    setApi(next);
  }, []);
  return (
    <Provider value={api.client}>
      <ApiContext.Provider value={api}>
        <AnnouncerProvider closeLabel={t.close}>
          <ConnectionBanner />
          <Shell api={api} restart={restart} />
        </AnnouncerProvider>
      </ApiContext.Provider>
    </Provider>
  );
}

function Shell({ api, restart }: { api: Api; restart: () => void }) {
  const { pathname } = useLocation();
  // Opened from a one-time link, logged in or not.
  if (pathname === "/password") return <SetPasswordPage />;
  return <SessionShell api={api} restart={restart} />;
}

function SessionShell({ api, restart }: { api: Api; restart: () => void }) {
  const { t } = useI18n();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MeQuery, requestPolicy: "network-only" });
  const { pathname } = useLocation();
  // Retry, and back online (or reconnected): who one is, again.
  const refetch = useRefetch(reexecute);

  const unauthenticated = error?.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
  // The login form stays while a catch-up asks again (what was typed in it is kept).
  if (!data && !unauthenticated && (fetching || error)) {
    return (
      <main className="page-center" aria-busy={fetching || undefined}>
        <QueryState fetching={fetching} error={error} hasData={false} onRetry={refetch} />
      </main>
    );
  }
  if (!data) return <LoginPage onLoggedIn={restart} />;
  const session = { me: data.me, api, restart };
  const company = match("/c/:companyId/*", pathname) ?? matchPrefix(pathname);
  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      {company ? (
        <CompanyArea key={company.companyId} companyId={company.companyId} />
      ) : /^\/admin(\/|$)/.test(pathname) ? (
        <AdminPage pathname={pathname} />
      ) : (
        <PickerPage />
      )}
    </SessionContext.Provider>
  );
}

function matchPrefix(pathname: string): { companyId: string } | null {
  const m = /^\/c\/([^/]+)(?:\/|$)/.exec(pathname);
  return m ? { companyId: decodeURIComponent(m[1]!) } : null;
}

function PickerPage() {
  return (
    <>
      <AppHeader company={null} />
      <main id="main" className="page" tabIndex={-1}>
        <CompanyPicker />
      </main>
    </>
  );
}

/** /admin/companies, /admin/users. */
function AdminPage({ pathname }: { pathname: string }) {
  const { me } = useSession();
  return (
    <>
      <AppHeader company={null} />
      <main id="main" className="page" tabIndex={-1}>
        {me.firmAdmin && <AdminNav />}
        {match("/admin/users", pathname) ? <UsersAdminPage /> : <CompaniesAdminPage />}
      </main>
    </>
  );
}
