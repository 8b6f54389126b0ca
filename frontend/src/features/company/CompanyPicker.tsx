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
          {me.companies.map((c) => {
            const details = [c.siren ? `${t.siren} ${c.siren}` : "", c.role ? t.role[c.role] : ""].filter(Boolean).join(" · ");
            return (
              <li key={c.id}>
                {/* The name holds every word the card shows, in order (WCAG 2.5.3: a voice user says what they
                    see); the space keeps the two lines two words apart in the text the card reads as. */}
                <button
                  type="button"
                  className="company-card"
                  onClick={() => open(c.id)}
                  aria-label={details ? `${t.openCompany(c.name)}, ${details}` : t.openCompany(c.name)}
                >
                  <span className="company-card-name">{c.name}</span>{" "}
                  <span className="muted">{details}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
