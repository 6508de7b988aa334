// A field's irrigation advice: today's recommendation and its reason in words, the numbers
// behind it (FAO-56: Dr, ETc, rain, TAW, p, RAW = p × TAW, the trigger, the refill, efficiency,
// net and gross depth), the root-zone water balance of the season so far and the next days as a
// chart (depletion against RAW and TAW; ETc, rain and irrigation per day) and a table, and where
// the weather came from.
import { ApiError, get, query } from "../api";
import { type View, notice, section } from "../app";
import { Chart } from "../chart";
import { h, replace } from "../dom";
import { formatDate, formatNumber } from "../format";
import { locale, t, type Key } from "../i18n";

interface Day {
  date: string;
  et_ref_mm: number | null;
  etc_mm: number | null;
  eta_mm: number | null;
  taw_mm: number | null;
  raw_mm: number | null;
  rain_mm: number | null;
  irrigation_mm: number | null;
  dr_mm: number | null;
  ks: number | null;
}

interface Advice {
  field: {
    id: string;
    name: string;
    description: string;
    crop: string;
    soil: string;
    method: string;
    efficiency_pct: number;
    area_ha: number;
    planting: string;
    harvest: string;
  };
  as_of: string;
  weather_source: string;
  recommendation: {
    date: string;
    irrigate: boolean;
    net_mm: number;
    gross_mm: number;
    volume_m3: number;
    reason: string;
    decision: string;
    trace: Record<string, number | string | boolean | null>;
  };
  days: Day[];
  projection: (Day & { irrigate: boolean; reason: string })[];
  notes: string[];
}

function dayMs(iso: string, offsetMin: number): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) - offsetMin * 60000;
}

function mm(value: unknown, decimals = 1): string {
  return typeof value === "number" && Number.isFinite(value) ? `${formatNumber(locale(), value, decimals)} mm` : "–";
}

function mathsTable(a: Advice): HTMLElement {
  const tr = a.recommendation.trace;
  const loc = locale();
  const rows: [Key, string, Record<string, string>?][] = [
    ["m.dr_start", mm(tr.dr_start_mm), { date: formatDate(loc, a.as_of) }],
    ["m.etc", mm(tr.etc_mm)],
    ["m.rain", mm(tr.rain_mm)],
    ["m.dr_projected", mm(tr.dr_projected_mm)],
    ["m.taw", mm(tr.taw_mm)],
    ["m.p", typeof tr.p === "number" ? formatNumber(loc, tr.p, 2) : "–"],
    ["m.raw", mm(tr.raw_mm)],
    ["m.threshold", mm(tr.threshold_mm)],
    ["m.refill", mm(tr.refill_mm)],
    ["m.net", mm(tr.net_mm)],
    ["m.efficiency", typeof tr.efficiency_pct === "number" ? `${formatNumber(loc, tr.efficiency_pct, 0)} %` : "–"],
    ["m.gross", mm(tr.gross_mm)],
  ];
  return h(
    "table",
    { class: "maths" },
    h("tbody", {}, rows.map(([key, value, vars]) => h("tr", {}, h("th", { scope: "row" }, t(key, vars)), h("td", {}, value)))),
  );
}

function daysTable(days: Day[], caption: string): HTMLElement {
  const loc = locale();
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "days", "aria-label": caption },
      h(
        "thead",
        {},
        h("tr", {}, [t("field.date"), "ETc", t("s.rain"), t("s.irrigation"), "Dr", "RAW", "TAW"].map((c) => h("th", { scope: "col" }, c))),
      ),
      h(
        "tbody",
        {},
        days.map((d) =>
          h(
            "tr",
            {},
            h("td", {}, formatDate(loc, d.date)),
            [d.etc_mm, d.rain_mm, d.irrigation_mm, d.dr_mm, d.raw_mm, d.taw_mm].map((v) =>
              h("td", { class: "num" }, v === null ? "–" : formatNumber(loc, v, 1)),
            ),
          ),
        ),
      ),
    ),
  );
}

export const fieldView: View = async (ctx, root, params) => {
  const id = params[0];
  const asOf = params[1];
  replace(root, h("p", { class: "muted" }, t("loading")));
  let advice: Advice;
  try {
    advice = await get<Advice>(`/api/v1/fields/${encodeURIComponent(id)}/recommendation${query({ date: asOf })}`);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 422 || err.status === 503)) {
      replace(
        root,
        h("p", {}, h("a", { href: `#/zone/${id}` }, `← ${id}`)),
        notice(err.status === 404 ? t("field.none") : err.message, "error"),
      );
      return;
    }
    throw err;
  }
  const loc = locale();
  const r = advice.recommendation;
  const f = advice.field;
  const headline = r.irrigate
    ? t("field.irrigate", {
        net: formatNumber(loc, r.net_mm, 1),
        gross: formatNumber(loc, r.gross_mm, 1),
        volume: formatNumber(loc, r.volume_m3, 0),
      })
    : t("field.no_irrigate");
  const dateInput = h("input", { type: "date", value: advice.as_of, id: "as-of" });
  dateInput.addEventListener("change", () => ctx.navigate(`#/field/${id}/${dateInput.value}`));
  const chartHost = h("div", { class: "chart-box" });
  const all = [...advice.days, ...advice.projection];
  replace(
    root,
    h("p", {}, h("a", { href: `#/zone/${id}` }, `← ${f.name || id}`)),
    h("h1", {}, `${t("field.title")}: ${f.name || id}`),
    h("p", { class: "muted" }, f.description),
    h(
      "section",
      { class: `card recommendation ${r.irrigate ? "irrigate" : "no-irrigate"}`, "data-decision": r.decision },
      h("h2", {}, t("field.for", { date: formatDate(loc, r.date) })),
      h("p", { class: "headline" }, headline),
      h("h3", {}, t("field.why")),
      h("p", { class: "reason" }, r.reason),
      h("label", { for: "as-of" }, `${t("field.as_of")} `),
      dateInput,
    ),
    section(t("field.maths"), mathsTable(advice)),
    section(t("field.balance"), chartHost),
    section(
      t("field.crop"),
      h(
        "dl",
        { class: "facts" },
        [
          [t("field.crop"), `${f.crop} · ${f.soil}`],
          [t("field.area"), `${formatNumber(loc, f.area_ha, 1)} ha`],
          [t("field.method"), `${f.method} · ${formatNumber(loc, f.efficiency_pct, 0)} %`],
          [t("field.planting"), formatDate(loc, f.planting)],
          [t("field.harvest"), formatDate(loc, f.harvest)],
          [t("field.weather"), advice.weather_source],
        ].map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
      ),
    ),
    section(t("field.recent"), daysTable(advice.days.slice(-14), t("field.recent"))),
    section(t("field.projection"), daysTable(advice.projection, t("field.projection"))),
    section(t("field.notes"), h("ul", { class: "notes" }, advice.notes.map((n) => h("li", {}, n)))),
  );
  const chart = new Chart(chartHost, {
    times: all.map((d) => dayMs(d.date, ctx.site.utc_offset_min)),
    series: [
      { label: t("s.dr"), values: all.map((d) => d.dr_mm), color: "#c0392b", width: 2 },
      { label: t("s.raw"), values: all.map((d) => d.raw_mm), color: "#d9a02b", dash: [6, 4] },
      { label: t("s.taw"), values: all.map((d) => d.taw_mm), color: "#555", dash: [2, 3] },
      { label: t("s.etc"), values: all.map((d) => d.etc_mm), color: "#2e8b57", scale: "y2" },
      { label: t("s.rain"), values: all.map((d) => d.rain_mm || null), color: "#2f6fb0", bars: true, scale: "y2" },
      { label: t("s.irrigation"), values: all.map((d) => d.irrigation_mm || null), color: "#16a085", bars: true, scale: "y2" },
    ],
    offsetMin: ctx.site.utc_offset_min,
    locale: loc,
    height: 260,
    yLabel: "Dr, RAW, TAW (mm)",
    y2Label: "mm/d",
  });
  return () => chart.destroy();
};
