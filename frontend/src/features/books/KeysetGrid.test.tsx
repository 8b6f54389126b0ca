import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18n";
import { MESSAGES } from "../../i18n/messages";
import { GraphQLRequestError } from "../../lib/gql";
import { KeysetGrid, type FetchPage, type GridColumn, type KeysetPage } from "./KeysetGrid";

interface Line {
  n: number;
  label: string;
}

const COLUMNS: GridColumn<Line>[] = [
  { key: "n", header: "N°", width: 60, num: true, cell: (row) => String(row.n) },
  { key: "label", header: "Libellé", width: 200, cell: (row) => row.label, testId: "label" },
];

/** `total` lines in keyset pages: the cursor is the number of the last line given. */
function pages(total: number) {
  return vi.fn<FetchPage<Line>>(async (after, first) => {
    const from = after === null ? 0 : Number(after);
    const nodes = Array.from({ length: Math.max(0, Math.min(first, total - from)) }, (_, i) => ({ n: from + i + 1, label: `Ligne ${from + i + 1}` }));
    const end = from + nodes.length;
    return { totalCount: total, pageInfo: { hasNextPage: end < total, endCursor: String(end) }, nodes } satisfies KeysetPage<Line>;
  });
}

// jsdom lays nothing out: the grid's viewport is 300 px high (10 rows of 30 px), its content as tall as set.
const sizes = {
  clientHeight: (el: HTMLElement) => (el.getAttribute("role") === "grid" ? 300 : 0),
  clientWidth: (el: HTMLElement) => (el.getAttribute("role") === "grid" ? 800 : 0),
  scrollHeight: (el: HTMLElement) => (el.getAttribute("role") === "grid" ? 32 + (el.querySelector<HTMLElement>(".kg-body")?.offsetHeight ?? 0) : 0),
};
const saved = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [name, get] of Object.entries(sizes)) {
    saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get(this: HTMLElement) { return get(this); } });
  }
  // jsdom scrolls nothing: an element's scrollTo sets its scrollTop and says so.
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === "object" && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event("scroll"));
  } as Element["scrollTo"];
  // The body's height is what the grid sets on it.
  saved.set("offsetHeight", Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetHeight"));
  Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.height) || 0; // eslint-disable-line no-restricted-globals -- a CSS length, not an amount
    },
  });
});
afterAll(() => {
  for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  Reflect.deleteProperty(Element.prototype, "scrollTo");
});

function setup(fetchPage: FetchPage<Line>, extra: Partial<Parameters<typeof KeysetGrid<Line>>[0]> = {}) {
  render(
    <I18nProvider lang="fr">
      <KeysetGrid label="Lignes" columns={COLUMNS} fetchPage={fetchPage} count={MESSAGES.fr.bk.lineCount} empty="Aucune ligne." {...extra} />
    </I18nProvider>,
  );
  return screen.getByRole("grid", { name: "Lignes" });
}

const bodyRows = (grid: HTMLElement) => [...grid.querySelectorAll<HTMLElement>(".kg-body [role=row]")];

async function scrollTo(grid: HTMLElement, top: number) {
  await act(async () => {
    grid.scrollTop = top;
    fireEvent.scroll(grid);
  });
}

describe("KeysetGrid", () => {
  it("shows the first page of 100 with only the rows on screen in the DOM", async () => {
    const fetchPage = pages(1_000_000);
    const grid = setup(fetchPage);
    await waitFor(() => expect(grid.getAttribute("data-loaded")).toBe("100"));
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage.mock.calls[0]!.slice(0, 2)).toEqual([null, 100]);
    // ARIA: the rows of the whole connection (and the header row), the columns.
    expect(grid.getAttribute("aria-rowcount")).toBe("1000001");
    expect(grid.getAttribute("aria-colcount")).toBe("2");
    expect(screen.getByTestId("grid-count").textContent).toBe("100 lignes sur 1\u202f000\u202f000");
    const rows = bodyRows(grid);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]!.getAttribute("aria-rowindex")).toBe("2");
    expect(within(rows[0]!).getAllByRole("gridcell").map((c) => c.textContent)).toEqual(["1", "Ligne 1"]);
    expect(within(grid).getAllByRole("columnheader").map((c) => c.textContent)).toEqual(["N°", "Libellé"]);
  });

  it("fetches the next page by its cursor as the user scrolls near the end of what is loaded", async () => {
    const fetchPage = pages(1_200);
    const grid = setup(fetchPage);
    await waitFor(() => expect(grid.getAttribute("data-loaded")).toBe("100"));
    // Near the start: nothing more is asked.
    await scrollTo(grid, 300);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    // Row ~75 of 100 on screen: the next 500 come after the first page's cursor.
    await scrollTo(grid, 2_000);
    await waitFor(() => expect(grid.getAttribute("data-loaded")).toBe("600"));
    expect(fetchPage.mock.calls[1]!.slice(0, 2)).toEqual(["100", 500]);
    expect(bodyRows(grid).some((r) => r.textContent?.includes("Ligne 75"))).toBe(true);
    expect(bodyRows(grid).length).toBeLessThan(30);
    // To the end: the last page has no next one; no loading row stays.
    await scrollTo(grid, 560 * 30);
    await waitFor(() => expect(grid.getAttribute("data-loaded")).toBe("1100"));
    await scrollTo(grid, 1_080 * 30);
    await waitFor(() => expect(grid.getAttribute("data-loaded")).toBe("1200"));
    expect(fetchPage).toHaveBeenCalledTimes(4);
    await scrollTo(grid, 1_200 * 30);
    const rows = bodyRows(grid);
    expect(rows[rows.length - 1]!.textContent).toBe("1200Ligne 1200");
    expect(grid.querySelector(".kg-placeholder")).toBeNull();
    expect(screen.getByTestId("grid-count").textContent).toBe("1\u202f200 lignes");
  });

  it("shows what went wrong and tries again when asked", async () => {
    const fetchPage = vi.fn<FetchPage<Line>>().mockRejectedValueOnce(new GraphQLRequestError("Invalid input", "BAD_USER_INPUT")).mockImplementation(pages(3));
    const grid = setup(fetchPage);
    expect((await screen.findByRole("alert")).textContent).toContain("Le serveur a répondu par une erreur : Saisie invalide.");
    expect(bodyRows(grid)).toHaveLength(0);
    expect(screen.queryByText("Chargement…")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    await waitFor(() => expect(bodyRows(grid)).toHaveLength(3));
    expect(screen.queryByRole("alert")).toBeNull();
    // A failure to reach the server says so.
    cleanup();
    setup(vi.fn<FetchPage<Line>>().mockRejectedValue(new TypeError("Failed to fetch")));
    expect((await screen.findByRole("alert")).textContent).toContain("Le serveur est injoignable");
  });

  it("says when there is nothing", async () => {
    const grid = setup(pages(0));
    expect(await within(grid).findByText("Aucune ligne.")).toBeTruthy();
    expect(grid.getAttribute("aria-rowcount")).toBe("1");
    expect(bodyRows(grid)).toHaveLength(0);
  });

  it("flattens nodes into rows, spans cells across columns and brings a row found pages away into view", async () => {
    // Entries of two lines: a heading row each, then its lines.
    type Row = { entry: number; line: Line | null };
    const fetchPage = pages(300);
    const columns: GridColumn<Row>[] = [
      { key: "n", header: "N°", width: 60, cell: (row) => (row.line ? String(row.line.n) : "") },
      { key: "label", header: "Libellé", width: 200, cell: (row) => row.line?.label ?? "" },
    ];
    render(
      <I18nProvider lang="fr">
        <KeysetGrid<Line, Row>
          label="Écritures"
          columns={columns}
          fetchPage={(after, first, signal) => fetchPage(after, first > 100 ? 40 : first, signal)}
          toRows={(node) => [{ entry: node.n, line: null }, { entry: node.n, line: node }]}
          cells={(row) => (row.line ? null : [{ span: 2, content: `Écriture ${row.entry}` }])}
          rowAttributes={(row) => ({ "data-entry": String(row.entry), className: row.line ? undefined : "heading" })}
          scrollTo={(row) => row.line === null && row.entry === 150}
          count={MESSAGES.fr.bk.entryCount}
          empty="Rien."
        />
      </I18nProvider>,
    );
    const grid = screen.getByRole("grid", { name: "Écritures" });
    // Entry 150 is in the fourth page (100, then 40 a page): fetched to find it, then scrolled to.
    await waitFor(() => expect(grid.getAttribute("data-loaded")).toBe("180"));
    await waitFor(() => expect(grid.querySelector('[data-entry="150"].heading')).not.toBeNull());
    expect(grid.scrollTop).toBe(2 * 149 * 30);
    const heading = grid.querySelector<HTMLElement>('[data-entry="150"].heading')!;
    const [cell] = within(heading).getAllByRole("gridcell");
    expect(cell!.getAttribute("aria-colspan")).toBe("2");
    expect(cell!.textContent).toBe("Écriture 150");
    // Then pages come as for any scroll (the rows below it), not all of them; rows flattened from nodes:
    // their number is known once the last page is in.
    await waitFor(() => expect(grid.getAttribute("data-loaded")).toBe("220"));
    expect(grid.getAttribute("aria-rowcount")).toBe("-1");
    expect(screen.getByTestId("grid-count").textContent).toBe("220 écritures sur 300");
  });
});
