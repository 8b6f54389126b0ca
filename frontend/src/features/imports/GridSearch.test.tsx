import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import { amountInput, GridSearch, toFilter } from "./GridSearch";

describe("amountInput (an amount as typed, in the user's form)", () => {
  it("reads the French and the English forms", () => {
    expect(amountInput("1 234,50", "fr-FR")).toBe("1234.50");
    expect(amountInput("1\u202f234,5", "fr-FR")).toBe("1234.5");
    expect(amountInput("1,234.50", "en-GB")).toBe("1234.50");
    expect(amountInput("-12", "en-GB")).toBe("12"); // either side: the sign does not matter
    expect(amountInput("12,3,4", "fr-FR")).toBeNull();
    expect(amountInput("abc", "en-GB")).toBeNull();
    expect(amountInput("  ", "en-GB")).toBeNull();
  });
});

describe("toFilter", () => {
  it("keeps what was typed, trimmed, and nothing else", () => {
    const empty = { text: "", journal: "", account: "", thirdParty: "", amount: "" };
    expect(toFilter(empty, "fr-FR")).toBeNull();
    expect(toFilter({ ...empty, text: "  loyer ", amount: "1 200,00" }, "fr-FR")).toEqual({ text: "loyer", amount: "1200.00" });
    expect(toFilter({ ...empty, journal: "VT", account: "411" }, "en-GB")).toEqual({ journal: "VT", account: "411" });
  });
});

describe("GridSearch", () => {
  it("searches on Enter, clears on Escape, and refuses an amount it cannot read", () => {
    const onSearch = vi.fn();
    const { rerender } = render(
      <I18nProvider lang="fr">
        <GridSearch active={false} onSearch={onSearch} />
      </I18nProvider>,
    );
    const form = screen.getByRole("search");
    const inputs = form.querySelectorAll("input");
    fireEvent.change(inputs[2]!, { target: { value: "4457" } });
    fireEvent.submit(form);
    expect(onSearch).toHaveBeenLastCalledWith({ account: "4457" });
    fireEvent.change(inputs[4]!, { target: { value: "12,3,4" } });
    expect(screen.getByRole("alert")).toBeTruthy();
    fireEvent.submit(form);
    expect(onSearch).toHaveBeenCalledTimes(1);
    rerender(
      <I18nProvider lang="fr">
        <GridSearch active onSearch={onSearch} />
      </I18nProvider>,
    );
    fireEvent.keyDown(form, { key: "Escape" });
    expect(onSearch).toHaveBeenLastCalledWith(null);
    expect((inputs[2] as HTMLInputElement).value).toBe("");
  });
});
