import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import { mockClient, operationName } from "../../test/mockClient";
import { RangesEditor } from "./RangesEditor";

const RANGES = [
  { kind: "G", from: "1000", to: "9999", match: "PREFIX" },
  { kind: "D", from: "10000", to: "19999", match: "PREFIX" },
];

describe("RangesEditor", () => {
  it("compares every range one way: by prefix or, for AFAS numbers, by value", async () => {
    const client = mockClient((op) =>
      operationName(op) === "SetAccountRanges"
        ? { data: { setAccountRanges: { ranges: RANGES.map((r) => ({ ...r, match: "NUMBER" })), errors: [] } } }
        : { data: { accountRanges: RANGES } },
    );
    render(
      <Provider value={client}>
        <I18nProvider lang="fr">
          <RangesEditor companyId="3" canEdit />
        </I18nProvider>
      </Provider>,
    );
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
});
