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
