/** A posted (SUCCEEDED) import in the books: a link to its entries, and for the roles that decide, its
 * reversal (« Extourner »): the opposite entries dated the chosen day; the originals and their opposites both
 * stay in the books. Once reversed, when and on which date. */
import { useId, useState } from "react";
import { useMutation } from "urql";
import { Link } from "../../app/router";
import type { Company } from "../../app/session";
import { useAnnouncer } from "../../components/Announcer";
import { ConfirmDialog } from "../../components/Dialog";
import type { ImportStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n/I18n";
import { formatDay, formatMinute } from "../../lib/dates";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { canDecide } from "../imports/rules";
import { ReverseImportMutation } from "./operations";
import { entriesPath, isoToday } from "./paths";

export interface PostedBatch {
  id: string;
  fileName: string;
  status: ImportStatus;
  reversedAt?: string | null;
  reversalDate?: string | null;
}

export function ImportBooks({ company, batch }: { company: Company; batch: PostedBatch }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [day, setDay] = useState(isoToday);
  const [failure, setFailure] = useState<string | null>(null);
  const [reversal, reverse] = useMutation(ReverseImportMutation);
  if (batch.status !== "SUCCEEDED") return null;

  const confirm = async () => {
    const result = await reverse({ id: batch.id, date: day });
    setAsking(false);
    const payload = result.data?.reverseImport;
    if (result.error || !payload?.batch?.reversedAt) {
      setFailure(result.error ? requestErrorText(t, result.error) : (payload?.errors ?? []).map((e) => userErrorText(t, locale, e)).join(" ") || t.actionFailed);
      return;
    }
    setFailure(null);
    toast(t.bk.reversedDone(batch.fileName), "success");
  };

  return (
    <div className="import-books" data-testid="import-books">
      <Link to={entriesPath(company.id, { batchId: batch.id })} className="btn" aria-label={t.bk.seeEntriesOf(batch.fileName)}>
        {t.bk.seeEntries}
      </Link>
      {batch.reversedAt ? (
        <p className="note" data-testid="reversed">
          {t.bk.reversedOn(formatMinute(batch.reversedAt, locale), formatDay(batch.reversalDate, locale))}
        </p>
      ) : (
        canDecide(company.role) && (
          <button type="button" className="btn" onClick={() => setAsking(true)}>
            {t.bk.reverse}
          </button>
        )
      )}
      {failure && (
        <p role="alert" className="form-error" data-testid="reverse-error">
          {failure}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title={t.bk.reverseTitle}
        body={
          <>
            {t.bk.reverseBody(batch.fileName)}
            <span className="field reverse-date">
              <label htmlFor={`${id}-date`}>{t.bk.reverseDate}</label>
              <input id={`${id}-date`} type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
            </span>
          </>
        }
        yes={t.bk.reverse}
        no={t.cancel}
        focusNo
        busy={reversal.fetching || !day}
        onYes={() => void confirm()}
        onNo={() => setAsking(false)}
        testId="confirm-reverse"
      />
    </div>
  );
}
