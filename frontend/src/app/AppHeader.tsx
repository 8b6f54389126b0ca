import { useCallback, useId, useRef, useState, useSyncExternalStore } from "react";
import { useOutsideClick } from "../lib/useOutsideClick";
import { useMutation } from "urql";
import { useI18n } from "../i18n/I18n";
import { NotificationCentre } from "../features/notifications/NotificationCentre";
import { LanguageSwitch } from "./LanguageSwitch";
import { LogoutMutation } from "./operations";
import { Link, useLocation } from "./router";
import { useSession, type Company } from "./session";

export function AppHeader({ company }: { company: Company | null }) {
  const { t } = useI18n();
  const { me, restart, api } = useSession();
  const [, logout] = useMutation(LogoutMutation);
  const live = useSyncExternalStore(api.live.subscribe, api.live.getState, api.live.getState);

  return (
    <header className="topbar">
      <div className="topbar-row">
        <Link to="/" className="brand">
          {t.appName}
        </Link>
        {company && (
          <span className="company-name" data-testid="current-company">
            {company.name}
          </span>
        )}
        {company && <MainMenu companyId={company.id} />}
        <span className="spacer" />
        {me.firmAdmin && <AdminLink />}
        {live === "reconnecting" && (
          <span className="live-lost" role="status">
            {t.liveLost}
          </span>
        )}
        <NotificationCentre />
        <LanguageSwitch />
        <span className="user-name">{me.user?.name ?? me.name}</span>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={async () => {
            await logout({});
            window.history.replaceState(null, "", "/");
            restart();
          }}
        >
          {t.signOut}
        </button>
      </div>
    </header>
  );
}

/** The firm administrator's way to the administration pages (companies). */
function AdminLink() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <Link to="/admin/companies" className="btn btn-quiet" aria-current={pathname.startsWith("/admin/") ? "page" : undefined}>
      {t.administration}
    </Link>
  );
}

/** Comptabilité › Imports (partenaires, historique) · Paramètres (modèles d'import, informations du dossier) · Exports
 * (FEC), as a disclosure menu. */
function MainMenu({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  // Open on the page where it was opened: navigating closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean | ((was: boolean) => boolean)) =>
    setOpenOn((typeof next === "function" ? next(open) : next) ? pathname : null);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const base = `/c/${encodeURIComponent(companyId)}`;
  const close = useCallback(() => setOpenOn(null), []);
  useOutsideClick(root, open, close);

  const current = (path: string) => (pathname === path ? ("page" as const) : undefined);
  return (
    <nav aria-label={t.mainMenu} className="mainmenu">
      <ul className="menu-row">
        <li>
          <Link to={base} aria-current={current(base)} className="menu-link">
            {t.dashboard}
          </Link>
        </li>
        <li className="menu-group">
          <div
            ref={root}
            onKeyDown={(event) => {
              if (event.key === "Escape" && open) {
                setOpen(false);
                root.current?.querySelector("button")?.focus();
              }
            }}
          >
            <button type="button" className="menu-link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
              {t.accounting} <span aria-hidden="true">▾</span>
            </button>
            <div id={id} className="submenu" hidden={!open}>
              <p className="submenu-title" id={`${id}-imports`}>
                {t.imports}
              </p>
              <ul aria-labelledby={`${id}-imports`}>
                <li>
                  <Link to={`${base}/imports`} aria-current={current(`${base}/imports`)}>
                    {t.partnerImports}
                  </Link>
                </li>
                <li>
                  <Link to={`${base}/history`} aria-current={current(`${base}/history`)}>
                    {t.importHistory}
                  </Link>
                </li>
              </ul>
              <p className="submenu-title" id={`${id}-settings`}>
                {t.settings}
              </p>
              <ul aria-labelledby={`${id}-settings`}>
                <li>
                  <Link to={`${base}/settings/layouts`} aria-current={current(`${base}/settings/layouts`)}>
                    {t.importLayouts}
                  </Link>
                </li>
                <li>
                  <Link to={`${base}/settings/company`} aria-current={current(`${base}/settings/company`)}>
                    {t.companyDetails}
                  </Link>
                </li>
              </ul>
              <p className="submenu-title" id={`${id}-exports`}>
                {t.exports}
              </p>
              <ul aria-labelledby={`${id}-exports`}>
                <li>
                  <Link to={`${base}/exports/fec`} aria-current={current(`${base}/exports/fec`)}>
                    {t.fecExport}
                  </Link>
                </li>
              </ul>
            </div>
          </div>
        </li>
      </ul>
    </nav>
  );
}
