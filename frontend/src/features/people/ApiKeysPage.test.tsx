import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider, type Operation } from "urql";
import { describe, expect, it } from "vitest";
import { AnnouncerProvider } from "../../components/Announcer";
import { I18nProvider } from "../../i18n/I18n";
import { company } from "../../test/fixtures";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { ApiKeysPage } from "./ApiKeysPage";

const KEY = { __typename: "ApiKey", id: "4", name: "Caisse", prefix: "eck_ab12", createdAt: "2026-12-04T13:03:00+00:00", revoked: false, revokedAt: null, lastUsedAt: null };

function setup(lang: "fr" | "en", role: "ADMIN" | "COLLABORATOR", answer: (op: Operation) => MockAnswer) {
  const client = mockClient(answer);
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">
          <ApiKeysPage company={company({ role })} />
        </AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
  return client;
}

describe("ApiKeysPage", () => {
  it("lists the keys with their dates to the minute, 'never' when unused", async () => {
    setup("fr", "ADMIN", () => ({ data: { apiKeys: [KEY] } }));
    const row = (await screen.findByText("Caisse")).closest("tr")!;
    const cells = within(row).getAllByRole("cell").map((c) => c.textContent);
    expect(cells[0]).toBe("eck_ab12…");
    expect(cells[1]).toMatch(/^04\/12\/2026 \d\d:03$/);
    expect(cells[2]).toBe("Jamais");
    expect(cells[3]).toBe("Active");
  });

  it("shows a new key once, with its warning, and says a refused name from its maximum", async () => {
    const client = setup("en", "ADMIN", (op) =>
      operationName(op) === "CreateApiKey"
        ? op.variables && (op.variables as { name: string }).name === "x".repeat(300)
          ? { data: { createApiKey: { apiKey: null, key: null, errors: [{ code: "BAD_USER_INPUT", message: "…", field: "name", params: { maximum: 200 } }] } } }
          : { data: { createApiKey: { apiKey: KEY, key: "eck_ab12-secret", errors: [] } } }
        : { data: { apiKeys: [] } },
    );
    fireEvent.change(screen.getByLabelText("Key name"), { target: { value: "x".repeat(300) } });
    fireEvent.click(screen.getByRole("button", { name: "Create the key" }));
    expect(await screen.findByText("A key's name has at most 200 characters, without control characters.")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Key name"), { target: { value: "Caisse" } });
    fireEvent.click(screen.getByRole("button", { name: "Create the key" }));
    const shown = (await screen.findByLabelText("API key")) as HTMLInputElement;
    expect(shown.value).toBe("eck_ab12-secret");
    await waitFor(() => expect(document.activeElement).toBe(shown));
    expect(screen.getByText(/it will never be shown again/)).toBeTruthy();
    expect(client.operations.filter((op) => operationName(op) === "CreateApiKey").at(-1)?.variables).toEqual({ companyId: "3", name: "Caisse" });
  });

  it("is the company admin's", () => {
    const client = setup("fr", "COLLABORATOR", () => ({}));
    expect(screen.getByRole("alert").textContent).toBe("Cette page est réservée aux administrateurs du dossier.");
    expect(client.operations).toHaveLength(0);
  });
});
