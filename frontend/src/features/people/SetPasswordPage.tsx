/** /password?token=…: the page a one-time link opens, without being logged in: the person chooses their
 * password (twice, compared here), which the server checks (WEAK_PASSWORD, BAD_TOKEN); then to the login. */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import { Link, useLocation } from "../../app/router";
import { useI18n } from "../../i18n/I18n";
import { requestErrorText, userErrorText } from "../imports/errorText";
import { SetPasswordMutation } from "./operations";
import { PasswordField, type PayloadError } from "./PasswordField";

export function SetPasswordPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const token = search.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [{ fetching }, save] = useMutation(SetPasswordMutation);
  const form = useRef<HTMLFormElement>(null);

  // A refused field takes the focus: its error is read as its description.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, mismatch]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    const result = await save({ token, password });
    const payload = result.data?.setPassword;
    setErrors(payload?.errors ?? []);
    setFailure(result.error ? requestErrorText(t, result.error) : null);
    if (payload?.ok) setDone(true);
  };

  const weak = errors.find((e) => e.field === "password");
  const general = errors.filter((e) => e !== weak);

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-top">
          <p className="brand brand-large" aria-hidden="true">
            {t.appName}
          </p>
          <LanguageSwitch />
        </div>
        <h1>{t.pwd.title}</h1>
        {done ? (
          <>
            <p role="status">{t.pwd.done}</p>
            <Link to="/" className="btn btn-primary btn-block">
              {t.pwd.toLogin}
            </Link>
          </>
        ) : !token ? (
          <p role="alert" className="form-error">
            {t.pwd.noToken}
          </p>
        ) : (
          <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
            <p className="muted">{t.pwd.intro}</p>
            <PasswordField
              label={t.pwd.newPassword}
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              error={weak ? userErrorText(t, locale, weak) : null}
              autoFocus
            />
            <PasswordField label={t.pwd.confirm} value={confirm} onChange={setConfirm} autoComplete="new-password" error={mismatch ? t.pwd.mismatch : null} />
            {(failure || general.length > 0) && (
              <p role="alert" className="form-error">
                {[failure, ...general.map((e) => userErrorText(t, locale, e))].filter(Boolean).join(" ")}
              </p>
            )}
            <button type="submit" className="btn btn-primary btn-block" disabled={fetching}>
              {fetching ? t.pwd.saving : t.pwd.submit}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
