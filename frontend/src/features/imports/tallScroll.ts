/**
 * A list taller than a browser lets an element be. Chromium caps an element's height near 33.5M px and Firefox
 * near 17.9M px: 10,000,000 rows of 30 px would need 300M px, and past the cap the last rows pile up on each
 * other. So the rows' body is at most MAX_BODY px tall and, beyond it, the scroll position is scaled: the real
 * scrollTop `s` stands for the offset `s × k` in the list, and the rows drawn are shifted so that each stays
 * ROW_HEIGHT high, in order, the last one at the bottom when the bar is at its end.
 *
 * A scaled list moves k rows' height per pixel of the bar: the wheel and the keys are taken over so that they
 * move as in a short list (a wheel notch, an arrow, a page), and a jump to a row sets the bar itself.
 */

/** Safe in every current browser, with room to spare. */
export const MAX_BODY = 16_000_000;

export interface TallScroll {
  /** How many list pixels one pixel of the bar stands for (1: a list short enough to be drawn as it is). */
  k: number;
  /** The rows' body height, in real pixels. */
  body: number;
}

/** The scale for a list of `total` px seen through a viewport of `viewport` px (the two ends line up). */
export function tallScroll(total: number, viewport: number, max = MAX_BODY): TallScroll {
  if (total <= max) return { k: 1, body: total };
  const room = Math.max(1, max - viewport);
  return { k: Math.max(1, (total - viewport) / room), body: max };
}

/** Where a row at list offset `start` is drawn in the body, the list being at offset `offset` (scaled). */
export function drawnAt(start: number, offset: number, k: number): number {
  return k === 1 ? start : start - offset * (1 - 1 / k);
}

/** The real scrollTop that shows list offset `offset`. */
export function barFor(offset: number, k: number): number {
  return offset / k;
}

/** The list offset a key moves to from `offset` (null: a key the list leaves to the browser). */
export function keyMove(key: string, offset: number, page: number, row: number, total: number, viewport: number): number | null {
  const end = Math.max(0, total - viewport);
  const to = (x: number) => Math.min(end, Math.max(0, x));
  switch (key) {
    case "ArrowDown":
      return to(offset + row);
    case "ArrowUp":
      return to(offset - row);
    case "PageDown":
      return to(offset + page);
    case "PageUp":
      return to(offset - page);
    case "Home":
      return 0;
    case "End":
      return end;
    default:
      return null;
  }
}
