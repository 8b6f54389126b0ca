import { render, screen } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { SessionContext, type Session } from "../../app/session";
import { I18nProvider } from "../../i18n/I18n";
import { company } from "../../test/fixtures";
import { mockClient, operationName } from "../../test/mockClient";
import { BatchLinks, type BatchOrigin } from "./BatchLinks";

const SESSION = {
  me: { name: "Claire", user: null, companies: [company({ id: "1", name: "Boulangerie Martin SARL", siren: null, currency: "EUR", role: "COLLABORATOR", fecSirenMustMatch: false })], firmAdmin: false },
} as unknown as Session;

function setup(batch: BatchOrigin) {
  const client = mockClient((op) => {
    if (operationName(op) === "ImportLayouts") return { data: { importLayouts: [{ id: "5", companyId: "2", name: "Caisse", definition: {}, updatedAt: "2026-01-01T00:00:00Z" }] } };
    const id = (op.variables as { id: string }).id;
    if (id === "404") return { errors: [{ message: "No such import, or you may not see it.", extensions: { code: "FORBIDDEN" } }] };
    return { data: { importBatch: { id, companyId: id === "7" ? "2" : "1", fileName: `fichier_${id}.csv` } } };
  });
  render(
    <Provider value={client}>
      <SessionContext.Provider value={SESSION}>
        <I18nProvider lang="fr">
          <BatchLinks batch={batch} />
        </I18nProvider>
      </SessionContext.Provider>
    </Provider>,
  );
}

describe("BatchLinks", () => {
  it("links the import whose rejected lines this one re-sends, the import that fed it, and its layout", async () => {
    setup({ companyId: "2", resentOfId: "7", parentBatchId: "3", layoutId: "5" });
    const resent = await screen.findByRole("link", { name: "« fichier_7.csv »" });
    expect(resent.getAttribute("href")).toBe("/c/2/imports/detail?ids=7");
    expect(screen.getByTestId("resent-of").textContent).toBe("Renvoie, corrigées, les lignes rejetées de l'import « fichier_7.csv »");
    const parent = await screen.findByRole("link", { name: "« fichier_3.csv »" });
    expect(parent.getAttribute("href")).toBe("/c/1/imports/detail?ids=3");
    expect(screen.getByTestId("parent-batch").textContent).toBe("Alimenté par le fichier envoyé au dossier Boulangerie Martin SARL : « fichier_3.csv »");
    const layout = await screen.findByRole("link", { name: "« Caisse »" });
    expect(layout.getAttribute("href")).toBe("/c/2/settings/layouts/5");
  });

  it("names an import out of reach by its number, and shows nothing for a plain batch", async () => {
    setup({ companyId: "2", parentBatchId: "404" });
    expect((await screen.findByTestId("parent-batch")).textContent).toBe("Alimenté par un fichier envoyé à un autre dossier (import n° 404).");
    expect(screen.queryByRole("link")).toBeNull();
  });
});
