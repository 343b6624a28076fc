// The reporting chain at national scale (run by scripts/bench.sh): 10,000
// generated tambon rows, as one sheet CSV, read, scored and summarised
//   - by the CLI (`khanaen summarize`, median of 15 runs, process wall time:
//     five moved by half from one moment of the machine to another),
//   - in the page (the summary view of dist/khanaen.html: from handing it the
//     file to the next painted frame with the counts and the first screen of
//     the level table; then to the frame after every section is built — the
//     rest of the level table, the unit list, the spread and the comparison,
//     a frame at a time; median of 5; and the longest gap between frames
//     meanwhile: how long the tab froze),
//   - and, for scale, by a plain JavaScript loop in the same browser (split
//     the CSV, find each answer's band in the rubric, sum, level: floating
//     point, no checks), median of 5.
// Aims (issue 11): under 300 ms in the page, under 100 ms in the CLI.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, offlinePage } from "../tests/browser.mjs";
import { root, singleFileUrl } from "../tests/helpers.mjs";
import { generateSheet } from "./gen-sheet.mjs";

const ROWS = 10_000;
const RUNS = 5;
const CLI_RUNS = 15;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `[${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;
const line = (label, xs, aim) => console.log(`${label.padEnd(52)} median ${median(xs).toFixed(1).padStart(7)} ms ${range(xs).padEnd(12)}${aim ? ` aim < ${aim} ms` : ""}`);

const csv = generateSheet(ROWS);
const scratch = mkdtempSync(join(tmpdir(), "khanaen-bench-"));
const file = join(scratch, "sheet-10000.csv");
writeFileSync(file, csv);
console.log(`\n${ROWS} generated tambon rows, one sheet CSV of ${csv.length} characters`);

const cli = join(root, "target/cli/khanaen");
const cliTimes = [];
for (let i = 0; i < CLI_RUNS; i += 1) {
  const start = process.hrtime.bigint();
  execFileSync(cli, ["summarize", "--csv", file], { stdio: ["ignore", "ignore", "inherit"] });
  cliTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}

const browser = await launch();
const pageTimes = [];
const completeTimes = [];
const frozen = [];
const plain = [];
for (let i = 0; i < RUNS; i += 1) {
  const { page, context } = await offlinePage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${singleFileUrl}#summary`);
  await page.waitForFunction(() => document.querySelector("khanaen-summary")?.shadowRoot?.querySelector(".status")?.textContent);
  const run = await page.evaluate(async (text) => {
    const view = document.querySelector("khanaen-summary");
    const gaps = [];
    let last = performance.now();
    let watching = true;
    const watch = (now) => {
      gaps.push(now - last);
      last = now;
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const file = new File([text], "sheet-10000.csv", { type: "text/csv" });
    const built = new Promise((resolve) => view.addEventListener("khanaen-summary", resolve, { once: true }));
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const start = performance.now();
    await view.addFiles([file]);
    if (!view.shadowRoot.querySelector("table.levels")) throw new Error("no level table");
    // The next frame painted after the view was rebuilt.
    await frame();
    const took = performance.now() - start;
    await built;
    if (!view.shadowRoot.querySelector("table.pairs tbody tr")) throw new Error("no comparison");
    await frame();
    const complete = performance.now() - start;
    watching = false;
    return { took, complete, longestFrame: Math.max(...gaps) };
  }, csv);
  pageTimes.push(run.took);
  completeTimes.push(run.complete);
  frozen.push(run.longestFrame);
  // The baseline, in the same page: a plain loop over the same text.
  plain.push(await page.evaluate((text) => {
    const rubric = document.querySelector("khanaen-summary").core.describe("sorsochot-23").rubric.banded;
    const indicators = rubric.categories.flatMap((c) => c.indicators);
    const start = performance.now();
    const rows = text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean).map((r) => r.split(","));
    const header = rows[0];
    const at = (name) => header.indexOf(name);
    const columns = indicators.map((i) => ({ i, value: at(i.id), num: at(`${i.id} ตัวตั้ง`), den: at(`${i.id} ตัวหาร`) }));
    const inBand = (w, x) => (w.min === undefined || (w.min_exclusive ? x > Number(w.min) : x >= Number(w.min)))
      && (w.max === undefined || (w.max_exclusive ? x < Number(w.max) : x <= Number(w.max)));
    const levels = [0, 0, 0, 0];
    for (const row of rows.slice(1)) {
      let total = 0;
      for (const { i, value, num, den } of columns) {
        const cell = row[value];
        const band = i.input === "choice"
          ? i.bands.find((b) => b.choices.includes(cell))
          : i.bands.find((b) => inBand(b.written, cell === "" && num >= 0 ? (Number(row[num]) * 100) / Number(row[den]) : Number(cell)));
        total += band ? band.points : 0;
      }
      levels[rubric.levels.find((l) => total >= l.min && total <= l.max)?.level ?? 0] += 1;
    }
    if (levels.reduce((a, b) => a + b) !== rows.length - 1) throw new Error("rows lost");
    return performance.now() - start;
  }, csv));
  await context.close();
}
await browser.close();

line("CLI: khanaen summarize --csv (process)", cliTimes, 100);
line("page: file to painted summary (first screen)", pageTimes, 300);
line("page: file to every section built and painted", completeTimes);
line("page: longest gap between frames meanwhile", frozen);
line("plain JavaScript loop, same rows (baseline)", plain);
console.log(`ratio page / plain loop: ${(median(pageTimes) / median(plain)).toFixed(1)}×; CLI / plain loop: ${(median(cliTimes) / median(plain)).toFixed(1)}×`);
rmSync(scratch, { recursive: true, force: true });
