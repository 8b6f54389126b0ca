import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import { mockClient, operationName, type MockAnswer } from "../../test/mockClient";
import { RangesEditor } from "./RangesEditor";

const RANGES = [
  { kind: "G", from: "1000", to: "9999", match: "PREFIX" },
  { kind: "D", from: "10000", to: "19999", match: "PREFIX" },
];

function setup(lang: "fr" | "en", answer: MockAnswer) {
  const client = mockClient((op) => (operationName(op) === "SetAccountRanges" ? answer : { data: { accountRanges: RANGES } }));
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <RangesEditor companyId="3" canEdit />
      </I18nProvider>
    </Provider>,
  );
  return client;
}

describe("RangesEditor", () => {
  it("compares every range one way: by prefix or, for AFAS numbers, by value", async () => {
    const client = setup("fr", { data: { setAccountRanges: { ranges: RANGES.map((r) => ({ ...r, match: "NUMBER" })), errors: [] } } });
    const prefix = (await screen.findByRole("radio", { name: /^Par préfixe/ })) as HTMLInputElement;
    await waitFor(() => expect(prefix.checked).toBe(true));
    const number = screen.getByRole("radio", { name: /^Par valeur numérique/ }) as HTMLInputElement;
    expect(number.labels?.[0]?.textContent).toContain("1000 à 9999, 10000 à 19999");
    fireEvent.click(number);
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer les plages" }));
    await screen.findByText("Plages de comptes enregistrées.", { selector: "[role=status]" });
    const sent = client.operations.find((op) => operationName(op) === "SetAccountRanges")!.variables as { ranges: { match: string }[] };
    expect(sent.ranges.map((r) => r.match)).toEqual(["NUMBER", "NUMBER"]);
    expect(number.checked).toBe(true);
  });

  // One error per problem, each said from its code and the ranges it names (never the server's English).
  const overlap = (kind: string, otherKind: string) => ({
    code: "RANGES_OVERLAP",
    message: "411000–411999 (customers) overlaps 400000–419999 (general)",
    field: "ranges",
    params: { from: "411000", to: "411999", kind, other_from: "400000", other_to: "419999", other_kind: otherKind },
  });
  const refusal = { data: { setAccountRanges: { ranges: [], errors: [overlap("D", "G"), { code: "RANGES_MIXED_MATCH", message: "…", field: "ranges", params: null }] } } };

  it.each([
    ["fr", "Enregistrer les plages", ["La plage 411000–411999 (client) chevauche 400000–419999 (général).", "Les plages se comparent toutes de la même façon : par préfixe ou par valeur numérique."]],
    ["en", "Save the ranges", ["411000–411999 (customer) overlaps 400000–419999 (general).", "The ranges all compare the same way: by prefix or by numeric value."]],
  ] as const)("says each refusal in the user's language (%s)", async (lang, save, texts) => {
    setup(lang, refusal);
    await screen.findAllByRole("row");
    fireEvent.click(screen.getByRole("button", { name: save }));
    const alert = await screen.findByTestId("ranges-error");
    expect([...alert.querySelectorAll("li")].map((li) => li.textContent)).toEqual(texts);
  });
});
