// Service worker, generated at build time by scripts/post-build.mjs from this template.
// Built (hashed) files are served from the cache first; pages go to the network first and
// fall back to the cached app page offline. Sealed masterclasses are not precached (only
// learners with a key fetch them); they are kept once fetched. A new deployment installs a new worker, which
// waits until the learner accepts the update; old caches are removed when it takes over.
const VERSION = "__VERSION__";
const CACHE = `storewise-${VERSION}`;
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("storewise-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(new URL("index.html", self.registration.scope).href))),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            // Hashed content files never change: keep them for offline reading.
            if (response.ok && url.pathname.endsWith(".sealed")) cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
