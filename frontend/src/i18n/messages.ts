/**
 * The app's words, French first (the product's language) and English. `Messages` is the type of the French
 * dictionary: the English one must have every key, and the enum label maps are exhaustive over the
 * generated GraphQL enums (a new status in schema.graphql fails the type check until it has a label).
 */
import type { ImportFormat, ImportOrigin, ImportStatus, Role } from "../gql/graphql";
import { count, formatCount } from "./count";

/** What became of a batch's staged lines, for the totals bar: still staged, posted, or deleted (a rejected import). */
export type LinesState = "staged" | "posted" | "deleted";

// Names that a page shows and that error texts (issueText) say too: one list per language.
const JOURNAL_KIND_FR: Record<string, string> = { "": "Non précisé", sales: "Ventes", purchases: "Achats", bank: "Banque", cash: "Caisse", general: "Opérations diverses", other: "Autre" };
const JOURNAL_KIND_EN: Record<string, string> = { "": "Not given", sales: "Sales", purchases: "Purchases", bank: "Bank", cash: "Cash", general: "General", other: "Other" };
const RANGE_KIND_FR: Record<string, string> = { G: "Général", D: "Client", C: "Fournisseur" };
const RANGE_KIND_EN: Record<string, string> = { G: "General", D: "Customer", C: "Supplier" };

/** An account range named by an error's params (`from`, `to`, `kind`, after `prefix`): "411000–411999 (client)". */
function rangeOf(p: IssueParams, kinds: Record<string, string>, prefix = ""): string {
  const kind = p.text(`${prefix}kind`);
  return `${p.text(`${prefix}from`)}–${p.text(`${prefix}to`)} (${(kinds[kind] ?? kind).toLowerCase()})`;
}

/** What a notification speaks of, as of the change: each may be missing on notifications older than their params. */
export interface NoteWords {
  name: string | null;
  /** The dossier's name. */
  company: string | null;
  /** Staged and refused entries, and the same in the user's number format. */
  entries: number | null;
  rejected: number | null;
  entriesText: string;
  rejectedText: string;
  /** Why a file could not be read, already in the user's language. */
  reason: string | null;
}

const frFile = (w: NoteWords, none: string) => (w.name ? `« ${w.name} »` : none) + (w.company ? ` (${w.company})` : "");
const frEntries = (n: number, text: string) => (n === 1 ? "1 écriture" : `${text} écritures`);
const enFile = (w: NoteWords, none: string) => (w.name ? `“${w.name}”` : none) + (w.company ? ` (${w.company})` : "");
const enEntries = (n: number, text: string) => (n === 1 ? "1 entry" : `${text} entries`);

// --- The words of parse errors and findings (issueText): what their params hold, said in each language ---

/** French and English plural forms: French takes the singular for 0 and 1, English for 1 only. */
const frPlural = (n: number, one: string, other: string) => (n < 2 ? one : other);
const enPlural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** A date form written with English or French letters, in the language's own: YYYYMMDD → AAAAMMJJ (fr),
 * JJMMAAAA → DDMMYYYY (en). Other text is left as it is. */
const DATE_FORM = /\b(?:YYYY|AAAA|YY|AA|MM|DD|JJ)(?:[-/. ]?(?:YYYY|AAAA|YY|AA|MM|DD|JJ))+\b/g;
const frDateForm = (text: string) => text.replace(DATE_FORM, (m) => m.replace(/Y/g, "A").replace(/D/g, "J"));
const enDateForm = (text: string) => text.replace(DATE_FORM, (m) => m.replace(/A/g, "Y").replace(/J/g, "D"));

/** The format a reader names (`format`, `kind`: FEC, TRA, Custom-layout, JSON) as a phrase after « fichier ». */
const frFormat = (format: string) => (format === "Custom-layout" ? "au format personnalisé" : format);
const enFormat = (format: string) => (format === "Custom-layout" ? "custom-layout" : format);
/** The encodings a text file may be in, as a reader says them (`format`). */
const frCharsets = (format: string) =>
  format === "JSON" ? "les documents JSON doivent être en UTF-8" : `les fichiers ${frFormat(format)} doivent être en UTF-8, ISO-8859-15, Windows-1252 ou ASCII`;
const enCharsets = (format: string) =>
  format === "JSON" ? "JSON documents must be UTF-8" : `${enFormat(format)} files must be UTF-8, ISO-8859-15, Windows-1252 or ASCII text`;

/** A separator named: TAB, space, or the character in quotes. */
const frSeparator = (s: string) => (s === "\t" ? "tabulation" : s === " " ? "espace" : `« ${s} »`);
const enSeparator = (s: string) => (s === "\t" ? "TAB" : s === " " ? "space" : `'${s}'`);

/** A signed amount (debit positive) as a side: "90,00 D" / "90,00 C". */
function sideOf(p: IssueParams, name: string): string {
  const amount = p.amount(name);
  return amount.startsWith("-") ? `${amount.slice(1)} C` : `${amount} D`;
}

/** Why a date was not read (`reason` of BAD_DATE: formats/dates.py), and what the line is imported without. */
const DROPPED_FR: Record<string, string> = { "due date": "sa date d'échéance" };
function frDateReason(p: IssueParams): string {
  const reason = p.has("reason") ? p.text("reason") : "form";
  const why =
    reason === "month"
      ? `n'est pas une date valide (mois ${p.text("month")})`
      : reason === "day"
        ? `n'est pas une date valide (pas de jour ${p.text("day")} en ${p.month("month")})`
        : reason === "year"
          ? `n'est pas une date valide (année ${p.text("year")})`
          : reason === "range"
            ? "est hors des années 1900 à 2099"
            : `n'est pas une date de la forme ${frDateForm(p.text("expected"))}` + (p.has("hint") && p.text("hint") ? ` : écrivez ${frDateForm(p.text("hint"))}` : "");
  const dropped = p.has("dropped") ? p.text("dropped") : "";
  return why + (dropped ? ` (la ligne est importée sans ${DROPPED_FR[dropped] ?? p.unsaid()})` : "");
}
function enDateReason(p: IssueParams): string {
  const reason = p.has("reason") ? p.text("reason") : "form";
  const why =
    reason === "month"
      ? `is not a valid date (month ${p.text("month")})`
      : reason === "day"
        ? `is not a valid date (day ${p.text("day")} of ${p.month("month")})`
        : reason === "year"
          ? `is not a valid date (year ${p.text("year")})`
          : reason === "range"
            ? "is outside 1900-2099"
            : `is not a date in the ${enDateForm(p.text("expected"))} form` + (p.has("hint") && p.text("hint") ? `: write ${enDateForm(p.text("hint"))}` : "");
  const dropped = p.has("dropped") ? p.text("dropped") : "";
  return why + (dropped ? ` (the line is imported without a ${dropped})` : "");
}

/** Why an amount was not read (`reason` of BAD_AMOUNT: money.why_not). */
const WRITE_FR: Record<string, string> = {
  "1234.56 (a dot before the cents, an optional minus)": "1234.56 (un point avant les centimes, un signe moins facultatif)",
};
function frAmountReason(p: IssueParams): string {
  const reason = p.has("reason") ? p.text("reason") : "";
  const sep = () => p.text("separator");
  switch (reason) {
    case "decimals": {
      const places = p.count("places");
      return places === 0 ? "a des décimales, et la devise n'en a pas" : `a plus de ${p.text("places")} ${frPlural(places, "décimale", "décimales")}`;
    }
    case "form":
      return (
        "n'est pas un montant" +
        (p.has("expected") ? ` (attendu : ${p.text("expected")}, avec une virgule décimale)` : "") +
        (p.has("write") ? ` : écrivez ${WRITE_FR[p.text("write")] ?? p.text("write")}` : "")
      );
    case "too_large":
      return "est trop grand" + (p.has("digits") ? ` (au plus ${p.text("digits")} chiffres avant les décimales)` : "");
    case "number_too_long":
      return "est un nombre trop long pour être lu";
    case "spaces":
      return "contient des séparateurs de milliers ou des espaces : écrivez 1234.56";
    case "not_an_amount":
      return "doit être un montant comme \"1234.56\" (une chaîne ou un nombre)";
    case "exponent":
      return `est trop grand ou a plus de ${p.text("places")} décimales`;
    case "thousands":
      return "contient des séparateurs de milliers (non admis : écrivez 1234,56)";
    case "ambiguous":
      return `est ambigu : le « . » peut séparer les milliers ou les décimales (${p.text("format") === "FEC" ? "le FEC utilise « , »" : `les montants ${p.text("format")} utilisent « , »`})`;
    case "two_signs":
      return "a deux signes";
    case "plus_after":
      return "a un plus après le nombre (le plus se place avant)";
    case "two_decimal_separators":
      return `a plus d'un séparateur décimal « ${sep()} »`;
    case "misplaced_thousands":
      return `a un séparateur de milliers « ${sep()} » mal placé`;
    case "other_decimal":
      return `utilise « ${p.text("found")} » ; le séparateur décimal de ce modèle est « ${sep()} »`;
    default:
      return p.has("why") ? p.unsaid() : "n'est pas un montant";
  }
}
function enAmountReason(p: IssueParams): string {
  const reason = p.has("reason") ? p.text("reason") : "";
  const sep = () => p.text("separator");
  switch (reason) {
    case "decimals": {
      const places = p.count("places");
      return places === 0 ? "has decimals, and the currency has none" : `has more than ${p.text("places")} ${enPlural(places, "decimal", "decimals")}`;
    }
    case "form":
      return (
        "is not an amount" +
        (p.has("expected") ? ` (expected ${p.text("expected")} with a decimal comma)` : "") +
        (p.has("write") ? `: write ${p.text("write")}` : "")
      );
    case "too_large":
      return "is too large" + (p.has("digits") ? ` (at most ${p.text("digits")} digits before the point)` : "");
    case "number_too_long":
      return "is a number too long to read";
    case "spaces":
      return "has thousands separators or spaces: write 1234.56";
    case "not_an_amount":
      return 'must be an amount like "1234.56" (a string or a number)';
    case "exponent":
      return `is too large or has more than ${p.text("places")} decimals`;
    case "thousands":
      return "has thousands separators (not allowed: write 1234,56)";
    case "ambiguous":
      return `is ambiguous: '.' may separate thousands or decimals (${p.text("format") === "FEC" ? "the FEC uses ','" : `${p.text("format")} amounts use ','`})`;
    case "two_signs":
      return "has two signs";
    case "plus_after":
      return "has a plus after the number (a plus must come before it)";
    case "two_decimal_separators":
      return `has more than one decimal separator '${sep()}'`;
    case "misplaced_thousands":
      return `has a misplaced thousands separator '${sep()}'`;
    case "other_decimal":
      return `uses '${p.text("found")}'; this layout's decimal separator is '${sep()}'`;
    default:
      return p.has("why") ? p.text("why") : "is not an amount";
  }
}

/** A field as a reader names it, in French: "debit (column 5)" → "debit (colonne 5)", "date (characters 3-10)" →
 * "date (caractères 3 à 10)", "it" (a value the reader could not name) → "la valeur". */
const frField = (field: string) =>
  field === "it"
    ? "la valeur"
    : field.replace(/\(column (\d+)\)$/, "(colonne $1)").replace(/\(characters (\d+)-(\d+)\)$/, "(caractères $1 à $2)");
/** An entry as a reader names it ("VT 12", "VT (no number)"), in French. */
const frEntry = (entry: string) => entry.replace(/ \(no number\)$/, " (sans numéro)");
/** "SENS « X » est incorrect", or "SENS est vide" when the field holds nothing. */
const frValueOrEmpty = (p: IssueParams, wrong: string) => (p.text("value") ? `${frField(p.text("field"))} « ${p.text("value")} » ${wrong}` : `${frField(p.text("field"))} est vide`);
const enValueOrEmpty = (p: IssueParams, wrong: string) => (p.text("value") ? `${p.text("field")} '${p.text("value")}' ${wrong}` : `${p.text("field")} is empty`);

/** What a TRA field holds, by the `meaning` of MISSING_VALUE. */
const MEANING_FR: Record<string, string> = { account: "le compte", entry_number: "le numéro d'écriture", third_party: "le tiers", section: "la section analytique" };
const MEANING_EN: Record<string, string> = { account: "the account", entry_number: "the entry number", third_party: "the third party", section: "the analytic section" };
/** TYPE_ECRITURE codes of entries that are not imported (NOT_NORMAL_ENTRY). */
const ENTRY_TYPE_FR: Record<string, string> = { S: "une écriture de simulation", U: "une écriture de situation", R: "une écriture de révision" };
const ENTRY_TYPE_EN: Record<string, string> = { S: "a simulation entry", U: "a situation entry", R: "a revision entry" };
/** What BINARY_FILE found instead of text. */
const CONTENT_FR: Record<string, string> = {
  zip: "une archive ZIP (un classeur .xlsx ou .ods ?)",
  xls: "un document Excel/Office d'ancien format (.xls)",
  pdf: "un document PDF",
  gzip: "une archive gzip",
  "7z": "une archive 7-Zip",
  rar: "une archive RAR",
};
const CONTENT_EN: Record<string, string> = {
  zip: "a ZIP archive (an .xlsx or .ods workbook?)",
  xls: "an old-style Excel/Office document (.xls)",
  pdf: "a PDF document",
  gzip: "a gzip archive",
  "7z": "a 7-Zip archive",
  rar: "a RAR archive",
};
/** The journal kinds IMPORT_ORDER says are missing (`missing`: "purchases, sales"). */
const ORDER_KIND_FR: Record<string, string> = { purchases: "d'achats", sales: "de ventes" };
const ORDER_KIND_EN: Record<string, string> = { purchases: "purchase", sales: "sales" };
/** The parts of a TRA header (HEADER_VALUE `part`) and the parameter records not imported (RECORD_SKIPPED `what`). */
const HEADER_PART_FR: Record<string, string> = {
  "product (positions 4-5)": "Le produit (positions 4-5)",
  "origin (positions 6-8)": "L'origine (positions 6-8)",
  "content (positions 9-11)": "Le contenu (positions 9-11)",
};
const RECORD_WHAT_FR: Record<string, string> = {
  "general parameters": "paramètres généraux", "fiscal years": "exercices", "analytic structures": "structures analytiques",
  branches: "établissements", "payment modes": "modes de paiement", "payment terms": "conditions de règlement",
  currencies: "devises", "VAT regimes": "régimes de TVA", "VAT rates": "taux de TVA", "number sequences": "souches de numérotation",
  "free table settings": "paramètres des tables libres", "correspondence accounts": "comptes de correspondance",
  "break plans": "plans de rupture", "bank details": "coordonnées bancaires", banks: "banques", "bank statements": "relevés bancaires",
  "bank statement lines": "lignes de relevés bancaires", contacts: "contacts", "budget accounts": "comptes budgétaires",
  "budget journals": "journaux budgétaires", "budget sections": "sections budgétaires", "third-party complements": "compléments de tiers",
  reminders: "relances", "exchange rates": "cours des devises", "free tables": "tables libres",
};
/** The kind of a declaration UNKNOWN_COMPANY names (`record`: "journal VT", "third party C001"). */
const RECORD_KIND_FR: Record<string, string> = { journal: "Journal", account: "Compte", "third party": "Tiers", section: "Section analytique" };
const frRecord = (record: string) => {
  const found = /^(journal|account|third party|section) ([\s\S]*)$/.exec(record);
  return found ? `${RECORD_KIND_FR[found[1]!]} ${found[2]}` : record;
};
/** The account ranges a message lists ("400000–409999 (suppliers)"), their kinds in French. */
const RANGE_WORDS_FR: Record<string, string> = { "(general)": "(général)", "(customers)": "(clients)", "(suppliers)": "(fournisseurs)" };
const frRanges = (ranges: string) => ranges.replace(/\((?:general|customers|suppliers)\)/g, (m) => RANGE_WORDS_FR[m] ?? m);
/** A size the JSON reader gives ("8 MiB") in French units. */
const frSize = (size: string) => size.replace("MiB", "Mio").replace("KiB", "Kio");

/** The arrays of declarations of a JSON document, by the singular that names their objects. */
const DECLARATION_FR: Record<string, string> = { entries: "Écriture", journals: "Journal", accounts: "Compte", thirdParties: "Tiers", analyticSections: "Section analytique" };
const DECLARATION_EN: Record<string, string> = { entries: "Entry", journals: "Journal", accounts: "Account", thirdParties: "Third party", analyticSections: "Analytic section" };
/** What a JSON value must be (WRONG_TYPE `expected`). */
const EXPECTED_FR: Record<string, string> = {
  string: "une chaîne (entre guillemets doubles)", object: "un objet {…}", array: "un tableau […]",
  entries: "un tableau d'écritures [...]", version: "le nombre 1", text: "une chaîne",
};
const EXPECTED_EN: Record<string, string> = {
  string: "a string (in double quotes)", object: "an object {…}", array: "an array […]",
  entries: "an array of entries [...]", version: "the number 1", text: "a string",
};

/** A JSON value by its kind (`found`) and, for a number or a string, its text (`value`). */
function frKindOf(p: IssueParams, quoted = true): string {
  const found = p.has("found") ? p.text("found") : "";
  if (found === "long_number") return `un nombre de ${p.text("length")} caractères (trop long pour être lu)`;
  if (found === "string") return quoted ? `la chaîne « ${p.text("value")} »` : `« ${p.text("value")} »`;
  if (found === "number") return quoted ? `le nombre ${p.raw("value")}` : p.raw("value");
  if (found === "null" || found === "true" || found === "false") return found;
  return found === "object" ? "un objet" : found === "array" ? "un tableau" : "une valeur";
}
function enKindOf(p: IssueParams, quoted = true): string {
  const found = p.has("found") ? p.text("found") : "";
  if (found === "long_number") return `a number of ${p.text("length")} characters (too long to read)`;
  if (found === "string") return quoted ? `the string '${p.text("value")}'` : `'${p.text("value")}'`;
  if (found === "number") return quoted ? `the number ${p.raw("value")}` : p.raw("value");
  if (found === "null" || found === "true" || found === "false") return found;
  return found === "object" ? "an object" : found === "array" ? "an array" : "a value";
}

/** Why a JSON document breaks (`reason` of NOT_JSON, TRUNCATED and BAD_ENCODING). */
const JSON_REASON_FR: Record<string, string> = {
  cut_short: "le document s'arrête avant d'être complet (coupé ?)",
  trailing_text: "il y a du texte après la fin du document",
  unexpected_character: "caractère inattendu",
  unexpected_word: "mot inattendu (true, false et null s'écrivent en minuscules ; les chaînes entre guillemets doubles)",
  bad_key: "une clé doit être une chaîne entre guillemets doubles (une virgule de trop ?)",
  unexpected_token: "élément inattendu (une virgule de trop, ou une qui manque ?)",
  comma_or_brace: "« , » ou « } » attendu (une virgule qui manque ?)",
  comma_or_bracket: "« , » ou « ] » attendu (une virgule qui manque ?)",
  colon: "« : » attendu entre une clé et sa valeur",
  not_utf8: "des octets qui ne sont pas de l'UTF-8",
  bad_escape: 'une barre oblique inverse dans une chaîne doit commencer un échappement : \\\\, \\", \\n, \\t, \\uXXXX…',
  control_character: "un caractère de contrôle dans une chaîne (écrivez-le \\n, \\t…)",
};
const JSON_REASON_EN: Record<string, string> = {
  cut_short: "the document ends before it is complete (cut short?)",
  trailing_text: "there is more text after the end of the document",
  unexpected_character: "unexpected character",
  unexpected_word: "unexpected word (true, false and null are lower case; strings need double quotes)",
  bad_key: "a key must be a string in double quotes (a comma too many?)",
  unexpected_token: "unexpected token (a comma too many, or one missing?)",
  comma_or_brace: "expected ',' or '}' (a comma missing?)",
  comma_or_bracket: "expected ',' or ']' (a comma missing?)",
  colon: "expected ':' between a key and its value",
  not_utf8: "bytes that are not UTF-8 (JSON documents must be UTF-8)",
  bad_escape: 'a backslash in a string must start an escape: \\\\, \\", \\n, \\t, \\uXXXX…',
  control_character: "a control character inside a string (write it \\n, \\t…)",
};
function frJsonReason(p: IssueParams): string {
  const reason = p.text("reason");
  // The reader's own words (`detail`) are English: not shown in a French sentence.
  if (reason === "unreadable_value") return "une valeur ne peut pas être lue (un nombre de milliers de chiffres ?)";
  return JSON_REASON_FR[reason] ?? "erreur de syntaxe";
}
function enJsonReason(p: IssueParams): string {
  const reason = p.text("reason");
  if (reason === "unreadable_value") return `a value cannot be read (${p.text("detail")})`;
  return JSON_REASON_EN[reason] ?? (p.has("detail") ? p.text("detail") : reason);
}
/** Where a JSON syntax error is: « à la ligne 3, colonne 7 (octet 42) près de « … » » or « entre les octets 1 et 9 ». */
function frJsonPlace(p: IssueParams): string {
  if (!p.has("line")) return `entre les octets ${p.text("first")} et ${p.text("last")}`;
  const column = p.has("column") ? `, colonne ${p.text("column")}` : "";
  const near = p.has("near") && p.text("near") ? ` près de « ${p.text("near")} »` : "";
  return `à la ligne ${p.text("line")}${column} (octet ${p.text("byte")})${near}`;
}
function enJsonPlace(p: IssueParams): string {
  if (!p.has("line")) return `between bytes ${p.text("first")} and ${p.text("last")}`;
  const column = p.has("column") ? `, column ${p.text("column")}` : "";
  const near = p.has("near") && p.text("near") ? ` near '${p.text("near")}'` : "";
  return `at line ${p.text("line")}${column} (byte ${p.text("byte")})${near}`;
}

const fr = {
  appName: "Écluse",
  skipToContent: "Aller au contenu",
  loading: "Chargement…",
  close: "Fermer",
  yes: "Oui",
  no: "Non",
  ok: "OK",
  cancel: "Annuler",
  retry: "Réessayer",
  language: "Langue",
  errorGeneric: (message: string) => `Une erreur est survenue : ${message}`,
  networkError: "Le serveur ne répond pas. Vérifiez votre connexion.",
  // A page's data that could not be read (components/QueryState.tsx), and the live connection's banner.
  qs: {
    unreachable: "Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.",
    server: "Le serveur a répondu par une erreur.",
    serverWhy: (why: string) => `Le serveur a répondu par une erreur : ${why}.`,
    forbidden: "Vous n'avez pas accès à ces informations.",
  },
  connectionLost: "Connexion perdue, nouvelle tentative…",

  // Login
  loginTitle: "Connexion",
  loginIntro: "Connectez-vous pour accéder à vos dossiers.",
  email: "Adresse e-mail",
  password: "Mot de passe",
  signIn: "Se connecter",
  signingIn: "Connexion…",
  invalidCredentials: "Adresse e-mail ou mot de passe incorrect.",
  tooManyAttempts: (seconds: number) =>
    seconds < 120
      ? `Trop de tentatives : réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`
      : `Trop de tentatives : réessayez dans ${Math.ceil(seconds / 60)} minutes.`,
  signOut: "Se déconnecter",

  // Companies
  companiesTitle: "Choisir un dossier",
  companiesIntro: "Sélectionnez le dossier sur lequel travailler.",
  noCompanies: "Aucun dossier ne vous est accessible.",
  openCompany: (name: string) => `Ouvrir le dossier ${name}`,
  switchCompany: "Changer de dossier",
  siren: "SIREN",
  yourRole: "Votre rôle",
  role: {
    VIEWER: "Lecteur",
    PARTNER: "Application partenaire",
    CLIENT: "Client",
    COLLABORATOR: "Collaborateur",
    ADMIN: "Administrateur",
  } satisfies Record<Role, string>,

  // Prompt on opening a company
  promptTitle: "Imports partenaires",
  /** `decides`: whether the user may validate (a viewer is not asked to). */
  promptBody: (loc: string, n: number, decides: boolean) =>
    `${n === 1 ? "Un import partenaire attend" : `${formatCount(loc, n)} imports partenaires attendent`} ${decides ? "votre validation" : "une décision"} sur ce dossier. Voulez-vous afficher la console des imports partenaires ?`,

  // Menu and pages
  mainMenu: "Menu principal",
  dashboard: "Tableau de bord",
  accounting: "Comptabilité",
  imports: "Imports",
  partnerImports: "Imports partenaires",
  importHistory: "Historique des imports",
  breadcrumb: "Fil d'Ariane",
  dashboardTitle: "Tableau de bord du dossier",
  pendingImportsCard: "Imports en attente de décision",
  pendingImportsCount: (loc: string, n: number) => (n === 0 ? "Aucun import en attente" : count(loc, n, "import en attente", "imports en attente")),
  openConsole: "Ouvrir la console des imports partenaires",
  openHistory: "Voir l'historique des imports",
  fiscalYears: "Exercices",
  fiscalYearOpen: "ouvert",
  fiscalYearClosed: "clôturé",

  // Live connection
  liveConnecting: "Connexion au temps réel…",

  // Console
  consoleTitle: "Imports partenaires",
  consoleIntro: "Les imports sont tenus en mode projet : validez-les pour les comptabiliser.",
  actions: "Actions",
  validate: "Valider",
  reject: "Rejeter",
  view: "Visualiser",
  refresh: "Actualiser",
  filters: "Filtres",
  selectAll: "Sélectionner tous les imports",
  selectRow: (name: string) => `Sélectionner l'import ${name}`,
  selectedCount: (loc: string, n: number) => (n === 0 ? "Aucune ligne sélectionnée" : count(loc, n, "ligne sélectionnée", "lignes sélectionnées")),
  rowCount: (loc: string, shown: number, total: number) =>
    shown === total ? count(loc, total, "import", "imports") : `${count(loc, shown, "import", "imports")} sur ${formatCount(loc, total)}`,
  noImports: "Aucun import ne correspond.",
  loadMore: "Afficher plus",
  sortBy: (column: string) => `Trier par ${column}`,
  col: {
    partner: "Partenaire",
    fileName: "Nom du fichier",
    format: "Format",
    status: "Statut",
    error: "Erreur",
    detail: "Détail",
    createdAt: "Date de création",
    updatedAt: "Date de mise à jour",
    firstMovement: "Date premier mouvement",
    lastMovement: "Date dernier mouvement",
    referencePeriod: "Période de référence",
    origin: "Origine",
  },
  detailEntries: (loc: string, n: number) => count(loc, n, "écriture", "écritures"),
  rejectedEntries: (loc: string, n: number) => count(loc, n, "rejetée", "rejetées"),
  progressLabel: (name: string) => `Progression de l'analyse de ${name}`,
  errorRejected: (loc: string, n: number) => count(loc, n, "écriture rejetée", "écritures rejetées"),
  errorErrors: (loc: string, n: number) => count(loc, n, "erreur", "erreurs"),
  errorFindings: (loc: string, n: number) => count(loc, n, "constat", "constats"),
  errorUnreadable: "Fichier illisible",
  errorUnreadableWhy: (why: string) => `Fichier illisible : ${why}`,
  /** The Erreur cell's tooltip: « 3 écritures rejetées : Écriture déséquilibrée ×2, Compte manquant ×1 ». */
  errorWhy: (what: string, codes: string) => `${what} : ${codes}`,
  issueCode: {
    UNBALANCED_ENTRY: "Écriture déséquilibrée",
    BAD_DATE: "Date invalide",
    BAD_AMOUNT: "Montant invalide",
    WRONG_FIELD_COUNT: "Nombre de champs incorrect",
    MISSING_COLUMN: "Colonne manquante",
    EMPTY_FILE: "Fichier vide",
    BINARY_FILE: "Fichier binaire",
    BAD_ENCODING: "Encodage non reconnu",
    NO_OPEN_FISCAL_YEAR: "Aucun exercice ouvert",
    MISSING_VALUE: "Valeur manquante",
    BAD_SENS: "Sens invalide",
    MIXED_DATES: "Dates d'une même écriture différentes",
    ENTRY_NOT_CONTIGUOUS: "Lignes d'écriture non contiguës",
    UNKNOWN_FORMAT: "Format non reconnu",
    UNSUPPORTED_FORMAT: "Format non pris en charge",
    HEADER_ORDER: "Ordre des colonnes de l'en-tête",
    DATE_SEPARATORS: "Séparateurs de date",
    CHRONOLOGY: "Chronologie",
    DEBIT_AND_CREDIT: "Débit et crédit sur la même ligne",
    ZERO_AMOUNT: "Montant nul",
    ACCOUNT_PREFIX: "Préfixe de compte",
    MISSING_LABEL: "Libellé manquant",
    MISSING_DATA: "Donnée manquante",
    BAD_FILE_NAME: "Nom de fichier non conforme",
    NO_ENTRY_LINES: "Aucune écriture (exercice sans activité ?)",
    AFTER_CLOSING: "Écriture après la date de clôture",
    NUMBER_GAP: "Rupture de séquence de numérotation",
    EXTRA_DECIMALS: "Plus de deux décimales",
    CURRENCY_INCOMPLETE: "Devise ou montant en devise manquant",
    LETTERING_INCOMPLETE: "Lettrage sans date ou date sans lettrage",
    VALIDATION_BEFORE_ENTRY: "Date de validation antérieure à l'écriture",
    ACCOUNT_CLASS: "Classe de compte hors comptabilité générale",
    AUX_ACCOUNT: "Compte auxiliaire sur un compte non tiers",
    SIREN_MISMATCH: "SIREN du fichier différent de celui du dossier",
    CLOSING_DATE: "Date de clôture hors exercice ouvert",
    BAD_PERIOD: "Période d'exercice invalide",
    FISCAL_YEAR_OVERLAP: "Exercice chevauchant un autre",
    FISCAL_YEAR_LOCKED: "Exercice verrouillé",
    FISCAL_YEAR_CLOSED: "Exercice clôturé",
    DOT_DECIMAL: "Point décimal",
    NEGATIVE_AMOUNT: "Montant négatif",
    EMPTY_LINE: "Ligne vide",
    TRAILING_SEPARATOR: "Séparateur en fin de ligne",
    // Custom layouts (CSV, fixed width)
    BAD_QUOTING: "Délimiteur de texte mal placé",
    BAD_SIGN: "Code de sens inconnu",
    BAD_KIND_CODE: "Code de type de compte inconnu",
    KIND_MISMATCH: "Type de compte incohérent",
    TWO_THIRD_PARTIES: "Deux tiers sur une ligne",
    AMBIGUOUS_SIDE: "Sens de la ligne ambigu",
    ACCOUNT_OUT_OF_RANGES: "Compte hors des plages de comptes",
    NO_RANGES: "Aucune plage de comptes",
    BAD_RANGES: "Plages de comptes incorrectes",
    RANGE_UNREADABLE: "Plage de comptes illisible",
    RANGES_MIXED_MATCH: "Plages comparées de deux façons",
    RANGE_REVERSED: "Plage de comptes inversée",
    RANGES_OVERLAP: "Plages de comptes qui se chevauchent",
    BAD_VAT_RATE: "Taux de TVA invalide",
    VAT_ACCOUNT_UNKNOWN: "Compte de TVA inconnu",
    VAT_EXCEEDS_AMOUNT: "TVA supérieure au montant",
    VAT_ROUNDING: "Arrondi de TVA",
    ENTRY_TOO_LONG: "Écriture trop longue",
    UNREADABLE_ENTRY: "Écriture illisible",
    ENCODING_FALLBACK: "Encodage de repli",
    // Limits and refusals (issue 12)
    LINE_TOO_LONG: "Ligne trop longue",
    FIELD_TOO_LONG: "Champ trop long",
    NUMBER_TOO_LONG: "Nombre trop long",
    VALUE_TOO_LONG: "Valeur trop longue",
    AMOUNT_TOO_LARGE: "Montant trop élevé",
    ENTRY_TOTAL_TOO_LARGE: "Total d'écriture trop élevé",
    BATCH_TOTAL_TOO_LARGE: "Total de l'import trop élevé",
    BAD_CHARACTER: "Caractère interdit",
    IDEMPOTENCY_CONFLICT: "Clé d'idempotence déjà utilisée pour un autre contenu",
    INTERNAL_ERROR: "Erreur interne",
    JOB_GIVEN_UP: "Traitement abandonné",
    // Formats: FEC, Cegid TRA, JSON documents
    AMOUNT_EXPONENT: "Montant en notation scientifique",
    DATE_OUT_OF_RANGE: "Date hors de la plage 1900-2099",
    NO_HEADER: "En-tête absent",
    BAD_SEPARATOR: "Séparateur de champs incorrect",
    DUPLICATE_COLUMN: "Colonne en double",
    BAD_HEADER: "En-tête invalide",
    HEADER_VALUE: "Valeur d'en-tête inattendue",
    EXTRA_HEADER: "En-tête en double",
    SHORT_LINE: "Ligne trop courte",
    EXTRA_TEXT: "Caractères au-delà de la ligne",
    UNKNOWN_RECORD: "Enregistrement inconnu",
    RECORD_SKIPPED: "Enregistrement non importé",
    BAD_RECORD: "Enregistrement sans code",
    BAD_ACCOUNT_TYPE: "Type de compte invalide",
    AUX_ON_GENERAL_LINE: "Compte auxiliaire sur une ligne générale",
    NOT_NORMAL_ENTRY: "Type d'écriture non importé (simulation, situation…)",
    ANALYTIC_WITHOUT_GENERAL: "Ligne analytique sans ligne générale",
    ANALYTIC_MISMATCH: "Ventilation analytique différente du montant",
    ANALYTIC_AXIS_IGNORED: "Axe analytique non repris",
    NOT_JSON: "Fichier non JSON",
    NOT_AN_OBJECT: "Document JSON qui n'est pas un objet",
    TRUNCATED: "Fichier tronqué",
    MISSING_VERSION: "Version absente",
    UNSUPPORTED_VERSION: "Version non prise en charge",
    NO_ENTRIES: "Aucune écriture",
    LATE_COMPANY: "Dossier indiqué trop tard",
    DUPLICATE_KEY: "Champ en double",
    UNKNOWN_FIELD: "Champ inconnu",
    WRONG_TYPE: "Type de valeur incorrect",
    BAD_VALUE: "Valeur non autorisée",
    TOO_LONG: "Texte trop long",
    NO_LINES: "Écriture sans ligne",
    TOO_MANY_LINES: "Trop de lignes dans l'écriture",
    OBJECT_TOO_LARGE: "Objet trop volumineux",
    ENTRY_TOO_LARGE: "Écriture trop volumineuse",
    MORE_ERRORS: "Autres erreurs non détaillées",
    // Staging, validation and posting
    UNKNOWN_COMPANY: "Dossier inconnu",
    CURRENCY_DECIMALS: "Devise du dossier avec un autre nombre de décimales que celle du fichier",
    UNKNOWN_CURRENCY: "Devise du dossier inconnue",
    IMPORT_ORDER: "Banque importée avant achats et ventes",
    INVALID_STATUS: "Action impossible dans ce statut",
    NOTHING_TO_POST: "Aucune écriture à comptabiliser",
    DUPLICATE_FILE: "Fichier déjà comptabilisé",
    LEDGER_TOTAL_TOO_LARGE: "Cumul comptabilisé trop élevé",
    UNBALANCED_LEDGER: "Balance de l'exercice déséquilibrée",
    SIREN_REQUIRED: "SIREN du dossier requis",
    // Requests: uploads, layouts, sign-in, API
    FILE_TOO_LARGE: "Fichier trop volumineux",
    TOO_MANY_ENTRIES: "Trop d'écritures dans un envoi",
    LAYOUT_REQUIRED: "Modèle d'import requis",
    BAD_LAYOUT: "Modèle d'import invalide",
    DUPLICATE_NAME: "Nom déjà utilisé",
    REQUIRED: "Champ obligatoire",
    INVALID_CREDENTIALS: "Identifiants incorrects",
    TOO_MANY_ATTEMPTS: "Trop de tentatives",
    TOO_MANY_IDS: "Trop d'identifiants",
    UNAUTHENTICATED: "Connexion requise",
    FORBIDDEN: "Accès refusé",
    NOT_FOUND: "Introuvable",
    BAD_USER_INPUT: "Saisie invalide",
    BAD_PARAMETER: "Paramètre invalide",
    BAD_REQUEST: "Requête invalide",
    PAYLOAD_TOO_LARGE: "Requête trop volumineuse",
    JSON_TOO_DEEP: "JSON trop imbriqué",
    QUERY_TOO_LARGE: "Requête GraphQL trop longue",
    QUERY_TOO_COMPLEX: "Requête GraphQL trop complexe",
    GRAPHQL_PARSE_FAILED: "Requête GraphQL illisible",
    GRAPHQL_VALIDATION_FAILED: "Requête GraphQL non conforme au schéma",
    INTERNAL_SERVER_ERROR: "Erreur interne du serveur",
    // Companies and people (administration)
    BAD_CHARACTERS: "Caractères de contrôle interdits",
    INVALID_SIREN: "SIREN invalide",
    SIREN_TAKEN: "SIREN déjà utilisé",
    CODE_TAKEN: "Code court déjà utilisé",
    BAD_CODE: "Code court invalide",
    UNKNOWN_COUNTRY: "Pays inconnu",
    CURRENCY_IN_USE: "Devise déjà utilisée par des imports",
    COMPANY_ARCHIVED: "Dossier archivé",
    COMPANY_BUSY: "Dossier occupé par un import en cours",
    BAD_EMAIL: "Adresse e-mail invalide",
    EMAIL_TAKEN: "Adresse e-mail déjà utilisée",
    UNKNOWN_LOCALE: "Langue inconnue",
    TOO_MANY_ROLES: "Trop de rôles à la fois",
    BAD_ROLE: "Rôle non attribuable",
    LAST_FIRM_ADMIN: "Dernier administrateur du cabinet",
    NOT_YOURSELF: "Action impossible sur votre propre compte",
    LAST_ADMIN: "Dernier administrateur du dossier",
    USER_NOT_FOUND: "Utilisateur introuvable",
    BAD_TOKEN: "Lien inconnu, déjà utilisé ou expiré",
    WEAK_PASSWORD: "Mot de passe trop faible",
    WRONG_PASSWORD: "Mot de passe actuel incorrect",
    // Closing a fiscal year
    BATCHES_WAITING: "Imports en attente dans l'exercice",
    PREVIOUS_YEAR_OPEN: "Exercice précédent non clôturé",
    NEXT_YEAR_MISSING: "Exercice suivant non ouvert",
    OPENING_ENTRIES_EXIST: "À-nouveaux déjà présents dans l'exercice suivant",
    ACCOUNTS_OUTSIDE_PLAN: "Soldes sur des comptes hors classes 1 à 7",
    // Journals and reversals
    BAD_JOURNAL_CODE: "Code journal invalide",
    BAD_JOURNAL_KIND: "Type de journal inconnu",
    DEFAULT_NEEDS_KIND: "Journal par défaut sans type",
    NO_DEFAULT_JOURNAL: "Aucun journal par défaut de ce type",
    DEFAULT_JOURNAL_TAKEN: "Journal par défaut choisi ailleurs au même moment",
    NO_FISCAL_YEAR: "Date hors de tout exercice du dossier",
  } as Record<string, string>,

  // An error said from its code and its params: a payload error (errorText.ts `userErrorText`), an error or
  // finding of a batch (`issueDetailText`, under its label). Other codes are said by their `issueCode` label,
  // or a batch's by the server's English message. Numbers in `p.text`, dates in `p.date`, amounts in `p.amount`
  // come in the locale's form. tests/test_codes.py fails when a code of formats/messages.py has no sentence here
  // or in English.
  issueText: {
    REQUIRED: () => "Ce champ est obligatoire.",
    // TOO_LONG: a field of a form (`found`), or a string of a JSON document (`field`, `length`: a parse error).
    TOO_LONG: (p) =>
      p.has("length")
        ? `${p.text("field")} fait ${p.text("length")} caractères ; ${p.text("maximum")} au plus`
        : `Trop long : ${p.text("found")} caractères pour ${p.text("maximum")} au plus.`,
    BAD_CHARACTERS: () => "Caractères de contrôle interdits.",
    INVALID_SIREN: (p) =>
      p.text("reason") === "length"
        ? "SIREN invalide : 9 chiffres attendus"
        : p.text("reason") === "digits"
          ? "SIREN invalide : des chiffres seulement"
          : "SIREN invalide (clé de contrôle)",
    SIREN_TAKEN: (p) => `Le SIREN ${p.text("siren")} est déjà celui du dossier « ${p.text("company")} ».`,
    CODE_TAKEN: (p) => `Le code « ${p.text("value")} » nomme déjà le dossier « ${p.text("company")} ».`,
    BAD_CODE: (p) =>
      `Code court « ${p.text("value")} » invalide : 1 à 40 lettres, chiffres, points, tirets ou soulignés, en commençant par une lettre ou un chiffre.`,
    // UNKNOWN_CURRENCY: a currency given in a form, or the company's, which a file cannot be read in (`reason`).
    UNKNOWN_CURRENCY: (p) =>
      !p.has("reason")
        ? `« ${p.text("currency")} » n'est pas une devise ISO 4217 (EUR, USD, CHF…).`
        : "La devise du dossier est inutilisable : " +
          (p.text("reason") === "no_minor_unit"
            ? `${p.text("currency")} n'a pas d'unité divisionnaire dans l'ISO 4217 (ce n'est pas une devise dans laquelle on tient des montants)`
            : `« ${p.text("currency")} » n'est pas un code de devise ISO 4217`) +
          " ; choisissez une devise ISO 4217 (EUR, JPY…)",
    UNKNOWN_COUNTRY: (p) => `« ${p.text("country")} » n'est pas un code pays ISO 3166 (FR, BE, CH…).`,
    CURRENCY_IN_USE: (p) => `Le dossier a déjà des imports ou des écritures en ${p.text("currency")} : sa devise ne peut plus changer.`,
    COMPANY_ARCHIVED: (p) => `Le dossier « ${p.text("company")} » est archivé : restaurez-le d'abord.`,
    COMPANY_BUSY: (p) =>
      p.count("count") === 1
        ? `Le dossier « ${p.text("company")} » a un import en cours de lecture ou de comptabilisation : archivez-le une fois celui-ci terminé.`
        : `Le dossier « ${p.text("company")} » a ${p.text("count")} imports en cours de lecture ou de comptabilisation : archivez-le une fois ceux-ci terminés.`,
    BAD_EMAIL: (p) => `« ${p.text("email")} » n'est pas une adresse e-mail valide.`,
    EMAIL_TAKEN: (p) => `L'adresse ${p.text("email")} est déjà celle d'un autre utilisateur.`,
    UNKNOWN_LOCALE: (p) => `Langue « ${p.text("locale")} » inconnue : français (fr) ou anglais (en).`,
    TOO_MANY_ROLES: (p) => `Au plus ${p.text("maximum")} rôles à la fois.`,
    BAD_ROLE: () => "Le rôle d'une personne est lecteur, client, collaborateur ou administrateur.",
    LAST_FIRM_ADMIN: () => "Le cabinet garde au moins un administrateur : nommez-en d'abord un autre.",
    NOT_YOURSELF: () => "Vous ne pouvez pas désactiver votre propre compte.",
    LAST_ADMIN: () => "Le dossier garde au moins un administrateur : donnez d'abord ce rôle à quelqu'un d'autre.",
    USER_NOT_FOUND: () => "Aucun utilisateur n'a cette adresse e-mail : un administrateur du cabinet crée d'abord son compte.",
    BAD_TOKEN: () => "Ce lien est inconnu, déjà utilisé ou expiré : demandez-en un nouveau à un administrateur du cabinet.",
    WEAK_PASSWORD: (p) =>
      p.text("reason") === "length"
        ? `Mot de passe trop court : au moins ${p.text("minimum")} caractères.`
        : p.text("reason") === "too_long"
          ? `Mot de passe trop long : au plus ${p.text("maximum")} caractères.`
          : "Ce mot de passe est trop facile à deviner (mot de passe courant, suite de caractères, nom ou adresse) : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
    WRONG_PASSWORD: () => "Le mot de passe actuel est incorrect.",
    BAD_PERIOD: (p) =>
      p.text("reason") === "order"
        ? `L'exercice finit (${p.date("end")}) avant de commencer (${p.date("start")}).`
        : p.text("reason") === "length"
          ? `Un exercice dure de 1 à 24 mois : du ${p.date("start")} au ${p.date("end")} ne convient pas.`
          : p.text("reason") === "name"
            ? "Le nom d'un exercice a au plus 100 caractères."
            : `Le ${p.date("date")} est hors des années 1900 à 2099.`,
    FISCAL_YEAR_OVERLAP: (p) => `Cette période chevauche l'exercice « ${p.text("year")} » (du ${p.date("start")} au ${p.date("end")}).`,
    // A year closed or locked: for an action on it, or for an entry of a file dated in it (`date`).
    FISCAL_YEAR_CLOSED: (p) =>
      p.has("date")
        ? `Le ${p.date("date")} tombe dans l'exercice « ${p.text("year")} », qui est clôturé : plus rien n'y est comptabilisé`
        : `L'exercice « ${p.text("year")} » est clôturé : plus rien n'y est comptabilisé ni modifié.`,
    FISCAL_YEAR_LOCKED: (p) =>
      p.has("date")
        ? `Le ${p.date("date")} tombe dans l'exercice « ${p.text("year")} », qui est verrouillé : un administrateur du dossier peut le déverrouiller`
        : `L'exercice « ${p.text("year")} » est verrouillé : un administrateur du dossier peut le déverrouiller.`,
    BATCHES_WAITING: (p) =>
      p.count("count") === 1
        ? `Un import de l'exercice « ${p.text("year")} » attend d'être lu ou une décision : validez-le ou rejetez-le avant la clôture.`
        : `${p.text("count")} imports de l'exercice « ${p.text("year")} » attendent d'être lus ou une décision : validez-les ou rejetez-les avant la clôture.`,
    PREVIOUS_YEAR_OPEN: (p) => `L'exercice « ${p.text("year")} » n'est pas clôturé : les exercices se clôturent dans l'ordre.`,
    NEXT_YEAR_MISSING: (p) => `Ouvrez d'abord l'exercice qui commence le ${p.date("start")} : les à-nouveaux y sont reportés.`,
    OPENING_ENTRIES_EXIST: (p) =>
      `L'exercice « ${p.text("year")} » a déjà des écritures dans le journal ${p.text("journal")} : ses à-nouveaux sont venus d'ailleurs (un fichier importé ?). Rejetez-les, sinon ils seraient reportés deux fois.`,
    ACCOUNTS_OUTSIDE_PLAN: (p) =>
      `L'exercice « ${p.text("year")} » a des soldes sur des comptes hors des classes 1 à 7 (${p.text("accounts")}) : ils ne peuvent être ni reportés ni portés au résultat. Soldez-les d'abord par une écriture.`,
    NO_FISCAL_YEAR: (p) => `Le ${p.date("date")} n'est dans aucun exercice du dossier.`,
    BAD_JOURNAL_CODE: (p) => `Un code journal a de 1 à ${p.text("maximum")} caractères, sans tabulation ni caractère de contrôle.`,
    BAD_JOURNAL_KIND: (p) => `Type de journal « ${p.text("kind")} » inconnu : ventes, achats, banque, caisse, opérations diverses ou autre.`,
    DEFAULT_NEEDS_KIND: (p) => `Le journal ${p.text("journal")} doit avoir un type pour être le journal par défaut de ce type : donnez-lui d'abord un type.`,
    NO_DEFAULT_JOURNAL: (p) =>
      `Le modèle d'import prend le journal par défaut de type « ${JOURNAL_KIND_FR[p.text("kind")] ?? p.text("kind")} » du dossier, et le dossier n'en a pas : dans Paramètres › Journaux, faites d'un de ses journaux le journal par défaut de ce type.`,
    // The kind is the one asked for: none when only the default flag was sent.
    DEFAULT_JOURNAL_TAKEN: (p) =>
      p.text("kind")
        ? `Un autre journal est devenu au même moment le journal par défaut de type « ${JOURNAL_KIND_FR[p.text("kind")] ?? p.text("kind")} » : réessayez.`
        : "Un autre journal est devenu au même moment le journal par défaut de ce type : réessayez.",
    RANGE_UNREADABLE: (p) =>
      p.text("option") === "kind"
        ? `La plage ${p.text("range")} a un type inconnu : G (général), D (client) ou C (fournisseur).`
        : p.text("option") === "from"
          ? `Le début de la plage ${p.text("range")} est vide ou trop long (40 caractères au plus).`
          : p.text("option") === "to"
            ? `La fin de la plage ${p.text("range")} est vide ou trop longue (40 caractères au plus).`
            : p.text("option") === "range"
              ? `La plage ${p.text("range")} se compare par valeur numérique : ses bornes n'ont que des chiffres.`
              : `La plage ${p.text("range")} est illisible (${p.text("option")}).`,
    RANGES_MIXED_MATCH: () => "Les plages se comparent toutes de la même façon : par préfixe ou par valeur numérique.",
    RANGE_REVERSED: (p) => `La plage ${rangeOf(p, RANGE_KIND_FR)} commence après sa fin.`,
    RANGES_OVERLAP: (p) => `La plage ${rangeOf(p, RANGE_KIND_FR)} chevauche ${rangeOf(p, RANGE_KIND_FR, "other_")}.`,
    // --- Parse errors and findings of a batch (backend/ecluse/formats/messages.py writes their English) ---
    UNBALANCED_ENTRY: (p) =>
      p.has("debit")
        ? `Écriture ${frEntry(p.text("entry"))} déséquilibrée : débit ${p.amount("debit")}, crédit ${p.amount("credit")}, écart ${p.amount("difference")}`
        : p.has("entry")
          ? `L'écriture ${frEntry(p.text("entry"))} n'est pas équilibrée : rien n'a été comptabilisé.`
          : p.unsaid(),
    MIXED_DATES: (p) => `L'écriture ${frEntry(p.text("entry"))} a des lignes à des dates différentes (${p.dates("dates")}) : toutes les lignes d'une écriture doivent avoir la même date`,
    ENTRY_NOT_CONTIGUOUS: (p) =>
      `L'écriture ${frEntry(p.text("entry"))} reprend à la ligne ${p.text("line")} après d'autres écritures (ses lignes à partir de la ligne ${p.text("resumes")} ont déjà été lues comme une écriture complète) : les lignes d'une écriture doivent se suivre`,
    ENCODING_FALLBACK: (p) => `À partir de la ligne ${p.text("line")}, le fichier contient des octets qui ne sont pas de l'UTF-8 : ils ont été lus en ISO-8859-15`,
    EMPTY_FILE: (p) =>
      p.has("header")
        ? `Le fichier a un en-tête ${p.text("header")} mais aucune ligne après lui`
        : !p.has("header_lines")
          ? "Le fichier est vide"
          : p.count("header_lines") === 1
            ? "Le fichier a un en-tête mais aucune ligne d'écriture"
            : p.count("header_lines") === 0
              ? "Le fichier n'a aucune ligne de données"
              : `Le fichier n'a aucune ligne de données après ses ${p.text("header_lines")} lignes d'en-tête`,
    EMPTY_LINE: () => "Ligne vide",
    ZERO_AMOUNT: () => "Le montant de la ligne est nul",
    NOT_AN_OBJECT: () =>
      'Le document est un tableau JSON ; il doit être un objet : {"version": 1, "entries": [...]} (pour n\'envoyer que des écritures, placez le tableau sous "entries")',
    NOT_JSON: (p) =>
      p.has("start")
        ? `Le fichier n'est pas un document JSON : il commence par « ${p.text("start")} », et non par « { »`
        : `Le document n'est pas du JSON valide ${frJsonPlace(p)} : ${frJsonReason(p)}`,
    TRUNCATED: (p) =>
      p.has("end")
        ? `Le document se termine par « …${p.text("end")} » (octet ${p.text("byte")}) au lieu de « } » : il est incomplet (coupé pendant son écriture ou son envoi ?)`
        : !p.has("reason")
          ? `Le document est coupé : il s'arrête ${frJsonPlace(p)}, avant sa fin (il manque une « } »)`
          : `Le document n'est pas du JSON valide ${frJsonPlace(p)} : ${frJsonReason(p)}`,
    MISSING_VERSION: () => 'Le document n\'a pas de "version" : écrivez "version": 1',
    NO_ENTRIES: () => 'Le document n\'a pas de tableau "entries"',
    VALUE_TOO_LONG: (p) => {
      const where = !p.has("path") ? "" : p.text("path") ? `À ${p.text("path")} : p` : "Dans le document : p";
      return `${where || "P"}lus de ${p.text("mib")} Mio sans valeur JSON complète avant l'octet ${p.text("byte")} (une chaîne qui ne se termine jamais ?)`;
    },
    LATE_COMPANY: (p) =>
      `Le dossier « ${p.text("company")} » du document vient après ${p.text("objects")} ${frPlural(p.count("objects"), "objet lu", "objets lus")} sans lui : écrivez company avant journals, accounts, thirdParties, analyticSections et entries`,
    UNSUPPORTED_VERSION: (p) =>
      p.has("reason") && p.text("reason") === "string"
        ? `version doit être le nombre 1, et non la chaîne ${p.text("value")} : écrivez "version": 1`
        : `La version ${p.text("value")} n'est pas prise en charge : ce format est en version 1 ("version": 1)`,
    UNKNOWN_FIELD: (p) => {
      const document = p.has("scope") && p.text("scope") === "document";
      const hint = p.has("suggestion") ? ` (vouliez-vous dire « ${p.text("suggestion")} » ?)` : ` ; ${document ? "clés connues" : "champs connus"} : ${p.text("known")}`;
      return document ? `Clé inconnue « ${frField(p.text("field"))} » dans le document${hint} ; elle a été ignorée` : `Champ inconnu « ${frField(p.text("field"))} »${hint}`;
    },
    DUPLICATE_KEY: (p) =>
      p.has("scope") && p.text("scope") === "document"
        ? `La clé "${frField(p.text("field"))}" figure deux fois dans le document ; la seconde est ignorée`
        : `${frField(p.text("field"))} figure deux fois`,
    WRONG_TYPE: (p) =>
      (p.has("field") ? `${frField(p.text("field"))} doit être ` : "Doit être ") +
      `${EXPECTED_FR[p.text("expected")] ?? p.unsaid()}, et non ${frKindOf(p)}` +
      (p.has("ignored") && p.count("ignored") ? " ; il a été ignoré" : ""),
    BAD_VALUE: (p) => {
      const reason = p.has("reason") ? p.text("reason") : "";
      if (reason === "company") return `company doit être un code de dossier ou un SIREN entre guillemets, et non ${frKindOf(p)}`;
      if (reason === "one_of") return `${frField(p.text("field"))} ${frKindOf(p, false)} doit être l'une des valeurs ${p.text("expected").replace(/ or /g, " ou ")}`;
      if (reason === "currency") return `${frField(p.text("field"))} ${frKindOf(p, false)} doit être un code ISO de 3 lettres en majuscules (EUR)`;
      // Any other refusal, by pydantic's kind of error (`error`); the reader's English `detail` is not shown.
      const why: Record<string, string> = {
        int_type: "doit être un nombre entier",
        int_parsing: "doit être un nombre entier",
        bool_type: "doit être true ou false",
        bool_parsing: "doit être true ou false",
        greater_than_equal: `doit être au moins ${p.has("ge") ? p.text("ge") : ""}`,
        less_than_equal: `doit être au plus ${p.has("le") ? p.text("le") : ""}`,
      };
      return `${frField(p.text("field"))} ${frKindOf(p, false)} : ${(p.has("error") && why[p.text("error")]) || "valeur non autorisée"}`;
    },
    NUMBER_TOO_LONG: (p) =>
      `${frField(p.text("field"))} est un nombre de ${p.text("length")} caractères : un nombre a au plus ${p.text("digits")} chiffres à la suite`,
    BAD_CHARACTER: (p) => `${frField(p.text("field"))} contient le caractère NUL (U+0000), qu'aucun champ ne peut contenir`,
    NO_LINES: () => "L'écriture n'a aucune ligne",
    TOO_MANY_LINES: (p) =>
      p.has("first")
        ? `Ses lignes ${p.text("first")} à ${p.text("last")} (${p.text("path")} et suivantes) n'ont pas été lues non plus`
        : `L'écriture a plus de ${p.text("maximum")} lignes : scindez-la`,
    OBJECT_TOO_LARGE: (p) => `Plus de ${frSize(p.text("size"))} de JSON : non lu`,
    ENTRY_TOO_LARGE: (p) => `Plus de ${frSize(p.text("size"))} de JSON : non lue (scindez-la)`,
    MORE_ERRORS: (p) => `${p.text("more")} ${frPlural(p.count("more"), "autre erreur non listée", "autres erreurs non listées")}`,
    NO_HEADER: () => "La première ligne n'est pas un en-tête FEC (noms de colonnes JournalCode, EcritureNum…)",
    MISSING_COLUMN: (p) =>
      p.text("columns").includes(",")
        ? `Il manque à l'en-tête des colonnes obligatoires : ${p.text("columns")}`
        : `Il manque à l'en-tête une colonne obligatoire : ${p.text("columns")}`,
    BAD_SEPARATOR: (p) => `Les champs sont séparés par « ${p.text("separator")} » ; le FEC impose la tabulation ou « | »`,
    TRAILING_SEPARATOR: (p) =>
      p.text("where") === "header" ? "L'en-tête se termine par un séparateur" : p.text("where") === "line" ? "La ligne se termine par un séparateur" : p.unsaid(),
    DUPLICATE_COLUMN: (p) => `La colonne ${p.text("column")} figure deux fois ; la première est lue`,
    BAD_FILE_NAME: (p) => {
      const reason = p.has("reason") ? p.text("reason") : "";
      if (reason === "siren") return `Nom de fichier « ${p.text("name")} » : ${p.text("siren")} n'est pas un SIREN valide (sa clé de contrôle est fausse)`;
      if (reason === "date") return `Nom de fichier « ${p.text("name")} » : la date de clôture ${p.text("date")} n'existe pas`;
      if (reason === "no_siren") return `Le nom de fichier « ${p.text("name")} » n'a pas de SIREN avant FEC (SirenFECAAAAMMJJ, A47 A-1 IX)`;
      return `Le nom de fichier « ${p.text("name")} » ne suit pas la forme SirenFECAAAAMMJJ (A47 A-1 IX)`;
    },
    NO_ENTRY_LINES: () => "Le fichier a un en-tête mais aucune ligne d'écriture (une période sans activité ?)",
    AFTER_CLOSING: (p) =>
      `L'écriture ${frEntry(p.text("entry"))} est datée du ${p.date("date")}, après la date de clôture ${p.date("closing")} que donne le nom du fichier`,
    NUMBER_GAP: (p) =>
      `Les numéros d'écriture sautent de ${p.text("after")} à ${p.text("before")} : ${p.text("missing")} ${frPlural(p.count("missing"), "numéro manquant", "numéros manquants")}`,
    EXTRA_DECIMALS: (p) =>
      `${frField(p.text("field"))} « ${p.text("value")} » a plus de ${p.text("places")} décimales (lu ${p.amount("amount")} : les chiffres en trop sont des zéros)`,
    CURRENCY_INCOMPLETE: (p) =>
      p.text("missing") === "Montantdevise"
        ? `Idevise « ${p.text("value")} » est renseigné mais Montantdevise est vide`
        : `Montantdevise « ${p.text("value")} » est renseigné mais Idevise est vide`,
    LETTERING_INCOMPLETE: (p) =>
      p.text("missing") === "DateLet"
        ? `EcritureLet « ${p.text("value")} » est renseigné mais DateLet est vide`
        : `DateLet « ${p.text("value")} » est renseignée mais EcritureLet est vide`,
    VALIDATION_BEFORE_ENTRY: (p) => `ValidDate ${p.date("date")} est antérieure à la date de l'écriture, ${p.date("entry_date")}`,
    ACCOUNT_CLASS: (p) =>
      `CompteNum « ${p.text("account")} » est de classe ${p.text("class")}, qui n'a pas sa place dans une comptabilité générale (classes 1 à 7)`,
    AUX_ACCOUNT: (p) =>
      `CompAuxNum « ${p.text("aux")} » est renseigné sur le compte ${p.text("account")}, qui n'est pas un compte de tiers (classe 4)`,
    SIREN_MISMATCH: (p) =>
      `Le SIREN du nom de fichier, ${p.text("siren")}, n'est pas celui du dossier (${p.text("company_siren")}) : le fichier est-il destiné à un autre dossier ?`,
    CLOSING_DATE: (p) =>
      `La date de clôture du nom de fichier, ${p.date("closing")}, n'est la fin d'aucun exercice ouvert du dossier` +
      (p.has("year_ends") && p.text("year_ends") ? ` (fins des exercices ouverts : ${p.dates("year_ends")})` : " (il n'en a aucun)"),
    MISSING_VALUE: (p) => {
      if (p.has("kind")) return `${frField(p.text("kind_field"))} « ${p.text("kind")} » désigne un client ou un fournisseur, mais ${frField(p.text("field"))} est vide`;
      const meaning = p.has("meaning") ? ` (${MEANING_FR[p.text("meaning")] ?? p.unsaid()})` : "";
      const state = p.has("reason") && p.text("reason") === "missing" ? "est absent" : "est vide";
      const detail = p.has("line_type")
        ? ` sur une ligne TYPE_CPTE ${p.text("line_type")}`
        : p.has("no_date")
          ? ` (« ${p.text("value")} » ; ${p.text("no_date")} signifie « pas de date »)`
          : "";
      const party = p.has("third_party") ? ` et le type du tiers « ${p.text("third_party")} » est inconnu` : "";
      return `${frField(p.text("field"))}${meaning} ${state}${detail}${party}`;
    },
    MISSING_LABEL: (p) => `Données absentes : ${p.text("columns")}`,
    MISSING_DATA: (p) =>
      p.has("field") ? `${frField(p.text("field"))} est vide sur une ligne analytique (TYPE_CPTE A) ; attendu : A1 à A5` : `Données absentes : ${p.text("columns")}`,
    BAD_SENS: (p) =>
      p.has("debit_code")
        ? `${frValueOrEmpty(p, "est incorrect")} : il doit valoir ${p.text("debit_code")} (débit) ou ${p.text("credit_code")} (crédit)`
        : `Sens « ${p.text("value")} » : D, C, +1 ou -1 attendu (code D/C mal renseigné)`,
    ACCOUNT_PREFIX: (p) => `CompteNum « ${p.text("account")} » ne commence pas par 3 chiffres du plan comptable`,
    DOT_DECIMAL: (p) =>
      p.has("separator")
        ? `${frField(p.text("field"))} « ${p.text("value")} » a « ${p.text("separator")} » pour séparateur décimal (lu ${p.amount("amount")})`
        : `${frField(p.text("field"))} « ${p.text("value")} » n'est pas de la forme 1234,56 (lu ${p.amount("amount")})`,
    AMOUNT_EXPONENT: (p) => `${frField(p.text("field"))} « ${p.text("value")} » n'est pas de la forme 1234,56 (lu ${p.amount("amount")})`,
    NEGATIVE_AMOUNT: (p) =>
      `${frField(p.text("field"))} « ${p.text("value")} » est négatif` +
      (p.has("sign") ? ` avec le sens « ${p.text("sign")} »` : "") +
      " : enregistré en " +
      [p.has("debit") ? `débit ${p.amount("debit")}` : "", p.has("credit") ? `crédit ${p.amount("credit")}` : ""].filter(Boolean).join(", "),
    BAD_AMOUNT: (p) => `${frField(p.text("field"))} « ${p.text("value")} » ${frAmountReason(p)}`,
    BAD_HEADER: (p) =>
      "La première ligne n'est pas un en-tête Cegid TRA : " +
      (p.has("format")
        ? `son format (positions 12-14) est « ${p.text("format")} », STD (standard) ou ETE (étendu) attendu ; la ligne commence par « ${p.text("start")} »`
        : `elle doit commencer par *** (par exemple ***S5CLIJRLSTD), elle commence par « ${p.text("start")} »`),
    BAD_ACCOUNT_TYPE: (p) =>
      `TYPE_CPTE « ${p.text("value")} » est incorrect : il doit être vide ou valoir H (ligne générale), X (tiers) ou A (analytique)`,
    AUX_ON_GENERAL_LINE: (p) =>
      `AUXILIAIRE_OU_SECTION « ${p.text("value")} » est renseigné sur une ligne générale (TYPE_CPTE vide) : il est lu comme son tiers`,
    NOT_NORMAL_ENTRY: (p) =>
      `TYPE_ECRITURE « ${p.text("value")} » ` +
      (ENTRY_TYPE_FR[p.text("value")] ? `désigne ${ENTRY_TYPE_FR[p.text("value")]}` : p.text("value").trim() ? "est un type d'écriture inconnu" : "n'est pas renseigné") +
      ` : seules les écritures normales (N) sont importées, l'écriture ${frEntry(p.text("entry"))} est donc refusée`,
    ANALYTIC_WITHOUT_GENERAL: (p) =>
      `Ligne analytique (TYPE_CPTE A) du compte ${p.text("account")} ` +
      (p.has("previous") ? `placée après le compte ${p.text("previous")}` : "placée en tête de son écriture") +
      ` : elle doit suivre une ligne du compte ${p.text("account")} dans l'écriture ${frEntry(p.text("entry"))}`,
    ANALYTIC_MISMATCH: (p) =>
      `Les lignes analytiques du compte ${p.text("account")} (${p.text("axis") ? `axe ${p.text("axis")}` : "sans axe"}, lignes ${p.text("first")} à ${p.text("last")}) totalisent ${sideOf(p, "spread")}, mais la ligne ${p.text("line")} porte ${sideOf(p, "total")} (écriture ${frEntry(p.text("entry"))})`,
    ANALYTIC_AXIS_IGNORED: (p) =>
      `La ligne ${p.text("line")} (compte ${p.text("account")}) est ventilée sur les axes ${p.text("axes")} : seul l'axe ${p.text("kept")} est repris`,
    DEBIT_AND_CREDIT: (p) => `Débit ${p.amount("debit")} et crédit ${p.amount("credit")} sont tous deux renseignés ; les deux sont conservés`,
    FIELD_TOO_LONG: (p) =>
      `${frField(p.text("field"))} « ${p.text("value")} » fait ${p.text("length")} caractères ; ${p.text("maximum")} au plus` +
      (p.has("instead_of") ? ` (il numérote l'écriture, car ${p.text("instead_of")} est vide)` : ""),
    LINE_TOO_LONG: (p) =>
      `La ligne ${p.text("line")} a ${p.text("length")} caractères ; une ligne ${frFormat(p.text("kind"))} en a au plus ${p.text("maximum")} (est-ce un fichier sans retours à la ligne, ou pas un fichier ${frFormat(p.text("kind"))} ?)`,
    IMPORT_ORDER: (p) => {
      const kinds = p.text("missing").split(", ").map((kind) => ORDER_KIND_FR[kind] ?? p.unsaid());
      const journals = p.text("journals").includes(",") ? `des journaux de banque ${p.text("journals")}` : `du journal de banque ${p.text("journals")}`;
      return `Les écritures ${journals} de ${p.month("month")} sont arrivées avant les écritures ${kinds.join(" et ")} de ce mois : importez d'abord les achats et les ventes, pour que les pièces que règlent les lignes de banque ne restent pas impayées par erreur (non bloquant)`;
    },
    BINARY_FILE: (p) =>
      p.text("content") === "control"
        ? "Le fichier contient des données binaires (octets NUL ou de contrôle), pas du texte"
        : `Le fichier est ${CONTENT_FR[p.text("content")] ?? p.unsaid()}, pas un fichier texte ; ${frCharsets(p.text("format"))}`,
    BAD_ENCODING: (p) => {
      const reason = p.has("reason") ? p.text("reason") : "";
      const what =
        reason === "not_utf8"
          ? `Le document n'est pas du JSON valide ${frJsonPlace(p)} : ${frJsonReason(p)}`
          : p.has("byte")
            ? `Le document n'est pas en UTF-8 : l'octet ${p.text("value")} à la ligne ${p.text("line")} (octet n° ${p.text("byte")}) n'est pas du texte UTF-8 (ISO-8859-1 ou Windows-1252 ?)`
            : `Le fichier ${reason === "bom" ? "est" : "semble"} encodé en ${p.text("encoding")}` + (reason === "no_bom" ? " sans BOM" : "");
      return `${what} ; ${frCharsets(p.has("format") ? p.text("format") : "JSON")}`;
    },
    UNSUPPORTED_FORMAT: (p) =>
      p.has("format") ? `Les fichiers ${p.text("format")} ne peuvent pas encore être importés ici` : "Les fichiers FEC au format XML ne sont pas pris en charge",
    HEADER_ORDER: (p) =>
      `Les colonnes de l'en-tête ne sont pas dans l'ordre légal : la colonne ${p.text("position")} est ${p.text("found")}, ${p.text("expected")} attendue (les valeurs sont lues d'après le nom des colonnes)`,
    WRONG_FIELD_COUNT: (p) =>
      `La ligne a ${p.text("fields")} ${frPlural(p.count("fields"), "champ", "champs")} (séparateur : ${frSeparator(p.raw("separator"))})` +
      (p.has("expected") ? `, contre ${p.text("expected")} dans l'en-tête` : ` ; le modèle lit jusqu'à la colonne ${p.text("column")}, ${frField(p.text("field"))}`) +
      (p.has("instead") ? ` ; elle semble plutôt séparée par ${frSeparator(p.raw("instead"))}` : ""),
    AMOUNT_TOO_LARGE: (p) =>
      `${p.has("field") ? frField(p.text("field")) : "Le montant"} ${p.amount("amount")} dépasse le plus grand montant accepté, ${p.amount("maximum")}`,
    ENTRY_TOTAL_TOO_LARGE: (p) =>
      `Écriture ${frEntry(p.text("entry"))} : ses débits totalisent ${p.amount("debit")}, plus que les ${p.amount("maximum")} qu'une écriture peut porter (scindez-la)`,
    NO_RANGES: () => "Le mode de compte 'ranges' (accountMode) a besoin des plages de numéros de comptes du dossier ; aucune n'est définie",
    BAD_RANGES: (p) => (p.has("problems") ? `Les plages de numéros de comptes du dossier sont inutilisables : ${p.text("problems")}` : p.unsaid()),
    BAD_LAYOUT: (p) => (p.has("problem") ? `Le modèle ne peut pas lire de fichiers : ${p.text("problem")}` : p.unsaid()),
    BAD_QUOTING: (p) =>
      p.text("reason") === "too_long"
        ? `Un champ entre délimiteurs dépasse ${p.text("maximum")} caractères`
        : p.text("reason") === "unclosed"
          ? `Un champ ouvert par « ${p.text("quote")} » n'est pas refermé sur cette ligne ; un champ ne peut pas contenir de retour à la ligne, et un délimiteur à l'intérieur d'un champ délimité s'écrit deux fois`
          : `Un champ délimité est suivi d'autres caractères avant le séparateur ; écrivez ${p.text("quote")}${p.text("quote")} pour un délimiteur dans le texte`,
    KIND_MISMATCH: (p) =>
      p.has("value")
        ? `${frField(p.text("field"))} « ${p.text("value")} » désigne un compte général, mais la ligne a le tiers « ${p.text("third_party")} »`
        : `${frField(p.text("field"))} « ${p.text("third_party")} » est dans une plage de comptes généraux, et non de clients ou de fournisseurs`,
    BAD_KIND_CODE: (p) =>
      `${frValueOrEmpty(p, "n'est pas un code de type de compte")} ; codes admis : ${p.text("general_code")} (compte général), ${p.text("customer_code")} (client), ${p.text("supplier_code")} (fournisseur)`,
    BAD_SIGN: (p) => `${frValueOrEmpty(p, "n'est pas un code de sens")} ; codes admis : ${p.text("debit_code")} (débit) ou ${p.text("credit_code")} (crédit)`,
    AMBIGUOUS_SIDE: (p) =>
      `La ligne génère des lignes de TVA ou de contrepartie mais ${p.text("reason") === "both_sides" ? "le débit et le crédit sont tous deux renseignés" : "son montant est nul"} : son sens n'est pas clair`,
    VAT_ROUNDING: (p) =>
      `${frField(p.text("field"))} ${p.amount("vat")} diffère de ` +
      (p.text("basis") === "gross" ? `la TVA à ${p.amount("rate")} % comprise dans` : `${p.amount("rate")} % de`) +
      ` ${p.amount("amount")} = ${p.amount("computed")} de plus de ${p.amount("tolerance")} ; le montant donné est conservé`,
    VAT_ACCOUNT_UNKNOWN: (p) =>
      "Aucun compte de TVA pour " +
      ([p.has("vat_code") ? `le code « ${p.text("vat_code")} »` : "", p.has("rate") ? `le taux ${p.amount("rate")} %` : ""].filter(Boolean).join(" ou ") ||
        "une ligne sans code ni taux de TVA") +
      " : ajoutez-le à vatAccounts, ou renseignez vatAccount",
    HEADER_VALUE: (p) =>
      `${HEADER_PART_FR[p.text("part")] ?? p.unsaid()} de l'en-tête vaut « ${p.text("value")} », au lieu de l'une des valeurs ${p.text("expected")}`,
    EXTRA_HEADER: (p) => `La ligne ${p.text("line")} est un second en-tête TRA (deux fichiers mis bout à bout ?) ; elle est ignorée`,
    UNKNOWN_RECORD: (p) => `Enregistrement de paramètres inconnu ***${p.text("record")} : ses lignes sont ignorées`,
    RECORD_SKIPPED: (p) =>
      `Les enregistrements ***${p.text("record")} (${RECORD_WHAT_FR[p.text("what")] ?? p.text("what")}) ne sont pas importés : ils sont ignorés`,
    BAD_RECORD: (p) => `Enregistrement ***${p.text("record")} sans code (positions 7-${p.text("end")}) : ignoré`,
    SHORT_LINE: (p) =>
      `La ligne a ${p.text("length")} caractères : une ligne de mouvement TRA en a ${p.text("width")}, et SENS, MONTANT1 et TYPE_ECRITURE (positions 130-151) ne peuvent pas tous être lus`,
    EXTRA_TEXT: (p) => `La ligne a ${p.text("length")} caractères, une ligne standard (STD) ${p.text("width")} : le reste n'est pas lu`,
    TWO_THIRD_PARTIES: (p) =>
      `${frField(p.text("customer_field"))} « ${p.text("customer")} » et ${frField(p.text("supplier_field"))} « ${p.text("supplier")} » sont tous deux renseignés ; une ligne n'a qu'un tiers`,
    ACCOUNT_OUT_OF_RANGES: (p) =>
      `${frField(p.text("field"))} « ${p.text("account")} » est hors de toutes les plages de numéros de comptes du dossier (${frRanges(p.text("ranges"))})`,
    BAD_VAT_RATE: (p) => `${frField(p.text("field"))} « ${p.text("value")} » n'est pas un taux de TVA (un pourcentage comme 20 ou 5,5)`,
    VAT_EXCEEDS_AMOUNT: (p) => `${frField(p.text("field"))} ${p.amount("vat")} dépasse le montant de la ligne, ${p.amount("amount")}`,
    BAD_DATE: (p) => `${frField(p.text("field"))} « ${p.text("value")} » ${frDateReason(p)}`,
    DATE_SEPARATORS: (p) => `${frField(p.text("field"))} « ${p.text("value")} » n'est pas de la forme AAAAMMJJ (lu ${p.date("read")})`,
    DATE_OUT_OF_RANGE: (p) => `${frField(p.text("field"))} « ${p.text("value")} » est hors des années 1900 à 2099 (lu ${p.date("read")})`,
    CHRONOLOGY: (p) =>
      p.has("date")
        ? `L'écriture ${frEntry(p.text("entry"))} (${p.date("date")}) est datée d'avant l'écriture précédente du journal ${p.text("journal")}, ${p.text("previous")} (${p.date("previous_date")})`
        : `L'écriture ${frEntry(p.text("entry"))} vient après ${p.text("previous")} dans le journal ${p.text("journal")} : la numérotation recule`,
    UNREADABLE_ENTRY: (p) => `L'écriture ${frEntry(p.text("entry"))} n'a pas pu être lue`,
    ENTRY_TOO_LONG: (p) =>
      `L'écriture ${frEntry(p.text("entry"))} ${p.has("continued") && p.count("continued") ? "prolonge une écriture de plus de" : "a plus de"} ${p.text("maximum")} lignes ; vérifiez les options de regroupement (groupBy, thirdPartyStartsEntry)`,
    NO_OPEN_FISCAL_YEAR: (p) => `Le ${p.date("date")} n'est dans aucun exercice ouvert`,
    UNKNOWN_COMPANY: (p) =>
      p.has("entry")
        ? `Écriture ${frEntry(p.text("entry"))} : le dossier « ${p.text("company")} » est inconnu, ou vous ne pouvez pas y importer`
        : p.has("record")
          ? `${frRecord(p.text("record"))} : le dossier « ${p.text("company")} » est inconnu`
          : `Aucun dossier actif « ${p.text("company")} ».`,
    CURRENCY_DECIMALS: (p) =>
      `L'écriture ${frEntry(p.text("entry"))} est pour le dossier ${p.text("company")}, dont la devise ${p.text("currency")} ${p.count("decimals") === 0 ? "n'a pas de décimales" : `a ${p.text("decimals")} ${frPlural(p.count("decimals"), "décimale", "décimales")}`}, mais les montants du fichier ont été lus avec ${p.text("file_decimals")} (la devise du dossier auquel il a été envoyé) : envoyez les écritures de ce dossier dans un fichier à part`,
    BATCH_TOTAL_TOO_LARGE: (p) =>
      `L'écriture ${frEntry(p.text("entry"))} porterait le total des débits des écritures du fichier au-delà de ${p.amount("maximum")}, le plus qu'un import peut contenir : envoyez-la dans un autre fichier`,
    // --- Why a received file failed before it was read (imports/receive.py, imports/stage.py) ---
    UNKNOWN_FORMAT: () =>
      "Format non reconnu : ni un FEC (son en-tête nomme JournalCode…), ni un Cegid TRA (première ligne ***…), ni un document JSON d'écritures, ni un relevé bancaire. Choisissez le format, ou un modèle enregistré pour un fichier personnalisé.",
    LAYOUT_REQUIRED: () => "Un fichier personnalisé a besoin d'un modèle d'import.",
    IDEMPOTENCY_CONFLICT: (p) =>
      `La clé d'idempotence « ${p.text("key")} » a déjà servi pour l'import ${p.raw("batch")} (${p.text("file")}) avec un autre contenu : ce fichier a été conservé mais pas lu. Envoyez-le avec une nouvelle clé.`,
    INTERNAL_ERROR: () => "Le fichier n'a pas pu être lu jusqu'au bout (erreur interne, consignée dans le journal du serveur) : rien n'a été mis en attente.",
  } as Record<string, (p: IssueParams) => string>,
  /** The place in a JSON document an error is about, before its sentence (errorText.ts `issueDetailText`):
   * `in_entry` (its rank, then journal and number) and `entry_line`, or `declaration` and `in_record`. */
  issueWhere: (p: IssueParams) =>
    p.has("in_entry")
      ? `Écriture ${p.text("in_entry")}${p.has("entry_line") ? `, ligne ${p.text("entry_line")}` : ""} : `
      : `${(p.has("declaration") && DECLARATION_FR[p.text("declaration")]) || "Objet"} ${p.text("in_record")} : `,
  /** The findings of one code left out of the list past its cap (`what`: the code's label). */
  issueNotListed: (loc: string, n: number, total: number, what: string) =>
    `${count(loc, n, "autre constat", "autres constats")} « ${what} » non ${n < 2 ? "listé" : "listés"} (${formatCount(loc, total)} au total)`,

  // Tooltips and reasons
  tipView: "Visualiser : ouvre le détail des écritures des lignes sélectionnées, toutes au statut « En attente de validation », « Terminé avec erreur » ou « Échec » (pour lire ses erreurs).",
  tipValidate: "Valider : comptabilise l'import. Actif hors multi-sélection, pour une ligne au statut « En attente de validation » ou « Terminé avec erreur ».",
  tipReject: "Rejeter : annule l'import et supprime ses écritures. Actif hors multi-sélection, pour une ligne au statut « En attente de validation », « Terminé avec erreur » ou « Échec ».",
  reasonNoSelection: "Sélectionnez au moins une ligne.",
  reasonViewStatus: "Toutes les lignes sélectionnées doivent être « En attente de validation », « Terminé avec erreur » ou « Échec ».",
  reasonSingle: "Sélectionnez une seule ligne (pas de multi-sélection).",
  reasonValidateStatus: "La ligne doit être « En attente de validation » ou « Terminé avec erreur ».",
  reasonRejectStatus: "La ligne doit être « En attente de validation », « Terminé avec erreur » ou « Échec ».",
  reasonRole: (role: string) => `Votre rôle (${role}) ne permet pas de valider ou rejeter un import : réservé aux collaborateurs et aux clients.`,
  unavailable: "Indisponible :",

  // Confirmations
  rejectConfirmTitle: "Rejeter l'import",
  /** `count`: the number of staged entries in the user's format; `n`: the same as a number, for the plural. */
  rejectConfirmBody: (name: string, count: string, n: number) =>
    `Voulez-vous vraiment rejeter l'import « ${name} » ? ${
      n === 0 ? "Il n'a aucune écriture à supprimer" : n === 1 ? "Son écriture sera supprimée" : `Ses ${count} écritures seront supprimées`
    }, sans retour possible ; les journaux, comptes et tiers créés sont conservés.`,
  rejectDoneTitle: "Import rejeté",
  rejectDoneBody: (name: string) => `La demande d'annulation de l'import « ${name} » a bien été prise en compte.`,
  validateConfirmTitle: "Valider l'import",
  validateConfirmBody: (name: string) =>
    `Voulez-vous valider l'import « ${name} » ? Ses écritures seront comptabilisées et l'historique des imports s'ouvrira.`,
  actionFailed: "L'action n'a pas abouti",

  // Filters: rows of conditions « critère = valeur »
  filterField: { partner: "Utilisateur", status: "Statut", format: "Format", from: "Reçu à partir du", to: "Reçu jusqu'au" },
  filterFieldOf: (n: number) => `Critère de la condition ${n}`,
  filterValueOf: (n: number) => `Valeur de la condition ${n}`,
  filterChoose: "Choisir…",
  filterAdd: "Ajouter une condition",
  filterRemove: (n: number) => `Retirer la condition ${n}`,
  /** The letters of a day's pattern: JJ/MM/AAAA. */
  filterDayLetters: { day: "J", month: "M", year: "A" },
  filterBadDay: (pattern: string) => `Date invalide : saisissez-la sous la forme ${pattern}.`,
  filterPartnersFailed: "La liste des utilisateurs n'a pas pu être chargée.",
  apply: "Appliquer",
  reset: "Réinitialiser",
  activeFilters: (locale: string, n: number) => (n === 0 ? "" : `(${formatCount(locale, n)})`),

  // Upload
  uploadTitle: "Téléverser un fichier",
  uploadDrop: "Déposez un fichier ici, ou",
  uploadPick: "choisissez un fichier",
  uploadChosen: (name: string, size: string) => `Fichier choisi : ${name} (${size})`,
  uploadFormat: "Format du fichier",
  uploadSend: "Téléverser",
  uploadProgress: (pct: number) => `Envoi : ${pct} %`,
  uploadDone: (name: string) => `« ${name} » reçu : son analyse se suit dans le tableau.`,
  uploadFailed: (why: string) => `Le fichier n'a pas été reçu : ${why}`,
  uploadNotAllowed: "Votre rôle ne permet pas de soumettre un import.",
  formatAuto: "Détection automatique",
  duplicateOf: "Ce contenu a déjà été reçu pour ce dossier : un doublon ne peut pas être validé une seconde fois.",
  duplicate: "Doublon",

  // Entry detail
  detailTitle: "Détail des écritures",
  backToConsole: "Retour à la console",
  entriesTab: "Écritures",
  errorsTab: (loc: string, n: number) => `Erreurs (${formatCount(loc, n)})`,
  batchTabs: "Imports affichés",
  ecol: {
    line: "Ligne",
    journal: "Journal",
    date: "Date",
    piece: "Pièce",
    account: "Compte",
    thirdParty: "Tiers",
    reference: "Référence",
    label: "Libellé",
    debit: "Débit",
    credit: "Crédit",
    lettering: "Code lettrage",
    analytic: "Analytique",
    dueDate: "Échéance",
    currencyAmount: "Montant devise",
  },
  totals: "Totaux",
  balanced: "Équilibré",
  balance: "Solde",
  difference: (amount: string) => `Écart : ${amount}`,
  /** The totals bar: the batch's entry lines (still staged, posted, or deleted with the rejected import), then
   * the lines of its refused entries when there are any. */
  linesCount: (loc: string, state: LinesState, staged: number, refused: number) =>
    [
      state === "posted"
        ? count(loc, staged, "ligne comptabilisée", "lignes comptabilisées")
        : state === "deleted"
          ? count(loc, staged, "ligne supprimée", "lignes supprimées")
          : count(loc, staged, "ligne en attente", "lignes en attente"),
      ...(refused > 0 ? [count(loc, refused, "ligne refusée", "lignes refusées")] : []),
    ].join(" · "),
  entriesCount: (loc: string, n: number) => count(loc, n, "écriture", "écritures"),
  downloads: "Téléchargements",
  downloadOriginal: "Fichier d'origine",
  downloadRejected: "Lignes rejetées",
  downloadErrors: "Erreurs (CSV)",
  gridLabel: (name: string) => `Écritures de l'import ${name}`,
  gridLoading: "Chargement des lignes…",
  gridRefused: (what: string) => (what ? `Rejetée : ${what}` : "Rejetée avec son écriture"),
  ierr: { line: "Ligne", field: "Champ", code: "Code", message: "Message", severity: "Gravité" },
  severity: (s: string) => (s === "error" ? "Erreur" : s === "finding" ? "Remarque" : s),
  noErrors: "Aucune erreur.",
  fileLevel: "fichier",
  /** The button on an error's line number: it opens the entries on that line. */
  showLine: (line: number) => `Voir la ligne ${line} dans les écritures`,
  /** Under the line of an error that refused an entry: the lines of that entry, all refused with it. */
  entrySpan: (first: number, last: number) => (first === last ? "écriture d'une ligne, refusée" : `écriture des lignes ${first} à ${last}, refusée`),
  gsearch: {
    label: "Rechercher dans les écritures",
    text: "Libellé ou référence",
    journal: "Journal",
    account: "Compte (début)",
    thirdParty: "Tiers",
    amount: "Montant",
    apply: "Rechercher",
    clear: "Effacer",
    badAmount: "Ce montant n'est pas lisible : écrivez par exemple 1 234,50.",
    none: "Aucune ligne ne correspond à cette recherche.",
  },

  // History
  historyTitle: "Historique des imports",

  // Upload with a layout, batch links
  uploadCustom: "Personnalisé (modèle d'import)",
  uploadLayout: "Modèle d'import",
  uploadChooseLayout: "Choisissez un modèle",
  uploadNoLayouts: "Aucun modèle d'import pour ce dossier.",
  uploadCreateLayout: "Créer un modèle",
  uploadLayoutsLoading: "Chargement des modèles…",
  batchResentOf: "Renvoie, corrigées, les lignes rejetées de l'import",
  batchParent: "Alimenté par le fichier envoyé au dossier",
  batchParentHidden: (id: string) => `Alimenté par un fichier envoyé à un autre dossier (import n° ${id}).`,
  batchLayout: "Lu avec le modèle",
  batchLinks: "Origine de l'import",
  importNumber: (id: string) => `import n° ${id}`,

  // Settings and exports in the menu
  settings: "Paramètres",
  exports: "Exports",
  importLayouts: "Modèles d'import",
  fecExport: "Export FEC",

  // Import layouts
  lay: {
    title: "Modèles d'import personnalisés",
    intro: "Comment lire les fichiers CSV ou à largeur fixe de vos partenaires : colonnes, montants, comptes, TVA, regroupement en écritures.",
    readOnly: "Votre rôle permet de consulter les modèles et les plages de comptes, pas de les modifier.",
    newLayout: "Nouveau modèle",
    none: "Aucun modèle pour ce dossier.",
    listCaption: "Modèles d'import du dossier",
    name: "Nom",
    kindCol: "Type de fichier",
    updatedAt: "Mis à jour le",
    actions: "Actions",
    edit: (name: string) => `Modifier le modèle ${name}`,
    show: (name: string) => `Voir le modèle ${name}`,
    editShort: "Modifier",
    showShort: "Voir",
    remove: "Supprimer",
    removeNamed: (name: string) => `Supprimer le modèle ${name}`,
    removeTitle: "Supprimer le modèle",
    removeBody: (name: string) =>
      `Voulez-vous supprimer le modèle « ${name} » ? Les imports déjà lus avec lui gardent la copie qu'ils ont utilisée.`,
    removed: (name: string) => `Modèle « ${name} » supprimé.`,
    editorNew: "Nouveau modèle d'import",
    editorTitle: (name: string) => `Modèle « ${name} »`,
    notFound: "Ce modèle n'existe pas (ou plus) pour ce dossier.",
    back: "Retour aux modèles",
    save: "Enregistrer le modèle",
    saving: "Enregistrement…",
    saved: (name: string) => `Modèle « ${name} » enregistré.`,
    nameRequired: "Donnez un nom au modèle.",
    problemsTitle: (n: number) => (n === 1 ? "Le modèle ne peut pas être utilisé : 1 problème" : `Le modèle ne peut pas être utilisé : ${n} problèmes`),
    formLabel: "Définition du modèle",
    kindCsv: "CSV (colonnes séparées)",
    kindFixed: "Largeur fixe (positions)",
    secFile: "Fichier",
    secColumns: "Colonnes",
    secColumnsHelpCsv: "Numéro de colonne de chaque donnée (1 = la première). Laissez vide ce que le fichier ne porte pas.",
    secColumnsHelpFixed: "Position du premier caractère (1 = le premier) et nombre de caractères de chaque donnée. Laissez vide ce que le fichier ne porte pas.",
    secAmounts: "Montants",
    secAccounts: "Comptes",
    secJournal: "Journal",
    secVat: "TVA",
    secContra: "Contrepartie",
    secGrouping: "Regroupement des lignes en écritures",
    fileKind: "Type de fichier",
    separator: "Séparateur",
    separatorOther: "Autre séparateur (un caractère)",
    separatorName: { ";": "Point-virgule ( ; )", ",": "Virgule ( , )", "\t": "Tabulation", "|": "Barre verticale ( | )", other: "Autre…" } as Record<string, string>,
    quote: "Délimiteur de texte",
    quoteName: { '"': 'Guillemet double ( " )', "'": "Apostrophe ( ' )", "": "Aucun" } as Record<string, string>,
    encoding: "Encodage",
    encodingName: { auto: "Détection automatique", "utf-8": "UTF-8", cp1252: "Windows-1252", "iso-8859-15": "ISO-8859-15" } as Record<string, string>,
    decimalSeparator: "Séparateur décimal",
    thousandsSeparator: "Séparateur de milliers",
    sepName: { "": "Aucun", " ": "Espace", ".": "Point ( . )", ",": "Virgule ( , )", "'": "Apostrophe ( ' )" } as Record<string, string>,
    dateFormat: "Format des dates",
    dateFormatHelp: "JJ jour, MM mois, AAAA année sur 4 chiffres, AA sur 2 ; ex. JJ/MM/AAAA pour 31/12/2025.",
    dateTokens: { d: "JJ", m: "MM", Y: "AAAA", y: "AA" },
    skipLines: "Lignes d'en-tête à ignorer",
    start: "début",
    length: "longueur",
    columnOf: (field: string) => `${field} : colonne`,
    startOf: (field: string) => `${field} : position de début`,
    lengthOf: (field: string) => `${field} : longueur`,
    field: {
      company: "Société (dossier destinataire)",
      journal: "Code journal",
      journalLabel: "Libellé du journal",
      date: "Date de l'écriture",
      entryNumber: "Numéro d'écriture",
      pieceRef: "Référence de pièce",
      pieceDate: "Date de pièce",
      account: "Compte",
      accountLabel: "Libellé du compte",
      kind: "Type de compte",
      thirdParty: "Compte de tiers",
      thirdPartyLabel: "Nom du tiers",
      customer: "Compte client",
      supplier: "Compte fournisseur",
      label: "Libellé de la ligne",
      debit: "Débit",
      credit: "Crédit",
      amount: "Montant",
      sign: "Sens",
      vatAmount: "Montant de TVA",
      vatCode: "Code TVA",
      vatRate: "Taux de TVA",
      contraAccount: "Compte de contrepartie",
      analytic: "Section analytique",
      currency: "Devise",
      lettering: "Code lettrage",
      dueDate: "Date d'échéance",
      invoiceRef: "N° de facture",
    } as Record<string, string>,
    amountMode: "Lecture des montants",
    amountModeName: {
      debitCredit: "Deux colonnes : débit et crédit",
      signed: "Un montant signé (négatif = crédit)",
      signColumn: "Un montant et une colonne de sens",
    } as Record<string, string>,
    signCodes: "Codes de la colonne de sens",
    signDebit: "Code du débit",
    signCredit: "Code du crédit",
    accountMode: "Lecture des comptes",
    accountModeName: {
      twoColumns: "Deux colonnes : compte général et compte de tiers",
      kindColumn: "Un compte et une colonne de type (G/D/C)",
      ranges: "Un compte, son type donné par les plages de comptes",
      threeColumns: "Trois colonnes : compte général, client, fournisseur",
    } as Record<string, string>,
    rangesHint: "Le type de chaque compte vient des plages de comptes du dossier (sur la page des modèles).",
    twoColumnsHint: "La colonne de type est facultative : sans elle, le type du tiers vient des plages de comptes.",
    kindCodes: "Codes de la colonne de type",
    kindGeneral: "Code « général »",
    kindCustomer: "Code « client »",
    kindSupplier: "Code « fournisseur »",
    customerAccount: "Compte collectif clients",
    supplierAccount: "Compte collectif fournisseurs",
    journalMode: "Journal des écritures",
    journalModeName: { code: "Lu dans le fichier, ou journal fixe", default: "Journal par défaut du dossier pour un type" } as Record<string, string>,
    journalKind: "Type du journal par défaut",
    journalKindHelp: "Les écritures vont dans le journal par défaut de ce type du dossier (Paramètres › Journaux) : sans journal par défaut de ce type, l'import échoue.",
    journalFixed: "Journal fixe (quand la colonne est absente ou vide)",
    journalLabelFixed: "Libellé du journal fixe",
    vatOn: "Les lignes portent leur TVA (une ligne de TVA est générée)",
    vatAccount: "Compte de TVA fixe",
    vatAccounts: "Compte de TVA par code ou par taux",
    vatKey: "Code ou taux",
    vatKeyOf: (n: number) => `Code ou taux ${n}`,
    vatAccountOf: (n: number) => `Compte de TVA ${n}`,
    vatRemove: (n: number) => `Retirer la correspondance ${n}`,
    vatAdd: "Ajouter un code ou un taux",
    vatNone: "Aucune correspondance : le compte fixe sert pour toutes les lignes.",
    contraMode: "Compte de contrepartie",
    contraName: { none: "Aucun", column: "Lu dans une colonne", fixed: "Compte fixe (équilibre l'écriture)" } as Record<string, string>,
    contraFixed: "Compte de contrepartie fixe",
    groupBy: "Une nouvelle écriture commence quand change :",
    groupUnmapped: "(colonne non renseignée)",
    thirdPartyStarts: "Une ligne de tiers (client ou fournisseur) commence une nouvelle écriture",
    json: "Définition envoyée (JSON)",
    /** Options named by a problem that have no input label of their own. */
    optionName: {
      columns: "Colonnes",
      kind: "Type de fichier",
      journal: "Journal",
      groupBy: "Regroupement",
      contraAccountFixed: "Compte de contrepartie fixe",
      thirdPartyStartsEntry: "Ligne de tiers",
      definition: "Modèle",
    } as Record<string, string>,
    /** Why the layout cannot be used, from the server's reason and the columns (`col`: a column's label) and
     * mode (`mode`: its name) it names. */
    problem: {
      CSV_NEEDS_NUMBERS: (p: LayoutParams) => `un fichier CSV se lit par numéros de colonne (1 = la première) ; sans numéro : ${p.cols("columns")}`,
      FIXED_NEEDS_POSITIONS: (p: LayoutParams) => `un fichier à largeur fixe se lit par positions (début et longueur) ; sans position : ${p.cols("columns")}`,
      QUOTE_IS_SEPARATOR: () => "le délimiteur de texte doit différer du séparateur",
      SAME_SEPARATORS: () => "le séparateur de milliers doit différer du séparateur décimal",
      COLUMN_REQUIRED: () => "colonne obligatoire",
      NO_JOURNAL: () => "indiquez la colonne du code journal, un journal fixe, ou le type du journal par défaut du dossier",
      MODE_NEEDS_COLUMN: (p: LayoutParams) => `« ${p.mode()} » a besoin de la colonne ${p.col("column")}`,
      MODE_UNUSED_COLUMNS: (p: LayoutParams) => `« ${p.mode()} » ne lit pas : ${p.cols("columns")} (retirez ${p.many("columns") ? "ces colonnes" : "cette colonne"} ou changez de mode)`,
      MODE_NEEDS_PARTY_COLUMN: (p: LayoutParams) => `« ${p.mode()} » a besoin d'une colonne ${p.label("customer")} ou ${p.label("supplier")}`,
      KIND_WITHOUT_THIRD_PARTY: (p: LayoutParams) => `« ${p.mode()} » lit la colonne ${p.label("kind")} pour le ${p.label("thirdParty")}, qui n'est pas indiqué`,
      VAT_CODE_ALONE: (p: LayoutParams) => `la colonne ${p.label("vatCode")} a besoin d'une colonne ${p.label("vatAmount")} ou ${p.label("vatRate")}`,
      VAT_ACCOUNT_MISSING: () => "des colonnes de TVA sont indiquées : donnez un compte de TVA fixe, ou un compte par code ou par taux",
      VAT_ACCOUNT_UNUSED: () => "aucune colonne de montant ou de taux de TVA n'est indiquée",
      CONTRA_TWICE: () => "donnez une colonne de compte de contrepartie ou un compte fixe, pas les deux",
      GROUP_KEY_TWICE: () => "une même colonne est indiquée deux fois",
      GROUP_KEY_NOT_MAPPED: (p: LayoutParams) => `la colonne ${p.col("column")} n'est pas indiquée dans le fichier`,
    } as Record<string, (p: LayoutParams) => string>,
    /** A value refused, by the kind of error (pydantic's type): `p.text` reads the limit it names. */
    invalid: {
      missing: () => "obligatoire",
      literal_error: (p: LayoutParams) => `valeur non valable (valeurs possibles : ${p.text("expected")})`,
      unknown_field: (p: LayoutParams) => `colonne inconnue : ${p.text("unknown")}`,
      string_too_long: (p: LayoutParams) => `${p.text("max_length")} caractères au plus`,
      string_too_short: () => "ne doit pas être vide",
      too_long: () => "trop long",
      greater_than_equal: (p: LayoutParams) => `au moins ${p.text("ge")}`,
      less_than_equal: (p: LayoutParams) => `au plus ${p.text("le")}`,
      int_type: () => "un nombre entier est attendu",
      int_parsing: () => "un nombre entier est attendu",
      string_type: () => "un texte est attendu",
      extra_forbidden: () => "option inconnue",
      separator: () => "un seul caractère (tabulation comprise), ni guillemet ni saut de ligne",
      quote: () => "un seul caractère (souvent \") ou aucun",
      date_format: () => "format non reconnu : il faut le jour, le mois et l'année (JJ, MM, AAAA ou AA), une fois chacun",
      blank: () => "ne doit pas être vide",
      same_codes: () => "les codes doivent être différents",
    } as Record<string, (p: LayoutParams) => string>,
    invalidOther: "valeur non valable",
    /** A problem under its option's or column's name: « Séparateur : un seul caractère… ». */
    problemAt: (where: string, why: string) => `${where} : ${why}`,
    // Preview
    preview: "Aperçu",
    previewNothingSaved: "Aperçu seulement : rien n'est enregistré ni importé.",
    sample: "Fichier d'exemple",
    sampleDrop: "Déposez un fichier d'exemple ici, ou",
    samplePick: "choisissez un fichier",
    sampleChosen: (name: string, size: string) => `Exemple : ${name} (${size})`,
    sampleHint: "Choisissez un fichier d'exemple : chaque modification du modèle l'analyse à nouveau.",
    previewForbidden: "Votre rôle ne permet pas de lancer un aperçu.",
    previewLoading: "Analyse de l'exemple…",
    previewStale: "Mise à jour de l'aperçu…",
    previewCounts: (loc: string, lines: number, entries: number, rejected: number, errors: number, findings: number) =>
      [
        count(loc, lines, "ligne lue", "lignes lues"),
        count(loc, entries, "écriture", "écritures"),
        count(loc, rejected, "rejetée", "rejetées"),
        count(loc, errors, "erreur", "erreurs"),
        count(loc, findings, "constat", "constats"),
      ].join(" · "),
    previewEncoding: (enc: string) => `Encodage : ${enc}`,
    previewRefused: "Le modèle ne peut pas encore lire l'exemple : corrigez les problèmes signalés à côté du formulaire.",
    previewFailed: (why: string) => `L'aperçu a échoué : ${why}`,
    previewFatal: "Le fichier ne peut pas être lu :",
    previewEntries: (loc: string, shown: number, total: number) =>
      shown === total
        ? `Écritures lues (${formatCount(loc, total)})`
        : `Premières écritures lues (${formatCount(loc, shown)} sur ${formatCount(loc, total)})`,
    previewNoEntries: "Aucune écriture lue.",
    previewEntryHead: (journal: string, number: string, date: string, company: string) =>
      `Journal ${journal} · N° ${number || "—"} · ${date} · ${company}`,
    previewIssues: (loc: string, n: number) => `Erreurs et constats (${formatCount(loc, n)})`,
    previewNoIssues: "Aucune erreur ni constat.",
    pcol: {
      line: "Ligne",
      account: "Compte",
      thirdParty: "Tiers",
      pieceRef: "Pièce",
      label: "Libellé",
      debit: "Débit",
      credit: "Crédit",
      analytic: "Analytique",
    },
    total: "Total",
    unbalanced: "Déséquilibrée",
    // Account ranges
    ranges: "Plages de comptes",
    rangesIntro:
      "Elles donnent leur type (général, client, fournisseur) aux numéros de compte lus dans une seule colonne. Choisissez ci-dessous comment leurs bornes se comparent.",
    rangesCaption: "Plages de comptes du dossier",
    rangeKind: "Type",
    rangeFrom: "De",
    rangeTo: "À",
    rangeKindName: RANGE_KIND_FR,
    rangeKindOf: (n: number) => `Type de la plage ${n}`,
    rangeFromOf: (n: number) => `Début de la plage ${n}`,
    rangeToOf: (n: number) => `Fin de la plage ${n}`,
    rangeRemove: (n: number) => `Retirer la plage ${n}`,
    rangeAdd: "Ajouter une plage",
    rangesSave: "Enregistrer les plages",
    rangesSaved: "Plages de comptes enregistrées.",
    fecSiren: "SIREN des fichiers FEC",
    fecSirenIntro: (siren: string) =>
      siren
        ? `Le nom d'un fichier FEC porte le SIREN de la société dont il contient les écritures. Un nom qui porte un autre SIREN que celui du dossier (${siren}) est toujours signalé avant la validation.`
        : "Le nom d'un fichier FEC porte le SIREN de la société dont il contient les écritures. Ce dossier n'a pas de SIREN : il n'est pas comparé.",
    fecSirenRefuse: "Refuser le fichier (au lieu de l'importer avec un constat)",
    fecSirenSaved: (refused: boolean): string =>
      refused ? "Les fichiers FEC d'un autre SIREN seront refusés." : "Les fichiers FEC d'un autre SIREN seront importés avec un constat.",
    rangesNone: "Aucune plage de comptes.",
    rangesRefused: "Les plages n'ont pas été enregistrées :",
    rangeMatch: "Comparaison des bornes (pour toutes les plages)",
    rangeMatchName: { PREFIX: "Par préfixe", NUMBER: "Par valeur numérique" } as Record<string, string>,
    rangeMatchHelp: {
      PREFIX: "Les bornes se comparent comme du texte : « 411 » couvre tous les comptes qui commencent par 411 (plan comptable français).",
      NUMBER: "Les comptes sont des nombres entiers comparés par leur valeur : 1000 à 9999, 10000 à 19999, 20000 à 29999 (comptes AFAS, par exemple).",
    } as Record<string, string>,
  },

  // FEC export
  fec: {
    title: "Export FEC",
    intro: "Le fichier des écritures comptables d'un exercice : ses écritures comptabilisées, au format de l'article A47 A-1 du LPF.",
    action: "Exporter le FEC",
    card: "Exporter le FEC d'un exercice",
    year: "Exercice",
    keepNumbers: "Conserver les numéros d'écriture d'origine",
    keepNumbersHelp: "Sinon, les écritures sont numérotées 1, 2, 3… dans l'ordre des dates.",
    prepare: "Préparer l'export",
    preparing: "Préparation…",
    noYears: "Aucun exercice pour ce dossier.",
    noSiren: "Ce dossier n'a pas de SIREN : le FEC, nommé d'après lui, ne peut pas être produit.",
    sirenRequired: "Le FEC ne peut pas être produit : le dossier n'a pas de SIREN.",
    unbalanced: "Le FEC ne peut pas être produit : les écritures de l'exercice ne sont pas équilibrées.",
    failed: (why: string) => `L'export a échoué : ${why}`,
    ready: "Export prêt",
    fileName: "Fichier",
    entries: "Écritures",
    lines: "Lignes",
    totalDebit: "Total débit",
    totalCredit: "Total crédit",
    download: (name: string) => `Télécharger ${name}`,
  },

  // Fiscal years, journals and the posted books
  fy: {
    title: "Exercices",
    intro: "Les exercices comptables du dossier : on importe et on comptabilise dans un exercice ouvert. Verrouillé, il ne reçoit plus rien jusqu'à son déverrouillage ; clôturé, c'est définitif.",
    caption: "Exercices du dossier",
    col: { name: "Exercice", start: "Début", end: "Fin", status: "État", actions: "Actions" },
    none: "Aucun exercice.",
    open: "ouvert",
    locked: "verrouillé",
    closed: "clôturé",
    lock: "Verrouiller",
    unlock: "Déverrouiller",
    lockNamed: (name: string) => `Verrouiller l'exercice ${name}`,
    unlockNamed: (name: string) => `Déverrouiller l'exercice ${name}`,
    close: "Clôturer",
    closeNamed: (name: string) => `Clôturer l'exercice ${name}`,
    lockedDone: (name: string) => `Exercice « ${name} » verrouillé.`,
    unlockedDone: (name: string) => `Exercice « ${name} » déverrouillé.`,
    closedDone: (name: string) => `Exercice « ${name} » clôturé.`,
    closeTitle: "Clôturer l'exercice",
    closeBody: (name: string, start: string, end: string) =>
      `Clôturer l'exercice « ${name} » (du ${start} au ${end}) ? C'est irréversible : plus rien n'y sera comptabilisé. Une écriture d'à-nouveaux (journal AN) est passée au premier jour de l'exercice suivant : elle reporte les soldes des comptes des classes 1 à 5 et porte le résultat (classes 7 − 6) au compte 120 (bénéfice) ou 129 (perte).`,
    closeYes: "Clôturer définitivement",
    closedTitle: (name: string) => `Exercice « ${name} » clôturé`,
    result: "Résultat de l'exercice",
    profit: (amount: string) => `Bénéfice de ${amount} (compte 120)`,
    loss: (amount: string) => `Perte de ${amount} (compte 129)`,
    nil: "Résultat nul",
    opening: "À-nouveaux",
    openingLines: (loc: string, n: number, year: string) => `Écriture de ${count(loc, n, "ligne", "lignes")} dans l'exercice « ${year} »`,
    noOpening: "Aucun solde à reporter : pas d'écriture d'à-nouveaux.",
    openingTotal: "Montant reporté",
    seeOpening: "Voir l'écriture d'à-nouveaux",
    readOnly: "Votre rôle permet de consulter les exercices, pas d'en ouvrir.",
    openTitle: "Ouvrir un exercice",
    start: "Date de début",
    end: "Date de fin (facultative)",
    endHelp: "Sans date de fin, l'exercice dure 12 mois. Un premier ou un dernier exercice peut durer de 1 à 24 mois.",
    name: "Nom (facultatif)",
    nameHelp: "Par défaut « Exercice 2026 », d'après ses dates.",
    openButton: "Ouvrir l'exercice",
    opened: (name: string) => `Exercice « ${name} » ouvert.`,
    manage: "Gérer les exercices",
  },
  jr: {
    title: "Journaux",
    intro: "Les journaux du dossier, créés par les imports ou ici. Leur type sert au contrôle de l'ordre des imports (la banque après les achats et les ventes).",
    readOnly: "Votre rôle permet de consulter les journaux, pas de les modifier.",
    caption: "Journaux du dossier",
    col: { code: "Code", label: "Libellé", kind: "Type", isDefault: "Par défaut", used: "Utilisé", createdBy: "Créé par" },
    none: "Aucun journal.",
    kind: JOURNAL_KIND_FR,
    kindOf: (code: string) => `Type du journal ${code}`,
    kindSet: (code: string, kind: string) => `Journal ${code} : ${kind}.`,
    defaultIntro: "Le journal par défaut d'un type reçoit les imports des modèles qui ne nomment pas de journal mais ce type ; un seul par type.",
    defaultOf: (code: string) => `Journal ${code} par défaut de son type`,
    defaultNeedsKind: "Donnez-lui d'abord un type",
    defaultSet: (code: string, kind: string) => `Journal ${code} : journal par défaut de type « ${kind} ».`,
    defaultUnset: (code: string) => `Journal ${code} : n'est plus un journal par défaut.`,
    defaultDropped: "Il n'est plus un journal par défaut (il l'était de son ancien type).",
    entriesOf: (code: string) => `Écritures du journal ${code}`,
    byHand: "hors import",
    add: "Ajouter un journal",
    addButton: "Ajouter le journal",
    added: (code: string) => `Journal ${code} enregistré.`,
  },
  bk: {
    books: "Livres comptables",
    entries: "Écritures",
    ledger: "Grand livre",
    balance: "Balance",
    chart: "Plan comptable et tiers",
    entriesTitle: "Écritures comptabilisées",
    entriesIntro: "Les écritures validées, par date, avec leurs lignes, l'import d'où elles viennent et leur extourne.",
    filters: "Filtres",
    journal: "Journal",
    allJournals: "Tous les journaux",
    from: "Du",
    to: "Au",
    show: "Afficher",
    ofImport: "Écritures de l'import",
    allImports: "Toutes les écritures",
    noEntries: "Aucune écriture ne correspond.",
    entryCount: (loc: string, shown: number, total: number) =>
      shown === total ? count(loc, total, "écriture", "écritures") : `${count(loc, shown, "écriture", "écritures")} sur ${formatCount(loc, total)}`,
    entryTitle: (journal: string, number: string, date: string) => `${journal} · N° ${number} · ${date}`,
    fromImport: (id: string) => `Import n° ${id}`,
    reverses: "Extourne de l'écriture d'origine",
    reversedBy: "Extournée : voir l'écriture d'extourne",
    entryTotal: (loc: string, n: number) => `Total (${count(loc, n, "ligne", "lignes")})`,
    col: {
      account: "Compte",
      accountLabel: "Libellé",
      thirdParty: "Tiers",
      label: "Libellé",
      reference: "Pièce",
      lettering: "Lettrage",
      analytic: "Analytique",
      debit: "Débit",
      credit: "Crédit",
      balance: "Solde",
      date: "Date",
      journal: "Journal",
      number: "N° d'écriture",
      code: "Code",
      kind: "Type",
      used: "Utilisé",
      createdBy: "Créé par",
    },
    ledgerTitle: "Grand livre d'un compte",
    ledgerIntro: "Les lignes comptabilisées d'un compte, par date, avec le solde (débit − crédit) après chacune.",
    pickAccount: "Choisissez un compte et une période.",
    account: "Compte",
    accountHelp: "Tapez un numéro ou un libellé : les comptes du dossier sont proposés.",
    unknownAccount: (account: string) => `Le dossier n'a pas de compte ${account}.`,
    ledgerOf: (account: string, label: string) => `Compte ${account}${label ? ` — ${label}` : ""}`,
    opening: "Solde d'ouverture",
    openingAt: (date: string) => `Solde d'ouverture au ${date}`,
    closing: "Solde de clôture",
    closingAt: (date: string) => `Solde au ${date}`,
    totalDebit: "Total débit",
    totalCredit: "Total crédit",
    noLines: "Aucune ligne sur la période.",
    lineCount: (loc: string, shown: number, total: number) =>
      shown === total ? count(loc, total, "ligne", "lignes") : `${count(loc, shown, "ligne", "lignes")} sur ${formatCount(loc, total)}`,
    balanceTitle: "Balance générale",
    balanceIntro: "Les mouvements comptabilisés de chaque compte général sur la période, un total par classe et le total général.",
    year: "Exercice",
    anyPeriod: "Toute la période",
    inCurrency: (currency: string) => `Montants en ${currency}`,
    exportCsv: "Exporter en CSV",
    csvName: "balance",
    noBalance: "Aucune écriture comptabilisée sur la période.",
    classTotal: (key: string) => (key === "other" ? "Total des autres comptes" : `Total classe ${key}`),
    grandTotal: "Total général",
    chartTitle: "Plan comptable et tiers",
    chartIntro: "Les comptes, tiers et sections analytiques du dossier : s'ils sont utilisés et l'import qui les a créés.",
    chartTab: { accounts: "Comptes", thirdParties: "Tiers", analytic: "Sections analytiques" },
    search: "Rechercher",
    searchIn: (what: string) => `Rechercher dans ${what}`,
    noneFound: "Aucun résultat.",
    partyKind: { customer: "Client", supplier: "Fournisseur", other: "Autre", "": "" } as Record<string, string>,
    itemCount: (loc: string, shown: number, total: number) =>
      shown === total ? count(loc, total, "élément", "éléments") : `${count(loc, shown, "élément", "éléments")} sur ${formatCount(loc, total)}`,
    seeEntries: "Voir les écritures",
    seeEntriesOf: (name: string) => `Voir les écritures de l'import ${name}`,
    reverse: "Extourner",
    reverseTitle: "Extourner l'import",
    reverseBody: (name: string) =>
      `Extourner l'import « ${name} » ? Chacune de ses écritures reçoit une écriture inverse, datée du jour choisi (dans un exercice ouvert). Les écritures d'origine et leurs extournes restent toutes dans les livres.`,
    reverseDate: "Date des écritures d'extourne",
    reversedDone: (name: string) => `Import « ${name} » extourné.`,
    reversedOn: (at: string, date: string) => `Extourné le ${at} : écritures d'extourne datées du ${date}.`,
  },

  // Firm administration: companies (dossiers); a company's details
  administration: "Administration",
  companyDetails: "Informations du dossier",
  adm: {
    title: "Dossiers du cabinet",
    tab: "Dossiers",
    intro: "Créez les dossiers du cabinet, modifiez leurs informations, archivez-les ou restaurez-les.",
    forbidden: "Cette page est réservée aux administrateurs du cabinet.",
    showArchived: "Afficher les dossiers archivés",
    newCompany: "Nouveau dossier",
    listCaption: "Dossiers du cabinet",
    none: "Aucun dossier.",
    col: { name: "Nom", siren: "SIREN", code: "Code court", currency: "Devise", country: "Pays", status: "Statut", actions: "Actions" },
    active: "Actif",
    archived: "Archivé",
    findings: "À corriger :",
    edit: "Modifier",
    editNamed: (name: string) => `Modifier le dossier ${name}`,
    archive: "Archiver",
    archiveNamed: (name: string) => `Archiver le dossier ${name}`,
    restore: "Restaurer",
    restoreNamed: (name: string) => `Restaurer le dossier ${name}`,
    archiveTitle: "Archiver le dossier",
    archiveBody: (name: string) =>
      `Archiver le dossier « ${name} » ? Ses écritures, fichiers et historique sont conservés, mais il sera masqué pour ses membres et ses clés d'API cesseront de fonctionner. Vous pourrez le restaurer.`,
    archivedDone: (name: string) => `Dossier « ${name} » archivé.`,
    restoredDone: (name: string) => `Dossier « ${name} » restauré.`,
    created: (name: string) => `Dossier « ${name} » créé.`,
    saved: (name: string) => `Dossier « ${name} » enregistré.`,
    formNew: "Nouveau dossier",
    formEdit: (name: string) => `Modifier le dossier « ${name} »`,
    formLabel: "Informations du dossier",
    field: {
      name: "Nom du dossier",
      siren: "SIREN",
      code: "Code court",
      currency: "Devise",
      country: "Pays",
      address: "Adresse",
    },
    help: {
      siren: "9 chiffres ; laissez vide si le dossier n'en a pas.",
      code: "Le nom court qu'une colonne « société » d'un fichier peut donner : lettres, chiffres, . _ -",
      currency: "Code ISO 4217 (EUR, CHF…) ; elle ne change plus une fois des imports reçus.",
      country: "Code ISO 3166 (FR, BE, CH…).",
    },
    create: "Créer le dossier",
    save: "Enregistrer",
    saving: "Enregistrement…",
    notSaved: "Le dossier n'a pas été enregistré : corrigez le champ signalé.",
    detailsIntro: "Nom, SIREN, code court, devise, pays et adresse du dossier.",
    readOnly: "Seul un administrateur du dossier peut modifier ces informations.",
  },

  // Firm administration: users; a company's members and API keys; passwords
  adminPages: "Pages d'administration",
  members: "Membres du dossier",
  apiKeys: "Clés d'API",
  copy: {
    copy: "Copier",
    copied: "Copié dans le presse-papiers.",
    notCopied: "La copie n'a pas abouti : sélectionnez le texte et copiez-le vous-même.",
    done: "C'est noté",
  },
  usr: {
    title: "Utilisateurs du cabinet",
    tab: "Utilisateurs",
    intro: "Créez les comptes des personnes du cabinet et de ses clients, donnez-leur un rôle par dossier, réinitialisez leur mot de passe, désactivez-les.",
    newUser: "Nouvel utilisateur",
    listCaption: "Utilisateurs du cabinet",
    none: "Aucun utilisateur.",
    col: { name: "Nom", email: "Adresse e-mail", status: "Statut", firmAdmin: "Administrateur du cabinet", roles: "Rôles", actions: "Actions" },
    active: "Actif",
    deactivated: "Désactivé",
    yes: "Oui",
    no: "Non",
    noRoles: "Aucun rôle",
    roleChip: (company: string, role: string) => `${company} : ${role}`,
    edit: "Modifier",
    editNamed: (name: string) => `Modifier ${name}`,
    reset: "Réinitialiser le mot de passe",
    resetNamed: (name: string) => `Réinitialiser le mot de passe de ${name}`,
    deactivate: "Désactiver",
    deactivateNamed: (name: string) => `Désactiver ${name}`,
    reactivate: "Réactiver",
    reactivateNamed: (name: string) => `Réactiver ${name}`,
    deactivateTitle: "Désactiver l'utilisateur",
    deactivateBody: (name: string, email: string) =>
      `Désactiver ${name} (${email}) ? Cette personne ne pourra plus se connecter, et ses sessions ouvertes prennent fin immédiatement. Ses rôles sont conservés : vous pourrez la réactiver.`,
    deactivatedDone: (name: string) => `${name} est désactivé(e) : ses sessions ont pris fin.`,
    reactivatedDone: (name: string) => `${name} peut de nouveau se connecter.`,
    created: (name: string) => `Utilisateur « ${name} » créé.`,
    saved: (name: string) => `Utilisateur « ${name} » enregistré.`,
    formNew: "Nouvel utilisateur",
    formEdit: (name: string) => `Modifier l'utilisateur « ${name} »`,
    formLabel: "Utilisateur",
    field: { email: "Adresse e-mail", name: "Nom", locale: "Langue", firmAdmin: "Administrateur du cabinet" },
    firmAdminHelp: "Crée et archive les dossiers et les utilisateurs, donne tous les rôles.",
    localeName: { fr: "Français", en: "Anglais" } as Record<string, string>,
    roles: "Rôle par dossier",
    rolesHelp: "Les rôles se changent ensuite dans les membres de chaque dossier.",
    noRole: "Aucun",
    create: "Créer l'utilisateur",
    save: "Enregistrer",
    saving: "Enregistrement…",
    notSaved: "L'utilisateur n'a pas été enregistré : corrigez le champ signalé.",
    linkTitle: (name: string) => `Lien de choix du mot de passe de ${name}`,
    linkLabel: "Lien à transmettre",
    linkNote:
      "Valable 72 heures et affiché uniquement maintenant : copiez-le et transmettez-le à la personne, qui y choisira son mot de passe. Un nouveau lien s'obtient avec « Réinitialiser le mot de passe ».",
    forbidden: "Cette page est réservée aux administrateurs du cabinet.",
  },
  mbr: {
    title: "Membres du dossier",
    intro: "Les personnes qui ont accès au dossier, et leur rôle.",
    reserved: "Cette page est réservée aux administrateurs du dossier.",
    listCaption: "Membres du dossier",
    none: "Aucun membre.",
    col: { name: "Nom", email: "Adresse e-mail", role: "Rôle", actions: "Actions" },
    deactivated: "(désactivé)",
    roleOf: (name: string) => `Rôle de ${name}`,
    roleSet: (name: string, role: string) => `${name} : ${role}.`,
    remove: "Retirer",
    removeNamed: (name: string) => `Retirer ${name} du dossier`,
    removeTitle: "Retirer du dossier",
    removeBody: (name: string, company: string) => `Retirer ${name} du dossier « ${company} » ? Cette personne n'y aura plus accès.`,
    removed: (name: string) => `${name} n'a plus accès au dossier.`,
    add: "Ajouter une personne",
    addHelp: "La personne doit avoir un compte : un administrateur du cabinet le crée.",
    email: "Adresse e-mail",
    role: "Rôle",
    addButton: "Ajouter",
    added: (name: string, role: string) => `${name} a accès au dossier (${role}).`,
  },
  keys: {
    title: "Clés d'API",
    intro: "Les clés des applications partenaires qui envoient des imports à ce dossier.",
    reserved: "Cette page est réservée aux administrateurs du dossier.",
    listCaption: "Clés d'API du dossier",
    none: "Aucune clé d'API.",
    col: { name: "Nom", prefix: "Début de la clé", created: "Créée le", lastUsed: "Dernière utilisation", status: "Statut", actions: "Actions" },
    never: "Jamais",
    active: "Active",
    revokedOn: (date: string) => `Révoquée le ${date}`,
    newKey: "Nouvelle clé",
    name: "Nom de la clé",
    nameHelp: "Par exemple le nom de l'application partenaire qui l'utilisera.",
    badName: (maximum: string) => `Le nom d'une clé a au plus ${maximum} caractères, sans caractères de contrôle.`,
    create: "Créer la clé",
    creating: "Création…",
    keyTitle: (name: string) => `Clé « ${name} »`,
    keyLabel: "Clé d'API",
    keyNote: "Copiez-la maintenant et conservez-la en lieu sûr : elle ne sera plus jamais affichée.",
    revoke: "Révoquer",
    revokeNamed: (name: string) => `Révoquer la clé ${name}`,
    revokeTitle: "Révoquer la clé d'API",
    revokeBody: (name: string) =>
      `Révoquer la clé « ${name} » ? Les applications qui l'utilisent ne pourront plus rien envoyer, dès maintenant. C'est définitif.`,
    revokedDone: (name: string) => `Clé « ${name} » révoquée.`,
    createdDone: (name: string) => `Clé « ${name} » créée.`,
  },
  pwd: {
    title: "Choisir votre mot de passe",
    intro: "Au moins 12 caractères et difficile à deviner : une phrase de plusieurs mots convient bien.",
    newPassword: "Nouveau mot de passe",
    confirm: "Confirmer le mot de passe",
    current: "Mot de passe actuel",
    submit: "Enregistrer le mot de passe",
    saving: "Enregistrement…",
    mismatch: "Les deux mots de passe ne sont pas identiques.",
    noToken: "Ce lien est incomplet : ouvrez le lien reçu tel quel, ou demandez-en un nouveau à un administrateur du cabinet.",
    done: "Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter.",
    toLogin: "Se connecter",
    change: "Changer mon mot de passe",
    changeIntro: "Vos autres sessions seront déconnectées ; celle-ci continue.",
    changeButton: "Changer le mot de passe",
    changed: "Mot de passe changé. Vos autres sessions ont été déconnectées.",
    userMenu: (name: string) => `Compte de ${name}`,
  },

  // Notifications
  notifications: "Notifications",
  notificationsUnread: (loc: string, n: number) => (n === 0 ? "Notifications, aucune non lue" : `Notifications, ${count(loc, n, "non lue", "non lues")}`),
  markAllRead: "Tout marquer comme lu",
  noNotifications: "Aucune notification.",
  note: {
    PARSE_DONE: (w: NoteWords) =>
      `${frFile(w, "Un import")} analysé : ${w.entries === null ? "" : `${frEntries(w.entries, w.entriesText)} `}en attente de validation.`,
    PARSE_DONE_WITH_ERRORS: (w: NoteWords) =>
      `${frFile(w, "Un import")} analysé avec des erreurs : ${
        w.entries === null ? "" : `${frEntries(w.entries, w.entriesText)} en attente de validation, `
      }${w.rejected === null ? "des écritures refusées" : `${w.rejectedText} refusée${w.rejected === 1 ? "" : "s"}`}.`,
    PARSE_FAILED: (w: NoteWords) => `${frFile(w, "Un fichier")} n'a pas pu être lu${w.reason ? ` : ${w.reason}` : "."}`,
    VALIDATED: (w: NoteWords) =>
      `Import${w.name ? ` « ${w.name} »` : ""}${w.company ? ` (${w.company})` : ""} validé : ${
        w.entries === null ? "écritures" : frEntries(w.entries, w.entriesText)
      } comptabilisée${w.entries === 1 ? "" : "s"}.`,
    REJECTED: (w: NoteWords) => `Import${w.name ? ` « ${w.name} »` : ""}${w.company ? ` (${w.company})` : ""} rejeté : écritures supprimées.`,
    other: (w: NoteWords) => (w.name ? `Nouvelle notification : « ${w.name} »` : "Nouvelle notification"),
  },
  statusChanged: (name: string, status: string) => `${name} : ${status}`,

  status: {
    RECEIVED: "Reçu",
    PARSING: "En cours d'analyse",
    PENDING_VALIDATION: "En attente de validation",
    FINISHED_WITH_ERROR: "Terminé avec erreur",
    FAILED: "Échec",
    VALIDATING: "Validation en cours",
    SUCCEEDED: "Terminé avec succès",
    REJECTED: "Rejeté",
  } satisfies Record<ImportStatus, string>,
  /** The format column of a file whose format was never recognised (it was sent to be detected, and failed). */
  formatUnrecognised: "Non reconnu",
  format: {
    AUTO: "Détection automatique",
    FEC: "FEC",
    TRA: "TRA",
    JSON: "JSON",
    CUSTOM: "Personnalisé",
    MT940: "MT940",
    CAMT053: "CAMT.053",
    CAMT054: "CAMT.054",
    BAI2: "BAI2",
    CFONB120: "CFONB 120",
    OFX: "OFX",
    QIF: "QIF",
    CSV: "CSV",
  } satisfies Record<ImportFormat, string>,
  origin: {
    PARTNER_API: "API partenaire",
    UPLOAD: "Téléversement",
    CLI: "Import par le cabinet",
  } satisfies Record<ImportOrigin, string>,
};

export type Messages = typeof fr;

const en: Messages = {
  appName: "Écluse",
  skipToContent: "Skip to content",
  loading: "Loading…",
  close: "Close",
  yes: "Yes",
  no: "No",
  ok: "OK",
  cancel: "Cancel",
  retry: "Retry",
  language: "Language",
  errorGeneric: (message) => `Something went wrong: ${message}`,
  networkError: "The server does not answer. Check your connection.",
  qs: {
    unreachable: "The server cannot be reached. Check your connection, then try again.",
    server: "The server answered with an error.",
    serverWhy: (why) => `The server answered with an error: ${why}.`,
    forbidden: "You are not allowed to see this.",
  },
  connectionLost: "Connection lost, retrying…",

  loginTitle: "Sign in",
  loginIntro: "Sign in to reach your companies.",
  email: "Email address",
  password: "Password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  invalidCredentials: "Wrong email or password.",
  tooManyAttempts: (seconds) =>
    seconds < 120
      ? `Too many attempts: try again in ${seconds} second${seconds === 1 ? "" : "s"}.`
      : `Too many attempts: try again in ${Math.ceil(seconds / 60)} minutes.`,
  signOut: "Sign out",

  companiesTitle: "Choose a company",
  companiesIntro: "Pick the company to work on.",
  noCompanies: "You have access to no company.",
  openCompany: (name) => `Open company ${name}`,
  switchCompany: "Switch company",
  siren: "SIREN",
  yourRole: "Your role",
  role: {
    VIEWER: "Viewer",
    PARTNER: "Partner application",
    CLIENT: "Client",
    COLLABORATOR: "Collaborator",
    ADMIN: "Administrator",
  },

  promptTitle: "Partner imports",
  promptBody: (loc, n, decides) =>
    `${n === 1 ? "One partner import is" : `${formatCount(loc, n)} partner imports are`} waiting for ${decides ? "your decision" : "a decision"} in this company. Open the partner-imports console?`,

  mainMenu: "Main menu",
  dashboard: "Dashboard",
  accounting: "Accounting",
  imports: "Imports",
  partnerImports: "Partner imports",
  importHistory: "Import history",
  breadcrumb: "Breadcrumb",
  dashboardTitle: "Company dashboard",
  pendingImportsCard: "Imports waiting for a decision",
  pendingImportsCount: (loc, n) => (n === 0 ? "No import waiting" : count(loc, n, "import waiting", "imports waiting")),
  openConsole: "Open the partner-imports console",
  openHistory: "See the import history",
  fiscalYears: "Fiscal years",
  fiscalYearOpen: "open",
  fiscalYearClosed: "closed",

  liveConnecting: "Connecting to live updates…",

  consoleTitle: "Partner imports",
  consoleIntro: "Imports are held in draft: validate them to post them to the books.",
  actions: "Actions",
  validate: "Validate",
  reject: "Reject",
  view: "View",
  refresh: "Refresh",
  filters: "Filters",
  selectAll: "Select every import",
  selectRow: (name) => `Select import ${name}`,
  selectedCount: (loc, n) => (n === 0 ? "No row selected" : count(loc, n, "row selected", "rows selected")),
  rowCount: (loc, shown, total) =>
    shown === total ? count(loc, total, "import", "imports") : `${formatCount(loc, shown)} of ${count(loc, total, "import", "imports")}`,
  noImports: "No import matches.",
  loadMore: "Show more",
  sortBy: (column) => `Sort by ${column}`,
  col: {
    partner: "Partner",
    fileName: "File name",
    format: "Format",
    status: "Status",
    error: "Error",
    detail: "Detail",
    createdAt: "Created",
    updatedAt: "Updated",
    firstMovement: "First movement",
    lastMovement: "Last movement",
    referencePeriod: "Reference period",
    origin: "Origin",
  },
  detailEntries: (loc, n) => count(loc, n, "entry", "entries"),
  rejectedEntries: (loc, n) => `${formatCount(loc, n)} rejected`,
  progressLabel: (name) => `Parse progress of ${name}`,
  errorRejected: (loc, n) => count(loc, n, "entry rejected", "entries rejected"),
  errorErrors: (loc, n) => count(loc, n, "error", "errors"),
  errorFindings: (loc, n) => count(loc, n, "finding", "findings"),
  errorUnreadable: "File could not be read",
  errorUnreadableWhy: (why) => `File could not be read: ${why}`,
  errorWhy: (what, codes) => `${what}: ${codes}`,
  issueCode: {
    UNBALANCED_ENTRY: "Unbalanced entry",
    BAD_DATE: "Invalid date",
    BAD_AMOUNT: "Invalid amount",
    WRONG_FIELD_COUNT: "Wrong number of fields",
    MISSING_COLUMN: "Missing column",
    EMPTY_FILE: "Empty file",
    BINARY_FILE: "Binary file",
    BAD_ENCODING: "Unrecognised encoding",
    NO_OPEN_FISCAL_YEAR: "No open fiscal year",
    MISSING_VALUE: "Missing value",
    BAD_SENS: "Invalid debit/credit direction",
    MIXED_DATES: "Different dates in one entry",
    ENTRY_NOT_CONTIGUOUS: "Entry lines not contiguous",
    UNKNOWN_FORMAT: "Unrecognised format",
    UNSUPPORTED_FORMAT: "Unsupported format",
    HEADER_ORDER: "Header column order",
    DATE_SEPARATORS: "Date separators",
    CHRONOLOGY: "Chronology",
    DEBIT_AND_CREDIT: "Debit and credit on one line",
    ZERO_AMOUNT: "Zero amount",
    ACCOUNT_PREFIX: "Account prefix",
    MISSING_LABEL: "Missing label",
    MISSING_DATA: "Missing data",
    BAD_FILE_NAME: "Non-compliant file name",
    NO_ENTRY_LINES: "No entries (a year without activity?)",
    AFTER_CLOSING: "Entry after the closing date",
    NUMBER_GAP: "Gap in the entry numbering",
    EXTRA_DECIMALS: "More than two decimals",
    CURRENCY_INCOMPLETE: "Currency or currency amount missing",
    LETTERING_INCOMPLETE: "Lettering without date, or date without lettering",
    VALIDATION_BEFORE_ENTRY: "Validation date before the entry",
    ACCOUNT_CLASS: "Account class outside the general ledger",
    AUX_ACCOUNT: "Third party on a non-third-party account",
    SIREN_MISMATCH: "File SIREN differs from the company's",
    CLOSING_DATE: "Closing date outside an open fiscal year",
    BAD_PERIOD: "Invalid fiscal year period",
    FISCAL_YEAR_OVERLAP: "Fiscal year overlapping another",
    FISCAL_YEAR_LOCKED: "Fiscal year locked",
    FISCAL_YEAR_CLOSED: "Fiscal year closed",
    DOT_DECIMAL: "Decimal point",
    NEGATIVE_AMOUNT: "Negative amount",
    EMPTY_LINE: "Empty line",
    TRAILING_SEPARATOR: "Trailing separator",
    BAD_QUOTING: "Misplaced text quote",
    BAD_SIGN: "Unknown direction code",
    BAD_KIND_CODE: "Unknown account kind code",
    KIND_MISMATCH: "Inconsistent account kind",
    TWO_THIRD_PARTIES: "Two third parties on one line",
    AMBIGUOUS_SIDE: "Ambiguous line direction",
    ACCOUNT_OUT_OF_RANGES: "Account outside the account ranges",
    NO_RANGES: "No account ranges",
    BAD_RANGES: "Wrong account ranges",
    RANGE_UNREADABLE: "Unreadable account range",
    RANGES_MIXED_MATCH: "Ranges compared two ways",
    RANGE_REVERSED: "Reversed account range",
    RANGES_OVERLAP: "Overlapping account ranges",
    BAD_VAT_RATE: "Invalid VAT rate",
    VAT_ACCOUNT_UNKNOWN: "Unknown VAT account",
    VAT_EXCEEDS_AMOUNT: "VAT above the amount",
    VAT_ROUNDING: "VAT rounding",
    ENTRY_TOO_LONG: "Entry too long",
    UNREADABLE_ENTRY: "Unreadable entry",
    ENCODING_FALLBACK: "Fallback encoding",
    // Limits and refusals (issue 12)
    LINE_TOO_LONG: "Line too long",
    FIELD_TOO_LONG: "Field too long",
    NUMBER_TOO_LONG: "Number too long",
    VALUE_TOO_LONG: "Value too long",
    AMOUNT_TOO_LARGE: "Amount too large",
    ENTRY_TOTAL_TOO_LARGE: "Entry total too large",
    BATCH_TOTAL_TOO_LARGE: "Import total too large",
    BAD_CHARACTER: "Forbidden character",
    IDEMPOTENCY_CONFLICT: "Idempotency key already used for other content",
    INTERNAL_ERROR: "Internal error",
    JOB_GIVEN_UP: "Processing given up",
    // Formats: FEC, Cegid TRA, JSON documents
    AMOUNT_EXPONENT: "Amount in scientific notation",
    DATE_OUT_OF_RANGE: "Date outside 1900-2099",
    NO_HEADER: "No header",
    BAD_SEPARATOR: "Wrong field separator",
    DUPLICATE_COLUMN: "Duplicate column",
    BAD_HEADER: "Invalid header",
    HEADER_VALUE: "Unexpected header value",
    EXTRA_HEADER: "Second header",
    SHORT_LINE: "Line too short",
    EXTRA_TEXT: "Characters past the end of the line",
    UNKNOWN_RECORD: "Unknown record",
    RECORD_SKIPPED: "Record not imported",
    BAD_RECORD: "Record without a code",
    BAD_ACCOUNT_TYPE: "Invalid account type",
    AUX_ON_GENERAL_LINE: "Third-party account on a general line",
    NOT_NORMAL_ENTRY: "Entry type not imported (simulation, revision…)",
    ANALYTIC_WITHOUT_GENERAL: "Analytic line without its general line",
    ANALYTIC_MISMATCH: "Analytic split differs from the amount",
    ANALYTIC_AXIS_IGNORED: "Analytic axis not kept",
    NOT_JSON: "Not a JSON file",
    NOT_AN_OBJECT: "JSON document is not an object",
    TRUNCATED: "Truncated file",
    MISSING_VERSION: "Missing version",
    UNSUPPORTED_VERSION: "Unsupported version",
    NO_ENTRIES: "No entries",
    LATE_COMPANY: "Company given too late",
    DUPLICATE_KEY: "Duplicate field",
    UNKNOWN_FIELD: "Unknown field",
    WRONG_TYPE: "Wrong value type",
    BAD_VALUE: "Value not allowed",
    TOO_LONG: "Text too long",
    NO_LINES: "Entry without lines",
    TOO_MANY_LINES: "Too many lines in the entry",
    OBJECT_TOO_LARGE: "Object too large",
    ENTRY_TOO_LARGE: "Entry too large",
    MORE_ERRORS: "More errors not listed",
    // Staging, validation and posting
    UNKNOWN_COMPANY: "Unknown company",
    CURRENCY_DECIMALS: "Company currency with other decimals than the file's",
    UNKNOWN_CURRENCY: "Company currency unknown",
    IMPORT_ORDER: "Bank imported before purchases and sales",
    INVALID_STATUS: "Action not allowed in this status",
    NOTHING_TO_POST: "No entry to post",
    DUPLICATE_FILE: "File already posted",
    LEDGER_TOTAL_TOO_LARGE: "Posted totals too large",
    UNBALANCED_LEDGER: "Unbalanced ledger for the year",
    SIREN_REQUIRED: "Company SIREN required",
    // Requests: uploads, layouts, sign-in, API
    FILE_TOO_LARGE: "File too large",
    TOO_MANY_ENTRIES: "Too many entries in one call",
    LAYOUT_REQUIRED: "Import layout required",
    BAD_LAYOUT: "Invalid import layout",
    DUPLICATE_NAME: "Name already in use",
    REQUIRED: "Required field",
    INVALID_CREDENTIALS: "Wrong email or password",
    TOO_MANY_ATTEMPTS: "Too many attempts",
    TOO_MANY_IDS: "Too many ids",
    UNAUTHENTICATED: "Not logged in",
    FORBIDDEN: "Access denied",
    NOT_FOUND: "Not found",
    BAD_USER_INPUT: "Invalid input",
    BAD_PARAMETER: "Invalid parameter",
    BAD_REQUEST: "Invalid request",
    PAYLOAD_TOO_LARGE: "Request too large",
    JSON_TOO_DEEP: "JSON nested too deep",
    QUERY_TOO_LARGE: "GraphQL query too large",
    QUERY_TOO_COMPLEX: "GraphQL query too complex",
    GRAPHQL_PARSE_FAILED: "Unreadable GraphQL query",
    GRAPHQL_VALIDATION_FAILED: "GraphQL query does not match the schema",
    INTERNAL_SERVER_ERROR: "Internal server error",
    // Companies and people (administration)
    BAD_CHARACTERS: "Control characters not allowed",
    INVALID_SIREN: "Invalid SIREN",
    SIREN_TAKEN: "SIREN already in use",
    CODE_TAKEN: "Short code already in use",
    BAD_CODE: "Invalid short code",
    UNKNOWN_COUNTRY: "Unknown country",
    CURRENCY_IN_USE: "Currency already used by imports",
    COMPANY_ARCHIVED: "Archived company",
    COMPANY_BUSY: "Company busy with an import",
    BAD_EMAIL: "Invalid email address",
    EMAIL_TAKEN: "Email address already in use",
    UNKNOWN_LOCALE: "Unknown language",
    TOO_MANY_ROLES: "Too many roles at once",
    BAD_ROLE: "Role that cannot be given",
    LAST_FIRM_ADMIN: "The firm's last administrator",
    NOT_YOURSELF: "Not possible on your own account",
    LAST_ADMIN: "The company's last admin",
    USER_NOT_FOUND: "User not found",
    BAD_TOKEN: "Unknown, used or expired link",
    WEAK_PASSWORD: "Password too weak",
    WRONG_PASSWORD: "Wrong current password",
    // Closing a fiscal year
    BATCHES_WAITING: "Imports waiting in the year",
    PREVIOUS_YEAR_OPEN: "Previous year not closed",
    NEXT_YEAR_MISSING: "Next year not opened",
    OPENING_ENTRIES_EXIST: "Opening entries already in the next year",
    ACCOUNTS_OUTSIDE_PLAN: "Balances on accounts outside classes 1 to 7",
    // Journals and reversals
    BAD_JOURNAL_CODE: "Invalid journal code",
    BAD_JOURNAL_KIND: "Unknown journal kind",
    DEFAULT_NEEDS_KIND: "Default journal without a kind",
    NO_DEFAULT_JOURNAL: "No default journal of that kind",
    DEFAULT_JOURNAL_TAKEN: "Default journal chosen elsewhere at the same moment",
    NO_FISCAL_YEAR: "Date in none of the company's fiscal years",
  },

  issueText: {
    REQUIRED: () => "This field is required.",
    TOO_LONG: (p) =>
      p.has("length")
        ? `${p.text("field")} is ${p.text("length")} characters long; at most ${p.text("maximum")}`
        : `Too long: ${p.text("found")} characters, ${p.text("maximum")} at most.`,
    BAD_CHARACTERS: () => "Control characters are not allowed.",
    INVALID_SIREN: (p) =>
      p.text("reason") === "length"
        ? "Invalid SIREN: 9 digits expected"
        : p.text("reason") === "digits"
          ? "Invalid SIREN: digits only"
          : "Invalid SIREN (check digit)",
    SIREN_TAKEN: (p) => `SIREN ${p.text("siren")} is already company “${p.text("company")}”'s.`,
    CODE_TAKEN: (p) => `Code “${p.text("value")}” already names company “${p.text("company")}”.`,
    BAD_CODE: (p) =>
      `Short code “${p.text("value")}” is invalid: 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or a digit.`,
    UNKNOWN_CURRENCY: (p) =>
      !p.has("reason")
        ? `“${p.text("currency")}” is not an ISO 4217 currency (EUR, USD, CHF…).`
        : "The company's currency cannot be used: " +
          (p.text("reason") === "no_minor_unit"
            ? `${p.text("currency")} has no minor unit in ISO 4217 (it is not a currency amounts are kept in)`
            : `'${p.text("currency")}' is not an ISO 4217 currency code`) +
          "; set an ISO 4217 currency (EUR, JPY…)",
    UNKNOWN_COUNTRY: (p) => `“${p.text("country")}” is not an ISO 3166 country code (FR, BE, CH…).`,
    CURRENCY_IN_USE: (p) => `The company already has imports or entries in ${p.text("currency")}: its currency can no longer change.`,
    COMPANY_ARCHIVED: (p) => `Company “${p.text("company")}” is archived: restore it first.`,
    COMPANY_BUSY: (p) =>
      p.count("count") === 1
        ? `Company “${p.text("company")}” has an import being read or posted: archive it once it is done.`
        : `Company “${p.text("company")}” has ${p.text("count")} imports being read or posted: archive it once they are done.`,
    BAD_EMAIL: (p) => `“${p.text("email")}” is not a valid email address.`,
    EMAIL_TAKEN: (p) => `${p.text("email")} is already another user's email address.`,
    UNKNOWN_LOCALE: (p) => `Unknown language “${p.text("locale")}”: French (fr) or English (en).`,
    TOO_MANY_ROLES: (p) => `At most ${p.text("maximum")} roles at once.`,
    BAD_ROLE: () => "A person's role is viewer, client, collaborator or admin.",
    LAST_FIRM_ADMIN: () => "The firm keeps at least one administrator: make someone else one first.",
    NOT_YOURSELF: () => "You cannot deactivate your own account.",
    LAST_ADMIN: () => "The company keeps at least one admin: give the role to someone else first.",
    USER_NOT_FOUND: () => "No user has this email address: a firm administrator creates their account first.",
    BAD_TOKEN: () => "This link is unknown, used or expired: ask a firm administrator for a new one.",
    WEAK_PASSWORD: (p) =>
      p.text("reason") === "length"
        ? `Password too short: at least ${p.text("minimum")} characters.`
        : p.text("reason") === "too_long"
          ? `Password too long: at most ${p.text("maximum")} characters.`
          : "This password is too easy to guess (a common password, a pattern, a name or an address): choose another, a sentence of several words for instance.",
    WRONG_PASSWORD: () => "The current password is wrong.",
    BAD_PERIOD: (p) =>
      p.text("reason") === "order"
        ? `The year ends (${p.date("end")}) before it starts (${p.date("start")}).`
        : p.text("reason") === "length"
          ? `A fiscal year runs 1 to 24 months: ${p.date("start")} to ${p.date("end")} does not.`
          : p.text("reason") === "name"
            ? "A fiscal year's name has at most 100 characters."
            : `${p.date("date")} is outside the years 1900 to 2099.`,
    FISCAL_YEAR_OVERLAP: (p) => `This period overlaps fiscal year “${p.text("year")}” (${p.date("start")} to ${p.date("end")}).`,
    FISCAL_YEAR_CLOSED: (p) =>
      p.has("date")
        ? `${p.date("date")} falls in ${p.text("year")}, which is closed: nothing more is posted into it`
        : `Fiscal year “${p.text("year")}” is closed: nothing is posted into it or changed any more.`,
    FISCAL_YEAR_LOCKED: (p) =>
      p.has("date")
        ? `${p.date("date")} falls in ${p.text("year")}, which is locked: an admin of the company may unlock it`
        : `Fiscal year “${p.text("year")}” is locked: an admin of the company may unlock it.`,
    BATCHES_WAITING: (p) =>
      p.count("count") === 1
        ? `An import of “${p.text("year")}” waits to be read or for a decision: validate or reject it before closing.`
        : `${p.text("count")} imports of “${p.text("year")}” wait to be read or for a decision: validate or reject them before closing.`,
    PREVIOUS_YEAR_OPEN: (p) => `Fiscal year “${p.text("year")}” is not closed: years close in order.`,
    NEXT_YEAR_MISSING: (p) => `Open the year that starts on ${p.date("start")} first: the opening entries go into it.`,
    OPENING_ENTRIES_EXIST: (p) =>
      `Fiscal year “${p.text("year")}” already has entries in journal ${p.text("journal")}: its opening entries came another way (an imported file?). Reject them, or they would be carried twice.`,
    ACCOUNTS_OUTSIDE_PLAN: (p) =>
      `Fiscal year “${p.text("year")}” has balances on accounts outside classes 1 to 7 (${p.text("accounts")}): they can be neither carried forward nor put in the result. Move them with an entry first.`,
    NO_FISCAL_YEAR: (p) => `${p.date("date")} falls in none of the company's fiscal years.`,
    BAD_JOURNAL_CODE: (p) => `A journal code has 1 to ${p.text("maximum")} characters, no tab nor control character.`,
    BAD_JOURNAL_KIND: (p) => `Unknown journal kind “${p.text("kind")}”: sales, purchases, bank, cash, general or other.`,
    DEFAULT_NEEDS_KIND: (p) => `Journal ${p.text("journal")} needs a kind to be the default of its kind: give it a kind first.`,
    NO_DEFAULT_JOURNAL: (p) =>
      `The layout takes the company's default “${JOURNAL_KIND_EN[p.text("kind")] ?? p.text("kind")}” journal, and the company has none: in Settings › Journals, make one of its journals the default of that kind.`,
    DEFAULT_JOURNAL_TAKEN: (p) =>
      p.text("kind")
        ? `Another journal was made the default “${JOURNAL_KIND_EN[p.text("kind")] ?? p.text("kind")}” journal at the same moment: try again.`
        : "Another journal was made the default of that kind at the same moment: try again.",
    RANGE_UNREADABLE: (p) =>
      p.text("option") === "kind"
        ? `Range ${p.text("range")} has an unknown kind: G (general), D (customer) or C (supplier).`
        : p.text("option") === "from"
          ? `The start of range ${p.text("range")} is empty or too long (40 characters at most).`
          : p.text("option") === "to"
            ? `The end of range ${p.text("range")} is empty or too long (40 characters at most).`
            : p.text("option") === "range"
              ? `Range ${p.text("range")} compares as numbers: its bounds hold digits only.`
              : `Range ${p.text("range")} is unreadable (${p.text("option")}).`,
    RANGES_MIXED_MATCH: () => "The ranges all compare the same way: by prefix or by numeric value.",
    RANGE_REVERSED: (p) => `Range ${rangeOf(p, RANGE_KIND_EN)} starts after its end.`,
    RANGES_OVERLAP: (p) => `${rangeOf(p, RANGE_KIND_EN)} overlaps ${rangeOf(p, RANGE_KIND_EN, "other_")}.`,
    // --- Parse errors and findings of a batch (backend/ecluse/formats/messages.py writes the same English) ---
    UNBALANCED_ENTRY: (p) =>
      p.has("debit")
        ? `Entry ${p.text("entry")} is unbalanced: debit ${p.amount("debit")}, credit ${p.amount("credit")}, difference ${p.amount("difference")}`
        : p.has("entry")
          ? `Entry ${p.text("entry")} is not balanced: nothing was posted.`
          : p.unsaid(),
    MIXED_DATES: (p) => `Entry ${p.text("entry")} has lines dated ${p.dates("dates")}; every line of an entry must have the same date`,
    ENTRY_NOT_CONTIGUOUS: (p) =>
      `Entry ${p.text("entry")} resumes at line ${p.text("line")} after other entries (its lines from line ${p.text("resumes")} were already read as a whole entry); an entry's lines must be consecutive`,
    ENCODING_FALLBACK: (p) => `From line ${p.text("line")} the file holds bytes that are not UTF-8; they were read as ISO-8859-15`,
    EMPTY_FILE: (p) =>
      p.has("header")
        ? `The file has a ${p.text("header")} header but no lines after it`
        : !p.has("header_lines")
          ? "The file is empty"
          : p.count("header_lines") === 1
            ? "The file has a header but no entry lines"
            : p.count("header_lines") === 0
              ? "The file has no data lines"
              : `The file has no data lines after its ${p.text("header_lines")} header lines`,
    EMPTY_LINE: () => "Empty line",
    ZERO_AMOUNT: () => "The line's amount is zero",
    NOT_AN_OBJECT: () =>
      'The document is a JSON array; it must be an object: {"version": 1, "entries": [...]} (to send entries alone, put the array under "entries")',
    NOT_JSON: (p) =>
      p.has("start")
        ? `The file is not a JSON document: it starts with '${p.text("start")}', not '{'`
        : `The document is not valid JSON ${enJsonPlace(p)}: ${enJsonReason(p)}`,
    TRUNCATED: (p) =>
      p.has("end")
        ? `The document ends with '…${p.text("end")}' (byte ${p.text("byte")}) instead of '}': it is incomplete (cut short while being written or sent?)`
        : !p.has("reason")
          ? `The document is cut short: it stops ${enJsonPlace(p)}, before its end (a '}' is missing)`
          : `The document is not valid JSON ${enJsonPlace(p)}: ${enJsonReason(p)}`,
    MISSING_VERSION: () => 'The document has no "version": write "version": 1',
    NO_ENTRIES: () => 'The document has no "entries" array',
    VALUE_TOO_LONG: (p) =>
      (!p.has("path") ? "" : p.text("path") ? `At ${p.text("path")}: ` : "In the document: ") +
      `More than ${p.text("mib")} MiB without a complete JSON value before byte ${p.text("byte")} (a string that never ends?)`,
    LATE_COMPANY: (p) =>
      `The document's company '${p.text("company")}' comes after ${p.text("objects")} ${enPlural(p.count("objects"), "object", "objects")} read without it: write company before journals, accounts, thirdParties, analyticSections and entries`,
    UNSUPPORTED_VERSION: (p) =>
      p.has("reason") && p.text("reason") === "string"
        ? `version must be the number 1, not the string ${p.text("value")}: write "version": 1`
        : `version ${p.text("value")} is not supported: this is version 1 of the format ("version": 1)`,
    UNKNOWN_FIELD: (p) => {
      const document = p.has("scope") && p.text("scope") === "document";
      const hint = p.has("suggestion") ? ` (did you mean '${p.text("suggestion")}'?)` : `; known ${document ? "keys" : "fields"}: ${p.text("known")}`;
      return document ? `Unknown key '${p.text("field")}' in the document${hint}; it was ignored` : `Unknown field '${p.text("field")}'${hint}`;
    },
    DUPLICATE_KEY: (p) =>
      p.has("scope") && p.text("scope") === "document"
        ? `"${p.text("field")}" is given twice in the document; the second one is ignored`
        : `${p.text("field")} is given twice`,
    WRONG_TYPE: (p) =>
      (p.has("field") ? `${p.text("field")} must be ` : "Must be ") +
      `${EXPECTED_EN[p.text("expected")] ?? p.unsaid()}, not ${enKindOf(p)}` +
      (p.has("ignored") && p.count("ignored") ? "; it was ignored" : ""),
    BAD_VALUE: (p) => {
      const reason = p.has("reason") ? p.text("reason") : "";
      if (reason === "company") return `company must be a company code or SIREN in quotes, not ${enKindOf(p)}`;
      if (reason === "one_of") return `${p.text("field")} ${enKindOf(p, false)} must be one of ${p.text("expected")}`;
      if (reason === "currency") return `${p.text("field")} ${enKindOf(p, false)} must be a 3-letter ISO code in capitals (EUR)`;
      return `${p.text("field")} ${enKindOf(p, false)}: ${p.text("detail")}`;
    },
    NUMBER_TOO_LONG: (p) =>
      `${p.text("field")} is a number of ${p.text("length")} characters: numbers have at most ${p.text("digits")} digits in a row`,
    BAD_CHARACTER: (p) => `${p.text("field")} holds the NUL character (U+0000), which no field may hold`,
    NO_LINES: () => "The entry has no lines",
    TOO_MANY_LINES: (p) =>
      p.has("first")
        ? `Its lines ${p.text("first")} to ${p.text("last")} (${p.text("path")} and after) were not read either`
        : `The entry has more than ${p.text("maximum")} lines; split it`,
    OBJECT_TOO_LARGE: (p) => `Is larger than ${p.text("size")} of JSON; it was not read`,
    ENTRY_TOO_LARGE: (p) => `Is larger than ${p.text("size")} of JSON; it was not read (split it)`,
    MORE_ERRORS: (p) => `${p.text("more")} more ${enPlural(p.count("more"), "error", "errors")} not listed`,
    NO_HEADER: () => "The first line is not a FEC header (JournalCode, EcritureNum… column names)",
    MISSING_COLUMN: (p) =>
      p.text("columns").includes(",")
        ? `The header lacks mandatory columns: ${p.text("columns")}`
        : `The header lacks a mandatory column: ${p.text("columns")}`,
    BAD_SEPARATOR: (p) => `Fields are separated by '${p.text("separator")}'; the FEC requires TAB or '|'`,
    TRAILING_SEPARATOR: (p) =>
      p.text("where") === "header" ? "The header ends with a separator" : p.text("where") === "line" ? "The line ends with a separator" : p.unsaid(),
    DUPLICATE_COLUMN: (p) => `Column ${p.text("column")} appears twice; the first one is read`,
    BAD_FILE_NAME: (p) => {
      const reason = p.has("reason") ? p.text("reason") : "";
      if (reason === "siren") return `File name '${p.text("name")}': ${p.text("siren")} is not a valid SIREN (its check digit is wrong)`;
      if (reason === "date") return `File name '${p.text("name")}': the closing date ${p.text("date")} does not exist`;
      if (reason === "no_siren") return `File name '${p.text("name")}' has no SIREN before FEC (SirenFECAAAAMMJJ, A47 A-1 IX)`;
      return `File name '${p.text("name")}' does not follow SirenFECAAAAMMJJ (A47 A-1 IX)`;
    },
    NO_ENTRY_LINES: () => "The file has a header but no entry lines (a period without activity?)",
    AFTER_CLOSING: (p) => `Entry ${p.text("entry")} is dated ${p.date("date")}, after the closing date ${p.date("closing")} the file name gives`,
    NUMBER_GAP: (p) =>
      `Entry numbers jump from ${p.text("after")} to ${p.text("before")}: ${p.text("missing")} ${enPlural(p.count("missing"), "number", "numbers")} missing`,
    EXTRA_DECIMALS: (p) =>
      `${p.text("field")} '${p.text("value")}' has more than ${p.text("places")} decimals (read as ${p.amount("amount")}: the extra digits are zeros)`,
    CURRENCY_INCOMPLETE: (p) =>
      p.text("missing") === "Montantdevise"
        ? `Idevise '${p.text("value")}' is filled but Montantdevise is empty`
        : `Montantdevise '${p.text("value")}' is filled but Idevise is empty`,
    LETTERING_INCOMPLETE: (p) =>
      p.text("missing") === "DateLet"
        ? `EcritureLet '${p.text("value")}' is filled but DateLet is empty`
        : `DateLet '${p.text("value")}' is filled but EcritureLet is empty`,
    VALIDATION_BEFORE_ENTRY: (p) => `ValidDate ${p.date("date")} is before the entry's date ${p.date("entry_date")}`,
    ACCOUNT_CLASS: (p) =>
      `CompteNum '${p.text("account")}' is of class ${p.text("class")}, which has no place in a general ledger (classes 1 to 7)`,
    AUX_ACCOUNT: (p) =>
      `CompAuxNum '${p.text("aux")}' is set on account ${p.text("account")}, which is not a third-party account (class 4)`,
    SIREN_MISMATCH: (p) =>
      `The file name's SIREN ${p.text("siren")} is not the company's (${p.text("company_siren")}): is the file meant for another company?`,
    CLOSING_DATE: (p) =>
      `The file name's closing date ${p.date("closing")} is not the end of an open fiscal year of the company` +
      (p.has("year_ends") && p.text("year_ends") ? ` (${p.dates("year_ends")})` : " (it has none)"),
    MISSING_VALUE: (p) => {
      if (p.has("kind")) return `${p.text("kind_field")} '${p.text("kind")}' means a customer or supplier, but ${p.text("field")} is empty`;
      const meaning = p.has("meaning") ? ` (${MEANING_EN[p.text("meaning")] ?? p.unsaid()})` : "";
      const state = p.has("reason") && p.text("reason") === "missing" ? "is missing" : "is empty";
      const detail = p.has("line_type")
        ? ` on a TYPE_CPTE ${p.text("line_type")} line`
        : p.has("no_date")
          ? ` ('${p.text("value")}'; ${p.text("no_date")} means no date)`
          : "";
      const party = p.has("third_party") ? ` and the kind of third party '${p.text("third_party")}' is unknown` : "";
      return `${p.text("field")}${meaning} ${state}${detail}${party}`;
    },
    MISSING_LABEL: (p) => `Missing ${p.text("columns")} (données absentes)`,
    MISSING_DATA: (p) =>
      p.has("field") ? `${p.text("field")} is empty on an analytic line (TYPE_CPTE A); expected A1 to A5` : `Missing ${p.text("columns")} (données absentes)`,
    BAD_SENS: (p) =>
      p.has("debit_code")
        ? `${enValueOrEmpty(p, "is wrong")}: it must be ${p.text("debit_code")} (debit) or ${p.text("credit_code")} (credit)`
        : `Sens '${p.text("value")}' must be D, C, +1 or -1 (code D/C mal renseigné)`,
    ACCOUNT_PREFIX: (p) => `CompteNum '${p.text("account")}' does not start with 3 digits of the chart of accounts`,
    DOT_DECIMAL: (p) =>
      p.has("separator")
        ? `${p.text("field")} '${p.text("value")}' uses '${p.text("separator")}' as decimal separator (read as ${p.amount("amount")})`
        : `${p.text("field")} '${p.text("value")}' is not in the 1234,56 form (read as ${p.amount("amount")})`,
    AMOUNT_EXPONENT: (p) => `${p.text("field")} '${p.text("value")}' is not in the 1234,56 form (read as ${p.amount("amount")})`,
    NEGATIVE_AMOUNT: (p) =>
      `${p.text("field")} '${p.text("value")}' is negative` +
      (p.has("sign") ? ` with sign '${p.text("sign")}'` : "") +
      ": recorded as " +
      [p.has("debit") ? `debit ${p.amount("debit")}` : "", p.has("credit") ? `credit ${p.amount("credit")}` : ""].filter(Boolean).join(", "),
    BAD_AMOUNT: (p) => `${p.text("field")} '${p.text("value")}' ${enAmountReason(p)}`,
    BAD_HEADER: (p) =>
      "The first line is not a Cegid TRA header: " +
      (p.has("format")
        ? `its format (positions 12-14) is '${p.text("format")}', expected STD (standard) or ETE (extended); the line starts with '${p.text("start")}'`
        : `it must start with *** (e.g. ***S5CLIJRLSTD), it starts with '${p.text("start")}'`),
    BAD_ACCOUNT_TYPE: (p) =>
      `TYPE_CPTE '${p.text("value")}' is wrong: it must be blank or H (general line), X (third party) or A (analytic)`,
    AUX_ON_GENERAL_LINE: (p) =>
      `AUXILIAIRE_OU_SECTION '${p.text("value")}' is filled on a general line (TYPE_CPTE blank): read as its third party`,
    NOT_NORMAL_ENTRY: (p) =>
      `TYPE_ECRITURE '${p.text("value")}' is ` +
      (ENTRY_TYPE_EN[p.text("value")] ?? (p.text("value").trim() ? "an unknown entry type" : "not filled in")) +
      `: only normal entries (N) are imported, so entry ${p.text("entry")} is refused`,
    ANALYTIC_WITHOUT_GENERAL: (p) =>
      `Analytic line (TYPE_CPTE A) for account ${p.text("account")} ` +
      (p.has("previous") ? `follows account ${p.text("previous")}` : "comes first in its entry") +
      `: it must follow a line of account ${p.text("account")} in entry ${p.text("entry")}`,
    ANALYTIC_MISMATCH: (p) =>
      `The analytic lines of account ${p.text("account")} (${p.text("axis") ? `axis ${p.text("axis")}` : "no axis"}, lines ${p.text("first")}-${p.text("last")}) add up to ${sideOf(p, "spread")}, but line ${p.text("line")} is ${sideOf(p, "total")} (entry ${p.text("entry")})`,
    ANALYTIC_AXIS_IGNORED: (p) =>
      `Line ${p.text("line")} (account ${p.text("account")}) is spread on axes ${p.text("axes")}: only axis ${p.text("kept")} is kept`,
    DEBIT_AND_CREDIT: (p) => `Debit ${p.amount("debit")} and Credit ${p.amount("credit")} are both filled; both are kept`,
    FIELD_TOO_LONG: (p) =>
      `${p.text("field")} '${p.text("value")}' is ${p.text("length")} characters long; at most ${p.text("maximum")}` +
      (p.has("instead_of") ? ` (it numbers the entry, as ${p.text("instead_of")} is empty)` : ""),
    LINE_TOO_LONG: (p) =>
      `Line ${p.text("line")} has ${p.text("length")} characters; a ${enFormat(p.text("kind"))} line has at most ${p.text("maximum")} (is it a file without line breaks, or not a ${enFormat(p.text("kind"))} file?)`,
    IMPORT_ORDER: (p) => {
      const kinds = p.text("missing").split(", ").map((kind) => ORDER_KIND_EN[kind] ?? p.unsaid());
      return `Bank journal ${p.text("journals")} entries for ${p.month("month")} arrived before that month's ${kinds.join(" and ")} journal entries: import purchases and sales first, so the open items the bank lines settle do not stay unpaid by mistake (not blocking)`;
    },
    BINARY_FILE: (p) =>
      p.text("content") === "control"
        ? "The file holds binary data (NUL/control bytes), not text"
        : `The file is ${CONTENT_EN[p.text("content")] ?? p.unsaid()}, not a text file; ${enCharsets(p.text("format"))}`,
    BAD_ENCODING: (p) => {
      const reason = p.has("reason") ? p.text("reason") : "";
      const what =
        reason === "not_utf8"
          ? `The document is not valid JSON ${enJsonPlace(p)}: ${enJsonReason(p)}`
          : p.has("byte")
            ? `The document is not UTF-8: byte ${p.text("value")} at line ${p.text("line")} (byte ${p.text("byte")}) is not UTF-8 text (ISO-8859-1 or Windows-1252?)`
            : `The file ${reason === "bom" ? "is" : "looks"} encoded in ${p.text("encoding")}` + (reason === "no_bom" ? " without BOM" : "");
      return `${what}; ${enCharsets(p.has("format") ? p.text("format") : "JSON")}`;
    },
    UNSUPPORTED_FORMAT: (p) => (p.has("format") ? `${p.text("format")} files cannot be imported here yet` : "XML FEC files are not supported"),
    HEADER_ORDER: (p) =>
      `Header columns are not in the legal order: column ${p.text("position")} is ${p.text("found")}, expected ${p.text("expected")} (values are read by column name)`,
    WRONG_FIELD_COUNT: (p) =>
      `The line has ${p.text("fields")} ${enPlural(p.count("fields"), "field", "fields")} separated by ${enSeparator(p.raw("separator"))}` +
      (p.has("expected") ? `, the header ${p.text("expected")}` : `; the layout reads up to column ${p.text("column")}, ${p.text("field")}`) +
      (p.has("instead") ? `; it seems separated by ${enSeparator(p.raw("instead"))} instead` : ""),
    AMOUNT_TOO_LARGE: (p) =>
      `${p.has("field") ? p.text("field") : "The amount"} ${p.amount("amount")} is larger than the largest amount accepted, ${p.amount("maximum")}`,
    ENTRY_TOTAL_TOO_LARGE: (p) =>
      `Entry ${p.text("entry")}: its debits add up to ${p.amount("debit")}, more than the ${p.amount("maximum")} one entry may hold (split it)`,
    NO_RANGES: () => "accountMode: 'ranges' needs the company's account number ranges; none are set",
    BAD_RANGES: (p) => (p.has("problems") ? `The company's account number ranges cannot be used: ${p.text("problems")}` : p.unsaid()),
    BAD_LAYOUT: (p) => (p.has("problem") ? `The layout cannot read files: ${p.text("problem")}` : p.unsaid()),
    BAD_QUOTING: (p) =>
      p.text("reason") === "too_long"
        ? `A quoted field is longer than ${p.text("maximum")} characters`
        : p.text("reason") === "unclosed"
          ? `A field opened with ${p.text("quote")} is not closed on this line; line breaks inside a field are not supported, and a quote inside a quoted field is written twice`
          : `A quoted field is followed by other characters before the separator; write ${p.text("quote")}${p.text("quote")} for a quote`,
    KIND_MISMATCH: (p) =>
      p.has("value")
        ? `${p.text("field")} '${p.text("value")}' means a general account, but the line has third party '${p.text("third_party")}'`
        : `${p.text("field")} '${p.text("third_party")}' is in a general accounts range, not a customer or supplier one`,
    BAD_KIND_CODE: (p) =>
      `${enValueOrEmpty(p, "is not an account kind code")}; accepted: ${p.text("general_code")} (general account), ${p.text("customer_code")} (customer), ${p.text("supplier_code")} (supplier)`,
    BAD_SIGN: (p) => `${enValueOrEmpty(p, "is not a sign code")}; accepted: ${p.text("debit_code")} (debit) or ${p.text("credit_code")} (credit)`,
    AMBIGUOUS_SIDE: (p) =>
      `The line generates VAT or contra lines but ${p.text("reason") === "both_sides" ? "debit and credit are both filled" : "the amount is zero"}: its side is unclear`,
    VAT_ROUNDING: (p) =>
      `${p.text("field")} ${p.amount("vat")} differs from ` +
      (p.text("basis") === "gross" ? `the ${p.amount("rate")} % VAT included in` : `${p.amount("rate")} % of`) +
      ` ${p.amount("amount")} = ${p.amount("computed")} by more than ${p.amount("tolerance")}; the given amount is kept`,
    VAT_ACCOUNT_UNKNOWN: (p) =>
      "No VAT account for " +
      ([p.has("vat_code") ? `code '${p.text("vat_code")}'` : "", p.has("rate") ? `rate ${p.amount("rate")} %` : ""].filter(Boolean).join(" or ") ||
        "a line without VAT code or rate") +
      ": add it to vatAccounts, or set vatAccount",
    HEADER_VALUE: (p) => `The header's ${p.text("part")} is '${p.text("value")}', expected one of ${p.text("expected")}`,
    EXTRA_HEADER: (p) => `Line ${p.text("line")} is a second TRA header (were two files joined?); it is ignored`,
    UNKNOWN_RECORD: (p) => `Unknown parameter record ***${p.text("record")}: its lines are skipped`,
    RECORD_SKIPPED: (p) => `***${p.text("record")} records (${p.text("what")}) are not imported: they are skipped`,
    BAD_RECORD: (p) => `***${p.text("record")} record without a code (positions 7-${p.text("end")}): skipped`,
    SHORT_LINE: (p) =>
      `The line has ${p.text("length")} characters: a TRA movement line has ${p.text("width")}, and SENS, MONTANT1 and TYPE_ECRITURE (positions 130-151) cannot all be read`,
    EXTRA_TEXT: (p) => `The line has ${p.text("length")} characters, a standard (STD) line ${p.text("width")}: the rest is not read`,
    TWO_THIRD_PARTIES: (p) =>
      `${p.text("customer_field")} '${p.text("customer")}' and ${p.text("supplier_field")} '${p.text("supplier")}' are both filled; a line has one third party`,
    ACCOUNT_OUT_OF_RANGES: (p) =>
      `${p.text("field")} '${p.text("account")}' is outside every account number range of the company (${p.text("ranges")})`,
    BAD_VAT_RATE: (p) => `${p.text("field")} '${p.text("value")}' is not a VAT rate (a percentage such as 20 or 5,5)`,
    VAT_EXCEEDS_AMOUNT: (p) => `${p.text("field")} ${p.amount("vat")} is more than the line's amount ${p.amount("amount")}`,
    BAD_DATE: (p) => `${p.text("field")} '${p.text("value")}' ${enDateReason(p)}`,
    DATE_SEPARATORS: (p) => `${p.text("field")} '${p.text("value")}' is not in the YYYYMMDD form (read as ${p.date("read")})`,
    DATE_OUT_OF_RANGE: (p) => `${p.text("field")} '${p.text("value")}' is outside 1900-2099 (read as ${p.date("read")})`,
    CHRONOLOGY: (p) =>
      p.has("date")
        ? `Entry ${p.text("entry")} (${p.date("date")}) is dated before the previous ${p.text("journal")} entry ${p.text("previous")} (${p.date("previous_date")})`
        : `Entry ${p.text("entry")} comes after ${p.text("previous")} in journal ${p.text("journal")}: numbering goes backwards`,
    UNREADABLE_ENTRY: (p) => `Entry ${p.text("entry")} could not be read`,
    ENTRY_TOO_LONG: (p) =>
      `Entry ${p.text("entry")} ${p.has("continued") && p.count("continued") ? "continues an entry longer than" : "is longer than"} ${p.text("maximum")} lines; check the grouping options (groupBy, thirdPartyStartsEntry)`,
    NO_OPEN_FISCAL_YEAR: (p) => `${p.date("date")} falls outside every open fiscal year`,
    UNKNOWN_COMPANY: (p) =>
      p.has("entry")
        ? `Entry ${p.text("entry")}: company '${p.text("company")}' is unknown, or not one you may import into`
        : p.has("record")
          ? `${p.text("record").charAt(0).toUpperCase()}${p.text("record").slice(1)}: company '${p.text("company")}' is unknown`
          : `No active company ${p.text("company")}.`,
    CURRENCY_DECIMALS: (p) =>
      `Entry ${p.text("entry")} is for company ${p.text("company")}, whose currency ${p.text("currency")} has ${p.text("decimals")} ${enPlural(p.count("decimals"), "decimal", "decimals")}, but the file's amounts were read with ${p.text("file_decimals")} (the currency of the company it was sent to): send that company's entries in a file of its own`,
    BATCH_TOTAL_TOO_LARGE: (p) =>
      `Entry ${p.text("entry")} would take the debits of the file's entries past ${p.amount("maximum")}, the most one import may hold: send it in another file`,
    // --- Why a received file failed before it was read (imports/receive.py, imports/stage.py) ---
    UNKNOWN_FORMAT: () =>
      "The format could not be recognised: not a FEC (its header names JournalCode…), a Cegid TRA (first line ***…), a JSON entries document or a bank statement. Choose the format, or a saved layout for a custom file.",
    LAYOUT_REQUIRED: () => "A custom file needs a layout.",
    IDEMPOTENCY_CONFLICT: (p) =>
      `The idempotency key '${p.text("key")}' was first used for import ${p.raw("batch")} (${p.text("file")}) with other content: this file was kept but not read. Send it with a new key.`,
    INTERNAL_ERROR: () => "The file could not be read to the end (an internal error, logged); nothing was staged.",
  },
  issueWhere: (p: IssueParams) =>
    p.has("in_entry")
      ? `Entry ${p.text("in_entry")}${p.has("entry_line") ? `, line ${p.text("entry_line")}` : ""}: `
      : `${(p.has("declaration") && DECLARATION_EN[p.text("declaration")]) || "Object"} ${p.text("in_record")}: `,
  issueNotListed: (loc: string, n: number, total: number, what: string) =>
    `${formatCount(loc, n)} more “${what}” ${n === 1 ? "finding" : "findings"} not listed (${formatCount(loc, total)} in all)`,

  tipView: "View: opens the entry detail of the selected rows, all of them pending validation, finished with error or failed (to read its errors).",
  tipValidate: "Validate: posts the import. Works on a single row (no multi-select) that is pending validation or finished with error.",
  tipReject: "Reject: cancels the import and deletes its entries. Works on a single row (no multi-select) that is pending validation, finished with error or failed.",
  reasonNoSelection: "Select at least one row.",
  reasonViewStatus: "Every selected row must be pending validation, finished with error or failed.",
  reasonSingle: "Select a single row (no multi-select).",
  reasonValidateStatus: "The row must be pending validation or finished with error.",
  reasonRejectStatus: "The row must be pending validation, finished with error or failed.",
  reasonRole: (role) => `Your role (${role}) may not validate or reject imports: collaborators and clients only.`,
  unavailable: "Unavailable:",

  rejectConfirmTitle: "Reject the import",
  rejectConfirmBody: (name, count, n) =>
    `Do you really want to reject import “${name}”? ${
      n === 0 ? "It has no entry to delete" : n === 1 ? "Its one entry will be deleted" : `Its ${count} entries will be deleted`
    }, with no undo; the journals, accounts and third parties it created stay.`,
  rejectDoneTitle: "Import rejected",
  rejectDoneBody: (name) => `The cancellation of import “${name}” has been recorded.`,
  validateConfirmTitle: "Validate the import",
  validateConfirmBody: (name) => `Validate import “${name}”? Its entries will be posted and the import history will open.`,
  actionFailed: "The action did not go through",

  filterField: { partner: "User", status: "Status", format: "Format", from: "Received from", to: "Received until" },
  filterFieldOf: (n) => `Field of condition ${n}`,
  filterValueOf: (n) => `Value of condition ${n}`,
  filterChoose: "Choose…",
  filterAdd: "Add a condition",
  filterRemove: (n) => `Remove condition ${n}`,
  filterDayLetters: { day: "D", month: "M", year: "Y" },
  filterBadDay: (pattern) => `Not a valid date: type it as ${pattern}.`,
  filterPartnersFailed: "The list of users could not be loaded.",
  apply: "Apply",
  reset: "Reset",
  activeFilters: (locale, n) => (n === 0 ? "" : `(${formatCount(locale, n)})`),

  uploadTitle: "Upload a file",
  uploadDrop: "Drop a file here, or",
  uploadPick: "choose a file",
  uploadChosen: (name, size) => `Chosen file: ${name} (${size})`,
  uploadFormat: "File format",
  uploadSend: "Upload",
  uploadProgress: (pct) => `Sending: ${pct}%`,
  uploadDone: (name) => `“${name}” received: follow its parse in the table.`,
  uploadFailed: (why) => `The file was not received: ${why}`,
  uploadNotAllowed: "Your role may not submit imports.",
  formatAuto: "Detect automatically",
  duplicateOf: "This content was received before for this company: a duplicate cannot be validated twice.",
  duplicate: "Duplicate",

  detailTitle: "Entry detail",
  backToConsole: "Back to the console",
  entriesTab: "Entries",
  errorsTab: (loc, n) => `Errors (${formatCount(loc, n)})`,
  batchTabs: "Imports shown",
  ecol: {
    line: "Line",
    journal: "Journal",
    date: "Date",
    piece: "Piece",
    account: "Account",
    thirdParty: "Third party",
    reference: "Reference",
    label: "Label",
    debit: "Debit",
    credit: "Credit",
    lettering: "Lettering code",
    analytic: "Analytic",
    dueDate: "Due date",
    currencyAmount: "Currency amount",
  },
  totals: "Totals",
  balanced: "Balanced",
  balance: "Balance",
  difference: (amount) => `Difference: ${amount}`,
  linesCount: (loc, state, staged, refused) =>
    [
      state === "posted"
        ? count(loc, staged, "line posted", "lines posted")
        : state === "deleted"
          ? count(loc, staged, "line deleted", "lines deleted")
          : count(loc, staged, "line pending", "lines pending"),
      ...(refused > 0 ? [count(loc, refused, "line refused", "lines refused")] : []),
    ].join(" · "),
  entriesCount: (loc, n) => count(loc, n, "entry", "entries"),
  downloads: "Downloads",
  downloadOriginal: "Original file",
  downloadRejected: "Rejected lines",
  downloadErrors: "Errors (CSV)",
  gridLabel: (name) => `Entries of import ${name}`,
  gridLoading: "Loading lines…",
  gridRefused: (what) => (what ? `Refused: ${what}` : "Refused with its entry"),
  ierr: { line: "Line", field: "Field", code: "Code", message: "Message", severity: "Severity" },
  severity: (s) => (s === "error" ? "Error" : s === "finding" ? "Finding" : s),
  noErrors: "No error.",
  fileLevel: "file",
  showLine: (line) => `Show line ${line} in the entries`,
  entrySpan: (first, last) => (first === last ? "one-line entry, refused" : `entry of lines ${first} to ${last}, refused`),
  gsearch: {
    label: "Search the entries",
    text: "Label or reference",
    journal: "Journal",
    account: "Account (beginning)",
    thirdParty: "Third party",
    amount: "Amount",
    apply: "Search",
    clear: "Clear",
    badAmount: "This amount cannot be read: write it like 1,234.50.",
    none: "No line matches this search.",
  },

  historyTitle: "Import history",

  uploadCustom: "Custom (import layout)",
  uploadLayout: "Import layout",
  uploadChooseLayout: "Choose a layout",
  uploadNoLayouts: "This company has no import layout.",
  uploadCreateLayout: "Create a layout",
  uploadLayoutsLoading: "Loading layouts…",
  batchResentOf: "Re-sends, corrected, the rejected lines of import",
  batchParent: "Fed by the file sent to company",
  batchParentHidden: (id) => `Fed by a file sent to another company (import no. ${id}).`,
  batchLayout: "Read with layout",
  batchLinks: "Where the import comes from",
  importNumber: (id) => `import no. ${id}`,

  settings: "Settings",
  exports: "Exports",
  importLayouts: "Import layouts",
  fecExport: "FEC export",

  lay: {
    title: "Custom import layouts",
    intro: "How your partners' CSV or fixed-width files are read: columns, amounts, accounts, VAT, grouping into entries.",
    readOnly: "Your role may see the layouts and account ranges, not change them.",
    newLayout: "New layout",
    none: "This company has no layout.",
    listCaption: "The company's import layouts",
    name: "Name",
    kindCol: "File type",
    updatedAt: "Updated",
    actions: "Actions",
    edit: (name) => `Edit layout ${name}`,
    show: (name) => `See layout ${name}`,
    editShort: "Edit",
    showShort: "See",
    remove: "Delete",
    removeNamed: (name) => `Delete layout ${name}`,
    removeTitle: "Delete the layout",
    removeBody: (name) => `Delete layout “${name}”? Imports already read with it keep the copy they used.`,
    removed: (name) => `Layout “${name}” deleted.`,
    editorNew: "New import layout",
    editorTitle: (name) => `Layout “${name}”`,
    notFound: "This layout does not exist (any more) for this company.",
    back: "Back to the layouts",
    save: "Save the layout",
    saving: "Saving…",
    saved: (name) => `Layout “${name}” saved.`,
    nameRequired: "Give the layout a name.",
    problemsTitle: (n) => (n === 1 ? "The layout cannot be used: 1 problem" : `The layout cannot be used: ${n} problems`),
    formLabel: "Layout definition",
    kindCsv: "CSV (separated columns)",
    kindFixed: "Fixed width (positions)",
    secFile: "File",
    secColumns: "Columns",
    secColumnsHelpCsv: "The column number of each piece of data (1 = the first). Leave empty what the file does not hold.",
    secColumnsHelpFixed: "The position of the first character (1 = the first) and the number of characters of each piece of data. Leave empty what the file does not hold.",
    secAmounts: "Amounts",
    secAccounts: "Accounts",
    secJournal: "Journal",
    secVat: "VAT",
    secContra: "Contra account",
    secGrouping: "Grouping lines into entries",
    fileKind: "File type",
    separator: "Separator",
    separatorOther: "Other separator (one character)",
    separatorName: { ";": "Semicolon ( ; )", ",": "Comma ( , )", "\t": "Tab", "|": "Vertical bar ( | )", other: "Other…" },
    quote: "Text quote",
    quoteName: { '"': 'Double quote ( " )', "'": "Apostrophe ( ' )", "": "None" },
    encoding: "Encoding",
    encodingName: { auto: "Detect automatically", "utf-8": "UTF-8", cp1252: "Windows-1252", "iso-8859-15": "ISO-8859-15" },
    decimalSeparator: "Decimal separator",
    thousandsSeparator: "Thousands separator",
    sepName: { "": "None", " ": "Space", ".": "Dot ( . )", ",": "Comma ( , )", "'": "Apostrophe ( ' )" },
    dateFormat: "Date format",
    dateFormatHelp: "DD day, MM month, YYYY 4-digit year, YY 2-digit; e.g. DD/MM/YYYY for 31/12/2025.",
    dateTokens: { d: "DD", m: "MM", Y: "YYYY", y: "YY" },
    skipLines: "Header lines to skip",
    start: "start",
    length: "length",
    columnOf: (field) => `${field}: column`,
    startOf: (field) => `${field}: start position`,
    lengthOf: (field) => `${field}: length`,
    field: {
      company: "Company (receiving company)",
      journal: "Journal code",
      journalLabel: "Journal label",
      date: "Entry date",
      entryNumber: "Entry number",
      pieceRef: "Document reference",
      pieceDate: "Document date",
      account: "Account",
      accountLabel: "Account label",
      kind: "Account kind",
      thirdParty: "Third-party account",
      thirdPartyLabel: "Third-party name",
      customer: "Customer account",
      supplier: "Supplier account",
      label: "Line label",
      debit: "Debit",
      credit: "Credit",
      amount: "Amount",
      sign: "Direction",
      vatAmount: "VAT amount",
      vatCode: "VAT code",
      vatRate: "VAT rate",
      contraAccount: "Contra account",
      analytic: "Analytic section",
      currency: "Currency",
      lettering: "Lettering code",
      dueDate: "Due date",
      invoiceRef: "Invoice number",
    },
    amountMode: "How amounts are read",
    amountModeName: {
      debitCredit: "Two columns: debit and credit",
      signed: "One signed amount (negative = credit)",
      signColumn: "An amount and a direction column",
    },
    signCodes: "Codes of the direction column",
    signDebit: "Debit code",
    signCredit: "Credit code",
    accountMode: "How accounts are read",
    accountModeName: {
      twoColumns: "Two columns: general account and third-party account",
      kindColumn: "An account and a kind column (G/D/C)",
      ranges: "An account, its kind given by the account ranges",
      threeColumns: "Three columns: general account, customer, supplier",
    },
    rangesHint: "Each account's kind comes from the company's account ranges (on the layouts page).",
    twoColumnsHint: "The kind column is optional: without it, the third party's kind comes from the account ranges.",
    kindCodes: "Codes of the kind column",
    kindGeneral: "“General” code",
    kindCustomer: "“Customer” code",
    kindSupplier: "“Supplier” code",
    customerAccount: "Customers control account",
    supplierAccount: "Suppliers control account",
    journalMode: "Journal of the entries",
    journalModeName: { code: "Read from the file, or a fixed journal", default: "The company's default journal of a kind" },
    journalKind: "Kind of the default journal",
    journalKindHelp: "Entries go into the company's default journal of this kind (Settings › Journals): without a default journal of this kind, the import fails.",
    journalFixed: "Fixed journal (when the column is missing or empty)",
    journalLabelFixed: "Label of the fixed journal",
    vatOn: "Lines carry their VAT (a VAT line is generated)",
    vatAccount: "Fixed VAT account",
    vatAccounts: "VAT account by code or rate",
    vatKey: "Code or rate",
    vatKeyOf: (n) => `Code or rate ${n}`,
    vatAccountOf: (n) => `VAT account ${n}`,
    vatRemove: (n) => `Remove mapping ${n}`,
    vatAdd: "Add a code or a rate",
    vatNone: "No mapping: the fixed account is used for every line.",
    contraMode: "Contra account",
    contraName: { none: "None", column: "Read from a column", fixed: "Fixed account (balances the entry)" },
    contraFixed: "Fixed contra account",
    groupBy: "A new entry starts when this changes:",
    groupUnmapped: "(column not given)",
    thirdPartyStarts: "A third-party line (customer or supplier) starts a new entry",
    json: "Definition sent (JSON)",
    optionName: {
      columns: "Columns",
      kind: "File type",
      journal: "Journal",
      groupBy: "Grouping",
      contraAccountFixed: "Fixed contra account",
      thirdPartyStartsEntry: "Third-party line",
      definition: "Layout",
    },
    problem: {
      CSV_NEEDS_NUMBERS: (p) => `a CSV file is read by column numbers (1 = the first); without a number: ${p.cols("columns")}`,
      FIXED_NEEDS_POSITIONS: (p) => `a fixed-width file is read by positions (start and length); without a position: ${p.cols("columns")}`,
      QUOTE_IS_SEPARATOR: () => "the text quote must differ from the separator",
      SAME_SEPARATORS: () => "the thousands separator must differ from the decimal separator",
      COLUMN_REQUIRED: () => "this column is required",
      NO_JOURNAL: () => "give the journal code column, a fixed journal, or the kind of the company's default journal",
      MODE_NEEDS_COLUMN: (p) => `“${p.mode()}” needs the ${p.col("column")} column`,
      MODE_UNUSED_COLUMNS: (p) => `“${p.mode()}” does not read: ${p.cols("columns")} (remove ${p.many("columns") ? "these columns" : "this column"} or change the mode)`,
      MODE_NEEDS_PARTY_COLUMN: (p) => `“${p.mode()}” needs a ${p.label("customer")} or ${p.label("supplier")} column`,
      KIND_WITHOUT_THIRD_PARTY: (p) => `“${p.mode()}” reads the ${p.label("kind")} column for the ${p.label("thirdParty")}, which is not given`,
      VAT_CODE_ALONE: (p) => `the ${p.label("vatCode")} column needs a ${p.label("vatAmount")} or ${p.label("vatRate")} column`,
      VAT_ACCOUNT_MISSING: () => "VAT columns are given: give a fixed VAT account, or an account by code or rate",
      VAT_ACCOUNT_UNUSED: () => "no VAT amount or VAT rate column is given",
      CONTRA_TWICE: () => "give a contra account column or a fixed account, not both",
      GROUP_KEY_TWICE: () => "a column is listed twice",
      GROUP_KEY_NOT_MAPPED: (p) => `the ${p.col("column")} column is not given in the file`,
    },
    invalid: {
      missing: () => "required",
      literal_error: (p) => `not a valid value (possible values: ${p.text("expected")})`,
      unknown_field: (p) => `unknown column: ${p.text("unknown")}`,
      string_too_long: (p) => `at most ${p.text("max_length")} characters`,
      string_too_short: () => "must not be empty",
      too_long: () => "too long",
      greater_than_equal: (p) => `at least ${p.text("ge")}`,
      less_than_equal: (p) => `at most ${p.text("le")}`,
      int_type: () => "a whole number is expected",
      int_parsing: () => "a whole number is expected",
      string_type: () => "a text is expected",
      extra_forbidden: () => "unknown option",
      separator: () => "one character (tab included), not a quote or a line break",
      quote: () => "one character (usually \") or none",
      date_format: () => "format not recognised: it needs the day, the month and the year (DD, MM, YYYY or YY), once each",
      blank: () => "must not be empty",
      same_codes: () => "the codes must differ",
    },
    invalidOther: "not a valid value",
    problemAt: (where, why) => `${where}: ${why}`,
    preview: "Preview",
    previewNothingSaved: "Preview only: nothing is saved or imported.",
    sample: "Sample file",
    sampleDrop: "Drop a sample file here, or",
    samplePick: "choose a file",
    sampleChosen: (name, size) => `Sample: ${name} (${size})`,
    sampleHint: "Choose a sample file: every change of the layout reads it again.",
    previewForbidden: "Your role may not run a preview.",
    previewLoading: "Reading the sample…",
    previewStale: "Updating the preview…",
    previewCounts: (loc, lines, entries, rejected, errors, findings) =>
      [
        count(loc, lines, "line read", "lines read"),
        count(loc, entries, "entry", "entries"),
        `${formatCount(loc, rejected)} rejected`,
        count(loc, errors, "error", "errors"),
        count(loc, findings, "finding", "findings"),
      ].join(" · "),
    previewEncoding: (enc) => `Encoding: ${enc}`,
    previewRefused: "The layout cannot read the sample yet: fix the problems shown beside the form.",
    previewFailed: (why) => `The preview failed: ${why}`,
    previewFatal: "The file cannot be read:",
    previewEntries: (loc, shown, total) =>
      shown === total
        ? `Entries read (${formatCount(loc, total)})`
        : `First entries read (${formatCount(loc, shown)} of ${formatCount(loc, total)})`,
    previewNoEntries: "No entry read.",
    previewEntryHead: (journal, number, date, company) => `Journal ${journal} · No. ${number || "—"} · ${date} · ${company}`,
    previewIssues: (loc, n) => `Errors and findings (${formatCount(loc, n)})`,
    previewNoIssues: "No error or finding.",
    pcol: {
      line: "Line",
      account: "Account",
      thirdParty: "Third party",
      pieceRef: "Document",
      label: "Label",
      debit: "Debit",
      credit: "Credit",
      analytic: "Analytic",
    },
    total: "Total",
    unbalanced: "Unbalanced",
    ranges: "Account ranges",
    rangesIntro:
      "They give account numbers read from a single column their kind (general, customer, supplier). Choose below how their bounds compare.",
    rangesCaption: "The company's account ranges",
    rangeKind: "Kind",
    rangeFrom: "From",
    rangeTo: "To",
    rangeKindName: RANGE_KIND_EN,
    rangeKindOf: (n) => `Kind of range ${n}`,
    rangeFromOf: (n) => `Start of range ${n}`,
    rangeToOf: (n) => `End of range ${n}`,
    rangeRemove: (n) => `Remove range ${n}`,
    rangeAdd: "Add a range",
    rangesSave: "Save the ranges",
    rangesSaved: "Account ranges saved.",
    fecSiren: "SIREN of FEC files",
    fecSirenIntro: (siren: string) =>
      siren
        ? `A FEC file's name carries the SIREN of the company whose entries it holds. A name with another SIREN than this company's (${siren}) is always reported before validation.`
        : "A FEC file's name carries the SIREN of the company whose entries it holds. This company has no SIREN: it is not compared.",
    fecSirenRefuse: "Refuse the file (instead of importing it with a finding)",
    fecSirenSaved: (refused: boolean): string =>
      refused ? "FEC files of another SIREN will be refused." : "FEC files of another SIREN will be imported with a finding.",
    rangesNone: "No account range.",
    rangesRefused: "The ranges were not saved:",
    rangeMatch: "How bounds compare (for every range)",
    rangeMatchName: { PREFIX: "By prefix", NUMBER: "By numeric value" } as Record<string, string>,
    rangeMatchHelp: {
      PREFIX: "Bounds compare as text: “411” covers every account that starts with 411 (the French chart of accounts).",
      NUMBER: "Accounts are whole numbers compared by value: 1000 to 9999, 10000 to 19999, 20000 to 29999 (AFAS accounts, for instance).",
    } as Record<string, string>,
  },

  fec: {
    title: "FEC export",
    intro: "The accounting entries file (FEC) of a fiscal year: its posted entries, in the format of article A47 A-1 of the LPF.",
    action: "Export the FEC",
    card: "Export the FEC of a fiscal year",
    year: "Fiscal year",
    keepNumbers: "Keep the entries' own numbers",
    keepNumbersHelp: "Otherwise entries are numbered 1, 2, 3… in date order.",
    prepare: "Prepare the export",
    preparing: "Preparing…",
    noYears: "This company has no fiscal year.",
    noSiren: "This company has no SIREN: the FEC, named after it, cannot be produced.",
    sirenRequired: "The FEC cannot be produced: the company has no SIREN.",
    unbalanced: "The FEC cannot be produced: the fiscal year's entries do not balance.",
    failed: (why) => `The export failed: ${why}`,
    ready: "Export ready",
    fileName: "File",
    entries: "Entries",
    lines: "Lines",
    totalDebit: "Total debit",
    totalCredit: "Total credit",
    download: (name) => `Download ${name}`,
  },

  fy: {
    title: "Fiscal years",
    intro: "The company's fiscal years: files are imported and posted into an open year. A locked year takes nothing until it is unlocked; a closed one, for good.",
    caption: "The company's fiscal years",
    col: { name: "Fiscal year", start: "Start", end: "End", status: "State", actions: "Actions" },
    none: "No fiscal year.",
    open: "open",
    locked: "locked",
    closed: "closed",
    lock: "Lock",
    unlock: "Unlock",
    lockNamed: (name) => `Lock fiscal year ${name}`,
    unlockNamed: (name) => `Unlock fiscal year ${name}`,
    close: "Close",
    closeNamed: (name) => `Close fiscal year ${name}`,
    lockedDone: (name) => `Fiscal year “${name}” locked.`,
    unlockedDone: (name) => `Fiscal year “${name}” unlocked.`,
    closedDone: (name) => `Fiscal year “${name}” closed.`,
    closeTitle: "Close the fiscal year",
    closeBody: (name, start, end) =>
      `Close fiscal year “${name}” (${start} to ${end})? This cannot be undone: nothing more will be posted into it. An opening entry (journal AN) is posted on the next year's first day: it carries the balances of the class 1 to 5 accounts forward and puts the result (classes 7 − 6) to account 120 (a profit) or 129 (a loss).`,
    closeYes: "Close for good",
    closedTitle: (name) => `Fiscal year “${name}” closed`,
    result: "The year's result",
    profit: (amount) => `Profit of ${amount} (account 120)`,
    loss: (amount) => `Loss of ${amount} (account 129)`,
    nil: "Nil result",
    opening: "Opening entry",
    openingLines: (loc, n, year) => `An entry of ${count(loc, n, "line", "lines")} in “${year}”`,
    noOpening: "No balance to carry: no opening entry.",
    openingTotal: "Amount carried",
    seeOpening: "See the opening entry",
    readOnly: "Your role lets you read the fiscal years, not open one.",
    openTitle: "Open a fiscal year",
    start: "Start date",
    end: "End date (optional)",
    endHelp: "Without an end date, the year runs 12 months. A first or last year may run 1 to 24 months.",
    name: "Name (optional)",
    nameHelp: "“Exercice 2026” by default, from its dates.",
    openButton: "Open the fiscal year",
    opened: (name) => `Fiscal year “${name}” opened.`,
    manage: "Manage the fiscal years",
  },
  jr: {
    title: "Journals",
    intro: "The company's journals, created by imports or here. Their kind feeds the import-order check (the bank after purchases and sales).",
    readOnly: "Your role lets you read the journals, not change them.",
    caption: "The company's journals",
    col: { code: "Code", label: "Label", kind: "Kind", isDefault: "Default", used: "Used", createdBy: "Created by" },
    none: "No journal.",
    kind: JOURNAL_KIND_EN,
    kindOf: (code) => `Kind of journal ${code}`,
    kindSet: (code, kind) => `Journal ${code}: ${kind}.`,
    defaultIntro: "The default journal of a kind takes the imports of the layouts that name no journal but that kind; one per kind.",
    defaultOf: (code) => `Journal ${code} is the default of its kind`,
    defaultNeedsKind: "Give it a kind first",
    defaultSet: (code, kind) => `Journal ${code}: default “${kind}” journal.`,
    defaultUnset: (code) => `Journal ${code}: no longer a default journal.`,
    defaultDropped: "It is no longer a default journal (it was its old kind's).",
    entriesOf: (code) => `Entries of journal ${code}`,
    byHand: "not by an import",
    add: "Add a journal",
    addButton: "Add the journal",
    added: (code) => `Journal ${code} saved.`,
  },
  bk: {
    books: "Books",
    entries: "Journal entries",
    ledger: "Account ledger",
    balance: "Trial balance",
    chart: "Chart of accounts",
    entriesTitle: "Posted entries",
    entriesIntro: "The validated entries, by date, with their lines, the import they came from and their reversal.",
    filters: "Filters",
    journal: "Journal",
    allJournals: "Every journal",
    from: "From",
    to: "To",
    show: "Show",
    ofImport: "Entries of import",
    allImports: "Every entry",
    noEntries: "No entry matches.",
    entryCount: (loc, shown, total) =>
      shown === total ? count(loc, total, "entry", "entries") : `${formatCount(loc, shown)} of ${count(loc, total, "entry", "entries")}`,
    entryTitle: (journal, number, date) => `${journal} · No. ${number} · ${date}`,
    fromImport: (id) => `Import no. ${id}`,
    reverses: "Reversal of the original entry",
    reversedBy: "Reversed: see the reversing entry",
    entryTotal: (loc, n) => `Total (${count(loc, n, "line", "lines")})`,
    col: {
      account: "Account",
      accountLabel: "Label",
      thirdParty: "Third party",
      label: "Label",
      reference: "Reference",
      lettering: "Lettering",
      analytic: "Analytic",
      debit: "Debit",
      credit: "Credit",
      balance: "Balance",
      date: "Date",
      journal: "Journal",
      number: "Entry no.",
      code: "Code",
      kind: "Kind",
      used: "Used",
      createdBy: "Created by",
    },
    ledgerTitle: "Account ledger",
    ledgerIntro: "An account's posted lines, by date, with the balance (debit − credit) after each.",
    pickAccount: "Choose an account and a period.",
    account: "Account",
    accountHelp: "Type a number or a label: the company's accounts are offered.",
    unknownAccount: (account) => `The company has no account ${account}.`,
    ledgerOf: (account, label) => `Account ${account}${label ? ` — ${label}` : ""}`,
    opening: "Opening balance",
    openingAt: (date) => `Opening balance on ${date}`,
    closing: "Closing balance",
    closingAt: (date) => `Balance on ${date}`,
    totalDebit: "Total debit",
    totalCredit: "Total credit",
    noLines: "No line in the period.",
    lineCount: (loc, shown, total) =>
      shown === total ? count(loc, total, "line", "lines") : `${formatCount(loc, shown)} of ${count(loc, total, "line", "lines")}`,
    balanceTitle: "Trial balance",
    balanceIntro: "The posted movements of each general account in the period, a total per class and the grand total.",
    year: "Fiscal year",
    anyPeriod: "The whole period",
    inCurrency: (currency) => `Amounts in ${currency}`,
    exportCsv: "Export as CSV",
    csvName: "trial-balance",
    noBalance: "No entry posted in the period.",
    classTotal: (key) => (key === "other" ? "Total of other accounts" : `Total class ${key}`),
    grandTotal: "Grand total",
    chartTitle: "Chart of accounts and third parties",
    chartIntro: "The company's accounts, third parties and analytic sections: whether they are used and the import that created them.",
    chartTab: { accounts: "Accounts", thirdParties: "Third parties", analytic: "Analytic sections" },
    search: "Search",
    searchIn: (what) => `Search in ${what}`,
    noneFound: "Nothing found.",
    partyKind: { customer: "Customer", supplier: "Supplier", other: "Other", "": "" } as Record<string, string>,
    itemCount: (loc, shown, total) =>
      shown === total ? count(loc, total, "item", "items") : `${formatCount(loc, shown)} of ${count(loc, total, "item", "items")}`,
    seeEntries: "See the entries",
    seeEntriesOf: (name) => `See the entries of import ${name}`,
    reverse: "Reverse",
    reverseTitle: "Reverse the import",
    reverseBody: (name) =>
      `Reverse import “${name}”? Each of its entries gets an opposite entry dated the chosen day (in an open fiscal year). The original entries and their reversals all stay in the books.`,
    reverseDate: "Date of the reversing entries",
    reversedDone: (name) => `Import “${name}” reversed.`,
    reversedOn: (at, date) => `Reversed on ${at}: reversing entries dated ${date}.`,
  },

  administration: "Administration",
  companyDetails: "Company details",
  adm: {
    title: "The firm's companies",
    tab: "Companies",
    intro: "Create the firm's companies, edit their details, archive or restore them.",
    forbidden: "This page is for the firm's administrators only.",
    showArchived: "Show archived companies",
    newCompany: "New company",
    listCaption: "The firm's companies",
    none: "No company.",
    col: { name: "Name", siren: "SIREN", code: "Short code", currency: "Currency", country: "Country", status: "Status", actions: "Actions" },
    active: "Active",
    archived: "Archived",
    findings: "To fix:",
    edit: "Edit",
    editNamed: (name) => `Edit company ${name}`,
    archive: "Archive",
    archiveNamed: (name) => `Archive company ${name}`,
    restore: "Restore",
    restoreNamed: (name) => `Restore company ${name}`,
    archiveTitle: "Archive the company",
    archiveBody: (name) =>
      `Archive company “${name}”? Its entries, files and history are kept, but it will be hidden from its members and its API keys will stop working. You can restore it.`,
    archivedDone: (name) => `Company “${name}” archived.`,
    restoredDone: (name) => `Company “${name}” restored.`,
    created: (name) => `Company “${name}” created.`,
    saved: (name) => `Company “${name}” saved.`,
    formNew: "New company",
    formEdit: (name) => `Edit company “${name}”`,
    formLabel: "Company details",
    field: {
      name: "Company name",
      siren: "SIREN",
      code: "Short code",
      currency: "Currency",
      country: "Country",
      address: "Address",
    },
    help: {
      siren: "9 digits; leave empty if the company has none.",
      code: "The short name a file's “company” column may give: letters, digits, . _ -",
      currency: "ISO 4217 code (EUR, CHF…); it no longer changes once imports are received.",
      country: "ISO 3166 code (FR, BE, CH…).",
    },
    create: "Create the company",
    save: "Save",
    saving: "Saving…",
    notSaved: "The company was not saved: fix the field shown.",
    detailsIntro: "The company's name, SIREN, short code, currency, country and address.",
    readOnly: "Only the company's admin may change these details.",
  },

  adminPages: "Administration pages",
  members: "Company members",
  apiKeys: "API keys",
  copy: {
    copy: "Copy",
    copied: "Copied to the clipboard.",
    notCopied: "Could not copy: select the text and copy it yourself.",
    done: "Done",
  },
  usr: {
    title: "The firm's users",
    tab: "Users",
    intro: "Create the accounts of the firm's people and its clients', give them a role per company, reset their password, deactivate them.",
    newUser: "New user",
    listCaption: "The firm's users",
    none: "No user.",
    col: { name: "Name", email: "Email address", status: "Status", firmAdmin: "Firm administrator", roles: "Roles", actions: "Actions" },
    active: "Active",
    deactivated: "Deactivated",
    yes: "Yes",
    no: "No",
    noRoles: "No role",
    roleChip: (company, role) => `${company}: ${role}`,
    edit: "Edit",
    editNamed: (name) => `Edit ${name}`,
    reset: "Reset the password",
    resetNamed: (name) => `Reset ${name}'s password`,
    deactivate: "Deactivate",
    deactivateNamed: (name) => `Deactivate ${name}`,
    reactivate: "Reactivate",
    reactivateNamed: (name) => `Reactivate ${name}`,
    deactivateTitle: "Deactivate the user",
    deactivateBody: (name, email) =>
      `Deactivate ${name} (${email})? They will no longer be able to log in, and their open sessions end at once. Their roles are kept: you can reactivate them.`,
    deactivatedDone: (name) => `${name} is deactivated: their sessions have ended.`,
    reactivatedDone: (name) => `${name} can log in again.`,
    created: (name) => `User “${name}” created.`,
    saved: (name) => `User “${name}” saved.`,
    formNew: "New user",
    formEdit: (name) => `Edit user “${name}”`,
    formLabel: "User",
    field: { email: "Email address", name: "Name", locale: "Language", firmAdmin: "Firm administrator" },
    firmAdminHelp: "Creates and archives companies and users, gives any role.",
    localeName: { fr: "French", en: "English" },
    roles: "Role per company",
    rolesHelp: "Roles are changed later in each company's members.",
    noRole: "None",
    create: "Create the user",
    save: "Save",
    saving: "Saving…",
    notSaved: "The user was not saved: fix the field shown.",
    linkTitle: (name) => `Link for ${name} to choose a password`,
    linkLabel: "Link to pass on",
    linkNote:
      "Valid for 72 hours and shown only now: copy it and pass it on to the person, who will choose their password there. “Reset the password” gives a new link.",
    forbidden: "This page is for the firm's administrators only.",
  },
  mbr: {
    title: "Company members",
    intro: "The people who have access to the company, and their role.",
    reserved: "This page is for the company's admins only.",
    listCaption: "Company members",
    none: "No member.",
    col: { name: "Name", email: "Email address", role: "Role", actions: "Actions" },
    deactivated: "(deactivated)",
    roleOf: (name) => `${name}'s role`,
    roleSet: (name, role) => `${name}: ${role}.`,
    remove: "Remove",
    removeNamed: (name) => `Remove ${name} from the company`,
    removeTitle: "Remove from the company",
    removeBody: (name, company) => `Remove ${name} from company “${company}”? They will no longer have access to it.`,
    removed: (name) => `${name} no longer has access to the company.`,
    add: "Add someone",
    addHelp: "The person needs an account: a firm administrator creates it.",
    email: "Email address",
    role: "Role",
    addButton: "Add",
    added: (name, role) => `${name} has access to the company (${role}).`,
  },
  keys: {
    title: "API keys",
    intro: "The keys of the partner applications that send imports to this company.",
    reserved: "This page is for the company's admins only.",
    listCaption: "The company's API keys",
    none: "No API key.",
    col: { name: "Name", prefix: "Key starts with", created: "Created", lastUsed: "Last used", status: "Status", actions: "Actions" },
    never: "Never",
    active: "Active",
    revokedOn: (date) => `Revoked on ${date}`,
    newKey: "New key",
    name: "Key name",
    nameHelp: "The name of the partner application that will use it, for instance.",
    badName: (maximum) => `A key's name has at most ${maximum} characters, without control characters.`,
    create: "Create the key",
    creating: "Creating…",
    keyTitle: (name) => `Key “${name}”`,
    keyLabel: "API key",
    keyNote: "Copy it now and keep it somewhere safe: it will never be shown again.",
    revoke: "Revoke",
    revokeNamed: (name) => `Revoke key ${name}`,
    revokeTitle: "Revoke the API key",
    revokeBody: (name) =>
      `Revoke key “${name}”? The applications using it will no longer be able to send anything, from now on. This cannot be undone.`,
    revokedDone: (name) => `Key “${name}” revoked.`,
    createdDone: (name) => `Key “${name}” created.`,
  },
  pwd: {
    title: "Choose your password",
    intro: "At least 12 characters and hard to guess: a sentence of several words works well.",
    newPassword: "New password",
    confirm: "Confirm the password",
    current: "Current password",
    submit: "Save the password",
    saving: "Saving…",
    mismatch: "The two passwords are not the same.",
    noToken: "This link is incomplete: open the link you received as it is, or ask a firm administrator for a new one.",
    done: "Your password is saved. You can now sign in.",
    toLogin: "Sign in",
    change: "Change my password",
    changeIntro: "Your other sessions will be logged out; this one goes on.",
    changeButton: "Change the password",
    changed: "Password changed. Your other sessions have been logged out.",
    userMenu: (name) => `${name}'s account`,
  },

  notifications: "Notifications",
  notificationsUnread: (loc, n) => (n === 0 ? "Notifications, none unread" : `Notifications, ${formatCount(loc, n)} unread`),
  markAllRead: "Mark all as read",
  noNotifications: "No notification.",
  note: {
    PARSE_DONE: (w) => `${enFile(w, "An import")} parsed: ${w.entries === null ? "" : `${enEntries(w.entries, w.entriesText)} `}pending validation.`,
    PARSE_DONE_WITH_ERRORS: (w) =>
      `${enFile(w, "An import")} parsed with errors: ${
        w.entries === null ? "" : `${enEntries(w.entries, w.entriesText)} pending validation, `
      }${w.rejected === null ? "entries refused" : `${w.rejectedText} refused`}.`,
    PARSE_FAILED: (w) => `${enFile(w, "A file")} could not be read${w.reason ? `: ${w.reason}` : "."}`,
    VALIDATED: (w) =>
      `Import${w.name ? ` “${w.name}”` : ""}${w.company ? ` (${w.company})` : ""} validated: ${
        w.entries === null ? "entries" : enEntries(w.entries, w.entriesText)
      } posted.`,
    REJECTED: (w) => `Import${w.name ? ` “${w.name}”` : ""}${w.company ? ` (${w.company})` : ""} rejected: entries deleted.`,
    other: (w) => (w.name ? `New notification: “${w.name}”` : "New notification"),
  },
  statusChanged: (name, status) => `${name}: ${status}`,

  status: {
    RECEIVED: "Received",
    PARSING: "Parsing",
    PENDING_VALIDATION: "Pending validation",
    FINISHED_WITH_ERROR: "Finished with error",
    FAILED: "Failed",
    VALIDATING: "Validating",
    SUCCEEDED: "Succeeded",
    REJECTED: "Rejected",
  },
  formatUnrecognised: "Not recognised",
  format: {
    AUTO: "Detect automatically",
    FEC: "FEC",
    TRA: "TRA",
    JSON: "JSON",
    CUSTOM: "Custom",
    MT940: "MT940",
    CAMT053: "CAMT.053",
    CAMT054: "CAMT.054",
    BAI2: "BAI2",
    CFONB120: "CFONB 120",
    OFX: "OFX",
    QIF: "QIF",
    CSV: "CSV",
  },
  origin: {
    PARTNER_API: "Partner API",
    UPLOAD: "Upload",
    CLI: "Imported by the firm",
  },
};

/** The params of an error or finding, for `issueText` (errorText.ts builds it): `text` says one (a number
 * formatted for the locale, "" when missing), `count` reads one as a number (for plurals). Reading a param the
 * error does not carry (with any reader but `has`) makes the caller say something else: the code's label, or
 * the server's message; `unsaid` does the same for a value the text cannot say (a reason it does not know). */
/** The reader of a layout problem's params that `lay.problem` and `lay.invalid` entries are given: columns by
 * their labels in the user's language, the account or amount mode by its name. */
export interface LayoutParams {
  /** A column named by a param, by its label. */
  col: (name: string) => string;
  /** A list of columns ("debit, credit") by their labels. */
  cols: (name: string) => string;
  /** Whether that list names more than one column. */
  many: (name: string) => boolean;
  /** A column's label, by the column's own name. */
  label: (column: string) => string;
  /** The mode the problem is about, by its name in the editor. */
  mode: () => string;
  /** A param as it is. */
  text: (name: string) => string;
}

export interface IssueParams {
  text: (name: string) => string;
  /** A param as sent, numbers not grouped: an id, a code. */
  raw: (name: string) => string;
  count: (name: string) => number;
  /** Whether the error carries the param (an optional one: reading it is then safe). */
  has: (name: string) => boolean;
  /** An ISO date param as the locale writes it (31/12/2026 in French). */
  date: (name: string) => string;
  /** A text of ISO dates ("2026-01-31, 2026-02-01…") with each date as the locale writes it. */
  dates: (name: string) => string;
  /** A month "2026-03" as the locale says it: mars 2026, March 2026. */
  month: (name: string) => string;
  /** A decimal string amount ("-1234.50") in the locale's form with the decimals sent: -1 234,50, -1,234.50. */
  amount: (name: string) => string;
  /** Says nothing (""), and makes the caller fall back: for a value the text cannot say. */
  unsaid: () => string;
}

export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];
export const MESSAGES: Record<Lang, Messages> = { fr, en };
