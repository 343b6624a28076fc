// The web app's service worker: on the first visit it keeps this build's
// files (the page, its script and styles, the WebAssembly, the manifest and
// icons) in a cache named for the build, and from then on answers from that
// cache, so the form opens and works with no network. A new build waits
// until the page, at the user's word, tells it to take over; the old cache
// goes when it does. Drafts live in the page's storage, never in a cache,
// so an update cannot touch them.

const BUILD = "/*BUILD*/";
const CACHE = `khanaen-app-${BUILD}`;
const FILES = /*FILES*/[];

self.addEventListener("install", (event) => {
  // Fresh from the server, not from the HTTP cache: the files of this build.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))));
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
    return hit ?? fetch(request);
  })());
});
