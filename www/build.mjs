// Builds dist/khanaen.html: one self-contained file that works opened from
// file:// with no network. The wasm-pack glue, the page script and styles are
// inlined; the WebAssembly bytes travel gzipped in base64 and are unpacked
// with the browser's DecompressionStream.
//
// Usage: node www/build.mjs   (after wasm-pack has written dist/pkg)

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (path) => readFileSync(join(root, path), "utf8");

const glue = read("dist/pkg/khanaen.js")
  .replace(/^export function /gm, "function ")
  .replace(/^export \{[^}]*\};?\s*$/m, "");
if (/^export /m.test(glue)) throw new Error("unexpected export left in the wasm-bindgen glue");

const wasm = gzipSync(readFileSync(join(root, "dist/pkg/khanaen_bg.wasm")), { level: 9 });
const examples = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => [f.replace(/\.json$/, ""), read(`examples/${f}`)]);
const app = read("www/app.js").replace(/^export function start/m, "function start");

// JSON.stringify output is safe inside a script element once "<" is escaped.
const literal = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

const script = `${glue}
const core = { describe, exportCsv, exportJson, frameworks, importJson, score, scoreWithFramework, version };
${app}
const WASM_GZIP_BASE64 = ${literal(wasm.toString("base64"))};
async function wasmBytes() {
  const packed = Uint8Array.from(atob(WASM_GZIP_BASE64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
__wbg_init({ module_or_path: await wasmBytes() })
  .then(() => start(core, ${literal(examples)}))
  .catch((err) => { document.getElementById("status").textContent = "โหลดไม่สำเร็จ / failed to load: " + err; });
`;

const html = read("www/index.html")
  .replace("/*STYLE*/", () => read("www/style.css"))
  .replace("/*SCRIPT*/", () => script);
writeFileSync(join(root, "dist/khanaen.html"), html);
const gz = gzipSync(Buffer.from(html), { level: 9 }).length;
console.log(`dist/khanaen.html: ${Buffer.byteLength(html)} bytes, ${gz} gzipped`);
