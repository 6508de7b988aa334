// Dashboard speed on loopback (bench/dashboard_load.sh starts the server): the overview page of
// a 100-zone site from navigation to 100 rendered cards, and a 30-day chart at a 1-hour step in
// the history explorer from the click to the drawn chart; plus the API calls behind them. Each
// measured several times; prints JSON with median and max. Measured, never asserted.
//
// Environment: EGIN_URL, EGIN_ADMIN_PASSWORD, EGIN_PROFILE, EGIN_CHANNEL (the 30-day channel),
// EGIN_RUNS (default 7).
import { chromium } from "playwright-core";

const url = process.env.EGIN_URL;
const runs = Number(process.env.EGIN_RUNS ?? 7);
const channel = process.env.EGIN_CHANNEL;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median_ms: +s[Math.floor(s.length / 2)].toFixed(1), max_ms: +s[s.length - 1].toFixed(1), runs: s.length };
};

const login = await (
  await fetch(`${url}/api/v1/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user: "admin", password: process.env.EGIN_ADMIN_PASSWORD }),
  })
).json();
const auth = { Authorization: `Bearer ${login.token}` };

async function timed(path) {
  const t0 = performance.now();
  const res = await fetch(url + path, { headers: auth });
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body}`);
  return [performance.now() - t0, body];
}

const now = Date.parse(JSON.parse((await timed("/api/v1/sites"))[1]).now);
const seriesPath = `/api/v1/series?channel=${encodeURIComponent(channel)}&from=${new Date(now - 30 * 86400000).toISOString()}&to=${new Date(now).toISOString()}&step=1h`;
const api = { overview: [], series_30d_1h: [] };
let points = 0;
for (let i = 0; i < 3 * runs; ++i) {
  api.overview.push((await timed("/api/v1/overview"))[0]);
  const [ms, body] = await timed(seriesPath);
  api.series_30d_1h.push(ms);
  points = JSON.parse(body).points.length;
}

const context = await chromium.launchPersistentContext(process.env.EGIN_PROFILE, {
  headless: true,
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${url}/`);
await page.evaluate(
  ([token, user, expires]) =>
    localStorage.setItem("egin.session", JSON.stringify({ token, user, role: "admin", expires })),
  [login.token, login.user.name, login.expires],
);
const overview = [];
for (let i = 0; i < runs + 1; ++i) {
  const t0 = Date.now();
  await page.goto(`${url}/?run=${i}#/`, { waitUntil: "commit" });
  await page.waitForFunction(() => document.querySelectorAll(".zone-card").length === 100, null, { polling: "raf" });
  if (i > 0) overview.push(Date.now() - t0); // the first run warms the browser's cache
}
const chart = [];
await page.goto(`${url}/#/history`);
await page.waitForSelector(`input[value="${channel}"]`);
await page.check(`input[value="${channel}"]`);
await page.selectOption("#range", "30d");
await page.selectOption("#step", "1h");
for (let i = 0; i < runs; ++i) {
  // Timed inside the page (no driver round trips): click → a new chart canvas → the next frame.
  chart.push(
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const out = document.querySelector(".history-output");
          const t0 = performance.now();
          const seen = new MutationObserver(() => {
            if (out.querySelector("canvas")) {
              seen.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            }
          });
          seen.observe(out, { childList: true, subtree: true });
          document.querySelector("#show").click();
        }),
    ),
  );
}
const inPageFetch = [];
for (let i = 0; i < runs; ++i) {
  inPageFetch.push(
    await page.evaluate(async ([path, token]) => {
      const t0 = performance.now();
      const r = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
      await r.json();
      return performance.now() - t0;
    }, [seriesPath, login.token]),
  );
}
await context.close();
console.log(
  JSON.stringify(
    {
      api_overview_100_zones: stats(api.overview),
      api_series_30d_1h: { ...stats(api.series_30d_1h), points },
      page_overview_100_zones: stats(overview),
      page_chart_30d_1h_click_to_drawn: stats(chart),
      page_series_fetch_only: stats(inPageFetch),
    },
    null,
    1,
  ),
);
