// The CSV exports opened as an officer opens them: LibreOffice Calc,
// headless, importing each example's CSV with a Thai locale (and a US and a
// British one). No cell may become a date or change its text — "7/10" once
// became 10 July, "2566-11-20" a Gregorian date in the year 2566.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./helpers.mjs";

/** RFC 4180: rows of cells, quotes doubled inside quoted cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell); rows.push(row); row = []; cell = ""; i += 1;
    } else cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const unescapeXml = (s) => s.replace(/<text:s\/>/g, " ").replace(/<text:s text:c="(\d+)"\/>/g, (_, n) => " ".repeat(Number(n)))
  .replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The cells LibreOffice made of a CSV: [{ type, text }] per row, from its flat XML. */
function openInCalc(csvPath, locale, dir) {
  const profile = pathToFileURL(join(dir, "profile")).href;
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless",
    `--infilter=CSV:44,34,76,1,,${locale}`, "--convert-to", "fods", "--outdir", dir, csvPath], { stdio: "ignore", timeout: 120000 });
  const name = csvPath.split("/").pop().replace(/\.csv$/, ".fods");
  const xml = readFileSync(join(dir, name), "utf8");
  const table = xml.slice(xml.indexOf("<table:table "), xml.indexOf("</table:table>"));
  return [...table.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) => {
    const cells = [];
    for (const [, attrs, body] of row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const repeat = Number((attrs.match(/table:number-columns-repeated="(\d+)"/) || [0, 1])[1]);
      const type = (attrs.match(/office:value-type="(\w+)"/) || [0, "empty"])[1];
      const text = unescapeXml((body || "").replace(/<\/text:p>\s*<text:p>/g, "\n")).trim();
      for (let r = 0; r < Math.min(repeat, 64); r += 1) cells.push({ type, text });
    }
    return cells;
  });
}

// Every CSV the core writes: the results' and the province summary's.
const csvs = ["examples/snapshots", "examples/collections/snapshots"].flatMap((dir) =>
  readdirSync(join(root, dir)).filter((f) => f.endsWith(".csv")).map((f) => join(dir, f)));

test("every example CSV opens in LibreOffice with no cell taken for a date, and no text changed", (t) => {
  assert.ok(csvs.length >= 11);
  const dir = mkdtempSync(join(tmpdir(), "khanaen-calc-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of csvs) {
    const path = join(dir, file.split("/").pop());
    const text = readFileSync(join(root, file), "utf8");
    writeFileSync(path, text);
    const written = parseCsv(text.replace(/^\uFEFF/, ""));
    // Thai (1054), US English (1033), British English (2057).
    for (const locale of [1054, 1033, 2057]) {
      const sheet = openInCalc(path, locale, dir);
      for (const [r, row] of written.entries()) {
        for (const [c, cell] of row.entries()) {
          const got = sheet[r][c] || { type: "empty", text: "" };
          const where = `${file} (locale ${locale}) row ${r + 1} column ${c + 1} “${cell}”`;
          assert.ok(!["date", "time"].includes(got.type), `${where} became a ${got.type}: ${got.text}`);
          // Numbers stay the same numbers; "70%" may show as "70.00%", the same percentage.
          if (got.type === "float") assert.equal(Number(got.text), Number(cell), where);
          else if (got.type === "percentage") assert.equal(parseFloat(got.text), parseFloat(cell), where);
          else assert.equal(got.text, cell.trim(), where);
        }
      }
    }
  }
});

test("the assessment date is written with its era, and the counts in their own columns", () => {
  const th = readFileSync(join(root, "examples/snapshots/sorsochot-23-complete.th.csv"), "utf8");
  const rows = parseCsv(th.replace(/^\uFEFF/, ""));
  const header = rows[0];
  const at = (name) => header.indexOf(name);
  const indicator1 = rows.find((r) => r[at("ประเภทแถว")] === "ตัวชี้วัด" && r[at("รหัส")] === "1");
  assert.equal(indicator1[at("วันที่ประเมิน")], "20 พ.ย. พ.ศ. 2566");
  assert.deepEqual([indicator1[at("ตัวตั้ง")], indicator1[at("ตัวหาร")], indicator1[at("ร้อยละ/ผล")]], ["7", "10", "70"]);
  const category = rows.find((r) => r[at("ประเภทแถว")] === "หมวด");
  assert.equal(category[at("หมายเหตุ")], "ประเมินแล้ว 6 จาก 6 ตัวชี้วัด");
  assert.ok(!th.includes("7/10") && !th.includes("6/6") && !th.includes("2566-11-20"));
});
