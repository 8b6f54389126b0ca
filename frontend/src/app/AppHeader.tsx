import { useCallback, useId, useLayoutEffect, useRef, useState } from "react";
import { useOutsideClick } from "../lib/useOutsideClick";
import { useMutation } from "urql";
import { useI18n } from "../i18n/I18n";
import { NotificationCentre } from "../features/notifications/NotificationCentre";
import { ChangePasswordDialog } from "../features/people/ChangePasswordDialog";
import { LanguageSwitch } from "./LanguageSwitch";
import { LogoutMutation } from "./operations";
import { Link, useLocation } from "./router";
import { useSession, type Company } from "./session";

export function AppHeader({ company }: { company: Company | null }) {
  const { t } = useI18n();
  const { me, restart } = useSession();
  const [, logout] = useMutation(LogoutMutation);
  const header = useStickyHeight();

  return (
    <header className="topbar" ref={header}>
      <div className="topbar-row">
        {/* Left: where one is. Right: one's tools, which wrap to a second row on a narrow screen. */}
        <div className={company ? "topbar-main topbar-main-company" : "topbar-main"}>
          <Link to="/" className="brand">
            {t.appName}
          </Link>
          {company && (
            // Shortened with an ellipsis when space runs short: its full name on hover (and read in full).
            <span className="company-name" data-testid="current-company" title={company.name}>
              {company.name}
            </span>
          )}
          {company && <MainMenu company={company} />}
        </div>
        <div className="topbar-tools">
          {me.firmAdmin && <AdminLink />}
          <NotificationCentre />
          <LanguageSwitch />
          <UserMenu />
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
      </div>
    </header>
  );
}

/** The user's name, opening their account menu: their email, "change my password" (a dialog). A partner's API
 * key has no password: its name alone. */
function UserMenu() {
  const { t } = useI18n();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useOutsideClick(root, open && !changing, close);
  const name = me.user?.name || me.name;
  if (!me.user)
    return (
      <span className="user-name user-name-text" title={name}>
        {name}
      </span>
    );
  return (
    <div
      ref={root}
      className="user-menu"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open && !changing) {
          setOpen(false);
          root.current?.querySelector("button")?.focus();
        }
      }}
    >
      <button type="button" className="btn btn-quiet user-name" aria-expanded={open} aria-controls={id} aria-label={t.pwd.userMenu(name)} onClick={() => setOpen((o) => !o)}>
        <span className="user-name-text">{name}</span> <span aria-hidden="true">▾</span>
      </button>
      <div id={id} className="user-panel" hidden={!open}>
        <p className="muted user-email">{me.user.email}</p>
        <button type="button" className="btn" onClick={() => setChanging(true)}>
          {t.pwd.change}
        </button>
      </div>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </div>
  );
}

/** The firm administrator's way to the administration pages (companies, users). */
function AdminLink() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <Link to="/admin/companies" className="btn btn-quiet" aria-current={pathname.startsWith("/admin/") ? "page" : undefined}>
      {t.administration}
    </Link>
  );
}

/** Comptabilité › Imports (partenaires, historique) · Livres comptables (écritures, grand livre, balance, plan
 * comptable) · Paramètres (exercices, journaux, modèles d'import, informations du dossier, and for its admin its
 * members and API keys) · Exports (FEC), as a disclosure menu. */
function MainMenu({ company }: { company: Company }) {
  const { t } = useI18n();
  const { me } = useSession();
  const companyId = company.id;
  const isAdmin = company.role === "ADMIN";
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
              {company.role !== "PARTNER" && (
                <>
                  <p className="submenu-title" id={`${id}-books`}>
                    {t.bk.books}
                  </p>
                  <ul aria-labelledby={`${id}-books`}>
                    {(
                      [
                        ["entries", t.bk.entries],
                        ["ledger", t.bk.ledger],
                        ["balance", t.bk.balance],
                        ["chart", t.bk.chart],
                      ] as const
                    ).map(([path, label]) => (
                      <li key={path}>
                        <Link to={`${base}/books/${path}`} aria-current={current(`${base}/books/${path}`)}>
                          {label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p className="submenu-title" id={`${id}-settings`}>
                {t.settings}
              </p>
              <ul aria-labelledby={`${id}-settings`}>
                <li>
                  <Link to={`${base}/settings/years`} aria-current={current(`${base}/settings/years`)}>
                    {t.fiscalYears}
                  </Link>
                </li>
                <li>
                  <Link to={`${base}/settings/journals`} aria-current={current(`${base}/settings/journals`)}>
                    {t.jr.title}
                  </Link>
                </li>
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
                {(isAdmin || me.firmAdmin) && (
                  <li>
                    <Link to={`${base}/settings/people`} aria-current={current(`${base}/settings/people`)}>
                      {t.members}
                    </Link>
                  </li>
                )}
                {isAdmin && (
                  <li>
                    <Link to={`${base}/settings/api-keys`} aria-current={current(`${base}/settings/api-keys`)}>
                      {t.apiKeys}
                    </Link>
                  </li>
                )}
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

/** The header's height as `--topbar-height` on the document: what sticks below it (the layout editor's
 * preview) stops under it whether it holds one row or, on a narrow screen, two. */
function useStickyHeight() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const set = () => root.style.setProperty("--topbar-height", `${element.offsetHeight}px`);
    set();
    if (typeof ResizeObserver === "undefined") return; // tests' DOM
    const observer = new ResizeObserver(set);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return ref;
}
