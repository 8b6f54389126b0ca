/**
 * Counting in the user's language: the number in the locale's format and the word in its plural form, as
 * `Intl` says them. French: "0 écriture", "1 écriture", "33 288 écritures" (a narrow no-break space, as Intl
 * writes it); English: "0 entries", "1 entry", "33,288 entries". A message passes the whole phrase that agrees
 * with the number: count(locale, n, "écriture rejetée", "écritures rejetées").
 */

const numbers = new Map<string, Intl.NumberFormat>();
const rules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let value = cache.get(locale);
  if (value === undefined) {
    value = make(locale);
    cache.set(locale, value);
  }
  return value;
}

/** `n` in the locale's number format: "33 288" (fr-FR), "33,288" (en-GB). */
export function formatCount(locale: string, n: number): string {
  return cached(numbers, locale, (l) => new Intl.NumberFormat(l)).format(n);
}

/** The form of the words that goes with `n` in the locale: `one` where its plural rule says so (0 and 1 in
 * French, 1 in English), else `other` (French "many", 1 000 000, takes `other` too). */
export function plural(locale: string, n: number, one: string, other: string): string {
  return cached(rules, locale, (l) => new Intl.PluralRules(l)).select(n) === "one" ? one : other;
}

/** `n` formatted for the locale, then the words in the form that agrees with it: "1 ligne lue", "2 lignes lues". */
export function count(locale: string, n: number, one: string, other: string): string {
  return `${formatCount(locale, n)} ${plural(locale, n, one, other)}`;
}
