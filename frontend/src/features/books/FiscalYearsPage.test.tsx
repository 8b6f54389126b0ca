import { fireEvent, render, screen, within } from "@testing-library/react";
import { Provider, type Operation } from "urql";
import { beforeAll, describe, expect, it } from "vitest";
import { AnnouncerProvider } from "../../components/Announcer";
import type { Role } from "../../gql/graphql";
import { I18nProvider } from "../../i18n/I18n";
import { company } from "../../test/fixtures";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { FiscalYearsPage, dayAfter } from "./FiscalYearsPage";

const Y2025 = { __typename: "FiscalYear", id: "1", name: "Exercice 2025", startDate: "2025-01-01", endDate: "2025-12-31", closed: false, locked: false };
const Y2026 = { __typename: "FiscalYear", id: "2", name: "Exercice 2026", startDate: "2026-01-01", endDate: "2026-12-31", closed: false, locked: true };

// jsdom has no modal dialogs: open and close by the attribute.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

function setup(lang: "fr" | "en", role: Role, answer: (op: Operation) => MockAnswer) {
  const client = mockClient((op) => (operationName(op) === "CompanyYears" ? { data: { fiscalYears: [Y2026, Y2025] } } : answer(op)));
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">
          <FiscalYearsPage company={company({ role })} />
        </AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
  return client;
}

const closing = (over: Record<string, unknown>) => ({
  data: {
    closeFiscalYear: {
      fiscalYear: { ...Y2025, closed: true },
      nextYear: Y2026,
      openingEntryId: "77",
      openingLineCount: 12,
      result: "1138.50",
      openingTotal: "45210.07",
      currency: "EUR",
      errors: [],
      ...over,
    },
  },
});

describe("FiscalYearsPage", () => {
  it("lists the years in order with their state", async () => {
    setup("fr", "ADMIN", () => ({}));
    const rows = (await screen.findAllByRole("row")).slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["Exercice 2025", "Exercice 2026"]);
    expect(rows.map((r) => within(r).getByTestId("status").textContent)).toEqual(["ouvert", "verrouillé"]);
    expect(within(rows[0]!).getAllByRole("cell")[0]!.textContent).toBe("01/01/2025");
    // The form to open the next one starts the day after the last year.
    expect((screen.getByLabelText("Date de début") as HTMLInputElement).value).toBe("2027-01-01");
    expect(dayAfter("2028-02-28")).toBe("2028-02-29");
  });

  it("asks before closing (irreversible, the opening entry explained, Cancel focused), then shows the result", async () => {
    const client = setup("fr", "ADMIN", (op) => (operationName(op) === "CloseFiscalYear" ? closing({}) : {}));
    fireEvent.click(await screen.findByRole("button", { name: "Clôturer l'exercice Exercice 2025" }));
    const dialog = screen.getByRole("alertdialog", { name: "Clôturer l'exercice" });
    expect(dialog.textContent).toContain("« Exercice 2025 » (du 01/01/2025 au 31/12/2025)");
    expect(dialog.textContent).toContain("irréversible");
    expect(dialog.textContent).toContain("classes 1 à 5");
    expect(dialog.textContent).toContain("120 (bénéfice) ou 129 (perte)");
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Annuler" }));
    expect(client.operations.some((op) => operationName(op) === "CloseFiscalYear")).toBe(false);

    fireEvent.click(within(dialog).getByRole("button", { name: "Clôturer définitivement" }));
    const result = await screen.findByTestId("closing-result");
    expect(within(result).getByRole("heading").textContent).toBe("Exercice « Exercice 2025 » clôturé");
    expect(within(result).getByTestId("closing-amount").textContent).toBe("Bénéfice de 1\u202f138,50\u00a0€ (compte 120)");
    expect(within(result).getByTestId("closing-opening").textContent).toBe("Écriture de 12 lignes dans l'exercice « Exercice 2026 »");
    const link = within(result).getByRole("link", { name: "Voir l'écriture d'à-nouveaux" });
    expect(link.getAttribute("href")).toBe("/c/3/books/entries?journal=AN&from=2026-01-01&to=2026-01-01&entry=77");
    expect(client.operations.find((op) => operationName(op) === "CloseFiscalYear")?.variables).toEqual({ id: "1" });
  });

  it("says a loss in English, and a refusal from its code and params", async () => {
    let refuse = true;
    setup("en", "ADMIN", (op) =>
      operationName(op) !== "CloseFiscalYear"
        ? {}
        : refuse
          ? closing({ fiscalYear: null, nextYear: null, openingEntryId: null, result: null, errors: [{ code: "NEXT_YEAR_MISSING", field: "id", params: { start: "2026-01-01" } }] })
          : closing({ result: "-250.00" }),
    );
    const close = await screen.findByRole("button", { name: "Close fiscal year Exercice 2025" });
    fireEvent.click(close);
    fireEvent.click(screen.getByRole("button", { name: "Close for good" }));
    expect((await screen.findByTestId("years-error")).textContent).toBe("Open the year that starts on 01/01/2026 first: the opening entries go into it.");
    expect(screen.queryByTestId("closing-result")).toBeNull();

    refuse = false;
    fireEvent.click(close);
    fireEvent.click(screen.getByRole("button", { name: "Close for good" }));
    expect((await screen.findByTestId("closing-amount")).textContent).toBe("Loss of €250.00 (account 129)");
    expect(screen.getByTestId("closing-opening").textContent).toBe("An entry of 12 lines in “Exercice 2026”");
  });

  it("gives lock, unlock and close to the company admin only", async () => {
    setup("fr", "COLLABORATOR", () => ({}));
    await screen.findAllByRole("rowheader");
    expect(screen.queryByRole("button", { name: /^Clôturer/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Verrouiller/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Ouvrir l'exercice" })).toBeTruthy();
  });
});
