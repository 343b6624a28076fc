// Keyboard alone completes the whole form; axe-core finds no serious or
// critical violation, in Thai and English, for every framework.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { launch, offlinePage } from "./browser.mjs";
import { singleFileUrl, example, ready } from "./helpers.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** What has focus, looking through the shadow root. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName, type: el.type || "", id: el.id, value: el.value, checked: el.checked,
      path: el.dataset ? el.dataset.path || "" : "",
      article: el.closest("article")?.dataset.indicator || "",
      mode: Boolean(el.closest("fieldset.mode")),
    };
  });
}

test("the whole ศอช.ต. form completes by keyboard alone", async () => {
  const { page, context } = await offlinePage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(singleFileUrl);
  const form = await ready(page);
  const request = example("sorsochot-23-complete");
  const done = new Set();
  const visited = new Set();
  for (let step = 0; step < 600 && done.size < 23; step += 1) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f) continue;
    const answerId = f.path.startsWith("/answers/") ? f.path.split("/")[2] : f.article;
    const answer = request.answers[answerId];
    if (f.tag === "INPUT" && f.type === "text" && f.path.startsWith("/unit/")) {
      const value = request.unit[f.path.slice("/unit/".length)];
      if (value !== undefined && !visited.has(f.path)) {
        await page.keyboard.type(String(value));
        visited.add(f.path);
      }
    } else if (f.tag === "SELECT" && f.id === "unit-round") {
      await page.keyboard.press("ArrowDown");
    } else if (f.mode && answer !== undefined && typeof answer === "object" && !visited.has(`mode ${answerId}`)) {
      // The percentage/counts switch: arrow from "percentage" to "from counts".
      await page.keyboard.press("ArrowRight");
      visited.add(`mode ${answerId}`);
    } else if (f.type === "text" && answer !== undefined) {
      const part = f.path.split("/")[3];
      const value = typeof answer === "object" ? answer[part] : answer;
      if (!visited.has(f.path)) {
        await page.keyboard.type(String(value));
        visited.add(f.path);
      }
      if (typeof answer !== "object" || part === "denominator") done.add(answerId);
    } else if (f.type === "radio" && f.path === `/answers/${answerId}` && answer !== undefined) {
      for (let i = 0; i < 4 && (await focused(page)).value !== answer; i += 1) await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Space");
      done.add(answerId);
    }
  }
  assert.equal(done.size, 23, `answered by keyboard: ${[...done].join(",")}`);
  assert.match(await form.locator(".summary .total").textContent(), /คะแนนรวม 59\/69 · ระดับ 3 เข้มแข็ง/);
  assert.equal(await form.locator("#unit-tambon").inputValue(), "บุ่งไหม");
  await context.close();
});

for (const lang of ["th", "en"]) {
  test(`axe-core: no serious or critical violation (${lang})`, async () => {
    const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(singleFileUrl);
    const form = await ready(page);
    if (lang === "en") await form.getByRole("button", { name: "English" }).click();
    await page.addScriptTag({ content: axeSource });
    for (const framework of ["sorsochot-23", "kpi-3.2", "codi-value-for-money"]) {
      await form.locator("#framework").selectOption(framework);
      if (framework === "kpi-3.2") await form.locator('article[data-item="3.2"] fieldset.mode label.choice').nth(1).click();
      if (framework === "codi-value-for-money") await form.locator('article[data-item="2.1.1"] fieldset.mode label.choice').nth(1).click();
      // Some wrong values too, so error states are checked.
      const first = form.locator('input[type="text"][data-path^="/answers/"]').first();
      await first.fill("abc");
      const results = await page.evaluate(async () => window.axe.run(document, { resultTypes: ["violations"] }));
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0].target})`), [], framework);
    }
    await context.close();
  });
}
