/** The books' pages and the filters they read from their address (shareable, back-button friendly). */

function base(companyId: string): string {
  return `/c/${encodeURIComponent(companyId)}`;
}

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface EntriesFilter {
  journal?: string | null;
  from?: string | null;
  to?: string | null;
  batchId?: string | null;
  /** An entry to bring into view. */
  entry?: string | null;
}

export const yearsPath = (companyId: string) => `${base(companyId)}/settings/years`;
export const journalsPath = (companyId: string) => `${base(companyId)}/settings/journals`;
export const entriesPath = (companyId: string, f: EntriesFilter = {}) => withQuery(`${base(companyId)}/books/entries`, { ...f });
export const ledgerPath = (companyId: string, f: { account?: string | null; from?: string | null; to?: string | null } = {}) =>
  withQuery(`${base(companyId)}/books/ledger`, f);
export const balancePath = (companyId: string, f: { from?: string | null; to?: string | null } = {}) =>
  withQuery(`${base(companyId)}/books/balance`, f);
export const chartPath = (companyId: string, tab?: string) => withQuery(`${base(companyId)}/books/chart`, { tab });

/** Today as YYYY-MM-DD in the browser's zone. */
export function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
