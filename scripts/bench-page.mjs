// Budgets of the form, measured in headless Chromium (run by scripts/bench.sh):
// the single file's size, the time from opening it to a ready form (median of
// 10 fresh loads), and the time from a keystroke to updated points (median
// and 95th percentile of 200 keystrokes on a complete ศอช.ต. form).

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { launch, offlinePage } from "../tests/browser.mjs";
import { root, singleFileUrl, example, ready, fillUnit, answerIndicator, field } from "../tests/helpers.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

for (const file of ["dist/khanaen.html", "dist/esm/khanaen-form.js", "dist/esm/khanaen_bg.wasm"]) {
  const bytes = readFileSync(join(root, file));
  console.log(`${file.padEnd(28)} ${String(bytes.length).padStart(8)} bytes (${kb(bytes.length)}), gzipped ${gzipSync(bytes, { level: 9 }).length} bytes (${kb(gzipSync(bytes, { level: 9 }).length)})`);
}

const browser = await launch();

// For scale: what this machine takes to open an empty page the same way.
const emptyPage = `data:text/html,${encodeURIComponent("<!doctype html><title>empty</title><p>x")}`;
const empty = [];
for (let i = 0; i < 10; i += 1) {
  const { page, context } = await offlinePage(browser);
  await page.goto(emptyPage);
  empty.push(await page.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd));
  await context.close();
}

const loads = [];
for (let i = 0; i < 10; i += 1) {
  const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
  await page.goto(singleFileUrl);
  await ready(page);
  loads.push(await page.evaluate(() => performance.getEntriesByName("khanaen-ready")[0].startTime));
  await context.close();
}
console.log(`open to ready form (file://, median of 10): ${median(loads).toFixed(1)} ms  [${loads.map((x) => x.toFixed(0)).join(", ")}]`);
console.log(`  for scale, an empty page to DOMContentLoaded on this machine: ${median(empty).toFixed(1)} ms`);

const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
await page.goto(singleFileUrl);
const form = await ready(page);
const request = example("sorsochot-23-complete");
await fillUnit(form, request.unit);
for (const [id, answer] of Object.entries(request.answers)) await answerIndicator(form, id, answer);
await field(form, "answers.2").focus();
const times = await page.evaluate(() => {
  const host = document.querySelector("khanaen-form");
  const input = host.shadowRoot.querySelector('input[data-path="answers.2"]');
  const points = host.shadowRoot.querySelector('article[data-indicator="2"] output.points');
  const out = [];
  for (let i = 0; i < 200; i += 1) {
    const value = String(40 + (i % 50));
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, data: value.slice(-1) }));
    // The handler is synchronous: by now the points are updated in the DOM.
    if (!points.textContent) throw new Error("points not updated");
    out.push(performance.now() - start);
  }
  return out;
});
console.log(`keystroke to updated points (200 keystrokes): median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms`);
await context.close();
await browser.close();
