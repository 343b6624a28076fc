// The form's edges an adversarial review found: a file that fails to open
// leaves the form as it was; the edition shown is the one scored; a file in
// TIS-620 opens with Thai intact; errors come in the user's language.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, offlinePage } from "./browser.mjs";
import { singleFileUrl, example, ready, indicator, field, answerIndicator, currentRequest } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open() {
  const opened = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
  const errors = [];
  opened.page.on("pageerror", (e) => errors.push(e.message));
  await opened.page.goto(singleFileUrl);
  const form = await ready(opened.page);
  return { ...opened, form, errors };
}

const openFile = (form, content, name = "file.json") => form.locator("#open-json").setInputFiles({
  name, mimeType: "application/json", buffer: Buffer.isBuffer(content) ? content : Buffer.from(JSON.stringify(content)),
});

/** The draft saved for the current form, read from storage. */
const savedRequest = (page) => page.evaluate(() => {
  const form = document.querySelector("khanaen-form");
  return JSON.parse(localStorage.getItem("khanaen.drafts.v1"))[form.draftId]?.request ?? null;
});

test("a file that cannot be shown leaves the form as it was, still typing and saving", async () => {
  const { page, form, context, errors } = await open();
  await answerIndicator(form, "1", "65");
  await answerIndicator(form, "5", "2");
  const before = await currentRequest(page);
  const scorebar = await form.locator(".scorebar").textContent();

  // Building the new form fails half-way (the core's handle refuses to give its rendering view).
  await page.evaluate(() => {
    const proto = document.querySelector("khanaen-form").core.Assessment.prototype;
    const view = proto.view;
    proto.view = function () { proto.view = view; throw new Error("describe failed"); };
  });
  await openFile(form, example("kpi-3.2-report-example"));
  await form.locator(".error.general li").waitFor();
  assert.match(await form.locator(".error.general").textContent(), /เปิดไฟล์ไม่ได้: describe failed/);
  assert.deepEqual(await currentRequest(page), before, "the request is untouched");
  assert.equal(await form.locator("#framework").inputValue(), "sorsochot-23");
  assert.equal(await form.locator(".scorebar").textContent(), scorebar);

  // A file naming an unknown framework: refused the same way, in Thai.
  await openFile(form, { framework: "nope", answers: {} });
  await page.waitForFunction(() => /nope/.test(document.querySelector("khanaen-form").shadowRoot.querySelector(".error.general").textContent));
  assert.match(await form.locator(".error.general").textContent(), /ไม่รู้จักเกณฑ์การประเมิน “nope”/);
  assert.deepEqual(await currentRequest(page), before);

  // Typing goes on: scored, shown and saved.
  await answerIndicator(form, "2", "85");
  assert.equal(await indicator(form, "2").locator("output.points").textContent(), "3 คะแนน");
  assert.match(await form.locator(".scorebar").textContent(), /คะแนนสะสม 7/);
  await page.waitForTimeout(400);
  assert.equal((await savedRequest(page)).answers["2"], "85");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a KPI file whose units is text opens with the error beside the field, and typing works", async () => {
  const { page, form, context, errors } = await open();
  await answerIndicator(form, "1", "65");
  await openFile(form, { framework: "kpi-3.2", answers: { "3.2": { units: "twelve", denominator: "10" } } });
  await page.waitForFunction(() => document.querySelector("khanaen-form").request.framework === "kpi-3.2");
  assert.equal(await form.locator("#framework").inputValue(), "kpi-3.2");
  assert.match(await form.locator('[data-error-for="/answers/3.2/units"]').textContent(), /ต้องเป็นรายการ \(list\) แต่ได้รับ text/);
  // The form works on: add a municipality, type its name; the score bar and the draft follow.
  await form.getByRole("button", { name: "เพิ่ม อปท." }).click();
  await field(form, "/answers/3.2/units/0/name").fill("เทศบาลตำบลบ้านใหม่");
  await page.waitForTimeout(400);
  const saved = await savedRequest(page);
  assert.equal(saved.answers["3.2"].units[0].name, "เทศบาลตำบลบ้านใหม่");
  assert.doesNotMatch(await form.locator(".error.general").textContent(), /units/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the edition shown is the edition scored: none given, a number, padded text", async () => {
  const { page, form, context } = await open();
  const base = example("sorsochot-23-complete");
  for (const [edition, shown] of [[undefined, "2567"], [2567, "2567"], [" 2567 ", "2567"], ["2564", "2564"], [2564, "2564"]]) {
    const request = { ...base, edition };
    if (edition === undefined) delete request.edition;
    await openFile(form, request);
    await page.waitForFunction((want) => document.querySelector("khanaen-form").result?.framework.edition === want, shown);
    assert.equal(await form.locator("#edition").inputValue(), shown, `edition ${JSON.stringify(edition)}`);
    // The round list is the scored edition's, with the file's round chosen.
    assert.equal(await form.locator("#unit-round").inputValue(), "1");
  }
  await context.close();
});

test("a file in TIS-620 opens with its Thai intact, and says it was converted", async () => {
  const { page, form, context, errors } = await open();
  const request = { framework: "sorsochot-23", unit: { province: "อุบลราชธานี", district: "วารินชำราบ", tambon: "บุ่งไหม" }, answers: { 5: "2" } };
  const bytes = Buffer.from([...JSON.stringify(request)].map((c) => {
    const code = c.codePointAt(0);
    return code < 0x80 ? code : code - 0x0e01 + 0xa1;
  }));
  await openFile(form, bytes, "tis620.json");
  await form.locator(".error.general li.notice").waitFor();
  assert.equal(await form.locator("#unit-tambon").inputValue(), "บุ่งไหม");
  assert.match(await form.locator(".error.general").textContent(), /TIS-620/);
  assert.equal((await currentRequest(page)).unit.district, "วารินชำราบ");
  // Bytes that are no text at all: refused, in English when the form is.
  await page.evaluate(() => document.querySelector("khanaen-form").setAttribute("lang", "en"));
  await openFile(form, Buffer.from([0xff, 0xfe, 0x00]), "broken.json");
  await page.waitForFunction(() => /UTF-8/.test(document.querySelector("khanaen-form").shadowRoot.querySelector(".error.general").textContent));
  const message = await form.locator(".error.general").textContent();
  assert.match(message, /^Cannot open the file: this file is not text in UTF-8, UTF-16 or TIS-620/);
  assert.doesNotMatch(message, /ไฟล์/, "the user's language only");
  assert.deepEqual(errors, []);
  await context.close();
});
