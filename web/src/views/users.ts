// Accounts: admins list, add (a generated password is shown once), re-role and remove users;
// everyone changes their own password here (which ends their sessions: sign in again).
import { api, forget, get, session } from "../api";
import { type View, confirmDialog, errorBox, notice, section } from "../app";
import { h, replace } from "../dom";
import { formatDateTime } from "../format";
import { locale, t, type Key } from "../i18n";

interface User {
  name: string;
  role: "viewer" | "operator" | "admin";
  created: string;
}

const ROLES = ["viewer", "operator", "admin"] as const;

export const usersView: View = async (ctx, root) => {
  const status = h("div", { class: "status" });
  const table = h("div", { class: "table-scroll" });
  const load = async () => {
    const r = await get<{ users: User[] }>("/api/v1/users");
    replace(
      table,
      h(
        "table",
        { class: "users" },
        h("thead", {}, h("tr", {}, [t("users.name"), t("users.role"), t("users.created"), ""].map((c) => h("th", { scope: "col" }, c)))),
        h(
          "tbody",
          {},
          r.users.map((u) => {
            const role = h("select", { "aria-label": t("users.role") }, ROLES.map((x) => h("option", { value: x, selected: x === u.role }, t(`role.${x}` as Key))));
            role.addEventListener("change", async () => {
              try {
                await api("PATCH", `/api/v1/users/${encodeURIComponent(u.name)}`, { role: role.value });
              } catch (err) {
                status.replaceChildren(errorBox(err));
                await load();
              }
            });
            return h(
              "tr",
              { "data-user": u.name },
              h("td", {}, u.name),
              h("td", {}, role),
              h("td", {}, formatDateTime(locale(), Date.parse(u.created), ctx.site.utc_offset_min)),
              h(
                "td",
                {},
                h("button", {
                  type: "button",
                  class: "secondary",
                  onclick: async () => {
                    if (!(await confirmDialog(t("users.remove"), t("users.remove_confirm", { name: u.name })))) return;
                    try {
                      await api("DELETE", `/api/v1/users/${encodeURIComponent(u.name)}`);
                    } catch (err) {
                      status.replaceChildren(errorBox(err));
                    }
                    await load();
                  },
                }, t("users.remove")),
              ),
            );
          }),
        ),
      ),
    );
  };
  const name = h("input", { type: "text", id: "new-name", autocomplete: "off", required: true, pattern: "[a-z0-9][a-z0-9._-]*" });
  const role = h("select", { id: "new-role" }, ROLES.map((x) => h("option", { value: x }, t(`role.${x}` as Key))));
  const password = h("input", { type: "password", id: "new-password", autocomplete: "new-password" });
  const form = h(
    "form",
    { class: "form inline" },
    h("label", { for: "new-name" }, t("users.name")),
    name,
    h("label", { for: "new-role" }, t("users.role")),
    role,
    h("label", { for: "new-password" }, t("users.password")),
    password,
    h("button", { type: "submit", class: "primary" }, t("users.add")),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const r = await api<{ user: User; password?: string }>("POST", "/api/v1/users", {
        name: name.value.trim(),
        role: role.value,
        ...(password.value ? { password: password.value } : {}),
      });
      status.replaceChildren(r.password ? notice(t("users.generated", { name: r.user.name, password: r.password }), "ok") : notice(r.user.name, "ok"));
      form.reset();
      await load();
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  replace(root, h("h1", {}, t("users.title")), section(t("users.add"), form, status), section(t("users.title"), table));
  await load();
};

export const accountView: View = async (ctx, root) => {
  const s = session();
  const current = h("input", { type: "password", id: "current-password", autocomplete: "current-password", required: true });
  const next = h("input", { type: "password", id: "new-password", autocomplete: "new-password", required: true, minlength: 10 });
  const status = h("div", { class: "status" });
  const form = h(
    "form",
    { class: "form" },
    h("label", { for: "current-password" }, t("account.current")),
    current,
    h("label", { for: "new-password" }, t("account.new")),
    next,
    h("button", { type: "submit", class: "primary" }, t("account.change")),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await api("PUT", `/api/v1/users/${encodeURIComponent(s?.user ?? "")}/password`, { password: next.value, current_password: current.value });
      status.replaceChildren(notice(t("account.changed"), "ok"));
      forget();
      setTimeout(() => ctx.navigate("#/"), 1500);
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  replace(
    root,
    h("h1", {}, t("account.title")),
    h("p", {}, `${s?.user ?? ""} · ${s ? t(`role.${s.role}` as Key) : ""}`),
    section(t("account.change"), form, status),
  );
};
