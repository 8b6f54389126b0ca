/**
 * Validating and rejecting a batch, wherever it is asked (the console's action bar, an entry detail): the
 * same confirmations (a rejection names the file and its entries, « Non » focused: it deletes them), the same
 * mutations, the same outcome (a validated batch opens the import history on it; a rejection is said done).
 */
import { type ReactNode, useState } from "react";
import { useMutation } from "urql";
import { navigate } from "../../app/router";
import type { Company } from "../../app/session";
import { ConfirmDialog, Dialog } from "../../components/Dialog";
import { useI18n } from "../../i18n/I18n";
import { payloadErrorText } from "./errorText";
import { useBatchStore } from "./live";
import type { Batch } from "./model";
import { RejectMutation, ValidateMutation } from "./operations";
import { tick } from "./store";

export type DecisionKind = "validate" | "reject";
/** What a decision needs of the batch: which one, what it is called and how many entries it would delete. */
export type DecisionBatch = Pick<Batch, "id" | "fileName" | "entryCount">;

export function useDecisions(company: Company, onRejected?: (batch: DecisionBatch) => void): {
  ask: (kind: DecisionKind, batch: DecisionBatch) => void;
  dialogs: ReactNode;
} {
  const { t, locale } = useI18n();
  const store = useBatchStore();
  const [pending, setPending] = useState<{ kind: DecisionKind; batch: DecisionBatch } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [validation, validate] = useMutation(ValidateMutation);
  const [rejection, reject] = useMutation(RejectMutation);
  const base = `/c/${encodeURIComponent(company.id)}`;

  const confirm = async () => {
    if (!pending) return;
    const { kind, batch } = pending;
    const seen = tick();
    const result = kind === "validate" ? await validate({ id: batch.id }) : await reject({ id: batch.id });
    setPending(null);
    const payload = result.data && ("validateImport" in result.data ? result.data.validateImport : result.data.rejectImport);
    const errors = payload?.errors.map((e) => payloadErrorText(t, locale, e)) ?? [];
    if (result.error) errors.push(result.error.message);
    if (errors.length || !payload?.batch) {
      setFailure(errors.join(" ; ") || t.actionFailed);
      return;
    }
    store.put(payload.batch, seen, true);
    if (kind === "validate") {
      navigate(`${base}/history?highlight=${encodeURIComponent(batch.id)}`);
    } else {
      onRejected?.(batch);
      setDone(batch.fileName);
    }
  };

  const dialogs = (
    <>
      <ConfirmDialog
        open={pending?.kind === "reject"}
        title={t.rejectConfirmTitle}
        body={
          pending
            ? t.rejectConfirmBody(pending.batch.fileName, new Intl.NumberFormat(locale).format(pending.batch.entryCount), pending.batch.entryCount)
            : ""
        }
        yes={t.yes}
        no={t.no}
        busy={rejection.fetching}
        onYes={confirm}
        onNo={() => setPending(null)}
        testId="confirm-reject"
        focusNo
      />
      <ConfirmDialog
        open={pending?.kind === "validate"}
        title={t.validateConfirmTitle}
        body={pending ? t.validateConfirmBody(pending.batch.fileName) : ""}
        yes={t.yes}
        no={t.no}
        busy={validation.fetching}
        onYes={confirm}
        onNo={() => setPending(null)}
        testId="confirm-validate"
      />
      <Dialog
        open={done !== null}
        title={t.rejectDoneTitle}
        onClose={() => setDone(null)}
        testId="reject-done"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setDone(null)}>
            {t.ok}
          </button>
        }
      >
        <p>{done ? t.rejectDoneBody(done) : ""}</p>
      </Dialog>
      <Dialog
        open={failure !== null}
        title={t.actionFailed}
        onClose={() => setFailure(null)}
        role="alertdialog"
        testId="action-failed"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setFailure(null)}>
            {t.ok}
          </button>
        }
      >
        <p>{failure}</p>
      </Dialog>
    </>
  );
  return { ask: (kind, batch) => setPending({ kind, batch }), dialogs };
}
