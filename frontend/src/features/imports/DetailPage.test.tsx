import { render, screen, within } from "@testing-library/react";
import { Provider } from "urql";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AnnouncerProvider } from "../../components/Announcer";
import type { ImportStatus } from "../../gql/graphql";
import { I18nProvider } from "../../i18n/I18n";
import type * as GqlModule from "../../lib/gql";
import { batch, company } from "../../test/fixtures";
import { mockClient, operationName } from "../../test/mockClient";
import { BatchTotals, DetailPage } from "./DetailPage";
import { StoreContext } from "./live";
import { BatchStore, tick } from "./store";

// The entry grid and the error list fetch their pages themselves: left loading.
vi.mock("../../lib/gql", async (importOriginal) => ({
  ...(await importOriginal<typeof GqlModule>()),
  gqlFetch: vi.fn(() => new Promise(() => {})),
}));

const NNBSP = "\u202f";

/** The batch as the detail query gives it. */
function detail(over: Record<string, unknown> = {}) {
  return {
    ...batch({ id: "1", companyId: "3", entryCount: 400, lineCount: 1206, rejectedEntryCount: 2 }),
    stagedLineCount: 1200,
    refusedLineCount: 6,
    reversedAt: null,
    reversalDate: null,
    layoutId: null,
    resentOfId: null,
    parentBatchId: null,
    siren: null,
    errorsCsvUrl: "/files/errors/1.csv",
    rejectedLinesUrl: null,
    file: { name: "123456782FEC20241231.txt", size: 1000, encoding: "utf-8", downloadUrl: "/files/1" },
    ...over,
  };
}

function showPage(lang: "fr" | "en", answer: Record<string, unknown>, store = new BatchStore()) {
  const client = mockClient((op) => (operationName(op) === "BatchDetail" ? { data: { importBatch: answer } } : {}));
  render(
    <Provider value={client}>
      <I18nProvider lang={lang}>
        <AnnouncerProvider closeLabel="x">
          <StoreContext.Provider value={store}>
            <DetailPage company={company({ role: "VIEWER" })} />
          </StoreContext.Provider>
        </AnnouncerProvider>
      </I18nProvider>
    </Provider>,
  );
}

function showTotals(lang: "fr" | "en", status: ImportStatus, staged: number, refused: number) {
  const { container, unmount } = render(
    <I18nProvider lang={lang}>
      <BatchTotals batch={{ stagedLineCount: staged, refusedLineCount: refused, totalDebit: "10.00", totalCredit: "10.00", currency: "EUR" }} status={status} />
    </I18nProvider>,
  );
  const text = within(container).getByTestId("total-lines").textContent;
  unmount();
  return text;
}

beforeEach(() => {
  window.history.replaceState(null, "", "/c/3/imports/detail?ids=1");
});

describe("the totals bar of an import's detail", () => {
  it("says what is staged and what was refused, in French", async () => {
    showPage("fr", detail());
    const totals = await screen.findByLabelText("Totaux");
    expect(within(totals).getByTestId("total-lines").textContent).toBe(`1${NNBSP}200 lignes en attente · 6 lignes refusées`);
    expect(screen.getByText(/400 écritures/)).toBeTruthy();
  });

  it("says the lines are posted once the import succeeded, in English", async () => {
    showPage("en", detail({ status: "SUCCEEDED", refusedLineCount: 0, rejectedEntryCount: 0, lineCount: 1200 }));
    expect((await screen.findByTestId("total-lines")).textContent).toBe("1,200 lines posted");
  });

  it("follows the live status: posted as soon as the store has it succeeded", async () => {
    const store = new BatchStore();
    store.put(batch({ id: "1", companyId: "3", status: "SUCCEEDED" }), tick());
    showPage("fr", detail({ stagedLineCount: 1, refusedLineCount: 1 }), store);
    expect((await screen.findByTestId("total-lines")).textContent).toBe("1 ligne comptabilisée · 1 ligne refusée");
  });

  it("counts 0 and 1 in the singular in French, only 1 in English", () => {
    expect(showTotals("fr", "PENDING_VALIDATION", 0, 1)).toBe("0 ligne en attente · 1 ligne refusée");
    expect(showTotals("en", "FINISHED_WITH_ERROR", 0, 1)).toBe("0 lines pending · 1 line refused");
  });

  it("says the staged lines only when nothing was refused, and deleted for a rejected import", () => {
    expect(showTotals("fr", "PENDING_VALIDATION", 2, 0)).toBe("2 lignes en attente");
    expect(showTotals("en", "PENDING_VALIDATION", 1, 0)).toBe("1 line pending");
    expect(showTotals("fr", "REJECTED", 33288, 2)).toBe(`33${NNBSP}288 lignes supprimées · 2 lignes refusées`);
    expect(showTotals("en", "REJECTED", 33288, 0)).toBe("33,288 lines deleted");
    expect(showTotals("fr", "SUCCEEDED", 1200, 0)).toBe(`1${NNBSP}200 lignes comptabilisées`);
  });
});
