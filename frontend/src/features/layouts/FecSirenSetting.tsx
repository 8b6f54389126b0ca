/** Whether a FEC file whose name carries another SIREN than the company's is refused or imported with a
 * finding (the wrong-dossier guard). Read-only for roles that may not change settings. */
import { useId, useState } from "react";
import { useMutation } from "urql";
import type { Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { useI18n } from "../../i18n/I18n";
import { errorMessages } from "../../lib/errors";
import { SetFecSirenMustMatchMutation } from "./operations";

export function FecSirenSetting({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const { t } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const [refuse, setRefuse] = useState(company.fecSirenMustMatch);
  const [failed, setFailed] = useState<string | null>(null);
  const [saving, save] = useMutation(SetFecSirenMustMatchMutation);

  const change = async (next: boolean) => {
    setRefuse(next); // shown at once; put back if the server refuses
    const result = await save({ companyId: company.id, mustMatch: next });
    const saved = result.data?.setFecSirenMustMatch;
    if (!saved) {
      setRefuse(!next);
      setFailed(result.error ? errorMessages(result.error).join(" ; ") : t.actionFailed);
      return;
    }
    setFailed(null);
    setRefuse(saved.fecSirenMustMatch);
    toast(t.lay.fecSirenSaved(saved.fecSirenMustMatch), "success");
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.lay.fecSiren}</h2>
      <p className="muted">{t.lay.fecSirenIntro(company.siren ?? "")}</p>
      <label>
        <input
          type="checkbox"
          checked={refuse}
          disabled={!canEdit || saving.fetching || !company.siren}
          onChange={(event) => void change(event.target.checked)}
        />{" "}
        {t.lay.fecSirenRefuse}
      </label>
      {failed && (
        <p role="alert" className="form-error">
          {t.errorGeneric(failed)}
        </p>
      )}
    </section>
  );
}
