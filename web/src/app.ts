// What every view shares: the site (its name and UTC offset), the live event stream, the
// session's role, and small helpers (a status line, error boxes, a confirmation dialog).
// It must not hold a view's own state.
import { ApiError } from "./api";
import { h } from "./dom";
import { t } from "./i18n";
import { LiveEvents } from "./live";

export interface SiteSummary {
  id: string;
  name: string;
  utc_offset_min: number;
  latitude_deg: number;
  longitude_deg: number;
}

export interface AppContext {
  site: SiteSummary;
  live: LiveEvents;
  navigate(hash: string): void;
}

export type Cleanup = () => void;
export type View = (ctx: AppContext, root: HTMLElement, params: string[]) => Promise<Cleanup | void>;

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message || err.code;
  return err instanceof Error ? err.message : String(err);
}

export function errorBox(err: unknown, retry?: () => void): HTMLElement {
  return h(
    "div",
    { class: "notice error", role: "alert" },
    t("error", { reason: errorText(err) }),
    retry ? h("button", { type: "button", onclick: retry }, t("retry")) : null,
  );
}

export function notice(text: string, kind = "info"): HTMLElement {
  return h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

/// A modal question; resolves true when confirmed. `body` may hold inputs the caller reads.
export function confirmDialog(title: string, body: HTMLElement | string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "confirm", "aria-labelledby": "confirm-title" });
    const done = (ok: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    dialog.append(
      h("h2", { id: "confirm-title" }, title),
      typeof body === "string" ? h("p", {}, body) : body,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "secondary", onclick: () => done(false) }, t("cancel")),
        h("button", { type: "button", class: "primary", "data-confirm": "yes", onclick: () => done(true) }, t("confirm")),
      ),
    );
    dialog.addEventListener("cancel", () => done(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function section(title: string, ...children: (Node | null)[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}
