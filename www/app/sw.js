// The web app's service worker: on the first visit it keeps this build's
// files (the page, its script and styles, the WebAssembly, the manifest and
// icons) in a cache named for the build, and from then on answers from that
// cache, so the form opens and works with no network. Each file is checked
// against the build's own digest before it is kept: a deploy half copied to
// the server is refused, and the version already here goes on working. A
// new build waits until the page, at the user's word, tells it to take over;
// the old cache goes when it does. Drafts live in the page's storage, never
// in a cache, so an update cannot touch them.

const BUILD = "/*BUILD*/";
const CACHE = `khanaen-app-${BUILD}`;
/** Each file of the build and the SHA-256 of its bytes, in hex. */
const FILES = /*FILES*/{};

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** The file as this build has it: from the HTTP cache if it is right, else fresh from the server. */
async function fetchChecked(url) {
  for (const mode of ["default", "reload"]) {
    const response = await fetch(new Request(url, { cache: mode }));
    if (response.ok && hex(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer())) === FILES[url]) {
      return response;
    }
  }
  throw new Error(`${url} on the server is not the file of build ${BUILD}`);
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const responses = await Promise.all(Object.keys(FILES).map(fetchChecked));
    const cache = await caches.open(CACHE);
    await Promise.all(Object.keys(FILES).map((url, i) => cache.put(url, responses[i])));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((n) => n.startsWith("khanaen-app-") && n !== CACHE).map((n) => caches.delete(n)))));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any address of the page (index.html, ?query, #view) is the page.
    const hit = await cache.match(request, { ignoreSearch: true })
      ?? (request.mode === "navigate" ? await cache.match("./") : undefined);
    if (hit) return hit;
    // A file of the build gone from the cache (storage cleared in part) is kept again once fetched.
    const url = Object.keys(FILES).find((f) => new URL(f, self.location).href === request.url.split(/[?#]/)[0]);
    if (url) {
      const response = await fetchChecked(url);
      await cache.put(url, response.clone());
      return response;
    }
    return fetch(request);
  })());
});
