/** Dates in the user's locale. `Date` scalars ("2024-01-31") are calendar days: formatted without any
 * time-zone shift. `DateTime` scalars carry an offset: shown in the browser's time zone. */

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string): Intl.DateTimeFormat {
  let fmt = dayFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
    dayFormats.set(locale, fmt);
  }
  return fmt;
}

function timeFormat(locale: string, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ""}`;
  let fmt = timeFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
      ...(timeZone ? { timeZone } : {}),
    });
    timeFormats.set(key, fmt);
  }
  return fmt;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2021-05-01" → "01/05/2021" (fr-FR), "01/05/2021" (en-GB), "05/01/2021" (en-US). */
export function formatDay(value: string | null | undefined, locale: string): string {
  if (!value) return "";
  const match = ISO_DAY.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dayFormat(locale).format(date);
}

/** An ISO date-time with offset → "27/09/2022 11:27:43" in fr-FR, in the browser's (or the given) zone. */
export function formatDateTime(value: string | null | undefined, locale: string, timeZone?: string): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return timeFormat(locale, timeZone).format(date).replace(",", "");
}

/** The calendar day (YYYY-MM-DD) of an ISO date-time in the browser's zone, for date filters. */
export function localDay(value: string): string {
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO date-time → "04/12/2026 14:03" in fr-FR: to the minute, in the browser's (or the given) zone. */
export function formatMinute(value: string | null | undefined, locale: string, timeZone?: string): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const key = `${locale}|${timeZone ?? ""}`;
  let fmt = minuteFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      ...(timeZone ? { timeZone } : {}),
    });
    minuteFormats.set(key, fmt);
  }
  return fmt.format(date).replace(",", "");
}

export type DayPart = "day" | "month" | "year";

/** How the locale writes a day (formatDay's format): its parts in order, and what separates them. */
function dayLayout(locale: string): { order: DayPart[]; literals: string[] } {
  const order: DayPart[] = [];
  const literals: string[] = [];
  for (const part of dayFormat(locale).formatToParts(new Date(Date.UTC(2001, 10, 22)))) {
    if (part.type === "day" || part.type === "month" || part.type === "year") order.push(part.type);
    else if (part.type === "literal" && order.length > 0 && order.length < 3) literals.push(part.value);
  }
  return { order, literals };
}

const WIDTH: Record<DayPart, number> = { day: 2, month: 2, year: 4 };

/** The pattern a person types a day in, as formatDay writes it: "JJ/MM/AAAA" for fr-FR with the letters
 * { day: "J", month: "M", year: "A" }, "MM/DD/YYYY" for en-US with D, M, Y. */
export function dayPattern(locale: string, letters: Record<DayPart, string>): string {
  const { order, literals } = dayLayout(locale);
  return order.map((part, i) => letters[part].repeat(WIDTH[part]) + (literals[i] ?? "")).join("");
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DAY_TEXT = /^(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{1,4})$/;

/** A day typed in the locale's order ("31/12/2026" in fr-FR, "12/31/2026" in en-US; "/", ".", "-" or a space
 * between the parts) or as ISO ("2026-12-31") → "2026-12-31"; null when it is no day (31/02/2026, a two-digit
 * year, text). */
export function parseDay(text: string, locale: string): string | null {
  const match = DAY_TEXT.exec(text.trim());
  if (!match) return null;
  const [, first = "", second = "", third = ""] = match;
  const groups = [first, second, third];
  // Four digits first is a year first: ISO, whatever the locale (en-CA writes days that way too).
  const parts: DayPart[] = first.length === 4 ? ["year", "month", "day"] : dayLayout(locale).order;
  const value: Partial<Record<DayPart, string>> = {};
  parts.forEach((part, i) => (value[part] = groups[i]));
  const { day = "", month = "", year = "" } = value;
  if (year.length !== 4 || day.length > 2 || month.length > 2) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
