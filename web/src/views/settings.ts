// The controller settings editor: the zones that have a controller, and for one zone its
// settings as a form built from their JSON Schema, with units and ranges; "Check" asks the
// climate computer (and first checks the schema's own rules here), "Apply" sends them with the
// revision the edit started from, so two people cannot overwrite each other unknowingly (applying
// is an administrator's); the settings file's TOML text below.
import { ApiError, api, get, hasRole } from "../api";
import { type View, errorBox, notice, section } from "../app";
import { h, replace } from "../dom";
import { t } from "../i18n";
import { type Issue, type Schema, SchemaForm, validate } from "../schema_form";

interface Settings {
  zone: string;
  revision: string;
  values: unknown;
  schema: Schema;
  toml?: string;
  updated: string | null;
  updated_by: string;
}

interface ServerIssue {
  path: string;
  problem: string;
  expected: string;
}

function issueText(i: Issue): string {
  switch (i.code) {
    case "required":
      return t("v.required");
    case "number":
      return t("v.number");
    case "integer":
      return t("v.integer");
    case "min":
      return t("v.min", { min: i.limit ?? "" });
    case "max":
      return t("v.max", { max: i.limit ?? "" });
    case "enum":
      return t("v.enum");
  }
  return "";
}

export const settingsView: View = async (ctx, root, params) => {
  replace(root, h("p", { class: "muted" }, t("loading")));
  let zones: string[];
  try {
    zones = (await get<{ zones: string[] }>("/api/v1/settings")).zones;
  } catch (err) {
    if (err instanceof ApiError && err.code === "not_configured") {
      replace(root, h("h1", {}, t("settings.title")), notice(t("settings.not_configured")));
      return;
    }
    throw err;
  }
  if (zones.length === 0) {
    replace(root, h("h1", {}, t("settings.title")), notice(t("settings.none")));
    return;
  }
  const zone = params[0] && zones.includes(params[0]) ? params[0] : zones[0];
  const settings = await get<Settings>(`/api/v1/settings/${encodeURIComponent(zone)}`);
  const editable = hasRole("admin");
  const form = new SchemaForm(settings.schema, settings.values, !editable);
  const status = h("div", { class: "status" });
  const show = (local: Issue[], server: ServerIssue[]) => {
    form.mark([
      ...local.map((i) => ({ path: i.path, text: issueText(i) })),
      ...server.map((i) => ({ path: i.path, text: `${i.problem} (${i.expected})` })),
    ]);
    const unplaced = server.filter((i) => !form.inputs.has(i.path));
    replace(
      status,
      local.length + server.length === 0
        ? null
        : h("div", { class: "notice error" }, t("settings.problems"), h("ul", {}, [...unplaced].map((i) => h("li", {}, `${i.path || "/"}: ${i.problem} (${i.expected})`)))),
    );
  };
  const check = async (): Promise<boolean> => {
    const values = form.read();
    const local = validate(settings.schema, values);
    if (local.length > 0) {
      show(local, []);
      return false;
    }
    const r = await api<{ valid: boolean; issues: ServerIssue[] }>("POST", `/api/v1/settings/${encodeURIComponent(zone)}/validate`, { values });
    show([], r.issues);
    if (r.valid) status.append(notice(t("settings.valid"), "ok"));
    return r.valid;
  };
  const apply = async () => {
    const values = form.read();
    const local = validate(settings.schema, values);
    if (local.length > 0) {
      show(local, []);
      return;
    }
    try {
      const r = await api<{ settings: Settings }>("PUT", `/api/v1/settings/${encodeURIComponent(zone)}`, { values, revision: settings.revision });
      settings.revision = r.settings.revision;
      show([], []);
      status.append(notice(t("settings.applied", { rev: r.settings.revision }), "ok"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        show([], ((err.body as { issues?: ServerIssue[] }).issues ?? []) as ServerIssue[]);
      } else if (err instanceof ApiError && err.status === 409) {
        replace(status, h("div", { class: "notice error" }, t("settings.conflict"), " ", h("button", { type: "button", onclick: () => ctx.navigate(`#/settings/${zone}`) }, t("settings.reload"))));
      } else {
        replace(status, errorBox(err));
      }
    }
  };
  replace(
    root,
    h("h1", {}, t("settings.title")),
    h("p", { class: "tabs" }, zones.map((z) => h("a", { href: `#/settings/${z}`, class: z === zone ? "active" : "" }, z))),
    editable ? null : notice(t("settings.readonly")),
    section(
      zone,
      form.root,
      editable
        ? h(
            "div",
            { class: "buttons" },
            h("button", { type: "button", id: "settings-check", onclick: () => void check() }, t("settings.check")),
            h("button", { type: "button", class: "primary", id: "settings-apply", onclick: () => void apply() }, t("settings.apply")),
          )
        : null,
      status,
    ),
    settings.toml ? h("details", { class: "settings-toml" }, h("summary", {}, t("settings.toml")), h("pre", {}, settings.toml)) : null,
  );
};
