// The single file in Firefox (Debian's firefox-esr, driven over WebDriver
// BiDi by puppeteer-core): it loads from file://, takes Thai digits and
// scores. Safari's engine is checked the same way in webkit.test.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import puppeteer from "puppeteer-core";
import { singleFileUrl } from "./helpers.mjs";

test("Firefox: the single file loads offline and scores", async () => {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX_PATH || "/usr/bin/firefox-esr",
    headless: true,
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(singleFileUrl);
    await page.waitForFunction(() => {
      const bar = document.querySelector("khanaen-form")?.shadowRoot?.querySelector(".scorebar");
      return bar && bar.textContent;
    }, { timeout: 30000 });
    const points = await page.evaluate(() => {
      const root = document.querySelector("khanaen-form").shadowRoot;
      const input = root.querySelector('input[data-path="/answers/1"]');
      input.value = "๗๐";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const six = root.querySelector('input[data-path="/answers/6"][value="fund_raising"]');
      six.click();
      return [
        root.querySelector('article[data-indicator="1"] output.points').textContent,
        root.querySelector('article[data-indicator="6"] output.points').textContent,
        root.querySelector(".scorebar").textContent,
      ];
    });
    assert.deepEqual(points, ["2 คะแนน", "3 คะแนน", "คะแนนสะสม 5 · ยังขาด 21 ข้อ · ยังไม่ได้ระบุครั้งที่ประเมิน: ยังไม่นับในสรุปผล"]);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
