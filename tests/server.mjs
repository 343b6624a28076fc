// A tiny static server on 127.0.0.1 for the portal test: serves dist/ with
// the Content-Security-Policy a portal would send. Stops with the test.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { root } from "./helpers.mjs";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
export const PORTAL_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

export async function serveDist() {
  const base = join(root, "dist");
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^([/\\])+/, "");
    try {
      const body = await readFile(join(base, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", "content-security-policy": PORTAL_CSP });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
