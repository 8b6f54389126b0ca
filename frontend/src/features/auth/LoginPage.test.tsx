import { fireEvent, render, screen } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import { mockClient, type MockAnswer } from "../../test/mockClient";
import { LoginPage } from "./LoginPage";

function setup(lang: "fr" | "en", answer: MockAnswer) {
  const onLoggedIn = vi.fn();
  render(
    <Provider value={mockClient(() => answer)}>
      <I18nProvider lang={lang}>
        <LoginPage onLoggedIn={onLoggedIn} />
      </I18nProvider>
    </Provider>,
  );
  fireEvent.change(screen.getByLabelText(lang === "fr" ? "Adresse e-mail" : "Email address"), { target: { value: "a@b.test" } });
  fireEvent.change(screen.getByLabelText(lang === "fr" ? "Mot de passe" : "Password"), { target: { value: "x" } });
  fireEvent.click(screen.getByRole("button", { name: lang === "fr" ? "Se connecter" : "Sign in" }));
  return onLoggedIn;
}

const throttled = (seconds: number): MockAnswer => ({
  data: { login: { user: null, retryAfterSeconds: seconds, errors: [{ code: "TOO_MANY_ATTEMPTS", message: "Too many" }] } },
});

describe("LoginPage", () => {
  it("says when to try again after too many attempts, not that the password is wrong", async () => {
    const onLoggedIn = setup("fr", throttled(8));
    expect((await screen.findByRole("alert")).textContent).toBe("Trop de tentatives : réessayez dans 8 secondes.");
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it("counts long waits in minutes, in English too", async () => {
    setup("en", throttled(300));
    expect((await screen.findByRole("alert")).textContent).toBe("Too many attempts: try again in 5 minutes.");
  });

  it("keeps the usual message for a wrong password", async () => {
    setup("en", { data: { login: { user: null, retryAfterSeconds: null, errors: [{ code: "INVALID_CREDENTIALS", message: "x" }] } } });
    expect((await screen.findByRole("alert")).textContent).toBe("Wrong email or password.");
  });
});
