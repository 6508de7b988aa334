// Numbers, dates and units as people read them, in the chosen language (Intl): a value with its
// unit ("21,5 °C" in Russian and Kazakh, "21.5 °C" in English and Korean), dates and times in the
// site's local time (a fixed UTC offset, as the site file gives it), "5 min ago", durations.
// Pure functions of their arguments (the locale is passed in), tested in test/format.test.ts.
//
// Browsers carry different amounts of locale data: Chromium's ICU has none for Kazakh (kk-KZ
// falls back to the root locale: "2025 M07 15", "1,234.5"). Where Intl has no data for the
// language, the CLDR conventions of that language are applied here instead (Kazakh: decimal
// comma, no-break-space grouping, month and weekday names, "5 минут бұрын").

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

/// Kazakh (CLDR kk): months and weekdays, long and short; relative-time unit words.
export const KAZAKH = {
  months: ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
  monthsShort: ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."],
  weekdays: ["жексенбі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі"],
  weekdaysShort: ["жс", "дс", "сс", "ср", "бс", "жм", "сб"],
  past: { second: "секунд бұрын", minute: "минут бұрын", hour: "сағат бұрын", day: "күн бұрын" },
  future: { second: "секундтан кейін", minute: "минуттан кейін", hour: "сағаттан кейін", day: "күннен кейін" },
};

const dataCache = new Map<string, boolean>();

/// True when Intl has real data for the locale's language (not the root fallback).
export function intlKnows(locale: string): boolean {
  let known = dataCache.get(locale);
  if (known === undefined) {
    const july = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2025, 6, 1)),
    );
    known = !/^M?\d+$/.test(july);
    dataCache.set(locale, known);
  }
  return known;
}

function usesFallback(locale: string): boolean {
  return locale.toLowerCase().startsWith("kk") && !intlKnows(locale);
}

/// Kazakh numbers by CLDR kk: decimal comma, groups of three split by a no-break space.
export function kazakhNumber(value: number, decimals: number): string {
  const text = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
  return text.replace(/,/g, "\u00a0").replace(".", ",");
}

export function formatNumber(locale: string, value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return "–";
  if (usesFallback(locale)) return kazakhNumber(value, decimals);
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

/// Kazakh dates by CLDR kk ("y 'ж'. d MMMM"): "2025 ж. 15 шілде".
export function kazakhDate(d: Date): string {
  return `${d.getUTCFullYear()} ж. ${d.getUTCDate()} ${KAZAKH.months[d.getUTCMonth()]}`;
}

function hhmm(d: Date): string {
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

type DateNames = { MMMM: string[]; MMM: string[]; WWWW: string[]; WWW: string[] };
const namesCache = new Map<string, DateNames>();

/// Month and weekday names for charts, from Intl or the fallback (built once per locale).
export function dateNames(locale: string): DateNames {
  const cached = namesCache.get(locale);
  if (cached) return cached;
  const names = buildDateNames(locale);
  namesCache.set(locale, names);
  return names;
}

function buildDateNames(locale: string): DateNames {
  if (usesFallback(locale)) {
    return { MMMM: KAZAKH.months, MMM: KAZAKH.monthsShort, WWWW: KAZAKH.weekdays, WWW: KAZAKH.weekdaysShort };
  }
  const month = (style: "long" | "short") =>
    Array.from({ length: 12 }, (_, m) =>
      new Intl.DateTimeFormat(locale, { month: style, timeZone: "UTC" }).format(new Date(Date.UTC(2025, m, 1))),
    );
  const day = (style: "long" | "short") =>
    Array.from({ length: 7 }, (_, d) =>
      new Intl.DateTimeFormat(locale, { weekday: style, timeZone: "UTC" }).format(
        new Date(Date.UTC(2025, 5, 1 + d)), // 2025-06-01 is a Sunday
      ),
    );
  return { MMMM: month("long"), MMM: month("short"), WWWW: day("long"), WWW: day("short") };
}

export function formatDateTime(locale: string, tMs: number, offsetMin: number): string {
  if (usesFallback(locale)) {
    const d = shifted(tMs, offsetMin);
    return `${kazakhDate(d)}, ${hhmm(d)}`;
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(shifted(tMs, offsetMin));
}

export function formatTime(locale: string, tMs: number, offsetMin: number): string {
  if (usesFallback(locale)) return hhmm(shifted(tMs, offsetMin));
  return new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" }).format(
    shifted(tMs, offsetMin),
  );
}

/// A calendar date "2025-07-15" (no time zone: it is a local day already).
export function formatDate(locale: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (usesFallback(locale)) return kazakhDate(new Date(Date.UTC(y, m - 1, d)));
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/// "5 minutes ago", "in 2 hours": the largest whole unit.
export function formatAgo(locale: string, tMs: number, nowMs: number): string {
  const s = Math.round((tMs - nowMs) / 1000);
  const abs = Math.abs(s);
  const [n, unit]: [number, "second" | "minute" | "hour" | "day"] =
    abs < 60
      ? [s, "second"]
      : abs < 3600
        ? [Math.round(s / 60), "minute"]
        : abs < 86400
          ? [Math.round(s / 3600), "hour"]
          : [Math.round(s / 86400), "day"];
  if (usesFallback(locale)) {
    return n <= 0 ? `${-n} ${KAZAKH.past[unit]}` : `${n} ${KAZAKH.future[unit]}`;
  }
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }).format(n, unit);
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
