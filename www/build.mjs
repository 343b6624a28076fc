// Builds the pages for the browser: the ES modules of www/form, www/summary
// and www/progress are concatenated in dependency order with their import
// lines removed (they share one scope), behind the wasm-bindgen glue, and the
// script is minified with esbuild.
//
//   dist/khanaen.html     one self-contained file for file:// and no network:
//                         scripts and styles inline, the WebAssembly gzipped
//                         in base64 in a data block, unpacked with
//                         DecompressionStream.
//   dist/esm/             the ES-module build for portals: khanaen-form.js and
//                         khanaen_bg.wasm beside it, no inline script or style
//                         (styles are adopted as a constructed stylesheet).
//   dist/portal.html      a sample portal page embedding the ES-module build.
//   dist/app/             the installable web app for tablets: the page, the
//                         ES-module script, a manifest, icons and a service
//                         worker that keeps them for offline use.
//
// Usage: node www/build.mjs   (after wasm-pack has written dist/pkg)

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { iconPng } from "./app/icon.mjs";
import { transform } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (path) => readFileSync(join(root, path), "utf8");
const write = (path, text) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  const bytes = Buffer.byteLength(text);
  console.log(`${path}: ${bytes} bytes, ${gzipSync(Buffer.from(text), { level: 9 }).length} gzipped`);
};

const MODULES = ["form/dom", "form/i18n", "form/drafts", "form/rubrics", "form/draft-panel", "form/chart", "form/fields", "form/banded", "form/unit-report", "form/weighted",
  "form/report", "form/khanaen-form", "summary/words", "summary/tables", "summary/khanaen-summary", "progress/khanaen-progress"];

function unmodule(source, name) {
  const body = source
    .replace(/^import [^;]*;\s*$/gm, "")
    .replace(/^export (function|class|const|async function) /gm, "$1 ")
    .replace(/^export \{[^}]*\};?\s*$/m, "");
  if (/^(import|export) /m.test(body)) throw new Error(`${name}: an import or export this builder cannot flatten`);
  return `// ---- ${name}\n${body}`;
}

const glue = unmodule(read("dist/pkg/khanaen.js"), "wasm-bindgen glue");
const form = MODULES.map((m) => unmodule(read(`www/${m}.js`), `www/${m}.js`)).join("\n");
const css = read("www/form/style.css");
const summaryCss = read("www/summary/style.css");
const CORE = `const core = { Assessment, checkRubric, Collection, decodeFile, describe, exportCsv, exportJson, frameworks, importJson, score,
  scoreWithFramework, sheetTemplate, version, progressReport, progressCsv, progressSum, progressSumCsv };`;
// JSON text is a safe script literal once "<" is escaped.
const literal = (value) => JSON.stringify(value).replace(/</g, "\\u003c");
// Both elements, on one core loaded once; the form's styles are the summary's base.
const define = (formOptions = "{}") => `const formCss = ${literal(css)};
defineKhanaenForm(loadCore, formCss, ${formOptions});
const summaryCss = ${literal(summaryCss)};
defineKhanaenSummary(loadCore, [formCss, summaryCss]);
defineKhanaenProgress(loadCore, [formCss, summaryCss]);`;
const DEFINE = define();

const wasmBytes = readFileSync(join(root, "dist/pkg/khanaen_bg.wasm"));

// What the form shows first, computed by the core at build time: the
// frameworks, and the default framework's rubric view and blank result. The
// single file paints the form from it while the wasm still compiles.
const pkg = await import(pathToFileURL(join(root, "dist/pkg/khanaen.js")).href);
pkg.initSync({ module: wasmBytes });
const firstFrame = (() => {
  const frameworks = pkg.frameworks();
  const blank = { framework: frameworks[0].id, edition: frameworks[0].editions.at(-1).edition, unit: {}, answers: {} };
  const assessment = new pkg.Assessment(blank);
  try {
    return { frameworks, view: assessment.view(), result: assessment.result() };
  } finally {
    assessment.free();
  }
})();

// The core the elements are given: the built-ins listed as this very core
// listed them when the page was built. Asked of the core, frameworks()
// loads all three rubrics before the first assessment is scored (which
// loads its own only). A test holds the list to the core's.
const LISTED_CORE = `${CORE}
const BUILT_IN_FRAMEWORKS = ${literal(firstFrame.frameworks)};
const listedCore = { ...core, frameworks: () => structuredClone(BUILT_IN_FRAMEWORKS) };`;

// The single file.
/**
 * A script minified by esbuild (shorter names, no comments or spaces); for a
 * script inlined in the page, refused if it could end its <script> element early.
 */
async function minified(code, inline = false) {
  const { code: out } = await transform(code, { minify: true, format: "esm", target: "es2022", legalComments: "none", charset: "utf8" });
  if (inline && /<\/script|<!--/i.test(out)) throw new Error("the minified script would end its <script> element early");
  return out;
}

// The wasm's bytes come first in the body, gzipped, in base64; a classic
// script right after them starts unzipping and compiling them while the
// parser reads on. The form's script (a module: it runs once the page is
// parsed) paints the form from the first frame's data without waiting for
// the core, and scores it once the core is here. That data is plain JSON,
// read at once: unzipped, it came later than the core (measured).
const early = `performance.mark("khanaen-compile-start");
const text = document.getElementById("khanaen-wasm").textContent.trim();
let packed;
if (Uint8Array.fromBase64) packed = Uint8Array.fromBase64(text);
else {
  const binary = atob(text);
  packed = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) packed[i] = binary.charCodeAt(i);
}
const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
window.khanaenWasm = WebAssembly.compileStreaming(new Response(stream, { headers: { "content-type": "application/wasm" } }));`;
const single = `${glue}
${form}
${LISTED_CORE}
let loading = null;
function loadCore() {
  loading ??= window.khanaenWasm.then((module) => __wbg_init({ module_or_path: module })).then(() => {
    performance.mark("khanaen-wasm-instantiated");
    return listedCore;
  });
  return loading;
}
const firstFrame = () => JSON.parse(document.getElementById("khanaen-first-frame").textContent);
${define("{ firstFrame }")}
${read("www/page.js")}
`;
const dataBlock = (id, bytes) => `<script type="application/octet-stream" id="${id}">${gzipSync(bytes, { level: 9 }).toString("base64")}</script>`;
const pageCss = read("www/page.css");
/** The page of www/index.html with its head and script parts filled in. */
const page = (parts) => read("www/index.html").replace(/<!--(CSP|STYLE|EARLY|SCRIPT)-->/g, (_, part) => parts[part]);
const cspMeta = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
write("dist/khanaen.html", page({
  CSP: cspMeta("default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:"),
  STYLE: `<style>\n${pageCss}</style>`,
  EARLY: [
    dataBlock("khanaen-wasm", wasmBytes),
    `<script>(()=>{${await minified(early, true)}})()</script>`,
    `<script type="application/json" id="khanaen-first-frame">${literal(firstFrame)}</script>`,
  ].join("\n"),
  SCRIPT: `<script type="module">${await minified(single, true)}</script>`,
}));

// The ES-module build: fetches its .wasm from beside itself.
const moduleBody = `${glue}
${form}
${LISTED_CORE}
let loading = null;
function loadCore() {
  loading ??= __wbg_init({ module_or_path: new URL("khanaen_bg.wasm", import.meta.url) }).then(() => listedCore);
  return loading;
}
${DEFINE}`;
const esm = `// <khanaen-form>, <khanaen-summary> and <khanaen-progress>, ES-module build. Import it once: it defines the three elements.
${moduleBody}
export { core, defineKhanaenForm, defineKhanaenSummary, defineKhanaenProgress };
`;
write("dist/esm/khanaen-form.js", await minified(esm));
copyFileSync(join(root, "dist/pkg/khanaen_bg.wasm"), join(root, "dist/esm/khanaen_bg.wasm"));
copyFileSync(join(root, "dist/pkg/khanaen.d.ts"), join(root, "dist/esm/khanaen.d.ts"));
for (const f of ["portal.html", "portal.js", "portal.css"]) copyFileSync(join(root, "www", f), join(root, "dist", f));

// The installable web app: the page, its script and styles, the .wasm, a
// manifest, icons and a service worker that keeps them all for offline use.
// No inline script or style: it runs under a portal's strict CSP.
const app = await minified(`// คะแนน web app: the three elements and the page, ES-module build.
${moduleBody}
${read("www/page.js")}
const APP_BUILD = "/*BUILD*/";
${read("www/app/shell.js")}
`);
const manifest = `${JSON.stringify({
  id: "./",
  name: "คะแนน · แบบประเมินผลงานพัฒนาชุมชน",
  short_name: "คะแนน",
  description: "แบบประเมิน ศอช.ต. ตัวชี้วัด และรายงาน ใช้งานได้โดยไม่ต้องต่ออินเทอร์เน็ต · Community-development scoring, offline",
  lang: "th",
  dir: "ltr",
  start_url: "./",
  scope: "./",
  display: "standalone",
  orientation: "any",
  background_color: "#eef1f4",
  theme_color: "#124e89",
  icons: [
    { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
}, null, 2)}\n`;
const appPage = page({
  CSP: cspMeta("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"),
  STYLE: [
    '<link rel="stylesheet" href="app.css">',
    '<link rel="manifest" href="manifest.webmanifest">',
    '<meta name="theme-color" content="#124e89">',
    '<link rel="icon" href="icons/icon-192.png" type="image/png">',
    '<link rel="apple-touch-icon" href="icons/icon-180.png">',
    '<meta name="apple-mobile-web-app-capable" content="yes">',
    '<meta name="apple-mobile-web-app-title" content="คะแนน">',
  ].join("\n"),
  EARLY: "",
  SCRIPT: '<script type="module" src="app.js"></script>',
});
const icons = { "icons/icon-180.png": iconPng(180), "icons/icon-192.png": iconPng(192), "icons/icon-512.png": iconPng(512) };
// The build is named by its content (the service worker's own code too): a
// new build is a new service worker, and a new cache.
const swTemplate = read("www/app/sw.js");
const hash = createHash("sha256").update(swTemplate).update(wasmBytes);
const texts = { "index.html": appPage, "app.js": app, "app.css": pageCss, "manifest.webmanifest": manifest };
for (const [name, content] of [...Object.entries(texts), ...Object.entries(icons)]) hash.update(name).update(content);
const build = hash.digest("hex").slice(0, 12);
const appFiles = { ...Object.fromEntries(Object.entries(texts).map(([n, t]) => [n, Buffer.from(t.replace("/*BUILD*/", build))])),
  ...icons, "khanaen_bg.wasm": wasmBytes };
mkdirSync(join(root, "dist/app/icons"), { recursive: true });
for (const [name, bytes] of Object.entries(appFiles)) writeFileSync(join(root, "dist/app", name), bytes);
// What the worker keeps, each with the digest it must have: the page is kept as "./".
const digest = (bytes) => createHash("sha256").update(bytes).digest("hex");
const kept = Object.fromEntries(Object.entries(appFiles).map(([name, bytes]) => [name === "index.html" ? "./" : name, digest(bytes)]));
write("dist/app/sw.js", swTemplate.replace("/*BUILD*/", build).replace("/*FILES*/{}", JSON.stringify(kept, null, 2)));
console.log(`dist/app/: build ${build}, app.js ${appFiles["app.js"].length} bytes`);
