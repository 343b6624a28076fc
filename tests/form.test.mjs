// End to end, in headless Chromium: the single file opened from file://
// with every http(s) request aborted and counted.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, offlinePage } from "./browser.mjs";
import {
  singleFileUrl, root, example, snapshot, ready, indicator, item, field, fillUnit,
  answerIndicator, currentRequest, downloadOf,
} from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(options) {
  const opened = await offlinePage(browser, options);
  const errors = [];
  opened.page.on("pageerror", (e) => errors.push(e.message));
  await opened.page.goto(singleFileUrl);
  const form = await ready(opened.page);
  return { ...opened, form, errors };
}

test("a complete ศอช.ต. assessment: no network, level 3, JSON and CSV downloads", async () => {
  const { page, form, network, context, errors } = await open({ viewport: { width: 768, height: 1024 } });
  const request = example("sorsochot-23-complete");
  await fillUnit(form, request.unit);
  for (const [id, answer] of Object.entries(request.answers)) await answerIndicator(form, id, answer);
  assert.match(await form.locator(".summary .total").textContent(), /คะแนนรวม 59\/69 · ระดับ 3 เข้มแข็ง/);
  assert.equal(await form.locator(".badge").getAttribute("data-level"), "3");
  assert.equal(await indicator(form, "8").locator("output.points").textContent(), "3 คะแนน");
  assert.match(await indicator(form, "8").locator("ul.notes").textContent(), /ข้อตัดสิน A/);
  assert.match(await indicator(form, "23").locator("ul.notes").textContent(), /ข้อตัดสิน C/);

  const json = await downloadOf(page, form, "download-json");
  assert.equal(json.name, "อุบลราชธานี-วารินชำราบ-บุ่งไหม_ปีงบ2567_ครั้งที่1_2566-11-20.json");
  const exported = JSON.parse(json.bytes.toString("utf8"));
  assert.equal(exported.scores.total, 59);
  assert.equal(exported.scores.level.level, 3);
  // Typed through the form, the result equals the example file's snapshot
  // except for the request's own spelling of round (the form sends text).
  const expected = JSON.parse(snapshot("sorsochot-23-complete.result.json"));
  assert.deepEqual(exported.scores, expected.scores);
  assert.deepEqual(exported.unit, expected.unit);

  const csv = await downloadOf(page, form, "download-csv");
  assert.equal(csv.name, "อุบลราชธานี-วารินชำราบ-บุ่งไหม_ปีงบ2567_ครั้งที่1_2566-11-20.csv");
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const text = csv.bytes.toString("utf8");
  assert.ok(text.includes("\r\n"));
  assert.match(text, /เกณฑ์การประเมิน,ฉบับ,จังหวัด/);
  assert.match(text, /ระดับ,,,,,,,3,,,,เข้มแข็ง/);
  assert.match(text, /,20 พ\.ย\. พ\.ศ\. 2566,ตัวชี้วัด,1,.*,,7,10,70,2,3,/);
  assert.deepEqual(network, [], "no http(s) request of any kind");
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a year of two rounds, a full assessment without its round says it is not counted until the round is chosen", async () => {
  const { form, context, errors } = await open();
  const request = example("sorsochot-23-complete");
  const { round, ...unit } = request.unit;
  await fillUnit(form, unit);
  // Printed with answers still missing, and again complete: the round is named once.
  const printedNotes = async () => {
    await form.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    return (await form.locator(".print-report").textContent()).split("ยังไม่ได้ระบุครั้งที่ประเมิน").length - 1;
  };
  assert.equal(await printedNotes(), 1);
  for (const [id, answer] of Object.entries(request.answers)) await answerIndicator(form, id, answer);
  const total = form.locator(".summary .total");
  assert.match(await total.textContent(), /คะแนนรวม 59\/69 · ระดับ 3 เข้มแข็ง · ยังไม่ได้ระบุครั้งที่ประเมิน: ยังไม่นับในสรุปผล/);
  assert.equal(await printedNotes(), 1);
  await form.locator("#unit-round").selectOption(String(round));
  await form.locator(".summary .total").filter({ hasNotText: "ยังไม่ได้ระบุ" }).waitFor();
  assert.match(await total.textContent(), /คะแนนรวม 59\/69 · ระดับ 3 เข้มแข็ง$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("drafts survive a reload; several drafts; a downloaded JSON restores the form", async () => {
  const { page, form, context } = await open();
  await fillUnit(form, { province: "เชียงใหม่", district: "แม่ริม", tambon: "ริมใต้" });
  await answerIndicator(form, "1", "๖๕ %");
  await answerIndicator(form, "2", { numerator: "12", denominator: "15" });
  await answerIndicator(form, "6", "fund");
  await page.waitForTimeout(400); // the draft is saved 250 ms after the last change
  const before = await currentRequest(page);
  await page.reload();
  const again = await ready(page);
  assert.deepEqual(await currentRequest(page), before);
  assert.equal(await field(again, "/answers/1").inputValue(), "๖๕ %");
  assert.equal(await field(again, "/answers/2/denominator").inputValue(), "15");
  assert.ok(await indicator(again, "6").locator('input[value="fund"]').isChecked());
  assert.equal(await again.locator("#unit-tambon").inputValue(), "ริมใต้");

  // A second unit is a second draft; both are listed, either can be deleted.
  const json = await downloadOf(page, again, "download-json");
  await again.getByRole("button", { name: "เริ่มแบบใหม่" }).click();
  await fillUnit(again, { tambon: "ดอนแก้ว" });
  await answerIndicator(again, "1", "10");
  await page.waitForTimeout(400);
  const options = await again.locator("#drafts option").allTextContents();
  assert.ok(options.some((o) => o.includes("ริมใต้")) && options.some((o) => o.includes("ดอนแก้ว")), options.join("|"));
  // Deleting asks first: "cancel" keeps the draft, "OK" deletes it.
  const asked = [];
  page.once("dialog", (d) => { asked.push(d.message()); d.dismiss(); });
  await again.getByRole("button", { name: "ลบแบบร่างนี้" }).click();
  assert.match(asked[0], /ดอนแก้ว/);
  assert.ok((await again.locator("#drafts option").allTextContents()).some((o) => o.includes("ดอนแก้ว")));
  page.once("dialog", (d) => d.accept());
  await again.getByRole("button", { name: "ลบแบบร่างนี้" }).click();
  assert.ok(!(await again.locator("#drafts option").allTextContents()).some((o) => o.includes("ดอนแก้ว")));
  // A new assessment after it keeps the district's details, nothing else.
  assert.equal(await again.locator("#unit-district").inputValue(), "แม่ริม");
  assert.equal(await again.locator("#unit-tambon").inputValue(), "");

  // Loading the downloaded JSON back restores every field exactly.
  await again.locator("#open-json").setInputFiles({ name: json.name, mimeType: "application/json", buffer: json.bytes });
  await again.locator('input[data-path="/answers/2/numerator"]').waitFor();
  assert.deepEqual(await currentRequest(page), before);
  assert.equal(await field(again, "/answers/1").inputValue(), "๖๕ %");
  await context.close();
});

test("with storage unavailable the form still works and says drafts are not kept", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  const page = await context.newPage();
  await page.goto(singleFileUrl);
  const form = await ready(page);
  assert.match(await form.locator(".save-note").textContent(), /แบบร่างจะไม่ถูกเก็บไว้/);
  await answerIndicator(form, "1", "80");
  assert.equal(await indicator(form, "1").locator("output.points").textContent(), "3 คะแนน");
  await context.close();
});

test("a bad value shows its error beside the field, in the current language, and keeps everything typed", async () => {
  const { page, form, context } = await open();
  await answerIndicator(form, "1", "120");
  await answerIndicator(form, "2", "85");
  await answerIndicator(form, "5", "2.5");
  const error1 = indicator(form, "1").locator(".error").first();
  assert.match(await error1.textContent(), /ตัวชี้วัดที่ 1: ร้อยละต้องไม่เกิน 100/);
  assert.equal(await field(form, "/answers/1").getAttribute("aria-invalid"), "true");
  assert.match(await indicator(form, "5").locator(".error").first().textContent(), /จำนวนเต็ม/);
  assert.equal(await field(form, "/answers/1").inputValue(), "120");
  assert.equal(await indicator(form, "2").locator("output.points").textContent(), "3 คะแนน");
  // Switching language keeps the data and shows the error in English.
  await form.getByRole("button", { name: "English" }).click();
  assert.equal(await field(form, "/answers/1").inputValue(), "120");
  assert.match(await indicator(form, "1").locator(".error").first().textContent(), /indicator 1: a percentage cannot exceed 100/);
  assert.equal(await indicator(form, "2").locator("output.points").textContent(), "3 points");
  let dialogs = 0;
  page.on("dialog", () => { dialogs += 1; });
  await field(form, "/answers/1").fill("<b>NaN</b>");
  assert.match(await indicator(form, "1").locator(".error").first().textContent(), /“<b>NaN<\/b>” is not a number|finite/);
  assert.equal(await indicator(form, "1").locator(".error b").count(), 0, "text, never markup");
  assert.equal(dialogs, 0, "never an alert");
  await context.close();
});

test("KPI 3.2: the report form's worked example, criterion 5 not met at 13.89 %; its blanks, printed as the seed's form", async () => {
  const { page, form, context } = await open({ viewport: { width: 768, height: 1024 } });
  await form.locator("#framework").selectOption("kpi-3.2");
  await fillUnit(form, example("kpi-3.2-report-example").unit);
  const kpi = item(form, "3.2");
  await kpi.getByText("คำนวณจากแบบรายงานของ อปท.").click();
  const unit = "/answers/3.2/units/0/items";
  await field(form, "/answers/3.2/units/0/name").fill("อบต.เพียงพอ");
  // The seed form's header: type, report number and date.
  const header = "/answers/3.2/units/0/details";
  await kpi.locator(`input[data-path="${header}/type"][value="sao"]`).check();
  await field(form, `${header}/report_number`).fill("๑");
  await field(form, `${header}/report_date`).fill("๒๕ พ.ค. ๒๕๕๕");
  await field(form, `${unit}/1/count`).fill("๑๒");
  await kpi.locator(`input[data-path="${unit}/1/area"][value="community"]`).check();
  for (const id of ["2", "3", "4", "5"]) await kpi.locator(`input[data-path="${unit}/${id}/answer"][value="yes"]`).check();
  // Item 5 done: the date it was held is asked, not the date it is expected.
  await field(form, `${unit}/5/held_on`).fill("20/5/55");
  assert.equal(await field(form, `${unit}/5/due`).isVisible(), false);
  for (const [id, count, typed] of [["6", "๑๒๐"], ["7", "๓๖", "๓๐"], ["8", "๕", "๒๕"]]) {
    await kpi.locator(`input[data-path="${unit}/${id}/answer"][value="yes"]`).check();
    await field(form, `${unit}/${id}/count`).fill(count);
    if (typed) await field(form, `${unit}/${id}/reported_percent`).fill(typed);
  }
  const report = kpi.locator("fieldset.unit-report");
  assert.match(await report.locator("ul.criteria").textContent(), /5\. .*: ไม่ผ่าน/);
  assert.match(await report.locator("ul.criteria").textContent(), /4\. .*: ผ่าน/);
  assert.match(await report.textContent(), /คำนวณได้ร้อยละ 13\.89/);
  assert.match(await report.locator("ul.notes").textContent(), /ร้อยละที่กรอก 25 ไม่ตรงกับที่คำนวณจากจำนวน 13\.89/);
  assert.match(await report.locator("output.verdict").textContent(), /ไม่ผ่านเกณฑ์/);
  // One municipality's report: its criteria are the headline, not "0/878 = 0 %".
  const headline = /^อบต\.เพียงพอ: ผ่าน 4 จาก 5 เกณฑ์ · ไม่ผ่าน: 5 · ข้อ 7 ร้อยละ 30 · ข้อ 8 ร้อยละ 13\.89$/;
  assert.match(await kpi.locator("output.points").textContent(), headline);
  assert.match(await form.locator(".scorebar").textContent(), headline);
  assert.doesNotMatch(await kpi.textContent(), /0\/878/);
  await form.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const printed = await form.locator(".print-report").textContent();
  assert.ok(printed.includes("อบต.เพียงพอ: ผ่าน 4 จาก 5 เกณฑ์") && printed.includes("คำนวณได้ร้อยละ 13.89") && printed.includes("ไม่ผ่าน"), printed);

  // Item 4 not yet done: the villages remaining and the date expected are asked and kept.
  await kpi.locator(`input[data-path="${unit}/4/answer"][value="no"]`).check();
  await field(form, `${unit}/4/remaining`).fill("๓");
  await field(form, `${unit}/4/due`).fill("30/6/55");
  assert.match(await kpi.locator(".report-item .understood").filter({ hasText: "มิ.ย." }).textContent(), /= 30 มิ\.ย\. 2555/);
  // Printed on A4 as the seed's form, read back from the PDF.
  await form.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await page.emulateMedia({ media: "screen" });
  const out = join(root, "dist/test-output");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "kpi-3.2-report.pdf"), pdf);
  await kpi.locator("fieldset.unit-report").screenshot({ path: join(out, "kpi-3.2-unit-form.png") });
  const text = execFileSync("pdftotext", ["-layout", join(out, "kpi-3.2-report.pdf"), "-"], { encoding: "utf8" });
  for (const expected of ["( ) เทศบาล (✓) อบต.", "อบต.เพียงพอ", "อำเภอ พอเพียง", "จังหวัด ท้องถิ่นไทย", "รายงานครั้งที่ 1", "วันที่รายงาน 25 พ.ค. 2555",
    "นับเป็น: ( ) หมู่บ้าน (✓) ชุมชน", "เหลือจำนวนหมู่บ้าน/ชุมชน 3", "คาดว่าจะดำเนินการเสร็จภายในวันที่ 30 มิ.ย. 2555", "เมื่อวันที่ 20 พ.ค. 2555",
    "คำนวณได้ร้อยละ 13.89", "ผู้รายงาน", "ปลัด อบต."]) {
    assert.ok(text.replace(/\s+/g, " ").includes(expected), `the print has “${expected}”:\n${text}`);
  }
  // Item 2's "to be set up by" is not asked of a unit that has its committee.
  assert.ok(!text.includes("จะจัดตั้งให้เสร็จภายในวันที่"), "only the blanks the answers ask for");
  // Back to done: its blanks are hidden and kept out of the result, not lost from the request.
  await kpi.locator(`input[data-path="${unit}/4/answer"][value="yes"]`).check();
  assert.equal(await field(form, `${unit}/4/remaining`).isVisible(), false);
  const json = JSON.parse((await downloadOf(page, form, "download-json")).bytes.toString("utf8"));
  const four = json.scores.items[0].reports.units[0].items[3];
  assert.equal(four.details, undefined);
  assert.equal(json.request.answers["3.2"].units[0].items["4"].remaining, "๓");
  assert.deepEqual(json.scores.items[0].reports.units[0].details,
    [{ id: "type", value: "sao" }, { id: "report_number", value: "1" }, { id: "report_date", value: "2555-05-25" }]);
  // The KPI over 878 municipalities: 640 meeting → 3.5786, contributing 0.1789.
  await kpi.getByText("กรอกผลโดยตรง").click();
  await kpi.locator("fieldset.mode label.choice").nth(3).click();
  await field(form, "/answers/3.2/numerator").fill("640");
  await field(form, "/answers/3.2/denominator").fill("878");
  assert.match(await kpi.locator("output.points").textContent(), /ผล 72\.89 · ค่าคะแนนที่ได้ \(1–5\) 3\.5786 · ค่าคะแนนถ่วงน้ำหนัก 0\.1789/);
  await context.close();
});

test("KPI 3.2 written with bare answers: each shows in its field and is kept when a count or a blank is typed; an item's error shows beside it", async () => {
  const { page, form, context, errors } = await open();
  const file = { framework: "kpi-3.2", edition: "2555", answers: { "3.2": { units: [{ name: "อบต.ก", items: { 1: "12", 2: "no", 6: "no" } }] } } };
  await form.locator("#open-json").setInputFiles({ name: "bare.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const unit = "/answers/3.2/units/0/items";
  await field(form, `${unit}/1/count`).waitFor();
  assert.equal(await field(form, `${unit}/1/count`).inputValue(), "12");
  assert.ok(await form.locator(`input[data-path="${unit}/2/answer"][value="no"]`).isChecked());
  await field(form, `${unit}/2/due`).fill("30/6/55");
  await field(form, `${unit}/6/count`).fill("5");
  const items = await page.evaluate(() => document.querySelector("khanaen-form").request.answers["3.2"].units[0].items);
  assert.deepEqual(items, { 1: "12", 2: { answer: "no", due: "30/6/55" }, 6: { answer: "no", count: "5" } });
  // A wrong count is named beside item 1, not at the foot of the list.
  await field(form, `${unit}/1/count`).fill("abc");
  const slot = form.locator(`[data-error-for="${unit}/1"]`);
  await slot.filter({ hasText: "abc" }).waitFor();
  assert.match(await slot.textContent(), /ข้อ 1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("value for money: thirteen items and the evaluation matrix, end to end", async () => {
  const { form, context } = await open();
  await form.locator("#framework").selectOption("codi-value-for-money");
  const request = example("value-for-money-2568");
  for (const [id, answer] of Object.entries(request.answers)) {
    const box = item(form, id);
    if (typeof answer === "object") {
      await box.getByText("คำนวณจากแบบประเมินผล (evaluation matrix)").click();
      for (const [ind, inputs] of Object.entries(answer.matrix)) {
        const row = box.locator(`[data-matrix="${ind}"]`);
        if ("numerator" in inputs && await row.locator("fieldset.mode").count()) {
          await row.locator("fieldset.mode label.choice").nth(1).click();
        }
        for (const [key, value] of Object.entries(inputs)) await field(form, `/answers/${id}/matrix/${ind}/${key}`).fill(value);
      }
    } else if (await box.locator('input[type="radio"]').count() > 2 && id === "2.1.2") {
      await box.getByText(answer, { exact: false }).first().click();
    } else {
      await field(form, `/answers/${id}`).fill(answer);
    }
  }
  assert.match(await item(form, "2.1.1").locator(".sub-summary").textContent(), /ผ่าน 7 จาก 13 ตัวชี้วัด = 53\.85 %/);
  assert.match(await item(form, "2.1.1").locator('[data-matrix="outcome-1"] ul.notes').textContent(), /ข้อตัดสิน E/);
  assert.match(await form.locator(".summary .total").textContent(), /^ค่าคะแนนเฉลี่ยถ่วงน้ำหนัก 3\.4045$/);
  const expected = JSON.parse(snapshot("value-for-money-2568.result.json"));
  const shown = await form.evaluate((el) => el.result.scores.items.map((i) => [i.id, i.score, i.contribution]));
  assert.deepEqual(shown, expected.scores.items.map((i) => [i.id, i.score, i.contribution]));
  await context.close();
});

test("every example file opens into the form, choices given by label shown as chosen", async () => {
  const { page, form, context, errors } = await open();
  const { readFileSync } = await import("node:fs");
  for (const name of ["sorsochot-23-2564-incomplete", "kpi-3.2-report-example", "value-for-money-2568", "sorsochot-23-complete", "sorsochot-23-remarks"]) {
    const buffer = readFileSync(join(root, "examples", `${name}.json`));
    await form.locator("#open-json").setInputFiles({ name: `${name}.json`, mimeType: "application/json", buffer });
    await page.waitForFunction((fw) => document.querySelector("khanaen-form").request.framework === fw, example(name).framework);
    // The request is restored as written, and scores as the snapshot says.
    assert.deepEqual(await currentRequest(page), example(name), name);
    const expected = JSON.parse(snapshot(`${name}.result.json`));
    assert.deepEqual(await form.evaluate((el) => el.result.scores), expected.scores, name);
  }
  // Labels and yes/no words in the files show as chosen radios.
  await form.locator("#open-json").setInputFiles({ name: "a.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(example("sorsochot-23-2564-incomplete"))) });
  await indicator(form, "6").waitFor();
  assert.ok(await indicator(form, "6").locator('input[value="fund"]').isChecked(), "“มีกองทุน” shows as fund");
  await form.locator("#open-json").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(example("kpi-3.2-report-example"))) });
  await item(form, "3.2").waitFor();
  assert.ok(await form.locator('input[data-path="/answers/3.2/units/0/items/2/answer"][value="yes"]').isChecked(), "“มี” shows as yes");
  assert.ok(await form.locator('input[data-path="/answers/3.2/units/0/details/type"][value="sao"]').isChecked(), "“อบต.” shows as chosen");
  assert.ok(await form.locator('input[data-path="/answers/3.2/units/0/items/1/area"][value="community"]').isChecked(), "“ชุมชน” shows as chosen");
  assert.ok(await form.locator('input[data-path="/answers/3.2/units/0/items/6/answer"][value="yes"]').isChecked());
  await form.locator("#open-json").setInputFiles({ name: "c.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(example("value-for-money-2568"))) });
  await item(form, "2.1.2").waitFor();
  assert.ok(await item(form, "2.1.2").locator('input[value="high"]').isChecked(), "“สูง” shows as high");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a percentage given as counts shows the percentage it makes, never rounded up into a band it did not reach", async () => {
  const { form, context } = await open({ viewport: { width: 768, height: 1024 } });
  await answerIndicator(form, "1", { numerator: "3999", denominator: "9998" });
  const box = indicator(form, "1");
  assert.equal(await box.locator("span.computed").textContent(), "= 39.997… %");
  assert.equal(await box.locator("output.points").textContent(), "1 คะแนน");
  // A numerator above its denominator is said beside the counts.
  await field(form, "/answers/1/numerator").fill("11");
  await field(form, "/answers/1/denominator").fill("10");
  assert.match(await box.locator(".percent-field > .error").textContent(), /ตัวตั้ง/);
  await field(form, "/answers/1/numerator").fill("7");
  assert.equal(await box.locator("span.computed").textContent(), "= 70 %");
  assert.equal(await box.locator("output.points").textContent(), "2 คะแนน");
  await context.close();
});

test("remarks on an indicator and on the assessment travel into the JSON, the CSV and the print", async () => {
  const { page, form, context } = await open({ viewport: { width: 768, height: 1024 } });
  const request = example("sorsochot-23-remarks");
  await form.locator("#open-json").setInputFiles({ name: "r.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(request)) });
  await page.waitForFunction(() => document.querySelector("khanaen-form").request.remark);
  const remark1 = indicator(form, "1").locator("details.remark");
  assert.ok(await remark1.evaluate((d) => d.open), "a remark that exists is shown open");
  assert.equal(await remark1.locator("textarea").inputValue(), request.remarks["1"]);
  // Typed on another indicator, and on the whole assessment.
  await indicator(form, "2").locator("details.remark summary").click();
  await indicator(form, "2").locator("details.remark textarea").fill("รายชื่อองค์กรสมาชิก 85 แห่ง");
  await form.locator("#assessment-remark").fill("ประเมินซ้ำหลังประชุม");
  const json = JSON.parse((await downloadOf(page, form, "download-json")).bytes.toString("utf8"));
  assert.equal(json.request.remarks["2"], "รายชื่อองค์กรสมาชิก 85 แห่ง");
  assert.equal(json.remark, "ประเมินซ้ำหลังประชุม");
  assert.equal(json.scores.indicators.find((i) => i.id === "1").remark, request.remarks["1"]);
  const csv = (await downloadOf(page, form, "download-csv")).bytes.toString("utf8");
  assert.match(csv, /ข้อสังเกตของผู้ประเมิน/);
  assert.match(csv, /รายชื่อองค์กรสมาชิก 85 แห่ง/);
  assert.match(csv, /ประเมินซ้ำหลังประชุม/);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const printed = await form.locator(".print-report").textContent();
  assert.ok(printed.includes("รายชื่อองค์กรสมาชิก 85 แห่ง") && printed.includes("ประเมินซ้ำหลังประชุม"));
  await context.close();
});

test("the committee's size, typed once, becomes the denominator of indicators 1 and 20–23, not over a typed percentage", async () => {
  const { page, form, context } = await open({ viewport: { width: 768, height: 1024 } });
  await answerIndicator(form, "21", "50");
  await answerIndicator(form, "20", { numerator: "5", denominator: "40" });
  await form.locator("#shared-committee").fill("๒๐");
  await form.locator("#use-shared-committee").click();
  await form.locator("#shared-committee-note").filter({ hasText: "ข้าม 20, 21" }).waitFor();
  assert.equal(await field(form, "/answers/20/denominator").inputValue(), "40", "a denominator typed stays");
  for (const id of ["1", "22", "23"]) {
    assert.equal(await field(form, `/answers/${id}/denominator`).inputValue(), "๒๐", `indicator ${id}`);
  }
  assert.equal(await field(form, "/answers/21").inputValue(), "50", "a typed percentage stays");
  await field(form, "/answers/1/numerator").fill("15");
  assert.equal(await indicator(form, "1").locator("span.computed").textContent(), "= 75 %");
  assert.equal(await indicator(form, "1").locator("output.points").textContent(), "3 คะแนน");
  const request = await currentRequest(page);
  assert.equal(request.shared.committee, "๒๐", "kept for the next time");
  await context.close();
});
