// The dashboard in a real browser (Playwright driving Debian's Chromium, headless) against a real
// `egin serve` on loopback (tests/e2e/dashboard_test.sh starts it): sign in; see live values
// change while readings are posted; open a greenhouse zone (charts); see a field's
// recommendation equal to the API's; export a CSV and read it back; switch to Kazakh and Korean
// (texts and dates); every page at 360 px wide without horizontal scrolling; no CSP violation or
// script error; sign out ends the token. Screenshots go to EGIN_ARTIFACTS.
//
// Environment: EGIN_URL, EGIN_ADMIN_PASSWORD, EGIN_MACHINE_TOKEN, EGIN_ARTIFACTS, EGIN_PROFILE
// (a fresh Chromium profile directory), EGIN_CHROMIUM (default /usr/bin/chromium).
import { readFileSync } from "node:fs";
import { join } from "node:path";

import {
  api,
  artifacts,
  check,
  context,
  finish,
  page,
  password,
  setCurrent,
  step,
  url,
  watch,
} from "./harness.mjs";

await step("sign in", async () => {
  await page.goto(`${url}/`);
  await page.waitForSelector("#login-form");
  await page.fill("#login-user", "Admin");
  await page.fill("#login-password", "wrong-password-here");
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#login-form .notice:not([hidden])");
  check("a wrong password is refused", (await page.textContent("#login-form .notice")).includes("Wrong user name or password"));
  await page.fill("#login-password", password);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector(".zone-card");
  check("the overview lists the five zones", (await page.locator(".zone-card").count()) === 5);
  check("no cookie is set", (await context.cookies()).length === 0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("egin.session") ?? "null"));
  check("the session is the admin's", stored?.user === "admin" && stored?.role === "admin");
  await page.screenshot({ path: join(artifacts, "01-overview.png"), fullPage: true });
});

await step("live values", async () => {
  await page.waitForSelector("#live-status.on");
  const now = Date.parse((await api("GET", "/api/v1/overview")).body.now) / 1000;
  const cell = page.locator('.zone-card [data-channel="gh1/climate/t_air"]');
  for (const [i, value] of [23.4, 24.6].entries()) {
    const r = await api("POST", "/api/v1/ingest", [
      { bn: "gh1/climate/", bt: now - 60 + i * 30, n: "t_air", u: "Cel", v: value },
      { n: "rh", u: "%RH", v: 61 + i },
    ]);
    check(`reading ${value} accepted`, r.status === 200 && r.body.accepted === 2, JSON.stringify(r.body));
    await page.waitForFunction(
      ([text]) => document.querySelector('.zone-card [data-channel="gh1/climate/t_air"]')?.textContent?.startsWith(text),
      [String(value)],
    );
    check(`the card shows ${value} without a reload`, (await cell.textContent()).startsWith(String(value)));
  }
  await page.screenshot({ path: join(artifacts, "02-live.png") });
});

await step("greenhouse view", async () => {
  await page.click('.zone-card[data-zone="gh1"] h3 a');
  await page.waitForSelector('.tile[data-channel="gh1/climate/t_air"]');
  await page.waitForSelector('.chart-box[data-quantity="air_temperature"] canvas');
  check("the tile shows the last value", (await page.textContent('.tile[data-channel="gh1/climate/t_air"] .value')).startsWith("24.6"));
  await page.waitForSelector(".actuators .notice");
  check("seven actuators are listed", (await page.locator(".actuator").count()) === 7);
  check("commands say they are not connected", (await page.textContent(".actuators")).includes("not connected"));
  await page.screenshot({ path: join(artifacts, "03-greenhouse.png"), fullPage: true });
});

let advice = null;
await step("field recommendation", async () => {
  advice = (await api("GET", "/api/v1/fields/cotton-07/recommendation")).body;
  await page.goto(`${url}/#/field/cotton-07`);
  await page.waitForSelector(".recommendation .reason");
  check("the reason is the API's", (await page.textContent(".recommendation .reason")) === advice.recommendation.reason);
  const headline = await page.textContent(".recommendation .headline");
  check(
    "the headline says what to do",
    advice.recommendation.irrigate ? headline.startsWith("Irrigate:") : headline === "No irrigation needed",
    headline,
  );
  check("the maths table has twelve rows", (await page.locator("table.maths tr").count()) === 12);
  await page.waitForSelector(".chart canvas");
  await page.screenshot({ path: join(artifacts, "04-field.png"), fullPage: true });
});

await step("history and CSV export", async () => {
  await page.goto(`${url}/#/history`);
  await page.waitForSelector('input[value="gh1/climate/t_air"]');
  await page.check('input[value="gh1/climate/t_air"]');
  await page.selectOption("#step", "raw");
  await page.click("#show");
  await page.waitForSelector(".history-output canvas");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const file = join(artifacts, download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  const lines = text.trim().split(/\r?\n/);
  check("the CSV is named egin-…-raw.csv", /^egin-.*-raw\.csv$/.test(download.suggestedFilename()), download.suggestedFilename());
  check("the CSV's header names the channel", lines[0].includes("gh1/climate/t_air"), lines[0]);
  check("the CSV holds both readings", lines.length === 3 && lines[1].endsWith(",23.4") && lines[2].endsWith(",24.6"), text);
  await page.screenshot({ path: join(artifacts, "05-history.png"), fullPage: true });
});

await step("Kazakh and Korean", async () => {
  await page.goto(`${url}/#/field/cotton-07`);
  await page.waitForSelector(".recommendation");
  await page.selectOption("#language", "kk");
  await page.waitForFunction(() => document.documentElement.lang === "kk");
  // The language attribute is set before the page is re-rendered (render() is async): wait for
  // the navigation's text too (at most 5 s; the checks below then report what was there).
  await page
    .waitForFunction(
      (w) => document.querySelector('nav a[data-nav="nav.overview"]')?.textContent === w,
      "Шолу",
      { timeout: 5000 },
    )
    .catch(() => {});
  await page.waitForSelector(".recommendation");
  check("Kazakh navigation", (await page.textContent('nav a[data-nav="nav.overview"]')) === "Шолу");
  await page
    .waitForFunction((w) => document.querySelector("main h1")?.textContent?.startsWith(w), "Суару ұсынысы", { timeout: 5000 })
    .catch(() => {});
  check("Kazakh field title", (await page.textContent("main h1")).startsWith("Суару ұсынысы"));
  const kkDate = await page.textContent(".recommendation h2");
  check("Kazakh date (July is шілде)", kkDate.includes("2025 ж. 15 шілде"), kkDate);
  await page.goto(`${url}/#/`);
  await page.waitForSelector(".zone-card");
  const kkValue = await page.textContent('.zone-card [data-channel="gh1/climate/t_air"]');
  check("Kazakh writes 24,6", kkValue.startsWith("24,6"), kkValue);
  await page.goto(`${url}/#/field/cotton-07`);
  await page.waitForSelector(".recommendation");
  await page.screenshot({ path: join(artifacts, "06-kazakh.png"), fullPage: true });
  await page.selectOption("#language", "ko");
  await page.waitForFunction(() => document.documentElement.lang === "ko");
  // The language attribute is set before the page is re-rendered (render() is async): wait for
  // the navigation's text too (at most 5 s; the checks below then report what was there).
  await page
    .waitForFunction(
      (w) => document.querySelector('nav a[data-nav="nav.overview"]')?.textContent === w,
      "개요",
      { timeout: 5000 },
    )
    .catch(() => {});
  await page.waitForSelector(".recommendation");
  check("Korean navigation", (await page.textContent('nav a[data-nav="nav.overview"]')) === "개요");
  await page
    .waitForFunction((w) => document.querySelector("main h1")?.textContent?.startsWith(w), "관개 권고", { timeout: 5000 })
    .catch(() => {});
  check("Korean field title", (await page.textContent("main h1")).startsWith("관개 권고"));
  const koDate = await page.textContent(".recommendation h2");
  check("Korean date", /2025\. 7\. \d+\./.test(koDate), koDate);
  await page.screenshot({ path: join(artifacts, "07-korean.png"), fullPage: true });
  await page.goto(`${url}/#/`);
  await page.waitForSelector(".zone-card");
  const koValue = await page.textContent('.zone-card [data-channel="gh1/climate/t_air"]');
  check("Korean overview keeps the value", koValue.startsWith("24.6"), koValue);
  await page.selectOption("#language", "ru");
  await page.waitForSelector(".zone-card");
  const ruValue = await page.textContent('.zone-card [data-channel="gh1/climate/t_air"]');
  check("Russian writes 24,6", ruValue.startsWith("24,6"), ruValue);
  await page.selectOption("#language", "en");
});

await step("phone width", async () => {
  const phone = await context.newPage();
  setCurrent(phone);
  watch(phone);
  await phone.setViewportSize({ width: 360, height: 780 });
  const routes = [
    ["#/", ".zone-card"],
    ["#/zone/gh1", ".tile"],
    ["#/field/cotton-07", ".recommendation"],
    ["#/history", ".channel-picker"],
    ["#/alarms", "main h1"],
    ["#/settings", "main h1"],
    ["#/users", "table.users"],
    ["#/account", "main form"],
  ];
  for (const [i, [hash, selector]] of routes.entries()) {
    await phone.goto(`${url}/${hash}`);
    await phone.waitForSelector(selector);
    await phone.waitForTimeout(300); // charts size themselves to the container
    const widths = await phone.evaluate(() => [
      document.documentElement.scrollWidth,
      document.body.scrollWidth,
      window.innerWidth,
    ]);
    check(`${hash} fits 360 px`, widths[0] <= 360 && widths[1] <= 360, JSON.stringify(widths));
    await phone.screenshot({ path: join(artifacts, `08-phone-${i}-${hash.replace(/[#/]+/g, "_")}.png`), fullPage: true });
  }
  await phone.close();
  setCurrent(page);
});

await step("sign out", async () => {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("egin.session")).token);
  await page.click("#logout");
  await page.waitForSelector("#login-form");
  const res = await fetch(`${url}/api/v1/zones`, { headers: { Authorization: `Bearer ${token}` } });
  check("the token no longer works", res.status === 401, String(res.status));
});

await finish();
