// The reporting chain through the real WebAssembly glue (dist/pkg), in Node:
// the collection examples give, through the wasm build, exactly the native
// snapshots (summary JSON and CSV, the comparison, the KPI 3.2 roll-up), and
// the Collection handle refuses wrong arguments cleanly.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { root } from "./helpers.mjs";

const dir = join(root, "examples/collections");
const snapshot = (name) => readFileSync(join(dir, "snapshots", name), "utf8");

let api;
before(async () => {
  api = await import(join(root, "dist/pkg/khanaen.js"));
  await api.default({ module_or_path: readFileSync(join(root, "dist/pkg/khanaen_bg.wasm")) });
});

/** A collection of the files under `paths`, named and ordered as the native tests name them. */
function collection(...paths) {
  const c = new api.Collection();
  for (const path of paths) {
    const full = join(dir, path);
    const files = statSync(full).isDirectory() ? readdirSync(full).sort().map((f) => `${path}/${f}`) : [path];
    for (const file of files) c.addFile(file, new Uint8Array(readFileSync(join(dir, file))));
  }
  return c;
}

test("the summaries through wasm are the native snapshots", () => {
  const ubon = collection("ubon-province-sheet.csv");
  assert.equal(ubon.summaryJson(), snapshot("ubon-province.summary.json"));
  assert.equal(ubon.summaryCsv("th"), snapshot("ubon-province.summary.th.csv"));
  assert.deepEqual(ubon.summary(), JSON.parse(snapshot("ubon-province.summary.json")));
  const warin = collection("warin-round-1", "warin-round-2");
  assert.equal(warin.summaryJson(), snapshot("warin.summary.json"));
});

test("round against round and the KPI roll-up through wasm are the native snapshots", () => {
  const ubon = collection("ubon-province-sheet.csv");
  const summary = ubon.summary();
  // The user keeps the first of the duplicate pair, as the native test does.
  ubon.setAside(summary.duplicates[0][1].entry, true);
  const round = (r) => ({ fiscal_year: 2567, round: r });
  const comparison = ubon.compare("sorsochot-23", round(1), round(2));
  assert.deepEqual(comparison, JSON.parse(snapshot("ubon-province.comparison.json")));
  // A view asks for a page of pairs; the count says how many there are.
  const first = ubon.compare("sorsochot-23", round(1), round(2), 1);
  assert.deepEqual(first.pairs, comparison.pairs.slice(0, 1));
  assert.equal(first.pair_count, comparison.pairs.length);
  assert.equal(comparison.pair_count, comparison.pairs.length);
  const kpi = collection("kpi-municipalities");
  assert.deepEqual(kpi.rollUp("kpi-3.2"), JSON.parse(snapshot("kpi-municipalities.roll-up.json")));
  assert.equal(kpi.rollUp("kpi-3.2", "5").result.scores.items[0].reports.denominator, "5");
  assert.equal(ubon.rollUp("kpi-3.2"), null);
});

test("files are queued and scored in batches, drafts added one by one", () => {
  const c = new api.Collection();
  const queued = c.readFile("sheet.csv", readFileSync(join(dir, "ubon-province-sheet.csv"), "utf8"));
  assert.equal(queued, 23, "every row is queued; one names an unknown framework");
  assert.equal(c.size, 0);
  assert.equal(c.scorePending(5), 18);
  assert.equal(c.size, 5);
  assert.equal(c.scorePending(1000), 0);
  const draft = JSON.parse(readFileSync(join(dir, "warin-round-1/bung-mai.json"), "utf8"));
  assert.deepEqual(c.addRequest("ฉบับร่าง", draft), { entries: 1, problems: 0 });
  assert.deepEqual(c.addRequest("ฉบับร่าง", { framework: "nope" }), { entries: 0, problems: 1 });
  assert.equal(c.entry(c.size - 1).unit.tambon, "บุ่งไหม");
  assert.equal(c.entry(10_000), null);
  assert.match(c.sheet("sorsochot-23", "en"), /^\uFEFFframework,edition,province/);
  assert.match(api.sheetTemplate("sorsochot-23", "th"), /^\uFEFFเกณฑ์การประเมิน,ฉบับ,จังหวัด/);
  const problems = c.summary().problems.map((p) => [p.source.file, p.source.row ?? null]);
  assert.deepEqual(problems, [["sheet.csv", 23], ["ฉบับร่าง", null]]);
});

test("the summary without its units, a round's units on their own, and a summary that follows every change", () => {
  const c = collection("ubon-province-sheet.csv");
  const full = c.summary();
  const light = c.summary({ units: false });
  assert.ok(light.rounds.length > 0 && light.rounds.every((r) => r.units.length === 0));
  assert.deepEqual({ ...light, rounds: light.rounds.map(({ units, ...r }) => r) },
    { ...full, rounds: full.rounds.map(({ units, ...r }) => r) }, "all but the units is the same");
  assert.deepEqual(c.summary({ units: true }), full);
  assert.deepEqual(c.summary({}), full);
  for (const round of full.rounds) {
    assert.deepEqual(c.units(round.framework, { fiscal_year: round.fiscal_year, round: round.round }), round.units);
  }
  assert.deepEqual(c.units("sorsochot-23", { fiscal_year: 1999, round: 1 }), []);
  assert.deepEqual(c.units("kpi-3.2", { fiscal_year: 2567, round: 1 }), []);
  // The summary is kept between calls, and made again after any change.
  const [first, second] = full.duplicates[0];
  const key = { fiscal_year: first.fiscal_year, round: first.round };
  const entries = () => c.units("sorsochot-23", key).map((u) => u.entry);
  assert.ok(!entries().includes(first.entry) && !entries().includes(second.entry), "duplicates are not counted");
  c.setAside(second.entry, true);
  assert.equal(c.summary().duplicates.length, full.duplicates.length - 1);
  assert.ok(entries().includes(first.entry) && !entries().includes(second.entry));
  c.setAside(second.entry, false);
  c.setAside(first.entry, true);
  assert.ok(entries().includes(second.entry) && !entries().includes(first.entry), "the one kept now is the other");
  const before = c.summary({ units: false });
  const draft = JSON.parse(readFileSync(join(dir, "warin-round-1/bung-mai.json"), "utf8"));
  c.addRequest("ฉบับร่าง", { ...draft, unit: { ...draft.unit, tambon: "ตำบลใหม่" } });
  const after = c.summary({ units: false });
  const assessed = (s) => s.rounds.reduce((n, r) => n + r.total.assessed, 0);
  assert.equal(assessed(after), assessed(before) + 1, "a draft added is counted at once");
  assert.ok(c.summary().rounds.some((r) => r.units.some((u) => u.place === "ตำบลใหม่")));
  for (const options of [5, "no", { units: "no" }, { units: 0 }]) {
    assert.throws(() => c.summary(options), (err) => err.code === "wrong_argument" && /units/.test(err.en) && Boolean(err.th));
  }
  assert.throws(() => c.units("sorsochot-23", 1), (err) => err.code === "wrong_argument" && Boolean(err.th));
  assert.throws(() => c.units(5, key), (err) => err.code === "wrong_argument");
});

test("a file that is not text is a listed problem, not an exception", () => {
  const c = new api.Collection();
  assert.equal(c.readFile("photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x81])), 0);
  const [problem] = c.summary().problems;
  assert.equal(problem.source.file, "photo.jpg");
  assert.ok(problem.message.th && problem.message.en);
});

test("wrong arguments are clean errors, and the handle still works", () => {
  const c = new api.Collection();
  const calls = [
    () => c.readFile(5, "x"), () => c.readFile("a", {}), () => c.addFile("a", null),
    () => c.scorePending(-1), () => c.scorePending("10"), () => c.scorePending(1.5),
    () => c.entry("0"), () => c.setAside(0, "yes"), () => c.setAside(undefined, true),
    () => c.compare("sorsochot-23", { round: "one" }, { round: 2 }), () => c.compare("sorsochot-23", 1, 2),
    () => c.compare("sorsochot-23", { round: 1 }, { round: 2 }, -1),
    () => c.rollUp("kpi-3.2", 878), () => c.rollUp(null), () => c.sheet("sorsochot-23", 5),
    () => c.sheet("nope", "th"), () => api.sheetTemplate("nope"), () => c.template("nope"), () => c.template(5)
  ];
  for (const call of calls) {
    assert.throws(call, (err) => err instanceof Error && typeof err.code === "string" && Boolean(err.th && err.en));
  }
  // A request that is not one is the collection's problem to list, like a bad file.
  assert.deepEqual(c.addRequest("a", 7), { entries: 0, problems: 1 });
  assert.equal(c.addFile("u.csv", readFileSync(join(dir, "ubon-province-sheet.csv"))).entries, 22);
  assert.equal(c.summary().rounds.length, 2);
});

test("rubrics of one's own: files bring theirs; a kept rubric that differs from a file's is listed, and drafts naming it are not scored with the wrong one", () => {
  const rubric = readFileSync(join(root, "examples/rubrics/mchch-leader.json"));
  const before = readFileSync(join(dir, "mchch-lat-yao/before/leader.json"), "utf8");
  const request = JSON.parse(before).request;
  // Added first from this browser (as bytes), then a draft naming it: scored with it.
  const kept = new api.Collection();
  assert.equal(kept.addRubric("kept", new Uint8Array(rubric)).id, "example-mchch-leader");
  assert.deepEqual(kept.addRequest("draft", request), { entries: 1, problems: 0 });
  // Its sheet and blank sheet, as for a built-in; the sheet reads back with the rubric.
  const sheet = kept.sheet("example-mchch-leader", "th");
  assert.match(kept.template("example-mchch-leader", "en"), /^\uFEFFframework,edition,.*\r\nexample-mchch-leader,/s);
  assert.throws(() => new api.Collection().template("example-mchch-leader"), (err) => err.code === "unknown_framework");
  const again = new api.Collection();
  again.addRubric("kept", rubric.toString("utf8"));
  assert.deepEqual(again.addFile("sheet.csv", sheet), { entries: 1, problems: 0 });
  assert.deepEqual(again.entry(0).scores, kept.entry(0).scores);
  assert.equal(again.sheet("example-mchch-leader", "th"), sheet);
  again.free();
  kept.free();
  // A file brings version 1; the browser keeps another under the same id.
  const clash = new api.Collection();
  clash.addFile("leader.json", before);
  const other = JSON.parse(rubric.toString("utf8"));
  other.rubric.banded.levels[0].name.en = "weak";
  assert.equal(clash.addRubric("the rubric kept in this browser", JSON.stringify(other)), null);
  assert.deepEqual(clash.addRequest("draft", request), { entries: 0, problems: 1 });
  const { problems } = clash.summary();
  assert.deepEqual(problems.map((p) => p.source.file), ["the rubric kept in this browser", "draft"]);
  assert.match(problems[1].message.en, /a different rubric with the id “example-mchch-leader” is already open/);
  assert.equal(clash.size, 1, "the file's own assessment still counts");
  clash.free();
});
