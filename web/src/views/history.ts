// The history explorer: pick channels (grouped by zone), a range (24 h, 7 or 30 days, or from–to
// in site time) and a step; see them charted (one chart per unit, bucket means computed by the
// server from its rollups), and export the same table as CSV or XLSX.
import { download, get, query, serverNow } from "../api";
import { type View, errorBox, notice, section } from "../app";
import { Chart, alignSeries } from "../chart";
import { h, replace } from "../dom";
import { fromLocalInput, toLocalInput, unitText } from "../format";
import { locale, quantityName, t, type Key } from "../i18n";
import type { ChannelInfo } from "./zone";

interface Point {
  t_ms: number;
  mean?: number;
  value?: number;
}

const RANGES: Record<string, number> = { "24h": 86400000, "7d": 7 * 86400000, "30d": 30 * 86400000 };
const STEPS = ["raw", "1m", "1h", "1d"];

const state = { channels: new Set<string>(), range: "24h", step: "1m", from: "", to: "" };

export const historyView: View = async (ctx, root) => {
  replace(root, h("p", { class: "muted" }, t("loading")));
  const { channels } = await get<{ channels: (ChannelInfo & { zone: string })[] }>("/api/v1/channels");
  const offset = ctx.site.utc_offset_min;
  const now = await serverNow();
  const skew = now - Date.now();
  if (!state.from) {
    state.from = toLocalInput(now - RANGES["24h"], offset);
    state.to = toLocalInput(now, offset);
  }
  const byZone = new Map<string, (ChannelInfo & { zone: string })[]>();
  channels.forEach((c) => byZone.set(c.zone, [...(byZone.get(c.zone) ?? []), c]));
  const picker = h("div", { class: "channel-picker" });
  for (const [zone, list] of byZone) {
    picker.append(
      h(
        "fieldset",
        {},
        h("legend", {}, zone),
        list.map((c) => {
          const box = h("input", { type: "checkbox", value: c.key, id: `ch-${c.id}`, checked: state.channels.has(c.key) });
          box.addEventListener("change", () => (box.checked ? state.channels.add(c.key) : state.channels.delete(c.key)));
          return h("label", { for: `ch-${c.id}`, class: "check" }, box, ` ${quantityName(c.quantity, c.name)} · ${c.key}`);
        }),
      ),
    );
  }
  const range = h(
    "select",
    { id: "range" },
    ["24h", "7d", "30d", "custom"].map((r) => h("option", { value: r, selected: r === state.range }, t(`range.${r}` as Key))),
  );
  const step = h(
    "select",
    { id: "step" },
    STEPS.map((s) => h("option", { value: s, selected: s === state.step }, s === "raw" ? t("step.raw") : s)),
  );
  const from = h("input", { type: "datetime-local", id: "from", value: state.from });
  const to = h("input", { type: "datetime-local", id: "to", value: state.to });
  const custom = h(
    "div",
    { class: "custom-range" },
    h("label", { for: "from" }, t("history.from")),
    from,
    h("label", { for: "to" }, t("history.to")),
    to,
  );
  const syncCustom = () => {
    custom.hidden = range.value !== "custom";
  };
  range.addEventListener("change", () => {
    state.range = range.value;
    if (range.value === "7d" || range.value === "30d") step.value = "1h";
    syncCustom();
  });
  syncCustom();
  const output = h("div", { class: "history-output" });
  const span = (): { fromMs: number; toMs: number } => {
    if (range.value === "custom") {
      state.from = from.value;
      state.to = to.value;
      return { fromMs: fromLocalInput(from.value, offset), toMs: fromLocalInput(to.value, offset) };
    }
    const toMs = Date.now() + skew;
    return { fromMs: toMs - RANGES[range.value], toMs };
  };
  let charts: Chart[] = [];
  const show = async () => {
    charts.forEach((c) => c.destroy());
    charts = [];
    state.step = step.value;
    const keys = [...state.channels];
    if (keys.length === 0) {
      replace(output, notice(t("history.pick")));
      return;
    }
    const { fromMs, toMs } = span();
    replace(output, h("p", { class: "muted" }, t("loading")));
    try {
      const results = await Promise.all(
        keys.map((key) =>
          get<{ unit: string; points: Point[] }>(
            `/api/v1/series${query({ channel: key, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), step: step.value })}`,
          ).then((s) => ({ key, ...s })),
        ),
      );
      output.replaceChildren();
      if (results.every((r) => r.points.length === 0)) {
        output.append(notice(t("history.empty")));
        return;
      }
      const units = [...new Set(results.map((r) => r.unit))];
      for (const unit of units) {
        const group = results.filter((r) => r.unit === unit);
        const aligned = alignSeries(
          group.map((r) => ({ t: r.points.map((p) => p.t_ms), v: r.points.map((p) => p.mean ?? p.value ?? null) })),
        );
        const box = h("div", { class: "chart-box" }, h("h3", {}, unitText(unit) || unit));
        output.append(box);
        charts.push(
          new Chart(box, {
            times: aligned.times,
            series: group.map((r, i) => ({ label: r.key, values: aligned.values[i] })),
            offsetMin: offset,
            locale: locale(),
          }),
        );
      }
    } catch (err) {
      replace(output, errorBox(err, () => void show()));
    }
  };
  const exportAs = async (format: "csv" | "xlsx") => {
    const keys = [...state.channels];
    if (keys.length === 0) {
      replace(output, notice(t("history.pick")));
      return;
    }
    const { fromMs, toMs } = span();
    try {
      await download(
        `/api/v1/exports${query({
          channels: keys.join(","),
          from: new Date(fromMs).toISOString(),
          to: new Date(toMs).toISOString(),
          step: step.value,
          format,
        })}`,
      );
    } catch (err) {
      output.prepend(errorBox(err));
    }
  };
  replace(
    root,
    h("h1", {}, t("history.title")),
    section(t("history.channels"), picker),
    section(
      t("history.range"),
      h(
        "div",
        { class: "controls" },
        h("label", { for: "range" }, t("history.range")),
        range,
        h("label", { for: "step" }, t("history.step")),
        step,
        custom,
        h("div", { class: "buttons" },
          h("button", { type: "button", class: "primary", id: "show", onclick: () => void show() }, t("history.show")),
          h("button", { type: "button", id: "export-csv", onclick: () => void exportAs("csv") }, t("history.export_csv")),
          h("button", { type: "button", id: "export-xlsx", onclick: () => void exportAs("xlsx") }, t("history.export_xlsx")),
        ),
      ),
    ),
    output,
  );
  if (state.channels.size > 0) await show();
  return () => charts.forEach((c) => c.destroy());
};
