// A tiny static server for the portal and web-app tests: serves a folder
// (dist/ unless told) with the Content-Security-Policy a portal would send.
// The folder can be switched while it runs: a new build deployed. Stops
// with the test.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { root } from "./helpers.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json", ".png": "image/png", ".json": "application/json",
};
export const PORTAL_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

export async function serveDist(base = join(root, "dist")) {
  let folder = base;
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^([/\\])+/, "");
    if (path === "" || path.endsWith("/")) path += "index.html";
    try {
      const body = await readFile(join(folder, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", "content-security-policy": PORTAL_CSP });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    // localhost, as browsers treat it: a secure context where a service worker may run.
    localhost: `http://localhost:${port}`,
    deploy: (next) => { folder = next; },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}
