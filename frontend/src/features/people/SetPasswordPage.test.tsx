import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Provider, type Operation } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { SetPasswordPage } from "./SetPasswordPage";

function refused(code: string, field: string, params: Record<string, unknown> = {}): MockAnswer {
  return { data: { setPassword: { ok: false, errors: [{ code, message: "English, for developers", field, params }] } } };
}

function setup(lang: "fr" | "en", answer: (op: Operation) => MockAnswer, search = "?token=tok-123") {
  window.history.replaceState(null, "", `/password${search}`);
  const client = mockClient(answer);
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <SetPasswordPage />
      </I18nProvider>
    </Provider>,
  );
  return client;
}

function fill(lang: "fr" | "en", password: string, confirm = password) {
  fireEvent.change(screen.getByLabelText(lang === "fr" ? "Nouveau mot de passe" : "New password"), { target: { value: password } });
  fireEvent.change(screen.getByLabelText(lang === "fr" ? "Confirmer le mot de passe" : "Confirm the password"), { target: { value: confirm } });
  fireEvent.click(screen.getByRole("button", { name: lang === "fr" ? "Enregistrer le mot de passe" : "Save the password" }));
}

afterEach(() => window.history.replaceState(null, "", "/"));

describe("SetPasswordPage", () => {
  it("compares the two passwords before asking the server", () => {
    const client = setup("fr", () => ({}));
    fill("fr", "Quatre chevaux sur la digue!", "Quatre chevaux sur la digue");
    const confirm = screen.getByLabelText("Confirmer le mot de passe");
    expect(confirm.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Les deux mots de passe ne sont pas identiques.").id).toBe(confirm.getAttribute("aria-describedby"));
    expect(document.activeElement).toBe(confirm);
    expect(client.operations).toHaveLength(0);
  });

  it.each([
    ["fr", { reason: "length", minimum: 12 }, "Mot de passe trop court : au moins 12 caractères."],
    ["en", { reason: "length", minimum: 12 }, "Password too short: at least 12 characters."],
    ["fr", { reason: "too_long", maximum: 1024 }, "Mot de passe trop long : au plus 1\u202f024 caractères."],
    ["en", { reason: "too_long", maximum: 1024 }, "Password too long: at most 1,024 characters."],
    [
      "fr",
      { reason: "guessable" },
      "Ce mot de passe est trop facile à deviner (mot de passe courant, suite de caractères, nom ou adresse) : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
    ],
  ] as const)("%s: WEAK_PASSWORD %o beside the new password", async (lang, params, text) => {
    const client = setup(lang, () => refused("WEAK_PASSWORD", "password", params));
    fill(lang, "motdepasse");
    const error = await screen.findByText(text.replace(/\s+/g, " "));
    expect(error.textContent).toBe(text);
    const field = screen.getByLabelText(lang === "fr" ? "Nouveau mot de passe" : "New password");
    expect(field.getAttribute("aria-describedby")).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(client.operations.find((op) => operationName(op) === "SetPassword")?.variables).toEqual({ token: "tok-123", password: "motdepasse" });
  });

  it("says an unknown, used or expired link", async () => {
    setup("fr", () => refused("BAD_TOKEN", "token"));
    fill("fr", "Quatre chevaux sur la digue!");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Ce lien est inconnu, déjà utilisé ou expiré : demandez-en un nouveau à un administrateur du cabinet.",
    );
  });

  it("says it is done and leads to the login", async () => {
    setup("en", () => ({ data: { setPassword: { ok: true, errors: [] } } }));
    fill("en", "Quatre chevaux sur la digue!");
    expect((await screen.findByRole("status")).textContent).toBe("Your password is saved. You can now sign in.");
    expect(screen.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/");
  });

  it("has no form without a token", () => {
    setup("fr", () => ({}), "");
    expect(screen.getByRole("alert").textContent).toContain("Ce lien est incomplet");
    expect(screen.queryByLabelText("Nouveau mot de passe")).toBeNull();
  });
});
