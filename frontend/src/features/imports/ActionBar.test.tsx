import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ImportStatus, Role } from "../../gql/graphql";
import { I18nProvider } from "../../i18n/I18n";
import type { Lang } from "../../i18n/messages";
import { ActionBar } from "./ActionBar";

function setup(statuses: ImportStatus[], role: Role, lang: Lang = "fr") {
  const handlers = { onView: vi.fn(), onValidate: vi.fn(), onReject: vi.fn() };
  render(
    <I18nProvider lang={lang}>
      <ActionBar selected={statuses.map((status) => ({ status }))} role={role} {...handlers} />
    </I18nProvider>,
  );
  const toolbar = screen.getByRole("toolbar", { name: lang === "fr" ? "Actions" : "Actions" });
  const button = (name: string) => within(toolbar).getByRole("button", { name });
  return { handlers, button };
}

const disabled = (el: HTMLElement) => el.getAttribute("aria-disabled") === "true";

describe("ActionBar", () => {
  it("enables all three on one pending row for a collaborator, and each click acts", () => {
    const { handlers, button } = setup(["PENDING_VALIDATION"], "COLLABORATOR");
    for (const name of ["Valider", "Rejeter", "Visualiser"]) expect(disabled(button(name))).toBe(false);
    fireEvent.click(button("Valider"));
    fireEvent.click(button("Rejeter"));
    fireEvent.click(button("Visualiser"));
    expect(handlers.onValidate).toHaveBeenCalledOnce();
    expect(handlers.onReject).toHaveBeenCalledOnce();
    expect(handlers.onView).toHaveBeenCalledOnce();
  });

  it("keeps a viewer's Valider and Rejeter disabled but focusable, with the reason in the tooltip", () => {
    const { handlers, button } = setup(["PENDING_VALIDATION"], "VIEWER");
    const validate = button("Valider");
    expect(disabled(validate)).toBe(true);
    expect(validate.hasAttribute("disabled")).toBe(false); // reachable by keyboard
    validate.focus();
    expect(document.activeElement).toBe(validate);
    const tooltip = document.getElementById(validate.getAttribute("aria-describedby")!)!;
    expect(tooltip.getAttribute("role")).toBe("tooltip");
    expect(tooltip.textContent).toContain("Votre rôle (Lecteur) ne permet pas");
    fireEvent.click(validate);
    fireEvent.click(button("Rejeter"));
    expect(handlers.onValidate).not.toHaveBeenCalled();
    expect(handlers.onReject).not.toHaveBeenCalled();
    expect(disabled(button("Visualiser"))).toBe(false);
  });

  it("disables Valider and Rejeter on a multi-selection, but not Visualiser", () => {
    const { button } = setup(["PENDING_VALIDATION", "FINISHED_WITH_ERROR"], "ADMIN");
    expect(disabled(button("Valider"))).toBe(true);
    expect(screen.getByRole("button", { name: "Valider" }).getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Rejeter", description: /une seule ligne/ })).toBeTruthy();
    expect(disabled(button("Visualiser"))).toBe(false);
  });

  it("disables Visualiser when one selected row is rejected, and says why", () => {
    const { handlers, button } = setup(["PENDING_VALIDATION", "REJECTED"], "ADMIN");
    expect(disabled(button("Visualiser"))).toBe(true);
    fireEvent.click(button("Visualiser"));
    expect(handlers.onView).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Visualiser", description: /Toutes les lignes sélectionnées/ })).toBeTruthy();
  });

  it("hides the tooltip on Escape (WCAG 1.4.13) and speaks English when asked", () => {
    const { button } = setup([], "CLIENT", "en");
    const validate = button("Validate");
    expect(disabled(validate)).toBe(true);
    fireEvent.keyDown(validate, { key: "Escape" });
    expect(validate.closest(".tip-wrap")?.classList.contains("tip-hidden")).toBe(true);
    expect(screen.getByRole("button", { name: "View", description: /Select at least one row/ })).toBeTruthy();
  });
});
