// The ES-module build embedded in a portal page under
// Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./browser.mjs";
import { join } from "node:path";
import { root, ready, answerIndicator, indicator, downloadOf } from "./helpers.mjs";
import { serveDist } from "./server.mjs";

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the element works in a portal page under a strict CSP, with its events", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const violations = [];
  const foreign = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  page.on("pageerror", (e) => violations.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith("blob:")) foreign.push(r.url()); });
  await page.goto(`${server.url}/portal.html`);
  const form = await ready(page);
  assert.equal(await page.evaluate(() => document.querySelector("khanaen-form").shadowRoot !== null), true);
  // Styles applied without inline style (constructed stylesheet in the shadow root).
  const background = await form.locator(".toolbar").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, "rgb(244, 246, 248)");
  await answerIndicator(form, "1", "75");
  assert.equal(await indicator(form, "1").locator("output.points").textContent(), "3 คะแนน");
  const log = page.locator("#portal-log");
  assert.match(await log.textContent(), /portal: 3 \/ 69/);
  assert.ok(Number(await log.getAttribute("data-results")) >= 2, "khanaen-result fired on load and on change");
  const json = await downloadOf(page, form, "download-json");
  assert.match(json.name, /\.json$/);
  assert.equal(await log.getAttribute("data-download"), `json:${json.name}`);
  // Attributes drive the element: language and framework.
  await page.evaluate(() => document.querySelector("khanaen-form").setAttribute("lang", "en"));
  assert.equal(await indicator(form, "1").locator("output.points").textContent(), "3 points");
  await page.evaluate(() => document.querySelector("khanaen-form").setAttribute("framework", "kpi-3.2"));
  await form.locator('article[data-item="3.2"]').waitFor();
  // The same module defines <khanaen-summary>: placed by the portal, it works
  // under the same policy, on the one core already loaded.
  await page.evaluate(() => document.body.append(document.createElement("khanaen-summary")));
  const summary = page.locator("khanaen-summary");
  await summary.locator(".status:not(:empty)").waitFor();
  await summary.locator("#summary-files").setInputFiles(join(root, "examples/collections/ubon-province-sheet.csv"));
  await summary.locator("table.levels").waitFor();
  assert.match(await summary.locator(".status").textContent(), /1 ไฟล์ · 22 แบบประเมิน · 1 รายการอ่านไม่ได้/);
  assert.deepEqual(violations, []);
  assert.deepEqual(foreign, []);
  await context.close();
});
