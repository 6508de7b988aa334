// Numbers, dates and units per language: the decimal separator Intl uses for each (comma in
// Russian and Kazakh), units as people write them, site-local times for a fixed UTC offset,
// relative times, durations and the datetime-local round trip.
import { describe, expect, it } from "vitest";

import {
  formatAgo,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatValue,
  fromLocalInput,
  toLocalInput,
  unitText,
} from "../src/format";

describe("format", () => {
  it("writes numbers in each language's way", () => {
    expect(formatNumber("en-GB", 1234.5, 1)).toBe("1,234.5");
    expect(formatNumber("ru-RU", 1234.5, 1)).toMatch(/^1\s234,5$/u);
    expect(formatNumber("kk-KZ", 21.25, 1)).toMatch(/^21,[23]$/);
    expect(formatNumber("ko-KR", 21.5, 1)).toBe("21.5");
    expect(formatNumber("en-GB", Number.NaN)).toBe("–");
  });

  it("shows units as people write them", () => {
    expect(unitText("Cel")).toBe("°C");
    expect(unitText("W/m2")).toBe("W/m²");
    expect(unitText("%RH")).toBe("%");
    expect(unitText("furlong")).toBe("furlong");
    expect(formatValue("ru-RU", 21.46, "Cel")).toBe("21,5\u00a0°C");
    expect(formatValue("en-GB", 412.4, "ppm")).toBe("412\u00a0ppm");
    expect(formatValue("en-GB", 1, "/")).toBe("1");
    expect(formatValue("en-GB", null, "Cel")).toBe("–");
  });

  it("puts times in site time for a fixed UTC offset", () => {
    const t = Date.UTC(2025, 6, 14, 19, 30); // 2025-07-14T19:30Z = 00:30 next day at UTC+5
    expect(formatDateTime("en-GB", t, 300)).toBe("15 Jul 2025, 00:30");
    expect(formatDateTime("ru-RU", t, 300)).toMatch(/^15 июл.* 2025.*00:30$/u);
    expect(formatDateTime("ko-KR", t, 300)).toContain("2025. 7. 15.");
    expect(formatDateTime("kk-KZ", t, 300)).toContain("2025");
    expect(formatDate("en-GB", "2025-07-15")).toBe("15 Jul 2025");
  });

  it("says how long ago and how long left", () => {
    const now = Date.UTC(2025, 6, 15, 12, 0);
    expect(formatAgo("en-GB", now - 5 * 60000, now)).toBe("5 min ago");
    expect(formatAgo("ru-RU", now - 2 * 3600000, now)).toMatch(/^2 ч\.? назад$/u);
    expect(formatDuration(125)).toBe("2:05");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(-3)).toBe("0:00");
  });

  it("round-trips datetime-local inputs in site time", () => {
    const t = Date.UTC(2025, 6, 14, 19, 30);
    expect(toLocalInput(t, 300)).toBe("2025-07-15T00:30");
    expect(fromLocalInput("2025-07-15T00:30", 300)).toBe(t);
  });
});

describe("Kazakh where the browser has no data for it", () => {
  it("writes numbers and dates by CLDR kk", async () => {
    const { kazakhNumber, kazakhDate, KAZAKH } = await import("../src/format");
    expect(kazakhNumber(1234.5, 1)).toBe("1\u00a0234,5");
    expect(kazakhNumber(-0.25, 2)).toBe("-0,25");
    expect(kazakhDate(new Date(Date.UTC(2025, 6, 15)))).toBe("2025 ж. 15 шілде");
    expect(KAZAKH.months).toHaveLength(12);
    expect(KAZAKH.weekdaysShort).toHaveLength(7);
  });
});
