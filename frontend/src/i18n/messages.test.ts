import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";

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
    expect(fr.promptBody(1, "1", true)).toBe(
      "Un import partenaire attend votre validation sur ce dossier. Voulez-vous afficher la console des imports partenaires ?",
    );
    expect(fr.promptBody(1234, "1\u202f234", false)).toBe(
      "1\u202f234 imports partenaires attendent une décision sur ce dossier. Voulez-vous afficher la console des imports partenaires ?",
    );
    expect(en.promptBody(2, "2", false)).toBe("2 partner imports are waiting for a decision in this company. Open the partner-imports console?");
    expect(en.promptBody(1, "1", true)).toContain("One partner import is waiting for your decision");
  });
});
