/*
 * Zero Distance's service worker: the gathering console keeps working where the network is poor.
 * Pages load from the last copy of the app shell when the network is gone; the app's files
 * (named by content hash) are kept once fetched; a gathering's staff view and the session are
 * answered from the last copy when offline. Entries themselves wait in the page's own queue.
 */
const cacheName = 'zd-offline-v1';
const shellKey = '/__shell';
const apiCopies = /^\/api\/v1\/(gatherings\/\d+|auth\/session|config)$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('zd-offline-') && k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key ?? request, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(key ?? request, { ignoreVary: true });
    if (copy) return copy;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(cacheName);
  const copy = await cache.match(request, { ignoreVary: true });
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, shellKey));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (apiCopies.test(url.pathname)) event.respondWith(networkFirst(request));
});
