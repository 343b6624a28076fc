// The single-file page, opened from file:// with the network blocked: it
// loads, scores every example exactly as the native core did (the snapshots),
// and downloads JSON and CSV written by the core.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { launch, offlinePage } from "./browser.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pageUrl = pathToFileURL(join(root, "dist/khanaen.html")).href;
const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".json")).sort();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openPage() {
  const opened = await offlinePage(browser);
  await opened.page.goto(pageUrl);
  await opened.page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return opened;
}

test("opens from file:// with no network request and scores every example as natively", async () => {
  const { page, network, context } = await openPage();
  for (const file of examples) {
    const name = file.replace(/\.json$/, "");
    await page.selectOption("#example", name);
    const shown = JSON.parse(await page.textContent("#result-json"));
    const expected = JSON.parse(readFileSync(join(root, "examples/snapshots", `${name}.result.json`), "utf8"));
    assert.deepEqual(shown, expected, name);
  }
  assert.deepEqual(network, [], "no http(s) request of any kind");
  await context.close();
});

test("downloads the core's JSON and CSV exports", async () => {
  const { page, context } = await openPage();
  await page.selectOption("#example", "sorsochot-23-complete");
  const grab = async (button) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  };
  const snapshots = join(root, "examples/snapshots");
  const json = await grab("#download-json");
  assert.equal(json.name, "อุบลราชธานี-วารินชำราบ-บุ่งไหม_2566-11-20.json");
  assert.equal(json.bytes.toString("utf8"), readFileSync(join(snapshots, "sorsochot-23-complete.result.json"), "utf8"));
  const csv = await grab("#download-csv");
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  assert.equal(csv.bytes.toString("utf8"), readFileSync(join(snapshots, "sorsochot-23-complete.th.csv"), "utf8"));
  assert.match(csv.bytes.toString("utf8"), /ระดับ,,,,,3,,,,เข้มแข็ง/);
  const csvEn = await grab("#download-csv-en");
  assert.equal(csvEn.bytes.toString("utf8"), readFileSync(join(snapshots, "sorsochot-23-complete.en.csv"), "utf8"));
  await context.close();
});

test("a bad request shows an error and keeps the text", async () => {
  const { page, context } = await openPage();
  await page.fill("#request", '{"framework": "nope"');
  await page.click("#score");
  assert.match(await page.textContent("#request-error"), /malformed request/);
  assert.equal(await page.inputValue("#request"), '{"framework": "nope"');
  await page.fill("#request", '{"framework":"sorsochot-23","answers":{"1":"<img src=x onerror=alert(1)>"}}');
  await page.click("#score");
  const errors = await page.textContent("#errors");
  assert.match(errors, /<img src=x onerror=alert\(1\)>/, "shown as text");
  assert.equal(await page.locator("#errors img").count(), 0, "never as markup");
  await context.close();
});
