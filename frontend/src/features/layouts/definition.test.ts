import { describe, expect, it } from "vitest";
import { FIELDS, defaultForm, fromDefinition, layoutProblems, sectionProblems, toDefinition, type Field, type LayoutForm } from "./definition";

/** A form with columns given as numbers (CSV). */
function withColumns(form: LayoutForm, columns: Partial<Record<Field, number>>): LayoutForm {
  const next = { ...form, columns: { ...form.columns } };
  for (const [field, n] of Object.entries(columns)) next.columns[field as Field] = { column: String(n), start: "", length: "" };
  return next;
}

const BASIC = { journal: 1, date: 2, entryNumber: 3, account: 4, label: 5, debit: 6, credit: 7 } as const;

/** What the server stores for BASIC (every option with its value), as `ImportLayout.definition` returns it. */
const STORED = {
  kind: "csv",
  separator: ";",
  quote: '"',
  encoding: "auto",
  decimalSeparator: ",",
  thousandsSeparator: "",
  dateFormat: "%d/%m/%Y",
  skipLines: 1,
  columns: { journal: 1, date: 2, entryNumber: 3, account: 4, label: 5, debit: 6, credit: 7 },
  amountMode: "debitCredit",
  signCodes: { debit: "D", credit: "C" },
  accountMode: "twoColumns",
  kindCodes: { general: "G", customer: "D", supplier: "C" },
  customerAccount: "411000",
  supplierAccount: "401000",
  journal: null,
  journalKind: null,
  journalLabel: "",
  vatAccount: null,
  vatAccounts: {},
  contraAccountFixed: null,
  groupBy: ["journal", "date", "entryNumber"],
  thirdPartyStartsEntry: false,
};

describe("toDefinition", () => {
  it("sends the server's defaults for a new layout", () => {
    expect(toDefinition(defaultForm())).toEqual({
      kind: "csv",
      separator: ";",
      quote: '"',
      encoding: "auto",
      decimalSeparator: ",",
      thousandsSeparator: "",
      dateFormat: "%d/%m/%Y",
      skipLines: 1,
      columns: {},
      amountMode: "debitCredit",
      accountMode: "twoColumns",
      customerAccount: "411000",
      supplierAccount: "401000",
      journalLabel: "",
      groupBy: [],
      thirdPartyStartsEntry: false,
    });
  });

  it("maps every file option as typed", () => {
    const form: LayoutForm = {
      ...withColumns(defaultForm(), BASIC),
      separator: "\t",
      quote: "",
      encoding: "cp1252",
      decimalSeparator: ".",
      thousandsSeparator: " ",
      dateFormat: "%Y-%m-%d",
      skipLines: " 3 ",
    };
    const def = toDefinition(form);
    expect(def).toMatchObject({
      kind: "csv",
      separator: "\t",
      quote: "",
      encoding: "cp1252",
      decimalSeparator: ".",
      thousandsSeparator: " ",
      dateFormat: "%Y-%m-%d",
      skipLines: 3,
    });
    expect(def.columns).toEqual(BASIC);
  });

  it("leaves out an empty header count, and sends a wrong one as typed for the server to name", () => {
    expect(toDefinition({ ...defaultForm(), skipLines: "" })).not.toHaveProperty("skipLines");
    expect(toDefinition({ ...defaultForm(), skipLines: "0" }).skipLines).toBe(0);
    expect(toDefinition({ ...defaultForm(), skipLines: "-1" }).skipLines).toBe("-1");
    expect(toDefinition(withColumns(defaultForm(), { date: 0 })).columns).toEqual({ date: 0 });
    const typed = defaultForm();
    typed.columns = { ...typed.columns, date: { column: "2b", start: "", length: "" } };
    expect(toDefinition(typed).columns).toEqual({ date: "2b" });
  });

  it("maps fixed-width columns to start and length, without separator or quote", () => {
    const form = { ...defaultForm(), kind: "fixed" as const };
    form.columns = { ...form.columns, date: { column: "9", start: "1", length: "8" }, account: { column: "", start: "9", length: "" } };
    const def = toDefinition(form);
    expect(def.kind).toBe("fixed");
    expect(def).not.toHaveProperty("separator");
    expect(def).not.toHaveProperty("quote");
    expect(def.columns).toEqual({ date: { start: 1, length: 8 }, account: { start: 9 } });
  });

  it("reads the amount columns of the chosen amount mode only, with the sign codes in signColumn mode", () => {
    const form = withColumns(defaultForm(), { date: 1, account: 2, debit: 3, credit: 4, amount: 5, sign: 6 });
    expect(toDefinition(form).columns).toEqual({ date: 1, account: 2, debit: 3, credit: 4 });
    expect(toDefinition(form)).not.toHaveProperty("signCodes");

    const signed = toDefinition({ ...form, amountMode: "signed" });
    expect(signed.amountMode).toBe("signed");
    expect(signed.columns).toEqual({ date: 1, account: 2, amount: 5 });
    expect(signed).not.toHaveProperty("signCodes");

    const sign = toDefinition({ ...form, amountMode: "signColumn", signDebit: "+", signCredit: "-" });
    expect(sign.amountMode).toBe("signColumn");
    expect(sign.columns).toEqual({ date: 1, account: 2, amount: 5, sign: 6 });
    expect(sign.signCodes).toEqual({ debit: "+", credit: "-" });
  });

  it("reads the account columns of the chosen account mode, with the kind codes when a kind column is read", () => {
    const all = withColumns(defaultForm(), { date: 1, account: 2, kind: 3, thirdParty: 4, customer: 5, supplier: 6, thirdPartyLabel: 7, accountLabel: 8 });
    const codes = { kindGeneral: "GEN", kindCustomer: "CLI", kindSupplier: "FOU", customerAccount: " 411100 ", supplierAccount: "401100" };

    const kindColumn = toDefinition({ ...all, ...codes, accountMode: "kindColumn" });
    expect(kindColumn.accountMode).toBe("kindColumn");
    expect(kindColumn.columns).toEqual({ date: 1, account: 2, accountLabel: 8, kind: 3, thirdPartyLabel: 7 });
    expect(kindColumn.kindCodes).toEqual({ general: "GEN", customer: "CLI", supplier: "FOU" });
    expect(kindColumn.customerAccount).toBe("411100");
    expect(kindColumn.supplierAccount).toBe("401100");

    const two = toDefinition({ ...all, ...codes, accountMode: "twoColumns" });
    expect(two.columns).toEqual({ date: 1, account: 2, accountLabel: 8, kind: 3, thirdParty: 4, thirdPartyLabel: 7 });
    expect(two.kindCodes).toEqual({ general: "GEN", customer: "CLI", supplier: "FOU" });
    const twoWithoutKind = { ...all, accountMode: "twoColumns" as const, columns: { ...all.columns, kind: { column: "", start: "", length: "" } } };
    expect(toDefinition(twoWithoutKind)).not.toHaveProperty("kindCodes");

    const ranges = toDefinition({ ...all, ...codes, accountMode: "ranges" });
    expect(ranges.columns).toEqual({ date: 1, account: 2, accountLabel: 8, thirdPartyLabel: 7 });
    expect(ranges).not.toHaveProperty("kindCodes");

    const three = toDefinition({ ...all, ...codes, accountMode: "threeColumns" });
    expect(three.columns).toEqual({ date: 1, account: 2, accountLabel: 8, thirdPartyLabel: 7, customer: 5, supplier: 6 });
    expect(three).not.toHaveProperty("kindCodes");
  });

  it("sends a fixed journal trimmed, and its label", () => {
    expect(toDefinition({ ...defaultForm(), journal: "  OD " , journalLabel: "Opérations diverses" })).toMatchObject({ journal: "OD", journalLabel: "Opérations diverses" });
    expect(toDefinition({ ...defaultForm(), journal: "  " })).not.toHaveProperty("journal");
  });

  it("sends the kind of the company's default journal alone: no journal column, code or label, which would win", () => {
    const form: LayoutForm = { ...withColumns(defaultForm(), { date: 1, account: 2, journal: 3, journalLabel: 4 }), journal: "OD", journalLabel: "Divers" };
    expect(toDefinition(form)).not.toHaveProperty("journalKind");
    const def = toDefinition({ ...form, journalMode: "default", journalKind: "bank" });
    expect(def).toMatchObject({ journalKind: "bank", journalLabel: "", columns: { date: 1, account: 2 }, groupBy: ["date"] });
    expect(def).not.toHaveProperty("journal");
    expect(def.columns).not.toHaveProperty("journal");
    expect(def.columns).not.toHaveProperty("journalLabel");
  });

  it("reads VAT only when the file has VAT: its columns, fixed account and code/rate map", () => {
    const form: LayoutForm = {
      ...withColumns(defaultForm(), { date: 1, account: 2, vatAmount: 9, vatRate: 10, vatCode: 11 }),
      vatAccount: " 445710 ",
      vatAccounts: [
        { key: " N ", account: "445711" },
        { key: "5,5", account: " 445712" },
        { key: "", account: "" },
      ],
    };
    const off = toDefinition(form);
    expect(off.columns).toEqual({ date: 1, account: 2 });
    expect(off).not.toHaveProperty("vatAccount");
    expect(off).not.toHaveProperty("vatAccounts");

    const on = toDefinition({ ...form, vat: true });
    expect(on.columns).toEqual({ date: 1, account: 2, vatAmount: 9, vatCode: 11, vatRate: 10 });
    expect(on.vatAccount).toBe("445710");
    expect(on.vatAccounts).toEqual({ N: "445711", "5,5": "445712" });
    expect(toDefinition({ ...form, vat: true, vatAccount: "" })).not.toHaveProperty("vatAccount");
  });

  it("takes the contra account from a column or a fixed account, never both", () => {
    const form = { ...withColumns(defaultForm(), { date: 1, account: 2, contraAccount: 12 }), contraAccountFixed: " 512000 " };
    expect(toDefinition(form).columns).not.toHaveProperty("contraAccount");
    expect(toDefinition(form)).not.toHaveProperty("contraAccountFixed");
    const column = toDefinition({ ...form, contra: "column" });
    expect(column.columns.contraAccount).toBe(12);
    expect(column).not.toHaveProperty("contraAccountFixed");
    const fixed = toDefinition({ ...form, contra: "fixed" });
    expect(fixed.columns).not.toHaveProperty("contraAccount");
    expect(fixed.contraAccountFixed).toBe("512000");
  });

  it("groups by the checked keys that are mapped, in the server's order, and says whether a third party starts an entry", () => {
    const form = withColumns(defaultForm(), { date: 1, account: 2, pieceRef: 3, journal: 4 });
    expect(toDefinition(form).groupBy).toEqual(["journal", "date", "pieceRef"]);
    const chosen = toDefinition({ ...form, groupBy: ["pieceRef", "date", "entryNumber"], thirdPartyStartsEntry: true });
    expect(chosen.groupBy).toEqual(["date", "pieceRef"]);
    expect(chosen.thirdPartyStartsEntry).toBe(true);
  });

  it("maps each of the 27 fields to its column", () => {
    const form = { ...defaultForm(), vat: true, contra: "column" as const };
    FIELDS.forEach((f, i) => (form.columns[f] = { column: String(i + 1), start: "", length: "" }));
    const seen = new Set<string>();
    for (const amountMode of ["debitCredit", "signed", "signColumn"] as const) {
      for (const accountMode of ["twoColumns", "kindColumn", "ranges", "threeColumns"] as const) {
        const def = toDefinition({ ...form, amountMode, accountMode });
        for (const [field, column] of Object.entries(def.columns)) {
          expect(column).toBe(FIELDS.indexOf(field as Field) + 1);
          seen.add(field);
        }
      }
    }
    expect([...seen].sort()).toEqual([...FIELDS].sort());
  });
});

describe("fromDefinition", () => {
  it("reads a stored definition back into the form, and sends it again unchanged", () => {
    const form = fromDefinition(STORED);
    expect(form.columns.date.column).toBe("2");
    expect(form.skipLines).toBe("1");
    expect(form.vat).toBe(false);
    expect(form.contra).toBe("none");
    // Sent back without the options its modes do not read, nor the empty ones (the server fills them in).
    const left = new Set(["journal", "journalKind", "vatAccount", "vatAccounts", "contraAccountFixed", "signCodes", "kindCodes"]);
    const sent = Object.fromEntries(Object.entries(STORED).filter(([option]) => !left.has(option)));
    expect(toDefinition(form)).toEqual(sent);
  });

  it("restores fixed-width positions, modes, codes, VAT, contra and grouping", () => {
    const stored = {
      ...STORED,
      kind: "fixed",
      separator: ";",
      columns: { date: { start: 1, length: 8 }, account: { start: 9, length: 6 }, amount: { start: 15, length: 12 }, sign: { start: 27, length: 1 }, kind: { start: 28, length: 1 }, vatRate: { start: 29, length: 5 } },
      amountMode: "signColumn",
      signCodes: { debit: "+", credit: "-" },
      accountMode: "kindColumn",
      kindCodes: { general: "X", customer: "Y", supplier: "Z" },
      journal: "VT",
      journalLabel: "Ventes",
      vatAccount: "445710",
      vatAccounts: { "20": "445720" },
      contraAccountFixed: "512000",
      groupBy: ["date"],
      thirdPartyStartsEntry: true,
    };
    const form = fromDefinition(stored);
    expect(form.kind).toBe("fixed");
    expect(form.columns.amount).toEqual({ column: "", start: "15", length: "12" });
    expect(form).toMatchObject({
      amountMode: "signColumn",
      signDebit: "+",
      signCredit: "-",
      accountMode: "kindColumn",
      kindGeneral: "X",
      journal: "VT",
      journalLabel: "Ventes",
      vat: true,
      vatAccount: "445710",
      vatAccounts: [{ key: "20", account: "445720" }],
      contra: "fixed",
      contraAccountFixed: "512000",
      groupBy: ["date"],
      thirdPartyStartsEntry: true,
    });
    const again = toDefinition(form);
    expect(again.columns).toEqual(stored.columns);
    expect(again).toMatchObject({ signCodes: stored.signCodes, kindCodes: stored.kindCodes, contraAccountFixed: "512000", vatAccounts: { "20": "445720" } });
  });

  it("reads the default journal's kind back where the server takes it: no journal column nor code", () => {
    const byKind = fromDefinition({ ...STORED, columns: { date: 1, account: 2 }, journalKind: "purchases" });
    expect(byKind).toMatchObject({ journalMode: "default", journalKind: "purchases" });
    expect(toDefinition(byKind).journalKind).toBe("purchases");
    expect(fromDefinition({ ...STORED, journalKind: "purchases" }).journalMode).toBe("code"); // a journal column
    expect(fromDefinition({ ...STORED, columns: { date: 1 }, journal: "AC", journalKind: "purchases" }).journalMode).toBe("code");
    expect(fromDefinition({ ...STORED, columns: { date: 1 }, journalKind: "payroll" })).toMatchObject({ journalMode: "code", journalKind: "sales" });
  });

  it("keeps the journals' kinds the layout was saved with (not edited here), and drops a kind it does not know", () => {
    const form = fromDefinition({ ...STORED, journalKinds: { VK: "sales", IK: "purchases", X: "payroll" } });
    expect(toDefinition(form).journalKinds).toEqual({ VK: "sales", IK: "purchases" });
    expect(toDefinition(fromDefinition(STORED)).journalKinds).toBeUndefined();
  });

  it("keeps the defaults for what it cannot read", () => {
    expect(fromDefinition(null)).toEqual(defaultForm());
    const form = fromDefinition({ kind: "xml", encoding: "ebcdic", columns: { nope: 3, date: "4" }, separator: "TAB" });
    expect(form.kind).toBe("csv");
    expect(form.encoding).toBe("auto");
    expect(form.separator).toBe("\t");
    expect(form.columns.date.column).toBe("4");
  });
});

describe("layoutProblems", () => {
  const message =
    "The layout is not usable: definition: columns: the 'date' column is required; columns: the 'account' column is required; " +
    "journal: map a 'journal' column, give a fixed journal code or the kind of the company's default journal to use (journalKind); amountMode: 'debitCredit' needs the 'debit' column; " +
    "groupBy: 'pieceRef' is not a mapped column";

  it("reads each problem with the option and the column it names", () => {
    expect(layoutProblems(message)).toEqual([
      { option: "columns", field: "date", text: "the 'date' column is required" },
      { option: "columns", field: "account", text: "the 'account' column is required" },
      {
        option: "journal",
        field: null,
        text: "map a 'journal' column, give a fixed journal code or the kind of the company's default journal to use (journalKind)",
      },
      { option: "amountMode", field: "debit", text: "'debitCredit' needs the 'debit' column" },
      { option: "groupBy", field: null, text: "'pieceRef' is not a mapped column" },
    ]);
  });

  it("reads field errors with a path, and gives each section its own", () => {
    const problems = layoutProblems(
      "The layout is not usable: skipLines: Input should be greater than or equal to 0; columns.date.int: Input should be greater than or equal to 1; separator: must be one character (\\t for TAB), not a quote or a line break",
    );
    expect(problems.map((p) => [p.option, p.field])).toEqual([
      ["skipLines", null],
      ["columns", "date"],
      ["separator", null],
    ]);
    expect(sectionProblems(problems, "file").map((p) => p.option)).toEqual(["skipLines", "separator"]);
    expect(sectionProblems(problems, "columns")).toEqual([]); // the date column's problem shows at its input
    expect(sectionProblems(layoutProblems(message), "grouping").map((p) => p.text)).toEqual(["'pieceRef' is not a mapped column"]);
    const kind = layoutProblems("The layout is not usable: journalKind: Input should be 'sales', 'purchases', 'bank', 'cash', 'general' or 'other'");
    expect(sectionProblems(kind, "journal").map((p) => p.option)).toEqual(["journalKind"]);
  });
});
