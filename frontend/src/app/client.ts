/**
 * The GraphQL client: urql over HTTP (cookie session + the CSRF header every cookie POST needs) and
 * graphql-ws (graphql-transport-ws) for subscriptions, authenticated by the same cookie.
 */
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "urql";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";

export const CSRF_HEADERS = { "X-Ecluse-CSRF": "1" } as const;

/** "idle": no subscription needs the socket (it closes when the last one ends); "reconnecting": it was lost
 * while subscriptions were open, and graphql-ws is trying again. */
export type LiveState = "idle" | "connecting" | "connected" | "reconnecting";

/** Waits before another connection attempt: 0.5 s, 1 s, 2 s… at most 8 s. */
export function retryDelay(retries: number): number {
  return Math.min(500 * 2 ** retries, 8_000);
}

/** While the browser says it is offline, an attempt waits for its return online, or this long (in case the
 * browser is wrong). */
export const OFFLINE_RETRY = 30_000;

/**
 * The WebSocket's state, and a counter (`epoch`) bumped when what a page shows may be stale: at a reconnection
 * after a loss (events sent while the socket was down are lost) and when the browser comes back online (requests
 * failed meanwhile). Pages re-read on it (app/catchUp.ts).
 */
export class LiveStatus {
  state: LiveState = "idle";
  epoch = 0;
  /** Subscriptions open through the socket: a close with some open is a loss, without any a lazy close. */
  private open = 0;
  /** Connection attempts waiting for their turn (retryWait): the browser's return online starts them now. */
  private waiting = new Set<() => void>();
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = (): LiveState => this.state;
  getEpoch = (): number => this.epoch;

  /** A subscription starts; the returned function says it ended (unsubscribed, completed or failed). */
  opened(): () => void {
    this.open += 1;
    if (this.state === "idle") this.set("connecting");
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.open -= 1;
      // Nothing follows the socket any more: no connection is lost (nor retried: graphql-ws stops).
      if (this.open === 0 && this.state !== "connected") this.set("idle");
    };
  }

  connected(): void {
    if (this.state === "reconnecting") this.epoch += 1;
    this.set("connected");
  }

  closed(): void {
    this.set(this.open > 0 ? "reconnecting" : "idle");
  }

  /** The browser is back online: a reconnection under way is tried at once (and catches up when it
   * connects); otherwise pages re-read now, as requests may have failed while offline. */
  online(): void {
    if (this.state === "reconnecting") {
      const wake = [...this.waiting];
      this.waiting.clear();
      wake.forEach((resolve) => resolve());
    } else {
      this.epoch += 1;
      this.set(this.state);
    }
  }

  /** graphql-ws's `retryWait`: the backoff; while the browser says it is offline, its return online (or
   * OFFLINE_RETRY): an attempt before would fail, or, offline being emulated, reach the server all the same. */
  wait(retries: number, isOnline: () => boolean = () => navigator.onLine): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        window.clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = window.setTimeout(done, isOnline() ? retryDelay(retries) : OFFLINE_RETRY);
      this.waiting.add(done);
    });
  }

  private set(state: LiveState): void {
    this.state = state;
    this.listeners.forEach((l) => l());
  }
}

export function wsUrl(location: Location = window.location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
}

export interface Api {
  client: Client;
  ws: WsClient;
  live: LiveStatus;
  dispose: () => void;
}

export function createApi(): Api {
  const live = new LiveStatus();
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 15_000,
    // Forever, with a capped backoff: a page left open through a server restart or a night offline comes back.
    retryAttempts: Number.POSITIVE_INFINITY,
    // Any close or failed attempt (an attempt that cannot open gives an error event, not a close).
    shouldRetry: () => true,
    retryWait: (retries) => live.wait(retries),
    on: {
      connected: () => live.connected(),
      closed: () => live.closed(),
    },
  });
  // A socket can outlive the network for minutes (no close until TCP gives up): when the browser says it is
  // offline, end it, so that the page says so and reconnects, then catches up, once the browser is back online.
  const offline = () => ws.terminate();
  const online = () => live.online();
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  const client = new Client({
    url: "/graphql",
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: { credentials: "same-origin", headers: { ...CSRF_HEADERS } },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const ended = live.opened();
              const unsubscribe = ws.subscribe<Record<string, unknown>, Record<string, unknown>>(input, {
                next: (value) => sink.next(value),
                error: (error) => {
                  ended();
                  sink.error(error);
                },
                complete: () => {
                  ended();
                  sink.complete();
                },
              });
              return {
                unsubscribe: () => {
                  ended();
                  unsubscribe();
                },
              };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    ws,
    live,
    dispose: () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      void ws.dispose();
    },
  };
}
