/** Pages catch up on what changed while the live connection or the network was away (client.ts's `epoch`). */
import { useCallback, useContext, useEffect, useSyncExternalStore } from "react";
import type { OperationContext } from "urql";
import type { LiveState } from "./client";
import { ApiContext } from "./session";

/** Calls `refetch` each time the page may be stale: after a reconnection, and when the browser comes back
 * online (not on mount: the page has just read). Does nothing outside an ApiContext (component tests). */
export function useCatchUp(refetch: () => void): void {
  const live = useContext(ApiContext)?.live;
  useEffect(() => {
    if (!live) return;
    let seen = live.getEpoch();
    return live.subscribe(() => {
      if (live.getEpoch() === seen) return;
      seen = live.getEpoch();
      refetch();
    });
  }, [live, refetch]);
}

/** A urql query's Retry: read again from the server (not the cache); also run at each catch-up, unless the
 * query is paused (urql would run a paused query when asked). */
export function useRefetch(reexecute: (context?: Partial<OperationContext>) => void, paused = false): () => void {
  const refetch = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const catchUp = useCallback(() => {
    if (!paused) refetch();
  }, [paused, refetch]);
  useCatchUp(catchUp);
  return refetch;
}

const idle = (): LiveState => "idle";
const never = () => () => undefined;

/** The live connection's state ("idle" outside an ApiContext). */
export function useLiveState(): LiveState {
  const live = useContext(ApiContext)?.live;
  return useSyncExternalStore(live?.subscribe ?? never, live?.getState ?? idle, live?.getState ?? idle);
}
