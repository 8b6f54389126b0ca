/** « Connexion perdue, nouvelle tentative… » while the live connection is lost; gone once it is back. */
import { useI18n } from "../i18n/I18n";
import { useLiveState } from "./catchUp";

export function ConnectionBanner() {
  const { t } = useI18n();
  const state = useLiveState();
  // The status region stays in the page: screen readers announce text that appears in an existing one.
  return (
    <div role="status" data-testid="connection-status">
      {state === "reconnecting" && <p className="connection-banner">{t.connectionLost}</p>}
    </div>
  );
}
