/**
 * A read's three states around what a page shows: loading (only while there is nothing to show: a page
 * keeps its data while it refreshes), error (what happened, in plain words, and Retry) and empty (the page's
 * own message, in place of its content, never beside a loading message).
 */
import type { ReactNode } from "react";
import { CombinedError } from "urql";
import { useI18n } from "../i18n/I18n";
import type { Messages } from "../i18n/messages";
import { GraphQLRequestError } from "../lib/gql";

export type FailureKind = "unreachable" | "server" | "forbidden";

const DENIED = new Set(["FORBIDDEN", "UNAUTHENTICATED"]);
/** A proxy's answers when the server behind it does not: as good as unreachable. */
const GATEWAY = new Set([502, 503, 504]);
/** fetch's own failures (Chromium, Firefox, Safari): the request never got an answer. */
const FETCH_FAILED = /failed to fetch|networkerror|load failed|network request failed/i;

/** What kind of failure a read met: urql's CombinedError, lib/gql's GraphQLRequestError, or fetch's TypeError. */
export function failureKind(error: unknown): FailureKind {
  if (error instanceof CombinedError) {
    if (error.graphQLErrors.some((e) => DENIED.has(String(e.extensions?.code)))) return "forbidden";
    if (error.graphQLErrors.length) return "server";
    const status = (error.response as { status?: number } | undefined)?.status;
    return status && !GATEWAY.has(status) ? "server" : "unreachable";
  }
  if (error instanceof GraphQLRequestError) return error.code && DENIED.has(error.code) ? "forbidden" : "server";
  if (error instanceof TypeError && FETCH_FAILED.test(error.message)) return "unreachable";
  return "server";
}

/** The code of the server's error, said in the user's language when the app knows it (never its English message). */
function serverReason(t: Messages, error: unknown): string | null {
  const code = error instanceof CombinedError ? error.graphQLErrors[0]?.extensions?.code : error instanceof GraphQLRequestError ? error.code : undefined;
  return typeof code === "string" && Object.hasOwn(t.issueCode, code) ? t.issueCode[code]! : null;
}

/** The sentence a person reads for a failed read. */
export function readFailureText(t: Messages, error: unknown): string {
  const kind = failureKind(error);
  if (kind === "unreachable") return t.qs.unreachable;
  if (kind === "forbidden") return t.qs.forbidden;
  const why = serverReason(t, error);
  return why ? t.qs.serverWhy(why) : t.qs.server;
}

export interface QueryStateProps {
  /** A read is under way (the first one, or a refresh). */
  fetching: boolean;
  /** The last read's failure (null/undefined: none). */
  error?: unknown;
  /** Something to show: kept on screen (with the error above it, if the refresh failed). */
  hasData: boolean;
  /** Reads again (network-only). */
  onRetry: () => void;
  /** There is data and it holds nothing: `empty` shows in place of the content. */
  isEmpty?: boolean;
  empty?: ReactNode;
  children?: ReactNode;
}

export function QueryState({ fetching, error, hasData, onRetry, isEmpty = false, empty, children }: QueryStateProps) {
  const { t } = useI18n();
  const failure = error ? (
    <div role="alert" className="query-error" data-testid="query-error" aria-busy={fetching || undefined}>
      <p>{readFailureText(t, error)}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  ) : null;
  if (!hasData) {
    if (failure) return failure;
    return fetching ? (
      <p className="query-loading muted" role="status" aria-busy="true" data-testid="query-loading">
        {t.loading}
      </p>
    ) : null;
  }
  return (
    <>
      {failure}
      {isEmpty && empty !== undefined ? empty : children}
    </>
  );
}
