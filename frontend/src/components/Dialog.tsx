/** A modal dialog on the native <dialog>: focus moves in (to the element marked autoFocus, else the first
 * button), stays in, Escape answers `onClose`, and focus goes back where it was on close. */
import { useEffect, useId, useRef, type ReactNode } from "react";

export interface DialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose: () => void;
  role?: "dialog" | "alertdialog";
  testId?: string;
}

export function Dialog({ open, title, children, actions, onClose, role = "dialog", testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const previous = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      previous.current = document.activeElement;
      dialog.showModal();
      const target = dialog.querySelector<HTMLElement>("[data-autofocus]") ?? dialog.querySelector<HTMLElement>("button");
      target?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      const back = previous.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    }
  }, [open]);

  // Unmounted while open (navigation): leave no modal behind.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="dialog"
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div id={bodyId} className="dialog-body">
            {children}
          </div>
          <div className="dialog-actions">{actions}</div>
        </>
      )}
    </dialog>
  );
}

export interface ConfirmProps {
  open: boolean;
  title: string;
  body: ReactNode;
  yes: string;
  no: string;
  busy?: boolean;
  onYes: () => void;
  onNo: () => void;
  testId?: string;
  /** Focus starts on `no` (the safe choice) instead of `yes`: for an action to think twice about. */
  focusNo?: boolean;
}

export function ConfirmDialog({ open, title, body, yes, no, busy, onYes, onNo, testId, focusNo }: ConfirmProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onNo}
      role="alertdialog"
      testId={testId}
      actions={
        <>
          <button type="button" className="btn btn-primary" onClick={onYes} disabled={busy} data-autofocus={!focusNo || undefined}>
            {yes}
          </button>
          <button type="button" className="btn" onClick={onNo} disabled={busy} data-autofocus={focusNo || undefined}>
            {no}
          </button>
        </>
      }
    >
      <p>{body}</p>
    </Dialog>
  );
}
