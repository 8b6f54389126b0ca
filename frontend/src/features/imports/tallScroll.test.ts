import { describe, expect, it } from "vitest";
import { MAX_BODY, barFor, drawnAt, keyMove, tallScroll } from "./tallScroll";

const ROW = 30;
const VIEW = 600;

describe("a list taller than a browser draws", () => {
  it("leaves a list that fits as it is", () => {
    expect(tallScroll(100_000 * ROW, VIEW)).toEqual({ k: 1, body: 3_000_000 });
    expect(drawnAt(900, 500, 1)).toBe(900);
  });

  it("scales 10,000,000 rows into the cap, both ends lined up, rows never overlapping", () => {
    const total = 10_000_000 * ROW;
    const { k, body } = tallScroll(total, VIEW);
    expect(body).toBe(MAX_BODY);
    expect(k).toBeGreaterThan(18);
    // At the bar's end the list's end is shown: the last row sits at the bottom of the body.
    const end = barFor(total - VIEW, k);
    expect(end).toBeCloseTo(MAX_BODY - VIEW, 3);
    const offset = end * k;
    const last = drawnAt((10_000_000 - 1) * ROW, offset, k);
    expect(last + ROW).toBeCloseTo(MAX_BODY, 3);
    // Rows next to each other stay ROW apart wherever the list is.
    for (const at of [0, 1234, end / 2, end]) {
      const o = at * k;
      expect(drawnAt(5_000_001 * ROW, o, k) - drawnAt(5_000_000 * ROW, o, k)).toBeCloseTo(ROW, 6);
    }
  });

  it("moves by a row, a page or to an end with the keys, within the list", () => {
    const total = 1_000_000 * ROW;
    expect(keyMove("ArrowDown", 0, 540, ROW, total, VIEW)).toBe(ROW);
    expect(keyMove("ArrowUp", 0, 540, ROW, total, VIEW)).toBe(0);
    expect(keyMove("PageDown", 300, 540, ROW, total, VIEW)).toBe(840);
    expect(keyMove("End", 0, 540, ROW, total, VIEW)).toBe(total - VIEW);
    expect(keyMove("End", 0, 540, ROW, 200, VIEW)).toBe(0);
    expect(keyMove("Tab", 0, 540, ROW, total, VIEW)).toBeNull();
  });
});
