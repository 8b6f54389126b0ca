/**
 * The layout editor's model: what the form holds (text as typed, so nothing the user writes is lost), and
 * the layout definition the API takes (a JSON object, camelCase: backend/ecluse/formats/layout.py).
 *
 * `toDefinition` sends only what the chosen modes read: the debit/credit columns in "debitCredit" mode, the
 * amount and sign columns (with their codes) in "signColumn" mode, the VAT columns and accounts when the file
 * has VAT, and so on. A value hidden by a mode change is kept in the form (switching back restores it) but
 * never reaches the server, which would refuse a column its modes do not read. Everything else is sent as
 * typed; the server validates the definition and names each wrong option (problems.ts says each in the
 * user's language, shown beside the inputs).
 */

/** The fields a column can be mapped to, in the server's order (formats/layout.py FIELDS). */
export const FIELDS = [
  "company",
  "journal",
  "journalLabel",
  "date",
  "entryNumber",
  "pieceRef",
  "pieceDate",
  "account",
  "accountLabel",
  "kind",
  "thirdParty",
  "thirdPartyLabel",
  "customer",
  "supplier",
  "label",
  "debit",
  "credit",
  "amount",
  "sign",
  "vatAmount",
  "vatCode",
  "vatRate",
  "contraAccount",
  "analytic",
  "currency",
  "lettering",
  "dueDate",
  "invoiceRef",
] as const;
export type Field = (typeof FIELDS)[number];

export const KINDS = ["csv", "fixed"] as const;
export type Kind = (typeof KINDS)[number];
export const ENCODINGS = ["auto", "utf-8", "cp1252", "iso-8859-15"] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DECIMAL_SEPARATORS = [",", "."] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];
export const THOUSANDS_SEPARATORS = ["", " ", ".", ",", "'"] as const;
export type ThousandsSeparator = (typeof THOUSANDS_SEPARATORS)[number];
export const AMOUNT_MODES = ["debitCredit", "signed", "signColumn"] as const;
export type AmountMode = (typeof AMOUNT_MODES)[number];
export const ACCOUNT_MODES = ["twoColumns", "kindColumn", "ranges", "threeColumns"] as const;
export type AccountMode = (typeof ACCOUNT_MODES)[number];
export const GROUP_KEYS = ["journal", "date", "entryNumber", "pieceRef"] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];
export const CONTRA_MODES = ["none", "column", "fixed"] as const;
export type ContraMode = (typeof CONTRA_MODES)[number];
/** Where entries go: the journal the file names (or a fixed code when it names none), or the company's default
 * journal of a kind (`journalKind`: the server takes it only without a journal column or code). */
export const JOURNAL_MODES = ["code", "default"] as const;
export type JournalMode = (typeof JOURNAL_MODES)[number];
export const JOURNAL_KINDS = ["sales", "purchases", "bank", "cash", "general", "other"] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];
/** Separators offered in the list; any other single character can be typed ("other"). */
export const SEPARATORS = [";", ",", "\t", "|"] as const;
export const QUOTES = ['"', "'", ""] as const;
export const DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d%m%Y", "%d%m%y", "%Y-%m-%d", "%Y%m%d", "%d.%m.%Y", "%d-%m-%Y"] as const;

/** A date format's letters in the user's language: JJ/MM/AAAA in French, DD/MM/YYYY in English. The layout
 * keeps strftime's `%d/%m/%Y` (the server's form); people never see it. */
export interface DateTokens {
  d: string;
  m: string;
  Y: string;
  y: string;
}

/** "%d/%m/%Y" → "JJ/MM/AAAA" (with the French tokens). A directive without a token stays as it is. */
export function dateFormatText(format: string, tokens: DateTokens): string {
  return format.replace(/%([dmYy])/g, (_, k: keyof DateTokens) => tokens[k]);
}

/** What a person typed → strftime: the tokens of either language, in any case (« jj/mm/aaaa », « DD.MM.YY »);
 * anything else is literal. Inverse of dateFormatText for every format it writes. */
const TEXT_TOKENS: readonly [RegExp, string][] = [
  [/^(AAAA|YYYY)/i, "%Y"],
  [/^(AA|YY)/i, "%y"],
  [/^(JJ|DD)/i, "%d"],
  [/^MM/i, "%m"],
];

export function dateFormatFromText(text: string): string {
  let out = "";
  let rest = text;
  while (rest) {
    const hit = TEXT_TOKENS.find(([re]) => re.test(rest));
    if (hit) {
      out += hit[1];
      rest = rest.slice(rest.match(hit[0])![0].length);
    } else if (rest.startsWith("%")) {
      // A strftime directive typed as such (an older habit) is kept whole.
      out += rest.slice(0, 2);
      rest = rest.slice(2);
    } else {
      out += rest[0];
      rest = rest.slice(1);
    }
  }
  return out;
}

/** Columns read whatever the modes. */
export const GENERAL_FIELDS: readonly Field[] = [
  "date",
  "journal",
  "journalLabel",
  "entryNumber",
  "pieceRef",
  "pieceDate",
  "label",
  "account",
  "accountLabel",
  "thirdPartyLabel",
  "analytic",
  "currency",
  "lettering",
  "dueDate",
  "invoiceRef",
  "company",
];
export const AMOUNT_FIELDS: Record<AmountMode, readonly Field[]> = {
  debitCredit: ["debit", "credit"],
  signed: ["amount"],
  signColumn: ["amount", "sign"],
};
export const ACCOUNT_FIELDS: Record<AccountMode, readonly Field[]> = {
  twoColumns: ["thirdParty", "kind"],
  kindColumn: ["kind"],
  ranges: [],
  threeColumns: ["customer", "supplier"],
};
export const VAT_FIELDS: readonly Field[] = ["vatAmount", "vatRate", "vatCode"];

/** A column as typed: its number (CSV), or its start and length (fixed width), 1-based. */
export interface ColumnInput {
  column: string;
  start: string;
  length: string;
}

export interface VatRow {
  /** A VAT code ("N", "TVA20") or a rate ("20", "5,5"). */
  key: string;
  account: string;
}

export interface LayoutForm {
  kind: Kind;
  separator: string;
  quote: string;
  encoding: Encoding;
  decimalSeparator: DecimalSeparator;
  thousandsSeparator: ThousandsSeparator;
  dateFormat: string;
  skipLines: string;
  columns: Record<Field, ColumnInput>;
  amountMode: AmountMode;
  signDebit: string;
  signCredit: string;
  accountMode: AccountMode;
  kindGeneral: string;
  kindCustomer: string;
  kindSupplier: string;
  customerAccount: string;
  supplierAccount: string;
  journalMode: JournalMode;
  journal: string;
  journalLabel: string;
  /** The kind of the company's default journal, in "default" journal mode. */
  journalKind: JournalKind;
  /** The kinds of the journals the file names (code → kind): not edited here, kept as saved. */
  journalKinds: Record<string, JournalKind>;
  /** The file has VAT: its columns, fixed account and code/rate map are read. */
  vat: boolean;
  vatAccount: string;
  vatAccounts: VatRow[];
  contra: ContraMode;
  contraAccountFixed: string;
  groupBy: GroupKey[];
  thirdPartyStartsEntry: boolean;
}

export type FixedColumn = { start?: number | string; length?: number | string };
export type ColumnValue = number | string | FixedColumn;

/** The JSON the API takes (and returns, with every option filled in). */
export interface LayoutDefinition {
  kind: Kind;
  separator?: string;
  quote?: string;
  encoding: Encoding;
  decimalSeparator: DecimalSeparator;
  thousandsSeparator: ThousandsSeparator;
  dateFormat: string;
  skipLines?: number | string;
  columns: Partial<Record<Field, ColumnValue>>;
  amountMode: AmountMode;
  signCodes?: { debit: string; credit: string };
  accountMode: AccountMode;
  kindCodes?: { general: string; customer: string; supplier: string };
  customerAccount: string;
  supplierAccount: string;
  journal?: string;
  journalKind?: JournalKind;
  journalKinds?: Record<string, JournalKind>;
  journalLabel: string;
  vatAccount?: string;
  vatAccounts?: Record<string, string>;
  contraAccountFixed?: string;
  groupBy: GroupKey[];
  thirdPartyStartsEntry: boolean;
}

const emptyColumn = (): ColumnInput => ({ column: "", start: "", length: "" });

export function emptyColumns(): Record<Field, ColumnInput> {
  return Object.fromEntries(FIELDS.map((f) => [f, emptyColumn()])) as Record<Field, ColumnInput>;
}

/** A new layout: the server's defaults. */
export function defaultForm(): LayoutForm {
  return {
    kind: "csv",
    separator: ";",
    quote: '"',
    encoding: "auto",
    decimalSeparator: ",",
    thousandsSeparator: "",
    dateFormat: "%d/%m/%Y",
    skipLines: "1",
    columns: emptyColumns(),
    amountMode: "debitCredit",
    signDebit: "D",
    signCredit: "C",
    accountMode: "twoColumns",
    kindGeneral: "G",
    kindCustomer: "D",
    kindSupplier: "C",
    customerAccount: "411000",
    supplierAccount: "401000",
    journalMode: "code",
    journal: "",
    journalLabel: "",
    journalKind: "sales",
    journalKinds: {},
    vat: false,
    vatAccount: "",
    vatAccounts: [],
    contra: "none",
    contraAccountFixed: "",
    groupBy: [...GROUP_KEYS],
    thirdPartyStartsEntry: false,
  };
}

/** Whether a column is given in the form (for the kind of file being edited). */
export function isMapped(form: LayoutForm, field: Field): boolean {
  const c = form.columns[field];
  return form.kind === "csv" ? c.column.trim() !== "" : c.start.trim() !== "" || c.length.trim() !== "";
}

/** The columns the form's modes read (each shown in the editor), in the server's order. */
export function activeFields(form: LayoutForm): Field[] {
  const on = new Set<Field>([...GENERAL_FIELDS, ...AMOUNT_FIELDS[form.amountMode], ...ACCOUNT_FIELDS[form.accountMode]]);
  if (form.vat) VAT_FIELDS.forEach((f) => on.add(f));
  if (form.contra === "column") on.add("contraAccount");
  // A journal column would win over the default journal: none is read in that mode.
  if (form.journalMode === "default") ["journal", "journalLabel"].forEach((f) => on.delete(f as Field));
  return FIELDS.filter((f) => on.has(f));
}

/** Whether a column is given and its modes read it (what `toDefinition` sends). */
export function isRead(form: LayoutForm, field: Field): boolean {
  return isMapped(form, field) && activeFields(form).includes(field);
}

/** "12" → 12; anything else as typed (trimmed), for the server to name what is wrong. */
function integer(text: string): number | string {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : t;
}

function column(form: LayoutForm, field: Field): ColumnValue {
  const c = form.columns[field];
  if (form.kind === "csv") return integer(c.column);
  const fixed: FixedColumn = {};
  if (c.start.trim()) fixed.start = integer(c.start);
  if (c.length.trim()) fixed.length = integer(c.length);
  return fixed;
}

export function toDefinition(form: LayoutForm): LayoutDefinition {
  const columns: Partial<Record<Field, ColumnValue>> = {};
  for (const field of activeFields(form)) {
    if (isMapped(form, field)) columns[field] = column(form, field);
  }
  const mapped = (f: Field) => f in columns;
  const def: LayoutDefinition = {
    kind: form.kind,
    encoding: form.encoding,
    decimalSeparator: form.decimalSeparator,
    thousandsSeparator: form.thousandsSeparator,
    dateFormat: form.dateFormat,
    columns,
    amountMode: form.amountMode,
    accountMode: form.accountMode,
    customerAccount: form.customerAccount.trim(),
    supplierAccount: form.supplierAccount.trim(),
    journalLabel: form.journalMode === "code" ? form.journalLabel : "",
    groupBy: GROUP_KEYS.filter((k) => form.groupBy.includes(k) && mapped(k)),
    thirdPartyStartsEntry: form.thirdPartyStartsEntry,
  };
  if (form.kind === "csv") {
    def.separator = form.separator;
    def.quote = form.quote;
  }
  if (form.skipLines.trim()) def.skipLines = integer(form.skipLines);
  if (form.amountMode === "signColumn") def.signCodes = { debit: form.signDebit, credit: form.signCredit };
  if (form.accountMode === "kindColumn" || (form.accountMode === "twoColumns" && mapped("kind"))) {
    def.kindCodes = { general: form.kindGeneral, customer: form.kindCustomer, supplier: form.kindSupplier };
  }
  if (form.journalMode === "default") def.journalKind = form.journalKind;
  else if (form.journal.trim()) def.journal = form.journal.trim();
  if (Object.keys(form.journalKinds).length > 0) def.journalKinds = { ...form.journalKinds };
  if (form.vat) {
    if (form.vatAccount.trim()) def.vatAccount = form.vatAccount.trim();
    const accounts: Record<string, string> = {};
    for (const row of form.vatAccounts) {
      if (row.key.trim() || row.account.trim()) accounts[row.key.trim()] = row.account.trim();
    }
    def.vatAccounts = accounts;
  }
  if (form.contra === "fixed") def.contraAccountFixed = form.contraAccountFixed.trim();
  return def;
}

// --- reading a saved definition back into the form (tolerant: unknown or wrong values keep the default) ---

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
const num = (v: unknown): string => (typeof v === "number" || typeof v === "string" ? String(v) : "");
function oneOf<T extends string>(allowed: readonly T[], v: unknown, fallback: T): T {
  return typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function fromDefinition(definition: unknown): LayoutForm {
  const form = defaultForm();
  if (!isObject(definition)) return form;
  const d = definition;
  form.kind = oneOf(KINDS, d.kind, form.kind);
  form.separator = str(d.separator, form.separator);
  if (form.separator === "TAB" || form.separator === "tab" || form.separator === "\\t") form.separator = "\t";
  form.quote = str(d.quote, form.quote);
  form.encoding = oneOf(ENCODINGS, d.encoding, form.encoding);
  form.decimalSeparator = oneOf(DECIMAL_SEPARATORS, d.decimalSeparator, form.decimalSeparator);
  form.thousandsSeparator = oneOf(THOUSANDS_SEPARATORS, d.thousandsSeparator, form.thousandsSeparator);
  form.dateFormat = str(d.dateFormat, form.dateFormat);
  if (d.skipLines !== undefined) form.skipLines = num(d.skipLines);
  if (isObject(d.columns)) {
    for (const field of FIELDS) {
      const value = d.columns[field];
      if (isObject(value)) form.columns[field] = { column: "", start: num(value.start), length: num(value.length) };
      else if (value !== undefined && value !== null) form.columns[field] = { column: num(value), start: "", length: "" };
    }
  }
  form.amountMode = oneOf(AMOUNT_MODES, d.amountMode, form.amountMode);
  if (isObject(d.signCodes)) {
    form.signDebit = str(d.signCodes.debit, form.signDebit);
    form.signCredit = str(d.signCodes.credit, form.signCredit);
  }
  const kindMapped = isObject(d.columns) && d.columns.kind !== undefined;
  form.accountMode = oneOf(ACCOUNT_MODES, d.accountMode, kindMapped ? "kindColumn" : "twoColumns");
  if (isObject(d.kindCodes)) {
    form.kindGeneral = str(d.kindCodes.general, form.kindGeneral);
    form.kindCustomer = str(d.kindCodes.customer, form.kindCustomer);
    form.kindSupplier = str(d.kindCodes.supplier, form.kindSupplier);
  }
  form.customerAccount = str(d.customerAccount, form.customerAccount);
  form.supplierAccount = str(d.supplierAccount, form.supplierAccount);
  form.journal = str(d.journal, "");
  form.journalLabel = str(d.journalLabel, "");
  form.journalKind = oneOf(JOURNAL_KINDS, d.journalKind, form.journalKind);
  if (isObject(d.journalKinds)) {
    for (const [code, kind] of Object.entries(d.journalKinds)) {
      if ((JOURNAL_KINDS as readonly unknown[]).includes(kind)) form.journalKinds[code] = kind as JournalKind;
    }
  }
  // The default journal only where the server takes it: no journal column, no fixed code.
  const byKind = (JOURNAL_KINDS as readonly unknown[]).includes(d.journalKind) && !form.journal && !isMapped(form, "journal");
  form.journalMode = byKind ? "default" : "code";
  form.vatAccount = str(d.vatAccount, "");
  if (isObject(d.vatAccounts)) {
    form.vatAccounts = Object.entries(d.vatAccounts).map(([key, account]) => ({ key, account: str(account, "") }));
  }
  form.vat = VAT_FIELDS.some((f) => isMapped(form, f)) || form.vatAccount !== "" || form.vatAccounts.length > 0;
  if (typeof d.contraAccountFixed === "string") {
    form.contra = "fixed";
    form.contraAccountFixed = d.contraAccountFixed;
  } else if (isMapped(form, "contraAccount")) {
    form.contra = "column";
  }
  if (Array.isArray(d.groupBy)) form.groupBy = GROUP_KEYS.filter((k) => (d.groupBy as unknown[]).includes(k));
  form.thirdPartyStartsEntry = d.thirdPartyStartsEntry === true;
  return form;
}

// --- the server's refusal, read back per option ---

export interface Problem {
  /** The option named by the server: "separator", "columns", "amountMode", "vatAccounts"… */
  option: string;
  /** The column it is about, when it names one. */
  field: Field | null;
  /** Why, in the user's language. */
  text: string;
}

/** The editor's sections, and the options whose problems each shows. */
export const SECTION_OPTIONS = {
  file: ["kind", "separator", "quote", "encoding", "decimalSeparator", "thousandsSeparator", "dateFormat", "skipLines"],
  columns: ["columns"],
  amounts: ["amountMode", "signCodes"],
  accounts: ["accountMode", "kindCodes", "customerAccount", "supplierAccount"],
  journal: ["journal", "journalKind", "journalLabel"],
  vat: ["vatAccount", "vatAccounts"],
  contra: ["contraAccountFixed"],
  grouping: ["groupBy", "thirdPartyStartsEntry"],
} as const satisfies Record<string, readonly string[]>;
export type Section = keyof typeof SECTION_OPTIONS;

/** Problems of a section that are not about one column (those show at the column's input). */
export function sectionProblems(problems: readonly Problem[], section: Section): Problem[] {
  const options: readonly string[] = SECTION_OPTIONS[section];
  return problems.filter((p) => options.includes(p.option) && p.field === null);
}
