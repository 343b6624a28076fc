// Drafts are the officer's only copy until they download a file, so stored
// data is untrusted input: each failure here must end in a usable form with
// nothing lost. The single file from file://, in headless Chromium.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, offlinePage } from "./browser.mjs";
import { singleFileUrl, example, ready, indicator, answerIndicator, fillUnit, currentRequest, downloadOf } from "./helpers.mjs";

const KEY = "khanaen.drafts.v1";
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens the form with the browser's storage holding `stored` (key → text) before the page starts. */
async function openWith(stored, options = {}) {
  const opened = await offlinePage(browser, { viewport: { width: 768, height: 1024 }, ...options });
  const errors = [];
  opened.page.on("pageerror", (e) => errors.push(e.message));
  await opened.page.goto(singleFileUrl);
  await ready(opened.page);
  await opened.page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text);
  }, stored);
  await opened.page.reload();
  const form = await ready(opened.page);
  return { ...opened, form, errors };
}

const storedText = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const storedDrafts = async (page) => JSON.parse(await storedText(page));
const asideKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("khanaen.drafts.aside.")));
const draft = (request, savedAt = "2024-11-20T03:00:00.000Z") => ({ savedAt, request });

/** The form answers keystrokes, and the pause after them saves the draft. */
async function typeAndSave(page, form) {
  await form.locator("#unit-assessor").fill("ผู้ประเมินคนใหม่");
  await answerIndicator(form, "3", "50");
  assert.equal(await indicator(form, "3").locator("output.points").textContent(), "2 คะแนน");
  await page.waitForTimeout(400);
  const id = await page.evaluate(() => document.querySelector("khanaen-form").draftId);
  assert.equal((await storedDrafts(page))[id].request.unit.assessor, "ผู้ประเมินคนใหม่", "the typing is saved");
}

test("a drafts record that is not JSON is set aside as it was, downloadable; typing does not overwrite it", async () => {
  const broken = '{"d1": {"savedAt": "2024-11-20", "request": {"framework": "sorsochot-23", "unit": {"tambon": "บุ่งไหม"';
  const { page, form, context, errors } = await openWith({ [KEY]: broken });
  await form.locator(".kept-aside li").first().waitFor();
  assert.match(await form.locator(".kept-aside").textContent(), /เก็บแยกไว้ 1 รายการ/);
  const download = await downloadOf(page, form, "drafts-aside-0");
  assert.equal(download.bytes.toString("utf8"), broken, "the download is the stored text, byte for byte");
  await typeAndSave(page, form);
  const [aside] = await asideKeys(page);
  assert.equal(await storedText(page, aside), broken, "still kept after typing");
  assert.equal(Object.keys(await storedDrafts(page)).length, 1, "the new draft is in a fresh record");
  await page.reload();
  const again = await ready(page);
  assert.match(await again.locator(".kept-aside").textContent(), /เก็บแยกไว้ 1 รายการ/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("drafts that cannot be opened are kept aside, the good one opens, and nothing is lost on typing", async () => {
  const good = example("sorsochot-23-complete");
  const stored = {
    bad1: { savedAt: "2024-11-21T00:00:00.000Z", request: null },
    bad2: { savedAt: "2024-11-21T00:00:01.000Z", request: "not an object" },
    bad3: draft({ framework: "no-such-rubric", unit: { tambon: "ไม่มีเกณฑ์" }, answers: {} }, "2024-11-21T00:00:02.000Z"),
    bad4: draft({ framework: "kpi-3.2", answers: { "3.2": { units: "every one" } } }, "2024-11-21T00:00:03.000Z"),
    bad5: draft({ framework: "sorsochot-23", unit: "บุ่งไหม", answers: {} }, "2024-11-21T00:00:04.000Z"),
    bad6: draft({ framework: "sorsochot-23", unit: {}, answers: ["80", "50"] }, "2024-11-21T00:00:05.000Z"),
    bad7: draft({ framework: "sorsochot-23", unit: { tambon: "ตำบลเสีย" }, answers: ["80"] }, "2024-11-21T00:00:06.000Z"),
    good: draft(good, "2024-11-20T00:00:00.000Z"),
  };
  for (const active of ["bad1", "bad3", "bad4", "bad5", "good"]) {
    const { page, form, context, errors } = await openWith({ [KEY]: JSON.stringify(stored), "khanaen.active.v1": active });
    // Always a usable form; the good draft is listed and opens.
    const options = await form.locator("#drafts option").allTextContents();
    assert.ok(options.some((o) => o.includes(good.unit.tambon)), `${active}: ${options.join("|")}`);
    if (active === "good") assert.equal(await form.locator("#unit-tambon").inputValue(), good.unit.tambon);
    if (active === "bad3") {
      assert.match(await form.locator(".error.general").textContent(), /แบบร่างที่เปิดไม่ได้/);
      assert.match(await form.locator(".kept-aside").textContent(), /ไม่มีเกณฑ์/);
    }
    // By value: a draft not open here is listed by its unit, then with its score.
    await form.locator("#drafts").selectOption("good");
    assert.equal(await form.locator("#unit-tambon").inputValue(), good.unit.tambon);
    await typeAndSave(page, form);
    const after = await storedDrafts(page);
    for (const id of ["bad1", "bad2", "bad3", "bad4", "bad5", "bad6", "bad7"]) assert.deepEqual(after[id], stored[id], `${active}: ${id} kept as it was`);
    assert.equal((await form.locator(".kept-aside li").count()) >= 2, true);
    // Named by the unit it holds where there is one, by its id where not.
    assert.match(await form.locator(".kept-aside").textContent(), /แบบร่าง “bad1”.*แบบร่าง “ตำบลเสีย”/s);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("two tabs on one draft: the other tab's typing is never dropped, a deletion does not come back", async () => {
  const { page: first, form: a, context } = await openWith({});
  await fillUnit(a, { province: "อุบลราชธานี", district: "วารินชำราบ", tambon: "บุ่งไหม" });
  await first.waitForTimeout(400);
  const second = await context.newPage();
  await second.goto(singleFileUrl);
  const b = await ready(second);
  assert.equal(await b.locator("#unit-tambon").inputValue(), "บุ่งไหม", "the second tab opens the same draft");

  // Typed in the first tab, then in the second: the second is told, and saves nothing over it.
  await answerIndicator(a, "1", "80");
  await first.waitForTimeout(400);
  await answerIndicator(b, "2", "40");
  await b.locator(".notice.conflict:not([hidden])").waitFor();
  await second.waitForTimeout(400);
  const id = await first.evaluate(() => document.querySelector("khanaen-form").draftId);
  let stored = await storedDrafts(first);
  assert.equal(stored[id].request.answers["1"], "80", "the first tab's typing is kept");
  assert.equal(stored[id].request.answers["2"], undefined);
  // The second tab keeps its own as a new draft: both are there.
  await b.locator("#keep-mine").click();
  await second.waitForTimeout(100);
  stored = await storedDrafts(first);
  assert.equal(Object.keys(stored).length, 2);
  assert.ok(Object.values(stored).some((d) => d.request.answers["2"] === "40"));

  // Deleted in the first tab: the second tab, on that draft, is told; it is not saved back.
  await b.locator("#drafts").selectOption(id);
  first.once("dialog", (d) => d.accept());
  await a.locator("#delete-draft").click();
  await b.locator(".notice.conflict:not([hidden])").waitFor();
  assert.match(await b.locator(".notice.conflict").textContent(), /ถูกลบในแท็บอื่น/);
  await answerIndicator(b, "3", "50");
  await second.waitForTimeout(400);
  assert.equal((await storedDrafts(first))[id], undefined, "the deleted draft does not come back");
  await context.close();
});

test("storage full at load: the drafts are listed and open, and the form says new changes are not kept", async () => {
  const good = example("sorsochot-23-complete");
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  await page.goto(singleFileUrl);
  await ready(page);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, JSON.stringify({ d1: draft(good) })]);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException("full", "QuotaExceededError"); };
  });
  await page.reload();
  const form = await ready(page);
  assert.ok((await form.locator("#drafts option").allTextContents()).some((o) => o.includes(good.unit.tambon)));
  assert.match(await form.locator(".save-note").textContent(), /เต็ม/);
  await form.locator("#drafts").selectOption("d1");
  assert.equal(await form.locator("#unit-tambon").inputValue(), good.unit.tambon);
  await answerIndicator(form, "3", "10");
  await page.waitForTimeout(400);
  assert.match(await form.locator(".save-note").textContent(), /ไม่ถูกบันทึก/);
  assert.deepEqual(JSON.parse(await storedText(page)).d1, draft(good), "the stored draft is as it was");
  await context.close();
});

test("all drafts in one backup file, restored into an empty browser, and not twice", async () => {
  const good = example("sorsochot-23-complete");
  const kpi = example("kpi-3.2-report-example");
  const { page, form, context } = await openWith({ [KEY]: JSON.stringify({ d1: draft(good), d2: draft(kpi, "2024-11-22T00:00:00.000Z") }) });
  const backup = await downloadOf(page, form, "backup-drafts");
  assert.match(backup.name, /^แบบร่างทั้งหมด_\d{4}-\d\d-\d\d\.json$/);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const empty = await ready(page);
  const restore = () => empty.locator("#restore-drafts").setInputFiles({ name: backup.name, mimeType: "application/json", buffer: backup.bytes });
  await restore();
  await empty.locator(".save-note", { hasText: "กู้คืนแบบร่าง 2 รายการ" }).waitFor();
  await restore();
  await empty.locator(".save-note", { hasText: "มีอยู่แล้ว 2 รายการ" }).waitFor();
  const stored = await storedDrafts(page);
  assert.deepEqual(Object.values(stored).map((d) => d.request).sort((x, y) => x.framework.localeCompare(y.framework)), [kpi, good]);
  // Not a backup: said so, nothing changed.
  await empty.locator("#restore-drafts").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{}") });
  await empty.locator(".save-note", { hasText: "ไม่ใช่ไฟล์สำรองแบบร่าง" }).waitFor();
  assert.deepEqual(await storedDrafts(page), stored);
  await context.close();
});

test("the drafts list says unit, round, fiscal year, total and level", async () => {
  const good = example("sorsochot-23-complete");
  const { page, form, context } = await openWith({ [KEY]: JSON.stringify({ d1: draft(good) }), "khanaen.active.v1": "d1" });
  const [option] = await form.locator("#drafts option").allTextContents();
  const result = await page.evaluate((r) => document.querySelector("khanaen-form").core.score(r), good);
  assert.ok(result.complete && result.unit.fiscal_year, "the example is complete and dated");
  for (const part of [good.unit.tambon, `ครั้งที่ ${result.unit.round}`, `ปีงบ ${result.unit.fiscal_year}`,
    `${result.scores.total}/${result.scores.max_total} ระดับ ${result.scores.level.level}`]) {
    assert.ok(option.includes(part), `${option} has ${part}`);
  }
  await context.close();
});

test("the draft open is listed with its score at once; twenty others by their unit first, scored once the form is painted", async () => {
  const good = example("sorsochot-23-complete");
  const stored = { open: draft(good, "2024-11-01T00:00:00.000Z") };
  for (let i = 1; i <= 20; i += 1) {
    stored[`d${i}`] = draft({ ...good, unit: { ...good.unit, tambon: `ตำบลที่${i}` } }, `2024-11-${String(i + 1).padStart(2, "0")}T00:00:00.000Z`);
  }
  const { page, form, context } = await openWith({ [KEY]: JSON.stringify(stored), "khanaen.active.v1": "open" });
  assert.match(await form.locator("#drafts option:checked").textContent(), /^บุ่งไหม, .* · 59\/69/);
  await page.waitForFunction(() => [...document.querySelector("khanaen-form").shadowRoot.querySelectorAll("#drafts option")]
    .every((o) => o.textContent.includes("59/69")), null, { timeout: 5000 });
  const options = await form.locator("#drafts option").allTextContents();
  assert.equal(options.length, 21);
  assert.match(options[0], /^ตำบลที่20, /, "newest first");
  assert.equal(await form.locator("#unit-tambon").inputValue(), good.unit.tambon, "the open draft stays open");
  // Another draft opened: the form is built again, the labels kept (none waits).
  // (Chosen and read in one task: nothing could be scored in between.)
  const again = await page.evaluate(() => {
    const root = document.querySelector("khanaen-form").shadowRoot;
    const select = root.querySelector("#drafts");
    select.value = "d5";
    select.dispatchEvent(new Event("change"));
    return [...root.querySelectorAll("#drafts option")].map((o) => o.textContent);
  });
  assert.equal(await form.locator("#unit-tambon").inputValue(), "ตำบลที่5");
  assert.ok(again.every((o) => o.includes("59/69")), again.join("|"));
  // The control in use keeps the focus in the form built anew (keyboard users).
  const focused = () => page.evaluate(() => document.querySelector("khanaen-form").shadowRoot.activeElement?.id);
  await form.locator("#drafts").focus();
  await form.locator("#drafts").selectOption("d7");
  assert.equal(await form.locator("#unit-tambon").inputValue(), "ตำบลที่7");
  assert.equal(await focused(), "drafts");
  await form.locator("#switch-lang").click();
  assert.equal(await form.locator("#switch-lang").textContent(), "ภาษาไทย");
  assert.equal(await focused(), "switch-lang");
  await context.close();
});

test("a JSON already kept opens as that draft", async () => {
  const good = example("sorsochot-23-complete");
  const { page, form, context } = await openWith({ [KEY]: JSON.stringify({ d1: draft(good) }), "khanaen.active.v1": "d1" });
  const json = await downloadOf(page, form, "download-json");
  await form.locator("#new-draft").click();
  await form.locator("#open-json").setInputFiles({ name: json.name, mimeType: "application/json", buffer: json.bytes });
  await page.waitForFunction((t) => document.querySelector("khanaen-form").shadowRoot.querySelector("#unit-tambon").value === t, good.unit.tambon);
  assert.equal(await form.locator("#unit-tambon").inputValue(), good.unit.tambon);
  assert.deepEqual(await currentRequest(page), good);
  await page.waitForTimeout(400);
  assert.deepEqual(Object.keys(await storedDrafts(page)), ["d1"], "no second copy");
  await context.close();
});

test("round 2 starts from round 1 as a record of its own; the date reads Thai style; the fiscal year is proposed", async () => {
  const { page, form, context } = await openWith({});
  await fillUnit(form, { province: "อุบลราชธานี", district: "วารินชำราบ", tambon: "บุ่งไหม", round: 1 });
  await form.locator("#unit-date").fill("๒๐ พ.ย. ๖๗");
  await answerIndicator(form, "3", "50");
  assert.equal(await form.locator(".understood").textContent(), "= 20 พ.ย. 2567");
  assert.equal(await form.locator("#unit-fiscal_year").getAttribute("placeholder"), "2568 (ตามวันที่ประเมิน)");
  await page.waitForTimeout(400);
  const roundOne = await page.evaluate(() => document.querySelector("khanaen-form").draftId);

  // Changing the round of a saved draft asks first; "cancel" keeps round 1.
  page.once("dialog", (d) => d.dismiss());
  await form.locator("#unit-round").selectOption("2");
  assert.equal(await form.locator("#unit-round").inputValue(), "1");

  await form.locator("#next-round-answers").click();
  assert.equal(await form.locator("#unit-round").inputValue(), "2");
  assert.equal(await form.locator("#unit-tambon").inputValue(), "บุ่งไหม");
  assert.equal(await form.locator("#unit-date").inputValue(), "", "the new round has its own date");
  assert.equal(await form.locator("#unit-fiscal_year").inputValue(), "2568", "in the same fiscal year");
  assert.equal(await indicator(form, "3").locator("output.points").textContent(), "2 คะแนน", "the answers came along");
  await page.waitForTimeout(400);
  const stored = await storedDrafts(page);
  assert.equal(Object.keys(stored).length, 2);
  assert.equal(stored[roundOne].request.unit.round, "1", "round 1 stays as it was");
  assert.equal(stored[roundOne].request.unit.date, "๒๐ พ.ย. ๖๗");
  const options = await form.locator("#drafts option").allTextContents();
  assert.ok(options.some((o) => o.includes("ครั้งที่ 1")) && options.some((o) => o.includes("ครั้งที่ 2")), options.join("|"));
  await context.close();
});

test("typing is kept when the form moves on within the save pause, or while another tab's change waits for a choice", async () => {
  const { page: first, form: a, context } = await openWith({});
  await fillUnit(a, { tambon: "บุ่งไหม" });
  await first.waitForTimeout(400);
  const id = await first.evaluate(() => document.querySelector("khanaen-form").draftId);
  // Typed, then "New" at once: the keystroke is saved to its draft, and no empty draft is made.
  await answerIndicator(a, "3", "50");
  await a.locator("#new-draft").click();
  await first.waitForTimeout(400);
  assert.equal((await storedDrafts(first))[id].request.answers["3"], "50");
  assert.equal(Object.keys(await storedDrafts(first)).length, 1);

  // Tab B waits on tab A's change; a redraw keeps the notice; leaving keeps B's typing as a draft of its own.
  await a.locator("#drafts").selectOption(id);
  const second = await context.newPage();
  await second.goto(singleFileUrl);
  const b = await ready(second);
  await answerIndicator(a, "1", "80");
  await first.waitForTimeout(400);
  await answerIndicator(b, "2", "40");
  await b.locator(".notice.conflict:not([hidden])").waitFor();
  await b.getByRole("button", { name: "English" }).click();
  await b.locator(".notice.conflict:not([hidden])").waitFor();
  await b.locator("#new-draft").click();
  await second.waitForTimeout(400);
  const stored = await storedDrafts(first);
  assert.equal(stored[id].request.answers["1"], "80", "A's typing kept");
  assert.ok(Object.values(stored).some((d) => d.request.answers?.["2"] === "40"), "B's typing kept as its own draft");
  await context.close();
});

test("storage that fails to read after the page opened is never written over", async () => {
  const good = example("sorsochot-23-complete");
  const { page, form, context } = await openWith({ [KEY]: JSON.stringify({ d1: draft(good), d2: draft(good, "2024-11-22T00:00:00.000Z") }) });
  const before = await storedText(page);
  await page.evaluate(() => {
    const real = Storage.prototype.getItem;
    Storage.prototype.getItem = function getItem(key) {
      if (key === "khanaen.drafts.v1") throw new DOMException("gone", "InvalidStateError");
      return real.call(this, key);
    };
    window.restoreGetItem = () => { Storage.prototype.getItem = real; };
  });
  await answerIndicator(form, "3", "50");
  await page.waitForTimeout(400);
  await page.evaluate(() => window.restoreGetItem());
  assert.equal(await storedText(page), before, "both drafts are as they were");
  await context.close();
});

test("a draft deleted straight after typing stays deleted; a new one typed in but not yet saved is asked for and not saved", async () => {
  const good = example("sorsochot-23-complete");
  const { page, form, context, errors } = await openWith({
    [KEY]: JSON.stringify({ d1: draft(good), d2: draft({ ...good, unit: { ...good.unit, tambon: "โนนผึ้ง" } }) }),
    "khanaen.active.v1": "d1",
  });
  // Within the save pause: the pending save must not write the draft back.
  await form.locator("#unit-position").fill("พัฒนากรชำนาญการ");
  const asked = [];
  page.once("dialog", (d) => { asked.push(d.message()); d.accept(); });
  await form.locator("#delete-draft").click();
  assert.match(asked[0], /บุ่งไหม/);
  await page.waitForTimeout(400);
  assert.deepEqual(Object.keys(await storedDrafts(page)), ["d2"]);
  // The form moved on to a new assessment: typed in, deleted at once.
  await form.locator("#unit-tambon").fill("ไร่น้อย");
  page.once("dialog", (d) => { asked.push(d.message()); d.accept(); });
  await form.locator("#delete-draft").click();
  assert.match(asked[1], /ไร่น้อย/);
  await page.waitForTimeout(400);
  assert.deepEqual(Object.keys(await storedDrafts(page)), ["d2"], "nothing saved of it");
  assert.equal(await form.locator("#unit-tambon").inputValue(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("two drafts of one unit that read the same also say when each was saved", async () => {
  const good = example("sorsochot-23-complete");
  const { page, form, context, errors } = await openWith({
    [KEY]: JSON.stringify({
      mine: draft(good, "2024-11-20T03:00:00.000Z"),
      theirs: draft(good, "2024-11-21T04:05:00.000Z"),
      other: draft({ ...good, unit: { ...good.unit, tambon: "โนนผึ้ง" } }, "2024-11-19T03:00:00.000Z"),
    }),
    "khanaen.active.v1": "mine",
  });
  await page.waitForFunction(() => [...document.querySelector("khanaen-form").shadowRoot.querySelectorAll("#drafts option")]
    .every((o) => o.textContent.includes("59/69")));
  const options = await form.locator("#drafts option").allTextContents();
  const when = await page.evaluate((iso) => {
    const d = new Date(iso);
    const two = (n) => String(n).padStart(2, "0");
    return `${two(d.getDate())}/${two(d.getMonth() + 1)} ${two(d.getHours())}:${two(d.getMinutes())}`;
  }, "2024-11-21T04:05:00.000Z");
  assert.match(options[0], new RegExp(`59/69 ระดับ 3 · บันทึก ${when}$`), options.join("|"));
  assert.match(options[1], /59\/69 ระดับ 3 · บันทึก \d\d\/11 \d\d:00$/);
  assert.notEqual(options[0], options[1]);
  assert.doesNotMatch(options[2], /บันทึก/, "a label of its own says nothing more");
  assert.deepEqual(errors, []);
  await context.close();
});
