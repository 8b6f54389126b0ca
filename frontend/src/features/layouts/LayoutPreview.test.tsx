import { act, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import type * as UploadModule from "../../lib/upload";
import type { UploadResult } from "../../lib/upload";
import { LayoutPreview } from "./LayoutPreview";
import { PREVIEW_DELAY_MS, usePreview, type Preview, type PreviewState, type Sample } from "./usePreview";

vi.mock("../../lib/upload", async (importOriginal) => ({
  ...(await importOriginal<typeof UploadModule>()),
  uploadFile: vi.fn(),
}));
const { uploadFile } = await import("../../lib/upload");

const PREVIEW: Preview = {
  format: "CUSTOM",
  encoding: "utf-8",
  fatal: null,
  entries: [
    {
      company: "Boulangerie Martin SARL",
      journal: "VT",
      number: "F001",
      date: "2026-03-15",
      totalDebit: "1120.00",
      totalCredit: "1120.00",
      lines: [
        { line: 2, account: "706000", thirdParty: "", pieceRef: "FA-1", label: "Vente pain", debit: "0.00", credit: "1000.00", analytic: "BOUL" },
        { line: 3, account: "445710", thirdParty: "", pieceRef: "FA-1", label: "TVA", debit: "0.00", credit: "120.00", analytic: "" },
        { line: 4, account: "411000", thirdParty: "DUPONT", pieceRef: "FA-1", label: "Facture Dupont", debit: "1120.00", credit: "0.00", analytic: "" },
      ],
    },
    {
      company: "Atelier Durand SAS",
      journal: "AC",
      number: "",
      date: "2026-03-16",
      totalDebit: "50.00",
      totalCredit: "40.00",
      lines: [
        { line: 5, account: "607000", thirdParty: "", pieceRef: "", label: "Achat", debit: "50.00", credit: "0.00", analytic: "" },
        { line: 6, account: "401000", thirdParty: "MOULIN", pieceRef: "", label: "Achat", debit: "0.00", credit: "40.00", analytic: "" },
      ],
    },
  ],
  issues: [
    { line: 7, column: "credit (column 8)", code: "BAD_AMOUNT", message: "credit (column 8) '5O,00' is not an amount", severity: "error" },
    { line: 9, column: null, code: "ZERO_AMOUNT", message: "The line's amount is zero", severity: "finding" },
  ],
  entryCount: 14,
  rejectedEntryCount: 1,
  errorCount: 1,
  findingCount: 1,
  lineCount: 31,
};

function show(state: PreviewState, stale = false) {
  return render(
    <I18nProvider lang="fr">
      <LayoutPreview state={state} stale={stale} />
    </I18nProvider>,
  );
}

const cells = (row: HTMLElement) => within(row).queryAllByRole("cell").map((c) => c.textContent);

describe("LayoutPreview", () => {
  it("shows the entries as they would be staged, with their totals, and every issue", () => {
    show({ kind: "ready", preview: PREVIEW });
    expect(screen.getByTestId("preview-counts").textContent).toBe(
      "31 lignes lues · 14 écritures · 1 rejetée · 1 erreur · 1 constat · Encodage : utf-8",
    );
    expect(screen.getByRole("heading", { name: "Premières écritures lues (2 sur 14)" })).toBeTruthy();
    const [first, second] = screen.getAllByTestId("preview-entry");
    expect(within(first!).getByRole("rowheader", { name: "Journal VT · N° F001 · 15/03/2026 · Boulangerie Martin SARL" })).toBeTruthy();
    const rows = within(first!).getAllByRole("row");
    expect(cells(rows[1]!)).toEqual(["2", "706000", "", "FA-1", "Vente pain", "", "1\u202f000,00", "BOUL"]);
    expect(cells(rows[3]!)).toEqual(["4", "411000", "DUPONT", "FA-1", "Facture Dupont", "1\u202f120,00", "", ""]);
    expect(within(rows[4]!).getByRole("rowheader").textContent).toBe("Total");
    expect(cells(rows[4]!)).toEqual(["1\u202f120,00", "1\u202f120,00", ""]);
    // An entry without a number, from another company, that does not balance.
    expect(within(second!).getByRole("rowheader", { name: "Journal AC · N° — · 16/03/2026 · Atelier Durand SAS" })).toBeTruthy();
    expect(within(second!).getByText("Total").closest("th")!.textContent).toBe("Total · Déséquilibrée");

    const issues = within(screen.getByTestId("preview-issues")).getAllByRole("row");
    expect(screen.getByRole("heading", { name: "Erreurs et constats (2)" })).toBeTruthy();
    expect(cells(issues[1]!)).toEqual(["7", "credit (column 8)", "BAD_AMOUNT", "Montant invalidecredit (column 8) '5O,00' is not an amount", "Erreur"]);
    expect(cells(issues[2]!)).toEqual(["9", "", "ZERO_AMOUNT", "Montant nulThe line's amount is zero", "Remarque"]);
  });

  it("says why a file cannot be read at all", () => {
    const fatal = { line: 0, column: null, code: "EMPTY_FILE", message: "the file is empty", severity: "error" };
    show({ kind: "ready", preview: { ...PREVIEW, fatal, entries: [], issues: [], entryCount: 0, lineCount: 0 } });
    // French counts 0 in the singular.
    expect(screen.getByTestId("preview-counts").textContent).toBe("0 ligne lue · 0 écriture · 1 rejetée · 1 erreur · 1 constat · Encodage : utf-8");
    expect(screen.getByTestId("preview-fatal").textContent).toBe("Le fichier ne peut pas être lu : Fichier vide — the file is empty");
    expect(screen.getByText("Aucune écriture lue.")).toBeTruthy();
    expect(screen.getByText("Aucune erreur ni constat.")).toBeTruthy();
  });

  it("sends the user to the form's problems when the layout is refused, and shows any other refusal as said", () => {
    show({ kind: "refused", errors: [{ code: "BAD_LAYOUT", message: "The layout is not usable: …", field: "definition" }, { code: "FILE_TOO_LARGE", message: "A sample is at most 5 MB: cut the file.", field: "file" }] });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("corrigez les problèmes signalés à côté du formulaire");
    expect(alert.textContent).toContain("A sample is at most 5 MB");
  });

  it("says a refusal the app has a sentence for in the user's language: a layout whose kind has no default journal", () => {
    show({ kind: "refused", errors: [{ code: "NO_DEFAULT_JOURNAL", message: "The layout takes the company's default bank journal…", field: "layoutId", params: { kind: "bank" } }] });
    expect(screen.getByRole("alert").textContent).toContain("le journal par défaut de type « Banque » du dossier, et le dossier n'en a pas");
  });

  it("keeps the last preview while the next one is read, marked busy", () => {
    show({ kind: "loading", last: { kind: "ready", preview: PREVIEW } }, true);
    expect(screen.getByTestId("preview").getAttribute("aria-busy")).toBe("true");
    expect(screen.getByRole("status").textContent).toBe("Mise à jour de l'aperçu…");
    expect(screen.getAllByTestId("preview-entry")).toHaveLength(2);
  });

  it("invites to pick a sample before anything", () => {
    show({ kind: "idle" });
    expect(screen.getByText(/Choisissez un fichier d'exemple/)).toBeTruthy();
  });
});

describe("usePreview", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function Probe({ sample, definitions }: { sample: Sample | null; definitions: string[] }) {
    const [i, setI] = useState(0);
    const { state, stale } = usePreview("7", sample, { kind: "csv", dateFormat: definitions[i]! } as never, true);
    return (
      <>
        <button type="button" onClick={() => setI((n) => n + 1)}>
          next
        </button>
        <output data-testid="out">{`${state.kind}|${stale}`}</output>
      </>
    );
  }

  it("reads the sample once per pause in the typing, aborting a request made stale, with the unsaved definition", async () => {
    const pending: ((r: UploadResult<unknown>) => void)[] = [];
    const abort = vi.fn();
    vi.mocked(uploadFile).mockImplementation(() => ({ promise: new Promise((resolve) => pending.push(resolve)), abort }) as never);
    const sample = { file: new File(["a;b"], "s.csv"), id: 1 };
    render(<Probe sample={sample} definitions={["%d", "%d/", "%d/%m", "%d/%m/%Y", "%d/%m/%y", "%d%m%Y", "%Y-%m-%d"]} />);
    const next = screen.getByRole("button", { name: "next" });
    const out = () => screen.getByTestId("out").textContent;
    expect(out()).toBe("idle|true");

    // Three quick changes: one request, for the last definition, after the pause.
    act(() => next.click());
    act(() => vi.advanceTimersByTime(PREVIEW_DELAY_MS - 100));
    act(() => next.click());
    act(() => next.click());
    expect(uploadFile).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(PREVIEW_DELAY_MS));
    expect(uploadFile).toHaveBeenCalledOnce();
    const [, variables] = vi.mocked(uploadFile).mock.calls[0]!;
    expect(variables).toEqual({ companyId: "7", file: sample.file, definition: { kind: "csv", dateFormat: "%d/%m/%Y" }, limit: 20 });
    expect(out()).toBe("loading|true");

    // Nothing is saved: the answer is shown for that definition.
    await act(async () => pending[0]!({ data: { previewImport: { preview: PREVIEW, errors: [] } }, errors: [], status: 200 }));
    expect(out()).toBe("ready|false");

    // A change while a request is out aborts it, and its late answer is ignored.
    act(() => next.click());
    expect(out()).toBe("ready|true");
    act(() => vi.advanceTimersByTime(PREVIEW_DELAY_MS));
    expect(uploadFile).toHaveBeenCalledTimes(2);
    abort.mockClear();
    act(() => next.click());
    expect(abort).toHaveBeenCalledOnce();
    act(() => vi.advanceTimersByTime(PREVIEW_DELAY_MS));
    expect(uploadFile).toHaveBeenCalledTimes(3);
    const refused = { code: "BAD_LAYOUT", message: "The layout is not usable: dateFormat: bad", field: "definition" };
    await act(async () => pending[1]!({ data: { previewImport: { preview: null, errors: [refused] } }, errors: [], status: 200 }));
    expect(out()).toBe("loading|true");
    await act(async () => pending[2]!({ data: { previewImport: { preview: null, errors: [refused] } }, errors: [], status: 200 }));
    expect(out()).toBe("refused|false");
  });
});
