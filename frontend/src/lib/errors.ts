import type { CombinedError } from "urql";

/** What a failed urql operation says, without urql's "[GraphQL]" / "[Network]" prefixes. */
export function errorMessages(error: CombinedError): string[] {
  if (error.graphQLErrors.length) return error.graphQLErrors.map((e) => e.message);
  return [error.networkError?.message ?? error.message];
}

/** The `extensions` of the first GraphQL error (code, reason…), if any. */
export function errorExtensions(error: CombinedError): Record<string, unknown> {
  return (error.graphQLErrors[0]?.extensions as Record<string, unknown> | undefined) ?? {};
}
