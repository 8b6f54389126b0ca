import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { Provider } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MESSAGES, type Lang } from "../../i18n/messages";
import { I18nProvider } from "../../i18n/I18n";
import { mockClient, operationName } from "../../test/mockClient";
import { FilterPanel } from "./FilterPanel";
import { EMPTY_FILTER, FILTER_STATUSES, type Filter } from "./model";

const SENDERS = ["Partenaire e2e", "CLI", "Admin Démo"];
/** How the app names the command line, the sender "CLI" of its imports. */
const CLI = MESSAGES.fr.origin.CLI;

/** The panel on a page that keeps the filter applied, as the console does; `applied` records each apply. */
function setup({ lang = "fr" as Lang, initial = EMPTY_FILTER, senders = SENDERS } = {}) {
  const client = mockClient((op) => (operationName(op) === "ImportPartners" ? { data: { importPartners: senders } } : {}));
  const applied: Filter[] = [];
  function Page() {
    const [filter, setFilter] = useState(initial);
    return (
      <FilterPanel
        companyId="7"
        value={filter}
        statuses={FILTER_STATUSES}
        onApply={(f) => {
          applied.push(f);
          setFilter(f);
        }}
      />
    );
  }
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <Page />
      </I18nProvider>
    </Provider>,
  );
  return { client, applied };
}

const form = () => screen.getByRole("form", { hidden: true });
const select = (name: string) => within(form()).getByRole("combobox", { name }) as HTMLSelectElement;
const input = (name: string) => within(form()).getByRole("textbox", { name }) as HTMLInputElement;
const options = (el: HTMLSelectElement) => [...el.options].map((o) => o.text);
const choose = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const click = (name: string) => fireEvent.click(within(form()).getByRole("button", { name }));

afterEach(() => vi.restoreAllMocks());

describe("FilterPanel", () => {
  it("asks who sent imports when it opens, and names the command line in the user's words", async () => {
    const { client } = setup();
    expect(client.operations.filter((op) => operationName(op) === "ImportPartners")).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Filtres" }));
    expect(form().hidden).toBe(false);
    const [asked] = client.operations.filter((op) => operationName(op) === "ImportPartners");
    expect(asked?.variables).toEqual({ companyId: "7" });

    // One row to start with, « Utilisateur = … », its field focused.
    expect(select("Critère de la condition 1").value).toBe("partner");
    expect(document.activeElement).toBe(select("Critère de la condition 1"));
    expect(options(select("Critère de la condition 1"))).toEqual(["Utilisateur", "Statut", "Format", "Reçu à partir du", "Reçu jusqu'au"]);
    await vi.waitFor(() => expect(options(select("Valeur de la condition 1"))).toHaveLength(4));
    const senders = [...select("Valeur de la condition 1").options].slice(1);
    expect(senders.map((o) => [o.value, o.text])).toEqual(
      [["Admin Démo", "Admin Démo"], ["CLI", CLI], ["Partenaire e2e", "Partenaire e2e"]].sort((a, b) => a[1]!.localeCompare(b[1]!, "fr")),
    );
  });

  it("ORs the rows of one field and ANDs the fields", async () => {
    const { applied } = setup();
    fireEvent.click(screen.getByRole("button", { name: "Filtres" }));
    await vi.waitFor(() => expect(options(select("Valeur de la condition 1"))).toContain(CLI));
    choose(select("Valeur de la condition 1"), "CLI");

    // "+" starts a row on the next field no row uses.
    click("Ajouter une condition");
    expect(select("Critère de la condition 2").value).toBe("status");
    expect(within(form()).getAllByText("=")).toHaveLength(2);
    expect(options(select("Valeur de la condition 2"))).toEqual(["Choisir…", ...FILTER_STATUSES.map((s) => MESSAGES.fr.status[s])]);
    choose(select("Valeur de la condition 2"), "PENDING_VALIDATION");
    click("Ajouter une condition");
    expect(select("Critère de la condition 3").value).toBe("format");
    choose(select("Critère de la condition 3"), "status");
    choose(select("Valeur de la condition 3"), "REJECTED");
    // A row left unchosen counts for nothing.
    click("Ajouter une condition");
    click("Appliquer");

    expect(applied).toEqual([{ ...EMPTY_FILTER, partners: ["CLI"], statuses: ["PENDING_VALIDATION", "REJECTED"] }]);
    expect(screen.getByRole("button", { name: "Filtres (3)" })).toBeTruthy();

    // "−" removes its row: the others keep their values.
    click("Retirer la condition 2");
    expect(select("Valeur de la condition 2").value).toBe("REJECTED");
    click("Appliquer");
    expect(applied.at(-1)).toEqual({ ...EMPTY_FILTER, partners: ["CLI"], statuses: ["REJECTED"] });
    expect(screen.getByRole("button", { name: "Filtres (2)" })).toBeTruthy();
  });

  it("reads days in the user's format and applies none that is no day", () => {
    const { applied } = setup();
    fireEvent.click(screen.getByRole("button", { name: "Filtres" }));
    choose(select("Critère de la condition 1"), "from");
    const from = input("Valeur de la condition 1");
    expect(from.placeholder).toBe("JJ/MM/AAAA");
    choose(from, "31/02/2026");
    click("Appliquer");
    expect(applied).toEqual([]);
    expect(from.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(from);
    const error = document.getElementById(from.getAttribute("aria-describedby") ?? "");
    expect(error?.textContent).toBe("Date invalide : saisissez-la sous la forme JJ/MM/AAAA.");

    // Typing again clears the error; a real day is applied as an ISO day.
    choose(from, "31/12/2099");
    expect(from.getAttribute("aria-invalid")).toBe("false");
    expect(from.getAttribute("aria-describedby")).toBeNull();
    click("Ajouter une condition");
    // The lower bound is taken: a row may not be a second one.
    const field2 = select("Critère de la condition 2");
    expect([...field2.options].filter((o) => o.disabled).map((o) => o.value)).toEqual(["from"]);
    choose(field2, "to");
    choose(input("Valeur de la condition 2"), "1/1/2100");
    click("Appliquer");
    expect(applied).toEqual([{ ...EMPTY_FILTER, from: "2099-12-31", to: "2100-01-01" }]);
    expect(screen.getByRole("button", { name: "Filtres (2)" })).toBeTruthy();
  });

  it("speaks English with the English day format of the browser's locale", () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["en-US", "en"]);
    const { applied } = setup({ lang: "en" });
    fireEvent.click(screen.getByRole("button", { name: "Filters" }));
    choose(select("Field of condition 1"), "to");
    const to = input("Value of condition 1");
    expect(to.placeholder).toBe("MM/DD/YYYY");
    choose(to, "31/12/2099");
    click("Apply");
    expect(document.getElementById(to.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Not a valid date: type it as MM/DD/YYYY.");
    choose(to, "12/31/2099");
    click("Apply");
    expect(applied).toEqual([{ ...EMPTY_FILTER, to: "2099-12-31" }]);
    expect(within(form()).getByRole("button", { name: "Add a condition" })).toBeTruthy();
    expect(within(form()).getByRole("button", { name: "Remove condition 1" })).toBeTruthy();
  });

  it("shows the filter applied when it opens again, and Réinitialiser clears and applies", async () => {
    const initial: Filter = { ...EMPTY_FILTER, partners: ["Gone"], formats: ["TRA"], from: "2099-12-31" };
    const { applied } = setup({ initial });
    const toggle = screen.getByRole("button", { name: "Filtres (3)" });
    fireEvent.click(toggle);
    expect(select("Critère de la condition 1").value).toBe("partner");
    // A name applied stays chosen though the list no longer has it.
    await vi.waitFor(() => expect(options(select("Valeur de la condition 1"))).toHaveLength(5));
    expect(options(select("Valeur de la condition 1"))).toContain("Gone");
    expect(select("Valeur de la condition 1").value).toBe("Gone");
    expect(select("Valeur de la condition 2").value).toBe("TRA");
    expect(input("Valeur de la condition 3").value).toBe("31/12/2099");

    // A draft not applied is dropped when the panel closes.
    choose(input("Valeur de la condition 3"), "01/01/2000");
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    expect(input("Valeur de la condition 3").value).toBe("31/12/2099");

    click("Réinitialiser");
    expect(applied).toEqual([EMPTY_FILTER]);
    expect(within(form()).getAllByRole("listitem")).toHaveLength(1);
    expect(select("Valeur de la condition 1").value).toBe("");
    expect(screen.getByRole("button", { name: "Filtres" })).toBeTruthy();
  });

  it("closes on Escape and gives the focus back to its button", () => {
    setup();
    const toggle = screen.getByRole("button", { name: "Filtres" });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.keyDown(select("Valeur de la condition 1"), { key: "Escape" });
    expect(form().hidden).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(toggle);
  });

  it("says when the list of senders could not be loaded", async () => {
    const client = mockClient(() => ({ errors: [{ message: "boom" }] }));
    render(
      <Provider value={client}>
        <I18nProvider lang="fr">
          <FilterPanel companyId="7" value={EMPTY_FILTER} statuses={FILTER_STATUSES} onApply={() => {}} />
        </I18nProvider>
      </Provider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Filtres" }));
    expect(await within(form()).findByText("La liste des utilisateurs n'a pas pu être chargée.")).toBeTruthy();
  });
});
