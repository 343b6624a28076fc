// Budgets of the form, measured in headless Chromium (run by scripts/bench.sh),
// each printed beside its aim (issue 9):
// - sizes: the single file, the ES-module script and its .wasm;
// - opening dist/khanaen.html from file:// to the first painted frame of a
//   usable form, interleaved with an empty page measured the same way and
//   with the same form as static HTML (its DOM, shadow roots and their styles
//   serialised from a loaded page, no script, no wasm: the floor of a first frame that
//   costs no script at all) and with its first screen alone, 12 fresh loads
//   of each: medians with ranges. "Painted" is a task queued
//   from the next animation frame's callback at user-blocking priority (as
//   the form's own mark, afterNextPaint in www/form/dom.js), which runs once
//   that frame's style, layout and paint are done;
// - a keystroke to the next painted frame: an input event dispatched at the
//   start of a frame, until that frame's rendering is done (the handler,
//   then style, layout and paint), 200 keystrokes on a complete ศอช.ต. form.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { launch, offlinePage } from "../tests/browser.mjs";
import { root, singleFileUrl, example, ready, fillUnit, answerIndicator, field } from "../tests/helpers.mjs";

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const spread = (xs) => `median ${median(xs).toFixed(1)} ms [${sorted(xs)[0].toFixed(0)}–${sorted(xs).at(-1).toFixed(0)}]`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const verdict = (ok) => (ok ? "met" : "NOT met");

const sizeAims = { "dist/khanaen.html": 250_000, "dist/esm/khanaen-form.js": null, "dist/esm/khanaen_bg.wasm": 300_000, "dist/app/app.js": null };
for (const [file, aim] of Object.entries(sizeAims)) {
  const bytes = readFileSync(join(root, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const against = aim ? `   aim < ${aim} bytes: ${verdict(bytes.length < aim)}` : "";
  console.log(`${file.padEnd(28)} ${String(bytes.length).padStart(8)} bytes (${kb(bytes.length)}), gzipped ${gz} bytes (${kb(gz)})${against}`);
}

const browser = await launch();

// A page's "painted" mark, as the form's own (afterNextPaint, www/form/dom.js).
const markPainted = `<script>addEventListener("DOMContentLoaded", () => requestAnimationFrame(() =>
  scheduler.postTask(() => performance.mark("painted"), { priority: "user-blocking" })));</script>`;
// An empty page, painted and measured the way the form is.
const emptyPage = `data:text/html,${encodeURIComponent(`<!doctype html><title>empty</title><p>x</p>${markPainted}`)}`;
async function markTime(page, name) {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name);
  return page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name);
}

// The form as the page shows it, saved as HTML without scripts; and its
// first screen alone (what is below it replaced by an empty block of the
// same height): the floor of any first frame that shows the officer the
// toolbar, the unit's details and the committee's size.
const scratch = mkdtempSync(join(tmpdir(), "khanaen-static-"));
const staticForm = join(scratch, "form.html");
const firstScreen = join(scratch, "first-screen.html");
{
  const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
  await page.goto(singleFileUrl);
  await markTime(page, "khanaen-scored-painted");
  const html = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll("*")].filter((e) => e.shadowRoot);
    // getHTML leaves out adopted style sheets (the shadow roots' styles):
    // each root gets its sheets' rules as a <style> of its own.
    for (const { shadowRoot } of hosts) {
      const style = document.createElement("style");
      style.textContent = shadowRoot.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n");
      shadowRoot.prepend(style);
    }
    return document.documentElement.getHTML({ shadowRoots: hosts.map((e) => e.shadowRoot) });
  });
  const firstScreenHtml = await page.evaluate(() => {
    const root = document.querySelector("khanaen-form").shadowRoot;
    const form = root.querySelector("div.form");
    const below = [...form.querySelectorAll(":scope > section.category, :scope > section.summary")];
    const height = below.reduce((sum, el) => sum + el.getBoundingClientRect().height, 0);
    for (const el of below) el.remove();
    const spacer = document.createElement("div");
    spacer.style.height = `${height}px`;
    form.append(spacer);
    const hosts = [...document.querySelectorAll("*")].filter((e) => e.shadowRoot);
    return document.documentElement.getHTML({ shadowRoots: hosts.map((e) => e.shadowRoot) });
  });
  const withoutScripts = (text) => `<!doctype html>${text.replace(/<script\b[\s\S]*?<\/script>/g, "").replace("</body>", `${markPainted}</body>`)}`;
  writeFileSync(staticForm, withoutScripts(html));
  writeFileSync(firstScreen, withoutScripts(firstScreenHtml));
  await context.close();
}

const empty = [];
const asStatic = [];
const firstScreenStatic = [];
const readyAt = [];
const painted = [];
const scored = [];
for (let i = 0; i < 12; i += 1) {
  {
    const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(emptyPage);
    empty.push(Math.max(await markTime(page, "painted"), await markTime(page, "first-paint")));
    await context.close();
  }
  {
    const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(pathToFileURL(staticForm).href);
    asStatic.push(Math.max(await markTime(page, "painted"), await markTime(page, "first-paint")));
    await context.close();
  }
  {
    const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(pathToFileURL(firstScreen).href);
    firstScreenStatic.push(Math.max(await markTime(page, "painted"), await markTime(page, "first-paint")));
    await context.close();
  }
  {
    const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(singleFileUrl);
    // Drawn is not yet shown while Chrome holds the frame's commit (as it
    // may while the page is still being parsed): no earlier than the first paint.
    const drawn = await markTime(page, "khanaen-painted");
    painted.push(Math.max(drawn, await markTime(page, "first-paint")));
    readyAt.push(await markTime(page, "khanaen-ready"));
    scored.push(await markTime(page, "khanaen-scored-painted"));
    await context.close();
  }
}
const ratio = median(painted) / median(empty);
console.log(`open to first painted frame of the form (file://, 12 loads): ${spread(painted)}   aim < 150 ms: ${verdict(median(painted) < 150)}`);
console.log(`  empty page to its first painted frame, same run, interleaved: ${spread(empty)}; the form takes ${ratio.toFixed(1)}×   aim < 2×: ${verdict(ratio < 2)}`);
console.log(`  the same form as static HTML, no script (the floor of a script-free first frame): ${spread(asStatic)}, ${(median(asStatic) / median(empty)).toFixed(1)}× the empty page`);
console.log(`  its first screen alone as static HTML (toolbar, unit's details, committee's size): ${spread(firstScreenStatic)}, ${(median(firstScreenStatic) / median(empty)).toFixed(1)}× the empty page`);
console.log(`  (the form built, before style, layout and paint: ${spread(readyAt)})`);
console.log(`  the first painted frame with the core's own scores (the core compiled and the form built again): ${spread(scored)}`);

const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
await page.goto(singleFileUrl);
const form = await ready(page);
const request = example("sorsochot-23-complete");
await fillUnit(form, request.unit);
for (const [id, answer] of Object.entries(request.answers)) await answerIndicator(form, id, answer);
await field(form, "/answers/2").focus();
const times = await page.evaluate(async () => {
  const host = document.querySelector("khanaen-form");
  const input = host.shadowRoot.querySelector('input[data-path="/answers/2"]');
  const points = host.shadowRoot.querySelector('article[data-indicator="2"] output.points');
  const out = [];
  for (let i = 0; i < 200; i += 1) {
    const typed = 40 + (i % 50);
    // Indicator 2: under 50 % earns 1, 50–80 earns 2, above 80 earns 3.
    const expected = typed < 50 ? "1" : typed <= 80 ? "2" : "3";
    out.push(await new Promise((resolve, reject) => requestAnimationFrame(() => {
      const start = performance.now();
      input.value = String(typed);
      input.dispatchEvent(new InputEvent("input", { bubbles: true, data: String(typed).slice(-1) }));
      if (points.dataset.points !== expected) reject(new Error(`${typed} % shows ${points.dataset.points} points, not ${expected}`));
      // Runs once this frame's style, layout and paint are done.
      scheduler.postTask(() => resolve(performance.now() - start), { priority: "user-blocking" });
    })));
  }
  return out;
});
const p50 = median(times);
const p95 = percentile(times, 0.95);
console.log(`keystroke to the next painted frame (200 keystrokes): median ${p50.toFixed(2)} ms   aim < 8: ${verdict(p50 < 8)}; p95 ${p95.toFixed(2)} ms   aim < 16: ${verdict(p95 < 16)}`);
await context.close();
await browser.close();
if (process.env.KEEP_STATIC) console.log(`static copies kept in ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });
