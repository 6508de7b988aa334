// The first page: every zone of the site as a card — its key values (updated live from the event
// stream), how fresh its channels are, its newest reading, open alarms, actuators and whether it
// has irrigation advice — and today's irrigation recommendation of every field.
import { get } from "../api";
import { type View, section } from "../app";
import { h, replace } from "../dom";
import { formatAgo, formatNumber, formatValue } from "../format";
import { locale, quantityName, t, type Key } from "../i18n";
import type { Reading } from "../live";

interface KeyValue {
  channel: string;
  name: string;
  quantity: string;
  unit: string;
  value: number | null;
  t: string | null;
  freshness: string;
}

interface ZoneCard {
  id: string;
  name: string;
  kind: "greenhouse" | "field" | "weather_station";
  channels: number;
  fresh: number;
  stale: number;
  no_data: number;
  actuators: number;
  newest: string | null;
  key: KeyValue[];
  field: boolean;
  alarms: { open: number; critical: number } | null;
}

interface Overview {
  now: string;
  alarms_configured: boolean;
  zones: ZoneCard[];
}

interface Recommendations {
  recommendations: {
    field: string;
    name: string | null;
    as_of?: string;
    recommendation?: { irrigate: boolean; gross_mm: number; volume_m3: number; date: string; reason: string };
    error: string | null;
  }[];
}

function card(zone: ZoneCard, nowMs: number, cells: Map<string, HTMLElement>): HTMLElement {
  const loc = locale();
  const values = h("dl", { class: "key-values" });
  for (const k of zone.key) {
    const dd = h("dd", { class: `value ${k.freshness}`, "data-channel": k.channel }, formatValue(loc, k.value, k.unit));
    cells.set(k.channel, dd);
    values.append(h("div", {}, h("dt", {}, quantityName(k.quantity, k.name)), dd));
  }
  const alarms =
    zone.alarms === null
      ? null
      : h(
          "p",
          { class: zone.alarms.open > 0 ? (zone.alarms.critical > 0 ? "badge critical" : "badge warning") : "badge ok" },
          zone.alarms.open > 0 ? t("overview.alarms", { n: zone.alarms.open }) : t("overview.no_alarms"),
        );
  return h(
    "article",
    { class: `zone-card kind-${zone.kind}`, "data-zone": zone.id },
    h(
      "header",
      {},
      h("span", { class: "kind" }, t(`kind.${zone.kind}` as Key)),
      h("h3", {}, h("a", { href: zone.field ? `#/field/${zone.id}` : `#/zone/${zone.id}` }, zone.name)),
    ),
    values,
    h(
      "p",
      { class: "freshness" },
      t("overview.counts", { fresh: zone.fresh, stale: zone.stale, none: zone.no_data }),
    ),
    h(
      "p",
      { class: "muted" },
      zone.newest ? t("overview.newest", { ago: formatAgo(loc, Date.parse(zone.newest), nowMs) }) : t("overview.never"),
    ),
    alarms,
    h(
      "p",
      { class: "links" },
      zone.field ? h("a", { href: `#/field/${zone.id}`, class: "badge advice" }, t("overview.advice")) : null,
      zone.actuators > 0 ? h("span", { class: "muted" }, t("overview.actuators", { n: zone.actuators })) : null,
      h("a", { href: `#/zone/${zone.id}` }, t("open")),
    ),
  );
}

function irrigation(recs: Recommendations): HTMLElement | null {
  if (recs.recommendations.length === 0) return null;
  const loc = locale();
  const list = h("ul", { class: "irrigation-list" });
  for (const r of recs.recommendations) {
    const text = r.recommendation
      ? r.recommendation.irrigate
        ? t("irrigation.yes", {
            gross: formatNumber(loc, r.recommendation.gross_mm, 0),
            volume: formatNumber(loc, r.recommendation.volume_m3, 0),
          })
        : t("irrigation.no")
      : t("irrigation.none", { reason: r.error ?? "" });
    list.append(
      h(
        "li",
        { "data-field": r.field, class: r.recommendation?.irrigate ? "irrigate" : "" },
        h("a", { href: `#/field/${r.field}` }, r.name ?? r.field),
        h("span", {}, text),
      ),
    );
  }
  return section(t("irrigation.title"), list);
}

export const overviewView: View = async (ctx, root) => {
  replace(root, h("p", { class: "muted" }, t("loading")));
  const [overview, recs] = await Promise.all([
    get<Overview>("/api/v1/overview"),
    get<Recommendations>("/api/v1/recommendations").catch(() => ({ recommendations: [] })),
  ]);
  const nowMs = Date.parse(overview.now);
  const cells = new Map<string, HTMLElement>();
  const units = new Map<string, string>();
  overview.zones.forEach((z) => z.key.forEach((k) => units.set(k.channel, k.unit)));
  const grid = h("div", { class: "zone-grid" }, overview.zones.map((z) => card(z, nowMs, cells)));
  replace(root, h("h1", {}, t("overview.title")), irrigation(recs), grid);
  const off = ctx.live.on("reading", (data) => {
    const r = data as Reading;
    const cell = cells.get(r.channel);
    if (!cell) return;
    cell.textContent = formatValue(locale(), r.value, units.get(r.channel) ?? "");
    cell.className = "value fresh";
  });
  const offResync = ctx.live.on("resync", () => ctx.navigate(location.hash));
  return () => {
    off();
    offResync();
  };
};

