/** A plain POST for big pages (entry lines): no normalised cache to fill with 100,000 rows. */
import { stringifyDocument } from "@urql/core";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { CSRF_HEADERS } from "../app/client";

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function gqlFetch<T, V>(document: TypedDocumentNode<T, V>, variables: V, signal?: AbortSignal): Promise<T> {
  const response = await fetch("/graphql", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", ...CSRF_HEADERS },
    body: JSON.stringify({ query: stringifyDocument(document), variables }),
    signal,
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new GraphQLRequestError(first.message, first.extensions?.code);
  }
  if (!body.data) throw new GraphQLRequestError(`HTTP ${response.status}`);
  return body.data;
}
