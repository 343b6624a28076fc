// A rubric of one's own in the page (issue 8; SPEC §4, มชช.), in headless
// Chromium from file://: opened, filled, downloaded as JSON and CSV; the
// JSON re-opened in a fresh browser profile without the rubric file gives
// the identical result; a rubric that would shadow a built-in, or that
// fails validation, is refused in the user's language; the rubric is kept
// with the drafts and can be removed; the before/after comparison of the
// example district in the summary view.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, offlinePage } from "./browser.mjs";
import { singleFileUrl, root, ready, fillUnit, answerIndicator, downloadOf } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const rubricFile = join(root, "examples/rubrics/mchch-leader.json");
const exampleBefore = JSON.parse(readFileSync(join(root, "examples/collections/mchch-lat-yao/before/leader.json"), "utf8"));
const scratch = mkdtempSync(join(tmpdir(), "khanaen-rubrics-"));

async function open(options) {
  const opened = await offlinePage(browser, options);
  const errors = [];
  opened.page.on("pageerror", (e) => errors.push(e.message));
  opened.page.on("dialog", (d) => d.accept());
  await opened.page.goto(singleFileUrl);
  const form = await ready(opened.page);
  return { ...opened, form, errors };
}

const notice = (form) => form.locator(".error.general li.notice");

test("a rubric of one's own: opened, filled, exported; re-opened elsewhere without the rubric file, identical", async () => {
  const { page, form, context, errors, network } = await open({ viewport: { width: 768, height: 1024 } });
  await form.locator("#open-rubric").setInputFiles(rubricFile);
  await notice(form).waitFor();
  assert.match(await notice(form).textContent(), /เปิดเกณฑ์ “ตัวอย่างเกณฑ์ มชช\./);
  assert.equal(await form.locator("#framework").inputValue(), "example-mchch-leader");
  assert.match(await form.locator("#framework option:checked").textContent(), /\(เกณฑ์ของหน่วยงาน\)$/);
  assert.equal(await form.locator("article[data-indicator]").count(), 4);

  const { unit, answers } = exampleBefore.request;
  await fillUnit(form, unit);
  for (const [id, answer] of Object.entries(answers)) await answerIndicator(form, id, answer);
  assert.match(await form.locator(".summary .total").textContent(), /5\/12 · ระดับ 1 ต้องพัฒนา/);
  await page.screenshot({ path: join(root, "dist/test-output/rubric-own-tablet.png"), fullPage: false });

  const json = await downloadOf(page, form, "download-json");
  const exported = JSON.parse(json.bytes.toString("utf8"));
  assert.equal(exported.framework.own, true);
  assert.equal(exported.rubric.id, "example-mchch-leader");
  // Typed through the form, the result is the example district's file but for the edition the form names.
  assert.deepEqual(exported.scores, exampleBefore.scores);
  assert.deepEqual(exported.unit, exampleBefore.unit);
  assert.deepEqual(exported.rubric, exampleBefore.rubric);
  const csv = (await downloadOf(page, form, "download-csv")).bytes.toString("utf8");
  assert.match(csv, /example-mchch-leader/);
  assert.match(csv, /การเข้ารับการอบรมหรือศึกษาดูงานในรอบปี/);
  assert.match(csv, /ระดับ,,,,,,,1,,,,ต้องพัฒนา/);

  // The summary view adds this browser's drafts with one click, scored with the kept rubric.
  await page.waitForTimeout(400);
  await page.goto(`${singleFileUrl}#summary`);
  const view = page.locator("khanaen-summary");
  await view.locator("#add-drafts:not([disabled])").click();
  await view.locator("table.units").waitFor();
  assert.equal(await view.locator(".problems li").count(), 0);
  assert.match(await view.locator("table.units tbody").textContent(), /นายสมชาย ใจดี/);
  // Kept with the drafts: after a reload the rubric is listed and the draft opens.
  await page.goto("about:blank");
  await page.goto(singleFileUrl);
  const again = await ready(page);
  assert.equal(await again.locator("#framework").inputValue(), "example-mchch-leader");
  assert.match(await again.locator(".summary .total").textContent(), /5\/12/);
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
  await context.close();

  // Another tablet: a fresh profile, no rubric kept; the downloaded file alone.
  const elsewhere = await open();
  const file = join(scratch, json.name);
  writeFileSync(file, json.bytes);
  await elsewhere.form.locator("#open-json").setInputFiles(file);
  await notice(elsewhere.form).waitFor();
  assert.match(await notice(elsewhere.form).textContent(), /มีเกณฑ์ “ตัวอย่างเกณฑ์ มชช\..*แนบมา/);
  assert.equal(await elsewhere.form.locator("#framework").inputValue(), "example-mchch-leader");
  const reexported = await downloadOf(elsewhere.page, elsewhere.form, "download-json");
  assert.equal(reexported.bytes.toString("utf8"), json.bytes.toString("utf8"), "the identical result, byte for byte");
  // The rubric can be removed; its draft stays, listed as one that cannot be opened without it.
  await elsewhere.form.locator("#remove-rubric").click();
  await elsewhere.page.waitForFunction(() => document.querySelector("khanaen-form").request.framework === "sorsochot-23");
  assert.equal(await elsewhere.form.locator('#framework option[value="example-mchch-leader"]').count(), 0);
  assert.deepEqual(elsewhere.errors, []);
  await elsewhere.context.close();
});

test("rubrics that cannot be used are refused with where and what, in the user's language; the form stays", async () => {
  const { page, form, context, errors } = await open();
  await answerIndicator(form, "1", "65");
  const write = (name, value) => {
    const path = join(scratch, name);
    writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
    return path;
  };
  const rubric = JSON.parse(readFileSync(rubricFile, "utf8"));
  const shadow = { ...rubric, id: "sorsochot-23" };
  await form.locator("#open-rubric").setInputFiles(write("shadow.json", shadow));
  await form.locator(".error.general li").waitFor();
  assert.match(await form.locator(".error.general").textContent(), /ใช้เกณฑ์นี้ไม่ได้: .*“sorsochot-23” ซ้ำกับเกณฑ์ในเครื่องมือ/);
  // A typo in a field's name: refused at the path to it, with the fields the format has.
  const typo = structuredClone(rubric);
  typo.rubric.banded.categories[0].indicators[1].bandz = typo.rubric.banded.categories[0].indicators[1].bands;
  await form.locator("#open-rubric").setInputFiles(write("typo.json", JSON.stringify(typo, null, 2)));
  await page.waitForFunction(() => /bandz/.test(document.querySelector("khanaen-form").shadowRoot.querySelector(".error.general").textContent));
  assert.match(await form.locator(".error.general").textContent(), /ที่ rubric\.banded\.categories\.0\.indicators\.1 \(บรรทัด \d+ คอลัมน์ \d+\): ไม่มีช่อง “bandz” ในรูปแบบไฟล์ \(มี: id, name, input, unit, choices, bands, cases\)/);
  await form.locator(".error.general").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(root, "dist/test-output/rubric-typo-refused.png") });
  // In English, a rubric whose total would overflow, named with its place.
  await form.evaluate((el) => el.setAttribute("lang", "en"));
  const huge = structuredClone(rubric);
  huge.rubric.banded.categories[0].indicators[0].bands[2].points = 4294967295;
  huge.rubric.banded.categories[0].indicators[0].cases = [];
  await form.locator("#open-rubric").setInputFiles(write("huge.json", huge));
  await page.waitForFunction(() => /larger than points can count/.test(document.querySelector("khanaen-form").shadowRoot.querySelector(".error.general").textContent));
  assert.match(await form.locator(".error.general").textContent(), /This rubric cannot be used: framework “example-mchch-leader” is invalid at indicators/);
  await form.locator("#open-rubric").setInputFiles(write("broken.json", "{ not json"));
  await page.waitForFunction(() => /line 1/.test(document.querySelector("khanaen-form").shadowRoot.querySelector(".error.general").textContent));
  // Nothing was kept, and what was typed is still there.
  assert.equal(await form.locator('#framework option[value="example-mchch-leader"]').count(), 0);
  assert.equal(await form.locator('input[data-path="/answers/1"]').inputValue(), "65");
  assert.deepEqual(errors, []);
  await context.close();
});

test("มชช. before and after: the example district's eight files in the summary view, round 1 against round 2", async () => {
  const { page, context, network } = await offlinePage(browser, { viewport: { width: 1366, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${singleFileUrl}#summary`);
  const view = page.locator("khanaen-summary");
  await view.locator(".status:not(:empty)").waitFor();
  const dir = join(root, "examples/collections/mchch-lat-yao");
  const files = ["before", "after"].flatMap((side) => readdirSync(join(dir, side)).map((f) => join(dir, side, f)));
  assert.equal(files.length, 8);
  await view.locator("#summary-files").setInputFiles(files);
  await view.locator("table.levels").waitFor();
  assert.equal(await view.locator(".problems li").count(), 0);
  const labels = await view.locator("#summary-round option").allTextContents();
  const leaderAfter = labels.find((l) => /ครั้งที่ 2 · ตัวอย่างเกณฑ์ มชช\..*ผู้นำชุมชน/.test(l));
  assert.ok(leaderAfter, labels.join(" | "));
  await view.locator("#summary-round").selectOption({ label: leaderAfter });
  const comparison = view.locator("section.comparison");
  await comparison.locator("table.pairs").waitFor();
  assert.match(await comparison.locator("#compare-before option:checked").textContent(), /ครั้งที่ 1/);
  assert.match(await comparison.locator(".moves").textContent(), /ระดับสูงขึ้น 1 · คงเดิม 0 · ระดับลดลง 0/);
  const row = await comparison.locator("table.pairs tbody tr").first().locator("td, th").allTextContents();
  assert.deepEqual(row.slice(1, 5).map((c) => c.trim()), ["5", "12", "+7", "1 → 3"]);
  // The round's sheet and its blank sheet, with the rubric the files brought.
  const sheet = (await downloadOf(page, view, "download-sheet")).bytes.toString("utf8");
  assert.match(sheet, /^\uFEFFเกณฑ์การประเมิน,.*\r\nexample-mchch-leader,/s);
  const template = (await downloadOf(page, view, "download-template")).bytes.toString("utf8");
  assert.match(template, /^\uFEFFเกณฑ์การประเมิน,.*\r\nexample-mchch-leader,/s);
  await page.screenshot({ path: join(root, "dist/test-output/rubric-mchch-comparison.png"), fullPage: true });
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a rubric of one's own travels in the drafts backup, opens when storage is full, and a sent result does not change after", async () => {
  const { page, form, context, errors } = await open();
  await page.evaluate(() => document.querySelector("khanaen-form").addEventListener("khanaen-result",
    (e) => { if (!window.firstResult) window.firstResult = e.detail.result; }));
  await form.locator("#open-rubric").setInputFiles(rubricFile);
  await notice(form).waitFor();
  await fillUnit(form, { organisation: "นายสมชาย ใจดี", round: 1, date: "15 พ.ค. 2561" });
  await page.evaluate(() => { window.firstResult = null; });
  await answerIndicator(form, "3", "55");
  await answerIndicator(form, "3", "90");
  // The first result sent is as it was scored: its request is its own, not the form's.
  const first = await page.evaluate(() => window.firstResult.request.answers["3"]);
  assert.equal(first, "55", "the request as that result was scored, not the form's later one");
  await page.waitForTimeout(400);
  const backup = await downloadOf(page, form, "backup-drafts");
  assert.equal(JSON.parse(backup.bytes.toString("utf8")).rubrics.length, 1, "the rubric travels with the drafts");
  const json = await downloadOf(page, form, "download-json");
  assert.deepEqual(errors, []);
  await context.close();

  // A new tablet restores the backup: the rubric comes back, and the draft opens with it.
  const restored = await open();
  await restored.form.locator("#restore-drafts").setInputFiles({ name: backup.name, mimeType: "application/json", buffer: backup.bytes });
  // Listed at once by its unit, then (a frame later) with its score: " · ".
  await restored.page.waitForFunction(() => [...document.querySelector("khanaen-form").shadowRoot.querySelectorAll("#drafts option")]
    .some((o) => o.textContent.includes("นายสมชาย") && o.textContent.includes(" · ")));
  const label = (await restored.form.locator("#drafts option").allTextContents()).find((o) => o.includes("นายสมชาย"));
  assert.doesNotMatch(label, /เปิดไม่ได้/);
  await restored.form.locator("#drafts").selectOption({ label });
  await restored.page.waitForFunction(() => document.querySelector("khanaen-form").request.framework === "example-mchch-leader");
  assert.equal(await restored.form.locator('input[data-path="/answers/3"]').inputValue(), "90");
  assert.deepEqual(restored.errors, []);
  await restored.context.close();

  // Storage full: the file still opens, for this tab, and says so.
  const full = await open();
  await full.page.evaluate(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException("full", "QuotaExceededError"); };
  });
  const file = join(scratch, `full-${json.name}`);
  writeFileSync(file, json.bytes);
  await full.form.locator("#open-json").setInputFiles(file);
  await full.page.waitForFunction(() => document.querySelector("khanaen-form").request.framework === "example-mchch-leader");
  assert.match(await full.form.locator(".error.general").textContent(), /เปิดใช้ได้ในแท็บนี้เท่านั้น/);
  assert.match(await full.form.locator(".summary .total").textContent(), /คะแนนสะสม|คะแนนรวม/);
  // Switching language rebuilds the form with the rubric open in this tab.
  await full.form.locator("button[lang=en]").click();
  await full.page.waitForFunction(() => document.querySelector("khanaen-form").getAttribute("lang") === "en");
  assert.equal(await full.form.locator("#framework").inputValue(), "example-mchch-leader");
  assert.deepEqual(full.errors, []);
  await full.context.close();
});
