/** Polite live regions: `announce` speaks to screen readers only (status changes in a table), `toast` also
 * shows a short-lived message on screen (notifications, done messages). */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

interface Toast {
  id: number;
  text: string;
  tone: "info" | "success" | "error";
}

interface AnnouncerApi {
  announce: (text: string) => void;
  toast: (text: string, tone?: Toast["tone"]) => void;
}

const Ctx = createContext<AnnouncerApi>({ announce: () => undefined, toast: () => undefined });

export function AnnouncerProvider({ children, closeLabel }: { children: ReactNode; closeLabel: string }) {
  const [spoken, setSpoken] = useState("");
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);

  const announce = useCallback((text: string) => {
    // Same text twice in a row must be spoken twice: clear, then set.
    setSpoken("");
    window.setTimeout(() => setSpoken(text), 50);
  }, []);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const toast = useCallback(
    (text: string, tone: Toast["tone"] = "info") => {
      next.current += 1;
      const id = next.current;
      setToasts((list) => [...list.slice(-3), { id, text, tone }]);
      window.setTimeout(() => dismiss(id), 8000);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ announce, toast }), [announce, toast]);
  return (
    <Ctx.Provider value={api}>
      {children}
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {spoken}
      </div>
      <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <span>{t.text}</span>
            <button type="button" className="btn-icon" aria-label={closeLabel} onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}

export function useAnnouncer(): AnnouncerApi {
  return useContext(Ctx);
}
