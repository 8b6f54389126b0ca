import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages";
import { layoutProblems } from "./problems";
import { DATE_FORMATS, FIELDS, dateFormatFromText, dateFormatText, defaultForm, fromDefinition, sectionProblems, toDefinition, type Field, type LayoutForm } from "./definition";

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
  const { fr, en } = MESSAGES;
  const bad = (field: string, message: string, params: Record<string, unknown>) => ({ code: "BAD_LAYOUT", message, field, params });
  // As the server sends them (imports/layouts.py parse_layout).
  const lacking = [
    bad("definition.columns", "columns: the 'date' column is required", { reason: "COLUMN_REQUIRED", column: "date" }),
    bad("definition.journal", "journal: map a 'journal' column…", { reason: "NO_JOURNAL" }),
    bad("definition.amountMode", "amountMode: 'debitCredit' needs the 'debit' column", { reason: "MODE_NEEDS_COLUMN", mode: "debitCredit", column: "debit" }),
    bad("definition.groupBy", "groupBy: 'pieceRef' is not a mapped column", { reason: "GROUP_KEY_NOT_MAPPED", column: "pieceRef" }),
  ];

  it("says each problem in the user's language, with the option and the column it names", () => {
    expect(layoutProblems(fr, lacking)).toEqual([
      { option: "columns", field: "date", text: "colonne obligatoire" },
      { option: "journal", field: null, text: "indiquez la colonne du code journal, un journal fixe, ou le type du journal par défaut du dossier" },
      { option: "amountMode", field: "debit", text: "« Deux colonnes : débit et crédit » a besoin de la colonne Débit" },
      { option: "groupBy", field: null, text: "la colonne Référence de pièce n'est pas indiquée dans le fichier" },
    ]);
    expect(layoutProblems(en, lacking).map((p) => p.text)[2]).toBe("“Two columns: debit and credit” needs the Debit column");
  });

  it("says refused values by their kind of error, and gives each section its own", () => {
    const problems = layoutProblems(fr, [
      bad("definition.skipLines", "skipLines: Input should be greater than or equal to 0", { reason: "INVALID_OPTION", error: "greater_than_equal", ge: 0 }),
      bad("definition.columns.date", "columns.date: Input should be greater than or equal to 1", { reason: "INVALID_OPTION", error: "greater_than_equal", ge: 1 }),
      bad("definition.separator", "separator: must be one character", { reason: "INVALID_OPTION", error: "separator" }),
      bad("definition.journalKind", "journalKind: Input should be 'sales', …", { reason: "INVALID_OPTION", error: "literal_error", expected: "'sales' or 'bank'" }),
      bad("definition.signCodes", "signCodes: something new", { reason: "INVALID_OPTION", error: "a_new_kind" }),
    ]);
    expect(problems.map((p) => [p.option, p.field, p.text])).toEqual([
      ["skipLines", null, "au moins 0"],
      ["columns", "date", "au moins 1"],
      ["separator", null, "un seul caractère (tabulation comprise), ni guillemet ni saut de ligne"],
      ["journalKind", null, "valeur non valable (valeurs possibles : 'sales' or 'bank')"],
      ["signCodes", null, "valeur non valable"],
    ]);
    expect(sectionProblems(problems, "file").map((p) => p.option)).toEqual(["skipLines", "separator"]);
    expect(sectionProblems(problems, "columns")).toEqual([]); // the date column's problem shows at its input
    expect(sectionProblems(problems, "journal").map((p) => p.option)).toEqual(["journalKind"]);
    expect(sectionProblems(layoutProblems(fr, lacking), "grouping").map((p) => p.option)).toEqual(["groupBy"]);
  });

  it("keeps an older server's English message when it gives no reason, and has a text for every reason", () => {
    expect(layoutProblems(fr, [{ code: "BAD_LAYOUT", message: "quote: something", field: "definition.quote" }])).toEqual([
      { option: "quote", field: null, text: "something" },
    ]);
    expect(Object.keys(fr.lay.problem).sort()).toEqual(Object.keys(en.lay.problem).sort());
    expect(Object.keys(fr.lay.invalid).sort()).toEqual(Object.keys(en.lay.invalid).sort());
  });
});

describe("date formats in the user's words", () => {
  const FR = { d: "JJ", m: "MM", Y: "AAAA", y: "AA" };
  const EN = { d: "DD", m: "MM", Y: "YYYY", y: "YY" };

  it("shows strftime as JJ/MM/AAAA or DD/MM/YYYY and reads it back, for every format offered", () => {
    expect(dateFormatText("%d/%m/%Y", FR)).toBe("JJ/MM/AAAA");
    expect(dateFormatText("%Y-%m-%d", EN)).toBe("YYYY-MM-DD");
    for (const f of DATE_FORMATS) {
      expect(dateFormatFromText(dateFormatText(f, FR))).toBe(f);
      expect(dateFormatFromText(dateFormatText(f, EN))).toBe(f);
    }
  });

  it("reads what people type: either language, any case, separators literal, strftime kept", () => {
    expect(dateFormatFromText("jj.mm.aa")).toBe("%d.%m.%y");
    expect(dateFormatFromText("DDMMYYYY")).toBe("%d%m%Y");
    expect(dateFormatFromText("%d/%m/%Y")).toBe("%d/%m/%Y");
    expect(dateFormatFromText("J")).toBe("J"); // half typed: shown back as typed
    expect(dateFormatText(dateFormatFromText("JJ/M"), FR)).toBe("JJ/M");
  });
});
