import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { LoginMutation } from "../../app/operations";
import { useI18n } from "../../i18n/I18n";
import { LanguageSwitch } from "../../app/LanguageSwitch";

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [{ fetching }, login] = useMutation(LoginMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const result = await login({ email: email.trim(), password });
    if (result.error) {
      setMessage(result.error.networkError ? t.networkError : t.errorGeneric(result.error.message));
      return;
    }
    const payload = result.data?.login;
    if (payload?.errors.some((e) => e.code === "TOO_MANY_ATTEMPTS")) {
      setMessage(t.tooManyAttempts(Math.max(1, payload.retryAfterSeconds ?? 1)));
      return;
    }
    if (!payload || payload.errors.length || !payload.user) {
      setMessage(t.invalidCredentials);
      return;
    }
    onLoggedIn();
  };

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-top">
          <p className="brand brand-large" aria-hidden="true">
            {t.appName}
          </p>
          <LanguageSwitch />
        </div>
        <h1>{t.loginTitle}</h1>
        <p className="muted">{t.loginIntro}</p>
        <form onSubmit={submit} noValidate={false}>
          <div className="field">
            <label htmlFor="email">{t.email}</label>
            <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
          </div>
          <div className="field">
            <label htmlFor="password">{t.password}</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {message && (
            <p role="alert" className="form-error">
              {message}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-block" disabled={fetching}>
            {fetching ? t.signingIn : t.signIn}
          </button>
        </form>
      </div>
    </main>
  );
}
