// The single file paints the form before its WebAssembly has compiled (the
// first frame, built from what the core gave at build time), and what the
// officer types meanwhile is kept and scored once the core is here. The
// core is held back in these tests: WebAssembly.compileStreaming waits for
// the test to let it go.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, offlinePage } from "./browser.mjs";
import { singleFileUrl, ready, indicator, field } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The single file with its core held back until `release(page)`. */
async function openHeldBack() {
  const opened = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
  const errors = [];
  opened.page.on("pageerror", (e) => errors.push(e.message));
  await opened.page.addInitScript(() => {
    const compile = WebAssembly.compileStreaming;
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    window.releaseCore = release;
    WebAssembly.compileStreaming = (...args) => released.then(() => compile.apply(WebAssembly, args));
    // What the first painted frame showed, taken when the form marks it.
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === "khanaen-painted") {
        const root = document.querySelector("khanaen-form").shadowRoot;
        window.firstFrameShown = { height: document.documentElement.scrollHeight, indicators: root.querySelectorAll("article[data-indicator]").length };
      }
      return mark(name, ...rest);
    };
  });
  await opened.page.goto(singleFileUrl);
  await opened.page.waitForFunction(() => performance.getEntriesByName("khanaen-painted").length > 0);
  return { ...opened, errors, form: opened.page.locator("khanaen-form") };
}
const release = (page) => page.evaluate(() => window.releaseCore());

test("the form is on screen before the core, typing meanwhile is kept and scored, the caret stays", async () => {
  const { page, form, context, errors } = await openHeldBack();
  assert.equal(await page.evaluate(() => performance.getEntriesByName("khanaen-wasm-instantiated").length), 0, "the core is held back");
  // The first frame shows the first screen, a block standing in for what is
  // below it (built right after that frame) so the page keeps about its length.
  const shown = await page.evaluate(() => window.firstFrameShown);
  assert.equal(shown.indicators, 0, "the indicators are built after the first frame");
  await page.waitForFunction(() => document.querySelector("khanaen-form").shadowRoot.querySelectorAll("article[data-indicator]").length > 0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(Math.abs(shown.height - height) < height * 0.25, `${shown.height} px at the first frame, ${height} px built`);
  // The whole form of the default framework, its outputs as a blank assessment's.
  assert.equal(await form.locator("article[data-indicator]").count(), 23);
  assert.equal(await indicator(form, "2").locator("output.points").textContent(), "ยังไม่ได้ให้คะแนน");
  // No score bar, report or result event before the core's own result; its actions wait for it.
  assert.equal(await form.locator(".scorebar").textContent(), "");
  assert.equal(await form.locator(".toolbar").getAttribute("inert"), "");
  await form.locator("#unit-tambon").fill("บุ่งไหม");
  await field(form, "/answers/2").fill("85");
  assert.equal(await indicator(form, "2").locator("output.points").textContent(), "ยังไม่ได้ให้คะแนน", "scored once the core is here");

  await release(page);
  await ready(page);
  assert.equal(await indicator(form, "2").locator("output.points").textContent(), "3 คะแนน");
  assert.equal(await form.locator("#unit-tambon").inputValue(), "บุ่งไหม");
  assert.equal(await form.locator(".toolbar").getAttribute("inert"), null);
  // Still typing in the same field: the focus and caret were kept across the rebuild.
  await page.keyboard.type("0");
  assert.equal(await field(form, "/answers/2").inputValue(), "850");
  await page.keyboard.press("Backspace");
  assert.equal(await indicator(form, "2").locator("output.points").textContent(), "3 คะแนน");
  // What was typed became a draft, listed with its score.
  await page.waitForFunction(() => localStorage.getItem("khanaen.active.v1"));
  assert.match(await form.locator("#drafts option:checked").textContent(), /บุ่งไหม/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft to restore is not painted blank first: the form waits for the core", async () => {
  const { page, form, context, errors } = await openHeldBack();
  await release(page);
  await ready(page);
  await form.locator("#unit-tambon").fill("โนนผึ้ง");
  await field(form, "/answers/2").fill("60");
  await page.waitForFunction(() => localStorage.getItem("khanaen.active.v1"));
  await page.waitForTimeout(400);
  // Opened again in the same browser: the active draft.
  const again = await context.newPage();
  await again.addInitScript(() => {
    const compile = WebAssembly.compileStreaming;
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    window.releaseCore = release;
    WebAssembly.compileStreaming = (...args) => released.then(() => compile.apply(WebAssembly, args));
  });
  await again.goto(singleFileUrl);
  await again.waitForTimeout(300);
  const shown = again.locator("khanaen-form");
  assert.equal(await shown.locator("article[data-indicator]").count(), 0, "no blank form before the draft");
  assert.equal(await again.evaluate(() => performance.getEntriesByName("khanaen-painted").length), 0);
  await release(again);
  await ready(again);
  assert.equal(await shown.locator("#unit-tambon").inputValue(), "โนนผึ้ง");
  assert.equal(await indicator(shown, "2").locator("output.points").textContent(), "2 คะแนน");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a page asking for another framework does not paint the default one first", async () => {
  const { page, context } = await openHeldBack();
  await release(page);
  await ready(page);
  // The ES-module build and portals have no first frame; here the attribute decides.
  const painted = await page.evaluate(async () => {
    const element = document.createElement("khanaen-form");
    element.setAttribute("framework", "kpi-3.2");
    document.body.append(element);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return [...element.shadowRoot.querySelectorAll("article[data-item]")].length > 0
      && element.shadowRoot.querySelector("#framework").value;
  });
  assert.equal(painted, "kpi-3.2");
  await context.close();
});

test("the committee's size used before the core is here: no error, and the indicators show counts once it is", async () => {
  const { page, form, context, errors } = await openHeldBack();
  await form.locator("#shared-committee").fill("20");
  await form.locator("#use-shared-committee").click();
  assert.equal(await form.locator(".error.general").textContent(), "", "no error while the core is held back");
  await release(page);
  await ready(page);
  await form.locator("#shared-committee-note").filter({ hasText: "1" }).waitFor();
  for (const id of ["1", "20", "21", "22", "23"]) {
    assert.equal(await field(form, `/answers/${id}/denominator`).inputValue(), "20", `indicator ${id}`);
  }
  assert.equal(await form.locator(".error.general").textContent(), "");
  assert.deepEqual(errors, []);
  await context.close();
});
