/** The rows of the console or of the history: keyset pages from the API, merged with live events. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CombinedError, useClient } from "urql";
import { useSession } from "../../app/session";
import type { ImportSort } from "../../gql/graphql";
import { useBatchStore, useLiveEpoch } from "./live";
import { CONSOLE_STATUSES, SERVER_SORT, compareBatches, matchesFilter, toApiFilter, type Batch, type Filter, type Sort } from "./model";
import { ConsoleBatchesQuery, HistoryBatchesQuery } from "./operations";
import { tick, useStoreVersion } from "./store";

export type Scope = "console" | "history";

const PAGE = 200;
/** The console loads every page up to this many rows at once (it lists what waits for a decision). */
const CONSOLE_MAX = 5000;

interface ListState {
  ids: string[];
  total: number;
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  /** A first page has come: the list has something to show (possibly nothing). */
  loaded: boolean;
  /** When the list's first page was asked: events older than that are the server's to say (store.live). */
  since: number;
  error: CombinedError | null;
}

const INITIAL: ListState = { ids: [], total: 0, cursor: null, hasMore: false, loading: true, loaded: false, since: 0, error: null };

export interface BatchList {
  rows: Batch[];
  total: number;
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  error: CombinedError | null;
  loadMore: () => void;
  /** Reads the list again from its first page (Refresh, Retry), keeping the rows shown until it comes. */
  reload: () => void;
}

export function useBatchList(scope: Scope, companyId: string, filter: Filter, sort: Sort): BatchList {
  const client = useClient();
  const { api } = useSession();
  const store = useBatchStore();
  const version = useStoreVersion(store);
  const epoch = useLiveEpoch(api);
  const [state, setState] = useState<ListState>(INITIAL);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);

  const apiFilter = useMemo(() => toApiFilter(filter), [filter]);
  const field = SERVER_SORT[sort.column];
  const apiSort = useMemo<ImportSort>(() => ({ field, direction: sort.direction }), [field, sort.direction]);

  const fetchPage = useCallback(
    async (after: string | null, gen: number) => {
      const seen = tick();
      const variables = { companyId, filter: apiFilter, sort: apiSort, first: PAGE, after };
      const result =
        scope === "console"
          ? await client.query(ConsoleBatchesQuery, variables, { requestPolicy: "network-only" }).toPromise()
          : await client.query(HistoryBatchesQuery, variables, { requestPolicy: "network-only" }).toPromise();
      if (gen !== generation.current) return null;
      const data = result.data && ("importBatches" in result.data ? result.data.importBatches : result.data.importHistory);
      if (!data) return { error: result.error ?? new CombinedError({ networkError: new Error("no data") }) };
      store.putMany(data.nodes, seen);
      return { data, seen };
    },
    [client, companyId, apiFilter, apiSort, scope, store],
  );

  const load = useCallback(
    async (after: string | null) => {
      const gen = after === null ? ++generation.current : generation.current;
      setState((s) => ({ ...s, loading: true, error: null }));
      let cursor = after;
      let collected: string[] = [];
      for (;;) {
        const page = await fetchPage(cursor, gen);
        if (page === null) return;
        if (page.error) {
          const error = page.error;
          setState((s) => ({ ...s, loading: false, error }));
          return;
        }
        const { data } = page;
        const first = collected.length === 0;
        collected = [...collected, ...data.nodes.map((b) => b.id)];
        cursor = data.pageInfo.endCursor ?? null;
        const more = data.pageInfo.hasNextPage;
        const next = collected;
        setState((s) => {
          const base = after === null ? [] : s.ids;
          const ids = [...base, ...next.filter((id) => !base.includes(id))];
          // A fresh read (after === null) replaces the rows and is the server's word as of its first page.
          const since = after === null && first ? page.seen : s.since;
          return { ids, total: data.totalCount, cursor, hasMore: more, loading: more && scope === "console", loaded: true, since, error: null };
        });
        if (!(more && scope === "console" && collected.length < CONSOLE_MAX)) {
          setState((s) => ({ ...s, loading: false }));
          return;
        }
      }
    },
    [fetchPage, scope],
  );

  useEffect(() => {
    // Fetch on mount, and at each catch-up (a reconnection, the browser back online: events were missed, the
    // rows shown are merged with the server's); the loader sets its own loading state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(null);
  }, [load, epoch, reloads]);

  const rows = useMemo(() => {
    void version; // recomputed at every store change
    const seen = new Set<string>();
    const out: Batch[] = [];
    for (const id of state.ids) {
      const batch = store.get(id);
      if (!batch || seen.has(id)) continue;
      seen.add(id);
      // A row the server listed leaves when its status no longer fits (validated, filtered status).
      if (scope === "console" && !CONSOLE_STATUSES.includes(batch.status)) continue;
      if (filter.statuses.length && !filter.statuses.includes(batch.status)) continue;
      out.push(batch);
    }
    for (const batch of store.live(state.since)) {
      if (seen.has(batch.id) || batch.companyId !== companyId) continue;
      if (matchesFilter(batch, filter, scope)) out.push(batch);
    }
    return out.sort((a, b) => compareBatches(a, b, sort));
  }, [state.ids, state.since, store, version, scope, filter, sort, companyId]);

  const loadMore = useCallback(() => {
    if (state.hasMore && !state.loading) void load(state.cursor);
  }, [state.hasMore, state.loading, state.cursor, load]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return {
    rows,
    total: state.hasMore ? Math.max(state.total, rows.length) : rows.length,
    hasMore: state.hasMore,
    loading: state.loading,
    loaded: state.loaded,
    error: state.error,
    loadMore,
    reload,
  };
}
