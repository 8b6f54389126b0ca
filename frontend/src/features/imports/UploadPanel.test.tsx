import { fireEvent, render, screen } from "@testing-library/react";
import { Provider } from "urql";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import type * as UploadModule from "../../lib/upload";
import { mockClient } from "../../test/mockClient";
import { batch } from "../../test/fixtures";
import { StoreContext } from "./live";
import { BatchStore } from "./store";
import { UploadPanel } from "./UploadPanel";

vi.mock("../../lib/upload", async (importOriginal) => ({
  ...(await importOriginal<typeof UploadModule>()),
  uploadFile: vi.fn(),
}));
const { uploadFile } = await import("../../lib/upload");

const LAYOUTS = [
  { id: "4", companyId: "1", name: "Ventes caisse", definition: { kind: "csv" }, updatedAt: "2026-01-01T00:00:00+00:00" },
  { id: "9", companyId: "1", name: "Achats fixe", definition: { kind: "fixed" }, updatedAt: "2026-01-01T00:00:00+00:00" },
];

function setup(layouts = LAYOUTS) {
  const client = mockClient(() => ({ data: { importLayouts: layouts } }));
  render(
    <Provider value={client}>
      <I18nProvider lang="fr">
        <StoreContext.Provider value={new BatchStore()}>
          <UploadPanel companyId="1" allowed />
        </StoreContext.Provider>
      </I18nProvider>
    </Provider>,
  );
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File(["x"], "caisse.csv")] } });
}

describe("UploadPanel", () => {
  it("offers every ledger format, and sends a custom file with the layout chosen", async () => {
    vi.mocked(uploadFile).mockReturnValue({
      promise: Promise.resolve({ data: { uploadImport: { batch: batch({ fileName: "caisse.csv", format: "CUSTOM" }), errors: [] } }, errors: [], status: 200 }),
      abort: vi.fn(),
    });
    setup();
    const format = screen.getByLabelText("Format du fichier") as HTMLSelectElement;
    expect([...format.options].map((o) => o.text)).toEqual(["Détection automatique", "FEC", "TRA", "JSON", "Personnalisé (modèle d'import)"]);
    expect(screen.queryByLabelText("Modèle d'import")).toBeNull();

    fireEvent.change(format, { target: { value: "CUSTOM" } });
    const layout = (await screen.findByLabelText("Modèle d'import")) as HTMLSelectElement;
    expect([...layout.options].map((o) => o.text)).toEqual(["Choisissez un modèle", "Ventes caisse", "Achats fixe"]);
    const send = screen.getByRole("button", { name: "Téléverser" }) as HTMLButtonElement;
    expect(send.disabled).toBe(true); // a custom file needs its layout
    fireEvent.change(layout, { target: { value: "9" } });
    expect(send.disabled).toBe(false);
    fireEvent.click(send);
    expect(vi.mocked(uploadFile).mock.lastCall![1]).toMatchObject({ companyId: "1", format: "CUSTOM", layoutId: "9" });
    expect(await screen.findByText("« caisse.csv » reçu : son analyse se suit dans le tableau.")).toBeTruthy();
  });

  it("sends no layout with the other formats", async () => {
    vi.mocked(uploadFile).mockReturnValue({
      promise: Promise.resolve({ data: { uploadImport: { batch: null, errors: [{ code: "UNKNOWN_FORMAT", message: "caisse.csv: not a FEC, TRA or JSON file", field: "file" }] } }, errors: [], status: 200 }),
      abort: vi.fn(),
    });
    setup();
    fireEvent.change(screen.getByLabelText("Format du fichier"), { target: { value: "TRA" } });
    fireEvent.click(screen.getByRole("button", { name: "Téléverser" }));
    expect(vi.mocked(uploadFile).mock.lastCall![1]).toMatchObject({ format: "TRA", layoutId: null });
    // The server's refusal is shown as any other.
    expect((await screen.findByRole("alert")).textContent).toBe("Le fichier n'a pas été reçu : caisse.csv: not a FEC, TRA or JSON file");
  });

  it("points to the layouts page when the company has none", async () => {
    setup([]);
    fireEvent.change(screen.getByLabelText("Format du fichier"), { target: { value: "CUSTOM" } });
    expect((await screen.findByTestId("no-layouts")).textContent).toBe("Aucun modèle d'import pour ce dossier. Créer un modèle");
    expect(screen.getByRole("link", { name: "Créer un modèle" }).getAttribute("href")).toBe("/c/1/settings/layouts");
  });
});
