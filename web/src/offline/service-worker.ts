/**
 * The service worker: the app's files are cached when it installs, so the app opens without a connection
 * (pages fall back to the cached shell, hashed assets come from the cache). API requests are never touched:
 * offline recordings wait in IndexedDB (offline/outbox.ts), not here.
 */
export {};

declare const self: ServiceWorkerGlobalScope & {
  /** The build's files and a version, written in front of this file by web/service-worker-precache.ts. */
  PULSE_PRECACHE: { version: string; urls: string[] };
};

const { version, urls } = self.PULSE_PRECACHE;
const CACHE = `pulse-app-${version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The newest page when online; the cached shell (every route is the same page) when not.
    event.respondWith(fetch(request).catch(() => cachedShell()));
    return;
  }
  if (urls.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
  }
});

async function cachedShell(): Promise<Response> {
  const shell = await caches.match('/', { cacheName: CACHE });
  return shell ?? Response.error();
}
