/** A secret shown once (a link that sets a password, an API key): in a read-only field the user can select,
 * with a Copy button and why it is shown only now. The field takes the focus when the secret appears. */
import { useEffect, useId, useRef } from "react";
import { useAnnouncer } from "../../components/Announcer";
import { useI18n } from "../../i18n/I18n";

export interface OneTimeSecretProps {
  title: string;
  label: string;
  note: string;
  value: string;
  onDone: () => void;
  testId?: string;
}

export function OneTimeSecret({ title, label, note, value, onDone, testId }: OneTimeSecretProps) {
  const { t } = useI18n();
  const { toast } = useAnnouncer();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [value]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast(t.copy.copied, "success");
    } catch {
      // No clipboard API (an insecure origin): the selection, copied the old way, or by hand.
      field.current?.select();
      const copied = document.execCommand?.("copy") ?? false;
      toast(copied ? t.copy.copied : t.copy.notCopied, copied ? "success" : "error");
    }
  };

  return (
    <section className="card secret-card" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-note`} className="note">
        <span aria-hidden="true">⚠ </span>
        {note}
      </p>
      <div className="field">
        <label htmlFor={`${id}-value`}>{label}</label>
        <div className="secret-row">
          <input
            ref={field}
            id={`${id}-value`}
            className="secret-value"
            readOnly
            value={value}
            aria-describedby={`${id}-note`}
            onFocus={(e) => e.target.select()}
            spellCheck={false}
          />
          <button type="button" className="btn" onClick={() => void copy()}>
            {t.copy.copy}
          </button>
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t.copy.done}
        </button>
      </div>
    </section>
  );
}

/** The page that sets a password with a one-time token. */
export function passwordLink(token: string): string {
  return `${window.location.origin}/password?token=${encodeURIComponent(token)}`;
}
