/** "Change my password", from the user menu: the current password, the new one twice (compared here); the
 * server checks both (WRONG_PASSWORD, WEAK_PASSWORD) and logs the user's other sessions out. */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { useAnnouncer } from "../../components/Announcer";
import { Dialog } from "../../components/Dialog";
import { useI18n } from "../../i18n/I18n";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { ChangePasswordMutation } from "./operations";
import { PasswordField, type PayloadError } from "./PasswordField";

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog
      open={open}
      title={t.pwd.change}
      onClose={onClose}
      testId="change-password"
      actions={null}
    >
      {open && <ChangePasswordForm onDone={onClose} onCancel={onClose} />}
    </Dialog>
  );
}

function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const { toast } = useAnnouncer();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);

  // A refused field takes the focus: its error is read as its description.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, mismatch]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    const result = await change({ currentPassword: current, newPassword: password });
    const payload = result.data?.changePassword;
    setErrors(payload?.errors ?? []);
    setFailure(result.error ? requestErrorText(t, result.error) : null);
    if (payload?.ok) {
      toast(t.pwd.changed, "success");
      onDone();
    }
  };

  const said = (field: string) => {
    const error = errors.find((e) => e.field === field);
    return error ? userErrorText(t, locale, error) : null;
  };
  const general = errors.filter((e) => e.field !== "currentPassword" && e.field !== "newPassword");

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label={t.pwd.change}>
      <p className="muted">{t.pwd.changeIntro}</p>
      <PasswordField label={t.pwd.current} value={current} onChange={setCurrent} autoComplete="current-password" error={said("currentPassword")} autoFocus />
      <PasswordField label={t.pwd.newPassword} value={password} onChange={setPassword} autoComplete="new-password" error={said("newPassword")} help={t.pwd.intro} />
      <PasswordField label={t.pwd.confirm} value={confirm} onChange={setConfirm} autoComplete="new-password" error={mismatch ? t.pwd.mismatch : null} />
      {(failure || general.length > 0) && (
        <p role="alert" className="form-error">
          {[failure, ...general.map((e) => userErrorText(t, locale, e))].filter(Boolean).join(" ")}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={fetching}>
          {fetching ? t.pwd.saving : t.pwd.changeButton}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
