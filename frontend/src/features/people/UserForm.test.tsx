import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Provider, type Operation } from "urql";
import { describe, expect, it, vi } from "vitest";
import { AnnouncerProvider } from "../../components/Announcer";
import type { UserAccountFieldsFragment } from "../../gql/graphql";
import { I18nProvider } from "../../i18n/I18n";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { UserForm } from "./UserForm";

const COMPANIES = [
  { id: "1", name: "Boulangerie Martin SARL" },
  { id: "2", name: "Atelier Durand SAS" },
];

function user(over: Partial<UserAccountFieldsFragment> = {}): UserAccountFieldsFragment {
  return { id: "5", email: "nina@cabinet.test", name: "Nina Petit", locale: "fr", active: true, firmAdmin: false, roles: [], ...over };
}

function refused(mutation: string, code: string, field: string | null, params: Record<string, unknown> = {}): MockAnswer {
  return { data: { [mutation]: { __typename: "UserPayload", user: null, passwordToken: null, errors: [{ __typename: "UserError", code, message: "In English, for developers", field, params }] } } };
}

function setup(lang: "fr" | "en", current: UserAccountFieldsFragment | null, answer: (op: Operation) => MockAnswer) {
  const client = mockClient(answer);
  const onSaved = vi.fn();
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">
          <UserForm user={current} companies={COMPANIES} onSaved={onSaved} onCancel={() => undefined} />
        </AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
  return { client, onSaved };
}

describe("UserForm", () => {
  it("creates a user with a role per company picked, and hands back the one-time token", async () => {
    const created = user({ roles: [{ companyId: "2", companyName: "Atelier Durand SAS", role: "COLLABORATOR" }] });
    const { client, onSaved } = setup("fr", null, () => ({ data: { createUser: { user: created, passwordToken: "tok-123", errors: [] } } }));
    expect(document.activeElement).toBe(screen.getByLabelText("Adresse e-mail"));
    fireEvent.change(screen.getByLabelText("Adresse e-mail"), { target: { value: "nina@cabinet.test" } });
    fireEvent.change(screen.getByLabelText("Nom"), { target: { value: "Nina Petit" } });
    fireEvent.change(screen.getByLabelText("Langue"), { target: { value: "en" } });
    fireEvent.change(screen.getByLabelText("Atelier Durand SAS"), { target: { value: "COLLABORATOR" } });
    expect((screen.getByLabelText("Boulangerie Martin SARL") as HTMLSelectElement).value).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Créer l'utilisateur" }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(created, "tok-123"));
    const sent = client.operations.find((op) => operationName(op) === "CreateUser");
    expect(sent?.variables).toEqual({
      input: { email: "nina@cabinet.test", name: "Nina Petit", locale: "en", firmAdmin: false },
      roles: [{ companyId: "2", role: "COLLABORATOR" }],
    });
  });

  it.each([
    ["fr", "BAD_EMAIL", "email", { email: "nina@" }, "Adresse e-mail", "« nina@ » n'est pas une adresse e-mail valide."],
    ["en", "EMAIL_TAKEN", "email", { email: "nina@cabinet.test" }, "Email address", "nina@cabinet.test is already another user's email address."],
    ["fr", "UNKNOWN_LOCALE", "locale", { locale: "de" }, "Langue", "Langue « de » inconnue : français (fr) ou anglais (en)."],
    ["fr", "TOO_LONG", "name", { maximum: 200, found: 1500 }, "Nom", "Trop long : 1\u202f500 caractères pour 200 au plus."],
  ] as const)("%s: %s beside its field, focused", async (lang, code, field, params, label, text) => {
    setup(lang, null, () => refused("createUser", code, field, params));
    fireEvent.click(screen.getByRole("button", { name: lang === "fr" ? "Créer l'utilisateur" : "Create the user" }));
    const error = await screen.findByText(text.replace(/\s+/g, " "));
    expect(error.textContent).toBe(text);
    const control = screen.getByLabelText(label);
    expect(control.getAttribute("aria-invalid")).toBe("true");
    expect(control.getAttribute("aria-describedby")).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(control));
    expect(screen.getByRole("alert").textContent).toBe(lang === "fr" ? "L'utilisateur n'a pas été enregistré : corrigez le champ signalé." : "The user was not saved: fix the field shown.");
    expect(screen.queryByText(/for developers/)).toBeNull();
  });

  it("says a refused role list beside the roles, with its maximum", async () => {
    setup("en", null, () => refused("createUser", "TOO_MANY_ROLES", "roles", { maximum: 1000 }));
    fireEvent.click(screen.getByRole("button", { name: "Create the user" }));
    expect(await screen.findByText("At most 1,000 roles at once.")).toBeTruthy();
  });

  it("edits a user without roles, sending only what changed, and says why the last firm administrator stays one", async () => {
    const { client } = setup("fr", user({ firmAdmin: true }), () => refused("updateUser", "LAST_FIRM_ADMIN", "firmAdmin"));
    expect(screen.queryByLabelText("Boulangerie Martin SARL")).toBeNull();
    expect((screen.getByLabelText("Nom") as HTMLInputElement).value).toBe("Nina Petit");
    const firmAdmin = screen.getByRole("checkbox", { name: "Administrateur du cabinet" });
    expect((firmAdmin as HTMLInputElement).checked).toBe(true);
    fireEvent.click(firmAdmin);
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Le cabinet garde au moins un administrateur : nommez-en d'abord un autre.")).toBeTruthy();
    const sent = client.operations.find((op) => operationName(op) === "UpdateUser");
    expect(sent?.variables).toEqual({ id: "5", input: { firmAdmin: false } });
  });
});
