import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages";
import { refusedText } from "./EntryGrid";
import { type GridRefused, pageItems } from "./gridPage";

const { fr, en } = MESSAGES;

const COLUMNS = [
  "line", "journal", "date", "piece", "account", "accountLabel", "thirdParty", "thirdPartyName", "reference", "label",
  "debit", "credit", "lettering", "analytic", "dueDate", "currency", "currencyAmount",
];

function row(line: number, thirdParty: string | null = null): unknown[] {
  return [
    line, "VT", "2025-03-19", "VT1", "411000", "Clients", thirdParty, thirdParty && "Client", "F1", "Facture 1", "4107.32", "0.00", "",
    thirdParty ? "P1" : "", thirdParty ? "2025-04-18" : null, thirdParty ? "USD" : "", thirdParty ? "-4500.10" : null,
  ];
}

describe("pageItems (a grid page from the API)", () => {
  it("reads each row by its declared column, amounts kept as decimal strings", () => {
    const [item] = pageItems({ columns: COLUMNS, rows: [row(2, "C0002")], refused: [] });
    expect(item).toEqual({
      kind: "line", line: 2, journal: "VT", date: "2025-03-19", piece: "VT1", account: "411000", accountLabel: "Clients",
      thirdParty: "C0002", thirdPartyName: "Client", reference: "F1", label: "Facture 1", debit: "4107.32", credit: "0.00",
      lettering: "", analytic: "P1", dueDate: "2025-04-18", currency: "USD", currencyAmount: "-4500.10",
    });
    // The columns come from the page, not from their position here.
    const reversed = [...COLUMNS].reverse();
    const [same] = pageItems({ columns: reversed, rows: [row(2, "C0002").reverse()], refused: [] });
    expect(same).toEqual(item);
    expect(pageItems({ columns: COLUMNS, rows: [row(3)], refused: [] })[0]).toMatchObject({
      thirdParty: null, thirdPartyName: null, analytic: "", dueDate: null, currency: "", currencyAmount: null,
    });
  });

  it("puts the refused lines in file order among the staged ones", () => {
    const items = pageItems({
      columns: COLUMNS,
      rows: [row(2), row(3), row(7)],
      refused: [
        { line: 4, text: "VT\tVentes", errors: [{ code: "WRONG_FIELD_COUNT" }] },
        { line: 5, text: null, errors: [] },
        { line: 9, text: null, errors: [{ code: "NO_OPEN_FISCAL_YEAR" }] },
      ],
    });
    expect(items.map((i) => [i.line, i.kind])).toEqual([
      [2, "line"], [3, "line"], [4, "refused"], [5, "refused"], [7, "line"], [9, "refused"],
    ]);
    expect(items[2]).toEqual({ kind: "refused", line: 4, text: "VT\tVentes", codes: ["WRONG_FIELD_COUNT"] });
  });

  it("refuses a page whose rows or columns are not what the grid reads", () => {
    expect(() => pageItems({ columns: COLUMNS.slice(1), rows: [], refused: [] })).toThrow(/column line/);
    expect(() => pageItems({ columns: COLUMNS, rows: "nope", refused: [] })).toThrow();
    expect(() => pageItems({ columns: COLUMNS, rows: [{}], refused: [] })).toThrow();
  });
});

describe("refusedText (what a refused line's row says)", () => {
  const refused = (codes: string[]): GridRefused => ({ kind: "refused", line: 4, text: null, codes });

  it("words the errors in the user's language", () => {
    expect(refusedText(fr, refused(["WRONG_FIELD_COUNT"]))).toBe("Rejetée : Nombre de champs incorrect");
    expect(refusedText(en, refused(["WRONG_FIELD_COUNT", "NO_OPEN_FISCAL_YEAR"]))).toBe(
      "Refused: Wrong number of fields · No open fiscal year",
    );
  });

  it("shows a code the app does not know, and a line refused with its entry", () => {
    expect(refusedText(en, refused(["SOMETHING_NEW"]))).toBe("Refused: SOMETHING_NEW");
    expect(refusedText(fr, refused([]))).toBe("Rejetée avec son écriture");
    expect(refusedText(en, refused([]))).toBe("Refused with its entry");
  });
});
