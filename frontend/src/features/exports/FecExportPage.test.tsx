import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import type { Company } from "../../app/session";
import { I18nProvider } from "../../i18n/I18n";
import { company } from "../../test/fixtures";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { FecExportPage, defaultYear } from "./FecExportPage";

const YEAR = new Date().getFullYear();
const YEARS = [
  { id: "1", name: `Exercice ${YEAR - 1}`, startDate: `${YEAR - 1}-01-01`, endDate: `${YEAR - 1}-12-31`, closed: true },
  { id: "2", name: `Exercice ${YEAR}`, startDate: `${YEAR}-01-01`, endDate: `${YEAR}-12-31`, closed: false },
];
const COMPANY: Company = company({ id: "3", name: "Boulangerie Martin SARL", siren: "123456782", currency: "EUR", role: "VIEWER", fecSirenMustMatch: false });

function setup(company: Company, fec: (variables: Record<string, unknown>) => MockAnswer) {
  const client = mockClient((op) => (operationName(op) === "ExportYears" ? { data: { fiscalYears: YEARS } } : fec(op.variables as Record<string, unknown>)));
  render(
    <Provider value={client}>
      <I18nProvider lang="fr">
        <FecExportPage company={company} />
      </I18nProvider>
    </Provider>,
  );
  return client;
}

describe("FecExportPage", () => {
  it("prepares the chosen year's export, keeping the numbers when asked, and offers its file", async () => {
    const client = setup(COMPANY, () => ({
      data: {
        fecExport: {
          fileName: `123456782FEC${YEAR - 1}1231.txt`,
          url: `/files/companies/3/fec?fiscalYear=1&keepNumbers=1`,
          entryCount: 1234,
          lineCount: 3702,
          totalDebit: "98765.40",
          totalCredit: "98765.40",
          currency: "EUR",
        },
      },
    }));
    const year = (await screen.findByLabelText("Exercice")) as HTMLSelectElement;
    await waitFor(() => expect(year.value).toBe("2")); // the year holding today
    fireEvent.change(year, { target: { value: "1" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Conserver les numéros d'écriture d'origine" }));
    fireEvent.click(screen.getByRole("button", { name: "Préparer l'export" }));

    const link = await screen.findByRole("link", { name: `Télécharger 123456782FEC${YEAR - 1}1231.txt` });
    expect(link.getAttribute("href")).toBe("/files/companies/3/fec?fiscalYear=1&keepNumbers=1");
    expect(link.getAttribute("download")).toBe(`123456782FEC${YEAR - 1}1231.txt`);
    expect(screen.getByTestId("fec-file-name").textContent).toBe(`123456782FEC${YEAR - 1}1231.txt`);
    expect(screen.getByTestId("fec-entries").textContent).toBe("1\u202f234");
    expect(screen.getByTestId("fec-total-debit").textContent).toBe("98\u202f765,40 EUR");
    expect(screen.getByTestId("fec-total-credit").textContent).toBe("98\u202f765,40 EUR");
    const asked = client.operations.find((op) => operationName(op) === "FecExport")!;
    expect(asked.variables).toEqual({ companyId: "3", fiscalYearId: "1", keepNumbers: true });

    // Another choice: the old result goes (it would download another file than the one asked).
    fireEvent.click(screen.getByRole("checkbox", { name: "Conserver les numéros d'écriture d'origine" }));
    expect(screen.queryByTestId("fec-result")).toBeNull();
  });

  it("shows the server's refusal when the company has no SIREN", async () => {
    setup({ ...COMPANY, siren: null }, () => ({
      errors: [
        {
          message: "A FEC is named after the company's SIREN: set it first.",
          extensions: { code: "BAD_USER_INPUT", reason: "SIREN_REQUIRED", field: "companyId" },
        },
      ],
    }));
    expect(screen.getByText(/Ce dossier n'a pas de SIREN/)).toBeTruthy();
    await screen.findByRole("option", { name: new RegExp(`^Exercice ${YEAR}`) });
    fireEvent.click(screen.getByRole("button", { name: "Préparer l'export" }));
    const alert = await screen.findByTestId("fec-error");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toContain("Le FEC ne peut pas être produit : le dossier n'a pas de SIREN.");
    expect(alert.textContent).toContain("A FEC is named after the company's SIREN: set it first.");
    expect(screen.queryByRole("link", { name: /^Télécharger/ })).toBeNull();
  });

  it("defaults to the year holding today, else the latest", () => {
    expect(defaultYear(YEARS, `${YEAR}-06-01`)?.id).toBe("2");
    expect(defaultYear(YEARS, `${YEAR + 3}-06-01`)?.id).toBe("2");
    expect(defaultYear([], `${YEAR}-06-01`)).toBeNull();
  });
});
