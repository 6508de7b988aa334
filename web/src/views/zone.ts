// One zone: every sensor's value (live), a chart per quantity over the last 24 hours with the
// controller's set-point where one is published (a channel of quantity "<q>_setpoint"), and the
// actuators — their state and the remaining time of a timed command (from the device layer), the
// manual commands an operator may send after confirming them, and the recent commands with who
// sent them.
import { ApiError, api, get, hasRole, query, serverNow } from "../api";
import { type AppContext, type View, confirmDialog, errorBox, errorText, notice, section } from "../app";
import { Chart, alignSeries } from "../chart";
import { h, replace } from "../dom";
import { formatAgo, formatDateTime, formatDuration, formatValue, unitText } from "../format";
import { locale, quantityName, t, type Key } from "../i18n";
import type { Reading } from "../live";

export interface ChannelInfo {
  id: number;
  key: string;
  channel: string;
  device: string;
  name: string;
  quantity: string;
  unit: string;
  kind: "sensor" | "actuator";
  min: number;
  max: number;
  freshness: string;
  latest: { t: string; t_ms: number; value: number } | null;
}

export interface ZoneDetail {
  id: string;
  name: string;
  kind: "greenhouse" | "field" | "weather_station";
  devices: { id: string; name: string; model: string; channels: ChannelInfo[] }[];
}

interface Actuator {
  channel: string;
  state: string;
  position_pct: number | null;
  remaining_s: number | null;
  control: string;
}

interface Command {
  id: string;
  channel: string;
  action: string;
  user: string;
  requested: string;
  state: string;
  detail: string;
}

interface SeriesPoint {
  t_ms: number;
  mean: number;
}

const DAY_MS = 86400000;

/// An actuator that moves (vents, screens: KS X 3267 openers, whose channels the device layer
/// names "opener_motion") or switches (fans, pumps, valves).
function isOpener(c: ChannelInfo): boolean {
  return c.unit === "%" || c.quantity.includes("position") || c.quantity.startsWith("opener");
}

function actionsFor(c: ChannelInfo): string[] {
  return isOpener(c)
    ? ["open", "close", "stop", "timed_open", "timed_close", "set_position"]
    : ["on", "off", "timed_on"];
}

async function chartsFor(ctx: AppContext, zone: ZoneDetail, host: HTMLElement, nowMs: number): Promise<Chart[]> {
  const channels = zone.devices.flatMap((d) => d.channels);
  const sensors = channels.filter((c) => c.kind === "sensor" && !c.quantity.endsWith("_setpoint"));
  const quantities = [...new Set(sensors.map((c) => c.quantity))];
  const from = new Date(nowMs - DAY_MS).toISOString();
  const to = new Date(nowMs).toISOString();
  const charts: Chart[] = [];
  for (const quantity of quantities) {
    const lines = sensors.filter((c) => c.quantity === quantity);
    const setpoints = channels.filter((c) => c.quantity === `${quantity}_setpoint`);
    const all = [...lines, ...setpoints];
    const series = await Promise.all(
      all.map((c) =>
        get<{ points: SeriesPoint[] }>(`/api/v1/series${query({ channel: c.key, from, to, step: "5m" })}`)
          .then((s) => ({ t: s.points.map((p) => p.t_ms), v: s.points.map((p) => p.mean) }))
          .catch(() => ({ t: [], v: [] })),
      ),
    );
    if (series.every((s) => s.t.length === 0)) continue;
    const aligned = alignSeries(series);
    const box = h("div", { class: "chart-box", "data-quantity": quantity });
    box.append(h("h3", {}, `${quantityName(quantity, lines[0].name)} (${unitText(lines[0].unit)})`));
    host.append(box);
    charts.push(
      new Chart(box, {
        times: aligned.times,
        series: all.map((c, i) => ({
          label: setpoints.includes(c) ? `${c.name} (${t("zone.setpoint")})` : c.name,
          values: aligned.values[i],
          dash: setpoints.includes(c) ? [6, 4] : undefined,
        })),
        offsetMin: ctx.site.utc_offset_min,
        locale: locale(),
      }),
    );
  }
  return charts;
}

function commandForm(action: string, actuator: ChannelInfo): { body: HTMLElement; read: () => Record<string, unknown> } {
  const duration = h("input", { type: "number", min: 1, max: 86400, value: 60, id: "cmd-duration", inputmode: "numeric" });
  const position = h("input", { type: "number", min: 0, max: 100, value: 50, id: "cmd-position", inputmode: "numeric" });
  const reason = h("input", { type: "text", maxlength: 500, id: "cmd-reason" });
  const timed = action.startsWith("timed_");
  const body = h(
    "div",
    { class: "form" },
    h("p", {}, t("cmd.confirm_text", { action: t(`cmd.${action}` as Key), actuator: `${actuator.name} (${actuator.key})` })),
    timed ? h("label", { for: "cmd-duration" }, t("cmd.duration")) : null,
    timed ? duration : null,
    action === "set_position" ? h("label", { for: "cmd-position" }, t("cmd.position")) : null,
    action === "set_position" ? position : null,
    h("label", { for: "cmd-reason" }, t("cmd.reason")),
    reason,
  );
  return {
    body,
    read: () => ({
      channel: actuator.key,
      action,
      ...(timed ? { duration_s: Number(duration.value) } : {}),
      ...(action === "set_position" ? { position_pct: Number(position.value) } : {}),
      ...(reason.value.trim() ? { reason: reason.value.trim() } : {}),
    }),
  };
}

export const zoneView: View = async (ctx, root, params) => {
  const id = params[0];
  replace(root, h("p", { class: "muted" }, t("loading")));
  let zone: ZoneDetail;
  try {
    zone = await get<ZoneDetail>(`/api/v1/zones/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      replace(root, notice(t("zone.not_found", { id }), "error"));
      return;
    }
    throw err;
  }
  const loc = locale();
  const channels = zone.devices.flatMap((d) => d.channels);
  const cells = new Map<string, HTMLElement>();
  const tiles = h("div", { class: "tiles" });
  for (const c of channels.filter((x) => x.kind === "sensor")) {
    const value = h("span", { class: `value ${c.freshness}` }, formatValue(loc, c.latest?.value ?? null, c.unit));
    cells.set(c.key, value);
    tiles.append(
      h(
        "div",
        { class: "tile", "data-channel": c.key },
        h("span", { class: "label" }, quantityName(c.quantity, c.name)),
        value,
        quantityName(c.quantity, c.name) === c.name ? null : h("span", { class: "muted small" }, c.name),
      ),
    );
  }
  const chartsHost = h("div", { class: "charts" });
  const actuatorsHost = h("div", { class: "actuators" });
  const commandsHost = h("div", { class: "commands" });
  replace(
    root,
    h("p", {}, h("a", { href: "#/" }, `← ${t("nav.overview")}`)),
    h("h1", {}, zone.name),
    h("p", { class: "muted" }, t(`kind.${zone.kind}` as Key)),
    zone.kind === "field" ? h("p", {}, h("a", { class: "badge advice", href: `#/field/${zone.id}` }, t("overview.advice"))) : null,
    section(t("zone.sensors"), tiles),
    section(t("zone.charts"), chartsHost),
    section(t("zone.actuators"), actuatorsHost, commandsHost),
  );

  const nowMs = await serverNow();
  const charts = await chartsFor(ctx, zone, chartsHost, nowMs).catch((err) => {
    chartsHost.append(errorBox(err));
    return [] as Chart[];
  });
  if (charts.length === 0 && chartsHost.childElementCount === 0) {
    chartsHost.append(h("p", { class: "muted" }, t("history.empty")));
  }

  // Actuators: their state from the device layer when it is connected.
  const actuators = channels.filter((c) => c.kind === "actuator");
  let states = new Map<string, Actuator>();
  let statesAt = Date.now();
  let configured = true;
  const remaining = new Map<string, HTMLElement>();
  const loadStates = async () => {
    try {
      const r = await get<{ actuators: Actuator[] }>("/api/v1/actuators");
      states = new Map(r.actuators.map((a) => [a.channel, a]));
      statesAt = Date.now();
    } catch (err) {
      if (err instanceof ApiError && err.code === "not_configured") configured = false;
    }
  };
  const send = async (actuator: ChannelInfo, action: string) => {
    const form = commandForm(action, actuator);
    if (!(await confirmDialog(t("cmd.confirm_title"), form.body))) return;
    try {
      const cmd = await api<Command>("POST", "/api/v1/commands", form.read());
      actuatorsHost.prepend(notice(t("cmd.sent", { id: cmd.id }), "ok"));
    } catch (err) {
      actuatorsHost.prepend(notice(t("cmd.rejected", { reason: errorText(err) }), "error"));
    }
    await refresh();
  };
  const drawActuators = () => {
    remaining.clear();
    if (actuators.length === 0) {
      replace(actuatorsHost, h("p", { class: "muted" }, t("zone.no_actuators")));
      return;
    }
    const rows = actuators.map((a) => {
      const s = states.get(a.key);
      const left = h("span", { class: "remaining" });
      if (s?.remaining_s) remaining.set(a.key, left);
      const buttons =
        configured && hasRole("operator")
          ? h(
              "div",
              { class: "buttons" },
              actionsFor(a).map((action) =>
                h("button", { type: "button", "data-action": action, onclick: () => void send(a, action) }, t(`cmd.${action}` as Key)),
              ),
            )
          : null;
      return h(
        "div",
        { class: "actuator", "data-channel": a.key },
        h("h3", {}, a.name),
        h(
          "p",
          {},
          s
            ? `${s.state}${s.position_pct !== null ? ` · ${formatValue(loc, s.position_pct, "%")}` : ""} · ${t(`actuator.control.${s.control}` as Key)}`
            : t("actuator.latest", { value: formatValue(loc, a.latest?.value ?? null, a.unit) }),
          " ",
          left,
        ),
        buttons,
      );
    });
    replace(
      actuatorsHost,
      !configured ? notice(t("cmd.not_configured")) : !hasRole("operator") ? notice(t("cmd.need_operator")) : null,
      ...rows,
    );
  };
  const drawCommands = async () => {
    if (!configured) return;
    try {
      const r = await get<{ commands: Command[] }>(`/api/v1/commands${query({ zone: zone.id, limit: 10 })}`);
      replace(
        commandsHost,
        r.commands.length ? h("h3", {}, t("cmd.history")) : null,
        h(
          "ul",
          { class: "command-list" },
          r.commands.map((c) =>
            h(
              "li",
              {},
              h("strong", {}, `${t(`cmd.${c.action}` as Key)} · ${c.channel}`),
              ` ${c.state} — `,
              t("cmd.by", { user: c.user, when: formatDateTime(loc, Date.parse(c.requested), ctx.site.utc_offset_min) }),
              c.detail ? h("span", { class: "muted" }, ` (${c.detail})`) : null,
            ),
          ),
        ),
      );
    } catch {
      /* shown by drawActuators */
    }
  };
  const refresh = async () => {
    await loadStates();
    drawActuators();
    await drawCommands();
  };
  await refresh();
  const tick = setInterval(() => {
    const elapsed = (Date.now() - statesAt) / 1000;
    for (const [key, el] of remaining) {
      const s = states.get(key);
      if (s?.remaining_s) el.textContent = t("actuator.remaining", { t: formatDuration(s.remaining_s - elapsed) });
    }
  }, 1000);
  const poll = setInterval(() => void refresh(), 15000);
  const offReading = ctx.live.on("reading", (data) => {
    const r = data as Reading;
    const cell = cells.get(r.channel);
    const c = channels.find((x) => x.key === r.channel);
    if (!cell || !c) return;
    cell.textContent = formatValue(locale(), r.value, c.unit);
    cell.className = "value fresh";
    cell.title = formatAgo(locale(), r.t_ms, Date.now());
  });
  const offCommand = ctx.live.on("command", () => void refresh());
  return () => {
    clearInterval(tick);
    clearInterval(poll);
    offReading();
    offCommand();
    charts.forEach((c) => c.destroy());
  };
};
