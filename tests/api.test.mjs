// The WebAssembly API through its real JavaScript glue (dist/pkg), in Node:
// whatever a page passes — a wrong type, a request nested thousands deep, a
// cycle, a file in TIS-620 — is a clean bilingual error or a result, never a
// trap, and the next valid call still works.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root, example } from "./helpers.mjs";

let api;
before(async () => {
  api = await import(join(root, "dist/pkg/khanaen.js"));
  await api.default({ module_or_path: readFileSync(join(root, "dist/pkg/khanaen_bg.wasm")) });
});

const complete = () => example("sorsochot-23-complete");

/** The module still answers: every kind of call works after whatever came before. */
function stillAlive() {
  assert.equal(api.frameworks().length, 3);
  assert.equal(api.describe("kpi-3.2").id, "kpi-3.2");
  const result = api.score(complete());
  assert.equal(result.scores.total, 59);
  assert.match(api.exportCsv(complete(), "en"), /^\uFEFFframework,/);
  assert.equal(api.importJson(api.exportJson(complete())).scores.total, 59);
  assert.equal(withHandle((h) => h.set(["answers", "1"], "80").scores.partial_total), 60);
}

/** Calls `f` with a fresh handle on the complete example, and frees it. */
function withHandle(f) {
  const handle = new api.Assessment(complete());
  try {
    return f(handle);
  } finally {
    handle.free();
  }
}

/** Calls `f`, which must throw a KhanaenError with the given code. */
function throwsCode(f, code) {
  let thrown;
  try {
    f();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof Error, `expected an Error, got ${thrown}`);
  assert.equal(thrown.code, code, thrown.message);
  assert.ok(thrown.th && thrown.en, "the message in both languages");
  assert.equal(thrown.message, thrown.en);
  return thrown;
}

function nested(depth, make = (inner) => [inner]) {
  let value = [];
  for (let i = 1; i < depth; i += 1) value = make(value);
  return value;
}

test("a request nested thousands deep is refused, and the module lives on", () => {
  for (const depth of [33, 1000, 5000, 100000]) {
    for (const shape of [(x) => [x], (x) => ({ value: x })]) {
      const request = { framework: "sorsochot-23", answers: { 1: nested(depth, shape) } };
      for (const call of [
        () => api.score(request),
        () => api.exportJson(request),
        () => api.exportCsv(request, "th"),
        () => api.scoreWithFramework(readFileSync(join(root, "crate/frameworks/sorsochot-23/framework.json"), "utf8"), request),
      ]) {
        const err = throwsCode(call, "too_deep");
        assert.match(err.th, /ลึกเกิน 32 ชั้น/);
      }
      stillAlive();
    }
  }
  const cycle = {};
  cycle.self = cycle;
  throwsCode(() => api.score({ framework: "sorsochot-23", answers: { 1: cycle } }), "too_deep");
  stillAlive();
  // JSON text deeper than the limit gives the same error.
  throwsCode(() => api.importJson(`{"framework":"sorsochot-23","answers":{"1":${"[".repeat(40)}${"]".repeat(40)}}}`), "too_deep");
  stillAlive();
});

test("every exported function checks its arguments", () => {
  const table = [
    [() => api.describe(5), "wrong_argument", /describe: “id” must be text, got number/],
    [() => api.describe(null), "wrong_argument", /got null/],
    [() => api.describe(undefined), "wrong_argument", /got undefined/],
    [() => api.describe({ id: "kpi-3.2" }), "wrong_argument", /got object/],
    [() => api.importJson({}), "wrong_argument", /importJson: “file” must be text or the bytes of a file, got object/],
    [() => api.importJson(42), "wrong_argument", /got number/],
    [() => api.importJson([1, 2]), "wrong_argument", /got array/],
    [() => api.exportCsv(complete(), 5), "wrong_argument", /exportCsv: “lang” must be "th" or "en", got number/],
    [() => api.exportCsv(complete(), "fr"), "wrong_argument", /got string/],
    [() => api.scoreWithFramework(5, complete()), "wrong_argument", /scoreWithFramework: “framework” must be text, got number/],
    [() => api.scoreWithFramework(null, complete()), "wrong_argument", /got null/],
    [() => api.decodeFile("text"), "wrong_argument", /decodeFile: “bytes” must be text or the bytes of a file, got string/],
    [() => api.score(5), "malformed_request", /expected a JSON object, got number/],
    [() => api.score(null), "malformed_request", /got null/],
    [() => api.score(() => 1), "malformed_request", /./],
    [() => api.exportJson(Symbol("x")), "malformed_request", /./],
    [() => api.score({ framework: "nope" }), "unknown_framework", /unknown framework/],
    [() => api.importJson(new Uint8Array([0xff, 0xfe, 0x00])), "not_text", /UTF-8, UTF-16 or TIS-620/],
    [() => new api.Assessment(complete(), 5), "wrong_argument", /Assessment: “rubric” must be text, got number/],
    [() => new api.Assessment({ framework: "nope" }), "unknown_framework", /unknown framework/],
    [() => new api.Assessment(complete(), "{"), "invalid_framework", /line 1/],
    [() => api.Assessment.open(complete(), 5), "wrong_argument", /open: “file” must be text or the bytes/],
    [() => api.Assessment.open(JSON.stringify(complete()), "x"), "wrong_argument", /open: “known” must be a list/],
    [() => api.checkRubric(5), "wrong_argument", /checkRubric: “file”/],
    [() => new api.Assessment(complete(), readFileSync(join(root, "examples/rubrics/mchch-leader.json"), "utf8")),
      "rubric_not_named", /names the framework “sorsochot-23” but carries the rubric “example-mchch-leader”/],
    [() => withHandle((a) => a.set(["framework"], "kpi-3.2")), "bad_path", /cannot set “\/framework”/],
    [() => withHandle((a) => a.set("/answers/1", "5")), "wrong_argument", /set: “path” must be a list/],
    [() => withHandle((a) => a.exportCsv(5)), "wrong_argument", /exportCsv: “lang”/],
  ];
  for (const [call, code, message] of table) {
    const err = throwsCode(call, code);
    assert.match(err.en, message);
    stillAlive();
  }
  // The Thai text is Thai.
  assert.match(throwsCode(() => api.describe(5), "wrong_argument").th, /ต้องเป็นข้อความ/);
});

/** A small seeded generator, so a failure can be replayed. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const value = (depth) => {
    const kinds = depth > 3 ? 9 : 12;
    switch (Math.floor(next() * kinds)) {
      case 0: return null;
      case 1: return undefined;
      case 2: return next() < 0.5;
      case 3: return pick([0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53 + 1, -0, 1e308]);
      case 4: return pick(["", "sorsochot-23", "kpi-3.2", "th", "en", "๗๐ %", "{", "[]", "NaN", "\u0000"]);
      case 5: return pick([10n, Symbol("s"), () => 0, new Date(0), /x/, new Map([[1, 2]])]);
      case 6: return new Uint8Array(Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * 256)));
      case 7: return new ArrayBuffer(Math.floor(next() * 4));
      case 8: return nested(30 + Math.floor(next() * 5000));
      case 9: return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default: {
        const object = {};
        for (const key of ["framework", "edition", "unit", "answers", "1", "3.2", "units", "core_version", "request"]) {
          if (next() < 0.4) object[key] = value(depth + 1);
        }
        return object;
      }
    }
  };
  return { value: () => value(0) };
}

test("property: any arguments to any function are a result or a clean error", () => {
  const calls = [
    (a) => api.describe(a),
    (a) => api.score(a),
    (a, b) => api.scoreWithFramework(a, b),
    (a) => api.importJson(a),
    (a) => api.decodeFile(a),
    (a) => api.exportJson(a),
    (a, b) => api.exportCsv(a, b),
    (a, b) => new api.Assessment(a, b).free(),
    (a, b) => api.Assessment.open(a, b).free(),
    (a, b) => api.checkRubric(a, b),
    (a, b) => withHandle((h) => h.set(a, b)),
    (a, b) => withHandle((h) => { h.set(["answers", "1"], a); h.set(["unit", "round"], b); return h.exportCsv(); }),
    (a) => withHandle((h) => h.replace(a)),
  ];
  const seed = Number(process.env.KHANAEN_SEED || 20261122);
  const { value } = generator(seed);
  let tried = 0;
  for (let round = 0; round < 3000; round += 1) {
    const call = calls[round % calls.length];
    const [a, b] = [value(), value()];
    try {
      call(a, b);
    } catch (err) {
      assert.ok(err instanceof Error && typeof err.code === "string" && err.th && err.en,
        `seed ${seed}, round ${round}: ${err}`);
    }
    tried += 1;
    if (round % 100 === 0) stillAlive();
  }
  stillAlive();
  assert.equal(tried, 3000);
});

test("a page's own exception while a handle reads an argument leaves the handle working", () => {
  const handle = new api.Assessment(complete());
  const boom = { get numerator() { throw new Error("boom"); } };
  assert.throws(() => handle.set(["answers", "1"], boom), /boom/);
  assert.throws(() => handle.replace({ framework: "sorsochot-23", get answers() { throw new Error("boom"); } }), /boom/);
  // Every later call works on the same handle; only its memory stays (free refuses).
  assert.deepEqual(handle.set(["answers", "2"], "80").changed, ["2"]);
  assert.equal(handle.result().scores.partial_total, 58);
  assert.match(handle.exportCsv("en"), /^\uFEFFframework,/);
  stillAlive();
});

test("a JSON file in TIS-620 is converted, never read as �", () => {
  const tis620 = (text) => Uint8Array.from([...text].map((c) => {
    const code = c.codePointAt(0);
    return code < 0x80 ? code : code - 0x0e01 + 0xa1;
  }));
  const request = JSON.stringify({ framework: "sorsochot-23", unit: { tambon: "บุ่งไหม", district: "วารินชำราบ" }, answers: { 5: "2" } });
  const bytes = tis620(request);
  const decoded = api.decodeFile(bytes);
  assert.equal(decoded.encoding, "tis620");
  assert.equal(decoded.text, request);
  const result = api.importJson(bytes);
  assert.equal(result.unit.tambon, "บุ่งไหม");
  assert.ok(!JSON.stringify(result).includes("\uFFFD"));
  // UTF-8 with a byte-order mark, and an ArrayBuffer, read the same.
  const utf8 = new TextEncoder().encode(`\uFEFF${request}`);
  assert.equal(api.importJson(utf8.buffer).unit.tambon, "บุ่งไหม");
  assert.equal(api.decodeFile(utf8).encoding, "utf8");
});

test("the single file's first-frame data is what this core gives: the frameworks it lists, the default view and blank result", () => {
  const html = readFileSync(join(root, "dist/khanaen.html"), "utf8");
  const text = /<script type="application\/json" id="khanaen-first-frame">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(text, "the single file carries its first frame");
  const data = JSON.parse(text);
  // The page lists the built-ins from it instead of asking the core (which
  // would load every rubric before the first is scored).
  assert.deepEqual(data.frameworks, api.frameworks());
  const assessment = new api.Assessment(data.result.request);
  try {
    assert.deepEqual(data.view, assessment.view());
    assert.deepEqual(data.result, assessment.result());
  } finally {
    assessment.free();
  }
});
