/** Comptabilité › Paramètres › Informations du dossier: the company's details, edited by its admin (or a firm
 * administrator), read-only for the other roles. */
import { useSession, type Company } from "../../app/session";
import { useI18n } from "../../i18n/I18n";
import { Breadcrumb } from "../imports/Breadcrumb";
import { userErrorText } from "../imports/errorText";
import { CompanyForm } from "./CompanyForm";

export function CompanyDetailsPage({ company }: { company: Company }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const canEdit = company.role === "ADMIN" || me.firmAdmin;
  return (
    <section aria-labelledby="company-details-title" className="company-details">
      <Breadcrumb trail={[t.accounting, t.settings]} current={t.companyDetails} />
      <div className="page-head">
        <h1 id="company-details-title">{t.companyDetails}</h1>
        <p className="muted">{t.adm.detailsIntro}</p>
      </div>
      {!canEdit && <p className="note">{t.adm.readOnly}</p>}
      {company.findings.map((finding, i) => (
        <p key={i} className="note" data-testid="finding">
          <span aria-hidden="true">⚠ </span>
          {t.adm.findings} {userErrorText(t, locale, finding)}
        </p>
      ))}
      <div className="card company-form-card">
        <CompanyForm company={company} readOnly={!canEdit} />
      </div>
    </section>
  );
}
