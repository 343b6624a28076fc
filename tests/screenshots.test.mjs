// Screenshots to look at: tablet portrait (768×1024) and laptop (1366×768),
// Thai and English, a filled ศอช.ต. form. Written to dist/test-output/. Also
// checks the tablet rules: touch targets of 44 px, inputs of 16 px, numeric
// keypads, and no horizontal scrolling.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, offlinePage } from "./browser.mjs";
import { root, singleFileUrl, example, ready, fillUnit, answerIndicator } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = join(root, "dist/test-output");

for (const [device, viewport] of [["tablet", { width: 768, height: 1024 }], ["laptop", { width: 1366, height: 768 }]]) {
  for (const lang of ["th", "en"]) {
    test(`${device} ${lang}: screenshot, touch targets, font sizes, keypads`, async () => {
      mkdirSync(out, { recursive: true });
      const { page, context } = await offlinePage(browser, { viewport, hasTouch: device === "tablet" });
      await page.goto(singleFileUrl);
      const form = await ready(page);
      const request = example("sorsochot-23-complete");
      await fillUnit(form, request.unit);
      for (const [id, answer] of Object.entries(request.answers).slice(0, 8)) await answerIndicator(form, id, answer);
      await answerIndicator(form, "9", "abc");
      if (lang === "en") await form.getByRole("button", { name: "English" }).click();
      await page.screenshot({ path: join(out, `${device}-${lang}.png`) });
      // Indicators off screen are not rendered (content-visibility: auto)
      // until the frame after a jump brings them near: the shot is of that
      // frame, as the officer sees it, not of the blank one before it.
      const scrollTo = async (target) => {
        await target.scrollIntoViewIfNeeded();
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      };
      const nine = form.locator('article[data-indicator="9"]');
      await scrollTo(nine);
      assert.match(await nine.innerText(), /9\./, "indicator 9 is rendered once scrolled to");
      await page.screenshot({ path: join(out, `${device}-${lang}-indicators.png`) });
      await scrollTo(form.locator(".summary"));
      await page.screenshot({ path: join(out, `${device}-${lang}-summary.png`) });

      const report = await form.evaluate((host) => {
        const root = host.shadowRoot;
        const small = [];
        for (const el of root.querySelectorAll("input[type=text], select, button, label.choice, label.button")) {
          const box = el.getBoundingClientRect();
          if (box.width && box.height < 44) small.push(`${el.tagName}${el.id ? `#${el.id}` : ""} ${Math.round(box.height)}px`);
        }
        const tinyFont = [...root.querySelectorAll("input, select")]
          .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 16).map((el) => el.id || el.dataset.path);
        const numeric = [...root.querySelectorAll('input[type=text][data-path^="/answers/"]:not([data-path$=".name"])')]
          .filter((el) => !["decimal", "numeric"].includes(el.inputMode)).map((el) => el.dataset.path);
        const unlabelled = [...root.querySelectorAll("input, select")]
          .filter((el) => el.type !== "file" && !(el.labels && el.labels.length)).map((el) => el.id || el.dataset.path);
        return { small, tinyFont, numeric, unlabelled, scrollX: document.documentElement.scrollWidth > window.innerWidth };
      });
      assert.deepEqual(report.small, [], "touch targets of at least 44 px");
      assert.deepEqual(report.tinyFont, [], "inputs at 16 px or more");
      assert.deepEqual(report.numeric, [], "number fields bring up a numeric keypad");
      assert.deepEqual(report.unlabelled, [], "every field labelled");
      assert.equal(report.scrollX, false, "no horizontal scrolling");
      await context.close();
    });
  }
}
