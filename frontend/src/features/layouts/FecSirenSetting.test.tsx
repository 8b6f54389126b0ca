import { fireEvent, render, screen } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import type { Company } from "../../app/session";
import { AnnouncerProvider } from "../../components/Announcer";
import { I18nProvider } from "../../i18n/I18n";
import { company } from "../../test/fixtures";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { FecSirenSetting } from "./FecSirenSetting";

const COMPANY: Company = company({ id: "3", name: "Boulangerie Martin SARL", siren: "123456782", currency: "EUR", role: "ADMIN", fecSirenMustMatch: false });

function setup(lang: "fr" | "en", company: Company, canEdit: boolean, answer: MockAnswer = {}) {
  const client = mockClient(() => answer);
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">
          <FecSirenSetting company={company} canEdit={canEdit} />
        </AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
  return client;
}

describe("FecSirenSetting", () => {
  it("refuses another SIREN's FEC files once ticked, and says so", async () => {
    const client = setup("fr", COMPANY, true, { data: { setFecSirenMustMatch: { __typename: "Company", id: "3", fecSirenMustMatch: true } } });
    expect(screen.getByText(/celui du dossier \(123456782\)/)).toBeTruthy();
    const box = screen.getByRole("checkbox", { name: "Refuser le fichier (au lieu de l'importer avec un constat)" });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    expect(await screen.findByText("Les fichiers FEC d'un autre SIREN seront refusés.")).toBeTruthy();
    expect((box as HTMLInputElement).checked).toBe(true);
    const sent = client.operations.find((op) => operationName(op) === "SetFecSirenMustMatch");
    expect(sent?.variables).toEqual({ companyId: "3", mustMatch: true });
  });

  it("shows the setting read-only to a role that may not change it, in English too", () => {
    setup("en", { ...COMPANY, fecSirenMustMatch: true }, false);
    const box = screen.getByRole("checkbox", { name: "Refuse the file (instead of importing it with a finding)" }) as HTMLInputElement;
    expect(box.checked && box.disabled).toBe(true);
  });

  it("has nothing to compare for a company without a SIREN", () => {
    setup("en", { ...COMPANY, siren: null }, true);
    expect(screen.getByText(/This company has no SIREN/)).toBeTruthy();
    expect((screen.getByRole("checkbox") as HTMLInputElement).disabled).toBe(true);
  });
});

describe("FecSirenSetting when the server refuses", () => {
  it("puts the box back and says why", async () => {
    setup("en", COMPANY, true, { errors: [{ message: "Your role does not allow you to change settings in this company.", extensions: { code: "FORBIDDEN" } }] });
    const box = screen.getByRole("checkbox") as HTMLInputElement;
    fireEvent.click(box);
    expect((await screen.findByRole("alert")).textContent).toContain("change settings");
    expect(box.checked).toBe(false);
  });
});
