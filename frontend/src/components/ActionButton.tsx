/**
 * A toolbar button with a tooltip that says when it works, shown on hover *and* on keyboard focus, and tied
 * to the button by aria-describedby. A disabled button stays focusable (aria-disabled, not `disabled`) so
 * that keyboard and screen-reader users can reach it and hear why it is disabled; Escape hides the tooltip.
 */
import { useId, useState, type ReactNode } from "react";

export interface ActionButtonProps {
  label: string;
  help: string;
  /** Why it is disabled; the button is enabled when absent. */
  disabledReason?: string | null;
  disabledPrefix: string;
  onClick: () => void;
  primary?: boolean;
  icon?: ReactNode;
}

export function ActionButton({ label, help, disabledReason, disabledPrefix, onClick, primary, icon }: ActionButtonProps) {
  const id = useId();
  const [hidden, setHidden] = useState(false);
  const disabled = Boolean(disabledReason);
  return (
    <span className={`tip-wrap${hidden ? " tip-hidden" : ""}`} onMouseLeave={() => setHidden(false)}>
      <button
        type="button"
        className={`btn${primary ? " btn-primary" : ""}`}
        aria-disabled={disabled || undefined}
        aria-describedby={id}
        onClick={() => {
          if (!disabled) onClick();
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") setHidden(true);
        }}
        onBlur={() => setHidden(false)}
      >
        {icon}
        {label}
      </button>
      <span role="tooltip" id={id} className="tip">
        {help}
        {disabled && (
          <>
            {" "}
            <strong>
              {disabledPrefix} {disabledReason}
            </strong>
          </>
        )}
      </span>
    </span>
  );
}
