import { createContext, useContext } from "react";
import type { MeQuery } from "../gql/graphql";
import type { Api } from "./client";

export type Me = MeQuery["me"];
export type Company = Me["companies"][number];

export interface Session {
  me: Me;
  api: Api;
  /** Log out (or after a login): a fresh client, cache and WebSocket. */
  restart: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a session");
  return session;
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi outside ApiContext");
  return api;
}
