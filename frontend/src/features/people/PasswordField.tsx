/** A password input with its label and, when refused, its error (read as its description). */
import { useId } from "react";

export interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: "new-password" | "current-password";
  error?: string | null;
  help?: string;
  autoFocus?: boolean;
}

export function PasswordField({ label, value, onChange, autoComplete, error, help, autoFocus }: PasswordFieldProps) {
  const id = useId();
  const described = [help ? `${id}-help` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
      />
      {help && (
        <span id={`${id}-help`} className="muted lay-hint">
          {help}
        </span>
      )}
      {error && (
        <span id={`${id}-err`} className="form-error field-error">
          {error}
        </span>
      )}
    </div>
  );
}

export interface PayloadError {
  code: string;
  field?: string | null;
  params?: unknown;
}
