import { describe, expect, it } from "vitest";
import { dayPattern, formatDateTime, formatDay, formatMinute, parseDay } from "./dates";

describe("formatDay", () => {
  it("formats calendar days without shifting them", () => {
    expect(formatDay("2021-05-01", "fr-FR")).toBe("01/05/2021");
    expect(formatDay("2021-05-01", "en-US")).toBe("05/01/2021");
    expect(formatDay("2021-12-31", "en-GB")).toBe("31/12/2021");
    expect(formatDay(null, "fr-FR")).toBe("");
  });
});

describe("formatDateTime", () => {
  it("formats an instant in the given zone", () => {
    expect(formatDateTime("2022-09-27T09:27:43+00:00", "fr-FR", "Europe/Paris")).toBe("27/09/2022 11:27:43");
    expect(formatDateTime("2022-09-27T09:27:43.123456+00:00", "en-GB", "UTC")).toBe("27/09/2022 09:27:43");
  });
});

describe("formatMinute", () => {
  it("formats an instant to the minute", () => {
    expect(formatMinute("2026-12-04T13:03:59+00:00", "fr-FR", "Europe/Paris")).toBe("04/12/2026 14:03");
    expect(formatMinute("2026-12-04T13:03:59+00:00", "en-GB", "UTC")).toBe("04/12/2026 13:03");
    expect(formatMinute(null, "fr-FR")).toBe("");
  });
});

describe("dayPattern", () => {
  it("spells formatDay's format in the user's letters", () => {
    expect(dayPattern("fr-FR", { day: "J", month: "M", year: "A" })).toBe("JJ/MM/AAAA");
    expect(dayPattern("en-GB", { day: "D", month: "M", year: "Y" })).toBe("DD/MM/YYYY");
    expect(dayPattern("en-US", { day: "D", month: "M", year: "Y" })).toBe("MM/DD/YYYY");
    expect(dayPattern("en-CA", { day: "D", month: "M", year: "Y" })).toBe("YYYY-MM-DD");
  });
});

describe("parseDay", () => {
  it("reads a day in the locale's order", () => {
    expect(parseDay("31/12/2026", "fr-FR")).toBe("2026-12-31");
    expect(parseDay(" 1/5/2021 ", "fr-FR")).toBe("2021-05-01");
    expect(parseDay("01.05.2021", "fr-FR")).toBe("2021-05-01");
    expect(parseDay("31/12/2026", "en-GB")).toBe("2026-12-31");
    expect(parseDay("12/31/2026", "en-US")).toBe("2026-12-31");
    expect(parseDay("05/01/2021", "en-US")).toBe("2021-05-01");
    expect(parseDay("2021-05-01", "en-CA")).toBe("2021-05-01");
  });

  it("reads what formatDay writes, in every locale the app uses", () => {
    for (const locale of ["fr-FR", "fr-CA", "fr-CH", "en-GB", "en-US", "en-CA", "en-IN"]) {
      expect(parseDay(formatDay("2024-02-29", locale), locale)).toBe("2024-02-29");
    }
  });

  it("takes ISO days whatever the locale", () => {
    expect(parseDay("2026-12-31", "fr-FR")).toBe("2026-12-31");
    expect(parseDay("2026-12-31", "en-US")).toBe("2026-12-31");
  });

  it("rejects what is no day", () => {
    expect(parseDay("31/02/2026", "fr-FR")).toBeNull();
    expect(parseDay("29/02/2025", "fr-FR")).toBeNull();
    expect(parseDay("29/02/2024", "fr-FR")).toBe("2024-02-29");
    expect(parseDay("29/02/2100", "fr-FR")).toBeNull();
    expect(parseDay("29/02/2000", "fr-FR")).toBe("2000-02-29");
    expect(parseDay("31/04/2026", "fr-FR")).toBeNull();
    expect(parseDay("12/31/2026", "fr-FR")).toBeNull();
    expect(parseDay("31/12/2026", "en-US")).toBeNull();
    expect(parseDay("00/12/2026", "fr-FR")).toBeNull();
    expect(parseDay("31/12/26", "fr-FR")).toBeNull();
    expect(parseDay("31/12/0000", "fr-FR")).toBeNull();
    expect(parseDay("31122026", "fr-FR")).toBeNull();
    expect(parseDay("31/12/2026x", "fr-FR")).toBeNull();
    expect(parseDay("demain", "fr-FR")).toBeNull();
    expect(parseDay("", "fr-FR")).toBeNull();
  });
});
