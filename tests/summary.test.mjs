// The summary view ("รวมผล / Summary") of the single file, in Chromium: 20
// files opened at once (JSON results, the form's CSV stacked and not, sheet
// CSVs, municipality reports and a file that is no assessment), the level
// counts by district, a duplicate chosen, the set-aside and problem lists,
// round against round, the KPI roll-up, the A4 summary as PDF read back with
// pdftotext, the downloads opened again, and screenshots at tablet and
// laptop size (dist/test-output/summary-*.png).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, offlinePage } from "./browser.mjs";
import { root, singleFileUrl, downloadOf, ready, fillUnit, answerIndicator } from "./helpers.mjs";
import { generateSheet } from "../scripts/gen-sheet.mjs";

const dir = join(root, "examples/collections");
const out = join(root, "dist/test-output");

let browser;
let files;
// Scratch folders, removed when the file's tests are done.
const scratches = [];
const scratchDir = (prefix) => {
  const made = mkdtempSync(join(tmpdir(), prefix));
  scratches.push(made);
  return made;
};
before(async () => {
  browser = await launch();
  const scratch = scratchDir("khanaen-summary-");
  const folder = (name) => readdirSync(join(dir, name)).sort().map((f) => join(dir, name, f));
  // The province sheet's rows of เมืองอุบลราชธานี only (its วารินชำราบ rows are
  // the warin folders' files), with its unreadable row 23 kept.
  const sheet = readFileSync(join(dir, "ubon-province-sheet.csv"), "utf8").split("\r\n");
  const mueang = [sheet[0], ...sheet.slice(1).filter((line) => line.includes("เมืองอุบลราชธานี"))].join("\r\n");
  writeFileSync(join(scratch, "mueang-sheet.csv"), mueang);
  writeFileSync(join(scratch, "generated-40.csv"), generateSheet(40));
  writeFileSync(join(scratch, "minutes.txt"), "บันทึกการประชุม ไม่ใช่แบบประเมิน\n");
  files = [...folder("warin-round-1"), ...folder("warin-round-2"), ...folder("kpi-municipalities"),
    join(scratch, "mueang-sheet.csv"), join(scratch, "generated-40.csv"), join(scratch, "minutes.txt")];
  assert.equal(files.length, 20);
});
after(async () => {
  await browser?.close();
  for (const made of scratches) rmSync(made, { recursive: true, force: true });
});

async function openSummary(viewport = { width: 1366, height: 900 }) {
  const { page, context, network } = await offlinePage(browser, { viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${singleFileUrl}#summary`);
  const view = page.locator("khanaen-summary");
  await view.locator(".status:not(:empty)").waitFor();
  await view.locator("#summary-files").setInputFiles(files);
  await view.locator("table.levels").waitFor();
  return { page, context, network, errors, view };
}

/** The cells of a table's rows, as text. */
const cells = (table) => table.locator("tr").evaluateAll((rows) =>
  rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent.trim())));

const chooseRound = (view, label) => view.locator("#summary-round").selectOption({ label });

test("20 files at once: counts by district, problems, duplicates, set-aside, comparison, KPI", async () => {
  const { page, context, network, errors, view } = await openSummary();
  assert.match(await view.locator(".status").textContent(), /เปิดแล้ว 20 ไฟล์ · 66 แบบประเมิน · 2 รายการอ่านไม่ได้/);
  // Problems: the row naming an unknown framework and the file that is not an assessment.
  const problems = await view.locator("section.problems li").allTextContents();
  assert.equal(problems.length, 2);
  assert.ok(problems.some((p) => p.startsWith("mueang-sheet.csv, แถว 10") && p.includes("sorsochot-32")), problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith("minutes.txt")), problems.join("\n"));
  // Duplicates side by side: บุ่งไหม round 2 (a JSON and a CSV), and a municipality sent twice.
  const groups = view.locator("section.duplicates .side-by-side");
  assert.equal(await groups.count(), 2);
  const bungMai = groups.filter({ hasText: "bung-mai-again.json" });
  assert.deepEqual((await bungMai.locator(".where").allTextContents()).sort(), ["bung-mai-again.json", "bung-mai.csv, แถว 2"]);
  // Not yet complete and with errors are listed, not counted.
  const setAside = await view.locator("section.set-aside li").allTextContents();
  assert.ok(setAside.some((s) => s.includes("สระสมิง") && s.includes("ยังประเมินไม่ครบ")), setAside.join("\n"));
  assert.ok(setAside.some((s) => s.includes("ไร่น้อย") && s.includes("มีข้อผิดพลาด")), setAside.join("\n"));

  // Round 2 of อุบลราชธานี (as `khanaen summarize` counts the same files):
  // วารินชำราบ counts 4 (บุ่งไหม waits for the user), เมือง 4.
  const round2 = /ปีงบประมาณ 2567 · ครั้งที่ 2 · การจัดระดับ/;
  const labels = await view.locator("#summary-round option").allTextContents();
  await chooseRound(view, labels.find((l) => round2.test(l)));
  let table = await cells(view.locator("table.levels"));
  const row = (name) => table.find((r) => r[0] === name);
  assert.deepEqual(row("วารินชำราบ"), ["วารินชำราบ", "4", "2", "50", "1", "25", "1", "25"]);
  assert.deepEqual(row("เมืองอุบลราชธานี"), ["เมืองอุบลราชธานี", "4", "2", "50", "2", "50", "0", "0"]);
  assert.deepEqual(row("รวมจังหวัดอุบลราชธานี"), ["รวมจังหวัดอุบลราชธานี", "8", "4", "50", "3", "37.5", "1", "12.5"]);
  // Choosing another round and back re-renders from the summary the view
  // holds; counting an entry the user chose asks the core again.
  await view.evaluate((el) => {
    const ask = el.collection.summary.bind(el.collection);
    el.summaryCalls = 0;
    el.collection.summary = () => { el.summaryCalls += 1; return ask(); };
  });
  await chooseRound(view, labels.find((l) => !round2.test(l)));
  await chooseRound(view, labels.find((l) => round2.test(l)));
  assert.deepEqual(await cells(view.locator("table.levels")), table);
  assert.equal(await view.evaluate((el) => el.summaryCalls), 0);
  // The user counts bung-mai.csv: บุ่งไหม round 2 (58 points, level 3) joins วารินชำราบ.
  await bungMai.locator(".card", { hasText: "bung-mai.csv" }).getByRole("button", { name: "นับฉบับนี้" }).click();
  assert.equal(await view.evaluate((el) => el.summaryCalls), 1);
  table = await cells(view.locator("table.levels"));
  assert.deepEqual(row("วารินชำราบ"), ["วารินชำราบ", "5", "3", "60", "1", "20", "1", "20"]);
  assert.equal(await view.locator("section.duplicates .side-by-side").count(), 1);
  // Each side's date as officers write it (Buddhist era, Thai month).
  assert.match(await view.locator("section.duplicates").textContent(), /15 ส\.ค\. 2555/);
  assert.match(await view.locator("section.duplicates .excluded").textContent(), /ไม่นับแล้ว: ต\.บุ่งไหม \(bung-mai-again\.json\)/);
  // Counts add up in every row.
  for (const r of table.slice(2)) assert.equal(Number(r[2]) + Number(r[4]) + Number(r[6]), Number(r[1]), r.join(" "));

  // The unit list sorts by total, highest first on the second click.
  const units = view.locator("table.units");
  await units.locator('button[data-sort="total"]').click();
  await units.locator('button[data-sort="total"]').click();
  const totals = (await units.locator("tbody tr td:nth-last-child(2)").allTextContents()).map(Number);
  assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
  assert.equal(await units.locator('th[aria-sort="descending"] button').getAttribute("data-sort"), "total");
  // Per indicator, the spread of points; the weakest five are marked.
  assert.equal(await view.locator("table.spread tbody tr").count(), 23);
  assert.equal(await view.locator("ol.weakest li").count(), 5);

  // Round 1 against round 2: transitions, and one unit's indicators then and now.
  const comparison = view.locator("section.comparison");
  assert.match(await comparison.locator("#compare-before option:checked").textContent(), /ครั้งที่ 1/);
  const moves = await comparison.locator(".moves").textContent();
  assert.match(moves, /ระดับสูงขึ้น \d+ · คงเดิม \d+ · ระดับลดลง \d+/);
  const pairs = await cells(comparison.locator("table.pairs"));
  const khamYai = pairs.find((r) => r[0].startsWith("ขามใหญ่"));
  assert.deepEqual(khamYai.slice(0, 5), ["ขามใหญ่, เมืองอุบลราชธานี, อุบลราชธานี", "48", "56", "+8", "2 → 3"]);
  const details = comparison.locator("table.pairs tr", { hasText: "ขามใหญ่" }).locator("details");
  await details.locator("summary").click();
  await details.locator("table.rows").waitFor();
  assert.equal(await details.locator("table.rows tbody tr").count(), 23);
  // Each row named from the comparison's one list of names.
  assert.match(await details.locator("table.rows tbody tr").first().locator("td").nth(1).textContent(), /กรรมการ ศอช\.ต\./);
  assert.match(await comparison.locator(".only-after").textContent(), /สระสมิง/);

  // KPI 3.2 from the five municipality reports, then over 5 targets.
  const kpi = view.locator("section.roll-up");
  assert.equal(await kpi.locator('[data-kpi="percent"]').textContent(), "0.34");
  assert.match(await kpi.textContent(), /รายงานซ้ำ.*เทศบาลเมืองชุมแพ/);
  const failed = await cells(kpi.locator("table.municipalities"));
  assert.ok(failed.some((r) => r[0] === "เทศบาลเมืองพล" && r[2].startsWith("4.") && r[2].includes("; 5.")), JSON.stringify(failed));
  await kpi.locator("#kpi-denominator").fill("5");
  await kpi.locator("#kpi-denominator").press("Enter");
  await page.waitForFunction(() => document.querySelector("khanaen-summary").shadowRoot.querySelector('[data-kpi="percent"]').textContent === "60");
  assert.equal(await view.locator('section.roll-up [data-kpi="score"]').textContent(), "1.0000");

  assert.deepEqual(errors, []);
  assert.deepEqual(network, []);
  await context.close();
});

test("the summary's downloads open again, and the A4 summary prints with its header and signature", async () => {
  const { page, context, view } = await openSummary();
  const labels = await view.locator("#summary-round option").allTextContents();
  await chooseRound(view, labels.find((l) => /ปีงบประมาณ 2567 · ครั้งที่ 1 · การจัดระดับ/.test(l)));
  const csv = await downloadOf(page, view, "download-summary-csv");
  assert.match(csv.name, /^สรุปผล_.*อุบลราชธานี_2567_ครั้งที่1\.csv$/);
  assert.match(csv.bytes.toString("utf8"), /^\uFEFFเกณฑ์การประเมิน,ปีงบประมาณ,ครั้งที่,จังหวัด,อำเภอ/);
  const json = await downloadOf(page, view, "download-summary-json");
  assert.ok(JSON.parse(json.bytes.toString("utf8")).rounds.length >= 2);
  const sheet = await downloadOf(page, view, "download-sheet");
  const template = await downloadOf(page, view, "download-template");
  assert.match(template.bytes.toString("utf8"), /^\uFEFFเกณฑ์การประเมิน,ฉบับ,จังหวัด/);
  // The sheet goes round: opened in a fresh summary, it gives the same counts.
  const scratch = scratchDir("khanaen-sheet-");
  writeFileSync(join(scratch, sheet.name), sheet.bytes);
  const before = await cells(view.locator("table.levels"));
  const again = await browser.newPage();
  await again.goto(`${singleFileUrl}#summary`);
  const fresh = again.locator("khanaen-summary");
  await fresh.locator(".status:not(:empty)").waitFor();
  await fresh.locator("#summary-files").setInputFiles(join(scratch, sheet.name));
  await fresh.locator("table.levels").waitFor();
  const freshLabels = await fresh.locator("#summary-round option").allTextContents();
  await fresh.locator("#summary-round").selectOption({ label: freshLabels.find((l) => /2567 · ครั้งที่ 1 · การจัดระดับ/.test(l)) });
  assert.deepEqual(await cells(fresh.locator("table.levels")), before);
  await again.close();

  // The A4 summary: header with province, fiscal year and round; the table by district; signature lines.
  mkdirSync(out, { recursive: true });
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const file = join(out, "summary.pdf");
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  for (const expected of ["แบบสรุปการประเมินผล", "อุบลราชธานี", "ประจำปีงบประมาณ พ.ศ. 2567 ครั้งที่ 1", "วารินชำราบ",
    "เมืองอุบลราชธานี", "รวมจังหวัดอุบลราชธานี", "ระดับ 3 เข้มแข็ง", "ลงชื่อ", "ผู้รายงาน"]) {
    assert.ok(text.includes(expected), `PDF text has “${expected}”:\n${text}`);
  }
  for (const absent of ["เปิดไฟล์", "แบบประเมินซ้ำ", "รายหน่วย", "ดาวน์โหลด"]) assert.ok(!text.includes(absent), `PDF has no “${absent}”`);
  assert.match(execFileSync("pdfinfo", [file], { encoding: "utf8" }), /Pages:\s+1\b/);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(out, "summary-print")]);
  await context.close();
});

test("a large collection paints its counts first and the rest a frame later; printing and a round chosen build it all at once", async () => {
  const { page, context } = await offlinePage(browser, { viewport: { width: 1366, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${singleFileUrl}#summary`);
  await page.locator("khanaen-summary .status:not(:empty)").waitFor();
  // 3,000 rows: 1,500 units in each of two rounds, in 100 districts of 8 provinces.
  const seen = await page.evaluate(async (text) => {
    const view = document.querySelector("khanaen-summary");
    const root = view.shadowRoot;
    const state = () => ({
      levelRows: root.querySelectorAll("table.levels tbody tr").length,
      units: root.querySelectorAll("table.units tbody tr").length,
      pairs: root.querySelectorAll("table.pairs tbody tr").length,
      spread: root.querySelectorAll("table.spread tbody tr").length,
    });
    const told = new Promise((resolve) => view.addEventListener("khanaen-summary", (e) => resolve({
      state: state(),
      units: e.detail.summary.rounds.map((r) => r.units.length),
      // A row per district and per province, and one for the country.
      rows: e.detail.summary.rounds[0].provinces.reduce((n, p) => n + p.districts.length + 1, 1),
    }), { once: true }));
    await view.addFiles([new File([text], "generated.csv")]);
    const first = state();
    const { state: built, units, rows } = await told;
    // A summary shown again (another round) is built at once, in the same task.
    const select = root.querySelector("#summary-round");
    select.value = "1";
    select.dispatchEvent(new Event("change"));
    const other = state();
    // A new summary, then printing before its rest was built.
    view.changed();
    view.render();
    const beforePrint = state();
    window.dispatchEvent(new Event("beforeprint"));
    const printed = state();
    // In a tab not shown (an import left to run behind another), no frame
    // comes: the view is built at once.
    Object.defineProperty(document, "hidden", { value: true, configurable: true });
    view.changed();
    view.render();
    const behind = state();
    delete document.hidden;
    return { first, built, units, rows, other, beforePrint, printed, behind };
  }, generateSheet(3000));
  const { rows } = seen;
  assert.ok(rows > 100, `${rows} rows in the level table`);
  assert.deepEqual(seen.first, { levelRows: 40, units: 0, pairs: 0, spread: 0 }, "the first frame: counts and the first 40 rows");
  assert.deepEqual(seen.built, { levelRows: rows, units: 200, pairs: 200, spread: 23 }, "then every section");
  assert.deepEqual(seen.units, [1500, 1500], "the event's summary carries the units");
  assert.deepEqual(seen.other, { levelRows: rows, units: 200, pairs: 200, spread: 23 });
  assert.deepEqual(seen.beforePrint.levelRows, 40);
  assert.deepEqual(seen.printed, { levelRows: rows, units: 200, pairs: 200, spread: 23 });
  assert.deepEqual(seen.behind, { levelRows: rows, units: 200, pairs: 200, spread: 23 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a second import straight after a first tells of each once, when shown; a summary held past Clear still reads; printing the form tells nothing", async () => {
  const { page, context } = await offlinePage(browser, { viewport: { width: 1366, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(singleFileUrl);
  await ready(page);
  // The summary view, hidden behind the form, has its core and has shown nothing.
  await page.waitForFunction(() => document.querySelector("khanaen-summary")?.collection);
  const printed = await page.evaluate(() => {
    let told = 0;
    document.addEventListener("khanaen-summary", () => { told += 1; });
    window.dispatchEvent(new Event("beforeprint"));
    return told;
  });
  assert.equal(printed, 0, "printing the form tells of no summary");
  await page.getByRole("button", { name: "รวมผล · Summary" }).click();
  await page.locator("khanaen-summary .status:not(:empty)").waitFor();
  // 1,000 tambons, then 4,000 others: scoring the second takes frames enough
  // for the first's view to finish building meanwhile, were it let.
  const sheet = generateSheet(2000);
  const seen = await page.evaluate(async ([first, second]) => {
    const view = document.querySelector("khanaen-summary");
    const told = [];
    view.addEventListener("khanaen-summary", (e) => told.push({ busy: Boolean(view.busy), detail: e.detail, units: view.shadowRoot.querySelector(".units-panel h3")?.textContent }));
    const frames = async (n) => {
      for (let frame = 0; frame < n; frame += 1) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    };
    await view.addFiles([new File([first], "first.csv")]);
    // The first import's view is painted, the rest of it waiting for frames,
    // when the collection changes (as a second import's first step): what
    // waited is dropped, and nothing is told of a collection half changed.
    view.changed();
    await frames(5);
    const dropped = { told: told.length, units: Boolean(view.shadowRoot.querySelector(".units-panel")) };
    await view.addFiles([new File([second], "second.csv")]);
    await frames(10);
    const held = told.at(-1).detail;
    view.clear();
    return {
      dropped,
      told: told.map(({ busy, units }) => ({ busy, units })),
      held: held.summary.rounds.map((r) => r.units.length),
      after: view.collection.size,
    };
  }, [sheet, generateSheet(8000).replace(/จังหวัด(\d)/g, "จังหวัดที่$1")]);
  assert.deepEqual(seen.dropped, { told: 0, units: false }, "a change drops what the view left for later");
  assert.deepEqual(seen.told, [{ busy: false, units: "รายหน่วย (5,000)" }], "one event, for both files, once the view shows them");
  assert.deepEqual(seen.held, [5000, 5000], "the summary held past Clear reads the collection it told of");
  assert.equal(seen.after, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft typed in the form is added to the summary in one click, when the summary is shown", async () => {
  const { page, context } = await offlinePage(browser);
  await page.goto(singleFileUrl);
  const form = await ready(page);
  await fillUnit(form, { province: "อุบลราชธานี", district: "วารินชำราบ", tambon: "โพธิ์ใหญ่", round: 1, date: "20/11/66" });
  await answerIndicator(form, "1", "75");
  await page.waitForTimeout(400); // the draft is saved 250 ms after the last change
  await page.getByRole("button", { name: "รวมผล · Summary" }).click();
  const view = page.locator("khanaen-summary");
  await view.locator("#add-drafts").click();
  await view.locator("section.set-aside").waitFor();
  assert.match(await view.locator(".status").textContent(), /0 ไฟล์ · 1 แบบประเมิน/);
  assert.match(await view.locator("section.set-aside").textContent(), /โพธิ์ใหญ่.*ยังประเมินไม่ครบ/);
  assert.ok(await view.locator("#add-drafts").isDisabled(), "each draft is added once");
  await context.close();
});

for (const [device, viewport] of [["tablet", { width: 768, height: 1024 }], ["laptop", { width: 1366, height: 768 }]]) {
  test(`${device}: the summary view fits without sideways scrolling; screenshots`, async () => {
    const { page, context, view } = await openSummary(viewport);
    mkdirSync(out, { recursive: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: join(out, `summary-${device}.png`) });
    await view.locator("table.levels").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `summary-${device}-levels.png`) });
    await view.locator("section.comparison").scrollIntoViewIfNeeded();
    // Panels below the first screen are laid out once scrolled to (content-visibility): two frames.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.ok(await view.locator("section.comparison table.transitions").isVisible());
    await page.screenshot({ path: join(out, `summary-${device}-comparison.png`) });
    await context.close();
  });
}
