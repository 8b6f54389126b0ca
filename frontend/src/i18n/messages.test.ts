import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";
// The dictionaries' own text, to find a lazy plural in any message, called or not.
import messagesSource from "./messages.ts?raw";

describe("the reject confirmation", () => {
  it("names the file and what is lost, with the right plural in both languages", () => {
    const { fr, en } = MESSAGES;
    expect(fr.rejectConfirmBody("a.txt", "33 288", 33288)).toContain("« a.txt » ? Ses 33 288 écritures seront supprimées, sans retour possible");
    expect(fr.rejectConfirmBody("a.txt", "1", 1)).toContain("Son écriture sera supprimée");
    expect(fr.rejectConfirmBody("a.txt", "0", 0)).toContain("Il n'a aucune écriture à supprimer");
    expect(en.rejectConfirmBody("a.txt", "33,288", 33288)).toContain("“a.txt”? Its 33,288 entries will be deleted, with no undo");
    expect(en.rejectConfirmBody("a.txt", "1", 1)).toContain("Its one entry will be deleted");
  });
});

describe("the pending-imports prompt", () => {
  it("asks a decider for a decision, tells a viewer one is awaited, counts in the user's format", () => {
    const { fr, en } = MESSAGES;
    expect(fr.promptBody("fr-FR", 1, true)).toBe(
      "Un import partenaire attend votre validation sur ce dossier. Voulez-vous afficher la console des imports partenaires ?",
    );
    expect(fr.promptBody("fr-FR", 1234, false)).toBe(
      "1\u202f234 imports partenaires attendent une décision sur ce dossier. Voulez-vous afficher la console des imports partenaires ?",
    );
    expect(en.promptBody("en-GB", 2, false)).toBe("2 partner imports are waiting for a decision in this company. Open the partner-imports console?");
    expect(en.promptBody("en-GB", 1, true)).toContain("One partner import is waiting for your decision");
  });
});

describe("counts", () => {
  const { fr, en } = MESSAGES;
  const FR = "fr-FR";
  const EN = "en-GB";
  const NNBSP = "\u202f"; // Intl's French thousands separator

  it("counts the pending imports, the selection, the errors and the preview in the locale's form", () => {
    expect(fr.pendingImportsCount(FR, 0)).toBe("Aucun import en attente");
    expect(fr.pendingImportsCount(FR, 1)).toBe("1 import en attente");
    expect(fr.pendingImportsCount(FR, 12345)).toBe(`12${NNBSP}345 imports en attente`);
    expect(en.pendingImportsCount(EN, 12345)).toBe("12,345 imports waiting");
    expect(fr.selectedCount(FR, 2000)).toBe(`2${NNBSP}000 lignes sélectionnées`);
    expect(en.selectedCount(EN, 1)).toBe("1 row selected");
    expect(fr.errorsTab(FR, 33288)).toBe(`Erreurs (33${NNBSP}288)`);
    expect(en.lay.previewEntries(EN, 20, 1500)).toBe("First entries read (20 of 1,500)");
    expect(fr.lay.previewIssues(FR, 1000)).toBe(`Erreurs et constats (1${NNBSP}000)`);
  });

  it("say 0 and 1 in the singular in French, only 1 in English, with the number in the locale's format", () => {
    expect([0, 1, 2, 33288].map((n) => fr.detailEntries(FR, n))).toEqual(["0 écriture", "1 écriture", "2 écritures", `33${NNBSP}288 écritures`]);
    expect([0, 1, 2, 33288].map((n) => en.detailEntries(EN, n))).toEqual(["0 entries", "1 entry", "2 entries", "33,288 entries"]);
    expect([0, 1, 2, 33288].map((n) => fr.entriesCount(FR, n))).toEqual(["0 écriture", "1 écriture", "2 écritures", `33${NNBSP}288 écritures`]);
    expect([0, 1, 2, 33288].map((n) => en.entriesCount(EN, n))).toEqual(["0 entries", "1 entry", "2 entries", "33,288 entries"]);
  });

  it("make the words agree with the number", () => {
    expect([0, 1, 2, 33288].map((n) => fr.errorRejected(FR, n))).toEqual([
      "0 écriture rejetée",
      "1 écriture rejetée",
      "2 écritures rejetées",
      `33${NNBSP}288 écritures rejetées`,
    ]);
    expect([0, 1, 2, 33288].map((n) => en.errorRejected(EN, n))).toEqual(["0 entries rejected", "1 entry rejected", "2 entries rejected", "33,288 entries rejected"]);
    expect([0, 1, 2, 33288].map((n) => fr.rejectedEntries(FR, n))).toEqual(["0 rejetée", "1 rejetée", "2 rejetées", `33${NNBSP}288 rejetées`]);
    expect([0, 1, 2, 33288].map((n) => en.rejectedEntries(EN, n))).toEqual(["0 rejected", "1 rejected", "2 rejected", "33,288 rejected"]);
    expect([0, 1, 2, 33288].map((n) => fr.notificationsUnread(FR, n))).toEqual([
      "Notifications, aucune non lue",
      "Notifications, 1 non lue",
      "Notifications, 2 non lues",
      `Notifications, 33${NNBSP}288 non lues`,
    ]);
    expect(en.notificationsUnread(EN, 33288)).toBe("Notifications, 33,288 unread");
    expect(fr.lay.previewCounts(FR, 1, 0, 1, 2, 33288)).toBe(`1 ligne lue · 0 écriture · 1 rejetée · 2 erreurs · 33${NNBSP}288 constats`);
    expect(en.lay.previewCounts(EN, 1, 0, 1, 2, 33288)).toBe("1 line read · 0 entries · 1 rejected · 2 errors · 33,288 findings");
    expect(fr.fy.openingLines(FR, 1, "Exercice 2027")).toBe("Écriture de 1 ligne dans l'exercice « Exercice 2027 »");
    expect(en.fy.openingLines(EN, 33288, "FY 2027")).toBe("An entry of 33,288 lines in “FY 2027”");
    expect([0, 1, 2, 33288].map((n) => fr.bk.entryTotal(FR, n))).toEqual(["Total (0 ligne)", "Total (1 ligne)", "Total (2 lignes)", `Total (33${NNBSP}288 lignes)`]);
    expect([0, 1, 2].map((n) => en.bk.entryTotal(EN, n))).toEqual(["Total (0 lines)", "Total (1 line)", "Total (2 lines)"]);
  });

  it("say a part of a total: the words agree with the part in French, with the total in English", () => {
    expect(fr.rowCount(FR, 1, 1)).toBe("1 import");
    expect(fr.rowCount(FR, 0, 0)).toBe("0 import");
    expect(fr.rowCount(FR, 1, 33288)).toBe(`1 import sur 33${NNBSP}288`);
    expect(fr.rowCount(FR, 100, 33288)).toBe(`100 imports sur 33${NNBSP}288`);
    expect(en.rowCount(EN, 1, 1)).toBe("1 import");
    expect(en.rowCount(EN, 0, 0)).toBe("0 imports");
    expect(en.rowCount(EN, 1, 33288)).toBe("1 of 33,288 imports");
    expect(fr.bk.entryCount(FR, 2, 2)).toBe("2 écritures");
    expect(en.bk.entryCount(EN, 1, 1)).toBe("1 entry");
    expect(fr.bk.lineCount(FR, 1, 2)).toBe("1 ligne sur 2");
    expect(en.bk.lineCount(EN, 1200, 33288)).toBe("1,200 of 33,288 lines");
    expect(fr.bk.itemCount(FR, 33288, 33288)).toBe(`33${NNBSP}288 éléments`);
    expect(en.bk.itemCount(EN, 1, 1)).toBe("1 item");
  });

  it("tell in the totals bar what is staged, posted or deleted, and what was refused", () => {
    expect(fr.linesCount(FR, "staged", 1200, 6)).toBe(`1${NNBSP}200 lignes en attente · 6 lignes refusées`);
    expect(fr.linesCount(FR, "staged", 1, 1)).toBe("1 ligne en attente · 1 ligne refusée");
    expect(fr.linesCount(FR, "staged", 0, 2)).toBe("0 ligne en attente · 2 lignes refusées");
    expect(fr.linesCount(FR, "posted", 1200, 0)).toBe(`1${NNBSP}200 lignes comptabilisées`);
    expect(fr.linesCount(FR, "posted", 1, 0)).toBe("1 ligne comptabilisée");
    expect(fr.linesCount(FR, "deleted", 33288, 1)).toBe(`33${NNBSP}288 lignes supprimées · 1 ligne refusée`);
    expect(en.linesCount(EN, "staged", 1200, 6)).toBe("1,200 lines pending · 6 lines refused");
    expect(en.linesCount(EN, "staged", 0, 1)).toBe("0 lines pending · 1 line refused");
    expect(en.linesCount(EN, "posted", 1, 0)).toBe("1 line posted");
    expect(en.linesCount(EN, "deleted", 2, 0)).toBe("2 lines deleted");
  });
});

// A lazy plural glued to a word: "ligne(s)", "rejetée(s)", "entr(ies)", "match(es)".
const LAZY_PLURAL = /\p{L}\((?:s|es|ies)\)/u;

describe("no lazy plural", () => {
  it("is left in the dictionaries' source", () => {
    const lines = messagesSource.split("\n").flatMap((line, i) => (LAZY_PLURAL.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(lines).toEqual([]);
  });

  it("comes out of any message called with counts", () => {
    // Every function-valued message, called as a count message is (a locale, then numbers); messages that
    // take other arguments may throw or say anything else: only what they say is checked.
    const found: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (typeof value === "function") {
        for (const [locale, n] of [["fr-FR", 0], ["fr-FR", 1], ["fr-FR", 2], ["en-GB", 1], ["en-GB", 2], ["en-GB", 33288]] as const) {
          let said: unknown;
          try {
            said = (value as (...args: unknown[]) => unknown)(locale, n, n, n, n, n);
          } catch {
            continue;
          }
          if (typeof said === "string" && LAZY_PLURAL.test(said)) found.push(`${path}: ${said}`);
        }
      } else if (value !== null && typeof value === "object") {
        for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
      }
    };
    visit(MESSAGES, "MESSAGES");
    expect(found).toEqual([]);
  });
});
