/**
 * Amounts travel as decimal strings ("1138.50", "-0.05"): they are formatted and compared as strings,
 * never through Number(), so no cent is ever lost to binary floating point.
 */

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

export interface DecimalParts {
  negative: boolean;
  integer: string; // digits, no leading zeros (but "0")
  fraction: string; // digits, may be empty
}

export function parseDecimal(value: string): DecimalParts {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
  const integer = (match[2] ?? "0").replace(/^0+(?=\d)/, "");
  const fraction = match[3] ?? "";
  const zero = /^0*$/.test(integer) && /^0*$/.test(fraction);
  return { negative: match[1] === "-" && !zero, integer, fraction };
}

export interface Separators {
  group: string;
  decimal: string;
}

/** French groups with a narrow no-break space (U+202F) and uses a decimal comma: 1 138,50. */
export const SEPARATORS: Record<string, Separators> = {
  fr: { group: "\u202f", decimal: "," },
  en: { group: ",", decimal: "." },
};

function separatorsFor(locale: string): Separators {
  const lang = locale.slice(0, 2).toLowerCase();
  return SEPARATORS[lang] ?? SEPARATORS.en!;
}

function group(integer: string, separator: string): string {
  let out = "";
  for (let i = 0; i < integer.length; i++) {
    if (i > 0 && (integer.length - i) % 3 === 0) out += separator;
    out += integer[i];
  }
  return out;
}

/**
 * Format a decimal string for display: grouped thousands, the locale's decimal mark, at least
 * `minFraction` decimals (padded with zeros; extra decimals are kept, never rounded away).
 */
export function formatDecimal(value: string, locale: string, minFraction = 2): string {
  const { negative, integer, fraction } = parseDecimal(value);
  const sep = separatorsFor(locale);
  const digits = fraction.padEnd(minFraction, "0");
  const body = group(integer, sep.group) + (digits ? sep.decimal + digits : "");
  return negative ? `-${body}` : body;
}

/** A money amount with its currency code: "1 138,50 €" (fr) or "€1,138.50" (en). */
export function formatMoney(value: string, currency: string, locale: string): string {
  const amount = formatDecimal(value, locale);
  const symbol = currency === "EUR" ? "€" : currency;
  if (locale.startsWith("fr")) return `${amount}\u00a0${symbol}`;
  const unsigned = amount.startsWith("-") ? amount.slice(1) : amount;
  return `${amount.startsWith("-") ? "-" : ""}${symbol === "€" ? "€" : symbol + "\u00a0"}${unsigned}`;
}

function scaled(value: string, scale: number): bigint {
  const { negative, integer, fraction } = parseDecimal(value);
  const digits = BigInt(integer + fraction.padEnd(scale, "0"));
  return negative ? -digits : digits;
}

function unscale(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${integer}${scale ? "." + fraction : ""}`;
}

/** Compare two decimal strings exactly: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const scale = Math.max(parseDecimal(a).fraction.length, parseDecimal(b).fraction.length);
  const x = scaled(a, scale);
  const y = scaled(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a − b, exactly, with the larger of the two scales. */
export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(parseDecimal(a).fraction.length, parseDecimal(b).fraction.length);
  return unscale(scaled(a, scale) - scaled(b, scale), scale);
}

/** a + b, exactly, with the larger of the two scales. */
export function addDecimal(a: string, b: string): string {
  const scale = Math.max(parseDecimal(a).fraction.length, parseDecimal(b).fraction.length);
  return unscale(scaled(a, scale) + scaled(b, scale), scale);
}

/** The exact sum of decimal strings ("0" for none). */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce((sum, v) => addDecimal(sum, v), "0");
}

export function isZeroDecimal(value: string): boolean {
  const { integer, fraction } = parseDecimal(value);
  return integer === "0" && /^0*$/.test(fraction);
}
