/**
 * The company's batches as last seen, from any source: query pages, mutation payloads and
 * `importBatchChanged` events. Each value carries the moment it was observed: a query's data counts from
 * when the query was *sent* (the server read it later), an event's from when it arrived; the latest wins.
 * So an event that arrives while a page is loading is never overwritten by the older page.
 */
import { useSyncExternalStore } from "react";
import type { Batch } from "./model";

let clock = 0;
/** A strictly increasing stamp. */
export function tick(): number {
  clock += 1;
  return clock;
}

interface Entry {
  batch: Batch;
  seen: number;
}

export class BatchStore {
  private entries = new Map<string, Entry>();
  /** Ids first learnt from an event (a row created elsewhere), in arrival order. */
  private liveIds: string[] = [];
  private version = 0;
  private listeners = new Set<() => void>();
  /** Called for each event that changed a batch's status (announcements). */
  private onStatusChange: ((batch: Batch, before: Batch | undefined) => void) | null = null;

  setStatusListener(listener: ((batch: Batch, before: Batch | undefined) => void) | null): void {
    this.onStatusChange = listener;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get(id: string): Batch | undefined {
    return this.entries.get(id)?.batch;
  }

  /** Every batch first learnt from an event (a row created elsewhere), last seen after `since`: a list read
   * from the server at `since` has its word on the others (listed, or no longer fitting the list; a batch
   * validated while the live connection was down is not left showing its old status). */
  live(since = 0): Batch[] {
    const out: Batch[] = [];
    for (const id of this.liveIds) {
      const entry = this.entries.get(id)!;
      if (entry.seen > since) out.push(entry.batch);
    }
    return out;
  }

  /** Put a batch observed at `seen` (from tick()); returns whether the store changed. */
  put(batch: Batch, seen: number, fromEvent = false): boolean {
    const current = this.entries.get(batch.id);
    if (current && current.seen > seen) return false;
    this.entries.set(batch.id, { batch, seen });
    if (!current && fromEvent) this.liveIds.push(batch.id);
    if (fromEvent && current && current.batch.status !== batch.status) this.onStatusChange?.(batch, current.batch);
    this.bump();
    return true;
  }

  putMany(batches: readonly Batch[], seen: number): void {
    let changed = false;
    for (const batch of batches) {
      const current = this.entries.get(batch.id);
      if (current && current.seen > seen) continue;
      this.entries.set(batch.id, { batch, seen });
      changed = true;
    }
    if (changed) this.bump();
  }

  private bump(): void {
    this.version += 1;
    this.listeners.forEach((l) => l());
  }
}

export function useStoreVersion(store: BatchStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
}
