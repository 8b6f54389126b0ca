/**
 * The GraphQL client: urql over HTTP (cookie session + the CSRF header every cookie POST needs) and
 * graphql-ws (graphql-transport-ws) for subscriptions, authenticated by the same cookie.
 */
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "urql";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";

export const CSRF_HEADERS = { "X-Ecluse-CSRF": "1" } as const;

export type LiveState = "connecting" | "connected" | "reconnecting";

/** The WebSocket's state, and a counter bumped at every reconnection (pages refetch on it: events sent
 * while the socket was down are lost, and a late subscriber asks the query once). */
export class LiveStatus {
  state: LiveState = "connecting";
  epoch = 0;
  private everConnected = false;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = (): LiveState => this.state;
  getEpoch = (): number => this.epoch;

  connected(): void {
    if (this.everConnected) this.epoch += 1;
    this.everConnected = true;
    this.set("connected");
  }
  closed(): void {
    this.set(this.everConnected ? "reconnecting" : "connecting");
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
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 8_000))),
    on: {
      connected: () => live.connected(),
      closed: () => live.closed(),
    },
  });
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
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws, live, dispose: () => void ws.dispose() };
}
