import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import type { Client } from "urql";
import type { Api } from "../../app/client";
import { BatchChangedSubscription } from "./operations";
import { tick, type BatchStore } from "./store";

export const StoreContext = createContext<BatchStore | null>(null);

export function useBatchStore(): BatchStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useBatchStore outside a company");
  return store;
}

/** Follow `importBatchChanged(companyId)` into the store for as long as the company is open. */
export function useBatchEvents(client: Client, companyId: string, store: BatchStore): void {
  useEffect(() => {
    const sub = client.subscription(BatchChangedSubscription, { companyId }).subscribe((result) => {
      const batch = result.data?.importBatchChanged;
      if (batch) store.put(batch, tick(), true);
    });
    return () => sub.unsubscribe();
  }, [client, companyId, store]);
}

/** Bumped at every WebSocket reconnection: refetch what events may have been missed. */
export function useLiveEpoch(api: Api): number {
  return useSyncExternalStore(api.live.subscribe, api.live.getEpoch, api.live.getEpoch);
}
