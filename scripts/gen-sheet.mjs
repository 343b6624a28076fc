// Writes a one-row-per-unit sheet of N generated ศอช.ต. assessments (default
// 10,000), for the bench: every column's value is drawn, with a fixed seed,
// from the complete rows of examples/collections/ubon-province-sheet.csv, so
// each row is a valid, complete assessment; provinces, districts and tambons
// are numbered, rounds 1 and 2.
//
// Usage: node scripts/gen-sheet.mjs [N] > sheet.csv
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function generateSheet(count) {
  const example = readFileSync(fileURLToPath(new URL("../examples/collections/ubon-province-sheet.csv", import.meta.url)), "utf8")
    .replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean).map((line) => line.split(","));
  const [header, ...rows] = example;
  // Rows 2-19 of the example are complete and without errors.
  const pool = rows.slice(0, 18);
  let seed = 20671122;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const first = header.indexOf("1");
  // Columns that take the same example row as the column before them.
  const tied = new Set(["1 ตัวตั้ง", "1 ตัวหาร", "7"]);
  const lines = [header.join(",")];
  for (let i = 0; i < count; i += 1) {
    const round = (i % 2) + 1;
    const unit = Math.floor(i / 2);
    const cells = [
      "sorsochot-23", "2567", `จังหวัด${Math.floor(unit / 200) + 1}`, `อำเภอ${Math.floor(unit / 15) + 1}`,
      `ตำบล${unit + 1}`, "", String(round), "2567", round === 1 ? "20/11/66" : "10/06/67", "ผู้ประเมิน", "พัฒนากร",
    ];
    // Columns that depend on each other come from the same example row:
    // indicator 1 as a value or as counts, and 7 (the fund is current) with 6.
    let source = null;
    for (let column = first; column < header.length; column += 1) {
      if (!tied.has(header[column])) source = pool[random(pool.length)];
      cells.push(source[column]);
    }
    lines.push(cells.join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(generateSheet(Number(process.argv[2] || 10000)));
}
