/**
 * When the console's buttons work (the product document's rules), as a pure function:
 * - Visualiser: at least one row, every selected row « En attente de validation » or « Terminé avec erreur »;
 *   every role may view.
 * - Valider / Rejeter: exactly one row (no multi-select), « En attente de validation » or « Terminé avec
 *   erreur » (Rejeter also clears a FAILED row, which holds nothing to validate), and only for the roles that
 *   decide: client (co-production), collaborator, admin.
 */
import type { ImportStatus, Role } from "../../gql/graphql";

export type Action = "view" | "validate" | "reject";

export type Reason = "noSelection" | "viewStatus" | "single" | "validateStatus" | "rejectStatus" | "role";

export interface ActionState {
  enabled: boolean;
  /** Why it is disabled; null when enabled. */
  reason: Reason | null;
}

export const VALIDATABLE: ReadonlySet<ImportStatus> = new Set<ImportStatus>(["PENDING_VALIDATION", "FINISHED_WITH_ERROR"]);
/** A failed file is opened too: its detail says why (its errors), though it has no entry to show. */
export const VIEWABLE: ReadonlySet<ImportStatus> = new Set<ImportStatus>([...VALIDATABLE, "FAILED"]);
export const REJECTABLE: ReadonlySet<ImportStatus> = new Set<ImportStatus>([
  "PENDING_VALIDATION",
  "FINISHED_WITH_ERROR",
  "FAILED",
]);
export const DECIDERS: ReadonlySet<Role> = new Set<Role>(["CLIENT", "COLLABORATOR", "ADMIN"]);
export const SUBMITTERS: ReadonlySet<Role> = new Set<Role>(["PARTNER", "CLIENT", "COLLABORATOR", "ADMIN"]);
/** Who may change a company's settings (import layouts, account ranges): the firm's accountants. */
export const SETTINGS_ROLES: ReadonlySet<Role> = new Set<Role>(["COLLABORATOR", "ADMIN"]);

export function canDecide(role: Role | null | undefined): boolean {
  return role != null && DECIDERS.has(role);
}

export function canSubmit(role: Role | null | undefined): boolean {
  return role != null && SUBMITTERS.has(role);
}

export function canChangeSettings(role: Role | null | undefined): boolean {
  return role != null && SETTINGS_ROLES.has(role);
}

const ok: ActionState = { enabled: true, reason: null };
const off = (reason: Reason): ActionState => ({ enabled: false, reason });

function decision(selected: readonly { status: ImportStatus }[], role: Role | null | undefined, allowed: ReadonlySet<ImportStatus>, statusReason: Reason): ActionState {
  if (!canDecide(role)) return off("role");
  if (selected.length === 0) return off("noSelection");
  if (selected.length > 1) return off("single");
  return allowed.has(selected[0]!.status) ? ok : off(statusReason);
}

export function actionStates(
  selected: readonly { status: ImportStatus }[],
  role: Role | null | undefined,
): Record<Action, ActionState> {
  const view =
    selected.length === 0 ? off("noSelection") : selected.every((b) => VIEWABLE.has(b.status)) ? ok : off("viewStatus");
  return {
    view,
    validate: decision(selected, role, VALIDATABLE, "validateStatus"),
    reject: decision(selected, role, REJECTABLE, "rejectStatus"),
  };
}
