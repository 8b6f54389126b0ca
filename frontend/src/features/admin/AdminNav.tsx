/** Administration's pages: the firm's companies, its users. */
import { Link, useLocation } from "../../app/router";
import { useI18n } from "../../i18n/I18n";

export function AdminNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const pages = [
    ["/admin/companies", t.adm.tab],
    ["/admin/users", t.usr.tab],
  ] as const;
  return (
    <nav aria-label={t.adminPages} className="admin-nav">
      <ul className="menu-row">
        {pages.map(([to, label]) => (
          <li key={to}>
            <Link to={to} className="menu-link" aria-current={pathname === to ? "page" : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
