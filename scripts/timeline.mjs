// Where the time to the form's first painted frame goes: the performance
// marks of N fresh loads of dist/khanaen.html (file://, headless Chromium,
// tablet size), medians with ranges, interleaved with an empty page.
// Usage: node scripts/timeline.mjs [N] [file]
import { launch, offlinePage } from "../tests/browser.mjs";
import { singleFileUrl } from "../tests/helpers.mjs";
import { pathToFileURL } from "node:url";

const runs = Number(process.argv[2] || 10);
const url = process.argv[3] ? pathToFileURL(process.argv[3]).href : singleFileUrl;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const summary = (xs) => `${sorted(xs)[Math.floor(xs.length / 2)].toFixed(0).padStart(5)} ms [${sorted(xs)[0].toFixed(0)}–${sorted(xs).at(-1).toFixed(0)}]`;
const browser = await launch();
const marks = new Map();
const add = (name, t) => marks.set(name, [...(marks.get(name) || []), t]);
const emptyPage = `data:text/html,${encodeURIComponent(`<!doctype html><title>empty</title><p>x</p><script>
addEventListener("DOMContentLoaded", () => requestAnimationFrame(() =>
  scheduler.postTask(() => performance.mark("painted"), { priority: "user-blocking" })));
</script>`)}`;
for (let i = 0; i < runs; i += 1) {
  {
    const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(emptyPage);
    await page.waitForFunction(() => performance.getEntriesByName("painted").length > 0);
    add("empty page painted", await page.evaluate(() => performance.getEntriesByName("painted")[0].startTime));
    await context.close();
  }
  const { page, context } = await offlinePage(browser, { viewport: { width: 768, height: 1024 } });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("khanaen-painted").length > 0, null, { timeout: 20000 });
  await page.waitForTimeout(50);
  const got = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const paint = Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]));
    return [
      ["responseEnd", nav.responseEnd], ["domInteractive", nav.domInteractive], ["DOMContentLoaded", nav.domContentLoadedEventStart],
      ...performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]),
      ["first-paint", paint["first-paint"]], ["first-contentful-paint", paint["first-contentful-paint"]],
    ];
  });
  for (const [name, t] of got) if (t !== undefined) add(name, t);
  const at = Object.fromEntries(got);
  // A frame drawn is not yet shown while Chrome holds its commit: no earlier than the first paint.
  add("form visible", Math.max(at["khanaen-painted"], at["first-paint"] ?? 0));
  await context.close();
}
await browser.close();
for (const [name, xs] of [...marks].sort((a, b) => sorted(a[1])[Math.floor(a[1].length / 2)] - sorted(b[1])[Math.floor(b[1].length / 2)])) {
  console.log(`${name.padEnd(34)} ${summary(xs)}`);
}
