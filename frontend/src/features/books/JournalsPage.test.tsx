import { fireEvent, render, screen, within } from "@testing-library/react";
import { Provider, type Operation } from "urql";
import { describe, expect, it } from "vitest";
import { AnnouncerProvider } from "../../components/Announcer";
import type { Role } from "../../gql/graphql";
import { I18nProvider } from "../../i18n/I18n";
import { company } from "../../test/fixtures";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { JournalsPage } from "./JournalsPage";

const journal = (code: string, kind: string, isDefault = false) => ({ __typename: "Journal", id: code, code, label: "", kind, isDefault, used: false, createdByBatchId: null });
const JOURNALS = [journal("AC", "purchases"), journal("VT", "sales", true), journal("XX", "")];

function setup(lang: "fr" | "en", role: Role, answer: (op: Operation) => MockAnswer = () => ({})) {
  const client = mockClient((op) => (operationName(op) === "Journals" ? { data: { journals: JOURNALS } } : answer(op)));
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">
          <JournalsPage company={company({ role })} />
        </AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
  return client;
}

const refusal = { data: { setJournal: { journal: null, errors: [{ code: "DEFAULT_NEEDS_KIND", field: "default", params: { journal: "AC" } }] } } };

describe("JournalsPage", () => {
  it("makes a journal the default of its kind, or stops it being one, with the flag alone", async () => {
    const client = setup("fr", "ADMIN", (op) => (operationName(op) === "SetJournal" ? { data: { setJournal: { journal: journal("AC", "purchases", true), errors: [] } } } : {}));
    const box = (await screen.findByRole("checkbox", { name: "Journal AC par défaut de son type" })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect((screen.getByRole("checkbox", { name: "Journal VT par défaut de son type" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await screen.findByText("Journal AC : journal par défaut de type « Achats ».");
    fireEvent.click(screen.getByRole("checkbox", { name: "Journal VT par défaut de son type" }));
    await screen.findByText("Journal VT : n'est plus un journal par défaut.");
    const sent = client.operations.filter((op) => operationName(op) === "SetJournal").map((op) => op.variables);
    expect(sent).toEqual([
      { companyId: "3", code: "AC", isDefault: true },
      { companyId: "3", code: "VT", isDefault: false },
    ]);
  });

  it("says that a default journal whose kind changes is no longer a default", async () => {
    setup("fr", "ADMIN", (op) => (operationName(op) === "SetJournal" ? { data: { setJournal: { journal: journal("VT", "general"), errors: [] } } } : {}));
    fireEvent.change(await screen.findByRole("combobox", { name: "Type du journal VT" }), { target: { value: "general" } });
    await screen.findByText("Journal VT : Opérations diverses. Il n'est plus un journal par défaut (il l'était de son ancien type).");
  });

  it("says why a journal without a kind cannot be a default", async () => {
    setup("fr", "ADMIN");
    const box = (await screen.findByRole("checkbox", { name: "Journal XX par défaut de son type" })) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(document.getElementById(box.getAttribute("aria-describedby")!)!.textContent).toBe("Donnez-lui d'abord un type");
  });

  it.each([
    ["fr", "Journal AC par défaut de son type", "Le journal AC doit avoir un type pour être le journal par défaut de ce type : donnez-lui d'abord un type."],
    ["en", "Journal AC is the default of its kind", "Journal AC needs a kind to be the default of its kind: give it a kind first."],
  ] as const)("says a refusal from its code and params (%s)", async (lang, box, text) => {
    setup(lang, "ADMIN", () => refusal);
    fireEvent.click(await screen.findByRole("checkbox", { name: box }));
    expect((await screen.findByRole("alert")).textContent).toBe(text);
  });

  it("shows the default journal to a role that may not change it", async () => {
    setup("fr", "CLIENT");
    const rows = (await screen.findAllByRole("row")).slice(1);
    expect(rows.map((r) => within(r).getByTestId("default").textContent)).toEqual(["", "✓ Par défaut", ""]);
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});
