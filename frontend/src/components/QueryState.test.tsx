import { act, fireEvent, render, screen } from "@testing-library/react";
import { CombinedError, Provider, gql, useQuery } from "urql";
import { describe, expect, it, vi } from "vitest";
import { useRefetch } from "../app/catchUp";
import { LiveStatus, type Api } from "../app/client";
import { ApiContext } from "../app/session";
import { I18nProvider } from "../i18n/I18n";
import type { Lang } from "../i18n/messages";
import { GraphQLRequestError } from "../lib/gql";
import { mockClient, type MockAnswer } from "../test/mockClient";
import { QueryState, failureKind, type QueryStateProps } from "./QueryState";

function show(props: Partial<QueryStateProps>, lang: Lang = "fr") {
  const onRetry = vi.fn();
  const view = render(
    <I18nProvider lang={lang}>
      <QueryState fetching={false} hasData={false} onRetry={onRetry} {...props}>
        <p>Les données</p>
      </QueryState>
    </I18nProvider>,
  );
  return { onRetry, view };
}

const offline = new CombinedError({ networkError: new TypeError("Failed to fetch") });
const http500 = new CombinedError({ networkError: new Error("Internal Server Error"), response: { status: 500 } });
const gateway = new CombinedError({ networkError: new Error("Bad Gateway"), response: { status: 502 } });
const denied = new CombinedError({ graphQLErrors: [{ message: "Not allowed", extensions: { code: "FORBIDDEN" } }] });
const badInput = new CombinedError({ graphQLErrors: [{ message: "first: at most 500", extensions: { code: "BAD_USER_INPUT" } }] });
const unknownCode = new CombinedError({ graphQLErrors: [{ message: "boom", extensions: { code: "SOMETHING_NEW" } }] });

describe("QueryState", () => {
  it("says it is loading only while there is nothing to show", () => {
    const { view } = show({ fetching: true });
    expect(screen.getByRole("status").textContent).toBe("Chargement…");
    expect(screen.queryByText("Les données")).toBeNull();
    // A refresh keeps the data on screen, with no loading message beside it.
    view.rerender(
      <I18nProvider lang="fr">
        <QueryState fetching hasData onRetry={() => undefined}>
          <p>Les données</p>
        </QueryState>
      </I18nProvider>,
    );
    expect(screen.getByText("Les données")).toBeTruthy();
    expect(screen.queryByText("Chargement…")).toBeNull();
  });

  it("shows the page's empty message in place of its content, never beside a loading message", () => {
    show({ fetching: true, hasData: true, isEmpty: true, empty: <p>Aucun journal.</p> });
    expect(screen.getByText("Aucun journal.")).toBeTruthy();
    expect(screen.queryByText("Les données")).toBeNull();
    expect(screen.queryByText("Chargement…")).toBeNull();
  });

  it.each([
    ["fr", offline, "Le serveur est injoignable. Vérifiez votre connexion, puis réessayez."],
    ["fr", gateway, "Le serveur est injoignable. Vérifiez votre connexion, puis réessayez."],
    ["fr", http500, "Le serveur a répondu par une erreur."],
    ["fr", badInput, "Le serveur a répondu par une erreur : Saisie invalide."],
    ["fr", unknownCode, "Le serveur a répondu par une erreur."],
    ["fr", denied, "Vous n'avez pas accès à ces informations."],
    ["en", offline, "The server cannot be reached. Check your connection, then try again."],
    ["en", http500, "The server answered with an error."],
    ["en", denied, "You are not allowed to see this."],
  ] as const)("says what happened in plain words (%s: %s)", (lang, error, text) => {
    const { onRetry } = show({ error, fetching: true }, lang);
    const alert = screen.getByRole("alert");
    expect(alert.querySelector("p")!.textContent).toBe(text);
    // The server's own (English) message never shows.
    expect(alert.textContent).not.toMatch(/boom|at most|Internal Server Error|Not allowed/);
    expect(screen.queryByText(lang === "fr" ? "Chargement…" : "Loading…")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: lang === "fr" ? "Réessayer" : "Retry" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("keeps the data of a page whose refresh failed, under the error", () => {
    show({ error: offline, hasData: true });
    expect(screen.getByRole("alert").textContent).toContain("injoignable");
    expect(screen.getByText("Les données")).toBeTruthy();
  });

  it("tells the kinds of lib/gql's failures too", () => {
    expect(failureKind(new TypeError("Failed to fetch"))).toBe("unreachable");
    expect(failureKind(new TypeError("NetworkError when attempting to fetch resource."))).toBe("unreachable");
    expect(failureKind(new GraphQLRequestError("no", "UNAUTHENTICATED"))).toBe("forbidden");
    expect(failureKind(new GraphQLRequestError("HTTP 500"))).toBe("server");
    // A bug of the page is not the network's fault.
    expect(failureKind(new TypeError("Cannot read properties of undefined (reading 'nodes')"))).toBe("server");
  });
});

const JournalsDoc = gql`
  query QueryStateJournals($companyId: ID!) {
    journals(companyId: $companyId) {
      id
      code
    }
  }
`;

function Journals() {
  const [{ data, error, fetching }, reexecute] = useQuery<{ journals: { id: string; code: string }[] }>({ query: JournalsDoc, variables: { companyId: "3" } });
  const refetch = useRefetch(reexecute);
  return (
    <QueryState fetching={fetching} error={error} hasData={data !== undefined} onRetry={refetch}>
      <ul>{data?.journals.map((j) => <li key={j.id}>{j.code}</li>)}</ul>
    </QueryState>
  );
}

describe("a urql query in QueryState", () => {
  /** The server fails until `server.up`. */
  function setup() {
    const server = { up: false };
    const client = mockClient((): MockAnswer => (server.up ? { data: { journals: [{ id: "1", code: "VT" }] } } : { errors: [{ message: "Internal error" }] }));
    const live = new LiveStatus();
    render(
      <Provider value={client}>
        <ApiContext.Provider value={{ client, live } as unknown as Api}>
          <I18nProvider lang="fr">
            <Journals />
          </I18nProvider>
        </ApiContext.Provider>
      </Provider>,
    );
    return { client, live, server };
  }

  it("reads again from the server on Retry", async () => {
    const { client, server } = setup();
    expect((await screen.findByRole("alert")).textContent).toContain("Le serveur a répondu par une erreur.");
    server.up = true;
    const before = client.operations.length;
    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByText("VT")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(client.operations.slice(before).map((op) => op.context.requestPolicy)).toEqual(["network-only"]);
  });

  it("reads again by itself when the browser is back online, and after a reconnection", async () => {
    const { client, live, server } = setup();
    await screen.findByRole("alert");
    server.up = true;
    act(() => live.online());
    expect(await screen.findByText("VT")).toBeTruthy();
    // The live connection lost and back: the page catches up on what it missed (and only then).
    const before = client.operations.length;
    const ended = live.opened();
    act(() => {
      live.connected();
      live.closed();
    });
    expect(client.operations).toHaveLength(before);
    act(() => live.connected());
    expect(client.operations.slice(before).map((op) => op.context.requestPolicy)).toEqual(["network-only"]);
    ended();
  });
});
