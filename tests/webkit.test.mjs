// The single file in WebKit, the engine of Safari on the iPad: Debian's
// WebKitGTK MiniBrowser (JavaScriptCore) driven over W3C WebDriver by
// WebKitWebDriver, under a virtual X display. It loads from file://, takes
// Thai digits and scores. A screenshot goes to dist/test-output/webkit.png.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, singleFileUrl } from "./helpers.mjs";

const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("WebKit: the single file loads offline and scores", async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const driver = spawn("xvfb-run", ["-a", "WebKitWebDriver", `--port=${port}`], { stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body),
    });
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  const run = (id, script) => call("POST", `/session/${id}/execute/sync`, { script, args: [] });
  try {
    let session;
    for (let i = 0; i < 40 && !session; i += 1) {
      try {
        session = await call("POST", "/session", { capabilities: { alwaysMatch: {
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        } } });
      } catch (err) {
        if (i === 39) throw err;
        await sleep(250); // the driver is still starting
      }
    }
    const id = session.sessionId;
    await call("POST", `/session/${id}/url`, { url: singleFileUrl });
    let ready = "";
    for (let i = 0; i < 120 && !ready; i += 1) {
      ready = await run(id, "const bar = document.querySelector('khanaen-form')?.shadowRoot?.querySelector('.scorebar'); return bar ? bar.textContent : '';");
      if (!ready) await sleep(250);
    }
    assert.equal(ready, "คะแนนสะสม 0 · ยังขาด 23 ข้อ · ยังไม่ได้ระบุครั้งที่ประเมิน: ยังไม่นับในสรุปผล");
    const shown = await run(id, `
      const root = document.querySelector('khanaen-form').shadowRoot;
      const input = root.querySelector('input[data-path="/answers/1"]');
      input.value = '๗๐';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      root.querySelector('input[data-path="/answers/6"][value="fund_raising"]').click();
      return [root.querySelector('article[data-indicator="1"] output.points').textContent,
              root.querySelector('article[data-indicator="6"] output.points').textContent,
              root.querySelector('.scorebar').textContent];`);
    assert.deepEqual(shown, ["2 คะแนน", "3 คะแนน", "คะแนนสะสม 5 · ยังขาด 21 ข้อ · ยังไม่ได้ระบุครั้งที่ประเมิน: ยังไม่นับในสรุปผล"]);
    mkdirSync(join(root, "dist/test-output"), { recursive: true });
    writeFileSync(join(root, "dist/test-output/webkit.png"), Buffer.from(await call("GET", `/session/${id}/screenshot`), "base64"));
    await call("DELETE", `/session/${id}`);
  } finally {
    try { process.kill(-driver.pid); } catch { /* already gone */ }
  }
});
