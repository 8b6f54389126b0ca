import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatMinute } from "./dates";

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
