// The dashboard's shell: the login page, the header (site, navigation, language, user, live
// status), the hash router (#/, #/zone/ID, #/field/ID[/DATE], #/history, #/alarms[/all],
// #/settings[/ZONE], #/users, #/account) and the live event stream every view listens to.
import "./style.css";

import { ApiError, authHeaders, get, hasRole, login, logout, session, whenExpired } from "./api";
import { type AppContext, type Cleanup, type SiteSummary, type View, errorBox } from "./app";
import { byId, h, replace } from "./dom";
import { LANGUAGES, type Language, language, loadLanguage, setLanguage, t, type Key } from "./i18n";
import { LiveEvents } from "./live";
import { alarmsView } from "./views/alarms";
import { fieldView } from "./views/field";
import { historyView } from "./views/history";
import { overviewView } from "./views/overview";
import { settingsView } from "./views/settings";
import { accountView, usersView } from "./views/users";
import { zoneView } from "./views/zone";

const ROUTES: [RegExp, View][] = [
  [/^#?\/?$/, overviewView],
  [/^#\/zone\/([^/]+)$/, zoneView],
  [/^#\/field\/([^/]+)(?:\/(\d{4}-\d{2}-\d{2}))?$/, fieldView],
  [/^#\/history$/, historyView],
  [/^#\/alarms(?:\/(all))?$/, alarmsView],
  [/^#\/settings(?:\/([^/]+))?$/, settingsView],
  [/^#\/users$/, usersView],
  [/^#\/account$/, accountView],
];

const app = byId("app");
const live = new LiveEvents(authHeaders);
let site: SiteSummary | null = null;
let cleanup: Cleanup | void = undefined;
let loginMessage = "";

function languageSelect(): HTMLSelectElement {
  const select = h(
    "select",
    { id: "language", "aria-label": t("language") },
    LANGUAGES.map((l) => h("option", { value: l.code, selected: l.code === language(), lang: l.code }, l.name)),
  );
  select.addEventListener("change", () => {
    setLanguage(select.value as Language);
    void render();
  });
  return select;
}

function loginPage(): void {
  live.stop();
  const user = h("input", { id: "login-user", name: "username", autocomplete: "username", required: true, autocapitalize: "none" });
  const password = h("input", { id: "login-password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const message = h("p", { class: "notice error", role: "alert", hidden: !loginMessage }, loginMessage);
  const form = h(
    "form",
    { class: "login card", id: "login-form" },
    h("h1", {}, t("login.title")),
    h("label", { for: "login-user" }, t("login.user")),
    user,
    h("label", { for: "login-password" }, t("login.password")),
    password,
    message,
    h("button", { type: "submit", class: "primary" }, t("login.submit")),
    h("p", { class: "language-row" }, languageSelect()),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await login(user.value, password.value);
      loginMessage = "";
      await render();
    } catch (err) {
      message.hidden = false;
      message.textContent =
        err instanceof ApiError && err.status === 429
          ? t("login.limited", { s: err.retryAfterS || 60 })
          : err instanceof ApiError && err.status === 401
            ? t("login.bad")
            : String(err instanceof Error ? err.message : err);
    }
  });
  replace(app, h("main", { class: "login-page" }, form));
  user.focus();
}

function header(s: SiteSummary): HTMLElement {
  const sess = session()!;
  const links: [string, Key][] = [
    ["#/", "nav.overview"],
    ["#/history", "nav.history"],
    ["#/alarms", "nav.alarms"],
    ["#/settings", "nav.settings"],
  ];
  if (hasRole("admin")) links.push(["#/users", "nav.users"]);
  const status = h("span", { class: `live ${live.connected ? "on" : "off"}`, id: "live-status" }, live.connected ? t("live.on") : t("live.off"));
  live.onStatus = (on) => {
    status.className = `live ${on ? "on" : "off"}`;
    status.textContent = on ? t("live.on") : t("live.off");
  };
  const signOut = h("button", { type: "button", class: "link", id: "logout" }, t("logout"));
  signOut.addEventListener("click", async () => {
    await logout();
    await render();
  });
  return h(
    "header",
    { class: "top" },
    h("a", { class: "brand", href: "#/" }, h("strong", {}, "egin"), " ", h("span", {}, s.name)),
    h(
      "nav",
      { "aria-label": "main" },
      links.map(([href, key]) => h("a", { href, "data-nav": key }, t(key))),
    ),
    h(
      "div",
      { class: "who" },
      status,
      languageSelect(),
      h("a", { href: "#/account", id: "account" }, `${sess.user} (${t(`role.${sess.role}` as Key)})`),
      signOut,
    ),
  );
}

async function route(ctx: AppContext, main: HTMLElement): Promise<void> {
  if (cleanup) cleanup();
  cleanup = undefined;
  const hash = location.hash || "#/";
  for (const [pattern, view] of ROUTES) {
    const m = pattern.exec(hash);
    if (!m) continue;
    try {
      cleanup = await view(ctx, main, m.slice(1).filter((x) => x !== undefined));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      replace(main, errorBox(err, () => void route(ctx, main)));
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
      const target = a.getAttribute("href") ?? "";
      a.classList.toggle("active", target === "#/" ? hash === "#/" : hash.startsWith(target));
    }
    return;
  }
  location.hash = "#/";
}

async function render(): Promise<void> {
  if (cleanup) cleanup();
  cleanup = undefined;
  if (!session()) {
    loginPage();
    return;
  }
  try {
    site = (await get<{ sites: SiteSummary[] }>("/api/v1/sites")).sites[0];
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    replace(app, errorBox(err, () => void render()));
    return;
  }
  const main = h("main", { id: "main" });
  replace(app, header(site), main);
  const ctx: AppContext = {
    site,
    live,
    navigate: (hash) => {
      if (!session()) {
        void render();
      } else if (location.hash === hash) {
        void route(ctx, main);
      } else {
        location.hash = hash;
      }
    },
  };
  window.onhashchange = () => ctx.navigate(location.hash);
  live.start();
  await route(ctx, main);
}

whenExpired(() => {
  loginMessage = t("login.expired");
  void render();
});
live.on("unauthorized", () => {
  loginMessage = t("login.expired");
  void render();
});
loadLanguage();
void render();
