// Numbers, dates and units as people read them, in the chosen language (Intl): a value with its
// unit ("21,5 °C" in Russian and Kazakh, "21.5 °C" in English and Korean), dates and times in the
// site's local time (a fixed UTC offset, as the site file gives it), "5 min ago", durations.
// Pure functions of their arguments (the locale is passed in), tested in test/format.test.ts.

/// SenML and egin unit symbols → what a reader expects to see.
const UNIT_TEXT: Record<string, string> = {
  Cel: "°C",
  "%RH": "%",
  "%": "%",
  ppm: "ppm",
  "W/m2": "W/m²",
  "m/s": "m/s",
  mm: "mm",
  "mm/d": "mm/d",
  kPa: "kPa",
  hPa: "hPa",
  "umol/m2/s": "µmol/m²/s",
  "mol/m2": "mol/m²",
  "mol/m2/d": "mol/m²/d",
  "MJ/m2": "MJ/m²",
  "J/cm2": "J/cm²",
  "g/m3": "g/m³",
  "m3/h": "m³/h",
  "l/h": "l/h",
  m3: "m³",
  "dS/m": "dS/m",
  "Cel.d": "°C·d",
  "/": "",
  K: "K",
};

export function unitText(unit: string): string {
  return UNIT_TEXT[unit] ?? unit;
}

/// Decimals that suit a quantity's unit (0.1 °C, whole ppm, …).
export function decimalsFor(unit: string): number {
  if (unit === "ppm" || unit === "W/m2" || unit === "umol/m2/s" || unit === "hPa") return 0;
  if (unit === "kPa" || unit === "m3" || unit === "dS/m") return 2;
  if (unit === "/") return 0;
  return 1;
}

export function formatNumber(locale: string, value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

export function formatValue(locale: string, value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "–";
  const u = unitText(unit);
  const n = formatNumber(locale, value, decimalsFor(unit));
  return u ? `${n}\u00a0${u}` : n;
}

/// "Etc/GMT-5" style zones exist only for whole hours; shifting the instant and formatting in
/// UTC works for every offset.
function shifted(tMs: number, offsetMin: number): Date {
  return new Date(tMs + offsetMin * 60000);
}

export function formatDateTime(locale: string, tMs: number, offsetMin: number): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(shifted(tMs, offsetMin));
}

export function formatTime(locale: string, tMs: number, offsetMin: number): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" }).format(
    shifted(tMs, offsetMin),
  );
}

/// A calendar date "2025-07-15" (no time zone: it is a local day already).
export function formatDate(locale: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/// "5 minutes ago", "in 2 hours": the largest whole unit.
export function formatAgo(locale: string, tMs: number, nowMs: number): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  const s = Math.round((tMs - nowMs) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(s, "second");
  if (abs < 3600) return rtf.format(Math.round(s / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(s / 3600), "hour");
  return rtf.format(Math.round(s / 86400), "day");
}

/// 125 s → "2:05", 3725 s → "1:02:05".
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return hh > 0 ? `${hh}:${two(mm)}:${two(ss)}` : `${mm}:${two(ss)}`;
}

/// The value an <input type="datetime-local"> shows for an instant in site time, and back.
export function toLocalInput(tMs: number, offsetMin: number): string {
  return shifted(tMs, offsetMin).toISOString().slice(0, 16);
}

export function fromLocalInput(text: string, offsetMin: number): number {
  return Date.parse(`${text}:00Z`) - offsetMin * 60000;
}
