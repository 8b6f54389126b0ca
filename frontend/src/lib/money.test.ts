import { describe, expect, it } from "vitest";
import { compareDecimal, formatDecimal, formatMoney, isZeroDecimal, parseDecimal, subtractDecimal } from "./money";

const NNBSP = "\u202f";

describe("formatDecimal", () => {
  it("groups thousands with a narrow no-break space and a decimal comma in French", () => {
    expect(formatDecimal("1138.50", "fr")).toBe(`1${NNBSP}138,50`);
    expect(formatDecimal("1234567.8", "fr-FR")).toBe(`1${NNBSP}234${NNBSP}567,80`);
    expect(formatDecimal("55.43", "fr")).toBe("55,43");
    expect(formatDecimal("0.00", "fr")).toBe("0,00");
  });

  it("uses commas and a decimal point in English", () => {
    expect(formatDecimal("1138.50", "en")).toBe("1,138.50");
    expect(formatDecimal("100000", "en-GB")).toBe("100,000.00");
  });

  it("never goes through a float", () => {
    // 2^53 + 1 is not representable as a double; the string keeps every digit.
    expect(formatDecimal("9007199254740993.01", "en")).toBe("9,007,199,254,740,993.01");
    expect(formatDecimal("0.1", "en")).toBe("0.10");
    expect(formatDecimal("1.005", "fr")).toBe("1,005");
  });

  it("keeps the sign, drops it on zero", () => {
    expect(formatDecimal("-1138.5", "fr")).toBe(`-1${NNBSP}138,50`);
    expect(formatDecimal("-0.00", "fr")).toBe("0,00");
    expect(formatDecimal("+12", "en")).toBe("12.00");
  });

  it("refuses what is not a decimal string", () => {
    expect(() => formatDecimal("12,50", "fr")).toThrow(RangeError);
    expect(() => formatDecimal("1e3", "fr")).toThrow(RangeError);
    expect(() => formatDecimal("", "fr")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("puts the currency where each locale does", () => {
    expect(formatMoney("1138.50", "EUR", "fr")).toBe(`1${NNBSP}138,50\u00a0€`);
    expect(formatMoney("1138.50", "EUR", "en")).toBe("€1,138.50");
    expect(formatMoney("-3.00", "USD", "en")).toBe("-USD\u00a03.00");
  });
});

describe("arithmetic on strings", () => {
  it("compares exactly", () => {
    expect(compareDecimal("10.10", "10.1")).toBe(0);
    expect(compareDecimal("9.99", "10")).toBe(-1);
    expect(compareDecimal("-1", "-2")).toBe(1);
    expect(compareDecimal("0.30", "0.1")).toBe(1);
  });

  it("subtracts exactly", () => {
    expect(subtractDecimal("0.3", "0.1")).toBe("0.2");
    expect(subtractDecimal("26492.53", "26492.53")).toBe("0.00");
    expect(subtractDecimal("1.00", "3741.56")).toBe("-3740.56");
    expect(isZeroDecimal(subtractDecimal("1.10", "1.1"))).toBe(true);
  });

  it("parses", () => {
    expect(parseDecimal("007.50")).toEqual({ negative: false, integer: "7", fraction: "50" });
  });
});
