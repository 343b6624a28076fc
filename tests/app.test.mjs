// The installable web app (dist/app), served from localhost with a portal's
// strict Content-Security-Policy, in headless Chromium: kept on the first
// visit and then working with the network off, drafts kept across offline
// reloads; installable by Chromium's criteria; a new version offered and
// switched to only at the user's word, drafts intact; storage persistence
// asked and shown; "Share…" beside the downloads only where files can be shared.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { launch, launchProfile } from "./browser.mjs";
import { root, ready, example, fillUnit, answerIndicator, downloadOf } from "./helpers.mjs";
import { serveDist } from "./server.mjs";

const APP = join(root, "dist/app");
const out = join(root, "dist/test-output");
const tablet = { width: 768, height: 1024 };
const buildOf = (dir) => /const BUILD = "([0-9a-f-]+)"/.exec(readFileSync(join(dir, "sw.js"), "utf8"))[1];
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * Another build in `dir`: the files of `from` under the build name `name`,
 * the worker listing their digests, as www/build.mjs writes them; `damage`
 * then spoils app.js on the server after the worker was written.
 */
function deployCopy(from, dir, name, damage = null) {
  cpSync(from, dir, { recursive: true });
  const old = buildOf(from);
  const app = readFileSync(join(dir, "app.js"), "utf8").replaceAll(old, name);
  writeFileSync(join(dir, "app.js"), app);
  let sw = readFileSync(join(dir, "sw.js"), "utf8").replaceAll(old, name);
  sw = sw.replace(sha256(readFileSync(join(from, "app.js"))), sha256(Buffer.from(app)));
  writeFileSync(join(dir, "sw.js"), sw);
  if (damage) writeFileSync(join(dir, "app.js"), damage(app));
}

let browser;
let server;
let scratch;
before(async () => {
  browser = await launch();
  server = await serveDist(APP);
  scratch = mkdtempSync(join(tmpdir(), "khanaen-app-"));
  mkdirSync(out, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A fresh browser profile on the app; CSP reports and page errors collected. */
async function openApp(options = {}) {
  const context = await browser.newContext({ viewport: tablet, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => { if (/Content.Security.Policy|Refused/.test(m.text())) problems.push(m.text()); });
  await page.goto(`${server.localhost}/`);
  const form = await ready(page);
  // The service worker has kept the app's files.
  await page.evaluate(() => navigator.serviceWorker.ready);
  return { context, page, form, problems };
}

test("after one visit the app opens with the network off, scores, and keeps drafts across offline reloads", async () => {
  server.deploy(APP);
  const { context, page, problems } = await openApp();
  await context.setOffline(true);
  await page.reload();
  let form = await ready(page);
  const request = example("sorsochot-23-complete");
  await fillUnit(form, request.unit);
  for (const [id, answer] of Object.entries(request.answers)) await answerIndicator(form, id, answer);
  assert.match(await form.locator(".summary .total").textContent(), /คะแนนรวม 59\/69 · ระดับ 3 เข้มแข็ง/);
  await page.waitForTimeout(400); // drafts are saved 250 ms after the last change
  await page.reload();
  form = await ready(page);
  assert.ok((await form.locator("#drafts option").allTextContents()).some((o) => o.includes(request.unit.tambon)), "the draft is listed");
  assert.equal(await form.locator("#unit-tambon").inputValue(), request.unit.tambon, "and opens");
  assert.match(await form.locator(".summary .total").textContent(), /คะแนนรวม 59\/69/);
  // The downloads work offline too.
  const json = await downloadOf(page, form, "download-json");
  assert.equal(JSON.parse(json.bytes.toString("utf8")).scores.total, 59);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the manifest is valid and Chromium finds the app installable; it looks right as an installed app on a tablet", async () => {
  server.deploy(APP);
  // A profile on disk: Chromium installs nothing from an incognito window.
  const context = await launchProfile(join(scratch, "profile"), { viewport: tablet });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${server.localhost}/`);
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const { errors, data } = await cdp.send("Page.getAppManifest");
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, "คะแนน · แบบประเมินผลงานพัฒนาชุมชน");
  assert.equal(manifest.short_name, "คะแนน");
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.display, "standalone");
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === "image/png");
    assert.ok(icon, `a ${size} px PNG icon`);
    const response = await page.request.get(new URL(icon.src, `${server.localhost}/`).href);
    const png = await response.body();
    assert.equal(png.readUInt32BE(16), size, "the icon is the size it says");
  }
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, [], "installable by Chromium's criteria");
  // As the installed app shows, on a tablet.
  await page.emulateMedia({ features: [{ name: "display-mode", value: "standalone" }] });
  await page.screenshot({ path: join(out, "app-installed-tablet.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a new version: offered while the old one runs, switched only at the user's word, drafts intact", async () => {
  // Version 1 as built; version 2 the same files with a new build name, as a deploy would bring.
  const v1 = join(scratch, "v1");
  const v2 = join(scratch, "v2");
  cpSync(APP, v1, { recursive: true });
  const one = buildOf(v1);
  const two = `${one}-2`;
  deployCopy(v1, v2, two);
  server.deploy(v1);
  const { context, page, problems } = await openApp();
  const other = await context.newPage();
  await other.goto(`${server.localhost}/#summary`);
  await other.locator("khanaen-summary #summary-files").waitFor({ state: "attached" });
  let form = page.locator("khanaen-form");
  assert.match(await page.locator("#app-footer").textContent(), new RegExp(one));
  await fillUnit(form, { province: "อุบลราชธานี", district: "วารินชำราบ", tambon: "บุ่งไหม" });
  await answerIndicator(form, "1", "65");
  await page.waitForTimeout(400);

  server.deploy(v2);
  await page.reload();
  form = await ready(page);
  const offer = page.locator("#app-update");
  await offer.getByRole("button", { name: /ใช้รุ่นใหม่/ }).waitFor();
  assert.match(await offer.textContent(), /มีรุ่นใหม่พร้อมใช้/);
  // Typing goes on in version 1: nothing reloads until the user says so.
  await answerIndicator(form, "2", "85");
  await page.waitForTimeout(600);
  assert.match(await page.locator("#app-footer").textContent(), new RegExp(`${one}(?!-2)`));
  assert.equal(await form.locator('input[data-path="/answers/2"]').inputValue(), "85");

  await page.screenshot({ path: join(out, "app-update-offer.png") });
  await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: /ใช้รุ่นใหม่/ }).click()]);
  form = await ready(page);
  await page.locator("#app-footer").filter({ hasText: two }).waitFor();
  assert.equal(await form.locator("#unit-tambon").inputValue(), "บุ่งไหม", "the draft survived the update");
  assert.equal(await form.locator('input[data-path="/answers/1"]').inputValue(), "65");
  assert.equal(await form.locator('input[data-path="/answers/2"]').inputValue(), "85", "typed while the offer waited");
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, [`khanaen-app-${two}`], "the old version's files are gone");
  // The other tab was not reloaded under its user: it says so, and reloads when asked.
  const otherOffer = other.locator("#app-update");
  await otherOffer.getByRole("button", { name: /โหลดใหม่/ }).waitFor();
  assert.match(await otherOffer.textContent(), /อัปเดตแล้วในอีกแท็บ/);
  await Promise.all([other.waitForEvent("load"), otherOffer.getByRole("button", { name: /โหลดใหม่/ }).click()]);
  await other.locator("#app-footer").filter({ hasText: two }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a deploy half copied to the server is refused: no offer, and the version here goes on working", async () => {
  const good = join(scratch, "good");
  const broken = join(scratch, "broken");
  cpSync(APP, good, { recursive: true });
  const name = `${buildOf(good)}-broken`;
  // The new worker lists the new app.js, but the server holds half of it.
  deployCopy(good, broken, name, (app) => app.slice(0, app.length / 2));
  server.deploy(good);
  const { context, page, problems } = await openApp();
  server.deploy(broken);
  const refused = page.waitForEvent("console", { predicate: (m) => /not the file of build/.test(m.text()), timeout: 5000 }).catch(() => null);
  await page.reload();
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).catch(() => {}));
  await refused;
  await page.waitForTimeout(1000);
  assert.equal(await page.locator("#app-update").textContent(), "", "nothing offered");
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`khanaen-app-${buildOf(good)}`], "only the working build kept");
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.doesNotMatch(await page.locator("#app-footer").textContent(), /broken/);
  assert.deepEqual(problems.filter((p) => !/not the file of build/.test(p)), []);
  await context.close();
});

test("storage: the app asks the browser to keep it and shows whether it does, and how much it holds", async () => {
  server.deploy(APP);
  const { context, page } = await openApp();
  const footer = page.locator("#app-footer");
  await footer.locator("#app-usage").waitFor();
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  assert.equal(await footer.locator("#app-persisted").getAttribute("data-persisted"), String(persisted));
  assert.match(await footer.textContent(), persisted ? /เก็บข้อมูลของแอปนี้ไว้ถาวร/ : /อาจลบข้อมูล/);
  assert.equal(await footer.locator("#app-persist").count(), persisted ? 0 : 1, "asking again is offered only when not kept");
  await footer.locator("#app-offline").waitFor();
  assert.match(await footer.locator("#app-offline").textContent(), /พร้อมใช้งานโดยไม่ต้องต่ออินเทอร์เน็ต/);
  // The footer sits below the indicators, which are not rendered until near
  // (content-visibility): the shot waits for the frame after the jump there.
  await footer.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await footer.screenshot({ path: join(out, "app-storage.png") });
  assert.match(await footer.locator("#app-usage").textContent(), /ใช้ไป \d+(\.\d)? (KB|MB|GB) จาก \d+(\.\d)? (KB|MB|GB)/);
  await context.close();
});

test("Share… stands beside each download where files can be shared, and hands over the same file", async () => {
  server.deploy(APP);
  const context = await browser.newContext({ viewport: tablet });
  await context.addInitScript(() => {
    window.sharedFiles = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async ({ files }) => {
      for (const f of files) {
        const bytes = new Uint8Array(await f.arrayBuffer());
        window.sharedFiles.push({ name: f.name, type: f.type, head: [...bytes.slice(0, 3)], text: await f.text() });
      }
    };
  });
  const page = await context.newPage();
  await page.goto(`${server.localhost}/`);
  const form = await ready(page);
  for (const id of ["download-json-share", "download-csv-share", "backup-drafts-share"]) {
    assert.ok(await form.locator(`#${id}`).isVisible(), id);
  }
  await fillUnit(form, { province: "อุบลราชธานี", district: "วารินชำราบ", tambon: "บุ่งไหม", round: 1 });
  await form.locator("#download-csv-share").click();
  await page.waitForFunction(() => window.sharedFiles.length === 1);
  const [csv] = await page.evaluate(() => window.sharedFiles);
  assert.match(csv.name, /^อุบลราชธานี-วารินชำราบ-บุ่งไหม_ครั้งที่1_.*\.csv$/, "the same Thai file name as the download");
  assert.equal(csv.type, "text/csv", "the bare media type share sheets match");
  assert.deepEqual(csv.head, [0xef, 0xbb, 0xbf], "UTF-8 BOM, as the download has");
  assert.match(csv.text, /^เกณฑ์การประเมิน/);
  // The summary and the progress report offer it too.
  await page.locator('nav.views button[data-view="progress"]').click();
  await page.locator("khanaen-progress #progress-csv-share").waitFor();
  await page.locator('nav.views button[data-view="summary"]').click();
  const summary = page.locator("khanaen-summary");
  await summary.locator("#summary-files").setInputFiles(join(root, "examples/collections/ubon-province-sheet.csv"));
  await summary.locator("#download-summary-csv-share").click();
  await page.waitForFunction(() => window.sharedFiles.length === 2);
  const [, sheet] = await page.evaluate(() => window.sharedFiles);
  assert.match(sheet.name, /^สรุปผล_อุบลราชธานี_2567_ครั้งที่\d\.csv$/);
  // A kind of file the browser refuses only when asked (Chrome and JSON): downloaded instead, and said.
  await page.evaluate(() => {
    navigator.share = async () => { throw new DOMException("Permission denied", "NotAllowedError"); };
  });
  await page.locator('nav.views button[data-view="form"]').click();
  const download = page.waitForEvent("download");
  await form.locator("#download-json-share").click();
  assert.match((await download).suggestedFilename(), /\.json$/);
  assert.match(await form.locator("#download-json-share + .share-note").textContent(), /ดาวน์โหลดให้แทนแล้ว/);
  await context.close();

  // Where the browser cannot share files, there is no Share button, only the downloads.
  const plain = await browser.newContext({ viewport: tablet });
  await plain.addInitScript(() => { delete Navigator.prototype.canShare; delete Navigator.prototype.share; });
  const page2 = await plain.newPage();
  await page2.goto(`${server.localhost}/`);
  const form2 = await ready(page2);
  assert.equal(await form2.locator("button.share").count(), 0);
  assert.ok(await form2.locator("#download-json").isVisible());
  await plain.close();
});
