import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages";
import { batch } from "../../test/fixtures";
import { noteText } from "../notifications/NotificationCentre";
import { errorText, errorTitle, failureText, issueDetailText, issueLabel, payloadErrorText, userErrorText } from "./errorText";

const { fr, en } = MESSAGES;
const FR = "fr-FR";
const EN = "en-GB";

describe("errorText (the console's Erreur column)", () => {
  it("says the counts in the user's language, not the server's summary", () => {
    const b = batch({
      status: "FINISHED_WITH_ERROR",
      rejectedEntryCount: 2,
      errorCount: 2,
      findingCount: 1,
      errorSummary: "2 entries rejected (UNBALANCED_ENTRY ×2); 1 finding",
    });
    expect(errorText(fr, FR, b)).toBe("2 écritures rejetées · 1 constat");
    expect(errorText(en, EN, b)).toBe("2 entries rejected · 1 finding");
  });

  it("counts errors when no entry was rejected, and findings alone", () => {
    expect(errorText(fr, FR, batch({ errorCount: 3 }))).toBe("3 erreurs");
    expect(errorText(en, EN, batch({ errorCount: 1 }))).toBe("1 error");
    expect(errorText(fr, FR, batch({ findingCount: 4 }))).toBe("4 constats");
    expect(errorText(en, EN, batch({ rejectedEntryCount: 1, errorCount: 1 }))).toBe("1 entry rejected");
    expect(errorText(fr, FR, batch({ rejectedEntryCount: 1, errorCount: 1 }))).toBe("1 écriture rejetée");
    expect(errorText(fr, FR, batch({ rejectedEntryCount: 1200, errorCount: 1300, findingCount: 1 }))).toBe("1\u202f200 écritures rejetées · 1 constat");
    expect(errorText(en, EN, batch({ errorCount: 1300, findingCount: 2500 }))).toBe("1,300 errors · 2,500 findings");
  });

  it("names the codes that refused entries in the tooltip, in the user's language", () => {
    const b = batch({
      status: "FINISHED_WITH_ERROR",
      rejectedEntryCount: 1502,
      errorCount: 1502,
      findingCount: 1,
      errorCodes: [
        { code: "UNBALANCED_ENTRY", count: 1500 },
        { code: "SOME_FUTURE_CODE", count: 2 },
      ],
    });
    expect(errorTitle(fr, FR, b)).toBe(
      `1\u202f502 écritures rejetées : ${fr.issueCode.UNBALANCED_ENTRY} ×1\u202f500, SOME_FUTURE_CODE ×2 · 1 constat`,
    );
    expect(errorTitle(en, EN, b)).toBe(`1,502 entries rejected: ${en.issueCode.UNBALANCED_ENTRY} ×1,500, SOME_FUTURE_CODE ×2 · 1 finding`);
    expect(errorTitle(en, EN, batch({ errorCount: 1 }))).toBe("1 error");
  });

  it("is empty for a clean batch and generic for a file that could not be read", () => {
    expect(errorText(fr, FR, batch())).toBe("");
    expect(errorText(fr, FR, batch({ status: "FAILED", errorCount: 1 }))).toBe("Fichier illisible");
    expect(errorText(en, EN, batch({ status: "FAILED", errorCount: 1 }))).toBe("File could not be read");
  });
});

describe("issueLabel", () => {
  it("labels known codes and leaves unknown ones alone", () => {
    expect(issueLabel(fr, "UNBALANCED_ENTRY")).toBe("Écriture déséquilibrée");
    expect(issueLabel(en, "BAD_DATE")).toBe("Invalid date");
    expect(issueLabel(fr, "SOMETHING_NEW")).toBeNull();
    expect(issueLabel(fr, "constructor")).toBeNull();
  });

  it("has a label in both languages for every code", () => {
    expect(Object.keys(en.issueCode).sort()).toEqual(Object.keys(fr.issueCode).sort());
    for (const t of [fr, en]) for (const label of Object.values(t.issueCode)) expect(label.trim()).not.toBe("");
    // Every code the backend can emit: tests/test_codes.py finds them in the Python source and names any
    // without a label; this floor only keeps labels from going missing unnoticed here.
    expect(Object.keys(fr.issueCode).length).toBeGreaterThanOrEqual(122);
  });
});

describe("failureText (why a FAILED file could not be read)", () => {
  it("says the first error in the user's language, where the user looks", () => {
    const failure = { code: "EMPTY_FILE", params: { file: "a.txt" } };
    expect(failureText(fr, "fr-FR", { failure })).toMatch(/^Fichier illisible : .+/);
    expect(failureText(fr, "fr-FR", { failure })).not.toContain("EMPTY_FILE");
    expect(failureText(en, "en-GB", { failure })).toMatch(/^File could not be read: .+/);
    expect(failureText(fr, "fr-FR", { failure: null })).toBe("Fichier illisible");
    // The first error's sentence from its params, where the app has one.
    const binary = { code: "BINARY_FILE", params: { content: "control", format: "FEC" } };
    expect(failureText(fr, "fr-FR", { failure: binary })).toBe("Fichier illisible : le fichier contient des données binaires (octets NUL ou de contrôle), pas du texte");
    expect(failureText(en, "en-GB", { failure: { code: "UNKNOWN_FORMAT", params: { file: "a.bin" } } })).toMatch(/^File could not be read: the format could not be recognised: /);
  });
});

describe("noteText (notifications)", () => {
  it("builds the message from the kind and the file name (notifications older than their params)", () => {
    expect(noteText(fr, "fr-FR", { kind: "PARSE_DONE", fileName: "a.txt" })).toBe("« a.txt » analysé : en attente de validation.");
    expect(noteText(en, "en-GB", { kind: "PARSE_DONE", fileName: "a.txt" })).toBe("“a.txt” parsed: pending validation.");
    expect(noteText(fr, "fr-FR", { kind: "PARSE_FAILED", fileName: "b.bin" })).toBe("« b.bin » n'a pas pu être lu.");
    expect(noteText(fr, "fr-FR", { kind: "VALIDATED", fileName: "c.txt" })).toBe("Import « c.txt » validé : écritures comptabilisées.");
    expect(noteText(en, "en-GB", { kind: "REJECTED", fileName: "d.txt" })).toBe("Import “d.txt” rejected: entries deleted.");
  });

  it("says the real outcome with the dossier and the counts in the user's format", () => {
    const params = { file: "a.txt", company: "Boulangerie Martin", entries: 33288, rejected: 2 };
    expect(noteText(fr, "fr-FR", { kind: "PARSE_DONE", fileName: "a.txt", params: { ...params, rejected: 0 } })).toBe(
      "« a.txt » (Boulangerie Martin) analysé : 33\u202f288 écritures en attente de validation.",
    );
    expect(noteText(fr, "fr-FR", { kind: "PARSE_DONE_WITH_ERRORS", fileName: "a.txt", params })).toBe(
      "« a.txt » (Boulangerie Martin) analysé avec des erreurs : 33\u202f288 écritures en attente de validation, 2 refusées.",
    );
    expect(noteText(en, "en-GB", { kind: "PARSE_DONE_WITH_ERRORS", fileName: "a.txt", params: { ...params, entries: 1, rejected: 1 } })).toBe(
      "“a.txt” (Boulangerie Martin) parsed with errors: 1 entry pending validation, 1 refused.",
    );
    expect(noteText(en, "en-GB", { kind: "VALIDATED", fileName: "a.txt", params })).toBe("Import “a.txt” (Boulangerie Martin) validated: 33,288 entries posted.");
  });

  it("says why a file could not be read, from the first error's code and params", () => {
    const note = { kind: "PARSE_FAILED", fileName: "e.txt", params: { file: "e.txt", company: "X", code: "EMPTY_FILE", error_file: "e.txt" } };
    expect(noteText(fr, "fr-FR", note)).toMatch(/^« e\.txt » \(X\) n'a pas pu être lu : .+/);
    expect(noteText(fr, "fr-FR", note)).not.toContain("EMPTY_FILE");
  });

  it("does without the file name, and never shows the server's English text", () => {
    expect(noteText(fr, "fr-FR", { kind: "VALIDATED", fileName: null })).toBe("Import validé : écritures comptabilisées.");
    expect(noteText(fr, "fr-FR", { kind: "SOMETHING_ELSE", fileName: "e.txt" })).toBe("Nouvelle notification : « e.txt »");
  });
});

describe("userErrorText (a payload error from its code and params)", () => {
  it("says the code's sentence with its params, else the code's label, never the English message", () => {
    expect(userErrorText(fr, "fr-FR", { code: "INVALID_SIREN", params: { siren: "732829321", reason: "checksum" } })).toBe("SIREN invalide (clé de contrôle)");
    expect(userErrorText(en, "en-GB", { code: "COMPANY_BUSY", params: { company: "Garage Leroy", count: 1 } })).toBe(
      "Company “Garage Leroy” has an import being read or posted: archive it once it is done.",
    );
    expect(userErrorText(fr, "fr-FR", { code: "DUPLICATE_NAME", params: null })).toBe("Nom déjà utilisé");
    expect(userErrorText(en, "en-GB", { code: "SOMETHING_NEW" })).toBe("SOMETHING_NEW");
  });

  it("says the account ranges and journal kinds a code names with the app's words", () => {
    const overlap = { code: "RANGES_OVERLAP", params: { from: "411000", to: "411999", kind: "D", other_from: "400000", other_to: "419999", other_kind: "G" } };
    expect(userErrorText(fr, "fr-FR", overlap)).toBe("La plage 411000–411999 (client) chevauche 400000–419999 (général).");
    expect(userErrorText(en, "en-GB", overlap)).toBe("411000–411999 (customer) overlaps 400000–419999 (general).");
    expect(userErrorText(fr, "fr-FR", { code: "RANGE_UNREADABLE", params: { range: 2, option: "from" } })).toBe(
      "Le début de la plage 2 est vide ou trop long (40 caractères au plus).",
    );
    expect(userErrorText(en, "en-GB", { code: "NO_DEFAULT_JOURNAL", params: { kind: "bank" } })).toContain("the company's default “Bank” journal");
    expect(userErrorText(fr, "fr-FR", { code: "DEFAULT_JOURNAL_TAKEN", params: { kind: "" } })).toBe(
      "Un autre journal est devenu au même moment le journal par défaut de ce type : réessayez.",
    );
  });

  it("falls back on the server's message, not a bare label, where the app has no sentence", () => {
    expect(payloadErrorText(fr, "fr-FR", { code: "FILE_TOO_LARGE", message: "A sample is at most 5 MB." })).toBe("A sample is at most 5 MB.");
    expect(payloadErrorText(fr, "fr-FR", { code: "NO_DEFAULT_JOURNAL", message: "…", params: { kind: "sales" } })).toContain("de type « Ventes »");
  });
});

describe("issueDetailText (an error or finding of a batch, from its code and params)", () => {
  const NNBSP = "\u202f"; // the French group separator
  const say = (code: string, params: Record<string, unknown> | null, message = "English from the server") => ({
    fr: issueDetailText(fr, FR, { code, params, message }),
    en: issueDetailText(en, EN, { code, params, message }),
  });

  it("says an unbalanced entry with its amounts in the locale's form", () => {
    const said = say("UNBALANCED_ENTRY", { entry: "VT VT00001", debit: "2064.85", credit: "2065.85", difference: "-1.00" });
    expect(said.fr).toBe(`Écriture VT VT00001 déséquilibrée : débit 2${NNBSP}064,85, crédit 2${NNBSP}065,85, écart -1,00`);
    expect(said.en).toBe("Entry VT VT00001 is unbalanced: debit 2,064.85, credit 2,065.85, difference -1.00");
    // The currency's own decimals, never padded or cut: 0 for JPY, 3 for TND.
    expect(say("UNBALANCED_ENTRY", { entry: "OD 1", debit: "1500", credit: "1499", difference: "1" }).fr).toContain(`débit 1${NNBSP}500, crédit 1${NNBSP}499, écart 1`);
    expect(say("UNBALANCED_ENTRY", { entry: "OD 1", debit: "12.345", credit: "12.340", difference: "0.005" }).en).toContain("difference 0.005");
  });

  it("says why an amount was not read, for each reason", () => {
    const amount = (params: Record<string, unknown>) => say("BAD_AMOUNT", { field: "Debit", value: "12,3x", ...params });
    expect(amount({ reason: "form" }).fr).toBe("Debit « 12,3x » n'est pas un montant");
    expect(amount({ reason: "form", expected: "1234,56" }).en).toBe("Debit '12,3x' is not an amount (expected 1234,56 with a decimal comma)");
    expect(amount({ reason: "decimals", places: 2 }).fr).toBe("Debit « 12,3x » a plus de 2 décimales");
    expect(amount({ reason: "decimals", places: 1 }).en).toBe("Debit '12,3x' has more than 1 decimal");
    expect(amount({ reason: "decimals", places: 0 }).fr).toBe("Debit « 12,3x » a des décimales, et la devise n'en a pas");
    expect(amount({ reason: "thousands" }).fr).toBe("Debit « 12,3x » contient des séparateurs de milliers (non admis : écrivez 1234,56)");
    expect(amount({ reason: "ambiguous", format: "FEC" }).fr).toBe("Debit « 12,3x » est ambigu : le « . » peut séparer les milliers ou les décimales (le FEC utilise « , »)");
    expect(amount({ reason: "ambiguous", format: "TRA" }).en).toBe("Debit '12,3x' is ambiguous: '.' may separate thousands or decimals (TRA amounts use ',')");
    expect(amount({ reason: "other_decimal", found: ".", separator: "," }).fr).toBe("Debit « 12,3x » utilise « . » ; le séparateur décimal de ce modèle est « , »");
    expect(amount({ reason: "too_large", digits: 15 }).en).toBe("Debit '12,3x' is too large (at most 15 digits before the point)");
    // A JSON document: the place first (the entry and its line), then what to write.
    const json = say("BAD_AMOUNT", { in_entry: "2 (VT VT0002)", entry_line: 2, field: "debit", value: "12,5", reason: "form", write: "12.50" });
    expect(json.fr).toBe("Écriture 2 (VT VT0002), ligne 2 : debit « 12,5 » n'est pas un montant : écrivez 12.50");
    expect(json.en).toBe("Entry 2 (VT VT0002), line 2: debit '12,5' is not an amount: write 12.50");
  });

  it("says why a date was not read, with the month and the date forms in the user's language", () => {
    const day = say("BAD_DATE", { field: "EcritureDate", value: "20260231", reason: "day", day: 31, month: "2026-02" });
    expect(day.fr).toBe("EcritureDate « 20260231 » n'est pas une date valide (pas de jour 31 en février 2026)");
    expect(day.en).toBe("EcritureDate '20260231' is not a valid date (day 31 of February 2026)");
    expect(say("BAD_DATE", { field: "EcritureDate", value: "20251315", reason: "month", month: 13 }).fr).toBe(
      "EcritureDate « 20251315 » n'est pas une date valide (mois 13)",
    );
    const form = say("BAD_DATE", { field: "ECHEANCE", value: "3113", reason: "form", expected: "JJMMAAAA", dropped: "due date" });
    expect(form.fr).toBe("ECHEANCE « 3113 » n'est pas une date de la forme JJMMAAAA (la ligne est importée sans sa date d'échéance)");
    expect(form.en).toBe("ECHEANCE '3113' is not a date in the DDMMYYYY form (the line is imported without a due date)");
    expect(say("BAD_DATE", { field: "date (column 2)", value: "2025-01-15", reason: "form", expected: "DD/MM/YYYY" }).fr).toBe(
      "date (colonne 2) « 2025-01-15 » n'est pas une date de la forme JJ/MM/AAAA",
    );
    expect(say("BAD_DATE", { field: "date", value: "15/01/1850", reason: "range" }).en).toBe("date '15/01/1850' is outside 1900-2099");
    const read = say("DATE_SEPARATORS", { field: "EcritureDate", value: "2024-01-15", read: "2024-01-15" });
    expect(read.fr).toBe("EcritureDate « 2024-01-15 » n'est pas de la forme AAAAMMJJ (lu 15/01/2024)");
  });

  it("says the dates of the books in the user's form", () => {
    expect(say("NO_OPEN_FISCAL_YEAR", { date: "2026-12-31" }).fr).toBe("Le 31/12/2026 n'est dans aucun exercice ouvert");
    expect(say("NO_OPEN_FISCAL_YEAR", { date: "2026-12-31" }).en).toBe("31/12/2026 falls outside every open fiscal year");
    expect(issueDetailText(en, "en-US", { code: "NO_OPEN_FISCAL_YEAR", params: { date: "2026-12-31" }, message: "" })).toBe("12/31/2026 falls outside every open fiscal year");
    const locked = say("FISCAL_YEAR_LOCKED", { date: "2026-03-04", year: "Exercice 2026" });
    expect(locked.fr).toBe("Le 04/03/2026 tombe dans l'exercice « Exercice 2026 », qui est verrouillé : un administrateur du dossier peut le déverrouiller");
    const chronology = say("CHRONOLOGY", { entry: "AC AC0002", date: "2024-02-10", journal: "AC", previous: "AC0001", previous_date: "2024-03-15" });
    expect(chronology.fr).toBe("L'écriture AC AC0002 (10/02/2024) est datée d'avant l'écriture précédente du journal AC, AC0001 (15/03/2024)");
    expect(say("MIXED_DATES", { entry: "VT 1", dates: "2025-01-15, 2025-01-16" }).en).toBe(
      "Entry VT 1 has lines dated 15/01/2025, 16/01/2025; every line of an entry must have the same date",
    );
    const closing = say("CLOSING_DATE", { closing: "2026-12-31", year_ends: "2025-12-31, 2027-06-30" });
    expect(closing.fr).toBe(
      "La date de clôture du nom de fichier, 31/12/2026, n'est la fin d'aucun exercice ouvert du dossier (fins des exercices ouverts : 31/12/2025, 30/06/2027)",
    );
  });

  it("says the company checks of a FEC and the order of imports", () => {
    const siren = say("SIREN_MISMATCH", { siren: "732829320", company_siren: "123456782" });
    expect(siren.fr).toBe("Le SIREN du nom de fichier, 732829320, n'est pas celui du dossier (123456782) : le fichier est-il destiné à un autre dossier ?");
    expect(siren.en).toBe("The file name's SIREN 732829320 is not the company's (123456782): is the file meant for another company?");
    const order = say("IMPORT_ORDER", { journals: "BQ", month: "2026-03", missing: "purchases, sales" });
    expect(order.fr).toMatch(/^Les écritures du journal de banque BQ de mars 2026 sont arrivées avant les écritures d'achats et de ventes de ce mois : importez d'abord/);
    expect(order.en).toMatch(/^Bank journal BQ entries for March 2026 arrived before that month's purchase and sales journal entries: /);
    const total = say("BATCH_TOTAL_TOO_LARGE", { entry: "BQ BQ00112", maximum: "1000000000000000.00" });
    expect(total.fr).toContain(`au-delà de 1${NNBSP}000${NNBSP}000${NNBSP}000${NNBSP}000${NNBSP}000,00, le plus qu'un import peut contenir`);
    expect(total.en).toContain("past 1,000,000,000,000,000.00, the most one import may hold");
  });

  it("says Cegid TRA findings with their words and sides", () => {
    const simulation = say("NOT_NORMAL_ENTRY", { value: "S", entry: "VT 12" });
    expect(simulation.fr).toBe(
      "TYPE_ECRITURE « S » désigne une écriture de simulation : seules les écritures normales (N) sont importées, l'écriture VT 12 est donc refusée",
    );
    expect(simulation.en).toBe("TYPE_ECRITURE 'S' is a simulation entry: only normal entries (N) are imported, so entry VT 12 is refused");
    const analytic = say("ANALYTIC_MISMATCH", { account: "706000", axis: "A1", first: 4, last: 5, spread: "-90.00", line: 3, total: "-1100.00", entry: "VT 1" });
    expect(analytic.fr).toBe(
      `Les lignes analytiques du compte 706000 (axe A1, lignes 4 à 5) totalisent 90,00 C, mais la ligne 3 porte 1${NNBSP}100,00 C (écriture VT 1)`,
    );
    expect(analytic.en).toBe("The analytic lines of account 706000 (axis A1, lines 4-5) add up to 90.00 C, but line 3 is 1,100.00 C (entry VT 1)");
    expect(say("RECORD_SKIPPED", { record: "TVA", what: "VAT rates" }).fr).toBe("Les enregistrements ***TVA (taux de TVA) ne sont pas importés : ils sont ignorés");
    expect(say("NOT_NORMAL_ENTRY", { value: "R", entry: "VT (no number)" }).fr).toContain("l'écriture VT (sans numéro) est donc refusée");
  });

  it("says JSON document errors with the place they are about", () => {
    const type = say("WRONG_TYPE", { expected: "object", declaration: "accounts", in_record: "2", found: "number", value: "3" });
    expect(type.fr).toBe("Compte 2 : doit être un objet {…}, et non le nombre 3");
    expect(type.en).toBe("Account 2: must be an object {…}, not the number 3");
    const syntax = say("NOT_JSON", { line: 2002, column: 41, byte: 358069, near: '"number": "VT2",,', reason: "bad_key" });
    expect(syntax.fr).toBe(
      `Le document n'est pas du JSON valide à la ligne 2${NNBSP}002, colonne 41 (octet 358${NNBSP}069) près de « "number": "VT2",, » : une clé doit être une chaîne entre guillemets doubles (une virgule de trop ?)`,
    );
    expect(syntax.en).toBe(
      `The document is not valid JSON at line 2,002, column 41 (byte 358,069) near '"number": "VT2",,': a key must be a string in double quotes (a comma too many?)`,
    );
    const unknown = say("UNKNOWN_FIELD", { in_entry: "1 (VT VT0001)", field: "labl", suggestion: "label" });
    expect(unknown.fr).toBe("Écriture 1 (VT VT0001) : champ inconnu « labl » (vouliez-vous dire « label » ?)");
    expect(say("ZERO_AMOUNT", { in_entry: "1 (OD 1)", entry_line: 1 }).en).toBe("Entry 1 (OD 1), line 1: the line's amount is zero");
  });

  it("says how many findings were left out, for any code", () => {
    const more = say("DOT_DECIMAL", { not_listed: 150, total: 1250 });
    expect(more.fr).toBe(`150 autres constats « Point décimal » non listés (1${NNBSP}250 au total)`);
    expect(more.en).toBe("150 more “Decimal point” findings not listed (1,250 in all)");
    expect(say("DOT_DECIMAL", { not_listed: 1, total: 101 }).fr).toBe("1 autre constat « Point décimal » non listé (101 au total)");
  });

  it("keeps the server's message only where the app cannot say it", () => {
    // A code the app has no sentence for.
    expect(say("SOMETHING_NEW", { a: 1 }, "Something new happened").fr).toBe("Something new happened");
    // A row older than its params (none stored), for a code whose sentence needs them.
    expect(say("UNBALANCED_ENTRY", null, "Entry VT 1 is unbalanced: …").fr).toBe("Entry VT 1 is unbalanced: …");
    expect(say("BAD_DATE", { field: "EcritureDate" }, "old text").fr).toBe("old text");
    // A value the sentence does not know (a reason added later on the server).
    expect(say("BAD_AMOUNT", { field: "Debit", value: "x", reason: "brand_new", why: "is odd" }, "Debit 'x' is odd").fr).toBe("Debit 'x' is odd");
    expect(say("BINARY_FILE", { content: "cab", format: "FEC" }, "The file is a CAB").fr).toBe("The file is a CAB");
    // A code that has no params at all is said without them.
    expect(say("EMPTY_LINE", null).fr).toBe("Ligne vide");
    expect(say("NO_HEADER", null).en).toBe("The first line is not a FEC header (JournalCode, EcritureNum… column names)");
  });

  it("keeps the sentences of codes that are also payload errors, by their params", () => {
    expect(userErrorText(fr, FR, { code: "FISCAL_YEAR_LOCKED", params: { year: "Exercice 2026" } })).toBe(
      "L'exercice « Exercice 2026 » est verrouillé : un administrateur du dossier peut le déverrouiller.",
    );
    expect(userErrorText(en, EN, { code: "TOO_LONG", params: { found: 120, maximum: 100 } })).toBe("Too long: 120 characters, 100 at most.");
    expect(say("TOO_LONG", { field: "label", length: 10001, maximum: 10000 }).fr).toBe(`label fait 10${NNBSP}001 caractères ; 10${NNBSP}000 au plus`);
    expect(userErrorText(fr, FR, { code: "UNKNOWN_CURRENCY", params: { currency: "ZZZ" } })).toBe("« ZZZ » n'est pas une devise ISO 4217 (EUR, USD, CHF…).");
    // A payload error without the params its sentence needs: its label, never blanks in a sentence.
    expect(userErrorText(fr, FR, { code: "UNBALANCED_ENTRY", params: null })).toBe("Écriture déséquilibrée");
    expect(payloadErrorText(fr, FR, { code: "BAD_RANGES", message: "An account number cannot hold the NUL character." })).toBe(
      "An account number cannot hold the NUL character.",
    );
  });

  it("has a sentence in both languages for every code", () => {
    expect(Object.keys(en.issueText).sort()).toEqual(Object.keys(fr.issueText).sort());
  });
});
