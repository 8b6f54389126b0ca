import type { ImportStatus, Role } from "../../gql/graphql";
import { ActionButton } from "../../components/ActionButton";
import { useI18n } from "../../i18n/I18n";
import type { Messages } from "../../i18n/messages";
import { actionStates, type Reason } from "./rules";

export function reasonText(t: Messages, reason: Reason, role: Role | null | undefined): string {
  switch (reason) {
    case "noSelection":
      return t.reasonNoSelection;
    case "viewStatus":
      return t.reasonViewStatus;
    case "single":
      return t.reasonSingle;
    case "validateStatus":
      return t.reasonValidateStatus;
    case "rejectStatus":
      return t.reasonRejectStatus;
    case "role":
      return t.reasonRole(role ? t.role[role] : "—");
  }
}

export interface ActionBarProps {
  selected: readonly { status: ImportStatus }[];
  role: Role | null | undefined;
  /** Left out on the entry detail, which is the view. */
  onView?: () => void;
  onValidate: () => void;
  onReject: () => void;
  className?: string;
}

/** Valider, Rejeter and (in the console) Visualiser: enabled by the rules of rules.ts, each with a tooltip saying when it works. */
export function ActionBar({ selected, role, onView, onValidate, onReject, className }: ActionBarProps) {
  const { t } = useI18n();
  const states = actionStates(selected, role);
  const why = (reason: Reason | null) => (reason ? reasonText(t, reason, role) : null);
  return (
    <div role="toolbar" aria-label={t.actions} className={className ? `actionbar ${className}` : "actionbar"}>
      <ActionButton label={t.validate} help={t.tipValidate} disabledReason={why(states.validate.reason)} disabledPrefix={t.unavailable} onClick={onValidate} primary />
      <ActionButton label={t.reject} help={t.tipReject} disabledReason={why(states.reject.reason)} disabledPrefix={t.unavailable} onClick={onReject} />
      {onView && <ActionButton label={t.view} help={t.tipView} disabledReason={why(states.view.reason)} disabledPrefix={t.unavailable} onClick={onView} />}
    </div>
  );
}
