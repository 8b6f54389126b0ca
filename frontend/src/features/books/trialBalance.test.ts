import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages";
import { classOf, csvAmount, groupByClass, totalsOf, trialBalanceCsv } from "./trialBalance";

const LINES = [
  { account: "706000", accountLabel: "Prestations de services", debit: "0.00", credit: "1000.10", balance: "-1000.10" },
  { account: "411000", accountLabel: "Clients", debit: "1200.12", credit: "0.00", balance: "1200.12" },
  { account: "445710", accountLabel: "TVA collectée", debit: "0.00", credit: "200.02", balance: "-200.02" },
  { account: "401000", accountLabel: "Fournisseurs; divers", debit: "0.10", credit: "0.20", balance: "-0.10" },
  { account: "606300", accountLabel: "Fournitures", debit: "0.10", credit: "0.00", balance: "0.10" },
  { account: "9000", accountLabel: "Hors plan", debit: "0.00", credit: "0.00", balance: "0.00" },
];

describe("the trial balance by class", () => {
  it("groups accounts by their first digit, 1 to 7, the rest as other", () => {
    expect(classOf("411000")).toBe("4");
    expect(classOf("7")).toBe("7");
    expect(classOf("8000")).toBe("other");
    expect(classOf("0100")).toBe("other");
    expect(classOf("C0001")).toBe("other");
    const groups = groupByClass(LINES);
    expect(groups.map((g) => g.key)).toEqual(["4", "6", "7", "other"]);
    expect(groups[0]!.lines.map((l) => l.account)).toEqual(["401000", "411000", "445710"]);
  });

  it("sums exactly, without floating point", () => {
    const groups = groupByClass(LINES);
    // 0.10 + 1200.12 + 0.00 = 1200.22 ; 0.20 + 0.00 + 200.02 = 200.22 ; −0.10 + 1200.12 − 200.02 = 1000.00
    expect(groups[0]).toMatchObject({ debit: "1200.22", credit: "200.22", balance: "1000.00" });
    expect(totalsOf([{ debit: "0.1", credit: "0.2", balance: "-0.1" }, { debit: "0.2", credit: "0.1", balance: "0.1" }])).toEqual({
      debit: "0.3",
      credit: "0.3",
      balance: "0.0",
    });
    expect(totalsOf(groups)).toEqual({ debit: "1200.32", credit: "1200.32", balance: "0.00" });
  });

  it("writes a CSV with the locale's decimal mark and exact amounts", () => {
    expect(csvAmount("-1000.10", "fr-FR")).toBe("-1000,10");
    expect(csvAmount("1234567.89", "en-GB")).toBe("1234567.89");
    const fr = trialBalanceCsv(MESSAGES.fr, "fr-FR", groupByClass(LINES)).split("\r\n");
    expect(fr[0]).toBe("Compte;Libellé;Débit;Crédit;Solde");
    expect(fr[1]).toBe('401000;"Fournisseurs; divers";0,10;0,20;-0,10');
    expect(fr[2]).toBe("411000;Clients;1200,12;0,00;1200,12");
    expect(fr[4]).toBe("Total classe 4;;1200,22;200,22;1000,00");
    expect(fr).toContain("Total des autres comptes;;0,00;0,00;0,00");
    expect(fr.at(-2)).toBe("Total général;;1200,32;1200,32;0,00");
    expect(fr.at(-1)).toBe("");
    const en = trialBalanceCsv(MESSAGES.en, "en-GB", groupByClass(LINES)).split("\r\n");
    expect(en[0]).toBe("Account;Label;Debit;Credit;Balance");
    expect(en.at(-2)).toBe("Grand total;;1200.32;1200.32;0.00");
  });
});
