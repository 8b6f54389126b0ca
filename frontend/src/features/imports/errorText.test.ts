import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages";
import { batch } from "../../test/fixtures";
import { noteText } from "../notifications/NotificationCentre";
import { errorText, failureText, issueLabel, payloadErrorText, userErrorText } from "./errorText";

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
