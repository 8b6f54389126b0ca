/** A urql client answering from a function instead of the network (component tests). */
import { Client, makeResult, type Exchange, type Operation } from "urql";
import { filter, map, pipe } from "wonka";

export interface MockAnswer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function mockClient(answer: (operation: Operation) => MockAnswer): Client & { operations: Operation[] } {
  const operations: Operation[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== "teardown"),
      map((op) => {
        operations.push(op);
        const { data = null, errors } = answer(op);
        return makeResult(op, { data: data as Record<string, unknown> | null, errors });
      }),
    );
  const client = new Client({ url: "/graphql", exchanges: [exchange] });
  return Object.assign(client, { operations });
}

/** The operation's name (`query FecExport(...)` → "FecExport"). */
export function operationName(operation: Operation): string {
  const def = operation.query.definitions.find((d) => d.kind === "OperationDefinition");
  return def && "name" in def && def.name ? def.name.value : "";
}
