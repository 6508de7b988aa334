// Alarms: the open ones (active or not yet acknowledged) or all, newest first, with their
// severity, words and times; an operator acknowledges one with a note. New and changed alarms
// arrive live.
import { ApiError, api, get, hasRole, query } from "../api";
import { type View, confirmDialog, notice } from "../app";
import { h, replace } from "../dom";
import { formatDateTime } from "../format";
import { locale, t, type Key } from "../i18n";

interface Alarm {
  id: string;
  zone: string;
  code: string;
  severity: "info" | "warning" | "critical";
  message: string;
  raised: string;
  cleared: string | null;
  acknowledged: string | null;
  acknowledged_by: string;
  note: string;
  active: boolean;
}

export const alarmsView: View = async (ctx, root, params) => {
  const which = params[0] === "all" ? "all" : "open";
  replace(root, h("p", { class: "muted" }, t("loading")));
  const loc = locale();
  const offset = ctx.site.utc_offset_min;
  const list = h("div", { class: "alarm-list" });
  const load = async () => {
    try {
      const r = await get<{ alarms: Alarm[] }>(`/api/v1/alarms${query({ state: which })}`);
      if (r.alarms.length === 0) {
        replace(list, notice(t("alarms.none"), "ok"));
        return;
      }
      replace(
        list,
        r.alarms.map((a) =>
          h(
            "article",
            { class: `alarm ${a.severity} ${a.active ? "active" : "cleared"}`, "data-alarm": a.id },
            h("header", {}, h("span", { class: `badge ${a.severity}` }, t(`severity.${a.severity}` as Key)), " ", h("strong", {}, a.zone || ctx.site.name), " · ", a.code),
            h("p", {}, a.message),
            h(
              "p",
              { class: "muted" },
              formatDateTime(loc, Date.parse(a.raised), offset),
              " · ",
              a.active ? t("alarms.active") : `${t("alarms.cleared")} ${formatDateTime(loc, Date.parse(a.cleared!), offset)}`,
            ),
            a.acknowledged
              ? h("p", { class: "muted" }, t("alarms.acked", { user: a.acknowledged_by, when: formatDateTime(loc, Date.parse(a.acknowledged), offset) }), a.note ? ` — ${a.note}` : "")
              : hasRole("operator")
                ? h("button", { type: "button", onclick: () => void acknowledge(a) }, t("alarms.ack"))
                : null,
          ),
        ),
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === "not_configured") {
        replace(list, notice(t("alarms.not_configured")));
        return;
      }
      throw err;
    }
  };
  const acknowledge = async (a: Alarm) => {
    const note = h("input", { type: "text", maxlength: 500, id: "ack-note" });
    const ok = await confirmDialog(t("alarms.ack"), h("div", { class: "form" }, h("p", {}, a.message), h("label", { for: "ack-note" }, t("alarms.note")), note));
    if (!ok) return;
    await api("POST", `/api/v1/alarms/${encodeURIComponent(a.id)}/acknowledge`, { note: note.value });
    await load();
  };
  replace(
    root,
    h("h1", {}, t("alarms.title")),
    h(
      "p",
      { class: "tabs" },
      h("a", { href: "#/alarms", class: which === "open" ? "active" : "" }, t("alarms.open")),
      h("a", { href: "#/alarms/all", class: which === "all" ? "active" : "" }, t("alarms.all")),
    ),
    list,
  );
  await load();
  const off = ctx.live.on("alarm", () => void load());
  return off;
};
