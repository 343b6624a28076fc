// A rubric of one's own at scale (run by scripts/bench.sh; issue 8): a
// generated banded rubric of 100,000 count indicators (100 categories) and a
// request answering every one, scored by the CLI with `--rubric`: reading
// and validating the 28 MB rubric, scoring, writing the result (JSON, to
// /dev/null). Median of 5 runs, process wall time, beside 10,000 indicators
// to show the cost grows linearly. Aim: under 1 s for 100,000.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../tests/helpers.mjs";

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `[${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;
const dir = mkdtempSync(join(tmpdir(), "khanaen-rubric-"));
const cli = join(root, "target/cli/khanaen");

function files(count) {
  const text = (th, en) => ({ th, en });
  const categories = [];
  for (let c = 0; c < 100; c += 1) {
    const indicators = [];
    for (let i = c * (count / 100); i < (c + 1) * (count / 100); i += 1) {
      indicators.push({
        id: `i${i}`, name: text(`ตัวชี้วัด ${i}`, `indicator ${i}`), input: "count",
        bands: [{ points: 1, criterion: text("ไม่มี", "none") }, { points: 2, criterion: text("1 ขึ้นไป", "1 or more"), written: { min: "1" } }],
      });
    }
    categories.push({ id: `c${c}`, name: text(`หมวด ${c}`, `category ${c}`), indicators });
  }
  const rubric = {
    format: 1, id: "bench-own", name: text("เกณฑ์ทดสอบ", "bench rubric"), unit: "tambon",
    editions: [{ edition: "1", source: text("สร้างขึ้น", "generated") }],
    rubric: { banded: { categories, levels: [{ level: 1, name: text("ระดับเดียว", "one level"), min: count, max: 2 * count }] } },
  };
  const answers = Object.fromEntries(Array.from({ length: count }, (_, i) => [`i${i}`, String(i % 3)]));
  const rubricFile = join(dir, `rubric-${count}.json`);
  const requestFile = join(dir, `request-${count}.json`);
  writeFileSync(rubricFile, JSON.stringify(rubric));
  writeFileSync(requestFile, JSON.stringify({ framework: "bench-own", answers }));
  return [rubricFile, requestFile];
}

console.log("\nA rubric of one's own, scored by the CLI (read, validate, score, write JSON)");
for (const count of [10_000, 100_000]) {
  const [rubric, request] = files(count);
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    execFileSync(cli, ["score", request, "--rubric", rubric], { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const aim = count === 100_000 ? " aim < 1000 ms" : "";
  console.log(`${`${count.toLocaleString("en")} indicators`.padEnd(52)} median ${median(times).toFixed(1).padStart(7)} ms ${range(times).padEnd(12)}${aim}`);
}
rmSync(dir, { recursive: true, force: true });
