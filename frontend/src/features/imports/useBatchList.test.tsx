import { act, render, screen, waitFor } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { LiveStatus, type Api } from "../../app/client";
import { SessionContext, type Session } from "../../app/session";
import type { ImportStatus } from "../../gql/graphql";
import { batch } from "../../test/fixtures";
import { mockClient, operationName } from "../../test/mockClient";
import { StoreContext } from "./live";
import { DEFAULT_SORT, EMPTY_FILTER } from "./model";
import { BatchStore, tick } from "./store";
import { useBatchList } from "./useBatchList";

function Console() {
  const list = useBatchList("console", "1", EMPTY_FILTER, DEFAULT_SORT);
  return (
    <ul>
      {list.rows.map((b) => (
        <li key={b.id} data-testid={`row-${b.id}`}>
          {b.status}
        </li>
      ))}
    </ul>
  );
}

/** The server's batches (company 1), which the console query lists (all but the succeeded ones). */
function setup(server: Map<string, ImportStatus>) {
  const client = mockClient((op) => {
    if (operationName(op) !== "ConsoleBatches") return {};
    const nodes = [...server].filter(([, status]) => status !== "SUCCEEDED").map(([id, status]) => batch({ id, status }));
    return { data: { importBatches: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes } } };
  });
  const live = new LiveStatus();
  const store = new BatchStore();
  const session = { me: {}, api: { client, live } as unknown as Api, restart: () => undefined } as unknown as Session;
  render(
    <Provider value={client}>
      <SessionContext.Provider value={session}>
        <StoreContext.Provider value={store}>
          <Console />
        </StoreContext.Provider>
      </SessionContext.Provider>
    </Provider>,
  );
  return { client, live, store };
}

const status = (id: string) => screen.queryByTestId(`row-${id}`)?.textContent;

describe("useBatchList", () => {
  it("catches up after the live connection comes back: changed rows show their new status, gone ones leave", async () => {
    const server = new Map<string, ImportStatus>([["1", "PENDING_VALIDATION"]]);
    const { client, live, store } = setup(server);
    await waitFor(() => expect(status("1")).toBe("PENDING_VALIDATION"));
    const ended = live.opened();
    act(() => live.connected());

    // A file arrives while the page is open: its row comes by an event.
    server.set("9", "PENDING_VALIDATION");
    act(() => void store.put(batch({ id: "9", status: "PENDING_VALIDATION" }), tick(), true));
    expect(status("9")).toBe("PENDING_VALIDATION");

    // The connection drops; meanwhile "1" is rejected and "9" validated (into the history): no event comes.
    act(() => live.closed());
    server.set("1", "REJECTED");
    server.set("9", "SUCCEEDED");
    const reads = client.operations.length;
    expect(status("1")).toBe("PENDING_VALIDATION");

    act(() => live.connected());
    await waitFor(() => expect(status("1")).toBe("REJECTED"));
    expect(status("9")).toBeUndefined();
    expect(client.operations.slice(reads).map((op) => [operationName(op), op.context.requestPolicy])).toEqual([["ConsoleBatches", "network-only"]]);
    ended();
  });

  it("reads again when the browser is back online", async () => {
    const server = new Map<string, ImportStatus>([["1", "PENDING_VALIDATION"]]);
    const { live } = setup(server);
    await waitFor(() => expect(status("1")).toBe("PENDING_VALIDATION"));
    server.set("1", "FAILED");
    act(() => live.online());
    await waitFor(() => expect(status("1")).toBe("FAILED"));
  });
});
