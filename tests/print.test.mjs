// The printed report: rendered to an A4 PDF in headless Chromium, its text
// read back with pdftotext, and its first page kept as a PNG to look at.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, offlinePage } from "./browser.mjs";
import { root, singleFileUrl, example, ready, fillUnit, answerIndicator } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("prints the per-tambon report on A4 with the unit, the total and the level", async () => {
  const { page, context } = await offlinePage(browser);
  await page.goto(singleFileUrl);
  const form = await ready(page);
  const request = example("sorsochot-23-complete");
  await fillUnit(form, request.unit);
  for (const [id, answer] of Object.entries(request.answers)) await answerIndicator(form, id, answer);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const out = join(root, "dist/test-output");
  mkdirSync(out, { recursive: true });
  const file = join(out, "report.pdf");
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const pages = execFileSync("pdfinfo", [file], { encoding: "utf8" }).match(/Pages:\s+(\d+)/)[1];
  assert.ok(Number(pages) >= 1 && Number(pages) <= 3, `pages: ${pages}`);
  assert.match(execFileSync("pdfinfo", [file], { encoding: "utf8" }), /Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  for (const expected of ["แบบรายงานประเมินผล", "บุ่งไหม", "วารินชำราบ", "อุบลราชธานี", "20 พ.ย. 2566", "2567", "คะแนนรวม: 59 / 69", "ระดับ: 3 เข้มแข็ง", "นางสาวสมศรี ใจดี", "ลงชื่อ"]) {
    assert.ok(text.includes(expected), `PDF text has “${expected}”`);
  }
  // The form's own controls do not print.
  assert.ok(!text.includes("ดาวน์โหลด JSON"));
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(out, "report")]);
  await context.close();
});
