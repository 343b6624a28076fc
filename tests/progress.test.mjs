// The district progress report (seed 001) in the single file: filled as a
// district officer would, item (5) from the district's assessments in this
// browser, JSON and CSV downloads, the A4 print read back from PDF, and a
// province adding the districts' reports up.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, offlinePage } from "./browser.mjs";
import { singleFileUrl, root, example, downloadOf } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openProgress(stored = {}) {
  const opened = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
  const errors = [];
  opened.page.on("pageerror", (e) => errors.push(e.message));
  await opened.page.goto(`${singleFileUrl}#progress`);
  await opened.page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text);
  }, stored);
  await opened.page.reload();
  const view = opened.page.locator("khanaen-progress");
  await view.locator("#progress-district").waitFor();
  return { ...opened, view, errors };
}

const tambon = (name, overrides = {}) => {
  const request = structuredClone(example("sorsochot-23-complete"));
  request.unit.tambon = name;
  Object.assign(request.unit, overrides);
  return { savedAt: "2024-11-20T00:00:00.000Z", request };
};

test("a district fills its progress report: Thai digits, a bad count named, item (5) from its assessments, kept after a reload", async () => {
  const incomplete = tambon("ธาตุ");
  delete incomplete.request.answers["1"];
  const drafts = {
    a: tambon("บุ่งไหม"), b: tambon("ต.คำน้ำแซบ"), c: tambon("บุ่งไหม", { round: 2, date: "2567-06-10" }),
    d: incomplete, e: tambon("ในเมือง", { district: "เมืองอุบลราชธานี" }),
  };
  const { page, view, context, errors } = await openProgress({ "khanaen.drafts.v1": JSON.stringify(drafts) });
  await view.locator("#progress-province").fill("อุบลราชธานี");
  await view.locator("#progress-district").fill("อ.วารินชำราบ");
  await view.locator("#progress-fiscal-year").fill("๒๕๖๗");
  await view.locator("#count-1-tambon-count").fill("๑๖");
  await view.locator("#count-1-tambon-people").fill("1,005");
  await view.locator("#count-6-activities").fill("-3");
  assert.match(await view.locator('[data-error-for="/counts/6.activities"]').textContent(), /ข้อ \(6\) จำนวนกิจกรรม/);
  await view.locator("#count-6-activities").fill("40");
  assert.equal(await view.locator('[data-error-for="/counts/6.activities"]').textContent(), "");
  // Item (5): complete ศอช.ต. assessments of this district and fiscal year, each tambon once.
  await view.locator("#fill-item-5").click();
  assert.equal(await view.locator("#count-5-tambon").inputValue(), "2");
  assert.match(await view.locator(".notice").textContent(), /2 ตำบล/);
  await view.locator("#progress-problems").fill("งบประมาณจำกัด\nกรรมการย้ายถิ่น");
  await view.locator("#progress-reporter").fill("นางสาวสมศรี ใจดี");
  await page.reload();
  await view.locator("#progress-district").waitFor();
  assert.equal(await view.locator("#count-1-tambon-count").inputValue(), "๑๖", "kept in the browser");
  assert.match(await view.locator(".status").textContent(), /ยังไม่ได้กรอก 21 ช่อง/);

  const json = JSON.parse((await downloadOf(page, view, "progress-json")).bytes.toString("utf8"));
  assert.equal(json.form, "sorsochot-progress");
  assert.equal(json.counts["5.tambon"], "2");
  const csv = await downloadOf(page, view, "progress-csv");
  assert.equal(csv.name, "ความก้าวหน้า_ศอช_อ.วารินชำราบ_ปีงบ2567.csv");
  const text = csv.bytes.toString("utf8");
  assert.ok(text.startsWith("\uFEFFจังหวัด,อำเภอ,ปีงบประมาณ,ข้อ,รายการ,จำนวน\r\n"));
  assert.match(text, /,1,[^\r\n]*ตำบล \(จำนวนคน\),1005\r\n/);
  assert.match(text, /ปัญหาและอุปสรรค,"งบประมาณจำกัด\nกรรมการย้ายถิ่น",/);

  // On A4, like the seed's form, read back from the PDF.
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const out = join(root, "dist/test-output");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "progress.pdf"), pdf);
  const printed = execFileSync("pdftotext", ["-layout", join(out, "progress.pdf"), "-"], { encoding: "utf8" });
  for (const expected of ["แบบประเมินผลความก้าวหน้า", "อำเภอ วารินชำราบ", "อุบลราชธานี", "1005", "งบประมาณจำกัด", "นางสาวสมศรี ใจดี"]) {
    assert.ok(printed.includes(expected), `the print has “${expected}”`);
  }
  assert.ok(!printed.includes("ดาวน์โหลด JSON"), "no controls in the print");
  await page.screenshot({ path: join(out, "progress-tablet.png"), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a province adds its districts' reports up; a file that is not a report is named and left out", async () => {
  const { page, view, context } = await openProgress();
  const report = (district, counts) => Buffer.from(JSON.stringify({ form: "sorsochot-progress", unit: { province: "อุบลราชธานี", district }, counts }));
  await view.locator("#progress-files").setInputFiles([
    { name: "warin.json", mimeType: "application/json", buffer: report("วารินชำราบ", { "5.tambon": "16", "6.activities": "40" }) },
    { name: "mueang.json", mimeType: "application/json", buffer: report("เมือง", { "5.tambon": "๑๑" }) },
    { name: "result.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(example("sorsochot-23-complete"))) },
  ]);
  await view.locator(".progress-sum-table").waitFor();
  const row = (id) => view.locator(`.progress-sum-table tr[data-row="${id}"] td.num`).textContent();
  assert.equal(await row("5.tambon"), "27");
  assert.equal(await row("6.activities"), "40");
  assert.match(await view.locator(".progress-sum").textContent(), /รวม 2 อำเภอ: วารินชำราบ \(อุบลราชธานี\), เมือง \(อุบลราชธานี\)/);
  assert.match(await view.locator("#progress-sum-notes").textContent(), /result\.json: ไม่ใช่ไฟล์แบบรายงานความก้าวหน้า/);
  const csv = (await downloadOf(page, view, "progress-sum-csv")).bytes.toString("utf8");
  assert.match(csv, /\r\nอุบลราชธานี,รวม 2 อำเภอ,,5,[^\r\n]*จำนวนตำบล,27\r\n/);
  // A district opened again replaces its earlier file; a report of another year is said.
  const again = (district, counts, fiscal_year) => Buffer.from(JSON.stringify({ form: "sorsochot-progress", unit: { province: "อุบลราชธานี", district, fiscal_year }, counts }));
  await view.locator("#progress-files").setInputFiles([
    { name: "warin-2.json", mimeType: "application/json", buffer: report("วารินชำราบ", { "5.tambon": "17" }) },
    { name: "det.json", mimeType: "application/json", buffer: again("เดชอุดม", { "5.tambon": "5" }, "2566") },
  ]);
  await view.locator(".progress-sum", { hasText: "รวม 3 อำเภอ" }).waitFor();
  assert.equal(await row("5.tambon"), "33", "17 + 11 + 5: Warin's first report replaced");
  assert.match(await view.locator("#progress-sum-notes").textContent(), /warin-2\.json: เปิดซ้ำ/);
  assert.match(await view.locator(".progress-sum").textContent(), /ต่างปีงบประมาณ \(–, 2566\)/);
  await context.close();
});

test("a stored report that cannot be read is kept aside, downloadable, never written over; with storage full it stays where it was", async () => {
  // Of a report's shape but for its counts, a list: set aside too, not reshaped.
  const misshapen = JSON.stringify({ form: "sorsochot-progress", counts: [12] });
  const shaped = await openProgress({ "khanaen.progress.v1": misshapen });
  assert.match(await shaped.view.locator("#progress-aside").textContent(), /เก็บแยกไว้ 1 รายการ/);
  await shaped.context.close();
  const broken = "{\"form\": \"sorsochot-progress\", \"counts\": {\"1.tambon.count\": \"12\"";
  const { page, view, context, errors } = await openProgress({ "khanaen.progress.v1": broken });
  const aside = view.locator("#progress-aside");
  assert.match(await aside.textContent(), /เก็บแยกไว้ 1 รายการ/);
  const kept = await downloadOf(page, view, "progress-aside-0");
  assert.equal(kept.bytes.toString("utf8"), broken, "the text as it was stored");
  // Typing keeps a new report; the unreadable one stays aside.
  await view.locator("#progress-district").fill("วารินชำราบ");
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  assert.equal(JSON.parse(stored["khanaen.progress.v1"]).unit.district, "วารินชำราบ");
  assert.deepEqual(Object.entries(stored).filter(([k]) => k.startsWith("khanaen.progress.v1.aside.")).map(([, v]) => v), [broken]);
  // Discarded only when asked, after a confirmation.
  page.once("dialog", (d) => d.accept());
  await aside.getByRole("button", { name: "ลบทิ้ง" }).click();
  await aside.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(".aside.")).length), 0);
  assert.deepEqual(errors, []);
  await context.close();

  // Storage refusing every write: the unreadable report is not moved, not overwritten, not cleared.
  const full = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const fullPage = await full.newPage();
  await fullPage.goto(`${singleFileUrl}#progress`);
  await fullPage.evaluate((text) => { localStorage.clear(); localStorage.setItem("khanaen.progress.v1", text); }, broken);
  await full.addInitScript(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException("full", "QuotaExceededError"); };
  });
  await fullPage.reload();
  const fullView = fullPage.locator("khanaen-progress");
  await fullView.locator("#progress-district").fill("วารินชำราบ");
  assert.match(await fullView.locator("#progress-aside").textContent(), /สิ่งที่กรอกตอนนี้จะไม่ถูกบันทึก/);
  assert.equal((await downloadOf(fullPage, fullView, "progress-aside-0")).bytes.toString("utf8"), broken);
  fullPage.once("dialog", (d) => d.accept());
  await fullView.locator("#progress-clear").click();
  assert.equal(await fullPage.evaluate(() => localStorage.getItem("khanaen.progress.v1")), broken, "still there, as it was");
  await full.close();
});
