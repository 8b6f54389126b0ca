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
