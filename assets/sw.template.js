// Service worker, generated at build time by scripts/post-build.mjs from this template.
// Built (hashed) files are served from the cache first; pages go to the network first and
// fall back to the cached app page offline. A new deployment installs a new worker, which
// waits until the learner accepts the update; old caches are removed when it takes over.
//
// Installing saves what Home needs (FILES), which the first visit has just downloaded. The
// rest, the other pages' code with the curriculum and search index (APP) and the lesson
// texts (LESSONS), is saved when a page asks (`save-all`), which assets/app-shell.js does
// unless the browser asks to save data. Either way every built file is kept once used, so
// what a learner has opened works offline. Sealed masterclasses are never saved ahead (only
// learners with a key fetch them).
const VERSION = "__VERSION__";
const CACHE = `storewise-${VERSION}`;
const FILES = __FILES__;
const APP = __APP__;
const LESSONS = __LESSONS__;

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

/** Saves every file of `paths` not saved yet; true when all are saved. A file that fails
 *  is tried again next time. */
async function save(paths) {
  const cache = await caches.open(CACHE);
  const saved = new Set((await cache.keys()).map((request) => request.url));
  const missing = paths.filter((path) => !saved.has(new URL(path, self.location.href).href));
  const results = await Promise.allSettled(missing.map((path) => cache.add(path)));
  return results.every((r) => r.status === "fulfilled");
}

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "save-all") {
    event.waitUntil(
      save(APP)
        .then((app) => save(LESSONS).then((lessons) => app && lessons))
        .then((complete) => {
          if (event.source) event.source.postMessage({ type: "storewise:saved", complete });
        }),
    );
  }
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
            // Built files are named by their contents and never change: keep what was used.
            if (response.ok && /\/(content|wasm-[0-9a-f]+)\/[^/]+$/.test(url.pathname)) cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
