import { describe, expect, it } from "vitest";
import { count, formatCount, plural } from "./count";

describe("count", () => {
  it("formats the number for the locale and takes the form its plural rule picks", () => {
    expect([0, 1, 2, 33288].map((n) => count("fr-FR", n, "écriture", "écritures"))).toEqual([
      "0 écriture",
      "1 écriture",
      "2 écritures",
      "33\u202f288 écritures",
    ]);
    expect([0, 1, 2, 33288].map((n) => count("en-GB", n, "entry", "entries"))).toEqual(["0 entries", "1 entry", "2 entries", "33,288 entries"]);
    expect(count("en-US", 1.5, "line", "lines")).toBe("1.5 lines");
  });

  it("takes the plural where French says « many » (a million)", () => {
    expect(count("fr-FR", 1_000_000, "ligne", "lignes")).toBe("1\u202f000\u202f000 lignes");
  });

  it("gives the word and the number alone too", () => {
    expect(plural("fr-FR", 0, "ligne lue", "lignes lues")).toBe("ligne lue");
    expect(plural("en-GB", 0, "line read", "lines read")).toBe("lines read");
    expect(formatCount("fr-FR", 1200)).toBe("1\u202f200");
    expect(formatCount("en-GB", 1200)).toBe("1,200");
  });
});
