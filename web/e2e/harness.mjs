// What the browser tests (dashboard.mjs, demo.mjs) share: the environment they are given, the
// check/step bookkeeping, the machine-token API call, and one headless Chromium (Debian's, driven
// by Playwright) with a page that records CSP violations and script errors.
//
// Environment: EGIN_URL, EGIN_ADMIN_PASSWORD, EGIN_MACHINE_TOKEN, EGIN_ARTIFACTS, EGIN_PROFILE,
// EGIN_CHROMIUM (default /usr/bin/chromium).
import { join } from "node:path";
import { chromium } from "playwright-core";

export const url = process.env.EGIN_URL;
export const password = process.env.EGIN_ADMIN_PASSWORD;
export const machine = process.env.EGIN_MACHINE_TOKEN;
export const artifacts = process.env.EGIN_ARTIFACTS;
export const profile = process.env.EGIN_PROFILE;
let passed = 0;
let failed = 0;

export function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
  } else {
    failed += 1;
    console.error(`FAIL: ${name}${detail ? `: ${detail}` : ""}`);
  }
}

export async function api(method, path, body) {
  const res = await fetch(url + path, {
    method,
    headers: { Authorization: `Bearer ${machine}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

let current = null;
/// The page a failed step screenshots.
export function setCurrent(p) {
  current = p;
}
export async function step(name, fn) {
  try {
    await fn();
  } catch (err) {
    check(name, false, String(err?.message ?? err).split("\n")[0]);
    const shot = join(artifacts, `failed-${name.replace(/\W+/g, "-")}.png`);
    await current?.screenshot({ path: shot, fullPage: true }).catch(() => {});
  }
}

export const context = await chromium.launchPersistentContext(profile, {
  headless: true,
  executablePath: process.env.EGIN_CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 900 },
  locale: "en-GB",
  acceptDownloads: true,
});
export const problems = [];
export const page = context.pages()[0] ?? (await context.newPage());
export const watch = (p) => {
  p.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  p.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
};
watch(page);
page.setDefaultTimeout(15000);
setCurrent(page);

/// The last check (no CSP violation or script error), then the tally and the exit code.
export async function finish() {
  check("no CSP violation or script error", problems.length === 0, problems.join(" | "));
  await context.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
