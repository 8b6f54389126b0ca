import { navigate } from "../../app/router";
import { useSession } from "../../app/session";
import { useI18n } from "../../i18n/I18n";
import type { OpenState } from "./CompanyArea";

export function CompanyPicker() {
  const { t } = useI18n();
  const { me } = useSession();
  const open = (id: string) => {
    const state: OpenState = { opened: true };
    navigate(`/c/${encodeURIComponent(id)}`, { state });
  };
  return (
    <section className="picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t.companiesTitle}</h1>
      <p className="muted">{t.companiesIntro}</p>
      {me.companies.length === 0 ? (
        <p>{t.noCompanies}</p>
      ) : (
        <ul className="company-list">
          {me.companies.map((c) => (
            <li key={c.id}>
              <button type="button" className="company-card" onClick={() => open(c.id)} aria-label={t.openCompany(c.name)}>
                <span className="company-card-name">{c.name}</span>
                <span className="muted">
                  {c.siren ? `${t.siren} ${c.siren} · ` : ""}
                  {c.role ? t.role[c.role] : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
