import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { SessionContext, type Session } from "../../app/session";
import { AnnouncerProvider } from "../../components/Announcer";
import { I18nProvider } from "../../i18n/I18n";
import { company } from "../../test/fixtures";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { CompaniesAdminPage } from "./CompaniesAdminPage";
import { CompanyForm } from "./CompanyForm";
import type { Operation } from "urql";

function refused(mutation: string, code: string, field: string | null, params: Record<string, unknown>): MockAnswer {
  return { data: { [mutation]: { __typename: "CompanyPayload", company: null, errors: [{ __typename: "UserError", code, message: "English, for developers", field, params }] } } };
}

function setup(lang: "fr" | "en", ui: React.ReactNode, answer: (op: Operation) => MockAnswer) {
  const client = mockClient(answer);
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">{ui}</AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
  return client;
}

describe("CompanyForm", () => {
  it("says a refused SIREN beside the SIREN field, in French, from its code and reason", async () => {
    const client = setup("fr", <CompanyForm company={null} />, () => refused("createCompany", "INVALID_SIREN", "siren", { siren: "732829321", reason: "checksum" }));
    fireEvent.change(screen.getByLabelText("Nom du dossier"), { target: { value: "Menuiserie Durand" } });
    fireEvent.change(screen.getByLabelText("SIREN"), { target: { value: "732829321" } });
    fireEvent.click(screen.getByRole("button", { name: "Créer le dossier" }));

    const siren = screen.getByLabelText("SIREN");
    expect(await screen.findByText("SIREN invalide (clé de contrôle)")).toBeTruthy();
    expect(siren.getAttribute("aria-invalid")).toBe("true");
    expect(siren.getAttribute("aria-describedby")).toContain(screen.getByText("SIREN invalide (clé de contrôle)").id);
    await waitFor(() => expect(document.activeElement).toBe(siren));
    expect(screen.getByRole("alert").textContent).toBe("Le dossier n'a pas été enregistré : corrigez le champ signalé.");
    expect(screen.queryByText(/English/)).toBeNull();
    expect(screen.getByLabelText("Nom du dossier").getAttribute("aria-invalid")).toBeNull();
    const sent = client.operations.find((op) => operationName(op) === "CreateCompany");
    expect(sent?.variables).toEqual({ input: { name: "Menuiserie Durand", siren: "732829321", code: "", currency: "EUR", country: "FR", address: "" } });
  });

  it.each([
    ["fr", "TOO_LONG", "name", { maximum: 200, found: 1234 }, "Nom du dossier", "Trop long : 1\u202f234 caractères pour 200 au plus."],
    ["en", "TOO_LONG", "name", { maximum: 200, found: 1234 }, "Company name", "Too long: 1,234 characters, 200 at most."],
    ["en", "INVALID_SIREN", "siren", { siren: "12", reason: "length" }, "SIREN", "Invalid SIREN: 9 digits expected"],
    ["fr", "INVALID_SIREN", "siren", { siren: "12A", reason: "digits" }, "SIREN", "SIREN invalide : des chiffres seulement"],
    ["fr", "SIREN_TAKEN", "siren", { siren: "552100554", company: "Garage Leroy" }, "SIREN", "Le SIREN 552100554 est déjà celui du dossier « Garage Leroy »."],
    ["en", "CODE_TAKEN", "code", { value: "BM", company: "Boulangerie Martin" }, "Short code", "Code “BM” already names company “Boulangerie Martin”."],
    ["fr", "BAD_CODE", "code", { value: "a b" }, "Code court", "Code court « a b » invalide : 1 à 40 lettres, chiffres, points, tirets ou soulignés, en commençant par une lettre ou un chiffre."],
    ["en", "UNKNOWN_CURRENCY", "currency", { currency: "XYZ" }, "Currency", "“XYZ” is not an ISO 4217 currency (EUR, USD, CHF…)."],
    ["fr", "UNKNOWN_COUNTRY", "country", { country: "ZZ" }, "Pays", "« ZZ » n'est pas un code pays ISO 3166 (FR, BE, CH…)."],
    ["fr", "BAD_CHARACTERS", "address", {}, "Adresse", "Caractères de contrôle interdits."],
    ["en", "REQUIRED", "name", {}, "Company name", "This field is required."],
  ] as const)("%s: %s beside its field", async (lang, code, field, params, label, text) => {
    setup(lang, <CompanyForm company={null} />, () => refused("createCompany", code, field, params));
    fireEvent.click(screen.getByRole("button", { name: lang === "fr" ? "Créer le dossier" : "Create the company" }));
    const error = await screen.findByText(text.replace(/\s+/g, " ")); // the matcher compares with the text's spaces collapsed
    expect(error.textContent).toBe(text);
    expect(screen.getByLabelText(label).getAttribute("aria-describedby")).toContain(error.id);
  });

  it("sends only the fields changed when editing (an empty SIREN clears it), and says a currency in use", async () => {
    const current = company({ id: "7", name: "Garage Leroy", siren: "552100554", code: "GL" });
    const client = setup("en", <CompanyForm company={current} />, () => refused("updateCompany", "CURRENCY_IN_USE", "currency", { currency: "EUR" }));
    expect((screen.getByLabelText("Company name") as HTMLInputElement).value).toBe("Garage Leroy");
    fireEvent.change(screen.getByLabelText("SIREN"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Currency"), { target: { value: "CHF" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("The company already has imports or entries in EUR: its currency can no longer change.")).toBeTruthy();
    const sent = client.operations.find((op) => operationName(op) === "UpdateCompany");
    expect(sent?.variables).toEqual({ id: "7", input: { siren: "", currency: "CHF" } });
  });

  it("says an error that names no field above the buttons, counts in the locale", async () => {
    setup("fr", <CompanyForm company={company({ name: "Garage Leroy" })} />, () =>
      refused("updateCompany", "COMPANY_BUSY", "id", { company: "Garage Leroy", count: 1500 }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Le dossier « Garage Leroy » a 1\u202f500 imports en cours de lecture ou de comptabilisation : archivez-le une fois ceux-ci terminés.",
    );
  });

  it("is read-only for a role that may not change it", () => {
    setup("fr", <CompanyForm company={company()} readOnly />, () => ({}));
    expect((screen.getByLabelText("Nom du dossier") as HTMLInputElement).closest("fieldset")?.disabled).toBe(true);
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("CompaniesAdminPage", () => {
  const session = (firmAdmin: boolean) => ({ me: { name: "Alice", user: null, companies: [], firmAdmin }, api: {}, restart: () => undefined }) as unknown as Session;

  it("lists the firm's companies with their status and a stored SIREN's finding", async () => {
    const bad = company({ id: "9", name: "Ancien Dossier", siren: "123456789", findings: [{ code: "INVALID_SIREN", field: "siren", params: { siren: "123456789", reason: "checksum" } }] });
    const client = setup(
      "fr",
      <SessionContext.Provider value={session(true)}>
        <CompaniesAdminPage />
      </SessionContext.Provider>,
      () => ({ data: { firmCompanies: [company({ name: "Garage Leroy" }), { ...bad, archived: true }] } }),
    );
    const row = (await screen.findByText("Ancien Dossier")).closest("tr")!;
    expect(row.textContent).toContain("SIREN invalide (clé de contrôle)");
    expect(row.textContent).toContain("Archivé");
    expect(screen.getByRole("button", { name: "Restaurer le dossier Ancien Dossier" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Archiver le dossier Garage Leroy" })).toBeTruthy();

    fireEvent.click(screen.getByRole("checkbox", { name: "Afficher les dossiers archivés" }));
    const asked = client.operations.filter((op) => operationName(op) === "FirmCompanies").map((op) => op.variables);
    expect(asked[0]).toEqual({ includeArchived: false });
    expect(asked.at(-1)).toEqual({ includeArchived: true });

    fireEvent.click(screen.getByRole("button", { name: "Nouveau dossier" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Nom du dossier"));
  });

  it("is for firm administrators only", () => {
    setup(
      "en",
      <SessionContext.Provider value={session(false)}>
        <CompaniesAdminPage />
      </SessionContext.Provider>,
      () => ({}),
    );
    expect(screen.getByRole("alert").textContent).toBe("This page is for the firm's administrators only.");
  });
});
